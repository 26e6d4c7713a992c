//! Reading a number as written: numerals with separators, decimals, scales and number words.

/// The regex alternation of number words, longest first so "seventeen" never reads as "seven".
pub(super) const WORD_PATTERN: &str = r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens|hundreds|thousands|millions|a\s+handful|half|a\s+hundred|a\s+thousand";

/// The closed interval a vague quantity word stands for, as newsrooms use them.
pub(super) fn vague(word: &str) -> Option<(f64, f64)> {
    let w = normalise(word);
    Some(match w.as_str() {
        "dozens" => (24.0, 99.0),
        "hundreds" => (200.0, 999.0),
        "thousands" => (2_000.0, 9_999.0),
        "millions" => (2e6, 999e6),
        "tens of thousands" => (20_000.0, 99_999.0),
        "hundreds of thousands" => (200_000.0, 999_999.0),
        "a handful" => (2.0, 9.0),
        "a dozen" => (10.0, 14.0),
        _ => return None,
    })
}

fn normalise(word: &str) -> String {
    word.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value of a number word ("twenty-four" = 24, "dozens" = its typical 50 is not used:
/// vague words take the middle of their interval).
pub(super) fn word_value(word: &str) -> Option<f64> {
    if let Some((lo, hi)) = vague(word) {
        return Some(((lo + hi) / 2.0).round());
    }
    let w = normalise(word);
    match w.as_str() {
        "half" => return Some(50.0),
        "a hundred" => return Some(100.0),
        "a thousand" => return Some(1000.0),
        _ => {}
    }
    crate::text::numbers::cardinal(&w).map(f64::from)
}

/// A numeral's value: "2,000" = 2000, "1.5" = 1.5.
pub(super) fn numeral_value(s: &str) -> Option<f64> {
    if s.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    }
}

/// Multiplier of a scale word ("million", "bn", "m").
pub(super) fn scale(word: &str) -> f64 {
    match word.trim().to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "m" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_numerals_read() {
        assert_eq!(word_value("twenty-four"), Some(24.0));
        assert_eq!(word_value("Twenty four"), Some(24.0));
        assert_eq!(word_value("seventeen"), Some(17.0));
        assert_eq!(word_value("a dozen"), Some(12.0));
        assert_eq!(vague("dozens"), Some((24.0, 99.0)));
        assert_eq!(numeral_value("2,000"), Some(2000.0));
    }
}
