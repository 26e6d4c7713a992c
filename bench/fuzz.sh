#!/usr/bin/env bash
# Fuzz the core for a bounded time: `bench/fuzz.sh [SECONDS_PER_TARGET]` (default 60).
#
# Targets (fuzz/fuzz_targets/): `analyze` (arbitrary bytes through the document model and every
# pass, both formats) and `edits` (arbitrary edit sequences applied to a draft, re-analysed
# after each). A crash leaves its input in fuzz/artifacts/<target>/ and fails the script: turn
# it into a test in tests/regression.rs named after what broke.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# cargo-fuzz needs nightly-only flags; the stable toolchain accepts them with this.
export RUSTC_BOOTSTRAP=1
cd fuzz
for target in analyze edits; do
    echo "== fuzz $target for ${secs}s =="
    mkdir -p "corpus/$target"
    cargo fuzz run "$target" -O "corpus/$target" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
