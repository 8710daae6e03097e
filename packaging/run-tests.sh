#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite: installs what is missing,
# builds with warnings as errors, installs Artillery for the load export's test (from npm; when
# npm's registry cannot be reached that test skips), runs every test (GUI tests on the
# offscreen platform), then runs every fuzz target for STUDIO_FUZZ_SECONDS each (default 60;
# 0 skips them).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/build.sh ci
# 3: the registry is unreachable; install-artillery.sh has left the marker the test skips on.
packaging/install-artillery.sh || [ $? -eq 3 ]
ctest --preset ci --parallel "$(nproc)"
fuzz_seconds="${STUDIO_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" != 0 ]; then
    packaging/fuzz.sh "$fuzz_seconds"
fi
