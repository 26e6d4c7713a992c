#!/usr/bin/env python3
"""Linear-time check: run the release `copydesk check` on generated drafts of growing size.

Prints a table of wall time, throughput and peak memory from 10 kB to 50 MB, then counts
instructions with `valgrind --tool=callgrind` (deterministic, unlike time on a shared machine)
for a range of sizes in both formats, and fails when the instructions per byte, with the cost
of an empty run taken off, grow more than 2x from the smallest to the largest size: the mark
of a quadratic scan. Memory per byte is gated the same way on the timed runs.

    python3 bench/scaling.py            # full table and gate (a few minutes)
    python3 bench/scaling.py --quick    # smaller sizes, for CI
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_GROWTH = 2.0


def target_dir():
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def build():
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "copydesk", "--example", "gen-drafts"],
        cwd=ROOT,
        check=True,
    )
    release = target_dir() / "release"
    return release / "copydesk", release / "examples" / "gen-drafts"


def generate(gen, path, size):
    if size == 0:
        path.write_text("")
    else:
        subprocess.run([str(gen), "size", str(path), str(size)], check=True)
    return path


def check_cmd(exe, path):
    # `--fail-on never`: findings are expected; `--date` so no run depends on today.
    return [str(exe), "check", str(path), "--format", "json", "--fail-on", "never",
            "--date", "2023-03-08"]


def timed(cmd):
    """Wall seconds and peak RSS (kB) of one run, from the child's own rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {err}")
    return wall, usage.ru_maxrss


def instructions(cmd, tmp):
    out = tmp / "callgrind.out"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    for line in out.read_text().splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    sys.exit("callgrind wrote no totals")


def human(n):
    for unit, size in (("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= size:
            return f"{n / size:.0f} {unit}"
    return f"{n} B"


def gate(name, per_byte):
    """per_byte: [(size, value)] smallest first. Fails when the last is > 2x the first."""
    (small, first), (large, last) = per_byte[0], per_byte[-1]
    growth = last / first if first > 0 else float("inf")
    verdict = "ok" if growth <= MAX_GROWTH else "QUADRATIC?"
    print(f"{name}: {first:.1f}/B at {human(small)} -> {last:.1f}/B at {human(large)}: "
          f"x{growth:.2f} ({verdict}, limit x{MAX_GROWTH})")
    return growth <= MAX_GROWTH


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (CI)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed for instruction counts (apt-get install -y valgrind)")
    exe, gen = build()
    kb, mb = 1 << 10, 1 << 20
    timed_sizes = [10 * kb, 100 * kb, mb, 4 * mb, 16 * mb, 32 * mb] + ([] if args.quick else [50 * mb])
    counted_sizes = [10 * kb, 100 * kb, mb] + ([] if args.quick else [4 * mb])
    ok = True
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        # Past the default max_file_size (10 MB) on purpose: this measures how cost grows.
        (tmp / "copydesk.toml").write_text("max_file_size = 1000000000\n")
        empty = generate(gen, tmp / "empty.md", 0)
        base_rss = min(timed(check_cmd(exe, empty))[1] for _ in range(3))
        print("| input | time | throughput | peak memory |")
        print("|---|---|---|---|")
        mem_per_byte = []
        for size in timed_sizes:
            path = generate(gen, tmp / f"draft-{size}.md", size)
            real = path.stat().st_size
            wall, rss = min(timed(check_cmd(exe, path)) for _ in range(3 if size < 10 * mb else 1))
            print(f"| {human(real)} | {wall * 1000:.1f} ms | {real / wall / mb:.1f} MB/s "
                  f"| {rss / 1024:.1f} MB |")
            mem_per_byte.append((real, max(rss - base_rss, 1) * 1024 / real))
            path.unlink()
        # Below ~16 MB the peak is mostly what the process holds anyway (the baseline is only
        # an estimate of it): gate memory from 16 MB up.
        ok &= gate("memory per byte", [m for m in mem_per_byte if m[0] >= 16 * mb])
        for ext in ("md", "txt"):
            base = instructions(check_cmd(exe, generate(gen, tmp / f"empty.{ext}", 0)), tmp)
            per_byte = []
            for size in counted_sizes:
                path = generate(gen, tmp / f"draft-{size}.{ext}", size)
                real = path.stat().st_size
                per_byte.append((real, (instructions(check_cmd(exe, path), tmp) - base) / real))
            for real, ipb in per_byte:
                print(f"  .{ext} {human(real)}: {ipb:.0f} instructions/byte")
            ok &= gate(f"instructions per byte (.{ext})", per_byte)
    if not ok:
        sys.exit("scaling: cost per byte grows with the input (see above)")


if __name__ == "__main__":
    main()
