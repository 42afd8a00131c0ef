//! A contributor's details set as a table: each row a label and its value.

use super::reader::Reader;
use crate::import::{Block, BlockKind};

/// The fields of a contributor's details, as a table's first column names them.
const FIELD_LABELS: [&str; 31] = [
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
    "images",
    "photos",
    "pictures",
    "conflicts of interest",
    "competing interests",
    "declarations",
    "biography",
];

/// "Author name", "Author bio (one sentence)", "Contributor e-mail": a template's label, as the
/// field it names ("name", "bio", "e-mail"); a name is the author.
pub(in crate::import) fn field_label(cell: &str) -> Option<String> {
    let lower = cell.trim().trim_end_matches(':').trim().to_lowercase();
    let lower = match lower.split_once('(') {
        Some((label, rest)) if rest.trim_end().ends_with(')') => label.trim().to_string(),
        _ => lower,
    };
    // "Suggested tags", "Proposed headline": the qualifier is the label's, as in a labelled line.
    let lower = ["suggested ", "proposed ", "preferred ", "working "]
        .iter()
        .find_map(|q| lower.strip_prefix(q))
        .filter(|f| FIELD_LABELS.contains(f))
        .map_or(lower.clone(), str::to_string);
    let field = ["author's ", "author ", "contributor's ", "contributor "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .filter(|f| FIELD_LABELS.contains(f))
        .unwrap_or(&lower);
    let field = if field == "name" { "author" } else { field };
    FIELD_LABELS.contains(&field).then(|| field.to_string())
}

impl Reader<'_> {
    /// A table row of two cells, a short label and its value ("Author" | "Giulia Ferraro"), is
    /// one labelled line, as a form on paper writes it: "Author: Giulia Ferraro".
    pub(super) fn labelled_row(&mut self, before: usize) {
        let [label, value] = &self.blocks[before..] else {
            return;
        };
        let plain = |b: &Block| b.kind == BlockKind::Paragraph;
        let Some(name) = field_label(&label.text) else {
            return;
        };
        if !(plain(label) && plain(value) && !value.text.is_empty()) {
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

#[cfg(test)]
mod tests {
    use super::field_label;

    #[test]
    fn a_template_labels_its_fields_in_its_own_words() {
        let cases = [
            ("Author name", Some("author")),
            ("Author email", Some("email")),
            ("Author bio (one sentence)", Some("bio")),
            ("Conflicts of interest", Some("conflicts of interest")),
            ("Images", Some("images")),
            ("Section:", Some("section")),
            ("Why touring is disappearing", None),
        ];
        for (cell, field) in cases {
            assert_eq!(field_label(cell).as_deref(), field, "{cell}");
        }
    }
}
