//! Obsidian's marks in a Markdown file: callouts (`> [!info] About the author`), the writer's
//! notes to the desk or to themselves in them, lines of wiki-links, and Dataview's inline fields
//! (`author:: [[Name]]`) at the top of a note.

use std::sync::LazyLock;

use regex::Regex;

use crate::import::{Meta, MetaAuthor};
use crate::text::one_line;

/// "author:: [[Mira Kovač]]": a Dataview inline field on a line of its own.
static INLINE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<key>\p{L}[\p{L}\d _-]{0,30})::\s*(?P<value>.*)$")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// Dataview's inline fields at the top of a note, before its first blank line, are its front
/// matter: the writer, section and tags (links and `#` marks taken off), and the rest of the
/// file.
pub(super) fn inline_fields(source: &str) -> Option<(Meta, &str)> {
    let source = source
        .trim_start_matches('\u{feff}')
        .trim_start_matches(['\n', '\r']);
    let mut meta = Meta::default();
    let (mut taken, mut fields) = (0, 0);
    for line in source.split_inclusive('\n') {
        let Some(caps) = INLINE_FIELD.captures(line.trim_end()) else {
            break;
        };
        let (Some(key), Some(value)) = (caps.name("key"), caps.name("value")) else {
            break;
        };
        let value = value.as_str();
        match key.as_str().trim().to_lowercase().as_str() {
            "title" => meta.title = Some(unlinked(value)),
            "standfirst" | "description" | "summary" | "dek" => {
                meta.standfirst = Some(unlinked(value));
            }
            "author" | "authors" | "by" | "byline" | "writer" => {
                meta.authors = value
                    .split([',', ';'])
                    .flat_map(|part| part.split("]] [["))
                    .map(unlinked)
                    .filter(|n| !n.is_empty())
                    .map(|name| MetaAuthor {
                        name,
                        ..MetaAuthor::default()
                    })
                    .collect();
            }
            "section" | "category" => meta.section = Some(unlinked(value)),
            "tags" | "keywords" => {
                meta.tags = value
                    .split([',', ' '])
                    .map(|t| unlinked(t).trim_start_matches('#').to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            _ => {}
        }
        fields += 1;
        taken += line.len();
    }
    (fields > 0).then(|| (meta, &source[taken..]))
}

/// "[[Mira Kovač]]", "[[people/Mira Kovač|Mira Kovač]]": the name the link shows.
fn unlinked(value: &str) -> String {
    let inner = value.trim().trim_start_matches("[[").trim_end_matches("]]");
    one_line(inner.rsplit('|').next().unwrap_or(inner))
}

/// A callout's title addressing the desk: "For the editor", "Note to the editor", "Note for subs",
/// the paper's name perhaps between ("For the Meridian desk", "To the Courier's editors"); or the
/// writer's reminders for sending it ("To send to Meridian", "Before sending"); or the desk named
/// alone as whom it is for ("Editor", "Subs", "Desk"); or the paper as a whole ("For the paper").
pub(super) static FOR_THE_EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:editors?|desk|subs|sub-editors?)\s*:?$|^(?:(?:a\s+)?note\s+)?(?:for|to)\s+(?:the\s+)?(?:\p{L}[\p{L}'’.-]*\s+){0,3}?(?:editors?|desk|subs|sub-editors|editorial\s+team)\b|^(?:(?:a\s+)?note\s+)?(?:for|to)\s+the\s+(?:paper|newspaper|magazine)\s*:?$|^editor'?s?\s+note\b|^(?:to\s+)?(?:send|submit)\s+to\s+\p{Lu}|^before\s+(?:sending|submitting)\b")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// A paragraph of wiki-links alone, parted by dots, bars or commas, perhaps under a label of its
/// own ("Related notes: [[…]] · [[…]]").
pub(super) static WIKI_LINKS_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\p{L}[\p{L} ]{0,30}:\s*)?\[\[[^\]\n]+\]\](?:\s*[·•|,;–—-]?\s*\[\[[^\]\n]+\]\])*$",
    )
    .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// "Notes for Hannah", "Note to Sam": a note's label addressing one person at the desk by their
/// first name.
pub(super) static ADDRESSED_BY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:^notes?\s+(?:for|to))\s+\p{Lu}\p{Ll}+$")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// "> 💡 Note for editor: I sat as …": the label before the colon opening a quoted block, its
/// icon (a notes app's callout) left off.
pub(super) fn addressed_label(quote: &str) -> Option<&str> {
    let first = quote.lines().next()?.trim_start().strip_prefix('>')?;
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (label, _) = first.split_once(':')?;
    let label = label.trim();
    (label.split_whitespace().count() <= 6).then_some(label)
}

/// A callout of the writer's own tasks: `> [!todo]`, `> [!tasks]`, `> [!checklist]`.
pub(super) fn is_to_do(quote: &str) -> bool {
    let first = quote.trim_start().trim_start_matches('>').trim_start();
    first
        .strip_prefix("[!")
        .and_then(|rest| rest.split_once(']'))
        .is_some_and(|(kind, _)| {
            matches!(
                kind.to_lowercase().as_str(),
                "todo" | "to-do" | "task" | "tasks" | "checklist"
            )
        })
}

/// A callout's title and text, without its `>` marks: `> [!info] About the author` then its lines.
pub(super) fn callout(quote: &str) -> Option<String> {
    let unquoted: Vec<&str> = quote
        .lines()
        .map(|l| {
            let l = l.trim_start();
            l.strip_prefix("> ")
                .or_else(|| l.strip_prefix('>'))
                .unwrap_or(l)
        })
        .collect();
    let first = unquoted.first()?.trim_start();
    let after = first.strip_prefix("[!")?;
    let (_, title) = after.split_once(']')?;
    let title = title.trim_start_matches(['+', '-']).trim();
    Some(format!("{title}\n\n{}", unquoted[1..].join("\n")))
}
