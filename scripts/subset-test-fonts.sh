#!/usr/bin/env bash
# Regenerates tests/fonts/: the faces of the default font chain (fonts/fc-config.c) and Noto
# Sans Javanese (a font outside the chain, for --font-dir), cut down to the characters the
# tests, samples and sources use, so that every test measures with the same fonts on every
# machine (tests/meson.build points fontconfig at tests/fonts/fonts.conf).
#
# Usage: scripts/subset-test-fonts.sh [FONT-ROOT]   (default /usr/share/fonts, where Debian's
# fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji put them)
#
# A subset keeps every glyph its characters reach (layout closure), the glyphs' outlines and
# advances, all layout features (GSUB, GPOS, GDEF, kern), hinting, names in every language and
# the OS/2 ranges: text made of those characters is shaped and measured exactly as with the
# full face. A character a test adds that no file here holds is the one thing that changes
# results (it falls back to another font, or to a box): run this script again then. The
# characters are gathered from every file git knows (text files; C, shell and JSON escapes
# decoded); from ../shared when it is there (the CLI tests read its corpus, and
# scripts/compare-outputs.sh its event generator); whole blocks of Latin, punctuation, arrows
# and shapes; and the characters Pango and HarfBuzz insert themselves (hyphen, ellipsis,
# dotted circle); and what a built timeline writes in each locale (ICU's month and era names).
#
# Needs fontTools (Debian: python3-fonttools). A maintainer's tool: the tests only read the
# fonts it writes, so the build does not depend on it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FONTS=${1:-/usr/share/fonts}
OUT=$ROOT/tests/fonts

PYTHON=
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import fontTools.subset' 2>/dev/null; then
        PYTHON=$p
        break
    fi
done
if [ -z "$PYTHON" ]; then
    echo "subset-test-fonts.sh: fontTools is missing (apt-get install python3-fonttools)" >&2
    exit 1
fi

LIST=$(mktemp)
WORDS=$(mktemp -d)
trap 'rm -rf "$LIST" "$WORDS"' EXIT
git -C "$ROOT" ls-files --cached --others --exclude-standard -z -- . ':!tests/fonts' >"$LIST"
cd "$ROOT"

# What ICU writes in each locale the tests render (month and era names, digits, the catalogs'
# phrases around them), from a built timeline: a chart of every month of two years, with
# qualified dates, in each shipped locale and a few more.
TIMELINE=${TIMELINE:-$ROOT/build/timeline}
if [ -x "$TIMELINE" ]; then
    {
        echo "start,end,title,status"
        for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
            echo "2019-$m-16,,a,"
            echo "early $m/2020,,b,cancelled"
        done
        echo "c. 1850,,c,tentative"
        echo "500 BCE,,d,postponed"
        echo "19th century,,e,disputed"
        echo "1940s,,f,rescheduled"
        echo "Q3 2020,,g,"
        echo "2019-12,2020-03,h,"
    } | sed 's|early \([0-9]*\)/2020|2020-\1-05|' >"$WORDS/words.csv"
    for tag in $("$TIMELINE" --list-locales) pt-BR ko ar-u-nu-latn ja-u-ca-japanese \
        he-u-ca-hebrew fa-u-ca-persian; do
        for layout in ribbon vertical; do
            "$TIMELINE" "$WORDS/words.csv" --locale "$tag" --layout "$layout" -T json \
                -o "$WORDS/$tag-$layout.json" 2>/dev/null || true
        done
    done
    find "$WORDS" -name '*.json' -print0 >>"$LIST"
else
    echo "subset-test-fonts.sh: no $TIMELINE: the locales' month names are left out" >&2
fi
"$PYTHON" - "$FONTS" "$OUT" "$ROOT/../shared" "$LIST" <<'EOF'
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

fonts, out, shared, listing = sys.argv[1:5]
noto = os.path.join(fonts, "truetype", "noto")
cjk = os.path.join(fonts, "opentype", "noto")

# --- the characters ------------------------------------------------------------------------
chars = set()


def add_text(data):
    if b"\0" in data:  # binary (fuzz inputs, images): nothing a test measures
        return
    text = data.decode("utf-8", "ignore")
    chars.update(ord(c) for c in text)
    # \uXXXX (with JSON's surrogate pairs), \UXXXXXXXX, runs of \xNN or \NNN bytes, &#...;
    units = [int(h, 16) for h in re.findall(r"\\u([0-9a-fA-F]{4})", text)]
    for i, u in enumerate(units):
        if 0xD800 <= u < 0xDC00 and i + 1 < len(units) and 0xDC00 <= units[i + 1] < 0xE000:
            chars.add(0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00))
        elif not 0xD800 <= u < 0xE000:
            chars.add(u)
    chars.update(int(h, 16) for h in re.findall(r"\\U([0-9a-fA-F]{8})", text))
    for run in re.findall(r"(?:\\x[0-9a-fA-F]{2})+", text):
        chars.update(map(ord, bytes.fromhex(run.replace("\\x", "")).decode("utf-8", "ignore")))
    for run in re.findall(r"(?:\\[0-3][0-7]{2})+", text):
        raw = bytes(int(o, 8) for o in run.split("\\")[1:])
        chars.update(map(ord, raw.decode("utf-8", "ignore")))
    chars.update(int(h, 16) for h in re.findall(r"&#x([0-9a-fA-F]+);", text))
    chars.update(int(d) for d in re.findall(r"&#([0-9]+);", text))


with open(listing, "rb") as f:
    paths = f.read().decode().split("\0")
for path in paths:
    if path and os.path.isfile(path):
        with open(path, "rb") as f:
            add_text(f.read())
for top, _, names in os.walk(shared):
    for name in sorted(names) if top != shared else []:
        with open(os.path.join(top, name), "rb") as f:
            add_text(f.read())

chars = {c for c in chars if c <= 0x10FFFF and not 0xD800 <= c < 0xE000 and c >= 0x20}
# Whole blocks, for text the tests make up: Basic Latin, Latin-1, Latin Extended-A, General
# Punctuation, super- and subscripts, currency, letterlike symbols, arrows, mathematical
# operators, geometric shapes (U+25CC, the dotted circle HarfBuzz puts under a lone mark);
# and the replacement character and byte order mark. Not for the emoji font: its glyphs are
# pictures, and every one costs kilobytes.
blocks = set()
for lo, hi in [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x2070, 0x209F),
               (0x20A0, 0x20C0), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF),
               (0x25A0, 0x25FF)]:
    blocks.update(range(lo, hi + 1))
blocks.update([0xFEFF, 0xFFFD])
text_chars = sorted(chars | blocks)
emoji_chars = sorted(chars | {0x200D, 0xFE0E, 0xFE0F})

# --- the subsets ---------------------------------------------------------------------------
options = subset.Options()
options.layout_features = ["*"]
options.name_IDs = ["*"]
options.name_languages = ["*"]
options.name_legacy = True
options.glyph_names = True
options.legacy_kern = True
options.legacy_cmap = True
options.symbol_cmap = True
options.notdef_glyph = True
options.notdef_outline = True
options.prune_unicode_ranges = False
options.drop_tables = [t for t in options.drop_tables if t != "BASE"]
# Tables fontTools cannot cut (BASE: the CJK faces' baselines, which Pango aligns runs by)
# are kept whole.
options.passthrough_tables = True


def cut(path, unicodes, number=-1):
    font = TTFont(path, fontNumber=number, recalcBBoxes=False, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def save(font, name):
    font.save(os.path.join(out, name))
    print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")


faces = [
    "NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic",
    "NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold",
    "NotoSansArabic-Regular", "NotoSansArabic-Bold",
    "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold",
    "NotoSansHebrew-Regular", "NotoSansHebrew-Bold",
    "NotoSansSymbols-Regular", "NotoSansSymbols-Bold", "NotoSansSymbols2-Regular",
    "NotoSansJavanese-Regular",
]
os.makedirs(out, exist_ok=True)
for face in faces:
    save(cut(os.path.join(noto, face + ".ttf"), text_chars), face + ".ttf")
save(cut(os.path.join(noto, "NotoColorEmoji.ttf"), emoji_chars), "NotoColorEmoji.ttf")

# The CJK faces stay a collection (what fc-config.c filters faces of): Noto Sans CJK JP, which
# the chain uses, and Noto Sans CJK SC, a twin that enters only when asked for.
for style in ["Regular", "Bold"]:
    path = os.path.join(cjk, f"NotoSansCJK-{style}.ttc")
    collection = TTCollection(path, lazy=True)
    wanted = {"Noto Sans CJK JP", "Noto Sans CJK SC"}
    numbers = [i for i, f in enumerate(collection.fonts) if f["name"].getDebugName(1) in wanted]
    subsets = TTCollection()
    subsets.fonts = [cut(path, text_chars, n) for n in numbers]
    name = f"NotoSansCJK-{style}.ttc"
    subsets.save(os.path.join(out, name), shareTables=True)
    print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")
EOF
