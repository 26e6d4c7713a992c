use crate::analysis::attribution::{CueKind, neutral_form};
use crate::finding::{Applicability, Fix, Severity};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use crate::text::Words;

pub(super) static RULE: Rule = Rule {
    code: "loaded-attribution-verb",
    category: Category::Attribution,
    severity: Severity::Hint,
    default_enabled: true,
    summary: "A loaded verb of saying (\"claimed\", \"admitted\", \"insisted\") where \"said\" is neutral.",
    doc: "AP style: \"said\" is neutral; \"claimed\" casts doubt, \"admitted\", \"conceded\" and \
          \"confessed\" imply wrongdoing, \"insisted\" implies resistance. Flagged only when the \
          verb introduces what someone said (a \"that\" clause, a quotation or a colon, or \
          closes the sentence after it: \"…, he claimed.\"); the fix swaps in \"said\" in the same tense and form \
          (\"claims\" → \"says\"). Not flagged: the other senses (\"claimed responsibility\", \
          \"admitted to hospital\", \"conceded the election\") and the noun (\"his false claims that\"). The fix is unsafe: the loaded \
          verb may be the reporter's deliberate, supported choice.",
    bad: "The minister claimed that the protests were paid for abroad.",
    good: "The minister said that the protests were paid for abroad.",
    fix: FixKind::Unsafe,
    check,
};

/// Words before "claim" or "claims" that make it the noun ("Trump's false claims that", "the
/// campaign's earlier claim that"), not a verb of saying.
static BEFORE_NOUN: Words = Words::new(&[
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "such",
    "false",
    "earlier",
    "familiar",
    "absurd",
    "inaccurate",
    "dubious",
    "baseless",
    "unsubstantiated",
    "unfounded",
    "repeated",
    "bogus",
    "wild",
    "similar",
    "new",
    "latest",
    "previous",
    "original",
    "bold",
    "same",
]);

/// "claim" or "claims" as a noun: after a determiner, a possessive or an adjective of doubt,
/// or capitalised mid-sentence in a Title Case headline ("Bombshell Claim:"). `lower` is the
/// document's lowered prose.
fn noun(lower: &str, cue: &str, start: usize) -> bool {
    if !(cue.eq_ignore_ascii_case("claim") || cue.eq_ignore_ascii_case("claims")) {
        return false;
    }
    let prev = lower
        .get(..start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let word_before = prev.ends_with(char::is_alphabetic);
    (cue.starts_with('C') && word_before)
        || prev.ends_with("'s")
        || prev.ends_with("’s")
        || word_before && BEFORE_NOUN.contains(prev)
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let prose = cx.doc.prose();
    for a in &cx.facts.attributions {
        if a.kind != CueKind::Verb || a.source.is_none() {
            continue;
        }
        let lower = a.cue.text.to_lowercase();
        let Some(neutral) = neutral_form(&lower) else {
            continue;
        };
        let after = prose.get(a.cue.end..).unwrap_or("").trim_start();
        let introduces = after.starts_with("that ")
            || after.starts_with(['“', '"', ':'])
            || a.content.end <= a.cue.start;
        if !introduces || noun(cx.doc.lower(), &a.cue.text, a.cue.start) {
            continue;
        }
        let replacement = if a.cue.text.starts_with(char::is_uppercase) {
            let mut c = neutral.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            neutral.to_owned()
        };
        let f = out
            .finding(
                a.cue.span(),
                format!("“{}” is loaded; “{replacement}” is neutral", a.cue.text),
            )
            .with_fix(Fix::replace(
                format!("Use “{replacement}”"),
                a.cue.span(),
                replacement.clone(),
                Applicability::Unsafe,
            ));
        out.push(f);
    }
}
