//! Contact details in copy: e-mail addresses, telephone numbers, web addresses. The .txt reader
//! keeps a signature's lines apart by them, and recognition takes an author's address from them
//! and never mistakes a number for an employer.

use std::sync::LazyLock;

use regex::Regex;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module; its tests compile every one of them.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}"))
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"));
/// An international number ("+420 555 012 448"), a labelled one ("Tel.: 030 5550 1234"), or a
/// national one written in groups from its leading 0 ("(020) 7946 0958").
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\+\s?\d[\d\s().\-/]{5,}\d|\b(?:tel|telephone|phone|mobile|mob|cell|fax|t|m)\b\.?\s*:?\s*\(?\d[\d\s().\-/]{5,}\d|\(?\b0\d{1,4}\)?[\s\-]\d{3,4}[\s\-]\d{3,4}\b)",
    )
});
static WEB: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:https?://|www\.)[^\s|·•]+"));

pub(crate) fn find_email(s: &str) -> Option<String> {
    EMAIL.find(s).map(|m| m.as_str().to_string())
}

pub(crate) fn without_emails(s: &str) -> String {
    EMAIL.replace_all(s, "").into_owned()
}

/// A telephone number with at least seven digits.
pub(crate) fn has_phone(s: &str) -> bool {
    PHONE
        .find_iter(s)
        .any(|m| m.as_str().chars().filter(char::is_ascii_digit).count() >= 7)
}

pub(crate) fn has_web_address(s: &str) -> bool {
    WEB.is_match(s)
}

pub(crate) fn find_emails(s: &str) -> Vec<String> {
    EMAIL.find_iter(s).map(|m| m.as_str().to_string()).collect()
}

/// A line of contact details alone: "mobile +373 69 555 012", "Contact: a@x.org / b@y.net".
pub(crate) fn is_contact_line(s: &str) -> bool {
    has_contact(s) && s.split_whitespace().count() <= 16 && words_besides_contacts(s).is_empty()
}

/// What a line says besides its addresses, numbers and their labels ("Contact: Ramón Iturbe,
/// +34 …" says "Ramón Iturbe").
pub(crate) fn words_besides_contacts(s: &str) -> String {
    const LABELS: &str = "tel tel. telephone phone mobile mob mob. cell fax t m e email e-mail \
                          mail contact contacts web website www or and";
    let rest = WEB
        .replace_all(&EMAIL.replace_all(s, " "), " ")
        .into_owned();
    let rest = PHONE.replace_all(&rest, " ");
    rest.split(|c: char| c.is_whitespace() || "/|,;:·•()".contains(c))
        .filter(|w| !w.is_empty())
        .filter(|w| !LABELS.split_whitespace().any(|l| l.eq_ignore_ascii_case(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An e-mail address, a telephone number or a web address.
pub(crate) fn has_contact(s: &str) -> bool {
    EMAIL.is_match(s) || has_phone(s) || has_web_address(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_numbers_and_sites_are_found() {
        assert_eq!(
            find_email("Contact: rasa.vaitkute@example.org | +370").as_deref(),
            Some("rasa.vaitkute@example.org")
        );
        for phone in [
            "Tel.: +420 555 012 448",
            "+90 232 555 0146 | k.aydin@example.org",
            "Phone: 030 5550 1234",
            "(020) 7946 0958",
            "+358 50 555 7731",
        ] {
            assert!(has_phone(phone), "{phone}");
        }
        for not_phone in [
            "between 2014-2020 and 2021-2027",
            "110,000 members",
            "Údolní 53, 602 00 Brno",
            "a 2.5 per cent rise",
        ] {
            assert!(!has_phone(not_phone), "{not_phone}");
        }
        assert!(has_web_address("www.msg.example.org"));
        assert!(has_contact("https://example.org/a"));
        for line in [
            "mobile +373 69 555 012",
            "Contact: aoife.nibhriain@example.org / t.ortega@example.net",
            "+46 8 555 127 40 | greta.lindahl@example.org",
        ] {
            assert!(is_contact_line(line), "{line}");
        }
        assert!(!is_contact_line(
            "Write to jane@example.org if you disagree."
        ));
        assert!(!has_contact("Moravian School of Governance"));
    }
}
