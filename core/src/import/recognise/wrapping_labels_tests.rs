//! The wrapping around a piece, rules learnt in part from rounds 12–15: a phone's "Sent from my
//! …" line and a forward's quoted headers above the piece, a draft's or a status's label above
//! the headline.

use super::tests::names;
use super::*;

const BODY: &str = "When the EU adopted its directive in 2022, much of the attention went to the \
countries that did not want it, and almost nobody talked about the ones it would change most.\n\n\
The reason is simple. Minimum wages there are set by governments, after negotiations in councils \
that have little real power, and bargaining covers only a small minority of workers.\n\n\
The directive will not fix that alone, but it has given unions an argument they did not have.\n";

fn read_text(text: &str) -> Recognised {
    let doc = crate::import::read("piece.txt", text.as_bytes()).unwrap();
    recognise(&doc).unwrap()
}

#[test]
fn a_phone_forward_with_quoted_headers_is_wrapping_and_sent_from_is_no_headline() {
    let rec = read_text(&format!(
        "hi, sorry for the delay - here it is, pasted below. bio at the bottom. thanks! M.\n\n\
         Sent from my iPhone\n\n\
         Begin forwarded message:\n\n\
         > From: Marta Nowak <marta.nowak@example.com>\n\
         > Date: 14 March 2025 at 23:51:08 CET\n\
         > To: Marta Nowak <marta.nowak@example.com>\n\
         > Subject: wage piece v3\n\
         >\n\n\
         The minimum wage directive is working where nobody looked\n\n\
         Marta Nowak\n\n{BODY}"
    ));
    assert_eq!(
        rec.headline,
        "The minimum wage directive is working where nobody looked"
    );
    assert_eq!(names(&rec), ["Marta Nowak"]);
    assert!(rec.body.starts_with("When the EU adopted"), "{}", rec.body);
}

#[test]
fn a_sent_from_line_under_a_signed_note_is_no_headline() {
    let rec = read_text(&format!(
        "From: Ana Silva <ana.silva@example.pt>\n\
         To: desk@example.com\n\
         Subject: the piece\n\n\
         hi both, here's the piece. no summary line yet, feel free to write one.\n\n\
         Ana\n\n\
         Envoyé de mon iPhone\n\n\
         The minimum wage directive is working where nobody looked\n\n\
         by Ana Silva\n\n{BODY}"
    ));
    assert_eq!(
        rec.headline,
        "The minimum wage directive is working where nobody looked"
    );
    assert_eq!(names(&rec), ["Ana Silva"]);
}

#[test]
fn a_draft_label_above_the_headline_is_a_note_and_files_the_piece() {
    let rec = read_text(&format!(
        "ANALYSIS – draft for The Courier (v3, 2 Oct)\n\n\
         The minimum wage directive is working where nobody looked\n\n\
         Governments set the wages and unions have little say. Brussels may have changed that.\n\n\
         Jan Kowalski and Eva Horak\n\n{BODY}"
    ));
    assert_eq!(
        rec.headline,
        "The minimum wage directive is working where nobody looked"
    );
    assert_eq!(rec.section.as_deref(), Some("Analysis"));
    assert_eq!(names(&rec), ["Jan Kowalski", "Eva Horak"]);
    assert!(rec.body.starts_with("When the EU adopted"), "{}", rec.body);
}

#[test]
fn a_status_line_under_the_paper_s_name_is_no_part_of_the_piece() {
    let rec = read_text(&format!(
        "The Courier – Opinion submission\n\
         Draft 4 (final) – please do not edit the headline without checking with the author\n\n\
         The minimum wage directive is working where nobody looked\n\n\
         Governments set the wages and unions have little say, and the directive asks for more \
         bargaining where coverage is low\n\n\
         By Eva Horak\n\n{BODY}"
    ));
    assert_eq!(
        rec.headline,
        "The minimum wage directive is working where nobody looked"
    );
    assert_eq!(names(&rec), ["Eva Horak"]);
    assert!(rec.body.starts_with("When the EU adopted"), "{}", rec.body);
}

#[test]
fn a_draft_label_is_told_from_a_headline_about_a_draft() {
    assert!(notes_above::is_draft_label(
        "FINAL VERSION 14/3 – for The Courier"
    ));
    assert!(notes_above::is_draft_label(
        "Status: final, ready for editing"
    ));
    assert!(!notes_above::is_draft_label(
        "The draft law on platform work leaves riders where they were"
    ));
}

#[test]
fn a_document_s_title_subtitle_and_field_block_are_its_head_not_a_long_first_paragraph() {
    let rec = read_text(&format!(
        "The minimum wage directive is working where nobody looked\n\
         Governments set the wages and unions have little say in much of Europe. Brussels may \
         have changed that without anyone noticing\n\n\n\
         Authors: Jan Kowalski, Eva Horak\n\
         Draft for The Courier – Economy\n\
         Status: final, ready for editing\n\
         Words: ~670\n\n\n{BODY}"
    ));
    assert_eq!(
        rec.headline,
        "The minimum wage directive is working where nobody looked"
    );
    assert!(
        rec.standfirst.starts_with("Governments set"),
        "{}",
        rec.standfirst
    );
    assert_eq!(names(&rec), ["Jan Kowalski", "Eva Horak"]);
    assert_eq!(rec.section.as_deref(), Some("Economy"));
    assert!(rec.body.starts_with("When the EU adopted"), "{}", rec.body);
}

#[test]
fn a_section_field_among_the_last_lines_files_the_piece() {
    let rec = read_text(&format!(
        "The minimum wage directive is working where nobody looked\n\n\
         By Eva Horak\n\n{BODY}\n\
         Eva Horak is an economist at the Institute for Labour Studies in Vienna.\n\n\
         Contact: eva.horak@example.org / +43 660 555 214\n\
         Suggested section: Economy\n"
    ));
    assert_eq!(rec.section.as_deref(), Some("Economy"));
    assert!(!rec.body.contains("Suggested section"), "{}", rec.body);
}

#[test]
fn a_byline_line_under_the_standfirst_beats_a_speaker_in_it() {
    let rec = read_text(&format!(
        "The minimum wage directive is working where nobody looked\n\n\
         Jan Kowalski says the unions have little say. The directive may change that\n\n\
         Authors: Eva Horak\n\n{BODY}\n\
         Jan Kowalski is an economist at the Institute for Labour Studies in Vienna.\n"
    ));
    assert_eq!(names(&rec), ["Eva Horak"]);
}

const REPLY_HEAD: &str = "Von: Eva Horak <eva.horak@example.org>\n\
Gesendet: Dienstag, 14. Mai 2024 09:12\n\
An: opinion@example.com\n\
Betreff: AW: Gastbeitrag Mindestlohn – revised version\n\n\
Dear Ms Berg,\n\n\
Thank you for your comments on the first draft. Below is the revised piece, now at about 700 \
words. I have cut the paragraph on Swiss funds as you suggested and added the figures.\n\n\
I'm travelling on Thursday but reachable by mobile.\n\n\
Best regards,\n\
Eva Horak\n\n\
---\n\n\
The minimum wage directive is working where nobody looked\n\
Governments set the wages and unions have little say in much of Europe. Brussels may have \
changed that without anyone noticing\n\n\
By Eva Horak and Jan Kowalski\n\n";

const REPLY_TAIL: &str = "\nEva Horak is a senior researcher at the Institute for Labour Studies \
in Vienna. Jan Kowalski is a labour lawyer in Warsaw.\n\n\
---\n\n\
Dr. Eva Horak\n\
Senior Researcher | Labour Markets\n\
Institut für Arbeitsstudien e.V.\n\
Ringstraße 24, 1010 Wien\n\
Tel. +43 1 555 2841 | Mobil +43 660 555 9322\n\
www.ias.example.org\n\n\
-----Ursprüngliche Nachricht-----\n\
Von: Anna Berg <a.berg@example.com>\n\
Gesendet: Freitag, 10. Mai 2024 16:40\n\
An: Eva Horak <eva.horak@example.org>\n\
Betreff: RE: Gastbeitrag Mindestlohn\n\n\
Dear Eva,\n\n\
Thanks for this – we'd like to run it. Could you bring it down to 700 words?\n\n\
Anna\n";

#[test]
fn a_reply_with_the_piece_between_its_note_and_the_quoted_message() {
    let rec = read_text(&format!("{REPLY_HEAD}{BODY}{REPLY_TAIL}"));
    assert_eq!(
        rec.headline,
        "The minimum wage directive is working where nobody looked"
    );
    assert!(
        rec.standfirst.starts_with("Governments set"),
        "{}",
        rec.standfirst
    );
    assert_eq!(names(&rec), ["Eva Horak", "Jan Kowalski"]);
    assert!(rec.body.starts_with("When the EU adopted"), "{}", rec.body);
    assert!(
        rec.body.ends_with("an argument they did not have."),
        "{}",
        rec.body
    );
}

#[test]
fn an_outlook_separator_over_headers_opens_the_quoted_thread_unquoted() {
    let rec = read_text(&format!(
        "The minimum wage directive is working where nobody looked\n\n\
         By Eva Horak\n\n{BODY}\n\
         -----Original Message-----\n\
         From: Anna Berg <a.berg@example.com>\n\
         Sent: Friday, 10 May 2024 16:40\n\
         To: Eva Horak <eva.horak@example.org>\n\
         Subject: RE: op-ed\n\n\
         Dear Eva,\n\n\
         Thanks for this. Could you bring it down to 700 words and add a figure or two?\n\n\
         Anna\n"
    ));
    assert!(
        rec.body.ends_with("an argument they did not have."),
        "{}",
        rec.body
    );
}

#[test]
fn a_note_to_the_editor_closing_the_copy_is_left_out_and_its_address_read() {
    let rec = read_text(&format!(
        "The minimum wage directive is working where nobody looked\n\n\
         By Eva Horak\n\n{BODY}\n\
         Eva Horak is an economist at the Institute for Labour Studies in Vienna.\n\n\
         Note to editor: figures are from the national statistics office, 2024. Happy to add \
         links.\nEva – horak.eva@example.com\n"
    ));
    assert!(
        rec.body.ends_with("an argument they did not have."),
        "{}",
        rec.body
    );
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("horak.eva@example.com")
    );
}

#[test]
fn a_labelled_standfirst_in_bold_is_the_standfirst() {
    let doc = crate::import::read(
        "piece.md",
        format!(
            "% The minimum wage directive is working where nobody looked\n\
             % Eva Horak\n\n\
             **Standfirst:** Governments set the wages and unions have little say. Brussels may \
             have changed that\n\n{BODY}"
        )
        .as_bytes(),
    )
    .unwrap();
    let rec = recognise(&doc).unwrap();
    assert!(
        rec.standfirst.starts_with("Governments set"),
        "{}",
        rec.standfirst
    );
    assert!(rec.body.starts_with("When the EU adopted"), "{}", rec.body);
}

#[test]
fn the_writer_s_own_notes_under_a_heading_at_the_end_are_left_out() {
    let doc = crate::import::read(
        "piece.md",
        format!(
            "# The minimum wage directive is working where nobody looked\n\n\
             By Eva Horak\n\n{BODY}\n---\n\n\
             *Eva Horak is an economist at the Institute for Labour Studies in Vienna.*\n\n---\n\n\
             ## Notes (don't send)\n\
             - emailed to the desk — 5 Mar\n\
             - check the wage figure again\n"
        )
        .as_bytes(),
    )
    .unwrap();
    let rec = recognise(&doc).unwrap();
    assert!(
        rec.body.ends_with("an argument they did not have."),
        "{}",
        rec.body
    );
}
