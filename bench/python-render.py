#!/usr/bin/env python3
"""How long the Python module takes to draw a chart: the first chart of a process (which sets
the fonts up), then the median of N charts per format in the same process (each a new
timeline.Chart: read, laid out and drawn, sharing the first chart's fonts), from a file, from
CSV text and, with pandas, from a DataFrame; and, for scale, the command line run as a process
per chart. A benchmark to run by hand, not a test: timings depend on the machine.

    PYTHONPATH=build/python /usr/bin/python3 bench/python-render.py
    PYTHONPATH=build/python /usr/bin/python3 bench/python-render.py -n 200 events.csv

Writes one line per measurement: what, the median in milliseconds, the runs.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "data", "samples", "india-japan-2019-2020.csv")


def median_ms(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def report(what, ms, runs):
    print(f"{what:<44} {ms:8.2f} ms  (median of {runs})" if runs > 1 else
          f"{what:<44} {ms:8.2f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="?", default=SAMPLE, help="a CSV file (the sample)")
    parser.add_argument("-n", "--runs", type=int, default=100, help="charts per measurement")
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "build", "timeline"),
                        help="the command line to compare with (build/timeline)")
    args = parser.parse_args()

    t = time.perf_counter()
    import timeline
    report("import timeline", (time.perf_counter() - t) * 1000, 1)

    t = time.perf_counter()
    timeline.render(args.input, "svg")
    report("first chart, SVG (fonts set up)", (time.perf_counter() - t) * 1000, 1)

    for fmt in ("svg", "png", "pdf"):
        ms = median_ms(lambda: timeline.render(args.input, fmt), args.runs)
        report(f"render(path, \"{fmt}\")", ms, args.runs)

    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    report("render(csv_text, \"svg\")",
           median_ms(lambda: timeline.render(text, "svg"), args.runs), args.runs)

    chart = timeline.Chart(args.input)
    report("Chart(path) (read and laid out)",
           median_ms(lambda: timeline.Chart(args.input), args.runs), args.runs)
    report("chart.to_svg() of a laid-out chart, uncached",
           median_ms(lambda: (chart._cache.clear(), chart.to_svg()), args.runs), args.runs)

    try:
        import pandas as pd
    except ImportError:
        print("(no pandas: DataFrame not measured)")
    else:
        df = pd.read_csv(args.input)
        report("render(DataFrame, \"svg\")",
               median_ms(lambda: timeline.render(df, "svg"), args.runs), args.runs)

    if os.access(args.cli, os.X_OK):
        runs = min(args.runs, 30)
        ms = median_ms(lambda: subprocess.run([args.cli, args.input, "-T", "svg", "-o", "-"],
                                              stdout=subprocess.DEVNULL, check=True), runs)
        report("the command line, a process per chart, SVG", ms, runs)
    else:
        print(f"({args.cli} not found: the command line not measured)")


if __name__ == "__main__":
    sys.exit(main())
