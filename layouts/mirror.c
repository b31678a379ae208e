#include "mirror.h"

static void mirror_op(tl_op *op, double width)
{
    switch (op->kind) {
    case TL_OP_RECT:
        op->u.rect.x = width - op->u.rect.x - op->u.rect.w;
        return;
    case TL_OP_LINE:
        op->u.line.x1 = width - op->u.line.x1;
        op->u.line.x2 = width - op->u.line.x2;
        return;
    case TL_OP_MARKER: {
        tl_marker_op *m = &op->u.marker;
        m->cx = width - m->cx;
        /* The arrow of a span that runs on past the window points the other way. */
        if (m->shape == TL_MARKER_ARROW_LEFT)
            m->shape = TL_MARKER_ARROW_RIGHT;
        else if (m->shape == TL_MARKER_ARROW_RIGHT)
            m->shape = TL_MARKER_ARROW_LEFT;
        return;
    }
    case TL_OP_TEXT:
        op->u.text.x = width - op->u.text.x - op->u.text.w;
        return;
    }
}

void tl_mirror_scene(tl_scene *scene)
{
    for (size_t i = 0; i < scene->op_count; i++)
        mirror_op(&scene->ops[i], scene->width);
    for (size_t i = 0; i < scene->link_count; i++)
        for (int k = 0; k < scene->links[i].npoints; k++)
            scene->links[i].x[k] = scene->width - scene->links[i].x[k];
    for (size_t p = 0; p < scene->page_count; p++) {
        tl_page *page = &scene->pages[p];
        for (size_t v = 0; v < page->viewport_count; v++) {
            tl_viewport *vp = &page->viewports[v];
            vp->src[0] = scene->width - vp->src[0] - vp->src[2];
            vp->x = page->width - vp->x - vp->src[2] * vp->scale;
            vp->clip[0] = page->width - vp->clip[0] - vp->clip[2];
        }
        for (size_t k = 0; k < page->overlay_count; k++)
            mirror_op(&page->overlay[k], page->width);
    }
}
