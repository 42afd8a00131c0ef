//! List numbering (numbering.xml): whether a list level is ordered, where it starts, whether it
//! shows a number at all.

use std::collections::HashMap;

use roxmltree::Node;

use super::xml::{attr, child, local, val};

/// `w:numPr`: the numbering id and level; `numId` 0 means no numbering.
pub(super) fn num_pr(node: Node) -> Option<(String, u8)> {
    let id = val(child(node, "numId"))?;
    let level = val(child(node, "ilvl"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_owned(), level))
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Level {
    pub(super) ordered: bool,
    pub(super) start: u32,
    /// `numFmt` "none": the level shows no number or bullet (LibreOffice's outline numbering of
    /// headings), so its paragraphs are not list items.
    pub(super) shown: bool,
}

#[derive(Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    nums: HashMap<String, String>,
}

impl Numbering {
    pub(super) fn parse(doc: &roxmltree::Document) -> Numbering {
        let mut numbering = Numbering::default();
        for node in doc.root_element().children().filter(|n| n.is_element()) {
            match local(node) {
                "abstractNum" => {
                    let Some(id) = attr(node, "abstractNumId") else {
                        continue;
                    };
                    let levels = node
                        .children()
                        .filter(|n| local(*n) == "lvl")
                        .filter_map(|lvl| {
                            let level: u8 = attr(lvl, "ilvl")?.parse().ok()?;
                            let format = val(child(lvl, "numFmt"));
                            let ordered = match format {
                                Some(format) => !matches!(format, "bullet" | "none"),
                                None => val(child(lvl, "lvlText")).is_some_and(|t| t.contains('%')),
                            };
                            let start = val(child(lvl, "start"))
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                            let shown = format != Some("none");
                            Some((
                                level,
                                Level {
                                    ordered,
                                    start,
                                    shown,
                                },
                            ))
                        })
                        .collect();
                    numbering.abstracts.insert(id.to_owned(), levels);
                }
                "num" => {
                    if let (Some(id), Some(abstract_id)) =
                        (attr(node, "numId"), val(child(node, "abstractNumId")))
                    {
                        numbering.nums.insert(id.to_owned(), abstract_id.to_owned());
                    }
                }
                _ => {}
            }
        }
        numbering
    }

    pub(super) fn level(&self, num_id: &str, level: u8) -> Option<Level> {
        self.abstracts
            .get(self.nums.get(num_id)?)?
            .get(&level)
            .copied()
    }
}
