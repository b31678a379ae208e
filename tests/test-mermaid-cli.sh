#!/usr/bin/env bash
# Mermaid timeline and gantt diagrams through the CLI: the India–Japan sample as a timeline
# draws the events of its CSV, the release plan as a gantt schedules every task on the dates
# of its CSV; diagrams written to Mermaid's documented grammar read every event and task with
# its dates, group, progress and link; the format chosen by extension, by content and on
# standard input; bad documents refused with their line and column; skipped statements
# warned about, and --strict. TAP output.
set -u
TIMELINE=${1:?usage: test-mermaid-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

SAMPLES=$ROOT/data/samples

if ! command -v python3 >/dev/null; then
    skip "Mermaid diagrams" "python3 is not installed"
    done_testing
    exit
fi

# events SCENE: one line an event, "title|start lo|end hi|group|progress|url" (end hi and the
# rest empty when absent), in the scene's order.
events() {
    python3 - "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for e in s["events"]:
    end = e["end"]["hi"] if e.get("end") else ""
    progress = "%g" % e["progress"] if "progress" in e else ""
    print("|".join([e["title"], e["start"]["lo"], end, e.get("group", ""), progress,
                    e.get("url", "")]))
PY
}

# expect NAME FILE: each line of standard input is a line of FILE (one assertion a line).
expect() {
    local name=$1 file=$2 line
    while IFS= read -r line; do
        grep -qxF -- "$line" "$file"
        ok $? "$name: ${line%%|*}" || { echo "#   want: $line"; sed 's/^/#   have: /' "$file"; }
    done
}

# ---------------------------------------------------------------------------------------------
# The samples against their CSV

"$TIMELINE" -T json -o "$WORK/ij.csv.scene" "$SAMPLES/india-japan-2019-2020.csv" 2>/dev/null
run 0 "the India–Japan timeline loads" -- -T json -o "$WORK/ij.mmd.scene" \
    "$SAMPLES/india-japan-2019-2020.mmd"
python3 - "$WORK/ij.csv.scene" "$WORK/ij.mmd.scene" <<'PY' >"$WORK/py" 2>&1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
# A timeline has no statuses, eras or descriptions: what it can say is compared.
key = lambda e: (e["title"], e["start"]["lo"], e["start"]["hi"], e["start"]["precision"],
                 e["end"] and (e["end"]["lo"], e["end"]["hi"]), e.get("group"))
assert sorted(map(key, a["events"])) == sorted(map(key, b["events"])), "events differ"
PY
ok $? "the timeline sample: the CSV's events, dates, spans and groups" || sed 's/^/#   /' "$WORK/py"

"$TIMELINE" -T json --workdays Mon-Fri --holidays "$SAMPLES/release-holidays.txt" \
    -o "$WORK/rp.csv.scene" "$SAMPLES/release-plan.csv" 2>/dev/null
run 0 "the release plan gantt loads" -- -T json -o "$WORK/rp.mmd.scene" "$SAMPLES/release-plan.mmd"
python3 - "$WORK/rp.csv.scene" "$WORK/rp.mmd.scene" <<'PY' >"$WORK/py" 2>&1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
dates = lambda s: {e["title"]: (e["start"]["lo"], e["start"]["hi"], e["end"] and e["end"]["hi"],
                                e.get("group")) for e in s["events"]}
da, db = dates(a), dates(b)
assert da == db, "\n".join("%s: %s != %s" % (k, da.get(k), db.get(k)) for k in da if da[k] != db.get(k))
assert b["title"] == "Release 2.0", b["title"]
PY
ok $? "the gantt sample: every task on its CSV's dates, its own working week and holidays" ||
    sed 's/^/#   /' "$WORK/py"
run 0 "the gantt sample states its axis" -- --check -v "$SAMPLES/release-plan.mmd"
has "states ticks=week" "$WORK/err" && has "states tick-format=day=ddMMM" "$WORK/err" &&
    has "states shade=weekends" "$WORK/err"
ok $? "tickInterval, axisFormat and excludes weekends as settings"

# ---------------------------------------------------------------------------------------------
# A timeline to the documented grammar

cat >"$WORK/printing.mmd" <<'EOF'
---
title: A title the statement replaces
---
%%{init: {"theme": "base", "themeVariables": {"cScale0": "#ff0000"}}}%%
timeline
    title Printing in Europe
    accTitle: Printing
    accDescr {
        Presses, from the first to steam
    }
    %% periods are dates our grammar reads
    section Antiquity
        500 BCE : Seals stamped in clay
    section Presses
        c. 1450 : Gutenberg's press
        1455 : The 42-line Bible : Printed in Mainz
        1470s : Presses in Paris
              : Presses in Venice
        late 15th century : Incunabula<br>everywhere
    section Industry
        1814-11-29 : Steam press at The Times %% a trailing comment
        1830s
EOF
run 0 "a timeline of the documented grammar" -- -T json -o "$WORK/printing.scene" "$WORK/printing.mmd"
events "$WORK/printing.scene" >"$WORK/printing.ev"
expect "timeline" "$WORK/printing.ev" <<'EOF'
Seals stamped in clay|-0499-01-01T00:00:00Z||Antiquity||
Gutenberg's press|1450-01-01T00:00:00Z||Presses||
The 42-line Bible|1455-01-01T00:00:00Z||Presses||
Printed in Mainz|1455-01-01T00:00:00Z||Presses||
Presses in Paris|1470-01-01T00:00:00Z||Presses||
Presses in Venice|1470-01-01T00:00:00Z||Presses||
Incunabula everywhere|1468-01-01T00:00:00Z||Presses||
Steam press at The Times|1814-11-29T00:00:00Z||Industry||
1830s|1830-01-01T00:00:00Z||Industry||
EOF
[ "$(wc -l <"$WORK/printing.ev")" -eq 9 ]
ok $? "timeline: nine events, no more"
grep -q '"title":"Printing in Europe"' "$WORK/printing.scene"
ok $? "timeline: the title statement over the front matter's"
run 0 "directives and accessibility text are notes" -- --check -v "$WORK/printing.mmd"
has "printing.mmd:4: directive %%{init}%% skipped" "$WORK/err" &&
    has "printing.mmd:7: accTitle skipped" "$WORK/err" &&
    has "printing.mmd:8: accDescr skipped" "$WORK/err" && ! has "warning" "$WORK/err"
ok $? "one note each, no warning"

printf -- '---\ntitle: "Only the front matter"\n---\ntimeline TD\n  2020 : One\n' >"$WORK/fm.mmd"
run 0 "front matter" -- -T json -o "$WORK/fm.scene" "$WORK/fm.mmd"
grep -q '"title":"Only the front matter"' "$WORK/fm.scene"
ok $? "front matter: its title"

# ---------------------------------------------------------------------------------------------
# Gantt diagrams to the documented grammar

cat >"$WORK/shed.mmd" <<'EOF'
gantt
    dateFormat YYYY-MM-DD
    title Garden shed
    excludes weekends
    todayMarker off
    section Plan
    Draw plans   :done, plans, 2024-03-04, 2024-03-06
    Buy timber   :active, timber, 2024-03-06, 3d
    Order roof   :roof, after plans, 2d
    section Build
    Foundation   :crit, found, after timber, 4d
    Walls        :crit, 1w
    Roof on      :after roof found, 2d
    Paint        :until ready
    Shed ready   :milestone, ready, 2024-04-01, 0d
    click ready href "https://example.org/shed"
    click timber call alert("timber")
EOF
run 0 "a gantt of the documented grammar" -- -T json -o "$WORK/shed.scene" "$WORK/shed.mmd"
# The days of the week by their names or their first three letters, as --workdays reads them.
sed 's/excludes weekends/excludes saturday\n    excludes Sun/' "$WORK/shed.mmd" >"$WORK/shed-days.mmd"
run 0 "excludes saturday and Sun" -- -T json -o "$WORK/shed-days.scene" "$WORK/shed-days.mmd"
cmp -s "$WORK/shed.scene" "$WORK/shed-days.scene"
ok $? "schedule as excludes weekends does"
events "$WORK/shed.scene" >"$WORK/shed.ev"
expect "gantt" "$WORK/shed.ev" <<'EOF'
Draw plans|2024-03-04T00:00:00Z|2024-03-05T23:59:59Z|Plan|100|
Buy timber|2024-03-06T00:00:00Z|2024-03-08T23:59:59Z|Plan||
Order roof|2024-03-06T00:00:00Z|2024-03-07T23:59:59Z|Plan||
Foundation|2024-03-11T00:00:00Z|2024-03-14T23:59:59Z|Build||
Walls|2024-03-15T00:00:00Z|2024-03-25T23:59:59Z|Build||
Roof on|2024-03-15T00:00:00Z|2024-03-18T23:59:59Z|Build||
Paint|2024-03-19T00:00:00Z|2024-03-31T23:59:59Z|Build||
Shed ready|2024-04-01T00:00:00Z||Build||https://example.org/shed
EOF
run 0 "gantt: interaction and the today marker are notes" -- --check -v "$WORK/shed.mmd"
has "shed.mmd:17: click timber skipped: scripts are not run" "$WORK/err" &&
    has "shed.mmd:5: todayMarker off" "$WORK/err" && ! has "warning" "$WORK/err"
ok $? "one note each, no warning"

cat >"$WORK/day.mmd" <<'EOF'
gantt
    dateFormat DD.MM.YYYY HH:mm
    axisFormat %H:%M
    tickInterval 30minute
    section Morning
    Setup        : setup, 01.07.2024 09:00, 01.07.2024 10:30
    Talk         : talk, after setup, 45m
    Coffee       : vert, coffee, 01.07.2024 11:15, 15m
    Workshop     : 1.5h
    section Afternoon
    Closing      : milestone, closing, 01.07.2024 15:00, 30m
    Drinks       : 2024-07-01 16:00, 1h
EOF
run 0 "a gantt in hours and minutes" -- -T json -o "$WORK/day.scene" "$WORK/day.mmd"
events "$WORK/day.scene" >"$WORK/day.ev"
expect "hours" "$WORK/day.ev" <<'EOF'
Setup|2024-07-01T09:00:00Z|2024-07-01T10:29:59Z|Morning||
Talk|2024-07-01T10:30:00Z|2024-07-01T11:15:00Z|Morning||
Coffee|2024-07-01T11:15:00Z||Morning||
Workshop|2024-07-01T11:30:00Z|2024-07-01T13:00:00Z|Morning||
Closing|2024-07-01T15:15:00Z||Afternoon||
Drinks|2024-07-01T16:00:00Z|2024-07-01T17:00:00Z|Afternoon||
EOF
grep -q '"role":"marker"' "$WORK/day.scene"
ok $? "hours: vert is a marker line"
run 0 "hours: the axis settings" -- --check -v "$WORK/day.mmd"
has "states ticks=30 minutes" "$WORK/err" && has "states tick-format=minute=HHmm" "$WORK/err"
ok $? "hours: tickInterval 30minute and axisFormat %H:%M"

cat >"$WORK/week.mmd" <<'EOF'
gantt
    dateFormat YYYY-MM-DD
    inclusiveEndDates
    excludes weekends, 2024-05-09
    weekend friday
    A : a, 2024-05-01, 2024-05-02
    B : b, 2024-05-02, 3d
    C : after b, 2d
EOF
run 0 "a gantt with Friday–Saturday weekends" -- -T json -o "$WORK/week.scene" "$WORK/week.mmd"
events "$WORK/week.scene" >"$WORK/week.ev"
expect "weekend friday" "$WORK/week.ev" <<'EOF'
A|2024-05-01T00:00:00Z|2024-05-02T23:59:59Z|||
B|2024-05-02T00:00:00Z|2024-05-06T23:59:59Z|||
C|2024-05-07T00:00:00Z|2024-05-08T23:59:59Z|||
EOF

printf 'gantt\n  dateFormat X\n  section Timings\n  Ping : 0, 90\n  Pong : 90, 150\n' >"$WORK/unix.mmd"
run 0 "a gantt of Unix times" -- -T json -o "$WORK/unix.scene" "$WORK/unix.mmd"
events "$WORK/unix.scene" >"$WORK/unix.ev"
expect "Unix times" "$WORK/unix.ev" <<'EOF'
Ping|1970-01-01T00:00:00Z|1970-01-01T00:01:29Z|Timings||
Pong|1970-01-01T00:01:30Z|1970-01-01T00:02:29Z|Timings||
EOF

# ---------------------------------------------------------------------------------------------
# Choosing the format

cp "$SAMPLES/india-japan-2019-2020.mmd" "$WORK/ij.mermaid"
run 0 "the .mermaid extension" -- --check -v "$WORK/ij.mermaid"
has "note: format: Mermaid timeline" "$WORK/err" && has "9 events" "$WORK/out"
ok $? "read as a Mermaid timeline"
cp "$SAMPLES/release-plan.mmd" "$WORK/noext"
run 0 "no extension: the first statement after the comments decides" -- --check -v "$WORK/noext"
has "note: format: Mermaid gantt" "$WORK/err"
ok $? "read as a Mermaid gantt"
run 0 "standard input" -- --check -v - <"$WORK/fm.mmd"
has "note: format: Mermaid timeline" "$WORK/err" && has "1 event" "$WORK/out"
ok $? "front matter, then timeline: read as Mermaid"
cp "$SAMPLES/india-japan-2019-2020.mmd" "$WORK/ij.txt"
"$TIMELINE" --input-format mermaid --check "$WORK/ij.txt" >"$WORK/out" 2>"$WORK/err"
has "9 events" "$WORK/out"
ok $? "--input-format mermaid over a .txt extension"

# ---------------------------------------------------------------------------------------------
# Bad documents: exit 65, the place, no output

bad() { # bad NAME EXPECTED-MESSAGE FILE
    run 65 "$1" -- -o "$WORK/bad.png" "$3"
    has "$2" "$WORK/err" && [ ! -e "$WORK/bad.png" ]
    ok $? "$1: the message, and no output" || sed 's/^/#   /' "$WORK/err"
}
printf '%%%% a flowchart\nflowchart LR\n    A --> B\n' >"$WORK/flow.mmd"
bad "an unknown diagram type" \
    "flow.mmd:2:1: unknown diagram type \"flowchart\": only Mermaid timeline and gantt diagrams are read" \
    "$WORK/flow.mmd"
printf 'timeline\n    title Industry\n    1784 : Power loom\n    Industry 4.0 : Robots\n' >"$WORK/words.mmd"
bad "a period that cannot be dated" \
    "words.mmd:4:5: cannot date the period \"Industry 4.0\": not a date (unknown word \"Industry\")" \
    "$WORK/words.mmd"
printf 'timeline\n    2019-02-30 : A day that is not\n' >"$WORK/feb.mmd"
bad "a period that is no day" \
    "feb.mmd:2:5: cannot date the period \"2019-02-30\": day 30 out of range for February 2019" \
    "$WORK/feb.mmd"
printf -- '---\ntitle: Open\ngantt\n' >"$WORK/open.mmd"
bad "front matter not closed" "open.mmd:1:1: front matter not closed: no \"---\" line after it" \
    "$WORK/open.mmd"
printf 'gantt\n    title Nothing yet\n    dateFormat YYYY-MM-DD\n' >"$WORK/empty.mmd"
bad "a gantt with no tasks" "empty.mmd: nothing to draw: the gantt has no tasks" "$WORK/empty.mmd"
printf 'timeline\n    2020 : caf\xe9\n' >"$WORK/latin1.mmd"
bad "invalid UTF-8" "latin1.mmd:2:15: invalid UTF-8 (byte 0xE9); save the file as UTF-8" \
    "$WORK/latin1.mmd"

# ---------------------------------------------------------------------------------------------
# Statements skipped with a warning: exit 0, and 65 under --strict

cat >"$WORK/skips.mmd" <<'EOF'
gantt
    dateFormat YYYY-MM-DD
    Design      : design, 2024-06-03, 5d
    Build       : build, after desing, 10d
    Test        : test, after design, 3d
    Launch      : launch, next week, 1d
    Party       : party, after test, 2 days
    wrap up the project
EOF
run 0 "a gantt with bad tasks" -- -T json -o "$WORK/skips.scene" "$WORK/skips.mmd"
has 'skips.mmd:4:26: unknown id "desing" in start; row left out' "$WORK/err"
ok $? "an unknown after id at the task's own line and column"
has 'skips.mmd:6:27: task "Launch": start "next week" is neither "after ID" nor a date in the dateFormat YYYY-MM-DD; task skipped' "$WORK/err"
ok $? "a start not in the dateFormat"
has 'skips.mmd:7:38: task "Party": end "2 days" is neither a duration' "$WORK/err"
ok $? "an end that is no duration"
has 'skips.mmd:8:5: not a gantt statement (a task is "name : dates"); skipped' "$WORK/err"
ok $? "a line that is no statement"
events "$WORK/skips.scene" >"$WORK/skips.ev"
expect "the good tasks stay" "$WORK/skips.ev" <<'EOF'
Design|2024-06-03T00:00:00Z|2024-06-07T23:59:59Z|||
Test|2024-06-08T00:00:00Z|2024-06-10T23:59:59Z|||
EOF
run 65 "--strict refuses it" -- --strict -o "$WORK/strict.png" "$WORK/skips.mmd"
[ ! -e "$WORK/strict.png" ]
ok $? "--strict: no output"

printf 'timeline\n    : An orphan event\n    2020 : One : : Two\n' >"$WORK/tl-skips.mmd"
run 0 "a timeline with bad events" -- --check "$WORK/tl-skips.mmd"
has "tl-skips.mmd:2:5: events with no period before them; skipped" "$WORK/err" &&
    has "tl-skips.mmd:3:17: empty event; skipped" "$WORK/err" && has "2 events" "$WORK/out"
ok $? "warned at their places; the others read"

done_testing
