#!/usr/bin/env bash
# Input formats through the CLI: every sample written as JSON and as JSON Lines (by Python's
# csv and json modules, every cell a string key of its row) lays out to exactly the scene
# JSON of its CSV; the India–Japan sample's hand-written JSON files too. The format chosen by
# extension, by content (standard input included) and by --input-format; malformed JSON with
# json-glib's position; warnings at an object's line and column; exit codes. TAP output.
set -u
TIMELINE=${1:?usage: test-formats-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

SAMPLES=$ROOT/data/samples

# to_json CSV OUT-STEM: OUT-STEM.json (an array) and OUT-STEM.jsonl (an object a line).
to_json() {
    python3 - "$1" "$2" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
objects = [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in body]
with open(sys.argv[2] + ".json", "w", encoding="utf-8") as f:
    json.dump(objects, f, ensure_ascii=False, indent=1)
with open(sys.argv[2] + ".jsonl", "w", encoding="utf-8") as f:
    for o in objects:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
PY
}

if ! command -v python3 >/dev/null; then
    skip "samples as JSON" "python3 is not installed"
else
    for csv in "$SAMPLES"/*.csv; do
        name=$(basename "$csv" .csv)
        # Rows whose cells run over lines keep their line numbers only in CSV; a sheet that
        # names the title on a row of its own is the same in both.
        to_json "$csv" "$WORK/$name"
        "$TIMELINE" -T json -o "$WORK/$name.csv.scene" "$csv" 2>/dev/null
        for f in json jsonl; do
            "$TIMELINE" -T json -o "$WORK/$name.$f.scene" "$WORK/$name.$f" 2>"$WORK/err"
            python3 - "$WORK/$name.csv.scene" "$WORK/$name.$f.scene" <<'PY' >"$WORK/py" 2>&1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
# Everything but where a row's text starts in its file, which CSV and JSON place apart.
for s in (a, b):
    s.pop("warnings")
assert a == b, "scenes differ"
PY
            ok $? "$name as $f: the same scene as its CSV" || sed 's/^/#   /' "$WORK/py" "$WORK/err"
        done
    done
fi

for f in json jsonl; do
    "$TIMELINE" -T json -o "$WORK/ij.$f.scene" "$SAMPLES/india-japan-2019-2020.$f" 2>/dev/null
    "$TIMELINE" -T json -o "$WORK/ij.csv.scene" "$SAMPLES/india-japan-2019-2020.csv" 2>/dev/null
    cmp -s "$WORK/ij.$f.scene" "$WORK/ij.csv.scene"
    ok $? "india-japan-2019-2020.$f: byte-identical scene to the CSV's"
done

# Choosing the format.
run 0 "JSON on standard input, by its first byte" -- --check -v - <"$SAMPLES/india-japan-2019-2020.json"
has "note: format: JSON" "$WORK/err" && has "9 events" "$WORK/out"
ok $? "sniffed as JSON: 9 events"
run 0 "JSON Lines on standard input" -- --check -v - <"$SAMPLES/india-japan-2019-2020.jsonl"
has "note: format: JSON Lines" "$WORK/err"
ok $? "sniffed as JSON Lines"
run 0 "CSV on standard input still streams" -- --check - <"$SAMPLES/india-japan-2019-2020.csv"
has "9 events" "$WORK/out"
ok $? "CSV: 9 events"
cp "$SAMPLES/india-japan-2019-2020.json" "$WORK/events.txt"
run 65 "a .txt file is CSV by its extension" -- --check "$WORK/events.txt"
run 0 "--input-format json overrides the extension" -- --input-format json --check "$WORK/events.txt"
cp "$SAMPLES/india-japan-2019-2020.jsonl" "$WORK/noext"
run 0 "no extension: the content decides" -- --check -v "$WORK/noext"
has "format: JSON Lines" "$WORK/err"
ok $? "no extension: JSON Lines"
run 64 "an unknown input format" -- --input-format yaml --check "$WORK/noext"
has 'unknown input format "yaml"' "$WORK/err"
ok $? "the usage error names it"

# Bad input.
printf '[\n {"start": "2019-03-01", "title": "Good",}\n]\n' >"$WORK/trailing.json"
run 65 "malformed JSON is bad data" -- -o "$WORK/t.svg" "$WORK/trailing.json"
has "trailing.json:2:" "$WORK/err" && has "invalid JSON" "$WORK/err"
ok $? "with json-glib's line and column"
[ ! -e "$WORK/t.svg" ]
ok $? "and no output"
printf '{"start":"2019-03-01","title":"A"}\n{"start": 2020, "title": "B"\n' >"$WORK/broken.jsonl"
run 65 "a malformed line of JSON Lines" -- -o "$WORK/t.svg" "$WORK/broken.jsonl"
has "broken.jsonl:2:" "$WORK/err"
ok $? "names its line"
printf '"events"\n' >"$WORK/object.json"
run 65 "a string where an array belongs" -- --check "$WORK/object.json"
has "expected an array of event objects" "$WORK/err"
ok $? "says what it expected"
printf '[\n {"start": "2019-02-30", "title": "Bad"},\n {"start": 1850, "title": "A year as a number", "importance": 5}\n]\n' >"$WORK/dates.json"
run 0 "a bad date among good events" -- -T json -o "$WORK/dates.scene" "$WORK/dates.json"
has 'dates.json:2:2: invalid date "2019-02-30" in column "start"' "$WORK/err"
ok $? "warned at its object's line and column"
grep -q '"title":"A year as a number"' "$WORK/dates.scene"
ok $? "a number is a year"
run 65 "--strict" -- --strict -o "$WORK/d.svg" "$WORK/dates.json"

# A plan in JSON: ids, lists of dependencies, numbers.
printf '[{"id":"a","title":"A","start":"2024-03-04","duration":"5d","progress":100},\n {"id":"b","title":"B","depends":["a"],"duration":"3d","progress":40.5}]\n' >"$WORK/plan.json"
run 0 "a plan in JSON" -- --check "$WORK/plan.json"
has "plan.json:2: B #b: 2024-03-09 to 2024-03-11" "$WORK/out"
ok $? "a list of dependencies and a number of percent"

# Settings a source states (a gantt's tickInterval, axisFormat, excluded weekends): applied to
# its own chart, under the command line, and never to the other inputs of the same run.
GANTT=$SAMPLES/release-plan.mmd
run 0 "a gantt states its axis" -- --check -v "$GANTT"
has "states ticks=week" "$WORK/err" && has "states shade=weekends" "$WORK/err"
ok $? "and -v says what it stated"
"$TIMELINE" --layout lanes -T json -o "$WORK/stated.scene" "$GANTT" 2>/dev/null
"$TIMELINE" --layout lanes --ticks week --tick-format day=ddMMM --tick-format week=ddMMM \
    --shade weekends -T json -o "$WORK/given.scene" "$GANTT" 2>/dev/null
cmp -s "$WORK/stated.scene" "$WORK/given.scene"
ok $? "the stated settings draw what the same options on the command line draw"
run 0 "--ticks on the command line" -- --check -v --ticks month "$GANTT"
has "states ticks=week; the option given is kept" "$WORK/err"
ok $? "wins over the source's"
"$TIMELINE" --layout lanes --ticks month -T json -o "$WORK/month.scene" "$GANTT" 2>/dev/null
! cmp -s "$WORK/month.scene" "$WORK/stated.scene"
ok $? "and draws its own ticks"
mkdir -p "$WORK/two"
cp "$GANTT" "$WORK/two/plan.mmd"
cp "$SAMPLES/release-plan.csv" "$WORK/two/plan-csv.csv"
"$TIMELINE" --layout lanes -T json -O "$WORK/two/plan.mmd" "$WORK/two/plan-csv.csv" 2>/dev/null
"$TIMELINE" --layout lanes -T json -o "$WORK/alone.scene" "$SAMPLES/release-plan.csv" 2>/dev/null
cmp -s "$WORK/two/plan-csv.json" "$WORK/alone.scene"
ok $? "another input of the same run is drawn as if alone"
cmp -s "$WORK/two/plan.json" "$WORK/stated.scene"
ok $? "and the gantt as its own settings say"

# Nesting: json-glib parses recursively, so a line nested past 256 levels is refused at its
# place before it is parsed; many brackets that nest shallowly are data like any other.
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
good = '{"start": "2020-01-01", "title": "first"}\n'
with open(w + "/deep.jsonl", "w") as f:
    f.write(good + '{"start": "2020-02-01", "title": "deep", "x": ' + "[" * 300 + "]" * 300 + "}\n")
with open(w + "/wide.jsonl", "w") as f:
    f.write(good + json.dumps({"start": "2020-02-01", "title": "wide", "x": [[]] * 300}) + "\n")
PY
run 65 "a line nested 300 deep" -- --check "$WORK/deep.jsonl"
has "deep.jsonl:2:" "$WORK/err" && has "nested more than 256 deep" "$WORK/err"
ok $? "is refused at its line"
run 0 "300 brackets side by side" -- --check "$WORK/wide.jsonl"

# Objects that give their keys in changing orders, with a key first met late: the same
# events as the file with one order.
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
rows = [{"start": "2020-0%d-01" % m, "title": "event %d" % m, "group": "g%d" % (m % 2)}
        for m in range(1, 10)]
rows[6]["end"] = "2020-08-15"
with open(w + "/ordered.jsonl", "w") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
with open(w + "/shuffled.jsonl", "w") as f:
    for i, r in enumerate(rows):
        keys = list(r)
        keys = keys[i % len(keys):] + keys[:i % len(keys)]
        f.write(json.dumps({k: r[k] for k in keys}) + "\n")
PY
"$TIMELINE" -T json -o "$WORK/ordered.scene" "$WORK/ordered.jsonl" 2>/dev/null
"$TIMELINE" -T json -o "$WORK/shuffled.scene" "$WORK/shuffled.jsonl" 2>/dev/null
cmp -s "$WORK/ordered.scene" "$WORK/shuffled.scene"
ok $? "keys in changing orders read as in one order"

done_testing
