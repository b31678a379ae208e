/* Deterministic ids in Cairo's SVG output. */
#ifndef TL_SVG_IDS_H
#define TL_SVG_IDS_H

#include <stddef.h>

/* Cairo 1.16 names some SVG elements after process-wide counters: the page group is
 * <g id="surfaceN"> where N is the surface's serial number, which grows with every surface the
 * process creates (images included), so the second chart a process draws differs from the
 * first. This renumbers every id Cairo makes (surfaceN, glyphN-M, clipN, maskN, patternN,
 * imageN, linearN, radialN, filterN, sourceN) in order of first appearance, one counter per
 * prefix ("surface1", "glyph1", "glyph2", ...), in its definition (id="...") and every
 * reference to it ("#..." in href and url(...)). Other text is copied unchanged; the result
 * stays valid SVG. Returns a new NUL-terminated string of *out_len bytes; the caller frees it. */
char *tl_svg_renumber_ids(const char *svg, size_t len, size_t *out_len);

#endif /* TL_SVG_IDS_H */
