//! The .txt reader, then recognition: read or refused with words, never a panic; a recognised
//! body keeps to the allowlist.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| copydesk_fuzz::import_holds("piece.txt", data));
