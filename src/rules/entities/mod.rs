//! Rules about entities: one name spelled one way, people introduced before they are called
//! by surname, acronyms expanded, titles kept straight.

mod name_variant;
mod surname_before_full_name;
mod title_drift;
mod undefined_acronym;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &name_variant::RULE,
    &surname_before_full_name::RULE,
    &undefined_acronym::RULE,
    &title_drift::RULE,
];
