/* ICU, loaded when a chart first asks for a locale. Linking ICU costs every process about
 * 4 ms at start-up (its libraries' relocations and constructors), which a chart in the default
 * English never needs; so libtimeline does not link it, and the first tl_locale_open() loads
 * the ICU the build was compiled against (libicui18n.so.MAJOR) with dlopen. The table holds
 * the entry points by their versioned names (udat_open_72), so the prototypes are checked
 * against the headers at compile time. */
#ifndef TL_LOCALE_ICU_H
#define TL_LOCALE_ICU_H

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/udatpg.h>
#include <unicode/uenum.h>
#include <unicode/ulistformatter.h>
#include <unicode/uloc.h>
#include <unicode/umsg.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "timeline/timeline.h"

/* X(name) for every ICU function the locale layer calls. */
#define TL_ICU_FUNCTIONS(X)                                                                        \
    X(u_errorName)                                                                                 \
    X(u_strFromUTF8)                                                                               \
    X(u_strToUTF8)                                                                                 \
    X(uloc_forLanguageTag)                                                                         \
    X(uloc_toLanguageTag)                                                                          \
    X(uloc_addLikelySubtags)                                                                       \
    X(uloc_getLanguage)                                                                            \
    X(uloc_getScript)                                                                              \
    X(uloc_getCountry)                                                                             \
    X(uloc_getKeywordValue)                                                                        \
    X(uloc_isRightToLeft)                                                                          \
    X(uloc_countAvailable)                                                                         \
    X(uloc_getAvailable)                                                                           \
    X(uenum_next)                                                                                  \
    X(uenum_close)                                                                                 \
    X(ucal_open)                                                                                   \
    X(ucal_close)                                                                                  \
    X(ucal_clone)                                                                                  \
    X(ucal_getType)                                                                                \
    X(ucal_getKeywordValuesForLocale)                                                              \
    X(ucal_setGregorianChange)                                                                     \
    X(ucal_setMillis)                                                                              \
    X(ucal_getMillis)                                                                              \
    X(ucal_get)                                                                                    \
    X(ucal_set)                                                                                    \
    X(ucal_add)                                                                                    \
    X(udatpg_open)                                                                                 \
    X(udatpg_close)                                                                                \
    X(udatpg_getBestPattern)                                                                       \
    X(udat_open)                                                                                   \
    X(udat_close)                                                                                  \
    X(udat_format)                                                                                 \
    X(udat_getCalendar)                                                                            \
    X(udat_setCalendar)                                                                            \
    X(udtitvfmt_open)                                                                              \
    X(udtitvfmt_close)                                                                             \
    X(udtitvfmt_format)                                                                            \
    X(unum_open)                                                                                   \
    X(unum_close)                                                                                  \
    X(unum_formatInt64)                                                                            \
    X(unum_formatDouble)                                                                           \
    X(unum_setAttribute)                                                                           \
    X(umsg_open)                                                                                   \
    X(umsg_close)                                                                                  \
    X(umsg_format)                                                                                 \
    X(ulistfmt_open)                                                                               \
    X(ulistfmt_close)                                                                              \
    X(ulistfmt_format)

typedef struct tl_icu {
#define TL_ICU_POINTER(name) __typeof__(name) *name;
    TL_ICU_FUNCTIONS(TL_ICU_POINTER)
#undef TL_ICU_POINTER
} tl_icu;

/* The loaded table, loading it on the first call (thread-safe). NULL with *err set
 * (TL_ERROR_CONFIG, naming the library) when ICU cannot be loaded. */
const tl_icu *tl_icu_get(tl_error **err);

#endif /* TL_LOCALE_ICU_H */
