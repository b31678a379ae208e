#include "png-strips.h"

#include <glib.h>
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* About 256 kB of filtered rows a strip: many strips to share out even on a small chart, and
 * the deflate window (32 kB) is small beside it, so restarting it costs almost nothing. */
enum { STRIP_BYTES = 256 * 1024, MAX_WORKERS = 16 };

/* Charts are mostly flat colour, which the Up and Sub filters turn into runs of zeros: level 3
 * finds them about as well as level 6 in well under half the time. */
enum { LEVEL = 3 };

/* The zlib header for a 32 kB window at levels 2 to 5 (FLEVEL 1); 0x785E is a multiple of 31. */
static const unsigned char ZLIB_HEADER[2] = {0x78, 0x5E};

typedef struct work {
    const tl_png_pixels *px;
    size_t rowbytes; /* one row of output pixels, without its filter byte */
    int bpp;
    int rows_per_strip;
    size_t count;
    tl_png_strip *strips;
    /* Each strip's filtered rows: their Adler-32 and length, for the stream's checksum. */
    uLong *adler;
    size_t *raw_len;
    gint next;
    gint failed;
} work;

/* One row of premultiplied ARGB32 as RGB or straight RGBA bytes. */
static void convert_row(const uint32_t *src, unsigned char *dst, int width, bool alpha)
{
    if (!alpha) {
        /* Opaque (the usual chart): a loop without the alpha division's branch. */
        for (int x = 0; x < width; x++) {
            const uint32_t p = src[x];
            dst[3 * x] = (unsigned char)(p >> 16);
            dst[3 * x + 1] = (unsigned char)(p >> 8);
            dst[3 * x + 2] = (unsigned char)p;
        }
        return;
    }
    for (int x = 0; x < width; x++) {
        const uint32_t p = src[x];
        unsigned a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (a != 0 && a != 0xff) {
            r = (r * 255 + a / 2) / a;
            g = (g * 255 + a / 2) / a;
            b = (b * 255 + a / 2) / a;
        }
        *dst++ = (unsigned char)r;
        *dst++ = (unsigned char)g;
        *dst++ = (unsigned char)b;
        *dst++ = (unsigned char)a;
    }
}

static const uint32_t *source_row(const tl_png_pixels *px, int y)
{
    return (const uint32_t *)(const void *)(px->data + (size_t)y * (size_t)px->stride);
}

/* The filtered bytes as signed values, summed by magnitude: the usual estimate of how well a
 * row will compress (smaller is better). */
static unsigned long cost(const unsigned char *restrict d, size_t n)
{
    /* In blocks of a fixed size, which compilers turn into vector code even at -O2. */
    enum { BLOCK = 32 };
    unsigned long s = 0;
    size_t i = 0;
    for (; i + BLOCK <= n; i += BLOCK) {
        unsigned block = 0;
        for (size_t k = 0; k < BLOCK; k++) {
            const int v = (signed char)d[i + k];
            block += (unsigned)(v < 0 ? -v : v);
        }
        s += block;
    }
    for (; i < n; i++) {
        const int v = (signed char)d[i];
        s += (unsigned)(v < 0 ? -v : v);
    }
    return s;
}

/* Writes the filter byte and the row filtered by Up or Sub, whichever costs less. `prev` is
 * the previous row of the image (zeros above the first). */
static void filter_row(const unsigned char *restrict cur, const unsigned char *restrict prev,
                       size_t n, int bpp, unsigned char *restrict out,
                       unsigned char *restrict scratch)
{
    unsigned char *restrict up = out + 1;
    out[0] = 2;
    for (size_t i = 0; i < n; i++)
        up[i] = (unsigned char)(cur[i] - prev[i]);
    const unsigned long up_cost = cost(up, n);
    const size_t b = (size_t)bpp < n ? (size_t)bpp : n;
    memcpy(scratch, cur, b);
    for (size_t i = b; i < n; i++)
        scratch[i] = (unsigned char)(cur[i] - cur[i - b]);
    if (cost(scratch, n) < up_cost) {
        out[0] = 1;
        memcpy(up, scratch, n);
    }
}

/* Compresses `len` bytes with `z` (a raw deflate stream, reset here: its window and tables
 * are allocated once a worker, not once a strip). */
static bool deflate_strip(z_stream *z, const unsigned char *in, size_t len, bool first, bool last,
                          tl_png_strip *out)
{
    if (deflateReset(z) != Z_OK)
        return false;
    /* The bound is for Z_FINISH; a sync flush adds its empty stored block (5 bytes). */
    size_t cap = deflateBound(z, (uLong)len) + 16 + (first ? 2 : 0);
    unsigned char *buf = malloc(cap);
    if (!buf)
        return false;
    size_t pos = 0;
    if (first) {
        memcpy(buf, ZLIB_HEADER, 2);
        pos = 2;
    }
    z->next_in = (Bytef *)(uintptr_t)in;
    z->avail_in = (uInt)len;
    const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
    for (;;) {
        z->next_out = buf + pos;
        z->avail_out = (uInt)(cap - pos);
        const int rc = deflate(z, flush);
        pos = cap - z->avail_out;
        if (rc == Z_STREAM_END || (!last && rc == Z_OK && z->avail_in == 0 && z->avail_out > 0))
            break;
        unsigned char *grown = rc == Z_OK || rc == Z_BUF_ERROR ? realloc(buf, cap * 2) : NULL;
        if (!grown) {
            free(buf);
            return false;
        }
        buf = grown;
        cap *= 2;
    }
    out->data = buf;
    out->len = pos;
    return true;
}

/* Takes strips until none is left. Each worker filters into buffers of its own; strips are
 * written only by the worker that took them. */
static gpointer worker(gpointer data)
{
    work *w = data;
    const tl_png_pixels *px = w->px;
    const size_t n = w->rowbytes;
    const size_t raw_cap = (size_t)w->rows_per_strip * (n + 1);
    unsigned char *raw = malloc(raw_cap);
    unsigned char *rows = calloc(3, n); /* previous, current, scratch */
    z_stream z = {0};
    const bool ready = deflateInit2(&z, LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    if (!raw || !rows || !ready) {
        g_atomic_int_set(&w->failed, 1);
        goto done;
    }
    for (;;) {
        const gint s = g_atomic_int_add(&w->next, 1);
        if ((size_t)s >= w->count || g_atomic_int_get(&w->failed))
            break;
        const int y0 = s * w->rows_per_strip;
        const int y1 = MIN(px->height, y0 + w->rows_per_strip);
        unsigned char *prev = rows, *cur = rows + n, *scratch = rows + 2 * n;
        if (y0 > 0)
            convert_row(source_row(px, y0 - 1), prev, px->width, px->alpha);
        else
            memset(prev, 0, n);
        unsigned char *o = raw;
        for (int y = y0; y < y1; y++) {
            /* A row of pixels equal to the one above (a chart's blank margins and bands, four
             * rows in ten of the sample) is Up-filtered to zeros without converting it. */
            if (y > 0 && memcmp(source_row(px, y), source_row(px, y - 1),
                                (size_t)px->width * sizeof(uint32_t)) == 0) {
                o[0] = 2;
                memset(o + 1, 0, n);
                o += n + 1;
                continue;
            }
            convert_row(source_row(px, y), cur, px->width, px->alpha);
            filter_row(cur, prev, n, w->bpp, o, scratch);
            o += n + 1;
            unsigned char *t = prev;
            prev = cur;
            cur = t;
        }
        const size_t len = (size_t)(o - raw);
        /* libdeflate's Adler-32 is vectorised: about ten times zlib's on this machine. */
        w->adler[s] = libdeflate_adler32(1, raw, len);
        w->raw_len[s] = len;
        if (!deflate_strip(&z, raw, len, s == 0, (size_t)s == w->count - 1, &w->strips[s]))
            g_atomic_int_set(&w->failed, 1);
    }
done:
    if (ready)
        deflateEnd(&z);
    free(raw);
    free(rows);
    return NULL;
}

void tl_png_stream_free(tl_png_stream *s)
{
    for (size_t i = 0; s->strips && i < s->count; i++)
        free(s->strips[i].data);
    free(s->strips);
    s->strips = NULL;
    s->count = 0;
}

bool tl_png_strips_compress(const tl_png_pixels *px, unsigned workers, tl_png_stream *out)
{
    *out = (tl_png_stream){0};
    const int bpp = px->alpha ? 4 : 3;
    const size_t rowbytes = (size_t)px->width * (size_t)bpp;
    const int rows = (int)MAX(1, MIN((size_t)px->height, STRIP_BYTES / (rowbytes + 1)));
    work w = {
        .px = px,
        .rowbytes = rowbytes,
        .bpp = bpp,
        .rows_per_strip = rows,
        .count = ((size_t)px->height + (size_t)rows - 1) / (size_t)rows,
    };
    w.strips = calloc(w.count, sizeof *w.strips);
    w.adler = calloc(w.count, sizeof *w.adler);
    w.raw_len = calloc(w.count, sizeof *w.raw_len);
    if (!w.strips || !w.adler || !w.raw_len)
        goto fail;

    /* The calling thread is one of the workers; a thread that cannot start leaves its share
     * to the others. */
    GThread *threads[MAX_WORKERS];
    size_t started = 0;
    const size_t cpus = workers ? workers : (size_t)g_get_num_processors();
    const size_t want = MIN(w.count, MIN(cpus, (size_t)MAX_WORKERS));
    for (size_t i = 1; i < want; i++) {
        GThread *t = g_thread_try_new("png", worker, &w, NULL);
        if (t)
            threads[started++] = t;
    }
    worker(&w);
    for (size_t i = 0; i < started; i++)
        g_thread_join(threads[i]);
    if (w.failed)
        goto fail;

    uLong adler = w.adler[0];
    for (size_t s = 1; s < w.count; s++)
        adler = adler32_combine(adler, w.adler[s], (z_off_t)w.raw_len[s]);
    tl_png_strip *last = &w.strips[w.count - 1];
    unsigned char *grown = realloc(last->data, last->len + 4);
    if (!grown)
        goto fail;
    last->data = grown;
    for (int i = 0; i < 4; i++)
        last->data[last->len++] = (unsigned char)(adler >> (24 - 8 * i));
    free(w.adler);
    free(w.raw_len);
    out->strips = w.strips;
    out->count = w.count;
    return true;

fail:
    for (size_t i = 0; w.strips && i < w.count; i++)
        free(w.strips[i].data);
    free(w.strips);
    free(w.adler);
    free(w.raw_len);
    return false;
}
