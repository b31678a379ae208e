/* Mermaid timeline and gantt diagrams: what the readers of the two diagrams share
 * (mermaid-load.c: the document's lines, front matter, comments, directives and accessibility
 * statements; mermaid-dayjs.c: a gantt's dateFormat, durations and axis settings). Each
 * diagram becomes rows of named cells (table.h), read as CSV rows are. Internal to data/. */
#ifndef TL_MERMAID_H
#define TL_MERMAID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/table.h"
#include "timeline/timeline.h"

/* One statement: a line with its white space and any trailing %% comment taken off. `text`
 * points into the document (not NUL-terminated); line and col are those of text[0]. */
typedef struct tl_mermaid_stmt {
    const char *text;
    size_t len;
    unsigned long line, col;
} tl_mermaid_stmt;

/* A document being read. */
typedef struct tl_mermaid {
    const char *path;
    tl_timeline *tl;
    const tl_load_options *opts;
    tl_table *table;
    const char *p, *end; /* what is left to read */
    unsigned long line;  /* the line p is on */
    /* The title: a title statement's, else the front matter's (owned). */
    char *title;
    unsigned long title_line, title_col;
    bool title_stated; /* by a statement, which wins over the front matter */
} tl_mermaid;

/* The next statement (blank lines, comments, directives and accessibility text skipped, each
 * directive and accessibility statement with a note); false at the end of the document. */
bool tl_mermaid_next(tl_mermaid *m, tl_mermaid_stmt *st);

/* Whether the statement starts with the keyword `word` (any case) followed by white space or
 * its end; *rest (may be NULL) is then what follows it, trimmed. */
bool tl_mermaid_keyword(const tl_mermaid_stmt *st, const char *word, tl_mermaid_stmt *rest);

/* The part [a, b) of a statement, trimmed, with its own position. */
tl_mermaid_stmt tl_mermaid_part(const tl_mermaid_stmt *st, const char *a, const char *b);

/* A title statement ("title TEXT"): true when it was one (and is recorded). */
bool tl_mermaid_title(tl_mermaid *m, const tl_mermaid_stmt *st);

/* A warning at line:col of the document, and a note naming a line (printf formats). */
void tl_mermaid_warn(tl_mermaid *m, unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void tl_mermaid_note(tl_mermaid *m, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The two diagrams, after their first statement. They fill m->table; false with *err for a
 * document that cannot be read at all (a timeline period that cannot be dated; a gantt never
 * fails: what it cannot read is a warning). */
bool tl_mermaid_timeline(tl_mermaid *m, const tl_mermaid_stmt *head, tl_error **err);
bool tl_mermaid_gantt(tl_mermaid *m, tl_error **err);

/* ---------------------------------------------------------------------------------------------
 * Gantt dates (mermaid-dayjs.c)
 * ------------------------------------------------------------------------------------------- */

/* A date read with a dateFormat: the civil date and time as written, in seconds since
 * 1970-01-01 as if it were UTC, and how precisely it is written. */
typedef struct tl_mermaid_when {
    int64_t wall;
    tl_precision precision; /* DAY, MINUTE or SECOND */
    bool utc;               /* an instant (X, x): written with "Z" */
    bool offset;            /* written with an offset from UTC (Z, ZZ) */
    int offset_minutes;
    bool no_year; /* the format has no year: 1970 is taken (the clock would change the chart) */
} tl_mermaid_when;

/* Reads s[0..len) with a dayjs format ("YYYY-MM-DD", "DD/MM/YYYY HH:mm", "X") as dayjs's
 * strict mode does: every token and literal must match, and the values must be a real date.
 * False for anything else. */
bool tl_mermaid_date_parse(const char *format, const char *s, size_t len, tl_mermaid_when *out);

/* The date as text the date grammar reads: "2024-01-05", "2024-01-05T10:30",
 * "2024-01-05T10:30:00+09:00", "1970-01-01T00:00:04Z". */
void tl_mermaid_date_text(const tl_mermaid_when *w, char *buf, size_t size);

/* Moves a date by `seconds` (keeping its precision unless the move is finer). */
void tl_mermaid_date_add(tl_mermaid_when *w, int64_t seconds);

/* A Mermaid duration ("3d", "1.5w", "24h", "30m", "2M", "1y", "500ms") as a plan amount
 * ("3d", "1.5w", "24h", "0.5h", "2mo", "1y"), hours counted in days of `day_hours` when that
 * is above 0 (workdayhours). False for another text. */
bool tl_mermaid_duration(const char *s, size_t len, double day_hours, char *out, size_t size);
/* A duration's length in seconds, months and years as 30 and 365 days: where a milestone is
 * drawn. False for another text. */
bool tl_mermaid_duration_seconds(const char *s, size_t len, double day_hours, double *seconds);

/* axisFormat (d3's strftime: "%Y-%m-%d", "%b %d") as an ICU skeleton ("yyyyMMdd", "MMMdd") and
 * the unit of its finest field ("day"); a field with no skeleton letter is noted. False when no
 * field maps. */
bool tl_mermaid_axis_skeleton(tl_mermaid *m, const tl_mermaid_stmt *value, char *skeleton,
                              size_t size, const char **unit);
/* tickInterval ("1week", "2day") as a ticks step ("week", "2 days") and its unit; another text
 * warns (milliseconds are noted). */
bool tl_mermaid_tick_step(tl_mermaid *m, const tl_mermaid_stmt *value, char *step, size_t size,
                          const char **unit);

#endif /* TL_MERMAID_H */
