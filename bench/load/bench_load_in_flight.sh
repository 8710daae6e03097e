#!/usr/bin/env bash
# The studio with many requests in flight at once: USERS users each sending a memory every
# second to a plugin that answers after a second (bench/load/slow_plugin.py), so about USERS
# requests are always out. Prints the requests/s, late sends and the CPU per request: the cost
# of each turn of the network loop must not grow with what is in flight.
#
#   bench/load/bench_load_in_flight.sh [--studio PATH] [--users N] [--duration S]
#
# Not a test: figures depend on the machine.
set -euo pipefail
# shellcheck source=bench/load/common.sh
source "$(dirname "$0")/common.sh"

studio="$repo_dir/build/ci/app/plugin-studio"
users=1500
duration=8
while [ $# -gt 0 ]; do
    case "$1" in
        --studio) studio=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[ -x "$studio" ] || die "$studio is not an executable: build plugin-studio or give --studio"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: run packaging/install-bench-deps.sh"

write_plugin_inputs
port=$(free_port)
python3 "$bench_dir/slow_plugin.py" "$port" 1.0 &
plugin_pid=$!
trap 'kill $plugin_pid 2>/dev/null || true; cleanup' EXIT
until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; do
    sleep 0.1
done

echo "plugin: answers after 1 s at http://127.0.0.1:$port/memory; $users users x 1 memory/s; ${duration} s; $(nproc) cores"
status=0
/usr/bin/time -f '%U %S' -o "$work/studio.time" \
    "$studio" load --manifest "$work/manifest.json" --url "http://127.0.0.1:$port/memory" \
    --memory "$memory" --users "$users" --ramp 2 --speed 1 --duration "$duration" \
    --connections reuse --seed 1 --quiet --report "$work/studio.json" || status=$?
[ -f "$work/studio.json" ] || die "the studio wrote no report (exit status $status)"
sent=$(report_figure "$work/studio.json" sent)
cpu=$(cpu_seconds "$work/studio.time")
echo "studio: $(report_figure "$work/studio.json" requests_per_second) requests/s ($sent requests, $(report_figure "$work/studio.json" late) late, error rate $(report_figure "$work/studio.json" error_rate), exit status $status)"
awk -v cpu="$cpu" -v n="$sent" 'BEGIN { printf "studio CPU per request: %.1f us (%s s user+sys)\n", cpu / n * 1e6, cpu }'
