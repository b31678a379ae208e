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
    double width, height, dpi, scale;
    bool strict, quiet, verbose, check;
    tl_load_options *load; /* created on the first loader option */
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
          "      --font FAMILY    font family list (default \"Noto Sans\")\n"
          "      --width PT       canvas width in points, 1/72 in (default 900)\n"
          "      --height PT      canvas height in points (default: fit the chart)\n"
          "      --dpi N          PNG resolution (default 96)\n"
          "      --scale N        extra PNG scale factor (default 1)\n"
          "\n"
          "Reading the CSV:\n"
          "      --date-order O   read numeric dates like 04/11/2019 as dmy, mdy or ymd\n"
          "      --tz ZONE        time zone of times without an offset (IANA name; UTC)\n"
          "      --delimiter C    field delimiter: , ; tab (default: sniffed)\n"
          "      --col-ROLE NAME  take ROLE from column NAME; ROLE is start, end, title,\n"
          "                       description, group, status, type, importance, color,\n"
          "                       url, source, sort or group-order\n"
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
enum { OPT_TITLE = 256, OPT_SUBTITLE, OPT_CAPTION, OPT_GROUP_ORDER, OPT_FROM, OPT_TO, OPT_BREAKS, OPT_DATE_ORDER, OPT_TZ, OPT_DELIMITER, OPT_CHECK, OPT_THEME, OPT_LAYOUT, OPT_FONT, OPT_WIDTH, OPT_HEIGHT, OPT_DPI,
      OPT_SCALE, OPT_STRICT };

/* Roles of the --col-ROLE options, in the order of their option values. */
static const char *const column_roles[] = {"start",  "end",      "title", "description", "group",
                                           "status", "type",     "importance", "color", "url",
                                           "source", "sort",     "group_order"};
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
        ok = tl_load_options_set_column(load_options(c), column_roles[opt - OPT_COLUMN], arg,
                                        &err);
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
        if (ch >= OPT_COLUMN ||
            (ch == OPT_DATE_ORDER || ch == OPT_TZ || ch == OPT_DELIMITER)) {
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
    tl_layout_options *opts = NULL;
    tl_scene *scene = NULL;
    size_t shown = 0, warnings = 0;

    tl = tl_timeline_load_csv_file(c->input, NULL, c->load, &err);
    if (!tl)
        goto fail;
    if (c->verbose)
        for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
            fprintf(stderr, "timeline: note: %s\n", tl_timeline_get_note(tl, i));
    warnings += print_warnings(c, tl_timeline_get_warning_count(tl), timeline_warning, tl,
                               &shown);
    if (c->check) {
        if (!c->quiet && shown > MAX_SHOWN_WARNINGS)
            fprintf(stderr, "timeline: warning: %zu more warnings not shown\n",
                    shown - MAX_SHOWN_WARNINGS);
        print_summary(c->input, tl);
        status = tl_timeline_get_event_count(tl) == 0 || (c->strict && warnings) ? 65 : 0;
        goto done;
    }

    fonts = tl_fonts_new(c->font, &err);
    if (!fonts)
        goto fail;
    opts = tl_layout_options_new();
    tl_layout_options_set_variant(opts, variant);
    tl_layout_options_set_theme(opts, theme);
    /* A sheet's own title (a TimelineJS title slide) unless one is given. */
    tl_layout_options_set_title(opts, c->title ? c->title : tl_timeline_get_title(tl));
    tl_layout_options_set_subtitle(opts, c->subtitle);
    tl_layout_options_set_caption(opts, c->caption);
    tl_layout_options_set_group_order(opts, c->group_order);
    tl_layout_options_set_window(opts, c->from ? &from : NULL, c->to ? &to : NULL);
    tl_layout_options_set_axis_breaks(opts,
                                      !c->axis_breaks || strcmp(c->axis_breaks, "auto") == 0);
    tl_layout_options_set_size(opts, c->width, c->height);
    scene = tl_layout(tl, opts, fonts, &err);
    if (!scene)
        goto fail;
    warnings += print_warnings(c, tl_scene_get_warning_count(scene), scene_warning, scene,
                               &shown);
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
    return status;
}
