#include "footnotes.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "common/tl-url.h"
#include "common/tl-utf8.h"
#include "words.h"

struct tl_footnotes {
    const char **sources; /* distinct source texts, in order of their numbers (from 1) */
    size_t count, cap;
    tl_text_block heading;
    tl_text_block *entries;
    double *x, *y; /* each entry's place, relative to the list's top-left corner */
    double heading_h;
};

static const double COLUMN_MIN = 220; /* narrowest column of the list */
static const double COLUMN_GAP = 18;
static const double ENTRY_GAP = 2;

/* "12" as superscript digits, UTF-8, appended to buf. */
static void append_superscript(char *buf, size_t size, size_t number)
{
    static const char *const digits[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                         "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    char plain[24];
    snprintf(plain, sizeof plain, "%zu", number);
    for (const char *p = plain; *p; p++)
        strncat(buf, digits[*p - '0'], size - strlen(buf) - 1);
}

void tl_footnotes_init(tl_chart *c)
{
    tl_scene *scene = c->scene;
    struct tl_footnotes *fn = tl_xcalloc(1, sizeof *fn);
    c->notes = fn;
    size_t refused = 0;
    for (size_t i = 0; c->any_url && i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        if (ev->extra->url[0] && !tl_url_is_safe(ev->extra->url) && ++refused <= 5)
            tl_scene_add_warning(scene, tl_xasprintf("line %lu: link \"%.*s\" not made "
                                                     "clickable: only http, https, ftp, mailto "
                                                     "and relative links are",
                                                     ev->line, tl_utf8_prefix(ev->extra->url, 60),
                                                     ev->extra->url));
    }
    if (refused > 5)
        tl_scene_add_warning(scene, tl_xasprintf("%zu more links not made clickable", refused - 5));
}

void tl_footnotes_number(tl_chart *c, const size_t *unlabelled, size_t count)
{
    tl_scene *scene = c->scene;
    struct tl_footnotes *fn = c->notes;
    /* Only events with a source are read again (survey_events() knows whether any has). */
    const size_t n = c->any_source ? c->n : 0;
    bool *skip = tl_xcalloc(n + 1, sizeof *skip);
    for (size_t k = 0; k < count && n > 0; k++)
        skip[unlabelled[k]] = true;
    /* Source text -> its number: a million events may each cite a source of their own. */
    GHashTable *numbers = g_hash_table_new(g_str_hash, g_str_equal);
    /* A page of its own window of time numbers its sources as the whole chart does: the list
     * is printed once, under the last page. */
    const tl_layout_options *o = c->opts;
    for (size_t k = 0; k < o->nsources; k++) {
        if (g_hash_table_lookup(numbers, o->sources[k]))
            continue;
        fn->sources = tl_xgrow(fn->sources, &fn->cap, fn->count + 1, sizeof *fn->sources);
        fn->sources[fn->count++] = o->sources[k];
        g_hash_table_insert(numbers, (gpointer)o->sources[k], GSIZE_TO_POINTER(fn->count));
    }
    for (size_t i = 0; i < n; i++) {
        const char *source = tl_chart_event(c, i)->extra->source;
        if (!source[0] || skip[i])
            continue;
        gpointer number = g_hash_table_lookup(numbers, source);
        if (!number) {
            fn->sources = tl_xgrow(fn->sources, &fn->cap, fn->count + 1, sizeof *fn->sources);
            fn->sources[fn->count++] = source;
            number = GSIZE_TO_POINTER(fn->count);
            g_hash_table_insert(numbers, (gpointer)source, number);
        }
        scene->marks[i].footnote = (int32_t)GPOINTER_TO_SIZE(number);
    }
    g_hash_table_destroy(numbers);
    free(skip);
    if (fn->count == 0)
        return;

    /* The marked titles: the chart's events become copies whose title carries the number. The
     * scene's events keep the titles as written. */
    if (!c->view || c->view_lent) {
        tl_event *copies = tl_xmalloc((c->n + 1) * sizeof *copies);
        for (size_t i = 0; i < c->n; i++)
            copies[i] = *tl_chart_event(c, i);
        c->view = copies;
        c->view_lent = false;
    }
    for (size_t i = 0; i < c->n; i++) {
        const int number = scene->marks[i].footnote;
        if (number == 0)
            continue;
        const char *title = c->view[i].title;
        const size_t size = strlen(title) + 32;
        char *marked = tl_xmalloc(size);
        snprintf(marked, size, "%s", title);
        append_superscript(marked, size, (size_t)number);
        c->view[i].title = tl_scene_strdup(scene, marked);
        free(marked);
    }
}

bool tl_footnotes_measure(tl_chart *c, double text_w, double *height, tl_error **err)
{
    struct tl_footnotes *fn = c->notes;
    *height = 0;
    if (!fn || fn->count == 0)
        return true;
    tl_font font = c->font.caption;
    font.italic = false;
    tl_font bold = font;
    bold.weight = 700;
    char heading[128];
    if (!tl_words_say(c->loc, "notes", "Sources", NULL, 0, heading, sizeof heading))
        snprintf(heading, sizeof heading, "Sources");
    if (!tl_chart_measure(c, &bold, &fn->heading, tl_scene_strdup(c->scene, heading), 0, 1, err))
        return false;
    fn->heading_h = fn->heading.ext.height + 3;

    /* Columns as many as fit, filled top to bottom. */
    const int columns = (int)fmax(1, floor((text_w + COLUMN_GAP) / (COLUMN_MIN + COLUMN_GAP)));
    const double col_w = (text_w - (columns - 1) * COLUMN_GAP) / columns;
    free(fn->entries);
    fn->entries = tl_xcalloc(fn->count, sizeof *fn->entries);
    fn->x = tl_xrealloc(fn->x, fn->count * sizeof *fn->x);
    fn->y = tl_xrealloc(fn->y, fn->count * sizeof *fn->y);
    double total = 0;
    for (size_t k = 0; k < fn->count; k++) {
        char *text = tl_xasprintf("%zu. %s", k + 1, fn->sources[k]);
        /* The scene keeps the string: the text op is added later. */
        const char *kept = tl_scene_strdup(c->scene, text);
        free(text);
        if (!tl_chart_measure(c, &font, &fn->entries[k], kept, col_w, 3, err))
            return false;
        total += fn->entries[k].ext.height + ENTRY_GAP;
    }
    /* Balanced columns: break when a column holds its share of the height. */
    const double share = total / columns;
    double x = 0, y = 0, tallest = 0;
    int column = 0;
    for (size_t k = 0; k < fn->count; k++) {
        const double h = fn->entries[k].ext.height + ENTRY_GAP;
        if (y > 0 && y + h / 2 > share && column + 1 < columns) {
            column++;
            x += col_w + COLUMN_GAP;
            y = 0;
        }
        fn->x[k] = x;
        fn->y[k] = fn->heading_h + y;
        y += h;
        tallest = fmax(tallest, y);
    }
    *height = fn->heading_h + tallest - ENTRY_GAP;
    return true;
}

void tl_footnotes_emit(tl_chart *c, double x, double y)
{
    struct tl_footnotes *fn = c->notes;
    if (!fn || fn->count == 0 || !fn->entries)
        return;
    tl_font font = c->font.caption;
    font.italic = false;
    tl_font bold = font;
    bold.weight = 700;
    tl_chart_add_text(c, TL_ROLE_NOTE, -1, x, y, &fn->heading, &bold, c->th->text, false);
    for (size_t k = 0; k < fn->count; k++)
        tl_chart_add_text(c, TL_ROLE_NOTE, -1, x + fn->x[k], y + fn->y[k], &fn->entries[k], &font,
                          c->th->muted, false);
}

void tl_footnotes_free(tl_chart *c)
{
    struct tl_footnotes *fn = c->notes;
    if (!fn)
        return;
    free(fn->sources);
    free(fn->entries);
    free(fn->x);
    free(fn->y);
    free(fn);
    c->notes = NULL;
}
