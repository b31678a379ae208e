#include "shade.h"

#include "common/tl-calendar.h"
#include "options-private.h"

/* The day shading: the theme's faint line colour, washed out. */
static tl_color shade_color(const tl_chart *c)
{
    tl_color color = c->th->faint;
    color.a = 0.14;
    return color;
}

/* Shades [t0, t1) clipped to the scale, merging nothing: each call one rect. */
static void shade(tl_chart *c, const tl_scale *s, int64_t t0, int64_t t1, double a0, double a1,
                  bool down)
{
    const double p0 = tl_scale_x(s, t0 > s->t0 ? t0 : s->t0);
    const double p1 = tl_scale_x(s, t1 < s->t1 ? t1 : s->t1);
    if (p1 - p0 <= 0.1)
        return;
    if (down)
        tl_scene_add_rect(c->scene, TL_ROLE_SHADE, -1, a0, p0, a1 - a0, p1 - p0, shade_color(c));
    else
        tl_scene_add_rect(c->scene, TL_ROLE_SHADE, -1, p0, a0, p1 - p0, a1 - a0, shade_color(c));
}

/* Whether day number d (days since 1970-01-01, a Thursday) is in the mask of days off. */
static bool off(unsigned days, int64_t d)
{
    return (days >> (((d + 3) % 7 + 7) % 7)) & 1;
}

void tl_shade_emit(tl_chart *c, const tl_scale *s, double y0, double y1, bool down)
{
    const tl_layout_options *o = c->opts;
    if ((!o->shade_days && o->nholidays == 0) || s->log || o->numeric)
        return;
    /* Only where a day is wide enough to be seen: a week at 14 pt, a year at 730. */
    if (tl_scale_x(s, s->t0 + TL_SECONDS_PER_DAY) - tl_scale_x(s, s->t0) < 2)
        return;
    const int64_t first = tl_cal_floor_div(s->t0, TL_SECONDS_PER_DAY);
    const int64_t last = tl_cal_floor_div(s->t1, TL_SECONDS_PER_DAY);
    for (int64_t d = first; o->shade_days && d <= last;) {
        if (!off(o->shade_days, d)) {
            d++;
            continue;
        }
        /* A run of days off as one rect (a weekend), running on past the window's last day
         * as a weekend that begins inside it does. */
        int64_t end = d + 1;
        while (end - d < 7 && off(o->shade_days, end))
            end++;
        shade(c, s, d * TL_SECONDS_PER_DAY, end * TL_SECONDS_PER_DAY, y0, y1, down);
        d = end;
    }
    for (size_t i = 0; i < o->nholidays; i++) {
        const tl_time *h = &o->holidays[i];
        if (h->hi < s->t0 || h->lo > s->t1)
            continue;
        /* Whole days: a holiday given to the minute still shades its day. */
        const int64_t a = tl_cal_floor_div(h->lo, TL_SECONDS_PER_DAY) * TL_SECONDS_PER_DAY;
        const int64_t b = (tl_cal_floor_div(h->hi, TL_SECONDS_PER_DAY) + 1) * TL_SECONDS_PER_DAY;
        shade(c, s, a, b, y0, y1, down);
    }
}
