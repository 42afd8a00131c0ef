//! `copydesk article …`: writing, the workflow, and history.

use std::path::PathBuf;

use chrono_tz::Tz;
use copydesk_core::ErrorCode;
use copydesk_core::api::{
    Action, Article, ArticleEdit, ArticleFilter, ArticleHistory, ArticleMilestones, ArticleMoves,
    ArticleReadiness, ArticleSummary, BylineEntry, Check, CreateArticle, DiffKind, GetArticle,
    GetRevision, ListArticles, MoveArgs, MoveArticle, MoveOption, NewArticle, RestoreRevision,
    RevisionDiff, RevisionDiffOp, RevisionInfo, SaveArticle, ScheduleArticle, State, When,
};

use crate::args::ArticleCommand;
use crate::context::Ctx;
use crate::input::{parse_time, read_text};
use crate::output::{
    CliResult, Failure, Reply, fields, names, next_page, or_dash, table, time, to_json,
};

pub fn run(ctx: &Ctx, cmd: ArticleCommand) -> CliResult<Reply> {
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
            let a = ctx.call(CreateArticle { article: new })?;
            let human = format!(
                "created {}  {} v{}  {}",
                a.id, a.state, a.version, a.headline
            );
            Ok(Reply::new(to_json(&a)?, human))
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
            let a = ctx.call(SaveArticle {
                id,
                base_version,
                edit,
                autosave,
            })?;
            let human = if a.version == base_version {
                format!(
                    "nothing to save: {} is still at version {}",
                    a.id, a.version
                )
            } else {
                format!("saved {}  v{}  {}", a.id, a.version, a.headline)
            };
            Ok(Reply::new(to_json(&a)?, human))
        }
        ArticleCommand::Show { id } => {
            let a = ctx.call(GetArticle { id })?;
            Ok(Reply::new(to_json(&a)?, show(&a, ctx.tz()?)))
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
            let p = ctx.call(ListArticles {
                filter,
                after: page.after,
                limit: page.limit,
            })?;
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
            Ok(Reply::new(to_json(&p)?, human))
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
                ctx.call(ScheduleArticle { id, when, note })?
            } else {
                if at.is_some() || slot.is_some() {
                    return Err(Failure::usage(format!(
                        "--at and --slot go with schedule, not with {action}"
                    )));
                }
                ctx.call(MoveArticle {
                    id,
                    action,
                    args: MoveArgs { note, at: None },
                })?
            };
            let when = match (action, a.scheduled_at) {
                (Action::Schedule, Some(t)) => format!(" for {}", time(t, ctx.tz()?)),
                _ => String::new(),
            };
            let human = format!(
                "{action}: {} is now {}{when} (v{})  {}",
                a.id, a.state, a.version, a.headline
            );
            Ok(Reply::new(to_json(&a)?, human))
        }
        ArticleCommand::Checks { id, action, note } => {
            let action: Action = action.parse()?;
            let r = ctx.call(ArticleReadiness {
                id,
                action,
                args: MoveArgs { note, at: None },
            })?;
            Ok(Reply::new(to_json(&r)?, move_text(&r)))
        }
        ArticleCommand::Moves { id } => {
            let moves = ctx.call(ArticleMoves { id, note: None })?;
            let human = if moves.is_empty() {
                "no moves you can make on this article now".to_string()
            } else {
                moves.iter().map(move_text).collect::<Vec<_>>().join("\n")
            };
            Ok(Reply::new(to_json(&moves)?, human))
        }
        ArticleCommand::History { id, page } => {
            let p = ctx.call(ArticleHistory {
                id,
                after: page.after,
                limit: page.limit,
            })?;
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
            Ok(Reply::new(to_json(&p)?, human))
        }
        ArticleCommand::Revision { id, number } => {
            let r = ctx.call(GetRevision { id, number })?;
            let (info, snap) = (&r.info, &r.text);
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
            Ok(Reply::new(to_json(&r)?, human))
        }
        ArticleCommand::Diff {
            id,
            from,
            to,
            submitted,
            approved,
            published,
        } => {
            let mut points: Vec<i64> = from.into_iter().chain(to).collect();
            if submitted || approved || published {
                let m = ctx.call(ArticleMilestones { id: id.clone() })?;
                for (wanted, at, name) in [
                    (submitted, m.submitted, "been submitted"),
                    (approved, m.approved, "been approved"),
                    (published, m.published, "been published"),
                ] {
                    if wanted {
                        points.push(at.ok_or_else(|| {
                            Failure::new(
                                ErrorCode::NotFound,
                                format!("article {id} has not {name}, so there is no such text to compare"),
                            )
                        })?);
                    }
                }
            }
            let [from, to] = points[..] else {
                return Err(Failure::usage(
                    "name two texts to compare: two revision numbers, or two of --submitted, \
                     --approved and --published, or one number and one of them",
                ));
            };
            let d = ctx.call(RevisionDiffOp { id, from, to })?;
            Ok(Reply::new(to_json(&d)?, diff_text(&d)))
        }
        ArticleCommand::Restore { id, number } => {
            let a = ctx.call(RestoreRevision {
                id,
                number,
                base_version: None,
            })?;
            let human = format!(
                "restored revision {number} of {} as version {}  {}",
                a.id, a.version, a.headline
            );
            Ok(Reply::new(to_json(&a)?, human))
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

/// One move as a line and its checklist.
fn move_text(r: &MoveOption) -> String {
    format!(
        "{} → {}: {}{}",
        r.action,
        r.to,
        if r.allowed { "ready" } else { "not ready" },
        checklist(&r.checks)
    )
}

fn summary_row(s: &ArticleSummary) -> Vec<String> {
    let byline = if s.byline.is_empty() {
        String::new()
    } else {
        format!(" — {}", names(&s.byline))
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
            match part.kind {
                DiffKind::Same => out.push_str(&part.text),
                DiffKind::Added => out.push_str(&mark("{+", &part.text, "+}")),
                DiffKind::Removed => out.push_str(&mark("[-", &part.text, "-]")),
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
