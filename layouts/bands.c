#include "bands.h"

#include <math.h>
#include <stdlib.h>

#include "common/tl-alloc.h"

static const double ROW_GAP = 3;
static const double LABEL_MAX = 240;
static const double BOX_GAP = 10;
enum { MAX_ROWS = 8 };

bool tl_bands_init(tl_bands *b, tl_chart *c, tl_error **err)
{
    *b = (tl_bands){0};
    b->items = tl_xmalloc((c->n + 1) * sizeof *b->items);
    for (size_t i = 0; i < c->n; i++) {
        tl_event_type t = tl_chart_event(c, i)->type;
        if (t == TL_EVENT_ERA || t == TL_EVENT_MARKER)
            b->items[b->count++] = i;
    }
    b->labels = tl_xcalloc(b->count + 1, sizeof *b->labels);
    b->rows = tl_xcalloc(b->count + 1, sizeof *b->rows);
    /* A label never wider than the plot, ellipsized on a narrow canvas. */
    const double wrap = fmin(LABEL_MAX, c->scene->width - 2 * TL_CHART_MARGIN - 8);
    for (size_t k = 0; k < b->count; k++)
        if (!tl_chart_measure(c, &c->font.band, &b->labels[k],
                              tl_chart_event(c, b->items[k])->title, wrap, 1, err))
            return false;
    return true;
}

int64_t tl_bands_event_end(const tl_event *ev, const tl_scale *s)
{
    if (ev->has_end)
        return ev->end.hi;
    if (ev->type == TL_EVENT_ERA || ev->end_open) /* open-ended: runs to the chart's end */
        return s->t1;
    return ev->start.hi;
}

static double item_x(const tl_chart *c, const tl_scale *s, size_t i)
{
    const tl_event *ev = tl_chart_event(c, i);
    if (ev->type == TL_EVENT_MARKER)
        return tl_scale_x(s, tl_chart_point_instant(ev));
    return tl_scale_x(s, ev->start.lo);
}

double tl_bands_pack(tl_bands *b, const tl_chart *c, const tl_scale *s, double right)
{
    b->row_h = 0;
    for (size_t k = 0; k < b->count; k++) {
        const tl_text_block *lb = &b->labels[k];
        double x0 = fmax(item_x(c, s, b->items[k]), s->x0) + 4;
        x0 = fmax(TL_CHART_MARGIN, fmin(x0, right - lb->ext.width));
        b->rows[k] = (tl_row_item){.x0 = x0, .x1 = x0 + lb->ext.width};
        b->row_h = fmax(b->row_h, lb->ext.height);
    }
    b->row_count = b->count ? tl_labels_pack_rows(b->rows, b->count, MAX_ROWS, BOX_GAP) : 0;
    return b->row_count ? b->row_count * (b->row_h + ROW_GAP) + 6 : 0;
}

void tl_bands_emit_eras(tl_bands *b, tl_chart *c, const tl_scale *s, double rows_top, double y0,
                        double y1)
{
    for (size_t k = 0; k < b->count; k++) {
        size_t i = b->items[k];
        const tl_event *ev = tl_chart_event(c, i);
        if (ev->type != TL_EVENT_ERA)
            continue;
        double x0 = fmax(tl_scale_x(s, ev->start.lo), s->x0);
        double x1 = fmin(tl_scale_x(s, tl_bands_event_end(ev, s)), s->x1);
        if (x1 <= x0)
            continue;
        tl_color color = tl_chart_era_color(c, i);
        tl_color wash = color, strip = color;
        wash.a = c->th->era_alpha;
        strip.a = fmin(1, c->th->era_alpha * 2.2);
        tl_scene_add_rect(c->scene, TL_ROLE_ERA, (int32_t)i, x0, y0, x1 - x0, y1 - y0, wash);
        if (b->rows[k].row >= 0) {
            /* The era's own strip: where eras overlap, each keeps a visible band. */
            double y = rows_top + b->rows[k].row * (b->row_h + ROW_GAP);
            tl_scene_add_rect(c->scene, TL_ROLE_ERA, (int32_t)i, x0, y - 1, x1 - x0, b->row_h + 2,
                              strip);
        }
    }
}

void tl_bands_emit_labels(tl_bands *b, tl_chart *c, double rows_top)
{
    for (size_t k = 0; k < b->count; k++) {
        size_t i = b->items[k];
        if (b->rows[k].row < 0)
            continue;
        bool marker = tl_chart_event(c, i)->type == TL_EVENT_MARKER;
        double y = rows_top + b->rows[k].row * (b->row_h + ROW_GAP);
        tl_chart_add_text(c, marker ? TL_ROLE_MARKER_LABEL : TL_ROLE_ERA_LABEL, (int32_t)i,
                          b->rows[k].x0, y, &b->labels[k], &c->font.band,
                          marker ? c->th->text : c->th->muted, false);
        c->scene->marks[i].placed = true;
    }
}

void tl_bands_emit_markers(tl_bands *b, tl_chart *c, const tl_scale *s, double y0, double y1)
{
    tl_text_index ix = {0};
    for (size_t k = 0; k < b->count; k++) {
        size_t i = b->items[k];
        if (tl_chart_event(c, i)->type != TL_EVENT_MARKER)
            continue;
        if (!ix.box)
            tl_text_index_build(&ix, c->scene);
        const tl_stroke st = {
            .color = tl_chart_event_color(c, i), .width = 1, .dash = TL_DASH_DASHED};
        tl_chart_add_vline_around(c, &ix, TL_ROLE_MARKER, (int32_t)i, item_x(c, s, i), y0, y1, st);
    }
    tl_text_index_free(&ix);
}

void tl_bands_free(tl_bands *b)
{
    free(b->items);
    free(b->labels);
    free(b->rows);
    *b = (tl_bands){0};
}
