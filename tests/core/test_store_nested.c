/* store_begin inside a transaction: savepoints, so a self-contained save can be part of a
 * larger transaction (a bundle import) and the whole still commits or rolls back at once. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "store/lib.h"
#include "testutil.h"

static char *dir;
static void setup(void) { dir = test_tmpdir(); }
static void teardown(void) { test_rm_rf(dir); free(dir); }
TestSuite(store_nested, .init = setup, .fini = teardown);

static int count(store *s)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT count(*) FROM t");
    sqlite3_step(st);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void put(store *s, const char *v)
{
    sqlite3_stmt *st = store_prepare(s, "INSERT INTO t VALUES(?)");
    store_bind_text(st, 1, v);
    cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
}

Test(store_nested, inner_rollback_undoes_only_the_inner_part)
{
    store *s = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_exec(s, "CREATE TABLE t(v TEXT)", &err), STATUS_OK);
    cr_assert_eq(store_begin(s, &err), STATUS_OK);
    put(s, "外");
    cr_assert_eq(store_begin(s, &err), STATUS_OK);
    put(s, "内");
    store_rollback(s);
    cr_assert(store_in_transaction(s), "the outer transaction is still open");
    cr_assert_eq(count(s), 1);
    cr_assert_eq(store_commit(s, &err), STATUS_OK);
    cr_assert_not(store_in_transaction(s));
    cr_assert_eq(count(s), 1);
    store_close(s);
}

Test(store_nested, outer_rollback_undoes_a_committed_inner_part)
{
    store *s = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_exec(s, "CREATE TABLE t(v TEXT)", &err), STATUS_OK);
    cr_assert_eq(store_begin(s, &err), STATUS_OK);
    cr_assert_eq(store_begin(s, &err), STATUS_OK);
    put(s, "内");
    cr_assert_eq(store_commit(s, &err), STATUS_OK);
    cr_assert(store_in_transaction(s), "an inner commit leaves the outer open");
    cr_assert_eq(count(s), 1);
    store_rollback(s);
    cr_assert_eq(count(s), 0, "nothing of the inner part survives the outer rollback");
    /* and a transaction can start again afterwards */
    cr_assert_eq(store_begin(s, &err), STATUS_OK);
    put(s, "次");
    cr_assert_eq(store_commit(s, &err), STATUS_OK);
    cr_assert_eq(count(s), 1);
    store_close(s);
}
