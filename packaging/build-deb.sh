#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the Debian package:
#
#   packaging/build-deb.sh [--from BUILD_DIR] [OUT_DIR]     (default OUT_DIR: build/package)
#
# Without --from it installs what is missing and builds the executable and the installed
# data (icons, compressed man page) in the "ci" preset's tree (optimised, with debug
# information, which the package strips), the tree the tests already built. With --from it
# packages BUILD_DIR as it is built (the package test does so). Installing and packaging
# compile nothing: `cmake --install` stages the install rules' files, stripped, and CPack
# makes the .deb from that stage. CPack's own install would first build every target of
# the tree, tests included; a second, Release-only tree would compile everything again.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=""
if [ "${1:-}" = --from ]; then
    build=$(cd "$2" && pwd)
    shift 2
fi
out=$(mkdir -p "${1:-build/package}" && cd "${1:-build/package}" && pwd)

if [ -z "$build" ]; then
    packaging/install-deps.sh
    export STUDIO_COMPILER_LAUNCHER="${STUDIO_COMPILER_LAUNCHER:-$(command -v ccache || true)}"
    cmake --preset ci > /dev/null
    cmake --build --preset ci --parallel "$(nproc)" --target plugin-studio install_data
    build="$root/build/ci"
fi
[ -f "$build/CPackConfig.cmake" ] || { echo "build-deb.sh: $build is not configured" >&2; exit 2; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage/root" cmake --install "$build" --prefix /usr --strip > /dev/null
# The stage holds usr/...; dpkg-shlibdeps finds the executable's libraries there.
cpack --config "$build/CPackConfig.cmake" -B "$stage/cpack" \
    -D CPACK_INSTALL_CMAKE_PROJECTS= -D "CPACK_INSTALLED_DIRECTORIES=$stage/root;/" > /dev/null
package=$(find "$stage/cpack" -maxdepth 1 -name '*.deb')
mv "$package" "$out/"
echo "$out/$(basename "$package")"
