/* The JSON and JSON Lines importer: json-glib's parse, the objects' places, values of every
 * type turned into cells, and the columns' reading of them. */
#include "fuzz-import.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tl_load_options *opts = tl_load_options_new();
    /* The first byte picks JSON, JSON Lines or the sniffing of the content. */
    static const tl_input_format formats[] = {TL_INPUT_JSON, TL_INPUT_JSONL, TL_INPUT_AUTO,
                                              TL_INPUT_JSONL};
    tl_load_options_set_input_format(opts, formats[size > 0 ? data[0] & 3 : 0]);
    if (size > 0 && (data[0] & 4))
        tl_load_options_set_workdays(opts, 0x1f);
    fuzz_import(data, size, opts, "fuzz.json");
    tl_load_options_free(opts);
    return 0;
}
