#!/usr/bin/env bash
# Markwhen through the CLI: the India–Japan sample written in Markwhen lays out to exactly the
# scene of its CSV; a tour of the documented forms (dates, ranges, relative dates, ids,
# sections and groups, tags, tag colours, percentages, properties, descriptions) reads every
# event with its dates and group; the format is found by extension, by content and on
# standard input; bad documents are errors at their line and column with no output; bad
# events are warnings that --strict turns into exit 65. TAP output.
set -u
TIMELINE=${1:?usage: test-markwhen-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# "now" is this instant (2020-09-13T12:26:40Z) rather than the clock's.
export SOURCE_DATE_EPOCH=1600000000 TZ=UTC

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

SAMPLES=$ROOT/data/samples

# cli STATUS ARGS...: runs the CLI (stdout to $WORK/out, stderr to $WORK/err); true when it
# exits with STATUS, else shows why.
cli() {
    local want=$1
    shift
    "$TIMELINE" "$@" >"$WORK/out" 2>"$WORK/err"
    local got=$?
    [ "$got" -eq "$want" ] && return 0
    echo "#   exit $got, want $want"
    sed 's/^/#   /' "$WORK/err"
    return 1
}

# check SCENE.json EXPECT.py: runs the Python checks of EXPECT.py against the scene, one TAP
# result per check ("0 name" passes, "1 name: why" fails).
check() {
    python3 - "$1" "$2" >"$WORK/checks" 2>&1 <<'PY'
import json, sys
scene = json.load(open(sys.argv[1]))
by_title = {e["title"]: e for e in scene["events"]}
def expect(title, lo, hi, group=None, end=True):
    e = by_title.get(title)
    if e is None:
        print("1 %s: not read (events: %s)" % (title, sorted(by_title)))
        return
    got_hi = e["end"]["hi"] if e["end"] else e["start"]["hi"]
    got = (e["start"]["lo"], got_hi, e.get("group"), e["end"] is not None)
    want = (lo, hi, group, end)
    print("%d %s: %s%s" % (got != want, title, "from %s to %s, group %s" % got[:3],
                            "" if got == want else " (want %s)" % (want,)))
exec(open(sys.argv[2]).read())
PY
    while read -r status rest; do
        case $status in
        0) ok 0 "$rest" ;;
        1) ok 1 "$rest" ;;
        *) ok 1 "checks ran: $status $rest" ;;
        esac
    done <"$WORK/checks"
}

if ! command -v python3 >/dev/null; then
    skip "Markwhen checks" "python3 is not installed"
    done_testing
    exit
fi

# -------------------------------------------------------------------------------------------
# The flagship sample: the same chart as its CSV.
"$TIMELINE" -T json -o "$WORK/ij.mw.scene" "$SAMPLES/india-japan-2019-2020.mw" 2>"$WORK/err"
"$TIMELINE" -T json -o "$WORK/ij.csv.scene" "$SAMPLES/india-japan-2019-2020.csv" 2>/dev/null
cmp -s "$WORK/ij.mw.scene" "$WORK/ij.csv.scene"
ok $? "india-japan-2019-2020.mw: byte-identical scene to the CSV's" || sed 's/^/#   /' "$WORK/err"
cli 0 --check -v "$SAMPLES/india-japan-2019-2020.mw" &&
    has "9 events — 7 points, 1 span, 1 era, 0 markers — in 3 groups" "$WORK/out" &&
    has "note: format: Markwhen" "$WORK/err" && has "0 warnings" "$WORK/out"
ok $? "the sample: 9 events in 3 groups, read as Markwhen, no warnings"

# -------------------------------------------------------------------------------------------
# The documented forms, one event each.
cat >"$WORK/tour.mw" <<'EOF'
title: Grammar tour
description: One event per form
#Travel: blue
#Ops: #2a9d8f

2023-01-05: ISO day
2023: A year
01/2023: Month and year
5/1/2023: American order
Jan 2023: Month name
January 5 2023: Month and day
5 Jan 2023: Day first
2023-01-05T10:00: A time
2023-01-05 10am - 2pm: Hours
2023-02-01 - 2023-02-10: Trip #Travel
2023-03 / 2023-05: Spring
Mar 2023 - May 2023: Spring again
// A comment line is skipped.
2023-06-01 - 2 weeks: Sprint !sprint
after !sprint 3 days: Review #Ops
2 days: Follows the review
1 week - 2 days: A week later, two days
before !sprint 1 week: The week before
after !sprint.start 3 days - 1 day: Three days in
2023-07-03 - 5 week days: A working week
now: Today
c. 1850 - 1860: The project's own grammar
section Launch
group Site
2023-09-01: Go live 60%
endGroup
2023-09-15: Party
endSection
2023-10-01: After the sections #Travel
2023-11-01: Workshop [notes](https://example.com/notes)
  status: tentative
  Bring laptops.
  - [ ] book the room
EOF
"$TIMELINE" -T json -o "$WORK/tour.scene" "$WORK/tour.mw" 2>"$WORK/err" ||
    sed 's/^/#   /' "$WORK/err"
cat >"$WORK/tour.py" <<'EOF'
D = "T00:00:00Z"
E = "T23:59:59Z"
expect("ISO day", "2023-01-05" + D, "2023-01-05" + E, end=False)
expect("A year", "2023-01-01" + D, "2023-12-31" + E, end=False)
expect("Month and year", "2023-01-01" + D, "2023-01-31" + E, end=False)
expect("American order", "2023-05-01" + D, "2023-05-01" + E, end=False)
expect("Month name", "2023-01-01" + D, "2023-01-31" + E, end=False)
expect("Month and day", "2023-01-05" + D, "2023-01-05" + E, end=False)
expect("Day first", "2023-01-05" + D, "2023-01-05" + E, end=False)
expect("A time", "2023-01-05T10:00:00Z", "2023-01-05T10:00:59Z", end=False)
expect("Hours", "2023-01-05T10:00:00Z", "2023-01-05T14:00:59Z")
expect("Trip", "2023-02-01" + D, "2023-02-10" + E, "Travel")
expect("Spring", "2023-03-01" + D, "2023-05-31" + E)
expect("Spring again", "2023-03-01" + D, "2023-05-31" + E)
# Two weeks from 1 June: the 1st to the 14th.
expect("Sprint", "2023-06-01" + D, "2023-06-14" + E)
# Alone, an amount is the length: from the sprint's end (15 June), three days.
expect("Review", "2023-06-15" + D, "2023-06-17" + E, "Ops")
# After the event above (which ends with 17 June), two days.
expect("Follows the review", "2023-06-18" + D, "2023-06-19" + E)
# A week after the event above ends (20 June), two days long.
expect("A week later, two days", "2023-06-27" + D, "2023-06-28" + E)
# Up to the sprint's start, a week long.
expect("The week before", "2023-05-25" + D, "2023-05-31" + E)
# Three days after the sprint starts, one day long.
expect("Three days in", "2023-06-04" + D, "2023-06-04" + E)
# Monday 3 July and five working days: up to Monday 10 July.
expect("A working week", "2023-07-03" + D, "2023-07-09" + E)
expect("Today", "2020-09-13" + D, "2020-09-13" + E, end=False)
expect("The project's own grammar", "1850-01-01" + D, "1860-12-31" + E)
expect("Go live", "2023-09-01" + D, "2023-09-01" + E, "Launch / Site", end=False)
expect("Party", "2023-09-15" + D, "2023-09-15" + E, "Launch", end=False)
expect("After the sections", "2023-10-01" + D, "2023-10-01" + E, "Travel", end=False)
expect("Workshop notes", "2023-11-01" + D, "2023-11-01" + E, end=False)
print("%d 25 events, and no other" % (len(scene["events"]) != 25))
print("%d the header's title is the chart's" % (scene["title"] != "Grammar tour"))
e = by_title.get("Go live", {})
print("%d 60%% is the progress, taken out of the title: %s" % (e.get("progress") != 60, e.get("progress")))
e = by_title.get("Workshop notes", {})
print("%d a link's text stays in the title, its url is the event's: %s" %
      (e.get("url") != "https://example.com/notes", e.get("url")))
fills = {i["event"]: i["fill"] for i in scene["items"]
         if i.get("role") in ("event-mark", "span") and "event" in i}
idx = {e["title"]: e["index"] for e in scene["events"]}
print("%d #Travel: blue colours the trip: %s" % (fills.get(idx["Trip"]) != "#0000ff", fills.get(idx["Trip"])))
print("%d #Ops: #2a9d8f colours the review: %s" % (fills.get(idx["Review"]) != "#2a9d8f", fills.get(idx["Review"])))
EOF
check "$WORK/tour.scene" "$WORK/tour.py"

# In lanes, "after !id" draws the dependency: finish to start, or start to start for .start.
"$TIMELINE" --layout lanes -T json -o "$WORK/tour-lanes.scene" "$WORK/tour.mw" 2>/dev/null
cat >"$WORK/deps.py" <<'EOF'
idx = {e["title"]: e["index"] for e in scene["events"]}
deps = sorted((d["from"], d["to"], d["type"]) for d in scene.get("dependencies", []))
want = sorted([(idx["Sprint"], idx["Review"], "FS"), (idx["Sprint"], idx["Three days in"], "SS")])
print("%d after !sprint and after !sprint.start are the arrows from the sprint: %s" %
      (deps != want, deps))
EOF
check "$WORK/tour-lanes.scene" "$WORK/deps.py"

"$TIMELINE" --layout vertical -T json -o "$WORK/tour-v.scene" "$WORK/tour.mw" 2>/dev/null
python3 - "$WORK/tour-v.scene" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
texts = [i.get("text", "") for i in s["items"]]
sys.exit(0 if "Bring laptops.\n- [ ] book the room" in texts else 1)
PY
ok $? "the lines under an event are its description, the task list too"
has "1 Nov 2023 · tentative" "$WORK/tour-v.scene"
ok $? "a status property marks the event"

cat >"$WORK/dmy.mw" <<'EOF'
---
dateFormat: d/M/y
---
5/1/2023: Fifth of January
EOF
"$TIMELINE" -T json -o "$WORK/dmy.scene" "$WORK/dmy.mw" 2>/dev/null
has '"lo": "2023-01-05T00:00:00Z"' "$WORK/dmy.scene" || has '"lo":"2023-01-05T00:00:00Z"' "$WORK/dmy.scene"
ok $? "dateFormat: d/M/y in front matter reads 5/1/2023 as 5 January"

cli 0 --tz Asia/Tokyo -T json -o "$WORK/tz.scene" "$WORK/tour.mw" &&
    has '2023-01-05T01:00:00Z' "$WORK/tz.scene"
ok $? "--tz: 10:00 in Tokyo is 01:00 UTC"

# -------------------------------------------------------------------------------------------
# Finding the format.
printf 'Notes first, then events.\n\n2023-01-05: Launch\n' >"$WORK/ext.mw"
cli 0 --check -v "$WORK/ext.mw" && has "note: format: Markwhen" "$WORK/err"
ok $? "a .mw file is Markwhen by its extension, whatever its first line"
printf 'title: Plans\n2023-01-05: Launch\n' >"$WORK/noext1"
cli 0 --check -v "$WORK/noext1" && has "note: format: Markwhen" "$WORK/err" &&
    has 'titled "Plans"' "$WORK/out"
ok $? "by content: a header key first"
printf '2023-01-05: Launch\n2023-02-01 - 2023-03-01: Build\n' >"$WORK/noext2"
cli 0 --check -v "$WORK/noext2" && has "note: format: Markwhen" "$WORK/err" &&
    has "2 events" "$WORK/out"
ok $? "by content: a line DATE: text first"
cli 0 --check -v - <"$SAMPLES/india-japan-2019-2020.mw" &&
    has "note: format: Markwhen" "$WORK/err" && has "9 events" "$WORK/out"
ok $? "standard input: the sample, by its front matter"
cp "$WORK/noext2" "$WORK/events.txt"
"$TIMELINE" --input-format markwhen --check "$WORK/events.txt" >"$WORK/out" 2>&1
ok $? "--input-format markwhen reads a .txt file"

# -------------------------------------------------------------------------------------------
# Bad events: warnings at their line and column; the rest is drawn.
cat >"$WORK/bad.mw" <<'EOF'
2023-01-05: Good !a
2023-02-30: Bad day
2023-03-01 - 2023-01-01: Backwards
after !nope 3 days: Unknown id
2023-04-01: Good too
endGroup
2023-05-01 every 2 weeks: Standup
EOF
cli 0 "$WORK/bad.mw" -o "$WORK/bad.png"
for w in \
    'bad.mw:2:1: invalid date "2023-02-30": day 30 out of range for February 2023; event skipped' \
    'bad.mw:3:14: the range ends (2023-01-01) before it starts (2023-03-01); event skipped' \
    'bad.mw:4:7: unknown event id "!nope" (an id names an event above); event skipped' \
    'bad.mw:6:1: "endGroup" without an open section or group; ignored' \
    'bad.mw:7:12: repetition "every 2 weeks" not drawn: only the first occurrence'; do
    has "warning: $WORK/$w" "$WORK/err"
    ok $? "warning: ${w#bad.mw:}" || sed 's/^/#   /' "$WORK/err"
done
[ -s "$WORK/bad.png" ]
ok $? "the good events are drawn, exit 0"
cli 65 --strict "$WORK/bad.mw" -o "$WORK/strict.png" && [ ! -e "$WORK/strict.png" ]
ok $? "--strict: any warning is exit 65, and no output"

# -------------------------------------------------------------------------------------------
# Bad documents: errors, exit 65, nothing written.
bad_document() { # NAME FILE MESSAGE
    cli 65 "$2" -o "$WORK/x.png" && has "$3" "$WORK/err" && [ ! -e "$WORK/x.png" ]
    ok $? "$1: exit 65, \"$3\", no output" || sed 's/^/#   /' "$WORK/err"
}
printf 'Only words here.\nNo dates at all.\n' >"$WORK/none.mw"
bad_document "no events" "$WORK/none.mw" \
    "none.mw: no events (an event is a line \"DATE: title\", such as \"2023-01-05: Launch\")"
printf '2023-02-30: Bad\n2023-13: Worse\n' >"$WORK/allbad.mw"
bad_document "every event skipped" "$WORK/allbad.mw" "nothing to draw: no usable events"
has 'allbad.mw:2:1: invalid date "2023-13": month 13 out of range' "$WORK/err"
ok $? "every event skipped: each warned about first"
printf '2023-01-05: Good\n2023-01-06: Caf\351\n' >"$WORK/latin1.mw"
bad_document "invalid UTF-8" "$WORK/latin1.mw" \
    "latin1.mw:2:16: invalid UTF-8 (byte 0xE9); save the file as UTF-8"
printf '2023-01-05: Good\n\0\n' >"$WORK/nul.mw"
bad_document "a NUL byte" "$WORK/nul.mw" "nul.mw:2:1: binary data (NUL byte)"
printf '\377\3762\0000\0002\0003\0:\0 \0x\0\n\0' >"$WORK/utf16.mw"
bad_document "UTF-16" "$WORK/utf16.mw" "utf16.mw: file is UTF-16; save it as UTF-8"
cli 0 --repair-utf8 --check "$WORK/latin1.mw" && has "latin1.mw:2:16: invalid UTF-8 (byte 0xE9) replaced with U+FFFD" "$WORK/err"
ok $? "--repair-utf8: the warning names the byte's place"

done_testing
