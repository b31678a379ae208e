/* Markwhen's date ranges resolved (markwhen-date.h): the sides read by markwhen-date.c turned
 * into a span and the cells the columns reader takes. Relative dates are worked out here, in
 * calendar time, as Markwhen defines them: "after !a 3 days" starts when a ends and lasts three
 * days; "3 days" alone follows the event above; an end "2 weeks" counts from the start. */
#include "data/markwhen-date.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "common/tl-calendar.h"

enum { DAY = TL_SECONDS_PER_DAY };

/* Dates past a billion years either way are refused by the grammar too. */
#define LIMIT (INT64_C(31556952) * INT64_C(1000000000))

static int64_t next_time_of_day(const tl_mw_env *env, int64_t t, int seconds)
{
    const int64_t local = t + tl_date_zone_offset(env->dates.zone, t);
    int64_t at = tl_date_zone_to_utc(env->dates.zone, tl_cal_floor_div(local, DAY) * DAY + seconds);
    if (at < t)
        at = tl_date_zone_to_utc(env->dates.zone,
                                 tl_cal_floor_div(local, DAY) * DAY + DAY + seconds);
    return at;
}

/* t moved by the amounts (sign 1 forwards, -1 back): calendar months first, then days and
 * time, then working days. False when it leaves the calendar. */
static bool add_amounts(int64_t t, const int64_t *amount, int sign, int64_t *out)
{
    const int64_t months = amount[TL_MW_YEARS] * 12 + amount[TL_MW_MONTHS];
    if (months) {
        t = tl_cal_add_months(t, sign * months);
        if (t > LIMIT || t < -LIMIT)
            return false;
    }
    t += sign * ((amount[TL_MW_WEEKS] * 7 + amount[TL_MW_DAYS]) * DAY + amount[TL_MW_HOURS] * 3600 +
                 amount[TL_MW_MINUTES] * 60 + amount[TL_MW_SECONDS]);
    if (t > LIMIT || t < -LIMIT)
        return false;
    int64_t work = amount[TL_MW_WORKDAYS];
    t += sign * (work / 5) * 7 * DAY;
    for (work %= 5; work > 0;) {
        t += sign * DAY;
        tl_civil c;
        tl_cal_split(t, &c);
        work -= c.weekday <= 5;
    }
    if (t > LIMIT || t < -LIMIT)
        return false;
    *out = t;
    return true;
}

/* An instant as a cell: a date at midnight (unless times are involved: 09:00 in Tokyo is
 * midnight in UTC), else the minute (or second) in UTC. */
static void instant_text(int64_t t, bool timed, char *buf, size_t size)
{
    tl_time x = {.lo = t, .hi = t};
    x.precision = t % DAY == 0 && !timed ? TL_PRECISION_DAY
                  : t % 60 == 0          ? TL_PRECISION_MINUTE
                                         : TL_PRECISION_SECOND;
    const size_t n = tl_cal_format_iso(&x, buf, size);
    if (x.precision != TL_PRECISION_DAY && n + 1 < size)
        g_strlcat(buf, "Z", size);
}

/* The end cell of [from, to): the last day when both are midnights (the grammar's ends take
 * in their whole day), else the instant itself. */
static void end_text(int64_t from, int64_t to, bool timed, char *buf, size_t size)
{
    if (!timed && from % DAY == 0 && to % DAY == 0)
        instant_text(to - DAY, false, buf, size);
    else
        instant_text(to, timed, buf, size);
}

/* Whether a side brings a time of day into the range. */
static bool side_timed(const tl_mw_side *s)
{
    return s->kind == TL_MW_SIDE_TIME ||
           (s->kind == TL_MW_SIDE_DATE && s->t.precision > TL_PRECISION_DAY) ||
           (s->kind == TL_MW_SIDE_RELATIVE &&
            (s->amount[TL_MW_HOURS] || s->amount[TL_MW_MINUTES] || s->amount[TL_MW_SECONDS]));
}

/* A range being resolved. */
typedef struct work {
    const tl_mw_range *r;
    const tl_mw_env *env;
    const tl_mw_refs *refs;
    int64_t from, to;
    bool timed;
    char *why;
    size_t why_size, *why_at;
} work;

static bool fail(work *w, size_t at, const char *msg)
{
    *w->why_at = at;
    g_strlcpy(w->why, msg, w->why_size);
    return false;
}

/* The span an id names; false (why set) for an unknown one. */
static bool find_id(work *w, const tl_mw_side *side, tl_mw_span *sp)
{
    if (w->refs->lookup(w->refs->user, side->id, side->id_len, sp)) {
        w->timed = w->timed || sp->timed;
        return true;
    }
    *w->why_at = side->id_at;
    snprintf(w->why, w->why_size, "unknown event id \"!%.*s\" (an id names an event above)",
             (int)side->id_len, side->id);
    return false;
}

/* The instant a relative start counts from: the id's end (or start: "before", ".start"), the
 * event above's, or today. */
static bool reference(work *w, const tl_mw_side *side, int64_t *ref)
{
    tl_mw_span sp = {w->env->today, w->env->today, false};
    if (side->id && !find_id(w, side, &sp))
        return false;
    if (!side->id && w->refs->has_prior) {
        sp = w->refs->prior;
        w->timed = w->timed || sp.timed;
    }
    const int edge = side->id_edge ? side->id_edge : side->before ? 1 : 2;
    *ref = edge == 1 ? sp.from : sp.to;
    return true;
}

static bool move(work *w, const tl_mw_side *side, int64_t t, int sign, int64_t *out)
{
    return add_amounts(t, side->amount, sign, out) ||
           fail(w, side->at, "the date is outside the calendar (a billion years either way)");
}

/* The start of the range, and its end when the start alone decides it (*have_to). */
static bool resolve_start(work *w, bool *have_to)
{
    const tl_mw_side *a = &w->r->from, *b = &w->r->to;
    int64_t ref;
    *have_to = false;
    switch (a->kind) {
    case TL_MW_SIDE_DATE:
        w->from = a->t.lo;
        return true;
    case TL_MW_SIDE_NOW:
        w->from = w->env->today;
        return true;
    case TL_MW_SIDE_TIME:
        ref = w->refs->has_prior ? w->refs->prior.to : w->env->today;
        w->from = next_time_of_day(w->env, ref, a->seconds_of_day);
        return true;
    case TL_MW_SIDE_RELATIVE:
        if (!reference(w, a, &ref))
            return false;
        if (b->kind == TL_MW_SIDE_NONE) {
            /* Alone, the amount is the event's length: after its reference, or up to it. */
            *have_to = true;
            *(a->before ? &w->to : &w->from) = ref;
            return move(w, a, ref, a->before ? -1 : 1, a->before ? &w->from : &w->to);
        }
        if (a->before && b->kind == TL_MW_SIDE_RELATIVE) {
            /* "before !a 1 week - 3 days": ends a week before a starts, lasts three days. */
            *have_to = true;
            return move(w, a, ref, -1, &w->to) && move(w, b, w->to, -1, &w->from);
        }
        return move(w, a, ref, a->before ? -1 : 1, &w->from);
    case TL_MW_SIDE_NONE:
        break;
    }
    return fail(w, a->at, "no start");
}

static bool resolve_end(work *w)
{
    const tl_mw_side *a = &w->r->from, *b = &w->r->to;
    tl_mw_span sp = {w->from, w->from, false};
    switch (b->kind) {
    case TL_MW_SIDE_NONE:
        w->to = a->kind == TL_MW_SIDE_DATE  ? a->t.hi + 1
                : a->kind == TL_MW_SIDE_NOW ? w->env->today + DAY
                                            : w->from;
        return true;
    case TL_MW_SIDE_DATE:
        w->to = b->t.hi + 1;
        return true;
    case TL_MW_SIDE_NOW:
        w->to = w->env->today + DAY;
        return true;
    case TL_MW_SIDE_TIME:
        w->to = next_time_of_day(w->env, w->from, b->seconds_of_day);
        return true;
    case TL_MW_SIDE_RELATIVE:
        /* An end's amount counts from the start, or from the end of the id it names. */
        if (b->id && !find_id(w, b, &sp))
            return false;
        return move(w, b, b->id_edge == 1 ? sp.from : sp.to, b->before ? -1 : 1, &w->to);
    }
    return false;
}

/* The cells of a range that is one cell of the project's grammar. */
static bool resolve_cell(work *w, tl_mw_cells *out)
{
    const tl_mw_range *r = w->r;
    g_strlcpy(out->start, r->from.text, sizeof out->start);
    out->span.from = r->from.t.lo;
    out->span.to = (r->cell_has_end ? r->cell_end.hi : r->from.t.hi) + 1;
    out->span.timed = r->from.t.precision > TL_PRECISION_DAY;
    return !(r->cell_has_end && r->cell_end.hi < r->from.t.lo) ||
           fail(w, 0, "the range ends before it starts");
}

bool tl_mw_resolve(const tl_mw_range *r, const tl_mw_env *env, const tl_mw_refs *refs,
                   tl_mw_cells *out, char *why, size_t why_size, size_t *why_at)
{
    memset(out, 0, sizeof *out);
    *why_at = 0;
    work w = {.r = r, .env = env, .refs = refs, .why = why, .why_size = why_size, .why_at = why_at};
    const tl_mw_side *a = &r->from, *b = &r->to;
    if (r->cell)
        return resolve_cell(&w, out);
    w.timed = side_timed(a) || side_timed(b);
    bool have_to;
    if (!resolve_start(&w, &have_to) || (!have_to && !resolve_end(&w)))
        return false;
    if (w.to < w.from || (b->kind == TL_MW_SIDE_DATE && b->t.hi < w.from)) {
        char x[48], y[48];
        instant_text(w.from, w.timed, x, sizeof x);
        instant_text(w.to, w.timed, y, sizeof y);
        *why_at = b->kind != TL_MW_SIDE_NONE ? b->at : a->at;
        snprintf(why, why_size, "the range ends (%s) before it starts (%s)",
                 b->kind == TL_MW_SIDE_DATE ? b->text : y,
                 a->kind == TL_MW_SIDE_DATE ? a->text : x);
        return false;
    }
    out->span = (tl_mw_span){w.from, w.to, w.timed};
    if (a->kind == TL_MW_SIDE_DATE)
        g_strlcpy(out->start, a->text, sizeof out->start);
    else
        instant_text(w.from, w.timed, out->start, sizeof out->start);
    if (b->kind == TL_MW_SIDE_DATE)
        g_strlcpy(out->end, b->text, sizeof out->end);
    else if (b->kind == TL_MW_SIDE_NOW)
        instant_text(env->today, false, out->end, sizeof out->end);
    else if ((b->kind != TL_MW_SIDE_NONE || a->kind == TL_MW_SIDE_RELATIVE ||
              a->kind == TL_MW_SIDE_TIME) &&
             w.to > w.from)
        end_text(w.from, w.to, w.timed, out->end, sizeof out->end);
    if (a->kind == TL_MW_SIDE_RELATIVE && !a->before && a->id) {
        out->after_id = a->id;
        out->after_id_len = a->id_len;
        out->after_start = a->id_edge == 1;
    }
    return true;
}
