#include "tap.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tests_run;
static int tests_failed;

static bool report(bool cond, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static bool report(bool cond, const char *fmt, va_list ap)
{
    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%s %d - ", cond ? "ok" : "not ok", tests_run);
    vprintf(fmt, ap);
    putchar('\n');
    return cond;
}

bool tap_ok(bool cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(cond, fmt, ap);
    va_end(ap);
    return cond;
}

bool tap_is_int(long long got, long long want, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool cond = got == want;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#   got: %lld\n#   expected: %lld\n", got, want);
    return cond;
}

bool tap_is_str(const char *got, const char *want, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool cond = (got == NULL && want == NULL) || (got && want && strcmp(got, want) == 0);
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#   got: \"%s\"\n#   expected: \"%s\"\n", got ? got : "(null)",
               want ? want : "(null)");
    return cond;
}

bool tap_is_near(double got, double want, double tol, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool cond = fabs(got - want) <= tol;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#   got: %g\n#   expected: %g (+/- %g)\n", got, want, tol);
    return cond;
}

void tap_diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("# ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
}

int tap_skip_all(const char *reason)
{
    printf("1..0 # SKIP %s\n", reason);
    fflush(stdout);
    /* Under the TAP protocol meson reads the skip from the plan; an exit status other than 0
     * (even 77, the skip code of its exitcode protocol) would count as an error. */
    return 0;
}

int tap_done(void)
{
    printf("1..%d\n", tests_run);
    printf("# %d passed, %d failed\n", tests_run - tests_failed, tests_failed);
    fflush(stdout);
    return tests_failed ? 1 : 0;
}
