//! Recognising temporal expressions in one sentence and resolving them to TIMEX3 values.
//!
//! Every pattern is a compiled-once regex, run over a sentence only when one scan of its words
//! found a word the pattern needs (most sentences hold no date word); overlapping candidates are
//! settled leftmost-longest, then each survivor is resolved in order so that "the next day"
//! can lean on the sentence's own date.

use super::cues::Cues;
use super::lexicon::{self, MONTH, NUMBER, WEEKDAY};
use super::marks::Marks;
use super::{DateKind, Form, Tense};
use jiff::Span as Dur;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

/// A resolved TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Val {
    Day(Date),
    Week(i16, i8),
    Weekend(i16, i8),
    Month(i16, i8),
    Quarter(i16, i8),
    Half(i16, i8),
    Season(i16, &'static str),
    Year(i16),
    /// First three digits of the years: 199 for the 1990s.
    Decade(i16),
    /// First two digits: 19 for the 20th century.
    Century(i16),
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Ref(&'static str),
    /// Relative, with no reference date to resolve it: the TIMEX3 pattern of its granularity.
    Unknown(&'static str),
    /// A calendar date that does not exist, as written (year, month, day).
    Invalid(i64, i64, i64),
}

impl Val {
    /// The TIMEX3 value as text. A day, the commonest value, is written by hand: jiff's own
    /// `Display` is general and slow, and years 0-9999 are all news has.
    pub(super) fn timex(&self) -> String {
        match self {
            Val::Day(d) if (0..=9999).contains(&d.year()) => {
                let mut s = String::with_capacity(10);
                // Writing to a `String` cannot fail.
                let _ = lexicon::write_padded(&mut s, d.year().unsigned_abs().into(), 4);
                s.push('-');
                let _ = lexicon::write_padded(&mut s, d.month().unsigned_abs().into(), 2);
                s.push('-');
                let _ = lexicon::write_padded(&mut s, d.day().unsigned_abs().into(), 2);
                s
            }
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::Day(d) => write!(f, "{d}"),
            Val::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Val::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            Val::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Val::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Val::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Val::Season(y, s) => write!(f, "{y:04}-{s}"),
            Val::Year(y) => write!(f, "{y:04}"),
            Val::Decade(d) => write!(f, "{d:03}"),
            Val::Century(c) => write!(f, "{c:02}"),
            Val::Ref(r) | Val::Unknown(r) => f.write_str(r),
            Val::Invalid(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

/// What the surrounding sentence contributes to resolving an expression.
pub(super) struct Cx<'a> {
    pub sentence: &'a str,
    /// The sentence with ASCII letters lowered (same offsets): words are compared from here.
    pub lower: &'a str,
    pub reference: Option<Date>,
    /// The latest full-day date given earlier in the same sentence.
    pub anchor: Option<Date>,
    /// Where that date ends in the sentence: "Oct. 12, the day before the crash" is Oct. 12.
    pub anchor_end: usize,
    /// The latest day or month the draft named before this point (a month as its first day):
    /// what "the previous Friday" or "the following month" counts from when the sentence
    /// names no date of its own.
    pub story: Option<Date>,
    /// The latest full day of the previous sentence: what "until then" points back to.
    pub previous_day: Option<Date>,
    /// The latest quarter the draft named ("the year-ago quarter" is its year before).
    pub last_quarter: Option<(i16, i8)>,
}

/// One resolved expression; offsets are relative to the sentence.
#[derive(Clone, Debug)]
pub(super) struct Res {
    pub span: Range<usize>,
    pub val: Val,
    pub kind: DateKind,
    pub form: Form,
    pub anchored: bool,
    pub tense: Option<Tense>,
    /// A weekday written next to the date ("Monday, Jan. 12"), to check against it.
    pub stated: Option<(Range<usize>, Weekday)>,
    /// A quarter named outright ("the third quarter"): what "the year-ago quarter" and "the
    /// latest period" later in the draft refer to.
    pub topic_quarter: Option<(i16, i8)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pat {
    MonthDay,
    DayMonth,
    Iso,
    Numeric,
    MonthYear,
    MonthRel,
    Month,
    Season,
    Quarter,
    Decade,
    Century,
    Year,
    YearWords,
    Deictic,
    Weekday,
    Period,
    Offset,
    InOffset,
    Sequel,
    Anaphor,
    Vague,
    Holiday,
}

/// Date patterns use ASCII word boundaries: every word they match is English, and the regex
/// crate's fast DFA cannot take a Unicode `\b` once a draft holds a curly quote or a dash,
/// which sends every search to a backtracker ten times slower.
fn re(p: &str) -> Regex {
    let p = p
        .replace("MONTH", MONTH)
        .replace("WEEKDAY", WEEKDAY)
        .replace("NUMBER", NUMBER)
        .replace(r"\b", r"(?-u:\b)");
    Regex::new(&format!("(?i){p}")).expect("valid date regex")
}

pub(super) static PATTERNS: LazyLock<Vec<(Pat, Regex)>> = LazyLock::new(|| {
    vec![
        (
            Pat::MonthDay,
            re(
                r"\b(?:(WEEKDAY),?\s+)?(?:(early|late|mid-?|around)\s+)?(MONTH)\s+(\d{1,2})(st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?",
            ),
        ),
        (
            Pat::DayMonth,
            re(
                r"\b(?:(WEEKDAY),?\s+)?(?:the\s+)?(\d{1,2})(st|nd|rd|th)?\s+(?:of\s+)?(MONTH)(?:,?\s+(\d{4})\b)?",
            ),
        ),
        (Pat::Iso, re(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
        (Pat::Numeric, re(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")),
        (
            Pat::MonthYear,
            re(
                r"\b(?:(early|late|mid-?|the\s+(?:middle|beginning|start|end)\s+of)\s*)?(MONTH),?\s+(?:of\s+)?(\d{4}|nineteen\s+[a-z]+(?:-[a-z]+)?)\b",
            ),
        ),
        (Pat::MonthRel, re(r"\b(MONTH)\s+(this|last|next)\s+year\b")),
        (
            Pat::Month,
            re(
                r"\b(?:(last|next|this|this\s+past|this\s+coming|early|late|mid-?|the\s+(?:middle|beginning|start|end)\s+of)\s*)?(MONTH)\b",
            ),
        ),
        (
            Pat::Season,
            re(
                r"\b(?:(this\s+past|this|last|next|the|early|late|in)\s+)?(?:(early|late)\s+)?(spring|summer|fall|autumn|winter)\b(?:\s+of\s+(\d{4}|nineteen\s+\w+(?:-\w+)?))?",
            ),
        ),
        (
            Pat::Quarter,
            re(
                r"\b((?:(?:the|this|last|next|its|a|that|current|latest|same|comparable|corresponding|previous|prior|fiscal|calendar|year|ago|earlier|flat|\d{4}|(?:this|last|next)\s+year's|first|second|third|fourth|1st|2nd|3rd|4th|final|latter|past|several|coming|future|recent)[\s-]+){0,5})(quarter|half|period)(s)?\b(?:\s+(?:of\s+)?(\d{4})\b|\s+(a\s+year\s+(?:ago|earlier)|last\s+year))?",
            ),
        ),
        (
            Pat::Decade,
            re(
                r"\b(?:the\s+)?(?:(early|late|mid-?)\s*)?(?:(\d{3})0|'(\d)0)'?s\b|\bthe\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            ),
        ),
        (
            Pat::Century,
            re(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b"),
        ),
        (
            Pat::Year,
            re(
                r"\b(?:(early|late|mid-?|the\s+(?:end|beginning|middle|start)\s+of|fiscal|calendar|the\s+(?:fiscal\s+|calendar\s+)?year)\s*)?((?:1[6-9]|20)\d\d)\b",
            ),
        ),
        (
            Pat::YearWords,
            re(
                r"\b(?:the\s+year\s+)?(nineteen\s+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|two\s+thousand)\b",
            ),
        ),
        (
            Pat::Deictic,
            re(
                r"\b(?:(early|late|earlier|later)\s+)?(today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b(?:\s+(morning|afternoon|evening|night))?(?:(?:,\s*|\s+\()(WEEKDAY)\b\)?)?",
            ),
        ),
        (
            Pat::Weekday,
            re(
                r"\b(?:(last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|early|late|earlier|later)\s+)?(WEEKDAY)\b(?:\s+(morning|afternoon|evening|night))?",
            ),
        ),
        (
            Pat::Period,
            re(
                r"\b(?:(early|late|earlier|later)\s+(?:in\s+)?)?(?:(the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)\s+)?(this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+following|the\s+same|the\s+full|the\s+latest|the|that)\s+(?:fiscal\s+|calendar\s+)?(week|weekend|month|year)\b|\b(year[- ]end|year's\s+end)\b",
            ),
        ),
        (
            Pat::Offset,
            re(
                r"\b(?:(nearly|almost|about|some|more\s+than|over|just|only|roughly|barely)\s+)?(NUMBER)\s+(day|week|month|year|decade|hour)s?(?:\s+or\s+so)?\s+(ago|earlier|before|later|after|from\s+now|hence)\b|\b((?:the\s+|a\s+)?year[- ](?:ago|earlier))\b",
            ),
        ),
        (
            Pat::InOffset,
            re(r"\bin\s+(NUMBER)\s+(day|week|month|year|hour)s?(?:'\s+time)?\b"),
        ),
        (
            Pat::Sequel,
            re(
                r"\bthe\s+(?:(day|night|week|month|year)\s+(before|after)|(next|following|previous|prior)\s+(day|morning|week|month|year))\b",
            ),
        ),
        (
            Pat::Anaphor,
            re(
                r"\b(?:(?:later|earlier)\s+in\s+the\s+day|((?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day)\s+of|(?:until|till|by)\s+(then))\b",
            ),
        ),
        (
            Pat::Vague,
            re(
                r"\b(right\s+now|now|currently|current|these\s+days|nowadays|recently|more\s+recently|lately|(?:in\s+)?recent\s+(?:years|months|weeks|days)|recent|the\s+(?:last|past)\s+(?:few|several)\s+(?:years|months|weeks|days)|past\s+(?:years|months|weeks|decades)|the\s+past|soon|the\s+(?:near\s+)?future|a\s+later\s+date|(?:the\s+)?coming\s+(?:months|weeks|years|days)|the\s+(?:near|short|long)\s+term)\b",
            ),
        ),
        (
            Pat::Holiday,
            re(
                r"\b(Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Independence\s+Day|July\s+Fourth|the\s+Fourth\s+of\s+July|Halloween|Valentine's\s+Day|Veterans\s+Day|Boxing\s+Day|Bastille\s+Day)\b",
            ),
        ),
    ]
});

/// Words that make a bare "May" or "March" a month rather than a verb.
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "of", "since", "until", "till", "by", "during", "through", "from", "to", "before",
    "after", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "that",
    "each", "every",
];
/// Words that make a bare season a time rather than a verb ("to fall") or a noun.
const SEASON_PREPOSITIONS: &[&str] = &[
    "in", "during", "since", "until", "till", "by", "through", "before", "after", "early", "late",
    "mid",
];

fn d(y: i64, m: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

pub(super) fn add_days(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Dur::new().try_days(n).ok()?).ok()
}

fn add_months(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Dur::new().try_months(n).ok()?).ok()
}

/// Days from `b` to `a`.
pub(super) fn days_between(a: Date, b: Date) -> Option<i64> {
    a.since(b).ok().map(|s| i64::from(s.get_days()))
}

fn week(date: Date) -> Val {
    let w = date.iso_week_date();
    Val::Week(w.year(), w.week())
}

fn weekend(date: Date) -> Val {
    let w = date.iso_week_date();
    Val::Weekend(w.year(), w.week())
}

fn quarter_of(date: Date) -> (i16, i8) {
    (date.year(), (date.month() - 1) / 3 + 1)
}

fn shift_quarter((y, q): (i16, i8), n: i64) -> (i16, i8) {
    let idx = i64::from(y) * 4 + i64::from(q) - 1 + n;
    (
        i16::try_from(idx.div_euclid(4)).unwrap_or(y),
        (idx.rem_euclid(4) + 1) as i8,
    )
}

fn cap<'h>(c: &Captures<'h>, i: usize) -> Option<&'h str> {
    c.get(i).map(|m| m.as_str())
}

fn lower(c: &Captures<'_>, i: usize) -> String {
    cap(c, i).unwrap_or("").to_ascii_lowercase()
}

fn int(s: Option<&str>) -> Option<i64> {
    s?.parse().ok()
}

/// The previous word before byte `at` of `lower` (a lowered text).
fn word_before(lower: &str, at: usize) -> &str {
    let head = lower.get(..at).unwrap_or("").trim_end();
    let w = head
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    w.trim_end_matches('-')
}

/// The year that puts month/day nearest the reference; a date more than two months away
/// takes the side the tense points to.
fn nearest_year(reference: Date, m: i64, day: i64, tense: Option<Tense>) -> Option<Date> {
    let y = i64::from(reference.year());
    let mut options: Vec<(i64, Date)> = (y - 1..=y + 1)
        .filter_map(|yy| d(yy, m, day))
        .filter_map(|c| Some((days_between(c, reference)?, c)))
        .collect();
    options.sort_by_key(|(diff, _)| diff.abs());
    let &(diff, best) = options.first()?;
    if diff.abs() <= 62 {
        return Some(best);
    }
    let side = options.iter().find(|(df, _)| match tense {
        Some(Tense::Past) => *df <= 0,
        Some(Tense::Future) => *df >= 0,
        None => false,
    });
    Some(side.map_or(best, |&(_, c)| c))
}

/// The month/day nearest `reference` (a year-less dateline).
pub(super) fn nearest(reference: Date, m: i64, day: i64) -> Option<Date> {
    nearest_year(reference, m, day, None)
}

/// The month's year: the reference's, unless the tense or a modifier points across a year.
fn month_year(reference: Date, m: i8, modifier: &str, tense: Option<Tense>) -> i16 {
    let (y, rm) = (reference.year(), reference.month());
    match modifier {
        // "last February" in March is a year back: the month just gone is "last month".
        "last" => {
            if m < rm - 1 {
                y
            } else {
                y - 1
            }
        }
        "next" | "this coming" => {
            if m > rm {
                y
            } else {
                y + 1
            }
        }
        "this past" => {
            if m <= rm {
                y
            } else {
                y - 1
            }
        }
        "this" => y,
        // Past copy: the latest such month; looking ahead: the next one; no tense: the next
        // one when it is at most four months off, else the latest.
        _ => {
            let ahead = (m - rm).rem_euclid(12);
            let future = match tense {
                Some(Tense::Future) => true,
                Some(Tense::Past) => false,
                None => ahead <= 4,
            };
            match (future, m.cmp(&rm)) {
                (true, std::cmp::Ordering::Less) => y + 1,
                (false, std::cmp::Ordering::Greater) => y - 1,
                _ => y,
            }
        }
    }
}

/// The weekday's date: "last" and "next" skip today; a bare weekday is the reference's own
/// day or one of the six before it, unless the verb looks ahead.
fn weekday_date(
    reference: Date,
    wd: Weekday,
    modifier: &str,
    tense: Option<Tense>,
) -> Option<Date> {
    let back = i64::from(reference.weekday().since(wd));
    let fwd = i64::from(reference.weekday().until(wd));
    let offset = match modifier {
        "last" | "the previous" => -(if back == 0 { 7 } else { back }),
        "next" | "this coming" | "the following" => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        "this past" => -back,
        // "will speak Friday" in a Friday story is that day: a week on would be "next Friday".
        _ if tense == Some(Tense::Future) => fwd,
        _ => -back,
    };
    add_days(reference, offset)
}

/// A date a past action moved something to: "extended to Nov. 20", "postponed until May".
static MOVED_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:extend|extended|extends|extending|postpone[sd]?|delay(?:ed|s)?|move[sd]?|push(?:ed|es)?\s+back|adjourn(?:ed|s)?|reschedule[sd]?)(?-u:\b)[^.;]{0,60}(?-u:\b)(?:to|until|till)\s+$").expect("valid regex")
});
/// A date that is a term, not an event of the clause: "bonds due Oct. 15, 1999", "the year
/// ending June 30", "for the first time since June 25, 2007".
static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:due|ending|maturing|expiring|since)\s+(?:on\s+)?$")
        .expect("valid regex")
});
/// Determiners before a date used as a modifier: "the Feb. 20 primary", "their Oct. 13
/// debate", "the prime minister's Dec. 28 meeting".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "their", "his", "her", "its", "our", "this", "that",
];
/// Events a date can follow as their label: "the Iowa caucuses Feb. 1", "the referendum on
/// June 23".
const EVENT_NOUNS: &[&str] = &[
    "primary",
    "primaries",
    "caucus",
    "caucuses",
    "referendum",
    "election",
    "elections",
    "vote",
    "debate",
    "deadline",
    "meeting",
    "summit",
    "hearing",
    "trial",
    "convention",
    "ballot",
    "runoff",
    "conference",
];

/// Whether a full date is a modifier of a noun rather than the time of its clause's verb:
/// after a determiner or possessive ("the Nov. 13 attacks"), after an event it labels
/// ("the New Hampshire primary Feb. 9"), or a markup attribute's value. Reads the lowered
/// sentence.
pub(super) fn attributive(lower: &str, start: usize) -> bool {
    let head = lower.get(..start).unwrap_or("");
    // `datetime="2016-07-23"`: a value in markup, not a clause at all.
    if head.ends_with("=\"") {
        return true;
    }
    let head = head.trim_end();
    let head = head
        .get(super::floor(head, head.len().saturating_sub(40))..)
        .unwrap_or("");
    let mut words = head
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'));
    let mut last = words.next().unwrap_or("");
    // "the referendum on June 23", "the delegate-packed April 19 primary".
    if last == "on" || last.contains('-') {
        last = words.next().unwrap_or("");
    }
    DETERMINERS.contains(&last)
        || last.ends_with("'s")
        || last.ends_with("’s")
        || EVENT_NOUNS.contains(&last)
}

static INFINITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)to\s+(?-i:[a-z]+)(?:\s+(?:on|in|by|at|until|again|next))?\s+$")
        .expect("valid regex")
});
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:by|until|till|effective|ahead\s+of)\s+$").expect("valid regex")
});
/// "gave them until mid-November": these look ahead even in a past clause.
static OPEN_UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:until|till|effective|ahead\s+of)\s+$").expect("valid regex")
});
/// A present-tense verb of schedule right before the date: "meets Friday", "talks resume
/// Monday". News copy writes the coming day that way.
static PRESENT_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\w+)\s+(meet|open|begin|start|resume|visit|travel|arrive|leave|return|head|face|play|vote|convene|reconvene|host|appear|fly|sign|expire|gather|debate|launch|testify|take\s+office|kick\s+off)(s|es|ies)?(?:\s+\w+ly)?(?:\s+again)?(?:\s+on)?\s+$")
        .expect("valid regex")
});
/// Words before "visit Monday" that make it a noun ("the visit Monday") or not a present
/// tense ("did not meet Monday").
const NOT_A_SUBJECT: &[&str] = &[
    "a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "my", "your", "did",
    "didn't", "not", "never", "to", "was", "were", "had",
];

/// Whether the clause before a date says what is scheduled in the present tense; `lower` is
/// `before` lowered.
fn present_plan(before: &str, lower: &str) -> bool {
    let Some(c) = PRESENT_PLAN.captures(before) else {
        return false;
    };
    let Some(at) = c.get(1).map(|m| m.range()) else {
        return false;
    };
    let (subject, lower) = (&before[at.clone()], &lower[at]);
    if NOT_A_SUBJECT.contains(&lower) {
        return false;
    }
    // "He meets": third person. A bare "meet" needs a plural subject: "they", a name
    // ("Arafat and Netanyahu meet"), or a plural noun ("talks resume").
    c.get(3).is_some()
        || ["they", "we", "i", "you", "which", "that", "who"].contains(&lower)
        || subject.starts_with(char::is_uppercase)
        || lower.ends_with('s')
}

/// "-ed" words that describe plans rather than what happened.
const PLAN_WORDS: &[&str] = &[
    "scheduled",
    "expected",
    "planned",
    "slated",
    "postponed",
    "delayed",
    "moved",
    "pushed",
    "needed",
    "extended",
    "proposed",
    "offered",
];

/// The tense of the clause an expression sits in: the last tense marker before it (in the
/// 80 bytes before), or failing that the first after it (in the 64 bytes after). Words are
/// compared in `lower`, the sentence lowered.
pub(super) fn tense_at(sentence: &str, lower: &str, span: &Range<usize>) -> Option<Tense> {
    let from = super::floor(sentence, span.start.saturating_sub(80));
    let before = sentence.get(from..span.start).unwrap_or("");
    let (lower_sentence, lower) = (lower, lower.get(from..span.start).unwrap_or(""));
    if present_plan(before, lower) {
        return Some(Tense::Future);
    }
    if MOVED_TO.is_match(before) || TERM.is_match(before) {
        return None;
    }
    let Marks { future, past, open } = Marks::of(before, lower);
    // (offset, tense, strong): `None` leaves the time open. At one offset the later entry
    // wins: "is expected to" is a future, "is" alone open.
    let mut marked: Vec<(usize, Option<Tense>, bool)> = open
        .iter()
        .map(|r| (r.start, None, true))
        .chain(future.into_iter().filter_map(|m| {
            // "were due to file": a past plan; "due to the storm": a cause.
            let inside = open.iter().any(|r| r.start < m.start && m.start < r.end);
            let cause = lower[m.clone()].ends_with("due to")
                && DETERMINERS.contains(&word_after(lower, m.end));
            (!inside && !cause).then_some((m.start, Some(Tense::Future), true))
        }))
        .chain(past.into_iter().filter_map(|m| {
            // "had been set to expire": the "had" of a past plan.
            if open.iter().any(|r| r.start <= m.start && m.start < r.end) {
                return None;
            }
            let w = &lower[m.clone()];
            let gap = before.get(m.end..).unwrap_or("").split_whitespace().count();
            if PLAN_WORDS.contains(&w) {
                Some((m.start, None, true))
            } else if w.ends_with("ed")
                && (gap > 2 || ["a", "an", "the"].contains(&word_before(lower, m.start)))
            {
                // A far "-ed" word, or one after an article, is as often an adjective ("a
                // designated day on Nov. 1").
                None
            } else {
                // "will be held", "to be published": a participle after "be" says nothing
                // of the time.
                let head = lower.get(..m.start).unwrap_or("").trim_end();
                // "votes are tallied March 15": a present passive.
                if [" be", " been", " is", " are", " am", " being"]
                    .iter()
                    .any(|aux| head.ends_with(aux))
                {
                    return None;
                }
                Some((m.start, Some(Tense::Past), !w.ends_with("ed")))
            }
        }))
        .collect();
    marked.sort_by_key(|m| m.0);
    let mut tense = None;
    let mut seen = false;
    let mut last = 0;
    for (at, t, strong) in marked {
        seen = true;
        last = at;
        // "will be held Jan. 5": a participle does not undo the future.
        if strong || tense != Some(Tense::Future) {
            tense = t;
        }
    }
    // "to resume Monday", "by February": an infinitive or a deadline just before the date
    // looks ahead unless the clause is plainly past.
    // With nothing before it, the verb after decides: "By Jan. 18, Obama was winning".
    let tense = if seen {
        tense
    } else {
        let to = super::floor(sentence, (span.end + 64).min(sentence.len()));
        let after = Marks::of(
            sentence.get(span.end..to).unwrap_or(""),
            lower_sentence.get(span.end..to).unwrap_or(""),
        );
        let f = after.future.first().map(|m| m.start);
        let p = after.past.first().map(|m| m.start);
        match (f, p) {
            // "is poised to": the future mark holds the "-ed" word.
            (Some(f), Some(p)) => Some(if f <= p { Tense::Future } else { Tense::Past }),
            (Some(_), None) => Some(Tense::Future),
            (None, Some(_)) => Some(Tense::Past),
            (None, None) => None,
        }
    };
    // "were due to file by March 15": a deadline set in the past is no future.
    let past_plan = seen
        && tense.is_none()
        && lower
            .get(last..)
            .and_then(|t| t.split_whitespace().next())
            .is_some_and(|w| ["was", "were", "had"].contains(&w));
    if OPEN_UNTIL.is_match(before)
        || tense != Some(Tense::Past)
            && (INFINITIVE.is_match(before) || !past_plan && DEADLINE.is_match(before))
    {
        return Some(Tense::Future);
    }
    tense
}

/// The next word after byte `at` of `lower` (a lowered text).
fn word_after(lower: &str, at: usize) -> &str {
    lower
        .get(at..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
}

/// Buffers kept from sentence to sentence, so a sentence allocates none of its own.
#[derive(Default)]
pub(super) struct Scratch<'a> {
    /// Every admitted pattern's matches with their groups, and the pattern's index in `PATTERNS`.
    matches: Vec<(Captures<'a>, usize)>,
    found: Vec<Res>,
}

/// Every temporal expression of one sentence, resolved. Candidates are settled
/// leftmost-longest without overlaps ("March" loses to "March 3, 2021"). Groups are read
/// with each match: in news nine matches in ten win, so reading them only for the winners
/// cost a second search for each.
pub(super) fn sentence<'a, 's>(cx: &mut Cx<'a>, scratch: &'s mut Scratch<'a>) -> &'s [Res] {
    let Scratch { matches, found } = scratch;
    matches.clear();
    found.clear();
    let cues = Cues::of(cx.lower);
    for (i, (pat, regex)) in PATTERNS.iter().enumerate() {
        if cues.admit(*pat) {
            matches.extend(regex.captures_iter(cx.sentence).map(|c| (c, i)));
        }
    }
    let span = |c: &Captures<'_>| c.get(0).map_or(0..0, |m| m.range());
    matches.sort_unstable_by_key(|(c, i)| {
        let s = span(c);
        (s.start, std::cmp::Reverse(s.end), *i)
    });
    let mut end = 0;
    for (c, i) in matches.iter() {
        let s = span(c);
        if s.start < end || s.is_empty() {
            continue;
        }
        end = s.end;
        let pat = PATTERNS[*i].0;
        let Some(whole) = c.get(0) else { continue };
        let full_date = matches!(pat, Pat::MonthDay | Pat::DayMonth | Pat::Iso | Pat::Numeric);
        let tense = if full_date && attributive(cx.lower, whole.start()) {
            None
        } else {
            tense_at(cx.sentence, cx.lower, &whole.range())
        };
        if let Some(mut r) = resolve(pat, c, cx, tense) {
            r.tense = tense;
            match r.val {
                Val::Day(day) => {
                    cx.anchor = Some(day);
                    cx.anchor_end = r.span.end;
                    cx.story = Some(day);
                }
                Val::Month(y, m) => cx.story = Date::new(y, m, 1).ok().or(cx.story),
                _ => {}
            }
            if r.topic_quarter.is_some() {
                cx.last_quarter = r.topic_quarter;
            }
            found.push(r);
        }
    }
    found
}

fn res(c: &Captures<'_>, val: Val, kind: DateKind, anchored: bool) -> Option<Res> {
    Some(Res {
        span: c.get(0)?.range(),
        val,
        kind,
        form: Form::Words,
        anchored,
        tense: None,
        stated: None,
        topic_quarter: None,
    })
}

/// A full date written in digits: that day, or an impossible one (Feb. 30) kept as written.
fn written_day(c: &Captures<'_>, y: i64, m: i64, day: i64, form: Form) -> Option<Res> {
    let (val, kind) = match d(y, m, day) {
        Some(date) => (Val::Day(date), DateKind::Absolute),
        None => (Val::Invalid(y, m, day), DateKind::Impossible),
    };
    let mut r = res(c, val, kind, false)?;
    r.form = form;
    Some(r)
}

/// A relative expression: its value from the reference, or the bare granularity without one.
fn relative(
    c: &Captures<'_>,
    cx: &Cx<'_>,
    kind: DateKind,
    unknown: &'static str,
    f: impl FnOnce(Date) -> Option<Val>,
) -> Option<Res> {
    match cx.reference {
        Some(r) => res(c, f(r)?, kind, true),
        None => res(c, Val::Unknown(unknown), kind, true),
    }
}

fn resolve(pat: Pat, c: &Captures<'_>, cx: &Cx<'_>, tense: Option<Tense>) -> Option<Res> {
    let s = cx.sentence;
    let start = c.get(0)?.start();
    match pat {
        Pat::MonthDay | Pat::DayMonth => {
            let (wd, m, day, year) = if pat == Pat::MonthDay {
                (c.get(1), cap(c, 3)?, int(cap(c, 4))?, int(cap(c, 6)))
            } else {
                (c.get(1), cap(c, 4)?, int(cap(c, 2))?, int(cap(c, 5)))
            };
            let m = i64::from(lexicon::month(m)?);
            let modifier = if pat == Pat::MonthDay {
                lower(c, 2)
            } else {
                String::new()
            };
            let (val, anchored) = match (year, cx.reference) {
                (Some(y), _) => (
                    d(y, m, day).map_or(Val::Invalid(y, m, day), Val::Day),
                    false,
                ),
                (None, Some(r)) => match nearest_year(r, m, day, tense) {
                    Some(date) => (Val::Day(date), true),
                    None => (Val::Invalid(i64::from(r.year()), m, day), true),
                },
                (None, None) => (
                    d(2000, m, day).map_or(Val::Invalid(0, m, day), |_| Val::Unknown("XXXX-XX-XX")),
                    true,
                ),
            };
            let val = match (&val, modifier.as_str()) {
                (Val::Day(date), "early" | "late" | "mid" | "mid-") => {
                    Val::Month(date.year(), date.month())
                }
                _ => val,
            };
            let kind = if matches!(val, Val::Invalid(..)) {
                DateKind::Impossible
            } else {
                DateKind::Absolute
            };
            let mut r = res(c, val, kind, anchored)?;
            r.stated = wd.and_then(|w| Some((w.range(), lexicon::weekday(w.as_str())?)));
            Some(r)
        }
        Pat::Iso => {
            let (y, m, day) = (int(cap(c, 1))?, int(cap(c, 2))?, int(cap(c, 3))?);
            written_day(c, y, m, day, Form::Iso)
        }
        Pat::Numeric => {
            // Not a fraction or a score inside a longer run ("1/2/3/4").
            let whole = c.get(0)?;
            if s.get(whole.end()..).is_some_and(|t| t.starts_with('/'))
                || s.get(..whole.start()).is_some_and(|t| t.ends_with('/'))
            {
                return None;
            }
            let (m, day, y) = (int(cap(c, 1))?, int(cap(c, 2))?, cap(c, 3)?);
            let mut y: i64 = y.parse().ok()?;
            if y < 100 {
                y += if y < 50 { 2000 } else { 1900 };
            }
            written_day(c, y, m, day, Form::Numeric)
        }
        Pat::MonthYear => {
            let m = lexicon::month(cap(c, 2)?)?;
            let y = cap(c, 3)?;
            let y = y.parse::<i16>().ok().or_else(|| {
                lexicon::year_words(&y.split_whitespace().collect::<Vec<_>>().join(" "))
            })?;
            res(c, Val::Month(y, m), DateKind::Absolute, false)
        }
        Pat::MonthRel => {
            let m = lexicon::month(cap(c, 1)?)?;
            let shift = match lower(c, 2).as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            relative(c, cx, DateKind::Period, "XXXX-XX", |r| {
                Some(Val::Month(r.year() + shift, m))
            })
        }
        Pat::Month => {
            let name = cap(c, 2)?;
            let modifier = lower(c, 1);
            let modifier = modifier.split_whitespace().collect::<Vec<_>>().join(" ");
            // A bare "May" or "March" is too often a verb; bare abbreviations too often not dates.
            if modifier.is_empty() {
                let prev = word_before(cx.lower, start);
                let risky = matches!(name, "May" | "March") || name.len() <= 4;
                if risky && !TIME_PREPOSITIONS.contains(&prev) {
                    return None;
                }
            }
            let m = lexicon::month(name)?;
            let anchored = !modifier.is_empty()
                && !modifier.starts_with("the ")
                && !["early", "late", "mid", "mid-"].contains(&modifier.as_str());
            relative(
                c,
                cx,
                if anchored {
                    DateKind::Period
                } else {
                    DateKind::Absolute
                },
                "XXXX-XX",
                |r| Some(Val::Month(month_year(r, m, modifier.as_str(), tense), m)),
            )
        }
        Pat::Season => {
            let modifier = lower(c, 1);
            let modifier = modifier.split_whitespace().collect::<Vec<_>>().join(" ");
            let name = lower(c, 3);
            if modifier.is_empty() && c.get(2).is_none() && c.get(4).is_none() {
                let prev = word_before(cx.lower, start);
                if !SEASON_PREPOSITIONS.contains(&prev) {
                    return None;
                }
            }
            let code = match name.as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "winter" => "WI",
                _ => "FA",
            };
            let explicit =
                cap(c, 4).and_then(|y| y.parse::<i16>().ok().or_else(|| lexicon::year_words(y)));
            let mut r = match explicit {
                Some(y) => res(c, Val::Season(y, code), DateKind::Absolute, false)?,
                None => relative(c, cx, DateKind::Period, "XXXX-XX", |r| {
                    let y = r.year()
                        + match modifier.as_str() {
                            "last" => -1,
                            "next" => 1,
                            _ => 0,
                        };
                    Some(Val::Season(y, code))
                })?,
            };
            if modifier == "in" {
                r.span.start = c.get(1)?.end() + 1;
                r.span.start = skip_space(s, r.span.start);
            }
            Some(r)
        }
        Pat::Quarter => quarter(c, cx),
        Pat::Decade => {
            let val = if let Some(dd) = cap(c, 2) {
                Val::Decade(dd.parse().ok()?)
            } else if let Some(dd) = cap(c, 3) {
                Val::Decade(190 + dd.parse::<i16>().ok()?)
            } else {
                let word = lower(c, 4);
                let tens = lexicon::DECADES.iter().position(|w| *w == word)?;
                Val::Decade(192 + tens as i16)
            };
            res(c, val, DateKind::Absolute, false)
        }
        Pat::Century => {
            let n: i16 = cap(c, 1)?.parse().ok()?;
            (1..=30).contains(&n).then_some(())?;
            res(c, Val::Century(n - 1), DateKind::Absolute, false)
        }
        Pat::Year => {
            let whole = c.get(0)?;
            let before = s.get(..whole.start()).unwrap_or("");
            let after = s.get(whole.end()..).unwrap_or("");
            if before.ends_with(['$', '#', '£', '€', '.', ',', '/', '-', '+'])
                && !before.ends_with("mid-")
                || after.starts_with(['%', '/'])
                || after.starts_with(",0")
                || after.starts_with(",")
                    && after
                        .get(1..2)
                        .is_some_and(|t| t.chars().all(|ch| ch.is_ascii_digit()))
                || after.starts_with('.')
                    && after
                        .get(1..2)
                        .is_some_and(|t| t.chars().all(|ch| ch.is_ascii_digit()))
            {
                return None;
            }
            let next = after
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if [
                "percent",
                "shares",
                "people",
                "employees",
                "units",
                "tons",
                "workers",
                "jobs",
                "cars",
                "troops",
                "points",
                "feet",
                "meters",
                "miles",
                "members",
                "votes",
                "acres",
                "barrels",
                "students",
            ]
            .iter()
            .any(|w| next.starts_with(w))
            {
                return None;
            }
            let y: i16 = cap(c, 2)?.parse().ok()?;
            res(c, Val::Year(y), DateKind::Absolute, false)
        }
        Pat::YearWords => {
            let y =
                lexicon::year_words(&cap(c, 1)?.split_whitespace().collect::<Vec<_>>().join(" "))?;
            res(c, Val::Year(y), DateKind::Absolute, false)
        }
        Pat::Deictic => {
            // "USA Today", "VOA Today": a name, not a day.
            let prev = s.get(..start).unwrap_or("").trim_end();
            let prev_word = prev.rsplit(char::is_whitespace).next().unwrap_or("");
            if cap(c, 0)
                .is_some_and(|t| t.starts_with(['T', 't']) && t.starts_with(char::is_uppercase))
                && prev_word.starts_with(char::is_uppercase)
                && !prev_word.ends_with(['.', '!', '?', ':', '"', '”'])
            {
                return None;
            }
            let word = lower(c, 2);
            let offset = match word.split_whitespace().next().unwrap_or("") {
                "yesterday" | "last" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let mut r = relative(c, cx, DateKind::Deictic, "XXXX-XX-XX", |r| {
                add_days(r, offset).map(Val::Day)
            })?;
            if let Some(w) = c.get(4) {
                r.stated = Some((w.range(), lexicon::weekday(w.as_str())?));
            }
            Some(r)
        }
        Pat::Weekday => {
            let wd = lexicon::weekday(cap(c, 2)?)?;
            let modifier = lower(c, 1).split_whitespace().collect::<Vec<_>>().join(" ");
            let base = if modifier.starts_with("the ") {
                cx.anchor.or(cx.story).or(cx.reference)
            } else {
                cx.reference
            };
            match base {
                Some(r) => res(
                    c,
                    Val::Day(weekday_date(r, wd, &modifier, tense)?),
                    DateKind::Weekday,
                    true,
                ),
                None => res(c, Val::Unknown("XXXX-XX-XX"), DateKind::Weekday, true),
            }
        }
        Pat::Period => period(c, cx, tense),
        Pat::Offset => offset(c, cx),
        Pat::InOffset => {
            let n = lexicon::number(cap(c, 1)?)?;
            shifted(c, n, &lower(c, 2), DateKind::Offset, cx.reference)
        }
        Pat::Sequel => {
            if relative_to_event(s, c.get(0)?.end()) {
                return apposition(c, cx);
            }
            let (unit, dir) = match (c.get(1), c.get(3)) {
                (Some(u), _) => (u.as_str().to_ascii_lowercase(), lower(c, 2)),
                (None, Some(dirm)) => (lower(c, 4), dirm.as_str().to_ascii_lowercase()),
                _ => return None,
            };
            let n = if matches!(dir.as_str(), "before" | "previous" | "prior") {
                -1
            } else {
                1
            };
            let unit = if unit == "night" || unit == "morning" {
                "day".to_owned()
            } else {
                unit
            };
            let mut r = shifted(c, n, &unit, DateKind::Offset, cx.anchor.or(cx.reference))?;
            r.anchored = cx.anchor.is_none();
            Some(r)
        }
        Pat::Anaphor => anaphor(c, cx),
        Pat::Vague => {
            let w = lower(c, 1);
            // "as soon as", "soon after": a conjunction, not a time.
            let next = cx.lower.get(c.get(0)?.end()..).unwrap_or("").trim_start();
            if w == "soon"
                && (word_before(cx.lower, start) == "as"
                    || next.starts_with("after")
                    || next.starts_with("as "))
            {
                return None;
            }
            let val = if w.contains("now") || w.contains("current") || w.contains("these days") {
                "PRESENT_REF"
            } else if w.contains("later")
                || w.contains("soon")
                || w.contains("future")
                || w.contains("coming")
                || w.contains("term")
            {
                "FUTURE_REF"
            } else {
                "PAST_REF"
            };
            let mut r = res(c, Val::Ref(val), DateKind::Vague, true)?;
            if w.starts_with("in ") {
                r.span.start = skip_space(s, r.span.start + 2);
            }
            Some(r)
        }
        Pat::Holiday => {
            let name = lower(c, 1);
            let (m, day) = match name.split_whitespace().next().unwrap_or("") {
                "christmas" => (12, if name.ends_with("eve") { 24 } else { 25 }),
                "new" => {
                    if name.ends_with("eve") {
                        (12, 31)
                    } else {
                        (1, 1)
                    }
                }
                "independence" | "july" => (7, 4),
                "the" => (7, 4),
                "halloween" => (10, 31),
                "valentine's" => (2, 14),
                "veterans" => (11, 11),
                "boxing" => (12, 26),
                _ => (7, 14),
            };
            relative(c, cx, DateKind::Holiday, "XXXX-XX-XX", |r| {
                nearest_year(r, m, day, tense).map(Val::Day)
            })
        }
    }
}

/// A day the text points back to: "later in the day" and "it's the second day of" are the
/// sentence's own day (the dateline's without one); "until then" is the day the previous
/// sentence, or this one, named.
fn anaphor(c: &Captures<'_>, cx: &Cx<'_>) -> Option<Res> {
    let (span, day, anchored) = match (c.get(1), c.get(2)) {
        (_, Some(then)) => (then.range(), cx.anchor.or(cx.previous_day)?, false),
        (ordinal, None) => {
            // "It's the second day of the strike", "today is the eighth day of": the present
            // day, while "the first day of the trial" alone could be any day.
            let start = c.get(0)?.start();
            let head = cx
                .sentence
                .get(super::floor(cx.sentence, start.saturating_sub(16))..start)?;
            let head = head.to_ascii_lowercase().replace('’', "'");
            let mut words = head.split_whitespace().rev();
            let (last, prev) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let present = last == "it's" || last == "is" && ["it", "today", "this"].contains(&prev);
            if ordinal.is_some() && !present {
                return None;
            }
            let span = ordinal.or(c.get(0))?.range();
            match cx.anchor {
                Some(a) => (span, a, false),
                None => (span, cx.reference?, true),
            }
        }
    };
    Some(Res {
        span,
        ..res(c, Val::Day(day), DateKind::Offset, anchored)?
    })
}

/// "Oct. 12, the day before the crash": "the day" set off after a date is that date.
fn apposition(c: &Captures<'_>, cx: &Cx<'_>) -> Option<Res> {
    let unit = c
        .get(1)
        .filter(|u| u.as_str().eq_ignore_ascii_case("day"))?;
    let day = cx.anchor?;
    let between = cx.sentence.get(cx.anchor_end..c.get(0)?.start())?;
    if between.trim() != "," {
        return None;
    }
    let start = c.get(0)?.start();
    Some(Res {
        span: start..unit.end(),
        ..res(c, Val::Day(day), DateKind::Offset, false)?
    })
}

/// "the day before the vote", "two days after Monday's debate": counted from an event the
/// sentence names, not from a date.
fn relative_to_event(s: &str, end: usize) -> bool {
    s.get(end..)
        .unwrap_or("")
        .trim_start()
        .starts_with(|ch: char| ch.is_alphanumeric())
}

fn skip_space(s: &str, at: usize) -> usize {
    let rest = s.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start().len())
}

/// `base` moved by `n` units; the value has the unit's granularity.
fn shifted(
    c: &Captures<'_>,
    n: i64,
    unit: &str,
    kind: DateKind,
    base: Option<Date>,
) -> Option<Res> {
    let unknown = match unit {
        "week" => "XXXX-WXX",
        "month" => "XXXX-XX",
        "year" | "decade" => "XXXX",
        _ => "XXXX-XX-XX",
    };
    let Some(b) = base else {
        return res(c, Val::Unknown(unknown), kind, true);
    };
    let val = match unit {
        "day" => Val::Day(add_days(b, n)?),
        "hour" => {
            if n % 24 != 0 {
                return None;
            }
            Val::Day(add_days(b, n / 24)?)
        }
        "week" => week(add_days(b, 7 * n)?),
        "month" => {
            let m = add_months(b, n)?;
            Val::Month(m.year(), m.month())
        }
        "decade" => Val::Decade((i64::from(b.year()) + 10 * n).div_euclid(10) as i16),
        _ => Val::Year(i16::try_from(i64::from(b.year()) + n).ok()?),
    };
    res(c, val, kind, true)
}

/// "two days ago", "a year earlier", "year-ago".
fn offset(c: &Captures<'_>, cx: &Cx<'_>) -> Option<Res> {
    let (n, unit, dir) = if c.get(5).is_some() {
        (Some(1), "year".to_owned(), "earlier".to_owned())
    } else {
        (lexicon::number(cap(c, 2)?), lower(c, 3), lower(c, 4))
    };
    let back = matches!(dir.as_str(), "ago" | "earlier" | "before");
    if matches!(dir.as_str(), "before" | "after") && relative_to_event(cx.sentence, c.get(0)?.end())
    {
        return None;
    }
    let Some(n) = n else {
        // "several years ago": only that it was in the past.
        return res(
            c,
            Val::Ref(if back { "PAST_REF" } else { "FUTURE_REF" }),
            DateKind::Vague,
            true,
        );
    };
    let n = if back { -n } else { n };
    // "a year earlier" than the sentence's own day is that day a year before.
    if let (Some(a), "year", false) = (cx.anchor, unit.as_str(), dir == "ago") {
        let day = a.checked_add(Dur::new().try_years(n).ok()?).ok()?;
        return res(c, Val::Day(day), DateKind::Offset, false);
    }
    // "ago" and "from now" count from the dateline; "earlier"/"later" from the sentence's date.
    let base = if matches!(dir.as_str(), "ago" | "from now" | "hence") {
        cx.reference
    } else {
        cx.anchor.or(cx.reference)
    };
    // A year ago in a story about a quarter is that quarter a year before.
    if unit == "year"
        && n == -1
        && cx.anchor.is_none()
        && (cx.last_quarter.is_some() || cx.lower.contains("quarter"))
        && let Some((y, q)) = cx.reference.map(|r| shift_quarter(quarter_of(r), -1))
    {
        return res(c, Val::Quarter(y - 1, q), DateKind::Offset, true);
    }
    // "two weeks ago" names a day, not a calendar week.
    if unit == "week" && dir == "ago" {
        return shifted(c, 7 * n, "day", DateKind::Offset, base);
    }
    shifted(c, n, &unit, DateKind::Offset, base)
}

/// "this week", "last month", "the weekend", "earlier this year", "year-end".
fn period(c: &Captures<'_>, cx: &Cx<'_>, tense: Option<Tense>) -> Option<Res> {
    if c.get(5).is_some() {
        // Year-end is Dec. 31: the last one in past copy, the coming one otherwise.
        let since = word_before(cx.lower, c.get(0)?.start()) == "since";
        return relative(c, cx, DateKind::Period, "XXXX-XX-XX", |r| {
            let y = i64::from(r.year()) - i64::from(since || tense == Some(Tense::Past));
            d(y, 12, 31).map(Val::Day)
        });
    }
    let det = lower(c, 3).split_whitespace().collect::<Vec<_>>().join(" ");
    let unit = lower(c, 4);
    // "the week" / "that month" alone are too often durations or anaphora; "the end of the
    // month" is this one.
    let part_of = c.get(2).is_some();
    if (det == "the" && !part_of || det == "that" || det == "the same")
        && unit != "weekend"
        && unit != "year"
    {
        return None;
    }
    if det == "that" || det == "the same" {
        return None;
    }
    let n: i64 = match det.as_str() {
        "last" | "the past" | "the previous" | "the latest" => -1,
        "next" | "the coming" | "the following" => 1,
        _ => 0,
    };
    let base = if det == "the following" {
        cx.anchor.or(cx.story).or(cx.reference)
    } else {
        cx.reference
    };
    let Some(r) = base else {
        return res(
            c,
            Val::Unknown(if unit == "year" { "XXXX" } else { "XXXX-XX" }),
            DateKind::Period,
            true,
        );
    };
    let val = match unit.as_str() {
        "week" => week(add_days(r, 7 * n)?),
        "weekend" => {
            // The coming weekend, or the one just gone on a weekend dateline; in past copy
            // dated on a weekday "the weekend" is the one before.
            let saturday = match r.weekday() {
                Weekday::Sunday => add_days(r, -1)?,
                wd => add_days(r, i64::from(wd.until(Weekday::Saturday)))?,
            };
            let weekday_dateline = !matches!(r.weekday(), Weekday::Saturday | Weekday::Sunday);
            let past = det == "the" && tense != Some(Tense::Future) && weekday_dateline;
            let shift = if past || n < 0 { -7 } else { 7 * n };
            weekend(add_days(saturday, shift)?)
        }
        "month" => {
            let m = add_months(r, n)?;
            Val::Month(m.year(), m.month())
        }
        _ => Val::Year(i16::try_from(i64::from(r.year()) + n).ok()?),
    };
    res(c, val, DateKind::Period, true)
}

/// "the third quarter", "third-quarter", "the year-ago quarter", "the first half of 1990".
fn quarter(c: &Captures<'_>, cx: &Cx<'_>) -> Option<Res> {
    let words: Vec<String> = cap(c, 1)?
        .split(|ch: char| ch.is_whitespace() || ch == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let noun = lower(c, 2);
    let plural = c.get(3).is_some();
    // "quarter-to-quarter", "period-end": a compound, not a time.
    if cx
        .sentence
        .get(c.get(0)?.end()..)
        .is_some_and(|t| t.starts_with('-'))
    {
        return None;
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    if plural {
        let val = if has("coming") || has("future") {
            "FUTURE_REF"
        } else if has("past") || has("recent") || has("previous") {
            "PAST_REF"
        } else {
            return None;
        };
        return res(c, Val::Ref(val), DateKind::Vague, true);
    }
    let ordinal = words.iter().find_map(|w| match w.as_str() {
        "first" | "1st" => Some(1i8),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "final" => Some(4),
        _ => None,
    });
    let year_ago = has("ago") || has("earlier") || c.get(5).is_some();
    let explicit_year = cap(c, 4).and_then(|y| y.parse::<i16>().ok()).or_else(|| {
        words
            .iter()
            .find_map(|w| w.parse::<i16>().ok().filter(|y| *y > 1000))
    });
    let year_shift: i16 = if words.windows(2).any(|p| p[0] == "last" && p[1] == "year's") {
        -1
    } else if words.windows(2).any(|p| p[0] == "next" && p[1] == "year's") {
        1
    } else {
        0
    };
    let qualified = ordinal.is_some()
        || explicit_year.is_some()
        || year_ago
        || [
            "latest",
            "current",
            "this",
            "last",
            "next",
            "same",
            "comparable",
            "corresponding",
            "previous",
            "prior",
            "fiscal",
        ]
        .iter()
        .any(|w| has(w))
        || (noun == "quarter" && has("the"));
    if !qualified {
        return None;
    }
    let reference = cx.reference;
    if noun == "half" {
        let h = if has("first") || has("1st") {
            1
        } else if has("second") || has("last") || has("latter") || has("2nd") {
            2
        } else {
            return None;
        };
        let y = match (explicit_year, reference) {
            (Some(y), _) => y,
            (None, Some(r)) => r.year() + year_shift,
            (None, None) => return res(c, Val::Unknown("XXXX-HX"), DateKind::Period, true),
        };
        return res(
            c,
            Val::Half(y, h),
            DateKind::Absolute,
            explicit_year.is_none(),
        );
    }
    if noun == "period"
        && ordinal.is_none()
        && !year_ago
        && explicit_year.is_none()
        && !has("latest")
        && !has("comparable")
        && !has("corresponding")
        && !has("same")
    {
        return None;
    }
    if noun == "period" && cx.last_quarter.is_none() && ordinal.is_none() {
        // A "period" is a quarter only in a story about quarters.
        if let (Some(y), false) = (explicit_year, year_ago) {
            return res(c, Val::Year(y), DateKind::Absolute, false);
        }
    }
    let base = match reference {
        Some(r) => r,
        None => {
            return match (ordinal, explicit_year) {
                (Some(q), Some(y)) => res(c, Val::Quarter(y, q), DateKind::Absolute, false),
                _ => res(c, Val::Unknown("XXXX-QX"), DateKind::Period, true),
            };
        }
    };
    let current = quarter_of(base);
    let latest = shift_quarter(current, -1);
    let (mut y, q) = match ordinal {
        Some(q) => (base.year() + year_shift, q),
        None if year_shift != 0 => (latest.0 + year_shift, latest.1),
        None if has("this") || has("current") => current,
        None if has("next") => shift_quarter(current, 1),
        None if has("last") || has("previous") || has("prior") => shift_quarter(current, -1),
        None => latest,
    };
    if let Some(ey) = explicit_year {
        y = ey;
    }
    if year_ago && explicit_year.is_none() {
        y -= 1;
    }
    let mut r = res(
        c,
        Val::Quarter(y, q),
        if explicit_year.is_some() {
            DateKind::Absolute
        } else {
            DateKind::Period
        },
        explicit_year.is_none(),
    )?;
    if ordinal.is_some()
        && !year_ago
        && year_shift == 0
        && explicit_year.is_none_or(|ey| ey == base.year())
    {
        r.topic_quarter = Some((y, q));
    }
    Some(r)
}
