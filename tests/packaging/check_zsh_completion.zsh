#!/usr/bin/env zsh
# Runs the zsh completion as an interactive zsh does: a zsh on a pseudo-terminal (zpty)
# with compinit and the completion's folder first in fpath types a command line and Tab;
# compadd, wrapped, prints what the completion offers. Each case compares those words.
#
#   check_zsh_completion.zsh COMPLETION_DIR
completion_dir=${1:A}
work=$(mktemp -d)
trap 'rm -rf $work' EXIT
mkdir -p $work/plugins
touch $work/plugin.json $work/meeting.srt $work/voice.wav $work/README.md

zmodload zsh/zpty

# offered LINE: sets REPLY to the words offered when Tab is pressed after LINE, sorted, on
# one line. (Not in a command substitution: zpty in a subshell hangs without a terminal.)
offered() {
    zpty z zsh -f -i
    zpty -w z "PROMPT= ; fpath=($completion_dir \$fpath); cd $work; autoload -U compinit; compinit -u -D"
    # Every match goes through compadd: print it, then add it as usual. Calls that only
    # query (-O, -A, -D) pass through.
    zpty -w z 'compadd () {
        [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]] && { builtin compadd "$@"; return $? }
        local -a hits
        builtin compadd -A hits "$@"
        (( $#hits )) && print -l -- "<""hit>"${^hits}
        builtin compadd "$@"
    }'
    # Tab completes, then says so and leaves: nothing typed after it can race the completion.
    zpty -w z 'finish() { zle complete-word; print "<""end>"; exit }; zle -N finish; bindkey "^I" finish'
    zpty -n -w z "$1"$'\t'
    local line
    local -a words
    local deadline=$(( SECONDS + 30 ))
    while (( SECONDS < deadline )); do
        if ! zpty -r -t z line; then
            sleep 0.05
            continue
        fi
        [[ $line == *"<end>"* ]] && break
        # The line ends in the terminal's \r\n.
        [[ $line == *"<hit>"* ]] && words+=(${${line##*<hit>}//[[:cntrl:]]/})
    done
    zpty -d z
    words=(${(o)words})
    REPLY="$words"
}

failures=0
expect() { # WANTED LINE
    offered $2
    if [[ $REPLY != $1 ]]; then
        print -u2 "FAIL: '$2' offered '$REPLY', wanted '$1'"
        (( failures++ ))
    fi
}

expect "validate" "plugin-studio va"
expect "--max-error-rate --max-in-flight --max-p95 --max-time" "plugin-studio load --max-"
expect "--chunk-seconds" "plugin-studio load --ch"
expect "plugins voice.wav" "plugin-studio load --audio "
expect "delete export limits list rerun show" "plugin-studio runs "
expect "--max-mb --max-runs" "plugin-studio runs limits --max-"
expect "--profile" "plugin-studio simulate memory --pro"
expect "app-2024-07 backend guide" "plugin-studio simulate memory --manifest plugin.json --profile "
# Transcripts are JSON, SRT or WebVTT: no audio, no markdown.
expect "meeting.srt plugin.json plugins" "plugin-studio simulate transcript --transcript "
expect "plugin.json plugins" "plugin-studio validate "
expect "--help --host --port --quiet" "plugin-studio serve --"
expect "--app --app-id" "plugin-studio emulate-api --ap"
expect "github json sarif text" "plugin-studio validate plugin.json --format "

(( failures )) && exit 1
print "zsh completion: every case offered what it should"
