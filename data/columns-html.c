/* HTML in TimelineJS sheets: their texts are HTML, which a chart shows as plain text. */
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "data/columns-private.h"

static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the entity at s ("&amp;", "&#8212;", "&#x2014;") into out; returns the length of
 * the entity, or 0 when s is not one (then '&' is text). The output is never longer than the
 * entity, which lets the conversion run in place. */
static size_t decode_entity(const char *s, char *out, size_t *out_len)
{
    static const struct {
        const char *name;
        const char *text;
    } named[] = {
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", " "},
        {"ndash", "\xE2\x80\x93"},
        {"mdash", "\xE2\x80\x94"},
        {"hellip", "\xE2\x80\xA6"},
        {"rsquo", "\xE2\x80\x99"},
        {"lsquo", "\xE2\x80\x98"},
        {"rdquo", "\xE2\x80\x9D"},
        {"ldquo", "\xE2\x80\x9C"},
    };
    const char *semi = strchr(s, ';');
    if (!semi || semi - s > 10 || semi - s < 3)
        return 0;
    const size_t len = (size_t)(semi - s) + 1;
    if (s[1] == '#') {
        const bool hex = s[2] == 'x' || s[2] == 'X';
        unsigned long cp = 0;
        const char *p = s + (hex ? 3 : 2);
        if (p == semi)
            return 0;
        for (; p < semi; p++) {
            int d;
            if (*p >= '0' && *p <= '9')
                d = *p - '0';
            else if (hex && *p >= 'a' && *p <= 'f')
                d = *p - 'a' + 10;
            else if (hex && *p >= 'A' && *p <= 'F')
                d = *p - 'A' + 10;
            else
                return 0;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            if (cp > 0x10FFFF)
                return 0;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        *out_len = put_utf8(out, cp);
        return len;
    }
    for (size_t i = 0; i < COUNT(named); i++) {
        const size_t n = strlen(named[i].name);
        if (n + 2 == len && strncmp(s + 1, named[i].name, n) == 0) {
            *out_len = strlen(named[i].text);
            memcpy(out, named[i].text, *out_len);
            return len;
        }
    }
    return 0;
}

/* Tags after which text starts on a new line. */
static bool is_block_tag(const char *tag, size_t len)
{
    static const char *const blocks[] = {"br", "p",  "div", "li", "ul", "ol",         "h1",
                                         "h2", "h3", "h4",  "h5", "h6", "blockquote", "tr"};
    size_t n = 0;
    if (len > 0 && tag[0] == '/') {
        tag++;
        len--;
    }
    while (n < len && tag[n] != ' ' && tag[n] != '/' && tag[n] != '>' && tag[n] != '\t' &&
           tag[n] != '\n')
        n++;
    for (size_t i = 0; i < COUNT(blocks); i++) {
        if (strlen(blocks[i]) == n && g_ascii_strncasecmp(tag, blocks[i], n) == 0)
            return true;
    }
    return false;
}

/* Turns TimelineJS's HTML into plain text, in place: tags are dropped (block tags become a
 * line break when keep_lines, a space otherwise), entities decoded, runs of white space
 * collapsed and the ends trimmed. Returns the new length. */
size_t tl_columns_html_to_text(char *s, bool keep_lines)
{
    char *out = s;
    bool space = false, line = false;
    const char *p = s;
    while (*p) {
        char decoded[4];
        size_t decoded_len = 0, skip = 0;
        if (*p == '<' && (g_ascii_isalpha(p[1]) || p[1] == '/' || p[1] == '!')) {
            const char *end = strchr(p, '>');
            if (end) {
                if (is_block_tag(p + 1, (size_t)(end - p - 1)))
                    line = true;
                p = end + 1;
                continue;
            }
        }
        if (*p == '&' && (skip = decode_entity(p, decoded, &decoded_len)) > 0) {
            p += skip;
        } else if (is_space(*p)) {
            space = true;
            p++;
            continue;
        } else {
            decoded[0] = *p++;
            decoded_len = 1;
        }
        if (decoded_len == 1 && decoded[0] == ' ') {
            space = true;
            continue;
        }
        if (out > s && (line || space))
            *out++ = line && keep_lines ? '\n' : ' ';
        line = space = false;
        /* out never passes p: every construct is at least as long as what it becomes. */
        memmove(out, decoded, decoded_len);
        out += decoded_len;
    }
    *out = '\0';
    return (size_t)(out - s);
}

bool tl_columns_has_html(const char *s)
{
    return strchr(s, '<') || strchr(s, '&');
}
