/* Ticks: calendar boundaries for every unit, BCE labels, densest non-colliding step. */
#include <stdio.h>
#include <string.h>

#include "data/date.h"
#include "fonts/measure-fixed.h"
#include "common/tl-calendar.h"
#include "layouts/ticks-chosen.h"
#include "layouts/ticks.h"
#include "tap.h"

static const tl_font FONT = {.size = 8.5, .weight = 400};

static bool gen(int64_t t0, int64_t t1, double width, tl_ticks *out)
{
    tl_scale s;
    tl_scale_init(&s, t0, t1, 0, 0, width);
    tl_text_measurer m = tl_measure_fixed();
    return tl_ticks_generate(&s, &m, &FONT, 10, -1e9, 1e9, NULL, out);
}

static int64_t ymd(int64_t y, int m, int d)
{
    return tl_cal_make(y, m, d, 0, 0, 0);
}

/* No two labels closer than the gap; all inside the scale. */
static bool no_collisions(const tl_ticks *t)
{
    for (size_t i = 1; i < t->count; i++) {
        const tl_tick *a = &t->items[i - 1], *b = &t->items[i];
        if (a->x + a->extents.width / 2 + 10 > b->x - b->extents.width / 2 + 1e-9)
            return false;
        if (a->t >= b->t)
            return false;
    }
    return true;
}

static void test_months(void)
{
    tl_ticks t;
    tap_ok(gen(ymd(2019, 10, 20), ymd(2020, 11, 10), 800, &t), "month range generates");
    tap_is_int(t.unit, TL_TICK_MONTH, "a year at 800 pt ticks months");
    tap_is_int(t.step, 1, "every month");
    bool on_first = true;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        on_first = on_first && c.day == 1 && c.hour == 0 && c.minute == 0 && c.second == 0;
    }
    tap_ok(on_first, "month ticks fall on the 1st at midnight");
    tap_is_str(t.items[0].label, "Nov", "month ticks are month names");
    tap_is_str(t.items[2].label, "Jan", "January too");
    tap_ok(t.span_count == 2 && strcmp(t.spans[0].label, "2019") == 0 &&
               strcmp(t.spans[1].label, "2020") == 0,
           "a second tier names the years (%zu spans)", t.span_count);
    tap_ok(t.span_count == 2 && t.spans[0].x1 == t.spans[1].x0 && t.spans[1].t0 == ymd(2020, 1, 1),
           "the tiers meet at 1 January 2020");
    tap_ok(no_collisions(&t), "month labels do not collide");
    tl_ticks_free(&t);

    /* Narrow: quarters or half years, still on boundaries. */
    tap_ok(gen(ymd(2019, 1, 1), ymd(2021, 12, 31), 300, &t), "narrow range generates");
    tap_ok((t.unit == TL_TICK_MONTH && (t.step == 3 || t.step == 6)) || t.unit == TL_TICK_YEAR,
           "narrow three years use quarters, halves or years (unit %d step %lld)", t.unit,
           (long long)t.step);
    bool aligned = true;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        aligned =
            aligned && c.day == 1 && (c.month - 1) % (t.unit == TL_TICK_MONTH ? t.step : 12) == 0;
    }
    tap_ok(aligned, "coarse month ticks start quarters/halves in January's phase");
    tap_ok(no_collisions(&t), "no collisions at 300 pt");
    tl_ticks_free(&t);
}

static void test_leap_and_days(void)
{
    tl_ticks t;
    tap_ok(gen(ymd(2020, 2, 26), ymd(2020, 3, 3), 250, &t), "days around a leap day");
    tap_is_int(t.unit, TL_TICK_DAY, "a week at 250 pt ticks days");
    bool has_29 = false;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        has_29 = has_29 || (strcmp(t.items[i].label, "29") == 0 && c.month == 2);
    }
    tap_ok(has_29, "29 Feb 2020 is a tick");
    tap_ok(t.span_count == 2 && strcmp(t.spans[0].label, "Feb 2020") == 0 &&
               strcmp(t.spans[1].label, "Mar 2020") == 0,
           "the second tier names the months");
    tap_ok(no_collisions(&t), "day labels do not collide");
    tl_ticks_free(&t);

    tap_ok(gen(ymd(2021, 2, 26), ymd(2021, 3, 3), 250, &t), "days around 2021's February");
    bool no_29 = true;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        no_29 = no_29 && !(c.month == 2 && c.day == 29);
    }
    tap_ok(no_29, "no 29 Feb in 2021");
    tl_ticks_free(&t);
}

static void test_weeks(void)
{
    tl_ticks t;
    tap_ok(gen(ymd(2024, 1, 3), ymd(2024, 3, 20), 600, &t), "eleven weeks at 600 pt");
    tap_is_int(t.unit, TL_TICK_WEEK, "weekly ticks");
    bool mondays = true;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        mondays = mondays && c.weekday == 1;
    }
    tap_ok(mondays, "week ticks fall on Mondays");
    tl_ticks_free(&t);
}

static void test_hours_minutes_seconds(void)
{
    tl_ticks t;
    int64_t base = tl_cal_make(2020, 10, 7, 9, 0, 0);
    tap_ok(gen(base, base + 6 * 3600, 800, &t), "six hours");
    tap_ok(t.unit == TL_TICK_MINUTE || t.unit == TL_TICK_HOUR, "hours or minutes");
    tap_is_str(t.items[0].label, t.unit == TL_TICK_HOUR ? "09:00" : "09:00",
               "first label is a time");
    tl_ticks_free(&t);

    tap_ok(gen(base, base + 90, 800, &t), "ninety seconds");
    tap_is_int(t.unit, TL_TICK_SECOND, "second ticks");
    bool fmt = strlen(t.items[0].label) == 8 && t.items[0].label[2] == ':';
    tap_ok(fmt, "second labels are HH:MM:SS (%s)", t.items[0].label);
    tap_ok(no_collisions(&t), "second labels do not collide");
    tl_ticks_free(&t);
}

static void test_years_and_bce(void)
{
    tl_ticks t;
    tap_ok(gen(ymd(1000, 1, 1), ymd(2000, 1, 1), 800, &t), "a millennium");
    tap_is_int(t.unit, TL_TICK_YEAR, "year ticks");
    tap_ok(t.step >= 50 && t.step <= 100, "step of 50 or 100 years (%lld)", (long long)t.step);
    bool round = true;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        round = round && c.year % t.step == 0 && c.month == 1 && c.day == 1;
    }
    tap_ok(round, "year ticks on multiples of the step, on 1 January");
    tl_ticks_free(&t);

    /* 800 BCE .. 300 CE: astronomical -799 .. 300. */
    tap_ok(gen(ymd(-799, 1, 1), ymd(300, 1, 1), 800, &t), "across the BCE/CE boundary");
    bool bce_round = true, no_zero = true, has_bce = false;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        if (c.year <= 0) {
            has_bce = true;
            bce_round = bce_round && (1 - c.year) % t.step == 0;
        }
        no_zero =
            no_zero && strcmp(t.items[i].label, "0") != 0 && strcmp(t.items[i].label, "0 BCE") != 0;
    }
    tap_ok(has_bce, "BCE ticks present");
    tap_ok(bce_round, "BCE ticks are round BCE years (step %lld)", (long long)t.step);
    tap_ok(no_zero, "no year zero label");
    tap_is_str(t.items[0].label + strlen(t.items[0].label) - 3, "BCE", "BCE suffix");
    tl_ticks_free(&t);

    char buf[32];
    tl_cal_format_year(-499, buf, sizeof buf);
    tap_is_str(buf, "500 BCE", "astronomical -499 is 500 BCE");
    tl_cal_format_year(0, buf, sizeof buf);
    tap_is_str(buf, "1 BCE", "astronomical 0 is 1 BCE");
    tl_cal_format_year(43, buf, sizeof buf);
    tap_is_str(buf, "43", "43 CE stays 43, never 1943");

    /* Deep time: 100,000 years. */
    tap_ok(gen(ymd(-99999, 1, 1), ymd(2000, 1, 1), 800, &t), "a hundred thousand years");
    tap_ok(t.count >= 2 && t.step >= 5000, "deep time steps in thousands (%lld, %zu ticks)",
           (long long)t.step, t.count);
    tap_ok(no_collisions(&t), "deep time labels do not collide");
    bool ka = t.count > 0 && strstr(t.items[0].label, " ka") != NULL;
    tap_ok(ka, "deep time reads in ka before present (%s)", t.count ? t.items[0].label : "");
    bool bp_round = true;
    for (size_t i = 0; i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        bp_round = bp_round && (1950 - c.year) % t.step == 0;
    }
    tap_ok(bp_round, "deep time ticks are round numbers of years before 1950");
    tl_ticks_free(&t);

    /* Millions of years. */
    tap_ok(gen(ymd(-66000000, 1, 1), ymd(2000, 1, 1), 800, &t), "since the dinosaurs");
    bool ma = t.count > 1;
    for (size_t i = 0; i < t.count; i++)
        ma = ma && (strstr(t.items[i].label, " Ma") || strcmp(t.items[i].label, "present") == 0);
    tap_ok(ma, "millions of years read in Ma (%s ...)", t.count ? t.items[0].label : "");
    tap_ok(no_collisions(&t), "Ma labels do not collide");
    tl_ticks_free(&t);
}

static void test_density(void)
{
    /* Wider canvases never get coarser ticks. */
    int64_t t0 = ymd(2019, 11, 1), t1 = ymd(2020, 10, 31);
    size_t prev = 0;
    bool monotone = true;
    for (double w = 200; w <= 3000; w += 200) {
        tl_ticks t;
        gen(t0, t1, w, &t);
        monotone = monotone && t.count + 1 >= prev;
        prev = t.count;
        if (!no_collisions(&t))
            monotone = false;
        tl_ticks_free(&t);
    }
    tap_ok(monotone, "tick count grows with width and labels never collide (200..3000 pt)");

    tl_ticks t;
    gen(t0, t1, 40, &t);
    tap_ok(no_collisions(&t), "a 40 pt axis has at most non-colliding ticks (%zu)", t.count);
    tl_ticks_free(&t);
}

/* A vertical line has no second tier: its labels name the larger unit where it changes. */
static const char *one_tier(tl_tick_unit unit, int64_t t, const int64_t *prev_t, bool *year)
{
    static char buf[64];
    tl_tick tk = {.t = t};
    tl_civil prev;
    if (prev_t)
        tl_cal_split(*prev_t, &prev);
    *year = tl_ticks_label_one_tier(unit, &tk, prev_t ? &prev : NULL, prev_t ? *prev_t : 0, NULL,
                                    buf, sizeof buf);
    return buf;
}

static void test_one_tier(void)
{
    bool year;
    const int64_t nov = ymd(2019, 11, 1), dec = ymd(2019, 12, 1), jan = ymd(2020, 1, 1);
    tap_is_str(one_tier(TL_TICK_MONTH, nov, NULL, &year), "Nov 2019", "first month names year");
    tap_ok(!year, "a month is not a year label");
    tap_is_str(one_tier(TL_TICK_MONTH, dec, &nov, &year), "Dec", "same year: the month alone");
    tap_is_str(one_tier(TL_TICK_MONTH, jan, &dec, &year), "2020", "January is its year");
    tap_ok(year, "and says so, to be set apart");
    tap_is_str(one_tier(TL_TICK_MONTH, ymd(2021, 3, 1), &jan, &year), "Mar 2021",
               "a month in a new year names it");
    tap_is_str(one_tier(TL_TICK_DAY, ymd(2020, 3, 7), NULL, &year), "7 Mar 2020",
               "first day names month and year");
    const int64_t d7 = ymd(2020, 3, 7);
    tap_is_str(one_tier(TL_TICK_DAY, ymd(2020, 3, 8), &d7, &year), "8 Mar", "then day and month");
    const int64_t h9 = tl_cal_make(2020, 10, 7, 9, 0, 0), h12 = tl_cal_make(2020, 10, 7, 12, 0, 0);
    tap_is_str(one_tier(TL_TICK_HOUR, h9, NULL, &year), "7 Oct 09:00", "first hour names its day");
    tap_is_str(one_tier(TL_TICK_HOUR, h12, &h9, &year), "12:00", "same day: the time alone");
    const int64_t next = tl_cal_make(2020, 10, 8, 0, 0, 0);
    tap_is_str(one_tier(TL_TICK_HOUR, next, &h12, &year), "8 Oct", "a new day names the day");
    tl_tick y = {.t = ymd(-499, 1, 1), .label = "500 BCE"};
    char buf[64];
    tap_ok(!tl_ticks_label_one_tier(TL_TICK_YEAR, &y, NULL, 0, NULL, buf, sizeof buf) &&
               strcmp(buf, "500 BCE") == 0,
           "years keep the engine's label (%s)", buf);

    tap_ok(tl_ticks_roundness(TL_TICK_MONTH, 1, jan) > tl_ticks_roundness(TL_TICK_MONTH, 1, nov),
           "January is rounder than November");
    tap_ok(tl_ticks_roundness(TL_TICK_YEAR, 50, ymd(1900, 1, 1)) >
                   tl_ticks_roundness(TL_TICK_YEAR, 50, ymd(1850, 1, 1)) &&
               tl_ticks_roundness(TL_TICK_YEAR, 100, ymd(1500, 1, 1)) >
                   tl_ticks_roundness(TL_TICK_YEAR, 100, ymd(1200, 1, 1)),
           "1900 over 1850, 1500 over 1200");
    tap_ok(tl_ticks_roundness(TL_TICK_YEAR, 100, ymd(-999, 1, 1)) ==
               tl_ticks_roundness(TL_TICK_YEAR, 100, ymd(1000, 1, 1)),
           "1000 BCE is as round as 1000");
    tap_ok(tl_ticks_roundness(TL_TICK_YEAR, 10000, ymd(-18050, 1, 1)) >
               tl_ticks_roundness(TL_TICK_YEAR, 10000, ymd(-18000, 1, 1)),
           "deep time is round before present: 20 ka over 19.95 ka");

    /* Months nest in years; weeks do not nest in months. */
    tl_ticks years, months, weeks;
    gen(ymd(2015, 1, 1), ymd(2020, 12, 31), 300, &years);
    gen(ymd(2015, 1, 1), ymd(2020, 12, 31), 4000, &months);
    long on[512];
    tap_ok(years.unit == TL_TICK_YEAR && months.unit == TL_TICK_MONTH && months.count < 512,
           "years at 300 pt, months at 4000 pt");
    tap_ok(months.count < 512 && tl_ticks_nest(&years, &months, on), "months nest in years");
    bool marks = months.count < 512;
    for (size_t k = 0; marks && k < months.count; k++) {
        tl_civil c;
        tl_cal_split(months.items[k].t, &c);
        marks = (on[k] >= 0) == (c.month == 1 && (years.step == 1 || c.year % years.step == 0));
    }
    tap_ok(marks, "each January on a year tick points at it");
    gen(ymd(2024, 1, 3), ymd(2024, 3, 20), 600, &weeks);
    tl_ticks firsts;
    gen(ymd(2024, 1, 3), ymd(2024, 3, 20), 120, &firsts);
    tap_ok(weeks.count < 512 && firsts.unit == TL_TICK_MONTH && !tl_ticks_nest(&firsts, &weeks, on),
           "weeks do not nest in months");
    tl_ticks_free(&years);
    tl_ticks_free(&months);
    tl_ticks_free(&weeks);
    tl_ticks_free(&firsts);
}

/* Which ticks keep their labels when not all can: the roundest first, then fill-ins. */
static void test_thin(void)
{
    /* Five ticks 10 apart; labels need 20. */
    const double pos[] = {0, 10, 20, 30, 40};
    bool shown[5];
    const int flat[] = {0, 0, 0, 0, 0};
    tl_ticks_thin(pos, flat, 5, 20, shown);
    tap_ok(shown[0] && !shown[1] && shown[2] && !shown[3] && shown[4],
           "one level: every other label, from the start");
    const int round[] = {0, 1, 0, 1, 0};
    tl_ticks_thin(pos, round, 5, 20, shown);
    tap_ok(!shown[0] && shown[1] && !shown[2] && shown[3] && !shown[4],
           "the rounder ticks win, and the others keep clear of them");
    const int blocked[] = {-1, -1, 2, -1, -1};
    tl_ticks_thin(pos, blocked, 5, 1, shown);
    tap_ok(!shown[0] && !shown[1] && shown[2] && !shown[3] && !shown[4],
           "a tick of level below 0 keeps no label");
    const int mixed[] = {3, 0, 0, 0, 3};
    tl_ticks_thin(pos, mixed, 5, 15, shown);
    tap_ok(shown[0] && !shown[1] && shown[2] && !shown[3] && shown[4],
           "fill-ins go where the rounder labels leave room");
}

static bool gen_chosen(int64_t t0, int64_t t1, double width, const tl_ticks_request *rq,
                       tl_ticks *out)
{
    tl_scale s;
    tl_scale_init(&s, t0, t1, 0, 0, width);
    tl_text_measurer m = tl_measure_fixed();
    return tl_ticks_generate(&s, &m, &FONT, 10, -1e9, 1e9, rq, out);
}

/* --ticks quarter, with calendar and fiscal years. */
static void test_quarters(void)
{
    tl_ticks t;
    tl_ticks_request rq = {.fixed = true, .unit = TL_TICK_QUARTER, .every = 1, .fiscal_start = 1};
    gen_chosen(ymd(2019, 12, 1), ymd(2021, 2, 1), 2000, &rq, &t);
    const char *want[] = {"Q1", "Q2", "Q3", "Q4", "Q1"};
    bool ok = t.count == 5 && t.unit == TL_TICK_QUARTER && !t.thinned;
    for (size_t i = 0; ok && i < t.count; i++) {
        tl_civil c;
        tl_cal_split(t.items[i].t, &c);
        ok = strcmp(t.items[i].label, want[i]) == 0 && c.day == 1 && (c.month - 1) % 3 == 0;
    }
    tap_ok(ok, "calendar quarters: Q1-Q4 on 1 Jan, Apr, Jul, Oct (%zu ticks)", t.count);
    tap_ok(t.span_count == 3 && strcmp(t.spans[1].label, "2020") == 0 &&
               t.spans[1].t0 == ymd(2020, 1, 1) && t.spans[1].t1 == ymd(2021, 1, 1),
           "... under their calendar years");
    tl_ticks_free(&t);

    /* A fiscal year from April: FY2025 runs from April 2024 to March 2025. */
    rq.fiscal_start = 4;
    gen_chosen(ymd(2024, 2, 1), ymd(2025, 5, 1), 2000, &rq, &t);
    const char *fq[] = {"Q1", "Q2", "Q3", "Q4", "Q1"};
    ok = t.count == 5;
    for (size_t i = 0; ok && i < t.count; i++)
        ok = strcmp(t.items[i].label, fq[i]) == 0;
    tap_ok(ok && t.items[0].t == ymd(2024, 4, 1) && t.items[3].t == ymd(2025, 1, 1),
           "fiscal quarters from April: Q1 on 1 Apr 2024, Q4 on 1 Jan 2025");
    bool named = false;
    for (size_t i = 0; i < t.span_count; i++)
        named = named || (strcmp(t.spans[i].label, "FY2025") == 0 &&
                          t.spans[i].t0 == ymd(2024, 4, 1) && t.spans[i].t1 == ymd(2025, 4, 1));
    tap_ok(named, "... under FY2025, named by the year it ends in");
    tl_ticks_free(&t);
    rq.fiscal_by_start = true;
    gen_chosen(ymd(2024, 2, 1), ymd(2025, 5, 1), 2000, &rq, &t);
    named = false;
    for (size_t i = 0; i < t.span_count; i++)
        named =
            named || (strcmp(t.spans[i].label, "FY2024") == 0 && t.spans[i].t0 == ymd(2024, 4, 1));
    tap_ok(named, "... or FY2024, named by the year it starts in");
    tl_ticks_free(&t);
}

/* --ticks week: ISO weeks, week 53 and the week-years at the turn of the year. */
static void test_iso_weeks(void)
{
    static const struct {
        int64_t y;
        int m, d;
        int week;
        int64_t week_year;
    } cases[] = {
        {2020, 12, 28, 53, 2020}, {2021, 1, 3, 53, 2020},  {2021, 1, 4, 1, 2021},
        {2026, 12, 28, 53, 2026}, {2027, 1, 1, 53, 2026},  {2022, 1, 1, 52, 2021},
        {2019, 12, 30, 1, 2020},  {2024, 12, 30, 1, 2025},
    };
    bool ok = true;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int64_t year;
        const int week = tl_ticks_iso_week(ymd(cases[i].y, cases[i].m, cases[i].d), &year);
        if (week != cases[i].week || year != cases[i].week_year) {
            tap_diag("%lld-%02d-%02d: W%d of %lld, want W%d of %lld", (long long)cases[i].y,
                     cases[i].m, cases[i].d, week, (long long)year, cases[i].week,
                     (long long)cases[i].week_year);
            ok = false;
        }
    }
    tap_ok(ok, "ISO weeks: W53 in 2020 and 2026, 1 January in week 52 or 53 of the year before");
    /* Weeks from Sunday, week 1 holding 1 January (Thursday 1 January 2026). */
    const tl_ticks_request sunday = {.week_start = 6, .fiscal_start = 1};
    int64_t y1, y2, y3;
    const int w1 = tl_ticks_week(&sunday, ymd(2025, 12, 28), &y1);
    const int w2 = tl_ticks_week(&sunday, ymd(2026, 1, 3), &y2);
    const int w3 = tl_ticks_week(&sunday, ymd(2026, 1, 4), &y3);
    tap_ok(w1 == 1 && y1 == 2026 && w2 == 1 && y2 == 2026 && w3 == 2 && y3 == 2026,
           "Sunday weeks: 28 Dec 2025 to 3 Jan 2026 is week 1 of 2026, 4 Jan week 2 (%d %d %d)", w1,
           w2, w3);
    tl_ticks t;
    const tl_ticks_request rq = {
        .fixed = true, .unit = TL_TICK_WEEK, .every = 1, .fiscal_start = 1};
    gen_chosen(ymd(2020, 12, 14), ymd(2021, 1, 20), 3000, &rq, &t);
    bool w53 = false, mondays = t.count > 0;
    for (size_t i = 0; i < t.count; i++) {
        w53 = w53 || (strcmp(t.items[i].label, "W53") == 0 && t.items[i].t == ymd(2020, 12, 28));
        mondays = mondays && ((t.items[i].t / 86400) % 7 + 7) % 7 == 4; /* 1970-01-05: Monday */
    }
    tap_ok(w53 && mondays, "week ticks on Mondays, W53 on 28 Dec 2020");
    tap_ok(t.span_count == 2 && strcmp(t.spans[0].label, "2020") == 0 &&
               t.spans[1].t0 == ymd(2021, 1, 4),
           "... under their ISO week-years, 2021 from 4 Jan");
    tl_ticks_free(&t);
}

/* A chosen step too dense for its labels keeps every tick and thins the labels. */
static void test_chosen_thinned(void)
{
    tl_ticks t;
    const tl_ticks_request rq = {.fixed = true, .unit = TL_TICK_DAY, .every = 1, .fiscal_start = 1};
    gen_chosen(ymd(2020, 1, 1), ymd(2020, 12, 31), 800, &rq, &t);
    size_t labelled = 0;
    double last = -1e9;
    bool apart = true;
    for (size_t i = 0; i < t.count; i++) {
        if (!t.items[i].label[0])
            continue;
        labelled++;
        apart = apart && t.items[i].x - t.items[i].extents.width / 2 >= last + 10 - 1e-9;
        last = t.items[i].x + t.items[i].extents.width / 2;
    }
    tap_ok(t.count == 366 && t.thinned && labelled > 10 && labelled < 366 && apart,
           "366 daily ticks at 800 pt: all kept, %zu labelled, none closer than the gap", labelled);
    tl_ticks_free(&t);
    /* Closer than 2 pt they would be a grey smear: none, and the warning. */
    gen_chosen(ymd(2020, 1, 1), ymd(2020, 12, 31), 400, &rq, &t);
    tap_ok(t.count == 0 && t.thinned, "366 daily ticks at 400 pt: none drawn, said so");
    tl_ticks_free(&t);
}

int main(void)
{
    test_quarters();
    test_iso_weeks();
    test_chosen_thinned();
    test_months();
    test_leap_and_days();
    test_weeks();
    test_hours_minutes_seconds();
    test_years_and_bce();
    test_density();
    test_one_tier();
    test_thin();
    return tap_done();
}
