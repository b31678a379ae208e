/* The ribbon layout: one horizontal time axis drawn as a band that holds the tick labels;
 * point events hang on stems above it (and below it when there are no spans), spans are bars
 * packed into rows below it, eras are labelled background bands.
 *
 *   title
 *   era labels              ─┐
 *   levels of point labels   │ era bands behind
 *   ═══ axis band ═══        │
 *   span rows / levels      ─┘
 *   legend
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "data/model-private.h"
#include "datefmt.h"
#include "labels.h"
#include "scale.h"
#include "style.h"
#include "theme.h"
#include "ticks.h"
#include "variant.h"

/* ---------------------------------------------------------------------------------------------
 * Geometry, in points
 * ------------------------------------------------------------------------------------------- */

enum { MAX_LEVELS_FIT = 12, MAX_SPAN_ROWS = 60, MAX_ERA_ROWS = 6 };

static const double MARGIN = 24;        /* canvas edge to content */
static const double INSET = 10;         /* plot edge inside the margin: room for marks */
static const double TITLE_GAP = 12;     /* title to chart */
static const double STEM_PAD = 5;       /* stem to label text */
static const double BOX_GAP = 10;       /* between label boxes in a level */
static const double LEVEL_GAP = 7;      /* between levels */
static const double STEM_MIN = 18;      /* axis band to the nearest level */
static const double MARK_OFFSET = 8;    /* axis band edge to mark centre */
static const double MARK_R = 4.5;
static const double BAND_PAD = 5;       /* tick label to band edge */
static const double TICK_LEN = 3;
static const double TICK_GAP = 12;      /* between tick labels */
static const double SPAN_TOP = 14;      /* axis band to the first span row */
static const double BAR_H = 7;
static const double ROW_GAP = 8;
static const double ERA_ROW_GAP = 3;
static const double LEGEND_GAP = 18;    /* chart to legend */
static const double LEGEND_ITEM_GAP = 18;
static const double LABEL_WRAP = 150;   /* event titles wrap here */
static const double SPAN_LABEL_MAX = 260;
static const double ERA_LABEL_MAX = 240;

static const tl_font TITLE_FONT = {.size = 16, .weight = 700};
static const tl_font LABEL_FONT = {.size = 9.5, .weight = 600};
static const tl_font DATE_FONT = {.size = 8, .weight = 400};
static const tl_font TICK_FONT = {.size = 8.5, .weight = 400};
static const tl_font ERA_FONT = {.size = 8.5, .weight = 600};
static const tl_font LEGEND_FONT = {.size = 8.5, .weight = 400};

/* ---------------------------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------------------------- */

typedef struct text_block {
    const char *text;
    tl_text_shape shape;
    tl_text_extents ext;
} text_block;

/* An event's measured label: a title and a date line. */
typedef struct label {
    text_block title;
    text_block date;
    char date_text[128];
    double w, h; /* the block, stem padding included */
} label;

typedef struct legend_entry {
    enum { ENTRY_GROUP, ENTRY_STATUS, ENTRY_ERA, ENTRY_SPAN } kind;
    int index; /* group index or tl_status */
    text_block text;
    double x, y; /* placed */
} legend_entry;

typedef struct ribbon {
    const tl_timeline *tl;
    const tl_layout_options *opts;
    const tl_text_measurer *m;
    tl_scene *scene;
    const tl_theme_def *th;
    size_t n;
    label *labels;
    int *group; /* per event: group index or -1 */

    size_t *points, npoints;
    size_t *spans, nspans;
    size_t *eras, neras;
    size_t *markers, nmarkers;
    size_t *tops, ntops; /* eras and markers: labelled in rows at the top */
    tl_stem_item *stems; /* per point */
    tl_row_item *span_rows;
    tl_row_item *era_rows; /* per tops[] */
    int span_row_count, era_row_count;
    double span_row_h, era_row_h;

    tl_scale scale;
    tl_ticks ticks;
    double band_h;

    text_block title;
    legend_entry *legend;
    size_t nlegend;
    double legend_h;

    /* Vertical plan. */
    int levels[2];
    double level_h[2][MAX_LEVELS_FIT];
    double era_top, above_top, axis_top, axis_bottom, chart_bottom, legend_top, height;
} ribbon;

/* ---------------------------------------------------------------------------------------------
 * Measuring
 * ------------------------------------------------------------------------------------------- */

static bool measure(ribbon *r, const tl_font *font, text_block *b, const char *text,
                    double wrap, int max_lines, tl_error **err)
{
    b->text = text;
    b->shape = (tl_text_shape){.wrap_width = wrap, .max_lines = max_lines};
    if (r->m->measure(r->m->user, font, &b->shape, text, &b->ext))
        return true;
    return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure text \"%.40s\"", text);
}

static void event_date_text(const tl_event *ev, char *buf, size_t size)
{
    size_t len;
    if (ev->type == TL_EVENT_POINT)
        len = tl_datefmt_event(&ev->start, buf, size);
    else
        len = tl_datefmt_range(&ev->start, ev->has_end ? &ev->end : NULL, buf, size);
    if (ev->status != TL_STATUS_CONFIRMED && len < size)
        snprintf(buf + len, size - len, " \u00b7 %s",
                 ev->status == TL_STATUS_OTHER ? ev->status_text : tl_style_status_word(ev->status));
}

static bool measure_labels(ribbon *r, tl_error **err)
{
    for (size_t i = 0; i < r->n; i++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        label *lb = &r->labels[i];
        event_date_text(ev, lb->date_text, sizeof lb->date_text);
        switch (ev->type) {
        case TL_EVENT_POINT:
            if (!measure(r, &LABEL_FONT, &lb->title, ev->title, LABEL_WRAP, 3, err) ||
                !measure(r, &DATE_FONT, &lb->date, lb->date_text, 0, 1, err))
                return false;
            lb->w = STEM_PAD + fmax(lb->title.ext.width, lb->date.ext.width);
            lb->h = lb->title.ext.height + 1 + lb->date.ext.height;
            break;
        case TL_EVENT_SPAN: {
            /* Title and dates on one line above the bar; the title gives way on a narrow
             * canvas. */
            if (!measure(r, &DATE_FONT, &lb->date, lb->date_text, 0, 1, err))
                return false;
            double room = r->scene->width - 2 * MARGIN - 6 - lb->date.ext.width;
            if (!measure(r, &LABEL_FONT, &lb->title, ev->title,
                         fmax(40, fmin(SPAN_LABEL_MAX, room)), 1, err))
                return false;
            lb->w = lb->title.ext.width + 6 + lb->date.ext.width;
            lb->h = fmax(lb->title.ext.height, lb->date.ext.height);
            break;
        }
        case TL_EVENT_ERA:
        case TL_EVENT_MARKER:
            if (!measure(r, &ERA_FONT, &lb->title, ev->title, ERA_LABEL_MAX, 1, err))
                return false;
            lb->w = lb->title.ext.width;
            lb->h = lb->title.ext.height;
            break;
        }
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Horizontal placement
 * ------------------------------------------------------------------------------------------- */

static int64_t event_end(const ribbon *r, const tl_event *ev)
{
    if (ev->has_end)
        return ev->end.hi;
    if (ev->type == TL_EVENT_ERA) /* open-ended: runs to the end of the chart */
        return r->scale.t1;
    return ev->start.hi;
}

static int64_t point_instant(const tl_event *ev)
{
    return ev->start.lo + (ev->start.hi - ev->start.lo) / 2;
}

/* The scale. Labels hang to the right of their stems, so the data ends early enough that the
 * last labels fit beside their marks rather than being pushed left over their neighbours'
 * stems. */
static void set_domain(ribbon *r)
{
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < r->n; i++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        lo = ev->start.lo < lo ? ev->start.lo : lo;
        int64_t end = ev->has_end ? ev->end.hi : ev->start.hi;
        hi = end > hi ? end : hi;
    }
    if (hi <= lo) { /* every event at one instant */
        lo -= TL_SECONDS_PER_DAY;
        hi += TL_SECONDS_PER_DAY;
    }
    const double left = MARGIN, right = r->scene->width - MARGIN;
    const double avail = right - left - 2 * INSET;
    const double xa = left + INSET + 0.03 * avail;
    double xb = right - INSET - 0.03 * avail;

    /* Item i at fraction f of the extent needs xa + f (xb - xa) + w <= right. */
    double need = xb;
    for (size_t k = 0; k < r->npoints; k++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, r->points[k]);
        double f = (double)(point_instant(ev) - lo) / (double)(hi - lo);
        double w = r->labels[r->points[k]].w;
        if (f > 0.05)
            need = fmin(need, xa + (right - w - xa - 1) / f); /* 1 pt for rounding */
    }
    /* Beyond a third of the width, the stragglers' labels flip left instead. */
    xb = fmax(need, xa + (xb - xa) * 2 / 3);
    /* The axis ends as far after the data as it starts before it; labels may run past it. */
    tl_scale_init_mapped(&r->scale, lo, hi, xa, xb, left, fmin(right, xb + (xa - left)));
}

static void pack_spans(ribbon *r, int max_rows)
{
    const double right = r->scene->width - MARGIN;
    double row_h = 0;
    for (size_t k = 0; k < r->nspans; k++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, r->spans[k]);
        const label *lb = &r->labels[r->spans[k]];
        double x0 = tl_scale_x(&r->scale, ev->start.lo);
        double x1 = tl_scale_x(&r->scale, event_end(r, ev));
        double lx = fmax(MARGIN, fmin(x0, right - lb->w));
        r->span_rows[k] = (tl_row_item){.x0 = fmin(x0, lx), .x1 = fmax(x1, lx + lb->w)};
        row_h = fmax(row_h, lb->h);
    }
    r->span_row_count = r->nspans ? tl_labels_pack_rows(r->span_rows, r->nspans, max_rows, BOX_GAP)
                                  : 0;
    r->span_row_h = row_h + 2 + BAR_H;
}

/* Era and marker labels share rows at the top of the chart, each starting at its band or
 * line. Both lists are in start order, so merging them keeps the rows' items sorted. */
static void pack_tops(ribbon *r)
{
    const double right = r->scene->width - MARGIN;
    double row_h = 0;
    size_t a = 0, b = 0;
    while (a < r->neras || b < r->nmarkers) {
        bool era = b >= r->nmarkers ||
                   (a < r->neras && r->eras[a] < r->markers[b]); /* chart order = start order */
        r->tops[r->ntops++] = era ? r->eras[a++] : r->markers[b++];
    }
    for (size_t k = 0; k < r->ntops; k++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, r->tops[k]);
        const label *lb = &r->labels[r->tops[k]];
        double x0 = fmax(tl_scale_x(&r->scale, ev->start.lo), MARGIN) + 4;
        x0 = fmin(x0, right - lb->w);
        r->era_rows[k] = (tl_row_item){.x0 = x0, .x1 = x0 + lb->w};
        row_h = fmax(row_h, lb->h);
    }
    r->era_row_count =
        r->ntops ? tl_labels_pack_rows(r->era_rows, r->ntops, MAX_ERA_ROWS, BOX_GAP) : 0;
    r->era_row_h = row_h;
}

/* ---------------------------------------------------------------------------------------------
 * Legend
 * ------------------------------------------------------------------------------------------- */

static bool build_legend(ribbon *r, tl_error **err)
{
    bool status_seen[TL_STATUS_OTHER + 1] = {false};
    int statuses = 0;
    for (size_t i = 0; i < r->n; i++) {
        tl_status s = tl_timeline_get_event(r->tl, i)->status;
        if (!status_seen[s])
            statuses++;
        status_seen[s] = true;
    }
    size_t cap = r->tl->group_count + TL_STATUS_OTHER + 1 + 2;
    r->legend = tl_xcalloc(cap, sizeof *r->legend);
    for (size_t g = 0; g < r->tl->group_count; g++)
        r->legend[r->nlegend++] = (legend_entry){.kind = ENTRY_GROUP, .index = (int)g};
    /* Statuses are worth a key only when the chart mixes them. */
    if (statuses > 1 || !status_seen[TL_STATUS_CONFIRMED])
        for (int s = 0; s < TL_STATUS_OTHER; s++) /* "other" statuses name themselves */
            if (status_seen[s])
                r->legend[r->nlegend++] = (legend_entry){.kind = ENTRY_STATUS, .index = s};
    if (r->nspans)
        r->legend[r->nlegend++] = (legend_entry){.kind = ENTRY_SPAN};
    if (r->neras)
        r->legend[r->nlegend++] = (legend_entry){.kind = ENTRY_ERA};

    for (size_t i = 0; i < r->nlegend; i++) {
        legend_entry *e = &r->legend[i];
        const char *text = "";
        switch (e->kind) {
        case ENTRY_GROUP:
            text = r->tl->groups[e->index];
            break;
        case ENTRY_STATUS:
            text = tl_style_status_word((tl_status)e->index);
            break;
        case ENTRY_SPAN:
            text = "span";
            break;
        case ENTRY_ERA:
            text = "era";
            break;
        }
        if (!measure(r, &LEGEND_FONT, &e->text, text, 200, 1, err))
            return false;
    }

    /* Flow the entries into rows: swatch, gap, text. */
    const double swatch = 12, right = r->scene->width - MARGIN;
    double x = MARGIN, y = 0, row_h = 0;
    for (size_t i = 0; i < r->nlegend; i++) {
        legend_entry *e = &r->legend[i];
        double w = swatch + 4 + e->text.ext.width;
        if (x > MARGIN && x + w > right) {
            x = MARGIN;
            y += row_h + 6;
        }
        e->x = x;
        e->y = y;
        row_h = fmax(row_h, fmax(swatch, e->text.ext.height));
        x += w + LEGEND_ITEM_GAP;
    }
    r->legend_h = r->nlegend ? y + row_h : 0;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Vertical plan
 * ------------------------------------------------------------------------------------------- */

/* Places point labels in at most max_levels levels per side and computes every y.
 * Returns the total height. */
static double plan(ribbon *r, int max_levels, int max_span_rows)
{
    pack_spans(r, max_span_rows);
    const int sides = r->nspans ? 1 : 2;
    const double left = MARGIN, right = r->scene->width - MARGIN;
    for (size_t k = 0; k < r->npoints; k++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, r->points[k]);
        r->stems[k] = (tl_stem_item){
            .anchor = tl_scale_x(&r->scale, point_instant(ev)),
            .width = r->labels[r->points[k]].w,
        };
    }
    tl_labels_pack_stems(r->stems, r->npoints, sides, max_levels, BOX_GAP, left, right);

    memset(r->levels, 0, sizeof r->levels);
    memset(r->level_h, 0, sizeof r->level_h);
    for (size_t k = 0; k < r->npoints; k++) {
        const tl_stem_item *s = &r->stems[k];
        if (s->level < 0)
            continue;
        if (s->level + 1 > r->levels[s->side])
            r->levels[s->side] = s->level + 1;
        double h = r->labels[r->points[k]].h;
        if (h > r->level_h[s->side][s->level])
            r->level_h[s->side][s->level] = h;
    }

    double stack[2];
    for (int side = 0; side < 2; side++) {
        stack[side] = r->levels[side] ? STEM_MIN : MARK_OFFSET + MARK_R + 4;
        for (int k = 0; k < r->levels[side]; k++)
            stack[side] += r->level_h[side][k] + (k ? LEVEL_GAP : 0);
    }

    double y = MARGIN;
    if (r->title.text)
        y += r->title.ext.height + TITLE_GAP;
    r->era_top = y;
    if (r->era_row_count)
        y += r->era_row_count * (r->era_row_h + ERA_ROW_GAP) + 6;
    r->above_top = y;
    r->axis_top = y + stack[0];
    r->axis_bottom = r->axis_top + r->band_h;
    if (r->nspans)
        r->chart_bottom = r->axis_bottom + SPAN_TOP +
                          r->span_row_count * (r->span_row_h + ROW_GAP) - ROW_GAP + 6;
    else
        r->chart_bottom = r->axis_bottom + stack[1];
    r->legend_top = r->chart_bottom + (r->nlegend ? LEGEND_GAP : 0);
    r->height = r->legend_top + r->legend_h + MARGIN;
    return r->height;
}

/* ---------------------------------------------------------------------------------------------
 * Emitting the scene
 * ------------------------------------------------------------------------------------------- */

static tl_stroke stroke(tl_color c, double width, tl_dash dash)
{
    return (tl_stroke){.color = c, .width = width, .dash = dash};
}

static tl_color with_alpha(tl_color c, double a)
{
    c.a = a;
    return c;
}

static void add_text(ribbon *r, tl_role role, int32_t ev, double x, double y,
                     const text_block *b, const tl_font *font, tl_color color, bool strike)
{
    tl_text_op *t =
        tl_scene_add_text(r->scene, role, ev, x, y, b->text, font, &b->shape, &b->ext, color);
    t->strike = strike;
}

static tl_color event_color(const ribbon *r, size_t i)
{
    const tl_event *ev = tl_timeline_get_event(r->tl, i);
    tl_color c;
    if (ev->color[0] && tl_color_parse(ev->color, &c))
        return c;
    return tl_theme_group_color(r->th, r->group[i]);
}

static tl_marker_shape event_shape(const ribbon *r, size_t i)
{
    static const tl_marker_shape shapes[] = {TL_MARKER_CIRCLE, TL_MARKER_SQUARE,
                                             TL_MARKER_DIAMOND};
    if (!r->th->shapes_by_group || r->group[i] < 0)
        return TL_MARKER_CIRCLE;
    return shapes[r->group[i] % 3];
}

static void add_marker(ribbon *r, tl_role role, int32_t ev, double cx, double cy,
                       tl_marker_shape shape, tl_status status, tl_color color)
{
    tl_op *op = tl_scene_push(r->scene, TL_OP_MARKER, role, ev);
    tl_marker_op *mk = &op->u.marker;
    mk->cx = cx;
    mk->cy = cy;
    mk->radius = MARK_R;
    mk->shape = shape;
    tl_style_marker(mk, status, color);
}

static void emit_eras(ribbon *r)
{
    for (size_t k = 0; k < r->neras; k++) {
        size_t i = r->eras[k];
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        double x0 = fmax(tl_scale_x(&r->scale, ev->start.lo), MARGIN);
        double x1 = fmin(tl_scale_x(&r->scale, event_end(r, ev)), r->scale.x1);
        tl_color c = ev->color[0] && tl_color_parse(ev->color, &c) ? c : r->th->era_fill;
        tl_scene_add_rect(r->scene, TL_ROLE_ERA, (int32_t)i, x0, r->era_top, x1 - x0,
                          r->chart_bottom - r->era_top, with_alpha(c, r->th->era_alpha));
    }
}

/* Sorts (start, end) pairs by start. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void emit_top_labels(ribbon *r)
{
    for (size_t k = 0; k < r->ntops; k++) {
        size_t i = r->tops[k];
        const tl_row_item *row = &r->era_rows[k];
        if (row->row < 0)
            continue;
        bool marker = tl_timeline_get_event(r->tl, i)->type == TL_EVENT_MARKER;
        double y = r->era_top + row->row * (r->era_row_h + ERA_ROW_GAP);
        add_text(r, marker ? TL_ROLE_MARKER_LABEL : TL_ROLE_ERA_LABEL, (int32_t)i, row->x0, y,
                 &r->labels[i].title, &ERA_FONT, marker ? r->th->text : r->th->muted, false);
        r->scene->events[i].placed = true;
    }
}

/* A marker's line runs the chart's height, from its label row down, broken where it would
 * cross text. Emitted after all text, so the breaks are known. */
static void emit_markers(ribbon *r)
{
    const tl_scene *sc = r->scene;
    double *cuts = tl_xmalloc(2 * (sc->op_count + 1) * sizeof *cuts);
    for (size_t k = 0; k < r->nmarkers; k++) {
        size_t i = r->markers[k];
        double x = tl_scale_x(&r->scale, point_instant(tl_timeline_get_event(r->tl, i)));
        size_t ncuts = 0;
        for (size_t j = 0; j < sc->op_count; j++) {
            const tl_op *op = &sc->ops[j];
            if (op->kind != TL_OP_TEXT || op->u.text.x > x + 2 ||
                op->u.text.x + op->u.text.w < x - 2)
                continue;
            cuts[2 * ncuts] = op->u.text.y - 2;
            cuts[2 * ncuts + 1] = op->u.text.y + op->u.text.h + 2;
            ncuts++;
        }
        qsort(cuts, ncuts, 2 * sizeof *cuts, cmp_double);
        double y = r->era_top;
        const tl_stroke st = stroke(event_color(r, i), 1, TL_DASH_DASHED);
        for (size_t c = 0; c <= ncuts; c++) {
            double stop = c < ncuts ? cuts[2 * c] : r->chart_bottom;
            if (stop > y + 1)
                tl_scene_add_line(r->scene, TL_ROLE_MARKER, (int32_t)i, x, y, x, stop, st);
            if (c < ncuts && cuts[2 * c + 1] > y)
                y = cuts[2 * c + 1];
        }
    }
    free(cuts);
}

static void emit_axis(ribbon *r)
{
    const double x0 = r->scale.x0, x1 = r->scale.x1;
    tl_rect_op *band = tl_scene_add_rect(r->scene, TL_ROLE_AXIS, -1, x0, r->axis_top, x1 - x0,
                                         r->band_h, r->th->axis_fill);
    band->radius = 2;
    for (size_t k = 0; k < r->ticks.count; k++) {
        const tl_tick *tk = &r->ticks.items[k];
        tl_scene_add_line(r->scene, TL_ROLE_TICK, -1, tk->x, r->axis_top, tk->x,
                          r->axis_top + TICK_LEN, stroke(r->th->faint, 0.8, TL_DASH_SOLID));
        tl_scene_add_line(r->scene, TL_ROLE_TICK, -1, tk->x, r->axis_bottom - TICK_LEN, tk->x,
                          r->axis_bottom, stroke(r->th->faint, 0.8, TL_DASH_SOLID));
        text_block b = {.text = tk->label, .ext = tk->extents};
        add_text(r, TL_ROLE_TICK_LABEL, -1, tk->x - tk->extents.width / 2,
                 r->axis_top + (r->band_h - tk->extents.height) / 2, &b, &TICK_FONT,
                 r->th->axis_text, false);
    }
}

/* The interval a coarse date stands for ("2020" is the whole year): a thin bracket through
 * its mark, so "sometime in 2020" does not read as "1 July 2020". */
static void emit_precision(ribbon *r, size_t i, double cy, tl_color color)
{
    const tl_event *ev = tl_timeline_get_event(r->tl, i);
    double x0 = tl_scale_x(&r->scale, ev->start.lo);
    double x1 = tl_scale_x(&r->scale, ev->start.hi);
    if (x1 - x0 < 2 * MARK_R + 4)
        return;
    tl_stroke st = stroke(with_alpha(color, 0.55), 1.2, TL_DASH_SOLID);
    tl_scene_add_line(r->scene, TL_ROLE_PRECISION, (int32_t)i, x0, cy, x1, cy, st);
    tl_scene_add_line(r->scene, TL_ROLE_PRECISION, (int32_t)i, x0, cy - 3, x0, cy + 3, st);
    tl_scene_add_line(r->scene, TL_ROLE_PRECISION, (int32_t)i, x1, cy - 3, x1, cy + 3, st);
}

static void emit_points(ribbon *r)
{
    for (size_t k = 0; k < r->npoints; k++) {
        size_t i = r->points[k];
        const tl_stem_item *s = &r->stems[k];
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        tl_color color = event_color(r, i);
        bool above = s->level < 0 || s->side == 0;
        double cy = above ? r->axis_top - MARK_OFFSET : r->axis_bottom + MARK_OFFSET;
        emit_precision(r, i, cy, color);

        if (s->level >= 0) {
            const label *lb = &r->labels[i];
            /* The level's far edge: labels hang from it, so a level's tops line up. */
            double dist = STEM_MIN;
            for (int k2 = 0; k2 < s->level; k2++)
                dist += r->level_h[s->side][k2] + LEVEL_GAP;
            double box_y = above ? r->axis_top - dist - r->level_h[0][s->level]
                                 : r->axis_bottom + dist;
            double stem_end = above ? box_y : box_y + lb->h;
            tl_scene_add_line(r->scene, TL_ROLE_EVENT_STEM, (int32_t)i, s->anchor,
                              cy + (above ? -MARK_R : MARK_R), s->anchor, stem_end,
                              stroke(r->th->faint, 0.8, tl_style_status(ev->status)->stem_dash));
            double tx = s->flip ? s->anchor - lb->w : s->anchor + STEM_PAD;
            bool cancelled = tl_style_status(ev->status)->strike;
            add_text(r, TL_ROLE_EVENT_LABEL, (int32_t)i, tx, box_y, &lb->title, &LABEL_FONT,
                     cancelled ? r->th->muted : r->th->text, cancelled);
            add_text(r, TL_ROLE_EVENT_DATE, (int32_t)i, tx, box_y + lb->title.ext.height + 1,
                     &lb->date, &DATE_FONT, r->th->muted, false);
            r->scene->events[i].placed = true;
        }
        add_marker(r, TL_ROLE_EVENT_MARK, (int32_t)i, s->anchor, cy, event_shape(r, i),
                   ev->status, color);
    }
}

static void emit_spans(ribbon *r)
{
    const double right = r->scene->width - MARGIN;
    for (size_t k = 0; k < r->nspans; k++) {
        size_t i = r->spans[k];
        const tl_row_item *row = &r->span_rows[k];
        if (row->row < 0)
            continue;
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        const label *lb = &r->labels[i];
        tl_color color = event_color(r, i);
        double top = r->axis_bottom + SPAN_TOP + row->row * (r->span_row_h + ROW_GAP);
        double x0 = tl_scale_x(&r->scale, ev->start.lo);
        double x1 = tl_scale_x(&r->scale, event_end(r, ev));
        double bar_y = top + r->span_row_h - BAR_H;

        tl_rect_op *bar = tl_scene_add_rect(r->scene, TL_ROLE_SPAN, (int32_t)i, x0, bar_y,
                                            fmax(x1 - x0, 2), BAR_H, color);
        bar->radius = 2;
        tl_style_bar(bar, ev->status, color);

        double lx = fmax(MARGIN, fmin(x0, right - lb->w));
        double base = top + fmax(lb->title.ext.baseline, lb->date.ext.baseline);
        bool cancelled = tl_style_status(ev->status)->strike;
        add_text(r, TL_ROLE_EVENT_LABEL, (int32_t)i, lx, base - lb->title.ext.baseline,
                 &lb->title, &LABEL_FONT, cancelled ? r->th->muted : r->th->text, cancelled);
        add_text(r, TL_ROLE_EVENT_DATE, (int32_t)i, lx + lb->title.ext.width + 6,
                 base - lb->date.ext.baseline, &lb->date, &DATE_FONT, r->th->muted, false);
        r->scene->events[i].placed = true;
    }
}

static void emit_legend(ribbon *r)
{
    const tl_color ink = r->th->neutral;
    for (size_t k = 0; k < r->nlegend; k++) {
        const legend_entry *e = &r->legend[k];
        double y = r->legend_top + e->y;
        double cy = y + fmax(12, e->text.ext.height) / 2;
        double cx = e->x + 6;
        switch (e->kind) {
        case ENTRY_GROUP: {
            tl_color c = tl_theme_group_color(r->th, e->index);
            tl_marker_shape shape = TL_MARKER_CIRCLE;
            if (r->th->shapes_by_group) {
                static const tl_marker_shape shapes[] = {TL_MARKER_CIRCLE, TL_MARKER_SQUARE,
                                                         TL_MARKER_DIAMOND};
                shape = shapes[e->index % 3];
            }
            add_marker(r, TL_ROLE_LEGEND, -1, cx, cy, shape, TL_STATUS_CONFIRMED, c);
            break;
        }
        case ENTRY_STATUS:
            add_marker(r, TL_ROLE_LEGEND, -1, cx, cy, TL_MARKER_CIRCLE, (tl_status)e->index,
                       ink);
            break;
        case ENTRY_SPAN: {
            tl_rect_op *bar =
                tl_scene_add_rect(r->scene, TL_ROLE_LEGEND, -1, e->x, cy - BAR_H / 2, 12, BAR_H,
                                  ink);
            bar->radius = 2;
            break;
        }
        case ENTRY_ERA:
            tl_scene_add_rect(r->scene, TL_ROLE_LEGEND, -1, e->x, cy - 6, 12, 12,
                              with_alpha(r->th->era_fill, r->th->era_alpha * 2));
            break;
        }
        add_text(r, TL_ROLE_LEGEND, -1, e->x + 16, cy - e->text.ext.height / 2, &e->text,
                 &LEGEND_FONT, r->th->muted, false);
    }
}

static void report_unplaced(ribbon *r)
{
    size_t dropped = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (r->scene->events[i].placed)
            continue;
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        if (++dropped <= 50)
            tl_scene_add_warning(
                r->scene, tl_xasprintf("line %lu: %s \"%.60s\" not drawn: no room at this size "
                                       "(try a larger --width or --height)",
                                       ev->line, ev->type == TL_EVENT_SPAN ? "span" : "label",
                                       ev->title));
    }
    if (dropped > 50)
        tl_scene_add_warning(r->scene,
                             tl_xasprintf("%zu more labels not drawn", dropped - 50));
}

/* ---------------------------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------------------------- */

static bool classify(ribbon *r)
{
    r->points = tl_xmalloc(r->n * sizeof *r->points);
    r->spans = tl_xmalloc(r->n * sizeof *r->spans);
    r->eras = tl_xmalloc(r->n * sizeof *r->eras);
    r->markers = tl_xmalloc(r->n * sizeof *r->markers);
    r->tops = tl_xmalloc(r->n * sizeof *r->tops);
    r->group = tl_xmalloc(r->n * sizeof *r->group);
    for (size_t i = 0; i < r->n; i++) {
        const tl_event *ev = tl_timeline_get_event(r->tl, i);
        r->group[i] = ev->group_index;
        switch (ev->type) {
        case TL_EVENT_POINT:
            r->points[r->npoints++] = i;
            break;
        case TL_EVENT_SPAN:
            r->spans[r->nspans++] = i;
            break;
        case TL_EVENT_ERA:
            r->eras[r->neras++] = i;
            break;
        case TL_EVENT_MARKER:
            r->markers[r->nmarkers++] = i;
            break;
        }
    }
    return true;
}

/* Point anchors must be in x order for the stem packer. Events are sorted by start.lo, but a
 * point is drawn at the middle of its date's interval, so "2020" (mid-year) may come after
 * "2020-03-20". Ties keep chart order. */
typedef struct keyed {
    int64_t key;
    size_t index;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return (x->key > y->key) - (x->key < y->key);
    return (x->index > y->index) - (x->index < y->index);
}

static void sort_points(ribbon *r)
{
    keyed *tmp = tl_xmalloc((r->npoints ? r->npoints : 1) * sizeof *tmp);
    for (size_t k = 0; k < r->npoints; k++)
        tmp[k] = (keyed){point_instant(tl_timeline_get_event(r->tl, r->points[k])), r->points[k]};
    qsort(tmp, r->npoints, sizeof *tmp, cmp_keyed);
    for (size_t k = 0; k < r->npoints; k++)
        r->points[k] = tmp[k].index;
    free(tmp);
}

static bool ribbon_run(const tl_timeline *tl, const tl_layout_options *opts,
                       const tl_text_measurer *measurer, tl_scene *scene, tl_error **err)
{
    bool ok = false;
    ribbon r = {
        .tl = tl,
        .opts = opts,
        .m = measurer,
        .scene = scene,
        .th = tl_theme_get(opts->theme),
        .n = tl_timeline_get_event_count(tl),
    };
    scene->background = r.th->background;
    tl_scene_set_event_count(scene, r.n);
    for (size_t i = 0; i < r.n; i++) {
        const tl_event *ev = tl_timeline_get_event(tl, i);
        scene->events[i] = (tl_scene_event){
            .title = tl_scene_strdup(scene, ev->title),
            .start = tl_scene_strdup(scene, ev->start_text),
            .end = ev->end_text[0] ? tl_scene_strdup(scene, ev->end_text) : NULL,
        };
    }

    r.labels = tl_xcalloc(r.n, sizeof *r.labels);
    classify(&r);
    sort_points(&r);
    r.stems = tl_xcalloc(r.npoints ? r.npoints : 1, sizeof *r.stems);
    r.span_rows = tl_xcalloc(r.nspans ? r.nspans : 1, sizeof *r.span_rows);
    r.era_rows = tl_xcalloc(r.neras + r.nmarkers + 1, sizeof *r.era_rows);

    if (!measure_labels(&r, err))
        goto done;
    if (opts->title &&
        !measure(&r, &TITLE_FONT, &r.title, opts->title, scene->width - 2 * MARGIN, 2, err))
        goto done;
    if (!opts->title)
        r.title.text = NULL;

    set_domain(&r);
    if (!tl_ticks_generate(&r.scale, measurer, &TICK_FONT, TICK_GAP, r.scale.x0 + 2,
                           r.scale.x1 - 2, &r.ticks)) {
        tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
        goto done;
    }
    {
        tl_text_extents probe;
        const tl_text_shape one = {0};
        if (!measurer->measure(measurer->user, &TICK_FONT, &one, "0", &probe)) {
            tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
            goto done;
        }
        r.band_h = probe.height + 2 * BAND_PAD;
    }
    pack_tops(&r);
    if (!build_legend(&r, err))
        goto done;

    if (opts->height > 0) {
        /* Give up label levels or span rows, whichever takes more room, until it fits. */
        int levels = MAX_LEVELS_FIT, rows = MAX_SPAN_ROWS;
        while (plan(&r, levels, rows) > opts->height) {
            double above = r.axis_top - r.above_top;
            double below = r.chart_bottom - r.axis_bottom;
            if (levels > 0 && (above >= below || rows == 0))
                {
                int used = r.levels[0] > r.levels[1] ? r.levels[0] : r.levels[1];
                levels = levels > used ? used - 1 : levels - 1;
            }
            else if (rows > 0)
                rows = rows > r.span_row_count ? r.span_row_count - 1 : rows - 1;
            else
                break;
        }
        if (r.height > opts->height) {
            tl_set_error(err, TL_ERROR_USAGE,
                         "a height of %.0f pt cannot hold this chart (it needs at least %.0f pt)",
                         opts->height, r.height);
            goto done;
        }
        scene->height = opts->height;
    } else {
        scene->height = ceil(plan(&r, MAX_LEVELS_FIT, MAX_SPAN_ROWS));
    }

    emit_eras(&r);
    emit_axis(&r);
    emit_spans(&r);
    emit_points(&r);
    emit_top_labels(&r);
    if (r.title.text)
        add_text(&r, TL_ROLE_TITLE, -1, MARGIN, MARGIN, &r.title, &TITLE_FONT, r.th->text,
                 false);
    emit_legend(&r);
    emit_markers(&r);
    report_unplaced(&r);
    ok = true;
done:
    tl_ticks_free(&r.ticks);
    free(r.labels);
    free(r.group);
    free(r.points);
    free(r.spans);
    free(r.eras);
    free(r.markers);
    free(r.tops);
    free(r.stems);
    free(r.span_rows);
    free(r.era_rows);
    free(r.legend);
    return ok;
}

const tl_variant_ops tl_variant_ribbon = {
    .name = "ribbon",
    .run = ribbon_run,
};
