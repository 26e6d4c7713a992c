//! Properties of the core that must hold for any draft, checked on generated ones: spans on
//! character boundaries, fixes that converge, deterministic analysis, and line/column
//! conversions that round-trip in every encoding.

mod invariants;

use copydesk::finding::{Applicability, apply_fixes};
use copydesk::text::{Encoding, LineIndex};
use copydesk::{Config, Document, Format};
use proptest::prelude::*;

/// Pieces of news copy and of Markdown, in several scripts, with the marks the passes care
/// about; joined at random they make drafts that reach far more code than random strings.
const PIECES: &[&str] = &[
    "Police said ",
    "“We won,” she said. ",
    "\"It's over,\" ",
    "‘a coup,’ ",
    "yesterday ",
    "on Tuesday, Jan. 3, ",
    "last week ",
    "in 2021 ",
    "$3.5 million ",
    "1,200 workers ",
    "12% ",
    "Zoë Martínez ",
    "王毅 ",
    "Tokayev ",
    "Gov. Ruth Alder ",
    "the U.S. ",
    "reportedly ",
    "according to officials ",
    "— ",
    "... ",
    ". ",
    "? ",
    "\n",
    "\n\n",
    "\r\n",
    "# ",
    "- ",
    "> ",
    "1. ",
    "`code` ",
    "```\nyesterday\n```\n",
    "[link](http://x.org/today) ",
    "<!-- copydesk-disable-next-line -->\n",
    "<!-- note -->",
    "---\ndate: 2023-03-08\n---\n",
    "date 2023-03-08 ",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\u{feff}",
    "\u{200f}مرحبا ",
    "e\u{301}\u{302} ",
    "😀 ",
    "\t",
];

fn draft() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        1 => any::<String>(),
        1 => "[ -~“”‘’—…\n\r\t\u{e9}\u{4e00}]{0,300}",
    ]
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Markdown), Just(Format::Plain)]
}

fn config() -> Config {
    let mut c = Config::default();
    c.date_override = "2023-03-08".parse().ok();
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every span of the document model, every fact and every finding (with its related spans
    /// and fix edits) lies inside the text on character boundaries.
    #[test]
    fn spans_lie_on_character_boundaries(text in draft(), format in format()) {
        let doc = Document::new(text, format);
        let analysis = copydesk::analyze(&doc, &config());
        if let Err(e) = invariants::check_analysis(&doc, &analysis) {
            return Err(TestCaseError::fail(e));
        }
    }

    /// The same text gives the same analysis, byte for byte in JSON.
    #[test]
    fn analysis_is_deterministic(text in draft(), format in format()) {
        let run = || {
            let doc = Document::new(text.clone(), format);
            serde_json::to_string(&copydesk::analyze(&doc, &config())).unwrap_or_default()
        };
        prop_assert_eq!(run(), run());
    }

    /// "Fix all" (every safe fix, applied again on the result) settles within a few rounds.
    #[test]
    fn safe_fixes_converge(text in draft(), format in format()) {
        let mut text = text;
        let mut rounds = 0;
        loop {
            let doc = Document::new(text.clone(), format);
            let findings = copydesk::check(&doc, &config());
            let safe = findings
                .iter()
                .flat_map(|f| &f.fixes)
                .filter(|f| f.applicability == Applicability::Safe);
            let (next, applied) = apply_fixes(&text, safe);
            if applied == 0 || next == text {
                break;
            }
            rounds += 1;
            prop_assert!(rounds < 5, "still fixing after {} rounds: {:?}", rounds, next);
            text = next;
        }
    }

    /// Applying a finding's fix removes that finding: the same rule does not fire again on the
    /// text the fix wrote.
    #[test]
    fn a_fix_does_not_reintroduce_its_finding(text in draft(), format in format()) {
        let doc = Document::new(text.clone(), format);
        for finding in copydesk::check(&doc, &config()) {
            for fix in &finding.fixes {
                let (fixed, applied) = apply_fixes(&text, [fix]);
                if applied == 0 {
                    continue;
                }
                // Where the fix's first edit landed in the new text.
                let Some(edit) = fix.edits.iter().min_by_key(|e| e.start) else { continue };
                let landed = edit.start..edit.start + edit.replacement.len();
                let again = Document::new(fixed.clone(), format);
                let back = copydesk::check(&again, &config()).into_iter().find(|f| {
                    f.code == finding.code && f.start < landed.end.max(landed.start + 1)
                        && landed.start < f.end.max(f.start + 1)
                });
                prop_assert!(
                    back.is_none(),
                    "fixing {} with {:?} gave {:?}",
                    finding.code, fix.title, back
                );
            }
        }
    }

    /// Offset → line/column → offset is the identity in UTF-8, UTF-16 and characters, for every
    /// character boundary except the one inside a CRLF (no editor position points there).
    #[test]
    fn line_index_round_trips(text in "[a-z\n\r é王😀\u{301}]{0,200}") {
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            if offset > 0 && text.as_bytes().get(offset - 1) == Some(&b'\r')
                && text.as_bytes().get(offset) == Some(&b'\n')
            {
                continue;
            }
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
                let lc = index.line_col(&text, offset, enc);
                prop_assert_eq!(index.offset(&text, lc, enc), Some(offset), "{:?} {:?}", enc, lc);
            }
            let lc = index.line_col(&text, offset, Encoding::Utf16);
            let line_start = index.line_start(lc.line as usize).unwrap_or(0);
            prop_assert_eq!(
                lc.col as usize,
                text[line_start..offset].encode_utf16().count()
            );
        }
    }

    /// Fix edits of any shape (out of range, inside a character, overlapping) never break
    /// `apply_fixes`: it skips what it cannot apply and always returns valid text.
    #[test]
    fn apply_fixes_takes_any_edits(
        text in "[a-z é王😀]{0,40}",
        edits in prop::collection::vec((0usize..50, 0usize..10, "[a-z王]{0,3}"), 0..8),
    ) {
        let fixes: Vec<_> = edits
            .into_iter()
            .map(|(start, len, replacement)| {
                copydesk::finding::Fix::replace(
                    "edit",
                    start..start + len,
                    replacement,
                    Applicability::Safe,
                )
            })
            .collect();
        let (out, applied) = apply_fixes(&text, &fixes);
        prop_assert!(applied <= fixes.len());
        if applied == 0 {
            prop_assert_eq!(out, text);
        }
    }
}
