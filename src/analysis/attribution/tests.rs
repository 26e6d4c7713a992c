use super::*;
use crate::text::Format;
use proptest::strategy::Strategy as _;

fn run(text: &str) -> (Document, Vec<QuoteFact>, Vec<Attribution>) {
    let doc = Document::new(text, Format::Markdown);
    let (q, a) = find(&doc, &[]);
    (doc, q, a)
}

/// (cue, source) texts of every attribution.
fn pairs(text: &str) -> Vec<(String, String)> {
    run(text)
        .2
        .iter()
        .map(|a| {
            (
                a.cue.text.clone(),
                a.source.as_ref().map_or("-".to_owned(), |s| s.text.clone()),
            )
        })
        .collect()
}

#[test]
fn source_before_after_and_inverted() {
    let p = pairs("Kazakh President Kassym-Jomart Tokayev said militants were behind it.");
    assert_eq!(
        p,
        [(
            "said".into(),
            "Kazakh President Kassym-Jomart Tokayev".into()
        )]
    );
    let p = pairs("“We will not yield,” said Tokayev.");
    assert_eq!(p, [("said".into(), "Tokayev".into())]);
    let p = pairs("“We will not yield,” he said.");
    assert_eq!(p, [("said".into(), "he".into())]);
    let p = pairs("The plan is dead, the ministry says.");
    assert_eq!(p, [("says".into(), "the ministry".into())]);
    let p = pairs("Smith has also repeatedly argued that it failed.");
    assert_eq!(p, [("argued".into(), "Smith".into())]);
}

#[test]
fn according_to_passives_and_hedges() {
    let p = pairs("According to the ministry, 12 people died.");
    assert_eq!(p, [("According to".into(), "the ministry".into())]);
    let p = pairs("The toll was reported by Reuters on Monday.");
    assert_eq!(p, [("reported".into(), "Reuters".into())]);
    let p = pairs("The minister reportedly resigned. It is believed he fled.");
    assert_eq!(
        p,
        [
            ("reportedly".into(), "-".into()),
            ("It is believed".into(), "-".into())
        ]
    );
}

#[test]
fn content_follows_or_precedes_the_cue() {
    let (doc, _, a) = run("Police said the bridge closed. The bridge is shut, police said.");
    let contents: Vec<_> = a.iter().map(|a| &doc.text()[a.content.range()]).collect();
    assert_eq!(contents, ["the bridge closed.", "The bridge is shut"]);
}

#[test]
fn split_quote_and_pronoun_resolution() {
    let (_, q, _) = run("Zoë Martin arrived first.\n\n“We lost,” she said. “We will be back.”");
    let got: Vec<_> = q
        .iter()
        .map(|q| {
            (
                q.speaker.as_ref().map(|s| s.text.as_str()),
                q.speaker_resolved.as_ref().map(|s| s.text.as_str()),
            )
        })
        .collect();
    // No attribution names Zoë Martin, so "she" stays unresolved.
    assert_eq!(
        got,
        [(Some("she"), Some("she")), (Some("she"), Some("she"))]
    );
    let (_, q, _) = run("Tokayev said so.\n\n“We lost,” he said.");
    assert_eq!(
        q[0].speaker_resolved.as_ref().map(|s| s.text.as_str()),
        Some("Tokayev")
    );
}

#[test]
fn multi_paragraph_quote_carries_its_speaker_both_ways() {
    let (_, q, _) = run(
        "“The first part runs on.\n\n“The second part ends here,” Smith said.\n\n“A third one, alone.”",
    );
    let speakers: Vec<_> = q
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.text.as_str()))
        .collect();
    assert_eq!(speakers, [Some("Smith"), Some("Smith"), None]);
}

#[test]
fn full_sentence_quotes_and_partial_ones() {
    let (_, q, _) = run(
        "He called it “an attempted coup” and read “The Art of War.” “We will win this,” she said.",
    );
    let full: Vec<_> = q.iter().map(|q| q.full_sentence).collect();
    assert_eq!(full, [false, false, true]);
}

#[test]
fn anonymous_sources() {
    let (_, _, a) = run(
        "Officials said the talks stalled. A source familiar with the talks said so. Smith said no.",
    );
    let anon: Vec<_> = a.iter().map(|a| a.anonymous).collect();
    assert_eq!(anon, [true, true, false]);
}

#[test]
fn covers_content_cue_sentence_and_next_sentence() {
    let text =
        "Police said 12 people died. Another 40 were hurt. Then 7 more.\n\nNobody said why 9 fled.";
    let (doc, _, a) = run(text);
    let at = |needle: &str| {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    };
    assert!(covers(&a, &doc, at("12")));
    assert!(covers(&a, &doc, at("40")));
    assert!(!covers(&a, &doc, at("7")));
    // "Nobody said" has a source ("Nobody") but is a separate paragraph's own matter.
    assert!(covers(&a, &doc, at("9")));
    let (doc, _, a) = run("The toll reportedly reached 30.");
    assert!(!covers(&a, &doc, Span::new(28, 30)));
}

#[test]
fn describe_quote_names_the_speaker() {
    let (_, q, _) = run("Tokayev said so.\n\n“We lost,” he said.");
    assert_eq!(
        describe_quote(&q[0], &[]),
        "said by **Tokayev** (“he” here), cue “said”"
    );
    let (_, q, _) = run("“We lost the vote today.”");
    assert!(describe_quote(&q[0], &[]).contains("No speaker"));
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "“",
        "\"said",
        "said",
        ": “",
        "according to",
        "王毅 说: “你好”",
        "a\u{301} said “é”",
    ] {
        let _ = run(t);
    }
}

#[test]
fn parentheses_appositions_and_shared_sources() {
    let p = pairs("“Subpoenas are not optional,” Rep. Jane Roe (R-Utah) said.");
    assert_eq!(p, [("said".into(), "Rep. Jane Roe (R-Utah)".into())]);
    let p = pairs("Carter’s press secretary, Peter Cook, told the Times that it was over.");
    assert_eq!(p, [("told".into(), "Peter Cook".into())]);
    let p = pairs("“It hurts,” McCain said, citing low growth.");
    assert_eq!(
        p,
        [
            ("said".into(), "McCain".into()),
            ("citing".into(), "McCain".into())
        ]
    );
    // "praised" takes an object, never an inverted source.
    let p = pairs("“We did well,” praised the crowd.");
    assert_eq!(p, [("praised".into(), "-".into())]);
}

#[test]
fn nouns_and_infinitives_are_not_cues() {
    assert!(pairs("His claims were false. Trump’s tweets went viral.").is_empty());
    assert!(pairs("It is hard to say what happens next.").is_empty());
    assert_eq!(pairs("A study found that turnout fell.").len(), 1);
}

#[test]
fn cues_inside_quotations_are_the_speakers_words() {
    let p = pairs("“They said it would rain,” Smith said.");
    assert_eq!(p, [("said".into(), "Smith".into())]);
}

#[test]
fn stance_verbs_need_a_named_subject() {
    let p = pairs("Clinton backed the deal in March.");
    assert_eq!(p, [("backed".into(), "Clinton".into())]);
    let (_, _, a) = run("Clinton backed the deal in March.");
    assert_eq!(a[0].kind, CueKind::Stance);
    // A lowercase subject, a passive or a noun use is no attribution.
    assert!(pairs("The deal was backed by donors.").is_empty());
    assert!(pairs("The union backed the deal.").is_empty());
    assert!(pairs("Their calls went unanswered.").is_empty());
    let p = pairs("Her advisers believe the lead will hold. We think so too.");
    assert_eq!(p, [("believe".into(), "Her advisers".into())]);
    let p = pairs("Okafor issued a warning. The printer issued a receipt. She points to the data.");
    assert_eq!(
        p,
        [
            ("issued".into(), "Okafor".into()),
            ("points".into(), "She".into())
        ]
    );
}

#[test]
fn stance_verbs_do_not_speak_quotations() {
    let (_, q, _) = run("Smith sought a recount. “We were robbed.”");
    assert_eq!(q.len(), 1);
    assert!(q[0].speaker.is_none());
}

#[test]
fn quoted_transcript_turns_are_labelled() {
    let (_, q, a) =
        run("“WALLACE: Let us start with the debate.\n\n“PENCE: Well, look, it was fine.”");
    let colon: Vec<_> = a
        .iter()
        .filter(|a| a.kind == CueKind::Colon)
        .map(|a| a.source.as_ref().map(|s| s.text.clone()))
        .collect();
    assert_eq!(colon, [Some("WALLACE".into()), Some("PENCE".into())]);
    assert!(q.iter().all(|q| q.speaker.is_some()));
}

#[test]
fn guarded_cues_by_subject() {
    assert_eq!(
        pairs("Sanders wants a recount."),
        [("wants".into(), "Sanders".into())]
    );
    // "we want" is generic; evidence verbs need a document.
    assert!(pairs("We want a recount.").is_empty());
    assert_eq!(
        pairs("Campaign records show he gave twice."),
        [("show".into(), "Campaign records".into())]
    );
    assert!(pairs("The candidates show up late.").is_empty());
}

#[test]
fn dashes_sign_quotations_not_list_items() {
    let p = pairs("“We will win.” — Carla Sanchez");
    assert_eq!(p, [("—".into(), "Carla Sanchez".into())]);
    assert!(pairs("The winners are:\n\n— Carol Lee of the Globe.").is_empty());
}

#[test]
fn in_a_poll_names_the_poll() {
    let p = pairs("In a CNN poll released Monday, 50 percent backed him.");
    assert_eq!(p[0], ("In".into(), "a CNN poll released Monday".into()));
    assert!(pairs("In the morning, the polls opened.").is_empty());
}

/// The cue texts of every attribution.
fn cues(text: &str) -> Vec<String> {
    run(text).2.iter().map(|a| a.cue.text.clone()).collect()
}

#[test]
fn noun_cues_count_after_determiners() {
    assert_eq!(cues("Her criticism of the plan was sharp."), ["criticism"]);
    assert_eq!(
        cues("Trump’s assertion that he won went unchallenged."),
        ["assertion"]
    );
    // A verb form after a determiner is still a noun and no cue.
    assert!(cues("His claims were false.").is_empty());
}

#[test]
fn stance_words_without_a_guard_and_pronoun_subjects() {
    assert_eq!(cues("The senator was eager to testify."), ["eager"]);
    assert_eq!(
        pairs("She wants a recount."),
        [("wants".into(), "She".into())]
    );
    // First and second person stay generic.
    assert!(pairs("We want a recount.").is_empty());
}

#[test]
fn nested_stances_and_weak_cues_belong_to_the_outer_report() {
    assert_eq!(cues("Smith said Jones backed the plan."), ["said"]);
    assert_eq!(
        cues("Smith said the report, which she called flawed, came late."),
        ["said"]
    );
    // A strong cue inside a report is an attribution of its own.
    assert_eq!(
        cues("Smith said Jones told the court he was innocent."),
        ["said", "told"]
    );
    // A cue inside a quotation never hides the verb that attributes it.
    let (_, q, _) = run("“Maybe I can say, look, this is wrong,” she continued.");
    assert_eq!(q[0].speaker.as_ref().map(|s| s.text.as_str()), Some("she"));
}

#[test]
fn reported_infinitives_carry_the_subject() {
    assert_eq!(
        pairs("Smith went on to say the vote was rigged."),
        [("say".into(), "Smith".into())]
    );
    assert!(cues("Smith wants to say more.").iter().all(|c| c != "say"));
}

#[test]
fn participles_take_the_clause_subject() {
    let p = pairs("At the rally, she compared herself to Okafor, saying the race was close.");
    assert_eq!(p, [("saying".into(), "she".into())]);
    let p = pairs("When she returned she began by saying, “We will appeal.”");
    assert_eq!(p, [("saying".into(), "she".into())]);
    let p = pairs("On Friday, the mayor’s office issued a statement calling the vote unfair.");
    assert!(p[0].1.starts_with("the mayor’s office"), "{p:?}");
    let p = pairs("Gov. Ana Lind vetoed the bill, saying it cost too much.");
    assert_eq!(p, [("saying".into(), "Gov. Ana Lind".into())]);
    // A report before the participle lends it its source, not the clause nested in it.
    let p = pairs("Dale said he doubted the count, arguing that it was rushed.");
    assert_eq!(p[0], ("said".into(), "Dale".into()));
    assert_eq!(p.last(), Some(&("arguing".into(), "Dale".into())));
}

#[test]
fn seeming_has_no_source_and_light_verbs_are_skipped() {
    let p = pairs("The deal seems doomed.");
    assert_eq!(p, [("seems".into(), "-".into())]);
    let p = pairs("Okafor made it clear that she would run. Lind didn’t mention the vote.");
    assert_eq!(
        p,
        [
            ("clear".into(), "Okafor".into()),
            ("mention".into(), "Lind".into())
        ]
    );
}

#[test]
fn names_ending_like_adverbs_are_sources() {
    let p = pairs("“The file is valuable,” said Kelly. Lisa Daly said so.");
    assert_eq!(
        p,
        [
            ("said".into(), "Kelly".into()),
            ("said".into(), "Lisa Daly".into())
        ]
    );
    let p = pairs("But Sen. Ana Lind (D-Ore.), noting the delay, said it was late.");
    assert_eq!(p[1], ("said".into(), "Sen. Ana Lind".into()));
}

#[test]
fn naming_and_adding_are_not_reports() {
    assert!(pairs("She joined a small firm called Lindqvist Partners.").is_empty());
    assert!(pairs("The rain added to the gloom. The costs added up.").is_empty());
    assert!(pairs("Then Okafor showed up. Ana Lind reported from Oslo.").is_empty());
    let p = pairs("A union called the strike unlawful. He added to reporters that it was over.");
    assert_eq!(p.len(), 1, "{p:?}");
    let p = pairs("Okafor called the plan a failure.");
    assert_eq!(p, [("called".into(), "Okafor".into())]);
}

#[test]
fn the_writers_idioms_are_not_attributions() {
    assert!(pairs("It’s worth noting that the vote was close.").is_empty());
    assert!(pairs("That said, the plan has critics. Having said that, it may pass.").is_empty());
    let p = pairs("The sign that said, “Welcome,” was gone. Lind said that, too.");
    assert_eq!(p.len(), 2, "{p:?}");
}

/// The flags of a text's ASCII words, as the pass computes them for a sentence.
fn words_of(doc: &Document) -> lexicon::Flags {
    tokens(doc, 0..doc.prose().len(), &mut Vec::new())
}

/// The phrase patterns are searched only in sentences whose words allow a match: that skip is
/// sound only if every ASCII letter the patterns match case-insensitively is an ASCII letter,
/// or one of the two characters `find` checks the text for.
#[test]
fn only_long_s_and_kelvin_fold_to_ascii_letters() {
    let letter = Regex::new(r"(?i)^[a-z]$").expect("valid regex");
    let folding: Vec<char> = (0x80..=0x10FFFF_u32)
        .filter_map(char::from_u32)
        .filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4])))
        .collect();
    assert_eq!(folding, ['\u{17F}', '\u{212A}']);
}

#[test]
fn phrase_patterns_are_searched_where_their_words_are() {
    let words = |t: &str| words_of(&Document::new(t, Format::Plain));
    assert!(words("He was non-reportedly there.").may_hedge());
    assert!(words("It is widely BELIEVED that").may_hedge());
    assert!(!words("He said the plan was late.").may_hedge());
    assert!(words("officials who spoke").may_name_anonymously());
    assert!(!words("officials said").may_name_anonymously());
    assert!(words("That said, it").may_hold_idiom());
    assert!(!words("She told him it was late").may_hold_idiom());
    // A text with a long s is searched whatever its words.
    let (_, _, a) = run("Critics ſay the plan failed.");
    assert_eq!(a.first().map(|a| a.kind), Some(CueKind::Hedge));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// Wherever a phrase pattern matches, the words of the text say it may.
    #[test]
    fn phrase_patterns_match_only_where_their_words_are(
        parts in proptest::collection::vec(
            (
                proptest::sample::select(&[
                    "a source", "Senior officials", "people", "familiar with", "close to",
                    "with knowledge of", "briefed on", "who spoke", "who was not", "is said to",
                    "were thought to", "it has been widely reported", "it is BELIEVED",
                    "according to media reports", "reports suggest", "Rumours say",
                    "many people believe", "critics have said", "Observers argue",
                    "reportedly", "ALLEGEDLY", "it’s also worth noting", "goes without saying",
                    "needless to say", "suffice it to say", "to say the least", "so to speak",
                    "that is to say", "having said that", "That said,", "that said,",
                    "enough said", "the", "plan", "x2", "said", "it",
                ][..]),
                proptest::sample::select(&[
                    " ", "  ", "-", "’", "'", ".", ", ", "_", "é", "\u{a0}", "\n", "“", "9",
                ][..]),
            ),
            0..8,
        )
    ) {
        let text: String = parts.iter().flat_map(|(p, sep)| [*p, *sep]).collect();
        let doc = Document::new(&text, Format::Plain);
        let words = words_of(&doc);
        let prose = doc.prose();
        proptest::prop_assert!(!HEDGE.is_match(prose) || words.may_hedge(), "hedge in {text:?}");
        proptest::prop_assert!(
            !ANONYMOUS_PHRASE.is_match(prose) || words.may_name_anonymously(),
            "anonymous source in {text:?}"
        );
        proptest::prop_assert!(!IDIOM.is_match(prose) || words.may_hold_idiom(), "idiom in {text:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// The ASCII fast path splits a text as `crate::text::tokens` does.
    #[test]
    fn tokens_are_those_of_the_text_module(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                3 => proptest::sample::select(&[
                    "a", "Zo", "9", ".", "'", "’", "‘", "-", "“", "”", "—", "–", "―", ",", ":",
                    "_", " ", "\t", "\u{0B}", "\u{85}", "\u{A0}", "\u{2000}", "\u{2028}", "é",
                    "\u{301}", "ſ", "\u{2010}",
                ][..]).prop_map(str::to_owned),
                1 => "\\PC",
            ],
            0..40,
        )
    ) {
        let text = parts.concat();
        let mut ours = Vec::new();
        // Tokens passed as plain are all ASCII letters and digits.
        let mut plain_ascii = true;
        for_each_token(&text, |m, plain| {
            plain_ascii &= !plain
                || text
                    .get(m.clone())
                    .is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphanumeric()));
            ours.push(m);
        });
        proptest::prop_assert!(plain_ascii);
        let theirs: Vec<_> = crate::text::tokens(&text).collect();
        proptest::prop_assert_eq!(ours, theirs);
    }
}

#[test]
fn a_colon_after_a_dated_adverbial_takes_the_subject() {
    let (_, q, a) =
        run("On July 6, 2015, Marsh made the following comment:\n\n“The rate is 33 percent.”");
    let colon: Vec<_> = a
        .iter()
        .filter(|a| a.kind == CueKind::Colon)
        .map(|a| a.source.as_ref().map(|s| s.text.clone()))
        .collect();
    assert_eq!(colon, [Some("Marsh".into())]);
    assert!(q[0].speaker.is_some());
}
