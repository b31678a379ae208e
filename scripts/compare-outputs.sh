#!/usr/bin/env bash
# Renders every sample in every layout, theme and output format (and paged PDF) with the
# given timeline binary into DIR, then writes DIR/SHA256SUMS. A refactor is checked by
# running this before and after and comparing the two files:
#   scripts/compare-outputs.sh OLD-BUILD/timeline /tmp/before
#   scripts/compare-outputs.sh build/timeline /tmp/after
#   diff /tmp/before/SHA256SUMS /tmp/after/SHA256SUMS && echo identical
set -euo pipefail
bin=$(realpath "$1")
out=$2
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
        for theme in light dark print colorblind; do
            base="$s-$layout-$theme"
            opts=(--layout "$layout" --theme "$theme" --title "$s")
            for fmt in svg png pdf ps eps json; do
                render "$base.$fmt" "${opts[@]}" "$csv" -o "$out/$base.$fmt"
            done
            render "$base.text.svg" "${opts[@]}" --svg-text "$csv" -o "$out/$base.text.svg"
        done
        render "$s-$layout-a4.pdf" --layout "$layout" --page A4 --landscape "$csv" \
            -o "$out/$s-$layout-a4.pdf"
        render "$s-$layout-a4.json" --layout "$layout" --page A4 --landscape "$csv" \
            -o "$out/$s-$layout-a4.json"
        render "$s-$layout-letter2.pdf" --layout "$layout" --page Letter --pages 2 "$csv" \
            -o "$out/$s-$layout-letter2.pdf"
        render "$s-$layout-fit.pdf" --layout "$layout" --page A4 --fit-width "$csv" \
            -o "$out/$s-$layout-fit.pdf"
    done
done
# Generated data at sizes where level of detail and the density strip come in.
if [ -f ../shared/bench/gen_events.py ]; then
    for n in 1000 20000; do
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
