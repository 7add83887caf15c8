/* An assessment's answers by item (answer_set index): the full load, the values-only load that
 * progress and summaries read, and reading one item again after a change (assess_reload_item),
 * on a generated 1,500-item catalog with several parties per item and ids that are not there. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

enum { ITEMS = 1500 };

static char *dir;
static store *st;
static int64_t aid;

static const char *value_of(int k)
{
    static const char *const v[] = {"yes", "no", NULL};
    return v[k % 3];
}

static void write_answers(void)
{
    status_detail err = {0};
    cr_assert_eq(store_begin(st, &err), 0);
    int64_t act = history_action(st, "試験者", "import", aid, 0, &err);
    cr_assert(act > 0, "%s", test_msg(&err));
    char item[32];
    for (int k = 0; k < ITEMS; k++) {
        snprintf(item, sizeof item, "item-%d", k);
        if (value_of(k)) {
            answer_change ch = {.fields = AF_VALUE | AF_NOTE, .value = value_of(k), .note = "確認済み"};
            cr_assert_eq(assess_answer_write(st, act, aid, item, PARTY_HOSPITAL, 0, &ch, "試験者", NULL, &err),
                         STATUS_OK, "%s", test_msg(&err));
        }
        if (k % 7 == 0) { /* several parties on one item: the agreed answer counts */
            answer_change v = {.fields = AF_VALUE, .value = "no"}, g = {.fields = AF_VALUE, .value = "yes"};
            cr_assert_eq(assess_answer_write(st, act, aid, item, PARTY_VENDOR, 0, &v, "試験者", NULL, &err), STATUS_OK,
                         "%s", test_msg(&err));
            cr_assert_eq(assess_answer_write(st, act, aid, item, PARTY_AGREED, 0, &g, "試験者", NULL, &err), STATUS_OK,
                         "%s", test_msg(&err));
        }
    }
    cr_assert_eq(store_commit(st, &err), 0);
}

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-04-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    strbuf y = {0};
    sb_add(&y, "format: anzen-catalog/1\ncatalog:\n  id: idx\n  version: \"1\"\n  revision: 1\n  kind: guideline\n"
               "  title: {ja: 索引の試験}\n  publisher: 試験\n  published: 2025-01-01\n"
               "  source: {title: 試験, url: \"https://example.org\"}\n  completeness: {status: complete}\n"
               "  answers:\n    - {value: \"yes\", label: {ja: はい}, meaning: positive}\n"
               "    - {value: \"no\", label: {ja: いいえ}, meaning: negative}\n  dates: [due]\nnodes:\n");
    for (int k = 0; k < ITEMS; k++) {
        if (k % 100 == 0)
            sb_addf(&y, "  - {id: ch-%d, kind: heading, title: {ja: 第%d章}}\n", k / 100, k / 100 + 1);
        sb_addf(&y, "  - {id: item-%d, kind: item, parent: ch-%d, text: {ja: 確認項目%d}, source: x, verified: false}\n",
                k, k / 100, k);
    }
    char *cats = xasprintf("%s/catalogs", dir);
    char *mk = xasprintf("mkdir -p '%s'", cats);
    cr_assert_eq(system(mk), 0);
    free(test_write(cats, "idx-1.yaml", sb_str(&y)));
    test_sync_catalogs(st, cats);
    free(mk);
    free(cats);
    sb_free(&y);
    status_detail err = {0};
    ws_vendor v = {.name = (char[]){"試験メディカル"}};
    int64_t vendor = 0;
    cr_assert_eq(ws_vendor_save(st, &v, "試験者", &vendor, &err), STATUS_OK, "%s", test_msg(&err));
    assess_spec spec = {.catalog_id = "idx", .scope = SCOPE_ORG, .fy = 2025, .vendor_id = vendor};
    cr_assert_eq(assess_create(st, &spec, "試験者", &aid, &err), STATUS_OK, "%s", test_msg(&err));
    write_answers();
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(answers_index, .init = setup, .fini = teardown);

/* What item k's effective answer must be, as written. */
static const char *expected(int k)
{
    return k % 7 == 0 ? "yes" : value_of(k);
}

static void expect_all(const answer_set *set)
{
    char item[32];
    for (int k = 0; k < ITEMS; k++) {
        snprintf(item, sizeof item, "item-%d", k);
        const answer *e = answer_set_effective(set, item);
        if (!expected(k)) {
            cr_assert_null(e, "%s", item);
            continue;
        }
        cr_assert_not_null(e, "%s", item);
        cr_assert_str_eq(e->value, expected(k), "%s", item);
        cr_assert_str_eq(e->item_id, item);
        const answer *v = answer_set_find(set, item, PARTY_VENDOR);
        cr_assert_eq(v != NULL, k % 7 == 0, "%s", item);
    }
}

Test(answers_index, full_and_values_only_loads_find_every_item_and_party)
{
    answer_set full = {0}, values = {0};
    status_detail err = {0};
    cr_assert_eq(assess_load_answers(st, aid, &full, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(assess_load_answer_values(st, aid, &values, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(full.len, values.len);
    cr_assert_not(full.unordered);
    cr_assert_not(values.unordered);
    expect_all(&full);
    expect_all(&values);
    cr_assert_str_eq(answer_set_find(&full, "item-0", PARTY_HOSPITAL)->note, "確認済み");
    cr_assert_null(answer_set_find(&values, "item-0", PARTY_HOSPITAL)->note, "values only: no notes");
    /* ids that are not there */
    cr_assert_null(answer_set_effective(&full, "item-1500"));
    cr_assert_null(answer_set_effective(&values, "ch-0"));
    cr_assert_null(answer_set_find(&full, "", PARTY_HOSPITAL));
    answer_set_free(&full);
    answer_set_free(&values);
}

Test(answers_index, an_item_read_again_in_place_keeps_pointers_and_other_items)
{
    answer_set set = {0};
    status_detail err = {0};
    cr_assert_eq(assess_load_answers(st, aid, &set, &err), STATUS_OK);
    const answer *before = answer_set_find(&set, "item-1", PARTY_HOSPITAL);
    answer_change ch = {.fields = AF_VALUE, .value = "yes"};
    cr_assert_eq(assess_answer_set(st, aid, "item-1", PARTY_HOSPITAL, 0, &ch, "試験者", NULL, NULL, &err), STATUS_OK);
    bool moved = true;
    cr_assert_eq(assess_reload_item(st, aid, "item-1", &set, &moved, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_not(moved);
    cr_assert_eq(answer_set_find(&set, "item-1", PARTY_HOSPITAL), before);
    cr_assert_str_eq(before->value, "yes");
    cr_assert_str_eq(before->item_id, "item-1");
    cr_assert_str_eq(answer_set_effective(&set, "item-4")->value, "no");
    answer_set_free(&set);
}

Test(answers_index, an_item_that_gains_rows_moves_the_set_and_every_item_is_still_found)
{
    answer_set set = {0};
    status_detail err = {0};
    cr_assert_eq(assess_load_answers(st, aid, &set, &err), STATUS_OK);
    size_t len = set.len;
    /* item-2 had no answer; item-14 (vendor and agreed answers) gets the hospital's too */
    answer_change ch = {.fields = AF_VALUE, .value = "no"};
    cr_assert_eq(assess_answer_set(st, aid, "item-2", PARTY_HOSPITAL, 0, &ch, "試験者", NULL, NULL, &err), STATUS_OK);
    cr_assert_eq(assess_answer_set(st, aid, "item-14", PARTY_HOSPITAL, 0, &ch, "試験者", NULL, NULL, &err), STATUS_OK);
    bool moved = false;
    cr_assert_eq(assess_reload_item(st, aid, "item-2", &set, &moved, &err), STATUS_OK);
    cr_assert(moved);
    cr_assert_eq(assess_reload_item(st, aid, "item-14", &set, &moved, &err), STATUS_OK);
    cr_assert(moved);
    cr_assert_eq(set.len, len + 1 + 1);
    cr_assert_not(set.unordered);
    cr_assert_str_eq(answer_set_effective(&set, "item-2")->value, "no");
    cr_assert_str_eq(answer_set_effective(&set, "item-14")->value, "yes", "the agreed answer counts");
    cr_assert_str_eq(answer_set_find(&set, "item-14", PARTY_HOSPITAL)->value, "no");
    /* everything else as loaded from scratch */
    answer_set fresh = {0};
    cr_assert_eq(assess_load_answers(st, aid, &fresh, &err), STATUS_OK);
    char item[32];
    for (int k = 0; k < ITEMS; k++) {
        snprintf(item, sizeof item, "item-%d", k);
        for (int p = 0; p < PARTY__COUNT; p++) {
            const answer *x = answer_set_find(&set, item, (answer_party)p),
                         *y = answer_set_find(&fresh, item, (answer_party)p);
            cr_assert_eq(x != NULL, y != NULL, "%s party %d", item, p);
            if (x)
                cr_assert_str_eq(x->value, y->value, "%s party %d", item, p);
        }
    }
    answer_set_free(&fresh);
    cr_assert_null(answer_set_find(&set, "item-1500", PARTY_HOSPITAL));
    answer_set_free(&set);
}
