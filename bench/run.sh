#!/usr/bin/env bash
# End-to-end benchmark of the CLI: generates the reference data with
# ../shared/bench/gen_events.py (seed 1), renders each size to SVG, PNG and PDF RUNS times and
# prints a Markdown table of the median wall time, the peak resident memory and the output
# size. Where gnuplot and matplotlib (/usr/bin/python3) are installed, the same data goes
# through bench/timeline.gp and bench/timeline_mpl.py in the same run, and the table gives
# how many times faster timeline is.
#
# SVG is timed twice: as drawn by default (glyph outlines) and with --svg-text (live text).
#
# Then a table of the targets, each measured and marked met or missed: the sample in one
# process against the empty program (the floor) and against the text floor (the fonts set up
# and the sample's texts shaped once, bench/text-floor.c), 100 copies of it in one process (-O), and,
# when those sizes are in the run, 1,000,000 events in time and memory and the spread of the
# labels of 10,000 events in each layout (bench/label-spread.py).
#
# Usage: bench/run.sh [--install] [--quick] [BUILD-DIR] [SIZES...]
#   SIZES        event counts, or "sample": the India-Japan sample (10 events of mixed-precision
#                dates, which only timeline reads; the peers are compared on generated data)
#   --install    first install gnuplot-nox and python3-matplotlib (scripts/deps.sh)
#   --quick      sizes sample 10 1000 10000, 3 runs, no comparison beyond 10,000 events
#   RUNS=N       runs per case from 100,000 events up (default 5); below, where a run takes
#                milliseconds and one slow moment of a shared machine would move a median of
#                five, four times as many; comparison tools run at most 3 times, once from
#                100,000 events up
#   TOOL_TIMEOUT seconds a comparison tool may take per run (default 120; "> N s" when over)
#   BENCH_DATA   folder to keep the generated CSV files in (default: a temporary one)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
if [ "${1:-}" = "--install" ]; then
    # shellcheck source=scripts/deps.sh
    . scripts/deps.sh
    tl_install_deps "${TL_BENCH_PACKAGES[@]}"
    shift
fi
quick=0
if [ "${1:-}" = "--quick" ]; then
    quick=1
    shift
fi
build=${1:-build}
shift || true
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
    sizes=(sample 10 1000 10000)
    [ $quick = 1 ] || sizes+=(100000 1000000)
fi
runs=${RUNS:-$([ $quick = 1 ] && echo 3 || echo 5)}
tool_timeout=${TOOL_TIMEOUT:-120}
gen=../shared/bench/gen_events.py
sample=data/samples/india-japan-2019-2020.csv
timeline=$build/timeline
[ -x "$timeline" ] || { echo "bench: build $timeline first" >&2; exit 1; }
[ -f "$gen" ] || { echo "bench: $gen not found" >&2; exit 1; }
spawn_time=$build/bench/spawn-time
[ -x "$spawn_time" ] && [ -x "$build/bench/bench-empty" ] || { echo "bench: build $build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=${BENCH_DATA:-$work}
mkdir -p "$data"

have_gnuplot=0
command -v gnuplot >/dev/null && have_gnuplot=1
have_mpl=0
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null && have_mpl=1

# run_timed N OUT-PREFIX CMD...: runs CMD N times with the build's spawn-time, which times the
# process itself (no shell or /usr/bin/time start-up counted); writes the median seconds to
# OUT.t ("timeout" when a run went over the limit, "failed" when one did not exit 0) and the
# median peak RSS in kB to OUT.m.
run_timed() {
    local n=$1 out=$2
    shift 2
    local result
    result=$("$spawn_time" "$n" "$tool_timeout" "$@")
    case $result in
    timeout) echo timeout >"$out.t" ;;
    failed*)
        echo "bench: $* ended with status ${result#failed }" >&2
        echo failed >"$out.t"
        ;;
    *)
        echo "${result% *}" >"$out.t"
        echo "${result#* }" >"$out.m"
        ;;
    esac
}

fmt_time() {
    case $1 in
    timeout) echo "> $tool_timeout s" ;;
    failed) echo "failed" ;;
    *) awk -v t="$1" 'BEGIN {if (t < 1) printf "%.0f ms", t * 1000; else printf "%.2f s", t}' ;;
    esac
}

ratio() { # their time / ours
    case $1 in
    failed) echo "–" ;;
    timeout) echo "> $(awk -v a="$tool_timeout" -v b="$2" 'BEGIN {printf "%.0f", a / b}')×" ;;
    *) awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f×", a / b}' ;;
    esac
}

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
echo "$(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sm); median of $((runs * 4)) runs below 100,000 events, $runs from there"
# The floor under every row: starting and ending a process that links the same libraries.
floor=$("$spawn_time" 20 "$tool_timeout" "$build/bench/bench-empty")
echo
echo "A program linking the same libraries and doing nothing runs in $(fmt_time "${floor% *}") here."
# The floor under one chart's text: the same process setting up the fonts and shaping each text
# of the sample's scene once with Pango, nothing drawn (bench/text-floor.c).
text_floor=
if [ -x "$build/bench/text-floor" ] &&
    "$timeline" "$sample" -T json -o "$work/sample-scene.json" 2>/dev/null; then
    text_floor=$("$spawn_time" 20 "$tool_timeout" "$build/bench/text-floor" "$work/sample-scene.json")
    text_floor=${text_floor% *}
    echo "Setting up the fonts and shaping the sample's $(grep -c '"type":"text"' "$work/sample-scene.json") texts once with Pango, nothing else, takes $(fmt_time "$text_floor")."
fi
echo
header="| events | format | timeline | peak memory | output |"
rule="|---:|---|---:|---:|---:|"
if [ $have_gnuplot = 1 ]; then
    header+=" gnuplot | faster |"
    rule+="---:|---:|"
fi
if [ $have_mpl = 1 ]; then
    header+=" matplotlib | faster |"
    rule+="---:|---:|"
fi
echo "$header"
echo "$rule"
for n in "${sizes[@]}"; do
    csv=$data/events-$n.csv
    peers=1
    if [ "$n" = sample ]; then
        csv=$sample
        peers=0
        n=0
    elif [ ! -s "$csv" ]; then
        python3 "$gen" "$n" --seed 1 -o "$csv"
    fi
    own=$runs
    [ "$n" -lt 100000 ] && own=$((runs * 4))
    others=$runs
    [ "$n" -ge 100000 ] && others=1
    [ "$others" -gt 3 ] && others=3
    # "svg --svg-text": live text, as gnuplot's SVG has; the peers draw plain SVG for it.
    for variant in svg "svg --svg-text" png pdf; do
        fmt=${variant%% *}
        extra=()
        [ "$variant" != "$fmt" ] && extra=("${variant#* }")
        run_timed "$own" "$work/tl" "$timeline" "$csv" -q "${extra[@]}" -o "$work/out.$fmt"
        t=$(cat "$work/tl.t")
        size=$(stat -c %s "$work/out.$fmt" 2>/dev/null || echo 0)
        label=$n
        [ $peers = 0 ] && label="10 (sample)"
        row="| $label | $variant | $(fmt_time "$t") | $(($(cat "$work/tl.m") / 1024)) MB | $((size / 1024)) kB |"
        if [ $have_gnuplot = 1 ]; then
            if [ $peers = 0 ] || { [ $quick = 1 ] && [ "$n" -gt 10000 ]; }; then
                row+=" | |"
            else
                run_timed "$others" "$work/gp" gnuplot -e "in='$csv'; out='$work/gp.$fmt'; fmt='$fmt'" bench/timeline.gp
                g=$(cat "$work/gp.t")
                row+=" $(fmt_time "$g") | $(ratio "$g" "$t") |"
            fi
        fi
        if [ $have_mpl = 1 ]; then
            if [ $peers = 0 ] || { [ $quick = 1 ] && [ "$n" -gt 10000 ]; }; then
                row+=" | |"
            else
                run_timed "$others" "$work/mp" /usr/bin/python3 bench/timeline_mpl.py "$csv" "$work/mp.$fmt"
                mp=$(cat "$work/mp.t")
                row+=" $(fmt_time "$mp") | $(ratio "$mp" "$t") |"
            fi
        fi
        echo "$row"
        [ "$variant" = "$fmt" ] && echo "$n $fmt $t $(cat "$work/tl.m")" >>"$work/results"
    done
done

# ---------------------------------------------------------------------------------------------
# The targets (issue "Speed at both ends"), each with what was measured above or here
# ---------------------------------------------------------------------------------------------

verdict() { # verdict VALUE LIMIT: "met" when VALUE <= LIMIT
    awk -v v="$1" -v l="$2" 'BEGIN {print (v <= l) ? "met" : "missed"}'
}
result() { # result N FMT FIELD: the time (3) or memory (4) of a row of the table
    awk -v n="$1" -v f="$2" -v k="$3" '$1 == n && $2 == f {print $k}' "$work/results"
}
echo
echo "| target | measured | |"
echo "|---|---:|---|"
floor_s=${floor% *}
if grep -q '^0 ' "$work/results" 2>/dev/null; then
    for fmt in svg pdf png; do
        limit=6
        [ $fmt = png ] && limit=10
        t=$(result 0 $fmt 3)
        over=$(awk -v t="$t" -v f="$floor_s" 'BEGIN {printf "%.1f", (t - f) * 1000}')
        echo "| the sample, $fmt, one process: within $limit ms of the empty program | +$over ms | $(verdict "$over" $limit) |"
    done
    # Not a target: how much of that is Pango's first text in a new process.
    if [ -n "$text_floor" ]; then
        for fmt in svg pdf png; do
            t=$(result 0 $fmt 3)
            echo "| (the sample, $fmt, one process, over the text floor: not a target) | +$(awk -v t="$t" -v f="$text_floor" 'BEGIN {printf "%.1f", (t - f) * 1000}') ms; the text floor is +$(awk -v t="$text_floor" -v f="$floor_s" 'BEGIN {printf "%.1f", (t - f) * 1000}') ms | |"
        done
    fi
    # Batch: one process over 100 copies of the sample (-O), per chart.
    mkdir -p "$work/batch"
    for i in $(seq 100); do cp "$sample" "$work/batch/c$i.csv"; done
    for fmt in svg pdf png; do
        limit=1
        [ $fmt = pdf ] && limit=2
        [ $fmt = png ] && limit=3
        run_timed 5 "$work/b" "$timeline" -q -O -T $fmt "$work"/batch/c*.csv
        per=$(awk -v t="$(cat "$work/b.t")" 'BEGIN {printf "%.2f", t * 1000 / 100}')
        echo "| the sample, $fmt, 100 in one process (-O): at most $limit ms a chart | $per ms | $(verdict "$per" $limit) |"
    done
fi
if grep -q '^1000000 ' "$work/results" 2>/dev/null; then
    for fmt in svg png pdf; do
        t=$(result 1000000 $fmt 3)
        mb=$(($(result 1000000 $fmt 4) / 1024))
        echo "| 1,000,000 events, $fmt: at most 1.2 s | $(fmt_time "$t") ($(awk -v t="$t" -v f="$floor_s" 'BEGIN {printf "%.0f", t / f}')× the floor) | $(verdict "$t" 1.2) |"
        echo "| 1,000,000 events, $fmt: at most 350 MB | $mb MB | $(verdict "$mb" 350) |"
    done
fi
if [ -s "$data/events-10000.csv" ]; then
    # Labels over time: the longest stretch without a labelled event against the even share.
    for layout in ribbon lanes vertical; do
        "$timeline" -q --layout $layout -T json -o "$work/spread-$layout.json" "$data/events-10000.csv"
        r=$(/usr/bin/python3 bench/label-spread.py "$work/spread-$layout.json" | awk 'NR == 2 {print $4}')
        echo "| 10,000 events, $layout: the longest bare stretch at most 3 × range / labels | $r × | $(verdict "$r" 3) |"
    done
fi
