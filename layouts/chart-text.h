/* The chart's state and its text: measuring, estimating and adding text, with a warning for
 * each text problem. What every part of a chart builds on: the variants, the frame (chart.c)
 * and the list of sources (footnotes.c). */
#ifndef TL_CHART_TEXT_H
#define TL_CHART_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "timeline/timeline.h"

#include "data/model-private.h"
#include "fonts/measure.h"
#include "options-private.h"
#include "scene/scene.h"
#include "theme.h"

/* Geometry shared by the variants, in points. */
static const double TL_CHART_MARGIN = 24;     /* canvas edge to content */
static const double TL_CHART_HEADER_GAP = 14; /* title block to plot */
static const double TL_CHART_FOOTER_GAP = 18; /* plot to legend */
static const double TL_CHART_MARK_R = 4.5;

/* The type of each part of a chart. Defaults in tl_chart_default_fonts; a style may change them
 * before the variant runs, so variants read them from the chart, never from constants. */
typedef struct tl_chart_fonts {
    tl_font title, subtitle, caption;
    tl_font label; /* event titles */
    tl_font date;  /* the date line under a label */
    tl_font body;  /* descriptions (vertical cards) */
    tl_font tick;
    tl_font band; /* era, marker and lane names */
    tl_font legend;
    tl_font badge; /* "+N" */
} tl_chart_fonts;

extern const tl_chart_fonts tl_chart_default_fonts;

typedef struct tl_text_block {
    const char *text; /* borrowed: must live as long as the scene is being built */
    tl_text_shape shape;
    tl_text_extents ext;
    bool estimated; /* ext is an estimate (tl_chart_estimate()): never drawn as it is */
} tl_text_block;

/* Legend entries beyond groups and statuses, chosen by the variant. */
enum {
    TL_LEGEND_SPANS = 1 << 0,
    TL_LEGEND_ERAS = 1 << 1,
    TL_LEGEND_PRECISION = 1 << 2,       /* the bracket of a coarse date */
    TL_LEGEND_NO_GROUPS = 1 << 3,       /* the layout names the groups itself (lanes) */
    TL_LEGEND_FUZZY = 1 << 4,           /* the dashed bracket of an approximate or uncertain date */
    TL_LEGEND_DEPENDENCIES = 1 << 5,    /* a plan's arrows (arrows.c) */
    TL_LEGEND_CRITICAL = 1 << 6,        /* its critical path */
    TL_LEGEND_VIOLATED = 1 << 7,        /* a dependency its dates break */
    TL_LEGEND_NO_DEPENDENCIES = 1 << 8, /* a layout that does not draw them says so */
    TL_LEGEND_PROGRESS = 1 << 9,        /* the done part of a bar */
};

typedef struct tl_legend_entry tl_legend_entry;

typedef struct tl_chart {
    const tl_timeline *tl;
    const tl_layout_options *opts;
    const tl_text_measurer *m;
    tl_scene *scene;
    const tl_theme_def *th; /* &theme */
    tl_theme_def theme;     /* the options' theme with their style's background */
    tl_chart_fonts font;
    size_t n;            /* events drawn: all of them, or those in the options' window */
    tl_event *view;      /* with a window: copies of the events in it, clipped to it; else NULL */
    bool view_lent;      /* the view is the scene's (tl_chart_init), not the chart's to change */
    bool *group_present; /* per group of the timeline: has an event drawn */
    /* What one pass over the events drawn finds at the start (survey_events()), for the steps
     * that would each make a pass of their own: the earliest start and latest end, and the
     * statuses met, and whether any has a link or a source. */
    int64_t events_lo, events_hi;
    bool status_seen[TL_STATUS_OTHER + 1];
    bool any_url, any_source;

    tl_text_block title, subtitle, caption;
    tl_legend_entry *legend;
    size_t nlegend;
    double legend_h;
    double header_h;  /* from the top edge to where the plot may start */
    double footer_h;  /* from the plot's bottom to the bottom edge */
    tl_strv reported; /* text problems already warned about (a script without glyphs...) */
    struct tl_footnotes *notes; /* the list of sources (footnotes.c) */
    double notes_h;             /* its height in the footer; 0 for none */
    /* Level of detail: set by the variant before tl_chart_frame() when it labels at most this
     * many events and summarises the rest (0: every event drawn); the legend then says so. */
    size_t lod_candidates;
    size_t lod_entry; /* its legend entry */
    /* The entry also gives the density strip's scale, its tallest bar's count (the layouts
     * whose strip has no note of its own). */
    bool lod_peak_in_legend;
    struct tl_measure_cache *measured; /* text measured so far (measure-cache.h) */
    /* The first failure of a measurement made while packing (which cannot fail itself). */
    tl_error *failed;
    bool groups_apart; /* each group in a lane of its own (tl_variant_ops) */
    /* The reader's locale (words.h) and its language, a scene string that every text's
     * shape carries; both NULL without a locale. */
    struct tl_locale *loc;
    const char *lang;
    bool warned_thinned; /* tl_chart_warn_thinned() */
} tl_chart;

/* Measures `text` into *b, wrapped at `wrap` on at most `max_lines` lines, as markup when
 * the options say so. Characters no font has and markup that does not parse add a scene
 * warning naming the text and where it comes from, once per script (per text for markup). */
bool tl_chart_measure(tl_chart *c, const tl_font *font, tl_text_block *b, const char *text,
                      double wrap, int max_lines, tl_error **err);
/* As tl_chart_measure(), but text not measured before that the measurer can estimate is only
 * estimated, and b->estimated is set: for the many candidate labels a layout chooses among,
 * of which only those drawn need shaping. tl_chart_settle() measures a block chosen. */
bool tl_chart_estimate(tl_chart *c, const tl_font *font, tl_text_block *b, const char *text,
                       double wrap, int max_lines, tl_error **err);
/* Measures `b` as it was asked for when it holds an estimate. Returns false on failure. */
bool tl_chart_settle(tl_chart *c, const tl_font *font, tl_text_block *b, tl_error **err);
/* Hands a failure kept while packing (which cannot fail itself) to the caller, leaving
 * *failed NULL; returns false. */
bool tl_chart_take_failure(tl_error **failed, tl_error **err);
/* tl_chart_estimate() when `estimate`, else tl_chart_measure(). */
bool tl_chart_size(tl_chart *c, const tl_font *font, tl_text_block *b, const char *text,
                   double wrap, int max_lines, bool estimate, tl_error **err);
/* Layouts whose candidate labels outnumber TL_CHART_ESTIMATE_MIN size them with estimates and
 * measure those a packing places, then pack again, until every label placed is measured:
 * below, nearly all are drawn and are measured at once. After TL_CHART_SETTLE_ROUNDS packings
 * every candidate is measured, which bounds the rounds. */
enum { TL_CHART_ESTIMATE_MIN = 64, TL_CHART_SETTLE_ROUNDS = 8 };
/* The widest an event label may be: the options' label width, else the layout's `fallback`. */
double tl_chart_label_width(const tl_chart *c, double fallback);
void tl_chart_add_text(tl_chart *c, tl_role role, int32_t ev, double x, double y,
                       const tl_text_block *b, const tl_font *font, tl_color color, bool strike);

/* Event i of those drawn (i < c->n). Inline: a dozen passes over a million events call it. */
static inline const tl_event *tl_chart_event(const tl_chart *c, size_t i)
{
    return c->view ? &c->view[i] : &c->tl->events[i];
}

/* Starts loading event i's first bytes (its dates and type), for a pass that visits the
 * events out of order and knows which comes next. */
static inline void tl_chart_prefetch_event(const tl_chart *c, size_t i)
{
#if defined(__GNUC__)
    __builtin_prefetch(tl_chart_event(c, i));
#else
    (void)c;
    (void)i;
#endif
}

#endif /* TL_CHART_TEXT_H */
