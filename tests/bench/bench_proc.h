/* anzen-bench: running other programs and measuring them (bench_proc.c) — anzen itself, dialog,
 * the sqlite3 shell — so ratios compare programs run the same way in the same bench run. */
#ifndef ANZEN_BENCH_PROC_H
#define ANZEN_BENCH_PROC_H

#include <stdbool.h>

typedef struct {
    double ms;     /* wall time: fork to exit (run_proc) or to the last byte of the first screen (run_pty) */
    long rss_kb;   /* the child's peak resident set (getrusage of the waited child) */
    long faults;   /* its minor page faults (a start's cost on a machine where each is dear) */
    long bytes;    /* bytes it wrote to the terminal (run_pty) */
    int status;    /* exit status; -1 when it was killed by the bench (run_pty after quiet) */
} proc_figure;

/* Runs argv (PATH searched) with stdin and stdout on /dev/null, stderr too unless keep_stderr.
 * Returns false when it could not be started or exited non-zero. */
bool bench_run_proc(const char *const argv[], bool keep_stderr, proc_figure *out);

/* Runs argv in a new pseudo-terminal of 80×24 and reads what it writes. The first screen is done
 * when the program exits, or when it has written something and then nothing for quiet_ms; the
 * bench then ends it (SIGTERM). ms is the time of the last byte of that first screen. */
bool bench_run_pty(const char *const argv[], int quiet_ms, proc_figure *out);

double bench_now_ms(void);
/* The median of v[0..n) (sorts v). */
double bench_median(double *v, int n);

#endif
