/* Growable byte buffer, always NUL-terminated. */
#ifndef TL_BUF_H
#define TL_BUF_H

#include <stddef.h>

typedef struct tl_buf {
    char *data; /* NULL until the first append */
    size_t len;
    size_t cap;
} tl_buf;

#define TL_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void tl_buf_append(tl_buf *b, const char *s, size_t n);
void tl_buf_append_str(tl_buf *b, const char *s);
void tl_buf_append_char(tl_buf *b, char c);
void tl_buf_printf(tl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends `s` as a JSON string literal, quotes included. `s` must be valid UTF-8. */
void tl_buf_append_json_string(tl_buf *b, const char *s);
/* The XML entity that stands for c when it is one of & < > " ', else NULL. */
const char *tl_xml_entity(unsigned c);
/* Appends a number in a locale-independent "%.2f" form ("-0.00" printed as "0.00"). */
void tl_buf_append_fixed2(tl_buf *b, double v);
/* The same to 1/100 without trailing zeros: "-5.05", "1.5", "0". */
void tl_buf_append_short2(tl_buf *b, double v);
/* Appends v in decimal: what "%llu" writes, without a format to parse on hot paths. */
void tl_buf_append_uint(tl_buf *b, unsigned long long v);
/* Appends the low `digits` hex digits of v (lowercase, zero-padded; at most 16): what "%0*llx"
 * writes. */
void tl_buf_append_hex(tl_buf *b, unsigned long long v, int digits);
void tl_buf_clear(tl_buf *b);
/* Hands the string to the caller (who frees it) and resets the buffer. Never NULL. */
char *tl_buf_steal(tl_buf *b);
void tl_buf_free(tl_buf *b);

#endif /* TL_BUF_H */
