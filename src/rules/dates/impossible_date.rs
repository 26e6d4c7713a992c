//! `impossible-date`: Feb. 30, April 31, Feb. 29 of a common year, month 13.

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates::{self, DateKind};
use crate::finding::Severity;

pub(super) static RULE: Rule = Rule {
    code: "impossible-date",
    category: Category::Dates,
    severity: Severity::Error,
    default_enabled: true,
    summary: "A date that does not exist (Feb. 30, April 31, Feb. 29 of a common year, month 13)",
    doc: "A date that is not on the calendar is a typo for some other date, and only the reporter knows which: there is no fix. Year-less dates are checked in the year they resolve to (Feb. 29 only fails when that year is not a leap year). Deliberately left alone: numbers that merely look like dates inside figures or scores (\"3/4/5\").",
    bad: "The contract was signed Feb. 30, 2022.",
    good: "The contract was signed Feb. 28, 2022.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for expr in cx
        .facts
        .dates
        .iter()
        .filter(|e| e.kind == DateKind::Impossible)
    {
        let mut parts = expr.value.splitn(3, '-').map(|p| p.parse::<i16>().ok());
        let (Some(Some(y)), Some(Some(m)), Some(Some(d))) =
            (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let why = match i8::try_from(m) {
            Ok(m @ 1..=12) => {
                let days = jiff::civil::Date::new(y, m, 1).map_or(31, |f| f.days_in_month());
                let year = if expr.anchored {
                    String::new()
                } else {
                    format!(" {y}")
                };
                format!("{}{year} has {days} days, not {d}", dates::month_name(m))
            }
            _ => format!("there is no month {m}"),
        };
        let f = out
            .finding(
                expr.start..expr.end,
                format!("“{}” is not a date: {why}", expr.text),
            )
            .with_data(super::data(expr));
        out.push(f);
    }
}
