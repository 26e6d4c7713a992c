//! Entities: the people, organisations and places a story names, grouped by who they are.
//!
//! One pass over the prose, sentence by sentence: capitalised runs (with their connectors,
//! hyphens and apostrophes, and non-Latin names) become candidate mentions; titles and
//! nationality adjectives in front are split off; cues (titles, organisation and place words,
//! prepositions) and the gazetteer give each a kind; mentions are then grouped by exact name,
//! surname, acronym definitions, native-script glosses and near-identical spellings.
//! All-capitals headlines only name what the story or the gazetteer already knows.

mod card;
pub mod lexicon;
mod names;

pub use card::{card, entity_at};
pub use names::{NameEntry, Names};

use crate::config::Config;
use crate::finding::Span;
use crate::text::{Document, Format, Words};
use foldhash::{HashMap, HashSet};
use lexicon::{Fact, GAZETTEER};
use regex::Regex;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// The full name ("Kassym-Jomart Tokayev", "Collective Security Treaty Organization").
    Full,
    /// Part of the name: a surname, with or without a title ("Tokayev", "President Tokayev").
    Short,
    /// An acronym defined in the text or known to the gazetteer ("CSTO").
    Acronym,
    /// The name in its own script next to the Latin one ("王毅").
    Gloss,
    /// A nationality adjective or people ("Kazakh", "Germans").
    Nationality,
    /// A mention in a headline (all capitals or Title Case) or an all-capitals dateline.
    Headline,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: Form,
    /// The title or role written in front of the name ("Acting Prime Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Spelled differently from the entity's name (or from the names file).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub variant: bool,
}

/// Who the story says an entity is, and where it says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Description {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One entity and every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    pub mentions: Vec<Mention>,
    /// Index into `mentions` of the first full reference.
    pub definition: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Description>,
    /// The long form of an acronym, or the acronym of a long name, as the story defines it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    /// Every distinct spelling used, in order of first use.
    pub aliases: Vec<String>,
    /// What the names file or gazetteer knows (one line each).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// The names file's preferred spelling, when the story's differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<String>,
    /// The names file or gazetteer knows this name (or acronym).
    #[serde(skip)]
    pub known: bool,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl Entity {
    /// The first full reference.
    pub fn definition_mention(&self) -> Option<&Mention> {
        self.mentions.get(self.definition).or(self.mentions.first())
    }
}

#[derive(Clone, Debug)]
struct Token<'a> {
    start: usize,
    end: usize,
    /// The word without a possessive `'s`.
    word: &'a str,
    possessive: bool,
    cap: bool,
    has_lower: bool,
    /// First word of a sentence, a line, a quotation or a clause after a colon or dash.
    initial: bool,
    /// Part of a headline: an all-capitals line (headline, dateline) or a Title Case heading,
    /// where capitals do not mark names.
    headline: bool,
    /// The first word after a line break.
    line_start: bool,
}

/// A candidate mention before grouping.
#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    name: String,
    tokens: usize,
    kind: Kind,
    strong: bool,
    form: Form,
    title: Option<(String, usize)>,
}

/// A name as one line: a hard-wrapped "Marco\nFerreira" is "Marco Ferreira".
fn one_line(s: &str) -> Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(s)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// A word that can be (part of) a name: capitalised, non-Latin script, or an Arabic-style
/// particle with a capitalised name after its hyphen ("al-Assad").
fn is_cap(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if first.is_uppercase() || is_cjk(first) {
        return true;
    }
    // The particles are two or three letters: only a hyphen among the first four bytes counts.
    let hyphen = word.bytes().take(4).position(|b| b == b'-');
    hyphen
        .and_then(|h| Some((word.get(..h)?, word.get(h + 1..)?)))
        .is_some_and(|(pre, rest)| {
            matches!(
                pre,
                "al" | "el" | "ad" | "as" | "an" | "ash" | "bin" | "ibn" | "abu"
            ) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

fn tokens_of<'a>(prose: &'a str, range: std::ops::Range<usize>) -> Vec<Token<'a>> {
    let Some(slice) = prose.get(range.clone()) else {
        return Vec::new();
    };
    // About one word per five bytes of news prose: sized once, not grown word by word.
    let mut out: Vec<Token<'a>> = Vec::with_capacity(slice.len() / 5 + 1);
    let mut prev_end = range.start;
    for m in crate::text::words(slice) {
        let start = range.start + m.start;
        let mut end = range.start + m.end;
        let mut word = slice.get(m.clone()).unwrap_or("");
        let mut possessive = false;
        // A possessive ends in 's, ’s (’ is E2 80 99), ' or ’.
        let suffix = match word.as_bytes() {
            [.., b'\'', b's'] => 2,
            [.., 0xE2, 0x80, 0x99, b's'] => 4,
            [.., b'\''] => 1,
            [.., 0xE2, 0x80, 0x99] => 3,
            _ => 0,
        };
        if suffix > 0
            && let Some(w) = word.get(..word.len() - suffix).filter(|w| !w.is_empty())
        {
            word = w;
            end -= suffix;
            possessive = true;
        }
        // Most words follow one space: nothing in it can start a clause or a line.
        let single_space = start == prev_end + 1 && prose.as_bytes().get(prev_end) == Some(&b' ');
        let (line_start, initial) = if single_space {
            (false, out.is_empty())
        } else {
            let gap = prose.get(prev_end..start).unwrap_or("");
            let line_start = gap.contains('\n');
            let initial = out.is_empty()
                || gap.contains(['"', '“', '‘', ':', '(', '—', '–', ';'])
                || gap.contains(" - ")
                || gap.contains("--")
                || line_start && !gap.trim_start().starts_with(',');
            (line_start, initial)
        };
        // ASCII lower case first is most words: no need to decode them, and only a particle
        // ("al-", "el-", "bin-", "ibn-") can make one a name.
        let (cap, has_lower) = match word.as_bytes().first() {
            Some(b) if b.is_ascii_lowercase() => {
                (matches!(b, b'a' | b'b' | b'e' | b'i') && is_cap(word), true)
            }
            _ => (
                is_cap(word),
                word.bytes().any(|b| b.is_ascii_lowercase())
                    || !word.is_ascii() && word.chars().any(char::is_lowercase),
            ),
        };
        out.push(Token {
            start,
            end,
            word,
            possessive,
            cap,
            has_lower,
            initial,
            headline: false,
            line_start,
        });
        prev_end = range.start + m.end;
    }
    // All-capitals lines: no word with a lower-case letter, some word of two capitals.
    let mut i = 0;
    while i < out.len() {
        let mut j = i + 1;
        while j < out.len() && !out[j].line_start {
            j += 1;
        }
        let line = &out[i..j];
        let caps = !line.iter().any(|t| t.has_lower)
            && line
                .iter()
                .any(|t| t.word.chars().filter(|c| c.is_uppercase()).count() >= 2);
        if caps {
            for t in &mut out[i..j] {
                t.headline = true;
            }
        }
        i = j;
    }
    out
}

/// Small words a Title Case headline leaves in lower case.
static TITLE_SMALL: Words = Words::new(&[
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "vs", "via", "into", "over", "per", "up",
]);

/// Whether a line's words are in Title Case: four words or more, every one capitalised (or a
/// number) but the small words, and one not all capitals (that is the all-capitals headline).
fn in_title_case(toks: &[Token<'_>]) -> bool {
    toks.len() >= 4
        && toks.iter().any(|t| t.cap && t.has_lower)
        && toks.iter().all(|t| {
            t.cap
                || t.word.starts_with(|c: char| c.is_ascii_digit())
                || crate::text::with_lowercase(t.word, |w| TITLE_SMALL.contains(w))
        })
}

/// Whether a token is an acronym: 2–6 capitals (dots allowed), maybe a digit ("G7").
fn is_acronym(word: &str) -> bool {
    let (mut letters, mut capitals) = (0, 0);
    for c in word.chars().filter(|c| *c != '.') {
        letters += 1;
        if c.is_uppercase() {
            capitals += 1;
        } else if !c.is_ascii_digit() || letters > 7 {
            return false;
        }
    }
    (2..=7).contains(&letters) && capitals >= 2
}

/// The gap between two words of one name: spaces, one line break inside a paragraph (a
/// hard-wrapped "Marco\nFerreira"), or an abbreviation's full stop ("Sen. Smith").
fn joins(prose: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    if a.possessive {
        return false;
    }
    let gap = prose.get(a.end..b.start).unwrap_or("");
    if gap.is_empty() || gap.matches('\n').count() > 1 {
        return false;
    }
    if gap
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\r' | '\n'))
    {
        return true;
    }
    if gap.contains('\n') {
        return false;
    }
    // "Farmers' Union": a plural possessive inside a name.
    if a.word.ends_with('s')
        && let Some(rest) = gap.strip_prefix(['\'', '’'])
        && !rest.is_empty()
        && rest.chars().all(|c| c == ' ')
    {
        return true;
    }
    let abbrev = a.word.chars().count() == 1
        || lexicon::TITLES.contains(a.word)
        || matches!(a.word, "St" | "Mt" | "Ft");
    abbrev
        && gap.starts_with('.')
        && gap[1..].chars().all(|c| c == ' ' || c == '\u{a0}')
        && gap.len() > 1
}

/// Whether connector `c` may join `prev` to what follows.
fn connector_ok(c: &str, prev: &str, prev_connector: Option<&str>) -> bool {
    match c {
        "of" | "for" if matches!(prev, "Inc" | "Corp" | "Ltd" | "Co" | "Plc" | "AG" | "SA") => {
            false
        }
        "of" | "for" => {
            lexicon::ORG_WORDS.contains(prev)
                || lexicon::ORG_FIRST.contains(prev)
                || lexicon::PLACE_WORDS.contains(prev)
                || lexicon::PLACE_FIRST.contains(prev)
                || lexicon::OTHER_WORDS.contains(prev)
                || matches!(
                    prev,
                    "City" | "Republic" | "Kingdom" | "Bank" | "Isle" | "Duke"
                )
        }
        "the" => prev_connector == Some("of"),
        // `runs` decides "and" ("Organisation for Security and Cooperation in Europe").
        "and" => false,
        _ => true,
    }
}

/// The capitalised runs of one sentence's tokens (outside all-capitals lines), as token
/// index ranges, into `out` (cleared first).
fn runs(prose: &str, toks: &[Token<'_>], out: &mut Vec<std::ops::Range<usize>>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap || toks[i].headline {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut last_connector = None;
        // The last "of"/"for" this name took, which lets a later "and" join.
        let mut used_of = None;
        while end < toks.len() {
            let prev = &toks[end - 1];
            let next = &toks[end];
            if next.cap && !next.headline && joins(prose, prev, next) {
                end += 1;
                last_connector = None;
                continue;
            }
            if next.word == "and"
                && (used_of.is_some()
                    || lexicon::ORG_WORDS.contains(prev.word)
                        && toks
                            .get(end + 2)
                            .is_some_and(|t| lexicon::ORG_WORDS.contains(t.word)))
                && toks.get(end + 1).is_some_and(|t| t.cap && !t.headline)
                && joins(prose, prev, next)
                && joins(prose, next, &toks[end + 1])
            {
                end += 2;
                continue;
            }
            // A connector (or two: "of the") followed by a capitalised word.
            let is_conn = |t: &Token<'_>| !t.cap && lexicon::CONNECTORS.contains(t.word);
            if is_conn(next) && connector_ok(next.word, prev.word, last_connector) {
                let mut k = end;
                let mut ok = joins(prose, prev, next);
                let mut conn = Some(next.word);
                while ok && k + 1 < toks.len() && is_conn(&toks[k + 1]) {
                    ok = connector_ok(toks[k + 1].word, toks[k].word, conn)
                        && joins(prose, &toks[k], &toks[k + 1]);
                    conn = Some(toks[k + 1].word);
                    k += 1;
                }
                if ok
                    && k + 1 < toks.len()
                    && toks[k + 1].cap
                    && !toks[k + 1].headline
                    && joins(prose, &toks[k], &toks[k + 1])
                {
                    end = k + 2;
                    last_connector = conn;
                    if matches!(conn, Some("of" | "for" | "the")) {
                        used_of = conn;
                    }
                    continue;
                }
            }
            if next.word == "&" {
                end += 1;
                continue;
            }
            break;
        }
        out.push(start..end);
        i = end;
    }
}

/// A nationality, people or creed word ("Kazakh", "Germans", "Moslem").
fn nationality(word: &str) -> Option<Option<&'static str>> {
    if lexicon::CREEDS.contains(word) {
        return Some(None);
    }
    GAZETTEER.lookup(word).iter().find_map(|f| match f {
        Fact::Demonym { country } => Some(Some(*country)),
        _ => None,
    })
}

/// The kind a gazetteer fact gives.
fn fact_kind(facts: &[Fact]) -> Option<Kind> {
    let rank = |f: &Fact| match f {
        Fact::Country { .. } => 0,
        Fact::Org { .. } => 1,
        Fact::Region { .. } => 2,
        Fact::City { .. } => 3,
        Fact::Demonym { .. } => 4,
    };
    facts.iter().min_by_key(|f| rank(f)).and_then(|f| match f {
        Fact::Country { .. } | Fact::Region { .. } | Fact::City { .. } => Some(Kind::Place),
        Fact::Org { .. } => Some(Kind::Organization),
        Fact::Demonym { .. } => None,
    })
}

fn names_kind(e: &NameEntry) -> Option<Kind> {
    match e.kind.as_deref()? {
        "person" => Some(Kind::Person),
        "organization" => Some(Kind::Organization),
        "place" => Some(Kind::Place),
        _ => Some(Kind::Other),
    }
}

const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "to",
    "into",
    "across",
    "outside",
    "inside",
    "toward",
    "towards",
    "via",
    "around",
    "throughout",
    "visit",
    "visited",
    "visiting",
];

/// The kind of a name from its words and the word before it; `strong` when a cue decided.
fn classify(
    words: &[Token<'_>],
    name: &str,
    prev: Option<&str>,
    person_title: bool,
    names: &Names,
) -> (Kind, bool) {
    let first = words.first().map_or("", |t| t.word);
    let last = words.last().map_or("", |t| t.word);
    if let Some(k) = names.get(name).and_then(names_kind) {
        return (k, true);
    }
    if person_title {
        return (Kind::Person, true);
    }
    if let Some(k) = fact_kind(GAZETTEER.lookup(name)) {
        return (k, true);
    }
    let multi = words.len() > 1;
    if lexicon::ORG_WORDS.contains(last) || (multi && lexicon::ORG_FIRST.contains(first)) {
        return (Kind::Organization, true);
    }
    if lexicon::OTHER_WORDS.contains(last) && multi {
        return (Kind::Other, true);
    }
    if multi && lexicon::PLACE_WORDS.contains(last) {
        return (Kind::Place, true);
    }
    // "Seattle Mariners", "New York Yankees": a place then another word is a team or
    // company named after its home.
    if multi && words.len() <= 4 && !GAZETTEER.is_given_name(first) && {
        // The leading words, one more at a time, in one buffer.
        let mut lead = String::new();
        words[..words.len() - 1].iter().any(|w| {
            if !lead.is_empty() {
                lead.push(' ');
            }
            lead.push_str(w.word);
            fact_kind(GAZETTEER.lookup(&lead)) == Some(Kind::Place)
        })
    } {
        return (Kind::Organization, false);
    }
    if multi && lexicon::PLACE_FIRST.contains(first) {
        return (Kind::Place, true);
    }
    if ["GMT", "EDT", "EST", "BST", "CET", "UTC"].contains(&first) {
        return (Kind::Other, true);
    }
    if words.len() == 1 && is_acronym(first) {
        return (Kind::Organization, false);
    }
    if multi && GAZETTEER.is_given_name(first) {
        return (Kind::Person, true);
    }
    let cue = prev.and_then(|p| {
        crate::text::with_lowercase(p, |p| {
            if lexicon::PERSON_CUES.contains(p) {
                Some((Kind::Person, true))
            } else if PLACE_PREPOSITIONS.contains(&p) {
                Some((Kind::Place, false))
            } else {
                None
            }
        })
    });
    if let Some(decided) = cue {
        return decided;
    }
    // "Presumptive Democratic", "Senate Republican": a party or creed word ends no one's name.
    if multi && (lexicon::CREEDS.contains(last) || last == "Democratic") {
        return (Kind::Other, false);
    }
    if multi {
        if words
            .iter()
            .any(|w| w.word.chars().next().is_some_and(char::is_lowercase))
        {
            return (Kind::Organization, false);
        }
        return (Kind::Person, false);
    }
    if GAZETTEER.is_surname(first) || GAZETTEER.is_given_name(first) {
        return (Kind::Person, false);
    }
    if ["stan", "abad", "grad", "pur", "ia"]
        .iter()
        .any(|s| first.ends_with(s) && first.len() > s.len() + 2)
    {
        return (Kind::Place, false);
    }
    (Kind::Organization, false)
}

/// Every entity the prose names.
pub fn find(doc: &Document, config: &Config) -> Vec<Entity> {
    let prose = doc.prose();
    let names = &*config.names;
    let sentences: Vec<Vec<Token<'_>>> = doc
        .sentences()
        .iter()
        .map(|s| {
            let mut toks = tokens_of(prose, s.clone());
            // A headline in Title Case ("Tokayev Orders Troops Home"): a heading, or the
            // first paragraph of a plain draft, whatever its last mark.
            let heading = doc.in_heading(s.start)
                || doc.format() == Format::Plain && doc.block_at(s.start) == Some(0);
            if heading && in_title_case(&toks) {
                for t in &mut toks {
                    t.headline = true;
                }
            }
            toks
        })
        .collect();
    let seen = Seen::new(&sentences);
    let mut cands = Vec::new();
    // One buffer of runs for all sentences.
    let mut found = Vec::new();
    for toks in &sentences {
        runs(prose, toks, &mut found);
        for run in found.drain(..) {
            candidates_of_run(prose, toks, run, names, &seen, &mut cands);
        }
    }
    let mut entities = group(prose, cands);
    headline_mentions(prose, &sentences, &mut entities);
    entities
        .into_iter()
        .map(|b| finish(prose, b, names))
        .collect()
}

/// Words written capitalised where capitals mean a name (not sentence-initial), and words
/// written in lower case: they tell sentence-initial names from ordinary words.
struct Seen<'a> {
    cap_inside: HashSet<&'a str>,
    /// Of the words written in lower case, those that some sentence-initial capitalised word
    /// lower-cases to: the only ones ever asked about, so most words are never hashed.
    lower: HashSet<&'a str>,
    /// `cap_inside` sorted by the first two letters, lower-cased, for near spellings.
    by_prefix: Vec<(Prefix, &'a str)>,
}

impl<'a> Seen<'a> {
    fn new(sentences: &[Vec<Token<'a>>]) -> Seen<'a> {
        let tokens = || sentences.iter().flatten().filter(|t| !t.headline);
        // The words asked about, lower-cased into one buffer rather than one string each.
        let mut arena = String::new();
        let mut bounds = Vec::new();
        for t in tokens().filter(|t| t.cap && t.initial) {
            let start = arena.len();
            push_lowercase(&mut arena, t.word);
            bounds.push(start..arena.len());
        }
        // By first byte, the lengths (up to 63) of the words in `asked`: a word whose
        // first byte and length match none is not hashed.
        let mut lengths = [0u64; 256];
        let mut asked: HashSet<&str> = HashSet::default();
        for w in bounds.into_iter().filter_map(|r| arena.get(r)) {
            lengths[first_byte(w)] |= 1 << w.len().min(63);
            asked.insert(w);
        }
        let mut seen = Seen {
            cap_inside: HashSet::default(),
            lower: HashSet::default(),
            by_prefix: Vec::new(),
        };
        for t in tokens() {
            if t.cap && !t.initial {
                if seen.cap_inside.insert(t.word) {
                    seen.by_prefix.push((prefix(t.word), t.word));
                }
            } else if !t.cap
                && lengths[first_byte(t.word)] & 1 << t.word.len().min(63) != 0
                && asked.contains(t.word)
            {
                seen.lower.insert(t.word);
            }
        }
        seen.by_prefix.sort_unstable();
        seen
    }

    /// A near spelling of a name the story writes elsewhere ("Tokaev" for "Tokayev").
    fn near_name(&self, w: &str) -> bool {
        let key = prefix(w);
        let from = self.by_prefix.partition_point(|(p, _)| *p < key);
        let mut list = self.by_prefix[from..].iter().take_while(|(p, _)| *p == key);
        crate::text::with_lowercase(w, |w| {
            list.any(|(_, n)| crate::text::with_lowercase(n, |n| near(w, n)))
        })
    }
}

/// Append `s` lower-cased (as `str::to_lowercase` does) without a string of its own.
fn push_lowercase(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let start = buf.len();
        buf.push_str(s);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.push_str(&s.to_lowercase());
    }
}

fn first_byte(w: &str) -> usize {
    usize::from(w.as_bytes().first().copied().unwrap_or(0))
}

/// The first two letters of a word, lower-cased (a letter may lower-case to up to three),
/// as a key that needs no allocation.
type Prefix = [char; 6];

fn prefix(w: &str) -> Prefix {
    let mut key = ['\0'; 6];
    for (k, c) in key
        .iter_mut()
        .zip(w.chars().take(2).flat_map(char::to_lowercase))
    {
        *k = c;
    }
    key
}

/// Turn one capitalised run into candidates: drop sentence-initial ordinary words, split off
/// nationality adjectives and titles, classify what is left.
fn candidates_of_run(
    prose: &str,
    toks: &[Token<'_>],
    run: std::ops::Range<usize>,
    names: &Names,
    seen: &Seen<'_>,
    out: &mut Vec<Candidate>,
) {
    let (mut i, end) = (run.start, run.end);
    let Some(run_toks) = toks.get(run.clone()) else {
        return;
    };
    let whole_text = one_line(
        prose
            .get(run_toks[0].start..run_toks[run_toks.len() - 1].end)
            .unwrap_or(""),
    );
    let whole_text = whole_text.as_ref();
    // A name known as a whole ("United Arab Emirates", "New Zealand") is not split.
    let known_whole = run_toks.len() == 1
        || names.get(whole_text).is_some()
        || fact_kind(GAZETTEER.lookup(whole_text)).is_some();
    // "Iraqi Kurdish", "North African": nationality words only make one adjective.
    if run_toks.len() > 1
        && run_toks
            .iter()
            .all(|t| nationality(t.word).is_some() || lexicon::PLACE_FIRST.contains(t.word))
        && nationality(run_toks[run_toks.len() - 1].word).is_some()
        && !known_whole
    {
        let (s, e) = (run_toks[0].start, run_toks[run_toks.len() - 1].end);
        out.push(Candidate {
            start: s,
            end: e,
            name: whole_text.to_owned(),
            tokens: run_toks.len(),
            kind: Kind::Other,
            strong: true,
            form: Form::Nationality,
            title: None,
        });
        return;
    }
    let mut title_start = None;
    let mut person_title = false;
    // A person title inside the run ("EU Farm Commissioner Franz Fischler"): what precedes
    // it is a qualifier, whose first word may be a name of its own ("EU").
    if !known_whole && !lexicon::ORG_WORDS.contains(toks[end - 1].word) {
        let p = (i + 1..end.saturating_sub(1))
            .rev()
            .find(|&p| lexicon::PERSON_TITLES.contains(toks[p].word));
        if let Some(p) = p {
            let lead = &toks[i];
            let mut from = i;
            if is_acronym(lead.word) || fact_kind(GAZETTEER.lookup(lead.word)).is_some() {
                let (kind, _) = classify(std::slice::from_ref(lead), lead.word, None, false, names);
                push_single(prose, lead, kind, Form::Full, out);
                from = i + 1;
            } else if nationality(lead.word).is_some() {
                // "Kazakh President ...": the nationality is part of the description.
                push_single(prose, lead, Kind::Other, Form::Nationality, out);
            } else if lead.initial && lexicon::COMMON_CAPITALISED.contains(lead.word) {
                from = i + 1;
            }
            title_start = toks.get(from).map(|t| t.start);
            person_title = true;
            i = p + 1;
        }
    }
    while i < end && !known_whole {
        let t = &toks[i];
        let rest = end - i - 1;
        if t.initial && lexicon::COMMON_CAPITALISED.contains(t.word) && i == run.start {
            i += 1;
            continue;
        }
        if matches!(t.word, "The" | "A" | "An") || rest > 0 && lexicon::CALENDAR.contains(t.word) {
            i += 1;
            continue;
        }
        if rest > 0 && lexicon::TITLES.contains(t.word) {
            // Only a true title strips: "Foreign Ministry" and "General Motors" stay names.
            let mut k = i;
            while k < end && lexicon::TITLES.contains(toks[k].word) {
                k += 1;
            }
            let has_person_title = toks[i..k]
                .iter()
                .any(|t| lexicon::PERSON_TITLES.contains(t.word));
            let next_given = toks.get(k).is_some_and(|t| GAZETTEER.is_given_name(t.word));
            if k < end
                && (has_person_title || next_given)
                && !lexicon::ORG_WORDS.contains(toks[end - 1].word)
            {
                title_start.get_or_insert(t.start);
                person_title |= has_person_title;
                i = k;
                continue;
            }
            break;
        }
        // "Panamanian Boxing Association" splits; "French Open", "Socialist Party",
        // "Indian Ocean" do not: there the adjective is the name.
        let generic_rest = rest == 1
            && toks.get(i + 1).is_some_and(|n| {
                lexicon::ORG_WORDS.contains(n.word)
                    || lexicon::OTHER_WORDS.contains(n.word)
                    || lexicon::PLACE_WORDS.contains(n.word)
                    || matches!(n.word, "League" | "Democrats" | "Ocean" | "Columbia")
            })
            || matches!(
                toks[end - 1].word,
                "Party" | "Front" | "Movement" | "Army" | "Tigers"
            );
        if rest > 0 && nationality(t.word).is_some() && !t.possessive && !generic_rest {
            push_single(prose, t, Kind::Other, Form::Nationality, out);
            title_start.get_or_insert(t.start);
            i += 1;
            continue;
        }
        break;
    }
    // Trailing month or weekday ("Kazakhstan Monday" never is one name).
    let mut end = end;
    while end > i
        && !known_whole
        && (lexicon::CALENDAR.contains(toks[end - 1].word)
            || !toks[end - 1].cap && toks[end - 1].word != "&")
    {
        end -= 1;
    }
    if i >= end {
        return;
    }
    let words = &toks[i..end];
    let first = &words[0];
    let (start, stop) = (first.start, words[words.len() - 1].end);
    let Some(name) = prose.get(start..stop) else {
        return;
    };
    let name: &str = &one_line(name);
    if words.len() == 1 {
        let w = first.word;
        if matches!(w, "I" | "A" | "O" | "OK" | "The" | "An")
            || w.starts_with("I'")
            || w.starts_with("I’")
            || lexicon::CALENDAR.contains(w)
            || lexicon::TITLES.contains(w)
        {
            return;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            return;
        }
        // A sentence-initial word is a name only when the story or the gazetteer says so.
        let speaks = !lexicon::COMMON_CAPITALISED.contains(w)
            && toks.get(end).is_some_and(|t| {
                matches!(
                    t.word,
                    "said" | "says" | "told" | "added" | "asked" | "wrote" | "insisted"
                )
            });
        if first.initial && title_start.is_none() && !speaks && !w.chars().any(is_cjk) {
            let known = seen.cap_inside.contains(w)
                || seen.near_name(w)
                || names.get(w).is_some()
                || !GAZETTEER.lookup(w).is_empty()
                || lexicon::CREEDS.contains(w)
                || lexicon::ORG_WORDS.contains(w) && !lexicon::COMMON_CAPITALISED.contains(w);
            if !known
                && (lexicon::COMMON_CAPITALISED.contains(w)
                    || crate::text::with_lowercase(w, |w| seen.lower.contains(w))
                    || w.ends_with("ing")
                    || w.ends_with("ly")
                    || w.ends_with("ed")
                    || !first.possessive && !GAZETTEER.is_given_name(w) && !GAZETTEER.is_surname(w))
            {
                return;
            }
        }
        // "NATO-led", "Israeli-Syrian": an adjective made of names.
        if let Some((head, tail)) = w.rsplit_once('-')
            && (tail.chars().next().is_some_and(char::is_lowercase)
                || nationality(head).is_some() && nationality(tail).is_some())
        {
            push_single(prose, first, Kind::Other, Form::Nationality, out);
            return;
        }
        if let Some(country) = nationality(w)
            && names.get(w).is_none()
            && !(country.is_some() && fact_kind(GAZETTEER.lookup(w)).is_some())
        {
            push_single(prose, first, Kind::Other, Form::Nationality, out);
            return;
        }
    }
    // "PRESS DIGEST": words in capitals that the gazetteer does not know are shouting.
    if words.len() > 1
        && words
            .iter()
            .all(|t| !t.has_lower && t.word.chars().count() >= 3)
        && names.get(name).is_none()
        && GAZETTEER.lookup(name).is_empty()
    {
        return;
    }
    // "Microsoft Corp.", "Calif.": the abbreviation's full stop is part of the name.
    let mut stop = stop;
    if matches!(
        words[words.len() - 1].word,
        "Corp"
            | "Inc"
            | "Co"
            | "Ltd"
            | "Jr"
            | "Sr"
            | "Bros"
            | "Calif"
            | "Ore"
            | "Va"
            | "Mass"
            | "Fla"
    ) && prose.get(stop..stop + 1) == Some(".")
    {
        stop += 1;
    }
    let Some(name) = prose.get(start..stop) else {
        return;
    };
    let name: &str = &one_line(name);
    let prev = toks
        .get(i.wrapping_sub(1))
        .filter(|_| i > 0 && title_start.is_none())
        .filter(|p| {
            prose
                .get(p.end..first.start)
                .is_some_and(|g| g.trim().is_empty())
        })
        .map(|t| t.word);
    let (kind, strong) = classify(words, name, prev, person_title, names);
    let title = title_start.and_then(|s| {
        let t = prose.get(s..start)?.trim_end().trim_end_matches('.');
        (!t.is_empty()).then(|| (t.to_owned(), s))
    });
    out.push(Candidate {
        start,
        end: stop,
        name: name.to_owned(),
        tokens: words.len(),
        kind,
        strong,
        form: Form::Full,
        title,
    });
}

fn push_single(prose: &str, t: &Token<'_>, kind: Kind, form: Form, out: &mut Vec<Candidate>) {
    let Some(name) = prose.get(t.start..t.end) else {
        return;
    };
    out.push(Candidate {
        start: t.start,
        end: t.end,
        name: name.to_owned(),
        tokens: 1,
        kind,
        strong: true,
        form,
        title: None,
    });
}

/// Edit distance, for spellings of one name ("Tokayev" / "Tokaev"); inputs are short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// Two spellings close enough to be one name misspelled.
fn near(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || a == b {
        return false;
    }
    let mut ca = a.chars();
    let mut cb = b.chars();
    if ca.next() != cb.next() || ca.next() != cb.next() {
        return false;
    }
    let limit = if la.min(lb) >= 8 { 2 } else { 1 };
    la.abs_diff(lb) <= limit && edit_distance(a, b) <= limit
}

/// A company's name without its legal suffix ("cofinec s.a." → "cofinec"), lower-cased input.
fn company_stem(key: &str) -> &str {
    const SUFFIXES: &[&str] = &[
        " inc", " inc.", " corp", " corp.", " ltd", " ltd.", " co", " co.", " plc", " s.a.", " ag",
        " nv", " n.v.", " sa", " llc", " gmbh",
    ];
    SUFFIXES
        .iter()
        .find_map(|s| key.strip_suffix(s))
        .filter(|stem| !stem.is_empty())
        .unwrap_or(key)
}

/// A word's first two characters, a key for near spellings that needs no allocation.
fn two_chars(w: &str) -> (Option<char>, Option<char>) {
    let mut cs = w.chars();
    (cs.next(), cs.next())
}

fn last_word(name: &str) -> &str {
    name.rsplit([' ', '\u{a0}']).next().unwrap_or(name)
}

struct Builder {
    name: String,
    mentions: Vec<(Candidate, bool)>,
    votes: Votes,
    expansion: Option<String>,
}

/// Each kind's votes from an entity's mentions: (strong, strong or several words, all). A
/// fixed array, not a map: every entity has one.
#[derive(Default)]
struct Votes([(usize, usize, usize); 4]);

impl Votes {
    const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Other];

    fn of(&mut self, kind: Kind) -> &mut (usize, usize, usize) {
        &mut self.0[kind as usize]
    }

    /// Whether any mention voted for `kind` (every vote counts in the last number).
    fn has(&self, kind: Kind) -> bool {
        self.0[kind as usize].2 > 0
    }

    /// The kinds some mention voted for, with their votes.
    fn iter(&self) -> impl Iterator<Item = (Kind, (usize, usize, usize))> + '_ {
        Self::KINDS.into_iter().zip(self.0).filter(|(_, v)| v.2 > 0)
    }
}

/// Group candidates into entities (in order of first mention).
fn group(prose: &str, mut cands: Vec<Candidate>) -> Vec<Builder> {
    cands.sort_by_key(|c| c.start);
    let mut ents: Vec<Builder> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    let mut by_surname: HashMap<String, usize> = HashMap::default();
    // Persons by the first two letters of their surname, for near spellings.
    let mut by_prefix: HashMap<(Option<char>, Option<char>), Vec<usize>> = HashMap::default();
    // Acronyms and glosses defined by parentheses: candidate index → candidate index.
    let mut linked: HashMap<usize, usize> = HashMap::default();
    // Candidate index → entity index.
    let mut placed: Vec<usize> = Vec::with_capacity(cands.len());
    for i in 1..cands.len() {
        let (a, b) = (&cands[i - 1], &cands[i]);
        let gap = prose.get(a.end..b.start).unwrap_or("").trim();
        let close = prose
            .get(b.end..)
            .and_then(|s| s.trim_start().chars().next());
        if !(matches!(gap, "(" | "[") && matches!(close, Some(')' | ']'))) {
            continue;
        }
        let gloss = b.name.chars().any(is_cjk) && !a.name.chars().any(is_cjk);
        let acronym = is_acronym(&b.name) && a.tokens > 1 || is_acronym(&a.name) && b.tokens > 1;
        if gloss || acronym {
            linked.insert(i, i - 1);
        }
    }
    // Acronyms whose long form is no one name before them: "Boycott, Divestment and
    // Sanctions (BDS)", "a political action committee (PAC)".
    let mut spelled: HashMap<usize, String> = HashMap::default();
    for (i, c) in cands.iter().enumerate() {
        let Some(open) = prose.get(..c.start).map(str::trim_end) else {
            continue;
        };
        // Most candidates stand after no parenthesis: that test comes first.
        if !open.ends_with(['(', '[']) || linked.contains_key(&i) || !is_acronym(&c.name) {
            continue;
        }
        let closed = prose
            .get(c.end..)
            .is_some_and(|s| s.trim_start().starts_with([')', ']']));
        if closed {
            let before = &open[..open.len() - 1];
            if let Some(from) = spelled_out(before, &c.name) {
                spelled.insert(i, one_line(before[from..].trim_end()).into_owned());
            }
        }
    }
    // The lower-cased name, in one buffer for all candidates: copied only into a new key.
    let mut key = String::new();
    for (i, mut c) in cands.into_iter().enumerate() {
        key.clear();
        push_lowercase(&mut key, &c.name);
        let mut variant = false;
        let target = linked.get(&i).and_then(|&j| placed.get(j).copied());
        let target = target
            .or_else(|| by_name.get(&key).copied())
            .or_else(|| by_name.get(company_stem(&key)).copied())
            .or_else(|| {
                if c.form == Form::Nationality {
                    return None;
                }
                let surname = last_word(&key);
                if c.tokens == 1 {
                    by_surname.get(surname).copied()
                } else {
                    // A full name after its surname alone: "Tokayev ... Kassym-Jomart Tokayev".
                    // Not a team named after its city: "Volgograd ... Rotor Volgograd".
                    by_name.get(surname).copied().filter(|&e| {
                        ents[e].name.split(' ').count() == 1
                            && c.kind == Kind::Person
                            && ents[e]
                                .votes
                                .iter()
                                .all(|(k, v)| k == Kind::Person || v.0 == 0)
                    })
                }
            });
        let target = target.or_else(|| {
            if c.form == Form::Nationality || c.kind != Kind::Person && c.strong {
                return None;
            }
            let surname = last_word(&key);
            let hit = by_prefix
                .get(&two_chars(surname))?
                .iter()
                .copied()
                .find(|&e| {
                    crate::text::with_lowercase(&ents[e].name, |their| {
                        near(surname, last_word(their))
                            && (c.tokens == 1
                                || near(&key, their)
                                || key.split(' ').next() == their.split(' ').next())
                    })
                })?;
            variant = true;
            Some(hit)
        });
        let idx = match target {
            Some(e) => e,
            None => {
                ents.push(Builder {
                    name: c.name.clone(),
                    mentions: Vec::new(),
                    votes: Votes::default(),
                    expansion: None,
                });
                ents.len() - 1
            }
        };
        let e = &mut ents[idx];
        if let Some(long) = spelled.remove(&i) {
            c.form = Form::Acronym;
            e.expansion.get_or_insert(long);
        } else if linked.contains_key(&i) {
            if is_acronym(&c.name) {
                c.form = Form::Acronym;
                e.expansion = Some(e.name.clone());
            } else if c.name.chars().any(is_cjk) {
                c.form = Form::Gloss;
            } else {
                // "CSTO (Collective Security Treaty Organization)": the long form names it.
                e.expansion = Some(e.name.clone());
                e.name = c.name.clone();
            }
        } else if !variant
            && c.form == Form::Full
            && (c.tokens > e.name.split(' ').count()
                || !e.name.chars().any(char::is_lowercase)
                    && c.name.chars().any(char::is_lowercase))
        {
            e.name = c.name.clone();
        }
        // A lone unknown word's kind is a guess: it counts only where nothing else does. A
        // surname's gazetteer kind ("Washington") does not outvote the person it names.
        let surname_only =
            c.tokens == 1 && e.name.split(' ').count() > 1 && !linked.contains_key(&i);
        let strong = c.strong && !surname_only;
        let vote = e.votes.of(c.kind);
        vote.0 += usize::from(strong);
        vote.1 += usize::from(strong || c.tokens > 1);
        vote.2 += 1;
        if c.form == Form::Acronym
            || (c.tokens == 1 && is_acronym(&c.name) && c.kind == Kind::Organization)
        {
            c.form = Form::Acronym;
        }
        // Keys are copied only when new; the name's own key moves in last.
        let first_index = |map: &mut HashMap<String, usize>, k: &str| {
            if !map.contains_key(k) {
                map.insert(k.to_owned(), idx);
            }
        };
        if c.kind == Kind::Organization {
            first_index(&mut by_name, company_stem(&key));
        }
        // Only people have surnames: "Rotor Volgograd" does not claim "Volgograd".
        if c.tokens > 1 && c.kind == Kind::Person {
            let surname = last_word(&key);
            first_index(&mut by_surname, surname);
            by_prefix.entry(two_chars(surname)).or_default().push(idx);
        } else if c.tokens == 1 && c.kind == Kind::Person {
            by_prefix.entry(two_chars(&key)).or_default().push(idx);
        }
        first_index(&mut by_name, &key);
        e.mentions.push((c, variant));
        placed.push(idx);
    }
    merge_nationalities(&mut ents);
    merge_acronyms(&mut ents);
    ents
}

/// An acronym joins the entity it stands for: one used before the story defines it ("SDA ...
/// Party of Democratic Action (SDA)"), and one that abbreviates a long name the story gives
/// with no parentheses at all ("the Federal Election Commission ... the FEC", AP's own way),
/// which then counts as its expansion.
fn merge_acronyms(ents: &mut Vec<Builder>) {
    let mut defined: HashMap<String, usize> = HashMap::default();
    for (i, e) in ents.iter().enumerate() {
        if e.expansion.is_some() {
            for (c, _) in e.mentions.iter().filter(|(c, _)| c.form == Form::Acronym) {
                defined.entry(c.name.clone()).or_insert(i);
            }
        }
    }
    let acronym_only = |e: &Builder| {
        e.expansion.is_none() && e.mentions.iter().all(|(c, _)| c.form == Form::Acronym)
    };
    let mut moves = Vec::new();
    // The acronyms still undefined, by their dotless form ("U.S." is "US").
    let mut wanted: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, e) in ents.iter().enumerate().filter(|(_, e)| acronym_only(e)) {
        let dotless = e.name.replace('.', "");
        match defined.get(&e.name).or_else(|| defined.get(&dotless)) {
            Some(&j) if j != i => moves.push((i, j)),
            Some(_) => {}
            None => wanted.entry(dotless).or_default().push(i),
        }
    }
    // Most stories leave no acronym undefined: no initials to read.
    if !wanted.is_empty() {
        let mut key = String::new();
        for (j, e) in ents.iter().enumerate() {
            if e.expansion.is_some() || !e.name.contains(' ') {
                continue;
            }
            for all_words in [false, true] {
                initials(&e.name, all_words, &mut key);
                for i in wanted.remove(key.as_str()).unwrap_or_default() {
                    moves.push((i, j));
                }
            }
        }
    }
    for &(_, j) in &moves {
        let e = &mut ents[j];
        if e.expansion.is_none() {
            e.expansion = Some(e.name.clone());
        }
    }
    move_mentions(ents, &moves, true);
}

/// Where the words that end `before` spell `acronym` out, one initial a word ("Boycott,
/// Divestment and Sanctions" for BDS, "political action committee" for PAC), the byte offset
/// of the first of them. Short linking words ("and", "of", "the") may give their initial
/// ("Department of Justice": DOJ) or be passed over; any other word must give the next one.
fn spelled_out(before: &str, acronym: &str) -> Option<usize> {
    const LINKS: &[&str] = &["and", "of", "the", "for", "on", "in", "to", "&", "de", "a"];
    let letters: Vec<char> = acronym.chars().filter(|c| *c != '.').collect();
    if !letters.iter().all(char::is_ascii_alphabetic) {
        return None;
    }
    // The words before, last first, with their starts, back to the clause's start; a long
    // name fits in a few hundred bytes.
    let window = crate::text::floor_char_boundary(before, before.len().saturating_sub(400));
    let clause = before[window..]
        .rsplit(['.', ';', ':', '(', ')', '"', '“', '”', '\n'])
        .next()
        .unwrap_or("");
    let from = before.len() - clause.len();
    let mut words: Vec<(usize, &str)> = Vec::new();
    for r in crate::text::words(&before[from..]) {
        let mut at = from + r.start;
        for part in before[from + r.start..from + r.end].split('-') {
            words.push((at, part));
            at += part.len() + 1;
        }
    }
    words.reverse();
    // Up to three linking words passed over: the search below stays small on any input.
    words.truncate(letters.len() + 3);
    // Match from the last letter back, with the words still left to use.
    fn go(words: &[(usize, &str)], letters: &[char]) -> Option<usize> {
        let (&(at, word), rest) = words.split_first()?;
        let initial = word.chars().next()?;
        let link = LINKS.iter().any(|l| l.eq_ignore_ascii_case(word));
        let [head @ .., last] = letters else {
            return None;
        };
        if initial.eq_ignore_ascii_case(last) && !(link && head.is_empty()) {
            if head.is_empty() {
                return Some(at);
            }
            if let Some(start) = go(rest, head) {
                return Some(start);
            }
        }
        if link && !head.is_empty() {
            return go(rest, letters);
        }
        None
    }
    go(&words, &letters)
}

/// The acronym a long name goes by, into `out`: the initials of its capitalised words
/// ("Islamic State of Iraq and the Levant": ISIL) or of all its words ("Department of
/// Justice": DOJ). Hyphens split words ("Anti-Defamation League": ADL).
fn initials(name: &str, all_words: bool, out: &mut String) {
    out.clear();
    for c in name
        .split([' ', '-', '\u{a0}'])
        .filter_map(|w| w.chars().next())
    {
        if c.is_uppercase() {
            out.push(c);
        } else if all_words && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        }
    }
}

/// Move all mentions of entity `i` into entity `j` for each pair (with their kind votes, or
/// not: "Kazakh" does not make Kazakhstan a nationality), then drop the empty entities.
fn move_mentions(ents: &mut Vec<Builder>, moves: &[(usize, usize)], with_votes: bool) {
    for &(i, j) in moves {
        let ms = std::mem::take(&mut ents[i].mentions);
        let votes = std::mem::take(&mut ents[i].votes);
        for (k, v) in votes.iter().filter(|_| with_votes) {
            let w = ents[j].votes.of(k);
            w.0 += v.0;
            w.1 += v.1;
            w.2 += v.2;
        }
        ents[j].mentions.extend(ms);
        ents[j].mentions.sort_by_key(|(c, _)| c.start);
    }
    ents.retain(|e| !e.mentions.is_empty());
}

/// "Kazakh" joins Kazakhstan when the story names the country too.
fn merge_nationalities(ents: &mut Vec<Builder>) {
    let adjective_only = |e: &Builder| e.mentions.iter().all(|(c, _)| c.form == Form::Nationality);
    // Most stories have no entity named only by an adjective: no index to build.
    if !ents.iter().any(adjective_only) {
        return;
    }
    let by_name: HashMap<String, usize> = ents
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.to_lowercase(), i))
        .collect();
    let mut moves = Vec::new();
    for (i, e) in ents.iter().enumerate() {
        if !adjective_only(e) {
            continue;
        }
        let country = nationality(&e.name).flatten();
        if let Some(&j) = country.and_then(|c| by_name.get(&c.to_lowercase()))
            && j != i
        {
            moves.push((i, j));
        }
    }
    move_mentions(ents, &moves, false);
}

/// Mentions in headlines (all capitals or Title Case) and datelines: only names the story
/// spells out in its body, their surnames, or gazetteer places and organisations.
fn headline_mentions(prose: &str, sentences: &[Vec<Token<'_>>], ents: &mut Vec<Builder>) {
    // Most drafts have no headline in capitals or Title Case: nothing to index or add.
    if sentences.iter().flatten().any(|t| t.headline) {
        add_headline_mentions(prose, sentences, ents);
    }
    for b in ents.iter_mut() {
        b.mentions.sort_by_key(|(c, _)| c.start);
    }
}

fn add_headline_mentions(prose: &str, sentences: &[Vec<Token<'_>>], ents: &mut Vec<Builder>) {
    let mut known: HashMap<String, usize> = HashMap::default();
    for (i, e) in ents.iter().enumerate() {
        for (c, _) in &e.mentions {
            known.entry(c.name.to_lowercase()).or_insert(i);
            if e.votes.has(Kind::Person) && c.tokens > 1 {
                known
                    .entry(last_word(&c.name.to_lowercase()).to_owned())
                    .or_insert(i);
            }
        }
    }
    let mut added: Vec<(usize, Candidate)> = Vec::new();
    let mut fresh: HashMap<String, usize> = HashMap::default();
    for toks in sentences {
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].headline || lexicon::CONNECTORS.contains(&toks[i].word.to_lowercase()) {
                i += 1;
                continue;
            }
            let mut hit = None;
            for n in (1..=3).rev() {
                let Some(span) = toks.get(i..i + n) else {
                    continue;
                };
                if !span.iter().all(|t| t.headline) || span.windows(2).any(|w| w[0].possessive) {
                    continue;
                }
                let key = span
                    .iter()
                    .map(|t| t.word.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" ");
                let common = n == 1
                    && lexicon::COMMON_CAPITALISED
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(&key));
                if common {
                    continue;
                }
                let kind = known
                    .get(&key)
                    .map(|&e| (Some(e), Some(top_kind(&ents[e].votes))))
                    .or_else(|| {
                        let facts = GAZETTEER.lookup(&key);
                        let k = fact_kind(facts).or_else(|| {
                            facts
                                .iter()
                                .any(|f| matches!(f, Fact::Demonym { .. }))
                                .then_some(Kind::Other)
                        })?;
                        Some((fresh.get(&key).copied(), Some(k)))
                    });
                if let Some(k) = kind {
                    hit = Some((n, key, k));
                    break;
                }
            }
            let Some((n, key, (entity, kind))) = hit else {
                i += 1;
                continue;
            };
            let (start, end) = (toks[i].start, toks[i + n - 1].end);
            let kind = kind.unwrap_or(Kind::Other);
            let nationality = GAZETTEER
                .lookup(&key)
                .iter()
                .any(|f| matches!(f, Fact::Demonym { .. }));
            let cand = Candidate {
                start,
                end,
                name: one_line(prose.get(start..end).unwrap_or(&key)).into_owned(),
                tokens: n,
                kind,
                strong: true,
                form: if nationality {
                    Form::Nationality
                } else {
                    Form::Headline
                },
                title: None,
            };
            match entity {
                Some(e) => added.push((e, cand)),
                None => {
                    fresh.insert(key, ents.len());
                    ents.push(Builder {
                        name: String::new(),
                        mentions: Vec::new(),
                        votes: Votes::default(),
                        expansion: None,
                    });
                    added.push((ents.len() - 1, cand));
                }
            }
            i += n;
        }
    }
    for (e, c) in added {
        if let Some(b) = ents.get_mut(e) {
            b.votes.of(c.kind).2 += 1;
            b.mentions.push((c, false));
        }
    }
}

/// The kind most (strong, then any) mentions vote for; ties go to persons, then places,
/// then organisations, so the result never depends on hash order.
fn top_kind(votes: &Votes) -> Kind {
    let rank = |k: Kind| match k {
        Kind::Person => 3,
        Kind::Place => 2,
        Kind::Organization => 1,
        Kind::Other => 0,
    };
    votes
        .iter()
        .max_by_key(|(k, v)| (v.0, v.1, v.2, rank(*k)))
        .map_or(Kind::Other, |(k, _)| k)
}

/// An appositive right after a full name: "Alikhan Smailov, the acting prime minister,".
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,\s+((?:the|a|an)\s+[^,.;:()\n]{3,80}?)\s*[,.;]").expect("valid regex")
});

/// Settle an entity: its kind by vote, mention forms, definition, description and facts.
fn finish(prose: &str, b: Builder, names: &Names) -> Entity {
    let kind = top_kind(&b.votes);
    let name = if b.name.is_empty() {
        // Named only in a headline: title-case the capitals.
        b.mentions
            .first()
            .map(|(c, _)| title_case(&c.name))
            .unwrap_or_default()
    } else {
        b.name
    };
    let name_words = name.split(' ').count();
    let mut mentions = Vec::with_capacity(b.mentions.len());
    let mut aliases: Vec<String> = Vec::new();
    let mut description = None;
    let mut definition = None;
    // The mentions are the builder's own: their names and titles move, not copy.
    for (c, variant) in b.mentions {
        let form = match c.form {
            Form::Full if c.name.split(' ').count() < name_words => Form::Short,
            f => f,
        };
        if form == Form::Full && definition.is_none() {
            definition = Some(mentions.len());
            description = c
                .title
                .as_ref()
                .map(|(t, s)| Description {
                    text: t.clone(),
                    start: *s,
                    end: c.start,
                })
                .or_else(|| appositive(prose, c.end));
        }
        if !matches!(form, Form::Headline | Form::Nationality) && !aliases.contains(&c.name) {
            aliases.push(c.name.clone());
        }
        mentions.push(Mention {
            start: c.start,
            end: c.end,
            text: c.name,
            form,
            title: c.title.map(|(t, _)| t),
            variant,
        });
    }
    if description.is_none() {
        // An appositive after a later full reference (short forms were full candidates).
        description = mentions
            .iter()
            .filter(|m| matches!(m.form, Form::Full | Form::Short))
            .find_map(|m| appositive(prose, m.end));
    }
    let mut e = Entity {
        name,
        kind,
        mentions,
        definition: definition.unwrap_or(0),
        description,
        expansion: b.expansion,
        aliases,
        facts: Vec::new(),
        preferred: None,
        known: false,
    };
    knowledge(&mut e, names);
    e
}

fn appositive(prose: &str, end: usize) -> Option<Description> {
    // Most names are not followed by a comma: no need to start the regex.
    let rest = prose.get(end..).filter(|r| r.starts_with(','))?;
    let m = APPOSITIVE.captures(rest)?.get(1)?;
    Some(Description {
        text: m.as_str().to_owned(),
        start: end + m.start(),
        end: end + m.end(),
    })
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Attach what the names file (first) and the gazetteer know, and the names file's
/// preferred spelling when the story's is near but not it.
fn knowledge(e: &mut Entity, names: &Names) {
    let entry = std::iter::once(&e.name)
        .chain(&e.aliases)
        .find_map(|s| names.get(s))
        .or_else(|| {
            // A near spelling of a names-file entry: the desk's spelling wins.
            let hit = names.entries().iter().find(|n| {
                near(&n.name.to_lowercase(), &e.name.to_lowercase())
                    || near(
                        last_word(&n.name.to_lowercase()),
                        last_word(&e.name.to_lowercase()),
                    ) && (e.name.split(' ').count() == 1
                        || e.name.split(' ').next() == n.name.split(' ').next())
            })?;
            e.preferred = Some(hit.name.clone());
            for m in &mut e.mentions {
                m.variant = true;
            }
            Some(hit)
        });
    if let Some(n) = entry {
        e.known = true;
        if let Some(k) = names_kind(n) {
            e.kind = k;
        }
        for (label, v) in [
            ("Title", &n.title),
            ("About", &n.description),
            ("Say", &n.pronunciation),
            ("Note", &n.notes),
        ] {
            if let Some(v) = v {
                e.facts.push(format!("{label}: {v}"));
            }
        }
        if e.preferred.is_none() && n.name != e.name && !e.aliases.contains(&n.name) {
            e.facts.push(format!("Desk spelling: {}", n.name));
        }
    }
    let from = e.facts.len();
    for s in std::iter::once(&e.name).chain(&e.aliases) {
        for f in GAZETTEER.lookup(s) {
            e.known = true;
            let line = match f {
                Fact::Country { name, capital: "" } => format!("Country: {name}"),
                Fact::Country { name, capital } => format!("Country: {name} (capital {capital})"),
                Fact::City {
                    country,
                    population,
                } => format!("City in {country}, population {population}"),
                Fact::Region { country: "" } => "Region".to_owned(),
                Fact::Region { country } => format!("State of {country}"),
                Fact::Demonym { country } => format!("Of {country}"),
                Fact::Org {
                    acronym,
                    name,
                    what,
                } => format!("{name} ({acronym}): {what}"),
            };
            if !e.facts[from..].contains(&line) {
                e.facts.push(line);
            }
        }
    }
    if e.facts.len() > 4 {
        e.facts.truncate(4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Format;

    fn entities(text: &str, config: &Config) -> (Document, Vec<Entity>) {
        let doc = Document::new(text, Format::Markdown);
        let e = find(&doc, config);
        (doc, e)
    }

    #[test]
    fn names_file_spelling_wins_and_feeds_the_card() {
        let names = Names::parse(
            "[[name]]\nname = \"Alikhan Smailov\"\nkind = \"person\"\npronunciation = \"ah-lee-KHAN\"\n",
            false,
        )
        .unwrap();
        let mut config = Config::default();
        config.names = std::sync::Arc::new(names);
        let (doc, ents) = entities("Officials said Alikhan Smaylov would stay.", &config);
        let e = ents.iter().find(|e| e.kind == Kind::Person).unwrap();
        assert_eq!(e.preferred.as_deref(), Some("Alikhan Smailov"));
        assert!(e.mentions.iter().all(|m| m.variant));
        let card = card(e, &doc);
        assert!(
            card.contains("Desk spelling: **Alikhan Smailov**"),
            "{card}"
        );
        assert!(card.contains("ah-lee-KHAN"), "{card}");
    }

    #[test]
    fn sentence_initial_words_headlines_and_possessives() {
        let text = "TOKAYEV SACKS CABINET\n\nAfter the vote, Kassym-Jomart Tokayev's office spoke. \
                    Despite that, Tokayev stayed in Almaty.";
        let (_, ents) = entities(text, &Config::default());
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Kassym-Jomart Tokayev", "Almaty"]);
        let forms: Vec<Form> = ents[0].mentions.iter().map(|m| m.form).collect();
        assert_eq!(forms, [Form::Headline, Form::Full, Form::Short]);
        assert_eq!(ents[0].definition, 1);
    }

    #[test]
    fn title_case_headlines_name_only_what_the_story_names() {
        let body = "Kazakh President Kassym-Jomart Tokayev met the Agency for Strategic \
                    Planning and Reforms. Tokayev left.";
        let heading = format!("# Tokayev Sacks Cabinet After Protests\n\n{body}");
        let plain = format!("Tokayev Sacks Cabinet After Protests.\n\n{body}");
        for (text, format) in [(heading, Format::Markdown), (plain, Format::Plain)] {
            let doc = Document::new(text.as_str(), format);
            let ents = find(&doc, &Config::default());
            let mut names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
            names.sort_unstable();
            assert_eq!(
                names,
                [
                    "Agency for Strategic Planning and Reforms",
                    "Kassym-Jomart Tokayev",
                    "Kazakh",
                ],
                "{text}"
            );
            let tokayev = ents.iter().find(|e| e.name.ends_with("Tokayev")).unwrap();
            assert_eq!(tokayev.mentions[0].form, Form::Headline);
        }
        // A body paragraph in capitals stays a run of names.
        let doc = Document::new(
            format!("{body}\n\nSen. Aigerim Berik Of Ohio Met Putin."),
            Format::Plain,
        );
        let ents = find(&doc, &Config::default());
        assert!(ents.iter().any(|e| e.name.starts_with("Aigerim Berik")));
    }

    #[test]
    fn acronyms_join_the_long_name_they_abbreviate() {
        let text = "The Federal Election Commission and the Department of Justice met. \
                    The FEC and the DOJ agreed. The KNB did not.";
        let (_, ents) = entities(text, &Config::default());
        let fec = ents
            .iter()
            .find(|e| e.name == "Federal Election Commission")
            .unwrap();
        assert_eq!(
            fec.expansion.as_deref(),
            Some("Federal Election Commission")
        );
        assert_eq!(fec.mentions.len(), 2);
        let doj = ents
            .iter()
            .find(|e| e.name == "Department of Justice")
            .unwrap();
        assert_eq!(doj.mentions.len(), 2);
        let knb = ents.iter().find(|e| e.name == "KNB").unwrap();
        assert_eq!(knb.expansion, None);
    }

    #[test]
    fn acronyms_spelled_out_by_the_words_before_them() {
        assert_eq!(
            spelled_out("backed the Boycott, Divestment and Sanctions ", "BDS"),
            Some(11)
        );
        assert_eq!(spelled_out("the Department of Justice ", "DOJ"), Some(4));
        assert_eq!(
            spelled_out("formed a political action committee", "PAC"),
            Some(9)
        );
        assert_eq!(spelled_out("Young Americans for Freedom ", "YAF"), Some(0));
        assert_eq!(spelled_out("met in the big hall ", "KNB"), None);
        // Linking words at either end give no initial of their own; many of them cost little.
        assert_eq!(spelled_out("and the ", "AT"), None);
        assert_eq!(spelled_out(&"and ".repeat(10_000), "AAAAAAA"), None);
    }

    #[test]
    fn a_name_wrapped_across_lines_is_one_name() {
        let text = "ITF spokesman Marco\nFerreira, 52, said the deal held. Ferreira smiled.";
        let (_, ents) = entities(text, &Config::default());
        let e = ents
            .iter()
            .find(|e| e.name == "Marco Ferreira")
            .expect("one name");
        assert_eq!(e.mentions.len(), 2);
        assert_eq!(
            &text[e.mentions[0].start..e.mentions[0].end],
            "Marco\nFerreira"
        );
    }

    #[test]
    fn entity_at_finds_the_mention() {
        let text = "Wang Yi met Kassym-Jomart Tokayev. Tokayev left.";
        let (_, ents) = entities(text, &Config::default());
        let at = text.rfind("Tokayev").unwrap() + 2;
        let (e, m) = entity_at(&ents, at).unwrap();
        assert_eq!(ents[e].name, "Kassym-Jomart Tokayev");
        assert_eq!(m, 1);
        assert_eq!(entity_at(&ents, text.find("met").unwrap()), None);
    }

    #[test]
    fn any_input_is_safe() {
        for text in [
            "",
            "(",
            "王",
            "A. B. C.",
            "’s",
            "Al-",
            "\u{feff}É'",
            "X (Y) [Z]",
        ] {
            let _ = entities(text, &Config::default());
        }
    }

    #[test]
    fn near_spellings() {
        assert!(near("tokayev", "tokaev"));
        assert!(near("smailov", "smaylov"));
        assert!(!near("smith", "smyth2x"));
        assert!(!near("putin", "putin"));
    }
}
