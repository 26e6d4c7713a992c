#!/usr/bin/env python3
"""Score copydesk's date pass on TempEval-3 TimeBank (../shared/corpus/tempeval3).

usage: temporal.py [--shared DIR] [--bin PATH] [--errors N] [--gate]

Runs the release binary (`copydesk analyze - --syntax plain --date DCT`) on every document's text, writes
the predicted timexes to a temporary JSONL file and calls the shared scorer on it with
`--offsets utf8`. With --gate, exits non-zero when a score falls below the level reached.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Levels reached (see README "## Dates"); the gate fails below them.
GATE = {"date_relaxed_f1": 0.955, "relative_day_acc": 0.936, "all_date_value_acc": 0.884}


def predict(binary, doc):
    out = subprocess.run(
        [binary, "analyze", "-", "--syntax", "plain", "--date", doc["dct"]],
        input=doc["text"].encode("utf-8"), capture_output=True, check=True)
    analysis = json.loads(out.stdout)
    return [{"start": d["start"], "end": d["end"], "value": d["value"]}
            for d in analysis.get("dates", [])]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("COPYDESK_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--bin", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "copydesk"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--gate", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"{a.bin} not found: run `cargo build --release` first (or pass --bin)")
    shared = a.shared if os.path.isdir(a.shared) else "/work/shared"
    gold = os.path.join(shared, "corpus", "tempeval3", "timebank.jsonl")
    scorer = os.path.join(shared, "eval", "temporal", "score.py")
    docs = [json.loads(l) for l in open(gold, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "pred.jsonl")
        with open(pred, "w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps({"id": doc["id"], "timexes": predict(a.bin, doc)}) + "\n")
        numbers = os.path.join(tmp, "scores.json")
        cmd = [sys.executable, scorer, gold, pred, "--offsets", "utf8", "--json", numbers]
        if a.errors:
            cmd += ["--errors", str(a.errors)]
        subprocess.run(cmd, check=True)
        s = json.load(open(numbers))
    rel = s["day_normalisation"]["relative"]
    gran = s["value_by_granularity"].values()
    got = {
        "date_relaxed_f1": s["detection"]["date_relaxed"]["f1"],
        "relative_day_acc": rel["correct"] / rel["gold"] if rel["gold"] else 0.0,
        "all_date_value_acc": sum(g["correct"] for g in gran) / max(1, sum(g["gold"] for g in gran)),
    }
    print()
    for k, v in got.items():
        print(f"{k:20s} {v:.3f}  (gate {GATE[k]:.3f})")
    if a.gate:
        low = [k for k, v in got.items() if v < GATE[k]]
        if low:
            print("below the gate: " + ", ".join(low), file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
