//! `relative-date`: "yesterday", "last week", "in two days" in copy that will be read later.

use super::super::{Category, Context, Emitter, FixKind, Rule};
use crate::analysis::dates::{self, DateExpr, DateKind, Tense};
use crate::finding::{Applicability, Fix, Severity};
use crate::text::floor_char_boundary;
use jiff::civil::Date;

pub(super) static RULE: Rule = Rule {
    code: "relative-date",
    category: Category::Dates,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A relative date (yesterday, last week, in two days) that points at the wrong day once the story is read later",
    doc: "A story is read days after it is written, and \"yesterday\" then means another day. AP style names the weekday for dates within a week of the dateline and the date (\"Jan. 3\") beyond it; the fix writes that, resolved against the reference date. Flagged: today, tonight, yesterday, tomorrow, last night, this morning, N days ago, in N days, last week, next week, \"last Monday\" / \"next Monday\", and a weekday more than six days from the dateline. Deliberately left alone: a weekday within a week of the dateline (\"on Monday\" in a story dated that week is AP style), this week, this/last/next month and year, recently, now, soon, \"the next day\" after a date the sentence gives, \"a day earlier\" / \"three weeks later\" (counted from the story's events), \"in two weeks\" after a perfect or past verb (\"has done more in two weeks\": a duration), \"the previous Friday\" / \"the following week\" (counted from the story's own dates), \"later in the day\" and \"it's the second day of\" (the story's day), \"until then\", \"today\" in a clause with no past or future verb (\"even today\", \"Today, it is owned by\": the present, not a day), counts of months or years (\"22 years ago\"), counts from an event the sentence names (\"the day before the vote\"), and anything inside a quotation (a speaker's words are not rewritten).",
    bad: "ALMATY, Kazakhstan, Jan. 12, 2022 (AP) — Tokayev said yesterday that troops would leave in two days.",
    good: "ALMATY, Kazakhstan, Jan. 12, 2022 (AP) — Tokayev said Tuesday that troops would leave Friday.",
    fix: FixKind::Safe,
    check,
};

/// What AP would write instead, keeping "late" and "morning"/"night": "late Tuesday night".
fn replacement(expr: &DateExpr, day: Date, reference: Date) -> String {
    let lower = expr.text.to_ascii_lowercase();
    let prefix = ["early ", "late ", "earlier ", "later "]
        .into_iter()
        .find(|p| lower.starts_with(p))
        .map(|p| {
            let mut s = expr.text.get(..p.len()).unwrap_or(p).to_owned();
            if expr.text.starts_with(char::is_uppercase) {
                s = format!(
                    "{}{}",
                    p.get(..1).unwrap_or("").to_uppercase(),
                    p.get(1..).unwrap_or("")
                );
            }
            s
        })
        .unwrap_or_default();
    let part = ["morning", "afternoon", "evening", "night"]
        .into_iter()
        .find(|w| lower.ends_with(w) || (*w == "night" && lower.contains("tonight")))
        .map(|w| format!(" {w}"))
        .unwrap_or_default();
    format!("{prefix}{}{part}", dates::ap_relative(day, reference))
}

/// The Monday of an ISO week value ("2022-W01").
fn week_monday(value: &str) -> Option<Date> {
    let (y, w) = value.split_once("-W")?;
    let week = jiff::civil::ISOWeekDate::new(
        y.parse().ok()?,
        w.get(..2)?.parse().ok()?,
        jiff::civil::Weekday::Monday,
    )
    .ok()?;
    Some(week.date())
}

/// "in two weeks" after a perfect or a past verb is how long something took ("has done more
/// in two weeks", "hasn't sent an email in six days"), not a day.
fn duration(expr: &DateExpr, prose: &str) -> bool {
    if !expr.text.to_ascii_lowercase().starts_with("in ") {
        return false;
    }
    if expr.tense == Some(Tense::Past) {
        return true;
    }
    let from = floor_char_boundary(prose, expr.start.saturating_sub(80));
    let head = prose
        .get(from..expr.start)
        .unwrap_or("")
        .to_ascii_lowercase();
    head.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| ["has", "have", "hasn't", "haven't", "hasn’t", "haven’t"].contains(&w))
}

/// An ISO week value ("2022-W01"), not a season ("2021-WI").
fn is_week(value: &str) -> bool {
    value
        .split_once("-W")
        .is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
}

fn flagged(expr: &DateExpr) -> bool {
    let lower = expr.text.to_ascii_lowercase();
    match expr.kind {
        // "Today, it is owned by ...", "even today": with no past or future verb, "today" is
        // the present, not a day.
        DateKind::Deictic => !(lower == "today" && expr.tense.is_none()),
        // Days and weeks; "22 years ago" and "a month later" are fine in any story.
        // "The next day" / "the following morning" count from an event the story told.
        // "Later in the day", "the second day of the strike" are the story's own day.
        // "A day earlier", "three weeks later" count from the story's events too.
        DateKind::Offset => {
            !lower.starts_with("the ")
                && !lower.ends_with(" day")
                && !lower.ends_with("earlier")
                && !lower.ends_with("later")
                && (expr.date.is_some() || is_week(&expr.value))
        }
        // "The previous Friday" counts from the story's Friday, not from the dateline.
        DateKind::Weekday if lower.starts_with("the ") => false,
        DateKind::Weekday => {
            lower.starts_with("last ")
                || lower.starts_with("next ")
                || expr.days_from_reference.is_some_and(|d| d.abs() > 6)
        }
        DateKind::Period => {
            is_week(&expr.value) && (lower.starts_with("last ") || lower.starts_with("next "))
        }
        _ => false,
    }
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let Some(reference) = cx.facts.reference_date.value else {
        return;
    };
    let dateline = dates::ap_full(reference);
    for expr in &cx.facts.dates {
        if expr.in_quote
            || !expr.anchored
            || expr.stated_weekday.is_some()
            || !flagged(expr)
            || duration(expr, cx.doc.prose())
        {
            continue;
        }
        let finding = match expr.date {
            Some(day) => {
                let fix = replacement(expr, day, reference);
                out.finding(
                    expr.start..expr.end,
                    format!(
                        "“{}” is {} (dateline {dateline})",
                        expr.text,
                        dates::ap_full(day)
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Replace with “{fix}”"),
                    expr.start..expr.end,
                    fix,
                    Applicability::Safe,
                ))
            }
            None => {
                let week = week_monday(&expr.value).map_or_else(
                    || expr.value.clone(),
                    |monday| format!("of {}", dates::ap_full(monday)),
                );
                out.finding(
                    expr.start..expr.end,
                    format!(
                        "“{}” is the week {week} (dateline {dateline}); name the days or dates",
                        expr.text
                    ),
                )
            }
        };
        out.push(finding.with_data(super::data(expr)));
    }
}
