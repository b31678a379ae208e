"""Keyword arguments -> tl_job_set(): the command line's long options in Python spelling.

The option table is the library's (tl_option_get()), so every option the command line has is
a keyword here with the same meaning and the same checks, and an option added to the library
needs nothing in this module.
"""

import collections
import ctypes
import datetime
import keyword as pykeyword
import numbers
import os

from . import _lib
from ._errors import Error

__all__ = ["Option", "options", "apply", "front_end_message"]

Option = collections.namedtuple(
    "Option", "keyword name kind metavar section help front_end")
Option.__doc__ = """One option of the library's table.

keyword: the Python spelling ("col_start"); name: the command line's ("col-start");
kind: "flag" (True/False), "value" or "list" (a list or tuple sets each value in turn);
metavar: what the value is ("PT", "FILE"), or None; section: its style-file section, or None;
help: the line of timeline --help, or None; front_end: True for options that change no chart
(output, format, check, quiet ...), which are not keywords of render() and Chart()."""

_KINDS = {_lib.OPTION_FLAG: "flag", _lib.OPTION_VALUE: "value", _lib.OPTION_LIST: "list"}

# What to use instead of the command line's own options, which change no chart.
_INSTEAD = {
    "output": "pass the path to render(source, output) or Chart.save(path)",
    "format": "pass format= to render() or Chart.save(), or call Chart.to_svg(), to_png(), "
              "to_pdf() or to_bytes(format)",
    "output-by-input": "call render() once for each input",
    "check": "make a Chart (it reads and lays out the input) and read its warnings",
    "watch": "render again when the file changes",
    "quiet": "warnings go through the warnings module: "
             "warnings.simplefilter(\"ignore\", timeline.TimelineWarning) silences them",
    "verbose": "read Chart.notes",
    "strict": "pass strict=True",
    "print-config": "read Chart.config",
    "list-themes": "run timeline --list-themes",
    "list-locales": "run timeline --list-locales",
    "help": "see help(timeline) and timeline.options()",
    "version": "read timeline.__version__",
    "completion": "it is for shells",
}

_table = None


def _load_table():
    global _table
    if _table is None:
        table = {}
        for i in range(_lib.lib.tl_option_count()):
            p = _lib.lib.tl_option_get(i)
            if not p:
                break
            o = p.contents
            if o.arg == _lib.OPTION_HEADING:
                continue
            name = _lib.text(o.name)
            table[name] = (Option(
                keyword=_keyword_of(name),
                name=name,
                kind=_KINDS.get(o.arg, "value"),
                metavar=_lib.text(o.metavar),
                section=_lib.text(o.section),
                help=_lib.text(o.help),
                front_end=bool(o.front_end),
            ), int(o.action))
        _table = table
    return _table


def options():
    """The options render() and Chart() take, as Option tuples, in timeline --help's order
    (front-end options included, marked front_end=True)."""
    return [opt for opt, _ in _load_table().values()]


def front_end_message(name):
    """Why the front-end option `name` is not a keyword, and what to do instead."""
    keyword = _keyword_of(name)
    return (f"{keyword} is not a chart option: {_INSTEAD.get(name, 'it is for the command line')}")


def _keyword_of(name):
    """The keyword of the option `name`: col-start -> col_start, from -> from_."""
    keyword = name.replace("-", "_")
    return keyword + "_" if pykeyword.iskeyword(keyword) else keyword


def option_name(keyword):
    """The command line's name of a keyword: col_start -> col-start; a trailing _ is
    dropped, for the options whose names are Python keywords (from_ -> from)."""
    return keyword[:-1].replace("_", "-") if keyword.endswith("_") else \
        keyword.replace("_", "-")


def _unknown(keyword):
    # The library's guess first (the command line's "did you mean"), in Python spelling.
    near = _lib.text(_lib.lib.tl_option_suggest(keyword.replace("_", "-").encode(
        "utf-8", "replace")))
    if near:
        near = near.replace("-", "_")
    else:
        import difflib  # only for mistakes: not worth its import time on every start
        keywords = [opt.keyword for opt, _ in _load_table().values()]
        near = next(iter(difflib.get_close_matches(keyword, keywords, n=1)), None)
    return Error(f"unknown option {keyword}" + (f" (did you mean {near}?)" if near else ""), 64)


def _scalar_text(keyword, value):
    """One value as the command line would write it."""
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
        return os.fsdecode(value) if isinstance(value, bytes) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        # Minutes when the seconds are zero: the date grammar keeps the precision written.
        spec = "minutes" if value.second == 0 and value.microsecond == 0 else "seconds"
        return value.isoformat(timespec=spec)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        f = float(value)
        return str(int(f)) if f.is_integer() else repr(f)
    raise TypeError(f"{keyword}: expected text, a number or a date, not "
                    f"{type(value).__name__}")


def _values(keyword, kind, value):
    """The texts to set for one keyword argument, in order."""
    if kind == "flag":
        if isinstance(value, (bool, str)) or isinstance(value, numbers.Integral):
            return [_scalar_text(keyword, value)]
        raise TypeError(f"{keyword}: expected True or False, not {type(value).__name__}")
    if isinstance(value, bool):
        raise Error(f"{keyword}={value}: {keyword} takes a value, not True or False", 64)
    if isinstance(value, (list, tuple)):
        texts = [_scalar_text(keyword, v) for v in value]
        # A list option takes each value in turn; a value option such as tiers or margin
        # reads one comma-separated text.
        return texts if kind == "list" else [",".join(texts)]
    return [_scalar_text(keyword, value)]


def _encode(text):
    # Surrogate escapes (undecodable bytes of a file name) go through as the bytes they were;
    # the library refuses or repairs invalid UTF-8 itself.
    return text.encode("utf-8", "surrogateescape")


def _raise(err, keyword=None, value=None):
    code, message, path, line, column = _lib.error_from_pointer(err)
    if keyword is not None:
        # "--layout: unknown layout ..." -> "layout='nowhere': unknown layout ...".
        name = option_name(keyword)
        prefix = f"--{name}: "
        if message.startswith(prefix):
            message = message[len(prefix):]
        message = f"{keyword}={value!r}: {message}"
    raise Error(message, code, path, line, column)


def apply(job, kwargs, forced=()):
    """Sets the keyword arguments on the tl_job `job` (a pointer), as the command line would
    set its options: style files (config=) first, then style keys (set=), then the others in
    the order given, so that what is named explicitly wins. `forced`: (name, text) pairs set
    last, for what the source type decides (the input format of a DataFrame). Raises
    timeline.Error (64) or TypeError."""
    table = _load_table()
    style_files, style_keys, plain = [], [], []
    for keyword, value in kwargs.items():
        if value is None:  # as if not given: lets callers pass their own defaults through
            continue
        name = option_name(keyword)
        entry = table.get(name)
        if "-" in keyword and entry is not None:
            raise Error(f"unknown option {keyword!r}: write {keyword.replace('-', '_')}", 64)
        if entry is None or "-" in keyword:
            raise _unknown(keyword)
        opt, action = entry
        if action == _lib.ACTION_STYLE_FILE:
            items = value if isinstance(value, (list, tuple)) else [value]
            style_files += [(keyword, v, _scalar_text(keyword, v)) for v in items]
        elif action == _lib.ACTION_STYLE_KEY:
            style_keys += [(keyword, v) for v in _style_assignments(keyword, value)]
        elif opt.front_end or action != _lib.ACTION_NONE:
            raise Error(front_end_message(name), 64)
        else:
            plain += [(keyword, value, text) for text in _values(keyword, opt.kind, value)]

    # *err stays NULL after a call that succeeds, so one pointer serves every call.
    err = _lib.new_error()
    out = ctypes.byref(err)
    for keyword, value, path in style_files:
        if not _lib.lib.tl_job_load_style_file(job, os.fsencode(path), out):
            _raise(err)
    for keyword, assignment in style_keys:
        if not _lib.lib.tl_job_set_style(job, _encode(assignment), out):
            _raise(err)  # the library's message starts with the assignment
    for keyword, value, text in plain:
        if not _lib.lib.tl_job_set(job, _encode(option_name(keyword)), _encode(text), out):
            _raise(err, keyword, value)
    for name, text in forced:
        if not _lib.lib.tl_job_set(job, _encode(name), _encode(text), out):
            _raise(err)


def _style_assignments(keyword, value):
    """set= as KEY=VALUE texts: a dict {"palette.group.Japan": "#D55E00"}, a list of
    "KEY=VALUE" texts, or one."""
    if isinstance(value, dict):
        return [f"{k}={_scalar_text(keyword, v)}" for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [_scalar_text(keyword, v) for v in value]
    return [_scalar_text(keyword, value)]

