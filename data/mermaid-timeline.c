/* A Mermaid timeline diagram: sections, and time periods each with its events. A period is a
 * date of the date grammar ("2019", "early November 2019", "500 BCE", "2019-12/2020-03"), and
 * each of its events becomes a row: the period its start, the event its title, the section
 * its group. Mermaid draws any text as a period; a period that cannot be dated cannot be
 * placed in time, so it stops the document at its line. */
#include "data/mermaid.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/date.h"
#include "data/load-options-private.h"

/* The period events are added to: the latest period statement. */
typedef struct period {
    tl_mermaid_stmt text;
    bool open;   /* there is one */
    bool events; /* and it has an event */
} period;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Where the text at p ends: at the first colon followed by white space (or the end), as in
 * Mermaid's grammar, where a colon inside an event ("10:30", a URL) belongs to it. */
static const char *next_colon(const char *p, const char *end)
{
    for (; p < end; p++)
        if (*p == ':' && (p + 1 == end || is_blank(p[1])))
            return p;
    return end;
}

/* The event's title: Mermaid's line breaks (<br>, <br/>) become spaces, as labels wrap. */
static char *event_title(const tl_mermaid_stmt *ev)
{
    GString *s = g_string_sized_new(ev->len);
    const char *p = ev->text, *end = ev->text + ev->len;
    while (p < end) {
        if (*p == '<' && end - p >= 4 && g_ascii_strncasecmp(p, "<br", 3) == 0) {
            const char *q = p + 3;
            while (q < end && (*q == ' ' || *q == '/'))
                q++;
            if (q < end && *q == '>') {
                while (s->len && s->str[s->len - 1] == ' ')
                    g_string_truncate(s, s->len - 1);
                g_string_append_c(s, ' ');
                for (p = q + 1; p < end && *p == ' ';)
                    p++;
                continue;
            }
        }
        g_string_append_c(s, *p++);
    }
    /* A break at either end leaves no space there. */
    while (s->len && s->str[s->len - 1] == ' ')
        g_string_truncate(s, s->len - 1);
    while (s->len && s->str[0] == ' ')
        g_string_erase(s, 0, 1);
    return g_string_free(s, FALSE);
}

/* One row: an event of the period, in the section. */
static void add_event(tl_mermaid *m, const period *pd, const tl_mermaid_stmt *section,
                      const tl_mermaid_stmt *ev)
{
    char *title = event_title(ev);
    tl_table_add_row(m->table, ev->line, ev->col);
    tl_table_set_len(m->table, "start", pd->text.text, pd->text.len, pd->text.line, pd->text.col);
    tl_table_set(m->table, "title", title, ev->line, ev->col);
    if (section->len)
        tl_table_set_len(m->table, "group", section->text, section->len, section->line,
                         section->col);
    g_free(title);
}

/* The events of a period statement or of a continuation line, from `p` (just past a colon). */
static void add_events(tl_mermaid *m, period *pd, const tl_mermaid_stmt *section,
                       const tl_mermaid_stmt *st, const char *p)
{
    const char *end = st->text + st->len;
    while (p < end) {
        const char *e = next_colon(p, end);
        const tl_mermaid_stmt ev = tl_mermaid_part(st, p, e);
        if (ev.len == 0)
            tl_mermaid_warn(m, st->line, tl_mermaid_part(st, p, p).col, "empty event; skipped");
        else
            add_event(m, pd, section, &ev);
        pd->events = true;
        p = e + 1;
    }
}

/* A period with no event is drawn as Mermaid draws it: on its own, named by itself. */
static void close_period(tl_mermaid *m, period *pd, const tl_mermaid_stmt *section)
{
    if (pd->open && !pd->events)
        add_event(m, pd, section, &pd->text);
    pd->open = false;
}

/* The period's date, checked here: Mermaid takes any words, and words that are not a date
 * cannot be placed. */
static bool check_period(tl_mermaid *m, const tl_mermaid_stmt *text, tl_error **err)
{
    char *s = tl_xstrndup(text->text, text->len);
    char why[160] = "";
    bool ok;
    if (m->opts && m->opts->numeric) {
        tl_time t;
        char label[TL_DATE_LABEL_SIZE];
        ok = tl_date_parse_number(s, &t, label, sizeof label, why, sizeof why);
    } else {
        tl_date_context ctx = {.order = m->opts ? m->opts->order : TL_DATE_ORDER_NONE};
        tl_date_cell cell;
        ok = tl_date_parse_cell(s, &ctx, &cell, why, sizeof why) == TL_DATE_OK;
        if (!ok && !why[0])
            snprintf(why, sizeof why, "needs a date order (--date-order dmy or mdy)");
    }
    if (!ok)
        tl_set_error_at(err, TL_ERROR_DATA, m->path, text->line, text->col,
                        "cannot date the period \"%s\": %s", s, why);
    free(s);
    return ok;
}

bool tl_mermaid_timeline(tl_mermaid *m, const tl_mermaid_stmt *head, tl_error **err)
{
    if (head->len) {
        if (!(head->len == 2 && (g_ascii_strncasecmp(head->text, "LR", 2) == 0 ||
                                 g_ascii_strncasecmp(head->text, "TD", 2) == 0)))
            tl_mermaid_warn(m, head->line, head->col, "\"%.*s\" after timeline ignored",
                            (int)head->len, head->text);
        else if (g_ascii_strncasecmp(head->text, "TD", 2) == 0)
            tl_mermaid_note(m, head->line,
                            "timeline TD: the direction is the layout's "
                            "(--layout vertical draws time downwards)");
    }
    tl_mermaid_stmt st, section = {0}, rest;
    period pd = {0};
    while (tl_mermaid_next(m, &st)) {
        if (st.text[0] == '#' || tl_mermaid_title(m, &st))
            continue; /* '#' starts a comment in Mermaid's timeline grammar */
        if (tl_mermaid_keyword(&st, "section", &rest)) {
            close_period(m, &pd, &section);
            if (rest.len == 0)
                tl_mermaid_warn(m, st.line, st.col,
                                "section with no name; its periods have "
                                "no group");
            section = rest;
            continue;
        }
        if (st.text[0] == ':') {
            if (!pd.open) {
                tl_mermaid_warn(m, st.line, st.col,
                                "events with no period before them; "
                                "skipped");
                continue;
            }
            add_events(m, &pd, &section, &st, st.text + 1);
            continue;
        }
        close_period(m, &pd, &section);
        const char *colon = next_colon(st.text, st.text + st.len);
        pd = (period){.text = tl_mermaid_part(&st, st.text, colon), .open = true};
        if (pd.text.len == 0) {
            pd.open = false;
            tl_mermaid_warn(m, st.line, st.col, "events with no period before them; skipped");
            continue;
        }
        if (!check_period(m, &pd.text, err))
            return false;
        if (colon < st.text + st.len)
            add_events(m, &pd, &section, &st, colon + 1);
    }
    close_period(m, &pd, &section);
    return true;
}
