#!/usr/bin/env bash
# The plan benchmark: generated project plans (bench/gen_plan.py: each task after two earlier
# ones, about two dependencies a task) scheduled, laid out in lanes with every arrow routed,
# and written as scene JSON, by whole runs of the CLI. Prints a Markdown table of the median
# wall time and peak memory of RUNS runs (default 5) per size.
#
# Usage: bench/plan.sh [BUILD-DIR] [SIZES...]   (default: build 1000 4000 10000 10000:50)
# A size is TASKS or TASKS:GROUPS (20 groups by default). The lanes layout summarises a lane of
# more than about 200 tasks in a density strip, so 10,000 tasks draw every arrow only in 50
# groups or more.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 4000 10000 10000:50)
runs=${RUNS:-5}
for tool in "$build/timeline" "$build/bench/spawn-time"; do
    [ -x "$tool" ] || { echo "plan.sh: $tool is not built" >&2; exit 1; }
done
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "| tasks | groups | dependencies | arrows drawn | median time | peak memory |"
echo "|---:|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
    n=${size%%:*}
    groups=20
    [ "$size" = "$n" ] || groups=${size#*:}
    n=$n-$groups
    python3 bench/gen_plan.py "${size%%:*}" --groups "$groups" --seed 1 -o "$data/plan-$n.csv"
    "$build/timeline" --layout lanes -T json -o "$data/plan-$n.json" "$data/plan-$n.csv" 2>/dev/null
    read -r links drawn < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1])).get("dependencies", [])
print(len(d), sum(1 for l in d if l["path"]))' "$data/plan-$n.json")
    read -r secs kb < <("$build/bench/spawn-time" "$runs" 120 "$build/timeline" --layout lanes \
        -T json -o /dev/null "$data/plan-$n.csv")
    printf '| %s | %s | %s | %s | %.3f s | %d MB |\n' "${size%%:*}" "$groups" "$links" "$drawn" \
        "$secs" $((kb / 1024))
done
