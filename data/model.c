/* The timeline model: storage for events (one array, strings in one arena), group order,
 * sorting, and the public accessors. */
#include "data/model-private.h"

#include <glib.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "data/radix.h"

/* ---------------------------------------------------------------------------------------------
 * Building
 * ------------------------------------------------------------------------------------------- */

tl_timeline *tl_model_new(void)
{
    tl_timeline *tl = tl_xcalloc(1, sizeof *tl);
    tl->refcount = 1;
    tl->strings = (tl_arena)TL_ARENA_INIT;
    tl->warnings = (tl_strv)TL_STRV_INIT;
    tl->notes = (tl_strv)TL_STRV_INIT;
    tl->settings = (tl_strv)TL_STRV_INIT;
    tl->title = "";
    tl->profile = "timeline";
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

const char *tl_model_strdup(tl_timeline *tl, const char *s)
{
    return copy_string(tl, s);
}

/* Short strings that repeat from row to row share one copy: each slot remembers its last
 * TL_MODEL_INTERN_WAYS values. Long ones are rarely repeated, so they are just copied. */
enum { INTERN_MAX_LEN = 48 };

static const char *intern(tl_timeline *tl, unsigned slot, const char *s)
{
    if (!s || !*s)
        return "";
    const char **recent = tl->recent[slot];
    for (unsigned i = 0; i < TL_MODEL_INTERN_WAYS && recent[i]; i++) {
        if (strcmp(recent[i], s) == 0)
            return recent[i];
    }
    const char *copy = copy_string(tl, s);
    if (strlen(s) <= INTERN_MAX_LEN) {
        recent[tl->recent_next[slot]] = copy;
        tl->recent_next[slot] = (tl->recent_next[slot] + 1) % TL_MODEL_INTERN_WAYS;
    }
    return copy;
}

/* Dates repeat across rows in any order (a million events fall on some 20,000 days), which
 * the few recent values of intern() would miss. Replaces the SHARED_DATES strings of a row by
 * shared copies at once, so that their slots in the set are fetched together. */
enum { SHARED_DATES = 4 };

static void share_dates(tl_timeline *tl, const char **dates)
{
    size_t len[SHARED_DATES];
    unsigned hash[SHARED_DATES];
    for (size_t k = 0; k < SHARED_DATES; k++) {
        len[k] = dates[k] ? strlen(dates[k]) : 0;
        if (len[k] == 0 || len[k] > INTERN_MAX_LEN)
            continue;
        hash[k] = g_str_hash(dates[k]);
        tl_intern_prefetch(&tl->dates, hash[k]);
    }
    for (size_t k = 0; k < SHARED_DATES; k++) {
        if (len[k] == 0 || len[k] > INTERN_MAX_LEN) {
            dates[k] = copy_string(tl, dates[k]);
            continue;
        }
        const char *found = tl_intern_find(&tl->dates, dates[k], len[k], hash[k]);
        if (!found) {
            found = copy_string(tl, dates[k]);
            tl_intern_add(&tl->dates, found, len[k], hash[k]);
        }
        dates[k] = found;
    }
}

bool tl_model_set_group_order(tl_timeline *tl, const char *group, double order, double *previous)
{
    if (!tl->group_orders)
        tl->group_orders = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    const double *first = g_hash_table_lookup(tl->group_orders, group);
    if (!first) {
        double *boxed = g_new(double, 1);
        *boxed = order;
        g_hash_table_insert(tl->group_orders, g_strdup(group), boxed);
        return true;
    }
    *previous = *first;
    return *first == order;
}

const tl_event_extra tl_event_no_extra = {
    .color = "",
    .url = "",
    .source = "",
    .id = "",
};

static const tl_event_extra *copy_extra(tl_timeline *tl, const tl_event_extra *x)
{
    if (!x)
        return &tl_event_no_extra;
    tl_event_extra copy = {
        .color = intern(tl, 1, x->color),
        .url = copy_string(tl, x->url),
        .source = intern(tl, 2, x->source),
        .id = copy_string(tl, x->id),
        .sort = x->sort,
    };
    if (x->plan) {
        tl_plan_row *plan = tl_arena_alloc(&tl->strings, sizeof *plan);
        *plan = *x->plan;
        plan->depends = copy_string(tl, x->plan->depends);
        plan->duration = copy_string(tl, x->plan->duration);
        copy.plan = plan;
        tl->has_plan = true;
    }
    if (!copy.color[0] && !copy.url[0] && !copy.source[0] && !copy.id[0] && copy.sort == 0 &&
        !copy.plan)
        return &tl_event_no_extra;
    tl_event_extra *kept = tl_arena_alloc(&tl->strings, sizeof *kept);
    *kept = copy;
    return kept;
}

tl_event *tl_model_add_event(tl_timeline *tl, const tl_event *ev)
{
    tl->events = tl_xgrow(tl->events, &tl->cap, tl->count + 1, sizeof *tl->events);
    tl_event *e = &tl->events[tl->count];
    *e = *ev;
    e->title = copy_string(tl, ev->title);
    e->description = copy_string(tl, ev->description);
    e->group = intern(tl, 0, ev->group);
    const char *dates[SHARED_DATES] = {ev->start_text, ev->end_text, ev->start_label,
                                       ev->end_label};
    share_dates(tl, dates);
    e->start_text = dates[0];
    e->end_text = dates[1];
    e->start_label = dates[2];
    e->end_label = dates[3];
    /* A point's date label is its start label: one copy. A span's pairs two dates, which
     * rarely repeats, so it is just copied. */
    e->date_label =
        ev->date_label == ev->start_label ? e->start_label : copy_string(tl, ev->date_label);
    e->status_text = intern(tl, 3, ev->status_text);
    e->extra = copy_extra(tl, ev->extra);
    e->order = tl->count;
    e->group_index = -1;
    tl->count++;
    tl->by_start = false;
    return e;
}

void tl_model_set_plan(tl_timeline *tl, size_t i, tl_plan_row *plan)
{
    tl_event_extra *x = tl_arena_alloc(&tl->strings, sizeof *x);
    *x = *tl->events[i].extra;
    x->plan = plan;
    tl->events[i].extra = x;
}

static void move_strings(tl_strv *to, tl_strv *from)
{
    for (size_t i = 0; i < from->len; i++)
        tl_strv_push(to, from->items[i]);
    from->len = 0;
}

/* See tl_model_append(). */
enum { APPEND_BLOCK_BYTES = 8 << 20 };

static void sort_events(tl_timeline *tl, bool by_start);
static void permute_events(tl_event *events, size_t *from, size_t *list, size_t n);

void tl_model_sort_by_start(tl_timeline *tl)
{
    sort_events(tl, true);
    tl->by_start = true;
}

/* Whether a comes after b in start order (ties: neither). */
static bool starts_after(const tl_event *a, const tl_event *b)
{
    if (a->start.lo != b->start.lo)
        return a->start.lo > b->start.lo;
    return a->extra->sort > b->extra->sort;
}

/* Moves part's events into tl's array (grown to hold both) from the end, giving part's memory
 * back a block at a time: both arrays whole at once were the peak of loading a large file. With
 * `merge` (both sorted by start) the two are merged, equal starts keeping tl's first, which is
 * file order; otherwise part's follow tl's. The place written is never one still to be read. */
static void move_from_end(tl_timeline *tl, tl_timeline *part, bool merge)
{
    const size_t na = tl->count, block = APPEND_BLOCK_BYTES / sizeof *tl->events;
    tl->events = tl_xgrow(tl->events, &tl->cap, na + part->count, sizeof *tl->events);
    tl_event *out = tl->events;
    size_t i = na, j = part->count, w = na + part->count, held = part->count;
    while (j > 0) {
        const tl_event *b = &part->events[j - 1];
        if (merge && i > 0 && starts_after(&out[i - 1], b)) {
            out[--w] = out[--i];
            continue;
        }
        out[--w] = *b;
        out[w].order += na;
        if (--j > 0 && held - j >= block) {
            part->events = tl_xrealloc(part->events, j * sizeof *part->events);
            part->cap = held = j;
        }
    }
    tl->count += part->count;
}

void tl_model_append(tl_timeline *tl, tl_timeline *part)
{
    g_assert(!part->title[0] && !part->group_orders && part->refcount == 1);
    const bool merge = tl->by_start && part->by_start;
    /* Halves sorted by start are merged; otherwise both are kept in file order. */
    if (!merge && tl->by_start)
        sort_events(tl, false);
    if (!merge && part->by_start)
        sort_events(part, false);
    tl->by_start = merge;
    move_from_end(tl, part, merge);
    tl_arena_take(&tl->strings, &part->strings);
    move_strings(&tl->warnings, &part->warnings);
    move_strings(&tl->notes, &part->notes);
    tl->rows += part->rows;
    tl->title_rows += part->title_rows;
    tl->has_plan = tl->has_plan || part->has_plan;
    tl_timeline_free(part);
}

void tl_model_add_warning(tl_timeline *tl, char *message)
{
    tl_strv_push(&tl->warnings, message);
}

void tl_model_add_note(tl_timeline *tl, char *message)
{
    tl_strv_push(&tl->notes, message);
}

void tl_model_add_setting(tl_timeline *tl, char *assignment)
{
    tl_strv_push(&tl->settings, assignment);
}

void tl_model_set_title(tl_timeline *tl, const char *title)
{
    tl->title = copy_string(tl, title);
}

/* Sorting moves small keys, not whole events: 24 bytes instead of well over 100 makes the
 * sort of a million events several times faster, and the events are then moved once. */
typedef struct sort_key {
    int64_t key;
    double sort;  /* the "sort" column: breaks ties of key */
    size_t index; /* position in the array being sorted; breaks ties, so the sort is stable */
} sort_key;

static int compare_keys(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->key != b->key)
        return (a->key > b->key) - (a->key < b->key);
    if (a->sort != b->sort)
        return (a->sort > b->sort) - (a->sort < b->sort);
    return (a->index > b->index) - (a->index < b->index);
}

static sort_key event_key(const tl_event *e, bool by_start, size_t index)
{
    /* `order` counts events, so it is far below INT64_MAX. */
    if (by_start)
        return (sort_key){e->start.lo, e->extra->sort, index};
    return (sort_key){(int64_t)e->order, 0, index};
}

/* Sorts the events by start then sort (by_start) or by file order, stably. Most files are
 * already in order, which costs one pass. */
static void sort_events(tl_timeline *tl, bool by_start)
{
    const size_t n = tl->count;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++) {
        const sort_key a = event_key(&tl->events[i - 1], by_start, i - 1);
        const sort_key b = event_key(&tl->events[i], by_start, i);
        sorted = compare_keys(&a, &b) <= 0;
    }
    if (sorted)
        return;

    sort_key *keys = tl_xmalloc(n * sizeof *keys);
    for (size_t i = 0; i < n; i++)
        keys[i] = event_key(&tl->events[i], by_start, i);
    /* By key in a few passes (stable, so equal keys stay in index order), then the runs of
     * equal keys that the sort column orders otherwise by comparison. */
    tl_radix_sort_i64(keys, n, sizeof *keys);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        bool by_sort = false;
        while (j < n && keys[j].key == keys[i].key) {
            by_sort = by_sort || keys[j].sort != keys[i].sort;
            j++;
        }
        if (by_sort)
            qsort(keys + i, j - i, sizeof *keys, compare_keys);
        i = j;
    }
    /* Where each event comes from, then the list of cycles (permute_events()), both in the
     * keys' own memory, 24 bytes a key for 16 (and one more place) needed: fresh blocks would
     * come from the heap once the sort's scratch is given back, and it would keep them. from[i]
     * takes bytes that keys[i] and keys before it held, so no key is overwritten unread. */
    _Static_assert(sizeof(sort_key) >= 3 * sizeof(size_t), "room for from[] and the list");
    size_t *from = (size_t *)(void *)keys;
    for (size_t i = 0; i < n; i++) {
        const size_t index = keys[i].index;
        from[i] = index;
    }
    permute_events(tl->events, from, from + n, n);
    free(keys);
}

/* Starts loading the event at `e`, which may straddle four cache lines. */
static inline void prefetch_event(const tl_event *e)
{
#if defined(__GNUC__)
    const char *p = (const char *)e;
    for (size_t off = 0; off < sizeof *e; off += 64)
        __builtin_prefetch(p + off);
    __builtin_prefetch(p + sizeof *e - 1);
#else
    (void)e;
#endif
}

/* Puts events[from[j]] at j for every j, in place, cycle by cycle: a second array of events
 * would cost as much fresh memory as the events themselves. Following a cycle reads an event
 * from anywhere in a large array and only then learns the next, so the cycles are first
 * listed, reading only the small `from`, and then the events are moved along the list, each
 * asked for PREFETCH_AHEAD moves before it is read so that the waits overlap. Clobbers
 * `from`; `list` has room for n + 1 places. */
static void permute_events(tl_event *events, size_t *from, size_t *list, size_t n)
{
    enum { PREFETCH_AHEAD = 8 };
    /* The first place of each cycle has the top bit set; places already in place are left
     * out. */
    const size_t FIRST = ~(SIZE_MAX >> 1), DONE = SIZE_MAX;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (from[i] == DONE || from[i] == i)
            continue;
        list[len++] = i | FIRST;
        for (size_t j = from[i]; j != i;) {
            list[len++] = j;
            const size_t next = from[j];
            from[j] = DONE;
            j = next;
        }
        from[i] = DONE;
    }
    list[len] = FIRST; /* ends the last cycle */
    tl_event first = {0};
    size_t at = 0;
    for (size_t t = 0; t < len; t++) {
        if (t + PREFETCH_AHEAD < len)
            prefetch_event(&events[list[t + PREFETCH_AHEAD] & ~FIRST]);
        const size_t p = list[t] & ~FIRST;
        if (list[t] & FIRST)
            first = events[p];
        else
            events[at] = events[p];
        at = p;
        if (list[t + 1] & FIRST)
            events[at] = first;
    }
}

/* A group while ordering: its group_order (if any row gave one) and first appearance. */
typedef struct group_rank {
    bool has_order;
    double order;
    size_t first;       /* index in the order the walk met the groups */
    size_t first_order; /* the file position of the group's first event */
} group_rank;

static int compare_ranks(const void *pa, const void *pb)
{
    const group_rank *a = pa, *b = pb;
    /* Groups with an order come first, by order; the others follow in file order. */
    if (a->has_order != b->has_order)
        return a->has_order ? -1 : 1;
    if (a->has_order && a->order != b->order)
        return (a->order > b->order) - (a->order < b->order);
    return (a->first_order > b->first_order) - (a->first_order < b->first_order);
}

/* Links are made with file positions (`order`); once sorted, they name events by index. */
static void index_links(tl_timeline *tl)
{
    if (tl->nlinks == 0)
        return;
    size_t *index_of = tl_xmalloc((tl->count + 1) * sizeof *index_of);
    for (size_t i = 0; i < tl->count; i++)
        index_of[tl->events[i].order] = i;
    for (size_t k = 0; k < tl->nlinks; k++) {
        tl->links[k].from = index_of[tl->links[k].from];
        tl->links[k].to = index_of[tl->links[k].to];
    }
    free(index_of);
}

/* A group met for the first time: its name kept and its rank started. Returns its index. */
static size_t add_group(tl_timeline *tl, group_rank **ranks, size_t *rank_cap, GHashTable *seen,
                        const tl_event *e)
{
    const size_t index = tl->group_count++;
    tl->groups = tl_xgrow(tl->groups, &tl->group_cap, index + 1, sizeof *tl->groups);
    *ranks = tl_xgrow(*ranks, rank_cap, index + 1, sizeof **ranks);
    tl->groups[index] = e->group;
    (*ranks)[index] = (group_rank){.first = index, .first_order = e->order};
    const double *order = tl->group_orders ? g_hash_table_lookup(tl->group_orders, e->group) : NULL;
    if (order) {
        (*ranks)[index].has_order = true;
        (*ranks)[index].order = *order;
    }
    g_hash_table_insert(seen, (gpointer)e->group, GSIZE_TO_POINTER(index));
    return index;
}

/* Groups are numbered by first appearance in the file, then put in group_order: the walk meets
 * them in whatever order the events are (a large file's halves arrive sorted by start) and
 * keeps each group's earliest file position. */
static void number_groups(tl_timeline *tl)
{
    tl->group_count = 0;
    group_rank *ranks = NULL;
    size_t rank_cap = 0;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    /* Group names are shared copies (intern()), a few for each name, so a group is usually
     * found by its pointer, in a small table of the copies last met, without hashing the
     * name: a large file sorted by date changes group at almost every event. */
    enum { BY_POINTER = 64 };
    struct {
        const char *name;
        size_t index;
    } by_pointer[BY_POINTER] = {{0}};
    for (size_t i = 0; i < tl->count; i++) {
        tl_event *e = &tl->events[i];
        if (!e->group[0]) {
            e->group_index = -1;
            continue;
        }
        const size_t slot = ((uintptr_t)e->group >> 4) % BY_POINTER;
        size_t index = by_pointer[slot].index;
        if (by_pointer[slot].name != e->group) {
            gpointer value;
            if (g_hash_table_lookup_extended(seen, e->group, NULL, &value))
                index = GPOINTER_TO_SIZE(value);
            else
                index = add_group(tl, &ranks, &rank_cap, seen, e);
            by_pointer[slot].name = e->group;
            by_pointer[slot].index = index;
        }
        if (e->order < ranks[index].first_order)
            ranks[index].first_order = e->order;
        e->group = tl->groups[index];
        /* More than INT_MAX distinct groups would need terabytes of events; clamp anyway. */
        e->group_index = index > INT_MAX ? INT_MAX : (int)index;
    }
    g_hash_table_destroy(seen);

    /* Reorder the groups by group_order; `position` maps first-appearance index to place. */
    if (tl->group_count > 1) {
        qsort(ranks, tl->group_count, sizeof *ranks, compare_ranks);
        size_t *position = tl_xmalloc(tl->group_count * sizeof *position);
        const char **names = tl_xmalloc(tl->group_count * sizeof *names);
        for (size_t k = 0; k < tl->group_count; k++) {
            position[ranks[k].first] = k;
            names[k] = tl->groups[ranks[k].first];
        }
        memcpy(tl->groups, names, tl->group_count * sizeof *names);
        for (size_t i = 0; i < tl->count; i++) {
            tl_event *e = &tl->events[i];
            if (e->group_index >= 0 && e->group_index < INT_MAX)
                e->group_index = (int)position[e->group_index];
        }
        free(names);
        free(position);
    }
    free(ranks);
}

void tl_model_finish(tl_timeline *tl)
{
    number_groups(tl);
    /* By start, ties by file order (sort_events() breaks them by position, which is file
     * order unless the events came in sorted halves, whose merge kept file order in ties).
     * Halves merged are in that order already, and nothing since has added an event (which
     * clears by_start) or moved a date (plans, which are never sorted in halves). */
    if (!tl->by_start || tl->has_plan)
        sort_events(tl, true);
    index_links(tl);
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

tl_timeline *tl_timeline_retain(const tl_timeline *tl)
{
    /* The count is bookkeeping, not content: a const timeline may gain a holder. */
    tl_timeline *owned = (tl_timeline *)(uintptr_t)tl;
    owned->refcount++;
    return owned;
}

void tl_timeline_free(tl_timeline *tl)
{
    if (!tl || --tl->refcount > 0)
        return;
    tl_arena_free(&tl->strings);
    tl_intern_free(&tl->dates);
    tl_strv_free(&tl->warnings);
    tl_strv_free(&tl->notes);
    tl_strv_free(&tl->settings);
    if (tl->group_orders)
        g_hash_table_destroy(tl->group_orders);
    free(tl->events);
    free(tl->groups);
    free(tl->links);
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
    return ev ? ev->extra->color : "";
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

const char *tl_event_get_id(const tl_event *ev)
{
    return ev ? ev->extra->id : "";
}

double tl_event_get_progress(const tl_event *ev)
{
    return ev && ev->extra->plan ? ev->extra->plan->progress : -1;
}

bool tl_event_get_slack(const tl_event *ev, double *slack, bool *critical)
{
    if (!ev || !ev->extra->plan || !ev->extra->plan->has_slack)
        return false;
    if (slack)
        *slack = ev->extra->plan->slack;
    if (critical)
        *critical = ev->extra->plan->critical;
    return true;
}

size_t tl_timeline_get_dependency_count(const tl_timeline *tl)
{
    return tl ? tl->nlinks : 0;
}

bool tl_timeline_get_dependency(const tl_timeline *tl, size_t index, size_t *from, size_t *to,
                                const char **type, bool *violated)
{
    static const char *const types[] = {"FS", "SS", "FF", "SF"};
    if (!tl || index >= tl->nlinks)
        return false;
    const tl_link *l = &tl->links[index];
    if (from)
        *from = l->from;
    if (to)
        *to = l->to;
    if (type)
        *type = types[l->type];
    if (violated)
        *violated = l->violated;
    return true;
}

const char *tl_event_get_url(const tl_event *ev)
{
    return ev ? ev->extra->url : "";
}

const char *tl_event_get_source(const tl_event *ev)
{
    return ev ? ev->extra->source : "";
}

const char *tl_event_get_status_text(const tl_event *ev)
{
    return ev ? ev->status_text : "";
}

const char *tl_event_get_start_label(const tl_event *ev)
{
    return ev ? ev->start_label : "";
}

const char *tl_event_get_end_label(const tl_event *ev)
{
    return ev ? ev->end_label : "";
}

const char *tl_event_get_date_label(const tl_event *ev)
{
    return ev ? ev->date_label : "";
}

bool tl_event_get_start_open(const tl_event *ev)
{
    return ev && ev->start_open;
}

bool tl_event_get_end_open(const tl_event *ev)
{
    return ev && ev->end_open;
}

int tl_event_get_group_index(const tl_event *ev)
{
    return ev ? ev->group_index : -1;
}

const char *tl_timeline_get_title(const tl_timeline *tl)
{
    return tl ? tl->title : "";
}

const char *tl_timeline_get_profile(const tl_timeline *tl)
{
    return tl ? tl->profile : "";
}

size_t tl_timeline_get_note_count(const tl_timeline *tl)
{
    return tl ? tl->notes.len : 0;
}

const char *tl_timeline_get_note(const tl_timeline *tl, size_t index)
{
    if (!tl || index >= tl->notes.len)
        return NULL;
    return tl->notes.items[index];
}

size_t tl_timeline_get_setting_count(const tl_timeline *tl)
{
    return tl ? tl->settings.len : 0;
}

const char *tl_timeline_get_setting(const tl_timeline *tl, size_t index)
{
    if (!tl || index >= tl->settings.len)
        return NULL;
    return tl->settings.items[index];
}

size_t tl_timeline_get_group_count(const tl_timeline *tl)
{
    return tl ? tl->group_count : 0;
}

const char *tl_timeline_get_group(const tl_timeline *tl, size_t index)
{
    if (!tl || index >= tl->group_count)
        return NULL;
    return tl->groups[index];
}

void tl_timeline_get_stats(const tl_timeline *tl, tl_timeline_stats *out)
{
    *out = (tl_timeline_stats){0};
    if (!tl)
        return;
    out->rows = tl->rows;
    out->events = tl->count;
    out->title_rows = tl->title_rows;
    out->skipped = tl->rows - tl->count - tl->title_rows;
    out->groups = tl->group_count;
    out->warnings = tl->warnings.len;
    out->notes = tl->notes.len;
    for (size_t i = 0; i < tl->count; i++) {
        const tl_event *e = &tl->events[i];
        switch (e->type) {
        case TL_EVENT_POINT:
            out->points++;
            break;
        case TL_EVENT_SPAN:
            out->spans++;
            break;
        case TL_EVENT_ERA:
            out->eras++;
            break;
        case TL_EVENT_MARKER:
            out->markers++;
            break;
        }
        const int64_t hi = e->has_end && e->end.hi > e->start.hi ? e->end.hi : e->start.hi;
        if (!out->has_range || e->start.lo < out->earliest)
            out->earliest = e->start.lo;
        if (!out->has_range || hi > out->latest)
            out->latest = hi;
        out->has_range = true;
    }
}
