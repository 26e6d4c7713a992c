//! `title-drift`: one person, two titles.

use crate::analysis::entities::{Form, Kind};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "title-drift",
    category: Category::Entities,
    severity: Severity::Hint,
    default_enabled: true,
    summary: "The same person given conflicting titles",
    doc: "A person who is \"Acting Prime Minister\" in one paragraph and \"Prime Minister\" in \
          the next has either been promoted or mislabelled. The later title is flagged unless \
          its sentence explains the change (appointed, named, sworn in, became, former, \
          resigned, replaced). A nationality or a party in front (\"Kazakh President\", \
          \"Democrat\") does not count as a different title, nor does AP's abbreviation \
          (\"Gov.\" is \"Governor\"), and a courtesy title (Mr., Mrs., Ms., Miss) goes with any \
          title of office: papers that use them write \"Mr. Smailov\" after \"Prime Minister \
          Alikhan Smailov\". Two courtesy titles still conflict (\"Mrs.\" and \"Ms.\"), but \
          not \"Mr.\" and \"Mrs.\": those are two people of one surname (\"Mr. Clinton\" and \
          \"Mrs. Clinton\"). A title shortened from the front on a later reference is the \
          same office (\"Supreme Court Justice\" then \"Justice\", \"House Speaker\" then \
          \"Speaker\") unless a dropped word changes the rank (acting, deputy, vice, chief, \
          prime ...). When two people of the story share a surname (\"Bill Clinton\", \
          \"Hillary Clinton\"), only their full-name mentions are compared.",
    bad: "Acting Prime Minister Alikhan Smailov spoke. Later, Prime Minister Smailov left.",
    good: "Acting Prime Minister Alikhan Smailov spoke. Later, Acting Prime Minister Smailov left.",
    fix: FixKind::None,
    check,
};

const EXPLAINS: &[&str] = &[
    "appointed",
    "named",
    "sworn",
    "became",
    "become",
    "former",
    "resigned",
    "replaced",
    "promoted",
    "elected",
    "nominated",
    "confirmed",
    "ex-",
    "then-",
    "succeed",
];

/// Titles of address, not of office: a house style's second reference to anyone ("Vice
/// President Al Gore" … "Mr. Gore"). They conflict only with each other ("Mrs." and "Ms.").
const COURTESY: &[&str] = &["mr", "mrs", "ms", "miss", "mx"];

/// Party labels written like titles ("Democrat Hillary Clinton"): they say nothing of an
/// office, like a nationality.
const PARTIES: &[&str] = &[
    "democrat",
    "democratic",
    "republican",
    "independent",
    "conservative",
    "liberal",
    "labour",
    "tory",
    "green",
];

/// AP's abbreviated titles before a name, spelled out: "Gov. Pence" and "Governor Pence" hold
/// one title.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("gen", "general"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("maj", "major"),
    ("capt", "captain"),
    ("cmdr", "commander"),
    ("adm", "admiral"),
    ("sgt", "sergeant"),
    ("cpl", "corporal"),
    ("pvt", "private"),
    ("supt", "superintendent"),
    ("atty", "attorney"),
    ("prof", "professor"),
    ("rev", "reverend"),
    ("fr", "father"),
    ("pres", "president"),
    ("sec", "secretary"),
];

/// Words in front of a title that change the office it names ("Acting Prime Minister" is not
/// "Prime Minister"). Other words dropped from the front are a second reference's shortening:
/// "Supreme Court Justice" is "Justice", "House Speaker" is "Speaker".
const RANKS: &[&str] = &[
    "acting",
    "interim",
    "deputy",
    "vice",
    "assistant",
    "chief",
    "lieutenant",
    "under",
    "prime",
    "majority",
    "minority",
    "former",
    "ex",
    "executive",
];

/// Whether one title is the other with words dropped from its front, none of them a rank:
/// the same office, named in full once and short after ("District Judge" … "Judge").
fn shortened(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_suffix(short)
        .and_then(|front| front.strip_suffix(' '))
        .is_some_and(|front| !front.split(' ').any(|w| RANKS.contains(&w)))
}

/// The surnames that more than one person in the story carries in full ("Bill Clinton",
/// "Hillary Clinton"): a bare "Clinton" could be either, so only full mentions count.
fn shared_surnames<'a>(cx: &'a Context<'_>) -> Vec<&'a str> {
    let mut surnames: Vec<(&str, &str)> = cx
        .facts
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Person)
        .filter_map(|e| Some((e.name.rsplit(' ').next()?, e.name.as_str())))
        .filter(|(surname, name)| surname.len() < name.len())
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    let mut shared: Vec<&str> = surnames
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[0].0)
        .collect();
    shared.dedup();
    shared
}

/// The title without nationality, country or party words in front ("Kazakh President" →
/// "president"), lower-cased, abbreviations spelled out.
fn core(title: &str) -> String {
    let words = title.split(' ').skip_while(|w| {
        crate::analysis::entities::lexicon::GAZETTEER
            .lookup(w)
            .iter()
            .next()
            .is_some()
            || PARTIES.iter().any(|p| w.eq_ignore_ascii_case(p))
    });
    let mut out = String::new();
    for w in words {
        let w = w.trim_end_matches('.').to_lowercase();
        let full = ABBREVIATIONS
            .iter()
            .find(|(short, _)| *short == w)
            .map_or(w.as_str(), |(_, long)| long);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(full);
    }
    out
}

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let prose = cx.doc.prose();
    let shared = shared_surnames(cx);
    for e in cx.facts.entities.iter().filter(|e| e.kind == Kind::Person) {
        let ambiguous = e
            .name
            .rsplit(' ')
            .next()
            .is_some_and(|s| shared.contains(&s));
        // The first title of office and the first of address: each is compared with its own.
        let mut firsts: [Option<(String, usize, usize, &str)>; 2] = [None, None];
        for m in &e.mentions {
            let Some(t) = m.title.as_deref() else {
                continue;
            };
            if ambiguous && m.form != Form::Full {
                continue;
            }
            let c = core(t);
            if c.is_empty() {
                continue;
            }
            let first = &mut firsts[usize::from(COURTESY.contains(&c.as_str()))];
            match &first {
                None => *first = Some((c, m.start, m.end, t)),
                // "Mr. Clinton" after "Mrs. Clinton" is her husband, not a new title.
                Some((fc, ..)) if (fc == "mr") != (c == "mr") => {}
                Some((fc, fs, fe, ft)) if *fc != c && !shortened(fc, &c) => {
                    let sentence = cx
                        .doc
                        .sentence_at(m.start)
                        .and_then(|i| cx.doc.sentences().get(i))
                        .and_then(|r| prose.get(r.clone()))
                        .unwrap_or("")
                        .to_lowercase();
                    if EXPLAINS.iter().any(|w| sentence.contains(w)) {
                        continue;
                    }
                    // The title and the name, across a space or an abbreviation's stop and
                    // a space ("Mrs. Nurlanova").
                    let span = [1, 2]
                        .into_iter()
                        .filter_map(|gap| m.start.checked_sub(t.len() + gap))
                        .find(|&s| prose.get(s..m.start).is_some_and(|p| p.starts_with(t)))
                        .map_or(m.start..m.end, |s| s..m.end);
                    out.push(
                        out.finding(
                            span,
                            format!(
                                "{} is \"{t}\" here but \"{ft}\" on line {}",
                                e.name,
                                cx.doc.lines().line_of(*fs) + 1
                            ),
                        )
                        .with_related(*fs..*fe, "first titled here"),
                    );
                    break;
                }
                Some(_) => {}
            }
        }
    }
}
