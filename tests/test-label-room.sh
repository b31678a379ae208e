#!/usr/bin/env bash
# Labels get the room they have: a label is shortened only when its whole text fits neither
# beside its item towards the plot's right edge nor towards its left edge. Every sample in the
# lanes layout at its natural width, and at narrow widths where some must be shortened; the
# full widths come from the same chart laid out very wide. Checked on the scene JSON. TAP.
set -u
TIMELINE=${1:?usage: test-label-room.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

# check_room NARROW.json WIDE.json: every shortened label had no room for its whole text.
check_room() {
    python3 - "$1" "$2" <<'PY'
import json, sys
narrow, wide = (json.load(open(p)) for p in sys.argv[1:3])
full = {i["event"]: i["bbox"][2] for i in wide["items"]
        if i["role"] == "event-label" and not i.get("shortened")}
axis = [i["bbox"] for i in narrow["items"] if i["role"] == "axis"][0]
left, right = axis[0], axis[0] + axis[2]
items = {}
for i in narrow["items"]:
    if i["role"] in ("event-mark", "span") and "event" in i:
        x, _, w, _ = i["bbox"]
        a, b = items.get(i["event"], (x, x + w))
        items[i["event"]] = (min(a, x), max(b, x + w))
short = [i for i in narrow["items"] if i["role"] == "event-label" and i.get("shortened")]
for lb in short:
    x0, x1 = items[lb["event"]]
    w = full[lb["event"]]
    # 5 pt between an item and its label, as the layout keeps.
    assert w > right - x1 - 5 + 0.01 and w > x0 - 5 - left + 0.01, (lb["text"], w, x0, x1)
print(len(short))
PY
}

for csv in "$ROOT"/data/samples/*.csv; do
    name=$(basename "$csv" .csv)
    run 0 "$name, lanes" -- "$csv" --layout lanes -o "$WORK/n.json"
    run 0 "$name, lanes, 4000 pt wide" -- "$csv" --layout lanes --width 4000 -o "$WORK/w.json"
    count=$(check_room "$WORK/n.json" "$WORK/w.json")
    ok $? "$name: no label shortened while it has room (${count:-?} shortened)"
done
# The flagship in lanes: every label in full.
run 0 "india-japan, lanes" -- "$ROOT/data/samples/india-japan-2019-2020.csv" --layout lanes \
    -o "$WORK/ij.json"
python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
labels = [i for i in d['items'] if i['role'] == 'event-label']
sys.exit(0 if len(labels) == 8 and not any(i.get('shortened') for i in labels) else 1)" "$WORK/ij.json"
ok $? "india-japan in lanes: all eight labels in full"
# Narrow charts must shorten some; each of those had no room.
for width in 420 520 700; do
    run 0 "india-japan, lanes, $width pt" -- "$ROOT/data/samples/india-japan-2019-2020.csv" \
        --layout lanes --width "$width" -o "$WORK/n.json"
    run 0 "... 4000 pt" -- "$ROOT/data/samples/india-japan-2019-2020.csv" --layout lanes \
        --width 4000 -o "$WORK/w.json"
    count=$(check_room "$WORK/n.json" "$WORK/w.json")
    ok $? "$width pt: shortened only without room (${count:-?} shortened)"
done
done_testing
