#!/usr/bin/env bash
# A bounded long load run at a rate the studio sustains, to see that its memory stays flat:
# samples the studio's resident memory (VmRSS) every INTERVAL seconds and prints the samples,
# the first, last and largest, and how much it grew after the first minute (the first
# minute fills the connection pool, the allocator's arenas and the records kept whole).
#
#   bench/load/bench_load_memory.sh [--studio PATH] [--duration S] [--rate R] [--users N]
#                                   [--interval S]
#
# Defaults: 600 s at 3000 requests/s from 30 users (each sends its memory every 10 ms), at
# most 30 in flight, connections kept alive, against the local nginx target of
# bench_load_vs_wrk.sh. --duration 60 tries it quickly.
# Not a test: figures depend on the machine. Needs nginx (packaging/install-bench-deps.sh).
set -euo pipefail
# shellcheck source=bench/load/common.sh
source "$(dirname "$0")/common.sh"

studio="$repo_dir/build/ci/app/plugin-studio"
duration=600
rate=3000
users=30
interval=10
while [ $# -gt 0 ]; do
    case "$1" in
        --studio) studio=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        --interval) interval=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[ -x "$studio" ] || die "$studio is not an executable: build plugin-studio or give --studio"
need_tool nginx
need_tool curl

write_plugin_inputs
start_nginx

# Each user sends its memory once a round, and a round of a memory without a transcript lasts
# one second at speed 1: the speed is each user's requests per second.
speed=$(awk -v r="$rate" -v u="$users" 'BEGIN { printf "%g", r / u }')
echo "target: nginx 1 worker at $target_url; $users users x $speed memories/s = $rate requests/s for $duration s; $(nproc) cores"

"$studio" load --manifest "$work/manifest.json" --url "$target_url" --memory "$memory" \
    --users "$users" --speed "$speed" --duration "$duration" --connections reuse \
    --max-in-flight "$users" --seed 1 --quiet --report "$work/studio.json" &
studio_pid=$!

rss_kb() {
    awk '/^VmRSS:/ { print $2 }' "/proc/$studio_pid/status" 2>/dev/null
}

samples=()
elapsed=0
while sleep "$interval"; do
    elapsed=$((elapsed + interval))
    rss=$(rss_kb) || true
    [ -n "$rss" ] || break
    samples+=("$elapsed:$rss")
    echo "rss at ${elapsed} s: $((rss / 1024)) MB ($rss kB)"
done
status=0
wait "$studio_pid" || status=$?
[ "${#samples[@]}" -gt 0 ] || die "the studio ended before the first sample (exit status $status)"

printf '%s\n' "${samples[@]}" | awk -F: '
    NR == 1 { first = $2; firstAt = $1 }
    { last = $2; lastAt = $1; if ($2 > max) { max = $2; maxAt = $1 } }
    $1 >= 60 && minute == "" { minute = $2; minuteAt = $1 }
    END {
        printf "rss first: %.1f MB at %d s\n", first / 1024, firstAt
        printf "rss last: %.1f MB at %d s\n", last / 1024, lastAt
        printf "rss max: %.1f MB at %d s\n", max / 1024, maxAt
        if (minute != "")
            printf "rss growth after the first minute: %+.1f MB (%d s to %d s)\n",
                (last - minute) / 1024, minuteAt, lastAt
        else
            print "rss growth after the first minute: n/a (run shorter than a minute)"
    }'
if [ -f "$work/studio.json" ]; then
    echo "studio: $(report_figure "$work/studio.json" requests_per_second) requests/s," \
        "$(report_figure "$work/studio.json" sent) requests, $(report_figure "$work/studio.json" late) late," \
        "error rate $(report_figure "$work/studio.json" error_rate), exit status $status"
fi
