use super::*;
use crate::text::Format;

fn figs(text: &str) -> Vec<Figure> {
    find(&Document::new(text, Format::Markdown), &[])
}

fn one(text: &str, needle: &str) -> Figure {
    figs(text)
        .into_iter()
        .find(|f| f.text.contains(needle))
        .unwrap_or_else(|| panic!("no figure `{needle}` in {text:?}"))
}

#[test]
fn approximators_become_intervals() {
    let f = one("The mission of more than 2,000 troops arrived.", "2,000");
    assert_eq!(f.text, "more than 2,000");
    assert_eq!((f.value, f.high, f.exact), (2000.0, f64::INFINITY, false));
    assert_eq!(f.counted.as_deref(), Some("troops"));
    let f = one("Nearly 10,000 people have been detained.", "10,000");
    assert!(f.low >= 9000.0 && f.high < 10000.0);
    assert_eq!(f.counted.as_deref(), Some("detained"));
    let f = one("The unrest left dozens dead.", "dozens");
    assert_eq!((f.low, f.high), (24.0, 99.0));
    assert_eq!(f.counted.as_deref(), Some("dead"));
    let f = one("Officials said 164 people were killed.", "164");
    assert_eq!(f.counted.as_deref(), Some("dead"));
    assert!(f.exact);
}

#[test]
fn thresholds_and_narrowed_back_references() {
    let f = one("It takes 1,237 delegates to win.", "1,237");
    assert_eq!(f.counted.as_deref(), Some("delegate needed"));
    assert_eq!(
        one("Cruz has 11 delegates now.", "11").counted.as_deref(),
        Some("delegate")
    );
    let f = one("He read the 13 articles in the series.", "13");
    assert!(f.determined && !f.definite);
    let f = one("He read the 13 articles again.", "13");
    assert!(f.determined && f.definite);
    // A capital at the start of the sentence is not a name; one inside it is.
    let f = one("Auditors questioned 12 contracts with Acme.", "12");
    assert!(f.context.contains(&"auditors".to_owned()));
    assert!(f.context.contains(&"^acme".to_owned()));
}

#[test]
fn kinds_of_figures() {
    let k = |t: &str, n: &str| one(t, n).kind;
    assert_eq!(k("It cost $3 billion in all.", "3"), Kind::Money);
    assert_eq!(one("It cost $3 billion in all.", "3").value, 3e9);
    assert_eq!(k("Support fell to 40 percent there.", "40"), Kind::Percent);
    assert_eq!(k("Support fell to 40% there.", "40"), Kind::Percent);
    assert_eq!(k("Ana Ferreira, 52, said so.", "52"), Kind::Age);
    assert_eq!(
        one("Ana Ferreira, 52, said so.", "52").owner.as_deref(),
        Some("Ferreira")
    );
    assert_eq!(k("Smith, a 45-year-old teacher, said.", "45"), Kind::Age);
    assert_eq!(k("The road runs 5 miles (8 km) north.", "5"), Kind::Measure);
    assert_eq!(k("It opened in 1998 with fanfare.", "1998"), Kind::Year);
    assert_eq!(k("She finished 3rd overall.", "3"), Kind::Ordinal);
    assert_eq!(k("Twenty-four people were hurt.", "Twenty"), Kind::Count);
    assert_eq!(one("Twenty-four people were hurt.", "Twenty").value, 24.0);
    let r = one("Between 10 and 12 boats sank.", "10");
    assert_eq!((r.low, r.high, r.exact), (10.0, 12.0, false));
    let r = one("About 10-12 boats sank.", "10");
    assert_eq!(r.high, 12.0);
    let m = one("It will take 1.5 million doses.", "1.5");
    assert!(m.low < 1.5e6 && m.high > 1.5e6 && !m.exact);
}

#[test]
fn non_figures_are_skipped() {
    assert!(figs("On Jan. 12 at 10:30 a.m. COVID-19 hit the G7 and 9/11 memorial.").is_empty());
    assert!(figs("We met on March 3.").is_empty());
    assert!(figs("11: 06 a.m. A poll [538] says so.").is_empty());
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "1",
        "-",
        "$",
        "1-",
        "Zoë, 4",
        "王毅, 67,",
        "“2,000”",
        "1,000,",
        "between 1 and",
    ] {
        let _ = figs(t);
    }
}

#[test]
fn describe_lists_other_mentions() {
    let text = "More than 2,000 troops came.\n\nLater 1,500 troops left.\n";
    let doc = Document::new(text, Format::Markdown);
    let f = find(&doc, &[]);
    let d = describe(0, &f, &doc);
    assert!(d.contains("troops"), "{d}");
    assert!(d.contains("line 3: 1,500"), "{d}");
    assert!(d.contains("conflicts"), "{d}");
}

proptest::proptest! {
    /// Any text, numbers and names mixed with odd characters: the pass and every figures rule
    /// run without panicking and keep offsets on character boundaries.
    #[test]
    fn any_text_is_safe(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("2,000".to_owned()),
                proptest::strategy::Just(" more than ".to_owned()),
                proptest::strategy::Just("Zoë, 45,".to_owned()),
                proptest::strategy::Just(" troops".to_owned()),
                proptest::strategy::Just("(8 km)".to_owned()),
                proptest::strategy::Just(" between 10 and ".to_owned()),
                proptest::strategy::Just("王毅".to_owned()),
                proptest::strategy::Just("%".to_owned()),
                proptest::strategy::Just(". ".to_owned()),
                "\\PC{0,6}",
            ],
            0..24,
        )
    ) {
        let text: String = parts.concat();
        let doc = Document::new(text.clone(), Format::Markdown);
        let analysis = crate::analyze(&doc, &crate::Config::default());
        for f in &analysis.facts.figures {
            proptest::prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        for i in 0..analysis.facts.figures.len() {
            let _ = describe(i, &analysis.facts.figures, &doc);
        }
    }
}

#[test]
fn year_range_counts_stakes_and_echoes() {
    let f = one("In all, 2080 delegates are up for grabs tonight.", "2080");
    assert_eq!(f.kind, Kind::Count);
    assert_eq!(f.counted.as_deref(), Some("delegate at stake"));
    assert_eq!(
        one("In 2016 voters chose a mayor.", "2016").kind,
        Kind::Year
    );
    assert_eq!(
        one("The 2016 elections were close.", "2016").kind,
        Kind::Year
    );
    let a = one(
        "Pollsters say that with 107 delegates at stake, she will win at least 56.",
        "107",
    );
    let b = one(
        "Pollsters say that with 328 delegates at stake, she will win at least 56.",
        "328",
    );
    assert!(a.echo.is_some() && a.echo == b.echo);
    let c = one(
        "Pollsters say that with 328 delegates at stake, he will win at least 56.",
        "328",
    );
    assert_ne!(a.echo, c.echo);
    // A name past a comma after the figure is context, not its owner.
    let f = one("Obama won it in the past two elections, Trump said.", "two");
    assert!(f.context.contains(&"trump".to_owned()));
    assert!(f.context.contains(&"obama".to_owned()));
    assert!(!f.context.contains(&"^trump".to_owned()));
}

#[test]
fn between_merges_after_a_curly_quote() {
    // Nine bytes before "10" start inside the quotation mark: the look-back must not fail.
    let f = figs("She said there were “between 10 and 12 people” at the site.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].text.as_str(), f[0].low, f[0].high),
        ("between 10 and 12", 10.0, 12.0)
    );
}

proptest::proptest! {
    /// The hand-written word scan after a figure finds what its regex found.
    #[test]
    fn next_word_is_the_regex(s in "[ \t\n—–‐\\-a-zA-ZéÉ王'’.,0-9%]{0,24}") {
        let oracle = Regex::new(r"^[\s\p{Pd}]*(\p{L}[\p{L}'’.-]*)").unwrap();
        let want = oracle.captures(&s).and_then(|c| c.get(1)).map(|m| m.range());
        proptest::prop_assert_eq!(next_word(&s), want);
    }
}

/// The hand split of a numeral agrees with the regex's own captures wherever it answers.
fn split_agrees(text: &str) {
    for m in TOKEN.find_iter(text) {
        if let Some(fast) = Parts::numeral(text, m.range()) {
            assert_eq!(
                Some(fast),
                Parts::captured(text, m.start()),
                "{text:?} at {m:?}"
            );
        }
    }
}

#[test]
fn numeral_split_matches_the_regex() {
    for text in [
        "US$1.5bn and $2,000,000.50 and €3m, £4k, ¥5 and us$6",
        "1,2345 and 12,345,67 and 1234,567 and 1.2.3 and 5.",
        "10 percent, 11 per cent, 12  per   cent, 13%, 14 %, 15m%, 16 million percent",
        "5 millionaires, 6 mk, 7 thousandths, 8bn., 9 Billion, 10 per centime",
        "٣5 and 5٣ and 5\u{a0}million and 6\u{a0}%",
    ] {
        split_agrees(text);
    }
}

proptest::proptest! {
    #[test]
    fn numeral_split_matches_the_regex_on_any_mix(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "1", "23", "456", "7890", ",", ".", " ", "%", "m", "k", "bn", "$", "€", "US$",
            " million", " thousand", " percent", " per cent", "per", "cent", "x", "-", "\u{a0}",
            "٣", "two", "dozen",
        ]), 0..12)
    ) {
        split_agrees(&parts.concat());
    }
}
