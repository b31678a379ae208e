#!/usr/bin/env python3
"""Writes a project plan of N tasks for the plan benchmark (bench/plan.sh): tasks in 20
groups (--groups), each after two earlier tasks (so N tasks have about 2 N dependencies, of every link
type), with durations of 1 to 10 days and a start relative to the first of them. Deterministic
for a seed; standard library only.

Usage: gen_plan.py N [--groups G] [--seed S] [-o FILE]"""
import argparse
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--groups", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    out.write("id,title,group,start,duration,depends,progress\n")
    types = ["FS", "FS", "FS", "SS", "FF"]
    for i in range(args.n):
        group = f"Team {i % args.groups + 1:02d}"
        duration = f"{rng.randint(1, 10)}d"
        progress = rng.choice(["", "0", "25", "50", "100"])
        if i < args.groups:
            out.write(f"t{i},Task {i},{group},2025-01-06,{duration},,{progress}\n")
            continue
        # Predecessors from the last few hundred tasks: a plan's dependencies are local.
        lo = max(0, i - 400)
        a, b = rng.sample(range(lo, i), 2)
        t = rng.choice(types)
        lag = rng.choice(["", "", "+1d", "+2d", "-1d"])
        out.write(f"t{i},Task {i},{group},after t{a},{duration},\"t{b} {t}{lag}\",{progress}\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
