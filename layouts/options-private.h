#ifndef TL_OPTIONS_PRIVATE_H
#define TL_OPTIONS_PRIVATE_H

#include "timeline/timeline.h"

struct tl_layout_options {
    tl_variant variant;
    tl_theme theme;
    char *title;    /* NULL for none */
    char *subtitle; /* NULL for none */
    char *caption;  /* NULL for none: a source or note line under the legend */
    char *group_order; /* comma-separated group names to put first, or NULL */
    bool axis_breaks; /* cut long empty stretches out of the axis */
    bool has_from, has_to; /* a window on time: events outside are not drawn */
    int64_t from, to;
    double width;  /* points; 0: default */
    double height; /* points; 0: fit the content */
};

enum { TL_DEFAULT_WIDTH = 900 };

#endif /* TL_OPTIONS_PRIVATE_H */
