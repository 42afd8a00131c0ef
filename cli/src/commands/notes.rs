//! `copydesk note …`: editorial comments on an article.

use chrono_tz::Tz;
use copydesk_core::api::{AddNote, ListNotes, Note, ResolveNote};

use crate::args::NoteCommand;
use crate::context::Ctx;
use crate::output::{CliResult, Reply, time, to_json};

pub fn run(ctx: &Ctx, cmd: NoteCommand) -> CliResult<Reply> {
    match cmd {
        NoteCommand::Add {
            article,
            text,
            reply_to,
            anchor,
        } => {
            let n = ctx.call(AddNote {
                article_id: article,
                body: text,
                reply_to,
                anchor,
            })?;
            Ok(Reply::new(to_json(&n)?, format!("added note {}", n.id)))
        }
        NoteCommand::List { article } => {
            let notes = ctx.call(ListNotes {
                article_id: article,
            })?;
            let tz = ctx.tz()?;
            let human = if notes.is_empty() {
                "no notes".to_string()
            } else {
                notes
                    .iter()
                    .map(|n| note_text(n, tz))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Reply::new(to_json(&notes)?, human))
        }
        NoteCommand::Resolve { note } => {
            let n = ctx.call(ResolveNote { note_id: note })?;
            Ok(Reply::new(to_json(&n)?, format!("resolved note {}", n.id)))
        }
    }
}

/// A note as a thread line: replies indented under their parent, the text indented under its
/// heading so a long note stays readable.
fn note_text(n: &Note, tz: Tz) -> String {
    let indent = "    ".repeat(n.depth as usize);
    let mut head = format!("{indent}{}  {}  {}", n.id, n.author, time(n.created_at, tz));
    if let Some(by) = &n.resolved_by {
        head.push_str(&format!("  [resolved by {by}]"));
    } else if n.resolved_at.is_some() {
        head.push_str("  [resolved]");
    }
    if let Some(a) = &n.anchor {
        head.push_str(&format!("\n{indent}  on “{a}”"));
    }
    let body: Vec<String> = n.body.lines().map(|l| format!("{indent}  {l}")).collect();
    format!("{head}\n{}", body.join("\n"))
}
