#!/usr/bin/env bash
# Install code-server 4.100.3 (VS Code 1.100.3) offline-friendly into $1 (default .ci/cache/code-server).
# Idempotent: a finished install leaves a .done stamp and is reused. No GitHub downloads:
# ripgrep comes from Debian, native modules are rebuilt locally.
set -euo pipefail
DEST=${1:-$(cd "$(dirname "$0")/../../.." && pwd)/.ci/cache/code-server}
VERSION=4.100.3
if [ -f "$DEST/.done-$VERSION" ]; then exit 0; fi

need=()
command -v rg >/dev/null || need+=(ripgrep)
command -v chromium >/dev/null || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

mkdir -p "$DEST" && cd "$DEST"
[ -f package.json ] || echo '{"name":"copydesk-e2e-code-server","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"
CS=$DEST/node_modules/code-server
(
  cd "$CS/lib/vscode"
  npm install --no-audit --no-fund --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  npm_config_yes=true npm_config_unsafe_perm=true npm rebuild
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
)
# argon2 is hoisted to the install folder, next to code-server.
npm_config_build_from_source=true npm rebuild argon2
touch "$DEST/.done-$VERSION"
