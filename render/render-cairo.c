/* Draws scene ops on a cairo_t. Written once against Cairo; the output formats differ only in
 * the surface they hand in (the format table in render.c). */
#include "render-cairo.h"

#include "hatch.h"
#include "pdf-format.h"

#include <math.h>
#include <stdlib.h>

#include "common/tl-error-private.h"
#include "fonts/fonts-private.h"

/* ---------------------------------------------------------------------------------------------
 * Validation
 * ------------------------------------------------------------------------------------------- */

static bool all_finite(const double *values, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!isfinite(values[i]))
            return false;
    return true;
}

/* NaN or infinite coordinates are layout bugs, but Cairo would not reject them: it converts
 * them to fixed point silently, and a NaN arc radius can make it loop for a very long time. */
static bool op_is_finite(const tl_op *op)
{
    switch (op->kind) {
    case TL_OP_RECT: {
        const tl_rect_op *r = &op->u.rect;
        const double v[] = {r->x, r->y, r->w, r->h, r->radius, r->stroke.width};
        return all_finite(v, sizeof v / sizeof v[0]);
    }
    case TL_OP_LINE: {
        const tl_line_op *l = &op->u.line;
        const double v[] = {l->x1, l->y1, l->x2, l->y2, l->stroke.width};
        return all_finite(v, sizeof v / sizeof v[0]);
    }
    case TL_OP_MARKER: {
        const tl_marker_op *m = &op->u.marker;
        const double v[] = {m->cx, m->cy, m->radius, m->stroke.width};
        return all_finite(v, sizeof v / sizeof v[0]);
    }
    case TL_OP_TEXT: {
        const tl_text_op *t = &op->u.text;
        const double v[] = {t->x, t->y};
        return all_finite(v, sizeof v / sizeof v[0]);
    }
    }
    return false;
}

static bool check_op(const tl_scene *scene, const tl_op *op, size_t i, tl_error **err);

bool tl_cairo_check_scene(const tl_scene *scene, tl_error **err)
{
    if (!(isfinite(scene->width) && scene->width > 0 && isfinite(scene->height) &&
          scene->height > 0))
        return tl_set_error(err, TL_ERROR_USAGE, "cannot draw a canvas of %g x %g pt", scene->width,
                            scene->height);
    for (size_t i = 0; i < scene->op_count; i++)
        if (!check_op(scene, &scene->ops[i], i, err))
            return false;
    for (size_t p = 0; p < scene->page_count; p++)
        for (size_t k = 0; k < scene->pages[p].overlay_count; k++)
            if (!check_op(scene, &scene->pages[p].overlay[k], k, err))
                return false;
    return true;
}

static bool check_op(const tl_scene *scene, const tl_op *op, size_t i, tl_error **err)
{
    if (!op_is_finite(op))
        return tl_set_error(err, TL_ERROR_INTERNAL,
                            "scene op %zu (%s) has a coordinate that is not a number", i,
                            tl_scene_role_name(op->role));
    if (op->kind != TL_OP_TEXT)
        return true;
    const tl_text_op *t = &op->u.text;
    if (!scene->fonts)
        return tl_set_error(err, TL_ERROR_INTERNAL,
                            "scene has text but no font context to draw it with");
    if (!tl_fonts_can_layout(&t->font, &t->shape, t->text))
        return tl_set_error(err, TL_ERROR_INTERNAL,
                            "scene op %zu (%s) has text that cannot be laid out "
                            "(invalid UTF-8 or a font size of %g pt)",
                            i, tl_scene_role_name(op->role), t->font.size);
    return true;
}

bool tl_cairo_set_error(tl_error **err, cairo_status_t status, const char *context)
{
    return tl_set_error(err, status == CAIRO_STATUS_WRITE_ERROR ? TL_ERROR_IO : TL_ERROR_INTERNAL,
                        "%s: %s", context, cairo_status_to_string(status));
}

/* ---------------------------------------------------------------------------------------------
 * Strokes and paths
 * ------------------------------------------------------------------------------------------- */

static void set_color(cairo_t *cr, tl_color c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static bool stroke_visible(const tl_stroke *s)
{
    return s->color.a > 0 && s->width > 0;
}

bool tl_render_cross_strokes(const tl_marker_op *m, tl_color background, tl_stroke *cross,
                             tl_stroke *halo)
{
    if (!m->cross)
        return false;
    const bool outline = stroke_visible(&m->stroke);
    *cross = (tl_stroke){
        .color = outline ? m->stroke.color : m->fill,
        .width = outline ? m->stroke.width : fmax(0.5, m->radius / 4),
        .dash = TL_DASH_SOLID,
    };
    *halo = (tl_stroke){
        .color = background,
        .width = cross->width + 2 * fmax(0.75, cross->width),
        .dash = TL_DASH_SOLID,
    };
    if (m->fill_mode == TL_MARKER_HOLLOW)
        halo->color.a = 0;
    return stroke_visible(cross);
}

/* Sets up `cr` to stroke with `s`. `cap` is used for solid lines; dashes are always butt-capped
 * so their lengths are what the pattern says, and dots are zero-length dashes with round
 * caps, which Cairo, SVG and PDF all draw as round dots. */
static void set_stroke(cairo_t *cr, const tl_stroke *s, cairo_line_cap_t cap)
{
    set_color(cr, s->color);
    cairo_set_line_width(cr, s->width);
    /* Patterns scale with the width, but not below a 1 pt width: hairline dashes and dots
     * would otherwise be too fine to read as dashed. */
    const double unit = s->width > 1 ? s->width : 1;
    switch (s->dash) {
    case TL_DASH_SOLID:
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_line_cap(cr, cap);
        break;
    case TL_DASH_DASHED: {
        const double pattern[] = {4 * unit, 3 * unit};
        cairo_set_dash(cr, pattern, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        break;
    }
    case TL_DASH_DOTTED: {
        const double pattern[] = {0, 2 * unit};
        cairo_set_dash(cr, pattern, 2, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        break;
    }
    }
}

void tl_render_rect_normalise(double *x, double *y, double *w, double *h, double *radius)
{
    if (*w < 0) {
        *x += *w;
        *w = -*w;
    }
    if (*h < 0) {
        *y += *h;
        *h = -*h;
    }
    const double limit = (*w < *h ? *w : *h) / 2;
    if (*radius > limit)
        *radius = limit;
}

/* A rectangle whose corners are rounded by `radius`, clamped so opposite arcs never cross. */
static void rect_path(cairo_t *cr, double x, double y, double w, double h, double radius)
{
    tl_render_rect_normalise(&x, &y, &w, &h, &radius);
    if (!(radius > 0)) {
        cairo_rectangle(cr, x, y, w, h);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
    cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
    cairo_arc(cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
    cairo_arc(cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

static void marker_path(cairo_t *cr, const tl_marker_op *m)
{
    const double cx = m->cx, cy = m->cy, r = m->radius;
    switch (m->shape) {
    case TL_MARKER_CIRCLE:
        cairo_new_sub_path(cr);
        cairo_arc(cr, cx, cy, r, 0, 2 * G_PI);
        cairo_close_path(cr);
        break;
    case TL_MARKER_DIAMOND:
        cairo_move_to(cr, cx, cy - r);
        cairo_line_to(cr, cx + r, cy);
        cairo_line_to(cr, cx, cy + r);
        cairo_line_to(cr, cx - r, cy);
        cairo_close_path(cr);
        break;
    case TL_MARKER_SQUARE:
        cairo_rectangle(cr, cx - r, cy - r, 2 * r, 2 * r);
        break;
    case TL_MARKER_ARROW_LEFT:
        cairo_move_to(cr, cx - r, cy);
        cairo_line_to(cr, cx + r, cy - r);
        cairo_line_to(cr, cx + r, cy + r);
        cairo_close_path(cr);
        break;
    case TL_MARKER_ARROW_RIGHT:
        cairo_move_to(cr, cx + r, cy);
        cairo_line_to(cr, cx - r, cy - r);
        cairo_line_to(cr, cx - r, cy + r);
        cairo_close_path(cr);
        break;
    case TL_MARKER_ARROW_UP:
        cairo_move_to(cr, cx, cy - r);
        cairo_line_to(cr, cx + r, cy + r);
        cairo_line_to(cr, cx - r, cy + r);
        cairo_close_path(cr);
        break;
    case TL_MARKER_ARROW_DOWN:
        cairo_move_to(cr, cx, cy + r);
        cairo_line_to(cr, cx - r, cy - r);
        cairo_line_to(cr, cx + r, cy - r);
        cairo_close_path(cr);
        break;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Ops
 * ------------------------------------------------------------------------------------------- */

static void hatch_segment(void *user, double x1, double y1, double x2, double y2)
{
    cairo_move_to(user, x1, y1);
    cairo_line_to(user, x2, y2);
}

static void draw_rect(cairo_t *cr, const tl_rect_op *r)
{
    const bool fill = r->fill.a > 0, stroke = stroke_visible(&r->stroke);
    if (!fill && !stroke)
        return;
    rect_path(cr, r->x, r->y, r->w, r->h, r->radius);
    if (fill) {
        set_color(cr, r->fill);
        cairo_fill_preserve(cr);
    }
    if (r->hatch != TL_HATCH_NONE) {
        cairo_new_path(cr);
        tl_hatch_lines(r, hatch_segment, cr);
        set_color(cr, r->hatch_color);
        cairo_set_line_width(cr, TL_HATCH_LINE_WIDTH);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
        rect_path(cr, r->x, r->y, r->w, r->h, r->radius);
    }
    if (stroke) {
        set_stroke(cr, &r->stroke, CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

static void draw_line(cairo_t *cr, const tl_line_op *l)
{
    if (!stroke_visible(&l->stroke))
        return;
    cairo_move_to(cr, l->x1, l->y1);
    cairo_line_to(cr, l->x2, l->y2);
    /* Butt caps: an axis or a tick ends exactly at its coordinates. */
    set_stroke(cr, &l->stroke, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr);
}

static void fill_marker(cairo_t *cr, const tl_marker_op *m, tl_color color)
{
    if (!(color.a > 0))
        return;
    marker_path(cr, m);
    set_color(cr, color);
    cairo_fill(cr);
}

static void draw_marker(cairo_t *cr, const tl_marker_op *m, tl_color background)
{
    if (!(m->radius > 0))
        return;
    const bool outline = stroke_visible(&m->stroke);

    switch (m->fill_mode) {
    case TL_MARKER_FILLED:
        fill_marker(cr, m, m->fill);
        break;
    case TL_MARKER_HOLLOW:
        /* The background colour hides whatever the mark sits on (the axis line). With a
         * transparent background there is nothing to hide it with, and it stays visible. */
        fill_marker(cr, m, background);
        break;
    case TL_MARKER_HALF: {
        fill_marker(cr, m, background);
        /* Clip to the left half, with room for anything the fill's antialiasing touches. */
        const double pad = 1 + m->stroke.width;
        cairo_save(cr);
        cairo_rectangle(cr, m->cx - m->radius - pad, m->cy - m->radius - pad, m->radius + pad,
                        2 * (m->radius + pad));
        cairo_clip(cr);
        fill_marker(cr, m, m->fill);
        cairo_restore(cr);
        break;
    }
    case TL_MARKER_DOT: {
        fill_marker(cr, m, background);
        tl_marker_op dot = *m;
        dot.radius = m->radius * 0.45;
        fill_marker(cr, &dot, m->fill);
        break;
    }
    }

    if (outline) {
        marker_path(cr, m);
        set_stroke(cr, &m->stroke, CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }

    tl_stroke cross, halo;
    if (tl_render_cross_strokes(m, background, &cross, &halo)) {
        cairo_move_to(cr, m->cx - m->radius, m->cy + m->radius);
        cairo_line_to(cr, m->cx + m->radius, m->cy - m->radius);
        if (stroke_visible(&halo)) {
            set_stroke(cr, &halo, CAIRO_LINE_CAP_BUTT);
            cairo_stroke_preserve(cr);
        }
        set_stroke(cr, &cross, CAIRO_LINE_CAP_ROUND);
        cairo_stroke(cr);
    }
}

static bool draw_text(cairo_t *cr, tl_fonts *fonts, const tl_text_op *t)
{
    if (!(t->color.a > 0))
        return true;
    /* The same call measurement made, so the glyphs land where layout measured them. The
     * layout is deliberately not updated to the target (pango_cairo_update_layout): that
     * would re-resolve fonts for the device and change the metrics. */
    PangoLayout *layout = tl_fonts_layout_new(fonts, &t->font, &t->shape, t->text, t->strike, NULL);
    if (!layout)
        return false;
    double dx, dy;
    tl_fonts_layout_get_logical_origin(layout, &dx, &dy);
    cairo_move_to(cr, t->x - dx, t->y - dy);
    set_color(cr, t->color);
    pango_cairo_show_layout(cr, layout);
    cairo_new_path(cr);
    g_object_unref(layout);
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Scene
 * ------------------------------------------------------------------------------------------- */

static bool draw_op(cairo_t *cr, const tl_scene *scene, const tl_op *op)
{
    char *attributes = tl_pdf_link_attributes(cr, scene, op);
    if (attributes)
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes);
    bool ok = true;
    switch (op->kind) {
    case TL_OP_RECT:
        draw_rect(cr, &op->u.rect);
        break;
    case TL_OP_LINE:
        draw_line(cr, &op->u.line);
        break;
    case TL_OP_MARKER:
        draw_marker(cr, &op->u.marker, scene->background);
        break;
    case TL_OP_TEXT:
        ok = draw_text(cr, scene->fonts, &op->u.text);
        break;
    }
    if (attributes) {
        cairo_tag_end(cr, CAIRO_TAG_LINK);
        g_free(attributes);
    }
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Tagged PDF
 *
 * A chart with a language (a locale) is drawn into PDF as a tagged document, so that a screen
 * reader reads it in that language and in order: the title (H1), then one paragraph (P) per
 * event, its label and its date, in the order of time. PDF structure follows drawing order,
 * so those texts are drawn after the rest of what they are drawn over (lines are already cut
 * around text, so the picture is the same).
 * ------------------------------------------------------------------------------------------- */

static bool tagged(cairo_t *cr, const tl_scene *scene)
{
    return scene->lang && cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_PDF;
}

static bool is_event_text(const tl_op *op)
{
    return op->kind == TL_OP_TEXT && op->event >= 0 &&
           (op->role == TL_ROLE_EVENT_LABEL || op->role == TL_ROLE_EVENT_DATE);
}

typedef struct deferred {
    int32_t event;
    int role; /* label before date */
    size_t index;
} deferred;

static int cmp_deferred(const void *a, const void *b)
{
    const deferred *x = a, *y = b;
    if (x->event != y->event)
        return x->event < y->event ? -1 : 1;
    if (x->role != y->role)
        return x->role < y->role ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static bool draw_op(cairo_t *cr, const tl_scene *scene, const tl_op *op);

/* Draws ops[at[k]] (or ops[k] when `at` is NULL), k < n: in order, or tagged as above. */
static bool draw_ops(cairo_t *cr, const tl_scene *scene, const tl_op *ops, const size_t *at,
                     size_t n, bool tags)
{
    deferred *later = tags ? g_new(deferred, n) : NULL;
    size_t nlater = 0;
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        const tl_op *op = &ops[at ? at[k] : k];
        if (tags && is_event_text(op)) {
            later[nlater++] = (deferred){op->event, op->role, at ? at[k] : k};
            continue;
        }
        const bool heading = tags && op->kind == TL_OP_TEXT && op->role == TL_ROLE_TITLE;
        if (heading)
            cairo_tag_begin(cr, "H1", NULL);
        ok = draw_op(cr, scene, op);
        if (heading)
            cairo_tag_end(cr, "H1");
    }
    /* Events are in the order of time in the scene. */
    if (nlater > 0)
        qsort(later, nlater, sizeof *later, cmp_deferred);
    for (size_t k = 0; k < nlater && ok; k++) {
        const bool first = k == 0 || later[k - 1].event != later[k].event;
        const bool last = k + 1 == nlater || later[k + 1].event != later[k].event;
        if (first)
            cairo_tag_begin(cr, "P", NULL);
        ok = draw_op(cr, scene, &ops[later[k].index]);
        if (last)
            cairo_tag_end(cr, "P");
    }
    g_free(later);
    return ok;
}

/* State a caller's context may have changed that would alter how ops look. */
static void reset_state(cairo_t *cr)
{
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_new_path(cr);
}

static void paint_background(cairo_t *cr, const tl_scene *scene, double width, double height)
{
    if (scene->background.a > 0) {
        cairo_rectangle(cr, 0, 0, width, height);
        set_color(cr, scene->background);
        cairo_fill(cr);
    }
}

bool tl_cairo_draw_scene(cairo_t *cr, const tl_scene *scene, tl_error **err)
{
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return tl_cairo_set_error(err, cairo_status(cr), "cannot draw");
    if (!tl_cairo_check_scene(scene, err))
        return false;

    reset_state(cr);
    paint_background(cr, scene, scene->width, scene->height);
    /* tl_cairo_check_scene() passed, so this only fails on a bug. */
    if (!draw_ops(cr, scene, scene->ops, NULL, scene->op_count, tagged(cr, scene)))
        return tl_set_error(err, TL_ERROR_INTERNAL, "cannot lay out text");

    /* Every Cairo and Pango-on-Cairo call above leaves its failure in cr's sticky status. */
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return tl_cairo_set_error(err, cairo_status(cr), "cannot draw");
    return true;
}

bool tl_cairo_draw_page(cairo_t *cr, const tl_scene *scene, size_t index, tl_error **err)
{
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return tl_cairo_set_error(err, cairo_status(cr), "cannot draw");
    if (index >= scene->page_count)
        return tl_set_error(err, TL_ERROR_INTERNAL, "no page %zu", index + 1);
    const tl_page *page = &scene->pages[index];
    reset_state(cr);
    paint_background(cr, scene, page->width, page->height);
    for (size_t v = 0; v < page->viewport_count; v++) {
        const tl_viewport *vp = &page->viewports[v];
        cairo_save(cr);
        cairo_rectangle(cr, vp->clip[0], vp->clip[1], vp->clip[2], vp->clip[3]);
        cairo_clip(cr);
        cairo_translate(cr, vp->x, vp->y);
        cairo_scale(cr, vp->scale, vp->scale);
        cairo_translate(cr, -vp->src[0], -vp->src[1]);
        bool ok = true;
        for (size_t k = 0; k < vp->op_count && ok; k++)
            ok = vp->ops[k] < scene->op_count;
        ok = ok && draw_ops(cr, scene, scene->ops, vp->ops, vp->op_count, tagged(cr, scene));
        cairo_restore(cr);
        if (!ok)
            return tl_set_error(err, TL_ERROR_INTERNAL, "cannot draw viewport %zu of page %zu",
                                v + 1, index + 1);
    }
    if (!draw_ops(cr, scene, page->overlay, NULL, page->overlay_count, tagged(cr, scene)))
        return tl_set_error(err, TL_ERROR_INTERNAL, "cannot draw page %zu", index + 1);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return tl_cairo_set_error(err, cairo_status(cr), "cannot draw");
    return true;
}
