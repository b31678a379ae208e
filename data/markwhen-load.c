/* Markwhen (markwhen.com), a line at a time: the header (title, description, dateFormat, tag
 * colours; bare or between "---" lines), events ("DATE_RANGE: title" with the lines after it
 * as its description), sections and groups. Each event becomes a row of named cells
 * (table.h), so the columns reader checks and warns about it exactly as about a CSV row; its
 * title, #tags, !id, "50%" and properties are read in markwhen-event.c, its dates in
 * markwhen-date.c and, relative ones, worked out in markwhen-relative.c. */
#include "data/load.h"

#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "common/tl-error-private.h"
#include "data/load-options-private.h"
#include "data/markwhen.h"
#include "data/model-private.h"
#include "data/text-utf8.h"
#include "data/table.h"

/* How far into a line the colon that ends its date range may be, and how many colons are
 * tried (a date range has at most four: two times with seconds). */
enum { DATE_PART_MAX = 256, COLONS_MAX = 8 };

/* 1-based column of p on its line, in code points. */
static unsigned long col_of(const tl_mw_line *l, const char *p)
{
    unsigned long col = 1;
    for (const char *q = l->start; q < p; q++)
        col += ((unsigned char)*q & 0xC0) != 0x80;
    return col;
}

static __attribute__((format(printf, 4, 5))) void warn(tl_mw_reader *r, const tl_mw_line *l,
                                                       const char *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_warning(r->tl, tl_format_located(r->path, l->no, col_of(l, p), msg));
    free(msg);
}

/* A note, once per `key` (a kind of thing, not each occurrence). */
__attribute__((format(printf, 4, 5))) void
tl_mw_note_once(tl_mw_reader *r, const char *key, const tl_mw_line *l, const char *fmt, ...)
{
    if (g_hash_table_contains(r->noted, key))
        return;
    g_hash_table_add(r->noted, g_strdup(key));
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_note(r->tl, l ? tl_format_located(r->path, l->no, 0, msg)
                               : tl_xasprintf("%s: %s", r->path, msg));
    free(msg);
}

/* A cell, without the white space at its ends that the columns reader would trim (\v and \f
 * included): its text stays where it was allocated. */
void tl_mw_set_cell(tl_mw_reader *r, const char *column, const char *text, size_t len,
                    const tl_mw_line *l, const char *p)
{
    while (len > 0 && text[len - 1] && strchr(" \t\n\r\v\f", text[len - 1]))
        len--;
    for (; len > 0 && *text && strchr(" \t\n\r\v\f", *text); len--)
        text++;
    tl_table_set_len(r->table, column, text, len, l->no, col_of(l, p));
}

static bool starts_word(const char *a, const char *b, const char *word)
{
    const size_t n = strlen(word);
    return (size_t)(b - a) >= n && g_ascii_strncasecmp(a, word, n) == 0 &&
           ((size_t)(b - a) == n || a[n] == ' ' || a[n] == '\t');
}

/* Ends b before a " // comment" (a comment needs the space, so that URLs stay whole). */
static const char *cut_comment(const char *a, const char *b)
{
    for (const char *p = a; p + 1 < b; p++)
        if (p[0] == '/' && p[1] == '/' && (p == a || p[-1] == ' ' || p[-1] == '\t')) {
            b = p;
            break;
        }
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    return b;
}

/* A YAML-ish value: quotes taken off; a flow list ["a", 'b'] as its items: "a, b". */
char *tl_mw_plain_value(const char *a, const char *b)
{
    const int list = b - a >= 2 && *a == '[' && b[-1] == ']';
    if (!list && b - a >= 2 && (*a == '"' || *a == '\'') && b[-1] == *a)
        return tl_xstrndup(a + 1, (size_t)(b - a - 2));
    char *out = tl_xstrndup(a + list, (size_t)(b - a - 2 * list)), *q = out;
    for (const char *p = out; list && *p; p++)
        if (*p != '"' && *p != '\'')
            *q++ = *p;
    if (list)
        *q = '\0';
    return out;
}

/* "key: value" with a plain key: the key's end and the value, or false. */
bool tl_mw_key_value(const char *a, const char *b, const char **key_end, const char **value)
{
    const char *p = a;
    if (p >= b || !(g_ascii_isalpha(*p) || *p == '_'))
        return false;
    while (p < b && (tl_mw_is_word_char(*p) || *p == '-'))
        p++;
    *key_end = p;
    while (p < b && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= b || *p != ':' || (p + 1 < b && p[1] != ' ' && p[1] != '\t'))
        return false;
    p++;
    while (p < b && (*p == ' ' || *p == '\t'))
        p++;
    *value = p;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * The header
 * ------------------------------------------------------------------------------------------- */

/* "#Travel: blue": the colour of the events tagged so. */
static void tag_color_line(tl_mw_reader *r, const tl_mw_line *l, const char *b)
{
    const char *p = l->a + 1, *v;
    while (p < b && tl_mw_is_word_char(*p))
        p++;
    const char *tag_end = p;
    while (p < b && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= b || *p != ':') {
        tl_mw_note_once(r, "header text", l, "header text ignored");
        return;
    }
    for (v = p + 1; v < b && (*v == ' ' || *v == '\t');)
        v++;
    const size_t n = (size_t)(b - v);
    const bool hex = n > 0 && *v == '#';
    bool valid = n > 0 && (!hex || n == 4 || n == 5 || n == 7 || n == 9);
    for (size_t k = hex; k < n && valid; k++)
        valid = hex ? g_ascii_isxdigit(v[k]) : g_ascii_isalpha(v[k]);
    if (!valid) {
        warn(r, l, v, "tag colour \"%.*s\" is not a colour (#rgb, #rrggbb or a CSS name); ignored",
             (int)n, v);
        return;
    }
    tl_mw_tag_color *tc = tl_xcalloc(1, sizeof *tc);
    *tc = (tl_mw_tag_color){tl_xstrndup(v, n), l->no, col_of(l, v)};
    g_hash_table_insert(r->tag_colors, g_ascii_strdown(l->a + 1, tag_end - l->a - 1), tc);
}

static void header_value(tl_mw_reader *r, tl_mw_header_key key, const tl_mw_line *l, const char *v,
                         const char *b)
{
    GString *s = key == TL_MW_KEY_TITLE ? r->title : r->description;
    if (key == TL_MW_KEY_TITLE)
        r->title_at = *l;
    g_string_truncate(s, 0);
    r->key = key;
    r->key_indent = (size_t)(l->a - l->start);
    /* A YAML block ("|", ">") or an empty value: the value is on the lines below. */
    if (v < b && !((b - v == 1) && (*v == '|' || *v == '>'))) {
        char *text = tl_mw_plain_value(v, b);
        g_string_append(s, text);
        free(text);
    }
}

static void date_format(tl_mw_reader *r, const tl_mw_line *l, const char *v, const char *b)
{
    const size_t n = (size_t)(b - v);
    if (n == 5 && g_ascii_strncasecmp(v, "d/M/y", 5) == 0)
        r->env.order = r->env.dates.order = TL_DATE_ORDER_DMY;
    else if (n == 5 && g_ascii_strncasecmp(v, "M/d/y", 5) == 0)
        r->env.order = r->env.dates.order = TL_DATE_ORDER_MDY;
    else
        warn(r, l, v, "dateFormat \"%.*s\" not understood (d/M/y or M/d/y); ignored", (int)n, v);
}

static void header_line(tl_mw_reader *r, const tl_mw_line *l)
{
    /* Lines indented under a key, or a YAML list's items, belong to it. */
    if (r->key != TL_MW_KEY_NONE && ((size_t)(l->a - l->start) > r->key_indent || *l->a == '-')) {
        if (r->key == TL_MW_KEY_TITLE || r->key == TL_MW_KEY_DESCRIPTION) {
            GString *s = r->key == TL_MW_KEY_TITLE ? r->title : r->description;
            g_string_append_printf(s, "%s%.*s",
                                   s->len ? (r->key == TL_MW_KEY_TITLE ? " " : "\n") : "",
                                   (int)(l->b - l->a), l->a);
        }
        return;
    }
    r->key = TL_MW_KEY_NONE;
    const char *b = cut_comment(l->a, l->b), *key_end, *v;
    if (b - l->a >= 2 && l->a[0] == '#' && tl_mw_is_word_char(l->a[1])) {
        tag_color_line(r, l, b);
    } else if (!tl_mw_key_value(l->a, b, &key_end, &v)) {
        tl_mw_note_once(r, "header text", l,
                        "header text ignored (the header is what comes before the "
                        "first event)");
    } else if (starts_word(l->a, key_end, "title")) {
        header_value(r, TL_MW_KEY_TITLE, l, v, b);
    } else if (starts_word(l->a, key_end, "description")) {
        header_value(r, TL_MW_KEY_DESCRIPTION, l, v, b);
    } else if (starts_word(l->a, key_end, "dateFormat")) {
        date_format(r, l, v, b);
    } else {
        char *key = g_strndup(l->a, (size_t)(key_end - l->a));
        tl_mw_note_once(r, key, l, "header key \"%s\" ignored%s", key,
                        g_ascii_strcasecmp(key, "timezone") == 0 ||
                                g_ascii_strcasecmp(key, "tz") == 0
                            ? " (times without an offset are in --tz's zone)"
                            : "");
        g_free(key);
        r->key = TL_MW_KEY_OTHER;
        r->key_indent = (size_t)(l->a - l->start);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------------------------------- */

static bool lookup_id(void *user, const char *id, size_t len, tl_mw_span *out)
{
    tl_mw_reader *r = user;
    char *key = g_strndup(id, len);
    const tl_mw_event_id *e = g_hash_table_lookup(r->ids, key);
    g_free(key);
    if (e)
        *out = e->span;
    return e != NULL;
}

/* The event read so far becomes whole: its group, colour, description and id. */
static void close_event(tl_mw_reader *r)
{
    if (!r->open) {
        r->skipping = false;
        return;
    }
    r->open = r->props = false;
    tl_mw_finish_group(r);
    tl_mw_finish_color(r);
    if (r->desc->len)
        tl_mw_set_cell(r, "description", r->desc->str, r->desc->len, &r->desc_at, r->desc_at.a);
    if (r->id) {
        const tl_mw_event_id *first = g_hash_table_lookup(r->ids, r->id);
        if (first) {
            warn(r, &r->id_at, r->id_at.a,
                 "duplicate event id \"!%s\" (first on line %lu, which "
                 "keeps it)",
                 r->id, first->line);
        } else {
            tl_mw_event_id *e = tl_xcalloc(1, sizeof *e);
            *e = (tl_mw_event_id){r->span, r->at.no};
            g_hash_table_insert(r->ids, tl_xstrdup(r->id), e);
            tl_mw_set_cell(r, "id", r->id, strlen(r->id), &r->id_at, r->id_at.a);
        }
    }
    r->has_prior = true;
    r->prior = r->span;
}

/* The first line of an event: true when the line is one (read, or skipped with a warning). */
static bool event_line(tl_mw_reader *r, const tl_mw_line *l)
{
    const char *a = l->a, *limit = l->b - a > DATE_PART_MAX ? a + DATE_PART_MAX : l->b;
    const char *colon = memchr(a, ':', (size_t)(limit - a));
    if (!colon || !tl_mw_looks_like_date(a, (size_t)(colon - a)))
        return false;
    /* The longest prefix before a colon that is a date range: times have colons too. */
    const char *best = NULL, *longest = colon;
    tl_mw_range range, tried;
    char why[200];
    size_t at;
    int tries = 0;
    for (const char *c = colon; c; c = memchr(c + 1, ':', (size_t)(limit - c - 1))) {
        if (++tries > COLONS_MAX || !tl_mw_looks_like_date(a, (size_t)(c - a)))
            break;
        longest = c;
        if (tl_mw_parse_range(a, (size_t)(c - a), &r->env, &tried, why, sizeof why, &at)) {
            best = c;
            range = tried;
        }
        if (c + 1 >= limit)
            break;
    }
    close_event(r);
    r->in_header = false;
    r->key = TL_MW_KEY_NONE;
    if (!best) {
        tl_mw_parse_range(a, (size_t)(longest - a), &r->env, &tried, why, sizeof why, &at);
        warn(r, l, a + at, "invalid date \"%.*s\": %s; event skipped", (int)(longest - a), a, why);
        r->skipping = true;
        r->skipped++;
        return true;
    }
    tl_mw_refs refs = {lookup_id, r, r->has_prior, r->prior};
    tl_mw_cells cells;
    if (!tl_mw_resolve(&range, &r->env, &refs, &cells, why, sizeof why, &at)) {
        warn(r, l, a + at, "%s; event skipped", why);
        r->skipping = true;
        r->skipped++;
        return true;
    }
    if (range.every_at)
        warn(r, l, a + range.every_at, "repetition \"%.*s\" not drawn: only the first occurrence",
             (int)(best - a - range.every_at), a + range.every_at);
    if (range.from.no_year || range.to.no_year || range.from.kind == TL_MW_SIDE_NOW ||
        range.to.kind == TL_MW_SIDE_NOW) {
        char today[16];
        tl_time t = {.lo = r->env.today, .hi = r->env.today, .precision = TL_PRECISION_DAY};
        tl_cal_format_iso(&t, today, sizeof today);
        tl_mw_note_once(r, "today", l,
                        "\"now\" and dates without a year are read on today's date, %s", today);
    }
    r->events++;
    r->open = r->props = true;
    r->at = *l;
    r->span = cells.span;
    r->has_group = r->has_color = false;
    g_ptr_array_set_size(r->tags, 0);
    free(r->id);
    r->id = NULL;
    g_string_truncate(r->desc, 0);
    tl_table_add_row(r->table, l->no, col_of(l, a));
    tl_mw_set_cell(r, "start", cells.start, strlen(cells.start), l, a + range.from.at);
    if (cells.end[0])
        tl_mw_set_cell(r, "end", cells.end, strlen(cells.end), l,
                       a + (range.to.kind != TL_MW_SIDE_NONE ? range.to.at : range.from.at));
    if (cells.after_id) {
        char *dep = g_strdup_printf("%.*s%s", (int)cells.after_id_len, cells.after_id,
                                    cells.after_start ? " SS" : "");
        tl_mw_set_cell(r, "depends", dep, strlen(dep), l, cells.after_id - 1);
        g_free(dep);
    }
    tl_mw_take_title(r, l, best + 1);
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Sections and groups
 * ------------------------------------------------------------------------------------------- */

static void group_start(tl_mw_reader *r, const tl_mw_line *l, size_t keyword)
{
    close_event(r);
    r->in_header = false;
    r->key = TL_MW_KEY_NONE;
    const char *b = cut_comment(l->a + keyword, l->b);
    GString *name = g_string_new(NULL);
    char *tag = NULL;
    for (const char *p = l->a + keyword; p < b; p++) {
        const size_t n = (p[-1] == ' ' || p[-1] == '\t') ? tl_mw_tag_len(p, b) : 0;
        if (n) {
            if (!tag)
                tag = tl_xstrndup(p + 1, n - 1);
            p += n - 1;
        } else if (!((*p == ' ' || *p == '\t') &&
                     (!name->len || name->str[name->len - 1] == ' '))) {
            g_string_append_c(name, *p == '\t' ? ' ' : *p);
        }
    }
    while (name->len && name->str[name->len - 1] == ' ')
        g_string_truncate(name, name->len - 1);
    g_ptr_array_add(r->groups, g_string_free(name, FALSE));
    g_ptr_array_add(r->group_tags, tag ? tag : tl_xstrdup(""));
}

static void group_end(tl_mw_reader *r, const tl_mw_line *l)
{
    close_event(r);
    if (r->groups->len == 0) {
        warn(r, l, l->a, "\"%.*s\" without an open section or group; ignored", (int)(l->b - l->a),
             l->a);
        return;
    }
    g_ptr_array_remove_index(r->groups, r->groups->len - 1);
    g_ptr_array_remove_index(r->group_tags, r->group_tags->len - 1);
}

/* A group or section line: the keyword's length, or 0. */
static size_t group_keyword(const tl_mw_line *l)
{
    if (starts_word(l->a, l->b, "group"))
        return 5;
    return starts_word(l->a, l->b, "section") ? 7 : 0;
}

static bool is_group_end(const tl_mw_line *l)
{
    const char *b = cut_comment(l->a, l->b);
    const size_t n = (size_t)(b - l->a);
    return (n == 8 && g_ascii_strncasecmp(l->a, "endGroup", 8) == 0) ||
           (n == 10 && g_ascii_strncasecmp(l->a, "endSection", 10) == 0);
}

/* ---------------------------------------------------------------------------------------------
 * The document
 * ------------------------------------------------------------------------------------------- */

static void read_line(tl_mw_reader *r, const tl_mw_line *l)
{
    const bool blank = l->a == l->b;
    if (!blank && !r->seen_content && l->b - l->a == 3 && memcmp(l->a, "---", 3) == 0) {
        r->seen_content = r->in_front = true;
        return;
    }
    r->seen_content = r->seen_content || !blank;
    if (r->in_front) {
        if (l->b - l->a == 3 && memcmp(l->a, "---", 3) == 0)
            r->in_front = false, r->key = TL_MW_KEY_NONE;
        else if (!blank && !(l->b - l->a >= 2 && l->a[0] == '/' && l->a[1] == '/'))
            header_line(r, l);
        return;
    }
    if (blank || (l->b - l->a >= 2 && l->a[0] == '/' && l->a[1] == '/')) {
        r->props = r->props && !blank;
        return;
    }
    if (l->b - l->a == 15 && memcmp(l->a, "_-_-_break_-_-_", 15) == 0) {
        tl_mw_note_once(r, "pages", l, "the pages are drawn as one timeline");
        return;
    }
    size_t keyword = group_keyword(l);
    if (keyword) {
        group_start(r, l, keyword);
    } else if (is_group_end(l)) {
        group_end(r, l);
    } else if (event_line(r, l)) {
        return;
    } else if (r->in_header) {
        header_line(r, l);
    } else if (r->open) {
        if (!(r->props && tl_mw_property_line(r, l)))
            tl_mw_description_line(r, l);
    } else if (!r->skipping) {
        tl_mw_note_once(r, "outside", l, "text outside any event ignored");
    }
}

/* Today, as "now" means it: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock;
 * the day is the load's zone's. */
static int64_t today(tl_date_zone *zone)
{
    int64_t now;
    if (!tl_cal_source_date_epoch(&now))
        now = g_get_real_time() / G_USEC_PER_SEC;
    now += tl_date_zone_offset(zone, now);
    return tl_cal_floor_div(now, TL_SECONDS_PER_DAY) * TL_SECONDS_PER_DAY;
}

static void read_document(tl_mw_reader *r, const char *p, const char *end)
{
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    for (unsigned long no = 1; p < end; no++) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        tl_mw_line l = {.start = p, .a = p, .b = e, .no = no};
        while (l.a < l.b && (*l.a == ' ' || *l.a == '\t'))
            l.a++;
        while (l.b > l.a && (l.b[-1] == ' ' || l.b[-1] == '\t'))
            l.b--;
        read_line(r, &l);
        p = e < end && *e == '\r' && e + 1 < end && e[1] == '\n' ? e + 2 : e + 1;
    }
    close_event(r);
}

/* The header's title as a title row, at the end (a title row is not an event). */
static void add_title_row(tl_mw_reader *r)
{
    if (r->title->len == 0) {
        if (r->description->len)
            tl_mw_note_once(r, "description", NULL,
                            "header description ignored: there is no title");
        return;
    }
    const tl_mw_line *l = &r->title_at;
    tl_table_add_row(r->table, l->no, col_of(l, l->a));
    tl_mw_set_cell(r, "type", "title", 5, l, l->a);
    tl_mw_set_cell(r, "title", r->title->str, r->title->len, l, l->a);
    if (r->description->len)
        tl_mw_set_cell(r, "description", r->description->str, r->description->len, l, l->a);
}

static void free_tag_color(gpointer p)
{
    free(((tl_mw_tag_color *)p)->color);
    free(p);
}

static void reader_free(tl_mw_reader *r)
{
    tl_table_free(r->table);
    g_string_free(r->title, TRUE);
    g_string_free(r->description, TRUE);
    g_string_free(r->desc, TRUE);
    g_ptr_array_free(r->tags, TRUE);
    g_ptr_array_free(r->groups, TRUE);
    g_ptr_array_free(r->group_tags, TRUE);
    g_hash_table_destroy(r->tag_colors);
    g_hash_table_destroy(r->noted);
    g_hash_table_destroy(r->ids);
    free(r->id);
}

tl_timeline *tl_markwhen_load(const char *data, size_t len, const char *path,
                              const tl_load_options *opts, tl_error **err)
{
    tl_mw_reader r = {
        .path = path,
        .tl = tl_model_new(),
        .table = tl_table_new(path),
        .in_header = true,
        .title = g_string_new(NULL),
        .description = g_string_new(NULL),
        .desc = g_string_new(NULL),
        .tags = g_ptr_array_new_with_free_func(free),
        .groups = g_ptr_array_new_with_free_func(g_free),
        .group_tags = g_ptr_array_new_with_free_func(free),
        .tag_colors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_tag_color),
        .noted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, free),
    };
    r.env.dates.zone = opts ? opts->zone : NULL;
    /* Numeric dates: dateFormat, else --date-order, else Markwhen's month first. */
    r.env.dates.order = opts && opts->order ? opts->order : TL_DATE_ORDER_MDY;
    r.env.order = r.env.dates.order == TL_DATE_ORDER_DMY ? TL_DATE_ORDER_DMY : TL_DATE_ORDER_MDY;
    r.env.today = today(r.env.dates.zone);
    char *copy = NULL;
    const char *text = tl_text_utf8(data, len, path, opts && opts->repair_utf8, r.tl, &copy, err);
    bool ok = text != NULL;
    if (ok)
        read_document(&r, text, text + (copy ? strlen(copy) : len));
    if (ok && r.events == 0 && r.skipped == 0) {
        ok = tl_set_error_at(err, TL_ERROR_DATA, path, 0, 0,
                             "no events (an event is a line \"DATE: title\", such as "
                             "\"2023-01-05: Launch\")");
    } else if (ok && r.events == 0) {
        /* Every event was skipped, each with its warning: nothing to draw, said by the caller. */
        tl_model_add_note(r.tl, tl_xstrdup("format: Markwhen"));
        tl_model_finish(r.tl);
    } else if (ok) {
        add_title_row(&r);
        tl_table_set_date_order(r.table, r.env.dates.order);
        ok = tl_table_load(r.table, r.tl, opts, "format: Markwhen", err);
    }
    free(copy);
    reader_free(&r);
    if (!ok) {
        tl_timeline_free(r.tl);
        return NULL;
    }
    return r.tl;
}
