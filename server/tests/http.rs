//! The team desk over HTTP: the same operations and refusals as on a desk file, every request
//! acting as its token's user, and bad requests refused in words with nothing written.
mod common;

use chrono::Duration;
use common::*;
use copydesk_core::ErrorCode;
use copydesk_core::api::*;
use serde_json::json;

#[test]
fn operations_over_http_answer_as_the_desk_does() {
    let t = team_desk();
    let editor = t.signed_in(EDITOR);
    let made = editor
        .call(&CreateArticle {
            article: NewArticle {
                headline: "Water, not weapons".into(),
                byline: vec![BylineEntry::named("John Doe")],
                ..Default::default()
            },
        })
        .unwrap();
    assert_eq!(made.headline, "Water, not weapons");
    assert_eq!(made.byline[0].name, "John Doe");
    let read = editor
        .call(&GetArticle {
            id: made.id.clone(),
        })
        .unwrap();
    assert_eq!(read, made);
    // A stale save is refused with both texts, as the app's IPC refuses it.
    let saved = editor
        .call(&SaveArticle {
            id: made.id.clone(),
            base_version: made.version,
            edit: ArticleEdit {
                body: Some("First.".into()),
                ..Default::default()
            },
            autosave: true,
        })
        .unwrap();
    let stale = editor
        .call(&SaveArticle {
            id: made.id.clone(),
            base_version: made.version,
            edit: ArticleEdit {
                body: Some("Second.".into()),
                ..Default::default()
            },
            autosave: true,
        })
        .unwrap_err();
    assert_eq!(stale.code, ErrorCode::Conflict);
    match stale.details.as_deref() {
        Some(ErrorDetails::Conflict {
            current_version,
            current,
            ..
        }) => {
            assert_eq!(*current_version, saved.version);
            assert_eq!(current.body, "First.");
        }
        other => panic!("{other:?}"),
    }
    // Every request acts as its token's user.
    let author = t.signed_in(AUTHOR);
    assert_eq!(author.who().unwrap().name, AUTHOR.0);
    let own = author
        .call(&CreateArticle {
            article: NewArticle {
                headline: "Mine".into(),
                ..Default::default()
            },
        })
        .unwrap();
    assert_eq!(own.byline[0].name, "Jane Roe");
    let listed = author
        .call(&ListArticles {
            filter: Default::default(),
            after: None,
            limit: 50,
        })
        .unwrap();
    assert_eq!(listed.items.len(), 1, "a contributor sees only their own");
    t.stop();
}

/// Someone else's session is not even said to exist to a non-chief, and never ended by one;
/// the chief ends anyone's. (Every operation against every role: tests/roles.rs.)
#[test]
fn another_users_session_is_the_chiefs_to_end() {
    let t = team_desk();
    let chief = t.signed_in(CHIEF);
    let editor = t.signed_in(EDITOR);
    let author = t.signed_in(AUTHOR);
    let chief_again = t.signed_in(CHIEF);
    let chief_session = chief_again.call(&ListSessions {}).unwrap()[0].id.clone();
    // Someone else's session: not even said to exist to a non-chief, and never ended by one.
    let before = t.changes();
    for client in [&editor, &author] {
        let sessions = client.call(&ListSessions {}).unwrap();
        assert!(sessions.iter().all(|s| s.user != CHIEF.0), "{sessions:?}");
        let e = client
            .call(&RevokeSession {
                id: chief_session.clone(),
            })
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound, "{e:?}");
    }
    assert_eq!(t.changes(), before);
    assert!(chief_again.who().is_ok(), "the chief's session still works");
    // The chief ends an editor's session: its token stops working at once.
    let editor_session = editor.call(&ListSessions {}).unwrap()[0].id.clone();
    chief.call(&RevokeSession { id: editor_session }).unwrap();
    assert_eq!(editor.who().unwrap_err().code, ErrorCode::Unauthenticated);
    t.stop();
}

/// Every answer carries a request id (the one the log's line for it names): a new one, or the
/// one the request came with, so a proxy's id follows the request through.
#[test]
fn every_answer_carries_its_request_id() {
    let t = team_desk();
    let (status, _, headers) = raw(&t.base(), "GET", "/health", None, None, Vec::new());
    assert_eq!(status, 200);
    let made = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert_eq!(made.len(), 36, "a UUID: {made:?}");
    let (status, _, again) = raw(&t.base(), "GET", "/health", None, None, Vec::new());
    assert_eq!(status, 200);
    assert_ne!(
        again.get("x-request-id").unwrap(),
        made.as_str(),
        "one each"
    );
    let http = reqwest::blocking::Client::new();
    let answer = http
        .post(format!("{}/api/ops/list_articles", t.base()))
        .header("x-request-id", "from-the-proxy-42")
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(answer.status(), 401, "a refusal carries it too");
    assert_eq!(
        answer.headers().get("x-request-id").unwrap(),
        "from-the-proxy-42"
    );
    t.stop();
}

#[test]
fn a_request_without_a_working_token_is_401() {
    let t = team_desk();
    let base = t.base();
    let ask = |token: Option<&str>| {
        raw(
            &base,
            "POST",
            "/api/ops/list_articles",
            token,
            Some("application/json"),
            br#"{"limit": 5}"#.to_vec(),
        )
    };
    let (status, body, headers) = ask(None);
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["code"], "unauthenticated");
    assert_eq!(headers["www-authenticate"], "Bearer");
    assert_eq!(ask(Some("not-a-token")).0, 401);

    let mut editor = t.signed_in(EDITOR);
    let token = editor.token().unwrap().to_string();
    assert_eq!(ask(Some(&token)).0, 200);
    editor.sign_out().unwrap();
    let (status, body, _) = ask(Some(&token));
    assert_eq!(status, 401);
    assert!(
        body["message"].as_str().unwrap().contains("ended"),
        "{body}"
    );

    let author = t.signed_in(AUTHOR);
    let token = author.token().unwrap().to_string();
    t.clock.advance(Duration::days(15));
    let (status, body, _) = ask(Some(&token));
    assert_eq!(status, 401);
    assert!(
        body["message"].as_str().unwrap().contains("run out"),
        "{body}"
    );
    t.stop();
}

#[test]
fn signing_in_says_what_was_wrong_and_slows_down_guessing() {
    let t = team_desk();
    let mut c = t.client();
    let e = c.sign_in(EDITOR.0, "wrong passphrase!").unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthenticated);
    assert!(e.message.contains("wrong passphrase"), "{}", e.message);
    let e = c.sign_in("Nobody Here", "whatever it is").unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthenticated);
    assert!(
        e.message.contains("no user called Nobody Here"),
        "{}",
        e.message
    );
    let mut last = None;
    for _ in 0..8 {
        let (status, body, headers) = raw(
            &t.base(),
            "POST",
            "/api/session",
            None,
            Some("application/json"),
            json!({"name": EDITOR2.0, "passphrase": "a guess, wrong"})
                .to_string()
                .into_bytes(),
        );
        last = Some((status, body, headers));
    }
    let (status, body, headers) = last.unwrap();
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["code"], "rate_limited");
    assert!(headers.contains_key("retry-after"));
    // Even the right passphrase waits until the time is up.
    let e = c.sign_in(EDITOR2.0, EDITOR2.1).unwrap_err();
    assert_eq!(e.code, ErrorCode::RateLimited);
    t.clock.advance(Duration::minutes(20));
    c.sign_in(EDITOR2.0, EDITOR2.1).unwrap();
    t.stop();
}

#[test]
fn a_request_that_cannot_be_read_is_refused_in_words_and_writes_nothing() {
    let t = team_desk();
    let editor = t.signed_in(EDITOR);
    let token = editor.token();
    let before = t.changes();
    let post =
        |path: &str, ct: Option<&str>, body: Vec<u8>| raw(&t.base(), "POST", path, token, ct, body);
    let (status, body, _) = post(
        "/api/ops/create_article",
        Some("application/json"),
        b"{\"article\":".to_vec(),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], "invalid_input");
    assert!(
        body["message"].as_str().unwrap().contains("not JSON"),
        "{body}"
    );

    let (status, body, _) = post(
        "/api/ops/create_article",
        Some("application/json"),
        b"{\"article\": 5}".to_vec(),
    );
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("not this operation's input"),
        "{body}"
    );

    let (status, body, _) = post(
        "/api/ops/create_article",
        Some("text/plain"),
        b"hello".to_vec(),
    );
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("application/json"),
        "{body}"
    );

    let huge = format!(
        "{{\"article\":{{\"headline\":\"x\",\"body\":\"{}\"}}}}",
        "a".repeat(copydesk_server::BODY_LIMIT + 10)
    );
    let (status, body, _) = post(
        "/api/ops/create_article",
        Some("application/json"),
        huge.into_bytes(),
    );
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["code"], "too_large");

    let (status, body, _) = post(
        "/api/ops/no_such_thing",
        Some("application/json"),
        b"{}".to_vec(),
    );
    assert_eq!(status, 404);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("no operation called no_such_thing"),
        "{body}"
    );

    let (status, body, _) = raw(&t.base(), "GET", "/nowhere", None, None, vec![]);
    assert_eq!(status, 404);
    assert_eq!(body["code"], "not_found");
    assert_eq!(t.changes(), before, "nothing was written");
    t.stop();
}

#[test]
fn the_publish_folder_belongs_to_the_server() {
    let t = team_desk();
    let chief = t.signed_in(CHIEF);
    let e = chief
        .call(&SetPublishFolder {
            folder: "/tmp/elsewhere".into(),
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(e.message.contains("belongs to the server"), "{}", e.message);
    let settings = chief.call(&PublishingSettingsOp {}).unwrap();
    assert_eq!(
        std::path::PathBuf::from(settings.publish_folder.unwrap()),
        std::path::absolute(t.site.path()).unwrap()
    );
    t.stop();
}

#[test]
fn hostile_text_travels_and_is_stored_literally() {
    let t = team_desk();
    let editor = t.signed_in(EDITOR);
    let hostile = "Robert'); DROP TABLE articles;-- \" OR 1=1 <script>alert(1)</script> $1 \\x00";
    let a = editor
        .call(&CreateArticle {
            article: NewArticle {
                headline: hostile.into(),
                standfirst: hostile.into(),
                tags: vec![hostile.into()],
                ..Default::default()
            },
        })
        .unwrap();
    let read = editor.call(&GetArticle { id: a.id.clone() }).unwrap();
    assert_eq!(read.headline, hostile);
    assert_eq!(read.standfirst, hostile);
    assert_eq!(read.tags, vec![hostile.to_string()]);
    let note = editor
        .call(&AddNote {
            article_id: a.id.clone(),
            body: hostile.into(),
            reply_to: None,
            anchor: None,
        })
        .unwrap();
    assert_eq!(note.body, hostile);
    let found = editor
        .call(&SearchArticles {
            text: hostile.into(),
            filter: Default::default(),
            after: None,
            limit: 10,
        })
        .unwrap();
    assert_eq!(found.items.len(), 1);
    t.stop();
}

#[test]
fn the_api_document_describes_every_operation() {
    let t = team_desk();
    let (status, doc, _) = raw(&t.base(), "GET", "/api/openapi.json", None, None, vec![]);
    assert_eq!(status, 200);
    let paths = doc["paths"].as_object().unwrap();
    for op in copydesk_core::api::operations() {
        let path = &paths[&format!("/api/ops/{}", op.name)];
        assert!(path["post"]["requestBody"].is_object(), "{}", op.name);
        assert!(path["post"]["responses"]["200"].is_object(), "{}", op.name);
        assert!(path["post"]["responses"]["401"].is_object(), "{}", op.name);
    }
    for route in ["/api/session", "/health"] {
        assert!(paths.contains_key(route), "{route}");
    }
    let (status, health, _) = raw(&t.base(), "GET", "/health", None, None, vec![]);
    assert_eq!(status, 200);
    assert_eq!(health["status"], "ok");
    assert!(
        health["storage"]
            .as_str()
            .unwrap()
            .starts_with("PostgreSQL")
    );
    t.stop();
}
