/* timeline: the command-line front end. Parses options, runs the library's pipeline
 * (load -> layout -> render), prints errors and warnings, and maps them to sysexits codes.
 * Only this file writes to stderr. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timeline/timeline.h"

enum { EXIT_USAGE = 64, MAX_SHOWN_WARNINGS = 20 };

typedef struct cli {
    const char *input;
    const char *output;
    const char *format_name;
    const char *title;
    const char *subtitle;
    const char *caption;
    const char *group_order;
    const char *from, *to;
    const char *axis_breaks;
    const char *theme;
    const char *layout;
    const char *font;
    const char *pdf_author, *pdf_subject, *pdf_keywords;
    double width, height, dpi, scale, label_width;
    bool strict, quiet, verbose, check, markup, repair_utf8, system_fonts;
    tl_font_options *fonts; /* created on the first font option */
    tl_load_options *load;  /* created on the first loader option */
} cli;

static void usage(FILE *fp)
{
    fputs("Usage: timeline [OPTIONS] INPUT.csv -o OUTPUT\n"
          "Render a CSV of events as a timeline chart.\n"
          "\n"
          "  -o, --output FILE    write to FILE; its extension picks the format; - is stdout\n"
          "  -T, --format FMT     svg, png, pdf or json (the laid-out scene)\n"
          "      --title TEXT     title drawn above the chart\n"
          "      --subtitle TEXT  a line under the title\n"
          "      --caption TEXT   a source or note line under the legend\n"
          "      --layout NAME    ribbon (default), lanes (one lane per group) or vertical\n"
          "      --group-order A,B  lanes: these groups first, in this order\n"
          "      --from DATE      start the chart at DATE (events before are left out)\n"
          "      --to DATE        end the chart at DATE (events after are left out)\n"
          "      --axis-breaks M  auto (default: cut long empty stretches) or none\n"
          "      --theme NAME     light (default), dark or print\n"
          "      --font \"FAMILY SIZE\"  font: a family list and an optional size scaling\n"
          "                       every text (base 10; default \"Noto Sans\")\n"
          "      --font-dir DIR   add the fonts in DIR (those shipped with a report)\n"
          "      --system-fonts   use the machine's fonts instead of the fixed font set\n"
          "      --label-width PT  widest event label: wrap or shorten there (ribbon 150)\n"
          "      --markup         read titles and labels as Pango markup (<b> <i> <sup> ...)\n"
          "      --width PT       canvas width in points, 1/72 in (default 900)\n"
          "      --height PT      canvas height in points (default: fit the chart)\n"
          "      --dpi N          PNG resolution (default 96)\n"
          "      --scale N        extra PNG scale factor (default 1)\n"
          "      --pdf-author TEXT  PDF metadata (the title is the chart's title)\n"
          "      --pdf-subject TEXT\n"
          "      --pdf-keywords TEXT\n"
          "\n"
          "Reading the CSV:\n"
          "      --date-order O   read numeric dates like 04/11/2019 as dmy, mdy or ymd\n"
          "      --tz ZONE        time zone of times without an offset (IANA name; UTC)\n"
          "      --delimiter C    field delimiter: , ; tab (default: sniffed)\n"
          "      --col-ROLE NAME  take ROLE from column NAME; ROLE is start, end, title,\n"
          "                       description, group, status, type, importance, color,\n"
          "                       url, source, sort or group-order\n"
          "      --repair-utf8    replace invalid UTF-8 with U+FFFD (warned) instead of failing\n"
          "      --check          validate the input, print a summary, write nothing\n"
          "\n"
          "      --strict         treat every warning as an error (exit 65, no output)\n"
          "  -v, --verbose        also print notes (the detected sheet layout, ignored columns)\n"
          "  -q, --quiet          do not print warnings\n"
          "  -V, --version        print the version and exit\n"
          "  -h, --help           print this help and exit\n"
          "\n"
          "INPUT - reads standard input. Exit status: 0 ok, 64 usage, 65 bad data,\n"
          "66 cannot open input, 73 cannot create output, 74 I/O error, 78 fonts, 1 internal.\n",
          fp);
}

static int fail_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int fail_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("timeline: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'timeline --help'.\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

static int fail_usage_error(const char *option, tl_error *err)
{
    int status = fail_usage("%s: %s", option, err->message);
    tl_error_free(err);
    return status;
}

static int fail(tl_error *err)
{
    fprintf(stderr, "timeline: %s\n", err->message);
    int code = (int)err->code;
    tl_error_free(err);
    return code;
}

static bool parse_number(const char *text, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* Prints warnings, at most MAX_SHOWN_WARNINGS; returns how many there were. */
static size_t print_warnings(const cli *c, size_t count, const char *(*get)(const void *, size_t),
                             const void *obj, size_t *shown)
{
    for (size_t i = 0; i < count && !c->quiet; i++) {
        if (*shown < MAX_SHOWN_WARNINGS)
            fprintf(stderr, "timeline: warning: %s\n", get(obj, i));
        (*shown)++;
    }
    return count;
}

static const char *timeline_warning(const void *obj, size_t i)
{
    return tl_timeline_get_warning(obj, i);
}

static const char *scene_warning(const void *obj, size_t i)
{
    return tl_scene_get_warning(obj, i);
}

/* Long options without a short form. */
enum {
    OPT_TITLE = 256,
    OPT_SUBTITLE,
    OPT_CAPTION,
    OPT_GROUP_ORDER,
    OPT_FROM,
    OPT_TO,
    OPT_BREAKS,
    OPT_DATE_ORDER,
    OPT_TZ,
    OPT_DELIMITER,
    OPT_CHECK,
    OPT_THEME,
    OPT_LAYOUT,
    OPT_FONT,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_DPI,
    OPT_SCALE,
    OPT_STRICT,
    OPT_FONT_DIR,
    OPT_SYSTEM_FONTS,
    OPT_LABEL_WIDTH,
    OPT_MARKUP,
    OPT_REPAIR_UTF8,
    OPT_PDF_AUTHOR,
    OPT_PDF_SUBJECT,
    OPT_PDF_KEYWORDS
};

/* Roles of the --col-ROLE options, in the order of their option values. */
static const char *const column_roles[] = {"start",  "end",  "title",      "description", "group",
                                           "status", "type", "importance", "color",       "url",
                                           "source", "sort", "group_order"};
enum { OPT_COLUMN = 512 };

static tl_load_options *load_options(cli *c)
{
    if (!c->load)
        c->load = tl_load_options_new();
    return c->load;
}

/* Applies a loader option; on failure prints the error and returns the exit status. */
static int apply_load_option(cli *c, int opt, const char *arg)
{
    tl_error *err = NULL;
    bool ok = true;
    if (opt == OPT_DATE_ORDER) {
        tl_date_order order;
        if (!tl_date_order_from_name(arg, &order))
            return fail_usage("--date-order: expected dmy, mdy or ymd, got \"%s\"", arg);
        tl_load_options_set_date_order(load_options(c), order);
    } else if (opt == OPT_TZ) {
        ok = tl_load_options_set_time_zone(load_options(c), arg, &err);
    } else if (opt == OPT_DELIMITER) {
        char d = strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0 ? '\t' : arg[0];
        if (strlen(arg) != 1 && d != '\t')
            return fail_usage("--delimiter: expected one character or \"tab\", got \"%s\"", arg);
        ok = tl_load_options_set_delimiter(load_options(c), d, &err);
    } else {
        ok = tl_load_options_set_column(load_options(c), column_roles[opt - OPT_COLUMN], arg, &err);
    }
    if (!ok) {
        int status = fail_usage("%s", err->message);
        tl_error_free(err);
        return status;
    }
    return 0;
}

static int parse_args(int argc, char **argv, cli *c)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'T'},
        {"title", required_argument, NULL, OPT_TITLE},
        {"subtitle", required_argument, NULL, OPT_SUBTITLE},
        {"caption", required_argument, NULL, OPT_CAPTION},
        {"group-order", required_argument, NULL, OPT_GROUP_ORDER},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"axis-breaks", required_argument, NULL, OPT_BREAKS},
        {"date-order", required_argument, NULL, OPT_DATE_ORDER},
        {"tz", required_argument, NULL, OPT_TZ},
        {"delimiter", required_argument, NULL, OPT_DELIMITER},
        {"check", no_argument, NULL, OPT_CHECK},
        {"verbose", no_argument, NULL, 'v'},
        /* --col-ROLE NAME: `val` is OPT_COLUMN + the role's index in column_roles[]. */
        {"col-start", required_argument, NULL, OPT_COLUMN + 0},
        {"col-end", required_argument, NULL, OPT_COLUMN + 1},
        {"col-title", required_argument, NULL, OPT_COLUMN + 2},
        {"col-description", required_argument, NULL, OPT_COLUMN + 3},
        {"col-group", required_argument, NULL, OPT_COLUMN + 4},
        {"col-status", required_argument, NULL, OPT_COLUMN + 5},
        {"col-type", required_argument, NULL, OPT_COLUMN + 6},
        {"col-importance", required_argument, NULL, OPT_COLUMN + 7},
        {"col-color", required_argument, NULL, OPT_COLUMN + 8},
        {"col-url", required_argument, NULL, OPT_COLUMN + 9},
        {"col-source", required_argument, NULL, OPT_COLUMN + 10},
        {"col-sort", required_argument, NULL, OPT_COLUMN + 11},
        {"col-group-order", required_argument, NULL, OPT_COLUMN + 12},
        {"theme", required_argument, NULL, OPT_THEME},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"font", required_argument, NULL, OPT_FONT},
        {"font-dir", required_argument, NULL, OPT_FONT_DIR},
        {"system-fonts", no_argument, NULL, OPT_SYSTEM_FONTS},
        {"label-width", required_argument, NULL, OPT_LABEL_WIDTH},
        {"markup", no_argument, NULL, OPT_MARKUP},
        {"repair-utf8", no_argument, NULL, OPT_REPAIR_UTF8},
        {"pdf-author", required_argument, NULL, OPT_PDF_AUTHOR},
        {"pdf-subject", required_argument, NULL, OPT_PDF_SUBJECT},
        {"pdf-keywords", required_argument, NULL, OPT_PDF_KEYWORDS},
        {"width", required_argument, NULL, OPT_WIDTH},
        {"height", required_argument, NULL, OPT_HEIGHT},
        {"dpi", required_argument, NULL, OPT_DPI},
        {"scale", required_argument, NULL, OPT_SCALE},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"quiet", no_argument, NULL, 'q'},
        {"version", no_argument, NULL, 'V'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":o:T:qvVh", longopts, NULL)) != -1) {
        if (ch >= OPT_COLUMN || (ch == OPT_DATE_ORDER || ch == OPT_TZ || ch == OPT_DELIMITER)) {
            int status = apply_load_option(c, ch, optarg);
            if (status)
                return status;
            continue;
        }
        switch (ch) {
        case 'o':
            c->output = optarg;
            break;
        case 'T':
            c->format_name = optarg;
            break;
        case OPT_TITLE:
            c->title = optarg;
            break;
        case OPT_SUBTITLE:
            c->subtitle = optarg;
            break;
        case OPT_CAPTION:
            c->caption = optarg;
            break;
        case OPT_GROUP_ORDER:
            c->group_order = optarg;
            break;
        case OPT_FROM:
            c->from = optarg;
            break;
        case OPT_TO:
            c->to = optarg;
            break;
        case OPT_BREAKS:
            if (strcmp(optarg, "auto") != 0 && strcmp(optarg, "none") != 0)
                return fail_usage("--axis-breaks: expected auto or none, got \"%s\"", optarg);
            c->axis_breaks = optarg;
            break;
        case OPT_THEME:
            c->theme = optarg;
            break;
        case OPT_LAYOUT:
            c->layout = optarg;
            break;
        case OPT_FONT:
            c->font = optarg;
            break;
        case OPT_FONT_DIR:
            if (!c->fonts)
                c->fonts = tl_font_options_new();
            tl_font_options_add_dir(c->fonts, optarg);
            break;
        case OPT_SYSTEM_FONTS:
            c->system_fonts = true;
            break;
        case OPT_LABEL_WIDTH:
            if (!parse_number(optarg, 20, 10000, &c->label_width))
                return fail_usage("--label-width: expected points from 20 to 10000, got \"%s\"",
                                  optarg);
            break;
        case OPT_MARKUP:
            c->markup = true;
            break;
        case OPT_REPAIR_UTF8:
            c->repair_utf8 = true;
            tl_load_options_set_repair_utf8(load_options(c), true);
            break;
        case OPT_PDF_AUTHOR:
            c->pdf_author = optarg;
            break;
        case OPT_PDF_SUBJECT:
            c->pdf_subject = optarg;
            break;
        case OPT_PDF_KEYWORDS:
            c->pdf_keywords = optarg;
            break;
        case OPT_WIDTH:
            if (!parse_number(optarg, 200, 100000, &c->width))
                return fail_usage("--width: expected points from 200 to 100000, got \"%s\"",
                                  optarg);
            break;
        case OPT_HEIGHT:
            if (!parse_number(optarg, 50, 100000, &c->height))
                return fail_usage("--height: expected points from 50 to 100000, got \"%s\"",
                                  optarg);
            break;
        case OPT_DPI:
            if (!parse_number(optarg, 1, 2400, &c->dpi))
                return fail_usage("--dpi: expected a number from 1 to 2400, got \"%s\"", optarg);
            break;
        case OPT_SCALE:
            if (!parse_number(optarg, 0.01, 100, &c->scale))
                return fail_usage("--scale: expected a number from 0.01 to 100, got \"%s\"",
                                  optarg);
            break;
        case OPT_STRICT:
            c->strict = true;
            break;
        case 'q':
            c->quiet = true;
            break;
        case 'v':
            c->verbose = true;
            break;
        case OPT_CHECK:
            c->check = true;
            break;
        case 'V':
            printf("timeline %s\n", tl_version_string());
            exit(0);
        case 'h':
            usage(stdout);
            exit(0);
        case ':':
            return fail_usage("option '%s' needs a value", argv[optind - 1]);
        default:
            return fail_usage("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return fail_usage("no input file (use - for standard input)");
    if (optind + 1 < argc)
        return fail_usage("one input file at a time (got \"%s\" and \"%s\")", argv[optind],
                          argv[optind + 1]);
    c->input = argv[optind];
    return 0;
}

/* Length of the UTF-8 sequence at s (1 to 4), or 0 when it is not one (the loader's rules:
 * no overlong forms, surrogates or code points past U+10FFFF). */
static size_t utf8_sequence(const unsigned char *s)
{
    unsigned char lo = 0x80, hi = 0xBF;
    size_t need;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        need = 1;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        need = 2;
        lo = s[0] == 0xE0 ? 0xA0 : 0x80;
        hi = s[0] == 0xED ? 0x9F : 0xBF;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        need = 3;
        lo = s[0] == 0xF0 ? 0x90 : 0x80;
        hi = s[0] == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        if (s[i] < lo || s[i] > hi)
            return 0;
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

/* Checks the text option `name` (*value may be NULL): invalid UTF-8 is a usage error, or with
 * --repair-utf8 is replaced with U+FFFD (into *owned, which the caller frees) and warned. */
static int check_text_option(const cli *c, const char *name, const char **value, char **owned)
{
    const unsigned char *s = (const unsigned char *)*value;
    size_t bad = 0;
    for (size_t i = 0; s && s[i];) {
        size_t n = utf8_sequence(s + i);
        if (n == 0 && !bad)
            bad = i + 1;
        i += n ? n : 1;
    }
    if (!bad)
        return 0;
    if (!c->repair_utf8)
        return fail_usage("%s: invalid UTF-8 (byte 0x%02X at byte %zu); use --repair-utf8 to "
                          "replace it",
                          name, s[bad - 1], bad);
    char *out = malloc(3 * strlen(*value) + 1);
    if (!out) {
        fputs("timeline: out of memory\n", stderr);
        exit(1);
    }
    size_t o = 0;
    for (size_t i = 0; s[i];) {
        size_t n = utf8_sequence(s + i);
        if (n) {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    if (!c->quiet)
        fprintf(stderr, "timeline: warning: %s: invalid UTF-8 replaced with U+FFFD\n", name);
    *value = out;
    *owned = out;
    return 0;
}

/* The --check paragraph: what was read, what it holds, how much of it was left out. */
static void print_summary(const char *input, const tl_timeline *tl)
{
    tl_timeline_stats st;
    tl_timeline_get_stats(tl, &st);
    printf("%s: %zu row%s read (%s layout): %zu event%s — %zu point%s, %zu span%s, %zu era%s, "
           "%zu marker%s — in %zu group%s",
           strcmp(input, "-") == 0 ? "<stdin>" : input, st.rows, st.rows == 1 ? "" : "s",
           tl_timeline_get_profile(tl), st.events, st.events == 1 ? "" : "s", st.points,
           st.points == 1 ? "" : "s", st.spans, st.spans == 1 ? "" : "s", st.eras,
           st.eras == 1 ? "" : "s", st.markers, st.markers == 1 ? "" : "s", st.groups,
           st.groups == 1 ? "" : "s");
    if (st.has_range) {
        char lo[48], hi[48];
        tl_time a = {.lo = st.earliest, .hi = st.earliest, .precision = TL_PRECISION_DAY};
        tl_time b = {.lo = st.latest, .hi = st.latest, .precision = TL_PRECISION_DAY};
        tl_time_format(&a, lo, sizeof lo);
        tl_time_format(&b, hi, sizeof hi);
        printf(", from %s to %s", lo, hi);
    }
    if (tl_timeline_get_title(tl)[0])
        printf(", titled \"%s\"", tl_timeline_get_title(tl));
    printf("; %zu row%s skipped, %zu warning%s.\n", st.skipped, st.skipped == 1 ? "" : "s",
           st.warnings, st.warnings == 1 ? "" : "s");
}

static int run(cli *c)
{
    tl_format format = TL_FORMAT_SVG;
    if (c->check) {
        /* Validates only: no output, so no format. */
    } else if (c->format_name) {
        if (!tl_format_from_name(c->format_name, &format))
            return fail_usage("unknown format \"%s\" (svg, png, pdf, json)", c->format_name);
    } else if (c->output && strcmp(c->output, "-") != 0) {
        if (!tl_format_from_filename(c->output, &format))
            return fail_usage("cannot tell the format of \"%s\" from its extension; use -T",
                              c->output);
    } else {
        return fail_usage("give -o FILE, or -T FORMAT to write to standard output");
    }
    tl_variant variant = TL_VARIANT_RIBBON;
    if (c->layout && !tl_variant_from_name(c->layout, &variant))
        return fail_usage("unknown layout \"%s\" (ribbon, lanes, vertical)", c->layout);
    tl_theme theme = TL_THEME_LIGHT;
    if (c->theme && !tl_theme_from_name(c->theme, &theme))
        return fail_usage("unknown theme \"%s\" (light, dark, print)", c->theme);

    tl_error *err = NULL;
    tl_time from, to;
    if (c->from && !tl_time_parse(c->from, &from, &err))
        return fail_usage_error("--from", err);
    if (c->to && !tl_time_parse(c->to, &to, &err))
        return fail_usage_error("--to", err);
    if (c->from && c->to && to.hi < from.lo)
        return fail_usage("--to %s is before --from %s", c->to, c->from);
    int status;
    tl_timeline *tl = NULL;
    tl_fonts *fonts = NULL;
    char *owned[6] = {NULL};
    struct {
        const char *name;
        const char **value;
    } texts[] = {{"--title", &c->title},
                 {"--subtitle", &c->subtitle},
                 {"--caption", &c->caption},
                 {"--pdf-author", &c->pdf_author},
                 {"--pdf-subject", &c->pdf_subject},
                 {"--pdf-keywords", &c->pdf_keywords}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        status = check_text_option(c, texts[i].name, texts[i].value, &owned[i]);
        if (status) {
            for (size_t k = 0; k < i; k++)
                free(owned[k]);
            return status;
        }
    }
    tl_layout_options *opts = NULL;
    tl_scene *scene = NULL;
    size_t shown = 0, warnings = 0;
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
        warnings += owned[i] != NULL; /* options repaired by --repair-utf8 */

    tl = tl_timeline_load_csv_file(c->input, NULL, c->load, &err);
    if (!tl)
        goto fail;
    if (c->verbose)
        for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
            fprintf(stderr, "timeline: note: %s\n", tl_timeline_get_note(tl, i));
    warnings += print_warnings(c, tl_timeline_get_warning_count(tl), timeline_warning, tl, &shown);
    if (c->check) {
        if (!c->quiet && shown > MAX_SHOWN_WARNINGS)
            fprintf(stderr, "timeline: warning: %zu more warnings not shown\n",
                    shown - MAX_SHOWN_WARNINGS);
        print_summary(c->input, tl);
        status = tl_timeline_get_event_count(tl) == 0 || (c->strict && warnings) ? 65 : 0;
        goto done;
    }

    if (!c->fonts)
        c->fonts = tl_font_options_new();
    tl_font_options_set_font(c->fonts, c->font);
    tl_font_options_set_system_fonts(c->fonts, c->system_fonts);
    fonts = tl_fonts_new_with_options(c->fonts, &err);
    if (!fonts)
        goto fail;
    if (c->verbose) {
        if (tl_fonts_get_file_count(fonts) == 0)
            fprintf(stderr, "timeline: note: fonts: the machine's fontconfig set\n");
        for (size_t i = 0; i < tl_fonts_get_file_count(fonts); i++)
            fprintf(stderr, "timeline: note: font file: %s\n", tl_fonts_get_file(fonts, i));
    }
    opts = tl_layout_options_new();
    tl_layout_options_set_variant(opts, variant);
    tl_layout_options_set_theme(opts, theme);
    /* A sheet's own title (a TimelineJS title slide) unless one is given. */
    tl_layout_options_set_title(opts, c->title ? c->title : tl_timeline_get_title(tl));
    tl_layout_options_set_subtitle(opts, c->subtitle);
    tl_layout_options_set_caption(opts, c->caption);
    tl_layout_options_set_group_order(opts, c->group_order);
    tl_layout_options_set_window(opts, c->from ? &from : NULL, c->to ? &to : NULL);
    tl_layout_options_set_axis_breaks(opts, !c->axis_breaks || strcmp(c->axis_breaks, "auto") == 0);
    tl_layout_options_set_size(opts, c->width, c->height);
    tl_layout_options_set_label_width(opts, c->label_width);
    tl_layout_options_set_markup(opts, c->markup);
    scene = tl_layout(tl, opts, fonts, &err);
    if (!scene)
        goto fail;
    warnings += print_warnings(c, tl_scene_get_warning_count(scene), scene_warning, scene, &shown);
    if (!c->quiet && shown > MAX_SHOWN_WARNINGS)
        fprintf(stderr, "timeline: warning: %zu more warnings not shown\n",
                shown - MAX_SHOWN_WARNINGS);
    if (c->strict && warnings) {
        fprintf(stderr, "timeline: %zu warning%s and --strict: no output written\n", warnings,
                warnings == 1 ? "" : "s");
        status = 65;
        goto done;
    }

    tl_render_options ropts;
    tl_render_options_init(&ropts);
    ropts.dpi = c->dpi;
    ropts.scale = c->scale;
    ropts.pdf_author = c->pdf_author;
    ropts.pdf_subject = c->pdf_subject;
    ropts.pdf_keywords = c->pdf_keywords;
    bool ok;
    if (!c->output || strcmp(c->output, "-") == 0)
        ok = tl_render_to_stream(scene, format, &ropts, stdout, &err);
    else
        ok = tl_render_to_file(scene, format, &ropts, c->output, &err);
    if (!ok)
        goto fail;
    status = 0;
    goto done;

fail:
    status = fail(err);
done:
    tl_scene_free(scene);
    tl_layout_options_free(opts);
    tl_fonts_unref(fonts);
    tl_timeline_free(tl);
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
        free(owned[i]);
    return status;
}

int main(int argc, char **argv)
{
    /* A reader that goes away (| head) makes writes fail with EPIPE, reported as an I/O
     * error (74), instead of killing the process halfway through a file. */
    signal(SIGPIPE, SIG_IGN);
    cli c = {.dpi = 96, .scale = 1};
    int status = parse_args(argc, argv, &c);
    if (status == 0)
        status = run(&c);
    tl_load_options_free(c.load);
    tl_font_options_free(c.fonts);
    return status;
}
