/* The font context: one Pango font map over a private fontconfig configuration, and one
 * context, shared by measurement and drawing so that what layouts measure is exactly what the
 * renderer draws, and the same on every machine that has the same font files. */
#include "fonts-private.h"

#include <math.h>
#include <pango/pangofc-fontmap.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"
#include "fc-config.h"
#include "text-prep.h"

/* ---------------------------------------------------------------------------------------------
 * tl_font_options
 * ------------------------------------------------------------------------------------------- */

tl_font_options *tl_font_options_new(void)
{
    return tl_xcalloc(1, sizeof(tl_font_options));
}

void tl_font_options_free(tl_font_options *opts)
{
    if (!opts)
        return;
    free(opts->font);
    tl_strv_free(&opts->dirs);
    free(opts);
}

void tl_font_options_set_font(tl_font_options *opts, const char *font)
{
    free(opts->font);
    opts->font = font ? tl_xstrdup(font) : NULL;
}

void tl_font_options_add_dir(tl_font_options *opts, const char *dir)
{
    if (dir)
        tl_strv_push(&opts->dirs, tl_xstrdup(dir));
}

void tl_font_options_set_system_fonts(tl_font_options *opts, bool enable)
{
    opts->system_fonts = enable;
}

void tl_font_options_set_process_wide(tl_font_options *opts, bool enable)
{
    opts->process_wide = enable;
}

/* ---------------------------------------------------------------------------------------------
 * tl_fonts
 * ------------------------------------------------------------------------------------------- */

/* Splits a comma-separated family list into `out`, without blanks around names. */
static void split_families(const char *list, tl_strv *out)
{
    const char *p = list;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        const char *start = p;
        while (start < end && (*start == ' ' || *start == '\t'))
            start++;
        const char *stop = end;
        while (stop > start && (stop[-1] == ' ' || stop[-1] == '\t'))
            stop--;
        if (stop > start)
            tl_strv_push(out, tl_xstrndup(start, (size_t)(stop - start)));
        p = comma ? comma + 1 : NULL;
    }
}

/* Reads the font description: the families asked for into `wanted` (empty for none) and
 * *family (as written, NULL for none; the caller frees it), and the scale its size gives. */
static bool parse_font(const char *font, tl_strv *wanted, char **family, double *scale,
                       tl_error **err)
{
    *scale = 1;
    if (!font)
        return true;
    if (!g_utf8_validate(font, -1, NULL))
        return tl_set_error(err, TL_ERROR_CONFIG, "font description is not valid UTF-8");
    PangoFontDescription *desc = pango_font_description_from_string(font);
    const char *families = pango_font_description_get_family(desc);
    split_families(families, wanted);
    if (wanted->len)
        *family = tl_xstrdup(families);
    const bool has_size = pango_font_description_get_set_fields(desc) & PANGO_FONT_MASK_SIZE;
    const double size = pango_units_to_double(pango_font_description_get_size(desc));
    pango_font_description_free(desc);
    if (!has_size && wanted->len == 0)
        return tl_set_error(err, TL_ERROR_CONFIG, "empty font family \"%s\"", font);
    if (has_size) {
        if (!(size >= TL_FONTS_MIN_BASE_SIZE && size <= TL_FONTS_MAX_BASE_SIZE))
            return tl_set_error(err, TL_ERROR_CONFIG,
                                "font size %g in \"%s\" is out of range (%g to %g pt)", size, font,
                                TL_FONTS_MIN_BASE_SIZE, TL_FONTS_MAX_BASE_SIZE);
        *scale = size / TL_FONTS_BASE_SIZE;
    }
    return true;
}

typedef struct cached_layout {
    PangoLayout *layout;
    bool markup_invalid;
} cached_layout;

static void free_cached_layout(gpointer p)
{
    cached_layout *c = p;
    g_object_unref(c->layout);
    g_free(c);
}

tl_fonts *tl_fonts_new_with_options(const tl_font_options *opts, tl_error **err)
{
    static const tl_font_options defaults = {0};
    if (!opts)
        opts = &defaults;
    tl_fonts *fonts = tl_xcalloc(1, sizeof *fonts);
    cairo_font_options_t *options = NULL;
    tl_strv wanted = TL_STRV_INIT;

    fonts->refcount = 1;
    if (!parse_font(opts->font, &wanted, &fonts->family, &fonts->scale, err))
        goto fail;
    if (!fonts->family)
        fonts->family = tl_xstrdup(TL_FONTS_DEFAULT_FAMILY);
    fonts->families = tl_fonts_family_list(&wanted, opts->system_fonts);
    if (!tl_fonts_make_config(fonts, opts, &wanted, err))
        goto fail;

    /* A font map of our own, not pango_cairo_font_map_get_default(): the default is
     * per-thread global state that other code in the process may reconfigure. */
    /* Pango's first font map loads fontconfig's default configuration in a thread and waits
     * for it before using any other; with the private set current, that costs nothing. */
    if (opts->process_wide && fonts->config && !opts->system_fonts &&
        !FcConfigSetCurrent(fonts->config)) {
        tl_set_error(err, TL_ERROR_CONFIG, "cannot make the font configuration current");
        goto fail;
    }
    fonts->fontmap = pango_cairo_font_map_new();
    if (fonts->config)
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts->fontmap), fonts->config);
    fonts->context = pango_font_map_create_context(fonts->fontmap);
    fonts->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, free, free_cached_layout);
    /* The default language otherwise comes from the process's locale. Runs of text are
     * tagged with their script's language anyway (tl_fonts_layout_new()). */
    pango_context_set_language(fonts->context, pango_language_from_string("en"));

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

    /* The first family asked for must exist: it is the one the user meant. */
    if (!tl_fonts_check_family(fonts, wanted.len ? wanted.items[0] : TL_FONTS_DEFAULT_FAMILY, err))
        goto fail;

    cairo_font_options_destroy(options);
    tl_strv_free(&wanted);
    return fonts;

fail:
    if (options)
        cairo_font_options_destroy(options);
    tl_strv_free(&wanted);
    tl_fonts_unref(fonts);
    return NULL;
}

tl_fonts *tl_fonts_new(const char *font, tl_error **err)
{
    tl_font_options opts = {.font = (char *)font};
    return tl_fonts_new_with_options(&opts, err);
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
    if (fonts->layouts)
        g_hash_table_destroy(fonts->layouts);
    if (fonts->advances_free)
        fonts->advances_free(fonts->advances);
    if (fonts->context)
        g_object_unref(fonts->context);
    if (fonts->fontmap)
        g_object_unref(fonts->fontmap);
    if (fonts->config)
        FcConfigDestroy(fonts->config);
    tl_strv_free(&fonts->files);
    free(fonts->families);
    free(fonts->family);
    free(fonts);
}

const char *tl_fonts_get_family(const tl_fonts *fonts)
{
    return fonts->family;
}

size_t tl_fonts_get_file_count(const tl_fonts *fonts)
{
    return fonts->files.len;
}

const char *tl_fonts_get_file(const tl_fonts *fonts, size_t index)
{
    return index < fonts->files.len ? fonts->files.items[index] : NULL;
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

/* The text's language under whatever attributes it has: Pango applies it to the runs whose
 * script the language is written in, and fontconfig prefers its faces. */
static void set_language(PangoLayout *layout, const char *lang)
{
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    pango_attr_list_insert_before(attrs, pango_attr_language_new(pango_language_from_string(lang)));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

static PangoLayout *layout_new(tl_fonts *fonts, const tl_font *font, const tl_text_shape *shape,
                               const char *text, bool strike, bool *markup_invalid)
{
    PangoLayout *layout = pango_layout_new(fonts->context);

    PangoFontDescription *desc = pango_font_description_new();
    char *regional = tl_fonts_family_list_for(fonts->families, shape->lang);
    pango_font_description_set_family(desc, regional ? regional : fonts->families);
    g_free(regional);
    /* Absolute size: device units, which are points at 72 dpi, whatever the resolution. */
    pango_font_description_set_absolute_size(desc, font->size * fonts->scale * PANGO_SCALE);
    pango_font_description_set_weight(desc, pango_weight(font->weight));
    pango_font_description_set_style(desc, font->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);

    const bool limited = shape->wrap_width > 0 && shape->max_lines > 0;
    if (shape->wrap_width > 0) {
        pango_layout_set_width(layout, pango_units_from_double(shape->wrap_width));
        /* Narrower than an em, no word fits anyway, and Pango 1.50's word-or-character
         * breaking can abort the process there (an assertion in process_line, for instance on
         * " \u069Ae" at 0.5 pt); breaking between characters gives the same lines safely. */
        pango_layout_set_wrap(layout, shape->wrap_width < font->size ? PANGO_WRAP_CHAR
                                                                     : PANGO_WRAP_WORD_CHAR);
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

    tl_fonts_layout_set_text(layout, font, shape, text, strike, markup_invalid);
    if (shape->lang)
        set_language(layout, shape->lang);
    return layout;
}

static uint64_t double_bits(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits;
}

/* The layout cache's key: every argument exactly (doubles by their bits), so layouts are shared
 * only by identical arguments, then the text. Fixed-width fields need no separator. Made
 * without printf: formatting doubles exactly with "%a" was a tenth of a batch of SVG charts. */
static char *layout_key(const tl_fonts *fonts, const tl_font *font, const tl_text_shape *shape,
                        const char *text, bool strike)
{
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_hex(&b, double_bits(font->size), 16);
    tl_buf_append_hex(&b, (uint64_t)(int64_t)font->weight, 16);
    tl_buf_append_hex(&b, double_bits(shape->wrap_width), 16);
    tl_buf_append_hex(&b, (uint64_t)(int64_t)shape->max_lines, 16);
    tl_buf_append_hex(&b, double_bits(fonts->scale), 16);
    tl_buf_append_hex(
        &b, (uint64_t)font->italic | (uint64_t)shape->markup << 1 | (uint64_t)strike << 2, 16);
    tl_buf_append_str(&b, shape->lang ? shape->lang : "");
    tl_buf_append_char(&b, '\n');
    tl_buf_append_str(&b, text);
    return tl_buf_steal(&b);
}

PangoLayout *tl_fonts_layout_new(tl_fonts *fonts, const tl_font *font, const tl_text_shape *shape,
                                 const char *text, bool strike, bool *markup_invalid)
{
    if (!tl_fonts_can_layout(font, shape, text))
        return NULL;
    char *key = layout_key(fonts, font, shape, text, strike);
    const cached_layout *hit = g_hash_table_lookup(fonts->layouts, key);
    if (hit) {
        free(key);
        if (markup_invalid && hit->markup_invalid)
            *markup_invalid = true;
        return g_object_ref(hit->layout);
    }
    bool invalid = false;
    PangoLayout *layout = layout_new(fonts, font, shape, text, strike, &invalid);
    if (markup_invalid && invalid)
        *markup_invalid = true;
    if (g_hash_table_size(fonts->layouts) < TL_FONTS_LAYOUT_CACHE) {
        cached_layout *c = g_new(cached_layout, 1);
        *c = (cached_layout){.layout = g_object_ref(layout), .markup_invalid = invalid};
        g_hash_table_insert(fonts->layouts, key, c);
    } else {
        free(key);
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
