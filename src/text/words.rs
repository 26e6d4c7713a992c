//! Words and tokens of prose, found by hand-written scans.
//!
//! A word is a run of letters, marks and digits with inner hyphens, apostrophes and
//! ampersands ("Kassym-Jomart", "O’Brien", "AT&T"), or a dotted acronym ("U.S.", "U.S.-led").
//! This is the regex `(?:\p{Lu}\.){2,}(?:-[\p{L}\p{M}\p{N}]+)*|[\p{L}\p{M}\p{N}]+(?:['’\-&][\p{L}\p{M}\p{N}]+)*`
//! (leftmost-first), scanned by hand: the regex crate has to run a reverse search for every
//! match of a pattern like this, which made tokenising the costliest part of the entities pass.

use foldhash::HashSet;
use regex::Regex;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// A word list, looked up through a hash set built on first use: the lists run to hundreds
/// of words and are asked about every word or token a pass reads.
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<(HashSet<&'static str>, Prefilter)>,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let (set, filter) = self.set.get_or_init(|| {
            let set: HashSet<_> = self.list.iter().copied().collect();
            let filter = Prefilter::new(set.iter().copied());
            (set, filter)
        });
        filter.may_contain(word) && set.contains(word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().copied()
    }
}

/// One bit per first byte, last byte and length of the words of a list: most words a pass
/// asks about are in no list, and a clear bit turns them away without hashing them.
pub struct Prefilter(Box<[u64]>);

impl Prefilter {
    const BITS: usize = 1 << 16;

    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Prefilter {
        let mut bits = vec![0u64; Prefilter::BITS / 64].into_boxed_slice();
        for w in words {
            let k = Prefilter::key(w);
            bits[k / 64] |= 1u64 << (k % 64);
        }
        Prefilter(bits)
    }

    /// False only for a word that is surely not in the list.
    pub fn may_contain(&self, w: &str) -> bool {
        let k = Prefilter::key(w);
        self.0
            .get(k / 64)
            .is_some_and(|b| b & (1u64 << (k % 64)) != 0)
    }

    fn key(w: &str) -> usize {
        let b = w.as_bytes();
        let first = usize::from(b.first().copied().unwrap_or(0));
        let last = usize::from(b.last().copied().unwrap_or(0));
        (((first << 8) | last) ^ (b.len() << 3)) % Prefilter::BITS
    }
}

/// A combining mark: the one class `char` has no method for. Only asked of non-ASCII
/// characters that are neither letters nor digits, so it is rarely run.
static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{M}$").expect("valid regex"));

/// `[\p{L}\p{M}\p{N}]`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
            || !is_general_punctuation(c) && MARK.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// U+2000 to U+206F: the curly quotes, dashes and spaces of news copy, none of them a mark,
/// so the mark regex is not asked about every quotation mark.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

fn is_capital(c: char) -> bool {
    c.is_uppercase() && c.is_alphabetic()
}

/// `s` without an ASCII `suffix` written in any case, with no lower-cased copy of `s`.
pub fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let k = s.len().checked_sub(suffix.len())?;
    let tail = s.as_bytes().get(k..)?;
    tail.eq_ignore_ascii_case(suffix.as_bytes())
        .then(|| s.get(..k))
        .flatten()
}

/// Whether `word` stands in `s` as a whole word (no letter or digit on either side), as
/// written: case matters. A memchr scan, for the few lookups a rule makes per finding.
pub fn contains_word(s: &str, word: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !word.is_empty()
        && memchr::memmem::find_iter(s.as_bytes(), word.as_bytes()).any(|at| {
            let before = s.get(..at).and_then(|b| b.chars().next_back());
            let after = s.get(at + word.len()..).and_then(|a| a.chars().next());
            !is_word(before) && !is_word(after)
        })
}

/// `s` lowercased, borrowed when it already is (most words of running prose): no allocation
/// for the words a pass only compares.
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Calls `f` with `s` lowercased, as `str::to_lowercase` has it, in a buffer kept per thread:
/// the words and names a pass looks up allocate nothing. A call made from inside `f` gets a
/// string of its own.
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            if s.is_ascii() {
                buf.push_str(s);
                buf.make_ascii_lowercase();
            } else if s.contains('Σ') {
                // A final sigma lowers by its place in the word: only `to_lowercase` knows.
                buf.push_str(&s.to_lowercase());
            } else {
                buf.extend(s.chars().flat_map(char::to_lowercase));
            }
            f(&buf)
        }
        Err(_) => f(&s.to_lowercase()),
    })
}

/// The first char of `s[i..]` and the index after it.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), i + 1)),
        _ => {
            let c = s.get(i..)?.chars().next()?;
            Some((c, i + c.len_utf8()))
        }
    }
}

/// Byte classes for the scans: an ASCII letter or digit, and any byte of a non-ASCII char.
const ALNUM: u8 = 1;
const NON_ASCII: u8 = 2;
static CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            ALNUM
        } else if !byte.is_ascii() {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The end of the run of ASCII letters and digits starting at `i`, a table lookup a byte.
#[inline]
pub fn alnum_end(bytes: &[u8], i: usize) -> usize {
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest
        .iter()
        .position(|&b| class(b) != ALNUM)
        .unwrap_or(rest.len())
}

/// The end of the run of word characters starting at `i` (`i` itself when there is none).
#[inline]
fn run_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        // ASCII letters and digits, most of any draft, in one scan; anything else as a char.
        i = alnum_end(bytes, i);
        match char_at(s, i) {
            Some((c, next)) if !c.is_ascii() && is_word_char(c) => i = next,
            _ => return i,
        }
    }
}

/// After a word ending at `i`: more runs joined by one of `joiners` (all of them among
/// `'`, `’`, `-` and `&`).
#[inline]
fn joined_end(s: &str, i: usize, joiners: &[char]) -> usize {
    // Most words end on a space or a comma: no joiner, nothing to decode.
    match s.as_bytes().get(i) {
        Some(b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'&') => i,
        None => i,
        Some(_) => joined_tail(s, i, joiners),
    }
}

fn joined_tail(s: &str, mut i: usize, joiners: &[char]) -> usize {
    while let Some((_, next)) = char_at(s, i).filter(|(c, _)| joiners.contains(c)) {
        let after = run_end(s, next);
        if after == next {
            break;
        }
        i = after;
    }
    i
}

/// A dotted acronym starting at `i`: two or more capital-dot pairs, then hyphenated runs.
fn acronym_end(s: &str, start: usize) -> Option<usize> {
    let mut i = start;
    let mut pairs = 0;
    while let Some((c, next)) = char_at(s, i)
        && is_capital(c)
        && s.as_bytes().get(next) == Some(&b'.')
    {
        i = next + 1;
        pairs += 1;
    }
    (pairs >= 2).then(|| joined_end(s, i, &['-']))
}

/// The words of `s`, as byte ranges into it, in order.
pub fn words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip ASCII that starts no word byte by byte; decode only the rest.
        let skip = s
            .as_bytes()
            .get(at..)?
            .iter()
            .position(|&b| class(b) != 0)?;
        let (start, c) = match s.as_bytes().get(at + skip) {
            Some(&b) if b.is_ascii() => (at + skip, char::from(b)),
            _ => s
                .get(at + skip..)?
                .char_indices()
                .map(|(i, c)| (at + skip + i, c))
                .find(|&(_, c)| is_word_char(c))?,
        };
        // An acronym needs a capital and a full stop right after it ("U.S.").
        let dotted = s.as_bytes().get(start + c.len_utf8()) == Some(&b'.');
        let end = if dotted && is_capital(c) {
            acronym_end(s, start)
        } else {
            None
        }
        .unwrap_or_else(|| joined_end(s, run_end(s, start), &['\'', '’', '-', '&']));
        at = end;
        Some(start..end)
    })
}

/// `[\p{L}\p{N}]`: a letter or digit that is not a combining mark.
fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() && !MARK.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// The tokens of `s`: words (a letter or digit, then letters, marks, digits, inner dots,
/// hyphens and apostrophes, ending on a letter, mark or digit: "U.S", "O’Brien", "3.5") and
/// every other non-space character alone. The regex
/// `[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}’'.\-]*[\p{L}\p{M}\p{N}])?|\S`, scanned by hand.
pub fn tokens(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (start, c) = s
            .get(at..)?
            .char_indices()
            .map(|(i, c)| (at + i, c))
            .find(|&(_, c)| !c.is_whitespace())?;
        let mut end = start + c.len_utf8();
        if is_letter_or_digit(c) {
            let mut i = end;
            while let Some((c, next)) = char_at(s, i) {
                if is_word_char(c) {
                    end = next;
                } else if !matches!(c, '’' | '\'' | '.' | '-') {
                    break;
                }
                i = next;
            }
        }
        at = end;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn whole_words_only() {
        assert!(contains_word("a big deal", "big"));
        assert!(contains_word("big", "big"));
        assert!(contains_word("Zoë’s “big” day", "big"));
        assert!(!contains_word("bigger and ambiguous", "big"));
        assert!(!contains_word("Big Coal", "big"));
        assert!(!contains_word("zoëbig", "big"));
        assert!(!contains_word("anything", ""));
    }

    /// The pattern the scan stands for, as the oracle.
    static ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:\p{Lu}\.){2,}(?:-[\p{L}\p{M}\p{N}]+)*|[\p{L}\p{M}\p{N}]+(?:['’\-&][\p{L}\p{M}\p{N}]+)*",
        )
        .expect("valid regex")
    });

    fn oracle(s: &str) -> Vec<Range<usize>> {
        ORACLE.find_iter(s).map(|m| m.range()).collect()
    }

    static TOKEN_ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}’'.\-]*[\p{L}\p{M}\p{N}])?|\S")
            .expect("valid regex")
    });

    fn token_oracle(s: &str) -> Vec<Range<usize>> {
        TOKEN_ORACLE.find_iter(s).map(|m| m.range()).collect()
    }

    #[test]
    fn news_tokens() {
        let s = "“It’s over,” said U.S. envoy O’Brien -- 3.5 km... \u{301}x";
        let got: Vec<&str> = tokens(s).map(|r| &s[r]).collect();
        assert_eq!(
            got.join("|"),
            "“|It’s|over|,|”|said|U.S|.|envoy|O’Brien|-|-|3.5|km|.|.|.|\u{301}|x"
        );
        assert_eq!(tokens(s).collect::<Vec<_>>(), token_oracle(s));
    }

    #[test]
    fn news_words() {
        let s = "U.S.-led talks: Kassym-Jomart Tokayev’s AT&T deal, O'Brien and 王毅 (Zoë) in 2022 -- A.B. x.";
        let got: Vec<&str> = words(s).map(|r| &s[r]).collect();
        assert_eq!(
            got.join("|"),
            "U.S.-led|talks|Kassym-Jomart|Tokayev’s|AT&T|deal|O'Brien|and|王毅|Zoë|in|2022|A.B.|x"
        );
        assert_eq!(words(s).collect::<Vec<_>>(), oracle(s));
    }

    #[test]
    fn combining_marks_stay_inside_words() {
        let s = "Zoe\u{301} and \u{301}x";
        assert_eq!(words(s).collect::<Vec<_>>(), oracle(s));
    }

    #[test]
    fn lowercase_borrows_only_what_is_already_lower() {
        assert!(matches!(
            lowercase("troops"),
            std::borrow::Cow::Borrowed("troops")
        ));
        assert_eq!(lowercase("Troops"), "troops");
        assert_eq!(lowercase("ZOË"), "zoë");
        assert!(matches!(lowercase("zoë"), std::borrow::Cow::Owned(_)));
    }

    #[test]
    fn prefilter_turns_away_unlisted_words() {
        let filter = Prefilter::new(["said", "told", "according"]);
        assert!(filter.may_contain("said") && filter.may_contain("according"));
        assert!(!filter.may_contain("troops") && !filter.may_contain("Said"));
        assert!(!filter.may_contain(""));
    }

    proptest! {
        #[test]
        fn lowercase_is_to_lowercase(s in "[aZé王ÉİK\u{301}1 .-]{0,12}") {
            prop_assert_eq!(lowercase(&s), s.to_lowercase());
        }

        #[test]
        fn prefilter_keeps_every_listed_word(list in proptest::collection::vec("[a-zé’ -]{0,9}", 0..40)) {
            let filter = Prefilter::new(list.iter().map(String::as_str));
            for w in &list {
                prop_assert!(filter.may_contain(w));
            }
        }

        #[test]
        fn with_lowercase_is_to_lowercase(s in "[aZé王ÉİKΣσΑ\u{301}1 .-]{0,12}") {
            prop_assert_eq!(with_lowercase(&s, str::to_owned), s.to_lowercase());
            // Nested, as a lookup inside a lookup does.
            let nested = with_lowercase(&s, |outer| with_lowercase(&s, |inner| format!("{outer}|{inner}")));
            prop_assert_eq!(nested, format!("{0}|{0}", s.to_lowercase()));
        }

        #[test]
        fn same_words_as_the_pattern(s in "[aZé王\u{301}1 .,'’&\\-A-Cx]{0,40}") {
            prop_assert_eq!(words(&s).collect::<Vec<_>>(), oracle(&s));
        }

        #[test]
        fn same_tokens_as_the_pattern(s in "[aZé王\u{301}1 .,'’&\\-A-Cx“\n]{0,40}") {
            prop_assert_eq!(tokens(&s).collect::<Vec<_>>(), token_oracle(&s));
        }
    }
}
