/* Layout cost alone: loads a CSV once, then lays it out with each variant several times with
 * the fixed measurer (so text shaping is left out) and prints the median wall time of the
 * layout step. Usage: bench-layout FILE.csv [RUNS]. Run by `meson benchmark` on data from
 * ../shared/bench/gen_events.py when that is present. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fonts/measure-fixed.h"
#include "layouts/layout.h"
#include "scene/scene.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench-layout FILE.csv [RUNS]\n");
        return 64;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    tl_error *err = NULL;
    double t0 = now();
    tl_timeline *tl = tl_timeline_load_csv_file(argv[1], NULL, NULL, &err);
    double load = now() - t0;
    if (!tl) {
        fprintf(stderr, "%s\n", err->message);
        tl_error_free(err);
        return 65;
    }
    printf("%s: %zu events, load %.3f s\n", argv[1], tl_timeline_get_event_count(tl), load);
    static const struct {
        tl_variant variant;
        const char *name;
    } variants[] = {{TL_VARIANT_RIBBON, "ribbon"},
                    {TL_VARIANT_LANES, "lanes"},
                    {TL_VARIANT_VERTICAL, "vertical"}};
    tl_text_measurer m = tl_measure_fixed();
    int status = 0;
    for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
        tl_layout_options *o = tl_layout_options_new();
        tl_layout_options_set_variant(o, variants[v].variant);
        double *times = malloc((size_t)runs * sizeof *times);
        size_t ops = 0;
        for (int r = 0; r < runs; r++) {
            double a = now();
            tl_scene *s = tl_layout_run(tl, o, &m, &err);
            times[r] = now() - a;
            if (!s) {
                fprintf(stderr, "%s: %s\n", variants[v].name, err->message);
                tl_error_free(err);
                err = NULL;
                status = 1;
                break;
            }
            ops = s->op_count;
            tl_scene_free(s);
        }
        qsort(times, (size_t)runs, sizeof *times, cmp_double);
        printf("  layout %-8s median %.3f s over %d runs (%zu scene ops)\n", variants[v].name,
               times[runs / 2], runs, ops);
        free(times);
        tl_layout_options_free(o);
    }
    tl_timeline_free(tl);
    return status;
}
