//! The desk: every operation a user can perform, authorised, validated and run in one
//! transaction. Callers (the CLI, the app) only translate.

mod archive;
mod articles;
mod changes;
mod contributors;
#[cfg(feature = "postgres")]
mod handover;
mod ics;
mod import;
mod import_batch;
mod maintenance;
mod moves;
mod notes;
mod presence;
mod publishing;
mod push;
mod revisions;
mod schedule;
mod search;
mod sessions;
mod target;
mod users;

use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::{ContextV7, Timestamp, Uuid};

pub use crate::sample::SampleReport;
pub use archive::{ArchivedArticle, ArchivedRevision, ArchivedTransition};
pub use articles::{
    ArticleEdit, ArticleFilter, BylineEntry, MAX_BODY_BYTES, NewArticle, Resolution,
};
pub use changes::{ChangeKind, ChangeListener, Changes, DeskChange};
pub use contributors::{ContributorEdit, NewContributor};
#[cfg(feature = "postgres")]
pub use handover::{SetupCode, file_digest};
pub use import::{
    BylineMatch, ExistingContributor, ImportByline, ImportDraft, ImportPreview, Imported,
    ImportedContributor, MatchedBy,
};
pub use import_batch::{ImportFile, ImportOutcome, file_name};
pub use maintenance::check_file;
#[cfg(feature = "postgres")]
pub use maintenance::{PushReport, TableCount};
pub use moves::MoveArgs;
pub use presence::{PRESENT_FOR, TYPING_FOR};
pub use publishing::{JobOutcome, PublishReport};
pub use revisions::{DiffKind, DiffPart, FieldDiff, Milestones, RevisionDiff, RevisionText};
pub use schedule::{Calendar, FreeSlot, PublishingSettings, SectionPlan, When};
pub use search::SearchFilter;
pub use sessions::{Session, SignedIn};
pub use target::{PasswordPlace, PublishTarget, TargetCheck, TargetChoice};
pub use users::NewUser;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::model::{DeskSettings, Role, Section, User};
use crate::passphrase;
use crate::store::articles::ArticleRow;
use crate::store::sqlite::SqliteStore;
use crate::store::users::UserRow;
use crate::store::{Durability, Store, Tx};

/// Who is acting: obtained from `Desk::sign_in`, re-checked against the store on every call.
#[derive(Debug, Clone)]
pub struct Actor {
    pk: i64,
    pub user: User,
}

pub struct Desk {
    store: Box<dyn Store>,
    clock: Arc<dyn Clock>,
    /// Keeps ids made within one millisecond in order; behind a lock so the desk can be shared.
    ids: Mutex<ContextV7>,
    /// Where this process writes the site, whatever the desk's setting says: a team desk's
    /// server publishes into a folder of its own machine.
    site_folder: Option<std::path::PathBuf>,
    /// Where secrets are kept when the desk has no file to keep them beside.
    secrets_folder: Option<std::path::PathBuf>,
    /// The system keyring, for a desk on one machine whose caller opted in (the CLI, the app).
    secret_store: Option<Arc<dyn crate::secrets::SecretStore>>,
    /// How long a request to the WordPress target may take.
    push_timeout: std::time::Duration,
}

/// One account as the sign-in screen offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInChoice {
    pub name: String,
    pub role: Role,
    pub needs_passphrase: bool,
}

/// What a new desk needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDesk {
    pub name: String,
    /// An IANA name, such as Europe/Paris: every time on the desk is typed and shown in it.
    pub timezone: String,
    pub chief_name: String,
    /// Left out or empty: the chief signs in without one (a desk on one computer).
    #[serde(default)]
    pub chief_passphrase: Option<String>,
}

const KEY_NAME: &str = "desk_name";
const KEY_TIMEZONE: &str = "timezone";

/// Sections a new desk starts with; the chief changes them in the settings.
fn default_sections() -> Vec<Section> {
    let s = |name: &str, min, max| Section {
        name: name.into(),
        min_words: Some(min),
        max_words: Some(max),
    };
    vec![
        s("News", 150, 2000),
        // Op-eds run 500–1,500 words; analysis pieces from 800 to well past 2,500.
        s("Opinion", 500, 1500),
        s("Analysis", 800, 3000),
    ]
}

impl Desk {
    /// Opens (creating it if needed) the desk file at `path`, its schema brought up to date.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Desk> {
        Ok(Desk::with_store(Box::new(SqliteStore::open(path)?), clock))
    }

    /// A desk with no file, for tests and trials: gone when dropped.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Desk> {
        Ok(Desk::with_store(
            Box::new(SqliteStore::open_in_memory()?),
            clock,
        ))
    }

    /// Connects to a team desk on PostgreSQL (`postgres://user:pass@host/db`, or a `key=value`
    /// string), its schema brought up to date; a database written by a newer Copydesk is refused.
    #[cfg(feature = "postgres")]
    pub fn connect(url: &str, clock: Arc<dyn Clock>) -> Result<Desk> {
        Ok(Desk::with_store(
            Box::new(crate::store::postgres::PgStore::connect(url)?),
            clock,
        ))
    }

    pub(crate) fn with_store(store: Box<dyn Store>, clock: Arc<dyn Clock>) -> Desk {
        Desk {
            store,
            clock,
            ids: Mutex::new(ContextV7::new()),
            site_folder: None,
            secrets_folder: None,
            secret_store: None,
            push_timeout: target::PUSH_TIMEOUT,
        }
    }

    /// Publishes into `folder` (created if needed) rather than where the desk's setting says:
    /// the folder then belongs to this process, and nobody can move it through the desk.
    pub fn with_site_folder(mut self, folder: &Path) -> Result<Desk> {
        let folder = std::path::absolute(folder).map_err(|e| {
            Error::invalid_field("publish_folder", format!("{}: {e}", folder.display()))
        })?;
        std::fs::create_dir_all(&folder).map_err(|e| {
            Error::invalid_field(
                "publish_folder",
                format!(
                    "the publish folder {} cannot be created: {e}",
                    folder.display()
                ),
            )
        })?;
        self.site_folder = Some(folder);
        Ok(self)
    }

    /// The desk file, when the desk is kept in one.
    pub fn file(&self) -> Option<&Path> {
        self.store.file()
    }

    /// What the desk is stored in, for reports ("SQLite 3.54.1").
    pub fn storage(&self) -> String {
        self.store.describe()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// A fresh UUIDv7 for `now`, ordered after every id this desk made before.
    fn new_id(&self, now: DateTime<Utc>) -> String {
        let secs = now.timestamp().max(0) as u64;
        let ids = self.ids.lock().unwrap_or_else(|p| p.into_inner());
        let ts = Timestamp::from_unix(&*ids, secs, now.timestamp_subsec_nanos());
        Uuid::new_v7(ts).to_string()
    }

    pub fn is_initialised(&self) -> Result<bool> {
        self.store
            .read(|tx| Ok(tx.settings().get_value(KEY_TIMEZONE)?.is_some()))
    }

    /// Creates the desk and its first user, the chief editor.
    pub fn init(&self, new: &NewDesk) -> Result<Actor> {
        let name = crate::text::one_line(&new.name);
        if name.is_empty() {
            return Err(Error::invalid("the desk needs a name"));
        }
        let tz = parse_timezone(&new.timezone)?;
        let hash = new
            .chief_passphrase
            .as_deref()
            .filter(|p| !p.is_empty())
            .map(passphrase::hash)
            .transpose()?;
        let now = self.now();
        let chief_id = self.new_id(now);
        self.store.write(|tx| {
            if tx.settings().get_value(KEY_TIMEZONE)?.is_some() {
                return Err(Error::invalid("this desk is already set up"));
            }
            tx.settings().set_value(KEY_NAME, &name)?;
            tx.settings().set_value(KEY_TIMEZONE, tz.name())?;
            for section in default_sections() {
                tx.settings().put_section(&section)?;
            }
            users::insert_user(
                tx,
                &chief_id,
                &new.chief_name,
                Role::Chief,
                hash.as_deref(),
                None,
                now,
            )
        })
    }

    /// The desk's name, zone and sections, before anyone signs in (the sign-in screen names the
    /// desk).
    pub fn settings(&self) -> Result<DeskSettings> {
        self.store.read(|tx| desk_settings(tx))
    }

    /// The desk's settings as a signed-in user reads them.
    pub fn desk_settings(&self, actor: &Actor) -> Result<DeskSettings> {
        self.store.read(|tx| {
            self.acting(tx, actor)?;
            desk_settings(tx)
        })
    }

    /// Fills a new desk with a readable sample through the desk's own operations (the chief
    /// does): people with bios, an account for each role, `articles` pieces in every state with
    /// edits, notes and three weeks of history.
    pub fn fill_sample(&self, actor: &Actor, articles: usize) -> Result<SampleReport> {
        // The same desk gets the same sample; a desk filled before gets other people.
        let seed = self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "fill the desk with the sample")?;
            Ok(2026 + tx.users().list()?.len() as u64)
        })?;
        if !(1..=500).contains(&articles) {
            return Err(Error::invalid_field(
                "articles",
                "the sample desk holds from 1 to 500 articles",
            ));
        }
        // A sample is rebuilt in seconds if lost: its many small transactions need not each
        // reach the platter.
        self.store.set_durability(Durability::Normal)?;
        let report = crate::sample::fill_demo_desk(self, actor, articles, seed);
        self.store.set_durability(Durability::Full)?;
        report
    }

    /// Changes the desk's time zone. Instants are stored in UTC, so only their display changes.
    pub fn set_timezone(&self, actor: &Actor, zone: &str) -> Result<DeskSettings> {
        let tz = parse_timezone(zone)?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the desk's time zone")?;
            tx.settings().set_value(KEY_TIMEZONE, tz.name())?;
            desk_settings(tx)
        })
    }

    /// Adds a section or changes its word limits.
    pub fn put_section(&self, actor: &Actor, section: &Section) -> Result<DeskSettings> {
        let section = checked_section(section)?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the desk's sections")?;
            tx.settings().put_section(&section)?;
            desk_settings(tx)
        })
    }

    /// Who can sign in on this desk, for the sign-in screen: names, roles and whether a
    /// passphrase is asked. Nothing else about the accounts is shown before signing in.
    pub fn sign_in_choices(&self) -> Result<Vec<SignInChoice>> {
        self.store.read(|tx| {
            if tx.settings().get_value(KEY_TIMEZONE)?.is_none() {
                return Err(Error::NotInitialised);
            }
            Ok(tx
                .users()
                .list()?
                .into_iter()
                .map(|u| SignInChoice {
                    name: u.user.name,
                    role: u.user.role,
                    needs_passphrase: u.user.has_passphrase,
                })
                .collect())
        })
    }

    /// Signs a user in by name; a passphrase is needed exactly when the user has one.
    pub fn sign_in(&self, name: &str, passphrase: Option<&str>) -> Result<Actor> {
        let row = self.store.read(|tx| {
            if tx.settings().get_value(KEY_TIMEZONE)?.is_none() {
                return Err(Error::NotInitialised);
            }
            tx.users()
                .find(name)?
                .ok_or_else(|| Error::not_found("user", name))
        })?;
        match (&row.passphrase_hash, passphrase) {
            (None, _) => {}
            (Some(_), None) => {
                return Err(Error::Unauthenticated(format!(
                    "{} has a passphrase: give it to sign in",
                    row.user.name
                )));
            }
            (Some(hash), Some(given)) => {
                if !passphrase::verify(hash, given)? {
                    return Err(Error::Unauthenticated(format!(
                        "wrong passphrase for {}: type it again (it tells capitals apart); the chief can set a new one",
                        row.user.name
                    )));
                }
            }
        }
        Ok(Actor {
            pk: row.pk,
            user: row.user,
        })
    }

    /// The acting user as stored now: a role changed elsewhere applies at once.
    fn acting(&self, conn: &dyn Tx, actor: &Actor) -> Result<UserRow> {
        conn.users().get_by_pk(actor.pk)?.ok_or_else(|| {
            Error::Unauthenticated(format!("the account {} no longer exists", actor.user.name))
        })
    }
}

/// A section as the desk may store it: a name on one line, sensible word limits.
fn checked_section(section: &Section) -> Result<Section> {
    let name = crate::text::one_line(&section.name);
    if name.is_empty() {
        return Err(Error::invalid_field("name", "a section needs a name"));
    }
    if let (Some(min), Some(max)) = (section.min_words, section.max_words)
        && min > max
    {
        return Err(Error::invalid_field(
            "min_words",
            format!("the minimum ({min} words) is above the maximum ({max} words)"),
        ));
    }
    if section.min_words.is_some_and(|m| m < 0) || section.max_words.is_some_and(|m| m < 0) {
        return Err(Error::invalid_field(
            if section.min_words.is_some_and(|m| m < 0) {
                "min_words"
            } else {
                "max_words"
            },
            "word limits cannot be negative",
        ));
    }
    Ok(Section {
        name,
        ..section.clone()
    })
}

fn desk_settings(conn: &dyn Tx) -> Result<DeskSettings> {
    Ok(DeskSettings {
        name: conn
            .settings()
            .get_value(KEY_NAME)?
            .ok_or(Error::NotInitialised)?,
        timezone: conn
            .settings()
            .get_value(KEY_TIMEZONE)?
            .ok_or(Error::NotInitialised)?,
        sections: conn.settings().list_sections()?,
    })
}

pub fn parse_timezone(zone: &str) -> Result<chrono_tz::Tz> {
    chrono_tz::Tz::from_str(zone.trim()).map_err(|_| {
        Error::invalid_field("timezone", format!(
            "unknown time zone “{zone}”: use an IANA name such as Europe/Paris or America/New_York"
        ))
    })
}

fn require_role(me: &UserRow, roles: &[Role], what: &str) -> Result<()> {
    if roles.contains(&me.user.role) {
        Ok(())
    } else {
        let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        Err(Error::forbidden(format!(
            "{} is a {} and may not {what} (that takes: {})",
            me.user.name,
            me.user.role,
            names.join(" or ")
        )))
    }
}

/// Whether `me` may see `article`: staff see everything, a contributor their own bylines.
pub(super) fn can_see(conn: &dyn Tx, me: &UserRow, article: &ArticleRow) -> Result<bool> {
    Ok(match me.user.role {
        Role::Editor | Role::Chief => true,
        Role::Contributor => match me.contributor_pk {
            Some(c) => conn.articles().has_byline_contributor(article.pk, c)?,
            None => false,
        },
    })
}

/// Loads an article by id for `me`; one they may not see is reported as not found.
fn visible_article(conn: &dyn Tx, me: &UserRow, id: &str) -> Result<ArticleRow> {
    let row = conn
        .articles()
        .get_by_id(id.trim())?
        .ok_or_else(|| Error::not_found("article", id))?;
    if can_see(conn, me, &row)? {
        Ok(row)
    } else {
        Err(Error::not_found("article", id))
    }
}
