/* Files and formats: format names and extensions, SVG and PDF (magic bytes, metadata,
 * external validators when installed), reproducible bytes, rendering to memory, write errors,
 * and atomic files.
 * test-render.c has the drawing itself. Skips when Noto Sans is not available. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>

#include "fonts/fonts-private.h"
#include "scene/scene.h"
#include "tap.h"
#include "test-render.h"
#include "test-util.h"

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

static bool same_files(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    char *da = test_read_file(a, &na), *db = test_read_file(b, &nb);
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
    char *svg = test_read_file(path, &len);
    tap_ok(svg && strncmp(svg, "<?xml", 5) == 0, "starts with <?xml");
    tap_ok(svg && strstr(svg, "<svg"), "has an <svg> element");
    tap_ok(svg && strstr(svg, "width=\"300pt\"") && strstr(svg, "height=\"150pt\""),
           "sized in points");
    free(svg);

    if (test_have_program("rsvg-convert")) {
        char cmd[1024];
        /* To stdout: rsvg-convert -o refuses anything but a regular file. */
        snprintf(cmd, sizeof cmd, "rsvg-convert '%s' >/dev/null 2>&1", path);
        tap_ok(system(cmd) == 0, "rsvg-convert reads it");
    } else {
        tap_diag("rsvg-convert not found; SVG validity not checked");
    }

    if (test_have_program("xmllint")) {
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
    char *sa = test_read_file(again, &la);
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
    char *pdf = test_read_file(path, &len);
    tap_ok(pdf && strncmp(pdf, "%PDF-", 5) == 0, "starts with %%PDF-");
    free(pdf);

    if (test_have_program("pdfinfo")) {
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

/* tl_render_to_memory(): the bytes a file gets, in every format; nothing on failure. */
static void test_memory(tl_fonts *fonts)
{
    tl_scene *scene = new_scene(fonts, 300, 150);
    tl_scene_add_rect(scene, TL_ROLE_SPAN, -1, 30, 30, 60, 30, red);
    add_text(scene, fonts, 100, 60, "In memory", 12);
    char *path = path_in_tmp("memory.out");
    const tl_format formats[] = {TL_FORMAT_SVG,  TL_FORMAT_PNG, TL_FORMAT_PDF,
                                 TL_FORMAT_JSON, TL_FORMAT_PS,  TL_FORMAT_EPS};
    const char *names[] = {"SVG", "PNG", "PDF", "JSON", "PostScript", "EPS"};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        unsigned char *data = NULL;
        size_t len = 0;
        tl_error *err = NULL;
        const bool ok = tl_render_to_memory(scene, formats[i], NULL, &data, &len, &err);
        const bool written = tl_render_to_file(scene, formats[i], NULL, path, NULL);
        size_t flen = 0;
        char *file = written ? test_read_file(path, &flen) : NULL;
        tap_ok(ok && data && len > 0 && file && flen == len && memcmp(file, data, len) == 0,
               "%s in memory: the %zu bytes of the file", names[i], len);
        if (err)
            tap_diag("%s", err->message);
        tl_error_free(err);
        free(file);
        tl_free(data);
    }
    unlink(path);
    free(path);
    tl_scene_free(scene);

    /* A canvas too large to draw: an error, and no bytes. */
    tl_scene *huge = new_scene(fonts, 300, 150);
    huge->width = 1e9;
    unsigned char *data = (unsigned char *)"not touched";
    size_t len = 7;
    tl_error *err = NULL;
    const bool ok = tl_render_to_memory(huge, TL_FORMAT_PNG, NULL, &data, &len, &err);
    tap_ok(!ok && data == NULL && len == 0 && err && err->code == TL_ERROR_USAGE,
           "an impossible size in memory: %s, no bytes", err ? err->message : "no error");
    tl_error_free(err);
    tl_scene_free(huge);
    tl_free(NULL); /* a no-op, as every _free of the library */
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
    test_write_file(path, "the old chart", strlen("the old chart"));
    scene = new_scene(fonts, 30000, 10);
    err = NULL;
    ok = tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, &err);
    tap_ok(!ok && err && err->code == TL_ERROR_USAGE, "a PNG over 32767 px is refused: %s",
           err ? err->message : "(none)");
    tap_ok(err && strstr(err->message, "40000x14"), "the message says the size");
    tl_error_free(err);
    size_t len = 0;
    char *kept = test_read_file(path, &len);
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
    kept = test_read_file(path, &len);
    tap_ok(kept && strcmp(kept, "the old chart") == 0, "which stays as it was");
    free(kept);
    tl_scene_free(scene);

    /* And a good render replaces it. */
    scene = new_scene(fonts, 30, 10);
    tap_ok(tl_render_to_file(scene, TL_FORMAT_PNG, NULL, path, NULL), "a good render");
    kept = test_read_file(path, &len);
    tap_ok(kept && len > 8 && memcmp(kept, "\x89PNG", 4) == 0, "replaces the file");
    free(kept);
    tap_is_int(count_entries(tmpdir), before + 1, "under its own name only");
    unlink(path);
    free(path);
    tl_scene_free(scene);
}

int main(void)
{
    int status = 0;
    tl_fonts *fonts = render_test_setup("tl-render-formats", &status);
    if (!fonts)
        return status;

    test_lookups();
    test_svg(fonts);
    test_pdf(fonts);
    test_reproducible(fonts);
    test_memory(fonts);
    test_write_errors(fonts);

    if (rmdir(tmpdir) != 0)
        tap_diag("left files in %s", tmpdir);
    tl_fonts_unref(fonts);
    return tap_done();
}
