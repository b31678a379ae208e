/* Level of detail, with the fixed measurer, for each layout: a timeline of 50,000 generated
 * events gets a bounded number of text ops and scene ops, no text over other text, nothing
 * outside the canvas, density bins whose counts add up to the events summarised (and every
 * event either labelled or summarised), a legend that says so, labels that go to the most
 * important events first, and the same scene every time. Below the labels' capacity nothing
 * is summarised and every event is labelled. With estimates (exact, too narrow, too wide),
 * only labels that are drawn are measured, and each is drawn at its measured size. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "common/tl-strv.h"
#include "data/model-private.h"
#include "fonts/measure-fixed.h"
#include "layouts/density.h"
#include "layouts/layout.h"
#include "layouts/options-private.h"
#include "scene/scene.h"
#include "tap.h"
#include "test-util.h"

enum { MANY = 50000, CROWDED = 400, FEW = 12, KEY_EVENTS = 20, MAX_TEXTS = 400, MAX_OPS = 12000 };
static const double EPS = 0.01;

/* ---------------------------------------------------------------------------------------------
 * Data: a deterministic generator (an LCG), so the test needs no file
 * ------------------------------------------------------------------------------------------- */

static unsigned long next(unsigned long *state)
{
    *state = *state * 6364136223846793005ul + 1442695040888963407ul;
    return (*state >> 33) & 0x7fffffff;
}

static const char *const WORDS[] = {"launch", "review", "summit", "audit",  "merger", "survey",
                                    "outage", "patch",  "treaty", "budget", "report", "grant"};
static const char *const GROUPS[] = {"Research", "Engineering", "Operations", "Policy",
                                     "Community"};

/* `n` events from 1975 to 2024, a third of them spans, importance 1 to 3, except (for n of
 * 1,000 or more) KEY_EVENTS spread over the years with importance 5 and titles "Key event N". */
static char *generate(size_t n)
{
    tl_buf b = TL_BUF_INIT;
    unsigned long state = 42;
    const size_t step = n / KEY_EVENTS;
    tl_buf_append_str(&b, "start,end,title,group,importance\n");
    for (size_t i = 0; i < n; i++) {
        const bool key = n >= 1000 && i % step == 0 && i / step < KEY_EVENTS;
        int year = 1975 + (int)(next(&state) % 50), month = 1 + (int)(next(&state) % 12),
            day = 1 + (int)(next(&state) % 28);
        if (key)
            year = 1976 + (int)(i / step) * 48 / KEY_EVENTS;
        tl_buf_printf(&b, "%04d-%02d-%02d,", year, month, day);
        if (next(&state) % 3 == 0)
            tl_buf_printf(&b, "%04d-%02d-%02d", year + (int)(next(&state) % 3), month, day);
        if (key)
            tl_buf_printf(&b, ",Key event %zu", i / step);
        else
            tl_buf_printf(&b, ",%s %s %zu", WORDS[next(&state) % 12], WORDS[next(&state) % 12], i);
        tl_buf_printf(&b, ",%s,%d\n", GROUPS[next(&state) % 5],
                      key ? 5 : 1 + (int)(next(&state) % 3));
    }
    return tl_buf_steal(&b);
}

static tl_scene *run(const tl_timeline *tl, tl_variant variant)
{
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_variant(o, variant);
    tl_text_measurer m = tl_measure_fixed();
    tl_error *err = NULL;
    tl_scene *s = tl_layout_run(tl, o, &m, &err);
    if (!s) {
        tap_diag("layout: %s", err->message);
        tl_error_free(err);
    }
    tl_layout_options_free(o);
    return s;
}

/* ---------------------------------------------------------------------------------------------
 * Checks
 * ------------------------------------------------------------------------------------------- */

static bool overlap(const tl_text_op *a, const tl_text_op *b)
{
    return a->x < b->x + b->w - EPS && b->x < a->x + a->w - EPS && a->y < b->y + b->h - EPS &&
           b->y < a->y + a->h - EPS;
}

static bool outside_canvas(const tl_scene *s, const tl_op *op)
{
    double box[4];
    tl_scene_op_bbox(op, box);
    return box[0] < -EPS || box[1] < -EPS || box[0] + box[2] > s->width + EPS ||
           box[1] + box[3] > s->height + EPS;
}

/* The texts before op i (a text) that it overlaps. */
static size_t overlaps_before(const tl_scene *s, size_t i)
{
    size_t n = 0;
    for (size_t j = 0; j < i; j++)
        n += s->ops[j].kind == TL_OP_TEXT && overlap(&s->ops[i].u.text, &s->ops[j].u.text);
    return n;
}

/* Texts that overlap another, and ops that leave the canvas. */
static void count_faults(const tl_scene *s, size_t *overlaps, size_t *outside)
{
    *overlaps = *outside = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        *outside += outside_canvas(s, &s->ops[i]);
        if (s->ops[i].kind == TL_OP_TEXT)
            *overlaps += overlaps_before(s, i);
    }
}

static void check_many(const char *name, const tl_timeline *tl, tl_variant variant)
{
    tl_scene *s = run(tl, variant);
    if (!tap_ok(s != NULL, "%s: 50,000 events lay out", name))
        return;

    size_t texts = 0, density_ops = 0, density_sum = 0, outside = 0, overlaps = 0, tallest = 0;
    const char *legend = NULL;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        outside += outside_canvas(s, op);
        if (op->kind == TL_OP_RECT && op->role == TL_ROLE_DENSITY) {
            density_ops++;
            density_sum += op->u.rect.count;
            tallest = op->u.rect.count > tallest ? op->u.rect.count : tallest;
        }
        if (op->kind != TL_OP_TEXT)
            continue;
        texts++;
        if (op->role == TL_ROLE_LEGEND && strstr(op->u.text.text, "shown as density"))
            legend = op->u.text.text;
        overlaps += overlaps_before(s, i);
    }
    tap_ok(texts > 20 && texts <= MAX_TEXTS, "%s: %zu text ops (at most %d)", name, texts,
           MAX_TEXTS);
    tap_ok(s->op_count <= MAX_OPS, "%s: %zu scene ops for 50,000 events (at most %d)", name,
           s->op_count, MAX_OPS);
    tap_is_int((long long)overlaps, 0, "%s: no text overlaps another", name);
    tap_is_int((long long)outside, 0, "%s: every op inside the %.0f x %.0f canvas", name, s->width,
               s->height);
    tap_ok(density_ops > 10, "%s: %zu density bins", name, density_ops);

    size_t placed = 0, summarised = 0, both = 0, key_placed = 0, imp_sum = 0, imp_placed = 0;
    for (size_t i = 0; i < s->event_count; i++) {
        const tl_scene_event ev_at = tl_scene_event_at(s, i), *ev = &ev_at;
        const int imp = tl_timeline_get_event(tl, i)->importance;
        placed += ev->placed;
        summarised += ev->summarised;
        both += ev->placed && ev->summarised;
        imp_sum += (size_t)imp;
        if (ev->placed) {
            imp_placed += (size_t)imp;
            key_placed += strncmp(ev->title, "Key event", 9) == 0;
        }
    }
    tap_is_int((long long)density_sum, (long long)summarised,
               "%s: the bins count the %zu events summarised", name, summarised);
    tap_is_int((long long)(placed + summarised), MANY, "%s: every event labelled or summarised",
               name);
    tap_is_int((long long)both, 0, "%s: no event both labelled and summarised", name);
    tap_is_int((long long)s->lod_labelled, (long long)placed, "%s: the scene's labelled count",
               name);
    tap_is_int((long long)s->lod_summarised, (long long)summarised,
               "%s: the scene's summarised count", name);
    /* The legend writes thousands with commas (fewer than 1,000 are labelled); the lanes and
     * the vertical layout, whose strips have no note, give the strips' scale there. */
    char want[160];
    int n = snprintf(want, sizeof want, "50,000 events: %zu labelled, %zu,%03zu shown as density",
                     placed, summarised / 1000, summarised % 1000);
    if (variant != TL_VARIANT_RIBBON)
        snprintf(want + n, sizeof want - (size_t)n, " (tallest bar: %zu)", tallest);
    tap_is_str(legend ? legend : "(none)", want, "%s: the legend says what is summarised", name);
    tap_ok(key_placed >= KEY_EVENTS * 3 / 4, "%s: %zu of the %d importance-5 events labelled", name,
           key_placed, KEY_EVENTS);
    tap_ok(placed > 0 && (double)imp_placed / (double)placed > (double)imp_sum / MANY + 0.5,
           "%s: labelled events are more important than the average (%.2f vs %.2f)", name,
           placed ? (double)imp_placed / (double)placed : 0.0, (double)imp_sum / MANY);

    tl_scene *again = run(tl, variant);
    char *a = tl_scene_to_json(s), *b = again ? tl_scene_to_json(again) : NULL;
    tap_ok(b && strcmp(a, b) == 0, "%s: the same input gives the same scene", name);
    free(a);
    free(b);
    tl_scene_free(again);
    tl_scene_free(s);
}

static void check_few(const char *name, tl_variant variant)
{
    char *csv = generate(FEW);
    tl_timeline *tl = test_load_csv(csv, "generated.csv");
    tl_scene *s = tl ? run(tl, variant) : NULL;
    if (tap_ok(s != NULL, "%s: %d events lay out", name, FEW)) {
        size_t placed = 0, density = 0;
        for (size_t i = 0; i < s->event_count; i++)
            placed += s->marks[i].placed;
        for (size_t i = 0; i < s->op_count; i++)
            density += s->ops[i].role == TL_ROLE_DENSITY;
        tap_is_int((long long)placed, FEW, "%s: below capacity every event is labelled", name);
        tap_is_int((long long)density, 0, "%s: ... and nothing is summarised", name);
        tap_is_int((long long)(s->lod_labelled + s->lod_summarised), 0,
                   "%s: ... and the scene has no summary", name);
    }
    tl_scene_free(s);
    tl_timeline_free(tl);
    free(csv);
}

/* ---------------------------------------------------------------------------------------------
 * Estimates: labels are sized by estimates, and only those drawn are measured
 * ------------------------------------------------------------------------------------------- */

/* The fixed measurer, with estimates `skew` times as wide as it measures (at most the wrapping
 * width), and a record of every text it measured. */
typedef struct probe {
    tl_text_measurer fixed;
    double skew;
    tl_strv measured;
} probe;

static bool probe_measure(void *user, const tl_font *font, const tl_text_shape *shape,
                          const char *text, tl_text_extents *out)
{
    probe *p = user;
    tl_strv_push(&p->measured, strdup(text));
    return p->fixed.measure(p->fixed.user, font, shape, text, out);
}

static bool probe_estimate(void *user, const tl_font *font, const tl_text_shape *shape,
                           const char *text, tl_text_extents *out)
{
    probe *p = user;
    if (!p->fixed.measure(p->fixed.user, font, shape, text, out))
        return false;
    out->width *= p->skew;
    if (shape->wrap_width > 0 && out->width > shape->wrap_width)
        out->width = shape->wrap_width;
    return true;
}

static void check_estimates(const char *name, const tl_timeline *tl, tl_variant variant,
                            double skew)
{
    probe p = {.fixed = tl_measure_fixed(), .skew = skew};
    const tl_text_measurer m = {.measure = probe_measure, .estimate = probe_estimate, .user = &p};
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_variant(o, variant);
    tl_error *err = NULL;
    tl_scene *s = tl_layout_run(tl, o, &m, &err);
    if (!tap_ok(s != NULL, "%s, estimates x%.2f: lays out", name, skew)) {
        tap_diag("%s", err ? err->message : "");
        tl_error_free(err);
        tl_layout_options_free(o);
        tl_strv_free(&p.measured);
        return;
    }
    size_t overlaps, outside, inexact = 0, labels = 0;
    count_faults(s, &overlaps, &outside);
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind != TL_OP_TEXT || op->role != TL_ROLE_EVENT_LABEL)
            continue;
        labels++;
        const tl_text_op *t = &op->u.text;
        tl_text_extents exact;
        p.fixed.measure(p.fixed.user, &t->font, &t->shape, t->text, &exact);
        inexact += fabs(exact.width - t->w) > EPS || fabs(exact.height - t->h) > EPS;
    }
    tap_is_int((long long)overlaps, 0, "%s, estimates x%.2f: no text overlaps another", name, skew);
    tap_is_int((long long)outside, 0, "%s, estimates x%.2f: every op inside the canvas", name,
               skew);
    tap_is_int((long long)inexact, 0,
               "%s, estimates x%.2f: each of the %zu labels drawn has its measured size", name,
               skew, labels);

    /* Titles measured but not drawn. */
    qsort(p.measured.items, p.measured.len, sizeof *p.measured.items, test_cmp_str);
    size_t wasted = 0, placed = 0;
    for (size_t i = 0; i < s->event_count; i++) {
        placed += s->marks[i].placed;
        const char *title = tl_scene_event_at(s, i).title;
        wasted += !s->marks[i].placed && bsearch(&title, p.measured.items, p.measured.len,
                                                 sizeof *p.measured.items, test_cmp_str);
    }
    if (skew == 1)
        tap_is_int((long long)wasted, 0,
                   "%s, exact estimates: no title measured that is not drawn (%zu drawn)", name,
                   placed);
    else
        tap_ok(wasted <= placed / 4,
               "%s, estimates x%.2f: %zu titles measured and not drawn, "
               "for %zu drawn",
               name, skew, wasted, placed);

    /* Exact estimates change nothing: the scene is the one measuring every candidate gives. */
    if (skew == 1) {
        const tl_text_measurer plain = tl_measure_fixed();
        tl_scene *ref = tl_layout_run(tl, o, &plain, NULL);
        char *a = tl_scene_to_json(s), *b = ref ? tl_scene_to_json(ref) : NULL;
        tap_ok(b && strcmp(a, b) == 0, "%s, exact estimates: the scene of measuring every label",
               name);
        free(a);
        free(b);
        tl_scene_free(ref);
    }
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_strv_free(&p.measured);
}

/* The order of candidates for a label: importance, then spread (each slot's event nearest its
 * middle, before any slot's second), then the rest; with an offset, the slots move. */
static void check_order(void)
{
    enum { N = 64, KEEP = 8 };
    tl_lod_item items[N];
    for (size_t i = 0; i < N; i++)
        items[i] = (tl_lod_item){.x = (double)i + 0.5, .importance = 3};
    items[40].importance = 5;
    size_t order[N];
    tl_lod_order(items, N, 0, N, KEEP, 0, N, order);
    tap_is_int((long long)order[0], 40, "the most important event comes first");
    /* Then one event of each of the 8 slots, the one nearest its middle: a burst cannot take
     * every label, and the labels are evenly spaced. */
    bool slot_seen[KEEP] = {false};
    size_t slots = 0, centred = 0;
    for (size_t k = 1; k <= KEEP; k++) {
        size_t slot = (size_t)items[order[k]].x / (N / KEEP);
        slots += !slot_seen[slot] && (slot_seen[slot] = true);
        centred += order[k] % (N / KEEP) == 3 || order[k] % (N / KEEP) == 4;
    }
    tap_is_int((long long)slots, KEEP, "then one event from each slot of the range");
    tap_is_int((long long)centred, KEEP, "each the event nearest its slot's middle");
    tap_is_int((long long)order[1], 3, "the first slot first");
    tap_ok(items[order[2]].x >= N / 2.0, "then the far half (%.1f)", items[order[2]].x);
    /* Slots moved by half a slot: their middles, and the events nearest them, move as much. */
    size_t moved[N], halfway = 0;
    tl_lod_order(items, N, 0, N, KEEP, 0.5, N, moved);
    for (size_t k = 1; k <= KEEP; k++)
        halfway += moved[k] % (N / KEEP) == 7 || moved[k] % (N / KEEP) == 0;
    tap_is_int((long long)halfway, KEEP, "with slots offset by half, the dates between");
    bool seen[N] = {false};
    size_t distinct = 0;
    for (size_t k = 0; k < N; k++)
        distinct += !seen[order[k]] && (seen[order[k]] = true);
    tap_is_int((long long)distinct, N, "the order is a permutation");
}

/* Asked for only the best `want`, the order is the whole order's first `want`: on events of
 * mixed importance, in a burst and spread out, with slots offset. */
static void check_order_prefix(void)
{
    enum { N = 5000 };
    static tl_lod_item items[N];
    static size_t full[N], part[N];
    uint32_t seed = 7;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        const double u = (double)(seed >> 8) / (double)(1u << 24);
        /* A third of them in a burst over a twentieth of the range. */
        items[i] = (tl_lod_item){.x = i % 3 == 0 ? 400 + u * 50 : u * 1000,
                                 .importance = 1 + (int)(seed >> 28) % 5};
    }
    const size_t keeps[] = {1, 7, 64, 300, N};
    const double offsets[] = {0, 0.25};
    size_t same = 0, cases = 0;
    for (size_t a = 0; a < sizeof keeps / sizeof keeps[0]; a++)
        for (size_t b = 0; b < 2; b++) {
            const size_t keep = keeps[a];
            tl_lod_order(items, N, 0, 1000, keep, offsets[b], N, full);
            tl_lod_order(items, N, 0, 1000, keep, offsets[b], keep, part);
            same += memcmp(full, part, keep * sizeof *full) == 0;
            cases++;
        }
    tap_is_int((long long)same, (long long)cases,
               "the best `keep` alone come in the whole order's first places");
}

/* Every event cites a source of its own, and level of detail labels at most a few hundred of
 * 20,000: only the sources of the events that may be labelled are numbered and listed, 1 to K
 * without a gap, and every labelled event's number is in the list. Events set aside before
 * packing have none; the few candidates packing leaves out keep theirs. (Numbering had
 * compared each source with every earlier one, and listed all 20,000.) */
static void check_sources(const char *name, tl_variant variant)
{
    enum { N = 20000 };
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, "start,title,source\n");
    for (size_t i = 0; i < N; i++)
        tl_buf_printf(&b, "%d-%02d-%02d,Event %zu,Source %zu\n", 1950 + (int)(i % 70),
                      1 + (int)(i % 12), 1 + (int)(i % 28), i, i);
    char *csv = tl_buf_steal(&b);
    tl_timeline *tl = test_load_csv(csv, "generated.csv");
    tl_scene *s = tl ? run(tl, variant) : NULL;
    if (!tap_ok(s != NULL, "%s: 20,000 events with a source each lay out", name)) {
        tl_timeline_free(tl);
        free(csv);
        return;
    }
    size_t listed = 0, highest = 0, placed = 0, unlisted = 0, numbered = 0, outside, overlaps;
    count_faults(s, &overlaps, &outside);
    bool *in_list = calloc(N + 2, sizeof *in_list);
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind != TL_OP_TEXT)
            continue;
        unsigned long number;
        int used = 0;
        if (op->role == TL_ROLE_NOTE &&
            sscanf(op->u.text.text, "%lu. Source%n", &number, &used) == 1 && used > 0 &&
            number <= N) {
            listed++;
            in_list[number] = true;
            highest = number > highest ? number : highest;
        }
    }
    for (size_t i = 0; i < s->event_count; i++) {
        const tl_scene_event e_at = tl_scene_event_at(s, i), *e = &e_at;
        if (e->placed) {
            placed++;
            unlisted += e->footnote <= 0 || !in_list[e->footnote];
        }
        numbered += e->footnote > 0;
    }
    tap_ok(s->lod_summarised > 0, "%s: level of detail summarises (%zu of 20,000)", name,
           s->lod_summarised);
    tap_ok(placed > 0 && listed >= placed && listed <= 4 * placed + 50,
           "%s: the list holds the sources of the events that may be labelled (%zu listed, %zu "
           "labelled)",
           name, listed, placed);
    tap_is_int((long)highest, (long)listed, "%s: the sources are numbered 1 to %zu", name, listed);
    tap_is_int((long)unlisted, 0, "%s: every labelled event's source is listed", name);
    tap_is_int((long)numbered, (long)listed, "%s: only the listed sources' events are numbered",
               name);
    tap_ok(outside == 0 && overlaps == 0, "%s: no overlaps (%zu), inside the canvas (%zu)", name,
           overlaps, outside);
    free(in_list);
    tl_scene_free(s);
    tl_timeline_free(tl);
    free(csv);
}

int main(void)
{
    check_order();
    check_order_prefix();
    static const struct {
        tl_variant variant;
        const char *name;
    } variants[] = {
        {TL_VARIANT_RIBBON, "ribbon"},
        {TL_VARIANT_LANES, "lanes"},
        {TL_VARIANT_VERTICAL, "vertical"},
    };
    char *csv = generate(MANY);
    tl_timeline *tl = test_load_csv(csv, "generated.csv");
    if (tap_ok(tl != NULL, "50,000 generated events load"))
        for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++)
            check_many(variants[v].name, tl, variants[v].variant);
    static const double skews[] = {1, 0.8, 1.25};
    for (size_t v = 0; tl && v < sizeof variants / sizeof variants[0]; v++)
        for (size_t k = 0; k < sizeof skews / sizeof skews[0]; k++)
            check_estimates(variants[v].name, tl, variants[v].variant, skews[k]);
    tl_timeline_free(tl);
    free(csv);
    /* Fewer events than need level of detail, more than have room: labels are left out. */
    csv = generate(CROWDED);
    tl = test_load_csv(csv, "generated.csv");
    for (size_t v = 0; tl && v < sizeof variants / sizeof variants[0]; v++)
        for (size_t k = 0; k < sizeof skews / sizeof skews[0]; k++)
            check_estimates(variants[v].name, tl, variants[v].variant, skews[k]);
    tl_timeline_free(tl);
    free(csv);
    for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++)
        check_few(variants[v].name, variants[v].variant);
    for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++)
        check_sources(variants[v].name, variants[v].variant);
    return tap_done();
}
