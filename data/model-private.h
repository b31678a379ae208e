/* The timeline model: plain structs behind the public opaque handles. */
#ifndef TL_MODEL_PRIVATE_H
#define TL_MODEL_PRIVATE_H

#include "timeline/timeline.h"

#include <glib.h>

#include "common/tl-arena.h"
#include "common/tl-strv.h"
#include "data/intern.h"

/* Columns whose strings are interned (see tl_timeline.recent), and how many recent values
 * each remembers. */
enum { TL_MODEL_INTERN_SLOTS = 4, TL_MODEL_INTERN_WAYS = 8 };

/* How a dependency ties its successor to its predecessor: finish-to-start (the default: the
 * successor starts when the predecessor ends), start-to-start, finish-to-finish,
 * start-to-finish. */
typedef enum tl_link_type {
    TL_LINK_FS,
    TL_LINK_SS,
    TL_LINK_FF,
    TL_LINK_SF,
} tl_link_type;

/* A dependency between two events, found by data/plan.c: events are named by their `order`
 * (file position) until tl_model_finish() sorts them, and by index in tl->events after. */
typedef struct tl_link {
    size_t from, to; /* predecessor and successor */
    tl_link_type type;
    int64_t lag;   /* working seconds (see data/plan.h) */
    bool violated; /* the successor's dates break it */
    bool critical; /* both ends are critical and the link drives the successor */
} tl_link;

/* What a row of a project plan adds to its event (NULL for other rows): the cells that
 * data/plan.c resolves after the last row, and what it finds. Arena memory. */
typedef struct tl_plan_row {
    const char *depends;  /* the depends cell as written, "" for none */
    const char *duration; /* the duration cell as written, "" for none */
    unsigned long depends_line, depends_col;
    unsigned long start_line, start_col;
    unsigned long duration_line, duration_col;
    double progress;    /* 0..100, or -1 when not given */
    bool start_pending; /* the start is relative (or empty, with dependencies): resolved later */
    bool end_pending;   /* the end is start + duration: resolved later */
    bool has_slack;
    bool critical; /* on the critical path: no slack */
    double slack;  /* total slack in days (working days with a working calendar) */
} tl_plan_row;

/* What few rows have, kept apart so that a million events without it do not each carry 48
 * bytes of empty fields. Every stored event points at one: its own, in the arena, or the
 * shared tl_event_no_extra. */
typedef struct tl_event_extra {
    const char *color; /* arena strings, never NULL; "" for none */
    const char *url;
    const char *source;
    const char *id;
    double sort;       /* tie-breaker among events with the same start; 0 when not given */
    tl_plan_row *plan; /* NULL unless the row has plan cells */
} tl_event_extra;

extern const tl_event_extra tl_event_no_extra;

struct tl_event {
    tl_time start; /* for an open start: lo = hi = the end's lo, flag TL_TIME_BEFORE */
    tl_time end;   /* valid when has_end */
    bool has_end;
    bool start_open;     /* "../2020": the start is not known */
    bool end_open;       /* "2020/..", or end "present": a span without a known end */
    bool own_date_label; /* date_label is the sheet's own, not made from the dates */
    tl_event_type type;
    tl_status status;
    int importance; /* 1..5, 3 when not given */
    /* Index of `group` in tl_timeline.groups, -1 for no group. Set by tl_model_finish(), which
     * also makes `group` point at the shared copy in `groups`. */
    int group_index;
    /* The fields are ordered to leave no padding: a million events are a million of these. */
    const char *title; /* arena strings, never NULL */
    const char *description;
    const char *group;
    const char *start_text;
    const char *end_text;
    /* Display labels made by data/date-label.c ("Nov 2019", "c. 1850"); end_label is "" without an
     * end and "…" for an open end. date_label is the whole event's ("Nov 2019 – Mar 2020"),
     * or a TimelineJS "Display Date". */
    const char *start_label;
    const char *end_label;
    const char *date_label;
    const char *status_text; /* the status cell as written; shown for TL_STATUS_OTHER */
    unsigned long line;      /* 1-based line where the row starts */
    size_t order;            /* position among the file's rows, for stable ordering */
    /* Never NULL in a stored event. A row given to tl_model_add_event() may leave it NULL
     * for none. */
    const tl_event_extra *extra;
};

struct tl_timeline {
    /* Holders: the caller of the loader, and every scene whose events point at its strings
     * (tl_timeline_retain()); tl_timeline_free() releases one. */
    int refcount;
    tl_arena strings;
    /* Unused rest of the current block of packed strings (inside `strings`). */
    char *string_pool;
    size_t string_pool_left;
    tl_event *events;
    size_t count;
    size_t cap;
    tl_strv warnings;
    tl_strv notes;
    tl_strv settings; /* "key=value": what the source asks of the chart */
    /* Group names in chart order: by group_order, then first appearance (arena strings). */
    const char **groups;
    size_t group_count;
    size_t group_cap;
    /* group name -> its group_order (the first value given; GLib-allocated keys and boxed
     * doubles); NULL until a row gives one. */
    GHashTable *group_orders;
    /* Recently copied short strings of the columns whose values repeat (group, status,
     * colour, source), so that a million rows do not store a million copies of "confirmed". */
    const char *recent[TL_MODEL_INTERN_SLOTS][TL_MODEL_INTERN_WAYS];
    unsigned recent_next[TL_MODEL_INTERN_SLOTS];
    /* Dates as written and their labels, shared however the rows are ordered. */
    tl_intern dates;
    const char *title;   /* arena string; "" when the file has no title row */
    const char *profile; /* static: "timeline", "TimelineJS v3", ... */
    /* The header field each column role was read from (tl_columns.index), in the arena; NULL
     * before a header is read. */
    size_t *column_index;
    size_t rows;       /* data rows read, blank ones excluded */
    size_t title_rows; /* rows that gave the title rather than an event */
    /* Project plans (data/plan.c): the dependencies, in the order the rows give them. */
    tl_link *links;
    size_t nlinks;
    bool has_plan; /* a row has plan cells: tl_plan_resolve() has work to do */
    bool by_start; /* the events are sorted by start (tl_model_sort_by_start()) */
};

tl_timeline *tl_model_new(void);
/* Appends an event; its strings are copied into the timeline's arena (NULL is taken as "").
 * A date_label pointer equal to start_label shares the copy. `order` is set to the number of
 * events added before it, so add rows in file order. Returns the copy, valid until the next
 * add. */
tl_event *tl_model_add_event(tl_timeline *tl, const tl_event *ev);
/* Sorts the events by start, ties in file order, as tl_model_finish() will: a large file's
 * halves are sorted on their own threads and then merged by tl_model_append(). */
void tl_model_sort_by_start(tl_timeline *tl);
/* Gives stored event i the plan row `plan` (arena memory). */
void tl_model_set_plan(tl_timeline *tl, size_t i, tl_plan_row *plan);
/* Moves the events, strings, warnings and notes of `part` (rows read after tl's, by another
 * loader) to the end of tl's, as if added there, and frees `part`. `part` must have no title
 * and no group orders, which depend on the rows before it. When both were sorted by start,
 * the events are merged in start order instead; otherwise both end in file order. */
void tl_model_append(tl_timeline *tl, tl_timeline *part);
/* Adds a warning or a note (takes ownership of `message`). */
void tl_model_add_warning(tl_timeline *tl, char *message);
void tl_model_add_note(tl_timeline *tl, char *message);
/* Records a chart setting the source itself states (a gantt's tickInterval, todayMarker),
 * as the CLI's -S takes it: "ticks=1 week" (takes ownership). */
void tl_model_add_setting(tl_timeline *tl, char *assignment);
/* Records the group_order of `group`: true when it is the group's first one or the same
 * value again; false, with *previous set, when the group already has another one (which
 * stays). */
bool tl_model_set_group_order(tl_timeline *tl, const char *group, double order, double *previous);
/* Sets the title (copied). */
void tl_model_set_title(tl_timeline *tl, const char *title);
/* Another holder of `tl`, which is never changed once loaded: its strings stay valid until
 * every holder has called tl_timeline_free(). Returns tl. */
tl_timeline *tl_timeline_retain(const tl_timeline *tl);
/* Copies a string into the timeline's arena. */
const char *tl_model_strdup(tl_timeline *tl, const char *s);
/* Orders the groups (group_order, then first appearance in the file; "" is not a group) and
 * sorts events by start (lo), then sort, then file order. Call once, after the last add. */
void tl_model_finish(tl_timeline *tl);

/* Index of `group` in the group order, or -1 for the empty group (or NULL, or a name that is
 * not a group). A linear search: per event, prefer tl_event.group_index. */
int tl_model_group_index(const tl_timeline *tl, const char *group);

#endif /* TL_MODEL_PRIVATE_H */
