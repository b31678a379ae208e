/* The timeline model: plain structs behind the public opaque handles. */
#ifndef TL_MODEL_PRIVATE_H
#define TL_MODEL_PRIVATE_H

#include "timeline/timeline.h"

#include "common/tl-arena.h"
#include "common/tl-strv.h"

struct tl_event {
    tl_time start;
    tl_time end; /* valid when has_end */
    bool has_end;
    tl_event_type type;
    tl_status status;
    int importance;    /* 1..5, 3 when not given */
    const char *title; /* arena strings, never NULL */
    const char *description;
    const char *group;
    const char *color;
    const char *start_text;
    const char *end_text;
    const char *status_text; /* the status cell as written; shown for TL_STATUS_OTHER */
    unsigned long line; /* 1-based line where the row starts */
    size_t order;       /* position among the file's rows, for stable ordering */
    /* Index of `group` in tl_timeline.groups, -1 for no group. Set by tl_model_finish(), which
     * also makes `group` point at the shared copy in `groups`. */
    int group_index;
};

struct tl_timeline {
    tl_arena strings;
    /* Unused rest of the current block of packed strings (inside `strings`). */
    char *string_pool;
    size_t string_pool_left;
    tl_event *events;
    size_t count;
    size_t cap;
    tl_strv warnings;
    /* Group names in order of first appearance (arena strings). */
    const char **groups;
    size_t group_count;
    size_t group_cap;
};

tl_timeline *tl_model_new(void);
/* Appends an event; its strings are copied into the timeline's arena (NULL is taken as "").
 * `order` is set to the number of events added before it, so add rows in file order.
 * Returns the copy, valid until the next add. */
tl_event *tl_model_add_event(tl_timeline *tl, const tl_event *ev);
/* Adds a warning (takes ownership of `message`). */
void tl_model_add_warning(tl_timeline *tl, char *message);
/* Records the group order (first appearance in the file, "" is not a group) and sorts events
 * by start (lo), then by file order. Call once, after the last add. */
void tl_model_finish(tl_timeline *tl);

/* Index of `group` in the group order, or -1 for the empty group (or NULL, or a name that is
 * not a group). A linear search: per event, prefer tl_event.group_index. */
int tl_model_group_index(const tl_timeline *tl, const char *group);

#endif /* TL_MODEL_PRIVATE_H */
