#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "common/tl-utf8.h"
#include "options-private.h"
#include "paginate.h"
#include "style.h"
#include "theme.h"
#include "today.h"
#include "variant.h"
#include "words.h"

/* The layouts, by tl_variant. A new layout is one new file, layouts/variant-NAME.c, defining
 * its tl_variant_ops (its hooks and its run, see variant.h), and one row here; the public
 * enum and tl_variant_from_name() give it its value and its name. */
static const tl_variant_ops *const variants[] = {
    [TL_VARIANT_RIBBON] = &tl_variant_ribbon,
    [TL_VARIANT_LANES] = &tl_variant_lanes,
    [TL_VARIANT_VERTICAL] = &tl_variant_vertical,
};

static const tl_variant_ops *variant_ops(tl_variant v)
{
    if ((size_t)v < sizeof variants / sizeof variants[0] && variants[v])
        return variants[v];
    return &tl_variant_ribbon;
}

/* ---------------------------------------------------------------------------------------------
 * The driver
 * ------------------------------------------------------------------------------------------- */

/* Plans the chart for the options' height, or for its natural one, and sizes the scene. */
static bool set_height(const tl_variant_ops *ops, tl_chart *c, tl_error **err)
{
    const double height = c->opts->height;
    double need = 0;
    if (!ops->plan(c, height, &need, err))
        return false;
    if (c->failed)
        return tl_chart_take_failure(&c->failed, err);
    if (height > 0 && need > height) {
        char what[64] = "this chart";
        if (ops->describe)
            ops->describe(c, what, sizeof what);
        return tl_chart_height_error(err, height, need, what);
    }
    c->scene->height = height > 0 ? height : ceil(need);
    return true;
}

/* Axis options this chart cannot honour are said, not dropped in silence. */
static void warn_unused_axis_options(const tl_variant_ops *ops, tl_chart *c)
{
    const tl_layout_options *o = c->opts;
    if (o->ntiers > 0 && (o->elapsed || o->numeric || o->log_scale))
        tl_scene_add_warning(c->scene,
                             tl_xstrdup(o->log_scale ? "--tiers is ignored on a log time scale"
                                        : o->numeric ? "--tiers is ignored on a numeric axis"
                                                     : "--tiers is ignored on an elapsed-time "
                                                       "axis (--elapsed-style counts the units)"));
    if (o->axis_position != TL_AXIS_AUTO && ops->runs_down)
        tl_scene_add_warning(c->scene, tl_xstrdup("--axis-position is ignored in the vertical "
                                                  "layout: its ticks stand beside the line"));
}

bool tl_variant_run(const tl_variant_ops *ops, const tl_timeline *tl, const tl_layout_options *opts,
                    const tl_text_measurer *measurer, tl_scene *scene, tl_error **err)
{
    tl_chart *c = tl_xcalloc(1, ops->size);
    tl_chart_init(c, tl, opts, measurer, scene);
    c->groups_apart = ops->groups_apart;
    warn_unused_axis_options(ops, c);
    bool ok = ops->collect(c, err);
    if (ok) {
        unsigned legend = 0;
        ops->choose(c);
        ok = ops->measure(c, &legend, err) && tl_chart_frame(c, legend, err) &&
             set_height(ops, c, err) && ops->emit(c, err);
    }
    if (ok)
        tl_chart_report_unplaced(c);
    ops->free(c);
    tl_chart_fini(c);
    free(c);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * The chart, on one canvas or cut into pages
 * ------------------------------------------------------------------------------------------- */

static tl_scene *layout_once(const tl_timeline *tl, const tl_layout_options *opts,
                             const tl_text_measurer *measurer, tl_error **err)
{
    if (tl_timeline_get_event_count(tl) == 0) {
        tl_set_error(err, TL_ERROR_DATA, "nothing to draw: no usable events");
        return NULL;
    }
    double width = opts->width > 0 ? opts->width : TL_DEFAULT_WIDTH;
    if (width < 200 || width > 100000 || opts->height > 100000) {
        tl_set_error(err, TL_ERROR_USAGE,
                     "canvas width must be 200 to 100000 pt and height at most 100000 pt");
        return NULL;
    }
    if (opts->log_scale && opts->has_today) {
        /* A log scale counts back from the present: nothing may lie after it. */
        for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
            const tl_event *ev = tl_timeline_get_event(tl, i);
            if (ev->start.lo > opts->today.hi) {
                tl_set_error(err, TL_ERROR_DATA,
                             "line %lu: \"%.*s\" is after --today, the present a log scale "
                             "counts back from",
                             ev->line, tl_utf8_prefix(ev->title, 60), ev->title);
                return NULL;
            }
        }
    }
    const tl_variant_ops *ops = variant_ops(opts->variant);
    tl_scene *scene = tl_scene_new(width, opts->height);
    if (opts->title)
        scene->title = tl_scene_strdup(scene, opts->title);
    if (!ops->run(tl, opts, measurer, scene, err)) {
        tl_scene_free(scene);
        return NULL;
    }
    tl_style_apply(&opts->style, scene);
    tl_today_dim_past(scene, opts);
    /* Only where groups share a plot do their bars need telling apart. */
    if (tl_theme_get(opts->theme)->hatch_by_group && !ops->groups_apart) {
        const tl_color white = {1, 1, 1, 1};
        tl_style_hatch_bars(scene, scene->background.a > 0 ? scene->background : white);
    }
    /* Cairo keeps coordinates in 24.8 fixed point (about ±8 million units), and no viewer
     * opens a page kilometres long: a chart that grows past the limit is refused, with what
     * to do about it. */
    if (scene->height > TL_MAX_CANVAS) {
        tl_set_error(err, TL_ERROR_USAGE,
                     "the chart would be %.0f pt tall, over the %d pt limit; narrow it with "
                     "--from/--to or set --height",
                     scene->height, TL_MAX_CANVAS);
        tl_scene_free(scene);
        return NULL;
    }
    return scene;
}

static tl_scene *layout_pages(const tl_timeline *tl, const tl_layout_options *opts,
                              const tl_text_measurer *measurer, tl_error **err)
{
    if (opts->page_width > 0 && opts->page_height > 0)
        return tl_paginate(tl, opts, measurer, variant_ops(opts->variant)->runs_down, layout_once,
                           err);
    return layout_once(tl, opts, measurer, err);
}

/* --epoch ID: the start of the event with that id. */
static bool find_epoch(const tl_timeline *tl, tl_layout_options *run, tl_error **err)
{
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *ev = tl_timeline_get_event(tl, i);
        if (strcmp(ev->extra->id, run->epoch_id) == 0) {
            run->has_epoch = true;
            run->epoch = ev->start.lo;
            return true;
        }
    }
    return tl_set_error(err, TL_ERROR_USAGE,
                        "--epoch \"%s\": no event has that id, and it is not a date",
                        run->epoch_id);
}

tl_scene *tl_layout_run(const tl_timeline *tl, const tl_layout_options *opts,
                        const tl_text_measurer *measurer, tl_error **err)
{
    bool formats = false;
    for (size_t i = 0; i < sizeof opts->tick_formats / sizeof *opts->tick_formats; i++)
        formats = formats || opts->tick_formats[i];
    if (!opts->locale_tag && opts->direction != TL_DIRECTION_RTL && !formats &&
        !(opts->elapsed && opts->epoch_id))
        return layout_pages(tl, opts, measurer, err);
    /* The locale's formatters are opened once for the chart, however many times pagination
     * lays it out, in a copy of the options that the run owns. */
    tl_layout_options run = *opts;
    if (opts->elapsed && opts->epoch_id && !find_epoch(tl, &run, err))
        return NULL;
    if (opts->locale_tag && !tl_locale_open(opts->locale_tag, &run.locale, err))
        return NULL;
    /* Tick formats without a locale: ICU's English for the ticks, the rest as it always is. */
    if (formats && !run.locale && !tl_locale_open("en", &run.format_locale, err))
        return NULL;
    tl_scene *scene = layout_pages(tl, &run, measurer, err);
    if (scene)
        tl_words_finish(scene, run.locale, run.direction);
    tl_locale_free(run.locale);
    tl_locale_free(run.format_locale);
    return scene;
}
