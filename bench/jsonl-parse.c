/* The floor under JSON Lines input: json-glib alone parsing every line of a file, on two
 * threads each taking half the lines as the loader does (data/json-load.c), with nothing of
 * ours done with the objects. Prints the wall time in seconds.
 * Usage: jsonl-parse FILE.jsonl */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct half {
    const char *data;
    size_t len;
    gboolean ok;
} half;

static gpointer parse_half(gpointer user)
{
    half *h = user;
    JsonParser *parser = json_parser_new();
    h->ok = TRUE;
    for (size_t off = 0; h->ok && off < h->len;) {
        const char *nl = memchr(h->data + off, '\n', h->len - off);
        const size_t end = nl ? (size_t)(nl - h->data) : h->len;
        if (end > off)
            h->ok = json_parser_load_from_data(parser, h->data + off, (gssize)(end - off), NULL);
        off = end + 1;
    }
    g_object_unref(parser);
    return NULL;
}

int main(int argc, char **argv)
{
    gchar *data = NULL;
    gsize len = 0;
    if (argc != 2 || !g_file_get_contents(argv[1], &data, &len, NULL)) {
        fprintf(stderr, "usage: jsonl-parse FILE.jsonl (a readable file)\n");
        return 2;
    }
    const char *middle = memchr(data + len / 2, '\n', len - len / 2);
    const size_t cut = middle ? (size_t)(middle - data) + 1 : len;
    half a = {data, cut, FALSE}, b = {data + cut, len - cut, FALSE};
    const gint64 t0 = g_get_monotonic_time();
    GThread *t = g_thread_new("half", parse_half, &b);
    parse_half(&a);
    g_thread_join(t);
    const double secs = (double)(g_get_monotonic_time() - t0) / 1e6;
    g_free(data);
    if (!a.ok || !b.ok) {
        fprintf(stderr, "jsonl-parse: %s: not JSON Lines\n", argv[1]);
        return 1;
    }
    printf("%.3f\n", secs);
    return 0;
}
