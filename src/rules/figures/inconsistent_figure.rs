//! `inconsistent-figure`: the same counted thing given as two figures that cannot both be true.

use super::{line, quote, with_noun};
use crate::analysis::figures::{self, Figure, Kind};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use foldhash::{HashMap, HashSet};

pub(super) static RULE: Rule = Rule {
    code: "inconsistent-figure",
    category: Category::Figures,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "The same counted thing is given two figures that cannot both be true",
    doc: "Each figure becomes an interval (\"more than 2,000\" is above 2,000, \"dozens\" is 24 to 99, \"about\" allows 10%) and figures are grouped by what they count, with synonyms folded (soldiers = troops, killed = dead = deaths; \"people\" takes its event, \"people detained\"). Two mentions in different sentences whose intervals cannot overlap are flagged: an error when both are exact numbers, a warning otherwise. A sentence repeated word for word with another number is always flagged. It deliberately leaves alone figures in one sentence (they are usually contrasted), sentences that explain a change or comparison (\"rose to\", \"up from\", \"compared with\", \"earlier\") unless the figure is a set named with \"the\", increments (\"2,000 more troops\"), figures tied to different years, durations and scores, generic nouns with no event (\"10 people attended\"), running tallies (\"Cruz has 11 delegates\") unless the clause is restated, and what is at stake (\"With 107 delegates at stake\") unless the same state or name goes with both.",
    bad: "The mission of more than 2,000 troops arrived on Friday. ... The 1,500 troops will leave within 10 days.",
    good: "The mission of more than 2,000 troops arrived on Friday. ... The 2,030 troops will leave within 10 days.",
    fix: FixKind::None,
    check,
};

/// How many earlier mentions of the same thing each figure is checked against.
const WINDOW: usize = 16;

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let figs = &cx.facts.figures;
    let mut years: HashMap<usize, Vec<f64>> = HashMap::default();
    for f in figs.iter().filter(|f| f.kind == Kind::Year) {
        if let Some(s) = f.sentence {
            years.entry(s).or_default().push(f.value);
        }
    }
    let mut groups: Vec<_> = figures::groups(figs)
        .into_iter()
        .filter(|((kind, _, _), _)| *kind != Kind::Age)
        .map(|(_, g)| g)
        .collect();
    groups.sort_by_key(|g| g.first().copied());
    // "one candidate" names a member, not the size of a set; a definite back-reference ("trade
    // between the 13 nations declined") restates its count whatever the clause says happened.
    // So does a set determined on the spot ("the 865 delegates at stake"): "so far" in its
    // clause is about another figure.
    let usable = |f: &Figure| !f.delta && (!f.update || f.determined) && f.value != 1.0;
    for g in groups {
        for (n, &j) in g.iter().enumerate() {
            let Some(b) = figs.get(j).filter(|b| usable(b)) else {
                continue;
            };
            let earlier: Vec<&Figure> = g[..n]
                .iter()
                .rev()
                .take(WINDOW)
                .filter_map(|&i| figs.get(i))
                .filter(|a| {
                    !a.delta
                        && a.value != 1.0
                        && (b.definite || !a.update)
                        && a.sentence != b.sentence
                        && !compatible_years(&years, a, b)
                })
                .collect();
            let clash = if b.definite {
                // "the 13 men" must match some earlier count of men.
                let told: Vec<&&Figure> = earlier
                    .iter()
                    .filter(|a| a.modifiers == b.modifiers || b.modifiers.is_empty())
                    .collect();
                told.iter()
                    .all(|a| !figures::compatible(a, b))
                    .then(|| told.first().copied().copied())
                    .flatten()
            } else {
                earlier
                    .iter()
                    .filter(|a| !a.restricted && !b.restricted && a.value.fract() == 0.0)
                    .find(|a| {
                        (same_thing(a, b) || narrowed_back_reference(a, b, n == 1))
                            && !figures::compatible(a, b)
                    })
                    .copied()
            };
            if let Some(a) = clash {
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
            }
        }
    }
}

/// Counts whose single figure a story states and restates: a second value is a contradiction
/// even when the clauses share no other word.
const SALIENT: &[&str] = &[
    "dead",
    "injured",
    "detained",
    "missing",
    "evacuated",
    "displaced",
    "troops",
    "casualty",
    "hostage",
    "victim",
    "rescued",
];

/// Context words two mentions of a running tally share when one clause restates the other.
const RESTATED: usize = 3;

/// Whether two mentions of one noun describe the same thing: the same modifiers, no disjoint
/// sets of names around them ("Cruz has 11 delegates", "Clinton has 503 delegates"), and for
/// ordinary nouns a shared word of context (two for generic ones like "people").
fn same_thing(a: &Figure, b: &Figure) -> bool {
    if a.modifiers != b.modifiers {
        return false;
    }
    if a.echo.is_some() && a.echo == b.echo {
        // The clause repeated word for word with another number.
        return true;
    }
    if different_names(a, b) {
        return false;
    }
    let shared = plain(a).intersection(&plain(b)).count();
    let counted = a.counted.as_deref().unwrap_or("");
    if figures::is_tally(counted) {
        // Tallies change from one update to the next; a clause restated word for word ("Ted
        // Cruz has 11 delegates and Rubio has 10") must keep its figure.
        return shared >= RESTATED && !names(a).is_disjoint(&names(b));
    }
    if counted.ends_with(" needed") {
        // Thresholds differ by party and race: the names around them must agree.
        return names(a) == names(b) && shared >= 1;
    }
    if figures::is_at_stake(counted) {
        // What is at stake differs by state, often named only in the sentence before: the
        // names must agree and be there.
        return names(a) == names(b) && !names(a).is_empty() && shared >= 1;
    }
    let need = if SALIENT.contains(&counted) {
        0
    } else if figures::is_generic(counted) {
        2
    } else {
        1
    };
    shared >= need
}

/// "the 13 articles in the series" after "13 articles": a definite article before the same
/// modified noun and an exact earlier count that shares a word of context or is itself
/// definite or the story's only other count of that thing (`sole`: "two articles published in
/// October" ... "the two articles in a number of respects"), with no different names around
/// them. A tally ("the 50 delegates at stake") only restates another definite tally, never a
/// candidate's running count.
fn narrowed_back_reference(a: &Figure, b: &Figure, sole: bool) -> bool {
    let counted = a.counted.as_deref().unwrap_or("");
    let linked = if figures::is_tally(counted) || figures::is_at_stake(counted) {
        a.determined
    } else {
        a.determined || sole || !plain(a).is_disjoint(&plain(b))
    };
    b.determined
        && linked
        && a.exact
        && b.exact
        && a.modifiers == b.modifiers
        && !figures::is_generic(counted)
        && !different_names(a, b)
}

/// The capitalised context words of a figure: the names around it.
fn names(f: &Figure) -> HashSet<&str> {
    f.context
        .iter()
        .filter_map(|w| w.strip_prefix('^'))
        .collect()
}

/// Both figures have names around them and none in common: "Cruz has 11 delegates",
/// "Clinton has 503 delegates".
fn different_names(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (names(a), names(b));
    !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
}

/// Every context word, names included.
fn plain(f: &Figure) -> HashSet<&str> {
    f.context
        .iter()
        .map(|w| w.trim_start_matches('^'))
        .collect()
}

/// Figures tied to different years ("in 2015 ... in 2016") describe different things.
fn compatible_years(years: &HashMap<usize, Vec<f64>>, a: &Figure, b: &Figure) -> bool {
    let get = |f: &Figure| f.sentence.and_then(|s| years.get(&s));
    match (get(a), get(b)) {
        (Some(x), Some(y)) => !x.iter().any(|v| y.contains(v)),
        _ => false,
    }
}
