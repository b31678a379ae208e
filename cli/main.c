/* timeline: the command-line front end. Reads the options (command line, style files, -S),
 * runs the library's pipeline (load -> layout -> render) for each input, prints errors and
 * warnings, and maps them to sysexits codes. Only cli/ writes to stderr. */
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { MAX_SHOWN_WARNINGS = 20 };

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

/* With several inputs, a message that does not name its input gets the input's name first. */
static const char *prefix_for(const char *input, bool several, const char *message)
{
    if (!several || strncmp(message, input, strlen(input)) == 0)
        return "";
    return input;
}

static int fail(tl_error *err, const char *input, bool several)
{
    const char *pre = prefix_for(input, several, err->message);
    fprintf(stderr, "timeline: %s%s%s\n", pre, *pre ? ": " : "", err->message);
    int code = (int)err->code;
    tl_error_free(err);
    return code;
}

/* Prints warnings, at most MAX_SHOWN_WARNINGS; returns how many there were. */
static size_t print_warnings(const cli *c, const char *input, bool several, size_t count,
                             const char *(*get)(const void *, size_t), const void *obj,
                             size_t *shown)
{
    for (size_t i = 0; i < count && !c->quiet; i++) {
        const char *w = get(obj, i);
        const char *pre = prefix_for(input, several, w);
        if (*shown < MAX_SHOWN_WARNINGS)
            fprintf(stderr, "timeline: warning: %s%s%s\n", pre, *pre ? ": " : "", w);
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

/* ---------------------------------------------------------------------------------------------
 * Text options
 * ------------------------------------------------------------------------------------------- */

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
 * --repair-utf8 is replaced with U+FFFD and warned. Returns 0 or the exit status. */
static int check_text_option(const cli *c, const char *name, char **value, size_t *repaired)
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
    GString *out = g_string_new(NULL);
    for (size_t i = 0; s[i];) {
        size_t n = utf8_sequence(s + i);
        if (n)
            g_string_append_len(out, (const char *)s + i, (gssize)n);
        else
            g_string_append(out, "\xef\xbf\xbd");
        i += n ? n : 1;
    }
    if (!c->quiet)
        fprintf(stderr, "timeline: warning: %s: invalid UTF-8 replaced with U+FFFD\n", name);
    g_free(*value);
    *value = g_string_free(out, FALSE);
    (*repaired)++;
    return 0;
}

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

/* A plan's tasks as scheduled: the dates each resolved to and its slack, a line each. */
static void print_schedule(const char *input, const tl_timeline *tl)
{
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *ev = tl_timeline_get_event(tl, i);
        double slack;
        bool critical;
        if (!tl_event_get_slack(ev, &slack, &critical))
            continue;
        char a[48], b[48] = "";
        const tl_time start = tl_event_get_start(ev);
        tl_time end;
        tl_time_format(&start, a, sizeof a);
        if (tl_event_get_end(ev, &end))
            tl_time_format(&end, b, sizeof b);
        const char *id = tl_event_get_id(ev);
        printf("%s:%lu: %s%s%s: %s%s%s, slack %g day%s%s\n",
               strcmp(input, "-") == 0 ? "<stdin>" : input, tl_event_get_line(ev),
               tl_event_get_title(ev), id[0] ? " #" : "", id, a, b[0] ? " to " : "", b, slack,
               slack == 1 ? "" : "s", critical ? ", critical" : "");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Arguments: command line, style files, -S; applied in that order of precedence
 * ------------------------------------------------------------------------------------------- */

typedef struct pending {
    const cli_option *o;
    const char *value;
} pending;

/* Reads the command line: -c and -S are applied first, in order, then the other options, so
 * that options given as flags win over style files wherever they stand. Returns 0, a status,
 * or -1 when the process should exit 0 (help, version, completion). */
static int parse_args(int argc, char **argv, cli *c, GPtrArray *inputs)
{
    struct option *longopts = g_new0(struct option, cli_option_count + 1);
    GString *shortopts = g_string_new(":");
    GArray *flags = g_array_new(FALSE, FALSE, sizeof(pending));
    GArray *styles = g_array_new(FALSE, FALSE, sizeof(pending));
    size_t nlong = 0;
    int status = 0;
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *o = &cli_options[i];
        if (o->id == CLI_ID_HELP_GROUP)
            continue;
        longopts[nlong++] =
            (struct option){.name = o->name,
                            .has_arg = o->arg == CLI_FLAG ? no_argument : required_argument,
                            .val = 256 + (int)i};
        if (o->short_name)
            g_string_append_printf(shortopts, "%c%s", o->short_name, o->arg == CLI_FLAG ? "" : ":");
    }
    int ch;
    opterr = 0;
    while (!status && (ch = getopt_long(argc, argv, shortopts->str, longopts, NULL)) != -1) {
        const cli_option *o = NULL;
        if (ch >= 256) {
            o = &cli_options[ch - 256];
        } else if (ch == ':') {
            status = fail_usage("option '%s' needs a value", argv[optind - 1]);
            break;
        } else {
            for (size_t i = 0; i < cli_option_count && !o; i++)
                if (cli_options[i].short_name == ch && ch != '?')
                    o = &cli_options[i];
        }
        if (!o) {
            const char *arg = argv[optind - 1];
            const char **names = g_new(const char *, cli_option_count);
            size_t n = 0;
            for (size_t i = 0; i < cli_option_count; i++)
                if (cli_options[i].id != CLI_ID_HELP_GROUP)
                    names[n++] = cli_options[i].name;
            const char *near =
                strncmp(arg, "--", 2) == 0 ? cli_did_you_mean(arg + 2, names, n) : NULL;
            status = fail_usage("unknown option '%s'%s%s%s", arg, near ? " (did you mean --" : "",
                                near ? near : "", near ? "?)" : "");
            g_free(names);
            break;
        }
        pending p = {o, o->arg == CLI_FLAG ? "true" : optarg};
        switch (o->id) {
        case CLI_ID_HELP:
            cli_print_help(stdout);
            status = -1;
            break;
        case CLI_ID_VERSION:
            printf("timeline %s\n", tl_version_string());
            status = -1;
            break;
        case CLI_ID_COMPLETION:
            if (strcmp(optarg, "bash") != 0) {
                status = fail_usage("--completion: only bash is supported, not \"%s\"", optarg);
                break;
            }
            cli_print_bash_completion(stdout);
            status = -1;
            break;
        case CLI_ID_CONFIG:
        case CLI_ID_SET:
            g_array_append_val(styles, p);
            break;
        default:
            g_array_append_val(flags, p);
            break;
        }
    }
    for (guint i = 0; !status && i < styles->len; i++) {
        const pending *p = &g_array_index(styles, pending, i);
        status = p->o->id == CLI_ID_CONFIG ? cli_config_load_file(c, p->value)
                                           : cli_config_set(c, p->value);
    }
    for (guint i = 0; !status && i < flags->len; i++) {
        const pending *p = &g_array_index(flags, pending, i);
        char *why = NULL;
        if (!cli_option_apply(c, p->o, p->value, &why)) {
            status = fail_usage("--%s: %s", p->o->name, why);
            g_free(why);
        }
    }
    for (int i = optind; !status && i < argc; i++)
        g_ptr_array_add(inputs, argv[i]);
    g_array_free(flags, TRUE);
    g_array_free(styles, TRUE);
    g_string_free(shortopts, TRUE);
    g_free(longopts);
    return status;
}

/* ---------------------------------------------------------------------------------------------
 * Outputs
 * ------------------------------------------------------------------------------------------- */

static const char *format_extension(tl_format f)
{
    switch (f) {
    case TL_FORMAT_SVG:
        return "svg";
    case TL_FORMAT_PNG:
        return "png";
    case TL_FORMAT_PDF:
        return "pdf";
    case TL_FORMAT_JSON:
        return "json";
    case TL_FORMAT_PS:
        return "ps";
    case TL_FORMAT_EPS:
        return "eps";
    }
    return "out";
}

/* events.csv -> events.svg, in `dir` when given (ending in '/'), else beside the input. */
static char *output_for(const char *input, const char *dir, tl_format f)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - input) : strlen(input);
    if (dir) {
        size_t off = (size_t)(base - input);
        return g_strdup_printf("%s%.*s.%s", dir, (int)(stem - off), base, format_extension(f));
    }
    return g_strdup_printf("%.*s.%s", (int)stem, input, format_extension(f));
}

/* The status the worse of two runs gives: an internal failure, else the higher code. */
static int worse(int a, int b)
{
    int ra = a == 1 ? 1000 : a, rb = b == 1 ? 1000 : b;
    return ra >= rb ? a : b;
}

/* ---------------------------------------------------------------------------------------------
 * One input
 * ------------------------------------------------------------------------------------------- */

typedef struct job {
    const char *input;
    const char *output; /* NULL or "-": standard output */
    tl_format format;
    bool several; /* one of several inputs: messages name it */
} job;

/* Applies what the source states of its own chart (a gantt's tickInterval, its
 * todayMarker) to `style`, a copy for this input only, under the user's settings: a key the
 * command line or a style file set is left as it is. Only axis settings are taken from a
 * source; a bad one is a warning. Returns the number of warnings. */
static size_t apply_source_settings(cli *c, const job *j, const tl_timeline *tl)
{
    static const char *const allowed[] = {"ticks", "tick-format", "today", "shade"};
    size_t warned = 0;
    for (size_t i = 0; i < tl_timeline_get_setting_count(tl); i++) {
        const char *setting = tl_timeline_get_setting(tl, i);
        const char *eq = strchr(setting, '=');
        if (!eq)
            continue;
        char *key = g_strndup(setting, (size_t)(eq - setting));
        const cli_option *o = cli_option_find(key);
        bool known = false;
        for (size_t k = 0; k < G_N_ELEMENTS(allowed) && o; k++)
            known = known || strcmp(key, allowed[k]) == 0;
        char *why = NULL;
        if (!known) {
            why = g_strdup("not a setting a source may state");
        } else if (g_key_file_has_key(c->config, o->section, o->name, NULL)) {
            if (c->verbose)
                fprintf(stderr, "timeline: note: %s states %s; the command line's is kept\n",
                        j->input, setting);
        } else if (o->set(c, o, eq + 1, &why) && c->verbose) {
            fprintf(stderr, "timeline: note: %s states %s\n", j->input, setting);
        }
        if (why && !c->quiet)
            fprintf(stderr, "timeline: warning: %s: setting %s ignored: %s\n", j->input, setting,
                    why);
        warned += why != NULL;
        g_free(why);
        g_free(key);
    }
    return warned;
}

static int run_one(cli *c, const job *j, tl_fonts *fonts, size_t warnings)
{
    tl_error *err = NULL;
    tl_scene *scene = NULL;
    size_t shown = 0;
    int status = 0;
    tl_layout_options *shared_style = c->style;
    const bool shared_shade = c->shade_weekends;
    tl_timeline *tl = tl_timeline_load_file(j->input, NULL, c->load, &err);
    if (!tl)
        goto fail;
    if (c->verbose)
        for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
            fprintf(stderr, "timeline: note: %s\n", tl_timeline_get_note(tl, i));
    warnings += print_warnings(c, j->input, j->several, tl_timeline_get_warning_count(tl),
                               timeline_warning, tl, &shown);
    /* The source's own settings on a copy of the options, for this chart only. */
    if (tl_timeline_get_setting_count(tl) > 0) {
        c->style = tl_layout_options_copy(shared_style);
        warnings += apply_source_settings(c, j, tl);
    }
    if (c->check) {
        if (!c->quiet && shown > MAX_SHOWN_WARNINGS)
            fprintf(stderr, "timeline: warning: %zu more warnings not shown\n",
                    shown - MAX_SHOWN_WARNINGS);
        print_summary(j->input, tl);
        print_schedule(j->input, tl);
        status = tl_timeline_get_event_count(tl) == 0 || (c->strict && warnings) ? 65 : 0;
        goto done;
    }
    /* A sheet's own title (a TimelineJS title slide) unless one is given. */
    tl_layout_options_set_title(c->style, c->title ? c->title : tl_timeline_get_title(tl));
    scene = tl_layout(tl, c->style, fonts, &err);
    if (!scene)
        goto fail;
    warnings += print_warnings(c, j->input, j->several, tl_scene_get_warning_count(scene),
                               scene_warning, scene, &shown);
    if (!c->quiet && shown > MAX_SHOWN_WARNINGS)
        fprintf(stderr, "timeline: warning: %zu more warnings not shown\n",
                shown - MAX_SHOWN_WARNINGS);
    if (c->strict && warnings) {
        fprintf(stderr, "timeline: %s%s%zu warning%s and --strict: no output written\n",
                j->several ? j->input : "", j->several ? ": " : "", warnings,
                warnings == 1 ? "" : "s");
        status = 65;
        goto done;
    }

    tl_render_options *ropts = tl_render_options_new();
    tl_render_options_set_dpi(ropts, c->dpi);
    tl_render_options_set_scale(ropts, c->scale);
    tl_render_options_set_pdf_author(ropts, c->pdf_author);
    tl_render_options_set_pdf_subject(ropts, c->pdf_subject);
    tl_render_options_set_pdf_keywords(ropts, c->pdf_keywords);
    tl_render_options_set_pdf_title(ropts, c->pdf_title);
    tl_render_options_set_pdf_creator(ropts, c->pdf_creator);
    tl_render_options_set_svg_text(ropts, c->svg_text);
    bool ok;
    if (!j->output || strcmp(j->output, "-") == 0)
        ok = tl_render_to_stream(scene, j->format, ropts, stdout, &err);
    else
        ok = tl_render_to_file(scene, j->format, ropts, j->output, &err);
    tl_render_options_free(ropts);
    if (!ok)
        goto fail;
    c->charts_written++;
    goto done;

fail:
    status = fail(err, j->input, j->several);
done:
    c->warnings_total += warnings;
    if (c->style != shared_style) {
        tl_layout_options_free(c->style);
        c->style = shared_style;
        c->shade_weekends = shared_shade;
    }
    tl_scene_free(scene);
    tl_timeline_free(tl);
    return status;
}

/* ---------------------------------------------------------------------------------------------
 * All inputs
 * ------------------------------------------------------------------------------------------- */

static void list_themes(void)
{
    for (int t = 0; tl_theme_get_name((tl_theme)t); t++)
        printf("%-11s %s\n", tl_theme_get_name((tl_theme)t), tl_theme_get_description((tl_theme)t));
}

/* The options every input shares, onto the layout options. */
static void set_layout_options(cli *c)
{
    tl_layout_options *o = c->style;
    tl_layout_options_set_variant(o, c->layout);
    tl_layout_options_set_theme(o, c->theme);
    tl_layout_options_set_subtitle(o, c->subtitle);
    tl_layout_options_set_caption(o, c->caption);
    tl_layout_options_set_group_order(o, c->group_order);
    tl_layout_options_set_window(o, c->has_from ? &c->from : NULL, c->has_to ? &c->to : NULL);
    tl_layout_options_set_axis_breaks(o, !c->axis_breaks_off);
    tl_layout_options_set_size(o, c->width, c->height);
    tl_layout_options_set_label_width(o, c->label_width);
    tl_layout_options_set_markup(o, c->markup);
    tl_layout_options_set_page(o, c->page_w, c->page_h);
    tl_layout_options_set_landscape(o, c->landscape);
    if (c->has_margins)
        tl_layout_options_set_margins(o, c->margins);
    tl_layout_options_set_pages(o, c->pages);
    tl_layout_options_set_fit_width(o, c->fit_width);
    tl_layout_options_set_numeric(o, c->numeric, c->unit);
    tl_layout_options_set_epoch_event(o, c->epoch_id);
    tl_layout_options_set_elapsed(o, c->elapsed, c->has_epoch ? &c->epoch : NULL, c->elapsed_style,
                                  c->elapsed_base);
}

/* English is built in; the others are the catalogs compiled from po/. */
static void list_locales(void)
{
    printf("en\n");
    for (const char *const *t = tl_locale_catalogs(); *t; t++)
        printf("%s\n", *t);
}

static int run(cli *c, GPtrArray *inputs)
{
    if (c->list_themes) {
        list_themes();
        return 0;
    }
    if (c->list_locales) {
        list_locales();
        return 0;
    }
    if (c->print_config) {
        cli_config_print(c, stdout);
        return 0;
    }
    const size_t n = inputs->len;
    const bool to_dir = c->output && c->output[strlen(c->output) - 1] == '/';
    const bool named = c->outputs_by_input || to_dir; /* outputs named after inputs */
    if (n == 0)
        return fail_usage("no input file (use - for standard input)");
    if (c->outputs_by_input && c->output)
        return fail_usage("-O names outputs after their inputs: give -o DIR/ instead of -o, or "
                          "neither");
    if (n > 1 && !named && !c->check)
        return fail_usage("%zu inputs and one output: use -O (events.csv -> events.svg) or "
                          "-o DIR/",
                          n);
    size_t stdin_count = 0;
    for (size_t i = 0; i < n; i++)
        stdin_count += strcmp(inputs->pdata[i], "-") == 0;
    if (stdin_count > 1)
        return fail_usage("standard input (-) can be read only once");
    if (stdin_count && named && !c->check)
        return fail_usage("standard input has no name to name its output after; use -o FILE");

    tl_format format = TL_FORMAT_SVG;
    if (c->check) {
        /* Validates only: no output, so no format. */
    } else if (c->format_name) {
        tl_format_from_name(c->format_name, &format);
    } else if (named) {
        format = TL_FORMAT_SVG;
    } else if (c->output && strcmp(c->output, "-") != 0) {
        if (!tl_format_from_filename(c->output, &format))
            return fail_usage("cannot tell the format of \"%s\" from its extension; use -T",
                              c->output);
    } else {
        return fail_usage("give -o FILE, or -T FORMAT to write to standard output");
    }
    if (c->has_from && c->has_to && c->to.hi < c->from.lo)
        return fail_usage("--to %s is before --from %s", c->to_text, c->from_text);

    size_t repaired = 0;
    struct {
        const char *name;
        char **value;
    } texts[] = {{"--title", &c->title},
                 {"--subtitle", &c->subtitle},
                 {"--caption", &c->caption},
                 {"--pdf-author", &c->pdf_author},
                 {"--pdf-subject", &c->pdf_subject},
                 {"--pdf-keywords", &c->pdf_keywords},
                 {"--pdf-title", &c->pdf_title},
                 {"--pdf-creator", &c->pdf_creator}};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
        int status = check_text_option(c, texts[i].name, texts[i].value, &repaired);
        if (status)
            return status;
    }
    set_layout_options(c);

    tl_fonts *fonts = NULL;
    if (!c->check) {
        tl_error *err = NULL;
        tl_font_options_set_font(c->fonts, c->font);
        tl_font_options_set_system_fonts(c->fonts, c->system_fonts);
        /* The command draws nothing but charts: the private set may be fontconfig's own. */
        tl_font_options_set_process_wide(c->fonts, true);
        fonts = tl_fonts_new_with_options(c->fonts, &err);
        if (!fonts)
            return fail(err, "", false);
        if (c->verbose) {
            if (tl_fonts_get_file_count(fonts) == 0)
                fprintf(stderr, "timeline: note: fonts: the machine's fontconfig set\n");
            for (size_t i = 0; i < tl_fonts_get_file_count(fonts); i++)
                fprintf(stderr, "timeline: note: font file: %s\n", tl_fonts_get_file(fonts, i));
        }
    }
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        const char *input = inputs->pdata[i];
        char *path =
            named && !c->check ? output_for(input, to_dir ? c->output : NULL, format) : NULL;
        job j = {
            .input = input, .output = path ? path : c->output, .format = format, .several = n > 1};
        status = worse(status, run_one(c, &j, fonts, repaired));
        g_free(path);
    }
    tl_fonts_unref(fonts);
    return status;
}

/* ---------------------------------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------------------------------- */

/* Ctrl-C, kill and a closed terminal end the process as they would without a handler (the
 * shell sees 130, 143, 129), minus the temporary file of the render under way. */
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_fatal_signal(int sig)
{
    tl_render_abort_temp_files();
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    /* Blocked while the handler runs: delivered, with the default action, when it returns. */
    raise(sig);
}

/* A signal ignored from the start stays ignored: nohup ignores SIGHUP, and a shell without job
 * control SIGINT for the commands it runs in the background. */
static void install_signal_handlers(void)
{
    struct sigaction sa = {.sa_handler = on_fatal_signal};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < G_N_ELEMENTS(fatal_signals); i++)
        sigaddset(&sa.sa_mask, fatal_signals[i]);
    for (size_t i = 0; i < G_N_ELEMENTS(fatal_signals); i++) {
        struct sigaction old;
        if (sigaction(fatal_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(fatal_signals[i], &sa, NULL);
    }
}

static void cli_free(cli *c)
{
    char **texts[] = {&c->title,       &c->subtitle,     &c->caption,   &c->group_order,
                      &c->from_text,   &c->to_text,      &c->font,      &c->pdf_author,
                      &c->pdf_subject, &c->pdf_keywords, &c->pdf_title, &c->pdf_creator,
                      &c->unit,        &c->epoch_id};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
        g_free(*texts[i]);
    tl_load_options_free(c->load);
    tl_font_options_free(c->fonts);
    tl_layout_options_free(c->style);
    if (c->holidays)
        g_array_free(c->holidays, TRUE);
    g_key_file_free(c->config);
}

static void cli_init(cli *c)
{
    *c = (cli){
        .dpi = 96,
        .scale = 1,
        .theme = TL_THEME_LIGHT,
        .layout = TL_VARIANT_RIBBON,
        .elapsed_base = 1,
        .fonts = tl_font_options_new(),
        .load = tl_load_options_new(),
        .style = tl_layout_options_new(),
        .config = g_key_file_new(),
    };
}

/* One run for --watch: the options read again (a style file may have changed), every input
 * rendered, as a new process would. */
static void run_again(int argc, char **argv, cli_outcome *out)
{
    cli c;
    cli_init(&c);
    c.watched_files = out->files;
    c.watched_folders = out->folders;
    GPtrArray *inputs = g_ptr_array_new();
    optind = 0; /* getopt starts afresh */
    int status = parse_args(argc, argv, &c, inputs);
    for (guint i = 0; i < inputs->len; i++)
        g_ptr_array_add(out->files, g_strdup(inputs->pdata[i]));
    if (status == 0)
        status = run(&c, inputs);
    else if (status < 0)
        status = 0;
    out->status = status;
    out->warnings = c.warnings_total;
    out->charts = c.charts_written;
    out->check = c.check;
    out->output = !c.outputs_by_input && c.output && c.output[strlen(c.output) - 1] != '/'
                      ? g_strdup(c.output)
                      : NULL;
    g_ptr_array_free(inputs, TRUE);
    cli_free(&c);
}

/* What --watch cannot follow: standard input, and an output that is not a file. */
static int check_watch(const cli *c, const GPtrArray *inputs)
{
    for (guint i = 0; i < inputs->len; i++)
        if (strcmp(inputs->pdata[i], "-") == 0)
            return fail_usage("--watch follows files: standard input (-) cannot be watched");
    if (inputs->len == 0)
        return fail_usage("--watch needs an input file");
    if (!c->check && !c->outputs_by_input && (!c->output || strcmp(c->output, "-") == 0))
        return fail_usage("--watch rewrites files: give -o FILE or -O, not standard output");
    return 0;
}

int main(int argc, char **argv)
{
    /* A reader that goes away (| head) makes writes fail with EPIPE, reported as an I/O
     * error (74), instead of killing the process halfway through a file. */
    signal(SIGPIPE, SIG_IGN);
    install_signal_handlers();
    cli c;
    cli_init(&c);
    GPtrArray *inputs = g_ptr_array_new();
    int status = parse_args(argc, argv, &c, inputs);
    if (status == 0 && c.watch && !(status = check_watch(&c, inputs))) {
        cli_free(&c);
        cli_init(&c);
        status = cli_watch(argc, argv, run_again);
    } else if (status == 0) {
        status = run(&c, inputs);
    } else if (status < 0) {
        status = 0;
    }
    g_ptr_array_free(inputs, TRUE);
    cli_free(&c);
    return status;
}
