#include "data/text-utf8.h"

#include <glib.h>

#include "common/tl-alloc.h"
#include "common/tl-error-private.h"
#include "data/model-private.h"

/* A place in the text, found by counting on from the last one (LF, CRLF or CR end a line). */
typedef struct cursor {
    const char *end;
    const char *at, *line_start;
    unsigned long line;
} cursor;

static void advance(cursor *c, const char *to)
{
    for (; c->at < to; c->at++)
        if (*c->at == '\n' || (*c->at == '\r' && (c->at + 1 >= c->end || c->at[1] != '\n'))) {
            c->line++;
            c->line_start = c->at + 1;
        }
}

/* The column of `p` on the cursor's line, in characters. */
static unsigned long column(const cursor *c, const char *p)
{
    unsigned long col = 1;
    for (const char *q = c->line_start; q < p; q++)
        col += ((unsigned char)*q & 0xC0) != 0x80;
    return col;
}

void tl_text_repairs_counted(tl_timeline *tl, const char *path, size_t repairs)
{
    if (repairs > TL_REPAIRS_SHOWN)
        tl_model_add_warning(tl, tl_xasprintf("%s: %zu more invalid UTF-8 sequences replaced "
                                              "with U+FFFD",
                                              path, repairs - TL_REPAIRS_SHOWN));
}

const char *tl_text_utf8(const char *data, size_t len, const char *path, bool repair,
                         tl_timeline *tl, char **copy, tl_error **err)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        tl_set_error_at(err, TL_ERROR_DATA, path, 0, 0, "file is UTF-16; save it as UTF-8");
        return NULL;
    }
    GString *fixed = NULL;
    size_t repairs = 0, from = 0;
    const char *end = data + len;
    cursor c = {.end = end, .at = data, .line_start = data, .line = 1};
    for (const char *p = data; p < end;) {
        const char *bad;
        if (g_utf8_validate_len(p, (gsize)(end - p), &bad))
            break;
        advance(&c, bad);
        /* NUL stops the validation too: binary data, never repaired. */
        if (*bad == '\0' || !repair) {
            tl_set_error_at(err, TL_ERROR_DATA, path, c.line, column(&c, bad),
                            *bad ? "invalid UTF-8 (byte 0x%02X); save the file as UTF-8"
                                 : "binary data (NUL byte)",
                            (unsigned char)*bad);
            if (fixed)
                g_string_free(fixed, TRUE);
            return NULL;
        }
        if (++repairs <= TL_REPAIRS_SHOWN) {
            char *msg = tl_xasprintf("invalid UTF-8 (byte 0x%02X) replaced with U+FFFD",
                                     (unsigned char)*bad);
            tl_model_add_warning(tl, tl_format_located(path, c.line, column(&c, bad), msg));
            free(msg);
        }
        fixed = fixed ? fixed : g_string_sized_new(len + 16);
        g_string_append_len(fixed, data + from, bad - data - (gssize)from);
        g_string_append(fixed, "\xEF\xBF\xBD");
        from = (size_t)(bad - data) + 1;
        p = bad + 1;
    }
    tl_text_repairs_counted(tl, path, repairs);
    if (!fixed)
        return data;
    g_string_append_len(fixed, data + from, (gssize)(len - from));
    *copy = g_string_free(fixed, FALSE);
    return *copy;
}
