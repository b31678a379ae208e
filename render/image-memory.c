#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise() */

#include "image-memory.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "common/tl-alloc.h"

/* Below this the faults are few; above, huge pages pay for their alignment slack. */
enum { HUGE = 2 * 1024 * 1024 };

typedef struct mapping {
    void *base;
    size_t len;
} mapping;

static const cairo_user_data_key_t mapping_key;

static void unmap(void *p)
{
    mapping *m = p;
    munmap(m->base, m->len);
    free(m);
}

cairo_surface_t *tl_image_surface_new(int width, int height)
{
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
    const size_t size = stride > 0 && height > 0 ? (size_t)stride * (size_t)height : 0;
    mapping *m = size >= HUGE ? tl_xmalloc(sizeof *m) : NULL;
    if (m) {
        /* Anonymous memory is zeroed; the slack lets the pixels start on a 2 MB boundary. */
        m->len = size + HUGE;
        m->base = mmap(NULL, m->len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m->base != MAP_FAILED) {
            unsigned char *pixels =
                (unsigned char *)(((uintptr_t)m->base + HUGE - 1) & ~(uintptr_t)(HUGE - 1));
            /* Advice only: without huge pages the memory works as any other. */
            (void)madvise(pixels, size, MADV_HUGEPAGE);
            cairo_surface_t *s = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32,
                                                                     width, height, stride);
            if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
                cairo_surface_set_user_data(s, &mapping_key, m, unmap) == CAIRO_STATUS_SUCCESS)
                return s;
            cairo_surface_destroy(s);
            munmap(m->base, m->len);
        }
        free(m);
    }
#endif
    return cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
}
