"""timeline.Error and timeline.TimelineWarning."""

__all__ = ["Error", "TimelineWarning", "MEANINGS"]

# The sysexits codes of tl_error_code, as the command line exits with them.
MEANINGS = {
    1: "internal",
    64: "usage",
    65: "data",
    66: "no input",
    73: "cannot create",
    74: "i/o",
    78: "config",
}


class Error(Exception):
    """A chart could not be made or written.

    Attributes:
        message: the whole message, with the position first when there is one
            ("events.csv:14:3: invalid date ..."), as the command line prints it.
        code: the exit status the command line would end with: 64 usage (a bad option or
            value), 65 data (the input is not a usable timeline, or warnings with strict=True),
            66 no input (cannot be opened), 73 cannot create (the output), 74 i/o, 78 config
            (fonts), 1 internal.
        meaning: the code in words: "usage", "data", "no input", "cannot create", "i/o",
            "config" or "internal".
        path: the input or file the problem is in, or None.
        line, column: the position in it (1-based), or None when unknown. For a DataFrame
            these are the lines of the CSV text it was written as; see row.
        row: for a DataFrame, the index label of the row the problem is in; else None.
        warnings: with strict=True, the warnings that made the chart fail; else empty.
    """

    def __init__(self, message, code=64, path=None, line=None, column=None, row=None,
                 warnings=()):
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.line = line or None
        self.column = column or None
        self.row = row
        self.warnings = list(warnings)

    @property
    def meaning(self):
        """The code in words ("usage", "data", "no input", ...)."""
        return MEANINGS.get(self.code, "internal")

    def __str__(self):
        return self.message

    def __reduce__(self):
        # Every attribute through pickle (multiprocessing), not only the message.
        return (type(self), (self.message, self.code, self.path, self.line, self.column,
                             self.row, self.warnings))

    def __repr__(self):
        return f"timeline.Error({self.message!r}, code={self.code})"


class TimelineWarning(UserWarning):
    """A problem that did not stop the chart: a row skipped or repaired, a label shortened,
    a title cell that was not text. One warnings.warn() per message; the same messages are
    in Chart.warnings. Turn them into errors with strict=True, or silence them with
    warnings.simplefilter("ignore", timeline.TimelineWarning)."""
