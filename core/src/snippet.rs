//! Search snippets: the passage of an article that best shows why it matched, with the matched
//! words marked. Words match as the search index matches them: case and accents ignored.

use crate::model::SnippetPart;
use crate::text::fold;

/// Words shown around the hits.
const WINDOW: usize = 24;

/// Folds one word cheaply when it is plain ASCII.
fn fold_word(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        fold(w)
    }
}

/// Byte ranges of the words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The best passage of the first field that contains a term (fields in order of preference),
/// or the opening of the first non-empty field when none does.
pub fn snippet(fields: &[&str], terms: &[String]) -> Vec<SnippetPart> {
    let terms: Vec<String> = terms.iter().map(|t| fold_word(t)).collect();
    for field in fields {
        let ws = words(field);
        let hits: Vec<usize> = ws
            .iter()
            .enumerate()
            .filter(|(_, (s, e))| terms.contains(&fold_word(&field[*s..*e])))
            .map(|(i, _)| i)
            .collect();
        if !hits.is_empty() {
            return passage(field, &ws, &hits);
        }
    }
    let first = fields
        .iter()
        .find(|f| !f.trim().is_empty())
        .copied()
        .unwrap_or("");
    let ws = words(first);
    passage(first, &ws, &[])
}

fn passage(text: &str, ws: &[(usize, usize)], hits: &[usize]) -> Vec<SnippetPart> {
    if ws.is_empty() {
        return Vec::new();
    }
    // The window start that covers the most hits, leading with a little context.
    let mut best = (0, 0);
    for (k, &h) in hits.iter().enumerate() {
        let covered = hits[k..].iter().take_while(|&&x| x < h + WINDOW).count();
        if covered > best.1 {
            best = (h.saturating_sub(3), covered);
        }
    }
    let first = best.0.min(ws.len() - 1);
    let last = (first + WINDOW).min(ws.len()) - 1;
    let mut parts = Vec::new();
    let mut push = |t: &str, hit: bool| {
        if t.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(SnippetPart { text, hit: h }) if *h == hit => text.push_str(t),
            _ => parts.push(SnippetPart {
                text: t.to_string(),
                hit,
            }),
        }
    };
    if first > 0 {
        push("…", false);
    }
    let mut at = ws[first].0;
    for (i, &(s, e)) in ws.iter().enumerate().take(last + 1).skip(first) {
        push(&text[at..s], false);
        push(&text[s..e], hits.contains(&i));
        at = e;
    }
    let end = if last + 1 == ws.len() {
        text.len()
    } else {
        ws[last].1
    };
    push(&text[at..end], false);
    if last + 1 < ws.len() {
        push("…", false);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(parts: &[SnippetPart]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_hits_ignoring_case_and_accents() {
        let s = snippet(
            &["", "El Señor Boussoís habló."],
            &["senor".into(), "BOUSSOIS".into()],
        );
        assert_eq!(render(&s), "El [Señor] [Boussoís] habló.");
    }

    #[test]
    fn shows_the_densest_passage_of_a_long_text() {
        let mut text: String = (0..200).map(|i| format!("w{i} ")).collect();
        text.push_str("the grain treaty was signed, the grain moved.");
        let s = render(&snippet(&[&text], &["grain".into()]));
        assert!(s.starts_with('…'));
        assert!(s.contains("[grain] treaty"), "{s}");
        assert!(s.contains("the [grain] moved."), "{s}");
    }

    #[test]
    fn falls_back_to_the_opening() {
        let s = render(&snippet(
            &[
                "",
                &format!("First words of the piece {}", "and more ".repeat(30)),
            ],
            &["absent".into()],
        ));
        assert!(s.starts_with("First words"));
        assert!(s.ends_with('…'));
    }
}
