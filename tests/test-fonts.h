/* Helpers shared by the tests of the Pango measurer and of the font context (test-fonts.c,
 * test-fonts-text.c), which run against real fonts. */
#ifndef TL_TEST_FONTS_H
#define TL_TEST_FONTS_H

#include <string.h>
#include <time.h>

#include "fonts/fonts-private.h"

static inline tl_text_extents measure(const tl_text_measurer *m, double size, double wrap,
                                      int max_lines, const char *text)
{
    const tl_font font = {.size = size, .weight = 400};
    const tl_text_shape shape = {.wrap_width = wrap, .max_lines = max_lines};
    tl_text_extents ext = {0};
    if (!m->measure(m->user, &font, &shape, text, &ext))
        ext.lines = -1;
    return ext;
}

static inline double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether one of the files of `fonts` has `part` in its path. */
static inline bool has_file(const tl_fonts *fonts, const char *part)
{
    for (size_t i = 0; i < tl_fonts_get_file_count(fonts); i++)
        if (strstr(tl_fonts_get_file(fonts, i), part))
            return true;
    return false;
}

/* The font family and language Pango chose for the character at `needle` in `text`; both
 * NULL when not found. The caller frees *family (g_free). */
static inline void run_of(tl_fonts *fonts, const char *text, const char *needle, char **family,
                          const char **lang, int *level)
{
    const tl_font font = {.size = 10, .weight = 400};
    const tl_text_shape shape = {0};
    *family = NULL;
    *lang = NULL;
    PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &shape, text, false, NULL);
    const char *at = strstr(text, needle);
    if (!layout || !at)
        goto done;
    const int index = (int)(at - text);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run || index < run->item->offset || index >= run->item->offset + run->item->length)
            continue;
        PangoFontDescription *desc = pango_font_describe(run->item->analysis.font);
        *family = g_strdup(pango_font_description_get_family(desc));
        pango_font_description_free(desc);
        *lang = pango_language_to_string(run->item->analysis.language);
        if (level)
            *level = run->item->analysis.level;
        break;
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
done:
    if (layout)
        g_object_unref(layout);
}
#endif /* TL_TEST_FONTS_H */
