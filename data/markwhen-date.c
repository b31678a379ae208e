/* Markwhen's date ranges: each side read in Markwhen's own forms and turned into ISO text that
 * the project's grammar reads back exactly (so the columns reader sees plain dates), or, for a
 * range that is none of Markwhen's forms, the whole text left to that grammar. Relative dates
 * are only read here; markwhen-relative.c works them out against the events above. */
#include "data/markwhen-date.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "common/tl-calendar.h"

/* The most any unit of a relative date may add up to. */
#define AMOUNT_MAX INT64_C(1000000000000)

typedef struct scan {
    const char *p, *end, *base;
} scan;

static void skip_ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
        s->p++;
}

/* Takes the word `w` (any case) when no letter or digit follows it. */
static bool take_word(scan *s, const char *w)
{
    const size_t n = strlen(w);
    if ((size_t)(s->end - s->p) < n || g_ascii_strncasecmp(s->p, w, n) != 0 ||
        (s->p + n < s->end && g_ascii_isalnum(s->p[n])))
        return false;
    s->p += n;
    return true;
}

static bool take_char(scan *s, char c)
{
    if (s->p >= s->end || *s->p != c)
        return false;
    s->p++;
    return true;
}

/* 1 to `max` digits, and not more. */
static bool take_number(scan *s, int max, int64_t *v, int *ndigits)
{
    int n = 0;
    int64_t x = 0;
    while (s->p + n < s->end && g_ascii_isdigit(s->p[n]) && n <= max) {
        x = x * 10 + (s->p[n] - '0');
        n++;
    }
    if (n == 0 || n > max)
        return false;
    s->p += n;
    *v = x;
    if (ndigits)
        *ndigits = n;
    return true;
}

/* A month's name or three-letter abbreviation (with an optional point): 1..12, or 0. */
static int take_month(scan *s)
{
    for (int m = 1; m <= 12; m++)
        if (take_word(s, tl_cal_month_name(m)))
            return m;
    if (take_word(s, "sept")) {
        take_char(s, '.');
        return 9;
    }
    for (int m = 1; m <= 12; m++)
        if (take_word(s, tl_cal_month_abbr(m))) {
            take_char(s, '.');
            return m;
        }
    return 0;
}

/* "10am", "10:30", "10:30 pm", "14:00", "9:05:30". A time needs its colon or am/pm, so that
 * a number after a date is never taken for an hour. */
static bool take_time(scan *s, int *seconds)
{
    scan t = *s;
    int64_t h, m = 0, sec = 0;
    int nd;
    if (!take_number(&t, 2, &h, &nd))
        return false;
    bool colon = false;
    scan u = t;
    if (take_char(&u, ':') && take_number(&u, 2, &m, &nd) && nd == 2) {
        t = u;
        colon = true;
        if (take_char(&u, ':') && take_number(&u, 2, &sec, &nd) && nd == 2)
            t = u;
    }
    u = t;
    skip_ws(&u);
    const bool am = take_word(&u, "am"), pm = !am && take_word(&u, "pm");
    if (am || pm)
        t = u;
    if (!colon && !am && !pm)
        return false;
    if ((am || pm) && (h < 1 || h > 12))
        return false;
    if (am || pm)
        h = h % 12 + (pm ? 12 : 0);
    if (h > 23 || m > 59 || sec > 59)
        return false;
    *seconds = (int)(h * 3600 + m * 60 + sec);
    s->p = t.p;
    return true;
}

/* Appends "THH:MM[:SS]" for a time of day. */
static void append_time(char *text, size_t size, int seconds)
{
    const size_t n = strlen(text);
    if (seconds % 60)
        snprintf(text + n, size - n, "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                 seconds % 60);
    else
        snprintf(text + n, size - n, "T%02d:%02d", seconds / 3600, seconds / 60 % 60);
}

/* Writes a year, month and day (0 when absent) as ISO text. */
static void iso_text(char *text, size_t size, int64_t y, int64_t m, int64_t d)
{
    const int n = y > 9999 ? snprintf(text, size, "+%lld", (long long)y)
                           : snprintf(text, size, "%04lld", (long long)y);
    if (m && n > 0 && (size_t)n < size)
        snprintf(text + n, size - (size_t)n, d ? "-%02lld-%02lld" : "-%02lld", (long long)m,
                 (long long)d);
}

/* The side's text read by the project's grammar: 1, or -1 with the grammar's reason. */
static int finish_date(tl_mw_side *side, const tl_mw_env *env, char *why, size_t why_size)
{
    side->kind = TL_MW_SIDE_DATE;
    return tl_date_parse_expr(side->text, &env->dates, &side->t, NULL, 0, why, why_size) ==
                   TL_DATE_OK
               ? 1
               : -1;
}

/* ---------------------------------------------------------------------------------------------
 * The forms of one side. Each returns 0 when the text is not in its form (nothing taken), 1
 * when it is, and -1 when it is but names no date (why set).
 * ------------------------------------------------------------------------------------------- */

/* Exactly two digits. */
static bool take2(scan *s, int64_t *v)
{
    int nd;
    scan t = *s;
    if (!take_number(&t, 2, v, &nd) || nd != 2)
        return false;
    *s = t;
    return true;
}

/* Appends [a, b) to the side's text. */
static void append_raw(tl_mw_side *side, const char *a, const char *b)
{
    const size_t n = strlen(side->text);
    snprintf(side->text + n, sizeof side->text - n, "%.*s", (int)(b - a), a);
}

/* An ISO time after a day, as written: "T10:00", "T10:00:30[.25]" and "Z" or "+09:00". */
static void take_iso_time(scan *t, tl_mw_side *side)
{
    scan u = *t, w;
    int64_t v;
    if (!(take_char(&u, 'T') || take_char(&u, 't')) || !take2(&u, &v) || !take_char(&u, ':') ||
        !take2(&u, &v))
        return;
    w = u;
    if (take_char(&w, ':') && take2(&w, &v))
        u = w;
    g_strlcat(side->text, "T", sizeof side->text);
    append_raw(side, t->p + 1, u.p);
    /* Fractions of a second are below the grammar's precision. */
    while (take_char(&u, '.') && u.p < u.end && g_ascii_isdigit(*u.p))
        while (u.p < u.end && g_ascii_isdigit(*u.p))
            u.p++;
    w = u;
    if (take_char(&w, 'Z') || take_char(&w, 'z')) {
        g_strlcat(side->text, "Z", sizeof side->text);
        u = w;
    } else if ((take_char(&w, '+') || take_char(&w, '-')) && take2(&w, &v) && take_char(&w, ':') &&
               take2(&w, &v)) {
        /* Only "+09:00" with its colon: "-2023" after a time is the next date. */
        append_raw(side, u.p, w.p);
        u = w;
    }
    *t = u;
}

/* "2023", "2023-01", "2023-01-05", "2023-01-05T10:00[:30][.5][Z|+09:00]", "2023-01-05 10am". */
static int take_iso(scan *s, const tl_mw_env *env, tl_mw_side *side, char *why, size_t why_size)
{
    scan t = *s, u;
    int64_t y, m = 0, d = 0;
    int nd, seconds;
    if (!take_number(&t, 4, &y, &nd) || nd != 4)
        return 0;
    /* "-MM" only before a non-digit: "2019-2020" is two years. */
    u = t;
    if (take_char(&u, '-') && take2(&u, &m) && !(u.p < u.end && g_ascii_isdigit(*u.p))) {
        t = u;
        if (take_char(&u, '-') && take2(&u, &d))
            t = u;
    } else {
        m = 0;
    }
    iso_text(side->text, sizeof side->text, y, m, d);
    const char *before = t.p;
    if (d)
        take_iso_time(&t, side);
    u = t;
    skip_ws(&u);
    if (d && t.p == before && u.p > t.p && take_time(&u, &seconds)) {
        t = u;
        append_time(side->text, sizeof side->text, seconds);
    }
    s->p = t.p;
    return finish_date(side, env, why, why_size);
}

/* "1/2023" (month and year), "5/1/2023" (month first, or day first with dateFormat d/M/y),
 * with an optional time: "5/1/2023, 10am". */
static int take_slash(scan *s, const tl_mw_env *env, tl_mw_side *side, char *why, size_t why_size)
{
    scan t = *s;
    int64_t a, b, c, y, m, d = 0;
    int nb, nc;
    if (!take_number(&t, 2, &a, NULL) || !take_char(&t, '/') || !take_number(&t, 5, &b, &nb))
        return 0;
    if (nb >= 3) {
        m = a;
        y = b;
    } else {
        if (!take_char(&t, '/') || !take_number(&t, 5, &c, &nc))
            return 0;
        if (nc < 3) {
            s->p = t.p;
            snprintf(why, why_size, "two-digit year \"%lld\": write the year in full",
                     (long long)c);
            return -1;
        }
        const bool dmy = env->order == TL_DATE_ORDER_DMY;
        d = dmy ? a : b;
        m = dmy ? b : a;
        y = c;
    }
    iso_text(side->text, sizeof side->text, y, m, d);
    if (d) {
        scan u = t;
        take_char(&u, ',');
        skip_ws(&u);
        int seconds;
        if (take_time(&u, &seconds)) {
            t = u;
            append_time(side->text, sizeof side->text, seconds);
        }
    }
    s->p = t.p;
    return finish_date(side, env, why, why_size);
}

/* The year of `today`. */
static int64_t this_year(const tl_mw_env *env)
{
    tl_civil c;
    tl_cal_split(env->today, &c);
    return c.year;
}

/* "Jan 2023", "January 5 2023", "Jan 5, 2023", "5 Jan 2023", "January 5" (this year), "Jan"
 * (this year), with an optional time after a day: "Jan 5 2023 10am". */
static int take_casual(scan *s, const tl_mw_env *env, tl_mw_side *side, char *why, size_t why_size)
{
    scan t = *s, u = *s;
    int64_t day = 0, year = 0, v;
    int month = 0, nd;
    bool has_year = false;
    if (take_number(&u, 2, &v, NULL) && u.p < u.end && (*u.p == ' ' || *u.p == '\t')) {
        skip_ws(&u);
        if ((month = take_month(&u)) != 0) {
            day = v;
            t = u;
        }
    }
    if (!month) {
        if ((month = take_month(&t)) == 0)
            return 0;
        u = t;
        skip_ws(&u);
        if (u.p > t.p && take_number(&u, 4, &v, &nd)) {
            if (nd <= 2) {
                day = v;
                take_char(&u, ',');
            } else {
                year = v;
                has_year = true;
            }
            t = u;
        }
    }
    if (day && !has_year) {
        u = t;
        skip_ws(&u);
        if (u.p > t.p && take_number(&u, 4, &v, &nd) && nd == 4) {
            year = v;
            has_year = true;
            take_char(&u, ',');
            t = u;
        }
    }
    if (!has_year) {
        year = this_year(env);
        side->no_year = true;
    }
    iso_text(side->text, sizeof side->text, year, month, day);
    if (day) {
        u = t;
        skip_ws(&u);
        int seconds;
        if (u.p > t.p && take_time(&u, &seconds)) {
            t = u;
            append_time(side->text, sizeof side->text, seconds);
        }
    }
    s->p = t.p;
    return finish_date(side, env, why, why_size);
}

/* Takes one of the space-separated words of `list` (the longer spellings first). */
static bool take_one_of(scan *s, const char *list)
{
    for (const char *w = list; *w;) {
        const size_t n = strcspn(w, " ");
        char word[16];
        g_strlcpy(word, w, n + 1 < sizeof word ? n + 1 : sizeof word);
        if (take_word(s, word))
            return true;
        w += n + (w[n] == ' ');
    }
    return false;
}

/* One amount's unit; "week days", "work days" and "business days" are working days. */
static bool take_unit(scan *s, tl_mw_unit *unit)
{
    static const char *const words[TL_MW_UNITS] = {
        [TL_MW_YEARS] = "years year y",
        [TL_MW_MONTHS] = "months month",
        [TL_MW_WEEKS] = "weeks week w",
        [TL_MW_DAYS] = "days day d",
        [TL_MW_WORKDAYS] = "weekdays workdays",
        [TL_MW_HOURS] = "hours hour h",
        [TL_MW_MINUTES] = "minutes minute mins min",
        [TL_MW_SECONDS] = "seconds second secs sec s",
    };
    scan t = *s;
    if (take_one_of(&t, "week work business")) {
        skip_ws(&t);
        if (take_one_of(&t, "days day d")) {
            *s = t;
            *unit = TL_MW_WORKDAYS;
            return true;
        }
    }
    for (int u = 0; u < TL_MW_UNITS; u++)
        if (take_one_of(s, words[u])) {
            *unit = (tl_mw_unit)u;
            return true;
        }
    return false;
}

/* "3 days", "1 year, 2 months", "2w 3d": amounts added into side->amount; false for none. */
static bool take_amounts(scan *s, tl_mw_side *side)
{
    bool any = false;
    scan t = *s;
    for (;;) {
        scan u = t;
        if (any) {
            skip_ws(&u);
            if (take_char(&u, ',') || take_word(&u, "and"))
                skip_ws(&u);
        }
        int64_t n;
        tl_mw_unit unit;
        if (!take_number(&u, 9, &n, NULL))
            break;
        skip_ws(&u);
        if (!take_unit(&u, &unit) || side->amount[unit] + n > AMOUNT_MAX)
            break;
        side->amount[unit] += n;
        any = true;
        t = u;
    }
    if (any)
        s->p = t.p;
    return any;
}

/* [before|by|after] [!id[.start|.end]] [plus|+] [amounts]: an id or an amount at least. */
static int take_relative(scan *s, tl_mw_side *side)
{
    scan t = *s;
    const bool before = take_word(&t, "before") || take_word(&t, "by");
    if (!before)
        take_word(&t, "after");
    skip_ws(&t);
    if (t.p < t.end && *t.p == '!') {
        const char *id = t.p + 1;
        size_t n = 0;
        while (id + n < t.end && tl_mw_is_word_char(id[n]))
            n++;
        if (n == 0)
            return 0;
        side->id = id;
        side->id_len = n;
        side->id_at = (size_t)(t.p - t.base);
        t.p = id + n;
        if (take_word(&t, ".start"))
            side->id_edge = 1;
        else if (take_word(&t, ".end"))
            side->id_edge = 2;
        skip_ws(&t);
    }
    scan u = t;
    if (take_word(&u, "plus") || take_char(&u, '+')) {
        skip_ws(&u);
        t = u;
    }
    const bool amounts = take_amounts(&t, side);
    if (!amounts && !side->id) {
        memset(side->amount, 0, sizeof side->amount);
        return 0;
    }
    side->kind = TL_MW_SIDE_RELATIVE;
    side->before = before;
    s->p = t.p;
    return 1;
}

static int take_side(scan *s, const tl_mw_env *env, tl_mw_side *side, char *why, size_t why_size)
{
    memset(side, 0, sizeof *side);
    side->at = (size_t)(s->p - s->base);
    if (take_word(s, "now")) {
        side->kind = TL_MW_SIDE_NOW;
        return 1;
    }
    int r;
    if ((r = take_relative(s, side)) != 0 || (r = take_iso(s, env, side, why, why_size)) != 0 ||
        (r = take_slash(s, env, side, why, why_size)) != 0 ||
        (r = take_casual(s, env, side, why, why_size)) != 0)
        return r;
    if (take_time(s, &side->seconds_of_day)) {
        side->kind = TL_MW_SIDE_TIME;
        return 1;
    }
    return 0;
}

/* A range separator: "-", "/", an en or em dash, "to". */
static bool take_separator(scan *s)
{
    if (take_char(s, '-') || take_char(s, '/') || take_word(s, "to"))
        return true;
    if (s->end - s->p >= 3 && memcmp(s->p, "\xE2\x80", 2) == 0 &&
        ((unsigned char)s->p[2] == 0x93 || (unsigned char)s->p[2] == 0x94)) {
        s->p += 3;
        return true;
    }
    return false;
}

/* Markwhen's forms: 1 for a whole range, 0 when the text is not one, -1 when a side is one
 * of its forms but no date (why, *why_at set). */
static int markwhen_range(const char *s, size_t len, const tl_mw_env *env, tl_mw_range *out,
                          char *why, size_t why_size, size_t *why_at)
{
    scan sc = {s, s + len, s};
    skip_ws(&sc);
    int r = take_side(&sc, env, &out->from, why, why_size);
    if (r <= 0) {
        *why_at = out->from.at;
        return r;
    }
    skip_ws(&sc);
    scan every = sc;
    if (sc.p < sc.end && !take_word(&every, "every")) {
        if (!take_separator(&sc))
            return 0;
        skip_ws(&sc);
        r = take_side(&sc, env, &out->to, why, why_size);
        if (r <= 0) {
            *why_at = out->to.at;
            return r;
        }
        skip_ws(&sc);
        every = sc;
        take_word(&every, "every");
    }
    if (every.p > sc.p) {
        out->every_at = (size_t)(sc.p - s);
        sc.p = sc.end;
    }
    return sc.p == sc.end ? 1 : 0;
}

bool tl_mw_parse_range(const char *s, size_t len, const tl_mw_env *env, tl_mw_range *out, char *why,
                       size_t why_size, size_t *why_at)
{
    memset(out, 0, sizeof *out);
    *why_at = 0;
    const int r = markwhen_range(s, len, env, out, why, why_size, why_at);
    if (r > 0)
        return true;
    /* Not Markwhen's: the project's own grammar, for the whole text ("early November 2019",
     * "c. 1850 - 1860"). Its reason is kept only when Markwhen's forms had none. */
    const size_t failed_at = *why_at;
    char grammar_why[160] = "";
    memset(out, 0, sizeof *out);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len >= sizeof out->from.text) {
        *why_at = 0;
        snprintf(why, why_size, "not a date (longer than %zu bytes)", sizeof out->from.text - 1);
        return false;
    }
    memcpy(out->from.text, s, len);
    out->from.text[len] = '\0';
    tl_date_cell cell;
    if (tl_date_parse_cell(out->from.text, &env->dates, &cell, grammar_why, sizeof grammar_why) ==
        TL_DATE_OK) {
        out->cell = true;
        out->from.kind = TL_MW_SIDE_DATE;
        out->from.t = cell.start_open ? cell.end : cell.start;
        out->cell_has_end = cell.has_end && !cell.end_open;
        out->cell_end = cell.end;
        return true;
    }
    if (r < 0) {
        *why_at = failed_at;
    } else {
        *why_at = 0;
        g_strlcpy(why, grammar_why, why_size);
    }
    return false;
}

/* ---------------------------------------------------------------------------------------------
 * Whether a line was meant as an event
 * ------------------------------------------------------------------------------------------- */

static bool date_word(const char *w, size_t n)
{
    static const char words[] =
        " now today to until til after before by plus and between every for times x other am pm "
        "bce bc ce ad bp c ca circa about abt approx bef early mid late spring summer autumn fall "
        "winter southern the of century millennium q1 q2 q3 q4 h1 h2 ma ka ga kya mya bya ago "
        "million billion years year y months month weeks week w days day d hours hour h minutes "
        "minute mins min seconds second secs sec s work business weekdays workdays utc sept "
        "monday tuesday wednesday thursday friday saturday sunday ";
    while (n > 0 && w[n - 1] && strchr(",.;?)", w[n - 1]))
        n--;
    while (n > 0 && (w[0] == '(' || w[0] == '~'))
        w++, n--;
    if (n == 0 || g_ascii_isdigit(w[0]) || (w[0] && strchr("!+-/", w[0])) ||
        (unsigned char)w[0] == 0xE2)
        return true;
    for (int m = 1; m <= 12; m++) {
        const char *name = tl_cal_month_name(m);
        if ((n == strlen(name) || n == 3) && g_ascii_strncasecmp(w, name, n) == 0)
            return true;
    }
    char word[24];
    if (n + 3 > sizeof word)
        return false;
    word[0] = ' ';
    for (size_t k = 0; k < n; k++)
        word[k + 1] = g_ascii_tolower(w[k]);
    word[n + 1] = ' ';
    word[n + 2] = '\0';
    return strstr(words, word) != NULL;
}

bool tl_mw_looks_like_date(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    bool any = false;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *w = p;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        if (p > w) {
            if (!date_word(w, (size_t)(p - w)))
                return false;
            any = true;
        }
    }
    return any;
}
