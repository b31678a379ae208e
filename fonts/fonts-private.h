/* The font context behind the public tl_fonts handle. Pango units stay inside fonts/. */
#ifndef TL_FONTS_PRIVATE_H
#define TL_FONTS_PRIVATE_H

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "timeline/timeline.h"

#include "common/tl-strv.h"
#include "measure.h"

struct tl_font_options {
    char *font;        /* a Pango font description as given; NULL: the default family */
    tl_strv dirs;      /* folders of font files to add, as given */
    bool system_fonts; /* the machine's fontconfig set instead of the private one */
    bool process_wide; /* the private set becomes fontconfig's current configuration */
};

struct tl_fonts {
    int refcount;
    char *family;   /* the font as given (tl_fonts_get_family()), or the default family */
    char *families; /* what text is set in: the families asked for, then the fallback chain */
    double scale;   /* the description's size over TL_FONTS_BASE_SIZE; 1 without a size */
    /* The private configuration (the fallback chain's files, the requested families' files
     * and the added folders); NULL when the machine's fonts are used without added folders. */
    FcConfig *config;
    tl_strv files;         /* the font files the private configuration holds, sorted */
    PangoFontMap *fontmap; /* a PangoCairoFontMap */
    /* 72 dpi, metrics hinting off: one layout unit is one point on every output. */
    PangoContext *context;
    /* Layouts made so far, so the renderer draws the layout measurement shaped instead of
     * shaping the text again: key (font, shape, strike, text) -> cached_layout. Bounded by
     * TL_FONTS_LAYOUT_CACHE entries; further layouts are made and not kept. */
    GHashTable *layouts;
    /* Per-character advances of the fonts estimates were asked in, and what frees them: the
     * estimator's (estimate.c), which fonts.c calls without depending on it. */
    void *advances;
    GDestroyNotify advances_free;
};

#define TL_FONTS_LAYOUT_CACHE 4096

/* The family used when no font is asked for. Debian's fonts-noto-core provides it. */
#define TL_FONTS_DEFAULT_FAMILY "Noto Sans"

/* The size a font description's size is relative to: "Noto Sans 12" sets every text of the
 * chart 1.2 times its usual size. */
#define TL_FONTS_BASE_SIZE 10.0
/* Sizes a font description may give, in points. */
#define TL_FONTS_MIN_BASE_SIZE 2.0
#define TL_FONTS_MAX_BASE_SIZE 100.0

/* Font sizes tl_fonts_layout_new() accepts, in points. Outside this range Pango either
 * rejects the size or overflows its fixed-point units. */
#define TL_FONTS_MIN_SIZE 0.1
#define TL_FONTS_MAX_SIZE 10000.0

/* Widest wrap width accepted, in points; larger widths would overflow Pango units. */
#define TL_FONTS_MAX_WRAP_WIDTH 1000000.0

/* Whether tl_fonts_layout_new() can lay out `text` in `font` with `shape`: the size is finite
 * and in range, the wrap width is not NaN nor too large, and the text is valid UTF-8 (Pango
 * would print a warning for invalid UTF-8, and the library never prints). The renderer checks
 * every text op with this before it writes any byte. A font weight of 0 or less means 400. */
bool tl_fonts_can_layout(const tl_font *font, const tl_text_shape *shape, const char *text);

/* Builds the Pango layout for `text` in `font` with `shape`, or returns a new reference to
 * the one built before for the same arguments (callers must not change it). Measuring and
 * drawing both call this, so the two can never disagree. `strike` adds a strike-through line. With
 * shape->markup, `text` is read as Pango markup limited to <b> <i> <u> <s> <sub> <sup>; text
 * that is not such markup is set literally and, when `markup_invalid` is not NULL, sets it
 * true. Every run of text is tagged with a fixed language for its script, so shaping never
 * depends on the process's locale or LANGUAGE. The caller unrefs the result (g_object_unref).
 * Returns NULL when tl_fonts_can_layout() is false. */
PangoLayout *tl_fonts_layout_new(tl_fonts *fonts, const tl_font *font, const tl_text_shape *shape,
                                 const char *text, bool strike, bool *markup_invalid);

/* Where the top-left corner of `layout`'s logical rectangle lies relative to the layout's
 * origin, in points. Drawing the layout at (x - *dx, y - *dy) puts that corner at (x, y),
 * which is where text ops are positioned; it is not (0, 0) for right-to-left paragraphs. */
void tl_fonts_layout_get_logical_origin(PangoLayout *layout, double *dx, double *dy);

/* A measurer backed by `fonts` (borrowed: it must outlive the measurer). */
tl_text_measurer tl_fonts_measurer(tl_fonts *fonts);

#endif /* TL_FONTS_PRIVATE_H */
