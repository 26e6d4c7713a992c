use crate::analysis::attribution;
use crate::analysis::figures::{Figure, Kind};
use crate::finding::{Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

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
          money, counts of things that are not tolls (\"three children\", \"two cars\"), and \
          a second figure in a sentence already flagged.",
    bad: "Nearly 10,000 people have been detained since the protests began.",
    good: "Nearly 10,000 people have been detained since the protests began, the Interior Ministry said.",
    fix: FixKind::None,
    check,
};

/// The counted things whose numbers are claims about the world, not the writer's own facts.
const TOLLS: &[&str] = &[
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
    "protesters",
    "refugees",
    "migrants",
    "infected",
    "cases",
    "hostages",
    "civilians",
    "homeless",
    "people",
];

fn is_toll(f: &Figure) -> bool {
    match f.kind {
        Kind::Count => f.counted.as_deref().is_some_and(|c| TOLLS.contains(&c)),
        Kind::Percent => f.counted.as_deref().is_some_and(|c| TOLLS.contains(&c)),
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
