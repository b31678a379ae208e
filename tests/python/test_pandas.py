"""pandas DataFrames as sources: column names as in a CSV, datetime64 columns as ISO dates
(a date when every value is at midnight), missing values as empty cells, rows named in
messages, the error naming the columns found, title cells that are not text. Skipped without
pandas."""

import datetime
import os
import unittest
import warnings

import tlpytest
from tlpytest import SAMPLE, SAMPLES, run_cli

import timeline
from timeline import _sources

try:
    import pandas as pd
except ImportError:
    pd = None


def csv_of(df, **options):
    """The CSV text the module writes for `df`."""
    return _sources.prepare(df, options).data.decode("utf-8")


@unittest.skipIf(pd is None, "pandas is not installed (python3-pandas)")
class DataFrames(tlpytest.TempDirTestCase):
    def test_sample_as_read_csv(self):
        # read_csv gives NaN for empty cells: they are empty again, and the chart the file's.
        df = pd.read_csv(SAMPLE)
        for fmt in ("svg", "png", "pdf"):
            with self.subTest(format=fmt):
                status, expected, err = run_cli(SAMPLE, "-T", fmt, "-o", "-")
                self.assertEqual(status, 0, err)
                self.assertEqual(timeline.render(df, fmt), expected)

    def test_options_and_other_sheets(self):
        path = os.path.join(SAMPLES, "roadmap.csv")
        df = pd.read_csv(path)
        args = ["--layout", "lanes", "--tiers", "year,quarter,month", "--fiscal-year-start",
                "April", "--today", "2025-01-15"]
        status, expected, err = run_cli(path, *args, "-T", "svg", "-o", "-")
        self.assertEqual(status, 0, err)
        self.assertEqual(timeline.render(df, "svg", layout="lanes",
                                         tiers=["year", "quarter", "month"],
                                         fiscal_year_start="April",
                                         today=datetime.date(2025, 1, 15)), expected)

    def test_datetime_columns(self):
        df = pd.DataFrame({
            "When": pd.to_datetime(["2020-01-01", "2020-03-05", None]),
            "Until": pd.to_datetime(["2020-01-01 10:30", "2020-03-05 11:00", None]),
            "Exact": pd.to_datetime(["2020-01-01 10:30:05", "2020-03-05 11:00:00.25", None]),
            "Event": ["a", "b", "c"],
        })
        lines = csv_of(df).splitlines()
        self.assertEqual(lines[0], "When,Until,Exact,Event")
        self.assertEqual(lines[1], "2020-01-01,2020-01-01T10:30,2020-01-01T10:30:05,a")
        self.assertEqual(lines[2], "2020-03-05,2020-03-05T11:00,2020-03-05T11:00:00,b")
        self.assertEqual(lines[3], ",,,c")  # NaT: empty

    def test_aware_datetimes(self):
        df = pd.DataFrame({
            "start": pd.to_datetime(["2020-01-01 09:00", "2020-01-02 18:30"]).tz_localize(
                "Asia/Tokyo"),
            "title": ["a", "b"],
        })
        lines = csv_of(df).splitlines()
        self.assertEqual(lines[1], "2020-01-01T09:00+09:00,a")
        # The chart is the one of the same instants in UTC.
        utc = pd.DataFrame({"start": ["2020-01-01T00:00Z", "2020-01-02T09:30Z"],
                            "title": ["a", "b"]})
        times = lambda chart: [(e["start"]["lo"], e["start"]["hi"])  # noqa: E731
                               for e in chart.scene["events"]]
        self.assertEqual(times(timeline.Chart(df)), times(timeline.Chart(utc)))

    def test_same_as_text_dates(self):
        dates = pd.DataFrame({"start": pd.to_datetime(["2019-11-04", "2020-09-16"]),
                              "title": ["IPOI", "Suga"]})
        texts = "start,title\n2019-11-04,IPOI\n2020-09-16,Suga\n"
        self.assertEqual(timeline.render(dates, "svg"), timeline.render(texts, "svg"))

    def test_missing_and_numbers(self):
        df = pd.DataFrame({
            "start": ["2020", "2021", "2022"],
            "title": ["a", "b", "c"],
            "importance": [1, None, 5],  # float64 with NaN: 1.0 is written 1
            "group": ["x", None, float("nan")],
            "progress": [12.5, 50, 100],
        })
        lines = csv_of(df).splitlines()
        self.assertEqual(lines[1:], ["2020,a,1,x,12.5", "2021,b,,,50", "2022,c,5,,100"])
        with warnings.catch_warnings():
            warnings.simplefilter("error", timeline.TimelineWarning)
            timeline.Chart(df)

    def test_column_names_untouched(self):
        # Aliases and --col-ROLE as for a CSV file.
        df = pd.DataFrame({"When": ["2020-01"], "Headline": ["a"], "Lane": ["x"]})
        self.assertTrue(csv_of(df).startswith("When,Headline,Lane\r\n"))
        self.assertEqual(len(timeline.Chart(df).scene["events"]), 1)
        df = pd.DataFrame({"Kickoff": ["2020-01"], "What": ["a"]})
        self.assertEqual(len(timeline.Chart(df, col_start="Kickoff",
                                            col_title="What").scene["events"]), 1)

    def test_no_start_column(self):
        df = pd.DataFrame({"When x": ["2020"], "title": ["a"], "Notes": ["n"]})
        with self.assertRaises(timeline.Error) as cm:
            timeline.Chart(df)
        e = cm.exception
        self.assertEqual(e.code, 65)
        self.assertIn('no "start" column', e.message)
        self.assertIn("found: When x, title, Notes", e.message)
        self.assertTrue(e.message.startswith("<DataFrame>: "), e.message)
        self.assertIsNone(e.row)

    def test_rows_named_in_messages(self):
        df = pd.DataFrame({"date": ["2020-01-01", "2020-13-05", "2021"],
                           "title": ["a", "multi\nline", "c"]}, index=["r1", "r2", "r3"])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chart = timeline.Chart(df)
        self.assertEqual([str(w.message) for w in caught], chart.warnings)
        self.assertEqual(chart.warnings, ['<DataFrame> row \'r2\': invalid date "2020-13-05" '
                                          'in column "date": month 13 out of range'])
        # A cell with a line break does not shift the rows after it.
        df = pd.DataFrame({"date": ["2020", "2021", "2020-13"],
                           "title": ["a", "two\nlines\r\nthree", "c"]})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", timeline.TimelineWarning)
            chart = timeline.Chart(df)
        self.assertTrue(chart.warnings[0].startswith("<DataFrame> row 2: "), chart.warnings)

    def test_error_names_row(self):
        df = pd.DataFrame({"start": ["2020-13", "2021"], "title": ["a", "b"]}, index=[7, 8])
        with self.assertRaises(timeline.Error) as cm:
            timeline.Chart(df, strict=True)
        self.assertIn("<DataFrame> row 7:", cm.exception.message)
        # Nothing left to draw: the error, with the rows that were skipped as its warnings.
        df = pd.DataFrame({"start": ["2020-13"], "title": ["a"]}, index=[7])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with self.assertRaises(timeline.Error) as cm:
                timeline.Chart(df)
        self.assertEqual(cm.exception.code, 65)
        self.assertEqual(len(cm.exception.warnings), 1)
        self.assertIn("<DataFrame> row 7:", cm.exception.warnings[0])
        self.assertEqual([str(w.message) for w in caught], cm.exception.warnings)

    def test_title_not_text(self):
        df = pd.DataFrame({"start": ["2020", "2021", "2022", "2023"],
                           "Event": ["a", 1984, None, 2.5]}, index=[10, 20, 30, 40])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chart = timeline.Chart(df)
        messages = [str(w.message) for w in caught]
        self.assertIn('<DataFrame> row 20: 1984 in column "Event" is not text: drawn as "1984"',
                      messages)
        self.assertIn('<DataFrame> row 40: 2.5 in column "Event" is not text: drawn as "2.5"',
                      messages)
        # None is an empty title: the library's own warning, not the module's.
        self.assertFalse(any("row 30" in m and "not text" in m for m in messages))
        self.assertTrue(all(w.category is timeline.TimelineWarning for w in caught))
        titles = [e["title"] for e in chart.scene["events"]]
        self.assertIn("1984", titles)
        self.assertIn("2.5", titles)
        # A numeric title column in full.
        df = pd.DataFrame({"start": ["2020", "2021"], "title": [1, 2]})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            timeline.Chart(df)
        self.assertEqual(len(caught), 2)
        with self.assertRaises(timeline.Error) as cm:
            timeline.Chart(df, strict=True)
        self.assertEqual(cm.exception.code, 65)

    def test_title_column_found_as_the_library_finds_it(self):
        # The library says which column it read the titles from (its aliases, the profiles of
        # other tools' sheets, col_title): only that column's cells are warned about.
        cases = [
            (pd.DataFrame({"Layer Name": ["A"], "Event Name": [7], "Start Date": ["2020"]}),
             {}, "Event Name"),
            (pd.DataFrame({"When": ["2020"], "Task": [7], "Name": ["x"]}), {}, "Task"),
            (pd.DataFrame({"When": ["2020"], "Title": ["x"], "What": [7]}),
             {"col_title": "What"}, "What"),
        ]
        for df, options, column in cases:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                timeline.Chart(df, **options)
            messages = [str(w.message) for w in caught if "is not text" in str(w.message)]
            self.assertEqual(len(messages), 1, messages)
            self.assertIn(f'in column "{column}" is not text', messages[0])
        # A number in a column that is not the title's is no warning.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            timeline.Chart(pd.DataFrame({"start": ["2020"], "title": ["x"], "importance": [3]}))
        self.assertEqual(caught, [])

    def test_other_cells(self):
        df = pd.DataFrame({
            "start": [datetime.date(2020, 1, 1), datetime.date(2020, 2, 1)],
            "title": ["a", "b"],
            "duration": pd.to_timedelta(["3d", "4h"]),
            "milestone": [True, False],
        })
        lines = csv_of(df).splitlines()
        self.assertEqual(lines[1], "2020-01-01,a,3d,yes")
        self.assertEqual(lines[2], "2020-02-01,b,4h,no")
        # A column of datetimes: one precision for the column, as for datetime64.
        df = pd.DataFrame({"start": [datetime.datetime(2020, 1, 1),
                                     datetime.datetime(2020, 2, 1, 10, 30)],
                           "title": ["a", "b"]})
        self.assertEqual(csv_of(df).splitlines()[1:], ["2020-01-01T00:00,a", "2020-02-01T10:30,b"])

    def test_empty_frames(self):
        with self.assertRaises(timeline.Error) as cm:
            timeline.Chart(pd.DataFrame())
        self.assertEqual(cm.exception.code, 65)
        with self.assertRaises(timeline.Error) as cm:
            timeline.Chart(pd.DataFrame({"start": [], "title": []}))
        self.assertEqual(cm.exception.code, 65)

    def test_input_format_refused(self):
        df = pd.DataFrame({"start": ["2020"], "title": ["a"]})
        for kwargs in ({"input_format": "json"}, {"delimiter": ";"}):
            with self.assertRaises(timeline.Error) as cm:
                timeline.Chart(df, **kwargs)
            self.assertEqual(cm.exception.code, 64)

    def test_delimiters_in_names_and_cells(self):
        df = pd.DataFrame({"start": ["2020"], "title": ['a, "quoted"; b\tc'],
                           "note;with;semicolons": ["x"]})
        chart = timeline.Chart(df)
        self.assertEqual(chart.scene["events"][0]["title"], 'a, "quoted"; b\tc')


if __name__ == "__main__":
    tlpytest.main()
