/* Helpers shared by the render tests (test-render.c, test-render-formats.c): a scratch folder,
 * and hand-built scenes with text measured by the real font context. */
#ifndef TL_TEST_RENDER_H
#define TL_TEST_RENDER_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts/fonts-private.h"
#include "scene/scene.h"
#include "tap.h"

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

/* The set-up of a render test program: the font context (NULL when Noto Sans is missing, after
 * printing the skip plan; *status is then what main returns), a scratch folder `stem`-XXXXXX
 * in TMPDIR or /tmp (NULL and *status 1 when it cannot be made) and a fixed
 * SOURCE_DATE_EPOCH. The caller frees the context. */
static inline tl_fonts *render_test_setup(const char *stem, int *status)
{
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new("Noto Sans", &err);
    if (!fonts) {
        *status = tap_skip_all(err ? err->message : "Noto Sans is not available");
        tl_error_free(err);
        return NULL;
    }
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/%s-XXXXXX", base && *base ? base : "/tmp", stem);
    if (!mkdtemp(tmpdir)) {
        printf("Bail out! cannot create a temporary folder: %s\n", strerror(errno));
        tl_fonts_unref(fonts);
        *status = 1;
        return NULL;
    }
    setenv("SOURCE_DATE_EPOCH", "1600000000", 1);
    return fonts;
}

#endif /* TL_TEST_RENDER_H */
