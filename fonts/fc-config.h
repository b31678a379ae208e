/* The fontconfig side of tl_fonts: which fonts text is set in and where they come from. */
#ifndef TL_FONTS_FC_CONFIG_H
#define TL_FONTS_FC_CONFIG_H

#include <stdbool.h>

#include "common/tl-strv.h"
#include "fonts-private.h"

/* What text is set in, as a Pango family list (the caller frees it): the families asked for
 * (`wanted`), then the fallback chain; with the machine's configuration (`system`) without the
 * chain's colour emoji family. */
char *tl_fonts_family_list(const tl_strv *wanted, bool system);
/* The family list for text in `lang`: `families` with the region's CJK face before the
 * chain's Japanese one (zh-Hans: Noto Sans CJK SC); NULL when the language needs no other
 * (g_free). */
char *tl_fonts_family_list_for(const char *families, const char *lang);

/* Sets up fonts->config and fonts->files for `opts`: the private set (the fallback chain and
 * the families in `wanted`, plus the folders), or the machine's set plus the folders, or
 * nothing (the machine's set as Pango finds it). */
bool tl_fonts_make_config(tl_fonts *fonts, const tl_font_options *opts, const tl_strv *wanted,
                          tl_error **err);

/* Checks that `wanted` names a font Pango can use with the configuration set up. */
bool tl_fonts_check_family(tl_fonts *fonts, const char *wanted, tl_error **err);

#endif /* TL_FONTS_FC_CONFIG_H */
