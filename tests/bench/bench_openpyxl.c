/* anzen-bench, XLSX writer against Python + openpyxl: both write the same 1,000-item checklist
 * workbook (openpyxl from anzen's own JSON export of it, tests/bench/openpyxl_sheet.py). anzen's
 * figure is the whole `anzen export` process (start, open the database, build, write); openpyxl's
 * is only building and saving (its script reports that time itself), so the ratio favours
 * openpyxl. Memory is each process's peak resident size (wait4). Skipped, saying so, when
 * python3-openpyxl is not installed. Printed only; nothing is asserted. */
#include "bench_export.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/lib.h"

extern char **environ;
extern const char *bench_self; /* this program's path (bench.c) */

/* Debian's python3-openpyxl belongs to Debian's interpreter, whatever else is first on PATH. */
#define PYTHON "/usr/bin/python3"

typedef struct {
    int status;   /* exit status, -1 when it did not exit */
    double ms;    /* wall time */
    long rss_kb;  /* peak resident set */
} measured;

static double ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Runs args with stdout to out (or /dev/null) through `anzen-bench --rss-of` (bench_rss_of), so
 * the peak RSS is the program's own: a child forked from this process would be charged with this
 * process's memory, which it shares until exec. */
static measured run(const char *const args[], const char *out, const char *rss_file)
{
    measured m = {.status = -1};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, rss_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char *argv[18] = {xstrdup(bench_self), xstrdup("--rss-of")}; /* posix_spawn wants writable strings */
    for (int i = 0; i < 15 && args[i]; i++)
        argv[i + 2] = xstrdup(args[i]);
    double t0 = ms_now();
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ), st = 0;
    posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; argv[i]; i++)
        free(argv[i]);
    if (rc != 0 || waitpid(pid, &st, 0) != pid)
        return m;
    m.ms = ms_now() - t0;
    m.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    FILE *f = fopen(rss_file, "r");
    if (!f || fscanf(f, "rss %ld", &m.rss_kb) != 1)
        m.status = -1;
    if (f)
        fclose(f);
    return m;
}

int bench_rss_of(char *const argv[])
{
    pid_t pid = fork();
    if (pid < 0)
        return 127;
    if (pid == 0) {
        int n = open("/dev/null", O_WRONLY);
        if (n >= 0)
            dup2(n, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) != pid)
        return 127;
    fprintf(stderr, "rss %ld\n", ru.ru_maxrss);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 127;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return v[n / 2];
}

/* The seconds openpyxl_sheet.py printed ("openpyxl SECONDS ROWS"), or -1. */
static double script_seconds(const char *path, long *rows)
{
    FILE *f = fopen(path, "r");
    double s = -1;
    if (f) {
        if (fscanf(f, "openpyxl %lf %ld", &s, rows) != 2)
            s = -1;
        fclose(f);
    }
    return s;
}

void bench_openpyxl(const char *bin, const char *db, const char *catalogs, long long aid, const char *dir, double inproc_ms,
                    bool quick)
{
    const char *const probe[] = {PYTHON, "-c", "import json, openpyxl", NULL};
    char *rss = xasprintf("%s/rss.out", dir);
    measured base = run(probe, NULL, rss);
    if (base.status != 0) {
        printf("  XLSX against Python + openpyxl: skipped (python3-openpyxl is not installed)\n");
        free(rss);
        return;
    }
    setenv("ANZEN_CATALOG_PATH", catalogs, 1);
    char *a = xasprintf("%lld", aid), *json = xasprintf("%s/items.json", dir);
    char *xlsx = xasprintf("%s/anzen.xlsx", dir), *pyxlsx = xasprintf("%s/openpyxl.xlsx", dir);
    char *pyout = xasprintf("%s/openpyxl.out", dir), *script = xasprintf("%s/openpyxl_sheet.py", ANZEN_BENCH_DIR);
    const char *const to_json[] = {bin, "--db", db, "export", "checklist", a, "-o", json, "--force", NULL};
    const char *const to_xlsx[] = {bin, "--db", db, "export", "checklist", a, "-o", xlsx, "--force", NULL};
    const char *const py[] = {PYTHON, script, json, pyxlsx, NULL};
    if (run(to_json, NULL, rss).status != 0) {
        printf("  XLSX against Python + openpyxl: skipped (the JSON export failed)\n");
        goto out;
    }
    int runs = quick ? 1 : 7;
    double ta[7], tp[7], tpw[7];
    long rss_a = 0, rss_p = 0, rows = 0;
    for (int r = 0; r < runs; r++) {
        measured m = run(to_xlsx, NULL, rss);
        measured p = run(py, pyout, rss);
        double s = script_seconds(pyout, &rows);
        if (m.status != 0 || p.status != 0 || s < 0) {
            printf("  XLSX against Python + openpyxl: a run failed (anzen %d, python %d)\n", m.status, p.status);
            goto out;
        }
        ta[r] = m.ms;
        tp[r] = s * 1e3;
        tpw[r] = p.ms;
        rss_a = m.rss_kb > rss_a ? m.rss_kb : rss_a;
        rss_p = p.rss_kb > rss_p ? p.rss_kb : rss_p;
    }
    double ma = median(ta, runs), mp = median(tp, runs), mpw = median(tpw, runs);
    printf("  XLSX against Python + openpyxl, the same %ld-row checklist sheet (median of %d):\n", rows, runs);
    printf("    building and writing the workbook: anzen %.1f ms (in process, from the database), openpyxl %.1f ms "
           "(from the JSON already read): anzen %.1fx faster\n", inproc_ms, mp, mp / inproc_ms);
    printf("    whole processes: anzen export %.1f ms, python3 %.1f ms (%.1fx)\n", ma, mpw, mpw / ma);
    printf("    peak RSS: anzen %.1f MB, python3 %.1f MB (%.1f MB of it interpreter + import): anzen at %.2f of it\n",
           (double)rss_a / 1024, (double)rss_p / 1024, (double)base.rss_kb / 1024, (double)rss_a / (double)rss_p);
out:
    unsetenv("ANZEN_CATALOG_PATH");
    free(a);
    free(json);
    free(xlsx);
    free(pyxlsx);
    free(pyout);
    free(script);
    free(rss);
}
