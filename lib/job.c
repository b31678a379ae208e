/* A job: every option of the command line, set by name, and the font context its charts share.
 * The command line and the language bindings are front ends over it, so the same options give
 * the same charts wherever they are set. */
#include <stdlib.h>
#include <string.h>

#include "common/tl-error-private.h"
#include "job-private.h"

/* ---------------------------------------------------------------------------------------------
 * The options, for front ends
 * ------------------------------------------------------------------------------------------- */

/* The public view of each row, made once: the rows keep their handlers private. */
static tl_option_info *option_infos(void)
{
    static tl_option_info *infos;
    if (g_once_init_enter(&infos)) {
        tl_option_info *all = g_new0(tl_option_info, tl_option_row_count);
        for (size_t i = 0; i < tl_option_row_count; i++) {
            const tl_option_row *r = &tl_option_rows[i];
            all[i] = (tl_option_info){.name = r->name,
                                      .short_name = r->short_name,
                                      .arg = r->arg,
                                      .metavar = r->metavar,
                                      .section = r->section,
                                      .help = r->help,
                                      .complete = r->complete,
                                      .front_end = r->arg != TL_OPTION_HEADING && !r->section,
                                      .action = r->action};
        }
        g_once_init_leave(&infos, all);
    }
    return infos;
}

size_t tl_option_count(void)
{
    return tl_option_row_count;
}

const tl_option_info *tl_option_get(size_t index)
{
    return index < tl_option_row_count ? &option_infos()[index] : NULL;
}

const tl_option_info *tl_option_find(const char *name)
{
    const tl_option_row *r = tl_option_row_find(name);
    return r ? tl_option_get((size_t)(r - tl_option_rows)) : NULL;
}

const char *tl_option_suggest(const char *word)
{
    const char **names = g_new(const char *, tl_option_row_count);
    size_t n = 0;
    for (size_t i = 0; i < tl_option_row_count; i++)
        if (tl_option_rows[i].arg != TL_OPTION_HEADING)
            names[n++] = tl_option_rows[i].name;
    const char *near = word ? tl_did_you_mean(word, names, n) : NULL;
    g_free(names);
    return near;
}

const char *tl_palette_kind(size_t index)
{
    return index < tl_palette_kind_count ? tl_palette_kinds[index] : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * A job
 * ------------------------------------------------------------------------------------------- */

tl_job *tl_job_new(void)
{
    tl_job *job = g_new(tl_job, 1);
    *job = (tl_job){
        .dpi = 96,
        .scale = 1,
        .theme = TL_THEME_LIGHT,
        .layout = TL_VARIANT_RIBBON,
        .elapsed_base = 1,
        .fonts = tl_font_options_new(),
        .load = tl_load_options_new(),
        .style = tl_layout_options_new(),
        .config = g_key_file_new(),
        .values = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free),
        .reads = g_ptr_array_new_with_free_func(g_free),
        .warnings = g_ptr_array_new_with_free_func(g_free),
    };
    return job;
}

void tl_job_free(tl_job *job)
{
    if (!job)
        return;
    char **texts[] = {&job->title,       &job->subtitle,     &job->caption,   &job->group_order,
                      &job->from_text,   &job->to_text,      &job->font,      &job->pdf_author,
                      &job->pdf_subject, &job->pdf_keywords, &job->pdf_title, &job->pdf_creator,
                      &job->unit,        &job->epoch_id};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
        g_free(*texts[i]);
    tl_load_options_free(job->load);
    tl_font_options_free(job->fonts);
    tl_layout_options_free(job->style);
    if (job->holidays)
        g_array_free(job->holidays, TRUE);
    g_key_file_free(job->config);
    g_hash_table_destroy(job->values);
    g_ptr_array_free(job->reads, TRUE);
    g_ptr_array_free(job->warnings, TRUE);
    tl_fonts_unref(job->font_context);
    g_free(job);
}

bool tl_job_set(tl_job *job, const char *name, const char *value, tl_error **err)
{
    const tl_option_row *o = tl_option_row_find(name);
    if (!o) {
        const char *near = tl_option_suggest(name);
        return tl_set_error(err, TL_ERROR_USAGE, "--%s: unknown option%s%s%s", name,
                            near ? " (did you mean --" : "", near ? near : "", near ? "?)" : "");
    }
    if (o->action != TL_OPTION_ACTION_NONE)
        return tl_set_error(err, TL_ERROR_USAGE,
                            "--%s: an action of the command line, not a "
                            "setting",
                            name);
    char *why = NULL;
    if (!value)
        value = o->arg == TL_OPTION_FLAG ? "true" : "";
    if (tl_option_apply(job, o, value, &why))
        return true;
    tl_set_error(err, TL_ERROR_USAGE, "--%s: %s", name, why);
    g_free(why);
    return false;
}

const char *tl_job_get_value(const tl_job *job, const char *name)
{
    return g_hash_table_lookup(job->values, name);
}

bool tl_job_get_flag(const tl_job *job, const char *name)
{
    const char *v = tl_job_get_value(job, name);
    return v && strcmp(v, "true") == 0;
}

void tl_job_note_read(tl_job *job, const char *path, bool folder)
{
    g_ptr_array_add(job->reads, g_strconcat(folder ? "d:" : "f:", path, NULL));
}

size_t tl_job_get_read_count(const tl_job *job)
{
    return job->reads->len;
}

const char *tl_job_get_read(const tl_job *job, size_t index, bool *folder)
{
    if (index >= job->reads->len)
        return NULL;
    const char *entry = job->reads->pdata[index];
    if (folder)
        *folder = entry[0] == 'd';
    return entry + 2;
}

size_t tl_job_get_warning_count(const tl_job *job)
{
    return job->warnings->len;
}

const char *tl_job_get_warning(const tl_job *job, size_t index)
{
    return index < job->warnings->len ? job->warnings->pdata[index] : NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Checking the options together
 * ------------------------------------------------------------------------------------------- */

/* Invalid UTF-8 in a text option is an error, or with repair-utf8 each bad byte becomes U+FFFD
 * and the job warns. */
static bool check_text_option(tl_job *job, const char *name, char **value, tl_error **err)
{
    const char *end = NULL;
    if (!*value || g_utf8_validate(*value, -1, &end))
        return true;
    size_t bad = (size_t)(end - *value) + 1;
    if (!job->repair_utf8)
        return tl_set_error(err, TL_ERROR_USAGE,
                            "%s: invalid UTF-8 (byte 0x%02X at byte %zu); use --repair-utf8 to "
                            "replace it",
                            name, (unsigned char)*end, bad);
    char *valid = g_utf8_make_valid(*value, -1);
    g_free(*value);
    *value = valid;
    g_ptr_array_add(job->warnings, g_strdup_printf("%s: invalid UTF-8 replaced with U+FFFD", name));
    return true;
}

void tl_job_apply_layout_options(tl_job *job)
{
    tl_layout_options *o = job->style;
    tl_layout_options_set_variant(o, job->layout);
    tl_layout_options_set_theme(o, job->theme);
    tl_layout_options_set_subtitle(o, job->subtitle);
    tl_layout_options_set_caption(o, job->caption);
    tl_layout_options_set_group_order(o, job->group_order);
    tl_layout_options_set_window(o, job->has_from ? &job->from : NULL,
                                 job->has_to ? &job->to : NULL);
    tl_layout_options_set_axis_breaks(o, !job->axis_breaks_off);
    tl_layout_options_set_size(o, job->width, job->height);
    tl_layout_options_set_label_width(o, job->label_width);
    tl_layout_options_set_markup(o, job->markup);
    tl_layout_options_set_page(o, job->page_w, job->page_h);
    tl_layout_options_set_landscape(o, job->landscape);
    if (job->has_margins)
        tl_layout_options_set_margins(o, job->margins);
    tl_layout_options_set_pages(o, job->pages);
    tl_layout_options_set_fit_width(o, job->fit_width);
    tl_layout_options_set_numeric(o, job->numeric, job->unit);
    tl_layout_options_set_epoch_event(o, job->epoch_id);
    tl_layout_options_set_elapsed(o, job->elapsed, job->has_epoch ? &job->epoch : NULL,
                                  job->elapsed_style, job->elapsed_base);
}

bool tl_job_check(tl_job *job, tl_error **err)
{
    if (job->checked)
        return true;
    if (job->has_from && job->has_to && job->to.hi < job->from.lo)
        return tl_set_error(err, TL_ERROR_USAGE, "--to %s is before --from %s", job->to_text,
                            job->from_text);
    struct {
        const char *name;
        char **value;
    } texts[] = {{"--title", &job->title},
                 {"--subtitle", &job->subtitle},
                 {"--caption", &job->caption},
                 {"--pdf-author", &job->pdf_author},
                 {"--pdf-subject", &job->pdf_subject},
                 {"--pdf-keywords", &job->pdf_keywords},
                 {"--pdf-title", &job->pdf_title},
                 {"--pdf-creator", &job->pdf_creator}};
    g_ptr_array_set_size(job->warnings, 0);
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
        if (!check_text_option(job, texts[i].name, texts[i].value, err))
            return false;
    tl_job_apply_layout_options(job);
    job->checked = true;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Fonts
 * ------------------------------------------------------------------------------------------- */

tl_fonts *tl_job_get_fonts(tl_job *job, bool process_wide, tl_error **err)
{
    if (job->font_context)
        return job->font_context;
    tl_font_options_set_font(job->fonts, job->font);
    tl_font_options_set_system_fonts(job->fonts, job->system_fonts);
    tl_font_options_set_process_wide(job->fonts, process_wide);
    job->font_context = tl_fonts_new_with_options(job->fonts, err);
    return job->font_context;
}

/* The style text of what decides the fonts, to compare two jobs'. */
static char *font_settings(const tl_job *job)
{
    static const char *const keys[] = {"font", "font-dir", "system-fonts"};
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
        const tl_option_row *o = tl_option_row_find(keys[i]);
        char *v =
            o && o->section ? g_key_file_get_value(job->config, o->section, keys[i], NULL) : NULL;
        g_string_append_printf(s, "%s=%s\n", keys[i], v ? v : "");
        g_free(v);
    }
    return g_string_free(s, FALSE);
}

bool tl_job_share_fonts(tl_job *job, const tl_job *other)
{
    if (!other || other == job || !other->font_context || job->font_context)
        return false;
    char *a = font_settings(job), *b = font_settings(other);
    const bool same = strcmp(a, b) == 0;
    g_free(a);
    g_free(b);
    if (same)
        job->font_context = tl_fonts_ref(other->font_context);
    return same;
}
