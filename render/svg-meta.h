/* What the SVG writer adds for readers of a report, in both of its text modes: escaping, the
 * chart's <title> and <desc>, and the link and tooltip an event label carries. */
#ifndef TL_SVG_META_H
#define TL_SVG_META_H

#include <stdbool.h>

#include "common/tl-buf.h"
#include "scene/scene.h"

/* The ids the root element's aria-labelledby names. */
#define TL_SVG_TITLE_ID "chart-title"
#define TL_SVG_DESC_ID "chart-desc"

/* Appends `s` escaped for XML text and attribute values (& < > " '). Characters XML 1.0 cannot
 * hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF) are dropped; bytes that are not
 * UTF-8 become U+FFFD. */
void tl_svg_append_escaped(tl_buf *b, const char *s);

/* Appends a colour as fill="#rrggbb" (and fill-opacity when not opaque) after `attr`
 * ("fill" or "stroke"), with a leading space. */
void tl_svg_append_paint(tl_buf *b, const char *attr, tl_color c);

/* The chart's title as plain text (markup's tags removed when the title is drawn as markup),
 * or "Timeline" when it has none. The caller frees it with g_free(). */
char *tl_svg_chart_title(const tl_scene *scene);

/* A one-sentence description of the data, for <desc>: "Timeline of 14 events from Nov 2019
 * to Dec 2020 in 3 groups: India, Japan, Multilateral." Built from the scene's events only,
 * so it is deterministic. The caller frees it. */
char *tl_svg_describe(const tl_scene *scene);

/* Appends role="img" aria-labelledby="..." (with a leading space) for the root element. */
void tl_svg_append_root_aria(tl_buf *b);
/* Appends <title id=...>TITLE</title><desc id=...>DESCRIPTION</desc> and a line break. */
void tl_svg_append_title_desc(tl_buf *b, const tl_scene *scene);

/* What an op carries for a reader: an event's label, date and mark link to its URL, and a
 * label that shows less than the event's title (shortened, wrapped away or ellipsized) has the
 * full title as a tooltip. */
typedef struct tl_svg_extra {
    const char *url; /* scene-owned, checked with tl_url_is_safe(); NULL: none */
    char *tooltip;   /* plain text to free with g_free(); NULL: none */
} tl_svg_extra;

/* Fills *out for op `index` of `scene`; returns false (and *out empty) when the op carries
 * nothing. `ellipsized` says whether the renderer's layout of the op's text was ellipsized
 * (pass false when unknown and the op's text is not shaped with a line limit). */
bool tl_svg_op_extra(const tl_scene *scene, const tl_op *op, bool ellipsized, tl_svg_extra *out);

#endif /* TL_SVG_META_H */
