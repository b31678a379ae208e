/* The fontconfig side of the font context: the fallback chain every text is set in, the
 * private configuration holding only its files (and the folders added), or the machine's
 * configuration with --system-fonts, and the check that a family asked for exists. */
#include "fc-config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "common/tl-error-private.h"

/* ---------------------------------------------------------------------------------------------
 * The fallback chain
 * ------------------------------------------------------------------------------------------- */

/* The chain's colour emoji family; see family_list(). */
#define TL_EMOJI_FAMILY "Noto Color Emoji"

/* Every text is set in the families asked for, then in these, in this order: the first that
 * has a character's glyph draws it. They come from Debian's fonts-noto-core and fonts-noto-cjk
 * (scripts/deps.sh), and only their files enter the private configuration, so installing
 * another font on the machine changes nothing. A family that is not installed is skipped: its
 * characters are then drawn as boxes, with a warning. */
static const char *const fallback_families[] = {
    "Noto Sans",            /* Latin, Greek, Cyrillic */
    "Noto Sans Devanagari", /* Hindi, Marathi, Nepali */
    "Noto Sans CJK JP",     /* Japanese; Chinese and Korean characters in Japanese forms */
    "Noto Sans Arabic",     /* Arabic, Persian, Urdu */
    "Noto Naskh Arabic",    /* Arabic characters Noto Sans Arabic lacks */
    "Noto Sans Hebrew",     /* Hebrew */
    "Noto Sans Symbols",    /* arrows, technical and other symbols */
    "Noto Sans Symbols 2",  /* dingbats, stars, chess, more symbols */
    TL_EMOJI_FAMILY,        /* emoji (fonts-noto-color-emoji) */
};

#define FALLBACK_COUNT (sizeof fallback_families / sizeof fallback_families[0])

/* The chain's CJK family draws Han characters in their Japanese forms. A text in Chinese or
 * Korean (tl_text_shape.lang) puts its region's face of the same collections first, so that
 * shared characters take the forms its readers learnt (骨, 直 and 海 differ). */
#define TL_CJK_FAMILY "Noto Sans CJK JP"
static const struct {
    const char *lang; /* a BCP 47 prefix, matched up to a '-' */
    const char *family;
} regional_cjk[] = {
    {"zh-Hant-HK", "Noto Sans CJK HK"}, {"zh-HK", "Noto Sans CJK HK"},
    {"zh-MO", "Noto Sans CJK HK"},      {"zh-Hant", "Noto Sans CJK TC"},
    {"zh-TW", "Noto Sans CJK TC"},      {"zh", "Noto Sans CJK SC"},
    {"ko", "Noto Sans CJK KR"},
};
#define REGIONAL_COUNT (sizeof regional_cjk / sizeof regional_cjk[0])

/* ---------------------------------------------------------------------------------------------
 * Family lists
 * ------------------------------------------------------------------------------------------- */

/* Generic names fontconfig resolves by substitution rather than to a font of that name. */
static const char *const generic_families[] = {
    "sans-serif", "sans",    "serif",   "monospace", "mono",
    "system-ui",  "cursive", "fantasy", "emoji",     "math",
};

/* The generic names the private set can honour: its first family is a sans-serif. */
static const char *const private_generic_families[] = {"sans-serif", "sans", "system-ui"};

static bool in_list(const char *family, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (FcStrCmpIgnoreCase((const FcChar8 *)family, (const FcChar8 *)list[i]) == 0)
            return true;
    return false;
}

static bool is_generic_family(const tl_fonts *fonts, const char *family)
{
    if (fonts->config && fonts->files.len > 0)
        return in_list(family, private_generic_families,
                       sizeof private_generic_families / sizeof private_generic_families[0]);
    return in_list(family, generic_families, sizeof generic_families / sizeof generic_families[0]);
}

static bool strv_has(const tl_strv *v, const char *s)
{
    for (size_t i = 0; i < v->len; i++)
        if (FcStrCmpIgnoreCase((const FcChar8 *)v->items[i], (const FcChar8 *)s) == 0)
            return true;
    return false;
}

/* What text is set in: the families asked for, then the fallback chain. With the machine's
 * configuration (`system`) the chain's colour emoji family is left out: naming it sets off
 * the stock rules that turn an emoji family into a request for colour, and fontconfig ranks
 * colour above every family, so digits and spaces would be drawn from the emoji font. Emoji
 * still reach it, or the machine's own emoji font, through Pango's fallback. */
char *tl_fonts_family_list(const tl_strv *wanted, bool system)
{
    tl_buf b = TL_BUF_INIT;
    for (size_t i = 0; i < wanted->len; i++) {
        tl_buf_append_str(&b, b.len ? "," : "");
        tl_buf_append_str(&b, wanted->items[i]);
    }
    for (size_t i = 0; i < FALLBACK_COUNT; i++) {
        if (strv_has(wanted, fallback_families[i]) ||
            (system && strcmp(fallback_families[i], TL_EMOJI_FAMILY) == 0))
            continue;
        tl_buf_append_str(&b, b.len ? "," : "");
        tl_buf_append_str(&b, fallback_families[i]);
    }
    return tl_buf_steal(&b);
}

char *tl_fonts_family_list_for(const char *families, const char *lang)
{
    const char *family = NULL;
    for (size_t i = 0; lang && !family && i < REGIONAL_COUNT; i++) {
        const size_t n = strlen(regional_cjk[i].lang);
        if (g_ascii_strncasecmp(lang, regional_cjk[i].lang, n) == 0 &&
            (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_'))
            family = regional_cjk[i].family;
    }
    const char *at = family ? strstr(families, TL_CJK_FAMILY) : NULL;
    if (!at)
        return NULL;
    return g_strdup_printf("%.*s%s,%s", (int)(at - families), families, family, at);
}

/* ---------------------------------------------------------------------------------------------
 * Finding the files of a family
 * ------------------------------------------------------------------------------------------- */

/* Folders searched first: those distribution packages install into, then local ones. A font
 * of the same family installed elsewhere (a user's ~/.fonts) does not replace them. */
static int folder_rank(const char *path)
{
    if (strncmp(path, "/usr/share/fonts/", 17) == 0)
        return 0;
    if (strncmp(path, "/usr/local/share/fonts/", 23) == 0)
        return 1;
    return 2;
}

static size_t folder_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) : 0;
}

/* Formats HarfBuzz (and so Pango) can shape. */
static bool usable_format(FcPattern *font)
{
    FcChar8 *format;
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch)
        return false;
    return FcStrCmpIgnoreCase(format, (const FcChar8 *)"TrueType") == 0 ||
           FcStrCmpIgnoreCase(format, (const FcChar8 *)"CFF") == 0;
}

/* Regular or bold, upright or italic, normal width: the faces the chart uses. Fonts that vary
 * (a weight axis) count too. Other weights a package may add later (a SemiBold) are left out
 * so that adding them does not change which face a 600 weight resolves to. */
static bool plain_style(FcPattern *font)
{
    double weight, width;
    int slant;
    if (FcPatternGetDouble(font, FC_WEIGHT, 0, &weight) == FcResultMatch &&
        fabs(weight - FC_WEIGHT_REGULAR) > 0.5 && fabs(weight - FC_WEIGHT_BOLD) > 0.5)
        return false;
    if (FcPatternGetInteger(font, FC_SLANT, 0, &slant) == FcResultMatch &&
        slant != FC_SLANT_ROMAN && slant != FC_SLANT_ITALIC)
        return false;
    if (FcPatternGetDouble(font, FC_WIDTH, 0, &width) == FcResultMatch &&
        fabs(width - FC_WIDTH_NORMAL) > 0.5)
        return false;
    return true;
}

/* Adds to `files` the files of `family` among the machine's fonts (fontconfig's current
 * configuration, read through its cache): those of the best-ranked folder holding the family
 * (folder_rank(), then path order), in the plain styles when it has them. Returns false when
 * no usable font has that family. */
static bool resolve_family(const char *family, tl_strv *files)
{
    bool found = false;
    FcPattern *pattern = FcPatternCreate();
    FcObjectSet *objects = FcObjectSetBuild(FC_FILE, FC_FAMILY, FC_WEIGHT, FC_SLANT, FC_WIDTH,
                                            FC_FONTFORMAT, (char *)NULL);
    FcFontSet *set = NULL;
    if (!pattern || !objects)
        goto done;
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
    set = FcFontList(NULL, pattern, objects);
    const char *best = NULL;
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *file;
        if (!usable_format(set->fonts[i]) ||
            FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
            continue;
        const char *path = (const char *)file;
        if (!best || folder_rank(path) < folder_rank(best) ||
            (folder_rank(path) == folder_rank(best) && strcmp(path, best) < 0))
            best = path;
    }
    if (!best)
        goto done;
    const size_t dir_len = folder_len(best);
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (int i = 0; i < set->nfont; i++) {
            FcChar8 *file;
            if (!usable_format(set->fonts[i]) ||
                FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
                continue;
            const char *path = (const char *)file;
            if (folder_len(path) != dir_len || strncmp(path, best, dir_len) != 0)
                continue;
            if (pass == 0 && !plain_style(set->fonts[i]))
                continue;
            found = true;
            if (!strv_has(files, path))
                tl_strv_push(files, tl_xstrdup(path));
        }
    }
done:
    if (set)
        FcFontSetDestroy(set);
    if (objects)
        FcObjectSetDestroy(objects);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
}

/* ---------------------------------------------------------------------------------------------
 * The private configuration
 * ------------------------------------------------------------------------------------------- */

static void append_xml_text(tl_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *entity = tl_xml_entity((unsigned char)*s);
        if (entity)
            tl_buf_append_str(b, entity);
        else
            tl_buf_append_char(b, *s);
    }
}

static void append_element(tl_buf *b, const char *name, const char *text)
{
    tl_buf_printf(b, "<%s>", name);
    append_xml_text(b, text);
    tl_buf_printf(b, "</%s>", name);
}

/* Fonts made of bitmaps (Noto Color Emoji has one strike, 109 px) are drawn at their strike's
 * size unless a rule scales them to the size asked for. The machine's configuration has it
 * (10-scale-bitmap-fonts.conf); the private one starts empty, so it carries its own copy. */
static const char bitmap_scaling_rules[] =
    "<match target=\"font\"><test name=\"outline\" compare=\"eq\"><bool>false</bool></test>"
    "<edit name=\"pixelsizefixupfactor\" mode=\"assign\"><divide>"
    "<name target=\"pattern\">pixelsize</name><name target=\"font\">pixelsize</name>"
    "</divide></edit></match>\n"
    "<match target=\"font\"><test name=\"outline\" compare=\"eq\"><bool>false</bool></test>"
    "<test name=\"pixelsizefixupfactor\" compare=\"not_eq\"><double>1.0</double></test>"
    "<edit name=\"matrix\" mode=\"assign\"><times><name>matrix</name><matrix>"
    "<name>pixelsizefixupfactor</name><double>0</double>"
    "<double>0</double><name>pixelsizefixupfactor</name></matrix></times></edit>"
    "<edit name=\"size\" mode=\"assign\"><divide><name>size</name>"
    "<name>pixelsizefixupfactor</name></divide></edit></match>\n";

/* Whether fontconfig's cache (as the machine's configuration finds it) is up to date for the
 * folders of every file. */
static bool caches_valid(const tl_strv *files)
{
    for (size_t i = 0; i < files->len; i++) {
        char *dir = tl_xstrndup(files->items[i], folder_len(files->items[i]));
        const bool valid = FcDirCacheValid((const FcChar8 *)dir);
        free(dir);
        if (!valid)
            return false;
    }
    return true;
}

/* Where Debian's packages (fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji) put the
 * fallback chain, in the plain styles resolve_family() keeps, and fontconfig's cache folders
 * there. When every file is in place and the caches are up to date, the private configuration
 * is built from these directly: resolving the families reads the machine's whole fontconfig
 * configuration first, some 9 ms, most of what a ten-event chart costs. Anywhere else the
 * families are resolved. */
static const char *const debian_fallback_files[] = {
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-BoldItalic.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
};
static const char *const debian_cache_dirs[] = {"/var/cache/fontconfig"};

/* Whether the families asked for are all of the fallback chain (or generic names), and Debian's
 * files of the chain are all there: then `files` holds them. Only with the machine's own
 * configuration: one the environment names (the tests' tests/fonts/fonts.conf) may hold the
 * chain elsewhere, and is asked. */
static bool known_files(const tl_fonts *fonts, const tl_strv *wanted, tl_strv *files)
{
    if (getenv("FONTCONFIG_FILE") || getenv("FONTCONFIG_PATH") || getenv("FONTCONFIG_SYSROOT"))
        return false;
    for (size_t i = 0; i < wanted->len; i++)
        if (!is_generic_family(fonts, wanted->items[i]) &&
            !in_list(wanted->items[i], fallback_families, FALLBACK_COUNT))
            return false;
    const size_t n = sizeof debian_fallback_files / sizeof debian_fallback_files[0];
    for (size_t i = 0; i < n; i++)
        if (access(debian_fallback_files[i], R_OK) != 0)
            return false;
    for (size_t i = 0; i < n; i++)
        tl_strv_push(files, tl_xstrdup(debian_fallback_files[i]));
    return true;
}

/* The folders of `files`, each once, in order. */
static void file_folders(const tl_strv *files, tl_strv *folders)
{
    for (size_t i = 0; i < files->len; i++) {
        char *dir = tl_xstrndup(files->items[i], folder_len(files->items[i]));
        if (!strv_has(folders, dir))
            tl_strv_push(folders, dir);
        else
            free(dir);
    }
}

/* A configuration holding exactly `files`, plus whatever `dirs` (canonical paths) hold.
 *
 * Adding files one by one (FcConfigAppFontAddFile) would have FreeType read each of them on
 * every run, some 60-200 ms for the two CJK collections. Instead the configuration lists their
 * folders and the machine's cache folders, so fontconfig reads the fonts' descriptions from the
 * cache fc-cache wrote when the packages were installed, and keeps only `files` through an
 * accept/reject filter. When a cache is missing or stale, the files are read after all. */
/* Whether `file` is a collection of faces (.ttc, .otc). */
static bool is_collection(const char *file)
{
    const size_t n = strlen(file);
    return n > 4 && (g_ascii_strcasecmp(file + n - 4, ".ttc") == 0 ||
                     g_ascii_strcasecmp(file + n - 4, ".otc") == 0);
}

static void append_file_pattern(tl_buf *xml, const char *file, const char *family)
{
    tl_buf_append_str(xml, "<pattern><patelt name=\"file\">");
    append_element(xml, "string", file);
    tl_buf_append_str(xml, "</patelt>");
    if (family) {
        tl_buf_append_str(xml, "<patelt name=\"family\">");
        append_element(xml, "string", family);
        tl_buf_append_str(xml, "</patelt>");
    }
    tl_buf_append_str(xml, "</pattern>");
}

/* Of a collection (`files` that are .ttc or .otc), only the faces of `families` are kept:
 * Noto's CJK collections hold ten faces each, regional and monospaced twins that text set in
 * the chain never reaches, and every face costs every font sort Pango makes. Fontconfig
 * checks file names first (the file is accepted by its glob), then each face: accepted when
 * it is of one of `families`, else rejected as a face of that file. */
static void append_collection_filter(tl_buf *xml, const tl_strv *files, const tl_strv *families)
{
    tl_buf accept = TL_BUF_INIT, reject = TL_BUF_INIT;
    for (size_t i = 0; families && i < files->len; i++) {
        if (!is_collection(files->items[i]))
            continue;
        for (size_t k = 0; k < families->len; k++)
            append_file_pattern(&accept, files->items[i], families->items[k]);
        append_file_pattern(&reject, files->items[i], NULL);
    }
    if (reject.len > 0)
        tl_buf_printf(xml,
                      "<selectfont><acceptfont>%s</acceptfont><rejectfont>%s</rejectfont>"
                      "</selectfont>\n",
                      accept.data, reject.data);
    tl_buf_free(&accept);
    tl_buf_free(&reject);
}

/* Fonts added file by file (FcConfigAppFontAddFile) pass only the accept and reject globs:
 * fontconfig applies the patterns to folders it reads. The collection filter of
 * append_collection_filter() is applied to them here, to the same effect. */
static void filter_added_faces(FcConfig *config, const tl_strv *families)
{
    FcFontSet *added = FcConfigGetFonts(config, FcSetApplication);
    int kept = 0;
    for (int i = 0; added && i < added->nfont; i++) {
        FcChar8 *file, *family;
        bool keep = FcPatternGetString(added->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
                    !is_collection((const char *)file);
        for (int k = 0;
             !keep && FcPatternGetString(added->fonts[i], FC_FAMILY, k, &family) == FcResultMatch;
             k++)
            keep = strv_has(families, (const char *)family);
        if (keep)
            added->fonts[kept++] = added->fonts[i];
        else
            FcPatternDestroy(added->fonts[i]);
    }
    if (added)
        added->nfont = kept;
}

static FcConfig *config_for_files(const tl_strv *files, const tl_strv *families,
                                  const tl_strv *dirs, const char *const *known_caches,
                                  size_t known_count)
{
    FcConfig *config = FcConfigCreate();
    if (!config)
        return NULL;
    const bool cached = known_caches || caches_valid(files);
    tl_strv folders = TL_STRV_INIT;
    tl_buf xml = TL_BUF_INIT;
    tl_buf_append_str(&xml, "<?xml version=\"1.0\"?>\n<fontconfig>\n");
    if (cached) {
        file_folders(files, &folders);
        for (size_t i = 0; i < folders.len; i++)
            append_element(&xml, "dir", folders.items[i]);
        for (size_t i = 0; i < known_count; i++)
            append_element(&xml, "cachedir", known_caches[i]);
        FcStrList *caches = known_caches ? NULL : FcConfigGetCacheDirs(NULL);
        for (FcChar8 *c; caches && (c = FcStrListNext(caches));)
            append_element(&xml, "cachedir", (const char *)c);
        if (caches)
            FcStrListDone(caches);
    }
    tl_buf_append_str(&xml, bitmap_scaling_rules);
    /* Fonts whose file is not accepted are left out, cached folders and added ones alike. */
    tl_buf_append_str(&xml, "<selectfont><acceptfont>");
    for (size_t i = 0; i < files->len; i++)
        append_element(&xml, "glob", files->items[i]);
    for (size_t i = 0; i < dirs->len; i++) {
        char *glob = tl_xasprintf("%s/*", dirs->items[i]);
        append_element(&xml, "glob", glob);
        free(glob);
    }
    tl_buf_append_str(&xml, "</acceptfont><rejectfont><glob>*</glob></rejectfont></selectfont>\n");
    append_collection_filter(&xml, files, families);
    tl_buf_append_str(&xml, "</fontconfig>\n");
    /* complain = false: fontconfig prints nothing about this configuration. */
    bool ok = FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml.data, FcFalse);
    /* Cache folders named without asking the machine's configuration must hold an up-to-date
     * cache of every folder: fontconfig would otherwise read all the folders' fonts. */
    for (size_t i = 0; ok && known_caches && i < folders.len; i++) {
        FcCache *cache = FcDirCacheLoad((const FcChar8 *)folders.items[i], config, NULL);
        ok = cache != NULL;
        if (cache)
            FcDirCacheUnload(cache);
    }
    ok = ok && FcConfigBuildFonts(config);
    tl_buf_free(&xml);
    tl_strv_free(&folders);
    if (!ok) {
        FcConfigDestroy(config);
        return NULL;
    }
    /* A file that cannot be read is left out like an uninstalled family: the characters only
     * it has are then drawn as boxes, and layouts report them. */
    for (size_t i = 0; !cached && i < files->len; i++)
        FcConfigAppFontAddFile(config, (const FcChar8 *)files->items[i]);
    if (!cached && families)
        filter_added_faces(config, families);
    return config;
}

/* The machine's configuration, as a configuration of our own to add folders to, loaded
 * without printing anything. */
static FcConfig *config_for_system(void)
{
    FcConfig *config = FcConfigCreate();
    if (!config)
        return NULL;
    if (!FcConfigParseAndLoad(config, NULL, FcFalse) || !FcConfigBuildFonts(config)) {
        FcConfigDestroy(config);
        return NULL;
    }
    return config;
}

static int font_count(FcConfig *config)
{
    int n = 0;
    FcFontSet *sets[] = {FcConfigGetFonts(config, FcSetSystem),
                         FcConfigGetFonts(config, FcSetApplication)};
    for (size_t i = 0; i < 2; i++)
        n += sets[i] ? sets[i]->nfont : 0;
    return n;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Records the files `config` holds, sorted, in fonts->files. */
static void list_files(tl_fonts *fonts)
{
    FcFontSet *sets[] = {FcConfigGetFonts(fonts->config, FcSetSystem),
                         FcConfigGetFonts(fonts->config, FcSetApplication)};
    for (size_t s = 0; s < 2; s++) {
        for (int i = 0; sets[s] && i < sets[s]->nfont; i++) {
            FcChar8 *file;
            if (FcPatternGetString(sets[s]->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
                !strv_has(&fonts->files, (const char *)file))
                tl_strv_push(&fonts->files, tl_xstrdup((const char *)file));
        }
    }
    if (fonts->files.len > 1)
        qsort(fonts->files.items, fonts->files.len, sizeof *fonts->files.items, cmp_str);
}

/* Folders nested deeper than this are not searched (a link loop would never end). */
enum { MAX_FOLDER_DEPTH = 8 };

/* Collects the regular files under `dir`, recursively. */
static void folder_files(const char *dir, int depth, tl_strv *out)
{
    GDir *d = depth <= MAX_FOLDER_DEPTH ? g_dir_open(dir, 0, NULL) : NULL;
    if (!d)
        return;
    for (const char *name; (name = g_dir_read_name(d));) {
        char *path = g_build_filename(dir, name, NULL);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            folder_files(path, depth + 1, out);
        else if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            tl_strv_push(out, tl_xstrdup(path));
        g_free(path);
    }
    g_dir_close(d);
}

/* Adds the fonts under `dir` to the application set, file by file in path order, and returns
 * how many faces that added. Not FcConfigAppFontAddDir(): a folder without a cache is scanned
 * and fontconfig then tries to write a cache for it, printing "No writable cache directories"
 * when it cannot; with SOURCE_DATE_EPOCH set, fontconfig takes every cache for stale. */
static int add_folder(FcConfig *config, const char *dir)
{
    tl_strv files = TL_STRV_INIT;
    folder_files(dir, 0, &files);
    if (files.len > 1)
        qsort(files.items, files.len, sizeof *files.items, cmp_str);
    const int before = font_count(config);
    for (size_t i = 0; i < files.len; i++)
        FcConfigAppFontAddFile(config, (const FcChar8 *)files.items[i]);
    tl_strv_free(&files);
    return font_count(config) - before;
}

/* Canonical absolute paths of the folders in `opts`, checked to be folders. */
static bool canonical_dirs(const tl_font_options *opts, tl_strv *out, tl_error **err)
{
    for (size_t i = 0; i < opts->dirs.len; i++) {
        const char *dir = opts->dirs.items[i];
        struct stat st;
        if (stat(dir, &st) != 0)
            return tl_set_error(err, TL_ERROR_CONFIG, "font folder \"%s\": %s", dir,
                                strerror(errno));
        if (!S_ISDIR(st.st_mode))
            return tl_set_error(err, TL_ERROR_CONFIG, "font folder \"%s\": %s", dir,
                                strerror(ENOTDIR));
        /* Absolute, without "." and "..": the form fontconfig gives the files' paths, which
         * the accept filter matches. Symbolic links are kept, as fontconfig keeps them. */
        char *canonical = g_canonicalize_filename(dir, NULL);
        tl_strv_push(out, tl_xstrdup(canonical));
        g_free(canonical);
    }
    return true;
}

/* Sets up fonts->config for `opts`: the private set (the fallback chain and the families in
 * `wanted`, plus the folders), or the machine's set plus the folders, or nothing (the
 * machine's set as Pango finds it). */
bool tl_fonts_make_config(tl_fonts *fonts, const tl_font_options *opts, const tl_strv *wanted,
                          tl_error **err)
{
    bool ok = false;
    tl_strv dirs = TL_STRV_INIT, files = TL_STRV_INIT, families = TL_STRV_INIT;
    if (!canonical_dirs(opts, &dirs, err))
        goto done;
    /* The families text can be set in: those asked for, then the chain. */
    for (size_t i = 0; i < wanted->len; i++)
        if (!is_generic_family(fonts, wanted->items[i]))
            tl_strv_push(&families, tl_xstrdup(wanted->items[i]));
    for (size_t i = 0; i < FALLBACK_COUNT; i++)
        tl_strv_push(&families, tl_xstrdup(fallback_families[i]));
    for (size_t i = 0; i < REGIONAL_COUNT; i++)
        if (!strv_has(&families, regional_cjk[i].family))
            tl_strv_push(&families, tl_xstrdup(regional_cjk[i].family));
    if (opts->system_fonts && dirs.len == 0) {
        ok = true;
        goto done;
    }

    if (opts->system_fonts) {
        fonts->config = config_for_system();
    } else {
        if (known_files(fonts, wanted, &files))
            fonts->config = config_for_files(&files, &families, &dirs, debian_cache_dirs,
                                             sizeof debian_cache_dirs / sizeof *debian_cache_dirs);
        if (!fonts->config) {
            tl_strv_free(&files);
            /* Families asked for come from the machine's fonts too, unless an added folder is
             * where they are meant to come from (it is searched after). */
            for (size_t i = 0; i < wanted->len; i++)
                if (!is_generic_family(fonts, wanted->items[i]))
                    resolve_family(wanted->items[i], &files);
            for (size_t i = 0; i < FALLBACK_COUNT; i++)
                resolve_family(fallback_families[i], &files);
            fonts->config = config_for_files(&files, &families, &dirs, NULL, 0);
        }
    }
    if (!fonts->config) {
        tl_set_error(err, TL_ERROR_CONFIG, "cannot set up a font configuration");
        goto done;
    }
    for (size_t i = 0; i < dirs.len; i++) {
        if (add_folder(fonts->config, dirs.items[i]) == 0) {
            tl_set_error(err, TL_ERROR_CONFIG,
                         "font folder \"%s\" holds no font fontconfig can read",
                         opts->dirs.items[i]);
            goto done;
        }
    }
    if (!opts->system_fonts) {
        list_files(fonts);
        if (fonts->files.len == 0) {
            tl_set_error(err, TL_ERROR_CONFIG,
                         "no font of the default set (%s) is installed: install fonts-noto-core "
                         "and fonts-noto-cjk (scripts/deps.sh), add fonts with --font-dir, or "
                         "use --system-fonts",
                         TL_FONTS_DEFAULT_FAMILY);
            goto done;
        }
    }
    ok = true;
done:
    tl_strv_free(&files);
    tl_strv_free(&dirs);
    tl_strv_free(&families);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Family check
 * ------------------------------------------------------------------------------------------- */

/* Whether some font of `config` is called both `wanted` and `resolved`. Fonts may carry several
 * family names ("Noto Sans OldNorArab" is also "Noto Sans Old North Arabian"), and Pango
 * describes a font by its first name only, so a request by a second name must be checked here.
 * Asking fontconfig for fonts called `wanted` alone would not do: Pango skips some formats
 * fontconfig lists (bitmap and Type 1 fonts), so the font Pango resolved must be among them. */
static bool family_has_alias(FcConfig *config, const char *wanted, const char *resolved)
{
    bool found = false;
    FcPattern *pattern = FcPatternCreate();
    FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *set = NULL;
    if (!pattern || !objects)
        goto done;
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)wanted);
    /* NULL: the current configuration, which Pango's font map then uses too. */
    set = FcFontList(config, pattern, objects);
    for (int i = 0; set && i < set->nfont && !found; i++) {
        FcChar8 *name;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &name) == FcResultMatch;
             k++) {
            if (FcStrCmpIgnoreCase(name, (const FcChar8 *)resolved) == 0) {
                found = true;
                break;
            }
        }
    }
done:
    if (set)
        FcFontSetDestroy(set);
    if (objects)
        FcObjectSetDestroy(objects);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
}

/* Whether Pango can draw `font`: outlines HarfBuzz reads (TrueType or CFF) from a file. */
static bool pango_can_use(FcPattern *font)
{
    FcChar8 *file, *format;
    return FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch &&
           FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
           (FcStrCmpIgnoreCase(format, (const FcChar8 *)"TrueType") == 0 ||
            FcStrCmpIgnoreCase(format, (const FcChar8 *)"CFF") == 0);
}

/* The first family name of the font Pango would draw `wanted` in (the caller frees it), or
 * NULL. Asked of fontconfig directly: through Pango the question would cost a font, a fontset
 * and two threads of Pango's own for one answer. The best match is enough unless it is a font
 * Pango skips; then the first usable font of the sorted list, as Pango would take. */
static char *resolved_family(FcConfig *config, const char *wanted)
{
    char *family = NULL;
    FcResult result;
    FcPattern *match = NULL;
    FcFontSet *sorted = NULL;
    FcPattern *pattern = FcPatternCreate();
    if (!pattern || !FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)wanted) ||
        !FcConfigSubstitute(config, pattern, FcMatchPattern))
        goto done;
    FcDefaultSubstitute(pattern);
    match = FcFontMatch(config, pattern, &result);
    FcPattern *font = match && pango_can_use(match) ? match : NULL;
    if (!font) {
        sorted = FcFontSort(config, pattern, FcFalse, NULL, &result);
        for (int i = 0; sorted && i < sorted->nfont && !font; i++)
            if (pango_can_use(sorted->fonts[i]))
                font = sorted->fonts[i];
    }
    FcChar8 *name;
    if (font && FcPatternGetString(font, FC_FAMILY, 0, &name) == FcResultMatch)
        family = tl_xstrdup((const char *)name);
done:
    if (sorted)
        FcFontSetDestroy(sorted);
    if (match)
        FcPatternDestroy(match);
    if (pattern)
        FcPatternDestroy(pattern);
    return family;
}

/* Checks that `wanted` names a font Pango can use. Fontconfig never fails a match (it
 * substitutes another font for unknown names), so without this check a typo in the family
 * would silently draw everything in some other font. */
bool tl_fonts_check_family(tl_fonts *fonts, const char *wanted, tl_error **err)
{
    if (is_generic_family(fonts, wanted))
        return true;

    FcConfig *config = fonts->config ? fonts->config : FcConfigGetCurrent();
    char *resolved = resolved_family(config, wanted);
    const bool ok =
        resolved && (FcStrCmpIgnoreCase((const FcChar8 *)resolved, (const FcChar8 *)wanted) == 0 ||
                     family_has_alias(config, wanted, resolved));
    free(resolved);
    if (ok)
        return true;
    if (fonts->files.len > 0)
        tl_set_error(err, TL_ERROR_CONFIG,
                     "font \"%s\" not found (try fc-list; add its files with --font-dir, or use "
                     "--system-fonts for generic families and the machine's fonts)",
                     wanted);
    else
        tl_set_error(err, TL_ERROR_CONFIG, "font \"%s\" not found (try fc-list)", wanted);
    return false;
}
