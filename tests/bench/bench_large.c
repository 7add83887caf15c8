/* anzen-bench, the size of a real hospital: a generated 1,000-item catalog (20 chapters × 5
 * sections × 10 items, Japanese text) with 100 assessments of it, every item answered (100,000
 * answers and their history rows); first paint, Enter into an assessment, answer key → commit →
 * redraw, `progress`, `history` and peak RSS. Then the growth per doubling of items (100 → 800),
 * in-process so process start does not hide it. Printed only; nothing is asserted. */
#include "bench_large.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "assess/lib.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "screens/screens.h"
#include "store/lib.h"
#include "term.h"
#include "bench_proc.h"

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "anzen-bench: large profile: %s: %s\n", what, detail ? detail : strerror(errno));
    exit(1);
}

static void fail_status(const char *what, status_detail *err)
{
    char *m = status_format(err, true);
    fail(what, m);
}

void bench_write_catalog(const char *dir, const char *id, int items)
{
    strbuf y = {0};
    sb_addf(&y, "format: anzen-catalog/1\ncatalog:\n  id: %s\n  version: \"1\"\n  revision: 1\n  kind: guideline\n"
                "  title: {ja: 性能測定用 %d項目}\n  publisher: 測定\n  published: 2025-01-01\n"
                "  source: {title: 測定, url: \"https://example.org\"}\n  completeness: {status: complete}\n"
                "  answers:\n    - {value: \"yes\", label: {ja: 実施}, meaning: positive, key: y}\n"
                "    - {value: \"no\", label: {ja: 未実施}, meaning: negative, key: n}\n"
                "    - {value: na, label: {ja: 対象外}, meaning: not_applicable, key: x}\n"
                "  dates: [checked, due, done]\nnodes:\n",
            id, items);
    for (int k = 0; k < items; k++) {
        int ch = k / 50, sec = k / 10;
        if (k % 50 == 0)
            sb_addf(&y, "  - {id: c%d, kind: heading, ref: \"%d\", title: {ja: 第%d章 安全管理の区分}}\n", ch, ch + 1, ch + 1);
        if (k % 10 == 0)
            sb_addf(&y, "  - {id: s%d, kind: heading, parent: c%d, ref: \"%d.%d\", title: {ja: 第%d節 技術的な措置}}\n", sec,
                    ch, ch + 1, sec % 5 + 1, sec % 5 + 1);
        sb_addf(&y, "  - {id: i%d, kind: item, parent: s%d, ref: \"%d-%d\", title: {ja: 確認項目%d}, text: {ja: 第%d章の"
                    "%d番目の確認項目。医療情報システムの利用者を識別し、権限に応じてアクセスを管理している。}, "
                    "responsibility: %s, source: \"https://example.org/%d\", verified: false}\n",
                k, sec, ch + 1, k % 50 + 1, k + 1, ch + 1, k % 50 + 1, k % 3 ? "hospital" : "vendor", k);
    }
    char *path = xasprintf("%s/%s-1.yaml", dir, id);
    if (util_write_file_atomic(path, y.data, y.len, 0600) != 0)
        fail("writing a catalog", path);
    free(path);
    sb_free(&y);
}

/* One assessment of catalog id with every item answered, in one transaction and one action (an
 * import, as a bundle would write it): setup speed only. */
static int64_t answered_assessment(store *s, const char *id, int items, int fy)
{
    assess_spec spec = {.catalog_id = id, .catalog_version = "1", .scope = SCOPE_ORG, .fy = fy};
    int64_t aid = 0;
    status_detail err = {0};
    if (assess_create(s, &spec, "bench", &aid, &err) != STATUS_OK)
        fail_status("create", &err);
    if (store_begin(s, &err) != 0)
        fail_status("begin", &err);
    int64_t act = history_action(s, "bench", "import", aid, 0, &err);
    if (!act)
        fail_status("action", &err);
    static const char *const values[] = {"yes", "no", "yes", "na"};
    for (int k = 0; k < items; k++) {
        char item[16], due[11];
        snprintf(item, sizeof item, "i%d", k);
        snprintf(due, sizeof due, "2025-%02d-15", k % 12 + 1);
        answer_change ch = {.fields = AF_VALUE | AF_DUE | AF_NOTE, .value = values[k % 4], .due = due,
                            .note = "担当者と確認済み"};
        if (assess_answer_write(s, act, aid, item, PARTY_HOSPITAL, 0, &ch, "bench", NULL, &err) != STATUS_OK)
            fail_status("answer", &err);
    }
    if (store_commit(s, &err) != 0)
        fail_status("commit", &err);
    return aid;
}

/* ---------- the workbench in-process, in a pty ---------- */

typedef struct {
    int master;
    pthread_t reader;
    FILE *tin, *tout;
    app a;
    session_opts g;
} tty;

static void *drain(void *arg)
{
    int fd = *(int *)arg;
    char buf[65536];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return NULL;
    }
}

static void tty_start(tty *t, store *s, const char *db)
{
    int sl;
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    if (openpty(&t->master, &sl, NULL, NULL, &ws) != 0)
        fail("openpty", NULL);
    pthread_create(&t->reader, NULL, drain, &t->master);
    t->tin = fdopen(sl, "r");
    t->tout = fdopen(dup(sl), "w");
    char *err = NULL;
    if (term_start(t->tin, t->tout, &err) != 0)
        fail("terminal", err);
    t->g = (session_opts){.db_path = db, .english = true};
    app_init(&t->a, s, &t->g);
    app_push(&t->a, dashboard_screen_new(&t->a));
    app_draw(&t->a);
}

static void tty_stop(tty *t)
{
    app_free(&t->a);
    term_stop();
    fclose(t->tin);
    fclose(t->tout); /* the reader ends with EIO */
    pthread_join(t->reader, NULL);
    close(t->master);
}

typedef struct {
    double open_ms, key_ms, progress_ms;
} inproc_figures;

/* Enter into assessment aid (navigator: read, count, first draw), then answer keys on its first
 * item (commit with fsync, reload, redraw), then progress_compute of it; medians. */
static inproc_figures measure_inproc(store *s, const char *db, int64_t aid, int runs)
{
    inproc_figures f = {0};
    tty t;
    tty_start(&t, s, db);
    double *v = xcalloc((size_t)runs, sizeof *v);
    for (int i = 0; i < runs; i++) {
        double t0 = bench_now_ms();
        screen *nav = navigator_screen_new(&t.a, aid);
        if (!nav)
            fail("navigator", "could not open the assessment");
        app_push(&t.a, nav);
        app_draw(&t.a);
        v[i] = bench_now_ms() - t0;
        if (i + 1 < runs)
            app_pop(&t.a);
    }
    f.open_ms = bench_median(v, runs);
    /* the first item: chapter, section, item */
    app_key(&t.a, KEY_FN(KEY_HOME));
    app_key(&t.a, KEY_FN(KEY_DOWN));
    app_key(&t.a, KEY_FN(KEY_DOWN));
    app_draw(&t.a);
    for (int i = 0; i < runs; i++) {
        double t0 = bench_now_ms();
        app_key(&t.a, i % 2 ? 'y' : 'n');
        app_draw(&t.a);
        v[i] = bench_now_ms() - t0;
    }
    f.key_ms = bench_median(v, runs);
    tty_stop(&t);
    for (int i = 0; i < runs; i++) {
        progress_row *rows = NULL;
        size_t n = 0;
        status_detail err = {0};
        double t0 = bench_now_ms();
        if (progress_compute(s, aid, jpdate_today(), 2, false, &rows, &n, &err) != STATUS_OK)
            fail_status("progress", &err);
        v[i] = bench_now_ms() - t0;
        progress_free(rows, n);
    }
    f.progress_ms = bench_median(v, runs);
    free(v);
    return f;
}

/* ---------- processes ---------- */

static double proc_median(const char *const argv[], int runs, long *rss_kb)
{
    double *v = xcalloc((size_t)runs, sizeof *v);
    long rss = 0;
    for (int i = 0; i < runs; i++) {
        proc_figure f;
        if (!bench_run_proc(argv, true, &f))
            fail(argv[0], "exited with an error");
        v[i] = f.ms;
        if (f.rss_kb > rss)
            rss = f.rss_kb;
    }
    double m = bench_median(v, runs);
    free(v);
    if (rss_kb)
        *rss_kb = rss;
    return m;
}

bool bench_paint_once(const char *bin, const char *db, proc_figure *f)
{
    const char *const argv[] = {bin, "--db", db, NULL};
    setenv("ANZEN_EXIT_AFTER_DRAW", "1", 1);
    bool ok = bench_run_pty(argv, 1000, f) && f->status == 0;
    unsetenv("ANZEN_EXIT_AFTER_DRAW");
    return ok;
}

double bench_first_paint(const char *bin, const char *db, int runs, double *each, long *rss_kb, long *bytes)
{
    double *v = xcalloc((size_t)runs, sizeof *v);
    long rss = 0;
    for (int i = 0; i <= runs; i++) {
        proc_figure f;
        if (!bench_paint_once(bin, db, &f))
            fail("first paint", "anzen did not exit cleanly");
        if (i == 0)
            continue; /* warms the page cache: a new process, not a cold disk */
        v[i - 1] = f.ms;
        if (f.rss_kb > rss)
            rss = f.rss_kb;
        *bytes = f.bytes;
    }
    if (each)
        memcpy(each, v, (size_t)runs * sizeof *v);
    double m = bench_median(v, runs);
    free(v);
    *rss_kb = rss;
    return m;
}

void bench_large(const char *bin, const char *tmp, bool quick)
{
    int nassess = quick ? 5 : 100, runs = quick ? 3 : 11;
    char *dir = xasprintf("%s/large", tmp), *cats = xasprintf("%s/catalogs", dir);
    char *mk = xasprintf("mkdir -p '%s'", cats);
    if (system(mk) != 0)
        fail("mkdir", cats);
    free(mk);
    static const int sizes[] = {100, 200, 400, 800};
    for (size_t i = 0; i < AZ_ARRAY_LEN(sizes); i++) {
        char id[32];
        snprintf(id, sizeof id, "bench-g%d", sizes[i]);
        bench_write_catalog(cats, id, sizes[i]);
    }
    bench_write_catalog(cats, "bench-large", 1000);
    /* the anzen processes below see the same catalogs, so their sync imports nothing */
    setenv("ANZEN_CATALOG_PATH", cats, 1);
    char *db = xasprintf("%s/large.db", dir);
    status_detail err = {0};
    store *s = NULL;
    if (store_open(db, 0, &s, &err) != STATUS_OK)
        fail_status("open", &err);
    strlist dirs = {0};
    if (paths_catalog_dirs(&dirs, &err) != STATUS_OK)
        fail_status("catalog dirs", &err);
    diag_list diags = {0};
    if (catalog_sync(s, &dirs, &diags, NULL, &err) != STATUS_OK || diags.len)
        fail("catalog sync", diags.len ? diags.items[0].message : "failed");
    sl_free(&dirs);
    store_exec(s, "PRAGMA synchronous=OFF", &err); /* setup only */
    double t0 = bench_now_ms();
    int64_t first = 0, grow_ids[AZ_ARRAY_LEN(sizes)];
    for (int k = 0; k < nassess; k++) {
        int64_t id = answered_assessment(s, "bench-large", 1000, 2026 - k);
        if (!first)
            first = id;
    }
    for (size_t i = 0; i < AZ_ARRAY_LEN(sizes); i++) {
        char id[32];
        snprintf(id, sizeof id, "bench-g%d", sizes[i]);
        grow_ids[i] = answered_assessment(s, id, sizes[i], 2026);
    }
    store_exec(s, "PRAGMA synchronous=FULL", &err);
    printf("large profile: a 1,000-item catalog, %d assessments of it, %d answers (setup %.0f ms)%s\n", nassess,
           nassess * 1000, bench_now_ms() - t0, quick ? "  [quick]" : "");

    long rss = 0, bytes = 0;
    double paint = bench_first_paint(bin, db, runs, NULL, &rss, &bytes);
    printf("  first paint (80x24, dashboard): median %.2f ms, peak RSS %.1f MB (%ld bytes)\n", paint, rss / 1024.0,
           bytes);
    inproc_figures big = measure_inproc(s, db, first, runs);
    printf("  Enter into a 1,000-item assessment (read, count, first draw): median %.2f ms\n", big.open_ms);
    printf("  answer key -> durable commit -> redraw on it: median %.2f ms\n", big.key_ms);
    printf("  progress_compute of it (in-process, to chapter and section): median %.2f ms\n", big.progress_ms);
    const char *argv_progress[] = {bin, "--db", db, "progress", NULL};
    long prss = 0, hrss = 0;
    double prog = proc_median(argv_progress, quick ? 1 : 5, &prss);
    printf("  anzen progress (all %d assessments): median %.1f ms, peak RSS %.1f MB\n", nassess, prog, prss / 1024.0);
    const char *argv_history[] = {bin, "--db", db, "history", NULL};
    double hist = proc_median(argv_history, quick ? 1 : 3, &hrss);
    sqlite3_stmt *q = store_prepare(s, "SELECT count(*) FROM history");
    long long nhist = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_finalize(q);
    printf("  anzen history (every row, %lld rows): median %.1f ms, peak RSS %.1f MB\n", nhist, hist, hrss / 1024.0);

    /* growth per doubling of items: (t800 / t100)^(1/3) */
    inproc_figures g[AZ_ARRAY_LEN(sizes)];
    for (size_t i = 0; i < AZ_ARRAY_LEN(sizes); i++)
        g[i] = measure_inproc(s, db, grow_ids[i], runs);
    printf("  growth with items (one assessment, every item answered; medians):\n");
    const char *names[] = {"Enter (open + draw)", "answer key -> commit -> redraw", "progress_compute"};
    for (int m = 0; m < 3; m++) {
        printf("    %-31s", names[m]);
        double v[AZ_ARRAY_LEN(sizes)];
        for (size_t i = 0; i < AZ_ARRAY_LEN(sizes); i++) {
            v[i] = m == 0 ? g[i].open_ms : m == 1 ? g[i].key_ms : g[i].progress_ms;
            printf(" %d: %.2f ms", sizes[i], v[i]);
        }
        printf("  -> x%.2f per doubling (target <= 2.2)\n", v[0] > 0 ? cbrt(v[3] / v[0]) : 0.0);
    }
    store_close(s);
    unsetenv("ANZEN_CATALOG_PATH");
    free(db);
    free(cats);
    free(dir);
}
