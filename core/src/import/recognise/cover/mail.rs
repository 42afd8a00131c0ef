//! The headers of an e-mail in the file: "From:", "Subject:" and their like in other languages,
//! the note under a forwarded message's headers, and the quoted thread under a reply.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{self, re};
use crate::import::{Block, BlockKind};

/// The header lines of a forwarded or pasted e-mail: a separator naming the message between runs
/// of dashes in any mail program's language ("---------- Forwarded message ---------", "--------
/// Message transféré --------", "-----Ursprüngliche Nachricht-----"),
/// "From: …", "Sent: …", "To: …", and as mail programs write them in German, French, Dutch,
/// Spanish and Italian ("Von:", "Gesendet:", "Envoyé :", "Pour :", "Copie à :", "Verzonden:",
/// "Enviado el:", "Inviato:").
pub(super) static MAIL_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:-{2,}\s*(?:\p{L}+\s+){0,3}(?:message|nachricht|bericht|mensaje|messaggio|mail|e-mail)(?:\s+\p{L}+){0,3}\s*-{2,}|begin forwarded message\s*:?|(?:from|sent|date|to|cc|bcc|reply-to|von|gesendet|an|datum|kopie|de|envoy[ée]|[àa]|pour|copie(?:\s+[àa])?|cci|van|verzonden|aan|datum|enviado(?: el)?|para|inviato|da|a)\s*:\s*\S.*)$",
    )
});

/// "Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPad": the line a phone's
/// mail program adds under a note, never a headline.
static SENT_FROM_DEVICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:sent from (?:my|mail for)\b.{0,40}|von meinem .{1,30} gesendet|envoy[ée] (?:de|depuis) mon .{1,30}|verzonden (?:vanaf|met) mijn .{1,30}|enviado desde mi .{1,30}|inviato da(?:l mio)? .{1,30}|get outlook for .{1,30})$",
    )
});

pub(in crate::import::recognise) fn is_sent_from_device(text: &str) -> bool {
    SENT_FROM_DEVICE.is_match(text.trim())
}

/// "-----Original Message-----", "-----Ursprüngliche Nachricht-----", "----- Message d'origine
/// -----": the separator above the message a reply quotes.
static ORIGINAL_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^-{2,}\s*(?i:original message|ursprüngliche nachricht|message d'origine|oorspronkelijk bericht|mensaje original|messaggio originale|originalmeddelande|alkuperäinen viesti)\s*-{2,}$",
    )
});

/// "On Mon, 3 Mar 2025 at 16:20, Martin Healey <…> wrote:": the line above a quoted message.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:(?i:on)\s.{4,200}\b(?i:wrote)\s*:?|-{2,}\s*(?i:original message)\s*-{2,})$")
});

/// "Subject: Op-ed submission – …": the subject line, its submission words left out.
/// "Letter for publication: …", "Letter to the editor – …": a reader's letter names what it is
/// before its title, as a submission does; "Letter from Kyiv: …" is a title whole.
pub(super) static SUBMISSION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:re|fwd?|wg|aw|tr|rv|sv)\s*:\s*)*(?i:(?:op-?ed|opinion|comment|commentary|article|piece|essay|column)\s+(?:submission|pitch|proposal)|letter\s+(?:for\s+publication|to\s+the\s+editor)|submission|pitch)?\s*[:–—\-]?\s*",
    )
});

/// "Subject: …", as mail programs label it in English, German, French, Dutch, Spanish, Italian.
pub(super) fn subject(text: &str) -> Option<&str> {
    SUBJECT.find(text).map(|m| &text[m.end()..])
}

static SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:subject|betreff|objet|sujet|onderwerp|asunto|oggetto)\s*:"));

/// Whether the block at `at` comes straight under a message's headers.
pub(super) fn after_headers(blocks: &[&Block], at: usize) -> bool {
    at > 0 && {
        let above = blocks[at - 1].text.trim();
        MAIL_HEADER.is_match(above) || subject(above).is_some()
    }
}

/// A short note opening with the name of the one it is sent to: "Lukas, anbei …", "Kasia –
/// final text below, …".
pub(super) fn addresses_by_name(text: &str) -> bool {
    // "Kasia – final text below, …": the name ends at the first mark after it, whichever it is.
    let Some((name, rest)) = [",", " – ", " - "]
        .iter()
        .filter_map(|mark| text.split_once(mark))
        .min_by_key(|(name, _)| name.len())
    else {
        return false;
    };
    let name = name.trim();
    !name.contains(' ')
        && name.chars().count() >= 2
        && patterns::tidy_name(name) == name
        && !rest.trim().is_empty()
        && text.split_whitespace().count() <= 40
}

/// Outlook quotes nothing, so the earlier message under "-----Original Message-----" and its
/// headers runs to the end of the file. A rule under that message with a headline (or a
/// "HEADLINE:" field) and at least `copy` blocks under it is where the writer set the piece,
/// below the thread: the index of the first block under the rule.
pub(in crate::import::recognise) fn piece_below_original(
    blocks: &[&Block],
    copy: usize,
) -> Option<usize> {
    let at = (0..blocks.len().saturating_sub(1)).find(|&at| {
        ORIGINAL_MESSAGE.is_match(blocks[at].text.trim())
            && MAIL_HEADER.is_match(blocks[at + 1].text.trim())
    })?;
    let rule = (at + 2..blocks.len()).find(|&i| super::is_rule(blocks[i]))?;
    let under: Vec<&&Block> = blocks[rule + 1..]
        .iter()
        .filter(|b| b.text.chars().any(char::is_alphanumeric))
        .collect();
    let first = under.first()?;
    let headed = first.text.split_whitespace().count() <= super::HEADLINE_WORDS
        || patterns::labelled(&first.text).is_some_and(|fields| {
            fields
                .first()
                .is_some_and(|(label, _)| matches!(label.as_str(), "headline" | "title" | "hed"))
        });
    (headed && under.len() >= copy).then_some(rule + 1)
}

/// A forward of the piece: messages' headers ("From: …", "---------- Forwarded message
/// ---------") above, then the piece's own labelled fields opening with its headline ("Title: …
/// Summary: … Authors: …") and at least `copy` blocks under them. The index of the fields, where
/// the piece starts, whatever notes, signatures and quoted messages stand between.
pub(in crate::import::recognise) fn fields_below_mail(
    blocks: &[&Block],
    copy: usize,
) -> Option<usize> {
    let headed = |b: &&Block| {
        patterns::labelled(&b.text).is_some_and(|fields| {
            fields.first().is_some_and(|(label, value)| {
                matches!(label.as_str(), "headline" | "title" | "hed") && !value.is_empty()
            })
        })
    };
    let at = (1..blocks.len()).find(|&i| headed(&blocks[i]))?;
    let mailed = blocks[..at]
        .iter()
        .any(|b| MAIL_HEADER.is_match(b.text.trim()));
    (mailed && blocks.len() - at > copy).then_some(at)
}

/// Where an e-mail's quoted earlier messages start: a line "On …, NAME wrote:" (or "-----Original
/// Message-----") with only quoted lines after it. `None` when the file ends otherwise.
pub(in crate::import::recognise) fn quoted_thread(blocks: &[&Block]) -> Option<usize> {
    let quoted = |b: &&Block| b.kind == BlockKind::Quote || b.text.trim_start().starts_with('>');
    // The first attribution that is not itself quoted: older messages quote theirs.
    let unquoted = (1..blocks.len().saturating_sub(1)).find(|&at| {
        ATTRIBUTION.is_match(blocks[at].text.trim())
            && !quoted(&blocks[at])
            && blocks[at + 1..].iter().all(quoted)
    });
    // Outlook's reply: "-----Original Message-----" (in the program's language) over the earlier
    // message's headers, nothing quoted.
    let original = || {
        (1..blocks.len().saturating_sub(1)).find(|&at| {
            ORIGINAL_MESSAGE.is_match(blocks[at].text.trim())
                && MAIL_HEADER.is_match(blocks[at + 1].text.trim())
        })
    };
    let unquoted = unquoted.or_else(original);
    // A phone's mail program quotes the attribution too ("> On 11 Mar 2025, at 10:02, NAME
    // wrote:"): then the thread is the quoted run to the end that opens with one.
    unquoted.or_else(|| {
        let from = blocks.iter().rposition(|b| !quoted(b)).map_or(0, |i| i + 1);
        (from.max(1)..blocks.len()).find(|&at| {
            let text = blocks[at].text.trim().trim_start_matches('>').trim();
            // Its lines may have been joined into one block: the attribution ends at "wrote:".
            let first = text
                .find("wrote:")
                .map_or(text, |i| &text[..i + "wrote:".len()]);
            ATTRIBUTION.is_match(first)
        })
    })
}
