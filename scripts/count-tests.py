#!/usr/bin/env python3
"""Counts TAP checks across meson test logs and prints one line: "N passed, N failed".

Each test program prints TAP; a program that failed without printing a failing check (a
crash, a sanitizer abort, a timeout) counts as one failure. Exit status 1 when anything failed
or no check ran at all."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    if path.endswith(".tap"):  # plain TAP, e.g. the fuzz run
        try:
            with open(path, encoding="utf-8") as f:
                lines = [{"stdout": f.read(), "result": "OK"}]
        except OSError as e:
            print(f"count-tests: {path}: {e.strerror}", file=sys.stderr)
            failed += 1
            continue
        for t in lines:
            out = t["stdout"]
            skips = len(re.findall(r"^ok \d+.*# SKIP", out, re.M))
            passed += len(re.findall(r"^ok \d+", out, re.M)) - skips
            skipped += skips
            failed += len(re.findall(r"^not ok \d+", out, re.M))
        continue
    try:
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
    except OSError as e:
        print(f"count-tests: {path}: {e.strerror}", file=sys.stderr)
        failed += 1
        continue
    for t in lines:
        out = t.get("stdout") or ""
        oks = len(re.findall(r"^ok \d+", out, re.M))
        skips = len(re.findall(r"^ok \d+.*# SKIP", out, re.M))
        bad = len(re.findall(r"^not ok \d+", out, re.M))
        passed += oks - skips
        skipped += skips
        failed += bad
        if t.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
            failed += 1
            print(f"count-tests: {t.get('name')}: {t.get('result')}", file=sys.stderr)

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
