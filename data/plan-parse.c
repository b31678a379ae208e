/* The grammar of a plan's cells: amounts of time, depends lists, relative starts, progress and
 * the days of a working week. Pure functions over text. */
#include "data/plan.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

typedef struct unit_name {
    const char *name;
    tl_plan_unit unit;
} unit_name;

/* Longest first where one is a prefix of another ("mo" before "m" is not needed: minutes are
 * not a plan unit). */
static const unit_name unit_names[] = {
    {"hours", TL_PLAN_HOURS},   {"hour", TL_PLAN_HOURS},   {"hrs", TL_PLAN_HOURS},
    {"hr", TL_PLAN_HOURS},      {"h", TL_PLAN_HOURS},      {"days", TL_PLAN_DAYS},
    {"day", TL_PLAN_DAYS},      {"d", TL_PLAN_DAYS},       {"weeks", TL_PLAN_WEEKS},
    {"week", TL_PLAN_WEEKS},    {"wk", TL_PLAN_WEEKS},     {"w", TL_PLAN_WEEKS},
    {"months", TL_PLAN_MONTHS}, {"month", TL_PLAN_MONTHS}, {"mon", TL_PLAN_MONTHS},
    {"mo", TL_PLAN_MONTHS},     {"years", TL_PLAN_YEARS},  {"year", TL_PLAN_YEARS},
    {"yr", TL_PLAN_YEARS},      {"y", TL_PLAN_YEARS},
};

bool tl_plan_parse_amount(const char *s, size_t len, tl_plan_amount *out)
{
    size_t i = 0;
    while (i < len && is_blank(s[i]))
        i++;
    while (len > i && is_blank(s[len - 1]))
        len--;
    int sign = 1;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        sign = s[i++] == '-' ? -1 : 1;
    /* Digits, then at most one point and more digits: no exponents, no locale. */
    double n = 0;
    size_t digits = 0;
    while (i < len && g_ascii_isdigit(s[i]) && digits < 9) {
        n = n * 10 + (s[i++] - '0');
        digits++;
    }
    if (i < len && s[i] == '.') {
        i++;
        double scale = 0.1;
        while (i < len && g_ascii_isdigit(s[i]) && digits < 12) {
            n += (s[i++] - '0') * scale;
            scale /= 10;
            digits++;
        }
    }
    if (digits == 0 || (i < len && g_ascii_isdigit(s[i])))
        return false;
    while (i < len && is_blank(s[i]))
        i++;
    tl_plan_unit unit = TL_PLAN_DAYS;
    if (i < len) {
        bool found = false;
        for (size_t k = 0; k < G_N_ELEMENTS(unit_names) && !found; k++) {
            const size_t ul = strlen(unit_names[k].name);
            if (ul == len - i && g_ascii_strncasecmp(s + i, unit_names[k].name, ul) == 0) {
                unit = unit_names[k].unit;
                found = true;
            }
        }
        if (!found)
            return false;
    }
    *out = (tl_plan_amount){.n = sign * n, .unit = unit};
    return true;
}

/* "FS", "ss+2d", "FF-1w": a link type with an optional lag. */
static bool parse_type_token(const char *t, size_t len, tl_link_type *type, tl_plan_amount *lag,
                             bool *has_type)
{
    static const char *const names[] = {"FS", "SS", "FF", "SF"};
    *has_type = false;
    if (len >= 2) {
        for (size_t k = 0; k < G_N_ELEMENTS(names); k++) {
            if (g_ascii_strncasecmp(t, names[k], 2) == 0 &&
                (len == 2 || t[2] == '+' || t[2] == '-')) {
                *type = (tl_link_type)k;
                *has_type = true;
                t += 2;
                len -= 2;
                break;
            }
        }
    }
    if (len == 0)
        return *has_type;
    if (t[0] != '+' && t[0] != '-')
        return false;
    return tl_plan_parse_amount(t, len, lag);
}

int tl_plan_parse_depends(const char *cell, tl_plan_ref *refs, size_t max, char *why,
                          size_t why_size)
{
    size_t n = 0;
    const char *p = cell;
    for (;;) {
        while (*p && (is_blank(*p) || *p == ','))
            p++;
        if (!*p)
            break;
        const char *t = p;
        while (*p && !is_blank(*p) && *p != ',')
            p++;
        const size_t len = (size_t)(p - t);
        tl_link_type type = TL_LINK_FS;
        tl_plan_amount lag = {0, TL_PLAN_DAYS};
        bool has_type = false;
        const bool modifier = (t[0] == '+' || t[0] == '-' || len >= 2) &&
                              parse_type_token(t, len, &type, &lag, &has_type);
        if (modifier && (has_type || t[0] == '+' || t[0] == '-')) {
            if (n == 0) {
                snprintf(why, why_size, "\"%.*s\" comes before any id", (int)len, t);
                return -1;
            }
            if (has_type)
                refs[n - 1].type = type;
            refs[n - 1].lag = lag;
            continue;
        }
        /* Two letters and a lag that are not a link type: a typo, not an id. */
        if (len >= 3 && g_ascii_isalpha(t[0]) && g_ascii_isalpha(t[1]) &&
            (t[2] == '+' || t[2] == '-')) {
            snprintf(why, why_size, "unknown link type \"%.*s\" (expected FS, SS, FF or SF)",
                     (int)len, t);
            return -1;
        }
        if (n == max) {
            snprintf(why, why_size, "more than %zu dependencies", max);
            return -1;
        }
        refs[n++] = (tl_plan_ref){.id = t,
                                  .id_len = len,
                                  .type = TL_LINK_FS,
                                  .lag = {0, TL_PLAN_DAYS},
                                  .offset = (size_t)(t - cell)};
    }
    return (int)n;
}

/* "design.end+2d", "build.start-1w", "design.end": one reference, or false. */
static bool parse_dotted(const char *s, size_t len, tl_plan_ref *ref)
{
    static const struct {
        const char *suffix;
        tl_link_type type;
    } ends[] = {{".end", TL_LINK_FS}, {".finish", TL_LINK_FS}, {".start", TL_LINK_SS}};
    for (size_t k = 0; k < G_N_ELEMENTS(ends); k++) {
        const size_t sl = strlen(ends[k].suffix);
        for (size_t at = 1; at + sl <= len; at++) {
            if (g_ascii_strncasecmp(s + at, ends[k].suffix, sl) != 0)
                continue;
            const size_t rest = at + sl;
            tl_plan_amount lag = {0, TL_PLAN_DAYS};
            if (rest < len && !((s[rest] == '+' || s[rest] == '-') &&
                                tl_plan_parse_amount(s + rest, len - rest, &lag)))
                continue;
            *ref = (tl_plan_ref){.id = s, .id_len = at, .type = ends[k].type, .lag = lag};
            return true;
        }
    }
    return false;
}

int tl_plan_parse_relative(const char *cell, tl_plan_ref *refs, size_t max, char *why,
                           size_t why_size)
{
    const char *p = cell;
    while (is_blank(*p))
        p++;
    if (g_ascii_strncasecmp(p, "after", 5) == 0 && (is_blank(p[5]) || !p[5])) {
        const int n = tl_plan_parse_depends(p + 5, refs, max, why, why_size);
        if (n == 0) {
            snprintf(why, why_size, "\"after\" names no id");
            return -1;
        }
        for (int k = 0; k < n; k++)
            refs[k].offset += (size_t)(p + 5 - cell);
        return n;
    }
    size_t len = strlen(p);
    while (len > 0 && is_blank(p[len - 1]))
        len--;
    for (size_t k = 0; k < len; k++)
        if (is_blank(p[k]))
            return 0;
    if (max > 0 && parse_dotted(p, len, &refs[0])) {
        refs[0].offset = (size_t)(p - cell);
        return 1;
    }
    return 0;
}

bool tl_plan_parse_progress(const char *cell, double *out)
{
    size_t len = strlen(cell);
    while (len > 0 && is_blank(cell[len - 1]))
        len--;
    if (len > 0 && cell[len - 1] == '%')
        len--;
    tl_plan_amount a;
    /* An amount without a unit is a plain number: reuse its digits-only grammar. */
    if (len == 0 || cell[0] == '+' || cell[0] == '-' || !g_ascii_isdigit(cell[len - 1]) ||
        !tl_plan_parse_amount(cell, len, &a) || a.n > 100)
        return false;
    *out = a.n;
    return true;
}

int tl_plan_day_index(const char *s, size_t len)
{
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    static const char *const long_days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};
    for (int k = 0; k < 7; k++)
        if ((len == 3 && g_ascii_strncasecmp(s, days[k], 3) == 0) ||
            (len == strlen(long_days[k]) && g_ascii_strncasecmp(s, long_days[k], len) == 0))
            return k;
    return -1;
}

bool tl_plan_parse_workdays(const char *text, unsigned *mask)
{
    unsigned m = 0;
    const char *p = text;
    for (;;) {
        while (*p && (is_blank(*p) || *p == ','))
            p++;
        if (!*p)
            break;
        const char *a = p;
        while (g_ascii_isalpha(*p))
            p++;
        const int first = tl_plan_day_index(a, (size_t)(p - a));
        if (first < 0)
            return false;
        int last = first;
        if (*p == '-') {
            const char *b = ++p;
            while (g_ascii_isalpha(*p))
                p++;
            last = tl_plan_day_index(b, (size_t)(p - b));
            if (last < 0)
                return false;
        }
        /* A range may wrap over the week's end: "Sun-Thu". */
        for (int d = first;; d = (d + 1) % 7) {
            m |= 1u << d;
            if (d == last)
                break;
        }
        if (*p && !is_blank(*p) && *p != ',')
            return false;
    }
    if (m == 0)
        return false;
    *mask = m;
    return true;
}
