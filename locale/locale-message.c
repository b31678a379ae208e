/* Chart words: the catalog's ICU MessageFormat pattern (or the English msgid), formatted with
 * ICU's message formatter. */
#include "locale-private.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static int compare_key(const void *key, const void *entry)
{
    return strcmp(key, ((const tl_catalog_entry *)entry)->key);
}

static const char *pattern_of(const tl_locale *loc, const char *context, const char *msgid)
{
    if (!loc->catalog)
        return msgid;
    char key[512];
    snprintf(key, sizeof key, "%s%s%s", context ? context : "", context ? "\004" : "", msgid);
    const tl_catalog_entry *e =
        bsearch(key, loc->catalog->entries, loc->catalog->count, sizeof *e, compare_key);
    return e ? e->text : msgid;
}

/* Which top-level arguments of a pattern ICU reads as numbers ({0, plural, ...},
 * {0, selectordinal, ...}, {0, number}): bit i for argument i. ICU takes each argument from
 * the variable arguments as the type its pattern gives it, so the call must pass exactly that
 * type; the pattern is the translation, which may differ from the msgid. Text in ICU quotes
 * ('{' or '' ) is skipped. *max_arg is the highest argument number used. */
static unsigned numeric_arguments(const char *p, long *max_arg)
{
    unsigned mask = 0;
    *max_arg = -1;
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\'') {
            if (p[1] == '\'') {
                p++;
                continue;
            }
            if (depth == 0 && (p[1] == '{' || p[1] == '}')) {
                const char *end = strchr(p + 1, '\'');
                if (!end)
                    break;
                p = end;
            }
            continue;
        }
        if (*p == '}') {
            depth--;
            continue;
        }
        if (*p != '{')
            continue;
        if (depth++ != 0)
            continue;
        char *after;
        const long arg = strtol(p + 1, &after, 10);
        if (arg > *max_arg)
            *max_arg = arg;
        while (*after == ' ')
            after++;
        if (*after == ',' && arg >= 0 && arg < TL_LOCALE_MAX_ARGS) {
            after++;
            while (*after == ' ')
                after++;
            if (strncmp(after, "plural", 6) == 0 || strncmp(after, "selectordinal", 13) == 0 ||
                strncmp(after, "number", 6) == 0)
                mask |= 1u << arg;
        }
    }
    return mask;
}

static void close_message(void *f)
{
    tl_icu_get(NULL)->umsg_close(f);
}

/* The formatter of a pattern, or NULL when ICU rejects it or it reads more arguments than
 * the caller gives (a translation that added one). */
static UMessageFormat *message_format(tl_locale *loc, const char *pattern, size_t nargs,
                                      unsigned *numeric)
{
    long max_arg;
    *numeric = numeric_arguments(pattern, &max_arg);
    if (max_arg >= (long)nargs)
        return NULL;
    char key[520];
    snprintf(key, sizeof key, "m:%s", pattern);
    UMessageFormat *f = tl_locale_cache_find(loc, key);
    if (f)
        return f;
    int32_t len = 0;
    UChar *u = tl_locale_utf16(loc, pattern, &len);
    UErrorCode st = U_ZERO_ERROR;
    f = loc->icu->umsg_open(u, len, loc->id, NULL, &st);
    g_free(u);
    if (U_FAILURE(st)) {
        if (f)
            loc->icu->umsg_close(f);
        return NULL;
    }
    tl_locale_cache_add(loc, key, f, close_message);
    return f;
}

/* One umsg_format call for each combination of argument types: ISO C cannot build a
 * variable argument list, and ICU reads each argument as the pattern's type. */
#define S(i) s[i]
#define D(i) d[i]
static int32_t call(const tl_icu *icu, UMessageFormat *f, UChar *out, size_t nargs,
                    unsigned numeric, UChar *const *s, const double *d, UErrorCode *st)
{
    const unsigned which = (unsigned)nargs << 3 | (numeric & 7u);
    switch (which) {
    case 0 << 3 | 0:
        return icu->umsg_format(f, out, 256, st);
    case 1 << 3 | 0:
        return icu->umsg_format(f, out, 256, st, S(0));
    case 1 << 3 | 1:
        return icu->umsg_format(f, out, 256, st, D(0));
    case 2 << 3 | 0:
        return icu->umsg_format(f, out, 256, st, S(0), S(1));
    case 2 << 3 | 1:
        return icu->umsg_format(f, out, 256, st, D(0), S(1));
    case 2 << 3 | 2:
        return icu->umsg_format(f, out, 256, st, S(0), D(1));
    case 2 << 3 | 3:
        return icu->umsg_format(f, out, 256, st, D(0), D(1));
    case 3 << 3 | 0:
        return icu->umsg_format(f, out, 256, st, S(0), S(1), S(2));
    case 3 << 3 | 1:
        return icu->umsg_format(f, out, 256, st, D(0), S(1), S(2));
    case 3 << 3 | 2:
        return icu->umsg_format(f, out, 256, st, S(0), D(1), S(2));
    case 3 << 3 | 3:
        return icu->umsg_format(f, out, 256, st, D(0), D(1), S(2));
    case 3 << 3 | 4:
        return icu->umsg_format(f, out, 256, st, S(0), S(1), D(2));
    case 3 << 3 | 5:
        return icu->umsg_format(f, out, 256, st, D(0), S(1), D(2));
    case 3 << 3 | 6:
        return icu->umsg_format(f, out, 256, st, S(0), D(1), D(2));
    case 3 << 3 | 7:
        return icu->umsg_format(f, out, 256, st, D(0), D(1), D(2));
    default:
        *st = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
}
#undef S
#undef D

size_t tl_locale_message(tl_locale *loc, const char *context, const char *msgid,
                         const tl_locale_arg *args, size_t nargs, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (nargs > TL_LOCALE_MAX_ARGS)
        return 0;
    unsigned numeric = 0;
    const char *pattern = pattern_of(loc, context, msgid);
    UMessageFormat *f = message_format(loc, pattern, nargs, &numeric);
    if (!f && pattern != msgid) /* a broken translation: the English words */
        f = message_format(loc, msgid, nargs, &numeric);
    if (!f)
        return 0;
    UChar *s[TL_LOCALE_MAX_ARGS] = {NULL};
    double d[TL_LOCALE_MAX_ARGS] = {0};
    for (size_t i = 0; i < nargs; i++) {
        s[i] = tl_locale_utf16(loc, args[i].text ? args[i].text : "", NULL);
        d[i] = args[i].number;
    }
    UChar out[256];
    UErrorCode st = U_ZERO_ERROR;
    const int32_t n = call(loc->icu, f, out, nargs, numeric, s, d, &st);
    for (size_t i = 0; i < nargs; i++)
        g_free(s[i]);
    if (U_FAILURE(st) || n >= 256)
        return 0;
    return tl_locale_utf8(loc, out, n, buf, size);
}
