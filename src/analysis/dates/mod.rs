//! Dates: the draft's reference date and every temporal expression, resolved to the calendar.
//!
//! `lexicon` knows the words, `resolve` the patterns and the calendar arithmetic, `marks` the
//! tense markers around a date; this module finds the reference date, walks the sentences and
//! describes results for editors.

mod cues;
mod lexicon;
mod marks;
mod resolve;

use crate::config::{Config, DatePolicy};
use crate::finding::Span;
use crate::text::Document;
use jiff::civil::Date;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// `--date` or the editor's setting.
    Option,
    /// `date:` in YAML or TOML front matter.
    FrontMatter,
    /// A leading `date YYYY-MM-DD` line.
    DateLine,
    /// An AP-style dateline at the top of the story.
    Dateline,
    /// `reference_date = "YYYY-MM-DD"` in `copydesk.toml`.
    Config,
    /// `reference_date = "today"`.
    Today,
    /// `reference_date = "file-mtime"`.
    FileMtime,
    /// Nothing gave a date.
    None,
}

/// The date a draft's relative expressions are anchored on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferenceDate {
    pub value: Option<Date>,
    pub source: DateSource,
    /// Where in the draft the date was given, when it was.
    pub span: Option<Span>,
}

/// What sort of expression it is, which decides what the desk thinks of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateKind {
    /// A calendar date, month, quarter, year or decade as such ("Jan. 12, 2022", "the 1990s").
    Absolute,
    /// today, tonight, yesterday, tomorrow, last night, this morning.
    Deictic,
    /// A count from a date: "two days ago", "in two days", "the next day", "a year earlier".
    Offset,
    /// Monday, last Monday, next Monday night.
    Weekday,
    /// A period named from the reference: this week, last month, next year, the weekend.
    Period,
    /// recently, now, soon: PAST_REF, PRESENT_REF, FUTURE_REF.
    Vague,
    /// A fixed-date holiday: Christmas, New Year's Day, July Fourth.
    Holiday,
    /// A date that does not exist on the calendar: Feb. 30, month 13.
    Impossible,
}

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    Words,
    /// 1/12/2022: month/day order is ambiguous.
    Numeric,
    /// 2022-01-12.
    Iso,
}

/// The tense of the clause a date sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tense {
    Past,
    Future,
}

/// A weekday written beside a date ("Monday, Jan. 12"; "yesterday (Monday)").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatedWeekday {
    pub start: usize,
    pub end: usize,
    pub weekday: &'static str,
}

/// A temporal expression and what it resolves to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// TIMEX3 value: `2022-01-11`, `2022-W02`, `2022-01`, `2022-Q1`, `2022`, `PAST_REF`, ...
    pub value: String,
    /// Whether the value depends on the reference date.
    pub anchored: bool,
    pub kind: DateKind,
    pub form: Form,
    /// The calendar day, when the value is one.
    pub date: Option<Date>,
    /// The day's weekday ("Tuesday").
    pub weekday: Option<&'static str>,
    /// Days from the reference date to `date` (negative: before).
    pub days_from_reference: Option<i64>,
    pub tense: Option<Tense>,
    /// Inside a quotation: the speaker's words, which the desk does not rewrite.
    pub in_quote: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_weekday: Option<StatedWeekday>,
}

/// Find the reference date, in order: option, front matter, date line, dateline, policy.
pub fn reference_date(doc: &Document, config: &Config) -> ReferenceDate {
    if let Some(d) = config.date_override {
        return ReferenceDate {
            value: Some(d),
            source: DateSource::Option,
            span: None,
        };
    }
    if let Some(r) = front_matter_date(doc) {
        return r;
    }
    if let Some(span) = doc.date_directive()
        && let Ok(d) = doc.text()[span.clone()].parse::<Date>()
    {
        return ReferenceDate {
            value: Some(d),
            source: DateSource::DateLine,
            span: Some(span.into()),
        };
    }
    let policy_date = match config.date_policy {
        DatePolicy::None => None,
        DatePolicy::Fixed(d) => Some(d),
        DatePolicy::Today | DatePolicy::FileMtime => config.policy_date,
    };
    if let Some(r) = dateline(doc, policy_date) {
        return r;
    }
    let (value, source) = match config.date_policy {
        DatePolicy::None => (None, DateSource::None),
        DatePolicy::Fixed(d) => (Some(d), DateSource::Config),
        DatePolicy::Today => (config.policy_date, DateSource::Today),
        DatePolicy::FileMtime => (config.policy_date, DateSource::FileMtime),
    };
    ReferenceDate {
        value,
        source: if value.is_some() {
            source
        } else {
            DateSource::None
        },
        span: None,
    }
}

/// `date: 2022-01-12` (YAML) or `date = 2022-01-12` (TOML), possibly quoted or with a time.
fn front_matter_date(doc: &Document) -> Option<ReferenceDate> {
    let fm = doc.front_matter()?;
    let text = doc.text();
    let mut pos = fm.start;
    for line in text[fm.clone()].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix("date") {
            let rest_trim = rest.trim_start();
            if let Some(value) = rest_trim.strip_prefix([':', '=']) {
                let v = value.trim().trim_matches(['"', '\'']);
                let day = v.get(..10).unwrap_or(v);
                if let Ok(d) = day.parse::<Date>() {
                    let start = pos
                        + lead
                        + 4
                        + (rest.len() - rest_trim.len())
                        + 1
                        + (value.len() - value.trim_start().len())
                        + usize::from(value.trim_start().starts_with(['"', '\'']));
                    return Some(ReferenceDate {
                        value: Some(d),
                        source: DateSource::FrontMatter,
                        span: Some(Span::new(start, start + day.len())),
                    });
                }
            }
        }
        pos += line.len();
    }
    None
}

/// An AP dateline opening the first paragraph ("ALMATY, Kazakhstan, Jan. 12 (AP) —") or a
/// first paragraph that is only a date ("Jan. 12, 2022").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let m = lexicon::MONTH;
    Regex::new(&format!(
        r"^(?:\p{{Lu}}[\p{{Lu}}\p{{M}} .'’-]+(?:,\s*[\p{{L}}.][\p{{L}}. ]*)*,\s+)?(?:{w},?\s+)?({m})\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?(?:\s*\((?:AP|Reuters|AFP|UPI|CNN)\))?\s*(?:[—–]|--|-\s|$)",
        w = lexicon::WEEKDAY
    ))
    .expect("valid regex")
});

/// The date of an AP dateline or date line at the top. A dateline without a year takes the
/// year that puts it nearest the policy's date, and without one gives no date.
fn dateline(doc: &Document, around: Option<Date>) -> Option<ReferenceDate> {
    let block = doc.blocks().first()?;
    let text = doc.prose().get(block.clone())?;
    let trimmed = text.trim_start();
    let lead = block.start + text.len() - trimmed.len();
    let c = DATELINE.captures(trimmed)?;
    let month = i64::from(lexicon::month(c.get(1)?.as_str())?);
    let day: i64 = c.get(2)?.as_str().parse().ok()?;
    let date = match c.get(3).and_then(|y| y.as_str().parse::<i16>().ok()) {
        Some(y) => Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?,
        None => resolve::nearest(around?, month, day)?,
    };
    let span_end = c.get(3).or(c.get(2))?.end();
    Some(ReferenceDate {
        value: Some(date),
        source: DateSource::Dateline,
        span: Some(Span::new(lead + c.get(1)?.start(), lead + span_end)),
    })
}

/// The largest char boundary of `s` at or below `at`.
fn floor(s: &str, at: usize) -> usize {
    crate::text::floor_char_boundary(s, at)
}

/// Every temporal expression in the prose, sentence by sentence.
pub fn find(doc: &Document, reference: &ReferenceDate) -> Vec<DateExpr> {
    let prose = doc.prose();
    let lower = doc.lower();
    let text = doc.text();
    let quotes = &doc.quotes().quotes;
    let dateline = reference
        .span
        .filter(|_| reference.source == DateSource::Dateline);
    let mut out = Vec::new();
    let mut last_quarter = None;
    let (mut story, mut previous_day) = (None, None);
    let mut scratch = resolve::Scratch::default();
    for range in doc.sentences() {
        let (Some(sentence), Some(lower)) = (prose.get(range.clone()), lower.get(range.clone()))
        else {
            continue;
        };
        let mut cx = resolve::Cx {
            sentence,
            lower,
            reference: reference.value,
            anchor: None,
            anchor_end: 0,
            story,
            previous_day,
            last_quarter,
        };
        for r in resolve::sentence(&mut cx, &mut scratch) {
            let (start, end) = (range.start + r.span.start, range.start + r.span.end);
            if dateline.is_some_and(|d| start < d.end && d.start < end) {
                continue;
            }
            let date = match &r.val {
                resolve::Val::Day(d) => Some(*d),
                _ => None,
            };
            // Quotes are sorted and do not overlap: the last one starting at or before `start`.
            let qi = quotes.partition_point(|q| q.span.start <= start);
            let in_quote = qi > 0 && quotes.get(qi - 1).is_some_and(|q| start < q.span.end);
            out.push(DateExpr {
                start,
                end,
                text: text.get(start..end).unwrap_or_default().to_owned(),
                value: r.val.timex(),
                anchored: r.anchored,
                kind: r.kind,
                form: r.form,
                date,
                weekday: date.map(|d| lexicon::weekday_name(d.weekday())),
                days_from_reference: date
                    .zip(reference.value)
                    .and_then(|(d, rf)| resolve::days_between(d, rf)),
                tense: r.tense,
                in_quote,
                stated_weekday: r.stated.as_ref().map(|(span, w)| StatedWeekday {
                    start: range.start + span.start,
                    end: range.start + span.end,
                    weekday: lexicon::weekday_name(*w),
                }),
            });
        }
        last_quarter = cx.last_quarter;
        previous_day = cx.anchor;
        story = cx.story;
    }
    out
}

/// A day as AP writes it in running copy relative to the dateline: the weekday within a week
/// of it, otherwise "Jan. 11" (with the year when it differs).
pub fn ap_relative(date: Date, reference: Date) -> String {
    let days = resolve::days_between(date, reference).unwrap_or(i64::MAX);
    if days.abs() <= 6 {
        return lexicon::weekday_name(date.weekday()).to_owned();
    }
    ap_day(date, date.year() != reference.year())
}

/// "Jan. 11" or "Jan. 11, 2022".
pub fn ap_day(date: Date, with_year: bool) -> String {
    let month = lexicon::ap_month(date.month());
    if with_year {
        format!("{month} {}, {}", date.day(), date.year())
    } else {
        format!("{month} {}", date.day())
    }
}

/// "Tuesday, Jan. 11, 2022": built by hand, since every relative date's message carries one.
pub fn ap_full(date: Date) -> String {
    let mut s = String::with_capacity(26);
    s.push_str(lexicon::weekday_name(date.weekday()));
    s.push_str(", ");
    s.push_str(lexicon::ap_month(date.month()));
    s.push(' ');
    // Writing to a `String` cannot fail.
    let _ = lexicon::write_padded(&mut s, date.day().unsigned_abs().into(), 1);
    s.push_str(", ");
    if date.year() < 0 {
        s.push('-');
    }
    let _ = lexicon::write_padded(&mut s, date.year().unsigned_abs().into(), 1);
    s
}

/// A month spelled out, for "January 2022".
pub fn month_name(month: i8) -> &'static str {
    lexicon::full_month(month)
}

/// The weekday's name ("Tuesday").
pub fn weekday_name(date: Date) -> &'static str {
    lexicon::weekday_name(date.weekday())
}

/// Markdown for an editor hover: what the expression resolves to and how far it is from the
/// dateline.
pub fn describe(expr: &DateExpr, reference: &ReferenceDate) -> String {
    let mut s = format!("**{}** → `{}`", expr.text, expr.value);
    match (expr.date, reference.value) {
        (Some(d), Some(r)) => {
            s.push_str(&format!("\n\n{}", ap_full(d)));
            if let Some(n) = expr.days_from_reference {
                let when = match n {
                    0 => "the dateline's own day".to_owned(),
                    1 => "1 day after the dateline".to_owned(),
                    -1 => "1 day before the dateline".to_owned(),
                    n if n > 0 => format!("{n} days after the dateline"),
                    n => format!("{} days before the dateline", -n),
                };
                s.push_str(&format!(" — {when} ({})", ap_full(r)));
            }
        }
        (Some(d), None) => s.push_str(&format!("\n\n{}", ap_full(d))),
        (None, None) if expr.anchored => s.push_str(
            "\n\nNo reference date: give one with `--date`, `date:` in front matter or a \
             first line `date YYYY-MM-DD`.",
        ),
        _ => {}
    }
    s
}

/// A short inlay label for a full day: "Tue Jan 11".
pub fn inlay_label(expr: &DateExpr) -> Option<String> {
    let d = expr.date?;
    let wd = lexicon::weekday_name(d.weekday()).get(..3)?;
    let month = lexicon::full_month(d.month()).get(..3)?;
    Some(format!("{wd} {month} {}", d.day()))
}

#[cfg(test)]
mod tests;
