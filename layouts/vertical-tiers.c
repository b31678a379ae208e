/* The vertical layout's --tiers: the finest unit listed is the line's ticks (vertical-rows.c);
 * each coarser one gets a column further left, its units drawn as rules down their length,
 * named at their tops ("2025" beside the months of 2025), as a Gantt chart's header rows are
 * turned on their side. */
#include "vertical.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "axis.h"
#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "options-private.h"

static const double TIER_GAP = 8;      /* between a column's rule and what is right of it */
static const double TIER_RULE_GAP = 4; /* a label to its column's rule */
static const double TIER_RULE_END = 1.5; /* a rule stops short of its unit's ends */
static const double TIER_CLEAR = 2;    /* a label to a connector crossing its column */

void tl_vertical_tiers_init(vertical *v)
{
    tl_ticks_request rq = tl_chart_ticks_request(&v->c);
    int finest;
    v->ntiers = 0;
    if (!tl_axis_tiers_request(&v->c, &rq, &finest))
        return;
    for (int i = 0; i < v->c.opts->ntiers && v->ntiers < 2; i++)
        if (i != finest)
            v->tiers[v->ntiers++] = (tier_column){
                .listed = i, .tier = tl_axis_tier_of(&v->c, finest, i)};
}

double tl_vertical_tiers_width(const vertical *v)
{
    double w = 0;
    for (int i = 0; i < v->ntiers; i++)
        w += TIER_GAP + v->tiers[i].w + TIER_RULE_GAP;
    return w;
}

bool tl_vertical_tiers_grow(vertical *v)
{
    bool grew = false;
    for (int i = 0; i < v->ntiers; i++) {
        tier_column *col = &v->tiers[i];
        if (col->need > col->w + 0.01) {
            col->w = col->need;
            grew = true;
        }
    }
    return grew;
}

static void free_spans(tier_column *col)
{
    free(col->spans);
    free(col->labels);
    free(col->label_top);
    col->spans = NULL;
    col->labels = NULL;
    col->label_top = NULL;
    col->count = 0;
}

void tl_vertical_tiers_free(vertical *v)
{
    for (int i = 0; i < v->ntiers; i++)
        free_spans(&v->tiers[i]);
}

/* The first top in [top, bottom - h] whose label keeps clear of every blocked y, or NAN. */
static double clear_top(const double *blocked, size_t n, double top, double bottom, double h)
{
    double y = top;
    while (y + h <= bottom) {
        size_t lo = 0, hi = n;
        while (lo < hi) { /* the first blocked y at or below the label's reach */
            size_t mid = lo + (hi - lo) / 2;
            if (blocked[mid] < y - TIER_CLEAR)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == n || blocked[lo] > y + h + TIER_CLEAR)
            return y;
        y = blocked[lo] + TIER_CLEAR + 0.01;
    }
    return NAN;
}

static bool make_column(vertical *v, tier_column *col, const tl_scale *line,
                        const tl_ticks_request *rq, const tl_text_measurer *by_height,
                        const double *blocked, size_t nblocked, tl_error **err)
{
    tl_chart *c = &v->c;
    free_spans(col);
    col->need = 0;
    const tl_tick_unit unit = (tl_tick_unit)c->opts->tiers[col->listed];
    /* The spans' "widths" come out as heights: a label fits a unit as tall as it. */
    if (!tl_ticks_row(rq, line, by_height, &c->font.band, unit, &col->spans, &col->count))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure tick labels");
    col->labels = tl_xcalloc(col->count + 1, sizeof *col->labels);
    col->label_top = tl_xcalloc(col->count + 1, sizeof *col->label_top);
    for (size_t k = 0; k < col->count; k++) {
        const tl_tick_span *sp = &col->spans[k];
        col->label_top[k] = NAN;
        col->labels[k].text = "";
        if (!sp->label[0])
            continue;
        tl_text_block b;
        if (!tl_chart_measure(c, &c->font.band, &b, sp->label, 0, 1, err))
            return false;
        col->label_top[k] =
            clear_top(blocked, nblocked, sp->x0 + TIER_RULE_END, sp->x1 - TIER_RULE_END,
                      b.ext.height);
        if (isnan(col->label_top[k]))
            continue;
        col->labels[k] = b;
        col->need = fmax(col->need, b.ext.width);
    }
    return true;
}

bool tl_vertical_tiers_make(vertical *v, const tl_scale *line, const tl_ticks_request *rq,
                            const tl_text_measurer *by_height, const double *blocked,
                            size_t nblocked, tl_error **err)
{
    /* Right to left from the tick labels' column. */
    double edge = v->axis_x - v->tick_in - v->tick_w;
    for (int i = v->ntiers - 1; i >= 0; i--) {
        tier_column *col = &v->tiers[i];
        col->x = edge - TIER_GAP / 2;
        edge -= TIER_GAP + TIER_RULE_GAP + col->w;
        if (!make_column(v, col, line, rq, by_height, blocked, nblocked, err))
            return false;
    }
    return true;
}

void tl_vertical_tiers_emit(vertical *v)
{
    tl_chart *c = &v->c;
    const tl_stroke rule = {.color = c->th->faint, .width = 0.8};
    for (int i = 0; i < v->ntiers; i++) {
        const tier_column *col = &v->tiers[i];
        for (size_t k = 0; k < col->count; k++) {
            const tl_tick_span *sp = &col->spans[k];
            if (sp->x1 - sp->x0 > 2 * TIER_RULE_END + 1)
                tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, col->x, sp->x0 + TIER_RULE_END,
                                  col->x, sp->x1 - TIER_RULE_END, rule);
            const tl_text_block *b = &col->labels[k];
            if (!b->text[0] || b->ext.width > col->w + 0.01)
                continue; /* left out: no room down the unit, or across the column */
            tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, col->x - TIER_RULE_GAP - b->ext.width,
                              col->label_top[k], b, &c->font.band, c->th->axis_text, false);
            tl_chart_mark_tick(c, sp->t0, col->tier);
        }
    }
}
