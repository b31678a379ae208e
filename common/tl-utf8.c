#include "tl-utf8.h"

#include <string.h>

int tl_utf8_prefix(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    /* A continuation byte right after the cut means the cut is inside a character. */
    if (n == max)
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    return (int)n;
}
