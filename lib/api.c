/* Public entry points that join layers: the layout is measured with the font context that
 * will later draw it, and the scene keeps a reference to that context. */
#include "timeline/timeline.h"

#include "common/tl-error-private.h"
#include "common/tl-utf8.h"
#include "data/date.h"
#include "fonts/fonts-private.h"
#include "layouts/layout.h"
#include "scene/scene.h"

const char *tl_version_string(void)
{
    return TL_VERSION_STRING;
}

bool tl_time_parse(const char *text, tl_time *out, tl_error **err)
{
    char why[160] = "";
    if (tl_date_parse_buf(text, out, why, sizeof why))
        return true;
    return tl_set_error(err, TL_ERROR_USAGE, "invalid date \"%.*s\": %s", tl_utf8_prefix(text, 60),
                        text, why);
}

size_t tl_time_format(const tl_time *t, char *buf, size_t size)
{
    return tl_cal_format_iso(t, buf, size);
}

tl_scene *tl_layout(const tl_timeline *tl, const tl_layout_options *opts, tl_fonts *fonts,
                    tl_error **err)
{
    tl_text_measurer measurer = tl_fonts_measurer(fonts);
    tl_scene *scene = tl_layout_run(tl, opts, &measurer, err);
    if (scene)
        tl_scene_set_fonts(scene, tl_fonts_ref(fonts), tl_fonts_unref);
    return scene;
}
