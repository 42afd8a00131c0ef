//! Where published pieces go: the static site's folder (the default) or the publication's
//! WordPress site. The site's address and user are desk settings; the application password is
//! kept out of the database: in the system keyring when the caller opted in and one answers,
//! otherwise in a file only its owner can read, beside the desk file (or in the server's secrets
//! folder). It is never printed, logged or sent back.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::model::Role;
use crate::secrets::{SecretError, SecretKey, SecretLabel, SecretStore};
use crate::store::Tx;
use crate::wordpress::{TargetProblem, WordPress, WpError, site_address};

const KEY_TARGET: &str = "publish_target";
const KEY_WP_URL: &str = "wordpress_url";
const KEY_WP_USER: &str = "wordpress_user";
const WORDPRESS: &str = "wordpress";
const FOLDER: &str = "folder";
/// How long a request to WordPress may take before the push counts as failed.
pub(super) const PUSH_TIMEOUT: Duration = Duration::from_secs(30);

/// Where the desk publishes, as the settings show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PublishTarget {
    /// The static site, written into the publish folder.
    Folder,
    /// A WordPress site, through its REST API.
    Wordpress {
        url: String,
        user: String,
        /// Whether an application password is saved for it (the password itself never leaves).
        password_saved: bool,
        /// Where the saved password is kept; `None` when none is saved.
        #[serde(default)]
        password_kept: Option<PasswordPlace>,
    },
}

/// Where the WordPress application password is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PasswordPlace {
    /// The system keyring (on Linux the Secret Service: GNOME Keyring, KWallet).
    Keyring,
    /// A file only its owner can read (mode 0600): beside the desk file, or in the server's
    /// secrets folder.
    File { path: String },
}

impl PasswordPlace {
    /// "kept in the system keyring", "kept in PATH (readable only by its owner)".
    pub fn words(&self) -> String {
        match self {
            PasswordPlace::Keyring => "kept in the system keyring".into(),
            PasswordPlace::File { path } => {
                format!("kept in {path} (readable only by its owner)")
            }
        }
    }
}

/// A new publish target, as the chief sets it. The password is left out to keep the saved one.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetChoice {
    Folder,
    Wordpress {
        url: String,
        user: String,
        #[serde(default)]
        password: Option<String>,
    },
}

impl std::fmt::Debug for TargetChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetChoice::Folder => f.write_str("Folder"),
            TargetChoice::Wordpress {
                url,
                user,
                password,
            } => f
                .debug_struct("Wordpress")
                .field("url", url)
                .field("user", user)
                .field("password", &password.as_ref().map(|_| "<hidden>"))
                .finish(),
        }
    }
}

/// What "Test the connection" found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetCheck {
    pub ok: bool,
    /// What is wrong, for the app to branch on; `None` when all is well.
    pub problem: Option<TargetProblem>,
    /// In words: what was found, or what is wrong and what to do.
    pub message: String,
}

/// A WordPress target as the publisher uses it.
pub(super) struct WordPressTarget {
    /// The address, canonical: posts are recorded against it.
    pub url: String,
    pub user: String,
}

pub(super) fn target_of(tx: &dyn Tx) -> Result<Option<WordPressTarget>> {
    if tx.settings().get_value(KEY_TARGET)?.as_deref() != Some(WORDPRESS) {
        return Ok(None);
    }
    let (Some(url), Some(user)) = (
        tx.settings().get_value(KEY_WP_URL)?,
        tx.settings().get_value(KEY_WP_USER)?,
    ) else {
        return Ok(None);
    };
    Ok(Some(WordPressTarget { url, user }))
}

fn write_private(path: &Path, secret: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&tmp)?;
    file.write_all(secret.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

fn read_private(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The application password as found, and where.
struct Saved {
    password: String,
    place: PasswordPlace,
}

/// Where the password may be: the keyring (when the desk may use one) and the file (always: the
/// fallback, and where an older Copydesk kept it).
struct PasswordHome<'a> {
    file: Option<PathBuf>,
    keyring: Option<(&'a dyn SecretStore, SecretKey)>,
}

/// The keyring item's label and descriptive attributes for the desk file `desk` publishing to
/// `url` as `user`.
fn keyring_label(desk: &str, url: &str, user: &str) -> SecretLabel {
    SecretLabel {
        label: format!("Copydesk — WordPress password for {desk} ({user}@{url})"),
        details: BTreeMap::from([
            ("url".to_string(), url.to_string()),
            ("user".to_string(), user.to_string()),
        ]),
    }
}

fn file_place(file: &Path) -> PasswordPlace {
    PasswordPlace::File {
        path: file.display().to_string(),
    }
}

impl PasswordHome<'_> {
    /// The password, wherever it is. A file beside a keyring is the newer of the two (it is
    /// written only when the keyring did not answer, and removed once the keyring has the
    /// password), so it wins, and moves into the keyring when the keyring answers now: a
    /// password an older Copydesk saved in the file ends up in the keyring the same way.
    fn read(&self, url: &str, user: &str) -> (Option<Saved>, Option<SecretError>) {
        if let Some(file) = &self.file
            && let Some(password) = read_private(file)
        {
            let place = match &self.keyring {
                Some((store, key)) if self.to_keyring(*store, key, url, user, &password) => {
                    PasswordPlace::Keyring
                }
                _ => file_place(file),
            };
            return (Some(Saved { password, place }), None);
        }
        let Some((store, key)) = &self.keyring else {
            return (None, None);
        };
        match store.get(key) {
            Ok(found) => (
                found.map(|password| Saved {
                    password,
                    place: PasswordPlace::Keyring,
                }),
                None,
            ),
            Err(e) => {
                tracing::debug!("the WordPress password was not read from the keyring: {e}");
                (None, Some(e))
            }
        }
    }

    /// Saves the password into the keyring and removes the file; `false` (and the file left as
    /// it is) when the keyring does not take it.
    fn to_keyring(
        &self,
        store: &dyn SecretStore,
        key: &SecretKey,
        url: &str,
        user: &str,
        password: &str,
    ) -> bool {
        let desk = key.attributes.get("desk").map(String::as_str).unwrap_or("");
        match store.set(key, &keyring_label(desk, url, user), password) {
            Ok(()) => {
                if let Some(file) = &self.file
                    && let Err(e) = std::fs::remove_file(file)
                    && e.kind() != std::io::ErrorKind::NotFound
                {
                    tracing::warn!(
                        "the WordPress password is now in the system keyring, but its old file {} \
                         could not be removed: {e}",
                        file.display()
                    );
                }
                true
            }
            Err(e) => {
                tracing::info!("the WordPress password is kept in a file: {e}");
                false
            }
        }
    }

    /// Saves a new password: into the keyring when it takes it, otherwise into the file.
    fn write(&self, url: &str, user: &str, password: &str) -> Result<PasswordPlace> {
        if let Some((store, key)) = &self.keyring
            && self.to_keyring(*store, key, url, user, password)
        {
            return Ok(PasswordPlace::Keyring);
        }
        let file = self.file.as_ref().ok_or_else(|| {
            Error::invalid(
                "this desk has no file to keep the WordPress password beside: start the server \
                 with --secrets-folder",
            )
        })?;
        write_private(file, password).map_err(|e| Error::Publish {
            message: format!(
                "The application password could not be saved in {}: {}.",
                file.display(),
                crate::error::io_words(&e)
            ),
            detail: e.to_string(),
        })?;
        Ok(file_place(file))
    }

    /// Removes the password from wherever it is (what a locked keyring holds stays there: taking
    /// it out would need a prompt).
    fn remove(&self) {
        if let Some(file) = &self.file
            && let Err(e) = std::fs::remove_file(file)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(
                "the old WordPress password file {} could not be removed: {e}",
                file.display()
            );
        }
        if let Some((store, key)) = &self.keyring
            && let Err(e) = store.delete(key)
        {
            tracing::info!("the old WordPress password was not removed from the keyring: {e}");
        }
    }
}

impl Desk {
    /// Keeps secrets (the WordPress application password) in `folder` rather than beside the
    /// desk file: a team desk's server has no desk file.
    pub fn with_secrets_folder(mut self, folder: &std::path::Path) -> Result<Desk> {
        std::fs::create_dir_all(folder).map_err(|e| {
            Error::invalid_field(
                "secrets_folder",
                format!(
                    "the secrets folder {} cannot be created: {e}",
                    folder.display()
                ),
            )
        })?;
        self.secrets_folder = Some(folder.to_path_buf());
        Ok(self)
    }

    /// How long a request to WordPress may take (tests shorten it).
    pub fn with_push_timeout(mut self, timeout: Duration) -> Desk {
        self.push_timeout = timeout;
        self
    }

    /// Keeps the WordPress password in `store` (the system keyring) rather than in a file, when
    /// it answers. Only a desk kept in a file uses it: a server (`with_secrets_folder`) keeps
    /// its folder.
    pub fn with_secret_store(mut self, store: Arc<dyn SecretStore>) -> Desk {
        self.secret_store = Some(store);
        self
    }

    /// The user's system keyring, as the CLI and the app use it (see `secrets::system_keyring`:
    /// `COPYDESK_KEYRING=off` keeps the password in a file).
    pub fn with_system_keyring(self) -> Desk {
        match crate::secrets::system_keyring() {
            Some(store) => self.with_secret_store(store),
            None => self,
        }
    }

    fn password_file(&self) -> Option<PathBuf> {
        if let Some(dir) = &self.secrets_folder {
            return Some(dir.join("wordpress-password"));
        }
        let db = self.store.file()?;
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "desk".into());
        Some(db.with_file_name(format!("{name}.wordpress-password")))
    }

    fn password_home(&self) -> PasswordHome<'_> {
        let keyring = match (&self.secret_store, &self.secrets_folder, self.store.file()) {
            (Some(store), None, Some(db)) => {
                // The desk file's full path tells two desks on one machine apart.
                let desk = std::fs::canonicalize(db)
                    .or_else(|_| std::path::absolute(db))
                    .unwrap_or_else(|_| db.to_path_buf());
                let key = SecretKey {
                    attributes: BTreeMap::from([
                        ("application".to_string(), "copydesk".to_string()),
                        ("kind".to_string(), "wordpress-password".to_string()),
                        ("desk".to_string(), desk.display().to_string()),
                    ]),
                };
                Some((store.as_ref(), key))
            }
            _ => None,
        };
        PasswordHome {
            file: self.password_file(),
            keyring,
        }
    }

    fn saved_password(&self, target: &WordPressTarget) -> (Option<Saved>, Option<SecretError>) {
        self.password_home().read(&target.url, &target.user)
    }

    /// Where the desk publishes.
    pub fn publish_target(&self, actor: &Actor) -> Result<PublishTarget> {
        let target = self.store.read(|tx| {
            self.acting(tx, actor)?;
            target_of(tx)
        })?;
        Ok(match target {
            None => PublishTarget::Folder,
            Some(t) => {
                let place = self.saved_password(&t).0.map(|s| s.place);
                PublishTarget::Wordpress {
                    url: t.url,
                    user: t.user,
                    password_saved: place.is_some(),
                    password_kept: place,
                }
            }
        })
    }

    /// Sets where the desk publishes (the chief does). A WordPress site needs its address, a
    /// user and, the first time, an application password; bad input changes nothing.
    pub fn set_publish_target(
        &self,
        actor: &Actor,
        choice: &TargetChoice,
    ) -> Result<PublishTarget> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change where the desk publishes")
        })?;
        match choice {
            TargetChoice::Folder => {
                self.store.write(|tx| {
                    let me = self.acting(tx, actor)?;
                    require_role(&me, &[Role::Chief], "change where the desk publishes")?;
                    tx.settings().set_value(KEY_TARGET, FOLDER)
                })?;
                // A password no longer used does not linger.
                self.password_home().remove();
            }
            TargetChoice::Wordpress {
                url,
                user,
                password,
            } => {
                let url = site_address(url)
                    .ok_or_else(|| {
                        Error::invalid_field(
                            "url",
                            format!(
                                "“{}” is not a web address: write it like https://news.example.org/",
                                url.trim()
                            ),
                        )
                    })?
                    .to_string();
                let user = user.trim();
                if user.is_empty() {
                    return Err(Error::invalid_field(
                        "user",
                        "name the WordPress user the desk publishes as",
                    ));
                }
                let password = password.as_deref().map(str::trim).filter(|p| !p.is_empty());
                let home = self.password_home();
                match password {
                    Some(p) => {
                        home.write(&url, user, p)?;
                    }
                    None => {
                        let before = self.store.read(target_of)?;
                        let (before_url, before_user) = before
                            .as_ref()
                            .map(|t| (t.url.as_str(), t.user.as_str()))
                            .unwrap_or((url.as_str(), user));
                        let (saved, trouble) = home.read(before_url, before_user);
                        let Some(saved) = saved else {
                            return Err(Error::invalid_field(
                                "password",
                                format!(
                                    "give the application password made for the desk on the \
                                     user's profile page in WordPress{}",
                                    locked_note(trouble.as_ref())
                                ),
                            ));
                        };
                        // The keyring's label names the site: kept up to date when it changes.
                        if saved.place == PasswordPlace::Keyring
                            && (before_url, before_user) != (url.as_str(), user)
                        {
                            home.write(&url, user, &saved.password)?;
                        }
                    }
                }
                self.store.write(|tx| {
                    let me = self.acting(tx, actor)?;
                    require_role(&me, &[Role::Chief], "change where the desk publishes")?;
                    tx.settings().set_value(KEY_WP_URL, &url)?;
                    tx.settings().set_value(KEY_WP_USER, user)?;
                    tx.settings().set_value(KEY_TARGET, WORDPRESS)
                })?;
            }
        }
        self.publish_target(actor)
    }

    /// Connects to the WordPress target and checks that its user may publish; `Ok(None)` when
    /// the desk publishes into a folder.
    pub(super) fn wordpress(
        &self,
    ) -> Result<Option<(WordPressTarget, Result<WordPress, WpError>)>> {
        let Some(target) = self.store.read(target_of)? else {
            return Ok(None);
        };
        let (saved, trouble) = self.saved_password(&target);
        let Some(Saved { password, .. }) = saved else {
            let e = WpError {
                problem: TargetProblem::NoPassword,
                message: format!(
                    "No application password is saved for {}: the chief sets one in \
                     Settings{}.",
                    target.url,
                    locked_note(trouble.as_ref())
                ),
                code: None,
            };
            return Ok(Some((target, Err(e))));
        };
        let wp = WordPress::connect(&target.url, &target.user, &password, self.push_timeout)
            .and_then(|wp| {
                // WordPress treats a wrong application password as no one signed in: asking who
                // the user is tells that apart from a refusal of the post itself.
                let me = wp.me()?;
                if me.can_publish {
                    Ok(wp)
                } else {
                    Err(WpError {
                        problem: TargetProblem::CannotPublish,
                        message: format!(
                            "WordPress accepts “{}”, but {} may not publish posts there: give the \
                             user the Editor or Author role in WordPress, or use another user.",
                            target.user, me.name
                        ),
                        code: None,
                    })
                }
            });
        Ok(Some((target, wp)))
    }

    /// Tries the publish target as the publisher would use it, and says what it found.
    pub fn test_publish_target(&self, actor: &Actor) -> Result<TargetCheck> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(
                &me,
                &[Role::Editor, Role::Chief],
                "test where the desk publishes",
            )
        })?;
        let Some((target, wp)) = self.wordpress()? else {
            let folder = self.publish_folder()?;
            return Ok(match crate::site::SiteFolder::open(&folder) {
                Ok(_) => TargetCheck {
                    ok: true,
                    problem: None,
                    message: format!("Pieces are written into {}.", folder.display()),
                },
                Err(e) => TargetCheck {
                    ok: false,
                    problem: None,
                    message: e.to_string(),
                },
            });
        };
        Ok(match wp {
            Err(e) => TargetCheck {
                ok: false,
                problem: Some(e.problem),
                message: e.message,
            },
            Ok(wp) => TargetCheck {
                ok: true,
                problem: None,
                message: format!(
                    "Connected to {} ({}) as {}, who can publish posts.",
                    if wp.name.is_empty() {
                        "the site"
                    } else {
                        &wp.name
                    },
                    target.url,
                    target.user
                ),
            },
        })
    }
}

/// Said when no password was found and the keyring is locked: it may hold one.
fn locked_note(trouble: Option<&SecretError>) -> &'static str {
    match trouble {
        Some(SecretError::Locked) => {
            " (the system keyring is locked: unlock it, or give the password again)"
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::desk::NewDesk;
    use crate::{Desk, ManualClock};

    /// A keyring in memory that can be made to stop answering or to lock.
    #[derive(Default)]
    struct MemoryKeyring {
        items: Mutex<Vec<(SecretKey, SecretLabel, String)>>,
        trouble: Mutex<Option<SecretError>>,
    }

    impl MemoryKeyring {
        fn fail_with(&self, e: Option<SecretError>) {
            *self.trouble.lock().unwrap() = e;
        }
        fn check(&self) -> std::result::Result<(), SecretError> {
            self.trouble.lock().unwrap().clone().map_or(Ok(()), Err)
        }
        fn items(&self) -> Vec<(SecretKey, SecretLabel, String)> {
            self.items.lock().unwrap().clone()
        }
    }

    impl SecretStore for MemoryKeyring {
        fn get(&self, key: &SecretKey) -> std::result::Result<Option<String>, SecretError> {
            self.check()?;
            let items = self.items.lock().unwrap();
            Ok(items.iter().find(|i| &i.0 == key).map(|i| i.2.clone()))
        }
        fn set(
            &self,
            key: &SecretKey,
            label: &SecretLabel,
            secret: &str,
        ) -> std::result::Result<(), SecretError> {
            self.check()?;
            let mut items = self.items.lock().unwrap();
            items.retain(|i| &i.0 != key);
            items.push((key.clone(), label.clone(), secret.to_string()));
            Ok(())
        }
        fn delete(&self, key: &SecretKey) -> std::result::Result<(), SecretError> {
            self.check()?;
            self.items.lock().unwrap().retain(|i| &i.0 != key);
            Ok(())
        }
    }

    fn wordpress(url: &str, password: Option<&str>) -> TargetChoice {
        TargetChoice::Wordpress {
            url: url.into(),
            user: "desk-bot".into(),
            password: password.map(Into::into),
        }
    }

    /// A desk in a file of `dir`, its chief, and the keyring it was given (if any).
    fn desk_in(
        dir: &Path,
        name: &str,
        keyring: Option<Arc<MemoryKeyring>>,
    ) -> (Desk, Actor, PathBuf) {
        let file = dir.join(name);
        let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
        let mut desk = Desk::open(&file, clock).unwrap();
        if let Some(k) = keyring {
            desk = desk.with_secret_store(k);
        }
        let chief = match desk.sign_in_choices() {
            Ok(c) if !c.is_empty() => desk.sign_in(&c[0].name, None).unwrap(),
            _ => desk
                .init(&NewDesk {
                    name: "The Meridian".into(),
                    timezone: "Europe/Paris".into(),
                    chief_name: "Claire Chief".into(),
                    chief_passphrase: None,
                })
                .unwrap(),
        };
        let password_file = dir.join(format!("{name}.wordpress-password"));
        (desk, chief, password_file)
    }

    fn kept(target: &PublishTarget) -> Option<PasswordPlace> {
        match target {
            PublishTarget::Wordpress { password_kept, .. } => password_kept.clone(),
            PublishTarget::Folder => None,
        }
    }

    #[test]
    fn a_keyring_that_answers_keeps_the_password_and_no_file_does() {
        let dir = tempfile::tempdir().unwrap();
        let keyring = Arc::new(MemoryKeyring::default());
        let (desk, chief, file) = desk_in(dir.path(), "desk.db", Some(keyring.clone()));
        let set = desk
            .set_publish_target(
                &chief,
                &wordpress("https://news.example.org", Some("abcd 1234")),
            )
            .unwrap();
        assert_eq!(kept(&set), Some(PasswordPlace::Keyring));
        assert_eq!(PasswordPlace::Keyring.words(), "kept in the system keyring");
        assert!(!file.exists(), "no file beside a keyring that answers");
        let items = keyring.items();
        assert_eq!(items.len(), 1);
        let (key, label, secret) = &items[0];
        assert_eq!(secret, "abcd 1234");
        let desk_path = std::fs::canonicalize(dir.path().join("desk.db")).unwrap();
        assert_eq!(key.attributes["desk"], desk_path.display().to_string());
        assert_eq!(key.attributes["application"], "copydesk");
        assert_eq!(label.details["url"], "https://news.example.org/");
        assert_eq!(label.details["user"], "desk-bot");
        assert!(label.label.contains("desk-bot@https://news.example.org/"));
        assert!(
            !label.label.contains("abcd"),
            "the label never holds the password"
        );

        // Kept as it is when none is given; the label follows a new address.
        let set = desk
            .set_publish_target(&chief, &wordpress("https://www.example.org", None))
            .unwrap();
        assert_eq!(kept(&set), Some(PasswordPlace::Keyring));
        let items = keyring.items();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].2, "abcd 1234");
        assert_eq!(items[0].1.details["url"], "https://www.example.org/");

        // A second desk on the same machine has a password of its own.
        let (other, other_chief, _) = desk_in(dir.path(), "other.db", Some(keyring.clone()));
        other
            .set_publish_target(
                &other_chief,
                &wordpress("https://other.example.org", Some("wxyz")),
            )
            .unwrap();
        assert_eq!(keyring.items().len(), 2);
        let (saved, _) = desk.saved_password(&target_of_desk(&desk));
        assert_eq!(saved.unwrap().password, "abcd 1234");

        // The static folder: the password is gone from the keyring.
        desk.set_publish_target(&chief, &TargetChoice::Folder)
            .unwrap();
        let items = keyring.items();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].2, "wxyz", "the other desk's password stays");
    }

    fn target_of_desk(desk: &Desk) -> WordPressTarget {
        desk.store.read(target_of).unwrap().unwrap()
    }

    #[test]
    fn without_a_keyring_the_password_goes_to_a_file_only_its_owner_reads() {
        let dir = tempfile::tempdir().unwrap();
        let keyring = Arc::new(MemoryKeyring::default());
        keyring.fail_with(Some(SecretError::Unavailable("no session bus".into())));
        let (desk, chief, file) = desk_in(dir.path(), "desk.db", Some(keyring.clone()));
        let set = desk
            .set_publish_target(&chief, &wordpress("https://news.example.org", Some("abcd")))
            .unwrap();
        let place = kept(&set).unwrap();
        assert_eq!(
            place,
            PasswordPlace::File {
                path: file.display().to_string()
            }
        );
        assert_eq!(
            place.words(),
            format!("kept in {} (readable only by its owner)", file.display())
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "abcd");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        // The keyring answers again: the password moves into it on the next read.
        keyring.fail_with(None);
        let shown = desk.publish_target(&chief).unwrap();
        assert_eq!(kept(&shown), Some(PasswordPlace::Keyring));
        assert!(!file.exists(), "moved, not copied");
        assert_eq!(keyring.items()[0].2, "abcd");
    }

    #[test]
    fn a_locked_keyring_is_not_asked_and_the_file_it_could_not_take_wins() {
        let dir = tempfile::tempdir().unwrap();
        let keyring = Arc::new(MemoryKeyring::default());
        let (desk, chief, file) = desk_in(dir.path(), "desk.db", Some(keyring.clone()));
        desk.set_publish_target(&chief, &wordpress("https://news.example.org", Some("pw-1")))
            .unwrap();
        keyring.fail_with(Some(SecretError::Locked));
        // Locked, holding the old password: the new one goes to the file and is the one used.
        desk.set_publish_target(&chief, &wordpress("https://news.example.org", Some("pw-2")))
            .unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "pw-2");
        let (saved, _) = desk.saved_password(&target_of_desk(&desk));
        assert_eq!(saved.unwrap().password, "pw-2");
        // Unlocked: the new one replaces the old one in the keyring.
        keyring.fail_with(None);
        let (saved, _) = desk.saved_password(&target_of_desk(&desk));
        assert_eq!(saved.unwrap().place, PasswordPlace::Keyring);
        assert!(!file.exists());
        assert_eq!(keyring.items().len(), 1);
        assert_eq!(keyring.items()[0].2, "pw-2");

        // Locked with nothing in a file: no password, and the publisher says why.
        keyring.fail_with(Some(SecretError::Locked));
        let Some((_, Err(e))) = desk.wordpress().unwrap() else {
            panic!("no password to connect with")
        };
        assert_eq!(e.problem, TargetProblem::NoPassword);
        assert!(
            e.message.contains("the system keyring is locked"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("pw-2"), "{}", e.message);
    }

    #[test]
    fn a_password_an_older_copydesk_left_in_the_file_moves_into_the_keyring() {
        let dir = tempfile::tempdir().unwrap();
        let (desk, chief, file) = desk_in(dir.path(), "desk.db", None);
        let set = desk
            .set_publish_target(&chief, &wordpress("https://news.example.org", Some("abcd")))
            .unwrap();
        assert!(matches!(kept(&set), Some(PasswordPlace::File { .. })));
        assert!(file.exists());
        drop(desk);

        let keyring = Arc::new(MemoryKeyring::default());
        let (desk, chief, _) = desk_in(dir.path(), "desk.db", Some(keyring.clone()));
        assert_eq!(
            kept(&desk.publish_target(&chief).unwrap()),
            Some(PasswordPlace::Keyring)
        );
        assert!(!file.exists());
        assert_eq!(keyring.items()[0].2, "abcd");
    }

    #[test]
    fn a_server_keeps_its_secrets_folder_even_when_given_a_keyring() {
        let dir = tempfile::tempdir().unwrap();
        let secrets = dir.path().join("secrets");
        let keyring = Arc::new(MemoryKeyring::default());
        let (desk, chief, _) = desk_in(dir.path(), "desk.db", Some(keyring.clone()));
        let desk = desk.with_secrets_folder(&secrets).unwrap();
        let set = desk
            .set_publish_target(&chief, &wordpress("https://news.example.org", Some("abcd")))
            .unwrap();
        assert_eq!(
            kept(&set),
            Some(PasswordPlace::File {
                path: secrets.join("wordpress-password").display().to_string()
            })
        );
        assert!(keyring.items().is_empty());
    }
}
