//! Figures: numbers, what they count, and how sure the story is of them.
//!
//! Every number in the prose becomes a [`Figure`] with an interval (`low`..=`high`): the
//! approximator in front of it ("more than", "nearly", "about", "up to") and vague words
//! ("dozens", "hundreds") widen the bare value, so two mentions can be compared by asking
//! whether both intervals can be true at once. What a figure counts is its head noun, folded
//! (`troops` = `soldiers`, `dead` = `killed` = `deaths`); generic nouns (`people`) take the
//! event of their clause ("people detained" counts `detained`).

mod nouns;
mod words;

pub use crate::text::numbers::spell;

use super::entities::{Entity, Kind as EntityKind};
use crate::finding::Span;
use crate::text::{Document, floor_char_boundary};
use foldhash::HashMap;
use regex::Regex;
use serde::Serialize;
use std::fmt::Write as _;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::LazyLock;

/// What kind of quantity a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Money,
    Percent,
    Age,
    Year,
    Ordinal,
    Measure,
}

/// How the number itself is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Written {
    Numeral,
    Word,
}

/// A number in the prose, and what the story says with it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The whole figure, approximator included ("more than 2,000").
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The stated value (the middle of the interval for vague words, the lower end of a range).
    pub value: f64,
    pub kind: Kind,
    /// The interval the figure allows; `high` is infinite (JSON `null`) for "more than".
    pub low: f64,
    pub high: f64,
    /// A bare number: no approximator, vague word, range or rounded scale.
    pub exact: bool,
    pub approximator: Option<String>,
    /// The folded head noun or event it counts ("troops", "dead", "detained").
    pub counted: Option<String>,
    /// Where that noun is.
    pub noun: Option<Span>,
    /// Currency of money, unit of measures.
    pub unit: Option<String>,
    /// The person an age or birth year belongs to (a surname, or the entity's last name).
    pub owner: Option<String>,
    /// The digits or words of the number alone.
    pub number: Span,
    pub written: Written,
    /// "2,000 more troops": an increment or subset, not the total.
    pub delta: bool,
    /// Its sentence explains a change or a comparison ("rose to", "up from", "compared with").
    pub update: bool,
    /// Index of its sentence in `doc.sentences()`.
    pub sentence: Option<usize>,
    /// Words between the number and its noun ("Republican" in "595 Republican delegates"),
    /// lowercased: mentions with different modifiers count different things.
    #[serde(skip)]
    pub modifiers: Vec<String>,
    /// "the 13 men", "all 16 countries": a reference back to a set the story already counted,
    /// not followed by a restrictor ("the three delegates from his district").
    pub definite: bool,
    /// "the 13 articles in the series": a definite article before a set the clause narrows
    /// on the spot. Weaker than `definite`, but still the story's one set of that thing.
    #[serde(skip)]
    pub determined: bool,
    /// Followed by "of", "from", "who"...: a part of a larger whole ("five members of ...").
    #[serde(skip)]
    pub restricted: bool,
    /// Content words of the clause around the figure (six words either side, lowercased; the
    /// names that may own it marked with a leading `^`), to tell "Cruz has 11 delegates" from "It
    /// takes 1,237 delegates".
    #[serde(skip)]
    pub context: Vec<String>,
    /// A hash of the clause around the figure with the number itself left out, when the clause
    /// is long enough to identify a statement: equal echoes are one sentence restated.
    #[serde(skip)]
    pub echo: Option<u64>,
}

/// Figure patterns use ASCII word boundaries (`(?-u:\b)`): the regex crate's fast DFA cannot
/// take a Unicode `\b` once a draft holds a curly quote or a dash.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?P<cur>US\$|[$€£¥])?(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?-u:\b)(?P<word>{})(?-u:\b))(?P<scale>\s(?:million|billion|trillion|thousand)(?-u:\b)|(?:m|bn|k)(?-u:\b))?(?P<pct>\s?%|\s(?:percent|per\s+cent)(?-u:\b))?",
        words::WORD_PATTERN
    ))
    .expect("valid regex")
});

/// An approximator right before a number.
static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(more\s+than|over|above|upwards\s+of|in\s+excess\s+of|exceeding|nearly|almost|just\s+under|close\s+to|about|around|roughly|approximately|some|an\s+estimated|estimated|at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than|under|below|between|from)\s+$")
        .expect("valid regex")
});

/// A sentence that explains a change or sets figures against each other.
static UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(rose|risen|climbed|increased\s+(?:to|from)|(?:has|have|had)\s+increased|jumped|grew|grown|fell|fallen|dropped|declined|up\s+from|down\s+from|revised|raised|raising|bringing|brought|earlier|initially|originally|previously|updated|so\s+far|reached|swelled|surged|doubled|tripled|halved|compared|versus|vs|whereas|ago|per|averaged?|annually|a\s+day|a\s+week|a\s+month|a\s+year|projected)(?-u:\b)")
        .expect("valid regex")
});

static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?\s+$|(?-u:\b)no\.\s*$|(?-u:\b)number\s+$|#\s*$")
        .expect("valid regex")
});

static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)(?-u:\b)|^\s*(a\.m|p\.m|am(?-u:\b)|pm(?-u:\b)|o'clock)")
        .expect("valid regex")
});

/// A name right before an age or birth year: "Ferreira, 52," / "Maria Ferreira (52)" /
/// "Ferreira, a 52-year-old" / "Ferreira, who was born in".
static NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}'’.-]*(?:\s+(?:de|da|van|von|bin|al|le|del)?\s*\p{Lu}[\p{L}'’-]*)*)\s*(?:,\s*(?:a|an|aged|age|who\s+is|who\s+was|who\s+turned|is|was)?|\(\s*(?:aged|age|born)?|\s+(?:is|was|turned|aged))\s*$")
        .expect("valid regex")
});

static AGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-year-old(?-u:\b)|\s+years?\s+old(?-u:\b)|-years?-old(?-u:\b))")
        .expect("valid regex")
});

static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)\s?(km/h|mph|kms|km|kilomet(?:er|re)s?|miles?|kg|kilograms?|pounds|lbs?|°\s?[CF]|degrees(?:\s+(?:celsius|fahrenheit))?|hectares?|acres?|met(?:er|re)s?|feet|foot|ft|inch(?:es)?|cm|centimet(?:er|re)s?|mm|tonnes?|tons?|square\s+(?:miles|kilomet(?:er|re)s))(?-u:\b)")
        .expect("valid regex")
});

static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i)\s(dollars|euros|yen|yuan|rupees|roubles|rubles|tenge|francs|pounds\s+sterling)(?-u:\b)",
    )
    .expect("valid regex")
});

static BORN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)born\s+(?:in\s+)?(?:(?:\p{L}+\.?\s+\d{1,2},\s+)|(?:\d{1,2}\s+\p{L}+\s+))?$",
    )
    .expect("valid regex")
});

/// A dash (`\p{Pd}`), asked only of non-ASCII characters.
static DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Pd}$").expect("valid regex"));

/// The first word of `s` past spaces and dashes: a letter, then letters, apostrophes, full
/// stops and hyphens. Returns its range; the regex `^[\s\p{Pd}]*(\p{L}[\p{L}'’.-]*)` by hand,
/// since it runs for every word after every figure.
fn next_word(s: &str) -> Option<Range<usize>> {
    let dash = |c: char| c == '-' || !c.is_ascii() && DASH.is_match(c.encode_utf8(&mut [0; 4]));
    let (start, first) = s
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace() && !dash(c))?;
    if !first.is_alphabetic() {
        return None;
    }
    let end = s[start..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-')))
        .map_or(s.len(), |(i, _)| start + i);
    Some(start..end)
}

/// Sentence-initial words that look like names but are not.
const NOT_NAMES: &[&str] = &[
    "However",
    "But",
    "In",
    "On",
    "At",
    "Meanwhile",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Today",
    "Yesterday",
    "And",
    "So",
    "Then",
    "Since",
    "By",
    "Of",
    "The",
    "Also",
    "Overall",
    "Still",
    "Now",
    "There",
    "It",
    "He",
    "She",
    "They",
    "We",
    "Police",
    "Officials",
];

/// One regex match before ranges are merged.
struct Raw {
    start: usize,
    end: usize,
    number: Span,
    value: f64,
    low: f64,
    high: f64,
    exact: bool,
    word: bool,
    cur: Option<String>,
    percent: bool,
    scaled: bool,
    /// Preceded by a hyphen or slash right after a digit: only part of a range or a date.
    glued: bool,
}

impl Figure {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// A numeral before a singular noun names a thing rather than counting ("its 80486 chip",
    /// "the 747 jet"): a model or a number in a series, not a quantity to regroup.
    pub fn names_a_thing(&self, prose: &str) -> bool {
        self.value > 1.0
            && self
                .noun
                .and_then(|n| prose.get(n.start..n.end))
                .is_some_and(|w| crate::text::with_lowercase(w, nouns::singular_noun))
    }

    /// Written as a vague word ("hundreds", "thousands", "a handful"): an order of size, not
    /// a count anyone vouches for.
    pub fn vague(&self, prose: &str) -> bool {
        prose
            .get(self.number.start..self.number.end)
            .and_then(words::vague)
            .is_some()
    }
}

/// Every figure in the prose.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Figure> {
    let prose = doc.prose();
    let raws = raw_tokens(prose);
    let raws = merge_ranges(prose, raws);
    let people = person_mentions(entities);
    // Most numbers are figures: sized once, as a `Figure` is large to copy when the list grows.
    let mut figures = Vec::with_capacity(raws.len());
    figures.extend(raws.into_iter().filter_map(|r| classify(doc, r, &people)));
    figures
}

/// The groups of one [`TOKEN`] match, as byte ranges into the prose.
#[derive(Debug, PartialEq)]
struct Parts {
    cur: Option<Range<usize>>,
    num: Option<Range<usize>>,
    word: Option<Range<usize>>,
    scale: Option<Range<usize>>,
    pct: bool,
}

impl Parts {
    /// The groups of the match at `whole`: split by hand when it is a plain numeral (most
    /// are), through the regex's captures otherwise. Captures run the backtracking engine over
    /// the whole number-word alternation, which was a tenth of a draft's analysis.
    fn of(prose: &str, whole: Range<usize>) -> Option<Parts> {
        Parts::numeral(prose, whole.clone()).or_else(|| Parts::captured(prose, whole.start))
    }

    fn captured(prose: &str, start: usize) -> Option<Parts> {
        let c = TOKEN.captures_at(prose, start)?;
        let range = |name: &str| c.name(name).map(|m| m.range());
        Some(Parts {
            cur: range("cur"),
            num: range("num"),
            word: range("word"),
            scale: range("scale"),
            pct: c.name("pct").is_some(),
        })
    }

    /// `[currency] digits [scale] [percent]` in ASCII, read greedily as the regex reads it;
    /// `None` for anything else (number words, other scripts' digits or spaces).
    fn numeral(prose: &str, whole: Range<usize>) -> Option<Parts> {
        let s = prose.get(whole.clone())?.as_bytes();
        let cur_len = if s.len() >= 3 && s[..3].eq_ignore_ascii_case(b"us$") {
            3
        } else {
            ["$", "€", "£", "¥"]
                .iter()
                .find(|c| s.starts_with(c.as_bytes()))
                .map_or(0, |c| c.len())
        };
        let digits = |from: usize| s[from..].iter().take_while(|b| b.is_ascii_digit()).count();
        let decimal = |at: usize| match s.get(at) {
            Some(b'.') if digits(at + 1) > 0 => at + 1 + digits(at + 1),
            _ => at,
        };
        let run = digits(cur_len);
        if run == 0 {
            return None;
        }
        let mut end = cur_len + run;
        // `\d{1,3}(?:,\d{3})+` first, then `\d+`; a decimal part after either.
        if run <= 3 {
            while s.get(end) == Some(&b',') && digits(end + 1) >= 3 {
                end += 4;
            }
        }
        end = decimal(end);
        let rest = &s[end..];
        let lower = |r: &[u8], w: &str| {
            r.len() >= w.len() && r[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        };
        let scale_len = if rest.first() == Some(&b' ')
            && let Some(w) = ["million", "billion", "trillion", "thousand"]
                .iter()
                .find(|w| lower(&rest[1..], w))
        {
            1 + w.len()
        } else if lower(rest, "bn") {
            2
        } else if lower(rest, "m") || lower(rest, "k") {
            1
        } else {
            0
        };
        let pct = &rest[scale_len..];
        let pct_ok = match pct {
            [] => true,
            [b'%'] | [b' ', b'%'] => true,
            [b' ', tail @ ..] => {
                tail.eq_ignore_ascii_case(b"percent")
                    || lower(tail, "per")
                        && tail[3..].ends_with(b"cent")
                        && tail[3..tail.len() - 4].iter().all(|&b| b == b' ')
                        && tail.len() > 7
            }
            _ => false,
        };
        if !pct_ok {
            return None;
        }
        let at = |i: usize| whole.start + i;
        Some(Parts {
            cur: (cur_len > 0).then(|| at(0)..at(cur_len)),
            num: Some(at(cur_len)..at(end)),
            word: None,
            scale: (scale_len > 0).then(|| at(end)..at(end + scale_len)),
            pct: !pct.is_empty(),
        })
    }
}

fn raw_tokens(prose: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for whole in TOKEN.find_iter(prose) {
        let Some(c) = Parts::of(prose, whole.range()) else {
            continue;
        };
        let before = prose.get(..whole.start()).unwrap_or("");
        let mut prev = before.chars().rev();
        let p1 = prev.next();
        let p2 = prev.next();
        if p1.is_some_and(|ch| ch.is_alphanumeric() || ch == '_') {
            continue;
        }
        let glued = matches!(p1, Some('-' | '–' | '/' | '.' | ':'))
            && p2.is_some_and(|ch| ch.is_alphanumeric());
        if glued && !p2.is_some_and(|ch| ch.is_ascii_digit()) {
            continue; // "COVID-19", "F-16"
        }
        let after = prose.get(whole.end()..).unwrap_or("");
        if after.starts_with(['/', ':']) && after[1..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue; // "9/11", "10:30"
        }
        if after.starts_with(": ") && after[2..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue; // "11: 06 a.m.", a clock time with a stray space
        }
        if p1 == Some('[') && after.starts_with(']') {
            continue; // "[538]": a reference or a source label
        }
        if c.word.is_some() && in_compound(before, after) {
            continue; // "nineteen seventy-nine", "thirty-five hundred"
        }
        let cur = c.cur.map(|r| prose[r].to_owned());
        let mut is_half = false;
        let scale = c.scale.map_or(1.0, |r| words::scale(&prose[r]));
        let (number, value, low, high, exact, word) = if let Some(range) = c.num {
            let n = &prose[range.clone()];
            let Some(v) = words::numeral_value(n) else {
                continue;
            };
            let decimals = n.split('.').nth(1).map_or(0, str::len);
            let v = v * scale;
            if scale > 1.0 {
                // "1.5 million" is rounded to its last digit.
                let half = 0.5 * scale * 10f64.powi(-(decimals as i32));
                (range, v, v - half, v + half, false, false)
            } else {
                (range, v, v, v, true, false)
            }
        } else if let Some(w) = c.word {
            let word = &prose[w.clone()];
            let Some(v) = words::word_value(word) else {
                continue;
            };
            // "half" is a share of a whole, read as 50%.
            is_half = word.eq_ignore_ascii_case("half");
            let v = v * scale;
            match words::vague(word) {
                Some((lo, hi)) => (w, v, lo * scale, hi * scale, false, true),
                None => (w, v, v, v, !is_half, true),
            }
        } else {
            continue;
        };
        let percent = c.pct || is_half;
        out.push(Raw {
            start: whole.start(),
            end: whole.end(),
            number: number.into(),
            value,
            low,
            high,
            exact,
            word,
            cur,
            percent,
            scaled: scale > 1.0,
            glued,
        });
    }
    out
}

/// "10 to 12", "10-12", "between 10 and 12": one figure with both ends.
fn merge_ranges(prose: &str, raws: Vec<Raw>) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws {
        if let Some(prev) = out.last_mut() {
            let gap = prose.get(prev.end..r.start).unwrap_or("x").trim();
            let between = prose
                .get(floor_char_boundary(prose, prev.start.saturating_sub(9))..prev.start)
                .is_some_and(|b| crate::text::strip_suffix_ci(b.trim_end(), "between").is_some());
            let joins =
                matches!(gap, "-" | "–" | "to") || (gap.eq_ignore_ascii_case("and") && between);
            if joins && r.high >= prev.low && r.word == prev.word {
                // "10 to 12 million": the scale of the second end applies to both.
                let factor = if r.scaled && !prev.scaled {
                    r.value
                        / words::numeral_value(prose.get(r.number.range()).unwrap_or(""))
                            .filter(|v| *v > 0.0)
                            .unwrap_or(r.value)
                } else {
                    1.0
                };
                prev.low *= factor;
                prev.value *= factor;
                prev.high = r.high;
                prev.end = r.end;
                prev.exact = false;
                prev.percent |= r.percent;
                continue;
            }
        }
        if !r.glued {
            out.push(r);
        }
    }
    out
}

fn person_mentions(entities: &[Entity]) -> Vec<(Span, &str)> {
    let mut v: Vec<(Span, &str)> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.mentions.iter().map(move |m| (m.span(), e.name.as_str())))
        .collect();
    v.sort_by_key(|(s, _)| s.start);
    v
}

/// The surname key of a person: the last word of the entity's name when an entity mention
/// covers the name, else of the name as written.
fn owner_key(name: &str, span: Span, people: &[(Span, &str)]) -> Option<String> {
    let first = name.split_whitespace().next()?;
    if NOT_NAMES.contains(&first) {
        return None;
    }
    let i = people.partition_point(|(s, _)| s.end <= span.start);
    let full = people
        .get(i)
        .filter(|(s, _)| s.start < span.end)
        .map_or(name, |(_, n)| *n);
    full.split_whitespace()
        .last()
        .map(|w| w.trim_end_matches(['\'', '’', 's']).to_owned())
        .filter(|w| !w.is_empty())
        .or_else(|| Some(full.to_owned()))
}

/// The sentence before a figure, at most `PREFIX` bytes of it: everything that reads it
/// (approximators, owners, ages, the counted noun) looks a few words back, and reading from the
/// sentence start made a long sentence full of figures quadratic.
fn sentence_prefix(doc: &Document, sentence: Option<usize>, at: usize) -> &str {
    const PREFIX: usize = 400;
    let start = sentence
        .and_then(|i| doc.sentences().get(i))
        .map_or(0, |s| s.start)
        .max(floor_char_boundary(doc.prose(), at.saturating_sub(PREFIX)));
    doc.prose().get(start.min(at)..at).unwrap_or("")
}

fn classify(doc: &Document, r: Raw, people: &[(Span, &str)]) -> Option<Figure> {
    let prose = doc.prose();
    let sentence = doc.sentence_at(r.start);
    let before = sentence_prefix(doc, sentence, r.start);
    let after = prose.get(r.end..).unwrap_or("");
    let sentence_end = sentence
        .and_then(|i| doc.sentences().get(i))
        .map_or(prose.len(), |s| s.end);
    let rest = prose.get(r.end..sentence_end.max(r.end)).unwrap_or("");
    if MONTH_BEFORE.is_match(before) || MONTH_AFTER.is_match(after) {
        return None; // a day of the month, a clock time, "No. 3"
    }
    let mut fig = Figure {
        start: r.start,
        end: r.end,
        text: String::new(),
        value: r.value,
        kind: Kind::Count,
        low: r.low,
        high: r.high,
        exact: r.exact,
        approximator: None,
        counted: None,
        noun: None,
        unit: None,
        owner: None,
        number: r.number,
        written: if r.word {
            Written::Word
        } else {
            Written::Numeral
        },
        delta: false,
        update: UPDATE.is_match(near(prose, before, rest, r.start, r.end)),
        sentence,
        modifiers: Vec::new(),
        definite: false,
        determined: false,
        restricted: false,
        context: Vec::new(),
        echo: echo(before, rest),
    };
    let digits = prose.get(r.number.range()).unwrap_or("");
    let integer = !r.word && !digits.contains('.') && r.cur.is_none() && !r.percent;
    let ordinal_suffix = ["st", "nd", "rd", "th"].iter().any(|s| {
        after.get(..2).is_some_and(|a| a.eq_ignore_ascii_case(s))
            && !after[2..].starts_with(|c: char| c.is_alphanumeric())
    });
    if after.starts_with(|c: char| c.is_alphabetic()) && !ordinal_suffix && !r.scaled {
        if let Some(u) = UNIT_AFTER.find(after) {
            fig.kind = Kind::Measure;
            fig.unit = Some(unit_key(u.as_str()));
            fig.end = r.end + u.end();
        } else {
            return None; // "4G", "3D", "1990s"
        }
    } else if ordinal_suffix && integer {
        fig.kind = Kind::Ordinal;
        fig.end = r.end + 2;
    } else if integer
        && digits.len() == 4
        && (1500.0..=2100.0).contains(&r.value)
        && (r.low == r.high || (r.value..=2100.0).contains(&r.high))
        && !counts_plural(before, after)
    {
        fig.kind = Kind::Year;
        if BORN_BEFORE.is_match(before) {
            fig.counted = Some("birth year".to_owned());
            let born = BORN_BEFORE.find(before).map_or(before.len(), |m| m.start());
            fig.owner = name_before(r.start - before.len(), &before[..born], people);
        }
    } else if r.cur.is_some() {
        fig.kind = Kind::Money;
        fig.unit = r.cur.clone();
    } else if let Some(m) = MONEY_AFTER.find(after) {
        // The currency is the match past its leading space: read without the capture engine.
        fig.kind = Kind::Money;
        fig.unit = Some(m.as_str().trim_start().to_lowercase());
        fig.end = r.end + m.end();
    } else if r.percent {
        fig.kind = Kind::Percent;
    } else if let Some(u) = UNIT_AFTER.find(after).filter(|_| !r.word) {
        fig.kind = Kind::Measure;
        fig.unit = Some(unit_key(u.as_str()));
        fig.end = r.end + u.end();
    } else if integer && (1.0..=125.0).contains(&r.value) && r.low == r.high {
        if let Some(m) = AGE_AFTER.find(after) {
            fig.kind = Kind::Age;
            fig.end = r.end + m.end();
            fig.owner = name_before(r.start - before.len(), before, people);
        } else if after.starts_with([',', ')', ';']) || after.trim_start().is_empty() {
            if let Some(owner) = name_before(r.start - before.len(), before, people) {
                fig.kind = Kind::Age;
                fig.owner = Some(owner);
            }
        } else if let Some(b) = crate::text::strip_suffix_ci(before.trim_end(), "aged") {
            fig.kind = Kind::Age;
            fig.owner = name_before(r.start - before.len(), b, people);
        }
    }
    // The approximator is the match less its trailing spaces: no capture engine needed.
    if let Some(m) = APPROX.find(before) {
        let a = m.as_str().trim_end().to_lowercase();
        let a: String = a.split_whitespace().collect::<Vec<_>>().join(" ");
        if !(a == "between" || a == "from") || r.low != r.high {
            let v = fig.value;
            let eps = 1e-6 * v.abs().max(1.0);
            if r.low == r.high {
                let (lo, hi) = match a.as_str() {
                    "more than" | "over" | "above" | "upwards of" | "in excess of"
                    | "exceeding" => (v + eps, f64::INFINITY),
                    "nearly" | "almost" | "just under" | "close to" => (0.9 * v, v - eps),
                    "at least" | "no fewer than" | "no less than" | "a minimum of" => {
                        (v, f64::INFINITY)
                    }
                    "up to" | "as many as" | "no more than" | "at most" => (0.0, v),
                    "fewer than" | "less than" | "under" | "below" => (0.0, v - eps),
                    _ => (0.9 * v, 1.1 * v),
                };
                fig.low = lo;
                fig.high = hi;
            }
            fig.exact = false;
            fig.start = r.start - (before.len() - m.start());
            fig.approximator = Some(a);
        }
    }
    fig.text = doc.text().get(fig.start..fig.end).unwrap_or("").to_owned();
    if matches!(fig.kind, Kind::Count | Kind::Money) {
        count_noun(doc, &mut fig, before, rest, &r);
    }
    Some(fig)
}

/// Whether a number word stands next to another ("nineteen seventy-nine", "thirty-five
/// hundred", "two hundred and thirty four"): a compound the figure reader does not model, so
/// no part of it is read as a figure of its own.
fn in_compound(before: &str, after: &str) -> bool {
    let number = |w: &str| {
        crate::text::with_lowercase(w, |w| {
            w == "hundred" || crate::text::numbers::cardinal(w).is_some()
        })
    };
    let is_part = |c: char| c.is_ascii_alphabetic() || c == '-';
    let next = after.trim_start_matches([' ', '-']);
    let next = next.strip_prefix("and ").unwrap_or(next);
    let next_word = next.split(|c: char| !is_part(c)).next().unwrap_or("");
    let prev = before.trim_end_matches([' ', '-']);
    let prev = prev.strip_suffix(" and").unwrap_or(prev);
    let prev_word = prev.rsplit(|c: char| !is_part(c)).next().unwrap_or("");
    number(next_word) || number(prev_word)
}

/// Bytes of a clause, the number left out, that identify one statement when repeated.
const ECHO_MIN: usize = 30;

/// The hash of up to 80 bytes of the sentence before a number and 60 after it.
fn echo(before: &str, rest: &str) -> Option<u64> {
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let mut to = rest.len().min(60);
    while !rest.is_char_boundary(to) {
        to -= 1;
    }
    let (b, a) = (before.get(from..)?.trim_start(), rest.get(..to)?.trim_end());
    if b.len() + a.len() < ECHO_MIN {
        return None;
    }
    // Compared within one story only, so a fixed-seed fast hash will do.
    Some(foldhash::fast::FixedState::default().hash_one((b, a)))
}

/// Words right before a four-digit number that make it a year even before a plural noun
/// ("in 2016 voters", "the 2016 elections", "Trump's 2016 voters").
const YEAR_BEFORE: &[&str] = &[
    "in", "the", "a", "an", "of", "since", "from", "by", "until", "till", "during", "before",
    "after", "through", "to", "for", "and", "or", "between", "its", "his", "her", "their", "our",
    "this", "that", "late", "early", "mid", "spring", "summer", "fall", "autumn", "winter",
];

/// "In all, 2080 delegates are up for grabs": a number in the years' range right before a
/// plural noun counts it, unless the word before makes it a date.
fn counts_plural(before: &str, after: &str) -> bool {
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let prev = prev.to_lowercase();
    if prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with('-') {
        return false;
    }
    let prev = prev.trim_matches(|c: char| !c.is_alphanumeric());
    if YEAR_BEFORE.contains(&prev) {
        return false;
    }
    let Some(next) = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
    else {
        return false;
    };
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    next.ends_with('s')
        && next.starts_with(|c: char| c.is_lowercase())
        && nouns::head(&[next]).0.is_some()
}

/// The clause around a figure: up to 80 bytes before and 60 after, inside its sentence.
fn near<'a>(prose: &'a str, before: &str, rest: &str, start: usize, end: usize) -> &'a str {
    let mut from = start - before.len().min(80);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    let mut to = end + rest.len().min(60);
    while !prose.is_char_boundary(to) {
        to -= 1;
    }
    prose.get(from..to.max(from)).unwrap_or("")
}

/// Normalised unit name, so "kilometres" and "km" compare.
fn unit_key(u: &str) -> String {
    let u = u.trim().to_lowercase();
    let key = match u.as_str() {
        s if s.starts_with("kilomet") || s == "km" || s == "kms" => "km",
        s if s.starts_with("mile") => "mi",
        s if s.starts_with("kilogram") || s == "kg" => "kg",
        "pounds" | "lb" | "lbs" => "lb",
        s if s.starts_with("hectare") => "ha",
        s if s.starts_with("acre") => "acre",
        s if s.starts_with("met") => "m",
        "feet" | "foot" | "ft" => "ft",
        s if s.starts_with("inch") => "in",
        s if s.starts_with("centimet") || s == "cm" => "cm",
        s if s.contains('c') && (s.starts_with('°') || s.contains("celsius")) => "°C",
        s if s.contains('f') && (s.starts_with('°') || s.contains("fahrenheit")) => "°F",
        s if s.starts_with("tonne") => "t",
        _ => return u,
    };
    key.to_owned()
}

/// The person named right before `before`'s end, keyed by surname.
fn name_before(base: usize, before: &str, people: &[(Span, &str)]) -> Option<String> {
    let c = NAME_BEFORE.captures(before)?;
    let m = c.get(1)?;
    owner_key(
        m.as_str(),
        Span::new(base + m.start(), base + m.end()),
        people,
    )
}

/// Fill in the head noun (or the event of a generic noun) a count or sum counts.
fn count_noun(doc: &Document, fig: &mut Figure, before: &str, rest: &str, r: &Raw) {
    let prose = doc.prose();
    let mut offset = fig.end;
    let mut tail = rest.get(fig.end - r.end..).unwrap_or("");
    // "dozens of people", "thousands of troops".
    if r.word
        && words::vague(prose.get(r.number.range()).unwrap_or("")).is_some()
        && let Some(t) = tail.trim_start().strip_prefix("of ")
    {
        offset += tail.len() - t.len();
        tail = t;
    }
    if tail.starts_with('-') {
        return; // "a 26-delegate lead", "a four-course resort": a modifier, not a count
    }
    let mut list: Vec<(&str, usize)> = Vec::new();
    let mut pos = 0;
    while list.len() < 5 {
        let rest = tail.get(pos..).unwrap_or("");
        let Some(w) = next_word(rest) else {
            break;
        };
        list.push((
            rest[w.clone()].trim_end_matches('.'),
            offset + pos + w.start,
        ));
        pos += w.end;
    }
    let words: Vec<&str> = list.iter().map(|(w, _)| *w).collect();
    let (noun, delta) = nouns::head(&words);
    fig.delta = delta || crate::text::strip_suffix_ci(before.trim_end(), "another").is_some();
    let Some(noun) = noun else {
        // "a death toll of 164".
        if crate::text::strip_suffix_ci(before.trim_end(), "toll of").is_some() {
            fig.counted = Some("dead".to_owned());
        }
        return;
    };
    let at = words
        .iter()
        .position(|w| nouns::head_is(&[&crate::text::lowercase(w)], &noun));
    if let Some(&(w, s)) = at.and_then(|i| list.get(i)) {
        fig.noun = Some(Span::new(s, s + w.len()));
    }
    let mut counted = noun;
    if nouns::GENERIC.contains(&counted.as_str()) {
        let after_noun = at.map_or(0, |i| i + 1);
        let event_after = words
            .iter()
            .skip(after_noun)
            .take(4)
            .find_map(|w| nouns::event(w));
        // "killed 28 people and wounded 20": the verb before the number wins.
        let event_before = before
            .split_whitespace()
            .rev()
            .take(3)
            .find_map(nouns::event);
        if let Some(e) = event_before.or(event_after) {
            counted = if counted == "people" {
                e.to_owned()
            } else {
                format!("{counted} {e}")
            };
        }
    }
    if let Some(i) = at {
        fig.modifiers = words
            .iter()
            .take(i)
            .map(|w| crate::text::lowercase(w))
            .filter(|w| !nouns::DELTA.contains(&&**w))
            .map(std::borrow::Cow::into_owned)
            .collect();
    }
    let after_noun = fig.noun.map_or(fig.end, |n| n.end);
    let tail = rest.get(after_noun.saturating_sub(r.end)..).unwrap_or("");
    let determiner = before
        .split_whitespace()
        .next_back()
        .map(|w| crate::text::lowercase(w.trim_start_matches(|c: char| !c.is_alphanumeric())));
    let next = tail
        .split_whitespace()
        .next()
        .map(|w| crate::text::lowercase(w.trim_end_matches(|c: char| !c.is_alphanumeric())));
    let restrictor = next.as_deref().is_some_and(|w| RESTRICTORS.contains(&w));
    // "the six delegates at stake", "the 25 delegates selected Sunday": a set defined right
    // here, not one counted before.
    let defined_here = next.as_deref().is_some_and(|w| DEFINED_HERE.contains(&w));
    fig.restricted = restrictor;
    fig.determined = fig.approximator.is_none()
        && !restrictor
        && determiner.is_some_and(|d| matches!(&*d, "the" | "all" | "these" | "those" | "our"));
    fig.definite = fig.determined && !defined_here;
    // "It takes 1,237 delegates to win": the threshold, one number, unlike the tallies.
    // "With 107 delegates at stake": the size of one contest, fixed, unlike the tallies.
    if nouns::TALLY.contains(&counted.as_str()) {
        if THRESHOLD.is_match(tail) {
            counted.push_str(" needed");
        } else if AT_STAKE.is_match(tail) {
            counted.push_str(" at stake");
        }
    }
    // The sentence's first word is capitalised by position, not because it names someone;
    // names after a comma that follows the figure belong to another clause ("in the past two
    // elections, Trump is ..."): context words, not owners. Names before the figure stay
    // owners even past a comma ("In Iowa, 13 delegates").
    // Only the six words before the figure are read: counting seven says whether the first of
    // them opens the sentence, without walking the rest of it.
    let opener = before.split_whitespace().rev().take(7).count();
    let lead = before
        .split_whitespace()
        .rev()
        .take(6)
        .enumerate()
        .map(|(i, w)| (w, i + 1 == opener));
    let mut broken = false;
    let trail = tail.split_whitespace().take(6).map(|w| {
        let outside =
            broken || w.starts_with([',', ';', ':']) || !w.contains(char::is_alphanumeric);
        broken |= outside || ends_clause(w);
        (w, outside)
    });
    fig.context = lead
        .chain(trail)
        .filter_map(|(raw, not_owner)| {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = crate::text::lowercase(w);
            let keep = lower.chars().count() >= 3
                && lower.chars().all(char::is_alphabetic)
                && !nouns::is_function_word(&lower)
                && fold_same(&lower, &counted);
            keep.then(|| {
                let lower = lower.into_owned();
                if w.starts_with(char::is_uppercase) && !not_owner {
                    format!("^{lower}")
                } else {
                    lower
                }
            })
        })
        .collect();
    fig.counted = Some(counted);
}

/// A word that closes its clause ("Calif.,", "year;").
fn ends_clause(w: &str) -> bool {
    w.ends_with([',', ';', ':'])
}

static THRESHOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)\s*(?:needed(?-u:\b)|required(?-u:\b)|to\s+(?:win|clinch)(?-u:\b)|(?:he|she|they)\s+needs?\s+to\s+(?:win|clinch)(?-u:\b))")
        .expect("valid regex")
});

static AT_STAKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)\s*(?:(?:are|is|were|was|now)\s+)?(?:at\s+stake|up\s+for\s+grabs|on\s+offer)(?-u:\b)")
        .expect("valid regex")
});

/// Words after a noun that narrow it to a subset ("the three delegates from his district").
const RESTRICTORS: &[&str] = &["from", "who", "that", "which", "with", "of", "whose"];

/// Words after "the N noun" that define the set on the spot ("the six delegates at stake").
const DEFINED_HERE: &[&str] = &[
    "in",
    "at",
    "on",
    "for",
    "by",
    "needed",
    "required",
    "selected",
    "involved",
    "offered",
    "chosen",
    "named",
    "remaining",
    "available",
    "eligible",
    "allocated",
    "awarded",
    "up",
];

/// Whether a context word is not the counted thing itself.
fn fold_same(word: &str, counted: &str) -> bool {
    // Only a word that folds to the noun can head it: asked first, as it costs a tenth as much.
    !(nouns::folds_to(word, counted) && nouns::head_is(&[word], counted))
        && nouns::event(word) != Some(counted)
}

/// Where the same counted thing is mentioned: `(kind, counted, unit)` to figure indices, in
/// document order. Ages and birth years group by owner instead.
pub fn groups(figures: &[Figure]) -> HashMap<(Kind, String, String), Vec<usize>> {
    let mut map: HashMap<(Kind, String, String), Vec<usize>> = HashMap::default();
    for (i, f) in figures.iter().enumerate() {
        let key = match (f.kind, &f.counted, &f.owner) {
            (Kind::Age, _, Some(o)) => o.clone(),
            (Kind::Year, Some(c), Some(o)) if c == "birth year" => o.clone(),
            (Kind::Count | Kind::Money, Some(c), _) => c.clone(),
            _ => continue,
        };
        let kind = if f.kind == Kind::Year {
            Kind::Age
        } else {
            f.kind
        };
        map.entry((kind, key, f.unit.clone().unwrap_or_default()))
            .or_default()
            .push(i);
    }
    map
}

/// Whether two intervals can both be true, allowing 1% for "more than 2,000" against "2,000".
pub fn compatible(a: &Figure, b: &Figure) -> bool {
    let tol = 0.01 * a.value.abs().max(b.value.abs());
    a.low <= b.high + tol && b.low <= a.high + tol
}

/// The interval a figure allows, for messages: "2000", "(2000, ∞)", "24–99".
pub fn interval(f: &Figure) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v:.2}")
        }
    };
    if f.exact || f.low == f.high {
        n(f.value)
    } else if f.high.is_infinite() {
        format!("more than {}", n(f.low.floor()))
    } else {
        format!("{}–{}", n(f.low.round()), n(f.high.round()))
    }
}

/// Hover text for figure `fig_index`: what it counts and every other mention of the same
/// thing, with its line.
pub fn describe(fig_index: usize, figures: &[Figure], doc: &Document) -> String {
    let Some(f) = figures.get(fig_index) else {
        return String::new();
    };
    let what = f
        .counted
        .as_deref()
        .or(f.owner.as_deref())
        .unwrap_or("(nothing named)");
    let kind = serde_json::to_value(f.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut s = format!("**{}**: {kind} `{}`, counts *{what}*", f.text, interval(f));
    if let Some(a) = &f.approximator {
        let _ = write!(s, " (\"{a}\")");
    }
    s.push('\n');
    let groups = groups(figures);
    let others: Vec<usize> = groups
        .values()
        .find(|g| g.contains(&fig_index))
        .map(|g| g.iter().copied().filter(|&i| i != fig_index).collect())
        .unwrap_or_default();
    if others.is_empty() {
        s.push_str("\nNo other mention of the same thing.\n");
    } else {
        s.push_str("\nOther mentions:\n");
        for i in others {
            if let Some(o) = figures.get(i) {
                let line = doc.lines().line_of(o.start) + 1;
                let flag = if compatible(f, o) { "" } else { " (conflicts)" };
                let _ = writeln!(s, "- line {line}: {} `{}`{flag}", o.text, interval(o));
            }
        }
    }
    s
}

/// Whether a counted noun is a running tally, compared only on a definite back-reference or
/// a restated clause.
pub fn is_tally(counted: &str) -> bool {
    nouns::TALLY.contains(&counted)
}

/// Whether a counted noun is what one contest puts at stake ("With 107 delegates at stake"):
/// fixed for its contest, different from one state to the next.
pub fn is_at_stake(counted: &str) -> bool {
    counted.ends_with(" at stake")
}

/// Whether a counted noun is too generic to compare without its event ("people").
pub fn is_generic(counted: &str) -> bool {
    nouns::GENERIC.contains(&counted)
}

static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.-]*(?:\s+(?:de\s+|da\s+|van\s+|von\s+|al-|bin\s+|del\s+)?\p{Lu}[\p{L}'’.-]*)*")
        .expect("valid regex")
});

static LIST_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?::|,|—|–|\s-)\s*").expect("valid regex"));

static LIST_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)").expect("valid regex"));

/// The names a count announces and then lists ("three suspects: A, B and C"): the item spans,
/// when the list is closed by "and" and every item is a capitalised name.
pub fn enumeration(doc: &Document, f: &Figure) -> Option<Vec<Span>> {
    let noun = f.noun?;
    let prose = doc.prose();
    let end = f
        .sentence
        .and_then(|i| doc.sentences().get(i))
        .map_or(prose.len(), |s| s.end);
    let mut pos = noun.end + LIST_OPEN.find(prose.get(noun.end..end)?)?.end();
    let mut items = Vec::new();
    loop {
        let item = LIST_ITEM.find(prose.get(pos..end)?)?;
        let name = item.as_str().trim_end_matches('.');
        if NOT_NAMES.contains(&name.split_whitespace().next().unwrap_or("")) {
            return None;
        }
        items.push(Span::new(pos, pos + name.len()));
        pos += item.end();
        let Some(sep) = LIST_SEP.find(prose.get(pos..end).unwrap_or("")) else {
            return None; // never closed by "and": not a list we can count
        };
        let closing = sep.as_str().contains("and");
        pos += sep.end();
        if closing {
            let last = LIST_ITEM.find(prose.get(pos..end)?)?;
            let name = last.as_str().trim_end_matches('.');
            items.push(Span::new(pos, pos + name.len()));
            return Some(items);
        }
    }
}

#[cfg(test)]
mod tests;
