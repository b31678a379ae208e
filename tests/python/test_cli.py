"""The module gives the command line's bytes for the same options: SVG, PNG and PDF, from a
path, from text and from a file the module writes, for a few option sets; and the same exit
codes for the same failures."""

import os

import tlpytest
from tlpytest import SAMPLE, SAMPLE_JA, SAMPLES, run_cli

import timeline

# (name, source, keyword arguments, the command line's arguments)
CASES = [
    ("default", SAMPLE, {}, []),
    ("lanes", SAMPLE, {"layout": "lanes"}, ["--layout", "lanes"]),
    ("print", SAMPLE, {"theme": "print"}, ["--theme", "print"]),
    ("A4", SAMPLE, {"page": "A4", "landscape": True}, ["--page", "A4", "--landscape"]),
    ("ja", SAMPLE_JA, {"locale": "ja"}, ["--locale", "ja"]),
    ("many", SAMPLE,
     {"layout": "lanes", "theme": "print", "title": "India–Japan relations, 2019–2020",
      "tiers": ["year", "quarter"], "width": 640, "today": "2020-06-01", "dpi": 120,
      "pdf_author": "A. Author"},
     ["--layout", "lanes", "--theme", "print", "--title", "India–Japan relations, 2019–2020",
      "--tiers", "year,quarter", "--width", "640", "--today", "2020-06-01", "--dpi", "120",
      "--pdf-author", "A. Author"]),
    ("plan", os.path.join(SAMPLES, "release-plan.csv"),
     {"layout": "lanes", "workdays": "Mon-Fri", "critical_path": True,
      "holidays": os.path.join(SAMPLES, "release-holidays.txt")},
     ["--layout", "lanes", "--workdays", "Mon-Fri", "--critical-path",
      "--holidays", os.path.join(SAMPLES, "release-holidays.txt")]),
    ("gantt", os.path.join(SAMPLES, "release-plan.mmd"), {}, []),
]


class SameBytes(tlpytest.TempDirTestCase):
    def cli(self, source, args, fmt):
        status, out, err = run_cli(source, *args, "-T", fmt, "-o", "-")
        self.assertEqual(status, 0, err)
        return out

    def test_formats_and_options(self):
        for name, source, kwargs, args in CASES:
            for fmt in ("svg", "png", "pdf"):
                with self.subTest(case=name, format=fmt):
                    expected = self.cli(source, args, fmt)
                    self.assertEqual(timeline.render(source, fmt, **kwargs), expected)

    def test_written_files(self):
        for fmt in ("svg", "png", "pdf", "ps", "eps", "json"):
            with self.subTest(format=fmt):
                mine, theirs = self.path("py." + fmt), self.path("cli." + fmt)
                timeline.render(SAMPLE, mine, layout="lanes")
                status, _, err = run_cli(SAMPLE, "--layout", "lanes", "-o", theirs)
                self.assertEqual(status, 0, err)
                with open(mine, "rb") as a, open(theirs, "rb") as b:
                    self.assertEqual(a.read(), b.read())

    def test_text_and_stdin(self):
        with open(SAMPLE, "rb") as f:
            data = f.read()
        status, expected, err = run_cli("-", "-T", "svg", "-o", "-", input=data)
        self.assertEqual(status, 0, err)
        self.assertEqual(timeline.render(data, "svg"), expected)
        self.assertEqual(timeline.render(data.decode("utf-8"), "svg"), expected)

    def test_style_file(self):
        style = self.path("report.style")
        with open(style, "w", encoding="utf-8") as f:
            f.write("[chart]\ntheme = print\nlayout = lanes\n[palette]\ngroup.Japan = #D55E00\n")
        expected = self.cli(SAMPLE, ["-c", style, "-S", "chart.title=Styled", "--width", "700"],
                            "svg")
        self.assertEqual(timeline.render(SAMPLE, "svg", config=style,
                                         set={"chart.title": "Styled"}, width=700), expected)

    def test_print_config(self):
        status, out, err = run_cli(SAMPLE, "--layout", "lanes", "--page", "A4", "--print-config")
        self.assertEqual(status, 0, err)
        self.assertEqual(timeline.Chart(SAMPLE, layout="lanes", page="A4").config,
                         out.decode("utf-8"))

    def test_same_exit_codes(self):
        bad_row = self.path("bad-row.csv")
        with open(bad_row, "w", encoding="utf-8") as f:
            f.write("start,title\n2020-13,x\n2021,y\n")
        cases = [
            ({"layout": "zigzag"}, ["--layout", "zigzag"], SAMPLE),
            ({}, [], self.path("missing.csv")),
            ({"font": "No Such Family Anywhere"}, ["--font", "No Such Family Anywhere"], SAMPLE),
            ({"strict": True}, ["--strict"], bad_row),
        ]
        for kwargs, args, source in cases:
            with self.subTest(args=args):
                status, _, _ = run_cli(source, *args, "-o", self.path("out.svg"))
                with self.assertRaises(timeline.Error) as cm:
                    timeline.render(source, self.path("out.svg"), **kwargs)
                self.assertEqual(cm.exception.code, status)
        # The same message for a bad value, but for the option's spelling.
        status, _, err = run_cli(SAMPLE, "--layout", "zigzag", "-o", self.path("x.svg"))
        with self.assertRaises(timeline.Error) as cm:
            timeline.render(SAMPLE, "svg", layout="zigzag")
        self.assertIn(cm.exception.message.split(": ", 1)[1], err)


if __name__ == "__main__":
    tlpytest.main()
