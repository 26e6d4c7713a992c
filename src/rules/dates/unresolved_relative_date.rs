//! `unresolved-relative-date`: relative dates in a draft with no reference date.

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates::DateKind;
use crate::finding::Severity;

pub(super) static RULE: Rule = Rule {
    code: "unresolved-relative-date",
    category: Category::Dates,
    severity: Severity::Info,
    default_enabled: true,
    summary: "Relative dates that cannot be checked because the draft has no reference date",
    doc: "Without a reference date, \"yesterday\" and \"on Monday\" cannot be resolved, so `relative-date` and `weekday-mismatch` stay silent. Reported once per draft, at the first such expression, saying how to give a date. Deliberately left alone: drafts whose only dates are absolute, and vague references (recently, now, soon) that need no date.",
    bad: "Police said yesterday the bridge closed.",
    good: "date 2022-01-12\nPolice said yesterday the bridge closed.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if cx.facts.reference_date.value.is_some() {
        return;
    }
    let mut relative = cx.facts.dates.iter().filter(|e| {
        e.anchored
            && !matches!(
                e.kind,
                DateKind::Vague | DateKind::Absolute | DateKind::Impossible
            )
    });
    let Some(first) = relative.next() else { return };
    let more = match relative.count() {
        0 => String::new(),
        1 => " and 1 other relative date".to_owned(),
        n => format!(" and {n} other relative dates"),
    };
    let f = out.finding(
        first.start..first.end,
        format!(
            "“{}”{more} cannot be resolved: the draft has no reference date. Give one with `--date YYYY-MM-DD`, `date:` in front matter, a first line `date YYYY-MM-DD`, a dateline (\"CITY, Jan. 12, 2022 (AP) —\") or `reference_date` in copydesk.toml",
            first.text
        ),
    );
    out.push(f);
}
