#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the studio open on the bundled sample repository.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/build.sh default --target plugin-studio
exec build/default/app/plugin-studio "${@:-samples/repo}"
