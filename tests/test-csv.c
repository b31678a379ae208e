/* CSV loading (data/csv-load.c, data/columns.c): the reader's positions across any chunking,
 * quoting, line endings, encodings, header mapping, per-row warnings, error messages, the
 * conformance fixtures in tests/data/csv/ and the shared corpus. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/tl-alloc.h"
#include "common/tl-buf.h"
#include "data/csv-reader.h"
#include "data/csv-split.h"
#include "data/date.h"
#include "data/load-options-private.h"
#include "timeline/timeline.h"
#include "tap.h"
#include "test-util.h"

/* ---------------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------------- */

static tl_timeline *load_n(const char *data, size_t len, tl_error **err)
{
    return tl_timeline_load_csv_buffer(data, len, "t.csv", NULL, err);
}

static tl_timeline *load(const char *csv, tl_error **err)
{
    return load_n(csv, strlen(csv), err);
}

/* Checks that loading fails with exactly `message` (and code `code`). */
static void expect_error_n(const char *data, size_t len, int code, const char *message,
                           const char *name)
{
    tl_error *err = NULL;
    tl_timeline *tl = load_n(data, len, &err);
    tap_ok(tl == NULL, "%s: fails", name);
    if (!tap_ok(err != NULL, "%s: sets an error", name)) {
        tl_timeline_free(tl);
        return;
    }
    tap_is_str(err->message, message, "%s: message", name);
    tap_is_int(err->code, code, "%s: code", name);
    tl_error_free(err);
    tl_timeline_free(tl);
}

static void expect_error(const char *csv, const char *message, const char *name)
{
    expect_error_n(csv, strlen(csv), TL_ERROR_DATA, message, name);
}

/* All warnings joined with "\n". */
static char *join_warnings(const tl_timeline *tl)
{
    tl_buf b = TL_BUF_INIT;
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++) {
        if (i > 0)
            tl_buf_append_char(&b, '\n');
        tl_buf_append_str(&b, tl_timeline_get_warning(tl, i));
    }
    return tl_buf_steal(&b);
}

/* Checks that loading succeeds with `events` events and exactly the warnings `warnings`
 * (joined with "\n"; "" for none). */
static tl_timeline *expect_load(const char *csv, size_t events, const char *warnings,
                                const char *name)
{
    tl_error *err = NULL;
    tl_timeline *tl = load(csv, &err);
    if (!tap_ok(tl != NULL, "%s: loads", name)) {
        tap_diag("error: %s", err ? err->message : "(none)");
        tl_error_free(err);
        return NULL;
    }
    tap_ok(err == NULL, "%s: no error set", name);
    tap_is_int((long long)tl_timeline_get_event_count(tl), (long long)events, "%s: events", name);
    char *w = join_warnings(tl);
    tap_is_str(w, warnings, "%s: warnings", name);
    free(w);
    return tl;
}

static void append_escaped(tl_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            tl_buf_append_str(b, "\\n");
        else if (*s == '\r')
            tl_buf_append_str(b, "\\r");
        else
            tl_buf_append_char(b, *s);
    }
}

static char *temp_path(const char *stem)
{
    const char *dir = getenv("TL_TEST_BUILDDIR");
    tl_buf b = TL_BUF_INIT;
    tl_buf_printf(&b, "%s/%s-%ld-XXXXXX", dir ? dir : "/tmp", stem, (long)getpid());
    char *path = tl_buf_steal(&b);
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    close(fd);
    return path;
}

/* ---------------------------------------------------------------------------------------------
 * The reader: fields, positions, and independence from how the input is split
 * ------------------------------------------------------------------------------------------- */

static bool dump_row(void *user, tl_csv_row *row, tl_error **err)
{
    tl_buf *b = user;
    (void)err;
    for (size_t i = 0; i < row->count; i++) {
        if (i > 0)
            tl_buf_append_char(b, '|');
        tl_buf_printf(b, "%lu:%lu=", row->fields[i].pos.line, row->fields[i].pos.column);
        append_escaped(b, row->fields[i].text);
        if (strlen(row->fields[i].text) != row->fields[i].len)
            tl_buf_append_str(b, "<len mismatch>");
    }
    tl_buf_printf(b, ">%lu:%lu\n", row->end.line, row->end.column);
    return true;
}

/* Reads `data` feeding `step` bytes at a time (0: all at once) and returns the dump of the
 * rows, or "ERROR: message". */
static char *read_split(const char *data, size_t len, size_t step)
{
    tl_buf b = TL_BUF_INIT;
    tl_error *err = NULL;
    tl_csv_reader *r = tl_csv_reader_new("r.csv", dump_row, &b);
    bool ok = true;
    if (step == 0)
        step = len ? len : 1;
    for (size_t off = 0; ok && off < len; off += step)
        ok = tl_csv_reader_feed(r, data + off, len - off < step ? len - off : step, &err);
    if (ok)
        ok = tl_csv_reader_finish(r, &err);
    tl_csv_reader_free(r);
    if (!ok) {
        tl_buf_clear(&b);
        tl_buf_printf(&b, "ERROR: %s", err ? err->message : "(no error)");
    }
    tl_error_free(err);
    return tl_buf_steal(&b);
}

typedef struct reader_case {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
    const char *dump;
} reader_case;

static const reader_case reader_cases[] = {
    {"mixed", "a,b\r\n\"x\r\ny\",z\r\n\r\n  ,\"\"\n\xC3\xA9\xE2\x82\xAC,\"q\"\"q\"\nlast", 0,
     "1:1=a|1:3=b>1:4\n"
     "2:1=x\\ny|3:4=z>3:5\n"
     "5:3=|5:4=>5:6\n"
     "6:1=\xC3\xA9\xE2\x82\xAC|6:4=q\"q>6:10\n"
     "7:1=last>7:5\n"},
    {"trailing empty field", "a,\nb,", 0, "1:1=a|1:3=>1:3\n2:1=b|2:3=>2:3\n"},
    {"spaces around fields", "  a  ,  \"b c\"  , d\n", 0, "1:3=a|1:9=b c|1:18=d>1:19\n"},
    {"cr only", "a,b\rc,d\r", 0, "1:1=a|1:3=b>1:4\n2:1=c|2:3=d>2:4\n"},
    {"bom and quoted header", "\xEF\xBB\xBF\"h1\",h2\nv1,v2", 0,
     "1:1=h1|1:6=h2>1:8\n2:1=v1|2:4=v2>2:6\n"},
    {"quoted field spans lines", "x,\"1\n2\n\n3\",y\nz\n", 0,
     "1:1=x|1:3=1\\n2\\n\\n3|4:4=y>4:5\n5:1=z>5:2\n"},
    {"blank lines only", "\n\r\n  \n\t\n", 0, ""},
    {"empty input", "", 0, ""},
    {"bom only", "\xEF\xBB\xBF", 0, ""},
    {"single field", "x", 0, "1:1=x>1:2\n"},
    {"unterminated quote", "a,b\nc,\"open\nmore\n", 0,
     "ERROR: r.csv:2:3: unterminated quoted field"},
    {"stray quote", "a,b\nc,d\"e\n", 0,
     "ERROR: r.csv:2:4: quote inside an unquoted field (enclose the field in quotes and double "
     "the quotes inside it)"},
    /* Fields longer than a word, where the reader skips plain bytes eight at a time: what
     * stops it (a delimiter, a tab, a multibyte character, an invalid byte) at each offset. */
    {"long fields", "abcdefghijklmnopqrstuvwxyz,0123456789abcdefghij\tklm,x\n", 0,
     "1:1=abcdefghijklmnopqrstuvwxyz|1:28=0123456789abcdefghij\tklm|1:53=x>1:54\n"},
    {"long field with UTF-8", "abcdefghijklmnopq\xC3\xA9rstuvwxyz0123,b\n", 0,
     "1:1=abcdefghijklmnopq\xC3\xA9rstuvwxyz0123|1:33=b>1:34\n"},
    {"invalid byte deep in a field", "abcdefghijklmnopqrstuvw\xFFxyz\n", 0,
     "ERROR: r.csv:1:24: invalid UTF-8 (byte 0xFF); save the file as UTF-8"},
    {"DEL and tilde are plain", "~~~~~~~~\x7F\x7F~~~~~~~~~,z\n", 0,
     "1:1=~~~~~~~~\x7F\x7F~~~~~~~~~|1:21=z>1:22\n"},
    {"text after closing quote", "a,\"b\"c\n", 0,
     "ERROR: r.csv:1:6: unexpected text after a closing quote (a quote inside a quoted field "
     "must be doubled: \"\")"},
    {"nul byte", "a,b\nc,\"d\0\"\n", 11, "ERROR: r.csv:2:5: binary data (NUL byte)"},
    {"latin-1", "a,b\nc,caf\xE9,x\n", 0,
     "ERROR: r.csv:2:6: invalid UTF-8 (byte 0xE9); save the file as UTF-8"},
    {"lone continuation byte", "a\x80", 0,
     "ERROR: r.csv:1:2: invalid UTF-8 (byte 0x80); save the file as UTF-8"},
    {"overlong", "ab\n\xC0\xAF", 0,
     "ERROR: r.csv:2:1: invalid UTF-8 (byte 0xC0); save the file as UTF-8"},
    {"overlong 3-byte", "\xE0\x80\xAF", 0,
     "ERROR: r.csv:1:1: invalid UTF-8 (byte 0xE0); save the file as UTF-8"},
    {"surrogate", "x\xED\xA0\x80", 0,
     "ERROR: r.csv:1:2: invalid UTF-8 (byte 0xED); save the file as UTF-8"},
    {"past U+10FFFF", "\xF4\x90\x80\x80", 0,
     "ERROR: r.csv:1:1: invalid UTF-8 (byte 0xF4); save the file as UTF-8"},
    {"truncated at end", "ok,\xE2\x82", 0,
     "ERROR: r.csv:1:4: invalid UTF-8 (byte 0xE2); save the file as UTF-8"},
    {"syntax error before a bad byte", "ab\"c\xFF\n", 0,
     "ERROR: r.csv:1:3: quote inside an unquoted field (enclose the field in quotes and double "
     "the quotes inside it)"},
    {"4-byte character", "\xF0\x9F\x8E\x89,x\n", 0, "1:1=\xF0\x9F\x8E\x89|1:3=x>1:4\n"},
    {"utf-16le", "\xFF\xFEs\0t\0", 6, "ERROR: r.csv: file is UTF-16; save it as UTF-8"},
    {"utf-16be", "\xFE\xFF\0s\0t", 6, "ERROR: r.csv: file is UTF-16; save it as UTF-8"},
    {"utf-16le, 2 bytes", "\xFF\xFE", 0, "ERROR: r.csv: file is UTF-16; save it as UTF-8"},
    /* The delimiter is sniffed from the first non-blank line, outside quotes. */
    {"semicolons", "a;b\n\"x;y\";z, w\n", 0, "1:1=a|1:3=b>1:4\n2:1=x;y|2:7=z, w>2:11\n"},
    {"tabs", "a\tb\n\tc\n", 0, "1:1=a|1:3=b>1:4\n2:1=|2:2=c>2:3\n"},
    {"quoted delimiters do not count", "\"a;b;c\",d\n1,2\n", 0,
     "1:1=a;b;c|1:9=d>1:10\n2:1=1|2:3=2>2:4\n"},
    {"quoted header line break", "\"a\nb\";c;d\n1;2;3\n", 0,
     "1:1=a\\nb|2:4=c|2:6=d>2:7\n3:1=1|3:3=2|3:5=3>3:6\n"},
    {"excel sep line", "sep=;\r\na;b\r\n1;2", 0, "2:1=a|2:3=b>2:4\n3:1=1|3:3=2>3:4\n"},
    {"bom and semicolons", "\xEF\xBB\xBF\"h\";g\n", 0, "1:1=h|1:5=g>1:6\n"},
    {"blank lines before the header", "\n\r\n  \na;b\n", 0, "4:1=a|4:3=b>4:4\n"},
    {"a tie keeps commas", "a,b;c\n", 0, "1:1=a|1:3=b;c>1:6\n"},
    {"no line break", "a;b", 0, "1:1=a|1:3=b>1:4\n"},
    {"nul in the header", "a;b\0", 4, "ERROR: r.csv:1:4: binary data (NUL byte)"},
};

static void test_reader(void)
{
    const size_t steps[] = {0, 1, 2, 3, 4, 5, 7, 13};
    for (size_t i = 0; i < sizeof reader_cases / sizeof reader_cases[0]; i++) {
        const reader_case *c = &reader_cases[i];
        const size_t len = c->len ? c->len : strlen(c->data);
        bool all_same = true;
        for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
            char *dump = read_split(c->data, len, steps[s]);
            if (s == 0) {
                tap_is_str(dump, c->dump, "reader: %s", c->name);
            } else if (strcmp(dump, c->dump) != 0) {
                tap_diag("split every %zu bytes: %s", steps[s], dump);
                all_same = false;
            }
            free(dump);
        }
        tap_ok(all_same, "reader: %s: same result however the input is split", c->name);
    }

    /* A failed reader keeps failing and still reports an error. */
    tl_buf b = TL_BUF_INIT;
    tl_error *err = NULL;
    tl_csv_reader *r = tl_csv_reader_new("r.csv", dump_row, &b);
    tap_ok(!tl_csv_reader_feed(r, "ab\0", 3, &err), "reader: NUL fails");
    tl_error_free(err);
    err = NULL;
    tap_ok(!tl_csv_reader_feed(r, "b\n", 2, &err) && err != NULL,
           "reader: feeding after a failure fails with an error");
    tl_error_free(err);
    err = NULL;
    tap_ok(!tl_csv_reader_finish(r, &err) && err != NULL,
           "reader: finishing after a failure fails with an error");
    tl_error_free(err);
    tl_csv_reader_free(r);
    tl_buf_free(&b);
    tl_csv_reader_free(NULL);
}

/* ---------------------------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------------------------- */

static void test_quoting(void)
{
    tl_timeline *tl = expect_load("start,title,description\n"
                                  "2020,\"Hello, world\",\"Say \"\"hi\"\"\"\n"
                                  "2021,\"multi\nline\r\ntitle\",\"  padded  \"\n",
                                  2, "", "quoting");
    if (tl) {
        const tl_event *a = tl_timeline_get_event(tl, 0);
        const tl_event *b = tl_timeline_get_event(tl, 1);
        tap_is_str(tl_event_get_title(a), "Hello, world", "comma inside quotes");
        tap_is_str(tl_event_get_description(a), "Say \"hi\"", "doubled quotes");
        tap_is_str(tl_event_get_title(b), "multi\nline\ntitle", "newlines inside quotes");
        tap_is_str(tl_event_get_description(b), "padded", "quoted text trimmed");
        tap_is_int((long long)tl_event_get_line(b), 3, "line of the row after");
    }
    tl_timeline_free(tl);
}

static void test_line_numbers(void)
{
    tl_timeline *tl = expect_load(
        "start,title,description\n"
        "2020,A,\"multi\nline\ntext\"\n"
        "2021,B,x\n"
        "2021-13,C,x\n"
        "2022,\"D\",\"a\nb\", 2019-02-30\n",
        3,
        "t.csv:6:1: invalid date \"2021-13\" in column \"start\": month 13 out of range\n"
        "t.csv:8:5: row has 4 fields but the header has 3; extra fields ignored",
        "line numbers after quoted newlines");
    if (tl) {
        tap_is_int((long long)tl_event_get_line(tl_timeline_get_event(tl, 1)), 5,
                   "row after a 3-line field is on line 5");
        tap_is_int((long long)tl_event_get_line(tl_timeline_get_event(tl, 2)), 7,
                   "next row on line 7");
    }
    tl_timeline_free(tl);

    tl = expect_load("start,title\r\n"
                     "2020,\"A\r\nB\"\r\n"
                     "\r\n"
                     "2020-02-30,C\r\n",
                     1,
                     "t.csv:5:1: invalid date \"2020-02-30\" in column \"start\": day 30 out of "
                     "range for February 2020",
                     "CRLF line numbers");
    if (tl)
        tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 0)), "A\nB",
                   "CRLF inside a quoted field becomes \\n");
    tl_timeline_free(tl);

    tl = expect_load("start,title\r2020,A\r\r2020-13,B\r", 1,
                     "t.csv:4:1: invalid date \"2020-13\" in column \"start\": month 13 out of "
                     "range",
                     "CR-only line endings");
    tl_timeline_free(tl);

    /* Columns count characters, not bytes, and start at the field's first non-blank. */
    tl = expect_load("title,start\n"
                     "\xC3\x84\xC3\x96,2019-02-30\n"
                     "A,  2019-02-30\n"
                     "\"\xE2\x82\xAC\",\"2019-02-30\"\n",
                     0,
                     "t.csv:2:4: invalid date \"2019-02-30\" in column \"start\": day 30 out of "
                     "range for February 2019\n"
                     "t.csv:3:5: invalid date \"2019-02-30\" in column \"start\": day 30 out of "
                     "range for February 2019\n"
                     "t.csv:4:5: invalid date \"2019-02-30\" in column \"start\": day 30 out of "
                     "range for February 2019",
                     "columns in characters");
    tl_timeline_free(tl);
}

static void test_bom_and_blank_lines(void)
{
    tl_timeline *tl = expect_load("\xEF\xBB\xBFstart,title\n2020,A\n", 1, "", "BOM");
    tl_timeline_free(tl);
    tl = expect_load("\xEF\xBB\xBF\"start\",\"title\"\n2020,A\n", 1, "", "BOM + quoted header");
    tl_timeline_free(tl);
    expect_error("\xEF\xBB\xBFmoment,title\n2020,A\n",
                 "t.csv:1: no \"start\" column (found: moment, title)",
                 "BOM is not part of the first name");
    tl = expect_load("\xEF\xBB\xBFtitle,start\n\"A\",2020-13\n", 0,
                     "t.csv:2:5: invalid date \"2020-13\" in column \"start\": month 13 out of "
                     "range",
                     "BOM does not shift columns");
    tl_timeline_free(tl);

    tl = expect_load("\n\nstart,title\n\n2020,A\n   \n,,\n\t,\" \"\n2021,B\n\n\n", 2, "",
                     "blank lines and empty rows");
    if (tl) {
        tap_is_int((long long)tl_event_get_line(tl_timeline_get_event(tl, 0)), 5,
                   "first row after blank lines");
        tap_is_int((long long)tl_event_get_line(tl_timeline_get_event(tl, 1)), 9,
                   "second row after blank lines");
    }
    tl_timeline_free(tl);

    tl = expect_load("start,title\n2020,A", 1, "", "no final newline");
    tl_timeline_free(tl);
    tl = expect_load("start,title\n", 0, "", "header only");
    tl_timeline_free(tl);
    tl = expect_load("start,title", 0, "", "header only, no newline");
    tl_timeline_free(tl);
}

static void test_ragged_rows(void)
{
    tl_timeline *tl = expect_load("start,title,end,group\n"
                                  "2020,A\n"
                                  "2021,B,2022,g,extra,more\n"
                                  "2023\n",
                                  2,
                                  "t.csv:3:15: row has 6 fields but the header has 4; extra "
                                  "fields ignored\n"
                                  "t.csv:4:5: empty title",
                                  "ragged rows");
    if (tl) {
        const tl_event *a = tl_timeline_get_event(tl, 0);
        const tl_event *b = tl_timeline_get_event(tl, 1);
        tap_ok(!tl_event_get_end(a, NULL), "short row: no end");
        tap_is_str(tl_event_get_group(a), "", "short row: no group");
        tap_is_str(tl_event_get_group(b), "g", "long row kept");
    }
    tl_timeline_free(tl);
}

static void test_header(void)
{
    tl_timeline *tl = expect_load(
        "Start Date , HEADLINE,end_date,Category,Priority,Colour,Notes,STATUS,Type,Other\n"
        "2020-01,A,2020-06,g1,5,#ff0000,some notes,planned,range,ignored\n",
        1, "", "header aliases");
    if (tl) {
        const tl_event *e = tl_timeline_get_event(tl, 0);
        tap_is_str(tl_event_get_title(e), "A", "HEADLINE is the title");
        tap_is_str(tl_event_get_start_text(e), "2020-01", "Start Date is the start");
        tap_is_str(tl_event_get_end_text(e), "2020-06", "end_date is the end");
        tap_is_str(tl_event_get_group(e), "g1", "Category is the group");
        tap_is_int(tl_event_get_importance(e), 5, "Priority is the importance");
        tap_is_str(tl_event_get_color(e), "#ff0000", "Colour is the color");
        tap_is_str(tl_event_get_description(e), "some notes", "Notes is the description");
        tap_is_int(tl_event_get_status(e), TL_STATUS_TENTATIVE, "STATUS is the status");
        tap_is_int(tl_event_get_type(e), TL_EVENT_SPAN, "Type is the type");
    }
    tl_timeline_free(tl);

    const char *const aliases[][2] = {
        {"date,event", "date/event"},       {"from,label", "from/label"},
        {"begin,name", "begin/name"},       {"START-DATE,task", "START-DATE/task"},
        {"start.date,Title", "start.date"}, {"start,title", "start/title"},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        tl_buf b = TL_BUF_INIT;
        tl_buf_printf(&b, "%s\n2020,A\n", aliases[i][0]);
        tl_error *err = NULL;
        tl_timeline *t = load(b.data, &err);
        tap_ok(t && tl_timeline_get_event_count(t) == 1, "alias %s", aliases[i][1]);
        tl_timeline_free(t);
        tl_error_free(err);
        tl_buf_free(&b);
    }
    const char *const ends[] = {"to", "until", "End Date", "finish", "END"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        tl_buf b = TL_BUF_INIT;
        tl_buf_printf(&b, "start,title,%s\n2020,A,2021\n", ends[i]);
        tl_timeline *t = load(b.data, NULL);
        tap_ok(t && tl_event_get_end(tl_timeline_get_event(t, 0), NULL), "end alias %s", ends[i]);
        tl_timeline_free(t);
        tl_buf_free(&b);
    }

    expect_error("start,what\n2020,A\n", "t.csv:1: no \"title\" column (found: start, what)",
                 "missing title column");
    expect_error("moment,title\n", "t.csv:1: no \"start\" column (found: moment, title)",
                 "missing start column");
    expect_error("when,what\n2020,A\n", "t.csv:1: no \"title\" column (found: when, what)",
                 "missing title column, when is the start");
    expect_error("\n\nmoment,what\n",
                 "t.csv:3: no \"start\" and no \"title\" column (found: moment, what)",
                 "missing both, header after blank lines");
    expect_error("x\n", "t.csv:1: no \"start\" and no \"title\" column (found: x)",
                 "single unknown column");
    expect_error("\" \",a\n", "t.csv:1: no \"start\" and no \"title\" column (found: a)",
                 "blank names are not listed");

    tl = expect_load("start,title,date,Title\n2020,A,1999,B\n", 1,
                     "t.csv:1:13: column \"date\" ignored: \"start\" is already the start "
                     "column\n"
                     "t.csv:1:18: column \"Title\" ignored: \"title\" is already the title "
                     "column",
                     "duplicate columns: first wins");
    if (tl) {
        tap_is_str(tl_event_get_title(tl_timeline_get_event(tl, 0)), "A", "first title wins");
        tap_is_str(tl_event_get_start_text(tl_timeline_get_event(tl, 0)), "2020",
                   "first start wins");
    }
    tl_timeline_free(tl);
}

static void test_row_warnings(void)
{
    tl_timeline *tl = expect_load(
        "start,end,title,type,status,importance\n"
        "2019-01-01,,A\n"
        "2019-02-30,,B\n"
        ",,C\n"
        "2019-03,2019-01,D\n"
        "2019,,  \n"
        "2019,xx,E\n"
        "2019,,F,span\n"
        "2019,,G,,maybe\n"
        "2019,,H,,,high\n"
        "2019,,I,,,0\n"
        "2019,2020,J,wibble\n"
        "2019,2020,K,point\n",
        6,
        "t.csv:3:1: invalid date \"2019-02-30\" in column \"start\": day 30 out of range for "
        "February 2019\n"
        "t.csv:4:1: missing start date\n"
        "t.csv:5:9: end \"2019-01\" is before start \"2019-03\"\n"
        "t.csv:6:9: empty title\n"
        "t.csv:7:6: invalid date \"xx\" in column \"end\": not a date (unknown word \"xx\")\n"
        "t.csv:8:9: type \"span\" needs an end date\n"
        "t.csv:9:10: unknown status \"maybe\" (expected confirmed, tentative, cancelled, "
        "postponed, rescheduled or disputed); kept as written\n"
        "t.csv:10:11: invalid importance \"high\" (expected 1 to 5); using 3\n"
        "t.csv:11:11: invalid importance \"0\" (expected 1 to 5); using 3\n"
        "t.csv:12:13: unknown type \"wibble\" (expected point, span, era or marker); treated as a "
        "span\n"
        "t.csv:13:6: end \"2020\" ignored: type \"point\" has no end",
        "row warnings");
    tl_timeline_free(tl);

    /* Long or multi-line cells are shortened and escaped in messages. */
    tl = expect_load("start,title\n"
                     "\"not\na date\",A\n"
                     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,B\n",
                     0,
                     "t.csv:2:1: invalid date \"not\\na date\" in column \"start\": not a date "
                     "(unknown word \"not\")\n"
                     "t.csv:4:1: invalid date \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" in "
                     "column \"start\": not a date",
                     "cells quoted in messages");
    tl_timeline_free(tl);

    /* The column name in messages is the header as written. */
    tl = expect_load("When (start),Date,Title,Until\n,2020-02-30,x,\n", 0,
                     "t.csv:2:2: invalid date \"2020-02-30\" in column \"Date\": day 30 out of "
                     "range for February 2020",
                     "column named as written");
    tl_timeline_free(tl);
}

static void test_errors(void)
{
    expect_error("start,title\n2020,\"abc\n2021,B\n", "t.csv:2:6: unterminated quoted field",
                 "unterminated quote");
    expect_error("start,title\n2020,A\n2021,  \"abc", "t.csv:3:8: unterminated quoted field",
                 "unterminated quote at the end");
    expect_error_n("start,title\n20\0 20,A\n", 20, TL_ERROR_DATA,
                   "t.csv:2:3: binary data (NUL byte)", "NUL byte");
    expect_error("start,title\n2020,caf\xE9\n",
                 "t.csv:2:9: invalid UTF-8 (byte 0xE9); save the file as UTF-8", "invalid UTF-8");
    expect_error_n("\xFF\xFEs\0t\0a\0r\0t\0", 12, TL_ERROR_DATA,
                   "t.csv: file is UTF-16; save it as UTF-8", "UTF-16 LE");
    expect_error_n("\xFE\xFF\0s\0t", 6, TL_ERROR_DATA, "t.csv: file is UTF-16; save it as UTF-8",
                   "UTF-16 BE");
    expect_error("", "t.csv: empty file: no header row", "empty file");
    expect_error("\n \n\r\n", "t.csv: empty file: no header row", "blank file");
    expect_error("\xEF\xBB\xBF", "t.csv: empty file: no header row", "BOM only");
    expect_error("start,title\n2020,say \"hi\"\n",
                 "t.csv:2:10: quote inside an unquoted field (enclose the field in quotes and "
                 "double the quotes inside it)",
                 "stray quote");
    expect_error("start,title\n2020,\"say\" hi\n",
                 "t.csv:2:12: unexpected text after a closing quote (a quote inside a quoted "
                 "field must be doubled: \"\")",
                 "text after a closing quote");

    /* A NULL err is allowed. */
    tap_ok(tl_timeline_load_csv_buffer("", 0, NULL, NULL, NULL) == NULL, "NULL err on failure");
    tl_error *err = NULL;
    tap_ok(tl_timeline_load_csv_buffer("x", 1, NULL, NULL, &err) == NULL && err &&
               strncmp(err->message, "<buffer>:1: ", 12) == 0,
           "buffer without a display name is <buffer>");
    tl_error_free(err);
    err = NULL;
    tap_ok(tl_timeline_load_csv_buffer(NULL, 0, "x.csv", NULL, &err) == NULL && err &&
               strcmp(err->message, "x.csv: empty file: no header row") == 0,
           "NULL data of length 0 is an empty file");
    tl_error_free(err);
    err = NULL;
    tap_ok(err == NULL && tl_timeline_load_csv_stream(NULL, NULL, NULL, &err) == NULL && err &&
               err->code == TL_ERROR_USAGE,
           "NULL stream is a usage error");
    tl_error_free(err);
    err = NULL;

    /* The error records the position separately too. */
    tl_timeline_load_csv_buffer("start,title\n2020,\"x", 19, "p.csv", NULL, &err);
    tap_ok(err && err->path && strcmp(err->path, "p.csv") == 0 && err->line == 2 &&
               err->column == 6,
           "error path, line and column");
    tl_error_free(err);
}

static void test_field_limit(void)
{
    const size_t max = (size_t)1 << 20;
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, "start,title\n2020,");
    for (size_t i = 0; i < max; i++)
        tl_buf_append_char(&b, 'a');
    tl_buf_append_char(&b, '\n');
    tl_error *err = NULL;
    tl_timeline *tl = load_n(b.data, b.len, &err);
    tap_ok(tl && strlen(tl_event_get_title(tl_timeline_get_event(tl, 0))) == max,
           "a 1 MiB field is accepted");
    tl_timeline_free(tl);
    tl_error_free(err);

    b.len -= 1;
    tl_buf_append_str(&b, "a\n");
    expect_error_n(b.data, b.len, TL_ERROR_DATA, "t.csv:2:6: field longer than 1 MiB",
                   "1 MiB + 1 byte is refused");

    /* A quote left open fails at the limit instead of buffering the rest of the file. */
    tl_buf_clear(&b);
    tl_buf_append_str(&b, "start,title\n2020,\"open\n");
    while (b.len < 3 * max)
        tl_buf_append_str(&b, "2021,more text here\n");
    expect_error_n(b.data, b.len, TL_ERROR_DATA, "t.csv:2:6: field longer than 1 MiB",
                   "open quote in a large file");
    tl_buf_free(&b);
}

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

    char *path = temp_path("test-csv-big");
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

/* Delimiters, date orders, time zones and column overrides given as load options. */
static void test_options(void)
{
    tl_error *err = NULL;
    tl_load_options *opts = tl_load_options_new();

    /* A forced delimiter wins over sniffing. */
    tap_ok(tl_load_options_set_delimiter(opts, '|', &err) && !err, "delimiter '|'");
    tl_timeline *tl =
        tl_timeline_load_csv_buffer("start|title\n2020|A, B; C\n", 25, "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1 &&
               strcmp(tl_event_get_title(tl_timeline_get_event(tl, 0)), "A, B; C") == 0,
           "forced delimiter");
    tap_ok(tl && tl_timeline_get_note_count(tl) == 2 &&
               strcmp(tl_timeline_get_note(tl, 0), "delimiter: vertical bar") == 0 &&
               strcmp(tl_timeline_get_note(tl, 1), "profile: timeline") == 0,
           "notes: delimiter and profile");
    tl_timeline_free(tl);
    const char bad[] = {'"', '\n', '\r', (char)0xC3};
    for (size_t i = 0; i < sizeof bad; i++) {
        tap_ok(!tl_load_options_set_delimiter(opts, bad[i], &err) && err &&
                   err->code == TL_ERROR_USAGE &&
                   strncmp(err->message, "invalid delimiter", 17) == 0,
               "delimiter 0x%02X refused", (unsigned char)bad[i]);
        tl_error_free(err);
        err = NULL;
    }
    tap_ok(tl_load_options_set_delimiter(opts, 0, NULL), "delimiter 0: sniff again");

    /* Numeric dates need an order; with one, they load. */
    const char *numeric = "start,end,title\n04/11/2019,06/11/2019,A\n";
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 0 && tl_timeline_get_warning_count(tl) == 1 &&
               strcmp(tl_timeline_get_warning(tl, 0),
                      "o.csv:2:1: numeric date \"04/11/2019\" needs a date order (--date-order "
                      "dmy or mdy)") == 0,
           "numeric date without an order: a row warning naming the cell");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_DMY);
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1 &&
               tl_event_get_start(tl_timeline_get_event(tl, 0)).lo ==
                   tl_cal_make(2019, 11, 4, 0, 0, 0) &&
               strcmp(tl_event_get_date_label(tl_timeline_get_event(tl, 0)),
                      "4 Nov 2019 \xE2\x80\x93 6 Nov 2019") == 0,
           "dmy");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_MDY);
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1 &&
               tl_event_get_start(tl_timeline_get_event(tl, 0)).lo ==
                   tl_cal_make(2019, 4, 11, 0, 0, 0),
           "mdy");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, (tl_date_order)42);
    tl = tl_timeline_load_csv_buffer(numeric, strlen(numeric), "o.csv", opts, &err);
    tap_ok(tl && tl_timeline_get_event_count(tl) == 1, "an invalid order value is ignored");
    tl_timeline_free(tl);
    tl_load_options_set_date_order(opts, TL_DATE_ORDER_NONE);

    /* Time zones apply to times without an offset, with daylight saving. */
    tap_ok(!tl_load_options_set_time_zone(opts, "Mars/Olympus_Mons", &err) && err &&
               err->code == TL_ERROR_USAGE &&
               strncmp(err->message, "unknown time zone \"Mars/Olympus_Mons\"", 36) == 0,
           "unknown time zone: usage error");
    tl_error_free(err);
    err = NULL;
    tap_ok(tl_load_options_set_time_zone(opts, "Europe/Paris", &err), "Europe/Paris");
    const char *times = "start,title\n2020-01-15T12:00,Winter\n2020-07-15T12:00,Summer\n"
                        "2020-07-15T12:00Z,Explicit\n2020-07-15,Day\n";
    tl = tl_timeline_load_csv_buffer(times, strlen(times), "o.csv", opts, &err);
    if (tap_ok(tl && tl_timeline_get_event_count(tl) == 4, "times in Europe/Paris load")) {
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 0)).lo,
                   tl_cal_make(2020, 1, 15, 11, 0, 0), "CET is UTC+1");
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 1)).lo,
                   tl_cal_make(2020, 7, 15, 0, 0, 0), "a calendar day is not shifted");
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 2)).lo,
                   tl_cal_make(2020, 7, 15, 10, 0, 0), "CEST is UTC+2");
        tap_is_str(tl_event_get_start_label(tl_timeline_get_event(tl, 2)), "15 Jul 2020 12:00",
                   "labels show the zone's wall clock");
        tap_is_int(tl_event_get_start(tl_timeline_get_event(tl, 3)).lo,
                   tl_cal_make(2020, 7, 15, 12, 0, 0), "an explicit offset wins");
        tap_is_str(tl_event_get_start_label(tl_timeline_get_event(tl, 3)), "15 Jul 2020 14:00",
                   "an explicit UTC time is labelled in the zone");
    }
    tl_timeline_free(tl);
    tap_ok(tl_load_options_set_time_zone(opts, NULL, &err) &&
               tl_load_options_set_time_zone(opts, "UTC", &err) &&
               tl_load_options_set_time_zone(opts, "+09:00", &err) &&
               tl_load_options_set_time_zone(opts, "", &err),
           "NULL, UTC, an offset and \"\" are zones");

    /* Column overrides. */
    tap_ok(!tl_load_options_set_column(opts, "colour", "x", &err) && err &&
               err->code == TL_ERROR_USAGE &&
               strncmp(err->message, "unknown column role \"colour\"", 28) == 0,
           "unknown role refused");
    tl_error_free(err);
    err = NULL;
    tap_ok(tl_load_options_set_column(opts, "title", "Event Notes", &err) &&
               tl_load_options_set_column(opts, "Group_Order", "rank", &err) &&
               tl_load_options_set_column(opts, "start", "when_it_was", &err),
           "roles accepted");
    const char *cols = "Start,Title,Event Notes,rank,When It Was,team\n"
                       "1999,Old title,New title,2,2020-05,t1\n"
                       "1999,Other,Second,1,2021,t2\n";
    tl = tl_timeline_load_csv_buffer(cols, strlen(cols), "o.csv", opts, &err);
    if (tap_ok(tl != NULL, "overrides load")) {
        const tl_event *e = tl_timeline_get_event(tl, 0);
        tap_is_str(tl_event_get_title(e), "New title", "title from the overriding column");
        tap_is_str(tl_event_get_start_text(e), "2020-05", "start from the overriding column");
        bool noted = false, other = false;
        for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++) {
            noted = noted || strcmp(tl_timeline_get_note(tl, i), "column \"Title\" ignored") == 0;
            other = other || strcmp(tl_timeline_get_note(tl, i), "column \"Start\" ignored") == 0;
        }
        tap_ok(noted && other, "replaced columns are noted as ignored");
    }
    tl_timeline_free(tl);
    tap_ok(tl_load_options_set_column(opts, "title", NULL, &err), "an override removed");
    tap_ok(tl_timeline_load_csv_buffer("a,b\n", 4, "o.csv", opts, &err) == NULL && err &&
               err->code == TL_ERROR_USAGE &&
               strcmp(err->message, "o.csv:1: no column \"when_it_was\" for the start (found: "
                                    "a, b)") == 0,
           "an override naming no column fails the load");
    tl_error_free(err);
    err = NULL;
    tl_load_options_free(opts);
    tl_load_options_free(NULL);
}

static void test_files(void)
{
    tl_error *err = NULL;
    tap_ok(tl_timeline_load_csv_file("/nonexistent/dir/x.csv", NULL, NULL, &err) == NULL,
           "missing file fails");
    if (tap_ok(err != NULL, "missing file sets an error")) {
        tap_is_int(err->code, TL_ERROR_NOINPUT, "missing file: code 66");
        tap_is_str(err->message, "/nonexistent/dir/x.csv: cannot open: No such file or directory",
                   "missing file: message");
    }
    tl_error_free(err);
    err = NULL;
    const char *dir = getenv("TL_TEST_SRCDIR");
    tap_ok(tl_timeline_load_csv_file(dir ? dir : ".", "a-dir", NULL, &err) == NULL && err &&
               err->code == TL_ERROR_NOINPUT && strncmp(err->message, "a-dir: ", 7) == 0,
           "a directory cannot be read (66)");
    tl_error_free(err);
}

/* Many rows load quickly and in linear time. */
static void test_many_rows(void)
{
    const size_t n = 200000;
    tl_buf b = TL_BUF_INIT;
    tl_buf_append_str(&b, "start,end,title,group,status,description\n");
    for (size_t i = 0; i < n; i++) {
        tl_buf_printf(&b, "%04zu-%02zu-%02zu,,Event number %zu,group %zu,planned,\"desc, %zu\"\n",
                      1900 + i % 200, i % 12 + 1, i % 28 + 1, i, i % 7, i);
    }
    const clock_t t0 = clock();
    tl_error *err = NULL;
    tl_timeline *tl = load_n(b.data, b.len, &err);
    const double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    tap_ok(tl && tl_timeline_get_event_count(tl) == n && tl_timeline_get_warning_count(tl) == 0,
           "%zu rows load", n);
    tap_diag("%zu rows (%zu bytes) in %.3f s", n, b.len, secs);
    tl_timeline_free(tl);
    tl_error_free(err);
    tl_buf_free(&b);
}

/* ---------------------------------------------------------------------------------------------
 * Fixtures: tests/data/csv/{y,n,i}_*.csv, each optionally with NAME.expected
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
        append_escaped(&b, tl_event_get_group(e));
        tl_buf_append_str(&b, "\" color=\"");
        append_escaped(&b, tl_event_get_color(e));
        tl_buf_append_str(&b, "\" label=\"");
        append_escaped(&b, tl_event_get_date_label(e));
        tl_buf_append_str(&b, "\" title=\"");
        append_escaped(&b, tl_event_get_title(e));
        tl_buf_append_str(&b, "\" description=\"");
        append_escaped(&b, tl_event_get_description(e));
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
                     : verdict == 'i' ? join_warnings(tl)
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
            char *w = join_warnings(tl);
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
        tl_buf_append_char(&b, '\n');
    }
    for (size_t i = 0; i < tl_timeline_get_group_count(tl); i++)
        tl_buf_printf(&b, "group %s\n", tl_timeline_get_group(tl, i));
    for (size_t i = 0; i < tl_timeline_get_warning_count(tl); i++)
        tl_buf_printf(&b, "warning %s\n", tl_timeline_get_warning(tl, i));
    for (size_t i = 0; i < tl_timeline_get_note_count(tl); i++)
        tl_buf_printf(&b, "note %s\n", tl_timeline_get_note(tl, i));
    return tl_buf_steal(&b);
}

/* Loads `csv` from a file cut in two (forced at any size) and from a buffer in one go, and
 * checks that both give the same; `cut` says whether a cut is expected to be found. */
static void expect_same_split(const char *csv, size_t len, bool cut, const char *name)
{
    char *path = temp_path("split");
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
    char *a = dump_load(halves, e1), *b = dump_load(whole, e2);
    if (!tap_is_str(a, b, "%s: the same as read in one go", name))
        tap_diag("cut at byte %llu, line %lu", (unsigned long long)at, line);
    free(a);
    free(b);
    tl_timeline_free(halves);
    tl_timeline_free(whole);
    tl_error_free(e1);
    tl_error_free(e2);
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

int main(void)
{
    test_reader();
    test_quoting();
    test_line_numbers();
    test_bom_and_blank_lines();
    test_ragged_rows();
    test_header();
    test_row_warnings();
    test_errors();
    test_field_limit();
    test_large_file();
    test_files();
    test_options();
    test_many_rows();
    test_split();
    test_fixtures();
    test_corpus();
    return tap_done();
}
