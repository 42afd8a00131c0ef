//! A piece as the content of a post on the publication's WordPress site: the same text as its
//! static page (updates, the body through the allowlist, the bios and who posted it), led by the
//! byline, since WordPress has no guest authors of its own, and by a marker naming the piece, by
//! which a push that may have landed is found again instead of being made twice.

use std::fmt::Write;

use super::html::{about_and_poster, byline_names, esc, updates};
use super::{Piece, SiteInfo, body_html};

/// The marker a post's content starts with: an HTML comment WordPress keeps and readers never see.
pub fn post_marker(article_id: &str) -> String {
    format!("<!-- copydesk:article {article_id} -->")
}

/// The post's content.
pub fn post_content(site: &SiteInfo, piece: &Piece) -> String {
    let mut out = post_marker(&piece.id);
    out.push('\n');
    let byline = byline_names(piece);
    if !byline.is_empty() {
        let _ = writeln!(out, "<p class=\"copydesk-byline\">By {}</p>", esc(&byline));
    }
    out.push_str(&updates(site, piece));
    out.push_str(&body_html(&piece.body));
    out.push_str(&about_and_poster(piece));
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::site::PrintedAuthor;

    fn piece() -> Piece {
        Piece {
            id: "0190-abc".into(),
            page: "rates-0190".into(),
            headline: "Rates <rise>".into(),
            standfirst: "Why".into(),
            body: "First.\n\n<script>alert(1)</script>\n\nSecond [link](javascript:x).".into(),
            section: Some("News".into()),
            tags: vec![],
            byline: vec![
                PrintedAuthor {
                    page: "a".into(),
                    name: "Ana <Ruiz>".into(),
                    bio: "Ana covers money & markets.".into(),
                },
                PrintedAuthor {
                    page: "t".into(),
                    name: "Tom Lee".into(),
                    bio: String::new(),
                },
            ],
            posted_by: Some("Maya Editor".into()),
            published_at: chrono::Utc.with_ymd_and_hms(2026, 6, 1, 7, 0, 0).unwrap(),
            updates: vec![(
                chrono::Utc.with_ymd_and_hms(2026, 6, 2, 8, 30, 0).unwrap(),
                "A figure was corrected.".into(),
            )],
            related: vec![],
            withdrawn_at: None,
        }
    }

    #[test]
    fn the_content_carries_marker_byline_update_body_bio_and_poster_in_order() {
        let site = SiteInfo {
            name: "The Meridian".into(),
            url: "https://m.example/".into(),
            tz: chrono_tz::Europe::Paris,
        };
        let html = post_content(&site, &piece());
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing from {html}"))
        };
        assert!(html.starts_with("<!-- copydesk:article 0190-abc -->"));
        assert!(at("By Ana &lt;Ruiz&gt; and Tom Lee") < at("Updated"));
        assert!(at("2 June 2026, 10:30 CEST") < at("A figure was corrected."));
        assert!(at("A figure was corrected.") < at("<p>First.</p>"));
        assert!(at("<p>First.</p>") < at("About the author</h2>"));
        assert!(at("Ana covers money &amp; markets.") < at("Posted by Maya Editor"));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(
            !html.contains("About the authors"),
            "one bio, one author: {html}"
        );
    }
}
