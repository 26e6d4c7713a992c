use crate::analysis::attribution::{Attribution, CueKind, is_vague};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use regex::Regex;
use std::sync::LazyLock;

pub(super) static RULE: Rule = Rule {
    code: "sourceless-claim",
    category: Category::Attribution,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A hedge or agentless attribution (\"reportedly\", \"it is believed\") with no source in its sentence.",
    doc: "\"Reportedly\", \"allegedly\", \"is said to\", \"it is believed\", \"it was \
          reported\", \"according to reports\", \"rumoured\", \"it is understood\", \"many \
          believe\" and \"critics say\" tell the reader someone vouches for a claim without \
          saying who. They are flagged unless the same sentence names a source (\"it was \
          reported by Reuters\", \"Tokayev said\", \"critics, including Sen. Jane Roe, say\"). \
          A hedge on the verb of a report (\"Tokayev reportedly said\") is flagged all the \
          same: the speaker is named, but not who says the words were spoken. Deliberately \
          not flagged: forecasts and appearances (\"is expected to\", \"seems\", \
          \"appears\"), passives whose agent is named later in the sentence, anonymous but \
          present sources (\"officials said\", see `anonymous-source`), and hedges attributed \
          in a neighbouring sentence, which a reader can still follow.",
    bad: "The minister reportedly fled the capital on Tuesday.",
    good: "The minister fled the capital on Tuesday, two aides told Reuters.",
    fix: FixKind::None,
    check,
};

/// Critics or observers named in the same breath ("critics, including Jane Roe, say").
static NAMED_CRITIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:including|such as|among them|like)\s+(?:\p{Lu}[\p{L}.’'\-]*\s*)+")
        .expect("valid regex")
});

/// Whether `b` names who stands behind the hedge `a`. A hedge on the verb of a report
/// ("Trump reportedly yelled", "he reportedly also said") puts the report itself in doubt:
/// its source vouches for none of it.
fn vouches(prose: &str, b: &Attribution, a: &Attribution) -> bool {
    let on_the_verb = || {
        b.source.as_ref().is_some_and(|s| s.end <= a.cue.start)
            && prose
                .get(a.cue.end..b.cue.start)
                .is_some_and(|gap| gap.split_whitespace().count() <= 1)
    };
    b.kind != CueKind::Hedge
        && b.source.as_ref().is_some_and(|s| !is_vague(&s.text))
        && !on_the_verb()
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let atts = &cx.facts.attributions;
    for (i, a) in atts.iter().enumerate() {
        if a.kind != CueKind::Hedge {
            continue;
        }
        let same_sentence = {
            let from = atts[..i].partition_point(|b| b.sentence < a.sentence);
            let to = i + atts[i..].partition_point(|b| b.sentence <= a.sentence);
            &atts[from..to]
        };
        if same_sentence.iter().any(|b| vouches(cx.doc.prose(), b, a)) {
            continue;
        }
        let sentence = cx.doc.sentence_prose(a.sentence);
        if NAMED_CRITIC.is_match(sentence) {
            continue;
        }
        let f = out.finding(
            a.cue.span(),
            format!(
                "“{}” with no source: say who reports, believes or alleges it",
                a.cue.text
            ),
        );
        out.push(f);
    }
}
