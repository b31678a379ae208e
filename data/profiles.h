/* Profiles: the header layouts of files people already have (TimelineJS sheets, Preceden
 * exports, R's vistime and timevis, plotly's px.timeline), recognised from the header row.
 * Internal to data/. */
#ifndef TL_PROFILES_H
#define TL_PROFILES_H

#include <stdbool.h>
#include <stddef.h>

#include "data/columns.h"
#include "timeline/timeline.h"

/* Role of a column the profile knows but that has no use here (TimelineJS "Media"). */
enum { TL_PROFILE_IGNORED = -1 };

typedef struct tl_profile_column {
    const char *name; /* normalised (see tl_profile_normalise()) */
    int role;         /* a tl_column, or TL_PROFILE_IGNORED */
} tl_profile_column;

struct tl_profile {
    const char *name; /* "TimelineJS v3", shown by tl_timeline_get_profile() */
    /* Normalised header names that must all be present ("a|b": either), space-separated. */
    const char *signature;
    const tl_profile_column *columns; /* read before our own names */
    size_t column_count;
    bool html;            /* headline, text and display date are HTML (TimelineJS) */
    tl_date_order order;  /* date order unless the options give one (TimelineJS v1: mdy) */
    bool bare_hex_colors; /* "FF0000" means "#FF0000"; "random" means none (Preceden) */
    bool title_from_text; /* a row without a title is titled from its text (TimelineJS) */
    /* Dates come in parts (Year, Month, ...): a column our names would take for the start or
     * the end is ignored unless an option names it. */
    bool date_parts;
};

/* Longest normalised name worth comparing; every known name is shorter. */
enum { TL_PROFILE_MAX_NAME = 32 };

/* Lower-cases ASCII letters and drops ' ', '_', '-', '.' and tabs, so "Start Date",
 * "start_date" and "START-DATE" compare equal. False when the result would not fit in `size`
 * bytes (then it is no known name). */
bool tl_profile_normalise(const char *s, char *out, size_t size);

/* The profile whose signature the header's normalised names match, or our own ("timeline").
 * Never NULL. */
const tl_profile *tl_profile_detect(char (*names)[TL_PROFILE_MAX_NAME], size_t count);

/* The role of a normalised name in the profile's own list; false when it has none. */
bool tl_profile_lookup(const tl_profile *profile, const char *name, int *role);

#endif /* TL_PROFILES_H */
