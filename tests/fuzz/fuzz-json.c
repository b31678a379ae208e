/* The JSON and JSON Lines importer: json-glib's parse, the objects' places, values of every
 * type turned into cells, and the columns' reading of them. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "timeline/timeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tl_load_options *opts = tl_load_options_new();
    /* The first byte picks JSON, JSON Lines or the sniffing of the content. */
    static const tl_input_format formats[] = {TL_INPUT_JSON, TL_INPUT_JSONL, TL_INPUT_AUTO,
                                              TL_INPUT_JSONL};
    tl_load_options_set_input_format(opts, formats[size > 0 ? data[0] & 3 : 0]);
    if (size > 0 && (data[0] & 4))
        tl_load_options_set_workdays(opts, 0x1f);
    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_buffer((const char *)data, size, "fuzz.json", opts, &err);
    if (tl) {
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
        (void)total;
    } else if (!err || !err->message || !err->message[0]) {
        abort(); /* a failure always says why */
    }
    tl_error_free(err);
    tl_timeline_free(tl);
    tl_load_options_free(opts);
    return 0;
}
