//! `date-style`: AP date forms (Jan. 12, 2022; January 2022; no ordinals).

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates::{self, DateKind, Form};
use crate::finding::{Applicability, Fix, Severity};
use regex::Regex;
use std::sync::LazyLock;

pub(super) static RULE: Rule = Rule {
    code: "date-style",
    category: Category::Dates,
    severity: Severity::Hint,
    default_enabled: false,
    summary: "A date not in AP form: \"January 12, 2022\", \"Jan. 2022\", \"12th\"",
    doc: "AP abbreviates Jan., Feb., Aug., Sept., Oct., Nov. and Dec. before a day, spells every month out without one (\"January 2022\"), and writes no ordinal suffix (\"Jan. 12\", not \"Jan. 12th\"). Off by default: turn it on in copydesk.toml for AP copy; drafts in another house style leave it off. Deliberately left alone: March through July (never abbreviated), ISO and numeric dates (see `numeric-date`), and dates inside quotations.",
    bad: "The law takes effect January 12th, 2022.",
    good: "The law takes effect Jan. 12, 2022.",
    fix: FixKind::Safe,
    check,
};

/// A long month name before a day, an abbreviated one before a year, an ordinal suffix.
static LONG_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(January|February|August|September|October|November|December)\s+\d")
        .expect("valid regex")
});
static SHORT_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+\d{4}(?-u:\b)")
        .expect("valid regex")
});
static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d{1,2}(st|nd|rd|th)(?-u:\b)").expect("valid regex"));

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for expr in &cx.facts.dates {
        if expr.kind != DateKind::Absolute || expr.form != Form::Words || expr.in_quote {
            continue;
        }
        let text = expr.text.as_str();
        let mut edits: Vec<(usize, usize, String, String)> = Vec::new();
        if let (Some(m), Some(day)) = (LONG_MONTH.captures(text).and_then(|c| c.get(1)), expr.date)
        {
            let ap = dates::ap_day(day, false);
            let abbr = ap.split(' ').next().unwrap_or_default().to_owned();
            edits.push((
                m.start(),
                m.end(),
                abbr.clone(),
                format!("“{}” is “{abbr}” before a day", m.as_str()),
            ));
        }
        if expr.value.len() == 7
            && let Some(m) = SHORT_MONTH.captures(text).and_then(|c| c.get(0))
            && let Some(month) = expr.value.get(5..7).and_then(|v| v.parse::<i8>().ok())
        {
            let name = dates::month_name(month);
            let year = expr.value.get(..4).unwrap_or_default();
            edits.push((
                m.start(),
                m.end(),
                format!("{name} {year}"),
                format!("a month with only a year is spelled out: “{name} {year}”"),
            ));
        }
        if let Some(m) = ORDINAL.captures(text).and_then(|c| c.get(1)) {
            edits.push((
                m.start(),
                m.end(),
                String::new(),
                format!("no ordinal suffix in dates: drop “{}”", m.as_str()),
            ));
        }
        for (s, e, replacement, why) in edits {
            let span = expr.start + s..expr.start + e;
            let title = if replacement.is_empty() {
                "Drop the suffix".to_owned()
            } else {
                format!("Write “{replacement}”")
            };
            let f = out
                .finding(span.clone(), format!("AP style: {why}"))
                .with_fix(Fix::replace(title, span, replacement, Applicability::Safe))
                .with_data(super::data(expr));
            out.push(f);
        }
    }
}
