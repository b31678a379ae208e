#!/usr/bin/env bash
# Installs what is missing, builds, and renders the sample timeline to SVG, PNG and PDF in out/,
# and its Japanese and Hindi versions with their locales to PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
tl_install_deps

if [ ! -f build/build.ninja ]; then
    meson setup build >build.setup.log 2>&1 || { cat build.setup.log >&2; exit 1; }
fi
ninja -C build timeline >build.ninja.log 2>&1 || { cat build.ninja.log >&2; exit 1; }

mkdir -p out
sample=data/samples/india-japan-2019-2020.csv
title="India–Japan relations, 2019–2020"
for fmt in svg png pdf; do
    build/timeline "$sample" --title "$title" -o "out/india-japan-2019-2020.$fmt"
done
# The same chart for its readers in Tokyo and Delhi: their words, dates and digits.
build/timeline data/samples/india-japan-2019-2020-ja.csv --locale ja --title "日印関係 2019–2020" \
    -o out/india-japan-2019-2020-ja.png
build/timeline data/samples/india-japan-2019-2020-hi.csv --locale hi \
    --title "भारत–जापान संबंध, 2019–2020" -o out/india-japan-2019-2020-hi.png
ls -l out/india-japan-2019-2020*
