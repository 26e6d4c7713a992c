#!/usr/bin/env bash
# VS Code extension: type check, unit tests, .vsix packaging (bundling the copydesk binary under
# test), then the end-to-end test in code-server + Chromium. npm packages and code-server are
# cached under .ci/cache/ (git-ignored); apt packages are installed only when missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${COPYDESK_CI_CACHE:-$ROOT/.ci/cache}
BIN=$(realpath "${COPYDESK_BIN:-$ROOT/target/release/copydesk}")
[ -x "$BIN" ] || { echo "no copydesk binary at $BIN (set COPYDESK_BIN)" >&2; exit 2; }
export npm_config_cache=$CACHE/npm npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

cd "$HERE"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --prefer-offline
fi
npm run typecheck
npm test
mkdir -p server
install -m 755 "$BIN" server/copydesk
npm run package

"$HERE/e2e/install-code-server.sh" "$CACHE/code-server"
CODE_SERVER=$CACHE/code-server/node_modules/code-server/out/node/entry.js VSIX=$HERE/copydesk.vsix \
  timeout 600 node e2e/run.mjs
