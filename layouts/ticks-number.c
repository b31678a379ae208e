/* Ticks of a numeric axis (--axis number): 1-2-5 steps of the values, which the model holds in
 * thousandths, labelled with their unit ("250 m", "1.5 kyr", "v 3"). */
#include "ticks-number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ticks-chosen.h"
#include "words.h"

/* "2.5", "-10", "0.125": the value with the decimals its step needs, none trailing. */
static void format_value(const tl_ticks_request *rq, double v, int decimals, char *buf, size_t size)
{
    if (rq->loc && tl_locale_decimal(rq->loc, v, decimals, buf, size))
        return;
    snprintf(buf, size, "%.*f", decimals, v);
    if (strchr(buf, '.')) {
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, size, "0");
}

static void label(const tl_ticks_request *rq, double v, int decimals, char *buf, size_t size)
{
    char number[64];
    format_value(rq, v, decimals, number, sizeof number);
    if (rq->unit_name && *rq->unit_name)
        snprintf(buf, size, "%s %s", number, rq->unit_name);
    else
        snprintf(buf, size, "%s", number);
}

bool tl_ticks_generate_number(const tl_scale *s, const tl_text_measurer *m, const tl_font *font,
                              double min_gap, double left, double right, const tl_ticks_request *rq,
                              tl_ticks *out)
{
    const double lo = (double)s->t0 / 1000, hi = (double)s->t1 / 1000;
    const double width = s->x1 - s->x0;
    const char *lang = rq->loc ? tl_locale_language(rq->loc) : NULL;
    /* From the finest step a label could fit (8 pt a label) up, 1, 2, 5 times powers of ten. */
    const double span = hi - lo > 0 ? hi - lo : 1;
    int e = (int)floor(log10(span / (width / 8)));
    for (int tries = 0; tries < 60; tries++, e++) {
        for (int k = 0; k < 3; k++) {
            static const double mult[] = {1, 2, 5};
            const double step = mult[k] * pow(10, e);
            if (span / step > width / 8 + 2)
                continue;
            const int decimals = e < 0 ? -e : 0;
            out->count = 0;
            size_t cap = 0;
            bool full = false;
            for (double v = ceil(lo / step) * step; v <= hi + step * 1e-9 && !full; v += step)
                full = !tl_ticks_push(out, &cap, 400, (int64_t)llround(v * 1000));
            out->unit = TL_TICK_SECOND;
            out->step = (int64_t)llround(step * 1000);
            bool fits = true;
            for (size_t i = 0; i < out->count; i++) {
                tl_tick *tk = &out->items[i];
                tk->x = tl_scale_x(s, tk->t);
                label(rq, (double)tk->t / 1000, decimals, tk->label, sizeof tk->label);
            }
            if (!tl_ticks_label_chosen(m, font, lang, min_gap, left, right, out))
                return false;
            /* The densest step whose labels all fit, inside ones at least. */
            for (size_t i = 0; i < out->count; i++)
                fits = fits && (out->items[i].label[0] || out->items[i].x < left + 20 ||
                                out->items[i].x > right - 20);
            if (fits && !out->thinned)
                return true;
            out->thinned = false;
        }
    }
    out->count = 0;
    return true;
}
