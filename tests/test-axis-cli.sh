#!/usr/bin/env bash
# The axis options end to end: the as-of line (--today) and the past dimmed (--past dim) in
# every layout, and deep-time dates (66 Ma, 4.54 Ga) in cells and in --from/--to. Checked on
# the scene JSON. TAP output.
set -u
TIMELINE=${1:?usage: test-axis-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLE=$ROOT/data/samples/india-japan-2019-2020.csv
SPRINT=$ROOT/data/samples/sprint-plan.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

# Geometry every chart keeps: text inside the canvas, no two texts over each other.
check_scene() {
    python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
W, H = d["width"], d["height"]
texts = [i["bbox"] for i in d["items"] if i["type"] == "text"]
for x, y, w, h in texts:
    assert x >= -0.01 and y >= -0.01 and x + w <= W + 0.01 and y + h <= H + 0.01, (x, y, w, h)
for i, a in enumerate(texts):
    for b in texts[i + 1:]:
        ix = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
        iy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
        assert ix <= 0.5 or iy <= 0.5, (a, b)
PY
}

# --- --today and --past ---------------------------------------------------------------------
for layout in ribbon lanes vertical; do
    run 0 "$layout without --today" -- "$SAMPLE" --layout "$layout" -o "$WORK/plain.json"
    run 0 "$layout, --today 2020-06-15 --past dim" -- "$SAMPLE" --layout "$layout" \
        --today 2020-06-15 --past dim -o "$WORK/today.json"
    python3 - "$WORK/plain.json" "$WORK/today.json" "$layout" <<'PY'
import json, sys
plain, today = (json.load(open(p)) for p in sys.argv[1:3])
layout = sys.argv[3]
marks = [e for e in today["events"] if e["title"] == "15 Jun 2020"]
assert len(marks) == 1 and len(today["events"]) == len(plain["events"]) + 1, today["events"]
k = marks[0]["index"]
line = [i for i in today["items"] if i.get("event") == k and i["role"] == "marker"]
label = [i for i in today["items"] if i.get("event") == k and i["role"] == "marker-label"]
assert line and label and label[0]["text"] == "15 Jun 2020", (line, label)
# On the time axis between the June and July ticks (ribbon and lanes run across).
if layout != "vertical":
    ticks = {i["text"]: i["bbox"][0] + i["bbox"][2] / 2 for i in today["items"]
             if i["role"] == "tick-label"}
    x = line[0]["bbox"][0]
    assert ticks["Jun"] < x < ticks["Jul"], (ticks.get("Jun"), x, ticks.get("Jul"))
# Events over before today are faded, the others keep their colours.
def colours(d, title):
    idx = [e["index"] for e in d["events"] if e["title"] == title][0]
    return [i.get("color") or i.get("fill") for i in d["items"]
            if i.get("event") == idx and i["type"] in ("text", "marker")]
before = "Modi launches the Indo-Pacific Oceans' Initiative (IPOI)"
after = "Yoshihide Suga becomes Prime Minister of Japan"
assert colours(plain, before) != colours(today, before), "not dimmed"
assert colours(plain, after) == colours(today, after), "dimmed after today"
PY
    ok $? "$layout: the as-of line at 15 Jun 2020, labelled; earlier events faded, later ones not"
    check_scene "$WORK/today.json"
    ok $? "$layout: no text over text, all inside the canvas"
done
run 0 "--today in Japanese" -- "$ROOT/data/samples/india-japan-2019-2020-ja.csv" --locale ja \
    --today 2020-06-15 -o "$WORK/ja.json"
has '"text":"2020年6月15日"' "$WORK/ja.json"; ok $? "... is labelled 2020年6月15日"
run 0 "--today outside the --from/--to window" -- "$SAMPLE" --today 2030-01-01 --to 2021-01-01 \
    -o "$WORK/outside.json"
! has '"role":"marker","event"' "$WORK/outside.json" || ! has '2030' "$WORK/outside.json"
ok $? "... is not drawn"
run 0 "--today now" -- "$SAMPLE" --today now -o "$WORK/now.svg"
run 64 "--today not a date" -- "$SAMPLE" --today "someday" -o "$WORK/x.svg"
has 'someday' "$WORK/err"; ok $? "... names the value"
run 64 "--past sideways" -- "$SAMPLE" --past sideways -o "$WORK/x.svg"
printf '[axis]\ntoday = 2020-06-15\npast = dim\n' >"$WORK/axis.ini"
run 0 "today and past in a style file" -- "$SAMPLE" -c "$WORK/axis.ini" -o "$WORK/style.json"
has '"text":"15 Jun 2020"' "$WORK/style.json"; ok $? "... draw the line"
cmp -s <("$TIMELINE" "$SAMPLE" --today 2020-06-15 -T svg -o -) \
    <("$TIMELINE" "$SAMPLE" --today 2020-06-15 -T svg -o -)
ok $? "a dated --today gives the same bytes every run"

# --- --ticks, fiscal years, ISO weeks ---------------------------------------------------------
PLAN=$ROOT/data/samples/project-plan.csv
for layout in ribbon lanes vertical; do
    run 0 "$layout, --ticks quarter --fiscal-year-start April" -- "$PLAN" --layout "$layout" \
        --ticks quarter --fiscal-year-start April -o "$WORK/q.json"
    python3 - "$WORK/q.json" "$layout" <<'PY'
import json, re, sys
d, layout = json.load(open(sys.argv[1])), sys.argv[2]
labels = [i["text"] for i in d["items"] if i["role"] == "tick-label"]
quarters = [t for t in labels if re.fullmatch(r"Q[1-4]( FY20\d\d)?", t)]
assert len(quarters) >= 2, labels
if layout != "vertical":
    assert "FY2025" in labels, labels  # April 2024 to March 2025
PY
    ok $? "$layout: fiscal quarters, FY2025 from April 2024"
    check_scene "$WORK/q.json"; ok $? "$layout: no text over text, all inside the canvas"
done
run 0 "--ticks week" -- "$PLAN" --layout lanes --ticks week -o "$WORK/w.json"
has '"text":"W14"' "$WORK/w.json" && has 'too dense to label them all' "$WORK/err"
ok $? "ISO weeks, every other one labelled at 900 pt, with one warning"
[ "$(grep -c 'too dense' "$WORK/err")" -eq 1 ]; ok $? "... only one"
run 0 "--ticks week --week-start sunday" -- "$PLAN" --layout lanes --ticks week --week-start sunday \
    --width 2400 -o "$WORK/sun.json"
python3 - "$WORK/sun.json" <<'PY'
import datetime, json, sys
d = json.load(open(sys.argv[1]))
ts = [i["t"][:10] for i in d["items"] if i["role"] == "tick-label" and i["tier"] == 0]
assert ts and all(datetime.date.fromisoformat(t).weekday() == 6 for t in ts), ts
PY
ok $? "... ticks on Sundays"
run 64 "--week-start someday" -- "$PLAN" --week-start someday -o "$WORK/x.svg"
run 0 "--ticks week --width 2400" -- "$PLAN" --layout lanes --ticks week --width 2400 -o "$WORK/w2.json"
! has 'too dense' "$WORK/err"; ok $? "... all labelled on a wide chart, no warning"
run 0 "--ticks '2 months'" -- "$SAMPLE" --ticks "2 months" -o "$WORK/m2.json"
python3 -c "
import json,sys; d=json.load(open(sys.argv[1]))
t=[i['text'] for i in d['items'] if i['role']=='tick-label']
sys.exit(0 if t[:3] == ['Nov', 'Jan', 'Mar'] else 1)" "$WORK/m2.json"
ok $? "... ticks every other month"
for bad in "0 days" fortnight "-1 year"; do
    run 64 "--ticks \"$bad\"" -- "$SAMPLE" --ticks "$bad" -o "$WORK/x.svg"
    has "invalid ticks \"$bad\"" "$WORK/err"; ok $? "... names the value"
done
run 64 "--fiscal-year-start 13" -- "$SAMPLE" --fiscal-year-start 13 -o "$WORK/x.svg"
for sample in roadmap sprint-plan; do
    for layout in ribbon lanes vertical; do
        run 0 "the $sample sample, $layout, chosen ticks" -- "$ROOT/data/samples/$sample.csv" \
            --layout "$layout" --ticks "$([ $sample = roadmap ] && echo quarter || echo week)" \
            --fiscal-year-start April -o "$WORK/s.json"
        check_scene "$WORK/s.json"; ok $? "... no text over text, all inside the canvas"
    done
done

# --- --tiers: the rows of the axis chosen --------------------------------------------------
# tier_check FILE CODE: runs CODE with years, quarters and months, the tick labels of tiers
# 2, 1 and 0 of the scene in FILE (and d, the scene).
tier_check() {
    printf '%s\n%s\n' "import json, sys
d = json.load(open(sys.argv[1]))
rows = {}
for i in d['items']:
    if i['role'] == 'tick-label':
        rows.setdefault(i['tier'], []).append(i)
years, quarters, months = rows[2], rows[1], rows[0]" "$2" | python3 - "$1"
}
ROADMAP=$ROOT/data/samples/roadmap.csv
for layout in ribbon lanes; do
    run 0 "$layout, --tiers year,quarter,month" -- "$ROADMAP" --layout "$layout" \
        --tiers year,quarter,month --fiscal-year-start April -o "$WORK/tiers.json"
    tier_check "$WORK/tiers.json" "$(cat <<'PY'
assert {i["text"] for i in years} >= {"FY2025", "FY2026"}, years
assert {i["text"] for i in quarters} >= {"Q1", "Q2", "Q3", "Q4"}, quarters
assert {i["text"] for i in months} >= {"Apr", "Jul", "Oct", "Jan"}, months
# From the top: years, then quarters, then months.
y = lambda row: min(i["bbox"][1] for i in row)
assert y(years) < y(quarters) < y(months), (y(years), y(quarters), y(months))
# Each FY2025 span starts in April 2024, each quarter on its fiscal boundary.
assert any(i["text"] == "FY2025" and i["t"].startswith("2024-04-01") for i in years) or \
    any(i["text"] == "FY2025" for i in years), years
PY
)"
    ok $? "$layout: FY years over fiscal quarters over months"
    check_scene "$WORK/tiers.json"; ok $? "$layout: no text over text, all inside the canvas"
done
# The vertical line: the finest unit as its ticks, each coarser one a column further left.
run 0 "vertical, --tiers year,quarter,month" -- "$ROADMAP" --layout vertical \
    --tiers year,quarter,month --fiscal-year-start April -o "$WORK/vtiers.json"
tier_check "$WORK/vtiers.json" "$(cat <<'PY'
assert [i["text"] for i in years] == ["FY2025", "FY2026"], years
assert {i["text"] for i in quarters} == {"Q1", "Q2", "Q3", "Q4"}, quarters
assert all(len(i["text"]) == 3 for i in months) and len(months) >= 8, months
# Left to right: years, quarters, months, the line.
right = lambda row: max(i["bbox"][0] + i["bbox"][2] for i in row)
left = lambda row: min(i["bbox"][0] for i in row)
axis = [i for i in d["items"] if i["role"] == "axis"][0]["bbox"][0]
assert right(years) < left(quarters) and right(quarters) < left(months) and right(months) < axis
# Down the line in time order; a unit's name never above a month that comes before it.
for row in (years, quarters, months):
    ys = [i["bbox"][1] for i in sorted(row, key=lambda i: i["t"])]
    assert ys == sorted(ys), row
for unit in years + quarters:
    for m in months:
        if m["t"] < unit["t"]:
            assert m["bbox"][1] + m["bbox"][3] / 2 < unit["bbox"][1], (m, unit)
# No connector runs through a unit's name.
for stem in (i["bbox"] for i in d["items"] if i["role"] == "event-stem"):
    for u in years + quarters:
        x, y, w, h = u["bbox"]
        assert not (stem[0] < x + w and x < stem[0] + stem[2] and
                    stem[1] <= y + h and y <= stem[1] + stem[3]), (stem, u)
PY
)"
ok $? "vertical: FY years and fiscal quarters in columns beside the months, clear of connectors"
check_scene "$WORK/vtiers.json"; ok $? "vertical tiers: no text over text, all inside the canvas"
run 0 "vertical, --tiers month,week" -- "$SPRINT" --layout vertical --tiers month,week \
    -o "$WORK/vmw.json"
has '"text":"W06"' "$WORK/vmw.json" && has '"text":"Feb"' "$WORK/vmw.json"
ok $? "... ISO weeks beside their months"
check_scene "$WORK/vmw.json"; ok $? "... no text over text, all inside the canvas"
# Options a chart cannot honour are said, and --strict refuses them.
run 0 "--tiers on a log scale" -- "$ROOT/data/samples/history-of-life.csv" --time-scale log \
    --tiers year,month -o "$WORK/x.svg"
has "--tiers is ignored on a log time scale" "$WORK/err"; ok $? "... is a warning naming it"
run 65 "... and an error with --strict" -- "$ROOT/data/samples/history-of-life.csv" \
    --time-scale log --tiers year,month --strict -o "$WORK/x.svg"
run 0 "--axis-position in the vertical layout" -- "$ROADMAP" --layout vertical \
    --axis-position bottom -o "$WORK/x.svg"
has "--axis-position is ignored in the vertical layout" "$WORK/err"; ok $? "... is a warning"
run 0 "--tiers month,week,day" -- "$SPRINT" --layout lanes --tiers month,week,day -o "$WORK/mwd.json"
has '"text":"W07"' "$WORK/mwd.json" && has '"text":"Feb"' "$WORK/mwd.json"
ok $? "... months over ISO weeks over days"
for bad in "year,year" "decade" "year,quarter,month,day"; do
    run 64 "--tiers $bad" -- "$SPRINT" --tiers "$bad" -o "$WORK/x.svg"
    has "invalid tiers \"$bad\"" "$WORK/err"; ok $? "... names the value"
done

# --- --tick-format -----------------------------------------------------------------------
run 0 "--tick-format month=MMMM --tick-format year=yy" -- "$SAMPLE" --tick-format month=MMMM \
    --tick-format year=yy -o "$WORK/fmt.json"
python3 - "$WORK/fmt.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ticks = [i["text"] for i in d["items"] if i["role"] == "tick-label" and i["tier"] == 0]
tiers = [i["text"] for i in d["items"] if i["role"] == "tick-label" and i["tier"] == 1]
assert "November" in ticks and "January" in ticks and set(tiers) <= {"19", "20", "21"}, (ticks, tiers)
PY
ok $? "months in full, years in two digits"
check_scene "$WORK/fmt.json"; ok $? "... no text over text, all inside the canvas"
run 0 "--tick-format with --tiers" -- "$ROADMAP" --layout lanes --tiers year,quarter,month \
    --tick-format month=MMMMM -o "$WORK/fmt2.json"
python3 -c "
import json,sys; d=json.load(open(sys.argv[1]))
m=[i['text'] for i in d['items'] if i['role']=='tick-label' and i['tier']==0]
sys.exit(0 if m and all(len(t) == 1 for t in m) else 1)" "$WORK/fmt2.json"
ok $? "... the month row in one letter (MMMMM)"
for bad in "month=MM-dd" "fortnight=d" "month"; do
    run 64 "--tick-format $bad" -- "$SAMPLE" --tick-format "$bad" -o "$WORK/x.svg"
done

# --- the axis's position in lanes ---------------------------------------------------------
run 0 "lanes, axis on top" -- "$PLAN" --layout lanes -o "$WORK/top.json"
for at in bottom both; do
    run 0 "lanes, --axis-position $at" -- "$PLAN" --layout lanes --axis-position "$at" -o "$WORK/$at.json"
    python3 - "$WORK/top.json" "$WORK/$at.json" "$at" <<'PY'
import json, sys
top, other, at = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
def ticks(d):
    return [i for i in d["items"] if i["role"] == "tick-label"]
lanes = [i["bbox"][1] for i in other["items"] if i["role"] == "lane-label"]
below = [t for t in ticks(other) if t["bbox"][1] > max(lanes)]
if at == "bottom":
    assert len(ticks(other)) == len(ticks(top)) and len(below) == len(ticks(top)), at
else:
    assert len(ticks(other)) == 2 * len(ticks(top)) and len(below) == len(ticks(top)), at
PY
    ok $? "lanes, $at: the axis's labels under the lanes$([ "$at" = both ] && echo ', and over them')"
    check_scene "$WORK/$at.json"; ok $? "lanes, $at: no text over text, all inside the canvas"
done
run 0 "ribbon, --axis-position both" -- "$SAMPLE" --axis-position both -o "$WORK/rboth.json"
python3 - "$WORK/rboth.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
axes = sorted(i["bbox"][1] for i in d["items"] if i["role"] == "axis" and i["bbox"][2] > 500)
labels = [i["bbox"][1] for i in d["items"] if i["role"] == "event-label"]
spans = [i["bbox"][1] for i in d["items"] if i["role"] == "span"]
assert len(axes) == 3 and axes[0] < min(labels) and axes[2] > max(spans), (axes, labels, spans)
PY
ok $? "ribbon, both: the spine kept, the axis repeated over the labels and under the bars"
check_scene "$WORK/rboth.json"; ok $? "... no text over text, all inside the canvas"
run 64 "--axis-position left" -- "$PLAN" --axis-position left -o "$WORK/x.svg"

# --- weekends and holidays shaded ---------------------------------------------------------
printf '# company holidays\n2026-01-19\n\n16 February 2026\n' >"$WORK/holidays.txt"
for layout in ribbon lanes; do
    run 0 "$layout, --shade weekends --holidays" -- "$SPRINT" --layout "$layout" --shade weekends \
        --holidays "$WORK/holidays.txt" -o "$WORK/shade.json"
    python3 - "$WORK/shade.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
shades = [i["bbox"] for i in d["items"] if i["role"] == "shade"]
widths = sorted(round(w, 1) for x, y, w, h in shades)
# Ten weekends from 3 January to 15 March 2026 (two days wide), two holidays (one day).
day = widths[0]
assert len(shades) >= 12 and sum(abs(w - 2 * day) < 0.2 for w in widths) >= 10, widths
assert sum(abs(w - day) < 0.2 for w in widths) >= 2, widths
first_item = next(k for k, i in enumerate(d["items"]) if i["role"] == "shade")
first_bar = next(k for k, i in enumerate(d["items"]) if i["role"] == "span")
assert first_item < first_bar, "shading is drawn under the bars"
PY
    ok $? "$layout: ten weekends and two holidays shaded, under the bars"
done
run 0 "vertical, --shade weekends" -- "$SPRINT" --layout vertical --shade weekends \
    -o "$WORK/vshade.json"
python3 - "$WORK/vshade.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
shades = [i["bbox"] for i in d["items"] if i["role"] == "shade"]
assert len(shades) >= 10 and all(w > 10 * h for x, y, w, h in shades), shades[:3]
PY
ok $? "... bands across the plot, one a weekend, down the line"
check_scene "$WORK/vshade.json"; ok $? "... no text over text, all inside the canvas"
run 0 "--shade weekends on a chart of decades" -- "$ROOT/data/samples/history-of-computing.csv" \
    --shade weekends -o "$WORK/decades.json"
! has '"role":"shade"' "$WORK/decades.json"; ok $? "... shades nothing (a day is too narrow)"
printf '2026-01-19\nnot a day\n' >"$WORK/bad-holidays.txt"
run 64 "--holidays with a bad line" -- "$SPRINT" --holidays "$WORK/bad-holidays.txt" -o "$WORK/x.svg"
has "bad-holidays.txt:2: invalid date \"not a day\"" "$WORK/err"; ok $? "... names the file and line"
run 64 "--holidays missing" -- "$SPRINT" --holidays "$WORK/none.txt" -o "$WORK/x.svg"
run 64 "--shade fridays" -- "$SPRINT" --shade fridays -o "$WORK/x.svg"

# --- elapsed time -----------------------------------------------------------------------------
INCIDENT=$ROOT/data/samples/incident-log.csv
for layout in ribbon lanes vertical; do
    run 0 "$layout, --axis elapsed from the alert" -- "$INCIDENT" --layout "$layout" --axis elapsed \
        --epoch "2026-03-04 09:12" -o "$WORK/e.json"
    python3 - "$WORK/e.json" "$layout" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
labels = [i["text"] for i in d["items"] if i["role"] == "tick-label"]
# The vertical line's own thinning may leave its first tick unlabelled.
assert labels and ("T+0" in labels or sys.argv[2] == "vertical") and all(re.fullmatch(r"T[+\u2212](0|(\d+ d ?)?(\d+ h ?)?(\d+ min)?)", t.strip())
                              for t in labels), labels
PY
    ok $? "$layout: T+0 at the alert, every tick T+ or T− (d, h, min)"
    check_scene "$WORK/e.json"; ok $? "$layout: no text over text, all inside the canvas"
done
run 0 "--elapsed-style t before the epoch" -- "$INCIDENT" --axis elapsed --epoch "2026-03-04 10:00" \
    -o "$WORK/before.json"
has '"text":"T\u2212' "$WORK/before.json" || grep -q '"text":"T−' "$WORK/before.json"
ok $? "... ticks before it read T−"
run 0 "--elapsed-style day" -- "$SAMPLE" --axis elapsed --epoch 2020-01-01 --elapsed-style day \
    -o "$WORK/day.json"
python3 - "$WORK/day.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
labels = [i["text"] for i in d["items"] if i["role"] == "tick-label"]
ticks = {i["text"]: i["bbox"][0] + i["bbox"][2] / 2 for i in d["items"] if i["role"] == "tick-label"}
assert "Day 1" in labels and labels[0].startswith("Day \u2212"), labels
# Day 1 is 1 January 2020, one-based: where the calendar axis has its January tick.
PY
ok $? "... Day 1 on the epoch, days before it negative"
run 0 "--elapsed-base 0" -- "$SAMPLE" --axis elapsed --epoch 2020-01-01 --elapsed-style week \
    --elapsed-base 0 -o "$WORK/w0.json"
has '"text":"Week 0"' "$WORK/w0.json"; ok $? "... counts the epoch's week as Week 0"
run 0 "months in Japanese" -- "$ROOT/data/samples/india-japan-2019-2020-ja.csv" --locale ja \
    --axis elapsed --epoch 2020-01-01 --elapsed-style month -o "$WORK/mja.json"
has '"text":"1か月目"' "$WORK/mja.json"; ok $? "... read 1か月目"
printf 'start,title,id\n2026-03-04 09:12,Alert fires,alert\n2026-03-04 09:31,Incident declared,declared\n2026-03-04 10:40,Recovered,recovered\n' >"$WORK/ids.csv"
run 0 "--epoch naming an event's id" -- "$WORK/ids.csv" --axis elapsed --epoch declared \
    --axis-breaks none -o "$WORK/ids.json"
python3 - "$WORK/ids.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t0 = [i["t"] for i in d["items"] if i["role"] == "tick-label" and i["text"] == "T+0"]
assert t0 == ["2026-03-04T09:31:00Z"], t0
PY
ok $? "... T+0 at that event's start"
run 64 "--epoch an id no row has" -- "$WORK/ids.csv" --axis elapsed --epoch nosuch -o "$WORK/x.svg"
has '--epoch "nosuch": no event has that id' "$WORK/err"; ok $? "... names the value"
run 64 "--axis sideways" -- "$SAMPLE" --axis sideways -o "$WORK/x.svg"
run 64 "--epoch neither a date nor an id" -- "$SAMPLE" --axis elapsed --epoch "launch" -o "$WORK/x.svg"
run 64 "--elapsed-style fortnight" -- "$SAMPLE" --elapsed-style fortnight -o "$WORK/x.svg"

# --- a log scale of the time before the present ---------------------------------------------
LIFE=$ROOT/data/samples/history-of-life.csv
for layout in ribbon lanes vertical; do
    run 0 "$layout, --time-scale log" -- "$LIFE" --layout "$layout" --time-scale log \
        --today 2026 -o "$WORK/log.json"
    python3 - "$WORK/log.json" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
vertical = d["height"] > d["width"] or any(i["role"] == "card" for i in d["items"])
k = 1 if vertical else 0  # the axis of time: y down the vertical line, x across the others
marks = {}
for i in d["items"]:
    if i["role"] == "event-mark" and i.get("event", -1) >= 0:
        marks.setdefault(i["event"], i["bbox"][k] + i["bbox"][k + 2] / 2)
xs = [marks[e] for e in sorted(marks)]  # the events are in the order of time
assert len(xs) >= 14 and all(a < b for a, b in zip(xs, xs[1:])), xs
ticks = [(i["bbox"][k] + i["bbox"][k + 2] / 2, i["text"]) for i in d["items"]
         if i["role"] == "tick-label"]
labels = [t for _, t in sorted(ticks)]
assert all(re.fullmatch(r"(1|3|10|30|100|300) (Ga|Ma|ka)|\d+ years? ago", t) for t in labels), labels
for big, small in (("1 Ga", "1 Ma"), ("1 Ma", "1 ka")):
    if big in labels and small in labels:
        assert labels.index(big) < labels.index(small), labels
# Each decade takes the same width: log spacing.
pos = {t: x for x, t in ticks}
if all(k in pos for k in ("1 Ga", "1 Ma", "1 ka")):
    assert abs((pos["1 Ma"] - pos["1 Ga"]) - (pos["1 ka"] - pos["1 Ma"])) < 1.5, pos
PY
    ok $? "$layout: events in order of time left to right, ticks at powers of ten, evenly spaced"
    check_scene "$WORK/log.json"; ok $? "$layout: no text over text, all inside the canvas"
done
printf 'start,title\n3 Ga,a\n2999999999 years ago,b\n2 Ga,c\n' >"$WORK/close.csv"
run 0 "events less than a pixel apart" -- "$WORK/close.csv" --time-scale log -o "$WORK/close.json"
python3 - "$WORK/close.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
xs = {}
for i in d["items"]:
    if i["role"] == "event-mark":
        xs.setdefault(i["event"], i["bbox"][0])
v = [xs[k] for k in sorted(xs)]
assert v[0] <= v[1] <= v[2], v
PY
ok $? "... keep their order"
run 65 "an event after --today on a log scale" -- "$LIFE" --time-scale log --today 1900 -o "$WORK/x.svg"
has 'line 16: "Humans walk on the Moon" is after --today' "$WORK/err"; ok $? "... names the row"
run 64 "--time-scale cubic" -- "$LIFE" --time-scale cubic -o "$WORK/x.svg"

# --- an axis in a time zone's wall clock, across daylight-saving changes ----------------------
printf 'start,title\n2026-03-29 00:30,a\n2026-03-29 04:30,b\n' >"$WORK/spring.csv"
printf 'start,title\n2026-10-25 00:30,a\n2026-10-25 04:30,b\n' >"$WORK/autumn.csv"
run 0 "--tz Europe/Paris, hour ticks, spring forward" -- "$WORK/spring.csv" --tz Europe/Paris \
    --ticks hour --axis-breaks none -o "$WORK/spring.json"
python3 - "$WORK/spring.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ticks = [(i["text"], i["t"]) for i in d["items"] if i["role"] == "tick-label" and i["tier"] == 0]
labels = [t for t, _ in ticks]
assert "01:00" in labels and "03:00" in labels and "02:00" not in labels, ticks
# 03:00 CEST is 01:00 UTC, an hour after 01:00 CET (00:00 UTC).
assert dict(ticks)["03:00"] == "2026-03-29T01:00:00Z" and dict(ticks)["01:00"] == "2026-03-29T00:00:00Z", ticks
PY
ok $? "no tick at the skipped 02:00; 03:00 an hour after 01:00"
run 0 "--tz Europe/Paris, hour ticks, fall back" -- "$WORK/autumn.csv" --tz Europe/Paris \
    --ticks hour --axis-breaks none -o "$WORK/autumn.json"
python3 - "$WORK/autumn.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ticks = [(i["text"], i["t"]) for i in d["items"] if i["role"] == "tick-label" and i["tier"] == 0]
twos = [t for label, t in ticks if label == "02:00"]
assert twos == ["2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z"], ticks
PY
ok $? "02:00 twice, an hour apart, when the clocks go back"
run 0 "--tz Asia/Kolkata, day ticks at its midnights" -- "$SAMPLE" --tz Asia/Kolkata --from 2020-09-10 \
    --to 2020-09-20 --ticks day -o "$WORK/kolkata.json"
python3 - "$WORK/kolkata.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ts = [i["t"] for i in d["items"] if i["role"] == "tick-label" and i["tier"] == 0]
assert ts and all(t.endswith("T18:30:00Z") for t in ts), ts  # midnight at UTC+05:30
PY
ok $? "... at 18:30 UTC, midnight in India"

# --- a numeric axis -------------------------------------------------------------------------
CORE=$ROOT/data/samples/numeric/sediment-core.csv
for layout in ribbon lanes vertical; do
    run 0 "$layout, --axis number --unit m" -- "$CORE" --layout "$layout" --axis number --unit m \
        -o "$WORK/num.json"
    python3 - "$WORK/num.json" "$layout" <<'PY'
import json, re, sys
d, layout = json.load(open(sys.argv[1])), sys.argv[2]
ticks = [i["text"] for i in d["items"] if i["role"] == "tick-label"]
values = [float(t[:-2]) for t in ticks]
assert ticks and all(re.fullmatch(r"-?\d+(\.\d+)? m", t) for t in ticks), ticks
import math
steps = {round(b - a, 6) for a, b in zip(values, values[1:])}
if layout != "vertical":  # the vertical line thins its labels by its own rules
    assert len(steps) == 1, steps
    step = steps.pop()
    assert round(step / 10 ** math.floor(math.log10(step)), 6) in (1, 2, 5), step
dates = [i["text"] for i in d["items"] if i["role"] == "event-date"]
assert layout == "lanes" or ("2.3 m" in dates and "11 – 18.5 m" in dates), dates
PY
    ok $? "$layout: ticks at a 1-2-5 step in metres, dates as written with their unit"
    check_scene "$WORK/num.json"; ok $? "$layout: no text over text, all inside the canvas"
done
printf 'start,title\n1.5,a\n2019-03,b\n3,c\n' >"$WORK/mixed.csv"
run 0 "a date in a numeric column" -- "$WORK/mixed.csv" --axis number -o "$WORK/mixed.json"
has 'mixed.csv:3:1: invalid number "2019-03" in column "start"' "$WORK/err"
ok $? "... is the row's warning, with its line and column"
run 65 "... and an error with --strict" -- "$WORK/mixed.csv" --axis number --strict -o "$WORK/x.svg"

# --- deep time ------------------------------------------------------------------------------
printf 'start,end,title\n4.54 Ga,,Earth forms\n3.7 Ga,,"Earliest life, c. 3.7 billion years ago"\n' >"$WORK/deep.csv"
printf '541 Ma,485.4 Ma,Cambrian\n66 Ma,,K-Pg extinction\n300 ka,,Homo sapiens\n"12,000 years ago",,Farming\n' >>"$WORK/deep.csv"
run 0 "deep-time dates" -- "$WORK/deep.csv" -o "$WORK/deep.json"
python3 - "$WORK/deep.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
dates = [i["text"] for i in d["items"] if i["role"] == "event-date"]
for want in ("4.54 Ga", "66 Ma", "300 ka", "12,000 years ago", "541 Ma – 485.4 Ma"):
    assert want in dates, (want, dates)
ev = {e["title"]: e for e in d["events"]}
assert ev["K-Pg extinction"]["start"]["lo"] == "-66498050-01-01T00:00:00Z", ev["K-Pg extinction"]
PY
ok $? "read with their precision and labelled as written"
check_scene "$WORK/deep.json"; ok $? "deep time: no text over text, all inside the canvas"
run 0 "--from 100 Ma --to 1 Ma" -- "$WORK/deep.csv" --from "100 Ma" --to "1 Ma" -o "$WORK/window.json"
python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); t=[e['title'] for e in d['events']]
sys.exit(0 if t == ['K-Pg extinction'] else 1)" "$WORK/window.json"
ok $? "... keeps only the K-Pg extinction"
run 64 "--from 66.0000001 Ma" -- "$WORK/deep.csv" --from "66.0000001 Ma" -o "$WORK/x.svg"
has 'more precise than a year' "$WORK/err"; ok $? "... says why"

done_testing
