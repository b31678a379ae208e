/* A span or era that runs on from the page before is named again where the page starts:
 * "ARPANET in service (continued)" at the left of its bar, so that a reader holding one page
 * can tell what the bar is. Pages across time only (the lanes and ribbon layouts). */
#include "paginate-continued.h"

#include <math.h>
#include <stdlib.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "common/tl-utf8.h"
#include "words.h"

static const double PAD = 4;          /* chart units: page edge to the name, inside its bar */
static const double MIN_ROOM = 24;    /* page points: less than this shows no name */
static const double TEXT_GAP = 6;     /* chart units: the name to the next text in its row */
static const tl_color LIGHT = {1, 1, 1, 1};

/* Each event's label (an event label or an era's name), or -1. */
static long *labels_by_event(const tl_scene *s)
{
    long *of = tl_xmalloc((s->event_count + 1) * sizeof *of);
    for (size_t e = 0; e < s->event_count; e++)
        of[e] = -1;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_TEXT && op->event >= 0 && (size_t)op->event < s->event_count &&
            (op->role == TL_ROLE_EVENT_LABEL || op->role == TL_ROLE_ERA_LABEL) &&
            of[op->event] < 0)
            of[op->event] = (long)i;
    }
    return of;
}

static const double ABOVE = 4; /* chart units: a label this close over its bar names it */

/* Whether the label names the bar from the bar's row (inside it, or beside it in lanes) or
 * from just over it (the ribbon's spans). */
static bool names_bar(const tl_rect_op *bar, const tl_text_op *label, bool *on_bar)
{
    const double mid = label->y + label->h / 2, bottom = label->y + label->h;
    *on_bar = mid >= bar->y && mid <= bar->y + bar->h;
    return *on_bar || (bottom <= bar->y + 0.5 && bottom >= bar->y - ABOVE &&
                       label->x >= bar->x - 0.5 && label->x <= bar->x + bar->w);
}

/* The text colour: its label's own when the label sat inside the bar or over it, else white
 * on a dark fill and the label's colour on a light or washed one. */
static tl_color text_color(const tl_rect_op *bar, const tl_text_op *label, bool on_bar)
{
    const bool inside = !on_bar || (label->x >= bar->x - 0.5 &&
                                    label->x + label->w <= bar->x + bar->w + 0.5);
    const tl_color f = bar->fill;
    const double lum = 0.2126 * f.r + 0.7152 * f.g + 0.0722 * f.b;
    if (inside || f.a < 0.5 || lum >= 0.55)
        return label->color;
    return LIGHT;
}

/* How far from `from` the row [y0, y1] is free of the page's texts, up to `limit`. */
static double free_run(const tl_scene *s, const size_t *texts, size_t ntexts, double from,
                       double limit, double y0, double y1)
{
    for (size_t k = 0; k < ntexts; k++) {
        const tl_text_op *t = &s->ops[texts[k]].u.text;
        if (t->y < y1 && t->y + t->h > y0 && t->x + t->w > from && t->x - TEXT_GAP < limit)
            limit = fmax(from, t->x - TEXT_GAP);
    }
    return limit - from;
}

/* The texts the page draws whole. */
typedef struct page_texts {
    size_t *at;
    size_t n;
} page_texts;

static bool name_one(tl_scene *s, tl_page *page, const continued_page *cp, const page_texts *pt,
                     const tl_rect_op *bar, bool on_bar, const tl_op *label,
                     const tl_text_measurer *m, tl_locale *loc, tl_error **err)
{
    const tl_text_op *t = &label->u.text;
    const double end = fmin(bar->x + bar->w, cp->end);
    const double room =
        free_run(s, pt->at, pt->n, cp->lo + PAD, end - PAD, t->y, t->y + t->h) * cp->scale;
    if (room < MIN_ROOM)
        return true;
    char local[512];
    const tl_locale_arg args[1] = {{.text = t->text}};
    char *text = tl_words_say(loc, "page", "{0} (continued)", args, 1, local, sizeof local)
                     ? tl_xstrdup(local)
                     : tl_xasprintf("%s (continued)", t->text);
    tl_font font = t->font;
    font.size *= cp->scale;
    const tl_text_shape shape = {
        .wrap_width = room, .max_lines = 1, .markup = t->shape.markup, .lang = s->lang};
    tl_text_extents ext;
    if (!m->measure(m->user, &font, &shape, text, &ext)) {
        tl_set_error(err, TL_ERROR_CONFIG, "cannot measure text \"%.*s\"",
                     tl_utf8_prefix(text, 40), text);
        free(text);
        return false;
    }
    tl_op *op = tl_page_push_overlay(page, TL_OP_TEXT, label->role);
    op->event = label->event;
    op->u.text = (tl_text_op){
        .x = cp->x + (PAD) * cp->scale,
        .y = cp->y + (t->y - cp->src_y) * cp->scale,
        .w = ext.width,
        .h = ext.height,
        .baseline = ext.baseline,
        .text = tl_scene_strdup(s, text),
        .font = font,
        .shape = shape,
        .color = text_color(bar, t, on_bar),
        .shortened = ext.ellipsized,
    };
    free(text);
    return true;
}

bool tl_paginate_name_continued(tl_scene *s, tl_page *page, const continued_page *cp,
                                const int *op_unit, const tl_text_measurer *m, tl_locale *loc,
                                tl_error **err)
{
    long *label_of = labels_by_event(s);
    bool *named = tl_xcalloc(s->event_count + 1, sizeof *named);
    page_texts pt = {tl_xmalloc((s->op_count + 1) * sizeof *pt.at), 0};
    for (size_t i = 0; i < s->op_count; i++)
        if (cp->shown[i] && s->ops[i].kind == TL_OP_TEXT)
            pt.at[pt.n++] = i;
    bool ok = true;
    for (size_t i = 0; i < s->op_count && ok; i++) {
        const tl_op *op = &s->ops[i];
        /* A bar cut at the page's start: drawn on both pages, its label on one of them. */
        if (op_unit[i] != -1 || op->kind != TL_OP_RECT || op->event < 0 ||
            (size_t)op->event >= s->event_count || named[op->event] ||
            label_of[op->event] < 0 || cp->shown[label_of[op->event]])
            continue;
        const tl_rect_op *bar = &op->u.rect;
        const tl_op *label = &s->ops[label_of[op->event]];
        const double mid = label->u.text.y + label->u.text.h / 2;
        bool on_bar;
        if (bar->x >= cp->lo - 0.5 || bar->x + bar->w <= cp->lo ||
            !names_bar(bar, &label->u.text, &on_bar) || mid < cp->cross_lo || mid > cp->cross_hi)
            continue; /* starts on this page, ends before it, or its label is elsewhere */
        named[op->event] = true;
        ok = name_one(s, page, cp, &pt, bar, on_bar, label, m, loc, err);
    }
    free(pt.at);
    free(named);
    free(label_of);
    return ok;
}

void tl_paginate_mark_links(tl_scene *s, tl_page *page, const continued_page *cp)
{
    static const double R = 2.5;
    for (size_t k = 0; k < s->link_count; k++) {
        const tl_scene_link *l = &s->links[k];
        for (int p = 1; p < l->npoints; p++) {
            const double x0 = l->x[p - 1], x1 = l->x[p], y = l->y[p];
            if (l->y[p - 1] != y || y < cp->cross_lo || y > cp->cross_hi)
                continue;
            const bool right = x1 > x0;
            const double edges[2] = {cp->lo, cp->end};
            for (int e = 0; e < 2; e++) {
                const double at = edges[e];
                if (!(fmin(x0, x1) < at && at < fmax(x0, x1)))
                    continue;
                /* Inside the page, a head's width from its edge. */
                const double inward = e == 0 ? R + 0.5 : -(R + 0.5);
                tl_op *op = tl_page_push_overlay(page, TL_OP_MARKER, TL_ROLE_DEPENDENCY);
                op->event = l->to;
                op->u.marker = (tl_marker_op){
                    .cx = cp->x + (at - cp->lo) * cp->scale + inward,
                    .cy = cp->y + (y - cp->src_y) * cp->scale,
                    .radius = R,
                    .shape = right ? TL_MARKER_ARROW_RIGHT : TL_MARKER_ARROW_LEFT,
                    .fill_mode = TL_MARKER_FILLED,
                    .fill = l->color,
                };
            }
        }
    }
}
