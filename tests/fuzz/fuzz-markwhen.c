/* Markwhen: the header, date ranges in its forms, sections and groups, tags, ids and relative dates. */
#include "fuzz-import.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tl_load_options *opts = tl_load_options_new();
    /* Every other input by its content, so the sniffing is fuzzed with the importer. */
    const bool by_content = size > 0 && (data[0] & 1);
    tl_load_options_set_input_format(opts, by_content ? TL_INPUT_AUTO : TL_INPUT_MARKWHEN);
    fuzz_import(data, size, opts, by_content ? "fuzz" : "fuzz.markwhen");
    tl_load_options_free(opts);
    return 0;
}
