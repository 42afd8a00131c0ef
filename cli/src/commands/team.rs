//! A team desk: serving it, signing in and out of its server, and moving a desk file into it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use copydesk_client::Client;
use copydesk_core::api::DeskSettingsOp;
use copydesk_core::desk::{PushReport, SetupCode, file_digest, parse_timezone};
use copydesk_core::{Desk, ErrorCode, SystemClock};
use serde_json::json;

use crate::login::{self, Kept};
use crate::output::{CliResult, Failure, Reply, time, to_json};

pub struct ServeArgs {
    pub database: String,
    pub listen: String,
    pub tls: Option<(PathBuf, PathBuf)>,
    pub publish_folder: PathBuf,
    pub secrets_folder: Option<PathBuf>,
    pub accept_push: bool,
    pub log_json: bool,
}

/// Serves until Ctrl-C or SIGTERM, then stops gracefully.
pub fn serve(args: ServeArgs) -> CliResult<Reply> {
    copydesk_server::log_to_stderr(args.log_json);
    let address: SocketAddr = args.listen.trim().parse().map_err(|_| {
        let mut f = Failure::usage(format!(
            "“{}” is not an address to listen on: give one like 127.0.0.1:8440",
            args.listen
        ));
        f.error.field = Some("listen".into());
        f
    })?;
    let desk = Desk::connect(&args.database, Arc::new(SystemClock))?;
    let waiting = match (desk.is_initialised()?, args.accept_push) {
        (true, accept) => {
            if accept {
                tracing::info!("the database holds a desk already: --accept-push waits for none");
            }
            None
        }
        (false, true) => Some(setup_code()?),
        (false, false) => {
            return Err(Failure::new(
                ErrorCode::NotInitialised,
                "this database holds no desk yet: create one with `copydesk init --database URL …`; move a desk file into it with `copydesk push --database URL`, or start the server with --accept-push and push the file through it (`copydesk push --server URL`)",
            ));
        }
    };
    let mut desk = desk.with_site_folder(&args.publish_folder)?;
    if let Some(folder) = &args.secrets_folder {
        desk = desk.with_secrets_folder(folder)?;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::new(ErrorCode::Internal, format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        let listen = copydesk_server::Listen {
            address,
            tls: args.tls.clone(),
        };
        let server = match &waiting {
            Some((code, _)) => copydesk_server::start_waiting(desk, listen, code.clone()).await?,
            None => copydesk_server::start(desk, listen).await?,
        };
        let scheme = if args.tls.is_some() { "https" } else { "http" };
        tracing::info!(address = %server.address(), "serving the team desk at {scheme}://{}", server.address());
        if let Some((code, made)) = &waiting {
            // The code is printed only when the server made it: one chosen in the environment
            // is known to whoever chose it, and logs travel further than environments.
            let code = if *made {
                code.as_str().to_string()
            } else {
                "in COPYDESK_SETUP_CODE".to_string()
            };
            tracing::warn!(
                "this team desk is empty and waits for a desk file: on the computer that holds it, run `copydesk push --server {scheme}://{} --db FILE`; the setup code is {code}",
                server.address()
            );
        }
        copydesk_server::stopped().await;
        tracing::info!("stopping: finishing the requests under way");
        server
            .stop(Duration::from_secs(10))
            .await
            .map_err(|e| Failure::new(ErrorCode::Io, format!("the server stopped badly: {e}")))?;
        Ok(Reply::Done)
    })
}

/// The code a server waiting for a desk file takes it with: chosen in COPYDESK_SETUP_CODE, or
/// made now (and then printed); the flag says it was made.
fn setup_code() -> CliResult<(SetupCode, bool)> {
    match std::env::var("COPYDESK_SETUP_CODE") {
        Ok(chosen) => Ok((SetupCode::chosen(&chosen)?, false)),
        Err(_) => Ok((SetupCode::generate(), true)),
    }
}

/// The passphrase from COPYDESK_PASSPHRASE, else asked for on the terminal, else read from stdin.
fn passphrase() -> CliResult<String> {
    crate::input::secret("Passphrase", "COPYDESK_PASSPHRASE")
}

fn server_of(server: Option<&str>) -> CliResult<Client> {
    let server = server.ok_or_else(|| {
        Failure::usage("name the team desk's server: --server URL (or COPYDESK_SERVER)")
    })?;
    Ok(Client::new(server)?)
}

pub fn login(server: Option<&str>, as_user: Option<&str>) -> CliResult<Reply> {
    let mut client = server_of(server)?;
    let name = as_user
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| Failure::usage("name who signs in: --as NAME (or COPYDESK_USER)"))?;
    let signed_in = client.sign_in(name, &passphrase()?)?;
    login::keep(
        client.base(),
        Kept {
            user: signed_in.user.name.clone(),
            token: signed_in.token.clone(),
        },
    )?;
    let settings = client.call(&DeskSettingsOp {})?;
    let human = format!(
        "signed in to {} (“{}”) as {} ({}); the session lasts until {}",
        client.base(),
        settings.name,
        signed_in.user.name,
        signed_in.user.role.as_str(),
        time(
            signed_in.session.expires_at,
            parse_timezone(&settings.timezone)?
        )
    );
    let json = json!({
        "server": client.base(),
        "user": to_json(&signed_in.user)?,
        "session": to_json(&signed_in.session)?,
    });
    Ok(Reply::new(json, human))
}

pub fn logout(server: Option<&str>) -> CliResult<Reply> {
    let client = server_of(server)?;
    let Some(kept) = login::forget(client.base())? else {
        return Ok(Reply::new(
            json!({ "server": client.base(), "signed_out": false }),
            format!("not signed in to {}", client.base()),
        ));
    };
    let mut client = client.with_token(kept.token);
    if let Err(e) = client.sign_out() {
        return Err(Failure::new(
            e.code,
            format!(
                "signed out on this computer, but the server could not be told ({}): the session stays open there until it runs out or the chief ends it",
                e.message
            ),
        ));
    }
    Ok(Reply::new(
        json!({ "server": client.base(), "user": kept.user, "signed_out": true }),
        format!("signed out of {} ({})", client.base(), kept.user),
    ))
}

fn desk_to_push(file: &Path) -> CliResult<Desk> {
    if !file.exists() {
        return Err(Failure::new(
            ErrorCode::NotInitialised,
            format!(
                "there is no desk at {}: point --db (COPYDESK_DB) at the desk file to push",
                file.display()
            ),
        ));
    }
    Ok(Desk::open(file, Arc::new(SystemClock))?)
}

/// `push --database`: copies the desk file straight into the team database.
pub fn push(file: &Path, database: &str) -> CliResult<Reply> {
    let source = desk_to_push(file)?;
    let target = Desk::connect(database, Arc::new(SystemClock))?;
    let report = source.push_into(&target)?;
    pushed(file, &report)
}

/// `push --server`: sends a copy of the desk file, made at one moment while it may be in use, to
/// a server waiting for one; the server checks it arrived whole and copies it in.
pub fn push_to_server(file: &Path, server: &str) -> CliResult<Reply> {
    let client = Client::new(server)?;
    let source = desk_to_push(file)?;
    let code = crate::input::secret("Setup code", "COPYDESK_SETUP_CODE")?;
    let folder = tempfile::tempdir().map_err(|e| {
        Failure::new(
            ErrorCode::Io,
            format!("cannot make a folder for the copy to send: {e}"),
        )
    })?;
    let copy = folder.path().join("desk.db");
    source.backup_to(&copy)?;
    drop(source);
    let digest = file_digest(&copy)?;
    let report: PushReport = client.push_desk_file(&copy, &digest, &code)?;
    pushed(file, &report)
}

fn pushed(file: &Path, report: &PushReport) -> CliResult<Reply> {
    let mut human = format!(
        "copied {} into the team database ({}) and checked it: {}; the text of all {} articles matches",
        file.display(),
        report.storage,
        report
            .tables
            .iter()
            .map(|t| format!("{} {}", t.rows, t.name.replace('_', " ")))
            .collect::<Vec<_>>()
            .join(", "),
        report.articles_verified
    );
    if !report.without_passphrase.is_empty() {
        human.push_str(&format!(
            "\nno passphrase yet, so they cannot sign in until the chief sets one: {}",
            report.without_passphrase.join(", ")
        ));
    }
    Ok(Reply::new(to_json(report)?, human))
}
