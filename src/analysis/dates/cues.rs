//! Which date patterns can match a sentence at all, from one pass over its words.
//!
//! Every pattern needs some word to match: a month name, a weekday, a unit like "week", a
//! digit. Most news sentences hold none of them for most patterns, so reading the words once
//! and running only the patterns whose cue is present spares most of the regex searches, and
//! finds exactly what running every pattern finds (the test below holds the two together).

use super::resolve::Pat;

/// A set of cues, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cues(u32);

/// A four-digit run from 1600 to 2099.
const YEAR_DIGITS: u32 = 1;
const MONTH_NAME: u32 = 1 << 1;
const WEEKDAY: u32 = 1 << 2;
const SEASON: u32 = 1 << 3;
const QUARTER: u32 = 1 << 4;
const DECADE_WORD: u32 = 1 << 5;
const CENTURY: u32 = 1 << 6;
const YEAR_WORD: u32 = 1 << 7;
const DEICTIC: u32 = 1 << 8;
const DAY: u32 = 1 << 9;
const WEEK: u32 = 1 << 10;
const MONTH: u32 = 1 << 11;
const YEAR: u32 = 1 << 12;
const DECADE: u32 = 1 << 13;
const HOUR: u32 = 1 << 14;
const VAGUE: u32 = 1 << 15;
const HOLIDAY: u32 = 1 << 16;
const THEN: u32 = 1 << 17;
/// Four digits and a hyphen ("2022-").
const ISO_DIGITS: u32 = 1 << 18;
/// Digits and a slash ("1/").
const SLASH_DIGITS: u32 = 1 << 19;
/// Digits ending in 0 before an "s" ("1990s", "'80s").
const DECADE_DIGITS: u32 = 1 << 20;
/// What makes a number of units an offset: "ago", "earlier", "from now".
const OFFSET: u32 = 1 << 21;
/// What makes a unit a sequel: "the day before", "the following week".
const SEQUEL: u32 = 1 << 22;
/// "new", of "New Year's".
const NEW: u32 = 1 << 23;
/// "in" right before a count, of "in two weeks".
const IN: u32 = 1 << 24;
/// A run of one or two digits: a day of the month.
const DAY_DIGITS: u32 = 1 << 25;
/// A run of four digits: a year of any century.
const FOUR_DIGITS: u32 = 1 << 26;
/// The word "in": a mark for the next word, no cue of its own.
const IN_WORD: u32 = 1 << 27;
/// A word that starts a count ("a", "several", "twenty"): a mark for `IN`.
const COUNT: u32 = 1 << 28;

const UNITS: u32 = DAY | WEEK | MONTH | YEAR | DECADE | HOUR;

/// Every cue word (lower-case ASCII) with the cue it gives.
const WORDS: &[(u32, &[&str])] = &[
    (
        MONTH_NAME,
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "aug",
            "sept",
            "sep",
            "oct",
            "nov",
            "dec",
        ],
    ),
    (
        WEEKDAY,
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    ),
    (SEASON, &["spring", "summer", "fall", "autumn", "winter"]),
    (
        QUARTER,
        &["quarter", "quarters", "half", "halfs", "period", "periods"],
    ),
    (DECADE_WORD, &super::lexicon::DECADES),
    (CENTURY, &["century"]),
    (YEAR_WORD, &["thousand"]),
    (YEAR_WORD | COUNT, &["nineteen"]),
    (
        COUNT,
        &[
            "a",
            "an",
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
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ],
    ),
    (
        DEICTIC,
        &[
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "night",
            "morning",
            "afternoon",
            "evening",
        ],
    ),
    (DAY, &["day", "days"]),
    (WEEK, &["week", "weeks", "weekend"]),
    (MONTH, &["month", "months"]),
    (YEAR, &["year", "years"]),
    (DECADE, &["decade", "decades"]),
    (HOUR, &["hour", "hours"]),
    (OFFSET, &["ago", "earlier", "hence"]),
    (OFFSET | SEQUEL, &["before", "after"]),
    (SEQUEL, &["next", "following", "previous", "prior"]),
    (VAGUE | OFFSET, &["later", "now"]),
    (
        VAGUE,
        &[
            "currently",
            "current",
            "nowadays",
            "recently",
            "lately",
            "recent",
            "past",
            "soon",
            "future",
            "date",
            "coming",
            "term",
            "these",
            "few",
        ],
    ),
    (VAGUE | COUNT, &["several"]),
    (NEW, &["new"]),
    (IN_WORD, &["in"]),
    (THEN, &["then"]),
    (
        HOLIDAY,
        &[
            "christmas",
            "independence",
            "fourth",
            "halloween",
            "valentine",
            "veterans",
            "boxing",
            "bastille",
        ],
    ),
];

/// The longest cue word: a longer word is no cue, and every shorter one fits a `u128` key.
const MAX_WORD: usize = 12;

/// Slots of the cue table: a power of two, over three times the words, so a miss mostly ends
/// at its first slot.
const SLOTS: usize = 512;

/// A word as one number, its bytes little-endian: two words of letters up to sixteen bytes
/// long are equal when their keys are.
const fn key_of(word: &[u8]) -> u128 {
    let mut key = 0;
    let mut i = 0;
    while i < word.len() {
        key |= (word[i] as u128) << (8 * i);
        i += 1;
    }
    key
}

/// The key of the `len` bytes at `start` (`len` from 1 to 16): one load and a mask when
/// sixteen bytes are there.
fn key_at(s: &[u8], start: usize, len: usize) -> u128 {
    match s.get(start..).and_then(<[u8]>::first_chunk::<16>) {
        Some(chunk) => u128::from_le_bytes(*chunk) & (u128::MAX >> (8 * (16 - len))),
        None => key_of(&s[start..start + len]),
    }
}

/// How many lower-case ASCII letters `s` starts with, eight bytes at a time: a word is a run
/// of them, so this is the scan's inner loop.
fn letters(s: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = s.get(n..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let low = x & !HIGH;
        // Each byte's high bit: at least b'a', not above b'z', ASCII (no carries: `low`
        // bytes are below 0x80).
        let letter = (low + 0x1f * ONES) & !(low + 0x05 * ONES) & !x & HIGH;
        if letter != HIGH {
            return n + (!letter & HIGH).trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + s[n..].iter().take_while(|b| b.is_ascii_lowercase()).count()
}

/// The first slot a key probes.
const fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The cue words, built at compile time.
struct Lexicon {
    /// By key, with linear probing (key 0: an empty slot).
    slots: [(u128, u32); SLOTS],
    /// By length and first letter, the last letters they come with, one bit each: most words
    /// are ruled out by these before any hashing.
    ends: [[u32; 26]; MAX_WORD + 1],
}

static LEXICON: Lexicon = {
    let mut lexicon = Lexicon {
        slots: [(0, 0); SLOTS],
        ends: [[0; 26]; MAX_WORD + 1],
    };
    let mut g = 0;
    while g < WORDS.len() {
        let (cue, words) = WORDS[g];
        let mut w = 0;
        while w < words.len() {
            let word = words[w].as_bytes();
            let len = word.len();
            assert!(len >= 1 && len <= MAX_WORD);
            lexicon.ends[len][(word[0] - b'a') as usize] |= 1 << (word[len - 1] - b'a');
            let key = key_of(word);
            let mut at = slot(key);
            while lexicon.slots[at].0 != 0 {
                assert!(lexicon.slots[at].0 != key, "a cue word listed twice");
                at = (at + 1) % SLOTS;
            }
            lexicon.slots[at] = (key, cue);
            w += 1;
        }
        g += 1;
    }
    lexicon
};

/// The cue of the `len` lower-case letters at `start`.
fn cue(s: &[u8], start: usize, len: usize) -> u32 {
    let (first, last) = (s[start] - b'a', s[start + len - 1] - b'a');
    if len > MAX_WORD || LEXICON.ends[len][usize::from(first)] >> last & 1 == 0 {
        return 0;
    }
    let key = key_at(s, start, len);
    let mut at = slot(key);
    loop {
        let (k, cue) = LEXICON.slots[at];
        if k == key {
            return cue;
        }
        if k == 0 {
            return 0;
        }
        at = (at + 1) % SLOTS;
    }
}

/// The cues of one run of digits, `s[start..end]`: news copy is full of numbers, most of them
/// no year, date or decade.
fn digit_cues(s: &[u8], start: usize, end: usize) -> u32 {
    let mut set = 0;
    let run = &s[start..end];
    let next = s.get(end).copied();
    if run.len() <= 2 {
        set |= DAY_DIGITS;
    }
    if run.len() == 4 {
        set |= FOUR_DIGITS;
    }
    if run.len() == 4 && (matches!(run, [b'1', b'6'..=b'9', ..]) || run.starts_with(b"20")) {
        set |= YEAR_DIGITS;
    }
    if run.len() == 4 && next == Some(b'-') {
        set |= ISO_DIGITS;
    }
    if next == Some(b'/') {
        set |= SLASH_DIGITS;
    }
    let s_at = |k: usize| s.get(k) == Some(&b's');
    if run.ends_with(b"0") && (s_at(end) || next == Some(b'\'') && s_at(end + 1)) {
        set |= DECADE_DIGITS;
    }
    set
}

impl Cues {
    /// The cues in a sentence, read from its lowered copy (ASCII letters lowered, as
    /// `Document::lower` has it), so no word is lowered on its own.
    pub(super) fn of(lower: &str) -> Cues {
        let s = lower.as_bytes();
        let mut set = 0;
        let mut i = 0;
        // Whether the last word was "in".
        let mut after_in = false;
        // One pass over the bytes: runs of ASCII letters are words, runs of digits numbers;
        // everything else (non-ASCII bytes too) separates them.
        while let Some(&b) = s.get(i) {
            let start = i;
            if b.is_ascii_lowercase() {
                i += letters(&s[i..]);
                let word = cue(s, start, i - start);
                if after_in && word & COUNT != 0 {
                    set |= IN;
                }
                after_in = word & IN_WORD != 0;
                set |= word;
            } else if b.is_ascii_digit() {
                while s.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                set |= digit_cues(s, start, i) | if after_in { IN } else { 0 };
                after_in = false;
            } else {
                i += 1;
            }
        }
        Cues(set)
    }

    /// Whether `pat` can match a sentence with these cues.
    pub(super) fn admit(self, pat: Pat) -> bool {
        let has = |cues: u32| self.0 & cues == cues;
        let any = |cues: u32| self.0 & cues != 0;
        match pat {
            Pat::MonthDay | Pat::DayMonth => has(MONTH_NAME | DAY_DIGITS),
            Pat::MonthYear => has(MONTH_NAME) && any(FOUR_DIGITS | YEAR_WORD),
            Pat::MonthRel => has(MONTH_NAME | YEAR),
            Pat::Month => has(MONTH_NAME),
            Pat::Iso => has(ISO_DIGITS),
            Pat::Numeric => has(SLASH_DIGITS),
            Pat::Year => has(YEAR_DIGITS),
            Pat::Decade => any(DECADE_DIGITS | DECADE_WORD),
            Pat::Century => has(CENTURY),
            Pat::Season => has(SEASON),
            Pat::Quarter => has(QUARTER),
            Pat::YearWords => has(YEAR_WORD),
            Pat::Deictic => has(DEICTIC),
            Pat::Weekday => has(WEEKDAY),
            Pat::Period => any(WEEK | MONTH | YEAR),
            Pat::Offset => any(UNITS) && has(OFFSET),
            Pat::InOffset => any(UNITS) && has(IN),
            Pat::Sequel => any(DAY | DEICTIC | WEEK | MONTH | YEAR) && has(SEQUEL),
            Pat::Anaphor => any(DAY | THEN),
            Pat::Vague => has(VAGUE),
            Pat::Holiday => has(HOLIDAY) || has(NEW | YEAR),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::resolve::PATTERNS;
    use super::*;
    use proptest::prelude::*;

    /// Phrases for every pattern, in the forms copy writes them.
    const PHRASES: &[&str] = &[
        "Monday, Jan. 12, 2022",
        "12th of March",
        "the 3 September 2021",
        "2022-01-12",
        "1/12/22",
        "mid-January",
        "early March of 2020",
        "June this year",
        "this past May",
        "the end of Sept.",
        "late summer of 2019",
        "this autumn",
        "the year-ago quarter",
        "the first half of 2021",
        "fiscal 2022 periods",
        "the mid-1990s",
        "the '80s",
        "the 1960's",
        "1600s",
        "the 2100s",
        "the nineties",
        "the 21st century",
        "the year nineteen eighty-four",
        "two thousand",
        "earlier today",
        "tonight",
        "last night (Tuesday)",
        "this morning",
        "next Friday evening",
        "the previous Sunday",
        "later this week",
        "the same fiscal year",
        "year-end",
        "the year's end",
        "about 12 days ago",
        "a couple of weeks earlier",
        "twenty-four hours later",
        "three decades ago",
        "a year-ago",
        "in two days' time",
        "in 48 hours",
        "the day before",
        "two weeks from now",
        "10 years hence",
        "the night after",
        "the last several months",
        "In 3 days",
        "the following morning",
        "the prior month",
        "right now",
        "currently",
        "these days",
        "in recent years",
        "the past few months",
        "past decades",
        "the near future",
        "a later date",
        "the coming weeks",
        "the long term",
        "soon",
        "Christmas Eve",
        "New Year's Day",
        "July Fourth",
        "the Fourth of July",
        "Valentine's Day",
        "Bastille Day",
        "later in the day",
        "It’s the eighth straight day of the siege",
        "the 3rd day of",
        "until then",
        "said",
        "officials",
        "Tokayev",
        "“",
        "—",
        ",",
    ];

    fn unadmitted(sentence: &str) -> Vec<Pat> {
        let cues = Cues::of(&sentence.to_ascii_lowercase());
        PATTERNS
            .iter()
            .filter(|(pat, re)| re.is_match(sentence) && !cues.admit(*pat))
            .map(|(pat, _)| *pat)
            .collect()
    }

    #[test]
    fn every_phrase_admits_the_pattern_it_matches() {
        for phrase in PHRASES {
            assert_eq!(unadmitted(phrase), [], "{phrase}");
        }
    }

    /// Every sentence of the date fixtures, cut at lines and at sentence stops.
    #[test]
    fn every_fixture_sentence_admits_its_matches() {
        let fixtures = [
            include_str!("../../../tests/fixtures/dates/relative.md"),
            include_str!("../../../tests/fixtures/dates/story_anchors.md"),
            include_str!("../../../tests/fixtures/dates/tense_left_alone.md"),
            include_str!("../../../tests/fixtures/dates/tense.md"),
            include_str!("../../../tests/fixtures/dates/style.md"),
            include_str!("../../../tests/fixtures/clean/dates-ap-copy.md"),
        ];
        for text in fixtures {
            for sentence in text.lines().chain(text.split(['.', ';'])) {
                assert_eq!(unadmitted(sentence), [], "{sentence}");
            }
        }
    }

    #[test]
    fn a_sentence_without_cues_runs_no_pattern() {
        let cues = Cues::of("“we will not stop,” she said of the plan, waving.");
        assert!(PATTERNS.iter().all(|(pat, _)| !cues.admit(*pat)));
    }

    #[test]
    fn figures_are_not_dates() {
        let cues =
            Cues::of("some 12,500 voters, 30% of 41,000, paid $2.5 million and 3,000 euros.");
        assert!(PATTERNS.iter().all(|(pat, _)| !cues.admit(*pat)));
    }

    proptest! {
        /// Phrases side by side make matches across them ("the Fourth of July" + "2022");
        /// a pattern that matches must always be admitted.
        #[test]
        fn no_match_is_ever_filtered_out(
            picks in proptest::collection::vec(0..PHRASES.len(), 1..6),
            glue in prop::sample::select(vec![" ", ", ", " of ", " in ", "-"]),
        ) {
            let sentence = picks.iter().map(|&i| PHRASES[i]).collect::<Vec<_>>().join(glue);
            prop_assert_eq!(unadmitted(&sentence), Vec::<Pat>::new(), "{}", sentence);
        }
    }
}
