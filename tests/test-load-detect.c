/* Telling formats apart by content (data/load-detect.c), and the table of named cells that
 * the non-tabular importers build (data/table.c): header, positions, the source's own
 * working week. */
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "data/load.h"
#include "data/model-private.h"
#include "data/table.h"
#include "tap.h"

static const char *format_name(tl_input_format f)
{
    static const char *const names[] = {"auto", "csv", "json", "jsonl", "timelinejs", "mermaid",
                                        "markwhen"};
    return (size_t)f < sizeof names / sizeof *names ? names[f] : "?";
}

static void expect(const char *text, tl_input_format want, const char *why)
{
    tap_is_str(format_name(tl_input_format_sniff(text, strlen(text))), format_name(want), "%s",
               why);
}

static void test_sniff(void)
{
    expect("start,end,title\n2019,,A\n", TL_INPUT_CSV, "a CSV header");
    expect("Year;Month;Headline\n", TL_INPUT_CSV, "a semicolon header");
    expect("", TL_INPUT_CSV, "nothing is CSV (its reader says what is missing)");
    expect("\xEF\xBB\xBF  [ {\"start\": \"2019\"} ]", TL_INPUT_JSON, "an array after a BOM");
    expect("{\"start\": \"2019\", \"title\": \"A\"}\n{\"start\": \"2020\"}\n", TL_INPUT_JSONL,
           "one object a line");
    expect("{\"title\": {\"text\": {\"headline\": \"T\"}}, \"events\": []}", TL_INPUT_TIMELINEJS,
           "an object with events, on one line");
    expect("{\n  \"title\": {},\n  \"scale\": \"human\"\n}", TL_INPUT_TIMELINEJS,
           "an object over several lines");
    expect("{\"text\": \"the \\\"events\\\": word\", \"start\": \"2019\"}\n", TL_INPUT_JSONL,
           "\"events\" inside a string value is not the key");
    expect("{\"a\": {\"events\": 1}}\n", TL_INPUT_JSONL, "nor is a nested key");
    expect("gantt\n  title A\n", TL_INPUT_MERMAID, "a gantt diagram");
    expect("%% notes\n\ntimeline\n  title History\n", TL_INPUT_MERMAID,
           "a timeline after a comment");
    expect("---\ntitle: Plan\n---\ngantt\n", TL_INPUT_MERMAID, "Mermaid front matter");
    expect("---\ntitle: India and Japan\n---\n2019: x\n", TL_INPUT_MARKWHEN,
           "Markwhen front matter");
    expect("title: Relations\n2019-11: IPOI\n", TL_INPUT_MARKWHEN, "a Markwhen header line");
    expect("// comment\n2019-11-04: IPOI\n", TL_INPUT_MARKWHEN, "a Markwhen date line");
    expect("Jan 2023 - Mar 2023: planning\n", TL_INPUT_MARKWHEN, "a month range");
    expect("section India\n2019: x\nendSection\n", TL_INPUT_MARKWHEN, "a section");
    expect("2019-11-04,2019-11-05,IPOI\n", TL_INPUT_CSV, "a date row with commas stays CSV");
    expect("when: what\n", TL_INPUT_CSV, "a word before a colon is no date");
}

static void test_table(void)
{
    tl_table *t = tl_table_new("plan.mmd");
    tl_table_add_row(t, 3, 5);
    tl_table_set(t, "title", "Design", 3, 5);
    tl_table_set(t, "start", "2024-01-01", 3, 14);
    tl_table_set(t, "duration", "3d", 3, 26);
    tl_table_set(t, "id", "a", 3, 12);
    tap_is_str(tl_table_get(t, "duration"), "3d", "a cell reads back");
    tl_table_set(t, "duration", "4d", 3, 26);
    tap_is_str(tl_table_get(t, "duration"), "4d", "a second set replaces the first");
    tap_ok(tl_table_get(t, "group") == NULL, "a cell not set is NULL");
    tl_table_add_row(t, 4, 5);
    tl_table_set(t, "title", "Build", 4, 5);
    tl_table_set(t, "start", "after a", 4, 13);
    tl_table_set(t, "duration", "2d", 4, 22);
    tl_table_set(t, "description", "first line", 5, 7);
    tl_table_append(t, "description", "second line", "\n", 6, 7);
    tap_is_str(tl_table_get(t, "description"), "first line\nsecond line", "appended text");
    tl_table_add_row(t, 7, 5);
    tl_table_set(t, "title", "Bad", 7, 5);
    tl_table_set(t, "start", "2024-02-30", 7, 11);
    tap_is_int((long long)tl_table_row_count(t), 3, "three rows");
    tl_table_set_workdays(t, 0x1f); /* Monday to Friday */
    tl_timeline *tl = tl_model_new();
    tl_error *err = NULL;
    const bool ok = tl_table_load(t, tl, NULL, "format: test", &err);
    tap_ok(ok, "the table loads%s%s", err ? ": " : "", err ? err->message : "");
    tap_is_int((long long)tl_timeline_get_event_count(tl), 2, "two events, one row skipped");
    const char *want = "plan.mmd:7:11: invalid date \"2024-02-30\" in column \"start\"";
    const char *got = tl_timeline_get_warning(tl, 0);
    tap_ok(got && strncmp(got, want, strlen(want)) == 0, "the bad cell's own position: %s",
           got ? got : "(none)");
    const tl_event *build = NULL;
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++)
        if (strcmp(tl_event_get_title(tl_timeline_get_event(tl, i)), "Build") == 0)
            build = tl_timeline_get_event(tl, i);
    /* 2024-01-01 is a Monday: Design takes Monday to Thursday, Build Friday and, past the
     * weekend, Monday. */
    tap_ok(build && tl_event_get_start(build).lo == 1704412800, "after a: Friday 5 January (%lld)",
           build ? (long long)tl_event_get_start(build).lo : -1LL);
    tl_time end = {0};
    const bool has_end = build && tl_event_get_end(build, &end);
    tap_ok(has_end && end.hi == 1704758399,
           "two working days: to the end of Monday 8 January (%d, %lld)", has_end,
           (long long)end.hi);
    bool named = false;
    for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
        named = named || strcmp(tl_timeline_get_note(tl, i), "format: test") == 0;
    tap_ok(named, "the format is noted");
    tl_error_free(err);
    tl_timeline_free(tl);
    tl_table_free(t);

    /* Cells and names with white space around them, which the reader trims in place. */
    t = tl_table_new("spaced.mw");
    tl_table_add_row(t, 1, 1);
    tl_table_set(t, "  title ", "   Spaced out  ", 1, 1);
    tl_table_set(t, "start", " 2019 ", 1, 9);
    tl = tl_model_new();
    err = NULL;
    tap_ok(tl_table_load(t, tl, NULL, NULL, &err) && tl_timeline_get_event_count(tl) == 1 &&
               strcmp(tl_event_get_title(tl_timeline_get_event(tl, 0)), "Spaced out") == 0,
           "white space around cells and names is trimmed");
    tl_error_free(err);
    tl_timeline_free(tl);
    tl_table_free(t);

    t = tl_table_new("empty.mw");
    tl = tl_model_new();
    err = NULL;
    tap_ok(!tl_table_load(t, tl, NULL, NULL, &err) && err &&
               strcmp(err->message, "empty.mw: no events") == 0,
           "an empty table is an error: %s", err ? err->message : "(none)");
    tl_error_free(err);
    tl_timeline_free(tl);
    tl_table_free(t);
}

int main(void)
{
    test_sniff();
    test_table();
    return tap_done();
}
