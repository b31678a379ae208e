#include "locale-private.h"

#include <glib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"

/* The first Japanese era ICU names that a reader would accept on a modern chart: Meiji
 * (1868). ICU numbers the Japanese eras from Taika (645) = 0. */
enum { JAPANESE_MEIJI_ERA = 232 };

const char *const *tl_locale_catalog_tags(void)
{
    static const char *tags[16];
    static gsize done;
    if (g_once_init_enter(&done)) {
        for (size_t i = 0; i < tl_catalog_count && i + 1 < G_N_ELEMENTS(tags); i++)
            tags[i] = tl_catalogs[i].tag;
        g_once_init_leave(&done, 1);
    }
    return tags;
}

static char *catalog_list(void)
{
    GString *s = g_string_new("");
    for (size_t i = 0; i < tl_catalog_count; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", tl_catalogs[i].tag);
    return g_string_free(s, FALSE);
}

static bool usage(tl_error **err, const char *tag, const char *why)
{
    char *list = catalog_list();
    tl_set_error(err, TL_ERROR_USAGE,
                 "%s locale \"%s\" (a BCP 47 tag such as ja, zh-Hans, ar-EG or "
                 "ja-u-ca-japanese; chart words are shipped for en, %s)",
                 why, tag, list);
    g_free(list);
    return false;
}

static const tl_catalog *find_catalog(const char *tag)
{
    for (size_t i = 0; i < tl_catalog_count; i++)
        if (g_ascii_strcasecmp(tl_catalogs[i].tag, tag) == 0)
            return &tl_catalogs[i];
    return NULL;
}

/* Whether ICU has data for the language: some available locale has it. */
static bool known_language(const tl_icu *icu, const char *lang)
{
    const int32_t n = icu->uloc_countAvailable();
    const size_t len = strlen(lang);
    for (int32_t i = 0; i < n; i++) {
        const char *a = icu->uloc_getAvailable(i);
        if (strncmp(a, lang, len) == 0 && (a[len] == '\0' || a[len] == '_'))
            return true;
    }
    return false;
}

static bool known_calendar(const tl_icu *icu, const char *id, const char *calendar)
{
    UErrorCode st = U_ZERO_ERROR;
    UEnumeration *e = icu->ucal_getKeywordValuesForLocale("calendar", id, false, &st);
    bool found = false;
    const char *v;
    while (U_SUCCESS(st) && (v = icu->uenum_next(e, NULL, &st)) != NULL)
        found = found || strcmp(v, calendar) == 0;
    if (e)
        icu->uenum_close(e);
    return found;
}

/* Language, script and region: what Pango and the lang attributes want. */
static void set_language(tl_locale *loc)
{
    const tl_icu *icu = loc->icu;
    char lang[16] = "", script[16] = "", region[16] = "";
    UErrorCode st = U_ZERO_ERROR;
    icu->uloc_getLanguage(loc->id, lang, sizeof lang, &st);
    icu->uloc_getScript(loc->id, script, sizeof script, &st);
    icu->uloc_getCountry(loc->id, region, sizeof region, &st);
    snprintf(loc->language, sizeof loc->language, "%s%s%s%s%s", lang, script[0] ? "-" : "", script,
             region[0] ? "-" : "", region);

    /* The catalog: language and script ("zh-Hans", also for a bare "zh", whose likely script
     * is Hans), then the language alone ("ja" for "ja-JP"). */
    char full[ULOC_FULLNAME_CAPACITY] = "", likely_script[16] = "", key[40];
    st = U_ZERO_ERROR;
    icu->uloc_addLikelySubtags(loc->id, full, sizeof full, &st);
    icu->uloc_getScript(full, likely_script, sizeof likely_script, &st);
    snprintf(key, sizeof key, "%s-%s", lang, script[0] ? script : likely_script);
    loc->catalog = find_catalog(key);
    if (!loc->catalog)
        loc->catalog = find_catalog(lang);
    loc->lacks_catalog = !loc->catalog && strcmp(lang, "en") != 0;
}

static bool open_formatters(tl_locale *loc, tl_error **err)
{
    const tl_icu *icu = loc->icu;
    UErrorCode st = U_ZERO_ERROR;
    loc->patterns = icu->udatpg_open(loc->id, &st);
    loc->numbers = icu->unum_open(UNUM_DECIMAL, NULL, 0, loc->id, NULL, &st);
    loc->cal = icu->ucal_open(u"UTC", -1, loc->id, UCAL_DEFAULT, &st);
    if (U_FAILURE(st))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot open the formatters of locale \"%s\": %s",
                            loc->tag, icu->u_errorName(st));
    tl_locale_proleptic(loc, loc->cal);
    const char *type = icu->ucal_getType(loc->cal, &st);
    snprintf(loc->calendar, sizeof loc->calendar, "%s", type && U_SUCCESS(st) ? type : "gregorian");
    loc->gregorian = strcmp(loc->calendar, "gregorian") == 0;
    /* These count years their own way but share the Gregorian months. */
    static const char *const aligned[] = {"gregorian", "japanese", "buddhist", "roc", "iso8601"};
    for (size_t i = 0; i < sizeof aligned / sizeof *aligned; i++)
        loc->months_align = loc->months_align || strcmp(loc->calendar, aligned[i]) == 0;
    loc->first_era = strcmp(loc->calendar, "japanese") == 0 ? JAPANESE_MEIJI_ERA : -1;
    return true;
}

/* Reads and checks the tag into a new locale without its formatters; NULL with *err set. */
static tl_locale *parse(const char *tag, tl_error **err)
{
    if (!tag || !tag[0]) {
        usage(err, "", "empty");
        return NULL;
    }
    const tl_icu *icu = tl_icu_get(err);
    if (!icu)
        return NULL;
    tl_locale *loc = tl_xcalloc(1, sizeof *loc);
    loc->icu = icu;
    UErrorCode st = U_ZERO_ERROR;
    int32_t parsed = 0;
    icu->uloc_forLanguageTag(tag, loc->id, sizeof loc->id, &parsed, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || parsed != (int32_t)strlen(tag) ||
        !loc->id[0]) {
        usage(err, tag, "malformed");
        goto fail;
    }
    char lang[16] = "";
    icu->uloc_getLanguage(loc->id, lang, sizeof lang, &st);
    if (U_FAILURE(st) || !known_language(icu, lang)) {
        usage(err, tag, "unknown");
        goto fail;
    }
    char calendar[32] = "";
    st = U_ZERO_ERROR;
    icu->uloc_getKeywordValue(loc->id, "calendar", calendar, sizeof calendar, &st);
    if (U_SUCCESS(st) && calendar[0] && !known_calendar(icu, loc->id, calendar)) {
        char why[64];
        snprintf(why, sizeof why, "unknown calendar \"%s\" in the", calendar);
        usage(err, tag, why);
        goto fail;
    }
    return loc;
fail:
    tl_locale_free(loc);
    return NULL;
}

bool tl_locale_check(const char *tag, tl_error **err)
{
    tl_locale *loc = parse(tag, err);
    tl_locale_free(loc);
    return loc != NULL;
}

bool tl_locale_open(const char *tag, tl_locale **out, tl_error **err)
{
    tl_locale *loc = *out = parse(tag, err);
    if (!loc)
        return false;
    UErrorCode st = U_ZERO_ERROR;
    loc->icu->uloc_toLanguageTag(loc->id, loc->tag, sizeof loc->tag, false, &st);
    if (U_FAILURE(st))
        snprintf(loc->tag, sizeof loc->tag, "%s", tag);
    loc->rtl = loc->icu->uloc_isRightToLeft(loc->id);
    set_language(loc);
    if (!open_formatters(loc, err)) {
        tl_locale_free(loc);
        *out = NULL;
        return false;
    }
    return true;
}

void tl_locale_free(tl_locale *loc)
{
    if (!loc)
        return;
    for (size_t i = 0; i < loc->ncache; i++) {
        loc->cache[i].close(loc->cache[i].object);
        free(loc->cache[i].key);
    }
    free(loc->cache);
    if (loc->patterns)
        loc->icu->udatpg_close(loc->patterns);
    if (loc->numbers)
        loc->icu->unum_close(loc->numbers);
    if (loc->cal)
        loc->icu->ucal_close(loc->cal);
    free(loc);
}

UChar *tl_locale_utf16(const tl_locale *loc, const char *s, int32_t *len)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    loc->icu->u_strFromUTF8(NULL, 0, &n, s, -1, &st);
    UChar *u = g_new(UChar, (size_t)n + 1);
    st = U_ZERO_ERROR;
    loc->icu->u_strFromUTF8(u, n + 1, &n, s, -1, &st);
    if (U_FAILURE(st))
        n = 0;
    u[n] = 0;
    if (len)
        *len = n;
    return u;
}

size_t tl_locale_utf8(const tl_locale *loc, const UChar *s, int32_t len, char *buf, size_t size)
{
    if (size == 0)
        return 0;
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    loc->icu->u_strToUTF8(buf, (int32_t)(size - 1), &n, s, len, &st);
    if (U_FAILURE(st) || n < 0 || (size_t)n >= size) {
        buf[0] = '\0';
        return 0;
    }
    buf[n] = '\0';
    return (size_t)n;
}

void *tl_locale_cache_find(const tl_locale *loc, const char *key)
{
    for (size_t i = 0; i < loc->ncache; i++)
        if (strcmp(loc->cache[i].key, key) == 0)
            return loc->cache[i].object;
    return NULL;
}

void tl_locale_cache_add(tl_locale *loc, const char *key, void *object, void (*close)(void *))
{
    if (loc->ncache == loc->cache_cap) {
        loc->cache_cap = loc->cache_cap ? 2 * loc->cache_cap : 16;
        loc->cache = tl_xrealloc(loc->cache, loc->cache_cap * sizeof *loc->cache);
    }
    loc->cache[loc->ncache++] = (tl_locale_cached){tl_xstrdup(key), object, close};
}

void tl_locale_proleptic(const tl_locale *loc, UCalendar *cal)
{
    /* The earliest instant ICU represents: Gregorian rules for every date, as our model has.
     * Calendars other than the Gregorian refuse; that is fine. */
    UErrorCode st = U_ZERO_ERROR;
    loc->icu->ucal_setGregorianChange(cal, -8.64e15, &st);
}

const char *tl_locale_tag(const tl_locale *loc)
{
    return loc->tag;
}

const char *tl_locale_language(const tl_locale *loc)
{
    return loc->language;
}

bool tl_locale_is_rtl(const tl_locale *loc)
{
    return loc->rtl;
}

const char *tl_locale_catalog(const tl_locale *loc)
{
    return loc->catalog ? loc->catalog->tag : NULL;
}

bool tl_locale_lacks_catalog(const tl_locale *loc)
{
    return loc->lacks_catalog;
}

const char *tl_locale_calendar(const tl_locale *loc)
{
    return loc->calendar;
}

bool tl_locale_fell_back(const tl_locale *loc)
{
    return loc->fell_back;
}

bool tl_locale_is_gregorian(const tl_locale *loc)
{
    return loc->gregorian;
}

bool tl_locale_months_align(const tl_locale *loc)
{
    return loc->months_align;
}
