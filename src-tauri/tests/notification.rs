//! A notification about an article through a real D-Bus (Linux): a session bus of the test's own
//! (dbus-daemon), a freedesktop notification server of the test's own on it, and the app's
//! `show_and_follow` pointed at that bus through DBUS_SESSION_BUS_ADDRESS. The variable is the
//! process's: this file is a test binary of its own, and its tests take turns (`ONE_BUS`).

#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use copydesk_app::notification::show_and_follow;
use zbus::OwnedVariant;
use zbus::object_server::SignalEmitter;

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
/// Long enough for a slow CI machine; a passing run takes milliseconds.
const PATIENCE: Duration = Duration::from_secs(20);

static ONE_BUS: Mutex<()> = Mutex::new(());

/// A notification as the server was asked to show it.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    id: u32,
    app_name: String,
    summary: String,
    body: String,
    actions: Vec<String>,
}

/// The server: it shows nothing, and tells the test what it was asked to show.
struct Server {
    shown: mpsc::Sender<Shown>,
    last_id: u32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &mut self,
        app_name: String,
        replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedVariant>,
        _expire_timeout: i32,
    ) -> u32 {
        let id = if replaces_id != 0 {
            replaces_id
        } else {
            self.last_id += 1;
            self.last_id
        };
        let _ = self.shown.send(Shown {
            id,
            app_name,
            summary,
            body,
            actions,
        });
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "copydesk-test".into(),
            "Copydesk".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    /// As the spec says: closed by a call (reason 3), which is told as any close is.
    async fn close_notification(
        &self,
        id: u32,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) -> zbus::fdo::Result<()> {
        Self::notification_closed(&emitter, id, 3).await?;
        Ok(())
    }

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// A session bus of the test's own, for as long as this lives, and the process pointed at it.
struct Bus {
    daemon: Child,
    address: String,
    dir: tempfile::TempDir,
    _turn: MutexGuard<'static, ()>,
}

impl Bus {
    fn start() -> Bus {
        let turn = ONE_BUS.lock().unwrap_or_else(|p| p.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("session.conf");
        // The system's session.conf would also start any notification service installed here
        // for a name nobody owns; this bus starts nothing.
        std::fs::write(
            &config,
            format!(
                r#"<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().join("bus").display()
            ),
        )
        .unwrap();
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--nopidfile", "--print-address=1"])
            .stdout(Stdio::piped())
            // Said only if it does not start (it complains of the fd limit it may not raise).
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "this test needs dbus-daemon (Debian's dbus package; scripts/ensure-tools.sh \
                     installs it): {e}"
                )
            });
        // The address is printed once the bus listens.
        let mut address = String::new();
        let stdout = daemon.stdout.take().expect("dbus-daemon's output");
        BufReader::new(stdout).read_line(&mut address).unwrap();
        let address = address.trim().to_string();
        if address.is_empty() {
            let mut said = String::new();
            if let Some(mut stderr) = daemon.stderr.take() {
                let _ = stderr.read_to_string(&mut said);
            }
            panic!("dbus-daemon did not start: {said}");
        }
        point_at(&address);
        Bus {
            daemon,
            address,
            dir,
            _turn: turn,
        }
    }

    /// The notification server on this bus, the notifications it is asked to show, and the
    /// connection that serves it (the server is gone with it).
    fn serve(&self) -> (zbus::Connection, Receiver<Shown>) {
        let (shown, asked) = mpsc::channel();
        let server = Server { shown, last_id: 0 };
        let connection = zbus::block_on(
            zbus::connection::Builder::address(self.address.as_str())
                .name(NAME)
                .serve_at(PATH, server)
                .build(),
        )
        .expect("the notification server on the test's bus");
        (connection, asked)
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn point_at(address: &str) {
    // SAFETY: set only while holding ONE_BUS, by the tests of this binary, which all hold it; the
    // threads that read it (the app's notification threads) are started under it and waited for.
    unsafe { std::env::set_var("DBUS_SESSION_BUS_ADDRESS", address) };
}

/// The app's side of one notification: the article it opened, if any, and whether it is done.
struct Followed(Receiver<String>);

/// Shows a notification about `article` as the app does, the way it follows the notification
/// handed back.
fn show(title: &str, body: &str, article: &str) -> Followed {
    let (opened, heard) = mpsc::channel();
    show_and_follow(title, body, article.to_string(), move |id| {
        let _ = opened.send(id);
    });
    Followed(heard)
}

/// Sends `signal` until the app's side answers: the article opened, or, done without opening
/// anything, `Disconnected`. Sent more than once because notify-rust starts listening for the
/// server's signals after `Notify` has returned, and a signal sent before then is lost; the app
/// acts on the first it hears.
fn until_answered(server: &zbus::Connection, followed: &Followed, signal: Signal) -> Answer {
    let iface = zbus::block_on(server.object_server().interface::<_, Server>(PATH))
        .expect("the server's interface");
    let deadline = Instant::now() + PATIENCE;
    loop {
        let sent = zbus::block_on(async {
            match signal {
                Signal::Clicked(id) => {
                    Server::action_invoked(iface.signal_emitter(), id, "default").await
                }
                Signal::Dismissed(id) => {
                    Server::notification_closed(iface.signal_emitter(), id, 2).await
                }
            }
        });
        sent.expect("the signal is sent");
        match followed.0.recv_timeout(Duration::from_millis(50)) {
            Ok(id) => return Answer::Opened(id),
            Err(RecvTimeoutError::Disconnected) => return Answer::DoneWithoutOpening,
            Err(RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
            Err(RecvTimeoutError::Timeout) => panic!("no answer to {signal:?} in {PATIENCE:?}"),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Signal {
    Clicked(u32),
    Dismissed(u32),
}

#[derive(Debug, PartialEq)]
enum Answer {
    Opened(String),
    DoneWithoutOpening,
}

/// What the server was asked to show, `count` notifications in the order they came.
fn asked(asked: &Receiver<Shown>, count: usize) -> Vec<Shown> {
    (0..count)
        .map(|_| {
            asked
                .recv_timeout(PATIENCE)
                .expect("the server is asked to show the notification")
        })
        .collect()
}

/// Once its notification is answered, the app's side ends: waits for that.
fn ended(followed: Followed) -> Vec<String> {
    let mut opened = Vec::new();
    loop {
        match followed.0.recv_timeout(PATIENCE) {
            Ok(id) => opened.push(id),
            Err(RecvTimeoutError::Disconnected) => return opened,
            Err(RecvTimeoutError::Timeout) => panic!("the notification's thread did not end"),
        }
    }
}

#[test]
fn a_clicked_notification_opens_its_article_and_one_dismissed_opens_nothing() {
    let bus = Bus::start();
    let (server, asked_to) = bus.serve();

    let harbour = show(
        "Changes requested",
        "“Harbour wall”: open it in Copydesk to read the note.",
        "art-harbour",
    );
    let ferry = show("Published", "“Ferry fares” is out.", "art-ferry");
    let mut shown = asked(&asked_to, 2);
    shown.sort_by(|a, b| a.summary.cmp(&b.summary));
    let [changes, published] = [shown[0].clone(), shown[1].clone()];
    assert_eq!(
        (changes.app_name.as_str(), changes.summary.as_str()),
        ("Copydesk", "Changes requested")
    );
    assert_eq!(
        changes.body,
        "“Harbour wall”: open it in Copydesk to read the note."
    );
    assert_eq!(changes.actions, ["default", "Open"]);
    assert_eq!(
        (published.summary.as_str(), published.body.as_str()),
        ("Published", "“Ferry fares” is out.")
    );
    assert_eq!(published.actions, ["default", "Open"]);

    // A click on one opens its article, and only its.
    assert_eq!(
        until_answered(&server, &ferry, Signal::Clicked(published.id)),
        Answer::Opened("art-ferry".into())
    );
    assert_eq!(ended(ferry), Vec::<String>::new(), "opened once");
    assert_eq!(
        harbour.0.try_recv(),
        Err(TryRecvError::Empty),
        "the other still waits, unopened"
    );

    // The other dismissed: nothing opens, and its thread ends.
    assert_eq!(
        until_answered(&server, &harbour, Signal::Dismissed(changes.id)),
        Answer::DoneWithoutOpening
    );
}

#[test]
fn without_a_notification_server_or_a_session_bus_nothing_opens_and_nothing_fails() {
    // A bus with nobody serving notifications on it.
    let bus = Bus::start();
    let nobody = show("Published", "“Ferry fares” is out.", "art-ferry");
    assert_eq!(ended(nobody), Vec::<String>::new());

    // No bus at all where the address says.
    let gone = bus.dir.path().join("no-bus-here");
    point_at(&format!("unix:path={}", gone.display()));
    let no_bus = show("Published", "“Ferry fares” is out.", "art-ferry");
    assert_eq!(ended(no_bus), Vec::<String>::new());
}
