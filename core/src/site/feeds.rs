//! RSS 2.0, Atom and JSON Feed 1.1 of the latest pieces, and the sitemap of every page.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::html::esc;
use super::{Piece, SiteInfo, body_html};

fn article_url(site: &SiteInfo, piece: &Piece) -> String {
    format!("{}articles/{}.html", site.url, piece.page)
}

fn authors(piece: &Piece) -> Vec<String> {
    piece.byline.iter().map(|a| a.name.clone()).collect()
}

/// The last change a feed reports: its newest piece, or `now` for an empty feed.
fn updated(pieces: &[Piece], now: DateTime<Utc>) -> DateTime<Utc> {
    pieces.iter().map(|p| p.published_at).max().unwrap_or(now)
}

pub fn rss(site: &SiteInfo, pieces: &[Piece], now: DateTime<Utc>) -> String {
    use rss::extension::dublincore::DublinCoreExtension;
    let items = pieces
        .iter()
        .map(|p| {
            let mut item = rss::Item::default();
            item.set_title(p.headline.clone());
            item.set_link(article_url(site, p));
            item.set_guid(rss::Guid {
                value: article_url(site, p),
                permalink: true,
            });
            item.set_pub_date(p.published_at.to_rfc2822());
            // Readers render a description as HTML: the standfirst is text, so it is escaped
            // (once more than the XML does), or a standfirst of markup would run in them.
            item.set_description(super::html::esc(&p.standfirst));
            item.set_content(body_html(&p.body));
            if let Some(section) = &p.section {
                item.set_categories(vec![rss::Category {
                    name: section.clone(),
                    domain: None,
                }]);
            }
            let mut dc = DublinCoreExtension::default();
            dc.set_creators(authors(p));
            item.set_dublin_core_ext(dc);
            item
        })
        .collect::<Vec<_>>();
    let mut channel = rss::Channel::default();
    channel.set_title(site.name.clone());
    channel.set_link(format!("{}index.html", site.url));
    channel.set_description(super::html::esc(&format!("The latest from {}", site.name)));
    channel.set_language("en".to_string());
    channel.set_last_build_date(updated(pieces, now).to_rfc2822());
    channel.set_namespaces(
        [
            ("dc", "http://purl.org/dc/elements/1.1/"),
            ("content", "http://purl.org/rss/1.0/modules/content/"),
            ("atom", "http://www.w3.org/2005/Atom"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect::<std::collections::BTreeMap<_, _>>(),
    );
    channel.set_atom_ext(rss::extension::atom::AtomExtension {
        links: vec![rss::extension::atom::Link {
            href: format!("{}feed.xml", site.url),
            rel: "self".into(),
            mime_type: Some("application/rss+xml".into()),
            ..Default::default()
        }],
    });
    channel.set_items(items);
    channel.to_string()
}

pub fn atom(site: &SiteInfo, pieces: &[Piece], now: DateTime<Utc>) -> String {
    use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
    let link = |href: String, rel: &str| {
        let mut l = Link::default();
        l.set_href(href);
        l.set_rel(rel);
        l
    };
    let entries = pieces
        .iter()
        .map(|p| {
            let mut e = Entry::default();
            e.set_title(Text::plain(p.headline.clone()));
            e.set_id(article_url(site, p));
            e.set_updated(p.published_at.fixed_offset());
            e.set_published(Some(p.published_at.fixed_offset()));
            e.set_links(vec![link(article_url(site, p), "alternate")]);
            e.set_summary(Some(Text::plain(p.standfirst.clone())));
            let mut content = Content::default();
            content.set_value(body_html(&p.body));
            content.set_content_type("html".to_string());
            e.set_content(Some(content));
            e.set_authors(
                authors(p)
                    .into_iter()
                    .map(|name| {
                        let mut who = Person::default();
                        who.set_name(name);
                        who
                    })
                    .collect::<Vec<_>>(),
            );
            e
        })
        .collect::<Vec<_>>();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(site.name.clone()));
    feed.set_id(site.url.clone());
    feed.set_updated(updated(pieces, now).fixed_offset());
    feed.set_links(vec![
        link(format!("{}atom.xml", site.url), "self"),
        link(format!("{}index.html", site.url), "alternate"),
    ]);
    let mut publisher = Person::default();
    publisher.set_name(site.name.clone());
    feed.set_authors(vec![publisher]);
    feed.set_entries(entries);
    feed.to_string()
}

pub fn json_feed(site: &SiteInfo, pieces: &[Piece]) -> String {
    let items: Vec<serde_json::Value> = pieces
        .iter()
        .map(|p| {
            serde_json::json!({
                "id": article_url(site, p),
                "url": article_url(site, p),
                "title": p.headline,
                "summary": p.standfirst,
                "content_html": body_html(&p.body),
                "date_published": p.published_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "authors": authors(p).into_iter().map(|name| serde_json::json!({"name": name})).collect::<Vec<_>>(),
                "tags": p.tags,
            })
        })
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.name,
        "home_page_url": format!("{}index.html", site.url),
        "feed_url": format!("{}feed.json", site.url),
        "language": "en",
        "items": items,
    });
    serde_json::to_string_pretty(&feed).unwrap_or_default()
}

/// The sitemap of `pages` (paths relative to the site, with their last change).
pub fn sitemap(site: &SiteInfo, pages: &[(String, DateTime<Utc>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, at) in pages {
        let _ = writeln!(
            out,
            "<url><loc>{}{}</loc><lastmod>{}</lastmod></url>",
            esc(&site.url),
            esc(path),
            at.format("%Y-%m-%d")
        );
    }
    out.push_str("</urlset>\n");
    out
}
