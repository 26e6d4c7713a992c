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
          abbreviation (N.Y., D.C.), a company or network whose name is its initials (CVS, \
          HSBC, TBS), when the story gives it as another name (\"the Islamic State, also \
          known as ISIS or ISIL\"; \"the Campaign for an Independent and Neutral \
          Switzerland, or AUNS\", whatever language the letters come from), when the \
          bundled gazetteer knows it or when the newsroom names file lists it. Broadcast call signs (WBUR, KQED), brands joined by a slash \
          (\"a CNN/ORC poll\") and \"super PAC\" are names, not acronyms to spell out. Ordinary words in capitals (\"NO\", \
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

/// A US broadcast call sign ("WBUR", "KQED", "WFTV9", "WOR710"): a station's name, not an
/// acronym. K or W, then letters to four in all, then maybe a channel or frequency; three
/// letters only with digits after them, since "WHO" and "WTO" are acronyms.
fn call_sign(word: &str) -> bool {
    let b = word.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b
        .iter()
        .skip(letters)
        .take_while(|c| c.is_ascii_digit())
        .count();
    matches!(b.first(), Some(b'K' | b'W'))
        && letters + digits == b.len()
        && (letters == 4 || letters == 3 && digits > 0)
}

/// "super PAC": the everyday name of an independent-expenditure committee, which news copy
/// does not spell out; a bare "PAC" still wants "political action committee".
fn super_pac(doc: &crate::text::Document, m: &crate::analysis::entities::Mention) -> bool {
    m.text == "PAC"
        && doc
            .lower()
            .get(..m.start)
            .is_some_and(|b| b.trim_end().ends_with("super"))
}

/// Joined by a slash to another name ("a CNN/ORC poll", "NBC/WSJ/Marist"): a pollster's or a
/// partner's brand, named as the brand is.
fn slashed(prose: &str, at: &std::ops::Range<usize>) -> bool {
    prose.get(..at.start).is_some_and(|b| b.ends_with('/'))
        || prose.get(at.end..).is_some_and(|a| a.starts_with('/'))
}

/// Named as another name of something the sentence has just given ("the Islamic State, also
/// known as ISIS or ISIL"): only other names, commas, "and" and "or" stand between "known as"
/// or "also called" and the acronym.
fn given_as_alias(doc: &crate::text::Document, at: &std::ops::Range<usize>) -> bool {
    let lower = doc.lower();
    let from = crate::text::floor_char_boundary(lower, at.start.saturating_sub(80));
    let window = lower.get(from..at.start).unwrap_or("");
    let Some(after) = ["known as ", "also called "]
        .iter()
        .filter_map(|cue| window.rfind(cue).map(|i| i + cue.len()))
        .max()
    else {
        return false;
    };
    doc.prose()
        .get(from + after..at.start)
        .unwrap_or("")
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(|w| w == "or" || w == "and" || w.starts_with(|c: char| c.is_uppercase()))
}

/// "the Campaign for an Independent and Neutral Switzerland, or AUNS": the name just before
/// ", or" defines the acronym, whatever language its letters come from.
fn after_name_or(prose: &str, at: usize) -> bool {
    prose
        .get(..at)
        .and_then(|b| b.strip_suffix(", or "))
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1)
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
            || call_sign(&m.text)
            || super_pac(cx.doc, m)
            || slashed(cx.doc.prose(), &(m.start..m.end))
            || given_as_alias(cx.doc, &(m.start..m.end))
            || after_name_or(cx.doc.prose(), m.start)
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

#[cfg(test)]
mod tests {
    use super::call_sign;

    #[test]
    fn call_signs_are_four_letters_or_three_and_a_channel() {
        for sign in ["KQED", "WBUR", "WFTV9", "WOR710"] {
            assert!(call_sign(sign), "{sign}");
        }
        for acronym in ["WHO", "WTO", "KGB", "NASA", "WBURX", "W9"] {
            assert!(!call_sign(acronym), "{acronym}");
        }
    }
}
