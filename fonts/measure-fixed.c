#include "measure-fixed.h"

#include <stddef.h>

/* Advances in em; chosen near a real sans so fixed-measurer layouts look plausible. */
#define ADVANCE 0.6
#define LINE 1.2
#define ASCENT 0.95

static size_t utf8_len(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

/* Greedy word wrap counting code points; a word longer than the line is broken. */
static bool measure(void *user, const tl_font *font, const tl_text_shape *shape, const char *text,
                    tl_text_extents *out)
{
    (void)user;
    const double em = font->size;
    const double adv = ADVANCE * em;
    size_t per_line = (size_t)-1;
    if (shape->wrap_width > 0) {
        per_line = (size_t)(shape->wrap_width / adv);
        if (per_line == 0)
            per_line = 1;
    }

    int lines = 0;
    size_t widest = 0, cur = 0;
    bool ellipsized = false;
    const char *p = text;
    for (;;) {
        /* Next word (bytes up to a space or newline). */
        const char *w = p;
        while (*p && *p != ' ' && *p != '\n')
            p++;
        size_t wlen = utf8_len(w, (size_t)(p - w));
        size_t need = cur ? cur + 1 + wlen : wlen;
        if (cur && need > per_line) {
            lines++;
            if (cur > widest)
                widest = cur;
            cur = 0;
            need = wlen;
        }
        while (need > per_line) { /* break an overlong word */
            lines++;
            widest = per_line;
            need -= per_line;
        }
        cur = need;
        if (*p == '\n' || *p == '\0') {
            lines++;
            if (cur > widest)
                widest = cur;
            cur = 0;
            if (!*p)
                break;
            p++;
            continue;
        }
        p++; /* the space */
    }
    if (shape->max_lines > 0 && lines > shape->max_lines) {
        lines = shape->max_lines;
        ellipsized = true;
    }
    /* Every glyph exists and markup is not parsed: the text is measured as written. */
    *out = (tl_text_extents){
        .width = (double)widest * adv,
        .height = lines * LINE * em,
        .baseline = ASCENT * em,
        .lines = lines,
        .ellipsized = ellipsized,
    };
    return true;
}

tl_text_measurer tl_measure_fixed(void)
{
    return (tl_text_measurer){.measure = measure, .user = NULL};
}
