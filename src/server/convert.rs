//! Core answers (UTF-8 byte offsets, findings, edits) to LSP values and back. Positions are
//! counted in the encoding negotiated at `initialize`, via the document's line index.

use crate::analysis::entities::Kind;
use crate::finding::{Applicability, Edit, Finding, Severity, Span};
use crate::rules;
use crate::text::{Document, Encoding, LineCol, LineIndex};
use serde_json::json;
use std::collections::HashMap;
use tower_lsp_server::ls_types as lsp;

/// Converts positions for one version of one text.
#[derive(Clone, Copy)]
pub(crate) struct Conv<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    enc: Encoding,
}

impl<'a> Conv<'a> {
    pub(crate) fn new(text: &'a str, lines: &'a LineIndex, enc: Encoding) -> Self {
        Conv { text, lines, enc }
    }

    pub(crate) fn of(doc: &'a Document, enc: Encoding) -> Self {
        Conv::new(doc.text(), doc.lines(), enc)
    }

    pub(crate) fn position(&self, offset: usize) -> lsp::Position {
        let lc = self.lines.line_col(self.text, offset, self.enc);
        lsp::Position::new(lc.line, lc.col)
    }

    pub(crate) fn range(&self, span: Span) -> lsp::Range {
        lsp::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; `None` for a line past the end of the text. A column past
    /// the end of its line means the line's end, as the protocol says.
    pub(crate) fn offset(&self, pos: lsp::Position) -> Option<usize> {
        self.lines.offset(
            self.text,
            LineCol {
                line: pos.line,
                col: pos.character,
            },
            self.enc,
        )
    }

    /// Byte span of a range, or a message saying why it is not one in this text.
    pub(crate) fn span(&self, range: lsp::Range) -> Result<Span, String> {
        let past = |p: lsp::Position| {
            format!(
                "position {}:{} is past the end of the document ({} lines)",
                p.line,
                p.character,
                self.lines.line_count()
            )
        };
        let start = self.offset(range.start).ok_or_else(|| past(range.start))?;
        let end = self.offset(range.end).ok_or_else(|| past(range.end))?;
        if start > end {
            return Err(format!(
                "range end {}:{} is before its start {}:{}",
                range.end.line, range.end.character, range.start.line, range.start.character
            ));
        }
        Ok(Span::new(start, end))
    }

    pub(crate) fn text_edit(&self, e: &Edit) -> lsp::TextEdit {
        lsp::TextEdit::new(self.range(Span::new(e.start, e.end)), e.replacement.clone())
    }
}

pub(crate) fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
    }
}

/// A finding as a diagnostic: code and its documentation link, places it relates to, and its
/// fixes (already as LSP edits) with the rule's own data in `data`; no `data` when the finding
/// has neither (a third of them: less for every keystroke to serialize and the editor to parse).
pub(crate) fn diagnostic(conv: Conv<'_>, uri: &lsp::Uri, f: &Finding) -> lsp::Diagnostic {
    let code_description = rules::find(f.code)
        .and_then(|r| r.url().parse::<lsp::Uri>().ok())
        .map(|href| lsp::CodeDescription { href });
    let related: Vec<_> = f
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), conv.range(Span::new(r.start, r.end))),
            message: r.label.clone(),
        })
        .collect();
    let fixes: Vec<_> = f
        .fixes
        .iter()
        .map(|fix| {
            json!({
                "title": fix.title,
                "safe": fix.applicability == Applicability::Safe,
                "edits": fix.edits.iter().map(|e| conv.text_edit(e)).collect::<Vec<_>>(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: conv.range(f.span()),
        severity: Some(severity(f.severity)),
        code: Some(lsp::NumberOrString::String(f.code.to_owned())),
        code_description,
        source: Some("copydesk".to_owned()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: (!fixes.is_empty() || f.data.is_some())
            .then(|| json!({ "fixes": fixes, "rule": f.data })),
    }
}

/// A workspace edit on one document; versioned (so a client refuses it once the text has moved
/// on) when the client supports `documentChanges`.
pub(crate) fn workspace_edit(
    uri: &lsp::Uri,
    version: i32,
    edits: Vec<lsp::TextEdit>,
    versioned: bool,
) -> lsp::WorkspaceEdit {
    if versioned {
        lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Edits(vec![lsp::TextDocumentEdit {
                text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(version),
                },
                edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }
    }
}

pub(crate) fn symbol_kind(k: Kind) -> lsp::SymbolKind {
    match k {
        Kind::Person => lsp::SymbolKind::OBJECT,
        Kind::Organization => lsp::SymbolKind::NAMESPACE,
        Kind::Place => lsp::SymbolKind::PACKAGE,
        Kind::Other => lsp::SymbolKind::KEY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Fix;
    use crate::text::Format;

    #[test]
    fn diagnostic_ranges_are_exact_in_utf16_and_utf8() {
        let text = "Intro.\nZoë 😀 said “Ça va” today.\n";
        let doc = Document::new(text, Format::Markdown);
        let s = text.find("“Ça va”").unwrap();
        let span = Span::new(s, s + "“Ça va”".len());
        let f = Finding {
            code: "test-rule",
            severity: Severity::Warning,
            message: "m".into(),
            start: span.start,
            end: span.end,
            related: Vec::new(),
            fixes: vec![Fix::replace("f", span, "x", Applicability::Safe)],
            data: None,
        }
        .with_related(0..5, "first here");
        let uri: lsp::Uri = "file:///d.md".parse().unwrap();
        // "Zoë 😀 said " is 12 UTF-16 units (ë is 1, 😀 is 2) and 15 UTF-8 bytes.
        let d16 = diagnostic(Conv::of(&doc, Encoding::Utf16), &uri, &f);
        assert_eq!(
            d16.range,
            lsp::Range::new(lsp::Position::new(1, 12), lsp::Position::new(1, 19))
        );
        let d8 = diagnostic(Conv::of(&doc, Encoding::Utf8), &uri, &f);
        assert_eq!(d8.range.start, lsp::Position::new(1, 15));
        assert_eq!(
            d8.range.end,
            lsp::Position::new(1, 15 + "“Ça va”".len() as u32)
        );
        assert_eq!(d16.source.as_deref(), Some("copydesk"));
        assert_eq!(
            d16.related_information.unwrap()[0].location.range.end,
            lsp::Position::new(0, 5)
        );
        let data = d16.data.unwrap();
        assert_eq!(data["fixes"][0]["safe"], true);
        let bare = Finding {
            fixes: Vec::new(),
            ..f.clone()
        };
        assert_eq!(
            diagnostic(Conv::of(&doc, Encoding::Utf16), &uri, &bare).data,
            None
        );
        assert_eq!(
            data["fixes"][0]["edits"][0]["range"]["start"]["character"],
            12
        );
        let conv = Conv::of(&doc, Encoding::Utf16);
        assert_eq!(conv.span(d16.range), Ok(span));
        assert!(
            conv.span(lsp::Range::new(
                lsp::Position::new(9, 0),
                lsp::Position::new(9, 0)
            ))
            .is_err()
        );
    }
}
