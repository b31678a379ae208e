#!/usr/bin/env bash
# TimelineJS3 JSON through the CLI: the India–Japan sample draws the chart of its CSV (what
# TimelineJS cannot say aside); documented-grammar examples (tests/data/timelinejs/) give every
# event with the right dates, groups and labels; the format found by extension, by content and
# on standard input; bad documents are errors with FILE:LINE:COL, exit 65 and no output; bad
# slides are warnings at their objects' places. TimelineJS's own published examples are read
# from ../shared/corpus when present (skipped otherwise): every event, the same scene as the
# same data as a TimelineJS sheet. TAP output.
set -u
TIMELINE=${1:?usage: test-timelinejs-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

SAMPLES=$ROOT/data/samples
DATA=$SRC/data/timelinejs
SAMPLE=$SAMPLES/india-japan-2019-2020.timeline.json
CORPUS=${TL_SHARED_CORPUS:-$ROOT/../shared/corpus}/external/timelinejs


# quiet ARGS...: runs the CLI (stdout to $WORK/out, stderr to $WORK/err); its status in $rc,
# for an assertion that checks the output too.
quiet() {
    "$TIMELINE" "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
}

# check SCENE PYTHON: runs the assertions of PYTHON on the scene `s` (-T json); ok if they hold.
check() {
    python3 - "$1" "$2" >"$WORK/py" 2>&1 <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
ev = {e["title"]: e for e in s["events"]}
dates = {i["event"]: i["text"] for i in s["items"] if i.get("role") == "event-date"}
def date_of(title):
    return dates.get(ev[title]["index"])
exec(sys.argv[2])
PY
}

if ! command -v python3 >/dev/null; then
    echo "1..0 # SKIP python3 is not installed"
    exit 0
fi

# The sample against its CSV: the same events, groups, spans, era and chart size; the dates
# TimelineJS states exactly are the same dates. TimelineJS has no status ("cancelled",
# "tentative") and no "early"/"late"/"after" dates: those slides give their month (or day)
# and show the CSV's words as their display_date.
quiet --check -v "$SAMPLE"
[ "$rc" -eq 0 ] && has "note: format: TimelineJS JSON" "$WORK/err" && has "9 events" "$WORK/out" &&
    has "7 points, 1 span, 1 era" "$WORK/out" && has "in 3 groups" "$WORK/out"
ok $? "sample: 9 events, a span and an era in 3 groups"
"$TIMELINE" -T json -o "$WORK/ij.csv.scene" "$SAMPLES/india-japan-2019-2020.csv" 2>/dev/null
"$TIMELINE" -T json -o "$WORK/ij.tjs.scene" "$SAMPLE" 2>"$WORK/err"
python3 - "$WORK/ij.csv.scene" "$WORK/ij.tjs.scene" >"$WORK/py" 2>&1 <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert (a["width"], a["height"], a["title"]) == (b["width"], b["height"], b["title"])
ea = {e["title"]: e for e in a["events"]}
eb = {e["title"]: e for e in b["events"]}
assert ea.keys() == eb.keys(), "titles differ"
for t in ea:
    assert ea[t].get("group") == eb[t].get("group"), t
    assert (ea[t]["end"] is None) == (eb[t]["end"] is None) or t == "Covid-19 pandemic", t
    if ea[t]["start"]["precision"] in ("year", "month") or ea[t]["start"]["text"][:1].isdigit():
        assert ea[t]["start"]["lo"] == eb[t]["start"]["lo"], t
    if ea[t]["end"] and eb[t]["end"]:
        assert ea[t]["end"]["hi"] == eb[t]["end"]["hi"], t
def labels(s):
    d = {i["event"]: i["text"].split(" \u00b7 ")[0]
         for i in s["items"] if i.get("role") == "event-date"}
    return {e["title"]: d.get(e["index"]) for e in s["events"]}
assert labels(a) == labels(b), (labels(a), labels(b))
assert sorted(i["role"] for i in a["items"] if i.get("role") in ("era", "span")) == \
       sorted(i["role"] for i in b["items"] if i.get("role") in ("era", "span"))
PY
ok $? "sample: the CSV's events, groups, dates and date labels" || sed 's/^/#   /' "$WORK/py"

# The documented grammar, every construct once.
G=$DATA/grammar.json
quiet --check -v "$G"
[ "$rc" -eq 0 ] && has "8 events — 5 points, 2 spans, 1 era" "$WORK/out" &&
    has "in 2 groups" "$WORK/out"
ok $? "grammar: every event, span and era read"
has 'titled "The printing press & its age"' "$WORK/out"
ok $? "grammar: the title slide's headline, its HTML reduced"
has "note: media not drawn: 2 of 9 slides have an image, video or embed" "$WORK/err"
ok $? "grammar: media ignored with one note"
has "note: 1 slide without text titled from its media caption" "$WORK/err" &&
    has "note: 1 row without a headline titled from its text" "$WORK/err"
ok $? "grammar: slides without a headline are titled from their text or caption"
"$TIMELINE" -T json -o "$WORK/g.scene" "$G" 2>/dev/null
check "$WORK/g.scene" '
e = ev["Gutenberg'"'"'s press"]
assert (e["start"]["lo"], e["start"]["precision"]) == ("1450-01-01T00:00:00Z", "year")
assert e["group"] == "Germany"'
ok $? "grammar: a year as a string, in its group" || sed 's/^/#   /' "$WORK/py"
check "$WORK/g.scene" '
e = ev["The Gutenberg Bible"]
assert (e["start"]["lo"], e["start"]["hi"]) == ("1455-02-23T00:00:00Z", "1455-02-23T23:59:59Z")
assert date_of("The Gutenberg Bible") == "23 Feb 1455"'
ok $? "grammar: year, month and day as numbers" || sed 's/^/#   /' "$WORK/py"
check "$WORK/g.scene" '
e = ev["Caxton prints in Westminster"]
assert (e["start"]["lo"], e["end"]["hi"]) == ("1476-11-01T00:00:00Z", "1491-03-31T23:59:59Z")
assert e["group"] == "England"
assert date_of("Caxton prints in Westminster") == "Nov 1476 \u2013 Mar 1491"'
ok $? "grammar: an end_date makes a span" || sed 's/^/#   /' "$WORK/py"
check "$WORK/g.scene" '
e = ev["The Times on a steam press"]
assert (e["start"]["lo"], e["start"]["precision"]) == ("1814-11-29T06:05:00Z", "minute")
assert date_of("The Times on a steam press") == "29 November 1814, at dawn"'
ok $? "grammar: hour and minute; the slide's display_date" || sed 's/^/#   /' "$WORK/py"
check "$WORK/g.scene" '
e = ev["Seals and stamps"]
assert (e["start"]["lo"], e["end"]["hi"]) == ("-0499-01-01T00:00:00Z", "-0399-12-31T23:59:59Z")
assert date_of("Seals and stamps") == "c. 500 BC \u2013 400 BCE"'
ok $? "grammar: negative years are BCE; a start_date's own display_date" ||
    sed 's/^/#   /' "$WORK/py"
check "$WORK/g.scene" '
t = [k for k in ev if k.startswith("Relation aller")][0]
assert ev[t]["start"]["lo"] == "1605-01-15T09:30:07Z" and ev[t]["group"] == "Germany"
assert t.endswith("\u2026") and "<p>" not in t'
ok $? "grammar: seconds; a title cut from the text, HTML reduced" || sed 's/^/#   /' "$WORK/py"
check "$WORK/g.scene" '
assert ev["A Dutch coranto"]["start"]["lo"] == "1620-01-01T00:00:00Z"
era = [i for i in s["items"] if i.get("role") == "era"]
assert era and era[0]["fill"].startswith("#d9c38a")
assert ev["Incunabula"]["end"]["hi"] == "1500-12-31T23:59:59Z"'
ok $? "grammar: an era with its background colour" || sed 's/^/#   /' "$WORK/py"

# The cosmological scale reads years only.
run 0 "a cosmological timeline" -- -v -T json -o "$WORK/cosmo.scene" "$DATA/cosmological.json"
has "note: months, days and times ignored in 1 date (cosmological scale)" "$WORK/err"
ok $? "cosmological: the month is ignored, with a note"
check "$WORK/cosmo.scene" '
assert ev["Big Bang"]["start"]["lo"] == "-13799999999-01-01T00:00:00Z"
e = ev["Earth"]
assert (e["start"]["lo"], e["start"]["precision"]) == ("-4539999999-01-01T00:00:00Z", "year")'
ok $? "cosmological: billions of years BCE" || sed 's/^/#   /' "$WORK/py"

# Choosing the format.
run 0 "standard input, by its content" -- --check -v - <"$SAMPLE"
has "note: format: TimelineJS JSON" "$WORK/err" && has "9 events" "$WORK/out"
ok $? "stdin: TimelineJS, 9 events"
cp "$SAMPLE" "$WORK/noext"
run 0 "no extension: the content decides" -- --check -v "$WORK/noext"
has "note: format: TimelineJS JSON" "$WORK/err"
ok $? "no extension: TimelineJS"
printf '{"events": [{"start_date": {"year": 1969}, "text": {"headline": "One line"}}]}\n' \
    >"$WORK/line.json"
quiet --check -v "$WORK/line.json"
[ "$rc" -eq 0 ] && has "note: format: TimelineJS JSON" "$WORK/err" && has "1 event" "$WORK/out"
ok $? "one line with \"events\" is TimelineJS, not JSON Lines"
printf '[{"start": "2019", "title": "An array"}]\n' >"$WORK/array.json"
quiet --check -v "$WORK/array.json"
[ "$rc" -eq 0 ] && has "note: format: JSON" "$WORK/err"
ok $? "an array: JSON"
cp "$G" "$WORK/grammar.csv"
"$TIMELINE" --input-format timelinejs --check "$WORK/grammar.csv" >"$WORK/out" 2>"$WORK/err"
ok $? "--input-format timelinejs overrides the extension"

# Bad documents: exact messages, exit 65, no output.
bad() { # bad NAME FILE EXPECTED-MESSAGE
    rm -f "$WORK/o.svg"
    run 65 "$1" -- -o "$WORK/o.svg" "$2"
    has "$3" "$WORK/err" && [ ! -e "$WORK/o.svg" ]
    ok $? "$1: \"$3\", no output" || sed 's/^/#   /' "$WORK/err"
}
printf '{\n "events": [\n  {"start_date": {"year": 1850},}\n ]\n}\n' >"$WORK/comma.json"
bad "malformed JSON" "$WORK/comma.json" \
    "comma.json:3:32: invalid JSON: Parse error: unexpected character \`,', expected character \`]'"
printf '{\n "title": {"text": {"headline": "Only a title"}}\n}\n' >"$WORK/noevents.json"
bad "no events" "$WORK/noevents.json" \
    'noevents.json:1:1: no "events" array: a TimelineJS document is {"title": ..., "events": [...]}'
printf '{\n "events": {"start_date": {"year": 1850}}\n}\n' >"$WORK/notarray.json"
bad "events not an array" "$WORK/notarray.json" \
    'notarray.json:1:1: "events" is not an array of event objects'
printf '{\n "title": {"text": {"headline": "T"}},\n "events": []\n}\n' >"$WORK/empty.json"
bad "empty events" "$WORK/empty.json" 'empty.json:3:12: no events: "events" is empty'
printf '{"timeline":\n {"headline": "Old", "date": [{"startDate": "2011,12,10"}]}\n}\n' \
    >"$WORK/v2.json"
bad "TimelineJS 2 JSON" "$WORK/v2.json" 'v2.json:1:1: no "events" array: TimelineJS 1 and 2 JSON '\
'({"timeline": {"date": [...]}}) is not read; use a TimelineJS3 document'

# Bad slides: warnings at their objects, the good ones drawn, --strict refuses.
W=$DATA/warnings.json
run 0 "bad slides among good ones" -- --check "$W"
has "1 event" "$WORK/out" && has "6 rows skipped, 7 warnings" "$WORK/out"
ok $? "warnings: the one good event kept, six slides skipped"
has 'warnings.json:1:1: unknown scale "geological" (expected human or cosmological); '\
'read as human' "$WORK/err"
ok $? "warnings: an unknown scale at the document"
has 'warnings.json:4:20: invalid date "1850-2-30" in columns Year to Time: day 30 out of '\
'range for February 1850' "$WORK/err"
ok $? "warnings: a bad date at its start_date object"
has "warnings.json:5:5: missing start date" "$WORK/err"
ok $? "warnings: a slide without start_date at the slide"
has 'warnings.json:6:20: start date without a year ("-5")' "$WORK/err"
ok $? "warnings: a start_date without a year"
has 'warnings.json:7:5: "start_date" is not an object; the event is skipped' "$WORK/err"
ok $? "warnings: a start_date that is not an object"
has 'warnings.json:3:13: element 5 of "events" is not an object; skipped' "$WORK/err"
ok $? "warnings: an element that is no slide, at the events array"
has 'warnings.json:9:48: end "1890" is before start "1900"' "$WORK/err"
ok $? "warnings: an end before the start, at its end_date"
python3 -c "
import re, sys
lines = [tuple(map(int, re.match(r'.*?warnings\.json:(\d+):(\d+):', l).groups()))
         for l in open(sys.argv[1]) if 'warning:' in l]
sys.exit(lines != sorted(lines))" "$WORK/err"
ok $? "warnings: in file order"
rm -f "$WORK/o.svg"
run 65 "--strict turns the warnings into an error" -- --strict -o "$WORK/o.svg" "$W"
[ ! -e "$WORK/o.svg" ]
ok $? "--strict: no output"

# TimelineJS's own examples (MPL-2.0; read in place, never copied).
if [ ! -d "$CORPUS/json" ]; then
    skip "TimelineJS's published examples" "$CORPUS/json is not here"
else
    for spec in cosmo-mixed:11 cosmo:7 eras:23 houston_timeline3:18 twain_marktwain:17 \
        user-interface_timeline3:22 women_in_computing:10; do
        name=${spec%%:*}
        count=${spec##*:}
        quiet --check "$CORPUS/json/$name.json"
        [ "$rc" -eq 0 ] && has ": $count events" "$WORK/out" &&
            has "0 rows skipped, 0 warnings" "$WORK/out"
        ok $? "$name.json: all $count events, no warning" || sed 's/^/#   /' "$WORK/out" "$WORK/err"
    done
    # The same documents as TimelineJS sheets (csv-from-json) draw the same scene; Twain's
    # three slides with only a video or a tweet are skipped by the sheet (no headline, no
    # text) and titled from their captions here.
    for name in cosmo-mixed cosmo eras houston_timeline3 user-interface_timeline3; do
        "$TIMELINE" -T json -o "$WORK/$name.j" "$CORPUS/json/$name.json" 2>/dev/null
        "$TIMELINE" -T json -o "$WORK/$name.c" "$CORPUS/csv-from-json/$name.csv" 2>/dev/null
        python3 - "$WORK/$name.c" "$WORK/$name.j" >"$WORK/py" 2>&1 <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for s in (a, b):
    s.pop("warnings")
assert a == b, "scenes differ"
PY
        ok $? "$name.json: the scene of the same sheet" || sed 's/^/#   /' "$WORK/py"
    done
    "$TIMELINE" -T json -o "$WORK/cosmo.j" "$CORPUS/json/cosmo.json" 2>/dev/null
    check "$WORK/cosmo.j" '
assert ev["The Big Bang"]["start"]["lo"] == "-13799999999-01-01T00:00:00Z"
assert ev["Paleozoic era"]["end"]["hi"] == "-251901999-12-31T23:59:59Z"
assert s["title"] == "Cosmological Scale Timeline"'
    ok $? "cosmo.json: the Big Bang and the Paleozoic" || sed 's/^/#   /' "$WORK/py"
    "$TIMELINE" -T json -o "$WORK/eras.j" "$CORPUS/json/eras.json" 2>/dev/null
    check "$WORK/eras.j" '
e = ev["Era Test 600-650"]
assert (e["start"]["lo"], e["end"]["hi"]) == ("0600-01-01T00:00:00Z", "0650-12-31T23:59:59Z")
assert sum(1 for i in s["items"] if i.get("role") == "era-label") == 3'
    ok $? "eras.json: three eras" || sed 's/^/#   /' "$WORK/py"
    "$TIMELINE" -v -T json -o "$WORK/twain.j" "$CORPUS/json/twain_marktwain.json" 2>"$WORK/err"
    check "$WORK/twain.j" '
assert ev["Florida, Missouri"]["start"]["lo"] == "2000-01-05T06:45:56Z"
assert ev["a tweet"]["start"]["lo"] == "1900-01-06T06:45:56Z"'
    ok $? "twain: a time of day; a slide titled from its caption" || sed 's/^/#   /' "$WORK/py"
    has 'note: key "location" of an event ignored' "$WORK/err"
    ok $? "twain: keys TimelineJS3 does not define are noted"
fi

done_testing
