//! Where published pieces go: the static site's folder (the default) or the publication's
//! WordPress site. The site's address and user are desk settings; the application password is
//! kept out of the database, in a file only its owner can read, beside the desk file (or in the
//! server's secrets folder), and is never printed or sent back.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::model::Role;
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
    },
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

fn write_private(path: &std::path::Path, secret: &str) -> std::io::Result<()> {
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

    fn password_file(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.secrets_folder {
            return Ok(dir.join("wordpress-password"));
        }
        let db = self.store.file().ok_or_else(|| {
            Error::invalid(
                "this desk has no file to keep the WordPress password beside: start the server \
                 with --secrets-folder",
            )
        })?;
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "desk".into());
        Ok(db.with_file_name(format!("{name}.wordpress-password")))
    }

    fn saved_password(&self) -> Option<String> {
        let file = self.password_file().ok()?;
        let text = std::fs::read_to_string(file).ok()?;
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    /// Where the desk publishes.
    pub fn publish_target(&self, actor: &Actor) -> Result<PublishTarget> {
        let target = self.store.read(|tx| {
            self.acting(tx, actor)?;
            target_of(tx)
        })?;
        Ok(match target {
            None => PublishTarget::Folder,
            Some(t) => PublishTarget::Wordpress {
                url: t.url,
                user: t.user,
                password_saved: self.saved_password().is_some(),
            },
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
                if let Ok(file) = self.password_file() {
                    let _ = std::fs::remove_file(file);
                }
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
                match password {
                    Some(p) => {
                        let file = self.password_file()?;
                        write_private(&file, p).map_err(|e| Error::Publish {
                            message: format!(
                                "The application password could not be saved in {}: {}.",
                                file.display(),
                                crate::error::io_words(&e)
                            ),
                            detail: e.to_string(),
                        })?;
                    }
                    None if self.saved_password().is_none() => {
                        return Err(Error::invalid_field(
                            "password",
                            "give the application password made for the desk on the user's \
                             profile page in WordPress",
                        ));
                    }
                    None => {}
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
        let Some(password) = self.saved_password() else {
            let e = WpError {
                problem: TargetProblem::NoPassword,
                message: format!(
                    "No application password is saved for {}: the chief sets one in Settings.",
                    target.url
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
