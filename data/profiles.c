/* Header profiles: names and signatures of the layouts we read as they are. */
#include "data/profiles.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* TimelineJS 3's Google-sheet template: "what actually matters to TimelineJS is the text in
 * the header row". Dates come in parts; Type is "title" or "era". */
static const tl_profile_column timelinejs3[] = {
    {"year", TL_COLUMN_YEAR},
    {"month", TL_COLUMN_MONTH},
    {"day", TL_COLUMN_DAY},
    {"time", TL_COLUMN_TIME},
    {"endyear", TL_COLUMN_END_YEAR},
    {"endmonth", TL_COLUMN_END_MONTH},
    {"endday", TL_COLUMN_END_DAY},
    {"endtime", TL_COLUMN_END_TIME},
    {"displaydate", TL_COLUMN_DISPLAY_DATE},
    {"headline", TL_COLUMN_TITLE},
    {"text", TL_COLUMN_DESCRIPTION},
    {"media", TL_PROFILE_IGNORED},
    {"mediacredit", TL_PROFILE_IGNORED},
    {"mediacaption", TL_PROFILE_IGNORED},
    {"mediathumbnail", TL_PROFILE_IGNORED},
    {"alttext", TL_PROFILE_IGNORED},
    {"type", TL_COLUMN_TYPE},
    {"group", TL_COLUMN_GROUP},
    {"background", TL_COLUMN_BACKGROUND},
};

/* TimelineJS 1 and 2 sheets: whole dates (US month/day/year), Tag for the group. */
static const tl_profile_column timelinejs1[] = {
    {"startdate", TL_COLUMN_START},
    {"enddate", TL_COLUMN_END},
    {"headline", TL_COLUMN_TITLE},
    {"text", TL_COLUMN_DESCRIPTION},
    {"media", TL_PROFILE_IGNORED},
    {"mediacredit", TL_PROFILE_IGNORED},
    {"mediacaption", TL_PROFILE_IGNORED},
    {"mediathumbnail", TL_PROFILE_IGNORED},
    {"type", TL_COLUMN_TYPE},
    {"tag", TL_COLUMN_GROUP},
};

/* Preceden's CSV import/export: 11 columns, the layer is the group. */
static const tl_profile_column preceden[] = {
    {"layername", TL_COLUMN_GROUP},     {"eventid", TL_PROFILE_IGNORED},
    {"eventname", TL_COLUMN_TITLE},     {"eventnotes", TL_COLUMN_DESCRIPTION},
    {"startdate", TL_COLUMN_START},     {"startapproximate", TL_COLUMN_START_APPROX},
    {"enddate", TL_COLUMN_END},         {"endapproximate", TL_COLUMN_END_APPROX},
    {"milestone", TL_COLUMN_MILESTONE}, {"symbol", TL_PROFILE_IGNORED},
    {"color", TL_COLUMN_COLOR},
};

/* R's vistime: event,start,end,group,color,fontcolor,tooltip. */
static const tl_profile_column vistime[] = {
    {"event", TL_COLUMN_TITLE},
    {"start", TL_COLUMN_START},
    {"end", TL_COLUMN_END},
    {"group", TL_COLUMN_GROUP},
    {"color", TL_COLUMN_COLOR},
    {"fontcolor", TL_PROFILE_IGNORED},
    {"tooltip", TL_COLUMN_DESCRIPTION},
};

/* R's timevis (vis.js Timeline items): "content" is the label, "title" its tooltip. */
static const tl_profile_column timevis[] = {
    {"content", TL_COLUMN_TITLE},      {"title", TL_COLUMN_DESCRIPTION},
    {"start", TL_COLUMN_START},        {"end", TL_COLUMN_END},
    {"group", TL_COLUMN_GROUP},        {"type", TL_COLUMN_TYPE},
    {"id", TL_PROFILE_IGNORED},        {"subgroup", TL_PROFILE_IGNORED},
    {"classname", TL_PROFILE_IGNORED}, {"style", TL_PROFILE_IGNORED},
    {"editable", TL_PROFILE_IGNORED},  {"selectable", TL_PROFILE_IGNORED},
};

/* plotly's px.timeline examples: Task, Start, Finish, Resource. */
static const tl_profile_column px_timeline[] = {
    {"task", TL_COLUMN_TITLE},
    {"start", TL_COLUMN_START},
    {"finish", TL_COLUMN_END},
    {"resource", TL_COLUMN_GROUP},
};

/* In detection order: the more specific signatures first. */
static const tl_profile profiles[] = {
    {
        .name = "TimelineJS v3",
        .signature = "year headline",
        .columns = timelinejs3,
        .column_count = COUNT(timelinejs3),
        .html = true,
        .title_from_text = true,
        .date_parts = true,
    },
    {
        .name = "Preceden",
        .signature = "layername eventname",
        .columns = preceden,
        .column_count = COUNT(preceden),
        .bare_hex_colors = true,
    },
    {
        .name = "TimelineJS v1",
        .signature = "startdate headline",
        .columns = timelinejs1,
        .column_count = COUNT(timelinejs1),
        .html = true,
        .order = TL_DATE_ORDER_MDY,
        .title_from_text = true,
    },
    {
        .name = "timevis",
        .signature = "content start",
        .columns = timevis,
        .column_count = COUNT(timevis),
    },
    {
        .name = "vistime",
        .signature = "event start tooltip|fontcolor",
        .columns = vistime,
        .column_count = COUNT(vistime),
    },
    {
        .name = "px.timeline",
        .signature = "task start finish",
        .columns = px_timeline,
        .column_count = COUNT(px_timeline),
    },
};

static const tl_profile ours = {.name = "timeline", .signature = ""};

bool tl_profile_normalise(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (n + 1 >= size)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return true;
}

static bool has_name(char (*names)[TL_PROFILE_MAX_NAME], size_t count, const char *name, size_t len)
{
    for (size_t i = 0; i < count; i++) {
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
            return true;
    }
    return false;
}

/* Every space-separated term of the signature is present; a term "a|b" wants either. */
static bool matches(const char *signature, char (*names)[TL_PROFILE_MAX_NAME], size_t count)
{
    const char *p = signature;
    while (*p) {
        const char *end = strchr(p, ' ');
        if (!end)
            end = p + strlen(p);
        bool found = false;
        for (const char *alt = p; alt < end && !found;) {
            const char *bar = memchr(alt, '|', (size_t)(end - alt));
            const char *alt_end = bar ? bar : end;
            found = has_name(names, count, alt, (size_t)(alt_end - alt));
            alt = alt_end + 1;
        }
        if (!found)
            return false;
        p = *end ? end + 1 : end;
    }
    return true;
}

const tl_profile *tl_profile_detect(char (*names)[TL_PROFILE_MAX_NAME], size_t count)
{
    for (size_t i = 0; i < COUNT(profiles); i++) {
        if (matches(profiles[i].signature, names, count))
            return &profiles[i];
    }
    return &ours;
}

bool tl_profile_lookup(const tl_profile *profile, const char *name, int *role)
{
    for (size_t i = 0; i < profile->column_count; i++) {
        if (strcmp(profile->columns[i].name, name) == 0) {
            *role = profile->columns[i].role;
            return true;
        }
    }
    return false;
}
