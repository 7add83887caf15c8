/* Shared by the reliability harnesses (kill.c, concurrency.c): run the real anzen binary as a
 * child, optionally SIGKILL it after a delay, and read the database directly with SQLite. */
#ifndef ANZEN_HARNESS_H
#define ANZEN_HARNESS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool killed;   /* ended by our SIGKILL */
    int code;      /* exit code when not killed (-1: another signal) */
    double ms;     /* wall time */
    char err[512]; /* the start of its stderr */
} run_result;

/* Runs anzen with argv (NULL-terminated, argv[0] ignored) and the current environment; stdout is
 * discarded, stderr kept in result->err. kill_after_us < 0: wait for it to end. */
void harness_run(const char *bin, const char *const argv[], long kill_after_us, run_result *result);

/* A fresh directory under $TMPDIR (caller frees); removed by harness_rm_rf. */
char *harness_tmpdir(const char *tag);
void harness_rm_rf(const char *dir);

/* Opens the database read-only for checking; exits with a message on failure. */
sqlite3 *harness_db(const char *path);
/* The first column of the first row of sql as an integer (0 when no row). */
long long harness_int(sqlite3 *db, const char *sql);
/* "ok" when PRAGMA integrity_check passes; otherwise its first message (caller frees). */
char *harness_integrity(sqlite3 *db);
/* Rows of the answer history whose old value is not the previous row's new value for the same
 * assessment, item, party and field - a broken chain. */
long long harness_broken_chains(sqlite3 *db);
/* Item ids of a catalog, in order (caller frees each and the array). */
size_t harness_items(sqlite3 *db, const char *catalog, const char *version, char ***out);

double harness_now_ms(void);
/* A random number in [0, 1) (xorshift; seeded by harness_seed). */
double harness_rand(void);
void harness_seed(unsigned long long seed);

#endif
