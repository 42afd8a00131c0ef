//! The .docx reader, then recognition: read or refused with words, never a panic; a recognised
//! body keeps to the allowlist. Half the mutations are libFuzzer's on the file's bytes (the zip
//! itself), half on one XML part inside it, zipped again (copydesk_fuzz::mutate_docx_part).
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};

fuzz_target!(|data: &[u8]| copydesk_fuzz::import_holds("piece.docx", data));

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    if seed % 2 == 0
        && let Some(len) = copydesk_fuzz::mutate_docx_part(data, size, max_size, seed / 2)
    {
        return len;
    }
    fuzzer_mutate(data, size, max_size)
});
