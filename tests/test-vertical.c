/* The vertical layout, with the fixed measurer: no text box meets another text box, a mark, a
 * span bar, a foreign connector, a foreign card or the line; no card meets another card, a
 * mark, a bar or a foreign connector; everything lies inside the canvas; marks and bars run
 * down the page in time order; every event is placed or reported; a fixed height is kept
 * exactly; the same input gives the same scene. Checked on the samples at 900, 600 and 300 pt
 * and on generated timelines of 1 to 10,000 events at random widths. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/tl-buf.h"
#include "data/date.h"
#include "data/model-private.h"
#include "fonts/measure-fixed.h"
#include "layouts/options-private.h"
#include "scene/scene.h"
#include "layouts/variant.h"
#include "tap.h"
#include "test-util.h"

static const double EPS = 0.01;

/* ---------------------------------------------------------------------------------------------
 * Running the variant directly (the public enum does not name it yet)
 * ------------------------------------------------------------------------------------------- */

/* As tl_layout_run() does it, with the vertical variant. */
static tl_scene *run_vertical(const tl_timeline *tl, tl_layout_options *o, tl_error **err)
{
    double width = o->width > 0 ? o->width : TL_DEFAULT_WIDTH;
    tl_scene *s = tl_scene_new(width, o->height);
    tl_text_measurer m = tl_measure_fixed();
    if (!tl_variant_vertical.run(tl, o, &m, s, err)) {
        tl_scene_free(s);
        return NULL;
    }
    return s;
}

static tl_scene *layout_csv(const char *csv, const char *name, double width, double height,
                            const char *title, tl_timeline **tl_out)
{
    return test_layout_csv(csv, name, width, height, title, run_vertical, tl_out);
}

static char *read_sample(const char *file)
{
    const char *src = getenv("TL_TEST_SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/../data/samples/%s", src ? src : "tests", file);
    char *csv = test_read_file(path, NULL);
    if (!csv)
        tap_diag("cannot read %s", path);
    return csv;
}

/* ---------------------------------------------------------------------------------------------
 * Scene invariants
 * ------------------------------------------------------------------------------------------- */

/* A card's panel, or its stripe. */
static bool is_card(const tl_op *op)
{
    return op->kind == TL_OP_RECT && op->role == TL_ROLE_CARD;
}

/* Whether text `t` may not meet `o`. */
static bool text_conflict(const tl_op *t, const tl_op *o)
{
    switch (o->kind) {
    case TL_OP_TEXT:
    case TL_OP_MARKER:
        return true;
    case TL_OP_RECT:
        switch (o->role) {
        case TL_ROLE_AXIS:
            return t->role != TL_ROLE_TICK_LABEL; /* tick labels sit on pills on the line */
        case TL_ROLE_SPAN:
        case TL_ROLE_PRECISION:
        case TL_ROLE_DENSITY:
        case TL_ROLE_SHADE:
        case TL_ROLE_PROGRESS:
            return true;
        case TL_ROLE_DEPENDENCY:
            return false;
        case TL_ROLE_CARD:
            return o->event != t->event; /* another event's card */
        case TL_ROLE_BACKGROUND:
        case TL_ROLE_TITLE:
        case TL_ROLE_SUBTITLE:
        case TL_ROLE_CAPTION:
        case TL_ROLE_TICK:
        case TL_ROLE_TICK_LABEL:
        case TL_ROLE_ERA:
        case TL_ROLE_ERA_LABEL:
        case TL_ROLE_EVENT_STEM:
        case TL_ROLE_EVENT_MARK:
        case TL_ROLE_EVENT_LABEL:
        case TL_ROLE_EVENT_DATE:
        case TL_ROLE_MARKER:
        case TL_ROLE_MARKER_LABEL:
        case TL_ROLE_LANE:
        case TL_ROLE_LANE_LABEL:
        case TL_ROLE_GRID:
        case TL_ROLE_LEGEND:
        case TL_ROLE_NOTE:
            return false;
        }
        return false;
    case TL_OP_LINE:
        /* A connector may run to its own card, never through another's text. */
        return (o->role == TL_ROLE_EVENT_STEM && o->event != t->event) ||
               o->role == TL_ROLE_PRECISION || o->role == TL_ROLE_MARKER ||
               o->role == TL_ROLE_TICK || o->role == TL_ROLE_AXIS || o->role == TL_ROLE_GRID;
    }
    return false;
}

/* Whether card `c` may not meet the non-text op `o`. */
static bool card_conflict(const tl_op *c, const tl_op *o)
{
    if (is_card(o))
        return o->event != c->event;
    switch (o->kind) {
    case TL_OP_MARKER:
        return o->role != TL_ROLE_LEGEND;
    case TL_OP_RECT:
        return o->role == TL_ROLE_SPAN || o->role == TL_ROLE_AXIS;
    case TL_OP_LINE:
        return (o->role == TL_ROLE_EVENT_STEM && o->event != c->event) ||
               o->role == TL_ROLE_MARKER || o->role == TL_ROLE_TICK || o->role == TL_ROLE_GRID;
    case TL_OP_TEXT:
        return false; /* checked from the text's side */
    }
    return false;
}

static bool pair_conflict(const tl_op *a, const tl_op *b)
{
    if (a->kind == TL_OP_TEXT)
        return text_conflict(a, b);
    if (b->kind == TL_OP_TEXT)
        return text_conflict(b, a);
    if (is_card(a))
        return card_conflict(a, b);
    if (is_card(b))
        return card_conflict(b, a);
    return false;
}

typedef struct entry {
    double box[4];
    size_t op;
} entry;

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->box[1] != y->box[1])
        return (x->box[1] > y->box[1]) - (x->box[1] < y->box[1]);
    return (x->op > y->op) - (x->op < y->op);
}

/* Returns the number of violations, printing the first few. Ops are swept top to bottom, so
 * only pairs that overlap vertically are compared: 10,000-event charts check in well under a
 * second. */
static int check_scene(const tl_scene *s, const char *name)
{
    int bad = 0;
    const size_t n = s->op_count;
    entry *e = malloc((n + 1) * sizeof *e);
    size_t ne = 0;
    for (size_t i = 0; i < n; i++) {
        double b[4];
        tl_scene_op_bbox(&s->ops[i], b);
        if (b[0] < -EPS || b[1] < -EPS || b[0] + b[2] > s->width + EPS ||
            b[1] + b[3] > s->height + EPS) {
            if (bad++ < 5)
                tap_diag("%s: %s op %zu outside the canvas: [%.2f %.2f %.2f %.2f] in %.2fx%.2f",
                         name, tl_scene_role_name(s->ops[i].role), i, b[0], b[1], b[2], b[3],
                         s->width, s->height);
        }
        if (s->ops[i].role == TL_ROLE_ERA || s->ops[i].role == TL_ROLE_BACKGROUND ||
            s->ops[i].role == TL_ROLE_LANE)
            continue; /* washes behind everything */
        memcpy(e[ne].box, b, sizeof b);
        e[ne++].op = i;
    }
    qsort(e, ne, sizeof *e, cmp_entry);
    for (size_t i = 0; i < ne; i++) {
        const double bottom = e[i].box[1] + e[i].box[3];
        for (size_t j = i + 1; j < ne && e[j].box[1] < bottom - EPS; j++) {
            const tl_op *a = &s->ops[e[i].op], *b = &s->ops[e[j].op];
            if (!test_boxes_meet(e[i].box, e[j].box) || !pair_conflict(a, b))
                continue;
            if (bad++ < 5)
                tap_diag("%s: %s %s (event %d) meets %s %s (event %d)", name,
                         tl_scene_role_name(a->role), a->kind == TL_OP_TEXT ? a->u.text.text : "op",
                         a->event, tl_scene_role_name(b->role),
                         b->kind == TL_OP_TEXT ? b->u.text.text : "op", b->event);
        }
    }
    free(e);
    return bad;
}

typedef struct dated {
    int64_t t;
    double y;
} dated;

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    if (x->t != y->t)
        return (x->t > y->t) - (x->t < y->t);
    return (x->y > y->y) - (x->y < y->y);
}

/* Marks and bars run down the page in time order. */
static int check_time_order(const tl_scene *s, const tl_timeline *tl, const char *name)
{
    dated *d = malloc((s->op_count + 1) * sizeof *d);
    size_t n = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->event < 0)
            continue;
        const tl_event *ev = tl_timeline_get_event(tl, (size_t)op->event);
        if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK)
            d[n++] = (dated){ev->type == TL_EVENT_SPAN
                                 ? ev->start.lo
                                 : ev->start.lo + (ev->start.hi - ev->start.lo) / 2,
                             op->u.marker.cy};
        else if (op->kind == TL_OP_RECT && op->role == TL_ROLE_SPAN)
            d[n++] = (dated){ev->start.lo, op->u.rect.y};
    }
    qsort(d, n, sizeof *d, cmp_dated);
    int bad = 0;
    for (size_t i = 1; i < n; i++)
        if (d[i].y < d[i - 1].y - EPS && d[i].t > d[i - 1].t && bad++ < 3)
            tap_diag("%s: a later date (%lld) is drawn higher (%.2f) than an earlier one (%lld, "
                     "%.2f)",
                     name, (long long)d[i].t, d[i].y, (long long)d[i - 1].t, d[i - 1].y);
    free(d);
    return bad;
}

static bool all_reported(const tl_scene *s, size_t *missing_out)
{
    size_t missing = test_unplaced(s), reported = 0;
    *missing_out = missing;
    for (size_t w = 0; w < s->warnings.len; w++)
        reported += strstr(s->warnings.items[w], "not drawn: no room") != NULL ||
                    strstr(s->warnings.items[w], "more labels not drawn") != NULL;
    return missing <= 50 ? reported == missing : reported == 51; /* 50 + a summary */
}

static size_t count_role(const tl_scene *s, tl_op_kind kind, tl_role role)
{
    size_t k = 0;
    for (size_t i = 0; i < s->op_count; i++)
        k += s->ops[i].kind == kind && s->ops[i].role == role;
    return k;
}

/* The line's x: the middle of the tallest axis rect. */
static double axis_x(const tl_scene *s)
{
    double best = -1, x = -1;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_RECT && op->role == TL_ROLE_AXIS && op->u.rect.h > best) {
            best = op->u.rect.h;
            x = op->u.rect.x + op->u.rect.w / 2;
        }
    }
    return x;
}

/* Cards left and right of the line. */
static void count_sides(const tl_scene *s, size_t *left, size_t *right)
{
    const double x = axis_x(s);
    *left = *right = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL) {
            if (op->u.text.x + op->u.text.w < x)
                (*left)++;
            else if (op->u.text.x > x)
                (*right)++;
        }
    }
}

/* ---------------------------------------------------------------------------------------------
 * Samples
 * ------------------------------------------------------------------------------------------- */

static void test_sample(const char *file, double width)
{
    char *csv = read_sample(file);
    if (!tap_ok(csv != NULL, "read %s", file))
        return;
    tl_timeline *tl = NULL;
    tl_scene *s = layout_csv(csv, file, width, 0, "A title", &tl);
    free(csv);
    if (!tap_ok(s != NULL, "%s lays out at %.0f pt", file, width)) {
        tl_timeline_free(tl);
        return;
    }
    tap_is_int(check_scene(s, file), 0, "%s at %.0f pt: no overlaps, inside the canvas", file,
               width);
    tap_is_int(check_time_order(s, tl, file), 0, "%s at %.0f pt: marks in time order", file, width);
    tap_is_int((long long)test_unplaced(s), 0, "%s at %.0f pt: every event placed", file, width);
    tap_ok(count_role(s, TL_OP_TEXT, TL_ROLE_TICK_LABEL) >= 2,
           "%s at %.0f pt: the line has "
           "tick labels",
           file, width);
    size_t left, right;
    count_sides(s, &left, &right);
    if (width < 460)
        tap_ok(left == 0 && right > 0,
               "%s at %.0f pt: one column right of the line (%zu left, "
               "%zu right)",
               file, width, left, right);
    else
        tap_ok(left > 0 && right > 0 && (left > right ? left - right : right - left) <= 2,
               "%s at %.0f pt: cards on both sides, balanced (%zu left, %zu right)", file, width,
               left, right);
    tl_scene_free(s);
    tl_timeline_free(tl);
}

static void test_india_japan_details(void)
{
    char *csv = read_sample("india-japan-2019-2020.csv");
    if (!csv)
        return;
    tl_scene *s = layout_csv(csv, "ij.csv", 900, 0, NULL, NULL);
    free(csv);
    if (!tap_ok(s != NULL, "india-japan lays out"))
        return;
    const tl_op *guwahati =
        test_find_text(s, TL_ROLE_EVENT_LABEL, "Annual Bilateral Summit in Guwahati");
    tap_ok(guwahati && guwahati->u.text.strike, "the cancelled Guwahati summit is struck through");
    tap_ok(test_find_text(s, TL_ROLE_EVENT_DATE, "early Nov 2019") != NULL,
           "\"early November 2019\" reads \"early Nov 2019\"");
    tap_ok(test_find_text(s, TL_ROLE_EVENT_DATE, "after Oct 2020 \u00b7 tentative") != NULL,
           "the tentative summit says so");
    const tl_op *desc = test_find_text(s, TL_ROLE_NOTE, "At the Iikura Guest House");
    tap_ok(desc && desc->u.text.shape.max_lines == 4 && desc->u.text.shape.wrap_width > 0,
           "a long description is wrapped to at most four lines");
    tap_ok(test_find_text(s, TL_ROLE_ERA_LABEL, "Covid-19") != NULL,
           "the pandemic era is labelled");
    tap_ok(count_role(s, TL_OP_RECT, TL_ROLE_ERA) >= 1, "the pandemic is an era band");
    tap_ok(count_role(s, TL_OP_RECT, TL_ROLE_SPAN) == 1, "the CAA protests are a span bar");
    bool hollow_cross = false;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK && guwahati &&
            op->event == guwahati->event)
            hollow_cross = op->u.marker.fill_mode == TL_MARKER_HOLLOW && op->u.marker.cross;
    }
    tap_ok(hollow_cross, "the cancelled summit's mark is hollow and crossed");
    /* Time runs down: Suga (16 Sep 2020) below the 5G launch (Mar 2020). */
    const tl_op *suga = test_find_text(s, TL_ROLE_EVENT_LABEL, "Yoshihide Suga");
    const tl_op *g5 = test_find_text(s, TL_ROLE_EVENT_LABEL, "NTT Docomo");
    double y_suga = -1, y_5g = -1;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind != TL_OP_MARKER || op->role != TL_ROLE_EVENT_MARK)
            continue;
        if (suga && op->event == suga->event)
            y_suga = op->u.marker.cy;
        if (g5 && op->event == g5->event)
            y_5g = op->u.marker.cy;
    }
    tap_ok(y_suga > y_5g && y_5g > 0, "marks run down in time (5G %.1f above Suga %.1f)", y_5g,
           y_suga);
    tl_scene_free(s);
}

/* ---------------------------------------------------------------------------------------------
 * Generated timelines
 * ------------------------------------------------------------------------------------------- */

static void append_year(tl_buf *b, int64_t y)
{
    tl_buf_printf(b, "%s%04lld", y < 0 ? "-" : "", y < 0 ? -(long long)y : (long long)y);
}

static char *generate(test_rng *r, size_t n, int64_t year0, int years)
{
    static const char *const words[] = {"summit",
                                        "launch",
                                        "review",
                                        "treaty",
                                        "agreement",
                                        "visit",
                                        "protest",
                                        "election",
                                        "report",
                                        "meeting",
                                        "Indo-Pacific",
                                        "cybersecurity",
                                        "5G",
                                        "x",
                                        "internationalisation-and-localisation"};
    static const char *const groups[] = {"", "India", "Japan", "Bilateral", "Other"};
    static const char *const statuses[] = {"", "", "", "cancelled", "tentative", "postponed"};
    const size_t nwords = sizeof words / sizeof words[0];
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, "start,end,title,group,status,type,importance,description\n");
    for (size_t i = 0; i < n; i++) {
        int64_t y = year0 + (int64_t)(test_rnd(r) % (uint64_t)years);
        int m = 1 + (int)(test_rnd(r) % 12), d = 1 + (int)(test_rnd(r) % 28);
        int prec = (int)(test_rnd(r) % 4);
        append_year(&b, y);
        if (prec >= 1)
            tl_buf_printf(&b, "-%02d", m);
        if (prec >= 2)
            tl_buf_printf(&b, "-%02d", d);
        tl_buf_append_char(&b, ',');
        int kind = (int)(test_rnd(r) % 20);
        if (kind < 6 || kind >= 18) { /* spans and eras */
            append_year(&b, y + (int64_t)(test_rnd(r) % 3));
            tl_buf_append_str(&b, "-12-28");
        }
        tl_buf_append_char(&b, ',');
        int nw = 1 + (int)(test_rnd(r) % 7);
        for (int w = 0; w < nw; w++) {
            if (w)
                tl_buf_append_char(&b, ' ');
            tl_buf_append_str(&b, words[test_rnd(r) % nwords]);
        }
        tl_buf_printf(&b, " %zu,%s,%s,%s,", i, groups[test_rnd(r) % 5], statuses[test_rnd(r) % 6],
                      kind >= 18   ? "era"
                      : kind == 17 ? "marker"
                                   : "");
        if (test_rnd(r) % 3 == 0)
            tl_buf_printf(&b, "%d", 1 + (int)(test_rnd(r) % 5));
        tl_buf_append_char(&b, ',');
        int nd = (int)(test_rnd(r) % 40) - 10;
        for (int w = 0; w < nd; w++) {
            if (w)
                tl_buf_append_char(&b, ' ');
            tl_buf_append_str(&b, words[test_rnd(r) % nwords]);
        }
        tl_buf_append_char(&b, '\n');
    }
    return tl_buf_steal(&b);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void check_generated(const char *name, const char *csv, double width, double height,
                            const char *what)
{
    tl_timeline *tl = NULL;
    double t0 = now();
    tl_scene *s = layout_csv(csv, name, width, height, "Generated", &tl);
    double took = now() - t0;
    if (!tap_ok(s != NULL, "%s lays out at %.0f pt (%s)", name, width, what)) {
        tl_timeline_free(tl);
        return;
    }
    if (took > 0.05)
        tap_diag("%s: laid out in %.3f s", name, took);
    tap_is_int(check_scene(s, name), 0, "%s (%s, %.0f pt): no overlaps, inside the canvas", name,
               what, width);
    tap_is_int(check_time_order(s, tl, name), 0, "%s: marks and bars in time order", name);
    if (height > 0)
        tap_is_near(s->height, height, 0.001, "%s: the canvas is exactly %.0f pt tall", name,
                    height);
    size_t missing = 0;
    tap_ok(all_reported(s, &missing), "%s: %zu unplaced, all reported", name, missing);
    tl_scene_free(s);
    tl_timeline_free(tl);
}

static void test_generated(void)
{
    static const size_t sizes[] = {1, 2, 3, 5, 10, 30, 100, 300, 1000, 3000, 10000};
    test_rng r = {88172645463325252ull};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int rep = 0; rep < 3; rep++) {
            size_t n = sizes[k];
            double width = 250 + (double)(test_rnd(&r) % 1351);
            int years = 1 + (int)(test_rnd(&r) % (rep == 2 ? 3000 : 20));
            int64_t year0 = rep == 2 ? -1500 : 1990;
            char *csv = generate(&r, n, year0, years);
            char name[64], what[64];
            snprintf(name, sizeof name, "gen-%zu-%d.csv", n, rep);
            snprintf(what, sizeof what, "%zu events over %d years", n, years);
            check_generated(name, csv, width, 0, what);
            free(csv);
        }
    }
}

/* Each of 10,000 events gets a card; layout (without the checks) stays well under a second. */
static void test_timing(void)
{
    test_rng r = {12345};
    char *csv = generate(&r, 10000, 1990, 20);
    tl_timeline *tl = test_load_csv(csv, "big.csv");
    free(csv);
    if (!tl)
        return;
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_title(o, "Ten thousand events");
    tl_error *err = NULL;
    double t0 = now();
    tl_scene *s = run_vertical(tl, o, &err);
    double took = now() - t0;
    tap_ok(s != NULL, "10,000 events lay out");
    if (s) {
        size_t cards = count_role(s, TL_OP_TEXT, TL_ROLE_EVENT_LABEL);
        tap_diag("10,000 events: %.3f s, %zu cards, %.0f pt tall, %zu ops", took, cards, s->height,
                 s->op_count);
        /* Speed is the benchmark's business (bench/); here only the diagnostic above. */
        size_t no_card = 0;
        for (size_t i = 0; i < s->event_count; i++) {
            tl_event_type type = tl_timeline_get_event(tl, i)->type;
            no_card += !s->marks[i].placed && !s->marks[i].summarised &&
                       (type == TL_EVENT_POINT || type == TL_EVENT_SPAN);
        }
        tap_is_int((long long)no_card, 0, "every point and span has a card or is summarised");
    }
    tl_error_free(err);
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
}

/* ---------------------------------------------------------------------------------------------
 * Fixed height, degenerate input, determinism
 * ------------------------------------------------------------------------------------------- */

static void test_fixed_height(void)
{
    test_rng r = {777};
    char *csv = generate(&r, 200, 2000, 5);
    /* Shrinking the time scale and shortening cards, then leaving out cards. */
    static const double heights[] = {3000, 1200, 600, 300};
    for (size_t k = 0; k < sizeof heights / sizeof heights[0]; k++) {
        char name[64];
        snprintf(name, sizeof name, "tall-%.0f.csv", heights[k]);
        check_generated(name, csv, 800, heights[k], "200 events, fixed height");
        check_generated(name, csv, 300, heights[k], "200 events, fixed height, narrow");
    }
    /* A page that holds everything stretches the scale to fill it. */
    char *ij = read_sample("india-japan-2019-2020.csv");
    if (ij) {
        tl_scene *s = layout_csv(ij, "ij-tall.csv", 600, 2400, NULL, NULL);
        tap_ok(s && test_unplaced(s) == 0 && check_scene(s, "ij-tall") == 0 && s->height == 2400,
               "a tall page holds every card of the sample");
        tl_scene_free(s);
        s = layout_csv(ij, "ij-short.csv", 900, 380, NULL, NULL);
        tap_ok(s && check_scene(s, "ij-short") == 0 && s->height == 380,
               "a short page keeps what fits without overlaps (%zu left out)",
               s ? test_unplaced(s) : 0);
        tl_scene_free(s);
        free(ij);
    }

    tl_timeline *tl = test_load_csv(csv, "t.csv");
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_size(o, 800, 60);
    tl_error *err = NULL;
    tl_scene *s = run_vertical(tl, o, &err);
    tap_ok(s == NULL && err && err->code == TL_ERROR_USAGE,
           "a canvas too short for even the line is a usage error");
    if (err)
        tap_diag("%s", err->message);
    tl_error_free(err);
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
    free(csv);
}

static void test_degenerate(void)
{
    static const struct {
        const char *name, *csv;
    } cases[] = {
        {"one.csv", "start,title\n2020-01-01,Only one\n"},
        {"same.csv", "start,title\n2020-01-01,A\n2020-01-01,B\n2020-01-01,C\n"},
        {"span.csv", "start,end,title\n2020-01-01,2020-02-01,A span\n"},
        {"era-only.csv", "start,end,title,type\n2020-01-01,2021-01-01,An era,era\n"},
        {"marker.csv", "start,title,type\n2020-01-01,Now,marker\n2020-01-01,An event,\n"
                       "2020-06-01,Later,\n"},
        {"hours.csv", "start,title\n2020-01-01T09:00,Morning\n2020-01-01T13:30,Lunch talk\n"
                      "2020-01-02T10:00,Next day\n"},
        {"deep.csv", "start,title\n-200000,Early humans\n-10000,Agriculture\n1950,Present\n"},
        {"narrow-gutter.csv",
         "start,end,title,type,description\n"
         "1939,1945,Second World War and its long aftermath in Europe,era,\n"
         "1947,1991,Cold War,era,\n1989-11-09,,Fall of the Berlin Wall,marker,\n"
         "1945-06-26,,UN Charter signed,,Signed in San Francisco by 50 "
         "countries; in force from 24 October 1945.\n"
         "1962-10-16,1962-10-28,Cuban Missile Crisis,,\n"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        static const double widths[] = {900, 300, 200};
        for (size_t w = 0; w < 3; w++) {
            tl_timeline *tl = NULL;
            tl_scene *s = layout_csv(cases[k].csv, cases[k].name, widths[w], 0, NULL, &tl);
            tap_ok(s != NULL && check_scene(s, cases[k].name) == 0 && test_unplaced(s) == 0 &&
                       check_time_order(s, tl, cases[k].name) == 0,
                   "%s at %.0f pt: drawn, every event placed, no overlaps", cases[k].name,
                   widths[w]);
            tl_scene_free(s);
            tl_timeline_free(tl);
        }
    }

    /* Deterministic: the same input gives the same scene. */
    test_rng r = {4242};
    char *csv = generate(&r, 300, 1990, 10);
    tl_scene *a = layout_csv(csv, "d.csv", 900, 0, NULL, NULL);
    tl_scene *b = layout_csv(csv, "d.csv", 900, 0, NULL, NULL);
    char *ja = a ? tl_scene_to_json(a) : NULL, *jb = b ? tl_scene_to_json(b) : NULL;
    tap_ok(ja && jb && strcmp(ja, jb) == 0, "the same input gives the same scene JSON");
    free(ja);
    free(jb);
    tl_scene_free(a);
    tl_scene_free(b);
    free(csv);
}

/* Themes change colours only; a window on time clips spans and eras and leaves events out. */
static void test_themes_and_window(void)
{
    char *csv = read_sample("india-japan-2019-2020.csv");
    tl_timeline *tl = csv ? test_load_csv(csv, "ij.csv") : NULL;
    free(csv);
    if (!tl)
        return;
    static const tl_theme themes[] = {TL_THEME_DARK, TL_THEME_PRINT};
    for (size_t k = 0; k < 2; k++) {
        tl_layout_options *o = tl_layout_options_new();
        tl_layout_options_set_size(o, 600, 0);
        tl_layout_options_set_theme(o, themes[k]);
        tl_error *err = NULL;
        tl_scene *s = run_vertical(tl, o, &err);
        tap_ok(s && check_scene(s, "ij-theme") == 0 && test_unplaced(s) == 0,
               "theme %zu: every event placed, no overlaps", k);
        tl_error_free(err);
        tl_scene_free(s);
        tl_layout_options_free(o);
    }
    const tl_time from = {.lo = tl_cal_make(2020, 1, 1, 0, 0, 0),
                          .hi = tl_cal_make(2020, 1, 31, 23, 59, 59),
                          .precision = TL_PRECISION_MONTH};
    const tl_time to = {.lo = tl_cal_make(2020, 6, 1, 0, 0, 0),
                        .hi = tl_cal_make(2020, 6, 30, 23, 59, 59),
                        .precision = TL_PRECISION_MONTH};
    static const double widths[] = {900, 300};
    for (size_t w = 0; w < 2; w++) {
        tl_layout_options *o = tl_layout_options_new();
        tl_layout_options_set_size(o, widths[w], 0);
        tl_layout_options_set_window(o, &from, &to);
        tl_error *err = NULL;
        tl_scene *s = run_vertical(tl, o, &err);
        size_t missing = 0;
        tap_ok(s && check_scene(s, "ij-window") == 0 && all_reported(s, &missing) &&
                   s->event_count < tl_timeline_get_event_count(tl),
               "a window (Jan-Jun 2020) at %.0f pt: events outside left out, no overlaps",
               widths[w]);
        tl_error_free(err);
        tl_scene_free(s);
        tl_layout_options_free(o);
    }
    tl_timeline_free(tl);
}

int main(void)
{
    static const char *const samples[] = {"india-japan-2019-2020.csv", "project-plan.csv",
                                          "printing-history.csv"};
    static const double widths[] = {900, 600, 300};
    for (size_t i = 0; i < 3; i++)
        for (size_t w = 0; w < 3; w++)
            test_sample(samples[i], widths[w]);
    test_india_japan_details();
    test_generated();
    test_timing();
    test_fixed_height();
    test_degenerate();
    test_themes_and_window();
    return tap_done();
}
