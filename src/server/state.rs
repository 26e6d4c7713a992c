//! Open documents: their text as the client has it, and the newest analysis of it.
//!
//! Invariant: `text` is changed only by [`apply_changes`], in the order the client sent the
//! changes (the server runs notifications one at a time), and a [`Computed`] is stored only if
//! it was made from the document's current version.

use super::convert::Conv;
use crate::analysis::Analysis;
use crate::text::{Document, Encoding, LineIndex};
use std::path::PathBuf;
use std::sync::Arc;
use tower_lsp_server::ls_types as lsp;

/// One version of a document, analysed.
pub(crate) struct Computed {
    pub version: i32,
    pub doc: Document,
    /// `None` when the document is not checked (language not enabled, over the size limit, or
    /// the analysis panicked).
    pub analysis: Option<Analysis>,
}

/// An open document.
pub(crate) struct DocState {
    pub text: String,
    pub version: i32,
    pub language: String,
    pub path: Option<PathBuf>,
    pub computed: Option<Arc<Computed>>,
    /// An analysis task is running for this document; it picks up newer versions itself.
    pub busy: bool,
    /// The size-limit message was already shown for this document.
    pub warned_size: bool,
}

impl DocState {
    pub(crate) fn new(item: lsp::TextDocumentItem) -> DocState {
        DocState {
            path: item.uri.to_file_path().map(|p| p.into_owned()),
            text: item.text,
            version: item.version,
            // Neovim names plain text after its filetype, `text`; VS Code says `plaintext`.
            language: match item.language_id.as_str() {
                "text" => "plaintext".to_owned(),
                _ => item.language_id,
            },
            computed: None,
            busy: false,
            warned_size: false,
        }
    }

    /// Whether the stored analysis is of the current text.
    pub(crate) fn is_current(&self) -> bool {
        self.computed
            .as_ref()
            .is_some_and(|c| c.version == self.version)
    }
}

/// Apply one `didChange` batch in order. On an invalid range nothing is applied, so the text
/// is never left half-edited; the error says which change and why.
pub(crate) fn apply_changes(
    text: &mut String,
    changes: &[lsp::TextDocumentContentChangeEvent],
    enc: Encoding,
) -> Result<(), String> {
    let mut next = text.clone();
    for (i, change) in changes.iter().enumerate() {
        match change.range {
            None => next.clone_from(&change.text),
            Some(range) => {
                let lines = LineIndex::new(&next);
                let span = Conv::new(&next, &lines, enc)
                    .span(range)
                    .map_err(|e| format!("change {}: {e}", i + 1))?;
                next.replace_range(span.range(), &change.text);
            }
        }
    }
    *text = next;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The client's side: where an editor can put a cursor (a character boundary, never
    /// between the `\r` and `\n` of a line break), snapped down from byte `at`.
    fn cursor(text: &str, at: usize) -> usize {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n') {
            at -= 1;
        }
        at
    }

    /// The client's position of byte `at`: lines end at `\n`, columns count in `enc`.
    fn position(text: &str, at: usize, enc: Encoding) -> lsp::Position {
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let col = &before[line_start..];
        let col = match enc {
            Encoding::Utf8 => col.len(),
            Encoding::Utf16 => col.encode_utf16().count(),
            Encoding::Chars => col.chars().count(),
        };
        lsp::Position::new(before.matches('\n').count() as u32, col as u32)
    }

    const PIECES: &[&str] = &[
        "a", "é", "😀", "王毅", "“", "”", "\n", "\r\n", " ", "Zoë", "—", "x\ny",
    ];

    proptest! {
        #[test]
        fn incremental_edits_keep_the_text_identical(
            utf8 in any::<bool>(),
            start in prop::collection::vec(prop::sample::select(PIECES), 0..20),
            edits in prop::collection::vec(
                (any::<usize>(), 0usize..8, prop::collection::vec(prop::sample::select(PIECES), 0..4)),
                1..25,
            ),
        ) {
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut client: String = start.concat();
            let mut server = client.clone();
            for (pos, len, insert) in edits {
                let a = cursor(&client, pos % (client.len() + 1));
                let b = cursor(&client, a + len).max(a);
                let change = lsp::TextDocumentContentChangeEvent {
                    range: Some(lsp::Range::new(position(&client, a, enc), position(&client, b, enc))),
                    range_length: None,
                    text: insert.concat(),
                };
                client.replace_range(a..b, &change.text);
                apply_changes(&mut server, &[change], enc).unwrap();
                prop_assert_eq!(&server, &client);
            }
        }
    }

    #[test]
    fn a_bad_change_leaves_the_text_untouched() {
        let mut text = "one\ntwo".to_owned();
        let good = lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(
                lsp::Position::new(0, 0),
                lsp::Position::new(0, 3),
            )),
            range_length: None,
            text: "ONE".into(),
        };
        let bad = lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(
                lsp::Position::new(7, 0),
                lsp::Position::new(7, 1),
            )),
            range_length: None,
            text: "x".into(),
        };
        let e = apply_changes(&mut text, &[good, bad], Encoding::Utf16).unwrap_err();
        assert!(
            e.starts_with("change 2: position 7:0 is past the end"),
            "{e}"
        );
        assert_eq!(text, "one\ntwo");
    }
}
