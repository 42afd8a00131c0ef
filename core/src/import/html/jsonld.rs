//! schema.org JSON-LD: what a page says of its article in `<script type="application/ld+json">`
//! (headline, description, authors, publisher, section, keywords). Pages nest it in `@graph`s and
//! arrays, and name authors by `@id` elsewhere in the graph; all of that is followed.

use markup5ever_rcdom::{Handle, NodeData};
use serde_json::{Map, Value};

use super::dom::{attr, find_all, is};
use crate::text::one_line;

/// The schema.org types that are an article.
const ARTICLE_TYPES: &str = "article newsarticle opinionnewsarticle analysisnewsarticle \
reportagenewsarticle backgroundnewsarticle reviewnewsarticle blogposting socialmediaposting \
scholarlyarticle report techarticle liveblogposting posting";

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct ArticleLd {
    pub headline: Option<String>,
    pub description: Option<String>,
    /// People named as authors, in order; an organisation as author is left out (it is the
    /// publisher, not a byline).
    pub authors: Vec<String>,
    /// An author's organisation, as their `worksFor` or `affiliation` names it.
    pub affiliations: Vec<(String, String)>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub keywords: Vec<String>,
}

/// The page's article, if its JSON-LD has one. A block that is not valid JSON is passed over.
pub(super) fn read(root: &Handle) -> Option<ArticleLd> {
    let scripts = find_all(root, &|n| {
        is(n, "script")
            && attr(n, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    });
    let mut nodes = Vec::new();
    for script in scripts {
        let text = script_text(&script);
        if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
            flatten(value, &mut nodes, 0);
        }
    }
    let article = nodes.iter().find(|n| is_article(n))?;
    let publisher = article
        .get("publisher")
        .and_then(|p| resolve(p, &nodes))
        .and_then(|p| string(p.get("name")));
    Some(ArticleLd {
        headline: string(article.get("headline")).or_else(|| string(article.get("name"))),
        description: string(article.get("description")),
        authors: people(article.get("author"), &nodes),
        affiliations: affiliations(article.get("author"), &nodes),
        publisher,
        section: first_string(article.get("articleSection")),
        keywords: keywords(article.get("keywords")),
    })
}

fn script_text(node: &Handle) -> String {
    node.children
        .borrow()
        .iter()
        .filter_map(|c| match &c.data {
            NodeData::Text { contents } => Some(contents.borrow().to_string()),
            _ => None,
        })
        .collect()
}

/// Every object of the JSON, `@graph`s and arrays opened.
fn flatten(value: Value, out: &mut Vec<Map<String, Value>>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten(item, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(map);
        }
        _ => {}
    }
}

fn types(node: &Map<String, Value>) -> Vec<String> {
    match node.get("@type") {
        Some(Value::String(t)) => vec![t.to_lowercase()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article(node: &Map<String, Value>) -> bool {
    types(node)
        .iter()
        .any(|t| ARTICLE_TYPES.split_whitespace().any(|a| a == t))
}

fn string(value: Option<&Value>) -> Option<String> {
    let s = one_line(value?.as_str()?);
    (!s.is_empty()).then_some(s)
}

fn first_string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Array(items) => items.iter().find_map(|i| string(Some(i))),
        v => string(Some(v)),
    }
}

/// An object given in place, or by its `@id` elsewhere in the graph.
fn resolve<'a>(
    value: &'a Value,
    nodes: &'a [Map<String, Value>],
) -> Option<&'a Map<String, Value>> {
    let map = value.as_object()?;
    if map.contains_key("name") {
        return Some(map);
    }
    let id = map.get("@id")?.as_str()?;
    nodes
        .iter()
        .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
}

fn people(value: Option<&Value>, nodes: &[Map<String, Value>]) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    let mut names = Vec::new();
    for item in items {
        let name = match item {
            Value::String(s) => Some(one_line(s)),
            v => resolve(v, nodes)
                .filter(|p| {
                    !types(p)
                        .iter()
                        .any(|t| t == "organization" || t.ends_with("organization"))
                })
                .and_then(|p| string(p.get("name"))),
        };
        if let Some(name) = name.filter(|n| !n.is_empty() && !names.contains(n)) {
            names.push(name);
        }
    }
    names
}

/// Each author's organisation: `"worksFor": {"@type": "Organization", "name": …}` (or
/// `affiliation`), in place, by `@id`, or as text; the first when several are given. An address
/// given for the organisation is no name of it. (The site's own publisher is kept: a think tank's
/// researchers work for the institute that publishes them.)
fn affiliations(value: Option<&Value>, nodes: &[Map<String, Value>]) -> Vec<(String, String)> {
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    let org_name = |v: &Value| {
        match v {
            Value::String(s) => Some(one_line(s)),
            v => resolve(v, nodes).and_then(|o| string(o.get("name"))),
        }
        .filter(|org| {
            !org.is_empty()
                && !org.contains("://")
                && !org.starts_with("www.")
                && !org.starts_with('/')
        })
    };
    items
        .into_iter()
        .filter_map(|item| resolve(item, nodes))
        .filter_map(|person| {
            let name = string(person.get("name"))?;
            let org = ["worksFor", "affiliation"]
                .iter()
                .filter_map(|k| person.get(*k))
                .find_map(|v| match v {
                    Value::Array(orgs) => orgs.iter().find_map(org_name),
                    v => org_name(v),
                })?;
            Some((name, org))
        })
        .collect()
}

fn keywords(value: Option<&Value>) -> Vec<String> {
    let raw: Vec<String> = match value {
        Some(Value::Array(items)) => items.iter().filter_map(|i| string(Some(i))).collect(),
        Some(Value::String(s)) => s.split(',').map(one_line).collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for k in raw {
        if !k.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&k)) {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use html5ever::tendril::TendrilSink;
    use html5ever::{ParseOpts, parse_document};
    use markup5ever_rcdom::RcDom;

    use super::*;

    fn ld(html: &str) -> Option<ArticleLd> {
        let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html);
        read(&dom.document)
    }

    #[test]
    fn an_article_in_a_graph_with_its_author_by_id() {
        let got = ld(
            r##"<script type="application/ld+json">{"@context":"https://schema.org",
            "@graph":[{"@type":"NewsArticle","headline":"Small towns","description":"A dek.",
            "author":{"@id":"#p1"},"publisher":{"@id":"#org"},"articleSection":["Comment"],
            "keywords":"Migration, Greece"},
            {"@type":"Person","@id":"#p1","name":"Clara Whitfield"},
            {"@type":"Organization","@id":"#org","name":"Meridian Post"}]}</script>"##,
        )
        .unwrap();
        assert_eq!(
            got,
            ArticleLd {
                headline: Some("Small towns".into()),
                description: Some("A dek.".into()),
                authors: vec!["Clara Whitfield".into()],
                affiliations: vec![],
                publisher: Some("Meridian Post".into()),
                section: Some("Comment".into()),
                keywords: vec!["Migration".into(), "Greece".into()],
            }
        );
    }

    #[test]
    fn an_authors_organisation_in_place_by_id_or_as_text() {
        let got = ld(r##"<script type="application/ld+json">{"@graph":[
            {"@type":"Article","name":"Post","author":[
              {"@type":"Person","name":"A B","worksFor":{"@type":"Organization","name":"Meridian Institute"}},
              {"@type":"Person","name":"C D","affiliation":[{"@id":"#uni"}]},
              {"@type":"Person","name":"E F","worksFor":"Harbour Trust"},
              {"@type":"Person","name":"G H"}]},
            {"@type":"CollegeOrUniversity","@id":"#uni","name":"University of Wessex"}]}</script>"##)
        .unwrap();
        assert_eq!(got.authors, ["A B", "C D", "E F", "G H"]);
        assert_eq!(
            got.affiliations,
            [
                ("A B".to_string(), "Meridian Institute".to_string()),
                ("C D".to_string(), "University of Wessex".to_string()),
                ("E F".to_string(), "Harbour Trust".to_string()),
            ]
        );
    }

    /// An organisation given as its address gives no affiliation.
    #[test]
    fn an_address_is_no_affiliation() {
        let got = ld(r##"<script type="application/ld+json">{"@graph":[
            {"@type":"NewsArticle","name":"Post","author":[
              {"@type":"Person","name":"C D","worksFor":"https://example.org/about"}]}]}</script>"##)
        .unwrap();
        assert_eq!(got.authors, ["C D"]);
        assert!(got.affiliations.is_empty(), "{:?}", got.affiliations);
    }

    #[test]
    fn several_authors_an_organisation_left_out_and_broken_json_passed_over() {
        let got = ld(r##"<script type="application/ld+json">{not json</script>
            <script type="application/ld+json">[{"@type":"WebPage","name":"Site"},
            {"@type":["BlogPosting"],"name":"Post","author":[{"@type":"Person","name":"A B"},
            "C D",{"@type":"Organization","name":"The Review"}]}]</script>"##)
        .unwrap();
        assert_eq!(got.headline.as_deref(), Some("Post"));
        assert_eq!(got.authors, ["A B", "C D"]);
        assert_eq!(ld("<p>No data</p>"), None);
    }
}
