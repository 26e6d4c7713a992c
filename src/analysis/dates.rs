//! Dates: the draft's reference date and every temporal expression, resolved to the calendar.

use crate::config::{Config, DatePolicy};
use crate::finding::Span;
use crate::text::Document;
use jiff::civil::Date;
use serde::Serialize;

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

/// Every temporal expression in the prose.
pub fn find(_doc: &Document, _reference: &ReferenceDate) -> Vec<DateExpr> {
    Vec::new()
}
