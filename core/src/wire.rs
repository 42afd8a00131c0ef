//! How wire types read what serde cannot tell by itself.

use serde::{Deserialize, Deserializer};

/// For a field that can be left out (keep it as it is), given as null (clear it) or given a
/// value: `#[serde(default, deserialize_with = "double_option")]` on an `Option<Option<T>>`.
pub(crate) fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Edit {
        #[serde(default, deserialize_with = "double_option")]
        section: Option<Option<String>>,
    }

    #[test]
    fn absent_null_and_value_are_three_things() {
        let read = |s: &str| serde_json::from_str::<Edit>(s).unwrap().section;
        assert_eq!(read("{}"), None);
        assert_eq!(read(r#"{"section": null}"#), Some(None));
        assert_eq!(read(r#"{"section": "News"}"#), Some(Some("News".into())));
    }
}
