/* Scheduling a project plan once every row is in: ids, dependencies, relative starts and
 * durations in dependency order, violated dependencies, and the critical path method. Times
 * are working seconds (workcal.c) throughout, so lags and durations in working days add. */
#include "data/plan.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "common/tl-error-private.h"
#include "data/date.h"

enum { DAY = 86400 };

/* A dependency while the plan is resolved: events by index in tl->events. */
typedef struct edge {
    size_t from, to;
    tl_link_type type;
    tl_plan_amount lag;
    bool from_start; /* written in the start cell: the start is computed from it */
    unsigned long line, col;
} edge;

typedef struct node {
    int64_t s, f;        /* working-time start and finish */
    size_t first, count; /* its incoming edges in the sorted edge array */
    size_t indegree;
    bool dropped;
} node;

typedef struct planner {
    tl_timeline *tl;
    const tl_workcal *cal;
    const char *path;
    GHashTable *ids; /* id -> index + 1 */
    edge *edges;
    size_t nedges, cap;
    node *nodes;
    size_t *order; /* the events in dependency order */
    size_t norder;
} planner;

static void warn(planner *p, unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void warn(planner *p, unsigned long line, unsigned long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_warning(p->tl, tl_format_located(p->path, line, col, msg));
    free(msg);
}

/* Every event of a plan gets a plan row, so that later steps need not ask. */
static void give_plan_rows(planner *p)
{
    tl_timeline *tl = p->tl;
    for (size_t i = 0; i < tl->count; i++) {
        if (tl->events[i].extra->plan)
            continue;
        tl_plan_row *row = tl_arena_alloc(&tl->strings, sizeof *row);
        *row = (tl_plan_row){.depends = "", .duration = "", .progress = -1};
        tl_model_set_plan(tl, i, row);
    }
}

static void map_ids(planner *p)
{
    tl_timeline *tl = p->tl;
    p->ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < tl->count; i++) {
        const tl_event *e = &tl->events[i];
        if (!e->extra->id[0])
            continue;
        const size_t first = GPOINTER_TO_SIZE(g_hash_table_lookup(p->ids, e->extra->id));
        if (first) {
            warn(p, e->line, 0, "duplicate id \"%s\" (first on line %lu, which keeps it)",
                 e->extra->id, tl->events[first - 1].line);
            continue;
        }
        g_hash_table_insert(p->ids, (gpointer)e->extra->id, GSIZE_TO_POINTER(i + 1));
    }
}

/* The event named by ref, or (size_t)-1. */
static size_t find(planner *p, const tl_plan_ref *ref)
{
    char id[256];
    if (ref->id_len >= sizeof id)
        return (size_t)-1;
    memcpy(id, ref->id, ref->id_len);
    id[ref->id_len] = '\0';
    const size_t at = GPOINTER_TO_SIZE(g_hash_table_lookup(p->ids, id));
    return at ? at - 1 : (size_t)-1;
}

/* The edges of one cell; an unknown id warns. False when a start cell names one. */
static bool add_edges(planner *p, size_t to, const char *cell, bool from_start, unsigned long line,
                      unsigned long col)
{
    tl_plan_ref refs[TL_PLAN_MAX_REFS];
    char why[128];
    const int n = from_start ? tl_plan_parse_relative(cell, refs, TL_PLAN_MAX_REFS, why, sizeof why)
                             : tl_plan_parse_depends(cell, refs, TL_PLAN_MAX_REFS, why, sizeof why);
    bool ok = true;
    for (int k = 0; k < n; k++) {
        const size_t from = find(p, &refs[k]);
        /* The cell's position: inside a quoted or trimmed cell, an offset would not be a
         * column of the file. The message names the id. */
        const unsigned long at = col;
        if (from == (size_t)-1 || from == to) {
            warn(p, line, at, "%s\"%.*s\" in %s%s; %s", from == to ? "" : "unknown id ",
                 (int)refs[k].id_len, refs[k].id, from_start ? "start" : "depends",
                 from == to ? " is the row itself" : "",
                 from_start ? "row left out" : "no arrow drawn");
            ok = ok && !from_start;
            continue;
        }
        p->edges = tl_xgrow(p->edges, &p->cap, p->nedges + 1, sizeof *p->edges);
        p->edges[p->nedges++] = (edge){.from = from,
                                       .to = to,
                                       .type = refs[k].type,
                                       .lag = refs[k].lag,
                                       .from_start = from_start,
                                       .line = line,
                                       .col = at};
    }
    return ok;
}

static int cmp_edge(const void *a, const void *b)
{
    const edge *x = a, *y = b;
    if (x->to != y->to)
        return (x->to > y->to) - (x->to < y->to);
    return (x->from > y->from) - (x->from < y->from);
}

static void collect_edges(planner *p)
{
    tl_timeline *tl = p->tl;
    for (size_t i = 0; i < tl->count; i++) {
        tl_event *e = &tl->events[i];
        const tl_plan_row *row = e->extra->plan;
        if (row->start_pending && e->start_text[0] &&
            !add_edges(p, i, e->start_text, true, row->start_line, row->start_col))
            p->nodes[i].dropped = true;
        if (row->depends[0])
            add_edges(p, i, row->depends, false, row->depends_line, row->depends_col);
    }
    /* By successor, so that each event's incoming edges are one run. */
    if (p->nedges > 1)
        qsort(p->edges, p->nedges, sizeof *p->edges, cmp_edge);
    for (size_t k = 0; k < p->nedges; k++) {
        node *n = &p->nodes[p->edges[k].to];
        if (n->count == 0)
            n->first = k;
        n->count++;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Dependency order
 * ------------------------------------------------------------------------------------------- */

/* Names a cycle among the events Kahn's algorithm could not order (each has a predecessor
 * among them): walks predecessors from one until an event repeats. */
static bool report_cycle(planner *p, const bool *left, tl_error **err)
{
    tl_timeline *tl = p->tl;
    size_t start = 0;
    while (!left[start])
        start++;
    size_t *seen_at = tl_xmalloc(tl->count * sizeof *seen_at);
    for (size_t i = 0; i < tl->count; i++)
        seen_at[i] = (size_t)-1;
    size_t *walk = tl_xmalloc((tl->count + 1) * sizeof *walk);
    size_t len = 0, at = start;
    while (seen_at[at] == (size_t)-1) {
        seen_at[at] = len;
        walk[len++] = at;
        const node *n = &p->nodes[at];
        for (size_t k = n->first; k < n->first + n->count; k++)
            if (left[p->edges[k].from]) {
                at = p->edges[k].from;
                break;
            }
    }
    /* walk[seen_at[at]..len) is the cycle, each entry the successor of the next: print it
     * forwards, from predecessor to successor, back to where it began. */
    GString *s = g_string_new("dependency cycle: ");
    for (size_t k = len; k-- > seen_at[at];) {
        const tl_event *e = &tl->events[walk[k]];
        g_string_append_printf(s, "%s (line %lu) \xE2\x86\x92 ",
                               e->extra->id[0] ? e->extra->id : e->title, e->line);
    }
    const tl_event *first = &tl->events[walk[len - 1]];
    g_string_append(s, first->extra->id[0] ? first->extra->id : first->title);
    tl_set_error_at(err, TL_ERROR_DATA, p->path, tl->events[walk[seen_at[at]]].line, 0, "%s",
                    s->str);
    g_string_free(s, TRUE);
    free(walk);
    free(seen_at);
    return false;
}

/* Kahn's algorithm: p->order lists every event after its predecessors. */
static bool order_events(planner *p, tl_error **err)
{
    const size_t n = p->tl->count;
    /* Outgoing edges, grouped by predecessor (a counting sort of the edge indices). */
    size_t *out_first = tl_xcalloc(n + 1, sizeof *out_first);
    size_t *out = tl_xmalloc((p->nedges + 1) * sizeof *out);
    for (size_t k = 0; k < p->nedges; k++)
        out_first[p->edges[k].from + 1]++;
    for (size_t i = 0; i < n; i++)
        out_first[i + 1] += out_first[i];
    size_t *fill = tl_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, out_first, n * sizeof *fill);
    for (size_t k = 0; k < p->nedges; k++)
        out[fill[p->edges[k].from]++] = k;
    free(fill);
    for (size_t i = 0; i < n; i++)
        p->nodes[i].indegree = p->nodes[i].count;
    p->order = tl_xmalloc((n + 1) * sizeof *p->order);
    p->norder = 0;
    for (size_t i = 0; i < n; i++)
        if (p->nodes[i].indegree == 0)
            p->order[p->norder++] = i;
    for (size_t head = 0; head < p->norder; head++) {
        const size_t i = p->order[head];
        for (size_t k = out_first[i]; k < out_first[i + 1]; k++) {
            const size_t to = p->edges[out[k]].to;
            if (--p->nodes[to].indegree == 0)
                p->order[p->norder++] = to;
        }
    }
    free(out);
    free(out_first);
    if (p->norder == n)
        return true;
    bool *left = tl_xcalloc(n, sizeof *left);
    for (size_t i = 0; i < n; i++)
        left[i] = p->nodes[i].indegree > 0;
    report_cycle(p, left, err);
    free(left);
    return false;
}

/* ---------------------------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------------------------- */

/* The instant an edge asks of its successor: its earliest start (FS, SS), or its earliest
 * finish (FF, SF, *finish set). Also the lag in working time, for the critical path. */
static int64_t edge_bound(const planner *p, const edge *e, bool *finish, int64_t *lag_w)
{
    const node *from = &p->nodes[e->from];
    const bool from_finish = e->type == TL_LINK_FS || e->type == TL_LINK_FF;
    const int64_t base = from_finish ? from->f : from->s;
    const int64_t bound = tl_workcal_add(p->cal, base, &e->lag, 1);
    *finish = e->type == TL_LINK_FF || e->type == TL_LINK_SF;
    *lag_w = bound - base;
    return bound;
}

static tl_time day_time(int64_t t, bool end)
{
    if (t % DAY == 0) {
        const int64_t lo = end ? t - DAY : t;
        return (tl_time){.lo = lo, .hi = lo + DAY - 1, .precision = TL_PRECISION_DAY};
    }
    return (tl_time){.lo = t, .hi = t, .precision = TL_PRECISION_SECOND};
}

static const char *label_of(planner *p, const tl_time *t)
{
    char buf[TL_DATE_LABEL_SIZE];
    tl_date_format_label(t, buf, sizeof buf);
    return tl_model_strdup(p->tl, buf);
}

static void iso_day(int64_t t, char *buf, size_t size)
{
    tl_time day = {.lo = t, .hi = t, .precision = TL_PRECISION_DAY};
    tl_cal_format_iso(&day, buf, size);
}

/* The event's start from the edges into it; false when it cannot have one (warned). */
static bool planned_start(planner *p, size_t i, const tl_plan_amount *duration, int64_t *s)
{
    tl_event *e = &p->tl->events[i];
    const node *n = &p->nodes[i];
    bool any = false;
    for (size_t k = n->first; k < n->first + n->count; k++) {
        const edge *ed = &p->edges[k];
        if (p->nodes[ed->from].dropped) {
            if (ed->from_start) {
                warn(p, ed->line, ed->col,
                     "start of \"%s\" follows \"%s\", which was left out; "
                     "row left out",
                     e->title, p->tl->events[ed->from].title);
                return false;
            }
            continue;
        }
        bool finish;
        int64_t lag_w;
        int64_t b = edge_bound(p, ed, &finish, &lag_w);
        if (finish)
            b = duration ? tl_workcal_add(p->cal, b, duration, -1) : b;
        if (!any || b > *s)
            *s = b;
        any = true;
    }
    if (!any)
        warn(p, e->extra->plan->start_line, e->extra->plan->start_col,
             "the start of \"%s\" cannot be resolved: no row it follows is on the chart; row "
             "left out",
             e->title);
    return any;
}

static void schedule_one(planner *p, size_t i)
{
    tl_event *e = &p->tl->events[i];
    tl_plan_row *row = e->extra->plan;
    node *n = &p->nodes[i];
    tl_plan_amount duration = {0, TL_PLAN_DAYS};
    const bool timed =
        row->end_pending && tl_plan_parse_amount(row->duration, strlen(row->duration), &duration);
    if (!row->start_pending) {
        n->s = tl_workcal_to_work(p->cal, e->start.lo);
    } else if (!planned_start(p, i, timed ? &duration : NULL, &n->s)) {
        n->dropped = true;
        return;
    }
    if (timed)
        n->f = tl_workcal_add(p->cal, n->s, &duration, 1);
    else if (e->has_end)
        n->f = tl_workcal_to_work(p->cal, e->end.hi + 1);
    else
        n->f = n->s;
    if (n->f < n->s) {
        char a[16];
        iso_day(tl_workcal_from_work(p->cal, n->s, false), a, sizeof a);
        warn(p, row->start_line ? row->start_line : e->line, row->start_col,
             "end of \"%s\" is before the start it resolves to (%s); row left out", e->title, a);
        n->dropped = true;
        return;
    }
    if (row->start_pending) {
        e->start = day_time(tl_workcal_from_work(p->cal, n->s, false), false);
        e->start_label = label_of(p, &e->start);
    }
    if (timed && n->f == n->s) {
        /* No duration: a milestone. */
        e->has_end = false;
        e->type = e->type == TL_EVENT_SPAN ? TL_EVENT_POINT : e->type;
        e->end_label = "";
    } else if (timed) {
        e->end = day_time(tl_workcal_from_work(p->cal, n->f, true), true);
        e->end_label = label_of(p, &e->end);
    }
    if (row->start_pending || timed) {
        const bool range = e->has_end && strcmp(e->start_label, e->end_label) != 0;
        char *label =
            range ? tl_xasprintf("%s \xE2\x80\x93 %s", e->start_label, e->end_label) : NULL;
        e->date_label = range ? tl_model_strdup(p->tl, label) : e->start_label;
        free(label);
    }
}

/* A dependency the successor's dates break: a warning at the reference. */
static void check_edge(planner *p, const edge *ed)
{
    const node *to = &p->nodes[ed->to];
    bool finish;
    int64_t lag_w;
    const int64_t bound = edge_bound(p, ed, &finish, &lag_w);
    if ((finish ? to->f : to->s) >= bound)
        return;
    const tl_event *a = &p->tl->events[ed->from], *b = &p->tl->events[ed->to];
    const node *from = &p->nodes[ed->from];
    const bool from_finish = ed->type == TL_LINK_FS || ed->type == TL_LINK_FF;
    char when[16], then[16];
    iso_day(finish ? tl_workcal_from_work(p->cal, to->f, true) - 1
                   : tl_workcal_from_work(p->cal, to->s, false),
            when, sizeof when);
    iso_day(from_finish ? tl_workcal_from_work(p->cal, from->f, true) - 1
                        : tl_workcal_from_work(p->cal, from->s, false),
            then, sizeof then);
    warn(p, ed->line, ed->col,
         "\"%s\" %s %s, but it follows \"%s\", which %s %s%s: the "
         "dependency is violated",
         b->title, finish ? "ends" : "starts", when, a->title, from_finish ? "ends" : "starts",
         then, lag_w ? " (before its lag)" : "");
}

/* ---------------------------------------------------------------------------------------------
 * Links, and the critical path method
 * ------------------------------------------------------------------------------------------- */

/* Drops the events left out, keeping file order; remaps the nodes, edges and order to the
 * events that stay. */
static void compact(planner *p)
{
    tl_timeline *tl = p->tl;
    size_t *to_new = tl_xmalloc((tl->count + 1) * sizeof *to_new);
    size_t kept = 0;
    for (size_t i = 0; i < tl->count; i++) {
        to_new[i] = p->nodes[i].dropped ? (size_t)-1 : kept;
        if (!p->nodes[i].dropped) {
            tl->events[kept] = tl->events[i];
            tl->events[kept].order = kept;
            p->nodes[kept] = p->nodes[i];
            kept++;
        }
    }
    tl->count = kept;
    size_t ne = 0;
    for (size_t k = 0; k < p->nedges; k++) {
        edge e = p->edges[k];
        if (to_new[e.from] == (size_t)-1 || to_new[e.to] == (size_t)-1)
            continue;
        e.from = to_new[e.from];
        e.to = to_new[e.to];
        p->edges[ne++] = e;
    }
    p->nedges = ne;
    size_t no = 0;
    for (size_t k = 0; k < p->norder; k++)
        if (to_new[p->order[k]] != (size_t)-1)
            p->order[no++] = to_new[p->order[k]];
    p->norder = no;
    free(to_new);
}

static bool is_task(const tl_event *e)
{
    return e->type == TL_EVENT_POINT || e->type == TL_EVENT_SPAN;
}

/* Total slack of every task: a backward pass from the plan's finish over the dependencies,
 * in reverse dependency order (each event's successors come first). */
static void critical_path(planner *p, const int64_t *lag_w)
{
    tl_timeline *tl = p->tl;
    const size_t n = tl->count;
    int64_t finish = INT64_MIN;
    for (size_t i = 0; i < n; i++)
        if (is_task(&tl->events[i]) && p->nodes[i].f > finish)
            finish = p->nodes[i].f;
    if (finish == INT64_MIN)
        return;
    int64_t *lf = tl_xmalloc((n + 1) * sizeof *lf);
    for (size_t i = 0; i < n; i++)
        lf[i] = finish;
    /* Incoming edges per event, in the compacted edge array (sorted by successor still). */
    size_t *first = tl_xcalloc(n + 1, sizeof *first);
    for (size_t k = 0; k < p->nedges; k++)
        first[p->edges[k].to + 1]++;
    for (size_t i = 0; i < n; i++)
        first[i + 1] += first[i];
    for (size_t r = p->norder; r-- > 0;) {
        const size_t i = p->order[r];
        const int64_t ls = lf[i] - (p->nodes[i].f - p->nodes[i].s);
        for (size_t k = first[i]; k < first[i + 1]; k++) {
            const edge *e = &p->edges[k];
            const int64_t d = p->nodes[e->from].f - p->nodes[e->from].s;
            int64_t bound = 0;
            switch (e->type) {
            case TL_LINK_FS:
                bound = ls - lag_w[k];
                break;
            case TL_LINK_SS:
                bound = ls - lag_w[k] + d;
                break;
            case TL_LINK_FF:
                bound = lf[i] - lag_w[k];
                break;
            case TL_LINK_SF:
                bound = lf[i] - lag_w[k] + d;
                break;
            }
            if (bound < lf[e->from])
                lf[e->from] = bound;
        }
    }
    for (size_t i = 0; i < n; i++) {
        tl_plan_row *row = tl->events[i].extra->plan;
        if (!is_task(&tl->events[i]))
            continue;
        const int64_t slack = lf[i] - p->nodes[i].f;
        row->has_slack = true;
        row->slack = (double)slack / DAY;
        row->critical = slack <= 0;
    }
    free(first);
    free(lf);
}

static void make_links(planner *p)
{
    tl_timeline *tl = p->tl;
    int64_t *lag_w = tl_xmalloc((p->nedges + 1) * sizeof *lag_w);
    tl->links = tl_xmalloc((p->nedges + 1) * sizeof *tl->links);
    for (size_t k = 0; k < p->nedges; k++) {
        const edge *e = &p->edges[k];
        bool finish;
        const int64_t bound = edge_bound(p, e, &finish, &lag_w[k]);
        const node *to = &p->nodes[e->to];
        const int64_t actual = finish ? to->f : to->s;
        tl->links[k] = (tl_link){.from = e->from,
                                 .to = e->to,
                                 .type = e->type,
                                 .lag = lag_w[k],
                                 .violated = actual < bound};
    }
    tl->nlinks = p->nedges;
    critical_path(p, lag_w);
    for (size_t k = 0; k < tl->nlinks; k++) {
        tl_link *l = &tl->links[k];
        bool finish;
        int64_t lag;
        const int64_t bound = edge_bound(p, &p->edges[k], &finish, &lag);
        const node *to = &p->nodes[l->to];
        /* Critical: it joins two critical tasks and holds the successor back. */
        l->critical = tl->events[l->from].extra->plan->critical &&
                      tl->events[l->to].extra->plan->critical && (finish ? to->f : to->s) == bound;
    }
    free(lag_w);
}

bool tl_plan_resolve(tl_timeline *tl, const tl_workcal *cal, const char *path, tl_error **err)
{
    if (!tl->has_plan || tl->count == 0)
        return true;
    tl_workcal every_day;
    if (!cal) {
        tl_workcal_init(&every_day, 0x7f, NULL, 0);
        cal = &every_day;
    }
    planner p = {.tl = tl, .cal = cal, .path = path};
    p.nodes = tl_xcalloc(tl->count, sizeof *p.nodes);
    give_plan_rows(&p);
    map_ids(&p);
    collect_edges(&p);
    const bool ok = order_events(&p, err);
    if (ok) {
        for (size_t k = 0; k < p.norder; k++)
            if (!p.nodes[p.order[k]].dropped)
                schedule_one(&p, p.order[k]);
        compact(&p);
        for (size_t k = 0; k < p.nedges; k++)
            check_edge(&p, &p.edges[k]);
        make_links(&p);
    }
    g_hash_table_destroy(p.ids);
    free(p.edges);
    free(p.nodes);
    free(p.order);
    if (cal == &every_day)
        tl_workcal_clear(&every_day);
    return ok;
}
