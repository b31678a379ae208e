/* Project plans (data/plan*.c, data/workcal.c): the grammar of the plan cells, the working
 * calendar, scheduling worked out by hand, the critical path method on a published example,
 * and the warnings and errors of bad plans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-calendar.h"
#include "data/date.h"
#include "data/load-options-private.h"
#include "data/plan.h"
#include "tap.h"

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

static tl_timeline *load(const char *csv, unsigned workdays, const char *holidays,
                         tl_error **err)
{
    tl_load_options *opts = tl_load_options_new();
    tl_load_options_set_workdays(opts, workdays);
    if (holidays) {
        tl_time days[8];
        size_t n = 0;
        char buf[256];
        snprintf(buf, sizeof buf, "%s", holidays);
        for (char *tok = strtok(buf, " "); tok && n < 8; tok = strtok(NULL, " "))
            tl_date_parse(tok, &days[n++], &(const char *){NULL});
        tl_load_options_set_holidays(opts, days, n);
    }
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "plan.csv", opts, err);
    tl_load_options_free(opts);
    return tl;
}

/* Loads a plan that must load, as one test named `what`; NULL (and a failure) when not. */
static tl_timeline *load_ok(const char *csv, unsigned workdays, const char *holidays,
                            const char *what)
{
    tl_error *err = NULL;
    tl_timeline *tl = load(csv, workdays, holidays, &err);
    tap_ok(tl != NULL, "%s%s%s", what, err ? ": " : "", err ? err->message : "");
    tl_error_free(err);
    return tl;
}

static const tl_event *by_id(const tl_timeline *tl, const char *id)
{
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++)
        if (strcmp(tl_event_get_id(tl_timeline_get_event(tl, i)), id) == 0)
            return tl_timeline_get_event(tl, i);
    return NULL;
}

/* The event's start and end as ISO days ("" for no end). */
static void dates(const tl_event *ev, char *start, char *end)
{
    tl_time t = tl_event_get_start(ev), e;
    tl_cal_format_iso(&t, start, 16);
    end[0] = '\0';
    if (tl_event_get_end(ev, &e))
        tl_cal_format_iso(&e, end, 16);
}

static void is_scheduled(const tl_timeline *tl, const char *id, const char *start,
                         const char *end)
{
    const tl_event *ev = by_id(tl, id);
    char a[16] = "", b[16] = "";
    if (ev)
        dates(ev, a, b);
    tap_is_str(a, start, "%s starts %s", id, start);
    tap_is_str(b, end, "%s ends %s", id, end[0] ? end : "(no end)");
}

static bool has_warning(const tl_timeline *tl, const char *text)
{
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++)
        if (strstr(tl_timeline_get_warning(tl, i), text))
            return true;
    return false;
}

/* ---------------------------------------------------------------------------------------------
 * Grammar
 * ------------------------------------------------------------------------------------------- */

static void test_amounts(void)
{
    static const struct {
        const char *text;
        double n;
        tl_plan_unit unit;
    } good[] = {
        {"3d", 3, TL_PLAN_DAYS},      {"2 weeks", 2, TL_PLAN_WEEKS}, {"4h", 4, TL_PLAN_HOURS},
        {"1mo", 1, TL_PLAN_MONTHS},   {"1y", 1, TL_PLAN_YEARS},      {"1.5d", 1.5, TL_PLAN_DAYS},
        {"-1w", -1, TL_PLAN_WEEKS},   {"5", 5, TL_PLAN_DAYS},        {"10 Days", 10, TL_PLAN_DAYS},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        tl_plan_amount a = {0, TL_PLAN_DAYS};
        const bool ok = tl_plan_parse_amount(good[i].text, strlen(good[i].text), &a);
        tap_ok(ok && a.n == good[i].n && a.unit == good[i].unit, "amount \"%s\"", good[i].text);
    }
    static const char *const bad[] = {"2x", "d", "", "3 d d", "1..2d", "w3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tl_plan_amount a;
        tap_ok(!tl_plan_parse_amount(bad[i], strlen(bad[i]), &a), "not an amount: \"%s\"", bad[i]);
    }
}

static void test_depends_grammar(void)
{
    tl_plan_ref refs[8];
    char why[128];
    int n = tl_plan_parse_depends("design FS+2d, build SS-1w qa", refs, 8, why, sizeof why);
    tap_is_int(n, 3, "three references");
    tap_ok(n == 3 && refs[0].id_len == 6 && !strncmp(refs[0].id, "design", 6) &&
               refs[0].type == TL_LINK_FS && refs[0].lag.n == 2 && refs[0].lag.unit == TL_PLAN_DAYS,
           "design FS+2d");
    tap_ok(n == 3 && refs[1].type == TL_LINK_SS && refs[1].lag.n == -1 &&
               refs[1].lag.unit == TL_PLAN_WEEKS && refs[1].offset == 14,
           "build SS-1w, at byte 14");
    tap_ok(n == 3 && refs[2].type == TL_LINK_FS && refs[2].lag.n == 0, "qa: finish-to-start");
    n = tl_plan_parse_depends("a ff", refs, 8, why, sizeof why);
    tap_ok(n == 1 && refs[0].type == TL_LINK_FF, "a type in lower case");
    n = tl_plan_parse_depends("a FQ+2d", refs, 8, why, sizeof why);
    tap_ok(n < 0 && strstr(why, "unknown link type \"FQ+2d\""), "a mistyped link type: %s", why);
    n = tl_plan_parse_depends("+2d a", refs, 8, why, sizeof why);
    tap_ok(n < 0 && strstr(why, "before any id"), "a lag before any id: %s", why);
    tap_is_int(tl_plan_parse_depends(" , ", refs, 8, why, sizeof why), 0, "no reference");

    n = tl_plan_parse_relative("after design build", refs, 8, why, sizeof why);
    tap_ok(n == 2 && refs[0].type == TL_LINK_FS && refs[1].type == TL_LINK_FS &&
               refs[1].offset == 13,
           "after design build: two finish-to-start references");
    n = tl_plan_parse_relative("design.end+2d", refs, 8, why, sizeof why);
    tap_ok(n == 1 && refs[0].id_len == 6 && refs[0].type == TL_LINK_FS && refs[0].lag.n == 2,
           "design.end+2d");
    n = tl_plan_parse_relative("build.start-1w", refs, 8, why, sizeof why);
    tap_ok(n == 1 && refs[0].id_len == 5 && refs[0].type == TL_LINK_SS && refs[0].lag.n == -1 &&
               refs[0].lag.unit == TL_PLAN_WEEKS,
           "build.start-1w");
    tap_is_int(tl_plan_parse_relative("2019-11-04", refs, 8, why, sizeof why), 0,
               "a date is not relative");
    tap_is_int(tl_plan_parse_relative("after", refs, 8, why, sizeof why), -1,
               "\"after\" alone is malformed");

    double p;
    tap_ok(tl_plan_parse_progress("60", &p) && p == 60, "progress 60");
    tap_ok(tl_plan_parse_progress("12.5%", &p) && p == 12.5, "progress 12.5%%");
    tap_ok(!tl_plan_parse_progress("120", &p) && !tl_plan_parse_progress("-5", &p) &&
               !tl_plan_parse_progress("half", &p),
           "progress past 100, negative or in words is refused");

    unsigned mask;
    tap_ok(tl_workdays_parse("Mon-Fri", &mask) && mask == 0x1f, "Mon-Fri");
    tap_ok(tl_workdays_parse("Sun-Thu", &mask) && mask == 0x4f, "Sun-Thu wraps over the week");
    tap_ok(tl_workdays_parse("mon, wed,Friday", &mask) && mask == 0x15, "a list of days");
    tap_ok(!tl_workdays_parse("Mon-Funday", &mask) && !tl_workdays_parse("", &mask),
           "an unknown day or none is refused");
}

/* ---------------------------------------------------------------------------------------------
 * The working calendar
 * ------------------------------------------------------------------------------------------- */

static void test_workcal(void)
{
    tl_time holiday;
    const char *why = NULL;
    tl_date_parse("2024-01-10", &holiday, &why); /* a Wednesday */
    tl_workcal cal;
    tl_workcal_init(&cal, 0x1f, &holiday, 1);
    const int64_t fri = tl_cal_make(2024, 1, 5, 0, 0, 0), mon = tl_cal_make(2024, 1, 8, 0, 0, 0);
    const int64_t sat = tl_cal_make(2024, 1, 6, 0, 0, 0);
    tap_ok(tl_workcal_is_working_day(&cal, fri / 86400) &&
               !tl_workcal_is_working_day(&cal, sat / 86400) &&
               !tl_workcal_is_working_day(&cal, holiday.lo / 86400),
           "Friday works; Saturday and the holiday do not");
    tap_is_int(tl_workcal_to_work(&cal, sat), tl_workcal_to_work(&cal, mon),
               "a weekend adds no working time");
    tap_is_int(tl_workcal_from_work(&cal, tl_workcal_to_work(&cal, sat), false), mon,
               "as a start, the end of Friday is Monday morning");
    tap_is_int(tl_workcal_from_work(&cal, tl_workcal_to_work(&cal, sat), true), sat,
               "as an end, it is Friday night");
    /* Monday 8 + 5 working days: Tue 9, (Wed 10 a holiday), Thu 11, Fri 12, Mon 15, Tue 16 end
     * on the night of Tuesday 16 = Wednesday 17 at 00:00. */
    const tl_plan_amount five = {5, TL_PLAN_DAYS};
    const int64_t w = tl_workcal_add(&cal, tl_workcal_to_work(&cal, mon), &five, 1);
    tap_is_int(tl_workcal_from_work(&cal, w, true), tl_cal_make(2024, 1, 16, 0, 0, 0),
               "5 working days from Monday 8 end on Monday 15, the holiday skipped");
    const tl_plan_amount week = {1, TL_PLAN_WEEKS};
    tap_is_int(tl_workcal_add(&cal, 0, &week, 1), 5 * 86400, "a week is five working days");
    const tl_plan_amount month = {1, TL_PLAN_MONTHS};
    const int64_t jan31 = tl_cal_make(2024, 1, 31, 0, 0, 0);
    tap_is_int(tl_workcal_from_work(&cal, tl_workcal_add(&cal, tl_workcal_to_work(&cal, jan31),
                                                         &month, 1),
                                    false),
               tl_cal_make(2024, 2, 29, 0, 0, 0), "a month from 31 January is 29 February");
    /* Far from the origin, both ways. */
    const int64_t old = tl_cal_make(1850, 3, 4, 0, 0, 0), late = tl_cal_make(2150, 3, 4, 0, 0, 0);
    tap_is_int(tl_workcal_from_work(&cal, tl_workcal_to_work(&cal, old), false), old,
               "round trip in 1850");
    tap_is_int(tl_workcal_from_work(&cal, tl_workcal_to_work(&cal, late), false), late,
               "round trip in 2150");
    tl_workcal_clear(&cal);
}

/* ---------------------------------------------------------------------------------------------
 * Scheduling, worked out by hand
 * ------------------------------------------------------------------------------------------- */

/* Every day works. A runs Monday 4 to Friday 8 March 2024 (5 days), and each other task is
 * placed by one kind of link:
 *   B after A:           the day after A's last, 9-11 (3 days)
 *   C A.end+2d:          two days after that, 11-12
 *   D A SS+1d:           a day after A starts, 5-8 (4 days)
 *   E A FF+1d:           ends a day after A ends (the 9th): 2 days back, 8-9
 *   F A SF+3d:           ends when three days from A's start have passed (before the 7th): 6
 *   G after B C E:       after the latest end, C's 12th: 13
 *   H B.start-1d:        a day before B starts, 8-9
 *   M after G:           no duration: a milestone on the 14th */
static void test_link_types(void)
{
    static const char csv[] = "id,title,start,end,duration,depends\n"
                              "a,A,2024-03-04,,5d,\n"
                              "b,B,after a,,3d,\n"
                              "c,C,a.end+2d,,2d,\n"
                              "d,D,,,4d,a SS+1d\n"
                              "e,E,,,2d,a FF+1d\n"
                              "f,F,,,1d,a SF+3d\n"
                              "g,G,after b c e,,1d,\n"
                              "h,H,b.start-1d,,2d,\n"
                              "m,M,after g,,,\n";
    tl_timeline *tl = load_ok(csv, 0, NULL, "the plan loads");
    if (!tl)
        return;
    tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "no warning");
    is_scheduled(tl, "a", "2024-03-04", "2024-03-08");
    is_scheduled(tl, "b", "2024-03-09", "2024-03-11");
    is_scheduled(tl, "c", "2024-03-11", "2024-03-12");
    is_scheduled(tl, "d", "2024-03-05", "2024-03-08");
    is_scheduled(tl, "e", "2024-03-08", "2024-03-09");
    is_scheduled(tl, "f", "2024-03-06", "2024-03-06");
    is_scheduled(tl, "g", "2024-03-13", "2024-03-13");
    is_scheduled(tl, "h", "2024-03-08", "2024-03-09");
    is_scheduled(tl, "m", "2024-03-14", "");
    tap_is_int(tl_event_get_type(by_id(tl, "m")), TL_EVENT_POINT, "M is a milestone");
    /* b, c, e into g; a into b, c, d, e, f; b into h; g into m. */
    tap_is_int((long long)tl_timeline_get_dependency_count(tl), 10, "ten dependencies");
    size_t from, to;
    const char *type;
    bool violated, any_violated = false, found_ff = false;
    for (size_t k = 0; tl_timeline_get_dependency(tl, k, &from, &to, &type, &violated); k++) {
        any_violated |= violated;
        found_ff |= !strcmp(type, "FF") &&
                    tl_timeline_get_event(tl, to) == by_id(tl, "e") &&
                    tl_timeline_get_event(tl, from) == by_id(tl, "a");
    }
    tap_ok(!any_violated && found_ff, "none violated; A to E finish-to-finish, by index");
    tap_ok(!tl_timeline_get_dependency(tl, 10, NULL, NULL, NULL, NULL), "none past the end");
    tl_timeline_free(tl);
}

/* Monday to Friday, and Good Friday 29 March 2024 off:
 *   A from Monday 25, 3 days: 25-27
 *   B after A, 3 days: Thursday 28, Monday 1 April, Tuesday 2 (the holiday and weekend skipped)
 *   C A.end+1d, 1 day: the lag is Thursday 28, so Monday 1 April
 *   D from Saturday 30 March as written, 2 days: the working days Monday 1 and Tuesday 2
 *   W after B, 1w: five working days from Wednesday 3 April, to Tuesday 9
 *   X after A, 1mo: a calendar month from Thursday 28 March, to the end of 27 April, moved
 *     back to Friday 26, the working day that month ends on */
static void test_working_days(void)
{
    static const char csv[] = "id,title,start,duration,depends\n"
                              "a,A,2024-03-25,3d,\n"
                              "b,B,after a,3d,\n"
                              "c,C,a.end+1d,1d,\n"
                              "d,D,2024-03-30,2d,\n"
                              "w,W,after b,1w,\n"
                              "x,X,after a,1mo,\n";
    tl_timeline *tl = load_ok(csv, 0x1f, "2024-03-29", "the plan loads");
    if (!tl)
        return;
    is_scheduled(tl, "a", "2024-03-25", "2024-03-27");
    is_scheduled(tl, "b", "2024-03-28", "2024-04-02");
    is_scheduled(tl, "c", "2024-04-01", "2024-04-01");
    is_scheduled(tl, "d", "2024-03-30", "2024-04-02");
    is_scheduled(tl, "w", "2024-04-03", "2024-04-09");
    is_scheduled(tl, "x", "2024-03-28", "2024-04-26");
    tl_timeline_free(tl);
}

/* ---------------------------------------------------------------------------------------------
 * The critical path method
 * ------------------------------------------------------------------------------------------- */

/* The Reliable Construction Co. project of Hillier and Lieberman, "Introduction to Operations
 * Research" (chapter "Project Management with PERT/CPM"): 14 activities in weeks, a project of
 * 44 weeks, the critical path A B C E F J L N, and total slack D 4, G 4, H 4, I 2, K 1, M 4
 * (weeks), 0 for the others. Every day works here, so a week is 7 days of slack. */
static void test_critical_path(void)
{
    static const char csv[] = "id,title,start,duration,depends\n"
                              "A,Excavate,2024-01-01,2w,\n"
                              "B,Lay the foundation,,4w,A\n"
                              "C,Put up the rough wall,,10w,B\n"
                              "D,Put up the roof,,6w,C\n"
                              "E,Install the exterior plumbing,,4w,C\n"
                              "F,Install the interior plumbing,,5w,E\n"
                              "G,Put up the exterior siding,,7w,D\n"
                              "H,Do the exterior painting,,9w,E G\n"
                              "I,Do the electrical work,,7w,C\n"
                              "J,Put up the wallboard,,8w,F I\n"
                              "K,Install the flooring,,4w,J\n"
                              "L,Do the interior painting,,5w,J\n"
                              "M,Install the exterior fixtures,,2w,H\n"
                              "N,Install the interior fixtures,,6w,K L\n";
    static const struct {
        const char *id;
        int slack_weeks;
    } want[] = {{"A", 0}, {"B", 0}, {"C", 0}, {"D", 4}, {"E", 0}, {"F", 0}, {"G", 4},
                {"H", 4}, {"I", 2}, {"J", 0}, {"K", 1}, {"L", 0}, {"M", 4}, {"N", 0}};
    tl_timeline *tl = load_ok(csv, 0, NULL, "the network loads");
    if (!tl)
        return;
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        double slack = -1;
        bool critical = false;
        const bool has = tl_event_get_slack(by_id(tl, want[k].id), &slack, &critical);
        tap_ok(has && slack == want[k].slack_weeks * 7 && critical == (want[k].slack_weeks == 0),
               "%s: slack %d weeks%s (got %g days)", want[k].id, want[k].slack_weeks,
               want[k].slack_weeks ? "" : ", critical", slack);
    }
    /* 44 weeks from Monday 1 January 2024: N ends on Sunday 3 November. */
    is_scheduled(tl, "N", "2024-09-23", "2024-11-03");
    tl_timeline_free(tl);
}

/* ---------------------------------------------------------------------------------------------
 * Bad plans
 * ------------------------------------------------------------------------------------------- */

static void test_cycle(void)
{
    static const char csv[] = "id,title,start,duration,depends\n"
                              "design,Design,2024-01-08,5d,test\n"
                              "build,Build,after design,2w,\n"
                              "test,Test,after build,3d,\n"
                              "docs,Docs,after design,1w,\n";
    tl_error *err = NULL;
    tl_timeline *tl = load(csv, 0, NULL, &err);
    tap_ok(tl == NULL && err && err->code == TL_ERROR_DATA, "a cycle fails the load (65)");
    const char *msg = err ? err->message : "";
    tap_ok(strstr(msg, "plan.csv:") == msg && strstr(msg, "dependency cycle: ") &&
               strstr(msg, "design (line 2)") && strstr(msg, "build (line 3)") &&
               strstr(msg, "test (line 4)") && !strstr(msg, "docs"),
           "the message names the cycle's rows and lines: %s", msg);
    tl_error_free(err);
    tl_timeline_free(tl);
}

static void test_bad_references(void)
{
    static const char csv[] = "id,title,start,duration,depends\n"
                              "design,Design,2024-01-08,5d,\n"
                              "build,Build,after desing,2w,\n"
                              "test,Test,2024-01-20,3d,\"design, qa\"\n"
                              "design,Design again,2024-02-01,2d,\n"
                              "docs,Docs,after build,1w,\n"
                              "late,Late,2024-01-09,1d,design\n"
                              "self,Self,2024-01-09,1d,self\n";
    tl_timeline *tl = load_ok(csv, 0, NULL, "unknown ids are warnings, not errors");
    if (!tl)
        return;
    tap_ok(has_warning(tl, "plan.csv:3:13: unknown id \"desing\" in start; row left out"),
           "an unknown id in a start: its position, and the row left out");
    tap_ok(has_warning(tl, "plan.csv:4:25: unknown id \"qa\" in depends; no arrow drawn"),
           "an unknown id in depends: its position, the arrow dropped");
    tap_ok(has_warning(tl, "plan.csv:5: duplicate id \"design\" (first on line 2, which keeps it)"),
           "a duplicate id names both lines");
    tap_ok(has_warning(tl, "start of \"Docs\" follows \"Build\", which was left out"),
           "a row after a row left out is left out too");
    tap_ok(has_warning(tl, "plan.csv:7:25: \"Late\" starts 2024-01-09, but it follows \"Design\", "
                           "which ends 2024-01-12: the dependency is violated"),
           "a violated dependency is reported at its reference");
    tap_ok(has_warning(tl, "plan.csv:8:25: \"self\" in depends is the row itself; no arrow drawn"),
           "a row naming itself");
    tap_ok(!by_id(tl, "build") && !by_id(tl, "docs") && by_id(tl, "test") && by_id(tl, "late"),
           "the rows left out are not in the timeline; the others are");
    size_t from, to;
    bool violated = false;
    const char *type;
    for (size_t k = 0; tl_timeline_get_dependency(tl, k, &from, &to, &type, &violated); k++)
        if (tl_timeline_get_event(tl, to) == by_id(tl, "late"))
            break;
    tap_ok(violated, "the violated dependency is marked so");
    /* The duplicate's references go to the first row. */
    tap_is_int((long long)tl_timeline_get_dependency_count(tl), 2,
               "two dependencies: design to test and design to late");
    tl_timeline_free(tl);
}

int main(void)
{
    test_amounts();
    test_depends_grammar();
    test_workcal();
    test_link_types();
    test_working_days();
    test_critical_path();
    test_cycle();
    test_bad_references();
    return tap_done();
}
