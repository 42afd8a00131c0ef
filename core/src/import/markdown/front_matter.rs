//! YAML front matter: the title, standfirst, authors (with their e-mail, affiliation and bio),
//! section and tags a Markdown file declares about itself.

use saphyr::{LoadableYamlNode, ScalarOwned, YamlOwned};

use crate::import::{BadFile, Meta, MetaAuthor};
use crate::text::one_line;

/// The front matter's YAML and the body after it. The front matter opens with a first line `---`
/// and closes with a line `---` or `...`.
pub(super) fn split_front_matter(source: &str) -> Option<(&str, &str)> {
    let first_end = source.find('\n')?;
    if source[..first_end].trim_end() != "---" {
        return None;
    }
    let mut offset = first_end + 1;
    while offset <= source.len() {
        let end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = source[offset..end].trim_end();
        if line == "---" || line == "..." {
            let yaml = &source[first_end + 1..offset];
            let body = source.get(end + 1..).unwrap_or("");
            return Some((yaml, body));
        }
        if end == source.len() {
            break;
        }
        offset = end + 1;
    }
    None
}

pub(super) fn front_matter(yaml: &str, warnings: &mut Vec<String>) -> Result<Meta, BadFile> {
    let documents = YamlOwned::load_from_str(yaml).map_err(|e| {
        BadFile::new(format!(
            "has front matter that is not valid YAML (line {}: {})",
            e.marker().line() + 1,
            e.info()
        ))
    })?;
    let mut meta = Meta::default();
    let Some(root) = documents.into_iter().next() else {
        return Ok(meta);
    };
    let YamlOwned::Mapping(map) = untag(root) else {
        return Err(BadFile::new(
            "has front matter that is not valid YAML (it is not a list of `key: value` lines)",
        ));
    };
    let mut unknown = Vec::new();
    let mut single = MetaAuthor::default();
    let mut single_keys = Vec::new();
    for (key, value) in map {
        let Some(key) = scalar(&key) else {
            continue;
        };
        let value = untag(value);
        match key.to_lowercase().as_str() {
            "title" => meta.title = meta.title.take().or(scalar(&value)),
            "standfirst" | "subtitle" | "description" | "dek" | "summary" | "excerpt" | "lede"
            | "lead" => {
                meta.standfirst = meta.standfirst.take().or(scalar(&value));
            }
            "author" | "authors" => meta.authors.extend(authors(value)),
            "email" => set_single(&mut single.email, &value, "email", &mut single_keys),
            "affiliation" => set_single(
                &mut single.affiliation,
                &value,
                "affiliation",
                &mut single_keys,
            ),
            "bio" => set_single(&mut single.bio, &value, "bio", &mut single_keys),
            "section" => meta.section = meta.section.take().or(first_scalar(&value)),
            "tags" | "tag" | "keywords" => meta.tags.extend(tags(&value)),
            _ => unknown.push(key),
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

/// Email, affiliation and bio given beside `author`: kept for a single author.
fn set_single(
    slot: &mut Option<String>,
    value: &YamlOwned,
    key: &'static str,
    keys: &mut Vec<&'static str>,
) {
    if let Some(text) = scalar(value) {
        *slot = Some(text);
        keys.push(key);
    }
}

fn untag(value: YamlOwned) -> YamlOwned {
    match value {
        YamlOwned::Tagged(_, inner) => untag(*inner),
        other => other,
    }
}

/// A scalar's text, trimmed; `None` for nulls, empty text and collections.
fn scalar(value: &YamlOwned) -> Option<String> {
    let text = match value {
        YamlOwned::Value(ScalarOwned::String(s)) => s.clone(),
        YamlOwned::Value(ScalarOwned::Integer(i)) => i.to_string(),
        YamlOwned::Value(ScalarOwned::FloatingPoint(f)) => f.to_string(),
        YamlOwned::Value(ScalarOwned::Boolean(b)) => b.to_string(),
        YamlOwned::Representation(s, _, _) => s.clone(),
        YamlOwned::Tagged(_, inner) => return scalar(inner),
        _ => return None,
    };
    let text = one_line(&text);
    (!text.is_empty()).then_some(text)
}

fn first_scalar(value: &YamlOwned) -> Option<String> {
    match value {
        YamlOwned::Sequence(items) => items.iter().find_map(scalar),
        other => scalar(other),
    }
}

/// `author: Name`, `authors: [A, B]`, or a list of maps with name, email, affiliation and bio.
fn authors(value: YamlOwned) -> Vec<MetaAuthor> {
    match value {
        YamlOwned::Sequence(items) => items.into_iter().flat_map(authors).collect(),
        YamlOwned::Mapping(map) => {
            let mut author = MetaAuthor::default();
            for (key, value) in map {
                let (Some(key), Some(value)) = (scalar(&key), scalar(&untag(value))) else {
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
        other => scalar(&other)
            .map(|name| MetaAuthor {
                name,
                ..MetaAuthor::default()
            })
            .into_iter()
            .collect(),
    }
}

/// A YAML list of tags, or one string of tags separated by commas.
fn tags(value: &YamlOwned) -> Vec<String> {
    match value {
        YamlOwned::Sequence(items) => items.iter().flat_map(tags).collect(),
        other => scalar(other)
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
