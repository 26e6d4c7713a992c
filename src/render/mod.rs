//! CLI output formats. Only the CLI prints; these functions return strings.

mod github;
mod human;
mod json;
mod sarif;

pub use github::github;
pub use human::human;
pub use json::{json, json_value};
pub use sarif::sarif;

use crate::finding::Finding;
use crate::text::{Document, Encoding, LineCol};

/// One checked draft and its findings.
pub struct FileReport<'a> {
    /// The path as the user gave it (forward slashes), or `-` for stdin.
    pub path: &'a str,
    pub doc: &'a Document,
    pub findings: &'a [Finding],
}

/// 1-based line and column in characters, as people and CI annotations count.
pub(crate) fn position(doc: &Document, offset: usize) -> (u32, u32) {
    let LineCol { line, col } = doc.line_col(offset, Encoding::Chars);
    (line + 1, col + 1)
}
