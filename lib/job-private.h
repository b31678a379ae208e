/* A job's state and the option table behind tl_job_set(). Every option is one row of
 * tl_option_rows[] (lib/options-table.c): tl_job_set(), style files and -S (lib/style-file.c),
 * the style text, and through tl_option_get() the command line's getopt table, --help and its
 * shell completion, and the Python binding's keywords all come from these rows, so an option
 * added there works everywhere. */
#ifndef TL_JOB_PRIVATE_H
#define TL_JOB_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

#include "timeline/timeline.h"

struct tl_job {
    char *title, *subtitle, *caption, *group_order;
    char *from_text, *to_text;
    tl_time from, to;
    bool has_from, has_to;
    bool axis_breaks_off;
    tl_theme theme;
    tl_variant layout;
    char *font;
    char *pdf_author, *pdf_subject, *pdf_keywords, *pdf_title, *pdf_creator;
    double width, height, dpi, scale, label_width;
    double page_w, page_h, margins[4];
    bool has_margins;
    int pages;
    int fiscal_start;        /* 0: not set (calendar years) */
    bool shade_weekends;     /* --shade weekends */
    unsigned workdays;       /* --workdays: bit 0 Monday; 0 when not given */
    GArray *holidays;        /* tl_time, from --holidays */
    bool elapsed, has_epoch; /* --axis elapsed, --epoch */
    bool numeric;            /* --axis number */
    char *epoch_id;          /* --epoch that is not a date: an event's id */
    char *unit;
    tl_time epoch;
    tl_elapsed_style elapsed_style;
    int elapsed_base;
    bool fiscal_by_start;
    bool landscape, fit_width, svg_text, markup, repair_utf8, system_fonts;
    tl_font_options *fonts;   /* the font options, --font-dir folders added as they come */
    tl_load_options *load;    /* the reading options */
    tl_layout_options *style; /* palette, sizes, widths and background; the rest per chart */
    /* The style text: the value of every option with a section, as last set. */
    GKeyFile *config;
    GHashTable *values;  /* option name -> its text as last set (tl_job_get_value()) */
    GPtrArray *reads;    /* what the options read: "f:PATH" a file, "d:PATH" a folder */
    GPtrArray *warnings; /* the job's own (text options repaired) */
    tl_fonts *font_context;
    bool checked; /* tl_job_check() passed since the last option was set */
};

/* What a row's value is; public for the front ends as tl_option_arg. */
typedef struct tl_option_row {
    const char *name;     /* the long option and the style-file key */
    int short_name;       /* 0 for none */
    tl_option_arg arg;    /* with or without a value; TL_OPTION_HEADING for --help's headings */
    const char *metavar;  /* "FILE", "PT": what the value is, in --help */
    const char *section;  /* the style file section; NULL for the front end only */
    const char *help;     /* one line for --help; NULL: not listed there (the --col-ROLE family) */
    const char *complete; /* completion: words ("svg png pdf"), "@file", "@dir", or NULL */
    /* Applies the value ("true"/"false" for a flag). On a bad value returns false with a
     * message in *why (g_free'd by the caller): "expected points from 200 to 100000". */
    bool (*set)(tl_job *job, const struct tl_option_row *o, const char *value, char **why);
    size_t field;    /* offsetof(tl_job, ...) of the value, for the generic handlers */
    double min, max; /* the range of a number */
    tl_option_action action;
} tl_option_row;

extern const tl_option_row tl_option_rows[];
extern const size_t tl_option_row_count;

/* The row named `name` (a long name), or NULL. */
const tl_option_row *tl_option_row_find(const char *name);
/* Applies `value` through the row's handler and records it for the style text and
 * tl_job_get_value(). */
bool tl_option_apply(tl_job *job, const tl_option_row *o, const char *value, char **why);
/* Applies a [palette] key ("group.Japan", "status-shape.cancelled", "font.label", "line.axis"). */
bool tl_palette_apply(tl_job *job, const char *key, const char *value, char **why);
/* Whether `key` is a [palette] key's form (KIND.NAME with a known kind). */
bool tl_palette_key_known(const char *key);
/* The kinds of [palette] key ("group", "status-shape", "font" ...). */
extern const char *const tl_palette_kinds[];
extern const size_t tl_palette_kind_count;
/* The closest of `count` names to `word` when it is close enough to be a typo, else NULL. */
const char *tl_did_you_mean(const char *word, const char *const *names, size_t count);

/* Page setup as written (lib/page-setup.c), in points. Each returns false on a bad value with
 * a message in *why (g_free'd by the caller; not set when why is NULL), leaving the outputs
 * unchanged. A page size is "A5" "A4" "A3" "A2" "A1" "A0" "Letter" "Legal" "Tabloid"
 * (case-insensitive, portrait), "WxH" with a unit mm|cm|in|pt ("210x297mm", "8.5x11in"), or
 * "fit" (0 x 0: the page is the chart). A length is "15mm", "1.5cm", "0.5in", "36pt" or a bare
 * number of points. Margins are one length for all sides or "T,R,B,L" (top, right, bottom,
 * left). */
bool tl_page_size_parse(const char *text, double *width, double *height, char **why);
bool tl_length_parse(const char *text, double *points, char **why);
bool tl_margins_parse(const char *text, double margins[4], char **why);

/* Notes a file (or a folder) the options read, for a front end that watches them. */
void tl_job_note_read(tl_job *job, const char *path, bool folder);
/* The options every chart shares, onto the layout options (lib/job.c). */
void tl_job_apply_layout_options(tl_job *job);

/* The handlers the table names (lib/options.c). */
#define TL_OPTION_HANDLER(name)                                                                    \
    bool tl_option_set_##name(tl_job *job, const tl_option_row *o, const char *v, char **why)
TL_OPTION_HANDLER(text);
TL_OPTION_HANDLER(flag);
TL_OPTION_HANDLER(number);
TL_OPTION_HANDLER(front);
TL_OPTION_HANDLER(format);
TL_OPTION_HANDLER(nothing);
TL_OPTION_HANDLER(theme);
TL_OPTION_HANDLER(layout);
TL_OPTION_HANDLER(date);
TL_OPTION_HANDLER(today);
TL_OPTION_HANDLER(tiers);
TL_OPTION_HANDLER(tick_format);
TL_OPTION_HANDLER(ticks);
TL_OPTION_HANDLER(fiscal_start);
TL_OPTION_HANDLER(week_start);
TL_OPTION_HANDLER(fiscal_name);
TL_OPTION_HANDLER(scale);
TL_OPTION_HANDLER(axis);
TL_OPTION_HANDLER(epoch);
TL_OPTION_HANDLER(elapsed_style);
TL_OPTION_HANDLER(elapsed_base);
TL_OPTION_HANDLER(critical_path);
TL_OPTION_HANDLER(show_progress);
TL_OPTION_HANDLER(workdays);
TL_OPTION_HANDLER(shade);
TL_OPTION_HANDLER(holidays);
TL_OPTION_HANDLER(axis_position);
TL_OPTION_HANDLER(past);
TL_OPTION_HANDLER(axis_breaks);
TL_OPTION_HANDLER(font_dir);
TL_OPTION_HANDLER(repair_utf8);
TL_OPTION_HANDLER(date_order);
TL_OPTION_HANDLER(tz);
TL_OPTION_HANDLER(delimiter);
TL_OPTION_HANDLER(input_format);
TL_OPTION_HANDLER(column);
TL_OPTION_HANDLER(background);
TL_OPTION_HANDLER(locale);
TL_OPTION_HANDLER(direction);
TL_OPTION_HANDLER(page);
TL_OPTION_HANDLER(margin);
TL_OPTION_HANDLER(pages);
TL_OPTION_HANDLER(page_scale);

#endif /* TL_JOB_PRIVATE_H */
