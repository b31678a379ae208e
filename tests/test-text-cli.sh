#!/usr/bin/env bash
# The CLI's text and font options: --font, --font-dir, --system-fonts, --label-width,
# --markup, --repair-utf8, --pdf-author/-subject/-keywords, and the warning about characters
# no font has. TAP output.
set -u
TIMELINE=${1:?usage: test-text-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLE=$ROOT/data/samples/india-japan-2019-2020.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"
# json EXPR FILE: a Python expression over the scene `d` must hold.
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$2"; }

if ! "$TIMELINE" "$SAMPLE" -o "$WORK/probe.svg" 2>"$WORK/err"; then
    echo "1..0 # SKIP the CLI cannot render (fonts missing?): $(head -1 "$WORK/err")"
    exit 0
fi

# --- --font ---------------------------------------------------------------------------------
run 0 "--font with a size" -- "$SAMPLE" --font "Noto Sans 12" -o "$WORK/f12.json"
run 0 "the default font" -- "$SAMPLE" -o "$WORK/f10.json"
python3 - "$WORK/f10.json" "$WORK/f12.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ta = [i for i in a["items"] if i["type"] == "text" and i["role"] == "title"] or \
     [i for i in a["items"] if i["type"] == "text"]
tb = [i for i in b["items"] if i["type"] == "text" and i["text"] == ta[0]["text"]]
assert tb and tb[0]["bbox"][3] > ta[0]["bbox"][3] * 1.1, (ta[0], tb[:1])
PY
ok $? "size 12 sets text larger than the default 10"
run 78 "an unknown family" -- "$SAMPLE" --font "Nonexistent Sans" -o "$WORK/x.png"
has 'font "Nonexistent Sans" not found' "$WORK/err"; ok $? "names the family"
run 78 "a size out of range" -- "$SAMPLE" --font "Noto Sans 400" -o "$WORK/x.png"
run 78 "a generic family needs --system-fonts" -- "$SAMPLE" --font serif -o "$WORK/x.png"
run 0 "--system-fonts resolves it" -- "$SAMPLE" --system-fonts --font serif -o "$WORK/x.png"
run 0 "-v lists the font files" -- -v "$SAMPLE" -o "$WORK/x.png"
has "note: font file: " "$WORK/err" && has "NotoSans-Regular" "$WORK/err"
ok $? "including Noto Sans"
run 0 "-v with --system-fonts says so" -- -v --system-fonts "$SAMPLE" -o "$WORK/x.png"
has "note: fonts: the machine's fontconfig set" "$WORK/err"; ok $? "the machine's set"

# --- characters without glyphs, and --font-dir ----------------------------------------------
printf 'start,title\n2020-01,Aksara ꦲꦏ꧀ꦱꦫ\n2020-06,ꦧꦱ again\n' >"$WORK/jv.csv"
run 0 "Javanese renders" -- "$WORK/jv.csv" -o "$WORK/jv.png"
has 'warning: no font has glyphs for "ꦲꦏ꧀ꦱꦫ" (Javanese) in title of line 2' "$WORK/err"
ok $? "with a warning naming the text, its script and line"
[ "$(grep -c "no font has glyphs" "$WORK/err")" -eq 1 ]; ok $? "once for the script"
run 65 "which --strict refuses" -- --strict "$WORK/jv.csv" -o "$WORK/jv2.png"
# The repository's test fonts include a Javanese face, so this runs on any machine.
JV=$(find "$SRC/fonts" /usr/share/fonts /usr/local/share/fonts \
    -name 'NotoSansJavanese-Regular.*' -print -quit 2>/dev/null)
if [ -n "$JV" ] && [ -r "$JV" ]; then
    mkdir -p "$WORK/report-fonts"
    cp "$JV" "$WORK/report-fonts/"
    run 0 "--font-dir with a Javanese font" -- --font-dir "$WORK/report-fonts" "$WORK/jv.csv" \
        -o "$WORK/jv3.png"
    [ ! -s "$WORK/err" ]; ok $? "no warning: its glyphs are found" || sed "s/^/#   /" "$WORK/err"
    run 0 "its family can be asked for" -- --font-dir "$WORK/report-fonts" \
        --font "Noto Sans Javanese" "$WORK/jv.csv" -o "$WORK/jv4.png"
else
    skip "--font-dir with a Javanese font" "Noto Sans Javanese not installed"
fi
run 78 "a --font-dir that does not exist" -- --font-dir "$WORK/nope" "$SAMPLE" -o "$WORK/x.png"
has "No such file or directory" "$WORK/err"; ok $? "says why"
mkdir -p "$WORK/empty"
run 78 "a --font-dir without fonts" -- --font-dir "$WORK/empty" "$SAMPLE" -o "$WORK/x.png"

# --- --label-width --------------------------------------------------------------------------
printf 'start,title\n2020-01,A title long enough to need more than one hundred and fifty points\n2021-01,Short\n' \
    >"$WORK/long.csv"
run 0 "default label width" -- "$WORK/long.csv" -o "$WORK/w150.json"
run 0 "--label-width 300" -- --label-width 300 "$WORK/long.csv" -o "$WORK/w300.json"
json '[i["bbox"][2] > 150 and i["bbox"][3] < 15 for i in d["items"] if i["role"] == "event-label"][0]' \
    "$WORK/w150.json"; ok $? "by default a title takes the room beside it: one line, over 150 pt"
run 0 "--label-width 150" -- --label-width 150 "$WORK/long.csv" -o "$WORK/w150.json"
json 'all(i["bbox"][2] <= 150 for i in d["items"] if i["type"] == "text" and i["role"] == "event-label")' \
    "$WORK/w150.json"; ok $? "labels are at most 150 pt wide with --label-width 150"
json 'any(150 < i["bbox"][2] <= 300 for i in d["items"] if i["type"] == "text" and i["role"] == "event-label")' \
    "$WORK/w300.json"; ok $? "and up to 300 pt with --label-width 300"
run 64 "--label-width must be a number" -- --label-width wide "$SAMPLE" -o "$WORK/x.png"
run 64 "--label-width must be sensible" -- --label-width 5 "$SAMPLE" -o "$WORK/x.png"

# --- --markup -------------------------------------------------------------------------------
printf 'start,title\n2020-01,H<sub>2</sub>O <i>and</i> x<sup>2</sup>\n2021-01,Tom & Jerry <b>unclosed\n' \
    >"$WORK/markup.csv"
run 0 "without --markup" -- "$WORK/markup.csv" -o "$WORK/m0.json"
json 'not any(i.get("markup") for i in d["items"])' "$WORK/m0.json" &&
    json 'any(i.get("text") == "H<sub>2</sub>O <i>and</i> x<sup>2</sup>" for i in d["items"])' \
        "$WORK/m0.json"
ok $? "text is plain: tags are drawn as written"
! has "markup" "$WORK/err"; ok $? "and nothing is said about markup"
run 0 "with --markup" -- --markup "$WORK/markup.csv" -o "$WORK/m1.json"
json 'any(i.get("markup") for i in d["items"])' "$WORK/m1.json"; ok $? "texts are markup"
has "invalid markup in title of line 3, drawn as written" "$WORK/err"
ok $? "invalid markup is drawn as written, with a warning naming the line"
run 0 "markup renders to PNG" -- --markup "$WORK/markup.csv" -o "$WORK/m1.png"
run 0 "a title with markup" -- --markup --title "<i>Water</i> H<sub>2</sub>O" "$SAMPLE" -o "$WORK/m2.svg"
! has "markup" "$WORK/err"; ok $? "is valid"

# --- --repair-utf8 --------------------------------------------------------------------------
printf 'start,title\n2020-01,Caf\xe9 cr\xe8me\n2021-01,Fine\n' >"$WORK/latin1.csv"
run 65 "invalid UTF-8 is refused" -- "$WORK/latin1.csv" -o "$WORK/x.png"
has "latin1.csv:2:12: invalid UTF-8 (byte 0xE9)" "$WORK/err"; ok $? "with its position"
run 0 "--repair-utf8 replaces it" -- --repair-utf8 "$WORK/latin1.csv" -o "$WORK/r.json"
has "latin1.csv:2:12: invalid UTF-8 (byte 0xE9) replaced with U+FFFD" "$WORK/err" &&
    has "latin1.csv:2:16: invalid UTF-8 (byte 0xE8) replaced with U+FFFD" "$WORK/err"
ok $? "each replacement is warned with its position"
json 'any(e["title"] == "Caf\ufffd cr\ufffdme" for e in d["events"])' "$WORK/r.json"
ok $? "the title holds U+FFFD"
run 65 "--strict still refuses it" -- --strict --repair-utf8 "$WORK/latin1.csv" -o "$WORK/x.png"
run 64 "an invalid --title" -- "$SAMPLE" --title $'Caf\xe9' -o "$WORK/x.png"
has "--title: invalid UTF-8 (byte 0xE9 at byte 4)" "$WORK/err"; ok $? "says where"
run 0 "repaired with --repair-utf8" -- --repair-utf8 "$SAMPLE" --title $'Caf\xe9' -o "$WORK/t.json"
json 'd["title"] == "Caf\ufffd"' "$WORK/t.json"; ok $? "into U+FFFD"
has "warning: --title: invalid UTF-8 replaced with U+FFFD" "$WORK/err"; ok $? "with a warning"

# --- PDF metadata ---------------------------------------------------------------------------
if command -v pdfinfo >/dev/null; then
    run 0 "PDF metadata options" -- "$SAMPLE" --title "India and Japan" --pdf-author "A. Author" \
        --pdf-subject "Cyber diplomacy" --pdf-keywords "India, Japan, 日本" -o "$WORK/meta.pdf"
    pdfinfo "$WORK/meta.pdf" >"$WORK/info"
    has "Title:           India and Japan" "$WORK/info" &&
        has "Author:          A. Author" "$WORK/info" &&
        has "Subject:         Cyber diplomacy" "$WORK/info" &&
        has "Keywords:        India, Japan, 日本" "$WORK/info" &&
        has "Creator:         timeline " "$WORK/info"
    ok $? "title, author, subject, keywords and creator are in the PDF"
else
    skip "PDF metadata options" "no pdfinfo"
fi

done_testing
