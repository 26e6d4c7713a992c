//! Inputs that once broke the core, found by the property tests and the fuzzers, each named
//! after what broke. They run with `cargo test`; keep every one.

mod invariants;

use copydesk::text::{Encoding, LineIndex};
use copydesk::{Config, Document, Format};

fn analyze_both_formats(text: &str) {
    for format in [Format::Markdown, Format::Plain] {
        let doc = Document::new(text, format);
        let analysis = copydesk::analyze(&doc, &Config::default());
        if let Err(e) = invariants::check_analysis(&doc, &analysis) {
            panic!("{format:?} {text:?}: {e}");
        }
    }
}

/// An inner quotation opened with a curly `‘` (3 bytes) and closed with a straight `'` (1 byte)
/// put its content's start inside the opening mark (proptest).
#[test]
fn inner_quote_opened_curly_closed_straight() {
    analyze_both_formats("“\t‘0' ");
    analyze_both_formats("“He said ‘no' twice,” she said.");
}

/// A `\r` that ends the text (no `\n` after it) was taken for half of a line break, so the
/// offset after it converted to line/column and back landed before it (proptest).
#[test]
fn carriage_return_at_the_end_of_the_text() {
    for text in ["\r", "one\r", "a\r\nb\r"] {
        let index = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let lc = index.line_col(text, text.len(), enc);
            assert_eq!(
                index.offset(text, lc, enc),
                Some(text.len()),
                "{text:?} {enc:?}"
            );
        }
    }
}

/// One fix whose own edits overlap (`0..4` and `1..1`) made `apply_fixes` slice the text
/// backwards and panic (fuzz target `edits`); such a fix is now skipped whole.
#[test]
fn a_fix_whose_edits_overlap_each_other() {
    use copydesk::finding::{Applicability, Edit, Fix, apply_fixes};
    let fix = Fix {
        title: "edit".into(),
        applicability: Applicability::Safe,
        edits: vec![
            Edit {
                start: 0,
                end: 4,
                replacement: String::new(),
            },
            Edit {
                start: 1,
                end: 1,
                replacement: String::new(),
            },
        ],
    };
    assert_eq!(
        apply_fixes("!\u{1c}\\<", [&fix]),
        ("!\u{1c}\\<".to_owned(), 0)
    );
}
