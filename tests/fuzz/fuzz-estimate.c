/* Text estimates with real fonts: any text and shape is estimated or refused, never hangs; an
 * estimate is a size a layout can use (finite, within the wrapping width, within the line
 * limit, at least one line), and text that is estimated can be measured. The first two bytes
 * choose the shape: the wrapping width and the line limit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fonts/fonts-private.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 4096)
        return 0;
    tl_fonts *fonts = fuzz_fonts();
    static const double wraps[] = {0, 1e-9, 0.5, 10, 100, 150, 260, 1e6};
    const tl_text_shape shape = {
        .wrap_width = wraps[data[0] % (sizeof wraps / sizeof wraps[0])],
        .max_lines = data[0] / 8 % 4,
        .markup = data[1] & 1,
    };
    const tl_font font = {
        .size = 4 + data[1] / 2 % 20, .weight = data[1] & 2 ? 600 : 400, .italic = data[1] & 4};
    char *text = malloc(size - 1);
    memcpy(text, data + 2, size - 2);
    text[size - 2] = '\0';
    const tl_text_measurer m = tl_fonts_measurer(fonts);
    tl_text_extents est, exact;
    if (m.estimate(m.user, &font, &shape, text, &est)) {
        if (!isfinite(est.width) || est.width < 0 || !isfinite(est.height) || est.height <= 0 ||
            est.lines < 1)
            abort();
        if (shape.wrap_width > 0 && est.width > shape.wrap_width * (1 + 1e-12))
            abort();
        if (shape.wrap_width > 0 && shape.max_lines > 0 && est.lines > shape.max_lines)
            abort();
        if (!m.measure(m.user, &font, &shape, text, &exact))
            abort(); /* estimated text is text a layout can measure */
    }
    free(text);
    return 0;
}
