//! What a rule reports: plain data, with no idea of terminals or editors.

use crate::analysis::dates::DateExpr;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How serious a finding is. Ordered from least to most serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A byte range in the draft (UTF-8 offsets into the text as given).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end.max(self.start + 1)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// A span together with the text it covers, as the JSON output shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Excerpt {
    pub fn new(text: &str, span: impl Into<Span>) -> Excerpt {
        let span = span.into();
        Excerpt {
            start: span.start,
            end: span.end,
            text: text.get(span.range()).unwrap_or_default().to_owned(),
        }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Whether a fix may be applied without a person reading it first.
///
/// In journalism a fix that changes a fact (a weekday, a figure, a name) is never safe to apply
/// blindly: it may be the other mention that is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Meaning-preserving: "fix all" applies it.
    Safe,
    /// Probably right, but changes what the story says: offered, never applied in bulk.
    Unsafe,
}

/// One text replacement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// A set of edits that together fix a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        title: impl Into<String>,
        span: impl Into<Span>,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        let span = span.into();
        Fix {
            title: title.into(),
            applicability,
            edits: vec![Edit {
                start: span.start,
                end: span.end,
                replacement: replacement.into(),
            }],
        }
    }
}

/// A second place a finding concerns ("first given here").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// One problem in a draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
    /// Structured facts for an editor (e.g. the resolved date), rule-specific.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Data>,
}

/// A finding's structured facts, kept typed: most findings are never shown as JSON, and
/// building a `serde_json::Value` for each was a tenth of a draft's analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Data {
    /// The date expression the finding is about, as `copydesk analyze` shows it.
    Date(Box<DateExpr>),
}

impl Finding {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub fn with_related(mut self, span: impl Into<Span>, label: impl Into<String>) -> Self {
        let span = span.into();
        self.related.push(Related {
            start: span.start,
            end: span.end,
            label: label.into(),
        });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_data(mut self, data: Data) -> Self {
        self.data = Some(data);
        self
    }
}

/// Apply every edit of `fixes` to `text`. Overlapping edits after the first are skipped, so
/// the result is always well-formed; returns the new text and how many fixes were applied.
/// A fix whose own edits are reversed or overlap each other is skipped whole.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut chosen: Vec<&Fix> = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for fix in fixes {
        let mut own: Vec<(usize, usize)> = fix.edits.iter().map(|e| (e.start, e.end)).collect();
        own.sort_unstable();
        let malformed = own.windows(2).any(|w| w[1].0 < w[0].1);
        let clashes = malformed
            || fix.edits.iter().any(|e| {
                e.start > e.end
                    || e.end > text.len()
                    || !text.is_char_boundary(e.start)
                    || !text.is_char_boundary(e.end)
                    || taken
                        .iter()
                        .any(|t| e.start < t.end && t.start < e.end.max(e.start + 1))
            });
        if !clashes {
            taken.extend(fix.edits.iter().map(|e| e.start..e.end));
            chosen.push(fix);
        }
    }
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|f| &f.edits).collect();
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in edits {
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.replacement);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    (out, chosen.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_with_overlapping_or_reversed_edits_is_skipped() {
        let edit = |start, end| Edit {
            start,
            end,
            replacement: String::new(),
        };
        for edits in [vec![edit(0, 4), edit(1, 1)], vec![edit(3, 1)]] {
            let fix = Fix {
                title: "bad".into(),
                applicability: Applicability::Safe,
                edits,
            };
            assert_eq!(apply_fixes("abcd", [&fix]), ("abcd".to_owned(), 0));
        }
    }

    #[test]
    fn overlapping_fixes_are_skipped() {
        let a = Fix::replace("a", 0..3, "One", Applicability::Safe);
        let b = Fix::replace("b", 1..2, "X", Applicability::Safe);
        let c = Fix::replace("c", 4..7, "Two", Applicability::Safe);
        let (out, n) = apply_fixes("one two", [&a, &b, &c]);
        assert_eq!((out.as_str(), n), ("One Two", 2));
    }
}
