//! A draft edited as in an editor: arbitrary edit sequences (at any offset, of any length,
//! overlapping or not) applied with `apply_fixes`, the result analysed after every edit, and
//! positions converted to line/column and back as the language server does.

#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use copydesk::finding::{Applicability, Edit, Fix, apply_fixes};
use copydesk::text::{Encoding, LineIndex};
use copydesk::{Config, Document, Format};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Step {
    /// Edits of one fix, as offsets into the current text (wrapped to its length + 8, so some
    /// fall past the end).
    edits: Vec<(u16, u16, String)>,
    plain: bool,
}

#[derive(Arbitrary, Debug)]
struct Session {
    text: String,
    steps: Vec<Step>,
}

fn config() -> Config {
    let mut c = Config::default();
    c.date_override = "2023-03-08".parse().ok();
    c
}

fuzz_target!(|session: Session| {
    let mut text = session.text;
    for step in session.steps.into_iter().take(16) {
        let bound = text.len() + 8;
        let edits = step
            .edits
            .into_iter()
            .take(4)
            .map(|(start, len, replacement)| {
                let start = start as usize % bound;
                Edit {
                    start,
                    end: start + len as usize % 16,
                    replacement,
                }
            })
            .collect();
        let fix = Fix {
            title: "edit".into(),
            applicability: Applicability::Safe,
            edits,
        };
        let (next, _) = apply_fixes(&text, [&fix]);
        text = next;
        let format = if step.plain { Format::Plain } else { Format::Markdown };
        let doc = Document::new(text.as_str(), format);
        let analysis = copydesk::analyze(&doc, &config());
        if let Err(e) = invariants::check_analysis(&doc, &analysis) {
            panic!("{format:?}: {e}");
        }
        let index = LineIndex::new(&text);
        for f in &analysis.findings {
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
                let lc = index.line_col(&text, f.start, enc);
                assert_eq!(index.offset(&text, lc, enc), Some(f.start), "{enc:?}");
            }
        }
    }
});
