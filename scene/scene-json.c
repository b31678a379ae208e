/* The scene as JSON: the test surface for layout and what scripts post-process. Numbers are
 * printed with two decimals by integer arithmetic, so the dump is the same in every locale. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "common/tl-calendar.h"
#include "common/tl-error-private.h"
#include "scene/scene.h"

static void append_instant(tl_buf *b, int64_t t)
{
    tl_time instant = {.lo = t, .hi = t, .precision = TL_PRECISION_SECOND};
    char iso[64];
    tl_cal_format_iso(&instant, iso, sizeof iso);
    tl_buf_printf(b, "\"%sZ\"", iso);
}

static const char *kind_name(tl_op_kind kind)
{
    switch (kind) {
    case TL_OP_RECT:
        return "rect";
    case TL_OP_LINE:
        return "line";
    case TL_OP_MARKER:
        return "marker";
    case TL_OP_TEXT:
        return "text";
    }
    return "unknown";
}

static void append_color(tl_buf *b, const char *key, tl_color c)
{
    if (c.a <= 0)
        return;
    unsigned r = (unsigned)(c.r * 255 + 0.5), g = (unsigned)(c.g * 255 + 0.5),
             bl = (unsigned)(c.b * 255 + 0.5), a = (unsigned)(c.a * 255 + 0.5);
    if (a >= 255)
        tl_buf_printf(b, ",\"%s\":\"#%02x%02x%02x\"", key, r, g, bl);
    else
        tl_buf_printf(b, ",\"%s\":\"#%02x%02x%02x%02x\"", key, r, g, bl, a);
}

static void append_op(tl_buf *b, const tl_op *op)
{
    double box[4];
    tl_scene_op_bbox(op, box);
    tl_buf_printf(b, "{\"type\":\"%s\",\"role\":\"%s\"", kind_name(op->kind),
                  tl_scene_role_name(op->role));
    if (op->event >= 0)
        tl_buf_printf(b, ",\"event\":%ld", (long)op->event);
    tl_buf_append_str(b, ",\"bbox\":[");
    for (int i = 0; i < 4; i++) {
        if (i)
            tl_buf_append_char(b, ',');
        tl_buf_append_fixed2(b, box[i]);
    }
    tl_buf_append_char(b, ']');
    switch (op->kind) {
    case TL_OP_RECT:
        append_color(b, "fill", op->u.rect.fill);
        append_color(b, "stroke", op->u.rect.stroke.color);
        if (op->u.rect.hatch != TL_HATCH_NONE) {
            static const char *const hatches[] = {"none", "diagonal", "cross", "horizontal"};
            tl_buf_printf(b, ",\"hatch\":\"%s\"", hatches[op->u.rect.hatch]);
        }
        if (op->role == TL_ROLE_DENSITY)
            tl_buf_printf(b, ",\"count\":%zu", op->u.rect.count);
        break;
    case TL_OP_LINE:
        append_color(b, "stroke", op->u.line.stroke.color);
        break;
    case TL_OP_MARKER: {
        static const char *const shapes[] = {"circle",      "diamond",  "square",    "arrow-left",
                                             "arrow-right", "arrow-up", "arrow-down"};
        static const char *const fills[] = {"filled", "hollow", "half", "dot"};
        tl_buf_printf(b, ",\"shape\":\"%s\",\"fill_mode\":\"%s\"", shapes[op->u.marker.shape],
                      fills[op->u.marker.fill_mode]);
        if (op->u.marker.cross)
            tl_buf_append_str(b, ",\"cross\":true");
        append_color(b, "fill", op->u.marker.fill);
        break;
    }
    case TL_OP_TEXT:
        tl_buf_append_str(b, ",\"text\":");
        tl_buf_append_json_string(b, op->u.text.text);
        tl_buf_append_str(b, ",\"size\":");
        tl_buf_append_fixed2(b, op->u.text.font.size);
        if (op->u.text.shape.max_lines > 0)
            tl_buf_printf(b, ",\"max_lines\":%d", op->u.text.shape.max_lines);
        if (op->u.text.strike)
            tl_buf_append_str(b, ",\"strike\":true");
        if (op->u.text.shortened)
            tl_buf_append_str(b, ",\"shortened\":true");
        if (op->u.text.shape.markup)
            tl_buf_append_str(b, ",\"markup\":true");
        if (op->u.text.tick) {
            tl_buf_append_str(b, ",\"t\":");
            append_instant(b, op->u.text.instant);
            tl_buf_printf(b, ",\"tier\":%d", op->u.text.tier);
        }
        append_color(b, "color", op->u.text.color);
        break;
    }
    tl_buf_append_char(b, '}');
}

static const char *precision_name(tl_precision p)
{
    switch (p) {
    case TL_PRECISION_YEAR:
        return "year";
    case TL_PRECISION_MONTH:
        return "month";
    case TL_PRECISION_DAY:
        return "day";
    case TL_PRECISION_MINUTE:
        return "minute";
    case TL_PRECISION_SECOND:
        return "second";
    }
    return "";
}

/* {"text", "lo", "hi", "precision", "approximate", "uncertain"}: what the data says of a
 * date, with lo and hi as UTC instants (astronomical years: -0499 is 500 BCE). */
static void append_time(tl_buf *b, const char *text, const tl_time *t)
{
    tl_buf_append_str(b, "{\"text\":");
    tl_buf_append_json_string(b, text);
    tl_buf_append_str(b, ",\"lo\":");
    append_instant(b, t->lo);
    tl_buf_append_str(b, ",\"hi\":");
    append_instant(b, t->hi);
    tl_buf_printf(b, ",\"precision\":\"%s\",\"approximate\":%s,\"uncertain\":%s",
                  precision_name(t->precision), t->flags & TL_TIME_APPROXIMATE ? "true" : "false",
                  t->flags & TL_TIME_UNCERTAIN ? "true" : "false");
    if (t->flags & TL_TIME_BEFORE)
        tl_buf_append_str(b, ",\"before\":true");
    if (t->flags & TL_TIME_AFTER)
        tl_buf_append_str(b, ",\"after\":true");
    tl_buf_append_char(b, '}');
}

static void append_numbers(tl_buf *b, const double *v, size_t n)
{
    tl_buf_append_char(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            tl_buf_append_char(b, ',');
        tl_buf_append_fixed2(b, v[i]);
    }
    tl_buf_append_char(b, ']');
}

/* "pages": [{"width", "height", "viewports": [{"src", "at", "scale", "clip", "ops"}],
 * "overlay": [ops in page coordinates]}]: what each printed page shows. */
/* A plan's event: its progress, slack and place on the critical path, when it has them. */
static void append_plan(tl_buf *b, const tl_scene_event *ev)
{
    if (ev->has_progress) {
        tl_buf_append_str(b, ",\"progress\":");
        tl_buf_append_fixed2(b, ev->progress);
    }
    if (ev->has_slack) {
        tl_buf_append_str(b, ",\"slack_days\":");
        tl_buf_append_fixed2(b, ev->slack);
        tl_buf_printf(b, ",\"critical\":%s", ev->critical ? "true" : "false");
    }
}

/* The dependencies, each with its route as drawn ("path" empty when it is not drawn). */
static void append_links(tl_buf *b, const tl_scene *scene)
{
    tl_buf_append_str(b, ",\n\"dependencies\":[");
    for (size_t i = 0; i < scene->link_count; i++) {
        const tl_scene_link *l = &scene->links[i];
        tl_buf_append_str(b, i ? ",\n " : "\n ");
        tl_buf_printf(b, "{\"from\":%d,\"to\":%d,\"type\":\"%s\",\"lag_days\":", (int)l->from,
                      (int)l->to, l->type);
        tl_buf_append_fixed2(b, l->lag_days);
        tl_buf_printf(b, ",\"violated\":%s,\"critical\":%s,\"path\":[",
                      l->violated ? "true" : "false", l->critical ? "true" : "false");
        for (int k = 0; k < l->npoints; k++) {
            tl_buf_append_str(b, k ? ",[" : "[");
            tl_buf_append_fixed2(b, l->x[k]);
            tl_buf_append_char(b, ',');
            tl_buf_append_fixed2(b, l->y[k]);
            tl_buf_append_char(b, ']');
        }
        tl_buf_append_str(b, "]}");
    }
    tl_buf_append_char(b, ']');
}

static void append_pages(tl_buf *b, const tl_scene *scene)
{
    tl_buf_append_str(b, ",\n\"pages\":[");
    for (size_t p = 0; p < scene->page_count; p++) {
        const tl_page *page = &scene->pages[p];
        tl_buf_append_str(b, p ? ",\n {\"width\":" : "\n {\"width\":");
        tl_buf_append_fixed2(b, page->width);
        tl_buf_append_str(b, ",\"height\":");
        tl_buf_append_fixed2(b, page->height);
        tl_buf_append_str(b, ",\"viewports\":[");
        for (size_t v = 0; v < page->viewport_count; v++) {
            const tl_viewport *vp = &page->viewports[v];
            const double at[2] = {vp->x, vp->y};
            tl_buf_append_str(b, v ? ",\n  {\"src\":" : "\n  {\"src\":");
            append_numbers(b, vp->src, 4);
            tl_buf_append_str(b, ",\"at\":");
            append_numbers(b, at, 2);
            /* Scales are rarely round: four decimals keep page positions within 0.01 pt. */
            tl_buf_printf(b, ",\"scale\":%d.%04d", (int)vp->scale,
                          (int)((vp->scale - (int)vp->scale) * 10000 + 0.5));
            tl_buf_append_str(b, ",\"clip\":");
            append_numbers(b, vp->clip, 4);
            tl_buf_append_str(b, ",\"ops\":[");
            for (size_t k = 0; k < vp->op_count; k++)
                tl_buf_printf(b, k ? ",%zu" : "%zu", vp->ops[k]);
            tl_buf_append_str(b, "]}");
        }
        tl_buf_append_str(b, "],\"overlay\":[");
        for (size_t k = 0; k < page->overlay_count; k++) {
            tl_buf_append_str(b, k ? ",\n  " : "\n  ");
            append_op(b, &page->overlay[k]);
        }
        tl_buf_append_str(b, "]}");
    }
    tl_buf_append_char(b, ']');
}

char *tl_scene_to_json(const tl_scene *scene)
{
    tl_buf b = TL_BUF_INIT;
    tl_buf_printf(&b, "{\"version\":%d,\"width\":", TL_SCENE_JSON_VERSION);
    tl_buf_append_fixed2(&b, scene->width);
    tl_buf_append_str(&b, ",\"height\":");
    tl_buf_append_fixed2(&b, scene->height);
    tl_buf_append_str(&b, ",\"title\":");
    if (scene->title)
        tl_buf_append_json_string(&b, scene->title);
    else
        tl_buf_append_str(&b, "null");
    /* Only a chart with a locale or a direction has these: others keep their bytes. */
    if (scene->lang) {
        tl_buf_append_str(&b, ",\"lang\":");
        tl_buf_append_json_string(&b, scene->lang);
    }
    if (scene->rtl)
        tl_buf_append_str(&b, ",\"direction\":\"rtl\"");
    if (scene->description) {
        tl_buf_append_str(&b, ",\"description\":");
        tl_buf_append_json_string(&b, scene->description);
    }
    tl_buf_append_str(&b, ",\n\"items\":[");
    for (size_t i = 0; i < scene->op_count; i++) {
        tl_buf_append_str(&b, i ? ",\n " : "\n ");
        append_op(&b, &scene->ops[i]);
    }
    tl_buf_append_str(&b, "],\n\"events\":[");
    for (size_t i = 0; i < scene->event_count; i++) {
        const tl_scene_event e = tl_scene_event_at(scene, i), *ev = &e;
        tl_buf_append_str(&b, i ? ",\n " : "\n ");
        tl_buf_printf(&b, "{\"index\":%zu,\"title\":", i);
        tl_buf_append_json_string(&b, ev->title ? ev->title : "");
        tl_buf_append_str(&b, ",\"start\":");
        append_time(&b, ev->start ? ev->start : "", &ev->start_time);
        tl_buf_append_str(&b, ",\"end\":");
        if (ev->end)
            append_time(&b, ev->end, &ev->end_time);
        else
            tl_buf_append_str(&b, "null");
        tl_buf_printf(&b, ",\"placed\":%s", ev->placed ? "true" : "false");
        if (ev->summarised)
            tl_buf_append_str(&b, ",\"summarised\":true");
        /* Only when present, so charts without them dump as before. */
        const struct {
            const char *key, *value;
        } extras[] = {{"group", ev->group}, {"url", ev->url}, {"source", ev->source}};
        for (size_t k = 0; k < sizeof extras / sizeof extras[0]; k++)
            if (extras[k].value) {
                tl_buf_printf(&b, ",\"%s\":", extras[k].key);
                tl_buf_append_json_string(&b, extras[k].value);
            }
        if (ev->footnote > 0)
            tl_buf_printf(&b, ",\"footnote\":%d", ev->footnote);
        append_plan(&b, ev);
        tl_buf_append_char(&b, '}');
    }
    tl_buf_append_char(&b, ']');
    if (scene->link_count > 0)
        append_links(&b, scene);
    if (scene->page_count > 0)
        append_pages(&b, scene);
    /* Only with level of detail, so charts that draw every event dump as before. */
    if (scene->lod_labelled + scene->lod_summarised > 0)
        tl_buf_printf(&b, ",\n\"summary\":{\"events\":%zu,\"labelled\":%zu,\"summarised\":%zu}",
                      scene->event_count, scene->lod_labelled, scene->lod_summarised);
    tl_buf_append_str(&b, ",\n\"warnings\":[");
    for (size_t i = 0; i < scene->warnings.len; i++) {
        if (i)
            tl_buf_append_char(&b, ',');
        tl_buf_append_str(&b, "\n ");
        tl_buf_append_json_string(&b, scene->warnings.items[i]);
    }
    tl_buf_append_str(&b, "]}\n");
    return tl_buf_steal(&b);
}

bool tl_scene_write_json(const tl_scene *scene, FILE *fp, tl_error **err)
{
    char *json = tl_scene_to_json(scene);
    size_t len = strlen(json);
    bool ok = fwrite(json, 1, len, fp) == len && fflush(fp) == 0 && !ferror(fp);
    free(json);
    if (!ok)
        return tl_set_error(err, TL_ERROR_IO, "cannot write the scene: write error");
    return true;
}
