#!/usr/bin/env bash
# Runs the bash completion as bash runs it: sources it, sets COMP_WORDS and COMP_CWORD for a
# command line, calls the function `complete` registered, and compares what it offers.
#
#   check_bash_completion.sh BASH_COMPLETION
set -euo pipefail
completion=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p plugins recordings
touch plugin.json meeting.srt call.vtt voice.wav README.md report.har plugins/entry.json

# shellcheck source=/dev/null
source "$completion"
function=$(complete -p plugin-studio | sed -nE 's/.*-F ([^ ]+) .*/\1/p')
[ -n "$function" ] || { echo "the completion registers no function for plugin-studio" >&2; exit 1; }

failures=0
# expect "WANTED OFFERS" WORD...: the words offered when completing the last WORD (sorted).
expect() {
    local wanted=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function" plugin-studio "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    local offered
    offered=$(printf '%s\n' "${COMPREPLY[@]}" | sort | xargs)
    if [ "$offered" != "$wanted" ]; then
        echo "FAIL: '$*' offered '$offered', wanted '$wanted'" >&2
        failures=$((failures + 1))
    fi
}

expect "validate verify-signature" plugin-studio v
expect "check-setup" plugin-studio check
expect "audio memory transcript" plugin-studio simulate ""
# Audio is a WAV or raw PCM recording.
expect "plugins/ recordings/ voice.wav" plugin-studio simulate audio --manifest plugin.json --audio ""
expect "--chunk-seconds" plugin-studio simulate audio --ch
expect "--max-error-rate --max-in-flight --max-p95 --max-time" plugin-studio load --max-
expect "new reuse" plugin-studio load --connections ""
expect "--chunk-seconds" plugin-studio load --ch
expect "plugins/ recordings/ voice.wav" plugin-studio load --manifest plugin.json --audio ""
expect "call check" plugin-studio tools ""
expect "--arg --args" plugin-studio tools call search --manifest plugin.json --arg
expect "--transcript" plugin-studio simulate transcript --tr
expect "emulate-api" plugin-studio em
expect "--app --app-id" plugin-studio emulate-api --ap
expect "plugin.json plugins/ recordings/" plugin-studio emulate-api --app ""
# Transcripts are JSON, SRT or WebVTT: no audio, no markdown.
expect "call.vtt meeting.srt plugin.json plugins/ recordings/" \
    plugin-studio simulate transcript --manifest plugin.json --transcript ""
expect "plugin.json plugins/ recordings/" plugin-studio validate ""
expect "plugins/entry.json" plugin-studio validate plugins/
expect "apps-2026 plugins-2024" plugin-studio validate --contract ""
expect "github json sarif text" plugin-studio validate plugin.json --format ""
expect "json text" plugin-studio runs list --format ""
expect "--format" plugin-studio runs show last --f
expect "last" plugin-studio runs rerun ""
expect "--max-mb --max-runs" plugin-studio runs limits --max-
expect "recordings/ report.har" plugin-studio runs export last --har r
# A value of the user's own: nothing to offer.
expect "" plugin-studio simulate memory --manifest plugin.json --uid ""

if [ "$failures" -gt 0 ]; then
    exit 1
fi
echo "bash completion: every case offered what it should"
