#!/usr/bin/env python3
"""How evenly a chart's labels cover its time range, read from its scene JSON (-T json).

    timeline --layout lanes -T json -o chart.json events.csv
    python3 bench/label-spread.py chart.json [more.json ...]

A label hangs at its event's anchor: a point's instant (the middle of its date) or a span's
start. For each scene: the events labelled, the longest stretch of time with no labelled
anchor (as a share of the range of every event's anchor, labelled or not), and that stretch
against an even spread (range / labels): 1.0 is perfectly even; the target is at most 3.
Exit status 1 when a scene misses it. Standard library only.
"""
import json
import sys
from datetime import datetime


def instant(t):
    """Seconds since 1970 of an ISO time from the scene ("2019-11-04T00:00:00Z")."""
    text = t.rstrip("Z")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("-+")
    date, _, clock = text.partition("T")
    y, m, d = (int(p) for p in date.split("-"))
    if sign < 0 or y < 1 or y > 9999:
        # Deep time: years only are accurate enough for a share of the range.
        return sign * y * 365.2425 * 86400
    h, mi, s = (int(float(p)) for p in (clock or "0:0:0").split(":"))
    return (datetime(y, m, d, h, mi, s) - datetime(1970, 1, 1)).total_seconds()


def anchor(ev):
    lo = instant(ev["start"]["lo"])
    if ev.get("end"):
        return lo
    return (lo + instant(ev["start"]["hi"])) / 2


def spread(scene):
    anchors = [anchor(ev) for ev in scene["events"]]
    labelled = sorted(a for a, ev in zip(anchors, scene["events"]) if ev.get("placed"))
    lo, hi = min(anchors), max(anchors)
    rng = hi - lo or 1
    marks = [lo] + labelled + [hi]
    gap = max(b - a for a, b in zip(marks, marks[1:]))
    n = len(labelled)
    even = rng / n if n else rng
    return n, gap / rng, gap / even


def main(paths):
    print(f"{'scene':40} {'labels':>7} {'longest gap':>12} {'vs even':>8}")
    worst = 0.0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            n, share, ratio = spread(json.load(f))
        worst = max(worst, ratio)
        print(f"{path[-40:]:40} {n:7d} {share * 100:11.1f}% {ratio:8.2f}")
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
