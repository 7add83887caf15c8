/* The walk-through's rules (assess/walk.h): which items are open with and without a filter, the
 * next open item (forward, backward, wrapping, none), the progress counts and the date a form
 * wants after an answer (today's 確認日, the fiscal year's end or the item's later deadline as
 * 目標日). Answers are written through assess_answer_set and read back as the TUI reads them.
 * Fixture tests/fixtures/walk (fx-walk@1); the last test checks the shipped R7 hospital checklist. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

static char *dir;
static store *st;
static int64_t aid, vendor_a, vendor_b;
static const catalog *cat;
static answer_set set;
static const char *today = "2026-05-10";

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/walk");
    status_detail err = {0};
    ws_vendor va = {.name = (char[]){"A社"}}, vb = {.name = (char[]){"B社"}};
    cr_assert_eq(ws_vendor_save(st, &va, "tester", &vendor_a, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(ws_vendor_save(st, &vb, "tester", &vendor_b, &err), STATUS_OK, "%s", test_msg(&err));
    assess_spec spec = {.catalog_id = "fx-walk", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "tester", &aid, &err), STATUS_OK, "%s", test_msg(&err));
    cat = catalog_db_get(st, "fx-walk", "1");
    cr_assert_not_null(cat);
    memset(&set, 0, sizeof set);
}

static void teardown(void)
{
    answer_set_free(&set);
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(walk, .init = setup, .fini = teardown);

static void change(const char *item, answer_party party, int64_t vendor, const answer_change *ch)
{
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, aid, item, party, vendor, ch, "tester", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
}

static void answer_as(const char *item, answer_party party, int64_t vendor, const char *value)
{
    change(item, party, vendor, &(answer_change){.fields = AF_VALUE, .value = value});
}

static void answer_hosp(const char *item, const char *value)
{
    answer_as(item, PARTY_HOSPITAL, 0, value);
}

/* The answers as the TUI holds them. */
static void reload(void)
{
    answer_set_free(&set);
    memset(&set, 0, sizeof set);
    status_detail err = {0};
    cr_assert_eq(assess_load_answers(st, aid, &set, &err), STATUS_OK, "%s", test_msg(&err));
}

static int node(const char *id)
{
    const catalog_node *n = catalog_find_node(cat, id);
    cr_assert_not_null(n, "%s", id);
    return (int)(n - cat->nodes);
}

static const char *next_id(const walk_filter *f, const char *from, int step)
{
    int i = walk_next_open(cat, &set, f, today, from ? node(from) : -1, step);
    return i < 0 ? "(none)" : cat->nodes[i].id;
}

Test(walk, unanswered_items_in_catalog_order_skipping_headings_and_wrapping)
{
    walk_filter all = {.kind = WALK_ALL};
    reload();
    cr_expect_str_eq(next_id(&all, NULL, 1), "w-0", "from the start: the top-level item first");
    cr_expect_str_eq(next_id(&all, "w-0", 1), "w-1", "the heading h1 is skipped");
    cr_expect_str_eq(next_id(&all, "h1", 1), "w-1");
    cr_expect_str_eq(next_id(&all, "w-2", 1), "w-3");
    cr_expect_str_eq(next_id(&all, "w-4", 1), "w-0", "wraps round after the last item");
    cr_expect_str_eq(next_id(&all, "w-1", -1), "w-0", "backwards");
    cr_expect_str_eq(next_id(&all, NULL, -1), "w-4", "backwards from the end");

    answer_hosp("w-1", "yes");
    answer_hosp("w-2", "no");
    reload();
    cr_expect_str_eq(next_id(&all, "w-0", 1), "w-3", "answered items are not open");
    answer_hosp("w-0", "na");
    answer_hosp("w-3", "partly");
    reload();
    cr_expect_str_eq(next_id(&all, "w-4", 1), "w-4", "the one open item: itself");
    cr_expect_str_eq(next_id(&all, "w-0", 1), "w-4");
    answer_hosp("w-4", "yes");
    reload();
    cr_expect_str_eq(next_id(&all, "w-0", 1), "(none)", "everything answered");
    cr_expect_eq(walk_next_open(cat, &set, &all, today, -1, 1), -1);
}

Test(walk, a_filter_makes_the_items_it_lets_through_open)
{
    answer_hosp("w-0", "no");
    answer_hosp("w-1", "yes");
    answer_hosp("w-3", "no");
    change("w-3", PARTY_HOSPITAL, 0, &(answer_change){.fields = AF_DUE, .due = "2026-03-31"});
    change("w-0", PARTY_HOSPITAL, 0, &(answer_change){.fields = AF_DUE, .due = "2027-03-31"});
    reload();
    walk_filter neg = {.kind = WALK_NEGATIVE};
    cr_expect_str_eq(next_id(&neg, NULL, 1), "w-0");
    cr_expect_str_eq(next_id(&neg, "w-0", 1), "w-3", "w-2 (unanswered) is not いいえ");
    cr_expect_str_eq(next_id(&neg, "w-3", 1), "w-0", "wraps");
    walk_filter late = {.kind = WALK_OVERDUE};
    cr_expect_str_eq(next_id(&late, NULL, 1), "w-3", "only w-3's 目標日 has passed (today 2026-05-10)");
    cr_expect_str_eq(next_id(&late, "w-3", 1), "w-3");
    walk_filter un = {.kind = WALK_UNANSWERED};
    cr_expect_str_eq(next_id(&un, NULL, 1), "w-2");
    cr_expect_str_eq(next_id(&un, "w-2", 1), "w-4");
    walk_filter vendor_items = {.kind = WALK_OWNER, .owner = RESP_VENDOR};
    cr_expect_str_eq(next_id(&vendor_items, NULL, 1), "w-2", "the catalog's default owner counts");
    change("w-4", PARTY_HOSPITAL, 0,
           &(answer_change){.fields = AF_OWNER, .owner = RESP_VENDOR, .owner_vendor_id = vendor_b});
    reload();
    cr_expect_str_eq(next_id(&vendor_items, "w-2", 1), "w-4", "and the answer's owner");
    walk_filter by_b = {.kind = WALK_VENDOR, .vendor = vendor_b};
    cr_expect_str_eq(next_id(&by_b, NULL, 1), "w-4");
    cr_expect_str_eq(next_id(&by_b, "w-4", 1), "w-4");
    cr_expect(walk_item_passes(cat, &cat->nodes[node("w-4")], &set, &by_b, today));
    cr_expect_not(walk_item_passes(cat, &cat->nodes[node("h2")], &set, &by_b, today), "a heading never passes");
}

Test(walk, disagreement_between_parties_until_an_agreed_answer)
{
    answer_hosp("w-1", "yes");
    answer_as("w-1", PARTY_VENDOR, vendor_a, "no");
    answer_hosp("w-2", "yes");
    answer_as("w-2", PARTY_VENDOR, vendor_a, "yes");
    answer_as("w-3", PARTY_VENDOR, vendor_a, "yes");
    answer_as("w-3", PARTY_VENDOR, vendor_b, "no");
    reload();
    cr_expect(walk_item_disagrees(&set, "w-1"), "hospital はい, vendor いいえ");
    cr_expect_not(walk_item_disagrees(&set, "w-2"), "the same value");
    cr_expect(walk_item_disagrees(&set, "w-3"), "two vendors differ");
    cr_expect_not(walk_item_disagrees(&set, "w-0"), "nobody answered");
    walk_filter dis = {.kind = WALK_DISAGREE};
    cr_expect_str_eq(next_id(&dis, NULL, 1), "w-1");
    cr_expect_str_eq(next_id(&dis, "w-1", 1), "w-3");
    answer_as("w-1", PARTY_AGREED, 0, "no");
    reload();
    cr_expect_not(walk_item_disagrees(&set, "w-1"), "the agreed answer settles it");
    cr_expect_str_eq(next_id(&dis, "w-3", 1), "w-3");
}

Test(walk, counts_of_the_progress_line)
{
    answer_hosp("w-0", "yes");
    answer_hosp("w-1", "no");
    change("w-1", PARTY_HOSPITAL, 0, &(answer_change){.fields = AF_DUE, .due = "2026-03-31"});
    answer_hosp("w-2", "na");
    change("w-2", PARTY_HOSPITAL, 0, &(answer_change){.fields = AF_DUE, .due = "2026-03-31"});
    change("w-4", PARTY_HOSPITAL, 0, &(answer_change){.fields = AF_NOTE, .note = "来月確認"});
    reload();
    walk_filter all = {.kind = WALK_ALL}, neg = {.kind = WALK_NEGATIVE};
    walk_counts c = walk_count(cat, &set, &all, today);
    cr_expect_eq(c.items, 5);
    cr_expect_eq(c.answered, 3, "a note alone is no answer");
    cr_expect_eq(c.remaining, 2);
    cr_expect_eq(c.overdue, 1, "対象外 is never overdue");
    cr_expect_eq(c.open, 2, "without a filter open = remaining");
    c = walk_count(cat, &set, &neg, today);
    cr_expect_eq(c.open, 1);
    cr_expect_eq(c.remaining, 2);
}

static walk_date_offer offer(const char *item, const char *value, int fy)
{
    reload();
    const answer_def *d = catalog_find_answer(cat, value);
    cr_assert_not_null(d);
    return walk_offer_date(cat, &cat->nodes[node(item)], d, answer_set_find(&set, item, PARTY_HOSPITAL), fy, today);
}

Test(walk, dates_a_form_wants_after_an_answer)
{
    walk_date_offer o = offer("w-1", "yes", 2025);
    cr_expect_eq(o.field, DATE_CHECKED);
    cr_expect_str_eq(o.iso, "2026-05-10", "はい: today as 確認日");
    o = offer("w-1", "no", 2025);
    cr_expect_eq(o.field, DATE_DUE);
    cr_expect_str_eq(o.iso, "2026-03-31", "いいえ in 令和7年度: the fiscal year's end as 目標日");
    o = offer("w-1", "partly", 2026);
    cr_expect_eq(o.field, DATE_DUE);
    cr_expect_str_eq(o.iso, "2027-03-31", "partial counts as open too");
    o = offer("w-2", "no", 2025);
    cr_expect_str_eq(o.iso, "2028-03-31", "the item's later deadline (target_fy 2027 = 令和9年度)");
    o = offer("w-3", "no", 2025);
    cr_expect_str_eq(o.iso, "2026-03-31", "a deadline already past: the assessment's year");
    o = offer("w-4", "no", 2025);
    cr_expect_str_eq(o.iso, "2026-03-31", "no deadline: the assessment's year");
    cr_expect_eq(offer("w-1", "na", 2025).field, 0, "対象外 wants no date");

    change("w-1", PARTY_HOSPITAL, 0, &(answer_change){.fields = AF_CHECKED | AF_DUE, .checked = "2026-04-01", .due = "2026-09-30"});
    cr_expect_eq(offer("w-1", "yes", 2025).field, 0, "確認日 is set already");
    cr_expect_eq(offer("w-1", "no", 2025).field, 0, "目標日 is set already");
    cr_expect_eq(walk_offer_date(cat, &cat->nodes[node("w-4")], NULL, NULL, 2025, today).field, 0, "no answer");
    walk_date_offer heading = walk_offer_date(cat, &cat->nodes[node("h1")], catalog_find_answer(cat, "yes"), NULL, 2025, today);
    cr_expect_eq(heading.field, 0);
}

Test(walk, a_form_without_the_date_wants_none)
{
    catalog c = *cat; /* the same items, as a form with only 確認日 */
    c.dates = DATE_CHECKED;
    const answer_def *no = catalog_find_answer(cat, "no"), *yes = catalog_find_answer(cat, "yes");
    cr_expect_eq(walk_offer_date(&c, &cat->nodes[node("w-1")], no, NULL, 2025, today).field, 0);
    cr_expect_eq(walk_offer_date(&c, &cat->nodes[node("w-1")], yes, NULL, 2025, today).field, DATE_CHECKED);
    c.dates = DATE_DUE;
    cr_expect_eq(walk_offer_date(&c, &cat->nodes[node("w-1")], yes, NULL, 2025, today).field, 0);
}

/* The issue's own example, on the shipped catalog: 22 items, and 二要素認証 (2-⑩, target_fy 2027)
 * answered いいえ in 令和7年度 proposes the end of 令和9年度. */
Test(walk, shipped_r7_hospital_checklist)
{
    char *sub = xasprintf("%s/shipped", dir);
    store *s2 = test_store_open(sub);
    test_sync_catalogs(s2, TOP_SRCDIR "/data/catalogs");
    const catalog *r7 = catalog_db_get(s2, "mhlw-checklist-hospital", "R7");
    cr_assert_not_null(r7);
    cr_expect_eq(catalog_item_count(r7), 22);
    const catalog_node *tfa = catalog_find_node(r7, "c7-2-10");
    cr_assert_not_null(tfa);
    cr_expect_str_eq(tfa->ref, "2-⑩");
    walk_date_offer o = walk_offer_date(r7, tfa, catalog_find_answer(r7, "no"), NULL, 2025, today);
    cr_expect_eq(o.field, DATE_DUE);
    cr_expect_str_eq(o.iso, "2028-03-31");
    o = walk_offer_date(r7, catalog_find_node(r7, "c7-1-01"), catalog_find_answer(r7, "no"), NULL, 2025, today);
    cr_expect_str_eq(o.iso, "2026-03-31");
    answer_set empty = {0};
    walk_filter all = {.kind = WALK_ALL};
    int first = walk_next_open(r7, &empty, &all, today, -1, 1);
    cr_assert_geq(first, 0);
    cr_expect_str_eq(r7->nodes[first].id, "c7-0");
    store_close(s2);
    free(sub);
}
