#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/lib.h"
#include "testutil.h"
#include "base/lib.h"

static char *dir;

static void setup(void)
{
    dir = test_tmpdir();
}

static void teardown(void)
{
    test_rm_rf(dir);
    free(dir);
}

TestSuite(store, .init = setup, .fini = teardown);

Test(store, creates_file_0600_in_dir_0700_and_migrates)
{
    char *path = xasprintf("%s/nested/deeper/anzen.db", dir);
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK, "%s", test_msg(&err));
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600);
    char *d = xasprintf("%s/nested/deeper", dir);
    cr_assert_eq(stat(d, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0700);
    sqlite3_stmt *q = store_prepare(s, "PRAGMA user_version");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(q, 0), store_schema_version());
    sqlite3_finalize(q);
    q = store_prepare(s, "PRAGMA journal_mode");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), "wal");
    sqlite3_finalize(q);
    q = store_prepare(s, "PRAGMA foreign_keys");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(q, 0), 1);
    sqlite3_finalize(q);
    store_close(s);
    free(d);
    free(path);
}

Test(store, reopen_is_idempotent)
{
    char *path = xasprintf("%s/a.db", dir);
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK);
    store_close(s);
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK);
    store_close(s);
    free(path);
}

static void expect_pragma(store *s, const char *pragma, const char *want)
{
    sqlite3_stmt *q = store_prepare(s, pragma);
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), want, "%s", pragma);
    sqlite3_finalize(q);
}

/* An open of an up-to-date database skips what the file already keeps (WAL), never what a
 * connection must set each time (synchronous, foreign keys); a file no longer in WAL gets it again. */
Test(store, reopen_keeps_every_durability_setting)
{
    char *path = xasprintf("%s/d.db", dir);
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK);
    store_close(s);
    for (int round = 0; round < 2; round++) {
        cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK, "%s", test_msg(&err));
        expect_pragma(s, "PRAGMA journal_mode", "wal");
        expect_pragma(s, "PRAGMA synchronous", "2"); /* FULL */
        expect_pragma(s, "PRAGMA foreign_keys", "1");
        store_close(s);
        sqlite3 *db;
        cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
        cr_assert_eq(sqlite3_exec(db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
    }
    free(path);
}

static char *slurp(const char *path, size_t *len)
{
    char *d = util_read_file(path, len);
    cr_assert_not_null(d);
    return d;
}

Test(store, refuses_newer_schema_and_changes_nothing)
{
    char *path = xasprintf("%s/new.db", dir);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    char *sql = xasprintf("CREATE TABLE future(x); PRAGMA user_version=%d;", store_schema_version() + 5);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    free(sql);
    size_t before_len, after_len;
    char *before = slurp(path, &before_len);

    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_DB_NEWER);
    cr_assert_null(s);
    cr_assert_not_null(strstr(test_msg(&err), "newer anzen"), "message: %s", test_msg(&err));
    char *after = slurp(path, &after_len);
    cr_assert_eq(before_len, after_len);
    cr_assert_eq(memcmp(before, after, before_len), 0, "the file must be byte-identical");
    char *wal = xasprintf("%s-wal", path);
    cr_assert_neq(access(wal, F_OK), 0, "no WAL file created");
    free(wal);
    status_detail_free(&err);
    free(before);
    free(after);
    free(path);
}

Test(store, refuses_non_sqlite_file_untouched)
{
    char *path = test_write(dir, "notes.db", "これはデータベースではありません\n");
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_DB_NOT_SQLITE);
    cr_assert_not_null(strstr(test_msg(&err), "not an anzen database"), "message: %s", test_msg(&err));
    size_t len;
    char *content = slurp(path, &len);
    cr_assert_str_eq(content, "これはデータベースではありません\n");
    free(content);
    status_detail_free(&err);
    free(path);
}

Test(store, readonly_database_still_reads)
{
    char *path = xasprintf("%s/ro.db", dir);
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK);
    cr_assert_eq(store_exec(s, "INSERT INTO catalog(id,version,revision,kind,title_ja,publisher,published,"
                               "completeness,answers_json,dates,tags_json,loaded_at) "
                               "VALUES('x','1',1,'guideline','読み取り専用','p','2024-01-01','complete','[]',0,'[]','t')",
                            &err),
                 0);
    store_close(s);
    cr_assert_eq(store_open(path, STORE_OPEN_READONLY, &s, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert(store_readonly(s));
    sqlite3_stmt *q = store_prepare(s, "SELECT title_ja FROM catalog");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), "読み取り専用");
    sqlite3_finalize(q);
    cr_assert_eq(store_begin(s, &err), STATUS_DB_READONLY);
    cr_assert_not_null(strstr(test_msg(&err), "read-only"), "message: %s", test_msg(&err));
    status_detail_free(&err);
    store_close(s);
    free(path);
}

Test(store, missing_file_with_no_create_is_an_error)
{
    char *path = xasprintf("%s/none.db", dir);
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, STORE_OPEN_NO_CREATE, &s, &err), STATUS_DB_MISSING);
    cr_assert_neq(access(path, F_OK), 0);
    status_detail_free(&err);
    free(path);
}

Test(store, rollback_discards_the_transaction)
{
    char *path = xasprintf("%s/tx.db", dir);
    store *s;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &s, &err), STATUS_OK);
    cr_assert_eq(store_begin(s, &err), 0);
    cr_assert_eq(store_exec(s, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", &err), 0);
    store_rollback(s);
    sqlite3_stmt *q = store_prepare(s, "SELECT count(*) FROM sqlite_master WHERE name='t'");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    store_close(s);
    free(path);
}

/* ---- statement cache (store_stmt / store_done) ---- */

Test(store, stmt_cache_reuses_resets_and_clears_bindings)
{
    store *s = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_exec(s, "CREATE TABLE t(k TEXT PRIMARY KEY, v TEXT)", &err), 0, "%s", test_msg(&err));
    const char *ins = "INSERT INTO t(k, v) VALUES(?, ?)";
    sqlite3_stmt *a = store_stmt(s, ins);
    store_bind_text(a, 1, "鍵");
    store_bind_text(a, 2, "値");
    cr_assert_eq(sqlite3_step(a), SQLITE_DONE);
    cr_assert_eq(store_done(s, a), SQLITE_OK);
    /* the same text (another buffer) gives the same statement back, reset and with no bindings */
    char *copy = xstrdup(ins);
    sqlite3_stmt *b = store_stmt(s, copy);
    free(copy);
    cr_assert_eq(a, b);
    cr_assert_eq(sqlite3_bind_parameter_count(b), 2);
    store_bind_text(b, 1, "空");
    cr_assert_eq(sqlite3_step(b), SQLITE_DONE); /* v unbound = NULL */
    store_done(s, b);

    sqlite3_stmt *q = store_stmt(s, "SELECT v FROM t WHERE k = ?");
    store_bind_text(q, 1, "空");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_type(q, 0), SQLITE_NULL);
    store_done(s, q); /* left mid-result: store_done resets it */
    cr_assert_not(sqlite3_stmt_busy(q));

    /* a write after the read is seen by the cached read (no snapshot kept) */
    cr_assert_eq(store_exec(s, "UPDATE t SET v = '新' WHERE k = '空'", &err), 0);
    q = store_stmt(s, "SELECT v FROM t WHERE k = ?");
    store_bind_text(q, 1, "空");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), "新");
    store_done(s, q);
    store_close(s);
}

Test(store, stmt_cache_nested_use_gets_its_own_statement)
{
    store *s = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_exec(s, "CREATE TABLE t(n INTEGER); INSERT INTO t VALUES(1),(2),(3)", &err), 0);
    const char *sql = "SELECT n FROM t WHERE n >= ? ORDER BY n";
    sqlite3_stmt *outer = store_stmt(s, sql);
    sqlite3_bind_int(outer, 1, 1);
    int sum = 0;
    while (sqlite3_step(outer) == SQLITE_ROW) {
        sqlite3_stmt *inner = store_stmt(s, sql); /* the cached one is out: a fresh one */
        cr_assert_neq(inner, outer);
        sqlite3_bind_int(inner, 1, sqlite3_column_int(outer, 0));
        while (sqlite3_step(inner) == SQLITE_ROW)
            sum += sqlite3_column_int(inner, 0);
        store_done(s, inner); /* finalized */
    }
    cr_assert_eq(sum, (1 + 2 + 3) + (2 + 3) + 3);
    store_done(s, outer);
    cr_assert_eq(store_stmt(s, sql), outer, "back in the cache after store_done");
    store_done(s, outer);
    store_done(s, NULL);
    store_close(s);
}

Test(store, stmt_cache_done_reports_the_error_of_the_step)
{
    store *s = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_exec(s, "CREATE TABLE t(k TEXT PRIMARY KEY)", &err), 0);
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = store_stmt(s, "INSERT INTO t VALUES('同じ')");
        int rc = sqlite3_step(st);
        int done = store_done(s, st);
        if (i == 0) {
            cr_assert_eq(rc, SQLITE_DONE);
            cr_assert_eq(done, SQLITE_OK);
        } else {
            cr_assert_eq(rc & 0xff, SQLITE_CONSTRAINT);
            cr_assert_eq(done & 0xff, SQLITE_CONSTRAINT);
            cr_assert(strstr(sqlite3_errmsg(store_db(s)), "UNIQUE") != NULL, "%s", sqlite3_errmsg(store_db(s)));
        }
    }
    /* BEGIN and COMMIT go through the cache too */
    cr_assert_eq(store_begin(s, &err), 0);
    cr_assert_eq(store_exec(s, "INSERT INTO t VALUES('二')", &err), 0);
    cr_assert_eq(store_commit(s, &err), 0);
    /* a begin inside a transaction is a savepoint (test_store_nested.c), not an error */
    cr_assert_eq(store_begin(s, &err), STATUS_OK);
    cr_assert_eq(store_begin(s, &err), STATUS_OK, "%s", test_msg(&err));
    status_detail_free(&err);
    store_rollback(s);
    store_rollback(s);
    cr_assert_not(store_in_transaction(s));
    store_close(s);
}

/* ---- store_data_version: seeing other processes' writes ---- */

Test(store, data_version_changes_on_another_connections_commit_only)
{
    store *ui = test_store_open(dir);   /* the TUI */
    store *cli = test_store_open(dir);  /* another anzen process on the same file */
    status_detail err = {0};
    cr_assert_eq(store_exec(cli, "CREATE TABLE t(v TEXT)", &err), STATUS_OK, "%s", test_msg(&err));
    long long v0 = store_data_version(ui);
    cr_assert_geq(v0, 0);
    cr_assert_eq(store_data_version(ui), v0, "no writes, no change");

    /* this connection's own commit: unchanged (the TUI reloads after its own changes itself) */
    cr_assert_eq(store_begin(ui, &err), STATUS_OK);
    cr_assert_eq(store_exec(ui, "INSERT INTO t VALUES('病院')", &err), STATUS_OK);
    cr_assert_eq(store_commit(ui, &err), STATUS_OK);
    cr_assert_eq(store_data_version(ui), v0);

    /* a read elsewhere: unchanged */
    sqlite3_stmt *q = store_stmt(cli, "SELECT count(*) FROM t");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    store_done(cli, q);
    cr_assert_eq(store_data_version(ui), v0);

    /* a commit elsewhere: changed, once */
    cr_assert_eq(store_exec(cli, "INSERT INTO t VALUES('業者')", &err), STATUS_OK);
    long long v1 = store_data_version(ui);
    cr_assert_neq(v1, v0);
    cr_assert_eq(store_data_version(ui), v1);

    /* a rolled-back transaction elsewhere commits nothing: unchanged */
    cr_assert_eq(store_begin(cli, &err), STATUS_OK);
    cr_assert_eq(store_exec(cli, "INSERT INTO t VALUES('取消')", &err), STATUS_OK);
    store_rollback(cli);
    cr_assert_eq(store_data_version(ui), v1);
    store_close(cli);
    store_close(ui);
}
