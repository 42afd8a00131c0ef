//! The site's HTML pages, written by hand: every text is escaped, the body comes through the
//! Markdown allowlist, and the markup is plain HTML5 a validator accepts.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::{AuthorPage, Piece, PieceLink, SiteInfo, body_html};

pub const STYLE: &str = "body{margin:0;font:18px/1.6 Georgia,serif;color:#1d1d1b;background:#fbfaf7}\
header,main,footer{max-width:42rem;margin:0 auto;padding:1rem 1.25rem}\
header a{font:700 1.1rem system-ui,sans-serif;color:#1d1d1b;text-decoration:none}\
h1{font-size:2.2rem;line-height:1.15;margin:.5rem 0}\
.standfirst{font-size:1.2rem;color:#444}.meta,.section{font:.85rem system-ui,sans-serif;color:#666}\
.about,.check-also,.update,.withdrawn{border-top:1px solid #ddd;margin-top:2rem;padding-top:1rem}\
.update,.withdrawn{font:.95rem system-ui,sans-serif;background:#f3efe6;padding:.75rem 1rem}\
blockquote{margin-left:0;padding-left:1rem;border-left:3px solid #ccc;color:#444}\
footer{font:.8rem system-ui,sans-serif;color:#777}ul.pieces{padding-left:1.2rem}";

pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn local_date(site: &SiteInfo, at: DateTime<Utc>) -> String {
    at.with_timezone(&site.tz)
        .format("%-d %B %Y, %H:%M %Z")
        .to_string()
}

fn time(site: &SiteInfo, at: DateTime<Utc>) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        esc(&local_date(site, at))
    )
}

/// The frame every page shares; `root` is the relative way back to the site's top ("" or "../").
fn page(site: &SiteInfo, root: &str, title: &str, description: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"stylesheet\" href=\"{root}style.css\">\n\
         <link rel=\"alternate\" type=\"application/rss+xml\" title=\"{name}\" href=\"{root}feed.xml\">\n\
         <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{name}\" href=\"{root}atom.xml\">\n\
         <link rel=\"alternate\" type=\"application/feed+json\" title=\"{name}\" href=\"{root}feed.json\">\n\
         </head>\n<body>\n<header><a href=\"{root}index.html\">{name}</a></header>\n<main>\n{main}</main>\n\
         <footer><p>{name}</p></footer>\n</body>\n</html>\n",
        title = esc(title),
        description = esc(description),
        name = esc(&site.name),
    )
}

fn byline_links(piece: &Piece, root: &str) -> String {
    let names: Vec<String> = piece
        .byline
        .iter()
        .map(|a| {
            format!(
                "<a href=\"{root}contributors/{}.html\">{}</a>",
                a.page,
                esc(&a.name)
            )
        })
        .collect();
    and_list(&names)
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn piece_list(site: &SiteInfo, root: &str, pieces: &[PieceLink]) -> String {
    let mut out = String::from("<ul class=\"pieces\">\n");
    for p in pieces {
        let _ = writeln!(
            out,
            "<li><a href=\"{root}articles/{}.html\">{}</a> <span class=\"meta\">{}</span></li>",
            p.page,
            esc(&p.headline),
            time(site, p.published_at)
        );
    }
    out.push_str("</ul>\n");
    out
}

/// "Updated DATE: NOTE", one paragraph per republication, oldest first.
pub(super) fn updates(site: &SiteInfo, piece: &Piece) -> String {
    let mut out = String::new();
    for (at, note) in &piece.updates {
        let _ = writeln!(
            out,
            "<p class=\"update\">Updated {}: {}</p>",
            time(site, *at),
            esc(note)
        );
    }
    out
}

/// The bios as printed, in an "About the author" box, then who posted the piece.
pub(super) fn about_and_poster(piece: &Piece) -> String {
    let mut out = String::new();
    let bios: Vec<&super::PrintedAuthor> = piece
        .byline
        .iter()
        .filter(|a| !a.bio.trim().is_empty())
        .collect();
    if !bios.is_empty() {
        let _ = writeln!(
            out,
            "<aside class=\"about\">\n<h2>About the author{}</h2>",
            if bios.len() > 1 { "s" } else { "" }
        );
        for a in bios {
            let _ = writeln!(out, "<p>{}</p>", esc(&a.bio));
        }
        out.push_str("</aside>\n");
    }
    if let Some(editor) = &piece.posted_by {
        let _ = writeln!(out, "<p class=\"meta\">Posted by {}</p>", esc(editor));
    }
    out
}

/// The byline's names as a sentence: "Ana Ruiz", "Ana Ruiz and Tom Lee", "A, B and C".
pub fn byline_names(piece: &Piece) -> String {
    let names: Vec<String> = piece.byline.iter().map(|a| a.name.clone()).collect();
    and_list(&names)
}

/// An article's page: headline, byline, standfirst, body, the bios as printed, who posted it,
/// related pieces, and an update note when it was published again.
pub fn article_page(site: &SiteInfo, piece: &Piece) -> String {
    if piece.withdrawn_at.is_some() {
        return withdrawn_page(site, piece);
    }
    let mut main = String::from("<article>\n");
    if let Some(section) = &piece.section {
        let _ = writeln!(main, "<p class=\"section\">{}</p>", esc(section));
    }
    let _ = writeln!(main, "<h1>{}</h1>", esc(&piece.headline));
    if !piece.standfirst.is_empty() {
        let _ = writeln!(
            main,
            "<p class=\"standfirst\">{}</p>",
            esc(&piece.standfirst)
        );
    }
    let byline = byline_links(piece, "../");
    let _ = writeln!(
        main,
        "<p class=\"meta\">{}{}</p>",
        if byline.is_empty() {
            String::new()
        } else {
            format!("By {byline} · ")
        },
        time(site, piece.published_at)
    );
    main.push_str(&updates(site, piece));
    let _ = writeln!(
        main,
        "<div class=\"body\">\n{}</div>",
        body_html(&piece.body)
    );
    main.push_str(&about_and_poster(piece));
    if !piece.related.is_empty() {
        main.push_str("<section class=\"check-also\">\n<h2>Check also</h2>\n");
        main.push_str(&piece_list(site, "../", &piece.related));
        main.push_str("</section>\n");
    }
    main.push_str("</article>\n");
    page(
        site,
        "../",
        &format!("{} — {}", piece.headline, site.name),
        &piece.standfirst,
        &main,
    )
}

/// What stands at a withdrawn piece's address: a notice, not the text.
pub fn withdrawn_page(site: &SiteInfo, piece: &Piece) -> String {
    let when = piece.withdrawn_at.unwrap_or(piece.published_at);
    let main = format!(
        "<article>\n<h1>{}</h1>\n<p class=\"withdrawn\">This article was withdrawn on {}. \
         It is no longer published by {}.</p>\n</article>\n",
        esc(&piece.headline),
        time(site, when),
        esc(&site.name)
    );
    page(
        site,
        "../",
        &format!("Withdrawn: {} — {}", piece.headline, site.name),
        "This article was withdrawn.",
        &main,
    )
}

/// A contributor's page: their bio and their published pieces.
pub fn contributor_page(site: &SiteInfo, author: &AuthorPage) -> String {
    let mut main = format!("<h1>{}</h1>\n", esc(&author.name));
    if !author.affiliation.is_empty() {
        let _ = writeln!(main, "<p class=\"meta\">{}</p>", esc(&author.affiliation));
    }
    if !author.bio.is_empty() {
        let _ = writeln!(main, "<p>{}</p>", esc(&author.bio));
    }
    main.push_str("<h2>Articles</h2>\n");
    if author.pieces.is_empty() {
        main.push_str("<p>No articles are published at the moment.</p>\n");
    } else {
        main.push_str(&piece_list(site, "../", &author.pieces));
    }
    page(
        site,
        "../",
        &format!("{} — {}", author.name, site.name),
        &format!("Articles by {}", author.name),
        &main,
    )
}

/// The front page: the latest pieces.
pub fn index_page(site: &SiteInfo, latest: &[PieceLink]) -> String {
    let mut main = format!("<h1>{}</h1>\n", esc(&site.name));
    if latest.is_empty() {
        main.push_str("<p>Nothing is published yet.</p>\n");
    } else {
        main.push_str(&piece_list(site, "", latest));
    }
    page(
        site,
        "",
        &site.name,
        &format!("The latest from {}", site.name),
        &main,
    )
}
