//! Rules about figures.

use super::Rule;

pub(super) static RULES: &[&Rule] = &[];
