#!/usr/bin/env bash
# Installs Artillery (npm `artillery`, pinned) into a local folder, for the test that runs a
# scenario exported by `plugin-studio load --export-artillery` and for running one by hand:
#   packaging/install-artillery.sh [DIR]      (default: build/tools/artillery)
#   DIR/node_modules/.bin/artillery run DIR-of-the-export/scenario.yml
# Quick when that version is already there. Exit status: 0 installed, 1 the install failed,
# 2 npm or node missing, 3 npm's registry unreachable (DIR/registry-unreachable then says so,
# and the test skips rather than fails).
set -euo pipefail
cd "$(dirname "$0")/.."
# 2.0.21 is the last release that runs on Debian 12's Node 18 and on Node 20 (2.0.22 wants 22).
version=2.0.21
dir="${1:-build/tools/artillery}"
marker="$dir/registry-unreachable"
installed="$dir/node_modules/artillery/package.json"

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    echo "install-artillery: npm and node are needed (apt-get install nodejs npm)" >&2
    exit 2
fi
if [ -f "$installed" ] && grep -q "\"version\": \"$version\"" "$installed"; then
    rm -f "$marker"
    echo "install-artillery: artillery $version is in $dir"
    exit 0
fi
mkdir -p "$dir"
if ! npm view --silent "artillery@$version" version >/dev/null 2>&1; then
    echo "npm's registry ($(npm config get registry)) cannot be reached" > "$marker"
    echo "install-artillery: npm's registry ($(npm config get registry)) cannot be reached;" \
        "artillery is not installed in $dir" >&2
    exit 3
fi
rm -f "$marker"
echo "install-artillery: installing artillery $version into $dir (a few minutes, ~450 MB)"
# Artillery's browser engine (Playwright) would download Chromium from its own CDN: HTTP
# scenarios do not need it.
if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "artillery@$version"; then
    echo "install-artillery: npm install artillery@$version into $dir failed" >&2
    exit 1
fi
echo "install-artillery: artillery $version is in $dir"
