#include "layout.h"

#include "common/tl-error-private.h"
#include "options-private.h"
#include "paginate.h"
#include "style.h"
#include "theme.h"
#include "variant.h"

static const tl_variant_ops *variant_ops(tl_variant v)
{
    switch (v) {
    case TL_VARIANT_RIBBON:
        return &tl_variant_ribbon;
    case TL_VARIANT_LANES:
        return &tl_variant_lanes;
    case TL_VARIANT_VERTICAL:
        return &tl_variant_vertical;
    }
    return &tl_variant_ribbon;
}

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
    tl_scene *scene = tl_scene_new(width, opts->height);
    if (opts->title)
        scene->title = tl_scene_strdup(scene, opts->title);
    if (!variant_ops(opts->variant)->run(tl, opts, measurer, scene, err)) {
        tl_scene_free(scene);
        return NULL;
    }
    tl_style_apply(&opts->style, scene);
    /* Lanes keep each group in its own lane: only where groups share a plot do their bars need
     * telling apart. */
    if (tl_theme_get(opts->theme)->hatch_by_group && opts->variant != TL_VARIANT_LANES) {
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

tl_scene *tl_layout_run(const tl_timeline *tl, const tl_layout_options *opts,
                        const tl_text_measurer *measurer, tl_error **err)
{
    if (opts->page_width > 0 && opts->page_height > 0)
        return tl_paginate(tl, opts, measurer, layout_once, err);
    return layout_once(tl, opts, measurer, err);
}
