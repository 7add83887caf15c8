/* Every change under the audit trail: proposals made or superseded by an answer belong to its
 * history action and undo takes them back; the owner vendor is recorded by id (and old rows that
 * recorded "name (#id)" still show and undo); undo takes back only the actor's own last change and
 * refuses, naming the other person, when someone changed the same record since; the actor comes
 * from --user, ANZEN_USER or the login (shared accounts recognised); ANZEN_NOW only as a valid
 * UTC timestamp. Fixture catalogs in tests/fixtures/assess (fx-gl g-1 = fx-cl q1). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "history/lib.h"
#include "session/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

static char *dir;
static store *st;
static int64_t vendor_id, gl, cl;

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/assess");
    status_detail err = {0};
    ws_vendor v = {.name = (char[]){"ネオ画像システム株式会社"}};
    cr_assert_eq(ws_vendor_save(st, &v, "tester", &vendor_id, &err), STATUS_OK, "%s", test_msg(&err));
    assess_spec spec = {.catalog_id = "fx-gl", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "tester", &gl, &err), STATUS_OK, "%s", test_msg(&err));
    spec = (assess_spec){.catalog_id = "fx-cl", .catalog_version = "R1", .scope = SCOPE_ORG, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "tester", &cl, &err), STATUS_OK, "%s", test_msg(&err));
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(audit, .init = setup, .fini = teardown);

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW, "%s", sql);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* One text column of the first row, or "∅" (caller frees). */
static char *text(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    char *r = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)
                  ? xstrdup((const char *)sqlite3_column_text(s, 0))
                  : xstrdup("∅");
    sqlite3_finalize(s);
    return r;
}

static void expect_text(const char *sql, const char *want)
{
    char *got = text(sql);
    cr_expect_str_eq(got, want, "%s", sql);
    free(got);
}

/* Everything an undo may touch, to compare before and after a refusal. */
static char *snapshot(void)
{
    static const char *const q[] = {"SELECT * FROM assessment ORDER BY pk", "SELECT * FROM answer ORDER BY 1,2,3,4",
                                    "SELECT * FROM proposal ORDER BY pk", "SELECT * FROM history_action ORDER BY pk",
                                    "SELECT * FROM history ORDER BY pk"};
    strbuf b = {0};
    for (size_t i = 0; i < AZ_ARRAY_LEN(q); i++) {
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

static void answer_as(int64_t a, const char *item, const char *value, const char *who)
{
    status_detail err = {0};
    answer_change ch = {.fields = AF_VALUE, .value = value};
    cr_assert_eq(assess_answer_set(st, a, item, PARTY_HOSPITAL, 0, &ch, who, NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
}

static void undo_ok(int64_t a, const char *who)
{
    status_detail err = {0};
    cr_assert_eq(assess_undo(st, a, who, NULL, &err), STATUS_OK, "%s", test_msg(&err));
}

/* ---- 1. proposals in the answer's action ---- */

Test(audit, proposal_made_by_an_answer_is_undone_with_it)
{
    answer_as(gl, "g-1", "done", "a");
    cr_assert_eq(count("SELECT count(*) FROM proposal WHERE status = 'open'"), 1);
    /* one action: the answer on #1 and the proposal on #2 */
    cr_assert_eq(count("SELECT count(DISTINCT action_pk) FROM history WHERE entity IN ('answer', 'proposal')"), 1);
    expect_text("SELECT h.assessment_pk || ' ' || h.item_id || ' ' || IFNULL(h.old_value, '∅') || '>' || h.new_value"
                " FROM history h WHERE h.entity = 'proposal'",
                "2 q1 ∅>open");
    undo_ok(gl, "a");
    cr_assert_eq(count("SELECT count(*) FROM proposal"), 0, "the proposal on assessment 2 is withdrawn");
    cr_assert_eq(count("SELECT count(*) FROM answer WHERE value IS NOT NULL"), 0);
    /* the trail keeps both: made, then withdrawn by the undo */
    expect_text("SELECT group_concat(a.kind || ':' || IFNULL(h.old_value, '∅') || '>' || IFNULL(h.new_value, '∅'), ' ')"
                " FROM history h JOIN history_action a ON a.pk = h.action_pk WHERE h.entity = 'proposal'",
                "answer:∅>open undo:open>∅");
}

Test(audit, superseded_proposal_is_reopened_by_undo)
{
    answer_as(gl, "g-1", "done", "a");
    answer_as(gl, "g-1", "not_done", "a");
    expect_text("SELECT group_concat(status || '=' || value, ',') FROM (SELECT status, value FROM proposal ORDER BY pk)",
                "superseded=yes,open=no");
    undo_ok(gl, "a");
    expect_text("SELECT group_concat(status || '=' || value, ',') FROM (SELECT status, value FROM proposal ORDER BY pk)",
                "open=yes");
    expect_text("SELECT IFNULL(decided_by, '∅') FROM proposal", "∅");
    expect_text("SELECT value FROM answer WHERE assessment_pk = 1 AND item_id = 'g-1'", "done");
}

Test(audit, undo_refused_when_someone_decided_the_proposal)
{
    answer_as(gl, "g-1", "done", "a");
    status_detail err = {0};
    int64_t pid = count("SELECT pk FROM proposal");
    cr_assert_eq(assess_proposal_accept(st, pid, "b", &err), STATUS_OK, "%s", test_msg(&err));
    char *before = snapshot();
    cr_assert_eq(assess_undo(st, gl, "a", NULL, &err), STATUS_UNDO_BLOCKED);
    char *m = status_format(&err, true);
    cr_assert_not_null(strstr(m, "proposal #1"), "%s", m);
    cr_assert_not_null(strstr(m, "by b"), "%s", m);
    free(m);
    status_detail_free(&err);
    char *after = snapshot();
    cr_assert_str_eq(before, after, "nothing written");
    free(before);
    free(after);
}

/* ---- 2. the owner vendor by id ---- */

Test(audit, owner_vendor_recorded_by_id_shown_by_name)
{
    status_detail err = {0};
    answer_change ch = {.fields = AF_OWNER, .owner = RESP_VENDOR, .owner_vendor_id = vendor_id};
    cr_assert_eq(assess_answer_set(st, gl, "g-1", PARTY_HOSPITAL, 0, &ch, "a", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    char *want = xasprintf("%lld", (long long)vendor_id);
    expect_text("SELECT new_value FROM history WHERE field = 'owner_vendor'", want);
    expect_text("SELECT CAST(owner_vendor_pk AS TEXT) FROM answer WHERE item_id = 'g-1'", want);
    /* shown with the vendor's name at display time: a rename shows through */
    char *shown = ws_history_value(st, "answer", "owner_vendor", want);
    cr_assert_str_eq(shown, "ネオ画像システム株式会社 (#1)");
    free(shown);
    ws_vendor v;
    cr_assert_eq(ws_vendor_get(st, vendor_id, &v, &err), STATUS_OK);
    free(v.name);
    v.name = xstrdup("ネオメディカル株式会社");
    cr_assert_eq(ws_vendor_save(st, &v, "a", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    ws_vendor_free(&v);
    shown = ws_history_value(st, "answer", "owner_vendor", want);
    cr_assert_str_eq(shown, "ネオメディカル株式会社 (#1)");
    free(shown);
    shown = ws_history_value(st, "answer", "owner_vendor", "42");
    cr_assert_str_eq(shown, "#42", "a vendor that is gone");
    free(shown);
    shown = ws_history_value(st, "answer", "note", "12");
    cr_assert_str_eq(shown, "12", "only vendor fields are looked up");
    free(shown);
    cr_assert_null(ws_history_value(st, "answer", "owner_vendor", NULL));
    free(want);
    undo_ok(gl, "a");
    expect_text("SELECT IFNULL(CAST(owner_vendor_pk AS TEXT), '∅') FROM answer WHERE item_id = 'g-1'", "∅");
}

Test(audit, vendor_ref_reads_ids_and_old_texts)
{
    cr_assert_eq(history_vendor_ref("3"), 3);
    cr_assert_eq(history_vendor_ref("ネオ画像システム株式会社 (#12)"), 12);
    cr_assert_eq(history_vendor_ref("第#2営業所 (#7)"), 7, "a '#' in the name");
    cr_assert_eq(history_vendor_ref(""), 0);
    cr_assert_eq(history_vendor_ref(NULL), 0);
    cr_assert_eq(history_vendor_ref("ネオ"), 0);
    cr_assert_eq(history_vendor_ref("3x"), 0);
    cr_assert_eq(history_vendor_ref("name (#x)"), 0);
    cr_assert(history_field_is_vendor("answer", "owner_vendor"));
    cr_assert(history_field_is_vendor("system", "vendor_pk"));
    cr_assert_not(history_field_is_vendor("answer", "owner"));
}

/* A database written before ids: the owner vendor's rows hold "name (#id)". They show as stored and
 * undo still restores the vendor they name. */
Test(audit, old_name_rows_display_and_undo)
{
    ws_vendor v2 = {.name = (char[]){"旧保守株式会社"}};
    int64_t v2id = 0;
    status_detail err = {0};
    cr_assert_eq(ws_vendor_save(st, &v2, "tester", &v2id, &err), STATUS_OK, "%s", test_msg(&err));
    /* the old writer's action: owner vendor 旧保守 → ネオ, as text */
    char *sql = xasprintf(
        "INSERT INTO answer(assessment_pk, item_id, party, party_vendor_pk, owner, owner_vendor_pk, updated_at)"
        " VALUES(%lld, 'g-2', 'hospital', 0, 'vendor', %lld, '2025-01-01T00:00:00Z');"
        "INSERT INTO history_action(at, who, kind, assessment_pk) VALUES('2025-01-01T00:00:00Z', 'old', 'answer', %lld);"
        "INSERT INTO history(action_pk, entity, assessment_pk, item_id, party, party_vendor_pk, field, old_value,"
        " new_value) VALUES(last_insert_rowid(), 'answer', %lld, 'g-2', 'hospital', 0, 'owner_vendor',"
        " '旧保守株式会社 (#%lld)', 'ネオ画像システム株式会社 (#%lld)')",
        (long long)gl, (long long)vendor_id, (long long)gl, (long long)gl, (long long)v2id, (long long)vendor_id);
    cr_assert_eq(store_exec(st, sql, &err), STATUS_OK, "%s", test_msg(&err));
    free(sql);
    history_row *rows;
    history_filter f = {.assessment_id = gl, .item_id = "g-2"};
    size_t n = 0;
    cr_assert_eq(history_list(st, &f, &rows, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 1);
    char *shown = ws_history_value(st, rows[0].entity, rows[0].field, rows[0].new_value);
    cr_assert_str_eq(shown, "ネオ画像システム株式会社 (#1)", "shown as stored");
    free(shown);
    history_list_free(rows, n);
    undo_ok(gl, "old");
    char *want = xasprintf("%lld", (long long)v2id);
    expect_text("SELECT CAST(owner_vendor_pk AS TEXT) FROM answer WHERE item_id = 'g-2'", want);
    /* the undo's own row is by id, the old text as its old value */
    expect_text("SELECT old_value || ' > ' || new_value FROM history h JOIN history_action a ON a.pk = h.action_pk"
                " WHERE a.kind = 'undo'",
                "1 > 2");
    free(want);
}

/* ---- 4. undo: one's own last change, and only while nobody changed it since ---- */

Test(audit, undo_refused_naming_who_changed_the_item_since)
{
    answer_as(gl, "g-1", "done", "a");
    answer_as(gl, "g-1", "not_done", "b");
    char *before = snapshot();
    status_detail err = {0};
    cr_assert_eq(assess_undo(st, gl, "a", NULL, &err), STATUS_UNDO_BLOCKED);
    char *m = status_format(&err, true);
    cr_assert_not_null(strstr(m, "g-1 was changed since by b"), "%s", m);
    free(m);
    status_detail_free(&err);
    history_row *rows;
    size_t n = 0;
    cr_assert_eq(assess_undo_blockers(st, gl, "a", &rows, &n, NULL), STATUS_OK);
    cr_assert_geq(n, 1);
    cr_assert_str_eq(rows[0].who, "b");
    cr_assert_str_eq(rows[0].item_id, "g-1");
    history_list_free(rows, n);
    char *after = snapshot();
    cr_assert_str_eq(before, after, "nothing written");
    free(before);
    free(after);
    /* b's own undo is b's; then a's goes through (b's change and its undo cancel out) */
    cr_assert_eq(assess_undo_blockers(st, gl, "b", &rows, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 0);
    history_list_free(rows, 0);
    undo_ok(gl, "b");
    cr_assert_eq(assess_undo_blockers(st, gl, "a", &rows, &n, NULL), STATUS_OK);
    cr_assert_eq(n, 0);
    history_list_free(rows, 0);
    undo_ok(gl, "a");
    expect_text("SELECT IFNULL(value, '∅') FROM answer WHERE item_id = 'g-1'", "∅");
}

Test(audit, undo_reverts_only_the_actors_own_change)
{
    answer_as(gl, "g-2", "done", "a");
    answer_as(gl, "g-1", "done", "b");
    undo_ok(gl, "a");
    expect_text("SELECT IFNULL(value, '∅') FROM answer WHERE item_id = 'g-2'", "∅");
    expect_text("SELECT value FROM answer WHERE item_id = 'g-1'", "done");
    status_detail err = {0};
    cr_assert_eq(assess_undo(st, gl, "a", NULL, &err), STATUS_NOTHING_TO_UNDO);
    char *m = status_format(&err, true);
    cr_assert_not_null(strstr(m, "nothing to undo by a"), "%s", m);
    free(m);
    status_detail_free(&err);
    cr_assert_eq(assess_undo(st, gl, "c", NULL, &err), STATUS_NOTHING_TO_UNDO, "c changed nothing");
    status_detail_free(&err);
    expect_text("SELECT value FROM answer WHERE item_id = 'g-1'", "done");
}

/* Undoing one's answer after a sign-off keeps "changed since sign-off" while another person's
 * later answer still stands. */
Test(audit, undo_keeps_changed_since_signoff_for_others_changes)
{
    status_detail err = {0};
    cr_assert_eq(assess_signoff(st, cl, "佐藤 花子", "医療情報システム安全管理責任者", "s", &err), STATUS_OK);
    answer_as(cl, "q2", "yes", "a");
    answer_as(cl, "q1", "no", "b");
    undo_ok(cl, "a");
    assessment x;
    cr_assert_eq(assess_get(st, cl, &x, &err), STATUS_OK);
    cr_assert(x.changed_since_signoff, "b's answer came after the sign-off");
    assessment_free(&x);
    undo_ok(cl, "b");
    cr_assert_eq(assess_get(st, cl, &x, &err), STATUS_OK);
    cr_assert(x.changed_since_signoff, "a's answer came first and set the flag: its undo kept it");
    assessment_free(&x);
}

/* ---- 3. the actor ---- */

Test(audit, actor_from_option_environment_login)
{
    setenv("USER", "yamada", 1);
    setenv("ANZEN_USER", "sato", 1);
    session_opts o = {.user = "--user の人"};
    bool shared = true;
    cr_assert_str_eq(session_actor(&o, &shared), "--user の人");
    cr_assert_not(shared);
    cr_assert_str_eq(session_actor(NULL, &shared), "sato");
    cr_assert_not(shared, "a name given is never a shared account");
    unsetenv("ANZEN_USER");
    cr_assert_str_eq(session_actor(NULL, NULL), "yamada");
    setenv("USER", "guest", 1);
    cr_assert_str_eq(session_actor(NULL, &shared), "guest");
    cr_assert(shared);
}

Test(audit, shared_account_rule)
{
    cr_assert(session_login_shared("yamada", 0), "the superuser");
    cr_assert(session_login_shared("root", 1000));
    cr_assert(session_login_shared("Guest", 1000));
    cr_assert(session_login_shared("pi", 1000));
    cr_assert(session_login_shared("anzen", 1000));
    cr_assert(session_login_shared("", 1000), "no login at all");
    cr_assert_not(session_login_shared("yamada", 1000));
    cr_assert_not(session_login_shared("users", 1000));
}

/* ---- 5. ANZEN_NOW ---- */

Test(audit, anzen_now_only_a_valid_utc_timestamp)
{
    cr_assert(clock_is_iso("2026-05-10T09:00:00Z"));
    cr_assert(clock_is_iso("2028-02-29T23:59:59Z"), "a leap day");
    const char *bad[] = {"yesterday", "2026-05-10", "2026-05-10T09:00:00", "2026-05-10 09:00:00Z",
                         "2026-02-30T00:00:00Z", "2027-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                         "2026-05-10T24:00:00Z", "2026-05-10T09:60:00Z", "2026-5-10T09:00:00Z",
                         "2026-05-10T09:00:00+09:00", "２０２６-05-10T09:00:00Z", ""};
    for (size_t i = 0; i < AZ_ARRAY_LEN(bad); i++)
        cr_assert_not(clock_is_iso(bad[i]), "%s", bad[i]);
    const char *v = NULL;
    cr_assert(clock_env_check(&v), "the fixture's value");
    setenv("ANZEN_NOW", "tomorrow", 1);
    cr_assert_not(clock_env_check(&v));
    cr_assert_str_eq(v, "tomorrow");
    char now[32];
    clock_now(now);
    cr_assert_str_neq(now, "tomorrow", "never stored as a time");
    cr_assert(clock_is_iso(now), "%s", now);
    unsetenv("ANZEN_NOW");
    cr_assert(clock_env_check(&v), "unset is the real clock");
}
