/* The ribbon layout's level of detail: which events are candidates for a label when there are
 * more than its levels and rows could take, and the density strip counting the others. */
#include "variant-ribbon.h"

#include <stdio.h>
#include <stdlib.h>

#include "common/tl-alloc.h"
#include "density.h"
#include "words.h"

/* Keeps in `list` (in its order) the `keep` events most deserving of a label; the others go to
 * the summarised list. */
static void keep_best(ribbon *r, size_t *list, size_t *n, size_t keep, int64_t lo, int64_t hi)
{
    if (*n <= keep)
        return;
    double *x = tl_xmalloc((*n + 1) * sizeof *x);
    for (size_t k = 0; k < *n; k++)
        x[k] = (double)tl_chart_summary_instant(event(r, list[k]));
    bool *chosen = tl_chart_keep_best(&r->c, list, x, *n, (double)lo, (double)hi, keep, 0, NULL);
    size_t m = 0;
    for (size_t k = 0; k < *n; k++) {
        if (chosen[k])
            list[m++] = list[k];
        else
            r->summarised[r->nsummarised++] = list[k];
    }
    *n = m;
    free(chosen);
    free(x);
}

/* Below what the levels and rows could label at best, every event is a candidate for a label,
 * as it always was. Above, only the most deserving are: as many as LOD_LEVELS levels and
 * LOD_SPAN_ROWS rows could take at best. The others are never measured and never drawn one by
 * one: they are counted in the density strip, with the candidates that find no room. */
void tl_ribbon_choose_lod(ribbon *r)
{
    const double w = r->c.scene->width - 2 * MARGIN;
    const int sides = r->nspans ? 1 : 2;
    r->max_levels = MAX_LEVELS_FIT;
    r->max_rows = MAX_SPAN_ROWS;
    if (r->c.opts->no_summary || (r->npoints <= (size_t)(sides * MAX_LEVELS_FIT * w / LOD_FULL_W) &&
                                  r->nspans <= (size_t)(MAX_SPAN_ROWS * w / LOD_FULL_SPAN_W)))
        return;
    r->lod = true;
    r->max_levels = LOD_LEVELS;
    r->max_rows = LOD_SPAN_ROWS;
    r->summarised = tl_xmalloc((r->npoints + r->nspans + 1) * sizeof *r->summarised);
    int64_t lo, hi;
    tl_chart_extent(&r->c, &lo, &hi);
    keep_best(r, r->points, &r->npoints, (size_t)(LOD_LEVELS * w / LOD_POINT_W), lo, hi);
    keep_best(r, r->spans, &r->nspans, (size_t)(LOD_SPAN_ROWS * w / LOD_SPAN_W), lo, hi);
}

/* Packs the spans marked in `chosen`, with span `extra`, into rows[0..*m) (which[j]: the span
 * of rows[j]); returns whether they all fit in max_rows rows. */
typedef struct span_packing {
    tl_row_item *rows;
    size_t *which, m;
    int used;
} span_packing;

static bool spans_fit(ribbon *r, const bool *chosen, size_t extra, int max_rows, span_packing *p)
{
    p->m = 0;
    for (size_t k = 0; k < r->nspans; k++)
        if (chosen[k] || k == extra) {
            p->rows[p->m] = r->span_rows[k];
            p->which[p->m++] = k;
        }
    p->used = tl_labels_pack_rows(p->rows, p->m, max_rows, BOX_GAP);
    for (size_t j = 0; j < p->m; j++)
        if (p->rows[j].row < 0)
            return false;
    return true;
}

/* Farthest first: each span tried in turn is the one, of the most important left, that starts
 * farthest from every label placed so far; it is kept when the rows still hold every span
 * kept. The candidates are few (a few dozen at any number of events), so repacking for each
 * is cheap. */
int tl_ribbon_pack_lod_spans(ribbon *r, int max_rows)
{
    const size_t n = r->nspans;
    if (n == 0)
        return 0;
    bool *chosen = tl_xcalloc(n + 1, sizeof *chosen), *tried = tl_xcalloc(n + 1, sizeof *tried);
    tl_marks marks = {.x = tl_xmalloc((r->npoints + n + 1) * sizeof *marks.x)};
    span_packing p = {.rows = tl_xmalloc((n + 1) * sizeof *p.rows),
                      .which = tl_xmalloc((n + 1) * sizeof *p.which)};
    for (size_t k = 0; k < r->npoints; k++)
        if (r->stems[k].level >= 0)
            tl_marks_add(&marks, r->stems[k].anchor);
    for (size_t round = 0; round < n; round++) {
        size_t best = n;
        double best_d = -1;
        int best_imp = 0;
        for (size_t k = 0; k < n; k++) {
            if (tried[k])
                continue;
            const tl_event *ev = event(r, r->spans[k]);
            const double x = tl_scale_x(&r->axis.scale, ev->start.lo);
            const double d = tl_marks_distance(&marks, x);
            if (ev->importance > best_imp || (ev->importance == best_imp && d > best_d)) {
                best = k;
                best_d = d;
                best_imp = ev->importance;
            }
        }
        tried[best] = true;
        if (spans_fit(r, chosen, best, max_rows, &p)) {
            chosen[best] = true;
            tl_marks_add(&marks, tl_scale_x(&r->axis.scale, event(r, r->spans[best])->start.lo));
        }
    }
    spans_fit(r, chosen, n, max_rows, &p);
    for (size_t k = 0; k < n; k++)
        r->span_rows[k].row = -1;
    for (size_t j = 0; j < p.m; j++)
        r->span_rows[p.which[j]].row = p.rows[j].row;
    const int used = p.used;
    free(p.which);
    free(p.rows);
    free(marks.x);
    free(tried);
    free(chosen);
    return used;
}

/* "+999,760 more events, by date (tallest bar: 1,234)": the strip's note. */
static const char *density_text(ribbon *r, size_t count, size_t peak)
{
    char n[32], p[32], text[256];
    tl_chart_format_count(&r->c, count, n, sizeof n);
    tl_chart_format_count(&r->c, peak, p, sizeof p);
    const tl_locale_arg args[2] = {{.text = n, .number = (double)count},
                                   {.text = p, .number = (double)peak}};
    if (!tl_words_say(r->c.loc, "note",
                      "+{0, plural, one {# more event} other {# more events}}, by date (tallest "
                      "bar: {1})",
                      args, 2, text, sizeof text))
        snprintf(text, sizeof text, "+%s more events, by date (tallest bar: %s)", n, p);
    return tl_scene_strdup(r->c.scene, text);
}

/* Reserves the strip and its note under the axis band. */
bool tl_ribbon_measure_density(ribbon *r, tl_error **err)
{
    r->density_h = 0;
    if (!r->lod)
        return true;
    tl_chart *c = &r->c;
    /* The widest numbers the note can hold. */
    const size_t most = r->c.n;
    if (!tl_chart_measure(c, &c->font.badge, &r->density_note, density_text(r, most, most), 0, 1,
                          err))
        return false;
    r->density_h = DENSITY_TOP + DENSITY_H + 3 + r->density_note.ext.height;
    return true;
}

/* The strip: every point and span not labelled, by where it starts. */
bool tl_ribbon_emit_density(ribbon *r, size_t *labelled, tl_error **err)
{
    *labelled = 0;
    for (size_t k = 0; k < r->npoints; k++) {
        if (r->stems[k].level >= 0)
            ++*labelled;
        else if (r->lod)
            r->summarised[r->nsummarised++] = r->points[k];
    }
    for (size_t k = 0; k < r->nspans; k++) {
        if (r->span_rows[k].row >= 0)
            ++*labelled;
        else if (r->lod)
            r->summarised[r->nsummarised++] = r->spans[k];
    }
    if (!r->lod)
        return true;
    tl_chart *c = &r->c;
    tl_density d;
    tl_density_init(&d, MARGIN, c->scene->width - MARGIN, DENSITY_BIN);
    tl_chart_summarise(c, &d, r->summarised, r->nsummarised, &r->axis.scale);
    const double top = r->axis_bottom + DENSITY_TOP;
    const size_t peak = tl_density_peak(&d);
    tl_density_emit_bars(&d, c->scene, top + DENSITY_H, DENSITY_H, peak, tl_chart_density_color(c));
    tl_density_free(&d);
    if (!tl_chart_measure(c, &c->font.badge, &r->density_note,
                          density_text(r, r->nsummarised, peak), 0, 1, err))
        return false;
    tl_chart_add_text(c, TL_ROLE_NOTE, -1, MARGIN, top + DENSITY_H + 3, &r->density_note,
                      &c->font.badge, c->th->muted, false);
    return true;
}
