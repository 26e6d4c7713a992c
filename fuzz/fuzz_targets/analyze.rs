//! The document model and every pass on arbitrary bytes, in both formats: no panic, and every
//! span of the result on character boundaries inside the text.

#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use copydesk::{Config, Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // What the CLI does with a file's bytes: refuse them clearly or read them as text.
    let _ = copydesk::source::decode(data.to_vec());
    let text = String::from_utf8_lossy(data);
    let mut config = Config::default();
    config.date_override = "2023-03-08".parse().ok();
    for format in [Format::Markdown, Format::Plain] {
        let doc = Document::new(text.as_ref(), format);
        let analysis = copydesk::analyze(&doc, &config);
        if let Err(e) = invariants::check_analysis(&doc, &analysis) {
            panic!("{format:?}: {e}");
        }
    }
});
