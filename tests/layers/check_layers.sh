#!/usr/bin/env bash
# The layer check is real: a layered project links, and the same project with one library
# calling a library it does not declare fails to link, naming the symbol.
set -euo pipefail
cmake_dir="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="$(dirname "$0")/project"

cmake -S "$project" -B "$work/good" -G Ninja -DSTUDIO_CMAKE_DIR="$cmake_dir" >/dev/null
cmake --build "$work/good" >/dev/null
echo "ok: a layered project links"

cmake -S "$project" -B "$work/bad" -G Ninja -DSTUDIO_CMAKE_DIR="$cmake_dir" \
    -DSIBLING_REACHES_HIGH=ON >/dev/null
if cmake --build "$work/bad" >"$work/bad.log" 2>&1; then
    echo "FAIL: a library that calls a sibling it does not declare was linked" >&2
    exit 1
fi
if ! grep -q "undefined reference to .high()" "$work/bad.log"; then
    echo "FAIL: the build failed, but not on the undeclared symbol:" >&2
    cat "$work/bad.log" >&2
    exit 1
fi
echo "ok: a call into an undeclared library fails to link"
