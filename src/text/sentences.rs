//! Sentence splitting tuned for news copy.
//!
//! A full stop ends a sentence only when what follows looks like a new sentence and what
//! precedes is not an abbreviation (Jan., Gov., U.S., a.m.), an initial (J. R.) or a decimal.
//! A closing quotation mark after the stop belongs to the sentence it closes.

use super::Words;
use std::ops::Range;

/// Abbreviations that do not end a sentence when followed by a capitalised word (lowercase
/// forms are matched case-insensitively on their first letter). A set: every full stop asks.
static ABBREVIATIONS: Words = Words::new(&[
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mr", "mrs", "ms", "dr", "prof", "gov",
    "sen", "rep", "reps", "sens", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm", "cpl",
    "pvt", "supt", "insp", "det", "rev", "hon", "pres", "atty", "gov", "st", "mt", "ft", "ave",
    "blvd", "rd", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "nos", "vs", "v", "fig",
    "vol", "ch", "art", "approx", "dept", "est", "univ", "ariz", "calif", "colo", "conn", "fla",
    "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
    "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va", "wash", "wis", "wyo",
]);

/// Dotted abbreviations that often end a sentence too ("... in the U.S. The ..."): they end one
/// only before a word that usually starts a sentence.
const DOTTED_ENDINGS: &[&str] = &["u.s", "u.k", "u.n", "a.m", "p.m", "etc", "d.c", "e.u"];

const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Officials",
    "Police",
    "After",
    "When",
    "Some",
    "Many",
    "If",
    "As",
    "Meanwhile",
    "However",
];

fn is_opening_punct(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—')
}

fn is_closing_punct(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Split the prose of one block into sentences. `base` is the block's start offset in the
/// document; returned ranges are document offsets, trimmed of surrounding whitespace.
pub(crate) fn split(block: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut from = 0;
    // Jump from one candidate byte to the next: the text between terminal marks is never
    // decoded. `…` (U+2026) starts with 0xE2, as curly quotes and dashes do, so that byte is
    // a candidate only in the rare block with an ellipsis.
    let ellipsis = block.contains('…');
    let next_mark = |bytes: &[u8]| {
        if ellipsis {
            bytes
                .iter()
                .position(|&b| matches!(b, b'.' | b'?' | b'!' | 0xE2))
        } else {
            memchr::memchr3(b'.', b'?', b'!', bytes)
        }
    };
    while let Some(skip) = next_mark(&block.as_bytes()[from..]) {
        let i = from + skip;
        let Some(c) = block[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        if !matches!(c, '.' | '?' | '!' | '…') {
            continue;
        }
        // Take a run of terminal punctuation and closing marks: `?!`, `..."`, `.”)`.
        let mut end = from;
        for d in block[end..].chars() {
            if matches!(d, '.' | '?' | '!' | '…') || is_closing_punct(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        from = end;
        // A sentence break needs whitespace after the run ...
        let rest = &block[end..];
        let ws = rest.len() - rest.trim_start().len();
        if ws == 0 && !rest.is_empty() {
            continue;
        }
        let next = rest.trim_start();
        if next.is_empty() {
            continue;
        }
        // ... and a next sentence that starts like one.
        let first = next
            .chars()
            .find(|ch| !is_opening_punct(*ch))
            .unwrap_or(' ');
        let starts_like_sentence = first.is_uppercase()
            || first.is_numeric()
            || is_opening_punct(next.chars().next().unwrap_or(' '))
            || !first.is_alphabetic() && !first.is_whitespace();
        if !starts_like_sentence {
            continue;
        }
        if c == '.' && !ends_sentence(&block[..i], next) {
            continue;
        }
        push_trimmed(block, base, start..end, out);
        start = end + ws;
    }
    push_trimmed(block, base, start..block.len(), out);
}

/// Whether a full stop after `before` ends the sentence, given the text `next` after it.
fn ends_sentence(before: &str, next: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opening_punct(c))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // Decimal or numbered item: "3." before "5" never reaches here (no space), but "No. 5" does.
    super::with_lowercase(word, |lower| ends_after(word, lower, next))
}

/// `ends_sentence` for the word before the stop, given also in lower case.
fn ends_after(word: &str, lower: &str, next: &str) -> bool {
    if DOTTED_ENDINGS.contains(&lower) {
        let next_word: String = next
            .chars()
            .skip_while(|c| is_opening_punct(*c))
            .take_while(|c| c.is_alphabetic())
            .collect();
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    // An initial: a single capital letter ("J. R. R. Tolkien", "George W. Bush").
    let mut chars = word.chars();
    if let (Some(ch), None) = (chars.next(), chars.next())
        && ch.is_uppercase()
    {
        return false;
    }
    // A dotted abbreviation other than the above ("N.Y.", "Ph.D."): never a break.
    if word.contains('.')
        && word
            .split('.')
            .all(|seg| seg.chars().all(char::is_alphabetic))
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 4
    {
        return false;
    }
    !ABBREVIATIONS.contains(lower)
}

fn push_trimmed(block: &str, base: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &block[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = r.start + lead;
        out.push(base + start..base + start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, 0, &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn news_abbreviations_do_not_split() {
        assert_eq!(
            sentences(
                "Gov. Jane Roe met Sen. Al Poe on Sept. 3 at 10 a.m. in St. Paul. It rained."
            ),
            [
                "Gov. Jane Roe met Sen. Al Poe on Sept. 3 at 10 a.m. in St. Paul.",
                "It rained."
            ]
        );
        assert_eq!(
            sentences("Mr. J. R. Smith paid $3.5 million. The U.S. Army said no."),
            [
                "Mr. J. R. Smith paid $3.5 million.",
                "The U.S. Army said no."
            ]
        );
    }

    #[test]
    fn dotted_endings_split_before_sentence_starters() {
        assert_eq!(
            sentences("Troops left the U.S. The move was sudden."),
            ["Troops left the U.S.", "The move was sudden."]
        );
    }

    #[test]
    fn quotes_close_after_the_stop() {
        assert_eq!(
            sentences("“We won.” He smiled. “Did we?” she asked. \"Yes.\""),
            [
                "“We won.”",
                "He smiled.",
                "“Did we?” she asked.",
                "\"Yes.\""
            ]
        );
    }

    #[test]
    fn dashes_and_ellipses() {
        assert_eq!(
            sentences("Protests — which began Jan. 2 — spread... Then calm. Wait… what?"),
            [
                "Protests — which began Jan. 2 — spread...",
                "Then calm.",
                "Wait… what?"
            ]
        );
    }
}
