/* Eras (background bands) and markers (full-height lines): their labels share rows at the top
 * of the plot; overlapping eras get rows of their own, so none hides another. */
#ifndef TL_BANDS_H
#define TL_BANDS_H

#include "chart.h"
#include "labels.h"
#include "scale.h"

typedef struct tl_bands {
    size_t *items; /* eras and markers, in chart order */
    size_t count;
    tl_text_block *labels;
    tl_row_item *rows;
    int row_count;
    double row_h;
} tl_bands;

/* Collects the eras and markers of the chart and measures their labels. */
bool tl_bands_init(tl_bands *b, tl_chart *c, tl_error **err);
/* Packs the labels for the scale into rows; returns the height the rows take (0 for none). */
double tl_bands_pack(tl_bands *b, const tl_chart *c, const tl_scale *s, double right);
/* Era washes from y0 to y1, and each era's strip in its label row at `rows_top`. */
void tl_bands_emit_eras(tl_bands *b, tl_chart *c, const tl_scale *s, double rows_top, double y0,
                        double y1);
void tl_bands_emit_labels(tl_bands *b, tl_chart *c, double rows_top);
/* Marker lines from y0 to y1, broken around every text op already in the scene: call last. */
void tl_bands_emit_markers(tl_bands *b, tl_chart *c, const tl_scale *s, double y0, double y1);
/* The end an era or span is drawn to (an open era runs to the end of the scale). */
int64_t tl_bands_event_end(const tl_event *ev, const tl_scale *s);
void tl_bands_free(tl_bands *b);

#endif /* TL_BANDS_H */
