//! Obsidian's marks in a Markdown file: callouts (`> [!info] About the author`), the writer's
//! notes to the desk or to themselves in them, and lines of wiki-links.

use std::sync::LazyLock;

use regex::Regex;

/// A callout's title addressing the desk: "For the editor", "Note to the editor", "Note for subs".
pub(super) static FOR_THE_EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:a\s+)?note\s+)?(?:for|to)\s+(?:the\s+)?(?:editors?|desk|subs)\b|^editor'?s?\s+note\b")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// A paragraph of wiki-links alone, parted by dots, bars or commas.
pub(super) static WIKI_LINKS_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[\[[^\]\n]+\]\](?:\s*[·•|,;–—-]?\s*\[\[[^\]\n]+\]\])*$")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

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
