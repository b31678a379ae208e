/* The floor of a run: a program that links Cairo, Pango and fontconfig as the CLI does and
 * does nothing. bench/run.sh times it beside the CLI, so the table says what every run pays
 * for starting and ending on the machine at hand. */
#include <cairo.h>
#include <pango/pangocairo.h>

int main(int argc, char **argv)
{
    (void)argv;
    /* Referenced, never called: the libraries are loaded and relocated, nothing more. */
    if (argc < 0) {
        cairo_surface_destroy(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
        g_object_unref(pango_cairo_font_map_new());
    }
    return 0;
}
