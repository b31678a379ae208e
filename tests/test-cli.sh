#!/usr/bin/env bash
# Runs the built CLI as a user would: formats, stdin/stdout, exit codes, messages with
# FILE:LINE:COL, and no output file left behind when rendering fails. TAP output.
set -u
TIMELINE=${1:?usage: test-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLE=$ROOT/data/samples/india-japan-2019-2020.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

# --- basics ---------------------------------------------------------------------------------
run 0 "--version" -- --version
has "timeline " "$WORK/out"; ok $? "--version prints the name"
run 0 "--help" -- --help
has "--output" "$WORK/out"; ok $? "--help lists --output"
run 64 "no input is a usage error" --
run 64 "unknown option" -- --bogus "$SAMPLE" -o "$WORK/x.svg"
run 64 "unknown theme" -- --theme neon "$SAMPLE" -o "$WORK/x.svg"
run 64 "unknown extension" -- "$SAMPLE" -o "$WORK/x.docx"
[ ! -e "$WORK/x.docx" ]; ok $? "no file for a usage error"
run 64 "bad --width" -- --width abc "$SAMPLE" -o "$WORK/x.svg"
run 66 "missing input" -- "$WORK/nope.csv" -o "$WORK/x.svg"
has "nope.csv" "$WORK/err"; ok $? "missing input names the file"

# --- each format ----------------------------------------------------------------------------
for fmt in svg png pdf json; do
    run 0 "sample renders to $fmt" -- "$SAMPLE" -o "$WORK/s.$fmt"
    [ -s "$WORK/s.$fmt" ]; ok $? "$fmt file is not empty"
done
head -c 5 "$WORK/s.pdf" | grep -q '%PDF-'; ok $? "pdf magic"
head -c 8 "$WORK/s.png" | od -An -tx1 | grep -q '89 50 4e 47'; ok $? "png magic"
if command -v xmllint >/dev/null; then
    xmllint --noout "$WORK/s.svg"; ok $? "svg is well-formed XML"
else skip "svg is well-formed XML" "no xmllint"; fi
if command -v rsvg-convert >/dev/null; then
    rsvg-convert "$WORK/s.svg" -o "$WORK/s-from-svg.png"; ok $? "rsvg-convert reads the svg"
else skip "rsvg-convert reads the svg" "no rsvg-convert"; fi
if command -v pdfinfo >/dev/null; then
    pdfinfo "$WORK/s.pdf" >"$WORK/pdfinfo"; ok $? "pdfinfo reads the pdf"
    has "Pages:           1" "$WORK/pdfinfo"; ok $? "pdf has one page"
else skip "pdfinfo reads the pdf" "no pdfinfo"; fi
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["items"] and d["events"]' \
    "$WORK/s.json"; ok $? "json parses and has items and events"

# PNG size follows --dpi: the canvas is in points (1/72 in).
png_size() { python3 -c 'import struct,sys; b=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", b[16:24]))' "$1"; }
run 0 "png at 96 dpi" -- "$SAMPLE" --width 720 -o "$WORK/a.png"
run 0 "png at 192 dpi" -- "$SAMPLE" --width 720 --dpi 192 -o "$WORK/b.png"
read -r wa ha < <(png_size "$WORK/a.png")
read -r wb hb < <(png_size "$WORK/b.png")
[ "$wa" -eq 960 ]; ok $? "720 pt at 96 dpi is 960 px wide (got $wa)"
[ "$wb" -eq 1920 ]; ok $? "720 pt at 192 dpi is 1920 px wide (got $wb)"
png_dpi() { python3 -c '
import struct, sys
b = open(sys.argv[1], "rb").read()
i = 8
while i < len(b):
    n, t = struct.unpack(">I4s", b[i:i + 8])
    if t == b"pHYs":
        x, y, unit = struct.unpack(">IIB", b[i + 8:i + 17])
        print(round(x * 0.0254) if unit == 1 else 0)
    i += 12 + n' "$1"; }
[ "$(png_dpi "$WORK/b.png")" = 192 ]; ok $? "the PNG records its resolution (pHYs: $(png_dpi "$WORK/b.png") dpi)"

# --- layouts and options --------------------------------------------------------------------
for layout in ribbon lanes vertical; do
    run 0 "--layout $layout renders" -- "$SAMPLE" --layout "$layout" -o "$WORK/l-$layout.png"
done
run 64 "unknown layout" -- "$SAMPLE" --layout spiral -o "$WORK/x.png"
run 0 "title, subtitle and caption" -- "$SAMPLE" --title "T one" --subtitle "S two" \
    --caption "C three" -o "$WORK/tsc.json"
python3 - "$WORK/tsc.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
roles = {(i["role"], i.get("text")) for i in d["items"] if i["type"] == "text"}
assert ("title", "T one") in roles and ("subtitle", "S two") in roles and ("caption", "C three") in roles, roles
PY
ok $? "title, subtitle and caption are in the scene"
run 0 "--from/--to window" -- "$SAMPLE" --from 2020-01 --to 2020-06 -o "$WORK/win.json"
has "outside the --from/--to window" "$WORK/err"; ok $? "events outside the window are counted"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(e["start"]["text"] >= "2019-12" for e in d["events"]), d["events"]' "$WORK/win.json"
ok $? "only events reaching into the window are listed"
run 64 "a bad --from date" -- "$SAMPLE" --from 2020-13 -o "$WORK/x.png"
has 'invalid date "2020-13"' "$WORK/err"; ok $? "--from error says why"
run 64 "--to before --from" -- "$SAMPLE" --from 2020 --to 2019 -o "$WORK/x.png"

# --- reading the files people have --------------------------------------------------------
DATA=$SRC/data/csv
run 0 "--check validates and summarises" -- --check "$SAMPLE"
has "9 rows read (timeline layout): 9 events" "$WORK/out"; ok $? "--check counts rows and events"
has "in 3 groups, from 2019-11-01 to 2020-12-31" "$WORK/out"; ok $? "--check gives groups and range"
printf 'start,title\n2019-02-30,Bad\n' >"$WORK/nothing.csv"
run 65 "--check on a file with nothing drawable" -- --check "$WORK/nothing.csv"
run 0 "a Preceden export renders as is" -- "$DATA/y_preceden_export.csv" -o "$WORK/preceden.svg"
run 0 "--verbose names the sheet layout" -- -v --check "$DATA/y_preceden_export.csv"
has "note: profile: Preceden" "$WORK/err"; ok $? "profile note printed"
run 0 "a semicolon Excel export with --date-order dmy" -- --date-order dmy \
    "$DATA/y_excel_semicolon.csv" -o "$WORK/excel.png"
run 65 "without a date order its numeric dates are refused, not guessed" -- \
    "$DATA/y_excel_semicolon.csv" -o "$WORK/excel2.png"
has "needs a date order (--date-order dmy or mdy)" "$WORK/err"; ok $? "the warning says what to do"
run 64 "--date-order must be dmy, mdy or ymd" -- --date-order xyz "$SAMPLE" -o "$WORK/x.png"
run 64 "an unknown time zone" -- --tz Mars/Olympus "$SAMPLE" -o "$WORK/x.png"
has "Mars/Olympus" "$WORK/err"; ok $? "the unknown zone is named"
run 0 "a known time zone" -- --tz Asia/Tokyo "$SAMPLE" -o "$WORK/tz.json"
printf 'when;what;who\n2020-01-01;A;x\n2020-02-01;B;y\n' >"$WORK/semi.csv"
run 0 "column overrides and a forced delimiter" -- --delimiter ';' --col-start when \
    --col-title what --col-group who "$WORK/semi.csv" -o "$WORK/semi.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [e["title"] for e in d["events"]] == ["A", "B"], d["events"]' \
    "$WORK/semi.json"; ok $? "overridden columns are read"
run 64 "an unknown --col role" -- --col-when x "$SAMPLE" -o "$WORK/x.png"
TJS=${TL_SHARED_CORPUS:-$ROOT/../shared/corpus}/external/timelinejs/csv/women_in_computing.csv
if [ -f "$TJS" ]; then
    run 0 "a TimelineJS sheet renders without edits" -- "$TJS" -o "$WORK/tjs.json"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["title"] == "Women in Computing", d["title"]' \
        "$WORK/tjs.json"; ok $? "its title slide becomes the chart title"
else skip "a TimelineJS sheet renders without edits" "no shared corpus"; fi

# --- the help and the manual list the same options ------------------------------------------
MAN=$ROOT/docs/timeline.1
"$TIMELINE" --help >"$WORK/help"
sed -e 's/\\f[BIRP]//g' -e 's/\\//g' "$MAN" >"$WORK/man.txt"
missing=""
for opt in $(grep -o -- '--[a-z][a-z-]*' "$WORK/help" | sort -u); do
    grep -q -- "$opt" "$WORK/man.txt" || missing="$missing $opt"
done
[ -z "$missing" ]; ok $? "every --help option is in the man page (missing:${missing:- none})"
extra=""
for opt in $(grep -o -- '--[a-z][a-z-]*' "$WORK/man.txt" | sort -u); do
    grep -q -- "$opt" "$WORK/help" || extra="$extra $opt"
done
[ -z "$extra" ]; ok $? "every man page option is in --help (extra:${extra:- none})"

# --- stdin / stdout -------------------------------------------------------------------------
"$TIMELINE" - -T png -o - <"$SAMPLE" >"$WORK/stdout.png" 2>"$WORK/err"
ok $? "stdin to stdout png"
cmp -s "$WORK/stdout.png" "$WORK/s.png"; ok $? "stdout png equals the file png"
"$TIMELINE" -T json - <"$SAMPLE" >"$WORK/stdout.json" 2>"$WORK/err"
ok $? "-T json without -o writes stdout"
run 64 "no -o and no -T" -- "$SAMPLE"

# --- determinism ----------------------------------------------------------------------------
for fmt in svg png pdf json; do
    "$TIMELINE" "$SAMPLE" -o "$WORK/d1.$fmt" 2>/dev/null
    "$TIMELINE" "$SAMPLE" -o "$WORK/d2.$fmt" 2>/dev/null
    cmp -s "$WORK/d1.$fmt" "$WORK/d2.$fmt"; ok $? "$fmt output is byte-identical across runs"
done

# --- bad data -------------------------------------------------------------------------------
printf 'start,title\n2019-11-04,Good\n2019-02-30,Bad day\n2020,Also good\n' >"$WORK/mixed.csv"
run 0 "a bad row among good ones still renders" -- "$WORK/mixed.csv" -o "$WORK/mixed.svg"
has 'mixed.csv:3:1: invalid date "2019-02-30"' "$WORK/err"; ok $? "warning names file:line:col and the date"
[ -s "$WORK/mixed.svg" ]; ok $? "output written despite the warning"
rm -f "$WORK/mixed.svg"
run 65 "--strict turns the warning into an error" -- --strict "$WORK/mixed.csv" -o "$WORK/mixed.svg"
[ ! -e "$WORK/mixed.svg" ]; ok $? "--strict leaves no output"
run 0 "-q silences warnings" -- -q "$WORK/mixed.csv" -o "$WORK/mixed.svg"
[ ! -s "$WORK/err" ]; ok $? "-q printed nothing"

printf 'start,title\n2019-02-30,Bad\nnot a date,Worse\n' >"$WORK/allbad.csv"
run 65 "nothing drawable is an error" -- "$WORK/allbad.csv" -o "$WORK/allbad.svg"
[ ! -e "$WORK/allbad.svg" ]; ok $? "no output for nothing drawable"
has 'allbad.csv:3:1:' "$WORK/err"; ok $? "each bad row is still reported"

printf 'when,what\n2019,x\n' >"$WORK/nocols.csv"
run 65 "no start/title column" -- "$WORK/nocols.csv" -o "$WORK/nocols.svg"
has 'nocols.csv:1' "$WORK/err"; ok $? "missing column error points at the header"

printf 'start,end,title\n2020-03,2019-01,Backwards\n2020,,Fine\n' >"$WORK/backwards.csv"
run 0 "end before start is a warning" -- "$WORK/backwards.csv" -o "$WORK/b.svg"
has 'backwards.csv:2:' "$WORK/err"; ok $? "end-before-start names its line"

printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' >"$WORK/binary.csv"
run 65 "a binary file is rejected" -- "$WORK/binary.csv" -o "$WORK/bin.svg"
[ ! -e "$WORK/bin.svg" ]; ok $? "no output for a binary file"

# --- no partial output ----------------------------------------------------------------------
echo "precious" >"$WORK/keep.svg"
run 65 "failed render keeps the old file" -- "$WORK/allbad.csv" -o "$WORK/keep.svg"
[ "$(cat "$WORK/keep.svg")" = "precious" ]; ok $? "existing output untouched on failure"
run 73 "output into a missing directory" -- "$SAMPLE" -o "$WORK/no/such/dir/x.svg"
if [ -w /dev/full ]; then
    "$TIMELINE" "$SAMPLE" -T svg -o - >/dev/full 2>"$WORK/err"
    [ $? -eq 74 ]; ok $? "writing to a full disk is an I/O error (74)"
else skip "writing to a full disk" "no /dev/full"; fi
ls -a "$WORK" | grep -q '^\.keep\.svg\.' && r=1 || r=0
ok $r "no temporary files left behind"

done_testing
