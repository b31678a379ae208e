"""timeline.render() and timeline.Chart(): every kind of source and output, the options in
Python spelling, the chart's properties, the notebook representations, font sharing and
threads. Byte comparisons with the command line are in test_cli.py."""

import datetime
import io
import json
import os
import pathlib
import re
import threading
import warnings

import tlpytest
from tlpytest import SAMPLE, SAMPLES

import timeline

SAMPLE_TEXT = open(SAMPLE, encoding="utf-8").read()
SMALL_CSV = "start,end,title,group\n2020-01,2020-03,Planning,Work\n2020-05-04,,Launch,Work\n"


class Sources(tlpytest.TempDirTestCase):
    """Every kind of source draws the chart of the sample file."""

    @classmethod
    def setUpClass(cls):
        cls.expected = timeline.render(SAMPLE, "svg")

    def test_path_str(self):
        self.assertTrue(self.expected.startswith(b"<?xml"))
        self.assertIn(b"<svg", self.expected)

    def test_path_pathlike(self):
        self.assertEqual(timeline.render(pathlib.Path(SAMPLE), "svg"), self.expected)

    def test_csv_text(self):
        self.assertEqual(timeline.render(SAMPLE_TEXT, "svg"), self.expected)

    def test_bytes(self):
        with open(SAMPLE, "rb") as f:
            data = f.read()
        self.assertEqual(timeline.render(data, "svg"), self.expected)
        self.assertEqual(timeline.render(bytearray(data), "svg"), self.expected)

    def test_open_file(self):
        with open(SAMPLE, "rb") as f:
            self.assertEqual(timeline.render(f, "svg"), self.expected)
        self.assertEqual(timeline.render(io.StringIO(SAMPLE_TEXT), "svg"), self.expected)

    def test_list_of_dicts(self):
        with open(os.path.join(SAMPLES, "india-japan-2019-2020.json"), encoding="utf-8") as f:
            records = json.load(f)
        self.assertEqual(timeline.render(records, "svg"), self.expected)
        # Any iterable of dicts.
        self.assertEqual(timeline.render(iter(records), "svg"), self.expected)

    def test_list_of_dicts_values(self):
        # Dates, numbers, None and NaN become what the JSON reader reads.
        records = [
            {"start": datetime.date(2020, 1, 1), "end": datetime.date(2020, 3, 1),
             "title": "Planning", "importance": 4.0},
            {"start": datetime.datetime(2020, 5, 4), "title": "Launch", "end": None,
             "importance": float("nan")},
            {"start": 2021, "title": "Review"},
        ]
        chart = timeline.Chart(records)
        self.assertEqual(chart.warnings, [])
        events = chart.scene["events"]
        self.assertEqual(len(events), 3)

    def test_other_formats_by_content(self):
        for name in ("india-japan-2019-2020.jsonl", "india-japan-2019-2020.mmd",
                     "india-japan-2019-2020.mw"):
            with self.subTest(name=name):
                path = os.path.join(SAMPLES, name)
                with open(path, "rb") as f:
                    data = f.read()
                self.assertEqual(timeline.render(data, "json"), timeline.render(path, "json"))

    def test_bad_source_type(self):
        with self.assertRaises(TypeError):
            timeline.render(42, "svg")
        with self.assertRaises(TypeError):
            timeline.render({"start": "2020", "title": "x"}, "svg")
        with self.assertRaises(TypeError):
            timeline.render([{"start": "2020", "title": "x"}, "not a dict"], "svg")


class Outputs(tlpytest.TempDirTestCase):
    """render()'s outputs: a path, a format name, an open file."""

    def test_path_by_extension(self):
        for ext, magic in (("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF"),
                           ("json", b"{"), ("ps", b"%!PS"), ("eps", b"%!PS")):
            with self.subTest(ext=ext):
                out = self.path("chart." + ext)
                self.assertIsNone(timeline.render(SAMPLE, out))
                with open(out, "rb") as f:
                    self.assertTrue(f.read().startswith(magic))

    def test_path_with_format(self):
        out = self.path("chart.out")
        timeline.render(SAMPLE, out, format="png")
        with open(out, "rb") as f:
            self.assertEqual(f.read(), timeline.render(SAMPLE, "png"))
        timeline.render(SAMPLE, pathlib.Path(self.path("chart2.bin")), format="pdf")
        self.assertTrue(os.path.exists(self.path("chart2.bin")))

    def test_format_name_returns_bytes(self):
        for fmt, magic in (("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF"),
                           ("json", b"{"), ("ps", b"%!PS"), ("eps", b"%!PS"), ("SVG", b"<?xml")):
            with self.subTest(fmt=fmt):
                self.assertTrue(timeline.render(SAMPLE, fmt).startswith(magic))

    def test_no_output(self):
        self.assertEqual(timeline.render(SAMPLE), timeline.render(SAMPLE, "svg"))
        self.assertEqual(timeline.render(SAMPLE, format="png"), timeline.render(SAMPLE, "png"))

    def test_open_file(self):
        buf = io.BytesIO()
        timeline.render(SAMPLE, buf, format="pdf")
        self.assertTrue(buf.getvalue().startswith(b"%PDF"))
        with open(self.path("by-name.png"), "wb") as f:
            timeline.render(SAMPLE, f)  # the format from the file's name
        with open(self.path("by-name.png"), "rb") as f:
            self.assertTrue(f.read().startswith(b"\x89PNG"))
        with open(self.path("no-extension"), "wb") as f:
            timeline.render(SAMPLE, f)  # SVG
        with open(self.path("no-extension"), "rb") as f:
            self.assertTrue(f.read().startswith(b"<?xml"))

    def test_unknown_extension(self):
        with self.assertRaises(timeline.Error) as cm:
            timeline.render(SAMPLE, self.path("chart.xyz"))
        self.assertEqual(cm.exception.code, 64)
        self.assertIn("format=", cm.exception.message)
        self.assertFalse(os.path.exists(self.path("chart.xyz")))

    def test_unknown_format(self):
        with self.assertRaises(timeline.Error) as cm:
            timeline.render(SAMPLE, self.path("chart.svg"), format="gif")
        self.assertEqual(cm.exception.code, 64)


class ChartObject(tlpytest.TempDirTestCase):
    """Chart's methods and properties."""

    def setUp(self):
        super().setUp()
        self.chart = timeline.Chart(SAMPLE, layout="lanes")

    def test_formats(self):
        c = self.chart
        self.assertEqual(c.to_svg(), timeline.render(SAMPLE, "svg", layout="lanes"))
        self.assertEqual(c.to_png(), timeline.render(SAMPLE, "png", layout="lanes"))
        self.assertEqual(c.to_pdf(), timeline.render(SAMPLE, "pdf", layout="lanes"))
        self.assertEqual(c.to_bytes("eps"), timeline.render(SAMPLE, "eps", layout="lanes"))
        self.assertIsInstance(c.to_svg(), bytes)

    def test_save(self):
        self.chart.save(self.path("a.png"))
        self.chart.save(pathlib.Path(self.path("b")), format="svg")
        with open(self.path("a.png"), "rb") as f:
            self.assertEqual(f.read(), self.chart.to_png())
        with open(self.path("b"), "rb") as f:
            self.assertEqual(f.read(), self.chart.to_svg())

    def test_scene(self):
        scene = self.chart.scene
        self.assertIsInstance(scene, dict)
        self.assertEqual(scene, json.loads(timeline.render(SAMPLE, "json", layout="lanes")))
        self.assertEqual(len(scene["events"]), 9)
        self.assertIn("width", scene)

    def test_warnings_and_notes(self):
        self.assertEqual(self.chart.warnings, [])
        self.assertIn("profile: timeline", self.chart.notes)
        self.chart.warnings.append("x")  # a copy
        self.assertEqual(self.chart.warnings, [])

    def test_config(self):
        config = self.chart.config
        self.assertIn("[chart]", config)
        self.assertIn("layout=lanes", config)
        # The style text gives the same chart back.
        style = self.path("report.style")
        with open(style, "w", encoding="utf-8") as f:
            f.write(config)
        self.assertEqual(timeline.render(SAMPLE, "svg", config=style), self.chart.to_svg())

    def test_repr_svg(self):
        svg = self.chart._repr_svg_()
        self.assertIsInstance(svg, str)
        self.assertTrue(svg.startswith("<svg"))
        # Ids of its own, references following them, text untouched.
        ids = re.findall(r'\sid="([^"]+)"', svg)
        self.assertTrue(ids)
        prefix = ids[0].split("-")[0] + "-"
        self.assertTrue(all(i.startswith(prefix) for i in ids))
        self.assertTrue(all(r.startswith(prefix)
                            for r in re.findall(r'href="#([^"]+)"', svg)))
        self.assertIn(f'aria-labelledby="{prefix}chart-title {prefix}chart-desc"', svg)
        stripped = svg.replace(prefix, "")
        self.assertEqual(stripped, self.chart.to_svg().decode().split("?>", 1)[1].lstrip())
        # Another chart, other ids; the same chart, the same ids.
        other = timeline.Chart(SAMPLE, layout="lanes")._repr_svg_()
        self.assertNotEqual(re.findall(r'\sid="([^"]+)"', other)[0], ids[0])
        self.assertEqual(self.chart._repr_svg_(), svg)

    def test_repr_png(self):
        self.assertIsNone(self.chart._repr_png_())
        self.chart.display_formats = ("png",)
        self.assertEqual(self.chart._repr_png_(), self.chart.to_png())
        self.assertIsNone(self.chart._repr_svg_())
        self.chart.display_formats = ("svg", "png")
        self.assertIsNotNone(self.chart._repr_svg_())
        self.assertIsNotNone(self.chart._repr_png_())

    def test_close(self):
        svg = self.chart.to_svg()
        with timeline.Chart(SAMPLE) as c:
            self.assertTrue(c.to_png())
        self.assertIn("closed", repr(c))
        with self.assertRaises(ValueError):
            c.to_png()
        self.assertIsNone(c._repr_svg_())
        self.chart.close()
        self.chart.close()  # twice is fine
        self.assertNotEqual(svg, b"")

    def test_repr(self):
        self.assertIn("india-japan-2019-2020.csv", repr(self.chart))

    def test_not_copied(self):
        import copy
        import pickle
        for fn in (copy.copy, copy.deepcopy, pickle.dumps):
            with self.assertRaises(TypeError):
                fn(self.chart)


class Options(tlpytest.TempDirTestCase):
    """Keyword arguments become the command line's options."""

    def config_of(self, **options):
        return timeline.Chart(SMALL_CSV, **options).config

    def test_names(self):
        config = self.config_of(layout="lanes", col_start="start", pdf_title="T", from_="2019",
                                to="2021")
        for line in ("layout=lanes", "col-start=start", "pdf-title=T", "from=2019", "to=2021"):
            self.assertIn(line, config)
        # The name itself works through a dict, for those who prefer it.
        self.assertIn("from=2019", self.config_of(**{"from": "2019"}))

    def test_flags(self):
        self.assertIn("critical-path=true", self.config_of(critical_path=True))
        self.assertIn("landscape=false", self.config_of(landscape=False))
        self.assertIn("markup=true", self.config_of(markup="yes"))

    def test_none_is_not_given(self):
        self.assertEqual(self.config_of(title=None, layout="lanes"),
                         self.config_of(layout="lanes"))

    def test_numbers_and_dates(self):
        config = self.config_of(width=640, dpi=150.0, scale=1.5,
                                today=datetime.date(2020, 2, 1))
        for line in ("width=640", "dpi=150", "scale=1.5", "today=2020-02-01"):
            self.assertIn(line, config)
        self.assertIn("today=2020-02-01T10:30",
                      self.config_of(today=datetime.datetime(2020, 2, 1, 10, 30)))

    def test_lists(self):
        # A value option reads one comma-separated text.
        self.assertIn("tiers=year,quarter", self.config_of(tiers=["year", "quarter"]))
        self.assertEqual(timeline.render(SMALL_CSV, "svg", tiers=("year", "quarter")),
                         timeline.render(SMALL_CSV, "svg", tiers="year,quarter"))
        # A list option is set once per item.
        fonts = os.path.join(tlpytest.SRCDIR, "tests", "fonts")
        self.assertEqual(timeline.render(SMALL_CSV, "svg", font_dir=[fonts, fonts]),
                         timeline.render(SMALL_CSV, "svg", font_dir=fonts))

    def test_style_file_and_keys(self):
        style = self.path("report.style")
        with open(style, "w", encoding="utf-8") as f:
            f.write("[chart]\ntheme = print\ntitle = From the style file\n")
        by_file = timeline.render(SMALL_CSV, "svg", config=style)
        self.assertEqual(by_file, timeline.render(SMALL_CSV, "svg", theme="print",
                                                  title="From the style file"))
        self.assertEqual(timeline.render(SMALL_CSV, "svg", config=[pathlib.Path(style)]),
                         by_file)
        # Options win over the style file, whatever their order.
        self.assertEqual(timeline.render(SMALL_CSV, "svg", title="Mine", config=style),
                         timeline.render(SMALL_CSV, "svg", theme="print", title="Mine"))
        # set=: a dict, a list or one KEY=VALUE.
        by_dict = timeline.render(SMALL_CSV, "svg", set={"palette.group.Work": "#D55E00"})
        self.assertEqual(timeline.render(SMALL_CSV, "svg", set=["palette.group.Work=#D55E00"]),
                         by_dict)
        self.assertEqual(timeline.render(SMALL_CSV, "svg", set="palette.group.Work=#D55E00"),
                         by_dict)
        self.assertNotEqual(by_dict, timeline.render(SMALL_CSV, "svg"))

    def test_render_options(self):
        # dpi and svg_text are options of the job, used when drawing.
        small = timeline.render(SMALL_CSV, "png", dpi=48)
        large = timeline.render(SMALL_CSV, "png", dpi=192)
        self.assertLess(len(small), len(large))
        self.assertIn(b"<text", timeline.render(SMALL_CSV, "svg", svg_text=True))

    def test_options_table(self):
        table = {o.keyword: o for o in timeline.options()}
        self.assertEqual(table["layout"].name, "layout")
        self.assertEqual(table["col_start"].name, "col-start")
        self.assertEqual(table["from_"].name, "from")
        self.assertEqual(table["critical_path"].kind, "flag")
        self.assertEqual(table["font_dir"].kind, "list")
        self.assertTrue(table["output"].front_end)
        self.assertFalse(table["theme"].front_end)
        self.assertTrue(table["layout"].help)


class FontsAndThreads(tlpytest.TempDirTestCase):
    """Charts share one font context; threads each have their own and get the same bytes."""

    def test_many_charts_same_bytes(self):
        first = timeline.render(SAMPLE, "png")
        for _ in range(5):
            self.assertEqual(timeline.render(SAMPLE, "png"), first)
        # Other fonts asked for: no sharing, and still right.
        self.assertNotEqual(timeline.render(SAMPLE, "png", font="Noto Sans 14"), first)
        self.assertEqual(timeline.render(SAMPLE, "png"), first)

    def test_font_contexts_shared(self):
        # The same fonts: one context (one lock); other fonts: another, and both kept.
        a = timeline.Chart(SAMPLE)
        b = timeline.Chart(SAMPLE, layout="lanes")
        c = timeline.Chart(SAMPLE, font="Noto Sans 14")
        d = timeline.Chart(SAMPLE)
        e = timeline.Chart(SAMPLE, font="Noto Sans 14", theme="print")
        self.assertIs(a._job.group, b._job.group)
        self.assertIsNot(a._job.group, c._job.group)
        self.assertIs(a._job.group, d._job.group)
        self.assertIs(c._job.group, e._job.group)
        # Another thread has contexts of its own.
        other = []
        t = threading.Thread(target=lambda: other.append(timeline.Chart(SAMPLE)))
        t.start()
        t.join()
        self.assertIsNot(other[0]._job.group, a._job.group)
        self.assertEqual(other[0].to_svg(), a.to_svg())

    def test_charts_outlive_each_other(self):
        charts = [timeline.Chart(SAMPLE, layout=layout)
                  for layout in ("ribbon", "lanes", "vertical", "ribbon")]
        expected = [c.to_svg() for c in charts]
        del charts[0], charts[1]  # freed out of order, while others share their fonts
        import gc
        gc.collect()
        self.assertEqual([c.to_svg() for c in charts], [expected[1], expected[3]])

    def test_threads(self):
        expected = {fmt: timeline.render(SAMPLE, fmt) for fmt in ("svg", "png", "pdf")}
        shared = timeline.Chart(SAMPLE)
        failures = []

        def work():
            try:
                for _ in range(3):
                    for fmt, data in expected.items():
                        if timeline.render(SAMPLE, fmt) != data:
                            failures.append(fmt)
                # A chart made on another thread, drawn here.
                if shared.to_bytes("png") != expected["png"]:
                    failures.append("shared")
            except Exception as e:  # reported below, not lost in the thread
                failures.append(repr(e))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])


class LibraryPath(tlpytest.TempDirTestCase):
    """TIMELINE_LIBRARY names the library; a wrong one fails the import saying so."""

    def run_python(self, env_library, code):
        import subprocess
        import sys
        env = dict(os.environ, TIMELINE_LIBRARY=env_library)
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True)

    def test_env_var(self):
        p = self.run_python(timeline.library_path, "import timeline; print(timeline.library_path)")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), timeline.library_path)

    def test_wrong_env_var(self):
        p = self.run_python(self.path("nowhere.so"), "import timeline")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError", p.stderr)
        self.assertIn("nowhere.so", p.stderr)
        self.assertIn("TIMELINE_LIBRARY", p.stderr)

    def test_version(self):
        self.assertRegex(timeline.__version__, r"^\d+\.\d+\.\d+")
        self.assertEqual(timeline.library_version, timeline.__version__)


class Docstrings(tlpytest.TempDirTestCase):
    def test_public_names_documented(self):
        for name in timeline.__all__:
            obj = getattr(timeline, name)
            if callable(obj):
                self.assertTrue(obj.__doc__ and obj.__doc__.strip(), name)
        for name in ("to_svg", "to_png", "to_pdf", "to_bytes", "save", "close", "warnings",
                     "notes", "scene", "config", "_repr_svg_", "_repr_png_"):
            self.assertTrue(getattr(timeline.Chart, name).__doc__, name)
        self.assertTrue(timeline.__doc__)


if __name__ == "__main__":
    warnings.simplefilter("error", timeline.TimelineWarning)  # none expected here
    tlpytest.main()
