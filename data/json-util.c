/* What every JSON importer needs around json-glib: a depth check before parsing, and its
 * error messages in our form. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "common/tl-error-private.h"
#include "data/json-rows.h"

bool tl_json_parse_error(const char *path, unsigned long line, const GError *gerr, tl_error **err)
{
    const char *msg = gerr ? gerr->message : "invalid JSON";
    unsigned long l = 0, c = 0;
    const char *rest = msg;
    if (sscanf(msg, "<data>:%lu:%lu:", &l, &c) == 2) {
        rest = strchr(strchr(strchr(msg, ':') + 1, ':') + 1, ':') + 1;
        while (*rest == ' ')
            rest++;
    }
    if (line > 0) /* JSON Lines: the parser saw one line */
        l = line;
    return tl_set_error_at(err, TL_ERROR_DATA, path, l, c, "invalid JSON: %s", rest);
}

bool tl_json_check_depth(const char *data, size_t len, const char *path, unsigned long first_line,
                         tl_error **err)
{
    /* Nesting needs an opening bracket a level: with few of them (every event object) the
     * scan below, which must follow strings, is not needed. */
    size_t opening = 0;
    for (size_t i = 0; i < len; i++)
        opening += (data[i] == '{') | (data[i] == '[');
    if (opening <= TL_JSON_MAX_DEPTH)
        return true;
    unsigned long line = first_line, col = 0;
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        const char c = data[i];
        col++;
        if (c == '\n') {
            line++;
            col = 0;
        } else if (in_string) {
            if (c == '\\' && i + 1 < len && data[i + 1] != '\n') {
                i++;
                col++;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if ((c == '[' || c == '{') && ++depth > TL_JSON_MAX_DEPTH) {
            return tl_set_error_at(err, TL_ERROR_DATA, path, line, col,
                                   "invalid JSON: nested more than %d deep", TL_JSON_MAX_DEPTH);
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return true;
}
