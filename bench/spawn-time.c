/* Times a command the way the benchmark table reports it: the wall time of the whole process,
 * from spawning it to reaping it, and its peak resident memory, each the median of RUNS runs.
 * The command is started directly (no shell, no /usr/bin/time in between, whose own start-up
 * would count against a 20 ms target) with its output thrown away.
 *
 *   spawn-time RUNS TIMEOUT-SECONDS COMMAND [ARG...]
 *
 * Prints "SECONDS PEAK-KB", or "timeout" when a run went over the limit (it is killed), or
 * "failed STATUS" when a run did not exit with 0. */
#define _DEFAULT_SOURCE /* wait4() */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static volatile sig_atomic_t expired;

static void on_alarm(int sig)
{
    (void)sig;
    expired = 1;
}

static int compare(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: spawn-time RUNS TIMEOUT-SECONDS COMMAND [ARG...]\n");
        return 2;
    }
    const int runs = atoi(argv[1]);
    const unsigned limit = (unsigned)atoi(argv[2]);
    if (runs < 1 || runs > 1000 || limit < 1) {
        fprintf(stderr, "spawn-time: RUNS is 1 to 1000, TIMEOUT-SECONDS at least 1\n");
        return 2;
    }
    /* No SA_RESTART: the alarm interrupts wait4(). */
    struct sigaction sa = {.sa_handler = on_alarm};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    double times[1000], peaks[1000];
    int status = 0;
    for (int i = 0; i < runs; i++) {
        pid_t pid;
        const double t0 = now();
        const int rc = posix_spawnp(&pid, argv[3], &actions, NULL, argv + 3, environ);
        if (rc != 0) {
            fprintf(stderr, "spawn-time: %s: %s\n", argv[3], strerror(rc));
            status = 2;
            goto done;
        }
        expired = 0;
        alarm(limit);
        int wstatus = 0;
        struct rusage ru;
        pid_t got;
        while ((got = wait4(pid, &wstatus, 0, &ru)) < 0 && errno == EINTR && !expired)
            ;
        const double t1 = now();
        alarm(0);
        if (got < 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            printf("timeout\n");
            goto done;
        }
        if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
            printf("failed %d\n",
                   WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus));
            goto done;
        }
        times[i] = t1 - t0;
        peaks[i] = (double)ru.ru_maxrss;
    }
    qsort(times, (size_t)runs, sizeof *times, compare);
    qsort(peaks, (size_t)runs, sizeof *peaks, compare);
    printf("%.4f %.0f\n", times[(runs - 1) / 2], peaks[(runs - 1) / 2]);
done:
    posix_spawn_file_actions_destroy(&actions);
    return status;
}
