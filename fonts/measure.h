/* Text measurement as layouts see it: an injected function, so layouts never depend on Pango.
 * Units are points (1/72 in). Header-only. */
#ifndef TL_MEASURE_H
#define TL_MEASURE_H

#include <stdbool.h>

/* A font request. The family comes from the font context the measurer was made from. */
typedef struct tl_font {
    double size; /* points */
    int weight;  /* CSS weights: 400 normal, 600 semibold, 700 bold */
    bool italic;
} tl_font;

/* How a block of text is shaped: wrap at word boundaries to `wrap_width` (0: one line, no
 * wrapping), at most `max_lines` lines (0: no limit), the last line ellipsized when cut. */
typedef struct tl_text_shape {
    double wrap_width;
    int max_lines;
} tl_text_shape;

typedef struct tl_text_extents {
    double width;    /* logical (advance) width of the widest line */
    double height;   /* logical height of all lines */
    double baseline; /* distance from the top to the first line's baseline */
    int lines;       /* number of lines after wrapping */
    bool ellipsized; /* text was shortened to fit max_lines */
} tl_text_extents;

typedef struct tl_text_measurer {
    /* Measures `text` (valid UTF-8) set in `font` and shaped per `shape`. Returns false when
     * the text cannot be measured (the measurer's fonts are unusable). */
    bool (*measure)(void *user, const tl_font *font, const tl_text_shape *shape,
                    const char *text, tl_text_extents *out);
    void *user;
} tl_text_measurer;

#endif /* TL_MEASURE_H */
