#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time (FUZZ_SECONDS each, default 30) in a clang
# build with AddressSanitizer and UndefinedBehaviorSanitizer, starting from each target's seeds
# (copied to a scratch folder, so new inputs do not pile up in the tree): tests/fuzz/corpus, and
# the CSV fixtures and samples, the same folders as tests/fuzz/meson.build.
# Prints TAP: "ok"/"not ok" per target; a finding is saved under build-fuzz/artifacts/ and
# must be fixed and its input added to the target's seeds. Exit status 1 on any finding.
# Usage: scripts/fuzz.sh [TARGET...]   (default: every target; a target is "json", "mermaid"...)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}
if [ $# -gt 0 ]; then targets=("$@"); else targets=(csv date estimate json timelinejs mermaid markwhen layout render); fi

if ! command -v clang >/dev/null; then
    echo "ok 1 - fuzzers # SKIP no clang"
    echo "1..1"
    exit 0
fi
if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz --werror -Dfuzzers=true -Db_sanitize=address,undefined \
        -Db_lundef=false >build-fuzz.setup.log 2>&1 || { cat build-fuzz.setup.log >&2; exit 1; }
fi
ninja -C build-fuzz "${targets[@]/#/tests/fuzz/fuzz-}" >&2 || exit 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p build-fuzz/artifacts
n=0
failed=0
for t in "${targets[@]}"; do
    n=$((n + 1))
    mkdir -p "$work/$t"
    case "$t" in
    csv) seeds=(tests/data/csv/*.csv data/samples/*.csv tests/fuzz/corpus/csv/*) ;;
    json) seeds=(tests/fuzz/corpus/json/* data/samples/*.json data/samples/*.jsonl) ;;
    timelinejs) seeds=(tests/fuzz/corpus/timelinejs/* data/samples/*.timeline.json) ;;
    mermaid) seeds=(tests/fuzz/corpus/mermaid/* data/samples/*.mmd) ;;
    markwhen) seeds=(tests/fuzz/corpus/markwhen/* data/samples/*.mw) ;;
    layout) seeds=(tests/fuzz/corpus/layout/* tests/data/csv/*.csv data/samples/*.csv) ;;
    render) seeds=(data/samples/*.csv tests/fuzz/corpus/render/*) ;;
    *) seeds=(tests/fuzz/corpus/"$t"/*) ;;
    esac
    cp "${seeds[@]}" "$work/$t/"
    log=build-fuzz/fuzz-$t.log
    # libFuzzer reads every seed before it looks at the clock: on a busy machine the layout
    # target's 1,800 seeds alone have taken 90 s, so the guard leaves room for them.
    LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        timeout $((seconds + 300)) build-fuzz/tests/fuzz/fuzz-"$t" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="build-fuzz/artifacts/$t-" "$work/$t" >"$log" 2>&1
    status=$?
    runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1)
    if [ $status -eq 0 ]; then
        echo "ok $n - fuzz-$t: ${runs:-?} runs in ${seconds} s, no finding"
    else
        echo "not ok $n - fuzz-$t: exit $status (see $log and build-fuzz/artifacts/)"
        grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5 | sed 's/^/#   /'
        failed=$((failed + 1))
    fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
