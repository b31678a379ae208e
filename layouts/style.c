#include "style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

/* Distinct without colour: fill, outline dash and a cross, so a photocopy keeps them apart. */
static const tl_status_style styles[] = {
    [TL_STATUS_CONFIRMED] = {.mark_fill = TL_MARKER_FILLED, .bar_alpha = 1},
    [TL_STATUS_TENTATIVE] = {.mark_fill = TL_MARKER_HOLLOW,
                             .mark_dash = TL_DASH_DOTTED,
                             .bar_alpha = 0.3,
                             .bar_outline = true,
                             .bar_dash = TL_DASH_DOTTED,
                             .stem_dash = TL_DASH_DASHED},
    [TL_STATUS_CANCELLED] = {.mark_fill = TL_MARKER_HOLLOW,
                             .mark_cross = true,
                             .bar_alpha = 0,
                             .bar_outline = true,
                             .stem_dash = TL_DASH_DASHED,
                             .strike = true},
    [TL_STATUS_POSTPONED] = {.mark_fill = TL_MARKER_HALF,
                             .bar_alpha = 0.5,
                             .bar_outline = true,
                             .bar_dash = TL_DASH_DASHED,
                             .stem_dash = TL_DASH_DASHED},
    [TL_STATUS_RESCHEDULED] = {.mark_fill = TL_MARKER_DOT,
                               .bar_alpha = 0.5,
                               .bar_outline = true,
                               .stem_dash = TL_DASH_DASHED},
    [TL_STATUS_DISPUTED] = {.mark_fill = TL_MARKER_HOLLOW,
                            .mark_dash = TL_DASH_DASHED,
                            .bar_alpha = 0.15,
                            .bar_outline = true,
                            .bar_dash = TL_DASH_DASHED,
                            .stem_dash = TL_DASH_DOTTED},
    [TL_STATUS_OTHER] = {.mark_fill = TL_MARKER_FILLED, .bar_alpha = 1},
};

const tl_status_style *tl_style_status(tl_status status)
{
    switch (status) {
    case TL_STATUS_CONFIRMED:
    case TL_STATUS_TENTATIVE:
    case TL_STATUS_CANCELLED:
    case TL_STATUS_POSTPONED:
    case TL_STATUS_RESCHEDULED:
    case TL_STATUS_DISPUTED:
    case TL_STATUS_OTHER:
        return &styles[status];
    }
    return &styles[TL_STATUS_CONFIRMED];
}

const char *tl_style_status_word(tl_status status)
{
    switch (status) {
    case TL_STATUS_CONFIRMED:
        return "confirmed";
    case TL_STATUS_TENTATIVE:
        return "tentative";
    case TL_STATUS_CANCELLED:
        return "cancelled";
    case TL_STATUS_POSTPONED:
        return "postponed";
    case TL_STATUS_RESCHEDULED:
        return "rescheduled";
    case TL_STATUS_DISPUTED:
        return "disputed";
    case TL_STATUS_OTHER:
        return "other";
    }
    return "";
}

void tl_style_marker(tl_marker_op *mk, tl_status status, tl_color color)
{
    const tl_status_style *st = tl_style_status(status);
    mk->fill = color;
    mk->stroke = (tl_stroke){.color = color, .width = 1.4, .dash = st->mark_dash};
    mk->fill_mode = st->mark_fill;
    mk->cross = st->mark_cross;
}

void tl_style_bar(tl_rect_op *bar, tl_status status, tl_color color)
{
    const tl_status_style *st = tl_style_status(status);
    bar->fill = color;
    bar->fill.a *= st->bar_alpha;
    if (st->bar_outline)
        bar->stroke = (tl_stroke){.color = color, .width = 1, .dash = st->bar_dash};
}

tl_hatch tl_style_group_hatch(int group)
{
    static const tl_hatch hatches[] = {TL_HATCH_NONE, TL_HATCH_DIAGONAL, TL_HATCH_CROSS,
                                       TL_HATCH_HORIZONTAL};
    return group < 0 ? TL_HATCH_NONE : hatches[group % 4];
}

void tl_style_hatch_bars(tl_scene *scene, tl_color paper)
{
    for (size_t i = 0; i < scene->op_count; i++) {
        tl_op *op = &scene->ops[i];
        if (op->kind != TL_OP_RECT || op->role != TL_ROLE_SPAN || op->event < 0 ||
            (size_t)op->event >= scene->event_count)
            continue;
        tl_rect_op *bar = &op->u.rect;
        const tl_hatch hatch =
            tl_style_group_hatch(tl_scene_event_at(scene, (size_t)op->event).group_index);
        /* A faint fill is a status (tentative, disputed) speaking: hatching would drown it. */
        if (hatch == TL_HATCH_NONE || bar->fill.a < 0.9)
            continue;
        bar->hatch = hatch;
        bar->hatch_color = bar->fill;
        bar->fill = paper;
        if (!(bar->stroke.color.a > 0))
            bar->stroke = (tl_stroke){.color = bar->hatch_color, .width = 0.8};
    }
}

/* ---------------------------------------------------------------------------------------------
 * A user's style
 * ------------------------------------------------------------------------------------------- */

static const char *const font_names[] = {
    [TL_STYLE_FONT_TITLE] = "title",     [TL_STYLE_FONT_SUBTITLE] = "subtitle",
    [TL_STYLE_FONT_CAPTION] = "caption", [TL_STYLE_FONT_LABEL] = "label",
    [TL_STYLE_FONT_DATE] = "date",       [TL_STYLE_FONT_BODY] = "body",
    [TL_STYLE_FONT_TICK] = "tick",       [TL_STYLE_FONT_BAND] = "band",
    [TL_STYLE_FONT_LEGEND] = "legend",   [TL_STYLE_FONT_BADGE] = "badge",
};

static const char *const line_names[] = {
    [TL_STYLE_LINE_AXIS] = "axis", [TL_STYLE_LINE_STEM] = "stem", [TL_STYLE_LINE_MARK] = "mark",
    [TL_STYLE_LINE_BAR] = "bar",   [TL_STYLE_LINE_GRID] = "grid", [TL_STYLE_LINE_MARKER] = "marker",
};

static int index_of(const char *const *names, int count, const char *name)
{
    for (int i = 0; name && i < count; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

int tl_style_status_from_name(const char *name)
{
    for (int s = 0; name && s < TL_STATUS_OTHER; s++)
        if (strcmp(name, tl_style_status_word((tl_status)s)) == 0)
            return s;
    return name && strcmp(name, "canceled") == 0 ? TL_STATUS_CANCELLED : -1;
}

int tl_style_font_from_name(const char *name)
{
    return index_of(font_names, TL_STYLE_FONT_COUNT, name);
}

int tl_style_line_from_name(const char *name)
{
    return index_of(line_names, TL_STYLE_LINE_COUNT, name);
}

const char *tl_style_font_name(tl_style_font f)
{
    return f < TL_STYLE_FONT_COUNT ? font_names[f] : "";
}

const char *tl_style_line_name(tl_style_line l)
{
    return l < TL_STYLE_LINE_COUNT ? line_names[l] : "";
}

void tl_style_set_copy(tl_style_set *dst, const tl_style_set *src)
{
    *dst = *src;
    dst->groups = NULL;
    if (src->ngroups) {
        dst->groups = tl_xmalloc(src->ngroups * sizeof *dst->groups);
        for (size_t i = 0; i < src->ngroups; i++) {
            dst->groups[i] = src->groups[i];
            dst->groups[i].name = tl_xstrdup(src->groups[i].name);
        }
    }
}

void tl_style_set_free(tl_style_set *s)
{
    for (size_t i = 0; i < s->ngroups; i++)
        free(s->groups[i].name);
    free(s->groups);
    *s = (tl_style_set){0};
}

const tl_style_group *tl_style_find_group(const tl_style_set *s, const char *name)
{
    for (size_t i = 0; name && i < s->ngroups; i++)
        if (strcmp(s->groups[i].name, name) == 0)
            return &s->groups[i];
    return NULL;
}

tl_style_group *tl_style_set_group(tl_style_set *s, const char *name, bool add)
{
    tl_style_group *g = (tl_style_group *)tl_style_find_group(s, name);
    if (g || !add)
        return g;
    s->groups = tl_xrealloc(s->groups, (s->ngroups + 1) * sizeof *s->groups);
    g = &s->groups[s->ngroups++];
    *g = (tl_style_group){.name = tl_xstrdup(name)};
    return g;
}

/* The line kind an op's stroke belongs to, or -1 for strokes a style does not reach. */
static int line_kind(const tl_op *op)
{
    switch (op->role) {
    case TL_ROLE_AXIS:
    case TL_ROLE_TICK:
        return op->kind == TL_OP_LINE ? TL_STYLE_LINE_AXIS : -1;
    case TL_ROLE_EVENT_STEM:
        return op->kind == TL_OP_LINE ? TL_STYLE_LINE_STEM : -1;
    case TL_ROLE_EVENT_MARK:
    case TL_ROLE_LEGEND:
        return op->kind == TL_OP_MARKER ? TL_STYLE_LINE_MARK : -1;
    case TL_ROLE_SPAN:
        return op->kind == TL_OP_RECT ? TL_STYLE_LINE_BAR : -1;
    case TL_ROLE_GRID:
        return op->kind == TL_OP_LINE ? TL_STYLE_LINE_GRID : -1;
    case TL_ROLE_MARKER:
        return op->kind == TL_OP_LINE ? TL_STYLE_LINE_MARKER : -1;
    case TL_ROLE_BACKGROUND:
    case TL_ROLE_TITLE:
    case TL_ROLE_SUBTITLE:
    case TL_ROLE_CAPTION:
    case TL_ROLE_TICK_LABEL:
    case TL_ROLE_ERA:
    case TL_ROLE_ERA_LABEL:
    case TL_ROLE_PRECISION:
    case TL_ROLE_EVENT_LABEL:
    case TL_ROLE_EVENT_DATE:
    case TL_ROLE_MARKER_LABEL:
    case TL_ROLE_LANE:
    case TL_ROLE_LANE_LABEL:
    case TL_ROLE_CARD:
    case TL_ROLE_NOTE:
    case TL_ROLE_DENSITY:
    case TL_ROLE_SHADE:
    case TL_ROLE_DEPENDENCY:
    case TL_ROLE_PROGRESS:
        return -1;
    }
    return -1;
}

/* A mark drawn without a solid fill: it shows what lies under it unless the canvas colour
 * covers it first. */
static bool is_open_mark(const tl_op *op)
{
    return op->kind == TL_OP_MARKER && op->u.marker.fill_mode != TL_MARKER_FILLED &&
           op->u.marker.shape <= TL_MARKER_SQUARE &&
           (op->role == TL_ROLE_EVENT_MARK || op->role == TL_ROLE_LEGEND);
}

typedef struct open_mark {
    double cx, cy, r;
    size_t index; /* in the scene's ops: only lines drawn before it are cut */
} open_mark;

static int cmp_mark_x(const void *a, const void *b)
{
    const open_mark *x = a, *y = b;
    return (x->cx > y->cx) - (x->cx < y->cx);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* First mark with cx >= x. */
static size_t lower_bound(const open_mark *m, size_t n, double x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].cx < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* On a transparent canvas the renderer has no colour to fill a hollow mark with, so an axis
 * or a date bracket under it would show through (a tentative mark would read as crossed).
 * Horizontal and vertical lines drawn under such marks are cut around them instead. */
static void cut_lines_under_open_marks(tl_scene *scene)
{
    size_t n = 0;
    for (size_t i = 0; i < scene->op_count; i++)
        n += is_open_mark(&scene->ops[i]);
    if (n == 0)
        return;
    open_mark *marks = tl_xmalloc(n * sizeof *marks);
    n = 0;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (is_open_mark(op))
            marks[n++] = (open_mark){op->u.marker.cx, op->u.marker.cy,
                                     op->u.marker.radius + op->u.marker.stroke.width / 2, i};
    }
    qsort(marks, n, sizeof *marks, cmp_mark_x);
    double r_max = 0; /* how far from a line a mark's centre can be and still touch it */
    for (size_t k = 0; k < n; k++)
        r_max = fmax(r_max, marks[k].r);

    tl_op *out = NULL;
    size_t out_n = 0, out_cap = 0, cut_cap = 0;
    double *cuts = NULL;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        const tl_line_op *l = &op->u.line;
        bool horizontal = op->kind == TL_OP_LINE && l->y1 == l->y2;
        bool vertical = op->kind == TL_OP_LINE && l->x1 == l->x2 && !horizontal;
        size_t ncuts = 0;
        if (horizontal || vertical) {
            const double half = l->stroke.width / 2, reach_max = r_max + half;
            double a0 = horizontal ? fmin(l->x1, l->x2) : l->x1;
            double a1 = horizontal ? fmax(l->x1, l->x2) : l->x1;
            for (size_t k = lower_bound(marks, n, a0 - reach_max);
                 k < n && marks[k].cx <= a1 + reach_max; k++) {
                const open_mark *m = &marks[k];
                double across = horizontal ? fabs(m->cy - l->y1) : fabs(m->cx - l->x1);
                if (m->index < i || across >= m->r + half)
                    continue;
                /* The chord the line's band makes through the disc, along the line. */
                double d = fmax(0, across - half);
                double reach = sqrt(fmax(0, m->r * m->r - d * d));
                double c = horizontal ? m->cx : m->cy;
                cuts = tl_xgrow(cuts, &cut_cap, 2 * (ncuts + 1), sizeof *cuts);
                cuts[2 * ncuts] = c - reach;
                cuts[2 * ncuts + 1] = c + reach;
                ncuts++;
            }
        }
        if (ncuts == 0) {
            out = tl_xgrow(out, &out_cap, out_n + 1, sizeof *out);
            out[out_n++] = *op;
            continue;
        }
        qsort(cuts, ncuts, 2 * sizeof *cuts, cmp_double);
        double lo = horizontal ? fmin(l->x1, l->x2) : fmin(l->y1, l->y2);
        double hi = horizontal ? fmax(l->x1, l->x2) : fmax(l->y1, l->y2);
        double at = lo;
        for (size_t k = 0; k <= ncuts; k++) {
            double stop = k < ncuts ? fmin(cuts[2 * k], hi) : hi;
            if (stop > at + 0.01) {
                out = tl_xgrow(out, &out_cap, out_n + 1, sizeof *out);
                tl_op *piece = &out[out_n++];
                *piece = *op;
                if (horizontal) {
                    piece->u.line.x1 = at;
                    piece->u.line.x2 = stop;
                } else {
                    piece->u.line.y1 = at;
                    piece->u.line.y2 = stop;
                }
            }
            if (k < ncuts && cuts[2 * k + 1] > at)
                at = cuts[2 * k + 1];
        }
    }
    free(cuts);
    free(marks);
    free(scene->ops);
    scene->ops = out;
    scene->op_count = out_n;
    scene->op_cap = out_cap;
}

void tl_style_apply(const tl_style_set *s, tl_scene *scene)
{
    tl_style_apply_lines(s, scene);
    if (!(scene->background.a > 0))
        cut_lines_under_open_marks(scene);
}

void tl_style_apply_lines(const tl_style_set *s, tl_scene *scene)
{
    bool any = false;
    for (int k = 0; k < TL_STYLE_LINE_COUNT; k++)
        any |= s->line_width[k] > 0;
    for (size_t i = 0; any && i < scene->op_count; i++) {
        tl_op *op = &scene->ops[i];
        int k = line_kind(op);
        if (k < 0 || !(s->line_width[k] > 0))
            continue;
        switch (op->kind) {
        case TL_OP_LINE:
            op->u.line.stroke.width = s->line_width[k];
            break;
        case TL_OP_RECT:
            op->u.rect.stroke.width = s->line_width[k];
            break;
        case TL_OP_MARKER:
            op->u.marker.stroke.width = s->line_width[k];
            break;
        case TL_OP_TEXT:
            break;
        }
    }
}
