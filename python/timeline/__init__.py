"""Timeline charts from Python: libtimeline, the library of the timeline command.

    import timeline

    timeline.render("events.csv", "chart.pdf", page="A4", theme="print")
    svg = timeline.render(df, "svg", layout="lanes")        # a pandas DataFrame -> bytes
    chart = timeline.Chart(events, locale="ja")              # a list of dicts
    chart.save("chart.png"); chart.to_pdf(); chart.scene; chart.warnings

render() and Chart() take what the command line reads (a path, CSV or other text, bytes, a
list of dicts, a DataFrame) and its long options in Python spelling (col_start="When" for
--col-start When), and give the same bytes as the command line for the same options. In
Jupyter a Chart shows itself as SVG.

Failures raise timeline.Error (with the command line's exit code in .code); warnings go to
the warnings module as timeline.TimelineWarning.

The module loads libtimeline through ctypes: from TIMELINE_LIBRARY when that is set, else the
library it was built or installed with, else the system's library path. See docs/python.md.
"""

from ._errors import Error, TimelineWarning
from ._lib import library_path
from ._lib import lib as _clib
from ._options import Option, options
from ._chart import Chart, render, FORMATS

try:
    from ._paths import VERSION as __version__
except ImportError:  # the source tree: the library's version
    __version__ = _clib.tl_version_string().decode()

#: The version of the library loaded ("0.1.0").
library_version = _clib.tl_version_string().decode()

__all__ = ["render", "Chart", "Error", "TimelineWarning", "options", "Option", "FORMATS",
           "library_path", "library_version", "__version__"]
