/* The ribbon's point labels take the room their level has. The packer sizes every title for
 * a column LABEL_WRAP wide (or cut to COMPACT_WRAP when a level is crowded); once the levels
 * are packed, a title wrapped on several lines or cut short goes on one line wherever its
 * level is free that far beside it: no other box there, no stem rising through it to a
 * higher level, inside the plot. A width chosen with --label-width stands. */
#include "variant-ribbon.h"

#include <math.h>

/* The first point whose anchor is at least x: points are in anchor order. */
static size_t first_at(const ribbon *r, double x)
{
    size_t lo = 0, hi = r->npoints;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->stems[mid].anchor < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* How far point k's box may reach from its anchor on its side of the stem (right, or left
 * when it hangs left), at most `reach`: up to the next box on its level or stem rising
 * through it, or the plot's edge. A box reaches at most `widest` from its own anchor, so only
 * anchors that near are looked at. */
static double room(const ribbon *r, size_t k, double reach, double widest)
{
    const tl_stem_item *s = &r->stems[k];
    const double dir = s->flip ? -1 : 1;
    double edge = s->flip ? s->anchor - MARGIN : r->c.scene->width - MARGIN - s->anchor;
    edge = fmin(edge, reach);
    const double window = reach + widest + BOX_GAP;
    size_t j = first_at(r, s->anchor - window);
    for (; j < r->npoints && r->stems[j].anchor <= s->anchor + window; j++) {
        const tl_stem_item *o = &r->stems[j];
        if (j == k || o->level < 0 || o->side != s->side || o->level < s->level)
            continue;
        double near; /* the obstacle's nearest point, as a distance from the anchor */
        if (o->level == s->level) {
            const double w = tl_ribbon_label_w(r, j);
            const double a = o->flip ? o->anchor - w : o->anchor, b = o->flip ? o->anchor : a + w;
            near = (dir > 0 ? a - s->anchor : s->anchor - b) - BOX_GAP;
        } else {
            near = dir * (o->anchor - s->anchor) - BOX_GAP / 2;
        }
        if (near >= 0 && near < edge)
            edge = near;
    }
    return edge;
}

/* Point k's title re-set for the room beside it, when that takes fewer lines than the
 * packed form (or shows what the compact form cut). */
static void widen_one(ribbon *r, size_t k, double reach, double widest)
{
    tl_chart *c = &r->c;
    label *lb = ribbon_label(r, r->points[k]);
    const double space = room(r, k, reach, widest) - STEM_PAD;
    if (space <= LABEL_WRAP || space < lb->date.ext.width)
        return; /* no wider than the packed form */
    const tl_text_block *packed = r->compact[k] ? &lb->short_title : &lb->title;
    if (!tl_chart_size(c, &c->font.label, &lb->wide_title, event(r, r->points[k])->title, space, 3,
                       false, &c->failed))
        return;
    const tl_text_extents *e = &lb->wide_title.ext;
    if (e->ellipsized || (!packed->ext.ellipsized && e->lines >= packed->ext.lines))
        return;
    lb->wide_w = STEM_PAD + fmax(e->width, lb->date.ext.width);
    lb->wide_h = e->height + 1 + lb->date.ext.height;
    r->wide[k] = true;
}

void tl_ribbon_widen(ribbon *r)
{
    double widest = 0;
    for (size_t k = 0; k < r->npoints; k++) {
        r->wide[k] = false;
        if (r->stems[k].level >= 0)
            widest = fmax(widest, tl_ribbon_label_w(r, k));
    }
    if (r->c.opts->label_width > 0)
        return; /* --label-width: the widest a label may be, chosen */
    /* The packed form has at most three lines of LABEL_WRAP: on one line it is hardly
     * longer, so nothing further off can be in its way. */
    const double reach = 3.5 * LABEL_WRAP;
    for (size_t k = 0; k < r->npoints && !r->c.failed; k++) {
        const label *lb = ribbon_label_at(r, r->points[k]);
        if (r->stems[k].level < 0 || (!r->compact[k] && lb->title.ext.lines <= 1))
            continue;
        widen_one(r, k, reach, widest);
        if (r->wide[k])
            widest = fmax(widest, lb->wide_w);
    }
}
