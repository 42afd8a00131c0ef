//! `copydesk import FILE...`: submissions read, recognised and written as submitted articles,
//! one transaction per file; a refused file is reported and the others go on.

use std::path::Path;

use copydesk_core::Error;
use copydesk_core::desk::{BylineMatch, DiffPart, ImportPreview, Imported};
use copydesk_core::import;
use serde_json::{Value, json};

use crate::context::Ctx;
use crate::output::{CliResult, Failure, Reply, fields, to_json};

/// One file's outcome: what was recognised and what it became, or why it was refused.
enum Outcome {
    Done(Box<ImportPreview>, Option<Imported>),
    Refused(String, Error),
}

pub fn run(
    ctx: &Ctx,
    files: &[impl AsRef<Path>],
    dry_run: bool,
    update_bios: bool,
) -> CliResult<Reply> {
    let actor = ctx.actor()?;
    let mut outcomes = Vec::new();
    for path in files {
        let path = path.as_ref();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let outcome = import::load_file(path)
            .map_err(|e| Error::BadFile {
                file: name.clone(),
                problem: e.0,
            })
            .and_then(|bytes| ctx.desk.preview_import(&actor, &name, &bytes))
            .and_then(|preview| {
                if dry_run {
                    return Ok((preview, None));
                }
                let done = ctx
                    .desk
                    .commit_import(&actor, &preview.to_draft(update_bios))?;
                Ok((preview, Some(done)))
            });
        outcomes.push(match outcome {
            Ok((preview, done)) => Outcome::Done(Box::new(preview), done),
            // Who may import is not a property of a file: the first file says it for all.
            Err(e @ (Error::Forbidden(_) | Error::Unauthenticated(_))) => return Err(e.into()),
            Err(e) => Outcome::Refused(name, e),
        });
    }
    let refused = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Refused(..)))
        .count();
    let mut items = Vec::new();
    let mut human = Vec::new();
    for o in &outcomes {
        items.push(item_json(o)?);
        human.push(item_text(o, dry_run));
    }
    let json = json!({
        "dry_run": dry_run,
        "files": items,
        "imported": if dry_run { 0 } else { outcomes.len() - refused },
        "refused": refused,
    });
    let human = human.join("\n\n");
    if refused == 0 {
        return Ok(Reply::new(json, human));
    }
    let message = match &outcomes[..] {
        [Outcome::Refused(_, e)] => e.to_string(),
        _ => format!("{refused} of {} files were refused", outcomes.len()),
    };
    let mut f = Failure::new("bad_file", message).with("report", json);
    f.report = Some(human);
    Err(f)
}

fn item_json(o: &Outcome) -> CliResult<Value> {
    Ok(match o {
        Outcome::Done(preview, done) => json!({
            "file": preview.file,
            "recognised": to_json(preview)?,
            "imported": done.as_ref().map(to_json).transpose()?,
        }),
        Outcome::Refused(file, e) => json!({
            "file": file,
            "error": { "code": e.code(), "message": e.to_string() },
        }),
    })
}

fn item_text(o: &Outcome, dry_run: bool) -> String {
    let (p, done) = match o {
        Outcome::Refused(file, e) => return format!("{file}: refused, nothing written: {e}"),
        Outcome::Done(p, done) => (p, done),
    };
    let title = match done {
        Some(d) => format!("{}: imported as {} (submitted)", p.file, d.article_id),
        None if dry_run => format!("{}: would be imported (dry run, nothing written)", p.file),
        None => p.file.clone(),
    };
    let mut rows = vec![
        ("headline", p.headline.clone()),
        ("standfirst", p.standfirst.clone()),
        ("byline", byline_text(&p.byline)),
        ("section", p.section.clone().unwrap_or_default()),
        ("tags", p.tags.join(", ")),
        (
            "words",
            copydesk_core::text::word_count(&p.body).to_string(),
        ),
    ];
    for m in &p.byline {
        // With several authors, each one's details follow their name.
        if p.byline.len() > 1 {
            rows.push(("author", m.name.clone()));
        }
        rows.push(("affiliation", m.affiliation.clone().unwrap_or_default()));
        rows.push(("email", m.email.clone().unwrap_or_default()));
        if let Some(bio) = &m.bio {
            rows.push(("bio", bio.clone()));
        }
        if let Some(e) = m.existing.as_ref().filter(|e| e.bio_differs) {
            rows.push((
                "suggested",
                format!(
                    "{}'s profile bio differs from the one found, which is printed under this piece; --update-bios makes it the profile's: {}",
                    e.display_name,
                    marked_diff(&e.bio_change)
                ),
            ));
        }
    }
    rows.extend(p.dropped.iter().map(|d| ("dropped", d.clone())));
    rows.extend(p.warnings.iter().map(|w| ("warning", w.clone())));
    format!("{title}\n{}", indent(&fields(&rows)))
}

/// "[-old words-]{+new words+}", as `git diff --word-diff` shows a change.
fn marked_diff(parts: &[DiffPart]) -> String {
    parts
        .iter()
        .map(|p| match p {
            DiffPart::Same(t) => t.clone(),
            DiffPart::Removed(t) => format!("[-{t}-]"),
            DiffPart::Added(t) => format!("{{+{t}+}}"),
        })
        .collect()
}

fn byline_text(byline: &[BylineMatch]) -> String {
    let names: Vec<String> = byline
        .iter()
        .map(|m| match &m.existing {
            Some(e) => format!(
                "{} (on file as {}, matched by {})",
                m.name,
                e.id,
                match e.matched_by {
                    copydesk_core::desk::MatchedBy::Email => "email",
                    copydesk_core::desk::MatchedBy::Name => "name",
                }
            ),
            None => format!("{} (new guest)", m.name),
        })
        .collect();
    names.join("; ")
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
