//! What a figure counts: the head noun after it, folded so that "soldiers" and "troops",
//! "deaths" and "dead" are the same thing.

use crate::text::{Words, lowercase};
use std::borrow::Cow;

/// Words after a number that end the search for its noun: a figure followed by them counts
/// nothing we can name.
static STOP: Words = Words::new(&[
    "of", "to", "in", "on", "at", "and", "or", "the", "a", "an", "for", "from", "by", "with",
    "than", "as", "is", "was", "are", "were", "be", "has", "have", "had", "that", "which", "who",
    "per", "percent", "cent", "said", "says", "will", "would", "could", "can", "may", "but", "p",
    "a.m", "p.m", "am", "pm", "its", "his", "her", "their", "this", "these", "those", "it",
    "after", "before", "into", "over", "under", "since", "until", "when", "while", "if", "so",
    "not", "no", "out", "up", "down", "about", "each", "all", "among", "between", "during", "last",
    "next", "ago", "earlier", "later", "apiece",
]);

/// Words that say nothing about which thing a figure counts.
static FUNCTION_WORDS: Words = Words::new(&[
    "the",
    "and",
    "for",
    "from",
    "with",
    "that",
    "this",
    "have",
    "has",
    "had",
    "was",
    "were",
    "are",
    "been",
    "said",
    "says",
    "will",
    "would",
    "their",
    "his",
    "her",
    "its",
    "who",
    "which",
    "more",
    "than",
    "about",
    "also",
    "they",
    "them",
    "there",
    "not",
    "but",
    "after",
    "before",
    "over",
    "into",
    "some",
    "least",
    "nearly",
    "almost",
    "around",
    "other",
    "all",
    "our",
    "out",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "according",
    "told",
    "on",
    "while",
    "when",
    "where",
    "what",
    "just",
    "only",
    "had",
    "being",
    "then",
]);

pub(super) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(w) || STOP.contains(w)
}

/// Modifiers that make a figure a subset or an increment of what was counted before
/// ("2,000 more troops"), so it cannot contradict the earlier total.
pub(super) const DELTA: &[&str] = &[
    "more",
    "other",
    "additional",
    "another",
    "extra",
    "new",
    "further",
    "fewer",
    "less",
    "remaining",
    "such",
    "different",
    "separate",
    "of",
];

/// Units of time, repetition and scoring: "in two days" and "10 days" rarely describe the same
/// span, so such figures are not compared.
static UNCOMPARED: Words = Words::new(&[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "time",
    "point",
    "percentage",
    "hit",
    "run",
    "strikeout",
    "kph",
    "mph",
    "kms",
    "cent",
    "basis",
    "local",
    "six",
    "wage",
    "minimum",
    "gallon",
    "barrel",
    "tonne",
    "ton",
    "dollar",
    "euro",
    "share",
    "player",
    "round",
    "term",
    "step",
    "way",
    "thing",
    "lap",
    "inning",
    "hole",
    "shot",
    "goal",
    "game",
    "match",
    "set",
    "run",
    "wicket",
    "seat",
    "vote",
    "ballot",
    "state",
    "district",
    "county",
    "page",
    "chapter",
    "episode",
    "season",
    "minutes",
    "hours",
    "stage",
    "part",
    "percentile",
    "grade",
    "level",
    "star",
    "yard",
    "metre",
    "meter",
    "mile",
]);

/// Running tallies (delegates won, seats held) that differ by owner and by day: compared only
/// when a mention plainly refers back ("all 95 delegates").
pub(super) const TALLY: &[&str] = &["delegate", "superdelegate"];

/// Nouns too generic to compare without the event they take part in ("10 people" attended,
/// "30 people" were arrested).
pub(super) const GENERIC: &[&str] = &[
    "people", "person", "man", "woman", "child", "resident", "civilian", "other", "member",
];

/// Irregular plurals and synonyms of a lowercase word, folded to one key.
fn fold(w: &str) -> Cow<'_, str> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let folded = match w {
        "people" | "persons" | "person" | "individuals" | "individual" => "people",
        "men" => "man",
        "women" => "woman",
        "children" | "kids" => "child",
        "soldiers" | "soldier" | "troops" | "troop" | "servicemen" | "serviceman"
        | "servicemembers" | "peacekeepers" => "troops",
        "dead" | "deaths" | "death" | "killed" | "fatalities" | "fatality" | "bodies" => "dead",
        "injured" | "wounded" | "injuries" | "hurt" => "injured",
        "detained" | "arrested" | "arrests" | "detainees" | "detentions" => "detained",
        "protestors" | "protesters" | "demonstrators" => "protesters",
        "police" | "officers" | "policemen" => "police",
        _ => return singular(w),
    };
    Cow::Borrowed(folded)
}

/// A plain English singular: "countries" -> "country", "suspects" -> "suspect".
fn singular(w: &str) -> Cow<'_, str> {
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return Cow::Owned(format!("{stem}y"));
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if w.ends_with(suffix) {
            return Cow::Borrowed(&w[..w.len() - 2]);
        }
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') && !stem.ends_with('u') => {
            Cow::Borrowed(stem)
        }
        _ => Cow::Borrowed(w),
    }
}

/// Nouns that count many without a plural "-s" ("12,000 people", "500 sheep", "40 aircraft").
const PLURAL_WITHOUT_S: &[&str] = &[
    "people",
    "police",
    "men",
    "women",
    "children",
    "staff",
    "personnel",
    "crew",
    "cattle",
    "livestock",
    "sheep",
    "deer",
    "fish",
    "aircraft",
    "feet",
    "teeth",
    "geese",
    "mice",
    "dead",
    "injured",
    "wounded",
    "homeless",
    "elderly",
    "faithful",
    "clergy",
    "youth",
    "head",
    "pence",
];

/// Whether the lowercase word after a number is a plain singular noun ("the 747 jet"), one
/// that more than one of would be written plural: not a plural, a noun that counts without
/// one ("people"), a participle ("812 voted") or a function word ("301 against").
pub(super) fn singular_noun(w: &str) -> bool {
    !(w.ends_with('s')
        || w.ends_with("ed")
        || PLURAL_WITHOUT_S.contains(&w)
        || event_of(w).is_some()
        || is_function_word(w))
}

/// The event a generic noun takes part in, from a nearby participle ("were killed").
pub(super) fn event(word: &str) -> Option<&'static str> {
    crate::text::with_lowercase(word, event_of)
}

fn event_of(w: &str) -> Option<&'static str> {
    Some(match w.trim_matches(|c: char| !c.is_alphanumeric()) {
        "killed" | "dead" | "died" | "deaths" | "perished" | "killing" => "dead",
        "injured" | "wounded" | "hurt" | "injuring" | "wounding" => "injured",
        "detained" | "arrested" | "detaining" | "arresting" => "detained",
        "evacuated" | "evacuating" => "evacuated",
        "missing" => "missing",
        "displaced" => "displaced",
        "rescued" => "rescued",
        _ => return None,
    })
}

/// What the words after a number count. `words` are the lowercase-or-capitalised words that
/// follow it in the sentence, up to the first punctuation. Returns the folded noun and whether
/// a delta modifier ("more", "other") came first.
pub(super) fn head(words: &[&str]) -> (Option<String>, bool) {
    head_with(words, |noun, delta| (noun.map(str::to_owned), delta))
}

/// Whether the words after a number count `noun` (folded).
pub(super) fn head_is(words: &[&str], noun: &str) -> bool {
    head_with(words, |n, _| n == Some(noun))
}

/// Whether a lowercase word folds to `noun`: true of every lone word [`head_is`] holds for.
pub(super) fn folds_to(word: &str, noun: &str) -> bool {
    fold(word) == noun
}

/// [`head`], with the folded noun lent to `f` instead of copied: the callers that only compare
/// it (every context word of every figure) allocate nothing.
fn head_with<R>(words: &[&str], f: impl FnOnce(Option<&str>, bool) -> R) -> R {
    let mut delta = false;
    for (i, w) in words.iter().enumerate().take(4) {
        let lower = lowercase(w);
        if DELTA.contains(&&*lower) {
            delta = true;
            if lower == "of" {
                return f(None, delta);
            }
            continue;
        }
        if STOP.contains(&lower) {
            return f(None, delta);
        }
        // Capitalised words are modifiers ("Russian troops") unless nothing follows.
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let folded = fold(&lower);
        let known = folded != singular(&lower) || event_of(&lower).is_some();
        let plural = lower.ends_with('s') || known;
        let next_is_noun = words.get(i + 1).is_some_and(|n| {
            let n = lowercase(n);
            !STOP.contains(&n)
                && !DELTA.contains(&&*n)
                && (n.ends_with('s') || fold(&n) != singular(&n))
        });
        // "35 randomly selected precincts": an adverb before more words modifies them.
        let adverb = lower.ends_with("ly")
            && words
                .get(i + 1)
                .is_some_and(|n| !STOP.contains(lowercase(n).as_ref()));
        if capitalised
            || adverb
            || (!plural && next_is_noun)
            || (lower.ends_with("ing") && next_is_noun)
        {
            continue;
        }
        if UNCOMPARED.contains(folded.as_ref())
            || UNCOMPARED.contains(&lower)
            || lower.ends_with("ly")
            || lower.ends_with("ing")
        {
            return f(None, delta);
        }
        if !lower
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return f(None, delta);
        }
        return f(Some(&folded), delta);
    }
    f(None, delta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_fold_synonyms_and_skip_modifiers() {
        assert_eq!(head(&["troops", "was"]).0.as_deref(), Some("troops"));
        assert_eq!(head(&["Russian", "soldiers"]).0.as_deref(), Some("troops"));
        assert_eq!(
            head(&["peacekeeping", "troops"]).0.as_deref(),
            Some("troops")
        );
        assert_eq!(head(&["dead", "as"]).0.as_deref(), Some("dead"));
        assert_eq!(head(&["countries"]).0.as_deref(), Some("country"));
        assert_eq!(head(&["days"]).0, None);
        assert_eq!(head(&["of", "the", "troops"]).0, None);
        assert_eq!(
            head(&["randomly", "selected", "precincts"]).0.as_deref(),
            Some("precinct")
        );
        assert_eq!(head(&["solidly", "or", "leaning"]).0, None);
        assert_eq!(head(&["only"]).0, None);
        let (noun, delta) = head(&["more", "troops"]);
        assert_eq!((noun.as_deref(), delta), (Some("troops"), true));
    }

    /// `folds_to` may stand in front of `head_is` for a lone word: a word heads only what it
    /// folds to.
    #[test]
    fn a_lone_word_heads_only_what_it_folds_to() {
        for w in [
            "troops",
            "soldier",
            "people",
            "persons",
            "countries",
            "dead",
            "killed",
            "deaths",
            "injured",
            "arrests",
            "boxes",
            "buses",
            "men",
            "children",
            "precincts",
            "delegates",
            "ships",
            "sheep",
            "police",
            "protesters",
            "bodies",
            "votes",
            "status",
            "bus",
        ] {
            if let (Some(noun), _) = head(&[w]) {
                assert!(folds_to(w, &noun), "{w} heads {noun}");
            }
        }
    }
}
