/* The chart's frame: the title block above the plot, and below it the legend, the caption and
 * the list of sources. */
#include "arrows.h"
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/tl-alloc.h"
#include "footnotes.h"
#include "style.h"
#include "words.h"

struct tl_legend_entry {
    enum {
        ENTRY_GROUP,
        ENTRY_STATUS,
        ENTRY_SPAN,
        ENTRY_ERA,
        ENTRY_PRECISION,
        ENTRY_FUZZY,
        ENTRY_DENSITY,
        ENTRY_PROGRESS,
        ENTRY_DEPENDENCY,
        ENTRY_CRITICAL,
        ENTRY_VIOLATED,
        ENTRY_NO_DEPENDENCIES,
    } kind;
    int index; /* group index or tl_status */
    tl_text_block text;
    double x, y; /* relative to the legend's top-left */
    double sw;   /* width of the swatch before the text */
};

static const double SWATCH = 12;
static const double LEGEND_ITEM_GAP = 18;
static const double LEGEND_ROW_GAP = 6;

void tl_chart_format_count(const tl_chart *c, size_t v, char *buf, size_t size)
{
    tl_words_count(c->loc, v, buf, size);
}

/* A legend key's words in the reader's language; `english` itself without a locale. */
static const char *legend_word(tl_chart *c, const char *english)
{
    char text[256];
    if (!tl_words_say(c->loc, "legend", english, NULL, 0, text, sizeof text))
        return english;
    return tl_scene_strdup(c->scene, text);
}

/* The density entry's text, kept in the scene's strings; with the strips' tallest bar when
 * the layout asked for it. */
static const char *summary_text(tl_chart *c, size_t labelled, size_t summarised, size_t peak)
{
    char total[32], a[32], b[32], p[32], text[160], scale[96] = "";
    tl_chart_format_count(c, c->n, total, sizeof total);
    tl_chart_format_count(c, labelled, a, sizeof a);
    tl_chart_format_count(c, summarised, b, sizeof b);
    const tl_locale_arg args[3] = {{.text = total, .number = (double)c->n},
                                   {.text = a, .number = (double)labelled},
                                   {.text = b, .number = (double)summarised}};
    if (!tl_words_say(c->loc, "legend",
                      "{0, plural, one {# event} other {# events}}: {1} labelled, {2} shown as "
                      "density",
                      args, 3, text, sizeof text))
        snprintf(text, sizeof text, "%s events: %s labelled, %s shown as density", total, a, b);
    if (c->lod_peak_in_legend) {
        tl_chart_format_count(c, peak, p, sizeof p);
        const tl_locale_arg tallest = {.text = p, .number = (double)peak};
        if (!tl_words_say(c->loc, "legend", " (tallest bar: {0})", &tallest, 1, scale,
                          sizeof scale))
            snprintf(scale, sizeof scale, " (tallest bar: %s)", p);
    }
    char *whole = tl_xasprintf("%s%s", text, scale);
    const char *kept = tl_scene_strdup(c->scene, whole);
    free(whole);
    return kept;
}

bool tl_chart_set_summary(tl_chart *c, size_t labelled, size_t summarised, size_t peak,
                          tl_error **err)
{
    c->scene->lod_labelled = labelled;
    c->scene->lod_summarised = summarised;
    if (c->lod_candidates == 0 || c->lod_entry >= c->nlegend)
        return true;
    tl_legend_entry *e = &c->legend[c->lod_entry];
    return tl_chart_measure(c, &c->font.legend, &e->text,
                            summary_text(c, labelled, summarised, peak), e->text.shape.wrap_width,
                            1, err);
}

static bool build_legend(tl_chart *c, unsigned flags, tl_error **err)
{
    const bool *seen = c->status_seen;
    int statuses = 0;
    for (int s = 0; s <= TL_STATUS_OTHER; s++)
        statuses += seen[s];
    c->legend = tl_xcalloc(c->tl->group_count + TL_STATUS_OTHER + 10, sizeof *c->legend);
    for (size_t g = 0; g < c->tl->group_count && !(flags & TL_LEGEND_NO_GROUPS); g++)
        if (c->group_present[g])
            c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_GROUP, .index = (int)g};
    /* Statuses are worth a key only when the chart mixes them; "other" statuses are named in
     * their labels. */
    if (statuses > 1 || !seen[TL_STATUS_CONFIRMED])
        for (int s = 0; s < TL_STATUS_OTHER; s++)
            if (seen[s])
                c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_STATUS, .index = s};
    if (flags & TL_LEGEND_PRECISION)
        c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_PRECISION};
    if (flags & TL_LEGEND_FUZZY)
        c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_FUZZY};
    if (flags & TL_LEGEND_SPANS)
        c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_SPAN};
    if (flags & TL_LEGEND_ERAS)
        c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_ERA};
    static const struct {
        unsigned flag;
        int kind;
    } plan_entries[] = {
        {TL_LEGEND_PROGRESS, ENTRY_PROGRESS},
        {TL_LEGEND_DEPENDENCIES, ENTRY_DEPENDENCY},
        {TL_LEGEND_CRITICAL, ENTRY_CRITICAL},
        {TL_LEGEND_VIOLATED, ENTRY_VIOLATED},
        {TL_LEGEND_NO_DEPENDENCIES, ENTRY_NO_DEPENDENCIES},
    };
    for (size_t k = 0; k < sizeof plan_entries / sizeof plan_entries[0]; k++)
        if (flags & plan_entries[k].flag)
            c->legend[c->nlegend++] = (tl_legend_entry){.kind = plan_entries[k].kind};
    /* The counts are known once the labels are placed: until then the entry is measured with
     * the widest numbers it can show (tl_chart_set_summary). */
    if (c->lod_candidates > 0) {
        c->lod_entry = c->nlegend;
        c->legend[c->nlegend++] = (tl_legend_entry){.kind = ENTRY_DENSITY};
    }

    /* Where bars are hatched by group, the key of a group with bars shows its bar beside its
     * mark. */
    const bool hatched = c->th->hatch_by_group && (flags & TL_LEGEND_SPANS) && !c->groups_apart;
    bool *has_bars = tl_xcalloc(c->tl->group_count + 1, sizeof *has_bars);
    for (size_t i = 0; hatched && i < c->n; i++) {
        const tl_event *ev = tl_chart_event(c, i);
        if (ev->type == TL_EVENT_SPAN && ev->group_index >= 0)
            has_bars[ev->group_index] = true;
    }
    for (size_t i = 0; i < c->nlegend; i++) {
        tl_legend_entry *e = &c->legend[i];
        const char *text = "";
        e->sw = e->kind == ENTRY_GROUP && has_bars[e->index] ? 2 * SWATCH + 3 : SWATCH;
        switch (e->kind) {
        case ENTRY_GROUP:
            text = c->tl->groups[e->index];
            break;
        case ENTRY_STATUS:
            text = tl_words_status(c->loc, c->scene, (tl_status)e->index);
            break;
        case ENTRY_PRECISION:
            text = legend_word(c, "date known to the month or year");
            break;
        case ENTRY_FUZZY:
            text = legend_word(c, "approximate or uncertain date");
            break;
        case ENTRY_SPAN:
            text = legend_word(c, "span");
            break;
        case ENTRY_ERA:
            text = legend_word(c, "era");
            break;
        case ENTRY_DENSITY:
            text = summary_text(c, c->lod_candidates, c->n, c->n);
            break;
        case ENTRY_PROGRESS:
            text = legend_word(c, "done");
            break;
        case ENTRY_DEPENDENCY:
            text = legend_word(c, "dependency");
            break;
        case ENTRY_CRITICAL:
            text = legend_word(c, "critical path");
            break;
        case ENTRY_VIOLATED:
            text = legend_word(c, "violated dependency");
            break;
        case ENTRY_NO_DEPENDENCIES:
            text = legend_word(c, "dependencies not shown");
            break;
        }
        const double wrap = e->kind == ENTRY_DENSITY ? tl_chart_text_width(c) - SWATCH - 4 : 220;
        if (!tl_chart_measure(c, &c->font.legend, &e->text, text, wrap, 1, err)) {
            free(has_bars);
            return false;
        }
    }
    free(has_bars);

    /* Flow the entries into rows: swatch, gap, text. */
    const double left = TL_CHART_MARGIN, right = left + tl_chart_text_width(c);
    double x = left, y = 0, row_h = 0;
    for (size_t i = 0; i < c->nlegend; i++) {
        tl_legend_entry *e = &c->legend[i];
        double w = e->sw + 4 + e->text.ext.width;
        if (x > left && x + w > right) {
            x = left;
            y += row_h + LEGEND_ROW_GAP;
        }
        e->x = x;
        e->y = y;
        row_h = fmax(row_h, fmax(SWATCH, e->text.ext.height));
        x += w + LEGEND_ITEM_GAP;
    }
    c->legend_h = c->nlegend ? y + row_h : 0;
    return true;
}

double tl_chart_text_width(const tl_chart *c)
{
    const double canvas = c->scene->width - 2 * TL_CHART_MARGIN;
    return c->opts->text_width > 0 && c->opts->text_width < canvas ? c->opts->text_width : canvas;
}

bool tl_chart_frame(tl_chart *c, unsigned legend_flags, tl_error **err)
{
    const double text_w = tl_chart_text_width(c);
    const tl_layout_options *o = c->opts;
    double h = TL_CHART_MARGIN;
    if (o->title) {
        if (!tl_chart_measure(c, &c->font.title, &c->title, o->title, text_w, 2, err))
            return false;
        h += c->title.ext.height;
    }
    if (o->subtitle) {
        if (!tl_chart_measure(c, &c->font.subtitle, &c->subtitle, o->subtitle, text_w, 2, err))
            return false;
        h += (o->title ? 3 : 0) + c->subtitle.ext.height;
    }
    c->header_h = h + (o->title || o->subtitle ? TL_CHART_HEADER_GAP : 0);

    if (!build_legend(c, legend_flags, err))
        return false;
    double f = c->legend_h;
    if (o->caption) {
        if (!tl_chart_measure(c, &c->font.caption, &c->caption, o->caption, text_w, 3, err))
            return false;
        f += (c->nlegend ? 8 : 0) + c->caption.ext.height;
    }
    if (!tl_footnotes_measure(c, text_w, &c->notes_h, err))
        return false;
    if (c->notes_h > 0)
        f += (f > 0 ? 10 : 0) + c->notes_h;
    c->footer_h = (f > 0 ? TL_CHART_FOOTER_GAP + f : 0) + TL_CHART_MARGIN;
    return true;
}

void tl_chart_emit_header(tl_chart *c)
{
    double y = TL_CHART_MARGIN;
    if (c->opts->title) {
        tl_chart_add_text(c, TL_ROLE_TITLE, -1, TL_CHART_MARGIN, y, &c->title, &c->font.title,
                          c->th->text, false);
        y += c->title.ext.height + 3;
    }
    if (c->opts->subtitle)
        tl_chart_add_text(c, TL_ROLE_SUBTITLE, -1, TL_CHART_MARGIN, y, &c->subtitle,
                          &c->font.subtitle, c->th->muted, false);
}

/* The keys of a plan: a bar half done, and arrows as the plot draws them. */
static void emit_plan_key(tl_chart *c, const tl_legend_entry *e, double cy)
{
    const tl_color ink = c->th->neutral;
    if (e->kind == ENTRY_PROGRESS) {
        const tl_color bg = c->th->background;
        const tl_color light = {ink.r + (bg.r - ink.r) * 0.62, ink.g + (bg.g - ink.g) * 0.62,
                                ink.b + (bg.b - ink.b) * 0.62, ink.a};
        tl_rect_op *bar =
            tl_scene_add_rect(c->scene, TL_ROLE_LEGEND, -1, e->x, cy - 3.5, SWATCH, 7, light);
        bar->radius = 2;
        bar = tl_scene_add_rect(c->scene, TL_ROLE_LEGEND, -1, e->x, cy - 3.5, SWATCH / 2, 7, ink);
        bar->radius = 2;
        return;
    }
    tl_stroke st = {.color = tl_arrows_color(c), .width = 0.9};
    if (e->kind == ENTRY_CRITICAL)
        st = (tl_stroke){.color = tl_arrows_critical_color(c), .width = 1.6};
    else if (e->kind == ENTRY_VIOLATED)
        st =
            (tl_stroke){.color = tl_arrows_violated_color(c), .width = 1.1, .dash = TL_DASH_DASHED};
    else if (e->kind == ENTRY_NO_DEPENDENCIES)
        st.dash = TL_DASH_DOTTED;
    tl_scene_add_line(c->scene, TL_ROLE_LEGEND, -1, e->x, cy, e->x + SWATCH - 4, cy, st);
    if (e->kind == ENTRY_NO_DEPENDENCIES)
        return;
    tl_op *head = tl_scene_push(c->scene, TL_OP_MARKER, TL_ROLE_LEGEND, -1);
    head->u.marker = (tl_marker_op){.cx = e->x + SWATCH - 3,
                                    .cy = cy,
                                    .radius = 3,
                                    .shape = TL_MARKER_ARROW_RIGHT,
                                    .fill = st.color};
}

void tl_chart_emit_footer(tl_chart *c, double plot_bottom)
{
    const double top = plot_bottom + TL_CHART_FOOTER_GAP;
    const tl_color ink = c->th->neutral;
    for (size_t k = 0; k < c->nlegend; k++) {
        const tl_legend_entry *e = &c->legend[k];
        double cy = top + e->y + fmax(SWATCH, e->text.ext.height) / 2;
        double cx = e->x + SWATCH / 2;
        switch (e->kind) {
        case ENTRY_GROUP:
            tl_chart_add_marker(c, TL_ROLE_LEGEND, -1, cx, cy, TL_CHART_MARK_R,
                                tl_chart_group_shape(c, e->index), TL_STATUS_CONFIRMED,
                                tl_chart_group_color(c, e->index));
            if (e->sw > SWATCH) {
                const tl_color ink_g = tl_chart_group_color(c, e->index);
                const tl_hatch hatch = tl_style_group_hatch(e->index);
                tl_rect_op *bar =
                    tl_scene_add_rect(c->scene, TL_ROLE_LEGEND, -1, e->x + SWATCH + 3, cy - 3.5,
                                      SWATCH, 7, hatch ? c->th->background : ink_g);
                bar->radius = 2;
                bar->hatch = hatch;
                bar->hatch_color = ink_g;
                if (hatch)
                    bar->stroke = (tl_stroke){.color = ink_g, .width = 0.8};
            }
            break;
        case ENTRY_STATUS: {
            const tl_style_set *st = &c->opts->style;
            tl_chart_add_marker(c, TL_ROLE_LEGEND, -1, cx, cy, TL_CHART_MARK_R,
                                st->has_status_shape[e->index] ? st->status_shape[e->index]
                                                               : TL_MARKER_CIRCLE,
                                (tl_status)e->index,
                                st->has_status_color[e->index] ? st->status_color[e->index] : ink);
            break;
        }
        case ENTRY_PRECISION:
        case ENTRY_FUZZY: {
            tl_stroke st = {.color = ink, .width = 1.2};
            st.dash = e->kind == ENTRY_FUZZY ? TL_DASH_DASHED : TL_DASH_SOLID;
            tl_scene_add_line(c->scene, TL_ROLE_LEGEND, -1, e->x, cy, e->x + SWATCH, cy, st);
            st.dash = TL_DASH_SOLID;
            tl_scene_add_line(c->scene, TL_ROLE_LEGEND, -1, e->x, cy - 3, e->x, cy + 3, st);
            tl_scene_add_line(c->scene, TL_ROLE_LEGEND, -1, e->x + SWATCH, cy - 3, e->x + SWATCH,
                              cy + 3, st);
            break;
        }
        case ENTRY_SPAN: {
            tl_rect_op *bar =
                tl_scene_add_rect(c->scene, TL_ROLE_LEGEND, -1, e->x, cy - 3.5, SWATCH, 7, ink);
            bar->radius = 2;
            break;
        }
        case ENTRY_DENSITY:
            /* Three bars of a histogram, in the density strip's colour. */
            for (int b = 0; b < 3; b++) {
                static const double heights[] = {5, 10, 7};
                tl_scene_add_rect(c->scene, TL_ROLE_LEGEND, -1, e->x + b * 4, cy + 5 - heights[b],
                                  3, heights[b], tl_chart_density_color(c));
            }
            break;
        case ENTRY_PROGRESS:
        case ENTRY_DEPENDENCY:
        case ENTRY_CRITICAL:
        case ENTRY_VIOLATED:
        case ENTRY_NO_DEPENDENCIES:
            emit_plan_key(c, e, cy);
            break;
        case ENTRY_ERA: {
            tl_color f = c->th->era_fill;
            f.a = fmin(1, c->th->era_alpha * 2);
            tl_scene_add_rect(c->scene, TL_ROLE_LEGEND, -1, e->x, cy - SWATCH / 2, SWATCH, SWATCH,
                              f);
            break;
        }
        }
        tl_chart_add_text(c, TL_ROLE_LEGEND, -1, e->x + e->sw + 4, cy - e->text.ext.height / 2,
                          &e->text, &c->font.legend, c->th->muted, false);
    }
    double y = top + c->legend_h;
    if (c->opts->caption) {
        y += c->nlegend ? 8 : 0;
        tl_chart_add_text(c, TL_ROLE_CAPTION, -1, TL_CHART_MARGIN, y, &c->caption, &c->font.caption,
                          c->th->muted, false);
        y += c->caption.ext.height;
    }
    if (c->notes_h > 0)
        tl_footnotes_emit(c, TL_CHART_MARGIN, y + (y > top ? 10 : 0));
    c->scene->frame = (tl_scene_frame){
        .set = true,
        .plot_top = c->header_h,
        .plot_bottom = plot_bottom,
        .footer_top = top,
        .text_width = tl_chart_text_width(c),
    };
}
