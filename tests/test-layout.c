/* Layout invariants on the scene, with the fixed measurer: no text box meets another text
 * box, a mark, a bar or the axis; every stem misses other labels; everything lies inside the
 * canvas; every event is placed or reported. Checked on the samples and on generated
 * timelines of 1 to 5,000 events at random widths. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"
#include "data/date.h"
#include "data/model-private.h"
#include "fonts/measure-fixed.h"
#include "layouts/layout.h"
#include "scene/scene.h"
#include "tap.h"
#include "test-util.h"

static const double EPS = 0.01;

static bool is_text(const tl_op *op)
{
    return op->kind == TL_OP_TEXT;
}

/* Returns the number of violations, printing the first few. */
static int check_scene(const tl_scene *s, const char *name)
{
    int bad = 0;
    const size_t n = s->op_count;
    double *box = malloc((n ? n : 1) * 4 * sizeof *box);
    for (size_t i = 0; i < n; i++)
        tl_scene_op_bbox(&s->ops[i], &box[4 * i]);

    for (size_t i = 0; i < n; i++) {
        const double *b = &box[4 * i];
        if (b[0] < -EPS || b[1] < -EPS || b[0] + b[2] > s->width + EPS ||
            b[1] + b[3] > s->height + EPS) {
            if (bad++ < 5)
                tap_diag("%s: %s op %zu outside the canvas: [%.2f %.2f %.2f %.2f] in %.2fx%.2f",
                         name, tl_scene_role_name(s->ops[i].role), i, b[0], b[1], b[2], b[3],
                         s->width, s->height);
        }
    }
    for (size_t i = 0; i < n; i++) {
        const tl_op *a = &s->ops[i];
        if (!is_text(a))
            continue;
        for (size_t j = 0; j < n; j++) {
            const tl_op *o = &s->ops[j];
            if (j == i)
                continue;
            bool conflict = false;
            switch (o->kind) {
            case TL_OP_TEXT:
                conflict = j > i && test_boxes_meet(&box[4 * i], &box[4 * j]);
                break;
            case TL_OP_MARKER:
                conflict = test_boxes_meet(&box[4 * i], &box[4 * j]);
                break;
            case TL_OP_RECT:
                /* Text may sit on the axis band only as a tick label; never on a bar. */
                if (o->role == TL_ROLE_AXIS)
                    conflict =
                        a->role != TL_ROLE_TICK_LABEL && test_boxes_meet(&box[4 * i], &box[4 * j]);
                else if (o->role == TL_ROLE_SPAN && o->event == a->event &&
                         a->role == TL_ROLE_EVENT_LABEL)
                    /* A label inside its own bar must lie wholly within it. */
                    conflict =
                        test_boxes_meet(&box[4 * i], &box[4 * j]) &&
                        !(box[4 * i] >= box[4 * j] - EPS &&
                          box[4 * i] + box[4 * i + 2] <= box[4 * j] + box[4 * j + 2] + EPS &&
                          box[4 * i + 1] >= box[4 * j + 1] - EPS &&
                          box[4 * i + 1] + box[4 * i + 3] <= box[4 * j + 1] + box[4 * j + 3] + EPS);
                else if (o->role == TL_ROLE_SPAN || o->role == TL_ROLE_PRECISION)
                    conflict = test_boxes_meet(&box[4 * i], &box[4 * j]);
                break;
            case TL_OP_LINE:
                /* A stem may run beside its own label, never through another; grid and
                 * marker lines are broken around text. */
                if ((o->role == TL_ROLE_EVENT_STEM && o->event != a->event) ||
                    o->role == TL_ROLE_PRECISION || o->role == TL_ROLE_GRID ||
                    o->role == TL_ROLE_MARKER)
                    conflict = test_boxes_meet(&box[4 * i], &box[4 * j]);
                break;
            }
            if (conflict && bad++ < 5)
                tap_diag("%s: %s \"%s\" (event %d) meets %s op %zu (event %d)", name,
                         tl_scene_role_name(a->role), a->u.text.text, a->event,
                         tl_scene_role_name(o->role), j, o->event);
        }
    }
    free(box);
    return bad;
}

static tl_variant variant = TL_VARIANT_RIBBON; /* the variant under test */

static tl_scene *run_fixed(const tl_timeline *tl, tl_layout_options *o, tl_error **err)
{
    tl_layout_options_set_variant(o, variant);
    tl_text_measurer m = tl_measure_fixed();
    return tl_layout_run(tl, o, &m, err);
}

static tl_scene *layout_csv(const char *csv, const char *name, double width, double height,
                            const char *title, tl_timeline **tl_out)
{
    return test_layout_csv(csv, name, width, height, title, run_fixed, tl_out);
}

static void test_sample(const char *file, double width)
{
    const char *src = getenv("TL_TEST_SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/../data/samples/%s", src ? src : "tests", file);
    char *csv = test_read_file(path, NULL);
    if (!tap_ok(csv != NULL, "read %s", path))
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
    tap_is_int((long long)test_unplaced(s), 0, "%s at %.0f pt: every event placed", file, width);
    tap_is_int((long long)s->event_count, (long long)tl_timeline_get_event_count(tl),
               "%s: scene lists every event", file);
    tl_scene_free(s);
    tl_timeline_free(tl);
}

static void test_india_japan_details(void)
{
    const char *src = getenv("TL_TEST_SRCDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/../data/samples/india-japan-2019-2020.csv",
             src ? src : "tests");
    char *csv = test_read_file(path, NULL);
    if (!csv)
        return;
    tl_scene *s = layout_csv(csv, "ij.csv", 900, 0, NULL, NULL);
    free(csv);
    if (!s)
        return;
    const tl_op *suga = test_find_text(s, TL_ROLE_EVENT_LABEL, "Yoshihide Suga");
    tap_ok(suga != NULL, "Suga's appointment is labelled");
    const tl_op *guwahati =
        test_find_text(s, TL_ROLE_EVENT_LABEL, "Annual Bilateral Summit in Guwahati");
    tap_ok(guwahati && guwahati->u.text.strike, "the cancelled Guwahati summit is struck through");
    const tl_op *ipoi_date = test_find_text(s, TL_ROLE_EVENT_DATE, "early Nov 2019");
    tap_ok(ipoi_date != NULL, "\"early November 2019\" reads \"early Nov 2019\"");
    tap_ok(test_find_text(s, TL_ROLE_EVENT_DATE, "Dec 2019 \u00b7 cancelled") != NULL,
           "a month-precision date reads \"Dec 2019\", not a day");
    const tl_op *suga_date = test_find_text(s, TL_ROLE_EVENT_DATE, "16 Sep 2020");
    tap_ok(suga_date != NULL, "a day-precision date reads \"16 Sep 2020\"");
    const tl_op *summit_date =
        test_find_text(s, TL_ROLE_EVENT_DATE, "after Oct 2020 \u00b7 tentative");
    tap_ok(summit_date != NULL, "the tentative summit says so");
    bool hollow_cross = false, era = false, span = false, legend = false, dotted = false;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK && guwahati &&
            op->event == guwahati->event)
            hollow_cross = op->u.marker.fill_mode == TL_MARKER_HOLLOW && op->u.marker.cross;
        if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK && summit_date &&
            op->event == summit_date->event)
            dotted = op->u.marker.fill_mode == TL_MARKER_HOLLOW;
        era = era || op->role == TL_ROLE_ERA;
        span = span || op->role == TL_ROLE_SPAN;
        legend = legend || (op->role == TL_ROLE_LEGEND && op->kind == TL_OP_TEXT &&
                            strcmp(op->u.text.text, "cancelled") == 0);
    }
    tap_ok(hollow_cross, "the cancelled summit's mark is hollow and crossed");
    tap_ok(dotted, "the tentative summit's mark is hollow");
    tap_ok(era, "the pandemic is an era band");
    tap_ok(span, "the CAA protests are a span bar");
    tap_ok(legend, "the legend explains \"cancelled\"");

    /* Marks sit at their dates: Suga (16 Sep 2020) right of the 5G launch (Mar 2020). */
    double x_suga = -1, x_5g = -1;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind != TL_OP_MARKER || op->role != TL_ROLE_EVENT_MARK)
            continue;
        if (suga && op->event == suga->event)
            x_suga = op->u.marker.cx;
        const tl_op *g5 = test_find_text(s, TL_ROLE_EVENT_LABEL, "NTT Docomo");
        if (g5 && op->event == g5->event)
            x_5g = op->u.marker.cx;
    }
    tap_ok(x_suga > x_5g && x_5g > 0, "marks are in time order (5G %.1f < Suga %.1f)", x_5g,
           x_suga);
    tl_scene_free(s);
}

static test_rng rng = {88172645463325252ull};

static char *generate(size_t n, int64_t year0, int years)
{
    static const char *const words[] = {
        "summit",   "launch", "review",  "treaty",       "agreement",     "visit", "protest",
        "election", "report", "meeting", "Indo-Pacific", "cybersecurity", "5G",    "x"};
    static const char *const groups[] = {"", "India", "Japan", "Bilateral", "Other"};
    static const char *const statuses[] = {"", "", "", "cancelled", "tentative", "postponed"};
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, "start,end,title,group,status,type\n");
    for (size_t i = 0; i < n; i++) {
        int64_t y = year0 + (int64_t)(test_rnd(&rng) % (uint64_t)years);
        int m = 1 + (int)(test_rnd(&rng) % 12), d = 1 + (int)(test_rnd(&rng) % 28);
        int prec = (int)(test_rnd(&rng) % 4);
        /* ISO years: four digits, a sign before negative ones. */
        const char *sign = y < 0 ? "-" : "";
        long long ay = y < 0 ? -(long long)y : (long long)y;
        if (prec == 0)
            tl_buf_printf(&b, "%s%04lld,", sign, ay);
        else if (prec == 1)
            tl_buf_printf(&b, "%s%04lld-%02d,", sign, ay, m);
        else
            tl_buf_printf(&b, "%s%04lld-%02d-%02d,", sign, ay, m, d);
        int kind = (int)(test_rnd(&rng) % 10);
        if (kind < 3) {
            int64_t ye = y + (int64_t)(test_rnd(&rng) % 3);
            tl_buf_printf(&b, "%s%04lld-12-28", ye < 0 ? "-" : "",
                          ye < 0 ? -(long long)ye : (long long)ye);
        }
        tl_buf_append_char(&b, ',');
        int nw = 1 + (int)(test_rnd(&rng) % 7);
        for (int w = 0; w < nw; w++) {
            if (w)
                tl_buf_append_char(&b, ' ');
            tl_buf_append_str(&b, words[test_rnd(&rng) % (sizeof words / sizeof words[0])]);
        }
        tl_buf_printf(&b, " %zu,%s,%s,%s\n", i, groups[test_rnd(&rng) % 5],
                      statuses[test_rnd(&rng) % 6], kind == 9 ? "era" : "");
    }
    return tl_buf_steal(&b);
}

static void test_generated(void)
{
    static const size_t sizes[] = {1, 2, 3, 5, 10, 30, 100, 300, 1000, 5000, 10000};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int rep = 0; rep < 3; rep++) {
            size_t n = sizes[k];
            double width = 250 + (double)(test_rnd(&rng) % 2000);
            int years = 1 + (int)(test_rnd(&rng) % (rep == 2 ? 3000 : 20));
            int64_t year0 = rep == 2 ? -1500 : 1990;
            char *csv = generate(n, year0, years);
            char name[64];
            snprintf(name, sizeof name, "gen-%zu-%d.csv", n, rep);
            tl_timeline *tl = NULL;
            tl_scene *s = layout_csv(csv, name, width, 0, rep ? "Generated" : NULL, &tl);
            free(csv);
            if (!tap_ok(s != NULL, "%s lays out at %.0f pt", name, width)) {
                tl_timeline_free(tl);
                continue;
            }
            tap_is_int(check_scene(s, name), 0,
                       "%s (%zu events over %d years, %.0f pt): no "
                       "overlaps, inside the canvas",
                       name, n, years, width);
            size_t missing = test_unplaced(s);
            size_t reported = 0;
            for (size_t w = 0; w < s->warnings.len; w++)
                reported += strstr(s->warnings.items[w], "not drawn") != NULL;
            bool all_reported =
                missing <= 50 ? reported == missing : reported == 51; /* 50 + a summary */
            tap_ok(all_reported, "%s: %zu unplaced labels, all reported (%zu warnings)", name,
                   missing, reported);
            /* With level of detail the density strip's "+N more events" stands for them. */
            if (variant == TL_VARIANT_RIBBON && missing > 0 && s->lod_summarised == 0) {
                size_t badged = 0;
                for (size_t i = 0; i < s->op_count; i++)
                    if (s->ops[i].kind == TL_OP_TEXT && s->ops[i].role == TL_ROLE_NOTE &&
                        s->ops[i].u.text.text[0] == '+' &&
                        !strstr(s->ops[i].u.text.text, "more events")) /* the density strip's */
                        badged += (size_t)atol(s->ops[i].u.text.text + 1);
                tap_ok(badged > 0 && badged <= missing,
                       "%s: \"+N\" badges count labels left out (%zu of %zu)", name, badged,
                       missing);
            }
            tl_scene_free(s);
            tl_timeline_free(tl);
        }
    }
}

static void test_fixed_height(void)
{
    /* Lanes need a row per group at least. */
    const double height = variant == TL_VARIANT_LANES ? 450 : 340;
    char *csv = generate(200, 2000, 5);
    tl_scene *s = layout_csv(csv, "tall.csv", 800, height, NULL, NULL);
    tap_ok(s != NULL, "200 events fit a %.0f pt tall canvas by dropping labels", height);
    if (s) {
        tap_is_near(s->height, height, 0.001, "the canvas is exactly the requested height");
        tap_is_int(check_scene(s, "tall.csv"), 0, "fixed height: no overlaps, inside");
        tl_scene_free(s);
    }
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "t.csv", NULL, &err);
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_variant(o, variant);
    tl_layout_options_set_size(o, 800, 60);
    tl_text_measurer m = tl_measure_fixed();
    s = tl_layout_run(tl, o, &m, &err);
    tap_ok(s == NULL && err && err->code == TL_ERROR_USAGE,
           "a canvas too short for even the axis is a usage error");
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
    tl_scene *s = layout_csv("start,title\n2020-01-01,Only one\n", "one.csv", 900, 0, NULL, NULL);
    tap_ok(s != NULL && check_scene(s, "one.csv") == 0 && test_unplaced(s) == 0,
           "a single event is drawn");
    tl_scene_free(s);
    s = layout_csv("start,title\n2020-01-01,A\n2020-01-01,B\n2020-01-01,C\n", "same.csv", 900, 0,
                   NULL, NULL);
    tap_ok(s != NULL && check_scene(s, "same.csv") == 0 && test_unplaced(s) == 0,
           "three events on one instant are all drawn without overlap");
    tl_scene_free(s);

    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer("start,title\n", 12, "empty.csv", NULL, &err);
    tl_layout_options *o = tl_layout_options_new();
    tl_text_measurer m = tl_measure_fixed();
    s = tl_timeline_get_event_count(tl) == 0 ? tl_layout_run(tl, o, &m, &err) : NULL;
    tap_ok(s == NULL && err && err->code == TL_ERROR_DATA, "no events is a data error (65)");
    tl_error_free(err);
    tl_layout_options_free(o);
    tl_timeline_free(tl);

    /* Deterministic: the same input gives the same scene. */
    char *csv = generate(300, 1990, 10);
    tl_scene *a = layout_csv(csv, "d.csv", 900, 0, NULL, NULL);
    tl_scene *b = layout_csv(csv, "d.csv", 900, 0, NULL, NULL);
    char *ja = tl_scene_to_json(a), *jb = tl_scene_to_json(b);
    tap_ok(strcmp(ja, jb) == 0, "the same input gives the same scene JSON");
    free(ja);
    free(jb);
    tl_scene_free(a);
    tl_scene_free(b);
    free(csv);
}

static void test_lanes(void)
{
    const char *csv = "start,end,title,group\n"
                      "2020-01-01,2020-01-31,A,Alpha\n"
                      "2020-02-01,2020-03-01,B,Alpha\n" /* touches A: shares its row */
                      "2020-01-15,2020-02-15,C,Beta\n"
                      "2020-03-01,,D,Gamma\n";
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_variant(o, TL_VARIANT_LANES);
    tl_layout_options_set_group_order(o, "Gamma,Alpha");
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "lanes.csv", NULL, &err);
    tl_text_measurer m = tl_measure_fixed();
    tl_scene *s = tl_layout_run(tl, o, &m, &err);
    if (!tap_ok(s != NULL, "lanes lays out")) {
        tl_error_free(err);
        tl_layout_options_free(o);
        tl_timeline_free(tl);
        return;
    }
    double lane_y[3] = {0};
    const char *names[3] = {"Gamma", "Alpha", "Beta"};
    size_t found = 0;
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].kind == TL_OP_TEXT && s->ops[i].role == TL_ROLE_LANE_LABEL && found < 3 &&
            strcmp(s->ops[i].u.text.text, names[found]) == 0)
            lane_y[found++] = s->ops[i].u.text.y;
    tap_ok(found == 3 && lane_y[0] < lane_y[1] && lane_y[1] < lane_y[2],
           "--group-order puts Gamma, then Alpha, then the rest");
    /* Chart order is by start: A is event 0, C event 1, B event 2. */
    double bar_y[3] = {-1, -1, -1};
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].kind == TL_OP_RECT && s->ops[i].role == TL_ROLE_SPAN && s->ops[i].event < 3)
            bar_y[s->ops[i].event] = s->ops[i].u.rect.y;
    tap_ok(bar_y[0] >= 0 && bar_y[0] == bar_y[2], "spans that merely touch share a row");
    bool diamond = false;
    for (size_t i = 0; i < s->op_count; i++)
        diamond =
            diamond || (s->ops[i].kind == TL_OP_MARKER && s->ops[i].role == TL_ROLE_EVENT_MARK &&
                        s->ops[i].u.marker.shape == TL_MARKER_DIAMOND);
    tap_ok(diamond, "point events are diamonds");
    tap_is_int(check_scene(s, "lanes.csv"), 0, "lanes: no overlaps");
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
}

static void test_window(void)
{
    const char *csv = "start,end,title\n"
                      "2019-06,,Before\n"
                      "2020-01,2020-12,Crossing both\n"
                      "2020-05-01,,Inside\n"
                      "2021-06,,After\n";
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "w.csv", NULL, &err);
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_variant(o, variant);
    tl_time from = {0}, to = {0};
    tl_date_parse("2020-03", &from, NULL);
    tl_date_parse("2020-08", &to, NULL);
    tl_layout_options_set_window(o, &from, &to);
    tl_text_measurer m = tl_measure_fixed();
    tl_scene *s = tl_layout_run(tl, o, &m, &err);
    if (tap_ok(s != NULL, "a window lays out")) {
        tap_is_int((long long)s->event_count, 2, "only the events in the window are drawn");
        bool counted = s->warnings.len > 0 &&
                       strstr(s->warnings.items[0], "2 events outside the --from/--to window");
        tap_ok(counted, "the others are counted in a warning");
        int arrows = 0;
        for (size_t i = 0; i < s->op_count; i++)
            if (s->ops[i].kind == TL_OP_MARKER &&
                (s->ops[i].u.marker.shape == TL_MARKER_ARROW_LEFT ||
                 s->ops[i].u.marker.shape == TL_MARKER_ARROW_RIGHT))
                arrows++;
        tap_is_int(arrows, 2, "the crossing span is cut at both ends and marked");
        tap_is_int(check_scene(s, "window"), 0, "window: no overlaps, inside the canvas");
    }
    tl_error_free(err);
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
}

static void test_axis_breaks(void)
{
    const char *csv = "start,title\n1900,A\n1905,B\n1910,C\n1990,D\n1995,E\n2000,F\n";
    for (int enable = 0; enable < 2; enable++) {
        tl_error *err = NULL;
        tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "gap.csv", NULL, &err);
        tl_layout_options *o = tl_layout_options_new();
        tl_layout_options_set_variant(o, variant);
        tl_layout_options_set_axis_breaks(o, enable);
        tl_text_measurer m = tl_measure_fixed();
        tl_scene *s = tl_layout_run(tl, o, &m, &err);
        /* A break shows as background-coloured rects over the axis band. */
        int cuts = 0;
        double x_c = 0, x_d = 0;
        for (size_t i = 0; s && i < s->op_count; i++) {
            const tl_op *op = &s->ops[i];
            if (op->kind == TL_OP_RECT && op->role == TL_ROLE_AXIS && op->u.rect.fill.r == 1 &&
                op->u.rect.fill.g == 1 && op->u.rect.fill.b == 1)
                cuts++;
            if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK && op->event == 2)
                x_c = op->u.marker.cx;
            if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK && op->event == 3)
                x_d = op->u.marker.cx;
        }
        tap_is_int(cuts, enable ? 1 : 0, "an 80-year gap is %s", enable ? "cut" : "kept");
        double width = s ? s->width : 1;
        tap_ok(enable ? x_d - x_c < 0.3 * width : x_d - x_c > 0.5 * width,
               "the gap takes %s of the axis (%.0f pt)", enable ? "little" : "most", x_d - x_c);
        tap_is_int(s ? check_scene(s, "gap") : 1, 0, "axis break: no overlaps");
        tl_error_free(err);
        tl_scene_free(s);
        tl_layout_options_free(o);
        tl_timeline_free(tl);
    }
}

static void run_variant_suite(tl_variant v, const char *name)
{
    variant = v;
    tap_diag("variant %s", name);
    test_sample("india-japan-2019-2020.csv", 900);
    test_sample("india-japan-2019-2020.csv", 600);
    test_sample("india-japan-2019-2020.csv", 1600);
    test_sample("project-plan.csv", 900);
    test_sample("printing-history.csv", 900);
    test_generated();
    test_fixed_height();
    test_degenerate();
    test_window();
    test_axis_breaks();
}

/* 60,000 cards would pass the canvas limit, where Cairo's coordinates wrap around near 8
 * million: level of detail keeps the chart far below it, the events without a card counted in
 * the density strip. (tl_layout_run() still refuses a chart past the limit.) */
static void test_canvas_limit(void)
{
    char *csv = generate(60000, 1990, 30);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(csv, strlen(csv), "huge.csv", NULL, &err);
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_variant(o, TL_VARIANT_VERTICAL);
    tl_text_measurer m = tl_measure_fixed();
    tl_scene *s = tl_layout_run(tl, o, &m, &err);
    tap_ok(s && s->height < 20000 && s->lod_summarised > 50000,
           "60,000 cards: a chart %.0f pt tall, %zu events summarised (%s)", s ? s->height : 0.0,
           s ? s->lod_summarised : 0, err ? err->message : "no error");
    tl_error_free(err);
    tl_scene_free(s);
    tl_layout_options_free(o);
    tl_timeline_free(tl);
    free(csv);
}

/* The scene's events point at the timeline's strings and keep the timeline alive: freeing
 * the timeline first leaves them valid (the sanitizer build would see a use after free). */
static void test_scene_outlives_timeline(void)
{
    static const char csv[] = "start,end,title\n2019-01-01,2019-03-01,A span of months\n"
                              "2019-06-01,,A point in June\n";
    tl_scene *s = layout_csv(csv, "outlive.csv", 600, 0, "Outlive", NULL);
    if (!tap_ok(s != NULL, "lays out"))
        return;
    tap_ok(s->event_count == 2 && strcmp(tl_scene_event_at(s, 0).title, "A span of months") == 0 &&
               strcmp(tl_scene_event_at(s, 0).end, "2019-03-01") == 0 &&
               strcmp(tl_scene_event_at(s, 1).title, "A point in June") == 0 &&
               tl_scene_event_at(s, 1).end == NULL,
           "events read back after the timeline is freed");
    char *json = tl_scene_to_json(s);
    tap_ok(json && strstr(json, "\"A point in June\""), "and are written to JSON");
    free(json);
    tl_scene_free(s);
}

/* The scene's summary of its events (for the documents' descriptions) is what reading every
 * event gives: the time they cover, and their groups in chart order of first appearance. */
static void test_event_summary(void)
{
    static const char csv[] = "start,end,title,group\n"
                              "2019-05-01,,Second group first,Beta\n"
                              "2019-01-01,2019-02-01,Earliest,Alpha\n"
                              "2020-03-01,,Later,Alpha\n"
                              "2019-07-01,2021-06-30,Longest span,\n"
                              "2019-08-01,,A third group,Gamma\n";
    tl_scene *s = layout_csv(csv, "summary.csv", 800, 0, "Summary", NULL);
    if (!tap_ok(s != NULL, "lays out"))
        return;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < s->event_count; i++) {
        const tl_scene_event ev = tl_scene_event_at(s, i);
        const int64_t end = ev.end ? ev.end_time.hi : ev.start_time.hi;
        lo = ev.start_time.lo < lo ? ev.start_time.lo : lo;
        hi = end > hi ? end : hi;
    }
    tl_time first, last;
    tl_date_parse("2019-01-01", &first, NULL);
    tl_date_parse("2021-06-30", &last, NULL);
    tap_ok(s->events_lo == lo && s->events_hi == hi && lo == first.lo && hi == last.hi,
           "the summary covers the earliest start to the latest end");
    tap_ok(s->event_group_count == 3 && strcmp(s->event_groups[0], "Alpha") == 0 &&
               strcmp(s->event_groups[1], "Beta") == 0 && strcmp(s->event_groups[2], "Gamma") == 0,
           "groups in the order the chart first meets them, none for the ungrouped");
    tl_scene_free(s);
}

/* Whether `s` is well-formed UTF-8 (structure only: lead bytes and their continuations). */
static bool utf8_whole(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        const int n = *p < 0x80 ? 1 : *p >> 5 == 6 ? 2 : *p >> 4 == 14 ? 3 : *p >> 3 == 30 ? 4 : 0;
        if (n == 0)
            return false;
        for (int k = 1; k < n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return false;
        p += n;
    }
    return true;
}

/* Warnings quote titles cut to 60 bytes; a cut must not split a character (the scene's JSON
 * would not be UTF-8). Devanagari takes 3 bytes a character: an ASCII prefix of 0 to 2 bytes
 * puts the cut at each place in one. */
static void test_warning_cuts(void)
{
    tl_buf csv = TL_BUF_INIT;
    tl_buf_append_str(&csv, "start,title\n");
    for (int i = 0; i < 300; i++)
        tl_buf_printf(&csv, "2020-01-%02d,%.*sअनुसंधान सम्मेलन परियोजना समीक्षा बैठक\n", 1 + i % 28,
                      i % 3, "ab");
    tl_scene *s = layout_csv(csv.data, "cuts.csv", 600, 0, NULL, NULL);
    if (tap_ok(s != NULL, "300 Devanagari titles on one month lay out")) {
        size_t broken = 0, quoted = 0;
        for (size_t i = 0; i < s->warnings.len; i++) {
            quoted += strstr(s->warnings.items[i], "not drawn") != NULL;
            broken += !utf8_whole(s->warnings.items[i]);
        }
        tap_ok(quoted > 3, "labels left out are warned about (%zu)", quoted);
        tap_is_int((long long)broken, 0, "every warning is whole UTF-8");
        char *json = tl_scene_to_json(s);
        tap_ok(utf8_whole(json), "... and so is the scene's JSON");
        free(json);
    }
    tl_scene_free(s);
    tl_buf_free(&csv);
}

int main(void)
{
    test_canvas_limit();
    test_warning_cuts();
    test_scene_outlives_timeline();
    test_event_summary();
    run_variant_suite(TL_VARIANT_RIBBON, "ribbon");
    test_india_japan_details();
    run_variant_suite(TL_VARIANT_LANES, "lanes");
    test_lanes();
    return tap_done();
}
