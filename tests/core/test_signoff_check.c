/* What is open before a sign-off (assess/signoff_check.h): unanswered and overdue items in
 * catalog order with their reference and text, the status the CLI reports without --force, and
 * nothing open once every item is answered and no date is past. Fixture tests/fixtures/walk. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "testutil.h"

static char *dir;
static store *st;
static int64_t aid;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/walk");
    status_detail err = {0};
    assess_spec spec = {.catalog_id = "fx-walk", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "tester", &aid, &err), STATUS_OK, "%s", test_msg(&err));
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(signoff_check, .init = setup, .fini = teardown);

static void set(const char *item, const char *value, const char *due)
{
    answer_change ch = {.fields = AF_VALUE | (due ? AF_DUE : 0), .value = value, .due = due};
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, aid, item, PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
}

Test(signoff_check, lists_unanswered_and_overdue_items_in_catalog_order)
{
    set("w-1", "no", "2026-03-31"); /* いいえ with a 目標日 in the past: overdue */
    set("w-3", "yes", "2026-03-31"); /* はい: never overdue */
    signoff_open o;
    status_detail err = {0};
    cr_assert_eq(signoff_open_items(st, aid, "2026-05-10", false, &o, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(o.nunanswered, 3);
    cr_assert_str_eq(o.unanswered[0].ref, "0");
    cr_assert_str_eq(o.unanswered[1].ref, "1-②");
    cr_assert_str_eq(o.unanswered[1].title, "二要素認証を導入している。"); /* no title: the text */
    cr_assert_str_eq(o.unanswered[2].id, "w-4");
    cr_assert_eq(o.noverdue, 1);
    cr_assert_str_eq(o.overdue[0].ref, "1-①");
    cr_assert_eq(signoff_open_status(&o, aid, &err), STATUS_SIGNOFF_OPEN_ITEMS);
    char *m = status_format(&err, false);
    cr_assert_str_eq(m, "評価 #1 に未処理の項目があります: 未回答 3 件 期限超過 1 件。このまま承認するには --force を付けてください");
    free(m);
    status_detail_free(&err);
    signoff_open_free(&o);
}

Test(signoff_check, nothing_open_when_all_answered_and_no_date_past)
{
    set("w-0", "yes", NULL);
    set("w-1", "no", "2027-03-31");
    set("w-2", "na", NULL);
    set("w-3", "partly", NULL);
    set("w-4", "yes", NULL);
    signoff_open o;
    status_detail err = {0};
    cr_assert_eq(signoff_open_items(st, aid, "2026-05-10", true, &o, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(o.nunanswered + o.noverdue, 0);
    cr_assert_eq(signoff_open_status(&o, aid, &err), STATUS_OK);
    signoff_open_free(&o);
    /* a date past today makes the いいえ overdue */
    cr_assert_eq(signoff_open_items(st, aid, "2027-04-01", true, &o, &err), STATUS_OK);
    cr_assert_eq(o.noverdue, 1);
    cr_assert_eq(signoff_open_status(&o, aid, &err), STATUS_SIGNOFF_OPEN_ITEMS);
    char *m = status_format(&err, true);
    cr_assert_str_eq(m, "assessment #1 has open items: overdue 1; to sign off anyway, add --force");
    free(m);
    status_detail_free(&err);
    signoff_open_free(&o);
}

Test(signoff_check, unknown_assessment_is_an_error)
{
    signoff_open o;
    status_detail err = {0};
    cr_assert_eq(signoff_open_items(st, 99, "2026-05-10", false, &o, &err), STATUS_ASSESSMENT_NOT_FOUND);
    status_detail_free(&err);
}
