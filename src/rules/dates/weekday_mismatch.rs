//! `weekday-mismatch`: "Monday, Jan. 12, 2022" when Jan. 12, 2022 was a Wednesday.

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates;
use crate::finding::{Applicability, Fix, Severity};

pub(super) static RULE: Rule = Rule {
    code: "weekday-mismatch",
    category: Category::Dates,
    severity: Severity::Error,
    default_enabled: true,
    summary: "A weekday that contradicts the date or relative day written beside it",
    doc: "A weekday written beside a date (\"Monday, Jan. 12, 2022\") or a relative day (\"yesterday (Monday)\") must be that date's weekday; one of the two is wrong and readers notice. The fix changes the weekday to the date's, which is unsafe: it may be the date that is wrong. Deliberately left alone: a weekday in another clause of the sentence, and year-less dates with no reference date to fix their year.",
    bad: "The court ruled Monday, Jan. 12, 2022.",
    good: "The court ruled Wednesday, Jan. 12, 2022.",
    fix: FixKind::Unsafe,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for expr in &cx.facts.dates {
        let (Some(stated), Some(day)) = (&expr.stated_weekday, expr.date) else {
            continue;
        };
        let actual = dates::weekday_name(day);
        if stated.weekday == actual {
            continue;
        }
        let written = cx
            .doc
            .text()
            .get(stated.start..stated.end)
            .unwrap_or(stated.weekday);
        let what = if expr.anchored && expr.kind != dates::DateKind::Absolute {
            let rel = expr
                .text
                .get(..stated.start.saturating_sub(expr.start))
                .unwrap_or(&expr.text);
            format!(
                "“{}” is {}",
                rel.trim_end_matches([',', ' ', '(']),
                dates::ap_full(day)
            )
        } else {
            format!("{} is a {actual}", dates::ap_day(day, true))
        };
        let f = out
            .finding(stated.start..stated.end, format!("“{written}” but {what}"))
            .with_fix(Fix::replace(
                format!("Change the weekday to “{actual}”"),
                stated.start..stated.end,
                actual,
                Applicability::Unsafe,
            ))
            .with_related(expr.start..expr.end, "the date")
            .with_data(super::data(expr));
        out.push(f);
    }
}
