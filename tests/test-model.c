/* The timeline model (data/model.c): storage, stable sorting, group order, accessors, and how
 * rows become typed events with statuses (data/columns-row.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "data/date.h"
#include "data/intern.h"
#include "data/model-private.h"
#include "tap.h"
#include "test-util.h"

static tl_event make_event(int64_t lo, const char *title, const char *group)
{
    return (tl_event){
        .start = {lo, lo, TL_PRECISION_SECOND},
        .title = title,
        .group = group,
        .importance = 3,
    };
}

/* ---------------------------------------------------------------------------------------------
 * Direct model API
 * ------------------------------------------------------------------------------------------- */

static void test_sort_and_groups(void)
{
    tl_timeline *tl = tl_model_new();
    /* File order: B, A, -, B, C; chart order by start: C(5), A(10), B(10), -(20), B(30). */
    const struct {
        int64_t lo;
        const char *title;
        const char *group;
    } rows[] = {
        {30, "first", "B"},  {10, "second", "A"}, {20, "third", ""},
        {10, "fourth", "B"}, {5, "fifth", "C"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tl_event ev = make_event(rows[i].lo, rows[i].title, rows[i].group);
        ev.line = 100 + (unsigned long)i;
        const tl_event *copy = tl_model_add_event(tl, &ev);
        tap_is_int((long long)copy->order, (long long)i, "order of add %zu", i);
    }
    tl_model_finish(tl);

    const char *const want[] = {"fifth", "second", "fourth", "third", "first"};
    for (size_t i = 0; i < 5; i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        tap_is_str(tl_event_get_title(e), want[i], "chart order %zu", i);
    }
    tap_is_int((long long)tl_event_get_line(tl_timeline_get_event(tl, 1)), 101,
               "events move whole (line follows title)");

    /* Groups in order of first appearance in the file, not in chart order. */
    tap_is_int((long long)tl->group_count, 3, "three groups (\"\" is not one)");
    if (tl->group_count == 3) {
        tap_is_str(tl->groups[0], "B", "group 0 is B");
        tap_is_str(tl->groups[1], "A", "group 1 is A");
        tap_is_str(tl->groups[2], "C", "group 2 is C");
    }
    tap_is_int(tl_model_group_index(tl, "B"), 0, "index of B");
    tap_is_int(tl_model_group_index(tl, "A"), 1, "index of A");
    tap_is_int(tl_model_group_index(tl, "C"), 2, "index of C");
    tap_is_int(tl_model_group_index(tl, ""), -1, "\"\" has no index");
    tap_is_int(tl_model_group_index(tl, NULL), -1, "NULL has no index");
    tap_is_int(tl_model_group_index(tl, "Z"), -1, "unknown group has no index");
    bool indices_ok = true;
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        indices_ok = indices_ok && e->group_index == tl_model_group_index(tl, e->group);
        if (e->group_index >= 0)
            indices_ok = indices_ok && e->group == tl->groups[e->group_index];
    }
    tap_ok(indices_ok, "event group_index matches and group strings are shared");

    /* Finishing again changes nothing. */
    tl_model_finish(tl);
    bool same = tl->group_count == 3 && strcmp(tl->groups[0], "B") == 0;
    for (size_t i = 0; i < 5; i++)
        same = same && strcmp(tl_event_get_title(tl_timeline_get_event(tl, i)), want[i]) == 0;
    tap_ok(same, "finish is idempotent");
    tl_timeline_free(tl);
}

static void test_stability(void)
{
    /* Many equal keys in scrambled order: ties must keep file order. */
    const size_t n = 20000;
    tl_timeline *tl = tl_model_new();
    for (size_t i = 0; i < n; i++) {
        char title[32];
        snprintf(title, sizeof title, "e%zu", i);
        tl_event ev = make_event((int64_t)((i * 7919) % 5) - 2, title, i % 3 ? "g" : "");
        ev.line = (unsigned long)i + 2;
        tl_model_add_event(tl, &ev);
    }
    tl_model_finish(tl);
    bool ok = tl_timeline_get_event_count(tl) == n;
    for (size_t i = 1; i < n && ok; i++) {
        const tl_event *a = tl_timeline_get_event(tl, i - 1), *b = tl_timeline_get_event(tl, i);
        ok = a->start.lo < b->start.lo || (a->start.lo == b->start.lo && a->order < b->order);
    }
    tap_ok(ok, "sorted by start, ties in file order (%zu events)", n);
    ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        char title[32];
        snprintf(title, sizeof title, "e%zu", e->order);
        ok = strcmp(e->title, title) == 0 && e->line == e->order + 2;
    }
    tap_ok(ok, "every event kept its own fields through the sort");
    tap_is_int((long long)tl->group_count, 1, "one group");
    tl_timeline_free(tl);

    /* Already sorted input stays as it is. */
    tl = tl_model_new();
    for (int i = 0; i < 100; i++) {
        tl_event ev = make_event(i / 10, "x", "");
        tl_model_add_event(tl, &ev);
    }
    tl_model_finish(tl);
    ok = true;
    for (size_t i = 0; i < 100; i++)
        ok = ok && tl_timeline_get_event(tl, i)->order == i;
    tap_ok(ok, "sorted input keeps its order");
    tl_timeline_free(tl);
}

static void test_storage(void)
{
    tl_timeline *tl = tl_model_new();
    char title[] = "mutable title";
    char *long_text = tl_xmalloc(100000);
    memset(long_text, 'x', 99999);
    long_text[99999] = '\0';
    tl_event ev = make_event(0, title, NULL);
    ev.description = long_text;
    tl_model_add_event(tl, &ev);
    title[0] = 'M';
    free(long_text);
    tl_model_finish(tl);
    const tl_event *e = tl_timeline_get_event(tl, 0);
    tap_is_str(tl_event_get_title(e), "mutable title", "strings are copied");
    tap_is_int((long long)strlen(tl_event_get_description(e)), 99999, "long strings are copied");
    tap_is_str(tl_event_get_group(e), "", "NULL becomes \"\"");
    tap_is_str(tl_event_get_color(e), "", "absent color is \"\"");
    tap_is_str(tl_event_get_start_text(e), "", "absent start text is \"\"");
    tap_is_str(tl_event_get_end_text(e), "", "absent end text is \"\"");
    tap_is_int(e->group_index, -1, "no group: index -1");

    tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "no warnings yet");
    tl_model_add_warning(tl, tl_xstrdup("w1"));
    tl_model_add_warning(tl, tl_xstrdup("w2"));
    tap_is_int((long long)tl_timeline_get_warning_count(tl), 2, "two warnings");
    tap_is_str(tl_timeline_get_warning(tl, 1), "w2", "warning text");
    tap_ok(tl_timeline_get_warning(tl, 2) == NULL, "warning out of range is NULL");
    tap_ok(tl_timeline_get_event(tl, 1) == NULL, "event out of range is NULL");
    tl_timeline_free(tl);

    /* NULL handles. */
    tl_timeline_free(NULL);
    tap_is_int((long long)tl_timeline_get_event_count(NULL), 0, "NULL timeline: no events");
    tap_is_int((long long)tl_timeline_get_warning_count(NULL), 0, "NULL timeline: no warnings");
    tap_is_str(tl_event_get_title(NULL), "", "NULL event: title \"\"");
    tap_ok(!tl_event_get_end(NULL, NULL), "NULL event: no end");
    tap_is_int(tl_event_get_importance(NULL), 3, "NULL event: importance 3");

    /* An empty model finishes fine. */
    tl = tl_model_new();
    tl_model_finish(tl);
    tap_is_int((long long)tl_timeline_get_event_count(tl), 0, "empty model");
    tl_timeline_free(tl);
}

/* ---------------------------------------------------------------------------------------------
 * Rows to events
 * ------------------------------------------------------------------------------------------- */

static tl_timeline *load(const char *csv)
{
    return test_load_csv(csv, "m.csv");
}

static void test_types(void)
{
    tl_timeline *tl = load("start,end,title,type\n"
                           "2001,,p1,point\n"
                           "2002,,p2,Event\n"
                           "2003,,p3,MILESTONE\n"
                           "2004,,p4,\n"
                           "2005,2006,s1,span\n"
                           "2005,2006,s2,range\n"
                           "2005,2006,s3,Period\n"
                           "2005,2006,s4,task\n"
                           "2005,2006,s5,\n"
                           "1900,1950,e1,era\n"
                           "1900,,e2,background\n"
                           "1900,2000,e3,Band\n");
    if (!tap_ok(tl != NULL, "types file loads"))
        return;
    tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "no warnings");
    const char *const points[] = {"p1", "p2", "p3", "p4"};
    for (size_t i = 0; i < 4; i++) {
        const tl_event *e = test_find_event(tl, points[i]);
        tap_ok(e && tl_event_get_type(e) == TL_EVENT_POINT && !tl_event_get_end(e, NULL),
               "%s is a point without end", points[i]);
    }
    const char *const spans[] = {"s1", "s2", "s3", "s4", "s5"};
    for (size_t i = 0; i < 5; i++) {
        const tl_event *e = test_find_event(tl, spans[i]);
        tl_time end;
        tap_ok(e && tl_event_get_type(e) == TL_EVENT_SPAN && tl_event_get_end(e, &end) &&
                   end.precision == TL_PRECISION_YEAR &&
                   end.hi == tl_cal_make(2006, 12, 31, 23, 59, 59),
               "%s is a span to the end of 2006", spans[i]);
    }
    const tl_event *e1 = test_find_event(tl, "e1"), *e2 = test_find_event(tl, "e2"),
                   *e3 = test_find_event(tl, "e3");
    tap_ok(e1 && tl_event_get_type(e1) == TL_EVENT_ERA && tl_event_get_end(e1, NULL),
           "era with an end");
    tap_ok(e2 && tl_event_get_type(e2) == TL_EVENT_ERA && !tl_event_get_end(e2, NULL),
           "open-ended era");
    tap_ok(e3 && tl_event_get_type(e3) == TL_EVENT_ERA, "band is an era");
    tl_timeline_free(tl);
}

static void test_statuses(void)
{
    const struct {
        const char *text;
        tl_status status;
    } cases[] = {
        {"confirmed", TL_STATUS_CONFIRMED},     {"Scheduled", TL_STATUS_CONFIRMED},
        {"held", TL_STATUS_CONFIRMED},          {"DONE", TL_STATUS_CONFIRMED},
        {"happened", TL_STATUS_CONFIRMED},      {"", TL_STATUS_CONFIRMED},
        {"tentative", TL_STATUS_TENTATIVE},     {"Planned", TL_STATUS_TENTATIVE},
        {"proposed", TL_STATUS_TENTATIVE},      {"expected", TL_STATUS_TENTATIVE},
        {"cancelled", TL_STATUS_CANCELLED},     {"canceled", TL_STATUS_CANCELLED},
        {"Called Off", TL_STATUS_CANCELLED},    {"called-off", TL_STATUS_CANCELLED},
        {"postponed", TL_STATUS_POSTPONED},     {"Deferred", TL_STATUS_POSTPONED},
        {"delayed", TL_STATUS_POSTPONED},       {" tentative ", TL_STATUS_TENTATIVE},
        {"rescheduled", TL_STATUS_RESCHEDULED}, {"Moved", TL_STATUS_RESCHEDULED},
        {"disputed", TL_STATUS_DISPUTED},       {"unconfirmed", TL_STATUS_DISPUTED},
        {"Reported", TL_STATUS_DISPUTED},       {"alleged", TL_STATUS_DISPUTED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char csv[128];
        snprintf(csv, sizeof csv, "start,title,status\n2020,A,\"%s\"\n", cases[i].text);
        tl_timeline *tl = load(csv);
        tap_ok(tl && tl_timeline_get_warning_count(tl) == 0 &&
                   tl_event_get_status(tl_timeline_get_event(tl, 0)) == cases[i].status,
               "status \"%s\"", cases[i].text);
        tl_timeline_free(tl);
    }
    tl_timeline *tl = load("start,title,status\n2020,A,Maybe Later\n2020,B,Planned\n");
    tap_ok(tl && tl_timeline_get_event_count(tl) == 2 &&
               tl_event_get_status(tl_timeline_get_event(tl, 0)) == TL_STATUS_OTHER &&
               tl_timeline_get_warning_count(tl) == 1,
           "unknown status: kept as other, with a warning");
    if (tl) {
        tap_is_str(tl_event_get_status_text(tl_timeline_get_event(tl, 0)), "Maybe Later",
                   "status text of an unknown status");
        tap_is_str(tl_event_get_status_text(tl_timeline_get_event(tl, 1)), "Planned",
                   "status text of a known status, as written");
        tap_is_str(tl_timeline_get_warning(tl, 0),
                   "m.csv:2:8: unknown status \"Maybe Later\" (expected confirmed, tentative, "
                   "cancelled, postponed, rescheduled or disputed); kept as written",
                   "unknown status warning");
    }
    tl_timeline_free(tl);
}

static void test_group_order_and_sort(void)
{
    tl_timeline *tl = load("start,title,group,group_order,sort\n"
                           "2020,z1,Zulu,,\n"
                           "2020,a1,Alpha,2,\n"
                           "2020,m1,Mike,1,\n"
                           "2020,n1,November,,\n"
                           "2020,a2,Alpha,2,\n"
                           "2021,s3,,,3\n"
                           "2021,s1,,,-1.5\n"
                           "2021,s0,,,\n"
                           "2021,s2,,,2.5\n");
    if (!tap_ok(tl != NULL, "group order file loads"))
        return;
    tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "no warnings");
    tap_is_int((long long)tl_timeline_get_group_count(tl), 4, "four groups");
    const char *const groups[] = {"Mike", "Alpha", "Zulu", "November"};
    for (size_t i = 0; i < 4; i++)
        tap_is_str(tl_timeline_get_group(tl, i), groups[i], "group %zu by group_order, then file",
                   i);
    tap_ok(tl_timeline_get_group(tl, 4) == NULL, "group out of range is NULL");
    bool ok = true;
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        const int g = tl_event_get_group_index(e);
        ok = ok &&
             (g < 0 ? tl_event_get_group(e)[0] == '\0'
                    : strcmp(tl_timeline_get_group(tl, (size_t)g), tl_event_get_group(e)) == 0);
        ok = ok && g == e->group_index && (g < 0 || e->group == tl->groups[g]);
    }
    tap_ok(ok, "group indices follow the new order");
    /* Same start: sort breaks the tie (absent is 0), then file order. */
    const char *const order[] = {"z1", "a1", "m1", "n1", "a2", "s1", "s0", "s2", "s3"};
    ok = true;
    for (size_t i = 0; i < 9; i++)
        ok = ok && strcmp(tl_event_get_title(tl_timeline_get_event(tl, i)), order[i]) == 0;
    tap_ok(ok, "same start: by sort, then file order");
    tl_timeline_free(tl);
}

static void test_accessors_and_stats(void)
{
    tl_timeline *tl = load("start,end,title,type,url,source,group\n"
                           "2019-11/2020-03,,Interval,,https://example.org/a,Annals p. 3,g\n"
                           "2020-09/..,,Open end,,,,g\n"
                           "../1850,,Open start,,,,h\n"
                           "c. 1850,,Circa,,,,\n"
                           "1900,,Marker,marker,,,\n"
                           "1800,1900,Era,era,,,\n"
                           ",,No date,,,,\n"
                           "1700,1600,Backwards,,,,\n"
                           "2020,,Title row,title,,,\n");
    if (!tap_ok(tl != NULL, "accessor file loads"))
        return;
    const tl_event *e = test_find_event(tl, "Interval");
    if (e) {
        tl_time end;
        tap_ok(tl_event_get_end(e, &end) && end.lo == tl_cal_make(2020, 3, 1, 0, 0, 0),
               "an interval cell gives the end");
        tap_is_str(tl_event_get_start_label(e), "Nov 2019", "start label");
        tap_is_str(tl_event_get_end_label(e), "Mar 2020", "end label");
        tap_is_str(tl_event_get_date_label(e), "Nov 2019 \xE2\x80\x93 Mar 2020", "date label");
        tap_is_str(tl_event_get_url(e), "https://example.org/a", "url");
        tap_is_str(tl_event_get_source(e), "Annals p. 3", "source");
        tap_is_str(tl_event_get_start_text(e), "2019-11/2020-03", "start text as written");
        tap_is_int(tl_event_get_type(e), TL_EVENT_SPAN, "an interval is a span");
    }
    e = test_find_event(tl, "Open end");
    if (e) {
        tap_ok(tl_event_get_end_open(e) && !tl_event_get_end(e, NULL) &&
                   !tl_event_get_start_open(e) && tl_event_get_type(e) == TL_EVENT_SPAN,
               "open end: a span without an end");
        tap_is_str(tl_event_get_end_label(e), "\xE2\x80\xA6", "open end label");
        tap_is_str(tl_event_get_date_label(e), "Sep 2020 \xE2\x80\x93 \xE2\x80\xA6",
                   "open end date label");
    }
    e = test_find_event(tl, "Open start");
    if (e) {
        const tl_time s = tl_event_get_start(e);
        tap_ok(tl_event_get_start_open(e) && tl_event_get_end(e, NULL) &&
                   s.lo == tl_cal_make(1850, 1, 1, 0, 0, 0) && s.hi == s.lo &&
                   s.flags == TL_TIME_BEFORE,
               "open start: lo = hi = the end's lo, flag before");
        tap_is_str(tl_event_get_start_label(e), "\xE2\x80\xA6", "open start label");
    }
    e = test_find_event(tl, "Circa");
    if (e) {
        const tl_time s = tl_event_get_start(e);
        tap_ok(s.flags == TL_TIME_APPROXIMATE && s.precision == TL_PRECISION_YEAR,
               "c. 1850 is approximate, year precision");
        tap_is_str(tl_event_get_date_label(e), "c. 1850", "circa label");
        tap_ok(tl_event_get_date_label(e) == tl_event_get_start_label(e),
               "a point's date label is its start label");
        tap_is_str(tl_event_get_end_label(e), "", "no end label");
    }
    tap_is_str(tl_timeline_get_title(tl), "Title row", "a title row gives the title");
    tap_is_str(tl_timeline_get_profile(tl), "timeline", "our own profile");

    tl_timeline_stats st;
    tl_timeline_get_stats(tl, &st);
    tap_is_int((long long)st.rows, 9, "stats: rows");
    tap_is_int((long long)st.events, 6, "stats: events");
    tap_is_int((long long)st.title_rows, 1, "stats: title rows");
    tap_is_int((long long)st.skipped, 2, "stats: skipped");
    tap_is_int((long long)st.points, 1, "stats: points");
    tap_is_int((long long)st.spans, 3, "stats: spans");
    tap_is_int((long long)st.eras, 1, "stats: eras");
    tap_is_int((long long)st.markers, 1, "stats: markers");
    tap_is_int((long long)st.groups, 2, "stats: groups");
    tap_is_int((long long)st.warnings, 2, "stats: warnings");
    tap_is_int((long long)st.notes, (long long)tl_timeline_get_note_count(tl), "stats: notes");
    tap_ok(st.has_range, "stats: has a range");
    tap_is_int(st.earliest, tl_cal_make(1800, 1, 1, 0, 0, 0), "stats: earliest");
    tap_is_int(st.latest, tl_cal_make(2020, 10, 1, 0, 0, 0) - 1,
               "stats: latest (the open end's start)");
    tl_timeline_free(tl);

    tl_timeline_get_stats(NULL, &st);
    tap_ok(st.rows == 0 && !st.has_range, "stats of NULL");
    tl = load("start,title\n");
    tl_timeline_get_stats(tl, &st);
    tap_ok(tl && st.rows == 0 && st.events == 0 && !st.has_range, "stats of an empty file");
    tap_is_str(tl_timeline_get_title(tl), "", "no title");
    tl_timeline_free(tl);

    /* NULL handles. */
    tap_is_str(tl_event_get_url(NULL), "", "NULL event: url");
    tap_is_str(tl_event_get_source(NULL), "", "NULL event: source");
    tap_is_str(tl_event_get_status_text(NULL), "", "NULL event: status text");
    tap_is_str(tl_event_get_start_label(NULL), "", "NULL event: start label");
    tap_is_str(tl_event_get_end_label(NULL), "", "NULL event: end label");
    tap_is_str(tl_event_get_date_label(NULL), "", "NULL event: date label");
    tap_ok(!tl_event_get_start_open(NULL) && !tl_event_get_end_open(NULL), "NULL event: closed");
    tap_is_int(tl_event_get_group_index(NULL), -1, "NULL event: no group");
    tap_is_str(tl_timeline_get_title(NULL), "", "NULL timeline: title");
    tap_is_str(tl_timeline_get_profile(NULL), "", "NULL timeline: profile");
    tap_is_int((long long)tl_timeline_get_note_count(NULL), 0, "NULL timeline: notes");
    tap_ok(tl_timeline_get_note(NULL, 0) == NULL, "NULL timeline: note");
    tap_is_int((long long)tl_timeline_get_group_count(NULL), 0, "NULL timeline: groups");
}

static void test_fields(void)
{
    tl_timeline *tl = load("title , start,end,description,group,importance,color\n"
                           "  Launch  , 2020-03-01 ,  2020-04  , \" Notes \",  Team ,2, red \n"
                           "Quiet,2019,,,,,\n"
                           "Bad importance,2018,,,,9,\n");
    if (!tap_ok(tl != NULL, "fields file loads"))
        return;
    tap_is_int((long long)tl_timeline_get_event_count(tl), 3, "three events");
    const tl_event *e = test_find_event(tl, "Launch");
    if (e) {
        tap_is_str(tl_event_get_start_text(e), "2020-03-01", "start text trimmed as written");
        tap_is_str(tl_event_get_end_text(e), "2020-04", "end text trimmed as written");
        tap_is_str(tl_event_get_description(e), "Notes", "description trimmed");
        tap_is_str(tl_event_get_group(e), "Team", "group trimmed");
        tap_is_str(tl_event_get_color(e), "red", "color kept as written, trimmed");
        tap_is_int(tl_event_get_importance(e), 2, "importance");
        tap_is_int((long long)tl_event_get_line(e), 2, "line");
        tl_time s = tl_event_get_start(e);
        tap_ok(s.lo == tl_cal_make(2020, 3, 1, 0, 0, 0) && s.precision == TL_PRECISION_DAY,
               "start parsed");
        tl_time end;
        tap_ok(tl_event_get_end(e, &end) && end.lo == tl_cal_make(2020, 4, 1, 0, 0, 0) &&
                   end.hi == tl_cal_make(2020, 4, 30, 23, 59, 59),
               "end parsed as the whole month");
        tap_is_int(tl_event_get_type(e), TL_EVENT_SPAN, "an end makes a span");
    }
    e = test_find_event(tl, "Quiet");
    if (e) {
        tap_is_int(tl_event_get_importance(e), 3, "default importance 3");
        tap_is_str(tl_event_get_end_text(e), "", "no end text");
        tap_is_int(tl_event_get_status(e), TL_STATUS_CONFIRMED, "default status");
    }
    e = test_find_event(tl, "Bad importance");
    tap_ok(e && tl_event_get_importance(e) == 3, "bad importance kept as 3");
    tap_is_int((long long)tl_timeline_get_warning_count(tl), 1, "one warning");
    tap_is_str(tl_timeline_get_warning(tl, 0),
               "m.csv:4:24: invalid importance \"9\" (expected 1 to 5); using 3",
               "importance warning");

    /* Chart order: by start. */
    tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 0)), "Bad importance",
               "earliest first");
    tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 2)), "Launch", "latest last");
    tl_timeline_free(tl);
}

static void test_group_order_from_file(void)
{
    tl_timeline *tl = load("start,title,group\n"
                           "2020,late,Zulu\n"
                           "1990,early,Alpha\n"
                           "2000,none,\n"
                           "1980,earliest,Mike\n"
                           "2010,again,Alpha\n");
    if (!tap_ok(tl != NULL, "groups file loads"))
        return;
    tap_ok(tl->group_count == 3 && strcmp(tl->groups[0], "Zulu") == 0 &&
               strcmp(tl->groups[1], "Alpha") == 0 && strcmp(tl->groups[2], "Mike") == 0,
           "groups in order of first appearance in the file");
    tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 0)), "earliest",
               "events in start order");
    tap_is_int(tl_timeline_get_event(tl, 0)->group_index, 2, "earliest is in group 2 (Mike)");
    tl_timeline_free(tl);
}

/* Dates repeat in any order across a large file; each is stored once. */
static void test_shared_dates(void)
{
    GString *csv = g_string_new("start,end,title\n");
    /* Twelve dates between the two rows of 2019-11-04: more than the few recent values
     * remembered per column. */
    g_string_append(csv, "2019-11-04,2020-03-01,first\n");
    for (int d = 1; d <= 12; d++)
        g_string_append_printf(csv, "2018-01-%02d,,filler %d\n", d, d);
    g_string_append(csv, "2019-11-04,2020-03-01,second\n");
    g_string_append(csv, "2019-11-04,,a point\n");
    tl_timeline *tl = load(csv->str);
    g_string_free(csv, true);
    tap_is_int((long long)tl_timeline_get_event_count(tl), 15, "fifteen events");
    const tl_event *a = NULL, *b = NULL, *p = NULL;
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        if (strcmp(tl_event_get_title(e), "first") == 0)
            a = e;
        else if (strcmp(tl_event_get_title(e), "second") == 0)
            b = e;
        else if (strcmp(tl_event_get_title(e), "a point") == 0)
            p = e;
    }
    tap_ok(a && b && p, "the three rows are found");
    if (a && b && p) {
        tap_is_str(tl_event_get_start_text(b), "2019-11-04", "the date as written");
        tap_ok(tl_event_get_start_text(a) == tl_event_get_start_text(b), "one copy of a start");
        tap_ok(tl_event_get_end_text(a) == tl_event_get_end_text(b), "one copy of an end");
        tap_is_str(tl_event_get_date_label(b), tl_event_get_date_label(a),
                   "the span's label, copied");
        tap_ok(tl_event_get_start_label(p) == tl_event_get_start_label(a),
               "a point's label is the span's start label");
        tap_ok(tl_event_get_date_label(p) == tl_event_get_start_label(p),
               "a point's date label is its start label");
    }
    tl_timeline_free(tl);
}

/* The set behind it: found after adding, and bounded. */
static void test_intern_set(void)
{
    tl_intern set = TL_INTERN_INIT;
    tap_ok(tl_intern_find(&set, "x", 1, g_str_hash("x")) == NULL, "empty set finds nothing");
    enum { N = TL_INTERN_MAX + 100 };
    char(*texts)[16] = tl_xcalloc(N, sizeof *texts);
    for (int i = 0; i < N; i++) {
        int len = snprintf(texts[i], sizeof texts[i], "s%d", i);
        tl_intern_add(&set, texts[i], (size_t)len, g_str_hash(texts[i]));
    }
    tap_is_int((long long)set.count, TL_INTERN_MAX, "holds at most TL_INTERN_MAX strings");
    tap_ok(2 * set.count <= set.cap, "at most half full");
    char probe[16];
    int len = snprintf(probe, sizeof probe, "s%d", 12345);
    tap_ok(tl_intern_find(&set, probe, (size_t)len, g_str_hash(probe)) == texts[12345],
           "finds the copy it holds, not the probe");
    len = snprintf(probe, sizeof probe, "s%d", N - 1);
    tap_ok(tl_intern_find(&set, probe, (size_t)len, g_str_hash(probe)) == NULL,
           "a string past the bound is not held");
    tap_ok(tl_intern_find(&set, "s1", 1, g_str_hash("s1")) == NULL, "length is part of equality");
    tl_intern_free(&set);
    tap_ok(set.slots == NULL && set.cap == 0, "freed set is empty");
    free(texts);
}

int main(void)
{
    test_sort_and_groups();
    test_stability();
    test_storage();
    test_types();
    test_statuses();
    test_fields();
    test_group_order_from_file();
    test_group_order_and_sort();
    test_accessors_and_stats();
    test_shared_dates();
    test_intern_set();
    return tap_done();
}
