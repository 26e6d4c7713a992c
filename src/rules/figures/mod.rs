//! Rules about figures: the same quantity given two ways, lists and sums that do not add up,
//! wrong conversions, and AP number style.

mod conversion_mismatch;
mod count_mismatch;
mod inconsistent_age;
mod inconsistent_figure;
mod inconsistent_number_format;
mod number_style;
mod sum_mismatch;

use super::Rule;
use crate::analysis::figures::Figure;
use crate::finding::Span;
use crate::text::Document;

pub(super) static RULES: &[&Rule] = &[
    &inconsistent_figure::RULE,
    &inconsistent_age::RULE,
    &count_mismatch::RULE,
    &sum_mismatch::RULE,
    &conversion_mismatch::RULE,
    &number_style::RULE,
    &inconsistent_number_format::RULE,
];

/// A figure with the noun it counts when that follows closely ("more than 2,000 troops").
fn with_noun(f: &Figure) -> Span {
    match f.noun {
        Some(n) if n.start >= f.end && n.start - f.end < 40 => Span::new(f.start, n.end),
        _ => Span::new(f.start, f.end),
    }
}

/// 1-based line of an offset, for messages.
fn line(doc: &Document, offset: usize) -> usize {
    doc.lines().line_of(offset) + 1
}

/// The draft text of a span.
fn quote(doc: &Document, span: Span) -> &str {
    doc.text().get(span.range()).unwrap_or("")
}
