/* Files people already have (data/profiles.c, data/columns*.c): TimelineJS sheets (the shared
 * corpus, read when present), Preceden exports, a semicolon Excel export, vistime, timevis and
 * px.timeline layouts; header detection, notes, title slides, and column overrides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/tl-buf.h"
#include "data/date.h"
#include "timeline/timeline.h"
#include "tap.h"
#include "test-util.h"

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

static tl_timeline *load_file(const char *dir, const char *name, const tl_load_options *opts)
{
    tl_buf path = TL_BUF_INIT;
    tl_buf_printf(&path, "%s/%s", dir, name);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(path.data, name, opts, &err);
    if (!tap_ok(tl != NULL, "%s loads", name))
        tap_diag("%s", err ? err->message : "(no error)");
    tl_error_free(err);
    tl_buf_free(&path);
    return tl;
}

static tl_timeline *load_text(const char *csv, const tl_load_options *opts)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "p.csv", opts, &err);
    if (!tl)
        tap_diag("load failed: %s", err ? err->message : "(no error)");
    tl_error_free(err);
    return tl;
}

static bool has_note(const tl_timeline *tl, const char *note)
{
    for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++) {
        if (strcmp(tl_timeline_get_note(tl, i), note) == 0)
            return true;
    }
    return false;
}

static const char *iso(int64_t t, char *buf, size_t size)
{
    tl_time x = {.lo = t, .hi = t, .precision = TL_PRECISION_SECOND};
    tl_cal_format_iso(&x, buf, size);
    return buf;
}

/* Checks an event's start and end (lo of the start, hi of the end; NULL: no end) and label. */
static void check_event(const tl_timeline *tl, const char *title, const char *lo, const char *hi,
                        const char *label)
{
    const tl_event *e = test_find_event(tl, title);
    if (!tap_ok(e != NULL, "event \"%s\"", title))
        return;
    char a[48], b[48] = "";
    tap_is_str(iso(tl_event_get_start(e).lo, a, sizeof a), lo, "\"%s\" starts", title);
    tl_time end;
    if (hi) {
        tap_ok(tl_event_get_end(e, &end), "\"%s\" has an end", title);
        tap_is_str(iso(end.hi, b, sizeof b), hi, "\"%s\" ends", title);
    } else {
        tap_ok(!tl_event_get_end(e, NULL), "\"%s\" has no end", title);
    }
    tap_is_str(tl_event_get_date_label(e), label, "\"%s\" label", title);
}

static bool dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---------------------------------------------------------------------------------------------
 * TimelineJS sheets from the shared corpus
 * ------------------------------------------------------------------------------------------- */

static void test_timelinejs_corpus(void)
{
    const char *corpus = getenv("TL_SHARED_CORPUS");
    tl_buf csv = TL_BUF_INIT, from_json = TL_BUF_INIT;
    tl_buf_printf(&csv, "%s/external/timelinejs/csv", corpus ? corpus : "../shared/corpus");
    tl_buf_printf(&from_json, "%s/external/timelinejs/csv-from-json",
                  corpus ? corpus : "../shared/corpus");
    if (!dir_exists(csv.data) || !dir_exists(from_json.data)) {
        tap_diag("shared corpus not found at %s: TimelineJS corpus checks skipped", csv.data);
        tl_buf_free(&csv);
        tl_buf_free(&from_json);
        return;
    }

    const char *const women[] = {"women_in_computing.csv", "women_in_computing.jest-fixture.csv",
                                 "my-own-timeline.csv"};
    for (size_t i = 0; i < 3; i++) {
        tl_timeline *tl = load_file(csv.data, women[i], NULL);
        if (!tl)
            continue;
        tap_is_str(tl_timeline_get_profile(tl), "TimelineJS v3", "%s: profile", women[i]);
        tap_is_str(tl_timeline_get_title(tl), i < 2 ? "Women in Computing" : "MY OWN CSV",
                   "%s: the title slide is the title", women[i]);
        tap_is_int((long long)tl_timeline_get_event_count(tl), 10, "%s: 10 events", women[i]);
        tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "%s: no warnings", women[i]);
        tap_is_int((long long)tl_timeline_get_group_count(tl), 0, "%s: no groups", women[i]);
        tap_ok(has_note(tl, "profile: TimelineJS v3") && has_note(tl, "column \"Media\" ignored") &&
                   has_note(tl, "column \"Media Thumbnail\" ignored"),
               "%s: notes", women[i]);
        check_event(tl, "Ada Lovelace", "1815-12-10T00:00:00", "1852-11-27T23:59:59",
                    "10 Dec 1815 \xE2\x80\x93 27 Nov 1852");
        check_event(tl, "...And the women who made it work", "1943-07-01T00:00:00",
                    "1946-12-31T23:59:59", "Jul 1943 \xE2\x80\x93 1946");
        check_event(tl, "Grace Hopper invents the compiler", "1952-01-01T00:00:00", NULL, "1952");
        const tl_event *ada = test_find_event(tl, "Ada Lovelace");
        tap_ok(ada && tl_event_get_type(ada) == TL_EVENT_SPAN &&
                   tl_event_get_start(ada).precision == TL_PRECISION_DAY &&
                   strcmp(tl_event_get_start_text(ada), "1815-12-10") == 0,
               "%s: date parts composed at day precision", women[i]);
        tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 0)), "Ada Lovelace",
                   "%s: chart order", women[i]);
        tl_timeline_free(tl);
    }

    tl_timeline *tl = load_file(from_json.data, "cosmo.csv", NULL);
    if (tl) {
        tap_is_str(tl_timeline_get_title(tl), "Cosmological Scale Timeline", "cosmo: title");
        tap_is_int((long long)tl_timeline_get_event_count(tl), 7, "cosmo: 7 events");
        check_event(tl, "The Big Bang", "-13799999999-01-01T00:00:00", NULL, "13,800,000,000 BCE");
        check_event(tl, "Paleozoic era", "-538799999-01-01T00:00:00", "-251901999-12-31T23:59:59",
                    "538,800,000 BCE \xE2\x80\x93 251,902,000 BCE");
        check_event(tl, "oldest known depiction of a wheeled vehicle", "-3499-01-01T00:00:00", NULL,
                    "3500 BCE");
        tl_timeline_free(tl);
    }
    tl = load_file(from_json.data, "cosmo-mixed.csv", NULL);
    if (tl) {
        tap_is_int((long long)tl_timeline_get_event_count(tl), 11, "cosmo-mixed: 11 events");
        check_event(tl, "Euclid's Optica", "-0299-01-01T00:00:00", NULL, "300 BCE");
        check_event(tl, "Galileo Points a Telescope at the Moon", "1609-11-01T00:00:00", NULL,
                    "Nov 1609");
        tl_timeline_free(tl);
    }
    tl = load_file(from_json.data, "eras.csv", NULL);
    if (tl) {
        tl_timeline_stats st;
        tl_timeline_get_stats(tl, &st);
        tap_is_str(tl_timeline_get_title(tl), "Eras Test", "eras: title");
        tap_ok(st.events == 23 && st.eras == 3 && st.title_rows == 1 && st.warnings == 0,
               "eras: 23 events, 3 eras, a title row");
        check_event(tl, "Era Test 650-700", "0650-01-01T00:00:00", "0700-12-31T23:59:59",
                    "650 \xE2\x80\x93 700");
        const tl_event *era = test_find_event(tl, "Era Test 650-700");
        tap_ok(era && tl_event_get_type(era) == TL_EVENT_ERA, "Type era is an era");
        check_event(tl, "Muhammad Migrates from Mecca to Medina", "0622-08-09T00:00:00",
                    "0622-08-23T23:59:59", "9 Aug 622 \xE2\x80\x93 23 Aug 622");
        tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 0)), "Era Test 600-650",
                   "eras: sorted by start");
        tl_timeline_free(tl);
    }
    tl = load_file(from_json.data, "houston_timeline3.csv", NULL);
    if (tl) {
        tap_is_str(tl_timeline_get_title(tl), "Whitney Houston 1963 - 2012",
                   "houston: HTML in the title slide becomes text");
        tap_is_int((long long)tl_timeline_get_event_count(tl), 18, "houston: 18 events");
        check_event(tl, "A Musical Heritage", "1963-08-09T00:00:00", NULL, "9 Aug 1963");
        tl_timeline_free(tl);
    }
    tl = load_file(from_json.data, "twain_marktwain.csv", NULL);
    if (tl) {
        tl_timeline_stats st;
        tl_timeline_get_stats(tl, &st);
        tap_is_str(tl_timeline_get_title(tl), "", "twain: an empty title slide");
        tap_ok(st.rows == 18 && st.events == 14 && st.skipped == 3 && st.warnings == 3,
               "twain: 14 events, 3 slides with neither headline nor text skipped with a warning");
        tap_ok(has_note(tl, "1 row without a headline titled from its text"),
               "twain: a title from the text is noted");
        check_event(tl, "Hannibal, Missouri", "1920-01-05T06:45:56", "1923-01-05T06:45:56",
                    "5 Jan 1920 06:45:56 \xE2\x80\x93 5 Jan 1923 06:45:56");
        const tl_event *e = tl_timeline_get_event(tl, 2);
        tap_ok(
            e && strncmp(tl_event_get_title(e), "Samuel Langhorne Clemens (November 30", 37) == 0 &&
                strlen(tl_event_get_title(e)) <= 64,
            "twain: a slide without a headline is titled from its text");
        tl_timeline_free(tl);
    }
    tl = load_file(from_json.data, "user-interface_timeline3.csv", NULL);
    if (tl) {
        tap_is_str(tl_timeline_get_title(tl), "Revolutionary User Interfaces", "ui: title");
        tap_is_int((long long)tl_timeline_get_event_count(tl), 22, "ui: 22 events");
        check_event(tl, "The Mouse", "1968-12-09T00:00:00", NULL, "9 Dec 1968");
        tl_timeline_free(tl);
    }
    tl_buf_free(&csv);
    tl_buf_free(&from_json);
}

/* ---------------------------------------------------------------------------------------------
 * Fixtures: a Preceden export, a semicolon Excel export, sheets of our own
 * ------------------------------------------------------------------------------------------- */

static void check_preceden(const char *dir)
{
    tl_timeline *tl = load_file(dir, "y_preceden_export.csv", NULL);
    if (tl) {
        tap_is_str(tl_timeline_get_profile(tl), "Preceden", "preceden: profile");
        tap_is_int((long long)tl_timeline_get_event_count(tl), 8, "preceden: 8 events");
        tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "preceden: no warnings");
        tap_is_int((long long)tl_timeline_get_group_count(tl), 3, "preceden: 3 layers");
        tap_is_str(tl_timeline_get_group(tl, 0), "Soviet Union", "layer 0");
        tap_is_str(tl_timeline_get_group(tl, 2), "International", "layer 2");
        check_event(tl, "Apollo 11", "1969-07-16T00:00:00", "1969-07-24T23:59:59",
                    "16 Jul 1969 \xE2\x80\x93 24 Jul 1969");
        check_event(tl, "Early rocketry experiments", "1926-01-01T00:00:00", "1940-12-31T23:59:59",
                    "c. 1926 \xE2\x80\x93 c. 1940");
        const tl_event *e = test_find_event(tl, "Early rocketry experiments");
        tl_time end;
        tap_ok(e && tl_event_get_start(e).flags == TL_TIME_APPROXIMATE &&
                   tl_event_get_end(e, &end) && end.flags == TL_TIME_APPROXIMATE,
               "Start/End Approximate set the approximate flag");
        e = test_find_event(tl, "Sputnik 1");
        tap_ok(e && tl_event_get_type(e) == TL_EVENT_POINT &&
                   strcmp(tl_event_get_color(e), "#c0392b") == 0 &&
                   strcmp(tl_event_get_group(e), "Soviet Union") == 0,
               "milestone: a point; bare hex colour gets its '#'; layer is the group");
        e = test_find_event(tl, "Luna programme");
        tap_ok(e && strcmp(tl_event_get_color(e), "") == 0, "colour \"random\" is no colour");
        tap_ok(has_note(tl, "column \"Event ID\" ignored") &&
                   has_note(tl, "column \"Symbol\" ignored"),
               "preceden: unused columns noted");
        tl_timeline_free(tl);
    }
}

/* Excel in a comma-decimal locale: BOM, CRLF, ';', dd.mm.yyyy. */
static void check_excel_semicolon(const char *dir)
{
    tl_timeline *tl = load_file(dir, "y_excel_semicolon.csv", NULL);
    if (tl) {
        tap_is_int((long long)tl_timeline_get_event_count(tl), 0,
                   "excel without a date order: no event");
        tap_is_int((long long)tl_timeline_get_warning_count(tl), 4, "one warning per row");
        tap_is_str(tl_timeline_get_warning(tl, 0),
                   "y_excel_semicolon.csv:2:1: numeric date \"04.11.2019\" needs a date order "
                   "(--date-order dmy or mdy)",
                   "the warning names the cell and the option");
        tap_ok(has_note(tl, "delimiter: semicolon"), "semicolon noted");
        tl_timeline_free(tl);
    }
    tl_load_options *opts = tl_load_options_new();
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_DMY);
    tl = load_file(dir, "y_excel_semicolon.csv", opts);
    if (tl) {
        tap_is_int((long long)tl_timeline_get_event_count(tl), 4, "excel with dmy: 4 events");
        tap_is_int((long long)tl_timeline_get_warning_count(tl), 0, "excel with dmy: no warning");
        check_event(tl, "Design workshop", "2019-11-18T09:30:00", "2019-11-18T12:00:59",
                    "18 Nov 2019 09:30 \xE2\x80\x93 18 Nov 2019 12:00");
        const tl_event *e = test_find_event(tl, "Kick-off meeting");
        tap_ok(e && strcmp(tl_event_get_description(e), "Room 2; with catering") == 0 &&
                   tl_event_get_line(e) == 2,
               "a quoted ';' and the line after a BOM");
        e = test_find_event(tl, "Prototype sprint");
        tap_ok(e && strcmp(tl_event_get_description(e), "Budget: 12.500,00 \xE2\x82\xAC") == 0 &&
                   tl_event_get_importance(e) == 5,
               "comma-decimal text kept");
        tl_timeline_free(tl);
    }
    tl_load_options_free(opts);
}

/* TimelineJS sheets of our own, v3 and v1. */
static void check_timelinejs(const char *dir)
{
    tl_load_options *opts = tl_load_options_new();
    tl_load_options_set_time_zone(opts, "America/Los_Angeles", NULL);
    tl_timeline *tl = load_file(dir, "y_timelinejs3.csv", opts);
    if (tl) {
        tap_is_str(tl_timeline_get_title(tl), "A short history of writing", "sheet: title");
        tap_is_int((long long)tl_timeline_get_event_count(tl), 7, "sheet: 7 events");
        check_event(tl, "Proto-cuneiform tablets at Uruk", "-3399-01-01T00:00:00",
                    "-3099-12-31T23:59:59",
                    "c. 3400\xE2\x80\x93"
                    "3100 BCE");
        const tl_event *e = test_find_event(tl, "Proto-cuneiform tablets at Uruk");
        tap_ok(e && strcmp(tl_event_get_start_label(e), "3400 BCE") == 0 &&
                   strcmp(tl_event_get_description(e), "Accounting records\non clay.") == 0,
               "Display Date replaces only the event's label; text loses its HTML");
        check_event(tl, "Oracle bone script", "-1249-01-01T00:00:00", NULL, "c. 1250 BCE");
        check_event(tl, "Mesopotamian civilisations", "-3099-01-01T00:00:00",
                    "-0538-12-31T23:59:59", "3100 BCE \xE2\x80\x93 539 BCE");
        e = test_find_event(tl, "Mesopotamian civilisations");
        tap_ok(e && tl_event_get_type(e) == TL_EVENT_ERA &&
                   strcmp(tl_event_get_color(e), "#d4a017") == 0,
               "an era coloured by Background");
        e = test_find_event(tl, "Proto-cuneiform tablets at Uruk");
        tap_ok(e && strcmp(tl_event_get_color(e), "") == 0, "Background colours eras only");
        check_event(tl, "First ARPANET message: \xE2\x80\x9CLO\xE2\x80\x9D", "1969-10-30T06:30:00",
                    NULL, "29 Oct 1969 22:30");
        tap_ok(has_note(tl, "column \"Alt Text\" ignored"), "Alt Text noted");
        tl_timeline_free(tl);
    }
    tl_load_options_free(opts);

    tl = load_file(dir, "y_timelinejs1.csv", NULL);
    if (tl) {
        tap_is_str(tl_timeline_get_profile(tl), "TimelineJS v1", "v1: profile");
        tap_ok(has_note(tl, "date order: mdy (TimelineJS v1)"), "v1: US dates noted");
        tap_is_str(tl_timeline_get_title(tl), "Late twentieth-century milestones", "v1: title");
        check_event(tl, "STS-1", "1981-04-12T00:00:00", "1981-04-14T23:59:59",
                    "12 Apr 1981 \xE2\x80\x93 14 Apr 1981");
        const tl_event *e = test_find_event(tl, "Fall of the Berlin Wall");
        tap_ok(e && strcmp(tl_event_get_group(e), "Politics") == 0, "v1: Tag is the group");
        tl_timeline_free(tl);
    }
}

/* vistime, timevis and px.timeline sheets, and our own layout. */
static void check_layouts(const char *dir)
{
    const char *const layouts[][2] = {
        {"y_vistime.csv", "vistime"},
        {"y_timevis.csv", "timevis"},
        {"y_px_timeline.csv", "px.timeline"},
        {"y_basic.csv", "timeline"},
    };
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        tl_timeline *tl = load_file(dir, layouts[i][0], NULL);
        tap_is_str(tl_timeline_get_profile(tl), layouts[i][1], "%s: profile", layouts[i][0]);
        tl_timeline_free(tl);
    }
    tl_timeline *tl = load_file(dir, "y_timevis.csv", NULL);
    if (tl) {
        const tl_event *e = test_find_event(tl, "Holidays");
        tap_ok(e && tl_event_get_type(e) == TL_EVENT_ERA, "timevis: background is an era");
        e = test_find_event(tl, "Item one");
        tap_ok(e && tl_event_get_type(e) == TL_EVENT_POINT &&
                   strcmp(tl_event_get_description(e), "A box item") == 0,
               "timevis: box is a point; title is the tooltip");
        tap_ok(has_note(tl, "column \"className\" ignored"), "timevis: className noted");
        tl_timeline_free(tl);
    }
}

static void test_fixtures(void)
{
    const char *src = getenv("TL_TEST_SRCDIR");
    tl_buf dir = TL_BUF_INIT;
    tl_buf_printf(&dir, "%s/data/csv", src ? src : ".");
    check_preceden(dir.data);
    check_excel_semicolon(dir.data);
    check_timelinejs(dir.data);
    check_layouts(dir.data);
    tl_buf_free(&dir);
}

/* ---------------------------------------------------------------------------------------------
 * Detection and the details of each layout
 * ------------------------------------------------------------------------------------------- */

static void test_detection(void)
{
    const struct {
        const char *header;
        const char *profile;
    } cases[] = {
        {"Year,Month,Day,Headline", "TimelineJS v3"},
        {"year, MONTH ,headline,Media", "TimelineJS v3"},
        {"Start Date,End Date,Headline,Text,Tag", "TimelineJS v1"},
        {"Layer Name,Event Name,Start Date", "Preceden"},
        {"layer_name,event_name,start_date,end_date", "Preceden"},
        {"event,start,end,group,tooltip", "vistime"},
        {"event,start,end,group,fontcolor", "vistime"},
        {"event,start,end,group", "timeline"},
        {"content,start,end", "timevis"},
        {"Task,Start,Finish,Resource", "px.timeline"},
        {"Task,Start,End", "timeline"},
        {"start,title", "timeline"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tl_buf b = TL_BUF_INIT;
        tl_buf_printf(&b, "%s\n", cases[i].header);
        tl_error *err = NULL;
        tl_timeline *tl = tl_timeline_load_csv_buffer(b.data, b.len, "h.csv", NULL, &err);
        tap_is_str(tl ? tl_timeline_get_profile(tl) : (err ? err->message : "?"), cases[i].profile,
                   "header \"%s\"", cases[i].header);
        tl_timeline_free(tl);
        tl_error_free(err);
        tl_buf_free(&b);
    }
}

static void test_timelinejs_rows(void)
{
    tl_timeline *tl = load_text(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Type,"
        "Group,Background\n"
        "-500,,,,,,,,,Five hundred BCE,,,,\n"
        "1850,,5,,,,,,,Day without month,,,,\n"
        ",3,,,,,,,,No year,,,,\n"
        "1900,1,1,25:00,,,,,,Bad time,,,,\n"
        "1900,1,1,,,,,,,Second title,,title,,\n"
        "1900,1,1,,,,,,,First title,,title,,\n"
        ",,,,,,,,,,,,,\n"
        "2000,,,,,3,,,,End without year,,,,\n"
        "2000,,,,1999,,,,,Ends before it starts,,,,\n"
        "1990,,,,2000,,,,,An era,,era,G,papayawhip\n"
        "1990,,,,2000,,,,,An era with an image,,era,G,https://example.org/x.jpg\n"
        "2001,9,11,8:46 AM,,,,,,Morning,\"<b>Bold</b> &amp; <a href=\"\"x\"\">linked</a>\",,G,\n",
        NULL);
    if (!tap_ok(tl != NULL, "TimelineJS rows load"))
        return;
    tap_is_str(tl_timeline_get_title(tl), "Second title", "the first title row wins");
    check_event(tl, "Five hundred BCE", "-0499-01-01T00:00:00", NULL, "500 BCE");
    check_event(tl, "An era", "1990-01-01T00:00:00", "2000-12-31T23:59:59",
                "1990 \xE2\x80\x93 2000");
    const tl_event *e = test_find_event(tl, "An era");
    tap_ok(e && strcmp(tl_event_get_color(e), "papayawhip") == 0, "a named colour");
    e = test_find_event(tl, "An era with an image");
    tap_ok(e && strcmp(tl_event_get_color(e), "") == 0, "an image background is no colour");
    e = test_find_event(tl, "Morning");
    tap_ok(e && strcmp(tl_event_get_description(e), "Bold & linked") == 0 &&
               tl_event_get_start(e).lo == tl_cal_make(2001, 9, 11, 8, 46, 0) &&
               tl_event_get_start(e).precision == TL_PRECISION_MINUTE,
           "HTML text and a 12-hour time");
    const char *const warnings[] = {
        "p.csv:3:1: invalid date \"1850--5\" in columns Year to Time: a day needs a month",
        "p.csv:4:1: start date without a year (\"-3\")",
        "p.csv:5:1: invalid date \"1900-1-1 25:00\" in columns Year to Time: hour 25 out of range",
        "p.csv:7:29: another title row ignored (the title is \"Second title\")",
        "p.csv:9:9: end date without a year (\"-3\")",
        "p.csv:10:9: end \"1999\" is before start \"2000\"",
    };
    const size_t n = sizeof warnings / sizeof warnings[0];
    tap_is_int((long long)tl_timeline_get_warning_count(tl), (long long)n, "warnings");
    for (size_t i = 0; i < n && i < tl_timeline_get_warning_count(tl); i++)
        tap_is_str(tl_timeline_get_warning(tl, i), warnings[i], "warning %zu", i);
    tl_timeline_stats st;
    tl_timeline_get_stats(tl, &st);
    tap_ok(st.rows == 11 && st.title_rows == 2 && st.events == 4 && st.skipped == 5,
           "stats: 11 rows, 2 title rows, 4 events, 5 skipped");
    tl_timeline_free(tl);

    /* An explicit start column overrides the date parts. */
    tl_load_options *opts = tl_load_options_new();
    tl_load_options_set_column(opts, "start", "Display Date", NULL);
    tl = load_text("Year,Display Date,Headline\n1850,c. 1850,A\n", opts);
    e = tl ? tl_timeline_get_event(tl, 0) : NULL;
    tap_ok(e && tl_event_get_start(e).flags == TL_TIME_APPROXIMATE &&
               strcmp(tl_event_get_date_label(e), "c. 1850") == 0 &&
               has_note(tl, "column \"Year\" ignored"),
           "a start override wins over Year");
    tl_timeline_free(tl);
    tl_load_options_free(opts);

    /* Without the option, a "Date" column does not displace the parts. */
    tl = load_text("Year,Date,Headline\n1850,1999,A\n", NULL);
    e = tl ? tl_timeline_get_event(tl, 0) : NULL;
    tap_ok(e && tl_event_get_start(e).lo == tl_cal_make(1850, 1, 1, 0, 0, 0) &&
               has_note(tl, "column \"Date\" ignored"),
           "a Date column in a TimelineJS sheet is ignored");
    tl_timeline_free(tl);
}

static void test_other_layouts(void)
{
    /* TimelineJS v1 dates are month/day/year unless an order is given. */
    const char *v1 = "Start Date,Headline\n4/11/2019,A\n";
    tl_timeline *tl = load_text(v1, NULL);
    tap_ok(tl && tl_event_get_start(tl_timeline_get_event(tl, 0)).lo ==
                     tl_cal_make(2019, 4, 11, 0, 0, 0),
           "v1: mdy by default");
    tl_timeline_free(tl);
    tl_load_options *opts = tl_load_options_new();
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_DMY);
    tl = load_text(v1, opts);
    tap_ok(tl &&
               tl_event_get_start(tl_timeline_get_event(tl, 0)).lo ==
                   tl_cal_make(2019, 11, 4, 0, 0, 0) &&
               !has_note(tl, "date order: mdy (TimelineJS v1)"),
           "v1: the option wins");
    tl_timeline_free(tl);
    tl_load_options_free(opts);

    /* Preceden yes/no values. */
    tl = load_text("Layer Name,Event Name,Start Date,Start Approximate,Milestone,Color\n"
                   "L,A,1900,Yes,no,FF0000\n"
                   "L,B,1900,,TRUE,ff00\n",
                   NULL);
    const tl_event *a = test_find_event(tl, "A"), *b = test_find_event(tl, "B");
    tap_ok(a && tl_event_get_start(a).flags == TL_TIME_APPROXIMATE &&
               strcmp(tl_event_get_color(a), "#FF0000") == 0 &&
               strcmp(tl_event_get_date_label(a), "c. 1900") == 0,
           "preceden: Yes, and a bare hex colour");
    tap_ok(b && tl_event_get_start(b).flags == 0 && strcmp(tl_event_get_color(b), "ff00") == 0,
           "preceden: a blank is no; other colours kept as written");
    tl_timeline_free(tl);

    /* Our own layout: unknown columns are noted once each, in header order. */
    tl = load_text("start,title,Media,extra,,Notes\n2020,A,x,y,z,n\n", NULL);
    tap_ok(tl && tl_timeline_get_note_count(tl) == 3 &&
               strcmp(tl_timeline_get_note(tl, 0), "profile: timeline") == 0 &&
               strcmp(tl_timeline_get_note(tl, 1), "column \"Media\" ignored") == 0 &&
               strcmp(tl_timeline_get_note(tl, 2), "column \"extra\" ignored") == 0 &&
               tl_timeline_get_warning_count(tl) == 0,
           "unknown columns: one note each, no warning");
    tl_timeline_free(tl);
}

int main(void)
{
    test_timelinejs_corpus();
    test_fixtures();
    test_detection();
    test_timelinejs_rows();
    test_other_layouts();
    return tap_done();
}
