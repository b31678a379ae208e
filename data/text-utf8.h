/* Text sources (Mermaid, Markwhen) as UTF-8, and the count of repairs every reader ends with
 * (CSV's included). */
#ifndef TL_TEXT_UTF8_H
#define TL_TEXT_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "timeline/timeline.h"

/* Invalid UTF-8 sequences warned about one by one; past these, one count. */
enum { TL_REPAIRS_SHOWN = 10 };

/* The bytes of a text source as UTF-8: UTF-16 (by its byte order mark) and NUL bytes refused,
 * an invalid sequence refused at its line and column, or with `repair` replaced with U+FFFD
 * and warned about in `tl` (the first TL_REPAIRS_SHOWN at their places, then a count). Returns
 * the text to read, `data` itself or *copy (which the caller g_free()s), or NULL with *err. */
const char *tl_text_utf8(const char *data, size_t len, const char *path, bool repair,
                         tl_timeline *tl, char **copy, tl_error **err);

/* The warning for the repairs past the first TL_REPAIRS_SHOWN, when there were more. */
void tl_text_repairs_counted(tl_timeline *tl, const char *path, size_t repairs);

#endif /* TL_TEXT_UTF8_H */
