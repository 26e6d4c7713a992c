//! `undefined-acronym`: an acronym the story never spells out.

use crate::analysis::entities::{Form, lexicon};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};
use foldhash::HashSet;

pub(super) static RULE: Rule = Rule {
    code: "undefined-acronym",
    category: Category::Entities,
    severity: Severity::Info,
    default_enabled: true,
    summary: "An acronym used with no expansion in the story, the gazetteer or the names file",
    doc: "Readers should not have to guess what an acronym stands for. An acronym is fine when \
          the story defines it (\"Collective Security Treaty Organization (CSTO)\") or gives the \
          long name it abbreviates (\"the Federal Election Commission ... the FEC\"), when it is \
          one every reader knows (U.S., UN, NATO, EU, FBI, and those AP accepts on first \
          reference such as GOP, CNN, NAACP, NASA, IBM), dotted or not (\"I.R.S.\"), a state \
          abbreviation (N.Y., D.C.), when the bundled gazetteer knows \
          it or when the newsroom names file lists it. Ordinary words in capitals (\"NO\", \
          \"WHITE\", or any of four letters or more the story also writes in lower case: \
          \"KILLED\", \"TAPPER:\") are shouting, not acronyms, and are left alone. Only the first use is \
          flagged.",
    bad: "The KNB said it had detained the former chief.",
    good: "The National Security Committee (KNB) said it had detained the former chief.",
    fix: FixKind::None,
    check,
};

/// The words the story writes with a lower-case letter, lowered: a word in capitals that is
/// also among them ("KILLED" in a headline, "TAPPER:" in a transcript after "Jake Tapper") is
/// shouted, not an acronym.
fn written_in_lower_case(doc: &crate::text::Document) -> HashSet<&str> {
    let (prose, lower) = (doc.prose(), doc.lower());
    // Only words as long as the acronyms asked about: four to seven letters ("G20" has digits).
    crate::text::words(prose)
        .filter(|r| (4..=7).contains(&r.len()))
        .filter(|r| prose[r.clone()].bytes().any(|b| b.is_ascii_lowercase()))
        .filter_map(|r| lower.get(r))
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    // Built only for a story with an acronym left to flag.
    let mut lower_words: Option<HashSet<&str>> = None;
    for e in &cx.facts.entities {
        if e.known || e.expansion.is_some() {
            continue;
        }
        let Some(m) = e.mentions.iter().find(|m| m.form == Form::Acronym) else {
            continue;
        };
        // "I.R.S." is the IRS in a house style that dots its acronyms.
        let dotless = m.text.replace('.', "");
        if lexicon::KNOWN_ACRONYMS.contains(&m.text)
            || lexicon::KNOWN_ACRONYMS.contains(&dotless)
            || lexicon::SHOUTED_WORDS.contains(&m.text)
            || e.mentions.iter().any(|m| m.form == Form::Full)
        {
            continue;
        }
        let shouted = dotless.len() >= 4
            && lower_words
                .get_or_insert_with(|| written_in_lower_case(cx.doc))
                .contains(dotless.to_ascii_lowercase().as_str());
        if shouted {
            continue;
        }
        out.push(out.finding(
            m.start..m.end,
            format!("\"{}\" is never spelled out", m.text),
        ));
    }
}
