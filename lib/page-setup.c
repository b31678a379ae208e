/* Page sizes, lengths and margins as a user writes them on the command line or in a style
 * file, read into points for the library's page options. Numbers are read by hand so that
 * "8.5" means the same in every locale. */
#include <stdarg.h>
#include <string.h>

#include "job-private.h"

#define MM (72.0 / 25.4)

/* ISO 216 and the North American sizes, portrait, in points. */
static const struct {
    const char *name;
    double width, height;
} page_sizes[] = {
    {"A5", 148 * MM, 210 * MM}, {"A4", 210 * MM, 297 * MM}, {"A3", 297 * MM, 420 * MM},
    {"A2", 420 * MM, 594 * MM}, {"A1", 594 * MM, 841 * MM}, {"A0", 841 * MM, 1189 * MM},
    {"Letter", 612, 792},       {"Legal", 612, 1008},       {"Tabloid", 792, 1224},
};

static const struct {
    const char *name;
    double points;
} units[] = {{"mm", MM}, {"cm", 10 * MM}, {"in", 72}, {"pt", 1}};

/* The largest length accepted: the library ignores longer ones (Cairo's coordinates and PDF
 * viewers give out long before). */
static const double MAX_LENGTH = 100000;

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* strcasecmp() follows the locale, where "I" need not fold to "i". */
static bool ascii_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
            return false;
    return *a == *b;
}

/* The length of the longest prefix of `s` of at most `max` bytes that does not cut a UTF-8
 * character, so that a quoted value is shortened between characters. */
static int utf8_prefix(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    /* A continuation byte right after the cut means the cut is inside a character. */
    if (n == max)
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    return (int)n;
}

/* A decimal number "12", "8.5", ".5" at *p; advances *p past it. No sign, no exponent. */
static bool read_number(const char **p, double *out)
{
    const char *s = *p;
    double value = 0;
    bool digits = false;
    for (; *s >= '0' && *s <= '9'; s++, digits = true)
        value = value * 10 + (*s - '0');
    if (*s == '.') {
        double scale = 0.1;
        for (s++; *s >= '0' && *s <= '9'; s++, digits = true, scale /= 10)
            value += (*s - '0') * scale;
    }
    if (!digits)
        return false;
    *p = s;
    *out = value;
    return true;
}

/* The unit at *p ("" is points when `bare_ok`); advances *p past it. */
static bool read_unit(const char **p, bool bare_ok, double *factor)
{
    while (**p == ' ')
        (*p)++;
    if (!**p) {
        *factor = 1;
        return bare_ok;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n = strlen(units[i].name);
        if (ascii_lower((unsigned char)(*p)[0]) == units[i].name[0] &&
            ascii_lower((unsigned char)(*p)[1]) == units[i].name[1] && (*p)[n] == '\0') {
            *p += n;
            *factor = units[i].points;
            return true;
        }
    }
    return false;
}

/* Sets *why (when why is not NULL) to the message; returns false. */
static bool refuse(char **why, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static bool refuse(char **why, const char *fmt, ...)
{
    if (why) {
        va_list ap;
        va_start(ap, fmt);
        *why = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }
    return false;
}

bool tl_length_parse(const char *text, double *points, char **why)
{
    const char *p = text ? text : "";
    while (*p == ' ')
        p++;
    double value, factor;
    if (!read_number(&p, &value) || !read_unit(&p, true, &factor) || *p ||
        !(value * factor <= MAX_LENGTH))
        return refuse(why,
                      "invalid length \"%.*s\": expected a number with mm, cm, in or pt "
                      "(\"15mm\", \"0.5in\"; a bare number is points), at most %.0f pt",
                      utf8_prefix(text ? text : "", 40), text ? text : "", MAX_LENGTH);
    *points = value * factor;
    return true;
}

bool tl_margins_parse(const char *text, double margins[4], char **why)
{
    const char *s = text ? text : "";
    double v[4];
    int n = 0;
    char part[64];
    for (;;) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        if (n == 4 || len >= sizeof part)
            goto bad;
        memcpy(part, s, len);
        part[len] = '\0';
        if (!tl_length_parse(part, &v[n], NULL))
            goto bad;
        n++;
        if (!comma)
            break;
        s = comma + 1;
    }
    if (n != 1 && n != 4)
        goto bad;
    for (int i = 0; i < 4; i++)
        margins[i] = v[n == 1 ? 0 : i];
    return true;
bad:
    return refuse(why,
                  "invalid margins \"%.*s\": expected one length for every side, or "
                  "four as \"TOP,RIGHT,BOTTOM,LEFT\" (\"15mm\", \"1in,0.5in,1in,0.5in\")",
                  utf8_prefix(text ? text : "", 60), text ? text : "");
}

bool tl_page_size_parse(const char *text, double *width, double *height, char **why)
{
    const char *s = text ? text : "";
    if (ascii_equal(s, "fit")) {
        *width = *height = 0;
        return true;
    }
    for (size_t i = 0; i < sizeof page_sizes / sizeof page_sizes[0]; i++)
        if (ascii_equal(s, page_sizes[i].name)) {
            *width = page_sizes[i].width;
            *height = page_sizes[i].height;
            return true;
        }
    const char *p = s;
    double w, h, factor;
    if (read_number(&p, &w) && (*p == 'x' || *p == 'X') && (p++, read_number(&p, &h)) &&
        read_unit(&p, false, &factor) && !*p) {
        w *= factor;
        h *= factor;
        /* A page must hold its margins and something besides: an inch is the least. */
        if (w >= 72 && h >= 72 && w <= MAX_LENGTH && h <= MAX_LENGTH) {
            *width = w;
            *height = h;
            return true;
        }
    }
    return refuse(why,
                  "invalid page size \"%.*s\": expected A5, A4, A3, A2, A1, A0, Letter, "
                  "Legal, Tabloid, WIDTHxHEIGHT with mm, cm, in or pt (\"210x297mm\", "
                  "\"8.5x11in\"; 1 in to %.0f pt a side), or fit",
                  utf8_prefix(s, 40), s, MAX_LENGTH);
}
