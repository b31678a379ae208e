/* The font context against real fonts (Noto Sans): the family check; the private font set and
 * its fallback chain, font descriptions with a size, added folders, the machine's fonts;
 * missing glyphs. The fonts are tests/fonts (FONTCONFIG_FILE in tests/meson.build); checks
 * that need fonts of the machine's (DejaVu Sans) skip without them. The text measured with
 * those fonts is test-fonts-text.c's. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "test-fonts.h"

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

/* ---------------------------------------------------------------------------------------------
 * The private font set
 * ------------------------------------------------------------------------------------------- */

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

/* Of a collection, only the faces of the chain, of the regional families that text in
 * Chinese or Korean is set in, and of families asked for enter: Noto's CJK collections hold
 * monospaced twins of Noto Sans CJK JP too. */
static void test_collection_faces(tl_fonts *fonts)
{
    if (!fonts->config)
        return;
    size_t cjk = 0, regional = 0, twins = 0;
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
            else if (strncmp((const char *)family, "Noto Sans CJK ", 14) == 0)
                regional++;
            else if (strstr((const char *)family, "CJK"))
                twins++;
        }
    tap_ok(cjk == 2 && twins == 0 && regional % 2 == 0,
           "Noto Sans CJK JP regular and bold, regional faces in pairs, no monospaced twins (%zu, "
           "%zu, %zu)",
           cjk, regional, twins);

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
    /* tests/fonts has it, and so has Debian's fonts-noto-core. */
    if (!configured("Noto Sans Javanese")) {
        tap_ok(true, "a family outside the chain # SKIP Noto Sans Javanese is not installed");
        return;
    }
    tl_error *err = NULL;
    tl_fonts *other = tl_fonts_new("Noto Sans Javanese", &err);
    tap_ok(other != NULL, "Noto Sans Javanese is found: %s", err ? err->message : "ok");
    tl_error_free(err);
    if (!other)
        return;
    size_t chain = 0, extra = 0;
    bool same = true;
    for (size_t i = 0; i < tl_fonts_get_file_count(other); i++) {
        const char *file = tl_fonts_get_file(other, i);
        if (strstr(file, "Javanese")) {
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
    test_private_set(fonts);
    test_known_files_match_resolved(fonts);
    test_collection_faces(fonts);
    test_descriptions(&m);
    test_font_dir(&m);
    test_missing_glyphs(fonts, &m);

    tl_fonts_unref(fonts);
    return tap_done();
}
