//! `copydesk`: the desk's engine from a terminal. This file reads the command line and hands
//! each command to its module; `output` decides how the answer or the failure is printed.

mod args;
mod bench;
mod bench_team;
mod commands;
mod context;
mod demo;
mod input;
mod login;
mod output;

use std::process::ExitCode;
use std::sync::Arc;

use chrono::Utc;
use clap::Parser;
use clap::error::ErrorKind;
use copydesk_core::{Clock, ManualClock, SystemClock};

use args::{Cli, Command, ExportCommand};
use commands::{
    articles, calendar, contributors, import, maintenance, notes, publishing, search, settings,
    team, users,
};
use context::{Ctx, Open, db_path};
use input::parse_time;
use output::{CliResult, Failure, Reply, out};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let json = cli.json;
    match run(cli) {
        Ok(Reply::Print { json: value, human }) => {
            if json {
                out(&value.to_string());
            } else {
                out(&human);
            }
            ExitCode::SUCCESS
        }
        Ok(Reply::Done) => ExitCode::SUCCESS,
        Err(f) => {
            f.print(json);
            ExitCode::from(f.exit_code())
        }
    }
}

fn run(cli: Cli) -> CliResult<Reply> {
    let json = cli.json;
    let server = cli.server.clone();
    let open = |mode: Open| -> CliResult<Ctx> {
        match &server {
            Some(url) => Ctx::remote(url, cli.as_user.clone()),
            None => Ctx::open(db_path(cli.db.clone())?, mode, cli.as_user.clone()),
        }
    };
    // What only a desk file (or the machine holding it) does.
    let file_only = |what: &str, instead: &str| -> CliResult<()> {
        match &server {
            Some(url) => Err(Failure::usage(format!(
                "{what} works on a desk file (--db), not through the server at {url}: {instead}"
            ))),
            None => Ok(()),
        }
    };
    match cli.command {
        Command::Init {
            desk,
            tz,
            chief,
            database: Some(database),
        } => maintenance::init_team(&database, &desk, &tz, &chief),
        Command::Init {
            desk,
            tz,
            chief,
            database: None,
        } => {
            file_only("init", "create a team desk with init --database URL")?;
            maintenance::init(db_path(cli.db.clone())?, &desk, &tz, &chief)
        }
        Command::Serve {
            database,
            listen,
            tls_cert,
            tls_key,
            publish_folder,
            secrets_folder,
            accept_push,
            log_json,
        } => team::serve(team::ServeArgs {
            database,
            listen,
            tls: tls_cert.zip(tls_key),
            publish_folder,
            secrets_folder,
            accept_push,
            log_json,
        }),
        Command::Login => team::login(server.as_deref(), cli.as_user.as_deref()),
        Command::Logout => team::logout(server.as_deref()),
        Command::Push { database } => {
            let file = db_path(cli.db.clone())?;
            match (server.as_deref(), database) {
                (None, Some(database)) => team::push(&file, &database),
                (Some(server), None) => team::push_to_server(&file, server),
                (Some(_), Some(_)) => Err(Failure::usage(
                    "push goes to one team desk: give --server URL or --database URL, not both (check COPYDESK_SERVER and COPYDESK_DATABASE)",
                )),
                (None, None) => Err(Failure::usage(
                    "name the team desk to push into: --server URL (its server, started with --accept-push) or --database URL (its database)",
                )),
            }
        }
        Command::Bench {
            articles,
            dir,
            keep,
            database,
            instance,
            editors,
            seconds,
            due_pieces,
            push,
            wordpress,
            wordpress_user,
        } => {
            if let Some(pieces) = push {
                let site = match wordpress {
                    Some(url) => Some(copydesk_core::bench::WordPressSite {
                        url,
                        user: wordpress_user.ok_or_else(|| {
                            Failure::usage("name the WordPress user: --wordpress-user NAME")
                        })?,
                        password: std::env::var("COPYDESK_WORDPRESS_PASSWORD").map_err(|_| {
                            Failure::usage(
                                "give the application password in COPYDESK_WORDPRESS_PASSWORD",
                            )
                        })?,
                    }),
                    None => None,
                };
                bench::push(pieces, dir, site, json)
            } else if instance.is_empty() {
                maintenance::bench(articles, dir, keep, database, json)
            } else {
                let load = bench_team::Load {
                    instances: instance,
                    editors,
                    seconds,
                    due_pieces,
                    chief: cli.as_user.clone().unwrap_or_else(|| bench::CHIEF.into()),
                    passphrase: std::env::var("COPYDESK_PASSPHRASE")
                        .unwrap_or_else(|_| bench::TEAM_PASSPHRASE.into()),
                };
                bench::load(&load, json)
            }
        }
        Command::Demo { articles } => {
            file_only(
                "demo",
                "fill a team desk with the fill_sample_desk operation",
            )?;
            maintenance::demo(db_path(cli.db.clone())?, json, articles)
        }
        Command::User(cmd) => users::run(&open(Open::Existing)?, cmd),
        Command::Contributor(cmd) => contributors::run(&open(Open::Existing)?, cmd),
        Command::Article(cmd) => articles::run(&open(Open::Existing)?, cmd),
        Command::Note(cmd) => notes::run(&open(Open::Existing)?, cmd),
        Command::Search(a) => search::search(&open(Open::Existing)?, a),
        Command::Audit {
            article,
            user,
            page,
        } => search::audit(&open(Open::Existing)?, article, user, page),
        Command::Calendar(cmd) => calendar::run(&open(Open::Existing)?, cmd),
        Command::Export(ExportCommand::Ics { file, window }) => {
            calendar::export_ics(&open(Open::Existing)?, &file, &window)
        }
        Command::PublishDue { now } => {
            file_only(
                "publish-due",
                "every server instance publishes due pieces itself",
            )?;
            // The scheduler acts for nobody. With --now the desk's clock stands at that instant,
            // read in the desk's zone once the desk is open.
            let manual = Arc::new(ManualClock::new(Utc::now()));
            let clock: Arc<dyn Clock> = match now {
                Some(_) => manual.clone(),
                None => Arc::new(SystemClock),
            };
            let ctx = Ctx::open_with_clock(db_path(cli.db.clone())?, Open::Existing, None, clock)?;
            if let Some(text) = now {
                manual.set(parse_time(&text, ctx.tz()?)?);
            }
            publishing::publish_due(&ctx)
        }
        Command::Jobs(cmd) => publishing::jobs(&open(Open::Existing)?, cmd),
        Command::Site(cmd) => publishing::site(&open(Open::Existing)?, cmd),
        Command::Settings(cmd) => settings::run(&open(Open::Existing)?, cmd),
        Command::Backup { file } => {
            file_only("backup", "back up the team database with pg_dump")?;
            maintenance::backup(&open(Open::Existing)?, &file)
        }
        Command::Check => {
            file_only(
                "check",
                "a team database is checked with PostgreSQL's own tools (pg_amcheck)",
            )?;
            maintenance::check(&open(Open::Existing)?)
        }
        Command::Import {
            files,
            dry_run,
            update_bios,
        } => import::run(&open(Open::Existing)?, &files, dry_run, update_bios),
    }
}

/// Help and version go to stdout as clap writes them; a malformed command line becomes the same
/// one-line error as every other failure, pointing at --help for the details.
fn usage_error(e: clap::Error) -> ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let message = if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        "a command is missing (see copydesk --help)".to_string()
    } else {
        // clap's message is its first paragraph; the usage and tips after it are what --help
        // shows in full.
        let rendered = e.render().to_string();
        let first = rendered.split("\n\n").next().unwrap_or_default();
        let first = first.trim().trim_start_matches("error:");
        format!(
            "{} (see copydesk --help)",
            first.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    };
    let json = std::env::args().any(|a| a == "--json");
    let f = Failure::usage(message);
    f.print(json);
    ExitCode::from(f.exit_code())
}
