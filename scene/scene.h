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

/* The scene JSON's "version": bumped when a key is removed or changes meaning (adding keys
 * does not bump it). docs/scene-json.md documents the format. */
#define TL_SCENE_JSON_VERSION 1

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
    TL_ROLE_NOTE,       /* "+N more" badges and footnotes */
    TL_ROLE_DENSITY,    /* a bin of events summarised rather than drawn one by one */
    TL_ROLE_SHADE,      /* a non-working day (weekend, holiday) shaded behind the plot */
    TL_ROLE_DEPENDENCY, /* an arrow from a task to one that depends on it */
    TL_ROLE_PROGRESS,   /* the done part of a task's bar */
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
    TL_MARKER_ARROW_UP,    /* a dependency's head, pointing up into its task */
    TL_MARKER_ARROW_DOWN,
} tl_marker_shape;

typedef enum tl_marker_fill {
    TL_MARKER_FILLED,
    TL_MARKER_HOLLOW, /* filled with the background colour, outlined */
    TL_MARKER_HALF,   /* left half filled */
    TL_MARKER_DOT,    /* hollow with a dot in the middle */
} tl_marker_fill;

/* Lines drawn across a rectangle's fill, so that bars can be told apart without colour (the
 * print theme hatches bars by group). */
typedef enum tl_hatch {
    TL_HATCH_NONE,
    TL_HATCH_DIAGONAL, /* lines rising to the right */
    TL_HATCH_CROSS,    /* both diagonals */
    TL_HATCH_HORIZONTAL,
} tl_hatch;

typedef struct tl_rect_op {
    double x, y, w, h;
    double radius; /* corner radius */
    tl_color fill; /* a == 0: no fill */
    tl_stroke stroke;
    tl_hatch hatch;
    tl_color hatch_color; /* the hatch's lines, over the fill */
    size_t count;         /* TL_ROLE_DENSITY: the events the bin stands for */
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
    bool shortened; /* cut with an ellipsis to fit its width or lines */
    /* A tick label (TL_ROLE_TICK_LABEL): the instant it names and its row of the axis (0 the
     * ticks, 1 the tier naming the larger unit). */
    bool tick;
    int tier;
    int64_t instant;
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

/* What the scene records of each input event, for the JSON dump and the renderers' metadata.
 * Read with tl_scene_event_at(): placed, summarised and footnote come from the scene's marks,
 * the rest from where the events live. */
typedef struct tl_scene_event {
    const char *title;
    const char *start;            /* as written */
    const char *end;              /* as written; NULL when there is no end (or an open one) */
    tl_time start_time, end_time; /* end_time valid when end != NULL */
    bool placed;                  /* drawn with its label */
    bool summarised;              /* counted in a density bin instead of drawn (level of detail) */
    int group_index;              /* the group's place in the timeline's groups; -1: none */
    const char *group;            /* NULL when the event has none */
    const char *url;              /* a link for its label and mark (checked); NULL for none */
    const char *source;           /* NULL for none */
    int footnote;                 /* the number of its source in the list of sources; 0: none */
    /* Project plans: percent done (has_progress), and the total slack in (working) days that
     * the critical path method found (has_slack). */
    float progress;
    float slack;
    bool has_progress;
    bool has_slack;
    bool critical;
} tl_scene_event;

/* What layout decides of each event; the rest of an event is read where it lives. */
typedef struct tl_scene_mark {
    int32_t footnote; /* the number of its source in the list of sources; 0: none */
    bool placed;      /* drawn with its label */
    bool summarised;  /* counted in a density bin instead of drawn */
} tl_scene_mark;

/* Fills `out` with event i's title, dates, group, link, source and plan (the marks are the
 * scene's). */
typedef void (*tl_scene_event_get)(const void *ctx, size_t i, tl_scene_event *out);

/* A dependency between two events, and the arrow drawn for it (npoints 0: not drawn). */
enum { TL_SCENE_LINK_POINTS = 8 };
typedef struct tl_scene_link {
    int32_t from, to; /* scene event indices */
    const char *type; /* "FS", "SS", "FF" or "SF" (static) */
    double lag_days;  /* in working days with a working calendar */
    bool violated;    /* the successor's dates break it */
    bool critical;    /* on the critical path */
    tl_color color;   /* the arrow's, for the marks where a page cuts it */
    double x[TL_SCENE_LINK_POINTS], y[TL_SCENE_LINK_POINTS]; /* the route, chart coordinates */
    int npoints;
} tl_scene_link;

/* Where the variant put the parts of the chart, in chart coordinates: what pagination needs
 * to cut the plot into pages and to move the title and the footer. Filled by chart.c. */
typedef struct tl_scene_frame {
    bool set;
    double plot_top, plot_bottom; /* the title block is above, the footer below */
    double footer_top;            /* legend, caption and sources start here */
    double text_width;            /* width of the title block and the footer from the margin */
    double gutter; /* lanes: the right edge of the group names, repeated on every page; or 0 */
    /* A linear time axis across (no breaks, not logarithmic): instant time_t0 is at x time_x0
     * and time_t1 at time_x1, for the scale a page states. has_time false: none. */
    bool has_time;
    int64_t time_t0, time_t1;
    double time_x0, time_x1;
} tl_scene_frame;

/* A piece of the chart on a page: the ops listed, drawn in chart coordinates mapped by
 * page = (chart - src origin) * scale + (x, y), clipped to `clip` (page coordinates). */
typedef struct tl_viewport {
    double src[4]; /* x, y, w, h in chart coordinates: the region it shows */
    double x, y;   /* where src's top-left corner lands on the page */
    double scale;
    double clip[4]; /* x, y, w, h on the page */
    size_t *ops;    /* indices into the scene's ops, in drawing order */
    size_t op_count;
} tl_viewport;

/* One printed page: pieces of the chart, then overlays (page number, "continued" title) in
 * page coordinates. */
typedef struct tl_page {
    double width, height;
    tl_viewport *viewports;
    size_t viewport_count;
    tl_op *overlay; /* text ops own no strings: theirs live in the scene's arena */
    size_t overlay_count;
} tl_page;

struct tl_scene {
    double width, height;
    tl_color background;
    const char *title; /* document title for metadata, may be NULL */
    /* With a locale: the documents' language ("ja", "ar-EG"), whether the chart reads right
     * to left, the accessible description and the name of an untitled chart in that
     * language. NULL (and false) without one: the renderers write their English. */
    const char *lang;
    bool rtl;
    const char *description;
    const char *untitled;
    tl_op *ops;
    size_t op_count, op_cap;
    /* A million events are not copied into the scene: `event_get` reads event i from `event_ctx`
     * (the timeline's events, lent by layout) and the marks hold what layout decided. */
    tl_scene_mark *marks;
    size_t event_count;
    tl_scene_event_get event_get;
    void *event_ctx;
    void (*event_ctx_free)(void *ctx);
    /* Over all the events, for the documents' descriptions without reading a million of them:
     * the instants from the earliest start to the latest end (when event_count > 0), and the
     * names of their groups in order of first appearance, none "" (strings the events'). */
    int64_t events_lo, events_hi;
    const char **event_groups;
    size_t event_group_count;
    tl_scene_link *links; /* project plans' dependencies; NULL for none */
    size_t link_count;
    tl_strv warnings;
    tl_arena strings;
    /* Level of detail: with too many events to label, the events labelled and those counted in
     * density bins instead (both 0 when every event is drawn). */
    size_t lod_labelled, lod_summarised;
    /* Pages: none (page_count 0) means one page the size of the canvas. */
    tl_scene_frame frame;
    tl_page *pages;
    size_t page_count;
    /* The font context the text was measured with; the renderer draws with the same one. */
    tl_fonts *fonts;
    void (*fonts_unref)(tl_fonts *fonts);
    /* The timeline the events' strings belong to (a million titles are not copied); released
     * with the scene. NULL when the strings are the scene's own. */
    tl_timeline *source;
    void (*source_release)(tl_timeline *tl);
};

tl_scene *tl_scene_new(double width, double height);
/* Takes a reference-counted font context: `unref` is called on it when the scene is freed. */
void tl_scene_set_fonts(tl_scene *scene, tl_fonts *fonts, void (*unref)(tl_fonts *fonts));
/* Keeps a reference to the timeline whose strings the events point at: `release` is called on
 * it when the scene is freed. */
void tl_scene_set_source(tl_scene *scene, tl_timeline *tl, void (*release)(tl_timeline *tl));
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

/* Gives the scene `count` events read through `get` from `ctx`, all unplaced; the scene calls
 * `ctx_free` (may be NULL) on ctx when it is freed. */
void tl_scene_set_events(tl_scene *scene, size_t count, tl_scene_event_get get, void *ctx,
                         void (*ctx_free)(void *ctx));
/* Copies `count` events made by hand, their marks included; their strings must live as long as
 * the scene (tl_scene_strdup()). */
void tl_scene_copy_events(tl_scene *scene, const tl_scene_event *events, size_t count);
/* Sets the summary of the events (events_lo...): copies the array of `count` group names. */
void tl_scene_set_event_summary(tl_scene *scene, int64_t lo, int64_t hi, const char *const *groups,
                                size_t count);
/* Event i (< event_count) with its marks. */
tl_scene_event tl_scene_event_at(const tl_scene *scene, size_t i);
/* Adds a warning (takes ownership of `message`). */
void tl_scene_add_warning(tl_scene *scene, char *message);

/* Appends an empty page of `width` x `height` points and returns it. The pointer is valid
 * until the next page is added. */
tl_page *tl_scene_add_page(tl_scene *scene, double width, double height);
/* Appends a viewport to `page` (ops listed later with tl_viewport_add_op()). */
tl_viewport *tl_page_add_viewport(tl_page *page, const double src[4], double x, double y,
                                  double scale, const double clip[4]);
void tl_viewport_add_op(tl_viewport *vp, size_t op);
/* Appends an overlay op to `page`, zeroed apart from kind and role. */
tl_op *tl_page_push_overlay(tl_page *page, tl_op_kind kind, tl_role role);
/* Frees the pages (keeps the canvas). */
void tl_scene_clear_pages(tl_scene *scene);

/* Bounding box of an op: [x, y, w, h]. Strokes are not included. */
void tl_scene_op_bbox(const tl_op *op, double out[4]);

/* The size of the first page of a paged document: the scene's first page, or the canvas for a
 * scene without pages (drawn as one page). */
void tl_scene_get_first_page_size(const tl_scene *scene, double *width, double *height);
const char *tl_scene_role_name(tl_role role);

/* The whole scene as JSON (docs/scene-json.md); the caller frees the string. */
char *tl_scene_to_json(const tl_scene *scene);

#endif /* TL_SCENE_H */
