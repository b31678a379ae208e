/* Where the time of one run goes: loads an input (any format), sets up the fonts, lays it
 * out with the Pango measurer and renders it to a file, timing each step through the public
 * API, as the CLI runs them. Usage: bench-phases INPUT OUTPUT.{svg,png,pdf} [ribbon|lanes|vertical
 * [LOCALE]]. With a locale, "locale" is the time of checking its tag, which loads ICU. Then the
 * peak resident memory after loading, laying out and rendering (Linux: VmHWM). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "timeline/timeline.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The process's peak resident memory so far in MB; 0 where /proc does not tell. */
static double peak_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %lf kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb / 1024;
}

static int fail(tl_error *err)
{
    fprintf(stderr, "bench-phases: %s\n", err ? err->message : "failed");
    tl_error_free(err);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-phases INPUT OUTPUT [ribbon|lanes|vertical]\n"
                        "  (OUTPUT.svg, .png or .pdf; .text.svg: SVG with live text)\n");
        return 64;
    }
    const char *ext = strrchr(argv[2], '.');
    tl_format format = TL_FORMAT_SVG;
    if (ext && strcmp(ext, ".png") == 0)
        format = TL_FORMAT_PNG;
    else if (ext && strcmp(ext, ".pdf") == 0)
        format = TL_FORMAT_PDF;
    const size_t n = strlen(argv[2]);
    tl_render_options *ropts = tl_render_options_new();
    tl_render_options_set_svg_text(ropts, n > 9 && strcmp(argv[2] + n - 9, ".text.svg") == 0);
    tl_error *err = NULL;
    double t0 = now();
    tl_timeline *tl = tl_timeline_load_file(argv[1], NULL, NULL, &err);
    if (!tl)
        return fail(err);
    double t1 = now();
    const double load_mb = peak_mb();
    /* As the command sets them up. */
    tl_font_options *fopts = tl_font_options_new();
    tl_font_options_set_process_wide(fopts, true);
    tl_fonts *fonts = tl_fonts_new_with_options(fopts, &err);
    tl_font_options_free(fopts);
    if (!fonts)
        return fail(err);
    double t2 = now();
    tl_layout_options *o = tl_layout_options_new();
    tl_variant variant = TL_VARIANT_RIBBON;
    if (argc > 3 && !tl_variant_from_name(argv[3], &variant))
        fprintf(stderr, "bench-phases: unknown layout %s, using ribbon\n", argv[3]);
    tl_layout_options_set_variant(o, variant);
    double tl0 = now();
    if (argc > 4 && !tl_layout_options_set_locale(o, argv[4], &err))
        return fail(err);
    double tl1 = now();
    tl_scene *scene = tl_layout(tl, o, fonts, &err);
    if (!scene)
        return fail(err);
    double t3 = now();
    const double layout_mb = peak_mb();
    bool ok = tl_render_to_file(scene, format, ropts, argv[2], &err);
    double t4 = now();
    const double render_mb = peak_mb();
    tl_scene_free(scene);
    tl_render_options_free(ropts);
    tl_layout_options_free(o);
    tl_fonts_unref(fonts);
    tl_timeline_free(tl);
    double t5 = now();
    if (!ok)
        return fail(err);
    printf("load %.1f ms, fonts %.1f ms, locale %.1f ms, layout %.1f ms, render %.1f ms, free "
           "%.1f ms\n",
           1e3 * (t1 - t0), 1e3 * (t2 - t1), 1e3 * (tl1 - tl0), 1e3 * (t3 - t2 - (tl1 - tl0)),
           1e3 * (t4 - t3), 1e3 * (t5 - t4));
    printf("peak memory: after load %.0f MB, after layout %.0f MB, after render %.0f MB\n", load_mb,
           layout_mb, render_mb);
    return 0;
}
