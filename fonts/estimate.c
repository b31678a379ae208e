/* Estimates: each character's advance, read once per font from the font's tables for the
 * characters of Latin text, summed over the text and wrapped greedily at spaces and hyphens as
 * Pango wraps. Kerning is left out of the table (a pair's adjustment belongs to neither
 * character), so a Latin estimate is a little wider than the shaped text, and wraps near the
 * line's end may come out one line different. Other scripts are sized roughly, without
 * loading their fonts. Estimates choose labels; the labels drawn are measured. */
#include "estimate.h"

#include <hb.h>
#include <math.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "fonts-private.h"

/* One font's advances, made the first time the font is asked for; the fonts hold a list. */
typedef struct tl_fonts_advances tl_fonts_advances;
struct tl_fonts_advances {
    tl_fonts_advances *next;
    tl_font font;
    bool usable;             /* the font set has a line height and the letters a to z */
    double line_h, baseline; /* one line of text in this font, in points */
    double em, letter;       /* the size, and the mean advance of a to z, in points */
    double advance[TL_FONTS_ADVANCE_CHARS]; /* points; negative: not known */
};

enum { LATIN1 = 95, PUNCTUATION = 95 + 96 };

/* The table's index of `c`, or -1. The soft hyphen is left out: Pango draws it only where a
 * line breaks. */
static int char_index(gunichar c)
{
    if (c >= 0x20 && c <= 0x7E)
        return (int)(c - 0x20);
    if (c >= 0xA0 && c <= 0xFF && c != 0xAD)
        return LATIN1 + (int)(c - 0xA0);
    if (c >= 0x2010 && c <= 0x2027)
        return PUNCTUATION + (int)(c - 0x2010);
    return -1;
}

static gunichar char_at(int index)
{
    if (index < LATIN1)
        return (gunichar)(0x20 + index);
    if (index < PUNCTUATION)
        return (gunichar)(0xA0 + index - LATIN1);
    return (gunichar)(0x2010 + index - PUNCTUATION);
}

/* Where a line may end after `c`, as Unicode's line breaking has it for these characters:
 * after a hyphen or a dash (a no-break space or hyphen does not break); spaces are handled
 * apart, as they hang at the end of a line. */
static bool breaks_after(gunichar c)
{
    return c == '-' || c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0x2014;
}

/* Characters that end lines or are drawn as boxes on purpose: text holding them is left to
 * measure(). */
static bool is_break_or_control(gunichar c)
{
    const GUnicodeType type = g_unichar_type(c);
    return type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
           type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* Each known character's advance in the font the font set gives it, as the font's tables
 * have it: the advance shaping starts from, before kerning (a pair's adjustment belongs to
 * neither character). Read through HarfBuzz, whose font Pango scales to its own units: no
 * text is laid out, so no glyph is loaded. */
static void read_advances(tl_fonts *fonts, tl_fonts_advances *a, const PangoFontDescription *desc)
{
    PangoFontset *set = pango_font_map_load_fontset(fonts->fontmap, fonts->context, desc,
                                                    pango_language_from_string("en"));
    for (int i = 0; i < TL_FONTS_ADVANCE_CHARS; i++) {
        a->advance[i] = -1;
        const gunichar c = char_at(i);
        PangoFont *font = set && char_index(c) == i ? pango_fontset_get_font(set, c) : NULL;
        hb_font_t *hb = font ? pango_font_get_hb_font(font) : NULL;
        hb_codepoint_t glyph;
        if (hb && hb_font_get_nominal_glyph(hb, c, &glyph))
            a->advance[i] = (double)hb_font_get_glyph_h_advance(hb, glyph) / PANGO_SCALE;
        if (font)
            g_object_unref(font);
    }
    if (set)
        g_object_unref(set);
}

/* Reads a line's height and baseline from a layout of one letter, and the advances in the
 * font that layout asks for. */
static void read_font(tl_fonts *fonts, tl_fonts_advances *a)
{
    const tl_text_shape one_line = {0};
    PangoLayout *layout = tl_fonts_layout_new(fonts, &a->font, &one_line, "x", false, NULL);
    if (!layout)
        return;
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    a->line_h = pango_units_to_double(logical.height);
    a->baseline = pango_units_to_double(pango_layout_get_baseline(layout) - logical.y);
    a->usable = a->line_h > 0;
    const PangoFontDescription *desc = pango_layout_get_font_description(layout);
    if (a->usable && desc)
        read_advances(fonts, a, desc);
    g_object_unref(layout);
}

/* A character outside the table: an em when East Asian text sets it wide (ideographs, kana,
 * Hangul), nothing when it marks another (Indic vowel signs and viramas too: the cluster is
 * about as wide as its consonants), else a letter's mean width. The font that would draw it
 * is not loaded for this; the label, if drawn, is measured. */
static double rough_advance(const tl_fonts_advances *a, gunichar c)
{
    if (g_unichar_ismark(c) || g_unichar_iszerowidth(c))
        return 0;
    return g_unichar_iswide(c) ? a->em : a->letter;
}

static void mean_letter(tl_fonts_advances *a)
{
    double sum = 0;
    for (gunichar c = 'a'; c <= 'z'; c++) {
        const double w = a->advance[char_index(c)];
        if (w < 0) {
            a->usable = false;
            return;
        }
        sum += w;
    }
    a->letter = sum / 26;
}

static void free_advances(void *list)
{
    for (tl_fonts_advances *a = list; a;) {
        tl_fonts_advances *next = a->next;
        free(a);
        a = next;
    }
}

static const tl_fonts_advances *advances_for(tl_fonts *fonts, const tl_font *font)
{
    for (const tl_fonts_advances *a = fonts->advances; a; a = a->next)
        if (a->font.size == font->size && a->font.weight == font->weight &&
            a->font.italic == font->italic)
            return a;
    tl_fonts_advances *a = tl_xcalloc(1, sizeof *a);
    a->font = *font;
    a->em = font->size * fonts->scale;
    read_font(fonts, a);
    if (a->usable)
        mean_letter(a);
    a->next = fonts->advances;
    fonts->advances = a;
    fonts->advances_free = free_advances;
    return a;
}

/* Greedy wrapping of the words' estimated widths, as a layout of `wrap` points (0: one line)
 * would wrap them: a word that does not fit starts a line, one wider than a line is cut. */
typedef struct wrapper {
    double wrap;
    double line;  /* the current line's width up to its last word */
    double space; /* spaces after that word */
    double word;  /* the word being read */
    double widest;
    double lines; /* counted without bound: words cut by a tiny wrapping add up */
} wrapper;

enum { MAX_LINES = 1000000 };

static void end_line(wrapper *w)
{
    w->widest = w->line > w->widest ? w->line : w->widest;
    w->lines++;
}

static void end_word(wrapper *w)
{
    if (w->wrap > 0 && w->line > 0 && w->line + w->space + w->word > w->wrap) {
        end_line(w);
        w->line = w->word;
    } else {
        w->line += w->space + w->word;
    }
    if (w->wrap > 0 && w->line > w->wrap) {
        /* Cut where each line is full, leaving the rest (up to a line) on the last, in one
         * step however narrow the wrapping. */
        const double full = ceil(w->line / w->wrap) - 1;
        w->line = fmin(fmax(w->line - full * w->wrap, 0), w->wrap);
        w->lines += full;
        w->widest = w->wrap;
    }
    w->space = w->word = 0;
}

bool tl_fonts_estimate(void *user, const tl_font *font, const tl_text_shape *shape,
                       const char *text, tl_text_extents *out)
{
    tl_fonts *fonts = user;
    if (!tl_fonts_can_layout(font, shape, text))
        return false;
    /* Markup changes what is drawn; text that merely may be markup is not estimated. */
    if (shape->markup && strpbrk(text, "<&"))
        return false;
    const tl_fonts_advances *a = advances_for(fonts, font);
    if (!a->usable)
        return false;
    wrapper w = {.wrap = shape->wrap_width};
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        const int i = char_index(c);
        if (i < 0 && is_break_or_control(c))
            return false;
        const double advance = i >= 0 && a->advance[i] >= 0 ? a->advance[i] : rough_advance(a, c);
        if (c == ' ') {
            if (w.word > 0)
                end_word(&w);
            w.space += advance;
            continue;
        }
        w.word += advance;
        /* Wide text breaks between any two characters. */
        if (breaks_after(c) || (i < 0 && g_unichar_iswide(c)))
            end_word(&w);
    }
    end_word(&w);
    end_line(&w);
    bool ellipsized = false;
    if (shape->wrap_width > 0 && shape->max_lines > 0 && w.lines > shape->max_lines) {
        /* The last line kept is ellipsized to the wrapping width. */
        w.lines = shape->max_lines;
        w.widest = shape->wrap_width;
        ellipsized = true;
    }
    /* A count an int holds: more lines than that are no chart's label anyway. */
    const int lines = (int)fmin(w.lines, MAX_LINES);
    *out = (tl_text_extents){
        .width = w.widest,
        .height = lines * a->line_h,
        .baseline = a->baseline,
        .lines = lines,
        .ellipsized = ellipsized,
    };
    return true;
}
