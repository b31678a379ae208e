/* Preparing text for shaping: the language of each script run, the markup accepted, and the
 * paragraph joins that make a line limit hold across paragraphs. */
#include "text-prep.h"

#include <stdlib.h>
#include <string.h>

#include "common/tl-buf.h"

/* ---------------------------------------------------------------------------------------------
 * Text attributes: languages and markup
 * ------------------------------------------------------------------------------------------- */

/* The language each script's runs are tagged with. Pango otherwise takes it from the
 * process's LANGUAGE and locale, and the language changes shaping (HarfBuzz's `locl`: the
 * same Han character has Japanese, Chinese and Korean forms) and fallback order. Japanese for
 * Han follows the fallback chain's CJK font. Other scripts get "und" (undetermined), which
 * Pango takes as it is. Runs of digits and punctuation alone (scripts Common and Inherited)
 * keep the context's "en": a language of their own would give each font size one more
 * fontset for Pango to match, sort and take metrics of, for the same fonts. */
static const struct {
    GUnicodeScript script;
    const char *language;
} script_languages[] = {
    {G_UNICODE_SCRIPT_LATIN, "en"},    {G_UNICODE_SCRIPT_GREEK, "el"},
    {G_UNICODE_SCRIPT_CYRILLIC, "ru"}, {G_UNICODE_SCRIPT_DEVANAGARI, "hi"},
    {G_UNICODE_SCRIPT_ARABIC, "ar"},   {G_UNICODE_SCRIPT_HEBREW, "he"},
    {G_UNICODE_SCRIPT_HAN, "ja"},      {G_UNICODE_SCRIPT_HIRAGANA, "ja"},
    {G_UNICODE_SCRIPT_KATAKANA, "ja"},
};

static PangoLanguage *script_language(GUnicodeScript script)
{
    for (size_t i = 0; i < sizeof script_languages / sizeof script_languages[0]; i++)
        if (script_languages[i].script == script)
            return pango_language_from_string(script_languages[i].language);
    if (script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED)
        return NULL;
    return pango_language_from_string("und");
}

static void add_languages(PangoAttrList *attrs, const char *text, size_t len)
{
    PangoScriptIter *it = pango_script_iter_new(text, (int)len);
    do {
        const char *start, *end;
        PangoScript script;
        pango_script_iter_get_range(it, &start, &end, &script);
        PangoLanguage *language = script_language((GUnicodeScript)script);
        if (end <= start || !language)
            continue;
        PangoAttribute *attr = pango_attr_language_new(language);
        attr->start_index = (guint)(start - text);
        attr->end_index = (guint)(end - text);
        pango_attr_list_insert(attrs, attr);
    } while (pango_script_iter_next(it));
    pango_script_iter_free(it);
}

/* Tags markup may use: text styles only. Others (<span font=...>, <big>) could change fonts
 * and sizes behind the layout's back. */
static const char *const markup_tags[] = {"b", "i", "u", "s", "sub", "sup"};

static bool markup_tags_allowed(const char *text)
{
    for (const char *p = strchr(text, '<'); p; p = strchr(p + 1, '<')) {
        const char *name = p + 1 + (p[1] == '/');
        const size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz");
        if (name[n] != '>')
            return false;
        bool known = false;
        for (size_t i = 0; i < sizeof markup_tags / sizeof markup_tags[0] && !known; i++)
            known = strlen(markup_tags[i]) == n && memcmp(markup_tags[i], name, n) == 0;
        if (!known)
            return false;
    }
    return true;
}

/* Parses `text` as markup into its plain text and attributes (the caller frees both); false
 * when it is not markup this accepts. */
static bool parse_markup(const char *text, char **plain, PangoAttrList **attrs)
{
    if (!markup_tags_allowed(text))
        return false;
    GError *error = NULL;
    if (!pango_parse_markup(text, -1, 0, attrs, plain, NULL, &error)) {
        g_error_free(error);
        return false;
    }
    return true;
}

/* Sets `len` bytes of `text` on `layout`, with a copy of `base` (markup's attributes; may be
 * NULL), the language of each script run, and a strike-through line when `strike`. */
static void set_text(PangoLayout *layout, const char *text, size_t len, PangoAttrList *base,
                     bool strike)
{
    PangoAttrList *attrs = base ? pango_attr_list_copy(base) : pango_attr_list_new();
    add_languages(attrs, text, len);
    if (strike)
        /* Without a range an attribute covers the whole text. */
        pango_attr_list_insert(attrs, pango_attr_strikethrough_new(TRUE));
    pango_layout_set_text(layout, text, (int)len);
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

/* ---------------------------------------------------------------------------------------------
 * Line limits across paragraphs
 * ------------------------------------------------------------------------------------------- */

/* U+2028 LINE SEPARATOR: a forced line break inside a paragraph. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

/* Length of the paragraph separator at `p` as Pango splits paragraphs (\r\n, \n, \r, U+2029
 * PARAGRAPH SEPARATOR); 0 when there is none. */
static size_t paragraph_break_len(const char *p)
{
    if (p[0] == '\r')
        return p[1] == '\n' ? 2 : 1;
    if (p[0] == '\n')
        return 1;
    if (p[0] == '\xe2' && p[1] == '\x80' && p[2] == '\xa9')
        return 3;
    return 0;
}

static bool has_paragraph_break(const char *text)
{
    for (const char *p = text; *p; p++)
        if (paragraph_break_len(p))
            return true;
    return false;
}

/* A copy of a text with some bytes replaced, edits made in text order. Attributes (markup's)
 * follow the characters they cover: pango_attr_list_update() moves their ranges as bytes are
 * replaced, where the text not yet edited still follows what was written so far. */
typedef struct editor {
    const char *src;
    size_t done; /* bytes of src consumed */
    tl_buf out;
    PangoAttrList *attrs; /* NULL: no attributes to keep */
} editor;

static void edit_copy(editor *e, size_t upto)
{
    tl_buf_append(&e->out, e->src + e->done, upto - e->done);
    e->done = upto;
}

static void edit_replace(editor *e, size_t len, const char *with, size_t with_len)
{
    if (e->attrs)
        pango_attr_list_update(e->attrs, (int)e->out.len, (int)len, (int)with_len);
    tl_buf_append(&e->out, with, with_len);
    e->done += len;
}

/* Copies up to `end`, every line or paragraph break turned into a space. */
static void edit_join(editor *e, size_t end)
{
    while (e->done < end) {
        const char *p = e->src + e->done;
        size_t len = paragraph_break_len(p);
        if (!len && end - e->done >= 3 && memcmp(p, LINE_SEPARATOR, 3) == 0)
            len = 3;
        if (!len) {
            tl_buf_append_char(&e->out, *p);
            e->done++;
            continue;
        }
        if (len > end - e->done)
            len = end - e->done;
        edit_replace(e, len, " ", 1);
    }
}

/* Sets `text` on `layout` (wrapped, limited to max_lines with a negative height) so that the
 * limit holds across paragraphs. Pango counts the limit per paragraph: text with many short
 * paragraphs would show every one of them, and laying out thousands takes seconds.
 *
 * Lines past the limit never show, and every paragraph takes at least one line, so only the
 * first max_lines paragraphs matter. They are joined into one paragraph with forced breaks
 * (U+2028), for which the limit is exact. If text is cut, the last visible line must carry it
 * on to the ellipsis, but Pango draws a U+2028 in the middle of a line as a visible symbol, so
 * that line is set again with its breaks, and the text after it, turned into spaces. */
static void set_limited_text(PangoLayout *layout, const char *text, PangoAttrList *base,
                             bool strike, int max_lines, size_t tail_limit)
{
    editor joined = {.src = text, .out = TL_BUF_INIT};
    editor shown = {.out = TL_BUF_INIT};
    char *rest_text = NULL;
    joined.attrs = base ? pango_attr_list_copy(base) : NULL;
    size_t rest = 0, break_len = 0; /* where the paragraphs past the limit start, in `text` */
    int paragraphs = 1;
    for (size_t i = 0; text[i];) {
        const size_t len = paragraph_break_len(text + i);
        if (!len) {
            i++;
            continue;
        }
        edit_copy(&joined, i);
        if (paragraphs == max_lines) {
            break_len = len;
            rest = i + len;
            break;
        }
        edit_replace(&joined, len, LINE_SEPARATOR, 3);
        i += len;
        paragraphs++;
    }
    if (!rest)
        edit_copy(&joined, strlen(text));
    if (!joined.out.data)
        tl_buf_append(&joined.out, "", 0);

    set_text(layout, joined.out.data, joined.out.len, joined.attrs, strike);
    const int count = pango_layout_get_line_count(layout);
    if ((!rest && !pango_layout_is_ellipsized(layout)) || count < 1)
        goto done;

    /* The joined text followed by what was left out: the text joined.attrs describes. */
    const size_t joined_len = joined.out.len;
    tl_buf_append_str(&joined.out, text + joined.done);
    rest_text = tl_buf_steal(&joined.out);
    shown.src = rest_text;
    shown.attrs = joined.attrs;
    joined.attrs = NULL;

    const int last = count < max_lines ? count - 1 : max_lines - 1;
    const size_t cut = (size_t)pango_layout_get_line_readonly(layout, last)->start_index;
    edit_copy(&shown, cut);
    edit_join(&shown, joined_len);
    if (rest) {
        /* Enough of the rest to overflow the last line (and so show the ellipsis), without
         * shaping megabytes that can never show. Cut at a character boundary. */
        const char *tail = rest_text + joined_len + break_len;
        size_t n = strlen(tail);
        if (n > tail_limit) {
            n = tail_limit;
            while (n > 0 && ((unsigned char)tail[n] & 0xC0) == 0x80)
                n--;
        }
        edit_replace(&shown, break_len, " ", 1);
        edit_join(&shown, joined_len + break_len + n);
    }
    set_text(layout, shown.out.data, shown.out.len, shown.attrs, strike);

done:
    if (joined.attrs)
        pango_attr_list_unref(joined.attrs);
    if (shown.attrs)
        pango_attr_list_unref(shown.attrs);
    tl_buf_free(&shown.out);
    tl_buf_free(&joined.out);
    free(rest_text);
}

void tl_fonts_layout_set_text(PangoLayout *layout, const tl_font *font, const tl_text_shape *shape,
                              const char *text, bool strike, bool *markup_invalid)
{
    const bool limited = shape->wrap_width > 0 && shape->max_lines > 0;
    /* Plain text unless markup is asked for: a title containing "<b>" is drawn as written.
     * Markup that does not parse is drawn as written too, never dropped. */
    char *plain = NULL;
    PangoAttrList *attrs = NULL;
    if (shape->markup && !parse_markup(text, &plain, &attrs) && markup_invalid)
        *markup_invalid = true;
    const char *shown = plain ? plain : text;
    if (limited && has_paragraph_break(shown)) {
        /* Glyphs are at least about 1/16 em wide, so this many bytes fill more than a line. */
        const size_t tail_limit = 256 + 64 * (size_t)(shape->wrap_width / font->size);
        set_limited_text(layout, shown, attrs, strike, shape->max_lines, tail_limit);
    } else {
        set_text(layout, shown, strlen(shown), attrs, strike);
    }
    if (attrs)
        pango_attr_list_unref(attrs);
    g_free(plain);
}
