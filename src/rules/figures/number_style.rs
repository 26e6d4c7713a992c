//! `number-style`: AP number style — words for one to nine, numerals from 10, no numeral
//! opening a sentence, one way of writing percent.

use super::count_mismatch::capitalise;
use super::quote;
use crate::analysis::figures::{self, Figure, Kind, Written};
use crate::finding::{Applicability, Fix, Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use crate::text::floor_char_boundary;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static RULE: Rule = Rule {
    code: "number-style",
    category: Category::Figures,
    severity: Severity::Hint,
    default_enabled: true,
    summary: "AP number style: spell out one to nine, numerals for 10 and up, no numeral opening a sentence, percent written one way",
    doc: "AP style spells out whole numbers below 10 and uses numerals from 10 up, never opens a sentence with a numeral (years excepted) and writes percent one way through a story. The fixes only respell a number and are safe. It deliberately leaves alone ages, percentages, money, measures and dimensions, dates, ordinals, ranges and approximate figures, numbers after a capitalised word (\"Phase 2\", \"Category 5\"), number words capitalised inside a sentence (\"the Fight for Fifteen\"), numbered list markers (\"8. Rand Paul\"), a number standing as its own line or short paragraph (a listicle's \"60.\" or \"100 days.\"), vague words (\"dozens\"), and numbers that count nothing named after them.",
    bad: "Police arrested 3 men. 12 others fled. Turnout was 40% after 40 percent last time.",
    good: "Police arrested three men. Twelve others fled. Turnout was 40% after 40% last time.",
    fix: FixKind::Safe,
    check,
};

const TIME_WORDS: &[&str] = &[
    "days", "weeks", "months", "years", "hours", "minutes", "times", "decades",
];

/// "1 in 4", "3 to 1", "part 3 of 3": ratios and labels keep their numerals.
static RATIO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:in|to|of|out\s+of)\s+\d").expect("valid regex"));

/// "part 3", "Group of 8", "S.&P. 500": a label after the words before it.
static RATIO_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\d\s+(?:in|to|of)|(?-u:\b)part|(?-u:\b)page|(?-u:\b)chapter|(?-u:\b)section|(?-u:\b)step|(?-u:\b)group\s+of|&\p{L}+\.)\s+$")
        .expect("valid regex")
});

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let mut percent_style: Option<bool> = None;
    // Outer quotations, sorted: a quote is the speaker's words and keeps its numbers.
    let quoted: Vec<Span> = cx
        .doc
        .quotes()
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| Span::from(q.span.clone()))
        .collect();
    let in_quote = |at: usize| {
        let i = quoted.partition_point(|q| q.end <= at);
        quoted.get(i).is_some_and(|q| q.start <= at)
    };
    let prose = cx.doc.prose();
    for f in &cx.facts.figures {
        if in_quote(f.start)
            || RATIO.is_match(prose.get(f.end..).unwrap_or(""))
            || RATIO_BEFORE.is_match(
                prose
                    .get(floor_char_boundary(prose, f.start.saturating_sub(20))..f.start)
                    .unwrap_or(""),
            )
            || prose
                .get(..f.start)
                .is_some_and(|b| b.trim_end().ends_with(char::is_numeric))
        {
            continue;
        }
        let number = quote(cx.doc, f.number);
        let opens = opens_sentence(cx, f);
        let plain_count = f.kind == Kind::Count && f.exact && f.low == f.high;
        let int = f.value.fract() == 0.0 && f.value >= 0.0;
        if opens && f.kind != Kind::Year && f.written == Written::Numeral {
            let spelled = (int && f.value < 100.0 && f.exact)
                .then(|| figures::spell(f.value as u32))
                .flatten()
                .filter(|_| !number.contains('.'));
            let mut finding = out.finding(
                f.number,
                format!("`{number}` opens the sentence: spell it out or recast"),
            );
            if let Some(w) = spelled {
                let w = capitalise(&w);
                finding = finding.with_fix(Fix::replace(
                    format!("Write {w}"),
                    f.number,
                    w,
                    Applicability::Safe,
                ));
            }
            out.push(finding);
        } else if plain_count
            && f.written == Written::Numeral
            && int
            && (1.0..=9.0).contains(&f.value)
            && !number.contains(['.', ','])
            && !after_capitalised(cx, f)
            && counts_something(cx, f)
        {
            if let Some(w) = figures::spell(f.value as u32) {
                let finding = out
                    .finding(f.number, format!("AP spells out `{number}`: write \"{w}\""))
                    .with_fix(Fix::replace(
                        format!("Write {w}"),
                        f.number,
                        w,
                        Applicability::Safe,
                    ));
                out.push(finding);
            }
        } else if plain_count
            && f.written == Written::Word
            && (10.0..100.0).contains(&f.value)
            && f.end == f.number.end
            && !opens
            // Capitalised inside a sentence, it is part of a name: "the Fight for Fifteen".
            && !number.starts_with(char::is_uppercase)
        {
            let n = f.value as u64;
            let finding = out
                .finding(f.number, format!("AP uses numerals from 10: write {n}"))
                .with_fix(Fix::replace(
                    format!("Write {n}"),
                    f.number,
                    n.to_string(),
                    Applicability::Safe,
                ));
            out.push(finding);
        }
        if f.kind == Kind::Percent
            && let Some((span, sign)) = percent_word(cx, f)
        {
            let first = *percent_style.get_or_insert(sign);
            if sign != first {
                let (want, title) = if first {
                    ("%", "Write %")
                } else {
                    (" percent", "Write percent")
                };
                let shown = quote(cx.doc, span).trim_start();
                let at = Span::new(span.end - shown.len(), span.end);
                let finding = out
                    .finding(
                        at,
                        format!(
                            "`{shown}`: the story wrote `{}` first; use one form",
                            want.trim()
                        ),
                    )
                    .with_fix(Fix::replace(title, span, want, Applicability::Safe));
                out.push(finding);
            }
        }
    }
}

/// The span of "%" or " percent" after the number, and whether it is the sign.
fn percent_word(cx: &Context<'_>, f: &Figure) -> Option<(Span, bool)> {
    let tail = cx.doc.text().get(f.number.end..f.end)?;
    let t = tail.trim_start();
    let start = f.number.end + (tail.len() - t.len());
    if t == "%" {
        Some((Span::new(f.number.end, f.end), true))
    } else if t.eq_ignore_ascii_case("percent") || t.eq_ignore_ascii_case("per cent") {
        Some((Span::new(f.number.end.min(start), f.end), false))
    } else {
        None
    }
}

/// The number is the first word of a sentence (headlines, which end without a stop, excepted).
fn opens_sentence(cx: &Context<'_>, f: &Figure) -> bool {
    let Some(s) = f.sentence.and_then(|i| cx.doc.sentences().get(i)) else {
        return false;
    };
    let prose = cx.doc.prose();
    let finished = prose
        .get(s.clone())
        .is_some_and(|t| t.trim_end().ends_with(['.', '!', '?', '"', '”', '’']));
    // "10 Things to Know", "3 Zoe Saldana ...": a headline or a numbered list item.
    let title = prose
        .get(f.end..)
        .and_then(|t| t.split_whitespace().next())
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    // "8. Carly Fiorina (7.)", "3) Rubio gains": a numbered list item's marker.
    let marker = prose
        .get(f.number.end..)
        .is_some_and(|t| t.starts_with(". ") || t.starts_with(") "));
    // "60." or "100 days." as a paragraph of its own, or a number alone on its line: a
    // listicle's item heading, not a sentence.
    // Both tests stop early, so a long sentence of many numbers stays linear.
    let heading = prose
        .get(s.clone())
        .is_some_and(|t| t.split_whitespace().take(3).count() <= 2)
        || prose.get(f.end..).is_some_and(|t| {
            t.chars()
                .take_while(|&c| c != '\n')
                .all(char::is_whitespace)
        });
    finished
        && !title
        && !marker
        && !heading
        && prose.get(s.start..f.number.start).is_some_and(|lead| {
            lead.chars().all(|c| !c.is_alphanumeric()) || DATELINE.is_match(lead)
        })
}

/// "MIDWAY ATOLL - ": a dateline, after which the story's first sentence begins.
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\p{Lu}[\p{Lu}\s.,'’]*\s[-–—]+\s*$").expect("valid regex"));

/// "Phase 2", "Category 5", "Article 3": a label, not a count.
fn after_capitalised(cx: &Context<'_>, f: &Figure) -> bool {
    let before = cx.doc.prose().get(..f.start).unwrap_or("").trim_end();
    before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
}

fn counts_something(cx: &Context<'_>, f: &Figure) -> bool {
    if f.counted.is_some() {
        return true;
    }
    let after = cx.doc.prose().get(f.end..).unwrap_or("");
    after
        .split_whitespace()
        .next()
        .is_some_and(|w| TIME_WORDS.contains(&w.trim_end_matches(|c: char| !c.is_alphabetic())))
}
