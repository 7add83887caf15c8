/* store_snapshot_begin/end: reads share one read transaction and see one moment; anything that
 * writes ends the snapshot first, so the write commits at once as it would without one. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "store/lib.h"
#include "testutil.h"
#include "base/lib.h"

static char *dir;
static store *ui, *other; /* the TUI, and another anzen process on the same file */

static void setup(void)
{
    dir = test_tmpdir();
    ui = test_store_open(dir);
    other = test_store_open(dir);
    status_detail err = {0};
    cr_assert_eq(store_exec(other, "CREATE TABLE t(v TEXT); INSERT INTO t VALUES('病院')", &err), STATUS_OK, "%s",
                 test_msg(&err));
}

static void teardown(void)
{
    store_close(other);
    store_close(ui);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(store_snapshot, .init = setup, .fini = teardown);

static int count(store *s)
{
    sqlite3_stmt *q = store_stmt(s, "SELECT count(*) FROM t");
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    int n = sqlite3_column_int(q, 0);
    store_done(s, q);
    return n;
}

static void other_inserts(void)
{
    status_detail err = {0};
    cr_assert_eq(store_exec(other, "INSERT INTO t VALUES('業者')", &err), STATUS_OK, "%s", test_msg(&err));
}

Test(store_snapshot, reads_in_it_see_one_moment_and_the_next_one_sees_the_change)
{
    store_snapshot_begin(ui);
    cr_assert_eq(count(ui), 1);
    other_inserts();
    cr_assert_eq(count(ui), 1, "a commit elsewhere is not seen inside the snapshot");
    cr_assert_not(store_in_transaction(ui), "a snapshot is not a write transaction");
    store_snapshot_end(ui);
    cr_assert_eq(count(ui), 2);
    store_snapshot_end(ui); /* twice: nothing */
}

Test(store_snapshot, a_write_statement_ends_it_and_commits_at_once)
{
    store_snapshot_begin(ui);
    cr_assert_eq(count(ui), 1);
    sqlite3_stmt *w = store_stmt(ui, "INSERT INTO t VALUES('回答')");
    cr_assert_eq(sqlite3_step(w), SQLITE_DONE);
    store_done(ui, w);
    cr_assert_eq(count(other), 2, "committed without store_snapshot_end");
    other_inserts();
    cr_assert_eq(count(ui), 3, "and later reads are no longer in the old snapshot");
}

Test(store_snapshot, store_begin_inside_one_is_a_normal_transaction)
{
    store_snapshot_begin(ui);
    cr_assert_eq(count(ui), 1);
    other_inserts(); /* the snapshot is now behind: a write upgraded from it would be refused */
    status_detail err = {0};
    cr_assert_eq(store_begin(ui, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(store_exec(ui, "INSERT INTO t VALUES('合意')", &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(store_commit(ui, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(count(other), 3);
}

Test(store_snapshot, store_exec_and_rollback_end_it)
{
    status_detail err = {0};
    store_snapshot_begin(ui);
    cr_assert_eq(count(ui), 1);
    other_inserts();
    cr_assert_eq(store_exec(ui, "PRAGMA foreign_keys=ON", &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(count(ui), 2);
    store_snapshot_begin(ui);
    cr_assert_eq(count(ui), 2);
    store_rollback(ui);
    other_inserts();
    cr_assert_eq(count(ui), 3);
}

Test(store_snapshot, not_inside_a_write_transaction)
{
    status_detail err = {0};
    cr_assert_eq(store_begin(ui, &err), STATUS_OK);
    store_snapshot_begin(ui); /* ignored: the transaction is already one moment */
    cr_assert_eq(store_exec(ui, "INSERT INTO t VALUES('x')", &err), STATUS_OK);
    cr_assert_eq(store_commit(ui, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_not(store_in_transaction(ui));
    cr_assert_eq(count(other), 2);
}
