#!/usr/bin/env bash
# Themes, style files, -S, precedence, --print-config, several inputs with -O, transparent
# backgrounds and the bash completion, through the built CLI. Geometry and colours are read
# from the scene JSON. TAP output.
set -u
TIMELINE=${1:?usage: test-style.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLE=$ROOT/data/samples/india-japan-2019-2020.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"
has() { grep -qF -- "$1" "$2" || { echo "# not found: $1"; sed 's/^/#   /' "$2"; false; }; }
# json EXPR FILE: evaluates a Python expression over the scene `d` (with helpers); exit status
# is its truth.
json() {
    python3 - "$2" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
items = d["items"]
def marks(role="event-mark"):
    return [i for i in items if i["type"] == "marker" and i["role"] == role]
def texts(role):
    return [i for i in items if i["type"] == "text" and i["role"] == role]
result = eval(sys.argv[2])
if not result:
    print("# false:", sys.argv[2])
sys.exit(0 if result else 1)
PY
}
png_color_type() { python3 -c 'import sys; print(open(sys.argv[1],"rb").read(26)[25])' "$1"; }

# --- themes ---------------------------------------------------------------------------------
run 0 "--list-themes" -- --list-themes
[ "$(wc -l <"$WORK/out")" -eq 4 ]; ok $? "four themes, one per line"
for t in light dark print colorblind; do
    grep -q "^$t  *[A-Za-z]" "$WORK/out"; ok $? "--list-themes names $t with a description"
done
for t in light dark print colorblind; do
    run 0 "theme $t renders to PNG" -- "$SAMPLE" --theme "$t" -o "$WORK/$t.png"
    head -c 8 "$WORK/$t.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'; ok $? "$t: PNG signature"
    if command -v pdftoppm >/dev/null && command -v rsvg-convert >/dev/null; then
        run 0 "theme $t renders to SVG" -- "$SAMPLE" --theme "$t" -o "$WORK/$t.svg"
        rsvg-convert "$WORK/$t.svg" -o "$WORK/$t-svg.png"; ok $? "$t: rsvg-convert reads the SVG"
    fi
    "$TIMELINE" "$SAMPLE" --theme "$t" -o "$WORK/$t.json" 2>/dev/null
done
colors() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted({i["fill"] for i in d["items"] if i["role"] == "event-mark" and i["type"] == "marker"})))' "$1"; }
shapes() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted({i["shape"] for i in d["items"] if i["role"] == "event-mark" and i["type"] == "marker"})))' "$1"; }
[ "$(colors "$WORK/light.json")" != "$(colors "$WORK/dark.json")" ]; ok $? "light and dark mark colours differ"
[ "$(colors "$WORK/light.json")" != "$(colors "$WORK/colorblind.json")" ]; ok $? "light and colorblind mark colours differ"
[ "$(shapes "$WORK/light.json")" = "circle" ]; ok $? "light: every mark a circle ($(shapes "$WORK/light.json"))"
[ "$(shapes "$WORK/print.json")" = "circle diamond square" ]; ok $? "print: groups by shape ($(shapes "$WORK/print.json"))"
[ "$(shapes "$WORK/colorblind.json")" = "circle diamond square" ]; ok $? "colorblind: groups by shape too"
json 'all(m["fill"] in ("#000000", "#555555") for m in marks())' "$WORK/print.json"
ok $? "print: marks are black or grey"

# Print: bars of groups that share the plot are hatched by group (the first group solid), and
# the legend shows each group's bar; lanes, a lane per group, need no hatch by group (only the
# undone part of a task with a progress is hatched there).
PLAN=$ROOT/data/samples/project-plan.csv
run 0 "print ribbon of the project plan" -- "$PLAN" --theme print -T json -o "$WORK/plan-print.json"
json 'sorted({i.get("hatch", "none") for i in items if i["role"] == "span" and i["type"] == "rect"}) == ["cross", "diagonal", "horizontal", "none"]' "$WORK/plan-print.json"
ok $? "print: span bars use four hatches"
json 'len({(d["events"][i["event"]].get("group"), i["hatch"]) for i in items if i.get("hatch") and i["role"] == "span"}) == len({d["events"][i["event"]].get("group") for i in items if i.get("hatch") and i["role"] == "span"}) == len({i["hatch"] for i in items if i.get("hatch") and i["role"] == "span"}) and all(i["fill"] == "#ffffff" for i in items if i.get("hatch") and i["role"] == "span")' "$WORK/plan-print.json"
ok $? "print: one hatch per group, on a paper-white fill"
json 'sum(1 for i in items if i["role"] == "legend" and i["type"] == "rect" and "hatch" in i) == 3' "$WORK/plan-print.json"
ok $? "print: the legend shows the three hatched groups' bars"
run 0 "print lanes of the project plan" -- "$PLAN" --theme print --layout lanes -T json -o "$WORK/plan-lanes.json"
json 'all(i["role"] == "span" and "progress" in d["events"][i["event"]] for i in items if "hatch" in i) and any("hatch" in i for i in items)' "$WORK/plan-lanes.json"
ok $? "print lanes: no group hatch; only the undone part of tasks with a progress"
run 0 "light ribbon of the project plan" -- "$PLAN" -T json -o "$WORK/plan-light.json"
json 'not any("hatch" in i for i in items)' "$WORK/plan-light.json"
ok $? "light: no hatch"
json 'all(t["color"] == "#000000" for t in texts("event-label") if not t.get("strike"))' "$WORK/colorblind.json"
ok $? "colorblind: labels in black"

# --- precedence: defaults < theme < style files < -S < flags ----------------------------------
cat >"$WORK/a.style" <<'EOF'
# a report's style
[chart]
theme = dark
width = 700

[palette]
group.Japan = #D55E00
EOF
cat >"$WORK/b.style" <<'EOF'
[chart]
width = 720
EOF
run 0 "a style file" -- -c "$WORK/a.style" "$SAMPLE" -o "$WORK/p1.json"
json 'd["width"] == 700' "$WORK/p1.json"; ok $? "file: width 700 over the default 900"
japan=$(python3 -c 'import csv,sys; print([r["title"] for r in csv.DictReader(open(sys.argv[1])) if r["group"] == "Japan"][0])' "$SAMPLE")
json "[m['fill'] for m in marks() if d['events'][m['event']]['title'] == '''$japan'''] == ['#d55e00']" "$WORK/p1.json"
ok $? "file: the palette's group colour over the theme's"
"$TIMELINE" --theme dark "$SAMPLE" -o "$WORK/dark-plain.json" 2>/dev/null
json '{i["fill"] for i in items if i["role"] == "background"} == set() or True' "$WORK/p1.json"
[ "$(colors "$WORK/p1.json")" != "$(colors "$WORK/dark-plain.json")" ]; ok $? "file: theme dark, with Japan recoloured"
run 0 "two files: the later wins" -- -c "$WORK/a.style" -c "$WORK/b.style" "$SAMPLE" -o "$WORK/p2.json"
json 'd["width"] == 720' "$WORK/p2.json"; ok $? "the later file's width (720)"
run 0 "-S over a file" -- -c "$WORK/a.style" -S chart.width=650 "$SAMPLE" -o "$WORK/p3.json"
json 'd["width"] == 650' "$WORK/p3.json"; ok $? "-S chart.width=650 wins over the file"
run 0 "a flag over -S and files, wherever it stands" -- --width 600 -c "$WORK/a.style" -S width=650 \
    "$SAMPLE" -o "$WORK/p4.json"
json 'd["width"] == 600' "$WORK/p4.json"; ok $? "--width 600 wins over -S and the file"
run 0 "--theme over the file's theme" -- -c "$WORK/a.style" --theme light "$SAMPLE" -o "$WORK/p5.json"
json 'any(i["type"] == "text" and i["role"] == "title" for i in items) or True' "$WORK/p5.json"
[ "$(colors "$WORK/p5.json")" != "$(colors "$WORK/p1.json")" ]; ok $? "--theme light changes the file's dark colours"

# --- the style: status colours and shapes, font sizes, line widths ------------------------------
run 0 "status colour, status shape, font size" -- "$SAMPLE" -S palette.status.cancelled=#999999 \
    -S status-shape.cancelled=square -S font.label=12 -o "$WORK/s1.json"
json 'all(m["fill"] == "#999999" and m["shape"] == "square" for m in marks() if m.get("cross"))' "$WORK/s1.json"
ok $? "cancelled marks grey squares"
json 'len([m for m in marks() if m.get("cross")]) == 1' "$WORK/s1.json"; ok $? "the sample has one cancelled mark"
json 'all(t["size"] == 12 for t in texts("event-label"))' "$WORK/s1.json"; ok $? "labels at 12 pt"
json 'any(m["fill"] == "#999999" for m in marks("legend"))' "$WORK/s1.json"; ok $? "the legend's cancelled key is grey"
run 0 "group shape" -- "$SAMPLE" -S group-shape.Japan=diamond -o "$WORK/s2.json"
json "all(m['shape'] == 'diamond' for m in marks() if d['events'][m['event']]['title'] == '''$japan''')" "$WORK/s2.json"
ok $? "Japan's marks are diamonds"
run 0 "line widths" -- "$SAMPLE" -S line.stem=2.5 -S line.axis=1.5 -o "$WORK/lw.svg"
"$TIMELINE" "$SAMPLE" -o "$WORK/lw0.svg" 2>/dev/null
grep -q 'stroke-width="2.5"' "$WORK/lw.svg"; ok $? "stems drawn 2.5 pt wide"
! grep -q 'stroke-width="2.5"' "$WORK/lw0.svg"; ok $? "... and not without the style"
run 64 "a bad colour" -- "$SAMPLE" -S group.Japan=notacolour -o "$WORK/x.png"
has 'invalid colour "notacolour"' "$WORK/err"; ok $? "names the bad colour"
run 64 "an unknown status" -- "$SAMPLE" -S status.maybe=red -o "$WORK/x.png"
has 'unknown status "maybe"' "$WORK/err"; ok $? "names the unknown status"
run 64 "an unknown text part" -- "$SAMPLE" -S font.headline=12 -o "$WORK/x.png"
has 'unknown text part "headline"' "$WORK/err"; ok $? "names the unknown part"
run 64 "-S without =" -- "$SAMPLE" -S width -o "$WORK/x.png"

# --- errors in style files ----------------------------------------------------------------------
printf '# style\n[chart]\ncolour = red\n' >"$WORK/bad1.style"
run 64 "unknown key" -- -c "$WORK/bad1.style" "$SAMPLE" -o "$WORK/x.png"
has "bad1.style:3: unknown key \"colour\" in [chart]" "$WORK/err"; ok $? "FILE:LINE: unknown key in [chart]"
printf '[chart]\ntheme = dark\nbackgroud = white\n' >"$WORK/bad2.style"
run 64 "a misspelt key" -- -c "$WORK/bad2.style" "$SAMPLE" -o "$WORK/x.png"
has 'bad2.style:3: unknown key "backgroud" in [chart] (did you mean "background"?)' "$WORK/err"
ok $? "did you mean"
printf '[chart]\n\n[axs]\nfrom = 2020\n' >"$WORK/bad3.style"
run 64 "an unknown section" -- -c "$WORK/bad3.style" "$SAMPLE" -o "$WORK/x.png"
has 'bad3.style:3: unknown section [axs] (did you mean [axis]?)' "$WORK/err"; ok $? "section with its line"
printf '[chart]\nfrom = 2020\n' >"$WORK/bad4.style"
run 64 "a key in the wrong section" -- -c "$WORK/bad4.style" "$SAMPLE" -o "$WORK/x.png"
has 'bad4.style:2: unknown key "from" in [chart] (it belongs in [axis])' "$WORK/err"; ok $? "says where it belongs"
printf '[chart]\ntitle = fine\nwidth = wide\n' >"$WORK/bad5.style"
run 64 "a bad value" -- -c "$WORK/bad5.style" "$SAMPLE" -o "$WORK/x.png"
has 'bad5.style:3: width: expected points from 200 to 100000, got "wide"' "$WORK/err"; ok $? "bad value with its line"
printf '[chart]\nthis is not a key\n' >"$WORK/bad6.style"
run 64 "a line that is not key = value" -- -c "$WORK/bad6.style" "$SAMPLE" -o "$WORK/x.png"
has 'bad6.style:2:' "$WORK/err"; ok $? "its line is named"
printf '[palette]\ncolour.Japan = red\n' >"$WORK/bad7.style"
run 64 "an unknown palette key" -- -c "$WORK/bad7.style" "$SAMPLE" -o "$WORK/x.png"
has 'bad7.style:2: unknown key "colour.Japan" in [palette]' "$WORK/err"; ok $? "palette key with its line"
run 66 "a missing style file" -- -c "$WORK/nope.style" "$SAMPLE" -o "$WORK/x.png"

# --- --print-config round trip -------------------------------------------------------------------
mkdir -p "$WORK/f1" "$WORK/f2"
noto=$(fc-match -f '%{file}' 'Noto Sans' 2>/dev/null)
cp "$noto" "$WORK/f1/" 2>/dev/null; cp "$noto" "$WORK/f2/" 2>/dev/null
run 0 "--print-config" -- -c "$WORK/a.style" --title "Round; trip = yes" --from 2019-12 --layout lanes \
    -S palette.status.cancelled=#999999 -S line.bar=2 --font-dir "$WORK/f1" --font-dir "$WORK/f2" --print-config
cp "$WORK/out" "$WORK/printed.style"
has '[palette]' "$WORK/printed.style"; ok $? "the printed configuration has the palette"
has 'layout=lanes' "$WORK/printed.style"; ok $? "... and the flags"
"$TIMELINE" -c "$WORK/a.style" --title "Round; trip = yes" --from 2019-12 --layout lanes \
    -S palette.status.cancelled=#999999 -S line.bar=2 --font-dir "$WORK/f1" --font-dir "$WORK/f2" "$SAMPLE" -o "$WORK/rt1.json"
ok $? "rendered with the options"
run 0 "the printed file renders" -- -c "$WORK/printed.style" "$SAMPLE" -o "$WORK/rt2.json"
cmp -s "$WORK/rt1.json" "$WORK/rt2.json"; ok $? "same scene from the printed file as from the options"
"$TIMELINE" -c "$WORK/printed.style" --print-config >"$WORK/printed2.style" 2>/dev/null
cmp -s "$WORK/printed.style" "$WORK/printed2.style"; ok $? "printing it again gives the same file"

# --- several inputs -------------------------------------------------------------------------------
mkdir -p "$WORK/in" "$WORK/outdir"
cp "$SAMPLE" "$WORK/in/one.csv"
cp "$SAMPLE" "$WORK/in/two.data.csv"
run 0 "-O with two inputs" -- -O -T png "$WORK/in/one.csv" "$WORK/in/two.data.csv"
[ -s "$WORK/in/one.png" ] && [ -s "$WORK/in/two.data.png" ]; ok $? "one.png and two.data.png beside their inputs"
run 0 "-O defaults to SVG" -- -O "$WORK/in/one.csv"
[ -s "$WORK/in/one.svg" ]; ok $? "one.svg"
run 0 "-o DIR/ with two inputs" -- -T pdf "$WORK/in/one.csv" "$WORK/in/two.data.csv" -o "$WORK/outdir/"
[ -s "$WORK/outdir/one.pdf" ] && [ -s "$WORK/outdir/two.data.pdf" ]; ok $? "both PDFs in the folder"
run 64 "-o FILE with two inputs" -- "$WORK/in/one.csv" "$WORK/in/two.data.csv" -o "$WORK/both.svg"
has "use -O" "$WORK/err"; ok $? "says what to do"
run 64 "-O with standard input" -- -O - <"$SAMPLE"
printf 'when,what\n2019,x\n' >"$WORK/in/bad.csv"
rm -f "$WORK/in/one.svg"
run 65 "a bad input among two: the worst status" -- -O "$WORK/in/bad.csv" "$WORK/in/one.csv"
has "bad.csv:1" "$WORK/err"; ok $? "the error names the bad input"
[ -s "$WORK/in/one.svg" ]; ok $? "the good input is still rendered"
[ ! -e "$WORK/in/bad.svg" ]; ok $? "nothing for the bad one"
run 66 "a missing input among two" -- -O "$WORK/in/one.csv" "$WORK/in/missing.csv"
has "missing.csv" "$WORK/err"; ok $? "names the missing input"

# --- background ---------------------------------------------------------------------------------
run 0 "-b transparent" -- "$SAMPLE" -b transparent -o "$WORK/t.png"
[ "$(png_color_type "$WORK/t.png")" = 6 ]; ok $? "transparent PNG is RGBA (colour type $(png_color_type "$WORK/t.png"))"
python3 - "$WORK/t.png" <<'PY'
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
i, idat = 8, b""
while i < len(b):
    n, t = struct.unpack(">I4s", b[i:i + 8])
    if t == b"IDAT":
        idat += b[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(idat)
# The first pixel of the first row is stored as is whatever the row's filter.
sys.exit(0 if raw[4] == 0 else 1)
PY
ok $? "the corner pixel is fully transparent"
run 0 "-b a colour" -- "$SAMPLE" --background '#fdf6e3' -o "$WORK/bg.json"
run 0 "background in a style file" -- -S chart.background=navy "$SAMPLE" -o "$WORK/bg2.png"
run 64 "a bad background" -- "$SAMPLE" -b nocolour -o "$WORK/x.png"

# --- README: its example style file is accepted ------------------------------------------------
awk '/^<!-- style-example -->/{f=1; next} f && /^```ini/{g=1; next} g && /^```/{exit} g{print}' \
    "$ROOT/README.md" >"$WORK/readme.style"
[ -s "$WORK/readme.style" ]; ok $? "README has an example style file"
run 0 "the README's style file renders the sample" -- -c "$WORK/readme.style" "$SAMPLE" -o "$WORK/readme.png"

# --- bash completion ----------------------------------------------------------------------------
run 0 "--completion bash" -- --completion bash
cp "$WORK/out" "$WORK/completion.bash"
bash -n "$WORK/completion.bash"; ok $? "the completion script is valid bash"
BUILT=$(dirname "$TIMELINE")/docs/timeline # what meson installs to bash-completion/completions
if [ -f "$BUILT" ]; then
    cmp -s "$BUILT" "$WORK/completion.bash"; ok $? "the built completion file is the same script"
fi
complete_words() { # complete_words WORD...: COMPREPLY for the last word
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _timeline; echo "${COMPREPLY[*]}"' \
        _ "$WORK/completion.bash" "$@"
}
[ "$(complete_words timeline --the)" = "--theme" ]; ok $? "--the<TAB> completes to --theme"
[ "$(complete_words timeline --theme "")" = "light dark print colorblind" ]; ok $? "--theme <TAB> lists the themes"
[ "$(complete_words timeline --layout v)" = "vertical" ]; ok $? "--layout v<TAB> is vertical"
[ "$(complete_words timeline -T p)" = "png pdf ps" ]; ok $? "-T p<TAB>: png pdf ps"
[ "$(complete_words timeline -S axis.fr)" = "axis.from=" ]; ok $? "-S axis.fr<TAB> is axis.from="
[ "$(complete_words timeline --out)" = "--output --output-by-input" ]; ok $? "--out<TAB>: --output --output-by-input"

done_testing
