/* The scene: a backend-neutral display list of positioned shapes and measured text, in points
 * with the origin at the top left and y growing down. Layouts build it; the renderer draws it
 * op by op in order (later ops on top); the JSON dump is the test surface. */
#ifndef TL_SCENE_H
#define TL_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timeline/timeline.h"

#include "common/tl-arena.h"
#include "common/tl-strv.h"
#include "fonts/measure.h"

typedef struct tl_color {
    double r, g, b, a; /* 0..1; a == 0 means "none" */
} tl_color;

typedef enum tl_dash {
    TL_DASH_SOLID,
    TL_DASH_DASHED,
    TL_DASH_DOTTED,
} tl_dash;

typedef struct tl_stroke {
    tl_color color; /* a == 0: no stroke */
    double width;
    tl_dash dash;
} tl_stroke;

/* What an op is for. The JSON names are in tl_scene_role_name(). */
typedef enum tl_role {
    TL_ROLE_BACKGROUND,
    TL_ROLE_TITLE,
    TL_ROLE_SUBTITLE,
    TL_ROLE_CAPTION,
    TL_ROLE_AXIS,
    TL_ROLE_TICK,
    TL_ROLE_TICK_LABEL,
    TL_ROLE_ERA,
    TL_ROLE_ERA_LABEL,
    TL_ROLE_SPAN,
    TL_ROLE_PRECISION, /* the interval a coarse date covers, drawn under its mark */
    TL_ROLE_EVENT_STEM,
    TL_ROLE_EVENT_MARK,
    TL_ROLE_EVENT_LABEL,
    TL_ROLE_EVENT_DATE,
    TL_ROLE_MARKER, /* a full-height line at a moment (type=marker) */
    TL_ROLE_MARKER_LABEL,
    TL_ROLE_LANE,       /* a group's lane (background stripe) */
    TL_ROLE_LANE_LABEL, /* a group's name in the gutter */
    TL_ROLE_CARD,       /* the background of an event's card (vertical layout) */
    TL_ROLE_GRID,       /* a faint line at a tick, across the plot */
    TL_ROLE_LEGEND,
    TL_ROLE_NOTE, /* "+N more" badges and footnotes */
} tl_role;

typedef enum tl_op_kind {
    TL_OP_RECT,
    TL_OP_LINE,
    TL_OP_MARKER,
    TL_OP_TEXT,
} tl_op_kind;

typedef enum tl_marker_shape {
    TL_MARKER_CIRCLE,
    TL_MARKER_DIAMOND,
    TL_MARKER_SQUARE,
    TL_MARKER_ARROW_LEFT,  /* a span that goes on before the chart's window */
    TL_MARKER_ARROW_RIGHT, /* ... or after it */
} tl_marker_shape;

typedef enum tl_marker_fill {
    TL_MARKER_FILLED,
    TL_MARKER_HOLLOW, /* filled with the background colour, outlined */
    TL_MARKER_HALF,   /* left half filled */
    TL_MARKER_DOT,    /* hollow with a dot in the middle */
} tl_marker_fill;

typedef struct tl_rect_op {
    double x, y, w, h;
    double radius; /* corner radius */
    tl_color fill; /* a == 0: no fill */
    tl_stroke stroke;
} tl_rect_op;

typedef struct tl_line_op {
    double x1, y1, x2, y2;
    tl_stroke stroke;
} tl_line_op;

typedef struct tl_marker_op {
    double cx, cy;
    double radius;
    tl_marker_shape shape;
    tl_marker_fill fill_mode;
    bool cross; /* a diagonal stroke through the mark (cancelled) */
    tl_color fill;
    tl_stroke stroke;
} tl_marker_op;

typedef struct tl_text_op {
    /* The text's box: (x, y) is the top-left corner of its logical extents; w and h are the
     * measured extents; baseline is the first baseline below y. */
    double x, y, w, h;
    double baseline;
    const char *text; /* scene-owned, valid UTF-8 */
    tl_font font;
    tl_text_shape shape; /* as measured; the renderer shapes with the same values */
    tl_color color;
    bool strike;
} tl_text_op;

typedef struct tl_op {
    tl_op_kind kind;
    tl_role role;
    int32_t event; /* index into the scene's events, or -1 */
    union {
        tl_rect_op rect;
        tl_line_op line;
        tl_marker_op marker;
        tl_text_op text;
    } u;
} tl_op;

/* What the scene records of each input event, for the JSON dump. */
typedef struct tl_scene_event {
    const char *title;
    const char *start;            /* as written */
    const char *end;              /* as written; NULL when there is no end (or an open one) */
    tl_time start_time, end_time; /* end_time valid when end != NULL */
    bool placed;                  /* drawn with its label */
} tl_scene_event;

struct tl_scene {
    double width, height;
    tl_color background;
    const char *title; /* document title for metadata, may be NULL */
    tl_op *ops;
    size_t op_count, op_cap;
    tl_scene_event *events;
    size_t event_count;
    tl_strv warnings;
    tl_arena strings;
    /* The font context the text was measured with; the renderer draws with the same one. */
    tl_fonts *fonts;
    void (*fonts_unref)(tl_fonts *fonts);
};

tl_scene *tl_scene_new(double width, double height);
/* Takes a reference-counted font context: `unref` is called on it when the scene is freed. */
void tl_scene_set_fonts(tl_scene *scene, tl_fonts *fonts, void (*unref)(tl_fonts *fonts));
/* Copies the string into the scene. */
const char *tl_scene_strdup(tl_scene *scene, const char *s);

/* Appends an op and returns it for the caller to fill in (zeroed apart from kind, role and
 * event). The pointer is valid until the next append. */
tl_op *tl_scene_push(tl_scene *scene, tl_op_kind kind, tl_role role, int32_t event);

tl_rect_op *tl_scene_add_rect(tl_scene *scene, tl_role role, int32_t event, double x, double y,
                              double w, double h, tl_color fill);
tl_line_op *tl_scene_add_line(tl_scene *scene, tl_role role, int32_t event, double x1, double y1,
                              double x2, double y2, tl_stroke stroke);
/* Text at (x, y), top-left; `ext` as measured with `font` and `shape`. Copies `text`. */
tl_text_op *tl_scene_add_text(tl_scene *scene, tl_role role, int32_t event, double x, double y,
                              const char *text, const tl_font *font, const tl_text_shape *shape,
                              const tl_text_extents *ext, tl_color color);

/* Sizes the event table (all events start unplaced); strings are copied by the caller with
 * tl_scene_strdup(). */
void tl_scene_set_event_count(tl_scene *scene, size_t count);
/* Adds a warning (takes ownership of `message`). */
void tl_scene_add_warning(tl_scene *scene, char *message);

/* Bounding box of an op: [x, y, w, h]. Strokes are not included. */
void tl_scene_op_bbox(const tl_op *op, double out[4]);
const char *tl_scene_role_name(tl_role role);

/* The whole scene as JSON (see README, "Scene JSON"); the caller frees the string. */
char *tl_scene_to_json(const tl_scene *scene);

#endif /* TL_SCENE_H */
