//! `sum-mismatch`: parts that do not add up to the total given with them.

use super::inconsistent_number_format::group;
use crate::analysis::figures::{Figure, Kind};
use crate::finding::{Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

pub(super) static RULE: Rule = Rule {
    code: "sum-mismatch",
    category: Category::Figures,
    severity: Severity::Error,
    default_enabled: true,
    summary: "Parts do not add up to the stated total, or shares of one whole pass 100%",
    doc: "Within one sentence, exact counts of the dead and the injured must add up to an exact count of casualties given with them; a list of exact counts of one thing must add up to the total given right after it (\"812 ballots in the north, 301 in the south and 45 by mail, a total of 1,200 ballots\"); and three or more percentages of the same whole must not add to more than 100 (half a point of rounding is allowed for each). It deliberately leaves alone approximate figures, lists whose parts count other things (\"10 trucks and 4 vans, 14 vehicles in all\" is not checked), percentages of different wholes (\"45% of Democrats and 60% of Republicans\"), shares a sentence says someone must or needs to win, and sentences about changes (\"rose 60%\").",
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
        parts(cx, figs, out);
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

/// Words that announce the total of a list, right before it ("a total of 1,200") or after its
/// noun ("1,200 ballots in all").
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)a\s+total\s+of|(?-u:\b)totall?ing|(?-u:\b)in\s+all\s*,?|(?-u:\b)altogether\s*,?)\s*$")
        .expect("valid regex")
});
static TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)\s*(?:in\s+all|in\s+total|altogether)(?-u:\b)").expect("valid regex")
});

static NEEDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:must|needs?\s+to|ha(?:s|ve)\s+to|would\s+need\s+to)(?-u:\b)")
        .expect("valid regex")
});

/// The longest list of parts read before a total.
const MAX_PARTS: usize = 12;

/// Words after a part that leave its noun to the list's first part ("301 in the south").
const ELLIPSIS: &[&str] = &[
    "in", "at", "by", "on", "from", "for", "to", "with", "and", "or", "more", "each",
];

/// The lowercased word right after a figure, and where that word ends.
fn word_after(prose: &str, f: &Figure) -> Option<(String, usize)> {
    let rest = prose.get(f.end..)?;
    let start = rest.len() - rest.trim_start().len();
    let w: String = rest[start..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    (!w.is_empty()).then(|| (w.to_lowercase(), f.end + start + w.len()))
}

/// "812 ballots in the north, 301 in the south and 45 by mail, a total of 1,200 ballots": the
/// exact counts listed right before a total of the same noun must add up to it.
fn parts(cx: &Context<'_>, figs: &[&Figure], out: &mut Emitter<'_>) {
    let prose = cx.doc.prose();
    let countable =
        |f: &Figure| f.kind == Kind::Count && f.exact && !f.delta && f.value.fract() == 0.0;
    // A list starts after the previous total: a total is never a part of the next list.
    let mut floor = 0;
    for (t, total) in figs.iter().enumerate() {
        let Some(prev) = t.checked_sub(1).and_then(|i| figs.get(i)) else {
            continue;
        };
        let Some((noun, noun_end)) = word_after(prose, total) else {
            continue;
        };
        let before_total = prose.get(prev.end..total.start).unwrap_or("");
        let after_noun = prose.get(noun_end..).unwrap_or("");
        if !(TOTAL_BEFORE.is_match(before_total) || TOTAL_AFTER.is_match(after_noun)) {
            continue;
        }
        let start = floor;
        floor = t + 1;
        if !countable(total) || t < start + 2 {
            continue;
        }
        // Walk back over the list: each part joined to the next by a comma or "and".
        let mut first = t - 1;
        while first > start && t - first < MAX_PARTS {
            let gap = prose
                .get(figs[first - 1].end..figs[first].start)
                .unwrap_or("x");
            if gap.len() > 60 || !(gap.contains(',') || gap.contains(" and ")) {
                break;
            }
            first -= 1;
        }
        let list = &figs[first..t];
        let same_noun = |f: &Figure| word_after(prose, f).is_some_and(|(w, _)| w == noun);
        // "301 in the south", "9 away": no noun of its own, so the list's.
        let elided = |f: &Figure| {
            word_after(prose, f).is_none_or(|(w, _)| {
                ELLIPSIS.contains(&w.as_str()) || (f.counted.is_none() && !w.ends_with('s'))
            })
        };
        let [head, rest @ ..] = list else { continue };
        if rest.is_empty()
            || !list.iter().all(|f| countable(f))
            || !same_noun(head)
            || !rest.iter().all(|f| same_noun(f) || elided(f))
        {
            continue;
        }
        let sum: f64 = list.iter().map(|f| f.value).sum();
        if sum == total.value {
            continue;
        }
        let terms: Vec<&str> = list.iter().map(|f| f.text.as_str()).collect();
        let msg = format!(
            "{} = {}, not the total of {} given",
            terms.join(" + "),
            group(&format!("{}", sum as i64)),
            total.text
        );
        let mut finding = out.finding(total.span(), msg);
        for f in list {
            finding = finding.with_related(f.span(), "part");
        }
        out.push(finding);
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
    // "Trump must win 53 percent of the remaining delegates, Cruz 59 percent": what each
    // contender would need, not one whole split.
    let mut from = pct[0].start.saturating_sub(40);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    if NEEDED.is_match(prose.get(from..pct[0].start).unwrap_or("")) {
        return;
    }
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
