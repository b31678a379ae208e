/* Several threads drawing at once, as a server or a Python module embedding the library does:
 * two and then eight threads each lay out and draw different sample charts (each thread with
 * its own font context, timelines and options, as include/timeline/timeline.h requires), in
 * SVG, PNG, PDF and JSON, some into memory and some into files of a temporary folder. Every
 * output must be byte-identical to the same chart drawn earlier in this process on the main
 * thread alone. A few rounds, bounded; one under valgrind. Under ThreadSanitizer
 * (scripts/test.sh) this is the test that makes the font code run on several threads.
 *
 * Prints the number of thread runs at the end. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "timeline/timeline.h"

#include "tap.h"

/* The charts: a sample each, with a variant and a theme chosen from its index so that the
 * threads do different work. */
static const char *const samples[] = {
    "history-of-computing.csv",     "history-of-writing.csv",
    "printing-history.csv",         "project-plan.csv",
    "arabic-hebrew-printing.csv",   "india-japan-2019-2020.csv",
    "india-japan-2019-2020-hi.csv", "india-japan-2019-2020-ja.csv",
};
#define N_CHARTS (sizeof samples / sizeof *samples)

static const tl_format formats[] = {TL_FORMAT_SVG, TL_FORMAT_PNG, TL_FORMAT_PDF, TL_FORMAT_JSON};
static const char *const format_names[] = {"svg", "png", "pdf", "json"};
#define N_FORMATS (sizeof formats / sizeof *formats)

#define MAX_THREADS 8

typedef struct output {
    char *bytes; /* g_free */
    size_t len;
} output;

typedef struct chart_out {
    output out[N_FORMATS];
    char *error; /* the first failure, g_free; NULL when every format was drawn */
} chart_out;

static char *samples_dir;
static char *tmpdir;

/* ---------------------------------------------------------------------------------------------
 * Drawing one chart
 * ------------------------------------------------------------------------------------------- */

static char *error_text(const char *what, tl_error *err)
{
    char *s = g_strdup_printf("%s: %s", what, err ? err->message : "failed");
    tl_error_free(err);
    return s;
}

static bool draw_to_memory(const tl_scene *scene, tl_format format, output *out, tl_error **err)
{
    char *bytes = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&bytes, &len);
    if (!fp) {
        free(bytes);
        return false;
    }
    bool ok = tl_render_to_stream(scene, format, NULL, fp, err);
    if (fclose(fp) != 0)
        ok = false;
    if (ok) {
        out->bytes = g_memdup2(bytes, len);
        out->len = len;
    }
    free(bytes);
    return ok;
}

static bool draw_to_file(const tl_scene *scene, tl_format format, const char *path, output *out,
                         tl_error **err)
{
    gchar *bytes = NULL;
    gsize len = 0;
    if (!tl_render_to_file(scene, format, NULL, path, err))
        return false;
    if (!g_file_get_contents(path, &bytes, &len, NULL))
        return false;
    g_unlink(path);
    out->bytes = bytes;
    out->len = len;
    return true;
}

/* Lays out chart `c` with `fonts` and draws it in every format. `file_tag` non-NULL: outputs
 * whose index and chart's add up to an odd number go through a file named after the tag. */
static void draw_chart(size_t c, tl_fonts *fonts, const char *file_tag, chart_out *res)
{
    tl_error *err = NULL;
    tl_layout_options *opts = NULL;
    tl_scene *scene = NULL;
    char *path = g_build_filename(samples_dir, samples[c], NULL);
    tl_timeline *tl = tl_timeline_load_csv_file(path, samples[c], NULL, &err);
    g_free(path);
    if (!tl) {
        res->error = error_text(samples[c], err);
        return;
    }
    opts = tl_layout_options_new();
    tl_layout_options_set_variant(opts, (tl_variant)(c % 3));
    tl_layout_options_set_theme(opts, (tl_theme)(c % 4));
    tl_layout_options_set_title(opts, samples[c]);
    scene = tl_layout(tl, opts, fonts, &err);
    if (!scene) {
        res->error = error_text(samples[c], err);
        goto done;
    }
    for (size_t f = 0; f < N_FORMATS && !res->error; f++) {
        bool ok;
        if (file_tag && (c + f) % 2) {
            char *name = g_strdup_printf("%s-%zu.%s", file_tag, c, format_names[f]);
            char *file = g_build_filename(tmpdir, name, NULL);
            ok = draw_to_file(scene, formats[f], file, &res->out[f], &err);
            g_free(file);
            g_free(name);
        } else {
            ok = draw_to_memory(scene, formats[f], &res->out[f], &err);
        }
        if (!ok)
            res->error = error_text(format_names[f], err);
    }

done:
    tl_scene_free(scene);
    tl_layout_options_free(opts);
    tl_timeline_free(tl);
}

static void chart_out_clear(chart_out *res)
{
    for (size_t f = 0; f < N_FORMATS; f++)
        g_free(res->out[f].bytes);
    g_free(res->error);
    memset(res, 0, sizeof *res);
}

/* ---------------------------------------------------------------------------------------------
 * Threads
 * ------------------------------------------------------------------------------------------- */

/* The threads wait for one another before drawing, so that they overlap. POSIX locks rather
 * than GLib's: ThreadSanitizer sees these, not GLib's own futex-based ones. */
typedef struct gate {
    pthread_mutex_t lock;
    pthread_cond_t opened;
    unsigned waiting;
    unsigned count;
} gate;

typedef struct worker {
    gate *gate;
    unsigned index, count; /* this thread draws the charts c with c % count == index */
    unsigned round;
    chart_out *results; /* N_CHARTS; each thread fills its own charts' entries */
    char *error;        /* the font context could not be made; g_free */
} worker;

static void gate_pass(gate *g)
{
    pthread_mutex_lock(&g->lock);
    if (++g->waiting == g->count)
        pthread_cond_broadcast(&g->opened);
    while (g->waiting < g->count)
        pthread_cond_wait(&g->opened, &g->lock);
    pthread_mutex_unlock(&g->lock);
}

static gpointer work(gpointer data)
{
    worker *w = data;
    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new(NULL, &err);
    gate_pass(w->gate);
    if (!fonts) {
        w->error = error_text("font context", err);
        return NULL;
    }
    char *tag = g_strdup_printf("r%u-t%u-of-%u", w->round, w->index, w->count);
    for (size_t c = w->index; c < N_CHARTS; c += w->count)
        draw_chart(c, fonts, tag, &w->results[c]);
    g_free(tag);
    tl_fonts_unref(fonts);
    return NULL;
}

/* Draws every chart on `n` threads at once and compares each output with `want`. Returns the
 * number of threads that ran. */
static unsigned run_threads(unsigned n, unsigned round, const chart_out *want)
{
    chart_out results[N_CHARTS] = {0};
    worker workers[MAX_THREADS] = {0};
    GThread *threads[MAX_THREADS];
    gate g = {.lock = PTHREAD_MUTEX_INITIALIZER, .opened = PTHREAD_COND_INITIALIZER, .count = n};

    for (unsigned t = 0; t < n; t++) {
        workers[t] =
            (worker){.gate = &g, .index = t, .count = n, .round = round, .results = results};
        char *name = g_strdup_printf("draw-%u", t);
        threads[t] = g_thread_new(name, work, &workers[t]);
        g_free(name);
    }
    for (unsigned t = 0; t < n; t++) {
        g_thread_join(threads[t]);
        tap_ok(!workers[t].error, "round %u, %u threads: thread %u made its font context", round, n,
               t);
        if (workers[t].error)
            tap_diag("%s", workers[t].error);
        g_free(workers[t].error);
    }

    for (size_t c = 0; c < N_CHARTS; c++) {
        bool same = !results[c].error;
        for (size_t f = 0; f < N_FORMATS && same; f++) {
            const output *a = &results[c].out[f], *b = &want[c].out[f];
            if (a->len != b->len || (a->len && memcmp(a->bytes, b->bytes, a->len) != 0)) {
                tap_diag("%s: %s differs (%zu bytes, alone %zu)", samples[c], format_names[f],
                         a->len, b->len);
                same = false;
            }
        }
        /* Charts no thread drew (a font context that failed) are reported above. */
        if (results[c].error || results[c].out[0].bytes)
            tap_ok(same, "round %u, %u threads: %s identical to the one-thread run in every format",
                   round, n, samples[c]);
        if (results[c].error)
            tap_diag("%s", results[c].error);
        chart_out_clear(&results[c]);
    }
    pthread_cond_destroy(&g.opened);
    pthread_mutex_destroy(&g.lock);
    return n;
}

int main(void)
{
    const char *srcdir = getenv("TL_TEST_SRCDIR");
    samples_dir = g_build_filename(srcdir ? srcdir : "tests", "..", "data", "samples", NULL);
    unsigned rounds = 2;
#ifdef __SANITIZE_THREAD__
    rounds = 1; /* ThreadSanitizer makes a round many times slower */
#endif
    if (getenv("TL_UNDER_VALGRIND"))
        rounds = 1;
    chart_out want[N_CHARTS] = {0};
    unsigned thread_runs = 0;
    int status;

    tl_error *err = NULL;
    tl_fonts *fonts = tl_fonts_new(NULL, &err);
    if (!fonts) {
        status = tap_skip_all(err ? err->message : "no font context");
        tl_error_free(err);
        g_free(samples_dir);
        return status;
    }
    tmpdir = g_dir_make_tmp("tl-threads-XXXXXX", NULL);
    if (!tmpdir) {
        tl_fonts_unref(fonts);
        g_free(samples_dir);
        return tap_skip_all("cannot make a temporary folder");
    }

    /* The reference: every chart, one after another, on this thread and into memory. */
    for (size_t c = 0; c < N_CHARTS; c++) {
        draw_chart(c, fonts, NULL, &want[c]);
        tap_ok(!want[c].error, "%s drawn alone in every format", samples[c]);
        if (want[c].error)
            tap_diag("%s", want[c].error);
    }
    tl_fonts_unref(fonts);

    for (unsigned r = 0; r < rounds; r++) {
        thread_runs += run_threads(2, r, want);
        thread_runs += run_threads(MAX_THREADS, r, want);
    }

    tap_ok(g_rmdir(tmpdir) == 0, "every output file was renamed into place and read back");
    tap_diag("thread runs: %u (%u rounds of 2 and %u threads, %zu charts in %zu formats each)",
             thread_runs, rounds, MAX_THREADS, N_CHARTS, N_FORMATS);
    for (size_t c = 0; c < N_CHARTS; c++)
        chart_out_clear(&want[c]);
    g_free(tmpdir);
    g_free(samples_dir);
    return tap_done();
}
