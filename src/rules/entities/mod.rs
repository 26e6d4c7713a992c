//! Rules about entities.

use super::Rule;

pub(super) static RULES: &[&Rule] = &[];
