#include "png-writer.h"

#include "png-strips.h"

#include <math.h>
#include <png.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink {
    cairo_write_func_t write;
    void *closure;
    cairo_status_t status;
} sink;

static void on_write(png_structp png, png_bytep data, png_size_t len)
{
    sink *s = png_get_io_ptr(png);
    if (s->status == CAIRO_STATUS_SUCCESS)
        s->status = s->write(s->closure, data, (unsigned int)len);
    if (s->status != CAIRO_STATUS_SUCCESS)
        png_error(png, "write failed");
}

static void on_flush(png_structp png)
{
    (void)png;
}

/* libpng reports errors by longjmp; its own messages are not printed (the library never
 * prints), the status says what went wrong. */
static void on_error(png_structp png, png_const_charp msg)
{
    (void)msg;
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static bool all_opaque(const unsigned char *data, int width, int height, int stride)
{
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++)
            if ((row[x] >> 24) != 0xff)
                return false;
    }
    return true;
}

cairo_status_t tl_png_write(cairo_surface_t *image, double dpi, bool opaque,
                            cairo_write_func_t write_func, void *closure)
{
    if (cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32)
        return CAIRO_STATUS_INVALID_FORMAT;
    const unsigned char *data = cairo_image_surface_get_data(image);
    const int width = cairo_image_surface_get_width(image);
    const int height = cairo_image_surface_get_height(image);
    const int stride = cairo_image_surface_get_stride(image);
    if (!data || width <= 0 || height <= 0)
        return CAIRO_STATUS_INVALID_FORMAT;

    sink out = {.write = write_func, .closure = closure, .status = CAIRO_STATUS_SUCCESS};
    const tl_png_pixels px = {.data = data,
                              .width = width,
                              .height = height,
                              .stride = stride,
                              .alpha = !opaque && !all_opaque(data, width, height, stride)};
    tl_png_stream stream;
    if (!tl_png_strips_compress(&px, 0, &stream))
        return CAIRO_STATUS_NO_MEMORY;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        tl_png_stream_free(&stream);
        return CAIRO_STATUS_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        tl_png_stream_free(&stream);
        return out.status != CAIRO_STATUS_SUCCESS ? out.status : CAIRO_STATUS_NO_MEMORY;
    }
    png_set_write_fn(png, &out, on_write, on_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 px.alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (isfinite(dpi) && dpi > 0) {
        const png_uint_32 ppm = (png_uint_32)lround(dpi / 0.0254);
        png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    }
    /* libpng writes the header chunks; the image data, compressed beforehand in strips, goes
     * out an IDAT chunk a strip, and IEND closes the file. */
    png_write_info(png, info);
    for (size_t i = 0; i < stream.count; i++)
        png_write_chunk(png, (png_const_bytep) "IDAT", stream.strips[i].data, stream.strips[i].len);
    png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    tl_png_stream_free(&stream);
    return out.status;
}
