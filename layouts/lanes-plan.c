/* A plan's tasks in the lanes layout: progress, the critical path's outline, and labels with
 * their progress. */
#include "lanes-plan.h"

#include <math.h>
#include <stdlib.h>

#include "arrows.h"
#include "common/tl-alloc.h"
#include "style.h"

/* How far the undone part of a bar goes from its colour towards the paper. */
static const double REST_LIGHTEN = 0.62;

bool tl_lanes_is_critical(const tl_chart *c, const tl_event *ev)
{
    return c->opts->critical_path && ev->extra->plan && ev->extra->plan->critical;
}

const char *tl_lanes_label_text(tl_chart *c, size_t i)
{
    const tl_event *ev = tl_chart_event(c, i);
    if (!c->opts->show_progress || !ev->extra->plan || ev->extra->plan->progress < 0)
        return ev->title;
    char pct[32];
    tl_chart_format_count(c, (size_t)lround(ev->extra->plan->progress), pct, sizeof pct);
    char *text = tl_xasprintf("%s \xC2\xB7 %s\xC2\xA0%%", ev->title, pct);
    const char *kept = tl_scene_strdup(c->scene, text);
    free(text);
    return kept;
}

/* Dark text on light fills, white on dark ones (WCAG relative luminance). */
static tl_color ink_on(const tl_chart *c, tl_color fill)
{
    if (fill.a < 0.5)
        return c->th->text;
    double lum = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
    return lum < 0.55 ? (tl_color){1, 1, 1, 1} : (tl_color){0.1, 0.11, 0.13, 1};
}

tl_color tl_lanes_emit_bar(tl_chart *c, size_t i, double x0, double x1, double top, double h,
                           tl_color color, double label_mid)
{
    const tl_event *ev = tl_chart_event(c, i);
    tl_rect_op *bar =
        tl_scene_add_rect(c->scene, TL_ROLE_SPAN, (int32_t)i, x0, top, x1 - x0, h, color);
    bar->radius = 3;
    tl_style_bar(bar, ev->status, color);
    if (tl_lanes_is_critical(c, ev))
        bar->stroke =
            (tl_stroke){.color = tl_arrows_critical_color(c), .width = TL_LANES_CRITICAL_W};
    const double done = ev->extra->plan ? ev->extra->plan->progress : -1;
    if (done < 0)
        return ink_on(c, bar->fill);
    const tl_color full = bar->fill, bg = c->th->background;
    bar->fill =
        (tl_color){full.r + (bg.r - full.r) * REST_LIGHTEN, full.g + (bg.g - full.g) * REST_LIGHTEN,
                   full.b + (bg.b - full.b) * REST_LIGHTEN, full.a};
    const tl_color rest = bar->fill;
    if (c->th->hatch_by_group) {
        /* In print the rest is hatched too, so that it reads without the shade. */
        bar->hatch = TL_HATCH_DIAGONAL;
        bar->hatch_color = full;
    }
    const double w = (x1 - x0) * done / 100;
    /* Inset by the outline's half width, so that the outline stays whole. */
    const double in = bar->stroke.color.a > 0 ? bar->stroke.width / 2 : 0;
    if (w > 2 * in) {
        tl_rect_op *p = tl_scene_add_rect(c->scene, TL_ROLE_PROGRESS, (int32_t)i, x0 + in, top + in,
                                          w - 2 * in, h - 2 * in, full);
        p->radius = 3 - in;
    }
    return ink_on(c, x0 + w >= label_mid ? full : rest);
}
