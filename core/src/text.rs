//! Text rules of the desk: word counts of Markdown, slugs, and the folded forms used to match names.

/// Words a reader reads in the Markdown `body`: markup, link targets, HTML tags and list numbers
/// are not counted.
pub fn word_count(markdown: &str) -> usize {
    let mut count = 0;
    let mut in_fence = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            count += count_words(line);
            continue;
        }
        let line = strip_block_marker(trimmed);
        if line.bytes().any(|b| b == b']' || b == b'<') {
            count += count_words(&strip_inline(line));
        } else {
            count += count_words(line);
        }
    }
    count
}

/// Minutes an average reader (230 words a minute) needs; at least one for any text at all.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(230)
}

fn strip_block_marker(line: &str) -> &str {
    let mut rest = line;
    loop {
        let before = rest;
        rest = rest.trim_start_matches(['>', '#']).trim_start();
        if let Some(r) = rest
            .strip_prefix("- ")
            .or_else(|| rest.strip_prefix("* "))
            .or_else(|| rest.strip_prefix("+ "))
        {
            rest = r;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits < 10 {
            let after = &rest[digits..];
            if let Some(r) = after
                .strip_prefix(". ")
                .or_else(|| after.strip_prefix(") "))
            {
                rest = r;
            }
        }
        if rest == before {
            return rest;
        }
    }
}

/// Drops link targets `](…)`, autolinks and HTML tags, keeping the text readers see.
fn strip_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            ']' if line[i + 1..].starts_with('(') => {
                if let Some(close) = line[i + 1..].find(')') {
                    let end = i + 1 + close;
                    while chars.peek().is_some_and(|(j, _)| *j <= end) {
                        chars.next();
                    }
                }
                out.push(' ');
            }
            '<' => {
                if let Some(close) = line[i..].find('>') {
                    let end = i + close;
                    while chars.peek().is_some_and(|(j, _)| *j <= end) {
                        chars.next();
                    }
                    out.push(' ');
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        return count_ascii_words(text.as_bytes());
    }
    let mut count = 0;
    let mut in_word = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let joins = matches!(c, '\'' | '’' | '-' | '.' | ',')
            && in_word
            && prev.is_some_and(char::is_alphanumeric)
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
        prev = Some(c);
    }
    count
}

/// `count_words` for ASCII text, byte by byte.
fn count_ascii_words(text: &[u8]) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, &c) in text.iter().enumerate() {
        let joins = in_word
            && matches!(c, b'\'' | b'-' | b'.' | b',')
            && i > 0
            && text[i - 1].is_ascii_alphanumeric()
            && text.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if c.is_ascii_alphanumeric() || joins {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    count
}

/// The folded form of a name or word: ASCII, lower case, single spaces. "  Jané  ROE " → "jane roe".
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_ascii_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL slug from a headline: ASCII letters and digits joined by single dashes, at most 80 bytes.
pub fn slugify(headline: &str) -> String {
    let ascii = deunicode::deunicode(headline).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > 80 {
        let cut = slug[..80].rfind('-').unwrap_or(80);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("article");
    }
    slug
}

/// Sorting form of a display name: "Jane Roe" → "Roe, Jane"; single names stay as they are.
pub fn default_sort_name(display_name: &str) -> String {
    let parts: Vec<&str> = display_name.split_whitespace().collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{last}, {}", rest.join(" ")),
        _ => parts.join(" "),
    }
}

/// Collapses runs of white space in a one-line field and trims it.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_markup() {
        assert_eq!(word_count("# A headline here"), 3);
        assert_eq!(word_count("Some **bold** and _italic_ text."), 5);
        assert_eq!(
            word_count("A [link text](https://example.com/a-b-c) here"),
            4
        );
        assert_eq!(word_count("1. first\n2. second\n- third"), 3);
        assert_eq!(word_count("> quoted words <em>here</em>"), 3);
        assert_eq!(word_count("don't stop — it's well-known, 3.5 per cent"), 7);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("Señor Boussoís écrit."), 3);
        // The ASCII and Unicode paths agree.
        let ascii = "It's a well-known, 3.5 per cent rise -- (or so) they say.";
        assert_eq!(count_ascii_words(ascii.as_bytes()), 11);
        assert_eq!(word_count(&format!("{ascii} é")), 12);
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(230), 1);
        assert_eq!(reading_minutes(231), 2);
    }

    #[test]
    fn slugs_are_ascii_and_safe() {
        assert_eq!(
            slugify("Señor Boussoís: the «deal» is off!"),
            "senor-boussois-the-deal-is-off"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("Москва и Киев"), "moskva-i-kiev");
        assert_eq!(slugify("!!!"), "article");
        assert!(slugify(&"word ".repeat(50)).len() <= 80);
    }

    #[test]
    fn folding_ignores_case_accents_and_spaces() {
        assert_eq!(fold("  Jané   ROE "), "jane roe");
        assert_eq!(fold("Boussoís"), fold("BOUSSOIS"));
    }

    #[test]
    fn sort_names() {
        assert_eq!(default_sort_name("Jane Q. Roe"), "Roe, Jane Q.");
        assert_eq!(default_sort_name("Plato"), "Plato");
    }
}
