/* The chart words of each shipped language, compiled in from po/LANG.po by scripts/po2c.py. */
#ifndef TL_LOCALE_CATALOG_H
#define TL_LOCALE_CATALOG_H

#include <stddef.h>

typedef struct tl_catalog_entry {
    const char *key;  /* "msgctxt\004msgid", as gettext joins them */
    const char *text; /* the translated ICU MessageFormat pattern */
} tl_catalog_entry;

typedef struct tl_catalog {
    const char *tag;                 /* BCP 47: "ja", "zh-Hans" */
    const tl_catalog_entry *entries; /* sorted by key (strcmp) */
    size_t count;
} tl_catalog;

extern const tl_catalog tl_catalogs[]; /* sorted by tag */
extern const size_t tl_catalog_count;

#endif /* TL_LOCALE_CATALOG_H */
