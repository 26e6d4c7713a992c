#!/usr/bin/env python3
"""Measure the figures pass on real news (no public corpus labels inconsistent figures).

1. False alarms: run `copydesk analyze` on unmodified articles (PolNeAR, CoNLL-2003 prose) and
   count `inconsistent-*` / `*-mismatch` findings; each is a false alarm unless the article really
   is inconsistent. Reported per 20 articles. `number-style` findings are counted and sampled.
2. Perturbation recall: for every later mention that repeats an earlier figure for the same
   noun ("300 jobs" ... "300 jobs", found here with a plain regex, independently of copydesk; up
   to --per-article pairs an article, one perturbed copy each), change the later figure to an
   incompatible one (3v+7) and check that an `inconsistent-figure` finding points at it (its
   span or a related span overlaps the changed number). The gated recall is over the plain
   restatements (the later mention definite or after the same word as the first).

Usage: python3 eval/figures.py [--corpus ../shared/corpus] [--bin target/release/copydesk]
       [--limit N] [--per-article N] [--show] [--gate]
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys

FALSE_ALARM_CODES = re.compile(r"^(inconsistent-(figure|age)|(count|sum|conversion)-mismatch)$")
# Levels reached when the gate was set; --gate fails below them.
GATE_MAX_FALSE_PER_20 = 0.47
GATE_MIN_RECALL = 0.85

WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred"]
WORD_VALUE = {w: v for v, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve"])}
WORD_VALUE.update({"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50})
MENTION = re.compile(
    r"(?<![\w$.,/-])(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(WORDS) + r")\s+([a-z]+)\b")
# Nouns after which a repeated figure is not one counted thing (units, time, grammar words).
NOT_COUNTED = set("""percent percentage points point years year months month days day weeks week
hours hour minutes minute times time of and or to in on at the a for from by with than as is was
were are million billion trillion thousand p a.m pm am state states votes vote seats district
districts miles mile feet yards acres pounds degrees th st nd rd s decades decade runs innings hits
holes wickets metres meters tonnes tons roubles dollars euros cents kilometres km kg seconds
games matches goals strokes shots overs laps rounds pages""".split())
# A figure right after these is a date, a ratio or a label, not a count ("Sept. 11", "one in 10").
NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|fortune)|\bin|\bno\.|\bof)\s*$", re.I)


def utf8_offsets(text):
    """Code-point index -> UTF-8 byte offset table."""
    table, pos = [], 0
    for ch in text:
        table.append(pos)
        pos += len(ch.encode("utf-8"))
    table.append(pos)
    return table


def load(corpus, limit):
    docs = []
    for name in ["polnear/polnear_dev.jsonl", "polnear/polnear_train.jsonl"]:
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs.append((d["id"], d["text"], d.get("meta", {}).get("publication_date")))
    for split in ["dev", "train"]:
        ids_path = os.path.join(corpus, f"conll2003/{split}_prose_ids.txt")
        with open(ids_path, encoding="utf-8") as f:
            ids = {l.strip() for l in f if l.strip()}
        with open(os.path.join(corpus, f"conll2003/{split}.jsonl"), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["id"] in ids:
                    docs.append((d["id"], d["text"], "1996-08-30"))
    return docs[:limit] if limit else docs


def analyze(binary, text, date):
    cmd = [binary, "analyze", "-"] + (["--date", date[:10]] if date else [])
    p = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.decode("utf-8", "replace"))
    return json.loads(p.stdout)


def value_of(tok):
    tok = tok.lower()
    if tok in WORD_VALUE:
        return WORD_VALUE[tok]
    if tok == "hundred":
        return 100
    return int(tok.replace(",", ""))


OPEN_ENDED = re.compile(
    r"\b(?:at least|more than|over|up to|as many as|fewer than|less than|or|nearly|almost|about|some)\s*$", re.I)
DEFINITE = re.compile(r"\b(?:the|all|these|those)\s*$", re.I)


def word_before(text, at):
    return (re.findall(r"(\w+)\W*$", text[max(0, at - 30):at]) or [""])[0].lower()


def perturb(text, per_article):
    """Every later mention that repeats an earlier figure for the same noun, far apart, up to
    `per_article` of them: yields (new text, changed code-point span, same) with that later
    figure changed to an incompatible one (3v+7). `same` says the later mention plainly refers
    back to the first: it is definite ("the 13 men", "all 16 countries") or follows the same
    word as the first ("his 11 delegates")."""
    seen = {}
    out = []
    for m in MENTION.finditer(text):
        num, noun = m.group(1), m.group(2)
        if noun in NOT_COUNTED or NOT_A_COUNT_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        # "at least 13" and "at least 46" can both be true: only bare figures are perturbed.
        if OPEN_ENDED.search(text[max(0, m.start() - 20):m.start()]):
            continue
        try:
            v = value_of(num)
        except ValueError:
            continue
        if v < 2 or (1900 <= v <= 2100 and "," not in num):
            continue
        key = (v, noun)
        if key in seen and m.start() - seen[key] > 80 and len(out) < per_article:
            new_v = v * 3 + 7
            new = f"{new_v:,}" if "," in num or new_v >= 10000 else str(new_v)
            s, e = m.span(1)
            same = bool(DEFINITE.search(text[max(0, s - 12):s])) or word_before(text, s) == word_before(text, seen[key])
            out.append((text[:s] + new + text[e:], (s, s + len(new)), same))
        seen.setdefault(key, m.start())
    return out


def caught(binary, date, new_text, span):
    """Whether an `inconsistent-figure` finding (or a related span) overlaps the changed number."""
    table = utf8_offsets(new_text)
    bs, be = table[span[0]], table[span[1]]
    for f in analyze(binary, new_text, date)["findings"]:
        if f["code"] != "inconsistent-figure":
            continue
        spans = [(f["start"], f["end"])] + [(r["start"], r["end"]) for r in f["related"]]
        if any(a < be and bs < b for a, b in spans):
            return True
    return False


def run_one(binary, doc, per_article):
    did, text, date = doc
    base = analyze(binary, text, date)
    result = {"id": did, "findings": base["findings"], "text": text, "trials": []}
    for new_text, (s, e), same in perturb(text, per_article):
        result["trials"].append({
            "same": same,
            "caught": caught(binary, date, new_text, (s, e)),
            "perturbed": new_text[max(0, s - 60):e + 40].replace("\n", " "),
        })
    return result


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(os.environ.get("COPYDESK_SHARED", os.path.join(here, "../../shared")), "corpus"))
    ap.add_argument("--bin", default=os.environ.get(
        "COPYDESK_BIN", os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(here, "../target")), "release/copydesk")))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print every false alarm and miss")
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--per-article", type=int, default=5,
                    help="most repeated figure+noun pairs perturbed per article (one copy each)")
    args = ap.parse_args()
    docs = load(args.corpus, args.limit)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda d: run_one(args.bin, d, args.per_article), docs))

    false_alarms, style = [], []
    for r in results:
        b = r["text"].encode("utf-8")
        for f in r["findings"]:
            snippet = b[max(0, f["start"] - 50):f["end"] + 30].decode("utf-8", "replace").replace("\n", " ")
            if FALSE_ALARM_CODES.match(f["code"]):
                false_alarms.append((r["id"], f["code"], f["message"], snippet))
            elif f["code"] in ("number-style", "inconsistent-number-format"):
                style.append((r["id"], f["code"], f["message"], snippet))
    n = len(results)
    per20 = 20 * len(false_alarms) / max(n, 1)
    every = [dict(t, id=r["id"]) for r in results for t in r["trials"]]
    tried = [r for r in every if r["same"]]
    n_caught = sum(r["caught"] for r in tried)
    recall = n_caught / max(len(tried), 1)
    caught_all = sum(r["caught"] for r in every)
    if args.show:
        for fa in false_alarms:
            print("FALSE", *fa, sep=" | ")
        for r in every:
            if not r["caught"]:
                print("MISS" if r["same"] else "MISS-LOOSE", r["id"], "|", r["perturbed"], sep=" ")
        for s in style[:40]:
            print("STYLE", *s, sep=" | ")
    by_code = {}
    for _, code, _, _ in false_alarms:
        by_code[code] = by_code.get(code, 0) + 1
    print(f"articles: {n}")
    print(f"false inconsistent-*/*-mismatch findings: {len(false_alarms)} "
          f"({per20:.2f} per 20 articles) {by_code}")
    print(f"number-style / number-format hints: {len(style)} ({len(style) / max(n, 1):.2f} per article)")
    print(f"perturbations of a plain restatement (the later mention definite or after the same "
          f"word): {len(tried)}, caught {n_caught} (recall {recall:.1%})")
    print(f"all perturbations of a repeated figure+noun (incl. different things with one noun): "
          f"{len(every)}, caught {caught_all} ({caught_all / max(len(every), 1):.1%})")
    if args.gate and (per20 > GATE_MAX_FALSE_PER_20 or recall < GATE_MIN_RECALL):
        print("GATE FAILED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
