/* The production text measurer: Pango layouts built exactly as the renderer builds them. */
#include "estimate.h"
#include "fonts-private.h"

#include <string.h>

/* A character Pango draws as a box on purpose (a control, a line break in a one-line label),
 * not for want of a font. */
static bool is_control(gunichar c)
{
    const GUnicodeType type = g_unichar_type(c);
    return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
           type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* Copies `len` bytes of `text` into out (size bytes), cut at a character, blanks around it
 * dropped, controls and code points without a meaning (private use, unassigned) written as
 * "U+XXXX" so a warning quoting it stays one visible line. */
static void quote_text(const char *text, size_t len, char *out, size_t size)
{
    const char *p = text, *end = text + len;
    while (p < end && g_unichar_isspace(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    size_t n = 0;
    while (p < end) {
        const gunichar c = g_utf8_get_char(p);
        char buf[16];
        size_t k;
        const GUnicodeType type = g_unichar_type(c);
        if (is_control(c) || type == G_UNICODE_PRIVATE_USE || type == G_UNICODE_UNASSIGNED) {
            k = (size_t)snprintf(buf, sizeof buf, "U+%04X", (unsigned)c);
        } else {
            k = (size_t)g_unichar_to_utf8(c, buf);
        }
        if (n + k + 1 > size)
            break;
        memcpy(out + n, buf, k);
        n += k;
        p = g_utf8_next_char(p);
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* English name of the script of `c` ("Javanese", "Old-italic", from GLib's enum nicks). A
 * combining mark takes its run's script; characters every script shares are "Symbols". */
static void script_name(gunichar c, GUnicodeScript run, char *out, size_t size)
{
    GUnicodeScript script = g_unichar_get_script(c);
    if (script == G_UNICODE_SCRIPT_INHERITED)
        script = run;
    if (script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED) {
        snprintf(out, size, "Symbols");
        return;
    }
    if (script == G_UNICODE_SCRIPT_UNKNOWN) {
        snprintf(out, size, "private use or unassigned");
        return;
    }
    GEnumClass *cls = g_type_class_ref(G_TYPE_UNICODE_SCRIPT);
    const GEnumValue *value = g_enum_get_value(cls, (gint)script);
    snprintf(out, size, "%s", value ? value->value_nick : "unknown");
    out[0] = g_ascii_toupper(out[0]);
    g_type_class_unref(cls);
}

/* Counts the glyphs no font had (control characters aside) and quotes the first run of text
 * holding one. */
static void find_missing(PangoLayout *layout, tl_text_extents *out)
{
    if (pango_layout_get_unknown_glyphs_count(layout) == 0)
        return;
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        const PangoItem *item = run->item;
        const PangoGlyphString *gs = run->glyphs;
        for (int g = 0; g < gs->num_glyphs; g++) {
            if (!(gs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
                continue;
            const gunichar c = g_utf8_get_char(text + item->offset + gs->log_clusters[g]);
            if (is_control(c))
                continue;
            if (out->missing_glyphs++ == 0) {
                quote_text(text + item->offset, (size_t)item->length, out->missing_text,
                           sizeof out->missing_text);
                script_name(c, (GUnicodeScript)item->analysis.script, out->missing_script,
                            sizeof out->missing_script);
            }
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

static bool measure(void *user, const tl_font *font, const tl_text_shape *shape, const char *text,
                    tl_text_extents *out)
{
    tl_fonts *fonts = user;
    bool markup_invalid = false;
    PangoLayout *layout = tl_fonts_layout_new(fonts, font, shape, text, false, &markup_invalid);
    if (!layout)
        return false;

    *out = (tl_text_extents){.markup_invalid = markup_invalid};
    /* Logical extents (advances and line heights), not ink: boxes laid out side by side then
     * keep the font's spacing, and the renderer places the same rectangle. */
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    out->width = pango_units_to_double(logical.width);
    out->height = pango_units_to_double(logical.height);
    /* The baseline is from the layout's top; the box starts at the logical rectangle's top. */
    out->baseline = pango_units_to_double(pango_layout_get_baseline(layout) - logical.y);
    out->lines = pango_layout_get_line_count(layout);
    out->ellipsized = pango_layout_is_ellipsized(layout);
    find_missing(layout, out);

    g_object_unref(layout);
    return true;
}

tl_text_measurer tl_fonts_measurer(tl_fonts *fonts)
{
    return (tl_text_measurer){.measure = measure, .estimate = tl_fonts_estimate, .user = fonts};
}
