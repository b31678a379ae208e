#!/usr/bin/env bash
# What a locale costs: the India-Japan sample rendered by one process without --locale, and
# its Japanese version without and with --locale ja (ICU loaded, formatters opened, catalog
# words),
# in SVG, PNG and PDF, beside the floor (bench/empty.c: a process linking the same libraries,
# doing nothing). With OLD=path/to/an/earlier/timeline the earlier binary runs the same
# default cases in the same rounds, so "no slower than before" is measured, not remembered.
# Rounds alternate the cases (ROUNDS, default 5, of RUNS runs each, default 20), and the table
# gives the median of the rounds' medians, in milliseconds.
#
# Usage: bench/locale.sh [BUILD-DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
RUNS=${RUNS:-20}
SPAWN=$BUILD/bench/spawn-time
EN=data/samples/india-japan-2019-2020.csv
JA=data/samples/india-japan-2019-2020-ja.csv
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
ninja -C "$BUILD" timeline bench/spawn-time bench/bench-empty >/dev/null

cases=("floor|$BUILD/bench/bench-empty")
for fmt in svg png pdf; do
    cases+=("$fmt|$BUILD/timeline $EN -o $OUT/en.$fmt")
    [ -n "${OLD:-}" ] && cases+=("$fmt before|$OLD $EN -o $OUT/old.$fmt")
    cases+=("$fmt, Japanese sample|$BUILD/timeline $JA -o $OUT/ja0.$fmt")
    cases+=("$fmt, Japanese sample --locale ja|$BUILD/timeline $JA --locale ja -o $OUT/ja.$fmt")
done

declare -A samples
for ((r = 0; r < ROUNDS; r++)); do
    for c in "${cases[@]}"; do
        name=${c%%|*}
        # shellcheck disable=SC2086 # the command is split into its words on purpose
        t=$("$SPAWN" "$RUNS" 60 ${c#*|} | cut -d' ' -f1)
        samples[$name]="${samples[$name]:-} $t"
    done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "| case | median ms |"
echo "|---|---:|"
for c in "${cases[@]}"; do
    name=${c%%|*}
    printf '| %s | %.1f |\n' "$name" "$(echo "${samples[$name]}" | median | awk '{print $1 * 1000}')"
done
echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $ROUNDS rounds of $RUNS runs"
