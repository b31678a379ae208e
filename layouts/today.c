#include "today.h"

#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "data/date.h"
#include "words.h"

void tl_today_add(tl_chart *c)
{
    const tl_layout_options *o = c->opts;
    if (!o->has_today || o->numeric)
        return;
    const tl_time *t = &o->today;
    if ((o->has_from && t->hi < o->from) || (o->has_to && t->lo > o->to))
        return; /* outside the window, as any event there */
    if (!c->view) {
        c->view = tl_xmalloc((c->n + 1) * sizeof *c->view);
        for (size_t i = 0; i < c->n; i++)
            c->view[i] = *tl_timeline_get_event(c->tl, i);
    } else {
        c->view = tl_xrealloc(c->view, (c->n + 1) * sizeof *c->view);
    }
    /* Its label is its date, in the reader's words. */
    char label[TL_DATE_LABEL_SIZE + 64];
    if (!tl_words_time(c->loc, t, label, sizeof label))
        tl_date_format_label(t, label, sizeof label);
    const char *text = tl_scene_strdup(c->scene, label);
    const tl_event today = {
        .start = *t,
        .type = TL_EVENT_MARKER,
        .status = TL_STATUS_CONFIRMED,
        .importance = 5,
        .title = text,
        .description = "",
        .group = "",
        .start_text = text,
        .end_text = "",
        .start_label = text,
        .end_label = "",
        .date_label = text,
        .status_text = "",
        .group_index = -1,
        .extra = &tl_event_no_extra,
    };
    size_t at = 0;
    while (at < c->n && c->view[at].start.lo <= t->lo)
        at++;
    memmove(&c->view[at + 1], &c->view[at], (c->n - at) * sizeof *c->view);
    c->view[at] = today;
    c->n++;
}

static void fade(tl_color *color, tl_color paper)
{
    /* Two thirds of the way to the paper: still legible, plainly behind. */
    const double k = 0.35;
    if (!(color->a > 0))
        return;
    color->r = paper.r + (color->r - paper.r) * k;
    color->g = paper.g + (color->g - paper.g) * k;
    color->b = paper.b + (color->b - paper.b) * k;
}

void tl_today_dim_past(tl_scene *scene, const tl_layout_options *opts)
{
    if (!opts->has_today || opts->past != TL_PAST_DIM)
        return;
    const tl_color paper = scene->background.a > 0 ? scene->background : (tl_color){1, 1, 1, 1};
    for (size_t i = 0; i < scene->op_count; i++) {
        tl_op *op = &scene->ops[i];
        if (op->event < 0 || (size_t)op->event >= scene->event_count)
            continue;
        const tl_scene_event e = tl_scene_event_at(scene, (size_t)op->event), *ev = &e;
        const int64_t end = ev->end ? ev->end_time.hi : ev->start_time.hi;
        if (end >= opts->today.lo)
            continue;
        switch (op->kind) {
        case TL_OP_RECT:
            fade(&op->u.rect.fill, paper);
            fade(&op->u.rect.stroke.color, paper);
            fade(&op->u.rect.hatch_color, paper);
            break;
        case TL_OP_LINE:
            fade(&op->u.line.stroke.color, paper);
            break;
        case TL_OP_MARKER:
            fade(&op->u.marker.fill, paper);
            fade(&op->u.marker.stroke.color, paper);
            break;
        case TL_OP_TEXT:
            fade(&op->u.text.color, paper);
            break;
        }
    }
}
