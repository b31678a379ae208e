/* The Pango measurer against real fonts (Noto Sans): plausible sizes, linear scaling,
 * wrapping, ellipsizing, determinism, plain text; markup; right-to-left text, Devanagari
 * conjuncts and Japanese line breaking; estimates against measurements. The fonts are
 * tests/fonts (FONTCONFIG_FILE in tests/meson.build); the font set itself is test-fonts.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "test-fonts.h"

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
    tap_is_int(one.missing_glyphs, 0, "line breaks drawn in one line are not missing glyphs");

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

    PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &shape, "struck", true, NULL);
    tap_ok(layout != NULL, "a struck-through layout");
    double dx = -1, dy = -1;
    if (layout) {
        tl_fonts_layout_get_logical_origin(layout, &dx, &dy);
        g_object_unref(layout);
    }
    tap_ok(dx == 0 && dy == 0, "left-to-right text starts at the layout origin");
}

/* ---------------------------------------------------------------------------------------------
 * Markup
 * ------------------------------------------------------------------------------------------- */

static tl_text_extents measure_markup(const tl_text_measurer *m, int weight, double wrap,
                                      int max_lines, const char *text)
{
    const tl_font font = {.size = 10, .weight = weight};
    const tl_text_shape shape = {.wrap_width = wrap, .max_lines = max_lines, .markup = true};
    tl_text_extents ext = {0};
    if (!m->measure(m->user, &font, &shape, text, &ext))
        ext.lines = -1;
    return ext;
}

/* Whether the layout has an attribute of `type` covering the first byte of `needle`. */
static bool attr_covers(PangoLayout *layout, PangoAttrType type, const char *needle)
{
    const char *text = pango_layout_get_text(layout);
    const char *at = strstr(text, needle);
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    if (!at || !attrs)
        return false;
    const guint index = (guint)(at - text);
    bool found = false;
    GSList *list = pango_attr_list_get_attributes(attrs);
    for (GSList *l = list; l; l = l->next) {
        const PangoAttribute *a = l->data;
        if (a->klass->type == type && a->start_index <= index && index < a->end_index)
            found = true;
    }
    g_slist_free_full(list, (GDestroyNotify)pango_attribute_destroy);
    return found;
}

static void test_markup(tl_fonts *fonts, const tl_text_measurer *m)
{
    const tl_text_extents bold = measure_markup(m, 400, 0, 0, "<b>Bold</b>");
    const tl_font bfont = {.size = 10, .weight = 700};
    const tl_text_shape plain = {0};
    tl_text_extents b = {0};
    m->measure(m->user, &bfont, &plain, "Bold", &b);
    tap_ok(!bold.markup_invalid && fabs(bold.width - b.width) < 0.01,
           "<b>Bold</b> is measured as bold \"Bold\" (%.2f, %.2f)", bold.width, b.width);
    const tl_text_extents amp = measure_markup(m, 400, 0, 0, "a &amp; b &lt; c");
    tap_ok(!amp.markup_invalid && fabs(amp.width - measure(m, 10, 0, 0, "a & b < c").width) < 0.01,
           "entities are the characters they name");
    const tl_text_extents sup =
        measure_markup(m, 400, 0, 0, "x<sup>2</sup> H<sub>2</sub>O <i>i</i> <u>u</u> <s>s</s>");
    tap_ok(!sup.markup_invalid, "<sup> <sub> <i> <u> <s> are accepted");

    const char *invalid[] = {"<b>unclosed",  "a & b", "<span font='Serif 40'>big</span>",
                             "<big>x</big>", "x < y", "<b >x</b>"};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        const tl_text_extents e = measure_markup(m, 400, 0, 0, invalid[i]);
        const tl_text_extents literal = measure(m, 10, 0, 0, invalid[i]);
        tap_ok(e.markup_invalid && fabs(e.width - literal.width) < 0.01,
               "\"%s\" is not accepted markup: drawn as written", invalid[i]);
    }
    const tl_text_extents off = measure(m, 10, 0, 0, "<b>x</b>");
    tap_ok(!off.markup_invalid, "without markup nothing is parsed, nothing reported");

    /* Line limits across paragraphs keep markup on the right characters. */
    const tl_font font = {.size = 10, .weight = 400};
    const tl_text_shape limited = {.wrap_width = 80, .max_lines = 2, .markup = true};
    PangoLayout *layout = tl_fonts_layout_new(
        fonts, &font, &limited,
        "<i>one</i>\r\ntwo <b>three</b>\nfour <u>five</u> six seven eight nine ten", false, NULL);
    tap_ok(layout && !strchr(pango_layout_get_text(layout), '<'), "markup is not drawn");
    tap_ok(layout && attr_covers(layout, PANGO_ATTR_STYLE, "one"), "italic stays on \"one\"");
    tap_ok(layout && attr_covers(layout, PANGO_ATTR_WEIGHT, "three") &&
               !attr_covers(layout, PANGO_ATTR_WEIGHT, "two"),
           "bold stays on \"three\", and only there");
    tap_ok(layout && pango_layout_get_line_count(layout) == 2 && pango_layout_is_ellipsized(layout),
           "and the text is cut to two lines");
    if (layout)
        g_object_unref(layout);
}

/* ---------------------------------------------------------------------------------------------
 * Scripts
 * ------------------------------------------------------------------------------------------- */

/* Glyphs of `text` laid out in one line. */
static int glyph_count(tl_fonts *fonts, const char *text, PangoGlyph *first, int max)
{
    const tl_font font = {.size = 10, .weight = 400};
    const tl_text_shape shape = {0};
    PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &shape, text, false, NULL);
    int n = 0;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        for (int g = 0; run && g < run->glyphs->num_glyphs; g++, n++)
            if (n < max)
                first[n] = run->glyphs->glyphs[g].glyph;
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    g_object_unref(layout);
    return n;
}

static void test_scripts(tl_fonts *fonts, const tl_text_measurer *m)
{
    PangoGlyph glyphs[8];
    if (has_file(fonts, "NotoSansDevanagari")) {
        tap_is_int(glyph_count(fonts, "क्ष", glyphs, 8), 1, "क्ष (three characters) is one conjunct");
        tap_ok(glyph_count(fonts, "द्विपक्षीय", glyphs, 8) < 10, "द्विपक्षीय uses conjuncts");
        tap_is_int(measure(m, 10, 0, 0, "द्विपक्षीय शिखर सम्मेलन").missing_glyphs, 0,
                   "Hindi has every glyph");
    }
    if (has_file(fonts, "NotoSansArabic")) {
        /* One letter three times: initial, medial and final forms, three different glyphs. */
        const int n = glyph_count(fonts, "ببب", glyphs, 8);
        tap_ok(n == 3 && glyphs[0] != glyphs[1] && glyphs[1] != glyphs[2] && glyphs[0] != glyphs[2],
               "Arabic letters join (three contextual forms)");
        char *family;
        const char *lang;
        int level = 0;
        run_of(fonts, "abc مرحبا def", "مرحبا", &family, &lang, &level);
        tap_ok(level % 2 == 1, "Arabic inside Latin runs right to left (level %d)", level);
        g_free(family);
    }
    if (has_file(fonts, "NotoSansHebrew")) {
        const tl_font font = {.size = 10, .weight = 400};
        const tl_text_shape wide = {.wrap_width = 200, .max_lines = 2};
        PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &wide, "שלום עולם", false, NULL);
        double dx = 0, dy = 0;
        tl_fonts_layout_get_logical_origin(layout, &dx, &dy);
        const tl_text_extents ext = measure(m, 10, 200, 2, "שלום עולם");
        tap_ok(dx > 0 && fabs(dx + ext.width - 200) < 0.01,
               "a right-to-left paragraph is aligned right in its wrap width (x %.2f)", dx);
        g_object_unref(layout);
        const char *long_text = "הספר העברי המודפס הראשון הנושא תאריך הוא פירוש רש״י לתורה";
        const tl_text_extents cut = measure(m, 10, 80, 1, long_text);
        tap_ok(cut.ellipsized && cut.lines == 1 && cut.width <= 80 + 1e-9,
               "right-to-left text is ellipsized to its width (%.2f pt)", cut.width);
        const tl_text_extents two = measure(m, 10, 80, 2, long_text);
        tap_ok(two.ellipsized && two.lines == 2 && two.width <= 80 + 1e-9,
               "and cut after two lines");
    }
    if (has_file(fonts, "NotoSansCJK")) {
        /* Japanese has no spaces: lines break between characters, but never before closing
         * punctuation (kinsoku). */
        const char *text =
            "日本語の文章には単語の間に空白がありません。それでも、行は正しく折り返されます。";
        const tl_font font = {.size = 10, .weight = 400};
        const tl_text_shape shape = {.wrap_width = 62};
        PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &shape, text, false, NULL);
        const int lines = pango_layout_get_line_count(layout);
        bool kinsoku = true;
        for (int i = 1; i < lines; i++) {
            const gunichar c =
                g_utf8_get_char(text + pango_layout_get_line_readonly(layout, i)->start_index);
            if (c == 0x3002 /* 。 */ || c == 0x3001 /* 、 */)
                kinsoku = false;
        }
        tap_ok(lines > 3, "Japanese wraps without spaces (%d lines)", lines);
        tap_ok(kinsoku, "no line starts with 。 or 、");
        g_object_unref(layout);
        tap_ok(measure(m, 10, 62, 0, text).width <= 62 + 1e-9, "every line fits");
    }
}

/* Estimates against measurements: Latin titles within a few percent, wrapped alike; other
 * scripts roughly; line breaks, controls and markup left to measure(). */
static void test_estimates(const tl_text_measurer *m)
{
    static const char *const titles[] = {
        "Indo-Pacific Oceans' Initiative launched",
        "Guwahati summit cancelled",
        "Suga becomes prime minister",
        "India–Japan cybersecurity agreement signed",
        "“Quad” foreign ministers meet in Tokyo…",
        "Annual survey expedition recall phase committee 24",
        "Western milestone private valley workshop migration",
        "Café Zürich — résumé of the naïve façade",
        "AV Wa Ty Yo To LT: kerning pairs",
        "x",
        "",
    };
    const tl_font font = {.size = 9.5, .weight = 600};
    /* Wrapped text is estimated as closely unless a line's last word fits only with kerning
     * ("Annual survey..."), when the estimate wraps it a word earlier. */
    size_t close = 0, close_wrapped = 0, same_lines = 0, n = 0, n_wrapped = 0;
    double worst = 0;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        static const tl_text_shape shapes[] = {{0, 0, false, NULL}, {150, 3, false, NULL}, {100, 1, false, NULL}};
        for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
            tl_text_extents est, exact;
            if (!m->estimate(m->user, &font, &shapes[k], titles[i], &est) ||
                !m->measure(m->user, &font, &shapes[k], titles[i], &exact)) {
                tap_ok(false, "\"%s\" is estimated and measured", titles[i]);
                continue;
            }
            n++;
            const double err = fabs(est.width - exact.width) / fmax(exact.width, 1);
            if (err > 0.03)
                tap_diag("%s at %.0f/%d: estimated %.1f, measured %.1f", titles[i],
                         shapes[k].wrap_width, shapes[k].max_lines, est.width, exact.width);
            const bool wrapped = shapes[k].wrap_width > 0 && shapes[k].max_lines != 1;
            n_wrapped += wrapped;
            close_wrapped += wrapped && err <= 0.03;
            if (!wrapped) {
                worst = fmax(worst, err);
                close += err <= 0.03;
            }
            same_lines += est.lines == exact.lines && fabs(est.height - exact.height) < 0.01;
            if (shapes[k].wrap_width > 0 && est.width > shapes[k].wrap_width + 1e-9)
                tap_ok(false, "\"%s\": an estimate stays within its wrapping width", titles[i]);
        }
    }
    tap_is_int((long long)close, (long long)(n - n_wrapped),
               "Latin estimates on one line are within 3%% of the measured width (worst %.1f%%)",
               worst * 100);
    tap_ok(close_wrapped + 1 >= n_wrapped, "... wrapped, %zu of %zu are", close_wrapped, n_wrapped);
    tap_ok(same_lines >= n - 1, "Latin estimates wrap to the measured lines (%zu of %zu)",
           same_lines, n);

    /* Wide text: an em a character, a line break allowed between any two. */
    const tl_text_shape one_line = {0};
    tl_text_extents est, exact;
    bool ok = m->estimate(m->user, &font, &one_line, "公開大阪試験", &est) &&
              m->measure(m->user, &font, &one_line, "公開大阪試験", &exact);
    tap_ok(ok, "Japanese is estimated");
    tap_ok(ok && fabs(est.width - 6 * 9.5) < 1e-9, "... an em a character (%.2f)", est.width);
    tap_ok(ok && fabs(est.width - exact.width) / exact.width < 0.1,
           "... within 10%% of the measured width (%.2f, %.2f)", est.width, exact.width);
    const tl_text_shape narrow = {.wrap_width = 30, .max_lines = 0};
    ok = m->estimate(m->user, &font, &narrow, "公開大阪試験", &est);
    tap_ok(ok && est.lines == 2 && est.width <= 30,
           "... and wraps between characters (%d lines, %.1f wide)", est.lines, est.width);
    /* Other scripts: a mean letter for each character that is not a mark. */
    static const char *const others[] = {"क्षेत्रीय वार्षिक", "مؤتمر مشروع مراجعة", "Русский текст"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        ok = m->estimate(m->user, &font, &one_line, others[i], &est) &&
             m->measure(m->user, &font, &one_line, others[i], &exact);
        tap_ok(ok && fabs(est.width - exact.width) < 0.15 * exact.width,
               "\"%s\" is estimated within 15%% (%.1f, measured %.1f)", others[i], est.width,
               exact.width);
    }

    const tl_text_shape tiny = {.wrap_width = 10, .max_lines = 0};
    ok = m->estimate(m->user, &font, &tiny, "Supercalifragilistic", &est) &&
         m->measure(m->user, &font, &tiny, "Supercalifragilistic", &exact);
    tap_ok(ok && est.width <= 10 && est.lines >= exact.lines / 2 && est.lines <= exact.lines * 2,
           "a word wider than the line is cut (%d lines, measured %d)", est.lines, exact.lines);
    const tl_text_shape thread = {.wrap_width = 1e-300, .max_lines = 0};
    ok = m->estimate(m->user, &font, &thread, "Any text at all", &est);
    tap_ok(ok && est.lines > 0 && est.width <= 1e-300,
           "a wrapping width of 1e-300 pt is estimated at once (%d lines)", est.lines);
    /* Every hyphen ends a word, and each word is cut into about a million lines: their sum
     * passes what an int holds, and is capped instead. */
    char hyphens[4095];
    memset(hyphens, '-', sizeof hyphens - 1);
    hyphens[sizeof hyphens - 1] = '\0';
    const tl_text_shape needle = {.wrap_width = 1e-9, .max_lines = 0};
    ok = m->estimate(m->user, &font, &needle, hyphens, &est);
    tap_ok(ok && est.lines > 0 && est.lines <= 1000000 && est.height > 0 && isfinite(est.height),
           "4,094 words cut into a million lines each: a capped count (%d lines)", est.lines);
    tap_ok(!m->estimate(m->user, &font, &one_line, "two\nlines", &est),
           "a line break is left to measure()");
    tap_ok(!m->estimate(m->user, &font, &one_line, "tab\there", &est),
           "a control character is left to measure()");
    const tl_text_shape markup = {.markup = true};
    tap_ok(!m->estimate(m->user, &font, &markup, "<b>bold</b>", &est),
           "markup is left to measure()");
    tap_ok(m->estimate(m->user, &font, &markup, "plain words", &est),
           "text with no markup in it is estimated when markup is on");
    const tl_font nan_size = {.size = NAN, .weight = 400};
    tap_ok(!m->estimate(m->user, &nan_size, &one_line, "x", &est),
           "a size that cannot be laid out is not estimated");
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

    test_sizes(&m);
    test_shaping(&m);
    test_many_newlines(&m);
    test_rejects(fonts, &m);
    test_markup(fonts, &m);
    test_scripts(fonts, &m);
    test_estimates(&m);

    tl_fonts_unref(fonts);
    return tap_done();
}
