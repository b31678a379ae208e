"""Finding libtimeline and declaring the C functions the module calls (ctypes).

Only this file knows the C signatures. Everything is declared once, at import, so that a
library too old for the module fails the import with a clear message rather than a later
call with an AttributeError.
"""

import ctypes
import os

try:
    from . import _paths  # configured by meson: the build tree's or the installed library
except ImportError:  # the source tree itself, python/timeline/, on PYTHONPATH
    _paths = None

__all__ = ["lib", "library_path", "ErrorStruct", "OptionInfo", "error_from_pointer", "new_error"]


def _candidates():
    """Where the library may be, in the order tried: the TIMELINE_LIBRARY environment
    variable (empty means unset), the path meson configured for this copy of the module, then
    the system's library search path. A generator: the search path is asked (which takes
    ctypes.util and a subprocess) only when the others fail."""
    env = os.environ.get("TIMELINE_LIBRARY")
    if env:
        # Named on purpose: no fallback, so a wrong value is reported, not silently bypassed.
        yield "TIMELINE_LIBRARY", env
        return
    configured = getattr(_paths, "LIBRARY", "")
    if configured:
        yield "configured", configured
    import ctypes.util
    name = ctypes.util.find_library("timeline")
    if name:
        yield "find_library", name


def _load():
    tried = []
    for how, path in _candidates():
        if how == "configured" and not os.path.exists(path):
            tried.append(f"{path} ({how}: no such file)")
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append(f"{path} ({how}: {e})")
    raise ImportError(
        "timeline: cannot load libtimeline"
        + (": tried " + "; ".join(tried) if tried else ": it is not installed where the system "
           "looks for libraries")
        + ". Set TIMELINE_LIBRARY to the path of libtimeline.so (build/libtimeline.so in a "
        "build tree).")


lib, library_path = _load()

_c_char_p = ctypes.c_char_p
_c_void_p = ctypes.c_void_p
_c_size_t = ctypes.c_size_t
_c_bool = ctypes.c_bool
_c_int = ctypes.c_int


class ErrorStruct(ctypes.Structure):
    """struct tl_error."""
    _fields_ = [
        ("code", _c_int),
        ("message", _c_char_p),
        ("path", _c_char_p),
        ("line", ctypes.c_ulong),
        ("column", ctypes.c_ulong),
    ]


class OptionInfo(ctypes.Structure):
    """struct tl_option_info."""
    _fields_ = [
        ("name", _c_char_p),
        ("short_name", _c_int),
        ("arg", _c_int),
        ("metavar", _c_char_p),
        ("section", _c_char_p),
        ("help", _c_char_p),
        ("complete", _c_char_p),
        ("front_end", _c_bool),
        ("action", _c_int),
    ]


ErrorOut = ctypes.POINTER(ctypes.POINTER(ErrorStruct))

# tl_option_arg and tl_option_action.
OPTION_FLAG, OPTION_VALUE, OPTION_LIST, OPTION_HEADING = range(4)
(ACTION_NONE, ACTION_STYLE_FILE, ACTION_STYLE_KEY, ACTION_HELP, ACTION_VERSION,
 ACTION_COMPLETION) = range(6)

# name: (restype, argtypes). Opaque objects (tl_job, tl_chart) are plain void pointers.
_PROTOTYPES = {
    "tl_error_free": (None, [ctypes.POINTER(ErrorStruct)]),
    "tl_version_string": (_c_char_p, []),
    "tl_free": (None, [_c_void_p]),
    "tl_format_from_name": (_c_bool, [_c_char_p, ctypes.POINTER(_c_int)]),
    "tl_format_from_filename": (_c_bool, [_c_char_p, ctypes.POINTER(_c_int)]),
    "tl_option_count": (_c_size_t, []),
    "tl_option_get": (ctypes.POINTER(OptionInfo), [_c_size_t]),
    "tl_option_find": (ctypes.POINTER(OptionInfo), [_c_char_p]),
    "tl_option_suggest": (_c_char_p, [_c_char_p]),
    "tl_job_new": (_c_void_p, []),
    "tl_job_free": (None, [_c_void_p]),
    "tl_job_set": (_c_bool, [_c_void_p, _c_char_p, _c_char_p, ErrorOut]),
    "tl_job_load_style_file": (_c_bool, [_c_void_p, _c_char_p, ErrorOut]),
    "tl_job_set_style": (_c_bool, [_c_void_p, _c_char_p, ErrorOut]),
    # Returns memory to free with tl_free(): a void pointer, read with ctypes.string_at().
    "tl_job_get_style_text": (_c_void_p, [_c_void_p]),
    "tl_job_check": (_c_bool, [_c_void_p, ErrorOut]),
    "tl_job_get_warning_count": (_c_size_t, [_c_void_p]),
    "tl_job_get_warning": (_c_char_p, [_c_void_p, _c_size_t]),
    "tl_job_share_fonts": (_c_bool, [_c_void_p, _c_void_p]),
    "tl_chart_load_file": (_c_void_p, [_c_void_p, _c_char_p, ErrorOut]),
    "tl_chart_load_buffer": (_c_void_p, [_c_void_p, _c_char_p, _c_size_t, _c_char_p, ErrorOut]),
    "tl_chart_free": (None, [_c_void_p]),
    "tl_chart_layout": (_c_bool, [_c_void_p, ErrorOut]),
    "tl_chart_get_timeline": (_c_void_p, [_c_void_p]),
    "tl_timeline_get_column": (ctypes.c_long, [_c_void_p, _c_char_p]),
    "tl_chart_get_warning_count": (_c_size_t, [_c_void_p]),
    "tl_chart_get_warning": (_c_char_p, [_c_void_p, _c_size_t]),
    "tl_chart_get_note_count": (_c_size_t, [_c_void_p]),
    "tl_chart_get_note": (_c_char_p, [_c_void_p, _c_size_t]),
    "tl_chart_render_to_file": (_c_bool, [_c_void_p, _c_int, _c_char_p, ErrorOut]),
    "tl_chart_render_to_memory": (_c_bool, [_c_void_p, _c_int,
                                            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
                                            ctypes.POINTER(_c_size_t), ErrorOut]),
}


def _declare():
    missing = []
    for name, (restype, argtypes) in _PROTOTYPES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    if missing:
        raise ImportError(
            f"timeline: {library_path} is too old for this module: it has no "
            f"{', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''} (the jobs API of "
            "timeline.h). Build the library from the same source as the module.")


_declare()


def text(b):
    """A C string from the library as str (the library writes UTF-8; None stays None)."""
    return None if b is None else b.decode("utf-8", "replace")


def error_from_pointer(ptr):
    """Reads and frees a tl_error: (code, message, path, line, column)."""
    e = ptr.contents
    out = (int(e.code), text(e.message) or "", text(e.path), int(e.line), int(e.column))
    lib.tl_error_free(ptr)
    return out


def new_error():
    """A NULL tl_error pointer for a call's `err` (pass ctypes.byref() of it)."""
    return ctypes.POINTER(ErrorStruct)()
