# bash completion for plugin-studio: commands, each command's options, and the files an
# option or argument takes (manifests and indexes .json, transcripts .json/.srt/.vtt,
# audio .wav/.pcm/.raw, reports .json/.har/.xml). Kept in step with the CLI's help by tests/packaging.

_plugin_studio_commands="validate export migrate simulate load check-setup runs serve listen emulate-api schema tools verify-signature help"
_plugin_studio_transport="--timeout --max-time --report --har --junit --max-p95 --ca-file --insecure --quiet --no-history --help"
_plugin_studio_target="--manifest --entry --url --uid --contract"
# The options that take no value; every other option's next word is its value.
_plugin_studio_flags=" --help -h --version -v --force --fast --shift-to-zero --insecure --quiet --no-history --changed --index "

# The options of COMMAND [SUBCOMMAND].
_plugin_studio_options()
{
    case "$1" in
        validate) echo "--repo --format --changed --contract --help" ;;
        export) echo "--into -o --output --force --contract --help" ;;
        migrate) echo "--entry -o --output --contract --help" ;;
        simulate)
            case "$2" in
                memory) echo "$_plugin_studio_target --memory --from-transcript --user-speaker" \
                             "--profile --signing-secret --faults --seed" \
                             "$_plugin_studio_transport" ;;
                transcript) echo "$_plugin_studio_target --transcript --user-speaker --window" \
                                 "--speed --fast --session-id --shift-to-zero --signing-secret" \
                                 "--faults --seed $_plugin_studio_transport" ;;
                audio) echo "$_plugin_studio_target --audio --sample-rate --chunk-seconds" \
                            "--speed --fast --signing-secret --faults --seed" \
                            "$_plugin_studio_transport" ;;
            esac ;;
        load) echo "--manifest --entry --url --contract --transcript --memory --audio" \
                   "--sample-rate --chunk-seconds --user-speaker --users --ramp --duration" \
                   "--window --speed --connections --max-in-flight" \
                   "--max-p95 --max-error-rate --report --junit --seed --faults --timeout" \
                   "--max-time --ca-file --insecure --quiet --export-artillery --help" ;;
        check-setup) echo "$_plugin_studio_target $_plugin_studio_transport" ;;
        runs)
            case "$2" in
                list) echo "--plugin --format --help" ;;
                show) echo "--format --help" ;;
                export) echo "--har --report --junit --help" ;;
                rerun) echo "--url --speed --fast --quiet --signing-secret --help" ;;
                limits) echo "--max-runs --max-mb --help" ;;
                *) echo "--help" ;;
            esac ;;
        serve) echo "--host --port --quiet --help" ;;
        listen) echo "--host --port --out --answer --max-body --quiet --no-history --help" ;;
        emulate-api) echo "--app --host --port --key --uid --app-id --quiet --help" ;;
        schema) echo "--contract --index --help" ;;
        tools)
            case "$2" in
                check) echo "--manifest --url --file --app-id --format --help" ;;
                call) echo "--manifest --url --file --app-id --uid --signing-secret --arg" \
                           "--args --no-history --help" ;;
                *) echo "--help" ;;
            esac ;;
        verify-signature) echo "--secret --header --uid --body --now --tolerance --help" ;;
    esac
}

# Sets COMPREPLY to the folders and the files with one of the given extensions that start
# with the word being completed.
_plugin_studio_files()
{
    local cur=$1 extension
    shift
    COMPREPLY=()
    for extension in "$@"; do
        while IFS= read -r file; do
            [ -n "$file" ] && COMPREPLY+=("$file")
        done < <(compgen -f -X "!*.$extension" -- "$cur")
    done
    while IFS= read -r folder; do
        [ -n "$folder" ] && COMPREPLY+=("$folder/")
    done < <(compgen -d -- "$cur")
    compopt -o filenames -o nospace 2> /dev/null || true
}

_plugin_studio()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local command="" subcommand="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            [[ $_plugin_studio_flags == *" $word "* ]] || ((i++)) # skip its value
            continue
        fi
        if [ -z "$command" ]; then
            command=$word
        elif [ -z "$subcommand" ] && [[ $command == simulate || $command == runs ||
            $command == tools ]]; then
            subcommand=$word
        fi
    done

    # The value an option takes.
    case "$prev" in
        --format)
            if [ "$command" = validate ]; then
                COMPREPLY=($(compgen -W "text json github sarif" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "text json" -- "$cur"))
            fi
            return ;;
        --contract) COMPREPLY=($(compgen -W "plugins-2024 apps-2026" -- "$cur")); return ;;
        --profile) COMPREPLY=($(compgen -W "backend guide app-2024-07" -- "$cur")); return ;;
        --window) COMPREPLY=($(compgen -W "1 500ms segment" -- "$cur")); return ;;
        --connections) COMPREPLY=($(compgen -W "reuse new" -- "$cur")); return ;;
        --manifest | --into | --memory | --answer | --file | --args | --app)
            _plugin_studio_files "$cur" json; return ;;
        --transcript | --from-transcript)
            _plugin_studio_files "$cur" json srt vtt; return ;;
        --audio) _plugin_studio_files "$cur" wav pcm raw; return ;;
        --report) _plugin_studio_files "$cur" json; return ;;
        --har) _plugin_studio_files "$cur" har; return ;;
        --junit) _plugin_studio_files "$cur" xml; return ;;
        --ca-file) _plugin_studio_files "$cur" pem crt; return ;;
        --repo | --out | --export-artillery) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -o | --output | --body)
            COMPREPLY=($(compgen -f -- "$cur"))
            compopt -o filenames 2> /dev/null || true
            return ;;
        --entry | --url | --uid | --session-id | --user-speaker | --speed | --timeout | \
            --max-time | --max-p95 | --signing-secret | --plugin | --max-runs | --max-mb | \
            --host | --port | --max-body | --secret | --header | --now | --tolerance | \
            --sample-rate | --chunk-seconds | --app-id | --arg | --users | --ramp | \
            --duration | --max-in-flight | --max-error-rate | --seed | --key | --faults)
            return ;; # a value of the user's own
    esac

    if [ -z "$command" ]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
        else
            # A command, or the repository or manifest the studio opens.
            COMPREPLY=($(compgen -W "$_plugin_studio_commands" -- "$cur"))
            local commands=("${COMPREPLY[@]}")
            _plugin_studio_files "$cur" json
            COMPREPLY=("${commands[@]}" "${COMPREPLY[@]}")
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_plugin_studio_options "$command" "$subcommand")" -- "$cur"))
        return
    fi
    case "$command" in
        simulate)
            [ -z "$subcommand" ] && COMPREPLY=($(compgen -W "memory transcript audio" -- "$cur")) ;;
        tools)
            [ -z "$subcommand" ] && COMPREPLY=($(compgen -W "check call" -- "$cur")) ;;
        runs)
            if [ -z "$subcommand" ]; then
                COMPREPLY=($(compgen -W "list show export rerun delete limits" -- "$cur"))
            elif [[ $subcommand != list && $subcommand != limits ]]; then
                COMPREPLY=($(compgen -W "last" -- "$cur"))
            fi ;;
        validate | export | migrate) _plugin_studio_files "$cur" json ;;
    esac
}

complete -F _plugin_studio plugin-studio
