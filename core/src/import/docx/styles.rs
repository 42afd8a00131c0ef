//! Paragraph and character styles (styles.xml): what a style's id or name says (Title, Subtitle,
//! Heading n, Quote, List), and the marks and numbering it passes to what is based on it.

use std::collections::HashMap;

use super::numbering::num_pr;
use super::xml::{attr, child, local, on_off, val};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StyleKind {
    Title,
    Subtitle,
    Heading(u8),
    Quote,
    List { ordered: bool },
    ListParagraph,
}

/// What a style's id or name says, compared without case, spaces, hyphens and underscores.
fn style_kind(id_or_name: &str) -> Option<StyleKind> {
    let key: String = id_or_name
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "title" => return Some(StyleKind::Title),
        "subtitle" => return Some(StyleKind::Subtitle),
        "quote" | "intensequote" | "quotations" | "quotation" | "blocktext" => {
            return Some(StyleKind::Quote);
        }
        "listparagraph" => return Some(StyleKind::ListParagraph),
        _ => {}
    }
    if let Some(level) = key.strip_prefix("heading") {
        return match level.parse::<u8>() {
            Ok(n @ 1..=9) => Some(StyleKind::Heading(n.min(6))),
            _ => None,
        };
    }
    let numbered = key.strip_prefix("listnumber");
    let bulleted = key.strip_prefix("listbullet");
    match (numbered, bulleted) {
        (Some(rest), _) if rest.chars().all(|c| c.is_ascii_digit()) => {
            Some(StyleKind::List { ordered: true })
        }
        (_, Some(rest)) if rest.chars().all(|c| c.is_ascii_digit()) => {
            Some(StyleKind::List { ordered: false })
        }
        _ => None,
    }
}

#[derive(Debug, Default, Clone)]
pub(super) struct Style {
    name: String,
    based_on: Option<String>,
    pub(super) bold: Option<bool>,
    pub(super) italic: Option<bool>,
    pub(super) num: Option<(String, u8)>,
    pub(super) outline: Option<u8>,
}

#[derive(Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    pub(super) fn parse(doc: &roxmltree::Document) -> Styles {
        let mut by_id = HashMap::new();
        for style in doc.descendants().filter(|n| local(*n) == "style") {
            let Some(id) = attr(style, "styleId") else {
                continue;
            };
            let ppr = child(style, "pPr");
            let rpr = child(style, "rPr");
            by_id.insert(
                id.to_owned(),
                Style {
                    name: val(child(style, "name")).unwrap_or_default().to_owned(),
                    based_on: val(child(style, "basedOn")).map(str::to_owned),
                    bold: on_off(rpr.and_then(|r| child(r, "b"))),
                    italic: on_off(rpr.and_then(|r| child(r, "i"))),
                    num: ppr.and_then(|p| child(p, "numPr")).and_then(num_pr),
                    outline: val(ppr.and_then(|p| child(p, "outlineLvl")))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        Styles { by_id }
    }

    /// The style and those it is based on, nearest first (a loop is cut).
    fn chain<'s>(&'s self, id: &'s str) -> Vec<(&'s str, Option<&'s Style>)> {
        let mut out = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            if out.len() >= 16 || out.iter().any(|(seen, _)| *seen == id) {
                break;
            }
            let style = self.by_id.get(id);
            out.push((id, style));
            next = style.and_then(|s| s.based_on.as_deref());
        }
        out
    }

    /// A paragraph style's kind: by its id when the id is a known one, else by its name, else by
    /// the style it is based on.
    pub(super) fn kind(&self, id: &str) -> Option<StyleKind> {
        self.chain(id).into_iter().find_map(|(id, style)| {
            style_kind(id).or_else(|| style.and_then(|s| style_kind(&s.name)))
        })
    }

    pub(super) fn find<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        self.chain(id)
            .into_iter()
            .find_map(|(_, style)| style.and_then(&get))
    }
}
