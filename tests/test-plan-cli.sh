#!/usr/bin/env bash
# Project plans through the CLI: the arrows of the plan samples checked on the scene JSON
# (each starts on its predecessor's bar or diamond and ends on its successor's, runs in
# horizontal and vertical pieces, crosses no bar, mark or text, and is listed with both event
# indices), the slack and progress in the JSON, the schedule --check prints, the outputs in
# every theme and on A4 pages, and the errors of bad plans with their exit codes. TAP output.
set -u
TIMELINE=${1:?usage: test-plan-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

PLAN=$ROOT/data/samples/project-plan.csv
RELEASE=$ROOT/data/samples/release-plan.csv
HOLIDAYS=$ROOT/data/samples/release-holidays.txt

# check_arrows FILE.json: prints "DRAWN LINKS"; fails with the first fault found.
check_arrows() {
    python3 - "$1" <<'PY'
import json, sys
scene = json.load(open(sys.argv[1]))
items = scene["items"]
W, H = scene["width"], scene["height"]
marks = {}
for i in items:
    if "event" in i and ((i["role"] == "span" and i["type"] == "rect") or
                         (i["role"] == "event-mark" and i["type"] == "marker")):
        marks.setdefault(i["event"], i["bbox"])
texts = ("event-label", "event-date", "lane-label", "marker-label", "era-label", "note",
         "tick-label", "legend", "title", "subtitle", "caption")
obstacles = [i["bbox"] for i in items
             if (i["type"] == "text" and i["role"] in texts) or
                (i["role"] in ("span", "progress") and i["type"] == "rect") or
                (i["role"] == "event-mark" and i["type"] == "marker")]
def on_edge(p, b, e=0.01):
    x, y = p
    bx, by, bw, bh = b
    inside_x = bx - e <= x <= bx + bw + e
    inside_y = by - e <= y <= by + bh + e
    return (inside_x and (abs(y - by) < e or abs(y - by - bh) < e))
def crosses(a, b, box, e=0.5):
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    bx, by, bw, bh = box
    return x1 > bx + e and x0 < bx + bw - e and y1 > by + e and y0 < by + bh - e
links = scene.get("dependencies", [])
drawn = 0
for l in links:
    assert isinstance(l["from"], int) and isinstance(l["to"], int), l
    path = l["path"]
    if not path:
        continue
    drawn += 1
    assert on_edge(path[0], marks[l["from"]]), ("start not on the predecessor", l, marks[l["from"]])
    assert on_edge(path[-1], marks[l["to"]]), ("end not on the successor", l, marks[l["to"]])
    for a, b in zip(path, path[1:]):
        assert a[0] == b[0] or a[1] == b[1], ("a slanted piece", l)
        for x, y in (a, b):
            assert 0 <= x <= W and 0 <= y <= H, ("outside the canvas", l)
        for box in obstacles:
            assert not crosses(a, b, box), ("crosses", l, a, b, box)
heads = sum(1 for i in items if i["role"] == "dependency" and i["type"] == "marker")
assert heads == drawn, (heads, drawn)
print(drawn, len(links))
PY
}

for theme in light print; do
    for width in 900 1400; do
        name="project plan, lanes, $theme, ${width} pt"
        "$TIMELINE" -T json --layout lanes --theme "$theme" --width "$width" --workdays Mon-Fri \
            --critical-path --show-progress -o "$WORK/plan.json" "$PLAN" 2>"$WORK/err"
        got=$(check_arrows "$WORK/plan.json" 2>"$WORK/py")
        ok $? "$name: arrows on their bars' edges, crossing nothing ($got drawn of all)" ||
            sed 's/^/#   /' "$WORK/py"
        [ "$got" = "13 13" ]
        ok $? "$name: all 13 dependencies drawn" || echo "#   got $got"
    done
done

"$TIMELINE" -T json --layout lanes --workdays Mon-Fri --holidays "$HOLIDAYS" --critical-path \
    -o "$WORK/release.json" "$RELEASE" 2>"$WORK/err"
got=$(check_arrows "$WORK/release.json" 2>"$WORK/py")
ok $? "release plan: arrows on their bars' edges, crossing nothing ($got)" ||
    sed 's/^/#   /' "$WORK/py"

# Slack, the critical path and progress in the scene JSON.
python3 - "$WORK/release.json" <<'PY' >"$WORK/py" 2>&1
import json, sys
s = json.load(open(sys.argv[1]))
ev = {e["title"]: e for e in s["events"]}
assert ev["QA pass"]["critical"] is True and ev["QA pass"]["slack_days"] == 0, ev["QA pass"]
assert ev["Performance tests"]["critical"] is False, ev["Performance tests"]
assert ev["Performance tests"]["slack_days"] == 12, ev["Performance tests"]
assert ev["Backend services"]["progress"] == 70, ev["Backend services"]
assert "progress" not in ev["QA pass"]
crit = [l for l in s["dependencies"] if l["critical"]]
names = {(s["events"][l["from"]]["title"], s["events"][l["to"]]["title"]) for l in crit}
assert ("QA pass", "Release candidate") in names and ("Web front end", "QA pass") in names, names
assert ("Backend services", "QA pass") not in names, names
PY
ok $? "release plan JSON: slack, critical tasks and links, progress" || sed 's/^/#   /' "$WORK/py"

# The resolved dates: scene JSON and --check.
python3 - "$WORK/release.json" <<'PY' >"$WORK/py" 2>&1
import json, sys
ev = {e["title"]: e for e in json.load(open(sys.argv[1]))["events"]}
qa = ev["QA pass"]
assert qa["start"]["lo"].startswith("2025-04-08") and qa["end"]["lo"].startswith("2025-04-23"), qa
assert ev["Release 2.0"]["start"]["lo"].startswith("2025-05-02"), ev["Release 2.0"]
PY
ok $? "release plan: holidays and weekends skipped (QA 8-23 April, release 2 May)" ||
    sed 's/^/#   /' "$WORK/py"
run 0 "--check prints the schedule" -- --check --workdays Mon-Fri --holidays "$HOLIDAYS" "$RELEASE"
has "release-plan.csv:9: QA pass #qa: 2025-04-08 to 2025-04-23, slack 0 days, critical" "$WORK/out"
ok $? "--check: QA pass resolved, with its slack"

# The [plan] section of a style file, and -S.
printf '[plan]\nworkdays = Mon-Fri\ncritical-path = true\n' >"$WORK/plan.ini"
run 0 "a style file's [plan] section" -- -c "$WORK/plan.ini" --check "$RELEASE"
has "QA pass #qa: 2025-04-08 to 2025-04-21, slack 0 days, critical" "$WORK/out"
ok $? "[plan] workdays: Monday to Friday, no holidays (QA 8-21 April)"
run 0 "-S plan.workdays" -- -S plan.workdays=Sun-Thu --check "$RELEASE"
has "Specification #spec: 2025-03-03 to 2025-03-09" "$WORK/out"
ok $? "Sunday to Thursday: five days from Monday 3 March end on Sunday 9"

# Every theme, PNG and PDF; A4 landscape pages.
for theme in light dark print colorblind; do
    "$TIMELINE" --layout lanes --theme "$theme" --workdays Mon-Fri --critical-path \
        -o "$WORK/plan-$theme.png" "$PLAN" 2>"$WORK/err"
    head -c 8 "$WORK/plan-$theme.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a"
    ok $? "project plan as PNG, $theme theme"
done
if command -v pdfinfo >/dev/null; then
    "$TIMELINE" --layout lanes --workdays Mon-Fri --critical-path --page A4 --landscape \
        -o "$WORK/plan.pdf" "$PLAN" 2>"$WORK/err"
    pdfinfo "$WORK/plan.pdf" >"$WORK/info" 2>&1
    ok $? "project plan on A4 landscape: a valid PDF" || sed 's/^/#   /' "$WORK/info"
else
    skip "project plan on A4 landscape" "pdfinfo is not installed"
fi

# Layouts that do not draw arrows say so.
for layout in ribbon vertical; do
    "$TIMELINE" -T json --layout "$layout" -o "$WORK/$layout.json" "$PLAN" 2>"$WORK/err"
    grep -q '"text":"dependencies not shown"' "$WORK/$layout.json"
    ok $? "$layout: the legend says dependencies are not shown"
done
"$TIMELINE" -T json --layout ribbon -o "$WORK/plain.json" "$ROOT/data/samples/india-japan-2019-2020.csv" 2>/dev/null
! grep -q 'dependencies' "$WORK/plain.json"
ok $? "a timeline without dependencies has no such key or legend"

# Labels set through the plan's label text keep what the chart adds to titles: the number of
# their source.
"$TIMELINE" -T json --layout lanes -o "$WORK/sources.json" "$ROOT/data/samples/history-of-computing.csv" 2>/dev/null
grep -q '"text":"Intel dual-core Pentium D²"' "$WORK/sources.json"
ok $? "lanes: a title keeps its source's number"

# Bad plans.
printf 'id,title,start,duration,depends\ndesign,Design,2024-01-08,5d,test\nbuild,Build,after design,2w,\ntest,Test,after build,3d,\n' >"$WORK/cycle.csv"
run 65 "a dependency cycle is an error" -- -o "$WORK/cycle.svg" "$WORK/cycle.csv"
has "cycle.csv:2: dependency cycle:" "$WORK/err" && has "design (line 2)" "$WORK/err"
ok $? "the cycle is named with its rows' lines"
[ ! -e "$WORK/cycle.svg" ]
ok $? "no output for a cycle"

printf 'id,title,start,duration,depends\ndesign,Design,2024-01-08,5d,\nbuild,Build,after design,2w,desing\n' >"$WORK/typo.csv"
run 0 "an unknown id is a warning" -- -o "$WORK/typo.svg" "$WORK/typo.csv"
has 'typo.csv:3:29: unknown id "desing" in depends; no arrow drawn' "$WORK/err"
ok $? "the warning names the cell and the id"
run 65 "--strict makes it an error" -- --strict -o "$WORK/typo2.svg" "$WORK/typo.csv"
[ ! -e "$WORK/typo2.svg" ]
ok $? "no output under --strict"

printf 'id,title,start,end,depends\na,A,2024-01-08,2024-01-12,\nb,B,2024-01-10,2024-01-20,a\n' >"$WORK/violated.csv"
run 0 "a violated dependency draws" -- -T json --layout lanes -o "$WORK/violated.json" "$WORK/violated.csv"
has '"violated":true' "$WORK/violated.json"
ok $? "the JSON marks it violated"
has 'the dependency is violated' "$WORK/err"
ok $? "and a warning reports it"

run 64 "--workdays with no day" -- --workdays Funday -o "$WORK/x.svg" "$PLAN"
has 'invalid working week "Funday"' "$WORK/err"
ok $? "the usage error names the value"

done_testing
