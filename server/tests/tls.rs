//! HTTPS with rustls: a desk served with a certificate, and a client that does not trust it told
//! so in words (not "does not answer").

mod common;

use copydesk_client::Client;
use copydesk_core::{Desk, ErrorCode};
use copydesk_server::Listen;

#[test]
fn a_certificate_this_computer_does_not_trust_is_said_in_words() {
    let t = common::team_desk();
    let folder = tempfile::tempdir().unwrap();
    // Self-signed: no authority this computer knows has signed it.
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let (cert, key) = (
        folder.path().join("cert.pem"),
        folder.path().join("key.pem"),
    );
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    let desk = Desk::connect(&t.database, t.clock.clone()).unwrap();
    let served = t
        .runtime
        .block_on(copydesk_server::start(
            desk,
            Listen {
                address: "127.0.0.1:0".parse().unwrap(),
                tls: Some((cert, key)),
            },
        ))
        .unwrap();
    let url = format!("https://localhost:{}", served.address().port());

    let refused = Client::new(&url).unwrap().health().unwrap_err();
    assert_eq!(refused.code, ErrorCode::Unavailable, "{refused:?}");
    assert!(
        refused.message.contains(
            "gave a certificate that does not verify (signed by an authority this computer does not know)"
        ),
        "{}",
        refused.message
    );
    // The server does speak TLS there: plain HTTP on the same port is no answer from a desk.
    let plain = Client::new(&url.replace("https://", "http://"))
        .unwrap()
        .health()
        .unwrap_err();
    assert_eq!(plain.code, ErrorCode::Unavailable, "{plain:?}");
}
