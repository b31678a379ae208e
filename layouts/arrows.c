/* Dependency arrows. Each leaves its predecessor's bar (or diamond) at the end the link type
 * names and enters its successor's from above or below, so that no arrow runs along a row
 * where labels sit. The route is the first of these that crosses no bar, mark or text:
 *   - one vertical, where the two bars overlap in time;
 *   - down into the gap under the predecessor, across, and down into the successor;
 *   - down to the gap over the successor, across, and down into it;
 *   - down into the gap under the predecessor, across to a free channel, down it to the gap
 *     over the successor, across, and into it.
 * Obstacles are found through a grid of cells, so that thousands of arrows stay linear. */
#include "arrows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

enum { MAX_CHANNELS = 48 };
static const double CELL = 32;  /* grid cell, in points */
static const double HEAD_R = 3; /* the arrowhead's half size */
static const double CLEAR = 3;  /* a channel's distance from the box it passes */

typedef struct box {
    double x0, y0, x1, y1;
} box;

typedef struct span {
    double a, b;
} span;

typedef struct grid {
    double x0, y0;
    int cols, rows;
    size_t *start; /* CSR: the boxes of cell k are items[start[k] .. start[k + 1]) */
    size_t *items;
    box *boxes;
    size_t n;
    /* Boxes already tested in this query (stamped), so a box in many cells is tested once. */
    unsigned *stamp;
    unsigned query;
    /* Per row of cells, the x stretches its boxes cover (widened by CLEAR), merged and in
     * order: a channel through many rows is found by taking them away from the plot's width. */
    span **busy;
    size_t *nbusy;
} grid;

tl_color tl_arrows_color(const tl_chart *c)
{
    tl_color k = c->th->muted;
    k.a = 0.85;
    return k;
}

/* Themes that tell groups apart by shape (print, colorblind) do not trust colour alone: there
 * the critical path is told by its weight, in the text's colour. */
static bool by_weight(const tl_chart *c)
{
    return c->th->shapes_by_group;
}

tl_color tl_arrows_critical_color(const tl_chart *c)
{
    return by_weight(c) ? c->th->text : (tl_color){0.80, 0.15, 0.20, 1};
}

tl_color tl_arrows_violated_color(const tl_chart *c)
{
    /* Violated links are dashed as well, whatever the colour. */
    return by_weight(c) ? c->th->text : (tl_color){0.84, 0.37, 0.0, 1};
}

static bool is_obstacle(const tl_op *op)
{
    static const tl_role texts[] = {TL_ROLE_EVENT_LABEL,  TL_ROLE_EVENT_DATE, TL_ROLE_LANE_LABEL,
                                    TL_ROLE_MARKER_LABEL, TL_ROLE_ERA_LABEL,  TL_ROLE_NOTE,
                                    TL_ROLE_TICK_LABEL};
    if (op->kind == TL_OP_RECT)
        return op->role == TL_ROLE_SPAN || op->role == TL_ROLE_PROGRESS;
    if (op->kind == TL_OP_MARKER)
        return op->role == TL_ROLE_EVENT_MARK;
    if (op->kind != TL_OP_TEXT)
        return false;
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        if (op->role == texts[k])
            return true;
    return false;
}

static box op_box(const tl_op *op)
{
    switch (op->kind) {
    case TL_OP_RECT:
        return (box){op->u.rect.x, op->u.rect.y, op->u.rect.x + op->u.rect.w,
                     op->u.rect.y + op->u.rect.h};
    case TL_OP_MARKER: {
        const tl_marker_op *m = &op->u.marker;
        return (box){m->cx - m->radius, m->cy - m->radius, m->cx + m->radius, m->cy + m->radius};
    }
    case TL_OP_TEXT:
        return (box){op->u.text.x, op->u.text.y, op->u.text.x + op->u.text.w,
                     op->u.text.y + op->u.text.h};
    case TL_OP_LINE:
        break;
    }
    return (box){0, 0, 0, 0};
}

static int cell_col(const grid *g, double x)
{
    const int k = (int)floor((x - g->x0) / CELL);
    return k < 0 ? 0 : k >= g->cols ? g->cols - 1 : k;
}

static int cell_row(const grid *g, double y)
{
    const int k = (int)floor((y - g->y0) / CELL);
    return k < 0 ? 0 : k >= g->rows ? g->rows - 1 : k;
}

static int cmp_span(const void *x, const void *y)
{
    const span *p = x, *q = y;
    return (p->a > q->a) - (p->a < q->a);
}

/* Each row of cells' covered stretches, merged. */
static void build_bands(grid *g)
{
    g->busy = tl_xcalloc((size_t)g->rows, sizeof *g->busy);
    g->nbusy = tl_xcalloc((size_t)g->rows, sizeof *g->nbusy);
    size_t *cap = tl_xcalloc((size_t)g->rows, sizeof *cap);
    for (size_t b = 0; b < g->n; b++) {
        const box *o = &g->boxes[b];
        for (int r = cell_row(g, o->y0); r <= cell_row(g, o->y1); r++) {
            g->busy[r] = tl_xgrow(g->busy[r], &cap[r], g->nbusy[r] + 1, sizeof(span));
            g->busy[r][g->nbusy[r]++] = (span){o->x0 - CLEAR, o->x1 + CLEAR};
        }
    }
    free(cap);
    for (int r = 0; r < g->rows; r++) {
        span *v = g->busy[r];
        size_t n = g->nbusy[r], k = 0;
        if (n == 0)
            continue;
        qsort(v, n, sizeof *v, cmp_span);
        for (size_t i = 1; i < n; i++) {
            if (v[i].a <= v[k].b)
                v[k].b = fmax(v[k].b, v[i].b);
            else
                v[++k] = v[i];
        }
        g->nbusy[r] = k + 1;
    }
}

static void grid_build(grid *g, const tl_scene *s)
{
    *g = (grid){.x0 = 0, .y0 = 0};
    g->cols = (int)ceil(s->width / CELL) + 1;
    g->rows = (int)ceil(s->height / CELL) + 1;
    for (size_t i = 0; i < s->op_count; i++)
        g->n += is_obstacle(&s->ops[i]);
    g->boxes = tl_xmalloc((g->n + 1) * sizeof *g->boxes);
    g->stamp = tl_xcalloc(g->n + 1, sizeof *g->stamp);
    size_t k = 0;
    for (size_t i = 0; i < s->op_count; i++)
        if (is_obstacle(&s->ops[i]))
            g->boxes[k++] = op_box(&s->ops[i]);
    const size_t cells = (size_t)g->cols * (size_t)g->rows;
    g->start = tl_xcalloc(cells + 1, sizeof *g->start);
    for (int pass = 0; pass < 2; pass++) {
        size_t *fill = NULL;
        if (pass == 1) {
            for (size_t c = 0; c < cells; c++)
                g->start[c + 1] += g->start[c];
            g->items = tl_xmalloc((g->start[cells] + 1) * sizeof *g->items);
            fill = tl_xmalloc((cells + 1) * sizeof *fill);
            memcpy(fill, g->start, cells * sizeof *fill);
        }
        for (size_t b = 0; b < g->n; b++) {
            const box *bx = &g->boxes[b];
            for (int r = cell_row(g, bx->y0); r <= cell_row(g, bx->y1); r++)
                for (int c = cell_col(g, bx->x0); c <= cell_col(g, bx->x1); c++) {
                    const size_t cell = (size_t)r * (size_t)g->cols + (size_t)c;
                    if (pass == 0)
                        g->start[cell + 1]++;
                    else
                        g->items[fill[cell]++] = b;
                }
        }
        free(fill);
    }
    build_bands(g);
}

static void grid_free(grid *g)
{
    free(g->start);
    free(g->items);
    free(g->boxes);
    free(g->stamp);
    for (int r = 0; r < g->rows && g->busy; r++)
        free(g->busy[r]);
    free(g->busy);
    free(g->nbusy);
}

/* Whether the axis-aligned segment crosses the inside of a box (touching an edge does not). */
static bool blocked(grid *g, double x1, double y1, double x2, double y2)
{
    const double ax = fmin(x1, x2), bx = fmax(x1, x2), ay = fmin(y1, y2), by = fmax(y1, y2);
    const double e = 0.5;
    g->query++;
    for (int r = cell_row(g, ay); r <= cell_row(g, by); r++)
        for (int c = cell_col(g, ax); c <= cell_col(g, bx); c++) {
            const size_t cell = (size_t)r * (size_t)g->cols + (size_t)c;
            for (size_t k = g->start[cell]; k < g->start[cell + 1]; k++) {
                const size_t b = g->items[k];
                if (g->stamp[b] == g->query)
                    continue;
                g->stamp[b] = g->query;
                const box *o = &g->boxes[b];
                if (bx > o->x0 + e && ax < o->x1 - e && by > o->y0 + e && ay < o->y1 - e)
                    return true;
            }
        }
    return false;
}

typedef struct route {
    double x[TL_SCENE_LINK_POINTS], y[TL_SCENE_LINK_POINTS];
    int n;
} route;

static void add_point(route *r, double x, double y)
{
    if (r->n > 0 && fabs(r->x[r->n - 1] - x) < 1e-9 && fabs(r->y[r->n - 1] - y) < 1e-9)
        return;
    /* Three points in a line: the middle one is not a corner. */
    if (r->n >= 2) {
        const double px = r->x[r->n - 2], py = r->y[r->n - 2];
        const double qx = r->x[r->n - 1], qy = r->y[r->n - 1];
        if ((fabs(px - qx) < 1e-9 && fabs(qx - x) < 1e-9) ||
            (fabs(py - qy) < 1e-9 && fabs(qy - y) < 1e-9)) {
            r->x[r->n - 1] = x;
            r->y[r->n - 1] = y;
            return;
        }
    }
    r->x[r->n] = x;
    r->y[r->n] = y;
    r->n++;
}

static bool route_free(grid *g, const route *r)
{
    for (int k = 1; k < r->n; k++)
        if (blocked(g, r->x[k - 1], r->y[k - 1], r->x[k], r->y[k]))
            return false;
    return true;
}

static route make_route(const double *xs, const double *ys, int n)
{
    route r = {.n = 0};
    for (int k = 0; k < n; k++)
        add_point(&r, xs[k], ys[k]);
    return r;
}

/* Where the arrow leaves and enters, and the gaps it may run along. */
typedef struct ends {
    double xa, ya, xb, yb; /* on the predecessor's and the successor's edge */
    double gp, gs;         /* the gap beside the predecessor's row and the successor's */
    double lo, hi;         /* where a single vertical may stand (lo > hi: nowhere) */
} ends;

static ends find_ends(box p, box s, tl_link_type type, double gap)
{
    const double in_p = fmin(4, (p.x1 - p.x0) / 2), in_s = fmin(4, (s.x1 - s.x0) / 2);
    ends e;
    e.xa = type == TL_LINK_FS || type == TL_LINK_FF ? p.x1 - in_p : p.x0 + in_p;
    e.xb = type == TL_LINK_FS || type == TL_LINK_SS ? s.x0 + in_s : s.x1 - in_s;
    e.lo = fmax(p.x0 + in_p, s.x0 + in_s);
    e.hi = fmin(p.x1 - in_p, s.x1 - in_s);
    const double g = gap / 2;
    if (s.y0 >= p.y1 - 0.5) { /* the successor is below */
        e.ya = p.y1, e.yb = s.y0, e.gp = p.y1 + g, e.gs = s.y0 - g;
    } else if (s.y1 <= p.y0 + 0.5) { /* above */
        e.ya = p.y0, e.yb = s.y1, e.gp = p.y0 - g, e.gs = s.y1 + g;
    } else { /* in the same row: along the gap under it */
        e.ya = p.y1, e.yb = s.y1, e.gp = e.gs = fmax(p.y1, s.y1) + g;
        e.lo = 1, e.hi = 0;
    }
    return e;
}

static int cmp_cost(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A vertical channel between the two gaps: the free stretches of x left by every box that
 * overlaps them in height (a sweep over the boxes' x intervals), tried nearest first. */
static bool find_channel(grid *g, const ends *e, double left, double right, route *out)
{
    const double ay = fmin(e->gp, e->gs), by = fmax(e->gp, e->gs);
    /* What stays free of every row of cells the channel passes: conservative where a row of
     * cells reaches past the gaps, never crossing. */
    span *free_x = tl_xmalloc(sizeof *free_x), *next = NULL;
    size_t nfree = 1, free_cap = 1, next_cap = 0;
    free_x[0] = (span){left, right};
    for (int r = cell_row(g, ay); r <= cell_row(g, by) && nfree > 0; r++) {
        const span *busy = g->busy[r];
        const size_t nb = g->nbusy[r];
        size_t m = 0, j = 0;
        for (size_t i = 0; i < nfree; i++) {
            double a = free_x[i].a;
            const double b = free_x[i].b;
            while (j < nb && busy[j].b <= a)
                j++;
            for (size_t k = j; k < nb && busy[k].a < b; k++) {
                if (busy[k].a > a) {
                    next = tl_xgrow(next, &next_cap, m + 1, sizeof *next);
                    next[m++] = (span){a, busy[k].a};
                }
                a = fmax(a, busy[k].b);
            }
            if (a < b) {
                next = tl_xgrow(next, &next_cap, m + 1, sizeof *next);
                next[m++] = (span){a, b};
            }
        }
        span *t = free_x;
        free_x = next;
        next = t;
        const size_t c = free_cap;
        free_cap = next_cap;
        next_cap = c;
        nfree = m;
    }
    /* Each free stretch, with the x in it nearest the arrow's two ends. */
    double cand[MAX_CHANNELS][2];
    size_t nc = 0;
    const double want = (e->xa + e->xb) / 2;
    for (size_t k = 0; k < nfree && nc < MAX_CHANNELS; k++) {
        const double x = want < free_x[k].a ? free_x[k].a : want > free_x[k].b ? free_x[k].b : want;
        cand[nc][0] = fabs(x - e->xa) + fabs(x - e->xb);
        cand[nc][1] = x;
        nc++;
    }
    free(free_x);
    free(next);
    qsort(cand, nc, sizeof cand[0], cmp_cost);
    for (size_t k = 0; k < nc; k++) {
        const double xc = cand[k][1];
        const double xs[] = {e->xa, e->xa, xc, xc, e->xb, e->xb};
        const double ys[] = {e->ya, e->gp, e->gp, e->gs, e->gs, e->yb};
        /* The channel itself is free by construction: only the pieces in the gaps are
         * checked, which keeps a long arrow's tries cheap. */
        if (blocked(g, e->xa, e->ya, e->xa, e->gp) || blocked(g, e->xa, e->gp, xc, e->gp) ||
            blocked(g, xc, e->gs, e->xb, e->gs) || blocked(g, e->xb, e->gs, e->xb, e->yb))
            continue;
        *out = make_route(xs, ys, 6);
        return true;
    }
    return false;
}

/* The first free route of those in the header's list; false with the second one in *out when
 * none is free. */
static bool find_route(grid *g, const ends *e, double left, double right, route *out)
{
    if (e->lo <= e->hi) {
        const double x = e->xb < e->lo ? e->lo : e->xb > e->hi ? e->hi : e->xb;
        const double xs[] = {x, x}, ys[] = {e->ya, e->yb};
        *out = make_route(xs, ys, 2);
        if (route_free(g, out))
            return true;
    }
    const double xs2[] = {e->xa, e->xa, e->xb, e->xb}, ys2[] = {e->ya, e->gp, e->gp, e->yb};
    const route under = make_route(xs2, ys2, 4);
    if (route_free(g, &under)) {
        *out = under;
        return true;
    }
    const double ys3[] = {e->ya, e->gs, e->gs, e->yb};
    *out = make_route(xs2, ys3, 4);
    if (route_free(g, out))
        return true;
    if (find_channel(g, e, left, right, out))
        return true;
    *out = under;
    return false;
}

static void draw(tl_chart *c, const route *r, int32_t to, tl_stroke stroke)
{
    /* The line stops inside the head, so that its end does not show past the tip. */
    const double dir = r->y[r->n - 1] > r->y[r->n - 2] ? 1 : -1;
    for (int k = 1; k < r->n; k++) {
        double y2 = r->y[k];
        if (k == r->n - 1)
            y2 -= dir * HEAD_R;
        tl_scene_add_line(c->scene, TL_ROLE_DEPENDENCY, to, r->x[k - 1], r->y[k - 1], r->x[k], y2,
                          stroke);
    }
    tl_op *head = tl_scene_push(c->scene, TL_OP_MARKER, TL_ROLE_DEPENDENCY, to);
    head->u.marker = (tl_marker_op){
        .cx = r->x[r->n - 1],
        .cy = r->y[r->n - 1] - dir * HEAD_R,
        .radius = HEAD_R,
        .shape = dir > 0 ? TL_MARKER_ARROW_DOWN : TL_MARKER_ARROW_UP,
        .fill_mode = TL_MARKER_FILLED,
        .fill = stroke.color,
    };
}

static const char *type_name(tl_link_type t)
{
    static const char *const names[] = {"FS", "SS", "FF", "SF"};
    return names[t];
}

/* Each chart event's mark in the scene (its bar or diamond); x0 > x1 when it has none. */
static box *event_boxes(const tl_chart *c)
{
    box *marks = tl_xmalloc((c->n + 1) * sizeof *marks);
    for (size_t i = 0; i < c->n; i++)
        marks[i] = (box){1, 0, 0, 0};
    const tl_scene *s = c->scene;
    for (size_t k = 0; k < s->op_count; k++) {
        const tl_op *op = &s->ops[k];
        if (op->event < 0 || (size_t)op->event >= c->n ||
            marks[op->event].x0 <= marks[op->event].x1)
            continue;
        if ((op->role == TL_ROLE_SPAN && op->kind == TL_OP_RECT) ||
            (op->role == TL_ROLE_EVENT_MARK && op->kind == TL_OP_MARKER))
            marks[op->event] = op_box(op);
    }
    return marks;
}

size_t tl_arrows_emit(tl_chart *c, double gap, double left, double right)
{
    const tl_timeline *tl = c->tl;
    if (tl->nlinks == 0)
        return 0;
    /* Links name events by file position; the chart may show a window of them. */
    size_t *chart_of = tl_xmalloc((tl->count + 1) * sizeof *chart_of);
    for (size_t i = 0; i < tl->count; i++)
        chart_of[i] = (size_t)-1;
    for (size_t i = 0; i < c->n; i++) {
        const size_t order = tl_chart_event(c, i)->order;
        if (order < tl->count)
            chart_of[order] = i;
    }
    box *marks = event_boxes(c);
    grid g;
    grid_build(&g, c->scene);
    tl_scene *s = c->scene;
    s->links = tl_xcalloc(tl->nlinks, sizeof *s->links);
    const bool critical_path = c->opts->critical_path;
    size_t drawn = 0, blocked_count = 0;
    for (size_t k = 0; k < tl->nlinks; k++) {
        const tl_link *l = &tl->links[k];
        const size_t from = chart_of[tl->events[l->from].order],
                     to = chart_of[tl->events[l->to].order];
        if (from == (size_t)-1 || to == (size_t)-1)
            continue;
        tl_scene_link *out = &s->links[s->link_count++];
        *out = (tl_scene_link){.from = (int32_t)from,
                               .to = (int32_t)to,
                               .type = type_name(l->type),
                               .lag_days = (double)l->lag / 86400,
                               .violated = l->violated,
                               .critical = l->critical};
        const box p = marks[from], q = marks[to];
        if (p.x0 > p.x1 || q.x0 > q.x1)
            continue;
        const ends e = find_ends(p, q, l->type, gap);
        route r;
        if (!find_route(&g, &e, left, right, &r) || r.n < 2) {
            blocked_count++;
            continue;
        }
        tl_stroke stroke = {.color = tl_arrows_color(c), .width = 0.9};
        if (l->violated) {
            stroke.color = tl_arrows_violated_color(c);
            stroke.dash = TL_DASH_DASHED;
            stroke.width = 1.1;
        } else if (critical_path && l->critical) {
            stroke.color = tl_arrows_critical_color(c);
            stroke.width = 1.6;
        }
        draw(c, &r, (int32_t)to, stroke);
        out->color = stroke.color;
        memcpy(out->x, r.x, sizeof r.x);
        memcpy(out->y, r.y, sizeof r.y);
        out->npoints = r.n;
        drawn++;
    }
    if (blocked_count > 0)
        tl_scene_add_warning(s, tl_xasprintf("%zu of %zu dependencies not drawn: no route around "
                                             "the bars and labels between their tasks (a wider "
                                             "chart or fewer tasks in a lane leaves more room)",
                                             blocked_count, s->link_count));
    grid_free(&g);
    free(marks);
    free(chart_of);
    return drawn;
}

unsigned tl_arrows_legend(const tl_chart *c, bool drawn)
{
    const tl_timeline *tl = c->tl;
    if (tl->nlinks == 0)
        return 0;
    if (!drawn)
        return TL_LEGEND_NO_DEPENDENCIES;
    unsigned flags = TL_LEGEND_DEPENDENCIES;
    for (size_t k = 0; k < tl->nlinks; k++) {
        flags |= tl->links[k].violated ? TL_LEGEND_VIOLATED : 0;
        flags |= c->opts->critical_path && tl->links[k].critical ? TL_LEGEND_CRITICAL : 0;
    }
    for (size_t i = 0; i < c->n && c->opts->critical_path; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        flags |= ev->extra->plan && ev->extra->plan->critical ? TL_LEGEND_CRITICAL : 0;
    }
    return flags;
}
