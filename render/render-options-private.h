/* The body of tl_render_options, for the driver and the format files that read it. */
#ifndef TL_RENDER_OPTIONS_PRIVATE_H
#define TL_RENDER_OPTIONS_PRIVATE_H

#include <stdbool.h>

#include "timeline/timeline.h"

struct tl_render_options {
    double dpi;   /* PNG pixels per inch */
    double scale; /* PNG scale on top of dpi */
    /* PDF document information, owned; NULL for the defaults (the chart's title, "timeline
     * VERSION" as the creator, nothing else). */
    char *pdf_author;
    char *pdf_subject;
    char *pdf_keywords;
    char *pdf_title;
    char *pdf_creator;
    bool svg_text; /* live <text> instead of glyph outlines */
};

/* The defaults, which a NULL `opts` stands for; static storage. */
const tl_render_options *tl_render_options_defaults(void);

#endif /* TL_RENDER_OPTIONS_PRIVATE_H */
