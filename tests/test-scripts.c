/* Every sample in data/samples through the whole library with the default (private) fonts:
 * no text without glyphs (the Hindi, Japanese and Arabic/Hebrew samples included), and the
 * same bytes when SVG, PNG and PDF are rendered twice in one process. Then the warnings text
 * produces: characters no font has (once per script, naming the text and its line), invalid
 * markup; and the label width option. Skips when Noto Sans is not available. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts/fonts-private.h"
#include "scene/scene.h"
#include "tap.h"
#include "test-util.h"

/* The rendered bytes of `scene` in `format` (the caller frees them); NULL on failure. */
static char *render(const tl_scene *scene, tl_format format, size_t *len)
{
    char *data = NULL;
    FILE *fp = open_memstream(&data, len);
    if (!fp)
        return NULL;
    tl_error *err = NULL;
    const bool ok = tl_render_to_stream(scene, format, NULL, fp, &err);
    if (!ok)
        tap_diag("render failed: %s", err ? err->message : "?");
    tl_error_free(err);
    fclose(fp);
    if (!ok) {
        free(data);
        return NULL;
    }
    return data;
}

static size_t count_warnings(const tl_scene *scene, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < tl_scene_get_warning_count(scene); i++)
        if (strstr(tl_scene_get_warning(scene, i), needle))
            n++;
    return n;
}

static void test_sample(tl_fonts *fonts, const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(path, NULL, NULL, &err);
    tl_layout_options *opts = tl_layout_options_new();
    tl_scene *scene = tl ? tl_layout(tl, opts, fonts, &err) : NULL;
    tap_ok(scene != NULL, "%s lays out: %s", name, err ? err->message : "ok");
    tl_error_free(err);
    if (!scene)
        goto done;

    tap_is_int((long long)count_warnings(scene, "no font has glyphs"), 0,
               "%s: no warning about missing glyphs", name);
    /* Measured again, text by text: every character has a glyph in the private set. */
    const tl_text_measurer m = tl_fonts_measurer(fonts);
    size_t texts = 0, missing = 0;
    for (size_t i = 0; i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->kind != TL_OP_TEXT)
            continue;
        tl_text_extents ext;
        texts++;
        if (m.measure(m.user, &op->u.text.font, &op->u.text.shape, op->u.text.text, &ext) &&
            ext.missing_glyphs > 0) {
            missing++;
            tap_diag("%s: \"%s\" (%s) has no glyphs", name, ext.missing_text, ext.missing_script);
        }
    }
    tap_ok(texts > 0 && missing == 0, "%s: all %zu texts have every glyph", name, texts);

    const tl_format formats[] = {TL_FORMAT_SVG, TL_FORMAT_PNG, TL_FORMAT_PDF};
    const char *format_names[] = {"SVG", "PNG", "PDF"};
    for (size_t f = 0; f < 3; f++) {
        size_t la = 0, lb = 0;
        char *a = render(scene, formats[f], &la);
        char *b = render(scene, formats[f], &lb);
        tap_ok(a && b && la > 0 && la == lb && memcmp(a, b, la) == 0,
               "%s: %s rendered twice in one process is byte-identical (%zu bytes)", name,
               format_names[f], la);
        free(a);
        free(b);
    }
done:
    tl_scene_free(scene);
    tl_layout_options_free(opts);
    tl_timeline_free(tl);
    g_free(path);
}

static void test_samples(tl_fonts *fonts, const char *dir)
{
    DIR *d = opendir(dir);
    tap_ok(d != NULL, "the samples folder %s", dir);
    if (!d)
        return;
    char *names[64];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 64;)
        if (g_str_has_suffix(e->d_name, ".csv"))
            names[n++] = g_strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, test_cmp_str);
    const char *required[] = {"india-japan-2019-2020-ja.csv", "india-japan-2019-2020-hi.csv",
                              "arabic-hebrew-printing.csv"};
    for (size_t r = 0; r < 3; r++) {
        bool found = false;
        for (size_t i = 0; i < n; i++)
            found = found || strcmp(names[i], required[r]) == 0;
        tap_ok(found, "sample %s exists", required[r]);
    }
    for (size_t i = 0; i < n; i++) {
        test_sample(fonts, dir, names[i]);
        g_free(names[i]);
    }
}

static tl_scene *layout_text(tl_fonts *fonts, const char *csv, const tl_layout_options *opts)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "t.csv", NULL, &err);
    tl_scene *scene = tl ? tl_layout(tl, opts, fonts, &err) : NULL;
    if (!scene)
        tap_diag("layout failed: %s", err ? err->message : "?");
    tl_error_free(err);
    tl_timeline_free(tl);
    return scene;
}

static void test_missing_warnings(tl_fonts *fonts)
{
    const char *csv = "start,title,description\n"
                      "2020-01,Javanese ꦲꦏ꧀ꦱꦫ,\n"
                      "2020-06,Again ꦧꦱ,Thai ภาษาไทย\n"
                      "2021-01,Fine,\n";
    tl_layout_options *opts = tl_layout_options_new();
    tl_layout_options_set_variant(opts, TL_VARIANT_VERTICAL);
    tl_scene *scene = layout_text(fonts, csv, opts);
    tap_ok(scene != NULL, "text without glyphs still lays out");
    for (size_t i = 0; scene && i < tl_scene_get_warning_count(scene); i++)
        tap_diag("warning: %s", tl_scene_get_warning(scene, i));
    tap_is_int(scene ? (long long)count_warnings(scene, "(Javanese)") : -1, 1,
               "one warning for Javanese, however many texts have it");
    tap_is_int(scene ? (long long)count_warnings(
                           scene, "no font has glyphs for \"ꦲꦏ꧀ꦱꦫ\" (Javanese) in title of line 2")
                     : -1,
               1, "it quotes the text and names the line");
    tap_is_int(scene
                   ? (long long)count_warnings(scene, "\"ภาษาไทย\" (Thai) in description of line 3")
                   : -1,
               1, "descriptions are named too");
    tl_scene_free(scene);

    tl_layout_options_set_title(opts, "Title ꦲꦏ꧀ꦱꦫ");
    scene = layout_text(fonts, "start,title\n2020,Fine\n", opts);
    tap_is_int(scene ? (long long)count_warnings(scene, "(Javanese) in the chart title") : -1, 1,
               "and the chart title");
    tl_scene_free(scene);
    tl_layout_options_free(opts);
}

static void test_markup_and_width(tl_fonts *fonts)
{
    const char *csv = "start,title\n2020-01,H<sub>2</sub>O and <i>x</i>\n2020-06,Bad <b>markup\n"
                      "2021-01,A rather long title that has to wrap over more than one line\n";
    tl_layout_options *opts = tl_layout_options_new();
    tl_scene *scene = layout_text(fonts, csv, opts);
    tap_is_int(scene ? (long long)count_warnings(scene, "markup") : -1, 0,
               "without markup, nothing is said about it");
    bool literal = false, wrap150 = false;
    for (size_t i = 0; scene && i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL) {
            literal = literal || strstr(op->u.text.text, "<sub>") != NULL;
            wrap150 = wrap150 || (op->u.text.shape.wrap_width == 150 && !op->u.text.shape.markup);
        }
    }
    tap_ok(literal && wrap150, "labels are plain text wrapped at 150 pt by default");
    tl_scene_free(scene);

    tl_layout_options_set_markup(opts, true);
    tl_layout_options_set_label_width(opts, 220);
    scene = layout_text(fonts, csv, opts);
    tap_is_int(scene ? (long long)count_warnings(scene, "invalid markup in title of line 3") : -1,
               1, "invalid markup is reported once, with its line");
    tap_is_int(scene ? (long long)count_warnings(scene, "markup") : -1, 1,
               "valid markup is not reported");
    bool marked = false, wrap220 = true;
    size_t labels = 0;
    for (size_t i = 0; scene && i < scene->op_count; i++) {
        const tl_op *op = &scene->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL) {
            labels++;
            marked = marked || op->u.text.shape.markup;
            wrap220 = wrap220 && op->u.text.shape.wrap_width <= 220 && op->u.text.w <= 220 + 1e-9;
        }
    }
    tap_ok(labels > 0 && marked, "labels are measured and drawn as markup");
    tap_ok(labels > 0 && wrap220, "and wrap within the label width of 220 pt");
    size_t len = 0;
    char *svg = scene ? render(scene, TL_FORMAT_SVG, &len) : NULL;
    tap_ok(svg && len > 0, "and render");
    free(svg);
    tl_scene_free(scene);

    tl_layout_options_set_label_width(opts, -5);
    tl_layout_options_set_variant(opts, TL_VARIANT_LANES);
    scene = layout_text(fonts, csv, opts);
    /* Lanes' own: a label may take the plot's whole width, what its row has. */
    bool plot_wide = false, inside = true;
    for (size_t i = 0; scene && i < scene->op_count; i++)
        if (scene->ops[i].kind == TL_OP_TEXT && scene->ops[i].role == TL_ROLE_EVENT_LABEL) {
            const double wrap = scene->ops[i].u.text.shape.wrap_width;
            plot_wide = plot_wide || wrap > 400;
            inside = inside && wrap < scene->width;
        }
    tap_ok(plot_wide && inside,
           "a label width that is not positive restores the default (lanes: the plot's width)");
    tl_scene_free(scene);
    tl_layout_options_free(opts);
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
    const char *src = getenv("TL_TEST_SRCDIR");
    char *samples = g_build_filename(src ? src : "tests", "..", "data", "samples", NULL);
    test_samples(fonts, samples);
    test_missing_warnings(fonts);
    test_markup_and_width(fonts);
    g_free(samples);
    tl_fonts_unref(fonts);
    return tap_done();
}
