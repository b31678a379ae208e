#!/usr/bin/env bash
# Renders every sample in every layout, theme and output format (and paged PDF) with the
# given timeline binary into DIR, then writes DIR/SHA256SUMS. A refactor is checked by
# running this before and after and comparing the two files:
#   scripts/compare-outputs.sh OLD-BUILD/timeline /tmp/before
#   scripts/compare-outputs.sh build/timeline /tmp/after
#   diff /tmp/before/SHA256SUMS /tmp/after/SHA256SUMS && echo identical
# or in one step: scripts/compare-outputs.sh build/timeline /tmp/after --check /tmp/before
# QUICK=1 renders a subset (light and print themes; SVG, PNG, PDF, JSON; A4 pages; 1,000
# generated events), which --check compares with the same files of a full baseline.
set -euo pipefail
bin=$(realpath "$1")
out=$2
check=
if [ "${3:-}" = --check ]; then
    check=$(realpath "$4")
fi
quick=${QUICK:-0}
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1600000000

render() { # render NAME ARGS...: one output; a refusal is recorded, not fatal
    local name=$1
    shift
    if ! "$bin" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"; then
        echo "exit $?" >>"$out/$name.stderr"
    fi
}

for csv in data/samples/*.csv; do
    s=$(basename "$csv" .csv)
    for layout in ribbon lanes vertical; do
        themes=(light dark print colorblind)
        formats=(svg png pdf ps eps json)
        if [ "$quick" = 1 ]; then
            themes=(light print)
            formats=(svg png pdf json)
        fi
        for theme in "${themes[@]}"; do
            base="$s-$layout-$theme"
            opts=(--layout "$layout" --theme "$theme" --title "$s")
            for fmt in "${formats[@]}"; do
                render "$base.$fmt" "${opts[@]}" "$csv" -o "$out/$base.$fmt"
            done
            [ "$quick" = 1 ] ||
                render "$base.text.svg" "${opts[@]}" --svg-text "$csv" -o "$out/$base.text.svg"
        done
        render "$s-$layout-a4.pdf" --layout "$layout" --page A4 --landscape "$csv" \
            -o "$out/$s-$layout-a4.pdf"
        render "$s-$layout-a4.json" --layout "$layout" --page A4 --landscape "$csv" \
            -o "$out/$s-$layout-a4.json"
        [ "$quick" = 1 ] && continue
        render "$s-$layout-letter2.pdf" --layout "$layout" --page Letter --pages 2 "$csv" \
            -o "$out/$s-$layout-letter2.pdf"
        render "$s-$layout-fit.pdf" --layout "$layout" --page A4 --fit-width "$csv" \
            -o "$out/$s-$layout-fit.pdf"
    done
done
# Generated data at sizes where level of detail and the density strip come in.
if [ -f ../shared/bench/gen_events.py ]; then
    sizes=(1000 20000)
    [ "$quick" = 1 ] && sizes=(1000)
    for n in "${sizes[@]}"; do
        python3 ../shared/bench/gen_events.py "$n" --seed 1 -o "$out/gen$n.csv.in"
        for layout in ribbon lanes vertical; do
            for fmt in svg png pdf json; do
                render "gen$n-$layout.$fmt" --layout "$layout" "$out/gen$n.csv.in" \
                    -o "$out/gen$n-$layout.$fmt"
            done
        done
    done
fi
(cd "$out" && find . -type f ! -name SHA256SUMS ! -name '*.csv.in' | sort | xargs sha256sum) \
    >"$out/SHA256SUMS"
echo "$(wc -l <"$out/SHA256SUMS") files hashed in $out/SHA256SUMS"
if [ -n "$check" ]; then
    # Every file rendered now must exist in the baseline with the same bytes.
    if ! differ=$(awk 'NR == FNR { want[$2] = $1; next }
                       !($2 in want) || want[$2] != $1 { print $2 }' \
        "$check/SHA256SUMS" "$out/SHA256SUMS") || [ -n "$differ" ]; then
        echo "differ from $check:"
        echo "$differ"
        exit 1
    fi
    echo "identical to $check: $(wc -l <"$out/SHA256SUMS") files"
fi
