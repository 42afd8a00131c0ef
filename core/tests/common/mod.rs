//! A small desk for tests, on a clock that moves only when told, in the store the run asks for:
//! SQLite (in memory, or a temporary file when two desks must share it) unless
//! `COPYDESK_TEST_STORE=postgres`, which puts every desk in a schema of its own on the cluster
//! `COPYDESK_TEST_PG` names (scripts/with-postgres.sh starts one). Every desk test runs on both.
#![allow(dead_code)]

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use copydesk_core::desk::{
    ArticleEdit, BylineEntry, MoveArgs, NewArticle, NewContributor, NewUser,
};
use copydesk_core::model::{Action, Article, ContributorKind, Role, SaveReason};
use copydesk_core::{Actor, Desk, ManualClock, NewDesk};

pub struct TestDesk {
    pub desk: Desk,
    pub clock: Arc<ManualClock>,
    pub chief: Actor,
    pub editor: Actor,
    pub editor2: Actor,
    /// A contributor-role user writing as Jane Roe.
    pub author: Actor,
    /// A contributor-role user writing as someone else.
    pub other_author: Actor,
    pub jane_id: String,
}

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

pub fn desk() -> TestDesk {
    let clock = Arc::new(ManualClock::new(start()));
    let desk = fresh_desk(clock.clone());
    populate(desk, clock)
}

/// Where a test's desk is kept, so that a second `Desk` can open the same one.
pub enum Backing {
    File(tempfile::TempDir),
    Postgres(String),
}

impl Backing {
    pub fn open(&self, clock: Arc<ManualClock>) -> Desk {
        match self {
            Backing::File(dir) => Desk::open(&dir.path().join("desk.db"), clock).unwrap(),
            #[cfg(feature = "postgres")]
            Backing::Postgres(url) => Desk::connect(url, clock).unwrap(),
            #[cfg(not(feature = "postgres"))]
            Backing::Postgres(_) => unreachable!("no PostgreSQL in this build"),
        }
    }
}

pub fn on_postgres() -> bool {
    match std::env::var("COPYDESK_TEST_STORE").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(_) => false,
        Ok(other) => panic!("COPYDESK_TEST_STORE is sqlite or postgres, not {other:?}"),
    }
}

/// An empty desk in the run's store.
pub fn fresh_desk(clock: Arc<ManualClock>) -> Desk {
    if on_postgres() {
        Backing::Postgres(postgres_schema()).open(clock)
    } else {
        Desk::open_in_memory(clock).unwrap()
    }
}

/// An empty desk that other `Desk`s can open too (a file, or a PostgreSQL schema).
pub fn shared_desk(clock: Arc<ManualClock>) -> (Desk, Backing) {
    let backing = if on_postgres() {
        Backing::Postgres(postgres_schema())
    } else {
        Backing::File(tempfile::tempdir().unwrap())
    };
    (backing.open(clock), backing)
}

/// A new schema on the test cluster, and the connection string whose search path starts in it.
#[cfg(feature = "postgres")]
pub fn postgres_schema() -> String {
    let base = std::env::var("COPYDESK_TEST_PG").expect(
        "COPYDESK_TEST_STORE=postgres needs COPYDESK_TEST_PG: run the tests through \
         scripts/with-postgres.sh (make test does)",
    );
    let schema = format!("t_{}", uuid::Uuid::now_v7().simple());
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    format!("{base} options='-csearch_path={schema},public'")
}

#[cfg(not(feature = "postgres"))]
pub fn postgres_schema() -> String {
    panic!("COPYDESK_TEST_STORE=postgres needs the core built with --features postgres")
}

pub fn populate(desk: Desk, clock: Arc<ManualClock>) -> TestDesk {
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: "Claire Chief".into(),
            chief_passphrase: None,
        })
        .unwrap();
    let jane = desk
        .add_contributor(
            &chief,
            &NewContributor {
                display_name: "Jane Roe".into(),
                sort_name: None,
                email: Some("jane@example.org".into()),
                affiliation: "Institute for Sahel Studies".into(),
                kind: ContributorKind::Guest,
                bio: "Jane Roe is a senior fellow at the Institute for Sahel Studies.".into(),
                links: vec![],
                private_notes: "Prefers email.".into(),
            },
        )
        .unwrap();
    let john = desk
        .add_contributor(
            &chief,
            &NewContributor {
                display_name: "John Doe".into(),
                sort_name: None,
                email: None,
                affiliation: "".into(),
                kind: ContributorKind::Guest,
                bio: "John Doe writes about energy.".into(),
                links: vec![],
                private_notes: "".into(),
            },
        )
        .unwrap();
    let user = |name: &str, role: Role, contributor: Option<&str>| {
        desk.add_user(
            &chief,
            &NewUser {
                name: name.to_string(),
                role,
                contributor: contributor.map(str::to_string),
                passphrase: None,
            },
        )
        .unwrap();
        desk.sign_in(name, None).unwrap()
    };
    let editor = user("Eddie Editor", Role::Editor, None);
    let editor2 = user("Erin Editor", Role::Editor, None);
    let author = user("jane", Role::Contributor, Some(&jane.id));
    let other_author = user("john", Role::Contributor, Some(&john.id));
    TestDesk {
        desk,
        clock,
        chief,
        editor,
        editor2,
        author,
        other_author,
        jane_id: jane.id,
    }
}

/// An Opinion piece by Jane Roe that passes every readiness check.
pub fn ready_piece() -> NewArticle {
    NewArticle {
        headline: "Water, not weapons, will decide the Sahel".into(),
        standfirst: "The region's future turns on wells and rivers, writes Jane Roe.".into(),
        body: words(700),
        section: Some("Opinion".into()),
        tags: vec!["Sahel".into()],
        byline: vec![BylineEntry::named("Jane Roe")],
        ..Default::default()
    }
}

pub fn ready_piece_by(name: &str) -> NewArticle {
    NewArticle {
        byline: vec![BylineEntry::named(name)],
        ..ready_piece()
    }
}

/// `n` words of varied text in paragraphs.
pub fn words(n: usize) -> String {
    const W: &[&str] = &[
        "the", "river", "drought", "minister", "aquifer", "harvest", "treaty", "border", "rain",
        "village", "council", "pipeline", "farmers", "policy", "north", "grain", "water",
    ];
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push_str(if i % 60 == 0 { ".\n\n" } else { " " });
        }
        out.push_str(W[(i * 7 + i / 3) % W.len()]);
    }
    out.push('.');
    out
}

impl TestDesk {
    pub fn new_draft(&self, by: &Actor) -> Article {
        self.desk.create_article(by, &ready_piece()).unwrap()
    }

    pub fn mv(
        &self,
        by: &Actor,
        a: &Article,
        action: Action,
        note: Option<&str>,
    ) -> copydesk_core::Result<Article> {
        self.desk.move_article(
            by,
            &a.id,
            action,
            &MoveArgs {
                note: note.map(str::to_string),
                at: None,
            },
        )
    }

    /// A piece brought to `in_review` by the author and an editor.
    pub fn in_review(&self) -> Article {
        let a = self.new_draft(&self.author);
        let a = self.mv(&self.author, &a, Action::Submit, None).unwrap();
        self.mv(&self.editor, &a, Action::Claim, None).unwrap()
    }

    pub fn approved(&self) -> Article {
        let a = self.in_review();
        self.mv(&self.editor, &a, Action::Approve, None).unwrap()
    }

    pub fn edit_body(&self, by: &Actor, a: &Article, body: &str) -> copydesk_core::Result<Article> {
        self.desk.save_article(
            by,
            &a.id,
            a.version,
            &ArticleEdit {
                body: Some(body.into()),
                ..Default::default()
            },
            SaveReason::Save,
        )
    }
}
