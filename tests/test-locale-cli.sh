#!/usr/bin/env bash
# --locale, --direction and --list-locales end to end: the catalogs complete (msgfmt) with
# their arguments kept, bad tags, charts the same whatever the environment's locale, right to
# left mirrored in every layout, and the documents' language (SVG lang, tagged PDF with /Lang).
# TAP output.
set -u
TIMELINE=${1:?usage: test-locale-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLES=$ROOT/data/samples
JA=$SAMPLES/india-japan-2019-2020-ja.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

# --- the catalogs -----------------------------------------------------------------------------
total=$(grep -c '^msgid "[^"]' "$ROOT/po/timeline.pot")
for po in "$ROOT"/po/*.po; do
    lang=$(basename "$po" .po)
    if command -v msgfmt >/dev/null; then
        stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
        [ "$stats" = "$total translated messages." ]
        ok $? "$lang: msgfmt --check: $stats (of $total)" || echo "# $stats"
    else
        skip "$lang: msgfmt --check" "no msgfmt"
    fi
    python3 - "$ROOT/scripts" "$ROOT/po/timeline.pot" "$po" <<'PY'
import re, sys
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, sys.argv[1])
from po2c import entries  # the reader the build compiles the catalogs with

def arguments(p):
    """The top-level argument numbers of an ICU pattern, outside quotes."""
    args, depth, i = set(), 0, 0
    while i < len(p):
        c = p[i]
        if c == "'" and i + 1 < len(p) and p[i + 1] in "{}" and depth == 0:
            i = p.index("'", i + 1)
        elif c == "{":
            if depth == 0:
                args.add(int(re.match(r"\{\s*(\d+)", p[i:]).group(1)))
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return args

pot = {(c, m): t for c, m, t in entries(sys.argv[2], untranslated=True)}
po = {(c, m): t for c, m, t in entries(sys.argv[3])}
bad = [k for k in pot if k not in po or arguments(po[k]) != arguments(k[1])]
for k in bad:
    print("# %s: %r" % (k, po.get(k)))
sys.exit(1 if bad or len(po) != len(pot) else 0)
PY
    ok $? "$lang: every message translated, its arguments kept"
done

# --- options ----------------------------------------------------------------------------------
run 0 "--list-locales" -- --list-locales
for tag in en ja hi ar he zh-Hans fr de es; do
    grep -qx -- "$tag" "$WORK/out" || { echo "# missing $tag"; false; }
done
ok $? "lists English and the eight catalogs"
for bad in "ja_JP!" qq ja-u-ca-nosuch "x-"; do
    rm -f "$WORK/bad.svg"
    run 64 "--locale \"$bad\" is a usage error" -- "$JA" --locale "$bad" -o "$WORK/bad.svg"
    has "locale \"$bad\"" "$WORK/err" && has "zh-Hans" "$WORK/err" && [ ! -e "$WORK/bad.svg" ]
    ok $? "... naming the tag and the catalogs, no output"
done
run 64 "--direction sideways" -- "$JA" --direction sideways -o "$WORK/bad.svg"
printf '[chart]\nlocale = ja\n' >"$WORK/style.ini"
run 0 "locale as a style-file key" -- "$JA" -c "$WORK/style.ini" -o "$WORK/style.json"
has '"text":"11月"' "$WORK/style.json"; ok $? "... gives Japanese ticks"
run 0 "pt-BR: dates in Portuguese, words in English" -- "$JA" --locale pt-BR -o "$WORK/pt.json"
has 'no chart words for locale "pt-BR"' "$WORK/err"; ok $? "... with one warning"
[ "$(grep -c 'no chart words' "$WORK/err")" -eq 1 ]; ok $? "... only one"
run 65 "--strict makes that warning an error" -- "$JA" --locale pt-BR --strict -o "$WORK/pt.svg"

printf 'start,title\n1700-06-01,Genroku\n2019-05-01,Reiwa\n' >"$WORK/meiji.csv"
run 0 "a date before Meiji in the Japanese calendar" -- "$WORK/meiji.csv" --locale ja-u-ca-japanese -o "$WORK/meiji.json"
has "before the first era the japanese calendar names" "$WORK/err" && has '"text":"1700年' "$WORK/meiji.json" &&
    has '"text":"令和元年5月1日"' "$WORK/meiji.json"
ok $? "... is written in the Gregorian calendar with one warning; Reiwa 1 stays Reiwa"

# --- the environment never changes a chart ----------------------------------------------------
for fmt in svg png pdf; do
    for env in "LANG=C" "LANG=ja_JP.UTF-8" "LC_ALL=ar_EG.UTF-8"; do
        env -u LC_ALL "$env" "$TIMELINE" "$JA" --locale ja -o "$WORK/env-${env%%=*}-${env#*=}.$fmt"
    done
    cmp -s "$WORK/env-LANG-C.$fmt" "$WORK/env-LANG-ja_JP.UTF-8.$fmt" &&
        cmp -s "$WORK/env-LANG-C.$fmt" "$WORK/env-LC_ALL-ar_EG.UTF-8.$fmt"
    ok $? "$fmt with --locale ja: the same bytes under LANG=C, LANG=ja_JP.UTF-8, LC_ALL=ar_EG.UTF-8"
    env -u LC_ALL LANG=C "$TIMELINE" "$JA" -o "$WORK/plain-c.$fmt"
    env LC_ALL=ar_EG.UTF-8 "$TIMELINE" "$JA" -o "$WORK/plain-ar.$fmt"
    cmp -s "$WORK/plain-c.$fmt" "$WORK/plain-ar.$fmt"
    ok $? "$fmt without --locale: the same bytes under LANG=C and LC_ALL=ar_EG.UTF-8"
done

# --- documents in the chart's language --------------------------------------------------------
run 0 "SVG in Japanese" -- "$JA" --locale ja -o "$WORK/ja.svg"
has 'xml:lang="ja" lang="ja"' "$WORK/ja.svg" && has '<desc id=' "$WORK/ja.svg" &&
    grep -q '<desc id="[^"]*">[^<]*件' "$WORK/ja.svg"
ok $? "the SVG root has lang, the description is Japanese"
if command -v xmllint >/dev/null; then
    xmllint --noout "$WORK/ja.svg"
    ok $? "the SVG is well-formed"
fi
run 0 "PDF in Japanese" -- "$JA" --locale ja -o "$WORK/ja.pdf"
if command -v pdfinfo >/dev/null; then
    pdfinfo "$WORK/ja.pdf" >"$WORK/info" 2>&1 && has "Tagged:          yes" "$WORK/info" &&
        ! has "Error" "$WORK/info"
    ok $? "the PDF is tagged and reads without errors"
    pdftotext "$WORK/ja.pdf" "$WORK/ja.txt" 2>"$WORK/pdferr" && [ ! -s "$WORK/pdferr" ]
    ok $? "its text extracts cleanly"
else
    skip "the PDF is tagged" "no pdfinfo"
fi
grep -qa '/Lang (ja)' "$WORK/ja.pdf"; ok $? "the PDF declares /Lang (ja)"
python3 - "$WORK/ja.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], "rb").read()
sx = int(re.search(rb"startxref\n(\d+)", d).group(1))
m = re.match(rb"xref\n0 (\d+)\n", d[sx:])
p = sx + m.end()
for i in range(int(m.group(1))):
    e = d[p + 20 * i:p + 20 * i + 20]
    if e[17:18] == b"n" and not d[int(e[:10]):].startswith(b"%d 0 obj" % i):
        sys.exit(1)
PY
ok $? "every cross-reference offset points at its object after /Lang is added"
run 0 "paged PDF in French" -- "$SAMPLES/history-of-computing.csv" --locale fr --page A4 \
    --landscape -o "$WORK/fr.pdf"
if command -v pdftotext >/dev/null; then
    pdftotext -f 2 -l 2 "$WORK/fr.pdf" - | grep -q "Page 2 sur" && pdftotext -f 2 -l 2 "$WORK/fr.pdf" - | grep -q "(suite)"
    ok $? "page furniture in French"
fi

# --- fonts by language: Han characters in the reader's forms ---------------------------------
if command -v pdffonts >/dev/null; then
    run 0 "the Japanese sample read in Japanese" -- "$JA" --locale ja -o "$WORK/han-ja.pdf"
    run 0 "... and in Simplified Chinese" -- "$JA" --locale zh-Hans -o "$WORK/han-zh.pdf"
    pdffonts "$WORK/han-ja.pdf" | grep -q 'NotoSansCJKjp' && ! pdffonts "$WORK/han-ja.pdf" | grep -q 'NotoSansCJKsc'
    ok $? "ja: Noto Sans CJK JP"
    if fc-list 2>/dev/null | grep -q "Noto Sans CJK SC"; then
        pdffonts "$WORK/han-zh.pdf" | grep -q 'NotoSansCJKsc' && ! pdffonts "$WORK/han-zh.pdf" | grep -q 'NotoSansCJKjp'
        ok $? "zh-Hans: Noto Sans CJK SC"
    else
        skip "zh-Hans: Noto Sans CJK SC" "the face is not installed"
    fi
else
    skip "fonts by language" "no pdffonts"
fi

# --- right to left ----------------------------------------------------------------------------
AR=$SAMPLES/arabic-hebrew-printing.csv
for layout in ribbon lanes vertical; do
    run 0 "$layout, ltr" -- "$AR" --layout "$layout" --locale ar --direction ltr -o "$WORK/ltr-$layout.json"
    run 0 "$layout, ar (right to left by default)" -- "$AR" --layout "$layout" --locale ar -o "$WORK/rtl-$layout.json"
    python3 - "$WORK/ltr-$layout.json" "$WORK/rtl-$layout.json" "$layout" <<'PY'
import json, sys
ltr, rtl, layout = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
W, H = rtl["width"], rtl["height"]
assert len(ltr["items"]) == len(rtl["items"])
for a, b in zip(ltr["items"], rtl["items"]):
    x, y, w, h = a["bbox"]
    assert abs(b["bbox"][0] - (W - x - w)) < 0.02 and b["bbox"][1:] == a["bbox"][1:], (a, b)
texts = [i["bbox"] for i in rtl["items"] if i["type"] == "text"]
for x, y, w, h in texts:
    assert x >= -0.01 and y >= -0.01 and x + w <= W + 0.01 and y + h <= H + 0.01, (x, y, w, h)
for i, a in enumerate(texts):
    for b in texts[i + 1:]:
        inter = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]), \
            min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
        assert inter[0] <= 0.5 or inter[1] <= 0.5, (a, b)
if layout != "vertical":
    # Later events lie to the left: the marks' centres fall as their dates rise.
    marks = {}
    for i in rtl["items"]:
        if i["role"] == "event-mark" and i.get("event", -1) >= 0:
            marks.setdefault(i["event"], i["bbox"][0] + i["bbox"][2] / 2)
    # The scene's events are in the order of time.
    xs = [marks[k] for k in sorted(marks)]
    assert all(a >= b - 0.01 for a, b in zip(xs, xs[1:])), xs
PY
    ok $? "$layout: the mirror image of left to right; later events to the left; no overlaps; inside"
done
rm -f "$WORK"/ltr-* "$WORK"/rtl-*
run 0 "--direction rtl without a locale" -- "$JA" --direction rtl -o "$WORK/rtl.png"
run 0 "--direction ltr keeps an Arabic chart left to right" -- "$AR" --locale ar --direction ltr -o "$WORK/ltr.png"

done_testing
