//! Signing in for a session token: passphrases, failures that slow down, expiry, signing out,
//! and the chief's view of who is signed in.
mod common;

use chrono::Duration;
use common::*;
use copydesk_core::api::{ListSessions, Operation, RevokeSession};
use copydesk_core::desk::NewUser;
use copydesk_core::model::Role;

fn with_passphrases(t: &TestDesk) {
    for name in ["Claire Chief", "Eddie Editor", "jane"] {
        t.desk
            .set_passphrase(&t.chief, name, Some("correct horse"))
            .unwrap();
    }
}

#[test]
fn a_passphrase_opens_a_session_whose_token_acts_as_the_user_until_sign_out() {
    let t = desk();
    with_passphrases(&t);
    let signed = t
        .desk
        .open_session("Eddie Editor", "correct horse", Some("10.0.0.7"))
        .unwrap();
    assert_eq!(signed.user.name, "Eddie Editor");
    assert_eq!(signed.session.address.as_deref(), Some("10.0.0.7"));
    let actor = t.desk.session_actor(&signed.token).unwrap();
    assert_eq!(actor.user.role, Role::Editor);
    // The token is what was shown once; a different one is nobody.
    let nobody = t.desk.session_actor("not-a-token").unwrap_err();
    assert_eq!(nobody.code(), "unauthenticated");
    t.desk.close_session(&signed.token).unwrap();
    let after = t.desk.session_actor(&signed.token).unwrap_err();
    assert!(after.to_string().contains("ended"), "{after}");
}

#[test]
fn a_session_runs_out() {
    let t = desk();
    with_passphrases(&t);
    let signed = t.desk.open_session("jane", "correct horse", None).unwrap();
    t.clock.advance(Duration::days(13));
    assert!(t.desk.session_actor(&signed.token).is_ok());
    t.clock.advance(Duration::days(2));
    let err = t.desk.session_actor(&signed.token).unwrap_err();
    assert!(err.to_string().contains("run out"), "{err}");
}

#[test]
fn wrong_passphrases_slow_down_per_user_and_per_address() {
    let t = desk();
    with_passphrases(&t);
    for _ in 0..5 {
        let e = t
            .desk
            .open_session("jane", "wrong", Some("10.0.0.9"))
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("wrong passphrase for jane: type it again"),
            "{e}"
        );
    }
    // The sixth try must wait, even with the right passphrase, for her and from that address.
    let e = t
        .desk
        .open_session("jane", "correct horse", None)
        .unwrap_err();
    assert_eq!(e.code(), "rate_limited", "{e}");
    assert!(e.to_string().contains("for jane"), "{e}");
    let e = t
        .desk
        .open_session("Eddie Editor", "correct horse", Some("10.0.0.9"))
        .unwrap_err();
    assert!(e.to_string().contains("from this address"), "{e}");
    // Once the wait is over the right passphrase works, and clears her count.
    t.clock.advance(Duration::seconds(2));
    t.desk.open_session("jane", "correct horse", None).unwrap();
    t.desk.open_session("jane", "correct horse", None).unwrap();
    // Unknown users are counted too, and said to be unknown.
    let e = t.desk.open_session("Mallory", "x", None).unwrap_err();
    assert!(e.to_string().contains("no user called Mallory"), "{e}");
}

#[test]
fn an_account_without_a_passphrase_cannot_open_a_session() {
    let t = desk();
    let e = t
        .desk
        .open_session("Eddie Editor", "anything", None)
        .unwrap_err();
    assert_eq!(e.code(), "unauthenticated");
    assert!(e.to_string().contains("no passphrase yet"), "{e}");
}

#[test]
fn the_chief_sees_and_ends_anyones_sessions_others_only_their_own() {
    let t = desk();
    with_passphrases(&t);
    let jane = t.desk.open_session("jane", "correct horse", None).unwrap();
    let eddie = t
        .desk
        .open_session("Eddie Editor", "correct horse", None)
        .unwrap();
    let all = ListSessions {}.run(&t.desk, &t.chief).unwrap();
    assert_eq!(all.len(), 2);
    let own = ListSessions {}.run(&t.desk, &t.author).unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].user, "jane");
    // Jane cannot end Eddie's session, nor learn that it exists.
    let e = RevokeSession {
        id: eddie.session.id.clone(),
    }
    .run(&t.desk, &t.author)
    .unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert!(t.desk.session_actor(&eddie.token).is_ok());
    // The chief can, and the token stops working at once.
    RevokeSession {
        id: eddie.session.id.clone(),
    }
    .run(&t.desk, &t.chief)
    .unwrap();
    assert!(t.desk.session_actor(&eddie.token).is_err());
    // Jane ends her own.
    RevokeSession {
        id: jane.session.id.clone(),
    }
    .run(&t.desk, &t.author)
    .unwrap();
    assert!(t.desk.session_actor(&jane.token).is_err());
    assert!(ListSessions {}.run(&t.desk, &t.chief).unwrap().is_empty());
    // A user removed from a role keeps no more power than their role now gives.
    t.desk
        .add_user(
            &t.chief,
            &NewUser {
                name: "Temp".into(),
                role: Role::Editor,
                contributor: None,
                passphrase: Some("pass phrase".into()),
            },
        )
        .unwrap();
    let temp = t.desk.open_session("Temp", "pass phrase", None).unwrap();
    t.desk
        .set_role(&t.chief, "Temp", Role::Contributor)
        .unwrap();
    let actor = t.desk.session_actor(&temp.token).unwrap();
    assert_eq!(actor.user.role, Role::Contributor);
}
