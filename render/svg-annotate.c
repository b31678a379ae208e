/* Cairo's SVG made accessible: it draws every glyph as an outline and knows nothing of titles
 * or links, so its document is edited afterwards. */
#include "svg-annotate.h"

#include <string.h>

#include "fonts/fonts-private.h"
#include "svg-meta.h"

/* Whether op's text is ellipsized when drawn: only Pango knows, so it is laid out again, as
 * the renderer did, for the few ops whose shape allows it. */
static bool ellipsized(const tl_scene *scene, const tl_op *op)
{
    if (!scene->fonts || !tl_svg_op_may_ellipsize(op))
        return false;
    const tl_text_op *t = &op->u.text;
    PangoLayout *layout =
        tl_fonts_layout_new(scene->fonts, &t->font, &t->shape, t->text, t->strike, NULL);
    if (!layout)
        return false;
    const bool cut = pango_layout_is_ellipsized(layout);
    g_object_unref(layout);
    return cut;
}

static void append_num_attr(tl_buf *b, const char *name, double v)
{
    tl_buf_printf(b, " %s=\"", name);
    tl_buf_append_fixed2(b, v);
    tl_buf_append_char(b, '"');
}

/* One transparent rectangle over the label, inside a link when it has one, with the full
 * title as its tooltip. */
static void append_overlay(tl_buf *b, const tl_op *op, const tl_svg_extra *extra)
{
    double box[4];
    tl_scene_op_bbox(op, box);
    if (extra->url) {
        tl_buf_append_str(b, "<a href=\"");
        tl_svg_append_escaped(b, extra->url);
        tl_buf_append_str(b, "\">");
    }
    tl_buf_append_str(b, "<rect");
    append_num_attr(b, "x", box[0]);
    append_num_attr(b, "y", box[1]);
    append_num_attr(b, "width", box[2]);
    append_num_attr(b, "height", box[3]);
    tl_buf_append_str(b, " fill=\"#000\" fill-opacity=\"0\"");
    if (extra->tooltip) {
        tl_buf_append_str(b, "><title>");
        tl_svg_append_escaped(b, extra->tooltip);
        tl_buf_append_str(b, "</title></rect>");
    } else {
        tl_buf_append_str(b, "/>");
    }
    if (extra->url)
        tl_buf_append_str(b, "</a>");
    tl_buf_append_char(b, '\n');
}

/* Start of the root element's tag and the position of its '>'; false when there is none. */
static bool find_root(const char *svg, size_t len, size_t *open, size_t *close)
{
    for (size_t i = 0; i + 5 <= len; i++) {
        if (memcmp(svg + i, "<svg", 4) != 0 || (svg[i + 4] != ' ' && svg[i + 4] != '\n'))
            continue;
        const char *gt = memchr(svg + i, '>', len - i);
        if (!gt)
            return false;
        *open = i;
        *close = (size_t)(gt - svg);
        return true;
    }
    return false;
}

/* Position of the last "</svg>"; len when there is none. */
static size_t find_root_end(const char *svg, size_t len)
{
    static const char tag[] = "</svg>";
    const size_t n = sizeof tag - 1;
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (memcmp(svg + i, tag, n) == 0)
            return i;
    return len;
}

char *tl_svg_annotate(const tl_scene *scene, const char *svg, size_t len, size_t *out_len)
{
    tl_buf out = TL_BUF_INIT;
    size_t open, close;
    if (!find_root(svg, len, &open, &close)) {
        /* Not Cairo's document: left as it is rather than made invalid. */
        tl_buf_append(&out, svg, len);
        *out_len = out.len;
        return tl_buf_steal(&out);
    }
    /* A self-closing root has nothing to add links to; Cairo never writes one. */
    const bool empty = close > 0 && svg[close - 1] == '/';
    const size_t attrs_end = empty ? close - 1 : close;
    tl_buf_append(&out, svg, attrs_end);
    tl_svg_append_root_aria(&out);
    if (empty) {
        tl_buf_append_str(&out, ">\n");
        tl_svg_append_title_desc(&out, scene);
        tl_buf_append_str(&out, "</svg>");
        tl_buf_append(&out, svg + close + 1, len - close - 1);
        *out_len = out.len;
        return tl_buf_steal(&out);
    }
    tl_buf_append_str(&out, ">\n");
    tl_svg_append_title_desc(&out, scene);
    size_t from = close + 1;
    if (from < len && svg[from] == '\n')
        from++;

    const size_t end = find_root_end(svg, len);
    const size_t body_end = end > from ? end : from;
    tl_buf_append(&out, svg + from, body_end - from);

    bool any = false;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        tl_svg_extra extra;
        if (!tl_svg_op_extra(scene, op, ellipsized(scene, op), &extra))
            continue;
        if (!any)
            tl_buf_append_str(&out, "<g class=\"event-links\">\n");
        any = true;
        append_overlay(&out, op, &extra);
        g_free(extra.tooltip);
    }
    if (any)
        tl_buf_append_str(&out, "</g>\n");
    tl_buf_append(&out, svg + body_end, len - body_end);
    *out_len = out.len;
    return tl_buf_steal(&out);
}
