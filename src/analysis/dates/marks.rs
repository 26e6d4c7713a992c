//! The tense markers around a date ("will", "said", "is expected to"), found in one walk over
//! the words.
//!
//! Each list holds, in order, the matches `Regex::find_iter` gives for the pattern on its
//! field (leftmost-first, not overlapping each other); the tests hold those regexes and check
//! the walk against them. By hand because every date asks for them: three regex scans a date
//! were 4% of the whole analysis, the single walk is half that. Words are read from the
//! text's lowered copy (ASCII letters lowered, same offsets) and are what `(?-u:\b)` sees:
//! runs of ASCII letters, digits and `_`. (A Kelvin sign or long s, which the regexes' case
//! folding reads as k and s, is no letter here.)

use crate::text::Prefilter;
use foldhash::HashMap;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The markers of one stretch of text, as byte ranges into it.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Marks {
    /// `(?i)\b(?:will|won['’]t|shall|(?:is|are|am)\s+(?:going|scheduled|expected|due|set|slated|planning|to)|(?:plans?|intends?|expects?|set|due|scheduled|slated|expected|likely|poised|planning)\s+to|next|upcoming|(?:days|weeks|months)\s+away)\b|\w['’]ll\b`
    pub future: Vec<Range<usize>>,
    /// `(?i)\b(?:said|says|was|were|had|did|told|ago|last|met|went|came|took|gave|made|began|left|held|found|saw|won|lost|fell|rose|led|sent|spent|struck|ran|wrote|spoke|broke|chose|flew|fought|got|knew|paid|sold|stood|thought|brought|bought|caught|kept|felt|became|\w{3,}ed)\b`
    pub past: Vec<Range<usize>>,
    /// Words that leave the time of the clause open: the present ("the primary is June 14"),
    /// a modal ("could change their mind before April 26"), a past plan ("were due to file by
    /// March 15"), an expectation ("expect the sale to close by Dec. 15"):
    /// `(?i)\b(?:is|are|am|would|could|might|should|can|must|(?-i:may)|(?:was|were|had\s+been)\s+(?:due|scheduled|expected|set|slated|supposed|going|planning)\s+to|expects?\s+\w+(?:\s+\w+)?\s+to)\b`
    /// (the one Unicode `\w` of all three patterns).
    pub open: Vec<Range<usize>>,
}

/// A word can start a future marker.
const FUTURE: u8 = 1;
/// A word is a past marker.
const PAST: u8 = 2;
/// A word can start an open marker.
const OPEN: u8 = 4;

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "next",
    "upcoming",
    "won",
    "is",
    "are",
    "am",
    "plan",
    "plans",
    "intend",
    "intends",
    "expect",
    "expects",
    "set",
    "due",
    "scheduled",
    "slated",
    "expected",
    "likely",
    "poised",
    "planning",
    "days",
    "weeks",
    "months",
];
const PAST_WORDS: &[&str] = &[
    "said", "says", "was", "were", "had", "did", "told", "ago", "last", "met", "went", "came",
    "took", "gave", "made", "began", "left", "held", "found", "saw", "won", "lost", "fell", "rose",
    "led", "sent", "spent", "struck", "ran", "wrote", "spoke", "broke", "chose", "flew", "fought",
    "got", "knew", "paid", "sold", "stood", "thought", "brought", "bought", "caught", "kept",
    "felt", "became",
];
const OPEN_WORDS: &[&str] = &[
    "is", "are", "am", "would", "could", "might", "should", "can", "must", "may", "was", "were",
    "had", "expect", "expects",
];

/// What each listed word can be, and a prefilter that turns away the many words in no list.
static KINDS: LazyLock<(HashMap<&'static str, u8>, Prefilter)> = LazyLock::new(|| {
    let mut kinds: HashMap<&'static str, u8> = HashMap::default();
    for (list, kind) in [
        (FUTURE_WORDS, FUTURE),
        (PAST_WORDS, PAST),
        (OPEN_WORDS, OPEN),
    ] {
        for w in list {
            *kinds.entry(*w).or_default() |= kind;
        }
    }
    let filter = Prefilter::new(kinds.keys().copied());
    (kinds, filter)
});

fn kinds(word: &str) -> u8 {
    let (kinds, filter) = &*KINDS;
    let listed = if filter.may_contain(word) {
        kinds.get(word).copied().unwrap_or(0)
    } else {
        0
    };
    // `\w{3,}ed`
    let participle = word.len() >= 5 && word.ends_with("ed");
    listed | if participle { PAST } else { 0 }
}

/// Which bytes make words (ASCII letters, digits and `_`): a table, as the walk asks it of
/// every byte. (`text::alnum_end`'s table leaves out `_`, which `\b` counts as a word byte.)
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

fn is_word(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

/// The first word of `s` at or after byte `from`.
fn word_from(s: &[u8], from: usize) -> Option<Range<usize>> {
    let start = from + s.get(from..)?.iter().position(|&b| is_word(b))?;
    let len = s[start..].iter().position(|&b| !is_word(b));
    Some(start..len.map_or(s.len(), |n| start + n))
}

/// The word right after byte `end` past one whitespace character or more (`\s+`), when it is
/// one of `words`.
fn then(s: &str, end: usize, words: &[&str]) -> Option<Range<usize>> {
    let rest = s.get(end..)?;
    let gap = rest.len() - rest.trim_start().len();
    let next = word_from(s.as_bytes(), end + gap)?;
    (gap > 0 && next.start == end + gap && words.contains(&&s[next.clone()])).then_some(next)
}

/// The word right after an apostrophe (`'` or `’`) at byte `end`, when it is `word`.
fn after_apostrophe(s: &str, end: usize, word: &str) -> Option<Range<usize>> {
    let rest = s.get(end..)?;
    let len = ["'", "’"].iter().find(|a| rest.starts_with(*a))?.len();
    word_from(s.as_bytes(), end + len).filter(|w| w.start == end + len && &s[w.clone()] == word)
}

/// "expect(s) someone (else) to", with Unicode `\w`: read by a regex, as it is rare.
static EXPECTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)expects?\s+\w+(?:\s+\w+)?\s+to(?-u:\b)").expect("valid regex")
});

impl Marks {
    /// The markers of `text`; `lower` is `text` with ASCII letters lowered.
    pub(super) fn of(text: &str, lower: &str) -> Marks {
        let mut marks = Marks::default();
        // Where the next future and open marker may start: after the last of its kind.
        let (mut future_from, mut open_from) = (0, 0);
        let mut from = 0;
        while let Some(w) = word_from(lower.as_bytes(), from) {
            from = w.end;
            let kinds = kinds(&lower[w.clone()]);
            if kinds & PAST != 0 {
                marks.past.push(w.clone());
            }
            if w.start >= open_from
                && kinds & OPEN != 0
                && let Some(m) = open_at(text, lower, &w)
            {
                open_from = m.end;
                marks.open.push(m);
            }
            if w.start >= future_from
                && let Some(m) = future_at(lower, &w, kinds)
            {
                future_from = m.end;
                marks.future.push(m);
            }
        }
        marks
    }
}

/// The future marker that starts in word `w`, if any.
fn future_at(lower: &str, w: &Range<usize>, kinds: u8) -> Option<Range<usize>> {
    let phrase = if kinds & FUTURE == 0 {
        None
    } else {
        match &lower[w.clone()] {
            "will" | "shall" | "next" | "upcoming" => Some(w.clone()),
            "won" => after_apostrophe(lower, w.end, "t"),
            "is" | "are" | "am" => then(
                lower,
                w.end,
                &[
                    "going",
                    "scheduled",
                    "expected",
                    "due",
                    "set",
                    "slated",
                    "planning",
                    "to",
                ],
            ),
            "days" | "weeks" | "months" => then(lower, w.end, &["away"]),
            _ => then(lower, w.end, &["to"]),
        }
    };
    let phrase = phrase.map(|m| w.start..m.end);
    // "we'll": the contraction's match starts at the letter before the apostrophe (`'`, or
    // `’`, which starts with byte E2).
    phrase.or_else(|| {
        matches!(lower.as_bytes().get(w.end), Some(b'\'' | 0xE2))
            .then(|| after_apostrophe(lower, w.end, "ll"))
            .flatten()
            .map(|ll| w.end - 1..ll.end)
    })
}

/// The open marker that starts at word `w` (one of `OPEN_WORDS`), if any.
fn open_at(text: &str, lower: &str, w: &Range<usize>) -> Option<Range<usize>> {
    // "was due to", "had been scheduled to".
    let plan = |end: usize| {
        let planned = [
            "due",
            "scheduled",
            "expected",
            "set",
            "slated",
            "supposed",
            "going",
            "planning",
        ];
        then(lower, end, &planned).and_then(|how| then(lower, how.end, &["to"]))
    };
    let end = match &lower[w.clone()] {
        "may" => (&text[w.clone()] == "may").then_some(w.end),
        "was" | "were" => plan(w.end).map(|to| to.end),
        "had" => then(lower, w.end, &["been"])
            .and_then(|been| plan(been.end))
            .map(|to| to.end),
        "expect" | "expects" => EXPECTS.find(&text[w.start..]).map(|m| w.start + m.end()),
        _ => Some(w.end),
    };
    end.map(|end| w.start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The patterns `Marks` implements, as regexes: the specification.
    static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:will|won['’]t|shall|(?:is|are|am)\s+(?:going|scheduled|expected|due|set|slated|planning|to)|(?:plans?|intends?|expects?|set|due|scheduled|slated|expected|likely|poised|planning)\s+to|next|upcoming|(?:days|weeks|months)\s+away)(?-u:\b)|(?-u:\w)['’]ll(?-u:\b)").unwrap()
    });
    static PAST_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:said|says|was|were|had|did|told|ago|last|met|went|came|took|gave|made|began|left|held|found|saw|won|lost|fell|rose|led|sent|spent|struck|ran|wrote|spoke|broke|chose|flew|fought|got|knew|paid|sold|stood|thought|brought|bought|caught|kept|felt|became|(?-u:\w){3,}ed)(?-u:\b)").unwrap()
    });
    static OPEN_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:is|are|am|would|could|might|should|can|must|(?-i:may)|(?:was|were|had\s+been)\s+(?:due|scheduled|expected|set|slated|supposed|going|planning)\s+to|expects?\s+\w+(?:\s+\w+)?\s+to)(?-u:\b)").unwrap()
    });

    fn check(text: &str) {
        let by_regex = |re: &Regex| re.find_iter(text).map(|m| m.range()).collect();
        let expected = Marks {
            future: by_regex(&FUTURE_RE),
            past: by_regex(&PAST_RE),
            open: by_regex(&OPEN_RE),
        };
        assert_eq!(
            Marks::of(text, &text.to_ascii_lowercase()),
            expected,
            "{text:?}"
        );
    }

    #[test]
    fn news_clauses() {
        for s in [
            "The council will vote on",
            "Officials said the talks, which are expected to resume",
            "He won’t attend the summit, but we’ll see the",
            "The vote, which had been scheduled to take place",
            "She expects the board to approve it by",
            "Talks were due to end",
            "The plant is set to reopen",
            "A deal may be reached; May Day is",
            "Three days away from the deadline, officials extended the",
            "I'll be there.  It IS GOING to rain",
            "they plan to\u{a0}meet again",
            "Zoë’ll wait; the Ministry of Finance postponed",
        ] {
            check(s);
        }
    }

    const WORDS: &[&str] = &[
        "will",
        "Will",
        "won",
        "t",
        "shall",
        "is",
        "IS",
        "are",
        "am",
        "going",
        "scheduled",
        "expected",
        "due",
        "set",
        "slated",
        "planning",
        "to",
        "To",
        "plan",
        "plans",
        "intend",
        "expects",
        "expect",
        "likely",
        "poised",
        "next",
        "upcoming",
        "days",
        "weeks",
        "away",
        "ll",
        "LL",
        "we",
        "I",
        "said",
        "was",
        "were",
        "had",
        "been",
        "lasted",
        "sled",
        "named",
        "may",
        "May",
        "MAY",
        "supposed",
        "could",
        "Zoë",
        "é",
        "x",
        "_",
        "3",
        "toë",
        "ed",
    ];
    const GAPS: &[&str] = &[
        " ", "  ", "\t", "", "-", ".", "\u{a0}", "\n", ",", "'", "’", "_",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn one_walk_finds_what_the_regexes_find(
            parts in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 0..12)
        ) {
            let text: String = parts.iter().map(|&(w, g)| [WORDS[w], GAPS[g]].concat()).collect();
            check(&text);
        }
    }
}
