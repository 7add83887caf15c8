/* anzen-bench, ratios against anchors run in the same bench (absolute times differ between
 * machines and with load; a ratio measured in one run does much less):
 *   first paint of the workbench  vs  `dialog --checklist` with 1,000 Japanese items, both in an
 *     80×24 pty, each timed to the last byte of its first screen;
 *   `anzen answer set`  vs  the sqlite3 shell doing one INSERT + commit on a WAL database with
 *     synchronous=FULL (a process start, an open and one durable commit). */
#include "bench_large.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/lib.h"
#include "bench_proc.h"

/* PATH lookup without running anything. */
static bool on_path(const char *prog)
{
    const char *path = getenv("PATH");
    if (!path)
        return false;
    char *copy = xstrdup(path);
    bool found = false;
    for (char *save = NULL, *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
        char *p = xasprintf("%s/%s", d, prog);
        found = access(p, X_OK) == 0;
        free(p);
    }
    free(copy);
    return found;
}

/* dialog --checklist TEXT 24 80 16, then tag, item and status for each of 1,000 Japanese items;
 * the strings are kept in *owned. */
static const char **dialog_argv(strlist *owned)
{
    size_t n = 7 + 3 * 1000 + 1, k = 0;
    const char **argv = xcalloc(n, sizeof *argv);
    argv[k++] = "dialog";
    argv[k++] = "--checklist";
    argv[k++] = "確認する項目を選んでください";
    argv[k++] = "24";
    argv[k++] = "80";
    argv[k++] = "16";
    for (int i = 0; i < 1000; i++) {
        sl_push_owned(owned, xasprintf("%d-%d", i / 50 + 1, i % 50 + 1));
        argv[k++] = owned->items[owned->len - 1];
        sl_push_owned(owned, xasprintf("第%d章の確認項目%d 利用者の識別と認証", i / 50 + 1, i % 50 + 1));
        argv[k++] = owned->items[owned->len - 1];
        argv[k++] = i % 3 ? "off" : "on";
    }
    argv[k] = NULL;
    return argv;
}

/* The first paint of both, run alternately (as the answer set pair is) so that both see the same
 * moments of the machine's load; each program once before, to warm the page cache. dialog < 0:
 * it did not run. */
static void first_paints(const char *bin, const char *db, int runs, double *anzen, double *dialog, long faults[2])
{
    strlist owned = {0};
    const char **argv = dialog_argv(&owned);
    double *va = xcalloc((size_t)runs, sizeof *va), *vd = xcalloc((size_t)runs, sizeof *vd);
    bool ok = true;
    for (int i = 0; i <= runs && ok; i++) {
        proc_figure fa, fd;
        ok = bench_paint_once(bin, db, &fa) && bench_run_pty(argv, 300, &fd);
        if (ok && i > 0) {
            va[i - 1] = fa.ms;
            vd[i - 1] = fd.ms;
            faults[0] = fa.faults;
            faults[1] = fd.faults;
        }
    }
    *anzen = bench_median(va, runs);
    *dialog = ok ? bench_median(vd, runs) : -1;
    free(va);
    free(vd);
    sl_free(&owned);
    free((void *)argv);
}

void bench_anchors(const char *bin, const char *tmp, const char *db, long long aid, const char *item, bool quick)
{
    int runs = quick ? 3 : 11;
    printf("ratios against anchors run in this bench (same machine, same moment):\n");
    if (!on_path("dialog")) {
        long rss = 0, bytes = 0;
        printf("  first paint %.2f ms; dialog is not installed: no ratio (apt-get install dialog to measure it)\n",
               bench_first_paint(bin, db, runs, NULL, &rss, &bytes));
    } else {
        setenv("LANG", "C.UTF-8", 1); /* dialog's Japanese; anzen runs under the same */
        double paint = 0, d = 0;
        long faults[2] = {0, 0};
        first_paints(bin, db, runs, &paint, &d, faults);
        if (d <= 0)
            printf("  first paint: anzen or dialog did not run: no ratio\n");
        else
            printf("  first paint %.2f ms vs dialog --checklist, 1,000 Japanese items %.2f ms: %.2fx (target <= 0.55x)"
                   " (%d runs each, alternating; minor page faults: anzen %ld, dialog %ld)\n",
                   paint, d, paint / d, runs, faults[0], faults[1]);
    }

    if (!on_path("sqlite3")) {
        printf("  sqlite3 shell not installed: no ratio for answer set\n");
        return;
    }
    char *adb = xasprintf("%s/anchor.db", tmp);
    const char *setup[] = {"sqlite3", adb, "PRAGMA journal_mode=WAL; CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT);", NULL};
    proc_figure f;
    if (!bench_run_proc(setup, true, &f)) {
        printf("  sqlite3 could not create %s: no ratio\n", adb);
        free(adb);
        return;
    }
    const char *insert[] = {"sqlite3", adb, "PRAGMA synchronous=FULL; INSERT INTO t(v) VALUES('はい');", NULL};
    char *aids = xasprintf("%lld", aid);
    const char *yes[] = {bin, "--db", db, "answer", "set", aids, item, "implemented", NULL};
    const char *no[] = {bin, "--db", db, "answer", "set", aids, item, "partial", NULL};
    double *vs = xcalloc((size_t)runs, sizeof *vs), *va = xcalloc((size_t)runs, sizeof *va);
    for (int i = 0; i < runs; i++) { /* interleaved, so both see the same load */
        if (!bench_run_proc(insert, true, &f))
            break;
        vs[i] = f.ms;
        if (!bench_run_proc(i % 2 ? yes : no, true, &f)) {
            printf("  anzen answer set failed: no ratio\n");
            goto out;
        }
        va[i] = f.ms;
    }
    double ms = bench_median(vs, runs), ma = bench_median(va, runs);
    printf("  anzen answer set %.2f ms vs sqlite3 shell, one INSERT + commit (WAL, synchronous=FULL) %.2f ms: "
           "%.2fx (target <= 1.5x)\n",
           ma, ms, ma / ms);
out:
    free(vs);
    free(va);
    free(aids);
    free(adb);
}
