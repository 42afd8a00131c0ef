//! A contributor's details set as a table: each row a label and its value.

use super::reader::Reader;
use crate::import::{Block, BlockKind};

/// The fields of a contributor's details, as a table's first column names them.
const FIELD_LABELS: [&str; 24] = [
    "author",
    "authors",
    "author(s)",
    "byline",
    "name",
    "writer",
    "contributor",
    "affiliation",
    "affiliations",
    "institution",
    "organisation",
    "organization",
    "email",
    "e-mail",
    "section",
    "category",
    "tags",
    "keywords",
    "word count",
    "words",
    "title",
    "headline",
    "standfirst",
    "bio",
];

impl Reader<'_> {
    /// A table row of two cells, a short label and its value ("Author" | "Giulia Ferraro"), is
    /// one labelled line, as a form on paper writes it: "Author: Giulia Ferraro".
    pub(super) fn labelled_row(&mut self, before: usize) {
        let [label, value] = &self.blocks[before..] else {
            return;
        };
        let plain = |b: &Block| b.kind == BlockKind::Paragraph;
        let name = label.text.trim().trim_end_matches(':').trim();
        let is_label = FIELD_LABELS.contains(&name.to_lowercase().as_str());
        if !(plain(label) && plain(value) && is_label && !value.text.is_empty()) {
            return;
        }
        let row = Block {
            kind: BlockKind::Paragraph,
            markdown: format!("{name}: {}", value.markdown),
            text: format!("{name}: {}", value.text),
            emphasised: false,
        };
        self.blocks.truncate(before);
        self.blocks.push(row);
    }
}
