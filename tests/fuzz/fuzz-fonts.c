/* The font context the targets with real fonts share, and why they cannot run without one. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "timeline/timeline.h"

static tl_fonts *fonts; /* one font context for the process: setting it up is the slow part */
static char missing[512];

static void set_up(void)
{
    if (fonts || missing[0])
        return;
    tl_error *err = NULL;
    fonts = tl_fonts_new(NULL, &err);
    if (!fonts)
        snprintf(missing, sizeof missing, "no font context: %s",
                 err && err->message[0] ? err->message : "the default fonts are missing");
    tl_error_free(err);
}

const char *fuzz_skip_reason(void)
{
    set_up();
    return fonts ? NULL : missing;
}

tl_fonts *fuzz_fonts(void)
{
    set_up();
    if (!fonts) {
        /* Only libFuzzer gets here (the replay driver asks fuzz_skip_reason() first), and
         * every input would fail the same way: stop at once, saying why. */
        fprintf(stderr, "%s\n", missing);
        abort();
    }
    return fonts;
}
