//! The system keyring, where the desk keeps a secret it must be able to read back (the WordPress
//! application password) when the machine has one: on Linux the freedesktop Secret Service
//! (GNOME Keyring, KWallet) over the D-Bus session bus. The desk decides what goes where
//! (`desk::target`); this module only talks to the keyring, behind [`SecretStore`] so that tests
//! can give their own and never touch the user's.
//!
//! Nothing here ever prompts: a keyring that would have to ask the user (a locked collection)
//! counts as not there, and the caller falls back to a file of its own. A prompt would hang the
//! CLI over SSH and the app's scheduler, which run without anyone to answer it.

use std::collections::BTreeMap;
use std::sync::Arc;

/// What identifies one secret in a keyring: its lookup attributes (for the desk, the desk file
/// and what the secret is for). Two keys with different attributes never share a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretKey {
    pub attributes: BTreeMap<String, String>,
}

/// How a secret is shown in the keyring's own tools (Seahorse, `secret-tool`), beside the key:
/// never the secret itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretLabel {
    pub label: String,
    /// Attributes that describe the secret without identifying it (the site's address and
    /// user): they are replaced whenever the secret is saved again.
    pub details: BTreeMap<String, String>,
}

/// Why the keyring could not be used. The words never include the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// No keyring answers: no session bus, no Secret Service on it, no default collection.
    #[error("no system keyring answers ({0})")]
    Unavailable(String),
    /// The keyring is there but locked, and unlocking it would take a prompt.
    #[error("the system keyring is locked")]
    Locked,
    /// The keyring answered but failed the request.
    #[error("the system keyring failed: {0}")]
    Failed(String),
}

/// A place to keep secrets: the system keyring, or what a test gives.
pub trait SecretStore: Send + Sync {
    /// The secret saved under `key`, if any.
    fn get(&self, key: &SecretKey) -> Result<Option<String>, SecretError>;
    /// Saves `secret` under `key`, replacing whatever was saved under it.
    fn set(&self, key: &SecretKey, label: &SecretLabel, secret: &str) -> Result<(), SecretError>;
    /// Removes what is saved under `key`; nothing saved is not an error.
    fn delete(&self, key: &SecretKey) -> Result<(), SecretError>;
}

/// The environment variable that chooses the keyring of the CLI and the app: `off` keeps
/// secrets in files; a D-Bus address (`unix:path=…`) uses the Secret Service on that bus (the
/// tests' own); unset or anything else, the user's session bus.
pub const KEYRING_ENV: &str = "COPYDESK_KEYRING";

/// The user's system keyring, as the CLI and the app use it: `None` where this build has none
/// (macOS and Windows for now) or where `COPYDESK_KEYRING=off`. A keyring returned here may
/// still not answer; the desk then falls back to a file.
pub fn system_keyring() -> Option<Arc<dyn SecretStore>> {
    let choice = std::env::var(KEYRING_ENV).unwrap_or_default();
    let choice = choice.trim();
    if choice.eq_ignore_ascii_case("off") {
        return None;
    }
    #[cfg(target_os = "linux")]
    {
        // A D-Bus address always names its transport before a colon ("unix:path=…").
        if choice.contains(':') {
            return Some(Arc::new(SecretService::at(choice)));
        }
        Some(Arc::new(SecretService::session()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

#[cfg(target_os = "linux")]
pub use secret_service_store::SecretService;

#[cfg(target_os = "linux")]
mod secret_service_store {
    use std::collections::HashMap;
    use std::time::Duration;

    use secret_service::EncryptionType;
    use secret_service::blocking::{Collection, SecretService as Service};

    use super::{SecretError, SecretKey, SecretLabel, SecretStore};

    /// How long one call to the keyring may take: a keyring that stopped answering must not hold
    /// the publisher. Starting GNOME Keyring on demand takes well under a second.
    const CALL_TIMEOUT: Duration = Duration::from_secs(10);

    /// The freedesktop Secret Service: the secret goes into the default collection ("login"),
    /// encrypted on the bus (Diffie-Hellman session, AES).
    pub struct SecretService {
        /// `None`: the user's session bus.
        address: Option<String>,
    }

    impl SecretService {
        /// The Secret Service on the user's session bus.
        pub fn session() -> SecretService {
            SecretService { address: None }
        }

        /// The Secret Service on the bus at `address` (a test's private bus).
        pub fn at(address: &str) -> SecretService {
            SecretService {
                address: Some(address.to_string()),
            }
        }

        fn connect(&self) -> Result<Service<'static>, SecretError> {
            let unavailable = |e: &dyn std::fmt::Display| SecretError::Unavailable(e.to_string());
            let builder = match &self.address {
                None => zbus::blocking::connection::Builder::session(),
                Some(a) => zbus::blocking::connection::Builder::address(a.as_str()),
            }
            .map_err(|e| unavailable(&e))?;
            let conn = builder
                .method_timeout(CALL_TIMEOUT)
                .build()
                .map_err(|e| unavailable(&format!("no session bus: {e}")))?;
            Service::connect_with_existing(EncryptionType::Dh, conn)
                .map_err(|e| unavailable(&format!("no Secret Service on the session bus: {e}")))
        }
    }

    /// The default collection, if it is open: opening a locked one would prompt.
    fn open_default<'a>(service: &'a Service<'a>) -> Result<Collection<'a>, SecretError> {
        let collection = service.get_default_collection().map_err(|e| match e {
            secret_service::Error::NoResult => {
                SecretError::Unavailable("the keyring has no default collection".into())
            }
            e => failed(e),
        })?;
        if collection.is_locked().map_err(failed)? {
            return Err(SecretError::Locked);
        }
        Ok(collection)
    }

    fn failed(e: secret_service::Error) -> SecretError {
        match e {
            secret_service::Error::Locked
            | secret_service::Error::Prompt
            | secret_service::Error::PromptDisconnected => SecretError::Locked,
            secret_service::Error::Unavailable => {
                SecretError::Unavailable("the Secret Service went away".into())
            }
            e => SecretError::Failed(e.to_string()),
        }
    }

    fn attributes(key: &SecretKey) -> HashMap<&str, &str> {
        key.attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    impl SecretStore for SecretService {
        fn get(&self, key: &SecretKey) -> Result<Option<String>, SecretError> {
            let service = self.connect()?;
            let collection = open_default(&service)?;
            for item in collection.search_items(attributes(key)).map_err(failed)? {
                if item.is_locked().map_err(failed)? {
                    return Err(SecretError::Locked);
                }
                let secret = item.get_secret().map_err(failed)?;
                // Saved by us as UTF-8; anything else is not a password we can send.
                if let Ok(text) = String::from_utf8(secret) {
                    let text = text.trim();
                    if !text.is_empty() {
                        return Ok(Some(text.to_string()));
                    }
                }
            }
            Ok(None)
        }

        fn set(
            &self,
            key: &SecretKey,
            label: &SecretLabel,
            secret: &str,
        ) -> Result<(), SecretError> {
            let service = self.connect()?;
            let collection = open_default(&service)?;
            let before = collection.search_items(attributes(key)).map_err(failed)?;
            let mut all = attributes(key);
            for (k, v) in &label.details {
                all.insert(k.as_str(), v.as_str());
            }
            let item = collection
                .create_item(&label.label, all, secret.as_bytes(), true, "text/plain")
                .map_err(failed)?;
            // `replace` only replaces an item with exactly the same attributes: one saved for
            // another site or user of the same desk is removed here, after the new one is safe.
            for old in before {
                if old.item_path != item.item_path {
                    old.delete().map_err(failed)?;
                }
            }
            Ok(())
        }

        fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
            let service = self.connect()?;
            let collection = open_default(&service)?;
            for item in collection.search_items(attributes(key)).map_err(failed)? {
                item.delete().map_err(failed)?;
            }
            Ok(())
        }
    }
}
