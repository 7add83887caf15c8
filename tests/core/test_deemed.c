/* core/contract/deemed: the guideline 7.0 保守委託機関編 deemed-compliance rule on a fixture inventory
 * with the shipped catalogs (clause C23, the 【別紙】 catalog): eligible, each reason for not, the
 * clause that states the duty, C23 proposed only where the vendor applies updates, and the 別紙
 * status per vendor. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "contract_fixture.h"

static void set_updates(store *st, int64_t id, const char *by, ws_tri in_contract)
{
    ws_system sys;
    status_detail err = {0};
    cr_assert_eq(ws_system_get(st, id, &sys, &err), STATUS_OK);
    free(sys.security_updates_by);
    sys.security_updates_by = by ? xstrdup(by) : NULL;
    sys.security_updates_in_contract = in_contract;
    cr_assert_eq(ws_system_save(st, &sys, "tester", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    ws_system_free(&sys);
}

static deemed_report compute(store *st)
{
    deemed_report r;
    status_detail err = {0};
    cr_assert_eq(deemed_compute(st, false, &r, &err), STATUS_OK, "%s", test_msg(&err));
    return r;
}

static const deemed_system *sys_named(const deemed_report *r, const char *name)
{
    for (size_t i = 0; i < r->nsystems; i++)
        if (strcmp(r->systems[i].system_name, name) == 0)
            return &r->systems[i];
    cr_assert_fail("no system %s in the report", name);
    return NULL;
}

static const contract_clause *c23(const contract_clause_list *l)
{
    const contract_clause *c = contract_clause_find(l, "C23");
    cr_assert_not_null(c);
    return c;
}

Test(deemed, eligible_when_every_system_is_updated_by_its_vendor_under_a_clause)
{
    contract_fx f = fx_open(true);
    set_updates(f.st, f.pacs, "vendor", TRI_UNKNOWN);
    deemed_report r = compute(f.st);
    cr_assert(r.eligible);
    cr_assert_eq(r.nsystems, 1);
    const deemed_system *d = &r.systems[0];
    cr_expect_eq(d->reason, DEEMED_MET);
    cr_expect_eq(d->contract_id, f.contract);
    cr_expect_str_eq(d->contract_label, "保守契約第12号");
    cr_expect_str_eq(d->clause_ref, "C23");
    cr_expect_gt(d->article, 0, "C23 is an article of the annex");
    cr_expect_not(d->decided, "only proposed so far");
    cr_expect_not(d->by_hand);
    deemed_report_free(&r);

    status_detail err = {0};
    cr_assert_eq(contract_clause_decide(f.st, f.contract, "C23", CLAUSE_INCLUDE, "保守契約で合意", "tester", &err),
                 STATUS_OK, "%s", test_msg(&err));
    r = compute(f.st);
    cr_expect(r.systems[0].decided, "included by decision");
    deemed_report_free(&r);
    fx_close(&f);
}

Test(deemed, c23_is_proposed_only_where_the_vendor_applies_updates)
{
    contract_fx f = fx_open(true);
    contract_clause_list l = fx_clauses(&f);
    cr_expect_not(c23(&l)->proposed, "not recorded: not proposed");
    contract_clause_list_free(&l);

    set_updates(f.st, f.pacs, "hospital", TRI_UNKNOWN);
    l = fx_clauses(&f);
    cr_expect_not(c23(&l)->proposed, "updates by the hospital: not proposed");
    cr_expect_eq(l.facts.f[FACT_VENDOR_UPDATES].value, TRI_NO);
    contract_clause_list_free(&l);

    set_updates(f.st, f.pacs, "vendor", TRI_UNKNOWN);
    l = fx_clauses(&f);
    cr_expect(c23(&l)->proposed);
    cr_expect(c23(&l)->included);
    char *why = contract_clause_why(&l, c23(&l), false);
    cr_expect(strstr(why, "事業者によるセキュリティアップデート: あり (PACS)"), "%s", why);
    free(why);
    contract_clause_list_free(&l);
    fx_close(&f);
}

Test(deemed, each_reason_for_not)
{
    contract_fx f = fx_open(true);
    set_updates(f.st, f.pacs, "vendor", TRI_UNKNOWN);
    int64_t ehr = fx_system(f.st, "電子カルテ", f.other_vendor, TRI_NO, NULL, TRI_NO);
    int64_t lab = fx_system(f.st, "検査システム", f.vendor, TRI_NO, NULL, TRI_NO);
    int64_t net = fx_system(f.st, "院内ネットワーク", 0, TRI_NO, NULL, TRI_NO);
    int64_t rad = fx_system(f.st, "放射線部門", f.vendor, TRI_NO, NULL, TRI_NO);
    int64_t sla = fx_system(f.st, "クラウド予約", f.other_vendor, TRI_NO, NULL, TRI_NO);
    set_updates(f.st, ehr, "vendor", TRI_NO);      /* by the vendor, no contract says so */
    set_updates(f.st, lab, "hospital", TRI_UNKNOWN);
    set_updates(f.st, net, "none", TRI_UNKNOWN);
    (void)rad;                                     /* not recorded */
    set_updates(f.st, sla, "vendor", TRI_YES);     /* stated in an SLA kept outside anzen */

    deemed_report r = compute(f.st);
    cr_expect_not(r.eligible);
    cr_assert_eq(r.nsystems, 6);
    cr_expect_eq(sys_named(&r, "PACS")->reason, DEEMED_MET);
    cr_expect_eq(sys_named(&r, "電子カルテ")->reason, DEEMED_NO_CONTRACT_CLAUSE);
    cr_expect_eq(sys_named(&r, "検査システム")->reason, DEEMED_UPDATES_BY_HOSPITAL);
    cr_expect_eq(sys_named(&r, "院内ネットワーク")->reason, DEEMED_UPDATES_BY_NOBODY);
    cr_expect_eq(sys_named(&r, "放射線部門")->reason, DEEMED_UPDATES_NOT_RECORDED);
    const deemed_system *s = sys_named(&r, "クラウド予約");
    cr_expect_eq(s->reason, DEEMED_MET);
    cr_expect(s->by_hand);
    cr_expect_eq(s->contract_id, 0);
    cr_expect_str_eq(deemed_reasons[DEEMED_UPDATES_BY_HOSPITAL].en, "updates by the hospital");
    cr_expect_str_eq(deemed_reasons[DEEMED_NO_CONTRACT_CLAUSE].en, "no contract clause for security updates");
    deemed_report_free(&r);
    fx_close(&f);
}

Test(deemed, an_excluded_clause_states_nothing)
{
    contract_fx f = fx_open(true);
    set_updates(f.st, f.pacs, "vendor", TRI_UNKNOWN);
    status_detail err = {0};
    cr_assert_eq(contract_clause_decide(f.st, f.contract, "C23", CLAUSE_EXCLUDE, "別契約で定める", "tester", &err),
                 STATUS_OK);
    deemed_report r = compute(f.st);
    cr_expect_not(r.eligible);
    cr_expect_eq(r.systems[0].reason, DEEMED_NO_CONTRACT_CLAUSE);
    cr_expect_eq(r.systems[0].contract_id, 0);
    deemed_report_free(&r);
    fx_close(&f);
}

Test(deemed, an_empty_inventory_is_not_eligible)
{
    char *dir = test_tmpdir();
    store *st = test_store_open(dir);
    fx_sync(st, true);
    deemed_report r = compute(st);
    cr_expect_not(r.eligible);
    cr_expect_eq(r.nsystems, 0);
    cr_expect_eq(r.nvendors, 0);
    deemed_report_free(&r);
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

static void answer_with(store *st, int64_t aid, const char *item, const char *value)
{
    status_detail err = {0};
    answer_change ch = {.fields = AF_VALUE | AF_REASON, .value = value, .reason = "理由"};
    cr_assert_eq(assess_answer_set(st, aid, item, PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_OK,
                 "%s", test_msg(&err));
}

Test(deemed, annex_status_per_vendor_from_the_newest_assessment)
{
    contract_fx f = fx_open(true);
    fx_system(f.st, "電子カルテ", f.other_vendor, TRI_NO, NULL, TRI_NO);
    status_detail err = {0};
    int64_t old = 0, aid = 0;
    assess_spec spec = {.catalog_id = DEEMED_ANNEX_CATALOG, .scope = SCOPE_SYSTEM, .system_id = f.pacs, .fy = 2025};
    cr_assert_eq(assess_create(f.st, &spec, "tester", &old, &err), STATUS_OK, "%s", test_msg(&err));
    answer_with(f.st, old, "ann7-sds-emergency-account-proc", "no");
    spec.fy = 2026;
    cr_assert_eq(assess_create(f.st, &spec, "tester", &aid, &err), STATUS_OK, "%s", test_msg(&err));
    answer_with(f.st, aid, "ann7-sds-bcp-doc", "no");
    answer_with(f.st, aid, "ann7-sds-emergency-account-proc", "yes");
    answer_with(f.st, aid, "ann7-sds-security-clauses", "na");

    deemed_report r = compute(f.st);
    cr_expect(r.annex_catalog_loaded);
    cr_assert_eq(r.nvendors, 2);
    const deemed_vendor *a = &r.vendors[0], *b = &r.vendors[1];
    cr_assert_str_eq(a->vendor_name, "A社");
    cr_expect_eq(a->assessment_id, aid, "the newest fiscal year wins");
    cr_expect_eq(a->fy, 2026);
    cr_expect_eq(a->items, 18, "the 18 known 別紙 items");
    cr_expect_eq(a->negative, 1);
    cr_expect_eq(a->unanswered, 15);
    cr_assert_eq(a->nnegative_items, 1);
    cr_expect(strstr(a->negative_items[0], "BCP手順書の提供"), "%s", a->negative_items[0]);
    cr_assert_str_eq(b->vendor_name, "B社");
    cr_expect_eq(b->assessment_id, 0, "B社 has no 別紙 assessment");
    deemed_report_free(&r);
    fx_close(&f);
}

Test(deemed, updates_by_is_checked_and_nothing_written)
{
    cr_expect_str_eq(ws_updates_by_parse("事業者"), "vendor");
    cr_expect_str_eq(ws_updates_by_parse("医療機関"), "hospital");
    cr_expect_str_eq(ws_updates_by_parse("なし"), "none");
    cr_expect_str_eq(ws_updates_by_parse(""), "");
    cr_expect_null(ws_updates_by_parse("自分"));
    contract_fx f = fx_open(true);
    ws_system sys;
    status_detail err = {0};
    cr_assert_eq(ws_system_get(f.st, f.pacs, &sys, &err), STATUS_OK);
    sys.security_updates_by = xstrdup("maybe");
    cr_expect_eq(ws_system_save(f.st, &sys, "tester", NULL, &err), STATUS_UPDATES_BY_UNKNOWN);
    cr_expect_str_eq(err.field, "security_updates_by");
    cr_expect_str_eq(err.value, "maybe");
    status_detail_free(&err);
    ws_system_free(&sys);
    cr_assert_eq(ws_system_get(f.st, f.pacs, &sys, &err), STATUS_OK);
    cr_expect_null(sys.security_updates_by, "nothing written");
    ws_system_free(&sys);
    fx_close(&f);
}

/* The dashboard computes the report only once this is true: a system in service says who applies
 * its security updates (an archived one, or none recorded, leaves it false). */
Test(deemed, recorded_only_by_a_system_in_service)
{
    contract_fx f = fx_open(true);
    cr_expect_not(deemed_recorded(f.st));
    set_updates(f.st, f.pacs, "vendor", TRI_UNKNOWN);
    cr_expect(deemed_recorded(f.st));
    status_detail err = {0};
    cr_assert_eq(ws_archive(f.st, WS_SYSTEM, f.pacs, true, "tester", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_not(deemed_recorded(f.st));
    fx_close(&f);
}
