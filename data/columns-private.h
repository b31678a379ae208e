/* What the header's reading (columns.c), the rows' reading (columns-row.c) and the HTML
 * conversion (columns-html.c) share: keyword lookup and the way a message quotes a cell.
 * Internal to data/columns*.c. */
#ifndef TL_COLUMNS_PRIVATE_H
#define TL_COLUMNS_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "data/columns.h"

/* How much of a cell a message quotes: enough to recognise it, short enough to keep the
 * message on one readable line. */
enum { QUOTE_MAX_CHARS = 40, QUOTE_BUF = 4 * QUOTE_MAX_CHARS + 16 };

typedef struct keyword {
    const char *name; /* normalised */
    int value;
} keyword;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The value of `text` in table[0..count), matched as written or normalised as header names
 * are; false when it is not there. */
bool tl_columns_keyword_lookup(const keyword *table, size_t count, const char *text, int *value);

static inline bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Trims white space from both ends of a field, in place. */
void tl_columns_trim_field(tl_csv_field *f);

/* Formats a cell as it appears in a message: "text", shortened and escaped. Returns buf. */
const char *tl_columns_quote(char buf[QUOTE_BUF], const char *s);

/* Adds the warning "PATH:LINE:COL: message" to tl. */
void tl_columns_warn(tl_timeline *tl, const char *path, tl_csv_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Whether a text may hold HTML (a tag or an entity) for tl_columns_html_to_text() to convert. */
bool tl_columns_has_html(const char *s);

/* Turns TimelineJS's HTML into plain text, in place (columns-html.c); returns the new length. */
size_t tl_columns_html_to_text(char *s, bool keep_lines);

#endif /* TL_COLUMNS_PRIVATE_H */
