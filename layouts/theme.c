#include "theme.h"

#include <string.h>
#include <strings.h>

#define RGB(hex)                                                                                   \
    {                                                                                              \
        ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex)&0xff) / 255.0, 1.0       \
    }

/* Okabe & Ito's colour-blind-safe palette, reordered so the first groups get the colours
 * with the most contrast on white (yellow last). */
static const tl_theme_def themes[] = {
    [TL_THEME_LIGHT] =
        {
            .name = "light",
            .description = "dark text on white, Okabe-Ito colour-blind-safe palette (default)",
            .background = RGB(0xffffff),
            .text = RGB(0x1f2328),
            .muted = RGB(0x5b6570),
            .faint = RGB(0x9aa3ad),
            .axis_fill = RGB(0xeef1f4),
            .axis_text = RGB(0x3d4752),
            .neutral = RGB(0x4a5560),
            .era_fill = RGB(0x8a96a3),
            .era_alpha = 0.12,
            .palette = {RGB(0x0072b2), RGB(0xd55e00), RGB(0x009e73), RGB(0xcc79a7), RGB(0xe69f00),
                        RGB(0x56b4e9), RGB(0x000000), RGB(0xf0e442)},
        },
    [TL_THEME_DARK] =
        {
            .name = "dark",
            .description = "light text on near-black, Okabe-Ito palette brightened for the dark",
            .background = RGB(0x14181d),
            .text = RGB(0xe8edf2),
            .muted = RGB(0xa3adb8),
            .faint = RGB(0x5d6873),
            .axis_fill = RGB(0x262d35),
            .axis_text = RGB(0xc9d1d9),
            .neutral = RGB(0xb7c0ca),
            .era_fill = RGB(0x8a96a3),
            .era_alpha = 0.16,
            .palette = {RGB(0x56b4e9), RGB(0xe69f00), RGB(0x009e73), RGB(0xcc79a7), RGB(0xd55e00),
                        RGB(0xf0e442), RGB(0x0072b2), RGB(0xffffff)},
        },
    [TL_THEME_PRINT] =
        {
            .name = "print",
            .description = "black and greys on white for copiers: groups by marker shape and hatch",
            .background = RGB(0xffffff),
            .text = RGB(0x000000),
            .muted = RGB(0x333333),
            .faint = RGB(0x777777),
            .axis_fill = RGB(0xe6e6e6),
            .axis_text = RGB(0x000000),
            .neutral = RGB(0x000000),
            .era_fill = RGB(0x000000),
            .era_alpha = 0.08,
            .palette = {RGB(0x000000), RGB(0x555555), RGB(0x000000), RGB(0x555555), RGB(0x000000),
                        RGB(0x555555), RGB(0x000000), RGB(0x555555)},
            .shapes_by_group = true,
            .hatch_by_group = true,
        },
    /* Paul Tol's "bright" scheme, made to stay apart under every common colour-vision
     * deficiency, in an order that keeps the pale yellow for the sixth group, and marker shapes
     * by group, so that no group is told apart by colour alone. Text is pure black for the
     * most contrast (low vision, too). */
    [TL_THEME_COLORBLIND] =
        {
            .name = "colorblind",
            .description = "Paul Tol's bright palette, groups by colour and marker shape, "
                           "high-contrast text",
            .background = RGB(0xffffff),
            .text = RGB(0x000000),
            .muted = RGB(0x3b3b3b),
            .faint = RGB(0x6e6e6e),
            .axis_fill = RGB(0xe8e8e8),
            .axis_text = RGB(0x000000),
            .neutral = RGB(0x222222),
            .era_fill = RGB(0x4477aa),
            .era_alpha = 0.10,
            .palette = {RGB(0x4477aa), RGB(0xee6677), RGB(0x228833), RGB(0xaa3377), RGB(0x66ccee),
                        RGB(0xccbb44), RGB(0x222255), RGB(0xbbbbbb)},
            .shapes_by_group = true,
        },
};

const tl_theme_def *tl_theme_get(tl_theme theme)
{
    switch (theme) {
    case TL_THEME_LIGHT:
    case TL_THEME_DARK:
    case TL_THEME_PRINT:
    case TL_THEME_COLORBLIND:
        return &themes[theme];
    }
    return &themes[TL_THEME_LIGHT];
}

const char *tl_theme_get_name(tl_theme theme)
{
    size_t i = (size_t)theme;
    return i < sizeof themes / sizeof themes[0] ? themes[i].name : NULL;
}

const char *tl_theme_get_description(tl_theme theme)
{
    size_t i = (size_t)theme;
    return i < sizeof themes / sizeof themes[0] ? themes[i].description : NULL;
}

tl_color tl_theme_group_color(const tl_theme_def *t, int group)
{
    if (group < 0)
        return t->neutral;
    return t->palette[group % TL_THEME_PALETTE_SIZE];
}

bool tl_theme_from_name(const char *name, tl_theme *out)
{
    for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++) {
        if (strcasecmp(name, themes[i].name) == 0) {
            *out = (tl_theme)i;
            return true;
        }
    }
    return false;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool tl_color_parse(const char *text, tl_color *out)
{
    static const struct {
        const char *name;
        unsigned rgb;
    } names[] = {
        {"black", 0x000000},     {"white", 0xffffff},   {"red", 0xff0000},
        {"green", 0x008000},     {"blue", 0x0000ff},    {"yellow", 0xffff00},
        {"orange", 0xffa500},    {"purple", 0x800080},  {"gray", 0x808080},
        {"grey", 0x808080},      {"navy", 0x000080},    {"teal", 0x008080},
        {"maroon", 0x800000},    {"olive", 0x808000},   {"brown", 0xa52a2a},
        {"pink", 0xffc0cb},      {"crimson", 0xdc143c}, {"gold", 0xffd700},
        {"silver", 0xc0c0c0},    {"magenta", 0xff00ff}, {"cyan", 0x00ffff},
        {"steelblue", 0x4682b4}, {"tomato", 0xff6347},  {"seagreen", 0x2e8b57},
        {"slategray", 0x708090}, {"darkred", 0x8b0000}, {"darkgreen", 0x006400},
        {"darkblue", 0x00008b},  {"indigo", 0x4b0082},
    };
    size_t n = strlen(text);
    if (text[0] == '#') {
        int v[8];
        if (n != 4 && n != 7 && n != 9)
            return false;
        for (size_t i = 1; i < n; i++)
            if ((v[i - 1] = hexval(text[i])) < 0)
                return false;
        if (n == 4) {
            *out = (tl_color){v[0] * 17 / 255.0, v[1] * 17 / 255.0, v[2] * 17 / 255.0, 1};
        } else {
            *out =
                (tl_color){(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0,
                           (v[4] * 16 + v[5]) / 255.0, n == 9 ? (v[6] * 16 + v[7]) / 255.0 : 1.0};
        }
        return true;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(text, names[i].name) == 0) {
            unsigned c = names[i].rgb;
            *out = (tl_color){(c >> 16 & 0xff) / 255.0, (c >> 8 & 0xff) / 255.0, (c & 0xff) / 255.0,
                              1};
            return true;
        }
    }
    return false;
}
