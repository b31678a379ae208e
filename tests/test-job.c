/* Jobs and charts (lib/job.c, lib/chart.c): options set by name as the command line sets them,
 * their errors, style keys and the style text, the checks of options together, charts read
 * from files and memory with their warnings and notes, the same bytes as the layers called one
 * by one, and a font context shared between jobs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "tap.h"
#include "test-util.h"
#include "timeline/timeline.h"

static char *sample(const char *name)
{
    const char *src = getenv("TL_TEST_SRCDIR");
    return g_strdup_printf("%s/../data/samples/%s", src ? src : "tests", name);
}

/* Whether setting `name` to `value` fails with a usage error whose message holds `want`. */
static bool set_fails(tl_job *job, const char *name, const char *value, const char *want)
{
    tl_error *err = NULL;
    bool ok = tl_job_set(job, name, value, &err);
    bool as_wanted = !ok && err && err->code == TL_ERROR_USAGE && strstr(err->message, want);
    if (!as_wanted)
        tap_diag("--%s=%s: %s", name, value ? value : "(null)", err ? err->message : "accepted");
    tl_error_free(err);
    return as_wanted;
}

static void test_option_table(void)
{
    size_t headings = 0, front = 0;
    for (size_t i = 0; i < tl_option_count(); i++) {
        headings += tl_option_get(i)->arg == TL_OPTION_HEADING;
        front += tl_option_get(i)->front_end;
    }
    tap_ok(tl_option_count() > 60 && headings >= 4, "%zu options, %zu headings", tl_option_count(),
           headings);
    tap_ok(tl_option_get(tl_option_count()) == NULL, "NULL past the end");
    const tl_option_info *layout = tl_option_find("layout");
    tap_ok(layout && layout->arg == TL_OPTION_VALUE && strcmp(layout->section, "chart") == 0 &&
               !layout->front_end && strstr(layout->complete, "lanes"),
           "layout: a value of [chart], completed with the layout names");
    const tl_option_info *output = tl_option_find("output");
    tap_ok(output && output->front_end && output->short_name == 'o', "output is the front end's");
    tap_ok(front >= 10, "%zu options only a front end acts on", front);
    const tl_option_info *help = tl_option_find("help");
    tap_ok(help && help->action == TL_OPTION_ACTION_HELP, "help is an action");
    tap_ok(tl_option_find("col-start") && tl_option_find("col-start")->section &&
               strcmp(tl_option_find("col-start")->section, "columns") == 0,
           "col-start is a [columns] key");
    tap_ok(tl_option_find("no-such-option") == NULL, "an unknown name is not found");
    tap_is_str(tl_option_suggest("layuot"), "layout", "a typo suggests the option");
    tap_ok(tl_option_suggest("xyzzy") == NULL, "nothing close: no suggestion");
    tap_is_str(tl_palette_kind(0), "group", "the first palette kind");
    tap_ok(tl_palette_kind(6) == NULL, "six palette kinds");
}

static void test_set(void)
{
    tl_job *job = tl_job_new();
    tap_ok(set_fails(job, "layuot", "lanes", "--layuot: unknown option (did you mean --layout?)"),
           "an unknown option, with the near one");
    tap_ok(set_fails(job, "layout", "zigzag", "--layout: unknown layout \"zigzag\""),
           "a bad value names the option and the value");
    tap_ok(set_fails(job, "width", "5", "--width: expected points from"), "a number out of range");
    tap_ok(set_fails(job, "help", NULL, "an action of the command line"), "help is refused");
    tap_ok(set_fails(job, "config", "x.ini", "an action"),
           "-c is refused: style files have a call");
    tap_ok(set_fails(job, "strict", "maybe", "expected true or false"), "a flag takes true/false");
    tl_error *err = NULL;
    tap_ok(tl_job_set(job, "layout", "lanes", &err), "layout lanes");
    tap_is_str(tl_job_get_value(job, "layout"), "lanes", "its text is kept");
    tap_ok(tl_job_get_value(job, "theme") == NULL, "an option not set has no text");
    tap_ok(tl_job_set(job, "strict", "yes", &err) && tl_job_get_flag(job, "strict"),
           "a front end's flag: yes is on");
    tap_is_str(tl_job_get_value(job, "strict"), "true", "and reads back as true");
    tap_ok(tl_job_set(job, "quiet", NULL, &err) && tl_job_get_flag(job, "quiet"),
           "a flag without a value is on");
    tap_ok(!tl_job_get_flag(job, "verbose"), "a flag not set is off");
    tap_ok(tl_job_set(job, "format", "png", &err), "format png");
    tap_ok(set_fails(job, "format", "gif", "--format: unknown format \"gif\""), "gif is refused");
    tl_job_free(job);
}

static void test_style(void)
{
    tl_job *job = tl_job_new();
    tl_error *err = NULL;
    tap_ok(tl_job_set_style(job, "palette.group.Japan=#c0392b", &err), "-S palette.group.Japan");
    tap_ok(tl_job_set_style(job, "axis.ticks=month", &err), "-S axis.ticks");
    tap_ok(tl_job_set(job, "theme", "print", &err), "theme print");
    char *text = tl_job_get_style_text(job);
    tap_ok(text && strncmp(text, "# timeline style file", 21) == 0 &&
               strstr(text, "[chart]\ntheme=print") && strstr(text, "[axis]\nticks=month") &&
               strstr(text, "[palette]\ngroup.Japan=#c0392b"),
           "the style text holds every section set");
    tl_free(text);
    tap_ok(!tl_job_set_style(job, "ticks", &err) && strstr(err->message, "expected KEY=VALUE"),
           "-S without a value");
    tl_error_free(err);
    err = NULL;
    tap_ok(!tl_job_set_style(job, "chart.colour=red", &err) &&
               strstr(err->message, "unknown key \"colour\" in [chart]"),
           "-S with an unknown key");
    tl_error_free(err);
    err = NULL;

    tap_ok(!tl_job_load_style_file(job, "/nonexistent/style.ini", &err) &&
               err->code == TL_ERROR_NOINPUT && err->path &&
               strcmp(err->path, "/nonexistent/style.ini") == 0,
           "a missing style file: no input, and its path");
    tl_error_free(err);
    err = NULL;
    char *path = test_temp_path("job-style");
    const char ini[] = "[chart]\ntheme = print\n\n[axis]\ntcks = month\n";
    test_write_file(path, ini, sizeof ini - 1);
    tap_ok(!tl_job_load_style_file(job, path, &err) && err->code == TL_ERROR_USAGE &&
               err->line == 5 && strstr(err->message, "(did you mean \"ticks\"?)"),
           "a bad key is named by its line: %s", err ? err->message : "");
    tl_error_free(err);
    tap_ok(tl_job_get_read_count(job) == 2, "both style files are noted as read");
    bool folder = true;
    tap_is_str(tl_job_get_read(job, 1, &folder), path, "the file read");
    tap_ok(!folder, "a file, not a folder");
    tap_ok(tl_job_get_read(job, 2, NULL) == NULL, "NULL past the end");
    remove(path);
    g_free(path);
    tl_job_free(job);
}

static void test_check(void)
{
    tl_job *job = tl_job_new();
    tl_error *err = NULL;
    tl_job_set(job, "title", "Bad \xff title", &err);
    tap_ok(!tl_job_check(job, &err) && err->code == TL_ERROR_USAGE &&
               strstr(err->message, "--title: invalid UTF-8 (byte 0xFF at byte 5)"),
           "invalid UTF-8 in a text option: %s", err ? err->message : "");
    tl_error_free(err);
    err = NULL;
    tl_job_set(job, "repair-utf8", "true", &err);
    tap_ok(tl_job_check(job, &err), "with repair-utf8 it passes");
    tap_ok(tl_job_get_warning_count(job) == 1 &&
               strcmp(tl_job_get_warning(job, 0), "--title: invalid UTF-8 replaced with U+FFFD") ==
                   0,
           "and warns once");
    tl_job_set(job, "from", "2020", &err);
    tl_job_set(job, "to", "2019", &err);
    tap_ok(!tl_job_check(job, &err) && strstr(err->message, "--to 2019 is before --from 2020"),
           "--to before --from");
    tl_error_free(err);
    tl_job_free(job);
}

static const char csv[] = "start,title,group\n"
                          "2019-11-04,Indo-Pacific Oceans' Initiative,India\n"
                          "2019-02-30,Impossible day,India\n"
                          "2020-09-16,Suga becomes prime minister,Japan\n";

/* Which field is the title, after aliases, a profile's names and the column options. */
static void test_columns(void)
{
    static const char alias[] = "When,Headline,Notes\n2020-01-01,One,x\n";
    static const char preceden[] = "Layer Name,Event Name,Start Date\nA,One,2020-01-01\n";
    struct {
        const char *csv, *col_title;
        long want;
        const char *what;
    } cases[] = {{alias, NULL, 1, "an alias (Headline)"},
                 {preceden, NULL, 1, "a profile's name (Preceden's Event Name)"},
                 {alias, "Notes", 2, "--col-title"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tl_job *job = tl_job_new();
        tl_error *err = NULL;
        if (cases[i].col_title)
            tl_job_set(job, "col-title", cases[i].col_title, &err);
        tl_chart *chart =
            tl_chart_load_buffer(job, cases[i].csv, strlen(cases[i].csv), "t.csv", &err);
        tap_ok(chart &&
                   tl_timeline_get_column(tl_chart_get_timeline(chart), "title") == cases[i].want,
               "the title column: %s", cases[i].what);
        tl_error_free(err);
        tl_chart_free(chart);
        tl_job_free(job);
    }
}

static void test_chart(void)
{
    tl_job *job = tl_job_new();
    tl_error *err = NULL;
    tl_chart *chart = tl_chart_load_buffer(job, csv, sizeof csv - 1, "events.csv", &err);
    tap_ok(chart != NULL, "a chart from memory");
    if (!chart) {
        tl_error_free(err);
        tl_job_free(job);
        return;
    }
    tap_ok(tl_timeline_get_event_count(tl_chart_get_timeline(chart)) == 2, "two good rows");
    const tl_timeline *tl = tl_chart_get_timeline(chart);
    tap_ok(tl_timeline_get_column(tl, "start") == 0 && tl_timeline_get_column(tl, "title") == 1 &&
               tl_timeline_get_column(tl, "group") == 2,
           "the header's fields by role");
    tap_ok(tl_timeline_get_column(tl, "end") == -1 && tl_timeline_get_column(tl, "nonsense") == -1,
           "-1 for a role no field gave, and for no role");
    tap_ok(tl_chart_get_warning_count(chart) == 1 &&
               strncmp(tl_chart_get_warning(chart, 0), "events.csv:3:1: invalid date", 28) == 0,
           "the bad row is a warning with its position: %s", tl_chart_get_warning(chart, 0));
    tap_ok(tl_chart_get_scene(chart) == NULL, "no scene before the layout");
    unsigned char *svg = NULL, *again = NULL, *png = NULL, *pdf = NULL;
    size_t nsvg = 0, nagain = 0, npng = 0, npdf = 0;
    tap_ok(tl_chart_render_to_memory(chart, TL_FORMAT_SVG, &svg, &nsvg, &err) && nsvg > 1000 &&
               strstr((char *)svg, "<svg"),
           "SVG in memory (%zu bytes)", nsvg);
    tap_ok(tl_chart_get_scene(chart) != NULL, "laid out on the way");
    tap_ok(tl_chart_render_to_memory(chart, TL_FORMAT_SVG, &again, &nagain, &err) &&
               nagain == nsvg && memcmp(svg, again, nsvg) == 0,
           "drawn again: the same bytes");
    tap_ok(tl_chart_render_to_memory(chart, TL_FORMAT_PNG, &png, &npng, &err) && npng > 8 &&
               memcmp(png, "\x89PNG", 4) == 0,
           "PNG");
    tap_ok(tl_chart_render_to_memory(chart, TL_FORMAT_PDF, &pdf, &npdf, &err) &&
               memcmp(pdf, "%PDF", 4) == 0,
           "PDF");
    tl_free(svg);
    tl_free(again);
    tl_free(png);
    tl_free(pdf);
    tl_chart_free(chart);

    static const char none[] = "start,title\n2019-02-30,Impossible day\n";
    chart = tl_chart_load_buffer(job, none, sizeof none - 1, NULL, &err);
    tap_ok(chart && !tl_chart_layout(chart, &err) && err->code == TL_ERROR_DATA &&
               strncmp(err->message, "<data>: nothing to draw", 23) == 0 && err->path &&
               strcmp(err->path, "<data>") == 0,
           "nothing drawable: a data error at layout, naming the input (%s)",
           err ? err->message : "");
    tap_ok(chart && strncmp(tl_chart_get_warning(chart, 0), "<data>:2:1:", 11) == 0,
           "a buffer without a name is <data>");
    tl_error_free(err);
    err = NULL;
    tl_chart_free(chart);
    tap_ok(!tl_chart_load_file(job, "/nonexistent.csv", &err) && err->code == TL_ERROR_NOINPUT,
           "a missing input: no input");
    tl_error_free(err);
    tl_job_free(job);
}

/* The job's chart and the layers called one by one with the same options give the same bytes. */
static void test_same_as_layers(void)
{
    char *path = sample("india-japan-2019-2020.csv");
    tl_job *job = tl_job_new();
    tl_error *err = NULL;
    tl_job_set(job, "layout", "lanes", &err);
    tl_job_set(job, "theme", "print", &err);
    tl_job_set(job, "title", "India and Japan", &err);
    tl_chart *chart = tl_chart_load_file(job, path, &err);
    unsigned char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    tap_ok(chart && tl_chart_render_to_memory(chart, TL_FORMAT_SVG, &a, &na, &err),
           "the sample through a job");

    tl_timeline *tl = tl_timeline_load_file(path, NULL, NULL, &err);
    tl_layout_options *lo = tl_layout_options_new();
    tl_layout_options_set_variant(lo, TL_VARIANT_LANES);
    tl_layout_options_set_theme(lo, TL_THEME_PRINT);
    tl_layout_options_set_title(lo, "India and Japan");
    tl_fonts *fonts = tl_fonts_new(NULL, &err);
    tl_scene *scene = tl && fonts ? tl_layout(tl, lo, fonts, &err) : NULL;
    tap_ok(scene && tl_render_to_memory(scene, TL_FORMAT_SVG, NULL, &b, &nb, &err),
           "and through the layers");
    tap_ok(a && b && na == nb && memcmp(a, b, na) == 0, "the same bytes (%zu and %zu)", na, nb);
    tl_free(a);
    tl_free(b);
    tl_scene_free(scene);
    tl_fonts_unref(fonts);
    tl_layout_options_free(lo);
    tl_timeline_free(tl);
    tl_chart_free(chart);
    tl_job_free(job);
    g_free(path);
}

/* An SVG drawn after another in the same process (a batch, a caller's loop) reuses the glyph
 * outlines kept on its fonts, and is still the same bytes as when it is drawn first. */
static unsigned char *svg_of(tl_job *job, const char *path, size_t *n)
{
    tl_error *err = NULL;
    unsigned char *out = NULL;
    tl_chart *chart = tl_chart_load_file(job, path, &err);
    if (!chart || !tl_chart_render_to_memory(chart, TL_FORMAT_SVG, &out, n, &err))
        out = NULL;
    tl_error_free(err);
    tl_chart_free(chart);
    return out;
}

static void test_outlines_kept(void)
{
    char *first = sample("india-japan-2019-2020.csv");
    char *second = sample("history-of-computing.csv");
    tl_job *job = tl_job_new();
    size_t na = 0, nb = 0, nc = 0;
    unsigned char *a = svg_of(job, first, &na);
    unsigned char *b = svg_of(job, second, &nb);
    tl_job *fresh = tl_job_new();
    unsigned char *c = svg_of(fresh, second, &nc);
    tap_ok(a && b && c && nb == nc && memcmp(b, c, nb) == 0,
           "a chart drawn after another: the same bytes as drawn first (%zu and %zu)", nb, nc);
    tap_ok(b && strstr((const char *)b, "<path id=\"g1\" d=\"") != NULL,
           "its glyph definitions numbered from g1 again");
    tl_free(a);
    tl_free(b);
    tl_free(c);
    tl_job_free(fresh);
    tl_job_free(job);
    g_free(first);
    g_free(second);
}

static void test_source_settings(void)
{
    char *path = sample("release-plan.mmd");
    tl_job *job = tl_job_new();
    tl_error *err = NULL;
    tl_chart *chart = tl_chart_load_file(job, path, &err);
    bool stated = false;
    for (size_t i = 0; chart && i < tl_chart_get_note_count(chart); i++)
        stated = stated || strstr(tl_chart_get_note(chart, i), "states ticks=week");
    tap_ok(stated, "a gantt's tickInterval is taken, and noted");
    tl_chart_free(chart);
    tl_job_set(job, "ticks", "month", &err);
    chart = tl_chart_load_file(job, path, &err);
    bool kept = false;
    for (size_t i = 0; chart && i < tl_chart_get_note_count(chart); i++)
        kept = kept || strstr(tl_chart_get_note(chart, i), "ticks=week; the option given is kept");
    tap_ok(kept, "an option set wins over the source's");
    tl_chart_free(chart);
    tl_job_free(job);
    g_free(path);
}

static void test_shared_fonts(void)
{
    tl_job *a = tl_job_new(), *b = tl_job_new(), *c = tl_job_new();
    tl_error *err = NULL;
    tap_ok(!tl_job_share_fonts(b, a), "nothing to share before the first has fonts");
    tap_ok(tl_job_get_fonts(a, false, &err) != NULL, "fonts made once");
    tl_job_set(b, "layout", "vertical", &err);
    tap_ok(tl_job_share_fonts(b, a), "shared with a job asking for the same fonts");
    tap_ok(tl_job_get_fonts(b, false, &err) == tl_job_get_fonts(a, false, &err),
           "the same font context");
    tl_job_set(c, "font", "Noto Serif 10", &err);
    tap_ok(!tl_job_share_fonts(c, a), "not with a job asking for another font");
    tl_job_free(a); /* b keeps its own reference */
    static const char one[] = "start,title\n2020-01-01,One\n";
    tl_chart *chart = tl_chart_load_buffer(b, one, sizeof one - 1, "one.csv", &err);
    unsigned char *svg = NULL;
    size_t n = 0;
    tap_ok(chart && tl_chart_render_to_memory(chart, TL_FORMAT_SVG, &svg, &n, &err),
           "the sharer draws after the other is freed");
    tl_free(svg);
    tl_chart_free(chart);
    tl_job_free(b);
    tl_job_free(c);
}

int main(void)
{
    test_option_table();
    test_set();
    test_style();
    test_check();
    test_chart();
    test_columns();
    test_same_as_layers();
    test_outlines_kept();
    test_source_settings();
    test_shared_fonts();
    return tap_done();
}
