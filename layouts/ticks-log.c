/* Ticks of a logarithmic scale of the time before the present: powers of ten years ago
 * ("100 years ago", "10 ka", "1 Ma", "1 Ga"), and threes between them when decades are few. */
#include "ticks-log.h"

#include <math.h>
#include <stdio.h>

#include "common/tl-alloc.h"
#include "ticks-chosen.h"
#include "words.h"

/* "100 years ago", "3 ka", "10 Ma", "4.5 Ga" (as deep-time dates are written). */
static void age_label(const tl_ticks_request *rq, double years, char *buf, size_t size)
{
    static const struct {
        double years;
        const char *msgid, *symbol;
    } units[] = {{1e9, "{0} Ga", "Ga"}, {1e6, "{0} Ma", "Ma"}, {1e3, "{0} ka", "ka"}};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        if (years < units[i].years)
            continue;
        const double v = years / units[i].years;
        char number[32];
        if (rq->loc && tl_locale_decimal(rq->loc, v, 1, number, sizeof number)) {
            const tl_locale_arg args[1] = {{.text = number, .number = v}};
            if (tl_words_say(rq->loc, "deep time", units[i].msgid, args, 1, buf, size))
                return;
        }
        snprintf(buf, size, "%g %s", v, units[i].symbol);
        return;
    }
    const tl_locale_arg args[1] = {{.text = "", .number = years}};
    if (tl_words_say(rq->loc, "deep time", "{0, plural, one {# year ago} other {# years ago}}",
                     args, 1, buf, size))
        return;
    snprintf(buf, size, "%g year%s ago", years, years == 1 ? "" : "s");
}

bool tl_ticks_generate_log(const tl_scale *s, const tl_text_measurer *m, const tl_font *font,
                           double min_gap, double left, double right, const tl_ticks_request *rq,
                           tl_ticks *out)
{
    out->unit = TL_TICK_YEAR;
    out->step = 0;
    size_t cap = 0;
    const int first = (int)floor(s->log_lo), last = (int)ceil(s->log_hi);
    /* Threes between the powers of ten when the axis spans few of them. */
    const bool threes = last - first < 5;
    for (int e = first; e <= last; e++)
        for (int k = 0; k < (threes ? 2 : 1); k++) {
            const double years = pow(10, e) * (k ? 3 : 1);
            if (years < 1 || log10(years) < s->log_lo - 1e-9 || log10(years) > s->log_hi + 1e-9)
                continue;
            const double secs = years * TL_SCALE_YEAR;
            if (secs > 9.0e18 || !tl_ticks_push(out, &cap, 200, s->present - (int64_t)secs))
                continue;
            tl_tick *tk = &out->items[out->count - 1];
            tk->x = tl_scale_x(s, tk->t);
            age_label(rq, years, tk->label, sizeof tk->label);
        }
    /* Oldest first, as the axis runs. */
    for (size_t i = 0, j = out->count; i + 1 < j; i++, j--) {
        const tl_tick tmp = out->items[i];
        out->items[i] = out->items[j - 1];
        out->items[j - 1] = tmp;
    }
    const char *lang = rq->loc ? tl_locale_language(rq->loc) : NULL;
    if (!tl_ticks_label_chosen(m, font, lang, min_gap, left, right, out))
        return false;
    out->thinned = false; /* the axis chose these ticks: no warning for those left unlabelled */
    return true;
}
