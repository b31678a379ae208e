/* The command line's state and its option table. Every option is one row of cli_options[]:
 * getopt_long, style files (cli/config.c), -S, --print-config, --help and the shell completion
 * are all generated from it, so an option added there works everywhere. */
#ifndef TL_CLI_H
#define TL_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

#include "timeline/timeline.h"

enum { EXIT_USAGE = 64 };

typedef struct cli {
    const char *output;
    const char *format_name;
    bool outputs_by_input; /* -O: each input's output beside it */
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
    int fiscal_start; /* 0: not set (calendar years) */
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
    bool landscape, fit_width, svg_text;
    bool strict, quiet, verbose, check, markup, repair_utf8, system_fonts;
    bool print_config, list_themes, list_locales;
    tl_font_options *fonts;   /* the font options, --font-dir folders added as they come */
    tl_load_options *load;    /* CSV options */
    tl_layout_options *style; /* palette, sizes, widths and background; the rest per input */
    /* What --print-config prints: the value of every option with a section, as last set. */
    GKeyFile *config;
    bool watch;
    /* For --watch: the files and folders the options named (style files, --holidays,
     * --font-dir), noted when named, so that one that cannot be read is watched too; NULL
     * when nobody asks. Borrowed. */
    GPtrArray *watched_files, *watched_folders;
    size_t warnings_total, charts_written; /* of the whole run, for --watch's line */
} cli;

/* What an option's value is, for help, completion and style files. */
typedef enum cli_arg {
    CLI_FLAG,  /* no value on the command line; true or false in a style file */
    CLI_VALUE, /* a value */
    CLI_LIST,  /* a value; repeatable, each adds one (a list in a style file) */
} cli_arg;

typedef struct cli_option {
    const char *name;     /* the long option and the style-file key */
    int short_name;       /* 0 for none */
    cli_arg arg;          /* with or without a value */
    const char *metavar;  /* "FILE", "PT": what the value is, in --help */
    const char *section;  /* the style file section; NULL for the command line only */
    const char *help;     /* one line for --help; NULL: not listed there (the --col-ROLE family) */
    const char *complete; /* completion: words ("svg png pdf"), "@file", "@dir", or NULL */
    /* Applies the value ("true"/"false" for a flag). On a bad value returns false with a
     * message in *why (g_free'd by the caller): "expected points from 200 to 100000". */
    bool (*set)(cli *c, const struct cli_option *o, const char *value, char **why);
    size_t field;    /* offsetof(cli, ...) of the value, for the generic handlers */
    double min, max; /* the range of a number */
    int id;          /* for the actions main.c handles itself (-c, -S, -h ...); 0 otherwise */
} cli_option;

enum {
    CLI_ID_CONFIG = 1,
    CLI_ID_SET,
    CLI_ID_HELP,
    CLI_ID_VERSION,
    CLI_ID_COMPLETION,
    CLI_ID_HELP_GROUP, /* a heading in --help, not an option */
};

extern const cli_option cli_options[];
extern const size_t cli_option_count;

/* The row named `name` (a long name), or NULL. */
const cli_option *cli_option_find(const char *name);
/* Applies `value` through the row's handler and records it for --print-config. */
bool cli_option_apply(cli *c, const cli_option *o, const char *value, char **why);
/* Applies a [palette] key ("group.Japan", "status-shape.cancelled", "font.label", "line.axis"). */
bool cli_palette_apply(cli *c, const char *key, const char *value, char **why);
/* Whether `key` is a [palette] key's form (KIND.NAME with a known kind). */
bool cli_palette_key_known(const char *key);
/* The kinds of [palette] key ("group", "status-shape", "font" ...), for the completion. */
extern const char *const cli_palette_kinds[];
extern const size_t cli_palette_kind_count;

/* --help and the completion (cli/help.c). */
void cli_print_help(FILE *fp);
/* Writes a bash completion script for timeline, generated from the table. */
void cli_print_bash_completion(FILE *fp);

/* Style files (cli/config.c). Each returns 0 or, after printing the error, the exit status. */
int cli_config_load_file(cli *c, const char *path);
int cli_config_set(cli *c, const char *assignment); /* -S KEY=VALUE */
/* The configuration as a style file, on stdout. */
void cli_config_print(const cli *c, FILE *fp);
/* Page setup as written (cli/page-setup.c), in points. Each returns false on a bad value with a
 * message in *why (g_free'd by the caller; not set when why is NULL), leaving the outputs
 * unchanged. A page size is "A5" "A4" "A3" "A2" "A1" "A0" "Letter" "Legal" "Tabloid"
 * (case-insensitive, portrait), "WxH" with a unit mm|cm|in|pt ("210x297mm", "8.5x11in"), or
 * "fit" (0 x 0: the page is the chart). A length is "15mm", "1.5cm", "0.5in", "36pt" or a bare
 * number of points. Margins are one length for all sides or "T,R,B,L" (top, right, bottom,
 * left). */
bool cli_page_size_parse(const char *text, double *width, double *height, char **why);
bool cli_length_parse(const char *text, double *points, char **why);
bool cli_margins_parse(const char *text, double margins[4], char **why);

/* Notes a file (or a folder) the options read, for --watch. */
void cli_watch_note(cli *c, const char *path, bool folder);

/* What one whole run of the command line did, for --watch (cli/watch.c). */
typedef struct cli_outcome {
    int status;                 /* the exit status */
    size_t warnings, charts;    /* warnings printed, charts written */
    char *output;               /* the one output file, or NULL (several, or none) */
    bool check;                 /* --check: nothing is written */
    GPtrArray *files, *folders; /* the inputs and what the options read; owned strings */
} cli_outcome;
/* Runs the command line once, afresh: reads the options (style files again) and renders every
 * input, filling `out` (whose arrays exist). */
typedef void (*cli_run_fn)(int argc, char **argv, cli_outcome *out);
/* --watch: runs once, then again whenever a file of the last run changes, until SIGINT or
 * SIGTERM; returns 0 then. */
int cli_watch(int argc, char **argv, cli_run_fn run);

/* The closest of `count` names to `word` when it is close enough to be a typo, else NULL. */
const char *cli_did_you_mean(const char *word, const char *const *names, size_t count);

#endif /* TL_CLI_H */
