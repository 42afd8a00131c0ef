//! Import into the desk: authors matched to contributors on file, one transaction per file, and
//! the bio found printed under the piece without touching the profile unless asked.

mod common;

use common::desk;
use copydesk_core::desk::{ArticleFilter, DiffKind, DiffPart, MatchedBy};
use copydesk_core::model::State;

const ROE_TXT: &str = "The grid needs a plan –\n\n\
Europe's grid is old and it will not fix itself, writes  JANE   ROÉ.\n\n\
The grid was built for coal. It now carries wind.\n\n\
Nobody planned for that.\n\n\
Jane Roe is a senior fellow at the Institute for Sahel Studies and a former engineer.\n";

fn submitted(d: &common::TestDesk) -> usize {
    let filter = ArticleFilter {
        state: Some(State::Submitted),
        ..ArticleFilter::default()
    };
    d.desk
        .list_articles(&d.editor, &filter, None, 100)
        .unwrap()
        .items
        .len()
}

#[test]
fn an_author_is_matched_by_name_ignoring_case_accents_and_spacing() {
    let d = desk();
    let p = d
        .desk
        .preview_import(&d.editor, "grid.txt", ROE_TXT.as_bytes())
        .unwrap();
    assert_eq!(p.headline, "The grid needs a plan");
    let roe = p.byline[0].existing.as_ref().expect("Jane Roe is on file");
    assert_eq!(roe.id, d.jane_id);
    assert_eq!(roe.matched_by, MatchedBy::Name);
    assert!(roe.bio_differs);
    assert!(
        roe.bio_change.contains(&DiffPart {
            kind: DiffKind::Added,
            text: " and a former engineer".into()
        }),
        "{:?}",
        roe.bio_change
    );

    let done = d.desk.commit_import(&d.editor, &p.to_draft(false)).unwrap();
    let article = d.desk.get_article(&d.editor, &done.article_id).unwrap();
    assert_eq!(article.state, State::Submitted);
    assert_eq!(article.byline[0].contributor_id, d.jane_id);
    assert!(article.byline[0].bio_is_own);
    assert!(
        article.byline[0]
            .printed_bio
            .ends_with("a former engineer.")
    );
    let jane = d.desk.get_contributor(&d.editor, &d.jane_id).unwrap();
    assert_eq!(
        jane.bio,
        "Jane Roe is a senior fellow at the Institute for Sahel Studies."
    );
    assert!(!done.contributors[0].created);
}

#[test]
fn an_accepted_bio_update_goes_to_the_profile_and_its_history() {
    let d = desk();
    let p = d
        .desk
        .preview_import(&d.editor, "grid.txt", ROE_TXT.as_bytes())
        .unwrap();
    let done = d.desk.commit_import(&d.editor, &p.to_draft(true)).unwrap();
    assert!(done.contributors[0].profile_bio_updated);
    let jane = d.desk.get_contributor(&d.editor, &d.jane_id).unwrap();
    assert!(jane.bio.ends_with("a former engineer."));
    let history = d.desk.bio_history(&d.editor, &d.jane_id).unwrap();
    assert!(history.iter().any(|v| v.bio.ends_with("Sahel Studies.")));
    let article = d.desk.get_article(&d.editor, &done.article_id).unwrap();
    assert!(
        !article.byline[0].bio_is_own,
        "the piece follows the profile"
    );
}

#[test]
fn email_wins_over_name_and_a_shared_name_matches_nobody() {
    let d = desk();
    // The profile's address, whatever the name in the copy says.
    let md = "---\ntitle: A piece\nauthor: J. Roe\nemail: Jane@Example.org\n---\n\nBody text.\n";
    let p = d
        .desk
        .preview_import(&d.editor, "a.md", md.as_bytes())
        .unwrap();
    let m = p.byline[0].existing.as_ref().unwrap();
    assert_eq!(
        (m.id.as_str(), m.matched_by),
        (d.jane_id.as_str(), MatchedBy::Email)
    );

    // Two contributors called John Doe: the import cannot tell which, so it proposes a new guest.
    let john2 = d
        .desk
        .add_contributor(
            &d.chief,
            &copydesk_core::desk::NewContributor {
                display_name: "John Doe".into(),
                sort_name: None,
                email: Some("john2@example.org".into()),
                affiliation: "".into(),
                kind: copydesk_core::model::ContributorKind::Staff,
                bio: "".into(),
                links: vec![],
                private_notes: "".into(),
            },
        )
        .unwrap();
    assert!(!john2.id.is_empty());
    let txt = "Headline\n\nBy John Doe\n\nBody text.\n";
    let p = d
        .desk
        .preview_import(&d.editor, "b.txt", txt.as_bytes())
        .unwrap();
    assert_eq!(p.byline[0].existing, None);
}

#[test]
fn a_refused_file_writes_nothing_at_all() {
    let d = desk();
    let txt = "Headline\n\nBy Ana Pereira and Jane Roe\n\nBody text.\n";
    let p = d
        .desk
        .preview_import(&d.editor, "c.txt", txt.as_bytes())
        .unwrap();
    let mut draft = p.to_draft(false);
    // The editor makes Jane a new guest but keeps her address, which is on file: refused.
    draft.byline[1].contributor_id = None;
    draft.byline[1].email = Some("jane@example.org".into());
    let before = d
        .desk
        .list_contributors(&d.editor, None, 100)
        .unwrap()
        .items
        .len();
    let e = d.desk.commit_import(&d.editor, &draft).unwrap_err();
    assert_eq!(e.code(), "bad_file");
    assert!(
        e.to_string().starts_with("c.txt cannot be imported: "),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("jane@example.org already belongs to Jane Roe"),
        "{e}"
    );
    // Ana Pereira, created before the refusal within the same transaction, is gone with it.
    let after = d
        .desk
        .list_contributors(&d.editor, None, 100)
        .unwrap()
        .items
        .len();
    assert_eq!(before, after);
    assert_eq!(submitted(&d), 0);
}

#[test]
fn bad_files_name_the_file_and_contributors_may_not_import() {
    let d = desk();
    let e = d
        .desk
        .preview_import(&d.editor, "empty.txt", b"")
        .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.to_string().as_str()),
        ("bad_file", "empty.txt is empty")
    );
    let e = d
        .desk
        .preview_import(&d.editor, "x.pdf", b"%PDF-1.7")
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.pdf is not a file import reads"),
        "{e}"
    );
    let e = d
        .desk
        .preview_import(&d.author, "grid.txt", ROE_TXT.as_bytes())
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let p = d
        .desk
        .preview_import(&d.editor, "grid.txt", ROE_TXT.as_bytes())
        .unwrap();
    let e = d
        .desk
        .commit_import(&d.author, &p.to_draft(false))
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let mut draft = p.to_draft(false);
    draft.byline.clear();
    let e = d.desk.commit_import(&d.editor, &draft).unwrap_err();
    assert!(e.to_string().contains("name its contributor"), "{e}");
    assert_eq!(submitted(&d), 0);
}

#[test]
fn corrections_in_the_review_are_what_is_written() {
    let d = desk();
    let p = d
        .desk
        .preview_import(&d.editor, "grid.txt", ROE_TXT.as_bytes())
        .unwrap();
    let mut draft = p.to_draft(false);
    draft.headline = "Europe's grid needs a plan".into();
    draft.section = Some("Opinion".into());
    draft.tags = vec!["energy".into()];
    draft.byline[0].contributor_id = None;
    draft.byline[0].name = "Janet Roe".into();
    draft.body = format!(
        "{}\n\nA <b onclick=\"x()\">bold</b> [trap](javascript:alert(1)).",
        draft.body
    );
    let done = d.desk.commit_import(&d.editor, &draft).unwrap();
    assert!(done.contributors[0].created);
    let a = d.desk.get_article(&d.editor, &done.article_id).unwrap();
    assert_eq!(a.headline, "Europe's grid needs a plan");
    assert_eq!(a.section.as_deref(), Some("Opinion"));
    assert_eq!(a.byline[0].name, "Janet Roe");
    // What is typed in the review keeps to the allowlist too.
    assert!(
        a.body.ends_with("Nobody planned for that.\n\nA bold trap."),
        "{}",
        a.body
    );
    // A new guest's profile carries the bio found, and the piece follows it.
    assert!(!a.byline[0].bio_is_own);
    assert!(a.byline[0].printed_bio.ends_with("a former engineer."));
}

#[test]
fn a_section_the_desk_does_not_have_is_left_empty_with_a_warning() {
    let d = desk();
    let md = "---\ntitle: A piece\nauthor: Jane Roe\nsection: Comment\n---\n\nBody text.\n";
    let p = d
        .desk
        .preview_import(&d.editor, "a.md", md.as_bytes())
        .unwrap();
    assert_eq!(p.section, None);
    assert!(
        p.warnings
            .iter()
            .any(|w| w.starts_with("section left empty: there is no section “Comment”")),
        "{:?}",
        p.warnings
    );
    let md = md.replace("Comment", "opinion");
    let p = d
        .desk
        .preview_import(&d.editor, "b.md", md.as_bytes())
        .unwrap();
    assert_eq!(p.section.as_deref(), Some("Opinion"));
    d.desk.commit_import(&d.editor, &p.to_draft(false)).unwrap();
}
