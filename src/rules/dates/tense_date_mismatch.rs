//! `tense-date-mismatch`: "will meet on Jan. 5" in a story dated Jan. 12.

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates::{self, DateKind, Tense};
use crate::finding::Severity;

pub(super) static RULE: Rule = Rule {
    code: "tense-date-mismatch",
    category: Category::Dates,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "Future tense about a date before the dateline, or past tense about one after it",
    doc: "\"Will meet on Jan. 5\" in a story dated Jan. 12 is wrong one way or the other: the date, the tense or the dateline. Only full calendar dates are checked, against the tense of their own clause (the nearest verb before them); there is no fix, since only the reporter knows which part is wrong. Deliberately left alone: relative dates (they follow the dateline by construction), months and years, dates inside quotations, and clauses whose verb does not fix the time: plans told in the past (\"was scheduled for\", \"were due to file by\", \"extended the offer to\", \"proposed to debate on\"), modals and reported futures (\"said it would open on\", \"could change before\"), the present (\"the primary is June 14\", \"rights which expire Nov. 21\"), terms (\"bonds due Oct. 15, 1999\", \"the year ending June 30\", \"since June 25, 2007\"), and a date used as a label (\"the Nov. 13 attacks\", \"the prime minister's Dec. 28 meeting\", \"the Iowa caucuses Feb. 1\").",
    bad: "ALMATY, Kazakhstan, Jan. 12, 2022 (AP) — The two sides will meet on Jan. 5.",
    good: "ALMATY, Kazakhstan, Jan. 12, 2022 (AP) — The two sides will meet on Jan. 15.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let Some(reference) = cx.facts.reference_date.value else {
        return;
    };
    for expr in &cx.facts.dates {
        if expr.kind != DateKind::Absolute || expr.in_quote {
            continue;
        }
        let (Some(day), Some(diff), Some(tense)) =
            (expr.date, expr.days_from_reference, expr.tense)
        else {
            continue;
        };
        let msg = match tense {
            Tense::Future if diff < 0 => "Future tense about",
            Tense::Past if diff > 0 => "Past tense about",
            _ => continue,
        };
        let when = if diff < 0 { "before" } else { "after" };
        let f = out
            .finding(
                expr.start..expr.end,
                format!(
                    "{msg} “{}” ({}), {} day{} {when} the dateline {}",
                    expr.text,
                    dates::ap_full(day),
                    diff.abs(),
                    if diff.abs() == 1 { "" } else { "s" },
                    dates::ap_full(reference)
                ),
            )
            .with_data(super::data(expr));
        let f = match cx.facts.reference_date.span {
            Some(span) => f.with_related(span, "the dateline"),
            None => f,
        };
        out.push(f);
    }
}
