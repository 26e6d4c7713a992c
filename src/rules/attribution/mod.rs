//! Rules about attribution: quotations without a speaker, claims without a source, unnamed
//! sources, figures nobody vouches for, loaded verbs of saying and quotation marks that do not pair.

mod anonymous_source;
mod loaded_attribution_verb;
mod sourceless_claim;
mod unattributed_figure;
mod unattributed_quote;
mod unbalanced_quotes;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &unattributed_quote::RULE,
    &sourceless_claim::RULE,
    &anonymous_source::RULE,
    &unattributed_figure::RULE,
    &loaded_attribution_verb::RULE,
    &unbalanced_quotes::RULE,
];

/// The first words of a quotation, for messages.
fn excerpt(text: &str, max_chars: usize) -> String {
    let t = text.trim();
    let mut out: String = t.chars().take(max_chars).collect();
    if t.chars().count() > max_chars {
        out.push('…');
    }
    out
}
