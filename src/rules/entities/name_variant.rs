//! `name-variant`: one entity spelled two ways.

use crate::analysis::entities::{Entity, Form, Kind};
use crate::finding::{Applicability, Fix, Severity};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "name-variant",
    category: Category::Entities,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A name spelled differently from its first spelling or from the names file",
    doc: "Transliterated names drift (Tokayev / Tokaev, Smailov / Smaylov) and readers notice. \
          A mention that differs by a letter or two from the entity's first full spelling, or \
          from the desk's spelling in the names file, is flagged with the expected spelling as \
          an unsafe fix: it may be the first spelling that is wrong. Different people who \
          share a surname, names more than two edits apart, a family's plural (\"the \
          Tokayevs\"), a group's singular, plural or adjective (\"Yazidi\", \"Yazidis\"; \
          \"Democrats\", \"Democratic\") and any name's singular before a noun it modifies \
          (\"Girl Scout cookies\" after \"the Girl Scouts\") are left alone.",
    bad: "Kassym-Jomart Tokayev spoke on Tuesday. Tokaev said the army would stay.",
    good: "Kassym-Jomart Tokayev spoke on Tuesday. Tokayev said the army would stay.",
    fix: FixKind::Unsafe,
    check,
};

/// The expected spelling of a mention: the same number of trailing words of the names
/// file's spelling or the entity's name ("Tokaev" → "Tokayev").
fn expected(entity: &Entity, text: &str) -> String {
    let canon = entity.preferred.as_deref().unwrap_or(&entity.name);
    let want = text.split(' ').count();
    let words: Vec<&str> = canon.split(' ').collect();
    words[words.len().saturating_sub(want)..].join(" ")
}

/// A name without a plural's or an adjective's ending: "Yazidis", "Democratic" → "Yazidi",
/// "Democrat".
fn stem(name: &str) -> &str {
    ["es", "s", "ic"]
        .iter()
        .find_map(|end| name.strip_suffix(end))
        .unwrap_or(name)
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for e in &cx.facts.entities {
        let def = e.definition_mention();
        for m in e
            .mentions
            .iter()
            .filter(|m| m.variant && m.form != Form::Headline)
        {
            let want = expected(e, &m.text);
            // "the Clintons", "the Bronfmans": the family, not a misspelling.
            let family = ["s", "es"]
                .iter()
                .any(|s| m.text.strip_suffix(s) == Some(want.as_str()));
            // A group's singular, plural and adjective ("Yazidi" / "Yazidis", "Democrats" /
            // "Democratic"); a person's "Session" for "Sessions" is still a misspelling.
            // Before a noun it modifies, any name takes its singular or adjective ("Girl
            // Scout cookies", "Democratic operatives", "Latino voters").
            let modifier = || {
                cx.doc
                    .prose()
                    .get(m.end..)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_lowercase()))
            };
            let forms = stem(&m.text) == stem(&want) && (e.kind != Kind::Person || modifier());
            if want == m.text || want.is_empty() || family || forms {
                continue;
            }
            let source = if e.preferred.is_some() {
                "the names file".to_owned()
            } else {
                format!(
                    "line {}",
                    cx.doc.lines().line_of(def.map_or(0, |d| d.start)) + 1
                )
            };
            let mut f = out
                .finding(
                    m.start..m.end,
                    format!("\"{}\" is spelled \"{want}\" in {source}", m.text),
                )
                .with_fix(Fix::replace(
                    format!("Spell it \"{want}\""),
                    m.start..m.end,
                    want.clone(),
                    Applicability::Unsafe,
                ));
            if let Some(d) = def.filter(|_| e.preferred.is_none()) {
                f = f.with_related(d.start..d.end, "first spelled here");
            }
            out.push(f);
        }
    }
}
