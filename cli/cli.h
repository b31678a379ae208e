/* The command line: a front end over the library's jobs (tl_job_*), whose option table
 * (tl_option_get()) the getopt table, --help and the shell completion are generated from. */
#ifndef TL_CLI_H
#define TL_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <glib.h>

#include "timeline/timeline.h"

enum { EXIT_USAGE = 64 };

/* One run of the command line: the library's job, which holds every option, and what the
 * front end reads back from it. */
typedef struct cli {
    tl_job *job;
    /* The options only the command line acts on, read from the job once they are all set. */
    const char *output;      /* -o, or NULL */
    const char *format_name; /* -T, or NULL */
    bool outputs_by_input;   /* -O: each input's output beside it */
    bool check, quiet, verbose, strict, watch;
    bool print_config, list_themes, list_locales;
    size_t warnings_total, charts_written; /* of the whole run, for --watch's line */
} cli;

/* --help and the completion (cli/help.c), generated from the library's option table. */
void cli_print_help(FILE *fp);
/* Writes a bash completion script for timeline, generated from the table. */
void cli_print_bash_completion(FILE *fp);

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

#endif /* TL_CLI_H */
