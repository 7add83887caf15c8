/* anzen-bench: figures for the workbench, printed (no timed assertions; `make bench`).
 *
 *  1. cold start → first full screen: the real `anzen` binary (next to this one) started in a
 *     pseudo-terminal at 80×24 on a database with every bundled catalog and 100 assessments,
 *     exiting right after its first complete screen (ANZEN_EXIT_AFTER_DRAW=1); wall time from
 *     the fork to the last byte of that screen (fork+exec+open+sync check+load+draw), median of N
 *     runs (bench_first_paint, which the large profile and the ratio against dialog use too).
 *  2. keystroke → durable commit → redraw: in-process, the navigator of one assessment in a pty;
 *     one answer key = assess_answer_set (one transaction, synchronous=FULL, i.e. fsync) +
 *     reload + redraw + doupdate; median and p90.
 *  3. bytes written to the terminal per navigation keystroke (Down through the tree), mean and max,
 *     counted on the pty master; then the same keys written to the terminal's input in one burst
 *     and read by the real loop, which skips drawing while more keys wait (typeahead).
 *  4. (bench_anchor.c) ratios against programs run in the same bench: first paint vs dialog,
 *     `anzen answer set` vs the sqlite3 shell's one durable INSERT.
 *  5. (bench_large.c) a 1,000-item catalog with 100 assessments (100,000 answers), and the growth
 *     per doubling of items 100 -> 800.
 *  6. (bench_export.c) every export of a 1,000-item assessment, and the inspection snapshot.
 *
 * Usage: anzen-bench [--quick | --help]; ANZEN_BENCH_KEEP=1 keeps the temporary directory (the database lives there).
 * `anzen-bench --rss-of PROGRAM ARGS…` is used by the bench itself (bench_openpyxl.c). */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "assess/lib.h"
#include "catalog/lib.h"
#include "cli.h"
#include "msg.h"
#include "store/lib.h"
#include "screens/screens.h"
#include "term.h"
#include "bench_export.h"
#include "bench_large.h"
#include "base/lib.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double percentile(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static void die(const char *what, const char *err);

/* die() with a core status's message. */
static void die_status(const char *what, const status_detail *d)
{
    char *m = status_format(d, true);
    die(what, m);
}

static void die(const char *what, const char *err)
{
    fprintf(stderr, "anzen-bench: %s: %s\n", what, err ? err : strerror(errno));
    exit(1);
}

/* ---------- setup: all bundled catalogs + N assessments ---------- */

static int64_t setup(const char *db, int nassess, int *ncatalogs)
{
    store *s = NULL;
    status_detail err = {0};
    if (store_open(db, 0, &s, &err) != STATUS_OK)
        die_status("open", &err);
    strlist dirs = {0};
    if (paths_catalog_dirs(&dirs, &err) != STATUS_OK)
        die_status("catalogs", &err);
    diag_list diags = {0};
    if (catalog_sync(s, &dirs, &diags, NULL, &err) != STATUS_OK)
        die_status("catalog sync", &err);
    sl_free(&dirs);
    if (diags.len)
        fprintf(stderr, "anzen-bench: note: %zu catalog warnings\n", diags.len);
    diag_free(&diags);
    /* Setup speed only: the measured runs below use the normal synchronous=FULL. */
    store_exec(s, "PRAGMA synchronous=OFF", &err);
    catalog_info *cats = NULL;
    size_t nc = 0;
    if (catalog_db_list(s, &cats, &nc, &err) != STATUS_OK)
        die_status("catalog list", &err);
    *ncatalogs = (int)nc;
    int64_t first_control = 0;
    int made = 0;
    for (int fy = 2026; made < nassess && fy > 1990; fy--) {
        for (size_t i = 0; i < nc && made < nassess; i++) {
            if (cats[i].items == 0)
                continue;
            assess_spec spec = {.catalog_id = cats[i].id, .catalog_version = cats[i].version, .scope = SCOPE_ORG, .fy = fy};
            int64_t id = 0;
            if (assess_create(s, &spec, "bench", &id, &err) != STATUS_OK)
                die_status("create assessment", &err);
            made++;
            if (!first_control && str_eq(cats[i].id, "mhlw-gl6-control"))
                first_control = id;
            /* answer every other item so progress has work to do */
            catalog *c = catalog_db_load(s, cats[i].id, cats[i].version);
            int k = 0;
            for (size_t n = 0; c && n < c->nnodes; n++) {
                if (c->nodes[n].kind != NODE_ITEM || (k++ % 2))
                    continue;
                answer_change ch = {.fields = AF_VALUE | AF_DUE | AF_REASON, .value = c->answers[k % c->nanswers].value,
                                    .due = (c->dates & DATE_DUE) ? "2026-03-01" : NULL,
                                    .reason = "ベンチマーク用"}; /* 対象外 and いいえ need a reason */
                if (!(c->dates & DATE_DUE))
                    ch.fields = AF_VALUE | AF_REASON;
                if (assess_answer_set(s, id, c->nodes[n].id, PARTY_HOSPITAL, 0, &ch, "bench", NULL, NULL, &err) !=
                    STATUS_OK)
                    die_status("answer", &err);
            }
            catalog_free(c);
        }
    }
    catalog_info_free(cats, nc);
    store_close(s);
    return first_control;
}

/* ---------- the pty and a reader that counts bytes ---------- */

static atomic_long pty_bytes;
static int master_fd = -1;

static FILE *dump; /* ANZEN_BENCH_DUMP=file: everything written to the terminal */

static void *reader(void *arg)
{
    (void)arg;
    char buf[65536];
    for (;;) {
        ssize_t r = read(master_fd, buf, sizeof buf);
        if (r > 0 && dump)
            fwrite(buf, 1, (size_t)r, dump);
        if (r > 0)
            atomic_fetch_add(&pty_bytes, (long)r);
        else if (r < 0 && errno == EINTR)
            continue;
        else
            break;
    }
    return NULL;
}

/* Waits until the reader has seen everything written so far (count stable for 3 ms). */
static long settle(void)
{
    long last = -1, cur;
    int stable = 0;
    while (stable < 3) {
        cur = atomic_load(&pty_bytes);
        stable = cur == last ? stable + 1 : 0;
        last = cur;
        usleep(1000);
    }
    return last;
}

const char *bench_self;

int main(int argc, char **argv)
{
    if (argc > 2 && str_eq(argv[1], "--rss-of"))
        return bench_rss_of(argv + 2);
    if (argc > 1 && !str_eq(argv[1], "--quick")) {
        bool help = str_eq(argv[1], "--help") || str_eq(argv[1], "-h");
        fprintf(help ? stdout : stderr,
                "usage: anzen-bench [--quick]\n"
                "  prints the workbench's figures (cold start, keystroke, bytes per key, ratios against dialog\n"
                "  and sqlite3, the 100,000-answer profile, exports); --quick: fewer runs and a smaller profile.\n"
                "  ANZEN_BENCH_KEEP=1 keeps the temporary directory; ANZEN_BENCH_DUMP=FILE writes the terminal\n"
                "  output of the navigator keys there (tests/bench/nav_dump_changed.py reads it).\n");
        return help ? 0 : 2;
    }
    bool quick = argc > 1 && str_eq(argv[1], "--quick");
    setvbuf(stdout, NULL, _IOLBF, 0);
    int nassess = quick ? 10 : 100, runs = quick ? 3 : 21, keys = quick ? 10 : 60;

    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        die("readlink /proc/self/exe", NULL);
    exe[n] = 0;
    bench_self = exe;
    char *dir = paths_dirname(exe);
    char *bin = xasprintf("%s/anzen", dir);
    free(dir);
    if (access(bin, X_OK) != 0)
        die(bin, NULL);

    char tmpl[] = "/tmp/anzen-bench-XXXXXX";
    char *tmp = mkdtemp(tmpl);
    if (!tmp)
        die("mkdtemp", NULL);
    char *db = xasprintf("%s/anzen.db", tmp);
    setenv("HOME", tmp, 1);
    setenv("ANZEN_USER", "bench", 1); /* a named actor: as root the workbench would ask for a name first */
    setenv("XDG_DATA_HOME", tmp, 1);
    unsetenv("ANZEN_CATALOG_PATH");
    setenv("TERM", "xterm-256color", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    unsetenv("NO_COLOR");
    setlocale(LC_ALL, ""); /* as tui_run does: ncursesw writes UTF-8 only in a UTF-8 locale */

    int ncat = 0;
    double t0 = now_ms();
    int64_t aid = setup(db, nassess, &ncat);
    printf("anzen-bench: %d catalogs, %d assessments (setup %.0f ms)%s\n", ncat, nassess, now_ms() - t0,
           quick ? "  [quick]" : "");

    /* 1. cold start ("cold" = a new process; one warm-up run first, not a cold disk) */
    double *cold = xcalloc((size_t)runs, sizeof *cold);
    long first_bytes = 0, first_rss = 0;
    bench_first_paint(bin, db, runs, cold, &first_rss, &first_bytes);
    printf("cold start to first full screen (80x24, dashboard): median %.2f ms, p90 %.2f ms, min %.2f ms "
           "(%d runs; %ld bytes to the terminal)\n",
           percentile(cold, (size_t)runs, 0.5), percentile(cold, (size_t)runs, 0.9), percentile(cold, (size_t)runs, 0.0),
           runs, first_bytes);
    free(cold);

    /* 2 and 3: in-process, in a pty */
    int sl;
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    if (openpty(&master_fd, &sl, NULL, NULL, &ws) != 0)
        die("openpty", NULL);
    if (getenv("ANZEN_BENCH_DUMP"))
        dump = fopen(getenv("ANZEN_BENCH_DUMP"), "w");
    pthread_t th;
    pthread_create(&th, NULL, reader, NULL);
    FILE *tin = fdopen(sl, "r");
    FILE *tout = fdopen(dup(sl), "w");
    store *s = NULL;
    status_detail serr = {0};
    char *err = NULL;
    if (store_open(db, 0, &s, &serr) != STATUS_OK)
        die_status("open", &serr);
    session_opts g = {.db_path = db, .english = true};
    msg_set_english(true);
    if (term_start(tin, tout, &err) != 0)
        die("terminal", err);
    app a;
    app_init(&a, s, &g);
    app_push(&a, dashboard_screen_new(&a));
    app_draw(&a);
    long dbefore = settle(), dsum = 0, dmax = 0;
    int dkeys = keys < 15 ? keys : 15; /* stay on the first screenful */
    for (int i = 0; i < dkeys; i++) {
        app_key(&a, KEY_FN(KEY_DOWN));
        app_draw(&a);
        long after = settle(), b = after - dbefore;
        dbefore = after;
        dsum += b;
        if (b > dmax)
            dmax = b;
    }
    screen *nav = aid ? navigator_screen_new(&a, aid) : NULL;
    if (!nav) {
        term_stop();
        die("navigator", "no Control-volume assessment");
    }
    app_push(&a, nav);
    app_draw(&a);
    long before = settle();

    /* 3. bytes per navigation keystroke */
    if (dump) {
        fflush(dump);
        fprintf(dump, "\n=====NAV=====\n");
    }
    long maxb = 0, sumb = 0;
    double *navt = xcalloc((size_t)keys, sizeof *navt);
    for (int i = 0; i < keys; i++) {
        double k0 = now_ms();
        app_key(&a, KEY_FN(KEY_DOWN));
        app_draw(&a);
        navt[i] = now_ms() - k0;
        long after = settle();
        if (dump) { /* one separator per key */
            fflush(dump);
            fprintf(dump, "\n=====K=====\n");
            fflush(dump);
        }
        long b = after - before;
        before = after;
        sumb += b;
        if (b > maxb)
            maxb = b;
    }

    /* 3b. the same Down keys in one burst, as key repeat or a paste delivers them: written to the
     * terminal's input at once and read by the real loop (app_turn), which draws only when no
     * more keys are waiting (typeahead). */
    app_key(&a, KEY_FN(KEY_HOME));
    app_draw(&a);
    long burst_before = settle();
    {
        const char *down = tigetstr("kcud1");
        if (!down || down == (const char *)-1)
            down = "\033OB";
        strbuf in = {0};
        for (int i = 0; i < keys; i++)
            sb_add(&in, down);
        if (write(master_fd, sb_str(&in), in.len) != (ssize_t)in.len)
            die("write keys", NULL);
        sb_free(&in);
        for (int i = 0; i < keys; i++)
            if (!app_turn(&a))
                die("burst", "the terminal went away");
    }
    long burst_bytes = settle() - burst_before;

    /* 2. keystroke → durable commit → redraw: answer the selected item, alternating keys */
    /* Select the first item (nothing is collapsed, so its row is its node index). */
    app_key(&a, KEY_FN(KEY_HOME));
    {
        catalog *c = catalog_db_load(s, "mhlw-gl6-control", NULL);
        for (size_t i = 0; c && i < c->nnodes && c->nodes[i].kind != NODE_ITEM; i++)
            app_key(&a, KEY_FN(KEY_DOWN));
        catalog_free(c);
    }
    app_draw(&a);
    double *commit = xcalloc((size_t)keys, sizeof *commit);
    for (int i = 0; i < keys; i++) {
        double k0 = now_ms();
        app_key(&a, i % 2 ? 'y' : 'n');
        app_draw(&a);
        commit[i] = now_ms() - k0;
    }
    settle();
    app_free(&a);
    term_stop();
    /* The same answers through the core call alone, to split the keystroke figure. */
    double *core_t = xcalloc((size_t)keys, sizeof *core_t);
    {
        catalog *c = catalog_db_load(s, "mhlw-gl6-control", NULL);
        const char *item = NULL;
        for (size_t i = 0; c && i < c->nnodes && !item; i++)
            if (c->nodes[i].kind == NODE_ITEM)
                item = c->nodes[i].id;
        for (int i = 0; c && item && i < keys; i++) {
            answer_change ch = {.fields = AF_VALUE, .value = c->answers[i % 2 ? 0 : 2].value};
            double k0 = now_ms();
            if (assess_answer_set(s, aid, item, PARTY_HOSPITAL, 0, &ch, "bench", NULL, NULL, &serr) != STATUS_OK)
                die_status("answer", &serr);
            core_t[i] = now_ms() - k0;
        }
        catalog_free(c);
    }
    store_close(s);
    /* Closing the slave ends the reader's read() with EIO. */
    fclose(tin);
    fclose(tout);

    /* One fsync on this file system, for comparison: write 4 KiB to a file next to the database
     * and fdatasync it (what a WAL commit with synchronous=FULL costs at least). */
    double *fs = xcalloc((size_t)keys, sizeof *fs);
    char *probe = xasprintf("%s/fsync-probe", tmp);
    int pfd = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char block[4096];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < keys && pfd >= 0; i++) {
        double f0 = now_ms();
        if (write(pfd, block, sizeof block) < 0 || fdatasync(pfd) != 0)
            break;
        fs[i] = now_ms() - f0;
    }
    if (pfd >= 0)
        close(pfd);
    free(probe);
    double fsync_med = percentile(fs, (size_t)keys, 0.5);
    free(fs);
    double commit_med = percentile(commit, (size_t)keys, 0.5);
    printf("keystroke -> durable commit (fsync) -> redraw: median %.2f ms, p90 %.2f ms (%d answers); "
           "one 4 KiB write+fdatasync here: median %.2f ms, so about %.2f ms beyond one fsync\n",
           commit_med, percentile(commit, (size_t)keys, 0.9), keys, fsync_med, commit_med - fsync_med);
    printf("  of which core assess_answer_set alone (validation, transaction with history, proposals, fsync): "
           "median %.2f ms\n", percentile(core_t, (size_t)keys, 0.5));
    free(core_t);
    printf("navigation keystroke -> redraw: median %.3f ms; bytes to the terminal per keystroke: mean %.0f, max %ld "
           "(%d x Down in the navigator, 80x24)\n",
           percentile(navt, (size_t)keys, 0.5), (double)sumb / keys, maxb, keys);
    printf("  the same %d x Down in one burst (key repeat, paste; drawn once input settles): %ld bytes in all, "
           "%.0f per key\n",
           keys, burst_bytes, (double)burst_bytes / keys);
    printf("bytes to the terminal per Down on the dashboard (assessment list): mean %.0f, max %ld (%d keys)\n",
           (double)dsum / dkeys, dmax, dkeys);
    free(commit);
    free(navt);
    pthread_join(th, NULL);
    close(master_fd);

    bench_anchors(bin, tmp, db, (long long)aid, "ctl-1-1", quick);
    bench_large(bin, tmp, quick);
    bench_exports(bin, tmp, quick);

    if (getenv("ANZEN_BENCH_KEEP")) {
        printf("kept %s\n", tmp);
        return 0;
    }
    char *rm = xasprintf("rm -rf '%s'", tmp);
    if (system(rm) != 0)
        fprintf(stderr, "anzen-bench: could not remove %s\n", tmp);
    free(rm);
    free(db);
    free(bin);
    return 0;
}
