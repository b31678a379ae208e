"""What the Python module's tests share: paths, the command line to compare with, and a main
that maps "everything skipped" to exit 77, which meson reports as SKIP.

The tests run under the interpreter tests/python/meson.build names (Debian's /usr/bin/python3,
which has pandas and Jupyter when scripts/deps.sh installed them), with the environment of
tests/meson.build: TZ, LC_ALL, SOURCE_DATE_EPOCH, FONTCONFIG_FILE (the fonts in tests/fonts)
and PYTHONPATH=build/python. Run one by hand from the source root:

    PYTHONPATH=build/python FONTCONFIG_FILE=tests/fonts/fonts.conf SOURCE_DATE_EPOCH=1600000000 \\
        /usr/bin/python3 tests/python/test_render.py build/timeline
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(SRCDIR, "data", "samples")
SAMPLE = os.path.join(SAMPLES, "india-japan-2019-2020.csv")
SAMPLE_JA = os.path.join(SAMPLES, "india-japan-2019-2020-ja.csv")


def timeline_program():
    """The command line to compare with: the first argument, else TIMELINE, else the build
    tree beside the source (build/timeline)."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if args:
        return args[0]
    return os.environ.get("TIMELINE") or os.path.join(SRCDIR, "build", "timeline")


def run_cli(*args, input=None):
    """Runs the command line; returns (status, stdout bytes, stderr text)."""
    p = subprocess.run([timeline_program(), *args], input=input, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def has_module(name):
    try:
        __import__(name)
        return True
    except ImportError:
        return False


class TempDirTestCase(unittest.TestCase):
    """A test case with a fresh temporary folder, self.tmp, removed afterwards."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="tl-py-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def path(self, name):
        return os.path.join(self.tmp, name)


def main():
    """Runs the tests of the calling module: exit 0 when they pass, 1 when any fails, 77 when
    every one was skipped (a missing pandas or Jupyter)."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules["__main__"])
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    if not result.wasSuccessful():
        sys.exit(1)
    if result.testsRun and len(result.skipped) == result.testsRun:
        sys.exit(77)
    sys.exit(0)
