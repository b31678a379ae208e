/* Testing eight bytes at a time (a word read from any address). Each test returns a word with
 * the top bit set in the bytes that match, and possibly in bytes after a match (a borrow runs
 * on), never before one: exact for "is there any", which is what most scans ask;
 * tl_word_equal_exact() is exact for counting. Internal to data/. */
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

/* Bytes equal to `c`, exactly: the top bit is set in those bytes and no other, so the matches
 * can be counted. */
static inline uint64_t tl_word_equal_exact(uint64_t x, unsigned char c)
{
    const uint64_t lows = ~TL_WORD_HIGHS;
    const uint64_t y = x ^ (TL_WORD_ONES * c);
    /* The sum's top bit is set where the byte's lower seven bits are not all zero; no carry
     * leaves a byte. */
    return ~(((y & lows) + lows) | y | lows);
}

/* The sum of the eight bytes of `x`, each a count. */
static inline unsigned tl_word_sum(uint64_t x)
{
    x = (x & 0x00FF00FF00FF00FFu) + ((x >> 8) & 0x00FF00FF00FF00FFu);
    x = (x & 0x0000FFFF0000FFFFu) + ((x >> 16) & 0x0000FFFF0000FFFFu);
    return (unsigned)((x & 0xFFFFFFFFu) + (x >> 32));
}

#endif /* TL_WORD_SCAN_H */
