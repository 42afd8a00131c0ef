//! `settings set target wordpress` keeps the application password in the system keyring when
//! one answers — here GNOME Keyring on a private session bus, given to the CLI through
//! COPYDESK_KEYRING — says so in `settings show`, and removes it with `settings set target
//! folder`; with the keyring off it is a 0600 file beside the desk, and the settings say which.
#![cfg(target_os = "linux")]

mod common;
#[path = "../../core/tests/support/private_keyring.rs"]
mod private_keyring;

use std::collections::HashMap;
use std::path::PathBuf;

use common::{Out, TestDesk, output};
use private_keyring::{PrivateKeyring, found_in_files};

const CHIEF: Option<&str> = Some("Claire");
const PASSWORD: &str = "Zt5e 8WqL 3mNc Hr2v Pp9k Jd6x";
const SET: [&str; 8] = [
    "settings",
    "set",
    "target",
    "wordpress",
    "--url",
    "http://127.0.0.1:9/",
    "--user",
    "desk-bot",
];

fn with_keyring(d: &TestDesk, keyring: &str, args: &[&str], stdin: Option<&str>) -> Out {
    let mut cmd = d.command(CHIEF, args);
    cmd.env("COPYDESK_KEYRING", keyring);
    let Some(input) = stdin else {
        return output(cmd);
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stdin");
    std::fs::write(&file, format!("{input}\n")).unwrap();
    cmd.stdin(std::fs::File::open(&file).unwrap());
    output(cmd)
}

fn items(keyring: &PrivateKeyring, d: &TestDesk) -> Vec<String> {
    let service = keyring.service();
    let collection = service.get_default_collection().unwrap();
    let desk = std::fs::canonicalize(&d.db).unwrap().display().to_string();
    collection
        .search_items(HashMap::from([
            ("application", "copydesk"),
            ("desk", desk.as_str()),
        ]))
        .unwrap()
        .into_iter()
        .map(|i| String::from_utf8(i.get_secret().unwrap()).unwrap())
        .collect()
}

fn password_file(d: &TestDesk) -> PathBuf {
    d.path("desk.db.wordpress-password")
}

#[test]
fn the_cli_keeps_the_password_in_the_keyring_and_says_so() {
    let keyring = PrivateKeyring::start();
    let d = TestDesk::staffed();
    let o = with_keyring(&d, &keyring.address, &SET, Some(PASSWORD));
    assert_eq!(o.code, 0, "{}{}", o.stderr, o.stdout);
    assert!(
        o.stdout.contains(
            "WordPress at http://127.0.0.1:9/ as desk-bot, its application password kept in the \
             system keyring"
        ),
        "{}",
        o.stdout
    );
    assert_eq!(items(&keyring, &d), vec![PASSWORD.to_string()]);
    assert!(!password_file(&d).exists());
    assert_eq!(
        found_in_files(d.dir.path(), PASSWORD.as_bytes()),
        Vec::<PathBuf>::new()
    );

    let o = with_keyring(&d, &keyring.address, &["--json", "settings", "show"], None);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let shown: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(shown["target"]["password_kept"]["kind"], "keyring");
    for out in [&o.stdout, &o.stderr] {
        assert!(!out.contains(PASSWORD));
    }

    let o = with_keyring(
        &d,
        &keyring.address,
        &["settings", "set", "target", "folder"],
        None,
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        items(&keyring, &d).is_empty(),
        "a password no longer used does not linger"
    );
}

#[test]
fn with_the_keyring_off_the_password_is_a_private_file_and_the_settings_say_where() {
    let d = TestDesk::staffed();
    let o = with_keyring(&d, "off", &SET, Some(PASSWORD));
    assert_eq!(o.code, 0, "{}{}", o.stderr, o.stdout);
    let file = password_file(&d);
    assert!(
        o.stdout.contains(&format!(
            "its application password kept in {} (readable only by its owner)",
            file.display()
        )),
        "{}",
        o.stdout
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), PASSWORD);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}
