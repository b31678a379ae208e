#!/usr/bin/env bash
# Builds the C example in README.md against the library in the build tree, through its
# pkg-config file, runs it on the sample, and checks the PDF it writes. TAP output.
set -u
BUILD=${1:?usage: test-readme-example.sh BUILD-DIR [EXTRA-CFLAGS]}
EXTRA=${2:-}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

sed -n '/^```c$/,/^```$/p' "$ROOT/README.md" | sed '1d;$d' >"$WORK/app.c"
[ -s "$WORK/app.c" ]; ok $? "README has a C example"
flags=$(PKG_CONFIG_PATH="$BUILD/meson-uninstalled" pkg-config --cflags --libs timeline)
ok $? "pkg-config finds timeline ($flags)"
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror $EXTRA -o "$WORK/app" "$WORK/app.c" $flags 2>"$WORK/cc.log"
ok $? "the example compiles warning-free against timeline.h"
sed 's/^/#   /' "$WORK/cc.log"
(cd "$WORK" && LD_LIBRARY_PATH="$BUILD" ./app "$ROOT/data/samples/india-japan-2019-2020.csv")
ok $? "the example runs on the sample"
head -c 5 "$WORK/chart.pdf" 2>/dev/null | grep -q '%PDF-'; ok $? "it writes chart.pdf"
if command -v pdfinfo >/dev/null; then
    pdfinfo "$WORK/chart.pdf" | grep -q "Title: *India–Japan relations, 2019–2020"
    ok $? "the PDF carries the title"
fi
(cd "$WORK" && LD_LIBRARY_PATH="$BUILD" ./app "$WORK/missing.csv" 2>"$WORK/err")
[ $? -eq 66 ]; ok $? "a missing input gives exit 66 through tl_error"
echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
