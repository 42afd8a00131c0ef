//! Reading WordprocessingML elements: local names, attributes whatever their namespace, on/off
//! properties, a part's plain text.

use roxmltree::Node;

use crate::text::one_line;

pub(super) fn local<'a>(node: Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

/// An attribute by its local name, whatever its namespace.
pub(super) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

pub(super) fn child<'a, 'x>(node: Node<'a, 'x>, name: &str) -> Option<Node<'a, 'x>> {
    node.children()
        .find(|n| n.is_element() && local(*n) == name)
}

pub(super) fn val<'a>(node: Option<Node<'a, '_>>) -> Option<&'a str> {
    node.and_then(|n| attr(n, "val"))
}

/// An on/off property such as `<w:b/>`: on unless its value says off.
pub(super) fn on_off(node: Option<Node<'_, '_>>) -> Option<bool> {
    node.map(|n| !matches!(attr(n, "val"), Some("false" | "0" | "off" | "none")))
}

/// The text of a part of the document: its `w:t`, paragraphs and tabs as spaces.
pub(super) fn text_of(node: Node) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        match local(n) {
            "t" if n.is_element() => out.push_str(n.text().unwrap_or_default()),
            "p" | "tab" | "br" => out.push(' '),
            _ => {}
        }
    }
    one_line(&out)
}
