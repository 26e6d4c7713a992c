//! CLI output formats. Only the CLI prints; these functions return strings.

mod github;
mod human;
mod json;
mod sarif;

pub use github::github;
pub use human::human;
pub use json::json;
pub use sarif::sarif;

use crate::finding::Finding;
use crate::text::{Document, Encoding, LineCol, floor_char_boundary, measure};

/// One checked draft and its findings.
pub struct FileReport<'a> {
    /// The path as the user gave it (forward slashes), or `-` for stdin.
    pub path: &'a str,
    pub doc: &'a Document,
    pub findings: &'a [Finding],
}

/// 1-based line and column in characters, as people and CI annotations count. Findings come
/// in order, so a cursor counts on from where it last stopped on the same line rather than from
/// the line's start: a long line with many findings stays linear.
pub(crate) struct Cursor<'a> {
    doc: &'a Document,
    at: usize,
    pos: LineCol,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(doc: &'a Document) -> Self {
        Cursor {
            doc,
            at: 0,
            pos: LineCol { line: 0, col: 0 },
        }
    }

    pub(crate) fn position(&mut self, offset: usize) -> (u32, u32) {
        let text = self.doc.text();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.doc.lines().line_of(offset) as u32;
        let pos = match text.get(self.at..offset) {
            Some(gap) if line == self.pos.line => LineCol {
                line,
                col: self.pos.col + measure(gap, Encoding::Chars) as u32,
            },
            _ => self.doc.line_col(offset, Encoding::Chars),
        };
        self.at = offset;
        self.pos = pos;
        (pos.line + 1, pos.col + 1)
    }
}
