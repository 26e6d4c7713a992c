//! `numeric-date`: 1/12/2022 means Jan. 12 to some readers and Dec. 1 to others.

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates::{self, Form};
use crate::finding::{Applicability, Fix, Severity};

pub(super) static RULE: Rule = Rule {
    code: "numeric-date",
    category: Category::Dates,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "An all-numeric date (1/12/2022, 12/01/22) whose month/day order is ambiguous",
    doc: "Half the world reads 1/12/2022 as Jan. 12 and the other half as Dec. 1; AP writes the month as a word. The fix reads the date in U.S. order (month first) and writes it in AP form, which is unsafe when the source used day first. Deliberately left alone: ISO dates (2022-01-12), which are unambiguous, and slash runs that are not dates (\"3/4/5\"). Dates impossible in U.S. order (13/01/2022) are `impossible-date`.",
    bad: "The law took effect 1/12/2022.",
    good: "The law took effect Jan. 12, 2022.",
    fix: FixKind::Unsafe,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for expr in cx.facts.dates.iter().filter(|e| e.form == Form::Numeric) {
        let Some(day) = expr.date else { continue };
        let ap = dates::ap_day(day, true);
        let other = jiff::civil::Date::new(day.year(), day.day(), day.month())
            .ok()
            .filter(|o| *o != day)
            .map(|o| format!(", or {} read day first", dates::ap_day(o, true)))
            .unwrap_or_default();
        let f = out
            .finding(
                expr.start..expr.end,
                format!("“{}” is ambiguous: {ap} read month first{other}", expr.text),
            )
            .with_fix(Fix::replace(
                format!("Write “{ap}”"),
                expr.start..expr.end,
                ap,
                Applicability::Unsafe,
            ))
            .with_data(super::data(expr));
        out.push(f);
    }
}
