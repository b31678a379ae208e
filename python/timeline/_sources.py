"""What render() and Chart() read: a path, text, bytes, a list of dicts or a DataFrame,
turned into a path or bytes for tl_chart_load_file() / tl_chart_load_buffer().

A DataFrame is written as CSV text, so that its column names go through the library's own
header reading (aliases, the sheets of other tools, --col-ROLE, and the error naming the
columns found when there is no start column); a list of dicts is written as JSON, whose values
keep their JSON meaning (numbers, true/false, lists). Messages about a row of either name the
row rather than a line of that hidden text.
"""

import bisect
import csv
import datetime
import io
import json
import math
import numbers
import os
import re
import sys

from ._errors import Error

__all__ = ["Prepared", "prepare"]

DATAFRAME_NAME = "<DataFrame>"
RECORDS_NAME = "<records>"


class Prepared:
    """A source ready for the library.

    path: bytes (a file to read), or None; data: bytes to read from memory, or None;
    display_name: what messages call it; forced: (option, text) pairs the source type decides
    (a DataFrame is CSV with commas); warnings(title) -> the module's own warnings about the
    source, given the field the library read the titles from (title cells that were not
    text); relabel(message) -> (message, row): names rows in messages instead of lines of the
    text the source was written as.
    """

    def __init__(self, path=None, data=None, display_name=None, forced=(), warnings=None,
                 relabel=None):
        self.path = path
        self.data = data
        self.display_name = display_name
        self.forced = list(forced)
        self.warnings = warnings or (lambda title: [])
        self.relabel = relabel or (lambda message: (message, None))


def prepare(source, options):
    """Turns `source` into a Prepared. `options` are the keyword arguments, read for
    checked for options the source type decides itself."""
    pd = sys.modules.get("pandas")  # pandas only when the caller already uses it
    if pd is not None and isinstance(source, pd.DataFrame):
        _refuse(options, ("input_format", "delimiter"), "a DataFrame")
        return _dataframe(source, pd)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Prepared(data=bytes(source), display_name="<bytes>")
    if isinstance(source, str):
        if "\n" in source or "\r" in source:
            return Prepared(data=source.encode("utf-8", "surrogateescape"),
                            display_name="<string>")
        return Prepared(path=os.fsencode(source))
    if isinstance(source, os.PathLike):
        return Prepared(path=os.fsencode(source))
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        name = getattr(source, "name", None)
        # The name's extension may tell the format ("events.json"), as a file's would.
        return Prepared(data=bytes(data),
                        display_name=os.fsdecode(name) if isinstance(name, (str, bytes))
                        else "<stream>")
    if isinstance(source, dict):
        raise TypeError("a chart's source is a list of dicts, one per event, not one dict")
    try:
        records = list(source)
    except TypeError:
        raise TypeError(
            "a chart's source is a path, CSV text, bytes, a list of dicts or a pandas "
            f"DataFrame, not {type(source).__name__}") from None
    _refuse(options, ("input_format",), "a list of dicts")
    return _records(records)


def _refuse(options, keywords, what):
    for keyword in keywords:
        if options.get(keyword) is not None:
            raise Error(f"{keyword} does not apply to {what}: the module writes it for the "
                        "library itself", 64)


# ------------------------------------------------------------------------------------------
# Cells as text

def _datetime_text(value):
    """A datetime as the date grammar reads it, at the precision it has: a date at midnight,
    minutes when the seconds are zero, else seconds (fractions of a second are dropped)."""
    if value.tzinfo is None and (value.hour, value.minute, value.second,
                                 value.microsecond) == (0, 0, 0, 0):
        return value.date().isoformat()
    spec = "minutes" if value.second == 0 and value.microsecond == 0 else "seconds"
    return value.isoformat(timespec=spec)


def _duration_text(value):
    """A timedelta as a plan's duration: whole days "3d", else hours "4h"."""
    seconds = value.total_seconds()
    if seconds % 86400 == 0:
        return f"{int(seconds // 86400)}d"
    if seconds % 3600 == 0:
        return f"{int(seconds // 3600)}h"
    return f"{seconds / 3600:g}h"


def _cell_text(value):
    """One DataFrame cell (not missing) as CSV text."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"  # as the JSON reader reads true and false
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        f = float(value)
        # A column of integers with a gap is float in pandas: 3.0 is the importance 3.
        return str(int(f)) if f.is_integer() else repr(f)
    if isinstance(value, datetime.datetime):  # pandas.Timestamp too
        return _datetime_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):  # pandas.Timedelta too
        return _duration_text(value)
    return str(value)


def _datetime_column(series):
    """A datetime64 column as ISO texts, one format for the whole column: dates when every
    value is at midnight, else minutes or seconds; an aware column keeps its offsets."""
    dt = series.dt
    present = series.notna()
    at = lambda part: (getattr(dt, part) == 0)[present].all()  # noqa: E731
    if at("hour") and at("minute") and at("second") and at("microsecond") and at("nanosecond"):
        fmt = "%Y-%m-%d"
    elif at("second") and at("microsecond") and at("nanosecond"):
        fmt = "%Y-%m-%dT%H:%M"
    else:
        fmt = "%Y-%m-%dT%H:%M:%S"
    texts = dt.strftime(fmt).tolist()
    if getattr(series.dtype, "tz", None) is not None and fmt != "%Y-%m-%d":
        # strftime's %z is +0900; ISO 8601 and the date grammar write +09:00.
        texts = [t + z[:3] + ":" + z[3:] if isinstance(t, str) else t
                 for t, z in zip(texts, dt.strftime("%z").tolist())]
    return texts


def _column_texts(series, missing):
    kind = series.dtype.kind
    if kind == "M":
        texts = _datetime_column(series)
    else:
        texts = series.tolist()  # Python objects: numpy scalars become int, float, ...
    return ["" if miss else (t if isinstance(t, str) else _cell_text(t))
            for t, miss in zip(texts, missing)]


# ------------------------------------------------------------------------------------------
# DataFrame

def _label(value):
    """An index label as messages show it: 3, 'b', ('x', 1)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, datetime.datetime):
        return _datetime_text(value)
    return repr(value)


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def _dataframe(df, pd):
    names = [str(c) for c in df.columns]
    labels = list(df.index)
    series_list = [series for _, series in df.items()]
    missing = [series.isna().tolist() for series in series_list]
    columns = [_column_texts(series, miss) for series, miss in zip(series_list, missing)]

    def warnings(j):
        """Title cells that were not text, in column j, the one the library read titles from
        (after its aliases, sheet profiles and col_title): drawn as their text, and said."""
        if j is None or j >= len(series_list):
            return []
        series, texts, miss = series_list[j], columns[j], missing[j]
        if series.dtype.kind == "M":
            return [f"{DATAFRAME_NAME} row {_label(labels[i])}: the date in column "
                    f"\"{names[j]}\" is not text: drawn as \"{t}\""
                    for i, (t, m) in enumerate(zip(texts, miss)) if not m]
        return [f"{DATAFRAME_NAME} row {_label(labels[i])}: {value!r} in column "
                f"\"{names[j]}\" is not text: drawn as \"{texts[i]}\""
                for i, (value, m) in enumerate(zip(series.tolist(), miss))
                if not m and not isinstance(value, str)]

    out = io.StringIO()
    # CRLF, so that both CR and LF inside a cell are quoted; the library reads either.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    row_lines = []  # the line each row starts on, for messages
    line = 2
    for row in zip(*columns) if columns else ():
        row_lines.append(line)
        writer.writerow(row)
        line += 1 + sum(len(_LINE_BREAKS.findall(cell)) for cell in row if cell)

    pattern = re.compile(re.escape(DATAFRAME_NAME) + r":(\d+)(?::\d+)?: ", re.S)

    def relabel(message):
        m = pattern.match(message)
        if not m:
            return message, None
        line_no = int(m.group(1))
        if line_no < 2 or not row_lines:  # the header: the columns themselves
            return f"{DATAFRAME_NAME}: {message[m.end():]}", None
        i = max(0, bisect.bisect_right(row_lines, line_no) - 1)
        return f"{DATAFRAME_NAME} row {_label(labels[i])}: {message[m.end():]}", labels[i]

    return Prepared(data=out.getvalue().encode("utf-8", "surrogateescape"),
                    display_name=DATAFRAME_NAME,
                    forced=[("input-format", "csv"), ("delimiter", ",")],
                    warnings=warnings, relabel=relabel)


# ------------------------------------------------------------------------------------------
# A list of dicts

def _json_value(value):
    """A value as JSON: numbers, text, true/false, null and lists as they are (the JSON
    reader's meanings), dates as ISO text, a missing value (NaN, NaT, None) as null."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            return None
        return int(f) if f.is_integer() else f  # 3.0 is the importance 3, as in a DataFrame
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if type(value).__name__ in ("NaTType", "NAType"):  # pandas' missing values
        return None
    if isinstance(value, datetime.datetime):
        return _datetime_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return _duration_text(value)
    if hasattr(value, "item"):  # numpy scalars
        try:
            return _json_value(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def _records(records):
    lines = []
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            raise TypeError(f"source[{i}]: expected a dict (one event), not "
                            f"{type(record).__name__}")
        lines.append(json.dumps({str(k): _json_value(v) for k, v in record.items()},
                                ensure_ascii=False))
    # One object a line: item i is on line i + 2, which is how messages find it.
    text = "[\n" + ",\n".join(lines) + "\n]\n"
    pattern = re.compile(re.escape(RECORDS_NAME) + r":(\d+)(?::\d+)?: ", re.S)

    def relabel(message):
        m = pattern.match(message)
        if not m or not 2 <= int(m.group(1)) < 2 + len(lines):
            return message, None
        i = int(m.group(1)) - 2
        return f"{RECORDS_NAME}[{i}]: {message[m.end():]}", i

    return Prepared(data=text.encode("utf-8", "surrogateescape"), display_name=RECORDS_NAME,
                    forced=[("input-format", "json")], relabel=relabel)
