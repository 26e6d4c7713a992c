//! What copydesk knows before reading a story: the bundled gazetteer (countries, capitals,
//! demonyms, cities, US states, international organisations, common given names and surnames)
//! and the cue words that tell people, organisations, places and events apart.
//!
//! The gazetteer is `data/gazetteer.tsv`, built by `data/build_gazetteer.py` from openly
//! licensed data and compiled in; it is parsed on first use, so start-up pays nothing.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What the gazetteer knows about one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    /// A country (by its gazetteer name), with its capital.
    Country { name: &'static str, capital: &'static str },
    /// A city, with its country.
    City { country: &'static str, population: u64 },
    /// A first-level region (US state), with its country.
    Region { country: &'static str },
    /// The people or adjective of a country ("Kazakh" → Kazakhstan).
    Demonym { country: &'static str },
    /// An organisation, by acronym and full name.
    Org { acronym: &'static str, name: &'static str, what: &'static str },
}

pub struct Gazetteer {
    /// Lower-cased name → facts (a name may be both a city and a country's alias).
    by_name: HashMap<String, Vec<Fact>>,
    given: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
}

static DATA: &str = include_str!("../../../data/gazetteer.tsv");

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(DATA));

impl Gazetteer {
    fn parse(data: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            by_name: HashMap::with_capacity(16_000),
            given: HashSet::new(),
            surnames: HashSet::new(),
        };
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let get = |i: usize| f.get(i).copied().unwrap_or("");
            match get(0) {
                "country" => {
                    let (name, capital) = (get(1), get(2));
                    let fact = Fact::Country { name, capital };
                    g.add(name, fact.clone());
                    for alias in get(4).split('|').filter(|a| !a.is_empty()) {
                        g.add(alias, fact.clone());
                    }
                    for d in get(3).split('|').filter(|a| !a.is_empty()) {
                        g.add(d, Fact::Demonym { country: name });
                        // "Germans", "Kazakhs": the plural names the people too.
                        if !d.ends_with('s') && !d.ends_with("ese") && !d.ends_with("sh") {
                            g.add(&format!("{d}s"), Fact::Demonym { country: name });
                        }
                    }
                }
                "city" => g.add(
                    get(1),
                    Fact::City {
                        country: get(2),
                        population: get(3).parse().unwrap_or(0),
                    },
                ),
                "region" => g.add(get(1), Fact::Region { country: get(2) }),
                "org" => {
                    let fact = Fact::Org {
                        acronym: get(1),
                        name: get(2),
                        what: get(3),
                    };
                    if !get(1).is_empty() {
                        g.add(get(1), fact.clone());
                    }
                    g.add(get(2), fact);
                }
                "given" => {
                    g.given.insert(get(1));
                }
                "surname" => {
                    g.surnames.insert(get(1));
                }
                _ => {}
            }
        }
        g
    }

    fn add(&mut self, name: &str, fact: Fact) {
        let list = self.by_name.entry(name.to_lowercase()).or_default();
        if !list.contains(&fact) {
            list.push(fact);
        }
    }

    /// Everything known under `name` (case-insensitive).
    pub fn lookup(&self, name: &str) -> &[Fact] {
        self.by_name
            .get(&name.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }
}

/// Titles and roles that precede a person's name; they are not part of it.
pub const TITLES: &[&str] = &[
    "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "Secretary", "General",
    "Foreign", "Defence", "Defense", "Finance", "Interior", "Deputy", "Acting", "Interim",
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sen", "Senator", "Gov", "Governor",
    "Rep", "Representative", "Gen", "Lt", "Col", "Maj", "Capt", "Captain", "Sgt", "Adm",
    "Admiral", "Colonel", "Major", "Lieutenant", "Commander", "King", "Queen", "Prince",
    "Princess", "Pope", "Cardinal", "Archbishop", "Bishop", "Rev", "Father", "Sheikh",
    "Ayatollah", "Emir", "Sultan", "Judge", "Justice", "Mayor", "Ambassador", "Envoy",
    "Chairman", "Chairwoman", "Chair", "Chief", "Executive", "Director", "Spokesman",
    "Spokeswoman", "Spokesperson", "Speaker", "Commissioner", "Inspector", "Detective",
    "Officer", "Sir", "Dame", "Lord", "Lady", "Coach", "Manager", "Leader", "Opposition",
    "Former", "Economy", "Trade", "Health", "Justice", "Energy", "Agriculture", "Labour",
    "Labor", "Attorney", "Treasurer", "Superintendent", "Marshal", "Brigadier", "Sergeant",
    "Crown", "Head", "State", "Supreme", "Leader", "Grand", "Mufti", "Rabbi", "Imam",
];

/// Titles that alone (before a name) mark the name as a person.
pub const PERSON_TITLES: &[&str] = &[
    "President", "Minister", "Premier", "Chancellor", "Secretary", "Mr", "Mrs", "Ms", "Miss",
    "Dr", "Prof", "Professor", "Sen", "Senator", "Gov", "Governor", "Rep", "Gen", "Lt", "Col",
    "Maj", "Capt", "Captain", "Sgt", "Adm", "Admiral", "Colonel", "Major", "Lieutenant",
    "Commander", "King", "Queen", "Prince", "Princess", "Pope", "Cardinal", "Archbishop",
    "Bishop", "Rev", "Father", "Sheikh", "Ayatollah", "Emir", "Sultan", "Judge", "Justice",
    "Mayor", "Ambassador", "Envoy", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman",
    "Speaker", "Commissioner", "Inspector", "Detective", "Sir", "Dame", "Lord", "Lady", "Coach",
    "Manager", "Leader", "Attorney", "Treasurer", "Sergeant", "Marshal", "Brigadier", "Mufti",
    "Rabbi", "Imam", "Director",
];

/// Lower-case words before a name that mark it as a person ("striker Alan Shearer").
pub const PERSON_CUES: &[&str] = &[
    "president", "minister", "premier", "chancellor", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "leader", "chairman", "chief", "director", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "captain", "player", "champion", "batsman",
    "bowler", "driver", "rider", "seed", "officer", "analyst", "economist", "trader", "dealer",
    "governor", "senator", "mayor", "judge", "ambassador", "envoy", "general", "commander",
    "head", "deputy", "official", "lawyer", "attorney", "prosecutor", "son", "daughter", "wife",
    "husband", "mr", "mrs", "ms", "dr", "told", "colleague", "rival", "all-rounder", "opener",
    "winger", "forward", "veteran", "compatriot", "teammate", "boxer", "cyclist", "singer",
    "actor", "writer", "author", "candidate", "dissident", "negotiator", "mediator",
];

/// The last word of an organisation's name.
pub const ORG_WORDS: &[&str] = &[
    "Ministry", "Council", "Organization", "Organisation", "Party", "Inc", "Corp", "Corporation",
    "Ltd", "Limited", "Plc", "PLC", "plc", "Co", "Company", "Bank", "Association", "Union",
    "Federation", "Committee", "Commission", "Agency", "Group", "Club", "Airlines", "Airways",
    "Exchange", "Court", "Army", "Police", "Parliament", "Congress", "Senate", "Assembly",
    "Government", "Board", "Institute", "University", "College", "School", "Fund", "Bureau",
    "Office", "Department", "News", "Times", "Post", "Journal", "Television", "Radio",
    "Network", "Service", "Services", "Front", "Movement", "League", "Alliance", "Foundation",
    "Trust", "Holdings", "Industries", "Motors", "Bancorp", "Securities", "Capital", "Partners",
    "Systems", "Technologies", "International", "Communications", "AG", "SA", "NV", "GmbH", "AB",
    "ASA", "Authority", "Cabinet", "Navy", "Forces", "Guard", "Brigade", "Tribunal", "Church",
    "Society", "Centre", "Center", "Corp.", "Ltd.", "Inc.", "Bros", "Press", "Herald", "Daily",
    "Telegraph", "Gazette", "Tribune", "Electric", "Energy", "Oil", "Petroleum", "Steel",
    "Mining", "Insurance", "Investment", "Investments", "Finance", "Financial", "Pharmaceuticals",
    "Telecom", "Airline", "Council", "Directorate", "Secretariat", "Assembly", "Duma", "Knesset",
    "Rangers", "United", "Wanderers", "Rovers", "Athletic", "Albion", "Hotspur", "Stars",
    "Corps", "Bloc", "Coalition", "Cooperation", "Program", "Programme", "Forum", "Reserve",
    "Treasury", "Mission", "Unit", "Labs", "Laboratories", "Brothers", "Trading", "Resources",
    "Enterprises", "Ventures", "Markets", "Media", "Broadcasting", "Publishing", "Foods",
    "Chemicals", "Group", "Consortium", "Cartel", "Regime", "Administration", "Faction",
    "Reuters", "Interfax", "Xinhua", "Itar-Tass", "Tass",
];

/// The first word of an organisation's name ("Bank of England", "University of Chicago").
pub const ORG_FIRST: &[&str] = &[
    "Ministry", "Bank", "University", "Department", "Council", "Organization", "Organisation",
    "Association", "Federation", "Committee", "Commission", "Board", "Institute", "Church",
    "House", "Office", "Court", "League", "Union", "Party", "Agency", "Fund", "Society",
    "Academy", "College", "School", "Democratic", "Republican", "Labour", "Conservative",
    "Liberal", "Socialist", "Communist", "National", "Federal", "Royal", "Central", "Supreme",
    "State", "Islamic",
];

/// The last word of a place's name.
pub const PLACE_WORDS: &[&str] = &[
    "River", "Island", "Islands", "Mountains", "Mountain", "Mount", "Sea", "Ocean", "Street",
    "Province", "Region", "Valley", "County", "Lake", "Bay", "Strait", "Straits", "Peninsula",
    "Desert", "Airport", "Square", "Stadium", "Road", "Avenue", "Bridge", "Canal", "Coast",
    "Gulf", "Heights", "Hills", "Park", "Plain", "Plateau", "Republic", "Kingdom", "Emirates",
    "Basin", "Delta", "Falls", "Forest", "Harbour", "Harbor", "Port", "Oblast", "District",
    "Territory", "Territories", "Prefecture", "State", "States", "City", "Town", "Village",
    "Beach", "Cape", "Strip", "Bank", "Corridor", "Pass", "Border", "Zone", "Hall", "Arena",
    "Palace", "Oval", "Ground", "Circuit", "Creek", "Springs", "Field",
];

/// The first word of a place's name ("Mount Everest", "Lake Balkhash", "Gulf of Aden").
pub const PLACE_FIRST: &[&str] = &[
    "Mount", "Lake", "Cape", "Gulf", "Port", "Fort", "Isle", "Sea", "Bay", "Strait", "Straits",
    "Upper", "Lower", "Greater", "Northern", "Southern", "Eastern", "Western", "Central",
    "North", "South", "East", "West", "New", "San", "Santa", "Saint", "St", "Los", "Las", "El",
    "Rio", "Sao", "Costa", "Puerto", "Port",
];

/// The last word of an event, law, work or other proper name (CoNLL's MISC).
pub const OTHER_WORDS: &[&str] = &[
    "Cup", "Open", "Championship", "Championships", "Games", "Olympics", "War", "Prize",
    "Award", "Awards", "Act", "Treaty", "Day", "Festival", "Trophy", "Series", "Prix", "Index",
    "Accord", "Accords", "Agreement", "Convention", "Declaration", "Doctrine", "Plan", "Protocol",
    "Summit", "Conference", "Olympiad", "Marathon", "Tour", "Classic", "Masters", "Grand",
    "Derby", "Revolution", "Uprising", "Crisis", "Affair", "Bill", "Law", "Charter", "Code",
    "Bible", "Koran", "Gospel", "Mass", "Christmas", "Easter", "Ramadan", "Eid",
];

/// Adjectives and nouns for religions and movements, typed like nationalities.
pub const CREEDS: &[&str] = &[
    "Moslem", "Moslems", "Muslim", "Muslims", "Islamic", "Islamist", "Islamists", "Christian",
    "Christians", "Catholic", "Catholics", "Protestant", "Protestants", "Orthodox", "Jewish",
    "Jew", "Jews", "Sunni", "Shi'ite", "Shiite", "Shia", "Hindu", "Hindus", "Buddhist", "Sikh",
    "Sikhs", "Marxist", "Communist", "Communists", "Socialist", "Socialists", "Democrat",
    "Democrats", "Republican", "Republicans", "Kurdish", "Kurd", "Kurds", "Arab", "Arabs",
    "Arabic", "Latin", "European", "Europeans", "African", "Africans", "Asian", "Asians",
    "Western", "Zionist", "Nazi", "Nazis", "Tamil", "Tamils", "Basque", "Pashtun", "Hutu",
    "Hutus", "Tutsi", "Tutsis", "Serb", "Serbs", "Croat", "Croats", "Chechen", "Chechens",
    "Caucasian", "Scandinavian", "Baltic", "Nordic", "Balkan", "Gaelic", "Celtic", "Hispanic",
    "Palestinians", "Israelis", "Iraqis", "Afghans", "Olympic", "Gulf", "Internet", "Euro",
    "Eurobond", "Eurobonds", "Anglican", "Lutheran", "Mormon",
];

/// Words written with a capital at the start of a sentence that are not names.
pub const COMMON_CAPITALISED: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "So", "He", "She", "It", "They",
    "We", "I", "You", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our",
    "My", "Your", "After", "Before", "When", "While", "If", "As", "For", "With", "By", "From",
    "To", "Of", "Some", "Many", "Most", "All", "Both", "Each", "Every", "No", "Not", "Other",
    "Such", "There", "Here", "What", "Who", "Which", "Why", "How", "Where", "Yes", "One", "Two",
    "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Last", "Next", "First",
    "Second", "Third", "Police", "Officials", "Meanwhile", "However", "Although", "Though",
    "Under", "Over", "About", "Among", "Since", "Until", "During", "Despite", "Because", "Also",
    "Only", "Even", "Still", "Now", "Then", "Today", "Yesterday", "Tomorrow", "Earlier", "Later",
    "More", "Less", "Few", "Several", "Another", "Any", "Neither", "Nor", "Either", "Just",
    "Asked", "Analysts", "Traders", "Dealers", "Sources", "Residents", "Witnesses", "Investors",
    "Prices", "Shares", "Sales", "Profit", "Net", "Total", "Average", "Earlier", "Overall",
    "Instead", "Thus", "Yet", "Once", "Twice", "Perhaps", "Maybe", "Please", "Thank", "Thanks",
    "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could",
    "Should", "May", "Might", "Must", "Has", "Have", "Had", "Be", "Been", "Being", "Said",
    "Says", "Say", "Tell", "Told", "Get", "Got", "Go", "Make", "Take", "See", "Give", "Put",
    "Keep", "Set", "Sign", "Data", "Results", "Note", "Source", "Editing", "Reporting",
    "Newsroom", "Tel", "Fax", "Page", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    "Up", "Down", "Out", "Off", "New", "Old", "Big", "Small", "Top", "High", "Low", "Half",
    "Full", "Per", "Plus", "Minus", "Mr.", "Nothing", "Everything", "Someone", "Everyone",
    "Nobody", "Something", "Anyone", "Very", "Too", "Much", "Well", "Again", "Already", "Ago",
    "Around", "Against", "Between", "Through", "Without", "Within", "Into", "Onto", "Upon",
    "Near", "Like", "Unlike", "Following", "According", "Including", "Excluding", "Besides",
    "Whether", "Unless", "Whatever", "Whoever", "Whose", "Whom", "Other", "Others", "Men",
    "Women", "People", "Children", "Troops", "Soldiers", "Rebels", "Protesters", "Workers",
    "Doctors", "Experts", "Economists", "Diplomats", "Ministers", "Leaders", "Authorities",
    "Government", "Opposition", "Parliament", "Congress", "Sen", "Gov", "Rep", "State", "City",
    "Team", "Group", "Company", "Chairman", "President", "Minister",
];

/// Month and weekday names: capitalised, but dates, not names.
pub const CALENDAR: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
];

/// Lower-case words that join the parts of one name ("Bank of England", "Ludwig van
/// Beethoven", "Osama bin Laden").
pub const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "den",
    "la", "le", "y", "bin", "ibn", "al", "el", "for", "&", "the",
];

/// Acronyms every reader knows; they need no expansion.
pub const KNOWN_ACRONYMS: &[&str] = &[
    "US", "U.S.", "UK", "U.K.", "UN", "U.N.", "EU", "E.U.", "NATO", "FBI", "CIA", "TV", "AM",
    "PM", "A.M.", "P.M.", "CEO", "GDP", "AIDS", "HIV", "OK", "USA", "U.S.A.", "DNA", "ID", "PR",
    "IT", "AI", "GMT", "UTC", "BC", "AD", "CD", "DVD", "SUV", "PC", "NBA", "NFL", "NHL", "MLB",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_knows_countries_demonyms_cities_and_orgs() {
        let g = &*GAZETTEER;
        assert!(g.lookup("kazakhstan").iter().any(|f| matches!(f, Fact::Country { capital, .. } if !capital.is_empty())));
        assert!(g.lookup("Kazakh").contains(&Fact::Demonym { country: "Kazakhstan" }));
        assert!(g.lookup("Germans").contains(&Fact::Demonym { country: "Germany" }));
        assert!(g.lookup("Almaty").iter().any(|f| matches!(f, Fact::City { country: "Kazakhstan", .. })));
        assert!(g.lookup("CSTO").iter().any(|f| matches!(f, Fact::Org { name: "Collective Security Treaty Organization", .. })));
        assert!(g.is_given_name("John"));
        assert!(g.lookup("Nowhereville").is_empty());
    }
}
