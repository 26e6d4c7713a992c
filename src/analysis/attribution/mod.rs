//! Attribution: who says what — quotations with their speakers, and attributed claims.
//!
//! The pass works sentence by sentence over the prose. A *cue* is a reporting verb from the
//! lexicon ("said", "told", "argued"), "according to", a colon that introduces a quotation, or
//! a hedge ("reportedly", "it is believed"). Its *source* is the noun phrase before the cue
//! (after auxiliaries and adverbs: "Smith has also said"), the one after it when the cue
//! follows a quotation or a comma ("…,” said Smith"), the agent of a passive ("was reported by
//! Reuters"), or the subject of the sentence for a participle ("…, adding that"). Its
//! *content* is the rest of the sentence after the cue, or the part before it when the source
//! and cue come last ("The plan is dead, Smith said."). Passives and hedges have no source.
//!
//! A quotation takes its speaker from the nearest attribution in its own sentences, then the
//! previous and the next sentence of its paragraph; a quotation that continues one from the
//! previous paragraph (the multi-paragraph convention) takes that one's speaker. A pronoun
//! source is resolved to the last source before it that names someone.
//!
//! Everything is linear in the text: each sentence is tokenised once, and quotations find
//! their attributions by binary search over attributions sorted by position.

mod lexicon;

pub use lexicon::{is_vague, neutral_form};

use super::entities::Entity;
use crate::finding::{Excerpt, Span};
use crate::text::{Document, QuoteEnd};
use regex::Regex;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteFact {
    pub start: usize,
    pub end: usize,
    pub end_kind: QuoteEnd,
    /// The words that name the speaker where the quotation is attributed ("he", "Tokayev").
    pub speaker: Option<Excerpt>,
    pub cue: Option<Excerpt>,
    /// The speaker named in full: a pronoun resolved to the last named source before it.
    pub speaker_resolved: Option<Excerpt>,
    /// The entity whose mention covers the speaker (index into `entities`).
    pub speaker_entity: Option<usize>,
    /// Reads as one or more whole sentences (capitalised, ends in punctuation), not a partial
    /// quote, a title or a scare-quoted word.
    pub full_sentence: bool,
    /// Continues a quotation that ran on from the previous paragraph.
    pub continued: bool,
}

/// What kind of word marks an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueKind {
    /// A reporting verb: "said", "told", "argued".
    Verb,
    /// "according to X".
    AccordingTo,
    /// A colon that introduces a quotation.
    Colon,
    /// A dash that signs a quotation ("…” ― Carla Sanchez").
    Dash,
    /// A stance or intention verb after a named subject ("Trump wants", "Clinton backed"):
    /// an attribution of a position, never the speaker of a quotation.
    Stance,
    /// An agentless hedge: "reportedly", "it is believed", "is said to".
    Hedge,
}

/// An attribution relation: a cue ("said"), its source (or none) and what it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub cue: Excerpt,
    pub source: Option<Excerpt>,
    pub content: Span,
    pub kind: CueKind,
    /// The source named in full when it is a pronoun ("he" → "Tokayev").
    pub source_resolved: Option<Excerpt>,
    /// The source is unnamed ("sources", "officials", "a person familiar with").
    pub anonymous: bool,
    /// Index of the sentence holding the cue.
    pub sentence: usize,
}

/// Hedges and agentless attributions: a claim with no one behind it unless the sentence names
/// a source.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:reportedly|allegedly|purportedly|supposedly|rumou?red|(?:is|are|was|were) (?:said|rumou?red|alleged|believed|thought) to|it (?:is|was|has been|had been) (?:widely )?(?:believed|reported|understood|alleged|claimed|rumou?red|said|thought)|according to (?:media |news |press )?reports|(?:reports|rumou?rs) (?:say|said|suggest|suggested)|many (?:people )?believe|(?:critics|observers) (?:say|said|argue|argued|claim|claimed|contend|have said))(?-u:\b)",
    )
    .expect("valid regex")
});

/// Unnamed sources described by what they know ("a source familiar with the talks").
static ANONYMOUS_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:a|an|one|two|three|several|other|another|the|senior|administration|government|campaign)\s+)*(?:sources?|officials?|aides?|insiders?|people|persons?)\s+(?:familiar with|close to|with knowledge of|briefed on|who (?:spoke|asked|requested|declined|was not|were not))(?-u:\b)",
    )
    .expect("valid regex")
});

/// The writer's own turns of phrase built on a cue word ("It's worth noting", "Having said
/// that", "That said,"): no one is being quoted.
static IDIOM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:it(?:'s|’s| is| was)|is|was) (?:also |still )?worth (?:noting|mentioning|saying)|goes without saying|needless to say|suffice it to say|to say the least|so to speak|that is to say|having said that|(?-i:That) said,|enough said)",
    )
    .expect("valid regex")
});

/// Words before a colon that label a note or a credit line, not a speaker ("Update: …",
/// "Source: NATO").
const LABELS: &[&str] = &[
    "answer",
    "breaking",
    "byline",
    "chart",
    "contributing",
    "correction",
    "credit",
    "editor",
    "editor's",
    "editor’s",
    "email",
    "note",
    "online",
    "photo",
    "previously",
    "q",
    "question",
    "read",
    "related",
    "source",
    "sources",
    "twitter",
    "update",
    "video",
    "warning",
    "watch",
];

/// Words after which a cue word is a noun.
const NOUN_MARKERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "those", "your",
];

/// "Trump’s", "the ministry's" (but not "he’s", "it's": a pronoun with "is" or "has").
fn possessive(t: &Tok<'_>) -> bool {
    ["’s", "'s"].iter().any(|s| {
        t.lower
            .strip_suffix(s)
            .is_some_and(|stem| !stem.is_empty() && !lexicon::PRONOUNS.contains(&stem))
    }) && !matches!(
        t.lower,
        "that’s" | "that's" | "there’s" | "there's" | "what’s" | "what's"
    )
}

/// One token of a sentence: a word or one punctuation character.
#[derive(Clone, Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// `text` with ASCII letters lowered (a slice of `Document::lower`).
    lower: &'a str,
    /// What the word lists say of it, looked up once.
    flags: lexicon::Flags,
    word: bool,
}

impl Tok<'_> {
    fn capitalized(&self) -> bool {
        self.word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    /// An auxiliary or adverb that may stand between a source and its cue; a capitalised word
    /// with an adverb's ending is a name ("Kelly said").
    fn between(&self) -> bool {
        self.flags.between(self.lower) && !(self.capitalized() && self.flags.ly_adverb(self.lower))
    }
    fn closing_punct(&self) -> bool {
        matches!(self.text, "," | "”" | "\"" | "’" | "—" | "–" | ")")
    }
}

/// Calls `f` with each token of `s` as `crate::text::tokens` finds it, scanning ASCII and the
/// quotation marks, apostrophes and dashes of news prose byte by byte: there a word is a letter
/// or digit, then letters, digits and inner `.`, `-`, `'` and `’`, and any other character that
/// is no space is a token alone. A token that meets other characters is split, up to the next
/// space (no token spans one), by `crate::text::tokens`, which looks only forward. The flag
/// passed with a token says it is all ASCII letters and digits.
fn for_each_token(s: &str, mut f: impl FnMut(Range<usize>, bool)) {
    let bytes = s.as_bytes();
    // `char::is_whitespace` of an ASCII byte.
    let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    // The last byte of "–", "—", "‘", "’", "“" or "”" (E2 80 xx) starting at `k`.
    let mark = |k: usize| match bytes.get(k..k + 3) {
        Some(&[0xE2, 0x80, last @ (0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D)]) => Some(last),
        _ => None,
    };
    let mut i = 0;
    while let Some(b) = bytes.get(i) {
        if space(b) {
            i += 1;
            continue;
        }
        let token = if b.is_ascii_alphanumeric() {
            let (mut k, mut end, mut plain, mut joiner) = (i + 1, i + 1, true, false);
            loop {
                match bytes.get(k) {
                    Some(c) if c.is_ascii_alphanumeric() => {
                        plain &= !joiner;
                        k = crate::text::alnum_end(bytes, k);
                        end = k;
                    }
                    Some(b'.' | b'-' | b'\'') => {
                        joiner = true;
                        k += 1;
                    }
                    Some(c) if !c.is_ascii() => match mark(k) {
                        Some(0x99) => {
                            joiner = true;
                            k += 3;
                        }
                        Some(_) => break Some((end, plain)),
                        None => break None,
                    },
                    _ => break Some((end, plain)),
                }
            }
        } else if b.is_ascii() {
            Some((i + 1, false))
        } else {
            mark(i).map(|_| (i + 3, false))
        };
        match token {
            Some((end, plain)) => {
                f(i..end, plain);
                i = end;
            }
            None => {
                let rest = bytes.get(i..).unwrap_or_default();
                let chunk_end = i + rest.iter().position(space).unwrap_or(rest.len());
                if let Some(chunk) = s.get(i..chunk_end) {
                    crate::text::tokens(chunk).for_each(|m| f(i + m.start..i + m.end, false));
                }
                i = chunk_end;
            }
        }
    }
}

/// Splits the prose of `range` into `toks` (a buffer reused from sentence to sentence), and
/// returns the flags of all its ASCII words: the runs of ASCII letters and digits, also those
/// inside a token ("reportedly" in "non-reportedly"), which are what the phrase patterns'
/// word boundaries see. The patterns are case-insensitive: "ſ" and "K" (Kelvin) match "s"
/// and "k" but are no ASCII letters, so a sentence with them gets every flag.
fn tokens<'a>(doc: &'a Document, range: Range<usize>, toks: &mut Vec<Tok<'a>>) -> lexicon::Flags {
    toks.clear();
    let mut words = lexicon::Flags::default();
    let (Some(slice), Some(lower)) = (
        doc.prose().get(range.clone()),
        doc.lower().get(range.clone()),
    ) else {
        return words;
    };
    for_each_token(slice, |m, plain| {
        let text = slice.get(m.clone()).unwrap_or("");
        let lower = lower.get(m.clone()).unwrap_or("");
        let word = plain || text.chars().next().is_some_and(char::is_alphanumeric);
        // Every listed word starts with a letter: punctuation is in no list.
        let flags = if word {
            lexicon::flags(lower)
        } else {
            lexicon::Flags::default()
        };
        if word {
            words = words
                | if plain {
                    flags
                } else if lower.contains(['\u{17F}', '\u{212A}']) {
                    lexicon::Flags::ALL
                } else {
                    lower
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .filter(|run| !run.is_empty())
                        .fold(lexicon::Flags::default(), |f, run| f | lexicon::flags(run))
                };
        }
        toks.push(Tok {
            start: range.start + m.start,
            end: range.start + m.end,
            text,
            lower,
            flags,
            word,
        });
    });
    words
}

/// Words that join a sentence to the one before it, capitalised when they open it.
const CONJUNCTIONS: &[&str] = &["and", "but", "or", "so", "yet", "still", "now", "then"];

/// The noun phrase that ends at token `j` (its head), extended left over names, titles and
/// determiners. `None` when `j` cannot head a source.
fn np_ending_at(toks: &[Tok<'_>], j: usize) -> Option<Range<usize>> {
    let head = toks.get(j)?;
    if !head.word || head.flags.not_source() || head.flags.cue() {
        return None;
    }
    if lexicon::PRONOUNS.contains(&head.lower) {
        return Some(j..j + 1);
    }
    if !head.capitalized() && (head.lower.ends_with("ing") || head.lower.ends_with("ed")) {
        return None;
    }
    let mut k = j;
    let mut lowercase = usize::from(!head.capitalized());
    while k > 0 && j - k < 7 {
        let t = &toks[k - 1];
        // The full stop of a title's abbreviation ("Rep. Jane Roe", "Sen. Al Poe").
        let title_stop = t.text == "."
            && k >= 2
            && toks[k - 2].capitalized()
            && toks[k - 2].text.len() <= 4
            && toks[k - 2].end == t.start;
        if title_stop {
            k -= 2;
            continue;
        }
        if !t.word || lexicon::PRONOUNS.contains(&t.lower) {
            break;
        }
        if t.flags.determiner() {
            k -= 1;
            break;
        }
        // "But aides said": a conjunction opening the sentence is no part of the source.
        if CONJUNCTIONS.contains(&t.lower) {
            break;
        }
        let of_between_names = t.is("of") && k >= 2 && toks[k - 2].capitalized();
        if t.capitalized() || of_between_names {
            k -= 1;
        } else if !t.flags.not_source()
            && !t.flags.cue()
            && !t.flags.between(t.lower)
            && lowercase < 3
        {
            lowercase += 1;
            k -= 1;
        } else {
            break;
        }
    }
    Some(k..j + 1)
}

/// The noun phrase starting at token `i`: determiners, then names, titles and nouns up to
/// punctuation or a function word. With `lowercase_start` false, it must start with a name, a
/// determiner or a pronoun (an inverted subject: "said the ministry", "said Smith").
/// Common past forms without "-ed": after a name they are its verb, not part of it.
const IRREGULAR_PAST: &[&str] = &[
    "made", "gave", "took", "sent", "held", "came", "went", "got", "saw", "did", "won", "lost",
    "met", "paid", "led", "began", "became", "left", "put", "kept", "brought", "bought", "felt",
    "ran", "found", "chose", "drew", "threw", "broke", "spent", "stood", "sat", "knew",
];

fn np_starting_at(toks: &[Tok<'_>], i: usize, lowercase_start: bool) -> Option<Range<usize>> {
    let first = toks.get(i)?;
    if !first.word {
        return None;
    }
    if lexicon::PRONOUNS.contains(&first.lower) && first.lower != "who" {
        return Some(i..i + 1);
    }
    let det = first.flags.determiner();
    if !lowercase_start && !det && !first.capitalized() {
        return None;
    }
    let mut k = i + usize::from(det);
    let mut end = None;
    while let Some(t) = toks.get(k) {
        // The full stop of a title's abbreviation ("Gov. Mike Pence").
        let title_stop = t.text == "."
            && k > i
            && toks[k - 1].capitalized()
            && toks[k - 1].text.len() <= 4
            && toks[k - 1].end == t.start
            && toks.get(k + 1).is_some_and(Tok::capitalized);
        if title_stop && k - i < 8 {
            k += 1;
            continue;
        }
        if k - i >= 8 || !t.word || t.flags.cue() || t.between() {
            break;
        }
        let of_between_names = t.is("of") && toks.get(k + 1).is_some_and(Tok::capitalized);
        // A lowercase past form after a name is its verb ("Ana Lind vetoed", "Marsh made").
        let verb = k > i
            && toks[k - 1].capitalized()
            && !t.capitalized()
            && (t.lower.ends_with("ed") || IRREGULAR_PAST.contains(&t.lower));
        if verb || (!t.capitalized() && !of_between_names && t.flags.not_source()) {
            break;
        }
        end = Some(k + 1);
        k += 1;
    }
    end.map(|e| i..e)
}

/// The source whose phrase ends at token `b`, looking through a parenthesis ("Sen. Claire
/// McCaskill (D-Mo.) said") and an apposition ("Vann Newkirk, a writer for The Atlantic,
/// said"), where the named person is the source.
fn source_before(toks: &[Tok<'_>], b: usize) -> Option<Range<usize>> {
    let t = toks.get(b)?;
    let back = |open: &str, stop: &[&str]| {
        (1..=15)
            .map_while(|d| b.checked_sub(d))
            .take_while(|&k| !stop.contains(&toks[k].text) && !toks[k].flags.cue())
            .find(|&k| toks[k].text == open)
    };
    match t.text {
        ")" => {
            let open = back("(", &[")", "“", "”", "\""])?;
            let r = np_ending_at(toks, open.checked_sub(1)?)?;
            Some(r.start..b + 1)
        }
        "," => {
            let comma = back(",", &["“", "”", "\"", "(", ")", ":", ";"])?;
            let named = |r: Range<usize>| {
                toks.get(r.end - 1)
                    .is_some_and(|h| h.capitalized() || h.text == ")")
                    .then_some(r)
            };
            // "Vann Newkirk, a writer for The Atlantic, said" or "Carter’s press secretary,
            // Peter Cook, told": the name on either side of the apposition; not a date or place
            // after the preposition that opens the sentence ("On Sunday, Clinton …, said").
            let opening_phrase = |r: &Range<usize>| {
                r.start.checked_sub(1).is_some_and(|p| {
                    lexicon::is_preposition(toks[p].lower) && toks[..p].iter().all(|t| !t.word)
                })
            };
            // The name before the apposition may close a parenthesis ("Sen. Al Poe (D-Ore.),").
            let before_comma = |k: usize| match toks[k].text {
                ")" => source_before(toks, k),
                _ => np_ending_at(toks, k),
            };
            comma
                .checked_sub(1)
                .and_then(before_comma)
                .filter(|r| !opening_phrase(r))
                .and_then(named)
                .or_else(|| np_ending_at(toks, b.checked_sub(1)?).and_then(named))
        }
        _ => np_ending_at(toks, b),
    }
}

/// Whether the source phrase before a guarded cue meets its guard: its head is capitalised
/// ("the White House", "Trump"), a pronoun, or closes a parenthesis after a name ("Roe
/// (D-Mo.)"), or for evidence verbs a document ("the records").
fn guard_met(toks: &[Tok<'_>], r: &Range<usize>, g: lexicon::Guard) -> bool {
    let Some(h) = r.end.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    // "Clinton's advisers believe": a group of people names its holders of a view.
    let named = h.capitalized() || h.text == ")" || lexicon::is_people(h.lower);
    let pronoun = lexicon::PRONOUNS.contains(&h.lower);
    match g {
        lexicon::Guard::Named => named || pronoun,
        lexicon::Guard::Name => (named && !pronoun) || matches!(h.lower, "he" | "she" | "they"),
        lexicon::Guard::Evidence => lexicon::is_evidence(h.lower),
        lexicon::Guard::Text => lexicon::is_document(h.lower),
        lexicon::Guard::Anywhere => true,
    }
}

fn span_of(toks: &[Tok<'_>], r: &Range<usize>) -> Option<Span> {
    Some(Span::new(
        toks.get(r.start)?.start,
        toks.get(r.end.checked_sub(1)?)?.end,
    ))
}

/// The first noun phrase of a sentence before token `upto` (its subject, usually), past
/// opening punctuation and a leading adverbial ("On Sunday, Clinton …", "But Clinton …").
fn subject(toks: &[Tok<'_>], upto: usize) -> Option<Range<usize>> {
    let toks = toks.get(..upto)?;
    let coordinator = |t: &Tok<'_>| {
        matches!(
            t.lower,
            "and" | "but" | "now" | "or" | "so" | "still" | "then" | "yet"
        )
    };
    let mut i = toks.iter().position(|t| t.word)?;
    while toks.get(i).is_some_and(coordinator) {
        i += 1;
    }
    let first = toks.get(i)?;
    let adverbial = !first.flags.determiner()
        && (lexicon::is_conjunction(first.lower)
            || first.between()
            || lexicon::is_preposition(first.lower)
            || first.lower.ends_with("ing"));
    if adverbial {
        i = toks[i..]
            .iter()
            .take(20)
            .position(|t| t.text == ",")
            .map_or(i + 1, |c| i + c + 1);
        // The comma was inside a date's "July 6, 2015,": the adverbial ends after the year.
        if toks
            .get(i)
            .is_some_and(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
            && toks.get(i + 1).is_some_and(|t| t.text == ",")
        {
            i += 2;
        }
        while toks.get(i).is_some_and(coordinator) {
            i += 1;
        }
    }
    np_starting_at(toks, i, false)
}

struct Found {
    cue: Span,
    source: Option<Span>,
    content: Span,
    kind: CueKind,
    /// Labels a quoted transcript turn: the cue sits inside the quotation it attributes.
    turn: bool,
}

/// Whether `t` is a participle a form of "be" can make passive ("was reported").
fn participle(t: &Tok<'_>) -> bool {
    t.lower.ends_with("ed") || matches!(t.lower, "said" | "told" | "known" | "shown")
}

/// A cue word in a sense that reports nothing: "called" naming something ("a firm called
/// Gavekal", "the so called plan"), "added" adding ("added to the tension", "added up"),
/// "showed up", and the byline note "Davis reported from Kabul".
fn not_reporting(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    let next = toks.get(i + 1);
    match t.lower {
        "called" => {
            let a_name_follows = next.is_some_and(|n| {
                n.capitalized() || n.is("the") || matches!(n.text, "“" | "\"" | "#")
            });
            let so = i > 0 && toks[i - 1].is("so");
            // "a firm called", "a short film called": an indefinite noun phrase just before,
            // not the sentence's subject ("A union called the strike unlawful").
            let first_word = toks.iter().position(|t| t.word);
            let indefinite = i > 0
                && toks[i - 1].word
                && !toks[i - 1].capitalized()
                && !toks[i - 1].flags.not_source()
                && (2..=4).any(|k| {
                    i.checked_sub(k).is_some_and(|d| {
                        matches!(toks[d].lower, "a" | "an")
                            && Some(d) != first_word
                            && toks[d + 1..i].iter().all(|t| t.word)
                    })
                });
            a_name_follows && (so || indefinite)
        }
        "added" => next.is_some_and(|n| n.is("to") || n.is("up")),
        "showed" | "show" | "shows" | "showing" => next.is_some_and(|n| n.is("up")),
        "reported" => next.is_some_and(|n| n.is("from")),
        _ => false,
    }
}

/// Every attribution in one sentence (`range`, document offsets of the prose), split into
/// `toks` whose ASCII words have the flags `words`; `anonymous` are the matches of
/// `ANONYMOUS_PHRASE` in it.
fn sentence_attributions(
    doc: &Document,
    range: Range<usize>,
    toks: &[Tok<'_>],
    words: lexicon::Flags,
    anonymous: &[Span],
    out: &mut Vec<Found>,
) {
    let prose = doc.prose();
    let sent = Span::new(range.start, range.end);
    let base = out.len();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // Most words are no cue and none of the words below: pass them by.
        let looked_for =
            t.flags.may_cue() || t.is("according") || t.is("went") || (i == 0 && t.text == "In");
        if t.word && !looked_for {
            i += 1;
            continue;
        }
        if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            let cue = Span::new(t.start, toks[i + 1].end);
            let np = np_starting_at(toks, i + 2, true);
            let source = np.as_ref().and_then(|r| span_of(toks, r));
            let after = np.as_ref().map_or(i + 2, |r| r.end);
            let content = if toks[..i].iter().any(|t| t.word) {
                Span::new(sent.start, cue.start)
            } else {
                let from = toks[after..]
                    .iter()
                    .find(|t| t.word)
                    .map_or(sent.end, |t| t.start);
                Span::new(from, sent.end)
            };
            out.push(Found {
                cue,
                source,
                content,
                kind: CueKind::AccordingTo,
                turn: false,
            });
            i = after.max(i + 2);
            continue;
        }
        // "In a CNN poll released Monday, 50 percent …": the poll is the source.
        if i == 0
            && t.text == "In"
            && let Some(comma) = toks.iter().take(14).position(|t| t.text == ",")
            && toks[1..comma].iter().any(|t| lexicon::is_evidence(t.lower))
        {
            let np = 1..comma;
            out.push(Found {
                cue: Span::new(t.start, t.end),
                source: span_of(toks, &np),
                content: Span::new(toks.get(comma + 1).map_or(sent.end, |n| n.start), sent.end),
                kind: CueKind::AccordingTo,
                turn: false,
            });
            i = comma + 1;
            continue;
        }
        if t.text == ":" {
            // "Tokayev: We will not yield" (headline, transcript): a label of names, also at
            // the head of a quoted transcript turn ("“PENCE: Well, look…").
            let first = usize::from(toks.first().is_some_and(|t| matches!(t.text, "“" | "\"")));
            let label = i > first
                && i <= first + 5
                && toks[first..i]
                    .iter()
                    .all(|t| t.capitalized() || t.text == ".")
                && !LABELS.contains(&toks[first].lower)
                && !toks[first].flags.determiner()
                && toks
                    .get(i + 1)
                    .is_some_and(|n| !n.text.starts_with(|c: char| c.is_ascii_digit()));
            // A colon that opens a quotation, here or in the next paragraph ("He said:").
            let introduces = prose
                .get(t.end..)
                .is_some_and(|rest| rest.trim_start().starts_with(['“', '"']));
            let cue_before = out
                .iter()
                .any(|f| f.cue.start >= sent.start && f.cue.end <= t.start);
            if label || (introduces && !cue_before) {
                // Without a verb the sentence's subject is a guess: trust a pronoun, a
                // phrase of two words or more ("The ministry was blunt:") or one a verb
                // follows ("Trump boomed:"), not a lone capitalised first word ("Wait, it
                // gets better:").
                let source = if label {
                    span_of(toks, &(first..i))
                } else {
                    subject(toks, i)
                        .filter(|r| {
                            r.len() > 1
                                || lexicon::PRONOUNS.contains(&toks[r.start].lower)
                                || toks.get(r.end).is_some_and(|t| t.word)
                        })
                        .and_then(|r| span_of(toks, &r))
                };
                let from = toks.get(i + 1).map_or(sent.end, |n| n.start);
                out.push(Found {
                    cue: Span::new(t.start, t.end),
                    source,
                    content: Span::new(from, sent.end),
                    kind: CueKind::Colon,
                    turn: label && first == 1,
                });
            }
            i += 1;
            continue;
        }
        // A dash signs a quotation right after it, in this sentence or closing the one
        // before; a dash that opens a list item or a subhead ("– Old hands –.") signs nothing.
        let after_quote = || match i.checked_sub(1) {
            Some(p) => matches!(toks[p].text, "”" | "\""),
            None => prose
                .get(..sent.start)
                .is_some_and(|before| before.trim_end().ends_with(['”', '"'])),
        };
        if matches!(t.text, "―" | "—" | "–")
            && after_quote()
            && let Some(np) = np_starting_at(toks, i + 1, false)
        {
            out.push(Found {
                cue: Span::new(t.start, t.end),
                source: span_of(toks, &np),
                content: Span::new(sent.start, t.start.max(sent.start)),
                kind: CueKind::Dash,
                turn: false,
            });
            i = np.end;
            continue;
        }
        let before_that =
            t.flags.cue_before_that() && toks.get(i + 1).is_some_and(|n| n.is("that"));
        let put_it = t.flags.cue_before_it()
            && toks.get(i + 1).is_some_and(|n| n.is("it"))
            && toks
                .get(i + 2)
                .is_some_and(|n| lexicon::PUT_IT_BEFORE.contains(&n.lower));
        // A name or a pronoun just before: the subject a phrasal cue needs.
        let after_subject = || {
            i > 0
                && (toks[i - 1].text.starts_with(char::is_uppercase)
                    || lexicon::PRONOUNS.contains(&toks[i - 1].lower))
        };
        // "Bozell points out" reports; "points" alone, or "scored 20 points out of 30", is a
        // score.
        let points_out = matches!(t.lower, "point" | "points")
            && toks.get(i + 1).is_some_and(|n| n.is("out"))
            && after_subject();
        // "“…,” Trump went on, as if": carrying on a quote beside it; "went on strike" and
        // "they went on, and on" report nothing.
        let quote_mark = |k: usize| {
            toks.get(k)
                .is_some_and(|n| matches!(n.text, "”" | "“" | "\""))
        };
        let went_on = t.lower == "went"
            && toks.get(i + 1).is_some_and(|n| n.is("on"))
            && toks
                .get(i + 2)
                .is_none_or(|n| matches!(n.text, "," | "." | ";" | ":"))
            && after_subject()
            && (quote_mark(i + 3) || (i.saturating_sub(4)..i).any(quote_mark));
        let cue = t.flags.cue() || before_that || put_it || points_out || went_on;
        let guard = if cue { None } else { t.flags.guard() };
        // A text "reads" what it says: a verb of saying, under its guard.
        let stance = guard.is_some_and(|g| g != lexicon::Guard::Text);
        // Most words are no cue: the tests of the words around one come after.
        if !t.word || !(cue || guard.is_some()) {
            i += 1;
            continue;
        }
        // An infinitive ("to say", "to tell") is an intention, not an attribution, unless it
        // carries on a report ("went on to say", "is likely to argue", "chose not to
        // discuss"); after a determiner or a possessive the word is a noun ("his claims",
        // "Trump’s tweets").
        let reported_infinitive =
            i > 1 && toks[i - 1].is("to") && matches!(toks[i - 2].lower, "on" | "likely" | "not");
        let noun_or_infinitive = i > 0 && {
            let p = &toks[i - 1];
            (p.is("to") && !reported_infinitive) || NOUN_MARKERS.contains(&p.lower) || possessive(p)
        };
        if (noun_or_infinitive && !before_that && !t.flags.noun_cue()) || not_reporting(toks, i) {
            i += 1;
            continue;
        }
        // Skip auxiliaries and adverbs back to the word before them, and the light verb of
        // "made it clear", "made no mention".
        let light = matches!(t.lower, "clear" | "mention");
        let mut j = i;
        while j > 0
            && i - j < 3
            && (toks[j - 1].between()
                || (light
                    && matches!(
                        toks[j - 1].lower,
                        "it" | "no" | "made" | "make" | "makes" | "making"
                    )))
        {
            j -= 1;
        }
        let before = j.checked_sub(1).map(|b| &toks[b]);
        let passive = before.is_some_and(|b| lexicon::BE.contains(&b.lower)) && participle(t);
        let mut source_after = None;
        let np = if passive {
            if toks.get(i + 1).is_some_and(|n| n.is("by")) {
                source_after = np_starting_at(toks, i + 2, true);
            }
            None
        } else {
            // "Smith went on to say": the source stands before the verb that carries the
            // infinitive.
            let end = if reported_infinitive {
                i.checked_sub(3)
            } else {
                Some(j)
            };
            // A participle after a comma or after an object ("…, saying", "issued a
            // statement saying") shares the clause's subject, not the phrase before it.
            let ing = t.lower.ends_with("ing");
            let object = |r: &Range<usize>| {
                r.start.checked_sub(1).is_some_and(|p| {
                    let w = &toks[p];
                    w.word
                        && !w.capitalized()
                        && !w.flags.not_source()
                        && !lexicon::is_preposition(w.lower)
                        && !w.between()
                })
            };
            let after_comma = before.is_some_and(|b| b.text == ",");
            let left = end
                .and_then(|e| e.checked_sub(1))
                .and_then(|b| source_before(toks, b))
                .filter(|r| !(ing && (after_comma || object(r))));
            // Only verbs of saying invert ("…,” said Smith); "…, praised the efforts" has an
            // object after it, not a source.
            if left.is_none() && before.is_none_or(Tok::closing_punct) && lexicon::inverts(t.lower)
            {
                // "…, said it was late": after a plain comma a pronoun is what is said.
                // "…,” said former governor Howard Dean": a title in lower case may lead
                // the name.
                source_after = np_starting_at(toks, i + 1, false)
                    .filter(|r| {
                        !(after_comma
                            && r.len() == 1
                            && lexicon::PRONOUNS.contains(&toks[r.start].lower))
                    })
                    .or_else(|| {
                        np_starting_at(toks, i + 1, true)
                            .filter(|r| r.len() > 1 && toks[r.end - 1].capitalized())
                    });
            }
            left
        };
        if let Some(g) = guard
            && g != lexicon::Guard::Anywhere
            && (passive || !np.as_ref().is_some_and(|r| guard_met(toks, r, g)))
        {
            i += 1;
            continue;
        }
        // A participle or a second verb shares the source of the attribution before it in the
        // sentence ("“…,” McCain said, citing…"), else the sentence's subject ("…, adding").
        let shares_source = !passive
            && (reported_infinitive
                || t.lower.ends_with("ing")
                || before.is_some_and(|b| b.is("and") || b.is(",")));
        let source = match np.clone().or(source_after.clone()) {
            Some(r) => span_of(toks, &r),
            None if shares_source => out[base..]
                .iter()
                .find_map(|f| f.source)
                .or_else(|| subject(toks, i).and_then(|r| span_of(toks, &r))),
            // "A person familiar with the planning for the meeting says": a description too
            // long for a noun phrase is the source all the same.
            None => toks[..j]
                .iter()
                .rposition(|b| !lexicon::BE.contains(&b.lower))
                .map(|b| &toks[b])
                .filter(|b| b.word)
                .map(|b| Span::new(b.start, b.end))
                .filter(|&end| anonymous_phrase_before(prose, anonymous, end).is_some()),
        }
        .map(|src| {
            anonymous_phrase_before(prose, anonymous, src)
                .map_or(src, |m| Span::new(m.start, src.end))
        })
        .filter(|_| !lexicon::is_raising(t.lower));
        // Content: what follows the cue, or what precedes the source when they close the
        // sentence ("The plan is dead, Smith said.").
        let group_start = np.as_ref().map_or(j, |r| r.start);
        let group_end = source_after.as_ref().map_or(i + 1, |r| r.end);
        let tail_words = toks[group_end..].iter().filter(|t| t.word).count();
        let content = if group_start > 0 && toks[group_start - 1].closing_punct() && tail_words < 4
        {
            Span::new(sent.start, toks[group_start - 1].start)
        } else {
            let mut from = group_end;
            while toks
                .get(from)
                .is_some_and(|t| t.is("that") || t.text == ":" || t.text == ",")
            {
                from += 1;
            }
            Span::new(toks.get(from).map_or(sent.end, |t| t.start), sent.end)
        };
        out.push(Found {
            cue: Span::new(t.start, t.end),
            source,
            content,
            kind: if stance {
                CueKind::Stance
            } else {
                CueKind::Verb
            },
            turn: false,
        });
        i = group_end.max(i + 1);
    }
    // Hedges the verb lexicon did not already mark ("reportedly", "it is believed").
    let Some(text) = prose.get(range.clone()) else {
        return;
    };
    let first_new = out.partition_point(|f| f.cue.start < sent.start);
    let hedges = words.may_hedge().then(|| HEDGE.find_iter(text));
    for m in hedges.into_iter().flatten() {
        let span = Span::new(range.start + m.start(), range.start + m.end());
        let overlapping = out[first_new..]
            .iter_mut()
            .find(|f| f.cue.start < span.end && span.start < f.cue.end);
        if let Some(f) = overlapping {
            // "it was reported", "critics say": the verb's attribution is the hedge.
            let vague = f
                .source
                .is_none_or(|s| prose.get(s.range()).is_some_and(lexicon::is_vague));
            if vague {
                f.cue = Span::new(span.start.min(f.cue.start), span.end.max(f.cue.end));
                f.kind = CueKind::Hedge;
            }
            continue;
        }
        out.push(Found {
            cue: span,
            source: None,
            content: sent,
            kind: CueKind::Hedge,
            turn: false,
        });
    }
    out[first_new..].sort_by_key(|f| f.cue.start);
}

/// A stance inside what another cue of the sentence reports ("Smith said Jones backed the
/// plan"), or one whose content holds that cue, is part of that attribution, not one of its
/// own (PolNeAR marks it as one about one time in five); so is a weak cue inside another's
/// content ("the ad, which she called false").
fn drop_nested(prose: &str, sentence: &mut Vec<Found>) {
    if sentence.len() < 2 {
        return;
    }
    let reports: Vec<(Span, Span)> = sentence
        .iter()
        .filter(|f| f.kind != CueKind::Stance)
        .map(|f| (f.cue, f.content))
        .collect();
    sentence.retain(|f| {
        let inside = |&(cue, content): &(Span, Span)| cue != f.cue && content.contains(f.cue.start);
        if f.kind == CueKind::Stance {
            !reports
                .iter()
                .any(|r| inside(r) || f.content.contains(r.0.start))
        } else {
            !(reports.iter().any(inside)
                && prose.get(f.cue.range()).is_some_and(|word| {
                    crate::text::with_lowercase(word, lexicon::is_weak_when_nested)
                }))
        }
    });
}

/// How far past "a source familiar with" its description runs, in bytes.
const ANONYMOUS_REACH: usize = 60;

/// The description of an unnamed source that `src` lies in ("the negotiations" in "A source
/// familiar with the negotiations said"), which is then the whole source: one that starts
/// before it, reaches it, and is not inside a quotation that closes before it.
fn anonymous_phrase_before(prose: &str, anonymous: &[Span], src: Span) -> Option<Span> {
    anonymous.iter().copied().find(|m| {
        m.start < src.start
            && src.start <= m.end + ANONYMOUS_REACH
            // The phrase may end inside the source: "an aide who spoke [anonymously]".
            && prose
                .get(m.end.min(src.start)..src.start)
                .is_some_and(|gap| !gap.contains(['"', '“', '”']))
    })
}

fn is_pronoun(text: &str) -> bool {
    crate::text::with_lowercase(text, |lower| lexicon::PRONOUNS.contains(&lower))
}

/// A source that names someone: starts with a capital and is not a pronoun.
fn names_someone(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
        && crate::text::with_lowercase(first, |lower| {
            !lexicon::PRONOUNS.contains(&lower) && !lexicon::is_determiner(lower)
        })
}

/// `anonymous_phrase`: the source is described as an unnamed one (`ANONYMOUS_PHRASE`).
fn is_anonymous(source: Option<&Excerpt>, anonymous_phrase: bool) -> bool {
    let anonymous_head = source.is_some_and(|s| {
        let last = s.text.split_whitespace().next_back().unwrap_or("");
        let named = || {
            s.text
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .nth(1)
                .is_some()
        };
        crate::text::with_lowercase(last, |last| lexicon::ANONYMOUS_HEADS.contains(&last))
            && !named()
    });
    anonymous_head || anonymous_phrase
}

/// Quotations (outer level) with their speakers, and every attribution.
pub fn find(doc: &Document, entities: &[Entity]) -> (Vec<QuoteFact>, Vec<Attribution>) {
    let prose = doc.prose();
    let text = doc.text();
    let mut found = Vec::new();
    let mut here = Vec::new();
    let mut toks = Vec::new();
    let mut anonymous = Vec::new();
    for (si, s) in doc.sentences().iter().enumerate() {
        let words = tokens(doc, s.clone(), &mut toks);
        anonymous.clear();
        if words.may_name_anonymously()
            && let Some(text) = prose.get(s.clone())
        {
            anonymous.extend(
                ANONYMOUS_PHRASE
                    .find_iter(text)
                    .map(|m| Span::new(s.start + m.start(), s.start + m.end())),
            );
        }
        sentence_attributions(doc, s.clone(), &toks, words, &anonymous, &mut here);
        // A cue inside a quotation is the quoted speaker's own words, not the story's
        // attribution.
        here.retain(|f| f.turn || !quoted(doc, f.cue.start));
        if !here.is_empty()
            && words.may_hold_idiom()
            && let Some(text) = prose.get(s.clone())
        {
            let idioms: Vec<_> = IDIOM.find_iter(text).map(|m| m.range()).collect();
            here.retain(|f| {
                !idioms
                    .iter()
                    .any(|m| s.start + m.start <= f.cue.start && f.cue.end <= s.start + m.end)
            });
        }
        drop_nested(prose, &mut here);
        // The phrase makes unnamed only the source it describes, not a "he" or a bare "asked"
        // elsewhere in the sentence.
        found.extend(here.drain(..).map(|f| {
            let described = f
                .source
                .is_some_and(|s| anonymous.iter().any(|m| m.start < s.end && s.start < m.end));
            (f, si, described)
        }));
    }
    let mentions = mention_index(entities);
    let mut last_named: Option<Excerpt> = None;
    let mut attributions = Vec::with_capacity(found.len());
    for (f, si, anonymous_phrase) in found {
        let source = f.source.map(|s| Excerpt::new(text, s));
        let source_resolved = match &source {
            Some(s) if is_pronoun(&s.text) => last_named.clone(),
            Some(s) if names_someone(&s.text) => {
                last_named = Some(s.clone());
                None
            }
            _ => None,
        };
        let anonymous = f.kind != CueKind::Hedge && is_anonymous(source.as_ref(), anonymous_phrase);
        attributions.push(Attribution {
            cue: Excerpt::new(text, f.cue),
            source,
            content: f.content,
            kind: f.kind,
            source_resolved,
            anonymous,
            sentence: si,
        });
    }
    let quotes = quote_facts(doc, &attributions, &mentions);
    (quotes, attributions)
}

/// Whether `at` lies inside a quotation that closes or runs on (an unclosed mark proves
/// nothing about what follows it).
fn quoted(doc: &Document, at: usize) -> bool {
    let quotes = &doc.quotes().quotes;
    let k = quotes.partition_point(|q| q.span.start <= at);
    // Outer quotations do not overlap: only the last one opening before `at` can hold it.
    quotes[..k]
        .iter()
        .rev()
        .find(|q| q.depth == 0)
        .is_some_and(|q| at < q.span.end && q.end != QuoteEnd::Unclosed)
}

/// Every mention of every entity, sorted by start: (start, end, entity index).
fn mention_index(entities: &[Entity]) -> Vec<(usize, usize, usize)> {
    let mut v: Vec<_> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    v.sort_unstable();
    v
}

/// The entity one of whose mentions covers (or sits inside) `span`.
fn entity_at(mentions: &[(usize, usize, usize)], span: Span) -> Option<usize> {
    let upto = mentions.partition_point(|m| m.0 < span.end.max(span.start + 1));
    // Mentions do not nest deeply: look back a few for one reaching the span.
    mentions[..upto]
        .iter()
        .rev()
        .take(8)
        .find(|m| m.1 > span.start && (m.0 >= span.start || m.1 >= span.end))
        .map(|m| m.2)
}

/// Whether a quotation reads as a whole sentence rather than a partial quote or a title: it
/// is capitalised, ends in punctuation, has a few words, and opens its sentence or follows a
/// comma, a colon, a dash or a cue ("said “We…”", not "read “The Art of War.”").
fn full_sentence(doc: &Document, q: &crate::text::Quote) -> bool {
    let prose = doc.prose();
    let sentence_start = doc
        .sentence_at(q.span.start)
        .and_then(|i| doc.sentences().get(i))
        .map_or(q.span.start, |s| s.start.min(q.span.start));
    let lead = prose
        .get(sentence_start..q.span.start)
        .unwrap_or("")
        .trim_end();
    let last_word = lead
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let introduced = lead.is_empty()
        || lead.ends_with([',', ':', '—', '–', '(', '“', '"'])
        || crate::text::with_lowercase(last_word, lexicon::is_cue);
    let (end, continued) = (q.end, q.continued);
    let Some(c) = prose.get(q.content.clone()) else {
        return false;
    };
    let c = c.trim();
    let starts_upper = c
        .chars()
        .find(|ch| ch.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let ends_like_sentence = c.ends_with(['.', '?', '!', '…', ',']) || end != QuoteEnd::Closed;
    // At least three words.
    introduced
        && (starts_upper || continued)
        && ends_like_sentence
        && c.split_whitespace().nth(2).is_some()
}

fn quote_facts(
    doc: &Document,
    attributions: &[Attribution],
    mentions: &[(usize, usize, usize)],
) -> Vec<QuoteFact> {
    let mut out: Vec<QuoteFact> = Vec::new();
    let mut carried: Option<(Option<Excerpt>, Option<Excerpt>, Option<Excerpt>)> = None;
    for q in doc.quotes().quotes.iter().filter(|q| q.depth == 0) {
        let span = Span::new(q.span.start, q.span.end);
        let found = speaker_of(doc, attributions, span);
        let (speaker, cue, resolved) = match (found, q.continued, &carried) {
            (Some(a), _, _) => (
                a.source.clone(),
                Some(a.cue.clone()),
                a.source_resolved.clone().or_else(|| a.source.clone()),
            ),
            (None, true, Some(c)) => c.clone(),
            _ => (None, None, None),
        };
        // A multi-paragraph quotation is attributed once, often in its last paragraph: give
        // the speaker back to the paragraphs before it.
        if speaker.is_some() && q.continued {
            for prev in out.iter_mut().rev() {
                if prev.speaker.is_some() || !(prev.end_kind == QuoteEnd::RunsOn) {
                    break;
                }
                prev.speaker = speaker.clone();
                prev.cue = cue.clone();
                prev.speaker_resolved = resolved.clone();
                prev.speaker_entity = resolved
                    .as_ref()
                    .and_then(|r| entity_at(mentions, r.span()));
            }
        }
        carried =
            (q.end == QuoteEnd::RunsOn).then(|| (speaker.clone(), cue.clone(), resolved.clone()));
        out.push(QuoteFact {
            start: span.start,
            end: span.end,
            end_kind: q.end,
            speaker_entity: resolved
                .as_ref()
                .and_then(|r| entity_at(mentions, r.span())),
            speaker,
            cue,
            speaker_resolved: resolved,
            full_sentence: full_sentence(doc, q),
            continued: q.continued,
        });
    }
    out
}

/// The attribution that carries a quotation: one whose cue is in the quotation's sentences
/// (outside the marks), else in the sentence before or after it in the same paragraph.
fn speaker_of<'a>(
    doc: &Document,
    attributions: &'a [Attribution],
    q: Span,
) -> Option<&'a Attribution> {
    let first = doc.sentence_at(q.start)?;
    let last = doc
        .sentence_at(q.end.saturating_sub(1).max(q.start))
        .unwrap_or(first);
    let block = doc.block_at(q.start)?;
    let in_block = doc.block_sentences(block);
    let lo = first.saturating_sub(1).max(in_block.start);
    let hi = (last + 1).min(in_block.end.saturating_sub(1));
    let from = attributions.partition_point(|a| a.sentence < lo);
    let to = attributions.partition_point(|a| a.sentence <= hi);
    let candidates = attributions.get(from..to)?;
    // The next sentence attributes the quotation only when it opens with the source ("“…”
    // Smith added that…"), not when it merely mentions someone saying something.
    let opens_with_source = |a: &Attribution| {
        let Some((src, sent)) = a.source.as_ref().zip(doc.sentences().get(a.sentence)) else {
            return false;
        };
        doc.prose()
            .get(sent.start..src.start.max(sent.start))
            .is_some_and(|lead| !lead.chars().any(char::is_alphanumeric))
    };
    let usable = |a: &&Attribution| {
        !matches!(a.kind, CueKind::Hedge | CueKind::Stance)
            && a.source.is_some()
            && (a.sentence <= last || opens_with_source(a))
    };
    let distance = |a: &Attribution| {
        if (first..=last).contains(&a.sentence) {
            // Same sentence: nearest to the quotation's edges.
            (
                0,
                a.cue.start.abs_diff(q.end).min(a.cue.end.abs_diff(q.start)),
            )
        } else if a.sentence < first {
            (1, q.start - a.cue.end.min(q.start))
        } else {
            (2, a.cue.start.saturating_sub(q.end))
        }
    };
    candidates
        .iter()
        .filter(usable)
        .min_by_key(|a| distance(a))
        .or_else(|| introduced_by_previous_block(doc, attributions, q, block))
}

/// A quotation that opens its paragraph after one ending in a colon ("He said:") takes that
/// colon's attribution.
fn introduced_by_previous_block<'a>(
    doc: &Document,
    attributions: &'a [Attribution],
    q: Span,
    block: usize,
) -> Option<&'a Attribution> {
    let this = doc.blocks().get(block)?;
    let prev = doc.blocks().get(block.checked_sub(1)?)?;
    if doc.prose().get(this.start..q.start)?.trim() != ""
        || !doc.prose().get(prev.clone())?.trim_end().ends_with(':')
    {
        return None;
    }
    let last_sentence = doc.block_sentences(block - 1).end.checked_sub(1)?;
    let from = attributions.partition_point(|a| a.sentence < last_sentence);
    let to = attributions.partition_point(|a| a.sentence <= last_sentence);
    attributions
        .get(from..to)?
        .iter()
        .rev()
        .find(|a| a.kind != CueKind::Hedge && a.source.is_some())
}

/// Whether an attribution vouches for `span`: its content contains the span, or the span lies
/// within the sentence that holds the cue, or within the next sentence of the same paragraph
/// ("Police said 12 people died. Another 40 were hurt."). Hedges ("reportedly") vouch for
/// nothing, and neither does an attribution with no source.
pub fn covers(attributions: &[Attribution], doc: &Document, span: Span) -> bool {
    let Some(block) = doc.block_at(span.start) else {
        return false;
    };
    let sentences = doc.block_sentences(block);
    let from = attributions.partition_point(|a| a.sentence < sentences.start);
    let to = attributions.partition_point(|a| a.sentence < sentences.end);
    let within = |r: Span| r.start <= span.start && span.end <= r.end;
    let sentence = |i: usize| doc.sentences().get(i).map(|r| Span::from(r.clone()));
    attributions
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .any(|a| {
            a.kind != CueKind::Hedge
                && a.source.is_some()
                && (within(a.content)
                    || sentence(a.sentence).is_some_and(within)
                    || (a.sentence + 1 < sentences.end
                        && sentence(a.sentence + 1).is_some_and(within)))
        })
}

/// Markdown for an editor hover on a quotation: who said it, named in full.
pub fn describe_quote(q: &QuoteFact, entities: &[Entity]) -> String {
    let Some(speaker) = &q.speaker else {
        return "**No speaker found** for this quotation in its sentence or paragraph.".to_owned();
    };
    let full = q
        .speaker_entity
        .and_then(|i| entities.get(i))
        .map(|e| e.name.clone())
        .or_else(|| q.speaker_resolved.as_ref().map(|r| r.text.clone()))
        .unwrap_or_else(|| speaker.text.clone());
    let mut s = format!("said by **{full}**");
    if full != speaker.text {
        s.push_str(&format!(" (“{}” here)", speaker.text));
    }
    if let Some(cue) = &q.cue {
        s.push_str(&format!(", cue “{}”", cue.text));
    }
    s
}

#[cfg(test)]
mod tests;
