/* Carrying across catalog versions through a declared crosswalk (rel: supersedes): renumbered
 * items keep their answers, a split copies to each new item, a merge copies only when the merged
 * answers agree, what does not map is listed, the old assessment is left as it was, and a
 * supersedes link proposes nothing. Fixtures in tests/fixtures/carry (fx-cw@A -> fx-cw@B, the
 * successor fx-cw2@1, the crosswalk xw-fx-cw). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "testutil.h"

static char *dir;
static store *st;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/carry");
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(carry, .init = setup, .fini = teardown);

static int64_t new_assessment(const char *ver, int fy)
{
    int64_t id = 0;
    status_detail err = {0};
    assess_spec spec = {.catalog_id = "fx-cw", .catalog_version = ver, .scope = SCOPE_ORG, .fy = fy};
    cr_assert_eq(assess_create(st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    return id;
}

static void set_answer(int64_t aid, const char *item, const char *value, const char *note)
{
    answer_change ch = {.fields = AF_VALUE | AF_CHECKED | AF_DUE | AF_NOTE, .value = value, .checked = "2025-06-01",
                        .due = "2026-03-31", .note = note};
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, aid, item, PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_OK, "%s %s",
                 item, test_msg(&err));
}

static const answer *hospital(const answer_set *set, const char *item)
{
    return answer_set_find(set, item, PARTY_HOSPITAL);
}

static char *answers_text(int64_t aid)
{
    sqlite3_stmt *s = store_prepare(st, "SELECT item_id, party, IFNULL(value,''), IFNULL(note,''), IFNULL(checked,'')"
                                        " FROM answer WHERE assessment_pk = ? ORDER BY 1, 2");
    sqlite3_bind_int64(s, 1, aid);
    strbuf b = {0};
    while (sqlite3_step(s) == SQLITE_ROW)
        sb_addf(&b, "%s|%s|%s|%s|%s\n", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1), sqlite3_column_text(s, 2),
                sqlite3_column_text(s, 3), sqlite3_column_text(s, 4));
    sqlite3_finalize(s);
    return sb_take(&b);
}

Test(carry, renumbered_split_merged_and_same_id_items_keep_their_answers)
{
    int64_t a = new_assessment("A", 2024);
    set_answer(a, "a1", "yes", "任命記録あり");
    set_answer(a, "a2", "no", "棚卸は未実施");
    set_answer(a, "a3-srv", "yes", "月次で適用");
    set_answer(a, "a3-pc", "yes", "月次で適用");
    set_answer(a, "same", "no", NULL);
    set_answer(a, "gone", "yes", "廃止");
    char *before = answers_text(a);

    carry_result res;
    status_detail err = {0};
    carry_spec spec = {.to_version = "B", .to_fy = 2025, .flags = CARRY_KEEP_VALUES | CARRY_KEEP_DATES};
    cr_assert_eq(assess_carry_to(st, a, &spec, "tester", &res, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(res.carried, 5, "a1 a2 a3-srv a3-pc same: %d", res.carried);
    cr_assert_eq(res.crosswalked, 4);
    cr_assert_eq(res.nskipped, 1);
    cr_assert_str_eq(res.skipped[0].item_id, "gone");
    cr_assert_str_eq(res.skipped[0].ref, "1-(5)");
    cr_assert_str_eq(res.skipped[0].title.ja, "廃止された項目");
    cr_assert_eq(res.skipped[0].why, CARRY_SKIP_UNMAPPED);

    answer_set set;
    cr_assert_eq(assess_load_answers(st, res.new_id, &set, &err), STATUS_OK);
    cr_assert_str_eq(hospital(&set, "b1")->value, "yes");
    cr_assert_str_eq(hospital(&set, "b1")->note, "任命記録あり");
    cr_assert_str_eq(hospital(&set, "b1")->due, "2026-03-31");
    cr_assert_null(hospital(&set, "b1")->checked, "B offers no 確認日, so none is carried");
    cr_assert_str_eq(hospital(&set, "b2-ledger")->value, "no");
    cr_assert_str_eq(hospital(&set, "b2-count")->value, "no");
    cr_assert_str_eq(hospital(&set, "b3")->value, "yes", "both merged items agree");
    cr_assert_str_eq(hospital(&set, "same")->value, "no");
    cr_assert_null(hospital(&set, "b6"));
    cr_assert_null(hospital(&set, "a1"), "nothing is stored under the old id");
    answer_set_free(&set);

    assessment x;
    cr_assert_eq(assess_get(st, res.new_id, &x, &err), STATUS_OK);
    cr_assert_str_eq(x.catalog_version, "B");
    cr_assert_eq(x.answered, 5, "b1 b2-ledger b2-count b3 same");
    assessment_free(&x);
    carry_result_free(&res);

    char *after = answers_text(a);
    cr_assert_str_eq(before, after, "the old assessment keeps everything, readable as before");
    free(before);
    free(after);
}

Test(carry, a_merge_of_differing_answers_is_not_carried_and_is_listed)
{
    int64_t a = new_assessment("A", 2024);
    set_answer(a, "a3-srv", "yes", NULL);
    set_answer(a, "a3-pc", "no", NULL);
    carry_result res;
    status_detail err = {0};
    carry_spec spec = {.to_version = "B", .to_fy = 2025, .flags = CARRY_KEEP_VALUES};
    cr_assert_eq(assess_carry_to(st, a, &spec, "tester", &res, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(res.carried, 0);
    cr_assert_eq(res.nskipped, 2);
    for (size_t i = 0; i < 2; i++) {
        cr_assert_eq(res.skipped[i].why, CARRY_SKIP_MERGE_DIFFERS);
        cr_assert_str_eq(res.skipped[i].into, "b3");
        cr_assert_str_eq(res.skipped[i].into_ref, "1-④");
    }
    cr_assert_str_eq(res.skipped[0].item_id, "a3-srv");
    cr_assert_str_eq(res.skipped[1].item_id, "a3-pc");
    answer_set set;
    cr_assert_eq(assess_load_answers(st, res.new_id, &set, &err), STATUS_OK);
    cr_assert_null(hospital(&set, "b3"), "no answer chosen silently");
    answer_set_free(&set);
    carry_result_free(&res);
}

Test(carry, without_a_crosswalk_only_the_same_ids_carry)
{
    /* The old wrapper: into B, where only "same" keeps its id; the rest is counted as dropped
     * unless the crosswalk maps it. */
    int64_t a = new_assessment("A", 2024);
    set_answer(a, "same", "yes", NULL);
    set_answer(a, "gone", "no", NULL);
    int64_t b = 0;
    int dropped = -1;
    status_detail err = {0};
    cr_assert_eq(assess_carry(st, a, 2025, "B", CARRY_KEEP_VALUES, "tester", &b, &dropped, &err), STATUS_OK, "%s",
                 test_msg(&err));
    cr_assert_eq(dropped, 1);
    answer_set set;
    cr_assert_eq(assess_load_answers(st, b, &set, &err), STATUS_OK);
    cr_assert_str_eq(hospital(&set, "same")->value, "yes");
    answer_set_free(&set);
}

Test(carry, to_a_successor_catalog_with_another_id)
{
    int64_t a = new_assessment("A", 2024);
    set_answer(a, "a1", "yes", "任命済み");
    set_answer(a, "same", "yes", NULL);
    carry_result res;
    status_detail err = {0};
    carry_spec spec = {.to_catalog = "fx-cw2", .to_fy = 2026, .flags = CARRY_KEEP_VALUES | CARRY_KEEP_DATES};
    cr_assert_eq(assess_carry_to(st, a, &spec, "tester", &res, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(res.carried, 1);
    cr_assert_eq(res.nskipped, 1);
    cr_assert_str_eq(res.skipped[0].item_id, "same");
    answer_set set;
    cr_assert_eq(assess_load_answers(st, res.new_id, &set, &err), STATUS_OK);
    cr_assert_str_eq(hospital(&set, "n1")->value, "yes");
    cr_assert_str_eq(hospital(&set, "n1")->checked, "2025-06-01");
    answer_set_free(&set);
    carry_result_free(&res);

    spec = (carry_spec){.to_catalog = "fx-none", .to_fy = 2027};
    cr_assert_eq(assess_carry_to(st, a, &spec, "tester", &res, &err), STATUS_CATALOG_NOT_FOUND);
    cr_assert_str_eq(err.entity, "fx-none");
    status_detail_free(&err);
}

Test(carry, a_supersedes_link_proposes_nothing)
{
    /* Two versions answered in the same year: answering a1 must not propose for b1. */
    int64_t a = new_assessment("A", 2025);
    int64_t b = new_assessment("B", 2025);
    (void)b;
    answer_change ch = {.fields = AF_VALUE, .value = "yes"};
    int proposed = -1;
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, a, "a1", PARTY_HOSPITAL, 0, &ch, "tester", NULL, &proposed, &err), STATUS_OK);
    cr_assert_eq(proposed, 0);
}

Test(carry, targets_are_other_versions_with_items_and_declared_successors)
{
    carry_target *t = NULL;
    size_t n = 0;
    status_detail err = {0};
    cr_assert_eq(carry_targets(st, "fx-cw", "A", &t, &n, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(n, 2, "B and the successor; not A itself, not the skeleton Z: %zu", n);
    cr_assert_str_eq(t[0].catalog_id, "fx-cw");
    cr_assert_str_eq(t[0].version, "B");
    cr_assert(t[0].crosswalk);
    cr_assert_str_eq(t[1].catalog_id, "fx-cw2");
    cr_assert(t[1].crosswalk);
    carry_target_list_free(t, n);

    cr_assert_eq(carry_targets(st, "fx-cw", "B", &t, &n, &err), STATUS_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(t[0].version, "A");
    cr_assert(!t[0].crosswalk, "nothing declares A superseding B");
    carry_target_list_free(t, n);
}

Test(carry, into_a_skeleton_is_refused_and_writes_nothing)
{
    int64_t a = new_assessment("A", 2024);
    set_answer(a, "a1", "yes", NULL);
    carry_result res;
    status_detail err = {0};
    carry_spec spec = {.to_version = "Z", .to_fy = 2026};
    cr_assert_eq(assess_carry_to(st, a, &spec, "tester", &res, &err), STATUS_CATALOG_NO_ITEMS);
    status_detail_free(&err);
    sqlite3_stmt *s = store_prepare(st, "SELECT count(*) FROM assessment");
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(s, 0), 1);
    sqlite3_finalize(s);
}
