#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "testutil.h"
#include "util.h"

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
    char *err;
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err ? err : "");
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
    char *err;
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK);
    store_close(s);
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK);
    store_close(s);
    free(path);
}

static char *slurp(const char *path, size_t *len)
{
    char *d = read_file(path, len);
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
    char *err;
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_ERR_NEWER);
    cr_assert_null(s);
    cr_assert_not_null(strstr(err, "newer anzen"), "message: %s", err);
    char *after = slurp(path, &after_len);
    cr_assert_eq(before_len, after_len);
    cr_assert_eq(memcmp(before, after, before_len), 0, "the file must be byte-identical");
    char *wal = xasprintf("%s-wal", path);
    cr_assert_neq(access(wal, F_OK), 0, "no WAL file created");
    free(wal);
    free(err);
    free(before);
    free(after);
    free(path);
}

Test(store, refuses_non_sqlite_file_untouched)
{
    char *path = test_write(dir, "notes.db", "これはデータベースではありません\n");
    store *s;
    char *err;
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_ERR_NOT_SQLITE);
    cr_assert_not_null(strstr(err, "not an anzen database"), "message: %s", err);
    size_t len;
    char *content = slurp(path, &len);
    cr_assert_str_eq(content, "これはデータベースではありません\n");
    free(content);
    free(err);
    free(path);
}

Test(store, readonly_database_still_reads)
{
    char *path = xasprintf("%s/ro.db", dir);
    store *s;
    char *err;
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK);
    cr_assert_eq(store_exec(s, "INSERT INTO catalog(id,version,revision,kind,title_ja,publisher,published,"
                               "completeness,answers_json,dates,tags_json,loaded_at) "
                               "VALUES('x','1',1,'guideline','読み取り専用','p','2024-01-01','complete','[]',0,'[]','t')",
                            &err),
                 0);
    store_close(s);
    cr_assert_eq(store_open(path, STORE_OPEN_READONLY, &s, &err), STORE_OK, "%s", err ? err : "");
    cr_assert(store_readonly(s));
    sqlite3_stmt *q = store_prepare(s, "SELECT title_ja FROM catalog");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), "読み取り専用");
    sqlite3_finalize(q);
    cr_assert_eq(store_begin(s, &err), -1);
    cr_assert_not_null(strstr(err, "read-only"), "message: %s", err);
    free(err);
    store_close(s);
    free(path);
}

Test(store, missing_file_with_no_create_is_an_error)
{
    char *path = xasprintf("%s/none.db", dir);
    store *s;
    char *err;
    cr_assert_eq(store_open(path, STORE_OPEN_NO_CREATE, &s, &err), STORE_ERR_OPEN);
    cr_assert_neq(access(path, F_OK), 0);
    free(err);
    free(path);
}

Test(store, rollback_discards_the_transaction)
{
    char *path = xasprintf("%s/tx.db", dir);
    store *s;
    char *err;
    cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK);
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
