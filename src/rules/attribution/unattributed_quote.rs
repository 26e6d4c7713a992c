use super::excerpt;
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use crate::text::QuoteEnd;

pub(super) static RULE: Rule = Rule {
    code: "unattributed-quote",
    category: Category::Attribution,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A full-sentence quotation with no speaker in its sentence or paragraph.",
    doc: "Readers must be able to tell who said a quotation. A quotation that reads as a whole \
          sentence is flagged when no attribution (\"said\", \"told\", \"according to\", a \
          colon introduction) with a source stands in its own sentences or the sentence just \
          before or after it in the same paragraph, and no earlier paragraph runs the same \
          quotation on (the multi-paragraph convention carries the speaker). Partial quotes \
          inside a sentence (called it “an attempted coup”), titles of works, scare-quoted \
          words and quotations that never close (see `unbalanced-quotes`) are deliberately \
          not flagged, and neither is a quotation attributed only in another paragraph.",
    bad: "“We will restore order within days.”",
    good: "“We will restore order within days,” President Kassym-Jomart Tokayev said.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let text = cx.doc.text();
    for q in &cx.facts.quotes {
        if !q.full_sentence
            || q.speaker.is_some()
            || q.continued
            || q.end_kind == QuoteEnd::Unclosed
        {
            continue;
        }
        let words = text.get(q.start..q.end).unwrap_or("");
        let f = out.finding(
            q.start..q.end,
            format!(
                "no one is named as saying {}: attribute it in its sentence or paragraph",
                excerpt(words, 60)
            ),
        );
        out.push(f);
    }
}
