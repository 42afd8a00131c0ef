//! A team desk served for a test: a schema of its own on the cluster scripts/with-postgres.sh
//! starts (COPYDESK_TEST_PG), a clock that moves only when told, people with passphrases, and a
//! server on a free loopback port.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use copydesk_client::Client;
use copydesk_core::desk::{NewContributor, NewUser};
use copydesk_core::model::{ContributorKind, Role};
use copydesk_core::{Desk, ManualClock, NewDesk};
use copydesk_server::{Listen, Server};

pub const CHIEF: (&str, &str) = ("Claire Chief", "chief passphrase one");
pub const EDITOR: (&str, &str) = ("Eddie Editor", "editor passphrase one");
pub const EDITOR2: (&str, &str) = ("Erin Editor", "editor passphrase two");
pub const AUTHOR: (&str, &str) = ("jane", "contributor passphrase");

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

pub struct TeamDesk {
    pub database: String,
    pub clock: Arc<ManualClock>,
    pub runtime: tokio::runtime::Runtime,
    pub servers: Vec<Server>,
    pub site: tempfile::TempDir,
    pub jane_id: String,
    pub john_id: String,
}

/// A new schema on the test cluster, and the address whose search path starts in it.
pub fn database() -> String {
    let base = std::env::var("COPYDESK_TEST_PG").expect(
        "the server's tests need a PostgreSQL cluster: run them through scripts/with-postgres.sh \
         (make test does)",
    );
    let schema = format!("t_{}", uuid_like());
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    format!("{base} options='-csearch_path={schema},public'")
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A desk with a chief, two editors, two contributors (Jane Roe with an account, John Doe
/// without) and one server serving it.
pub fn team_desk() -> TeamDesk {
    team_desk_with(1)
}

pub fn team_desk_with(instances: usize) -> TeamDesk {
    let database = database();
    let clock = Arc::new(ManualClock::new(start()));
    let site = tempfile::tempdir().unwrap();
    let desk = Desk::connect(&database, clock.clone()).unwrap();
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: CHIEF.0.into(),
            chief_passphrase: Some(CHIEF.1.into()),
        })
        .unwrap();
    let contributor = |name: &str, bio: &str| {
        desk.add_contributor(
            &chief,
            &NewContributor {
                bio: bio.into(),
                kind: ContributorKind::Guest,
                ..NewContributor::guest(name)
            },
        )
        .unwrap()
        .id
    };
    let jane_id = contributor("Jane Roe", "Jane Roe is a senior fellow.");
    let john_id = contributor("John Doe", "John Doe writes about energy.");
    for (name, pass, role, writes_as) in [
        (EDITOR.0, EDITOR.1, Role::Editor, None),
        (EDITOR2.0, EDITOR2.1, Role::Editor, None),
        (AUTHOR.0, AUTHOR.1, Role::Contributor, Some(jane_id.clone())),
    ] {
        desk.add_user(
            &chief,
            &NewUser {
                name: name.into(),
                role,
                contributor: writes_as,
                passphrase: Some(pass.into()),
            },
        )
        .unwrap();
    }
    drop(desk);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut t = TeamDesk {
        database,
        clock,
        runtime,
        servers: Vec::new(),
        site,
        jane_id,
        john_id,
    };
    for _ in 0..instances {
        t.add_instance();
    }
    t
}

impl TeamDesk {
    /// Starts one more instance on the same database.
    pub fn add_instance(&mut self) {
        let desk = Desk::connect(&self.database, self.clock.clone())
            .unwrap()
            .with_site_folder(self.site.path())
            .unwrap();
        let server = self
            .runtime
            .block_on(copydesk_server::start(
                desk,
                Listen {
                    address: "127.0.0.1:0".parse().unwrap(),
                    tls: None,
                },
            ))
            .unwrap();
        self.servers.push(server);
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.servers[0].address())
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base()).unwrap()
    }

    pub fn signed_in(&self, who: (&str, &str)) -> Client {
        let mut c = self.client();
        c.sign_in(who.0, who.1).unwrap();
        c
    }

    /// The database as it is, without the server: for checking what was (not) written.
    pub fn sql(&self) -> postgres::Client {
        postgres::Client::connect(&self.database, postgres::NoTls).unwrap()
    }

    /// How many changes the desk has recorded: every write records one.
    pub fn changes(&self) -> i64 {
        self.sql()
            .query_one("SELECT count(*) FROM desk_events", &[])
            .unwrap()
            .get(0)
    }

    pub fn stop(mut self) {
        for server in self.servers.drain(..) {
            self.runtime
                .block_on(server.stop(Duration::from_secs(5)))
                .unwrap();
        }
    }
}

/// A raw HTTP request, for what the typed client never sends.
pub fn raw(
    base: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (u16, serde_json::Value, reqwest::header::HeaderMap) {
    let http = reqwest::blocking::Client::new();
    let mut r = http.request(method.parse().unwrap(), format!("{base}{path}"));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(ct) = content_type {
        r = r.header("content-type", ct);
    }
    let response = r.body(body).send().unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().unwrap();
    let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
    (status, json, headers)
}
