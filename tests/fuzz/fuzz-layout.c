/* Bytes to scene JSON: load, lay out with each variant and the fixed measurer, with options
 * the input picks (fuzz-options.c), check the scene's basic promises (every op inside the
 * canvas, finite numbers), dump it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fonts/measure-fixed.h"
#include "fuzz.h"
#include "layouts/layout.h"
#include "scene/scene.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer((const char *)data, size, "fuzz.csv", NULL, &err);
    tl_error_free(err);
    err = NULL;
    if (!tl)
        return 0;
    static const tl_variant variants[] = {TL_VARIANT_RIBBON, TL_VARIANT_LANES, TL_VARIANT_VERTICAL};
    tl_text_measurer m = tl_measure_fixed();
    for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
        tl_layout_options *o = tl_layout_options_new();
        fuzz_set_options(o, data, size);
        tl_layout_options_set_variant(o, variants[v]);
        tl_layout_options_set_size(o, 300 + (double)(size % 700), 0);
        tl_scene *s = tl_layout_run(tl, o, &m, &err);
        if (s) {
            for (size_t i = 0; i < s->op_count; i++) {
                double b[4];
                tl_scene_op_bbox(&s->ops[i], b);
                for (int k = 0; k < 4; k++)
                    if (!isfinite(b[k]))
                        abort();
                if (b[0] < -0.5 || b[1] < -0.5 || b[0] + b[2] > s->width + 0.5 ||
                    b[1] + b[3] > s->height + 0.5)
                    abort(); /* nothing outside the canvas (pages draw parts of it) */
            }
            free(tl_scene_to_json(s));
        } else if (!err || !err->message[0]) {
            abort();
        }
        tl_error_free(err);
        err = NULL;
        tl_scene_free(s);
        tl_layout_options_free(o);
    }
    tl_timeline_free(tl);
    return 0;
}
