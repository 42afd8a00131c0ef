//! Page furniture: what a page puts around its article (navigation, scripts, share buttons,
//! comments, adverts, related links), told by tag or by the words of a class, and counted for the
//! warning that names what was left out.

use markup5ever_rcdom::Handle;

use super::dom::{attr, children, class_words, find, is, name, text_content, within_article};

/// What page furniture an element is, by its tag or the words of its class and id.
pub(super) fn furniture(node: &Handle) -> Option<Part> {
    let part = match name(node)? {
        "script" | "noscript" => Part::Script,
        "style" => Part::Style,
        "template" | "svg" | "canvas" | "object" | "embed" | "select" | "input" | "textarea"
        | "dialog" => Part::Silent,
        "iframe" => Part::Frame,
        "form" => Part::Form,
        "button" => Part::Button,
        "nav" => Part::Navigation,
        "header" => Part::Header,
        "footer" => Part::Footer,
        "aside" => Part::Sidebar,
        "figure" => Part::Figure,
        "video" => Part::Video,
        "audio" => Part::Audio,
        "menu" => Part::Menu,
        _ => {
            if attr(node, "hidden").is_some()
                || attr(node, "aria-hidden").is_some_and(|v| v == "true")
            {
                return Some(Part::Silent);
            }
            if attr(node, "role").is_some_and(|r| r.eq_ignore_ascii_case("button")) {
                return Some(Part::Button);
            }
            let words = class_words(node);
            let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
            if has(&["share", "sharing", "social", "sharebar"]) {
                Part::Share
            } else if has(&["comment", "comments", "disqus", "respond"]) {
                Part::Comments
            } else if has(&["recommended", "teaser", "teasers"])
                || words.iter().any(|w| w.starts_with("related"))
            {
                Part::Related
            } else if has(&[
                "newsletter",
                "subscribe",
                "subscription",
                "signup",
                "form",
                "mc4wp",
            ]) {
                Part::Newsletter
            } else if has(&[
                "ad",
                "ads",
                "advert",
                "adverts",
                "advertisement",
                "adsbygoogle",
                "sponsored",
                "promo",
                "promotion",
                "cta",
                "donate",
                "donation",
                "petition",
                "action",
            ]) {
                Part::Advert
            } else if has(&["breadcrumb", "breadcrumbs"]) {
                Part::Breadcrumbs
            } else if has(&["cookie", "cookies", "consent", "gdpr"]) {
                Part::Cookie
            } else if has(&["menu", "navbar"]) {
                Part::Menu
            } else if has(&["pagination", "prev", "previous", "postnav", "navigation"]) {
                Part::Navigation
            } else if has(&["btn", "button", "actions", "toolbar", "tools", "tool"]) {
                Part::Button
            } else if has(&["views", "viewcount", "likes", "reactions", "counter"]) {
                Part::Silent
            } else if has(&[
                "posted",
                "dateline",
                "timestamp",
                "date",
                "published",
                "updated",
            ]) {
                Part::Date
            } else if has(&["tags", "tagcloud", "categories", "topics", "keywords"]) {
                Part::Tags
            } else if has(&["kicker", "eyebrow"]) {
                Part::Kicker
            } else {
                return None;
            }
        }
    };
    Some(part)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Script,
    Style,
    Frame,
    Form,
    Button,
    Navigation,
    Header,
    Footer,
    Sidebar,
    Figure,
    Video,
    Audio,
    Menu,
    Share,
    Comments,
    Related,
    Newsletter,
    Advert,
    Breadcrumbs,
    Cookie,
    Date,
    Tags,
    Kicker,
    /// Left out without a word: templates, graphics, form fields.
    Silent,
}

impl Part {
    /// How the part is named in the warning: one, and several (the same word when the part is
    /// not counted).
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Part::Script => ("script", "scripts"),
            Part::Style => ("style sheet", "style sheets"),
            Part::Frame => ("embedded frame", "embedded frames"),
            Part::Form => ("form", "forms"),
            Part::Button => ("button", "buttons"),
            Part::Navigation => ("navigation", "navigation"),
            Part::Header => ("page header", "page headers"),
            Part::Footer => ("page footer", "page footers"),
            Part::Sidebar => ("sidebar", "sidebars"),
            Part::Figure => ("figure", "figures"),
            Part::Video => ("video", "videos"),
            Part::Audio => ("audio", "audio"),
            Part::Menu => ("menu", "menus"),
            Part::Share => ("share buttons", "share buttons"),
            Part::Comments => ("comments", "comments"),
            Part::Related => ("related links", "related links"),
            Part::Newsletter => ("newsletter sign-up", "newsletter sign-ups"),
            Part::Advert => ("advert", "adverts"),
            Part::Breadcrumbs => ("breadcrumbs", "breadcrumbs"),
            Part::Cookie => ("cookie notice", "cookie notices"),
            Part::Date => ("publication date", "publication dates"),
            Part::Tags => ("tag list", "tag lists"),
            Part::Kicker => ("kicker", "kickers"),
            Part::Silent => ("", ""),
        }
    }
}

/// Page parts left out, counted, in the order first met.
#[derive(Default)]
pub(super) struct LeftOut(pub(super) Vec<(Part, usize)>);

impl LeftOut {
    pub(super) fn add(&mut self, part: Part) {
        if part == Part::Silent {
            return;
        }
        match self.0.iter_mut().find(|(p, _)| *p == part) {
            Some((_, count)) => *count += 1,
            None => self.0.push((part, 1)),
        }
    }

    pub(super) fn summary(&self) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let words: Vec<String> = self
            .0
            .iter()
            .map(|(part, count)| {
                let (one, several) = part.words();
                if one == several || *count == 1 {
                    one.to_owned()
                } else {
                    format!("{count} {several}")
                }
            })
            .collect();
        Some(words.join(", "))
    }
}

/// A `<header>` that holds the page's `<h1>` is the article's own header, not furniture.
fn article_header(node: &Handle) -> bool {
    is(node, "header") && find(node, &|n| is(n, "h1")).is_some()
}

/// An article's own header (its title), footer or author box (its author's bio, often), not the
/// page's.
pub(super) fn article_part(node: &Handle) -> bool {
    article_header(node)
        || (is(node, "footer") && within_article(node))
        || (is(node, "aside") && within_article(node) && author_box(node))
}

/// An aside about the writer: "author" or "bio" in its class, or a heading "About the author".
fn author_box(node: &Handle) -> bool {
    let words = class_words(node);
    let named = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "author" | "authors" | "bio" | "byline" | "contributor"
        )
    });
    named
        || find(node, &|n| {
            matches!(name(n), Some("h2" | "h3" | "h4" | "h5" | "h6" | "strong"))
        })
        .is_some_and(|h| text_content(&h).trim().to_lowercase().starts_with("about"))
}

/// Counts the furniture of the page outside the article (what is inside it is counted as it is
/// read).
pub(super) fn count_furniture(body: &Handle, content: Option<&Handle>, left_out: &mut LeftOut) {
    let mut stack = children(body);
    stack.reverse();
    while let Some(n) = stack.pop() {
        if content.is_some_and(|c| std::rc::Rc::ptr_eq(&n, c)) {
            continue;
        }
        if let Some(part) = furniture(&n)
            && !article_part(&n)
        {
            left_out.add(part);
            continue;
        }
        stack.extend(children(&n).into_iter().rev());
    }
}
