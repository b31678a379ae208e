#!/usr/bin/env bash
# Labels get the room they have. Lanes: a label is shortened only when its whole text fits
# neither beside its item towards the plot's right edge nor towards its left edge. Ribbon: a
# title is shortened only when the free run beside its stem, on its level (up to the next
# label, a stem rising through, or the plot's edge), is narrower than the whole title; a
# title wrapped where that run holds it on one line is a failure too. Every sample at its
# natural width, and narrow widths where some must be shortened; the full one-line widths come
# from the same chart laid out very wide in lanes. Checked on the scene JSON. TAP output.
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

# check_ribbon NARROW.json WIDE.json
check_ribbon() {
    python3 - "$1" "$2" <<'PY'
import json, sys
narrow, wide = (json.load(open(p)) for p in sys.argv[1:3])
full = {i["event"]: i["bbox"] for i in wide["items"] if i["role"] == "event-label"}
axis = [i["bbox"] for i in narrow["items"] if i["role"] == "axis"][0]
left, right = axis[0], axis[0] + axis[2]
boxes = [i for i in narrow["items"] if i["role"] in ("event-label", "event-date")]
stems = [i for i in narrow["items"] if i["role"] == "event-stem"]
stem_x = {i["event"]: i["bbox"][0] for i in stems}
def overlaps_y(a, b):
    return a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
short = wrapped = 0
for lb in (i for i in narrow["items"] if i["role"] == "event-label"):
    if lb["event"] not in stem_x:
        continue  # a span's title, on one line beside its dates
    x, y, w, h = lb["bbox"]
    anchor = stem_x[lb["event"]]
    rightward = x >= anchor
    # The free run beside the stem on this label's level, as the layout sees it: 10 pt to the
    # next box, 5 pt to a stem rising through.
    run = (right - anchor) if rightward else (anchor - left)
    for o in boxes:
        if o["event"] == lb["event"] or not overlaps_y(o["bbox"], lb["bbox"]):
            continue
        ox = o["bbox"][0] if rightward else o["bbox"][0] + o["bbox"][2]
        d = (ox - anchor) if rightward else (anchor - ox)
        if d > 0:
            run = min(run, d - 10)
    for st in stems:
        if st["event"] == lb["event"] or not overlaps_y(st["bbox"], lb["bbox"]):
            continue
        d = (st["bbox"][0] - anchor) if rightward else (anchor - st["bbox"][0])
        if d > 0:
            run = min(run, d - 5)
    need = 5 + full[lb["event"]][2]  # the stem's padding and the title on one line
    if lb.get("shortened"):
        short += 1
        assert need > run + 0.5, ("shortened with room", lb["text"], need, run)
    elif h > full[lb["event"]][3] + 0.5:
        wrapped += 1
        assert need > run + 0.5, ("wrapped with room for one line", lb["text"], need, run)
print(short, "shortened,", wrapped, "wrapped")
PY
}

for csv in "$ROOT"/data/samples/*.csv; do
    name=$(basename "$csv" .csv)
    run 0 "$name, ribbon" -- "$csv" -o "$WORK/n.json"
    run 0 "$name, lanes, 4000 pt wide" -- "$csv" --layout lanes --width 4000 -o "$WORK/w.json"
    count=$(check_ribbon "$WORK/n.json" "$WORK/w.json")
    ok $? "$name: no ribbon title shortened or wrapped while it has room (${count:-?})"
done
for width in 500 700; do
    run 0 "india-japan, ribbon, $width pt" -- "$ROOT/data/samples/india-japan-2019-2020.csv" \
        --width "$width" -o "$WORK/n.json"
    run 0 "... lanes, 4000 pt" -- "$ROOT/data/samples/india-japan-2019-2020.csv" --layout lanes \
        --width 4000 -o "$WORK/w.json"
    count=$(check_ribbon "$WORK/n.json" "$WORK/w.json")
    ok $? "ribbon, $width pt: shortened or wrapped only without room (${count:-?})"
done

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
# --- printed across pages at one scale (--page-scale uniform): a bar cut at a page's start is
# named on that page too (pages of their own windows are checked in test-pages.c) ----------
HOC=$ROOT/data/samples/history-of-computing.csv
for layout in lanes ribbon; do
    run 0 "history of computing, $layout, A4 landscape" -- "$HOC" --layout "$layout" \
        --page A4 --landscape --page-scale uniform -o "$WORK/pages.json"
    python3 - "$WORK/pages.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
items = d["items"]
named = 0
for n, page in enumerate(d["pages"]):
    on_page = {i for vp in page["viewports"] for i in vp["ops"]}
    overlay = page.get("overlay", [])
    again = {o["event"] for o in overlay if "event" in o and o["text"].endswith("(continued)")}
    for vp in page["viewports"]:
        lo = vp["src"][0]
        for i in vp["ops"]:
            it = items[i]
            if it["type"] != "rect" or "event" not in it or it["role"] not in ("span", "era"):
                continue
            x, y, w, h = it["bbox"]
            if not (x < lo - 1 and x + w > lo + 60):
                continue  # not cut at this page's start, or only a sliver of it here
            ev = it["event"]
            labels = [j for j, o in enumerate(items) if o.get("event") == ev and
                      o["role"] in ("event-label", "era-label")]
            # The label in the bar's row (a span's own, an era's name on its band) or just
            # over it (the ribbon's spans).
            def names(j):
                lx, ly, lw, lh = items[j]["bbox"]
                return y <= ly + lh / 2 <= y + h or (y - 4 <= ly + lh <= y + 0.5 and x <= lx <= x + w)
            row = [j for j in labels if names(j)]
            if not row:
                continue
            # The room the row leaves at the page's start: to the bar's end or the first text
            # of the page there; under 40 points the name is left out.
            ty, th = items[row[0]]["bbox"][1], items[row[0]]["bbox"][3]
            stop = min([x + w, vp["src"][0] + vp["src"][2]] +
                       [items[j]["bbox"][0] for j in on_page if items[j]["type"] == "text" and
                        items[j]["bbox"][1] < ty + th and items[j]["bbox"][1] + items[j]["bbox"][3] > ty
                        and items[j]["bbox"][0] + items[j]["bbox"][2] > lo])
            if (stop - lo) * vp["scale"] < 40:
                continue
            assert any(j in on_page for j in row) or ev in again, \
                ("page", n + 1, "bar of event", ev, "has no name", items[row[0]]["text"])
            named += ev in again
    for o in overlay:
        if o["text"].endswith("(continued)") and "event" in o:
            x, y, w, h = o["bbox"]
            assert x >= 0 and x + w <= page["width"] and y >= 0 and y + h <= page["height"], o
print("# named again:", named)
assert named > 0
PY
    ok $? "$layout: every span or era cut at a page's start is named on that page"
done
run 0 "... the names are real text in the PDF" -- "$HOC" --layout lanes --page A4 --landscape \
    --page-scale uniform -o "$WORK/pages.pdf"
if command -v pdftotext >/dev/null; then
    pdftotext -f 7 -l 7 "$WORK/pages.pdf" "$WORK/p7.txt"
    grep -q "ARPANET in service.*(continued)" "$WORK/p7.txt"
    ok $? "page 7 names the ARPANET bar it continues"
else
    skip "page 7 names the ARPANET bar" "pdftotext not installed"
fi

done_testing
