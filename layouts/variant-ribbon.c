/* The ribbon layout: one horizontal time axis drawn as a band that holds the tick labels;
 * point events hang on stems above it (and below it when there are no spans), spans are bars
 * packed into rows below it, eras are labelled background bands, markers full-height lines.
 *
 *   title, subtitle
 *   era and marker labels     ─┐
 *   levels of point labels     │ era bands behind
 *   ═══ axis band ═══          │
 *   span rows / levels        ─┘
 *   legend, caption
 */
#include "variant-ribbon.h"
#include "shade.h"
#include "words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "arrows.h"
#include "footnotes.h"
#include "style.h"
#include "variant.h"

/* ---------------------------------------------------------------------------------------------
 * Measuring
 * ------------------------------------------------------------------------------------------- */

/* --label-width scales both forms of a point's label; the default gives LABEL_WRAP and
 * COMPACT_WRAP. */
static double compact_width(const tl_chart *c)
{
    const double wrap = tl_chart_label_width(c, LABEL_WRAP);
    return wrap == LABEL_WRAP ? COMPACT_WRAP : wrap * COMPACT_WRAP / LABEL_WRAP;
}

/* Sizes `text` into `b`: estimated while the ribbon estimates, unless `exact` is asked for. */
static bool size_text(ribbon *r, const tl_font *font, tl_text_block *b, const char *text,
                      double wrap, int max_lines, bool exact, tl_error **err)
{
    return tl_chart_size(&r->c, font, b, text, wrap, max_lines, r->estimate && !exact, err);
}

static void point_box(label *lb)
{
    lb->w = STEM_PAD + fmax(lb->title.ext.width, lb->date.ext.width);
    lb->h = lb->title.ext.height + 1 + lb->date.ext.height;
    if (lb->short_sized) {
        lb->short_w = STEM_PAD + fmax(lb->short_title.ext.width, fmin(lb->date.ext.width, 120));
        lb->short_h = lb->short_title.ext.height + 1 + lb->date.ext.height;
    }
}

/* The compact form of point k's label, sized the first time a packing needs it: most labels
 * fit in full and never do. A failure is kept in r->c.failed for the caller of the packing,
 * and the full form stands in. */
static void ensure_short(ribbon *r, size_t k)
{
    tl_chart *c = &r->c;
    label *lb = ribbon_label(r, r->points[k]);
    if (lb->short_sized)
        return;
    lb->short_sized = true;
    if (!r->c.failed &&
        size_text(r, &c->font.label, &lb->short_title, event(r, r->points[k])->title,
                  compact_width(c), 1, false, &r->c.failed)) {
        point_box(lb);
    } else {
        lb->short_title = lb->title;
        lb->short_w = lb->w;
        lb->short_h = lb->h;
    }
}

static bool size_point(ribbon *r, size_t i, tl_error **err)
{
    tl_chart *c = &r->c;
    label *lb = ribbon_label(r, i);
    const double wrap = tl_chart_label_width(c, LABEL_WRAP);
    if (!size_text(r, &c->font.label, &lb->title, event(r, i)->title, wrap, 3, false, err) ||
        /* A sheet's own "Display Date" can be any length: one line, as wide as a title. */
        !size_text(r, &c->font.date, &lb->date, lb->date_text, wrap, 1, false, err))
        return false;
    point_box(lb);
    return true;
}

/* Title and dates on one line above the bar; on a narrow canvas the dates take at most half
 * the width and the title gives way. */
static bool size_span(ribbon *r, size_t i, bool exact, tl_error **err)
{
    tl_chart *c = &r->c;
    label *lb = ribbon_label(r, i);
    const double width = c->scene->width - 2 * MARGIN;
    if (!size_text(r, &c->font.date, &lb->date, lb->date_text, width / 2, 1, exact, err))
        return false;
    double room = width - 6 - lb->date.ext.width;
    if (!size_text(r, &c->font.label, &lb->title, event(r, i)->title,
                   fmax(40, fmin(SPAN_LABEL_MAX, room)), 1, exact, err))
        return false;
    lb->w = lb->title.ext.width + 6 + lb->date.ext.width;
    lb->h = fmax(lb->title.ext.height, lb->date.ext.height);
    return true;
}

static bool size_labels(ribbon *r, tl_error **err)
{
    r->estimate = r->npoints + r->nspans > TL_CHART_ESTIMATE_MIN;
    for (size_t k = 0; k < r->npoints; k++) {
        size_t i = r->points[k];
        label *lb = ribbon_label(r, i);
        tl_chart_date_text(&r->c, i, lb->date_text, sizeof lb->date_text);
        if (!size_point(r, i, err))
            return false;
    }
    for (size_t k = 0; k < r->nspans; k++) {
        size_t i = r->spans[k];
        label *lb = ribbon_label(r, i);
        tl_chart_date_text(&r->c, i, lb->date_text, sizeof lb->date_text);
        if (!size_span(r, i, false, err))
            return false;
    }
    return true;
}

/* Measures the estimated labels the last packing placed (every one when `all`), in the form
 * placed; returns whether it measured any. A failure is kept in r->c.failed. */
static bool settle_labels(ribbon *r, bool all)
{
    tl_chart *c = &r->c;
    bool measured = false;
    for (size_t k = 0; k < r->npoints && !r->c.failed; k++) {
        label *lb = ribbon_label(r, r->points[k]);
        if (r->stems[k].level < 0 && !all)
            continue;
        tl_text_block *titles[2] = {r->compact[k] ? &lb->short_title : &lb->title, NULL};
        if (all)
            titles[1] = r->compact[k] ? &lb->title : lb->short_sized ? &lb->short_title : NULL;
        if (!lb->date.estimated && !titles[0]->estimated && !(titles[1] && titles[1]->estimated))
            continue;
        measured = true;
        if (tl_chart_settle(c, &c->font.date, &lb->date, &r->c.failed) &&
            tl_chart_settle(c, &c->font.label, titles[0], &r->c.failed) &&
            (!titles[1] || tl_chart_settle(c, &c->font.label, titles[1], &r->c.failed)))
            point_box(lb);
    }
    for (size_t k = 0; k < r->nspans && !r->c.failed; k++) {
        label *lb = ribbon_label(r, r->spans[k]);
        if ((r->span_rows[k].row < 0 && !all) || (!lb->title.estimated && !lb->date.estimated))
            continue;
        measured = true;
        size_span(r, r->spans[k], true, &r->c.failed);
    }
    return measured;
}

/* ---------------------------------------------------------------------------------------------
 * Horizontal placement
 * ------------------------------------------------------------------------------------------- */

/* The scale. Labels hang to the right of their stems, so the data ends early enough that the
 * last labels fit beside their marks rather than being pushed left over their neighbours'
 * stems. */
static void set_domain(ribbon *r)
{
    int64_t lo, hi;
    tl_chart_extent(&r->c, &lo, &hi);
    const double left = MARGIN, right = r->c.scene->width - MARGIN;
    const double avail = right - left - 2 * INSET;
    const double xa = left + INSET + 0.03 * avail;
    double xb = right - INSET - 0.03 * avail;

    tl_scale_break breaks[TL_SCALE_MAX_BREAKS];
    size_t nbreaks = tl_chart_find_breaks(&r->c, lo, hi, breaks);

    /* Item i at fraction f of the axis needs xa + f (xb - xa) + w <= right: f from a
     * provisional scale, which breaks make piecewise. */
    tl_scale_init_broken(&r->axis.scale, lo, hi, xa, xb, left, right, breaks, nbreaks,
                         TL_AXIS_BREAK_GAP);
    tl_chart_scale_log(&r->c, &r->axis.scale);
    double need = xb;
    for (size_t k = 0; k < r->npoints; k++) {
        const tl_event *ev = event(r, r->points[k]);
        double f = (tl_scale_x(&r->axis.scale, tl_chart_point_instant(ev)) - xa) / (xb - xa);
        double w = ribbon_label_at(r, r->points[k])->w;
        if (f > 0.05)
            need = fmin(need, xa + (right - w - xa - 1) / f); /* 1 pt for rounding */
    }
    /* Beyond a third of the width, the stragglers' labels flip left instead. */
    xb = fmax(need, xa + (xb - xa) * 2 / 3);
    /* The axis ends as far after the data as it starts before it; labels may run past it. */
    tl_scale_init_broken(&r->axis.scale, lo, hi, xa, xb, left, fmin(right, xb + (xa - left)),
                         breaks, nbreaks, TL_AXIS_BREAK_GAP);
    tl_chart_scale_log(&r->c, &r->axis.scale);
}

static void pack_spans(ribbon *r, int max_rows)
{
    const double right = r->c.scene->width - MARGIN;
    double row_h = 0;
    for (size_t k = 0; k < r->nspans; k++) {
        const tl_event *ev = event(r, r->spans[k]);
        const label *lb = ribbon_label_at(r, r->spans[k]);
        double x0 = tl_scale_x(&r->axis.scale, ev->start.lo);
        double x1 = tl_scale_x(&r->axis.scale, tl_bands_event_end(ev, &r->axis.scale));
        double lx = fmax(MARGIN, fmin(x0, right - lb->w));
        r->span_rows[k] = (tl_row_item){.x0 = fmin(x0, lx), .x1 = fmax(x1, lx + lb->w)};
        row_h = fmax(row_h, lb->h);
    }
    if (r->lod)
        r->span_row_count = tl_ribbon_pack_lod_spans(r, max_rows);
    else
        r->span_row_count =
            r->nspans ? tl_labels_pack_rows(r->span_rows, r->nspans, max_rows, BOX_GAP) : 0;
    r->span_row_h = row_h + 2 + BAR_H;
}

/* Packs the point labels that are not excluded, each in its full or compact form. */
static void pack_points_once(ribbon *r, int max_levels)
{
    /* With level of detail the density strip takes the side below the axis. */
    const int sides = r->nspans || r->lod ? 1 : 2;
    size_t n = 0;
    /* The packer sees only the included items, in anchor order. */
    tl_stem_item *items = tl_xmalloc((r->npoints + 1) * sizeof *items);
    size_t *which = tl_xmalloc((r->npoints + 1) * sizeof *which);
    for (size_t k = 0; k < r->npoints; k++) {
        r->stems[k].level = -1;
        if (r->excluded[k])
            continue;
        const label *lb = ribbon_label_at(r, r->points[k]);
        items[n] = (tl_stem_item){
            .anchor = tl_scale_x(&r->axis.scale, tl_chart_point_instant(event(r, r->points[k]))),
            .width = r->compact[k] ? lb->short_w : lb->w,
        };
        which[n++] = k;
    }
    tl_labels_pack_stems(items, n, sides, max_levels, BOX_GAP, MARGIN, r->c.scene->width - MARGIN);
    for (size_t j = 0; j < n; j++)
        r->stems[which[j]] = items[j];
    for (size_t k = 0; k < r->npoints; k++)
        if (r->excluded[k])
            r->stems[k].anchor =
                tl_scale_x(&r->axis.scale, tl_chart_point_instant(event(r, r->points[k])));
    free(items);
    free(which);
}

/* Placed labels per importance, most important first: a better packing places more of the
 * important ones, then more of the rest. */
static bool better(const size_t *a, const size_t *b)
{
    for (int imp = 5; imp >= 1; imp--)
        if (a[imp] != b[imp])
            return a[imp] > b[imp];
    return false;
}

static void count_placed(const ribbon *r, size_t placed[6])
{
    memset(placed, 0, 6 * sizeof *placed);
    for (size_t k = 0; k < r->npoints; k++)
        if (r->stems[k].level >= 0) {
            int imp = event(r, r->points[k])->importance;
            placed[imp < 1 ? 1 : imp > 5 ? 5 : imp]++;
        }
}

/* Labels that do not fit are first shortened (one line, ellipsized); then, when that still
 * leaves labels out, the least important labels make room for the more important ones. */
static void pack_points(ribbon *r, int max_levels)
{
    memset(r->compact, 0, r->npoints * sizeof *r->compact);
    memset(r->excluded, 0, r->npoints * sizeof *r->excluded);
    pack_points_once(r, max_levels);
    for (int round = 0; round < 3; round++) {
        bool changed = false;
        for (size_t k = 0; k < r->npoints; k++)
            if (r->stems[k].level < 0 && !r->compact[k]) {
                ensure_short(r, k);
                changed = r->compact[k] = true;
            }
        if (!changed)
            break;
        pack_points_once(r, max_levels);
    }

    size_t best[6];
    count_placed(r, best);
    size_t total = 0;
    for (int imp = 1; imp <= 5; imp++)
        total += best[imp];
    if (total == r->npoints)
        return;
    bool *best_excluded = tl_xmalloc((r->npoints + 1) * sizeof *best_excluded);
    tl_stem_item *best_stems = tl_xmalloc((r->npoints + 1) * sizeof *best_stems);
    memcpy(best_excluded, r->excluded, r->npoints * sizeof *best_excluded);
    memcpy(best_stems, r->stems, r->npoints * sizeof *best_stems);
    for (int threshold = 2; threshold <= 5; threshold++) {
        bool any = false;
        for (size_t k = 0; k < r->npoints; k++) {
            r->excluded[k] = event(r, r->points[k])->importance < threshold;
            any = any || r->excluded[k];
        }
        if (!any)
            continue;
        pack_points_once(r, max_levels);
        size_t placed[6];
        count_placed(r, placed);
        if (better(placed, best)) {
            memcpy(best, placed, sizeof best);
            memcpy(best_excluded, r->excluded, r->npoints * sizeof *best_excluded);
            memcpy(best_stems, r->stems, r->npoints * sizeof *best_stems);
        }
    }
    memcpy(r->excluded, best_excluded, r->npoints * sizeof *best_excluded);
    memcpy(r->stems, best_stems, r->npoints * sizeof *best_stems);
    free(best_excluded);
    free(best_stems);
}

/* ---------------------------------------------------------------------------------------------
 * Vertical plan
 * ------------------------------------------------------------------------------------------- */

static double label_h(const ribbon *r, size_t k)
{
    const label *lb = ribbon_label_at(r, r->points[k]);
    return r->wide[k] ? lb->wide_h : r->compact[k] ? lb->short_h : lb->h;
}

/* Places point labels in at most max_levels levels per side and spans in at most
 * max_span_rows rows, and computes every y. Returns the total height. */
static double plan(ribbon *r, int max_levels, int max_span_rows)
{
    /* A label left out is never shaped (TL_CHART_ESTIMATE_MIN). */
    for (int round = 1;; round++) {
        /* Points first: with level of detail, the spans labelled fill the time they leave. */
        pack_points(r, max_levels);
        pack_spans(r, max_span_rows);
        if (!r->estimate || r->c.failed || !settle_labels(r, round >= TL_CHART_SETTLE_ROUNDS))
            break;
    }
    tl_ribbon_widen(r);

    memset(r->levels, 0, sizeof r->levels);
    memset(r->level_h, 0, sizeof r->level_h);
    for (size_t k = 0; k < r->npoints; k++) {
        const tl_stem_item *s = &r->stems[k];
        if (s->level < 0)
            continue;
        if (s->level + 1 > r->levels[s->side])
            r->levels[s->side] = s->level + 1;
        r->level_h[s->side][s->level] = fmax(r->level_h[s->side][s->level], label_h(r, k));
    }

    r->badge_h = 0;
    for (size_t k = 0; k < r->npoints && r->badge_h == 0 && !r->lod; k++)
        if (r->stems[k].level < 0)
            r->badge_h = BADGE_ROW;
    double stack[2];
    for (int side = 0; side < 2; side++) {
        stack[side] = r->levels[side] ? STEM_MIN : MARK_OFFSET + MARK_R + 4;
        if (side == 0)
            stack[side] += r->badge_h;
        for (int k = 0; k < r->levels[side]; k++)
            stack[side] += r->level_h[side][k] + (k ? LEVEL_GAP : 0);
    }

    /* The axis repeated over the chart and under it (--axis-position); the spine stays. */
    const tl_axis_position at = r->c.opts->axis_position;
    const double repeat = r->axis.band_h + REPEAT_GAP;
    r->top_axis = at == TL_AXIS_TOP || at == TL_AXIS_BOTH ? r->c.header_h : -1;
    r->bands_top = r->c.header_h + (r->top_axis >= 0 ? repeat : 0);
    r->above_top = r->bands_top + r->bands_h;
    r->axis_top = r->above_top + stack[0];
    r->axis_bottom = r->axis_top + r->axis.band_h;
    const double below = r->axis_bottom + r->density_h;
    if (r->nspans)
        r->chart_bottom =
            below + SPAN_TOP + r->span_row_count * (r->span_row_h + ROW_GAP) - ROW_GAP + 6;
    else
        r->chart_bottom = r->lod ? below + 6 : r->axis_bottom + stack[1];
    r->bottom_axis = -1;
    r->content_bottom = r->chart_bottom;
    if (at == TL_AXIS_BOTTOM || at == TL_AXIS_BOTH) {
        r->bottom_axis = r->chart_bottom + REPEAT_GAP;
        r->chart_bottom = r->bottom_axis + r->axis.band_h;
    }
    r->height = r->chart_bottom + r->c.footer_h;
    return r->height;
}

/* ---------------------------------------------------------------------------------------------
 * Emitting the scene
 * ------------------------------------------------------------------------------------------- */

/* Legend entries for the date extents the points will show. */
static unsigned extent_legend(const ribbon *r)
{
    unsigned flags = 0;
    for (size_t k = 0; k < r->npoints; k++)
        flags |= tl_chart_extent_legend(&r->c, r->points[k], &r->axis.scale, MARK_R);
    return flags;
}

static void emit_points(ribbon *r)
{
    tl_chart *c = &r->c;
    for (size_t k = 0; k < r->npoints; k++) {
        size_t i = r->points[k];
        const tl_stem_item *s = &r->stems[k];
        if (r->lod && s->level < 0)
            continue; /* counted in the density strip */
        const tl_event *ev = event(r, i);
        tl_color color = tl_chart_event_color(c, i);
        bool above = s->level < 0 || s->side == 0;
        double cy = above ? r->axis_top - MARK_OFFSET : r->axis_bottom + MARK_OFFSET;
        tl_chart_add_extent(c, i, &r->axis.scale, s->anchor, MARK_R, cy, 6, color);

        if (s->level >= 0) {
            const label *lb = ribbon_label_at(r, i);
            const tl_text_block *title = r->wide[k]      ? &lb->wide_title
                                         : r->compact[k] ? &lb->short_title
                                                         : &lb->title;
            const double w = tl_ribbon_label_w(r, k);
            double h = title->ext.height + 1 + lb->date.ext.height;
            /* The level's far edge: labels hang from it, so a level's tops line up. */
            double dist = STEM_MIN + (above ? r->badge_h : 0);
            for (int k2 = 0; k2 < s->level; k2++)
                dist += r->level_h[s->side][k2] + LEVEL_GAP;
            double box_y =
                above ? r->axis_top - dist - r->level_h[0][s->level] : r->axis_bottom + dist;
            double stem_end = above ? box_y : box_y + h;
            const tl_status_style *st = tl_style_status(ev->status);
            const tl_stroke stem = {.color = c->th->faint, .width = 0.8, .dash = st->stem_dash};
            tl_scene_add_line(c->scene, TL_ROLE_EVENT_STEM, (int32_t)i, s->anchor,
                              cy + (above ? -MARK_R : MARK_R), s->anchor, stem_end, stem);
            double tx = s->flip ? s->anchor - w : s->anchor + STEM_PAD;
            tl_chart_add_text(c, TL_ROLE_EVENT_LABEL, (int32_t)i, tx, box_y, title, &c->font.label,
                              st->strike ? c->th->muted : c->th->text, st->strike);
            tl_text_block date = lb->date;
            if (r->compact[k] && !r->wide[k] && date.ext.width > 120) {
                date.shape = (tl_text_shape){.wrap_width = 120, .max_lines = 1};
                date.ext.width = 120;
            }
            tl_chart_add_text(c, TL_ROLE_EVENT_DATE, (int32_t)i, tx, box_y + title->ext.height + 1,
                              &date, &c->font.date, c->th->muted, false);
            c->scene->marks[i].placed = true;
        }
        tl_chart_add_marker(c, TL_ROLE_EVENT_MARK, (int32_t)i, s->anchor, cy, MARK_R,
                            tl_chart_group_shape(c, ev->group_index), ev->status, color);
    }
}

/* One "+N" badge per cluster of labels left out, in the row between the marks and the
 * labels, nudged sideways to clear the stems that pass through that row. */
static bool emit_badges(ribbon *r, tl_error **err)
{
    if (r->badge_h == 0)
        return true;
    tl_chart *c = &r->c;
    const double row_bottom = r->axis_top - MARK_OFFSET - MARK_R - 2;
    /* Stems crossing the row: every placed label above the axis. Points are in anchor order,
     * so these are sorted. */
    double *stems = tl_xmalloc((r->npoints + 1) * sizeof *stems);
    size_t nstems = 0;
    for (size_t k = 0; k < r->npoints; k++)
        if (r->stems[k].level >= 0 && r->stems[k].side == 0)
            stems[nstems++] = r->stems[k].anchor;
    double last_right = -INFINITY;
    bool ok = true;
    for (size_t k = 0; k < r->npoints;) {
        if (r->stems[k].level >= 0) {
            k++;
            continue;
        }
        size_t first = k, count = 0;
        double x_min = r->stems[k].anchor, x_max = x_min;
        while (k < r->npoints &&
               (r->stems[k].level >= 0 || r->stems[k].anchor - x_max <= BADGE_REACH)) {
            if (r->stems[k].level < 0) {
                count++;
                x_max = r->stems[k].anchor;
            }
            k++;
        }
        char text[48], n[32];
        if (r->c.loc) {
            tl_words_count(r->c.loc, count, n, sizeof n);
            snprintf(text, sizeof text, "+%s", n);
        } else {
            snprintf(text, sizeof text, "+%zu", count);
        }
        tl_text_block b;
        if (!tl_chart_measure(c, &c->font.badge, &b, tl_scene_strdup(c->scene, text), 0, 0, err)) {
            ok = false;
            break;
        }
        /* The free gap between stems nearest the cluster's middle that holds the badge. */
        const double w = b.ext.width, mid = (x_min + x_max) / 2, pad = 2;
        double best = NAN;
        for (size_t g = 0; g <= nstems; g++) {
            double lo = g ? stems[g - 1] + pad : TL_CHART_MARGIN;
            double hi = g < nstems ? stems[g] - pad : c->scene->width - TL_CHART_MARGIN;
            lo = fmax(lo, last_right + 4);
            if (hi - lo < w)
                continue;
            double x = fmin(fmax(mid - w / 2, lo), hi - w);
            if (x + w < x_min - BADGE_REACH || x > x_max + BADGE_REACH)
                continue;
            if (isnan(best) || fabs(x + w / 2 - mid) < fabs(best + w / 2 - mid))
                best = x;
        }
        if (isnan(best))
            continue; /* no room: the warnings still name every label left out */
        tl_chart_add_text(c, TL_ROLE_NOTE, (int32_t)r->points[first], best,
                          row_bottom - b.ext.height, &b, &c->font.badge, c->th->muted, false);
        last_right = best + w;
    }
    free(stems);
    return ok;
}

static void emit_spans(ribbon *r)
{
    tl_chart *c = &r->c;
    const double right = c->scene->width - MARGIN;
    for (size_t k = 0; k < r->nspans; k++) {
        size_t i = r->spans[k];
        const tl_row_item *row = &r->span_rows[k];
        if (row->row < 0)
            continue;
        const tl_event *ev = event(r, i);
        const label *lb = ribbon_label_at(r, i);
        tl_color color = tl_chart_event_color(c, i);
        double top =
            r->axis_bottom + r->density_h + SPAN_TOP + row->row * (r->span_row_h + ROW_GAP);
        double x0 = tl_scale_x(&r->axis.scale, ev->start.lo);
        double x1 = tl_scale_x(&r->axis.scale, tl_bands_event_end(ev, &r->axis.scale));
        double bar_y = top + r->span_row_h - BAR_H;

        tl_rect_op *bar = tl_scene_add_rect(c->scene, TL_ROLE_SPAN, (int32_t)i, x0, bar_y,
                                            fmax(x1 - x0, 2), BAR_H, color);
        bar->radius = 2;
        tl_style_bar(bar, ev->status, color);
        tl_chart_add_clip_marks(c, i, x0, x0 + fmax(x1 - x0, 2), bar_y + BAR_H / 2, color);

        double lx = fmax(MARGIN, fmin(x0, right - lb->w));
        double base = top + fmax(lb->title.ext.baseline, lb->date.ext.baseline);
        const tl_status_style *st = tl_style_status(ev->status);
        tl_chart_add_text(c, TL_ROLE_EVENT_LABEL, (int32_t)i, lx, base - lb->title.ext.baseline,
                          &lb->title, &c->font.label, st->strike ? c->th->muted : c->th->text,
                          st->strike);
        tl_chart_add_text(c, TL_ROLE_EVENT_DATE, (int32_t)i, lx + lb->title.ext.width + 6,
                          base - lb->date.ext.baseline, &lb->date, &c->font.date, c->th->muted,
                          false);
        c->scene->marks[i].placed = true;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------------------------- */

/* Point anchors must be in x order for the stem packer. Events are sorted by start.lo, but a
 * point is drawn at the middle of its date's interval, so "2020" (mid-year) may come after
 * "2020-03-20". Ties keep chart order. */
static void classify(ribbon *r)
{
    const size_t n = r->c.n;
    r->points = tl_xmalloc((n + 1) * sizeof *r->points);
    r->spans = tl_xmalloc((n + 1) * sizeof *r->spans);
    for (size_t i = 0; i < n; i++) {
        switch (event(r, i)->type) {
        case TL_EVENT_POINT:
            r->points[r->npoints++] = i;
            break;
        case TL_EVENT_SPAN:
            r->spans[r->nspans++] = i;
            break;
        case TL_EVENT_ERA:
        case TL_EVENT_MARKER:
            break; /* tl_bands */
        }
    }
    tl_keyed *tmp = tl_xmalloc((r->npoints + 1) * sizeof *tmp);
    for (size_t k = 0; k < r->npoints; k++)
        tmp[k] = (tl_keyed){tl_chart_point_instant(event(r, r->points[k])), r->points[k]};
    tl_keyed_sort(tmp, r->npoints);
    for (size_t k = 0; k < r->npoints; k++)
        r->points[k] = tmp[k].index;
    free(tmp);
}

/* For a requested height, gives up label levels or span rows, whichever takes more room,
 * until the chart fits. Returns the height it needs then. */
static double shrink_to(ribbon *r, double height)
{
    int levels = r->max_levels, rows = r->max_rows;
    while (plan(r, levels, rows) > height) {
        double above = r->axis_top - r->above_top;
        double below = r->chart_bottom - r->axis_bottom;
        bool can_rows = rows > 0 && r->span_row_count > 0;
        if (levels > 0 && (above >= below || !can_rows)) {
            int used = r->levels[0] > r->levels[1] ? r->levels[0] : r->levels[1];
            levels = levels > used ? used - 1 : levels - 1;
        } else if (can_rows) {
            rows = rows > r->span_row_count ? r->span_row_count - 1 : rows - 1;
        } else {
            break;
        }
        levels = levels < 0 ? 0 : levels;
    }
    return r->height;
}

/* ---------------------------------------------------------------------------------------------
 * Hooks
 * ------------------------------------------------------------------------------------------- */

static bool ribbon_collect(tl_chart *c, tl_error **err)
{
    ribbon *r = (ribbon *)c;
    (void)err;
    r->labels = tl_xcalloc(c->n + 1, sizeof *r->labels);
    classify(r);
    return true;
}

static void ribbon_choose(tl_chart *c)
{
    ribbon *r = (ribbon *)c;
    tl_ribbon_choose_lod(r);
    tl_footnotes_number(c, r->summarised, r->nsummarised);
    r->stems = tl_xcalloc(r->npoints + 1, sizeof *r->stems);
    r->compact = tl_xcalloc(r->npoints + 1, sizeof *r->compact);
    r->excluded = tl_xcalloc(r->npoints + 1, sizeof *r->excluded);
    r->wide = tl_xcalloc(r->npoints + 1, sizeof *r->wide);
    r->span_rows = tl_xcalloc(r->nspans + 1, sizeof *r->span_rows);
}

static bool ribbon_measure(tl_chart *c, unsigned *legend, tl_error **err)
{
    ribbon *r = (ribbon *)c;
    if (!tl_bands_init(&r->bands, c, err) || !size_labels(r, err))
        return false;
    set_domain(r);
    if (!tl_axis_build(&r->axis, c, err))
        return false;
    r->bands_h = tl_bands_pack(&r->bands, c, &r->axis.scale, c->scene->width - MARGIN);
    *legend = (r->nspans ? TL_LEGEND_SPANS : 0) | extent_legend(r) | tl_arrows_legend(c, false);
    for (size_t k = 0; k < r->bands.count; k++)
        if (event(r, r->bands.items[k])->type == TL_EVENT_ERA)
            *legend |= TL_LEGEND_ERAS;
    if (r->lod)
        c->lod_candidates = r->npoints + r->nspans;
    return true;
}

static bool ribbon_plan(tl_chart *c, double height, double *need, tl_error **err)
{
    ribbon *r = (ribbon *)c;
    if (!tl_ribbon_measure_density(r, err))
        return false;
    *need = height > 0 ? shrink_to(r, height) : plan(r, r->max_levels, r->max_rows);
    return true;
}

static bool ribbon_emit(tl_chart *c, tl_error **err)
{
    ribbon *r = (ribbon *)c;
    tl_shade_emit(c, &r->axis.scale, r->bands_top, r->content_bottom, false);
    tl_bands_emit_eras(&r->bands, c, &r->axis.scale, r->bands_top, r->bands_top, r->content_bottom);
    tl_axis_emit(c, &r->axis, r->axis_top);
    if (r->top_axis >= 0)
        tl_axis_emit(c, &r->axis, r->top_axis);
    if (r->bottom_axis >= 0)
        tl_axis_emit(c, &r->axis, r->bottom_axis);
    emit_spans(r);
    emit_points(r);
    size_t labelled;
    if (!emit_badges(r, err) || !tl_ribbon_emit_density(r, &labelled, err) ||
        (r->lod && !tl_chart_set_summary(c, labelled, r->nsummarised, 0, err)))
        return false;
    tl_bands_emit_labels(&r->bands, c, r->bands_top);
    tl_chart_emit_header(c);
    tl_chart_emit_footer(c, r->chart_bottom);
    tl_chart_note_time_scale(c, &r->axis.scale);
    tl_bands_emit_markers(&r->bands, c, &r->axis.scale, r->bands_top, r->content_bottom);
    return true;
}

static void ribbon_free(tl_chart *c)
{
    ribbon *r = (ribbon *)c;
    tl_axis_free(&r->axis);
    tl_bands_free(&r->bands);
    free(r->labels);
    tl_arena_free(&r->label_store);
    free(r->points);
    free(r->spans);
    free(r->stems);
    free(r->compact);
    free(r->excluded);
    free(r->wide);
    free(r->span_rows);
    free(r->summarised);
}

static bool ribbon_run(const tl_timeline *tl, const tl_layout_options *opts,
                       const tl_text_measurer *measurer, tl_scene *scene, tl_error **err)
{
    return tl_variant_run(&tl_variant_ribbon, tl, opts, measurer, scene, err);
}

const tl_variant_ops tl_variant_ribbon = {
    .name = "ribbon",
    .size = sizeof(ribbon),
    .collect = ribbon_collect,
    .choose = ribbon_choose,
    .measure = ribbon_measure,
    .plan = ribbon_plan,
    .emit = ribbon_emit,
    .free = ribbon_free,
    .run = ribbon_run,
};
