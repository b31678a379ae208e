/* Testing eight bytes at a time (a word read from any address). Each test returns a word with
 * the top bit set in the bytes that match, and possibly in bytes after a match (a borrow runs
 * on), never before one: exact for "is there any", which is all the scans ask. Internal to
 * data/. */
#ifndef TL_WORD_SCAN_H
#define TL_WORD_SCAN_H

#include <stdint.h>
#include <string.h>

#define TL_WORD_ONES ((uint64_t)0x0101010101010101u)
#define TL_WORD_HIGHS ((uint64_t)0x8080808080808080u)

static inline uint64_t tl_word_at(const unsigned char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    return x;
}

/* Bytes below `n` (n <= 128). */
static inline uint64_t tl_word_below(uint64_t x, unsigned char n)
{
    return (x - TL_WORD_ONES * n) & ~x & TL_WORD_HIGHS;
}

/* Bytes equal to `c`. */
static inline uint64_t tl_word_equal(uint64_t x, unsigned char c)
{
    return tl_word_below(x ^ (TL_WORD_ONES * c), 1);
}

#endif /* TL_WORD_SCAN_H */
