/* SVG for reports, both ways of writing it (glyph outlines, and live text with svg_text):
 * <title>/<desc> and the root's role read back with xmllint's XPath, links with their href
 * escaped and script URLs refused, the tooltip of an ellipsized label, byte-identical output,
 * the outline SVG rasterised by rsvg-convert matching the PNG Cairo draws of the same scene,
 * and the live-text SVG matching the outline one pixel for pixel within a small mean
 * difference. Skips without Noto Sans; the checks needing xmllint or
 * rsvg-convert are skipped with a note when they are missing.
 *
 * TL_TEST_SVG_KEEP=DIR keeps the documents and PNGs there for a look. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include <pango/pangofc-font.h>

#include "common/tl-url.h"
#include "fonts/fonts-private.h"
#include "scene/scene.h"
#include "render/svg-meta.h"
#include "tap.h"
#include "test-util.h"

static char *outdir;

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

/* Runs argv; returns its standard output (g_free) when it exits 0, NULL otherwise. */
static char *run(const char *const *argv)
{
    char *out = NULL;
    int status = 0;
    GError *error = NULL;
    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &out, NULL, &status, &error)) {
        tap_diag("cannot run %s: %s", argv[0], error->message);
        g_error_free(error);
        return NULL;
    }
    if (!g_spawn_check_wait_status(status, NULL)) {
        g_free(out);
        return NULL;
    }
    /* xmllint ends what it prints with a line break. */
    return g_strchomp(out);
}

static char *xpath(const char *file, const char *expr)
{
    const char *argv[] = {"xmllint", "--xpath", expr, file, NULL};
    return run(argv);
}

static bool xml_valid(const char *file)
{
    const char *argv[] = {"xmllint", "--noout", file, NULL};
    char *out = run(argv);
    g_free(out);
    return out != NULL;
}

static char *render(const tl_scene *scene, bool svg_text, const char *name, size_t *len)
{
    tl_render_options *opts = tl_render_options_new();
    tl_render_options_set_svg_text(opts, svg_text);
    char *path = g_build_filename(outdir, name, NULL);
    tl_error *err = NULL;
    const bool ok = tl_render_to_file(scene, TL_FORMAT_SVG, opts, path, &err);
    tl_render_options_free(opts);
    if (!ok) {
        tap_diag("%s: %s", name, err ? err->message : "?");
        tl_error_free(err);
        g_free(path);
        return NULL;
    }
    char *data = NULL;
    gsize n = 0;
    g_file_get_contents(path, &data, &n, NULL);
    if (len)
        *len = n;
    g_free(data);
    return path;
}

static char *file_text(const char *path)
{
    char *data = NULL;
    g_file_get_contents(path, &data, NULL, NULL);
    return data;
}

static tl_scene *layout_csv(tl_fonts *fonts, const char *csv, const char *title, double label_width)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "test.csv", NULL, &err);
    tl_layout_options *opts = tl_layout_options_new();
    tl_layout_options_set_title(opts, title);
    if (label_width > 0)
        tl_layout_options_set_label_width(opts, label_width);
    tl_scene *scene = tl ? tl_layout(tl, opts, fonts, &err) : NULL;
    if (!scene)
        tap_diag("layout: %s", err ? err->message : "?");
    tl_error_free(err);
    tl_layout_options_free(opts);
    tl_timeline_free(tl);
    return scene;
}

/* `csv` laid out with markup read in its texts, checked to lay out; NULL when it does not. */
static tl_scene *layout_markup(tl_fonts *fonts, const char *csv, const char *name,
                               const char *title)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), name, NULL, &err);
    tl_layout_options *opts = tl_layout_options_new();
    tl_layout_options_set_markup(opts, true);
    if (title)
        tl_layout_options_set_title(opts, title);
    tl_scene *scene = tl ? tl_layout(tl, opts, fonts, &err) : NULL;
    tap_ok(scene != NULL, "%s lays out: %s", name, err ? err->message : "ok");
    tl_error_free(err);
    tl_layout_options_free(opts);
    tl_timeline_free(tl);
    return scene;
}

/* ---------------------------------------------------------------------------------------------
 * Titles, links, tooltips, escaping
 * ------------------------------------------------------------------------------------------- */

#define LONG_TITLE                                                                                 \
    "A very long title that cannot fit on three short lines of a narrow label and so is cut "      \
    "with an ellipsis by the layout at the end of its last line, far before this final word"

static const char links_csv[] =
    "start,title,group,url\n"
    "2019-01-10,Linked event,India,https://example.org/a?b=1&c=2\n"
    "2019-04-02,\"Quote \"\" less < greater > amp & then words enough to be cut at the end of "
    "the third line of a label\",Japan,javascript:alert(1)\n"
    "2019-07-20,\"" LONG_TITLE "\",India,\n"
    "2020-02-11,Data link,Japan,  JaVa\tScript:alert(2)\n";

static void check_document(const char *path, const char *what)
{
    char *svg = file_text(path);
    tap_ok(svg && !strstr(svg, "javascript") && !strstr(svg, "JaVa"),
           "%s: no script URL anywhere in the document", what);
    tap_ok(svg && strstr(svg, "href=\"https://example.org/a?b=1&amp;c=2\""),
           "%s: the link's & is escaped in the attribute", what);
    tap_ok(svg && strstr(svg, "<title>Quote &quot; less &lt; greater &gt; amp &amp; then"),
           "%s: a title with \" < > & is escaped in its tooltip", what);
    tap_ok(svg && strstr(svg, "<title id=\"chart-title\">Links &amp; &lt;escapes&gt; "
                              "&quot;quoted&quot; &apos;single&apos;</title>"),
           "%s: and so is the chart's title", what);
    g_free(svg);

    if (!test_have_program("xmllint")) {
        tap_diag("xmllint not found: XPath checks skipped");
        return;
    }
    tap_ok(xml_valid(path), "%s: xmllint --noout accepts it", what);
    char *s = xpath(path, "string(/*[local-name()='svg']/*[1][local-name()='title'])");
    tap_is_str(s, "Links & <escapes> \"quoted\" 'single'", "%s: the root's first child is <title>",
               what);
    g_free(s);
    s = xpath(path, "string(/*[local-name()='svg']/*[2][local-name()='desc'])");
    tap_is_str(s, "Timeline of 4 events from Jan 2019 to Feb 2020 in 2 groups: India, Japan.",
               "%s: the second is <desc>, describing the data", what);
    g_free(s);
    s = xpath(path, "string(/*[local-name()='svg']/@role)");
    tap_is_str(s, "img", "%s: role=\"img\"", what);
    g_free(s);
    s = xpath(path, "string(/*[local-name()='svg']/@aria-labelledby)");
    tap_is_str(s, "chart-title chart-desc", "%s: aria-labelledby names title and desc", what);
    g_free(s);
    s = xpath(path, "count(//*[local-name()='a'])");
    tap_is_str(s, "3", "%s: three links (label, date, mark): script URLs are not links", what);
    g_free(s);
    s = xpath(path, "count(//*[local-name()='a'][@href='https://example.org/a?b=1&c=2'])");
    tap_is_str(s, "3", "%s: all to the event's URL, read back exactly", what);
    g_free(s);
    s = xpath(path, "string((//*[local-name()='a'])[1]//*[local-name()='title'])");
    tap_is_str(s, "", "%s: a label shown in full has no tooltip", what);
    g_free(s);
    s = xpath(path, "count(//*[local-name()='title'][.='" LONG_TITLE "'])");
    tap_is_str(s, "1", "%s: the ellipsized label has the full title as its tooltip", what);
    g_free(s);
    s = xpath(path, "count(//*[local-name()='title'])");
    tap_is_str(s, "3", "%s: and no other element has one (chart title + 2 tooltips)", what);
    g_free(s);
}

static void test_escaping(void)
{
    const struct {
        const char *url;
        bool safe;
    } urls[] = {
        {"https://example.org/a?b=1&c=2", true},
        {"HTTP://EXAMPLE.ORG", true},
        {"mailto:someone@example.org", true},
        {"ftp://example.org/file", true},
        {"notes.html", true},
        {"/docs/page#part", true},
        {"#event-3", true},
        {"?q=1:2", true},
        {"javascript:alert(1)", false},
        {"  JaVaScRiPt:alert(1)", false},
        {"java\tscript:alert(1)", false},
        {"java\nscript:alert(1)", false},
        {"\x01javascript:alert(1)", false},
        {"data:text/html,<script>alert(1)</script>", false},
        {"vbscript:msgbox", false},
        {"file:///etc/passwd", false},
        {"a b:c", false},
        {"", false},
    };
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        char *shown = g_strescape(urls[i].url, NULL);
        tap_ok(tl_url_is_safe(urls[i].url) == urls[i].safe, "URL \"%s\" is %s", shown,
               urls[i].safe ? "a link" : "refused");
        g_free(shown);
    }

    tl_buf b = TL_BUF_INIT;
    tl_svg_append_escaped(&b, "a&b<c>d\"e'f\x01g\xff\xef\xbf\xbeh\ti");
    tap_is_str(b.data, "a&amp;b&lt;c&gt;d&quot;e&apos;fg\xef\xbf\xbdh\ti",
               "escaping: markup characters as entities, controls and U+FFFE dropped, "
               "bytes that are not UTF-8 as U+FFFD");
    tl_buf_free(&b);
}

static void test_links(tl_fonts *fonts)
{
    tl_scene *scene = layout_csv(fonts, links_csv, "Links & <escapes> \"quoted\" 'single'", 90);
    tap_ok(scene != NULL, "the links chart lays out");
    if (!scene)
        return;
    bool cut = false;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL && op->event == 2)
            cut = op->u.text.shape.max_lines > 0 && op->u.text.shape.wrap_width <= 90;
    }
    tap_ok(cut, "the long label is wrapped at 90 pt with a line limit");

    const bool modes[] = {false, true};
    const char *names[] = {"links-outlines.svg", "links-text.svg"};
    const char *again[] = {"links-outlines-2.svg", "links-text-2.svg"};
    for (int m = 0; m < 2; m++) {
        const char *what = modes[m] ? "live text" : "outlines";
        char *path = render(scene, modes[m], names[m], NULL);
        tap_ok(path != NULL, "%s: renders", what);
        if (!path)
            continue;
        check_document(path, what);
        char *path2 = render(scene, modes[m], again[m], NULL);
        char *a = file_text(path), *b = path2 ? file_text(path2) : NULL;
        tap_ok(a && b && strcmp(a, b) == 0, "%s: two renders are byte-identical", what);
        g_free(a);
        g_free(b);
        g_free(path);
        g_free(path2);
    }
    tl_scene_free(scene);
}

/* ---------------------------------------------------------------------------------------------
 * Live text looks like the outlines
 * ------------------------------------------------------------------------------------------- */

/* rsvg-convert's PNG of `svg`, as an image surface (NULL on failure). */
static cairo_surface_t *rasterise(const char *svg)
{
    char *png = g_strconcat(svg, ".png", NULL);
    char *cmd = g_strdup_printf("rsvg-convert -b white -f png '%s' > '%s'", svg, png);
    const int status = system(cmd);
    cairo_surface_t *s = status == 0 ? cairo_image_surface_create_from_png(png) : NULL;
    g_free(cmd);
    g_free(png);
    if (s && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    return s;
}

/* Mean absolute difference per channel (0..255) between two images of one size, and the
 * share of pixels that differ by more than a quarter of the range in some channel. */
static bool compare(cairo_surface_t *a, cairo_surface_t *b, double *mean, double *share)
{
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b))
        return false;
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    const unsigned char *pa = cairo_image_surface_get_data(a),
                        *pb = cairo_image_surface_get_data(b);
    const int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    double sum = 0;
    long far = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int worst = 0;
            for (int c = 0; c < 4; c++) {
                const int d = abs(pa[y * sa + 4 * x + c] - pb[y * sb + 4 * x + c]);
                sum += d;
                worst = d > worst ? d : worst;
            }
            far += worst > 64;
        }
    *mean = sum / (4.0 * w * h);
    *share = (double)far / ((double)w * h);
    return true;
}

/* The share of 4x4-pixel blocks whose average differs by more than 32 in some channel: glyphs
 * a renderer places on whole pixels and another does not average out, different drawings do
 * not. */
static bool compare_blocks(cairo_surface_t *a, cairo_surface_t *b, double *share)
{
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b) || w < 4 ||
        h < 4)
        return false;
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    const unsigned char *pa = cairo_image_surface_get_data(a),
                        *pb = cairo_image_surface_get_data(b);
    const int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
    long far = 0, blocks = 0;
    for (int by = 0; by + 4 <= h; by += 4)
        for (int bx = 0; bx + 4 <= w; bx += 4, blocks++) {
            int worst = 0;
            for (int c = 0; c < 4; c++) {
                int da = 0, db = 0;
                for (int y = by; y < by + 4; y++)
                    for (int x = bx; x < bx + 4; x++) {
                        da += pa[y * sa + 4 * x + c];
                        db += pb[y * sb + 4 * x + c];
                    }
                const int d = abs(da - db) / 16;
                worst = d > worst ? d : worst;
            }
            far += worst > 32;
        }
    *share = (double)far / (double)blocks;
    return true;
}

/* The outline SVG of `scene` rasterised by rsvg-convert against the PNG Cairo draws of it
 * (both at 96 dpi). */
static void compare_with_png(const tl_scene *scene, const char *svg, const char *name)
{
    char *png = g_strconcat(svg, ".cairo.png", NULL);
    tl_error *err = NULL;
    cairo_surface_t *drawn = NULL, *read = NULL;
    if (tl_render_to_file(scene, TL_FORMAT_PNG, NULL, png, &err)) {
        drawn = cairo_image_surface_create_from_png(png);
        read = rasterise(svg);
    }
    double share = 1;
    const bool same_size = drawn && read && compare_blocks(read, drawn, &share);
    tap_ok(same_size && share < 0.002,
           "%s: the outline SVG looks like Cairo's PNG (%.3f%% of 4x4 blocks far apart)", name,
           100 * share);
    if (drawn)
        cairo_surface_destroy(drawn);
    if (read)
        cairo_surface_destroy(read);
    tl_error_free(err);
    g_free(png);
}

/* Both SVGs of `scene`: the outline one like Cairo's PNG; the live-text one well-formed,
 * smaller, one <text> per text op, and rasterised by rsvg-convert within a small mean
 * difference of the outlines. */
static void compare_paths(const tl_scene *scene, const char *name)
{
    char *n1 = g_strconcat(name, "-outlines.svg", NULL), *n2 = g_strconcat(name, "-text.svg", NULL);
    size_t len1 = 0, len2 = 0;
    char *outline_svg = render(scene, false, n1, &len1), *text_svg = render(scene, true, n2, &len2);
    tap_ok(outline_svg && text_svg, "%s: both SVGs render", name);
    if (outline_svg && text_svg) {
        tap_diag("%s: outlines %zu bytes, live text %zu bytes", name, len1, len2);
        tap_ok(len2 < len1, "%s: live text is the smaller file", name);
        if (test_have_program("xmllint"))
            tap_ok(xml_valid(text_svg), "%s: the live-text SVG is well-formed", name);
        char *s = test_have_program("xmllint") ? xpath(text_svg, "count(//*[local-name()='text'])")
                                               : NULL;
        size_t texts = 0;
        for (size_t i = 0; i < scene->op_count; i++)
            texts += scene->ops[i].kind == TL_OP_TEXT && scene->ops[i].u.text.color.a > 0;
        if (s)
            tap_is_int(atol(s), (long long)texts, "%s: one <text> per text op", name);
        g_free(s);
    }
    if (outline_svg && text_svg && test_have_program("rsvg-convert")) {
        compare_with_png(scene, outline_svg, name);
        cairo_surface_t *a = rasterise(outline_svg), *b = rasterise(text_svg);
        double mean = 0, share = 0;
        const bool same_size = a && b && compare(a, b, &mean, &share);
        tap_ok(same_size, "%s: both rasterise to the same size", name);
        if (same_size) {
            tap_diag("%s: mean difference %.3f / 255, %.3f%% of pixels far apart", name, mean,
                     100 * share);
            tap_ok(mean < 0.5, "%s: mean pixel difference %.3f under 0.5 / 255", name, mean);
            tap_ok(share < 0.001, "%s: under 0.1%% of pixels differ by more than 64 (%.3f%%)", name,
                   100 * share);
        }
        if (a)
            cairo_surface_destroy(a);
        if (b)
            cairo_surface_destroy(b);
    } else if (!test_have_program("rsvg-convert")) {
        tap_diag("rsvg-convert not found: visual comparison skipped");
    }
    g_free(outline_svg);
    g_free(text_svg);
    g_free(n1);
    g_free(n2);
}

static void test_looks_alike(tl_fonts *fonts, const char *samples, const char *name,
                             const char *title, tl_variant variant)
{
    char *csv = g_build_filename(samples, name, NULL);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(csv, NULL, NULL, &err);
    tl_layout_options *opts = tl_layout_options_new();
    tl_layout_options_set_title(opts, title);
    tl_layout_options_set_variant(opts, variant);
    tl_scene *scene = tl ? tl_layout(tl, opts, fonts, &err) : NULL;
    tap_ok(scene != NULL, "%s lays out: %s", name, err ? err->message : "ok");
    if (scene) {
        static const char *const variants[] = {"ribbon", "lanes", "vertical"};
        char *base = g_strdup_printf("%.*s-%s", (int)strlen(name) - 4, name, variants[variant]);
        compare_paths(scene, base);
        g_free(base);
    }
    tl_error_free(err);
    tl_layout_options_free(opts);
    tl_timeline_free(tl);
    tl_scene_free(scene);
    g_free(csv);
}

/* Markup: bold, italic, underline, strike-through, subscript and superscript runs become
 * nested <tspan>s; scripts mix in one label. */
static void test_markup_alike(tl_fonts *fonts)
{
    static const char csv[] = "start,end,title,group\n"
                              "2019-01-10,,\"<b>Bold</b> start and <i>italic</i> end\",A\n"
                              "2019-03-01,,\"H<sub>2</sub>O and E=mc<sup>2</sup> in a label\",B\n"
                              "2019-05-01,,\"<u>Underlined</u> words and <s>struck</s> ones\",A\n"
                              "2019-08-01,2019-12-01,\"A span with <b>bold</b> words that runs "
                              "past the label's width\",B\n"
                              "2020-01-15,,\"日本語のラベルと English\",A\n"
                              "2020-03-15,,\"हिन्दी लेबल और अंक 2020\",B\n"
                              "2020-05-15,,\"عنوان عربي مع 2020 أرقام\",A\n";
    tl_scene *scene =
        layout_markup(fonts, csv, "markup.csv", "Markup <b>bold</b> and <i>italic</i>");
    if (scene) {
        compare_paths(scene, "markup");
        char *path = g_build_filename(outdir, "markup-text.svg", NULL);
        if (test_have_program("xmllint")) {
            char *s = xpath(path, "string(//*[local-name()='tspan'][@font-style='italic'])");
            tap_is_str(s, "italic", "<i> is an italic <tspan>");
            g_free(s);
            s = xpath(path, "string(//*[local-name()='tspan'][@baseline-shift > 0])");
            tap_is_str(s, "2", "<sup> is a raised <tspan>");
            g_free(s);
            s = xpath(path, "string(//*[local-name()='tspan'][@text-decoration='underline'])");
            tap_is_str(s, "Underlined", "<u> is an underlined <tspan>");
            g_free(s);
            s = xpath(path, "string(/*[local-name()='svg']/*[local-name()='title'])");
            tap_is_str(s, "Markup bold and italic", "a markup title is named without its tags");
            g_free(s);
            s = xpath(path, "string(//*[local-name()='text'][@direction='rtl']/@data-event)");
            tap_is_str(s, "6", "the Arabic label is right-to-left");
            g_free(s);
        }
        g_free(path);
    }
    tl_scene_free(scene);
}

/* Colour glyphs (emoji) have no outline: they are PNG images in <defs>, in colour, where the
 * PNG draws them; a glyph no font has is Pango's box. */
static void test_colour_glyphs(tl_fonts *fonts)
{
    static const char csv[] = "start,title\n2020-01-01,Launch \xf0\x9f\x9a\x80 party\n"
                              "2020-02-01,Box \xee\x80\x80 here\n";
    tl_scene *scene = layout_csv(fonts, csv, "Emoji", 0);
    char *path = scene ? render(scene, false, "emoji.svg", NULL) : NULL;
    char *doc = path ? file_text(path) : NULL;
    tap_ok(doc && strstr(doc, "<image") && strstr(doc, "data:image/png;base64,"),
           "the emoji is a PNG image");
    tap_ok(doc && strstr(doc, "fill=\"none\"") && strstr(doc, "stroke-width=\"0.5\"/>"),
           "the missing glyph is a box");
    if (path && test_have_program("rsvg-convert")) {
        compare_with_png(scene, path, "emoji");
        cairo_surface_t *read = rasterise(path);
        long coloured = 0;
        if (read) {
            const unsigned char *px = cairo_image_surface_get_data(read);
            const int stride = cairo_image_surface_get_stride(read);
            for (int y = 0; y < cairo_image_surface_get_height(read); y++)
                for (int x = 0; x < cairo_image_surface_get_width(read); x++) {
                    const unsigned char *p = px + y * stride + 4 * x;
                    coloured += abs(p[2] - p[0]) > 80 || abs(p[1] - p[0]) > 80;
                }
            cairo_surface_destroy(read);
        }
        tap_ok(coloured > 20, "the emoji is drawn in colour (%ld coloured pixels)", coloured);
    }
    g_free(doc);
    g_free(path);
    tl_scene_free(scene);
}

/* A font drawn with a synthetic slant or bold: the machine's fontconfig set slants Noto Sans
 * CJK, which has no italic, and emboldens Noto Sans Symbols 2 (its arrows U+1F8A0...), which
 * has no bold. Their outlines must come out transformed as Cairo draws them, not as the font
 * file has them. */
static bool synthesised(tl_fonts *fonts, const char *text, const tl_font *style)
{
    const tl_text_shape shape = {0};
    PangoLayout *layout = tl_fonts_layout_new(fonts, style, &shape, text, false, NULL);
    PangoLayoutLine *line = layout ? pango_layout_get_line_readonly(layout, 0) : NULL;
    const PangoGlyphItem *run = line && line->runs ? line->runs->data : NULL;
    PangoFont *font = run ? run->item->analysis.font : NULL;
#if PANGO_VERSION_CHECK(1, 48, 0)
    FcPattern *pattern =
        PANGO_IS_FC_FONT(font) ? pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : NULL;
#else
    FcPattern *pattern = PANGO_IS_FC_FONT(font) ? PANGO_FC_FONT(font)->font_pattern : NULL;
#endif
    FcMatrix *matrix;
    FcBool embolden = FcFalse;
    const bool found =
        pattern &&
        ((FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch && matrix->xy != 0) ||
         (FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden));
    if (layout)
        g_object_unref(layout);
    return found;
}

static void test_synthetic_styles(void)
{
    tl_font_options *fopts = tl_font_options_new();
    tl_font_options_set_system_fonts(fopts, true);
    tl_font_options_set_font(fopts, "Noto Sans CJK JP 30");
    tl_fonts *fonts = tl_fonts_new_with_options(fopts, NULL);
    tl_font_options_free(fopts);
    const tl_font italic = {.size = 9.5, .weight = 400, .italic = true};
    const tl_font bold = {.size = 9.5, .weight = 700};
    if (!fonts || !synthesised(fonts, "日本", &italic) ||
        !synthesised(fonts, "\xf0\x9f\xa2\xa0", &bold) || !test_have_program("rsvg-convert")) {
        tap_ok(true, "synthetic styles # SKIP the machine's fonts synthesise no slant or bold");
        tl_fonts_unref(fonts);
        return;
    }
    static const char csv[] = "start,title\n"
                              "2019-01-10,<i>日本とインドの関係の長いラベル</i>\n"
                              "2019-04-01,<i>東京での首脳会談は中止された</i>\n"
                              "2019-07-01,<b>\xf0\x9f\xa2\xa0\xf0\x9f\xa2\xa1\xf0\x9f\xa2\xa2"
                              "\xf0\x9f\xa2\xa3\xf0\x9f\xa2\xa4\xf0\x9f\xa2\xa5</b>\n"
                              "2019-10-01,<i>サイバーセキュリティ協定の署名</i>\n"
                              "2020-01-15,<i>新しい首相が任命された日</i>\n"
                              "2020-04-01,<i>首脳会談は延期された</i>\n"
                              "2020-07-01,<b>\xf0\x9f\xa2\xa6\xf0\x9f\xa2\xa7\xf0\x9f\xa2\xa8"
                              "\xf0\x9f\xa2\xa9\xf0\x9f\xa2\xaa\xf0\x9f\xa2\xab</b>\n"
                              "2020-10-01,<i>インド太平洋海洋イニシアティブ</i>\n";
    tl_scene *scene = layout_markup(fonts, csv, "synthetic.csv", NULL);
    char *path = scene ? render(scene, false, "synthetic.svg", NULL) : NULL;
    if (path)
        compare_with_png(scene, path, "synthetic slant and bold");
    g_free(path);
    tl_scene_free(scene);
    tl_fonts_unref(fonts);
}

/* The comparison is able to fail: two different charts are far apart by its measure. */
static void test_difference_detected(tl_fonts *fonts)
{
    if (!test_have_program("rsvg-convert"))
        return;
    static const char one[] = "start,title\n2019-01-01,First\n2019-06-01,Second\n";
    static const char two[] = "start,title\n2019-01-01,Other words\n2019-03-01,Elsewhere\n";
    tl_scene *s1 = layout_csv(fonts, one, "Same title", 0),
             *s2 = layout_csv(fonts, two, "Same title", 0);
    char *p1 = s1 ? render(s1, false, "diff-1.svg", NULL) : NULL;
    char *p2 = s2 ? render(s2, true, "diff-2.svg", NULL) : NULL;
    cairo_surface_t *a = p1 ? rasterise(p1) : NULL, *b = p2 ? rasterise(p2) : NULL;
    double mean = 0, share = 0;
    const bool same_size = a && b && compare(a, b, &mean, &share);
    tap_ok(same_size && share > 0.005,
           "different charts differ by the same measure (%.3f%% of pixels far apart)", 100 * share);
    double blocks = 0;
    const bool compared = same_size && compare_blocks(a, b, &blocks);
    tap_ok(compared && blocks > 0.005, "... and by the block measure (%.3f%% of blocks far apart)",
           100 * blocks);
    if (a)
        cairo_surface_destroy(a);
    if (b)
        cairo_surface_destroy(b);
    g_free(p1);
    g_free(p2);
    tl_scene_free(s1);
    tl_scene_free(s2);
}

/* ---------------------------------------------------------------------------------------------
 * Structure of the live-text document
 * ------------------------------------------------------------------------------------------- */

static void test_structure(tl_fonts *fonts)
{
    static const char csv[] = "start,end,title,group,status\n"
                              "2019-01-10,,Launch of the first phase,India,cancelled\n"
                              "2019-03-01,2019-09-30,A span over summer,Japan,\n"
                              "2019-11-05,,Tentative meeting,India,tentative\n";
    tl_scene *scene = layout_csv(fonts, csv, "Structure", 0);
    char *path = scene ? render(scene, true, "structure.svg", NULL) : NULL;
    tap_ok(path != NULL, "structure chart renders with live text");
    if (path && test_have_program("xmllint")) {
        char *s = xpath(path, "string((//*[local-name()='g'][@class='title']"
                              "/*[local-name()='text'])[1])");
        tap_is_str(s, "Structure", "the chart title is a <text> in <g class=\"title\">");
        g_free(s);
        s = xpath(path, "count(//*[local-name()='g'][@class='event-label']"
                        "//*[local-name()='text'])");
        tap_is_str(s, "3", "three event labels as <text> in <g class=\"event-label\">");
        g_free(s);
        /* Drawn as a line where Pango puts it, since librsvg ignores text-decoration. */
        s = xpath(path, "count(//*[local-name()='g'][@class='event-label']/*[local-name()="
                        "'text'][@data-event='0']/following-sibling::*[1][local-name()='path']"
                        "[@class='strike'])");
        tap_is_str(s, "1", "the cancelled event's label is struck through by a line");
        g_free(s);
        s = xpath(path, "string(//*[local-name()='text'][@data-event='1']/*[local-name()="
                        "'tspan'][1])");
        tap_is_str(s, "A span over summer", "a label's line is a <tspan> with its text");
        g_free(s);
        s = xpath(path, "count((//*[local-name()='text'][@data-event='1'])[1]/*[local-name()="
                        "'tspan'][@x and @y])");
        tap_is_str(s, "1", "positioned at Pango's line origin (x and y)");
        g_free(s);
        s = xpath(path, "string(/*[local-name()='svg']/*[local-name()='g'][1]/@font-family)");
        tap_ok(s && g_str_has_prefix(s, "'Noto Sans', ") && g_str_has_suffix(s, ", sans-serif"),
               "the font family list is the chart's fonts then the chain (%s)", s ? s : "");
        g_free(s);
    }
    g_free(path);
    tl_scene_free(scene);
}

int main(void)
{
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new(NULL, &err);
    if (!fonts) {
        int status = tap_skip_all(err ? err->message : "Noto Sans is not available");
        tl_error_free(err);
        return status;
    }
    const char *keep = getenv("TL_TEST_SVG_KEEP");
    if (keep && *keep) {
        g_mkdir_with_parents(keep, 0777);
        outdir = g_strdup(keep);
    } else {
        outdir = g_dir_make_tmp("tl-svg-XXXXXX", NULL);
    }
    const char *src = getenv("TL_TEST_SRCDIR");
    char *samples = g_build_filename(src ? src : "tests", "..", "data", "samples", NULL);

    test_escaping();
    test_links(fonts);
    test_structure(fonts);
    test_looks_alike(fonts, samples, "india-japan-2019-2020.csv", "India–Japan relations",
                     TL_VARIANT_RIBBON);
    test_looks_alike(fonts, samples, "arabic-hebrew-printing.csv", "Arabic and Hebrew printing",
                     TL_VARIANT_RIBBON);
    test_looks_alike(fonts, samples, "india-japan-2019-2020-hi.csv", "भारत–जापान",
                     TL_VARIANT_LANES);
    test_looks_alike(fonts, samples, "india-japan-2019-2020-ja.csv", "日印関係",
                     TL_VARIANT_VERTICAL);
    test_looks_alike(fonts, samples, "project-plan.csv", "Project plan", TL_VARIANT_LANES);
    test_looks_alike(fonts, samples, "project-plan.csv", "Project plan", TL_VARIANT_VERTICAL);
    test_markup_alike(fonts);
    test_colour_glyphs(fonts);
    test_synthetic_styles();
    test_difference_detected(fonts);

    if (!(keep && *keep)) {
        char *cmd = g_strdup_printf("rm -rf '%s'", outdir);
        if (system(cmd) != 0)
            tap_diag("could not remove %s", outdir);
        g_free(cmd);
    }
    g_free(outdir);
    g_free(samples);
    tl_fonts_unref(fonts);
    return tap_done();
}
