/* Layout options chosen by the input itself, so that the fuzzer's mutations reach the
 * options' paths too (themes, pages, label widths, markup, breaks, locales and directions)
 * while every input stays a plain CSV file. */
#include "fuzz.h"

#include "timeline/timeline.h"

/* FNV-1a over the input: any change to it may change the options. */
static uint32_t hash(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

void fuzz_set_options(tl_layout_options *o, const uint8_t *data, size_t size)
{
    static const char *const locales[] = {NULL, "ja", "ar", "fr-u-ca-hebrew",
                                          "hi", NULL, "he", "zh-Hans"};
    const uint32_t h = hash(data, size);
    tl_layout_options_set_theme(o, (tl_theme)(h % 4));
    tl_layout_options_set_axis_breaks(o, (h >> 2) & 1);
    tl_layout_options_set_markup(o, (h >> 3) & 1);
    if ((h >> 4) & 1)
        tl_layout_options_set_label_width(o, 40 + (double)((h >> 5) % 300));
    if ((h >> 9) % 4 == 0) {
        tl_layout_options_set_page(o, 420, 595); /* A5 */
        tl_layout_options_set_landscape(o, (h >> 11) & 1);
        tl_layout_options_set_pages(o, (int)((h >> 12) % 3));
        /* Pages of their own windows (the default), or one scale. */
        tl_layout_options_set_page_scale(o, (h >> 20) & 1 ? TL_PAGE_SCALE_UNIFORM
                                                          : TL_PAGE_SCALE_AUTO);
    }
    /* A locale the machine's ICU cannot give is the same usage error every time. */
    tl_layout_options_set_locale(o, locales[(h >> 14) % 8], NULL);
    tl_layout_options_set_direction(o, (tl_direction)((h >> 17) % 3));
    /* The axis: chosen steps and rows, formats, fiscal years, weeks, zones, elapsed time,
     * a log scale, today, shading. */
    const uint32_t g = hash(data, size / 2 + 1) ^ h;
    static const char *const ticks[] = {NULL, "quarter", "week", "2 days", "6 hours", "5 years"};
    static const char *const tiers[] = {NULL, "year,quarter,month", "month,week,day", "day,hour"};
    tl_layout_options_set_ticks(o, ticks[g % 6], NULL);
    tl_layout_options_set_tiers(o, tiers[(g >> 3) % 4], NULL);
    if ((g >> 5) & 1)
        tl_layout_options_set_tick_format(o, "month", "MMMM", NULL);
    tl_layout_options_set_fiscal_year(o, (int)((g >> 6) % 12) + 1, (g >> 10) & 1);
    tl_layout_options_set_week_start(o, (g >> 11) & 1 ? "sunday" : "monday");
    static const char *const zones[] = {NULL, "Europe/Paris", "Asia/Kolkata", "+09:00"};
    tl_layout_options_set_time_zone(o, zones[(g >> 12) % 4], NULL);
    tl_layout_options_set_elapsed(o, (g >> 14) % 4 == 0, NULL, (tl_elapsed_style)((g >> 16) % 4),
                                  (g >> 18) & 1);
    tl_layout_options_set_scale(o, (g >> 19) % 4 == 0 ? TL_TIME_SCALE_LOG : TL_TIME_SCALE_LINEAR);
    const tl_time today = {.lo = 1590000000, .hi = 1590086399, .precision = TL_PRECISION_DAY};
    tl_layout_options_set_today(o, (g >> 21) & 1 ? &today : NULL);
    tl_layout_options_set_past(o, (g >> 22) & 1 ? TL_PAST_DIM : TL_PAST_SHOW);
    tl_layout_options_set_shade(o, (g >> 23) & 1, (g >> 24) & 1 ? &today : NULL,
                                (g >> 24) & 1 ? 1 : 0);
    tl_layout_options_set_axis_position(o, (tl_axis_position)((g >> 25) % 4));
}
