#!/usr/bin/env bash
# Line coverage of data/, layouts/, locale/ and render/ by the fuzz corpora: each fuzz target's
# replay program, built by clang with source-based coverage, runs once over that target's
# seeds (tests/fuzz/corpus/TARGET and the fixtures and samples, as tests/fuzz/meson.build
# lists them), and llvm-cov reports the lines reached, folder by folder.
# Usage: scripts/fuzz-coverage.sh   (writes build-cov/; prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in clang llvm-profdata llvm-cov; do
    command -v "$tool" >/dev/null || { echo "fuzz-coverage: $tool is needed" >&2; exit 1; }
done
targets=(csv date estimate json timelinejs mermaid markwhen layout render)
if [ ! -f build-cov/build.ninja ]; then
    CC=clang meson setup build-cov -Dbuildtype=debug \
        -Dc_args='-fprofile-instr-generate -fcoverage-mapping' \
        -Dc_link_args='-fprofile-instr-generate' >build-cov.setup.log 2>&1 ||
        { cat build-cov.setup.log >&2; exit 1; }
fi
replays=()
for t in "${targets[@]}"; do replays+=("tests/fuzz/fuzz-$t-replay"); done
ninja -C build-cov "${replays[@]}" >&2
rm -rf build-cov/profiles && mkdir -p build-cov/profiles
corpus=tests/fuzz/corpus
fixtures=tests/data/csv
samples=data/samples
objects=()
for t in "${targets[@]}"; do
    case "$t" in
    csv) seeds=("$fixtures" "$samples") ;;
    layout) seeds=("$fixtures" "$samples") ;;
    render) seeds=("$samples") ;;
    json) seeds=("$samples") ;;
    *) seeds=() ;;
    esac
    [ -d "$corpus/$t" ] && seeds+=("$corpus/$t")
    LLVM_PROFILE_FILE=build-cov/profiles/$t-%p.profraw FONTCONFIG_FILE=$PWD/tests/fonts/fonts.conf \
        TZ=UTC LC_ALL=C.UTF-8 build-cov/tests/fuzz/fuzz-$t-replay "${seeds[@]}" >/dev/null
    objects+=(-object "build-cov/tests/fuzz/fuzz-$t-replay")
done
llvm-profdata merge -sparse build-cov/profiles/*.profraw -o build-cov/fuzz.profdata
echo "| folder | lines | covered | line coverage |"
echo "|---|---:|---:|---:|"
# llvm-cov 14 ignores source filters beside -object: the files' rows are summed by folder here.
llvm-cov report "${objects[@]:1}" -instr-profile=build-cov/fuzz.profdata >build-cov/report.txt
root=${PWD#/}/
for folder in data layouts locale render; do
    awk -v p="$root$folder/" -v f="$folder/" 'index($1, p) == 1 && $1 !~ /\.h$/ {
        lines += $8; missed += $9 }
        END { printf "| %s | %d | %d | %.1f %% |\n", f, lines, lines - missed,
              lines ? 100 * (lines - missed) / lines : 0 }' build-cov/report.txt
done
