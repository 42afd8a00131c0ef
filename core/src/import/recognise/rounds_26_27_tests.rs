//! Rules learnt from rounds 26 and 27: the wrappings those rounds showed.

use super::tests::doc;
use super::*;

const COPY: [&str; 3] = [
    "When the bus stopped running to the valley in 2019, the last shop closed a year later and \
     the school followed, because families with children could no longer reach the town.",
    "Regional councils have tried everything from subsidised taxis to volunteer drivers, and \
     none of it has lasted longer than the grant that paid for it.",
    "The lesson is that a village without a way out is a village without a future.",
];

#[test]
fn scissors_over_a_rule_end_the_copy() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.extend([
        "----- 8< -----",
        "-- Dr Ana Lopes Senior Fellow | Rural Transport Institute Rua Nova 12, 4000-100 Porto \
         This e-mail and any attachments are confidential and intended solely for the addressee.",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(!rec.body.contains("8<"), "{}", rec.body);
    assert!(furniture::is_end_mark("-- >8 --"));
    assert!(furniture::is_end_mark("✂ -----"));
    assert!(!furniture::is_end_mark("8<"));
    assert!(!furniture::is_end_mark("-----"));
}

#[test]
fn a_labels_qualifier_is_the_labels() {
    let fields = patterns::labelled(
        "Title: The bus that stopped Authors: Ana Lopes, Rui Sá Suggested tags: transport, villages",
    )
    .unwrap_or_default();
    assert_eq!(
        fields,
        vec![
            ("title".to_string(), "The bus that stopped".to_string()),
            ("authors".to_string(), "Ana Lopes, Rui Sá".to_string()),
            ("tags".to_string(), "transport, villages".to_string()),
        ]
    );
    let fields = patterns::labelled("Proposed headline: The bus that stopped").unwrap_or_default();
    assert_eq!(
        fields,
        vec![("headline".to_string(), "The bus that stopped".to_string())]
    );
}
