/* Style files (INI, read with GLib's GKeyFile), -S assignments and --print-config. Keys are the
 * long option names in the section their row names, plus the [palette] keys; every value goes
 * through the same handler as the option would. GKeyFile does not say where a key was, so
 * errors find the line in the file's text themselves. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "job-private.h"

#define STYLE_HEADING "# timeline style file (timeline -c FILE)\n"

static const char *const sections[] = {"chart", "axis", "plan", "pdf", "columns", "palette"};

/* ---------------------------------------------------------------------------------------------
 * Did you mean
 * ------------------------------------------------------------------------------------------- */

/* Edit distance (insertions, deletions, substitutions, and swaps of neighbours). */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    size_t *d = g_new(size_t, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
    for (size_t i = 0; i <= n; i++)
        D(i, 0) = i;
    for (size_t j = 0; j <= m; j++)
        D(0, j) = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = g_ascii_tolower(a[i - 1]) != g_ascii_tolower(b[j - 1]);
            size_t best = MIN(D(i - 1, j) + 1, MIN(D(i, j - 1) + 1, D(i - 1, j - 1) + cost));
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = MIN(best, D(i - 2, j - 2) + 1);
            D(i, j) = best;
        }
    }
    size_t result = D(n, m);
#undef D
    g_free(d);
    return result;
}

const char *tl_did_you_mean(const char *word, const char *const *names, size_t count)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1, len = strlen(word);
    for (size_t i = 0; i < count; i++) {
        size_t d = distance(word, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    /* A third of the word, at least one edit: "colour" finds "color", "x" finds nothing. */
    return best && best_d <= MAX(1, len / 3) && best_d < len ? best : NULL;
}

/* The keys a section takes, for suggestions; the caller frees the array (not the strings). */
static const char **section_keys(const char *section, size_t *count)
{
    static const char *const palette[] = {"group.",        "status.", "group-shape.",
                                          "status-shape.", "font.",   "line."};
    const char **keys = g_new(const char *, tl_option_row_count + G_N_ELEMENTS(palette));
    size_t n = 0;
    if (strcmp(section, "palette") == 0) {
        for (size_t i = 0; i < G_N_ELEMENTS(palette); i++)
            keys[n++] = palette[i];
    }
    for (size_t i = 0; i < tl_option_row_count; i++)
        if (tl_option_rows[i].section && strcmp(tl_option_rows[i].section, section) == 0)
            keys[n++] = tl_option_rows[i].name;
    *count = n;
    return keys;
}

/* " (did you mean "x"?)" or " (it belongs in [axis])" or "", for an unknown key. */
static char *key_hint(const char *section, const char *key)
{
    const tl_option_row *o = tl_option_row_find(key);
    if (o && o->section)
        return g_strdup_printf(" (it belongs in [%s])", o->section);
    if (o)
        return g_strdup_printf(" (--%s is for the command line only)", key);
    size_t n;
    const char **keys = section_keys(section, &n);
    /* Palette keys are compared by their kind: "colour.Japan" against "group." ... */
    const char *dot = strchr(key, '.');
    char *kind = dot ? g_strndup(key, (size_t)(dot - key) + 1) : g_strdup(key);
    const char *near = tl_did_you_mean(dot ? kind : key, keys, n);
    char *hint = near ? g_strdup_printf(" (did you mean \"%s%s\"?)", near, dot ? dot + 1 : "")
                      : g_strdup("");
    g_free(kind);
    g_free(keys);
    return hint;
}

/* ---------------------------------------------------------------------------------------------
 * Finding lines
 * ------------------------------------------------------------------------------------------- */

/* The 1-based line of `[section]` (key NULL) or of the last `key =` in it; 0 when not found. */
static unsigned long find_line(const char *text, const char *section, const char *key)
{
    unsigned long line = 0, found = 0;
    bool inside = false;
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char *s = g_strstrip(g_strndup(p, len));
        line++;
        if (s[0] == '[') {
            char *close = strchr(s, ']');
            inside = close && (size_t)(close - s - 1) == strlen(section) &&
                     strncmp(s + 1, section, strlen(section)) == 0;
            if (inside && !key && !found)
                found = line;
        } else if (inside && key && s[0] != '#') {
            char *eq = strchr(s, '=');
            if (eq) {
                *eq = '\0';
                if (strcmp(g_strstrip(s), key) == 0)
                    found = line;
            }
        }
        g_free(s);
        if (!eol)
            break;
        p = eol + 1;
    }
    return found;
}

/* GKeyFile quotes the offending line in its parse errors: find that line. */
static unsigned long find_quoted_line(const char *text, const char *message)
{
    const char *open = strstr(message, "\xe2\x80\x9c"); /* “ */
    const char *close = open ? strstr(open, "\xe2\x80\x9d") : NULL;
    if (!close)
        return 0;
    char *quoted = g_strndup(open + 3, (size_t)(close - open - 3));
    unsigned long line = 0, found = 0;
    for (const char *p = text; *p && !found;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        line++;
        if (len == strlen(quoted) && strncmp(p, quoted, len) == 0)
            found = line;
        if (!eol)
            break;
        p = eol + 1;
    }
    g_free(quoted);
    return found;
}

/* ---------------------------------------------------------------------------------------------
 * Applying keys
 * ------------------------------------------------------------------------------------------- */

static bool known_section(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(sections); i++)
        if (strcmp(name, sections[i]) == 0)
            return true;
    return false;
}

/* "key: why", taking `why`. */
static char *about_key(const char *key, char *why)
{
    char *msg = g_strdup_printf("%s: %s", key, why);
    g_free(why);
    return msg;
}

static char *unknown_key(const char *section, const char *key)
{
    char *hint = key_hint(section, key);
    char *msg = g_strdup_printf("unknown key \"%s\" in [%s]%s", key, section, hint);
    g_free(hint);
    return msg;
}

/* Applies one key of a section; on failure returns the message (without position). */
static char *apply_key(tl_job *job, const char *section, const char *key, GKeyFile *kf)
{
    const bool palette = strcmp(section, "palette") == 0;
    const tl_option_row *o = palette ? NULL : tl_option_row_find(key);
    if (palette ? !tl_palette_key_known(key)
                : !o || !o->section || strcmp(o->section, section) != 0)
        return unknown_key(section, key);

    char *why = NULL;
    GError *gerr = NULL;
    gsize n = 0;
    /* A list option takes each of its values in turn; the others one value. */
    gchar **values = o && o->arg == TL_OPTION_LIST
                         ? g_key_file_get_string_list(kf, section, key, &n, &gerr)
                         : NULL;
    if (!values && !gerr) {
        values = g_new0(gchar *, 2);
        values[0] = g_key_file_get_string(kf, section, key, &gerr);
        n = values[0] != NULL;
    }
    for (gsize i = 0; i < n && !why; i++) {
        bool ok = palette ? tl_palette_apply(job, key, values[i], &why)
                          : tl_option_apply(job, o, values[i], &why);
        if (!ok)
            why = about_key(key, why);
    }
    g_strfreev(values);
    if (gerr) {
        why = about_key(key, g_strdup(gerr->message));
        g_error_free(gerr);
    }
    return why;
}

bool tl_job_load_style_file(tl_job *job, const char *path, tl_error **err)
{
    gchar *text = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    tl_job_note_read(job, path, false);
    if (!g_file_get_contents(path, &text, &len, &gerr)) {
        tl_error_code code = gerr->code == G_FILE_ERROR_NOENT || gerr->code == G_FILE_ERROR_ACCES
                                 ? TL_ERROR_NOINPUT
                                 : TL_ERROR_IO;
        /* GLib's message names the file; the error's position too. */
        tl_set_error(err, code, "%s", gerr->message);
        if (err && *err && !(*err)->path)
            (*err)->path = tl_xstrdup(path);
        g_error_free(gerr);
        return false;
    }
    bool ok = true;
    GKeyFile *kf = g_key_file_new();
    gchar **groups = NULL;
    if (!g_key_file_load_from_data(kf, text, len, G_KEY_FILE_NONE, &gerr)) {
        ok = tl_set_error_at(err, TL_ERROR_USAGE, path, find_quoted_line(text, gerr->message), 0,
                             "%s", gerr->message);
        g_error_free(gerr);
        goto done;
    }
    groups = g_key_file_get_groups(kf, NULL);
    for (gsize g = 0; groups[g] && ok; g++) {
        if (!known_section(groups[g])) {
            const char *near = tl_did_you_mean(groups[g], sections, G_N_ELEMENTS(sections));
            ok = tl_set_error_at(err, TL_ERROR_USAGE, path, find_line(text, groups[g], NULL), 0,
                                 "unknown section [%s]%s%s%s (chart, axis, pdf, columns, palette)",
                                 groups[g], near ? " (did you mean [" : "", near ? near : "",
                                 near ? "]?)" : "");
            break;
        }
        gchar **keys = g_key_file_get_keys(kf, groups[g], NULL, NULL);
        for (gsize k = 0; keys && keys[k]; k++) {
            char *why = apply_key(job, groups[g], keys[k], kf);
            if (why) {
                ok = tl_set_error_at(err, TL_ERROR_USAGE, path, find_line(text, groups[g], keys[k]),
                                     0, "%s", why);
                g_free(why);
                break;
            }
        }
        g_strfreev(keys);
    }
done:
    g_strfreev(groups);
    g_key_file_free(kf);
    g_free(text);
    return ok;
}

bool tl_job_set_style(tl_job *job, const char *assignment, tl_error **err)
{
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment)
        return tl_set_error(err, TL_ERROR_USAGE, "%s: expected KEY=VALUE", assignment);
    char *key = g_strstrip(g_strndup(assignment, (size_t)(eq - assignment)));
    const char *section = NULL;
    const char *name = key;
    char *dot = strchr(key, '.');
    if (dot) {
        *dot = '\0';
        if (known_section(key)) {
            section = key;
            name = dot + 1;
        } else {
            *dot = '.';
        }
    }
    if (!section) {
        const tl_option_row *o = tl_option_row_find(name);
        section = o && o->section ? o->section : dot ? "palette" : "chart";
    }
    /* The value as a style file would hold it, so -S and files read it the same way. */
    GKeyFile *kf = g_key_file_new();
    g_key_file_set_value(kf, section, name, eq + 1);
    char *why = apply_key(job, section, name, kf);
    g_key_file_free(kf);
    bool ok = true;
    if (why) {
        ok = tl_set_error(err, TL_ERROR_USAGE, "%s: %s", assignment, why);
        g_free(why);
    }
    g_free(key);
    return ok;
}

char *tl_job_get_style_text(const tl_job *job)
{
    GKeyFile *out = g_key_file_new();
    /* Sections in a fixed order, keys in the table's order: the same settings always print
     * the same file. */
    for (size_t s = 0; s < G_N_ELEMENTS(sections); s++) {
        for (size_t i = 0; i < tl_option_row_count; i++) {
            const tl_option_row *o = &tl_option_rows[i];
            if (!o->section || strcmp(o->section, sections[s]) != 0)
                continue;
            char *raw = g_key_file_get_value(job->config, o->section, o->name, NULL);
            if (raw)
                g_key_file_set_value(out, o->section, o->name, raw);
            g_free(raw);
        }
    }
    gchar **keys = g_key_file_get_keys(job->config, "palette", NULL, NULL);
    for (gsize k = 0; keys && keys[k]; k++) {
        char *raw = g_key_file_get_value(job->config, "palette", keys[k], NULL);
        g_key_file_set_value(out, "palette", keys[k], raw);
        g_free(raw);
    }
    g_strfreev(keys);
    gsize len = 0;
    gchar *data = g_key_file_to_data(out, &len, NULL);
    /* Freed with tl_free(), as the library's other handed-over bytes are. */
    size_t head = strlen(STYLE_HEADING);
    char *text = malloc(head + len + 1);
    if (!text)
        abort();
    memcpy(text, STYLE_HEADING, head);
    memcpy(text + head, data, len + 1);
    g_free(data);
    g_key_file_free(out);
    return text;
}
