/* The whole pipeline with real fonts: bytes to every format in memory, on a small canvas, with
 * options the input picks (fuzz-options.c). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "timeline/timeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16 * 1024)
        return 0;
    tl_fonts *fonts = fuzz_fonts();
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer((const char *)data, size, "fuzz.csv", NULL, &err);
    tl_error_free(err);
    err = NULL;
    if (!tl)
        return 0;
    tl_layout_options *o = tl_layout_options_new();
    fuzz_set_options(o, data, size);
    tl_layout_options_set_size(o, 300, 0);
    tl_layout_options_set_variant(o, (tl_variant)(size % 3));
    tl_scene *s = tl_layout(tl, o, fonts, &err);
    if (s && tl_scene_get_height(s) < 4000) {
        static const tl_format formats[] = {TL_FORMAT_SVG, TL_FORMAT_PNG, TL_FORMAT_PDF,
                                            TL_FORMAT_PS,  TL_FORMAT_EPS, TL_FORMAT_JSON};
        tl_render_options *ro = tl_render_options_new();
        /* Small pixels: the fuzzer is after paths, not pictures. */
        tl_render_options_set_dpi(ro, 24);
        tl_render_options_set_svg_text(ro, size & 1);
        for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
            char *buf = NULL;
            size_t len = 0;
            FILE *mem = open_memstream(&buf, &len);
            if (!mem)
                abort();
            bool ok = tl_render_to_stream(s, formats[f], ro, mem, &err);
            fclose(mem);
            if (!ok && (!err || !err->message[0]))
                abort();
            tl_error_free(err);
            err = NULL;
            free(buf);
        }
        tl_render_options_free(ro);
    }
    tl_error_free(err);
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
    return 0;
}
