//! The publisher's work on a WordPress target: each claimed job becomes one post, made once.
//! The post's id is recorded against the piece as soon as WordPress gives it; a push whose answer
//! never came (a timeout after WordPress stored the post) is found again on the retry by the
//! marker its content starts with, so a piece never becomes two posts.

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::Desk;
use super::publishing::{Prepared, PublishReport, prepare, site_info_at};
use super::target::WordPressTarget;
use crate::error::Result;
use crate::site::{Piece, SiteInfo, post_content, post_marker};
use crate::store::jobs::JobRow;
use crate::wordpress::{PostFields, PostRef, TargetProblem, WordPress, WpError};

/// A store error met in the middle of a push, as the job's reason.
fn stored(e: crate::error::Error) -> WpError {
    WpError {
        problem: TargetProblem::Refused,
        message: e.recorded(),
        code: None,
    }
}

impl Desk {
    pub(super) fn push_batch(
        &self,
        claimed: &[JobRow],
        token: &str,
        now: DateTime<Utc>,
        target: &WordPressTarget,
        wp: &WordPress,
    ) -> Result<PublishReport> {
        let (
            Prepared {
                ready,
                cancel,
                mut failures,
            },
            info,
        ) = match self.store.read(|tx| {
            Ok((
                prepare(tx, claimed, now)?,
                site_info_at(tx, target.url.clone())?,
            ))
        }) {
            Ok(read) => read,
            Err(e) => return self.fail_all(claimed, token, now, &e.recorded()),
        };
        // Without Copydesk's plugin the site refuses unknown meta: the byline is in the content.
        let with_meta = wp.has_byline_meta().unwrap_or(false);
        let mut written = Vec::new();
        let mut terms = Terms::default();
        let mut gone: Option<String> = None;
        for (job, piece, _) in ready {
            let site = Site {
                wp,
                target,
                info: &info,
                with_meta,
            };
            if let Some(why) = &gone {
                failures.push((job, why.clone()));
                continue;
            }
            match self.push_one(&site, &mut terms, &job, &piece, now) {
                Ok(link) => written.push((job, link)),
                Err(e) => {
                    // A site that stopped answering would make every piece behind wait its
                    // timeout: they fail with the same reason and are retried together.
                    if e.problem == TargetProblem::NoAnswer {
                        gone = Some(e.message.clone());
                    }
                    failures.push((job, e.message));
                }
            }
        }
        self.settle(token, now, &cancel, failures, &written)
    }

    /// Pushes one piece; returns the post's address.
    fn push_one(
        &self,
        site: &Site,
        terms: &mut Terms,
        job: &JobRow,
        piece: &Piece,
        now: DateTime<Utc>,
    ) -> Result<String, WpError> {
        let (wp, target) = (site.wp, site.target);
        let (slug, recorded) = self
            .store
            .read(|tx| {
                let slug = tx
                    .articles()
                    .get_by_pk(job.article_pk)?
                    .map(|r| r.slug)
                    .unwrap_or_default();
                Ok((slug, tx.site().remote_post(job.article_pk, &target.url)?))
            })
            .map_err(stored)?;
        let record = |post: &PostRef| {
            let id = post.id.to_string();
            if let Err(e) = self.store.write(|tx| {
                tx.site()
                    .set_remote_post(job.article_pk, &target.url, &id, now)
            }) {
                // The marker finds the post again on the next push.
                tracing::warn!(article = %piece.id, post = post.id, "post id not recorded: {e}");
            }
        };
        let known = match recorded.and_then(|id| id.parse::<i64>().ok()) {
            Some(id) => Some(id),
            None => {
                let found = wp.find_post(&piece.id, &post_marker(&piece.id))?;
                if let Some(post) = &found {
                    record(post);
                }
                found.map(|p| p.id)
            }
        };
        if piece.withdrawn_at.is_some() {
            // Withdrawn: the post goes back to draft; a piece WordPress never had needs nothing.
            let Some(id) = known else {
                return Ok(String::new());
            };
            let post = wp.update_post(id, &json!({ "status": "draft" }))?;
            return Ok(post.map(|p| p.link).unwrap_or_default());
        }
        let fields = post_fields(site, terms, piece, slug)?;
        let post = match known {
            Some(id) => {
                let body = serde_json::to_value(&fields).unwrap_or(Value::Null);
                match wp.update_post(id, &body)? {
                    Some(post) => post,
                    // Deleted for good in WordPress: the piece is published again as a new post.
                    None => wp.create_post(&fields)?,
                }
            }
            None => wp.create_post(&fields)?,
        };
        if known != Some(post.id) {
            record(&post);
        }
        Ok(post.link)
    }
}

/// What every push of a batch shares.
struct Site<'a> {
    wp: &'a WordPress,
    target: &'a WordPressTarget,
    info: &'a SiteInfo,
    /// Whether the site registers Copydesk's post meta.
    with_meta: bool,
}

/// Category and tag ids met during a batch, by taxonomy and lower-cased name: a batch of pieces
/// in one section asks WordPress for it once.
#[derive(Default)]
struct Terms(HashMap<(&'static str, String), i64>);

impl Terms {
    fn id(&mut self, wp: &WordPress, taxonomy: &'static str, name: &str) -> Result<i64, WpError> {
        let key = (taxonomy, name.trim().to_lowercase());
        if let Some(id) = self.0.get(&key) {
            return Ok(*id);
        }
        let id = wp.term(taxonomy, name)?;
        self.0.insert(key, id);
        Ok(id)
    }
}

/// The post as WordPress gets it: categories and tags made on the site when missing.
fn post_fields(
    site: &Site,
    terms: &mut Terms,
    piece: &Piece,
    slug: String,
) -> Result<PostFields, WpError> {
    let (wp, info) = (site.wp, site.info);
    let mut categories = Vec::new();
    if let Some(section) = piece.section.as_deref().filter(|s| !s.trim().is_empty()) {
        categories.push(terms.id(wp, "categories", section)?);
    }
    let mut tags = Vec::new();
    for tag in piece.tags.iter().filter(|t| !t.trim().is_empty()) {
        tags.push(terms.id(wp, "tags", tag)?);
    }
    let meta = site.with_meta.then(|| {
        let contributors: Vec<Value> = piece
            .byline
            .iter()
            .map(|a| json!({ "name": a.name, "bio": a.bio }))
            .collect();
        json!({
            "copydesk_article": piece.id,
            "copydesk_byline": crate::site::byline_names(piece),
            "copydesk_contributors": Value::Array(contributors).to_string(),
        })
    });
    Ok(PostFields {
        title: piece.headline.clone(),
        excerpt: piece.standfirst.clone(),
        content: post_content(info, piece),
        status: "publish",
        slug,
        date: piece
            .published_at
            .with_timezone(&info.tz)
            .to_rfc3339_opts(SecondsFormat::Secs, false),
        categories,
        tags,
        meta,
    })
}
