"""timeline.Error (code, meaning, path, line, column) for every kind of failure, the options
that are not chart options, and warnings through the warnings module, strict=True."""

import os
import warnings

import tlpytest
from tlpytest import SAMPLE

import timeline

BAD_ROW = "start,title\n2020-13,Thirteenth month\n2021,Fine\n"


class Errors(tlpytest.TempDirTestCase):
    def error(self, *args, **kwargs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", timeline.TimelineWarning)  # rows skipped
            with self.assertRaises(timeline.Error) as cm:
                timeline.render(*args, **kwargs)
        e = cm.exception
        self.assertIsInstance(e, Exception)
        self.assertEqual(str(e), e.message)
        return e

    def test_unknown_option(self):
        e = self.error(SAMPLE, "svg", layuot="lanes")
        self.assertEqual((e.code, e.meaning), (64, "usage"))
        self.assertIn("layuot", e.message)
        self.assertIn("did you mean layout?", e.message)
        e = self.error(SAMPLE, "svg", col_strat="When")
        self.assertIn("col_start", e.message)
        e = self.error(SAMPLE, "svg", **{"col-start": "When"})
        self.assertIn("col_start", e.message)

    def test_bad_value(self):
        e = self.error(SAMPLE, "svg", layout="zigzag")
        self.assertEqual(e.code, 64)
        self.assertTrue(e.message.startswith("layout='zigzag': "), e.message)
        self.assertIn("ribbon, lanes, vertical", e.message)
        e = self.error(SAMPLE, "svg", width=-5)
        self.assertEqual(e.code, 64)
        self.assertIn("width=-5", e.message)
        e = self.error(SAMPLE, "svg", title=True)
        self.assertEqual(e.code, 64)
        e = self.error(SAMPLE, "svg", set={"theme": "nope"})
        self.assertEqual(e.code, 64)
        self.assertIn("nope", e.message)

    def test_wrong_python_types(self):
        with self.assertRaises(TypeError):
            timeline.render(SAMPLE, "svg", title={"a": 1})
        with self.assertRaises(TypeError):
            timeline.render(SAMPLE, "svg", landscape=[True])

    def test_front_end_options(self):
        for keyword in ("output", "format", "check", "quiet", "verbose", "watch",
                        "output_by_input", "print_config", "list_themes", "help", "version",
                        "completion"):
            with self.subTest(keyword=keyword):
                with self.assertRaises(timeline.Error) as cm:
                    timeline.Chart(SAMPLE, **{keyword: True})
                self.assertEqual(cm.exception.code, 64)
                self.assertIn(f"{keyword} is not a chart option", cm.exception.message)
        with self.assertRaises(timeline.Error) as cm:
            timeline.Chart(SAMPLE, quiet=True)
        self.assertIn("TimelineWarning", cm.exception.message)

    def test_no_input(self):
        missing = self.path("missing.csv")
        e = self.error(missing, "svg")
        self.assertEqual((e.code, e.meaning), (66, "no input"))
        self.assertEqual(e.path, missing)
        self.assertIn(missing, e.message)

    def test_bad_data(self):
        e = self.error("when,what\n2020,Something\n", "svg")
        self.assertEqual((e.code, e.meaning), (65, "data"))
        self.assertEqual(e.path, "<string>")
        self.assertEqual(e.line, 1)
        self.assertIn('no "title" column', e.message)
        self.assertIn("found: when, what", e.message)
        # Nothing to draw.
        e = self.error("start,title\n2020-13,x\n", "svg")
        self.assertEqual(e.code, 65)
        e = self.error(b"start,title\n\xff\xfe,x\n", "svg")
        self.assertEqual(e.code, 65)
        self.assertEqual(e.path, "<bytes>")
        self.assertEqual((e.line, e.column), (2, 1))

    def test_records_position(self):
        e = self.error([], "svg")
        self.assertEqual(e.code, 65)
        self.assertIn("<records>", e.message)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            timeline.render([{"start": "2020", "title": "a"}, {"start": "2020-13", "title": "b"}],
                            "svg")
        self.assertEqual([str(w.message) for w in caught],
                         ['<records>[1]: invalid date "2020-13" in column "start": '
                          'month 13 out of range'])

    def test_cannot_create(self):
        out = self.path(os.path.join("no-such-folder", "chart.svg"))
        e = self.error(SAMPLE, out)
        self.assertEqual((e.code, e.meaning), (73, "cannot create"))
        self.assertFalse(os.path.exists(out))

    def test_fonts(self):
        e = self.error(SAMPLE, "svg", font="No Such Family Anywhere")
        self.assertEqual((e.code, e.meaning), (78, "config"))
        e = self.error(SAMPLE, "svg", font_dir=self.tmp)  # a folder with no fonts
        self.assertEqual(e.code, 78)

    def test_style_file_errors(self):
        e = self.error(SAMPLE, "svg", config=self.path("missing.style"))
        self.assertEqual(e.code, 66)
        style = self.path("bad.style")
        with open(style, "w", encoding="utf-8") as f:
            f.write("[chart]\nlayout = zigzag\n")
        e = self.error(SAMPLE, "svg", config=style)
        self.assertEqual(e.code, 64)
        self.assertIn("bad.style", e.message)

    def test_meanings(self):
        for code, meaning in ((1, "internal"), (64, "usage"), (65, "data"), (66, "no input"),
                              (73, "cannot create"), (74, "i/o"), (78, "config")):
            self.assertEqual(timeline.Error("x", code).meaning, meaning)
        e = timeline.Error("m", 65, "f.csv", 3, 4)
        self.assertEqual((e.path, e.line, e.column, e.row), ("f.csv", 3, 4, None))
        self.assertIsNone(timeline.Error("m", 65, None, 0, 0).line)

    def test_pickled(self):
        import pickle
        e = pickle.loads(pickle.dumps(timeline.Error("m", 66, "f.csv", 3, 4, "r", ["w"])))
        self.assertEqual((e.message, e.code, e.path, e.line, e.column, e.row, e.warnings),
                         ("m", 66, "f.csv", 3, 4, "r", ["w"]))


class Warnings(tlpytest.TempDirTestCase):
    def test_one_warning_per_message(self):
        text = "start,title\n2020-13,a\n2020-14,b\n2021,c\n"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chart = timeline.Chart(text)
        self.assertEqual(len(caught), 2)
        self.assertTrue(all(w.category is timeline.TimelineWarning for w in caught))
        self.assertTrue(issubclass(timeline.TimelineWarning, UserWarning))
        self.assertEqual([str(w.message) for w in caught], chart.warnings)
        self.assertTrue(chart.warnings[0].startswith("<string>:2:1: invalid date"))
        # Pointed at the caller's line, not the module's.
        self.assertEqual(caught[0].filename, __file__)

    def test_render_points_at_caller(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            timeline.render(BAD_ROW, "svg")
        self.assertEqual(caught[0].filename, __file__)

    def test_layout_warnings(self):
        # Events outside the window: a warning of the layout.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chart = timeline.Chart(SAMPLE, from_="2020-06")
        self.assertTrue(chart.warnings)
        self.assertEqual(len(caught), len(chart.warnings))

    def test_silenced(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", timeline.TimelineWarning)
            chart = timeline.Chart(BAD_ROW)
        self.assertEqual(len(chart.warnings), 1)

    def test_as_errors(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error", timeline.TimelineWarning)
            with self.assertRaises(timeline.TimelineWarning):
                timeline.Chart(BAD_ROW)

    def test_strict(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with self.assertRaises(timeline.Error) as cm:
                timeline.render(BAD_ROW, self.path("chart.svg"), strict=True)
        e = cm.exception
        self.assertEqual((e.code, e.meaning), (65, "data"))
        self.assertIn("strict", e.message)
        self.assertIn("invalid date", e.message)
        self.assertEqual(len(e.warnings), 1)
        self.assertEqual(caught, [])  # in the error, not given twice
        self.assertFalse(os.path.exists(self.path("chart.svg")))
        # No warning, no error.
        self.assertTrue(timeline.render(SAMPLE, "svg", strict=True))

    def test_option_warnings(self):
        # A text option that is not UTF-8, repaired: the job's warning.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chart = timeline.Chart(SAMPLE, title="caf\udce9", repair_utf8=True)
        self.assertEqual(len(chart.warnings), 1, chart.warnings)
        self.assertIn("U+FFFD", chart.warnings[0])
        self.assertEqual(len(caught), 1)
        e = None
        try:
            timeline.Chart(SAMPLE, title="caf\udce9")
        except timeline.Error as err:
            e = err
        self.assertIsNotNone(e)
        self.assertEqual(e.code, 64)


if __name__ == "__main__":
    tlpytest.main()
