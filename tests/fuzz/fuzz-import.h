/* What every importer's fuzz target checks (the CSV one too): the load ends in a timeline
 * whose events are sane, or in an error that says why. */
#ifndef TL_FUZZ_IMPORT_H
#define TL_FUZZ_IMPORT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "timeline/timeline.h"

/* Walks everything a caller might read of a load's result: intervals that never run
 * backwards, the statistics agreeing with the events; a failure that says why. */
static inline void fuzz_check_load(const tl_timeline *tl, const tl_error *err)
{
    if (!tl) {
        if (!err || !err->message || !err->message[0])
            abort();
        return;
    }
    size_t n = tl_timeline_get_event_count(tl);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const tl_event *ev = tl_timeline_get_event(tl, i);
        total += strlen(tl_event_get_title(ev)) + strlen(tl_event_get_date_label(ev));
        tl_time t = tl_event_get_start(ev);
        if (t.lo > t.hi)
            abort();
    }
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++)
        total += strlen(tl_timeline_get_warning(tl, i));
    for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
        total += strlen(tl_timeline_get_note(tl, i));
    tl_timeline_stats st;
    tl_timeline_get_stats(tl, &st);
    if (st.events != n)
        abort();
    (void)total;
}

static inline void fuzz_import(const uint8_t *data, size_t size, tl_load_options *opts,
                               const char *name)
{
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_buffer((const char *)data, size, name, opts, &err);
    fuzz_check_load(tl, err);
    tl_error_free(err);
    tl_timeline_free(tl);
}

#endif /* TL_FUZZ_IMPORT_H */
