#include "chart-text.h"

#include <assert.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "common/tl-utf8.h"
#include "measure-cache.h"

const tl_chart_fonts tl_chart_default_fonts = {
    .title = {.size = 16, .weight = 700},
    .subtitle = {.size = 10.5, .weight = 400},
    .caption = {.size = 8, .weight = 400, .italic = true},
    .label = {.size = 9.5, .weight = 600},
    .date = {.size = 8, .weight = 400},
    .body = {.size = 8.5, .weight = 400},
    .tick = {.size = 8.5, .weight = 400},
    .band = {.size = 8.5, .weight = 600},
    .legend = {.size = 8.5, .weight = 400},
    .badge = {.size = 7.5, .weight = 600},
};

/* Where a measured text comes from, for warnings ("title of line 12"); the caller frees it.
 * Texts are recognised by address: layouts measure the model's strings themselves. */
static char *text_origin(const tl_chart *c, const char *text)
{
    const tl_layout_options *o = c->opts;
    if (text == o->title)
        return tl_xstrdup("the chart title");
    if (text == o->subtitle)
        return tl_xstrdup("the subtitle");
    if (text == o->caption)
        return tl_xstrdup("the caption");
    for (size_t i = 0; i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        if (text == ev->title)
            return tl_xasprintf("title of line %lu", ev->line);
        if (text == ev->description)
            return tl_xasprintf("description of line %lu", ev->line);
    }
    for (size_t g = 0; g < c->tl->group_count; g++)
        if (text == c->tl->groups[g])
            return tl_xstrdup("a group name");
    return tl_xstrdup("a label");
}

/* Whether `key` was reported already; records it when not. */
static bool already_reported(tl_chart *c, char *key)
{
    for (size_t i = 0; i < c->reported.len; i++) {
        if (strcmp(c->reported.items[i], key) == 0) {
            free(key);
            return true;
        }
    }
    tl_strv_push(&c->reported, key);
    return false;
}

/* Texts with invalid markup are listed up to this many; one more warning says there are more. */
enum { MARKUP_WARNINGS_SHOWN = 20 };

static void report_text_problems(tl_chart *c, const char *text, const tl_text_extents *ext)
{
    if (ext->missing_glyphs > 0 &&
        !already_reported(c, tl_xasprintf("glyphs:%s", ext->missing_script))) {
        char *origin = text_origin(c, text);
        tl_scene_add_warning(c->scene,
                             tl_xasprintf("no font has glyphs for \"%s\" (%s) in %s; they are "
                                          "drawn as boxes (add a font with --font-dir)",
                                          ext->missing_text, ext->missing_script, origin));
        free(origin);
    }
    if (ext->markup_invalid &&
        !already_reported(c, tl_xasprintf("markup:%p", (const void *)text))) {
        size_t count = 0;
        for (size_t i = 0; i < c->reported.len; i++)
            count += strncmp(c->reported.items[i], "markup:", 7) == 0;
        if (count > MARKUP_WARNINGS_SHOWN + 1)
            return;
        char *origin = text_origin(c, text);
        tl_scene_add_warning(
            c->scene,
            count > MARKUP_WARNINGS_SHOWN
                ? tl_xstrdup("more texts with invalid markup, drawn as written")
                : tl_xasprintf("invalid markup in %s, drawn as written: \"%.*s\" (only <b> <i> "
                               "<u> <s> <sub> <sup>; write < and & as &lt; and &amp;)",
                               origin, tl_utf8_prefix(text, 60), text));
        free(origin);
    }
}

/* Sets what `b` holds: `text`, shaped as asked, not yet sized. */
static void block_init(const tl_chart *c, tl_text_block *b, const char *text, double wrap,
                       int max_lines)
{
    b->text = text;
    b->shape = (tl_text_shape){
        .wrap_width = wrap, .max_lines = max_lines, .markup = c->opts->markup, .lang = c->lang};
    b->estimated = false;
}

bool tl_chart_measure(tl_chart *c, const tl_font *font, tl_text_block *b, const char *text,
                      double wrap, int max_lines, tl_error **err)
{
    block_init(c, b, text, wrap, max_lines);
    if (!tl_measure_cache_measure(c->measured, c->m, font, &b->shape, text, &b->ext))
        return tl_set_error(err, TL_ERROR_CONFIG, "cannot measure text \"%.*s\"",
                            tl_utf8_prefix(text, 40), text);
    report_text_problems(c, text, &b->ext);
    return true;
}

bool tl_chart_estimate(tl_chart *c, const tl_font *font, tl_text_block *b, const char *text,
                       double wrap, int max_lines, tl_error **err)
{
    block_init(c, b, text, wrap, max_lines);
    if (tl_measure_cache_find(c->measured, font, &b->shape, text, &b->ext))
        return true;
    /* Text an estimate cannot size (markup, line breaks, controls) is measured now, so the
     * problems it may have are reported whether or not it is drawn. */
    if (c->m->estimate && c->m->estimate(c->m->user, font, &b->shape, text, &b->ext)) {
        b->estimated = true;
        return true;
    }
    return tl_chart_measure(c, font, b, text, wrap, max_lines, err);
}

bool tl_chart_settle(tl_chart *c, const tl_font *font, tl_text_block *b, tl_error **err)
{
    return !b->estimated ||
           tl_chart_measure(c, font, b, b->text, b->shape.wrap_width, b->shape.max_lines, err);
}

bool tl_chart_take_failure(tl_error **failed, tl_error **err)
{
    if (err)
        *err = *failed;
    else
        tl_error_free(*failed);
    *failed = NULL;
    return false;
}

bool tl_chart_size(tl_chart *c, const tl_font *font, tl_text_block *b, const char *text,
                   double wrap, int max_lines, bool estimate, tl_error **err)
{
    return estimate ? tl_chart_estimate(c, font, b, text, wrap, max_lines, err)
                    : tl_chart_measure(c, font, b, text, wrap, max_lines, err);
}

double tl_chart_label_width(const tl_chart *c, double fallback)
{
    return c->opts->label_width > 0 ? c->opts->label_width : fallback;
}

void tl_chart_add_text(tl_chart *c, tl_role role, int32_t ev, double x, double y,
                       const tl_text_block *b, const tl_font *font, tl_color color, bool strike)
{
    assert(!b->estimated);
    tl_text_shape shape = b->shape;
    shape.lang = c->lang;
    tl_text_op *t =
        tl_scene_add_text(c->scene, role, ev, x, y, b->text, font, &shape, &b->ext, color);
    t->strike = strike;
    t->shortened = b->ext.ellipsized;
}
