/* The vertical layout's scene: era washes, marker lines, the line and its ticks, connectors,
 * bars, marks, cards and gutter labels. */
#include "shade.h"
#include "vertical.h"

#include <math.h>
#include <stdlib.h>

#include "common/tl-alloc.h"
#include "density.h"
#include "style.h"

static tl_color mix(tl_color a, tl_color b, double t)
{
    return (tl_color){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                      a.a + (b.a - a.a) * t};
}

static double plot_right(const vertical *v)
{
    return v->c.scene->width - MARGIN;
}

/* Era washes across the plot, from the era's start to its end on the line, and each era's
 * strip in the gutter. */
static void emit_eras(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (b->marker)
            continue;
        double y0 = fmax(y_at(v, b->t0), v->axis_top);
        double y1 = fmin(y_at(v, b->t1), v->axis_bottom);
        if (y1 - y0 < 1)
            y1 = y0 + 1;
        tl_color color = tl_chart_era_color(c, b->ev);
        tl_color wash = color, strip = color;
        wash.a = c->th->era_alpha;
        strip.a = fmin(1, c->th->era_alpha * 4);
        tl_scene_add_rect(c->scene, TL_ROLE_ERA, (int32_t)b->ev, MARGIN, y0, plot_right(v) - MARGIN,
                          y1 - y0, wash);
        if (b->lane >= 0) {
            tl_rect_op *r = tl_scene_add_rect(c->scene, TL_ROLE_ERA, (int32_t)b->ev,
                                              v->gutter_x + b->lane * (STRIP_W + STRIP_GAP), y0,
                                              STRIP_W, y1 - y0, strip);
            r->radius = 1;
        }
    }
}

typedef struct obstacle {
    double x0, y0, x1, y1;
} obstacle;

static int cmp_obstacle(const void *a, const void *b)
{
    const obstacle *x = a, *y = b;
    return (x->y0 > y->y0) - (x->y0 < y->y0);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void card_box(const vertical *v, const card *cd, obstacle *o)
{
    *o = (obstacle){v->card_x[cd->side], cd->top, v->card_x[cd->side] + v->card_w, cd->top + cd->h};
}

/* Marker lines across the plot, from the marker's label, broken around the cards, tick
 * labels, bars and gutter labels they would cross. */
static void emit_markers(vertical *v)
{
    tl_chart *c = &v->c;
    size_t nmarkers = 0;
    for (size_t k = 0; k < v->nbands; k++)
        nmarkers += v->bands[k].marker;
    if (!nmarkers)
        return;

    size_t ntier_spans = 0;
    for (int i = 0; i < v->ntiers; i++)
        ntier_spans += v->tiers[i].count;
    obstacle *obs =
        tl_xmalloc((v->ncards * 2 + v->nticks + ntier_spans + v->nbands + 1) * sizeof *obs);
    size_t nobs = 0;
    double tallest = 0;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (cd->side >= 0)
            card_box(v, cd, &obs[nobs++]);
        if (cd->span && cd->lane >= 0) {
            double x = tl_vertical_bar_x(v, cd);
            obs[nobs++] = (obstacle){x, y_at(v, cd->at), x + BAR_W, tl_vertical_bar_end(v, cd)};
        }
    }
    for (size_t k = 0; k < v->nticks; k++) {
        const tick_text *tt = &v->ticks[k];
        if (tt->shown) {
            double x1 = v->axis_x - v->tick_in;
            obs[nobs++] = (obstacle){x1 - tt->label.ext.width, tt->y - tt->label.ext.height / 2, x1,
                                     tt->y + tt->label.ext.height / 2};
        }
    }
    for (int i = 0; i < v->ntiers; i++) {
        const tier_column *col = &v->tiers[i];
        for (size_t k = 0; k < col->count; k++)
            if (col->labels[k].text[0])
                obs[nobs++] = (obstacle){col->x - col->w - 4, col->label_top[k], col->x,
                                         col->label_top[k] + col->labels[k].ext.height};
    }
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (b->shown)
            obs[nobs++] =
                (obstacle){v->gutter_text_x, b->top, v->gutter_text_x + b->label.ext.width,
                           b->top + b->label.ext.height};
    }
    for (size_t k = 0; k < nobs; k++)
        tallest = fmax(tallest, obs[k].y1 - obs[k].y0);
    qsort(obs, nobs, sizeof *obs, cmp_obstacle);

    double *cuts = tl_xmalloc(2 * (nobs + 1) * sizeof *cuts);
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (!b->marker)
            continue;
        const double y = y_at(v, b->t0);
        const double x0 = b->shown ? v->gutter_text_x + b->label.ext.width + 4 : MARGIN;
        const double x1 = plot_right(v);
        /* The first obstacle that may reach down to y. */
        size_t lo = 0, hi = nobs;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (obs[mid].y0 < y - tallest - MARKER_CLEAR)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t ncuts = 0;
        for (size_t j = lo; j < nobs && obs[j].y0 <= y + MARKER_CLEAR; j++) {
            if (obs[j].y1 < y - MARKER_CLEAR || obs[j].x1 < x0 || obs[j].x0 > x1)
                continue;
            cuts[2 * ncuts] = obs[j].x0 - MARKER_CLEAR;
            cuts[2 * ncuts + 1] = obs[j].x1 + MARKER_CLEAR;
            ncuts++;
        }
        qsort(cuts, ncuts, 2 * sizeof *cuts, cmp_double);
        const tl_stroke st = {
            .color = tl_chart_event_color(c, b->ev), .width = 1, .dash = TL_DASH_DASHED};
        double x = x0;
        for (size_t n = 0; n <= ncuts; n++) {
            double stop = n < ncuts ? cuts[2 * n] : x1;
            if (stop > x + 1)
                tl_scene_add_line(c->scene, TL_ROLE_MARKER, (int32_t)b->ev, x, y, stop, y, st);
            if (n < ncuts && cuts[2 * n + 1] > x)
                x = cuts[2 * n + 1];
        }
    }
    free(cuts);
    free(obs);
}

static void emit_axis(vertical *v)
{
    tl_chart *c = &v->c;
    tl_color line = c->th->faint;
    line.a *= 0.7;
    tl_scene_add_rect(c->scene, TL_ROLE_AXIS, -1, v->axis_x - AXIS_W / 2, v->axis_top, AXIS_W,
                      v->axis_bottom - v->axis_top, line);
}

static void emit_ticks(vertical *v)
{
    tl_chart *c = &v->c;
    const tl_stroke tick = {.color = c->th->faint, .width = 0.8};
    const double x1 = v->axis_x - v->tick_in;
    for (size_t k = 0; k < v->nticks; k++) {
        const tick_text *tt = &v->ticks[k];
        if (!tt->shown || tt->label.ext.width > v->tick_w + 0.01)
            continue;
        tl_scene_add_line(c->scene, TL_ROLE_TICK, -1, x1 + TICK_LABEL_GAP - 1, tt->y,
                          v->axis_x - AXIS_W / 2, tt->y, tick);
        tl_chart_add_text(c, TL_ROLE_TICK_LABEL, -1, x1 - tt->label.ext.width,
                          tt->y - tt->label.ext.height / 2, &tt->label, tt->font, c->th->axis_text,
                          false);
        tl_chart_mark_tick(c, tt->t, 0);
    }
}

static void emit_bars(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (!cd->span || cd->lane < 0 || (v->lod && cd->side < 0))
            continue;
        const tl_event *ev = event(v, cd->ev);
        tl_color color = tl_chart_event_color(c, cd->ev);
        double y0 = y_at(v, cd->at), y1 = tl_vertical_bar_end(v, cd);
        tl_rect_op *bar = tl_scene_add_rect(c->scene, TL_ROLE_SPAN, (int32_t)cd->ev,
                                            tl_vertical_bar_x(v, cd), y0, BAR_W, y1 - y0, color);
        bar->radius = 2;
        tl_style_bar(bar, ev->status, color);
    }
}

/* A connector runs level from its mark (or bar) to the lane, then straight to the card: level
 * all the way when the card is at its date, slanting down when it was pushed. */
static void emit_connectors(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (cd->side < 0)
            continue;
        const tl_event *ev = event(v, cd->ev);
        const double dir = cd->side == 1 ? 1 : -1;
        const double y0 = y_at(v, cd->at), y1 = cd->top + cd->attach;
        double x0 = v->axis_x + dir * MARK_R;
        if (!tl_vertical_has_mark(cd))
            x0 = cd->side == 1 ? tl_vertical_bar_x(v, cd) + BAR_W : tl_vertical_bar_x(v, cd);
        const double xl = v->axis_x + dir * v->lane_in[cd->side];
        const double x1 = cd->side == 1 ? v->card_x[1] : v->card_x[0] + v->card_w;
        const tl_stroke st = {
            .color = c->th->faint, .width = 0.8, .dash = tl_style_status(ev->status)->stem_dash};
        if (y1 - y0 < 0.01) {
            tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)cd->ev, x0, y0, x1, y0, st);
            continue;
        }
        if (dir * (xl - x0) > 0.01)
            tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)cd->ev, x0, y0, xl, y0, st);
        tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)cd->ev, xl, y0, x1, y1, st);
    }
}

static void emit_marks(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (!tl_vertical_has_mark(cd) || (v->lod && cd->side < 0))
            continue;
        const tl_event *ev = event(v, cd->ev);
        tl_chart_add_marker(c, TL_ROLE_EVENT_MARK, (int32_t)cd->ev, v->axis_x, y_at(v, cd->at),
                            MARK_R, tl_chart_group_shape(c, ev->group_index), ev->status,
                            tl_chart_event_color(c, cd->ev));
    }
}

/* A card: a light panel with a stripe of the event's colour on the edge facing the line,
 * holding the date, the title and the description. */
static void emit_cards(vertical *v)
{
    tl_chart *c = &v->c;
    const tl_color fill = mix(c->th->background, c->th->axis_fill, 0.55);
    tl_color edge = c->th->faint;
    edge.a *= 0.45;
    for (size_t k = 0; k < v->ncards; k++) {
        const card *cd = &v->cards[k];
        if (cd->side < 0)
            continue;
        const tl_event *ev = event(v, cd->ev);
        const tl_status_style *st = tl_style_status(ev->status);
        const double x = v->card_x[cd->side];
        tl_rect_op *panel = tl_scene_add_rect(c->scene, TL_ROLE_CARD, (int32_t)cd->ev, x, cd->top,
                                              v->card_w, cd->h, fill);
        panel->radius = CARD_RADIUS;
        panel->stroke = (tl_stroke){.color = edge, .width = 0.6};
        tl_color accent = tl_chart_event_color(c, cd->ev);
        if (st->strike)
            accent.a *= 0.4;
        double sx = cd->side == 1 ? x : x + v->card_w - CARD_STRIPE;
        tl_rect_op *stripe = tl_scene_add_rect(c->scene, TL_ROLE_CARD, (int32_t)cd->ev, sx, cd->top,
                                               CARD_STRIPE, cd->h, accent);
        stripe->radius = 1;

        const double tx = x + v->card_pad_x + (cd->side == 1 ? CARD_STRIPE : 0);
        double y = cd->top + CARD_PAD_Y;
        tl_chart_add_text(c, TL_ROLE_EVENT_DATE, (int32_t)cd->ev, tx, y, &cd->date, &c->font.date,
                          c->th->muted, false);
        y += cd->date.ext.height + DATE_GAP;
        tl_chart_add_text(c, TL_ROLE_EVENT_LABEL, (int32_t)cd->ev, tx, y, &cd->title,
                          &c->font.label, st->strike ? c->th->muted : c->th->text, st->strike);
        y += cd->title.ext.height + DESC_GAP;
        if (cd->has_desc)
            tl_chart_add_text(c, TL_ROLE_NOTE, (int32_t)cd->ev, tx, y, &cd->desc, &c->font.body,
                              c->th->muted, false);
        c->scene->marks[cd->ev].placed = true;
    }
}

static void emit_gutter_labels(vertical *v)
{
    tl_chart *c = &v->c;
    for (size_t k = 0; k < v->nbands; k++) {
        const band *b = &v->bands[k];
        if (!b->shown)
            continue;
        tl_chart_add_text(c, b->marker ? TL_ROLE_MARKER_LABEL : TL_ROLE_ERA_LABEL, (int32_t)b->ev,
                          v->gutter_text_x, b->top, &b->label, &c->font.band,
                          b->marker ? c->th->text : c->th->muted, false);
        c->scene->marks[b->ev].placed = true;
    }
}

/* The events without a card (and, with a fixed height, those whose card was left out), as a
 * strip of bars across the line, under it and its marks: as wide as a mark at the peak. */
static bool emit_density(vertical *v, tl_error **err)
{
    if (!v->lod)
        return true;
    tl_chart *c = &v->c;
    size_t labelled = 0;
    for (size_t k = 0; k < v->ncards; k++) {
        if (v->cards[k].side >= 0)
            labelled++;
        else
            v->summarised[v->nsummarised++] = v->cards[k].ev;
    }
    tl_density d;
    /* A long line gets wider bins: a few hundred along it read as a profile, not as ticks. */
    const double y0 = y_at(v, v->lo), y1 = y_at(v, v->hi);
    tl_density_init(&d, y0, y1, fmax(DENSITY_BIN, (y1 - y0) / 400));
    for (size_t k = 0; k < v->nsummarised; k++) {
        size_t i = v->summarised[k];
        const tl_event *ev = event(v, i);
        tl_density_add(&d, y_at(v, tl_chart_summary_instant(ev)));
        c->scene->marks[i].summarised = true;
    }
    tl_density_emit_violin(&d, c->scene, v->axis_x, MARK_R + 1.5, tl_chart_density_color(c));
    const size_t peak = tl_density_peak(&d);
    tl_density_free(&d);
    return tl_chart_set_summary(c, labelled, v->nsummarised, peak, err);
}

/* The scene, back to front. */
bool tl_vertical_emit(vertical *v, tl_error **err)
{
    tl_chart *c = &v->c;
    const double height = c->opts->height;
    /* Weekends and holidays across the plot, down the line's time. */
    if (v->hi > v->lo) {
        tl_scale down;
        tl_vertical_line_scale(v, &down);
        tl_shade_emit(&v->c, &down, MARGIN, plot_right(v), true);
    }
    emit_eras(v);
    emit_markers(v);
    if (!emit_density(v, err))
        return false;
    emit_axis(v);
    emit_ticks(v);
    tl_vertical_tiers_emit(v);
    emit_connectors(v);
    emit_bars(v);
    emit_marks(v);
    emit_cards(v);
    emit_gutter_labels(v);
    tl_chart_emit_header(c);
    tl_chart_emit_footer(c, height > 0 ? height - c->footer_h : v->bottom);
    return true;
}
