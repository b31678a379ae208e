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
    static const char *const locales[] = {NULL, "ja", "ar", "fr-u-ca-hebrew", "hi", NULL,
                                          "he", "zh-Hans"};
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
    }
    /* A locale the machine's ICU cannot give is the same usage error every time. */
    tl_layout_options_set_locale(o, locales[(h >> 14) % 8], NULL);
    tl_layout_options_set_direction(o, (tl_direction)((h >> 17) % 3));
}
