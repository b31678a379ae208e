/* The vertical layout's state and geometry, shared by its files: variant-vertical.c (the
 * items, their measures, the columns and the hooks), vertical-rows.c (the time scale, the rows
 * and the ticks) and vertical-emit.c (the scene). */
#ifndef TL_VERTICAL_H
#define TL_VERTICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "chart.h"

/* ---------------------------------------------------------------------------------------------
 * Geometry, in points
 * ------------------------------------------------------------------------------------------- */

enum {
    TITLE_LINES = 3,
    DESC_LINES = 4,
    GUTTER_LINES = 3,
    MAX_BAR_LANES = 3, /* span bars beside the line, per side */
    MAX_ERA_LANES = 3, /* era strips in the gutter */
};

static const double AXIS_W = 2;
static const double AXIS_PAD = 14;      /* the line runs this far past the first and last dates */
static const double TICK_LEN = 4;       /* the tick, left of the line */
static const double TICK_LABEL_GAP = 3; /* tick to its label */
static const double TICK_CANDIDATE_GAP = 6; /* between candidate tick labels */
static const double TICK_SPACING = 44;      /* between neighbouring tick labels' centres */
static const double TICK_CLEAR = 2;         /* tick label to a connector crossing its column */
static const double BAR_W = 5;
static const double BAR_GAP = 3;
static const double BAR_MIN = 5; /* a span of a few days still shows as a bar */
static const double LANE_W = 24; /* between the bars and the cards: where connectors slant */
static const double LANE_W_NARROW = 12;
static const double CARD_PAD_X = 8;
static const double CARD_PAD_X_NARROW = 6;
static const double CARD_PAD_Y = 6;
static const double CARD_STRIPE = 3; /* the event's colour, on the edge facing the line */
static const double CARD_RADIUS = 4;
static const double CARD_GAP = 8; /* between cards in a column */
static const double DATE_GAP = 1; /* date line to title */
static const double DESC_GAP = 3; /* title to description */
static const double CARD_MAX_W = 270;
static const double CARD_MIN_W_TWO = 140; /* two columns narrower than this: one column */
static const double NARROW_WIDTH = 460;
static const double GUTTER_GAP = 12;
static const double GUTTER_GAP_NARROW = 8;
static const double GUTTER_LABEL_GAP = 4;
static const double STRIP_W = 3;
static const double STRIP_GAP = 2;
static const double MIN_AXIS = 180;      /* a chart of a few events still gets some length */
static const double MIN_FIXED_AXIS = 40; /* the shortest line a fixed height may leave */
static const double STRETCH = 1.6;       /* the line is at most this many times the stacked cards */
static const double DRIFT = 0.5;         /* mean push of a card, in card heights, to aim for */
static const double MARKER_CLEAR = 3;    /* marker line to the things it breaks around */
/* Level of detail: more cards than two columns of about LOD_HEIGHT_FULL points hold and the
 * chart keeps the most important that about LOD_HEIGHT points hold; the others are counted in
 * a density strip along the line. */
static const double LOD_HEIGHT_FULL = 4000;
static const double LOD_HEIGHT = 4000;
static const double LOD_CARD_H = 64; /* a typical card and the gap after it */
static const double DENSITY_BIN = 1.5;
#define MARK_R TL_CHART_MARK_R
#define MARGIN TL_CHART_MARGIN

/* ---------------------------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------------------------- */

/* A point or span event: its mark or bar on the line, and its card. */
typedef struct card {
    size_t ev;
    int64_t at;  /* where its connector leaves the line: a point's instant, a span's start */
    int64_t end; /* a span's end */
    bool span;
    char date_text[160];
    tl_text_block date, title, desc;
    bool has_desc;
    double h;      /* the whole card */
    double attach; /* card top to where the connector meets it: the middle of the date line */
    size_t rank;   /* when the page is short, cards of higher rank are left out first */

    /* The plan. */
    bool kept;
    int side; /* 0 left of the line, 1 right; -1 when the card is left out */
    double top;
    int bar_side, lane; /* a span's bar; lane -1 when it is drawn as a mark on the line */
} card;

/* An era or a marker, labelled in the gutter. */
typedef struct band {
    size_t ev;
    bool marker;
    int64_t t0, t1; /* an era's extent; a marker's instant twice */
    tl_text_block label;
    int lane; /* an era's strip in the gutter, -1 for none */
    double want, top;
    bool shown;
} band;

/* A tick, labelled left of the line. */
typedef struct tick_text {
    double y;
    int64_t t; /* the instant it names */
    char text[96];
    tl_text_block label;
    const tl_font *font;
    bool shown;
} tick_text;

/* A --tiers column left of the tick labels: the spans of one coarser unit down the line, each
 * a rule with its name at its top. */
typedef struct tier_column {
    int listed;  /* its place in --tiers */
    int tier;    /* in the scene JSON */
    double w;    /* the column planned for its labels */
    double need; /* the widest label the last lay-out gave it */
    double x;    /* its rule; the labels end TIER_RULE_GAP left of it */
    tl_tick_span *spans;
    size_t count;
    tl_text_block *labels; /* per span; text "" when left out */
    double *label_top;     /* per span */
} tier_column;

typedef struct vertical {
    tl_chart c;
    tl_keyed *order; /* the points and spans by date, until they are made cards */
    size_t npoints;
    card *cards; /* by `at`, then chart order */
    size_t ncards;
    band *bands; /* chart order */
    size_t nbands;
    int64_t lo, hi;
    /* --time-scale log: the line's time warped onto [lo, hi] by a log scale of the time
     * before the present (`warp` maps t to the fraction 0..1 of the way down). */
    bool log;
    tl_scale warp;
    bool has_spans, has_eras;

    /* Columns. */
    bool two_sides;
    double gutter_x, gutter_w, gutter_text_x, gutter_text_w;
    int era_lanes;
    double axis_x;
    double tick_w;     /* the tick labels' column, left of the line */
    double tick_in;    /* distance from the line to the right edge of the tick labels */
    int bar_lanes;     /* per side */
    double bar_in[2];  /* distance from the line to the first bar lane, left and right */
    double lane_in[2]; /* distance from the line to the connector lane */
    double card_w, card_x[2], card_pad_x;

    /* Rows. */
    double plot_top, ya, pps;
    double axis_top, axis_bottom, cards_bottom, bottom;
    double pushed; /* how far the cards were pushed below their dates, in all */
    double tick_h; /* of a tick label */
    tick_text *ticks;
    size_t nticks;
    tier_column tiers[2]; /* left to right, as listed */
    int ntiers;
    int title_lines, desc_lines;
    size_t keep; /* cards of rank below this are kept */
    /* Level of detail: events counted in the density strip instead of given a card. */
    bool lod;
    size_t *summarised, nsummarised;
} vertical;

static inline const tl_event *event(const vertical *v, size_t i)
{
    return tl_chart_event(&v->c, i);
}

static inline double y_at(const vertical *v, int64_t t)
{
    if (v->log)
        return v->ya + tl_scale_x(&v->warp, t) * (double)(v->hi - v->lo) * v->pps;
    return v->ya + (double)(t - v->lo) * v->pps;
}

/* Lays out the rows for the current columns (vertical-rows.c); *widest_tick is set to the
 * widest tick label the chosen ticks need. */
bool tl_vertical_lay_out(vertical *v, double *widest_tick, tl_error **err);
/* The line's time scale, from ya to the line's end, with the same log warp as y_at(). */
void tl_vertical_line_scale(const vertical *v, tl_scale *s);
/* A span's bar: where it ends down the line, and its left edge. */
double tl_vertical_bar_end(const vertical *v, const card *cd);
double tl_vertical_bar_x(const vertical *v, const card *cd);
/* Whether a card's connector leaves from a mark on the line (rather than from a bar). */
bool tl_vertical_has_mark(const card *cd);
/* --tiers (vertical-tiers.c): the columns the options ask for, their width in all, whether a
 * lay-out found them too narrow (they are widened then), the spans for the current rows (their
 * labels kept clear of the sorted `blocked` ys, where connectors cross), drawing, freeing. */
void tl_vertical_tiers_init(vertical *v);
double tl_vertical_tiers_width(const vertical *v);
bool tl_vertical_tiers_grow(vertical *v);
bool tl_vertical_tiers_make(vertical *v, const tl_scale *line, const tl_ticks_request *rq,
                            const tl_text_measurer *by_height, const double *blocked,
                            size_t nblocked, tl_error **err);
void tl_vertical_tiers_emit(vertical *v);
void tl_vertical_tiers_free(vertical *v);
/* Adds everything planned to the scene (vertical-emit.c). */
bool tl_vertical_emit(vertical *v, tl_error **err);

#endif /* TL_VERTICAL_H */
