//! Words for dates: month names (AP abbreviations included), weekdays, numbers written out.

use jiff::civil::Weekday;

/// Month alternation for regexes: capitalised names and abbreviations, dotted or not.
pub(super) const MONTH: &str = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)";

/// Weekday alternation for regexes (capitalised).
pub(super) const WEEKDAY: &str = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// A count as written in copy: digits, words ("twenty-four"), "a"/"an".
pub(super) const NUMBER: &str = r"(?:\d{1,3}|an?|a\s+couple\s+of|a\s+few|several|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

/// The decades in words, from the twenties: "the nineties" is the 1990s.
pub(super) const DECADES: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// The month (1-12) a name or abbreviation stands for.
pub(super) fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let key = w.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

pub(super) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

pub(super) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// AP style month: abbreviated with a day (Jan. Feb. Aug. Sept. Oct. Nov. Dec.), the five
/// short ones always spelled out.
pub(super) fn ap_month(m: i8) -> &'static str {
    match m {
        1 => "Jan.",
        2 => "Feb.",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "Aug.",
        9 => "Sept.",
        10 => "Oct.",
        11 => "Nov.",
        _ => "Dec.",
    }
}

/// Writes `n` in decimal, zero-padded to `width` digits: dates are written for every finding
/// and hover, and `format!` costs ten times as much.
pub(super) fn write_padded(
    out: &mut impl std::fmt::Write,
    n: u32,
    width: usize,
) -> std::fmt::Result {
    let mut digits = [b'0'; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    i = i.min(digits.len().saturating_sub(width));
    out.write_str(std::str::from_utf8(&digits[i..]).unwrap_or_default())
}

pub(super) fn full_month(m: i8) -> &'static str {
    match m {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}

/// A count written in digits or words; `None` for vague counts ("a few", "several").
pub(super) fn number(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    if let Ok(n) = t.parse::<i64>() {
        return Some(n);
    }
    match t.as_str() {
        "a" | "an" => return Some(1),
        _ if t.starts_with("a couple") => return Some(2),
        _ => {}
    }
    crate::text::numbers::cardinal(&t).map(i64::from)
}

/// A year written in words: "nineteen ninety-six", "two thousand".
pub(super) fn year_words(text: &str) -> Option<i16> {
    let t = text.to_ascii_lowercase();
    let t = t.trim();
    if t == "two thousand" {
        return Some(2000);
    }
    let (century, rest) = t.split_once(' ')?;
    let c = match century {
        "nineteen" => 1900,
        "eighteen" => 1800,
        _ => return None,
    };
    let n = number(rest)?;
    (10..100).contains(&n).then_some(c + n as i16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        assert_eq!(number("twenty four"), Some(24));
        assert_eq!(number("twenty-four"), Some(24));
        assert_eq!(number("two"), Some(2));
        assert_eq!(number("a"), Some(1));
        assert_eq!(number("10"), Some(10));
        assert_eq!(number("several"), None);
        assert_eq!(year_words("nineteen ninety-six"), Some(1996));
        assert_eq!(year_words("two thousand"), Some(2000));
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("January"), Some(1));
        assert_eq!(month("Ja"), None);
        assert_eq!(weekday("Tuesday"), Some(Weekday::Tuesday));
        assert_eq!(ap_month(9), "Sept.");
        assert_eq!(full_month(9), "September");
    }
}
