#!/usr/bin/env bash
# The Pandoc filter pandoc/timeline.lua: the example report's three blocks (CSV, Mermaid,
# Markwhen) become three SVG images in HTML (valid XML; embedded with --self-contained),
# three \includegraphics of PDF files in LaTeX, three PNG pictures in DOCX, and a PDF through
# pdflatex when it is installed; an unchanged block is not drawn again; a failing block stays
# as code with the error and its line in the Markdown file, pandoc still exits 0 unless
# TIMELINE_FAIL_ON_ERROR or the metadata timeline-strict asks for a failure; the Quarto
# extension carries the same filter. Skipped when pandoc is not installed. TAP output.
set -u
TIMELINE=${1:?usage: test-pandoc.sh path/to/timeline}
TIMELINE=$(cd "$(dirname "$TIMELINE")" && pwd)/$(basename "$TIMELINE") # pandoc runs elsewhere
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1600000000 TZ=UTC

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

FILTER=$ROOT/pandoc/timeline.lua
REPORT=$ROOT/docs/examples/report.md

# The Quarto extension needs no pandoc.
EXT=$ROOT/pandoc/_extensions/timeline
[ "$(readlink -f "$FILTER")" = "$(readlink -f "$EXT/timeline.lua")" ]
ok $? "pandoc/timeline.lua is the Quarto extension's filter (one file)"
grep -q '^contributes:' "$EXT/_extension.yml" &&
    grep -A3 '^contributes:' "$EXT/_extension.yml" | grep -q '^  filters:' &&
    grep -A3 '^contributes:' "$EXT/_extension.yml" | grep -q '^    - timeline.lua$'
ok $? "_extension.yml contributes the filter timeline.lua"

if ! command -v pandoc >/dev/null; then
    skip "pandoc filter" "pandoc is not installed"
    done_testing
    exit
fi

# A stand-in for the program that counts the charts it draws (not --version) and runs it.
COUNT=$WORK/runs
cat >"$WORK/counting-timeline" <<EOF
#!/bin/sh
[ "\$1" = --version ] || echo run >>"$COUNT"
exec "$TIMELINE" "\$@"
EOF
chmod +x "$WORK/counting-timeline"
export TIMELINE="$WORK/counting-timeline"
runs() { if [ -f "$COUNT" ]; then wc -l <"$COUNT" | tr -d ' '; else echo 0; fi; }

# pandoc_run NAME ARGS...: pandoc with the filter, stderr to $WORK/NAME.err; its exit status.
pandoc_run() {
    local name=$1
    shift
    pandoc --lua-filter "$FILTER" "$@" 2>"$WORK/$name.err"
}

# -------------------------------------------------------------------------------------------
# HTML: three linked SVG files beside the output, valid XML; run from another folder.
mkdir -p "$WORK/html" "$WORK/elsewhere"
(cd "$WORK/elsewhere" && pandoc_run html "$REPORT" -s --wrap=none -o "$WORK/html/report.html")
ok $? "HTML: pandoc exits 0" || sed 's/^/#   /' "$WORK/html.err"
grep -o 'src="timeline-figures/[0-9a-f]*\.svg"' "$WORK/html/report.html" |
    sed 's/^src="//; s/"$//' >"$WORK/svgs"
[ "$(sort -u "$WORK/svgs" | wc -l)" -eq 3 ]
ok $? "HTML: three different SVG images" || sed 's/^/#   /' "$WORK/svgs"
bad=0
[ -s "$WORK/svgs" ] || bad=1
while read -r f; do
    if ! { [ -s "$WORK/html/$f" ] && xmllint --noout "$WORK/html/$f" 2>/dev/null &&
        head -c 300 "$WORK/html/$f" | grep -q '<svg'; }; then
        bad=1
        echo "#   $f"
    fi
done <"$WORK/svgs"
ok $bad "HTML: each SVG file exists beside the output and is valid XML (xmllint)"
[ "$(grep -c '<figure>' "$WORK/html/report.html")" -eq 3 ] &&
    grep -q '<figcaption[^>]*>The roadmap by team, in fiscal quarters.</figcaption>' "$WORK/html/report.html" &&
    has 'alt="A timeline of nine events between India and Japan' "$WORK/html/report.html"
ok $? "HTML: three figures, captions from caption= or title=, alt text from alt="
! has 'timeline-error' "$WORK/html/report.html" && [ ! -s "$WORK/html.err" ]
ok $? "HTML: no errors and no warnings" || sed 's/^/#   /' "$WORK/html.err"
[ "$(runs)" -eq 3 ]
ok $? "HTML: the program drew three charts (drew $(runs))"

# The cache: the same report again draws nothing; the files are not rewritten.
stat -c '%n %Y %s' "$WORK"/html/timeline-figures/* >"$WORK/stat1"
sleep 1
(cd "$WORK/elsewhere" && pandoc_run html2 "$REPORT" -s --wrap=none -o "$WORK/html/report.html")
stat -c '%n %Y %s' "$WORK"/html/timeline-figures/* >"$WORK/stat2"
[ "$(runs)" -eq 3 ] && cmp -s "$WORK/stat1" "$WORK/stat2"
ok $? "cache: a second run draws no chart and leaves the files as they were (drew $(runs))"
# One changed option draws that one chart again, under a new name.
sed 's/theme=print/theme=colorblind/' "$REPORT" >"$WORK/html/changed.md"
(cd "$WORK/html" && pandoc_run changed changed.md -s -o changed.html)
[ "$(runs)" -eq 4 ] && [ "$(find "$WORK/html/timeline-figures" -name '*.svg' | wc -l)" -eq 4 ]
ok $? "cache: a changed option draws that chart again, beside the old one (drew $(runs))"

# --self-contained takes the charts from the media bag: data URIs, no links.
(cd "$WORK/elsewhere" && pandoc_run sc "$REPORT" -s --self-contained -o "$WORK/sc.html")
[ "$(grep -o 'src="data:image/svg+xml' "$WORK/sc.html" | wc -l)" -eq 3 ] &&
    ! has 'timeline-figures/' "$WORK/sc.html"
ok $? "self-contained HTML: three SVG data URIs" || sed 's/^/#   /' "$WORK/sc.err"

# -------------------------------------------------------------------------------------------
# LaTeX: \includegraphics of three PDF files.
mkdir -p "$WORK/tex"
(cd "$WORK/tex" && pandoc_run tex "$REPORT" -s -o report.tex)
ok $? "LaTeX: pandoc exits 0" || sed 's/^/#   /' "$WORK/tex.err"
grep -o '\\includegraphics{[^}]*}' "$WORK/tex/report.tex" |
    sed 's/^\\includegraphics{//; s/}$//' >"$WORK/pdfs"
[ "$(wc -l <"$WORK/pdfs")" -eq 3 ] && ! grep -qv '^timeline-figures/[0-9a-f]*\.pdf$' "$WORK/pdfs"
ok $? "LaTeX: three \\includegraphics of timeline-figures/*.pdf" || sed 's/^/#   /' "$WORK/pdfs"
bad=0
[ -s "$WORK/pdfs" ] || bad=1
while read -r f; do
    pdfinfo "$WORK/tex/$f" >/dev/null 2>&1 || { bad=1; echo "#   $f"; }
done <"$WORK/pdfs"
ok $bad "LaTeX: each PDF exists and is a valid PDF (pdfinfo)"
has '\caption{The roadmap by team, in fiscal quarters.}' "$WORK/tex/report.tex"
ok $? "LaTeX: the figures have their captions"

# Other formats: PNG, here in a DOCX.
(cd "$WORK/tex" && pandoc_run docx "$REPORT" -o report.docx)
[ "$(python3 -c 'import sys, zipfile; print(sum(n.startswith("word/media/") and n.endswith(".png")
    for n in zipfile.ZipFile(sys.argv[1]).namelist()))' "$WORK/tex/report.docx" 2>/dev/null)" = 3 ]
ok $? "DOCX: three PNG pictures" || sed 's/^/#   /' "$WORK/docx.err"

# A PDF through pdflatex, when it is installed.
if command -v pdflatex >/dev/null; then
    (cd "$WORK/tex" && pandoc_run pdf "$REPORT" -o report.pdf) &&
        pdfinfo "$WORK/tex/report.pdf" >/dev/null 2>&1 && [ ! -s "$WORK/pdf.err" ]
    ok $? "PDF through pdflatex: a valid PDF, no warnings" || sed 's/^/#   /' "$WORK/pdf.err"
else
    skip "PDF through pdflatex" "pdflatex is not installed"
fi

# -------------------------------------------------------------------------------------------
# A failing block: left as code, with the error and its line; the good block still drawn.
cat >"$WORK/bad.md" <<'EOF'
# A report with a bad block

```{.timeline title="Good"}
start,title
2020-01-01,First
2020-02-01,Second
```

Text between.

```{.timeline}
start,title
not a date,A
```

```{.timeline layout=nowhere}
start,title
2020-01-01,A
```
EOF
(cd "$WORK" && pandoc_run bad bad.md -o bad.html --fail-if-warnings)
ok $? "a failing block: pandoc still exits 0 by default (--fail-if-warnings does not see it)"
[ "$(grep -c 'class="timeline-error"' "$WORK/bad.html")" -eq 2 ] &&
    [ "$(grep -c '<figure>' "$WORK/bad.html")" -eq 1 ]
ok $? "a failing block: two error blocks and one figure"
has 'bad.md:11: timeline exited with status 65' "$WORK/bad.html" &&
    has 'bad.md:13:1: invalid date' "$WORK/bad.html" &&
    has 'nothing to draw' "$WORK/bad.html" &&
    has 'not a date,A' "$WORK/bad.html" && has '<pre class="timeline">' "$WORK/bad.html"
ok $? "a failing block: stays as code, with the error at the block's line and the row's line" ||
    sed 's/^/#   /' "$WORK/bad.html"
has 'bad.md:16: timeline exited with status 64' "$WORK/bad.html" &&
    has 'unknown layout' "$WORK/bad.html"
ok $? "a bad option: the program's usage error at the block's line"
has 'bad.md:11: timeline exited with status 65' "$WORK/bad.err" &&
    has 'bad.md:16:' "$WORK/bad.err"
ok $? "a failing block: the errors are on standard error too" || sed 's/^/#   /' "$WORK/bad.err"

rm -f "$WORK/strict.html"
(cd "$WORK" && TIMELINE_FAIL_ON_ERROR=1 pandoc_run strict bad.md -o strict.html)
st=$?
[ "$st" -ne 0 ] && [ ! -e "$WORK/strict.html" ] && has '2 timeline block(s) failed' "$WORK/strict.err"
ok $? "TIMELINE_FAIL_ON_ERROR=1: pandoc exits non-zero ($st) and writes nothing"
(cd "$WORK" && pandoc_run strict2 bad.md -M timeline-strict=true -o strict.html)
st=$?
[ "$st" -ne 0 ] && [ ! -e "$WORK/strict.html" ]
ok $? "metadata timeline-strict: pandoc exits non-zero ($st)"
(cd "$WORK" && TIMELINE_FAIL_ON_ERROR=1 pandoc_run strict3 "$REPORT" -o strict-good.html)
ok $? "TIMELINE_FAIL_ON_ERROR=1: a report without errors still renders"

# Standard input: no file to find the line in, so the block's number.
(cd "$WORK" && pandoc_run stdin -t html <bad.md >stdin.html)
has 'timeline block 2: timeline exited with status 65' "$WORK/stdin.html" &&
    has 'timeline block 2, line 2:1: invalid date' "$WORK/stdin.html"
ok $? "standard input: errors name the block's number" || sed 's/^/#   /' "$WORK/stdin.err"

# A refused attribute, and a missing program.
# shellcheck disable=SC2016 # backquotes, not a command
printf '```{.timeline output=x.svg}\nstart,title\n2020,A\n```\n' >"$WORK/refused.md"
(cd "$WORK" && pandoc_run refused refused.md -t html -o refused.html)
has "refused.md:1: the attribute &#39;output&#39; is not an option a block can set" "$WORK/refused.html" ||
    has "refused.md:1: the attribute 'output' is not an option a block can set" "$WORK/refused.html"
ok $? "an attribute the filter sets itself is refused"
# shellcheck disable=SC2016 # backquotes, not a command
printf '```{.timeline watch=true}\nstart,title\n2020,A\n```\n' >"$WORK/watch.md"
(cd "$WORK" && timeout 60 pandoc --lua-filter "$FILTER" watch.md -t html -o watch.html 2>/dev/null)
has "the attribute &#39;watch&#39; is not an option a block can set" "$WORK/watch.html" ||
    has "the attribute 'watch' is not an option a block can set" "$WORK/watch.html"
ok $? "watch, which would never end, is refused"
(cd "$WORK" && TIMELINE=$WORK/no-such-program pandoc_run missing bad.md -t html -o missing.html)
has "cannot run the timeline program" "$WORK/missing.html" && has "bad.md:3:" "$WORK/missing.html"
ok $? "a missing program: every block says so, at its line"
# metadata timeline-path wins over the environment.
(cd "$WORK" && TIMELINE=$WORK/no-such-program pandoc_run path bad.md -M "timeline-path=$WORK/counting-timeline" -t html -o path.html)
[ "$(grep -c '<figure>' "$WORK/path.html")" -eq 1 ]
ok $? "metadata timeline-path names the program"

done_testing
