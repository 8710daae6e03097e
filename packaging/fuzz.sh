#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz": clang, ASan + UBSan) and runs each one for a
# given time, as many at once as there are cores. See docs/FUZZING.md.
#
#   packaging/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default: 60 s, every target)
#
# Each target starts from its committed seeds (fuzz/corpus/<target>) and writes what it finds
# into a fresh working corpus (build/fuzz/corpus/<target>), so the seeds stay as committed.
# Any crash, leak, timeout (10 s for one input), memory blow-up or sanitizer report fails the
# script: the input is kept under build/fuzz/artifacts/<target>/, with the command that
# reproduces it. FUZZ_JOBS sets how many targets run at once (default: the number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds="${1:-60}"
shift || true
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: packaging/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]" >&2
    exit 2
fi
jobs="${FUZZ_JOBS:-$(nproc)}"

packaging/build.sh fuzz

build="$root/build/fuzz"
list="$build/fuzz/fuzzers.tsv" # name, executable, seeds, dictionary (fuzz/CMakeLists.txt)
targets=()
while IFS=$'\t' read -r name _; do
    [ -n "$name" ] && targets+=("$name")
done < "$list"
if [ $# -gt 0 ]; then
    for wanted in "$@"; do
        if ! grep -q "^$wanted"$'\t' "$list"; then
            echo "fuzz.sh: no target '$wanted'; targets: ${targets[*]}" >&2
            exit 2
        fi
    done
    targets=("$@")
fi

# Stack traces with files and lines; undefined behaviour reported with its stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

run_target() {
    local name=$1 executable seeds dict
    IFS=$'\t' read -r _ executable seeds dict < <(grep "^$name"$'\t' "$list")
    local work="$build/corpus/$name" artifacts="$build/artifacts/$name"
    rm -rf "$work" "$artifacts"
    mkdir -p "$work" "$artifacts"
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
                   -print_final_stats=1 -artifact_prefix="$artifacts/")
    [ -n "$dict" ] && options+=(-dict="$dict")
    # The working corpus comes first: libFuzzer writes new inputs into the first folder only.
    local code=0
    "$executable" "${options[@]}" "$work" "$seeds" > "$build/logs/$name.log" 2>&1 || code=$?
    echo "$code" > "$build/logs/$name.status"
}

mkdir -p "$build/logs"
echo "Fuzzing ${targets[*]}: ${seconds} s each, $jobs at once"
for name in "${targets[@]}"; do
    rm -f "$build/logs/$name.status"
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n || true
    done
    run_target "$name" &
done
wait

failed=()

final_stat() { # the value of libFuzzer's final "stat::NAME:" line
    sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}
printf '\n%-22s %12s %9s %7s %8s %8s  %s\n' target executions exec/s cov ft corpus result
for name in "${targets[@]}"; do
    log="$build/logs/$name.log"
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<< "$last")
    result=ok
    # A sanitizer report fails the run even if the process somehow exited 0.
    if [ "$(cat "$build/logs/$name.status" 2>/dev/null || echo missing)" != 0 ] ||
        grep -qE '^SUMMARY: |ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' \
            "$log"; then
        result=FAILED
        failed+=("$name")
    fi
    printf '%-22s %12s %9s %7s %8s %8s  %s\n' "$name" \
        "$(final_stat number_of_executed_units "$log")" \
        "$(final_stat average_exec_per_sec "$log")" \
        "${cov:--}" "${ft:--}" "${corpus:--}" "$result"
done

summary="fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -eq 0 ]; then
    echo "No crash, leak, timeout or sanitizer report."
    echo "$summary"
    exit 0
fi
for name in "${failed[@]}"; do
    log="$build/logs/$name.log"
    executable=$(grep "^$name"$'\t' "$list" | cut -f2)
    echo
    echo "== fuzz_$name failed; its log: ${log#"$root"/}"
    grep -E -m 12 'ERROR: |SUMMARY: |runtime error:|check failed:|==[0-9]+==' "$log" ||
        tail -n 20 "$log"
    for artifact in "$build/artifacts/$name"/*; do
        [ -e "$artifact" ] || continue
        echo "kept input: ${artifact#"$root"/}"
        echo "reproduce:  ${executable#"$root"/} ${artifact#"$root"/}"
    done
done
echo
echo "Fuzzing failed: ${failed[*]} (docs/FUZZING.md: fix it, and make the input a test case)"
echo "$summary"
exit 1
