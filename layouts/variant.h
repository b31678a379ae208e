/* Layout variants: each turns a timeline into a scene. */
#ifndef TL_VARIANT_H
#define TL_VARIANT_H

#include "timeline/timeline.h"

#include "fonts/measure.h"
#include "options-private.h"
#include "scene/scene.h"

typedef struct tl_variant_ops {
    const char *name;
    /* Fills `scene` (already sized to the requested width, height 0 when fitted). */
    bool (*run)(const tl_timeline *tl, const tl_layout_options *opts,
                const tl_text_measurer *measurer, tl_scene *scene, tl_error **err);
} tl_variant_ops;

extern const tl_variant_ops tl_variant_ribbon;
extern const tl_variant_ops tl_variant_vertical;
extern const tl_variant_ops tl_variant_lanes;

#endif /* TL_VARIANT_H */
