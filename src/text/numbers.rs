//! Cardinal numbers written as words, shared by the passes that read them (dates: "two days
//! ago"; figures: "twenty-four troops") and the style rules that spell them out.

/// One to nineteen, by value.
const UNITS: [&str; 20] = [
    "zero",
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
    "nineteen",
];

/// Twenty to ninety, from index 2.
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a cardinal from zero to ninety-nine in words, lower case, its parts joined by
/// a hyphen or spaces: "seven", "twenty-four", "twenty four".
pub fn cardinal(words: &str) -> Option<u32> {
    let mut parts = words.split(['-', ' ']).filter(|w| !w.is_empty());
    let first = parts.next()?;
    let second = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if let Some(u) = UNITS.iter().position(|x| *x == first) {
        return second.is_none().then_some(u as u32);
    }
    let t = TENS.iter().position(|x| !x.is_empty() && *x == first)?;
    let u = match second {
        Some(s) => UNITS
            .iter()
            .position(|x| *x == s)
            .filter(|&u| (1..10).contains(&u))?,
        None => 0,
    };
    Some((t * 10 + u) as u32)
}

/// Spell out 0..=99 the AP way ("twenty-four").
pub fn spell(n: u32) -> Option<String> {
    match n {
        0..=19 => UNITS.get(n as usize).map(|s| (*s).to_owned()),
        20..=99 => {
            let t = TENS.get((n / 10) as usize)?;
            Some(if n.is_multiple_of(10) {
                (*t).to_owned()
            } else {
                format!("{t}-{}", UNITS.get((n % 10) as usize)?)
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_back() {
        for n in 0..100 {
            assert_eq!(spell(n).as_deref().and_then(cardinal), Some(n));
        }
        assert_eq!(cardinal("twenty four"), Some(24));
        assert_eq!(cardinal("twenty-zero"), None);
        assert_eq!(cardinal("seven three"), None);
        assert_eq!(cardinal("one two three"), None);
        assert_eq!(spell(100), None);
    }
}
