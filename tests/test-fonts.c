/* The Pango measurer against real fonts (Noto Sans): plausible sizes, linear scaling,
 * wrapping, ellipsizing, determinism, plain text, and the family check; the private font set
 * and its fallback chain, font descriptions with a size, added folders, the machine's fonts;
 * missing glyphs; markup; right-to-left text, Devanagari conjuncts and Japanese line breaking;
 * estimates against measurements. The fonts are tests/fonts (FONTCONFIG_FILE in
 * tests/meson.build); checks that need fonts of the machine's (DejaVu Sans) skip without them. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

/* Whether fontconfig's configuration (the tests': tests/fonts only) lists `family`: checks of
 * fonts only the machine may have skip without them. */
static bool configured(const char *family)
{
    FcPattern *pattern = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family, (char *)NULL);
    FcObjectSet *objects = FcObjectSetBuild(FC_FILE, (char *)NULL);
    FcFontSet *set = pattern && objects ? FcFontList(NULL, pattern, objects) : NULL;
    const bool found = set && set->nfont > 0;
    if (set)
        FcFontSetDestroy(set);
    if (objects)
        FcObjectSetDestroy(objects);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
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
 * The private font set
 * ------------------------------------------------------------------------------------------- */

static bool has_file(const tl_fonts *fonts, const char *part)
{
    for (size_t i = 0; i < tl_fonts_get_file_count(fonts); i++)
        if (strstr(tl_fonts_get_file(fonts, i), part))
            return true;
    return false;
}

/* The font family and language Pango chose for the character at `needle` in `text`; both
 * NULL when not found. The caller frees *family (g_free). */
static void run_of(tl_fonts *fonts, const char *text, const char *needle, char **family,
                   const char **lang, int *level)
{
    const tl_font font = {.size = 10, .weight = 400};
    const tl_text_shape shape = {0};
    *family = NULL;
    *lang = NULL;
    PangoLayout *layout = tl_fonts_layout_new(fonts, &font, &shape, text, false, NULL);
    const char *at = strstr(text, needle);
    if (!layout || !at)
        goto done;
    const int index = (int)(at - text);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run || index < run->item->offset || index >= run->item->offset + run->item->length)
            continue;
        PangoFontDescription *desc = pango_font_describe(run->item->analysis.font);
        *family = g_strdup(pango_font_description_get_family(desc));
        pango_font_description_free(desc);
        *lang = pango_language_to_string(run->item->analysis.language);
        if (level)
            *level = run->item->analysis.level;
        break;
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
done:
    if (layout)
        g_object_unref(layout);
}

static void test_private_set(tl_fonts *fonts)
{
    const size_t n = tl_fonts_get_file_count(fonts);
    tap_ok(n >= 4, "the private set has the default family's files (%zu files)", n);
    bool sorted = true, noto = true;
    for (size_t i = 0; i < n; i++) {
        tap_diag("font file: %s", tl_fonts_get_file(fonts, i));
        if (i > 0 && strcmp(tl_fonts_get_file(fonts, i - 1), tl_fonts_get_file(fonts, i)) >= 0)
            sorted = false;
        if (!strstr(tl_fonts_get_file(fonts, i), "/Noto"))
            noto = false;
    }
    tap_ok(sorted, "files are listed sorted, without duplicates");
    tap_ok(noto, "and are all Noto fonts of the chain (no DejaVu, nothing else installed)");
    tap_ok(has_file(fonts, "NotoSans-Regular") && has_file(fonts, "NotoSans-Bold"),
           "Noto Sans regular and bold are in it");
    tap_ok(!has_file(fonts, "Javanese") && !has_file(fonts, "Serif"),
           "fonts outside the chain are not, even in the same folder");
    tap_ok(tl_fonts_get_file(fonts, n) == NULL, "past the end is NULL");

    /* Which font draws each script: the declared chain. */
    const struct {
        const char *needle, *family, *file, *lang;
    } scripts[] = {
        {"Hello", "Noto Sans", "NotoSans-", "en"},
        {"भारत", "Noto Sans Devanagari", "NotoSansDevanagari", "hi"},
        {"日本", "Noto Sans CJK JP", "NotoSansCJK", "ja"},
        {"の", "Noto Sans CJK JP", "NotoSansCJK", "ja"},
        {"مرحبا", "Noto Sans Arabic", "NotoSansArabic", "ar"},
        {"שלום", "Noto Sans Hebrew", "NotoSansHebrew", "he"},
    };
    const char *text = "Hello भारत 日本の مرحبا שלום";
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        if (!has_file(fonts, scripts[i].file)) {
            tap_diag("%s is not installed: \"%s\" not checked", scripts[i].family,
                     scripts[i].needle);
            continue;
        }
        char *family;
        const char *lang;
        run_of(fonts, text, scripts[i].needle, &family, &lang, NULL);
        tap_is_str(family, scripts[i].family, "\"%s\" is set in %s", scripts[i].needle,
                   scripts[i].family);
        tap_is_str(lang, scripts[i].lang, "and tagged with language %s", scripts[i].lang);
        g_free(family);
    }
    /* Han alone would be Chinese to Pango in a Chinese locale; here it is always Japanese. */
    char *family;
    const char *lang;
    run_of(fonts, "漢字", "漢", &family, &lang, NULL);
    tap_ok(lang && strcmp(lang, "ja") == 0, "Han characters alone are tagged Japanese (%s)",
           lang ? lang : "none");
    g_free(family);
    run_of(fonts, "ꦲꦏ꧀ꦱꦫ", "ꦲ", &family, &lang, NULL);
    tap_is_str(lang, "und", "a script without a fixed language is tagged und, not the locale's");
    g_free(family);
    /* A tick label of digits shares the fonts of the text around it: one fontset per size. */
    run_of(fonts, "2019–2020", "2019", &family, &lang, NULL);
    tap_is_str(lang, "en", "digits and punctuation alone keep the context's language");
    g_free(family);

    /* Start-up cost: a fresh context per chart must stay cheap. */
    const double t0 = seconds();
    for (int i = 0; i < 10; i++)
        tl_fonts_unref(tl_fonts_new(NULL, NULL));
    tap_diag("tl_fonts_new() + unref: %.2f ms on average", (seconds() - t0) * 100);
}

static void test_descriptions(const tl_text_measurer *m)
{
    tl_error *err = NULL;
    tl_fonts *big = tl_fonts_new("Noto Sans 12", &err);
    tap_ok(big != NULL, "\"Noto Sans 12\" is a usable description: %s", err ? err->message : "ok");
    tl_error_free(err);
    if (big) {
        const tl_text_measurer mb = tl_fonts_measurer(big);
        const tl_text_extents a = measure(m, 10, 0, 0, "Hello, world");
        const tl_text_extents b = measure(&mb, 10, 0, 0, "Hello, world");
        tap_is_near(b.width, 1.2 * a.width, 0.01 * a.width, "size 12 sets text 1.2 times larger");
        tap_is_str(tl_fonts_get_family(big), "Noto Sans", "the family without the size");
        tl_fonts_unref(big);
    }
    tl_fonts *sized = tl_fonts_new("8", NULL);
    tap_ok(sized && strcmp(tl_fonts_get_family(sized), TL_FONTS_DEFAULT_FAMILY) == 0,
           "a size alone keeps the default family");
    tl_fonts_unref(sized);

    const char *bad[] = {"Noto Sans 500", "Noto Sans 1", "", "\xff"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err = NULL;
        tl_fonts *f = tl_fonts_new(bad[i], &err);
        tap_ok(!f && err && err->code == TL_ERROR_CONFIG, "\"%s\" is refused: %s", bad[i],
               err ? err->message : "(accepted)");
        tl_error_free(err);
        tl_fonts_unref(f);
    }

    /* The machine's fonts: generic families resolve; the private set refuses them. */
    tl_font_options *opts = tl_font_options_new();
    tl_font_options_set_font(opts, "serif");
    err = NULL;
    tl_fonts *priv = tl_fonts_new_with_options(opts, &err);
    tap_ok(!priv && err && strstr(err->message, "--system-fonts"),
           "\"serif\" is not in the private set: %s", err ? err->message : "(accepted)");
    tl_error_free(err);
    tl_font_options_set_system_fonts(opts, true);
    err = NULL;
    tl_fonts *sys = tl_fonts_new_with_options(opts, &err);
    tap_ok(sys != NULL, "with the machine's fonts it is: %s", err ? err->message : "ok");
    tap_ok(sys && tl_fonts_get_file_count(sys) == 0, "and no private file list");
    tl_error_free(err);
    tl_fonts_unref(sys);
    tl_font_options_free(opts);
    tl_font_options_free(NULL);

    /* The machine's rules must not turn the chain's emoji family into a colour request that
     * draws digits and spaces from the emoji font. */
    opts = tl_font_options_new();
    tl_font_options_set_system_fonts(opts, true);
    sys = tl_fonts_new_with_options(opts, NULL);
    tl_font_options_free(opts);
    if (sys && configured("Noto Color Emoji")) {
        char *family;
        const char *lang;
        run_of(sys, "10 Jan 2019 \xf0\x9f\x9a\x80", "10", &family, &lang, NULL);
        tap_ok(family && !strstr(family, "Emoji"),
               "with the machine's fonts, digits are not set in the emoji font (%s)",
               family ? family : "none");
        g_free(family);
        run_of(sys, "10 Jan 2019 \xf0\x9f\x9a\x80", "\xf0\x9f\x9a\x80", &family, &lang, NULL);
        tap_is_str(family, "Noto Color Emoji", "... and an emoji still is");
        g_free(family);
    } else {
        tap_ok(true, "digits with the machine's fonts # SKIP no colour emoji font installed");
    }
    tl_fonts_unref(sys);

    if (configured("DejaVu Sans")) {
        tl_fonts *dejavu = tl_fonts_new("DejaVu Sans", NULL);
        tap_ok(dejavu && has_file(dejavu, "DejaVuSans.ttf") && has_file(dejavu, "NotoSans-"),
               "a family asked for joins the private set, before the chain");
        tap_ok(dejavu && !has_file(dejavu, "DejaVuSansMono"), "its family only");
        tl_fonts_unref(dejavu);
    } else {
        tap_ok(true,
               "a family asked for joins the private set # SKIP DejaVu Sans is not installed");
    }
}

static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    bool ok = in && out;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    if (in)
        fclose(in);
    if (out)
        ok = fclose(out) == 0 && ok;
    return ok;
}

static void test_font_dir(const tl_text_measurer *m)
{
    const char *javanese = "ꦲꦏ꧀ꦱꦫ";
    const tl_text_extents without = measure(m, 10, 0, 0, javanese);
    tap_ok(without.missing_glyphs > 0, "Javanese has no glyphs in the chain (%d missing)",
           without.missing_glyphs);
    tap_is_str(without.missing_script, "Javanese", "the script is named");
    tap_is_str(without.missing_text, javanese, "the text is quoted");
    const tl_text_extents mixed = measure(m, 10, 0, 0, "Title: ꦲꦏ꧀ꦱꦫ");
    tap_is_str(mixed.missing_text, javanese, "only the run without glyphs is quoted");

    /* The tests' copy (tests/fonts), or the machine's. */
    const char *src = getenv("TL_TEST_SRCDIR");
    char *system_file =
        g_build_filename(src ? src : "tests", "fonts", "NotoSansJavanese-Regular.ttf", NULL);
    if (access(system_file, R_OK) != 0) {
        g_free(system_file);
        system_file = g_strdup("/usr/share/fonts/truetype/noto/NotoSansJavanese-Regular.ttf");
    }
    char dir[] = "/tmp/tl-fontdir-XXXXXX";
    if (access(system_file, R_OK) != 0 || !mkdtemp(dir)) {
        tap_ok(true, "--font-dir with a real font # SKIP no Noto Sans Javanese to copy");
        g_free(system_file);
        return;
    }
    char *file = g_build_filename(dir, "sub", "Javanese.ttf", NULL);
    char *sub = g_path_get_dirname(file);
    mkdir(sub, 0777);
    tap_ok(copy_file(system_file, file), "a font shipped in a folder (in a subfolder)");

    tl_font_options *opts = tl_font_options_new();
    tl_font_options_add_dir(opts, dir);
    tl_error *err = NULL;
    tl_fonts *with = tl_fonts_new_with_options(opts, &err);
    tap_ok(with != NULL, "the folder is added: %s", err ? err->message : "ok");
    tl_error_free(err);
    if (with) {
        const tl_text_measurer mw = tl_fonts_measurer(with);
        tap_is_int(measure(&mw, 10, 0, 0, javanese).missing_glyphs, 0,
                   "its glyphs are found by fallback");
        tap_ok(has_file(with, "Javanese.ttf"), "and it is listed");
        tl_fonts_unref(with);
    }
    tl_font_options_set_font(opts, "Noto Sans Javanese 11");
    err = NULL;
    with = tl_fonts_new_with_options(opts, &err);
    tap_ok(with != NULL, "and by family name: %s", err ? err->message : "ok");
    tl_error_free(err);
    tl_fonts_unref(with);
    tl_font_options_free(opts);

    opts = tl_font_options_new();
    tl_font_options_add_dir(opts, sub);
    unlink(file);
    FILE *fp = fopen(file, "w");
    if (fp) {
        fputs("not a font\n", fp);
        fclose(fp);
    }
    err = NULL;
    with = tl_fonts_new_with_options(opts, &err);
    tap_ok(!with && err && err->code == TL_ERROR_CONFIG && strstr(err->message, "holds no font"),
           "a folder without fonts is an error: %s", err ? err->message : "(accepted)");
    tl_error_free(err);
    tl_font_options_free(opts);
    unlink(file);
    rmdir(sub);

    opts = tl_font_options_new();
    tl_font_options_add_dir(opts, sub);
    err = NULL;
    with = tl_fonts_new_with_options(opts, &err);
    tap_ok(!with && err && strstr(err->message, "No such file"),
           "a folder that does not exist is an error: %s", err ? err->message : "(accepted)");
    tl_error_free(err);
    tl_font_options_free(opts);
    rmdir(dir);
    g_free(sub);
    g_free(file);
    g_free(system_file);
}

static void test_missing_glyphs(tl_fonts *fonts, const tl_text_measurer *m)
{
    tap_is_int(measure(m, 10, 0, 0, "Hello").missing_glyphs, 0, "Latin has every glyph");
    tap_is_str(measure(m, 10, 0, 0, "Hello").missing_text, "", "and quotes nothing");
    tap_is_int(measure(m, 10, 0, 0,
                       "a\x01"
                       "b\x7f")
                   .missing_glyphs,
               0, "control characters are not missing glyphs");
    const tl_text_extents pua = measure(m, 10, 0, 0, "Private \xee\x80\x80 use");
    tap_ok(pua.missing_glyphs == 1 && strstr(pua.missing_text, "U+E000"),
           "a private-use character is missing, quoted as U+E000 (\"%s\")", pua.missing_text);
    tap_is_str(pua.missing_script, "private use or unassigned", "and named so");
    if (has_file(fonts, "NotoColorEmoji")) {
        const tl_text_extents emoji = measure(m, 10, 0, 0, "Launch 🚀");
        tap_is_int(emoji.missing_glyphs, 0, "emoji come from Noto Color Emoji");
        tap_ok(emoji.height < 20, "scaled to the text size (%.1f pt tall)", emoji.height);
    } else {
        const tl_text_extents emoji = measure(m, 10, 0, 0, "Launch 🚀");
        tap_is_str(emoji.missing_script, "Symbols", "without an emoji font, emoji are Symbols");
    }
    const tl_text_extents cut = measure(m, 10, 0, 0, "ꦲꦏ꧀ꦱꦫꦲꦏ꧀ꦱꦫꦲꦏ꧀ꦱꦫꦲꦏ꧀ꦱꦫꦲꦏ꧀ꦱꦫꦲꦏ꧀ꦱꦫꦲꦏ꧀ꦱꦫ");
    tap_ok(strlen(cut.missing_text) < TL_MISSING_TEXT_SIZE &&
               g_utf8_validate(cut.missing_text, -1, NULL),
           "a long quote is cut at a character (%zu bytes)", strlen(cut.missing_text));
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

/* Of a collection, only the faces of the chain (and of families asked for) enter: Noto's CJK
 * collections hold regional and monospaced twins of Noto Sans CJK JP. */
static void test_collection_faces(tl_fonts *fonts)
{
    if (!fonts->config)
        return;
    size_t cjk = 0, twins = 0;
    FcFontSet *set = FcConfigGetFonts(fonts->config, FcSetSystem);
    FcFontSet *app = FcConfigGetFonts(fonts->config, FcSetApplication);
    FcFontSet *sets[] = {set, app};
    for (size_t k = 0; k < 2; k++)
        for (int i = 0; sets[k] && i < sets[k]->nfont; i++) {
            FcChar8 *family = NULL;
            if (FcPatternGetString(sets[k]->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch)
                continue;
            if (strcmp((const char *)family, "Noto Sans CJK JP") == 0)
                cjk++;
            else if (strstr((const char *)family, "CJK"))
                twins++;
        }
    tap_ok(cjk == 2 && twins == 0, "Noto Sans CJK JP regular and bold, without twins (%zu, %zu)",
           cjk, twins);

    tl_error *err = NULL;
    tl_fonts *sc = tl_fonts_new("Noto Sans CJK SC", &err);
    size_t asked = 0;
    for (int k = 0; sc && sc->config && k < 2; k++) {
        FcFontSet *scset = FcConfigGetFonts(sc->config, k ? FcSetApplication : FcSetSystem);
        for (int i = 0; scset && i < scset->nfont; i++) {
            FcChar8 *family = NULL;
            if (FcPatternGetString(scset->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch &&
                strcmp((const char *)family, "Noto Sans CJK SC") == 0)
                asked++;
        }
    }
    tap_ok(asked == 2, "a collection's family asked for enters (Noto Sans CJK SC: %zu faces)",
           asked);
    tl_error_free(err);
    tl_fonts_unref(sc);
}

/* The chain's files are taken from where Debian installs them when they are all there, and
 * resolved by family through the machine's configuration otherwise (here: when a family
 * outside the chain is asked for). Both ways must give the same files for the chain. */
static void test_known_files_match_resolved(tl_fonts *fonts)
{
    if (!configured("DejaVu Sans")) {
        tap_ok(true, "a family outside the chain # SKIP DejaVu Sans is not installed");
        return;
    }
    tl_error *err = NULL;
    tl_fonts *other = tl_fonts_new("DejaVu Sans", &err);
    tap_ok(other != NULL, "DejaVu Sans is found: %s", err ? err->message : "ok");
    tl_error_free(err);
    if (!other)
        return;
    size_t chain = 0, extra = 0;
    bool same = true;
    for (size_t i = 0; i < tl_fonts_get_file_count(other); i++) {
        const char *file = tl_fonts_get_file(other, i);
        if (strstr(file, "DejaVu")) {
            extra++;
            continue;
        }
        chain++;
        bool found = false;
        for (size_t k = 0; k < tl_fonts_get_file_count(fonts) && !found; k++)
            found = strcmp(tl_fonts_get_file(fonts, k), file) == 0;
        if (!found) {
            tap_diag("resolved but not in the default set: %s", file);
            same = false;
        }
    }
    tap_ok(extra > 0, "a family outside the chain adds its files (%zu)", extra);
    tap_ok(same && chain == tl_fonts_get_file_count(fonts),
           "the chain resolved by family is the default set, file for file (%zu and %zu)", chain,
           tl_fonts_get_file_count(fonts));
    tl_fonts_unref(other);
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
        static const tl_text_shape shapes[] = {{0, 0, false}, {150, 3, false}, {100, 1, false}};
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

    test_family_check();
    test_sizes(&m);
    test_shaping(&m);
    test_many_newlines(&m);
    test_rejects(fonts, &m);
    test_private_set(fonts);
    test_known_files_match_resolved(fonts);
    test_collection_faces(fonts);
    test_descriptions(&m);
    test_font_dir(&m);
    test_missing_glyphs(fonts, &m);
    test_markup(fonts, &m);
    test_scripts(fonts, &m);
    test_estimates(&m);

    tl_fonts_unref(fonts);
    return tap_done();
}
