#!/usr/bin/env bash
# Every editor and CI client against a real copydesk binary (COPYDESK_BIN, default
# target/release/copydesk): the GitHub workflow and pre-commit commands, Neovim 0.7.2 and 0.11
# headless, and VS Code (unit tests, packaging, code-server end to end). Installs what it needs
# (apt, pip, npm) idempotently, caching under .ci/cache/. Screenshots: editors/vscode/test-results/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
export COPYDESK_BIN=$(realpath "${COPYDESK_BIN:-$ROOT/target/release/copydesk}")
[ -x "$COPYDESK_BIN" ] || { echo "no copydesk binary at $COPYDESK_BIN (set COPYDESK_BIN)" >&2; exit 2; }
mkdir -p "$ROOT/.ci/cache"

status=0
section() { # name, command...
  local name=$1 start=$SECONDS
  shift
  echo "== editors: $name =="
  if "$@"; then
    echo "== editors: $name: ok ($((SECONDS - start))s)"
  else
    echo "== editors: $name: FAILED ($((SECONDS - start))s)"
    status=1
  fi
}
section "CI workflow and pre-commit" python3 "$HERE/ci/test_workflow.py"
section "Neovim" "$HERE/nvim/test.sh"
section "VS Code" "$HERE/vscode/test.sh"
exit $status
