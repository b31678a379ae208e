/* A Markwhen event's text (markwhen.h): the title after its date range, with the !id, #tags,
 * "50%" and first link taken out into cells; the "key: value" properties right under it; its
 * description lines; and, when it closes, the group and colour its sections and tags give it.
 * Kept apart from markwhen-load.c, which reads the document's lines and the dates. */
#include "data/markwhen.h"

#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "data/columns.h"

/* ---------------------------------------------------------------------------------------------
 * Titles and tags
 * ------------------------------------------------------------------------------------------- */

static const tl_mw_tag_color *tag_entry(const tl_mw_reader *r, const char *tag)
{
    char *key = g_ascii_strdown(tag, -1);
    const tl_mw_tag_color *tc = g_hash_table_lookup(r->tag_colors, key);
    g_free(key);
    return tc;
}

/* "#tag" at p (after white space or at the start): its length, or 0. Numbers are not tags. */
size_t tl_mw_tag_len(const char *p, const char *b)
{
    if (p >= b || *p != '#')
        return 0;
    size_t n = 1;
    bool digits = true;
    while (p + n < b && tl_mw_is_word_char(p[n])) {
        digits = digits && g_ascii_isdigit(p[n]);
        n++;
    }
    return n > 1 && !digits ? n : 0;
}

static void add_tag(tl_mw_reader *r, const tl_mw_line *l, const char *p, size_t n)
{
    if (r->tags->len == 0) {
        r->tag_at = *l;
        r->tag_at.a = p;
    }
    g_ptr_array_add(r->tags, tl_xstrndup(p + 1, n - 1));
}

/* The tags of a description line (kept in its text). */
static void scan_tags(tl_mw_reader *r, const tl_mw_line *l)
{
    for (const char *p = l->a; p < l->b; p++) {
        const size_t n = (p == l->a || p[-1] == ' ' || p[-1] == '\t') ? tl_mw_tag_len(p, l->b) : 0;
        if (n) {
            add_tag(r, l, p, n);
            p += n - 1;
        }
    }
}

/* A "[text](url)" link at p: the title keeps the text, the first link's url its cell. */
static const char *take_link(tl_mw_reader *r, GString *t, const tl_mw_line *l, const char *p,
                             const char *b)
{
    const char *close = memchr(p, ']', (size_t)(b - p));
    if (!close || close + 1 >= b || close[1] != '(')
        return NULL;
    const char *end = memchr(close, ')', (size_t)(b - close));
    if (!end)
        return NULL;
    g_string_append_len(t, p + 1, close - p - 1);
    const char *u = close + 2;
    const size_t n = (size_t)(end - u);
    const bool place =
        (n == 3 && memcmp(u, "map", 3) == 0) || (n == 8 && memcmp(u, "location", 8) == 0);
    if (!place && n > 0 && !tl_table_get(r->table, "url"))
        tl_mw_set_cell(r, "url", u, n, l, u);
    return end + 1;
}

/* The title: the text after the colon less its !id, #tags and "50%", which become cells. */
void tl_mw_take_title(tl_mw_reader *r, const tl_mw_line *l, const char *a)
{
    GString *t = g_string_new(NULL);
    bool progress = false;
    const char *p = a, *title_at = NULL;
    while (p < l->b) {
        const bool word_start = p == a || p[-1] == ' ' || p[-1] == '\t';
        size_t n = word_start ? tl_mw_tag_len(p, l->b) : 0;
        if (n) {
            add_tag(r, l, p, n);
            p += n;
            continue;
        }
        if (word_start && *p == '!' && p + 1 < l->b && tl_mw_is_word_char(p[1]) && !r->id) {
            for (n = 1; p + n < l->b && tl_mw_is_word_char(p[n]);)
                n++;
            r->id = tl_xstrndup(p + 1, n - 1);
            r->id_at = *l;
            r->id_at.a = p;
            p += n;
            continue;
        }
        const char *e = p;
        while (e < l->b && g_ascii_isdigit(*e) && e - p < 4)
            e++;
        if (word_start && !progress && e > p && e - p <= 3 && e < l->b && *e == '%' &&
            (e + 1 == l->b || e[1] == ' ') && atoi(p) <= 100) {
            tl_mw_set_cell(r, "progress", p, (size_t)(e - p), l, p);
            progress = true;
            p = e + 1;
            continue;
        }
        const char *next = *p == '[' ? take_link(r, t, l, p, l->b) : NULL;
        if (!next) {
            if ((*p == ' ' || *p == '\t') && (t->len == 0 || t->str[t->len - 1] == ' ')) {
                p++;
                continue;
            }
            title_at = title_at ? title_at : p;
            g_string_append_c(t, *p == '\t' ? ' ' : *p);
            next = p + 1;
        }
        title_at = title_at ? title_at : p;
        p = next;
    }
    while (t->len && t->str[t->len - 1] == ' ')
        g_string_truncate(t, t->len - 1);
    tl_mw_set_cell(r, "title", t->str, t->len, l, title_at ? title_at : a);
    g_string_free(t, TRUE);
}

/* ---------------------------------------------------------------------------------------------
 * Groups and colours
 * ------------------------------------------------------------------------------------------- */

/* The group: the open sections and groups ("Outer / Inner"), else the first tag. */
void tl_mw_finish_group(tl_mw_reader *r)
{
    if (r->has_group)
        return;
    const tl_mw_line *l = &r->at;
    if (r->groups->len) {
        GString *g = g_string_new(NULL);
        for (guint k = 0; k < r->groups->len && k < TL_MW_DEPTH_MAX; k++)
            if (((char *)r->groups->pdata[k])[0])
                g_string_append_printf(g, "%s%s", g->len ? " / " : "", (char *)r->groups->pdata[k]);
        if (g->len)
            tl_mw_set_cell(r, "group", g->str, g->len, l, l->a);
        g_string_free(g, TRUE);
    } else if (r->tags->len) {
        const char *tag = r->tags->pdata[0];
        tl_mw_set_cell(r, "group", tag, strlen(tag), &r->tag_at, r->tag_at.a);
    }
}

/* The colour of the first tag that has one: the event's own tags, then its groups'. */
void tl_mw_finish_color(tl_mw_reader *r)
{
    if (r->has_color)
        return;
    const tl_mw_tag_color *tc = NULL;
    for (guint k = 0; k < r->tags->len && !tc; k++)
        tc = tag_entry(r, r->tags->pdata[k]);
    for (guint k = MIN(r->group_tags->len, TL_MW_DEPTH_MAX); k-- > 0 && !tc;)
        if (((char *)r->group_tags->pdata[k])[0])
            tc = tag_entry(r, r->group_tags->pdata[k]);
    if (tc)
        tl_table_set(r->table, "color", tc->color, tc->line, tc->col);
}

/* ---------------------------------------------------------------------------------------------
 * Properties and descriptions
 * ------------------------------------------------------------------------------------------- */

/* "key: value" right under an event line: a property. Those that name a column of ours fill
 * it; the dates come from the event line only. */
bool tl_mw_property_line(tl_mw_reader *r, const tl_mw_line *l)
{
    const char *key_end, *v;
    if (!tl_mw_key_value(l->a, l->b, &key_end, &v))
        return false;
    char *key = g_strndup(l->a, (size_t)(key_end - l->a));
    tl_column col;
    const bool known = tl_columns_lookup(key, &col);
    char *value = tl_mw_plain_value(v, l->b);
    if (g_ascii_strcasecmp(key, "tz") == 0 || g_ascii_strcasecmp(key, "timezone") == 0 || !known ||
        (int)col >= (int)TL_COLUMN_OVERRIDABLE || col == TL_COLUMN_START || col == TL_COLUMN_END ||
        col == TL_COLUMN_TITLE || col == TL_COLUMN_DURATION) {
        char *what = g_strdup_printf("property %s", key);
        tl_mw_note_once(
            r, what, l, "property \"%s\" ignored%s", key,
            known && (col == TL_COLUMN_START || col == TL_COLUMN_END || col == TL_COLUMN_DURATION)
                ? ": the event line gives the dates"
                : "");
        g_free(what);
    } else if (col == TL_COLUMN_ID) {
        free(r->id);
        r->id = tl_xstrdup(value[0] == '!' ? value + 1 : value);
        r->id_at = *l;
        r->id_at.a = v;
    } else {
        const char *name = tl_columns_get_canonical_name(col);
        tl_mw_set_cell(r, name, value, strlen(value), l, v);
        r->has_group = r->has_group || col == TL_COLUMN_GROUP;
        r->has_color = r->has_color || col == TL_COLUMN_COLOR;
        if (col == TL_COLUMN_DESCRIPTION) {
            g_string_assign(r->desc, value);
            r->desc_at = *l;
            r->desc_at.a = v;
        }
    }
    free(value);
    g_free(key);
    return true;
}

void tl_mw_description_line(tl_mw_reader *r, const tl_mw_line *l)
{
    r->props = false;
    if (r->desc->len == 0) {
        r->desc_at = *l;
    } else {
        g_string_append_c(r->desc, '\n');
    }
    g_string_append_len(r->desc, l->a, l->b - l->a);
    scan_tags(r, l);
}
