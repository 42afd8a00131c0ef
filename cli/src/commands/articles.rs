//! `copydesk article …`: writing, the workflow, and history.

use std::path::PathBuf;

use chrono_tz::Tz;
use copydesk_core::desk::{
    ArticleEdit, ArticleFilter, BylineEntry, DiffPart, MoveArgs, NewArticle, RevisionDiff, When,
};
use copydesk_core::model::{Action, Article, ArticleSummary, RevisionInfo, SaveReason, State};
use copydesk_core::workflow::Check;
use serde_json::{Value, json};

use crate::args::ArticleCommand;
use crate::context::Ctx;
use crate::input::{parse_time, read_text};
use crate::output::{
    CliResult, Failure, Reply, fields, next_page, or_dash, page_json, table, time, to_json,
};

pub fn run(ctx: &Ctx, cmd: ArticleCommand) -> CliResult<Reply> {
    let actor = ctx.actor()?;
    let desk = &ctx.desk;
    match cmd {
        ArticleCommand::New {
            headline,
            standfirst,
            body_file,
            bylines,
            section,
            tags,
            related,
            embargo,
        } => {
            let new = NewArticle {
                headline,
                standfirst,
                body: body(body_file)?.unwrap_or_default(),
                section,
                tags,
                byline: bylines.into_iter().map(BylineEntry::named).collect(),
                related,
                embargo_until: embargo.map(|t| parse_time(&t, ctx.tz()?)).transpose()?,
            };
            let a = desk.create_article(&actor, &new)?;
            let human = format!(
                "created {}  {} v{}  {}",
                a.id, a.state, a.version, a.headline
            );
            Ok(Reply::new(article_json(&a)?, human))
        }
        ArticleCommand::Edit {
            id,
            base_version,
            headline,
            standfirst,
            body_file,
            section,
            no_section,
            tags,
            no_tags,
            bylines,
            related,
            no_related,
            embargo,
            no_embargo,
            autosave,
        } => {
            let embargo_until = match (embargo, no_embargo) {
                (_, true) => Some(None),
                (Some(t), false) => Some(Some(parse_time(&t, ctx.tz()?)?)),
                (None, false) => None,
            };
            let edit = ArticleEdit {
                headline,
                standfirst,
                body: body(body_file)?,
                section: if no_section {
                    Some(None)
                } else {
                    section.map(Some)
                },
                tags: replacement(tags, no_tags),
                byline: Some(bylines)
                    .filter(|b| !b.is_empty())
                    .map(|b| b.into_iter().map(BylineEntry::named).collect()),
                related: replacement(related, no_related),
                embargo_until,
            };
            let reason = if autosave {
                SaveReason::Autosave
            } else {
                SaveReason::Save
            };
            let a = desk.save_article(&actor, &id, base_version, &edit, reason)?;
            let human = if a.version == base_version {
                format!(
                    "nothing to save: {} is still at version {}",
                    a.id, a.version
                )
            } else {
                format!("saved {}  v{}  {}", a.id, a.version, a.headline)
            };
            Ok(Reply::new(article_json(&a)?, human))
        }
        ArticleCommand::Show { id } => {
            let a = desk.get_article(&actor, &id)?;
            Ok(Reply::new(article_json(&a)?, show(&a, ctx.tz()?)))
        }
        ArticleCommand::List {
            state,
            section,
            contributor,
            editor,
            page,
        } => {
            let filter = ArticleFilter {
                state: state.as_deref().map(str::parse::<State>).transpose()?,
                section,
                contributor,
                assigned_editor: editor,
            };
            let p = desk.list_articles(&actor, &filter, page.after.as_deref(), page.limit)?;
            let items = p
                .items
                .iter()
                .map(|s| summary_json(s, &p.next))
                .collect::<CliResult<Vec<_>>>()?;
            let mut human = if p.items.is_empty() {
                "no articles".to_string()
            } else {
                let mut rows = vec![
                    ["ID", "STATE", "V", "WORDS", "SECTION", "HEADLINE — BYLINE"]
                        .map(String::from)
                        .to_vec(),
                ];
                rows.extend(p.items.iter().map(summary_row));
                table(&rows)
            };
            if let Some(more) = next_page(&p.next) {
                human.push('\n');
                human.push_str(&more);
            }
            Ok(Reply::new(page_json(items, &p.next), human))
        }
        ArticleCommand::Move {
            id,
            action,
            note,
            at,
            slot,
        } => {
            let action = offered_action(&action)?;
            let a = if action == Action::Schedule {
                let when = match (at, slot) {
                    (Some(text), _) => When::At(text),
                    (None, Some(_)) => When::NextSlot,
                    (None, None) => {
                        return Err(Failure::usage(
                            "schedule needs a time: --at \"2026-12-01 08:00\" or --slot next",
                        ));
                    }
                };
                desk.schedule_article(&actor, &id, &when, note)?
            } else {
                if at.is_some() || slot.is_some() {
                    return Err(Failure::usage(format!(
                        "--at and --slot go with schedule, not with {action}"
                    )));
                }
                desk.move_article(&actor, &id, action, &MoveArgs { note, at: None })?
            };
            let when = match (action, a.scheduled_at) {
                (Action::Schedule, Some(t)) => format!(" for {}", time(t, ctx.tz()?)),
                _ => String::new(),
            };
            let human = format!(
                "{action}: {} is now {}{when} (v{})  {}",
                a.id, a.state, a.version, a.headline
            );
            Ok(Reply::new(article_json(&a)?, human))
        }
        ArticleCommand::Checks { id, action, note } => {
            let action: Action = action.parse()?;
            let r = desk.readiness(&actor, &id, action, &MoveArgs { note, at: None })?;
            let mut json = to_json(&r)?;
            if let Value::Object(map) = &mut json {
                map.insert("ready".into(), json!(r.ready()));
            }
            let mut human = format!(
                "{} → {}: {}",
                r.action,
                r.to,
                if r.ready() { "ready" } else { "not ready" }
            );
            if let Some(why) = &r.forbidden {
                human.push_str(&format!("\n✗ {why}"));
            }
            human.push_str(&checklist(&r.checks));
            Ok(Reply::new(json, human))
        }
        ArticleCommand::Moves { id } => {
            let moves = desk.available_moves(&actor, &id)?;
            let mut json = Vec::with_capacity(moves.len());
            let mut human = Vec::with_capacity(moves.len());
            for r in &moves {
                let mut v = to_json(r)?;
                if let Value::Object(map) = &mut v {
                    map.insert("ready".into(), json!(r.ready()));
                }
                json.push(v);
                human.push(format!(
                    "{} → {}: {}{}",
                    r.action,
                    r.to,
                    if r.ready() { "ready" } else { "not ready" },
                    checklist(&r.checks)
                ));
            }
            let human = if human.is_empty() {
                "no moves you can make on this article now".to_string()
            } else {
                human.join("\n")
            };
            Ok(Reply::new(Value::Array(json), human))
        }
        ArticleCommand::History { id, page } => {
            let p = desk.history(&actor, &id, page.after.as_deref(), page.limit)?;
            let tz = ctx.tz()?;
            let mut rows = vec![vec![
                "REV".into(),
                "V".into(),
                format!("WHEN ({})", tz.name()),
                "WHO".into(),
                "WHY".into(),
                "BYTES".into(),
            ]];
            rows.extend(p.items.iter().map(|r| revision_row(r, tz)));
            let mut human = table(&rows);
            if let Some(more) = next_page(&p.next) {
                human.push('\n');
                human.push_str(&more);
            }
            let items = p.items.iter().map(to_json).collect::<CliResult<Vec<_>>>()?;
            Ok(Reply::new(page_json(items, &p.next), human))
        }
        ArticleCommand::Revision { id, number } => {
            let (info, snap) = desk.revision(&actor, &id, number)?;
            let tz = ctx.tz()?;
            let human = format!(
                "revision {} (v{}) by {}, {}, {}\n\n{}\n{}\n\n{}",
                info.number,
                info.version,
                info.author,
                time(info.at, tz),
                info.reason,
                snap.headline,
                snap.standfirst,
                snap.body
            );
            let json = json!({ "revision": to_json(&info)?, "text": to_json(&snap)? });
            Ok(Reply::new(json, human))
        }
        ArticleCommand::Diff { id, from, to } => {
            let d = desk.diff(&actor, &id, from, to)?;
            Ok(Reply::new(to_json(&d)?, diff_text(&d)))
        }
        ArticleCommand::Restore { id, number } => {
            let a = desk.restore(&actor, &id, number, None)?;
            let human = format!(
                "restored revision {number} of {} as version {}  {}",
                a.id, a.version, a.headline
            );
            Ok(Reply::new(article_json(&a)?, human))
        }
    }
}

fn body(file: Option<PathBuf>) -> CliResult<Option<String>> {
    file.map(|p| read_text(&p)).transpose()
}

/// A repeated flag replaces the list when given; its `--no-…` twin empties it.
fn replacement(values: Vec<String>, clear: bool) -> Option<Vec<String>> {
    if clear {
        Some(Vec::new())
    } else {
        Some(values).filter(|v| !v.is_empty())
    }
}

/// The actions a person may ask for from the command line: all but `publish`, the scheduler's
/// own move (`publish-due` makes it).
fn offered_action(text: &str) -> CliResult<Action> {
    let action: Action = text.parse()?;
    match action {
        Action::Publish => Err(Failure::invalid(
            "publish is made by the scheduler at the due time; the chief can publish-now",
        )),
        other => Ok(other),
    }
}

fn checklist(checks: &[Check]) -> String {
    checks
        .iter()
        .map(|c| format!("\n{} {}", if c.met { "✓" } else { "✗" }, c.label))
        .collect()
}

/// The article as the core serialises it, with `byline` as names (what scripts read) and the
/// full byline entries, bios included, under `bylines`.
pub fn article_json(a: &Article) -> CliResult<Value> {
    let mut v = to_json(a)?;
    if let Value::Object(map) = &mut v {
        let names: Vec<&str> = a.byline.iter().map(|b| b.name.as_str()).collect();
        if let Some(full) = map.insert("byline".into(), json!(names)) {
            map.insert("bylines".into(), full);
        }
    }
    Ok(v)
}

/// A list item, carrying its page's `next` as `cursor` so a script holding any item can
/// continue after the page it came from.
fn summary_json(s: &ArticleSummary, next: &Option<String>) -> CliResult<Value> {
    let mut v = to_json(s)?;
    if let Value::Object(map) = &mut v {
        map.insert("cursor".into(), json!(next));
    }
    Ok(v)
}

fn summary_row(s: &ArticleSummary) -> Vec<String> {
    let byline = if s.byline.is_empty() {
        String::new()
    } else {
        format!(" — {}", s.byline.join(", "))
    };
    vec![
        s.id.clone(),
        s.state.to_string(),
        s.version.to_string(),
        s.word_count.to_string(),
        or_dash(s.section.as_deref()),
        format!("{}{byline}", s.headline),
    ]
}

fn revision_row(r: &RevisionInfo, tz: Tz) -> Vec<String> {
    let why = match r.restored_from {
        Some(n) => format!("{} of #{n}", r.reason),
        None => r.reason.to_string(),
    };
    vec![
        format!("#{}", r.number),
        r.version.to_string(),
        time(r.at, tz),
        r.author.clone(),
        why,
        r.stored_bytes.to_string(),
    ]
}

fn show(a: &Article, tz: Tz) -> String {
    let byline: Vec<&str> = a.byline.iter().map(|b| b.name.as_str()).collect();
    let related: Vec<String> = a
        .related
        .iter()
        .map(|r| format!("{} ({}) {}", r.headline, r.state, r.id))
        .collect();
    let mut out = format!("{}\n", a.headline);
    if !a.standfirst.is_empty() {
        out.push_str(&format!("{}\n", a.standfirst));
    }
    out.push('\n');
    out.push_str(&fields(&[
        ("id", a.id.clone()),
        ("slug", a.slug.clone()),
        ("state", format!("{}, version {}", a.state, a.version)),
        ("byline", or_dash(Some(&byline.join(", ")))),
        (
            "section",
            format!(
                "{}, {} words, {} min read",
                or_dash(a.section.as_deref()),
                a.word_count,
                a.reading_minutes
            ),
        ),
        ("tags", a.tags.join(", ")),
        ("related", related.join("; ")),
        ("editor", a.assigned_editor.clone().unwrap_or_default()),
        ("approved by", a.approved_by.clone().unwrap_or_default()),
        (
            "embargo",
            a.embargo_until.map(|t| time(t, tz)).unwrap_or_default(),
        ),
        (
            "scheduled",
            a.scheduled_at.map(|t| time(t, tz)).unwrap_or_default(),
        ),
        (
            "published",
            a.published_at.map(|t| time(t, tz)).unwrap_or_default(),
        ),
        (
            "created",
            format!("{} by {}", time(a.created_at, tz), a.created_by),
        ),
        ("updated", time(a.updated_at, tz)),
        ("times in", tz.name().to_string()),
    ]));
    out.push_str("\n\n");
    out.push_str(if a.body.is_empty() {
        "(no body yet)"
    } else {
        &a.body
    });
    for b in &a.byline {
        out.push_str(&format!(
            "\n\nAbout {}{}: {}",
            b.name,
            if b.bio_is_own {
                " (this article's text)"
            } else {
                ""
            },
            if b.printed_bio.is_empty() {
                "(no bio)"
            } else {
                &b.printed_bio
            }
        ));
    }
    out
}

/// The comparison as text: removed words as [-word-], added as {+word+}, field by field.
fn diff_text(d: &RevisionDiff) -> String {
    let mut out = format!(
        "revision {} → {}: {} words added, {} removed",
        d.from, d.to, d.words_added, d.words_removed
    );
    if d.fields.is_empty() {
        out.push_str("\n(no differences)");
    }
    for f in &d.fields {
        out.push_str(&format!("\n\n{}:\n", f.field));
        for part in &f.parts {
            match part {
                DiffPart::Same(s) => out.push_str(s),
                DiffPart::Added(s) => out.push_str(&mark("{+", s, "+}")),
                DiffPart::Removed(s) => out.push_str(&mark("[-", s, "-]")),
            }
        }
    }
    out
}

/// Puts the marks around the words only, leaving the spaces between them outside, so
/// "{+new words+} " reads naturally and never "{+new words +}".
fn mark(open: &str, s: &str, close: &str) -> String {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end {
        return s.to_string();
    }
    format!(
        "{}{open}{}{close}{}",
        &s[..start],
        &s[start..end],
        &s[end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_hug_the_words() {
        assert_eq!(mark("{+", " new words ", "+}"), " {+new words+} ");
        assert_eq!(mark("[-", "old", "-]"), "[-old-]");
        assert_eq!(mark("[-", "  ", "-]"), "  ");
    }
}
