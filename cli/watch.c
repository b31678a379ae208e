/* --watch: render, then render again whenever a file the chart is made of changes (an input,
 * a style file, a --holidays file, a font in a --font-dir folder), until Ctrl-C.
 *
 * Each file is watched through its folder, not itself: editors save by writing a new file and
 * renaming it over the old one, or by deleting and creating it again, and a monitor on the
 * file alone would follow the old one away. Events come in bursts (a save is several writes,
 * a rename two names), so a render waits until the folder has been quiet for SETTLE_MS.
 * Every run reads the options afresh, as a new process would, so the output is the one the
 * same command without --watch writes; a failing run leaves the last good output in place
 * (outputs are written to a temporary file and renamed). */
#include <gio/gio.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { SETTLE_MS = 150 };

typedef struct watcher {
    int argc;
    char **argv;
    cli_run_fn run;
    GHashTable *monitors; /* folder -> GFileMonitor */
    GHashTable *files;    /* the files that count, absolute */
    GHashTable *folders;  /* folders any change in which counts (font folders), absolute */
    GMainLoop *loop;
    guint settle;    /* the pending render, 0 for none */
    char *last_good; /* the wall-clock time of the last good render, or NULL */
} watcher;

static void schedule(watcher *w);

static bool counts(const watcher *w, GFile *file)
{
    if (!file)
        return false;
    char *path = g_file_get_path(file);
    if (!path)
        return false;
    char *folder = g_path_get_dirname(path);
    const bool yes = g_hash_table_contains(w->files, path) ||
                     g_hash_table_contains(w->folders, path) ||
                     g_hash_table_contains(w->folders, folder);
    g_free(folder);
    g_free(path);
    return yes;
}

static void on_changed(GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                       gpointer user)
{
    (void)monitor;
    watcher *w = user;
    /* A deleted file is followed when it comes back; attributes change no chart. */
    const bool written =
        event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
        event == G_FILE_MONITOR_EVENT_CREATED || event == G_FILE_MONITOR_EVENT_MOVED_IN;
    /* RENAMED: a file renamed in the folder, perhaps over a watched one. */
    if ((written && counts(w, file)) || (event == G_FILE_MONITOR_EVENT_RENAMED && counts(w, other)))
        schedule(w);
}

/* Watches `path`'s folder (or, for a folder, itself) from now on. */
static void watch_path(watcher *w, const char *path, bool folder)
{
    char *abs = g_canonicalize_filename(path, NULL);
    char *dir = folder ? g_strdup(abs) : g_path_get_dirname(abs);
    g_hash_table_add(folder ? w->folders : w->files, abs);
    if (g_hash_table_contains(w->monitors, dir)) {
        g_free(dir);
        return;
    }
    GFile *f = g_file_new_for_path(dir);
    GError *gerr = NULL;
    GFileMonitor *m = g_file_monitor_directory(f, G_FILE_MONITOR_WATCH_MOVES, NULL, &gerr);
    g_object_unref(f);
    if (!m) {
        fprintf(stderr, "timeline: warning: cannot watch %s: %s\n", dir, gerr->message);
        g_error_free(gerr);
        g_free(dir);
        return;
    }
    g_signal_connect(m, "changed", G_CALLBACK(on_changed), w);
    g_hash_table_insert(w->monitors, dir, m);
}

static const char *status_meaning(int status)
{
    switch (status) {
    case 64:
        return "usage";
    case 65:
        return "data error";
    case 66:
        return "cannot open input";
    case 73:
        return "cannot create output";
    case 74:
        return "I/O error";
    case 78:
        return "fonts unusable";
    default:
        return "internal failure";
    }
}

/* The one line a render gets. */
static void report(watcher *w, const cli_outcome *o, double ms)
{
    GDateTime *now = g_date_time_new_now_local();
    char *clock = g_date_time_format(now, "%H:%M:%S");
    g_date_time_unref(now);
    if (o->status == 0) {
        char *what = o->check         ? g_strdup("checked")
                     : o->output      ? g_strdup_printf("rendered %s", o->output)
                     : o->charts == 1 ? g_strdup("rendered 1 chart")
                                      : g_strdup_printf("rendered %zu charts", o->charts);
        fprintf(stderr, "timeline: %s %s in %.0f ms", clock, what, ms);
        if (o->warnings)
            fprintf(stderr, ", %zu warning%s", o->warnings, o->warnings == 1 ? "" : "s");
        fputs("; watching for changes (Ctrl-C to stop)\n", stderr);
        g_free(what);
        g_free(w->last_good);
        w->last_good = clock;
        return;
    }
    fprintf(stderr, "timeline: %s failed (%s, exit %d)", clock, status_meaning(o->status),
            o->status);
    if (!o->check && w->last_good)
        fprintf(stderr, "; the output of %s is kept", w->last_good);
    else if (!o->check)
        fputs("; nothing written yet", stderr);
    fputs("; watching for changes\n", stderr);
    g_free(clock);
}

static gboolean render_now(gpointer user)
{
    watcher *w = user;
    w->settle = 0;
    cli_outcome o = {.files = g_ptr_array_new_with_free_func(g_free),
                     .folders = g_ptr_array_new_with_free_func(g_free)};
    const gint64 t0 = g_get_monotonic_time();
    w->run(w->argc, w->argv, &o);
    report(w, &o, (double)(g_get_monotonic_time() - t0) / 1000.0);
    fflush(stderr);
    /* A style file may name new files; the old ones stay watched (a broken edit may drop
     * one that its fix brings back). */
    for (guint i = 0; i < o.files->len; i++)
        watch_path(w, o.files->pdata[i], false);
    for (guint i = 0; i < o.folders->len; i++)
        watch_path(w, o.folders->pdata[i], true);
    g_ptr_array_free(o.files, TRUE);
    g_ptr_array_free(o.folders, TRUE);
    g_free(o.output);
    return G_SOURCE_REMOVE;
}

static void schedule(watcher *w)
{
    if (w->settle)
        g_source_remove(w->settle);
    w->settle = g_timeout_add(SETTLE_MS, render_now, w);
}

static gboolean on_quit(gpointer user)
{
    watcher *w = user;
    g_main_loop_quit(w->loop);
    return G_SOURCE_CONTINUE;
}

int cli_watch(int argc, char **argv, cli_run_fn run)
{
    watcher w = {
        .argc = argc,
        .argv = argv,
        .run = run,
        .monitors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref),
        .files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .folders = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .loop = g_main_loop_new(NULL, FALSE),
    };
    /* Ctrl-C between renders ends the watch with 0; one during a render waits for it, so no
     * temporary file is left behind and the output is whole. */
    const guint sigint = g_unix_signal_add(SIGINT, on_quit, &w);
    const guint sigterm = g_unix_signal_add(SIGTERM, on_quit, &w);
    render_now(&w);
    g_main_loop_run(w.loop);
    g_source_remove(sigint);
    g_source_remove(sigterm);
    if (w.settle)
        g_source_remove(w.settle);
    g_main_loop_unref(w.loop);
    g_hash_table_destroy(w.monitors);
    g_hash_table_destroy(w.files);
    g_hash_table_destroy(w.folders);
    g_free(w.last_good);
    return 0;
}
