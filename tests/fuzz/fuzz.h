/* The libFuzzer entry point every target defines; replay-main.c calls it on corpus files. */
#ifndef TL_FUZZ_H
#define TL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* TL_FUZZ_H */
