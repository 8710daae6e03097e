#!/usr/bin/env bash
# Installs the Debian 12 packages Plugin Studio needs to build, test and run.
# Safe to run again: it installs only what is missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-image-formats-plugins libgl-dev libqt6sql6-sqlite
    libqscintilla2-qt6-dev
    qt6-charts-dev libqt6opengl6-dev  # Qt Charts; its CMake config needs Qt6OpenGL's
    nlohmann-json3-dev
    libcurl4-openssl-dev curl
    zlib1g-dev  # gzip and deflate bodies decoded without libcurl (HttpResponseReader)
    libxml2-utils  # xmllint: the tests check the JUnit reports against an XSD
    libcmark-gfm-dev libcmark-gfm-extensions-dev
    clang libclang-rt-14-dev llvm  # fuzz targets: libFuzzer, sanitizer runtimes, symbolizer
    python3 python3-jsonschema python3-fastapi python3-uvicorn
    python3-yaml jq  # the CI examples (docs/ci) run as written in a test
    openssl xvfb xauth fonts-dejavu-core
    librsvg2-bin  # the icon's PNG sizes, made from its SVG at build time
    dpkg-dev fakeroot desktop-file-utils appstream lintian  # the Debian package and its test
    zsh  # the zsh completion's test
)
# Node and npm: Artillery, for the load export's test (packaging/install-artillery.sh). A Node
# installed otherwise comes with its own npm, which Debian's would conflict with.
if ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi
packages+=("$@") # extra packages a caller needs (e.g. the screenshot script)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    run_as_root=()
elif command -v sudo >/dev/null; then
    run_as_root=(sudo)
else
    echo "error: installing packages needs root; run as root or install sudo" >&2
    exit 1
fi
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
