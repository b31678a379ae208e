/* CSV loading from files (data/csv-load.c): a file over one read's chunk, the conformance
 * fixtures in tests/data/csv/, the shared corpus, and large files read in two halves. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "data/csv-split.h"
#include "data/date.h"
#include "data/load-options-private.h"
#include "timeline/timeline.h"
#include "tap.h"
#include "test-util.h"

/* ---------------------------------------------------------------------------------------------
 * A file over 64 KiB
 * ------------------------------------------------------------------------------------------- */

/* A file over 64 KiB, read by every entry point: a quoted multi-line field straddles the
 * 64 KiB chunk boundary and a bad row after it must still be located exactly. */
static void test_large_file(void)
{
    const size_t boundary = 64 * 1024;
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, "start,title,description\n");
    unsigned long line = 2;
    size_t rows = 0;
    while (b.len < boundary - 40) {
        tl_buf_printf(&b, "2020-01-%02zu,Row %zu,plain \xC3\xA9t\xC3\xA9\n", rows % 28 + 1, rows);
        rows++;
        line++;
    }
    /* The quoted field opens before the boundary and closes well after it. */
    tl_buf_append_str(&b, "2021-06-01,Straddler,\"first line\n");
    line++;
    while (b.len < boundary + 100) {
        tl_buf_append_str(&b, "more, \"\"quoted\"\" text\r\n");
        line++;
    }
    tl_buf_append_str(&b, "last\"\n");
    line++;
    rows++;
    const unsigned long bad_line = line;
    tl_buf_append_str(&b, "\xC3\xA9t\xC3\xA9,2021-02-30,x\n"); /* title/start swapped */
    line++;
    for (int i = 0; i < 1000; i++) {
        tl_buf_printf(&b, "2022-03-04,After %d,\"a\nb\"\n", i);
        rows++;
    }
    tap_ok(b.len > boundary, "generated file is larger than 64 KiB (%zu bytes)", b.len);

    char want[128];
    snprintf(want, sizeof want,
             "%s:%lu:1: invalid date \"\xC3\xA9t\xC3\xA9\" in column \"start\": not a date",
             "big.csv", bad_line);

    char *path = test_temp_path("test-csv-big");
    tap_ok(path && test_write_file(path, b.data, b.len), "wrote the large file");
    for (int mode = 0; mode < 3; mode++) {
        static const char *const modes[] = {"buffer", "stream", "file"};
        tl_error *err = NULL;
        tl_timeline *tl = NULL;
        FILE *fp = NULL;
        switch (mode) {
        case 0:
            tl = tl_timeline_load_csv_buffer(b.data, b.len, "big.csv", NULL, &err);
            break;
        case 1:
            fp = path ? fopen(path, "rb") : NULL;
            if (fp) {
                tl = tl_timeline_load_csv_stream(fp, "big.csv", NULL, &err);
                fclose(fp);
            }
            break;
        default:
            tl = path ? tl_timeline_load_csv_file(path, "big.csv", NULL, &err) : NULL;
            break;
        }
        if (!tap_ok(tl != NULL, "large file (%s) loads", modes[mode])) {
            tap_diag("%s", err ? err->message : "(no error)");
            tl_error_free(err);
            continue;
        }
        tap_is_int((long long)tl_timeline_get_event_count(tl), (long long)rows,
                   "large file (%s): all rows", modes[mode]);
        tap_is_int((long long)tl_timeline_get_warning_count(tl), 1, "large file (%s): one warning",
                   modes[mode]);
        tap_is_str(tl_timeline_get_warning(tl, 0), want, "large file (%s): warning position",
                   modes[mode]);
        /* The straddling field arrives whole. */
        const tl_event *straddler = NULL;
        for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
            if (strcmp(tl_event_get_title(tl_timeline_get_event(tl, i)), "Straddler") == 0)
                straddler = tl_timeline_get_event(tl, i);
        }
        const char *d = straddler ? tl_event_get_description(straddler) : "";
        tap_ok(strncmp(d, "first line\nmore, \"quoted\" text\nmore", 35) == 0 &&
                   strcmp(d + strlen(d) - 5, "\nlast") == 0 && !strchr(d, '\r'),
               "large file (%s): the straddling field is whole", modes[mode]);
        tl_timeline_free(tl);
    }

    /* Standard input: "-" with no display name is "<stdin>". */
    if (path && freopen(path, "rb", stdin)) {
        tl_error *err = NULL;
        tl_timeline *tl = tl_timeline_load_csv_file("-", NULL, NULL, &err);
        snprintf(want, sizeof want,
                 "<stdin>:%lu:1: invalid date \"\xC3\xA9t\xC3\xA9\" in column \"start\": not a "
                 "date",
                 bad_line);
        tap_ok(tl && tl_timeline_get_warning_count(tl) == 1 &&
                   strcmp(tl_timeline_get_warning(tl, 0), want) == 0,
               "\"-\" reads standard input, named <stdin>");
        tl_timeline_free(tl);
        tl_error_free(err);
    }
    if (path)
        remove(path);
    free(path);
    tl_buf_free(&b);
}

/* ---------------------------------------------------------------------------------------------
 * Fixtures: tests/data/csv/{y,n,i}_*.csv, each optionally with NAME.expected and NAME.options
 * ------------------------------------------------------------------------------------------- */

/* One line per event, for y_*.expected. */
static char *dump_events(const tl_timeline *tl)
{
    static const char *const types[] = {"point", "span", "era", "marker"};
    static const char *const statuses[] = {"confirmed",   "tentative", "cancelled", "postponed",
                                           "rescheduled", "disputed",  "other"};
    tl_buf b = TL_BUF_INIT;
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *e = tl_timeline_get_event(tl, i);
        char start[48], end[48] = "";
        const tl_time s = tl_event_get_start(e);
        tl_time t;
        tl_cal_format_iso(&s, start, sizeof start);
        if (tl_event_get_end(e, &t))
            tl_cal_format_iso(&t, end, sizeof end);
        else if (tl_event_get_end_open(e))
            snprintf(end, sizeof end, "open");
        tl_buf_printf(&b, "%lu: %s%s..%s %s %s %d group=\"", tl_event_get_line(e),
                      tl_event_get_start_open(e) ? "open:" : "", start, end,
                      types[tl_event_get_type(e)], statuses[tl_event_get_status(e)],
                      tl_event_get_importance(e));
        test_append_escaped(&b, tl_event_get_group(e));
        tl_buf_append_str(&b, "\" color=\"");
        test_append_escaped(&b, tl_event_get_color(e));
        tl_buf_append_str(&b, "\" label=\"");
        test_append_escaped(&b, tl_event_get_date_label(e));
        tl_buf_append_str(&b, "\" title=\"");
        test_append_escaped(&b, tl_event_get_title(e));
        tl_buf_append_str(&b, "\" description=\"");
        test_append_escaped(&b, tl_event_get_description(e));
        tl_buf_append_str(&b, "\"\n");
    }
    return tl_buf_steal(&b);
}

/* Options for a fixture from NAME.options, one "key=value" a line: date_order, time_zone,
 * delimiter (a character or "tab"), column.ROLE=Header. NULL when there is no such file. */
static tl_load_options *fixture_options(const char *path)
{
    char *text = test_read_file(path, NULL);
    if (!text)
        return NULL;
    tl_load_options *opts = tl_load_options_new();
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        if (!eq || line[0] == '#')
            continue;
        *eq = '\0';
        const char *key = line, *value = eq + 1;
        tl_error *err = NULL;
        bool ok = true;
        if (strcmp(key, "date_order") == 0) {
            tl_date_order order;
            ok = tl_date_order_from_name(value, &order);
            tl_load_options_set_date_order(opts, order);
        } else if (strcmp(key, "time_zone") == 0) {
            ok = tl_load_options_set_time_zone(opts, value, &err);
        } else if (strcmp(key, "delimiter") == 0) {
            ok = tl_load_options_set_delimiter(opts, strcmp(value, "tab") == 0 ? '\t' : value[0],
                                               &err);
        } else if (strncmp(key, "column.", 7) == 0) {
            ok = tl_load_options_set_column(opts, key + 7, value, &err);
        } else {
            ok = false;
        }
        tap_ok(ok, "%s: option %s=%s", path, key, value);
        tl_error_free(err);
    }
    free(text);
    return opts;
}

/* The prefix is what the CLI does with a file and its options (tests/test-corpus.sh); for these
 * the loader says otherwise: the CLI refuses a timeline with no event ("nothing to draw") and warns
 * about labels that do not fit, which only the layout sees. */
static const struct {
    const char *name;
    char verdict;
} loader_verdicts[] = {
    {"i_dense_labels.csv", 'y'},     {"n_all_bad_dates.csv", 'i'},
    {"n_all_titles_empty.csv", 'i'}, {"n_end_before_start_only.csv", 'i'},
    {"n_header_only.csv", 'y'},      {"n_header_only_four_columns.csv", 'y'},
};

/* 'y', 'n' or 'i': what loading the fixture must give. */
static char loader_verdict(const char *name)
{
    for (size_t i = 0; i < sizeof loader_verdicts / sizeof loader_verdicts[0]; i++)
        if (strcmp(loader_verdicts[i].name, name) == 0)
            return loader_verdicts[i].verdict;
    return name[0];
}

static void check_fixture(const char *dir, const char *name)
{
    const char verdict = loader_verdict(name);
    tl_buf path = TL_BUF_INIT, expected_path = TL_BUF_INIT, options_path = TL_BUF_INIT;
    tl_buf_printf(&path, "%s/%s", dir, name);
    /* NAME.csv -> NAME.expected, NAME.options */
    const size_t stem = strlen(name) - 4;
    tl_buf_printf(&expected_path, "%s/", dir);
    tl_buf_append(&expected_path, name, stem);
    tl_buf_append_str(&expected_path, ".expected");
    tl_buf_printf(&options_path, "%s/", dir);
    tl_buf_append(&options_path, name, stem);
    tl_buf_append_str(&options_path, ".options");
    char *expected = test_read_file(expected_path.data, NULL);
    /* The expected text ends with one newline; the messages do not. */
    if (expected && test_has_suffix(expected, "\n"))
        expected[strlen(expected) - 1] = '\0';

    tl_load_options *opts = fixture_options(options_path.data);
    tl_buf_free(&options_path);

    tl_error *err = NULL;
    tl_timeline *tl = tl_timeline_load_csv_file(path.data, name, opts, &err);
    tl_load_options_free(opts);
    /* TL_REGENERATE=1 rewrites the .expected files from what loads now: review the diff. */
    if (getenv("TL_REGENERATE") && (verdict == 'y'   ? tl != NULL
                                    : verdict == 'i' ? tl != NULL
                                                     : err != NULL)) {
        char *text = verdict == 'y'   ? dump_events(tl)
                     : verdict == 'i' ? test_join_warnings(tl)
                                      : tl_xstrdup(err->message);
        tl_buf t = TL_BUF_INIT;
        tl_buf_append_str(&t, text);
        if (!test_has_suffix(text, "\n"))
            tl_buf_append_char(&t, '\n');
        if (t.len > 1 || verdict != 'y')
            test_write_file(expected_path.data, t.data, t.len);
        tl_buf_free(&t);
        free(text);
        free(expected);
        expected = test_read_file(expected_path.data, NULL);
        if (expected && test_has_suffix(expected, "\n"))
            expected[strlen(expected) - 1] = '\0';
    }
    switch (verdict) {
    case 'y':
        if (!tap_ok(tl && tl_timeline_get_warning_count(tl) == 0, "%s loads without warnings",
                    name)) {
            if (err)
                tap_diag("error: %s", err->message);
            for (size_t i = 0; tl && i < tl_timeline_get_warning_count(tl); i++)
                tap_diag("warning: %s", tl_timeline_get_warning(tl, i));
        }
        if (tl && expected) {
            char *dump = dump_events(tl);
            if (test_has_suffix(dump, "\n"))
                dump[strlen(dump) - 1] = '\0';
            tap_is_str(dump, expected, "%s events", name);
            free(dump);
        }
        break;
    case 'n':
        tap_ok(!tl && err, "%s fails", name);
        if (err && expected)
            tap_is_str(err->message, expected, "%s error message", name);
        break;
    case 'i':
        tap_ok(tl && tl_timeline_get_warning_count(tl) > 0, "%s loads with warnings", name);
        if (tl && expected) {
            char *w = test_join_warnings(tl);
            tap_is_str(w, expected, "%s warnings", name);
            free(w);
        }
        break;
    default:
        tap_ok(false, "%s: fixture names start with y_, n_ or i_", name);
        break;
    }
    tl_timeline_free(tl);
    tl_error_free(err);
    free(expected);
    tl_buf_free(&path);
    tl_buf_free(&expected_path);
}

static void test_fixtures(void)
{
    const char *srcdir = getenv("TL_TEST_SRCDIR");
    tl_buf dir = TL_BUF_INIT;
    tl_buf_printf(&dir, "%s/data/csv", srcdir ? srcdir : ".");
    DIR *d = opendir(dir.data);
    if (!tap_ok(d != NULL, "fixture folder %s opens", dir.data)) {
        tl_buf_free(&dir);
        return;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (!test_has_suffix(ent->d_name, ".csv"))
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        names[count++] = strdup(ent->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, test_cmp_str);
    tap_ok(count >= 20, "at least 20 fixtures (%zu)", count);
    for (size_t i = 0; i < count; i++) {
        check_fixture(dir.data, names[i]);
        free(names[i]);
    }
    free(names);
    tl_buf_free(&dir);
}

/* ---------------------------------------------------------------------------------------------
 * Shared corpus: real-world files must load or fail cleanly, never crash
 * ------------------------------------------------------------------------------------------- */

static void load_corpus_dir(const char *dir, int depth, size_t *loaded, size_t *failed)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        names[count++] = strdup(ent->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, test_cmp_str);
    for (size_t i = 0; i < count; i++) {
        tl_buf path = TL_BUF_INIT;
        tl_buf_printf(&path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path.data, &st) == 0 && S_ISDIR(st.st_mode) && depth < 3) {
            load_corpus_dir(path.data, depth + 1, loaded, failed);
        } else if (test_has_suffix(names[i], ".csv") || test_has_suffix(names[i], ".tsv")) {
            tl_error *err = NULL;
            tl_timeline *tl = tl_timeline_load_csv_file(path.data, names[i], NULL, &err);
            bool clean = (tl != NULL) != (err != NULL);
            if (err)
                clean =
                    clean && err->message && strncmp(err->message, names[i], strlen(names[i])) == 0;
            tap_ok(clean, "corpus %s: %s", path.data,
                   tl    ? "loads"
                   : err ? err->message
                         : "(no error)");
            for (size_t w = 0; tl && w < tl_timeline_get_warning_count(tl) && w < 3; w++)
                tap_diag("  %s", tl_timeline_get_warning(tl, w));
            if (tl)
                (*loaded)++;
            else
                (*failed)++;
            tl_timeline_free(tl);
            tl_error_free(err);
        }
        tl_buf_free(&path);
        free(names[i]);
    }
    free(names);
}

static void test_corpus(void)
{
    const char *corpus = getenv("TL_SHARED_CORPUS");
    tl_buf dir = TL_BUF_INIT;
    tl_buf_printf(&dir, "%s/external", corpus ? corpus : "../shared/corpus");
    struct stat st;
    if (stat(dir.data, &st) != 0) {
        tap_diag("shared corpus not found at %s: skipped", dir.data);
        tl_buf_free(&dir);
        return;
    }
    size_t loaded = 0, failed = 0;
    load_corpus_dir(dir.data, 0, &loaded, &failed);
    tap_diag("corpus: %zu loaded, %zu refused", loaded, failed);
    tl_buf_free(&dir);
}

/* ---------------------------------------------------------------------------------------------
 * Large files read in two halves: the same timeline as read in one go
 * ------------------------------------------------------------------------------------------- */

/* Everything a load gives: its error, or its title and counts, every event's fields and
 * source line, the groups, warnings and notes, in order. */
static char *dump_load(const tl_timeline *tl, const tl_error *err)
{
    tl_buf b = TL_BUF_INIT;
    if (!tl) {
        tl_buf_printf(&b, "ERROR %d: %s", err ? (int)err->code : -1, err ? err->message : "?");
        return tl_buf_steal(&b);
    }
    tl_timeline_stats st;
    tl_timeline_get_stats(tl, &st);
    tl_buf_printf(&b, "title %s; %zu rows, %zu events, %zu title rows, %zu skipped\n",
                  tl_timeline_get_title(tl), st.rows, st.events, st.title_rows, st.skipped);
    for (size_t i = 0; i < tl_timeline_get_event_count(tl); i++) {
        const tl_event *ev = tl_timeline_get_event(tl, i);
        const char *texts[] = {tl_event_get_source(ev),      tl_event_get_title(ev),
                               tl_event_get_start_text(ev),  tl_event_get_end_text(ev),
                               tl_event_get_group(ev),       tl_event_get_description(ev),
                               tl_event_get_status_text(ev), tl_event_get_url(ev)};
        for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
            tl_buf_append_str(&b, texts[k] ? texts[k] : "-");
            tl_buf_append_char(&b, '|');
        }
        tl_buf_printf(&b, "g%d l%lu\n", tl_event_get_group_index(ev), tl_event_get_line(ev));
    }
    for (size_t i = 0; i < tl_timeline_get_group_count(tl); i++)
        tl_buf_printf(&b, "group %s\n", tl_timeline_get_group(tl, i));
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++)
        tl_buf_printf(&b, "warning %s\n", tl_timeline_get_warning(tl, i));
    for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
        tl_buf_printf(&b, "note %s\n", tl_timeline_get_note(tl, i));
    return tl_buf_steal(&b);
}

/* Checks that a load in two halves and one in one go give the same (timeline, warnings,
 * notes, error) and frees both; returns whether they did. */
static bool same_loads(tl_timeline *halves, tl_error *e1, tl_timeline *whole, tl_error *e2,
                       const char *name)
{
    char *a = dump_load(halves, e1), *b = dump_load(whole, e2);
    const bool same = tap_is_str(a, b, "%s: the same as read in one go", name);
    free(a);
    free(b);
    tl_timeline_free(halves);
    tl_timeline_free(whole);
    tl_error_free(e1);
    tl_error_free(e2);
    return same;
}

/* Loads `csv` from a file cut in two (forced at any size) and from a buffer in one go, and
 * checks that both give the same; `cut` says whether a cut is expected to be found. */
static void expect_same_split(const char *csv, size_t len, bool cut, const char *name)
{
    char *path = test_temp_path("split");
    if (!path || !test_write_file(path, csv, len)) {
        tap_ok(false, "%s: temporary file", name);
        free(path);
        return;
    }
    FILE *fp = fopen(path, "rb");
    uint64_t at = 0;
    unsigned long line = 0;
    const bool found = fp && tl_csv_find_cut(fileno(fp), len, &at, &line);
    if (fp)
        fclose(fp);
    tap_ok(found == cut, "%s: %s", name, cut ? "a cut is found" : "no cut is found");

    tl_load_options *opts = tl_load_options_new();
    opts->split_min = 1;
    tl_error *e1 = NULL, *e2 = NULL;
    tl_timeline *halves = tl_timeline_load_csv_file(path, "t.csv", opts, &e1);
    tl_timeline *whole = tl_timeline_load_csv_buffer(csv, len, "t.csv", opts, &e2);
    if (!same_loads(halves, e1, whole, e2, name))
        tap_diag("cut at byte %llu, line %lu", (unsigned long long)at, line);
    tl_load_options_free(opts);
    remove(path);
    free(path);
}

/* `rows` rows of varied data after a header: quoted commas and line breaks (LF and CRLF),
 * spans, groups, statuses, a bad date every 97 rows, Hindi and Japanese titles. */
static char *varied_rows(size_t rows, const char *eol)
{
    tl_buf b = TL_BUF_INIT;
    tl_buf_printf(&b, "start,end,title,group,status,description%s", eol);
    for (size_t i = 0; i < rows; i++) {
        const int year = 1950 + (int)(i % 70), month = 1 + (int)(i % 12), day = 1 + (int)(i % 28);
        if (i % 97 == 13)
            tl_buf_printf(&b, "%d-02-30,,Bad date %zu,G%zu,,", year, i, i % 5);
        else if (i % 3 == 0)
            tl_buf_printf(&b, "%d-%02d-%02d,%d-12-31,\"Span, %zu\",G%zu,tentative,", year, month,
                          day, year, i, i % 7);
        else if (i % 11 == 0)
            tl_buf_printf(&b,
                          "%d-%02d-%02d,,\"Two\r\nlines %zu\",Grupo %zu,cancelled,\"say "
                          "\"\"hi\"\"\"",
                          year, month, day, i, i % 3);
        else if (i % 7 == 0)
            tl_buf_printf(&b, "%d-%02d,,भारत %zu 日本,,,\"a\nb\"", year, month, i);
        else
            tl_buf_printf(&b, "%d-%02d-%02d,,Event %zu,G%zu,,plain", year, month, day, i, i % 5);
        tl_buf_append_str(&b, eol);
        if (i % 50 == 49)
            tl_buf_append_str(&b, eol); /* a blank line now and then */
    }
    return tl_buf_steal(&b);
}

static void test_split(void)
{
    char *lf = varied_rows(3000, "\n"), *crlf = varied_rows(3000, "\r\n");
    expect_same_split(lf, strlen(lf), true, "split: LF file");
    expect_same_split(crlf, strlen(crlf), true, "split: CRLF file");

    /* An error in the second half: the same error, the same position. */
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, lf);
    tl_buf_append_str(&b, "2020-01-01,,bad \"quote,G1,,\n");
    expect_same_split(b.data, b.len, true, "split: stray quote in the second half");
    tl_buf_clear(&b);
    tl_buf_append_str(&b, lf);
    tl_buf_append_str(&b, "2020-01-01,,caf\xe9,G1,,\n");
    expect_same_split(b.data, b.len, true, "split: invalid UTF-8 in the second half");
    tl_buf_clear(&b);
    tl_buf_append_str(&b, lf);
    tl_buf_append_str(&b, "2020-01-01,,\"open quote,G1,,\n2020-01-02,,x,,,\n");
    expect_same_split(b.data, b.len, true, "split: unterminated quote at the end");

    /* An error in the first half wins, whatever the second holds. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "start,title\n2020-01-01,a \"stray\n");
    tl_buf_append_str(&b, lf + strlen("start,end,title,group,status,description\n"));
    expect_same_split(b.data, b.len, true, "split: stray quote in the first half");

    /* ... also when it lies past the first chunk read, once the second half has started. */
    char *big = varied_rows(6000, "\n");
    char *late = strstr(big, "Event 2500,");
    tl_buf_clear(&b);
    tl_buf_append(&b, big, (size_t)(late - big));
    tl_buf_append_str(&b, "stray \"quote");
    tl_buf_append_str(&b, late + strlen("Event 2500"));
    tap_ok(late - big > 64 * 1024, "split: the late error is past the first 64 kB (%td)",
           late - big);
    expect_same_split(b.data, b.len, true, "split: stray quote late in the first half");
    free(big);

    /* A quoted field across the middle: the cut goes after it. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "start,title,description\n2020-01-01,a,\"");
    for (int i = 0; i < 200; i++)
        tl_buf_append_str(&b, "line of a long quoted description\n");
    tl_buf_append_str(&b, "\"\n2020-01-02,b,x\n2020-01-03,c,y\n");
    expect_same_split(b.data, b.len, true, "split: a quoted field across the middle");

    /* Semicolons named by Excel's sep= line, a byte order mark, groups first seen late. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "\xef\xbb\xbfsep=;\nstart;title;group\n");
    for (int i = 0; i < 400; i++)
        tl_buf_printf(&b, "2001-01-%02d;Row %d;%s\n", 1 + i % 28, i, i < 300 ? "Early" : "Late");
    expect_same_split(b.data, b.len, true, "split: sep=; after a byte order mark");

    /* Each half is sorted on its own thread and the two merged: dates in no order with many
     * equal across the halves, a sort column breaking some ties, groups first met in the
     * second half although their dates come first, and a group_order (in the first half: in
     * the second, it would leave its row and the rest to the first thread, unsorted). */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "start,title,group,sort,group_order\n");
    for (int i = 0; i < 3000; i++) {
        const int day = 1 + (i * 7919) % 28, month = 1 + (i * 31) % 12;
        const char *group = i < 1500 ? (i % 2 ? "Odd" : "Even") : (i % 3 ? "Late" : "Later");
        const int year = i < 1500 ? 2001 : 2000 + i % 3;
        tl_buf_printf(&b, "%d-%02d-%02d,Row %d,%s,", year, month, day, i, group);
        if (i % 5 == 0)
            tl_buf_printf(&b, "%d", (i * 13) % 4);
        tl_buf_append_str(&b, i == 700 ? ",-1\n" : ",\n");
    }
    expect_same_split(b.data, b.len, true, "split: halves sorted and merged");
    /* A project plan stays in file order to be resolved: the halves are not sorted. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "id,start,duration,depends,title\n");
    tl_buf_append_str(&b, "a,2020-03-02,3d,,First\n");
    for (int i = 0; i < 1200; i++)
        tl_buf_printf(&b, "t%d,2020-%02d-%02d,1d,%s,Task %d\n", i, 1 + (i * 5) % 12,
                      1 + (i * 11) % 28, i % 4 ? "a" : "", i);
    expect_same_split(b.data, b.len, true, "split: a project plan across the halves");

    /* Old Mac line ends (CR only): no line feed to cut at, read in one go. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "start,title\r");
    for (int i = 0; i < 100; i++)
        tl_buf_printf(&b, "2001-01-%02d,Row %d\r", 1 + i % 28, i);
    expect_same_split(b.data, b.len, false, "split: CR line ends");

    /* Blank and empty rows around the cut; a header and a single row. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "start,title\n");
    for (int i = 0; i < 40; i++)
        tl_buf_printf(&b, "2001-01-%02d,Row %d\n\n,\n", 1 + i % 28, i);
    expect_same_split(b.data, b.len, true, "split: blank and empty rows");
    expect_same_split("start,title\n2001-01-01,Only\n", 28, false, "split: one row");

    /* Rows whose reading depends on the rows before them, in the second half: a second title
     * row (ignored, with a warning quoting the first), a group_order given again with another
     * value, and rows after those. Each case also with the first half giving none. */
    for (int first = 0; first < 2; first++) {
        tl_buf_clear(&b);
        tl_buf_append_str(&b, "start,title,group,type,group_order\n");
        if (first)
            tl_buf_append_str(&b, ",The first title,,title,\n2001-01-01,a,Alpha,,2\n");
        for (int i = 0; i < 300; i++)
            tl_buf_printf(&b, "2001-02-%02d,Row %d,G%d,%s,\n", 1 + i % 28, i, i % 4,
                          i % 50 == 7 ? "span" : "");
        tl_buf_append_str(&b, ",  Another title ,,\" Title\n\",\n");
        tl_buf_append_str(&b, "2003-01-01,b,Alpha,,3\n2003-01-02,c,Beta,,1\n");
        for (int i = 0; i < 100; i++)
            tl_buf_printf(&b, "2004-03-%02d,Late %d,G%d,,\n", 1 + i % 28, i, i % 5);
        expect_same_split(b.data, b.len, true,
                          first ? "split: title rows and group orders in both halves"
                                : "split: a title row and group orders in the second half");
    }

    /* A TimelineJS sheet: rows without a headline take it from their text (counted in a
     * note), and its HTML text is converted, in both halves. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,"
                          "Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,"
                          "Type,Group,Background\n");
    for (int i = 0; i < 400; i++)
        tl_buf_printf(&b, "%d,%d,%d,,,,,,,%s,<p>Text &amp; more %d</p>,,,,,,G%d,\n", 1900 + i % 100,
                      1 + i % 12, 1 + i % 28, i % 9 == 4 ? "" : "Headline", i, i % 3);
    expect_same_split(b.data, b.len, true, "split: a TimelineJS sheet");
    tl_buf_free(&b);
    free(lf);
    free(crlf);
}

/* JSON Lines of `n` objects: spans, groups, a bad date every 97 lines, Hindi and Japanese
 * titles, blank lines; keys in varied orders and spellings. */
static void varied_jsonl(tl_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const int year = 1950 + (int)(i % 70), month = 1 + (int)(i % 12), day = 1 + (int)(i % 28);
        if (i % 97 == 13)
            tl_buf_printf(b, "{\"start\": \"%d-02-30\", \"title\": \"Bad %zu\"}\n", year, i);
        else if (i % 3 == 0)
            tl_buf_printf(b,
                          "{\"title\": \"Span %zu\", \"start\": \"%d-%02d-%02d\", "
                          "\"end\": %d, \"group\": \"G%zu\", \"status\": \"tentative\"}\n",
                          i, year, month, day, year + 1, i % 7);
        else if (i % 7 == 0)
            tl_buf_printf(b, "{\"date\": \"%d-%02d\", \"name\": \"भारत %zu 日本\"}\n", year, month,
                          i);
        else
            tl_buf_printf(b,
                          "{\"start\": \"%d-%02d-%02d\", \"title\": \"Event %zu\", "
                          "\"group\": \"G%zu\"}\n",
                          year, month, day, i, i % 5);
        if (i % 50 == 49)
            tl_buf_append_str(b, "\n");
    }
}

/* Loads JSON Lines from a file read in two halves (forced at any size) and from a buffer in
 * one go, and checks that both give the same. */
static void expect_same_jsonl(const char *text, size_t len, const char *name)
{
    char *path = test_temp_path("split.jsonl");
    if (!path || !test_write_file(path, text, len)) {
        tap_ok(false, "%s: temporary file", name);
        free(path);
        return;
    }
    tl_load_options *opts = tl_load_options_new();
    opts->split_min = 1;
    tl_load_options_set_input_format(opts, TL_INPUT_JSONL);
    tl_error *e1 = NULL, *e2 = NULL;
    tl_timeline *halves = tl_timeline_load_file(path, "t.jsonl", opts, &e1);
    tl_timeline *whole = tl_timeline_load_buffer(text, len, "t.jsonl", opts, &e2);
    same_loads(halves, e1, whole, e2, name);
    tl_load_options_free(opts);
    remove(path);
    free(path);
}

/* JSON Lines streamed in two halves: the same timeline, warnings, notes and errors as one
 * pass, including keys first met past the header's lookahead and rows the second half must
 * leave to the first. */
static void test_jsonl_split(void)
{
    tl_buf b = TL_BUF_INIT;
    varied_jsonl(&b, 3000);
    expect_same_jsonl(b.data, b.len, "jsonl split: varied lines");
    /* Keys first used past the lookahead: a known role (its column was added) and an
     * unknown key, in the second half. */
    tl_buf_append_str(&b, "{\"start\": \"2001\", \"title\": \"Late\", \"type\": \"era\", "
                          "\"mood\": \"odd\"}\n");
    varied_jsonl(&b, 200);
    expect_same_jsonl(b.data, b.len, "jsonl split: keys first met in the second half");
    /* A title row and a group order in the second half: read after the first half. */
    tl_buf_append_str(&b, "{\"start\": \"\", \"title\": \"The chart\", \"type\": \"title\"}\n"
                          "{\"start\": \"2002\", \"title\": \"O\", \"group\": \"G3\", "
                          "\"group_order\": 1}\n");
    varied_jsonl(&b, 100);
    expect_same_jsonl(b.data, b.len, "jsonl split: a title row in the second half");
    /* A malformed line in the second half: the same error at the same line. */
    tl_buf_append_str(&b, "{\"start\": \"2003\", \"title\": \"broken\"\n");
    varied_jsonl(&b, 10);
    expect_same_jsonl(b.data, b.len, "jsonl split: malformed line in the second half");
    /* No final line feed. */
    tl_buf_clear(&b);
    varied_jsonl(&b, 2000);
    tl_buf_append_str(&b, "{\"start\": \"2004\", \"title\": \"last\"}");
    expect_same_jsonl(b.data, b.len, "jsonl split: no final line feed");
    tl_buf_free(&b);
}

/* The cut as a byte at a time finds it: the first LF at or past the middle with an even number
 * of quotes before it, and the lines before it counted as the reader counts them (CR, LF and
 * CRLF one each). */
static bool reference_cut(const char *s, size_t n, uint64_t *at, unsigned long *line)
{
    unsigned long lines = 1;
    bool odd = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r')
            lines++;
        else if (s[i] == '\n' && !(i > 0 && s[i - 1] == '\r'))
            lines++;
        if (s[i] == '"')
            odd = !odd;
        if (s[i] == '\n' && !odd && i >= n / 2) {
            *at = i + 1;
            *line = lines;
            return *at < n;
        }
    }
    return false;
}

/* Texts dense in quotes, CRs and LFs, of every length around the words the cut counts at once:
 * a CRLF across two words, a middle inside a word, a quote just before the middle. */
static void test_cut_counts(void)
{
    char *path = test_temp_path("cut");
    static const char alphabet[] = "ab\"\r\n,";
    uint32_t seed = 12345;
    size_t bad = 0, tried = 0;
    for (size_t n = 1; path && n <= 300; n++) {
        for (int round = 0; round < 20; round++) {
            char text[300];
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
            }
            uint64_t want_at = 0, got_at = 0;
            unsigned long want_line = 0, got_line = 0;
            const bool want = reference_cut(text, n, &want_at, &want_line);
            FILE *fp = test_write_file(path, text, n) ? fopen(path, "rb") : NULL;
            const bool got = fp && tl_csv_find_cut(fileno(fp), n, &got_at, &got_line);
            if (fp)
                fclose(fp);
            tried++;
            if (got != want || (want && (got_at != want_at || got_line != want_line))) {
                if (bad++ == 0)
                    tap_diag("length %zu: cut %d at %llu line %lu, expected %d at %llu line %lu", n,
                             got, (unsigned long long)got_at, got_line, want,
                             (unsigned long long)want_at, want_line);
            }
        }
    }
    tap_ok(path && tried == 6000 && bad == 0, "cut: %zu texts cut where a byte at a time cuts them",
           tried);
    if (path)
        remove(path);
    free(path);
}

int main(void)
{
    test_cut_counts();
    test_large_file();
    test_split();
    test_jsonl_split();
    test_fixtures();
    test_corpus();
    return tap_done();
}
