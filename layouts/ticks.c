#include "ticks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "data/date.h"
#include "common/tl-calendar.h"
#include "ticks-chosen.h"
#include "ticks-elapsed.h"
#include "ticks-log.h"
#include "ticks-number.h"
#include "ticks-zone.h"
#include "ticks-locale.h"

typedef tl_tick_step step;

double tl_ticks_approx_seconds(tl_tick_unit unit)
{
    switch (unit) {
    case TL_TICK_SECOND:
        return 1;
    case TL_TICK_MINUTE:
        return 60;
    case TL_TICK_HOUR:
        return 3600;
    case TL_TICK_DAY:
        return 86400;
    case TL_TICK_WEEK:
        return 7 * 86400.0;
    case TL_TICK_MONTH:
        return 30.436875 * 86400;
    case TL_TICK_QUARTER:
        return 3 * 30.436875 * 86400;
    case TL_TICK_YEAR:
        return 365.2425 * 86400;
    }
    return 1;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Deep time is counted back from 1950 ("before present"), as radiocarbon and geology do. */
enum { BP_EPOCH = 1950, BP_STEP = 10000 };

/* The first year >= y that is a tick for a step of n years. BCE years count back from 1 BCE,
 * so ticks read "500 BCE", "1000 BCE" rather than their astronomical neighbours. */
static int64_t next_year_on_step(int64_t y, int64_t n)
{
    if (n >= BP_STEP) /* years y with (1950 - y) a multiple of n */
        return y + ((BP_EPOCH - y) % n + n) % n;
    if (y <= 0) {
        int64_t bce = (1 - y) / n * n;
        if (bce >= 1)
            return 1 - bce;
        y = 1;
    }
    return (y + n - 1) / n * n;
}

/* Appends the ticks of `st` inside [t0, t1]; stops at `limit` ticks (returns false then). */
static bool collect_range(const tl_ticks_request *rq, const step *st, int64_t t0, int64_t t1,
                          size_t limit, tl_ticks *out, size_t *cap)
{
    if (rq->elapsed)
        return tl_ticks_elapsed_collect(rq, st->unit, st->n, t0, t1, limit, out, cap);
    if (tl_ticks_zone_collects(rq, st->unit))
        return tl_ticks_zone_collect(rq, st->unit, st->n, t0, t1, limit, out, cap);
    if (tl_ticks_locale_calendar(rq->loc, st->unit, st->n))
        return tl_ticks_locale_collect(rq->loc, st->unit, st->n, t0, t1, limit, out, cap);
    int64_t t;
    switch (st->unit) {
    case TL_TICK_SECOND:
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
    case TL_TICK_DAY: {
        int64_t len = (int64_t)tl_ticks_approx_seconds(st->unit) * st->n;
        t = floor_div(t0, len) * len;
        if (t < t0)
            t += len;
        for (; t <= t1; t += len) {
            if (!tl_ticks_push(out, cap, limit, t))
                return false;
        }
        return true;
    }
    case TL_TICK_WEEK: {
        /* 1970-01-05 was a Monday; weeks start that many days later. */
        const int64_t week = 7 * TL_SECONDS_PER_DAY,
                      monday = (4 + rq->week_start % 7) * TL_SECONDS_PER_DAY;
        t = floor_div(t0 - monday, week) * week + monday;
        if (t < t0)
            t += week;
        for (; t <= t1; t += week * st->n) {
            if (!tl_ticks_push(out, cap, limit, t))
                return false;
        }
        return true;
    }
    case TL_TICK_MONTH:
    case TL_TICK_QUARTER: {
        /* Quarters are every third month from the fiscal year's first. */
        const int64_t every = st->unit == TL_TICK_QUARTER ? 3 * st->n : st->n;
        const int first =
            st->unit == TL_TICK_QUARTER && rq->fiscal_start > 1 ? rq->fiscal_start : 1;
        tl_civil c;
        tl_cal_split(t0, &c);
        int64_t y = c.year;
        int m = c.month;
        for (;;) {
            if ((m - first + 12) % 12 % every == 0) {
                t = tl_cal_make(y, m, 1, 0, 0, 0);
                if (t > t1)
                    break;
                if (t >= t0) {
                    if (!tl_ticks_push(out, cap, limit, t))
                        return false;
                }
            }
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
        return true;
    }
    case TL_TICK_YEAR: {
        tl_civil c;
        tl_cal_split(t0, &c);
        for (int64_t y = next_year_on_step(c.year, st->n);; y = next_year_on_step(y + 1, st->n)) {
            t = tl_cal_make(y, 1, 1, 0, 0, 0);
            if (t > t1)
                break;
            if (t < t0)
                continue;
            if (!tl_ticks_push(out, cap, limit, t))
                return false;
        }
        return true;
    }
    }
    return true;
}

/* The ticks of `st` over the scale's domain, less the stretches its breaks cut out. */
static bool collect(const tl_ticks_request *rq, const step *st, const tl_scale *scale, size_t limit,
                    tl_ticks *out, size_t *cap)
{
    out->count = 0;
    int64_t from = scale->t0;
    for (size_t i = 0; i < scale->nbreaks; i++) {
        if (!collect_range(rq, st, from, scale->breaks[i].t0, limit, out, cap))
            return false;
        from = scale->breaks[i].t1;
    }
    return collect_range(rq, st, from, scale->t1, limit, out, cap);
}

/* Writes v / div with at most one decimal ("2.5", "20"), without the C library's
 * locale-dependent float formatting. */
static void format_scaled(int64_t v, int64_t div, const char *unit, char *buf, size_t size)
{
    int64_t tenths = v * 10 / div;
    if (tenths % 10 == 0)
        snprintf(buf, size, "%lld %s", (long long)(tenths / 10), unit);
    else
        snprintf(buf, size, "%s%lld.%lld %s", tenths < 0 ? "-" : "",
                 (long long)(llabs(tenths) / 10), (long long)(llabs(tenths) % 10), unit);
}

/* Whether a unit gets a second tier naming the larger unit. */
static bool two_tier(tl_tick_unit unit)
{
    switch (unit) {
    case TL_TICK_SECOND:
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
    case TL_TICK_MONTH:
    case TL_TICK_QUARTER:
        return true;
    case TL_TICK_YEAR:
        return false;
    }
    return false;
}

/* Tick label text; below a year the larger unit is in the second tier. */
static void format_label(const tl_ticks_request *rq, tl_tick_unit unit, int64_t every, int64_t t,
                         char *buf, size_t size)
{
    if (rq->elapsed) {
        tl_ticks_elapsed_label(rq, unit, t, buf, size);
        return;
    }
    /* Hours and days name the wall clock of the axis's zone. */
    if (rq->zone && unit <= TL_TICK_DAY)
        t = tl_ticks_wall(rq, t);
    if (tl_ticks_formatted(rq, unit, t, buf, size))
        return;
    tl_civil q;
    tl_cal_split(t, &q);
    if (unit == TL_TICK_QUARTER && (rq->fiscal_start > 1 || !rq->loc)) {
        snprintf(buf, size, "Q%d", tl_ticks_quarter(rq, q.month));
        return;
    }
    if (unit == TL_TICK_WEEK && rq->fixed) {
        int64_t year;
        snprintf(buf, size, "W%02d", tl_ticks_week(rq, t, &year));
        return;
    }
    if (rq->loc) {
        tl_ticks_locale_label(rq->loc, unit, every, t, buf, size);
        return;
    }
    tl_civil c;
    tl_cal_split(t, &c);
    switch (unit) {
    case TL_TICK_SECOND:
        snprintf(buf, size, "%02d:%02d:%02d", c.hour, c.minute, c.second);
        return;
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
        snprintf(buf, size, "%02d:%02d", c.hour, c.minute);
        return;
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
        snprintf(buf, size, "%d", c.day);
        return;
    case TL_TICK_MONTH:
        snprintf(buf, size, "%s", tl_cal_month_abbr(c.month));
        return;
    case TL_TICK_QUARTER: /* written above */
        return;
    case TL_TICK_YEAR:
        if (every >= BP_STEP) {
            int64_t bp = BP_EPOCH - c.year;
            if (bp == 0)
                snprintf(buf, size, "present");
            else if (bp % 1000000 == 0 || every >= 1000000)
                format_scaled(bp, 1000000, "Ma", buf, size);
            else
                format_scaled(bp, 1000, "ka", buf, size);
        } else {
            tl_cal_format_year(c.year, buf, size);
        }
        return;
    }
}

/* The larger unit of a two-tier axis: its start at or before t, its end, and its name. */
static void tier_words(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                       int64_t *end, char *buf, size_t size);

/* The tier above ticks of `unit`, in the tick format of its own unit when one is set. */
static void tier_unit(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                      int64_t *end, char *buf, size_t size)
{
    if (rq->zone && unit <= TL_TICK_HOUR) {
        /* The zone's day: named by its wall clock, bounded by its midnights. */
        tier_words(rq, unit, tl_ticks_wall(rq, t), start, end, buf, size);
        tl_ticks_zone_day(rq, t, start, end);
        tl_ticks_formatted(rq, TL_TICK_DAY, tl_ticks_wall(rq, *start), buf, size);
        return;
    }
    tier_words(rq, unit, t, start, end, buf, size);
    const tl_tick_unit larger = unit <= TL_TICK_HOUR   ? TL_TICK_DAY
                                : unit <= TL_TICK_WEEK ? TL_TICK_MONTH
                                                       : TL_TICK_YEAR;
    tl_ticks_formatted(rq, larger, *start, buf, size);
}

static void tier_words(const tl_ticks_request *rq, tl_tick_unit unit, int64_t t, int64_t *start,
                       int64_t *end, char *buf, size_t size)
{
    if (unit == TL_TICK_QUARTER && (rq->fiscal_start > 1 || !rq->loc)) {
        tl_ticks_fiscal_year(rq, t, start, end, buf, size);
        return;
    }
    if (unit == TL_TICK_WEEK && rq->fixed) {
        tl_ticks_week_year(rq, t, start, end, buf, size);
        return;
    }
    if (rq->loc) {
        tl_ticks_locale_tier(rq->loc, unit, t, start, end, buf, size);
        return;
    }
    tl_civil c;
    tl_cal_split(t, &c);
    char year[32];
    tl_cal_format_year(c.year, year, sizeof year);
    switch (unit) {
    case TL_TICK_SECOND:
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
        *start = tl_cal_make(c.year, c.month, c.day, 0, 0, 0);
        *end = *start + TL_SECONDS_PER_DAY;
        snprintf(buf, size, "%d %s %s", c.day, tl_cal_month_abbr(c.month), year);
        return;
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
        *start = tl_cal_make(c.year, c.month, 1, 0, 0, 0);
        *end = c.month == 12 ? tl_cal_make(c.year + 1, 1, 1, 0, 0, 0)
                             : tl_cal_make(c.year, c.month + 1, 1, 0, 0, 0);
        snprintf(buf, size, "%s %s", tl_cal_month_abbr(c.month), year);
        return;
    case TL_TICK_MONTH:
    case TL_TICK_QUARTER:
    case TL_TICK_YEAR:
        *start = tl_cal_make(c.year, 1, 1, 0, 0, 0);
        *end = tl_cal_make(c.year + 1, 1, 1, 0, 0, 0);
        snprintf(buf, size, "%s", year);
        return;
    }
}

/* The spans of a row of the axis: every unit the domain touches, its label centred in the
 * visible part of it, or left out when it does not fit there. `unit` is named as the tier
 * above ticks of that unit (tier_unit()), or, when `chosen`, as a unit of its own
 * (tl_ticks_unit_span(): a --tiers row). */
static bool make_spans(const tl_ticks_request *rq, const tl_scale *scale, const tl_text_measurer *m,
                       const tl_font *font, tl_tick_unit unit, bool chosen, tl_tick_span **spans,
                       size_t *count)
{
    const tl_text_shape one_line = {.lang = rq->loc ? tl_locale_language(rq->loc) : NULL};
    /* A row of units narrower than two points each (days over millions of years) would be a
     * smear of separators, and unbounded: it is left empty. */
    if ((double)(scale->t1 - scale->t0) / tl_ticks_approx_seconds(unit) >
        (scale->x1 - scale->x0) / 2)
        return true;
    size_t cap = 0;
    int64_t t = scale->t0;
    size_t next_break = 0;
    while (t <= scale->t1) {
        /* A span stops where a break starts, and the next starts after it. */
        int64_t stop = scale->t1;
        if (next_break < scale->nbreaks) {
            const tl_scale_break *br = &scale->breaks[next_break];
            if (t >= br->t0) {
                t = br->t1;
                next_break++;
                continue;
            }
            stop = br->t0;
        }
        int64_t a = t, b = scale->t1 + 1;
        *spans = tl_xgrow(*spans, &cap, *count + 1, sizeof **spans);
        tl_tick_span *sp = &(*spans)[(*count)++];
        if (chosen)
            tl_ticks_unit_span(rq, unit, t, &a, &b, sp->label, sizeof sp->label);
        else
            tier_unit(rq, unit, t, &a, &b, sp->label, sizeof sp->label);
        sp->t0 = a < t ? t : a;
        sp->t1 = b > stop ? stop : b;
        /* Past the domain's end, stop; at a break, go on after it (the loop's top). */
        if (b > stop)
            b = stop < scale->t1 ? stop : scale->t1 + 1;
        sp->x0 = tl_scale_x(scale, sp->t0);
        sp->x1 = tl_scale_x(scale, sp->t1);
        if (!m->measure(m->user, font, &one_line, sp->label, &sp->extents))
            return false;
        if (sp->extents.width + 8 > sp->x1 - sp->x0)
            sp->label[0] = '\0';
        t = b > t ? b : t + 1;
    }
    return true;
}

static bool make_tier(const tl_ticks_request *rq, const tl_scale *scale, const tl_text_measurer *m,
                      const tl_font *font, tl_ticks *out)
{
    return make_spans(rq, scale, m, font, out->unit, false, &out->spans, &out->span_count);
}

bool tl_ticks_row(const tl_ticks_request *rq, const tl_scale *scale, const tl_text_measurer *m,
                  const tl_font *font, tl_tick_unit unit, tl_tick_span **spans, size_t *count)
{
    *spans = NULL;
    *count = 0;
    return make_spans(rq, scale, m, font, unit, true, spans, count);
}

/* Labels every tick, dropping edge ticks whose label would leave [left, right]; then checks
 * that neighbouring labels keep min_gap apart. */
static bool label_and_check(const tl_ticks_request *rq, const tl_scale *scale,
                            const tl_text_measurer *m, const tl_font *font, double min_gap,
                            double left, double right, tl_ticks *out, bool *fits)
{
    const tl_text_shape one_line = {.lang = rq->loc ? tl_locale_language(rq->loc) : NULL};
    *fits = true;
    size_t kept = 0;
    for (size_t i = 0; i < out->count; i++) {
        tl_tick *tk = &out->items[kept];
        *tk = out->items[i];
        tk->x = tl_scale_x(scale, tk->t);
        format_label(rq, out->unit, out->step, tk->t, tk->label, sizeof tk->label);
        if (!m->measure(m->user, font, &one_line, tk->label, &tk->extents))
            return false;
        double half = tk->extents.width / 2;
        if (tk->x - half < left || tk->x + half > right)
            continue; /* an edge tick whose label would be clipped */
        bool in_break = false;
        for (size_t b = 0; b < scale->nbreaks; b++)
            in_break = in_break || (tk->x + half > scale->breaks[b].x0 - 2 &&
                                    tk->x - half < scale->breaks[b].x1 + 2);
        if (in_break)
            continue; /* next to a break, whose mark it would run into */
        if (kept > 0) {
            const tl_tick *pv = &out->items[kept - 1];
            if (pv->x + pv->extents.width / 2 + min_gap > tk->x - half) {
                *fits = false;
                return true;
            }
        }
        kept++;
    }
    out->count = kept;
    return true;
}

/* A chosen step: all its ticks, as many labelled as there is room for. */
static bool generate_chosen(const tl_scale *scale, const tl_text_measurer *m, const tl_font *font,
                            double min_gap, double left, double right, const tl_ticks_request *rq,
                            tl_ticks *out)
{
    const step st = {rq->unit, rq->every > 0 ? rq->every : 1};
    out->unit = st.unit;
    out->step = st.n;
    /* A tick every two points at the most: denser would be a grey smear, not an axis. */
    const size_t limit = (size_t)(fmax(0, scale->x1 - scale->x0) / 2) + 2;
    size_t cap = 0;
    if (!collect(rq, &st, scale, limit, out, &cap)) {
        out->count = 0;
        out->thinned = true;
        return true;
    }
    for (size_t i = 0; i < out->count; i++) {
        tl_tick *tk = &out->items[i];
        tk->x = tl_scale_x(scale, tk->t);
        format_label(rq, out->unit, out->step, tk->t, tk->label, sizeof tk->label);
    }
    const char *lang = rq->loc ? tl_locale_language(rq->loc) : NULL;
    if (!tl_ticks_label_chosen(m, font, lang, min_gap, left, right, out))
        return false;
    return rq->elapsed || rq->rows_only || !two_tier(out->unit) ||
           make_tier(rq, scale, m, font, out);
}

bool tl_ticks_generate(const tl_scale *scale, const tl_text_measurer *measurer, const tl_font *font,
                       double min_gap, double left, double right, const tl_ticks_request *rq,
                       tl_ticks *out)
{
    static const tl_ticks_request automatic = {.fiscal_start = 1};
    if (!rq)
        rq = &automatic;
    if (rq->numeric) {
        memset(out, 0, sizeof *out);
        if (tl_ticks_generate_number(scale, measurer, font, min_gap, left, right, rq, out))
            return true;
        tl_ticks_free(out);
        return false;
    }
    if (scale->log) {
        memset(out, 0, sizeof *out);
        if (tl_ticks_generate_log(scale, measurer, font, min_gap, left, right, rq, out))
            return true;
        tl_ticks_free(out);
        return false;
    }
    if (rq->fixed) {
        memset(out, 0, sizeof *out);
        if (generate_chosen(scale, measurer, font, min_gap, left, right, rq, out))
            return true;
        tl_ticks_free(out);
        return false;
    }
    static const step ladder[] = {
        {TL_TICK_SECOND, 1}, {TL_TICK_SECOND, 5}, {TL_TICK_SECOND, 15}, {TL_TICK_SECOND, 30},
        {TL_TICK_MINUTE, 1}, {TL_TICK_MINUTE, 5}, {TL_TICK_MINUTE, 15}, {TL_TICK_MINUTE, 30},
        {TL_TICK_HOUR, 1},   {TL_TICK_HOUR, 3},   {TL_TICK_HOUR, 6},    {TL_TICK_HOUR, 12},
        {TL_TICK_DAY, 1},    {TL_TICK_WEEK, 1},   {TL_TICK_MONTH, 1},   {TL_TICK_MONTH, 3},
        {TL_TICK_MONTH, 6},  {TL_TICK_YEAR, 1},   {TL_TICK_YEAR, 2},    {TL_TICK_YEAR, 5},
        {TL_TICK_YEAR, 10},  {TL_TICK_YEAR, 25},  {TL_TICK_YEAR, 50},   {TL_TICK_YEAR, 100},
        {TL_TICK_YEAR, 250}, {TL_TICK_YEAR, 500},
    };
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    const double span = (double)(scale->t1 - scale->t0);
    const double width = scale->x1 - scale->x0;
    /* No label is narrower than a few points; more ticks than this can never fit. */
    const size_t limit = (size_t)(fmax(0, width) / 8) + 2; /* a scale may be inverted */

    size_t nsteps = sizeof ladder / sizeof ladder[0];
    const step *steps = rq->elapsed ? tl_ticks_elapsed_ladder(rq, &nsteps) : ladder;
    for (size_t i = 0;; i++) {
        step st;
        if (i < nsteps) {
            st = steps[i];
        } else if (rq->elapsed) {
            break;
        } else {
            /* Deep time: 1000, 2500, 5000, 10000, 25000, … years. */
            static const int64_t base[] = {1000, 2500, 5000};
            size_t k = i - nsteps;
            int64_t n = base[k % 3];
            for (size_t e = 0; e < k / 3; e++)
                n *= 10;
            if (n > (int64_t)1000000000000)
                break;
            st = (step){TL_TICK_YEAR, n};
        }
        if (span / (tl_ticks_approx_seconds(st.unit) * (double)st.n) > (double)limit)
            continue;
        out->unit = st.unit;
        out->step = st.n;
        if (!collect(rq, &st, scale, limit, out, &cap))
            continue;
        bool fits;
        if (!label_and_check(rq, scale, measurer, font, min_gap, left, right, out, &fits))
            goto fail;
        if (fits) {
            if (!rq->elapsed && two_tier(out->unit) && !make_tier(rq, scale, measurer, font, out))
                goto fail;
            return true;
        }
    }
    /* Nothing fits (a very narrow axis): no ticks rather than colliding ones. */
    out->count = 0;
    return true;
fail:
    tl_ticks_free(out);
    return false;
}

bool tl_ticks_push(tl_ticks *out, size_t *cap, size_t limit, int64_t t)
{
    if (out->count >= limit)
        return false;
    out->items = tl_xgrow(out->items, cap, out->count + 1, sizeof *out->items);
    out->items[out->count++] = (tl_tick){.t = t};
    return true;
}

void tl_ticks_free(tl_ticks *ticks)
{
    free(ticks->items);
    free(ticks->spans);
    memset(ticks, 0, sizeof *ticks);
}

/* ---------------------------------------------------------------------------------------------
 * One-tier axes
 * ------------------------------------------------------------------------------------------- */

bool tl_ticks_label_one_tier(tl_tick_unit unit, const tl_tick *tk, const tl_civil *prev,
                             int64_t prev_t, const tl_ticks_request *rq, char *buf, size_t size)
{
    if (rq && rq->elapsed) {
        tl_ticks_elapsed_label(rq, unit, tk->t, buf, size);
        return false;
    }
    if (rq && rq->numeric) {
        snprintf(buf, size, "%s", tk->label);
        return false;
    }
    /* Hours and days in the wall clock of the axis's zone, as on the horizontal axes. */
    tl_tick wall = *tk;
    tl_civil prev_wall;
    if (rq && rq->zone && unit <= TL_TICK_DAY) {
        wall.t = tl_ticks_wall(rq, tk->t);
        prev_t = tl_ticks_wall(rq, prev_t);
        tl_cal_split(prev_t, &prev_wall);
        prev = prev ? &prev_wall : NULL;
        tk = &wall;
    }
    if (tl_ticks_formatted(rq, unit, tk->t, buf, size))
        return false;
    if (unit == TL_TICK_QUARTER && rq && (rq->fiscal_start > 1 || !rq->loc)) {
        /* "Q1 FY2025" (or "Q1 2020") where the year changes, "Q2" after. */
        tl_civil q;
        tl_cal_split(tk->t, &q);
        int64_t start, end;
        char year[32];
        tl_ticks_fiscal_year(rq, tk->t, &start, &end, year, sizeof year);
        if (!prev || prev_t < start)
            snprintf(buf, size, "Q%d %s", tl_ticks_quarter(rq, q.month), year);
        else
            snprintf(buf, size, "Q%d", tl_ticks_quarter(rq, q.month));
        return false;
    }
    if (rq && rq->loc)
        return tl_ticks_locale_one_tier(rq->loc, unit, tk, prev ? &prev_t : NULL, buf, size);
    tl_civil c;
    tl_cal_split(tk->t, &c);
    char year[32];
    tl_cal_format_year(c.year, year, sizeof year);
    const char *mon = tl_cal_month_abbr(c.month);
    const bool new_year = !prev || prev->year != c.year;
    const bool new_day = new_year || prev->month != c.month || prev->day != c.day;
    switch (unit) {
    case TL_TICK_SECOND:
        snprintf(buf, size, "%02d:%02d:%02d", c.hour, c.minute, c.second);
        break;
    case TL_TICK_MINUTE:
    case TL_TICK_HOUR:
        if (!prev)
            snprintf(buf, size, "%d %s %02d:%02d", c.day, mon, c.hour, c.minute);
        else if (new_day)
            snprintf(buf, size, "%d %s", c.day, mon);
        else
            snprintf(buf, size, "%02d:%02d", c.hour, c.minute);
        break;
    case TL_TICK_DAY:
    case TL_TICK_WEEK:
        if (new_year)
            snprintf(buf, size, "%d %s %s", c.day, mon, year);
        else
            snprintf(buf, size, "%d %s", c.day, mon);
        break;
    case TL_TICK_QUARTER: /* written above */
        break;
    case TL_TICK_MONTH:
        if (c.month == 1) {
            snprintf(buf, size, "%s", year);
            return true;
        }
        if (new_year)
            snprintf(buf, size, "%s %s", mon, year);
        else
            snprintf(buf, size, "%s", mon);
        break;
    case TL_TICK_YEAR:
        /* Named as tl_ticks_generate() names years, BCE and deep time ("500 BCE", "20 ka"). */
        snprintf(buf, size, "%s", tk->label);
        break;
    }
    return false;
}

int tl_ticks_roundness(tl_tick_unit unit, int64_t every, int64_t t)
{
    tl_civil c;
    tl_cal_split(t, &c);
    switch (unit) {
    case TL_TICK_SECOND:
        return c.second == 0 ? 3 : c.second == 30 ? 2 : c.second % 15 == 0;
    case TL_TICK_MINUTE:
        return c.minute == 0 ? 3 : c.minute == 30 ? 2 : c.minute % 15 == 0;
    case TL_TICK_HOUR:
        return c.hour == 0 ? 3 : c.hour == 12 ? 2 : c.hour % 6 == 0;
    case TL_TICK_DAY:
        return c.day == 1 ? 3 : c.day == 15 ? 2 : c.day % 5 == 0;
    case TL_TICK_WEEK:
        return c.day <= 7 ? 1 : 0;
    case TL_TICK_MONTH:
    case TL_TICK_QUARTER:
        return c.month == 1 ? 3 : (c.month - 1) % 6 == 0 ? 2 : (c.month - 1) % 3 == 0;
    case TL_TICK_YEAR: {
        /* As labelled: years BCE count back from 1 BCE, deep time back from 1950. Rounder is
         * more trailing zeros (1900 over 1850), then a leading 5 (1500 over 1200). */
        int64_t y = every >= BP_STEP ? BP_EPOCH - c.year : c.year <= 0 ? 1 - c.year : c.year;
        y = y < 0 ? -y : y;
        int r = 0;
        while (y && y % 10 == 0) {
            y /= 10;
            r += 2;
        }
        return r + (y % 5 == 0);
    }
    }
    return 0;
}

bool tl_ticks_nest(const tl_ticks *coarse, const tl_ticks *fine, long *on_coarse)
{
    size_t matched = 0;
    for (size_t k = 0, j = 0; k < fine->count; k++) {
        while (j < coarse->count && coarse->items[j].t < fine->items[k].t)
            j++;
        on_coarse[k] = j < coarse->count && coarse->items[j].t == fine->items[k].t ? (long)j : -1;
        matched += on_coarse[k] >= 0;
    }
    return matched == coarse->count && (fine->unit != TL_TICK_WEEK || coarse->unit == fine->unit);
}

void tl_ticks_thin(const double *pos, const int *level, size_t n, double spacing, bool *shown)
{
    double *next = tl_xmalloc((n + 1) * sizeof *next);
    int top = -1;
    for (size_t k = 0; k < n; k++) {
        shown[k] = false;
        top = level[k] > top ? level[k] : top;
    }
    for (int lv = top; lv >= 0; lv--) {
        next[n] = INFINITY;
        for (size_t k = n; k-- > 0;)
            next[k] = shown[k] ? pos[k] : next[k + 1];
        double last = -INFINITY;
        for (size_t k = 0; k < n; k++) {
            if (level[k] == lv && pos[k] - last >= spacing && next[k + 1] - pos[k] >= spacing)
                shown[k] = true;
            if (shown[k])
                last = pos[k];
        }
    }
    free(next);
}
