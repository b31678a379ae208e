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
    const tl_option_info *o;
    const char *value;
} pending;

/* A library error about the options; a bad option (not a style file's key) points to --help. */
static int fail_option(tl_error *err, const char *prefix, bool try_help)
{
    int code = (int)err->code;
    fprintf(stderr, "timeline: %s%s\n", prefix, err->message);
    if (try_help)
        fputs("Try 'timeline --help'.\n", stderr);
    tl_error_free(err);
    return code;
}

/* Reads back what only the command line acts on, once every option is set. */
static void read_front_end(cli *c)
{
    tl_job *job = c->job;
    c->output = tl_job_get_value(job, "output");
    c->format_name = tl_job_get_value(job, "format");
    c->outputs_by_input = tl_job_get_flag(job, "output-by-input");
    c->check = tl_job_get_flag(job, "check");
    c->quiet = tl_job_get_flag(job, "quiet");
    c->verbose = tl_job_get_flag(job, "verbose");
    c->strict = tl_job_get_flag(job, "strict");
    c->watch = tl_job_get_flag(job, "watch");
    c->print_config = tl_job_get_flag(job, "print-config");
    c->list_themes = tl_job_get_flag(job, "list-themes");
    c->list_locales = tl_job_get_flag(job, "list-locales");
}

/* The option getopt_long returned as `ch`, or NULL for an unknown one. */
static const tl_option_info *option_for(int ch)
{
    if (ch >= 256)
        return tl_option_get((size_t)(ch - 256));
    for (size_t i = 0; i < tl_option_count() && ch != '?'; i++)
        if (tl_option_get(i)->short_name == ch)
            return tl_option_get(i);
    return NULL;
}

static int unknown_option(const char *arg)
{
    const char *near = strncmp(arg, "--", 2) == 0 ? tl_option_suggest(arg + 2) : NULL;
    return fail_usage("unknown option '%s'%s%s%s", arg, near ? " (did you mean --" : "",
                      near ? near : "", near ? "?)" : "");
}

/* The actions the command line takes at once: 0 to go on, -1 to exit 0, or a status. */
static int act(const pending *p)
{
    switch (p->o->action) {
    case TL_OPTION_ACTION_HELP:
        cli_print_help(stdout);
        return -1;
    case TL_OPTION_ACTION_VERSION:
        printf("timeline %s\n", tl_version_string());
        return -1;
    case TL_OPTION_ACTION_COMPLETION:
        if (strcmp(p->value, "bash") != 0)
            return fail_usage("--completion: only bash is supported, not \"%s\"", p->value);
        cli_print_bash_completion(stdout);
        return -1;
    case TL_OPTION_ACTION_NONE:
    case TL_OPTION_ACTION_STYLE_FILE:
    case TL_OPTION_ACTION_STYLE_KEY:
        return 0;
    }
    return 0;
}

/* Applies -c and -S in order, then the other options, so that options given as flags win over
 * style files wherever they stand. */
static int apply_args(cli *c, const GArray *styles, const GArray *flags)
{
    tl_error *err = NULL;
    for (guint i = 0; i < styles->len; i++) {
        const pending *p = &g_array_index(styles, pending, i);
        if (p->o->action == TL_OPTION_ACTION_STYLE_FILE
                ? !tl_job_load_style_file(c->job, p->value, &err)
                : !tl_job_set_style(c->job, p->value, &err))
            return fail_option(err, p->o->action == TL_OPTION_ACTION_STYLE_KEY ? "-S " : "", false);
    }
    for (guint i = 0; i < flags->len; i++) {
        const pending *p = &g_array_index(flags, pending, i);
        if (!tl_job_set(c->job, p->o->name, p->value, &err))
            return fail_option(err, "", err->code == TL_ERROR_USAGE);
    }
    read_front_end(c);
    return 0;
}

/* Reads the command line into the job. Returns 0, a status, or -1 when the process should exit
 * 0 (help, version, completion). */
static int parse_args(int argc, char **argv, cli *c, GPtrArray *inputs)
{
    const size_t count = tl_option_count();
    struct option *longopts = g_new0(struct option, count + 1);
    GString *shortopts = g_string_new(":");
    GArray *flags = g_array_new(FALSE, FALSE, sizeof(pending));
    GArray *styles = g_array_new(FALSE, FALSE, sizeof(pending));
    size_t nlong = 0;
    int status = 0;
    for (size_t i = 0; i < count; i++) {
        const tl_option_info *o = tl_option_get(i);
        if (o->arg == TL_OPTION_HEADING)
            continue;
        longopts[nlong++] =
            (struct option){.name = o->name,
                            .has_arg = o->arg == TL_OPTION_FLAG ? no_argument : required_argument,
                            .val = 256 + (int)i};
        if (o->short_name)
            g_string_append_printf(shortopts, "%c%s", o->short_name,
                                   o->arg == TL_OPTION_FLAG ? "" : ":");
    }
    int ch;
    opterr = 0;
    while (!status && (ch = getopt_long(argc, argv, shortopts->str, longopts, NULL)) != -1) {
        if (ch == ':') {
            status = fail_usage("option '%s' needs a value", argv[optind - 1]);
            break;
        }
        const tl_option_info *o = option_for(ch);
        if (!o) {
            status = unknown_option(argv[optind - 1]);
            break;
        }
        pending p = {o, o->arg == TL_OPTION_FLAG ? "true" : optarg};
        if (o->action == TL_OPTION_ACTION_STYLE_FILE || o->action == TL_OPTION_ACTION_STYLE_KEY)
            g_array_append_val(styles, p);
        else if (o->action != TL_OPTION_ACTION_NONE)
            status = act(&p);
        else
            g_array_append_val(flags, p);
    }
    if (!status)
        status = apply_args(c, styles, flags);
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

typedef struct one_input {
    const char *input;
    const char *output; /* NULL or "-": standard output */
    tl_format format;
    bool several; /* one of several inputs: messages name it */
} one_input;

static size_t print_chart_warnings(const cli *c, const one_input *j, const tl_chart *chart,
                                   size_t from, size_t *shown)
{
    size_t n = tl_chart_get_warning_count(chart);
    for (size_t i = from; i < n && !c->quiet; i++) {
        const char *w = tl_chart_get_warning(chart, i);
        const char *pre = prefix_for(j->input, j->several, w);
        if (*shown < MAX_SHOWN_WARNINGS)
            fprintf(stderr, "timeline: warning: %s%s%s\n", pre, *pre ? ": " : "", w);
        (*shown)++;
    }
    return n - from;
}

static void print_more_warnings(const cli *c, size_t shown)
{
    if (!c->quiet && shown > MAX_SHOWN_WARNINGS)
        fprintf(stderr, "timeline: warning: %zu more warnings not shown\n",
                shown - MAX_SHOWN_WARNINGS);
}

static int run_one(cli *c, const one_input *j, size_t warnings)
{
    tl_error *err = NULL;
    size_t shown = 0;
    int status = 0;
    tl_chart *chart = tl_chart_load_file(c->job, j->input, &err);
    if (!chart)
        goto fail;
    for (size_t i = 0; c->verbose && i < tl_chart_get_note_count(chart); i++)
        fprintf(stderr, "timeline: note: %s\n", tl_chart_get_note(chart, i));
    warnings += print_chart_warnings(c, j, chart, 0, &shown);
    if (c->check) {
        print_more_warnings(c, shown);
        print_summary(j->input, tl_chart_get_timeline(chart));
        print_schedule(j->input, tl_chart_get_timeline(chart));
        status = tl_timeline_get_event_count(tl_chart_get_timeline(chart)) == 0 ||
                         (c->strict && warnings)
                     ? 65
                     : 0;
        goto done;
    }
    const size_t loaded = tl_chart_get_warning_count(chart);
    if (!tl_chart_layout(chart, &err))
        goto fail;
    warnings += print_chart_warnings(c, j, chart, loaded, &shown);
    print_more_warnings(c, shown);
    if (c->strict && warnings) {
        fprintf(stderr, "timeline: %s%s%zu warning%s and --strict: no output written\n",
                j->several ? j->input : "", j->several ? ": " : "", warnings,
                warnings == 1 ? "" : "s");
        status = 65;
        goto done;
    }
    bool ok;
    if (!j->output || strcmp(j->output, "-") == 0)
        ok = tl_chart_render_to_stream(chart, j->format, stdout, &err);
    else
        ok = tl_chart_render_to_file(chart, j->format, j->output, &err);
    if (!ok)
        goto fail;
    c->charts_written++;
    goto done;

fail:
    status = fail(err, j->input, j->several);
done:
    c->warnings_total += warnings;
    tl_chart_free(chart);
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
        char *text = tl_job_get_style_text(c->job);
        fputs(text, stdout);
        tl_free(text);
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
    tl_error *err = NULL;
    if (!tl_job_check(c->job, &err))
        return fail_option(err, "", err->code == TL_ERROR_USAGE);
    const size_t repaired = tl_job_get_warning_count(c->job);
    for (size_t i = 0; i < repaired && !c->quiet; i++)
        fprintf(stderr, "timeline: warning: %s\n", tl_job_get_warning(c->job, i));
    if (!c->check) {
        /* The command draws nothing but charts: the private set may be fontconfig's own. */
        tl_fonts *fonts = tl_job_get_fonts(c->job, true, &err);
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
        one_input j = {
            .input = input, .output = path ? path : c->output, .format = format, .several = n > 1};
        status = worse(status, run_one(c, &j, repaired));
        g_free(path);
    }
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
    tl_job_free(c->job);
}

static void cli_init(cli *c)
{
    *c = (cli){.job = tl_job_new()};
}

/* One run for --watch: the options read again (a style file may have changed), every input
 * rendered, as a new process would. */
static void run_again(int argc, char **argv, cli_outcome *out)
{
    cli c;
    cli_init(&c);
    GPtrArray *inputs = g_ptr_array_new();
    optind = 0; /* getopt starts afresh */
    int status = parse_args(argc, argv, &c, inputs);
    for (guint i = 0; i < inputs->len; i++)
        g_ptr_array_add(out->files, g_strdup(inputs->pdata[i]));
    if (status == 0)
        status = run(&c, inputs);
    else if (status < 0)
        status = 0;
    /* What the options read, even when reading it failed: its fix is a change to watch for. */
    for (size_t i = 0; i < tl_job_get_read_count(c.job); i++) {
        bool folder = false;
        const char *path = tl_job_get_read(c.job, i, &folder);
        g_ptr_array_add(folder ? out->folders : out->files, g_strdup(path));
    }
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
