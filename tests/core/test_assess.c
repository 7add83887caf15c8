/* Assessments: create, answer (one transaction, one history row per changed field), rejected input
 * leaves the database unchanged, undo, sign-off, carry, diff, proposals, progress. Fixture catalogs
 * in tests/fixtures/assess (fx-gl@1 with headings and four answers; fx-cl@R1/R2 yes/no). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

static char *dir;
static store *st;
static int64_t vendor_id, system_id;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/assess");
    status_detail err = {0};
    ws_vendor v = {.name = (char[]){"ABCメディカル株式会社"}, .isms = TRI_YES, .isms_expiry = (char[]){"2027-03-31"}};
    cr_assert_eq(ws_vendor_save(st, &v, "tester", &vendor_id, &err), STATUS_OK, "%s", test_msg(&err));
    ws_system sys = {.name = (char[]){"PACS（放射線）"}, .category = (char[]){"PACS"}, .vendor_id = vendor_id};
    cr_assert_eq(ws_system_save(st, &sys, "tester", &system_id, &err), STATUS_OK, "%s", test_msg(&err));
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(assess, .init = setup, .fini = teardown);

/* Everything an assessment operation may write, as text, to compare before and after. */
static char *snapshot(void)
{
    static const char *const q[] = {
        "SELECT * FROM assessment ORDER BY pk",
        "SELECT * FROM answer ORDER BY 1,2,3,4",
        "SELECT * FROM evidence ORDER BY pk",
        "SELECT * FROM evidence_link ORDER BY 1,2,3,4,6",
        "SELECT * FROM proposal ORDER BY pk",
        "SELECT * FROM history_action ORDER BY pk",
        "SELECT * FROM history ORDER BY pk",
    };
    strbuf b = {0};
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
        sqlite3_stmt *s = store_prepare(st, q[i]);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(s); c++) {
                const unsigned char *t = sqlite3_column_text(s, c);
                sb_addf(&b, "%s|", t ? (const char *)t : "∅");
            }
            sb_addc(&b, '\n');
        }
        sqlite3_finalize(s);
        sb_add(&b, "--\n");
    }
    return sb_take(&b);
}

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

static int64_t new_org(const char *cat, const char *ver, int fy)
{
    int64_t id = 0;
    status_detail err = {0};
    assess_spec spec = {.catalog_id = cat, .catalog_version = ver, .scope = SCOPE_ORG, .fy = fy};
    cr_assert_eq(assess_create(st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_gt(id, 0);
    return id;
}

static void set_value(int64_t a, const char *item, const char *value)
{
    status_detail err = {0};
    answer_change ch = {.fields = AF_VALUE, .value = value};
    cr_assert_eq(assess_answer_set(st, a, item, PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
}

Test(assess, catalog_of_an_assessment_and_of_none)
{
    int64_t a = new_org("fx-cl", "R1", 2025);
    const catalog *c = NULL;
    status_detail err = {0};
    cr_assert_eq(assess_catalog_of(st, a, &c, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_not_null(c);
    cr_assert_str_eq(c->id, "fx-cl");
    cr_assert_str_eq(c->version, "R1");
    cr_assert_eq(assess_catalog_of(st, a + 100, &c, &err), STATUS_ASSESSMENT_NOT_FOUND);
    cr_assert_null(c);
    status_detail_free(&err);
}

Test(assess, create_and_conflict)
{
    int64_t a = new_org("fx-gl", "1", 2025);
    assessment x;
    status_detail err = {0};
    cr_assert_eq(assess_get(st, a, &x, &err), STATUS_OK);
    cr_assert_str_eq(x.catalog_id, "fx-gl");
    cr_assert_eq(x.fy, 2025);
    cr_assert_eq(x.items, 3);
    cr_assert_eq(x.answered, 0);
    assessment_free(&x);
    char *before = snapshot();
    assess_spec spec = {.catalog_id = "fx-gl", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    int64_t id = 0;
    cr_assert_eq(assess_create(st, &spec, "tester", &id, &err), STATUS_ASSESSMENT_EXISTS);
    cr_assert_not_null(strstr(test_msg(&err), "令和7年度"), "%s", test_msg(&err));
    status_detail_free(&err);
    status_detail_free(&err);
    spec.catalog_id = "no-such";
    cr_assert_eq(assess_create(st, &spec, "tester", &id, &err), STATUS_CATALOG_NOT_FOUND);
    status_detail_free(&err);
    char *after = snapshot();
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
    /* the same catalog for a system is a different scope */
    spec = (assess_spec){.catalog_id = "fx-gl", .scope = SCOPE_SYSTEM, .system_id = system_id, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "tester", &id, &err), STATUS_OK);
    cr_assert_eq(assess_get(st, id, &x, &err), STATUS_OK);
    cr_assert_eq(x.vendor_id, vendor_id, "vendor defaults to the system's");
    cr_assert_str_eq(x.system_name, "PACS（放射線）");
    assessment_free(&x);
}

Test(assess, answer_writes_one_history_row_per_changed_field)
{
    int64_t a = new_org("fx-gl", "1", 2025);
    strlist ev = {0};
    sl_push(&ev, "規程/保守手順書.pdf");
    sl_push(&ev, "https://intra.example/保守");
    answer_change ch = {.fields = AF_VALUE | AF_DUE | AF_CHECKED | AF_NOTE | AF_EVIDENCE | AF_OWNER,
                        .value = "partly",
                        .checked = "2025-06-01",
                        .due = "2026-03-31",
                        .note = "保守用IDは発行済み。\n作業記録は未整備。",
                        .evidence = &ev,
                        .owner = RESP_HOSPITAL};
    int changed = 0;
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, a, "g-1", PARTY_HOSPITAL, 0, &ch, "山田", &changed, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    /* value checked due note evidence owner */
    cr_assert_eq(changed, 6);
    cr_assert_eq(count("SELECT count(*) FROM history WHERE entity = 'answer'"), 6);
    cr_assert_eq(count("SELECT count(DISTINCT action_pk) FROM history WHERE entity = 'answer'"), 1);
    answer_set set;
    cr_assert_eq(assess_load_answers(st, a, &set, &err), STATUS_OK);
    const answer *x = answer_set_find(&set, "g-1", PARTY_HOSPITAL);
    cr_assert_not_null(x);
    cr_assert_str_eq(x->value, "partly");
    cr_assert_str_eq(x->note, "保守用IDは発行済み。\n作業記録は未整備。");
    cr_assert_eq(x->nevidence, 2); /* two new register entries, linked in order */
    cr_assert_str_eq(x->evidence[1].ref, "https://intra.example/保守");
    cr_assert_str_eq(x->answered_by, "山田");
    cr_assert_str_eq(x->updated_at, "2026-05-10T09:00:00Z");
    answer_set_free(&set);

    /* change only the value: exactly one more row; repeating it changes nothing */
    ch = (answer_change){.fields = AF_VALUE | AF_NOTE, .value = "done", .note = "保守用IDは発行済み。\n作業記録は未整備。"};
    cr_assert_eq(assess_answer_set(st, a, "g-1", PARTY_HOSPITAL, 0, &ch, "山田", &changed, NULL, &err), STATUS_OK);
    cr_assert_eq(changed, 1);
    cr_assert_eq(count("SELECT count(*) FROM history WHERE entity = 'answer'"), 7);
    int actions = count("SELECT count(*) FROM history_action");
    cr_assert_eq(assess_answer_set(st, a, "g-1", PARTY_HOSPITAL, 0, &ch, "山田", &changed, NULL, &err), STATUS_OK);
    cr_assert_eq(changed, 0);
    cr_assert_eq(count("SELECT count(*) FROM history_action"), actions, "no empty action for a no-op");
    history_row *rows;
    history_filter f = {.assessment_id = a, .item_id = "g-1"};
    size_t n;
    cr_assert_eq(history_list(st, &f, &rows, &n, &err), STATUS_OK);
    cr_assert_eq(n, 7);
    cr_assert_str_eq(rows[6].field, "value");
    cr_assert_str_eq(rows[6].old_value, "partly");
    cr_assert_str_eq(rows[6].new_value, "done");
    cr_assert_str_eq(rows[6].who, "山田");
    history_list_free(rows, n);
    sl_free(&ev);
}

Test(assess, rejected_input_leaves_database_unchanged)
{
    int64_t a = new_org("fx-cl", "R1", 2025);
    set_value(a, "q1", "yes");
    char *before = snapshot();
    status_detail err = {0};
    struct {
        const char *item;
        answer_change ch;
        status_code want;
        const char *msg;
    } cases[] = {
        {"q9", {.fields = AF_VALUE, .value = "yes"}, STATUS_ITEM_NOT_FOUND, "unknown item"},
        {"h1", {.fields = AF_VALUE, .value = "yes"}, STATUS_ITEM_IS_HEADING, "heading"},
        {"q1", {.fields = AF_VALUE, .value = "maybe"}, STATUS_ANSWER_VALUE_UNKNOWN, "unknown value"},
        {"q1", {.fields = AF_VALUE | AF_DUE, .value = "no", .due = "2025-02-30"}, STATUS_DATE_NOT_ISO, "目標日"},
        {"q1", {.fields = AF_VALUE | AF_DONE, .value = "no", .done = "2025-04-01"}, STATUS_DATE_NOT_OFFERED, "完了日"},
        {"q1", {.fields = AF_OWNER | AF_VALUE, .value = "no", .owner = RESP_VENDOR, .owner_vendor_id = 999},
         STATUS_VENDOR_NOT_FOUND, "vendor"},
        {"q1", {.fields = AF_OWNER, .owner = RESP_VENDOR}, STATUS_OWNER_VENDOR_REQUIRED, "vendor"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        status_detail_free(&err);
        status_code r = assess_answer_set(st, a, cases[i].item, PARTY_HOSPITAL, 0, &cases[i].ch, "tester", NULL, NULL,
                                        &err);
        cr_assert_eq(r, cases[i].want, "case %zu: %d", i, r);
        cr_assert_neq(err.code, STATUS_OK, "case %zu", i);
        cr_assert_not_null(strstr(test_msg(&err), cases[i].msg), "case %zu: %s", i, test_msg(&err));
        status_detail_free(&err);
    }
    /* a vendor answer needs a vendor */
    answer_change ch = {.fields = AF_VALUE, .value = "yes"};
    status_detail_free(&err);
    cr_assert_eq(assess_answer_set(st, a, "q1", PARTY_VENDOR, 0, &ch, "tester", NULL, NULL, &err), STATUS_VENDOR_ANSWER_NO_VENDOR);
    status_detail_free(&err);
    /* a database failure in the middle rolls back the fields already written */
    store_exec(st, "CREATE TRIGGER fail_note BEFORE UPDATE OF note ON answer BEGIN SELECT RAISE(ABORT, 'boom'); END",
               &err);
    ch = (answer_change){.fields = AF_VALUE | AF_NOTE, .value = "no", .note = "書けないメモ"};
    status_detail_free(&err);
    cr_assert_eq(assess_answer_set(st, a, "q1", PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_SQL);
    cr_assert_not_null(strstr(test_msg(&err), "boom"), "%s", test_msg(&err));
    status_detail_free(&err);
    store_exec(st, "DROP TRIGGER fail_note", &err);
    char *after = snapshot();
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
}

Test(assess, history_is_append_only)
{
    int64_t a = new_org("fx-cl", "R1", 2025);
    set_value(a, "q1", "yes");
    status_detail err = {0};
    cr_assert_neq(store_exec(st, "UPDATE history SET new_value = 'no'", &err), 0);
    status_detail_free(&err);
    status_detail_free(&err);
    cr_assert_neq(store_exec(st, "DELETE FROM history", &err), 0);
    cr_assert_not_null(strstr(test_msg(&err), "append-only"), "%s", test_msg(&err));
    status_detail_free(&err);
}

Test(assess, two_parties_and_effective_answer)
{
    assess_spec spec = {.catalog_id = "fx-cl", .catalog_version = "R1", .scope = SCOPE_SYSTEM, .system_id = system_id,
                        .fy = 2025};
    int64_t a;
    status_detail err = {0};
    cr_assert_eq(assess_create(st, &spec, "tester", &a, &err), STATUS_OK);
    answer_change ch = {.fields = AF_VALUE | AF_NOTE, .value = "yes", .note = "事業者回答"};
    cr_assert_eq(assess_answer_set(st, a, "q1", PARTY_VENDOR, 0, &ch, "ABC担当", NULL, NULL, &err), STATUS_OK);
    ch = (answer_change){.fields = AF_VALUE, .value = "no"};
    cr_assert_eq(assess_answer_set(st, a, "q1", PARTY_HOSPITAL, 0, &ch, "病院", NULL, NULL, &err), STATUS_OK);
    answer_set set;
    cr_assert_eq(assess_load_answers(st, a, &set, &err), STATUS_OK);
    cr_assert_eq(set.len, 2);
    cr_assert_str_eq(answer_set_effective(&set, "q1")->value, "no");
    cr_assert_eq(answer_set_find(&set, "q1", PARTY_VENDOR)->party_vendor_id, vendor_id);
    answer_set_free(&set);
    ch = (answer_change){.fields = AF_VALUE, .value = "yes"};
    cr_assert_eq(assess_answer_set(st, a, "q1", PARTY_AGREED, 0, &ch, "協議", NULL, NULL, &err), STATUS_OK);
    cr_assert_eq(assess_load_answers(st, a, &set, &err), STATUS_OK);
    cr_assert_eq(set.len, 3);
    cr_assert_eq(answer_set_effective(&set, "q1")->party, PARTY_AGREED);
    answer_set_free(&set);
}

Test(assess, undo_restores_and_is_recorded)
{
    int64_t a = new_org("fx-gl", "1", 2025);
    set_value(a, "g-1", "partly");
    answer_change ch = {.fields = AF_VALUE | AF_DUE, .value = "done", .due = "2026-01-31"};
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, a, "g-1", PARTY_HOSPITAL, 0, &ch, "tester", NULL, NULL, &err), STATUS_OK);
    char *what = NULL;
    cr_assert_eq(assess_undo(st, a, "tester", &what, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_not_null(strstr(what, "2 changes"), "%s", what);
    free(what);
    answer_set set;
    assess_load_answers(st, a, &set, &err);
    const answer *x = answer_set_find(&set, "g-1", PARTY_HOSPITAL);
    cr_assert_str_eq(x->value, "partly");
    cr_assert_null(x->due);
    answer_set_free(&set);
    cr_assert_eq(count("SELECT count(*) FROM history_action WHERE kind = 'undo' AND undo_of IS NOT NULL"), 1);
    cr_assert_eq(count("SELECT count(*) FROM history h JOIN history_action a ON a.pk = h.action_pk"
                       " WHERE a.kind = 'undo'"),
                 2);
    /* the next undo goes one step further back, then nothing is left */
    cr_assert_eq(assess_undo(st, a, "tester", NULL, &err), STATUS_OK);
    assess_load_answers(st, a, &set, &err);
    cr_assert_null(answer_set_find(&set, "g-1", PARTY_HOSPITAL)->value);
    answer_set_free(&set);
    cr_assert_eq(assess_undo(st, a, "tester", NULL, &err), STATUS_NOTHING_TO_UNDO);
    status_detail_free(&err);
}

Test(assess, signoff_and_changed_since)
{
    int64_t a = new_org("fx-cl", "R1", 2025);
    status_detail err = {0};
    cr_assert_eq(assess_signoff(st, a, "", "管理者", "t", &err), STATUS_SIGNOFF_NAME_REQUIRED);
    status_detail_free(&err);
    cr_assert_eq(assess_signoff(st, a, "佐藤 花子", "医療情報システム安全管理責任者", "t", &err), STATUS_OK);
    assessment x;
    assess_get(st, a, &x, &err);
    cr_assert_str_eq(x.signed_by, "佐藤 花子");
    cr_assert_str_eq(x.signed_at, "2026-05-10T09:00:00Z");
    cr_assert_not(x.changed_since_signoff);
    assessment_free(&x);
    set_value(a, "q2", "yes");
    assess_get(st, a, &x, &err);
    cr_assert(x.changed_since_signoff);
    assessment_free(&x);
    cr_assert_eq(assess_signoff(st, a, "佐藤 花子", "医療情報システム安全管理責任者", "t", &err), STATUS_OK);
    assess_get(st, a, &x, &err);
    cr_assert_not(x.changed_since_signoff);
    assessment_free(&x);
}

Test(assess, carry_keeps_notes_resets_values)
{
    int64_t a = new_org("fx-cl", "R1", 2025);
    strlist ev = {0};
    sl_push(&ev, "点検記録2025.xlsx");
    answer_change ch = {.fields = AF_VALUE | AF_NOTE | AF_CHECKED | AF_EVIDENCE | AF_OWNER,
                        .value = "yes",
                        .note = "年1回点検",
                        .checked = "2025-07-01",
                        .evidence = &ev,
                        .owner = RESP_JOINT,
                        .owner_vendor_id = vendor_id};
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, a, "q1", PARTY_HOSPITAL, 0, &ch, "t", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    set_value(a, "q2", "no");
    int64_t b = 0;
    int dropped = -1;
    cr_assert_eq(assess_carry(st, a, 2026, NULL, 0, "t", &b, &dropped, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(dropped, 0);
    assessment x;
    assess_get(st, b, &x, &err);
    cr_assert_eq(x.prev_id, a);
    cr_assert_eq(x.fy, 2026);
    cr_assert_eq(x.answered, 0);
    assessment_free(&x);
    answer_set set;
    assess_load_answers(st, b, &set, &err);
    const answer *y = answer_set_find(&set, "q1", PARTY_HOSPITAL);
    cr_assert_not_null(y);
    cr_assert_null(y->value);
    cr_assert_null(y->checked);
    cr_assert_str_eq(y->note, "年1回点検");
    cr_assert_eq(y->owner, RESP_JOINT);
    cr_assert_eq(y->owner_vendor_id, vendor_id);
    cr_assert_eq(y->nevidence, 1);
    cr_assert_str_eq(y->evidence[0].title, "点検記録2025.xlsx");
    answer_set_free(&set);
    /* again → conflict, nothing written */
    char *before = snapshot();
    cr_assert_eq(assess_carry(st, a, 2026, NULL, 0, "t", &b, NULL, &err), STATUS_ASSESSMENT_EXISTS);
    status_detail_free(&err);
    char *after = snapshot();
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
    /* keep values and dates, into the next version: q2 is gone in R2 */
    int64_t c = 0;
    cr_assert_eq(assess_carry(st, a, 2027, "R2", CARRY_KEEP_VALUES | CARRY_KEEP_DATES, "t", &c, &dropped, &err), STATUS_OK,
                 "%s", test_msg(&err));
    cr_assert_eq(dropped, 1);
    assess_load_answers(st, c, &set, &err);
    cr_assert_str_eq(answer_set_find(&set, "q1", PARTY_HOSPITAL)->value, "yes");
    cr_assert_str_eq(answer_set_find(&set, "q1", PARTY_HOSPITAL)->checked, "2025-07-01");
    cr_assert_null(answer_set_find(&set, "q2", PARTY_HOSPITAL));
    answer_set_free(&set);
    sl_free(&ev);

    /* diff: last year against the carried one with values kept into R2 */
    assess_diff_row *rows;
    size_t n;
    cr_assert_eq(assess_diff(st, a, c, &rows, &n, &err), STATUS_OK);
    bool added = false, removed = false;
    for (size_t i = 0; i < n; i++) {
        added |= str_eq(rows[i].item_id, "q3") && str_eq(rows[i].field, "item") && str_eq(rows[i].b, "added");
        removed |= str_eq(rows[i].item_id, "q2") && str_eq(rows[i].field, "item") && str_eq(rows[i].a, "removed");
        cr_assert(!str_eq(rows[i].item_id, "q1"), "q1 was carried unchanged: %s", rows[i].field);
    }
    cr_assert(added && removed);
    assess_diff_free(rows, n);
    /* diff against the reset carry: q1 value and date differ, note does not */
    status_detail_free(&err);
    cr_assert_eq(assess_diff(st, a, b, &rows, &n, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(n, 3, "q1 value, q1 checked, q2 value");
    cr_assert_str_eq(rows[0].item_id, "q1");
    cr_assert_str_eq(rows[0].field, "value");
    cr_assert_str_eq(rows[0].a, "yes");
    cr_assert_null(rows[0].b);
    cr_assert_str_eq(rows[1].field, "checked");
    cr_assert_str_eq(rows[2].item_id, "q2");
    assess_diff_free(rows, n);
}

Test(assess, proposals_both_directions_never_overwrite)
{
    int64_t gl = new_org("fx-gl", "1", 2025);
    int64_t cl = new_org("fx-cl", "R1", 2025);
    int64_t other_year = new_org("fx-cl", "R1", 2026);
    status_detail err = {0};
    int proposed = 0;
    answer_change ch = {.fields = AF_VALUE, .value = "done"};
    cr_assert_eq(assess_answer_set(st, gl, "g-1", PARTY_HOSPITAL, 0, &ch, "t", NULL, &proposed, &err), STATUS_OK);
    cr_assert_eq(proposed, 1, "only the same fiscal year and scope");
    proposal *p;
    size_t n;
    assess_proposals(st, cl, true, &p, &n, &err);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(p[0].item_id, "q1");
    cr_assert_str_eq(p[0].value, "yes", "positive meaning maps to はい");
    cr_assert_str_eq(p[0].rel, "equal");
    int64_t pid = p[0].id;
    proposal_list_free(p, n);
    assess_proposals(st, other_year, true, &p, &n, &err);
    cr_assert_eq(n, 0);
    proposal_list_free(p, n);
    /* nothing was written to the target's answers */
    answer_set set;
    assess_load_answers(st, cl, &set, &err);
    cr_assert_eq(set.len, 0);
    answer_set_free(&set);
    cr_assert_eq(assess_proposal_accept(st, pid, "t", &err), STATUS_OK);
    assess_load_answers(st, cl, &set, &err);
    cr_assert_str_eq(answer_set_find(&set, "q1", PARTY_HOSPITAL)->value, "yes");
    answer_set_free(&set);
    cr_assert_eq(assess_proposal_accept(st, pid, "t", &err), STATUS_PROPOSAL_NOT_OPEN);
    status_detail_free(&err);
    /* undoing the acceptance reopens the proposal and clears the value again */
    cr_assert_eq(assess_undo(st, cl, "t", NULL, &err), STATUS_OK);
    assess_proposals(st, cl, true, &p, &n, &err);
    cr_assert_eq(n, 1);
    proposal_list_free(p, n);
    assess_load_answers(st, cl, &set, &err);
    cr_assert_null(answer_set_find(&set, "q1", PARTY_HOSPITAL)->value);
    answer_set_free(&set);
    cr_assert_eq(assess_proposal_reject(st, pid, "t", &err), STATUS_OK);
    assess_proposals(st, cl, true, &p, &n, &err);
    cr_assert_eq(n, 0);
    proposal_list_free(p, n);
    /* reverse direction: answering the checklist proposes for the guideline */
    ch.value = "no";
    cr_assert_eq(assess_answer_set(st, cl, "q1", PARTY_HOSPITAL, 0, &ch, "t", NULL, &proposed, &err), STATUS_OK);
    cr_assert_eq(proposed, 1);
    assess_proposals(st, gl, true, &p, &n, &err);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(p[0].value, "not_done");
    proposal_list_free(p, n);
    assess_load_answers(st, gl, &set, &err);
    cr_assert_str_eq(answer_set_find(&set, "g-1", PARTY_HOSPITAL)->value, "done", "never silently overwritten");
    answer_set_free(&set);
}

Test(assess, progress_by_heading)
{
    int64_t a = new_org("fx-gl", "1", 2025);
    set_value(a, "g-1", "done");
    answer_change ch = {.fields = AF_VALUE | AF_DUE, .value = "not_done", .due = "2026-03-31"};
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, a, "g-2", PARTY_HOSPITAL, 0, &ch, "t", NULL, NULL, &err), STATUS_OK);
    set_value(a, "g-3", "na");
    progress_row *rows;
    size_t n;
    cr_assert_eq(progress_compute(st, a, (jp_date){2026, 5, 10}, 2, false, &rows, &n, &err), STATUS_OK);
    cr_assert_eq(n, 4, "total, 第1編, 第1章, 第2章 (第2編 has no items)");
    cr_assert_eq(rows[0].items, 3);
    cr_assert_eq(rows[0].answered, 3);
    cr_assert_eq(rows[0].na, 1);
    cr_assert_eq(progress_positive_pct(&rows[0]), 50);
    cr_assert_eq(progress_answered_pct(&rows[0]), 100);
    cr_assert_eq(rows[0].overdue, 1);
    cr_assert_str_eq(rows[1].title, "第1編 運用");
    cr_assert_eq(rows[2].items, 2);
    cr_assert_str_eq(rows[3].node_id, "ch2");
    /* defaults from the catalog: g-1 vendor, g-3 hospital, g-2 none */
    cr_assert_eq(rows[0].by_owner[RESP_VENDOR], 1);
    cr_assert_eq(rows[0].by_owner[RESP_HOSPITAL], 1);
    cr_assert_eq(rows[0].by_owner[RESP_NONE], 1);
    progress_free(rows, n);
    cr_assert_eq(progress_compute(st, a, (jp_date){2026, 3, 31}, 0, false, &rows, &n, &err), STATUS_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(rows[0].overdue, 0, "due today is not overdue");
    progress_free(rows, n);
}

Test(assess, a_tab_in_a_note_becomes_spaces_to_the_next_8_column_stop)
{
    int64_t a = new_org("fx-gl", "1", 2025);
    /* a row pasted from a spreadsheet: cells separated by tabs */
    answer_change ch = {.fields = AF_NOTE, .note = "機器\t台数\nサーバ\t3"};
    status_detail err = {0};
    cr_assert_eq(assess_answer_set(st, a, "g-1", PARTY_HOSPITAL, 0, &ch, "山田", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    answer_set set;
    cr_assert_eq(assess_load_answers(st, a, &set, &err), STATUS_OK);
    const answer *x = answer_set_find(&set, "g-1", PARTY_HOSPITAL);
    cr_assert_not_null(x);
    cr_assert_str_eq(x->note, "機器    台数\nサーバ  3"); /* 機器 = 4 columns, サーバ = 6: both to column 8 */
    answer_set_free(&set);
}
