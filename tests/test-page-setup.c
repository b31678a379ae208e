/* Page setup as written: page sizes, lengths and margins (lib/page-setup.c), and their
 * messages, which the command prints as they are. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "lib/job-private.h"
#include "tap.h"

#define MM (72.0 / 25.4)

static void test_page_sizes(void)
{
    double w = -1, h = -1;
    char *why = NULL;
    tap_ok(tl_page_size_parse("A4", &w, &h, NULL), "A4 parses");
    tap_is_near(w, 210 * MM, 0.01, "A4 width");
    tap_is_near(h, 297 * MM, 0.01, "A4 height");
    tap_ok(tl_page_size_parse("letter", &w, &h, NULL) && w == 612 && h == 792,
           "letter (any case) is 612 x 792");
    tap_ok(tl_page_size_parse("Tabloid", &w, &h, NULL) && w == 792 && h == 1224, "Tabloid");
    tap_ok(tl_page_size_parse("a0", &w, &h, NULL) && fabs(w - 841 * MM) < 0.01 &&
               fabs(h - 1189 * MM) < 0.01,
           "A0");
    tap_ok(tl_page_size_parse("210x297mm", &w, &h, NULL) && fabs(w - 210 * MM) < 1e-9 &&
               fabs(h - 297 * MM) < 1e-9,
           "210x297mm");
    tap_ok(tl_page_size_parse("8.5x11in", &w, &h, NULL) && w == 612 && h == 792, "8.5x11in");
    tap_ok(tl_page_size_parse("20x30cm", &w, &h, NULL) && fabs(w - 200 * MM) < 1e-9, "20x30cm");
    tap_ok(tl_page_size_parse("fit", &w, &h, NULL) && w == 0 && h == 0, "fit is 0 x 0");
    const char *bad_sizes[] = {"A7",        "210x297", "x297mm",       "210x297furlongs", "-5x5in",
                               "0.5x0.5in", "",        "A4 landscape", "210x297mmx"};
    for (size_t i = 0; i < sizeof bad_sizes / sizeof bad_sizes[0]; i++) {
        w = h = 7;
        bool ok = tl_page_size_parse(bad_sizes[i], &w, &h, &why);
        tap_ok(!ok && why && strstr(why, "page size") && w == 7 && h == 7,
               "page size \"%s\" refused: %s", bad_sizes[i], why ? why : "accepted");
        g_clear_pointer(&why, g_free);
    }
    tap_ok(!tl_page_size_parse("A7", &w, &h, NULL), "a bad page size without a message");
    tl_page_size_parse("A7", &w, &h, &why);
    tap_is_str(why,
               "invalid page size \"A7\": expected A5, A4, A3, A2, A1, A0, Letter, Legal, "
               "Tabloid, WIDTHxHEIGHT with mm, cm, in or pt (\"210x297mm\", \"8.5x11in\"; 1 in to "
               "100000 pt a side), or fit",
               "the page size message");
    g_clear_pointer(&why, g_free);
}

static void test_lengths(void)
{
    double v = -1;
    char *why = NULL;
    tap_ok(tl_length_parse("15mm", &v, NULL), "15mm parses");
    tap_is_near(v, 15 * MM, 1e-9, "15mm in points");
    tap_ok(tl_length_parse("1.5cm", &v, NULL) && fabs(v - 15 * MM) < 1e-9, "1.5cm");
    tap_ok(tl_length_parse("0.5in", &v, NULL) && v == 36, "0.5in is 36 pt");
    tap_ok(tl_length_parse("36pt", &v, NULL) && v == 36, "36pt");
    tap_ok(tl_length_parse("36", &v, NULL) && v == 36, "a bare number is points");
    tap_ok(tl_length_parse("0", &v, NULL) && v == 0, "0 is a length");
    const char *bad_lengths[] = {"", "mm", "12px", "-3mm", "1e3pt", "1,5cm", "3 mm 4", NULL};
    for (size_t i = 0; bad_lengths[i]; i++) {
        bool ok = tl_length_parse(bad_lengths[i], &v, &why);
        tap_ok(!ok && why && strstr(why, "length"), "length \"%s\" refused: %s", bad_lengths[i],
               why ? why : "accepted");
        g_clear_pointer(&why, g_free);
    }
    /* A quoted value is cut at 40 bytes, between characters ("é" is 2 bytes). */
    tl_length_parse("éééééééééééééééééééééé", &v, &why);
    tap_is_str(why,
               "invalid length \"éééééééééééééééééééé\": expected a number with mm, cm, in or pt "
               "(\"15mm\", \"0.5in\"; a bare number is points), at most 100000 pt",
               "the length message, its value cut between characters");
    g_clear_pointer(&why, g_free);
}

static void test_margins(void)
{
    double m[4] = {0};
    char *why = NULL;
    tap_ok(tl_margins_parse("1in", m, NULL) && m[0] == 72 && m[1] == 72 && m[2] == 72 && m[3] == 72,
           "one margin for every side");
    tap_ok(tl_margins_parse("1in,0.5in,2cm,10", m, NULL) && m[0] == 72 && m[1] == 36 &&
               fabs(m[2] - 20 * MM) < 1e-9 && m[3] == 10,
           "four margins: top, right, bottom, left");
    const char *bad_margins[] = {"1in,2in", "1,2,3", "1,2,3,4,5", "1in,,2in,3in", "wide", NULL};
    for (size_t i = 0; bad_margins[i]; i++) {
        bool ok = tl_margins_parse(bad_margins[i], m, &why);
        tap_ok(!ok && why && strstr(why, "margins"), "margins \"%s\" refused: %s", bad_margins[i],
               why ? why : "accepted");
        g_clear_pointer(&why, g_free);
    }
    tl_margins_parse("wide", m, &why);
    tap_is_str(why,
               "invalid margins \"wide\": expected one length for every side, or four as "
               "\"TOP,RIGHT,BOTTOM,LEFT\" (\"15mm\", \"1in,0.5in,1in,0.5in\")",
               "the margins message");
    g_clear_pointer(&why, g_free);
}

int main(void)
{
    test_page_sizes();
    test_lengths();
    test_margins();
    return tap_done();
}
