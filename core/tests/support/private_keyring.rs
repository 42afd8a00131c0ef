//! A real Secret Service for tests, never the user's: a private D-Bus session bus
//! (`dbus-daemon`) with GNOME Keyring on it, in a temporary home of its own. `--unlock` with a
//! password on standard input makes the "login" keyring, unlocked and the default collection,
//! without any prompt (no display is needed). Both processes end when it is dropped.
//! scripts/ensure-tools.sh --tests (make test) installs dbus and gnome-keyring.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct PrivateKeyring {
    /// The bus's address, for `SecretService::at` and `COPYDESK_KEYRING`.
    pub address: String,
    /// The temporary home: the keyring's files are under `data/keyrings`.
    pub home: tempfile::TempDir,
    bus: Child,
    keyring: Child,
}

fn tool(name: &str) -> &str {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "{name} is missing: run scripts/ensure-tools.sh --tests (make test does), which installs \
         dbus and gnome-keyring"
    );
    name
}

impl PrivateKeyring {
    pub fn start() -> PrivateKeyring {
        let home = tempfile::tempdir().unwrap();
        let dirs = ["home", "data", "config", "runtime"].map(|d| home.path().join(d));
        for d in &dirs {
            std::fs::create_dir_all(d).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dirs[3], std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let env = |c: &mut Command| {
            c.env("HOME", &dirs[0])
                .env("XDG_DATA_HOME", &dirs[1])
                .env("XDG_CONFIG_HOME", &dirs[2])
                .env("XDG_RUNTIME_DIR", &dirs[3])
                .env_remove("DISPLAY")
                .env_remove("WAYLAND_DISPLAY");
        };
        let socket = dirs[3].join("bus");
        let mut cmd = Command::new(tool("dbus-daemon"));
        cmd.args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
            .arg(format!("--address=unix:path={}", socket.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        env(&mut cmd);
        let mut bus = cmd.spawn().expect("dbus-daemon starts");
        let mut line = String::new();
        BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line.trim().to_string();
        assert!(address.starts_with("unix:"), "dbus-daemon printed {line:?}");

        let mut cmd = Command::new(tool("gnome-keyring-daemon"));
        cmd.args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        env(&mut cmd);
        let mut keyring = cmd.spawn().expect("gnome-keyring-daemon starts");
        {
            let mut stdin = keyring.stdin.take().unwrap();
            stdin.write_all(b"the test keyring's password").unwrap();
        }
        let started = PrivateKeyring {
            address,
            home,
            bus,
            keyring,
        };
        started.wait_for_the_login_collection();
        started
    }

    /// GNOME Keyring takes the Secret Service's name, then makes the login keyring: both before
    /// a test may count on it.
    fn wait_for_the_login_collection(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = (|| -> Result<bool, Box<dyn std::error::Error>> {
                let conn =
                    zbus::blocking::connection::Builder::address(self.address.as_str())?.build()?;
                let dbus = zbus::blocking::fdo::DBusProxy::new(&conn)?;
                if !dbus.name_has_owner("org.freedesktop.secrets".try_into()?)? {
                    return Ok(false);
                }
                let service = secret_service::blocking::SecretService::connect_with_existing(
                    secret_service::EncryptionType::Plain,
                    conn,
                )?;
                let collection = service.get_default_collection()?;
                Ok(!collection.is_locked()?)
            })();
            if let Ok(true) = ready {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "GNOME Keyring did not open its login collection on the private bus: {ready:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The keyring's own files (encrypted).
    pub fn data_dir(&self) -> PathBuf {
        self.home.path().join("data")
    }

    /// The secret service on this bus, to look at the items as any keyring tool would.
    pub fn service(&self) -> secret_service::blocking::SecretService<'static> {
        let conn = zbus::blocking::connection::Builder::address(self.address.as_str())
            .unwrap()
            .build()
            .unwrap();
        secret_service::blocking::SecretService::connect_with_existing(
            secret_service::EncryptionType::Dh,
            conn,
        )
        .unwrap()
    }
}

impl Drop for PrivateKeyring {
    fn drop(&mut self) {
        for child in [&mut self.keyring, &mut self.bus] {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Whether `needle` is in any file under `dir`.
pub fn found_in_files(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(found_in_files(&path, needle));
        } else if let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle)
        {
            found.push(path);
        }
    }
    found
}
