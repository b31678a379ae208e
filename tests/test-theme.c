/* Themes and styles in the layout: the theme list, the style setters' validation, and what a
 * style does to the scene (colours by precedence, shapes, type sizes, line widths, lines cut
 * under hollow marks on a transparent canvas), read from the scene's ops. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fonts/measure-fixed.h"
#include "layouts/layout.h"
#include "layouts/options-private.h"
#include "scene/scene.h"
#include "layouts/theme.h"
#include "tap.h"

static const char CSV[] = "start,title,group,status,color\n"
                          "2020-01-10,Alpha,North,,\n"
                          "2020-02-10,Beta,South,tentative,\n"
                          "2020-03,Gamma,North,cancelled,\n"
                          "2020-04-10,Delta,South,,#112233\n"
                          "2020-05-10,Epsilon,East,postponed,\n";

static tl_scene *lay_out(const tl_layout_options *o)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_buffer(CSV, strlen(CSV), "t.csv", NULL, &err);
    if (!tl) {
        tap_diag("load: %s", err->message);
        tl_error_free(err);
        return NULL;
    }
    tl_text_measurer m = tl_measure_fixed();
    tl_scene *s = tl_layout_run(tl, o, &m, &err);
    if (!s) {
        tap_diag("layout: %s", err->message);
        tl_error_free(err);
    }
    tl_timeline_free(tl);
    return s;
}

static const tl_marker_op *event_mark(const tl_scene *s, const char *title)
{
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_MARKER && op->role == TL_ROLE_EVENT_MARK && op->event >= 0 &&
            strcmp(tl_scene_event_at(s, op->event).title, title) == 0)
            return &op->u.marker;
    }
    return NULL;
}

static bool same_color(tl_color a, const char *hex)
{
    tl_color b;
    return tl_color_parse(hex, &b) && fabs(a.r - b.r) < 1e-6 && fabs(a.g - b.g) < 1e-6 &&
           fabs(a.b - b.b) < 1e-6 && fabs(a.a - b.a) < 1e-6;
}

static void test_theme_list(void)
{
    int n = 0;
    for (int t = 0; tl_theme_get_name((tl_theme)t); t++) {
        tl_theme back;
        n++;
        tap_ok(tl_theme_from_name(tl_theme_get_name((tl_theme)t), &back) && back == (tl_theme)t,
               "theme %s: its name finds it", tl_theme_get_name((tl_theme)t));
        tap_ok(strlen(tl_theme_get_description((tl_theme)t)) > 20, "theme %s has a description",
               tl_theme_get_name((tl_theme)t));
    }
    tap_is_int(n, 4, "four themes");
    tl_theme cb;
    tap_ok(tl_theme_from_name("ColorBlind", &cb) && cb == TL_THEME_COLORBLIND,
           "colorblind by name, case-insensitively");
    tap_ok(tl_theme_get_name((tl_theme)99) == NULL, "no name past the last theme");
    const tl_theme_def *light = tl_theme_get(TL_THEME_LIGHT),
                       *b = tl_theme_get(TL_THEME_COLORBLIND);
    tap_ok(!same_color(b->palette[0], "#0072b2") && same_color(b->palette[0], "#4477aa"),
           "colorblind starts with Tol's blue, not light's Okabe-Ito blue");
    tap_ok(same_color(light->palette[0], "#0072b2") && same_color(light->palette[1], "#d55e00"),
           "light: Okabe-Ito");
    tap_ok(b->shapes_by_group && tl_theme_get(TL_THEME_PRINT)->shapes_by_group &&
               !light->shapes_by_group,
           "print and colorblind tell groups apart by shape");
}

/* Takes the error by address: the setter, an argument of the same call, fills it. */
static void expect_error(bool ok, tl_error **errp, const char *needle, const char *what)
{
    tl_error *err = *errp;
    tap_ok(!ok && err && err->code == TL_ERROR_USAGE && strstr(err->message, needle), "%s: %s",
           what, err ? err->message : "(no error)");
    tl_error_free(err);
    *errp = NULL;
}

static void test_setters(void)
{
    tl_layout_options *o = tl_layout_options_new();
    tl_error *err = NULL;
    expect_error(tl_layout_options_set_group_color(o, "North", "#12", &err), &err,
                 "invalid colour \"#12\"", "a short hex colour");
    expect_error(tl_layout_options_set_group_color(o, "", "red", &err), &err, "empty",
                 "an empty group");
    expect_error(tl_layout_options_set_status_color(o, TL_STATUS_OTHER, "red", &err), &err,
                 "invalid status 6", "a status that is not one");
    expect_error(tl_layout_options_set_status_shape(o, TL_STATUS_TENTATIVE, (tl_shape)7, &err),
                 &err, "invalid shape 7", "a shape that is not one");
    expect_error(tl_layout_options_set_font_size(o, TL_TEXT_LABEL, 1, &err), &err,
                 "font size of label must be 2 to 100 pt", "a font size too small");
    expect_error(tl_layout_options_set_font_size(o, (tl_text_part)10, 10, &err), &err,
                 "invalid text part 10", "a text part that is not one");
    expect_error(tl_layout_options_set_line_width(o, TL_LINE_AXIS, NAN, &err), &err,
                 "axis line width must be 0.1 to 20 pt", "a NaN line width");
    expect_error(tl_layout_options_set_line_width(o, (tl_line_kind)-1, 1, &err), &err,
                 "invalid line -1", "a line that is not one");
    expect_error(tl_layout_options_set_background(o, "paper", &err), &err,
                 "invalid colour \"paper\"", "a bad background");
    tap_ok(o->style.ngroups == 0 && !o->style.has_background && o->style.font_size[0] == 0,
           "failed setters change nothing");
    tl_layout_options_free(o);
}

static void test_names(void)
{
    tl_status status = TL_STATUS_OTHER;
    tl_shape shape = TL_SHAPE_CIRCLE;
    tl_text_part part = TL_TEXT_TITLE;
    tl_line_kind line = TL_LINE_AXIS;
    tap_ok(tl_status_from_name("canceled", &status) && status == TL_STATUS_CANCELLED,
           "\"canceled\" is cancelled");
    tap_ok(tl_status_from_name("disputed", &status) && status == TL_STATUS_DISPUTED, "disputed");
    tap_ok(!tl_status_from_name("maybe", &status) && !tl_status_from_name("other", &status) &&
               !tl_status_from_name(NULL, &status) && status == TL_STATUS_DISPUTED,
           "unknown statuses are refused, leaving the output");
    tap_ok(tl_shape_from_name("diamond", &shape) && shape == TL_SHAPE_DIAMOND &&
               tl_shape_from_name("square", &shape) && shape == TL_SHAPE_SQUARE &&
               !tl_shape_from_name("star", &shape),
           "shapes by name");
    tap_ok(tl_text_part_from_name("badge", &part) && part == TL_TEXT_BADGE &&
               tl_text_part_from_name("label", &part) && part == TL_TEXT_LABEL &&
               !tl_text_part_from_name("headline", &part),
           "text parts by name");
    tap_ok(tl_line_kind_from_name("marker", &line) && line == TL_LINE_MARKER &&
               tl_line_kind_from_name("stem", &line) && line == TL_LINE_STEM &&
               !tl_line_kind_from_name("border", &line) && !tl_line_kind_from_name("Axis", &line),
           "lines by name");
}

static void test_style_in_scene(void)
{
    tl_layout_options *o = tl_layout_options_new();
    tl_error *err = NULL;
    bool ok = tl_layout_options_set_group_color(o, "North", "#aa0000", &err) &&
              tl_layout_options_set_group_color(o, "South", "#00aa00", &err) &&
              tl_layout_options_set_status_color(o, TL_STATUS_CANCELLED, "#999999", &err) &&
              tl_layout_options_set_group_shape(o, "South", TL_SHAPE_SQUARE, &err) &&
              tl_layout_options_set_status_shape(o, TL_STATUS_POSTPONED, TL_SHAPE_DIAMOND, &err) &&
              tl_layout_options_set_font_size(o, TL_TEXT_LABEL, 13, &err) &&
              tl_layout_options_set_line_width(o, TL_LINE_STEM, 2.25, &err) &&
              tl_layout_options_set_line_width(o, TL_LINE_AXIS, 1.75, &err) &&
              tl_layout_options_set_background(o, "#fdf6e3", &err);
    tap_ok(ok, "the style is accepted%s%s", err ? ": " : "", err ? err->message : "");
    tl_error_free(err);
    tl_scene *s = lay_out(o);
    tap_ok(s != NULL, "lays out with a style");
    if (!s) {
        tl_layout_options_free(o);
        return;
    }
    const tl_marker_op *alpha = event_mark(s, "Alpha"), *beta = event_mark(s, "Beta"),
                       *gamma = event_mark(s, "Gamma"), *delta = event_mark(s, "Delta"),
                       *eps = event_mark(s, "Epsilon");
    tap_ok(alpha && beta && gamma && delta && eps, "every event has a mark");
    if (alpha && beta && gamma && delta && eps) {
        tap_ok(same_color(alpha->fill, "#aa0000"), "a group's colour from the style");
        tap_ok(same_color(gamma->fill, "#999999"), "a status colour over its group's");
        tap_ok(same_color(delta->fill, "#112233"), "the CSV's color column over the style");
        tap_ok(same_color(eps->fill, "#009e73") || same_color(eps->fill, "#0072b2") ||
                   same_color(eps->fill, "#d55e00"),
               "a group the style does not name keeps the theme's colour");
        tap_ok(beta->shape == TL_MARKER_SQUARE && alpha->shape == TL_MARKER_CIRCLE,
               "a group's shape from the style");
        tap_ok(eps->shape == TL_MARKER_DIAMOND, "a status's shape from the style");
    }
    tap_ok(same_color(s->background, "#fdf6e3"), "the background from the style");
    size_t labels = 0, stems = 0, ticks = 0, bad = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *op = &s->ops[i];
        if (op->kind == TL_OP_TEXT && op->role == TL_ROLE_EVENT_LABEL) {
            labels++;
            bad += op->u.text.font.size != 13;
        } else if (op->kind == TL_OP_LINE && op->role == TL_ROLE_EVENT_STEM) {
            stems++;
            bad += op->u.line.stroke.width != 2.25;
        } else if (op->kind == TL_OP_LINE && op->role == TL_ROLE_TICK) {
            ticks++;
            bad += op->u.line.stroke.width != 1.75;
        }
    }
    tap_ok(labels > 0 && stems > 0 && ticks > 0 && bad == 0,
           "labels at 13 pt, stems 2.25 pt, ticks 1.75 pt (%zu labels, %zu stems, %zu ticks, "
           "%zu wrong)",
           labels, stems, ticks, bad);
    tl_scene_free(s);
    tl_layout_options_free(o);
}

/* Whether a horizontal or vertical line op passes through the inside of an open mark drawn
 * after it. */
static size_t lines_through_open_marks(const tl_scene *s)
{
    size_t hits = 0;
    for (size_t i = 0; i < s->op_count; i++) {
        const tl_op *m = &s->ops[i];
        if (m->kind != TL_OP_MARKER || m->role != TL_ROLE_EVENT_MARK ||
            m->u.marker.fill_mode == TL_MARKER_FILLED)
            continue;
        const double r = m->u.marker.radius * 0.9, cx = m->u.marker.cx, cy = m->u.marker.cy;
        for (size_t j = 0; j < i; j++) {
            const tl_op *l = &s->ops[j];
            if (l->kind != TL_OP_LINE)
                continue;
            const tl_line_op *ln = &l->u.line;
            if (ln->y1 == ln->y2 && fabs(ln->y1 - cy) < r && fmin(ln->x1, ln->x2) < cx &&
                fmax(ln->x1, ln->x2) > cx)
                hits++;
            if (ln->x1 == ln->x2 && fabs(ln->x1 - cx) < r && fmin(ln->y1, ln->y2) < cy &&
                fmax(ln->y1, ln->y2) > cy)
                hits++;
        }
    }
    return hits;
}

static void test_transparent(void)
{
    tl_layout_options *o = tl_layout_options_new();
    tl_scene *opaque = lay_out(o);
    tl_error *err = NULL;
    tap_ok(tl_layout_options_set_background(o, "transparent", &err), "transparent is a colour");
    tl_scene *clear = lay_out(o);
    tap_ok(opaque && clear, "lays out on both canvases");
    if (opaque && clear) {
        tap_ok(!(clear->background.a > 0) && opaque->background.a == 1,
               "transparent canvas in the scene");
        tap_ok(lines_through_open_marks(opaque) > 0,
               "on an opaque canvas lines run under hollow marks (%zu)",
               lines_through_open_marks(opaque));
        tap_is_int((long long)lines_through_open_marks(clear), 0,
                   "on a transparent one they are cut around them");
        size_t lines[2] = {0, 0};
        for (size_t i = 0; i < opaque->op_count; i++)
            lines[0] += opaque->ops[i].kind == TL_OP_LINE;
        for (size_t i = 0; i < clear->op_count; i++)
            lines[1] += clear->ops[i].kind == TL_OP_LINE;
        tap_ok(lines[1] > lines[0], "cut lines become pieces (%zu lines, were %zu)", lines[1],
               lines[0]);
    }
    tl_scene_free(opaque);
    tl_scene_free(clear);
    tl_layout_options_free(o);
}

int main(void)
{
    test_theme_list();
    test_setters();
    test_names();
    test_style_in_scene();
    test_transparent();
    return tap_done();
}
