/* How a status looks, shared by every layout variant: marks, bars, stems and labels. */
#ifndef TL_STYLE_H
#define TL_STYLE_H

#include <stdbool.h>

#include "scene/scene.h"

typedef struct tl_status_style {
    tl_marker_fill mark_fill;
    tl_dash mark_dash;
    bool mark_cross;
    double bar_alpha; /* fill opacity of a span bar: 1 solid, 0 outline only */
    bool bar_outline;
    tl_dash bar_dash; /* of the outline */
    tl_dash stem_dash;
    bool strike; /* the label is struck through and muted */
} tl_status_style;

const tl_status_style *tl_style_status(tl_status status);
/* The word a status is shown and explained by: "tentative", "cancelled". */
const char *tl_style_status_word(tl_status status);
void tl_style_marker(tl_marker_op *mk, tl_status status, tl_color color);
void tl_style_bar(tl_rect_op *bar, tl_status status, tl_color color);
/* The hatch of a group's bars in a theme that hatches by group: none for every fourth group
 * (from the first), then diagonal, cross and horizontal lines. */
tl_hatch tl_style_group_hatch(int group);
/* Hatches the scene's bars by group (ribbon and vertical layouts, where groups share the
 * plot): the fill becomes `paper`, the bar's colour draws the hatch and an outline. Bars that
 * are hollow already (cancelled) are left as they are. */
void tl_style_hatch_bars(tl_scene *scene, tl_color paper);

/* ---------------------------------------------------------------------------------------------
 * A user's style: what the options change over the theme (theme < style)
 * ------------------------------------------------------------------------------------------- */

/* Parts of a chart whose type size a style may set; names in tl_style_font_name(). */
typedef enum tl_style_font {
    TL_STYLE_FONT_TITLE,
    TL_STYLE_FONT_SUBTITLE,
    TL_STYLE_FONT_CAPTION,
    TL_STYLE_FONT_LABEL,
    TL_STYLE_FONT_DATE,
    TL_STYLE_FONT_BODY,
    TL_STYLE_FONT_TICK,
    TL_STYLE_FONT_BAND,
    TL_STYLE_FONT_LEGEND,
    TL_STYLE_FONT_BADGE,
    TL_STYLE_FONT_COUNT
} tl_style_font;

/* Kinds of line whose width a style may set; names in tl_style_line_name(). */
typedef enum tl_style_line {
    TL_STYLE_LINE_AXIS,
    TL_STYLE_LINE_STEM,
    TL_STYLE_LINE_MARK,
    TL_STYLE_LINE_BAR,
    TL_STYLE_LINE_GRID,
    TL_STYLE_LINE_MARKER,
    TL_STYLE_LINE_COUNT
} tl_style_line;

typedef struct tl_style_group {
    char *name;
    bool has_color, has_shape;
    tl_color color;
    tl_marker_shape shape;
} tl_style_group;

typedef struct tl_style_set {
    tl_style_group *groups;
    size_t ngroups;
    bool has_status_color[TL_STATUS_OTHER], has_status_shape[TL_STATUS_OTHER];
    tl_color status_color[TL_STATUS_OTHER];
    tl_marker_shape status_shape[TL_STATUS_OTHER];
    double font_size[TL_STYLE_FONT_COUNT];  /* 0: the layout's */
    double line_width[TL_STYLE_LINE_COUNT]; /* 0: the layout's */
    bool has_background;
    tl_color background; /* a == 0: transparent */
} tl_style_set;

void tl_style_set_free(tl_style_set *s);
/* A deep copy of `src` into `dst` (whose old contents are not freed). */
void tl_style_set_copy(tl_style_set *dst, const tl_style_set *src);
/* The entry of a group, added when `add` and it has none yet; NULL when not found. */
tl_style_group *tl_style_set_group(tl_style_set *s, const char *name, bool add);
const tl_style_group *tl_style_find_group(const tl_style_set *s, const char *name);

/* Name lookups: -1 (or false) for an unknown name. */
int tl_style_status_from_name(const char *name);
int tl_style_font_from_name(const char *name);
int tl_style_line_from_name(const char *name);
const char *tl_style_font_name(tl_style_font f);
const char *tl_style_line_name(tl_style_line l);

/* Sets the widths of the lines the style names, by what each op is for. Done on the finished
 * scene, so that every layout gets the same treatment without knowing about styles. */
void tl_style_apply_lines(const tl_style_set *s, tl_scene *scene);
/* Everything a style does to a finished scene: the line widths, and on a transparent canvas
 * the lines under hollow marks cut around them. */
void tl_style_apply(const tl_style_set *s, tl_scene *scene);

#endif /* TL_STYLE_H */
