#include "tl-buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tl-alloc.h"

static void reserve(tl_buf *b, size_t extra)
{
    b->data = tl_xgrow(b->data, &b->cap, b->len + extra + 1, 1);
}

void tl_buf_append(tl_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void tl_buf_append_str(tl_buf *b, const char *s)
{
    tl_buf_append(b, s, strlen(s));
}

void tl_buf_append_char(tl_buf *b, char c)
{
    reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void tl_buf_printf(tl_buf *b, const char *fmt, ...)
{
    /* Try the free space first: most calls fit, and then format only once. */
    reserve(b, 64);
    size_t room = b->cap - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void tl_buf_append_json_string(tl_buf *b, const char *s)
{
    tl_buf_append_char(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            tl_buf_append(b, "\\\"", 2);
            break;
        case '\\':
            tl_buf_append(b, "\\\\", 2);
            break;
        case '\n':
            tl_buf_append(b, "\\n", 2);
            break;
        case '\r':
            tl_buf_append(b, "\\r", 2);
            break;
        case '\t':
            tl_buf_append(b, "\\t", 2);
            break;
        default:
            if (*p < 0x20)
                tl_buf_printf(b, "\\u%04x", *p);
            else
                tl_buf_append_char(b, (char)*p);
        }
    }
    tl_buf_append_char(b, '"');
}

/* v to 1/100 in plain digits, written backwards ending at `end`; returns the first byte.
 * Integer arithmetic, so the output never depends on LC_NUMERIC; "-0" never appears. */
static char *hundredths(double v, bool keep_zeros, char *end)
{
    if (!isfinite(v))
        v = 0;
    const long long h = llround(v * 100.0);
    unsigned long long a = h < 0 ? (unsigned long long)-h : (unsigned long long)h;
    const unsigned frac = (unsigned)(a % 100);
    char *p = end;
    if (keep_zeros || frac % 10)
        *--p = (char)('0' + frac % 10);
    if (keep_zeros || frac) {
        *--p = (char)('0' + frac / 10);
        *--p = '.';
    }
    a /= 100;
    do {
        *--p = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    if (h < 0)
        *--p = '-';
    return p;
}

void tl_buf_append_fixed2(tl_buf *b, double v)
{
    char s[32];
    const char *p = hundredths(v, true, s + sizeof s);
    tl_buf_append(b, p, (size_t)(s + sizeof s - p));
}

void tl_buf_append_short2(tl_buf *b, double v)
{
    char s[32];
    const char *p = hundredths(v, false, s + sizeof s);
    tl_buf_append(b, p, (size_t)(s + sizeof s - p));
}

void tl_buf_append_uint(tl_buf *b, unsigned long long v)
{
    char s[24];
    char *p = s + sizeof s;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    tl_buf_append(b, p, (size_t)(s + sizeof s - p));
}

void tl_buf_append_hex(tl_buf *b, unsigned long long v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    char s[16];
    const int n = digits < 1 ? 1 : digits > 16 ? 16 : digits;
    for (int i = n - 1; i >= 0; i--, v >>= 4)
        s[i] = hex[v & 15];
    tl_buf_append(b, s, (size_t)n);
}

void tl_buf_clear(tl_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *tl_buf_steal(tl_buf *b)
{
    char *s = b->data ? b->data : tl_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void tl_buf_free(tl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *tl_xml_entity(unsigned c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&apos;";
    default:
        return NULL;
    }
}
