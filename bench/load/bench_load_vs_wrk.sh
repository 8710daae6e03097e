#!/usr/bin/env bash
# The studio's load generator against wrk, on one fast local target: nginx answering {} to
# every POST. Prints wrk's requests/s with 1 and 2 threads, the studio's with the same number
# of connections kept alive, the ratio studio/wrk, and the CPU each spends per request.
#
#   bench/load/bench_load_vs_wrk.sh [--studio PATH] [--connections C] [--duration S]
#                                   [--speed FACTOR]
#
# The studio is offered more than it can send (by default 1.2 times wrk's best rate: C users
# each sending a memory every 1/FACTOR s, at most C in flight), so its cap is always full and
# what it cannot send on time waits and goes late: the figure is its capacity (up to 1.2x
# wrk's). It drains that queue after the duration, so its run lasts longer than wrk's, the
# more so the further it is behind.
# Not a test: figures depend on the machine. Needs nginx and wrk
# (packaging/install-bench-deps.sh).
set -euo pipefail
# shellcheck source=bench/load/common.sh
source "$(dirname "$0")/common.sh"

studio="$repo_dir/build/ci/app/plugin-studio"
connections=32
duration=10
speed=
while [ $# -gt 0 ]; do
    case "$1" in
        --studio) studio=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --speed) speed=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[ -x "$studio" ] || die "$studio is not an executable: build plugin-studio or give --studio"
need_tool nginx
need_tool wrk
need_tool curl
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: run packaging/install-bench-deps.sh"

write_plugin_inputs
start_nginx

# wrk posts the same memory the studio's users send, as a webhook call does.
python3 - "$memory" >"$work/post.lua" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read()
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print("wrk.body = [==[" + body + "]==]")
PY

echo "target: nginx 1 worker at $target_url; $connections connections; ${duration} s; $(nproc) cores"

per_request_us() { # cpu_seconds requests
    awk -v cpu="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.1f", cpu / n * 1e6; else print "n/a" }'
}

best_wrk=0
for threads in 1 2; do
    /usr/bin/time -f '%U %S' -o "$work/wrk$threads.time" \
        wrk -t "$threads" -c "$connections" -d "${duration}s" -s "$work/post.lua" \
        "$target_url?uid=load-wrk" >"$work/wrk$threads.out"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk$threads.out")
    requests=$(awk '/requests in/ { print $1 }' "$work/wrk$threads.out")
    errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk$threads.out" || true)
    cpu=$(cpu_seconds "$work/wrk$threads.time")
    echo "wrk -t$threads -c$connections: $rps requests/s ($requests requests)${errors:+; $errors}"
    echo "wrk -t$threads CPU per request: $(per_request_us "$cpu" "$requests") us ($cpu s user+sys)"
    if awk -v a="$rps" -v b="$best_wrk" 'BEGIN { exit !(a > b) }'; then
        best_wrk=$rps
        best_threads=$threads
    fi
done

if [ -z "$speed" ]; then
    speed=$(awk -v rps="$best_wrk" -v c="$connections" 'BEGIN { printf "%d", rps * 1.2 / c + 1 }')
fi
echo "studio offered: $connections users x $speed memories/s = $((connections * speed)) requests/s"
status=0
/usr/bin/time -f '%U %S' -o "$work/studio.time" \
    "$studio" load --manifest "$work/manifest.json" --url "$target_url" --memory "$memory" \
    --users "$connections" --speed "$speed" --duration "$duration" --connections reuse \
    --max-in-flight "$connections" --seed 1 --quiet --report "$work/studio.json" || status=$?
[ -f "$work/studio.json" ] || die "the studio wrote no report (exit status $status)"
studio_rps=$(report_figure "$work/studio.json" requests_per_second)
sent=$(report_figure "$work/studio.json" sent)
error_rate=$(report_figure "$work/studio.json" error_rate)
wall=$(report_figure "$work/studio.json" wall_s)
cpu=$(cpu_seconds "$work/studio.time")
echo "studio -c$connections (reuse): $studio_rps requests/s ($sent requests in $wall s, error rate $error_rate, exit status $status)"
echo "studio CPU per request: $(per_request_us "$cpu" "$sent") us ($cpu s user+sys)"
awk -v s="$studio_rps" -v w="$best_wrk" -v t="$best_threads" \
    'BEGIN { printf "ratio studio / wrk -t%d: %.2f (target 0.70)\n", t, s / w }'
