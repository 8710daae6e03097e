# shellcheck shell=bash
# Shared by the load benchmarks (sourced, not run): the local nginx target, the plugin's
# manifest and memory, and reading figures from files.

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(cd "$bench_dir/../.." && pwd)

die() {
    echo "error: $*" >&2
    exit 2
}

need_tool() {
    command -v "$1" >/dev/null || die "$1 is missing: run packaging/install-bench-deps.sh"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A temporary directory for nginx, the inputs and the reports, removed (with nginx) on exit.
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-load.XXXXXX")
nginx_pid=
cleanup() {
    if [ -n "$nginx_pid" ]; then
        kill "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# nginx as a fast plugin: one worker (so that it takes one of the machine's cores, not all),
# every POST answered with {} from memory, nothing logged, connections kept alive as long as
# the client wants. Runs as the current user from its own prefix in $work.
start_nginx() {
    local port
    port=$(free_port)
    mkdir -p "$work/nginx/logs"
    cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    server {
        listen 127.0.0.1:$port;
        default_type application/json;
        location / { return 200 '{}'; }
    }
}
CONF
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
    nginx_pid=$!
    target_url="http://127.0.0.1:$port/memory"
    local tries=0
    until curl -sf -X POST -d '{}' -o /dev/null "$target_url"; do
        tries=$((tries + 1))
        [ "$tries" -lt 50 ] || die "nginx did not start: $(cat "$work/nginx/logs/error.log")"
        sleep 0.1
    done
}

# The plugin the studio calls (a memory_creation webhook; --url points it at nginx) and the
# small memory each simulated user sends (no transcript: a round lasts one second / speed).
write_plugin_inputs() {
    cat >"$work/manifest.json" <<'JSON'
{
  "id": "load-target",
  "name": "Load Target",
  "author": "@bench",
  "description": "nginx answering {} to every memory.",
  "image": "/plugins/logos/load-target.png",
  "capabilities": ["external_integration"],
  "external_integration": {
    "triggers_on": "memory_creation",
    "webhook_url": "https://plugin.invalid/memory",
    "setup_completed_url": "https://plugin.invalid/setup/status",
    "setup_instructions_file_path": ""
  },
  "deleted": false
}
JSON
    memory="$repo_dir/samples/memories/empty-transcript.json"
    [ -f "$memory" ] || die "$memory is missing"
}

# A number from the load report's summary.
report_figure() {
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"][sys.argv[2]])' "$1" "$2"
}

# "user sys" CPU seconds, as /usr/bin/time -f '%U %S' wrote them, summed.
cpu_seconds() {
    tail -n 1 "$1" | awk '{ printf "%.2f", $1 + $2 }'
}
