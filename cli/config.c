/* Style files (INI, read with GLib's GKeyFile), -S assignments and --print-config. Keys are the
 * long option names in the section their row names, plus the [palette] keys; every value goes
 * through the same handler as the option would. GKeyFile does not say where a key was, so
 * errors find the line in the file's text themselves. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

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

const char *cli_did_you_mean(const char *word, const char *const *names, size_t count)
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
    const char **keys = g_new(const char *, cli_option_count + G_N_ELEMENTS(palette));
    size_t n = 0;
    if (strcmp(section, "palette") == 0) {
        for (size_t i = 0; i < G_N_ELEMENTS(palette); i++)
            keys[n++] = palette[i];
    }
    for (size_t i = 0; i < cli_option_count; i++)
        if (cli_options[i].section && strcmp(cli_options[i].section, section) == 0)
            keys[n++] = cli_options[i].name;
    *count = n;
    return keys;
}

/* " (did you mean "x"?)" or " (it belongs in [axis])" or "", for an unknown key. */
static char *key_hint(const char *section, const char *key)
{
    const cli_option *o = cli_option_find(key);
    if (o && o->section)
        return g_strdup_printf(" (it belongs in [%s])", o->section);
    if (o)
        return g_strdup_printf(" (--%s is for the command line only)", key);
    size_t n;
    const char **keys = section_keys(section, &n);
    /* Palette keys are compared by their kind: "colour.Japan" against "group." ... */
    const char *dot = strchr(key, '.');
    char *kind = dot ? g_strndup(key, (size_t)(dot - key) + 1) : g_strdup(key);
    const char *near = cli_did_you_mean(dot ? kind : key, keys, n);
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

static int fail_at(const char *path, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(const char *path, unsigned long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (line)
        fprintf(stderr, "timeline: %s:%lu: ", path, line);
    else
        fprintf(stderr, "timeline: %s: ", path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USAGE;
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
static char *apply_key(cli *c, const char *section, const char *key, GKeyFile *kf)
{
    const bool palette = strcmp(section, "palette") == 0;
    const cli_option *o = palette ? NULL : cli_option_find(key);
    if (palette ? !cli_palette_key_known(key)
                : !o || !o->section || strcmp(o->section, section) != 0)
        return unknown_key(section, key);

    char *why = NULL;
    GError *gerr = NULL;
    gsize n = 0;
    /* A list option takes each of its values in turn; the others one value. */
    gchar **values =
        o && o->arg == CLI_LIST ? g_key_file_get_string_list(kf, section, key, &n, &gerr) : NULL;
    if (!values && !gerr) {
        values = g_new0(gchar *, 2);
        values[0] = g_key_file_get_string(kf, section, key, &gerr);
        n = values[0] != NULL;
    }
    for (gsize i = 0; i < n && !why; i++) {
        bool ok = palette ? cli_palette_apply(c, key, values[i], &why)
                          : cli_option_apply(c, o, values[i], &why);
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

int cli_config_load_file(cli *c, const char *path)
{
    gchar *text = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    cli_watch_note(c, path, false);
    if (!g_file_get_contents(path, &text, &len, &gerr)) {
        int status = gerr->code == G_FILE_ERROR_NOENT || gerr->code == G_FILE_ERROR_ACCES ? 66 : 74;
        fprintf(stderr, "timeline: %s\n", gerr->message);
        g_error_free(gerr);
        return status;
    }
    int status = 0;
    GKeyFile *kf = g_key_file_new();
    gchar **groups = NULL;
    if (!g_key_file_load_from_data(kf, text, len, G_KEY_FILE_NONE, &gerr)) {
        status = fail_at(path, find_quoted_line(text, gerr->message), "%s", gerr->message);
        g_error_free(gerr);
        goto done;
    }
    groups = g_key_file_get_groups(kf, NULL);
    for (gsize g = 0; groups[g] && !status; g++) {
        if (!known_section(groups[g])) {
            const char *near = cli_did_you_mean(groups[g], sections, G_N_ELEMENTS(sections));
            status = fail_at(path, find_line(text, groups[g], NULL),
                             "unknown section [%s]%s%s%s (chart, axis, pdf, columns, palette)",
                             groups[g], near ? " (did you mean [" : "", near ? near : "",
                             near ? "]?)" : "");
            break;
        }
        gchar **keys = g_key_file_get_keys(kf, groups[g], NULL, NULL);
        for (gsize k = 0; keys && keys[k]; k++) {
            char *why = apply_key(c, groups[g], keys[k], kf);
            if (why) {
                status = fail_at(path, find_line(text, groups[g], keys[k]), "%s", why);
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
    return status;
}

int cli_config_set(cli *c, const char *assignment)
{
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment) {
        fprintf(stderr, "timeline: -S %s: expected KEY=VALUE\nTry 'timeline --help'.\n",
                assignment);
        return EXIT_USAGE;
    }
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
        const cli_option *o = cli_option_find(name);
        section = o && o->section ? o->section : dot ? "palette" : "chart";
    }
    /* The value as a style file would hold it, so -S and files read it the same way. */
    GKeyFile *kf = g_key_file_new();
    g_key_file_set_value(kf, section, name, eq + 1);
    char *why = apply_key(c, section, name, kf);
    g_key_file_free(kf);
    int status = 0;
    if (why) {
        fprintf(stderr, "timeline: -S %s: %s\n", assignment, why);
        status = EXIT_USAGE;
        g_free(why);
    }
    g_free(key);
    return status;
}

void cli_config_print(const cli *c, FILE *fp)
{
    GKeyFile *out = g_key_file_new();
    /* Sections in a fixed order, keys in the table's order: the same settings always print
     * the same file. */
    for (size_t s = 0; s < G_N_ELEMENTS(sections); s++) {
        for (size_t i = 0; i < cli_option_count; i++) {
            const cli_option *o = &cli_options[i];
            if (!o->section || strcmp(o->section, sections[s]) != 0)
                continue;
            char *raw = g_key_file_get_value(c->config, o->section, o->name, NULL);
            if (raw)
                g_key_file_set_value(out, o->section, o->name, raw);
            g_free(raw);
        }
    }
    gchar **keys = g_key_file_get_keys(c->config, "palette", NULL, NULL);
    for (gsize k = 0; keys && keys[k]; k++) {
        char *raw = g_key_file_get_value(c->config, "palette", keys[k], NULL);
        g_key_file_set_value(out, "palette", keys[k], raw);
        g_free(raw);
    }
    g_strfreev(keys);
    gsize len = 0;
    gchar *data = g_key_file_to_data(out, &len, NULL);
    fputs("# timeline style file (timeline -c FILE)\n", fp);
    fwrite(data, 1, len, fp);
    g_free(data);
    g_key_file_free(out);
}
