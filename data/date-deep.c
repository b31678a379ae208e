/* Deep time in the date grammar: a number, decimals allowed, and a unit of years before
 * present. Read from the text before the numeric and ISO readers, which would take "66" for a
 * two-digit year. */
#include "date-private.h"

#include <string.h>

static const struct {
    const char *word; /* lower case; a space stands for any white space */
    deep_unit unit;
} units[] = {
    {"ka", DEEP_KA},
    {"kya", DEEP_KA},
    {"kyr ago", DEEP_KA},
    {"thousand years ago", DEEP_KA},
    {"ma", DEEP_MA},
    {"mya", DEEP_MA},
    {"myr ago", DEEP_MA},
    {"million years ago", DEEP_MA},
    {"ga", DEEP_GA},
    {"gya", DEEP_GA},
    {"bya", DEEP_GA},
    {"gyr ago", DEEP_GA},
    {"billion years ago", DEEP_GA},
    {"years ago", DEEP_YEARS},
    {"year ago", DEEP_YEARS},
};

static const int64_t unit_years[] = {1, 1000, 1000000, 1000000000};

static bool is_space_char(char c)
{
    return c == ' ' || c == '\t';
}

static char lower_char(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether `word` is at p (case and white space aside, a whole word); sets *end past it. */
static bool word_at(const char *p, const char *word, const char **end)
{
    for (; *word; word++) {
        if (*word == ' ') {
            if (!is_space_char(*p))
                return false;
            while (is_space_char(*p))
                p++;
        } else if (lower_char(*p++) != *word) {
            return false;
        }
    }
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
        return false;
    *end = p;
    return true;
}

static bool is_digit_char(char c)
{
    return c >= '0' && c <= '9';
}

/* "4.54", "12,000", "300": digits with comma groups of three, then decimals. */
static const char *read_number(const char *p, int64_t *mantissa, int *decimals)
{
    int64_t v = 0;
    int digits = 0;
    bool point = false;
    *decimals = 0;
    for (;; p++) {
        if (is_digit_char(*p)) {
            if (++digits > 15)
                return NULL;
            v = v * 10 + (*p - '0');
            *decimals += point;
        } else if (*p == ',' && !point && digits > 0 && is_digit_char(p[1]) &&
                   is_digit_char(p[2]) && is_digit_char(p[3]) && !is_digit_char(p[4])) {
            continue;
        } else if (*p == '.' && !point && digits > 0 && is_digit_char(p[1])) {
            point = true;
        } else {
            break;
        }
    }
    *mantissa = v;
    return digits > 0 ? p : NULL;
}

match tl_date_parse_deep(const char *s, dexpr *d, why *w)
{
    int64_t mantissa;
    int decimals;
    const char *p = read_number(s, &mantissa, &decimals);
    if (!p)
        return MATCH_NONE;
    while (is_space_char(*p))
        p++;
    const char *end = NULL;
    size_t u = 0;
    while (u < sizeof units / sizeof units[0] && !word_at(p, units[u].word, &end))
        u++;
    if (u == sizeof units / sizeof units[0])
        return MATCH_NONE;
    while (is_space_char(*end))
        end++;
    if (*end)
        return MATCH_NONE; /* the unit then more: not this form ("12 kya?" is qualified first) */
    const deep_unit du = units[u].unit;
    /* The resolution is one unit of the last digit written, in years. */
    int64_t resolution = unit_years[du];
    for (int i = 0; i < decimals; i++) {
        if (resolution % 10 != 0)
            return fail(w, "deep time more precise than a year"), MATCH_ERROR;
        resolution /= 10;
    }
    /* years = mantissa * resolution, checked against the grammar's range */
    if (mantissa > TL_DATE_YEAR_MAX / resolution)
        return fail(w, "year out of range"), MATCH_ERROR;
    const int64_t years = mantissa * resolution;
    if (years == 0)
        return fail(w, "0 years ago is the present: write the date"), MATCH_ERROR;
    /* Give or take half the resolution; a single year when that is one year. */
    const int64_t below = resolution / 2, above = resolution - resolution / 2 - 1;
    const int64_t y0 = 1950 - years - below, y1 = 1950 - years + above;
    if (y0 < -TL_DATE_YEAR_MAX)
        return fail(w, "year out of range"), MATCH_ERROR;
    dexpr_years(d, y0, y1, FORM_DEEP, mantissa, false);
    d->deep = du;
    d->deep_decimals = decimals;
    return MATCH_OK;
}
