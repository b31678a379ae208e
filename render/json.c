/* JSON: the scene itself (scene/scene-json.c), for tests and other renderers. */
#include "json-format.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"

bool tl_render_json_write(const tl_scene *scene, const tl_render_options *opts, FILE *fp,
                          const char *display, tl_error **err)
{
    (void)opts;
    char *json = tl_scene_to_json(scene);
    const bool ok = tl_render_write_all(fp, json, strlen(json), display, err);
    free(json);
    return ok;
}
