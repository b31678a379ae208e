/* The out-of-memory policy, tested as SQLite tests its own: for every allocation a small render
 * makes (a 3-event CSV loaded from a file, laid out, written as SVG, PNG, PDF and JSON, and the
 * font context made for it), a child process makes exactly that allocation fail. Each child
 * either succeeds (the failure point is past the last allocation) or aborts (SIGABRT) with
 * exactly the documented line on stderr, never another signal, never an exit without the line,
 * and the output path then holds nothing, or the complete file a good render writes (compared
 * byte for byte).
 *
 * The failures the library reports instead of aborting are injected where they can be: a
 * Cairo image surface that cannot get its pixels (an address-space limit in the child makes
 * Cairo's allocation fail) gives an error, from tl_render_to_file() and tl_render_to_cairo().
 * libcsv's CSV_ENOMEM cannot happen: its buffers are grown with tl_xrealloc(), so it is one of
 * the swept failure points. libpng's allocations are its own (they longjmp to the writer's
 * error path) and are not injected.
 *
 * Every failure point is swept up to SWEEP_ALL, then one in SWEEP_STRIDE (a small render
 * makes far fewer). Skips under valgrind (a fork and an abort per point is too slow there);
 * under AddressSanitizer the address-space limit is skipped (its shadow memory needs more). */
#define _DEFAULT_SOURCE /* mkdtemp() */

#include <dirent.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <glib.h>

#include "common/tl-alloc.h"
#include "tap.h"
#include "test-util.h"
#include "timeline/timeline-cairo.h"
#include "timeline/timeline.h"

/* AddressSanitizer and ThreadSanitizer both reserve shadow memory: under either, a limit on
 * the address space makes the sanitizer's own allocator fail first. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif
#ifndef UNDER_SANITIZER
#define UNDER_SANITIZER 0
#endif

enum { SWEEP_ALL = 2000, SWEEP_STRIDE = 7, CHILD_SECONDS = 20 };

/* What the wrappers print before they abort (common/tl-alloc.c; docs/library.md). */
static const char OOM_LINE[] = "^timeline: out of memory \\(allocating [0-9]+ bytes\\)\n$";

static const char CSV[] = "title,start,end,group\n"
                          "Founding,1901-03-04,,People\n"
                          "Long war,1914-07-28,1918-11-11,Wars\n"
                          "Moon landing,1969-07-20,,Science\n";

static char *dir, *csv_path, *err_path;
static tl_fonts *fonts;
static regex_t oom_line;

/* ---------------------------------------------------------------------------------------------
 * One render
 * ------------------------------------------------------------------------------------------- */

/* Loads, lays out and writes `path` in `format`, as a program embedding the library does with
 * a font context it keeps. */
static bool render(tl_format format, const char *path, double dpi, tl_error **err)
{
    bool ok = false;
    tl_layout_options *lo = tl_layout_options_new();
    tl_render_options *ro = tl_render_options_new();
    tl_scene *scene = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(csv_path, "events.csv", NULL, err);
    if (!tl)
        goto fail;
    scene = tl_layout(tl, lo, fonts, err);
    if (!scene)
        goto fail;
    if (dpi > 0)
        tl_render_options_set_dpi(ro, dpi);
    ok = tl_render_to_file(scene, format, ro, path, err);
fail:
    tl_scene_free(scene);
    tl_timeline_free(tl);
    tl_render_options_free(ro);
    tl_layout_options_free(lo);
    return ok;
}

/* The font context alone, made and dropped. */
static bool make_fonts(tl_error **err)
{
    tl_fonts *f = tl_fonts_new(NULL, err);
    const bool ok = f != NULL;
    tl_fonts_unref(f);
    return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Children
 * ------------------------------------------------------------------------------------------- */

typedef struct job {
    const char *name;
    tl_format format; /* -1: the font context */
    char *out;        /* the output path */
    char *want;       /* the complete output */
    size_t want_len;
} job;

/* Runs the job in a child whose nth allocation fails (0: none) and whose stderr goes to
 * err_path; returns the wait status. */
static int run_child(const job *j, unsigned long n)
{
    fflush(NULL);
    const pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        const int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || dup2(fd, 2) < 0)
            _exit(90);
        alarm(CHILD_SECONDS);
        tl_alloc_set_fail_after(n);
        tl_error *err = NULL;
        const bool ok = (int)j->format < 0 ? make_fonts(&err) : render(j->format, j->out, 0, &err);
        if (ok)
            fprintf(stderr, "allocations: %lu\n", tl_alloc_get_count());
        else
            fprintf(stderr, "error: %s\n", err ? err->message : "(none)");
        tl_error_free(err);
        _exit(ok ? 0 : 3);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        ;
    return status;
}

/* The hidden temporary files a killed render leaves in `dir`: counted, then removed. */
static int sweep_temp_files(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] != '.' || !strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *p = g_strdup_printf("%s/%s", dir, e->d_name);
        remove(p);
        g_free(p);
        n++;
    }
    if (d)
        closedir(d);
    return n;
}

/* Checks one child; false (with a diagnostic) when it broke the policy. */
static bool judge(const job *j, unsigned long n, unsigned long count, int status)
{
    char *msg = test_read_file(err_path, NULL);
    size_t got_len = 0;
    char *got = j->out ? test_read_file(j->out, &got_len) : NULL;
    const char *why = NULL;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT) {
        if (!msg || regexec(&oom_line, msg, 0, NULL, 0) != 0)
            why = "aborted without exactly the out-of-memory line";
    } else if (WIFSIGNALED(status)) {
        why = "killed by another signal";
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        why = "exited without the out-of-memory line";
    } else if (n != 0 && n <= count) {
        why = "succeeded although an allocation failed";
    }
    if (!why && got && (got_len != j->want_len || memcmp(got, j->want, got_len) != 0))
        why = "left a partial or wrong output file";
    if (!why && !got && j->out && WIFEXITED(status))
        why = "succeeded without writing its output";
    if (why)
        tap_diag("%s, allocation %lu: %s (status %#x; stderr: %s)", j->name, n, why, status,
                 msg ? msg : "");
    free(msg);
    free(got);
    if (j->out)
        remove(j->out);
    return why == NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Sweeps
 * ------------------------------------------------------------------------------------------- */

static void sweep(job *j)
{
    /* A first run in this process warms what the children inherit (font caches); the count
     * comes from a child, which starts from that state as every other does. */
    tl_alloc_set_fail_after(0);
    tl_error *err = NULL;
    const bool ok = (int)j->format < 0 ? make_fonts(&err) : render(j->format, j->out, 0, &err);
    if (!tap_ok(ok, "%s: a good run succeeds", j->name)) {
        tap_diag("%s", err ? err->message : "");
        tl_error_free(err);
        return;
    }
    unsigned long count = 0;
    const int status = run_child(j, 0);
    char *msg = test_read_file(err_path, NULL);
    const bool counted = WIFEXITED(status) && WEXITSTATUS(status) == 0 && msg &&
                         sscanf(msg, "allocations: %lu", &count) == 1 && count > 0;
    if (!tap_ok(counted, "%s: a good run in a child makes %lu allocations", j->name, count)) {
        free(msg);
        return;
    }
    free(msg);
    if (j->out) {
        j->want = test_read_file(j->out, &j->want_len);
        remove(j->out);
    }
    unsigned long swept = 0, bad = 0, aborted = 0;
    for (unsigned long n = 1; n <= count + 1; n += n < SWEEP_ALL ? 1 : SWEEP_STRIDE) {
        const int st = run_child(j, n);
        swept++;
        if (WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT)
            aborted++;
        if (!judge(j, n, count, st) && ++bad >= 5)
            break;
    }
    const int temps = sweep_temp_files();
    tap_ok(bad == 0,
           "%s: %lu failure points swept, each aborted with the message (%lu) or "
           "succeeded, the output absent or complete",
           j->name, swept, aborted);
    tap_diag("%s: failure points swept: %lu of %lu allocations (%d hidden temporary files left "
             "by aborted writes, as by any kill)",
             j->name, swept, count, temps);
    /* The same again without a failure: the hook itself changes nothing. */
    tap_ok(judge(j, 0, count, run_child(j, 0)), "%s: the render without a failure succeeds",
           j->name);
}

/* ---------------------------------------------------------------------------------------------
 * Errors, not aborts: Cairo out of memory
 * ------------------------------------------------------------------------------------------- */

/* Limits the child's address space to what it uses now and a little more, so that Cairo's
 * image surface (hundreds of megabytes) cannot get its pixels. */
static bool limit_address_space(void)
{
    FILE *fp = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    const bool read = fp && fscanf(fp, "%lu", &pages) == 1;
    if (fp)
        fclose(fp);
    if (!read)
        return false;
    const rlim_t now = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE);
    const struct rlimit rl = {now + ((rlim_t)96 << 20), now + ((rlim_t)96 << 20)};
    return setrlimit(RLIMIT_AS, &rl) == 0;
}

/* In a child: 0 when the big PNG failed with an out-of-memory error and left no file, 1 when
 * it did not, 2 when the limit cannot be set. */
static int big_png_child(const char *path)
{
    if (!limit_address_space())
        return 2;
    tl_error *err = NULL;
    /* 1500 dpi: about 19000 by 4000 pixels, some 300 MB. */
    const bool ok = render(TL_FORMAT_PNG, path, 1500, &err);
    fprintf(stderr, "%s\n", err ? err->message : "(no error)");
    const bool good = !ok && err && err->code == TL_ERROR_INTERNAL &&
                      strstr(err->message, "out of memory") && access(path, F_OK) != 0;
    tl_error_free(err);
    return good ? 0 : 1;
}

/* In a child: tl_render_to_cairo() onto a context whose surface had no memory. */
static int cairo_child(void)
{
    if (!limit_address_space())
        return 2;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 30000, 30000);
    if (cairo_surface_status(s) != CAIRO_STATUS_NO_MEMORY)
        return 2;
    cairo_t *cr = cairo_create(s);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(csv_path, NULL, NULL, NULL);
    tl_layout_options *lo = tl_layout_options_new();
    tl_scene *scene = tl ? tl_layout(tl, lo, fonts, NULL) : NULL;
    tl_layout_options_free(lo);
    const bool ok = scene && tl_render_to_cairo(scene, cr, &err);
    fprintf(stderr, "%s\n", err ? err->message : "(no error)");
    const bool good = scene && !ok && err && err->code == TL_ERROR_INTERNAL &&
                      strstr(err->message, "out of memory");
    tl_error_free(err);
    tl_scene_free(scene);
    tl_timeline_free(tl);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return good ? 0 : 1;
}

static void cairo_errors(void)
{
    if (UNDER_SANITIZER) {
        tap_diag("Cairo out of memory: not injected under a sanitizer (its shadow memory needs "
                 "the address space the limit takes away)");
        return;
    }
    char *path = g_strdup_printf("%s/big.png", dir);
    for (int which = 0; which < 2; which++) {
        fflush(NULL);
        const pid_t pid = fork();
        if (pid == 0) {
            const int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0 || dup2(fd, 2) < 0)
                _exit(90);
            alarm(CHILD_SECONDS);
            _exit(which == 0 ? big_png_child(path) : cairo_child());
        }
        int status = -1;
        while (pid > 0 && waitpid(pid, &status, 0) < 0)
            ;
        char *msg = test_read_file(err_path, NULL);
        g_strchomp(msg ? msg : (char *)"");
        const char *what = which == 0 ? "tl_render_to_file() of a PNG whose pixels Cairo cannot "
                                        "allocate"
                                      : "tl_render_to_cairo() onto a surface without memory";
        if (WIFEXITED(status) && WEXITSTATUS(status) == 2)
            tap_diag("%s: not injected (the address-space limit does not take)", what);
        else
            tap_ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                   "%s: an error, no file, no abort (status %#x: %s)", what, status,
                   msg ? msg : "");
        free(msg);
    }
    tap_ok(sweep_temp_files() == 0, "the failed PNG left no temporary file");
    g_free(path);
}

int main(void)
{
    if (getenv("TL_UNDER_VALGRIND"))
        return tap_skip_all("a fork and an abort per failure point is too slow under valgrind");
    tl_error *err = NULL;
    fonts = tl_fonts_new(NULL, &err);
    if (!fonts) {
        tap_diag("%s", err->message);
        tl_error_free(err);
        return tap_skip_all("no usable fonts");
    }
    char *base = test_temp_path("alloc-fail");
    char *tmpl = g_strdup_printf("%s.d.XXXXXX", base);
    dir = mkdtemp(tmpl);
    if (!dir || regcomp(&oom_line, OOM_LINE, REG_EXTENDED | REG_NOSUB) != 0) {
        remove(base);
        return tap_skip_all("cannot make a temporary folder");
    }
    csv_path = g_strdup_printf("%s.csv", base);
    err_path = g_strdup_printf("%s.stderr", base);
    tap_ok(test_write_file(csv_path, CSV, sizeof CSV - 1), "the CSV is written");

    job jobs[] = {
        {"svg", TL_FORMAT_SVG, g_strdup_printf("%s/out.svg", dir), NULL, 0},
        {"png", TL_FORMAT_PNG, g_strdup_printf("%s/out.png", dir), NULL, 0},
        {"pdf", TL_FORMAT_PDF, g_strdup_printf("%s/out.pdf", dir), NULL, 0},
        {"json", TL_FORMAT_JSON, g_strdup_printf("%s/out.json", dir), NULL, 0},
        {"fonts", (tl_format)-1, NULL, NULL, 0},
    };
    for (size_t i = 0; i < sizeof jobs / sizeof *jobs; i++) {
        sweep(&jobs[i]);
        free(jobs[i].want);
        g_free(jobs[i].out);
    }
    cairo_errors();

    tl_fonts_unref(fonts);
    regfree(&oom_line);
    remove(csv_path);
    remove(err_path);
    remove(base);
    rmdir(dir);
    g_free(csv_path);
    g_free(err_path);
    g_free(tmpl);
    free(base);
    return tap_done();
}
