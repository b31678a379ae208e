/* Cutting UTF-8 text for messages without splitting a character. */
#ifndef TL_UTF8_H
#define TL_UTF8_H

#include <stddef.h>

/* Length in bytes of the longest prefix of `s` (valid UTF-8) of at most `max` bytes that ends
 * at a character: the precision to print it with ("%.*s"). */
int tl_utf8_prefix(const char *s, size_t max);

#endif /* TL_UTF8_H */
