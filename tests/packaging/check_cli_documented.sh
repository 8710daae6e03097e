#!/usr/bin/env bash
# Every command, subcommand and option the CLI's help lists must be in the man page and in
# both shell completions, so a new option cannot ship undocumented or uncompleted.
#
#   check_cli_documented.sh PLUGIN_STUDIO MAN_PAGE BASH_COMPLETION ZSH_COMPLETION
set -euo pipefail
studio=$1 man_page=$2 bash_completion=$3 zsh_completion=$4

# The man page as words: groff's escaped hyphens as hyphens.
man_text=$(sed 's/\\-/-/g' "$man_page")
# shellcheck source=/dev/null
source "$bash_completion"
zsh_text=$(cat "$zsh_completion")

missing=()
# The options a help text defines: those of its usage lines (up to the first blank line)
# and those that start a line of its option list, not those its prose refers to.
options_of() {
    { sed '/^$/q' <<< "$1"; grep -E '^ +-' <<< "$1" | sed -E 's/^ +//; s/ {2,}.*//'; } |
        grep -oE '(^|[][ (|,])--?[a-z][a-z0-9-]*' | sed 's/^[][ (|,]*//' | sort -u
}
in_words() { # WORD TEXT: WORD appears delimited by something other than a word character
    grep -qE "(^|[^a-z0-9_-])$(sed 's/[.]/\\./g' <<< "$1")([^a-z0-9_-]|$)" <<< "$2"
}

commands=$("$studio" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || { echo "no commands found in 'plugin-studio --help'" >&2; exit 1; }
for option in $(options_of "$("$studio" --help)"); do
    in_words "$option" "$man_text" || missing+=("man page: plugin-studio $option")
done

for command in $commands; do
    help=$("$studio" "$command" --help)
    grep -q "^\.SS $command\$" "$man_page" || missing+=("man page: section for '$command'")
    in_words "$command" "$_plugin_studio_commands" || missing+=("bash: command '$command'")
    grep -q "'$command:" <<< "$zsh_text" || missing+=("zsh: command '$command'")

    # Subcommands: the words after "plugin-studio COMMAND" in the usage lines.
    subcommands=$(sed -nE "s/^ *(Usage:)? *plugin-studio $command ([a-z]+)( .*)?\$/\2/p" <<< "$help" |
                  sort -u)
    bash_options=$(_plugin_studio_options "$command" "")
    for subcommand in $subcommands; do
        in_words "$subcommand" "$man_text" || missing+=("man page: '$command $subcommand'")
        bash_options+=" $(_plugin_studio_options "$command" "$subcommand")"
        in_words "$subcommand" "$zsh_text" || missing+=("zsh: '$command $subcommand'")
    done

    for option in $(options_of "$help"); do
        in_words "$option" "$man_text" || missing+=("man page: $command $option")
        # Bash offers the long form of -h only.
        [ "$option" = -h ] || in_words "$option" "$bash_options" ||
            missing+=("bash: $command $option")
        in_words "$option" "$zsh_text" || missing+=("zsh: $command $option")
    done
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "The CLI's help lists what these do not:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "man page and completions cover: $(wc -w <<< "$commands") commands and their options"
