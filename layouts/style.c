#include "style.h"

/* Distinct without colour: fill, outline dash and a cross, so a photocopy keeps them apart. */
static const tl_status_style styles[] = {
    [TL_STATUS_CONFIRMED] = {.mark_fill = TL_MARKER_FILLED, .bar_alpha = 1},
    [TL_STATUS_TENTATIVE] = {.mark_fill = TL_MARKER_HOLLOW,
                             .mark_dash = TL_DASH_DOTTED,
                             .bar_alpha = 0.3,
                             .bar_outline = true,
                             .bar_dash = TL_DASH_DOTTED,
                             .stem_dash = TL_DASH_DASHED},
    [TL_STATUS_CANCELLED] = {.mark_fill = TL_MARKER_HOLLOW,
                             .mark_cross = true,
                             .bar_alpha = 0,
                             .bar_outline = true,
                             .stem_dash = TL_DASH_DASHED,
                             .strike = true},
    [TL_STATUS_POSTPONED] = {.mark_fill = TL_MARKER_HALF,
                             .bar_alpha = 0.5,
                             .bar_outline = true,
                             .bar_dash = TL_DASH_DASHED,
                             .stem_dash = TL_DASH_DASHED},
    [TL_STATUS_RESCHEDULED] = {.mark_fill = TL_MARKER_DOT,
                               .bar_alpha = 0.5,
                               .bar_outline = true,
                               .stem_dash = TL_DASH_DASHED},
    [TL_STATUS_DISPUTED] = {.mark_fill = TL_MARKER_HOLLOW,
                            .mark_dash = TL_DASH_DASHED,
                            .bar_alpha = 0.15,
                            .bar_outline = true,
                            .bar_dash = TL_DASH_DASHED,
                            .stem_dash = TL_DASH_DOTTED},
    [TL_STATUS_OTHER] = {.mark_fill = TL_MARKER_FILLED, .bar_alpha = 1},
};

const tl_status_style *tl_style_status(tl_status status)
{
    switch (status) {
    case TL_STATUS_CONFIRMED:
    case TL_STATUS_TENTATIVE:
    case TL_STATUS_CANCELLED:
    case TL_STATUS_POSTPONED:
    case TL_STATUS_RESCHEDULED:
    case TL_STATUS_DISPUTED:
    case TL_STATUS_OTHER:
        return &styles[status];
    }
    return &styles[TL_STATUS_CONFIRMED];
}

const char *tl_style_status_word(tl_status status)
{
    switch (status) {
    case TL_STATUS_CONFIRMED:
        return "confirmed";
    case TL_STATUS_TENTATIVE:
        return "tentative";
    case TL_STATUS_CANCELLED:
        return "cancelled";
    case TL_STATUS_POSTPONED:
        return "postponed";
    case TL_STATUS_RESCHEDULED:
        return "rescheduled";
    case TL_STATUS_DISPUTED:
        return "disputed";
    case TL_STATUS_OTHER:
        return "other";
    }
    return "";
}

void tl_style_marker(tl_marker_op *mk, tl_status status, tl_color color)
{
    const tl_status_style *st = tl_style_status(status);
    mk->fill = color;
    mk->stroke = (tl_stroke){.color = color, .width = 1.4, .dash = st->mark_dash};
    mk->fill_mode = st->mark_fill;
    mk->cross = st->mark_cross;
}

void tl_style_bar(tl_rect_op *bar, tl_status status, tl_color color)
{
    const tl_status_style *st = tl_style_status(status);
    bar->fill = color;
    bar->fill.a *= st->bar_alpha;
    if (st->bar_outline)
        bar->stroke = (tl_stroke){.color = color, .width = 1, .dash = st->bar_dash};
}
