use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use regex::Regex;
use std::sync::LazyLock;

pub(super) static RULE: Rule = Rule {
    code: "anonymous-source",
    category: Category::Attribution,
    severity: Severity::Info,
    default_enabled: true,
    summary: "An unnamed source (\"sources said\", \"officials said\", \"a source familiar with\").",
    doc: "Anonymous sources are part of news, but the desk asks why anonymity was granted and \
          expects the story to tell the reader (\"who spoke on condition of anonymity because \
          they were not authorised to discuss the talks\"). Flagged once per sentence when an \
          attribution's source is an unnamed source, official, aide or insider, or someone \
          described only by what they know (\"a person familiar with the talks\"). Not \
          flagged: named officials (\"Interior Ministry official Jane Roe said\"), and sentences \
          that already say why the source is anonymous (\"on condition of anonymity\", \"not \
          authorized to\", \"asked not to be named\", \"spoke anonymously to discuss\") or \
          are followed in their paragraph by one that does, and a later reference back to a source \
          already introduced (\"a senior official said ... The official added\"), whose \
          anonymity the first reference answers for.",
    bad: "Two officials said the talks had stalled.",
    good: "Two officials, who spoke on condition of anonymity because the talks are private, said they had stalled.",
    fix: FixKind::None,
    check,
};

/// A sentence that already explains the anonymity.
static EXPLAINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:condition of anonymity|anonymity|anonymously\s+(?:to|because|since|as)|not authori[sz]ed|asked not to be (?:named|identified)|declined to be (?:named|identified)|requested that (?:he|she|they) not be)(?-u:\b)",
    )
    .expect("valid regex")
});

/// The noun a lowered source phrase ends in, without a plural "s" ("officials" → "official").
fn head_noun(who: &str) -> &str {
    let last = who.rsplit(' ').next().unwrap_or(who);
    last.strip_suffix('s')
        .filter(|s| !s.is_empty())
        .unwrap_or(last)
}

/// "the official", "those aides" (lowered): a definite reference, which points back to someone.
fn definite(who: &str) -> bool {
    let first = who.split(' ').next().unwrap_or("");
    matches!(first, "the" | "that" | "this" | "these" | "those")
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let mut last_sentence = None;
    // Head nouns of the unnamed sources met so far, flagged or explained.
    let mut introduced = foldhash::HashSet::default();
    for a in cx.facts.attributions.iter().filter(|a| a.anonymous) {
        let who = a
            .source
            .as_ref()
            .map_or(a.cue.text.as_str(), |s| s.text.as_str());
        let at = a.source.as_ref().map_or(a.cue.span(), |s| s.span());
        let lower = cx.doc.lower().get(at.start..at.end).unwrap_or("");
        let known = !introduced.insert(head_noun(lower));
        if last_sentence == Some(a.sentence) {
            continue;
        }
        last_sentence = Some(a.sentence);
        // The reason may follow in the same paragraph: "…, according to officials. They
        // spoke on condition of anonymity because …".
        let block = |i: usize| {
            cx.doc
                .sentences()
                .get(i)
                .and_then(|s| cx.doc.block_at(s.start))
        };
        let next = a.sentence + 1;
        let explained = EXPLAINED.is_match(cx.doc.sentence_prose(a.sentence))
            || block(next).is_some()
                && block(next) == block(a.sentence)
                && EXPLAINED.is_match(cx.doc.sentence_prose(next));
        if explained || known && definite(lower) {
            continue;
        }
        let f = out.finding(
            at,
            format!("unnamed source “{who}”: say why anonymity was granted, or name the source"),
        );
        out.push(f);
    }
}
