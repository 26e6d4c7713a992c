//! `sum-mismatch`: parts that do not add up to the total given with them.

use crate::analysis::figures::{Figure, Kind};
use crate::finding::{Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use std::collections::BTreeMap;

pub(super) static RULE: Rule = Rule {
    code: "sum-mismatch",
    category: Category::Figures,
    severity: Severity::Error,
    default_enabled: true,
    summary: "Parts do not add up to the stated total, or shares of one whole pass 100%",
    doc: "Within one sentence, exact counts of the dead and the injured must add up to an exact count of casualties given with them, and three or more percentages of the same whole must not add to more than 100 (half a point of rounding is allowed for each). It deliberately leaves alone approximate figures, percentages of different wholes (\"45% of Democrats and 60% of Republicans\") and sentences about changes (\"rose 60%\").",
    bad: "The blast left 10 killed and 5 injured, 16 casualties in all.",
    good: "The blast left 10 killed and 5 injured, 15 casualties in all.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let mut by_sentence: BTreeMap<usize, Vec<&Figure>> = BTreeMap::new();
    for f in &cx.facts.figures {
        if let Some(s) = f.sentence {
            by_sentence.entry(s).or_default().push(f);
        }
    }
    for figs in by_sentence.values() {
        casualties(figs, out);
        shares(cx, figs, out);
    }
}

fn casualties(figs: &[&Figure], out: &mut Emitter<'_>) {
    let exact = |c: &str| {
        figs.iter()
            .filter(|f| f.kind == Kind::Count && f.exact && f.counted.as_deref() == Some(c))
            .copied()
            .collect::<Vec<_>>()
    };
    let (dead, hurt, total) = (exact("dead"), exact("injured"), exact("casualty"));
    let (Some(d), Some(h), Some(t)) = (dead.first(), hurt.first(), total.first()) else {
        return;
    };
    if d.value + h.value != t.value {
        let msg = format!(
            "{} dead and {} injured make {}, not the {} casualties given",
            d.value,
            h.value,
            d.value + h.value,
            t.value
        );
        let f = out
            .finding(t.span(), msg)
            .with_related(d.span(), "dead")
            .with_related(h.span(), "injured");
        out.push(f);
    }
}

fn shares(cx: &Context<'_>, figs: &[&Figure], out: &mut Emitter<'_>) {
    let pct: Vec<&Figure> = figs
        .iter()
        .filter(|f| f.kind == Kind::Percent)
        .copied()
        .collect();
    if pct.len() < 3 || pct.iter().any(|f| !f.exact || f.update) {
        return;
    }
    let prose = cx.doc.prose();
    // One list of shares: "40% yes, 35% no and 30% undecided", not "49 percent to 39 percent".
    let listed = pct.windows(2).all(|w| {
        prose.get(w[0].end..w[1].start).is_some_and(|gap| {
            gap.len() < 40 && (gap.contains(',') || gap.contains(" and ")) && !gap.contains(" to ")
        })
    });
    if !listed {
        return;
    }
    let wholes: std::collections::HashSet<String> = pct
        .iter()
        .filter_map(|f| {
            let after = prose.get(f.end..)?.trim_start();
            let rest = after.strip_prefix("of ")?;
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            rest.split(|c: char| !c.is_alphanumeric())
                .next()
                .map(str::to_lowercase)
        })
        .collect();
    if wholes.len() > 1 {
        return;
    }
    let sum: f64 = pct.iter().map(|f| f.value).sum();
    if sum > 100.0 + 0.5 * pct.len() as f64 {
        let (Some(first), Some(last)) = (pct.first(), pct.last()) else {
            return;
        };
        let msg = format!("these shares of one whole add up to {sum}%, more than 100%");
        let f = out.finding(Span::new(first.start, last.end), msg);
        out.push(f);
    }
}
