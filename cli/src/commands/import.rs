//! `copydesk import FILE...`: submissions read, recognised and written as submitted articles,
//! one transaction per file; a refused file is reported and the others go on.

use std::path::Path;

use copydesk_core::api::{
    BylineMatch, CommitImport, DiffKind, DiffPart, ImportFile, ImportOutcome, ImportPreview,
    Imported, MatchedBy, PreviewImport,
};
use copydesk_core::{ApiError, ErrorCode};
use serde::Serialize;

use crate::context::Ctx;
use crate::output::{CliResult, Failure, Reply, fields, to_json};

/// One file's outcome: what was recognised and what it became, or why it was refused.
#[derive(Serialize)]
struct FileReport {
    file: String,
    recognised: Option<ImportPreview>,
    imported: Option<Imported>,
    error: Option<ApiError>,
}

pub fn run(
    ctx: &Ctx,
    files: &[impl AsRef<Path>],
    dry_run: bool,
    update_bios: bool,
) -> CliResult<Reply> {
    let files = files.iter().map(|p| ImportFile::load(p.as_ref())).collect();
    let previews = ctx.call(PreviewImport { files })?;
    let drafts = previews
        .iter()
        .filter_map(|o| o.result.as_ref())
        .map(|p| p.to_draft(update_bios))
        .collect();
    let mut commits = if dry_run {
        Vec::new()
    } else {
        ctx.call(CommitImport { drafts })?
    }
    .into_iter();
    let reports: Vec<FileReport> = previews
        .into_iter()
        .map(
            |ImportOutcome {
                 file,
                 result,
                 error,
             }| {
                // Commits answer the previewed files in order, one each.
                let done = if result.is_some() && !dry_run {
                    commits.next()
                } else {
                    None
                };
                let (imported, error) = match done {
                    Some(c) => (c.result, c.error),
                    None => (None, error),
                };
                FileReport {
                    file,
                    recognised: result,
                    imported,
                    error,
                }
            },
        )
        .collect();
    let refused = reports.iter().filter(|r| r.error.is_some()).count();
    let human = reports
        .iter()
        .map(|r| item_text(r, dry_run))
        .collect::<Vec<_>>()
        .join("\n\n");
    let json = to_json(&serde_json::json!({
        "dry_run": dry_run,
        "files": reports,
        "imported": if dry_run { 0 } else { reports.len() - refused },
        "refused": refused,
    }))?;
    if refused == 0 {
        return Ok(Reply::new(json, human));
    }
    let message = match reports.as_slice() {
        [FileReport { error: Some(e), .. }] => e.message.clone(),
        _ => format!("{refused} of {} files were refused", reports.len()),
    };
    Err(Failure::new(ErrorCode::BadFile, message).with_report(json, human))
}

fn item_text(r: &FileReport, dry_run: bool) -> String {
    let (Some(p), None) = (&r.recognised, &r.error) else {
        let why = r.error.as_ref().map_or("", |e| e.message.as_str());
        return format!("{}: refused, nothing written: {why}", r.file);
    };
    let title = match &r.imported {
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
        .map(|p| match p.kind {
            DiffKind::Same => p.text.clone(),
            DiffKind::Removed => format!("[-{}-]", p.text),
            DiffKind::Added => format!("{{+{}+}}", p.text),
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
                    MatchedBy::Email => "email",
                    MatchedBy::Name => "name",
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
