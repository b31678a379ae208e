/* The scene builder and its JSON dump: escaping, locale-independent numbers, boxes, roles. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "common/tl-utf8.h"
#include "data/date.h"
#include "fonts/measure-fixed.h"
#include "scene/scene.h"
#include "tap.h"

static void test_buf_numbers(void)
{
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_fixed2(&b, 1.005);
    tl_buf_append_char(&b, ' ');
    tl_buf_append_fixed2(&b, -0.001);
    tl_buf_append_char(&b, ' ');
    tl_buf_append_fixed2(&b, -12.345);
    tl_buf_append_char(&b, ' ');
    tl_buf_append_fixed2(&b, 900);
    tap_is_str(b.data, "1.00 0.00 -12.35 900.00", "fixed2 numbers (no \"-0.00\")");
    tl_buf_clear(&b);
    const double shorts[] = {1.005, -0.001, -12.345, 900, 2.5, -0.5, 0.07, 1e6};
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
        tl_buf_append_short2(&b, shorts[i]);
        tl_buf_append_char(&b, ' ');
    }
    tap_is_str(b.data, "1 0 -12.35 900 2.5 -0.5 0.07 1000000 ",
               "short2 numbers drop trailing zeros");
    tl_buf_clear(&b);
    const unsigned long long ints[] = {0, 7, 10, 4096, 18446744073709551615ULL};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        tl_buf_append_uint(&b, ints[i]);
        tl_buf_append_char(&b, ' ');
    }
    tap_is_str(b.data, "0 7 10 4096 18446744073709551615 ", "unsigned integers in decimal");
    tl_buf_clear(&b);
    tl_buf_append_hex(&b, 0x1f2328, 6);
    tl_buf_append_char(&b, ' ');
    tl_buf_append_hex(&b, 0xab, 4);
    tl_buf_append_char(&b, ' ');
    tl_buf_append_hex(&b, 18446744073709551615ULL, 16);
    tl_buf_append_char(&b, ' ');
    tl_buf_append_hex(&b, 0x123, 2);
    tap_is_str(b.data, "1f2328 00ab ffffffffffffffff 23",
               "hex digits, zero-padded to the width, the low ones kept");
    tl_buf_free(&b);

    /* A comma locale must not change the dump. */
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8") || setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
        tl_buf_append_fixed2(&b, 3.5);
        tap_is_str(b.data, "3.50", "decimal point under a comma locale");
        tl_buf_free(&b);
        setlocale(LC_NUMERIC, "C");
    } else {
        tap_ok(true, "decimal point under a comma locale # SKIP no such locale");
    }
}

static void test_json_strings(void)
{
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_json_string(&b, "a\"b\\c\nd\te\x01 \xe2\x80\x93 </svg>");
    tap_is_str(b.data, "\"a\\\"b\\\\c\\nd\\te\\u0001 \xe2\x80\x93 </svg>\"",
               "JSON escaping of quotes, backslashes, controls; UTF-8 kept");
    tl_buf_free(&b);
}

static void test_builder(void)
{
    tl_scene *s = tl_scene_new(300, 200);
    tl_time nov, y2020, y2021;
    tl_date_parse("2019-11", &nov, NULL);
    tl_date_parse("c. 2020", &y2020, NULL);
    tl_date_parse("-0499", &y2021, NULL);
    const tl_scene_event events[2] = {
        {.title = tl_scene_strdup(s, "First \"one\""),
         .start = tl_scene_strdup(s, "2019-11"),
         .start_time = nov,
         .placed = true},
        {.title = tl_scene_strdup(s, "Second"),
         .start = tl_scene_strdup(s, "c. 2020"),
         .start_time = y2020,
         .end = tl_scene_strdup(s, "-0499"),
         .end_time = y2021},
    };
    tl_scene_copy_events(s, events, 2);
    tap_ok(s->marks[0].placed && !s->marks[1].placed && s->events_lo == nov.lo &&
               s->events_hi == nov.hi && s->event_group_count == 0,
           "copied events: their marks, the time they cover, no groups");
    tap_ok(tl_scene_event_at(s, 1).end_time.lo == y2021.lo && tl_scene_event_at(s, 0).placed,
           "and read back");
    tl_scene_add_rect(s, TL_ROLE_SPAN, 1, 10, 20, 30, 5, (tl_color){1, 0, 0, 1});
    tl_scene_add_line(s, TL_ROLE_EVENT_STEM, 0, 50, 80, 50, 30,
                      (tl_stroke){.color = {0, 0, 0, 1}, .width = 1});
    tl_op *mk = tl_scene_push(s, TL_OP_MARKER, TL_ROLE_EVENT_MARK, 0);
    mk->u.marker = (tl_marker_op){.cx = 50, .cy = 85, .radius = 4, .fill = {0, 0, 1, 1}};
    tl_text_measurer m = tl_measure_fixed();
    tl_font f = {.size = 10, .weight = 400};
    tl_text_shape shape = {0};
    tl_text_extents ext;
    m.measure(m.user, &f, &shape, "Label", &ext);
    tl_scene_add_text(s, TL_ROLE_EVENT_LABEL, 0, 55, 20, "Label", &f, &shape, &ext,
                      (tl_color){0, 0, 0, 1});
    tl_scene_add_warning(s, strdup("line 3: something"));

    double box[4];
    tl_scene_op_bbox(&s->ops[1], box);
    tap_ok(box[0] == 50 && box[1] == 30 && box[2] == 0 && box[3] == 50,
           "a line's box is normalised (y2 < y1)");
    tl_scene_op_bbox(&s->ops[2], box);
    tap_ok(box[0] == 46 && box[1] == 81 && box[2] == 8 && box[3] == 8, "a marker's box");
    tap_is_near(s->ops[3].u.text.w, 30, 1e-9, "fixed measurer: 5 chars x 0.6 em x 10 pt");
    tap_is_near(s->ops[3].u.text.h, 12, 1e-9, "fixed measurer: 1.2 em line");

    char *json = tl_scene_to_json(s);
    tap_ok(strstr(json, "{\"version\":1,\"width\":300.00,\"height\":200.00,") == json,
           "format version, then the size");
    tap_ok(strstr(json, "{\"type\":\"rect\",\"role\":\"span\",\"event\":1,"
                        "\"bbox\":[10.00,20.00,30.00,5.00],\"fill\":\"#ff0000\"}") != NULL,
           "rect item");
    tap_ok(strstr(json, "\"type\":\"text\",\"role\":\"event-label\",\"event\":0,"
                        "\"bbox\":[55.00,20.00,30.00,12.00],\"text\":\"Label\"") != NULL,
           "text item with its measured box");
    tap_ok(strstr(json, "{\"index\":0,\"title\":\"First \\\"one\\\"\",\"start\":{\"text\":"
                        "\"2019-11\",\"lo\":\"2019-11-01T00:00:00Z\",\"hi\":"
                        "\"2019-11-30T23:59:59Z\",\"precision\":\"month\",\"approximate\":false,"
                        "\"uncertain\":false},\"end\":null,\"placed\":true}") != NULL,
           "event entry: escaped title, the start as an interval, a null end");
    tap_ok(strstr(json, "\"start\":{\"text\":\"c. 2020\",\"lo\":\"2020-01-01T00:00:00Z\","
                        "\"hi\":\"2020-12-31T23:59:59Z\",\"precision\":\"year\","
                        "\"approximate\":true,\"uncertain\":false}") != NULL,
           "an approximate year");
    tap_ok(strstr(json, "\"end\":{\"text\":\"-0499\",\"lo\":\"-0499-01-01T00:00:00Z\"") != NULL,
           "astronomical year -0499 (500 BCE) in lo");
    tap_ok(strstr(json, "\"placed\":false") != NULL, "unplaced event");
    tap_ok(strstr(json, "\"warnings\":[\n \"line 3: something\"]") != NULL, "warnings");
    free(json);

    FILE *full = fopen("/dev/full", "w");
    if (full) {
        tl_error *err = NULL;
        tap_ok(!tl_scene_write_json(s, full, &err) && err && err->code == TL_ERROR_IO,
               "writing JSON to a full disk is an I/O error");
        tl_error_free(err);
        fclose(full);
    }
    tl_scene_free(s);

    static const tl_role roles[] = {TL_ROLE_EVENT_LABEL, TL_ROLE_EVENT_MARK, TL_ROLE_SPAN,
                                    TL_ROLE_ERA,         TL_ROLE_TICK_LABEL, TL_ROLE_AXIS,
                                    TL_ROLE_TITLE,       TL_ROLE_LEGEND};
    static const char *const names[] = {"event-label", "event-mark", "span",  "era",
                                        "tick-label",  "axis",       "title", "legend"};
    bool all = true;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        all = all && strcmp(tl_scene_role_name(roles[i]), names[i]) == 0;
    tap_ok(all, "documented role names");
}

static void test_fixed_measurer_wrap(void)
{
    tl_text_measurer m = tl_measure_fixed();
    tl_font f = {.size = 10};
    tl_text_extents e;
    tl_text_shape wrap = {.wrap_width = 40};
    m.measure(m.user, &f, &wrap, "aaaa bbbb cccc", &e);
    tap_is_int(e.lines, 3, "wraps at 6 chars per 40 pt: three words of 4 -> 3 lines");
    tl_text_shape cap = {.wrap_width = 40, .max_lines = 2};
    m.measure(m.user, &f, &cap, "aaaa bbbb cccc", &e);
    tap_ok(e.lines == 2 && e.ellipsized, "max_lines caps and marks ellipsized");
    tl_text_shape none = {0};
    m.measure(m.user, &f, &none, "\xe6\x97\xa5\xe6\x9c\xac", &e);
    tap_is_near(e.width, 12, 1e-9, "code points, not bytes, are counted");
}

/* Message cuts end at a character: "%.*s" with tl_utf8_prefix() never splits one. */
static void test_utf8_prefix(void)
{
    const char *hindi = "क्षेत्रीय"; /* 3-byte characters */
    tap_is_int(tl_utf8_prefix(hindi, 4), 3, "a cut inside a character moves before it");
    tap_is_int(tl_utf8_prefix(hindi, 6), 6, "a cut between characters stays");
    tap_is_int(tl_utf8_prefix(hindi, 100), (long long)strlen(hindi), "a short text is whole");
    tap_is_int(tl_utf8_prefix("ab", 2), 2, "ASCII is cut anywhere");
    tap_is_int(tl_utf8_prefix("é", 1), 0, "no room for the first character: nothing");
    tap_is_int(tl_utf8_prefix("😀x", 3), 0, "a 4-byte character is not split");
    tap_is_int(tl_utf8_prefix("😀x", 4), 4, "... and kept when it fits");
}

int main(void)
{
    test_utf8_prefix();
    test_buf_numbers();
    test_json_strings();
    test_builder();
    test_fixed_measurer_wrap();
    return tap_done();
}
