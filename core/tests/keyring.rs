//! The WordPress application password in a real system keyring: GNOME Keyring on a private
//! session bus (tests/support/private_keyring.rs), never the user's. Where it answers, the
//! password is kept there and nowhere else; an older desk's password file moves into it; the
//! static folder removes it; a keyring that is locked or not there leaves it in a 0600 file.
#![cfg(target_os = "linux")]

mod common;
#[path = "support/private_keyring.rs"]
mod private_keyring;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{TestDesk, populate, start};
use copydesk_core::api::{PasswordPlace, PublishTarget, TargetChoice};
use copydesk_core::secrets::SecretService;
use copydesk_core::wordpress::TargetProblem;
use copydesk_core::{Desk, ManualClock};
use private_keyring::{PrivateKeyring, found_in_files};

const PASSWORD: &str = "Qx7p 2bLm 9tRw KdV3 hY8s Zc4n";
/// Nothing answers there: "no answer", not "no password", tells the password was read back.
const SILENT_SITE: &str = "http://127.0.0.1:9/";

fn desk_at(file: &Path, keyring: Option<&PrivateKeyring>) -> Desk {
    let desk = Desk::open(file, Arc::new(ManualClock::new(start()))).unwrap();
    match keyring {
        Some(k) => desk.with_secret_store(Arc::new(SecretService::at(&k.address))),
        None => desk,
    }
}

/// A staffed desk in `file`, with the keyring when given one.
fn staffed_desk_at(file: &Path, keyring: Option<&PrivateKeyring>) -> TestDesk {
    populate(desk_at(file, keyring), Arc::new(ManualClock::new(start())))
}

fn wordpress(password: Option<&str>) -> TargetChoice {
    TargetChoice::Wordpress {
        url: SILENT_SITE.into(),
        user: "desk-bot".into(),
        password: password.map(Into::into),
    }
}

fn kept(t: &TestDesk) -> Option<PasswordPlace> {
    match t.desk.publish_target(&t.chief).unwrap() {
        PublishTarget::Wordpress { password_kept, .. } => password_kept,
        PublishTarget::Folder => None,
    }
}

/// The desk's items in the keyring: (label, attributes, secret).
fn items_of(
    keyring: &PrivateKeyring,
    desk_file: &Path,
) -> Vec<(String, HashMap<String, String>, String)> {
    let service = keyring.service();
    let collection = service.get_default_collection().unwrap();
    let desk = std::fs::canonicalize(desk_file)
        .unwrap()
        .display()
        .to_string();
    let attributes = HashMap::from([("application", "copydesk"), ("desk", desk.as_str())]);
    collection
        .search_items(attributes)
        .unwrap()
        .into_iter()
        .map(|item| {
            (
                item.get_label().unwrap(),
                item.get_attributes().unwrap(),
                String::from_utf8(item.get_secret().unwrap()).unwrap(),
            )
        })
        .collect()
}

fn password_file(desk_file: &Path) -> PathBuf {
    desk_file.with_file_name("desk.db.wordpress-password")
}

fn reads_it_back(t: &TestDesk) {
    let check = t.desk.test_publish_target(&t.chief).unwrap();
    assert_eq!(check.problem, Some(TargetProblem::NoAnswer), "{check:?}");
    assert!(!check.message.contains(PASSWORD), "{}", check.message);
}

#[test]
fn the_password_is_kept_in_the_keyring_and_nowhere_else() {
    let keyring = PrivateKeyring::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.db");
    let t = staffed_desk_at(&file, Some(&keyring));
    let set = t
        .desk
        .set_publish_target(&t.chief, &wordpress(Some(PASSWORD)))
        .unwrap();
    assert!(
        matches!(
            set,
            PublishTarget::Wordpress {
                password_saved: true,
                password_kept: Some(PasswordPlace::Keyring),
                ..
            }
        ),
        "{set:?}"
    );

    let items = items_of(&keyring, &file);
    assert_eq!(items.len(), 1, "{items:?}");
    let (label, attributes, secret) = &items[0];
    assert_eq!(secret, PASSWORD);
    let canonical = std::fs::canonicalize(&file).unwrap().display().to_string();
    assert_eq!(
        label,
        &format!("Copydesk — WordPress password for {canonical} (desk-bot@{SILENT_SITE})")
    );
    assert_eq!(attributes["url"], SILENT_SITE);
    assert_eq!(attributes["user"], "desk-bot");
    assert_eq!(attributes["kind"], "wordpress-password");

    // Not beside the desk, not in the desk file (nor its journal), not in the keyring's files
    // in clear.
    assert!(!password_file(&file).exists());
    assert_eq!(
        found_in_files(dir.path(), PASSWORD.as_bytes()),
        Vec::<PathBuf>::new()
    );
    assert_eq!(
        found_in_files(keyring.home.path(), PASSWORD.as_bytes()),
        Vec::<PathBuf>::new()
    );

    // Read back, by this desk and by another process opening the same file.
    reads_it_back(&t);
    let again = TestDesk {
        desk: desk_at(&file, Some(&keyring)),
        ..t
    };
    assert_eq!(kept(&again), Some(PasswordPlace::Keyring));
    reads_it_back(&again);

    // A second desk on the machine has its own.
    let other_dir = tempfile::tempdir().unwrap();
    let other_file = other_dir.path().join("desk.db");
    let other = staffed_desk_at(&other_file, Some(&keyring));
    other
        .desk
        .set_publish_target(&other.chief, &wordpress(Some("another password")))
        .unwrap();
    assert_eq!(items_of(&keyring, &other_file)[0].2, "another password");
    assert_eq!(items_of(&keyring, &file)[0].2, PASSWORD);

    // A new password replaces the old one; the static folder removes it.
    again
        .desk
        .set_publish_target(&again.chief, &wordpress(Some("a newer one")))
        .unwrap();
    let items = items_of(&keyring, &file);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].2, "a newer one");
    again
        .desk
        .set_publish_target(&again.chief, &TargetChoice::Folder)
        .unwrap();
    assert!(items_of(&keyring, &file).is_empty());
    assert_eq!(
        items_of(&keyring, &other_file).len(),
        1,
        "the other desk keeps its own"
    );
    assert!(!password_file(&file).exists());
}

#[test]
fn a_password_file_left_by_an_older_copydesk_moves_into_the_keyring() {
    let keyring = PrivateKeyring::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.db");
    let t = staffed_desk_at(&file, None);
    t.desk
        .set_publish_target(&t.chief, &wordpress(Some(PASSWORD)))
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(password_file(&file)).unwrap(),
        PASSWORD
    );
    assert!(items_of(&keyring, &file).is_empty());

    let t = TestDesk {
        desk: desk_at(&file, Some(&keyring)),
        ..t
    };
    assert_eq!(kept(&t), Some(PasswordPlace::Keyring));
    assert!(!password_file(&file).exists(), "moved, not copied");
    assert_eq!(items_of(&keyring, &file)[0].2, PASSWORD);
    reads_it_back(&t);
}

#[test]
fn a_locked_keyring_is_never_asked_and_the_password_goes_to_a_private_file() {
    let keyring = PrivateKeyring::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.db");
    let t = staffed_desk_at(&file, Some(&keyring));
    {
        let service = keyring.service();
        service.get_default_collection().unwrap().lock().unwrap();
    }
    t.desk
        .set_publish_target(&t.chief, &wordpress(Some(PASSWORD)))
        .unwrap();
    is_a_private_file(&t, &file);
    reads_it_back(&t);
}

#[test]
fn without_a_session_bus_the_password_goes_to_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.db");
    let desk = Desk::open(&file, Arc::new(ManualClock::new(start())))
        .unwrap()
        .with_secret_store(Arc::new(SecretService::at(&format!(
            "unix:path={}",
            dir.path().join("no-bus-here").display()
        ))));
    let t = populate(desk, Arc::new(ManualClock::new(start())));
    t.desk
        .set_publish_target(&t.chief, &wordpress(Some(PASSWORD)))
        .unwrap();
    is_a_private_file(&t, &file);
    reads_it_back(&t);
    t.desk
        .set_publish_target(&t.chief, &TargetChoice::Folder)
        .unwrap();
    assert!(!password_file(&file).exists());
}

fn is_a_private_file(t: &TestDesk, file: &Path) {
    let secret = password_file(file);
    assert_eq!(
        kept(t),
        Some(PasswordPlace::File {
            path: secret.display().to_string()
        })
    );
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), PASSWORD);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&secret).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "only its owner reads it");
}
