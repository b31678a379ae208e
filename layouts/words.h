/* The words a chart writes itself (legend, notes, page furniture, dates, the accessible
 * description) in the chart's locale. Every function leaves the English of layouts/ to the
 * caller when the chart has no locale: a chart without one is what it always was. */
#ifndef TL_WORDS_H
#define TL_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "data/model-private.h"
#include "locale/locale.h"
#include "scene/scene.h"

/* The catalog's words for (context, msgid), an ICU MessageFormat pattern, formatted with
 * `args` into buf. Returns false without a locale or when formatting fails (or does not fit):
 * the caller writes its English into buf. */
bool tl_words_say(tl_locale *loc, const char *context, const char *msgid, const tl_locale_arg *args,
                  size_t nargs, char *buf, size_t size);
/* A count with the locale's grouping and digits, or "9,924" without a locale. */
void tl_words_count(tl_locale *loc, size_t v, char *buf, size_t size);
/* A status word ("cancelled", "中止"). */
const char *tl_words_status(tl_locale *loc, tl_scene *scene, tl_status status);

/* One date with its qualifiers in the locale ("2019年11月上旬", "c. 1850", "after Oct
 * 2020"); false when the locale cannot write it (deep time beyond ICU's range), and the data
 * layer's English label stands. */
bool tl_words_time(tl_locale *loc, const tl_time *t, char *buf, size_t size);
/* An event's whole date: a span's two ends in the locale's interval form, or its one date. */
bool tl_words_event_date(tl_locale *loc, const tl_event *ev, char *buf, size_t size);

/* After the layout: the scene's language, direction and localised accessible description,
 * the warnings of the locale (no catalog; dates the calendar cannot name), and the mirror
 * image of the whole chart for right-to-left. */
void tl_words_finish(tl_scene *scene, tl_locale *loc, tl_direction direction);

#endif /* TL_WORDS_H */
