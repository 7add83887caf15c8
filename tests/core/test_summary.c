/* core/assess/summary: the workbench's fast assessment rows and summaries must agree with
 * assess_list and progress_compute on every field, for a mix of parties, meanings and dates. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "testutil.h"
#include "base/lib.h"
#include "workspace/lib.h"

static char *dir;
static store *st;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-04-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, TOP_SRCDIR "/tests/screen/data/catalogs");
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(summary, .init = setup, .fini = teardown);

static int64_t make(const char *cat, int fy, int64_t vendor)
{
    assess_spec spec = {.catalog_id = cat, .scope = SCOPE_ORG, .fy = fy, .vendor_id = vendor};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(assess_create(st, &spec, "試験者", &id, &err), STATUS_OK, "%s", test_msg(&err));
    return id;
}

static void put(int64_t aid, const char *item, answer_party party, const char *value, const char *due,
                   const char *done, responsibility owner)
{
    answer_change ch = {.fields = AF_VALUE, .value = value};
    if (due) {
        ch.fields |= AF_DUE;
        ch.due = due;
    }
    if (done) {
        ch.fields |= AF_DONE;
        ch.done = done;
    }
    if (owner != RESP_NONE) {
        ch.fields |= AF_OWNER;
        ch.owner = owner;
    }
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, aid, item, party, 0, &ch, "試験者", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
}

Test(summary, rows_and_summaries_agree_with_assess_list)
{
    ws_vendor v = {.name = (char[]){"東日本メディカル株式会社"}};
    int64_t vid = 0;
    status_detail err = {0};
    cr_assert_eq(ws_vendor_save(st, &v, "試験者", &vid, &err), STATUS_OK, "%s", test_msg(&err));

    int64_t a1 = make("fx-guide", 2025, vid);
    int64_t a2 = make("fx-guide", 2026, vid);
    int64_t a3 = make("fx-check", 2026, 0);
    (void)a1;
    /* a2: positive with an old due date (not overdue), negative overdue, partial with done,
     * not applicable overdue-looking (not overdue), a vendor answer overridden by an agreed one. */
    put(a2, "g-1-1", PARTY_HOSPITAL, "implemented", "2026-01-01", NULL, RESP_NONE);
    put(a2, "g-1-2", PARTY_HOSPITAL, "not_implemented", "2026-03-31", NULL, RESP_VENDOR);
    put(a2, "g-1-3", PARTY_HOSPITAL, "partial", "2026-02-01", "2026-03-01", RESP_JOINT);
    put(a2, "g-2-1", PARTY_HOSPITAL, "na", "2026-01-15", NULL, RESP_NA);
    put(a2, "g-2-2", PARTY_VENDOR, "implemented", NULL, NULL, RESP_NONE);
    put(a2, "g-2-2", PARTY_AGREED, "not_implemented", "2026-04-09", NULL, RESP_NONE);
    /* a3: one answered, one due tomorrow (not overdue) */
    put(a3, "k-1", PARTY_HOSPITAL, "yes", NULL, NULL, RESP_HOSPITAL);
    put(a3, "k-2", PARTY_HOSPITAL, "no", "2026-04-11", NULL, RESP_NONE);

    assessment *ref = NULL, *fast = NULL;
    size_t nr, nf;
    cr_assert_eq(assess_list(st, NULL, &ref, &nr, NULL), STATUS_OK);
    cr_assert_eq(summary_assess_rows(st, &fast, &nf, NULL), STATUS_OK);
    cr_assert_eq(nr, 3);
    cr_assert_eq(nf, nr);
    summary_cache cache = {0};
    for (size_t i = 0; i < nr; i++) {
        cr_assert_eq(fast[i].id, ref[i].id, "order differs at %zu", i);
        cr_assert_str_eq(fast[i].catalog_id, ref[i].catalog_id);
        cr_assert_str_eq(fast[i].catalog_version, ref[i].catalog_version);
        cr_assert_eq(fast[i].fy, ref[i].fy);
        cr_assert_eq(fast[i].vendor_id, ref[i].vendor_id);
        cr_assert_eq(fast[i].items, -1, "rows come without summaries");
        int by_owner[RESP__COUNT];
        cr_assert(summary_compute(st, &cache, &fast[i], jpdate_today(), by_owner));
        cr_assert_eq(fast[i].items, ref[i].items, "#%lld items", (long long)ref[i].id);
        cr_assert_eq(fast[i].answered, ref[i].answered, "#%lld answered", (long long)ref[i].id);
        cr_assert_eq(fast[i].positive, ref[i].positive, "#%lld positive", (long long)ref[i].id);
        cr_assert_eq(fast[i].not_applicable, ref[i].not_applicable, "#%lld na", (long long)ref[i].id);
        cr_assert_eq(fast[i].overdue, ref[i].overdue, "#%lld overdue", (long long)ref[i].id);
        progress_row *rows = NULL;
        size_t n = 0;
        cr_assert_eq(progress_compute(st, ref[i].id, jpdate_today(), 0, false, &rows, &n, &err), STATUS_OK);
        for (int r = 0; r < RESP__COUNT; r++)
            cr_assert_eq(by_owner[r], rows[0].by_owner[r], "#%lld owner %d", (long long)ref[i].id, r);
        progress_free(rows, n);
    }
    /* The concrete numbers, so agreement cannot come from both being wrong in the same way. */
    const assessment *g26 = NULL;
    for (size_t i = 0; i < nf; i++)
        if (fast[i].id == a2)
            g26 = &fast[i];
    cr_assert_not_null(g26);
    cr_assert_eq(g26->items, 5);
    cr_assert_eq(g26->answered, 5);
    cr_assert_eq(g26->positive, 1);
    cr_assert_eq(g26->not_applicable, 1);
    cr_assert_eq(g26->overdue, 2, "g-1-2 (due 3/31) and g-2-2 agreed (due 4/9) are overdue on 4/10");
    /* one catalog load per catalog, not per assessment */
    cr_assert_eq(cache.len, 2);
    summary_cache_free(&cache);
    assessment_list_free(ref, nr);
    assessment_list_free(fast, nf);
}

Test(summary, missing_catalog_leaves_summary_unknown)
{
    assessment a = {.id = 999, .catalog_id = (char[]){"no-such"}, .catalog_version = (char[]){"1"}};
    a.items = -1;
    summary_cache cache = {0};
    cr_assert_not(summary_compute(st, &cache, &a, jpdate_today(), NULL));
    cr_assert_eq(a.items, -1);
    cr_assert_eq(cache.len, 0);
    summary_cache_free(&cache);
}

/* The rows on screen summarised together (one query over all their answers) give what each
 * gives alone and what assess_list gives, also where two vendors answered one item and the
 * first vendor's row has a date but no value (the effective answer is that row: unanswered). */
Test(summary, rows_at_once_agree_with_assess_list)
{
    status_detail err = {0};
    ws_vendor v1 = {.name = (char[]){"東日本メディカル株式会社"}}, v2 = {.name = (char[]){"西日本システム株式会社"}};
    int64_t vid1 = 0, vid2 = 0;
    cr_assert_eq(ws_vendor_save(st, &v1, "試験者", &vid1, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(ws_vendor_save(st, &v2, "試験者", &vid2, &err), STATUS_OK, "%s", test_msg(&err));
    int64_t a1 = make("fx-guide", 2025, vid1), a2 = make("fx-guide", 2026, vid1), a3 = make("fx-check", 2026, 0);
    put(a1, "g-1-1", PARTY_HOSPITAL, "implemented", NULL, NULL, RESP_VENDOR);
    put(a2, "g-1-2", PARTY_HOSPITAL, "not_implemented", "2026-03-31", NULL, RESP_NONE);
    put(a3, "k-1", PARTY_HOSPITAL, "yes", NULL, NULL, RESP_HOSPITAL);
    answer_change due_only = {.fields = AF_DUE, .due = "2026-01-01"};
    cr_assert_eq(assess_answer_set(st, a2, "g-2-1", PARTY_VENDOR, vid1, &due_only, "試験者", NULL, NULL, &err),
                 STATUS_OK, "%s", test_msg(&err));
    answer_change val = {.fields = AF_VALUE, .value = "implemented"};
    cr_assert_eq(assess_answer_set(st, a2, "g-2-1", PARTY_VENDOR, vid2, &val, "試験者", NULL, NULL, &err), STATUS_OK,
                 "%s", test_msg(&err));

    assessment *ref = NULL, *fast = NULL;
    size_t nr, nf;
    cr_assert_eq(assess_list(st, NULL, &ref, &nr, NULL), STATUS_OK);
    cr_assert_eq(summary_assess_rows(st, &fast, &nf, NULL), STATUS_OK);
    cr_assert_eq(nf, 3);
    assessment *rows[3] = {&fast[0], &fast[1], &fast[2]};
    int owners[3][RESP__COUNT];
    summary_cache cache = {0};
    summary_compute_rows(st, &cache, rows, 3, jpdate_today(), owners);
    cr_assert_eq(cache.len, 2, "counted once per catalog");
    for (size_t i = 0; i < nr; i++) {
        cr_assert_eq(fast[i].id, ref[i].id);
        cr_assert_eq(fast[i].items, ref[i].items, "#%lld items", (long long)ref[i].id);
        cr_assert_eq(fast[i].answered, ref[i].answered, "#%lld answered", (long long)ref[i].id);
        cr_assert_eq(fast[i].positive, ref[i].positive, "#%lld positive", (long long)ref[i].id);
        cr_assert_eq(fast[i].not_applicable, ref[i].not_applicable, "#%lld na", (long long)ref[i].id);
        cr_assert_eq(fast[i].overdue, ref[i].overdue, "#%lld overdue", (long long)ref[i].id);
        assessment one = ref[i];
        one.items = -1;
        int alone[RESP__COUNT];
        cr_assert(summary_compute(st, &cache, &one, jpdate_today(), alone));
        progress_row *pr = NULL;
        size_t n = 0;
        cr_assert_eq(progress_compute(st, ref[i].id, jpdate_today(), 0, false, &pr, &n, &err), STATUS_OK);
        for (int r = 0; r < RESP__COUNT; r++) {
            cr_assert_eq(owners[i][r], pr[0].by_owner[r], "#%lld owner %d", (long long)ref[i].id, r);
            cr_assert_eq(alone[r], owners[i][r]);
        }
        progress_free(pr, n);
        if (ref[i].id == a2) {
            cr_assert_eq(fast[i].answered, 1, "g-2-1: the first vendor's row, with no value, is the effective one");
            cr_assert_eq(fast[i].overdue, 2, "g-1-2 (3/31) and g-2-1 (1/1, no value) are overdue on 4/10");
        }
    }
    summary_cache_free(&cache);
    assessment_list_free(ref, nr);
    assessment_list_free(fast, nf);
}
