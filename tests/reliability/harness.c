#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/lib.h"

double harness_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static unsigned long long rng = 88172645463325252ULL;

void harness_seed(unsigned long long seed)
{
    rng = seed ? seed : 88172645463325252ULL;
}

double harness_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double)(rng >> 11) / 9007199254740992.0;
}

void harness_run(const char *bin, const char *const argv[], long kill_after_us, run_result *r)
{
    memset(r, 0, sizeof *r);
    char errpath[] = "/tmp/anzen-harness-err-XXXXXX";
    int errfd = mkstemp(errpath);
    if (errfd < 0) {
        perror("harness: mkstemp");
        exit(2);
    }
    unlink(errpath);
    double t0 = harness_now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("harness: fork");
        exit(2);
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(errfd, 2);
        size_t n = 0;
        while (argv[n])
            n++;
        char **av = xcalloc(n + 1, sizeof *av); /* execv's argv is not const */
        for (size_t i = 0; i < n; i++)
            av[i] = xstrdup(argv[i]);
        execv(bin, av);
        _exit(127);
    }
    if (kill_after_us >= 0) {
        struct timespec d = {kill_after_us / 1000000, (kill_after_us % 1000000) * 1000};
        while (nanosleep(&d, &d) != 0 && errno == EINTR) {
        }
        kill(pid, SIGKILL); /* a child that has already exited is a zombie: no effect */
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r->ms = harness_now_ms() - t0;
    if (WIFSIGNALED(status)) {
        r->killed = WTERMSIG(status) == SIGKILL && kill_after_us >= 0;
        r->code = -1;
    } else {
        r->code = WEXITSTATUS(status);
    }
    ssize_t n = pread(errfd, r->err, sizeof r->err - 1, 0);
    r->err[n > 0 ? n : 0] = 0;
    close(errfd);
}

char *harness_tmpdir(const char *tag)
{
    const char *base = getenv("TMPDIR");
    char *p = xasprintf("%s/anzen-%s-XXXXXX", base && *base ? base : "/tmp", tag);
    if (!mkdtemp(p)) {
        perror("harness: mkdtemp");
        exit(2);
    }
    return p;
}

void harness_rm_rf(const char *dir)
{
    pid_t pid = fork();
    if (pid == 0) {
        execlp("rm", "rm", "-rf", dir, (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
}

sqlite3 *harness_db(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "harness: cannot open %s: %s\n", path, sqlite3_errmsg(db));
        exit(2);
    }
    sqlite3_busy_timeout(db, 10000);
    return db;
}

long long harness_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "harness: %s\n%s\n", sqlite3_errmsg(db), sql);
        exit(2);
    }
    long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return v;
}

char *harness_integrity(sqlite3 *db)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
    const char *t = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "no result";
    char *r = xstrdup(t ? t : "NULL");
    sqlite3_finalize(st);
    return r;
}

long long harness_broken_chains(sqlite3 *db)
{
    return harness_int(db, "SELECT count(*) FROM ("
                           "  SELECT old_value, LAG(new_value) OVER w AS prev, ROW_NUMBER() OVER w AS rn"
                           "  FROM history WHERE entity = 'answer'"
                           "  WINDOW w AS (PARTITION BY assessment_pk, item_id, party, party_vendor_pk, field ORDER BY pk))"
                           " WHERE (rn > 1 AND old_value IS NOT prev) OR (rn = 1 AND old_value IS NOT NULL)");
}

size_t harness_items(sqlite3 *db, const char *catalog, const char *version, char ***out)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db,
                       "SELECT n.id FROM catalog_node n JOIN catalog c ON c.pk = n.catalog_pk "
                       "WHERE c.id = ?1 AND c.version = ?2 AND n.kind = 'item' ORDER BY n.seq",
                       -1, &st, NULL);
    sqlite3_bind_text(st, 1, catalog, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, version, -1, SQLITE_STATIC);
    size_t n = 0, cap = 0;
    char **items = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        GROW(items, cap, n + 1);
        items[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    *out = items;
    return n;
}
