#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "common/tl-url.h"
#include "common/tl-utf8.h"
#include "data/radix.h"
#include "footnotes.h"
#include "measure-cache.h"
#include "style.h"
#include "today.h"
#include "words.h"

/* With a window: the events that reach into it, clipped to it. A clipped end carries the
 * BEFORE or AFTER flag, so the variants mark it. */
static void make_view(tl_chart *c)
{
    const tl_layout_options *o = c->opts;
    const int64_t from = o->has_from ? o->from : INT64_MIN, to = o->has_to ? o->to : INT64_MAX;
    const size_t total = tl_timeline_get_event_count(c->tl);
    size_t outside = 0;
    c->view = tl_xmalloc((total + 1) * sizeof *c->view);
    c->n = 0;
    for (size_t i = 0; i < total; i++) {
        tl_event e = *tl_timeline_get_event(c->tl, i);
        bool open = (e.type == TL_EVENT_ERA && !e.has_end) || e.end_open;
        int64_t hi = e.has_end ? e.end.hi : open ? INT64_MAX : e.start.hi;
        if (hi < from || e.start.lo > to) {
            outside++;
            continue;
        }
        if (e.start.lo < from) {
            e.start.lo = from;
            e.start.hi = e.start.hi < from ? from : e.start.hi;
            if (e.type == TL_EVENT_SPAN || e.type == TL_EVENT_ERA)
                e.start.flags |= TL_TIME_BEFORE;
        }
        if (e.start.hi > to)
            e.start.hi = to;
        if (e.has_end && e.end.hi > to) {
            e.end.hi = to;
            e.end.lo = e.end.lo > to ? to : e.end.lo;
            e.end.flags |= TL_TIME_AFTER;
        }
        c->view[c->n++] = e;
    }
    if (outside && !o->page_window)
        tl_scene_add_warning(c->scene,
                             tl_xasprintf("%zu event%s outside the --from/--to window not drawn",
                                          outside, outside == 1 ? "" : "s"));
}

/* The scene reads the chart's events where they are (a million are not copied): the
 * timeline's, or the window's copies, which it then owns. */
typedef struct scene_events {
    const tl_timeline *tl;
    tl_event *view;
} scene_events;

static void scene_event_get(const void *ctx, size_t i, tl_scene_event *out)
{
    const scene_events *se = ctx;
    const tl_event *ev = se->view ? &se->view[i] : tl_timeline_get_event(se->tl, i);
    const tl_plan_row *plan = ev->extra->plan;
    const char *url = ev->extra->url;
    *out = (tl_scene_event){
        .title = ev->title,
        .start = ev->start_text,
        .end = ev->has_end ? (ev->end_text[0] ? ev->end_text : ev->start_text) : NULL,
        .start_time = ev->start,
        .end_time = ev->end,
        .group_index = ev->group_index,
        .group = ev->group_index >= 0 ? ev->group : NULL,
        /* An unsafe link is warned about once, by tl_footnotes_init(). */
        .url = url[0] && tl_url_is_safe(url) ? url : NULL,
        .source = ev->extra->source[0] ? ev->extra->source : NULL,
        .progress = plan ? (float)plan->progress : 0.0f,
        .has_progress = plan && plan->progress >= 0,
        .slack = plan ? (float)plan->slack : 0.0f,
        .has_slack = plan && plan->has_slack,
        .critical = plan && plan->critical,
    };
}

static void scene_events_free(void *ctx)
{
    scene_events *se = ctx;
    free(se->view);
    free(se);
}

/* The groups drawn, and the scene's summary of its events for the documents' descriptions. */
static void survey_events(tl_chart *c)
{
    const tl_timeline *tl = c->tl;
    c->group_present = tl_xcalloc(tl->group_count + 1, sizeof *c->group_present);
    /* In order of first appearance: the order a group is first met in. */
    const char **names = tl_xmalloc((tl->group_count + 1) * sizeof *names);
    size_t n = 0;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        const int g = ev->group_index;
        if (g >= 0 && !c->group_present[g]) {
            c->group_present[g] = true;
            if (tl->groups[g][0])
                names[n++] = tl->groups[g];
        }
        const int64_t end = ev->has_end ? ev->end.hi : ev->start.hi;
        lo = ev->start.lo < lo ? ev->start.lo : lo;
        hi = end > hi ? end : hi;
        c->status_seen[ev->status] = true;
        c->any_url = c->any_url || ev->extra->url[0];
        c->any_source = c->any_source || ev->extra->source[0];
    }
    c->events_lo = lo;
    c->events_hi = hi;
    tl_scene_set_event_summary(c->scene, lo, hi, names, n);
    free(names);
}

/* The options' style over the theme: an opaque background and the type sizes. Colours and
 * shapes are looked up per event (tl_chart_event_color, tl_chart_group_shape). */
static void apply_style(tl_chart *c)
{
    const tl_style_set *st = &c->opts->style;
    if (st->has_background && st->background.a > 0)
        c->theme.background = st->background;
    tl_font *const parts[TL_STYLE_FONT_COUNT] = {
        [TL_STYLE_FONT_TITLE] = &c->font.title,     [TL_STYLE_FONT_SUBTITLE] = &c->font.subtitle,
        [TL_STYLE_FONT_CAPTION] = &c->font.caption, [TL_STYLE_FONT_LABEL] = &c->font.label,
        [TL_STYLE_FONT_DATE] = &c->font.date,       [TL_STYLE_FONT_BODY] = &c->font.body,
        [TL_STYLE_FONT_TICK] = &c->font.tick,       [TL_STYLE_FONT_BAND] = &c->font.band,
        [TL_STYLE_FONT_LEGEND] = &c->font.legend,   [TL_STYLE_FONT_BADGE] = &c->font.badge,
    };
    for (int f = 0; f < TL_STYLE_FONT_COUNT; f++)
        if (st->font_size[f] > 0)
            parts[f]->size = st->font_size[f];
}

void tl_chart_init(tl_chart *c, const tl_timeline *tl, const tl_layout_options *opts,
                   const tl_text_measurer *m, tl_scene *scene)
{
    *c = (tl_chart){
        .tl = tl,
        .opts = opts,
        .m = m,
        .scene = scene,
        .theme = *tl_theme_get(opts->theme),
        .font = tl_chart_default_fonts,
        .n = tl_timeline_get_event_count(tl),
    };
    c->th = &c->theme;
    c->loc = opts->locale;
    if (c->loc) {
        if (!scene->lang)
            scene->lang = tl_scene_strdup(scene, tl_locale_language(c->loc));
        c->lang = scene->lang;
    }
    c->measured = tl_measure_cache_new();
    apply_style(c);
    if (opts->has_from || opts->has_to)
        make_view(c);
    tl_today_add(c);
    survey_events(c);
    scene->background = c->th->background;
    /* Transparent: the canvas shows through, while what covers things up (axis breaks, the
     * inside of hollow marks) keeps the theme's paper colour. */
    if (opts->style.has_background && !(opts->style.background.a > 0))
        scene->background = opts->style.background;
    /* The events' strings stay the timeline's: the scene holds it instead of copying them. */
    tl_scene_set_source(scene, tl_timeline_retain(tl), tl_timeline_free);
    scene_events *events = tl_xmalloc(sizeof *events);
    *events = (scene_events){.tl = tl, .view = c->view};
    c->view_lent = c->view != NULL;
    tl_scene_set_events(scene, c->n, scene_event_get, events, scene_events_free);
    tl_footnotes_init(c);
}

void tl_chart_fini(tl_chart *c)
{
    tl_strv_free(&c->reported);
    tl_error_free(c->failed);
    c->failed = NULL;
    tl_measure_cache_free(c->measured);
    c->measured = NULL;
    tl_footnotes_free(c);
    free(c->legend);
    if (!c->view_lent)
        free(c->view);
    free(c->group_present);
    c->legend = NULL;
    c->view = NULL;
    c->group_present = NULL;
}

tl_color tl_chart_era_color(const tl_chart *c, size_t i)
{
    const tl_event *ev = tl_chart_event(c, i);
    tl_color color = c->th->era_fill;
    if (ev->extra->color[0])
        tl_color_parse(ev->extra->color, &color);
    return color;
}

void tl_chart_extent(const tl_chart *c, int64_t *lo_out, int64_t *hi_out)
{
    int64_t lo = c->events_lo, hi = c->events_hi;
    if (c->opts->has_from)
        lo = c->opts->from;
    if (c->opts->has_to)
        hi = c->opts->to;
    if (hi <= lo) { /* every event at one instant */
        lo -= 86400;
        hi += 86400;
    }
    *lo_out = lo;
    *hi_out = hi;
}

void tl_chart_note_time_scale(tl_chart *c, const tl_scale *s)
{
    tl_scene_frame *f = &c->scene->frame;
    f->has_time = !s->log && s->nbreaks == 0 && !c->opts->numeric && !c->opts->elapsed;
    if (!f->has_time)
        return;
    f->time_t0 = s->t0;
    f->time_t1 = s->t1;
    f->time_x0 = tl_scale_x(s, s->t0);
    f->time_x1 = tl_scale_x(s, s->t1);
}

typedef struct interval {
    int64_t lo, hi;
} interval;

void tl_chart_scale_log(const tl_chart *c, tl_scale *s)
{
    if (!c->opts->log_scale || c->opts->numeric || c->n == 0)
        return;
    int64_t present = INT64_MIN;
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        const int64_t end = ev->has_end ? ev->end.hi : ev->start.hi;
        present = end > present ? end : present;
    }
    if (c->opts->has_today)
        present = c->opts->today.hi;
    double youngest = INFINITY, oldest = 0;
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        const double a = (double)(present - ev->start.lo) / TL_SCALE_YEAR;
        const double b = (double)(present - tl_chart_point_instant(ev)) / TL_SCALE_YEAR;
        oldest = a > oldest ? a : oldest;
        if (b > 0 && b < youngest)
            youngest = b;
    }
    /* A year at the least: the axis counts years ago. */
    youngest = isfinite(youngest) ? fmax(youngest / 2, 1) : 1;
    tl_scale_set_log(s, present, youngest, fmax(oldest, youngest * 10));
}

size_t tl_chart_find_breaks(const tl_chart *c, int64_t lo, int64_t hi, tl_scale_break *out)
{
    if (!c->opts->axis_breaks || c->opts->log_scale || c->n < 2 || hi <= lo)
        return 0;
    interval *iv = tl_xmalloc(c->n * sizeof *iv);
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        bool open_era = ev->type == TL_EVENT_ERA && !ev->has_end;
        iv[i] = (interval){ev->start.lo, ev->has_end ? ev->end.hi : open_era ? hi : ev->start.hi};
    }
    tl_radix_sort_i64(iv, c->n, sizeof *iv); /* by lo; the order of equal ones does not matter */
    const double total = (double)(hi - lo);
    const int64_t margin = (int64_t)(total * 0.03);
    size_t n = 0;
    int64_t reach = iv[0].hi;
    for (size_t i = 1; i < c->n; i++) {
        if (iv[i].lo > reach && (double)(iv[i].lo - reach) > total / 5) {
            tl_scale_break b = {.t0 = reach + margin, .t1 = iv[i].lo - margin};
            if (n < TL_SCALE_MAX_BREAKS) {
                out[n++] = b;
            } else { /* keep the longest */
                size_t shortest = 0;
                for (size_t k = 1; k < n; k++)
                    if (out[k].t1 - out[k].t0 < out[shortest].t1 - out[shortest].t0)
                        shortest = k;
                if (b.t1 - b.t0 > out[shortest].t1 - out[shortest].t0) {
                    memmove(&out[shortest], &out[shortest + 1], (n - shortest - 1) * sizeof *out);
                    out[n - 1] = b;
                }
            }
        }
        reach = iv[i].hi > reach ? iv[i].hi : reach;
    }
    free(iv);
    return n;
}

tl_extent_kind tl_chart_extent_kind(const tl_chart *c, size_t i, const tl_scale *s, double mark_r)
{
    const tl_event *ev = tl_chart_event(c, i);
    if (ev->start.flags & (TL_TIME_APPROXIMATE | TL_TIME_UNCERTAIN))
        return TL_EXTENT_FUZZY;
    if (tl_scale_x(s, ev->start.hi) - tl_scale_x(s, ev->start.lo) >= 2 * mark_r + 4)
        return TL_EXTENT_RANGE;
    return TL_EXTENT_NONE;
}

void tl_chart_add_extent(tl_chart *c, size_t i, const tl_scale *s, double mark_x, double mark_r,
                         double y, double cap, tl_color color)
{
    const tl_event *ev = tl_chart_event(c, i);
    color.a *= 0.6;
    tl_stroke st = {.color = color, .width = 1.2};
    tl_extent_kind kind = tl_chart_extent_kind(c, i, s, mark_r);
    if (kind != TL_EXTENT_NONE) {
        double x0 = tl_scale_x(s, ev->start.lo), x1 = tl_scale_x(s, ev->start.hi);
        if (kind == TL_EXTENT_FUZZY) {
            st.dash = TL_DASH_DASHED;
            /* "About here" must still read as a range when the interval is a day. */
            x0 = fmin(x0, mark_x - mark_r - 5);
            x1 = fmax(x1, mark_x + mark_r + 5);
        }
        tl_scene_add_line(c->scene, TL_ROLE_PRECISION, (int32_t)i, x0, y, x1, y, st);
        st.dash = TL_DASH_SOLID;
        tl_scene_add_line(c->scene, TL_ROLE_PRECISION, (int32_t)i, x0, y - cap / 2, x0, y + cap / 2,
                          st);
        tl_scene_add_line(c->scene, TL_ROLE_PRECISION, (int32_t)i, x1, y - cap / 2, x1, y + cap / 2,
                          st);
    }
    /* "before 1850", "after Oct 2020": the mark is a bound; point at where the event lies. */
    const double reach = 18;
    if (ev->start.flags & TL_TIME_BEFORE) {
        st.dash = TL_DASH_DOTTED;
        tl_scene_add_line(c->scene, TL_ROLE_PRECISION, (int32_t)i, mark_x - mark_r - reach, y,
                          mark_x - mark_r, y, st);
        tl_chart_add_marker(c, TL_ROLE_PRECISION, (int32_t)i, mark_x - mark_r - reach, y, 2.5,
                            TL_MARKER_ARROW_LEFT, TL_STATUS_CONFIRMED, color);
    }
    if (ev->start.flags & TL_TIME_AFTER) {
        st.dash = TL_DASH_DOTTED;
        tl_scene_add_line(c->scene, TL_ROLE_PRECISION, (int32_t)i, mark_x + mark_r, y,
                          mark_x + mark_r + reach, y, st);
        tl_chart_add_marker(c, TL_ROLE_PRECISION, (int32_t)i, mark_x + mark_r + reach, y, 2.5,
                            TL_MARKER_ARROW_RIGHT, TL_STATUS_CONFIRMED, color);
    }
}

void tl_chart_add_clip_marks(tl_chart *c, size_t i, double x0, double x1, double cy, tl_color color)
{
    const tl_event *ev = tl_chart_event(c, i);
    if ((ev->start.flags & TL_TIME_BEFORE) || ev->start_open)
        tl_chart_add_marker(c, TL_ROLE_SPAN, (int32_t)i, x0 - 4, cy, 3.5, TL_MARKER_ARROW_LEFT,
                            TL_STATUS_CONFIRMED, color);
    if ((ev->has_end && (ev->end.flags & TL_TIME_AFTER)) || ev->end_open)
        tl_chart_add_marker(c, TL_ROLE_SPAN, (int32_t)i, x1 + 4, cy, 3.5, TL_MARKER_ARROW_RIGHT,
                            TL_STATUS_CONFIRMED, color);
}

/* The style's entry for a group of the timeline (index < 0: none), or NULL. */
static const tl_style_group *group_style(const tl_chart *c, int group)
{
    if (group < 0 || (size_t)group >= c->tl->group_count)
        return NULL;
    return tl_style_find_group(&c->opts->style, c->tl->groups[group]);
}

tl_color tl_chart_group_color(const tl_chart *c, int group)
{
    const tl_style_group *g = group_style(c, group);
    return g && g->has_color ? g->color : tl_theme_group_color(c->th, group);
}

tl_color tl_chart_density_color(const tl_chart *c)
{
    tl_color color = c->th->muted;
    color.a *= 0.75;
    return color;
}

tl_color tl_chart_event_color(const tl_chart *c, size_t i)
{
    const tl_event *ev = tl_chart_event(c, i);
    tl_color color;
    if (ev->extra->color[0] && tl_color_parse(ev->extra->color, &color))
        return color;
    /* A status colour marks the event whatever its group: "everything cancelled in grey". */
    if (ev->status < TL_STATUS_OTHER && c->opts->style.has_status_color[ev->status])
        return c->opts->style.status_color[ev->status];
    return tl_chart_group_color(c, ev->group_index);
}

tl_marker_shape tl_chart_group_shape(const tl_chart *c, int group)
{
    static const tl_marker_shape shapes[] = {TL_MARKER_CIRCLE, TL_MARKER_SQUARE, TL_MARKER_DIAMOND};
    const tl_style_group *g = group_style(c, group);
    if (g && g->has_shape)
        return g->shape;
    if (!c->th->shapes_by_group || group < 0)
        return TL_MARKER_CIRCLE;
    return shapes[group % 3];
}

void tl_chart_add_marker(tl_chart *c, tl_role role, int32_t ev, double cx, double cy, double radius,
                         tl_marker_shape shape, tl_status status, tl_color color)
{
    /* A status's shape wins over its group's on the chart; the legend picks its own. */
    const tl_style_set *st = &c->opts->style;
    if (role != TL_ROLE_LEGEND && status < TL_STATUS_OTHER && st->has_status_shape[status] &&
        (shape == TL_MARKER_CIRCLE || shape == TL_MARKER_SQUARE || shape == TL_MARKER_DIAMOND))
        shape = st->status_shape[status];
    tl_op *op = tl_scene_push(c->scene, TL_OP_MARKER, role, ev);
    tl_marker_op *mk = &op->u.marker;
    mk->cx = cx;
    mk->cy = cy;
    mk->radius = radius;
    mk->shape = shape;
    tl_style_marker(mk, status, color);
}

tl_ticks_request tl_chart_ticks_request(const tl_chart *c)
{
    const tl_layout_options *o = c->opts;
    int64_t epoch = o->epoch;
    if (o->elapsed && !o->has_epoch) {
        /* From the earliest event: the view is in the order of time. */
        epoch = c->n > 0 ? tl_chart_event(c, 0)->start.lo : 0;
        for (size_t i = 1; i < c->n; i++)
            if (tl_chart_event(c, i)->start.lo < epoch)
                epoch = tl_chart_event(c, i)->start.lo;
    }
    return (tl_ticks_request){
        .loc = c->loc,
        .fixed = o->ticks_fixed,
        .unit = (tl_tick_unit)o->ticks_unit,
        .every = o->ticks_every,
        .fiscal_start = o->fiscal_start > 0 ? o->fiscal_start : 1,
        .fiscal_by_start = o->fiscal_by_start,
        .week_start = o->week_start,
        .formats = (const char *const *)o->tick_formats,
        .format_loc = c->loc ? c->loc : o->format_locale,
        .zone = o->zone,
        .numeric = o->numeric,
        .unit_name = o->unit_name,
        .elapsed = o->elapsed && !o->numeric,
        .epoch = epoch,
        .elapsed_style = o->elapsed_style,
        .elapsed_base = o->elapsed_base,
    };
}

void tl_chart_mark_tick(tl_chart *c, int64_t instant, int tier)
{
    tl_op *op = &c->scene->ops[c->scene->op_count - 1];
    if (op->kind != TL_OP_TEXT)
        return;
    op->u.text.tick = true;
    op->u.text.tier = tier;
    op->u.text.instant = instant;
}

void tl_chart_warn_thinned(tl_chart *c, const tl_ticks *ticks)
{
    if (ticks->thinned && !c->warned_thinned) {
        c->warned_thinned = true;
        tl_scene_add_warning(c->scene, tl_xstrdup("the ticks asked for are too dense to label "
                                                  "them all at this size: some are unlabelled "
                                                  "(a wider chart or a coarser unit labels them "
                                                  "all)"));
    }
}

int64_t tl_chart_point_instant(const tl_event *ev)
{
    return ev->start.lo + (ev->start.hi - ev->start.lo) / 2;
}

/* As the English, in the reader's words: "2019年11月上旬 · 中止". */
static void date_text_localised(const tl_chart *c, const tl_event *ev, char *buf, size_t size)
{
    char date[256];
    if (!tl_words_event_date(c->loc, ev, date, sizeof date))
        snprintf(date, sizeof date, "%s", ev->date_label);
    if (ev->status == TL_STATUS_CONFIRMED) {
        snprintf(buf, size, "%s", date);
        return;
    }
    const char *status = ev->status == TL_STATUS_OTHER
                             ? ev->status_text
                             : tl_words_status(c->loc, c->scene, ev->status);
    const tl_locale_arg args[2] = {{.text = date}, {.text = status}};
    if (!tl_words_say(c->loc, "date", "{0} · {1}", args, 2, buf, size))
        snprintf(buf, size, "%s \u00b7 %s", date, status);
}

void tl_chart_date_text(const tl_chart *c, size_t i, char *buf, size_t size)
{
    const tl_event *ev = tl_chart_event(c, i);
    if (c->opts->numeric) {
        /* The numbers as written, with their unit: "120 – 250 m". */
        if (c->opts->unit_name)
            snprintf(buf, size, "%s %s", ev->date_label, c->opts->unit_name);
        else
            snprintf(buf, size, "%s", ev->date_label);
        return;
    }
    if (c->loc) {
        date_text_localised(c, ev, buf, size);
        return;
    }
    /* The data layer's label says what the data knows: "c. 1850", "early Nov 2019",
     * "Dec 2019 – Mar 2020", or a sheet's own display date. */
    int len = snprintf(buf, size, "%s", ev->date_label);
    if (ev->status != TL_STATUS_CONFIRMED && len >= 0 && (size_t)len < size)
        snprintf(buf + len, size - (size_t)len, " \u00b7 %s",
                 ev->status == TL_STATUS_OTHER ? ev->status_text
                                               : tl_style_status_word(ev->status));
}

static int cmp_interval(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void tl_text_index_build(tl_text_index *ix, const tl_scene *sc)
{
    ix->box = tl_xmalloc(4 * (sc->op_count + 1) * sizeof *ix->box);
    ix->n = 0;
    ix->widest = 0;
    for (size_t j = 0; j < sc->op_count; j++) {
        const tl_op *op = &sc->ops[j];
        if (op->kind != TL_OP_TEXT)
            continue;
        const tl_text_op *t = &op->u.text;
        double *b = &ix->box[4 * ix->n++];
        b[0] = t->x;
        b[1] = t->x + t->w;
        b[2] = t->y;
        b[3] = t->y + t->h;
        ix->widest = fmax(ix->widest, t->w);
    }
    qsort(ix->box, ix->n, 4 * sizeof *ix->box, cmp_interval);
}

void tl_text_index_free(tl_text_index *ix)
{
    free(ix->box);
    ix->box = NULL;
    ix->n = 0;
}

void tl_chart_add_vline_around(tl_chart *c, const tl_text_index *ix, tl_role role, int32_t ev,
                               double x, double y0, double y1, tl_stroke stroke)
{
    /* Only texts starting within `widest` left of x can reach it. */
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->box[4 * mid] < x - 2 - ix->widest)
            lo = mid + 1;
        else
            hi = mid;
    }
    double *cuts = NULL;
    size_t ncuts = 0, cap = 0;
    for (size_t j = lo; j < ix->n && ix->box[4 * j] <= x + 2; j++) {
        const double *b = &ix->box[4 * j];
        if (b[1] < x - 2)
            continue;
        if (ncuts == cap) {
            cap = cap ? 2 * cap : 16;
            cuts = tl_xrealloc(cuts, 2 * cap * sizeof *cuts);
        }
        cuts[2 * ncuts] = b[2] - 2;
        cuts[2 * ncuts + 1] = b[3] + 2;
        ncuts++;
    }
    if (ncuts)
        qsort(cuts, ncuts, 2 * sizeof *cuts, cmp_interval);
    double y = y0;
    for (size_t n = 0; n <= ncuts; n++) {
        double stop = n < ncuts ? fmin(cuts[2 * n], y1) : y1;
        if (stop > y + 1)
            tl_scene_add_line(c->scene, role, ev, x, y, x, stop, stroke);
        if (n < ncuts && cuts[2 * n + 1] > y)
            y = cuts[2 * n + 1];
    }
    free(cuts);
}

void tl_chart_report_unplaced(tl_chart *c)
{
    enum { SHOWN = 50 };
    size_t dropped = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->scene->marks[i].placed || c->scene->marks[i].summarised)
            continue;
        if (++dropped > SHOWN)
            continue;
        const tl_event *ev = tl_chart_event(c, i);
        const char *title = tl_scene_event_at(c->scene, i).title; /* without its footnote number */
        tl_scene_add_warning(c->scene,
                             tl_xasprintf("line %lu: %s \"%.*s\" not drawn: no room at this size "
                                          "(try a larger --width or --height)",
                                          ev->line, ev->type == TL_EVENT_SPAN ? "span" : "label",
                                          tl_utf8_prefix(title, 60), title));
    }
    if (dropped > SHOWN)
        tl_scene_add_warning(c->scene, tl_xasprintf("%zu more labels not drawn", dropped - SHOWN));
}

/* ---------------------------------------------------------------------------------------------
 * Steps every layout takes
 * ------------------------------------------------------------------------------------------- */

unsigned tl_chart_extent_legend(const tl_chart *c, size_t i, const tl_scale *s, double mark_r)
{
    switch (tl_chart_extent_kind(c, i, s, mark_r)) {
    case TL_EXTENT_NONE:
        break;
    case TL_EXTENT_RANGE:
        return TL_LEGEND_PRECISION;
    case TL_EXTENT_FUZZY:
        return TL_LEGEND_FUZZY;
    }
    return 0;
}

bool *tl_chart_keep_best(const tl_chart *c, const size_t *events, const double *x, size_t n,
                         double lo, double hi, size_t keep, double offset, size_t *rank)
{
    tl_lod_item *items = tl_xmalloc((n + 1) * sizeof *items);
    enum { AHEAD = 8 }; /* as in tl_chart_summarise(): the events come in the order of x */
    for (size_t k = 0; k < n; k++) {
        if (k + AHEAD < n)
            tl_chart_prefetch_event(c, events[k + AHEAD]);
        items[k] = (tl_lod_item){.x = x[k], .importance = tl_chart_event(c, events[k])->importance};
    }
    /* Without ranks, only the order of the `keep` best is needed. */
    const size_t want = rank || keep > n ? n : keep;
    size_t *order = tl_xmalloc((want + 1) * sizeof *order);
    tl_lod_order(items, n, lo, hi, keep, offset, want, order);
    bool *chosen = tl_xcalloc(n + 1, sizeof *chosen);
    for (size_t j = 0; j < want; j++) {
        if (rank)
            rank[order[j]] = j;
        chosen[order[j]] = j < keep;
    }
    free(order);
    free(items);
    return chosen;
}

int64_t tl_chart_summary_instant(const tl_event *ev)
{
    return ev->type == TL_EVENT_SPAN ? ev->start.lo : tl_chart_point_instant(ev);
}

void tl_chart_summarise(tl_chart *c, tl_density *d, const size_t *events, size_t n,
                        const tl_scale *s)
{
    /* The events summarised are in the order of their instants, not of the array: at a
     * million, asking for each a few steps ahead halves the pass. */
    enum { AHEAD = 8 };
    for (size_t k = 0; k < n; k++) {
        size_t i = events[k];
        if (k + AHEAD < n)
            tl_chart_prefetch_event(c, events[k + AHEAD]);
        tl_density_add(d, tl_scale_x(s, tl_chart_summary_instant(tl_chart_event(c, i))));
        c->scene->marks[i].summarised = true;
    }
}

bool tl_chart_height_error(tl_error **err, double height, double need, const char *what)
{
    return tl_set_error(err, TL_ERROR_USAGE,
                        "a height of %.0f pt cannot hold %s (it needs at least %.0f pt)", height,
                        what, need);
}

unsigned tl_chart_progress_legend(const tl_chart *c)
{
    if (!c->tl->has_plan)
        return 0;
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        if (ev->type == TL_EVENT_SPAN && ev->extra->plan && ev->extra->plan->progress >= 0)
            return TL_LEGEND_PROGRESS;
    }
    return 0;
}
