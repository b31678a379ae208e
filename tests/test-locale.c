/* Locales: tick labels, event dates and numbers against what ICU itself writes for the same
 * instants and skeletons (computed here, through ICU, never a hard-coded list); calendars
 * (Heisei to Reiwa, a Hebrew leap year); the fallback before Meiji; bad tags. */
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "common/tl-calendar.h"
#include "fonts/measure-fixed.h"
#include "layouts/ticks.h"
#include "layouts/words.h"
#include "locale/locale.h"
#include "tap.h"

static const tl_font FONT = {.size = 8.5, .weight = 400};

/* ICU's own text of instant t (seconds) in `tag` for a skeleton, proleptic Gregorian. */
static void icu_date(const char *tag, int64_t t, const char *skeleton, char *out, size_t size)
{
    char id[ULOC_FULLNAME_CAPACITY];
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(tag, id, sizeof id, NULL, &st);
    UDateTimePatternGenerator *g = udatpg_open(id, &st);
    UChar sk[64], pattern[128], text[256];
    u_uastrcpy(sk, skeleton);
    const int32_t n = udatpg_getBestPattern(g, sk, -1, pattern, 128, &st);
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, id, u"UTC", -1, pattern, n, &st);
    UCalendar *cal = ucal_clone(udat_getCalendar(f), &st);
    UErrorCode ignored = U_ZERO_ERROR;
    ucal_setGregorianChange(cal, -8.64e15, &ignored);
    udat_setCalendar(f, cal);
    const int32_t k = udat_format(f, (double)t * 1000.0, text, 256, NULL, &st);
    u_strToUTF8(out, (int32_t)size, NULL, text, k, &st);
    if (U_FAILURE(st))
        snprintf(out, size, "(ICU failed: %s)", u_errorName(st));
    ucal_close(cal);
    udat_close(f);
    udatpg_close(g);
}

static void icu_interval(const char *tag, int64_t a, int64_t b, const char *skeleton, char *out,
                         size_t size)
{
    char id[ULOC_FULLNAME_CAPACITY];
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(tag, id, sizeof id, NULL, &st);
    UChar sk[64], text[256];
    u_uastrcpy(sk, skeleton);
    UDateIntervalFormat *f = udtitvfmt_open(id, sk, -1, u"UTC", -1, &st);
    const int32_t k = udtitvfmt_format(f, (double)a * 1000, (double)b * 1000, text, 256, NULL, &st);
    u_strToUTF8(out, (int32_t)size, NULL, text, k, &st);
    udtitvfmt_close(f);
}

static void icu_number(const char *tag, int64_t v, char *out, size_t size)
{
    char id[ULOC_FULLNAME_CAPACITY];
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(tag, id, sizeof id, NULL, &st);
    UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, id, NULL, &st);
    UChar text[64];
    const int32_t k = unum_formatInt64(f, v, text, 64, NULL, &st);
    u_strToUTF8(out, (int32_t)size, NULL, text, k, &st);
    unum_close(f);
}

static int64_t ymd(int64_t y, int m, int d)
{
    return tl_cal_make(y, m, d, 0, 0, 0);
}

static bool ticks(tl_locale *loc, int64_t t0, int64_t t1, double width, tl_ticks *out)
{
    tl_scale s;
    tl_scale_init(&s, t0, t1, 0, 0, width);
    tl_text_measurer m = tl_measure_fixed();
    const tl_ticks_request rq = {.loc = loc, .fiscal_start = 1};
    return tl_ticks_generate(&s, &m, &FONT, 10, -1e9, 1e9, &rq, out);
}

/* The skeletons ticks.c uses for a tick of `unit` and for the tier above it. */
static const char *tick_skeleton(tl_tick_unit unit)
{
    return unit == TL_TICK_MONTH ? "MMM" : unit == TL_TICK_YEAR ? "y" : "d";
}

static const char *tier_skeleton(tl_tick_unit unit)
{
    return unit == TL_TICK_MONTH ? "y" : "yMMM";
}

/* Ticks over 14 months at two widths (months under years, days under months), as ICU names
 * them. */
static void test_ticks(const char *tag, tl_locale *loc)
{
    const double widths[] = {600, 3000};
    for (size_t w = 0; w < 2; w++) {
        tl_ticks tk;
        if (!tap_ok(ticks(loc, ymd(2019, 11, 1), ymd(2020, 12, 31), widths[w], &tk),
                    "%s: ticks at %.0f pt", tag, widths[w]))
            return;
        char want[256];
        bool same = tk.count > 0;
        for (size_t i = 0; i < tk.count; i++) {
            icu_date(tag, tk.items[i].t, tick_skeleton(tk.unit), want, sizeof want);
            same = strcmp(tk.items[i].label, want) == 0 && same;
            if (strcmp(tk.items[i].label, want) != 0)
                tap_diag("%s: tick %zu is \"%s\", ICU writes \"%s\"", tag, i, tk.items[i].label,
                         want);
        }
        tap_ok(same, "%s: %zu ticks (unit %d) as ICU writes them", tag, tk.count, (int)tk.unit);
        same = tk.span_count > 0;
        for (size_t i = 0; i < tk.span_count; i++) {
            if (!tk.spans[i].label[0])
                continue; /* left out where it does not fit */
            icu_date(tag,
                     i == 0 ? (tk.unit == TL_TICK_MONTH ? ymd(2019, 1, 1) : ymd(2019, 11, 1))
                            : tk.spans[i].t0,
                     tier_skeleton(tk.unit), want, sizeof want);
            same = strcmp(tk.spans[i].label, want) == 0 && same;
            if (strcmp(tk.spans[i].label, want) != 0)
                tap_diag("%s: tier %zu is \"%s\", ICU writes \"%s\"", tag, i, tk.spans[i].label,
                         want);
        }
        tap_ok(same, "%s: %zu tier spans as ICU writes them", tag, tk.span_count);
        tl_ticks_free(&tk);
    }
}

static void time_of(tl_time *t, int64_t lo, int64_t hi, tl_precision p, unsigned flags)
{
    *t = (tl_time){.lo = lo, .hi = hi, .precision = p, .flags = flags};
}

/* Event dates by precision, a span, and a count, as ICU writes them. */
static void test_dates(const char *tag, tl_locale *loc)
{
    char got[256], want[256];
    tl_time t;
    time_of(&t, ymd(2020, 9, 16), ymd(2020, 9, 17) - 1, TL_PRECISION_DAY, 0);
    icu_date(tag, t.lo, "yMMMd", want, sizeof want);
    tap_ok(tl_words_time(loc, &t, got, sizeof got), "%s: a day", tag);
    tap_is_str(got, want, "%s: a day as ICU's yMMMd", tag);
    time_of(&t, ymd(2019, 11, 1), ymd(2019, 12, 1) - 1, TL_PRECISION_MONTH, 0);
    icu_date(tag, t.lo, "yMMM", want, sizeof want);
    tl_words_time(loc, &t, got, sizeof got);
    tap_is_str(got, want, "%s: a month as ICU's yMMM", tag);
    time_of(&t, ymd(2020, 1, 1), ymd(2021, 1, 1) - 1, TL_PRECISION_YEAR, 0);
    icu_date(tag, t.lo, "y", want, sizeof want);
    tl_words_time(loc, &t, got, sizeof got);
    tap_is_str(got, want, "%s: a year as ICU's y", tag);
    /* 500 BCE is astronomical -499: with its era. */
    time_of(&t, ymd(-499, 1, 1), ymd(-498, 1, 1) - 1, TL_PRECISION_YEAR, 0);
    icu_date(tag, t.lo, "Gy", want, sizeof want);
    tl_words_time(loc, &t, got, sizeof got);
    tap_is_str(got, want, "%s: 500 BCE with ICU's era", tag);
    /* "early Nov 2019": the month as ICU writes it, inside the catalog's phrase. */
    time_of(&t, ymd(2019, 11, 1), ymd(2019, 11, 11) - 1, TL_PRECISION_DAY, 0);
    icu_date(tag, t.lo, "yMMM", want, sizeof want);
    tl_words_time(loc, &t, got, sizeof got);
    tap_ok(strstr(got, want) && strcmp(got, want) != 0, "%s: early Nov 2019 is \"%s\"", tag, got);

    tl_event ev = {.has_end = true};
    time_of(&ev.start, ymd(2019, 12, 1), ymd(2020, 1, 1) - 1, TL_PRECISION_MONTH, 0);
    time_of(&ev.end, ymd(2020, 3, 1), ymd(2020, 4, 1) - 1, TL_PRECISION_MONTH, 0);
    icu_interval(tag, ev.start.lo, ev.end.lo, "yMMM", want, sizeof want);
    tl_words_event_date(loc, &ev, got, sizeof got);
    tap_is_str(got, want, "%s: Dec 2019 to Mar 2020 in ICU's interval form", tag);

    icu_number(tag, 9924, want, sizeof want);
    tl_words_count(loc, 9924, got, sizeof got);
    tap_is_str(got, want, "%s: 9,924 with the locale's grouping and digits", tag);
}

static void test_shipped(void)
{
    /* Beyond the catalogs: locales with dates but English words, and digit systems. */
    const char *const extra[] = {"en-GB", "ko", "ar-u-nu-latn", "hi-u-nu-deva"};
    const bool extra_catalog[] = {false, false, true, true};
    const char *const *tags = tl_locale_catalogs();
    size_t n = 0;
    for (; tags[n]; n++) {
    }
    tap_ok(n >= 8, "%zu catalogs shipped", n);
    for (size_t i = 0; i < n + 4; i++) {
        const char *tag = i < n ? tags[i] : extra[i - n];
        tl_locale *loc = NULL;
        tl_error *err = NULL;
        if (!tap_ok(tl_locale_open(tag, &loc, &err), "%s opens", tag)) {
            tl_error_free(err);
            continue;
        }
        tap_ok((i < n || extra_catalog[i - n]) == (tl_locale_catalog(loc) != NULL),
               "%s: catalog %s", tag, tl_locale_catalog(loc) ? tl_locale_catalog(loc) : "none");
        test_ticks(tag, loc);
        test_dates(tag, loc);
        tl_locale_free(loc);
    }
}

static tl_locale *open_or_fail(const char *tag)
{
    tl_locale *loc = NULL;
    tl_error *err = NULL;
    if (!tl_locale_open(tag, &loc, &err)) {
        tap_ok(false, "%s opens: %s", tag, err->message);
        tl_error_free(err);
    }
    return loc;
}

/* The axis across 2019-04-30/05-01 in the Japanese calendar: Heisei 31, then Reiwa 1. */
static void test_japanese_era(void)
{
    tl_locale *loc = open_or_fail("ja-u-ca-japanese");
    if (!loc)
        return;
    tl_ticks tk;
    tap_ok(ticks(loc, ymd(2019, 1, 1), ymd(2019, 12, 31), 500, &tk), "Japanese calendar ticks");
    bool boundary = false;
    char want[256];
    for (size_t i = 0; i < tk.span_count; i++) {
        const int64_t start = i == 0 ? ymd(2019, 1, 1) : tk.spans[i].t0;
        icu_date("ja-u-ca-japanese", start, "y", want, sizeof want);
        tap_is_str(tk.spans[i].label, want, "era year %zu as ICU names it", i);
        boundary = boundary || tk.spans[i].t0 == ymd(2019, 5, 1);
    }
    tap_ok(boundary && tk.span_count == 2, "a year tier starts at Reiwa's first day (%zu spans)",
           tk.span_count);
    tl_ticks_free(&tk);
    char got[128];
    tl_locale_date(loc, ymd(1700, 6, 1), "y", got, sizeof got);
    icu_date("ja", ymd(1700, 6, 1), "y", want, sizeof want);
    tap_is_str(got, want, "1700, before Meiji, in the Gregorian calendar");
    tap_ok(tl_locale_fell_back(loc), "... and the locale says so");
    tl_locale_free(loc);
}

/* The Hebrew year 5779 (2018-09-10 to 2019-09-29) is a leap year: Adar I and Adar II. */
static void test_hebrew_leap(void)
{
    tl_locale *loc = open_or_fail("he-u-ca-hebrew");
    if (!loc)
        return;
    tl_ticks tk;
    tap_ok(ticks(loc, ymd(2018, 9, 10), ymd(2019, 9, 29), 700, &tk), "Hebrew calendar ticks");
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(u"UTC", -1, "he@calendar=hebrew", UCAL_DEFAULT, &st);
    bool starts = tk.count > 0;
    char want[256];
    for (size_t i = 0; i < tk.count; i++) {
        ucal_setMillis(cal, (double)tk.items[i].t * 1000, &st);
        starts = starts && ucal_get(cal, UCAL_DATE, &st) == 1;
        icu_date("he-u-ca-hebrew", tk.items[i].t, "MMM", want, sizeof want);
        tap_is_str(tk.items[i].label, want, "Hebrew month %zu as ICU names it", i);
    }
    tap_ok(starts && U_SUCCESS(st), "every tick is the first day of a Hebrew month");
    /* A Gregorian month is a run of Hebrew days, never one Hebrew month. */
    tl_time nov;
    time_of(&nov, ymd(2019, 11, 1), ymd(2019, 12, 1) - 1, TL_PRECISION_MONTH, 0);
    char got[256];
    icu_interval("he-u-ca-hebrew", nov.lo, nov.hi, "yMMMd", want, sizeof want);
    tl_words_time(loc, &nov, got, sizeof got);
    tap_is_str(got, want, "November 2019 as the Hebrew days it covers");
    tap_is_int((long long)tk.count, 13, "13 months in the leap year 5779");
    ucal_close(cal);
    tl_ticks_free(&tk);
    tl_locale_free(loc);
}

/* Year ticks over a long span jump from tick to tick instead of walking months: they must be
 * exactly the year starts ICU gives, every multiple of the step, none missed. */
static void test_long_span(const char *tag, const char *icu_id, int64_t every)
{
    tl_locale *loc = open_or_fail(tag);
    if (!loc)
        return;
    const int64_t t0 = ymd(1500, 3, 1), t1 = ymd(2030, 1, 1);
    tl_scale s;
    tl_scale_init(&s, t0, t1, 0, 0, 4000);
    tl_text_measurer m = tl_measure_fixed();
    const tl_ticks_request rq = {
        .loc = loc, .fiscal_start = 1, .fixed = true, .unit = TL_TICK_YEAR, .every = every};
    tl_ticks tk;
    tap_ok(tl_ticks_generate(&s, &m, &FONT, 10, -1e9, 1e9, &rq, &tk), "%s: %lld-year ticks",
           tag, (long long)every);
    /* ICU's own list: the first day of every year of that calendar inside [t0, t1]. */
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(u"UTC", -1, icu_id, UCAL_DEFAULT, &st);
    ucal_setMillis(cal, (double)t0 * 1000, &st);
    size_t want = 0, matched = 0;
    for (int32_t y = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);; y++) {
        ucal_clear(cal);
        ucal_set(cal, UCAL_EXTENDED_YEAR, y);
        ucal_set(cal, UCAL_DAY_OF_YEAR, 1);
        const int64_t start = (int64_t)(ucal_getMillis(cal, &st) / 1000);
        if (U_FAILURE(st) || start > t1)
            break;
        if (start < t0 || ucal_get(cal, UCAL_YEAR, &st) % every != 0)
            continue;
        for (size_t i = 0; i < tk.count; i++)
            matched += tk.items[i].t == start;
        want++;
    }
    tap_ok(U_SUCCESS(st) && want > 0 && tk.count == want && matched == want,
           "%s: the %zu ticks are ICU's %zu year starts (%zu matched)", tag, tk.count, want,
           matched);
    ucal_close(cal);
    tl_ticks_free(&tk);
    tl_locale_free(loc);
}

static void test_bad_tags(void)
{
    const char *const bad[] = {"", "ja_JP!", "xx-Qqqq-99-", "qq", "ja-u-ca-nosuch", "--"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        tl_locale *loc = NULL;
        tl_error *err = NULL;
        const bool ok = tl_locale_open(bad[i], &loc, &err);
        tap_ok(!ok && !loc && err->code == TL_ERROR_USAGE && strstr(err->message, bad[i]) &&
                   strstr(err->message, "zh-Hans"),
               "\"%s\" is a usage error naming the tag and the catalogs: %s", bad[i],
               err ? err->message : "(none)");
        tl_error_free(err);
    }
}

int main(void)
{
    test_shipped();
    test_japanese_era();
    test_hebrew_leap();
    test_long_span("he-u-ca-hebrew", "he@calendar=hebrew", 50);
    test_long_span("ar-u-ca-islamic", "ar@calendar=islamic", 100);
    test_long_span("fa-u-ca-persian", "fa@calendar=persian", 20);
    test_bad_tags();
    return tap_done();
}
