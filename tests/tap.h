/* A tiny TAP harness. Each check prints "ok N - name" or "not ok N - name" with a diagnostic;
 * tap_done() prints the plan and "N passed, N failed" and returns the exit status. */
#ifndef TL_TAP_H
#define TL_TAP_H

#include <stdbool.h>

bool tap_ok(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool tap_is_int(long long got, long long want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool tap_is_str(const char *got, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool tap_is_near(double got, double want, double tol, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A diagnostic line ("# ..."). */
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Skips the whole program: prints "1..0 # SKIP reason" and returns the exit status, 0 (a TAP
 * consumer reads the skip from the plan). */
int tap_skip_all(const char *reason);
int tap_done(void);

#endif /* TL_TAP_H */
