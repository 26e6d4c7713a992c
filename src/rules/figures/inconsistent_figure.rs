//! `inconsistent-figure`: the same counted thing given as two figures that cannot both be true.

use super::{line, quote, with_noun};
use crate::analysis::figures::{self, Figure, Kind};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use std::collections::HashMap;

pub(super) static RULE: Rule = Rule {
    code: "inconsistent-figure",
    category: Category::Figures,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "The same counted thing is given two figures that cannot both be true",
    doc: "Each figure becomes an interval (\"more than 2,000\" is above 2,000, \"dozens\" is 24 to 99, \"about\" allows 10%) and figures are grouped by what they count, with synonyms folded (soldiers = troops, killed = dead = deaths; \"people\" takes its event, \"people detained\"). Two mentions in different sentences whose intervals cannot overlap are flagged: an error when both are exact numbers, a warning otherwise. It deliberately leaves alone figures in one sentence (they are usually contrasted), sentences that explain a change or comparison (\"rose to\", \"up from\", \"compared with\", \"earlier\"), increments (\"2,000 more troops\"), figures tied to different years, durations and scores, and generic nouns with no event (\"10 people attended\").",
    bad: "The mission of more than 2,000 troops arrived on Friday. ... The 1,500 troops will leave within 10 days.",
    good: "The mission of more than 2,000 troops arrived on Friday. ... The 2,030 troops will leave within 10 days.",
    fix: FixKind::None,
    check,
};

/// How many earlier mentions of the same thing each figure is checked against.
const WINDOW: usize = 16;

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let figs = &cx.facts.figures;
    let mut years: HashMap<usize, Vec<f64>> = HashMap::new();
    for f in figs.iter().filter(|f| f.kind == Kind::Year) {
        if let Some(s) = f.sentence {
            years.entry(s).or_default().push(f.value);
        }
    }
    let mut groups: Vec<_> = figures::groups(figs)
        .into_iter()
        .filter(|((kind, counted, _), _)| *kind != Kind::Age && !figures::is_generic(counted))
        .map(|(_, g)| g)
        .collect();
    groups.sort_by_key(|g| g.first().copied());
    let usable = |f: &Figure| !f.delta && !f.update;
    for g in groups {
        for (n, &j) in g.iter().enumerate() {
            let Some(b) = figs.get(j).filter(|b| usable(b)) else {
                continue;
            };
            let earlier = g[..n]
                .iter()
                .rev()
                .take(WINDOW)
                .filter_map(|&i| figs.get(i));
            for a in earlier {
                if !usable(a) || a.sentence == b.sentence || compatible_years(&years, a, b) {
                    continue;
                }
                if figures::compatible(a, b) {
                    continue;
                }
                let (sa, sb) = (with_noun(a), with_noun(b));
                let severity = if a.exact && b.exact {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let what = b.counted.as_deref().unwrap_or("");
                let msg = format!(
                    "`{}` ({}) contradicts `{}` ({}) on line {}: both count {what}",
                    quote(cx.doc, sb),
                    figures::interval(b),
                    quote(cx.doc, sa),
                    figures::interval(a),
                    line(cx.doc, a.start)
                );
                let finding = out
                    .finding_at(severity, sb, msg)
                    .with_related(sa, format!("first given as `{}`", quote(cx.doc, sa)));
                out.push(finding);
                break;
            }
        }
    }
}

/// Figures tied to different years ("in 2015 ... in 2016") describe different things.
fn compatible_years(years: &HashMap<usize, Vec<f64>>, a: &Figure, b: &Figure) -> bool {
    let get = |f: &Figure| f.sentence.and_then(|s| years.get(&s));
    match (get(a), get(b)) {
        (Some(x), Some(y)) => !x.iter().any(|v| y.contains(v)),
        _ => false,
    }
}
