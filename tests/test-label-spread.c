/* Labels spread over the whole time range, with level of detail, in every layout (fixed
 * measurer): on data of even density the longest stretch of time with no labelled event is at
 * most 3 times the even share (range / labels); on data with bursts and empty years, the same
 * holds of the years that have events, no burst takes the labels, and an important event
 * still gets its label wherever it is; the density strip shows the bursts, and says what its
 * tallest bar counts. A label hangs at its event's anchor: a span's start, a
 * point's date (the middle of its interval), as bench/label-spread.py measures it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "fonts/measure-fixed.h"
#include "layouts/layout.h"
#include "scene/scene.h"
#include "tap.h"
#include "test-util.h"

static const double YEAR = 365.2425 * 86400;

static unsigned long next(unsigned long *state)
{
    *state = *state * 6364136223846793005ul + 1442695040888963407ul;
    return (*state >> 33) & 0x7fffffff;
}

/* A window of years with a given treatment: a burst (many events in a quarter) or a gap. */
typedef struct window {
    int year;
    double from, to; /* years since 1970, for the checks */
} window;

static const window BURSTS[] = {{1985, 15.0, 15.25}, {2000, 30.0, 30.25}, {2015, 45.0, 45.25}};
static const window GAPS[] = {{1990, 20.0, 23.0}, {2005, 35.0, 38.0}};

static void add_event(tl_buf *b, unsigned long *state, int year, int month, int day,
                      const char *title, int importance)
{
    tl_buf_printf(b, "%04d-%02d-%02d,", year, month, day);
    if (next(state) % 10 < 3) /* a third are spans, up to two years long */
        tl_buf_printf(b, "%04d-%02d-%02d", year + (int)(next(state) % 3), month, day);
    static const char *const groups[] = {"Research", "Engineering", "Operations", "Policy",
                                         "Community"};
    tl_buf_printf(b, ",%s,%s,%d\n", title, groups[next(state) % 5], importance);
}

static bool in_gap(int year)
{
    for (size_t g = 0; g < sizeof GAPS / sizeof *GAPS; g++)
        if (year >= GAPS[g].year && year < GAPS[g].year + 3)
            return true;
    return false;
}

/* `n` events of even density from 1975 to 2024; with `bursts`, none in the gap years, and a
 * fifth of them more in a quarter of each burst year; an important event in 1977. */
static char *generate(size_t n, bool bursts)
{
    tl_buf b = TL_BUF_INIT;
    unsigned long state = 7;
    char title[64];
    tl_buf_append_str(&b, "start,end,title,group,importance\n");
    for (size_t i = 0; i < n;) {
        int year = 1975 + (int)(next(&state) % 50);
        if (bursts && in_gap(year))
            continue;
        snprintf(title, sizeof title, "Event %zu of the steady years", i++);
        add_event(&b, &state, year, 1 + (int)(next(&state) % 12), 1 + (int)(next(&state) % 28),
                  title, 3);
    }
    for (size_t k = 0; bursts && k < sizeof BURSTS / sizeof *BURSTS; k++)
        for (size_t i = 0; i < n / 5; i++) {
            snprintf(title, sizeof title, "Burst %zu event %zu", k, i);
            add_event(&b, &state, BURSTS[k].year, 1 + (int)(next(&state) % 3),
                      1 + (int)(next(&state) % 28), title, 3);
        }
    add_event(&b, &state, 1977, 6, 15, "The one important event", 5);
    return tl_buf_steal(&b);
}

static double anchor(const tl_scene_event *e)
{
    const double lo = (double)e->start_time.lo, hi = (double)e->start_time.hi;
    return e->end ? lo : (lo + hi) / 2;
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The part of [a, b] (seconds) not in a gap. */
static double outside_gaps(double a, double b, bool gaps)
{
    double len = b - a;
    for (size_t g = 0; gaps && g < sizeof GAPS / sizeof *GAPS; g++) {
        double g0 = GAPS[g].from * YEAR, g1 = GAPS[g].to * YEAR;
        len -= fmax(0, fmin(b, g1) - fmax(a, g0));
    }
    return len;
}

typedef struct spread {
    size_t labels, in_bursts;
    double ratio; /* the longest bare stretch against range / labels */
    bool important;
} spread;

static spread measure(const tl_scene *s, bool gaps)
{
    spread r = {0};
    double *x = malloc((s->event_count + 2) * sizeof *x);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < s->event_count; i++) {
        const tl_scene_event e_at = tl_scene_event_at(s, i), *e = &e_at;
        const double a = anchor(e);
        lo = fmin(lo, a);
        hi = fmax(hi, a);
        if (!e->placed)
            continue;
        x[r.labels++] = a;
        r.important = r.important || strcmp(e->title, "The one important event") == 0;
        for (size_t k = 0; k < sizeof BURSTS / sizeof *BURSTS; k++)
            r.in_bursts += a >= BURSTS[k].from * YEAR && a < BURSTS[k].to * YEAR;
    }
    qsort(x, r.labels, sizeof *x, cmp_double);
    double longest = 0, prev = lo;
    for (size_t k = 0; k <= r.labels; k++) {
        const double at = k < r.labels ? x[k] : hi;
        longest = fmax(longest, outside_gaps(prev, at, gaps));
        prev = at;
    }
    const double even = outside_gaps(lo, hi, gaps) / (double)(r.labels ? r.labels : 1);
    r.ratio = longest / even;
    free(x);
    return r;
}

static int cmp_size(const void *a, const void *b)
{
    const size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* The density strip (the ribbon's, or the lanes' together): its bins stand out in the bursts,
 * the tallest three at least 5 times the median bin that has events, and a text (the ribbon's
 * note, the others' legend) names the tallest count. */
static void check_strip(const char *layout, const tl_scene *s)
{
    size_t *counts = malloc((s->op_count + 1) * sizeof *counts), n = 0, tallest = 0;
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].role == TL_ROLE_DENSITY && s->ops[i].u.rect.count > 0) {
            counts[n++] = s->ops[i].u.rect.count;
            tallest = s->ops[i].u.rect.count > tallest ? s->ops[i].u.rect.count : tallest;
        }
    qsort(counts, n, sizeof *counts, cmp_size);
    tap_ok(n > 10 && counts[n - 3] >= 5 * counts[n / 2],
           "bursts, %s: the strip's tallest bins (%zu) stand out of its median (%zu)", layout,
           n ? counts[n - 3] : 0, n ? counts[n / 2] : 0);
    char want[64];
    snprintf(want, sizeof want, "tallest bar: %zu", tallest);
    bool named = false;
    for (size_t i = 0; i < s->op_count; i++)
        named = named || (s->ops[i].kind == TL_OP_TEXT && strstr(s->ops[i].u.text.text, want));
    tap_ok(named, "bursts, %s: the chart says \"%s\"", layout, want);
    free(counts);
}

static void check(const char *data_name, const char *csv, bool bursts)
{
    static const struct {
        const char *name;
        tl_variant variant;
    } layouts[] = {{"ribbon", TL_VARIANT_RIBBON},
                   {"lanes", TL_VARIANT_LANES},
                   {"vertical", TL_VARIANT_VERTICAL}};
    tl_timeline *tl = test_load_csv(csv, "spread.csv");
    for (size_t l = 0; tl && l < sizeof layouts / sizeof *layouts; l++) {
        tl_layout_options *o = tl_layout_options_new();
        tl_layout_options_set_variant(o, layouts[l].variant);
        tl_text_measurer m = tl_measure_fixed();
        tl_scene *s = tl_layout_run(tl, o, &m, NULL);
        if (!tap_ok(s != NULL, "%s, %s: laid out", data_name, layouts[l].name)) {
            tl_layout_options_free(o);
            continue;
        }
        spread r = measure(s, bursts);
        tap_ok(r.labels >= 20 && r.ratio <= 3,
               "%s, %s: %zu labels, the longest bare stretch %.2f times the even share", data_name,
               layouts[l].name, r.labels, r.ratio);
        tap_ok(r.important, "%s, %s: the important event keeps its label", data_name,
               layouts[l].name);
        if (bursts)
            check_strip(layouts[l].name, s);
        if (bursts)
            tap_ok(r.in_bursts * 5 <= r.labels,
                   "%s, %s: bursts (3 quarters with a third of the events) take %zu of the "
                   "labels",
                   data_name, layouts[l].name, r.in_bursts);
        tl_scene_free(s);
        tl_layout_options_free(o);
    }
    tl_timeline_free(tl);
}

int main(void)
{
    char *even = generate(6000, false);
    check("even density", even, false);
    free(even);
    char *bursty = generate(5000, true);
    check("bursts and gaps", bursty, true);
    free(bursty);
    return tap_done();
}
