//! Bios and forms in the sender's wrapping, rules learnt from rounds 10 and 11: bios in a press
//! release's notes to editors, an institution named only by its kind, a form laid out as a table,
//! affiliations with a short name, a site or a department after them.

use super::tests::{doc, names};
use super::*;

const BODY: [&str; 2] = [
    "Spain has spent the wet years arguing about transfers between river basins, and the dry \
     years paying for emergency tankers, desalination and compensation to farmers.",
    "The next drought is a matter of when, not if, and the country can spend the wet years \
     preparing for it or spend the dry ones regretting that it did not.",
];

#[test]
fn bios_in_a_press_releases_notes_to_editors_are_the_writers() {
    let mut lines = vec![
        "Spain's next drought is already on its way",
        "By Elena Ruiz Ortega and Pau Castells",
    ];
    for _ in 0..3 {
        lines.extend(BODY);
    }
    lines.extend([
        "ENDS",
        "NOTES TO EDITORS",
        "1. Elena Ruiz Ortega is director of the Fundación Agua y Territorio, an independent \
         water research foundation based in Valencia.",
        "2. Pau Castells is a water policy analyst at the foundation.",
        "3. High-resolution photographs of the authors are available on request.",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(names(&rec), ["Elena Ruiz Ortega", "Pau Castells"]);
    let bio = |i: usize| rec.authors[i].bio.as_deref().unwrap_or("");
    assert!(
        bio(0).starts_with("Elena Ruiz Ortega is director"),
        "{rec:#?}"
    );
    assert_eq!(
        bio(1),
        "Pau Castells is a water policy analyst at the foundation."
    );
    // "at the foundation": the institution the co-writer's bio names.
    for a in &rec.authors {
        assert_eq!(
            a.affiliation.as_deref(),
            Some("Fundación Agua y Territorio")
        );
    }
    assert!(rec.body.ends_with("did not."), "{}", rec.body);
}

#[test]
fn a_form_laid_out_as_a_table_is_read_label_by_label() {
    let mut lines = vec![
        "THE MERIDIAN – CONTRIBUTOR SUBMISSION FORM",
        "Please fill in every field and paste your article below the form.",
        "author: Lena Hoffmann, Mateo Rossi",
        "Contact e-mail",
        "l.hoffmann@example.org (corresponding author); mateo.rossi@example.com",
        "Phone",
        "+49 89 555 730 12",
        "affiliation: Bavarian Institute for School Quality, Munich (Hoffmann); Liceo Galileo \
         Ferraris, Turin (Rossi)",
        "Proposed section",
        "Society",
        "headline: Schools are banning phones and buying chatbots",
        "Author bio(s), max. 30 words each",
        "Lena Hoffmann is a researcher in teacher education in Munich.",
        "Mateo Rossi teaches philosophy and history in Turin.",
        "Previously published?",
        "No",
        "Article:",
        "Schools are banning phones and buying chatbots",
    ];
    lines.extend(BODY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "Schools are banning phones and buying chatbots"
    );
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(names(&rec), ["Lena Hoffmann", "Mateo Rossi"]);
    let emails: Vec<_> = rec.authors.iter().map(|a| a.email.as_deref()).collect();
    assert_eq!(
        emails,
        [
            Some("l.hoffmann@example.org"),
            Some("mateo.rossi@example.com")
        ]
    );
    assert_eq!(
        rec.authors[1].affiliation.as_deref(),
        Some("Liceo Galileo Ferraris")
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Mateo Rossi teaches philosophy and history in Turin.")
    );
    assert!(rec.body.starts_with("Spain has spent"), "{}", rec.body);
}

#[test]
fn a_table_form_never_runs_into_the_piece() {
    // "ARTICLE TEXT BELOW THIS LINE" alone over a long paragraph is no label and its value.
    let mut lines = vec![
        "Contributor submission form",
        "section: Culture",
        "headline: The quiet death of the touring theatre",
        "ARTICLE TEXT BELOW THIS LINE",
    ];
    lines.extend(BODY);
    lines.extend(["Why touring is disappearing", BODY[0], "ENDS"]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The quiet death of the touring theatre");
    assert!(!rec.body.contains("ARTICLE TEXT"), "{}", rec.body);
    assert!(rec.body.contains("## Why touring"), "{}", rec.body);
}

#[test]
fn an_affiliation_without_its_short_name_site_or_department() {
    for (given, org) in [
        (
            "Institut für Wirtschaft und Energie (IfWE)",
            "Institut für Wirtschaft und Energie",
        ),
        ("INRAE – Centre Occitanie-Montpellier", "INRAE"),
        ("Aarhus University, Department of Law", "Aarhus University"),
        (
            "Institute of Social Sciences of the University of Lisbon",
            "University of Lisbon",
        ),
        ("Liceo Galileo Ferraris, Turin", "Liceo Galileo Ferraris"),
        (
            "Bavarian Institute for School Quality (Hoffmann)",
            "Bavarian Institute for School Quality (Hoffmann)",
        ),
    ] {
        assert_eq!(patterns::without_trailing_place(given), org, "{given}");
    }
    assert_eq!(
        patterns::affiliation_in_bio(
            "Ana Kovačić is head of community programmes at Zagreb City Libraries."
        )
        .as_deref(),
        Some("Zagreb City Libraries")
    );
}
