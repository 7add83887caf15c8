/* List functions report a failed read as a status, never as an empty list: every step of SQLite
 * is made to fail (a progress handler that interrupts), and each list must say SQL with SQLite's
 * message and hand back no rows; with the handler gone the same calls list the rows again. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "history/lib.h"
#include "testutil.h"
#include "base/lib.h"
#include "workspace/lib.h"

static char *dir;
static store *st;
static int64_t aid;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/assess");
    status_detail d = {0};
    ws_vendor v = {.name = (char[]){"ネオ画像システム株式会社"}};
    cr_assert_eq(ws_vendor_save(st, &v, "t", NULL, &d), STATUS_OK, "%s", test_msg(&d));
    ws_system sys = {.name = (char[]){"PACS"}, .category = (char[]){"pacs"}};
    cr_assert_eq(ws_system_save(st, &sys, "t", NULL, &d), STATUS_OK, "%s", test_msg(&d));
    assess_spec spec = {.catalog_id = "fx-gl", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "t", &aid, &d), STATUS_OK, "%s", test_msg(&d));
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(list_errors, .init = setup, .fini = teardown);

static int interrupt(void *ctx)
{
    (void)ctx;
    return 1;
}

static void fail_reads(bool on)
{
    sqlite3_progress_handler(store_db(st), 1, on ? interrupt : NULL, NULL);
}

/* The status of a failed read (the call made before: argument order is unspecified): SQL with
 * SQLite's message, no rows. */
static void assert_sql_failure(status_code r, status_detail *d, const void *rows, size_t n, const char *what)
{
    cr_assert_eq(r, STATUS_SQL, "%s: %s", what, test_msg(d));
    cr_assert_eq(status_exit_code(r), 4, "%s", what);
    cr_assert_null(rows, "%s: no rows on failure", what);
    cr_assert_eq(n, 0, "%s", what);
    cr_assert_not_null(strstr(test_msg(d), "interrupt"), "%s: %s", what, test_msg(d));
    status_detail_free(d);
}

Test(list_errors, every_list_says_sql_failed_instead_of_empty)
{
    status_detail d = {0};
    size_t n = 99;
    status_code r;
    fail_reads(true);

    ws_vendor *vendors = (ws_vendor *)&d;
    r = ws_vendor_list(st, &vendors, &n, &d);
    assert_sql_failure(r, &d, vendors, n, "ws_vendor_list");
    ws_system *systems = (ws_system *)&d;
    r = ws_system_list(st, &systems, &n, &d);
    assert_sql_failure(r, &d, systems, n, "ws_system_list");
    history_row *hist = (history_row *)&d;
    r = history_list(st, NULL, &hist, &n, &d);
    assert_sql_failure(r, &d, hist, n, "history_list");
    assessment *as = (assessment *)&d;
    r = assess_list(st, NULL, &as, &n, &d);
    assert_sql_failure(r, &d, as, n, "assess_list");
    r = assess_list_rows(st, NULL, &as, &n, &d);
    assert_sql_failure(r, &d, as, n, "assess_list_rows");
    r = summary_assess_rows(st, &as, &n, &d);
    assert_sql_failure(r, &d, as, n, "summary_assess_rows");
    catalog_info *cats = (catalog_info *)&d;
    r = catalog_db_list(st, &cats, &n, &d);
    assert_sql_failure(r, &d, cats, n, "catalog_db_list");
    node_link *links = (node_link *)&d;
    r = catalog_db_links(st, "fx-gl", "g-1", &links, &n, &d);
    assert_sql_failure(r, &d, links, n, "catalog_db_links");
    proposal *props = (proposal *)&d;
    r = assess_proposals(st, aid, false, &props, &n, &d);
    assert_sql_failure(r, &d, props, n, "assess_proposals");
    answer_set set;
    cr_assert_eq(assess_load_answers(st, aid, &set, &d), STATUS_SQL, "%s", test_msg(&d));
    cr_assert_eq(set.len, 0);
    status_detail_free(&d);

    /* the same calls, reads working again: the rows are there */
    fail_reads(false);
    cr_assert_eq(ws_vendor_list(st, &vendors, &n, &d), STATUS_OK);
    cr_assert_eq(n, 1);
    ws_vendor_list_free(vendors, n);
    cr_assert_eq(ws_system_list(st, &systems, &n, &d), STATUS_OK);
    cr_assert_eq(n, 1);
    ws_system_list_free(systems, n);
    cr_assert_eq(history_list(st, NULL, &hist, &n, &d), STATUS_OK);
    cr_assert_gt(n, 0);
    history_list_free(hist, n);
    cr_assert_eq(assess_list(st, NULL, &as, &n, &d), STATUS_OK);
    cr_assert_eq(n, 1);
    assessment_list_free(as, n);
    cr_assert_eq(catalog_db_list(st, &cats, &n, &d), STATUS_OK);
    cr_assert_gt(n, 0);
    catalog_info_free(cats, n);
}

Test(list_errors, a_failed_read_reads_in_both_languages)
{
    status_detail d = {0};
    ws_vendor *vendors;
    size_t n;
    fail_reads(true);
    cr_assert_eq(ws_vendor_list(st, &vendors, &n, &d), STATUS_SQL);
    fail_reads(false);
    char *ja = status_format(&d, false), *en = status_format(&d, true);
    cr_assert(str_starts(ja, "データベースのエラー（事業者）: "), "%s", ja);
    cr_assert(str_starts(en, "database error (vendor): "), "%s", en);
    free(ja);
    free(en);
    status_detail_free(&d);
}
