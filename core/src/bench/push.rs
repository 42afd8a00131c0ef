//! Pushing due pieces to the publish target (`copydesk bench --push`): `pieces` approved pieces
//! all due at one instant, published by one run of the publisher, into a folder (the static
//! site) and, when given one, to a WordPress site. The clock starts at the due instant and runs
//! at real speed, so "late" is how long after its due time the last piece was out.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Map, Value, json};

use super::round;
use crate::desk::{BylineEntry, MoveArgs, NewArticle, NewContributor, NewUser, TargetChoice, When};
use crate::model::{Action, ContributorKind, Role};
use crate::{Clock, Desk, ManualClock, NewDesk, Result};

/// A WordPress site to push to.
pub struct WordPressSite {
    pub url: String,
    pub user: String,
    pub password: String,
}

/// Real time, started at a given instant.
struct Since {
    at: DateTime<Utc>,
    started: Instant,
}

impl Clock for Since {
    fn now(&self) -> DateTime<Utc> {
        self.at + Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }
}

fn body(n: usize) -> String {
    const W: &[&str] = &[
        "the", "council", "budget", "river", "school", "vote", "harbour", "rail", "housing",
        "tenants", "mayor", "report", "survey", "district", "clinic", "funding",
    ];
    let mut out = String::new();
    for i in 0..700 {
        if i > 0 {
            out.push_str(if i % 70 == 0 { ".\n\n" } else { " " });
        }
        out.push_str(W[(i * 7 + n) % W.len()]);
    }
    out.push('.');
    out
}

/// A desk in `file` with `pieces` scheduled at one instant; returns it and that instant.
fn scheduled_desk(file: &Path, pieces: usize) -> Result<(Desk, DateTime<Utc>)> {
    let start = Utc::now();
    let clock = Arc::new(ManualClock::new(start));
    let desk = Desk::open(file, clock)?;
    let chief = desk.init(&NewDesk {
        name: "The Bench Gazette".into(),
        timezone: "Europe/Paris".into(),
        chief_name: "Bench Chief".into(),
        chief_passphrase: None,
    })?;
    let writer = desk.add_contributor(
        &chief,
        &NewContributor {
            display_name: "Rita Reporter".into(),
            sort_name: None,
            email: None,
            affiliation: "".into(),
            kind: ContributorKind::Staff,
            bio: "Rita Reporter covers the city for the Gazette.".into(),
            links: vec![],
            private_notes: "".into(),
        },
    )?;
    desk.add_user(
        &chief,
        &NewUser {
            name: "rita".into(),
            role: Role::Contributor,
            contributor: Some(writer.id.clone()),
            passphrase: None,
        },
    )?;
    let rita = desk.sign_in("rita", None)?;
    let due = start + Duration::hours(2);
    let at = due
        .with_timezone(&chrono_tz::Europe::Paris)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let mv = |id: &str, by: &crate::Actor, action| {
        desk.move_article(by, id, action, &MoveArgs::default())
    };
    for n in 0..pieces {
        let a = desk.create_article(
            &rita,
            &NewArticle {
                headline: format!("Council budget, part {}", n + 1),
                standfirst: "What the city will spend, and on what.".into(),
                body: body(n),
                section: Some("News".into()),
                tags: vec!["Council".into(), format!("Ward {}", n % 12 + 1)],
                byline: vec![BylineEntry::named("Rita Reporter")],
                ..Default::default()
            },
        )?;
        mv(&a.id, &rita, Action::Submit)?;
        mv(&a.id, &chief, Action::Claim)?;
        mv(&a.id, &chief, Action::Approve)?;
        desk.schedule_article(&chief, &a.id, &When::At(at.clone()), None)?;
    }
    let scheduled = desk
        .get_article(
            &chief,
            &desk.list_jobs(&chief, None, None, 1)?.items[0].article_id,
        )?
        .scheduled_at
        .unwrap_or(due);
    Ok((desk, scheduled))
}

/// Publishes the desk's due pieces at real speed from their due instant; puts `{name}_…` figures.
fn publish(
    file: &Path,
    due: DateTime<Utc>,
    name: &str,
    setup: impl FnOnce(Desk) -> Result<Desk>,
    put: &mut impl FnMut(String, Value),
) -> Result<()> {
    let desk = setup(Desk::open(
        file,
        Arc::new(Since {
            at: due,
            started: Instant::now(),
        }),
    )?)?;
    let started = Instant::now();
    let report = desk.publish_due()?;
    let seconds = started.elapsed().as_secs_f64();
    put(format!("{name}_pieces"), json!(report.done.len()));
    put(format!("{name}_failed"), json!(report.failed.len()));
    if let Some(f) = report.failed.first() {
        put(format!("{name}_first_error"), json!(f.error));
    }
    put(format!("{name}_s"), json!(round(seconds)));
    put(
        format!("{name}_pieces_per_s"),
        json!(round(report.done.len() as f64 / seconds)),
    );
    // The clock started at the due instant: the last piece was out this long after it.
    put(format!("{name}_last_late_s"), json!(round(seconds)));
    Ok(())
}

/// Pushes `pieces` due pieces into a folder and, when given, to `wordpress`; the figures.
pub fn push(
    dir: &Path,
    pieces: usize,
    wordpress: Option<&WordPressSite>,
    progress: &mut dyn FnMut(&str),
) -> Result<Map<String, Value>> {
    let mut figures = Map::new();
    let mut put = |k: String, v: Value| {
        figures.insert(k, v);
    };
    put("push_pieces_due".into(), json!(pieces));
    progress(&format!("scheduling {pieces} pieces for the folder"));
    let file = dir.join("push-folder.db");
    let (_, due) = scheduled_desk(&file, pieces)?;
    progress("publishing them into the folder");
    let site = dir.join("site");
    publish(
        &file,
        due,
        "folder_push",
        |d| d.with_site_folder(&site),
        &mut put,
    )?;
    if let Some(wp) = wordpress {
        progress(&format!("scheduling {pieces} pieces for WordPress"));
        let file = dir.join("push-wordpress.db");
        let (desk, due) = scheduled_desk(&file, pieces)?;
        let chief = desk.sign_in("Bench Chief", None)?;
        desk.set_publish_target(
            &chief,
            &TargetChoice::Wordpress {
                url: wp.url.clone(),
                user: wp.user.clone(),
                password: Some(wp.password.clone()),
            },
        )?;
        drop(desk);
        progress(&format!("pushing them to WordPress at {}", wp.url));
        publish(&file, due, "wordpress_push", Ok, &mut put)?;
    }
    Ok(figures)
}
