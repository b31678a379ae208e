#include "svg-glyphs.h"

#include <hb-ot.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>

#include "png-writer.h"

/* A colour glyph is drawn at this many pixels a point, enough for print. */
static const double COLOUR_PIXELS_PER_PT = 4;

typedef struct key {
    PangoFont *font;
    PangoGlyph glyph;
} key;

struct tl_svg_glyphs {
    GHashTable *ids;   /* key -> id (GUINT_TO_POINTER), 0 for blank glyphs */
    GHashTable *fonts; /* every font looked up, referenced, so no key's pointer is reused */
    tl_buf defs;
    unsigned count;
    cairo_surface_t *scratch;
    cairo_t *cr; /* where outlines Cairo makes are made: its path is the glyph's */
#if TL_HAVE_HB_GLYPH_SHAPE
    hb_draw_funcs_t *draw; /* HarfBuzz's outline callbacks into path data */
#endif
};

static guint key_hash(gconstpointer p)
{
    const key *k = p;
    return g_direct_hash(k->font) * 31u + k->glyph;
}

static gboolean key_equal(gconstpointer a, gconstpointer b)
{
    const key *x = a, *y = b;
    return x->font == y->font && x->glyph == y->glyph;
}

#if TL_HAVE_HB_GLYPH_SHAPE
/* ---------------------------------------------------------------------------------------------
 * Outlines read by HarfBuzz
 *
 * Cairo makes a glyph's path through FreeType and its glyph cache, some 45,000 instructions a
 * glyph, most of an SVG's writing time; HarfBuzz reads the same outline from the font's tables
 * in a tenth of that, and keeps TrueType's quadratic curves (SVG's Q), where Cairo's paths
 * hold only cubics. Used where the font is drawn as its file has it: no synthetic emboldening
 * and no transformation, which Cairo applies and HarfBuzz does not.
 * ------------------------------------------------------------------------------------------- */

typedef struct outline {
    tl_buf *b;
    double k; /* points per HarfBuzz unit */
    bool drawn;
} outline;

static void outline_point(outline *o, char cmd, int n, const float *xy)
{
    tl_buf_append_char(o->b, cmd);
    for (int i = 0; i < n; i++) {
        if (i > 0)
            tl_buf_append_char(o->b, ' ');
        tl_buf_append_short2(o->b, xy[2 * i] * o->k);
        tl_buf_append_char(o->b, ' ');
        /* HarfBuzz's y grows upwards, SVG's downwards. */
        tl_buf_append_short2(o->b, -xy[2 * i + 1] * o->k);
    }
}

static void move_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float x, float y,
                    void *user)
{
    (void)f, (void)st, (void)user;
    outline_point(data, 'M', 1, (const float[]){x, y});
}

static void line_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float x, float y,
                    void *user)
{
    (void)f, (void)st, (void)user;
    outline *o = data;
    outline_point(o, 'L', 1, (const float[]){x, y});
    o->drawn = true;
}

static void quadratic_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float cx, float cy,
                         float x, float y, void *user)
{
    (void)f, (void)st, (void)user;
    outline *o = data;
    outline_point(o, 'Q', 2, (const float[]){cx, cy, x, y});
    o->drawn = true;
}

static void cubic_to(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, float c1x, float c1y,
                     float c2x, float c2y, float x, float y, void *user)
{
    (void)f, (void)st, (void)user;
    outline *o = data;
    outline_point(o, 'C', 3, (const float[]){c1x, c1y, c2x, c2y, x, y});
    o->drawn = true;
}

static void close_path(hb_draw_funcs_t *f, void *data, hb_draw_state_t *st, void *user)
{
    (void)f, (void)st, (void)user;
    outline *o = data;
    tl_buf_append_char(o->b, 'Z');
}

static hb_draw_funcs_t *new_draw_funcs(void)
{
    hb_draw_funcs_t *f = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(f, move_to, NULL, NULL);
    hb_draw_funcs_set_line_to_func(f, line_to, NULL, NULL);
    hb_draw_funcs_set_quadratic_to_func(f, quadratic_to, NULL, NULL);
    hb_draw_funcs_set_cubic_to_func(f, cubic_to, NULL, NULL);
    hb_draw_funcs_set_close_path_func(f, close_path, NULL, NULL);
    hb_draw_funcs_make_immutable(f);
    return f;
}

/* The fontconfig pattern `font` was made from: its file, and what fontconfig's rules added. */
static FcPattern *font_pattern(PangoFont *font)
{
#if PANGO_VERSION_CHECK(1, 48, 0)
    return pango_fc_font_get_pattern(PANGO_FC_FONT(font));
#else
    return PANGO_FC_FONT(font)->font_pattern;
#endif
}

/* Points per unit of `font`'s HarfBuzz font, or 0 when HarfBuzz cannot draw it as Cairo
 * would: a synthetic bold or slant, a font matrix, or unequal scales. */
static double outline_scale(PangoFont *font, hb_font_t *hb)
{
    if (!hb || !PANGO_IS_FC_FONT(font))
        return 0;
    FcPattern *pattern = font_pattern(font);
    FcBool embolden = FcFalse;
    FcMatrix *matrix;
    if (!pattern ||
        (FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden) ||
        (FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch &&
         (matrix->xx != 1 || matrix->yy != 1 || matrix->xy != 0 || matrix->yx != 0)))
        return 0;
    int xs, ys;
    hb_font_get_scale(hb, &xs, &ys);
    PangoFontDescription *desc = pango_font_describe_with_absolute_size(font);
    const double size = pango_units_to_double(pango_font_description_get_size(desc));
    pango_font_description_free(desc);
    return xs > 0 && xs == ys && size > 0 ? size / xs : 0;
}

/* Appends glyph `index`'s outline as path data read by HarfBuzz; false when HarfBuzz cannot
 * stand in for Cairo with this font. */
static bool outline_body(const tl_svg_glyphs *g, PangoFont *font, PangoGlyph index, tl_buf *body,
                         bool *drawn)
{
    hb_font_t *hb = pango_font_get_hb_font(font);
    const double k = outline_scale(font, hb);
    if (!(k > 0))
        return false;
    outline o = {.b = body, .k = k};
    hb_font_get_glyph_shape(hb, index, g->draw, &o);
    *drawn = o.drawn;
    return true;
}
#endif

tl_svg_glyphs *tl_svg_glyphs_new(void)
{
    tl_svg_glyphs *g = g_new0(tl_svg_glyphs, 1);
    g->ids = g_hash_table_new_full(key_hash, key_equal, g_free, NULL);
    g->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
    g->defs = (tl_buf)TL_BUF_INIT;
    g->scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    g->cr = cairo_create(g->scratch);
#if TL_HAVE_HB_GLYPH_SHAPE
    g->draw = new_draw_funcs();
#endif
    return g;
}

void tl_svg_glyphs_free(tl_svg_glyphs *g)
{
    if (!g)
        return;
    g_hash_table_destroy(g->ids);
    g_hash_table_destroy(g->fonts);
    tl_buf_free(&g->defs);
    cairo_destroy(g->cr);
    cairo_surface_destroy(g->scratch);
#if TL_HAVE_HB_GLYPH_SHAPE
    hb_draw_funcs_destroy(g->draw);
#endif
    g_free(g);
}

static void point(tl_buf *b, char cmd, const cairo_path_data_t *p, int n)
{
    tl_buf_append_char(b, cmd);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            tl_buf_append_char(b, ' ');
        tl_buf_append_short2(b, p[i].point.x);
        tl_buf_append_char(b, ' ');
        tl_buf_append_short2(b, p[i].point.y);
    }
}

/* The outline as path data; false when it has none. */
static bool append_path(tl_buf *b, const cairo_path_t *path)
{
    bool drawn = false;
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t *d = &path->data[i];
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO:
            /* Cairo ends a closed outline with a move back to its start: nothing to draw. */
            if (i + d->header.length < path->num_data &&
                path->data[i + d->header.length].header.type != CAIRO_PATH_MOVE_TO)
                point(b, 'M', d, 1);
            break;
        case CAIRO_PATH_LINE_TO:
            point(b, 'L', d, 1);
            drawn = true;
            break;
        case CAIRO_PATH_CURVE_TO:
            point(b, 'C', d, 3);
            drawn = true;
            break;
        case CAIRO_PATH_CLOSE_PATH:
            tl_buf_append_char(b, 'Z');
            break;
        }
    }
    return drawn;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    tl_buf_append(closure, (const char *)data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* A glyph without an outline but with ink (a bitmap colour glyph) as a PNG image placed over
 * its ink rectangle. False when Cairo failed. */
static bool append_image(tl_buf *b, cairo_scaled_font_t *font, PangoGlyph index,
                         const cairo_text_extents_t *ink)
{
    const double k = COLOUR_PIXELS_PER_PT;
    const int w = (int)ceil(ink->width * k) + 2, h = (int)ceil(ink->height * k) + 2;
    cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(image);
    cairo_scale(cr, k, k);
    cairo_translate(cr, 1 / k - ink->x_bearing, 1 / k - ink->y_bearing);
    cairo_set_scaled_font(cr, font);
    cairo_glyph_t glyph = {.index = index};
    cairo_show_glyphs(cr, &glyph, 1);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(image);
    tl_buf png = TL_BUF_INIT;
    if (status == CAIRO_STATUS_SUCCESS)
        status = tl_png_write(image, 72 * k, false, to_buf, &png);
    cairo_surface_destroy(image);
    if (status != CAIRO_STATUS_SUCCESS) {
        tl_buf_free(&png);
        return false;
    }
    gchar *base64 = g_base64_encode((const guchar *)png.data, png.len);
    tl_buf_append_str(b, "<image");
    const double attrs[] = {ink->x_bearing - 1 / k, ink->y_bearing - 1 / k, w / k, h / k};
    const char *const names[] = {"x", "y", "width", "height"};
    for (int i = 0; i < 4; i++) {
        tl_buf_printf(b, " %s=\"", names[i]);
        tl_buf_append_short2(b, attrs[i]);
        tl_buf_append_char(b, '"');
    }
    tl_buf_append_str(b, " xlink:href=\"data:image/png;base64,");
    tl_buf_append_str(b, base64);
    tl_buf_append_str(b, "\"/>");
    g_free(base64);
    tl_buf_free(&png);
    return true;
}

/* Whether `font` draws in colour (bitmaps or layers, as emoji fonts do): Cairo would trace its
 * glyphs into black silhouettes. */
static bool is_colour(PangoFont *font)
{
    hb_font_t *hb = pango_font_get_hb_font(font);
    hb_face_t *face = hb ? hb_font_get_face(hb) : NULL;
    return face && (hb_ot_color_has_png(face) || hb_ot_color_has_layers(face));
}

/* Appends glyph `index` as an image; *drawn is false for a glyph without ink. */
static bool image_body(cairo_scaled_font_t *font, PangoGlyph index, tl_buf *body, bool *drawn)
{
    cairo_glyph_t glyph = {.index = index};
    cairo_text_extents_t ink;
    cairo_scaled_font_glyph_extents(font, &glyph, 1, &ink);
    if (cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS)
        return false;
    *drawn = ink.width > 0 && ink.height > 0;
    return !*drawn || append_image(body, font, index, &ink);
}

/* Appends glyph `index`'s outline as path data made by Cairo; *drawn is false for a glyph
 * that draws nothing. */
static bool path_body(tl_svg_glyphs *g, cairo_scaled_font_t *font, PangoGlyph index, tl_buf *body,
                      bool *drawn)
{
    cairo_t *cr = g->cr;
    cairo_set_scaled_font(cr, font);
    cairo_new_path(cr);
    cairo_glyph_t glyph = {.index = index};
    cairo_glyph_path(cr, &glyph, 1);
    cairo_path_t *path = cairo_copy_path(cr);
    cairo_new_path(cr);
    if (!path || path->status != CAIRO_STATUS_SUCCESS) {
        cairo_path_destroy(path);
        return false;
    }
    *drawn = append_path(body, path);
    cairo_path_destroy(path);
    return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------------------------------
 * Definitions kept on their font
 *
 * A glyph's definition, apart from its id, depends only on its font and index, and making it
 * (reading the outline, writing its numbers) is most of the time an SVG takes. It is kept on
 * the PangoFont, so every document drawn with the same fonts (a batch, a library caller's
 * loop) writes it once, and it goes when the font does. A font context is used by one thread
 * at a time (timeline.h); the lock keeps the tables whole should threads with contexts of their
 * own ever meet on one font, and a definition once kept is never replaced, so the pointer
 * found stays valid as long as the font.
 * ------------------------------------------------------------------------------------------- */

/* A kept definition is its kind, then its body: an outline's path data, or an image element,
 * or the kind alone for a glyph that draws nothing. */
enum { KIND_PATH = 'P', KIND_IMAGE = 'I', KIND_BLANK = '-' };

static GMutex kept_lock;

static GQuark kept_quark(void)
{
    return g_quark_from_static_string("tl-svg-glyph-definitions");
}

/* The definition kept for `glyph` of `font`, or NULL; the font keeps it until it is freed. */
static const char *kept_find(PangoFont *font, PangoGlyph glyph)
{
    g_mutex_lock(&kept_lock);
    GHashTable *kept = g_object_get_qdata(G_OBJECT(font), kept_quark());
    const char *def = kept ? g_hash_table_lookup(kept, GUINT_TO_POINTER(glyph)) : NULL;
    g_mutex_unlock(&kept_lock);
    return def;
}

/* Keeps `def` (taking it) unless a definition is kept already; returns the one kept. */
static const char *kept_add(PangoFont *font, PangoGlyph glyph, char *def)
{
    g_mutex_lock(&kept_lock);
    GHashTable *kept = g_object_get_qdata(G_OBJECT(font), kept_quark());
    if (!kept) {
        kept = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
        g_object_set_qdata_full(G_OBJECT(font), kept_quark(), kept,
                                (GDestroyNotify)g_hash_table_destroy);
    }
    const char *kept_def = g_hash_table_lookup(kept, GUINT_TO_POINTER(glyph));
    if (kept_def) {
        g_free(def);
    } else {
        g_hash_table_insert(kept, GUINT_TO_POINTER(glyph), def);
        kept_def = def;
    }
    g_mutex_unlock(&kept_lock);
    return kept_def;
}

/* Makes the definition of `glyph` of `font`; NULL when Cairo failed. */
static char *make_definition(tl_svg_glyphs *g, PangoFont *font, cairo_scaled_font_t *scaled,
                             PangoGlyph glyph)
{
    tl_buf body = TL_BUF_INIT;
    bool drawn = false, made;
    tl_buf_append_char(&body, KIND_PATH);
    if (is_colour(font)) {
        body.data[0] = KIND_IMAGE;
        made = image_body(scaled, glyph, &body, &drawn);
    }
#if TL_HAVE_HB_GLYPH_SHAPE
    else if (outline_body(g, font, glyph, &body, &drawn))
        made = true;
#endif
    else
        made = path_body(g, scaled, glyph, &body, &drawn);
    if (!made) {
        tl_buf_free(&body);
        return NULL;
    }
    if (!drawn)
        body.data[0] = KIND_BLANK;
    char *def = g_strndup(body.data, drawn ? body.len : 1);
    tl_buf_free(&body);
    return def;
}

bool tl_svg_glyphs_lookup(tl_svg_glyphs *g, PangoFont *font, PangoGlyph glyph, unsigned *id)
{
    const key k = {.font = font, .glyph = glyph};
    gpointer found;
    if (g_hash_table_lookup_extended(g->ids, &k, NULL, &found)) {
        *id = GPOINTER_TO_UINT(found);
        return true;
    }
    const char *def = kept_find(font, glyph);
    if (!def) {
        cairo_scaled_font_t *scaled = PANGO_IS_CAIRO_FONT(font)
                                          ? pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font))
                                          : NULL;
        if (!scaled || cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS)
            return false;
        char *made = make_definition(g, font, scaled, glyph);
        if (!made)
            return false;
        def = kept_add(font, glyph, made);
    }
    *id = def[0] == KIND_BLANK ? 0 : ++g->count;
    if (def[0] == KIND_PATH) {
        tl_buf_append_str(&g->defs, "<path id=\"g");
        tl_buf_append_uint(&g->defs, *id);
        tl_buf_append_str(&g->defs, "\" d=\"");
        tl_buf_append_str(&g->defs, def + 1);
        tl_buf_append_str(&g->defs, "\"/>\n");
    } else if (def[0] == KIND_IMAGE) {
        tl_buf_append_str(&g->defs, "<g id=\"g");
        tl_buf_append_uint(&g->defs, *id);
        tl_buf_append_str(&g->defs, "\">");
        tl_buf_append_str(&g->defs, def + 1);
        tl_buf_append_str(&g->defs, "</g>\n");
    }
    if (!g_hash_table_contains(g->fonts, font))
        g_hash_table_add(g->fonts, g_object_ref(font));
    key *stored = g_new(key, 1);
    *stored = k;
    g_hash_table_insert(g->ids, stored, GUINT_TO_POINTER(*id));
    return true;
}

void tl_svg_glyphs_append_defs(const tl_svg_glyphs *g, tl_buf *out)
{
    if (g->defs.len == 0)
        return;
    tl_buf_append_str(out, "<defs>\n");
    tl_buf_append(out, g->defs.data, g->defs.len);
    tl_buf_append_str(out, "</defs>\n");
}
