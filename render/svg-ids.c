/* Renumbering Cairo's SVG ids so the same chart always gives the same bytes. */
#include "svg-ids.h"

#include <glib.h>
#include <string.h>

#include "common/tl-buf.h"

/* The id prefixes cairo-svg-surface.c prints, each followed by a number (and "-number" for
 * glyphs: font and glyph). */
static const char *const id_prefixes[] = {
    "surface", "glyph", "clip", "mask", "pattern", "image", "linear", "radial", "filter", "source",
};

#define PREFIX_COUNT (sizeof id_prefixes / sizeof id_prefixes[0])

static size_t digits(const char *p, const char *end)
{
    size_t n = 0;
    while (p + n < end && p[n] >= '0' && p[n] <= '9')
        n++;
    return n;
}

/* Length of the id token at p ("glyph0-12"), or 0 when there is none; *prefix is its index in
 * id_prefixes. The token must end the attribute value or url() it is in. */
static size_t id_token(const char *p, const char *end, size_t *prefix)
{
    for (size_t k = 0; k < PREFIX_COUNT; k++) {
        const size_t plen = strlen(id_prefixes[k]);
        if ((size_t)(end - p) <= plen || memcmp(p, id_prefixes[k], plen) != 0)
            continue;
        size_t n = plen, d = digits(p + n, end);
        if (d == 0)
            continue;
        n += d;
        if (p + n < end && p[n] == '-' && (d = digits(p + n + 1, end)) > 0)
            n += 1 + d;
        if (p + n < end && (p[n] == '"' || p[n] == '\'' || p[n] == ')')) {
            *prefix = k;
            return n;
        }
    }
    return 0;
}

char *tl_svg_renumber_ids(const char *svg, size_t len, size_t *out_len)
{
    /* Token (as written) -> its new name; both owned by the table. */
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    unsigned counters[PREFIX_COUNT] = {0};
    tl_buf out = TL_BUF_INIT;
    const char *end = svg + len, *copied = svg;
    for (const char *p = svg; p < end; p++) {
        /* Ids are defined as id="..." and referred to as "#..." (href, url(#...)). */
        const char *start = NULL;
        if (*p == '#')
            start = p + 1;
        else if ((size_t)(end - p) > 4 && memcmp(p, "id=\"", 4) == 0 && (p == svg || p[-1] == ' '))
            start = p + 4;
        if (!start)
            continue;
        size_t prefix;
        const size_t n = id_token(start, end, &prefix);
        if (n == 0)
            continue;
        char *token = g_strndup(start, n);
        const char *name = g_hash_table_lookup(names, token);
        if (!name) {
            char *fresh = g_strdup_printf("%s%u", id_prefixes[prefix], ++counters[prefix]);
            g_hash_table_insert(names, token, fresh);
            name = fresh;
        } else {
            g_free(token);
        }
        tl_buf_append(&out, copied, (size_t)(start - copied));
        tl_buf_append_str(&out, name);
        copied = start + n;
        p = copied - 1;
    }
    tl_buf_append(&out, copied, (size_t)(end - copied));
    g_hash_table_destroy(names);
    *out_len = out.len;
    return tl_buf_steal(&out);
}
