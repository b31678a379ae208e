/* Colours and type sizes of a chart. */
#ifndef TL_THEME_H
#define TL_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "scene/scene.h"

enum { TL_THEME_PALETTE_SIZE = 8 };

typedef struct tl_theme_def {
    const char *name;
    const char *description; /* one line, for --list-themes */
    tl_color background;
    tl_color text;      /* titles, labels */
    tl_color muted;     /* dates, secondary text */
    tl_color faint;     /* stems, hairlines */
    tl_color axis_fill; /* the ribbon the tick labels sit in */
    tl_color axis_text;
    tl_color neutral;  /* events with no group */
    tl_color era_fill; /* alpha applied over the era's colour */
    double era_alpha;
    tl_color palette[TL_THEME_PALETTE_SIZE];
    /* Groups also differ by marker shape: colour may not survive a copier (print) or may not
     * be seen (colorblind). */
    bool shapes_by_group;
    /* Bars are hatched by group (where groups share a plot), for the same reason. */
    bool hatch_by_group;
} tl_theme_def;

const tl_theme_def *tl_theme_get(tl_theme theme);
/* A group's colour (index >= 0) or the neutral colour (index < 0). */
tl_color tl_theme_group_color(const tl_theme_def *t, int group);
/* Parses "#rgb", "#rrggbb", "#rrggbbaa" or a basic CSS colour name. */
bool tl_color_parse(const char *text, tl_color *out);

#endif /* TL_THEME_H */
