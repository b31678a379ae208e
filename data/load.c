/* Loading in any input format: the format from the options, or else from the file's
 * extension, or else from its first byte ('[' JSON, '{' JSON Lines, anything else CSV); and
 * the steps every importer ends with. */
#include "data/load.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/load-options-private.h"
#include "data/model-private.h"
#include "data/plan.h"

bool tl_load_complete(tl_timeline *tl, tl_columns *cols, const tl_load_options *opts,
                      const char *path, tl_error **err)
{
    tl_columns_finish(cols, tl);
    if (tl->has_plan) {
        tl_workcal cal;
        tl_workcal_init(&cal, opts ? opts->workdays : 0, opts ? opts->holidays : NULL,
                        opts ? opts->nholidays : 0);
        const bool planned = tl_plan_resolve(tl, &cal, path, err);
        tl_workcal_clear(&cal);
        if (!planned)
            return false;
    }
    tl_model_finish(tl);
    return true;
}

bool tl_input_format_from_name(const char *name, tl_input_format *out)
{
    static const struct {
        const char *name;
        tl_input_format format;
    } names[] = {{"auto", TL_INPUT_AUTO}, {"csv", TL_INPUT_CSV},     {"tsv", TL_INPUT_CSV},
                 {"json", TL_INPUT_JSON}, {"jsonl", TL_INPUT_JSONL}, {"ndjson", TL_INPUT_JSONL}};
    for (size_t i = 0; name && i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return true;
        }
    return false;
}

/* The format an extension names; AUTO for another. */
static tl_input_format by_extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return TL_INPUT_AUTO;
    tl_input_format f;
    if (g_ascii_strcasecmp(dot, ".txt") == 0)
        return TL_INPUT_CSV;
    return tl_input_format_from_name(dot + 1, &f) && f != TL_INPUT_AUTO ? f : TL_INPUT_AUTO;
}

/* The format the content's first byte (past a BOM and white space) says. */
static tl_input_format by_content(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && g_ascii_isspace(data[i]))
        i++;
    if (i < len && data[i] == '[')
        return TL_INPUT_JSON;
    if (i < len && data[i] == '{')
        return TL_INPUT_JSONL;
    return TL_INPUT_CSV;
}

tl_timeline *tl_timeline_load_buffer(const char *data, size_t len, const char *display_name,
                                     const tl_load_options *opts, tl_error **err)
{
    const char *path = display_name ? display_name : "<buffer>";
    tl_input_format f = opts ? opts->input_format : TL_INPUT_AUTO;
    if (f == TL_INPUT_AUTO)
        f = by_extension(path);
    if (f == TL_INPUT_AUTO)
        f = by_content(data ? data : "", data ? len : 0);
    if (f == TL_INPUT_CSV)
        return tl_timeline_load_csv_buffer(data, len, display_name, opts, err);
    return tl_json_load(data ? data : "", data ? len : 0, path, f == TL_INPUT_JSONL, opts, err);
}

/* Reads all of standard input. */
static char *read_all(FILE *fp, size_t *len)
{
    GString *s = g_string_new(NULL);
    char buf[64 * 1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        g_string_append_len(s, buf, (gssize)n);
    *len = s->len;
    return g_string_free(s, FALSE);
}

tl_timeline *tl_timeline_load_file(const char *path, const char *display_name,
                                   const tl_load_options *opts, tl_error **err)
{
    if (!path) {
        tl_set_error(err, TL_ERROR_USAGE, "tl_timeline_load_file: no path");
        return NULL;
    }
    const bool stdin_ = strcmp(path, "-") == 0;
    const char *name = display_name ? display_name : stdin_ ? "<stdin>" : path;
    tl_input_format f = opts ? opts->input_format : TL_INPUT_AUTO;
    if (f == TL_INPUT_AUTO && !stdin_)
        f = by_extension(path);
    if (f == TL_INPUT_AUTO && stdin_) {
        /* One byte of look-ahead: a pipe cannot be read twice, and CSV streams from it. */
        const int c = getc(stdin);
        if (c != EOF)
            ungetc(c, stdin);
        f = c == '[' ? TL_INPUT_JSON : c == '{' ? TL_INPUT_JSONL : TL_INPUT_CSV;
    }
    if (f == TL_INPUT_AUTO && !stdin_) {
        /* The first bytes decide; CSV then streams the file as usual. */
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            tl_set_error_at(err, TL_ERROR_NOINPUT, name, 0, 0, "cannot open: %s", strerror(errno));
            return NULL;
        }
        char head[4096];
        const size_t n = fread(head, 1, sizeof head, fp);
        fclose(fp);
        f = by_content(head, n);
    }
    if (f == TL_INPUT_CSV)
        return tl_timeline_load_csv_file(path, display_name, opts, err);
    /* JSON is read whole. */
    char *data = NULL;
    size_t len = 0;
    if (stdin_) {
        data = read_all(stdin, &len);
    } else {
        GError *gerr = NULL;
        gsize glen = 0;
        if (!g_file_get_contents(path, &data, &glen, &gerr)) {
            tl_set_error_at(err, TL_ERROR_NOINPUT, name, 0, 0, "cannot open: %s",
                            gerr ? gerr->message : "read error");
            g_clear_error(&gerr);
            return NULL;
        }
        len = glen;
    }
    tl_timeline *tl = tl_json_load(data, len, name, f == TL_INPUT_JSONL, opts, err);
    g_free(data);
    return tl;
}
