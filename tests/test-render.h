/* Helpers shared by the render tests (test-render.c, test-render-formats.c): a scratch folder,
 * and hand-built scenes with text measured by the real font context. */
#ifndef TL_TEST_RENDER_H
#define TL_TEST_RENDER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts/fonts-private.h"
#include "scene/scene.h"

static const tl_color white = {1, 1, 1, 1};
static const tl_color red = {1, 0, 0, 1};
static const tl_color ink = {0.1, 0.1, 0.1, 1};

/* The scratch folder each test program makes in main(). */
static char tmpdir[256];

static inline char *path_in_tmp(const char *name)
{
    size_t n = strlen(tmpdir) + strlen(name) + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", tmpdir, name);
    return path;
}

static inline tl_scene *new_scene(tl_fonts *fonts, double width, double height)
{
    tl_scene *scene = tl_scene_new(width, height);
    scene->background = white;
    tl_scene_set_fonts(scene, tl_fonts_ref(fonts), tl_fonts_unref);
    return scene;
}

static inline tl_text_op *add_text(tl_scene *scene, tl_fonts *fonts, double x, double y,
                                   const char *text, double size)
{
    const tl_text_measurer m = tl_fonts_measurer(fonts);
    const tl_font font = {.size = size, .weight = 400};
    const tl_text_shape shape = {0};
    tl_text_extents ext = {0};
    m.measure(m.user, &font, &shape, text, &ext);
    return tl_scene_add_text(scene, TL_ROLE_EVENT_LABEL, -1, x, y, text, &font, &shape, &ext, ink);
}

#endif /* TL_TEST_RENDER_H */
