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
    text.split_whitespace().map(count_token).sum()
}

/// The words of one run of text between spaces: a web or e-mail address is one word; elsewhere
/// letters and digits make words, joined across ' ’ - . , between two of them, and each Chinese
/// character or Japanese kana is a word of its own.
fn count_token(token: &str) -> usize {
    if is_address(token) {
        return usize::from(token.chars().any(char::is_alphanumeric));
    }
    if token.is_ascii() {
        return count_ascii_words(token.as_bytes());
    }
    let mut count = 0;
    let mut in_word = false;
    let mut prev: Option<char> = None;
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        if is_ideograph(c) {
            count += 1;
            in_word = false;
        } else {
            let joins = matches!(c, '\'' | '’' | '-' | '.' | ',')
                && in_word
                && prev.is_some_and(char::is_alphanumeric)
                && chars
                    .peek()
                    .is_some_and(|n| n.is_alphanumeric() && !is_ideograph(*n));
            if c.is_alphanumeric() || joins {
                if !in_word {
                    count += 1;
                    in_word = true;
                }
            } else {
                in_word = false;
            }
        }
        prev = Some(c);
    }
    count
}

/// A web address (`https://…`, `www.…`) or an e-mail address, read as one word.
fn is_address(token: &str) -> bool {
    let lower = token.trim_start_matches(['(', '"', '\'', '“', '‘', '<']);
    lower.contains("://")
        || lower
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
        || lower.split_once('@').is_some_and(|(local, domain)| {
            local.chars().last().is_some_and(char::is_alphanumeric)
                && domain.contains('.')
                && domain.chars().next().is_some_and(char::is_alphanumeric)
        })
}

/// Chinese characters and Japanese kana, which are written without spaces between words.
fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}' // katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width katakana
        | '\u{20000}'..='\u{2A6DF}')
}

/// `count_token` for ASCII text, byte by byte.
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
    let words = s.split_whitespace();
    if !s.chars().any(char::is_control) {
        return words.collect::<Vec<_>>().join(" ");
    }
    // Control characters (which no writer types, and a NUL no store keeps) are dropped.
    words
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table the editor's live count in the UI is tested against too.
    #[test]
    fn counts_words_as_the_shared_table_says() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/word-count.json")).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() >= 20);
        for case in cases {
            let text = case["text"].as_str().unwrap();
            let want = case["words"].as_u64().unwrap() as usize;
            assert_eq!(word_count(text), want, "{text:?}: {}", case["why"]);
        }
    }

    #[test]
    fn the_ascii_and_unicode_paths_agree() {
        let ascii = "It's a well-known, 3.5 per cent rise -- (or so) they say.";
        assert_eq!(count_words(ascii), 11);
        assert_eq!(word_count(&format!("{ascii} é")), 12);
        assert_eq!(word_count(&format!("{ascii} 水")), 12);
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
