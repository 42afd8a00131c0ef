//! Files for the tests that make or read them: a zip of parts (a .docx), and what is under a
//! folder. Shared by the tests of readers, hostile content and paths.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

/// A zip of these parts, stored (deflating in an unoptimised build would cost most of the time).
pub fn zip_of<N: AsRef<str>, D: AsRef<[u8]>>(parts: &[(N, D)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        zip.start_file(name.as_ref(), options).expect("a zip entry");
        zip.write_all(data.as_ref()).expect("a zip entry's bytes");
    }
    zip.finish().expect("a zip").into_inner()
}

/// Every file, folder and link under `root`, as paths relative to it (links are listed, never
/// followed).
pub fn everything_under(root: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder") {
            let entry = entry.expect("an entry");
            let path = entry.path();
            if entry.file_type().expect("a file type").is_dir() {
                stack.push(path.clone());
            }
            found.insert(path.strip_prefix(root).expect("inside").to_path_buf());
        }
    }
    found
}

/// Every file under `root` (not folders or links) with its text, by path relative to it.
pub fn text_files_under(root: &Path) -> Vec<(String, String)> {
    everything_under(root)
        .into_iter()
        .filter(|rel| std::fs::symlink_metadata(root.join(rel)).is_ok_and(|m| m.is_file()))
        .map(|rel| {
            let text = std::fs::read_to_string(root.join(&rel)).expect("a text file");
            (rel.display().to_string(), text)
        })
        .collect()
}
