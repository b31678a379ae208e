/* The document's language in a PDF: /Lang in the catalog, which Cairo 1.16 has no call for,
 * and /MarkInfo for a tagged one.
 * The document Cairo wrote is rewritten: the entry inserted after /Type /Catalog, and the
 * cross-reference offsets of everything after it moved by its length. */
#include "pdf-format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

static char *copy(const char *data, size_t len)
{
    char *out = tl_xmalloc(len ? len : 1);
    memcpy(out, data, len);
    return out;
}

bool tl_pdf_rewrites(const tl_scene *scene)
{
    return scene->lang != NULL;
}

/* The last occurrence of `needle` in [data, data + len), or NULL. */
static const char *find_last(const char *data, size_t len, const char *needle)
{
    const size_t n = strlen(needle);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (memcmp(data + i, needle, n) == 0)
            return data + i;
    return NULL;
}

/* A decimal number at p, before `end`: digits only, at most 19. Sets *next past it. */
static bool read_number(const char *p, const char *end, unsigned long *out, const char **next)
{
    unsigned long v = 0;
    const char *q = p;
    while (q < end && q - p < 19 && *q >= '0' && *q <= '9')
        v = v * 10 + (unsigned long)(*q++ - '0');
    *out = v;
    *next = q;
    return q > p;
}

/* Adds `delta` to every in-use offset past `after` in the table at `xref` ("xref\n0 N\n" then
 * N entries of 20 bytes, "OOOOOOOOOO GGGGG n \n"), in place. False when it is not that. */
static bool shift_xref(char *xref, const char *end, size_t after, size_t delta)
{
    unsigned long first, count;
    const char *p = xref + 5;
    if (end - xref < 8 || memcmp(xref, "xref\n", 5) != 0 || !read_number(p, end, &first, &p) ||
        p >= end || *p++ != ' ' || !read_number(p, end, &count, &p) || p >= end || *p++ != '\n')
        return false;
    char *entry = xref + (p - xref);
    for (unsigned long i = 0; i < count; i++, entry += 20) {
        if (entry + 20 > end || entry[17] != 'n') {
            if (entry + 20 > end || entry[17] != 'f')
                return false;
            continue;
        }
        unsigned long offset;
        const char *after_digits;
        read_number(entry, entry + 10, &offset, &after_digits);
        if (offset > after) {
            char digits[16];
            snprintf(digits, sizeof digits, "%010lu", offset + delta);
            if (strlen(digits) != 10)
                return false;
            memcpy(entry, digits, 10);
        }
    }
    return true;
}

char *tl_pdf_rewrite(const tl_scene *scene, const char *data, size_t len, size_t *out_len)
{
    static const char catalog[] = "/Type /Catalog";
    /* BCP 47 tags are letters, digits and hyphens: nothing a PDF string needs escaped. */
    const char *at = find_last(data, len, catalog);
    /* Cairo writes the structure tree of a tagged document but does not mark it as such. */
    const bool structure =
        at && find_last(at, len - (size_t)(at - data), "/StructTreeRoot") != NULL;
    char entry[128];
    snprintf(entry, sizeof entry, " /Lang (%.80s)%s", scene->lang,
             structure ? " /MarkInfo << /Marked true >>" : "");
    const char *xref = find_last(data, len, "\nxref\n");
    const char *start = find_last(data, len, "\nstartxref\n");
    if (!at || !xref || !start || xref < at || start < xref) {
        *out_len = len; /* not the document Cairo writes: left as it is */
        return copy(data, len);
    }
    const size_t pos = (size_t)(at - data) + sizeof catalog - 1, delta = strlen(entry);
    const size_t tail = (size_t)(start - data) + strlen("\nstartxref\n");
    char *out = tl_xmalloc(len + delta + 32);
    memcpy(out, data, pos);
    memcpy(out + pos, entry, delta);
    memcpy(out + pos + delta, data + pos, tail - pos);
    size_t n = tail + delta;
    char *table = out + (xref - data) + 1 + delta;
    unsigned long startxref;
    const char *after_digits;
    read_number(data + tail, data + len, &startxref, &after_digits);
    if (!shift_xref(table, out + n, pos, delta)) {
        free(out);
        *out_len = len;
        return copy(data, len);
    }
    n += (size_t)snprintf(out + n, 32, "%lu\n%%%%EOF\n", startxref + delta);
    *out_len = n;
    return out;
}
