/* A workspace for the contract and annex tests: the screen-test catalogs (fx-guide, fx-check)
 * plus the fixture clause library tests/fixtures/contract (fx-clauses), or the shipped catalogs;
 * a hospital, vendors and a PACS with remote maintenance over IPsec-VPN and patient data used in
 * maintenance. */
#ifndef ANZEN_TEST_CONTRACT_FIXTURE_H
#define ANZEN_TEST_CONTRACT_FIXTURE_H

#include <criterion/criterion.h>
#include <stdlib.h>

#include "contract/lib.h"
#include "testutil.h"

typedef struct {
    char *dir;
    store *st;
    int64_t vendor, other_vendor, pacs, contract;
} contract_fx;

static inline void fx_sync(store *st, bool shipped)
{
    strlist dirs = {0};
    if (shipped) {
        sl_push(&dirs, TOP_SRCDIR "/data/catalogs");
    } else {
        sl_push(&dirs, TOP_SRCDIR "/tests/screen/data/catalogs");
        sl_push(&dirs, TOP_SRCDIR "/tests/fixtures/contract");
    }
    diag_list diags = {0};
    status_detail err = {0};
    cr_assert_eq(catalog_sync(st, &dirs, &diags, NULL, &err), STATUS_OK, "%s", test_msg(&err));
    for (size_t i = 0; i < diags.len; i++) {
        char *m = diag_format(&diags.items[i]);
        cr_log_error("%s", m);
        free(m);
    }
    cr_assert_eq(diags.len, 0);
    diag_free(&diags);
    sl_free(&dirs);
}

static inline int64_t fx_vendor(store *st, const char *name)
{
    ws_vendor v = {.name = xstrdup(name)};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(ws_vendor_save(st, &v, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    ws_vendor_free(&v);
    return id;
}

/* A system with the facts the scenario needs; hosting "on-premises". */
static inline int64_t fx_system(store *st, const char *name, int64_t vendor, ws_tri remote, const char *method,
                                ws_tri patient_data)
{
    ws_system sys = {.name = xstrdup(name), .category = xstrdup("pacs"), .vendor_id = vendor,
                     .hosting = xstrdup("on-premises"), .remote_maintenance = remote,
                     .remote_method = method ? xstrdup(method) : NULL, .patient_data_in_maintenance = patient_data};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(ws_system_save(st, &sys, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    ws_system_free(&sys);
    return id;
}

/* Sets one fact of a saved system. */
static inline void fx_set_remote(store *st, int64_t id, ws_tri remote)
{
    ws_system sys;
    status_detail err = {0};
    cr_assert_eq(ws_system_get(st, id, &sys, &err), STATUS_OK);
    sys.remote_maintenance = remote;
    cr_assert_eq(ws_system_save(st, &sys, "tester", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    ws_system_free(&sys);
}

static inline contract_fx fx_open(bool shipped)
{
    contract_fx f = {0};
    f.dir = test_tmpdir();
    f.st = test_store_open(f.dir);
    fx_sync(f.st, shipped);
    ws_org org = {.name = xstrdup("テスト総合病院"), .administrator = xstrdup("院長 山田太郎"),
                  .address = xstrdup("東京都千代田区1-1")};
    status_detail err = {0};
    cr_assert_eq(ws_org_save(f.st, &org, "tester", &err), STATUS_OK, "%s", test_msg(&err));
    ws_org_free(&org);
    f.vendor = fx_vendor(f.st, "A社");
    f.other_vendor = fx_vendor(f.st, "B社");
    f.pacs = fx_system(f.st, "PACS", f.vendor, TRI_YES, "IPsec-VPN", TRI_YES);
    int64_t systems[] = {f.pacs};
    contract_spec spec = {.vendor_id = f.vendor, .system_ids = systems, .nsystems = 1, .ref = "保守契約第12号",
                          .term_start = "2026-04-01", .term_end = "2027-03-31",
                          .clause_catalog = shipped ? NULL : "fx-clauses"};
    cr_assert_eq(contract_create(f.st, &spec, "tester", &f.contract, &err), STATUS_OK, "%s", test_msg(&err));
    return f;
}

static inline void fx_close(contract_fx *f)
{
    store_close(f->st);
    test_rm_rf(f->dir);
    free(f->dir);
}

/* The clause list of the fixture's contract (free with contract_clause_list_free). */
static inline contract_clause_list fx_clauses(contract_fx *f)
{
    contract k;
    status_detail err = {0};
    cr_assert_eq(contract_get(f->st, f->contract, &k, &err), STATUS_OK);
    contract_clause_list l;
    cr_assert_eq(contract_clauses(f->st, &k, &l, &err), STATUS_OK, "%s", test_msg(&err));
    contract_free(&k);
    return l;
}

#endif
