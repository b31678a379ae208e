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
 * wrapping), at most `max_lines` lines (0: no limit), the last line ellipsized when cut.
 * `markup`: the text is Pango markup limited to <b> <i> <u> <s> <sub> <sup> (text that is not
 * is set literally, and the measurer says so). */
typedef struct tl_text_shape {
    double wrap_width;
    int max_lines;
    bool markup;
    /* The language the text is in ("ja", "zh-Hans"; NULL: none said): its script's fonts
     * and forms follow it (Han characters in Chinese or Japanese forms). */
    const char *lang;
} tl_text_shape;

/* Sizes of the text quoted in tl_text_extents, NUL included. */
enum { TL_MISSING_TEXT_SIZE = 64, TL_MISSING_SCRIPT_SIZE = 32 };

typedef struct tl_text_extents {
    double width;    /* logical (advance) width of the widest line */
    double height;   /* logical height of all lines */
    double baseline; /* distance from the top to the first line's baseline */
    int lines;       /* number of lines after wrapping */
    bool ellipsized; /* text was shortened to fit max_lines */
    /* Characters no font of the measurer's set has a glyph for (drawn as boxes); control
     * characters are not counted. When there are some, the first run of text holding them
     * (UTF-8, cut at a character, controls written as U+XXXX) and its script's English name
     * ("Javanese"); both "" otherwise. */
    int missing_glyphs;
    char missing_text[TL_MISSING_TEXT_SIZE];
    char missing_script[TL_MISSING_SCRIPT_SIZE];
    /* shape->markup was set but the text is not valid markup: it is measured (and drawn) as
     * written. */
    bool markup_invalid;
} tl_text_extents;

typedef struct tl_text_measurer {
    /* Measures `text` (valid UTF-8) set in `font` and shaped per `shape`, filling every field
     * of *out. Returns false when the text cannot be measured (the measurer's fonts are
     * unusable). */
    bool (*measure)(void *user, const tl_font *font, const tl_text_shape *shape, const char *text,
                    tl_text_extents *out);
    /* Optional (may be NULL). Fills width, height, baseline and lines of *out with what
     * measure() would probably give, without shaping: for choosing which texts are worth
     * measuring among many that cannot all be drawn. Returns false when it cannot tell (the
     * text needs shaping to be sized at all); measure() must then be used. Never drawn from. */
    bool (*estimate)(void *user, const tl_font *font, const tl_text_shape *shape, const char *text,
                     tl_text_extents *out);
    void *user;
} tl_text_measurer;

#endif /* TL_MEASURE_H */
