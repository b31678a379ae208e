/* Dates, numbers and chart words through ICU. Every formatter is opened on first use and kept
 * in the locale (once per chart). */
#include "locale-private.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "common/tl-calendar.h"

/* ICU's dates reach about 5.8 million years either side of 1970; deep time stays in our own
 * words beyond a safe margin inside that. */
#define MAX_ICU_SECONDS 1.0e14

/* ICU writes UTF-16 into a buffer of UBUF units; a result that does not fit is a failure. */
enum { UBUF = 256 };
static size_t finish(const tl_locale *loc, const UChar *u, int32_t n, UErrorCode st, char *buf,
                     size_t size)
{
    if (U_FAILURE(st) || n >= UBUF) {
        if (size)
            buf[0] = '\0';
        return 0;
    }
    return tl_locale_utf8(loc, u, n, buf, size);
}

/* The cache's close functions find ICU again: it is loaded once the locale exists. */
static void close_date(void *f)
{
    tl_icu_get(NULL)->udat_close(f);
}

static void close_interval(void *f)
{
    tl_icu_get(NULL)->udtitvfmt_close(f);
}

/* The date format of a skeleton in the ICU locale `id`, proleptic Gregorian where Gregorian. */
static UDateFormat *date_format(tl_locale *loc, const char *id, const char *skeleton)
{
    char key[ULOC_FULLNAME_CAPACITY + 128];
    snprintf(key, sizeof key, "d:%s:%s", id, skeleton);
    UDateFormat *f = tl_locale_cache_find(loc, key);
    if (f)
        return f;
    const tl_icu *icu = loc->icu;
    UChar sk[64], pattern[128];
    UErrorCode st = U_ZERO_ERROR;
    icu->u_strFromUTF8(sk, G_N_ELEMENTS(sk), NULL, skeleton, -1, &st);
    UDateTimePatternGenerator *gen = loc->patterns;
    UDateTimePatternGenerator *own = NULL;
    if (strcmp(id, loc->id) != 0)
        gen = own = icu->udatpg_open(id, &st);
    const int32_t n = icu->udatpg_getBestPattern(gen, sk, -1, pattern, G_N_ELEMENTS(pattern), &st);
    if (own)
        icu->udatpg_close(own);
    f = U_SUCCESS(st) ? icu->udat_open(UDAT_PATTERN, UDAT_PATTERN, id, u"UTC", -1, pattern, n, &st)
                      : NULL;
    if (U_FAILURE(st)) {
        if (f)
            icu->udat_close(f);
        return NULL;
    }
    UCalendar *cal = icu->ucal_clone(icu->udat_getCalendar(f), &st);
    if (U_SUCCESS(st)) {
        tl_locale_proleptic(loc, cal);
        icu->udat_setCalendar(f, cal);
    }
    if (cal)
        icu->ucal_close(cal);
    tl_locale_cache_add(loc, key, f, close_date);
    return f;
}

/* Whether the calendar names t: a Japanese date before Meiji does not (ICU would write it in
 * the era of 645 with a negative year). */
static bool calendar_names(tl_locale *loc, double ms)
{
    if (loc->first_era < 0)
        return true;
    UErrorCode st = U_ZERO_ERROR;
    loc->icu->ucal_setMillis(loc->cal, ms, &st);
    const int32_t era = loc->icu->ucal_get(loc->cal, UCAL_ERA, &st);
    return U_FAILURE(st) || era >= loc->first_era;
}

/* The ICU id of the same locale in the Gregorian calendar. */
static void gregorian_id(const tl_locale *loc, char *buf, size_t size)
{
    const char *at = strchr(loc->id, '@');
    snprintf(buf, size, "%.*s@calendar=gregorian", (int)(at ? at - loc->id : (long)strlen(loc->id)),
             loc->id);
}

size_t tl_locale_date(tl_locale *loc, int64_t t, const char *skeleton, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (fabs((double)t) > MAX_ICU_SECONDS)
        return 0;
    const double ms = (double)t * 1000.0;
    char id[ULOC_FULLNAME_CAPACITY + 32], sk[64];
    snprintf(id, sizeof id, "%s", loc->id);
    bool gregorian = loc->gregorian;
    if (!calendar_names(loc, ms)) {
        gregorian_id(loc, id, sizeof id);
        loc->fell_back = gregorian = true;
    }
    /* Years before 1 need their era: "500 BC", not "500". */
    tl_civil c;
    tl_cal_split(t, &c);
    const bool era = gregorian && c.year <= 0 && strchr(skeleton, 'y') && !strchr(skeleton, 'G');
    snprintf(sk, sizeof sk, "%s%s", era ? "G" : "", skeleton);
    UDateFormat *f = date_format(loc, id, sk);
    if (!f)
        return 0;
    UChar out[UBUF];
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n = loc->icu->udat_format(f, ms, out, UBUF, NULL, &st);
    return finish(loc, out, n, st, buf, size);
}

size_t tl_locale_interval(tl_locale *loc, int64_t a, int64_t b, const char *skeleton, char *buf,
                          size_t size)
{
    if (size)
        buf[0] = '\0';
    /* The interval formatter's calendar switches to Julian before 1582 and, in the Japanese
     * calendar, names dates before Meiji by older eras: those intervals are written as two
     * dates. */
    const double lo = (double)a * 1000.0, hi = (double)b * 1000.0;
    const bool plain = a < tl_cal_make(1583, 1, 1, 0, 0, 0) || fabs((double)b) > MAX_ICU_SECONDS ||
                       !calendar_names(loc, lo) || !calendar_names(loc, hi);
    if (plain) {
        char x[128], y[128];
        if (!tl_locale_date(loc, a, skeleton, x, sizeof x) ||
            !tl_locale_date(loc, b, skeleton, y, sizeof y))
            return 0;
        const tl_locale_arg args[2] = {{.text = x}, {.text = y}};
        return tl_locale_message(loc, "date", "{0} – {1}", args, 2, buf, size);
    }
    char key[96];
    snprintf(key, sizeof key, "i:%s", skeleton);
    const tl_icu *icu = loc->icu;
    UErrorCode st = U_ZERO_ERROR;
    UDateIntervalFormat *f = tl_locale_cache_find(loc, key);
    if (!f) {
        UChar sk[64];
        icu->u_strFromUTF8(sk, G_N_ELEMENTS(sk), NULL, skeleton, -1, &st);
        f = icu->udtitvfmt_open(loc->id, sk, -1, u"UTC", -1, &st);
        if (U_FAILURE(st))
            return 0;
        tl_locale_cache_add(loc, key, f, close_interval);
    }
    UChar out[UBUF];
    const int32_t n = icu->udtitvfmt_format(f, lo, hi, out, UBUF, NULL, &st);
    return finish(loc, out, n, st, buf, size);
}

size_t tl_locale_number(tl_locale *loc, int64_t v, bool grouped, char *buf, size_t size)
{
    UChar out[UBUF];
    UErrorCode st = U_ZERO_ERROR;
    loc->icu->unum_setAttribute(loc->numbers, UNUM_GROUPING_USED, grouped);
    const int32_t n = loc->icu->unum_formatInt64(loc->numbers, v, out, UBUF, NULL, &st);
    loc->icu->unum_setAttribute(loc->numbers, UNUM_GROUPING_USED, 1);
    return finish(loc, out, n, st, buf, size);
}

size_t tl_locale_decimal(tl_locale *loc, double v, int decimals, char *buf, size_t size)
{
    UChar out[UBUF];
    UErrorCode st = U_ZERO_ERROR;
    loc->icu->unum_setAttribute(loc->numbers, UNUM_MAX_FRACTION_DIGITS, decimals);
    const int32_t n = loc->icu->unum_formatDouble(loc->numbers, v, out, UBUF, NULL, &st);
    loc->icu->unum_setAttribute(loc->numbers, UNUM_MAX_FRACTION_DIGITS, 0);
    return finish(loc, out, n, st, buf, size);
}

static void close_list(void *f)
{
    tl_icu_get(NULL)->ulistfmt_close(f);
}

size_t tl_locale_list(tl_locale *loc, const char *const *items, size_t n, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    const tl_icu *icu = loc->icu;
    UErrorCode st = U_ZERO_ERROR;
    UListFormatter *f = tl_locale_cache_find(loc, "l:");
    if (!f) {
        f = icu->ulistfmt_open(loc->id, &st);
        if (U_FAILURE(st))
            return 0;
        tl_locale_cache_add(loc, "l:", f, close_list);
    }
    UChar **u = g_new0(UChar *, n + 1);
    int32_t *len = g_new0(int32_t, n + 1);
    for (size_t i = 0; i < n; i++)
        u[i] = tl_locale_utf16(loc, items[i], &len[i]);
    UChar out[1024];
    const int32_t k = icu->ulistfmt_format(f, (const UChar *const *)u, len, (int32_t)n, out,
                                           G_N_ELEMENTS(out), &st);
    for (size_t i = 0; i < n; i++)
        g_free(u[i]);
    g_free(u);
    g_free(len);
    if (U_FAILURE(st) || k >= (int32_t)G_N_ELEMENTS(out))
        return 0;
    return tl_locale_utf8(loc, out, k, buf, size);
}
