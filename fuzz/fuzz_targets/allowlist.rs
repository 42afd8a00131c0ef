//! The import's allowlist: what it returns holds no raw HTML, image, script, handler or link but
//! to a web or mail address, else a crash.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    copydesk_fuzz::allowlist_holds(&String::from_utf8_lossy(data));
});
