/* Test helpers that lay out timelines and read scenes. */
#include <string.h>

#include "tap.h"
#include "test-util.h"

static const double EPS = 0.01;

tl_scene *test_layout_csv(const char *csv, const char *name, double width, double height,
                          const char *title, test_layout_fn *run, tl_timeline **tl_out)
{
    tl_timeline *tl = test_load_csv(csv, name);
    if (!tl)
        return NULL;
    tl_layout_options *o = tl_layout_options_new();
    tl_layout_options_set_size(o, width, height);
    tl_layout_options_set_title(o, title);
    tl_error *err = NULL;
    tl_scene *s = run(tl, o, &err);
    if (!s) {
        tap_diag("%s: %s", name, err->message);
        tl_error_free(err);
    }
    tl_layout_options_free(o);
    if (tl_out)
        *tl_out = tl;
    else
        tl_timeline_free(tl);
    return s;
}

bool test_boxes_meet(const double a[4], const double b[4])
{
    return a[0] < b[0] + b[2] - EPS && b[0] < a[0] + a[2] - EPS && a[1] < b[1] + b[3] - EPS &&
           b[1] < a[1] + a[3] - EPS;
}

const tl_op *test_find_text(const tl_scene *s, tl_role role, const char *prefix)
{
    for (size_t i = 0; i < s->op_count; i++)
        if (s->ops[i].kind == TL_OP_TEXT && s->ops[i].role == role &&
            strncmp(s->ops[i].u.text.text, prefix, strlen(prefix)) == 0)
            return &s->ops[i];
    return NULL;
}

size_t test_unplaced(const tl_scene *s)
{
    size_t k = 0;
    for (size_t i = 0; i < s->event_count; i++)
        k += !s->marks[i].placed && !s->marks[i].summarised;
    return k;
}
