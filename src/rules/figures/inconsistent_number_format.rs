//! `inconsistent-number-format`: one draft writing large numbers two ways.

use super::quote;
use crate::analysis::figures::{Kind, Written};
use crate::finding::{Applicability, Fix, Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "inconsistent-number-format",
    category: Category::Figures,
    severity: Severity::Hint,
    default_enabled: true,
    summary: "Large numbers are written two ways in one draft (10,000 and 10000; 1.5m and 1.5 million)",
    doc: "Once a draft groups thousands with commas (\"10,000\"), an ungrouped number of 1,000 or more (\"10000\") is flagged with a safe fix adding the commas; once it writes \"million\" or \"billion\" in full, the short \"m\" and \"bn\" are flagged with a fix spelling them out. It deliberately leaves alone years, ordinals, numbers below 1,000, numbers that name a thing (\"the 80486 chip\") and drafts that are consistent either way.",
    bad: "Some 10,000 people marched; police counted 12000.",
    good: "Some 10,000 people marched; police counted 12,000.",
    fix: FixKind::Safe,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let figs = &cx.facts.figures;
    let text = cx.doc.text();
    let numerals = || {
        figs.iter().filter(|f| {
            f.written == Written::Numeral && !matches!(f.kind, Kind::Year | Kind::Ordinal)
        })
    };
    let grouped = numerals().any(|f| quote(cx.doc, f.number).contains(','));
    let long_scale =
        numerals().any(|f| scale_after(text, f.number.end).is_some_and(|(_, long)| long));
    for f in numerals() {
        let digits = quote(cx.doc, f.number);
        let int_part = digits.split('.').next().unwrap_or("");
        if grouped
            && int_part.len() >= 4
            && int_part.chars().all(|c| c.is_ascii_digit())
            && !f.names_a_thing(cx.doc.prose())
        {
            let with = group(int_part) + &digits[int_part.len()..];
            let finding = out
                .finding(
                    f.number,
                    format!(
                        "`{digits}` is written without the thousands commas used elsewhere: {with}"
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Write {with}"),
                    f.number,
                    with.clone(),
                    Applicability::Safe,
                ));
            out.push(finding);
        }
        if long_scale && let Some((span, false)) = scale_after(text, f.number.end) {
            let word = if quote(cx.doc, span).eq_ignore_ascii_case("bn") {
                " billion"
            } else {
                " million"
            };
            let whole = Span::new(f.number.start, span.end);
            let with = format!("{digits}{word}");
            let finding = out
                .finding(
                    span,
                    format!(
                        "`{}` is spelled out elsewhere: write {}",
                        quote(cx.doc, whole),
                        with
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Write {with}"),
                    whole,
                    with.clone(),
                    Applicability::Safe,
                ));
            out.push(finding);
        }
    }
}

/// The scale word right after a number: its span and whether it is written in full.
fn scale_after(text: &str, at: usize) -> Option<(Span, bool)> {
    let rest = text.get(at..)?;
    let word_end = |s: &str| !s.starts_with(|c: char| c.is_alphanumeric());
    for (short, len) in [("bn", 2), ("m", 1)] {
        if rest.starts_with(short) && word_end(&rest[len..]) {
            return Some((Span::new(at, at + len), false));
        }
    }
    for long in [" million", " billion"] {
        if rest.starts_with(long) && word_end(&rest[long.len()..]) {
            return Some((Span::new(at, at + long.len()), true));
        }
    }
    None
}

/// "12000" -> "12,000".
pub(super) fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
