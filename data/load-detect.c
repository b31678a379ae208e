/* Which format an input's first bytes look like. Only what cannot be CSV's header row is
 * taken for another format: a JSON bracket, a Mermaid diagram's first statement, a Markwhen
 * header or date line; anything else stays CSV, whose reader explains what is wrong. */
#include <glib.h>
#include <string.h>

#include "data/load.h"
#include "data/markwhen-date.h"

/* A '{' input: TimelineJS when its first object has an "events" key, or spans lines (a
 * pretty-printed document); JSON Lines when the first object ends on its line. */
static tl_input_format sniff_object(const char *p, const char *end)
{
    int depth = 0;
    bool in_string = false, key_events = false;
    const char *string_start = NULL;
    for (; p < end; p++) {
        const char c = *p;
        if (in_string) {
            if (c == '\\' && p + 1 < end) {
                p++;
            } else if (c == '"') {
                in_string = false;
                key_events = depth == 1 && p - string_start == 7 &&
                             memcmp(string_start + 1, "events", 6) == 0;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
            string_start = p;
        } else if (c == ':' && key_events) {
            return TL_INPUT_TIMELINEJS;
        } else if (!g_ascii_isspace(c)) {
            key_events = false;
            if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                return TL_INPUT_JSONL;
        }
        if (c == '\n' && depth > 0)
            return TL_INPUT_TIMELINEJS;
    }
    return TL_INPUT_JSONL;
}

/* The next line of [*p, end) with its white space trimmed; false at the end. */
static bool next_line(const char **p, const char *end, const char **a, const char **b)
{
    if (*p >= end)
        return false;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *e = nl ? nl : end;
    *a = *p;
    *b = e;
    *p = nl ? nl + 1 : end;
    while (*a < *b && g_ascii_isspace(**a))
        (*a)++;
    while (*b > *a && g_ascii_isspace((*b)[-1]))
        (*b)--;
    return true;
}

static bool starts_word(const char *a, const char *b, const char *word)
{
    const size_t n = strlen(word);
    return (size_t)(b - a) >= n && g_ascii_strncasecmp(a, word, n) == 0 &&
           ((size_t)(b - a) == n || !g_ascii_isalnum(a[n]));
}

/* A Markwhen statement: a header key, a section or group, or "DATE: event" whose date part
 * holds no CSV delimiter and is made of the words Markwhen's dates are made of. */
static bool markwhen_statement(const char *a, const char *b)
{
    static const char *const keys[] = {"title:", "description:", "dateFormat:", "timezone:",
                                       "view:"};
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
        if ((size_t)(b - a) >= strlen(keys[i]) &&
            g_ascii_strncasecmp(a, keys[i], strlen(keys[i])) == 0)
            return true;
    if (starts_word(a, b, "section") || starts_word(a, b, "group") ||
        starts_word(a, b, "endSection") || starts_word(a, b, "endGroup"))
        return true;
    const char *colon = memchr(a, ':', (size_t)(b - a));
    if (!colon || memchr(a, ',', (size_t)(colon - a)) || memchr(a, ';', (size_t)(colon - a)) ||
        memchr(a, '\t', (size_t)(colon - a)))
        return false;
    return tl_mw_looks_like_date(a, (size_t)(colon - a));
}

/* Text formats: the first statement after comments and a "---" front matter block. */
static tl_input_format sniff_text(const char *p, const char *end)
{
    const char *a, *b;
    bool front_matter = false, in_front = false, first = true;
    while (next_line(&p, end, &a, &b)) {
        if (first && b - a == 3 && memcmp(a, "---", 3) == 0) {
            front_matter = in_front = true;
            first = false;
            continue;
        }
        first = false;
        if (in_front) {
            if (b - a == 3 && memcmp(a, "---", 3) == 0)
                in_front = false;
            continue;
        }
        if (a == b || (b - a >= 2 && a[0] == '%' && a[1] == '%') ||
            (b - a >= 2 && a[0] == '/' && a[1] == '/'))
            continue;
        if (starts_word(a, b, "gantt") || starts_word(a, b, "timeline"))
            return TL_INPUT_MERMAID;
        return front_matter || markwhen_statement(a, b) ? TL_INPUT_MARKWHEN : TL_INPUT_CSV;
    }
    return front_matter ? TL_INPUT_MARKWHEN : TL_INPUT_CSV;
}

tl_input_format tl_input_format_sniff(const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    const char *q = p;
    while (q < end && g_ascii_isspace(*q))
        q++;
    if (q < end && *q == '[')
        return TL_INPUT_JSON;
    if (q < end && *q == '{')
        return sniff_object(q, end);
    return sniff_text(p, end);
}
