#!/usr/bin/env bash
# A long fuzz campaign: each libFuzzer target for FUZZ_SECONDS (default 1800) in the clang
# AddressSanitizer/UndefinedBehaviorSanitizer build of scripts/fuzz.sh, starting from the same
# seeds, then the inputs it found minimised (libFuzzer's -merge=1) against those seeds: only
# inputs that reach code no seed reaches are written to tests/fuzz/corpus/TARGET/, named by
# their SHA-1, ready to commit. Findings are saved under build-fuzz/artifacts/ as in fuzz.sh.
# Usage: scripts/fuzz-campaign.sh [TARGET...]   (default: every target)
# The log of each run is build-fuzz/campaign/TARGET.log; a summary line per target on stdout.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-1800}
if [ $# -gt 0 ]; then targets=("$@"); else targets=(csv date estimate json timelinejs mermaid markwhen layout render); fi

command -v clang >/dev/null || { echo "fuzz-campaign: clang is needed" >&2; exit 1; }
if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz --werror -Dfuzzers=true -Db_sanitize=address,undefined \
        -Db_lundef=false >build-fuzz.setup.log 2>&1 || { cat build-fuzz.setup.log >&2; exit 1; }
fi
ninja -C build-fuzz "${targets[@]/#/tests/fuzz/fuzz-}" >&2 || exit 1
mkdir -p build-fuzz/artifacts build-fuzz/campaign

seeds_of() {
    case "$1" in
    csv) echo tests/data/csv/*.csv data/samples/*.csv ;;
    layout) echo tests/fuzz/corpus/layout/* tests/data/csv/*.csv data/samples/*.csv ;;
    render) echo data/samples/*.csv ;;
    *) echo tests/fuzz/corpus/"$1"/* ;;
    esac
    # Inputs an earlier campaign kept, for the targets whose seeds are other files.
    case "$1" in csv | render) ls tests/fuzz/corpus/"$1"/* 2>/dev/null ;; esac
}

status=0
for t in "${targets[@]}"; do
    dir=build-fuzz/campaign/$t
    rm -rf "$dir" && mkdir -p "$dir/found" "$dir/kept"
    # shellcheck disable=SC2046
    cp $(seeds_of "$t") "$dir/found/"
    log=$dir/run.log
    env LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        timeout $((seconds + 120)) build-fuzz/tests/fuzz/fuzz-"$t" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="build-fuzz/artifacts/$t-" "$dir/found" >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -1)
    # The seeds go into the kept folder first, so the merge adds only what they do not cover.
    # shellcheck disable=SC2046
    cp $(seeds_of "$t") "$dir/kept/"
    ls "$dir/kept" | sort >"$dir/seeds.txt"
    env LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
        build-fuzz/tests/fuzz/fuzz-"$t" -merge=1 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="build-fuzz/artifacts/$t-merge-" "$dir/kept" "$dir/found" \
        >"$dir/merge.log" 2>&1
    mkdir -p tests/fuzz/corpus/"$t"
    added=0
    for f in "$dir"/kept/*; do
        name=$(basename "$f")
        grep -qxF "$name" "$dir/seeds.txt" && continue
        cp "$f" tests/fuzz/corpus/"$t"/"$(sha1sum "$f" | cut -c1-40)"
        added=$((added + 1))
    done
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz-$t: exit $rc, ${runs:-?} runs in $seconds s, $cov, $added inputs kept"
    [ $rc -eq 0 ] || status=1
done
exit $status
