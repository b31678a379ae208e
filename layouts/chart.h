/* What every layout variant shares: event colours and marks, date texts, the steps of the
 * layout protocol the variants have in common (chart.c), the measured title block, legend and
 * caption (chart-frame.c), and the report of what could not be placed. A variant lays out its
 * plot between the header and the footer. The chart's state and its text services are in
 * chart-text.h, beneath this and the list of sources. */
#ifndef TL_CHART_H
#define TL_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "chart-text.h"
#include "density.h"
#include "keyed.h"
#include "scale.h"
#include "ticks.h"

/* An era's fill: its own colour, else the theme's. */
tl_color tl_chart_era_color(const tl_chart *c, size_t i);

/* Sets up the chart and the scene's event table and background. */
void tl_chart_init(tl_chart *c, const tl_timeline *tl, const tl_layout_options *opts,
                   const tl_text_measurer *m, tl_scene *scene);
void tl_chart_fini(tl_chart *c);

/* The event's colour: its own, else its status's (when the style gives one), else its
 * group's. */
tl_color tl_chart_event_color(const tl_chart *c, size_t i);
/* A group's colour: the style's, else the theme's (index < 0: the neutral colour). */
tl_color tl_chart_group_color(const tl_chart *c, int group);
/* Marker shape of a group: the style's, else by theme (print and colorblind: circle, square,
 * diamond by group). tl_chart_add_marker() puts a status's shape, when the style gives one,
 * over the shape it is given. */
tl_marker_shape tl_chart_group_shape(const tl_chart *c, int group);
void tl_chart_add_marker(tl_chart *c, tl_role role, int32_t ev, double cx, double cy, double radius,
                         tl_marker_shape shape, tl_status status, tl_color color);
/* "Nov 2019", "Dec 2019 – Mar 2020 · cancelled": the date line of an event's label. */
void tl_chart_date_text(const tl_chart *c, size_t i, char *buf, size_t size);
/* The time extent to draw: the window when the options give one, else the events' extent
 * (widened to two days when every event is at one instant). */
void tl_chart_extent(const tl_chart *c, int64_t *lo, int64_t *hi);
/* Long empty stretches of time worth cutting out of the axis (none unless the options allow
 * axis breaks): the gaps between events that exceed a fifth of the extent, less a margin on
 * either side, at most TL_SCALE_MAX_BREAKS of the longest, in time order. Returns the count. */
size_t tl_chart_find_breaks(const tl_chart *c, int64_t lo, int64_t hi, tl_scale_break *out);
/* Which of a point's date extents tl_chart_add_extent() would draw. */
typedef enum tl_extent_kind {
    TL_EXTENT_NONE,  /* a precise date: the mark says it all */
    TL_EXTENT_RANGE, /* a coarse date (a month, a year): a bracket over its interval */
    TL_EXTENT_FUZZY, /* approximate or uncertain: a dashed bracket, never narrower than the mark */
} tl_extent_kind;

tl_extent_kind tl_chart_extent_kind(const tl_chart *c, size_t i, const tl_scale *s, double mark_r);
/* Draws what a point's date leaves open, at height y: a bracket over a coarse date's interval
 * (dashed when approximate or uncertain) and, for "before"/"after" dates, a short arrow from
 * the mark towards the open side. Ends `cap` points tall. */
void tl_chart_add_extent(tl_chart *c, size_t i, const tl_scale *s, double mark_x, double mark_r,
                         double y, double cap, tl_color color);
/* Arrows at the ends of a bar from x0 to x1, centred on cy, where a span or era goes on
 * beyond the chart's window. */
void tl_chart_add_clip_marks(tl_chart *c, size_t i, double x0, double x1, double cy,
                             tl_color color);
/* The instant a point is drawn at: the middle of its date's interval. */
int64_t tl_chart_point_instant(const tl_event *ev);

/* The frame (chart-frame.c). */

/* The width of the title block and the footer: the canvas's inside its margins, or less when
 * the chart is being cut into pages (so they fit on one). */
double tl_chart_text_width(const tl_chart *c);
/* Measures the title block and the footer (legend, caption, sources) for
 * tl_chart_text_width(); fills header_h and footer_h. */
bool tl_chart_frame(tl_chart *c, unsigned legend_flags, tl_error **err);
void tl_chart_emit_header(tl_chart *c);
/* Legend and caption, starting `TL_CHART_FOOTER_GAP` below plot_bottom. */
void tl_chart_emit_footer(tl_chart *c, double plot_bottom);
/* Records how many events were labelled and how many summarised (in the scene, for the dump)
 * and puts the numbers in the legend's density entry, reserved by tl_chart_frame() when
 * lod_candidates was set, with `peak`, the strip's tallest bar, when lod_peak_in_legend was
 * set: call it before tl_chart_emit_footer(). */
bool tl_chart_set_summary(tl_chart *c, size_t labelled, size_t summarised, size_t peak,
                          tl_error **err);
/* "1,234,567": counts are read at a glance. */
/* Records in the scene's frame how the time axis maps instants to x, when it is linear: what
 * a printed page states as its scale. Call after the frame is set. */
void tl_chart_note_time_scale(tl_chart *c, const tl_scale *s);
/* With --scale log, makes the axis scale logarithmic in the time before the present (--today,
 * or the latest event's end), its ages from the youngest event's (halved) to the oldest's. */
void tl_chart_scale_log(const tl_chart *c, tl_scale *s);
/* What the options ask of the axis's ticks (--ticks, --fiscal-year-start) and the locale. */
tl_ticks_request tl_chart_ticks_request(const tl_chart *c);
/* Marks the text op just added as the label of the tick at `instant`, on axis row `tier`. */
void tl_chart_mark_tick(tl_chart *c, int64_t instant, int tier);
/* Warns once that a chosen tick step is too dense to label every tick. */
void tl_chart_warn_thinned(tl_chart *c, const tl_ticks *ticks);
void tl_chart_format_count(const tl_chart *c, size_t v, char *buf, size_t size);
/* The plot (chart.c). */

/* The colour of density bins. */
tl_color tl_chart_density_color(const tl_chart *c);
/* The text boxes in the scene so far, by left edge: built once for the many vertical lines a
 * chart breaks around its text (grid lines, markers), which add no text themselves. */
typedef struct tl_text_index {
    double *box; /* x0, x1, y0, y1 of each text */
    size_t n;
    double widest;
} tl_text_index;
void tl_text_index_build(tl_text_index *ix, const tl_scene *sc);
void tl_text_index_free(tl_text_index *ix);
/* A vertical line from y0 to y1 at x, broken wherever it would cross a text of the index. */
void tl_chart_add_vline_around(tl_chart *c, const tl_text_index *ix, tl_role role, int32_t ev,
                               double x, double y0, double y1, tl_stroke stroke);
/* A warning for every event the variant left unplaced. */
void tl_chart_report_unplaced(tl_chart *c);

/* Steps every layout takes, written once. */

/* The legend entry a point's date extent needs (tl_chart_extent_kind()): TL_LEGEND_PRECISION,
 * TL_LEGEND_FUZZY or 0. */
unsigned tl_chart_extent_legend(const tl_chart *c, size_t i, const tl_scale *s, double mark_r);
/* TL_LEGEND_PROGRESS when a span on the chart has a progress (a plan's done part), else 0. */
unsigned tl_chart_progress_legend(const tl_chart *c);
/* Level of detail: of the `n` events, drawn at x[k] along [lo, hi], marks the `keep` most
 * deserving of a label (tl_lod_order(), with its `offset`). Returns a new array of n flags,
 * which the caller frees; fills rank[k] (when not NULL) with event k's place in that order, 0
 * for the best. */
bool *tl_chart_keep_best(const tl_chart *c, const size_t *events, const double *x, size_t n,
                         double lo, double hi, size_t keep, double offset, size_t *rank);
/* Where a summarised event counts in a density strip: a span where it starts, a point at its
 * instant. */
int64_t tl_chart_summary_instant(const tl_event *ev);
/* Counts each of `events` in `d` at tl_chart_summary_instant() on the scale and marks it
 * summarised in the scene. */
void tl_chart_summarise(tl_chart *c, tl_density *d, const size_t *events, size_t n,
                        const tl_scale *s);
/* "a height of 300 pt cannot hold `what` (it needs at least 420 pt)", as a usage error;
 * returns false. */
bool tl_chart_height_error(tl_error **err, double height, double need, const char *what);

#endif /* TL_CHART_H */
