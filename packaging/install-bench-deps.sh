#!/usr/bin/env bash
# Installs, beside what packaging/install-deps.sh installs, the Debian 12 packages the load
# benchmark (bench/load) measures against: nginx as the fast local target, wrk as the reference
# load generator, and perf to see where the studio's time goes.
# Safe to run again: install-deps.sh installs only what is missing.
set -euo pipefail

bench_packages=(
    nginx-light  # the target: answers a fixed JSON body from 127.0.0.1
    wrk          # the reference load generator the studio's requests/s is compared with
    linux-perf   # profiles the studio under load
    time         # /usr/bin/time: CPU seconds of a run
)

exec "$(dirname "$0")/install-deps.sh" "${bench_packages[@]}" "$@"
