//! Hostile names never carry a file out of the publish folder (issue 15, item 7): headlines (and so
//! slugs), sections, tags and contributors' names made of `../`, absolute paths, Windows' reserved
//! device names and very long names; a link planted inside the folder pointing out of it; a
//! publish folder named with "..". Everything written is found inside the folder, and nothing
//! else on disk changes.

mod common;
#[path = "support/files.rs"]
mod files;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use common::{desk, words};
use copydesk_core::desk::{BylineEntry, NewArticle, NewContributor, When};
use copydesk_core::model::{Action, ContributorKind, Section};

const HOSTILE: &[&str] = &[
    "../../../outside/evil",
    "/etc/passwd",
    "..\\..\\windows\\system32\\drivers",
    "CON",
    "aux",
    "NUL.txt",
    "com1",
    "index",
    "%2e%2e%2foutside%2fevil",
    "...",
    "style.css",
    "\u{202e}lmth.exe",
    "contributors/../../outside",
];

#[test]
fn hostile_names_write_nothing_outside_the_publish_folder() {
    let t = desk();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    t.desk.set_publish_folder(&t.chief, &site).unwrap();

    // Sections the chief names: each is taken or refused, and a piece files under those taken.
    let mut sections: Vec<String> = HOSTILE
        .iter()
        .filter(|name| {
            let section = Section {
                name: name.to_string(),
                min_words: None,
                max_words: None,
            };
            t.desk.put_section(&t.chief, &section).is_ok()
        })
        .map(|name| name.to_string())
        .collect();
    if sections.is_empty() {
        sections.push("Opinion".into());
    }
    let long = format!("{} end", "a very long headline ".repeat(5));
    let mut headlines: Vec<String> = HOSTILE.iter().map(|h| h.to_string()).collect();
    headlines.push(long);
    for (i, headline) in headlines.iter().enumerate() {
        let name = HOSTILE[i % HOSTILE.len()];
        t.desk
            .add_contributor(
                &t.chief,
                &NewContributor {
                    display_name: format!("{name} {i}"),
                    sort_name: None,
                    email: None,
                    affiliation: String::new(),
                    kind: ContributorKind::Guest,
                    bio: format!("Writer number {i}."),
                    links: vec![],
                    private_notes: String::new(),
                },
            )
            .unwrap();
        let a = t
            .desk
            .create_article(
                &t.editor,
                &NewArticle {
                    headline: headline.clone(),
                    standfirst: "A standfirst long enough to pass the desk's checks on it.".into(),
                    body: words(400),
                    section: Some(sections[i % sections.len()].clone()),
                    tags: vec![HOSTILE[(i + 2) % HOSTILE.len()].into()],
                    byline: vec![BylineEntry::named(format!("{name} {i}"))],
                    ..Default::default()
                },
            )
            .unwrap_or_else(|e| panic!("{headline:?}: {e}"));
        let a = t.mv(&t.editor, &a, Action::Submit, None).unwrap();
        let a = t.mv(&t.editor, &a, Action::Claim, None).unwrap();
        let a = t.mv(&t.editor, &a, Action::Approve, None).unwrap();
        t.desk
            .schedule_article(&t.editor, &a.id, &When::At("2026-11-03 08:00".into()), None)
            .unwrap_or_else(|e| panic!("{headline:?}: {e}"));
    }
    t.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 3, 7, 0, 1).unwrap());
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), headlines.len(), "{report:?}");
    assert!(report.failed.is_empty(), "{report:?}");
    t.desk.rebuild_site(&t.editor).unwrap();

    // Everything the desk wrote is in the publish folder, under plain names, one page a piece.
    let top = files::everything_under(dir.path());
    let strays: Vec<_> = top
        .iter()
        .filter(|p| !p.starts_with("site") && !p.starts_with("outside"))
        .collect();
    assert!(strays.is_empty(), "written outside the folder: {strays:?}");
    assert!(files::everything_under(&outside).is_empty());
    let written = files::everything_under(&site);
    for path in &written {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && !name.starts_with('.'),
            "{path:?}"
        );
        assert!(
            path.components().count() <= 2,
            "{path:?} is deeper than the site's folders"
        );
    }
    let pages = written
        .iter()
        .filter(|p| p.starts_with("articles") && p.extension().is_some_and(|e| e == "html"))
        .count();
    assert_eq!(pages, headlines.len(), "{written:?}");
    let authors = written
        .iter()
        .filter(|p| p.starts_with("contributors"))
        .count();
    assert!(authors >= headlines.len(), "{written:?}");
}

#[test]
fn a_link_planted_in_the_publish_folder_is_never_written_through() {
    let t = desk();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let victim = outside.join("victim.txt");
    fs::write(&victim, "not the desk's").unwrap();
    t.desk.set_publish_folder(&t.chief, &site).unwrap();
    let a = t.approved();
    t.mv(&t.chief, &a, Action::PublishNow, None).unwrap();
    assert_eq!(t.desk.publish_due().unwrap().done.len(), 1);
    let slug = t.desk.get_article(&t.editor, &a.id).unwrap().slug;

    // A folder of the site turned into a link out of it: nothing is written, inside the folder
    // or out, and it is said.
    fs::rename(site.join("contributors"), dir.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(&outside, site.join("contributors")).unwrap();
    let snapshot = |folder: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        files::everything_under(folder)
            .into_iter()
            .filter(|p| !p.starts_with("contributors"))
            .map(|p| {
                let bytes = fs::read(folder.join(&p)).unwrap_or_default();
                (p, bytes)
            })
            .collect()
    };
    // A page written again would have the same bytes: its file's identity tells a rewrite.
    let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&fs::metadata(p).unwrap());
    let written = [
        site.join("style.css"),
        site.join("articles").join(format!("{slug}.html")),
    ];
    let (before, identities) = (snapshot(&site), written.clone().map(|p| inode(&p)));
    let err = t.desk.rebuild_site(&t.editor).unwrap_err();
    assert_eq!(snapshot(&site), before, "nothing of the site changed");
    assert_eq!(
        written.map(|p| inode(&p)),
        identities,
        "nothing was written again"
    );
    assert_eq!(err.code(), "publish_failed", "{err}");
    let words = err.to_string();
    assert!(
        words.contains("contributors")
            && words.contains("is a link")
            && words.contains("Remove the link"),
        "{words}"
    );
    assert_eq!(
        files::everything_under(&outside),
        BTreeSet::from([PathBuf::from("victim.txt")])
    );

    // A page's own name made a link out: the page replaces the link, the file it pointed to
    // is untouched.
    fs::remove_file(site.join("contributors")).unwrap();
    fs::rename(dir.path().join("moved"), site.join("contributors")).unwrap();
    let page = site.join("articles").join(format!("{slug}.html"));
    fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink(&victim, &page).unwrap();
    t.desk.rebuild_site(&t.editor).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not the desk's");
    assert!(
        !fs::symlink_metadata(&page)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&page).unwrap().contains("<h1>"));
}

#[test]
fn a_publish_folder_named_with_dot_dot_is_refused_and_the_setting_kept() {
    let t = desk();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    t.desk.set_publish_folder(&t.chief, &site).unwrap();
    let err = t
        .desk
        .set_publish_folder(&t.chief, &site.join("../../elsewhere"))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    assert!(err.to_string().contains("without \"..\""), "{err}");
    assert_eq!(t.desk.publish_folder().unwrap(), site);
    assert!(!dir.path().join("elsewhere").exists());
    assert!(!dir.path().parent().unwrap().join("elsewhere").exists());

    let long = site.join("x".repeat(300));
    let err = t.desk.set_publish_folder(&t.chief, &long).unwrap_err();
    assert!(
        err.to_string().contains("cannot be created") && !err.to_string().contains("os error"),
        "{err}"
    );
    assert_eq!(t.desk.publish_folder().unwrap(), site);
}
