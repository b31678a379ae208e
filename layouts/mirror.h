/* The mirror image of a laid-out chart, for right-to-left readers: time runs from right to
 * left, text blocks keep their reading direction (Pango's bidi) but sit where a right-to-left
 * reader looks for them. */
#ifndef TL_MIRROR_H
#define TL_MIRROR_H

#include "scene/scene.h"

/* Mirrors every op about the canvas's vertical centre line; on pages, each piece of the chart
 * and each page's overlays about the page's. */
void tl_mirror_scene(tl_scene *scene);

#endif /* TL_MIRROR_H */
