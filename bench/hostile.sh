#!/usr/bin/env bash
# Giant and hostile files through the release binary, in a temp dir: each must end with exit
# 0/1 (findings) or 2 (a clear error naming the file) within a time and memory budget, never a
# crash. Too big for `cargo test`; CI runs it.   bash bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin copydesk --example gen-drafts
release="${CARGO_TARGET_DIR:-target}/release"
exe="$release/copydesk"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$release/examples/gen-drafts" size "$tmp/big-100mb.md" 104857600
cp "$tmp/big-100mb.md" "$tmp/big-100mb.txt"
python3 - "$tmp" <<'PY'
import sys, pathlib
d = pathlib.Path(sys.argv[1])
(d / "one-line-1mb.md").write_text("Police said yesterday that “1,200 workers” left. " * 21000)
(d / "quotes-100k.md").write_text("“" * 100_000 + "\"" * 100_000 + "”" * 100_000)
(d / "nested-lists.md").write_text("- " * 100_000 + "said so\n")
(d / "nested-quotes.md").write_text("> " * 100_000 + "said so\n")
(d / "rtl-combining.md").write_text(("قال المتحدث أمس “هادئ”. e\u0301\u0302 " * 20_000))
(d / "nul.md").write_bytes(b"Police said\x00 yesterday\n")
(d / "latin1.md").write_bytes(b"caf\xe9 said yesterday\n")
# One 1 MB sentence of 80,000 figures: reading each figure's sentence from its start took 69 s.
(d / "figures-one-sentence.md").write_text(
    "Officials counted " + ", ".join(f"{i % 900 + 2} troops" for i in range(80_000)) + ".\n")
(d / "suppressions.md").write_text("<!-- copydesk-disable -->\n" * 20_000 + "Police said.\n"
                                   + "<!-- copydesk-enable -->\n" * 20_000)
PY

fail=0
# name, expected exit codes, seconds, MB of peak memory
check() {
    local file="$1" codes="$2" secs="$3" mb="$4"
    local start end rc rss
    start=$(date +%s.%N)
    set +e
    /usr/bin/time -f "%M" -o "$tmp/rss" timeout "$secs" "$exe" check "$tmp/$file" \
        --format json --fail-on never --date 2023-03-08 >/dev/null 2>"$tmp/err"
    rc=$?
    set -e
    end=$(date +%s.%N)
    rss=$(( $(tail -n 1 "$tmp/rss" 2>/dev/null || echo 0) / 1024 ))
    printf '%-22s exit %s  %6.2f s  %5s MB\n' "$file" "$rc" "$(echo "$end - $start" | bc)" "$rss"
    if [[ " $codes " != *" $rc "* ]]; then
        echo "  FAIL: expected exit $codes: $(head -c 300 "$tmp/err")"; fail=1
    elif [[ "$rc" == 2 ]] && ! grep -q "$file" "$tmp/err"; then
        echo "  FAIL: the error does not name the file: $(head -c 300 "$tmp/err")"; fail=1
    elif (( rss > mb )); then
        echo "  FAIL: more than $mb MB of memory"; fail=1
    fi
}
# Over the default max_file_size (10 MB): refused at once, by name, without reading it.
check big-100mb.md "2" 10 100
check big-100mb.txt "2" 10 100
# These two make one finding every few dozen bytes (42,000 and 300,000 of them), and `check`
# holds every finding in memory to print them in order. Measured 103 MB and 351 MB with
# jemalloc (127 MB and 233 MB with glibc's malloc; 369 MB and 1.65 GB before the JSON output
# stopped building a value tree); the budgets leave headroom so growth cannot go unnoticed.
check one-line-1mb.md "0 1" 20 250
check quotes-100k.md "0 1" 20 400
check nested-lists.md "0 1" 20 200
check nested-quotes.md "0 1" 20 200
check rtl-combining.md "0 1" 20 200
check suppressions.md "0 1" 20 200
check figures-one-sentence.md "0 1" 20 400
check nul.md "2" 5 100
check latin1.md "2" 5 100
exit $fail
