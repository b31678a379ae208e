/* Golden scenes: each tests/golden/NAME.opts names an input and layout options; the scene it
 * lays out with the fixed measurer must equal tests/golden/NAME.scene byte for byte. Run with
 * --regenerate to rewrite the .scene files after an intended layout change, and review the
 * diff. The first line of each .opts file is a comment saying what the case is about. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "data/date.h"
#include "fonts/measure-fixed.h"
#include "layouts/layout.h"
#include "scene/scene.h"
#include "tap.h"
#include "test-util.h"

/* Applies "key=value" lines to the options; returns the input path (relative to dir). */
static char *apply_opts(const char *text, tl_layout_options *o, char *err, size_t errsize)
{
    char *input = NULL;
    double width = 0, height = 0;
    tl_time from, to;
    bool has_from = false, has_to = false;
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), p);
        p += len + (end ? 1 : 0);
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *eq = strchr(line, '=');
        if (!eq) {
            snprintf(err, errsize, "not key=value: %.200s", line);
            free(input);
            return NULL;
        }
        *eq = '\0';
        const char *key = line, *value = eq + 1;
        tl_variant v;
        tl_theme th;
        if (strcmp(key, "input") == 0) {
            free(input);
            input = strdup(value);
        } else if (strcmp(key, "layout") == 0 && tl_variant_from_name(value, &v)) {
            tl_layout_options_set_variant(o, v);
        } else if (strcmp(key, "theme") == 0 && tl_theme_from_name(value, &th)) {
            tl_layout_options_set_theme(o, th);
        } else if (strcmp(key, "width") == 0) {
            width = atof(value);
        } else if (strcmp(key, "height") == 0) {
            height = atof(value);
        } else if (strcmp(key, "title") == 0) {
            tl_layout_options_set_title(o, value);
        } else if (strcmp(key, "subtitle") == 0) {
            tl_layout_options_set_subtitle(o, value);
        } else if (strcmp(key, "caption") == 0) {
            tl_layout_options_set_caption(o, value);
        } else if (strcmp(key, "group-order") == 0) {
            tl_layout_options_set_group_order(o, value);
        } else if (strcmp(key, "from") == 0 && tl_date_parse(value, &from, NULL)) {
            has_from = true;
        } else if (strcmp(key, "to") == 0 && tl_date_parse(value, &to, NULL)) {
            has_to = true;
        } else {
            snprintf(err, errsize, "unknown option or value: %.100s=%.200s", key, value);
            free(input);
            return NULL;
        }
    }
    tl_layout_options_set_size(o, width, height);
    tl_layout_options_set_window(o, has_from ? &from : NULL, has_to ? &to : NULL);
    if (!input)
        snprintf(err, errsize, "no input= line");
    return input;
}

static void run_case(const char *dir, const char *name, bool regenerate)
{
    char path[2048], err[512] = "";
    snprintf(path, sizeof path, "%s/%s.opts", dir, name);
    char *opts_text = test_read_file(path, NULL);
    if (!tap_ok(opts_text != NULL, "%s: read %s", name, path))
        return;
    tl_layout_options *o = tl_layout_options_new();
    char *input = apply_opts(opts_text, o, err, sizeof err);
    char *csv = NULL, *json = NULL, *want = NULL;
    tl_timeline *tl = NULL;
    tl_scene *scene = NULL;
    tl_error *e = NULL;
    if (!tap_ok(input != NULL, "%s: options (%s)", name, err))
        goto done;
    snprintf(path, sizeof path, "%s/%s", dir, input);
    csv = test_read_file(path, NULL);
    if (!tap_ok(csv != NULL, "%s: read %s", name, path))
        goto done;
    tl = tl_timeline_load_csv_buffer(csv, strlen(csv), input, NULL, &e);
    tl_text_measurer m = tl_measure_fixed();
    scene = tl ? tl_layout_run(tl, o, &m, &e) : NULL;
    if (!tap_ok(scene != NULL, "%s: lays out (%s)", name, e ? e->message : "ok"))
        goto done;
    json = tl_scene_to_json(scene);
    snprintf(path, sizeof path, "%s/%s.scene", dir, name);
    if (regenerate) {
        tap_ok(test_write_file(path, json, strlen(json)), "%s: wrote %s", name, path);
        goto done;
    }
    want = test_read_file(path, NULL);
    if (!tap_ok(want != NULL, "%s: read %s (run with --regenerate to create it)", name, path))
        goto done;
    bool same = strcmp(want, json) == 0;
    tap_ok(same, "%s: scene matches %s.scene", name, name);
    if (!same) {
        /* Point at the first difference, with some context. */
        size_t k = 0;
        while (want[k] && want[k] == json[k])
            k++;
        size_t from = k > 60 ? k - 60 : 0;
        tap_diag("first difference at byte %zu", k);
        tap_diag("want: %.140s", want + from);
        tap_diag("got:  %.140s", json + from);
    }
done:
    tl_error_free(e);
    free(want);
    free(json);
    tl_scene_free(scene);
    tl_timeline_free(tl);
    free(csv);
    free(input);
    tl_layout_options_free(o);
    free(opts_text);
}

int main(int argc, char **argv)
{
    bool regenerate = argc > 1 && strcmp(argv[1], "--regenerate") == 0;
    const char *src = getenv("TL_TEST_SRCDIR");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/golden", src ? src : "tests");
    DIR *d = opendir(dir);
    if (!d)
        return tap_skip_all("no golden directory");
    char *names[512];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < sizeof names / sizeof names[0]) {
        size_t len = strlen(de->d_name);
        if (len > 5 && strcmp(de->d_name + len - 5, ".opts") == 0)
            names[n++] = strndup(de->d_name, len - 5);
    }
    closedir(d);
    qsort(names, n, sizeof *names, test_cmp_str);
    tap_ok(n > 0, "golden cases found in %s (%zu)", dir, n);
    for (size_t i = 0; i < n; i++) {
        run_case(dir, names[i], regenerate);
        free(names[i]);
    }
    return tap_done();
}
