//! Deterministic news-like drafts for benchmarks, scaling checks and the CLI corpus.
//!
//! Every sentence is invented here from small word lists (no corpus text) and exercises what
//! the passes look at: datelines and relative dates, quotations with and without speakers,
//! curly and straight marks, figures given twice (sometimes differently), and names in several
//! scripts. The same seed always gives the same draft.

/// A small, fast, deterministic generator (SplitMix64): no dependency, same output everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PEOPLE: &[&str] = &[
    "Helena Duarte",
    "Marco Ferreira",
    "Zoë Martínez",
    "Kassym-Jomart Tokayev",
    "王毅",
    "Amara Okafor",
    "Jens Håkonsen",
    "Priya Raghunathan",
    "Sean O'Malley",
    "Dr. Lena Vogt",
    "Gov. Ruth Alder",
    "Sen. Tomás Ibarra",
];
const ROLES: &[&str] = &[
    "Transport Minister",
    "Union spokesman",
    "Mayor",
    "Police chief",
    "Company spokeswoman",
    "Regional governor",
    "Economist",
];
const ORGS: &[&str] = &[
    "the Port Authority",
    "the International Transport Workers' Federation",
    "Valmora Steel Corp.",
    "the Ministry of Finance",
    "the U.N. refugee agency",
    "the Harbour Fire Service",
    "Nordbank",
];
const PLACES: &[&str] = &[
    "Valmora",
    "Lisbon",
    "Astana",
    "São Paulo",
    "Kraków",
    "Reykjavík",
    "the U.S.",
    "northern Ghana",
];
const RELATIVE: &[&str] = &[
    "yesterday",
    "on Tuesday",
    "last week",
    "next month",
    "this morning",
    "on Friday night",
    "two days ago",
    "earlier this year",
    "tomorrow",
];
const ABSOLUTE: &[&str] = &[
    "on March 3",
    "on Sept. 27, 2023",
    "in February",
    "on Jan. 15",
    "in 2021",
    "by the end of the year",
    "on 12 May",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "wrote on social media",
    "added",
    "warned",
];
const ACTIONS: &[&str] = &[
    "closed the northern terminal",
    "approved a new budget",
    "suspended night shifts",
    "opened an inquiry into the fire",
    "evacuated two apartment blocks",
    "raised fares on regional lines",
    "signed the agreement",
    "postponed the vote",
];
const UNITS: &[&str] = &[
    "workers",
    "containers",
    "residents",
    "ships",
    "households",
    "jobs",
];
const QUOTES: &[&str] = &[
    "Nobody wins a strike like this",
    "We will be watching every paycheck",
    "The port is open again, and that is what matters",
    "It was the worst night of my life",
    "We did not expect the water to rise so fast",
    "This is a floor, not a ceiling",
    "Nobody told us anything — not the council, not the company",
    "We'll rebuild, but it won't be quick",
];

/// One sentence of news copy.
fn sentence(rng: &mut Rng, out: &mut String) {
    let person = rng.pick(PEOPLE);
    let s = match rng.below(9) {
        0 => {
            let (open, close) = if rng.below(2) == 0 {
                ("“", "”")
            } else {
                ("\"", "\"")
            };
            format!(
                "{open}{},{close} {person} {}.",
                rng.pick(QUOTES),
                rng.pick(VERBS)
            )
        }
        1 => format!(
            "{} {person} {} that {} had {} {}.",
            rng.pick(ROLES),
            rng.pick(VERBS),
            rng.pick(ORGS),
            rng.pick(ACTIONS),
            rng.pick(RELATIVE)
        ),
        2 => {
            let n = 100 + rng.below(9_900);
            format!(
                "About {},{:03} {} were affected in {}, according to {}.",
                n / 1000 + 1,
                n % 1000,
                rng.pick(UNITS),
                rng.pick(PLACES),
                rng.pick(ORGS)
            )
        }
        3 => format!(
            "The cost reached ${}.{} million {}, {} said.",
            1 + rng.below(90),
            rng.below(10),
            rng.pick(ABSOLUTE),
            rng.pick(ORGS)
        ),
        4 => format!(
            "Prices rose {}% {} and {} percent {}.",
            1 + rng.below(20),
            rng.pick(RELATIVE),
            1 + rng.below(20),
            rng.pick(ABSOLUTE)
        ),
        // An unattributed quotation and a claim with no source: what the desk flags.
        5 => format!("“{}.”", rng.pick(QUOTES)),
        6 => format!(
            "The plan reportedly {} {}.",
            rng.pick(ACTIONS),
            rng.pick(RELATIVE)
        ),
        7 => format!(
            "{person}, {}, {} in {} {}.",
            20 + rng.below(60),
            rng.pick(ACTIONS),
            rng.pick(PLACES),
            rng.pick(ABSOLUTE)
        ),
        _ => format!(
            "Officials in {} {} {} after {} people were hurt.",
            rng.pick(PLACES),
            rng.pick(ACTIONS),
            rng.pick(RELATIVE),
            2 + rng.below(40)
        ),
    };
    out.push_str(&s);
}

/// Paragraphs of one to three sentences and the odd list or block quote, appended to `out`
/// until `done(out, words_written)` says so.
fn body(rng: &mut Rng, out: &mut String, done: impl Fn(&str, usize) -> bool) {
    let mut words = 0;
    while !done(out, words) {
        let start = out.len();
        match rng.below(12) {
            0 => {
                for _ in 0..3 {
                    out.push_str("- ");
                    sentence(rng, out);
                    out.push('\n');
                }
            }
            1 => {
                out.push_str("> ");
                sentence(rng, out);
                out.push('\n');
            }
            _ => {
                for i in 0..1 + rng.below(3) {
                    if i > 0 {
                        out.push(' ');
                    }
                    sentence(rng, out);
                }
                out.push('\n');
            }
        }
        out.push('\n');
        words += out[start..].split_whitespace().count();
    }
}

/// Front matter with the date, a headline and the dateline that opens the first paragraph.
fn header(rng: &mut Rng, seed: u64) -> String {
    format!(
        "---\ntitle: Story {seed}\ndate: 2023-{:02}-{:02}\n---\n\n# {} in {}\n\n{} (AP) — ",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.pick(ACTIONS),
        rng.pick(PLACES),
        rng.pick(PLACES).to_uppercase()
    )
}

/// A Markdown draft of about `target_words` words.
pub fn draft(seed: u64, target_words: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = header(&mut rng, seed);
    body(&mut rng, &mut out, |_, words| words >= target_words);
    out
}

/// One long Markdown draft of at least `bytes` bytes.
pub fn draft_of_size(seed: u64, bytes: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = header(&mut rng, seed);
    body(&mut rng, &mut out, |text, _| text.len() >= bytes);
    out
}
