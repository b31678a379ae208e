/* Mermaid timeline and gantt diagrams: the document's lines, its front matter, comments,
 * directives and accessibility text, then the diagram its first statement names. Each period's
 * event or task becomes a row of named cells (table.h), so the rows are checked, warned about
 * and turned into events as CSV rows are, at the diagram's own lines and columns. */
#include "data/mermaid.h"

#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/load-options-private.h"
#include "data/load.h"
#include "data/model-private.h"
#include "data/text-utf8.h"

/* ---------------------------------------------------------------------------------------------
 * Lines and positions
 * ------------------------------------------------------------------------------------------- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Characters (not bytes) in [a, b): a column's worth. */
static unsigned long chars(const char *a, const char *b)
{
    unsigned long n = 0;
    for (; a < b; a++)
        n += ((unsigned char)*a & 0xC0) != 0x80;
    return n;
}

/* The next line of the document (LF, CRLF or CR ends it); false at the end. */
static bool read_line(tl_mermaid *m, const char **a, const char **b, unsigned long *line)
{
    if (m->p >= m->end)
        return false;
    const char *e = m->p;
    while (e < m->end && *e != '\n' && *e != '\r')
        e++;
    *a = m->p;
    *b = e;
    *line = m->line++;
    if (e < m->end && *e == '\r' && e + 1 < m->end && e[1] == '\n')
        e++;
    m->p = e < m->end ? e + 1 : e;
    return true;
}

tl_mermaid_stmt tl_mermaid_part(const tl_mermaid_stmt *st, const char *a, const char *b)
{
    while (a < b && is_blank(*a))
        a++;
    while (b > a && is_blank(b[-1]))
        b--;
    return (tl_mermaid_stmt){
        .text = a, .len = (size_t)(b - a), .line = st->line, .col = st->col + chars(st->text, a)};
}

bool tl_mermaid_keyword(const tl_mermaid_stmt *st, const char *word, tl_mermaid_stmt *rest)
{
    const size_t n = strlen(word);
    if (st->len < n || g_ascii_strncasecmp(st->text, word, n) != 0 ||
        (st->len > n && !is_blank(st->text[n])))
        return false;
    if (rest)
        *rest = tl_mermaid_part(st, st->text + n, st->text + st->len);
    return true;
}

void tl_mermaid_warn(tl_mermaid *m, unsigned long line, unsigned long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_warning(m->tl, tl_format_located(m->path, line, col, msg));
    free(msg);
}

void tl_mermaid_note(tl_mermaid *m, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = tl_xvasprintf(fmt, ap);
    va_end(ap);
    tl_model_add_note(m->tl, tl_format_located(m->path, line, 0, msg));
    free(msg);
}

/* ---------------------------------------------------------------------------------------------
 * Statements
 * ------------------------------------------------------------------------------------------- */

/* Skips lines up to and including the one holding `close`, from `from` on the current line. */
static void skip_to(tl_mermaid *m, const char *from, const char *line_end, const char *close)
{
    const size_t n = strlen(close);
    for (;;) {
        for (const char *q = from; q + n <= line_end; q++)
            if (memcmp(q, close, n) == 0)
                return;
        unsigned long line;
        if (!read_line(m, &from, &line_end, &line))
            return;
    }
}

/* Accessibility text (accTitle: ..., accDescr: ..., accDescr { ... }): read by screen readers
 * of Mermaid's SVG, never drawn. True when the statement was one. */
static bool accessibility(tl_mermaid *m, const tl_mermaid_stmt *st, const char *line_end)
{
    static const char *const words[] = {"accTitle", "accDescr"};
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
        const size_t n = strlen(words[i]);
        if (st->len < n || g_ascii_strncasecmp(st->text, words[i], n) != 0)
            continue;
        const char *q = st->text + n;
        while (q < st->text + st->len && is_blank(*q))
            q++;
        if (q >= st->text + st->len || (*q != ':' && !(i == 1 && *q == '{')))
            continue;
        tl_mermaid_note(m, st->line, "%s skipped: accessibility text is not drawn", words[i]);
        if (*q == '{')
            skip_to(m, q + 1, line_end, "}");
        return true;
    }
    return false;
}

/* A %%{...}%% directive (init, wrap, theme variables): configures Mermaid's own drawing. */
static void directive(tl_mermaid *m, const char *a, const char *b, unsigned long line)
{
    const char *name = a + 3, *e = name;
    while (e < b && (g_ascii_isalnum(*e) || *e == '_'))
        e++;
    tl_mermaid_note(m, line,
                    "directive %%%%{%.*s}%%%% skipped: themes and configuration are "
                    "not read",
                    (int)(e - name), name);
    skip_to(m, a + 3, b, "}%%");
}

bool tl_mermaid_next(tl_mermaid *m, tl_mermaid_stmt *st)
{
    const char *a, *b, *start;
    unsigned long line;
    while (read_line(m, &start, &b, &line)) {
        a = start;
        while (a < b && is_blank(*a))
            a++;
        if (b - a >= 3 && memcmp(a, "%%{", 3) == 0) {
            directive(m, a, b, line);
            continue;
        }
        /* A comment, whole or after a statement. */
        const char *c = a;
        while (c + 1 < b && !(c[0] == '%' && c[1] == '%'))
            c++;
        const char *e = c + 1 < b ? c : b;
        tl_mermaid_stmt whole = {
            .text = a, .len = (size_t)(b - a), .line = line, .col = 1 + chars(start, a)};
        *st = tl_mermaid_part(&whole, a, e);
        if (st->len == 0 || accessibility(m, st, b))
            continue;
        return true;
    }
    return false;
}

bool tl_mermaid_title(tl_mermaid *m, const tl_mermaid_stmt *st)
{
    tl_mermaid_stmt rest;
    if (!tl_mermaid_keyword(st, "title", &rest))
        return false;
    if (rest.len == 0) {
        tl_mermaid_warn(m, st->line, st->col, "title with no text; skipped");
        return true;
    }
    free(m->title);
    m->title = tl_xstrndup(rest.text, rest.len);
    m->title_line = rest.line;
    m->title_col = rest.col;
    m->title_stated = true;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * The document
 * ------------------------------------------------------------------------------------------- */

/* A YAML value as text: quotes taken off. */
static char *yaml_value(const char *a, const char *b)
{
    while (a < b && is_blank(*a))
        a++;
    while (b > a && is_blank(b[-1]))
        b--;
    if (b - a >= 2 && (*a == '"' || *a == '\'') && b[-1] == *a) {
        a++;
        b--;
    }
    while (a < b && is_blank(*a))
        a++;
    while (b > a && is_blank(b[-1]))
        b--;
    return tl_xstrndup(a, (size_t)(b - a));
}

/* Front matter: a "---" block on the first line, YAML. Its title is the chart's unless a
 * title statement gives one; everything else configures Mermaid's drawing. */
static bool front_matter(tl_mermaid *m, tl_error **err)
{
    const char *save = m->p;
    const unsigned long save_line = m->line;
    const char *a, *b;
    unsigned long line;
    if (!read_line(m, &a, &b, &line))
        return true;
    while (b > a && is_blank(b[-1]))
        b--;
    if (b - a != 3 || memcmp(a, "---", 3) != 0) {
        m->p = save;
        m->line = save_line;
        return true;
    }
    while (read_line(m, &a, &b, &line)) {
        const char *t = b;
        while (t > a && is_blank(t[-1]))
            t--;
        if (t - a == 3 && memcmp(a, "---", 3) == 0)
            return true;
        const char *colon = memchr(a, ':', (size_t)(b - a));
        if (a == b || is_blank(*a) || *a == '#' || !colon)
            continue; /* nested keys, comments */
        const size_t key = (size_t)(colon - a);
        if (key == 5 && memcmp(a, "title", 5) == 0 && !m->title_stated) {
            free(m->title);
            m->title = yaml_value(colon + 1, b);
            const char *v = colon + 1;
            while (v < b && is_blank(*v))
                v++;
            m->title_line = line;
            m->title_col = 1 + chars(a, v);
        } else if (!(key == 5 && memcmp(a, "title", 5) == 0)) {
            tl_mermaid_note(m, line,
                            "front matter %.*s skipped: it configures Mermaid's own "
                            "drawing",
                            (int)key, a);
        }
    }
    return tl_set_error_at(err, TL_ERROR_DATA, m->path, save_line, 1,
                           "front matter not closed: no \"---\" line after it");
}

/* The diagram the first statement names. */
static bool read_diagram(tl_mermaid *m, const char **format, tl_error **err)
{
    tl_mermaid_stmt head, rest;
    if (!tl_mermaid_next(m, &head))
        return tl_set_error_at(err, TL_ERROR_DATA, m->path, 0, 0,
                               "no diagram: expected \"timeline\" or \"gantt\"");
    if (tl_mermaid_keyword(&head, "timeline", &rest)) {
        *format = "format: Mermaid timeline";
        return tl_mermaid_timeline(m, &rest, err);
    }
    if (tl_mermaid_keyword(&head, "gantt", &rest)) {
        *format = "format: Mermaid gantt";
        if (rest.len)
            tl_mermaid_warn(m, rest.line, rest.col, "\"%.*s\" after gantt ignored", (int)rest.len,
                            rest.text);
        return tl_mermaid_gantt(m, err);
    }
    size_t n = 0;
    while (n < head.len && !is_blank(head.text[n]) && head.text[n] != ':' && n < 40)
        n++;
    return tl_set_error_at(err, TL_ERROR_DATA, m->path, head.line, head.col,
                           "unknown diagram type \"%.*s\": only Mermaid timeline and gantt "
                           "diagrams are read",
                           (int)n, head.text);
}

/* A diagram with no event at all: the error says why, with the first warning when every
 * statement was skipped (an error is all the caller sees). */
static bool nothing_to_draw(tl_mermaid *m, const char *format, tl_error **err)
{
    const bool gantt = strstr(format, "gantt") != NULL;
    if (tl_timeline_get_warning_count(m->tl) == 0)
        return tl_set_error_at(err, TL_ERROR_DATA, m->path, 0, 0,
                               "nothing to draw: the %s has no %s", gantt ? "gantt" : "timeline",
                               gantt ? "tasks" : "periods");
    const size_t n = tl_timeline_get_warning_count(m->tl);
    return tl_set_error(
        err, TL_ERROR_DATA, "nothing to draw: every %s was skipped (%zu warning%s; the first: %s)",
        gantt ? "task" : "event", n, n == 1 ? "" : "s", tl_timeline_get_warning(m->tl, 0));
}

tl_timeline *tl_mermaid_load(const char *data, size_t len, const char *path,
                             const tl_load_options *opts, tl_error **err)
{
    tl_mermaid m = {.path = path, .tl = tl_model_new(), .opts = opts, .line = 1};
    m.table = tl_table_new(path);
    char *copy = NULL;
    const char *format = NULL;
    const char *text = tl_text_utf8(data, len, path, opts && opts->repair_utf8, m.tl, &copy, err);
    bool ok = text != NULL;
    if (ok) {
        const size_t n = copy ? strlen(copy) : len;
        const size_t bom = n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        m.p = text + bom;
        m.end = text + n;
        ok = front_matter(&m, err) && read_diagram(&m, &format, err);
    }
    if (ok && tl_table_row_count(m.table) == 0)
        ok = nothing_to_draw(&m, format, err);
    if (ok && m.title) {
        tl_table_add_row(m.table, m.title_line, m.title_col);
        tl_table_set(m.table, "type", "title", m.title_line, m.title_col);
        tl_table_set(m.table, "title", m.title, m.title_line, m.title_col);
    }
    ok = ok && tl_table_load(m.table, m.tl, opts, format, err);
    tl_table_free(m.table);
    free(m.title);
    g_free(copy);
    if (!ok) {
        tl_timeline_free(m.tl);
        return NULL;
    }
    return m.tl;
}
