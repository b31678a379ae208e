#include "scene/scene.h"

#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"

tl_scene *tl_scene_new(double width, double height)
{
    tl_scene *scene = tl_xcalloc(1, sizeof *scene);
    scene->width = width;
    scene->height = height;
    scene->background = (tl_color){1, 1, 1, 1};
    return scene;
}

void tl_scene_free(tl_scene *scene)
{
    if (!scene)
        return;
    tl_scene_clear_pages(scene);
    free(scene->ops);
    free(scene->marks);
    if (scene->event_ctx_free)
        scene->event_ctx_free(scene->event_ctx);
    free(scene->event_groups);
    free(scene->links);
    tl_strv_free(&scene->warnings);
    tl_arena_free(&scene->strings);
    if (scene->fonts && scene->fonts_unref)
        scene->fonts_unref(scene->fonts);
    if (scene->source && scene->source_release)
        scene->source_release(scene->source);
    free(scene);
}

void tl_scene_set_source(tl_scene *scene, tl_timeline *tl, void (*release)(tl_timeline *tl))
{
    if (scene->source && scene->source_release)
        scene->source_release(scene->source);
    scene->source = tl;
    scene->source_release = release;
}

void tl_scene_set_fonts(tl_scene *scene, tl_fonts *fonts, void (*unref)(tl_fonts *fonts))
{
    if (scene->fonts && scene->fonts_unref)
        scene->fonts_unref(scene->fonts);
    scene->fonts = fonts;
    scene->fonts_unref = unref;
}

const char *tl_scene_strdup(tl_scene *scene, const char *s)
{
    return tl_arena_strdup(&scene->strings, s);
}

tl_op *tl_scene_push(tl_scene *scene, tl_op_kind kind, tl_role role, int32_t event)
{
    scene->ops = tl_xgrow(scene->ops, &scene->op_cap, scene->op_count + 1, sizeof *scene->ops);
    tl_op *op = &scene->ops[scene->op_count++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->role = role;
    op->event = event;
    return op;
}

tl_rect_op *tl_scene_add_rect(tl_scene *scene, tl_role role, int32_t event, double x, double y,
                              double w, double h, tl_color fill)
{
    tl_op *op = tl_scene_push(scene, TL_OP_RECT, role, event);
    op->u.rect = (tl_rect_op){.x = x, .y = y, .w = w, .h = h, .fill = fill};
    return &op->u.rect;
}

tl_line_op *tl_scene_add_line(tl_scene *scene, tl_role role, int32_t event, double x1, double y1,
                              double x2, double y2, tl_stroke stroke)
{
    tl_op *op = tl_scene_push(scene, TL_OP_LINE, role, event);
    op->u.line = (tl_line_op){.x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2, .stroke = stroke};
    return &op->u.line;
}

tl_text_op *tl_scene_add_text(tl_scene *scene, tl_role role, int32_t event, double x, double y,
                              const char *text, const tl_font *font, const tl_text_shape *shape,
                              const tl_text_extents *ext, tl_color color)
{
    const char *copy = tl_scene_strdup(scene, text);
    tl_op *op = tl_scene_push(scene, TL_OP_TEXT, role, event);
    op->u.text = (tl_text_op){
        .x = x,
        .y = y,
        .w = ext->width,
        .h = ext->height,
        .baseline = ext->baseline,
        .text = copy,
        .font = *font,
        .shape = *shape,
        .color = color,
    };
    return &op->u.text;
}

void tl_scene_set_events(tl_scene *scene, size_t count, tl_scene_event_get get, void *ctx,
                         void (*ctx_free)(void *ctx))
{
    free(scene->marks);
    if (scene->event_ctx_free)
        scene->event_ctx_free(scene->event_ctx);
    scene->marks = tl_xcalloc(count + 1, sizeof *scene->marks);
    scene->event_count = count;
    scene->event_get = get;
    scene->event_ctx = ctx;
    scene->event_ctx_free = ctx_free;
}

static void copied_event(const void *ctx, size_t i, tl_scene_event *out)
{
    *out = ((const tl_scene_event *)ctx)[i];
}

void tl_scene_copy_events(tl_scene *scene, const tl_scene_event *events, size_t count)
{
    tl_scene_event *copy = tl_xmalloc((count + 1) * sizeof *copy);
    if (count)
        memcpy(copy, events, count * sizeof *copy);
    tl_scene_set_events(scene, count, copied_event, copy, free);
    const char **groups = tl_xcalloc(count + 1, sizeof *groups);
    size_t ngroups = 0;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < count; i++) {
        const tl_scene_event *ev = &events[i];
        scene->marks[i] = (tl_scene_mark){
            .footnote = ev->footnote, .placed = ev->placed, .summarised = ev->summarised};
        const int64_t end = ev->end ? ev->end_time.hi : ev->start_time.hi;
        lo = ev->start_time.lo < lo ? ev->start_time.lo : lo;
        hi = end > hi ? end : hi;
        bool seen = !ev->group || !ev->group[0];
        for (size_t k = 0; k < ngroups && !seen; k++)
            seen = strcmp(groups[k], ev->group) == 0;
        if (!seen)
            groups[ngroups++] = ev->group;
    }
    tl_scene_set_event_summary(scene, lo, hi, groups, ngroups);
    free(groups);
}

void tl_scene_set_event_summary(tl_scene *scene, int64_t lo, int64_t hi, const char *const *groups,
                                size_t count)
{
    const bool none = lo > hi; /* no events */
    scene->events_lo = none ? 0 : lo;
    scene->events_hi = none ? 0 : hi;
    free(scene->event_groups);
    scene->event_groups = tl_xmalloc((count + 1) * sizeof *scene->event_groups);
    if (count)
        memcpy(scene->event_groups, groups, count * sizeof *groups);
    scene->event_group_count = count;
}

tl_scene_event tl_scene_event_at(const tl_scene *scene, size_t i)
{
    tl_scene_event ev;
    scene->event_get(scene->event_ctx, i, &ev);
    ev.placed = scene->marks[i].placed;
    ev.summarised = scene->marks[i].summarised;
    ev.footnote = scene->marks[i].footnote;
    return ev;
}

void tl_scene_add_warning(tl_scene *scene, char *message)
{
    tl_strv_push(&scene->warnings, message);
}

tl_page *tl_scene_add_page(tl_scene *scene, double width, double height)
{
    scene->pages = tl_xrealloc(scene->pages, (scene->page_count + 1) * sizeof *scene->pages);
    tl_page *page = &scene->pages[scene->page_count++];
    *page = (tl_page){.width = width, .height = height};
    return page;
}

tl_viewport *tl_page_add_viewport(tl_page *page, const double src[4], double x, double y,
                                  double scale, const double clip[4])
{
    page->viewports =
        tl_xrealloc(page->viewports, (page->viewport_count + 1) * sizeof *page->viewports);
    tl_viewport *vp = &page->viewports[page->viewport_count++];
    *vp = (tl_viewport){.x = x, .y = y, .scale = scale};
    memcpy(vp->src, src, sizeof vp->src);
    memcpy(vp->clip, clip, sizeof vp->clip);
    return vp;
}

void tl_viewport_add_op(tl_viewport *vp, size_t op)
{
    /* Grows by doubling: the capacity is the next power of two at or above the count. */
    if ((vp->op_count & (vp->op_count - 1)) == 0)
        vp->ops = tl_xrealloc(vp->ops, (vp->op_count ? 2 * vp->op_count : 1) * sizeof *vp->ops);
    vp->ops[vp->op_count++] = op;
}

tl_op *tl_page_push_overlay(tl_page *page, tl_op_kind kind, tl_role role)
{
    page->overlay = tl_xrealloc(page->overlay, (page->overlay_count + 1) * sizeof *page->overlay);
    tl_op *op = &page->overlay[page->overlay_count++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->role = role;
    op->event = -1;
    return op;
}

void tl_scene_clear_pages(tl_scene *scene)
{
    for (size_t p = 0; p < scene->page_count; p++) {
        tl_page *page = &scene->pages[p];
        for (size_t v = 0; v < page->viewport_count; v++)
            free(page->viewports[v].ops);
        free(page->viewports);
        free(page->overlay);
    }
    free(scene->pages);
    scene->pages = NULL;
    scene->page_count = 0;
}

void tl_scene_op_bbox(const tl_op *op, double out[4])
{
    switch (op->kind) {
    case TL_OP_RECT:
        out[0] = op->u.rect.x;
        out[1] = op->u.rect.y;
        out[2] = op->u.rect.w;
        out[3] = op->u.rect.h;
        return;
    case TL_OP_LINE: {
        const tl_line_op *l = &op->u.line;
        out[0] = l->x1 < l->x2 ? l->x1 : l->x2;
        out[1] = l->y1 < l->y2 ? l->y1 : l->y2;
        out[2] = l->x1 < l->x2 ? l->x2 - l->x1 : l->x1 - l->x2;
        out[3] = l->y1 < l->y2 ? l->y2 - l->y1 : l->y1 - l->y2;
        return;
    }
    case TL_OP_MARKER:
        out[0] = op->u.marker.cx - op->u.marker.radius;
        out[1] = op->u.marker.cy - op->u.marker.radius;
        out[2] = out[3] = 2 * op->u.marker.radius;
        return;
    case TL_OP_TEXT:
        out[0] = op->u.text.x;
        out[1] = op->u.text.y;
        out[2] = op->u.text.w;
        out[3] = op->u.text.h;
        return;
    }
}

const char *tl_scene_role_name(tl_role role)
{
    switch (role) {
    case TL_ROLE_BACKGROUND:
        return "background";
    case TL_ROLE_TITLE:
        return "title";
    case TL_ROLE_SUBTITLE:
        return "subtitle";
    case TL_ROLE_CAPTION:
        return "caption";
    case TL_ROLE_AXIS:
        return "axis";
    case TL_ROLE_TICK:
        return "tick";
    case TL_ROLE_TICK_LABEL:
        return "tick-label";
    case TL_ROLE_ERA:
        return "era";
    case TL_ROLE_ERA_LABEL:
        return "era-label";
    case TL_ROLE_SPAN:
        return "span";
    case TL_ROLE_PRECISION:
        return "precision";
    case TL_ROLE_EVENT_STEM:
        return "event-stem";
    case TL_ROLE_EVENT_MARK:
        return "event-mark";
    case TL_ROLE_EVENT_LABEL:
        return "event-label";
    case TL_ROLE_EVENT_DATE:
        return "event-date";
    case TL_ROLE_MARKER:
        return "marker";
    case TL_ROLE_MARKER_LABEL:
        return "marker-label";
    case TL_ROLE_LANE:
        return "lane";
    case TL_ROLE_LANE_LABEL:
        return "lane-label";
    case TL_ROLE_CARD:
        return "card";
    case TL_ROLE_GRID:
        return "grid";
    case TL_ROLE_LEGEND:
        return "legend";
    case TL_ROLE_NOTE:
        return "note";
    case TL_ROLE_DENSITY:
        return "density";
    case TL_ROLE_SHADE:
        return "shade";
    case TL_ROLE_DEPENDENCY:
        return "dependency";
    case TL_ROLE_PROGRESS:
        return "progress";
    }
    return "unknown";
}

double tl_scene_get_width(const tl_scene *scene)
{
    return scene->width;
}

double tl_scene_get_height(const tl_scene *scene)
{
    return scene->height;
}

size_t tl_scene_get_warning_count(const tl_scene *scene)
{
    return scene->warnings.len;
}

const char *tl_scene_get_warning(const tl_scene *scene, size_t index)
{
    return index < scene->warnings.len ? scene->warnings.items[index] : NULL;
}

void tl_scene_get_first_page_size(const tl_scene *scene, double *width, double *height)
{
    *width = scene->page_count ? scene->pages[0].width : scene->width;
    *height = scene->page_count ? scene->pages[0].height : scene->height;
}
