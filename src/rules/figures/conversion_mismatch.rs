//! `conversion-mismatch`: a unit conversion in parentheses that is wrong.

use crate::analysis::figures::{Figure, Kind};
use crate::finding::{Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "conversion-mismatch",
    category: Category::Figures,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A parenthetical unit conversion is wrong",
    doc: "\"5 miles (10 km)\": the figure in parentheses must be the first one converted (miles/km, feet/metres, pounds/kg, acres/hectares, inches/cm, °F/°C), within 10% and the rounding of the figure given. It deliberately leaves currency conversions alone, since exchange rates move, and conversions not directly in parentheses after the figure.",
    bad: "The convoy drove 5 miles (10 km) to the border.",
    good: "The convoy drove 5 miles (8 km) to the border.",
    fix: FixKind::Unsafe,
    check,
};

/// How many of `to` one `from` is.
fn factor(from: &str, to: &str) -> Option<f64> {
    const TABLE: &[(&str, &str, f64)] = &[
        ("mi", "km", 1.609_344),
        ("ft", "m", 0.3048),
        ("lb", "kg", 0.453_592),
        ("acre", "ha", 0.404_686),
        ("in", "cm", 2.54),
        ("m", "ft", 3.280_84),
    ];
    TABLE.iter().find_map(|&(a, b, k)| {
        if a == from && b == to {
            Some(k)
        } else if a == to && b == from {
            Some(1.0 / k)
        } else {
            None
        }
    })
}

fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    match (from, to) {
        ("°F", "°C") => Some((value - 32.0) * 5.0 / 9.0),
        ("°C", "°F") => Some(value * 9.0 / 5.0 + 32.0),
        _ => factor(from, to).map(|k| value * k),
    }
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let figs = &cx.facts.figures;
    let prose = cx.doc.prose();
    for pair in figs.windows(2) {
        let [a, b] = pair else { continue };
        if a.kind != Kind::Measure || b.kind != Kind::Measure {
            continue;
        }
        let gap = prose.get(a.end..b.start).unwrap_or("x").trim();
        let closed = prose
            .get(b.end..)
            .is_some_and(|r| r.trim_start().starts_with(')'));
        if gap != "(" || !closed {
            continue;
        }
        let (Some(ua), Some(ub)) = (&a.unit, &b.unit) else {
            continue;
        };
        let Some(want) = convert(a.value, ua, ub) else {
            continue;
        };
        // "2 degrees Celsius (3.6 degrees Fahrenheit)" of warming is a difference, not a reading.
        let as_difference = matches!((ua.as_str(), ub.as_str()), ("°C", "°F") | ("°F", "°C"))
            && factor_of_degrees(a.value, ua).is_some_and(|d| close_enough(d, b));
        if close_enough(want, b)
            || as_difference
            || (b.approximator.is_some() && close_within(want, b, 0.2))
        {
            continue;
        }
        let rounded = round_like(want, b);
        let msg = format!(
            "{} {ua} is about {rounded} {ub}, not {} {ub}",
            a.value, b.value
        );
        let f = out
            .finding(Span::new(b.start, b.end), msg)
            .with_related(Span::new(a.start, a.end), "converted from")
            .with_fix(crate::finding::Fix::replace(
                format!("Change to {rounded}"),
                b.number,
                rounded,
                crate::finding::Applicability::Unsafe,
            ));
        out.push(f);
    }
}

/// Within 10% of the true value, or within the rounding of the figure given.
fn close_enough(want: f64, b: &Figure) -> bool {
    let diff = (want - b.value).abs();
    diff <= 0.1 * want.abs().max(b.value.abs()) || diff <= step(b.value)
}

/// A temperature difference converted: 2 °C of warming is 3.6 °F.
fn factor_of_degrees(value: f64, from: &str) -> Option<f64> {
    match from {
        "°C" => Some(value * 9.0 / 5.0),
        "°F" => Some(value * 5.0 / 9.0),
        _ => None,
    }
}

fn close_within(want: f64, b: &Figure, share: f64) -> bool {
    (want - b.value).abs() <= share * want.abs().max(b.value.abs())
}

/// The rounding step a figure was given with: 1 for "8", 10 for "80", 0.1 for "8.5".
fn step(v: f64) -> f64 {
    if v.fract() != 0.0 {
        0.1
    } else if v >= 100.0 && v % 10.0 == 0.0 {
        10.0
    } else {
        1.0
    }
}

fn round_like(want: f64, b: &Figure) -> String {
    if b.value.fract() != 0.0 {
        format!("{want:.1}")
    } else {
        format!("{}", want.round() as i64)
    }
}
