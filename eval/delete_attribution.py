#!/usr/bin/env python3
"""Recall of `unattributed-quote`: delete the attributions of quotations and see them flagged.

Published news almost never leaves a quotation without a speaker, so PolNeAR cannot measure
recall directly. This tool derives drafts that do: for each paragraph of a dev article that
holds a full-sentence direct quotation (capitalised, three words or more) covered by a sourced
gold attribution, it deletes the source and cue of every sourced gold attribution in that
paragraph (and in the paragraphs a quotation runs on into) and runs `copydesk analyze` on the
result. A target quotation is found when an `unattributed-quote` finding overlaps it.

Usage: eval/delete_attribution.py [--split dev|train] [--limit N] [--gate] [--show N]
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attribution as ev  # noqa: E402

QUOTE = re.compile(r'“[^”“]{1,3000}?”|"[^"\n]{1,3000}?"')
GATE_RECALL = 0.9


def paragraphs(text):
    """(start, end) of the paragraphs as copydesk reads plain text: blocks separated by blank
    lines, or every line when the text has no blank line between lines."""
    blank = re.search(r"\S[ \t]*\n\s*\n\s*\S", text)
    sep = re.compile(r"\n\s*\n" if blank else r"\n")
    out, pos = [], 0
    for m in sep.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def targets(doc):
    """Full-sentence quotations covered >= 50% by a sourced attribution's content."""
    text = doc["text"]
    cov = bytearray(len(text))
    for a in doc["attributions"]:
        if a["has_source"]:
            for s, e in a["content"]:
                cov[s:e] = b"\x01" * (e - s)
    out = []
    for m in QUOTE.finditer(text):
        s, e = m.start() + 1, m.end() - 1
        words = text[s:e].split()
        first = next((c for c in text[s:e] if c.isalnum()), "")
        if len(words) >= 3 and first.isupper() and sum(cov[s:e]) / max(1, e - s) >= 0.5:
            out.append((m.start(), m.end()))
    return out


def variants(doc):
    """(new text, [target quote ranges in it]) for each paragraph holding target quotes."""
    text = doc["text"]
    paras = paragraphs(text)
    by_para = {}
    for q in targets(doc):
        pi = next(i for i, (s, e) in enumerate(paras) if s <= q[0] <= e)
        by_para.setdefault(pi, []).append(q)
    for pi, quotes in by_para.items():
        lo, hi = paras[pi]
        # A quotation that does not close runs on: its paragraphs lose their attributions too.
        last = max(e for _, e in quotes)
        while hi < last and pi + 1 < len(paras):
            pi += 1
            hi = paras[pi][1]
        cut = []
        for a in doc["attributions"]:
            if not a["has_source"]:
                continue
            for s, e in a["source"] + a["cue"]:
                inside_quote = any(qs <= s < qe for qs, qe in quotes)
                if lo <= s and e <= hi and not inside_quote:
                    cut.append((s, e))
        if not cut:
            continue
        cut.sort()
        merged = []
        for s, e in cut:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        pieces, pos, shift = [], 0, []
        for s, e in merged:
            pieces.append(text[pos:s])
            pos = e
            shift.append((s, e - s))
        pieces.append(text[pos:])
        new = "".join(pieces)

        def moved(o):
            return o - sum(n for s, n in shift if s < o)
        yield new, [(moved(s), moved(s) + (e - s)) for s, e in quotes]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N missed quotations")
    a = ap.parse_args()
    path = os.path.join(ev.SHARED, "corpus", "polnear", "polnear_%s.jsonl" % a.split)
    docs = ev.load(path, a.limit)
    jobs = []
    for d in docs:
        for new, quotes in variants(d):
            jobs.append((d["id"], new, d["meta"].get("publication_date"), quotes))
    results = ev.analyze_all([(j[0], j[1], j[2]) for j in jobs])
    found = total = shown = 0
    for (doc_id, new, _, quotes), res in zip(jobs, results):
        b2c = {}
        pos = 0
        for i, ch in enumerate(new):
            b2c[pos] = i
            pos += len(ch.encode("utf-8"))
        b2c[pos] = len(new)
        flags = [(b2c.get(f["start"], -1), b2c.get(f["end"], -1)) for f in res["findings"]
                 if f["code"] == "unattributed-quote"]
        for s, e in quotes:
            total += 1
            hit = any(fs < e and s < fe for fs, fe in flags)
            found += hit
            if not hit and shown < a.show:
                shown += 1
                print("MISSED %s: %s" % (doc_id, new[max(0, s - 150):e + 80].replace("\n", " | ")))
    recall = found / total if total else 0.0
    print("unattributed-quote recall on quotations whose attribution was deleted: "
          "%d/%d = %.1f%% (%d derived drafts)" % (found, total, 100 * recall, len(jobs)))
    if a.gate:
        if recall < GATE_RECALL:
            print("gate failed: recall %.4f < %.4f" % (recall, GATE_RECALL))
            sys.exit(1)
        print("gate passed")


if __name__ == "__main__":
    main()
