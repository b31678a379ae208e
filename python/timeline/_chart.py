"""Chart and render(): a tl_job and a tl_chart behind a Python object."""

import collections
import ctypes
import os
import re
import sys
import threading
import warnings as _warnings
import weakref

from . import _lib, _options, _sources
from ._errors import Error, TimelineWarning

__all__ = ["Chart", "render", "FORMATS"]

lib = _lib.lib

# The output formats, in the order of tl_format (TL_FORMAT_SVG is 0 ...).
FORMATS = ("svg", "png", "pdf", "json", "ps", "eps")


# ------------------------------------------------------------------------------------------
# Font contexts, shared and locked
#
# Setting fonts up costs milliseconds, so every chart after the first shares the font context
# of a chart made before it on the same thread (tl_job_share_fonts()). A font context, the
# jobs that share it and their charts may be used by one thread at a time (timeline.h,
# "Threads"), and ctypes lets other threads run during every C call, so each font context has
# a lock, held around every call that touches it. Charts made on different threads have
# different font contexts and run in parallel.

class _FontGroup:
    """The lock of one font context and of the jobs and charts that share it."""

    def __init__(self):
        self.lock = threading.RLock()
        self.pending = collections.deque()  # frees that found the lock taken (see release)

    def __enter__(self):
        self.lock.acquire()
        self._drain()
        return self

    def __exit__(self, *exc):
        self.lock.release()

    def _drain(self):
        # In the order they came: a chart is always queued before the job it borrows.
        while self.pending:
            free, ptr = self.pending.popleft()
            free(ptr)

    def release(self, free, ptr):
        """Frees `ptr` with `free` now, or at the group's next use if another thread holds
        the lock: a finalizer may run on any thread, and must never wait for a lock (the
        garbage collector may run it while that thread holds another group's lock)."""
        if self.lock.acquire(blocking=False):
            try:
                self._drain()
                free(ptr)
            finally:
                self.lock.release()
        else:
            self.pending.append((free, ptr))


def _release_job(holder, ptr):
    holder[0].release(lib.tl_job_free, ptr)


def _release_chart(job, ptr):
    # `job` is held here until the chart is freed: a chart borrows its job.
    job.group.release(lib.tl_chart_free, ptr)


class _Job:
    """A tl_job: the options of one chart, and the font context it shares."""

    def __init__(self):
        self.ptr = lib.tl_job_new()
        # Until it shares a font context the job has a group of its own. The group is in a
        # list that the finalizer reads when it runs, as it may change once (_share_fonts).
        self._holder = [_FontGroup()]
        weakref.finalize(self, _release_job, self._holder, self.ptr).atexit = False

    @property
    def group(self):
        return self._holder[0]

    @group.setter
    def group(self, group):
        self._holder[0] = group


# The font contexts kept for sharing, per thread: the job that last used each, most recent
# first. A few, so that charts alternating between two sets of font options (a font= here and
# there) still set fonts up only once each.
_RECENT_FONTS = 4
_local = threading.local()


def _recent():
    try:
        return _local.recent
    except AttributeError:
        _local.recent = []
        return _local.recent


def _share_fonts(job):
    """Lends `job` the font context of a recent job of this thread that asks for the same
    fonts (tl_job_share_fonts() decides). Returns the index of that job in the recent list,
    or None."""
    for i, other in enumerate(_recent()):
        with other.group:
            shared = lib.tl_job_share_fonts(job.ptr, other.ptr)
        if shared:
            job.group = other.group
            return i
    return None


def _remember_fonts(job, shared_with):
    """Keeps `job`, whose chart is laid out and so has its font context, for the next charts
    to share: in the place of the job it shared with, or as a new context."""
    recent = _recent()
    if shared_with is not None:
        del recent[shared_with]
    recent.insert(0, job)
    del recent[_RECENT_FONTS:]


# ------------------------------------------------------------------------------------------
# Errors and warnings

def _error(err, relabel=None):
    """The timeline.Error of a tl_error (freed), its rows named for a DataFrame."""
    code, message, path, line, column = _lib.error_from_pointer(err)
    row = None
    if relabel is not None:
        message, row = relabel(message)
    return Error(message, code, path, line, column, row)


def _raise_error(err):
    raise _error(err)


def _stacklevel():
    """The stacklevel for warnings.warn() that names the caller's line, outside this
    package."""
    here = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) \
            == here:
        frame, level = frame.f_back, level + 1
    return level


def _format_code(name):
    code = ctypes.c_int()
    if isinstance(name, str) and lib.tl_format_from_name(name.encode("ascii", "replace"),
                                                         ctypes.byref(code)):
        return code.value
    raise Error(f"unknown format {name!r} ({', '.join(FORMATS)})", 64)


def _format_of_name(name):
    """The format a file name's extension names, or None (also for a name that is not one:
    an open file's name may be a number or "<stdout>")."""
    code = ctypes.c_int()
    if isinstance(name, (str, bytes, os.PathLike)) and \
            lib.tl_format_from_filename(os.fsencode(name), ctypes.byref(code)):
        return FORMATS[code.value]
    return None


def _format_of_path(path, format):
    if format is not None:
        return _format_code(format)
    code = ctypes.c_int()
    if lib.tl_format_from_filename(os.fsencode(path), ctypes.byref(code)):
        return code.value
    raise Error(f"{os.fsdecode(path)}: cannot tell the format from the name: give format= "
                f"({', '.join(FORMATS)})", 64)


# ------------------------------------------------------------------------------------------
# SVG for notebooks

_svg_serial = iter(range(1, sys.maxsize))
_TAG = re.compile(r"<[^>]*>")
_ID = re.compile(r'(\sid=")([^"]*)(")')
_REF = re.compile(r'((?:href="|url\()#)([^")]*)')
_LABELLED = re.compile(r'(\saria-(?:labelledby|describedby)=")([^"]*)(")')


def _unique_ids(svg, prefix):
    """The SVG with its ids (the glyphs' g1, g2 ..., clip paths, chart-title) and the
    references to them prefixed, so that several charts inline in one HTML page do not draw
    each other's glyphs. Only tags are touched, never text."""
    ids = set()
    for tag in _TAG.findall(svg):
        ids.update(m.group(2) for m in _ID.finditer(tag))

    def fix_tag(m):
        tag = m.group(0)
        tag = _ID.sub(lambda a: a.group(1) + prefix + a.group(2) + a.group(3), tag)
        tag = _REF.sub(lambda a: a.group(1) + (prefix + a.group(2) if a.group(2) in ids
                                               else a.group(2)), tag)
        return _LABELLED.sub(lambda a: a.group(1) + " ".join(
            prefix + t if t in ids else t for t in a.group(2).split()) + a.group(3), tag)

    return _TAG.sub(fix_tag, svg)


# ------------------------------------------------------------------------------------------
# Chart

class Chart:
    """A timeline chart, read and laid out once, drawn in any format.

    source: a path (str or os.PathLike) to a file in any format the command line reads (CSV,
        JSON, JSON Lines, TimelineJS, Mermaid, Markwhen); text (a str holding a line break) or
        bytes in one of those formats; a list of dicts, one per event, whose keys are the
        column names (start, end, title, group ... and their aliases); a pandas DataFrame
        whose columns are such columns (datetime64 columns become ISO dates); or an open
        file.
    strict: warnings fail the chart: timeline.Error with code 65 (the command line's
        --strict).
    options: the long options of the command line, with _ for -: layout="lanes",
        theme="print", page="A4", locale="ja", col_start="When", critical_path=True. A flag
        takes True or False; a list or tuple sets a repeatable option once per item
        (font_dir=["fonts", "more"]) and is joined with commas for the others
        (tiers=["year", "quarter"]); numbers and dates are written as text. Style files:
        config="report.style" (or a list), style keys: set={"palette.group.Japan":
        "#D55E00"} (or "KEY=VALUE" texts); they apply first, so the other options win.
        See timeline.options() for the list.

    The chart is read and laid out when it is made: errors raise timeline.Error, and
    warnings are given to the warnings module (timeline.TimelineWarning) and kept in
    .warnings. Drawing it (to_svg(), save() ...) uses the same layout every time.

    In Jupyter a chart shows itself, as SVG (see display_formats).
    """

    #: What a notebook shows: Jupyter calls every _repr_*_ method and keeps every answer in
    #: the notebook, so by default only the SVG is given. ("png",) shows a PNG instead (for
    #: viewers that show no SVG); ("svg", "png") stores both. Set it on the class or on one
    #: chart.
    display_formats = ("svg",)

    def __init__(self, source, *, strict=False, **options):
        self._ptr = None
        prepared = _sources.prepare(source, options)
        job = _Job()
        _options.apply(job.ptr, options, forced=prepared.forced)
        shared_with = _share_fonts(job)
        self._job = job
        self._name = prepared.display_name or os.fsdecode(prepared.path)
        self._cache = {}
        self._svg_prefix = None
        err = _lib.new_error()
        failure = None
        chart_warnings, source_warnings, self._notes = [], [], []
        with job.group:
            if prepared.path is not None:
                ptr = lib.tl_chart_load_file(job.ptr, prepared.path, ctypes.byref(err))
            else:
                name = prepared.display_name.encode("utf-8", "surrogateescape")
                ptr = lib.tl_chart_load_buffer(job.ptr, prepared.data, len(prepared.data),
                                               name, ctypes.byref(err))
            if not ptr:
                failure = _error(err, prepared.relabel)
            else:
                self._ptr = ptr
                # A chart borrows its job: the finalizer holds the job until the chart is gone.
                self._finalizer = weakref.finalize(self, _release_chart, job, ptr)
                self._finalizer.atexit = False
                title = lib.tl_timeline_get_column(lib.tl_chart_get_timeline(ptr), b"title")
                source_warnings = prepared.warnings(title if title >= 0 else None)
                if not lib.tl_chart_layout(ptr, ctypes.byref(err)):
                    failure = _error(err, prepared.relabel)
                chart_warnings = [
                    prepared.relabel(_lib.text(lib.tl_chart_get_warning(ptr, i)))[0]
                    for i in range(lib.tl_chart_get_warning_count(ptr))]
                self._notes = [_lib.text(lib.tl_chart_get_note(ptr, i))
                               for i in range(lib.tl_chart_get_note_count(ptr))]
            job_warnings = [_lib.text(lib.tl_job_get_warning(job.ptr, i))
                            for i in range(lib.tl_job_get_warning_count(job.ptr))]
        self._warnings = job_warnings + source_warnings + chart_warnings
        if failure is not None:
            # The rows skipped are often why there is nothing to draw: they come with the
            # error, as the command line prints them before it.
            failure.warnings = list(self._warnings)
            if not strict:
                self._warn()
            self.close()
            raise failure
        _remember_fonts(job, shared_with)
        if strict and self._warnings:
            n = len(self._warnings)
            self.close()
            raise Error(f"{self._name}: {n} warning{'s' if n != 1 else ''} and strict=True: "
                        + "; ".join(self._warnings), 65, warnings=self._warnings)
        self._warn()

    def _warn(self):
        level = _stacklevel()
        for w in self._warnings:
            _warnings.warn(w, TimelineWarning, stacklevel=level)

    # -- what was read -------------------------------------------------------------------

    @property
    def warnings(self):
        """The warnings, as messages (a new list): the options' own, the module's about the
        source (title cells that were not text), then the library's while reading and laying
        out ("events.csv:4:1: invalid date ...", labels shortened ...)."""
        return list(self._warnings)

    @property
    def notes(self):
        """What reading decided that is not a problem: the sheet layout recognised, columns
        ignored, settings taken from the source (the command line's --verbose notes)."""
        return list(self._notes)

    @property
    def config(self):
        """The options as a style file (the command line's --print-config): save it as
        report.style and use it with timeline -c report.style or config="report.style"."""
        ptr = lib.tl_job_get_style_text(self._job.ptr)
        try:
            return ctypes.string_at(ptr).decode("utf-8", "replace") if ptr else ""
        finally:
            lib.tl_free(ptr)

    @property
    def scene(self):
        """The laid-out scene, the JSON of format "json" (docs/scene-json.md), as a dict."""
        import json
        return json.loads(self.to_bytes("json"))

    # -- drawing ---------------------------------------------------------------------------

    def _check_open(self):
        if self._ptr is None:
            raise ValueError("the chart is closed")

    def to_bytes(self, format="svg"):
        """The chart drawn in `format` ("svg", "png", "pdf", "json", "ps" or "eps"), as the
        bytes the command line writes for the same options."""
        code = _format_code(format)
        if code in self._cache:
            return self._cache[code]
        self._check_open()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        size = ctypes.c_size_t()
        err = _lib.new_error()
        with self._job.group:
            if not lib.tl_chart_render_to_memory(self._ptr, code, ctypes.byref(data),
                                                 ctypes.byref(size), ctypes.byref(err)):
                _raise_error(err)
            try:
                out = ctypes.string_at(data, size.value)
            finally:
                lib.tl_free(data)
        self._cache[code] = out
        return out

    def to_svg(self):
        """The chart as SVG bytes."""
        return self.to_bytes("svg")

    def to_png(self):
        """The chart as PNG bytes (dpi= and scale= set the resolution)."""
        return self.to_bytes("png")

    def to_pdf(self):
        """The chart as PDF bytes (page=, landscape=, margin= ... set the pages)."""
        return self.to_bytes("pdf")

    def save(self, path, format=None):
        """Writes the chart to `path` (str or os.PathLike) in `format`, or the format the
        extension names. The file is replaced only when complete; "-" is standard output."""
        if isinstance(path, str) and path == "-":
            sys.stdout.buffer.write(self.to_bytes(format or "svg"))
            sys.stdout.buffer.flush()
            return
        code = _format_of_path(path, format)
        self._check_open()
        err = _lib.new_error()
        with self._job.group:
            if not lib.tl_chart_render_to_file(self._ptr, code, os.fsencode(path),
                                               ctypes.byref(err)):
                _raise_error(err)

    def close(self):
        """Frees the chart's memory now rather than when it is garbage; drawing it again
        raises ValueError. Also a context manager: with timeline.Chart(...) as chart: ..."""
        if self._ptr is not None:
            self._finalizer()
            self._ptr = None
            self._cache.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- Jupyter ---------------------------------------------------------------------------

    def _repr_svg_(self):
        """The SVG for Jupyter, as text, with ids of its own (several charts inline in one
        page each draw their own glyphs), or None when display_formats leaves SVG out."""
        if "svg" not in self.display_formats or self._ptr is None:
            return None
        if self._svg_prefix is None:
            self._svg_prefix = f"tl{next(_svg_serial)}-"
        svg = self.to_svg().decode("utf-8")
        if svg.startswith("<?xml"):  # not wanted inside an HTML page
            svg = svg[svg.index("?>") + 2:].lstrip()
        return _unique_ids(svg, self._svg_prefix)

    def _repr_png_(self):
        """The PNG for Jupyter, or None when display_formats leaves PNG out (the default:
        the SVG is shown)."""
        if "png" not in self.display_formats or self._ptr is None:
            return None
        return self.to_png()

    def __reduce__(self):
        # A copy would free the same C chart twice: make another Chart from the source.
        raise TypeError("a timeline.Chart cannot be copied or pickled; make another from the "
                        "same source, or keep its bytes (to_svg(), to_png() ...)")

    def __repr__(self):
        state = "closed" if self._ptr is None else \
            f"{len(self._warnings)} warning{'s' if len(self._warnings) != 1 else ''}"
        return f"<timeline.Chart from {self._name}, {state}>"


def render(source, output=None, *, format=None, strict=False, **options):
    """Reads `source`, lays it out and draws it, as the command line does.

    source and options: as for Chart (a path, text, bytes, a list of dicts or a DataFrame;
    the command line's long options with _ for -).
    output: a path (str or os.PathLike) to write, in the format its extension names or
        format=; returns None. A format name ("svg", "png", "pdf", "json", "ps", "eps"), or
        None with format= (default "svg"): returns the bytes instead. An open binary file:
        writes the bytes to it.

    Raises timeline.Error; warnings go to the warnings module (timeline.TimelineWarning).

        timeline.render("events.csv", "chart.pdf", page="A4", theme="print")
        svg = timeline.render(df, "svg", layout="lanes")
    """
    chart = Chart(source, strict=strict, **options)
    try:
        if output is None:
            return chart.to_bytes(format or "svg")
        if isinstance(output, str) and format is None and output.lower() in FORMATS:
            return chart.to_bytes(output)
        if hasattr(output, "write"):
            if format is None:
                format = _format_of_name(getattr(output, "name", None)) or "svg"
            output.write(chart.to_bytes(format))
            return None
        chart.save(output, format=format)
        return None
    finally:
        chart.close()
