"""The same chart for comparison, with matplotlib: every event as a point on a time axis, its
title beside it, a row per group.  /usr/bin/python3 bench/timeline_mpl.py events.csv chart.svg"""
import csv
import datetime
import sys
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

GROUPS = ["Research", "Engineering", "Operations", "Policy", "Community"]


def main(src, out):
    xs, ys, titles = [], [], []
    with open(src, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            xs.append(datetime.date.fromisoformat(row["start"]))
            ys.append(GROUPS.index(row["group"]) if row["group"] in GROUPS else len(GROUPS))
            titles.append(row["title"])
    fig, ax = plt.subplots(figsize=(12.5, 8.33), dpi=96)
    ax.scatter(xs, ys, s=6)
    for x, y, t in zip(xs, ys, titles):
        ax.annotate(t, (x, y), xytext=(3, 0), textcoords="offset points", fontsize=6,
                    va="center")
    ax.set_yticks(range(len(GROUPS)), GROUPS)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    fig.savefig(out)


if __name__ == "__main__":
    warnings.filterwarnings("ignore")  # glyphs its default font lacks (Hindi, Japanese)
    main(sys.argv[1], sys.argv[2])
