#ifndef TL_OPTIONS_PRIVATE_H
#define TL_OPTIONS_PRIVATE_H

#include "timeline/timeline.h"

#include "style.h"

struct tl_layout_options {
    tl_variant variant;
    tl_theme theme;
    char *title;           /* NULL for none */
    char *subtitle;        /* NULL for none */
    char *caption;         /* NULL for none: a source or note line under the legend */
    char *group_order;     /* comma-separated group names to put first, or NULL */
    bool axis_breaks;      /* cut long empty stretches out of the axis */
    bool has_from, has_to; /* a window on time: events outside are not drawn */
    int64_t from, to;
    double width;       /* points; 0: default */
    double height;      /* points; 0: fit the content */
    double label_width; /* points: widest event label; 0: each layout's own */
    bool markup;        /* titles and labels are Pango markup (<b>, <i>, <sup>...) */
    char *locale_tag;   /* BCP 47, checked; NULL: English words, no ICU */
    bool ticks_fixed;   /* --ticks: a chosen step, not the densest that fits */
    int ticks_unit;     /* tl_tick_unit (layouts/ticks.h) */
    int64_t ticks_every;
    int fiscal_start;   /* 1-12; 0 or 1: calendar years */
    int week_start;     /* 0 Monday (ISO) .. 6 Sunday */
    bool fiscal_by_start;
    char *tick_formats[8]; /* --tick-format: an ICU skeleton per tl_tick_unit, or NULL */
    /* For a run with tick formats and no locale: English through ICU, for the ticks only. */
    struct tl_locale *format_locale;
    int tiers[3];       /* --tiers: tl_tick_unit of each row of the axis, from the top */
    int ntiers;         /* 0: the ticks and the tier the axis chooses */
    bool log_scale;     /* --time-scale log: the time before the present, logarithmic */
    struct _GTimeZone *zone; /* the axis's wall clock (ticks-zone.c), owned; NULL: UTC */
    bool numeric;       /* a numeric axis (ticks-number.c): instants are values */
    char *unit_name;    /* its unit, or NULL */
    bool elapsed;       /* an elapsed-time axis from `epoch` (ticks-elapsed.c) */
    bool has_epoch;     /* false: from the earliest event */
    char *epoch_id;     /* the event whose start is the epoch, or NULL */
    int64_t epoch;
    tl_elapsed_style elapsed_style;
    int elapsed_base;
    tl_axis_position axis_position; /* lanes */
    unsigned shade_days; /* shade.c: days of the week shaded, bit 0 Monday */
    bool critical_path;  /* a plan's critical path outlined (arrows.c, lanes) */
    bool show_progress;  /* "60 %" after a task's label */
    tl_time *holidays;
    size_t nholidays;
    bool has_today;     /* an as-of line at `today` (today.c) */
    tl_time today;
    tl_past past;
    tl_direction direction;
    /* The locale opened for one run of tl_layout_run() (its formatters, once per chart), in
     * the run's own copy of the options; NULL elsewhere. */
    struct tl_locale *locale;
    tl_style_set style; /* colours, shapes, sizes and widths over the theme's */
    /* Pages (page-setup.c): a page size of 0 x 0 is "fit", one page the size of the chart. */
    double page_width, page_height; /* points, as given */
    bool landscape;
    bool margins_set;
    double margins[4]; /* top, right, bottom, left, in points */
    int pages;         /* 0: as many as the chart needs */
    bool fit_width;
    tl_page_scale page_scale;
    /* Set by the pagination for its own runs: a page's window is not the user's, so the events
     * outside it are not reported (page_window); the run that lays out the title and the
     * legend for pages of their own windows summarises no events (no_summary), as no page
     * does. */
    bool page_window;
    bool no_summary;
    /* And the whole chart's sources in the order of their numbers, for the pages' labels to
     * carry the numbers of the one list (not owned). */
    const char *const *sources;
    size_t nsources;
    /* Set by the pagination while it lays out: the width the title block and the footer
     * (legend, caption, sources) wrap at, so they fit on a page. 0: the canvas's. */
    double text_width;
};

enum { TL_DEFAULT_WIDTH = 900 };

/* Label widths above this are ignored (as 0): wider than any canvas. */
#define TL_MAX_LABEL_WIDTH 100000.0

#endif /* TL_OPTIONS_PRIVATE_H */
