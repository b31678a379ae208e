#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a plain build and a
# build with AddressSanitizer + UndefinedBehaviorSanitizer; the C test programs under valgrind;
# the unit suite and the suites that use fonts under ThreadSanitizer; then every fuzzer for
# FUZZ_SECONDS (default 30) each. Ends with "N passed, N failed" (TAP checks of all runs). Exit status 0
# only when everything passed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
tl_install_deps || exit 1

status=0
run_suite() { # run_suite BUILD-DIR [meson setup options...]; $SUITES: which tests (all)
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" --werror "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
    fi
    ninja -C "$dir" || return 1
    # shellcheck disable=SC2086 # one word per option
    meson test -C "$dir" --print-errorlogs --num-processes 2 ${SUITES:-}
}

run_suite build || status=1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
    run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug ||
    status=1

# The C test programs once more under valgrind's memcheck (errors and definite leaks fail).
valgrind_log=
if command -v valgrind >/dev/null; then
    meson test -C build --setup valgrind --num-processes 2 --print-errorlogs \
        --suite unit --suite golden --suite layout --suite fonts --suite render --suite fuzz ||
        status=1
    valgrind_log=build/meson-logs/testlog-valgrind.json
fi

# ThreadSanitizer: the loader's two threads (unit) and the suites that use fonts, among them
# test-threads drawing on eight threads. It sees no synchronisation inside GLib, fontconfig,
# Pango, HarfBuzz or Cairo (not instrumented): what they do through libc is not recorded,
# GSlice is made plain malloc, and tests/tsan.supp lists the false reports known besides
# (tests/tsan.supp says why). Our own code's accesses are all checked.
SUITES="--suite unit --suite fonts --suite render --suite layout --suite golden" \
G_SLICE=always-malloc \
TSAN_OPTIONS=halt_on_error=1:ignore_noninstrumented_modules=1:suppressions=$PWD/tests/tsan.supp:print_suppressions=0 \
    run_suite build-tsan -Db_sanitize=thread -Dbuildtype=debugoptimized || status=1

# Fuzzers for a bounded time (FUZZ_SECONDS each; 0 skips them).
: >build/fuzz.tap
if [ "${FUZZ_SECONDS:-30}" != 0 ]; then
    bash scripts/fuzz.sh >build/fuzz.tap || status=1
    cat build/fuzz.tap
fi

python3 scripts/count-tests.py build/meson-logs/testlog.json \
    build-asan/meson-logs/testlog.json $valgrind_log build-tsan/meson-logs/testlog.json \
    build/fuzz.tap || status=1
exit $status
