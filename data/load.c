/* Loading in any input format: the format from the options, or else from the file's
 * extension, or else from its first bytes (load-detect.c); and the steps every importer ends
 * with. */
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
    } names[] = {
        {"auto", TL_INPUT_AUTO},   {"csv", TL_INPUT_CSV},
        {"tsv", TL_INPUT_CSV},     {"json", TL_INPUT_JSON},
        {"jsonl", TL_INPUT_JSONL}, {"ndjson", TL_INPUT_JSONL},
        {"timelinejs", TL_INPUT_TIMELINEJS}, {"mermaid", TL_INPUT_MERMAID},
        {"mmd", TL_INPUT_MERMAID}, {"markwhen", TL_INPUT_MARKWHEN},
        {"mw", TL_INPUT_MARKWHEN},
    };
    for (size_t i = 0; name && i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(name, names[i].name) == 0) {
            *out = names[i].format;
            return true;
        }
    return false;
}

/* The format an extension names; AUTO for another, and for .json, whose content tells JSON
 * from TimelineJS. */
static tl_input_format by_extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return TL_INPUT_AUTO;
    if (g_ascii_strcasecmp(dot, ".txt") == 0)
        return TL_INPUT_CSV;
    if (g_ascii_strcasecmp(dot, ".mermaid") == 0)
        return TL_INPUT_MERMAID;
    tl_input_format f;
    if (!tl_input_format_from_name(dot + 1, &f) || f == TL_INPUT_JSON ||
        f == TL_INPUT_TIMELINEJS)
        return TL_INPUT_AUTO;
    return f;
}

/* A .json file: an array is JSON, an object with events TimelineJS; one object a line is
 * JSON Lines under another name. */
static tl_input_format json_kind(const char *path, tl_input_format sniffed)
{
    const char *dot = strrchr(path, '.');
    if (!dot || g_ascii_strcasecmp(dot, ".json") != 0)
        return sniffed;
    return sniffed == TL_INPUT_TIMELINEJS || sniffed == TL_INPUT_JSONL ? sniffed : TL_INPUT_JSON;
}

/* CSV's loads, named as the others name themselves (--check -v). */
static tl_timeline *csv_named(tl_timeline *tl)
{
    if (tl)
        tl_model_add_note(tl, tl_xstrdup("format: CSV"));
    return tl;
}

/* Every format but CSV, read whole from memory. */
static tl_timeline *load_memory(tl_input_format f, const char *data, size_t len,
                                const char *path, const tl_load_options *opts, tl_error **err)
{
    switch (f) {
    case TL_INPUT_JSON:
    case TL_INPUT_JSONL:
        return tl_json_load(data, len, path, f == TL_INPUT_JSONL, opts, err);
    case TL_INPUT_TIMELINEJS:
        return tl_timelinejs_load(data, len, path, opts, err);
    case TL_INPUT_MERMAID:
        return tl_mermaid_load(data, len, path, opts, err);
    case TL_INPUT_MARKWHEN:
        return tl_markwhen_load(data, len, path, opts, err);
    case TL_INPUT_AUTO:
    case TL_INPUT_CSV:
        break;
    }
    return csv_named(tl_timeline_load_csv_buffer(data, len, path, opts, err));
}

tl_timeline *tl_timeline_load_buffer(const char *data, size_t len, const char *display_name,
                                     const tl_load_options *opts, tl_error **err)
{
    const char *path = display_name ? display_name : "<buffer>";
    if (!data)
        len = 0;
    tl_input_format f = opts ? opts->input_format : TL_INPUT_AUTO;
    if (f == TL_INPUT_AUTO)
        f = by_extension(path);
    if (f == TL_INPUT_AUTO)
        f = json_kind(path, tl_input_format_sniff(data ? data : "", len));
    if (f == TL_INPUT_CSV)
        return csv_named(tl_timeline_load_csv_buffer(data, len, display_name, opts, err));
    return load_memory(f, data ? data : "", len, path, opts, err);
}

/* Appends the rest of `fp` to `s`. */
static void read_rest(FILE *fp, GString *s)
{
    char buf[64 * 1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        g_string_append_len(s, buf, (gssize)n);
}

/* Standard input: enough of it read ahead to tell the format; CSV then streams the rest. */
static tl_timeline *load_stdin(tl_input_format f, const char *name, const tl_load_options *opts,
                               tl_error **err)
{
    enum { LOOK_AHEAD = 16 * 1024 };
    GString *s = g_string_new(NULL);
    if (f == TL_INPUT_AUTO) {
        char buf[LOOK_AHEAD];
        size_t got = 0, n;
        while (got < sizeof buf && (n = fread(buf + got, 1, sizeof buf - got, stdin)) > 0)
            got += n;
        g_string_append_len(s, buf, (gssize)got);
        f = tl_input_format_sniff(s->str, s->len);
    }
    tl_timeline *tl;
    if (f == TL_INPUT_CSV) {
        tl = csv_named(tl_csv_load_stream_after(stdin, s->str, s->len, name, opts, err));
    } else if (f == TL_INPUT_JSONL) {
        tl = tl_jsonl_load_stream(stdin, s->str, s->len, name, opts, err);
    } else {
        read_rest(stdin, s);
        tl = load_memory(f, s->str, s->len, name, opts, err);
    }
    g_string_free(s, TRUE);
    return tl;
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
    if (stdin_)
        return load_stdin(f, name, opts, err);
    if (f == TL_INPUT_AUTO)
        f = by_extension(path);
    if (f == TL_INPUT_AUTO) {
        /* The first bytes decide; CSV then streams the file as usual. */
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            tl_set_error_at(err, TL_ERROR_NOINPUT, name, 0, 0, "cannot open: %s", strerror(errno));
            return NULL;
        }
        char head[16 * 1024];
        const size_t n = fread(head, 1, sizeof head, fp);
        fclose(fp);
        f = json_kind(path, tl_input_format_sniff(head, n));
    }
    if (f == TL_INPUT_CSV)
        return csv_named(tl_timeline_load_csv_file(path, display_name, opts, err));
    if (f == TL_INPUT_JSONL) {
        FILE *fp = fopen(path, "rb");
        if (!fp) {
            tl_set_error_at(err, TL_ERROR_NOINPUT, name, 0, 0, "cannot open: %s", strerror(errno));
            return NULL;
        }
        tl_timeline *tl = tl_jsonl_load_stream(fp, "", 0, name, opts, err);
        fclose(fp); /* read-only: a failing close loses nothing */
        return tl;
    }
    char *data = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    if (!g_file_get_contents(path, &data, &len, &gerr)) {
        tl_set_error_at(err, TL_ERROR_NOINPUT, name, 0, 0, "cannot open: %s",
                        gerr ? gerr->message : "read error");
        g_clear_error(&gerr);
        return NULL;
    }
    tl_timeline *tl = load_memory(f, data, len, name, opts, err);
    g_free(data);
    return tl;
}
