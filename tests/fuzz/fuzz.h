/* The libFuzzer entry point every target defines; replay-main.c calls it on corpus files. */
#ifndef TL_FUZZ_H
#define TL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Why the target cannot run on this machine, or NULL. Targets that need nothing from the
 * machine do not define it (a weak symbol: NULL then); the replay driver skips the corpus,
 * with this reason, when it returns a reason. */
const char *fuzz_skip_reason(void) __attribute__((weak));

/* For the targets with real fonts (fuzz-fonts.c): the process's font context, set up once.
 * fuzz_skip_reason() says why there is none; without one this aborts with that reason. */
typedef struct tl_fonts tl_fonts;
tl_fonts *fuzz_fonts(void);

/* Sets layout options from the input's bytes (fuzz-options.c): theme, breaks, markup, label
 * width, pages, locale and direction, each a function of the whole input. */
typedef struct tl_layout_options tl_layout_options;
void fuzz_set_options(tl_layout_options *o, const uint8_t *data, size_t size);

#endif /* TL_FUZZ_H */
