#!/usr/bin/env bash
# Screenshots of the Simulate tab for docs/screenshots/simulate-*.png: the real window at
# 1280x800 and 1024x640, light and dark, against a loopback plugin, grabbed by the program
# itself (tests/ui/simulator/SimulateScreens.cpp); and of its Listen page with the built-in
# plugin server in the status bar, listen-*.png, at 1024x640 and 1920x1080
# (tests/ui/servers/ListenScreens.cpp). Builds nothing: build simulate_screens and
# listen_screens first.
#
#   packaging/simulate-screenshots.sh [BUILD_DIR]     (default: build/default)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${BUILD_DIR:-$root/build/default}}" && pwd)
screens="$build/tests/ui/simulator/simulate_screens"
listen="$build/tests/ui/servers/listen_screens"
for program in "$screens" "$listen"; do
    if [ ! -x "$program" ]; then
        echo "simulate-screenshots.sh: $program not found; build the target" \
             "$(basename "$program")" >&2
        exit 2
    fi
done

out="$root/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs "$@" with HOME and the XDG folders in $work/home-<name>, on a virtual X server when
# there is one.
isolated() {
    local home="$work/home-$1"
    shift
    mkdir -p "$home/runtime"
    chmod 700 "$home/runtime"
    local run=(env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
               XDG_RUNTIME_DIR="$home/runtime" QT_LOGGING_RULES="qt.qpa.*=false")
    if command -v xvfb-run > /dev/null; then
        "${run[@]}" xvfb-run -a -s "-screen 0 1920x1080x24 -dpi 96" "$@"
    else
        "${run[@]}" QT_QPA_PLATFORM=offscreen "$@"
    fi
}

for size in 1280x800 1024x640; do
    for theme in light dark; do
        repository="$work/repository-$size-$theme"
        cp -r "$root/samples/repo" "$repository"
        chmod -R u+w "$repository"
        isolated "$size-$theme" "$screens" "$repository" "$out" "$theme" "$size"
    done
done

for size in 1024x640 1920x1080; do
    for theme in light dark; do
        isolated "listen-$size-$theme" "$listen" "$out" "$theme" "$size"
    done
done
