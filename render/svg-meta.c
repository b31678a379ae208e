/* Escaping, accessible names and event links shared by the two SVG writers. */
#include "svg-meta.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>
#include <pango/pango.h>

#include "common/tl-alloc.h"
#include "common/tl-calendar.h"
#include "common/tl-url.h"

/* ---------------------------------------------------------------------------------------------
 * Escaping
 * ------------------------------------------------------------------------------------------- */

static bool xml_char_ok(gunichar c)
{
    if (c < 0x20)
        return c == '\t' || c == '\n' || c == '\r';
    if (c >= 0xd800 && c <= 0xdfff)
        return false;
    return c != 0xfffe && c != 0xffff;
}

void tl_svg_append_escaped(tl_buf *b, const char *s)
{
    const char *p = s, *end = s + strlen(s);
    while (p < end) {
        const gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            tl_buf_append_str(b, "\xef\xbf\xbd");
            p++;
            continue;
        }
        const char *next = g_utf8_next_char(p);
        const char *entity = tl_xml_entity(c);
        if (entity)
            tl_buf_append_str(b, entity);
        else if (xml_char_ok(c))
            tl_buf_append(b, p, (size_t)(next - p));
        p = next;
    }
}

void tl_svg_append_paint(tl_buf *b, const char *attr, tl_color c)
{
    const double v[3] = {c.r, c.g, c.b};
    unsigned rgb[3];
    for (int i = 0; i < 3; i++)
        rgb[i] = v[i] <= 0 ? 0 : v[i] >= 1 ? 255 : (unsigned)(v[i] * 255 + 0.5);
    tl_buf_append_char(b, ' ');
    tl_buf_append_str(b, attr);
    tl_buf_append(b, "=\"#", 3);
    tl_buf_append_hex(b, (unsigned long long)rgb[0] << 16 | rgb[1] << 8 | rgb[2], 6);
    tl_buf_append_char(b, '"');
    if (c.a < 1) {
        /* Thousandths: a translucent band then composites to the level Cairo gives. */
        const unsigned k = c.a <= 0 ? 0 : (unsigned)lround(c.a * 1000);
        const char digits[] = {'0' + (char)(k / 1000), '.', '0' + (char)(k / 100 % 10),
                               '0' + (char)(k / 10 % 10), '0' + (char)(k % 10)};
        tl_buf_append_char(b, ' ');
        tl_buf_append_str(b, attr);
        tl_buf_append_str(b, "-opacity=\"");
        tl_buf_append(b, digits, sizeof digits);
        tl_buf_append_char(b, '"');
    }
}

/* ---------------------------------------------------------------------------------------------
 * Title and description
 * ------------------------------------------------------------------------------------------- */

char *tl_svg_chart_title(const tl_scene *scene)
{
    if (!scene->title || !*scene->title)
        return g_strdup(scene->untitled ? scene->untitled : "Timeline");
    /* With markup the title is drawn without its tags, and named so too. */
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_TITLE) {
            char *plain = NULL;
            if (op->u.text.shape.markup &&
                pango_parse_markup(scene->title, -1, 0, NULL, &plain, NULL, NULL))
                return plain;
            break;
        }
    }
    return g_strdup(scene->title);
}

static void append_date(tl_buf *b, int64_t seconds, bool with_month)
{
    tl_civil c;
    tl_cal_split(seconds, &c);
    char year[32];
    tl_cal_format_year(c.year, year, sizeof year);
    if (with_month)
        tl_buf_printf(b, "%s ", tl_cal_month_abbr(c.month));
    tl_buf_append_str(b, year);
}

/* Groups named in the description before "and N more". */
#define DESCRIBE_MAX_GROUPS 8

char *tl_svg_describe(const tl_scene *scene)
{
    if (scene->description) /* the layout's, in the chart's language */
        return tl_xstrdup(scene->description);
    tl_buf b = TL_BUF_INIT;
    const size_t n = scene->event_count;
    tl_buf_printf(&b, "Timeline of %zu event%s", n, n == 1 ? "" : "s");
    if (n > 0) {
        const int64_t lo = scene->events_lo, hi = scene->events_hi;
        /* Months read well over a few years; over decades the years alone do. */
        const bool months = hi - lo < INT64_C(20) * 366 * 86400;
        tl_buf a = TL_BUF_INIT, z = TL_BUF_INIT;
        append_date(&a, lo, months);
        append_date(&z, hi, months);
        if (strcmp(a.data, z.data) == 0)
            tl_buf_printf(&b, " in %s", a.data);
        else
            tl_buf_printf(&b, " from %s to %s", a.data, z.data);
        tl_buf_free(&a);
        tl_buf_free(&z);
    }

    /* Groups in order of first appearance among the events. */
    const size_t ng = scene->event_group_count;
    if (ng > 0) {
        tl_buf_printf(&b, " in %zu group%s: ", ng, ng == 1 ? "" : "s");
        const size_t shown = ng > DESCRIBE_MAX_GROUPS ? DESCRIBE_MAX_GROUPS - 1 : ng;
        for (size_t i = 0; i < shown; i++) {
            if (i > 0)
                tl_buf_append_str(&b, ", ");
            tl_buf_append_str(&b, scene->event_groups[i]);
        }
        if (shown < ng)
            tl_buf_printf(&b, " and %zu more", ng - shown);
    }
    tl_buf_append_char(&b, '.');
    return tl_buf_steal(&b);
}

void tl_svg_append_root_aria(tl_buf *b)
{
    tl_buf_append_str(b,
                      " role=\"img\" aria-labelledby=\"" TL_SVG_TITLE_ID " " TL_SVG_DESC_ID "\"");
}

void tl_svg_append_title_desc(tl_buf *b, const tl_scene *scene)
{
    tl_buf_append_str(b, "<title id=\"" TL_SVG_TITLE_ID "\">");
    char *title = tl_svg_chart_title(scene);
    tl_svg_append_escaped(b, title);
    g_free(title);
    tl_buf_append_str(b, "</title>\n<desc id=\"" TL_SVG_DESC_ID "\">");
    char *desc = tl_svg_describe(scene);
    tl_svg_append_escaped(b, desc);
    free(desc);
    tl_buf_append_str(b, "</desc>\n");
}

/* ---------------------------------------------------------------------------------------------
 * Links and tooltips
 * ------------------------------------------------------------------------------------------- */

/* The event an op draws part of, when it is its label, its date or its mark: those link to
 * the event's URL, as in PDF. */
static bool op_event(const tl_scene *scene, const tl_op *op, tl_scene_event *out)
{
    if (op->event < 0 || (size_t)op->event >= scene->event_count)
        return false;
    if (op->role != TL_ROLE_EVENT_LABEL && op->role != TL_ROLE_EVENT_DATE &&
        op->role != TL_ROLE_EVENT_MARK)
        return false;
    *out = tl_scene_event_at(scene, (size_t)op->event);
    return true;
}

/* The plain text of a title: markup's tags removed when the label is markup. */
static char *plain_title(const char *title, bool markup)
{
    char *plain = NULL;
    if (markup && pango_parse_markup(title, -1, 0, NULL, &plain, NULL, NULL))
        return plain;
    return g_strdup(title);
}

bool tl_svg_op_extra(const tl_scene *scene, const tl_op *op, bool ellipsized, tl_svg_extra *out)
{
    *out = (tl_svg_extra){0};
    tl_scene_event e;
    if (!op_event(scene, op, &e))
        return false;
    const tl_scene_event *ev = &e;
    if (ev->url && tl_url_is_safe(ev->url))
        out->url = ev->url;
    const bool label = op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL;
    if (label && ev->title && (ellipsized || strcmp(op->u.text.text, ev->title) != 0))
        out->tooltip = plain_title(ev->title, op->u.text.shape.markup);
    return out->url || out->tooltip;
}
