/* A gantt's own notations: dates in its dateFormat (dayjs's parsing tokens, read strictly),
 * durations ("3d", "2M", "30m"), axisFormat (d3's strftime) as ICU skeletons, and
 * tickInterval as an axis step. Pure functions over text, except for the notes the axis
 * settings leave. */
#include "data/mermaid.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/tl-calendar.h"

/* ---------------------------------------------------------------------------------------------
 * dateFormat
 * ------------------------------------------------------------------------------------------- */

/* What a date's tokens gave. */
typedef struct fields {
    int64_t year;
    int month, day, day_of_year, quarter;
    int hour, minute, second;
    int meridiem; /* 0: none, 1: am, 2: pm */
    bool has_year, has_month, has_day, has_day_of_year, twelve_hour;
    bool unix_seconds;
    double unix_value;
    tl_mermaid_when *out;
} fields;

/* The parsing tokens, longest first where one is the start of another. */
static const char *const tokens[] = {
    "YYYY", "YY", "Q", "MMMM", "MMM", "MM", "M", "DDDD", "DDD", "Do",  "DD", "D", "X",  "x", "HH",
    "H",    "hh", "h", "A",    "a",   "mm", "m", "ss",   "s",   "SSS", "SS", "S", "ZZ", "Z"};

/* Reads `min` to `max` digits at s[*i]; a one-letter token's value has no leading zero, as
 * dayjs writes it back (strict mode compares the two). */
static bool digits(const char *s, size_t len, size_t *i, size_t min, size_t max, bool no_pad,
                   int64_t *value)
{
    size_t n = 0;
    int64_t v = 0;
    while (*i + n < len && n < max && g_ascii_isdigit(s[*i + n]))
        v = v * 10 + (s[*i + n++] - '0');
    if (n < min || (no_pad && n > 1 && s[*i] == '0'))
        return false;
    *i += n;
    *value = v;
    return true;
}

/* A month name at s[*i], full or abbreviated. */
static bool month_name(const char *s, size_t len, size_t *i, bool full, int *month)
{
    for (int k = 1; k <= 12; k++) {
        const char *name = full ? tl_cal_month_name(k) : tl_cal_month_abbr(k);
        const size_t n = strlen(name);
        if (*i + n <= len && g_ascii_strncasecmp(s + *i, name, n) == 0) {
            *i += n;
            *month = k;
            return true;
        }
    }
    return false;
}

/* "1st", "2nd", "23rd", "11th". */
static bool ordinal(const char *s, size_t len, size_t *i, int *day)
{
    int64_t v;
    if (!digits(s, len, i, 1, 2, true, &v) || *i + 2 > len)
        return false;
    const int ones = (int)(v % 10), tens = (int)(v / 10 % 10);
    const char *suffix = tens == 1 || ones == 0 || ones > 3 ? "th"
                         : ones == 1                        ? "st"
                         : ones == 2                        ? "nd"
                                                            : "rd";
    if (g_ascii_strncasecmp(s + *i, suffix, 2) != 0)
        return false;
    *i += 2;
    *day = (int)v;
    return true;
}

/* "Z", "+09:00", "-0530", "+09". */
static bool offset(const char *s, size_t len, size_t *i, int *minutes)
{
    if (*i < len && s[*i] == 'Z') {
        (*i)++;
        *minutes = 0;
        return true;
    }
    if (*i >= len || (s[*i] != '+' && s[*i] != '-'))
        return false;
    const int sign = s[(*i)++] == '-' ? -1 : 1;
    int64_t h, m = 0;
    if (!digits(s, len, i, 2, 2, false, &h))
        return false;
    if (*i < len && s[*i] == ':')
        (*i)++;
    if (*i < len && g_ascii_isdigit(s[*i]) && !digits(s, len, i, 2, 2, false, &m))
        return false;
    if (h > 23 || m > 59)
        return false;
    *minutes = sign * (int)(h * 60 + m);
    return true;
}

/* A Unix timestamp: seconds (X, with a fraction) or milliseconds (x). */
static bool unix_time(const char *s, size_t len, size_t *i, bool ms, double *value)
{
    size_t j = *i;
    if (j < len && s[j] == '-')
        j++;
    const size_t first = j;
    while (j < len && g_ascii_isdigit(s[j]) && j - first < 15)
        j++;
    if (j == first)
        return false;
    if (!ms && j < len && s[j] == '.') {
        j++;
        while (j < len && g_ascii_isdigit(s[j]) && j - first < 18)
            j++;
    }
    char buf[32];
    memcpy(buf, s + *i, j - *i);
    buf[j - *i] = '\0';
    *value = g_ascii_strtod(buf, NULL) / (ms ? 1000.0 : 1.0);
    *i = j;
    return true;
}

/* The finest unit a token writes. */
static void refine(tl_mermaid_when *w, tl_precision p)
{
    if (p > w->precision)
        w->precision = p;
}

/* One token at s[*i]. */
static bool read_token(const char *tok, const char *s, size_t len, size_t *i, fields *f)
{
    int64_t v = 0;
    const size_t n = strlen(tok);
    const bool one = n == 1;
    switch (tok[0]) {
    case 'Y':
        if (!digits(s, len, i, n, n, false, &v))
            return false;
        f->year = n == 2 ? v + (v > 68 ? 1900 : 2000) : v;
        f->has_year = true;
        return true;
    case 'Q':
        if (!digits(s, len, i, 1, 1, false, &v) || v < 1 || v > 4)
            return false;
        f->quarter = (int)v;
        return true;
    case 'M':
        f->has_month = true;
        if (n >= 3)
            return month_name(s, len, i, n == 4, &f->month);
        if (!digits(s, len, i, one ? 1 : 2, 2, one, &v))
            return false;
        f->month = (int)v;
        return true;
    case 'D':
        if (strcmp(tok, "Do") == 0) {
            f->has_day = true;
            return ordinal(s, len, i, &f->day);
        }
        if (n >= 3) {
            f->has_day_of_year = true;
            if (!digits(s, len, i, n == 4 ? 3 : 1, 3, n == 3, &v))
                return false;
            f->day_of_year = (int)v;
            return true;
        }
        f->has_day = true;
        if (!digits(s, len, i, one ? 1 : 2, 2, one, &v))
            return false;
        f->day = (int)v;
        return true;
    case 'X':
    case 'x':
        f->unix_seconds = true;
        refine(f->out, TL_PRECISION_SECOND);
        return unix_time(s, len, i, tok[0] == 'x', &f->unix_value);
    case 'H':
    case 'h':
        f->twelve_hour = f->twelve_hour || tok[0] == 'h';
        refine(f->out, TL_PRECISION_MINUTE);
        if (!digits(s, len, i, one ? 1 : 2, 2, one, &v))
            return false;
        f->hour = (int)v;
        return true;
    case 'm':
        refine(f->out, TL_PRECISION_MINUTE);
        if (!digits(s, len, i, one ? 1 : 2, 2, one, &v))
            return false;
        f->minute = (int)v;
        return true;
    case 's':
        refine(f->out, TL_PRECISION_SECOND);
        if (!digits(s, len, i, one ? 1 : 2, 2, one, &v))
            return false;
        f->second = (int)v;
        return true;
    case 'S': /* fractions of a second: read, and dropped, as the chart shows whole seconds */
        refine(f->out, TL_PRECISION_SECOND);
        return digits(s, len, i, n, n, false, &v);
    case 'A':
    case 'a':
        refine(f->out, TL_PRECISION_MINUTE);
        if (*i + 2 > len || (s[*i + 1] != 'M' && s[*i + 1] != 'm'))
            return false;
        if (s[*i] == 'A' || s[*i] == 'a')
            f->meridiem = 1;
        else if (s[*i] == 'P' || s[*i] == 'p')
            f->meridiem = 2;
        else
            return false;
        *i += 2;
        return true;
    case 'Z':
        f->out->offset = true;
        return offset(s, len, i, &f->out->offset_minutes);
    }
    return false;
}

/* The fields as a date, checked as dayjs's strict mode does (a date that does not exist
 * would be written back differently). */
static bool assemble(fields *f)
{
    tl_mermaid_when *w = f->out;
    if (f->unix_seconds) {
        if (!(fabs(f->unix_value) < 1e14))
            return false;
        w->wall = (int64_t)floor(f->unix_value);
        w->utc = true;
        w->offset = false;
        w->precision = TL_PRECISION_SECOND;
        return true;
    }
    w->no_year = !f->has_year;
    const int64_t year = f->has_year ? f->year : 1970;
    int month = f->has_month ? f->month : f->quarter ? 3 * (f->quarter - 1) + 1 : 1;
    int day = f->has_day ? f->day : 1;
    if (month < 1 || month > 12 || day < 1 || day > tl_cal_days_in_month(year, month))
        return false;
    int64_t days = tl_cal_days_from_civil(year, month, day);
    if (f->has_day_of_year) {
        const int in_year = tl_cal_is_leap_year(year) ? 366 : 365;
        if (f->day_of_year < 1 || f->day_of_year > in_year)
            return false;
        days = tl_cal_days_from_civil(year, 1, 1) + f->day_of_year - 1;
    }
    int hour = f->hour;
    if (f->twelve_hour) {
        if (hour < 1 || hour > 12)
            return false;
        if (f->meridiem)
            hour = hour % 12 + (f->meridiem == 2 ? 12 : 0);
    }
    if (hour > 23 || f->minute > 59 || f->second > 59)
        return false;
    w->wall = days * TL_SECONDS_PER_DAY + hour * 3600 + f->minute * 60 + f->second;
    return true;
}

bool tl_mermaid_date_parse(const char *format, const char *s, size_t len, tl_mermaid_when *out)
{
    *out = (tl_mermaid_when){.precision = TL_PRECISION_DAY};
    fields f = {.out = out};
    size_t i = 0;
    const char *p = format;
    while (*p) {
        if (*p == '[') { /* escaped text */
            const char *close = strchr(p + 1, ']');
            const size_t n = close ? (size_t)(close - p - 1) : strlen(p + 1);
            if (i + n > len || memcmp(s + i, p + 1, n) != 0)
                return false;
            i += n;
            p += n + 1 + (close != NULL);
            continue;
        }
        const char *tok = NULL;
        for (size_t k = 0; k < G_N_ELEMENTS(tokens) && !tok; k++)
            if (strncmp(p, tokens[k], strlen(tokens[k])) == 0)
                tok = tokens[k];
        if (tok) {
            if (!read_token(tok, s, len, &i, &f))
                return false;
            p += strlen(tok);
        } else if (i < len && s[i] == *p) {
            i++;
            p++;
        } else {
            return false;
        }
    }
    return i == len && assemble(&f);
}

void tl_mermaid_date_text(const tl_mermaid_when *w, char *buf, size_t size)
{
    const tl_time t = {.lo = w->wall, .hi = w->wall, .precision = w->precision};
    size_t n = tl_cal_format_iso(&t, buf, size);
    if (n >= size)
        return;
    if (w->utc) {
        snprintf(buf + n, size - n, "Z");
    } else if (w->offset) {
        const int m = w->offset_minutes < 0 ? -w->offset_minutes : w->offset_minutes;
        snprintf(buf + n, size - n, "%c%02d:%02d", w->offset_minutes < 0 ? '-' : '+', m / 60,
                 m % 60);
    }
}

void tl_mermaid_date_add(tl_mermaid_when *w, int64_t seconds)
{
    w->wall += seconds;
    if (seconds % 60 != 0)
        refine(w, TL_PRECISION_SECOND);
    else if (seconds % TL_SECONDS_PER_DAY != 0)
        refine(w, TL_PRECISION_MINUTE);
}

/* ---------------------------------------------------------------------------------------------
 * Durations
 * ------------------------------------------------------------------------------------------- */

/* "3d", "1.5w", "500ms": the number and its unit (one of ms s m h d w M y). */
static bool split_duration(const char *s, size_t len, double *n, char unit[3])
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    size_t i = 0, ds = 0;
    while (i < len && g_ascii_isdigit(s[i]) && ds < 9) {
        i++;
        ds++;
    }
    if (ds == 0)
        return false;
    if (i < len && s[i] == '.') {
        i++;
        const size_t f = i;
        while (i < len && g_ascii_isdigit(s[i]) && i - f < 9)
            i++;
        if (i == f)
            return false;
    }
    const size_t ul = len - i;
    if (!((ul == 1 && strchr("Mdhmswy", s[i])) || (ul == 2 && memcmp(s + i, "ms", 2) == 0)))
        return false;
    char num[24];
    memcpy(num, s, i);
    num[i] = '\0';
    *n = g_ascii_strtod(num, NULL);
    memcpy(unit, s + i, ul);
    unit[ul] = '\0';
    return true;
}

/* A plan amount's number: at most 12 digits, no exponent (plan-parse.c's grammar). */
static bool amount_text(double v, const char *unit, char *out, size_t size)
{
    if (!(v >= 0 && v < 1e9))
        return false;
    int whole = 1;
    for (double t = 10; t <= v; t *= 10)
        whole++;
    int n = snprintf(out, size, "%.*f", 11 - whole, v);
    if (n < 0 || (size_t)n >= size)
        return false;
    if (strchr(out, '.')) {
        while (n > 0 && out[n - 1] == '0')
            out[--n] = '\0';
        if (n > 0 && out[n - 1] == '.')
            out[--n] = '\0';
    }
    return (size_t)snprintf(out + n, size - (size_t)n, "%s", unit) < size - (size_t)n;
}

bool tl_mermaid_duration(const char *s, size_t len, double day_hours, char *out, size_t size)
{
    double n;
    char unit[3];
    if (!split_duration(s, len, &n, unit))
        return false;
    switch (unit[0]) {
    case 'd':
        return amount_text(n, "d", out, size);
    case 'w': /* seven days each, which exclusions lengthen as they do days */
        return amount_text(n * 7, "d", out, size);
    case 'M':
        return amount_text(n, "mo", out, size);
    case 'y':
        return amount_text(n, "y", out, size);
    case 'h':
        return day_hours > 0 ? amount_text(n / day_hours, "d", out, size)
                             : amount_text(n, "h", out, size);
    case 's':
        return amount_text(n / 3600, "h", out, size);
    case 'm':
        return amount_text(unit[1] == 's' ? n / 3600000 : n / 60, "h", out, size);
    }
    return false;
}

bool tl_mermaid_duration_seconds(const char *s, size_t len, double day_hours, double *seconds)
{
    double n;
    char unit[3];
    if (!split_duration(s, len, &n, unit))
        return false;
    static const struct {
        const char *unit;
        double seconds;
    } units[] = {{"ms", 0.001}, {"s", 1},           {"m", 60},           {"h", 3600},
                 {"d", 86400},  {"w", 7 * 86400.0}, {"M", 30 * 86400.0}, {"y", 365 * 86400.0}};
    for (size_t k = 0; k < G_N_ELEMENTS(units); k++)
        if (strcmp(unit, units[k].unit) == 0) {
            *seconds = n * units[k].seconds;
            if (unit[0] == 'h' && day_hours > 0)
                *seconds = n / day_hours * 86400;
            return true;
        }
    return false;
}

/* ---------------------------------------------------------------------------------------------
 * The axis
 * ------------------------------------------------------------------------------------------- */

/* The tick units, finest first, as tick-format and ticks name them. */
static const char *const units[] = {"second", "minute", "hour",    "day",
                                    "week",   "month",  "quarter", "year"};

/* d3's fields: the ICU skeleton letters that write each, and the unit it names. */
typedef struct field {
    char d3;
    const char *skeleton;
    int unit;
} field;

static const field fields_d3[] = {
    {'a', "EEE", 3},    {'A', "EEEE", 3},
    {'b', "MMM", 5},    {'h', "MMM", 5},
    {'B', "MMMM", 5},   {'d', "dd", 3},
    {'e', "d", 3},      {'j', "DDD", 3},
    {'m', "MM", 5},     {'H', "HH", 2},
    {'I', "hh", 2},     {'p', "a", 2},
    {'M', "mm", 1},     {'S', "ss", 0},
    {'L', "SSS", 0},    {'y', "yy", 7},
    {'Y', "yyyy", 7},   {'U', "ww", 4},
    {'W', "ww", 4},     {'V', "ww", 4},
    {'q', "QQQ", 6},    {'u', "e", 3},
    {'w', "e", 3},      {'x', "MMddyyyy", 3},
    {'X', "HHmmss", 0}, {'c', "EEEMMMdHHmmssyyyy", 0},
    {'G', "YYYY", 7},   {'g', "YY", 7},
};

bool tl_mermaid_axis_skeleton(tl_mermaid *m, const tl_mermaid_stmt *v, char *skel, size_t size,
                              const char **unit)
{
    size_t n = 0;
    int finest = -1;
    skel[0] = '\0';
    for (size_t i = 0; i + 1 < v->len; i++) {
        if (v->text[i] != '%')
            continue;
        size_t j = i + 1;
        if (strchr("-_0", v->text[j]) && j + 1 < v->len)
            j++; /* padding: ICU pads as the language does */
        const char c = v->text[j];
        i = j;
        if (c == '%')
            continue;
        const field *f = NULL;
        for (size_t k = 0; k < G_N_ELEMENTS(fields_d3) && !f; k++)
            if (fields_d3[k].d3 == c)
                f = &fields_d3[k];
        if (!f) {
            tl_mermaid_note(m, v->line,
                            "axisFormat %%%c skipped: it has no date skeleton "
                            "letter (Unix time, time zones)",
                            c);
            continue;
        }
        const size_t fl = strlen(f->skeleton);
        if (n + fl + 1 > size)
            break;
        memcpy(skel + n, f->skeleton, fl + 1);
        n += fl;
        if (finest < 0 || f->unit < finest)
            finest = f->unit;
    }
    if (finest < 0)
        return false;
    *unit = units[finest];
    return true;
}

bool tl_mermaid_tick_step(tl_mermaid *m, const tl_mermaid_stmt *v, char *step, size_t size,
                          const char **unit)
{
    size_t i = 0;
    unsigned long count = 0;
    while (i < v->len && g_ascii_isdigit(v->text[i]) && count < 100000)
        count = count * 10 + (unsigned long)(v->text[i++] - '0');
    const char *word = v->text + i;
    const size_t wl = v->len - i;
    if (i == 0 || v->text[0] == '0' || wl == 0) {
        tl_mermaid_warn(m, v->line, v->col,
                        "tickInterval \"%.*s\" is not a count and a unit "
                        "(1week, 2day); ignored",
                        (int)v->len, v->text);
        return false;
    }
    if (wl == 11 && memcmp(word, "millisecond", 11) == 0) {
        tl_mermaid_note(m, v->line,
                        "tickInterval in milliseconds skipped: the axis's finest "
                        "step is a second");
        return false;
    }
    for (size_t u = 0; u < G_N_ELEMENTS(units); u++)
        if (strlen(units[u]) == wl && memcmp(word, units[u], wl) == 0 && u != 6 && u != 7) {
            if (count == 1)
                snprintf(step, size, "%s", units[u]);
            else
                snprintf(step, size, "%lu %ss", count, units[u]);
            *unit = units[u];
            return true;
        }
    tl_mermaid_warn(m, v->line, v->col,
                    "tickInterval \"%.*s\": the unit is none of millisecond, "
                    "second, minute, hour, day, week, month; ignored",
                    (int)v->len, v->text);
    return false;
}
