/* SVG output: the document is built whole in memory, then written. */
#include "svg-format.h"

#include "common/tl-buf.h"
#include "render-cairo.h"
#include "render-options-private.h"
#include "render.h"
#include "svg-scene.h"

bool tl_svg_write(const tl_scene *scene, const tl_render_options *opts, FILE *fp,
                  const char *display, tl_error **err)
{
    tl_buf doc = TL_BUF_INIT;
    const bool ok = tl_cairo_check_scene(scene, err) &&
                    tl_svg_scene_write(scene, opts->svg_text, &doc, err) &&
                    tl_render_write_all(fp, doc.data ? doc.data : "", doc.len, display, err);
    tl_buf_free(&doc);
    return ok;
}
