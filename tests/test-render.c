/* Rendering: hand-built scenes drawn to PNG (size and pixel probes), SVG and PDF (magic bytes,
 * external validators when installed), reproducible bytes, write errors, and atomic files.
 * Skips (77) when Noto Sans is not installed. */
#include <dirent.h>
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

static const tl_color white = {1, 1, 1, 1};
static const tl_color red = {1, 0, 0, 1};
static const tl_color blue = {0, 0, 1, 1};
static const tl_color ink = {0.1, 0.1, 0.1, 1};

static char tmpdir[256];

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

static char *path_in_tmp(const char *name)
{
    size_t n = strlen(tmpdir) + strlen(name) + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", tmpdir, name);
    return path;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    char *data = malloc(cap + 1);
    size_t got;
    while ((got = fread(data + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap)
            data = realloc(data, (cap *= 2) + 1);
    }
    fclose(fp);
    data[n] = '\0';
    *len = n;
    return data;
}

static bool write_all(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return false;
    bool ok = fputs(text, fp) >= 0;
    return fclose(fp) == 0 && ok;
}

static bool same_files(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    char *da = read_all(a, &na), *db = read_all(b, &nb);
    bool same = da && db && na == nb && memcmp(da, db, na) == 0;
    free(da);
    free(db);
    return same;
}

/* Entries in tmpdir other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static bool have_program(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/* Runs `cmd` through the shell and returns its standard output (NULL when it fails). */
static char *run_capture(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 4096, n = 0;
    char *out = malloc(cap + 1);
    size_t got;
    while ((got = fread(out + n, 1, cap - n, p)) > 0) {
        n += got;
        if (n == cap)
            out = realloc(out, (cap *= 2) + 1);
    }
    out[n] = '\0';
    if (pclose(p) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

static tl_scene *new_scene(tl_fonts *fonts, double width, double height)
{
    tl_scene *scene = tl_scene_new(width, height);
    scene->background = white;
    tl_scene_set_fonts(scene, tl_fonts_ref(fonts), tl_fonts_unref);
    return scene;
}

static tl_text_op *add_text(tl_scene *scene, tl_fonts *fonts, double x, double y, const char *text,
                            double size)
{
    const tl_text_measurer m = tl_fonts_measurer(fonts);
    const tl_font font = {.size = size, .weight = 400};
    const tl_text_shape shape = {0};
    tl_text_extents ext = {0};
    m.measure(m.user, &font, &shape, text, &ext);
    return tl_scene_add_text(scene, TL_ROLE_EVENT_LABEL, -1, x, y, text, &font, &shape, &ext, ink);
}

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

static void test_lookups(void)
{
    tl_format f = TL_FORMAT_JSON;
    tap_ok(tl_format_from_name("svg", &f) && f == TL_FORMAT_SVG, "name svg");
    tap_ok(tl_format_from_name("PNG", &f) && f == TL_FORMAT_PNG, "name PNG (any case)");
    tap_ok(tl_format_from_name("Pdf", &f) && f == TL_FORMAT_PDF, "name Pdf");
    tap_ok(tl_format_from_name("json", &f) && f == TL_FORMAT_JSON, "name json");
    tap_ok(!tl_format_from_name("jpeg", &f) && !tl_format_from_name("", &f) &&
               !tl_format_from_name(NULL, &f),
           "unknown names");
    tap_ok(tl_format_from_filename("out/chart.PNG", &f) && f == TL_FORMAT_PNG, "file .PNG");
    tap_ok(tl_format_from_filename("chart.svg", &f) && f == TL_FORMAT_SVG, "file .svg");
    tap_ok(tl_format_from_filename("a.b/chart.pdf", &f) && f == TL_FORMAT_PDF, "file .pdf");
    tap_ok(tl_format_from_filename("scene.json", &f) && f == TL_FORMAT_JSON, "file .json");
    tap_ok(!tl_format_from_filename("dir.png/chart", &f) && !tl_format_from_filename(".png", &f) &&
               !tl_format_from_filename("chart.", &f) &&
               !tl_format_from_filename("chart.tar.gz", &f) &&
               !tl_format_from_filename("chart", &f),
           "names without a known extension");

    tl_render_options *opts = tl_render_options_new();
    tap_ok(tl_render_options_get_dpi(opts) == 96 && tl_render_options_get_scale(opts) == 1,
           "default options: 96 dpi, scale 1");
    tl_render_options_free(opts);
}

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
    char *json = read_all(path, &len);
    tap_ok(json && len > 0 && json[0] == '{', "JSON output is the scene dump");
    free(json);
    unlink(path);
    free(path);
    tl_scene_free(scene);
}

static void test_svg(tl_fonts *fonts)
{
    bool ok;
    tl_scene *scene = new_scene(fonts, 300, 150);
    tl_scene_add_rect(scene, TL_ROLE_SPAN, -1, 30, 30, 60, 30, red);
    add_text(scene, fonts, 100, 60, "a < b & \"c\"", 12);
    char *path = path_in_tmp("chart.svg");
    tl_error *err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_SVG, NULL, path, &err);
    tap_ok(ok, "SVG renders: %s", err ? err->message : "ok");
    tl_error_free(err);
    size_t len = 0;
    char *svg = read_all(path, &len);
    tap_ok(svg && strncmp(svg, "<?xml", 5) == 0, "starts with <?xml");
    tap_ok(svg && strstr(svg, "<svg"), "has an <svg> element");
    tap_ok(svg && strstr(svg, "width=\"300pt\"") && strstr(svg, "height=\"150pt\""),
           "sized in points");
    free(svg);

    if (have_program("rsvg-convert")) {
        char cmd[1024];
        /* To stdout: rsvg-convert -o refuses anything but a regular file. */
        snprintf(cmd, sizeof cmd, "rsvg-convert '%s' >/dev/null 2>&1", path);
        tap_ok(system(cmd) == 0, "rsvg-convert reads it");
    } else {
        tap_diag("rsvg-convert not found; SVG validity not checked");
    }

    if (have_program("xmllint")) {
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "xmllint --noout '%s' 2>&1", path);
        tap_ok(system(cmd) == 0, "xmllint accepts it");
    }

    /* Nothing in the document depends on what the process drew before (Cairo's SVG surface
     * numbered its ids from a process-wide counter). */
    char *again = path_in_tmp("again.svg");
    cairo_surface_destroy(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    tl_render_to_file(scene, TL_FORMAT_SVG, NULL, again, NULL);
    tap_ok(same_files(path, again), "two SVG renders in one process are byte-identical");
    size_t la = 0;
    char *sa = read_all(again, &la);
    tap_ok(sa && strstr(sa, "<path id=\"g1\" d=\"M") && strstr(sa, "<use xlink:href=\"#g2\"") &&
               !strstr(sa, "\"g0\"") && !strstr(sa, "<text"),
           "glyphs are outlines defined once, numbered from 1 in order of use");
    free(sa);
    unlink(again);
    free(again);
    unlink(path);
    free(path);
    tl_scene_free(scene);
}

static void test_pdf(tl_fonts *fonts)
{
    bool ok;
    tl_scene *scene = new_scene(fonts, 300, 150);
    scene->title = tl_scene_strdup(scene, "History <of> things");
    tl_scene_add_rect(scene, TL_ROLE_SPAN, -1, 30, 30, 60, 30, red);
    add_text(scene, fonts, 100, 60, "Hello", 12);
    char *path = path_in_tmp("chart.pdf");
    tl_error *err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_PDF, NULL, path, &err);
    tap_ok(ok, "PDF renders: %s", err ? err->message : "ok");
    tl_error_free(err);
    size_t len = 0;
    char *pdf = read_all(path, &len);
    tap_ok(pdf && strncmp(pdf, "%PDF-", 5) == 0, "starts with %%PDF-");
    free(pdf);

    if (have_program("pdfinfo")) {
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", path);
        char *info = run_capture(cmd);
        tap_ok(info != NULL, "pdfinfo reads it");
        tap_ok(info && strstr(info, "300 x 150 pts"), "page size 300 x 150 pts");
        tap_ok(info && strstr(info, "History <of> things"), "title in the metadata");
        tap_ok(info && strstr(info, "timeline " TL_VERSION_STRING), "creator in the metadata");
        /* SOURCE_DATE_EPOCH=1600000000 is 2020-09-13T12:26:40Z. */
        tap_ok(info && strstr(info, "2020") && strstr(info, "12:26:40"),
               "creation date from SOURCE_DATE_EPOCH");
        if (info && !strstr(info, "12:26:40"))
            tap_diag("%s", info);
        tap_ok(info && !strstr(info, "Author:") && !strstr(info, "ModDate:"),
               "no author by default, no modification date");
        tap_ok(info && !strstr(info, "Subject:") && !strstr(info, "Keywords:"),
               "no PDF metadata by default");
        free(info);

        tl_render_options *opts = tl_render_options_new();
        tl_render_options_set_pdf_author(opts, "Ada Lovelace");
        tl_render_options_set_pdf_subject(opts, "Printing in Arabic and Hebrew");
        tl_render_options_set_pdf_keywords(opts, "طباعة, דפוס, printing");
        tap_ok(tl_render_to_file(scene, TL_FORMAT_PDF, opts, path, NULL), "PDF with metadata");
        info = run_capture(cmd);
        tap_ok(info && strstr(info, "Author:          Ada Lovelace"), "author");
        tap_ok(info && strstr(info, "Subject:         Printing in Arabic and Hebrew"), "subject");
        tap_ok(info && strstr(info, "Keywords:        طباعة, דפוס, printing"),
               "keywords, UTF-8 kept");
        free(info);

        tl_render_options_set_pdf_author(opts, "bad \xff byte");
        err = NULL;
        ok = tl_render_to_file(scene, TL_FORMAT_PDF, opts, path, &err);
        tl_render_options_free(opts);
        tap_ok(!ok && err && err->code == TL_ERROR_USAGE && strstr(err->message, "author"),
               "metadata that is not UTF-8 is refused: %s", err ? err->message : "(accepted)");
        tl_error_free(err);
    } else {
        tap_diag("pdfinfo not found; PDF validity not checked");
    }
    unlink(path);
    free(path);
    tl_scene_free(scene);
}

static void test_reproducible(tl_fonts *fonts)
{
    tl_scene *scene = new_scene(fonts, 300, 150);
    scene->title = tl_scene_strdup(scene, "Reproducible");
    tl_scene_add_rect(scene, TL_ROLE_SPAN, -1, 30, 30, 60, 30, red);
    add_text(scene, fonts, 100, 60, "Same bytes, every time", 12);
    char *a = path_in_tmp("a.out"), *b = path_in_tmp("b.out");

    setenv("SOURCE_DATE_EPOCH", "1600000000", 1);
    const tl_format formats[] = {TL_FORMAT_PDF, TL_FORMAT_PNG, TL_FORMAT_SVG};
    const char *names[] = {"PDF", "PNG", "SVG"};
    for (int i = 0; i < 3; i++) {
        bool ok = tl_render_to_file(scene, formats[i], NULL, a, NULL);
        ok = tl_render_to_file(scene, formats[i], NULL, b, NULL) && ok;
        tap_ok(ok && same_files(a, b), "%s: two renders are byte-identical", names[i]);
    }

    /* A different date gives a different file, so the date really comes from the variable. */
    tl_render_to_file(scene, TL_FORMAT_PDF, NULL, a, NULL);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    tl_render_to_file(scene, TL_FORMAT_PDF, NULL, b, NULL);
    tap_ok(!same_files(a, b), "PDF: SOURCE_DATE_EPOCH changes the date");
    setenv("SOURCE_DATE_EPOCH", "not a number", 1);
    tl_render_to_file(scene, TL_FORMAT_PDF, NULL, a, NULL);
    unsetenv("SOURCE_DATE_EPOCH");
    tl_render_to_file(scene, TL_FORMAT_PDF, NULL, b, NULL);
    tap_ok(same_files(a, b), "PDF: an invalid SOURCE_DATE_EPOCH is the same as none");
    setenv("SOURCE_DATE_EPOCH", "1600000000", 1);

    unlink(a);
    unlink(b);
    free(a);
    free(b);
    tl_scene_free(scene);
}

static void test_write_errors(tl_fonts *fonts)
{
    bool ok;
    tl_scene *scene = new_scene(fonts, 300, 150);
    add_text(scene, fonts, 100, 60, "Hello", 12);

    FILE *full = fopen("/dev/full", "wb");
    if (full) {
        const tl_format formats[] = {TL_FORMAT_SVG, TL_FORMAT_PNG, TL_FORMAT_PDF, TL_FORMAT_JSON};
        for (int i = 0; i < 4; i++) {
            tl_error *err = NULL;
            clearerr(full);
            ok = tl_render_to_stream(scene, formats[i], NULL, full, &err);
            tap_ok(!ok && err && err->code == TL_ERROR_IO, "/dev/full, format %d: %s",
                   (int)formats[i], err ? err->message : "(no error)");
            tl_error_free(err);
        }
        fclose(full);
    } else {
        tap_diag("no /dev/full; write errors not checked");
    }

    /* Into a folder that does not exist: nothing is created. */
    const int before = count_entries(tmpdir);
    char *path = path_in_tmp("missing/chart.png");
    tl_error *err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, &err);
    tap_ok(!ok && err && err->code == TL_ERROR_CANTCREAT, "a missing folder is TL_ERROR_CANTCREAT");
    tap_ok(err && strstr(err->message, path) && strstr(err->message, "No such file"), "message: %s",
           err ? err->message : "(none)");
    tl_error_free(err);
    tap_is_int(count_entries(tmpdir), before, "and nothing was created");
    free(path);

    /* Onto a directory: the temporary file is made, then cannot take the name. */
    path = path_in_tmp("adir");
    mkdir(path, 0777);
    err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_SVG, NULL, path, &err);
    tap_ok(!ok && err && err->code == TL_ERROR_CANTCREAT, "onto a directory: %s",
           err ? err->message : "(none)");
    tl_error_free(err);
    tap_is_int(count_entries(path), 0, "leaves no temporary file inside");
    tap_is_int(count_entries(tmpdir), before + 1, "nor beside it");
    rmdir(path);
    free(path);
    tl_scene_free(scene);

    /* A render that fails over an existing file leaves it as it was. */
    path = path_in_tmp("keep.png");
    write_all(path, "the old chart");
    scene = new_scene(fonts, 30000, 10);
    err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, &err);
    tap_ok(!ok && err && err->code == TL_ERROR_USAGE, "a PNG over 32767 px is refused: %s",
           err ? err->message : "(none)");
    tap_ok(err && strstr(err->message, "40000x14"), "the message says the size");
    tl_error_free(err);
    size_t len = 0;
    char *kept = read_all(path, &len);
    tap_ok(kept && strcmp(kept, "the old chart") == 0, "the existing file is untouched");
    free(kept);
    tap_is_int(count_entries(tmpdir), before + 1, "and no temporary file is left");
    tl_scene_free(scene);

    /* A scene that cannot be drawn writes nothing, even to a stream. */
    scene = tl_scene_new(100, 100);
    tl_text_extents ext = {.width = 10, .height = 10};
    tl_font font = {.size = 10};
    tl_text_shape shape = {0};
    tl_scene_add_text(scene, TL_ROLE_TITLE, -1, 0, 0, "no fonts", &font, &shape, &ext, ink);
    FILE *fp = tmpfile();
    const tl_format formats[] = {TL_FORMAT_SVG, TL_FORMAT_PNG, TL_FORMAT_PDF};
    for (int i = 0; i < 3; i++) {
        err = NULL;
        ok = tl_render_to_stream(scene, formats[i], NULL, fp, &err);
        tap_ok(!ok && err && err->code == TL_ERROR_INTERNAL, "text without fonts, format %d: %s",
               (int)formats[i], err ? err->message : "(none)");
        tl_error_free(err);
    }
    tap_ok(fp && ftell(fp) == 0, "writes nothing to the stream");
    if (fp)
        fclose(fp);
    err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_PDF, NULL, path, &err);
    tap_ok(!ok, "nor over a file");
    tl_error_free(err);
    kept = read_all(path, &len);
    tap_ok(kept && strcmp(kept, "the old chart") == 0, "which stays as it was");
    free(kept);
    tl_scene_free(scene);

    /* And a good render replaces it. */
    scene = new_scene(fonts, 30, 10);
    tap_ok(tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, NULL), "a good render");
    kept = read_all(path, &len);
    tap_ok(kept && len > 8 && memcmp(kept, "\x89PNG", 4) == 0, "replaces the file");
    free(kept);
    tap_is_int(count_entries(tmpdir), before + 1, "under its own name only");
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
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new("Noto Sans", &err);
    if (!fonts) {
        int status = tap_skip_all(err ? err->message : "Noto Sans is not available");
        tl_error_free(err);
        return status;
    }
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/tl-render-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpdir)) {
        printf("Bail out! cannot create a temporary folder: %s\n", strerror(errno));
        return 1;
    }
    setenv("SOURCE_DATE_EPOCH", "1600000000", 1);

    test_lookups();
    test_png(fonts);
    test_png_encoder();
    test_ops(fonts);
    test_svg(fonts);
    test_pdf(fonts);
    test_reproducible(fonts);
    test_write_errors(fonts);
    test_cairo(fonts);

    if (rmdir(tmpdir) != 0)
        tap_diag("left files in %s", tmpdir);
    tl_fonts_unref(fonts);
    return tap_done();
}
