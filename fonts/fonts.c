/* The font context: one private Pango font map and one context, shared by measurement and
 * drawing so that what layouts measure is exactly what the renderer draws. */
#include "fonts-private.h"

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"

/* ---------------------------------------------------------------------------------------------
 * Family check
 * ------------------------------------------------------------------------------------------- */

/* Generic names fontconfig resolves by substitution rather than to a font of that name. They
 * always resolve to something, so asking for them is never an error. */
static const char *const generic_families[] = {
    "sans-serif", "sans",    "serif",   "monospace", "mono",
    "system-ui",  "cursive", "fantasy", "emoji",     "math",
};

/* The first family of a comma-separated list, without surrounding blanks; NULL when empty.
 * The caller frees the result. */
static char *first_family(const char *list)
{
    const char *start = list;
    while (*start == ' ' || *start == '\t')
        start++;
    const char *end = strchr(start, ',');
    if (!end)
        end = start + strlen(start);
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (end == start)
        return NULL;
    return tl_xstrndup(start, (size_t)(end - start));
}

static bool is_generic_family(const char *family)
{
    for (size_t i = 0; i < sizeof generic_families / sizeof generic_families[0]; i++)
        if (FcStrCmpIgnoreCase((const FcChar8 *)family, (const FcChar8 *)generic_families[i]) == 0)
            return true;
    return false;
}

/* Whether some installed font is called both `wanted` and `resolved`. Fonts may carry several
 * family names ("Noto Sans OldNorArab" is also "Noto Sans Old North Arabian"), and Pango
 * describes a font by its first name only, so a request by a second name must be checked here.
 * Asking fontconfig for fonts called `wanted` alone would not do: Pango skips some formats
 * fontconfig lists (bitmap and Type 1 fonts), so the font Pango resolved must be among them. */
static bool family_has_alias(const char *wanted, const char *resolved)
{
    bool found = false;
    FcPattern *pattern = FcPatternCreate();
    FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *set = NULL;
    if (!pattern || !objects)
        goto done;
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)wanted);
    /* NULL: the current configuration, which Pango's font map uses too. */
    set = FcFontList(NULL, pattern, objects);
    for (int i = 0; set && i < set->nfont && !found; i++) {
        FcChar8 *name;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &name) == FcResultMatch;
             k++) {
            if (FcStrCmpIgnoreCase(name, (const FcChar8 *)resolved) == 0) {
                found = true;
                break;
            }
        }
    }
done:
    if (set)
        FcFontSetDestroy(set);
    if (objects)
        FcObjectSetDestroy(objects);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
}

/* Checks that the first family of `list` names a font Pango can use. Fontconfig never fails a
 * match (it substitutes a default font for unknown names), so without this check a typo in the
 * family would silently draw everything in some other font. */
static bool check_family(tl_fonts *fonts, const char *list, tl_error **err)
{
    bool ok = false;
    char *wanted = first_family(list);
    PangoFontDescription *desc = NULL;
    PangoFont *font = NULL;
    PangoFontDescription *described = NULL;
    const char *resolved = NULL;

    if (!wanted) {
        tl_set_error(err, TL_ERROR_CONFIG, "empty font family \"%s\"", list);
        goto done;
    }
    if (is_generic_family(wanted)) {
        ok = true;
        goto done;
    }

    desc = pango_font_description_new();
    pango_font_description_set_family(desc, wanted);
    pango_font_description_set_absolute_size(desc, 10 * PANGO_SCALE);
    font = pango_font_map_load_font(fonts->fontmap, fonts->context, desc);
    if (font)
        described = pango_font_describe(font);
    if (described)
        resolved = pango_font_description_get_family(described);
    if (resolved && (FcStrCmpIgnoreCase((const FcChar8 *)resolved, (const FcChar8 *)wanted) == 0 ||
                     family_has_alias(wanted, resolved)))
        ok = true;
    else
        tl_set_error(err, TL_ERROR_CONFIG, "font \"%s\" not found (try fc-list)", wanted);

done:
    if (described)
        pango_font_description_free(described);
    if (font)
        g_object_unref(font);
    if (desc)
        pango_font_description_free(desc);
    free(wanted);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * tl_fonts
 * ------------------------------------------------------------------------------------------- */

tl_fonts *tl_fonts_new(const char *family, tl_error **err)
{
    tl_fonts *fonts = tl_xcalloc(1, sizeof *fonts);
    cairo_font_options_t *options = NULL;

    fonts->refcount = 1;
    fonts->family = tl_xstrdup(family ? family : TL_FONTS_DEFAULT_FAMILY);
    /* A private font map, not pango_cairo_font_map_get_default(): the default is per-thread
     * global state that other code in the process may reconfigure (resolution, options). */
    fonts->fontmap = pango_cairo_font_map_new();
    fonts->context = pango_font_map_create_context(fonts->fontmap);

    /* 72 dpi makes one Pango device unit one point, the scene's unit. */
    pango_cairo_context_set_resolution(fonts->context, 72.0);
    /* Unhinted metrics and outlines: advances then scale linearly, so text measured here is
     * the same width on a 96-dpi PNG, a 300-dpi PNG, a PDF and an SVG. Hinted metrics would
     * be rounded to whole points at 72 dpi and drift from what a scaled device draws. */
    options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(fonts->context, options);
    if (cairo_font_options_status(options) != CAIRO_STATUS_SUCCESS) {
        tl_set_error(err, TL_ERROR_INTERNAL, "cannot set up font options: %s",
                     cairo_status_to_string(cairo_font_options_status(options)));
        goto fail;
    }
    /* Pango >= 1.44 rounds glyph positions to whole device units by default; at 72 dpi that
     * is whole points, which spaces glyphs unevenly once scaled up for a PNG. */
    pango_context_set_round_glyph_positions(fonts->context, FALSE);

    if (!check_family(fonts, fonts->family, err))
        goto fail;

    cairo_font_options_destroy(options);
    return fonts;

fail:
    if (options)
        cairo_font_options_destroy(options);
    tl_fonts_unref(fonts);
    return NULL;
}

tl_fonts *tl_fonts_ref(tl_fonts *fonts)
{
    if (fonts)
        fonts->refcount++;
    return fonts;
}

void tl_fonts_unref(tl_fonts *fonts)
{
    if (!fonts || --fonts->refcount > 0)
        return;
    if (fonts->context)
        g_object_unref(fonts->context);
    if (fonts->fontmap)
        g_object_unref(fonts->fontmap);
    free(fonts->family);
    free(fonts);
}

const char *tl_fonts_get_family(const tl_fonts *fonts)
{
    return fonts->family;
}

/* ---------------------------------------------------------------------------------------------
 * Layouts
 * ------------------------------------------------------------------------------------------- */

bool tl_fonts_can_layout(const tl_font *font, const tl_text_shape *shape, const char *text)
{
    if (!text || !g_utf8_validate(text, -1, NULL))
        return false;
    /* Written so that NaN fails every comparison. */
    if (!(font->size >= TL_FONTS_MIN_SIZE && font->size <= TL_FONTS_MAX_SIZE))
        return false;
    if (isnan(shape->wrap_width) || shape->wrap_width > TL_FONTS_MAX_WRAP_WIDTH)
        return false;
    return true;
}

static PangoWeight pango_weight(int css_weight)
{
    if (css_weight <= 0)
        return PANGO_WEIGHT_NORMAL;
    if (css_weight < PANGO_WEIGHT_THIN)
        return PANGO_WEIGHT_THIN;
    if (css_weight > PANGO_WEIGHT_ULTRAHEAVY)
        return PANGO_WEIGHT_ULTRAHEAVY;
    return (PangoWeight)css_weight;
}

/* U+2028 LINE SEPARATOR: a forced line break inside a paragraph. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

/* Length of the paragraph separator at `p` as Pango splits paragraphs (\r\n, \n, \r, U+2029
 * PARAGRAPH SEPARATOR); 0 when there is none. */
static size_t paragraph_break_len(const char *p)
{
    if (p[0] == '\r')
        return p[1] == '\n' ? 2 : 1;
    if (p[0] == '\n')
        return 1;
    if (p[0] == '\xe2' && p[1] == '\x80' && p[2] == '\xa9')
        return 3;
    return 0;
}

static bool has_paragraph_break(const char *text)
{
    for (const char *p = text; *p; p++)
        if (paragraph_break_len(p))
            return true;
    return false;
}

/* Appends `n` bytes of `s` with every line or paragraph break turned into a space. */
static void append_joined(tl_buf *b, const char *s, size_t n)
{
    const char *end = s + n, *start = s;
    for (const char *p = s; p < end;) {
        size_t len = paragraph_break_len(p);
        if (!len && end - p >= 3 && memcmp(p, LINE_SEPARATOR, 3) == 0)
            len = 3;
        if (!len) {
            p++;
            continue;
        }
        if ((size_t)(end - p) < len)
            len = (size_t)(end - p);
        tl_buf_append(b, start, (size_t)(p - start));
        tl_buf_append_char(b, ' ');
        p += len;
        start = p;
    }
    tl_buf_append(b, start, (size_t)(end - start));
}

/* Sets `text` on `layout` (wrapped, limited to max_lines with a negative height) so that the
 * limit holds across paragraphs. Pango counts the limit per paragraph: text with many short
 * paragraphs would show every one of them, and laying out thousands takes seconds.
 *
 * Lines past the limit never show, and every paragraph takes at least one line, so only the
 * first max_lines paragraphs matter. They are joined into one paragraph with forced breaks
 * (U+2028), for which the limit is exact. If text is cut, the last visible line must carry it
 * on to the ellipsis, but Pango draws a U+2028 in the middle of a line as a visible symbol, so
 * that line is set again with its breaks, and the text after it, turned into spaces. */
static void set_limited_text(PangoLayout *layout, const char *text, int max_lines,
                             size_t tail_limit)
{
    tl_buf joined = TL_BUF_INIT, shown = TL_BUF_INIT;
    const char *start = text, *rest = NULL;
    int paragraphs = 1;
    for (const char *p = text; *p;) {
        const size_t len = paragraph_break_len(p);
        if (!len) {
            p++;
            continue;
        }
        tl_buf_append(&joined, start, (size_t)(p - start));
        p += len;
        start = p;
        if (paragraphs == max_lines) {
            rest = p;
            break;
        }
        tl_buf_append(&joined, LINE_SEPARATOR, 3);
        paragraphs++;
    }
    if (!rest)
        tl_buf_append_str(&joined, start);
    if (!joined.data)
        tl_buf_append(&joined, "", 0);

    pango_layout_set_text(layout, joined.data, (int)joined.len);
    const int count = pango_layout_get_line_count(layout);
    if ((!rest && !pango_layout_is_ellipsized(layout)) || count < 1)
        goto done;

    const int last = count < max_lines ? count - 1 : max_lines - 1;
    const size_t cut = (size_t)pango_layout_get_line_readonly(layout, last)->start_index;
    tl_buf_append(&shown, joined.data, cut);
    append_joined(&shown, joined.data + cut, joined.len - cut);
    if (rest) {
        /* Enough of the rest to overflow the last line (and so show the ellipsis), without
         * shaping megabytes that can never show. Cut at a character boundary. */
        size_t n = strlen(rest);
        if (n > tail_limit) {
            n = tail_limit;
            while (n > 0 && ((unsigned char)rest[n] & 0xC0) == 0x80)
                n--;
        }
        tl_buf_append_char(&shown, ' ');
        append_joined(&shown, rest, n);
    }
    pango_layout_set_text(layout, shown.data, (int)shown.len);

done:
    tl_buf_free(&shown);
    tl_buf_free(&joined);
}

PangoLayout *tl_fonts_layout_new(tl_fonts *fonts, const tl_font *font, const tl_text_shape *shape,
                                 const char *text, bool strike)
{
    if (!tl_fonts_can_layout(font, shape, text))
        return NULL;

    PangoLayout *layout = pango_layout_new(fonts->context);

    PangoFontDescription *desc = pango_font_description_new();
    pango_font_description_set_family(desc, fonts->family);
    /* Absolute size: device units, which are points at 72 dpi, whatever the resolution. */
    pango_font_description_set_absolute_size(desc, font->size * PANGO_SCALE);
    pango_font_description_set_weight(desc, pango_weight(font->weight));
    pango_font_description_set_style(desc, font->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);

    if (strike) {
        /* An attribute without a range covers the whole text, whatever text is set later. */
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_strikethrough_new(TRUE));
        pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(attrs);
    }

    const bool limited = shape->wrap_width > 0 && shape->max_lines > 0;
    if (shape->wrap_width > 0) {
        pango_layout_set_width(layout, pango_units_from_double(shape->wrap_width));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        if (limited) {
            /* A negative height limits the number of lines; the last one is ellipsized. */
            pango_layout_set_height(layout, -shape->max_lines);
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        }
    } else {
        /* One-line labels: newlines do not start paragraphs, so a label with thousands of
         * them stays one line and cheap to lay out. */
        pango_layout_set_single_paragraph_mode(layout, TRUE);
    }

    /* Plain text, never markup: a title containing "<b>" is drawn as written. */
    if (limited && has_paragraph_break(text)) {
        /* Glyphs are at least about 1/16 em wide, so this many bytes fill more than a line. */
        const size_t tail_limit = 256 + 64 * (size_t)(shape->wrap_width / font->size);
        set_limited_text(layout, text, shape->max_lines, tail_limit);
    } else {
        pango_layout_set_text(layout, text, -1);
    }
    return layout;
}

void tl_fonts_layout_get_logical_origin(PangoLayout *layout, double *dx, double *dy)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    *dx = pango_units_to_double(logical.x);
    *dy = pango_units_to_double(logical.y);
}
