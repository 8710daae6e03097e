#!/usr/bin/env bash
# Screenshots of the whole index and of the export's word diff for
# docs/screenshots/index-problems-*.png and export-words-*.png: the real window at 1024x640
# and 1920x1080, light and dark, grabbed by the program itself
# (tests/ui/shell/IndexScreens.cpp). Builds nothing: build index_screens first.
#
#   packaging/index-screenshots.sh [BUILD_DIR] [REPOSITORY]
#
# BUILD_DIR defaults to build/default. REPOSITORY is the plugin repository to show (a folder
# holding community-plugins.json, e.g. a copy of the real index); by default samples/repo
# with a logo and a README taken away, so two entries have errors. Each run works on a
# fresh copy made into a git checkout, so the export compares with its commit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-${BUILD_DIR:-$root/build/default}}" && pwd)
source_repository=${2:-}
screens="$build/tests/ui/shell/index_screens"
if [ ! -x "$screens" ]; then
    echo "index-screenshots.sh: $screens not found; build the target index_screens" >&2
    exit 2
fi
command -v git > /dev/null || { echo "index-screenshots.sh: git is missing" >&2; exit 2; }

out="$root/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 1024x640 1920x1080; do
    for theme in light dark; do
        home="$work/home-$size-$theme"
        # The folder's name is the repository's name in the window.
        repository="$work/$size-$theme/$(basename "${source_repository:-repo}")"
        mkdir -p "$home/runtime" "$(dirname "$repository")"
        chmod 700 "$home/runtime"
        if [ -n "$source_repository" ]; then
            cp -r "$source_repository" "$repository"
        else
            cp -r "$root/samples/repo" "$repository"
            rm "$repository/plugins/logos/live-fact-checker.png"
            rm "$repository/plugins/instructions/meeting-notes/README.md"
        fi
        chmod -R u+w "$repository"
        git -C "$repository" init --quiet --initial-branch=main
        git -C "$repository" add --all
        git -C "$repository" -c user.name=Screenshots -c user.email=screenshots@example.com \
            -c commit.gpgsign=false commit --quiet -m "The index as published"
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
