/* Label placement: packing measured boxes into levels so that nothing overlaps. */
#ifndef TL_LABELS_H
#define TL_LABELS_H

#include <stdbool.h>
#include <stddef.h>

/* A label hung on a stem at x = anchor: its box is `width` wide and extends right of the
 * anchor, or left of it when that would leave [left, right]. */
typedef struct tl_stem_item {
    double anchor;
    double width;
    /* Results. */
    int level; /* 0 is nearest the axis; -1 when no level could take it */
    int side;  /* 0 above the axis, 1 below */
    bool flip; /* the box extends left of the anchor */
} tl_stem_item;

/* Places items (sorted by anchor) on `sides` sides (1 or 2) in at most `max_levels` levels per
 * side, the lowest level possible, such that no two boxes in a level come within `gap` of
 * each other and no stem (from the axis up to its own box) crosses another box. Boxes extend
 * right of their anchor unless that would leave [left, right]. Right-extending items are taken
 * right to left, so their boxes never lie across a later stem; then the left-extending ones,
 * mirrored. Cost: O(n * max_levels). */
void tl_labels_pack_stems(tl_stem_item *items, size_t n, int sides, int max_levels, double gap,
                          double left, double right);

/* An interval to pack into rows (spans, era labels). */
typedef struct tl_row_item {
    double x0, x1;
    int row; /* result; -1 when more than max_rows would be needed */
} tl_row_item;

/* First-fit interval packing of items sorted by x0: each goes to the lowest row whose last
 * item ends `gap` before it. Returns the number of rows used. */
int tl_labels_pack_rows(tl_row_item *items, size_t n, int max_rows, double gap);

/* The anchors of the labels placed so far, sorted, for choosing the next label where the
 * chart has fewest (farthest first). The caller allocates `x` with room for every mark. */
typedef struct tl_marks {
    double *x;
    size_t n;
} tl_marks;

void tl_marks_add(tl_marks *m, double x);
/* The distance from x to the nearest mark; infinity when there is none. */
double tl_marks_distance(const tl_marks *m, double x);

#endif /* TL_LABELS_H */
