#!/usr/bin/env bash
# Screenshots of the Simulate tab for docs/screenshots/simulate-*.png: the real window at
# 1280x800 and 1024x640, light and dark, against a loopback plugin, grabbed by the program
# itself (tests/ui/simulator/SimulateScreens.cpp). Builds nothing: build simulate_screens first.
#
#   packaging/simulate-screenshots.sh [BUILD_DIR]     (default: build/default)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${BUILD_DIR:-$root/build/default}}" && pwd)
screens="$build/tests/ui/simulator/simulate_screens"
if [ ! -x "$screens" ]; then
    echo "simulate-screenshots.sh: $screens not found; build the target simulate_screens" >&2
    exit 2
fi

out="$root/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 1280x800 1024x640; do
    for theme in light dark; do
        home="$work/home-$size-$theme"
        repository="$work/repository-$size-$theme"
        mkdir -p "$home/runtime"
        chmod 700 "$home/runtime"
        cp -r "$root/samples/repo" "$repository"
        chmod -R u+w "$repository"
        run=(env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
             XDG_RUNTIME_DIR="$home/runtime" QT_LOGGING_RULES="qt.qpa.*=false")
        if command -v xvfb-run > /dev/null; then
            "${run[@]}" xvfb-run -a -s "-screen 0 1920x1080x24 -dpi 96" \
                "$screens" "$repository" "$out" "$theme" "$size"
        else
            "${run[@]}" QT_QPA_PLATFORM=offscreen "$screens" "$repository" "$out" "$theme" "$size"
        fi
    done
done
