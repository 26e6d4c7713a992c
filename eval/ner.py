#!/usr/bin/env python3
"""Score copydesk's entities pass on CoNLL-2003 (../shared/corpus/conll2003).

Runs the release binary `copydesk analyze - --syntax plain` on each document's text, maps
kinds to CoNLL types (person PER, organization ORG, place LOC, other MISC; nationality
mentions MISC), writes predictions to a temp dir and calls the shared scorer.

    python3 eval/ner.py [--split dev|train] [--all] [--gate] [--errors N]

--gate exits non-zero below the levels reached (untyped and typed F1 on dev prose).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("COPYDESK_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
CORPUS = os.path.join(SHARED, "corpus", "conll2003")
SCORER = os.path.join(SHARED, "eval", "ner", "score_ner.py")
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "copydesk")

GATE = {"untyped": 92.4, "typed": 81.0}
TYPES = {"person": "PER", "organization": "ORG", "place": "LOC", "other": "MISC"}


def predict(text):
    out = subprocess.run([BIN, "analyze", "-", "--syntax", "plain"], input=text.encode(),
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"copydesk failed: {out.stderr.decode()}")
    facts = json.loads(out.stdout)
    ents = []
    for e in facts.get("entities", []):
        for m in e["mentions"]:
            t = "MISC" if m.get("form") == "nationality" else TYPES[e["kind"]]
            if m.get("form") == "gloss":
                continue
            ents.append({"start": m["start"], "end": m["end"], "type": t})
    return ents


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--all", action="store_true", help="every document, not only prose")
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print N documents' errors")
    args = ap.parse_args()
    gold_path = os.path.join(CORPUS, f"{args.split}.jsonl")
    ids_path = os.path.join(CORPUS, f"{args.split}_prose_ids.txt")
    docs = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    ids = None if args.all else set(open(ids_path).read().split())
    tmp = tempfile.mkdtemp(prefix="copydesk-ner-")
    pred_path = os.path.join(tmp, "pred.jsonl")
    shown = 0
    with open(pred_path, "w", encoding="utf-8") as f:
        for d in docs:
            if ids is not None and d["id"] not in ids:
                continue
            ents = predict(d["text"])
            f.write(json.dumps({"id": d["id"], "entities": ents}) + "\n")
            if shown < args.errors:
                shown += 1
                b = d["text"].encode()
                gold = {(len(d["text"][:g["start"]].encode()), len(d["text"][:g["end"]].encode()), g["type"]) for g in d["entities"]}
                pred = {(p["start"], p["end"], p["type"]) for p in ents}
                for s, e, t in sorted(gold - pred):
                    print(f"MISS {d['id']} {b[s:e].decode()!r} {t}")
                for s, e, t in sorted(pred - gold):
                    print(f"FALSE {d['id']} {b[s:e].decode()!r} {t}")
    cmd = [sys.executable, SCORER, gold_path, pred_path, "--offsets", "utf8"]
    if ids is not None:
        cmd += ["--ids", ids_path]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    print(res.stdout)
    if args.gate:
        scores = {}
        for line in res.stdout.splitlines():
            low = line.lower()
            for key in GATE:
                if low.strip().startswith(key) and key not in scores:
                    nums = re.findall(r"\d+\.\d+", line)
                    if nums:
                        scores[key] = float(nums[-1])
        for key, floor in GATE.items():
            got = scores.get(key)
            if got is None or got < floor:
                sys.exit(f"gate: {key} F1 {got} below {floor}")
        print("gate: passed")


if __name__ == "__main__":
    main()
