/* core/contract: creating contracts (and refusing bad ones without writing), clause proposals from
 * the systems' facts with their reasons, decisions with reasons in history, typed parameters,
 * the 責任分界表 (rules, answers' responsible party, edits) and open items. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "contract_fixture.h"
#include "history/lib.h"

static int count(store *st, const char *sql)
{
    sqlite3_stmt *q = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
    int n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

static const contract_clause *clause(const contract_clause_list *l, const char *id)
{
    const contract_clause *c = contract_clause_find(l, id);
    cr_assert_not_null(c, "no clause %s", id);
    return c;
}

Test(contract, create_and_read_back)
{
    contract_fx f = fx_open(false);
    contract k;
    status_detail err = {0};
    cr_assert_eq(contract_get(f.st, f.contract, &k, &err), STATUS_OK);
    cr_expect_str_eq(k.ref, "保守契約第12号");
    cr_expect_str_eq(k.vendor_name, "A社");
    cr_assert_eq(k.nsystems, 1);
    cr_expect_str_eq(k.system_names[0], "PACS");
    cr_expect_str_eq(k.term_start, "2026-04-01");
    cr_expect_str_eq(k.clause_catalog, "fx-clauses");
    cr_expect_str_eq(k.clause_version, "1");
    contract_free(&k);
    int64_t id = 0;
    cr_expect_eq(contract_find(f.st, "保守契約第12号", &id, &err), STATUS_OK);
    cr_expect_eq(id, f.contract);
    cr_expect_eq(contract_find(f.st, "#1", &id, &err), STATUS_OK);
    cr_expect_eq(contract_find(f.st, "保守契約第99号", &id, &err), STATUS_CONTRACT_NOT_FOUND);
    cr_expect_str_eq(test_msg(&err), "unknown contract \"保守契約第99号\"");
    status_detail_free(&err);
    cr_expect_gt(count(f.st, "SELECT count(*) FROM history WHERE entity = 'contract' AND field = 'systems' AND new_value = 'PACS'"), 0);
    fx_close(&f);
}

Test(contract, bad_contracts_are_refused_and_nothing_is_written)
{
    contract_fx f = fx_open(false);
    int before = count(f.st, "SELECT count(*) FROM contract") + count(f.st, "SELECT count(*) FROM history");
    status_detail err = {0};
    int64_t id;
    int64_t twice[] = {f.pacs, f.pacs}, none[] = {0}, missing[] = {99};
    struct {
        contract_spec spec;
        status_code want;
        const char *msg;
    } cases[] = {
        {{.vendor_id = f.vendor, .system_ids = none, .nsystems = 0}, STATUS_CONTRACT_NO_SYSTEM, "a contract covers at least one system"},
        {{.vendor_id = f.vendor, .system_ids = twice, .nsystems = 2}, STATUS_CONTRACT_SYSTEM_TWICE, "system \"PACS\" is named twice"},
        {{.vendor_id = f.vendor, .system_ids = missing, .nsystems = 1}, STATUS_SYSTEM_NOT_FOUND, "unknown system #99"},
        {{.vendor_id = 77, .system_ids = twice, .nsystems = 1}, STATUS_VENDOR_NOT_FOUND, "unknown vendor #77"},
        {{.vendor_id = f.vendor, .system_ids = twice, .nsystems = 1, .term_start = "2027-04-01", .term_end = "2026-04-01"},
         STATUS_TERM_ENDS_BEFORE_START, "the term ends (2026-04-01) before it starts (2027-04-01)"},
        {{.vendor_id = f.vendor, .system_ids = twice, .nsystems = 1, .term_start = "R8.4.1"}, STATUS_DATE_NOT_ISO,
         "term start: \"R8.4.1\" is not a date (YYYY-MM-DD)"},
        {{.vendor_id = f.vendor, .system_ids = twice, .nsystems = 1, .clause_catalog = "fx-guide"}, STATUS_CATALOG_NOT_CLAUSES,
         "catalog fx-guide@1 is a guideline, not a clause library"},
        {{.vendor_id = f.vendor, .system_ids = twice, .nsystems = 1, .clause_catalog = "nope"}, STATUS_CATALOG_NOT_FOUND,
         "unknown catalog nope"},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        status_detail_free(&err);
        cr_expect_eq(contract_create(f.st, &cases[i].spec, "tester", &id, &err), cases[i].want, "case %zu", i);
        cr_expect_str_eq(test_msg(&err), cases[i].msg, "case %zu", i);
        status_detail_free(&err);
    }
    cr_expect_eq(count(f.st, "SELECT count(*) FROM contract") + count(f.st, "SELECT count(*) FROM history"), before);
    fx_close(&f);
}

Test(contract, proposals_follow_the_systems_facts)
{
    contract_fx f = fx_open(false);
    contract_clause_list l = fx_clauses(&f);
    cr_assert_eq(l.len, 5);
    cr_expect(clause(&l, "c01")->proposed);
    cr_expect(clause(&l, "C06")->proposed, "remote maintenance: yes");
    cr_expect(clause(&l, "c08")->proposed, "patient data used in maintenance: yes");
    cr_expect_not(clause(&l, "c16")->proposed, "an on-premises PACS is not cloud");
    cr_expect_not(clause(&l, "c04")->proposed, "medical device not recorded");
    char *why = contract_clause_why(&l, clause(&l, "c06"), false);
    cr_expect_str_eq(why, "リモート保守: あり (PACS; IPsec-VPN)");
    free(why);
    why = contract_clause_why(&l, clause(&l, "c06"), true);
    cr_expect_str_eq(why, "remote maintenance: yes (PACS; IPsec-VPN)");
    free(why);
    why = contract_clause_why(&l, clause(&l, "c16"), false);
    cr_expect_str_eq(why, "クラウド: なし (PACS)");
    free(why);
    why = contract_clause_why(&l, clause(&l, "c04"), false);
    cr_expect_str_eq(why, "医療機器: 不明（台帳に記録なし） (PACS)");
    free(why);
    cr_expect_eq(clause(&l, "c01")->article, 1);
    cr_expect_eq(clause(&l, "c06")->article, 2);
    cr_expect_eq(clause(&l, "c08")->article, 3);
    contract_clause_list_free(&l);

    fx_set_remote(f.st, f.pacs, TRI_NO);
    l = fx_clauses(&f);
    cr_expect_not(clause(&l, "c06")->proposed, "remote maintenance: no removes the proposal");
    cr_expect_not(clause(&l, "c06")->included);
    cr_expect_eq(clause(&l, "c08")->article, 2);
    why = contract_clause_why(&l, clause(&l, "c06"), false);
    cr_expect_str_eq(why, "リモート保守: なし (PACS)");
    free(why);
    contract_clause_list_free(&l);
    fx_close(&f);
}

Test(contract, several_vendors_is_a_fact)
{
    contract_fx f = fx_open(false);
    int64_t ris = fx_system(f.st, "RIS", f.other_vendor, TRI_NO, NULL, TRI_NO);
    int64_t systems[] = {f.pacs, ris};
    contract_spec spec = {.vendor_id = f.vendor, .system_ids = systems, .nsystems = 2, .clause_catalog = "fx-clauses"};
    int64_t id;
    status_detail err = {0};
    cr_assert_eq(contract_create(f.st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    contract k;
    cr_assert_eq(contract_get(f.st, id, &k, &err), STATUS_OK);
    contract_facts facts;
    cr_assert_eq(contract_facts_compute(f.st, &k, &facts, &err), STATUS_OK);
    cr_expect_eq(facts.f[FACT_MULTIPLE_VENDORS].value, TRI_YES);
    cr_expect_str_eq(facts.f[FACT_MULTIPLE_VENDORS].systems, "A社, B社");
    cr_expect_eq(facts.f[FACT_REMOTE_MAINTENANCE].value, TRI_YES);
    cr_expect_str_eq(facts.f[FACT_REMOTE_MAINTENANCE].systems, "PACS");
    cr_expect_eq(facts.f[FACT_SUBCONTRACTING].value, TRI_UNKNOWN);
    contract_facts_free(&facts);
    contract_free(&k);
    fx_close(&f);
}

Test(contract, decisions_need_a_reason_and_are_kept_in_history)
{
    contract_fx f = fx_open(false);
    status_detail err = {0};
    cr_expect_eq(contract_clause_decide(f.st, f.contract, "c06", CLAUSE_EXCLUDE, "", "tester", &err), STATUS_CLAUSE_REASON_REQUIRED);
    cr_expect_str_eq(test_msg(&err), "excluding a clause needs a reason (kept in the history)");
    status_detail_free(&err);
    cr_expect_eq(contract_clause_decide(f.st, f.contract, "c99", CLAUSE_INCLUDE, "x", "tester", &err), STATUS_CLAUSE_NOT_FOUND);
    cr_expect_str_eq(test_msg(&err), "unknown clause \"c99\" in fx-clauses@1");
    status_detail_free(&err);
    cr_assert_eq(contract_clause_decide(f.st, f.contract, "C06", CLAUSE_EXCLUDE, "別契約で定める", "tester", &err), STATUS_OK);
    cr_assert_eq(contract_clause_decide(f.st, f.contract, "c16", CLAUSE_INCLUDE, "将来クラウド移行", "tester", &err), STATUS_OK);
    contract_clause_list l = fx_clauses(&f);
    cr_expect_not(clause(&l, "c06")->included);
    cr_expect_str_eq(clause(&l, "c06")->reason, "別契約で定める");
    cr_expect(clause(&l, "c16")->included, "included although not proposed");
    cr_expect_eq(clause(&l, "c16")->article, 3);
    contract_clause_list_free(&l);
    history_filter hf = {.entity = "contract", .entity_id = f.contract, .item_id = "c06"};
    history_row *rows;
    size_t n = 0;
    cr_assert_eq(history_list(f.st, &hf, &rows, &n, &err), STATUS_OK);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(rows[0].field, "decision");
    cr_expect_str_eq(rows[0].new_value, "exclude");
    cr_expect_str_eq(rows[1].field, "reason");
    cr_expect_str_eq(rows[1].new_value, "別契約で定める");
    history_list_free(rows, n);
    /* back to the proposal: the decision row goes, the history keeps both steps */
    cr_assert_eq(contract_clause_decide(f.st, f.contract, "c06", CLAUSE_UNDECIDED, NULL, "tester", &err), STATUS_OK);
    l = fx_clauses(&f);
    cr_expect(clause(&l, "c06")->included);
    cr_expect_eq(clause(&l, "c06")->decision, CLAUSE_UNDECIDED);
    contract_clause_list_free(&l);
    cr_assert_eq(history_list(f.st, &hf, &rows, &n, &err), STATUS_OK);
    cr_expect_eq(n, 4);
    cr_expect_null(rows[n - 1].new_value);
    history_list_free(rows, n);
    fx_close(&f);
}

static void expect_param(contract_fx *f, const char *clause_id, const char *name, const char *value, bool is_default)
{
    contract_clause_list l = fx_clauses(f);
    contract_param_list pl;
    status_detail err = {0};
    cr_assert_eq(contract_params(f->st, f->contract, &l, &pl, &err), STATUS_OK);
    const contract_param_value *v = contract_param_find(&pl, clause_id, name);
    cr_assert_not_null(v, "%s %s", clause_id, name);
    cr_expect_str_eq(v->value, value, "%s %s", clause_id, name);
    cr_expect_eq(v->is_default, is_default, "%s %s default", clause_id, name);
    contract_param_list_free(&pl);
    contract_clause_list_free(&l);
}

static void expect_refused(contract_fx *f, const char *clause_id, const char *name, const char *value, status_code want,
                           const char *msg)
{
    status_detail err = {0};
    cr_expect_eq(contract_param_set(f->st, f->contract, clause_id, name, value, "tester", &err), want, "%s", value);
    cr_expect_str_eq(test_msg(&err), msg);
    status_detail_free(&err);
}

Test(contract, parameters_are_typed_and_validated)
{
    contract_fx f = fx_open(false);
    expect_param(&f, "c06", "log_months", "12", true);
    status_detail err = {0};
    cr_assert_eq(contract_param_set(f.st, f.contract, "c06", "log_months", "２４", "tester", &err), STATUS_OK, "%s", test_msg(&err));
    expect_param(&f, "c06", "log_months", "24", false);
    expect_refused(&f, "c06", "log_months", "24時間", STATUS_PARAM_NOT_INTEGER,
                   "log_months (integer): \"24時間\" is not a whole number (-1000000000 to 1000000000)");
    expect_refused(&f, "c06", "approval", "口頭", STATUS_PARAM_NOT_A_CHOICE, "approval (enum): \"口頭\" is not one of 事前承認, 事後承認可");
    expect_refused(&f, "c06", "nope", "1", STATUS_PARAM_NOT_FOUND, "clause C06 has no parameter \"nope\"");
    expect_refused(&f, "c99", "x", "1", STATUS_CLAUSE_NOT_FOUND, "unknown clause \"c99\" in fx-clauses@1");
    expect_refused(&f, "c04", "sbom", "maybe", STATUS_PARAM_NOT_BOOLEAN,
                   "sbom (boolean): \"maybe\" is not true or false (yes/no, はい/いいえ)");
    cr_assert_eq(contract_param_set(f.st, f.contract, "c04", "sbom", "いいえ", "tester", &err), STATUS_OK);
    expect_param(&f, "c04", "sbom", "false", false);
    cr_assert_eq(contract_param_set(f.st, f.contract, "c04", "review_date", "令和8年10月1日", "tester", &err), STATUS_OK);
    expect_param(&f, "c04", "review_date", "2026-10-01", false);
    expect_refused(&f, "c06", "connection_method", "VPN\x01", STATUS_PARAM_CONTROL_CHAR,
                   "connection_method (text): the text contains a control character (0x01)");
    /* 2,000 full-width characters fit, 2,001 do not */
    strbuf long_text = {0};
    for (int i = 0; i < 2000; i++)
        sb_add(&long_text, "長");
    cr_expect_eq(contract_param_set(f.st, f.contract, "c06", "connection_method", sb_str(&long_text), "tester", &err), STATUS_OK);
    sb_add(&long_text, "長");
    expect_refused(&f, "c06", "connection_method", sb_str(&long_text), STATUS_PARAM_TOO_LONG,
                   "connection_method (text): the text has 2001 characters; at most 2000 are allowed");
    sb_free(&long_text);
    /* "" returns to the catalog's default */
    cr_assert_eq(contract_param_set(f.st, f.contract, "c06", "log_months", "", "tester", &err), STATUS_OK);
    expect_param(&f, "c06", "log_months", "12", true);
    history_filter hf = {.entity = "contract", .entity_id = f.contract, .item_id = "c06"};
    history_row *rows;
    size_t n = 0;
    cr_assert_eq(history_list(f.st, &hf, &rows, &n, &err), STATUS_OK);
    cr_assert_geq(n, 2);
    cr_expect_str_eq(rows[0].field, "log_months");
    cr_expect_str_eq(rows[0].old_value, "12");
    cr_expect_str_eq(rows[0].new_value, "24");
    history_list_free(rows, n);
    fx_close(&f);
}

Test(contract, clause_text_fills_parameters_once)
{
    contract_fx f = fx_open(false);
    status_detail err = {0};
    cr_assert_eq(contract_param_set(f.st, f.contract, "c06", "connection_method", "{{log_months}}経由", "tester", &err), STATUS_OK);
    contract_clause_list l = fx_clauses(&f);
    contract_param_list pl;
    cr_assert_eq(contract_params(f.st, f.contract, &l, &pl, &err), STATUS_OK);
    char *t = contract_clause_text(clause(&l, "c06"), &pl, false);
    cr_expect_str_eq(t, "乙は{{log_months}}経由により接続し、接続は事前承認とし、ログを12か月保存する。");
    free(t);
    contract_param_list_free(&pl);
    contract_clause_list_free(&l);
    fx_close(&f);
}

static contract_matrix matrix(contract_fx *f)
{
    contract k;
    status_detail err = {0};
    cr_assert_eq(contract_get(f->st, f->contract, &k, &err), STATUS_OK);
    contract_clause_list l;
    cr_assert_eq(contract_clauses(f->st, &k, &l, &err), STATUS_OK);
    contract_links links;
    cr_assert_eq(contract_links_load(f->st, &k, &links, &err), STATUS_OK);
    contract_matrix m;
    cr_assert_eq(contract_matrix_get(f->st, &k, &l, &links, &m, &err), STATUS_OK);
    contract_links_free(&links);
    contract_clause_list_free(&l);
    contract_free(&k);
    return m;
}

static void expect_cell(contract_fx *f, contract_component comp, contract_phase ph, const char *text,
                        contract_cell_origin origin, const char *basis)
{
    contract_matrix m = matrix(f);
    const contract_cell *c = &m.cells[comp][ph];
    char *t = contract_cell_text(c, false);
    cr_expect_str_eq(t, text, "%s / %s", contract_components[comp].code, contract_phases[ph].code);
    cr_expect_eq(c->origin, origin, "%s / %s origin", contract_components[comp].code, contract_phases[ph].code);
    cr_expect_str_eq(c->basis ? c->basis : "", basis ? basis : "", "%s basis", contract_components[comp].code);
    free(t);
    contract_matrix_free(&m);
}

Test(contract, matrix_is_prefilled_from_clauses_answers_and_edits)
{
    contract_fx f = fx_open(false);
    expect_cell(&f, COMP_NETWORK, PHASE_NORMAL, "事業者（A社）", CELL_RULE, "C06");
    expect_cell(&f, COMP_CLOUD, PHASE_NORMAL, "対象外", CELL_RULE, "クラウド: なし (PACS)");
    expect_cell(&f, COMP_CLIENT, PHASE_NORMAL, "医療機関", CELL_RULE, NULL);
    /* the responsible party recorded on an answer in a linked assessment wins over the rule */
    assess_spec as = {.catalog_id = "fx-guide", .scope = SCOPE_SYSTEM, .system_id = f.pacs, .fy = 2026};
    int64_t aid;
    status_detail err = {0};
    cr_assert_eq(assess_create(f.st, &as, "tester", &aid, &err), STATUS_OK, "%s", test_msg(&err));
    answer_change ch = {.fields = AF_OWNER, .owner = RESP_HOSPITAL};
    cr_assert_eq(assess_answer_set(f.st, aid, "g-1-2", PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_OK);
    expect_cell(&f, COMP_NETWORK, PHASE_NORMAL, "医療機関", CELL_ANSWER, "テスト指針 1-2");
    /* an edit wins over both, with a note; then reset */
    cr_assert_eq(contract_matrix_set(f.st, f.contract, COMP_NETWORK, PHASE_NORMAL, RESP_JOINT, f.other_vendor,
                                     "VPN装置はB社", "tester", &err), STATUS_OK);
    expect_cell(&f, COMP_NETWORK, PHASE_NORMAL, "共同（B社）", CELL_SET, NULL);
    contract_matrix m = matrix(&f);
    cr_expect_str_eq(m.cells[COMP_NETWORK][PHASE_NORMAL].note, "VPN装置はB社");
    contract_matrix_free(&m);
    history_filter hf = {.entity = "contract", .entity_id = f.contract, .item_id = "matrix:network:normal"};
    history_row *rows;
    size_t n = 0;
    cr_assert_eq(history_list(f.st, &hf, &rows, &n, &err), STATUS_OK);
    cr_assert_eq(n, 3);
    cr_expect_str_eq(rows[0].new_value, "joint");
    cr_expect_str_eq(rows[1].new_value, "B社");
    cr_expect_str_eq(rows[2].new_value, "VPN装置はB社");
    history_list_free(rows, n);
    cr_assert_eq(contract_matrix_reset(f.st, f.contract, COMP_NETWORK, PHASE_NORMAL, "tester", &err), STATUS_OK);
    expect_cell(&f, COMP_NETWORK, PHASE_NORMAL, "医療機関", CELL_ANSWER, "テスト指針 1-2");
    responsibility r;
    cr_expect(contract_party_parse("事業者", &r) && r == RESP_VENDOR);
    cr_expect(contract_party_parse("na", &r) && r == RESP_NA);
    cr_expect_not(contract_party_parse("誰か", &r));
    contract_component c;
    cr_expect(contract_component_parse("回線", &c) && c == COMP_LINE);
    contract_phase ph;
    cr_expect(contract_phase_parse("契約終了時", &ph) && ph == PHASE_EXIT);
    fx_close(&f);
}

Test(contract, open_items_are_negative_partial_or_unanswered)
{
    contract_fx f = fx_open(false);
    assess_spec as = {.catalog_id = "fx-check", .scope = SCOPE_SYSTEM, .system_id = f.pacs, .fy = 2026};
    int64_t aid;
    status_detail err = {0};
    cr_assert_eq(assess_create(f.st, &as, "tester", &aid, &err), STATUS_OK, "%s", test_msg(&err));
    answer_change no = {.fields = AF_VALUE | AF_DUE, .value = "no", .due = "2026-09-30"};
    answer_change yes = {.fields = AF_VALUE, .value = "yes"};
    cr_assert_eq(assess_answer_set(f.st, aid, "k-1", PARTY_HOSPITAL, 0, &no, "tester", NULL, NULL, &err), STATUS_OK);
    cr_assert_eq(assess_answer_set(f.st, aid, "k-2", PARTY_HOSPITAL, 0, &yes, "tester", NULL, NULL, &err), STATUS_OK);
    /* an older fiscal year of the same catalog is not linked */
    as.fy = 2025;
    int64_t old;
    cr_assert_eq(assess_create(f.st, &as, "tester", &old, &err), STATUS_OK);
    contract k;
    cr_assert_eq(contract_get(f.st, f.contract, &k, &err), STATUS_OK);
    contract_links links;
    cr_assert_eq(contract_links_load(f.st, &k, &links, &err), STATUS_OK);
    cr_assert_eq(links.len, 1);
    cr_expect_eq(links.items[0].as.id, aid);
    contract_open_item *items;
    size_t n = contract_open_items(&links, &items);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(items[0].node->id, "k-1");
    cr_expect_str_eq(items[0].def->label.ja, "いいえ");
    cr_expect_str_eq(items[0].ans->due, "2026-09-30");
    free(items);
    contract_links_free(&links);
    contract_free(&k);
    fx_close(&f);
}
