/* CSV load options (data/load-options.c): a forced delimiter, date orders, time zones and
 * column overrides. */
#include <string.h>

#include "data/date.h"
#include "timeline/timeline.h"
#include "tap.h"

/* A forced delimiter wins over sniffing. */
static void test_delimiter(tl_load_options *opts)
{
    tl_error *err = NULL;
    tap_ok(tl_load_options_set_delimiter(opts, '|', &err) && !err, "delimiter '|'");
    tl_timeline *tl =
        tl_timeline_load_csv_buffer("start|title\n2020|A, B; C\n", 25, "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1 &&
               strcmp(tl_event_get_title(tl_timeline_get_event(tl, 0)), "A, B; C") == 0,
           "forced delimiter");
    tap_ok(tl && tl_timeline_get_note_count(tl) == 2 &&
               strcmp(tl_timeline_get_note(tl, 0), "delimiter: vertical bar") == 0 &&
               strcmp(tl_timeline_get_note(tl, 1), "profile: timeline") == 0,
           "notes: delimiter and profile");
    tl_timeline_free(tl);
    const char bad[] = {'"', '\n', '\r', (char)0xC3};
    for (size_t i = 0; i < sizeof bad; i++) {
        tap_ok(!tl_load_options_set_delimiter(opts, bad[i], &err) && err &&
                   err->code == TL_ERROR_USAGE &&
                   strncmp(err->message, "invalid delimiter", 17) == 0,
               "delimiter 0x%02X refused", (unsigned char)bad[i]);
        tl_error_free(err);
        err = NULL;
    }
    tap_ok(tl_load_options_set_delimiter(opts, 0, NULL), "delimiter 0: sniff again");
}

/* Numeric dates need an order; with one, they load. */
static void test_date_order(tl_load_options *opts)
{
    tl_error *err = NULL;
    const char *numeric = "start,end,title\n04/11/2019,06/11/2019,A\n";
    tl_timeline *tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 0 && tl_timeline_get_warning_count(tl) == 1 &&
               strcmp(tl_timeline_get_warning(tl, 0),
                      "o.csv:2:1: numeric date \"04/11/2019\" needs a date order (--date-order "
                      "dmy or mdy)") == 0,
           "numeric date without an order: a row warning naming the cell");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_DMY);
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1 &&
               tl_event_get_start(tl_timeline_get_event(tl, 0)).lo ==
                   tl_cal_make(2019, 11, 4, 0, 0, 0) &&
               strcmp(tl_event_get_date_label(tl_timeline_get_event(tl, 0)),
                      "4 Nov 2019 \xE2\x80\x93 6 Nov 2019") == 0,
           "dmy");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_MDY);
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1 &&
               tl_event_get_start(tl_timeline_get_event(tl, 0)).lo ==
                   tl_cal_make(2019, 4, 11, 0, 0, 0),
           "mdy");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, (tl_date_order)42);
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1, "an invalid order value is ignored");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_NONE);
}

/* Time zones apply to times without an offset, with daylight saving. */
static void test_time_zone(tl_load_options *opts)
{
    tl_error *err = NULL;
    tap_ok(!tl_load_options_set_time_zone(opts, "Mars/Olympus_Mons", &err) && err &&
               err->code == TL_ERROR_USAGE &&
               strncmp(err->message, "unknown time zone \"Mars/Olympus_Mons\"", 36) == 0,
           "unknown time zone: usage error");
    tl_error_free(err);
    err = NULL;
    tap_ok(tl_load_options_set_time_zone(opts, "Europe/Paris", &err), "Europe/Paris");
    const char *times = "start,title\n2020-01-15T12:00,Winter\n2020-07-15T12:00,Summer\n"
                        "2020-07-15T12:00Z,Explicit\n2020-07-15,Day\n";
    tl_timeline *tl = tl_timeline_load_csv_buffer(times, strlen(times), "o.csv", opts, &err);
    if (tap_ok(tl && tl_timeline_get_event_count(tl) == 4, "times in Europe/Paris load")) {
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 0)).lo,
                   tl_cal_make(2020, 1, 15, 11, 0, 0), "CET is UTC+1");
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 1)).lo,
                   tl_cal_make(2020, 7, 15, 0, 0, 0), "a calendar day is not shifted");
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 2)).lo,
                   tl_cal_make(2020, 7, 15, 10, 0, 0), "CEST is UTC+2");
        tap_is_str(tl_event_get_start_label(tl_timeline_get_event(tl, 2)), "15 Jul 2020 12:00",
                   "labels show the zone's wall clock");
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 3)).lo,
                   tl_cal_make(2020, 7, 15, 12, 0, 0), "an explicit offset wins");
        tap_is_str(tl_event_get_start_label(tl_timeline_get_event(tl, 3)), "15 Jul 2020 14:00",
                   "an explicit UTC time is labelled in the zone");
    }
    tl_timeline_free(tl);
    tap_ok(tl_load_options_set_time_zone(opts, NULL, &err) &&
               tl_load_options_set_time_zone(opts, "UTC", &err) &&
               tl_load_options_set_time_zone(opts, "+09:00", &err) &&
               tl_load_options_set_time_zone(opts, "", &err),
           "NULL, UTC, an offset and \"\" are zones");
}

/* Column overrides. */
static void test_columns(tl_load_options *opts)
{
    tl_error *err = NULL;
    tap_ok(!tl_load_options_set_column(opts, "colour", "x", &err) && err &&
               err->code == TL_ERROR_USAGE &&
               strncmp(err->message, "unknown column role \"colour\"", 28) == 0,
           "unknown role refused");
    tl_error_free(err);
    err = NULL;
    tap_ok(tl_load_options_set_column(opts, "title", "Event Notes", &err) &&
               tl_load_options_set_column(opts, "Group_Order", "rank", &err) &&
               tl_load_options_set_column(opts, "start", "when_it_was", &err),
           "roles accepted");
    const char *cols = "Start,Title,Event Notes,rank,When It Was,team\n"
                       "1999,Old title,New title,2,2020-05,t1\n"
                       "1999,Other,Second,1,2021,t2\n";
    tl_timeline *tl = tl_timeline_load_csv_buffer(cols, strlen(cols), "o.csv", opts, &err);
    if (tap_ok(tl != NULL, "overrides load")) {
        const tl_event *e = tl_timeline_get_event(tl, 0);
        tap_is_str(tl_event_get_title(e), "New title", "title from the overriding column");
        tap_is_str(tl_event_get_start_text(e), "2020-05", "start from the overriding column");
        bool noted = false, other = false;
        for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++) {
            noted = noted || strcmp(tl_timeline_get_note(tl, i), "column \"Title\" ignored") == 0;
            other = other || strcmp(tl_timeline_get_note(tl, i), "column \"Start\" ignored") == 0;
        }
        tap_ok(noted && other, "replaced columns are noted as ignored");
    }
    tl_timeline_free(tl);
    tap_ok(tl_load_options_set_column(opts, "title", NULL, &err), "an override removed");
    tap_ok(tl_timeline_load_csv_buffer("a,b\n", 4, "o.csv", opts, &err) == NULL && err &&
               err->code == TL_ERROR_USAGE &&
               strcmp(err->message, "o.csv:1: no column \"when_it_was\" for the start (found: "
                                    "a, b)") == 0,
           "an override naming no column fails the load");
    tl_error_free(err);
    err = NULL;
}

/* Delimiters, date orders, time zones and column overrides given as load options, in turn on
 * one set of options: each step leaves them as the next expects. */
static void test_options(void)
{
    tl_load_options *opts = tl_load_options_new();
    test_delimiter(opts);
    test_date_order(opts);
    test_time_zone(opts);
    test_columns(opts);
    tl_load_options_free(opts);
    tl_load_options_free(NULL);
}

int main(void)
{
    test_options();
    return tap_done();
}
