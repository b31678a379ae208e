/* Layout variants: each turns a timeline into a scene through the same steps, which the driver
 * (tl_variant_run(), layout.c) takes in this order over the variant's state:
 *
 *   collect   the events into the variant's items (points and spans, lanes, cards);
 *   choose    with level of detail, which items are candidates for a label (the others are
 *             summarised); numbers the candidates' sources;
 *   measure   the labels, the axis and the bands; says which legend entries the chart needs;
 *             the driver then measures the frame (title block, legend, caption, sources);
 *   plan      everything for the options' height (0: the chart's natural height), and how
 *             tall the chart is then; the driver sets the scene's height or refuses one that
 *             cannot hold the chart;
 *   emit      the scene's ops; the driver then warns about every event left unplaced.
 *
 * The state is the variant's own struct, `size` bytes, zeroed, whose first member is its
 * tl_chart: each hook gets that chart and casts it back. */
#ifndef TL_VARIANT_H
#define TL_VARIANT_H

#include "timeline/timeline.h"

#include "chart.h"
#include "fonts/measure.h"
#include "options-private.h"
#include "scene/scene.h"

typedef struct tl_variant_ops {
    const char *name;
    size_t size;
    /* Each group has a lane of its own: its bars need no hatching to tell them apart. */
    bool groups_apart;
    /* Time runs down the page: pages cut the chart across, one below the other. */
    bool runs_down;

    bool (*collect)(tl_chart *c, tl_error **err);
    void (*choose)(tl_chart *c);
    bool (*measure)(tl_chart *c, unsigned *legend, tl_error **err);
    /* Sets *need to the height the chart takes. A failure kept in c->failed is the driver's
     * to report. */
    bool (*plan)(tl_chart *c, double height, double *need, tl_error **err);
    /* What a height too short cannot hold ("3 lanes"); NULL: "this chart". */
    void (*describe)(const tl_chart *c, char *buf, size_t size);
    bool (*emit)(tl_chart *c, tl_error **err);
    /* Frees what the hooks allocated (also after any of them failed); not the chart. */
    void (*free)(tl_chart *c);

    /* Fills `scene` (already sized to the requested width, height 0 when fitted): a call of
     * tl_variant_run() with the variant's own ops, so that a layout can also be run on its
     * own, as its tests do. */
    bool (*run)(const tl_timeline *tl, const tl_layout_options *opts,
                const tl_text_measurer *measurer, tl_scene *scene, tl_error **err);
} tl_variant_ops;

/* Runs the hooks of `ops` to fill `scene`. Returns false with *err set when a hook fails or
 * the options' height cannot hold the chart. */
bool tl_variant_run(const tl_variant_ops *ops, const tl_timeline *tl, const tl_layout_options *opts,
                    const tl_text_measurer *measurer, tl_scene *scene, tl_error **err);

extern const tl_variant_ops tl_variant_ribbon;
extern const tl_variant_ops tl_variant_vertical;
extern const tl_variant_ops tl_variant_lanes;

#endif /* TL_VARIANT_H */
