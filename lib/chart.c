/* A chart: one input read, laid out and drawn with a job's options. What the source states of
 * its own axis (a Mermaid gantt's tickInterval, its todayMarker) is applied to this chart only,
 * under the options that were set. */
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "job-private.h"

struct tl_chart {
    tl_job *job; /* borrowed */
    char *name;  /* the input, as messages name it */
    tl_timeline *timeline;
    tl_layout_options *own_style; /* the job's, with the source's settings; NULL: the job's */
    tl_scene *scene;
    GPtrArray *warnings, *notes;
};

static void add_timeline_messages(tl_chart *chart)
{
    const tl_timeline *tl = chart->timeline;
    for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
        g_ptr_array_add(chart->notes, g_strdup(tl_timeline_get_note(tl, i)));
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++)
        g_ptr_array_add(chart->warnings, g_strdup(tl_timeline_get_warning(tl, i)));
}

/* One "key=value" the source states: applied when it is an axis setting the options left
 * unset, else noted or warned about. */
static void apply_source_setting(tl_chart *chart, const char *setting)
{
    static const char *const allowed[] = {"ticks", "tick-format", "today", "shade"};
    tl_job *job = chart->job;
    const char *eq = strchr(setting, '=');
    if (!eq)
        return;
    char *key = g_strndup(setting, (size_t)(eq - setting));
    const tl_option_row *o = tl_option_row_find(key);
    bool known = false;
    for (size_t k = 0; k < G_N_ELEMENTS(allowed) && o; k++)
        known = known || strcmp(key, allowed[k]) == 0;
    char *why = NULL;
    if (!known) {
        why = g_strdup("not a setting a source may state");
    } else if (g_key_file_has_key(job->config, o->section, o->name, NULL)) {
        g_ptr_array_add(chart->notes, g_strdup_printf("%s states %s; the option given is kept",
                                                      chart->name, setting));
    } else if (o->set(job, o, eq + 1, &why)) {
        g_ptr_array_add(chart->notes, g_strdup_printf("%s states %s", chart->name, setting));
    }
    if (why)
        g_ptr_array_add(chart->warnings,
                        g_strdup_printf("%s: setting %s ignored: %s", chart->name, setting, why));
    g_free(why);
    g_free(key);
}

/* The handlers write into the job: they are pointed at a copy of its layout options for the
 * time it takes, and the job gets its own back. */
static void apply_source_settings(tl_chart *chart)
{
    tl_job *job = chart->job;
    const size_t n = tl_timeline_get_setting_count(chart->timeline);
    if (n == 0)
        return;
    tl_layout_options *shared = job->style;
    const bool shared_shade = job->shade_weekends;
    job->style = tl_layout_options_copy(shared);
    for (size_t i = 0; i < n; i++)
        apply_source_setting(chart, tl_timeline_get_setting(chart->timeline, i));
    chart->own_style = job->style;
    job->style = shared;
    job->shade_weekends = shared_shade;
}

static tl_chart *chart_new(tl_job *job, const char *name)
{
    tl_chart *chart = g_new0(tl_chart, 1);
    chart->job = job;
    chart->name = g_strdup(name);
    chart->warnings = g_ptr_array_new_with_free_func(g_free);
    chart->notes = g_ptr_array_new_with_free_func(g_free);
    return chart;
}

/* Takes the loaded timeline (NULL on failure). */
static tl_chart *chart_loaded(tl_chart *chart, tl_timeline *tl)
{
    if (!tl) {
        tl_chart_free(chart);
        return NULL;
    }
    chart->timeline = tl;
    add_timeline_messages(chart);
    apply_source_settings(chart);
    return chart;
}

tl_chart *tl_chart_load_file(tl_job *job, const char *path, tl_error **err)
{
    if (!tl_job_check(job, err))
        return NULL;
    tl_chart *chart = chart_new(job, path);
    return chart_loaded(chart, tl_timeline_load_file(path, NULL, job->load, err));
}

tl_chart *tl_chart_load_buffer(tl_job *job, const char *data, size_t len, const char *display_name,
                               tl_error **err)
{
    if (!tl_job_check(job, err))
        return NULL;
    if (!display_name)
        display_name = "<data>";
    tl_chart *chart = chart_new(job, display_name);
    return chart_loaded(chart, tl_timeline_load_buffer(data, len, display_name, job->load, err));
}

void tl_chart_free(tl_chart *chart)
{
    if (!chart)
        return;
    tl_scene_free(chart->scene);
    tl_timeline_free(chart->timeline);
    tl_layout_options_free(chart->own_style);
    g_ptr_array_free(chart->warnings, TRUE);
    g_ptr_array_free(chart->notes, TRUE);
    g_free(chart->name);
    g_free(chart);
}

const tl_timeline *tl_chart_get_timeline(const tl_chart *chart)
{
    return chart->timeline;
}

/* A layout's error names no input ("nothing to draw"): the chart's name goes first, as in
 * every other message about an input. */
static bool name_error(const tl_chart *chart, tl_error **err)
{
    tl_error *e = err ? *err : NULL;
    if (!e || e->path || strncmp(e->message, chart->name, strlen(chart->name)) == 0)
        return false;
    char *message = tl_xasprintf("%s: %s", chart->name, e->message);
    free(e->message);
    e->message = message;
    e->path = tl_xstrdup(chart->name);
    return false;
}

bool tl_chart_layout(tl_chart *chart, tl_error **err)
{
    if (chart->scene)
        return true;
    tl_job *job = chart->job;
    tl_fonts *fonts = tl_job_get_fonts(job, false, err);
    if (!fonts)
        return false;
    tl_layout_options *style = chart->own_style ? chart->own_style : job->style;
    /* A sheet's own title (a TimelineJS title slide) unless one is given. */
    tl_layout_options_set_title(style,
                                job->title ? job->title : tl_timeline_get_title(chart->timeline));
    chart->scene = tl_layout(chart->timeline, style, fonts, err);
    if (!chart->scene)
        return name_error(chart, err);
    for (size_t i = 0; i < tl_scene_get_warning_count(chart->scene); i++)
        g_ptr_array_add(chart->warnings, g_strdup(tl_scene_get_warning(chart->scene, i)));
    return true;
}

const tl_scene *tl_chart_get_scene(const tl_chart *chart)
{
    return chart->scene;
}

size_t tl_chart_get_warning_count(const tl_chart *chart)
{
    return chart->warnings->len;
}

const char *tl_chart_get_warning(const tl_chart *chart, size_t index)
{
    return index < chart->warnings->len ? chart->warnings->pdata[index] : NULL;
}

size_t tl_chart_get_note_count(const tl_chart *chart)
{
    return chart->notes->len;
}

const char *tl_chart_get_note(const tl_chart *chart, size_t index)
{
    return index < chart->notes->len ? chart->notes->pdata[index] : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Drawing
 * ------------------------------------------------------------------------------------------- */

static tl_render_options *render_options(const tl_job *job)
{
    tl_render_options *r = tl_render_options_new();
    tl_render_options_set_dpi(r, job->dpi);
    tl_render_options_set_scale(r, job->scale);
    tl_render_options_set_pdf_author(r, job->pdf_author);
    tl_render_options_set_pdf_subject(r, job->pdf_subject);
    tl_render_options_set_pdf_keywords(r, job->pdf_keywords);
    tl_render_options_set_pdf_title(r, job->pdf_title);
    tl_render_options_set_pdf_creator(r, job->pdf_creator);
    tl_render_options_set_svg_text(r, job->svg_text);
    return r;
}

typedef enum { TO_FILE, TO_STREAM, TO_MEMORY } destination;

typedef struct target {
    destination kind;
    const char *path;
    FILE *fp;
    unsigned char **data;
    size_t *len;
} target;

static bool render(tl_chart *chart, tl_format format, const target *t, tl_error **err)
{
    if (t->kind == TO_MEMORY) {
        *t->data = NULL;
        *t->len = 0;
    }
    if (!tl_chart_layout(chart, err))
        return false;
    tl_render_options *r = render_options(chart->job);
    bool ok = false;
    switch (t->kind) {
    case TO_FILE:
        ok = tl_render_to_file(chart->scene, format, r, t->path, err);
        break;
    case TO_STREAM:
        ok = tl_render_to_stream(chart->scene, format, r, t->fp, err);
        break;
    case TO_MEMORY:
        ok = tl_render_to_memory(chart->scene, format, r, t->data, t->len, err);
        break;
    }
    tl_render_options_free(r);
    return ok;
}

bool tl_chart_render_to_file(tl_chart *chart, tl_format format, const char *path, tl_error **err)
{
    return render(chart, format, &(target){.kind = TO_FILE, .path = path}, err);
}

bool tl_chart_render_to_stream(tl_chart *chart, tl_format format, FILE *fp, tl_error **err)
{
    return render(chart, format, &(target){.kind = TO_STREAM, .fp = fp}, err);
}

bool tl_chart_render_to_memory(tl_chart *chart, tl_format format, unsigned char **data, size_t *len,
                               tl_error **err)
{
    return render(chart, format, &(target){.kind = TO_MEMORY, .data = data, .len = len}, err);
}
