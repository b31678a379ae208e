#include "axis.h"

#include "common/tl-error-private.h"

static const double BAND_PAD = 5; /* tick label to band edge */
static const double TICK_LEN = 3;
static const double TICK_GAP = 12; /* between tick labels */

bool tl_axis_build(tl_axis *a, tl_chart *c, tl_error **err)
{
    const tl_ticks_request rq = tl_chart_ticks_request(c);
    if (!tl_ticks_generate(&a->scale, c->m, &c->font.tick, TICK_GAP, a->scale.x0 + 2,
                           a->scale.x1 - 2, &rq, &a->ticks))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    tl_chart_warn_thinned(c, &a->ticks);
    tl_text_block probe;
    if (!tl_chart_measure(c, &c->font.tick, &probe, "0", 0, 0, err))
        return false;
    a->row_h = probe.ext.height + 2 * BAND_PAD;
    a->band_h = a->row_h * (a->ticks.spans ? 2 : 1);
    return true;
}

void tl_axis_emit(tl_chart *c, const tl_axis *a, double y)
{
    const double x0 = a->scale.x0, x1 = a->scale.x1, mid = y + a->row_h, bottom = y + a->band_h;
    tl_rect_op *band =
        tl_scene_add_rect(c->scene, TL_ROLE_AXIS, -1, x0, y, x1 - x0, a->band_h, c->th->axis_fill);
    band->radius = 2;
    const tl_stroke tick = {.color = c->th->faint, .width = 0.8};
    for (size_t k = 0; k < a->ticks.count; k++) {
        const tl_tick *tk = &a->ticks.items[k];
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, tk->x, y, tk->x, y + TICK_LEN, tick);
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, tk->x, mid - TICK_LEN, tk->x, mid, tick);
        if (!tk->label[0])
            continue; /* a chosen step too dense to label every tick */
        tl_text_block b = {.text = tk->label, .ext = tk->extents};
        tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, tk->x - tk->extents.width / 2,
                          y + (a->row_h - tk->extents.height) / 2, &b, &c->font.tick,
                          c->th->axis_text, false);
        tl_chart_mark_tick(c, tk->t, 0);
    }
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
    if (!a->ticks.spans)
        return;
    /* Second tier: a rule between the rows, a separator at each larger unit's start, and its
     * name centred in the visible part of it. */
    tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, x0, mid, x1, mid, tick);
    for (size_t k = 0; k < a->ticks.span_count; k++) {
        const tl_tick_span *sp = &a->ticks.spans[k];
        if (k > 0)
            tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, sp->x0, mid, sp->x0, bottom, tick);
        if (!sp->label[0])
            continue;
        tl_text_block b = {.text = sp->label, .ext = sp->extents};
        tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, (sp->x0 + sp->x1 - sp->extents.width) / 2,
                          mid + (a->row_h - sp->extents.height) / 2, &b, &c->font.band,
                          c->th->axis_text, false);
        tl_chart_mark_tick(c, sp->t0, 1);
    }
}

void tl_axis_free(tl_axis *a)
{
    tl_ticks_free(&a->ticks);
}
