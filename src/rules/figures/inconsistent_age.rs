//! `inconsistent-age`: one person given two ages, or an age that does not fit a birth year.

use super::{line, quote};
use crate::analysis::figures::{self, Figure, Kind};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "inconsistent-age",
    category: Category::Figures,
    severity: Severity::Error,
    default_enabled: true,
    summary: "The same person is given two ages, or an age that does not match the birth year",
    doc: "Ages are tied to the person named next to them (\"Ferreira, 52,\", \"Ferreira, a 52-year-old\", \"Ferreira (52)\"), by surname or by the entity the name belongs to. Two different ages for one person are flagged, and so is an age that is neither the reference year minus the birth year nor one less (the birthday may not have come yet). It deliberately leaves alone ages with no name beside them (\"the 45-year-old\"), and birth years when the draft has no reference date.",
    bad: "Ana Ferreira, 52, runs the port. ... Ferreira, 53, said the strike would end.",
    good: "Ana Ferreira, 52, runs the port. ... Ferreira, 52, said the strike would end.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let figs = &cx.facts.figures;
    let this_year = cx.facts.reference_date.value.map(|d| f64::from(d.year()));
    let mut groups: Vec<_> = figures::groups(figs)
        .into_iter()
        .filter(|((kind, _, _), _)| *kind == Kind::Age)
        .collect();
    groups.sort_by_key(|(_, g)| g.first().copied());
    for ((_, owner, _), g) in groups {
        let members: Vec<&Figure> = g.iter().filter_map(|&i| figs.get(i)).collect();
        let ages: Vec<&Figure> = members
            .iter()
            .copied()
            .filter(|f| f.kind == Kind::Age)
            .collect();
        let born = members.iter().copied().find(|f| f.kind == Kind::Year);
        if let Some(first) = ages.first() {
            for b in ages.iter().skip(1).filter(|b| b.value != first.value) {
                let msg = format!(
                    "{owner} is {} here but {} on line {}",
                    b.value,
                    first.value,
                    line(cx.doc, first.start)
                );
                let f = out.finding(b.span(), msg).with_related(
                    first.span(),
                    format!("first given as `{}`", quote(cx.doc, first.span())),
                );
                out.push(f);
            }
        }
        if let (Some(y), Some(now)) = (born, this_year) {
            for a in &ages {
                let expected = now - y.value;
                if a.value != expected && a.value != expected - 1.0 {
                    let msg = format!(
                        "{owner} is {} here, but born in {} makes {} {} or {}",
                        a.value,
                        y.value,
                        owner,
                        expected - 1.0,
                        expected
                    );
                    let f = out
                        .finding(a.span(), msg)
                        .with_related(y.span(), "birth year");
                    out.push(f);
                }
            }
        }
    }
}
