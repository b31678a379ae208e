/* Which links a chart may make clickable, decided once for every format. */
#ifndef TL_URL_H
#define TL_URL_H

#include <stdbool.h>

/* Web, mail and FTP addresses (http, https, ftp, mailto, in any case) and relative references
 * (no scheme: "notes.html", "#part", "?q=1:2"). Refused: every other scheme ("javascript:",
 * "data:", "file:"), and any URL with a blank or control character, which is how a scheme gets
 * hidden from a simple check ("java\tscript:", " javascript:"). "" is refused. */
bool tl_url_is_safe(const char *url);

#endif /* TL_URL_H */
