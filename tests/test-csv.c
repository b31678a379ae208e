/* CSV loading (data/csv-load.c, data/columns*.c): the reader's positions across any chunking,
 * quoting, line endings, encodings, header mapping, per-row warnings, error messages. The load
 * options are in test-csv-options.c; files, fixtures and the corpus in test-csv-files.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/tl-buf.h"
#include "data/csv-reader.h"
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
    char *w = test_join_warnings(tl);
    tap_is_str(w, warnings, "%s: warnings", name);
    free(w);
    return tl;
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
        test_append_escaped(b, row->fields[i].text);
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
    test_files();
    test_many_rows();
    return tap_done();
}
