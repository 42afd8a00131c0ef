//! Front matter: the title, standfirst, authors (with their e-mail, affiliation and bio), section
//! and tags a Markdown file declares about itself, in YAML between `---` lines (Jekyll, Ghost,
//! Obsidian) or TOML between `+++` lines (Hugo). Both are read into one shape of values, so the
//! keys mean the same in either.

use saphyr::{LoadableYamlNode, ScalarOwned, YamlOwned};

use crate::import::{BadFile, Meta, MetaAuthor};
use crate::text::one_line;

/// Which language a front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    Yaml,
    Toml,
}

/// A front matter value, whichever language gave it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// Text, numbers, dates and booleans, as text.
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    Nothing,
}

/// The front matter and the body after it. YAML opens with a first line `---` and closes with
/// `---` or `...`; TOML opens and closes with `+++`.
pub(super) fn split_front_matter(source: &str) -> Option<(Syntax, &str, &str)> {
    let first_end = source.find('\n')?;
    let (syntax, closers): (Syntax, &[&str]) = match source[..first_end].trim_end() {
        "---" => (Syntax::Yaml, &["---", "..."]),
        "+++" => (Syntax::Toml, &["+++"]),
        _ => return None,
    };
    let mut offset = first_end + 1;
    while offset <= source.len() {
        let end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = source[offset..end].trim_end();
        if closers.contains(&line) {
            let matter = &source[first_end + 1..offset];
            let body = source.get(end + 1..).unwrap_or("");
            return Some((syntax, matter, body));
        }
        if end == source.len() {
            break;
        }
        offset = end + 1;
    }
    None
}

pub(super) fn front_matter(
    syntax: Syntax,
    text: &str,
    warnings: &mut Vec<String>,
) -> Result<Meta, BadFile> {
    let root = match syntax {
        Syntax::Yaml => yaml(text)?,
        Syntax::Toml => toml(text)?,
    };
    let map = match root {
        Value::Map(map) => map,
        Value::Nothing => return Ok(Meta::default()),
        _ => {
            return Err(BadFile::new(
                "has front matter that is not valid YAML (it is not a list of `key: value` lines)",
            ));
        }
    };
    // Zola keeps taxonomies and a theme's own keys in tables ("[taxonomies]", "[extra]"), Hugo
    // in "params": their keys mean what they mean at the top, which wins.
    let (nested, mut map): (Vec<_>, Vec<_>) = map.into_iter().partition(|(k, v)| {
        matches!(k.to_lowercase().as_str(), "taxonomies" | "extra" | "params")
            && matches!(v, Value::Map(_))
    });
    for (_, table) in nested {
        if let Value::Map(entries) = table {
            map.extend(entries);
        }
    }
    let mut meta = Meta::default();
    let mut unknown = Vec::new();
    let mut single = MetaAuthor::default();
    let mut single_keys = Vec::new();
    let mut categories = None;
    let mut each_email = Vec::new();
    for (key, value) in map {
        match key.to_lowercase().as_str() {
            "title" | "headline" => {
                meta.title = meta.title.take().or(text_of(&value).map(|t| marks_off(&t)));
            }
            "standfirst" | "subtitle" | "description" | "dek" | "deck" | "summary" | "excerpt"
            | "custom_excerpt" | "lede" | "lead" => {
                meta.standfirst = meta
                    .standfirst
                    .take()
                    .or(text_of(&value).map(|t| marks_off(&t)));
            }
            "author" | "authors" | "byline" => meta.authors.extend(authors(&value)),
            // Themes name the one author's fields after them: `author_bio`, `author_email`.
            // "author_emails = ["…", "…"]" beside "authors = [A, B]": the writers' addresses,
            // in the order the writers are named.
            "emails" | "author_emails" | "author-emails" | "authors_emails" => {
                each_email = list_of(&value);
            }
            "email" | "author_email" | "author-email" => {
                set_single(&mut single.email, &value, "email", &mut single_keys)
            }
            "affiliation" | "author_affiliation" | "author-affiliation" => set_single(
                &mut single.affiliation,
                &value,
                "affiliation",
                &mut single_keys,
            ),
            "bio" | "author_bio" | "author-bio" => {
                set_single(&mut single.bio, &value, "bio", &mut single_keys)
            }
            // Jekyll's categories, Ghost's primary tag: the first names the section.
            "section" | "category" | "primary_tag" => {
                meta.section = meta.section.take().or(first_name(&value));
            }
            "categories" => categories = Some(value),
            "tags" | "tag" | "keywords" => meta.tags.extend(tags(&value)),
            // An address under a key of the theme's own ("contact") is told with the key, so
            // that it can still reach the writer it spells.
            _ => match text_of(&value).and_then(|v| crate::import::contact::find_email(&v)) {
                Some(email) => unknown.push(format!("{key} ({email})")),
                None => unknown.push(key),
            },
        }
    }
    // Categories beside tags file the piece (Jekyll, Hugo); without tags, several categories
    // are its tags (Quarto).
    if let Some(value) = categories {
        let list = tags(&value);
        if meta.tags.is_empty() && list.len() > 1 {
            meta.tags = list;
        } else {
            meta.section = meta.section.take().or(first_name(&value));
        }
    }
    if each_email.len() == meta.authors.len() {
        for (author, email) in meta.authors.iter_mut().zip(each_email) {
            if author.email.is_none() {
                author.email = crate::import::contact::find_email(&email);
            }
        }
    }
    if !single_keys.is_empty() {
        if let [author] = meta.authors.as_mut_slice() {
            author.email = author.email.take().or(single.email);
            author.affiliation = author.affiliation.take().or(single.affiliation);
            author.bio = author.bio.take().or(single.bio);
        } else {
            warnings.push(format!(
                "left out front matter {}: {}",
                single_keys.join(", "),
                if meta.authors.is_empty() {
                    "no author is named"
                } else {
                    "there are several authors"
                }
            ));
        }
    }
    dedupe(&mut meta.tags);
    if !unknown.is_empty() {
        warnings.push(format!(
            "left out front matter keys: {}",
            unknown.join(", ")
        ));
    }
    Ok(meta)
}

fn yaml(text: &str) -> Result<Value, BadFile> {
    let documents = YamlOwned::load_from_str(text).map_err(|e| {
        BadFile::new(format!(
            "has front matter that is not valid YAML (line {}: {})",
            e.marker().line() + 1,
            e.info()
        ))
    })?;
    Ok(documents
        .into_iter()
        .next()
        .map_or(Value::Nothing, from_yaml))
}

fn from_yaml(value: YamlOwned) -> Value {
    match value {
        YamlOwned::Tagged(_, inner) => from_yaml(*inner),
        YamlOwned::Sequence(items) => Value::List(items.into_iter().map(from_yaml).collect()),
        YamlOwned::Mapping(map) => Value::Map(
            map.into_iter()
                .filter_map(|(k, v)| match from_yaml(k) {
                    Value::Text(key) => Some((key, from_yaml(v))),
                    _ => None,
                })
                .collect(),
        ),
        YamlOwned::Value(ScalarOwned::String(s)) => Value::Text(s),
        YamlOwned::Value(ScalarOwned::Integer(i)) => Value::Text(i.to_string()),
        YamlOwned::Value(ScalarOwned::FloatingPoint(f)) => Value::Text(f.to_string()),
        YamlOwned::Value(ScalarOwned::Boolean(b)) => Value::Text(b.to_string()),
        YamlOwned::Representation(s, _, _) => Value::Text(s),
        _ => Value::Nothing,
    }
}

fn toml(text: &str) -> Result<Value, BadFile> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        BadFile::new(format!(
            "has front matter that is not valid TOML ({})",
            one_line(e.message())
        ))
    })?;
    Ok(from_toml(toml::Value::Table(table)))
}

fn from_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::Text(s),
        toml::Value::Integer(i) => Value::Text(i.to_string()),
        toml::Value::Float(f) => Value::Text(f.to_string()),
        toml::Value::Boolean(b) => Value::Text(b.to_string()),
        toml::Value::Datetime(d) => Value::Text(d.to_string()),
        toml::Value::Array(items) => Value::List(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => {
            Value::Map(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect())
        }
    }
}

/// Email, affiliation and bio given beside `author`: kept for a single author.
fn set_single(
    slot: &mut Option<String>,
    value: &Value,
    key: &'static str,
    keys: &mut Vec<&'static str>,
) {
    if let Some(text) = text_of(value) {
        *slot = Some(text);
        keys.push(key);
    }
}

/// A title's words without the Markdown marks Quarto and Pandoc let it carry ("Review: *The Long
/// Afternoon* asks …"): a headline and a standfirst are plain text. Only a title that reads as one
/// paragraph of inline Markdown loses them: "1. Introduction" or "# Notes" is kept as written,
/// and so is a title with no mark at all.
fn marks_off(title: &str) -> String {
    use comrak::nodes::NodeValue;
    if !title.contains(['*', '_', '`']) {
        return title.to_string();
    }
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, title, &comrak::Options::default());
    let one_paragraph = root.children().count() == 1
        && root
            .first_child()
            .is_some_and(|p| matches!(p.data().value, NodeValue::Paragraph));
    let marked = root.descendants().any(|n| {
        matches!(
            n.data().value,
            NodeValue::Emph | NodeValue::Strong | NodeValue::Code(_)
        )
    });
    if !one_paragraph || !marked {
        return title.to_string();
    }
    let mut out = String::new();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    one_line(&out)
}

/// A value's text, trimmed; `None` for nothing, empty text and collections.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Text(s) => {
            let text = one_line(s);
            (!text.is_empty()).then_some(text)
        }
        _ => None,
    }
}

/// A list's items as text; a single text as a list of one.
fn list_of(value: &Value) -> Vec<String> {
    match value {
        Value::List(items) => items.iter().filter_map(text_of).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

/// The first item of a list, or the value itself; a map by its `name`.
fn first_name(value: &Value) -> Option<String> {
    match value {
        Value::List(items) => items.iter().find_map(first_name),
        Value::Map(map) => map
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("name"))
            .and_then(|(_, v)| text_of(v)),
        other => text_of(other),
    }
}

/// `author: Name`, `authors: [A, B]`, or a list of maps with name, email, affiliation and bio.
fn authors(value: &Value) -> Vec<MetaAuthor> {
    match value {
        Value::List(items) => items.iter().flat_map(authors).collect(),
        Value::Map(map) => {
            let mut author = MetaAuthor::default();
            for (key, value) in map {
                // Quarto: `affiliations: [{name: …}]`.
                if key.eq_ignore_ascii_case("affiliations") {
                    author.affiliation = author.affiliation.take().or(first_name(value));
                    continue;
                }
                let Some(value) = text_of(value) else {
                    continue;
                };
                match key.to_lowercase().as_str() {
                    "name" => author.name = value,
                    "email" => author.email = Some(value),
                    "affiliation" => author.affiliation = Some(value),
                    "bio" => author.bio = Some(value),
                    _ => {}
                }
            }
            if author.name.is_empty() {
                Vec::new()
            } else {
                vec![author]
            }
        }
        other => {
            let Some(text) = text_of(other) else {
                return Vec::new();
            };
            // Obsidian: `authors: "[[Ruairí Ó Briain]], [[Henrike Vogt]]"`, each writer a link to
            // their note (`[[Name|shown as]]` shows the alias): the writers are the links' names.
            let linked: Vec<String> = text
                .split("[[")
                .skip(1)
                .filter_map(|part| part.split_once("]]"))
                .map(|(inner, _)| {
                    let shown = inner.rsplit('|').next().unwrap_or(inner);
                    shown.split('#').next().unwrap_or(shown).trim().to_string()
                })
                .filter(|name| !name.is_empty())
                .collect();
            let names = if linked.is_empty() {
                vec![text]
            } else {
                linked
            };
            names
                .into_iter()
                .map(|name| MetaAuthor {
                    name,
                    ..MetaAuthor::default()
                })
                .collect()
        }
    }
}

/// A list of tags, or one string of tags separated by commas.
fn tags(value: &Value) -> Vec<String> {
    match value {
        Value::List(items) => items.iter().flat_map(tags).collect(),
        Value::Map(_) => first_name(value).into_iter().collect(),
        other => text_of(other)
            .map(|s| {
                s.split(',')
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn dedupe(items: &mut Vec<String>) {
    let mut seen = Vec::new();
    items.retain(|item| {
        let key = item.to_lowercase();
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}
