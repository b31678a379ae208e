#include "axis.h"

#include <stdlib.h>

#include "common/tl-error-private.h"
#include "options-private.h"

static const double BAND_PAD = 5; /* tick label to band edge */
static const double TICK_LEN = 3;
static const double TICK_GAP = 12; /* between tick labels */

bool tl_axis_tiers_request(const tl_chart *c, tl_ticks_request *rq, int *finest)
{
    const tl_layout_options *o = c->opts;
    if (o->ntiers == 0 || o->elapsed || o->numeric || o->log_scale)
        return false;
    *finest = 0;
    for (int i = 1; i < o->ntiers; i++)
        if (o->tiers[i] < o->tiers[*finest])
            *finest = i;
    rq->fixed = true;
    rq->unit = (tl_tick_unit)o->tiers[*finest];
    rq->every = 1;
    rq->rows_only = true;
    return true;
}

int tl_axis_tier_of(const tl_chart *c, int finest, int i)
{
    const tl_layout_options *o = c->opts;
    int tier = 1; /* tiers count up from the ticks by coarseness */
    for (int k = 0; k < o->ntiers; k++)
        tier += k != finest && k != i && o->tiers[k] < o->tiers[i];
    return tier;
}

/* --tiers: the ticks of the finest unit listed, a row of spans for each other, in the order
 * listed from the top. */
static bool build_tiers(tl_axis *a, tl_chart *c, tl_ticks_request rq, int finest, tl_error **err)
{
    const tl_layout_options *o = c->opts;
    if (!tl_ticks_generate(&a->scale, c->m, &c->font.tick, TICK_GAP, a->scale.x0 + 2,
                           a->scale.x1 - 2, &rq, &a->ticks))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    a->nrows = o->ntiers;
    a->tick_row = finest;
    for (int i = 0; i < o->ntiers; i++) {
        if (i == finest)
            continue;
        tl_axis_row *row = &a->rows[i];
        row->tier = tl_axis_tier_of(c, finest, i);
        if (!tl_ticks_row(&rq, &a->scale, c->m, &c->font.band, (tl_tick_unit)o->tiers[i],
                          &row->spans, &row->count))
            return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    }
    return true;
}

bool tl_axis_build(tl_axis *a, tl_chart *c, tl_error **err)
{
    tl_ticks_request rq = tl_chart_ticks_request(c);
    int finest;
    if (!a->scale.log && tl_axis_tiers_request(c, &rq, &finest)) {
        if (!build_tiers(a, c, rq, finest, err))
            return false;
    } else {
        if (!tl_ticks_generate(&a->scale, c->m, &c->font.tick, TICK_GAP, a->scale.x0 + 2,
                               a->scale.x1 - 2, &rq, &a->ticks))
            return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
        /* The tier the ticks name their larger unit in, under them. */
        a->tick_row = 0;
        a->nrows = a->ticks.spans ? 2 : 1;
        a->rows[1] = (tl_axis_row){a->ticks.spans, a->ticks.span_count, 1};
    }
    tl_chart_warn_thinned(c, &a->ticks);
    tl_text_block probe;
    if (!tl_chart_measure(c, &c->font.tick, &probe, "0", 0, 0, err))
        return false;
    a->row_h = probe.ext.height + 2 * BAND_PAD;
    a->band_h = a->row_h * a->nrows;
    return true;
}

static void emit_ticks(tl_chart *c, const tl_axis *a, double y, tl_stroke tick)
{
    for (size_t k = 0; k < a->ticks.count; k++) {
        const tl_tick *tk = &a->ticks.items[k];
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, tk->x, y, tk->x, y + TICK_LEN, tick);
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, tk->x, y + a->row_h - TICK_LEN, tk->x,
                          y + a->row_h, tick);
        if (!tk->label[0])
            continue; /* a chosen step too dense to label every tick */
        tl_text_block b = {.text = tk->label, .ext = tk->extents};
        tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, tk->x - tk->extents.width / 2,
                          y + (a->row_h - tk->extents.height) / 2, &b, &c->font.tick,
                          c->th->axis_text, false);
        tl_chart_mark_tick(c, tk->t, 0);
    }
}

/* A row of spans: a rule over it (but on the band's top), a separator at each unit's start,
 * and its name centred in the visible part of it. */
static void emit_row(tl_chart *c, const tl_axis *a, const tl_axis_row *row, double y, bool rule,
                     tl_stroke tick)
{
    if (rule)
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, a->scale.x0, y, a->scale.x1, y, tick);
    for (size_t k = 0; k < row->count; k++) {
        const tl_tick_span *sp = &row->spans[k];
        if (k > 0)
            tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, sp->x0, y, sp->x0, y + a->row_h, tick);
        if (!sp->label[0])
            continue;
        tl_text_block b = {.text = sp->label, .ext = sp->extents};
        tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, (sp->x0 + sp->x1 - sp->extents.width) / 2,
                          y + (a->row_h - sp->extents.height) / 2, &b, &c->font.band,
                          c->th->axis_text, false);
        tl_chart_mark_tick(c, sp->t0, row->tier);
    }
}

void tl_axis_emit(tl_chart *c, const tl_axis *a, double y)
{
    const double x0 = a->scale.x0, x1 = a->scale.x1, bottom = y + a->band_h;
    tl_rect_op *band =
        tl_scene_add_rect(c->scene, TL_ROLE_AXIS, -1, x0, y, x1 - x0, a->band_h, c->th->axis_fill);
    band->radius = 2;
    const tl_stroke tick = {.color = c->th->faint, .width = 0.8};
    emit_ticks(c, a, y + a->tick_row * a->row_h, tick);
    /* Breaks: the band cut through, with a pair of slanted strokes on either side. */
    for (size_t k = 0; k < a->scale.nbreaks; k++) {
        const tl_scale_break *b = &a->scale.breaks[k];
        tl_scene_add_rect(c->scene, TL_ROLE_AXIS, -1, b->x0 + 3, y - 1, b->x1 - b->x0 - 6,
                          a->band_h + 2, c->th->background);
        const tl_stroke st = {.color = c->th->faint, .width = 1.2};
        for (int side = 0; side < 2; side++) {
            double x = side ? b->x1 - 3 : b->x0 + 3;
            tl_scene_add_line(c->scene, TL_ROLE_AXIS, -1, x - 3, bottom + 1, x + 3, y - 1, st);
        }
    }
    for (int r = 0; r < a->nrows; r++)
        if (r != a->tick_row)
            emit_row(c, a, &a->rows[r], y + r * a->row_h, r > 0, tick);
    /* The ticks' row has its rule where a spans row above it ends. */
    if (a->tick_row > 0)
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, x0, y + a->tick_row * a->row_h, x1,
                          y + a->tick_row * a->row_h, tick);
}

void tl_axis_free(tl_axis *a)
{
    /* The default tier's spans are the ticks' own. */
    for (int r = 0; r < 3; r++)
        if (a->rows[r].spans != a->ticks.spans)
            free(a->rows[r].spans);
    tl_ticks_free(&a->ticks);
}
