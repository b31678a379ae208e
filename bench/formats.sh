#!/usr/bin/env bash
# The input formats benchmark: the reference events (../shared/bench/gen_events.py, seed 1)
# written as CSV, as JSON Lines and as a JSON array (empty cells left out, as a script would
# write them), each rendered to SVG by whole runs of the CLI. Prints a Markdown table of the
# median wall time and peak memory of RUNS runs (default 5), and each format's time over the
# CSV's. Then the floor under JSON Lines: json-glib alone parsing the file on two threads
# (bench/jsonl-parse.c), over the CSV's whole run.
#
# Usage: bench/formats.sh [BUILD-DIR] [SIZES...]   (default: build 100000 1000000)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
runs=${RUNS:-5}
gen=../shared/bench/gen_events.py
for tool in "$build/timeline" "$build/bench/spawn-time"; do
    [ -x "$tool" ] || { echo "formats.sh: $tool is not built" >&2; exit 1; }
done
[ -f "$gen" ] || { echo "formats.sh: $gen not found" >&2; exit 1; }
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "| events | format | input size | median time | × CSV | peak memory |"
echo "|---:|---|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    python3 "$gen" "$n" --seed 1 -o "$data/e.csv"
    python3 - "$data/e" <<'PY'
import csv, json, sys
stem = sys.argv[1]
with open(stem + ".csv", encoding="utf-8", newline="") as f:
    rows = [{k: v for k, v in r.items() if v} for r in csv.DictReader(f)]
with open(stem + ".jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(stem + ".json", "w", encoding="utf-8") as f:
    json.dump(rows, f, ensure_ascii=False)
PY
    csv_secs=
    for ext in csv jsonl json; do
        read -r secs kb < <("$build/bench/spawn-time" "$runs" 300 "$build/timeline" \
            -o "$data/out.svg" "$data/e.$ext")
        [ -n "$csv_secs" ] || csv_secs=$secs
        size=$(stat -c %s "$data/e.$ext")
        printf '| %s | %s | %d MB | %.2f s | %.2f | %d MB |\n' "$n" "$ext" $((size / 1000000)) \
            "$secs" "$(awk -v a="$secs" -v b="$csv_secs" 'BEGIN { print a / b }')" $((kb / 1024))
    done
    if [ -x "$build/bench/jsonl-parse" ]; then
        secs=$(for _ in $(seq "$runs"); do "$build/bench/jsonl-parse" "$data/e.jsonl"; done |
            sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
        printf '| %s | jsonl, json-glib parsing alone | | %.2f s | %.2f | |\n' "$n" "$secs" \
            "$(awk -v a="$secs" -v b="$csv_secs" 'BEGIN { print a / b }')"
    fi
done
