//! Publishing to a real WordPress (scripts/with-wordpress.sh starts one: Debian's WordPress on a
//! private MariaDB, served by `php -S`): a scheduled piece becomes one post, read back through the
//! REST API and its public page; a push that times out after WordPress stored the post is not
//! made twice; a correction updates the post; a withdrawal takes it down; a wrong password fails
//! the job with WordPress's reason and Retry succeeds once it is fixed. No mock stands in.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration as StdDuration;

use chrono::Duration;
use common::{TestDesk, fresh_desk, populate, start};
use copydesk_core::api::{TargetChoice, TargetProblem};
use copydesk_core::desk::{ArticleEdit, When};
use copydesk_core::model::{Action, Article, JobState, SaveReason};
use copydesk_core::{Clock, ManualClock};
use serde_json::Value;

struct Site {
    url: String,
    user: String,
    password: String,
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: run the tests through scripts/with-wordpress.sh (make test does)"
        )
    })
}

fn site() -> Site {
    Site {
        url: env("COPYDESK_TEST_WP_URL"),
        user: env("COPYDESK_TEST_WP_USER"),
        password: env("COPYDESK_TEST_WP_PASSWORD"),
    }
}

/// A desk publishing to `url`, its secrets in a folder of the test's.
fn desk_on(
    url: &str,
    user: &str,
    password: &str,
    timeout: StdDuration,
) -> (TestDesk, tempfile::TempDir) {
    let secrets = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = fresh_desk(clock.clone())
        .with_secrets_folder(secrets.path())
        .unwrap()
        .with_push_timeout(timeout);
    let t = populate(desk, clock);
    t.desk
        .set_publish_target(
            &t.chief,
            &TargetChoice::Wordpress {
                url: url.into(),
                user: user.into(),
                password: Some(password.into()),
            },
        )
        .unwrap();
    (t, secrets)
}

fn wp_desk() -> (TestDesk, tempfile::TempDir) {
    let s = site();
    desk_on(&s.url, &s.user, &s.password, StdDuration::from_secs(30))
}

/// An approved piece scheduled an hour from now, and the clock moved past its time.
fn scheduled_and_due(t: &TestDesk) -> Article {
    let a = t.approved();
    let at = schedule_in_an_hour(t, &a);
    t.clock.set(at + Duration::seconds(5));
    t.desk.get_article(&t.editor, &a.id).unwrap()
}

/// Schedules the piece at the next whole minute an hour from now; returns that instant.
fn schedule_in_an_hour(t: &TestDesk, a: &Article) -> chrono::DateTime<chrono::Utc> {
    let local = (t.clock.now() + Duration::hours(1)).with_timezone(&chrono_tz::Europe::Paris);
    let text = local.format("%Y-%m-%d %H:%M").to_string();
    let s = t
        .desk
        .schedule_article(&t.editor, &a.id, &When::At(text), None)
        .unwrap();
    s.scheduled_at.unwrap()
}

/// A GET on the site's REST API, signed in as the editor (or as nobody).
fn rest(route: &str, query: &[(&str, &str)], signed_in: bool) -> (u16, Value) {
    let s = site();
    let mut url = reqwest::Url::parse(&s.url).unwrap();
    url.query_pairs_mut().append_pair("rest_route", route);
    for (k, v) in query {
        url.query_pairs_mut().append_pair(k, v);
    }
    let mut request = reqwest::blocking::Client::new().get(url);
    if signed_in {
        request = request.basic_auth(&s.user, Some(&s.password));
    }
    let response = request.send().unwrap();
    let status = response.status().as_u16();
    (status, response.json().unwrap_or(Value::Null))
}

/// Every post (any state but the bin) whose content carries the piece's marker.
fn posts_of(article_id: &str) -> Vec<Value> {
    let (status, found) = rest(
        "/wp/v2/posts",
        &[
            ("search", article_id),
            ("status", "publish,future,draft,pending,private"),
            ("context", "edit"),
        ],
        true,
    );
    assert_eq!(status, 200, "{found}");
    let marker = format!("<!-- copydesk:article {article_id} -->");
    found
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["content"]["raw"].as_str().unwrap_or("").contains(&marker))
        .cloned()
        .collect()
}

fn the_post_of(article_id: &str) -> Value {
    let posts = posts_of(article_id);
    assert_eq!(posts.len(), 1, "exactly one post for the piece: {posts:#?}");
    posts[0].clone()
}

fn term_name(taxonomy: &str, id: &Value) -> String {
    let (_, term) = rest(&format!("/wp/v2/{taxonomy}/{id}"), &[], false);
    term["name"].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_scheduled_piece_becomes_one_post_then_is_corrected_and_withdrawn() {
    let (t, _secrets) = wp_desk();
    let check = t.desk.test_publish_target(&t.editor).unwrap();
    assert!(check.ok, "{check:?}");
    assert!(check.message.contains("The Meridian"), "{}", check.message);

    let a = scheduled_and_due(&t);
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    let link = report.done[0].page.clone().unwrap();
    assert!(link.starts_with(&site().url), "{link}");

    // Read back through the REST API: everything the piece says, where WordPress keeps it.
    let post = the_post_of(&a.id);
    assert_eq!(post["status"], "publish");
    assert_eq!(post["title"]["raw"], a.headline);
    assert_eq!(post["excerpt"]["raw"], a.standfirst);
    // WordPress suffixes a slug another post holds (every test piece has the same headline).
    assert!(
        post["slug"].as_str().unwrap().starts_with(&a.slug),
        "{}",
        post["slug"]
    );
    let content = post["content"]["raw"].as_str().unwrap();
    assert!(
        content.contains("<p class=\"copydesk-byline\">By Jane Roe</p>"),
        "{content}"
    );
    assert!(content.contains("About the author"), "{content}");
    assert!(content.contains("Jane Roe is a senior fellow"), "{content}");
    assert!(content.contains("Posted by Eddie Editor"), "{content}");
    let published = t.desk.get_article(&t.editor, &a.id).unwrap();
    let at = published.published_at.unwrap();
    assert_eq!(
        post["date_gmt"],
        at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "the instant of publication"
    );
    let categories = post["categories"].as_array().unwrap();
    assert_eq!(categories.len(), 1);
    assert_eq!(term_name("categories", &categories[0]), "Opinion");
    let tags = post["tags"].as_array().unwrap();
    assert_eq!(tags.len(), 1);
    assert_eq!(term_name("tags", &tags[0]), "Sahel");
    assert_eq!(post["meta"]["copydesk_byline"], "Jane Roe");
    assert_eq!(post["meta"]["copydesk_article"], a.id.as_str());

    // And as a reader gets it: WordPress's own rendered page.
    let page = reqwest::blocking::get(&link).unwrap().text().unwrap();
    assert!(
        page.contains("Jane Roe is a senior fellow"),
        "the bio box on the page"
    );
    assert!(page.contains("Posted by Eddie Editor"));
    assert!(page.contains(&a.headline.replace('\'', "&#8217;")) || page.contains(&a.headline));

    // A correction republishes the same post, with its update note.
    t.clock.advance(Duration::hours(2));
    let fixed = t
        .desk
        .save_article(
            &t.editor,
            &a.id,
            published.version,
            &ArticleEdit {
                body: Some(format!(
                    "{}\n\nA corrected closing paragraph.",
                    published.body
                )),
                ..Default::default()
            },
            SaveReason::Save,
        )
        .unwrap();
    t.mv(
        &t.editor,
        &fixed,
        Action::Republish,
        Some("The closing paragraph was corrected."),
    )
    .unwrap();
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    let again = the_post_of(&a.id);
    assert_eq!(again["id"], post["id"], "the same post, updated");
    let content = again["content"]["raw"].as_str().unwrap();
    assert!(
        content.contains("A corrected closing paragraph."),
        "{content}"
    );
    assert!(
        content.contains("The closing paragraph was corrected."),
        "{content}"
    );
    assert!(content.contains("class=\"update\">Updated"), "{content}");
    assert_eq!(
        again["date_gmt"], post["date_gmt"],
        "still dated at first publication"
    );

    // Withdrawn: back to draft, gone from the public posts.
    let current = t.desk.get_article(&t.chief, &a.id).unwrap();
    t.mv(
        &t.chief,
        &current,
        Action::Withdraw,
        Some("Legal asked us to"),
    )
    .unwrap();
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    assert_eq!(the_post_of(&a.id)["status"], "draft");
    let (_, public) = rest("/wp/v2/posts", &[("search", &a.id)], false);
    assert_eq!(public, Value::Array(vec![]), "no public post left");
}

#[test]
fn a_piece_unscheduled_before_its_time_is_never_pushed() {
    let (t, _secrets) = wp_desk();
    let a = t.approved();
    let at = schedule_in_an_hour(&t, &a);
    let s = t.desk.get_article(&t.editor, &a.id).unwrap();
    t.mv(&t.editor, &s, Action::Unschedule, None).unwrap();
    t.clock.set(at + Duration::minutes(5));
    let report = t.desk.publish_due().unwrap();
    assert!(
        report.done.is_empty() && report.failed.is_empty(),
        "{report:?}"
    );
    assert!(posts_of(&a.id).is_empty());
}

#[test]
fn a_wrong_application_password_fails_the_job_with_the_reason_and_retry_succeeds_once_fixed() {
    let s = site();
    let (t, _secrets) = desk_on(
        &s.url,
        &s.user,
        "abcd efgh ijkl mnop qrst uvwx",
        StdDuration::from_secs(30),
    );
    let check = t.desk.test_publish_target(&t.chief).unwrap();
    assert!(!check.ok);
    assert_eq!(check.problem, Some(TargetProblem::WrongPassword));
    assert!(
        check.message.contains("does not accept the user “desk”"),
        "{}",
        check.message
    );

    let a = scheduled_and_due(&t);
    let report = t.desk.publish_due().unwrap();
    assert!(report.done.is_empty());
    assert_eq!(report.failed.len(), 1, "{report:?}");
    let why = report.failed[0].error.clone().unwrap();
    assert!(why.contains("application password"), "{why}");
    assert!(
        !why.contains("abcd"),
        "the password is never printed: {why}"
    );
    let failed = t
        .desk
        .list_jobs(&t.editor, Some(JobState::Failed), None, 10)
        .unwrap()
        .items;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].error.as_deref(), Some(why.as_str()));
    assert!(posts_of(&a.id).is_empty());

    // The chief saves the right password (address and user as they were); Retry goes through.
    t.desk
        .set_publish_target(
            &t.chief,
            &TargetChoice::Wordpress {
                url: s.url.clone(),
                user: s.user.clone(),
                password: Some(s.password.clone()),
            },
        )
        .unwrap();
    t.desk.retry_job(&t.editor, &failed[0].id).unwrap();
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    assert_eq!(the_post_of(&a.id)["status"], "publish");
}

#[test]
fn testing_the_connection_says_what_is_wrong_in_words() {
    let s = site();
    let problem = |url: &str, user: &str, password: &str| {
        let (t, _secrets) = desk_on(url, user, password, StdDuration::from_secs(10));
        let check = t.desk.test_publish_target(&t.chief).unwrap();
        assert!(!check.ok, "{check:?}");
        (check.problem.unwrap(), check.message)
    };

    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let (p, m) = problem(&format!("http://127.0.0.1:{port}/"), &s.user, &s.password);
    assert_eq!(p, TargetProblem::NoAnswer, "{m}");
    assert!(m.starts_with("Nothing answers at"), "{m}");

    let (p, m) = problem(&plain_site(), &s.user, &s.password);
    assert_eq!(p, TargetProblem::NotWordpress, "{m}");
    assert!(m.contains("is not a WordPress site"), "{m}");

    let (p, m) = problem(&env("COPYDESK_TEST_WP_CLOSED_URL"), &s.user, &s.password);
    assert_eq!(p, TargetProblem::RestDisabled, "{m}");
    assert!(m.contains("REST API"), "{m}");

    let (p, m) = problem(
        &s.url,
        &env("COPYDESK_TEST_WP_CONTRIBUTOR"),
        &env("COPYDESK_TEST_WP_CONTRIBUTOR_PASSWORD"),
    );
    assert_eq!(p, TargetProblem::CannotPublish, "{m}");
    assert!(m.contains("may not publish posts"), "{m}");
}

/// A web server that is not WordPress: one plain page for every request.
fn plain_site() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let body = "<!DOCTYPE html><title>Bakery</title><p>Fresh bread daily.</p>";
            let _ = write!(
                reader.get_mut(),
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

/// A loopback proxy in front of the real WordPress that, while armed, passes the next request
/// making a post on to WordPress, lets WordPress store it, and never answers: the desk's request
/// times out with the post made.
struct Proxy {
    url: String,
    armed: Arc<AtomicBool>,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<(String, Vec<u8>)> {
    let mut head = Vec::new();
    let mut first = String::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if first.is_empty() {
            first = line.trim_end().to_string();
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().ok()?;
        }
        if lower.starts_with("connection:") {
            continue;
        }
        if line == "\r\n" {
            head.extend_from_slice(b"Connection: close\r\n\r\n");
            break;
        }
        head.extend_from_slice(line.as_bytes());
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    head.extend_from_slice(&body);
    Some((first, head))
}

fn proxy(upstream: &str) -> Proxy {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let upstream = reqwest::Url::parse(upstream).unwrap();
    let upstream = format!(
        "{}:{}",
        upstream.host_str().unwrap(),
        upstream.port_or_known_default().unwrap()
    );
    let armed = Arc::new(AtomicBool::new(false));
    let trap = armed.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let upstream = upstream.clone();
            let trap = trap.clone();
            std::thread::spawn(move || {
                // One request a connection: WordPress (php -S) ends its answer by closing.
                let mut reader = BufReader::new(client);
                let Some((first, request)) = read_request(&mut reader) else {
                    return;
                };
                let makes_post = first.starts_with("POST ")
                    && first.contains("rest_route=%2Fwp%2Fv2%2Fposts HTTP/");
                let Ok(mut server) = TcpStream::connect(&upstream) else {
                    return;
                };
                let mut response = Vec::new();
                if server.write_all(&request).is_err() || server.read_to_end(&mut response).is_err()
                {
                    return;
                }
                if makes_post && trap.swap(false, Ordering::SeqCst) {
                    // Stored by WordPress; the answer is kept back until the desk hangs up.
                    let _ = reader.read_to_end(&mut Vec::new());
                    return;
                }
                let _ = reader.get_mut().write_all(&response);
            });
        }
    });
    Proxy { url, armed }
}

#[test]
fn a_push_that_times_out_after_wordpress_stored_the_post_is_not_made_twice() {
    let s = site();
    let proxy = proxy(&s.url);
    let (t, _secrets) = desk_on(&proxy.url, &s.user, &s.password, StdDuration::from_secs(3));
    // Two pieces due at once: the first push times out, the second is not kept waiting.
    let a = t.approved();
    let b = t.approved();
    let at = schedule_in_an_hour(&t, &a);
    schedule_in_an_hour(&t, &b);
    t.clock.set(at + Duration::seconds(5));

    proxy.armed.store(true, Ordering::SeqCst);
    let report = t.desk.publish_due().unwrap();
    assert!(report.done.is_empty(), "{report:?}");
    assert_eq!(report.failed.len(), 2, "{report:?}");
    for failed in &report.failed {
        let why = failed.error.clone().unwrap();
        assert!(why.contains("did not answer within 3 s"), "{why}");
    }
    assert!(!proxy.armed.load(Ordering::SeqCst), "the trap was sprung");
    let first = &report.failed[0].article_id;
    let second = if *first == a.id { &b.id } else { &a.id };
    let stored = the_post_of(first);
    assert_eq!(stored["status"], "publish", "WordPress had stored the post");
    assert!(
        posts_of(second).is_empty(),
        "the piece behind was not pushed"
    );

    // Retry: the post is found by its marker and updated, not made again.
    for job in t
        .desk
        .list_jobs(&t.editor, Some(JobState::Failed), None, 10)
        .unwrap()
        .items
    {
        t.desk.retry_job(&t.editor, &job.id).unwrap();
    }
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 2, "{report:?}");
    assert_eq!(the_post_of(first)["id"], stored["id"], "still one post");
    the_post_of(second);
    let a = t.desk.get_article(&t.editor, first).unwrap();

    // And a correction later goes to that post by its recorded id.
    let published = t.desk.get_article(&t.editor, &a.id).unwrap();
    t.clock.advance(Duration::hours(1));
    t.mv(
        &t.editor,
        &published,
        Action::Republish,
        Some("A name was misspelt."),
    )
    .unwrap();
    assert_eq!(t.desk.publish_due().unwrap().done.len(), 1);
    let post = the_post_of(&a.id);
    assert_eq!(post["id"], stored["id"]);
    assert!(
        post["content"]["raw"]
            .as_str()
            .unwrap()
            .contains("A name was misspelt.")
    );
}
