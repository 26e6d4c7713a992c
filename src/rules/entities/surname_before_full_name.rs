//! `surname-before-full-name`: a person called by surname before being introduced.

use crate::analysis::entities::lexicon::{COMMON_CAPITALISED, GAZETTEER};
use crate::analysis::entities::{Entity, Form, Kind, Mention};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use crate::text::Words;

pub(super) static RULE: Rule = Rule {
    code: "surname-before-full-name",
    category: Category::Entities,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A person called by surname (or title and surname) before the full name",
    doc: "Style books introduce a person by full name (and title) on first reference and by \
          surname after. A surname that comes before the first full reference leaves the \
          reader guessing who is meant. Headlines (a Markdown heading, a plain draft's title \
          line, a line in capitals) name people by surname as a rule, and are left alone, as \
          are people the story only ever names by surname and surnames after the full name. \
          A surname that modifies a noun (\"the Obama administration\", \"the Koch brothers\", \
          \"Trump supporters\", \"the Bush and Obama eras\") names no one yet, and is left \
          alone too, as is a word before a capitalised phrase that is no one's name \
          (\"Nabisco\" before \"RJR Nabisco\", \"coal\" before \"Big Coal\").",
    bad: "Smailov resigned. Acting Prime Minister Alikhan Smailov took over in January.",
    good: "Alikhan Smailov resigned. Smailov took over as acting prime minister in January.",
    fix: FixKind::None,
    check,
};

/// Nouns a surname modifies without naming its bearer ("the Obama administration", "the Koch
/// brothers", "Trump supporters"): the person is introduced when the story turns to them.
static ATTRIBUTIVE_NOUNS: Words = Words::new(&[
    "administration",
    "administrations",
    "campaign",
    "campaigns",
    "camp",
    "team",
    "family",
    "families",
    "brothers",
    "sisters",
    "clan",
    "dynasty",
    "era",
    "eras",
    "years",
    "presidency",
    "doctrine",
    "factor",
    "effect",
    "agenda",
    "government",
    "cabinet",
    "machine",
    "operation",
    "loyalists",
    "allies",
    "aides",
    "supporters",
    "backers",
    "donors",
    "voters",
    "rally",
    "rallies",
    "presidencies",
    "name",
    "brand",
    "foundation",
    "critics",
    "ad",
    "ads",
    "train",
]);

/// Whether a surname modifies a noun after it, alone or in a list of surnames ("the Clinton,
/// Bush and Obama eras").
fn attributive(prose: &str, end: usize) -> bool {
    let mut rest = prose.get(end..).unwrap_or("");
    // After "and" or "or" comes another surname, never the noun ("Sanders and allies").
    let mut after_conjunction = false;
    for _ in 0..6 {
        let after = rest.trim_start_matches([' ', ',']);
        let word_end = after
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(after.len());
        let word = &after[..word_end];
        if word.is_empty() {
            return false;
        }
        if ATTRIBUTIVE_NOUNS.contains(word) {
            return !after_conjunction;
        }
        after_conjunction = word == "and" || word == "or";
        // Another surname of the list, or the list's "and"/"or"; anything else ends it.
        if !(word == "and" || word == "or" || word.starts_with(char::is_uppercase)) {
            return false;
        }
        rest = &after[word_end..];
    }
    false
}

/// Whether the full reference can be a person's name. Capitalised phrases the entity pass
/// could only guess were people ("Executive Order", "Big Coal", "Team Hillary", a Title Case
/// headline) start with a word the story also writes in lower case, a word capitalised only
/// to open a sentence, or an acronym ("RJR Nabisco"); a given name is none of these. A title,
/// a known name or a given name the gazetteer lists settles it. The lower-case test is one
/// memchr scan, run only for a surname already out of place: cheaper than a set of the
/// story's words, which cost 5% more instructions on real news.
fn names_a_person(prose: &str, e: &Entity, full: &Mention) -> bool {
    let first = full.text.split_whitespace().next().unwrap_or("");
    if e.known || full.title.is_some() || GAZETTEER.is_given_name(first) {
        return true;
    }
    let capitals = first.chars().filter(|c| c.is_uppercase()).count();
    if (capitals > 1 && !first.contains('.')) || COMMON_CAPITALISED.contains(first) {
        return false;
    }
    let lower = first.to_lowercase();
    lower == first || !crate::text::contains_word(prose, &lower)
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for e in cx.facts.entities.iter().filter(|e| e.kind == Kind::Person) {
        let Some(full) = e.mentions.iter().find(|m| m.form == Form::Full) else {
            continue;
        };
        // The whole-text test last: it runs only for a surname already out of place.
        if let Some(m) = e.mentions.iter().find(|m| {
            m.form == Form::Short
                && m.start < full.start
                && !cx.doc.in_heading(m.start)
                && !attributive(cx.doc.prose(), m.end)
        }) && names_a_person(cx.doc.prose(), e, full)
        {
            out.push(
                out.finding(
                    m.start..m.end,
                    format!(
                        "\"{}\" is named before the full reference \"{}\" (line {})",
                        m.text,
                        e.name,
                        cx.doc.lines().line_of(full.start) + 1
                    ),
                )
                .with_related(full.start..full.end, "full name first given here"),
            );
        }
    }
}
