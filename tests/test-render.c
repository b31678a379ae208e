/* Drawing: hand-built scenes drawn to PNG (size and pixel probes, every op kind), onto a
 * caller's Cairo context, and the PNG encoder's strips. test-render-formats.c has the files:
 * SVG, PDF, reproducible bytes, write errors and atomic files. Skips when Noto Sans is not
 * available. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>

#include "fonts/fonts-private.h"
#include "scene/scene.h"
#include "render/png-strips.h"
#include "render/png-writer.h"
#include "timeline/timeline-cairo.h"
#include "tap.h"
#include "test-render.h"
#include "test-util.h"

static const tl_color blue = {0, 0, 1, 1};

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

typedef struct pixels {
    cairo_surface_t *image;
    int width, height;
} pixels;

static pixels load_png(const char *path)
{
    pixels px = {.image = cairo_image_surface_create_from_png(path)};
    if (cairo_surface_status(px.image) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(px.image);
        px.width = cairo_image_surface_get_width(px.image);
        px.height = cairo_image_surface_get_height(px.image);
    }
    return px;
}

/* The pixel at (x, y) as 0xAARRGGBB (premultiplied, which for opaque pixels is the colour). */
static uint32_t pixel_at(const pixels *px, int x, int y)
{
    if (x < 0 || y < 0 || x >= px->width || y >= px->height)
        return 0;
    const unsigned char *data = cairo_image_surface_get_data(px->image);
    const int stride = cairo_image_surface_get_stride(px->image);
    return *(const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride + 4 * (size_t)x);
}

static bool is_dark(uint32_t p)
{
    return (p >> 24) > 200 && ((p >> 16) & 0xff) < 100 && ((p >> 8) & 0xff) < 100 &&
           (p & 0xff) < 100;
}

/* Dark pixels inside [x0, x1) x [y0, y1) when inside is true, else outside it. */
static int count_dark(const pixels *px, int x0, int y0, int x1, int y1, bool inside)
{
    int n = 0;
    for (int y = 0; y < px->height; y++)
        for (int x = 0; x < px->width; x++) {
            bool in = x >= x0 && x < x1 && y >= y0 && y < y1;
            if (in == inside && is_dark(pixel_at(px, x, y)))
                n++;
        }
    return n;
}

/* ---------------------------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------------------------- */

static void test_png(tl_fonts *fonts)
{
    bool ok;
    tl_scene *scene = new_scene(fonts, 300, 150);
    tl_scene_add_rect(scene, TL_ROLE_SPAN, -1, 30, 30, 60, 30, red);
    tl_text_op *text = add_text(scene, fonts, 150, 60, "Hello, world", 12);
    char *path = path_in_tmp("chart.png");
    tl_error *err = NULL;

    ok = tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, &err);
    tap_ok(ok, "PNG renders: %s", err ? err->message : "ok");
    tl_error_free(err);
    err = NULL;
    pixels px = load_png(path);
    tap_ok(px.width == 400 && px.height == 200, "300x150 pt at 96 dpi is 400x200 px (%dx%d)",
           px.width, px.height);
    tap_is_int(pixel_at(&px, 80, 60), 0xffff0000, "inside the red rect is red");
    tap_is_int(pixel_at(&px, 10, 10), 0xffffffff, "outside it is the white background");
    tap_is_int(pixel_at(&px, 399, 199), 0xffffffff, "the last pixel is background too");

    const double k = 96.0 / 72;
    const int x0 = (int)(text->x * k), y0 = (int)(text->y * k);
    const int x1 = (int)((text->x + text->w) * k) + 1, y1 = (int)((text->y + text->h) * k) + 1;
    const int inside = count_dark(&px, x0, y0, x1, y1, true);
    const int outside = count_dark(&px, x0 - 3, y0 - 3, x1 + 3, y1 + 3, false);
    tap_ok(inside > 50, "text puts dark pixels in its box (%d)", inside);
    tap_is_int(outside, 0, "and none outside it");
    cairo_surface_destroy(px.image);

    mode_t mask = umask(0);
    umask(mask);
    struct stat st = {0};
    ok = stat(path, &st) == 0;
    tap_ok(ok && (st.st_mode & 0777) == (0666 & ~mask), "the file mode is 0666 less the umask (%o)",
           (unsigned)(st.st_mode & 0777));

    tl_render_options *opts = tl_render_options_new();
    tl_render_options_set_dpi(opts, 192);
    tap_ok(tl_render_to_file(scene, TL_FORMAT_PNG, opts, path, NULL), "PNG at 192 dpi");
    px = load_png(path);
    tap_ok(px.width == 800 && px.height == 400, "is 800x400 px (%dx%d)", px.width, px.height);
    tap_is_int(pixel_at(&px, 160, 120), 0xffff0000, "the rect scales with it");
    cairo_surface_destroy(px.image);

    tl_render_options_set_dpi(opts, 72);
    tl_render_options_set_scale(opts, 2.5);
    tap_ok(tl_render_to_file(scene, TL_FORMAT_PNG, opts, path, NULL), "PNG at scale 2.5");
    px = load_png(path);
    tap_ok(px.width == 750 && px.height == 375, "is 750x375 px (%dx%d)", px.width, px.height);
    cairo_surface_destroy(px.image);

    tl_render_options_set_dpi(opts, 0);
    ok = tl_render_to_file(scene, TL_FORMAT_PNG, opts, path, &err);
    tl_render_options_free(opts);
    tap_ok(!ok && err && err->code == TL_ERROR_USAGE, "dpi 0 is a usage error: %s",
           err ? err->message : "(none)");
    tl_error_free(err);
    tl_scene_free(scene);

    /* A fractional page rounds up, and the partial last pixel is still background. */
    scene = new_scene(fonts, 100.5, 50.2);
    tap_ok(tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, NULL), "fractional page");
    px = load_png(path);
    tap_ok(px.width == 134 && px.height == 67, "rounds up to 134x67 px (%dx%d)", px.width,
           px.height);
    tap_is_int(pixel_at(&px, 133, 66), 0xffffffff, "its last pixel is opaque background");
    cairo_surface_destroy(px.image);
    tl_scene_free(scene);

    unlink(path);
    free(path);
}

/* Every op kind and style, checked by probes where the look is well defined. */
static void test_ops(tl_fonts *fonts)
{
    bool ok;
    tl_scene *scene = new_scene(fonts, 240, 120);
    tl_stroke axis = {.color = ink, .width = 2, .dash = TL_DASH_SOLID};
    tl_scene_add_line(scene, TL_ROLE_AXIS, -1, 0, 60, 240, 60, axis);
    tl_stroke dashed = {.color = blue, .width = 1, .dash = TL_DASH_DASHED};
    tl_stroke dotted = {.color = blue, .width = 1, .dash = TL_DASH_DOTTED};
    tl_scene_add_line(scene, TL_ROLE_TICK, -1, 10, 100, 230, 100, dashed);
    tl_scene_add_line(scene, TL_ROLE_TICK, -1, 10, 110, 230, 110, dotted);
    tl_rect_op *rect = tl_scene_add_rect(scene, TL_ROLE_ERA, -1, 10, 5, 60, 30, blue);
    rect->radius = 6;
    rect->stroke = (tl_stroke){.color = ink, .width = 1, .dash = TL_DASH_DASHED};

    const tl_marker_fill modes[] = {TL_MARKER_FILLED, TL_MARKER_HOLLOW, TL_MARKER_HALF};
    const tl_marker_shape shapes[] = {TL_MARKER_CIRCLE, TL_MARKER_DIAMOND, TL_MARKER_SQUARE};
    for (int i = 0; i < 3; i++) {
        tl_op *op = tl_scene_push(scene, TL_OP_MARKER, TL_ROLE_EVENT_MARK, -1);
        op->u.marker = (tl_marker_op){
            .cx = 120 + 40 * i,
            .cy = 60,
            .radius = 9,
            .shape = shapes[i],
            .fill_mode = modes[i],
            .cross = i == 1,
            .fill = red,
            .stroke = {.color = red, .width = 1.5},
        };
    }
    tl_text_op *t = add_text(scene, fonts, 100, 5, "Cancelled <b>&amp;</b>", 10);
    t->strike = true;

    char *path = path_in_tmp("ops.png");
    tl_error *err = NULL;
    tl_render_options *opts = tl_render_options_new();
    tl_render_options_set_dpi(opts, 72); /* one pixel per point: probes at scene coordinates */
    ok = tl_render_to_file(scene, TL_FORMAT_PNG, opts, path, &err);
    tl_render_options_free(opts);
    tap_ok(ok, "every op kind draws: %s", err ? err->message : "ok");
    tl_error_free(err);
    pixels px = load_png(path);
    tap_is_int(pixel_at(&px, 40, 20), 0xff0000ff, "rounded rect filled");
    tap_is_int(pixel_at(&px, 10, 5), 0xffffffff, "its rounded corner is background");
    tap_is_int(pixel_at(&px, 120, 60), 0xffff0000, "filled circle");
    tap_is_int(pixel_at(&px, 157, 60), 0xffffffff,
               "hollow diamond hides the axis under it (cross aside)");
    tap_is_int(pixel_at(&px, 196, 56), 0xffff0000, "half marker: left half filled");
    tap_is_int(pixel_at(&px, 204, 56), 0xffffffff, "right half background");
    tap_ok(is_dark(pixel_at(&px, 5, 60)), "the axis is drawn");
    cairo_surface_destroy(px.image);

    for (int f = 0; f < 3; f++) {
        const tl_format formats[] = {TL_FORMAT_SVG, TL_FORMAT_PDF, TL_FORMAT_JSON};
        err = NULL;
        ok = tl_render_to_file(scene, formats[f], NULL, path, &err);
        tap_ok(ok, "format %d draws: %s", (int)formats[f], err ? err->message : "ok");
        tl_error_free(err);
    }
    size_t len = 0;
    char *json = test_read_file(path, &len);
    tap_ok(json && len > 0 && json[0] == '{', "JSON output is the scene dump");
    free(json);
    unlink(path);
    free(path);
    tl_scene_free(scene);
}

static void test_cairo(tl_fonts *fonts)
{
    bool ok;
    tl_scene *scene = new_scene(fonts, 100, 50);
    tl_scene_add_rect(scene, TL_ROLE_SPAN, -1, 10, 10, 20, 20, red);
    add_text(scene, fonts, 40, 10, "Hi", 10);

    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, 2, 2);
    cairo_set_line_width(cr, 7);
    cairo_move_to(cr, 1, 2);
    tl_error *err = NULL;
    ok = tl_render_to_cairo(scene, cr, &err);
    tap_ok(ok, "draws on a caller's context: %s", err ? err->message : "ok");
    tl_error_free(err);
    double x = 0, y = 0;
    cairo_get_current_point(cr, &x, &y);
    tap_ok(cairo_has_current_point(cr) && x == 1 && y == 2, "keeps the caller's path");
    tap_ok(cairo_get_line_width(cr) == 7, "and its state");
    cairo_surface_flush(surface);
    pixels px = {.image = surface, .width = 200, .height = 100};
    tap_is_int(pixel_at(&px, 40, 40), 0xffff0000, "at the caller's transformation");
    cairo_destroy(cr);
    cairo_surface_destroy(surface);

    /* A context already in an error state. */
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
    cr = cairo_create(surface);
    cairo_restore(cr); /* unbalanced: CAIRO_STATUS_INVALID_RESTORE */
    err = NULL;
    ok = tl_render_to_cairo(scene, cr, &err);
    tap_ok(!ok && err && err->code == TL_ERROR_INTERNAL,
           "a context in an error state is reported: %s", err ? err->message : "(none)");
    tl_error_free(err);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    tl_scene_free(scene);
}

/* ---------------------------------------------------------------------------------------------
 * The PNG encoder
 * ------------------------------------------------------------------------------------------- */

typedef struct membuf {
    unsigned char *data;
    size_t len, pos;
} membuf;

static cairo_status_t to_mem(void *closure, const unsigned char *data, unsigned int len)
{
    membuf *m = closure;
    unsigned char *grown = realloc(m->data, m->len + len);
    if (!grown)
        return CAIRO_STATUS_NO_MEMORY;
    memcpy(grown + m->len, data, len);
    m->data = grown;
    m->len += len;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t from_mem(void *closure, unsigned char *data, unsigned int len)
{
    membuf *m = closure;
    if (m->len - m->pos < len)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, m->data + m->pos, len);
    m->pos += len;
    return CAIRO_STATUS_SUCCESS;
}

/* Bars, flat areas and noise, premultiplied; some pixels translucent when `alpha`. */
static cairo_surface_t *test_image(int width, int height, bool alpha)
{
    cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    unsigned char *data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    uint32_t seed = 12345;
    for (int y = 0; y < height; y++) {
        uint32_t *row = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t a = 255, r = 255, g = 255, b = 255;
            if ((y / 40) % 3 == 1) {
                r = (uint32_t)x * 255u / (uint32_t)width;
                g = 90;
                b = (uint32_t)y & 0xff;
            } else if (x % 97 < 3 || (seed >> 24) < 8) {
                r = (seed >> 8) & 0xff;
                g = (seed >> 16) & 0xff;
                b = 20;
            }
            if (alpha && (y / 25) % 2 == 1)
                a = (uint32_t)(x + y) % 256;
            row[x] = a << 24 | (r * a / 255) << 16 | (g * a / 255) << 8 | (b * a / 255);
        }
    }
    cairo_surface_mark_dirty(image);
    return image;
}

/* Largest difference of any channel between two images of the same size. */
static int max_channel_diff(cairo_surface_t *a, cairo_surface_t *b)
{
    const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b))
        return 256;
    int worst = 0;
    for (int y = 0; y < h; y++) {
        const uint32_t *ra =
            (const uint32_t *)(const void *)(cairo_image_surface_get_data(a) +
                                             (size_t)y * (size_t)cairo_image_surface_get_stride(a));
        const uint32_t *rb =
            (const uint32_t *)(const void *)(cairo_image_surface_get_data(b) +
                                             (size_t)y * (size_t)cairo_image_surface_get_stride(b));
        for (int x = 0; x < w; x++)
            for (int shift = 0; shift < 32; shift += 8) {
                const int d = abs((int)((ra[x] >> shift) & 0xff) - (int)((rb[x] >> shift) & 0xff));
                worst = d > worst ? d : worst;
            }
    }
    return worst;
}

static void test_png_encoder(void)
{
    /* 700 RGB pixels a row: 124 rows a strip, so 900 rows make 8 strips. */
    for (int alpha = 0; alpha <= 1; alpha++) {
        cairo_surface_t *image = test_image(700, 900, alpha);
        membuf m = {0};
        const cairo_status_t written = tl_png_write(image, 150, false, to_mem, &m);
        tap_ok(written == CAIRO_STATUS_SUCCESS, "%s image encodes (%zu bytes)",
               alpha ? "translucent" : "opaque", m.len);
        cairo_surface_t *back = cairo_image_surface_create_from_png_stream(from_mem, &m);
        tap_ok(cairo_surface_status(back) == CAIRO_STATUS_SUCCESS, "and decodes with libpng");
        const int diff = max_channel_diff(image, back);
        /* Straight alpha and back loses at most one step a channel; opaque pixels, none. */
        tap_ok(alpha ? diff <= 1 : diff == 0, "decoded pixels are the drawn ones (off by %d)",
               diff);
        tap_ok(m.len > 33 && m.data[25] == (alpha ? 6 : 2), "colour type %d",
               m.len > 33 ? m.data[25] : -1);
        cairo_surface_destroy(back);
        free(m.data);

        /* The same bytes on one thread as on many. */
        const tl_png_pixels px = {.data = cairo_image_surface_get_data(image),
                                  .width = 700,
                                  .height = 900,
                                  .stride = cairo_image_surface_get_stride(image),
                                  .alpha = alpha};
        tl_png_stream one, many;
        const bool ok1 = tl_png_strips_compress(&px, 1, &one);
        const bool ok2 = tl_png_strips_compress(&px, 5, &many);
        bool same = ok1 && ok2 && one.count == many.count;
        for (size_t i = 0; same && i < one.count; i++)
            same = one.strips[i].len == many.strips[i].len &&
                   memcmp(one.strips[i].data, many.strips[i].data, one.strips[i].len) == 0;
        tap_ok(same && one.count > 4, "%zu strips, byte for byte the same on 1 and 5 threads",
               one.count);
        tl_png_stream_free(&one);
        tl_png_stream_free(&many);
        cairo_surface_destroy(image);
    }

    /* One row, and one column: a strip each way round. */
    const int sizes[][2] = {{1, 1}, {1, 300}, {3000, 1}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        cairo_surface_t *image = test_image(sizes[i][0], sizes[i][1], false);
        membuf m = {0};
        const cairo_status_t st = tl_png_write(image, 96, false, to_mem, &m);
        cairo_surface_t *back = cairo_image_surface_create_from_png_stream(from_mem, &m);
        tap_ok(st == CAIRO_STATUS_SUCCESS && cairo_surface_status(back) == CAIRO_STATUS_SUCCESS &&
                   max_channel_diff(image, back) == 0,
               "%dx%d image round-trips", sizes[i][0], sizes[i][1]);
        cairo_surface_destroy(back);
        cairo_surface_destroy(image);
        free(m.data);
    }
}

int main(void)
{
    int status = 0;
    tl_fonts *fonts = render_test_setup("tl-render", &status);
    if (!fonts)
        return status;

    test_png(fonts);
    test_png_encoder();
    test_ops(fonts);
    test_cairo(fonts);

    if (rmdir(tmpdir) != 0)
        tap_diag("left files in %s", tmpdir);
    tl_fonts_unref(fonts);
    return tap_done();
}
