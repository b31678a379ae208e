/* A Mermaid gantt diagram: its settings (dateFormat, excludes, axisFormat, tickInterval ...),
 * sections and tasks. Like Mermaid, it reads every statement first and the tasks after, so
 * that the last dateFormat and every exclusion apply to all of them. Each task becomes a row
 * of a project plan (docs/plans.md): "after a b" starts, durations and the working calendar
 * are the plan's; dates are written in ISO for the date grammar; Mermaid's exclusive ends
 * become inclusive ones. An end "until x" (another task's start) is found by laying the plan
 * out once more with the ends found so far, until none changes. */
#include "data/mermaid.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "data/load-options-private.h"
#include "data/model-private.h"
#include "data/plan.h"

/* Layouts of the plan an "until" may need: enough for a chain of that many. */
enum { UNTIL_PASSES = 6 };
enum { TEXT_SIZE = 96 };

typedef enum start_kind { START_DATE, START_AFTER, START_PREVIOUS } start_kind;
typedef enum end_kind { END_DATE, END_DURATION, END_UNTIL } end_kind;

typedef struct task {
    tl_mermaid_stmt title, section, id, start, end; /* as written */
    int items;                                      /* after the tags: 1 to 3 */
    bool crit, done, active, milestone, vert;
    tl_mermaid_stmt url;
    /* Read once every statement is in. */
    bool skipped;
    start_kind sk;
    tl_mermaid_when s;
    tl_mermaid_stmt after, until; /* the ids after "after" and "until" */
    end_kind ek;
    tl_mermaid_when e; /* exclusive, as Mermaid's */
    size_t prev;       /* START_PREVIOUS: the task before */
    char auto_id[24];  /* an id for a task that another follows without naming it */
    double lead, tail; /* seconds: a milestone's or marker's place after its start, and the
                          rest of its length, which the task after it waits for */
    bool until_known;
    tl_time until_start; /* the start of the earliest task an "until" names */
} task;

typedef struct gantt {
    tl_mermaid *m;
    tl_mermaid_stmt format;
    bool has_format, inclusive, weekends, noted_fallback, noted_no_year;
    int weekend_start; /* 4 Friday, 5 Saturday: bit of the first day off */
    double day_hours;
    unsigned days_off; /* bit 0 Monday .. bit 6 Sunday */
    task *tasks;
    size_t count, cap;
    tl_mermaid_stmt *excludes, *includes; /* tokens, read at the end */
    size_t nexcludes, excludes_cap, nincludes, includes_cap;
    tl_mermaid_stmt axis, ticks;
    bool has_axis, has_ticks;
    GHashTable *ids;         /* id -> index + 1 of its task */
    tl_mermaid_stmt *clicks; /* pairs: an id and its link, applied once every task is in */
    size_t nclicks, clicks_cap;
} gantt;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The next word of [*p, end), separated by blanks (and commas with `commas`): false when none
 * is left. */
static bool next_word(const char **p, const char *end, bool commas, const char **w, size_t *len)
{
    while (*p < end && (is_blank(**p) || (commas && **p == ',')))
        ++*p;
    *w = *p;
    while (*p < end && !is_blank(**p) && !(commas && **p == ','))
        ++*p;
    *len = (size_t)(*p - *w);
    return *len > 0;
}

static bool same(const tl_mermaid_stmt *a, const char *b, size_t len)
{
    return a->len == len && memcmp(a->text, b, len) == 0;
}

/* ---------------------------------------------------------------------------------------------
 * Statements
 * ------------------------------------------------------------------------------------------- */

/* The words of an excludes or includes list, separated by white space or commas. */
static void add_words(const tl_mermaid_stmt *v, tl_mermaid_stmt **list, size_t *n, size_t *cap)
{
    const char *p = v->text, *end = v->text + v->len, *w;
    size_t len;
    while (next_word(&p, end, true, &w, &len)) {
        *list = tl_xgrow(*list, cap, *n + 1, sizeof **list);
        (*list)[(*n)++] = tl_mermaid_part(v, w, p);
    }
}

/* "click ID href "URL"" gives the task a link; "call" runs a script in Mermaid's page. */
static void click(gantt *g, const tl_mermaid_stmt *st, const tl_mermaid_stmt *rest)
{
    const char *p = rest->text, *end = rest->text + rest->len;
    while (p < end && !is_blank(*p))
        p++;
    const tl_mermaid_stmt id = tl_mermaid_part(rest, rest->text, p);
    const tl_mermaid_stmt tail = tl_mermaid_part(rest, p, end);
    tl_mermaid_stmt href;
    const char *q1 = memchr(tail.text, '"', tail.len);
    const char *q2 = q1 ? memchr(q1 + 1, '"', (size_t)(end - q1 - 1)) : NULL;
    if (!tl_mermaid_keyword(&tail, "href", &href) || !q2) {
        tl_mermaid_note(g->m, st->line, "click %.*s skipped: scripts are not run", (int)id.len,
                        id.text);
        return;
    }
    g->clicks = tl_xgrow(g->clicks, &g->clicks_cap, g->nclicks + 2, sizeof *g->clicks);
    g->clicks[g->nclicks++] = id;
    g->clicks[g->nclicks++] = tl_mermaid_part(&tail, q1 + 1, q2);
}

/* Each click's link to its task, wherever the task is. */
static void apply_clicks(gantt *g)
{
    for (size_t k = 0; k + 1 < g->nclicks; k += 2) {
        const tl_mermaid_stmt *id = &g->clicks[k];
        bool found = false;
        for (size_t i = 0; i < g->count && !found; i++)
            if (g->tasks[i].items == 3 && same(&g->tasks[i].id, id->text, id->len)) {
                g->tasks[i].url = g->clicks[k + 1];
                found = true;
            }
        if (!found)
            tl_mermaid_warn(g->m, id->line, id->col, "click names no task \"%.*s\"; ignored",
                            (int)id->len, id->text);
    }
}

/* A task: "Name : [tags,] [id,] [start,] end". */
static void add_task(gantt *g, const tl_mermaid_stmt *st, const tl_mermaid_stmt *section,
                     const char *colon)
{
    static const char *const tags[] = {"active", "done", "crit", "milestone", "vert"};
    task t = {.title = tl_mermaid_part(st, st->text, colon), .section = *section};
    const char *p = colon + 1, *end = st->text + st->len;
    for (const char *q = p; q < end; q++)
        if (*q == ';' || *q == '#') { /* the end of a statement, a comment */
            end = q;
            break;
        }
    tl_mermaid_stmt items[3];
    int n = 0;
    bool tagging = true, too_many = false;
    while (p <= end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *e = comma ? comma : end;
        const tl_mermaid_stmt it = tl_mermaid_part(st, p, e);
        bool *flags[] = {&t.active, &t.done, &t.crit, &t.milestone, &t.vert};
        bool tag = false;
        for (size_t k = 0; tagging && k < G_N_ELEMENTS(tags) && !tag; k++)
            if (same(&it, tags[k], strlen(tags[k])))
                tag = *flags[k] = true;
        tagging = tagging && tag;
        if (!tag && n < 3)
            items[n++] = it;
        else if (!tag)
            too_many = true;
        p = e + 1;
    }
    if (too_many || n == 0 || (n == 1 && items[0].len == 0)) {
        tl_mermaid_warn(g->m, st->line, st->col, "task \"%.*s\" needs %s; skipped",
                        (int)t.title.len, t.title.text,
                        too_many ? "at most an id, a start and an end after its tags"
                                 : "an end or a duration");
        return;
    }
    t.items = n;
    if (n == 3)
        t.id = items[0];
    t.start = n >= 2 ? items[n - 2] : (tl_mermaid_stmt){0};
    t.end = items[n - 1];
    g->tasks = tl_xgrow(g->tasks, &g->cap, g->count + 1, sizeof *g->tasks);
    g->tasks[g->count++] = t;
}

/* The statements that set how the chart is read or drawn; false for another. */
static bool setting(gantt *g, const tl_mermaid_stmt *st)
{
    tl_mermaid *m = g->m;
    tl_mermaid_stmt v;
    if (tl_mermaid_keyword(st, "dateFormat", &v)) {
        g->format = v;
        g->has_format = v.len > 0;
    } else if (tl_mermaid_keyword(st, "inclusiveEndDates", NULL)) {
        g->inclusive = true;
    } else if (tl_mermaid_keyword(st, "excludes", &v)) {
        add_words(&v, &g->excludes, &g->nexcludes, &g->excludes_cap);
    } else if (tl_mermaid_keyword(st, "includes", &v)) {
        add_words(&v, &g->includes, &g->nincludes, &g->includes_cap);
    } else if (tl_mermaid_keyword(st, "axisFormat", &v)) {
        g->axis = v;
        g->has_axis = true;
    } else if (tl_mermaid_keyword(st, "tickInterval", &v)) {
        g->ticks = v;
        g->has_ticks = true;
    } else if (tl_mermaid_keyword(st, "weekend", &v)) {
        if (g_ascii_strncasecmp(v.text, "friday", v.len) == 0 && v.len == 6)
            g->weekend_start = 4;
        else if (g_ascii_strncasecmp(v.text, "saturday", v.len) == 0 && v.len == 8)
            g->weekend_start = 5;
        else
            tl_mermaid_warn(m, v.line, v.col, "weekend is friday or saturday; \"%.*s\" ignored",
                            (int)v.len, v.text);
    } else if (tl_mermaid_keyword(st, "workdayhours", &v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%.*s", (int)(v.len < 31 ? v.len : 31), v.text);
        char *e;
        const double h = g_ascii_strtod(buf, &e);
        if (*e || !(h > 0 && h <= 24))
            tl_mermaid_warn(m, v.line, v.col,
                            "workdayhours is a number of hours, 1 to 24; "
                            "\"%s\" ignored",
                            buf);
        else
            g->day_hours = h;
    } else if (tl_mermaid_keyword(st, "todayMarker", &v)) {
        tl_mermaid_note(m, st->line,
                        "todayMarker %s: a today line is drawn only with --today, "
                        "so that the chart does not change from day to day",
                        same(&v, "off", 3) ? "off" : "style skipped");
    } else if (tl_mermaid_keyword(st, "weekday", &v)) {
        tl_mermaid_note(m, st->line,
                        "weekday %.*s skipped: week ticks start on Monday (ISO "
                        "weeks)",
                        (int)v.len, v.text);
    } else if (tl_mermaid_keyword(st, "topAxis", NULL)) {
        tl_mermaid_note(m, st->line, "topAxis skipped: --axis-position top draws the axis on top");
    } else if (tl_mermaid_keyword(st, "accDescription", NULL) ||
               tl_mermaid_keyword(st, "classDef", NULL) ||
               tl_mermaid_keyword(st, "linkStyle", NULL) ||
               (tl_mermaid_keyword(st, "class", NULL) && !memchr(st->text, ':', st->len))) {
        const char *e = st->text;
        while (e < st->text + st->len && !is_blank(*e))
            e++;
        tl_mermaid_note(m, st->line, "%.*s skipped: styles and accessibility text are not read",
                        (int)(e - st->text), st->text);
    } else {
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Tasks
 * ------------------------------------------------------------------------------------------- */

/* A date in the dateFormat, or else in the date grammar (Mermaid falls back on JavaScript's
 * Date, which reads ISO dates whatever the format). */
static bool read_date(gantt *g, const tl_mermaid_stmt *v, tl_mermaid_when *w)
{
    const char *fmt = g->has_format ? g->format.text : "YYYY-MM-DD";
    char *f = tl_xstrndup(fmt, g->has_format ? g->format.len : strlen(fmt));
    const bool ok = tl_mermaid_date_parse(f, v->text, v->len, w);
    free(f);
    if (ok) {
        if (w->no_year && !g->noted_no_year)
            tl_mermaid_note(g->m, v->line,
                            "dateFormat has no year: dates are taken in 1970 "
                            "(Mermaid takes today's, which changes the chart every day)");
        g->noted_no_year = g->noted_no_year || w->no_year;
        return true;
    }
    char *s = tl_xstrndup(v->text, v->len);
    /* In the load's zone: the instant is then known, and written in UTC. JavaScript reads
     * 01/05/2024 as 5 January, unless a date order says otherwise. */
    const tl_date_order order = g->m->opts ? g->m->opts->order : TL_DATE_ORDER_NONE;
    tl_date_context ctx = {.order = order != TL_DATE_ORDER_NONE ? order : TL_DATE_ORDER_MDY,
                           .zone = g->m->opts ? g->m->opts->zone : NULL};
    tl_time t;
    const bool plain = v->len > 0 && g_ascii_isdigit(v->text[0]) &&
                       tl_date_parse_expr(s, &ctx, &t, NULL, 0, NULL, 0) == TL_DATE_OK &&
                       t.flags == 0;
    free(s);
    if (!plain)
        return false;
    *w = (tl_mermaid_when){.wall = t.lo,
                           .precision =
                               t.precision < TL_PRECISION_DAY ? TL_PRECISION_DAY : t.precision,
                           .utc = t.precision > TL_PRECISION_DAY};
    if (!g->noted_fallback)
        tl_mermaid_note(g->m, v->line,
                        "\"%.*s\" is not in the dateFormat; read as a date of "
                        "its own, as Mermaid does",
                        (int)v->len, v->text);
    g->noted_fallback = true;
    return true;
}

static const char *format_name(const gantt *g, int *len)
{
    *len = g->has_format ? (int)g->format.len : 10;
    return g->has_format ? g->format.text : "YYYY-MM-DD";
}

static void skip(gantt *g, task *t, const tl_mermaid_stmt *at, bool start)
{
    int fl;
    const char *f = format_name(g, &fl);
    tl_mermaid_warn(
        g->m, at->line, at->col,
        "task \"%.*s\": %s \"%.*s\" is neither %s a date "
        "in the dateFormat %.*s; task skipped",
        (int)t->title.len, t->title.text, start ? "start" : "end", (int)at->len, at->text,
        start ? "\"after ID\" nor" : "a duration (3d, 2w, 12h), \"until ID\" nor", fl, f);
    t->skipped = true;
}

/* The task's length in seconds, when its start and end say it. */
static bool length(const gantt *g, const task *t, double *seconds)
{
    if (t->ek == END_DURATION)
        return tl_mermaid_duration_seconds(t->end.text, t->end.len, g->day_hours, seconds);
    if (t->ek == END_DATE && t->sk == START_DATE) {
        *seconds = (double)(t->e.wall - t->s.wall);
        return true;
    }
    return false;
}

/* A task's start and end, with the settings every statement gave. */
static void read_task(gantt *g, size_t i)
{
    task *t = &g->tasks[i];
    tl_mermaid_stmt rest;
    double len = 0;
    if (t->items == 1) {
        t->sk = START_PREVIOUS;
        t->prev = i - 1;
        if (i == 0) {
            tl_mermaid_warn(g->m, t->title.line, t->title.col,
                            "task \"%.*s\" has no start, and "
                            "no task before it to follow; skipped",
                            (int)t->title.len, t->title.text);
            t->skipped = true;
            return;
        }
    } else if (tl_mermaid_keyword(&t->start, "after", &rest)) {
        t->sk = START_AFTER;
        t->after = rest;
    } else if (read_date(g, &t->start, &t->s)) {
        t->sk = START_DATE;
    } else {
        skip(g, t, &t->start, true);
        return;
    }
    if (tl_mermaid_keyword(&t->end, "until", &rest) && rest.len) {
        t->ek = END_UNTIL;
        t->until = rest;
    } else if (read_date(g, &t->end, &t->e)) {
        t->ek = END_DATE;
        if (g->inclusive)
            tl_mermaid_date_add(&t->e, TL_SECONDS_PER_DAY);
    } else if (tl_mermaid_duration_seconds(t->end.text, t->end.len, g->day_hours, &len)) {
        t->ek = END_DURATION;
    } else {
        skip(g, t, &t->end, false);
        return;
    }
    if ((t->milestone || t->vert) && length(g, t, &len) && len > 0) {
        t->lead = t->milestone ? len / 2 : 0;
        t->tail = len - t->lead;
    }
}

/* The task the id names (its first), or NULL. */
static const task *find(const gantt *g, const char *id, size_t len)
{
    char *key = tl_xstrndup(id, len);
    const size_t at = GPOINTER_TO_SIZE(g_hash_table_lookup(g->ids, key));
    free(key);
    return at ? &g->tasks[at - 1] : NULL;
}

static void add_id(gantt *g, const char *id, size_t len, size_t i)
{
    char *key = tl_xstrndup(id, len);
    if (g_hash_table_contains(g->ids, key))
        free(key);
    else
        g_hash_table_insert(g->ids, key, GSIZE_TO_POINTER(i + 1));
}

/* Every id: the tasks' own, and one for each task that the next one follows without naming
 * it, numbered as Mermaid numbers tasks without an id. A task that follows a skipped one is
 * skipped too. */
static void link_previous(gantt *g)
{
    g->ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
    for (size_t i = 0; i < g->count; i++)
        if (g->tasks[i].items == 3)
            add_id(g, g->tasks[i].id.text, g->tasks[i].id.len, i);
    size_t unnamed = 0;
    for (size_t i = 0; i < g->count; i++) {
        task *t = &g->tasks[i];
        unnamed += t->items < 3;
        if (t->items < 3 && i + 1 < g->count && g->tasks[i + 1].items == 1) {
            snprintf(t->auto_id, sizeof t->auto_id, "task%zu", unnamed);
            for (int k = 0; k < 8 && g_hash_table_contains(g->ids, t->auto_id); k++)
                strncat(t->auto_id, "'", sizeof t->auto_id - strlen(t->auto_id) - 1);
            add_id(g, t->auto_id, strlen(t->auto_id), i);
        }
        if (t->skipped || t->sk != START_PREVIOUS || !g->tasks[t->prev].skipped)
            continue;
        const task *p = &g->tasks[t->prev];
        tl_mermaid_warn(g->m, t->title.line, t->title.col,
                        "task \"%.*s\" follows \"%.*s\", which was skipped; skipped",
                        (int)t->title.len, t->title.text, (int)p->title.len, p->title.text);
        t->skipped = true;
    }
}

/* " FS+1.5h": the wait after a reference (a milestone's or marker's rest, and the task's own
 * lead), or nothing. */
static void append_lag(GString *s, double seconds)
{
    char amount[40], text[48];
    snprintf(amount, sizeof amount, "%.0fs", seconds);
    if (seconds >= 0.5 && tl_mermaid_duration(amount, strlen(amount), 0, text, sizeof text))
        g_string_append_printf(s, " FS+%s", text);
}

static void append_ref(const gantt *g, GString *s, const char *id, size_t len, double lead)
{
    const task *r = find(g, id, len);
    g_string_append_printf(s, " %.*s", (int)len, id);
    append_lag(s, (r ? r->tail : 0) + lead);
}

/* The start cell: a date, or the plan's "after a b". */
static void start_cell(const gantt *g, const task *t, tl_table *tb)
{
    const tl_mermaid_stmt *at = t->sk == START_PREVIOUS ? &t->end : &t->start;
    if (t->sk == START_DATE) {
        tl_mermaid_when w = t->s;
        tl_mermaid_date_add(&w, (int64_t)(t->lead + 0.5));
        char text[TEXT_SIZE];
        tl_mermaid_date_text(&w, text, sizeof text);
        tl_table_set(tb, "start", text, at->line, at->col);
        return;
    }
    GString *s = g_string_new("after");
    if (t->sk == START_PREVIOUS) {
        const task *p = &g->tasks[t->prev];
        const tl_mermaid_stmt *id = p->items == 3 ? &p->id : NULL;
        append_ref(g, s, id ? id->text : p->auto_id, id ? id->len : strlen(p->auto_id), t->lead);
    } else {
        const char *p = t->after.text, *end = p + t->after.len, *w;
        size_t len;
        while (next_word(&p, end, false, &w, &len))
            append_ref(g, s, w, len, t->lead);
    }
    tl_table_set(tb, "start", s->str, at->line, at->col);
    g_string_free(s, TRUE);
}

/* An exclusive end (Mermaid's) as an inclusive one (ours): a unit of its precision before. */
static void inclusive_end(tl_mermaid_when w, char *text, size_t size)
{
    tl_mermaid_date_add(&w, w.precision == TL_PRECISION_DAY      ? -TL_SECONDS_PER_DAY
                            : w.precision == TL_PRECISION_MINUTE ? -60
                                                                 : -1);
    tl_mermaid_date_text(&w, text, size);
}

static void put(tl_table *tb, const char *column, const char *text, const tl_mermaid_stmt *at)
{
    if (tb)
        tl_table_set(tb, column, text, at->line, at->col);
}

/* The end or duration cells (with a NULL `tb`, only whether it has them); false when the task
 * cannot have one, warned when `final`. */
static bool end_cell(const gantt *g, const task *t, tl_table *tb, bool final)
{
    const tl_mermaid_stmt *at = &t->end;
    char text[TEXT_SIZE];
    if (t->vert) {
        put(tb, "type", "marker", at);
        return true;
    }
    if (t->milestone || (t->ek == END_DATE && t->sk == START_DATE && t->e.wall == t->s.wall)) {
        put(tb, "duration", "0d", at);
        return true;
    }
    switch (t->ek) {
    case END_DATE:
        inclusive_end(t->e, text, sizeof text);
        put(tb, "end", text, at);
        return true;
    case END_DURATION:
        if (tl_mermaid_duration(at->text, at->len, g->day_hours, text, sizeof text)) {
            put(tb, "duration", text, at);
            return true;
        }
        if (final)
            tl_mermaid_warn(g->m, at->line, at->col,
                            "duration \"%.*s\" is too long; task "
                            "skipped",
                            (int)at->len, at->text);
        return false;
    case END_UNTIL:
        break;
    }
    if (!t->until_known) {
        if (final)
            tl_mermaid_warn(g->m, t->until.line, t->until.col,
                            "\"until %.*s\": no task it "
                            "names is on the chart; task skipped",
                            (int)t->until.len, t->until.text);
        return final ? false : true;
    }
    tl_mermaid_when w = {
        .wall = t->until_start.lo, .utc = true, .precision = t->until_start.precision};
    if (w.precision == TL_PRECISION_DAY)
        w.utc = false;
    else
        w.precision = w.wall % 60 == 0 ? TL_PRECISION_MINUTE : TL_PRECISION_SECOND;
    inclusive_end(w, text, sizeof text);
    put(tb, "end", text, at);
    return true;
}

/* Every task not skipped as a row of `tb`. */
static void build(gantt *g, tl_table *tb, bool final)
{
    for (size_t i = 0; i < g->count; i++) {
        const task *t = &g->tasks[i];
        if (t->skipped)
            continue;
        if (!end_cell(g, t, NULL, final))
            continue;
        tl_table_add_row(tb, t->title.line, t->title.col);
        tl_table_set_len(tb, "title", t->title.text, t->title.len, t->title.line, t->title.col);
        if (t->section.len)
            tl_table_set_len(tb, "group", t->section.text, t->section.len, t->section.line,
                             t->section.col);
        if (t->items == 3)
            tl_table_set_len(tb, "id", t->id.text, t->id.len, t->id.line, t->id.col);
        else if (t->auto_id[0])
            tl_table_set(tb, "id", t->auto_id, t->title.line, t->title.col);
        start_cell(g, t, tb);
        end_cell(g, t, tb, final);
        if (t->crit || t->active)
            tl_table_set(tb, "importance", t->crit ? "5" : "4", t->title.line, t->title.col);
        if (t->done)
            tl_table_set(tb, "progress", "100", t->title.line, t->title.col);
        if (t->url.len)
            tl_table_set_len(tb, "url", t->url.text, t->url.len, t->url.line, t->url.col);
    }
}

/* ---------------------------------------------------------------------------------------------
 * The working calendar, "until", the axis
 * ------------------------------------------------------------------------------------------- */

static tl_time day_of(const tl_mermaid_when *w)
{
    const int64_t lo = tl_cal_floor_div(w->wall, TL_SECONDS_PER_DAY) * TL_SECONDS_PER_DAY;
    return (tl_time){.lo = lo, .hi = lo + TL_SECONDS_PER_DAY - 1, .precision = TL_PRECISION_DAY};
}

/* excludes and includes: the days off of the week and the holidays, for every layout of
 * the plan. */
static void calendar(gantt *g, GArray *holidays)
{
    for (size_t i = 0; i < g->nexcludes; i++) {
        const tl_mermaid_stmt *w = &g->excludes[i];
        tl_mermaid_when when;
        int bit;
        if (w->len == 8 && g_ascii_strncasecmp(w->text, "weekends", 8) == 0) {
            g->weekends = true;
        } else if ((bit = tl_plan_day_index(w->text, w->len)) >= 0) {
            g->days_off |= 1u << bit;
        } else if (read_date(g, w, &when)) {
            const tl_time day = day_of(&when);
            g_array_append_val(holidays, day);
        } else {
            tl_mermaid_warn(g->m, w->line, w->col,
                            "excludes \"%.*s\": not weekends, a day of "
                            "the week or a date in the dateFormat; ignored",
                            (int)w->len, w->text);
        }
    }
    if (g->weekends)
        g->days_off |= 3u << g->weekend_start;
    for (size_t i = 0; i < g->nincludes; i++) {
        const tl_mermaid_stmt *w = &g->includes[i];
        tl_mermaid_when when;
        if (!read_date(g, w, &when)) {
            tl_mermaid_warn(g->m, w->line, w->col,
                            "includes \"%.*s\": not a date in the "
                            "dateFormat; ignored",
                            (int)w->len, w->text);
            continue;
        }
        const tl_time day = day_of(&when);
        for (guint k = holidays->len; k-- > 0;)
            if (g_array_index(holidays, tl_time, k).lo == day.lo)
                g_array_remove_index(holidays, k);
        tl_civil c;
        tl_cal_split(day.lo, &c);
        if (g->days_off & (1u << (c.weekday - 1)))
            tl_mermaid_note(g->m, w->line,
                            "includes %.*s: a working day on a day off of the "
                            "week is not kept (the working calendar has days off only)",
                            (int)w->len, w->text);
    }
    if (g->days_off == 0x7f) {
        tl_mermaid_warn(g->m, g->excludes[0].line, g->excludes[0].col,
                        "excludes every day of "
                        "the week; the days of the week are ignored");
        g->days_off = 0;
    }
}

static void apply_calendar(const gantt *g, const GArray *holidays, tl_table *tb)
{
    if (g->days_off)
        tl_table_set_workdays(tb, 0x7f & ~g->days_off);
    for (guint k = 0; k < holidays->len; k++)
        tl_table_add_holiday(tb, g_array_index(holidays, tl_time, k));
}

/* The earliest start of the tasks an "until" names, in a layout of the plan (Mermaid's own
 * start of a milestone, before its lead). */
static bool until_start(const gantt *g, const task *t, GHashTable *starts, tl_time *out)
{
    bool any = false;
    const char *p = t->until.text, *end = p + t->until.len, *w;
    size_t len;
    while (next_word(&p, end, false, &w, &len)) {
        char *id = tl_xstrndup(w, len);
        const tl_time *s = g_hash_table_lookup(starts, id);
        const task *r = find(g, w, len);
        free(id);
        if (!s)
            continue;
        tl_time at = *s;
        const int64_t lead = r ? (int64_t)(r->lead + 0.5) : 0;
        at.lo -= lead;
        if (lead % TL_SECONDS_PER_DAY)
            at.precision = TL_PRECISION_SECOND;
        if (!any || at.lo < out->lo)
            *out = at;
        any = true;
    }
    return any;
}

/* One layout of the plan with the "until" ends found so far; true when one of them moved. */
static bool until_pass(gantt *g, const GArray *holidays)
{
    tl_table *tb = tl_table_new(g->m->path);
    build(g, tb, false);
    apply_calendar(g, holidays, tb);
    tl_timeline *tl = tl_model_new();
    tl_error *err = NULL;
    bool moved = false;
    if (tl_table_row_count(tb) && tl_table_load(tb, tl, g->m->opts, NULL, &err)) {
        GHashTable *starts = g_hash_table_new(g_str_hash, g_str_equal);
        for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
            const tl_event *ev = tl_timeline_get_event(tl, i);
            if (tl_event_get_id(ev)[0] && !g_hash_table_contains(starts, tl_event_get_id(ev)))
                g_hash_table_insert(starts, (gpointer)tl_event_get_id(ev), (gpointer)&ev->start);
        }
        for (size_t i = 0; i < g->count; i++) {
            task *t = &g->tasks[i];
            tl_time s;
            if (t->skipped || t->ek != END_UNTIL || !until_start(g, t, starts, &s))
                continue;
            moved = moved || !t->until_known || s.lo != t->until_start.lo;
            t->until_known = true;
            t->until_start = s;
        }
        g_hash_table_destroy(starts);
    }
    tl_error_free(err);
    tl_timeline_free(tl);
    tl_table_free(tb);
    return moved;
}

/* The axis settings the gantt states: ticks, their words, and the days off shaded. */
static void axis_settings(gantt *g)
{
    tl_mermaid *m = g->m;
    char step[48] = "", skeleton[64];
    const char *tick_unit = NULL, *axis_unit = NULL;
    if (g->has_ticks && tl_mermaid_tick_step(m, &g->ticks, step, sizeof step, &tick_unit))
        tl_model_add_setting(m->tl, tl_xasprintf("ticks=%s", step));
    if (g->has_axis &&
        tl_mermaid_axis_skeleton(m, &g->axis, skeleton, sizeof skeleton, &axis_unit)) {
        /* Mermaid writes every tick so; ours has words per unit: the unit of the finest field,
         * the ticks' unit, and weeks, which the axis labels by their first day. */
        const char *units[] = {axis_unit, tick_unit, strcmp(axis_unit, "day") == 0 ? "week" : NULL};
        for (size_t k = 0; k < G_N_ELEMENTS(units); k++) {
            bool again = !units[k];
            for (size_t j = 0; j < k && !again; j++)
                again = units[j] && strcmp(units[j], units[k]) == 0;
            if (!again)
                tl_model_add_setting(m->tl, tl_xasprintf("tick-format=%s=%s", units[k], skeleton));
        }
    }
    if (g->days_off == 0x60)
        tl_model_add_setting(m->tl, tl_xstrdup("shade=weekends"));
    else if (g->days_off)
        tl_mermaid_note(m, g->excludes[0].line,
                        "the days off are not shaded: --shade shades "
                        "Saturdays and Sundays");
}

bool tl_mermaid_gantt(tl_mermaid *m, tl_error **err)
{
    gantt g = {.m = m, .weekend_start = 5};
    tl_mermaid_stmt st, section = {0}, rest;
    while (tl_mermaid_next(m, &st)) {
        if (st.text[0] == '#' || tl_mermaid_title(m, &st) || setting(&g, &st))
            continue; /* '#' starts a comment in Mermaid's gantt grammar */
        /* "Section review : 2d" is a task (Mermaid's grammar has no colon in a section). */
        if (tl_mermaid_keyword(&st, "section", &rest) && !memchr(rest.text, ':', rest.len)) {
            section = rest;
            continue;
        }
        if (tl_mermaid_keyword(&st, "click", &rest)) {
            click(&g, &st, &rest);
            continue;
        }
        const char *colon = memchr(st.text, ':', st.len);
        if (colon)
            add_task(&g, &st, &section, colon);
        else
            tl_mermaid_warn(m, st.line, st.col,
                            "not a gantt statement (a task is \"name : "
                            "dates\"); skipped");
    }
    GArray *holidays = g_array_new(FALSE, FALSE, sizeof(tl_time));
    calendar(&g, holidays);
    for (size_t i = 0; i < g.count; i++)
        read_task(&g, i);
    link_previous(&g);
    apply_clicks(&g);
    bool until = false;
    for (size_t i = 0; i < g.count; i++)
        until = until || (!g.tasks[i].skipped && g.tasks[i].ek == END_UNTIL);
    for (int pass = 0; until && pass < UNTIL_PASSES && until_pass(&g, holidays); pass++)
        continue;
    build(&g, m->table, true);
    apply_calendar(&g, holidays, m->table);
    axis_settings(&g);
    g_array_free(holidays, TRUE);
    free(g.tasks);
    free(g.excludes);
    free(g.includes);
    free(g.clicks);
    if (g.ids)
        g_hash_table_destroy(g.ids);
    (void)err; /* every statement a gantt cannot read is a warning */
    return true;
}
