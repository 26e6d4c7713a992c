//! Attribution: who says what — quotations with their speakers, and attributed claims.

use super::entities::Entity;
use crate::finding::{Excerpt, Span};
use crate::text::{Document, QuoteEnd};
use serde::Serialize;

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteFact {
    pub start: usize,
    pub end: usize,
    pub end_kind: QuoteEnd,
    pub speaker: Option<Excerpt>,
    pub cue: Option<Excerpt>,
}

/// An attribution relation: a cue ("said"), its source (or none) and what it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub cue: Excerpt,
    pub source: Option<Excerpt>,
    pub content: Span,
}

/// Quotations (outer level) and attributions.
pub fn find(doc: &Document, _entities: &[Entity]) -> (Vec<QuoteFact>, Vec<Attribution>) {
    let quotes = doc
        .quotes()
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| QuoteFact {
            start: q.span.start,
            end: q.span.end,
            end_kind: q.end,
            speaker: None,
            cue: None,
        })
        .collect();
    (quotes, Vec::new())
}
