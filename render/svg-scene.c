/* The scene as SVG: shapes as SVG elements, and text as glyph outlines or as live <text>,
 * both where Pango put it. Written against render-cairo.c: every op must look the same. */
#include "svg-scene.h"

#include <math.h>
#include <string.h>

#include "fonts/fonts-private.h"
#include "hatch.h"
#include "render-cairo.h"
#include "svg-glyphs.h"
#include "svg-meta.h"

/* ---------------------------------------------------------------------------------------------
 * Output helpers
 * ------------------------------------------------------------------------------------------- */

typedef struct writer {
    const tl_scene *scene;
    tl_buf *out;
    unsigned clips;        /* clip paths made so far: their ids are "half1", "half2", ... */
    tl_svg_glyphs *glyphs; /* text as outlines; NULL for live text */
} writer;

static void num(tl_buf *b, double v)
{
    tl_buf_append_short2(b, v);
}

static void attr(tl_buf *b, const char *name, double v)
{
    tl_buf_append_char(b, ' ');
    tl_buf_append_str(b, name);
    tl_buf_append(b, "=\"", 2);
    num(b, v);
    tl_buf_append_char(b, '"');
}

static void event_attr(tl_buf *b, const tl_op *op)
{
    if (op->event >= 0) {
        tl_buf_append_str(b, " data-event=\"");
        tl_buf_append_uint(b, (unsigned long long)op->event);
        tl_buf_append_char(b, '"');
    }
}

static bool stroke_visible(const tl_stroke *s)
{
    return s->color.a > 0 && s->width > 0;
}

/* Stroke attributes as set_stroke() in render-cairo.c sets them: dashes scale with the width
 * but not below 1 pt, dashes are butt-capped, dots are zero-length dashes with round caps. */
static void stroke_attrs(tl_buf *b, const tl_stroke *s, const char *cap)
{
    tl_svg_append_paint(b, "stroke", s->color);
    attr(b, "stroke-width", s->width);
    const double unit = s->width > 1 ? s->width : 1;
    switch (s->dash) {
    case TL_DASH_SOLID:
        if (strcmp(cap, "butt") != 0)
            tl_buf_printf(b, " stroke-linecap=\"%s\"", cap);
        break;
    case TL_DASH_DASHED:
        tl_buf_append_str(b, " stroke-dasharray=\"");
        num(b, 4 * unit);
        tl_buf_append_char(b, ' ');
        num(b, 3 * unit);
        tl_buf_append_char(b, '"');
        break;
    case TL_DASH_DOTTED:
        tl_buf_append_str(b, " stroke-dasharray=\"0 ");
        num(b, 2 * unit);
        tl_buf_append_str(b, "\" stroke-linecap=\"round\"");
        break;
    }
}

static void point(tl_buf *b, char cmd, double x, double y)
{
    tl_buf_append_char(b, cmd);
    num(b, x);
    tl_buf_append_char(b, ' ');
    num(b, y);
}

/* ---------------------------------------------------------------------------------------------
 * Shapes
 * ------------------------------------------------------------------------------------------- */

/* A rectangle element with rect_path()'s geometry: normalised, the radius clamped to half the
 * shorter side (SVG would clamp each axis on its own and round the corners unevenly). */
static void rect_element(tl_buf *b, double x, double y, double w, double h, double radius)
{
    tl_render_rect_normalise(&x, &y, &w, &h, &radius);
    tl_buf_append_str(b, "<rect");
    attr(b, "x", x);
    attr(b, "y", y);
    attr(b, "width", w);
    attr(b, "height", h);
    if (radius > 0)
        attr(b, "rx", radius);
}

static void hatch_segment(void *user, double x1, double y1, double x2, double y2)
{
    tl_buf *b = user;
    tl_buf_append_str(b, " M");
    tl_buf_append_short2(b, x1);
    tl_buf_append_str(b, " ");
    tl_buf_append_short2(b, y1);
    tl_buf_append_str(b, " L");
    tl_buf_append_short2(b, x2);
    tl_buf_append_str(b, " ");
    tl_buf_append_short2(b, y2);
}

/* The hatch as one path over the rectangle, the same segments the outline renderer strokes;
 * the outline is drawn again on top, as there. */
static void write_hatch(writer *w, const tl_rect_op *r)
{
    tl_buf_append_str(w->out, "<path d=\"");
    tl_hatch_lines(r, hatch_segment, w->out);
    tl_buf_append_str(w->out, "\" fill=\"none\"");
    tl_svg_append_paint(w->out, "stroke", r->hatch_color);
    tl_buf_append_str(w->out, " stroke-width=\"");
    tl_buf_append_short2(w->out, TL_HATCH_LINE_WIDTH);
    tl_buf_append_str(w->out, "\"/>\n");
    if (stroke_visible(&r->stroke)) {
        rect_element(w->out, r->x, r->y, r->w, r->h, r->radius);
        tl_buf_append_str(w->out, " fill=\"none\"");
        stroke_attrs(w->out, &r->stroke, "butt");
        tl_buf_append_str(w->out, "/>\n");
    }
}

static void write_rect(writer *w, const tl_op *op)
{
    const tl_rect_op *r = &op->u.rect;
    const bool fill = r->fill.a > 0, stroke = stroke_visible(&r->stroke);
    if (!fill && !stroke)
        return;
    rect_element(w->out, r->x, r->y, r->w, r->h, r->radius);
    event_attr(w->out, op);
    if (fill)
        tl_svg_append_paint(w->out, "fill", r->fill);
    else
        tl_buf_append_str(w->out, " fill=\"none\"");
    if (stroke)
        stroke_attrs(w->out, &r->stroke, "butt");
    tl_buf_append_str(w->out, "/>\n");
    if (r->hatch != TL_HATCH_NONE)
        write_hatch(w, r);
}

static void write_line(writer *w, const tl_op *op)
{
    const tl_line_op *l = &op->u.line;
    if (!stroke_visible(&l->stroke))
        return;
    tl_buf_append_str(w->out, "<line");
    attr(w->out, "x1", l->x1);
    attr(w->out, "y1", l->y1);
    attr(w->out, "x2", l->x2);
    attr(w->out, "y2", l->y2);
    event_attr(w->out, op);
    stroke_attrs(w->out, &l->stroke, "butt");
    tl_buf_append_str(w->out, "/>\n");
}

/* The opening of a marker's shape element, without paint (marker_path() in render-cairo.c). */
static void marker_shape(tl_buf *b, const tl_marker_op *m, double r)
{
    const double cx = m->cx, cy = m->cy;
    switch (m->shape) {
    case TL_MARKER_CIRCLE:
        tl_buf_append_str(b, "<circle");
        attr(b, "cx", cx);
        attr(b, "cy", cy);
        attr(b, "r", r);
        return;
    case TL_MARKER_SQUARE:
        rect_element(b, cx - r, cy - r, 2 * r, 2 * r, 0);
        return;
    case TL_MARKER_DIAMOND:
        tl_buf_append_str(b, "<path d=\"");
        point(b, 'M', cx, cy - r);
        point(b, 'L', cx + r, cy);
        point(b, 'L', cx, cy + r);
        point(b, 'L', cx - r, cy);
        break;
    case TL_MARKER_ARROW_LEFT:
        tl_buf_append_str(b, "<path d=\"");
        point(b, 'M', cx - r, cy);
        point(b, 'L', cx + r, cy - r);
        point(b, 'L', cx + r, cy + r);
        break;
    case TL_MARKER_ARROW_RIGHT:
        tl_buf_append_str(b, "<path d=\"");
        point(b, 'M', cx + r, cy);
        point(b, 'L', cx - r, cy - r);
        point(b, 'L', cx - r, cy + r);
        break;
    case TL_MARKER_ARROW_UP:
        tl_buf_append_str(b, "<path d=\"");
        point(b, 'M', cx, cy - r);
        point(b, 'L', cx + r, cy + r);
        point(b, 'L', cx - r, cy + r);
        break;
    case TL_MARKER_ARROW_DOWN:
        tl_buf_append_str(b, "<path d=\"");
        point(b, 'M', cx, cy + r);
        point(b, 'L', cx - r, cy - r);
        point(b, 'L', cx + r, cy - r);
        break;
    }
    tl_buf_append_str(b, "Z\"");
}

static void fill_marker(writer *w, const tl_op *op, double r, tl_color color, unsigned clip)
{
    if (!(color.a > 0))
        return;
    marker_shape(w->out, &op->u.marker, r);
    event_attr(w->out, op);
    tl_svg_append_paint(w->out, "fill", color);
    if (clip)
        tl_buf_printf(w->out, " clip-path=\"url(#half%u)\"", clip);
    tl_buf_append_str(w->out, "/>\n");
}

static void cross_line(writer *w, const tl_op *op, const tl_stroke *s, const char *cap)
{
    const tl_marker_op *m = &op->u.marker;
    tl_buf_append_str(w->out, "<line");
    attr(w->out, "x1", m->cx - m->radius);
    attr(w->out, "y1", m->cy + m->radius);
    attr(w->out, "x2", m->cx + m->radius);
    attr(w->out, "y2", m->cy - m->radius);
    event_attr(w->out, op);
    stroke_attrs(w->out, s, cap);
    tl_buf_append_str(w->out, "/>\n");
}

static void write_marker(writer *w, const tl_op *op)
{
    const tl_marker_op *m = &op->u.marker;
    const tl_color background = w->scene->background;
    if (!(m->radius > 0))
        return;
    const bool outline = stroke_visible(&m->stroke);

    switch (m->fill_mode) {
    case TL_MARKER_FILLED:
        fill_marker(w, op, m->radius, m->fill, 0);
        break;
    case TL_MARKER_HOLLOW:
        fill_marker(w, op, m->radius, background, 0);
        break;
    case TL_MARKER_HALF: {
        fill_marker(w, op, m->radius, background, 0);
        const double pad = 1 + m->stroke.width;
        const unsigned id = ++w->clips;
        tl_buf_printf(w->out, "<clipPath id=\"half%u\">", id);
        rect_element(w->out, m->cx - m->radius - pad, m->cy - m->radius - pad, m->radius + pad,
                     2 * (m->radius + pad), 0);
        tl_buf_append_str(w->out, "/></clipPath>\n");
        fill_marker(w, op, m->radius, m->fill, id);
        break;
    }
    case TL_MARKER_DOT:
        fill_marker(w, op, m->radius, background, 0);
        fill_marker(w, op, m->radius * 0.45, m->fill, 0);
        break;
    }

    if (outline) {
        marker_shape(w->out, m, m->radius);
        event_attr(w->out, op);
        tl_buf_append_str(w->out, " fill=\"none\"");
        stroke_attrs(w->out, &m->stroke, "butt");
        tl_buf_append_str(w->out, " stroke-linejoin=\"round\"/>\n");
    }

    tl_stroke cross, halo;
    if (tl_render_cross_strokes(m, background, &cross, &halo)) {
        if (stroke_visible(&halo))
            cross_line(w, op, &halo, "butt");
        cross_line(w, op, &cross, "round");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Text
 * ------------------------------------------------------------------------------------------- */

/* Appends `len` bytes of layout text, escaped, without the line and paragraph breaks Pango
 * keeps inside lines (they are not drawn). */
static void append_text(tl_buf *b, const char *text, size_t len)
{
    char *copy = g_strndup(text, len);
    char *w = copy;
    for (const char *p = copy; *p;) {
        const gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
            p = next;
            continue;
        }
        while (p < next)
            *w++ = *p++;
    }
    *w = '\0';
    tl_svg_append_escaped(b, copy);
    g_free(copy);
}

/* The style of a run of text: the face Pango chose and what markup added. */
typedef struct run_style {
    int weight;
    bool italic;
    double size;
    bool underline, strike;
    double shift; /* baseline shift, points, up */
} run_style;

/* Markup's decorations of a run. */
static void run_decorations(const PangoGlyphItem *run, bool *underline, bool *strike)
{
    *underline = *strike = false;
    for (GSList *l = run->item->analysis.extra_attrs; l; l = l->next) {
        const PangoAttribute *a = l->data;
        if (a->klass->type == PANGO_ATTR_UNDERLINE)
            *underline = ((const PangoAttrInt *)a)->value != PANGO_UNDERLINE_NONE;
        else if (a->klass->type == PANGO_ATTR_STRIKETHROUGH)
            *strike = ((const PangoAttrInt *)a)->value != 0;
    }
}

static run_style style_of(const PangoGlyphItem *run, double size)
{
    run_style s = {.weight = PANGO_WEIGHT_NORMAL, .size = size};
    PangoFontDescription *desc =
        run->item->analysis.font ? pango_font_describe_with_absolute_size(run->item->analysis.font)
                                 : NULL;
    if (desc) {
        s.weight = (int)pango_font_description_get_weight(desc);
        s.italic = pango_font_description_get_style(desc) != PANGO_STYLE_NORMAL;
        if (pango_font_description_get_set_fields(desc) & PANGO_FONT_MASK_SIZE)
            s.size = pango_units_to_double(pango_font_description_get_size(desc));
        pango_font_description_free(desc);
    }
    run_decorations(run, &s.underline, &s.strike);
    s.shift = pango_units_to_double(run->y_offset);
    return s;
}

static void decoration_attr(tl_buf *b, bool underline, bool strike)
{
    if (underline && strike)
        tl_buf_append_str(b, " text-decoration=\"underline line-through\"");
    else if (underline)
        tl_buf_append_str(b, " text-decoration=\"underline\"");
    else if (strike)
        tl_buf_append_str(b, " text-decoration=\"line-through\"");
}

static void font_attrs(tl_buf *b, const run_style *s, const run_style *base)
{
    if (!base || fabs(s->size - base->size) >= 0.005)
        attr(b, "font-size", s->size);
    if (!base ? s->weight != PANGO_WEIGHT_NORMAL : s->weight != base->weight)
        tl_buf_printf(b, " font-weight=\"%d\"", s->weight);
    if (!base ? s->italic : s->italic != base->italic)
        tl_buf_printf(b, " font-style=\"%s\"", s->italic ? "italic" : "normal");
}

static gint run_order(gconstpointer a, gconstpointer b)
{
    const PangoGlyphItem *ra = *(PangoGlyphItem *const *)a, *rb = *(PangoGlyphItem *const *)b;
    return (ra->item->offset > rb->item->offset) - (ra->item->offset < rb->item->offset);
}

/* The runs of `line` in logical order: the viewer reorders bidirectional text itself. */
static GPtrArray *logical_runs(PangoLayoutLine *line)
{
    GPtrArray *runs = g_ptr_array_new();
    for (GSList *l = line->runs; l; l = l->next)
        g_ptr_array_add(runs, l->data);
    g_ptr_array_sort(runs, run_order);
    return runs;
}

/* One line as a <tspan> at Pango's position for it: its left end (right end for a
 * right-to-left line) on its baseline. Runs that differ from the text's style, a fallback
 * face's weight or markup, are nested <tspan>s. The run Pango's ellipsization made is "…":
 * its item still spans the text it replaced. */
static void write_line_text(tl_buf *b, const char *text, PangoLayoutLine *line, double x,
                            double baseline, bool ellipsis_last, const run_style *base)
{
    tl_buf_append_str(b, "<tspan");
    attr(b, "x", x);
    attr(b, "y", baseline);
    tl_buf_append_char(b, '>');
    GPtrArray *runs = logical_runs(line);
    for (guint i = 0; i < runs->len; i++) {
        const PangoGlyphItem *run = runs->pdata[i];
        const bool ellipsis = ellipsis_last && i + 1 == runs->len;
        const run_style s = style_of(run, base->size);
        const bool plain = fabs(s.size - base->size) < 0.005 && s.weight == base->weight &&
                           s.italic == base->italic && !s.underline && s.strike == base->strike &&
                           fabs(s.shift) < 0.005;
        if (!plain) {
            tl_buf_append_str(b, "<tspan");
            font_attrs(b, &s, base);
            decoration_attr(b, s.underline, s.strike && !base->strike);
            if (fabs(s.shift) >= 0.005)
                attr(b, "baseline-shift", s.shift);
            tl_buf_append_char(b, '>');
        }
        if (ellipsis)
            tl_buf_append_str(b, "\xe2\x80\xa6");
        else
            append_text(b, text + run->item->offset, (size_t)run->item->length);
        if (!plain)
            tl_buf_append_str(b, "</tspan>");
    }
    g_ptr_array_free(runs, TRUE);
    tl_buf_append_str(b, "</tspan>");
}

/* Where Pango puts a run's strike-through (or underline): the offset of the line's top above
 * the baseline and its thickness, in points. In the run's language, as Pango's renderer asks:
 * the layout has already taken the metrics of that font and language, and any other language
 * would lay out a sample text to get them. */
static void decoration_metrics(const PangoAnalysis *run, bool strike, double *pos, double *thick)
{
    PangoFontMetrics *metrics = pango_font_get_metrics(run->font, run->language);
    *pos = pango_units_to_double(strike ? pango_font_metrics_get_strikethrough_position(metrics)
                                        : pango_font_metrics_get_underline_position(metrics));
    *thick = pango_units_to_double(strike ? pango_font_metrics_get_strikethrough_thickness(metrics)
                                          : pango_font_metrics_get_underline_thickness(metrics));
    pango_font_metrics_unref(metrics);
}

/* The end of an element drawn as a solid line only: no fill, a stroke of `width`. */
static void line_paint(tl_buf *b, tl_color color, double width)
{
    tl_buf_append_str(b, " fill=\"none\"");
    stroke_attrs(b, &(tl_stroke){.color = color, .width = width, .dash = TL_DASH_SOLID}, "butt");
}

/* A line of text over Pango's metrics for a run's font: an underline or a strike-through. */
static void decoration_line(tl_buf *b, const PangoAnalysis *run, bool strike, double x1, double x2,
                            double baseline, tl_color color)
{
    double pos, t;
    decoration_metrics(run, strike, &pos, &t);
    tl_buf_append_str(b, "<path d=\"");
    point(b, 'M', x1, baseline - pos + t / 2);
    tl_buf_append_str(b, " H");
    num(b, x2);
    tl_buf_append_char(b, '"');
    line_paint(b, color, t);
    tl_buf_append_str(b, "/>");
}

/* One line as glyph outlines, run by run in visual order from its left end, each glyph where
 * Pango's renderer puts it; markup's underlines and strike-throughs after the glyphs. A glyph
 * no font has is drawn as Pango's box. */
static bool write_line_glyphs(writer *w, PangoLayoutLine *line, double x, double baseline,
                              bool whole_strike, tl_color color)
{
    tl_buf *b = w->out;
    tl_buf decorations = TL_BUF_INIT;
    bool ok = true;
    for (GSList *l = line->runs; l && ok; l = l->next) {
        const PangoGlyphItem *run = l->data;
        const PangoGlyphString *gs = run->glyphs;
        PangoFont *font = run->item->analysis.font;
        const double y = baseline - pango_units_to_double(run->y_offset);
        int advance = 0;
        for (int i = 0; i < gs->num_glyphs && ok; i++) {
            const PangoGlyphInfo *gi = &gs->glyphs[i];
            const double gx = x + pango_units_to_double(advance + gi->geometry.x_offset);
            const double gy = y + pango_units_to_double(gi->geometry.y_offset);
            advance += gi->geometry.width;
            if (gi->glyph == PANGO_GLYPH_EMPTY || !font)
                continue;
            if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                PangoRectangle ink;
                pango_font_get_glyph_extents(font, gi->glyph, &ink, NULL);
                rect_element(b, gx + pango_units_to_double(ink.x),
                             gy + pango_units_to_double(ink.y), pango_units_to_double(ink.width),
                             pango_units_to_double(ink.height), 0);
                line_paint(b, color, 0.5);
                tl_buf_append_str(b, "/>");
                continue;
            }
            unsigned id;
            ok = tl_svg_glyphs_lookup(w->glyphs, font, gi->glyph, &id);
            if (ok && id) {
                tl_buf_append_str(b, "<use xlink:href=\"#g");
                tl_buf_append_uint(b, id);
                tl_buf_append_char(b, '"');
                attr(b, "x", gx);
                attr(b, "y", gy);
                tl_buf_append_str(b, "/>");
            }
        }
        const double end = x + pango_units_to_double(advance);
        bool underline, strike;
        run_decorations(run, &underline, &strike);
        if (font && underline)
            decoration_line(&decorations, &run->item->analysis, false, x, end, y, color);
        if (font && strike && !whole_strike)
            decoration_line(&decorations, &run->item->analysis, true, x, end, y, color);
        x = end;
    }
    tl_buf_append(b, decorations.data ? decorations.data : "", decorations.len);
    tl_buf_free(&decorations);
    return ok;
}

static void open_link(tl_buf *b, const char *url)
{
    tl_buf_append_str(b, "<a href=\"");
    tl_svg_append_escaped(b, url);
    tl_buf_append_str(b, "\">");
}

static bool write_text(writer *w, const tl_op *op)
{
    const tl_text_op *t = &op->u.text;
    tl_buf *b = w->out;
    PangoLayout *layout =
        tl_fonts_layout_new(w->scene->fonts, &t->font, &t->shape, t->text, t->strike, NULL);
    if (!layout)
        return false;
    const bool cut = pango_layout_is_ellipsized(layout);
    tl_svg_extra extra;
    const bool has_extra = tl_svg_op_extra(w->scene, op, cut, &extra);
    if (!(t->color.a > 0) && !has_extra) {
        g_object_unref(layout);
        return true;
    }
    double dx, dy;
    tl_fonts_layout_get_logical_origin(layout, &dx, &dy);
    const double ox = t->x - dx, oy = t->y - dy;
    const char *text = pango_layout_get_text(layout);

    if (has_extra && extra.url)
        open_link(b, extra.url);

    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    PangoLayoutLine *first = pango_layout_iter_get_line_readonly(iter);
    /* The style of the text's first run: the face actually drawn (a family may lack the
     * weight asked for, and the viewer must not find a different one). */
    const double size = t->font.size * w->scene->fonts->scale;
    const bool outlines = w->glyphs != NULL;
    run_style base = {.weight = PANGO_WEIGHT_NORMAL, .size = size};
    if (first && first->runs && !outlines) {
        GPtrArray *runs = logical_runs(first);
        base = style_of(runs->pdata[0], size);
        g_ptr_array_free(runs, TRUE);
        base.shift = 0;
        base.size = size;
    }
    /* Decorations of the whole text (a cancelled event's strike) go on <text>. */
    base.underline = false;
    base.strike = t->strike;
    const bool rtl = first && first->resolved_dir == PANGO_DIRECTION_RTL;

    tl_buf_append_str(b, outlines ? "<g" : "<text");
    event_attr(b, op);
    if (!outlines)
        font_attrs(b, &base, NULL);
    tl_svg_append_paint(b, "fill", t->color);
    if (rtl && !outlines)
        tl_buf_append_str(b, " direction=\"rtl\"");
    tl_buf_append_str(b, outlines ? ">" : " xml:space=\"preserve\">");
    if (has_extra && extra.tooltip) {
        tl_buf_append_str(b, "<title>");
        tl_svg_append_escaped(b, extra.tooltip);
        tl_buf_append_str(b, "</title>");
    }
    /* A whole text's strike is drawn as lines where Pango puts them, not left to the viewer's
     * text-decoration (which librsvg 2.54 ignores and browsers place by their own metrics). */
    double strike_pos = 0, strike_thick = 0;
    if (t->strike && first && first->runs) {
        const PangoGlyphItem *run = first->runs->data;
        decoration_metrics(&run->item->analysis, true, &strike_pos, &strike_thick);
    }
    tl_buf strikes = TL_BUF_INIT;
    bool ok = true;
    const int line_count = pango_layout_get_line_count(layout);
    int index = 0;
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, NULL, &logical);
        const double baseline = oy + pango_units_to_double(pango_layout_iter_get_baseline(iter));
        const double left = ox + pango_units_to_double(logical.x);
        const double right = left + pango_units_to_double(logical.width);
        if (line->runs && outlines) {
            if (!write_line_glyphs(w, line, left, baseline, t->strike, t->color)) {
                ok = false;
                break;
            }
        } else if (line->runs) {
            write_line_text(b, text, line, rtl ? right : left, baseline,
                            cut && index == line_count - 1, &base);
        }
        if (line->runs && strike_thick > 0) {
            const double y = baseline - strike_pos + strike_thick / 2;
            tl_buf_append_str(&strikes, " M");
            tl_buf_append_short2(&strikes, left);
            tl_buf_append_char(&strikes, ' ');
            tl_buf_append_short2(&strikes, y);
            tl_buf_append_str(&strikes, " H");
            tl_buf_append_short2(&strikes, right);
        }
        index++;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    tl_buf_append_str(b, outlines ? "</g>" : "</text>");
    if (strikes.len > 0) {
        tl_buf_append_str(b, "<path class=\"strike\" d=\"");
        tl_buf_append(b, strikes.data + 1, strikes.len - 1);
        tl_buf_append_char(b, '"');
        line_paint(b, t->color, strike_thick);
        tl_buf_append_str(b, "/>");
    }
    tl_buf_free(&strikes);
    if (has_extra && extra.url)
        tl_buf_append_str(b, "</a>");
    tl_buf_append_char(b, '\n');
    g_free(extra.tooltip);
    g_object_unref(layout);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Document
 * ------------------------------------------------------------------------------------------- */

/* The font-family attribute: the families text is set in, each quoted, then a generic family.
 * Colour emoji families are left to the viewer's own fallback: librsvg takes digits from a
 * listed emoji font (they are emoji code points too), where Pango here takes them from the
 * first family. */
static void append_families(tl_buf *b, const char *families)
{
    char **names = g_strsplit(families, ",", -1);
    bool any = false;
    tl_buf_append_str(b, " font-family=\"");
    for (char **n = names; *n; n++) {
        char *name = g_strstrip(*n);
        if (!*name || strstr(name, "Emoji"))
            continue;
        if (any)
            tl_buf_append_str(b, ", ");
        any = true;
        tl_buf_append_char(b, '\'');
        /* Characters that would end the CSS string or the attribute are dropped: no family
         * name has them. */
        for (const char *p = name; *p; p++)
            if (!strchr("'\\\"<>&", *p) && (unsigned char)*p >= ' ')
                tl_buf_append_char(b, *p);
        tl_buf_append_char(b, '\'');
    }
    g_strfreev(names);
    tl_buf_append_str(b, any ? ", sans-serif\"" : "sans-serif\"");
}

bool tl_svg_scene_write(const tl_scene *scene, bool live_text, tl_buf *out, tl_error **err)
{
    /* The body goes to a buffer of its own: the glyphs it uses are defined before it. */
    tl_buf doc_body = TL_BUF_INIT;
    writer w = {.scene = scene, .out = &doc_body, .glyphs = live_text ? NULL : tl_svg_glyphs_new()};
    tl_buf *b = out;
    tl_buf_append_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
                         "xmlns=\"http://www.w3.org/2000/svg\"");
    if (!live_text)
        tl_buf_append_str(b, " xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
    /* In points, as Cairo's SVG gives them; user units are points too (the viewBox). */
    tl_buf_append_str(b, " width=\"");
    num(b, scene->width);
    tl_buf_append_str(b, "pt\" height=\"");
    num(b, scene->height);
    tl_buf_append_str(b, "pt\" viewBox=\"0 0 ");
    num(b, scene->width);
    tl_buf_append_char(b, ' ');
    num(b, scene->height);
    tl_buf_append_str(b, "\" version=\"1.1\"");
    if (scene->lang) {
        /* SVG 1.1 readers take xml:lang, SVG 2 and HTML ones lang. */
        tl_buf_append_str(b, " xml:lang=\"");
        tl_svg_append_escaped(b, scene->lang);
        tl_buf_append_str(b, "\" lang=\"");
        tl_svg_append_escaped(b, scene->lang);
        tl_buf_append_char(b, '"');
    }
    tl_svg_append_root_aria(b);
    tl_buf_append_str(b, ">\n");
    tl_svg_append_title_desc(b, scene);

    b = &doc_body;
    tl_buf_append_str(b, "<g");
    if (live_text)
        append_families(b, scene->fonts ? scene->fonts->families : "");
    tl_buf_append_str(b, ">\n");

    if (scene->background.a > 0) {
        tl_buf_append_str(b, "<g class=\"background\">\n");
        rect_element(b, 0, 0, scene->width, scene->height, 0);
        tl_svg_append_paint(b, "fill", scene->background);
        tl_buf_append_str(b, "/>\n</g>\n");
    }

    /* One group per run of ops of the same role, in drawing order. */
    bool open = false;
    tl_role role = TL_ROLE_BACKGROUND;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (!open || op->role != role) {
            if (open)
                tl_buf_append_str(b, "</g>\n");
            tl_buf_printf(b, "<g class=\"%s\">\n", tl_scene_role_name(op->role));
            open = true;
            role = op->role;
        }
        /* A mark links like its label (text ops make their own link: the tooltip needs the
         * layout). */
        tl_svg_extra extra = {0};
        const bool link =
            op->kind != TL_OP_TEXT && tl_svg_op_extra(scene, op, false, &extra) && extra.url;
        const size_t before = b->len;
        if (link)
            open_link(b, extra.url);
        const size_t body = b->len;
        switch (op->kind) {
        case TL_OP_RECT:
            write_rect(&w, op);
            break;
        case TL_OP_LINE:
            write_line(&w, op);
            break;
        case TL_OP_MARKER:
            write_marker(&w, op);
            break;
        case TL_OP_TEXT:
            if (!scene->fonts || !write_text(&w, op)) {
                g_free(extra.tooltip);
                tl_svg_glyphs_free(w.glyphs);
                tl_buf_free(&doc_body);
                return tl_set_error(err, TL_ERROR_INTERNAL, "cannot draw the text of op %zu", i);
            }
            break;
        }
        g_free(extra.tooltip);
        if (link && b->len == body) {
            /* Nothing visible was drawn: no empty link either. */
            b->len = before;
            b->data[before] = '\0';
        } else if (link) {
            tl_buf_append_str(b, "</a>\n");
        }
    }
    if (open)
        tl_buf_append_str(b, "</g>\n");
    tl_buf_append_str(b, "</g>\n</svg>\n");
    if (w.glyphs)
        tl_svg_glyphs_append_defs(w.glyphs, out);
    tl_buf_append(out, doc_body.data ? doc_body.data : "", doc_body.len);
    tl_svg_glyphs_free(w.glyphs);
    tl_buf_free(&doc_body);
    return true;
}
