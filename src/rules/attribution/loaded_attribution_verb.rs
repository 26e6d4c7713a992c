use crate::analysis::attribution::{CueKind, neutral_form};
use crate::finding::{Applicability, Fix, Severity};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

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
          \"admitted to hospital\", \"conceded the election\"). The fix is unsafe: the loaded \
          verb may be the reporter's deliberate, supported choice.",
    bad: "The minister claimed that the protests were paid for abroad.",
    good: "The minister said that the protests were paid for abroad.",
    fix: FixKind::Unsafe,
    check,
};

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
        if !introduces {
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
