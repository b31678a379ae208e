#!/usr/bin/env bash
# End-to-end benchmark of the CLI: generates the reference data with
# ../shared/bench/gen_events.py (seed 1), renders each size to each format RUNS times, and
# prints a Markdown table of the median wall time and the peak resident memory (from
# /usr/bin/time). Usage: bench/run.sh [BUILD-DIR] [SIZES...]; RUNS=3 by default.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 1000 10000 100000)
runs=${RUNS:-3}
gen=../shared/bench/gen_events.py
timeline=$build/timeline
[ -x "$timeline" ] || { echo "bench: build $timeline first" >&2; exit 1; }
[ -f "$gen" ] || { echo "bench: $gen not found" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -m); $(date -u +%Y-%m-%d)"
echo
echo "| events | format | median wall time | peak memory | output size | warnings |"
echo "|---:|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    csv=$work/events-$n.csv
    python3 "$gen" "$n" --seed 1 -o "$csv"
    for fmt in svg png pdf json; do
        : >"$work/times"
        : >"$work/rss"
        for _ in $(seq "$runs"); do
            /usr/bin/time -f "%e %M" -o "$work/t" "$timeline" "$csv" -o "$work/out.$fmt" \
                2>"$work/err" >/dev/null
            read -r secs kb <"$work/t"
            echo "$secs" >>"$work/times"
            echo "$kb" >>"$work/rss"
        done
        t=$(median <"$work/times")
        m=$(median <"$work/rss")
        size=$(stat -c %s "$work/out.$fmt" 2>/dev/null || echo 0)
        warns=$(grep -c "warning:" "$work/err")
        printf "| %s | %s | %s s | %s MB | %s kB | %s |\n" "$n" "$fmt" "$t" "$((m / 1024))" \
            "$((size / 1024))" "$warns"
    done
done
