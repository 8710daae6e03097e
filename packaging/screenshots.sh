#!/usr/bin/env bash
# Screenshots of the studio for docs/screenshots/: every view at 1024x640 and 1920x1080,
# light and dark, grabbed from the real window on a virtual X server (xvfb-run) with
# ImageMagick's import, or by the program itself where import is missing. Builds nothing:
# build the target studio_screens first. SCREENSHOTS_DIR writes them elsewhere.
#
#   packaging/screenshots.sh [BUILD_DIR]     (default: build/default)
#
# Each run works on a fresh copy of samples/repo and a temporary HOME, so neither the
# samples nor the user's settings change.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = "--inside" ]; then
    # Runs inside xvfb-run: drive the scenes, grab the screen at each one.
    screens=$2 repository=$3 theme=$4 size=$5 out=$6
    if ! command -v import > /dev/null; then
        exec "$screens" "$repository" "$theme" "$out" "$size-$theme" < /dev/null
    fi
    coproc STUDIO { "$screens" "$repository" "$theme"; }
    studio_pid=$STUDIO_PID
    while read -r word name <&"${STUDIO[0]}"; do
        [ "$word" = scene ] || continue
        import -window root "$out/$name-$size-$theme.png"
        echo "$out/$name-$size-$theme.png"
        echo next >&"${STUDIO[1]}"
    done
    wait "$studio_pid"
    exit
fi

build=$(cd "${1:-${BUILD_DIR:-$root/build/default}}" && pwd)
screens="$build/tests/ui/shell/studio_screens"
if [ ! -x "$screens" ]; then
    echo "screenshots.sh: $screens not found; build the target studio_screens first" >&2
    exit 2
fi
command -v xvfb-run > /dev/null || { echo "screenshots.sh: xvfb-run is missing" >&2; exit 2; }

out="${SCREENSHOTS_DIR:-$root/docs/screenshots}"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 1024x640 1920x1080; do
    for theme in light dark; do
        home="$work/home-$size-$theme"
        repository="$work/repository-$size-$theme"
        mkdir -p "$home/runtime"
        chmod 700 "$home/runtime"
        cp -r "$root/samples/repo" "$repository"
        chmod -R u+w "$repository"
        # The sample app beside the repositories: the last scene opens it.
        [ -d "$work/app" ] || cp -r "$root/samples/apps/task-keeper" "$work/app"
        # A draft with the kinds of mistakes real submissions made, for the problems view.
        mkdir -p "$repository/drafts"
        cat > "$repository/drafts/note-taker.json" <<'JSON'
{
  "id": "Note Taker",
  "name": "Note Taker",
  "author": "@someone",
  "description": "",
  "image": "/plugins/logos/note-taker.png",
  "capabilities": [
    "memories",
    "chta"
  ],
  "memory_prompt": "",
  "external_integration": {
    "triggers_on": "memory_created",
    "webhook_url": "http://notes.example.com/hook",
    "setup_instructions_file_path": ""
  },
  "rating_avg": 4.5,
  "deleted": false
}
JSON
        HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
            XDG_RUNTIME_DIR="$home/runtime" \
            QT_LOGGING_RULES="qt.qpa.*=false" \
            xvfb-run -a -s "-screen 0 ${size}x24 -dpi 96" \
            "$0" --inside "$screens" "$repository" "$theme" "$size" "$out"
    done
done
