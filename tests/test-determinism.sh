#!/usr/bin/env bash
# Reproducible output, as a user gets it from the CLI: every sample rendered twice in separate
# processes gives the same SVG, PNG and PDF bytes; so do other locales and LANGUAGE settings,
# and another font "installed" on the machine (a second Noto Sans in a fontconfig folder).
# Fontconfig prints nothing without a writable cache. SOURCE_DATE_EPOCH sets the PDF date
# (checked with pdfinfo), and without it the date is fixed. SVGs stay valid (xmllint,
# rsvg-convert) and PDFs render (pdftoppm). Nothing is compared with checked-in bytes: the
# runs are compared with each other. TAP output.
set -u
TIMELINE=${1:?usage: test-determinism.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLES=$ROOT/data/samples
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"
diag() { sed 's/^/#   /' "$1" | head -5; }

if ! "$TIMELINE" "$SAMPLES/project-plan.csv" -o "$WORK/probe.svg" 2>"$WORK/err"; then
    echo "1..0 # SKIP the CLI cannot render (fonts missing?): $(head -1 "$WORK/err")"
    exit 0
fi

# --- every sample, every format, two processes ----------------------------------------------
for csv in "$SAMPLES"/*.csv; do
    name=$(basename "$csv" .csv)
    for fmt in svg png pdf; do
        "$TIMELINE" "$csv" -o "$WORK/$name.1.$fmt" 2>"$WORK/err1"
        s1=$?
        "$TIMELINE" "$csv" -o "$WORK/$name.2.$fmt" 2>"$WORK/err2"
        s2=$?
        [ $s1 -eq 0 ] && [ $s2 -eq 0 ] && cmp -s "$WORK/$name.1.$fmt" "$WORK/$name.2.$fmt"
        ok $? "$name.$fmt is byte-identical across processes" || diag "$WORK/err1"
    done
    ! grep -q "no font has glyphs" "$WORK/err1"
    ok $? "$name: every character has a glyph" || diag "$WORK/err1"
done

# --- the locale does not matter -------------------------------------------------------------
for name in india-japan-2019-2020-ja arabic-hebrew-printing india-japan-2019-2020-hi; do
    csv=$SAMPLES/$name.csv
    same=0
    for env in "LANGUAGE=zh_CN:ko" "PANGO_LANGUAGE=zh-tw LANGUAGE=ko" "LC_ALL=C" \
        "LC_ALL=ja_JP.UTF-8 LANG=ja_JP.UTF-8" "LANGUAGE=ur:fa LC_ALL=C.UTF-8"; do
        for fmt in svg png; do
            env $env "$TIMELINE" "$csv" -o "$WORK/loc.$fmt" 2>/dev/null
            cmp -s "$WORK/loc.$fmt" "$WORK/$name.1.$fmt" || { same=1; echo "#   differs with $env ($fmt)"; }
        done
    done
    ok $same "$name: the same bytes in other locales and LANGUAGE settings"
done

# --- with and without SOURCE_DATE_EPOCH --------------------------------------------------------
# Fontconfig takes its caches for stale when SOURCE_DATE_EPOCH is set (they record folder
# times), so the private font set is then built by reading the font files instead of the
# caches: the two ways must give the same fonts, hence the same PNG and SVG bytes.
for name in india-japan-2019-2020-ja arabic-hebrew-printing; do
    same=0
    for fmt in svg png; do
        env -u SOURCE_DATE_EPOCH "$TIMELINE" "$SAMPLES/$name.csv" -o "$WORK/nodate.$fmt" 2>/dev/null
        cmp -s "$WORK/nodate.$fmt" "$WORK/$name.1.$fmt" || same=1
    done
    ok $same "$name: the same bytes with and without SOURCE_DATE_EPOCH (fonts from caches or files)"
done

# --- another font installed does not change a chart ------------------------------------------
# A fontconfig configuration that adds a folder holding a second copy of Noto Sans (under
# another file name) and DejaVu Sans; the private font set must not pick up either.
SYSCONF=${FONTCONFIG_FILE:-/etc/fonts/fonts.conf}
# The Noto Sans file the charts use, as `timeline -v` lists it.
NOTO=$("$TIMELINE" -v "$SAMPLES/project-plan.csv" -o "$WORK/v.svg" 2>&1 |
    sed -n 's|^timeline: note: font file: \(.*/NotoSans-Regular\.[ot]tf\)$|\1|p' | head -1)
if [ -r "$SYSCONF" ] && [ -n "$NOTO" ] && [ -r "$NOTO" ]; then
    mkdir -p "$WORK/extra" "$WORK/fc-cache"
    cp "$NOTO" "$WORK/extra/AnotherNotoSans.ttf"
    DEJAVU=$(find /usr/share/fonts -name DejaVuSans.ttf -print -quit 2>/dev/null)
    [ -n "$DEJAVU" ] && cp "$DEJAVU" "$WORK/extra/"
    cat >"$WORK/fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">$SYSCONF</include>
  <dir>$WORK/extra</dir>
  <cachedir>$WORK/fc-cache</cachedir>
</fontconfig>
EOF
    "$TIMELINE" -v "$SAMPLES/india-japan-2019-2020.csv" -o "$WORK/base.png" 2>"$WORK/fonts-base"
    FONTCONFIG_FILE=$WORK/fonts.conf "$TIMELINE" -v "$SAMPLES/india-japan-2019-2020.csv" \
        -o "$WORK/extra.png" 2>"$WORK/fonts-extra"
    cmp -s "$WORK/base.png" "$WORK/extra.png"
    ok $? "a chart is the same with another Noto Sans and DejaVu installed"
    grep "font file:" "$WORK/fonts-base" >"$WORK/files-base"
    grep "font file:" "$WORK/fonts-extra" >"$WORK/files-extra"
    [ -s "$WORK/files-base" ] && cmp -s "$WORK/files-base" "$WORK/files-extra"
    ok $? "and drawn from the same font files (-v lists them)" || diag "$WORK/files-extra"
    ! grep -q "$WORK/extra" "$WORK/files-extra"
    ok $? "none of the new ones"
    if [ -n "$DEJAVU" ]; then
        FONTCONFIG_FILE=$WORK/fonts.conf "$TIMELINE" --system-fonts --font "DejaVu Sans" \
            "$SAMPLES/project-plan.csv" -o "$WORK/sys.png" 2>"$WORK/err"
        ok $? "--system-fonts sees them" || diag "$WORK/err"
    else
        skip "--system-fonts sees them" "DejaVu Sans is not installed"
    fi
else
    skip "a chart is the same with another font installed" "no fontconfig file or Noto Sans"
fi

# --- fontconfig stays quiet -----------------------------------------------------------------
mkdir -p "$WORK/ro-cache" "$WORK/fontdir"
chmod 0555 "$WORK/ro-cache"
[ -n "${NOTO:-}" ] && cp "$NOTO" "$WORK/fontdir/Report.ttf"
[ -n "${NOTO:-}" ] || echo "#   Noto Sans not found in timeline -v: the folder is empty"
HOME=$WORK/no-home XDG_CACHE_HOME=$WORK/ro-cache "$TIMELINE" --font-dir "$WORK/fontdir" \
    "$SAMPLES/project-plan.csv" -o "$WORK/quiet.svg" >"$WORK/out" 2>"$WORK/err"
status=$?
[ $status -eq 0 ] && [ ! -s "$WORK/err" ]
ok $? "no cache folder to write, a folder without a cache: nothing printed (exit $status)" ||
    diag "$WORK/err"

# --- PDF dates ------------------------------------------------------------------------------
if command -v pdfinfo >/dev/null; then
    SOURCE_DATE_EPOCH=1600000000 "$TIMELINE" "$SAMPLES/project-plan.csv" -o "$WORK/d1.pdf"
    TZ=UTC pdfinfo "$WORK/d1.pdf" >"$WORK/info1" 2>&1
    grep -q "^CreationDate: *Sun Sep 13 12:26:40 2020" "$WORK/info1"
    ok $? "SOURCE_DATE_EPOCH=1600000000 is the creation date (2020-09-13T12:26:40Z)" ||
        diag "$WORK/info1"
    ! grep -q "^ModDate:" "$WORK/info1"
    ok $? "no modification date"
    env -u SOURCE_DATE_EPOCH "$TIMELINE" "$SAMPLES/project-plan.csv" -o "$WORK/d2.pdf"
    TZ=UTC pdfinfo "$WORK/d2.pdf" >"$WORK/info2" 2>&1
    grep -q "^CreationDate: *Thu Jan  1 00:00:00 1970" "$WORK/info2"
    ok $? "without it the date is fixed at 1970-01-01T00:00:00Z, not the clock" ||
        diag "$WORK/info2"
    sleep 1
    env -u SOURCE_DATE_EPOCH "$TIMELINE" "$SAMPLES/project-plan.csv" -o "$WORK/d3.pdf"
    cmp -s "$WORK/d2.pdf" "$WORK/d3.pdf"
    ok $? "so a PDF made a second later has the same bytes"
    SOURCE_DATE_EPOCH=1700000000 "$TIMELINE" "$SAMPLES/project-plan.csv" -o "$WORK/d4.pdf"
    ! cmp -s "$WORK/d1.pdf" "$WORK/d4.pdf"
    ok $? "another SOURCE_DATE_EPOCH gives another file"
else
    skip "PDF creation date" "no pdfinfo"
fi

# --- the outputs are valid ------------------------------------------------------------------
for name in india-japan-2019-2020-ja india-japan-2019-2020-hi arabic-hebrew-printing; do
    if command -v xmllint >/dev/null; then
        xmllint --noout "$WORK/$name.1.svg" 2>"$WORK/err"
        ok $? "$name.svg is well-formed XML" || diag "$WORK/err"
    fi
    if command -v rsvg-convert >/dev/null; then
        rsvg-convert "$WORK/$name.1.svg" >"$WORK/$name.rsvg.png" 2>"$WORK/err"
        ok $? "rsvg-convert reads $name.svg" || diag "$WORK/err"
    fi
    if command -v pdftoppm >/dev/null; then
        pdftoppm -r 40 -png "$WORK/$name.1.pdf" "$WORK/$name.ppm" 2>"$WORK/err" &&
            [ -s "$WORK/$name.ppm-1.png" ]
        ok $? "pdftoppm renders $name.pdf" || diag "$WORK/err"
    fi
done

done_testing
