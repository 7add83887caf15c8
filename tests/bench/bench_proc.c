#include "bench_proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/lib.h"

double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *v, int n)
{
    if (n <= 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* execvp wants writable strings: copies (the child execs or exits right after). */
static void exec_argv(const char *const argv[])
{
    size_t n = 0;
    while (argv[n])
        n++;
    char **v = xcalloc(n + 1, sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = xstrdup(argv[i]);
    execvp(v[0], v);
    _exit(127);
}

static int wait_child(pid_t pid, long *rss_kb, long *faults)
{
    int st = 0;
    struct rusage ru = {0};
    while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
        ;
    *rss_kb = ru.ru_maxrss;
    *faults = ru.ru_minflt;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

bool bench_run_proc(const char *const argv[], bool keep_stderr, proc_figure *out)
{
    *out = (proc_figure){0};
    double t0 = bench_now_ms();
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        if (!keep_stderr)
            dup2(null, 2);
        exec_argv(argv);
    }
    out->status = wait_child(pid, &out->rss_kb, &out->faults);
    out->ms = bench_now_ms() - t0;
    return out->status == 0;
}

bool bench_run_pty(const char *const argv[], int quiet_ms, proc_figure *out)
{
    *out = (proc_figure){0};
    int m, sl;
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    if (openpty(&m, &sl, NULL, NULL, &ws) != 0)
        return false;
    double t0 = bench_now_ms(), last = t0;
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        setsid();
        ioctl(sl, TIOCSCTTY, 0);
        dup2(sl, 0);
        dup2(sl, 1);
        dup2(sl, 2);
        close(m);
        close(sl);
        exec_argv(argv);
    }
    close(sl);
    char buf[65536];
    bool killed = false;
    for (;;) {
        struct pollfd p = {.fd = m, .events = POLLIN};
        int wait = out->bytes && !killed ? quiet_ms : 10000;
        int pr = poll(&p, 1, wait);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr == 0) { /* quiet: the first screen is complete */
            if (killed)
                break;
            kill(pid, SIGTERM);
            killed = true;
            continue;
        }
        ssize_t r = read(m, buf, sizeof buf);
        if (r > 0 && !killed) {
            out->bytes += r;
            last = bench_now_ms();
        } else if (r < 0 && errno == EINTR) {
            continue;
        } else if (r <= 0) {
            break; /* EIO once the child has exited and closed the slave */
        }
    }
    int st = wait_child(pid, &out->rss_kb, &out->faults);
    close(m);
    out->status = killed ? -1 : st;
    out->ms = last - t0;
    return killed || st == 0;
}
