#!/usr/bin/env bash
# The hostile-input conformance test: every fixture in tests/data/csv is rendered by the CLI,
# with the options of its NAME.options, and must behave as its prefix says. y_ renders (exit 0,
# no warning), i_ renders with a warning that names FILE:LINE:COL (exit 0), n_ is rejected
# (exit 65, or 64 for an option the file cannot meet) with a message naming the file, and
# leaves no output file behind. y_ files are also checked for well-formed SVG. Then the inputs
# too big to keep in the tree (a 10 MB field, 100,000 columns) and output failures.
set -u
TIMELINE=${1:?usage: test-corpus.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
CORPUS=$SRC/data/csv
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; return "$1"; }
diag() { sed 's/^/#   /' "$1" | head -5; }

# NAME.options (one key=value a line, as tests/test-csv.c reads them) as command-line options.
options=()
read_options() {
    options=()
    [ -f "$1" ] || return 0
    local key value
    while IFS='=' read -r key value; do
        case "$key" in
        '' | '#'*) ;;
        date_order) options+=(--date-order "$value") ;;
        time_zone) options+=(--tz "$value") ;;
        delimiter) [ "$value" = tab ] && value=$'\t'; options+=(--delimiter "$value") ;;
        column.*) options+=("--col-${key#column.}" "$value") ;;
        *) echo "# $1: unknown option $key" ;;
        esac
    done <"$1"
}

for f in "$CORPUS"/*.csv; do
    name=$(basename "$f" .csv)
    out="$WORK/$name.svg"
    read_options "$CORPUS/$name.options"
    timeout 120 "$TIMELINE" ${options[@]+"${options[@]}"} "$f" -o "$out" >"$WORK/out" 2>"$WORK/err"
    status=$?
    case "$name" in
    y_*)
        [ $status -eq 0 ] && [ -s "$out" ] && [ ! -s "$WORK/err" ]
        ok $? "$name renders cleanly (exit $status)" || diag "$WORK/err"
        if command -v xmllint >/dev/null; then
            xmllint --noout "$out" 2>"$WORK/xml"; ok $? "$name: the SVG is well-formed" || diag "$WORK/xml"
            ! grep -q '<script' "$out"; ok $? "$name: no element injected into the SVG"
        fi
        ;;
    i_*)
        [ $status -eq 0 ] && [ -s "$out" ] && grep -q "warning: " "$WORK/err"
        ok $? "$name renders with a warning (exit $status)" || diag "$WORK/err"
        grep -qE "warning: ($f:[0-9]+:[0-9]+: |line [0-9]+: )" "$WORK/err"
        ok $? "$name: the warning names its position" || diag "$WORK/err"
        ;;
    n_*)
        # A column that NAME.options asks for and the file lacks is a usage error (64).
        [ $status -eq 65 ] || { [ ${#options[@]} -gt 0 ] && [ $status -eq 64 ]; }
        ok $? "$name is rejected with exit 65 (got $status)" || diag "$WORK/err"
        grep -qE "^timeline: $f(:[0-9]+(:[0-9]+)?)?: |^timeline: nothing to draw" "$WORK/err"
        ok $? "$name: the message names the file" || diag "$WORK/err"
        [ ! -e "$out" ] && [ -z "$(ls -A "$WORK" | grep "^\.$name")" ]
        ok $? "$name: no output and no temporary file left"
        ;;
    esac
    rm -f "$out"
done

# Formula-looking cells are text, never evaluated or dropped.
"$TIMELINE" "$CORPUS/y_formula.csv" -T json >"$WORK/f.json" 2>/dev/null
grep -q '=HYPERLINK' "$WORK/f.json"; ok $? "a formula-looking cell is drawn literally"
# Markup-looking titles are drawn literally.
"$TIMELINE" "$CORPUS/y_svg_injection.csv" -T json >"$WORK/s.json" 2>/dev/null
grep -q '</svg><script>alert(1)</script>' "$WORK/s.json"; ok $? "a title with </svg><script> is kept as text"

# --- too big to keep in the tree -----------------------------------------------------------
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
open(f"{w}/n_big_field.csv", "w").write('start,title,description\n2020,A,"' + "x" * (10 << 20) + '"\n')
open(f"{w}/y_many_columns.csv", "w").write("start,title," + ",".join(f"c{i}" for i in range(100000)) + "\n2020,A," + ",".join("x" for _ in range(100000)) + "\n")
PY
timeout 60 "$TIMELINE" "$WORK/n_big_field.csv" -o "$WORK/big.svg" 2>"$WORK/err"
[ $? -eq 65 ] && grep -q "field longer than 1 MiB" "$WORK/err"; ok $? "a 10 MB field is refused with a clear error"
[ ! -e "$WORK/big.svg" ]; ok $? "no output for the 10 MB field"
timeout 60 "$TIMELINE" "$WORK/y_many_columns.csv" -o "$WORK/cols.svg" 2>"$WORK/err"
[ $? -eq 0 ] && [ -s "$WORK/cols.svg" ]; ok $? "100,000 columns: the known ones are used"

# --- output failures -----------------------------------------------------------------------
SAMPLE=$CORPUS/y_minimal.csv
"$TIMELINE" "$SAMPLE" -o "$WORK/missing/dir/x.svg" 2>"$WORK/err"
[ $? -eq 73 ]; ok $? "-o into a folder that does not exist: exit 73"
"$TIMELINE" "$SAMPLE" -o "$SAMPLE/under-a-file.svg" 2>"$WORK/err"
[ $? -eq 73 ] && grep -q "cannot create output" "$WORK/err"
ok $? "-o under a regular file (unwritable even for root): exit 73 with a message"
mkdir "$WORK/ro" && chmod a-w "$WORK/ro"
if [ "$(id -u)" -ne 0 ]; then
    "$TIMELINE" "$SAMPLE" -o "$WORK/ro/x.svg" 2>"$WORK/err"
    [ $? -eq 73 ]; ok $? "-o into a read-only folder: exit 73"
else
    echo "ok $((n += 1)) - -o into a read-only folder # SKIP root ignores write permission"
fi
if [ -w /dev/full ]; then
    "$TIMELINE" "$SAMPLE" -T png -o - >/dev/full 2>"$WORK/err"
    [ $? -eq 74 ] && grep -q "timeline: " "$WORK/err"; ok $? "a full disk: exit 74 with a message"
fi
# A reader that goes away: the pipe closes; no crash, a write error (74) or a quiet stop.
"$TIMELINE" "$CORPUS/y_many_groups.csv" -T svg -o - 2>"$WORK/err" | head -c 10 >/dev/null
st=${PIPESTATUS[0]}
[ "$st" -eq 74 ] || [ "$st" -eq 0 ]; ok $? "SIGPIPE on stdout does not crash (exit $st)"

echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
