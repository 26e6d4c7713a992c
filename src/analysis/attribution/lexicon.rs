//! Word lists of the attribution pass.
//!
//! The cue verbs are the reporting, stance and cognition verbs that mark an attribution in
//! political news. The list was chosen by reading the PolNeAR training articles: a form is here
//! when, wherever it occurs, it is an annotated attribution cue at least about half the time.
//! Rarer senses ("called a cab") are accepted as the price of finding the common ones.

use crate::text::Prefilter;
use foldhash::HashMap;
use std::sync::LazyLock;

/// Verb forms that cue an attribution (hedges such as "reportedly" are matched apart).
const CUE_WORDS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "agreed",
    "allege",
    "alleged",
    "alleges",
    "alleging",
    "alluded",
    "alluding",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answered",
    "answers",
    "applauded",
    "argue",
    "argued",
    "argues",
    "arguing",
    "articulated",
    "asked",
    "asking",
    "asks",
    "assailed",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "assured",
    "attacked",
    "balked",
    "barked",
    "believing",
    "bemoaned",
    "blamed",
    "blames",
    "blaming",
    "blast",
    "blasted",
    "blasting",
    "blasts",
    "boast",
    "boasted",
    "boasts",
    "bragged",
    "brushed",
    "called",
    "calling",
    "cautioned",
    "challenged",
    "chanted",
    "chanting",
    "chants",
    "charged",
    "chided",
    "chiding",
    "cite",
    "cited",
    "cites",
    "citing",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "clarified",
    "commented",
    "commenting",
    "complain",
    "complained",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conceding",
    "conclude",
    "concluded",
    "concludes",
    "condemned",
    "condemning",
    "confess",
    "confessed",
    "confesses",
    "confessing",
    "confirmed",
    "confirming",
    "congratulated",
    "congratulating",
    "contended",
    "contends",
    "continued",
    "countered",
    "credited",
    "criticize",
    "criticized",
    "criticizes",
    "criticizing",
    "declare",
    "declared",
    "declares",
    "declaring",
    "declined",
    "decried",
    "decrying",
    "deemed",
    "defended",
    "defends",
    "demanded",
    "demands",
    "denied",
    "denies",
    "denounced",
    "denouncing",
    "derided",
    "described",
    "describes",
    "describing",
    "disclosed",
    "discussed",
    "dismissed",
    "dismisses",
    "dismissing",
    "dubbed",
    "echoed",
    "echoing",
    "elaborated",
    "emailed",
    "emphasize",
    "emphasized",
    "emphasizing",
    "endorsed",
    "endorses",
    "estimated",
    "estimates",
    "expected",
    "explained",
    "explaining",
    "explains",
    "express",
    "expressed",
    "expressing",
    "finds",
    "forecast",
    "fumed",
    "fumes",
    "groused",
    "grumbled",
    "hailed",
    "highlighted",
    "highlighting",
    "hinted",
    "hints",
    "hoped",
    "hopes",
    "hoping",
    "implied",
    "implying",
    "indicated",
    "indicates",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joked",
    "jokes",
    "labeled",
    "lambasted",
    "lamented",
    "lamenting",
    "laments",
    "lashed",
    "likened",
    "marveled",
    "marvelled",
    "mention",
    "mentioned",
    "mentioning",
    "mentions",
    "mocked",
    "mocking",
    "mocks",
    "mused",
    "muses",
    "noted",
    "notes",
    "noting",
    "observed",
    "opined",
    "outlined",
    "pleaded",
    "pledges",
    "pledging",
    "pointed",
    "pointing",
    "posted",
    "praised",
    "praises",
    "praising",
    "predict",
    "predicted",
    "predicting",
    "predicts",
    "proclaimed",
    "promised",
    "promising",
    "pronounced",
    "proposed",
    "proposes",
    "proposing",
    "questioned",
    "questioning",
    "quipped",
    "quips",
    "quoted",
    "quoting",
    "railed",
    "reads",
    "reaffirmed",
    "rebuffed",
    "rebuked",
    "rebut",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "referenced",
    "referred",
    "referring",
    "refers",
    "refused",
    "refuses",
    "reiterated",
    "rejected",
    "remarked",
    "remarking",
    "reminded",
    "reminding",
    "repeated",
    "repeating",
    "replied",
    "reported",
    "reports",
    "requested",
    "responded",
    "responds",
    "retorted",
    "retweeted",
    "revealed",
    "reveals",
    "said",
    "sang",
    "say",
    "saying",
    "says",
    "scoffed",
    "seemed",
    "seems",
    "shouted",
    "shouts",
    "showed",
    "shows",
    "signaled",
    "sings",
    "slammed",
    "slamming",
    "slams",
    "sniffed",
    "speculated",
    "stated",
    "stating",
    "stressed",
    "stressing",
    "suggest",
    "suggested",
    "suggesting",
    "suggests",
    "swipes",
    "telling",
    "tells",
    "testified",
    "thanked",
    "thanking",
    "told",
    "touted",
    "touting",
    "tweeted",
    "tweeting",
    "urged",
    "urges",
    "urging",
    "uttered",
    "voiced",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "wondered",
    "wondering",
    "writes",
    "wrote",
    "yelled",
    "yelling",
    "yells",
];

/// Nouns that cue an attribution even after a determiner or a possessive ("his assertion
/// that", "Trump’s criticism of"), where a cue verb would be a noun and no cue.
const NOUN_CUES: &[&str] = &[
    "admission",
    "assertion",
    "assumption",
    "assurances",
    "complaints",
    "criticism",
    "doubts",
    "insistence",
    "praise",
    "reluctance",
    "scorn",
    "suggestion",
];

/// Cues that inside what another cue of the sentence reports are mostly part of that report
/// ("Smith said the ad, which she called false, …", "the poll she said showed"): PolNeAR marks
/// them there one time in four or less.
const WEAK_WHEN_NESTED: &[&str] = &[
    "agreed",
    "asking",
    "called",
    "charged",
    "claim",
    "claims",
    "continued",
    "criticism",
    "endorsed",
    "expected",
    "hoped",
    "hopes",
    "known",
    "mentioned",
    "praise",
    "reports",
    "requested",
    "showed",
    "shows",
    "stated",
    "urging",
];

/// "put it", the way a source says a thing: "As one voter put it, …", "She put it bluntly:".
const PUT: &[&str] = &["put", "puts"];

/// What follows "put it" when it reports words: a pause or a manner ("put it this way").
pub const PUT_IT_BEFORE: &[&str] = &[
    ",",
    ":",
    "—",
    ".",
    "this",
    "bluntly",
    "simply",
    "plainly",
    "succinctly",
    "best",
    "mildly",
];

/// Words that cue an attribution only before a "that" clause ("a study found that", not "found
/// the keys"; "made clear that", "her belief that"), also after a determiner.
const CUES_BEFORE_THAT: &[&str] = &[
    "agree",
    "agreement",
    "aware",
    "belief",
    "clear",
    "concerned",
    "confident",
    "doubt",
    "fears",
    "found",
    "hopeful",
    "learned",
    "maintained",
    "note",
    "recognize",
    "show",
    "showing",
    "thought",
    "worried",
];

/// Stance, intention and cognition verbs ("wants", "supports", "believes", "calls for"): PolNeAR
/// annotates them as cues, but most of their uses in running text are not attributions ("the
/// support", "to see"), so they count only after a subject that names someone or is a pronoun.
const STANCE_WORDS: &[&str] = &[
    "adopted",
    "aimed",
    "apologized",
    "backed",
    "backing",
    "backs",
    "blocked",
    "calls",
    "compared",
    "considers",
    "decided",
    "demanding",
    "describe",
    "discuss",
    "encouraged",
    "explain",
    "favor",
    "fear",
    "fired",
    "identified",
    "issued",
    "laid",
    "lists",
    "named",
    "offers",
    "opposed",
    "opposing",
    "pledge",
    "points",
    "prefer",
    "preferred",
    "prefers",
    "promises",
    "puts",
    "realized",
    "recognized",
    "respond",
    "seem",
    "shared",
    "sought",
    "supported",
    "talks",
    "threatened",
    "understood",
];

/// Stance verbs too common in generic uses ("we want", "they see") to follow a pronoun: they
/// count only after a capitalised name ("Sanders wants", "the Clinton campaign believes").
const STANCE_AFTER_NAME: &[&str] = &[
    "believe", "believes", "expect", "know", "plans", "pledged", "see", "sees", "spoke",
    "supports", "think", "thinks", "want", "wanted", "wants", "worry",
];

/// Plural nouns for people whose views a story reports ("his advisers believe", "some
/// strategists think"): as a subject they meet a stance verb's guard like a name.
const PEOPLE: &[&str] = &[
    "activists",
    "advisers",
    "advisors",
    "aides",
    "allies",
    "analysts",
    "backers",
    "critics",
    "delegates",
    "donors",
    "economists",
    "experts",
    "insiders",
    "lawmakers",
    "leaders",
    "members",
    "observers",
    "officials",
    "operatives",
    "researchers",
    "strategists",
    "supporters",
    "voters",
];

pub fn is_people(lower: &str) -> bool {
    PEOPLE.contains(&lower)
}

/// Stance and action words that PolNeAR marks as cues at least about half the time whatever
/// stands before them ("was eager to", "the ruling ordered", "championed the bill"): no
/// guard, and never the speaker of a quotation.
const STANCE_ANYWHERE: &[&str] = &[
    "acquiesced",
    "adamant",
    "advocated",
    "aiming",
    "angered",
    "appeared",
    "appears",
    "attributed",
    "billed",
    "championed",
    "characterized",
    "co-sponsored",
    "contemplate",
    "contradicted",
    "convince",
    "convinced",
    "crediting",
    "debated",
    "defending",
    "detailing",
    "discussing",
    "disliked",
    "distanced",
    "documented",
    "downplayed",
    "eager",
    "enamored",
    "envision",
    "envisioned",
    "expecting",
    "fearing",
    "focuses",
    "foresee",
    "imagined",
    "impassioned",
    "inclined",
    "informed",
    "interpreted",
    "introducing",
    "invoked",
    "justify",
    "knocked",
    "known",
    "listed",
    "mulling",
    "negotiated",
    "nominated",
    "offered",
    "oppose",
    "opted",
    "ordered",
    "outlining",
    "outraged",
    "outspoken",
    "paints",
    "persuaded",
    "pivoted",
    "portray",
    "portrayed",
    "portraying",
    "presented",
    "pressed",
    "pressing",
    "projected",
    "promote",
    "promotes",
    "protesting",
    "pushed",
    "rattled",
    "reacted",
    "recognizing",
    "recommended",
    "references",
    "referencing",
    "refusing",
    "regarded",
    "rejecting",
    "remembered",
    "remembers",
    "reveal",
    "revered",
    "ripped",
    "ruled",
    "seeks",
    "shown",
    "shrugged",
    "sided",
    "singled",
    "sounded",
    "sparred",
    "startled",
    "talked",
    "thrilled",
    "titled",
    "touts",
    "trumpeting",
    "underscores",
    "unhappy",
    "unveiled",
    "vouched",
    "wary",
    "weighed",
];

/// Verbs that report what evidence says, after a head from [`EVIDENCE`] ("records show", "the
/// poll found").
const EVIDENCE_VERBS: &[&str] = &["find", "found", "indicate", "show"];

/// What a text says, after a head from [`DOCUMENTS`] ("“…,” the statement read").
const TEXT_VERBS: &[&str] = &["read"];

/// Heads of sources that are documents or numbers ("polls", "the records", "a study").
const EVIDENCE: &[&str] = &[
    "analysis",
    "data",
    "documents",
    "figures",
    "filings",
    "numbers",
    "poll",
    "polls",
    "records",
    "report",
    "reports",
    "research",
    "results",
    "studies",
    "study",
    "survey",
    "surveys",
];

/// Heads of sources that are texts, which "read" what they say ("“…,” the statement read").
const DOCUMENTS: &[&str] = &[
    "email",
    "letter",
    "memo",
    "message",
    "note",
    "post",
    "release",
    "sign",
    "statement",
    "tweet",
];

/// Verbs of saying that put their source after them ("…,” said Smith).
const INVERTING: &[&str] = &[
    "added",
    "admitted",
    "answered",
    "argued",
    "asked",
    "claimed",
    "concluded",
    "conceded",
    "confirmed",
    "continued",
    "countered",
    "declared",
    "explained",
    "fumed",
    "grumbled",
    "insisted",
    "joked",
    "marveled",
    "mused",
    "noted",
    "observed",
    "posted",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "retorted",
    "said",
    "says",
    "shouted",
    "sniffed",
    "stated",
    "tweeted",
    "warned",
    "wondered",
    "wrote",
    "writes",
    "yelled",
];

/// Loaded cue verbs (AP: "said" is neutral) and the neutral form of the same tense.
pub const LOADED: &[(&str, &str)] = &[
    ("admit", "say"),
    ("admits", "says"),
    ("admitted", "said"),
    ("admitting", "saying"),
    ("claim", "say"),
    ("claimed", "said"),
    ("claiming", "saying"),
    ("claims", "says"),
    ("concede", "say"),
    ("conceded", "said"),
    ("concedes", "says"),
    ("conceding", "saying"),
    ("confess", "say"),
    ("confessed", "said"),
    ("confesses", "says"),
    ("confessing", "saying"),
    ("insist", "say"),
    ("insisted", "said"),
    ("insisting", "saying"),
    ("insists", "says"),
];

/// Words that may stand between a source and its cue: auxiliaries and adverbs
/// ("Smith has also said").
const BETWEEN: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "before",
    "can",
    "could",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "first",
    "has",
    "had",
    "have",
    "just",
    "later",
    "long",
    "may",
    "might",
    "must",
    "never",
    "not",
    "often",
    "once",
    "previously",
    "recently",
    "should",
    "since",
    "still",
    "then",
    "will",
    "would",
];

/// Verbs whose subject is what seems, not who says so ("Kasich appears to lead", "the plan
/// seemed doomed"): PolNeAR marks them as attributions with no source.
const RAISING: &[&str] = &[
    "appear", "appeared", "appears", "seem", "seemed", "seeming", "seems",
];

/// Prepositions: a noun phrase after one is not the subject of its clause.
const PREPOSITIONS: &[&str] = &[
    "about",
    "against",
    "amid",
    "among",
    "at",
    "by",
    "despite",
    "during",
    "following",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "over",
    "than",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "with",
    "without",
];

/// Conjunctions and sentence adverbs that open an adverbial before the subject of a clause
/// ("When he returned, …", "However, …").
const CONJUNCTIONS: &[&str] = &[
    "after",
    "although",
    "as",
    "because",
    "before",
    "however",
    "if",
    "meanwhile",
    "once",
    "since",
    "though",
    "unless",
    "until",
    "when",
    "where",
    "whether",
    "while",
];

pub fn is_preposition(lower: &str) -> bool {
    PREPOSITIONS.contains(&lower)
}

pub fn is_conjunction(lower: &str) -> bool {
    CONJUNCTIONS.contains(&lower)
}

/// Whether `lower` is a verb like "seems" whose subject is not a source.
pub fn is_raising(lower: &str) -> bool {
    RAISING.contains(&lower)
}

/// Forms of "be" that make a following participle passive ("is expected", "was reported").
pub const BE: &[&str] = &[
    "am", "are", "be", "been", "being", "is", "was", "were", "’s",
];

/// Pronouns that can be a source; resolved to the last named speaker.
pub const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "who", "you"];

/// Words that start or fill a noun phrase naming a source.
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "both", "her", "his", "its", "many", "most", "one", "other", "our",
    "several", "some", "that", "the", "their", "these", "this", "those", "two", "three", "four",
    "various",
];

/// Words that cannot head a source ("the plan that said" has no source "that").
const NOT_SOURCE: &[&str] = &[
    "about", "after", "against", "also", "although", "and", "as", "at", "because", "but", "by",
    "for", "from", "how", "if", "in", "into", "like", "nor", "of", "on", "or", "over", "so",
    "than", "that", "the", "there", "this", "though", "to", "under", "unless", "until", "what",
    "when", "where", "whether", "which", "while", "why", "with", "without", "yet", "a", "an",
    "has", "have", "had", "is", "was", "were", "are", "be", "been", "not", "it’s", "it's",
];

/// Heads of unnamed sources: fine in news, but the desk asks why anonymity was granted.
pub const ANONYMOUS_HEADS: &[&str] = &[
    "aide",
    "aides",
    "insider",
    "insiders",
    "official",
    "officials",
    "source",
    "sources",
];

/// Sources that are themselves vague ("critics say", "according to reports").
const VAGUE: &[&str] = &[
    "critics",
    "observers",
    "reports",
    "many",
    "some",
    "others",
    "rumours",
    "rumors",
];

/// A source phrase whose head is vague and that names no one ("critics", not "critics
/// including Jane Roe").
pub fn is_vague(source: &str) -> bool {
    let head = source
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    VAGUE.contains(&head.as_str())
}

/// Words of the pass's phrase patterns (`HEDGE`, `ANONYMOUS_PHRASE`, `IDIOM` in `mod.rs`):
/// every match of a pattern holds some of them as whole ASCII words (bounded by `\b` or a
/// space in the pattern), so a sentence that lacks them is not searched. Unnamed sources:
/// "familiar with", "close to", "with knowledge of", "briefed on", "who spoke".
const ANON_KEYS: &[&str] = &["briefed", "close", "familiar", "knowledge", "who"];

/// Hedges that are one word or start with a word of their own ("critics say").
const HEDGE_WORDS: &[&str] = &[
    "allegedly",
    "believe",
    "critics",
    "observers",
    "purportedly",
    "reportedly",
    "reports",
    "rumored",
    "rumors",
    "rumoured",
    "rumours",
    "supposedly",
];

/// "is said to", "it has been reported": a form of "be", a participle, and "to" or "it".
const HEDGE_BE: &[&str] = &["are", "been", "is", "was", "were"];
const HEDGE_PARTICIPLES: &[&str] = &[
    "alleged",
    "believed",
    "claimed",
    "reported",
    "rumored",
    "rumoured",
    "said",
    "thought",
    "understood",
];
const HEDGE_TO_IT: &[&str] = &["it", "to"];

/// Idioms with a word of their own; "That said," and "that is to say" need "that" and "said"
/// or "is".
const IDIOM_WORDS: &[&str] = &[
    "enough", "having", "needless", "say", "so", "suffice", "without", "worth",
];
const IDIOM_THAT: &[&str] = &["that"];
const IDIOM_SAID_IS: &[&str] = &["is", "said"];

/// What the word lists above say of one word, as bits: a token's are looked up once, when the
/// sentence is split, and every question after that reads them. A sentence's words together
/// (`|`) say which phrase patterns may match in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags(u32);

const CUE: u32 = 1;
const NOUN: u32 = 1 << 1;
const WEAK: u32 = 1 << 2;
const THAT: u32 = 1 << 3;
const STANCE: u32 = 1 << 4;
const AFTER_NAME: u32 = 1 << 5;
const EVIDENCE_VERB: u32 = 1 << 6;
const ANYWHERE: u32 = 1 << 7;
const BETWEENS: u32 = 1 << 8;
const DET: u32 = 1 << 9;
const NOT_SOURCES: u32 = 1 << 10;
const ANON_KEY: u32 = 1 << 11;
const HEDGE_WORD: u32 = 1 << 12;
const HEDGE_BE_FORM: u32 = 1 << 13;
const HEDGE_PARTICIPLE: u32 = 1 << 14;
const HEDGE_TO_OR_IT: u32 = 1 << 15;
const IDIOM_WORD: u32 = 1 << 16;
const IDIOM_THAT_WORD: u32 = 1 << 17;
const IDIOM_SAID_OR_IS: u32 = 1 << 18;
const TEXT_VERB: u32 = 1 << 19;
const PUT_IT: u32 = 1 << 20;

/// Every list with its flag.
const LISTS: [(&[&str], u32); 21] = [
    (CUE_WORDS, CUE),
    (NOUN_CUES, NOUN),
    (WEAK_WHEN_NESTED, WEAK),
    (CUES_BEFORE_THAT, THAT),
    (STANCE_WORDS, STANCE),
    (STANCE_AFTER_NAME, AFTER_NAME),
    (EVIDENCE_VERBS, EVIDENCE_VERB),
    (STANCE_ANYWHERE, ANYWHERE),
    (BETWEEN, BETWEENS),
    (DETERMINERS, DET),
    (NOT_SOURCE, NOT_SOURCES),
    (ANON_KEYS, ANON_KEY),
    (HEDGE_WORDS, HEDGE_WORD),
    (HEDGE_BE, HEDGE_BE_FORM),
    (HEDGE_PARTICIPLES, HEDGE_PARTICIPLE),
    (HEDGE_TO_IT, HEDGE_TO_OR_IT),
    (IDIOM_WORDS, IDIOM_WORD),
    (IDIOM_THAT, IDIOM_THAT_WORD),
    (IDIOM_SAID_IS, IDIOM_SAID_OR_IS),
    (TEXT_VERBS, TEXT_VERB),
    (PUT, PUT_IT),
];

/// Every listed word's flags, and a prefilter that turns away the many words in no list.
static FLAGS: LazyLock<(HashMap<&'static str, u32>, Prefilter)> = LazyLock::new(|| {
    let mut flags: HashMap<&'static str, u32> = HashMap::default();
    for (list, flag) in LISTS {
        for w in list {
            *flags.entry(*w).or_default() |= flag;
        }
    }
    let filter = Prefilter::new(flags.keys().copied());
    (flags, filter)
});

/// The flags of a lowercase word.
pub fn flags(lower: &str) -> Flags {
    let (flags, filter) = &*FLAGS;
    if !filter.may_contain(lower) {
        return Flags(0);
    }
    Flags(flags.get(lower).copied().unwrap_or(0))
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

impl Flags {
    /// Every bit: a sentence that must be searched with every pattern.
    pub const ALL: Flags = Flags(u32::MAX);

    fn has(self, flag: u32) -> bool {
        self.0 & flag != 0
    }

    /// Whether `ANONYMOUS_PHRASE` may match a sentence with these words.
    pub fn may_name_anonymously(self) -> bool {
        self.has(ANON_KEY)
    }

    /// Whether `HEDGE` may match a sentence with these words.
    pub fn may_hedge(self) -> bool {
        self.has(HEDGE_WORD)
            || (self.has(HEDGE_BE_FORM) && self.has(HEDGE_PARTICIPLE) && self.has(HEDGE_TO_OR_IT))
    }

    /// Whether `IDIOM` may match a sentence with these words.
    pub fn may_hold_idiom(self) -> bool {
        self.has(IDIOM_WORD) || (self.has(IDIOM_THAT_WORD) && self.has(IDIOM_SAID_OR_IS))
    }

    /// A cue, or one when a "that" follows or its guard is met.
    pub fn may_cue(self) -> bool {
        self.has(
            CUE | NOUN | THAT | STANCE | AFTER_NAME | EVIDENCE_VERB | TEXT_VERB | PUT_IT | ANYWHERE,
        )
    }

    pub fn cue(self) -> bool {
        self.has(CUE | NOUN)
    }

    /// A noun that cues an attribution after a determiner ("her criticism of").
    pub fn noun_cue(self) -> bool {
        self.has(NOUN)
    }

    /// A cue that does not count inside the content of another cue of its sentence.
    pub fn weak_when_nested(self) -> bool {
        self.has(WEAK)
    }

    /// A cue when a "that" clause follows it.
    pub fn cue_before_that(self) -> bool {
        self.has(THAT)
    }

    /// A cue before "it" and a pause or a manner ("as she put it,").
    pub fn cue_before_it(self) -> bool {
        self.has(PUT_IT)
    }

    /// The guard under which the word cues an attribution, if it is a guarded cue.
    pub fn guard(self) -> Option<Guard> {
        [
            (STANCE, Guard::Named),
            (AFTER_NAME, Guard::Name),
            (EVIDENCE_VERB, Guard::Evidence),
            (TEXT_VERB, Guard::Text),
            (ANYWHERE, Guard::Anywhere),
        ]
        .into_iter()
        .find_map(|(flag, guard)| self.has(flag).then_some(guard))
    }

    pub fn determiner(self) -> bool {
        self.has(DET)
    }

    pub fn not_source(self) -> bool {
        self.has(NOT_SOURCES)
    }

    /// A word that may stand between a source and its cue ("Smith also said"): listed, an
    /// "-ly" adverb, or a negation.
    pub fn between(self, lower: &str) -> bool {
        self.has(BETWEENS)
            || self.ly_adverb(lower)
            || lower.ends_with("n't")
            || lower.ends_with("n’t")
    }

    /// An "-ly" adverb that is not a listed word.
    pub fn ly_adverb(self, lower: &str) -> bool {
        lower.len() > 4 && lower.ends_with("ly") && lower != "only" && !self.has(BETWEENS)
    }
}

pub fn is_cue(lower: &str) -> bool {
    flags(lower).cue()
}

pub fn is_weak_when_nested(lower: &str) -> bool {
    flags(lower).weak_when_nested()
}

/// What must stand before a guarded cue for it to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// A capitalised name or a pronoun ("Trump wants", "she backed").
    Named,
    /// A capitalised name or a third-person pronoun ("Sanders wants", "she wants", not "we
    /// want").
    Name,
    /// A document or numbers ("records show").
    Evidence,
    /// A text, whose verb is one of saying ("“…,” the statement read").
    Text,
    /// Nothing: the word is a cue wherever it stands, also after "be" ("is regarded").
    Anywhere,
}

/// Whether `lower` heads a source that is a document or numbers.
pub fn is_evidence(lower: &str) -> bool {
    EVIDENCE.contains(&lower)
}

/// Whether `lower` heads a source that is a text: a statement, letter or sign.
pub fn is_document(lower: &str) -> bool {
    DOCUMENTS.contains(&lower)
}

/// Whether the source may follow the cue ("said Smith", but not "praised the efforts").
pub fn inverts(lower: &str) -> bool {
    INVERTING.contains(&lower)
}

pub fn is_determiner(lower: &str) -> bool {
    flags(lower).determiner()
}

/// The neutral replacement of a loaded cue, if `lower` is one.
pub fn neutral_form(lower: &str) -> Option<&'static str> {
    LOADED.iter().find(|(w, _)| *w == lower).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loaded_verbs_are_cues_and_lists_are_lowercase() {
        for (w, n) in LOADED {
            assert!(is_cue(w), "{w} is not a cue");
            assert!(is_cue(n), "{n} is not a cue");
        }
        for w in CUE_WORDS
            .iter()
            .chain(NOUN_CUES)
            .chain(BETWEEN)
            .chain(NOT_SOURCE)
        {
            assert_eq!(*w, w.to_lowercase());
        }
        // A stance verb is guarded only when it is not also an unguarded cue.
        for w in STANCE_WORDS
            .iter()
            .chain(STANCE_AFTER_NAME)
            .chain(STANCE_ANYWHERE)
        {
            assert!(
                !is_cue(w) && !flags(w).cue_before_that(),
                "{w} is already a cue"
            );
        }
        for w in EVIDENCE_VERBS.iter().chain(TEXT_VERBS) {
            assert!(!is_cue(w), "{w} is already a cue");
        }
    }

    #[test]
    fn every_listed_word_has_its_flags_and_no_other_word_any() {
        for (list, flag) in LISTS {
            for w in list {
                assert!(flags(w).has(flag), "{w}");
            }
        }
        let listed = |w: &str| LISTS.iter().any(|(list, _)| list.contains(&w));
        for w in [
            "",
            "x",
            "sai",
            "saidd",
            "government",
            "tol",
            "ſaid",
            "reportedly-",
        ] {
            assert_eq!(flags(w) == Flags::default(), !listed(w), "{w:?}");
        }
    }
}
