/* Markwhen documents: what the reader's two halves share (markwhen-load.c: the document's
 * lines, the header, event lines, sections and groups; markwhen-event.c: an event's title,
 * tags, properties and description, and the group and colour they give it). Each event
 * becomes a row of named cells (table.h), read as CSV rows are. Internal to data/. */
#ifndef TL_MARKWHEN_H
#define TL_MARKWHEN_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "data/markwhen-date.h"
#include "data/table.h"
#include "timeline/timeline.h"

/* Sections and groups deeper than this are in their ancestor's group. */
enum { TL_MW_DEPTH_MAX = 32 };

/* A line of the document: its text trimmed to [a, b), where it starts, its number. */
typedef struct tl_mw_line {
    const char *start, *a, *b;
    unsigned long no;
} tl_mw_line;

typedef struct tl_mw_tag_color {
    char *color;
    unsigned long line, col;
} tl_mw_tag_color;

typedef struct tl_mw_event_id {
    tl_mw_span span;
    unsigned long line;
} tl_mw_event_id;

typedef enum tl_mw_header_key {
    TL_MW_KEY_NONE,
    TL_MW_KEY_TITLE,
    TL_MW_KEY_DESCRIPTION,
    TL_MW_KEY_OTHER
} tl_mw_header_key;

/* A document being read. */
typedef struct tl_mw_reader {
    const char *path;
    tl_timeline *tl;
    tl_table *table;
    tl_mw_env env;
    size_t events, skipped; /* event rows, and event lines skipped with a warning */
    /* The header, until the first event, group or section. */
    bool in_header, in_front, seen_content;
    tl_mw_header_key key;
    size_t key_indent;
    GString *title, *description;
    tl_mw_line title_at;
    GHashTable *tag_colors; /* tag, case folded -> tl_mw_tag_color *; both owned */
    GHashTable *noted;      /* what a note was given for once, owned keys */
    GPtrArray *groups;      /* the open sections and groups: names, owned */
    GPtrArray *group_tags;  /* their first tags (or ""), owned */
    /* The event being read: its row is the table's last. */
    bool open, skipping, props;
    tl_mw_line at;     /* its event line */
    GPtrArray *tags;   /* its tags, owned */
    tl_mw_line tag_at; /* where its first tag is */
    char *id;          /* its id, owned; or NULL */
    tl_mw_line id_at;
    bool has_group, has_color;
    GString *desc;
    tl_mw_line desc_at;
    tl_mw_span span;
    GHashTable *ids; /* id -> tl_mw_event_id *, both owned */
    bool has_prior;
    tl_mw_span prior;
} tl_mw_reader;

/* markwhen-load.c */

/* A note, once per `key` (a kind of thing, not each occurrence); `l` may be NULL. */
__attribute__((format(printf, 4, 5))) void
tl_mw_note_once(tl_mw_reader *r, const char *key, const tl_mw_line *l, const char *fmt, ...);

/* Sets a cell of the event's row from text at p on line l, less white space at its ends. */
void tl_mw_set_cell(tl_mw_reader *r, const char *column, const char *text, size_t len,
                    const tl_mw_line *l, const char *p);

/* "key: value" with a plain key in [a, b): the key's end and the value, or false. */
bool tl_mw_key_value(const char *a, const char *b, const char **key_end, const char **value);

/* A YAML-ish value, owned: quotes taken off; a flow list ["a", 'b'] as its items: "a, b". */
char *tl_mw_plain_value(const char *a, const char *b);

/* markwhen-event.c */

/* "#tag" at p (after white space or at the start): its length, or 0. Numbers are not tags. */
size_t tl_mw_tag_len(const char *p, const char *b);

/* The title of the event line l: the text from `a` (after the colon) less its !id, #tags and
 * "50%", which become cells. */
void tl_mw_take_title(tl_mw_reader *r, const tl_mw_line *l, const char *a);

/* "key: value" right under an event line: true when l is a property (and read). */
bool tl_mw_property_line(tl_mw_reader *r, const tl_mw_line *l);

/* A line of the event's description; its #tags are the event's too. */
void tl_mw_description_line(tl_mw_reader *r, const tl_mw_line *l);

/* The event's group and colour, unless a property gave them, when it is closed. */
void tl_mw_finish_group(tl_mw_reader *r);
void tl_mw_finish_color(tl_mw_reader *r);

#endif /* TL_MARKWHEN_H */
