#include "tl-error-private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "tl-alloc.h"

void tl_error_free(tl_error *err)
{
    if (!err)
        return;
    free(err->message);
    free(err->path);
    free(err);
}

char *tl_format_located(const char *path, unsigned long line, unsigned long col,
                        const char *message)
{
    if (!path)
        return tl_xstrdup(message);
    if (line == 0)
        return tl_xasprintf("%s: %s", path, message);
    if (col == 0)
        return tl_xasprintf("%s:%lu: %s", path, line, message);
    return tl_xasprintf("%s:%lu:%lu: %s", path, line, col, message);
}

static bool set_error_va(tl_error **err, tl_error_code code, const char *path, unsigned long line,
                         unsigned long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static bool set_error_va(tl_error **err, tl_error_code code, const char *path, unsigned long line,
                         unsigned long col, const char *fmt, va_list ap)
{
    if (!err || *err)
        return false;
    char *msg = tl_xvasprintf(fmt, ap);

    tl_error *e = tl_xcalloc(1, sizeof *e);
    e->code = code;
    e->path = path ? tl_xstrdup(path) : NULL;
    e->line = line;
    e->column = col;
    e->message = tl_format_located(path, line, col, msg);
    free(msg);
    *err = e;
    return false;
}

bool tl_set_error(tl_error **err, tl_error_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error_va(err, code, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return false;
}

bool tl_set_error_at(tl_error **err, tl_error_code code, const char *path, unsigned long line,
                     unsigned long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error_va(err, code, path, line, col, fmt, ap);
    va_end(ap);
    return false;
}
