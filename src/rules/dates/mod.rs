//! Rules about dates: relative dates a later reader misreads, weekdays that contradict their
//! date, dates that cannot exist, ambiguous numeric dates, tense against the calendar, and AP
//! date style.

mod date_style;
mod impossible_date;
mod numeric_date;
mod relative_date;
mod tense_date_mismatch;
mod unresolved_relative_date;
mod weekday_mismatch;

use super::Rule;
use crate::analysis::dates::DateExpr;
use crate::finding::Data;

pub(super) static RULES: &[&Rule] = &[
    &relative_date::RULE,
    &weekday_mismatch::RULE,
    &impossible_date::RULE,
    &numeric_date::RULE,
    &tense_date_mismatch::RULE,
    &unresolved_relative_date::RULE,
    &date_style::RULE,
];

/// The expression as finding data for editors: value, calendar day, weekday, distance.
fn data(expr: &DateExpr) -> Data {
    Data::Date(Box::new(expr.clone()))
}
