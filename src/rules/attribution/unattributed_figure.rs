use crate::analysis::attribution;
use crate::analysis::figures::{Figure, Kind};
use crate::finding::{Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use crate::text::Document;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static RULE: Rule = Rule {
    code: "unattributed-figure",
    category: Category::Attribution,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A toll, count or share of people stated with no one to vouch for it.",
    doc: "Death tolls, arrest counts, crowd sizes, casualty figures and percentages of people are \
          the numbers corrections are made of; the reader needs to know who counted. A sentence \
          stating one is flagged when no attribution with a source covers it: none in its own \
          sentence or the next one of its paragraph, and none in the previous sentence that \
          carries on into it (\"Police said 12 people died. Another 40 were hurt.\"). Deliberately not flagged: \
          figures inside a quotation (the speaker vouches), ages, years, ordinals, measures and \
          money, counts of things that are not tolls (\"three children\", \"two cars\"), \
          a second figure in a sentence already flagged, figures that state no new count (a \
          reference back, \"the nine people who were killed\"; a crowd's order of size, \
          \"hundreds of people\", though not \"hundreds dead\"), and plans, intentions and \
          hypotheticals, which are not claims about the world (\"Clinton wants to sign up 5 \
          million people\", \"the plan would cover 2 million people\", \"a goal of 10,000 \
          refugees\", \"if 300 people come\").",
    bad: "Nearly 10,000 people have been detained since the protests began.",
    good: "Nearly 10,000 people have been detained since the protests began, the Interior Ministry said.",
    fix: FixKind::None,
    check,
};

/// Counts of harm: the numbers of a toll, claims even when vague ("hundreds dead").
const HARM: &[&str] = &[
    "dead",
    "injured",
    "wounded",
    "hurt",
    "detained",
    "missing",
    "displaced",
    "evacuated",
    "casualties",
    "victims",
    "infected",
    "cases",
    "hostages",
];

/// Counts of people, claims when exact ("5,000 protesters"); with harm, the counted things
/// whose numbers are claims about the world, not the writer's own facts.
const CROWDS: &[&str] = &[
    "protesters",
    "refugees",
    "migrants",
    "civilians",
    "homeless",
    "people",
];

/// Words before a figure that make it a goal, a plan or a hypothesis ("wants to sign up 5
/// million", "would cover", "a goal of", "if 300 people").
static PLANNED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:wants?|wanted|plans?|planned|planning|aims?|aimed|aiming|hopes?|hoped|hoping|intends?|intended|seeks?|sought|promised|promises|pledged|pledges|vowed|vows|proposed|proposes)\s+to|(?:goal|target|aim|plan)s?\s+(?:of|to)|would|could|if|unless)(?-u:\b)",
    )
    .expect("valid regex")
});

/// A modal right after the counted noun ("5 million people could lose coverage").
static PLANNED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\p{L}+\s+)?(?:would|could)(?-u:\b)").expect("valid regex")
});

/// Whether the figure is a goal, a plan or a hypothesis rather than a claim about the world:
/// an intention or a conditional earlier in its sentence, or "would"/"could" right after it.
fn planned(cx: &Context<'_>, f: &Figure) -> bool {
    let prose = cx.doc.prose();
    let start = f
        .sentence
        .and_then(|i| cx.doc.sentences().get(i))
        .map_or(f.start, |r| r.start.min(f.start));
    let after = f.noun.map_or(f.end, |n| n.end.max(f.end));
    prose
        .get(start..f.start)
        .is_some_and(|before| PLANNED_BEFORE.is_match(before))
        || prose.get(after..).is_some_and(|rest| {
            // Only the next two words matter: look no further than a few dozen characters.
            let near = rest
                .char_indices()
                .nth(40)
                .map_or(rest, |(i, _)| &rest[..i]);
            PLANNED_AFTER.is_match(near)
        })
}

/// A figure that states no new count: a reference back to a set the story has counted ("the
/// nine people who were killed", "the other 16 people running"), an order of size of a crowd
/// ("hundreds of people", "a handful of people"), or "any one person".
fn no_new_count(doc: &Document, f: &Figure) -> bool {
    let counted = f.counted.as_deref().unwrap_or("");
    let prev = doc
        .lower()
        .get(..f.start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let presupposed =
        f.approximator.is_none() && matches!(prev, "the" | "these" | "those" | "other");
    presupposed
        || f.vague(doc.prose()) && !HARM.contains(&counted)
        || f.value == 1.0 && matches!(prev, "any" | "no" | "each" | "every")
}

fn is_toll(f: &Figure) -> bool {
    match f.kind {
        Kind::Count | Kind::Percent => f
            .counted
            .as_deref()
            .is_some_and(|c| HARM.contains(&c) || CROWDS.contains(&c)),
        _ => false,
    }
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    // Outer quotations never overlap and come in order, as do figures: one pointer walks both.
    let mut quotes = cx
        .doc
        .quotes()
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .peekable();
    let mut last_sentence = None;
    for f in cx.facts.figures.iter().filter(|f| is_toll(f)) {
        if f.sentence.is_some() && f.sentence == last_sentence {
            continue;
        }
        while quotes.next_if(|q| q.span.end <= f.start).is_some() {}
        let in_quote = quotes
            .peek()
            .is_some_and(|q| q.span.start <= f.start && f.end <= q.span.end);
        let span = Span::new(f.start, f.end);
        let atts = &cx.facts.attributions;
        // The source may also follow, in the next sentence of the paragraph.
        let next = f.sentence.and_then(|i| {
            let same_block = cx.doc.block_at(f.start)
                == cx
                    .doc
                    .sentences()
                    .get(i + 1)
                    .and_then(|n| cx.doc.block_at(n.start));
            same_block.then(|| cx.doc.sentences().get(i + 1)).flatten()
        });
        if in_quote
            || no_new_count(cx.doc, f)
            || planned(cx, f)
            || attribution::covers(atts, cx.doc, span)
            || next.is_some_and(|n| attribution::covers(atts, cx.doc, n.clone().into()))
        {
            continue;
        }
        last_sentence = f.sentence;
        let what = f.counted.as_deref().unwrap_or("figure");
        out.push(out.finding(
            span,
            format!(
                "“{}” ({what}) is stated with no source: who counted? Attribute it in this sentence (“…, police said”).",
                f.text
            ),
        ));
    }
}
