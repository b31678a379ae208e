/* Building tl_error values inside the library. */
#ifndef TL_ERROR_PRIVATE_H
#define TL_ERROR_PRIVATE_H

#include "timeline/timeline.h"

/* Sets *err (when err is not NULL and *err is NULL: the first error wins) to a new error with a
 * printf-formatted message. Always returns false, so callers can `return tl_set_error(...)`. */
bool tl_set_error(tl_error **err, tl_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As tl_set_error(), with a position: the message becomes "PATH:LINE:COL: message" (or
 * "PATH:LINE: message" when col is 0, "PATH: message" when line is 0). */
bool tl_set_error_at(tl_error **err, tl_error_code code, const char *path, unsigned long line,
                     unsigned long col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Formats "PATH:LINE:COL: message" into a new string (same rules as above). */
char *tl_format_located(const char *path, unsigned long line, unsigned long col,
                        const char *message);

#endif /* TL_ERROR_PRIVATE_H */
