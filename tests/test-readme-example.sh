#!/usr/bin/env bash
# Builds the C examples of the documentation against the library in the build tree, through
# its pkg-config file: the complete one in docs/library.md, run on the sample and checked by the
# PDF it writes, and the short one in README.md, run on the sample as events.csv. TAP output.
set -u
BUILD=${1:?usage: test-readme-example.sh BUILD-DIR [EXTRA-CFLAGS]}
EXTRA=${2:-}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

# The first C block of a Markdown file.
first_c_block() { awk '/^```c$/ { f = 1; next } f && /^```$/ { exit } f' "$1"; }
# compile NAME: builds $WORK/NAME.c into $WORK/NAME, warning-free.
compile() {
    # shellcheck disable=SC2086
    cc -std=c11 -Wall -Wextra -Werror $EXTRA -o "$WORK/$1" "$WORK/$1.c" $flags 2>"$WORK/$1.log"
    local status=$?
    sed 's/^/#   /' "$WORK/$1.log"
    return $status
}

first_c_block "$ROOT/docs/library.md" >"$WORK/app.c"
[ -s "$WORK/app.c" ]; ok $? "docs/library.md has a C example"
first_c_block "$ROOT/README.md" >"$WORK/short.c"
[ -s "$WORK/short.c" ]; ok $? "README has a C example"
flags=$(PKG_CONFIG_PATH="$BUILD/meson-uninstalled" pkg-config --cflags --libs timeline)
ok $? "pkg-config finds timeline ($flags)"
compile app; ok $? "the example compiles warning-free against timeline.h"
compile short; ok $? "the README's example compiles warning-free against timeline.h"
(cd "$WORK" && LD_LIBRARY_PATH="$BUILD" ./app "$ROOT/data/samples/india-japan-2019-2020.csv")
ok $? "the example runs on the sample"
head -c 5 "$WORK/chart.pdf" 2>/dev/null | grep -q '%PDF-'; ok $? "it writes chart.pdf"
if command -v pdfinfo >/dev/null; then
    pdfinfo "$WORK/chart.pdf" | grep -q "Title: *India–Japan relations, 2019–2020"
    ok $? "the PDF carries the title"
fi
(cd "$WORK" && LD_LIBRARY_PATH="$BUILD" ./app "$WORK/missing.csv" 2>"$WORK/err")
[ $? -eq 66 ]; ok $? "a missing input gives exit 66 through tl_error"
mkdir "$WORK/short-run"
cp "$ROOT/data/samples/india-japan-2019-2020.csv" "$WORK/short-run/events.csv"
(cd "$WORK/short-run" && LD_LIBRARY_PATH="$BUILD" ../short)
ok $? "the README's example runs on the sample"
head -c 5 "$WORK/short-run/chart.svg" 2>/dev/null | grep -q '<svg\|<?xml'; ok $? "it writes chart.svg"
(cd "$WORK" && LD_LIBRARY_PATH="$BUILD" ./short 2>/dev/null)
[ $? -eq 66 ]; ok $? "the README's example gives exit 66 without events.csv"
echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
