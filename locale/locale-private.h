#ifndef TL_LOCALE_PRIVATE_H
#define TL_LOCALE_PRIVATE_H

#include "locale.h"

#include "catalog.h"
#include "icu.h"

/* Formatters opened on first use, kept for the chart: one per skeleton or message. */
typedef struct tl_locale_cached {
    char *key;
    void *object;
    void (*close)(void *object);
} tl_locale_cached;

struct tl_locale {
    const tl_icu *icu;
    char id[ULOC_FULLNAME_CAPACITY]; /* ICU's form: "ja@calendar=japanese" */
    char tag[ULOC_FULLNAME_CAPACITY];
    char language[64];
    char calendar[32];
    const tl_catalog *catalog;
    bool lacks_catalog;
    bool rtl;
    bool gregorian;
    bool months_align; /* the calendar's months and years are the Gregorian ones */
    bool fell_back;
    /* The era before which the calendar names no date (Japanese: Meiji), or -1. */
    int32_t first_era;
    UDateTimePatternGenerator *patterns;
    UNumberFormat *numbers;
    UCalendar *cal; /* the locale's calendar, UTC, for boundaries */
    tl_locale_cached *cache;
    size_t ncache, cache_cap;
};

/* The cached object under key, or NULL. */
void *tl_locale_cache_find(const tl_locale *loc, const char *key);
/* Keeps `object` under key; the locale closes it when freed. */
void tl_locale_cache_add(tl_locale *loc, const char *key, void *object, void (*close)(void *));
/* UTF-8 <-> UTF-16 with ICU; the returned string is the caller's (g_free). */
UChar *tl_locale_utf16(const tl_locale *loc, const char *s, int32_t *len);
size_t tl_locale_utf8(const tl_locale *loc, const UChar *s, int32_t len, char *buf, size_t size);
/* Makes a calendar proleptic Gregorian (ICU's switches to Julian before 1582). */
void tl_locale_proleptic(const tl_locale *loc, UCalendar *cal);

#endif /* TL_LOCALE_PRIVATE_H */
