//! What every fuzz target checks, as panics, so that libFuzzer counts a violation as a crash: the
//! same properties as core/tests/readers_never_panic.rs, with the same check
//! (core/tests/support/safe_output.rs, included by path).

#[path = "../../core/tests/support/safe_output.rs"]
mod safe_output;

use std::io::{Cursor, Read, Write};

use copydesk_core::import;

pub use safe_output::{html_problem, markdown_problem};

/// A file read and recognised as the desk's import does: refused with words, or recognised into
/// a body that keeps to the allowlist. A panic inside is the fuzzer's crash as it is.
pub fn import_holds(file_name: &str, bytes: &[u8]) {
    let doc = match import::read(file_name, bytes) {
        Ok(doc) => doc,
        Err(bad) => {
            assert!(!bad.0.trim().is_empty(), "refused without a reason");
            return;
        }
    };
    match import::recognise(&doc) {
        Ok(rec) => {
            if let Some(problem) = markdown_problem(&rec.body) {
                panic!("recognised body: {problem}\n{:?}", rec.body);
            }
        }
        Err(bad) => assert!(!bad.0.trim().is_empty(), "refused without a reason"),
    }
}

/// Whatever the allowlist returns keeps to it.
pub fn allowlist_holds(markdown: &str) {
    let (kept, _) = import::keep_to_allowlist(markdown);
    if let Some(problem) = markdown_problem(&kept) {
        panic!("allowlist kept {problem}\nin {kept:?}");
    }
}

/// Whatever the site's renderer writes keeps to its allowlist.
pub fn renderer_holds(markdown: &str) {
    let html = copydesk_core::body_html(markdown);
    if let Some(problem) = html_problem(&html) {
        panic!("site renderer wrote {problem}\nin {html:?}");
    }
}

/// The .docx target's own mutation: the zip in `data` opened, one part (word/document.xml
/// three times in four) changed by libFuzzer's mutator, and zipped again, so the fuzzer works on
/// the XML inside and not only on compressed bytes whose checksums no longer match. `None` when
/// `data` is no zip, or the new one would not fit.
pub fn mutate_docx_part(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> Option<usize> {
    let mut zip = zip::ZipArchive::new(Cursor::new(&data[..size])).ok()?;
    let mut parts = Vec::new();
    let mut total = 0usize;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).ok()?;
        let name = entry.name().ok()?.into_owned();
        let mut bytes = Vec::new();
        (&mut entry)
            .take(8 * 1024 * 1024)
            .read_to_end(&mut bytes)
            .ok()?;
        total += bytes.len();
        if total > 16 * 1024 * 1024 {
            return None;
        }
        parts.push((name, bytes));
    }
    if parts.is_empty() {
        return None;
    }
    let main = parts.iter().position(|(n, _)| n == "word/document.xml");
    let which = match main {
        Some(i) if seed % 4 != 0 => i,
        _ => (seed as usize / 4) % parts.len(),
    };
    let part = &mut parts[which].1;
    let len = part.len();
    part.resize(len + len / 4 + 256, 0);
    let room = part.len();
    let new_len = libfuzzer_sys::fuzzer_mutate(part, len, room);
    part.truncate(new_len);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in &parts {
        out.start_file(name.as_str(), options).ok()?;
        out.write_all(bytes).ok()?;
    }
    let zipped = out.finish().ok()?.into_inner();
    if zipped.len() > max_size {
        return None;
    }
    data[..zipped.len()].copy_from_slice(&zipped);
    Some(zipped.len())
}
