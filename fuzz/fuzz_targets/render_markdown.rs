//! The site's Markdown renderer (comrak, then ammonia): only its allowlist's elements and
//! attributes, no script, handler or `javascript:`/`data:`/`vbscript:` URL, else a crash.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    copydesk_fuzz::renderer_holds(&String::from_utf8_lossy(data));
});
