//! The wrapping around a piece, rules learnt from rounds 10 and 11: forwards as more mail
//! programs and languages write them, replies from phones, a sign-off above a "--" signature,
//! bilingual labels, a line to the desk above a headline framed by its standfirst and byline,
//! field labels left on the copy.

use super::tests::{doc, names};
use super::*;

const BODY: [&str; 3] = [
    "In the first months of 2024, farmers blocked motorways around Paris and drove tractors into \
     the centre of Brussels, and within weeks the Commission had withdrawn its proposal.",
    "The protests were real, and so was the anger behind them. But the response treated \
     environmental rules as the main cause of farmers' difficulties, and the evidence says not.",
    "The next CAP will be negotiated from 2025, and it will have listened to the anger and \
     misread its cause.",
];

fn with_body(head: &[&str], tail: &[&str]) -> Vec<String> {
    head.iter()
        .chain(BODY.iter())
        .chain(tail.iter())
        .map(|s| s.to_string())
        .collect()
}

fn recognised(lines: &[String]) -> Recognised {
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    recognise(&doc(&refs)).unwrap()
}

#[test]
fn a_forward_in_french_with_its_separator_labels_and_greeting_is_wrapping() {
    let rec = recognised(&with_body(
        &[
            "Bonjour,",
            "I sent this last week to the general address and never heard back, so I am \
             forwarding it again to the desk. Apologies if you received it twice.",
            "Bien cordialement,",
            "Claire",
            "-------- Message transféré --------",
            "Sujet : Tribune / op-ed for The Meridian – CAP and the farmers' protests",
            "Date : Mon, 18 Mar 2024 22:14:05 +0100",
            "De : Claire Dubois-Martel <claire.dubois-martel@example.org>",
            "Pour : contact@example.com",
            "Copie à : Hugo Lefèvre <hugo.lefevre@example.com>",
            "Dear editors,",
            "Please find below an op-ed that Hugo Lefèvre and I have written on the protests.",
            "Best regards,",
            "Claire Dubois-Martel",
            "Europe's farmers are right to be angry – but not about the Green Deal",
            "By Claire Dubois-Martel and Hugo Lefèvre",
        ],
        &[],
    ));
    assert_eq!(
        rec.headline,
        "Europe's farmers are right to be angry – but not about the Green Deal"
    );
    assert_eq!(names(&rec), ["Claire Dubois-Martel", "Hugo Lefèvre"]);
    assert!(rec.body.starts_with("In the first months"), "{}", rec.body);
}

#[test]
fn a_forwarded_messages_own_letter_runs_to_its_sign_off_after_the_notices() {
    let rec = recognised(&with_body(
        &[
            "Von: Katrin Maurer <k.maurer@example.org>",
            "Betreff: WG: Op-ed submission",
            "Dear Opinion Desk,",
            "please find below an op-ed by our colleagues, which we would like to offer to you.",
            "Mit freundlichen Grüßen / Kind regards Katrin Maurer",
            "--",
            "Katrin Maurer",
            "Institut für Wirtschaft und Energie (IfWE)",
            "Tel.: +49 30 2345 6781",
            "This e-mail may contain confidential and/or privileged information. If you are \
             not the intended recipient please notify the sender.",
            "-----Ursprüngliche Nachricht-----",
            "Von: Felix Brandt <f.brandt@example.org>",
            "Betreff: op-ed final",
            "Hi Katrin,",
            "here's the final text, Anneliese has signed off. Headline and standfirst are only \
             suggestions, the editors will change them anyway.",
            "Danke & Gruß Felix",
            "Europe cannot subsidise its way out of an electricity price gap",
            "By Felix Brandt",
        ],
        &[],
    ));
    assert_eq!(
        rec.headline,
        "Europe cannot subsidise its way out of an electricity price gap"
    );
    assert!(rec.body.starts_with("In the first months"), "{}", rec.body);
    assert!(!rec.body.contains("final text"), "{}", rec.body);
}

#[test]
fn a_reply_from_a_phone_ends_where_its_quoted_attribution_begins() {
    let rec = recognised(&with_body(
        &[
            "Football's owners keep failing. Let the fans have a go",
            "By Conor Whelan",
        ],
        &[
            "Cheers,",
            "Conor",
            "Sent from my iPhone",
            "> On 11 Mar 2025, at 10:02, Lukas Brandt <lukas.brandt@example.com> wrote:",
            "> Hi Conor, 500-600 words would be perfect. Could you file by Thursday?",
            "> Best, Lukas",
        ],
    ));
    assert!(rec.body.ends_with("misread its cause."), "{}", rec.body);
}

#[test]
fn a_sign_off_above_a_signature_opened_by_dashes_ends_the_piece() {
    let rec = recognised(&with_body(
        &["Europe's night trains deserve better", "By Henrik Aalto"],
        &[
            "Best regards, Henrik",
            "--",
            "Henrik Aalto",
            "Senior Researcher | Nordic Mobility Institute",
            "Follow our work: @NordicMobility",
        ],
    ));
    assert!(rec.body.ends_with("misread its cause."), "{}", rec.body);
}

#[test]
fn a_bilingual_about_label_and_a_count_in_characters_are_no_part_of_the_piece() {
    let rec = recognised(&with_body(
        &[
            "Europe's farms are running out of farmers, not land",
            "By Katrin Vogel and Pieter de Graaf",
        ],
        &[
            "Über die Autor:innen / About the authors:",
            "Katrin Vogel is professor of agricultural economics at the Rhine-Main Institute.",
            "Pieter de Graaf is a dairy farmer in Friesland.",
            "Zeichen (inkl. Leerzeichen): 3.712 / approx. 575 words",
        ],
    ));
    assert!(rec.body.ends_with("misread its cause."), "{}", rec.body);
    assert!(
        rec.authors.iter().all(|a| a.bio.is_some()),
        "{:?}",
        rec.authors
    );
}

#[test]
fn a_short_line_above_a_headline_framed_by_standfirst_and_byline_is_a_note() {
    let rec = recognised(&with_body(
        &[
            "FINAL VERSION 14/3 – for The Meridian",
            "Rent caps alone won’t fix Southern Europe’s housing crisis",
            "Lisbon and Barcelona have tried freezing rents and banning new holiday lets. The \
             evidence so far says both help – and neither is enough without building",
            "By Marta Quintela, Jordi Serrat and Ana Ribeiro",
        ],
        &[],
    ));
    assert_eq!(
        rec.headline,
        "Rent caps alone won’t fix Southern Europe’s housing crisis"
    );
    assert!(rec.standfirst.starts_with("Lisbon and Barcelona"));
    assert_eq!(names(&rec).len(), 3);
}

#[test]
fn a_field_label_on_the_standfirst_and_a_bracketed_note_to_an_editor_by_name_go() {
    let rec = recognised(&with_body(
        &[
            "FOR THE MERIDIAN – Opinion – draft 4 (FINAL)",
            "Lisbon’s rent cap was never going to be enough",
            "Standfirst: Portugal’s new government is dismantling its predecessor’s housing \
             package. It should keep the parts that worked",
            "by Sofia Petrova",
        ],
        &["[Note for Ruth: I can send a photo of the rent protest if useful.]"],
    ));
    assert!(
        rec.standfirst.starts_with("Portugal’s new government"),
        "{}",
        rec.standfirst
    );
    // The section named among the parts of the line to the desk above the headline.
    assert_eq!(rec.section.as_deref(), Some("Opinion"));
    assert!(rec.body.ends_with("misread its cause."), "{}", rec.body);
}

#[test]
fn a_long_second_level_heading_under_the_headline_is_the_standfirst() {
    let md = "# Public libraries are Europe's last free indoor space\n\n\
              ## Municipal budgets are under pressure everywhere. Closing the library is the \
              most expensive saving a town can make\n\n\
              *By Ana Kovačić and Pieter de Wit*\n\n\
              On a weekday afternoon in the central library of almost any European city, you \
              will find the same mix of people, and most of them have nowhere else to go.\n\n\
              ## A slow retreat\n\n\
              Budgets have been cut for a decade, and opening hours with them.\n";
    let rec = recognise(&crate::import::read("a.md", md.as_bytes()).unwrap()).unwrap();
    assert!(rec.standfirst.starts_with("Municipal budgets"), "{rec:?}");
    assert_eq!(names(&rec), ["Ana Kovačić", "Pieter de Wit"]);
    assert!(rec.body.starts_with("On a weekday"), "{}", rec.body);
    assert!(rec.body.contains("## A slow retreat"), "{}", rec.body);
}

#[test]
fn comments_exported_with_the_text_and_their_markers_are_left_out() {
    let rec = recognised(&with_body(
        &[
            "Rent caps alone won’t fix Southern Europe’s housing crisis",
            "By Marta Quintela",
            "Rents in capped areas have fallen by around 5 per cent on new contracts.[a] The \
             number of listings has fallen too, and the evidence on supply is mixed.",
            "Both countries built very little for a decade after the crisis, and the gap \
             between households and homes has grown every year since.[b]",
            "The European dimension",
        ],
        &["[a]Jordi – can we cite the exact figure here? [b]Lisbon: 2,000+ vacant. Keep vague?"],
    ));
    assert!(
        !rec.body.contains("[a]") && !rec.body.contains("[b]"),
        "{}",
        rec.body
    );
    assert!(!rec.body.contains("Keep vague"), "{}", rec.body);
    assert!(
        rec.body.contains("## The European dimension"),
        "{}",
        rec.body
    );
}

#[test]
fn an_address_in_a_note_the_reader_left_out_reaches_the_writer_it_spells() {
    let md = "+++\ntitle = \"Europe is spending more on defence\"\nauthors = [\"Lukas Brenner\"]\n\
              [params]\n  contact = \"l.brenner@example.org\"\n+++\n\n\
              Since the invasion, European defence spending has risen faster than at any time \
              since the end of the Cold War, and most of it is spent nationally.\n";
    let rec = recognise(&crate::import::read("a.md", md.as_bytes()).unwrap()).unwrap();
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("l.brenner@example.org")
    );
    let md = "# Poland’s courts cannot be fixed by one law\n\n\
              > [!note] For the editor\n> Hi Anna – final version below.\n\
              > Ewa (ewa.kowalczyk@example.org)\n\n\
              by Ewa Kowalczyk\n\n\
              When the coalition took office it promised to restore the rule of law quickly, and \
              more than a year later the courts remain in a state of confusion.\n\n\
              Until that is true in Poland, the job is not done.\n\n\
              ## Sources / notes to self\n\n- ask Anna re fee\n";
    let rec = recognise(&crate::import::read("a.md", md.as_bytes()).unwrap()).unwrap();
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("ewa.kowalczyk@example.org")
    );
    // The writer's own notes at the end are theirs.
    assert!(rec.body.ends_with("the job is not done."), "{}", rec.body);
}
