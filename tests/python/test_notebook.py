"""A chart shows itself in Jupyter: tests/python/example.ipynb executed with
`jupyter nbconvert --to notebook --execute` holds each chart as image/svg+xml (and no PNG), with
ids of its own per chart, and the SVG is the command line's. Skipped without nbconvert, a
Python kernel or pandas (Debian: jupyter-nbconvert python3-ipykernel python3-pandas)."""

import json
import os
import re
import subprocess
import sys
import unittest

import tlpytest
from tlpytest import SAMPLE, run_cli

NOTEBOOK = os.path.join(tlpytest.HERE, "example.ipynb")


def missing():
    """What is missing to execute the notebook, or None."""
    for module in ("nbconvert", "nbclient", "ipykernel", "pandas"):
        if not tlpytest.has_module(module):
            return f"no {module} for {sys.executable}"
    return None


@unittest.skipIf(missing(), missing())
class Notebook(tlpytest.TempDirTestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = __import__("tempfile").mkdtemp(prefix="tl-nb-")
        env = dict(os.environ,
                   # Jupyter's and IPython's own files go to the temporary folder, not $HOME.
                   JUPYTER_RUNTIME_DIR=os.path.join(cls.tmpdir, "runtime"),
                   IPYTHONDIR=os.path.join(cls.tmpdir, "ipython"),
                   JUPYTER_PLATFORM_DIRS="1",
                   # ipykernel's debugger warns about frozen modules on every start.
                   PYDEVD_DISABLE_FILE_VALIDATION="1")
        # The notebook runs in its own folder, where its paths to data/samples start.
        cls.nbconvert = subprocess.run(
            [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
             "--ExecutePreprocessor.timeout=300", "--output-dir", cls.tmpdir,
             "--output", "executed", NOTEBOOK],
            env=env, capture_output=True, text=True, timeout=600)
        path = os.path.join(cls.tmpdir, "executed.ipynb")
        cls.executed = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                cls.executed = json.load(f)

    @classmethod
    def tearDownClass(cls):
        __import__("shutil").rmtree(cls.tmpdir, True)

    def outputs(self, cell_id):
        self.assertIsNotNone(self.executed, self.nbconvert.stderr)
        cell = next(c for c in self.executed["cells"] if c.get("id") == cell_id)
        return cell["outputs"]

    def svg_of(self, cell_id):
        outputs = [o for o in self.outputs(cell_id) if o["output_type"] == "execute_result"]
        self.assertEqual(len(outputs), 1)
        data = outputs[0]["data"]
        self.assertIn("image/svg+xml", data)
        self.assertNotIn("image/png", data)  # not stored twice
        svg = data["image/svg+xml"]
        return "".join(svg) if isinstance(svg, list) else svg

    def test_executed(self):
        self.assertEqual(self.nbconvert.returncode, 0, self.nbconvert.stderr)
        for cell in self.executed["cells"]:
            for output in cell.get("outputs", []):
                self.assertNotEqual(output["output_type"], "error", output)
                self.assertNotEqual(output.get("name"), "stderr", output)

    def test_charts_are_svg(self):
        for cell_id in ("dataframe", "file"):
            with self.subTest(cell=cell_id):
                svg = self.svg_of(cell_id)
                self.assertTrue(svg.startswith("<svg"), svg[:80])
                self.assertIn("<use", svg)

    def test_ids_of_their_own(self):
        first = set(re.findall(r'\sid="([^"]+)"', self.svg_of("dataframe")))
        second = set(re.findall(r'\sid="([^"]+)"', self.svg_of("file")))
        self.assertTrue(first and second)
        self.assertFalse(first & second)

    def test_svg_is_the_command_lines(self):
        svg = self.svg_of("file")
        prefix = re.search(r'\sid="(tl\d+-)', svg).group(1)
        status, expected, err = run_cli(SAMPLE, "--layout", "lanes", "--theme", "print",
                                        "--width", "640", "-T", "svg", "-o", "-")
        self.assertEqual(status, 0, err)
        expected = expected.decode("utf-8").split("?>", 1)[1].lstrip()
        self.assertEqual(svg.replace(prefix, ""), expected)

    def test_other_results(self):
        outputs = self.outputs("bytes")
        text = "".join(outputs[0]["data"]["text/plain"])
        self.assertRegex(text, r"^\(\d+, [\d.]+, \[\]\)$")


if __name__ == "__main__":
    tlpytest.main()
