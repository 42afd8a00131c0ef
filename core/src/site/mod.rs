//! The static site: pages, feeds and sitemap written into the desk's publish folder. Every file
//! goes to a temporary name first and is renamed into place, so a reader never sees half a page,
//! and nothing is written through a link planted inside the folder, so nothing lands outside it.

mod feeds;
mod html;
mod markdown;
mod post;

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use feeds::{atom, json_feed, rss, sitemap};
pub use html::{STYLE, article_page, byline_names, contributor_page, index_page};
pub use markdown::body_html;
pub use post::{post_content, post_marker};

use crate::error::{Error, Result};
use crate::text::slugify;

/// What every page and feed says about the publication.
#[derive(Debug, Clone)]
pub struct SiteInfo {
    pub name: String,
    /// Absolute, ending in "/": links in feeds and the sitemap start with it.
    pub url: String,
    pub tz: Tz,
}

/// A byline contributor as printed under a published piece.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedAuthor {
    pub name: String,
    /// The file name (without extension) of their page under `contributors/`.
    pub page: String,
    pub bio: String,
}

/// A link to a published piece.
#[derive(Debug, Clone, PartialEq)]
pub struct PieceLink {
    pub page: String,
    pub headline: String,
    pub published_at: DateTime<Utc>,
}

/// An article as the site prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub id: String,
    /// The file name (without extension) of its page under `articles/`.
    pub page: String,
    pub headline: String,
    pub standfirst: String,
    /// Markdown, rendered and sanitised when the page is written.
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<PrintedAuthor>,
    /// The editor who approved it ("Posted by").
    pub posted_by: Option<String>,
    pub published_at: DateTime<Utc>,
    /// Each republication: when, and the update note readers see.
    pub updates: Vec<(DateTime<Utc>, String)>,
    pub related: Vec<PieceLink>,
    /// Set when the piece was withdrawn: the page becomes a notice.
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// A contributor's page: bio and published pieces, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorPage {
    pub name: String,
    pub page: String,
    pub affiliation: String,
    pub bio: String,
    pub pieces: Vec<PieceLink>,
}

const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "index",
];

/// A file name that stays inside its folder whatever the slug holds (path separators, "..",
/// reserved device names, any script): ASCII letters, digits and dashes. A slug that had to be
/// changed gets `key` appended, so two different slugs never share a page.
pub fn page_name(slug: &str, key: &str) -> String {
    let safe = slugify(slug);
    let tail: String = key
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    if safe == slug && !RESERVED.contains(&safe.as_str()) {
        safe
    } else {
        format!("{safe}-{tail}")
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The publish folder, written to by relative paths built from `page_name`s only.
#[derive(Debug, Clone)]
pub struct SiteFolder {
    root: PathBuf,
}

impl SiteFolder {
    /// The folder, created if missing; one that cannot be created is an error naming it.
    pub fn open(root: &Path) -> Result<SiteFolder> {
        fs::create_dir_all(root).map_err(|e| publish_error(root, &e))?;
        let folder = SiteFolder {
            root: root.to_path_buf(),
        };
        // Pages go at most one folder deep: a link standing for one of those folders is found
        // here, before anything of a publication is written, not halfway through it.
        for entry in fs::read_dir(root)
            .map_err(|e| publish_error(root, &e))?
            .flatten()
        {
            let name = entry.file_name();
            if entry.file_type().is_ok_and(|t| t.is_symlink()) && entry.path().is_dir() {
                folder.refuse_links_out(&format!("{}/page", name.to_string_lossy()))?;
            }
        }
        Ok(folder)
    }

    /// Writes `bytes` to `rel` through a temporary file renamed into place. The temporary is
    /// created new (never opened through something already at its name), and the rename
    /// replaces a link at the page's own name rather than writing where it points.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.refuse_links_out(rel)?;
        let path = self.root.join(rel);
        let dir = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(dir).map_err(|e| publish_error(dir, &e))?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("page");
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let written = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|mut f| f.write_all(bytes))
            .and_then(|()| fs::rename(&temp, &path));
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(publish_error(&path, &e));
        }
        Ok(())
    }
}

impl SiteFolder {
    /// `rel` names a file inside the folder, and no folder on the way to it is a link: a link
    /// planted in the publish folder (by anyone who can write there) would carry the desk's
    /// pages wherever it points. The folder itself may be a link: the chief chose it.
    fn refuse_links_out(&self, rel: &str) -> Result<()> {
        let rel = Path::new(rel);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Error::Publish {
                message: format!(
                    "the page {} would be written outside the publish folder; nothing was published",
                    rel.display()
                ),
                detail: String::new(),
            });
        }
        let mut at = self.root.clone();
        for folder in rel.parent().into_iter().flat_map(Path::components) {
            at.push(folder);
            if fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
                let target =
                    fs::read_link(&at).map_or_else(|e| e.to_string(), |t| t.display().to_string());
                return Err(Error::Publish {
                    message: format!(
                        "{} in the publish folder is a link (to {target}), not a folder: the desk writes pages only into real folders inside the publish folder, so nothing was published. Remove the link",
                        at.display()
                    ),
                    detail: format!("symbolic link {} -> {target}", at.display()),
                });
            }
        }
        Ok(())
    }
}

fn publish_error(path: &Path, e: &std::io::Error) -> Error {
    Error::Publish {
        message: format!(
            "the site cannot be written at {}: {}; nothing was published. Check the publish folder in Settings",
            path.display(),
            crate::error::io_words(e)
        ),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_written_is_said_in_words_with_the_system_words_apart() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("site");
        fs::write(&blocked, "a file where the folder goes").unwrap();
        let e = SiteFolder::open(&blocked.join("articles")).unwrap_err();
        let words = e.to_string();
        assert!(
            words.starts_with("the site cannot be written at ")
                && words.contains("part of the path is a file, not a folder")
                && !words.contains("os error"),
            "{words}"
        );
        let recorded = e.recorded();
        let (first, detail) = recorded.split_once('\n').unwrap();
        assert_eq!(first, words);
        assert!(detail.contains("os error"), "{detail}");
        let api = crate::ApiError::from(e);
        assert_eq!(api.code, crate::ErrorCode::PublishFailed);
        assert!(matches!(
            api.details.as_deref(),
            Some(crate::ErrorDetails::Technical { detail }) if detail.contains("os error")
        ));
    }

    #[test]
    fn page_names_never_leave_the_folder() {
        assert_eq!(page_name("harbour-wall", "0192abcd"), "harbour-wall");
        for slug in [
            "../../etc/passwd",
            "a/b",
            "..",
            "con",
            "Ünïcode/ÄÖ",
            "北京",
            "index",
            "",
        ] {
            let name = page_name(slug, "01936f3e-1234-7abc-8def-0123456789ab");
            assert!(!name.is_empty());
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "{slug} → {name}"
            );
            assert!(!RESERVED.contains(&name.as_str()), "{slug} → {name}");
        }
        assert_ne!(page_name("a/b", "k1"), page_name("a-b", "k2"));
        assert_eq!(page_name("北京", "x"), "bei-jing-x");
    }

    #[test]
    fn a_file_is_renamed_into_place_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let site = SiteFolder::open(&dir.path().join("site")).unwrap();
        site.write("articles/one.html", b"<p>one</p>").unwrap();
        site.write("articles/one.html", b"<p>two</p>").unwrap();
        let folder = dir.path().join("site/articles");
        let names: Vec<_> = fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["one.html"]);
        assert_eq!(fs::read(folder.join("one.html")).unwrap(), b"<p>two</p>");

        let blocked = dir.path().join("a-file");
        fs::write(&blocked, b"not a folder").unwrap();
        let err = SiteFolder::open(&blocked.join("site")).unwrap_err();
        assert!(err.to_string().contains("a-file"), "{err}");
    }
}
