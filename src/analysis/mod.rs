//! Facts: what a draft says, computed once per version and shared by the rules, the `analyze`
//! output, hovers and inlay hints. Facts carry no opinion; rules decide what is wrong.
//!
//! Invariant: passes do no IO, never read the clock (the reference date is an input) and never
//! panic on any UTF-8 input.

pub mod attribution;
pub mod dates;
pub mod entities;
pub mod figures;

use crate::config::Config;
use crate::finding::Finding;
use crate::text::Document;
use serde::Serialize;

/// Everything the passes found in one draft, in the order of the `analyze` JSON.
#[derive(Clone, Debug, Serialize)]
pub struct Facts {
    pub reference_date: dates::ReferenceDate,
    pub dates: Vec<dates::DateExpr>,
    pub entities: Vec<entities::Entity>,
    pub quotes: Vec<attribution::QuoteFact>,
    pub attributions: Vec<attribution::Attribution>,
    pub figures: Vec<figures::Figure>,
}

impl Facts {
    /// Run every pass. Later passes may read earlier ones: quotes find their speakers among
    /// the entities, figures their owners. Passes that do not read each other run side by
    /// side (dates beside entities, then attribution beside figures), so an editor waits for
    /// the longest chain of passes rather than their sum; in a one-thread pool they simply
    /// run in turn.
    pub fn compute(doc: &Document, config: &Config) -> Facts {
        let reference_date = dates::reference_date(doc, config);
        let (dates, (entities, (quotes, attributions), figures)) = rayon::join(
            || dates::find(doc, &reference_date),
            || {
                let entities = entities::find(doc, config);
                let (attribution, figures) = rayon::join(
                    || attribution::find(doc, &entities),
                    || figures::find(doc, &entities),
                );
                (entities, attribution, figures)
            },
        );
        Facts {
            reference_date,
            dates,
            entities,
            quotes,
            attributions,
            figures,
        }
    }
}

/// Facts and the findings of every enabled rule, suppression comments applied.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    #[serde(flatten)]
    pub facts: Facts,
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn new(doc: &Document, config: &Config) -> Analysis {
        let facts = Facts::compute(doc, config);
        let mut findings = crate::rules::run(doc, &facts, config);
        crate::suppress::filter(doc, &mut findings);
        findings.sort_by(|a, b| (a.start, a.end, a.code).cmp(&(b.start, b.end, b.code)));
        Analysis { facts, findings }
    }
}
