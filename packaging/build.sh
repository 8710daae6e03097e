#!/usr/bin/env bash
# Installs what is missing, then configures and builds with a CMake preset (default: "default").
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
shift || true

packaging/install-deps.sh
export STUDIO_COMPILER_LAUNCHER="${STUDIO_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
cmake --preset "$preset"
cmake --build --preset "$preset" --parallel "$(nproc)" "$@"
