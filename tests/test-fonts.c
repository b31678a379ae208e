/* The Pango measurer against real fonts (Noto Sans): plausible sizes, linear scaling,
 * wrapping, ellipsizing, determinism, plain text, and the family check. Skips (77) when Noto
 * Sans is not installed. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fonts/fonts-private.h"
#include "tap.h"

static tl_text_extents measure(const tl_text_measurer *m, double size, double wrap, int max_lines,
                               const char *text)
{
    const tl_font font = {.size = size, .weight = 400};
    const tl_text_shape shape = {.wrap_width = wrap, .max_lines = max_lines};
    tl_text_extents ext = {0};
    if (!m->measure(m->user, &font, &shape, text, &ext))
        ext.lines = -1;
    return ext;
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_family_check(void)
{
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new("Nonexistent", &err);
    tap_ok(fonts == NULL, "unknown family fails");
    tap_ok(err && err->code == TL_ERROR_CONFIG, "with TL_ERROR_CONFIG");
    tap_ok(err && strstr(err->message, "\"Nonexistent\"") && strstr(err->message, "not found"),
           "message names the family: %s", err ? err->message : "(none)");
    tl_error_free(err);

    err = NULL;
    fonts = tl_fonts_new("Nonexistent, Noto Sans", &err);
    tap_ok(fonts == NULL && err && err->code == TL_ERROR_CONFIG,
           "the first family of a list must exist");
    tl_error_free(err);

    err = NULL;
    fonts = tl_fonts_new("  ", &err);
    tap_ok(fonts == NULL && err && err->code == TL_ERROR_CONFIG, "blank family fails");
    tl_error_free(err);

    err = NULL;
    fonts = tl_fonts_new("noto SANS", &err);
    tap_ok(fonts != NULL && err == NULL, "family names are case-insensitive");
    tap_is_str(fonts ? tl_fonts_get_family(fonts) : NULL, "noto SANS",
               "the family is kept as given");
    tl_fonts_unref(fonts);

    err = NULL;
    fonts = tl_fonts_new(" Noto Sans , DejaVu Sans", &err);
    tap_ok(fonts != NULL, "a list whose first family exists is accepted");
    tl_fonts_unref(fonts);

    err = NULL;
    fonts = tl_fonts_new("sans-serif", &err);
    tap_ok(fonts != NULL, "generic families are accepted");
    tl_fonts_unref(fonts);

    fonts = tl_fonts_new(NULL, NULL);
    tap_is_str(fonts ? tl_fonts_get_family(fonts) : NULL, TL_FONTS_DEFAULT_FAMILY,
               "NULL means the default family");
    tap_ok(fonts && tl_fonts_ref(fonts) == fonts, "ref returns its argument");
    tl_fonts_unref(fonts);
    tl_fonts_unref(fonts);
    tl_fonts_unref(NULL);
}

static void test_sizes(const tl_text_measurer *m)
{
    const tl_text_extents a = measure(m, 10, 0, 0, "Hello, world");
    tap_diag("\"Hello, world\" at 10 pt: width %.3f, height %.3f, baseline %.3f", a.width, a.height,
             a.baseline);
    tap_ok(a.width > 50 && a.width < 70, "width is plausible (%.2f pt)", a.width);
    tap_ok(a.height > 13 && a.height < 15, "height is plausible (%.2f pt)", a.height);
    tap_ok(a.baseline > 0 && a.baseline < a.height, "baseline inside the box (%.2f pt)",
           a.baseline);
    tap_is_int(a.lines, 1, "one line");
    tap_ok(!a.ellipsized, "not ellipsized");

    const tl_text_extents b = measure(m, 20, 0, 0, "Hello, world");
    tap_is_near(b.width, 2 * a.width, 0.02 * 2 * a.width, "twice the size, twice the width");
    tap_is_near(b.height, 2 * a.height, 0.02 * 2 * a.height, "and twice the height");

    const tl_text_extents again = measure(m, 10, 0, 0, "Hello, world");
    tap_ok(again.width == a.width && again.height == a.height && again.baseline == a.baseline,
           "measuring twice gives identical numbers");

    const tl_font bold = {.size = 10, .weight = 700};
    const tl_text_shape one_line = {0};
    tl_text_extents c = {0};
    bool ok = m->measure(m->user, &bold, &one_line, "Hello, world", &c);
    tap_ok(ok && c.width > a.width, "bold is wider (%.2f pt)", c.width);

    const tl_font zero = {.size = 10};
    ok = m->measure(m->user, &zero, &one_line, "Hello, world", &c);
    tap_ok(ok && c.width == a.width, "weight 0 means normal");

    const tl_text_extents empty = measure(m, 10, 0, 0, "");
    tap_ok(empty.width == 0 && empty.height == a.height, "empty text is one empty line");

    const tl_text_extents cjk = measure(m, 10, 0, 0, "日本語");
    tap_ok(cjk.width > 27 && cjk.width < 33, "CJK falls back to a CJK font (%.2f pt)", cjk.width);
}

static void test_shaping(const tl_text_measurer *m)
{
    const char *text = "The quick brown fox jumps over the lazy dog";
    const tl_text_extents one = measure(m, 10, 0, 0, text);
    const tl_text_extents wrapped = measure(m, 10, 40, 0, text);
    tap_ok(wrapped.lines > 1, "wrapping at 40 pt gives several lines (%d)", wrapped.lines);
    tap_ok(wrapped.width <= 40 + 1e-9, "no line wider than the wrap width (%.2f)", wrapped.width);
    tap_is_near(wrapped.baseline, one.baseline, 1e-9, "baseline is the first line's");
    tap_ok(!wrapped.ellipsized, "not ellipsized without a line limit");

    const tl_text_extents two = measure(m, 10, 60, 2, text);
    tap_is_int(two.lines, 2, "max_lines 2 gives 2 lines");
    tap_ok(two.ellipsized, "and says it ellipsized");
    tap_is_near(two.height, 2 * one.height, 0.5, "two lines are twice as tall");

    const tl_text_extents fits = measure(m, 10, 400, 2, text);
    tap_ok(fits.lines == 1 && !fits.ellipsized, "text that fits is not ellipsized");

    /* A long word has to break inside (WORD_CHAR), or it would overflow the box. */
    const tl_text_extents word = measure(m, 10, 30, 0, "Supercalifragilistic");
    tap_ok(word.lines > 1 && word.width <= 30 + 1e-9, "long words break (%d lines)", word.lines);

    const tl_text_extents markup = measure(m, 10, 0, 0, "<b>x</b>");
    const tl_text_extents x = measure(m, 10, 0, 0, "x");
    tap_ok(markup.width > 5 * x.width, "\"<b>x</b>\" is measured as 8 characters (%.2f pt)",
           markup.width);

    const tl_text_extents amp = measure(m, 10, 0, 0, "a & b");
    tap_ok(amp.lines == 1 && amp.width > 0, "an unescaped '&' is fine");
}

static void test_many_newlines(const tl_text_measurer *m)
{
    const size_t count = 20000;
    char *text = malloc(2 * count + 1);
    for (size_t i = 0; i < count; i++)
        memcpy(text + 2 * i, "a\n", 2);
    text[2 * count] = '\0';

    double t0 = seconds();
    const tl_text_extents one = measure(m, 10, 0, 0, text);
    double t1 = seconds();
    tap_is_int(one.lines, 1, "newlines stay on one line without a wrap width");
    tap_ok(t1 - t0 < 2, "and measuring is quick (%.3f s)", t1 - t0);

    const tl_text_extents limited = measure(m, 10, 200, 2, text);
    double t2 = seconds();
    tap_ok(limited.lines == 2 && limited.ellipsized, "with a wrap width, max_lines still holds");
    tap_diag("%zu newlines: %.3f s one line, %.3f s wrapped to 2 lines", count, t1 - t0, t2 - t1);
    free(text);

    const tl_text_extents two = measure(m, 10, 200, 2, "First\nSecond");
    tap_ok(two.lines == 2 && !two.ellipsized, "two paragraphs in two lines are not ellipsized");
    const tl_text_extents joined = measure(m, 10, 200, 2, "One\nTwo\r\nThree");
    tap_ok(joined.lines == 2 && !joined.ellipsized,
           "paragraphs past the limit join the last line when they fit (%d lines)", joined.lines);
    const tl_text_extents cut =
        measure(m, 10, 60, 2, "First line\nSecond line, which is long\nThird");
    tap_ok(cut.lines == 2 && cut.ellipsized && cut.width <= 60 + 1e-9,
           "and are ellipsized when they do not (%d lines, %.2f pt)", cut.lines, cut.width);
    const tl_text_extents wide = measure(m, 10, 40, 3, "Alpha beta gamma delta\nEpsilon");
    tap_ok(wide.lines == 3 && wide.ellipsized, "a paragraph wrapping past the limit is cut");
}

static void test_rejects(tl_fonts *fonts, const tl_text_measurer *m)
{
    const tl_text_shape shape = {0};
    tl_text_extents ext;
    const tl_font font = {.size = 10, .weight = 400};
    tap_ok(!m->measure(m->user, &font, &shape, "bad \xff utf-8", &ext),
           "invalid UTF-8 is refused, not passed to Pango");
    const tl_font tiny = {.size = 0, .weight = 400};
    tap_ok(!m->measure(m->user, &tiny, &shape, "x", &ext), "size 0 is refused");
    const tl_font nan = {.size = NAN, .weight = 400};
    tap_ok(!m->measure(m->user, &nan, &shape, "x", &ext), "size NaN is refused");

    PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &shape, "struck", true);
    tap_ok(layout != NULL, "a struck-through layout");
    double dx = -1, dy = -1;
    if (layout) {
        tl_fonts_layout_get_logical_origin(layout, &dx, &dy);
        g_object_unref(layout);
    }
    tap_ok(dx == 0 && dy == 0, "left-to-right text starts at the layout origin");
}

int main(void)
{
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new("Noto Sans", &err);
    if (!fonts) {
        int status = tap_skip_all(err ? err->message : "Noto Sans is not available");
        tl_error_free(err);
        return status;
    }
    const tl_text_measurer m = tl_fonts_measurer(fonts);

    test_family_check();
    test_sizes(&m);
    test_shaping(&m);
    test_many_newlines(&m);
    test_rejects(fonts, &m);

    tl_fonts_unref(fonts);
    return tap_done();
}
