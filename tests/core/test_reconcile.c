/* Reconciliation: states per item, agreeing with both names and the time, in history and undoable. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "exchange/lib.h"
#include "testutil.h"

static char *dir;
static store *st;
static int64_t aid;

static void set(const char *item, answer_party p, const char *value, const char *note)
{
    status_detail err = {0};
    answer_change ch = {.fields = AF_VALUE | AF_REASON | (note ? AF_NOTE : 0), .value = value, .note = note,
                        .reason = "理由あり"};
    cr_assert_eq(assess_answer_set(st, aid, item, p, 0, &ch, p == PARTY_VENDOR ? "佐藤" : "山田", NULL, NULL, &err),
                 STATUS_OK, "%s", test_msg(&err));
}

static void setup(void)
{
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/export");
    status_detail err = {0};
    char vname[] = "A社", sname[] = "PACS", cat[] = "pacs";
    ws_vendor v = {.name = vname};
    int64_t vid = 0, sid = 0;
    cr_assert_eq(ws_vendor_save(st, &v, "t", &vid, &err), STATUS_OK);
    ws_system sys = {.name = sname, .category = cat, .vendor_id = vid};
    cr_assert_eq(ws_system_save(st, &sys, "t", &sid, &err), STATUS_OK);
    assess_spec spec = {.catalog_id = "fx-emds", .scope = SCOPE_SYSTEM, .system_id = sid, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "t", &aid, &err), STATUS_OK);
    set("q-1", PARTY_HOSPITAL, "no", "院内");
    set("q-1", PARTY_VENDOR, "yes", "事業者");
    set("q-2", PARTY_HOSPITAL, "no", NULL);
    set("q-2", PARTY_VENDOR, "no", NULL);
    set("q-3", PARTY_VENDOR, "na", NULL);
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(reconcile, .init = setup, .fini = teardown);

Test(reconcile, states_and_counts)
{
    reconcile_view v;
    status_detail err = {0};
    cr_assert_eq(reconcile_load(st, aid, 0, &v, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(v.nrows, 4);
    cr_expect_eq(reconcile_find(&v, "q-1")->state, RECONCILE_DIFFERENT);
    cr_expect_eq(reconcile_find(&v, "q-2")->state, RECONCILE_EQUAL);
    cr_expect_eq(reconcile_find(&v, "q-3")->state, RECONCILE_ONLY_VENDOR);
    cr_expect_eq(reconcile_find(&v, "q-4")->state, RECONCILE_NONE);
    cr_expect_eq(v.count[RECONCILE_DIFFERENT], 1);
    cr_expect_eq(v.count[RECONCILE_ONLY_HOSPITAL], 0);
    const reconcile_row *r1 = reconcile_find(&v, "q-1");
    cr_assert_eq(r1->differing.len, 1);
    cr_expect_str_eq(r1->differing.items[0], "note");
    reconcile_view_free(&v);
}

Test(reconcile, agree_records_both_names_and_undoes)
{
    status_detail err = {0};
    int changed = 0;
    cr_expect_eq(reconcile_agree(st, aid, "q-1", RECONCILE_TAKE_VENDOR, NULL, 0, NULL, "山田", &changed, &err),
                 STATUS_AGREE_WITH_REQUIRED);
    cr_expect_eq(reconcile_agree(st, aid, "q-4", RECONCILE_TAKE_HOSPITAL, NULL, 0, "佐藤", "山田", &changed, &err),
                 STATUS_AGREE_NOTHING);
    cr_expect_not_null(strstr(test_msg(&err), "hospital"), "%s", test_msg(&err));
    cr_expect_eq(reconcile_agree(st, aid, "q-1", RECONCILE_TAKE_VALUE, "maybe", 0, "佐藤", "山田", &changed, &err),
                 STATUS_ANSWER_VALUE_UNKNOWN);
    cr_assert_eq(reconcile_agree(st, aid, "q-1", RECONCILE_TAKE_VENDOR, NULL, 0, "佐藤（A社）", "山田", &changed, &err),
                 STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(changed, 4, "value, reason, note and the counterpart");
    reconcile_view v;
    cr_assert_eq(reconcile_load(st, aid, 0, &v, &err), STATUS_OK);
    const reconcile_row *r1 = reconcile_find(&v, "q-1");
    cr_assert_not_null(r1->agreed);
    cr_expect_str_eq(r1->agreed->value, "yes");
    cr_expect_str_eq(r1->agreed->note, "事業者");
    cr_expect_str_eq(r1->agreed->answered_by, "山田");
    cr_expect_str_eq(r1->agreed->agreed_with, "佐藤（A社）");
    cr_expect_not_null(r1->agreed->updated_at);
    cr_expect(r1->agreed_current);
    cr_expect_eq(v.agreed, 1);
    reconcile_view_free(&v);
    sqlite3_stmt *q = store_prepare(st, "SELECT count(*) FROM history h JOIN history_action a ON a.pk = h.action_pk"
                                        " WHERE a.kind = 'agree' AND h.field = 'agreed_with' AND h.new_value = '佐藤（A社）'");
    sqlite3_step(q);
    cr_expect_eq(sqlite3_column_int(q, 0), 1);
    sqlite3_finalize(q);
    /* the effective answer is the agreed one, so exports show it */
    answer_set set;
    cr_assert_eq(assess_load_answers(st, aid, &set, &err), STATUS_OK);
    cr_expect_str_eq(answer_set_effective(&set, "q-1")->value, "yes");
    answer_set_free(&set);
    char *what = NULL;
    cr_assert_eq(assess_undo(st, aid, "山田", &what, &err), STATUS_OK, "%s", test_msg(&err));
    free(what);
    cr_assert_eq(reconcile_load(st, aid, 0, &v, &err), STATUS_OK);
    cr_expect(!reconcile_find(&v, "q-1")->agreed || !reconcile_find(&v, "q-1")->agreed->value, "undone");
    reconcile_view_free(&v);
    status_detail_free(&err);
}

/* The dashboard's workshop line asks this before loading a view: false only while every answer
 * with a value is the hospital's (a vendor's answer emptied again does not count). */
Test(reconcile, other_side_only_with_a_vendor_or_agreed_value)
{
    cr_expect(reconcile_has_other_side(st, aid));
    status_detail err = {0};
    assessment a;
    cr_assert_eq(assess_get_row(st, aid, &a, &err), STATUS_OK, "%s", test_msg(&err));
    assess_spec spec = {.catalog_id = "fx-emds", .scope = SCOPE_SYSTEM, .system_id = a.system_id, .fy = 2026};
    assessment_free(&a);
    int64_t first = aid;
    cr_assert_eq(assess_create(st, &spec, "t", &aid, &err), STATUS_OK, "%s", test_msg(&err));
    set("q-1", PARTY_HOSPITAL, "yes", NULL);
    cr_expect_not(reconcile_has_other_side(st, aid));
    set("q-2", PARTY_VENDOR, "", NULL);
    cr_expect_not(reconcile_has_other_side(st, aid));
    set("q-2", PARTY_AGREED, "yes", NULL);
    cr_expect(reconcile_has_other_side(st, aid));
    cr_expect(reconcile_has_other_side(st, first));
}
