#include "words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tl-alloc.h"
#include "mirror.h"
#include "style.h"

bool tl_words_say(tl_locale *loc, const char *context, const char *msgid, const tl_locale_arg *args,
                  size_t nargs, char *buf, size_t size)
{
    return loc && size > 0 && tl_locale_message(loc, context, msgid, args, nargs, buf, size) > 0;
}

void tl_words_count(tl_locale *loc, size_t v, char *buf, size_t size)
{
    if (loc && tl_locale_number(loc, (int64_t)v, true, buf, size))
        return;
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%zu", v);
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

const char *tl_words_status(tl_locale *loc, tl_scene *scene, tl_status status)
{
    const char *english = tl_style_status_word(status);
    char text[128];
    if (!tl_words_say(loc, "status", english, NULL, 0, text, sizeof text))
        return english;
    return tl_scene_strdup(scene, text);
}

/* Groups named in the description before "and N more" (as the English one in render/). */
enum { DESCRIBE_MAX_GROUPS = 8 };

static void describe_groups(tl_locale *loc, const tl_scene *scene, char *buf, size_t size)
{
    const char **names = scene->event_groups;
    const size_t n = scene->event_group_count;
    buf[0] = '\0';
    if (n > 0) {
        const size_t shown = n > DESCRIBE_MAX_GROUPS ? DESCRIBE_MAX_GROUPS - 1 : n;
        char list[1024], more[32], text[1200];
        tl_locale_list(loc, names, shown, list, sizeof list);
        if (shown < n) {
            snprintf(text, sizeof text, "%s", list);
            tl_words_count(loc, n - shown, more, sizeof more);
            const tl_locale_arg rest[2] = {{.text = text},
                                           {.text = more, .number = (double)(n - shown)}};
            tl_locale_message(loc, "accessible", "{0} and {1} more", rest, 2, list, sizeof list);
        }
        const tl_locale_arg args[2] = {{.number = (double)n}, {.text = list}};
        tl_locale_message(loc, "accessible", "{0, plural, one {# group} other {# groups}}: {1}.",
                          args, 2, buf, size);
    }
}

/* "Timeline of 12 events from Nov 2019 to Sep 2020. 3 groups: A, B and C." */
static const char *describe(tl_locale *loc, tl_scene *scene)
{
    const size_t n = scene->event_count;
    const int64_t lo = scene->events_lo, hi = scene->events_hi;
    /* Months read well over a few years; over decades the years alone do. */
    const char *sk = hi - lo < INT64_C(20) * 366 * 86400 ? "yMMM" : "y";
    char a[128] = "", z[128] = "", first[512] = "", groups[1400], all[2000];
    if (n > 0) {
        tl_locale_date(loc, lo, sk, a, sizeof a);
        tl_locale_date(loc, hi, sk, z, sizeof z);
    }
    const tl_locale_arg args[3] = {{.number = (double)n}, {.text = a}, {.text = z}};
    if (strcmp(a, z) == 0)
        tl_locale_message(loc, "accessible",
                          "Timeline of {0, plural, one {# event} other {# events}} in {1}.", args,
                          2, first, sizeof first);
    else
        tl_locale_message(loc, "accessible",
                          "Timeline of {0, plural, one {# event} other {# events}} from {1} to "
                          "{2}.",
                          args, 3, first, sizeof first);
    describe_groups(loc, scene, groups, sizeof groups);
    /* Sentences are spaced where the language ends them with a Latin stop, not after "。". */
    const size_t len = strlen(first);
    const bool latin_stop = len > 0 && (unsigned char)first[len - 1] < 0x80;
    snprintf(all, sizeof all, "%s%s%s", first, groups[0] && latin_stop ? " " : "", groups);
    return tl_scene_strdup(scene, all);
}

void tl_words_finish(tl_scene *scene, tl_locale *loc, tl_direction direction)
{
    const bool rtl = direction == TL_DIRECTION_RTL ||
                     (direction == TL_DIRECTION_AUTO && loc && tl_locale_is_rtl(loc));
    if (loc) {
        char untitled[128];
        scene->lang = tl_scene_strdup(scene, tl_locale_language(loc));
        scene->description = describe(loc, scene);
        if (tl_words_say(loc, "accessible", "Timeline", NULL, 0, untitled, sizeof untitled))
            scene->untitled = tl_scene_strdup(scene, untitled);
        if (tl_locale_lacks_catalog(loc))
            tl_scene_add_warning(scene,
                                 tl_xasprintf("no chart words for locale \"%s\": dates and numbers "
                                              "are in its language, words in English",
                                              tl_locale_tag(loc)));
        if (tl_locale_fell_back(loc))
            tl_scene_add_warning(scene, tl_xasprintf("some dates are before the first era the %s "
                                                     "calendar names: they are in the Gregorian "
                                                     "calendar",
                                                     tl_locale_calendar(loc)));
    }
    scene->rtl = rtl;
    if (rtl)
        tl_mirror_scene(scene);
}
