#include "svg-glyphs.h"

#include <hb-ot.h>
#include <math.h>
#include <pango/pangocairo.h>
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
    cairo_t *cr; /* where outlines are made: its path is the glyph's */
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

tl_svg_glyphs *tl_svg_glyphs_new(void)
{
    tl_svg_glyphs *g = g_new0(tl_svg_glyphs, 1);
    g->ids = g_hash_table_new_full(key_hash, key_equal, g_free, NULL);
    g->fonts = g_hash_table_new_full(g_direct_hash, g_direct_equal, g_object_unref, NULL);
    g->defs = (tl_buf)TL_BUF_INIT;
    g->scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    g->cr = cairo_create(g->scratch);
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

/* Defines glyph `index` as "g<id>" as an image. */
static bool define_image(tl_svg_glyphs *g, cairo_scaled_font_t *font, PangoGlyph index, unsigned id,
                         bool *drawn)
{
    cairo_glyph_t glyph = {.index = index};
    cairo_text_extents_t ink;
    cairo_scaled_font_glyph_extents(font, &glyph, 1, &ink);
    if (cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS)
        return false;
    *drawn = ink.width > 0 && ink.height > 0;
    if (!*drawn)
        return true;
    const size_t start = g->defs.len;
    tl_buf_printf(&g->defs, "<g id=\"g%u\">", id);
    if (!append_image(&g->defs, font, index, &ink)) {
        g->defs.len = start;
        g->defs.data[start] = '\0';
        return false;
    }
    tl_buf_append_str(&g->defs, "</g>\n");
    return true;
}

/* Defines glyph `index` as "g<id>" as an outline; *drawn is false for a glyph that draws
 * nothing. */
static bool define(tl_svg_glyphs *g, cairo_scaled_font_t *font, PangoGlyph index, unsigned id,
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
    const size_t start = g->defs.len;
    tl_buf_printf(&g->defs, "<path id=\"g%u\" d=\"", id);
    *drawn = append_path(&g->defs, path);
    cairo_path_destroy(path);
    if (*drawn) {
        tl_buf_append_str(&g->defs, "\"/>\n");
        return true;
    }
    g->defs.len = start;
    g->defs.data[start] = '\0';
    return true;
}

bool tl_svg_glyphs_lookup(tl_svg_glyphs *g, PangoFont *font, PangoGlyph glyph, unsigned *id)
{
    const key k = {.font = font, .glyph = glyph};
    gpointer found;
    if (g_hash_table_lookup_extended(g->ids, &k, NULL, &found)) {
        *id = GPOINTER_TO_UINT(found);
        return true;
    }
    cairo_scaled_font_t *scaled =
        PANGO_IS_CAIRO_FONT(font) ? pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)) : NULL;
    if (!scaled || cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS)
        return false;
    bool drawn = false;
    const bool defined = is_colour(font) ? define_image(g, scaled, glyph, g->count + 1, &drawn)
                                         : define(g, scaled, glyph, g->count + 1, &drawn);
    if (!defined || cairo_status(g->cr) != CAIRO_STATUS_SUCCESS)
        return false;
    *id = drawn ? ++g->count : 0;
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
