/* The timeline model: storage for events (one array, strings in one arena), group order,
 * sorting, and the public accessors. */
#include "data/model-private.h"

#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

/* ---------------------------------------------------------------------------------------------
 * Building
 * ------------------------------------------------------------------------------------------- */

tl_timeline *tl_model_new(void)
{
    tl_timeline *tl = tl_xcalloc(1, sizeof *tl);
    tl->strings = (tl_arena)TL_ARENA_INIT;
    tl->warnings = (tl_strv)TL_STRV_INIT;
    return tl;
}

/* Strings are packed back to back in pool blocks taken from the arena: they need no alignment,
 * and arena slots are rounded up to max_align_t, which for short cells would waste half the
 * memory. */
enum { STRING_POOL_BLOCK = 16 * 1024 };

static const char *copy_string(tl_timeline *tl, const char *s)
{
    /* Empty strings are the most common cell: they share one literal. */
    if (!s || !*s)
        return "";
    const size_t size = strlen(s) + 1;
    if (size > STRING_POOL_BLOCK / 4)
        return tl_arena_strndup(&tl->strings, s, size - 1);
    if (tl->string_pool_left < size) {
        tl->string_pool = tl_arena_alloc(&tl->strings, STRING_POOL_BLOCK);
        tl->string_pool_left = STRING_POOL_BLOCK;
    }
    char *p = tl->string_pool;
    memcpy(p, s, size);
    tl->string_pool += size;
    tl->string_pool_left -= size;
    return p;
}

tl_event *tl_model_add_event(tl_timeline *tl, const tl_event *ev)
{
    tl->events = tl_xgrow(tl->events, &tl->cap, tl->count + 1, sizeof *tl->events);
    tl_event *e = &tl->events[tl->count];
    *e = *ev;
    e->title = copy_string(tl, ev->title);
    e->description = copy_string(tl, ev->description);
    e->group = copy_string(tl, ev->group);
    e->color = copy_string(tl, ev->color);
    e->start_text = copy_string(tl, ev->start_text);
    e->end_text = copy_string(tl, ev->end_text);
    e->status_text = copy_string(tl, ev->status_text);
    e->order = tl->count;
    e->group_index = -1;
    tl->count++;
    return e;
}

void tl_model_add_warning(tl_timeline *tl, char *message)
{
    tl_strv_push(&tl->warnings, message);
}

/* Sorting moves small keys, not whole events: 16 bytes instead of well over 100 makes the
 * sort of a million events several times faster, and the events are then moved once. */
typedef struct sort_key {
    int64_t key;
    size_t index; /* position in the array being sorted; breaks ties, so the sort is stable */
} sort_key;

static int compare_keys(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->key != b->key)
        return (a->key > b->key) - (a->key < b->key);
    return (a->index > b->index) - (a->index < b->index);
}

static int64_t event_key(const tl_event *e, bool by_start)
{
    /* `order` counts events, so it is far below INT64_MAX. */
    return by_start ? e->start.lo : (int64_t)e->order;
}

/* Sorts the events by start (by_start) or by file order, stably. Most files are already in
 * order, which costs one pass. */
static void sort_events(tl_timeline *tl, bool by_start)
{
    const size_t n = tl->count;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = event_key(&tl->events[i - 1], by_start) <= event_key(&tl->events[i], by_start);
    if (sorted)
        return;

    sort_key *keys = tl_xmalloc(n * sizeof *keys);
    for (size_t i = 0; i < n; i++)
        keys[i] = (sort_key){event_key(&tl->events[i], by_start), i};
    qsort(keys, n, sizeof *keys, compare_keys);
    /* Apply the permutation in place, cycle by cycle: a second array of events would cost as
     * much fresh memory as the events themselves. keys[j].index is the event that belongs at
     * j; DONE marks places already filled. */
    const size_t DONE = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (keys[i].index == DONE)
            continue;
        const tl_event first = tl->events[i];
        size_t j = i;
        for (;;) {
            const size_t k = keys[j].index;
            keys[j].index = DONE;
            if (k == i) {
                tl->events[j] = first;
                break;
            }
            tl->events[j] = tl->events[k];
            j = k;
        }
    }
    free(keys);
}

void tl_model_finish(tl_timeline *tl)
{
    /* Groups are numbered by first appearance in the file, not in chart order, so walk the
     * events in file order first (they already are, unless finish runs twice). Sorting by
     * start then breaks ties by position, which is file order. */
    sort_events(tl, false);

    tl->group_count = 0;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < tl->count; i++) {
        tl_event *e = &tl->events[i];
        if (!e->group[0]) {
            e->group_index = -1;
            continue;
        }
        gpointer value = NULL;
        size_t index;
        if (g_hash_table_lookup_extended(seen, e->group, NULL, &value)) {
            index = GPOINTER_TO_SIZE(value);
        } else {
            index = tl->group_count;
            tl->groups = tl_xgrow(tl->groups, &tl->group_cap, index + 1, sizeof *tl->groups);
            tl->groups[index] = e->group;
            tl->group_count++;
            g_hash_table_insert(seen, (gpointer)e->group, GSIZE_TO_POINTER(index));
        }
        e->group = tl->groups[index];
        /* More than INT_MAX distinct groups would need terabytes of events; clamp anyway. */
        e->group_index = index > INT_MAX ? INT_MAX : (int)index;
    }
    g_hash_table_destroy(seen);

    sort_events(tl, true);
}

int tl_model_group_index(const tl_timeline *tl, const char *group)
{
    if (!group || !group[0])
        return -1;
    for (size_t i = 0; i < tl->group_count && i <= INT_MAX; i++) {
        if (tl->groups[i] == group || strcmp(tl->groups[i], group) == 0)
            return (int)i;
    }
    return -1;
}

/* ---------------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------------- */

void tl_timeline_free(tl_timeline *tl)
{
    if (!tl)
        return;
    tl_arena_free(&tl->strings);
    tl_strv_free(&tl->warnings);
    free(tl->events);
    free(tl->groups);
    free(tl);
}

size_t tl_timeline_get_event_count(const tl_timeline *tl)
{
    return tl ? tl->count : 0;
}

const tl_event *tl_timeline_get_event(const tl_timeline *tl, size_t index)
{
    if (!tl || index >= tl->count)
        return NULL;
    return &tl->events[index];
}

size_t tl_timeline_get_warning_count(const tl_timeline *tl)
{
    return tl ? tl->warnings.len : 0;
}

const char *tl_timeline_get_warning(const tl_timeline *tl, size_t index)
{
    if (!tl || index >= tl->warnings.len)
        return NULL;
    return tl->warnings.items[index];
}

const char *tl_event_get_title(const tl_event *ev)
{
    return ev ? ev->title : "";
}

const char *tl_event_get_description(const tl_event *ev)
{
    return ev ? ev->description : "";
}

const char *tl_event_get_group(const tl_event *ev)
{
    return ev ? ev->group : "";
}

const char *tl_event_get_color(const tl_event *ev)
{
    return ev ? ev->color : "";
}

tl_event_type tl_event_get_type(const tl_event *ev)
{
    return ev ? ev->type : TL_EVENT_POINT;
}

tl_status tl_event_get_status(const tl_event *ev)
{
    return ev ? ev->status : TL_STATUS_CONFIRMED;
}

int tl_event_get_importance(const tl_event *ev)
{
    return ev ? ev->importance : 3;
}

tl_time tl_event_get_start(const tl_event *ev)
{
    if (!ev)
        return (tl_time){.precision = TL_PRECISION_YEAR};
    return ev->start;
}

bool tl_event_get_end(const tl_event *ev, tl_time *end)
{
    if (!ev || !ev->has_end)
        return false;
    if (end)
        *end = ev->end;
    return true;
}

const char *tl_event_get_start_text(const tl_event *ev)
{
    return ev ? ev->start_text : "";
}

const char *tl_event_get_end_text(const tl_event *ev)
{
    return ev ? ev->end_text : "";
}

unsigned long tl_event_get_line(const tl_event *ev)
{
    return ev ? ev->line : 0;
}
