use crate::finding::{Applicability, Fix, Severity};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use crate::text::QuoteEnd;

pub(super) static RULE: Rule = Rule {
    code: "unbalanced-quotes",
    category: Category::Attribution,
    severity: Severity::Error,
    default_enabled: true,
    summary: "An opening quotation mark that never closes, a closing mark with no opening one, or a curly mark turned the wrong way.",
    doc: "A quotation must close where the speaker's words end, or the reader cannot tell quote \
          from reporting. Flagged: an opening mark with no closing mark in its paragraph when the \
          next paragraph does not open a quotation, and a closing mark with no opening mark \
          before it. Not flagged: the multi-paragraph convention (each paragraph of a long \
          quotation opens with a mark and only the last one closes), apostrophes, and marks in \
          code, links or front matter. A curly mark turned the wrong way (\"rapists“ while\", \
          \"”This\") is paired as its place says and flagged with a safe fix that turns it.",
    bad: "“We will restore order, Tokayev said.",
    good: "“We will restore order,” Tokayev said.",
    fix: FixKind::Safe,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let quotes = cx.doc.quotes();
    let text = cx.doc.text();
    let mark = |at: usize| {
        at..at
            + text
                .get(at..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8)
    };
    for q in quotes
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && q.end == QuoteEnd::Unclosed)
    {
        let f = out.finding(
            mark(q.span.start),
            "this quotation mark never closes: close the quotation where the speaker's words end",
        );
        out.push(f);
    }
    for (r, want) in &quotes.misturned {
        let f = out
            .finding(
                r.clone(),
                format!("this quotation mark is turned the wrong way: use {want}"),
            )
            .with_fix(Fix::replace(
                format!("Turn it: {want}"),
                r.clone(),
                want.to_string(),
                Applicability::Safe,
            ));
        out.push(f);
    }
    for r in &quotes.stray_closes {
        let f = out.finding(
            r.clone(),
            "closing quotation mark with no opening mark before it",
        );
        out.push(f);
    }
}
