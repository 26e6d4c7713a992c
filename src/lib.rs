//! copydesk: a copy desk for news drafts.
//!
//! The core is pure and synchronous: a [`Document`] (text → prose, paragraphs, sentences,
//! quotations) goes through the analysis passes ([`analysis::Facts`]: dates, entities,
//! attribution, figures), and the [`rules`] turn facts into [`Finding`]s. It knows nothing of
//! terminals or editors: the CLI (`render`) and the language server (`server`) are adapters
//! over [`analyze`].

pub mod analysis;
pub mod config;
pub mod finding;
pub mod ide;
pub mod render;
pub mod rules;
pub mod server;
pub mod source;
pub mod suppress;
pub mod text;

pub use analysis::{Analysis, Facts};
pub use config::Config;
pub use finding::{Finding, Severity};
pub use text::{Document, Format};

/// Analyse one draft: every fact and every enabled rule's findings.
pub fn analyze(doc: &Document, config: &Config) -> Analysis {
    Analysis::new(doc, config)
}

/// Only the findings of [`analyze`].
pub fn check(doc: &Document, config: &Config) -> Vec<Finding> {
    analyze(doc, config).findings
}
