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
    set: OnceLock<HashSet<&'static str>>,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().copied()
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

/// `s` lowercased, borrowed when it already is (most words of running prose): no allocation
/// for the words a pass only compares.
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Calls `f` with `s` lowercased, on the stack when `s` is short ASCII (most words and names
/// a pass looks up), allocating only otherwise.
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    match buf.get_mut(..s.len()).filter(|_| s.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(s.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).unwrap_or(""))
        }
        None => f(&s.to_lowercase()),
    }
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

/// The end of the run of word characters starting at `i` (`i` itself when there is none).
fn run_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        match bytes.get(i) {
            // ASCII, most of any draft, byte by byte; anything else as a char.
            Some(b) if b.is_ascii_alphanumeric() => i += 1,
            Some(b) if b.is_ascii() => return i,
            Some(_) => match char_at(s, i).filter(|&(c, _)| is_word_char(c)) {
                Some((_, next)) => i = next,
                None => return i,
            },
            None => return i,
        }
    }
}

/// After a word ending at `i`: more runs joined by one of `joiners`.
fn joined_end(s: &str, mut i: usize, joiners: &[char]) -> usize {
    while let Some((c, next)) = char_at(s, i)
        && joiners.contains(&c)
    {
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
            .position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())?;
        let (start, c) = match s.as_bytes().get(at + skip) {
            Some(&b) if b.is_ascii() => (at + skip, char::from(b)),
            _ => s
                .get(at + skip..)?
                .char_indices()
                .map(|(i, c)| (at + skip + i, c))
                .find(|&(_, c)| is_word_char(c))?,
        };
        let end = if is_capital(c) {
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

    proptest! {
        #[test]
        fn lowercase_is_to_lowercase(s in "[aZé王ÉİK\u{301}1 .-]{0,12}") {
            prop_assert_eq!(lowercase(&s), s.to_lowercase());
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
