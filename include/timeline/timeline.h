/* libtimeline: turn a CSV of events into a timeline chart (SVG, PNG, PDF).
 *
 * The pipeline has three stages, each an opaque object:
 *
 *   tl_timeline  (events loaded from CSV)
 *     -> tl_scene (laid-out, backend-neutral drawing: shapes and measured text)
 *       -> output  (SVG, PNG, PDF via Cairo, or the scene as JSON)
 *
 * Conventions
 * - Functions that can fail return false or NULL and, when `err` is not NULL, set `*err` to a
 *   new tl_error that the caller frees with tl_error_free(). `*err` must be NULL on entry.
 * - Objects returned by `_new`/`_load` functions belong to the caller, who frees them with the
 *   matching `_free`. Every `_free` accepts NULL.
 * - Strings returned by getters are borrowed: valid until the owning object is freed.
 * - Getters by index (`tl_timeline_get_event(tl, i)`, with a matching `_count`) return NULL for
 *   an index past the end.
 * - The library never prints. Warnings (bad rows that were skipped, labels that were
 *   shortened) are collected on the object that produced them.
 * - Out of memory aborts the process with a message (as GLib, which Pango uses, does): the
 *   library prints "timeline: out of memory (allocating N bytes)" to stderr and calls abort().
 *   No partial file is left at an output path. Cairo running out of memory (the pixels of a
 *   very large PNG) is an error instead, TL_ERROR_INTERNAL.
 *
 * Threads
 * - The library keeps no global state of its own but one slot naming the temporary file of the
 *   render to a file under way, for tl_render_abort_temp_files() (a signal handler's cleanup):
 *   threads that each use their own objects may call it at the same time, with no lock, and get
 *   the same bytes as one thread would; only the first of two renders to files at once has its
 *   temporary file in that slot.
 * - A font context (tl_fonts), the scenes laid out with it and the timelines those scenes were
 *   laid out from belong together: one thread at a time may use any of them (lay out, draw,
 *   query, ref, unref, free). The font context's Pango font map and layout cache cannot be
 *   shared between threads, and the references a scene holds on its font context and its
 *   timeline are counted without locks. Such a set may move to another thread once the first
 *   is done with it (after a join, or through a lock or queue).
 * - So give every thread its own font context (from tl_fonts_new() or
 *   tl_fonts_new_with_options()) and its own timelines, even when two threads draw the same
 *   CSV: load it in each.
 * - Options (tl_load_options, tl_font_options, tl_layout_options, tl_render_options) are only
 *   read by the calls that take them: several threads may pass the same options as long as
 *   none changes or frees them meanwhile.
 * - tl_font_options_set_process_wide() changes fontconfig's configuration for the whole
 *   process: leave it off in a program that makes font contexts on several threads.
 */
#ifndef TL_TIMELINE_H
#define TL_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "timeline/tl-version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TL_COMPILATION) && defined(__GNUC__)
#define TL_EXPORT __attribute__((visibility("default")))
#else
#define TL_EXPORT
#endif

/* ---------------------------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------------------------- */

/* Error codes are the sysexits.h values, so a command-line front end can exit with them. */
typedef enum tl_error_code {
    TL_ERROR_INTERNAL = 1,   /* a bug or an unexpected library failure */
    TL_ERROR_USAGE = 64,     /* invalid option or argument */
    TL_ERROR_DATA = 65,      /* the input is not a usable timeline */
    TL_ERROR_NOINPUT = 66,   /* the input cannot be opened */
    TL_ERROR_CANTCREAT = 73, /* the output cannot be created */
    TL_ERROR_IO = 74,        /* reading or writing failed part-way */
    TL_ERROR_CONFIG = 78,    /* fonts or configuration are unusable */
} tl_error_code;

typedef struct tl_error {
    tl_error_code code;
    /* Complete message, with the position first when there is one:
     * "events.csv:14:3: invalid date "2019-02-30" in column "start"". */
    char *message;
    /* Position of the problem in the input; path is NULL and line/column 0 when unknown. */
    char *path;
    unsigned long line;
    unsigned long column;
} tl_error;

/* Frees an error and its strings. NULL is a no-op. */
TL_EXPORT void tl_error_free(tl_error *err);

/* The library's version as "MAJOR.MINOR.PATCH"; static storage. */
TL_EXPORT const char *tl_version_string(void);

/* ---------------------------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------------------------- */

/* How precisely a date was written. The order is from coarse to fine. */
typedef enum tl_precision {
    TL_PRECISION_YEAR,
    TL_PRECISION_MONTH,
    TL_PRECISION_DAY,
    TL_PRECISION_MINUTE,
    TL_PRECISION_SECOND,
} tl_precision;

/* Qualifiers of a date, a bit set. */
enum {
    TL_TIME_APPROXIMATE = 1 << 0, /* "c. 1850", "2019-11~" */
    TL_TIME_UNCERTAIN = 1 << 1,   /* "2019-11?" */
    TL_TIME_BEFORE = 1 << 2,      /* "before 1850": some time up to hi (lo = hi) */
    TL_TIME_AFTER = 1 << 3,       /* "after 1850": some time from lo (lo = hi) */
};

/* A date as written in the data: the interval of instants it can mean. "2019-11" is
 * lo = 2019-11-01T00:00:00Z, hi = 2019-11-30T23:59:59Z, precision MONTH. Instants are seconds
 * since 1970-01-01T00:00:00Z in the proleptic Gregorian calendar (negative before 1970). */
typedef struct tl_time {
    int64_t lo;
    int64_t hi;
    tl_precision precision;
    unsigned flags; /* TL_TIME_* */
} tl_time;

/* What lo and hi mean for each form (docs/dates.md has the whole grammar with examples):
 * - precision is the unit in which lo and hi are whole: "2019-11" is MONTH, "early Nov 2019"
 *   (1-10 Nov) DAY, "Q3 2020" and "spring 2020" MONTH, "1940s" and "19th century" YEAR.
 * - APPROXIMATE ("c. 1850", "1850~") and UNCERTAIN ("1850?"; unspecified digits such as
 *   "201X" = 2010-2019, "2019-XX" = the year 2019) leave lo and hi those of the date written.
 * - BEFORE: "before 1850" has lo = hi = 1849-12-31T23:59:59Z, the last instant before 1850;
 *   AFTER: "after 1850" has lo = hi = 1851-01-01T00:00:00Z, the first instant after 1850.
 *   The precision is that of the date named (YEAR here).
 * - "between 1850 and 1860" has no flag: lo = 1850-01-01T00:00:00Z, hi = 1860-12-31T23:59:59Z.
 * - Times of day written without an offset are in the load's time zone (UTC by default);
 *   offsets are normalised to UTC. Dates without a time of day are calendar days (UTC). */

/* Order of the fields of an all-numeric date such as 04/11/2019. Without one, such a date is
 * refused (never guessed row by row); "2019/11/04", with a 4-digit first field, is always
 * year-month-day, and "11/2019" month/year. */
typedef enum tl_date_order {
    TL_DATE_ORDER_NONE,
    TL_DATE_ORDER_DMY, /* 04/11/2019 is 4 November 2019 */
    TL_DATE_ORDER_MDY, /* 04/11/2019 is 11 April 2019 */
    TL_DATE_ORDER_YMD, /* 2019/11/04 */
} tl_date_order;

/* Looks up a date order by name ("dmy", "mdy", "ymd", case-insensitively). */
TL_EXPORT bool tl_date_order_from_name(const char *name, tl_date_order *out);

/* Parses a date as the CSV loader does (ISO 8601 at any precision, and the other forms in
 * docs/dates.md). Returns false and sets *err (TL_ERROR_USAGE, the message says why) when the text
 * is not a date. */
TL_EXPORT bool tl_time_parse(const char *text, tl_time *out, tl_error **err);
/* Writes the date in ISO 8601 at its precision ("2019-11", "2020-09-16", "-0499" for 500 BCE)
 * into buf; returns the length it needs (snprintf semantics). */
TL_EXPORT size_t tl_time_format(const tl_time *t, char *buf, size_t size);

/* ---------------------------------------------------------------------------------------------
 * Timeline model
 * ------------------------------------------------------------------------------------------- */

typedef struct tl_timeline tl_timeline;
typedef struct tl_event tl_event;

typedef enum tl_event_type {
    TL_EVENT_POINT,  /* happens at one date (of whatever precision) */
    TL_EVENT_SPAN,   /* has a start and an end: drawn as a bar */
    TL_EVENT_ERA,    /* a period drawn as a labelled background band */
    TL_EVENT_MARKER, /* a moment drawn as a full-height line with its label ("today") */
} tl_event_type;

typedef enum tl_status {
    TL_STATUS_CONFIRMED,
    TL_STATUS_TENTATIVE,
    TL_STATUS_CANCELLED,
    TL_STATUS_POSTPONED,
    TL_STATUS_RESCHEDULED,
    TL_STATUS_DISPUTED,
    TL_STATUS_OTHER, /* a status word the vocabulary does not know; see tl_event_get_status_text()
                      */
} tl_status;

/* How to read a CSV file: an opaque set of options with defaults (sniffed delimiter, no
 * numeric date order, UTC, columns found from the header). The caller frees them with
 * tl_load_options_free(); NULL is a no-op. Load functions take them as `const
 * tl_load_options *` (NULL means the defaults) and do not keep them. */
typedef struct tl_load_options tl_load_options;

TL_EXPORT tl_load_options *tl_load_options_new(void);
TL_EXPORT void tl_load_options_free(tl_load_options *opts);
/* The order of all-numeric dates such as 04/11/2019 (default TL_DATE_ORDER_NONE: such dates
 * are refused with a row warning). */
TL_EXPORT void tl_load_options_set_date_order(tl_load_options *opts, tl_date_order order);
/* The time zone of times of day written without an offset: an IANA name ("Europe/Paris",
 * "America/New_York"), "UTC", or an offset "+09:00"; NULL or "" for UTC (the default).
 * Daylight-saving time is applied for the date written. Returns false and sets *err
 * (TL_ERROR_USAGE, "unknown time zone "Mars/Olympus" ...") for an unknown zone, leaving the
 * options unchanged. */
TL_EXPORT bool tl_load_options_set_time_zone(tl_load_options *opts, const char *name,
                                             tl_error **err);
/* The field delimiter, or 0 to sniff it from the header line (',' ';' or TAB, whichever
 * occurs most outside quotes; a first line "sep=;" as Excel writes it names it). Returns
 * false and sets *err (TL_ERROR_USAGE) for a quote, a line break, NUL or a non-ASCII byte. */
TL_EXPORT bool tl_load_options_set_delimiter(tl_load_options *opts, char delimiter, tl_error **err);
/* Whether bytes that are not UTF-8 are replaced with U+FFFD (the replacement character, one
 * per ill-formed sequence) and reported as warnings "FILE:LINE:COL: invalid UTF-8 (byte 0xE9)
 * replaced with U+FFFD" (the first ten; then a count), instead of failing the load. Positions
 * are those of the repaired text. Off by default. UTF-16 files and NUL bytes still fail. */
TL_EXPORT void tl_load_options_set_repair_utf8(tl_load_options *opts, bool enable);
/* Start and end cells are plain numbers, not dates ("12", "-3.5", "1e3"): positions on a
 * numeric axis (version numbers, depths, frames, kyr), kept to a thousandth. A cell that is
 * not a number is the row's usual warning, "invalid number". Lay such a timeline out with
 * tl_layout_options_set_numeric(). */
TL_EXPORT void tl_load_options_set_numeric(tl_load_options *opts, bool numeric);
/* Names the header of the column that plays `role`, overriding what the header row and the
 * detected profile say. Roles: "start", "end", "title", "description", "group", "status",
 * "type", "importance", "color", "url", "source", "sort", "group_order", "id", "depends",
 * "duration", "progress". `header` is
 * matched like header names (case, spaces, '_', '-' and '.' ignored); NULL removes the
 * override. Returns false and sets *err (TL_ERROR_USAGE) for an unknown role. A header that
 * the file lacks fails the load (TL_ERROR_USAGE). */
TL_EXPORT bool tl_load_options_set_column(tl_load_options *opts, const char *role,
                                          const char *header, tl_error **err);
/* The working calendar of a project plan (docs/plans.md): durations and lags in hours, days
 * and weeks count only working time. `mask` has bit 0 for Monday to bit 6 for Sunday (0x1f:
 * Monday to Friday; 0 or 0x7f: every day, the default). `holidays` (copied; every day each
 * one covers) are days off as well. */
TL_EXPORT void tl_load_options_set_workdays(tl_load_options *opts, unsigned mask);
TL_EXPORT void tl_load_options_set_holidays(tl_load_options *opts, const tl_time *holidays,
                                            size_t count);
/* Parses "Mon-Fri", "Sun-Thu", "Mon,Wed,Fri" into a mask for tl_load_options_set_workdays();
 * false for another text. */
TL_EXPORT bool tl_workdays_parse(const char *text, unsigned *mask);

/* The format of an input. AUTO: from the options, else the file's extension (.csv .tsv .txt;
 * .json; .jsonl .ndjson; .mmd .mermaid; .mw), else its content (docs/formats.md). */
typedef enum tl_input_format {
    TL_INPUT_AUTO,
    TL_INPUT_CSV,        /* comma, semicolon or tab separated (sniffed) */
    TL_INPUT_JSON,       /* an array of event objects whose keys are the CSV's column names */
    TL_INPUT_JSONL,      /* JSON Lines: one such object a line */
    TL_INPUT_TIMELINEJS, /* TimelineJS3's JSON: {"title", "events", "eras"} */
    TL_INPUT_MERMAID,    /* a Mermaid timeline or gantt diagram */
    TL_INPUT_MARKWHEN,   /* Markwhen text */
} tl_input_format;

/* Looks up a format by name: "auto", "csv", "tsv", "json", "jsonl", "ndjson", "timelinejs",
 * "mermaid", "mmd" or "markwhen". */
TL_EXPORT bool tl_input_format_from_name(const char *name, tl_input_format *out);
TL_EXPORT void tl_load_options_set_input_format(tl_load_options *opts, tl_input_format format);

/* Loads a timeline from a file in any input format (tl_input_format; docs/formats.md), "-"
 * for standard input. Messages and errors as tl_timeline_load_csv_file(); malformed JSON is
 * TL_ERROR_DATA with json-glib's position. */
TL_EXPORT tl_timeline *tl_timeline_load_file(const char *path, const char *display_name,
                                             const tl_load_options *opts, tl_error **err);
/* The same from `len` bytes of memory (borrowed); the format from `display_name`'s extension
 * or the content when the options leave it AUTO. */
TL_EXPORT tl_timeline *tl_timeline_load_buffer(const char *data, size_t len,
                                               const char *display_name,
                                               const tl_load_options *opts, tl_error **err);

/* Loads a timeline from CSV. The first row is a header naming the columns; known layouts
 * (TimelineJS v3 and v1 sheets, Preceden exports, vistime, timevis, px.timeline) are
 * recognised from it (see tl_timeline_get_profile()), and otherwise the columns are ours:
 * start, end, title, description, group, status, type, importance, color, url, source, sort,
 * group_order, and their aliases (docs/csv-format.md). `path` "-" reads standard input.
 * `display_name` is used in messages; NULL means `path`. `opts` may be NULL for defaults.
 *
 * Rows that cannot be used (a bad date, an end before its start, an empty title) are skipped,
 * and each adds a warning "FILE:LINE:COL: message"; the result may then hold no event at all
 * (tl_layout() reports that). Smaller problems (an unknown status or type, a bad importance)
 * add a warning and keep the row. Returns NULL and sets *err (code TL_ERROR_DATA, NOINPUT or
 * IO) when the file cannot be opened or read, is not UTF-8 CSV text (a NUL byte, invalid
 * UTF-8, an unterminated quote), or has no usable header (no start or no title column), and
 * TL_ERROR_USAGE when a column named in `opts` is not in the header. The caller frees the
 * result.
 *
 * A regular file of 1 MiB or more is parsed in two halves at once when there are two
 * processors: a thread of the library's own reads the second half and has ended by the time
 * this returns. The result is the same as a read in one go. */
TL_EXPORT tl_timeline *tl_timeline_load_csv_file(const char *path, const char *display_name,
                                                 const tl_load_options *opts, tl_error **err);

/* As tl_timeline_load_csv_file() but reads an open stream (not closed). */
TL_EXPORT tl_timeline *tl_timeline_load_csv_stream(FILE *fp, const char *display_name,
                                                   const tl_load_options *opts, tl_error **err);

/* As tl_timeline_load_csv_file() but reads `len` bytes from memory (borrowed). */
TL_EXPORT tl_timeline *tl_timeline_load_csv_buffer(const char *data, size_t len,
                                                   const char *display_name,
                                                   const tl_load_options *opts, tl_error **err);

/* Frees the timeline and everything it owns, or, while scenes laid out from it remain, gives
 * up the caller's hold on it (see tl_layout()): the timeline may be freed before its scenes.
 * NULL is a no-op. */
TL_EXPORT void tl_timeline_free(tl_timeline *tl);

/* Events in chart order (by start, then the "sort" column, then file order); NULL past the
 * end. */
TL_EXPORT size_t tl_timeline_get_event_count(const tl_timeline *tl);
TL_EXPORT const tl_event *tl_timeline_get_event(const tl_timeline *tl, size_t index);

/* Warnings collected while loading, each "FILE:LINE:COL: message"; NULL past the end. */
TL_EXPORT size_t tl_timeline_get_warning_count(const tl_timeline *tl);
TL_EXPORT const char *tl_timeline_get_warning(const tl_timeline *tl, size_t index);

/* Notes: what loading decided that is worth telling but is not a problem ("profile:
 * TimelineJS v3", "column "Media" ignored", "delimiter: semicolon"); NULL past the end. */
TL_EXPORT size_t tl_timeline_get_note_count(const tl_timeline *tl);
TL_EXPORT const char *tl_timeline_get_note(const tl_timeline *tl, size_t index);

/* Chart settings the source states of itself, as style-file assignments "KEY=VALUE" (a
 * Mermaid gantt's "tickInterval 1week" is "ticks=1 week", its todayMarker "today=..."). The
 * CLI applies them under the style file and the command line; NULL past the end. */
TL_EXPORT size_t tl_timeline_get_setting_count(const tl_timeline *tl);
TL_EXPORT const char *tl_timeline_get_setting(const tl_timeline *tl, size_t index);

/* The header layout detected: "timeline" (ours), "TimelineJS v3", "TimelineJS v1",
 * "Preceden", "vistime", "timevis" or "px.timeline". Static storage. */
TL_EXPORT const char *tl_timeline_get_profile(const tl_timeline *tl);

/* The field of the header row (0 the first) that the column `role` was read from: "start",
 * "end", "title", "group" ... (the roles of tl_load_options_set_column()), after aliases,
 * profiles and column options; -1 when no field gave it. For a program that wrote the table
 * and wants to know which of its columns was taken as what. */
TL_EXPORT long tl_timeline_get_column(const tl_timeline *tl, const char *role);

/* The timeline's own title, from a row of type "title" (a TimelineJS title slide); "" when
 * there is none. Such a row is not an event. */
TL_EXPORT const char *tl_timeline_get_title(const tl_timeline *tl);

/* Groups in the order the chart shows them: by the group_order column (a number; the first
 * value given for a group counts), then groups without one in order of first appearance in
 * the file. "" is not a group. NULL past the end. */
TL_EXPORT size_t tl_timeline_get_group_count(const tl_timeline *tl);
TL_EXPORT const char *tl_timeline_get_group(const tl_timeline *tl, size_t index);

/* Figures for a summary such as `timeline --check`. */
typedef struct tl_timeline_stats {
    size_t rows;       /* data rows read (header and blank rows excluded) */
    size_t events;     /* rows that became events */
    size_t title_rows; /* rows that gave the title */
    size_t skipped;    /* rows dropped, each with a warning */
    size_t points, spans, eras, markers;
    size_t groups;
    size_t warnings;
    size_t notes;
    bool has_range;   /* false when there is no event */
    int64_t earliest; /* the smallest start lo */
    int64_t latest;   /* the largest end hi (start hi for events without an end) */
} tl_timeline_stats;

/* Fills *out (all zero for a NULL timeline). */
TL_EXPORT void tl_timeline_get_stats(const tl_timeline *tl, tl_timeline_stats *out);

/* Event accessors. Strings are never NULL (absent text is ""). */
TL_EXPORT const char *tl_event_get_title(const tl_event *ev);
TL_EXPORT const char *tl_event_get_description(const tl_event *ev);
TL_EXPORT const char *tl_event_get_group(const tl_event *ev);
/* Position of the event's group in tl_timeline_get_group(); -1 without a group. */
TL_EXPORT int tl_event_get_group_index(const tl_event *ev);
/* As written (trimmed); the layout validates it. */
TL_EXPORT const char *tl_event_get_color(const tl_event *ev);
TL_EXPORT const char *tl_event_get_url(const tl_event *ev);
TL_EXPORT const char *tl_event_get_source(const tl_event *ev);
TL_EXPORT tl_event_type tl_event_get_type(const tl_event *ev);
TL_EXPORT tl_status tl_event_get_status(const tl_event *ev);
/* The status cell as written ("" when empty); what to show for TL_STATUS_OTHER. */
TL_EXPORT const char *tl_event_get_status_text(const tl_event *ev);
TL_EXPORT int tl_event_get_importance(const tl_event *ev);
/* For an open start ("../2020") the start is lo = hi = the end's lo with TL_TIME_BEFORE. */
TL_EXPORT tl_time tl_event_get_start(const tl_event *ev);
/* Returns false when the event has no end (a point event, an open-ended era, or a span with
 * an open end: see tl_event_get_end_open()). */
TL_EXPORT bool tl_event_get_end(const tl_event *ev, tl_time *end);
/* True for a span whose start ("../2020") or end ("2020-09/..", an end cell "..", "open",
 * "ongoing" or "present") is open: it runs on beyond the other bound. */
TL_EXPORT bool tl_event_get_start_open(const tl_event *ev);
TL_EXPORT bool tl_event_get_end_open(const tl_event *ev);
/* The start and end cells as written in the file ("" when absent). For a TimelineJS sheet
 * they are the date parts joined as "YEAR-MONTH-DAY TIME", as written. */
TL_EXPORT const char *tl_event_get_start_text(const tl_event *ev);
TL_EXPORT const char *tl_event_get_end_text(const tl_event *ev);
/* Display labels of the dates ("Nov 2019", "c. 1850", "before 1850", "500 BCE"; "…" for an
 * open bound; "" for no end), and of the whole event: the start label for a point,
 * "START – END" for a span, or the "Display Date" of a TimelineJS sheet. docs/dates.md lists
 * the conventions. */
TL_EXPORT const char *tl_event_get_start_label(const tl_event *ev);
TL_EXPORT const char *tl_event_get_end_label(const tl_event *ev);
TL_EXPORT const char *tl_event_get_date_label(const tl_event *ev);
/* 1-based line of the row in its file. */
TL_EXPORT unsigned long tl_event_get_line(const tl_event *ev);
/* The row's id ("" for none): what depends cells, relative starts and --epoch name it by. */
TL_EXPORT const char *tl_event_get_id(const tl_event *ev);
/* Project plans (docs/plans.md). Percent done, or -1 when the row gives none. */
TL_EXPORT double tl_event_get_progress(const tl_event *ev);
/* The total slack of a plan's task in days (working days with a working calendar), as the
 * critical path method finds it, and whether the task is critical (no slack). False for an
 * event outside a plan. */
TL_EXPORT bool tl_event_get_slack(const tl_event *ev, double *slack, bool *critical);
/* A plan's dependencies: the predecessor and successor (indices for tl_timeline_get_event()),
 * the link type ("FS", "SS", "FF" or "SF", static) and whether the dates violate it. Any
 * out-pointer may be NULL; false past the end. */
TL_EXPORT size_t tl_timeline_get_dependency_count(const tl_timeline *tl);
TL_EXPORT bool tl_timeline_get_dependency(const tl_timeline *tl, size_t index, size_t *from,
                                          size_t *to, const char **type, bool *violated);

/* ---------------------------------------------------------------------------------------------
 * Fonts
 * ------------------------------------------------------------------------------------------- */

/* The font context: one Pango font map shared by text measurement and drawing, so what is
 * measured is what is drawn. Reference-counted because a layout and a renderer may share it.
 *
 * By default the font map sees a private fontconfig configuration, not the machine's: the
 * families asked for, then a fixed fallback chain (Noto Sans, Noto Sans Devanagari, Noto Sans
 * CJK JP, Noto Sans Arabic, Noto Naskh Arabic, Noto Sans Hebrew), each family's files found
 * by name among the machine's fonts (distribution folders first), plus any folders added. So
 * the same input gives the same chart whatever else is installed, and fontconfig prints
 * nothing. Text is tagged with a fixed language per script, so the locale does not matter
 * either. Characters none of these fonts has are drawn as boxes, and layouts warn about them
 * (tl_scene_get_warning()). */
typedef struct tl_fonts tl_fonts;

/* How to set up a font context: an opaque set of options with defaults (the default family,
 * the private font set, no added folder). The caller frees them with tl_font_options_free();
 * NULL is a no-op. tl_fonts_new_with_options() does not keep them. */
typedef struct tl_font_options tl_font_options;

TL_EXPORT tl_font_options *tl_font_options_new(void);
TL_EXPORT void tl_font_options_free(tl_font_options *opts);
/* The chart's font as a Pango font description: a family list and an optional size ("Noto
 * Serif", "Inter, Noto Sans 12"). The families come first, before the fallback chain. A size
 * scales every text of the chart relative to a base of 10 pt ("... 12" sets text 1.2 times
 * its usual size; 2 to 100 pt). Styles and weights in the description are ignored: each part
 * of the chart has its own. NULL: the default, "Noto Sans". Copied; checked by
 * tl_fonts_new_with_options(). */
TL_EXPORT void tl_font_options_set_font(tl_font_options *opts, const char *font);
/* Adds a folder of font files (those shipped with a report), searched recursively; its fonts
 * can then be asked for by family name. May be called several times. Copied; checked by
 * tl_fonts_new_with_options(). */
TL_EXPORT void tl_font_options_add_dir(tl_font_options *opts, const char *dir);
/* Uses the machine's fontconfig configuration (every installed font, its aliases such as
 * "serif" or "monospace") instead of the private set. Charts then depend on what is
 * installed. Off by default. */
TL_EXPORT void tl_font_options_set_system_fonts(tl_font_options *opts, bool enable);
/* Makes the private font set fontconfig's current configuration for the whole process, which
 * spares Pango reading the machine's configuration when it starts (some 9 ms, most of what a
 * small chart costs). Only for programs that draw no other text: anything else in the process
 * that asks fontconfig for fonts then sees this set alone, for the rest of the process. Off by
 * default; the timeline command turns it on. No effect with tl_font_options_set_system_fonts(). */
TL_EXPORT void tl_font_options_set_process_wide(tl_font_options *opts, bool enable);

/* Creates a font context; `opts` may be NULL for the defaults. Returns NULL and sets *err
 * (TL_ERROR_CONFIG) when the first family asked for is not found, the description is not
 * usable (no family nor size, a size out of range), a folder does not exist or holds no
 * font, or no font of the default set is installed. The caller releases the result with
 * tl_fonts_unref(). */
TL_EXPORT tl_fonts *tl_fonts_new_with_options(const tl_font_options *opts, tl_error **err);
/* tl_fonts_new_with_options() with only a font description (NULL for the default). */
TL_EXPORT tl_fonts *tl_fonts_new(const char *font, tl_error **err);
TL_EXPORT tl_fonts *tl_fonts_ref(tl_fonts *fonts);
TL_EXPORT void tl_fonts_unref(tl_fonts *fonts);
/* The family list asked for, as written (the default family when none was); borrowed. */
TL_EXPORT const char *tl_fonts_get_family(const tl_fonts *fonts);
/* The font files of the private configuration, sorted by path (none with the machine's
 * fonts): what a chart can be drawn with. Borrowed; NULL past the end. */
TL_EXPORT size_t tl_fonts_get_file_count(const tl_fonts *fonts);
TL_EXPORT const char *tl_fonts_get_file(const tl_fonts *fonts, size_t index);

/* ---------------------------------------------------------------------------------------------
 * Layout
 * ------------------------------------------------------------------------------------------- */

typedef struct tl_layout_options tl_layout_options;
typedef struct tl_scene tl_scene;

typedef enum tl_variant {
    TL_VARIANT_RIBBON,   /* one horizontal axis; labels above and below on stems */
    TL_VARIANT_LANES,    /* one horizontal lane per group, bars packed into rows */
    TL_VARIANT_VERTICAL, /* time runs down the page; events as cards left and right of a line */
} tl_variant;

typedef enum tl_theme {
    TL_THEME_LIGHT,
    TL_THEME_DARK,
    TL_THEME_PRINT,
    TL_THEME_COLORBLIND, /* Paul Tol's bright palette, and marker shapes by group */
} tl_theme;

/* Options with defaults: ribbon layout, light theme, width 900 pt, height fitted to the
 * content, no title. The caller frees them with tl_layout_options_free(). */
TL_EXPORT tl_layout_options *tl_layout_options_new(void);
TL_EXPORT void tl_layout_options_free(tl_layout_options *opts);
/* An independent copy (freed with tl_layout_options_free()): one chart's own settings over
 * options shared by several. */
TL_EXPORT tl_layout_options *tl_layout_options_copy(const tl_layout_options *opts);
TL_EXPORT void tl_layout_options_set_variant(tl_layout_options *opts, tl_variant variant);
TL_EXPORT void tl_layout_options_set_theme(tl_layout_options *opts, tl_theme theme);
/* Title drawn above the chart; NULL or "" for none. Copied. */
TL_EXPORT void tl_layout_options_set_title(tl_layout_options *opts, const char *title);
/* A second line under the title, and a caption (a source or note) under the legend; NULL or
 * "" for none. Copied. */
TL_EXPORT void tl_layout_options_set_subtitle(tl_layout_options *opts, const char *subtitle);
TL_EXPORT void tl_layout_options_set_caption(tl_layout_options *opts, const char *caption);
/* Lanes: the groups to put first, comma-separated ("Japan,India"); the others follow in the
 * data's order. NULL or "" for the data's order. Copied. */
TL_EXPORT void tl_layout_options_set_group_order(tl_layout_options *opts, const char *groups);
/* A window on time: the chart runs from the start of `from` to the end of `to` (either may
 * be NULL: no limit on that side). Events wholly outside are not drawn (a scene warning counts
 * them); spans and eras crossing an edge are cut there and marked with an arrow. */
TL_EXPORT void tl_layout_options_set_window(tl_layout_options *opts, const tl_time *from,
                                            const tl_time *to);
/* Whether long empty stretches of time (a gap between events longer than a fifth of the
 * chart's extent) are cut out of the axis and drawn as a visible break. On by default. */
TL_EXPORT void tl_layout_options_set_axis_breaks(tl_layout_options *opts, bool enable);
/* The axis's ticks, chosen: "auto" (the default: the densest calendar step whose labels fit),
 * or a step "UNIT" or "N UNITs" with UNIT one of year, quarter, month, week, day, hour, minute,
 * second ("quarter", "2 years", "week", "6 hours"). Every tick of a chosen step is drawn;
 * labels that would collide are left out, with one scene warning. Quarters are labelled Q1-Q4
 * under their year (or fiscal year, tl_layout_options_set_fiscal_year()); chosen weeks by ISO
 * week ("W53") under their ISO week-year. Returns false and sets *err (TL_ERROR_USAGE, naming
 * the value) for an unknown unit or a step below 1. */
TL_EXPORT bool tl_layout_options_set_ticks(tl_layout_options *opts, const char *spec,
                                           tl_error **err);
/* The rows of the axis's band, chosen: up to three units from the top, separated by commas
 * ("year,quarter,month", "month,week,day", "quarter,month"), each of year, quarter, month,
 * week, day, hour, at most once. The finest is the ticks' row (its labels thinned where they
 * would collide), the others name their units in spans. NULL or "" for the axis's own choice.
 * Ribbon and lanes; the vertical layout's line has one row. Returns false and sets *err
 * (TL_ERROR_USAGE, naming the value) for an unknown unit, a repeated one or more than three. */
TL_EXPORT bool tl_layout_options_set_tiers(tl_layout_options *opts, const char *list,
                                           tl_error **err);
/* The words of the ticks of one unit ("second" to "year", the units of tl_layout_options_set_tiers
 * and the tier above the ticks), as an ICU date skeleton ("MMMM" for "November", "yy" for
 * "19", "EEEd" for "Sat 16"), written in the chart's locale (English without one; ICU is then
 * loaded for the ticks alone). NULL or "" returns the unit to the axis's own words. Returns
 * false and sets *err (TL_ERROR_USAGE) for an unknown unit or a skeleton that is not letters. */
TL_EXPORT bool tl_layout_options_set_tick_format(tl_layout_options *opts, const char *unit,
                                                 const char *skeleton, tl_error **err);
/* The day weeks start on ("monday", the default and ISO 8601's, "sunday", "saturday"; or the
 * first three letters): week ticks fall on it, and weeks that start on another day than Monday
 * are numbered with week 1 holding 1 January. False for another name. */
TL_EXPORT bool tl_layout_options_set_week_start(tl_layout_options *opts, const char *day);
/* Fiscal years for quarter ticks: the month (1-12) they start in (1, the default: calendar
 * years), and whether one is named by the year it starts in ("FY2024" for April 2024 to March
 * 2025) rather than, by the usual convention, the year it ends in ("FY2025"). */
TL_EXPORT void tl_layout_options_set_fiscal_year(tl_layout_options *opts, int start_month,
                                                 bool name_by_start);
/* The time zone whose wall clock the axis shows (an IANA name, "UTC" or an offset such as
 * "+09:00"; NULL or "" for UTC, the default): hour and day ticks at its hours and midnights,
 * across daylight-saving changes (the skipped hour gets no tick, the repeated one two), and
 * their labels and the day tier in its wall clock. Returns false and sets *err (TL_ERROR_USAGE)
 * for a zone tzdata does not know. */
TL_EXPORT bool tl_layout_options_set_time_zone(tl_layout_options *opts, const char *name,
                                               tl_error **err);
/* A numeric axis for a timeline loaded with tl_load_options_set_numeric(): ticks at 1-2-5
 * steps of the values, labelled with `unit` ("250 m", "3 kyr"; NULL or "" for none), dates
 * written as the numbers were, with the unit. Calendar options (ticks, tiers, today, shading)
 * do not apply. */
TL_EXPORT void tl_layout_options_set_numeric(tl_layout_options *opts, bool numeric,
                                             const char *unit);
/* The time scale: LINEAR (the default), or LOG, the time
 * before the present on a logarithmic scale, for charts of "years ago" (evolution, geology,
 * cosmology): the present (the latest event's end, or today when set) at the right edge, ticks
 * at powers of ten years ago ("100 years ago", "10 ka", "1 Ma"), no axis breaks. An event
 * after today is an error (TL_ERROR_DATA) when the scale is LOG. In the vertical layout the
 * line runs down from the oldest to the present. */
typedef enum tl_time_scale {
    TL_TIME_SCALE_LINEAR,
    TL_TIME_SCALE_LOG,
} tl_time_scale;
TL_EXPORT void tl_layout_options_set_scale(tl_layout_options *opts, tl_time_scale scale);
/* An elapsed-time axis: the ticks count from an origin (a launch, an incident, the first dose
 * of a study) instead of naming calendar dates; positions stay the events' times. `epoch` NULL:
 * the earliest event's start. The style: T ("T−2 h", "T+0", "T+3 d"), or days, weeks or months
 * numbered from `base` (0 or 1) at the epoch ("Day 1", "Week 2", "Month 3", in the locale's
 * words). The axis has one row of labels. `enable` false returns to calendar ticks. */
typedef enum tl_elapsed_style {
    TL_ELAPSED_T,
    TL_ELAPSED_DAY,
    TL_ELAPSED_WEEK,
    TL_ELAPSED_MONTH,
} tl_elapsed_style;
TL_EXPORT void tl_layout_options_set_elapsed(tl_layout_options *opts, bool enable,
                                             const tl_time *epoch, tl_elapsed_style style,
                                             int base);
TL_EXPORT bool tl_elapsed_style_from_name(const char *name, tl_elapsed_style *out);
/* The epoch of an elapsed axis as the start of the event whose id (the `id` column) is `id`,
 * in place of a date (NULL or "" for none). Laying out fails with TL_ERROR_USAGE, naming the
 * id, when no event has it. */
TL_EXPORT void tl_layout_options_set_epoch_event(tl_layout_options *opts, const char *id);
/* Days shaded behind the plot of the ribbon and lanes layouts when the axis is fine enough to
 * show them (a day at least 2 points wide): Saturdays and Sundays with `weekends`, and each of
 * the `count` holidays (dates or intervals, copied). NULL/0 for no holidays. */
TL_EXPORT void tl_layout_options_set_shade(tl_layout_options *opts, bool weekends,
                                           const tl_time *holidays, size_t count);
/* Shades the days of the week in `days_off` (bit 0 Monday .. bit 6 Sunday; a project plan's
 * days outside its working week) instead of the weekend alone; 0 shades none. Holidays stay
 * as tl_layout_options_set_shade() set them. */
TL_EXPORT void tl_layout_options_set_shade_days(tl_layout_options *opts, unsigned days_off);
/* A project plan's critical path (the tasks without slack, and the dependencies that drive
 * them) outlined, with a legend entry (docs/plans.md). Off by default. */
TL_EXPORT void tl_layout_options_set_critical_path(tl_layout_options *opts, bool enable);
/* "60 %" after the label of each task with a progress. Off by default. */
TL_EXPORT void tl_layout_options_set_show_progress(tl_layout_options *opts, bool enable);
/* Where the time axis is read. AUTO (the default): the lanes layout's over the lanes, as Gantt
 * charts read; the ribbon's along its spine between the marks and the bars. TOP, BOTTOM, BOTH:
 * the lanes layout's axis there; the ribbon keeps its spine and repeats the axis over the
 * chart, under it or both, for a long read. The vertical layout has its line. */
typedef enum tl_axis_position {
    TL_AXIS_AUTO,
    TL_AXIS_TOP,
    TL_AXIS_BOTTOM,
    TL_AXIS_BOTH,
} tl_axis_position;
TL_EXPORT void tl_layout_options_set_axis_position(tl_layout_options *opts, tl_axis_position at);
TL_EXPORT bool tl_axis_position_from_name(const char *name, tl_axis_position *out);
/* An as-of line: a full-height line at `today` labelled with its date, drawn in every layout
 * as a marker event is (NULL for none, the default). The library never reads the clock: a
 * caller that wants the present passes it. Outside a --from/--to window it is not drawn. */
TL_EXPORT void tl_layout_options_set_today(tl_layout_options *opts, const tl_time *today);
/* What becomes of the events wholly before today: SHOW (default) draws them as the others,
 * DIM fades them towards the paper. Without a today it does nothing. */
typedef enum tl_past {
    TL_PAST_SHOW,
    TL_PAST_DIM,
} tl_past;
TL_EXPORT void tl_layout_options_set_past(tl_layout_options *opts, tl_past past);
TL_EXPORT bool tl_past_from_name(const char *name, tl_past *out);
/* Canvas size in points (1/72 in). 0 means: width 900, height fitted to the content. */
TL_EXPORT void tl_layout_options_set_size(tl_layout_options *opts, double width, double height);

/* The widest an event's label may be, in points: ribbon labels wrap at this width (on up to
 * three lines, then are ellipsized; default 150) and lanes labels are ellipsized at it
 * (default 240). 0 (or a value that is not a positive number up to 100000) restores the
 * layout's default. The vertical layout sizes its cards from the canvas instead. */
TL_EXPORT void tl_layout_options_set_label_width(tl_layout_options *opts, double width);
/* Whether titles, labels and other texts are Pango markup limited to <b> <i> <u> <s> <sub>
 * <sup> (with &lt; &amp; for literal characters). Off by default: "<b>" is drawn as written.
 * Text that is not such markup is drawn as written, with a scene warning. */
TL_EXPORT void tl_layout_options_set_markup(tl_layout_options *opts, bool enable);

/* The reader's locale, a BCP 47 tag ("ja", "hi", "ar", "zh-Hans", "fr", "en-GB",
 * "ja-u-ca-japanese", "hi-u-nu-latn"): axis ticks, dates and numbers in that language and
 * calendar (through ICU, loaded on first use), the chart's own words from the catalog of that
 * language (tl_locale_catalogs()), right-to-left locales mirrored (see
 * tl_layout_options_set_direction()), and the documents' language declared. NULL or "" for
 * none: the chart's words are English, as they always were. The environment (LANG, LC_*)
 * never changes a chart. Returns false and sets *err (TL_ERROR_USAGE, naming the tag and the
 * catalogs shipped) for a malformed tag, a language ICU has no data for or an unknown
 * calendar, leaving the options as they were; TL_ERROR_CONFIG when ICU cannot be loaded. */
TL_EXPORT bool tl_layout_options_set_locale(tl_layout_options *opts, const char *tag,
                                            tl_error **err);
/* Which way time runs. AUTO: right to left for a right-to-left locale (ar, he, fa, ur), which
 * mirrors the whole chart (time, titles, legend, labels beside their stems), else left to
 * right. */
typedef enum tl_direction {
    TL_DIRECTION_AUTO,
    TL_DIRECTION_LTR,
    TL_DIRECTION_RTL,
} tl_direction;
TL_EXPORT void tl_layout_options_set_direction(tl_layout_options *opts, tl_direction direction);
TL_EXPORT bool tl_direction_from_name(const char *name, tl_direction *out);
/* The languages whose chart words are shipped (compiled in), as BCP 47 tags, besides English;
 * a NULL-terminated array in static storage. */
TL_EXPORT const char *const *tl_locale_catalogs(void);

/* Looks up a variant or theme by its name ("ribbon", "lanes", "vertical"; "light", "dark",
 * "print", "colorblind"). */
TL_EXPORT bool tl_variant_from_name(const char *name, tl_variant *out);
TL_EXPORT bool tl_theme_from_name(const char *name, tl_theme *out);
/* A theme's name ("light") and a one-line description of it; static storage. NULL for a value
 * that is not a theme, so `for (t = 0; tl_theme_get_name(t); t++)` lists them all. */
TL_EXPORT const char *tl_theme_get_name(tl_theme theme);
TL_EXPORT const char *tl_theme_get_description(tl_theme theme);

/* The marker shapes a style may give point events. */
typedef enum tl_shape {
    TL_SHAPE_CIRCLE,
    TL_SHAPE_SQUARE,
    TL_SHAPE_DIAMOND,
} tl_shape;

/* Parts of a chart whose type size a style may set. */
typedef enum tl_text_part {
    TL_TEXT_TITLE,
    TL_TEXT_SUBTITLE,
    TL_TEXT_CAPTION,
    TL_TEXT_LABEL, /* event titles */
    TL_TEXT_DATE,
    TL_TEXT_BODY, /* descriptions */
    TL_TEXT_TICK,
    TL_TEXT_BAND, /* era, marker and lane names, the axis's second row */
    TL_TEXT_LEGEND,
    TL_TEXT_BADGE,
} tl_text_part;

/* Kinds of line whose width a style may set. */
typedef enum tl_line_kind {
    TL_LINE_AXIS,   /* ticks and the axis's rules */
    TL_LINE_STEM,   /* from a label to its mark */
    TL_LINE_MARK,   /* marker outlines */
    TL_LINE_BAR,    /* span outlines */
    TL_LINE_GRID,   /* grid lines */
    TL_LINE_MARKER, /* the full-height line of a type=marker event */
} tl_line_kind;

/* Look up the style's names, as written in lower case: statuses "confirmed", "tentative",
 * "cancelled" (or "canceled"), "postponed", "rescheduled", "disputed" (never
 * TL_STATUS_OTHER); shapes "circle", "square", "diamond"; text parts "title", "subtitle",
 * "caption", "label", "date", "body", "tick", "band", "legend", "badge"; lines "axis",
 * "stem", "mark", "bar", "grid", "marker". False for any other name, leaving *out unchanged. */
TL_EXPORT bool tl_status_from_name(const char *name, tl_status *out);
TL_EXPORT bool tl_shape_from_name(const char *name, tl_shape *out);
TL_EXPORT bool tl_text_part_from_name(const char *name, tl_text_part *out);
TL_EXPORT bool tl_line_kind_from_name(const char *name, tl_line_kind *out);

/* Style: changes to the theme's look (theme < style). Each setter validates its arguments and
 * returns false, setting *err (TL_ERROR_USAGE, the message names the bad value and what is
 * accepted), leaving the options unchanged; a status, shape, part or line that is not one of
 * its enumeration's values (TL_STATUS_OTHER among them) is refused so. Strings are copied.
 * Colours are "#rgb", "#rrggbb", "#rrggbbaa" or a CSS colour name (the CSV's color column
 * wins over all of them). */
/* The colour of a group's events and legend entry (group as in the data, case-sensitive). */
TL_EXPORT bool tl_layout_options_set_group_color(tl_layout_options *opts, const char *group,
                                                 const char *color, tl_error **err);
/* The colour of events with a status, over their group's (and its legend key). */
TL_EXPORT bool tl_layout_options_set_status_color(tl_layout_options *opts, tl_status status,
                                                  const char *color, tl_error **err);
/* The marker shape of a group's point events, and of events with a status (a status's shape
 * wins over its group's). */
TL_EXPORT bool tl_layout_options_set_group_shape(tl_layout_options *opts, const char *group,
                                                 tl_shape shape, tl_error **err);
TL_EXPORT bool tl_layout_options_set_status_shape(tl_layout_options *opts, tl_status status,
                                                  tl_shape shape, tl_error **err);
/* The size in points (2 to 100) of a part's text. A --font size scales these too. */
TL_EXPORT bool tl_layout_options_set_font_size(tl_layout_options *opts, tl_text_part part,
                                               double size, tl_error **err);
/* The width in points (0.1 to 20) of a kind of line. */
TL_EXPORT bool tl_layout_options_set_line_width(tl_layout_options *opts, tl_line_kind line,
                                                double width, tl_error **err);
/* The canvas colour, or "transparent" (PNG then has an alpha channel; SVG and PDF have no
 * background rectangle). NULL restores the theme's. */
TL_EXPORT bool tl_layout_options_set_background(tl_layout_options *opts, const char *color,
                                                tl_error **err);

/* Lays out the timeline, measuring text with `fonts`. Events whose labels cannot be placed are
 * reported as scene warnings, never drawn over each other. Returns NULL and sets *err when the
 * requested canvas cannot hold the chart. The caller frees the result.
 *
 * Who owns what: the scene reads its events from the timeline (their dates, titles, groups,
 * links and sources) instead of copying them, and holds the timeline for as long as it lives;
 * it also holds a reference to `fonts`. So the scene may outlive
 * `tl` (whose memory goes with the last of the timeline and its scenes) and `opts` (not
 * kept). The holds are counted without locks: calls that lay out or free a timeline or its
 * scenes are made from one thread at a time. */
TL_EXPORT tl_scene *tl_layout(const tl_timeline *tl, const tl_layout_options *opts, tl_fonts *fonts,
                              tl_error **err);
TL_EXPORT void tl_scene_free(tl_scene *scene);

/* Canvas size in points. */
TL_EXPORT double tl_scene_get_width(const tl_scene *scene);
TL_EXPORT double tl_scene_get_height(const tl_scene *scene);
/* Warnings of the layout (labels shortened or left out, characters no font has); NULL past
 * the end. */
TL_EXPORT size_t tl_scene_get_warning_count(const tl_scene *scene);
TL_EXPORT const char *tl_scene_get_warning(const tl_scene *scene, size_t index);

/* Writes the scene as JSON (format in docs/scene-json.md) to `fp`. Returns false and sets *err
 * (TL_ERROR_IO) when writing fails. */
TL_EXPORT bool tl_scene_write_json(const tl_scene *scene, FILE *fp, tl_error **err);

/* ---------------------------------------------------------------------------------------------
 * Pages
 *
 * By default a chart is one page exactly its own size ("fit"). With a page size, the layout
 * plans pages: horizontal charts (ribbon, lanes) are spread along time, each page its own
 * window of time at a legible scale (or one slice of one scale per page, see
 * tl_layout_options_set_page_scale()), with the axis (and the lanes' group names) on every
 * page; the vertical
 * layout is tiled down. Page breaks never cut through a text. Every page gets a number
 * ("Page 2 of 5") in its bottom margin, later pages the title followed by "(continued)".
 * PDF and PostScript draw the pages; SVG and PNG draw the whole chart as one canvas.
 * ------------------------------------------------------------------------------------------- */

/* The page size in points, portrait or as given (A4 is 210 x 297 mm, 595.28 x 841.89 pt;
 * Letter 612 x 792); 0 x 0 (the default) is "fit": one page the size of the chart, and the
 * other page options are ignored. */
TL_EXPORT void tl_layout_options_set_page(tl_layout_options *opts, double width, double height);
/* Turns the page to landscape (the longer side across). Off by default. */
TL_EXPORT void tl_layout_options_set_landscape(tl_layout_options *opts, bool landscape);
/* Page margins in points: top, right, bottom, left (default 15 mm each). Page numbers sit in
 * the bottom margin. Negative values count as 0. */
TL_EXPORT void tl_layout_options_set_margins(tl_layout_options *opts, const double margins[4]);
/* The number of pages to spread the chart over; 0 (the default) chooses: as few as keep every
 * label placed at a legible size (at most 100, with a scene warning past that). */
TL_EXPORT void tl_layout_options_set_pages(tl_layout_options *opts, int pages);
/* Scales the chart to one page wide instead of tiling it: horizontal layouts then fit on one
 * page, the vertical layout is tiled down. Off by default. */
TL_EXPORT void tl_layout_options_set_fit_width(tl_layout_options *opts, bool fit_width);
/* How pages across time share the time scale. AUTO (the default): each page has its own time
 * window and scale, chosen so that the pages hold similar shares of the events at a legible
 * size, and each page states its window and scale ("1943–1950 · 1 cm ≈ 3 months") by its
 * number. UNIFORM: one scale for every page, the chart cut into slices of equal length of
 * time per page. Charts on a log, numeric or elapsed-time axis, right-to-left charts, project
 * plans with dependencies, charts with a list of sources and the vertical layout are always
 * printed at one scale. */
typedef enum tl_page_scale {
    TL_PAGE_SCALE_AUTO,
    TL_PAGE_SCALE_UNIFORM,
} tl_page_scale;
TL_EXPORT void tl_layout_options_set_page_scale(tl_layout_options *opts, tl_page_scale scale);
/* The number of pages the scene is drawn on in PDF and PostScript: 1 without a page size. */
TL_EXPORT size_t tl_scene_get_page_count(const tl_scene *scene);

/* ---------------------------------------------------------------------------------------------
 * Rendering
 * ------------------------------------------------------------------------------------------- */

typedef enum tl_format {
    TL_FORMAT_SVG,
    TL_FORMAT_PNG,
    TL_FORMAT_PDF,
    TL_FORMAT_JSON, /* the scene itself */
    TL_FORMAT_PS,   /* PostScript, one page per page of the scene */
    TL_FORMAT_EPS,  /* Encapsulated PostScript: the whole chart as one page */
} tl_format;

/* Looks up a format by name ("svg", "png", "pdf", "json", "ps", "eps"), case-insensitively. */
TL_EXPORT bool tl_format_from_name(const char *name, tl_format *out);
/* The format a file name implies by its extension; false when it implies none. */
TL_EXPORT bool tl_format_from_filename(const char *filename, tl_format *out);

/* How to write an output: an opaque set of options with defaults (PNG at 96 dpi and scale 1,
 * SVG text as glyph outlines, PDF document information from the chart alone). The caller
 * frees them with tl_render_options_free(); NULL is a no-op. Render functions take them as
 * `const tl_render_options *` (NULL means the defaults) and do not keep them. Setters and
 * getters take non-NULL options; setters never fail and set no error: a value they cannot
 * judge alone (a resolution, text that is not UTF-8) fails the render that uses it, with
 * TL_ERROR_USAGE. */
typedef struct tl_render_options tl_render_options;

/* New options holding the defaults; never NULL (out of memory aborts). The caller frees them
 * with tl_render_options_free(). */
TL_EXPORT tl_render_options *tl_render_options_new(void);
/* Frees the options and the strings they copied. NULL is a no-op. */
TL_EXPORT void tl_render_options_free(tl_render_options *opts);
/* PNG resolution: pixels per inch (default 96). Scene points are 1/72 in. A PNG render fails
 * when the dpi or the scale is not a positive number, or the image would be over 32767 pixels
 * a side. */
TL_EXPORT void tl_render_options_set_dpi(tl_render_options *opts, double dpi);
TL_EXPORT double tl_render_options_get_dpi(const tl_render_options *opts);
/* Extra PNG scale factor applied on top of the dpi (default 1). */
TL_EXPORT void tl_render_options_set_scale(tl_render_options *opts, double scale);
TL_EXPORT double tl_render_options_get_scale(const tl_render_options *opts);
/* SVG only: live <text> (selectable, searchable, smaller files) instead of glyph outlines,
 * laid out with the same line breaks and positions, in the scene's font families named by the
 * viewer. Off by default: outlines, identical on every machine. */
TL_EXPORT void tl_render_options_set_svg_text(tl_render_options *opts, bool enable);
/* PDF document information, UTF-8, copied (the caller keeps its string); NULL or "" for none
 * (the default). Text that is not UTF-8 makes a PDF render fail. The creation date is
 * SOURCE_DATE_EPOCH when it is set to a number of seconds, else 1970-01-01T00:00:00Z, never the
 * clock, so the same chart always gives the same bytes. */
TL_EXPORT void tl_render_options_set_pdf_author(tl_render_options *opts, const char *author);
TL_EXPORT void tl_render_options_set_pdf_subject(tl_render_options *opts, const char *subject);
TL_EXPORT void tl_render_options_set_pdf_keywords(tl_render_options *opts, const char *keywords);
/* The PDF document title, also written as the PostScript %%Title; copied. NULL (the default)
 * is the chart's title, "" none. */
TL_EXPORT void tl_render_options_set_pdf_title(tl_render_options *opts, const char *title);
/* The PDF creator; copied. NULL (the default) is "timeline VERSION", "" none. */
TL_EXPORT void tl_render_options_set_pdf_creator(tl_render_options *opts, const char *creator);

/* Draws the scene onto a stream in `format`. Nothing is written to `fp` for a scene that
 * cannot be drawn. Returns false and sets *err (TL_ERROR_IO for a write failure,
 * TL_ERROR_USAGE for an impossible size) on failure. `opts` may be NULL for defaults. */
TL_EXPORT bool tl_render_to_stream(const tl_scene *scene, tl_format format,
                                   const tl_render_options *opts, FILE *fp, tl_error **err);

/* Draws the scene into memory: on success *data holds the *len bytes tl_render_to_stream()
 * would write (the caller frees them with tl_free()); on failure *data is NULL, *len 0, and
 * *err is set as for tl_render_to_stream(). For programs, and other languages' bindings, that
 * keep a chart rather than write it. */
TL_EXPORT bool tl_render_to_memory(const tl_scene *scene, tl_format format,
                                   const tl_render_options *opts, unsigned char **data, size_t *len,
                                   tl_error **err);
/* Frees memory the library handed over (tl_render_to_memory()'s bytes). NULL is a no-op. */
TL_EXPORT void tl_free(void *ptr);

/* Draws the scene to the file `path` atomically: the file is written under a temporary name in
 * the same folder and renamed over `path` only when complete, so a failure never leaves a
 * partial file nor replaces an existing one. Errors: TL_ERROR_CANTCREAT, TL_ERROR_IO. */
TL_EXPORT bool tl_render_to_file(const tl_scene *scene, tl_format format,
                                 const tl_render_options *opts, const char *path, tl_error **err);
/* For a handler of SIGINT, SIGTERM, SIGHUP and the like that is about to end the process:
 * removes the temporary file of the tl_render_to_file() under way, if any, so that the process
 * leaves no hidden ".NAME.XXXXXX" file and the output keeps its previous contents. The render
 * itself goes on: end the process afterwards (restore the default action and raise the signal
 * again, or _exit()). Async-signal-safe, and the one function here that is: all it does is
 * unlink() a path that tl_render_to_file() keeps in a static buffer, guarded by a
 * volatile sig_atomic_t flag set once the path is complete. One path is registered at a time,
 * which covers a program that renders its files one after the other; a render started in
 * another thread while one is under way is not registered. A relative path is taken relative
 * to the working directory of the moment. */
TL_EXPORT void tl_render_abort_temp_files(void);

/* ---------------------------------------------------------------------------------------------
 * Jobs: charts made from options given by name, as the timeline command makes them
 *
 * A job holds every option of the command line, set by its long name and text value, and the
 * font context its charts share; a chart is one input read, laid out and drawn with them. The
 * command line is a front end over these calls, so a program (or another language's binding)
 * that sets the same options gets the same bytes. Options only a front end acts on (output,
 * format, check, quiet, verbose, strict, watch ...; tl_option_info.front_end) are recorded for
 * it to read back with tl_job_get_value() and change no chart.
 * ------------------------------------------------------------------------------------------- */

typedef struct tl_job tl_job;
typedef struct tl_chart tl_chart;

/* What an option takes, for help texts, completions and bindings. */
typedef enum tl_option_arg {
    TL_OPTION_FLAG,    /* no value on the command line; "true" or "false" when set by name */
    TL_OPTION_VALUE,   /* a value */
    TL_OPTION_LIST,    /* a value; each use adds one (--font-dir, --holidays ...) */
    TL_OPTION_HEADING, /* not an option: a heading of --help ("Output", "Chart" ...) */
} tl_option_arg;

/* What a front end does itself with an option; TL_OPTION_ACTION_NONE for most. */
typedef enum tl_option_action {
    TL_OPTION_ACTION_NONE,
    TL_OPTION_ACTION_STYLE_FILE, /* -c FILE: tl_job_load_style_file() */
    TL_OPTION_ACTION_STYLE_KEY,  /* -S KEY=VALUE: tl_job_set_style() */
    TL_OPTION_ACTION_HELP,
    TL_OPTION_ACTION_VERSION,
    TL_OPTION_ACTION_COMPLETION,
} tl_option_action;

typedef struct tl_option_info {
    const char *name; /* the long option and style-file key ("layout", "col-start") */
    int short_name;   /* 'o', or 0 */
    tl_option_arg arg;
    const char *metavar;  /* "FILE", "PT": what the value is; NULL for a flag */
    const char *section;  /* its style-file section; NULL: not in style files */
    const char *help;     /* one line; NULL for options --help does not list */
    const char *complete; /* completion: words ("svg png pdf"), "@file", "@dir", or NULL */
    bool front_end;       /* recorded for the front end; changes no chart */
    tl_option_action action;
} tl_option_info;

/* The options, in --help's order, headings included; NULL past the end. Static data. */
TL_EXPORT size_t tl_option_count(void);
TL_EXPORT const tl_option_info *tl_option_get(size_t index);
/* The option named `name` (a long name), or NULL. */
TL_EXPORT const tl_option_info *tl_option_find(const char *name);

/* The option name closest to `word` when `word` looks like a typo of it ("colour" ->
 * "color"), else NULL. */
TL_EXPORT const char *tl_option_suggest(const char *word);
/* The kinds of [palette] key of style files ("group", "status", "group-shape", "status-shape",
 * "font", "line"): a key is KIND.NAME. NULL past the end. */
TL_EXPORT const char *tl_palette_kind(size_t index);

TL_EXPORT tl_job *tl_job_new(void);
/* NULL is a no-op. Charts made from the job must be freed first. */
TL_EXPORT void tl_job_free(tl_job *job);

/* Sets the option `name` (a long option without its dashes: "layout", "theme", "page",
 * "col-start") from its text, as the command line would: a flag takes "true" or "false" (also
 * yes/no, on/off, 1/0), a list option adds one value a call. Options set later win. Fails with
 * TL_ERROR_USAGE and a message "--NAME: why" for an unknown option, a bad value, or an option
 * that is an action (help, version, completion, -c, -S). */
TL_EXPORT bool tl_job_set(tl_job *job, const char *name, const char *value, tl_error **err);
/* Applies a style file (INI: [chart], [axis], [plan], [pdf], [columns], [palette]; keys the
 * long option names; docs/styles.md). Errors name the file and line: TL_ERROR_USAGE for a bad
 * key or value, TL_ERROR_NOINPUT or TL_ERROR_IO when it cannot be read. */
TL_EXPORT bool tl_job_load_style_file(tl_job *job, const char *path, tl_error **err);
/* Applies one style key, "KEY=VALUE" or "SECTION.KEY=VALUE" (the command line's -S). */
TL_EXPORT bool tl_job_set_style(tl_job *job, const char *assignment, tl_error **err);
/* The settings as a style file (--print-config), NUL-terminated; free with tl_free(). */
TL_EXPORT char *tl_job_get_style_text(const tl_job *job);
/* The text last set for option `name` ("true"/"false" for a flag), or NULL when it was not
 * set. Borrowed until the option is set again or the job freed. */
TL_EXPORT const char *tl_job_get_value(const tl_job *job, const char *name);
/* Whether the flag `name` is on (false when it was not set). */
TL_EXPORT bool tl_job_get_flag(const tl_job *job, const char *name);

/* Checks the options together, once all are set: text options must be UTF-8 (or, with
 * repair-utf8, are repaired with a warning of the job's), --to must not be before --from.
 * TL_ERROR_USAGE on failure. The chart calls do it themselves; a front end calls it to report
 * these problems before reading any input. */
TL_EXPORT bool tl_job_check(tl_job *job, tl_error **err);
/* The job's own warnings (text options repaired), after tl_job_check(). Borrowed. */
TL_EXPORT size_t tl_job_get_warning_count(const tl_job *job);
TL_EXPORT const char *tl_job_get_warning(const tl_job *job, size_t index);
/* The font context the job's charts share, created on first use from the font options; the
 * renders after the first reuse it. NULL with *err set (TL_ERROR_CONFIG) when the fonts cannot
 * be set up. `process_wide` as tl_font_options_set_process_wide(), read when it is created.
 * Borrowed from the job. */
TL_EXPORT tl_fonts *tl_job_get_fonts(tl_job *job, bool process_wide, tl_error **err);
/* Shares `other`'s font context when it has one and both jobs ask for the same fonts (font,
 * font-dir, system-fonts): a binding that makes a job a chart renders every chart after the
 * first without setting fonts up again. Returns whether it did. */
TL_EXPORT bool tl_job_share_fonts(tl_job *job, const tl_job *other);
/* The files and folders the options read (style files, --holidays, --font-dir), for a front end
 * that watches them; *folder tells which. NULL past the end. */
TL_EXPORT size_t tl_job_get_read_count(const tl_job *job);
TL_EXPORT const char *tl_job_get_read(const tl_job *job, size_t index, bool *folder);

/* Reads an input in any format (the input-format option, else the name's extension, else its
 * content), "-" for standard input, and applies what the source states of its own axis (a
 * Mermaid gantt's tickInterval ...) where the options leave it unset. Errors as
 * tl_timeline_load_file(), and those of tl_job_check(). The chart borrows the job. */
TL_EXPORT tl_chart *tl_chart_load_file(tl_job *job, const char *path, tl_error **err);
/* The same from `len` bytes of memory (copied as needed); `display_name` names it in messages
 * and its extension may tell the format ("events.csv"; NULL: "<data>"). */
TL_EXPORT tl_chart *tl_chart_load_buffer(tl_job *job, const char *data, size_t len,
                                         const char *display_name, tl_error **err);
TL_EXPORT void tl_chart_free(tl_chart *chart);
/* The events read. Borrowed. */
TL_EXPORT const tl_timeline *tl_chart_get_timeline(const tl_chart *chart);
/* Lays the chart out (once; later calls do nothing) with the job's fonts, created as
 * tl_job_get_fonts(job, false, ...) when the job has none yet. Errors as tl_layout(). */
TL_EXPORT bool tl_chart_layout(tl_chart *chart, tl_error **err);
/* The laid-out scene, or NULL before tl_chart_layout(). Borrowed. */
TL_EXPORT const tl_scene *tl_chart_get_scene(const tl_chart *chart);
/* The chart's warnings in order: the rows skipped or repaired while reading, settings of the
 * source that were not applied, then, after the layout, the layout's (events left unlabelled
 * ...). Each names its input and, where there is one, line and column. Borrowed. */
TL_EXPORT size_t tl_chart_get_warning_count(const tl_chart *chart);
TL_EXPORT const char *tl_chart_get_warning(const tl_chart *chart, size_t index);
/* Notes for a verbose front end (the profile recognised, settings taken from the source). */
TL_EXPORT size_t tl_chart_get_note_count(const tl_chart *chart);
TL_EXPORT const char *tl_chart_get_note(const tl_chart *chart, size_t index);
/* Draws the chart (laid out first when it is not yet) with the job's render options (dpi,
 * scale, svg-text, the PDF metadata), as tl_render_to_file(), tl_render_to_stream() and
 * tl_render_to_memory() do. */
TL_EXPORT bool tl_chart_render_to_file(tl_chart *chart, tl_format format, const char *path,
                                       tl_error **err);
TL_EXPORT bool tl_chart_render_to_stream(tl_chart *chart, tl_format format, FILE *fp,
                                         tl_error **err);
TL_EXPORT bool tl_chart_render_to_memory(tl_chart *chart, tl_format format, unsigned char **data,
                                         size_t *len, tl_error **err);

/* Drawing onto a caller's Cairo context: tl_render_to_cairo() in <timeline/timeline-cairo.h>,
 * so that only its users compile against Cairo's headers. */

#ifdef __cplusplus
}
#endif

#endif /* TL_TIMELINE_H */
