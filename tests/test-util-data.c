/* Test helpers that need the loader. */
#include <string.h>

#include "common/tl-buf.h"
#include "common/tl-calendar.h"
#include "tap.h"
#include "test-util.h"

tl_timeline *test_load_csv(const char *csv, const char *name)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), name, NULL, &err);
    if (!tl) {
        tap_diag("%s: %s", name, err->message);
        tl_error_free(err);
    }
    return tl;
}

const tl_event *test_find_event(const tl_timeline *tl, const char *title)
{
    for (size_t i = 0; tl && i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        if (strcmp(tl_event_get_title(e), title) == 0)
            return e;
    }
    tap_diag("no event titled \"%s\"", title);
    return NULL;
}

char *test_join_warnings(const tl_timeline *tl)
{
    tl_buf b = TL_BUF_INIT;
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++) {
        if (i > 0)
            tl_buf_append_char(&b, '\n');
        tl_buf_append_str(&b, tl_timeline_get_warning(tl, i));
    }
    return tl_buf_steal(&b);
}

const char *test_iso_seconds(int64_t t, char *buf, size_t size)
{
    tl_time x = {.lo = t, .hi = t, .precision = TL_PRECISION_SECOND};
    tl_cal_format_iso(&x, buf, size);
    return buf;
}

const char *test_precision_name(tl_precision p)
{
    switch (p) {
    case TL_PRECISION_YEAR:
        return "year";
    case TL_PRECISION_MONTH:
        return "month";
    case TL_PRECISION_DAY:
        return "day";
    case TL_PRECISION_MINUTE:
        return "minute";
    case TL_PRECISION_SECOND:
        return "second";
    }
    return "?";
}

bool test_same_time(tl_time a, tl_time b)
{
    return a.lo == b.lo && a.hi == b.hi && a.precision == b.precision && a.flags == b.flags;
}
