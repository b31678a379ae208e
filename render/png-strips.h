/* The image data of a PNG (filtered rows, compressed into one zlib stream) made in horizontal
 * strips on every processor. Each strip starts a new deflate block sequence with an empty
 * window, so strips compress independently; their boundaries depend only on the image width,
 * never on the number of processors, so the bytes are the same on every machine. */
#ifndef TL_PNG_STRIPS_H
#define TL_PNG_STRIPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tl_png_pixels {
    const unsigned char *data; /* premultiplied native-endian ARGB32, as Cairo stores it */
    int width, height, stride;
    bool alpha; /* write RGBA (straight alpha) instead of RGB */
} tl_png_pixels;

/* One strip's compressed bytes. The first strip begins with the zlib header and the last
 * ends with the Adler-32 of all filtered rows, so the strips concatenated are the stream. */
typedef struct tl_png_strip {
    unsigned char *data;
    size_t len;
} tl_png_strip;

typedef struct tl_png_stream {
    tl_png_strip *strips;
    size_t count;
} tl_png_stream;

/* Fills `out`, on at most `workers` threads (0: one a processor); the bytes are the same
 * whatever the number. False when memory ran out or zlib failed; `out` is then empty. */
bool tl_png_strips_compress(const tl_png_pixels *px, unsigned workers, tl_png_stream *out);
void tl_png_stream_free(tl_png_stream *s);

#endif /* TL_PNG_STRIPS_H */
