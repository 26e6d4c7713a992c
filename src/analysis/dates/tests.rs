use super::*;
use crate::text::Format;

fn analyse(text: &str, date: &str) -> Vec<DateExpr> {
    let doc = Document::new(text, Format::Markdown);
    let mut config = Config::default();
    config.date_override = date.parse().ok();
    find(&doc, &reference_date(&doc, &config))
}

fn values(text: &str, date: &str) -> Vec<(String, String)> {
    analyse(text, date)
        .into_iter()
        .map(|e| (e.text, e.value))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn deictic_and_offsets_resolve_on_the_dateline() {
    // 2022-01-12 was a Wednesday.
    assert_eq!(
        values(
            "Tokayev said yesterday that troops would leave in two days. They came last week.",
            "2022-01-12"
        ),
        pairs(&[
            ("yesterday", "2022-01-11"),
            ("in two days", "2022-01-14"),
            ("last week", "2022-W01"),
        ])
    );
    assert_eq!(
        values(
            "It closed twenty four hours ago, not 10 days ago.",
            "2022-01-12"
        ),
        pairs(&[
            ("twenty four hours ago", "2022-01-11"),
            ("10 days ago", "2022-01-02")
        ])
    );
}

#[test]
fn weekdays_follow_the_tense() {
    assert_eq!(
        values(
            "Police said on Monday they will meet on Monday.",
            "2022-01-12"
        ),
        pairs(&[("Monday", "2022-01-10"), ("Monday", "2022-01-17")])
    );
    assert_eq!(
        values(
            "The vote was Wednesday. Talks resumed last Wednesday.",
            "2022-01-12"
        ),
        pairs(&[
            ("Wednesday", "2022-01-12"),
            ("last Wednesday", "2022-01-05")
        ])
    );
}

#[test]
fn absolute_forms_and_granularities() {
    assert_eq!(
        values(
            "On Jan. 12, 2022, and 12 January 2022 and 2022-01-12 and in January 2022, in the 1990s, the first quarter and this spring.",
            "2022-03-01"
        ),
        pairs(&[
            ("Jan. 12, 2022", "2022-01-12"),
            ("12 January 2022", "2022-01-12"),
            ("2022-01-12", "2022-01-12"),
            ("January 2022", "2022-01"),
            ("the 1990s", "199"),
            ("the first quarter", "2022-Q1"),
            ("this spring", "2022-SP"),
        ])
    );
}

#[test]
fn yearless_dates_take_the_nearest_year() {
    assert_eq!(
        values("The talks ended Dec. 30 and resume Jan. 5.", "2022-01-12"),
        pairs(&[("Dec. 30", "2021-12-30"), ("Jan. 5", "2022-01-05")])
    );
}

#[test]
fn the_next_day_leans_on_the_sentence_date() {
    let e = analyse(
        "Fighting began Jan. 3 and spread the next day.",
        "2022-01-12",
    );
    assert_eq!(e[1].value, "2022-01-04");
    assert!(!e[1].anchored);
}

#[test]
fn impossible_and_numeric_dates() {
    let e = analyse("It was signed Feb. 30, 2022, or 1/12/2022.", "2022-03-01");
    assert_eq!(e[0].kind, DateKind::Impossible);
    assert_eq!(e[1].form, Form::Numeric);
    assert_eq!(e[1].value, "2022-01-12");
}

#[test]
fn dateline_is_the_reference_date() {
    let doc = Document::new(
        "ALMATY, Kazakhstan, Jan. 12, 2022 (AP) — Troops left yesterday.\n",
        Format::Markdown,
    );
    let r = reference_date(&doc, &Config::default());
    assert_eq!(r.source, DateSource::Dateline);
    assert_eq!(r.value, Some(jiff::civil::date(2022, 1, 12)));
    let e = find(&doc, &r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].value, "2022-01-11");
}

#[test]
fn yearless_dateline_and_date_line() {
    let doc = Document::new(
        "ALMATY, Kazakhstan, Jan. 12 (AP) — Troops left.\n",
        Format::Plain,
    );
    let mut config = Config::default();
    config.date_policy = crate::config::DatePolicy::Fixed(jiff::civil::date(2021, 12, 30));
    let r = reference_date(&doc, &config);
    assert_eq!(
        (r.source, r.value),
        (DateSource::Dateline, Some(jiff::civil::date(2022, 1, 12)))
    );
    // Without a year or a policy date to place it, a dateline gives no date.
    let r = reference_date(&doc, &Config::default());
    assert_eq!(r.source, DateSource::None);
    let doc = Document::new("Jan. 12, 2022\n\nPolice said so.\n", Format::Markdown);
    let r = reference_date(&doc, &Config::default());
    assert_eq!(r.value, Some(jiff::civil::date(2022, 1, 12)));
    assert!(find(&doc, &r).is_empty());
}

#[test]
fn no_reference_leaves_relative_dates_unresolved() {
    let e = analyse("Police said yesterday the bridge closed.", "");
    assert_eq!(e[0].value, "XXXX-XX-XX");
    assert!(e[0].anchored && e[0].date.is_none());
}

#[test]
fn hover_and_inlay() {
    let doc = Document::new("Police said yesterday.", Format::Markdown);
    let mut config = Config::default();
    config.date_override = Some(jiff::civil::date(2022, 1, 12));
    let r = reference_date(&doc, &config);
    let e = find(&doc, &r);
    assert_eq!(inlay_label(&e[0]).as_deref(), Some("Tue Jan 11"));
    let md = describe(&e[0], &r);
    assert!(md.contains("Tuesday, Jan. 11, 2022"), "{md}");
    assert!(md.contains("1 day before the dateline"), "{md}");
    assert_eq!(
        ap_relative(
            jiff::civil::date(2022, 1, 3),
            jiff::civil::date(2022, 1, 12)
        ),
        "Jan. 3"
    );
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "Zoë said “yesterday” — 王毅 on Feb. 29",
        "13/13/2022 2022-13-45 Sept.",
        "in ",
        "\u{feff}Jan. 1",
    ] {
        let _ = analyse(t, "2022-01-12");
        let _ = analyse(t, "");
    }
}

proptest::proptest! {
    /// Any text, and text dense with date words, analyses without a panic and with spans on
    /// character boundaries.
    #[test]
    fn spans_stay_on_char_boundaries(
        s in "(Jan\\. |Sept\\. |May |Monday|yesterday|the next day|two days ago|in |[0-9/ ,.'-]|Zoë|王毅|“|”|—|\\PC){0,80}"
    ) {
        for date in ["2022-01-12", ""] {
            let doc = Document::new(s.as_str(), Format::Plain);
            let mut config = Config::default();
            config.date_override = date.parse().ok();
            let reference = reference_date(&doc, &config);
            for e in find(&doc, &reference) {
                proptest::prop_assert!(s.get(e.start..e.end).is_some());
                let _ = describe(&e, &reference);
            }
        }
    }
}

#[test]
fn present_tense_schedules_look_ahead() {
    // 2022-01-12 was a Wednesday.
    assert_eq!(
        values(
            "The two leaders meet separately Monday. The exhibit opens Friday. The vote Monday was close.",
            "2022-01-12"
        ),
        pairs(&[
            ("Monday", "2022-01-17"),
            ("Friday", "2022-01-14"),
            ("Monday", "2022-01-10"),
        ])
    );
    assert_eq!(
        values("The board did not meet Monday.", "2022-01-12"),
        pairs(&[("Monday", "2022-01-10")])
    );
}

#[test]
fn anaphora_count_from_the_story() {
    // Friday 2022-01-07 is named first; "the previous Friday" is the one before it.
    assert_eq!(
        values(
            "Shares closed lower Friday. The index fell 2% from the previous Friday.",
            "2022-01-10"
        ),
        pairs(&[
            ("Friday", "2022-01-07"),
            ("the previous Friday", "2021-12-31")
        ])
    );
    assert_eq!(
        values(
            "In March, the firm got an offer. The following month, it was sold.",
            "2022-10-12"
        ),
        pairs(&[("March", "2022-03"), ("The following month", "2022-04")])
    );
    assert_eq!(
        values(
            "The offer expires on Nov. 30. Until then, holders may convert.",
            "2022-11-02"
        ),
        pairs(&[("Nov. 30", "2022-11-30"), ("then", "2022-11-30")])
    );
    // With no date before it, "until then" has nothing to point at.
    assert_eq!(values("Until then, nothing changes.", "2022-11-02"), vec![]);
}

#[test]
fn the_story_day_in_other_words() {
    assert_eq!(
        values(
            "It's the second day of the strike. She spoke later in the day. Prices fell after Oct. 12, the day before the crash.",
            "2022-10-20"
        ),
        pairs(&[
            ("the second day", "2022-10-20"),
            ("later in the day", "2022-10-20"),
            ("Oct. 12", "2022-10-12"),
            ("the day", "2022-10-12"),
        ])
    );
    // An ordinal day without "it is" is some day of an event, not the present one.
    assert_eq!(
        values("The first day of the trial was calm.", "2022-10-20"),
        vec![]
    );
    assert_eq!(
        values(
            "Troops should arrive by the end of the month.",
            "2022-10-20"
        ),
        pairs(&[("the end of the month", "2022-10")])
    );
}

fn tenses(text: &str, date: &str) -> Vec<(String, Option<Tense>)> {
    analyse(text, date)
        .into_iter()
        .map(|e| (e.text, e.tense))
        .collect()
}

#[test]
fn clause_tense_leaves_reported_plans_and_labels_open() {
    let open = |text: &str| {
        let t = tenses(text, "2022-01-12");
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        assert_eq!(t[0].1, None, "{text}");
    };
    // A modal, the present, a past plan, a move, a term, a label, a "since" date.
    open("She said the board would vote on Jan. 20.");
    open("He said the primary is Feb. 9.");
    open("Applicants were due to file paperwork by Jan. 5.");
    open("The bank extended its offer to Jan. 20.");
    open("The firm sold notes due Jan. 20, 2030.");
    open("Critics attacked the Jan. 3 decision.");
    open("Voters backed the referendum on Jan. 20 in large numbers.");
    open("It is the first time since Jan. 3, 2007.");
    let t = tenses(
        "The rights, which expire Jan. 20, were issued. By Jan. 5, the rally was over.",
        "2022-01-12",
    );
    assert_eq!(
        t,
        vec![
            ("Jan. 20".to_owned(), Some(Tense::Future)),
            ("Jan. 5".to_owned(), Some(Tense::Past)),
        ]
    );
    // "due to the storm" is a cause, not a plan.
    assert_eq!(
        tenses(
            "The game was called off due to the storm on Jan. 5.",
            "2022-01-12"
        )[0]
        .1,
        Some(Tense::Past)
    );
}

proptest::proptest! {
    /// The hand-written date formats say what `format!` and jiff's `Display` would.
    #[test]
    fn dates_written_by_hand_match_format(year in -9999i16..=9999, month in 1i8..=12, day in 1i8..=28) {
        let date = Date::new(year, month, day).expect("a valid date");
        let expected = format!(
            "{}, {} {}, {}",
            lexicon::weekday_name(date.weekday()),
            lexicon::ap_month(month),
            day,
            year
        );
        proptest::prop_assert_eq!(ap_full(date), expected);
        proptest::prop_assert_eq!(resolve::Val::Day(date).timex(), date.to_string());
    }
}
