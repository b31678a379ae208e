/* The ribbon layout's state and geometry, shared by its files: variant-ribbon.c (measuring,
 * placing, emitting and the hooks) and ribbon-lod.c (level of detail). */
#ifndef TL_VARIANT_RIBBON_H
#define TL_VARIANT_RIBBON_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "axis.h"
#include "bands.h"
#include "chart.h"
#include "labels.h"

#include "common/tl-arena.h"

/* ---------------------------------------------------------------------------------------------
 * Geometry, in points
 * ------------------------------------------------------------------------------------------- */

enum { MAX_LEVELS_FIT = 16, MAX_SPAN_ROWS = 60 };
/* Level of detail: with more events than these levels and rows can label, the chart labels
 * the most important in fewer of them and counts the rest in a density strip. */
enum { LOD_LEVELS = 10, LOD_SPAN_ROWS = 16 };
/* Plot width per point label a level can take, at best; and per candidate with level of
 * detail, which spreads them so that the stairs of levels meet. */
static const double LOD_FULL_W = 45;
static const double LOD_POINT_W = 130;
/* ... per span a row can take, at best; and per candidate. */
static const double LOD_FULL_SPAN_W = 200;
static const double LOD_SPAN_W = 280;
static const double DENSITY_TOP = 8; /* axis band to the density strip */
static const double DENSITY_H = 24;
static const double DENSITY_BIN = 1.5;

static const double INSET = 10;      /* plot edge inside the margin: room for marks */
static const double STEM_PAD = 5;    /* stem to label text */
static const double BOX_GAP = 10;    /* between label boxes in a level */
static const double LEVEL_GAP = 7;   /* between levels */
static const double STEM_MIN = 18;   /* axis band to the nearest level */
static const double MARK_OFFSET = 8; /* axis band edge to mark centre */
static const double SPAN_TOP = 14;   /* axis band to the first span row */
static const double REPEAT_GAP = 8;  /* a repeated axis band to the chart (--axis-position) */
static const double BAR_H = 7;
static const double ROW_GAP = 8;
static const double LABEL_WRAP = 150;   /* event titles wrap here */
static const double COMPACT_WRAP = 100; /* ... or, when that does not fit, shrink to this */
static const double SPAN_LABEL_MAX = 260;
static const double BADGE_ROW = 13;   /* "+N" badges between the marks and the labels */
static const double BADGE_REACH = 30; /* dropped labels this close share a badge */
#define MARK_R TL_CHART_MARK_R
#define MARGIN TL_CHART_MARGIN

/* ---------------------------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------------------------- */

/* An event's measured label: a title and a date line, in a full and a compact form. */
typedef struct label {
    tl_text_block title, date;
    tl_text_block short_title; /* one line, ellipsized; sized when first needed */
    bool short_sized;
    char date_text[160];
    double w, h;             /* the block, stem padding included */
    double short_w, short_h; /* the compact block */
    /* The title on one line, for a level with room beside it; sized when first tried. */
    tl_text_block wide_title;
    bool wide_sized, wide_ok; /* wide_ok: it fits the plot on one line */
    double wide_w, wide_h;
} label;

typedef struct ribbon {
    tl_chart c;
    /* Per event, made when first written (ribbon_label()): with level of detail only the
     * candidates are sized, and a label is near a kilobyte, so an array of them all would
     * ask for a gigabyte at a million events. */
    label **labels;
    tl_arena label_store;
    size_t *points, npoints;
    size_t *spans, nspans;
    tl_stem_item *stems; /* per point */
    bool *compact;       /* per point: use the short label */
    bool *excluded;      /* per point: left out to make room for more important labels */
    bool *wide;          /* per point: on one line, in room its level has (ribbon-widen.c) */
    tl_row_item *span_rows;
    int span_row_count;
    double span_row_h;

    tl_axis axis;
    tl_bands bands;
    double bands_h;

    /* "+N" badges where labels were left out, above the axis. */
    double badge_h;
    /* Level of detail: the events counted in the density strip instead of drawn. */
    bool lod;
    bool estimate; /* labels are estimated until a packing places them */
    int max_levels, max_rows;
    size_t *summarised, nsummarised;
    tl_text_block density_note;
    double density_h; /* the strip and its note, below the axis band */
    /* Vertical plan. */
    int levels[2];
    double level_h[2][MAX_LEVELS_FIT];
    double bands_top, above_top, axis_top, axis_bottom, chart_bottom, height;
    double top_axis, bottom_axis; /* the axis repeated over and under the chart; -1: not */
    double content_bottom;        /* the chart's bottom above a repeated axis */
} ribbon;

static inline const tl_event *event(const ribbon *r, size_t i)
{
    return tl_chart_event(&r->c, i);
}

/* Event i's label, made (zeroed) the first time. */
static inline label *ribbon_label(ribbon *r, size_t i)
{
    if (!r->labels[i]) {
        r->labels[i] = tl_arena_alloc(&r->label_store, sizeof *r->labels[i]);
        memset(r->labels[i], 0, sizeof *r->labels[i]);
    }
    return r->labels[i];
}

/* Event i's label to read: one never written reads as zeros. */
static inline const label *ribbon_label_at(const ribbon *r, size_t i)
{
    static const label none;
    return r->labels[i] ? r->labels[i] : &none;
}

/* The block of point k's label as placed: wide, compact or full. */
static inline double tl_ribbon_label_w(const ribbon *r, size_t k)
{
    const label *lb = ribbon_label_at(r, r->points[k]);
    return r->wide[k] ? lb->wide_w : r->compact[k] ? lb->short_w : lb->w;
}

/* Sets on one line each placed title that was wrapped or cut short while its level has room
 * beside it for the whole line (ribbon-widen.c). A failure is kept in r->c.failed. */
void tl_ribbon_widen(ribbon *r);

/* Level of detail (ribbon-lod.c). With more events than the levels and rows could label at
 * best, keeps the candidates for a label in the points and spans and lists the others as
 * summarised. */
void tl_ribbon_choose_lod(ribbon *r);
/* With level of detail, packs into at most `max_rows` rows the spans (r->span_rows, their
 * boxes set) whose labels best fill the time the point labels leave bare, the more important
 * first; the others get row -1. Returns the rows used. */
int tl_ribbon_pack_lod_spans(ribbon *r, int max_rows);
/* Reserves the density strip and its note under the axis band (none without level of
 * detail). */
bool tl_ribbon_measure_density(ribbon *r, tl_error **err);
/* Draws the strip of every event not labelled; counts those labelled in *labelled. */
bool tl_ribbon_emit_density(ribbon *r, size_t *labelled, tl_error **err);

#endif /* TL_VARIANT_RIBBON_H */
