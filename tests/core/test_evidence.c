/* The evidence register and reasons: entries with per-field history and checks, one entry
 * linked to items of several assessments (a guideline and a checklist), links through carry,
 * archive and undo, the flag for entries running out in the new year, reasons where the catalog
 * asks for one, and migration 9 keeping every old per-answer reference. Fixture catalogs: the
 * export fixtures (fx-egl: 対象外 needs a reason; fx-ecl: いいえ needs one). */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "history/lib.h"
#include "store/schema.h"
#include "testutil.h"

static char *dir;
static store *st;
static int64_t gl, cl; /* fx-egl and fx-ecl assessments of FY2025 */

static int64_t new_assessment(const char *cat, int fy)
{
    assess_spec spec = {.catalog_id = cat, .catalog_version = "1", .scope = SCOPE_ORG, .fy = fy};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(assess_create(st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    return id;
}

static void setup(void)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/export");
    gl = new_assessment("fx-egl", 2025);
    cl = new_assessment("fx-ecl", 2025);
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(evidence, .init = setup, .fini = teardown);

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
}

static int64_t add_policy(const char *title, const char *review)
{
    evidence_change ch = {.fields = EF_TITLE | EF_KIND | EF_REF | EF_OWNER | EF_EFFECTIVE | EF_REVIEW,
                          .title = title, .kind = EVIDENCE_POLICY, .ref = "規程第3号", .owner = "情報システム課",
                          .effective = "2024-04-01", .review = review};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(evidence_add(st, &ch, "山田", &id, &err), STATUS_OK, "%s", test_msg(&err));
    return id;
}

static void link(int64_t e, int64_t aid, const char *item, bool on)
{
    status_detail err = {0};
    int changed = 0;
    cr_assert_eq(evidence_link_set(st, e, aid, item, PARTY_HOSPITAL, 0, on, "山田", &changed, &err), STATUS_OK, "%s %s",
                 item, test_msg(&err));
    cr_assert_eq(changed, 1, "%s: one field changed", item);
}

/* The ids linked to an item's hospital answer, as "1,3". */
static char *links_of(int64_t aid, const char *item)
{
    answer_set set;
    status_detail err = {0};
    cr_assert_eq(assess_load_answers(st, aid, &set, &err), STATUS_OK);
    const answer *x = answer_set_find(&set, item, PARTY_HOSPITAL);
    strbuf b = {0};
    for (size_t i = 0; x && i < x->nevidence; i++)
        sb_addf(&b, "%s%lld", i ? "," : "", (long long)x->evidence[i].id);
    answer_set_free(&set);
    return b.data ? sb_take(&b) : xstrdup("");
}

Test(evidence, add_edit_with_history_and_checks)
{
    int64_t id = add_policy("運用管理規程", "2027-03-31");
    evidence_entry e;
    status_detail err = {0};
    cr_assert_eq(evidence_get(st, id, &e, &err), STATUS_OK);
    cr_expect_str_eq(e.title, "運用管理規程");
    cr_expect_eq(e.kind, EVIDENCE_POLICY);
    cr_expect_str_eq(e.ref, "規程第3号");
    cr_expect_str_eq(e.review, "2027-03-31");
    cr_expect_str_eq(e.created_by, "山田");
    cr_expect_eq(e.links, 0);
    evidence_entry_free(&e);
    /* created, title, kind, ref, owner, effective, review */
    cr_expect_eq(count("SELECT count(*) FROM history WHERE entity = 'evidence'"), 7);

    int changed = 0;
    evidence_change ch = {.fields = EF_REVIEW | EF_NOTE, .review = "2028-03-31", .note = "改定版を理事会で承認"};
    cr_assert_eq(evidence_edit(st, id, &ch, "佐藤", &changed, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(changed, 2);
    cr_expect_eq(count("SELECT count(*) FROM history WHERE entity = 'evidence' AND field = 'review'"
                       " AND old_value = '2027-03-31' AND new_value = '2028-03-31'"),
                 1);
    cr_assert_eq(evidence_edit(st, id, &ch, "佐藤", &changed, &err), STATUS_OK);
    cr_expect_eq(changed, 0, "the same values change nothing");
    int actions = count("SELECT count(*) FROM history_action");

    /* refused, nothing written */
    evidence_change bad[] = {
        {.fields = EF_TITLE, .title = ""},
        {.fields = EF_TITLE, .title = "二行\nの題名"},
        {.fields = EF_REVIEW, .review = "R9.3.31"},
        {.fields = EF_REVIEW, .review = "2020-01-01"}, /* before the effective date 2024-04-01 */
        {.fields = EF_KIND, .kind = EVIDENCE__COUNT},
    };
    status_code want[] = {STATUS_FIELD_REQUIRED, STATUS_EVIDENCE_MALFORMED, STATUS_DATE_NOT_ISO,
                          STATUS_EVIDENCE_REVIEW_BEFORE_EFFECTIVE, STATUS_EVIDENCE_KIND_UNKNOWN};
    for (size_t i = 0; i < AZ_ARRAY_LEN(bad); i++) {
        cr_expect_eq(evidence_edit(st, id, &bad[i], "佐藤", NULL, &err), want[i], "case %zu: %s", i, test_msg(&err));
        status_detail_free(&err);
    }
    cr_expect_eq(evidence_add(st, &(evidence_change){.fields = EF_REF, .ref = "x"}, "佐藤", NULL, &err),
                 STATUS_FIELD_REQUIRED);
    status_detail_free(&err);
    cr_expect_eq(count("SELECT count(*) FROM history_action"), actions);
    cr_expect_eq(evidence_edit(st, 99, &ch, "佐藤", NULL, &err), STATUS_EVIDENCE_NOT_FOUND);
    status_detail_free(&err);
}

Test(evidence, find_by_number_title_or_reference)
{
    int64_t a = add_policy("運用管理規程", NULL), b = add_policy("保守手順書", NULL);
    int64_t id = 0;
    status_detail err = {0};
    cr_expect_eq(evidence_find(st, "#2", &id, &err), STATUS_OK);
    cr_expect_eq(id, b);
    cr_expect_eq(evidence_find(st, "運用管理規程", &id, &err), STATUS_OK);
    cr_expect_eq(id, a);
    cr_expect_eq(evidence_find(st, "規程第3号", &id, &err), STATUS_EVIDENCE_AMBIGUOUS, "two entries have that ref");
    status_detail_free(&err);
    cr_expect_eq(evidence_find(st, "無い文書", &id, &err), STATUS_EVIDENCE_NOT_FOUND);
    status_detail_free(&err);
    evidence_kind k;
    cr_expect(evidence_kind_parse("規程・手順書", &k) && k == EVIDENCE_POLICY);
    cr_expect(evidence_kind_parse("議事録", &k) == false);
    cr_expect(evidence_kind_parse("記録", &k) && k == EVIDENCE_RECORD);
    cr_expect(evidence_kind_parse("config", &k) && k == EVIDENCE_CONFIG);
}

Test(evidence, states_by_review_date)
{
    jp_date today = {2026, 5, 10};
    cr_expect_eq(evidence_state_on(NULL, today), EVIDENCE_NO_DATE);
    cr_expect_eq(evidence_state_on("2026-05-09", today), EVIDENCE_EXPIRED);
    cr_expect_eq(evidence_state_on("2026-05-10", today), EVIDENCE_DUE);
    cr_expect_eq(evidence_state_on("2026-06-09", today), EVIDENCE_DUE);
    cr_expect_eq(evidence_state_on("2026-06-10", today), EVIDENCE_CURRENT);
    cr_expect(evidence_expires_before_fy_end("2027-03-30", 2026));
    cr_expect(!evidence_expires_before_fy_end("2027-03-31", 2026));
    cr_expect(!evidence_expires_before_fy_end(NULL, 2026));
    add_policy("期限切れ", "2026-04-30");
    add_policy("見直し時期", "2026-05-31");
    add_policy("有効", "2027-03-31");
    int64_t old = add_policy("保管済み", "2026-04-01"); /* expired too, but archived */
    cr_assert_eq(evidence_edit(st, old, &(evidence_change){.fields = EF_ARCHIVED, .archived = true}, "t", NULL, NULL),
                 STATUS_OK);
    int expired = -1, due = -1;
    cr_assert_eq(evidence_count_states(st, today, &expired, &due, NULL), STATUS_OK);
    cr_expect_eq(expired, 1, "archived entries are not counted");
    cr_expect_eq(due, 1);
}

Test(evidence, one_entry_many_items_across_assessments_and_uses)
{
    int64_t p = add_policy("運用管理規程", "2027-03-31");
    link(p, gl, "g-1", true);
    link(p, gl, "g-3", true);
    link(p, cl, "c-0", true);
    status_detail err = {0};
    int changed = -1;
    cr_assert_eq(evidence_link_set(st, p, gl, "g-1", PARTY_HOSPITAL, 0, true, "山田", &changed, &err), STATUS_OK);
    cr_expect_eq(changed, 0, "linking twice changes nothing");
    cr_expect_eq(evidence_link_set(st, p, gl, "v1", PARTY_HOSPITAL, 0, true, "山田", NULL, &err), STATUS_ITEM_IS_HEADING);
    status_detail_free(&err);
    cr_expect_eq(evidence_link_set(st, 42, gl, "g-1", PARTY_HOSPITAL, 0, true, "山田", NULL, &err),
                 STATUS_EVIDENCE_NOT_FOUND);
    status_detail_free(&err);
    evidence_use *uses = NULL;
    size_t n = 0;
    cr_assert_eq(evidence_uses(st, p, &uses, &n, &err), STATUS_OK);
    cr_assert_eq(n, 3);
    cr_expect_eq(uses[0].assessment_id, gl);
    cr_expect_str_eq(uses[0].item_id, "g-1");
    cr_expect_str_eq(uses[0].ref, "1.1 ①");
    cr_expect_str_eq(uses[1].item_id, "g-3");
    cr_expect_eq(uses[2].assessment_id, cl);
    cr_expect_str_eq(uses[2].catalog_id, "fx-ecl");
    evidence_uses_free(uses, n);
    evidence_entry e;
    evidence_get(st, p, &e, &err);
    cr_expect_eq(e.links, 3);
    evidence_entry_free(&e);
    /* a second entry after the first, then the first unlinked: order kept */
    int64_t q = add_policy("保守手順書", NULL);
    link(q, gl, "g-1", true);
    char *l = links_of(gl, "g-1");
    cr_expect_str_eq(l, "1,2");
    free(l);
    link(p, gl, "g-1", false);
    l = links_of(gl, "g-1");
    cr_expect_str_eq(l, "2");
    free(l);
    /* history: one answer row per link change, "#id title" lines */
    cr_expect_eq(count("SELECT count(*) FROM history WHERE entity = 'answer' AND field = 'evidence'"
                       " AND item_id = 'g-1' AND new_value = '#1 運用管理規程' || char(10) || '#2 保守手順書'"),
                 1);
}

Test(evidence, links_survive_carry_archive_and_undo)
{
    int64_t p = add_policy("運用管理規程", "2027-02-28"); /* runs out within FY2026 */
    int64_t q = add_policy("保守契約書", "2030-03-31");
    link(p, gl, "g-1", true);
    link(q, gl, "g-1", true);
    link(p, gl, "g-2", true);
    /* carry: the same entries linked, none copied */
    int64_t next = 0;
    status_detail err = {0};
    cr_assert_eq(assess_carry(st, gl, 2026, NULL, 0, "山田", &next, NULL, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(count("SELECT count(*) FROM evidence"), 2);
    char *l = links_of(next, "g-1");
    cr_expect_str_eq(l, "1,2");
    free(l);
    l = links_of(next, "g-2");
    cr_expect_str_eq(l, "1");
    free(l);
    evidence_entry *exp = NULL;
    size_t n = 0;
    cr_assert_eq(evidence_expiring(st, next, 2026, &exp, &n, &err), STATUS_OK);
    cr_assert_eq(n, 1, "only the entry whose review falls before 2027-03-31");
    cr_expect_eq(exp[0].id, p);
    evidence_list_free(exp, n);
    /* archive: kept, still linked, hidden from the default list */
    cr_assert_eq(evidence_edit(st, q, &(evidence_change){.fields = EF_ARCHIVED, .archived = true}, "山田", NULL, &err),
                 STATUS_OK);
    l = links_of(next, "g-1");
    cr_expect_str_eq(l, "1,2");
    free(l);
    evidence_entry *list = NULL;
    cr_assert_eq(evidence_list(st, false, &list, &n, &err), STATUS_OK);
    cr_expect_eq(n, 1);
    evidence_list_free(list, n);
    cr_assert_eq(evidence_list(st, true, &list, &n, &err), STATUS_OK);
    cr_expect_eq(n, 2);
    evidence_list_free(list, n);
    /* undo: a later note change is undone and the links stay; then the link itself is undone */
    answer_change note = {.fields = AF_NOTE, .note = "来年度に改定"};
    cr_assert_eq(assess_answer_set(st, gl, "g-1", PARTY_HOSPITAL, 0, &note, "山田", NULL, NULL, &err), STATUS_OK);
    cr_assert_eq(assess_undo(st, gl, "山田", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    l = links_of(gl, "g-1");
    cr_expect_str_eq(l, "1,2");
    free(l);
    cr_assert_eq(assess_undo(st, gl, "山田", NULL, &err), STATUS_OK, "%s", test_msg(&err)); /* p on g-2 */
    l = links_of(gl, "g-2");
    cr_expect_str_eq(l, "");
    free(l);
    cr_assert_eq(assess_undo(st, gl, "山田", NULL, &err), STATUS_OK, "%s", test_msg(&err)); /* q on g-1 */
    l = links_of(gl, "g-1");
    cr_expect_str_eq(l, "1");
    free(l);
    /* the carried assessment kept its own links */
    l = links_of(next, "g-1");
    cr_expect_str_eq(l, "1,2");
    free(l);
}

Test(evidence, reason_required_where_the_catalog_says)
{
    status_detail err = {0};
    int before = count("SELECT count(*) FROM history");
    answer_change na = {.fields = AF_VALUE, .value = "na"};
    cr_assert_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &na, "山田", NULL, NULL, &err),
                 STATUS_REASON_REQUIRED);
    cr_expect_str_eq(err.item, "g-4");
    status_detail_free(&err);
    na.fields |= AF_REASON;
    na.reason = "一行目\n二行目";
    cr_assert_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &na, "山田", NULL, NULL, &err),
                 STATUS_REASON_MALFORMED);
    status_detail_free(&err);
    cr_expect_eq(count("SELECT count(*) FROM history"), before, "refused: nothing written");
    /* a value that needs none: no reason asked */
    answer_change partly = {.fields = AF_VALUE, .value = "partly"};
    cr_assert_eq(assess_answer_set(st, gl, "g-3", PARTY_HOSPITAL, 0, &partly, "山田", NULL, NULL, &err), STATUS_OK);
    /* with a reason: stored apart from the note, in history */
    na.reason = "無線LANを設置していない";
    cr_assert_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &na, "山田", NULL, NULL, &err), STATUS_OK,
                 "%s", test_msg(&err));
    cr_expect_eq(count("SELECT count(*) FROM answer WHERE item_id = 'g-4' AND reason = '無線LANを設置していない'"
                       " AND note IS NULL"),
                 1);
    cr_expect_eq(count("SELECT count(*) FROM history WHERE field = 'reason' AND new_value = '無線LANを設置していない'"), 1);
    /* clearing the reason of such an answer is refused; other edits go through */
    answer_change clear = {.fields = AF_REASON, .reason = ""};
    cr_expect_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &clear, "山田", NULL, NULL, &err),
                 STATUS_REASON_REQUIRED);
    status_detail_free(&err);
    answer_change note = {.fields = AF_NOTE, .note = "設置時に再評価"};
    cr_expect_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &note, "山田", NULL, NULL, &err), STATUS_OK);
    /* a value that needs none clears the old reason (in history); undo brings it back */
    answer_change done = {.fields = AF_VALUE, .value = "done"};
    cr_assert_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &done, "山田", NULL, NULL, &err), STATUS_OK);
    cr_expect_eq(count("SELECT count(*) FROM answer WHERE item_id = 'g-4' AND reason IS NULL"), 1);
    cr_assert_eq(assess_undo(st, gl, "山田", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(count("SELECT count(*) FROM answer WHERE item_id = 'g-4' AND value = 'na'"
                       " AND reason = '無線LANを設置していない'"),
                 1);
    /* the checklist: いいえ needs one too; answer_reason_missing finds old answers without */
    answer_change no = {.fields = AF_VALUE, .value = "no"};
    cr_expect_eq(assess_answer_set(st, cl, "c-0", PARTY_HOSPITAL, 0, &no, "山田", NULL, NULL, &err),
                 STATUS_REASON_REQUIRED);
    status_detail_free(&err);
    store_exec(st, "INSERT INTO answer(assessment_pk, item_id, party, value, updated_at) VALUES(2, 'c-1-1', 'hospital',"
                   " 'no', '2026-05-10T09:00:00Z')", NULL);
    answer_set set;
    cr_assert_eq(assess_load_answers(st, cl, &set, &err), STATUS_OK);
    const catalog *c = catalog_db_get(st, "fx-ecl", "1");
    cr_expect(answer_reason_missing(c, answer_set_find(&set, "c-1-1", PARTY_HOSPITAL)));
    answer_set_free(&set);
    cr_assert_eq(assess_load_answers(st, gl, &set, &err), STATUS_OK);
    const catalog *g = catalog_db_get(st, "fx-egl", "1");
    cr_expect(!answer_reason_missing(g, answer_set_find(&set, "g-4", PARTY_HOSPITAL)));
    cr_expect(!answer_reason_missing(g, answer_set_find(&set, "g-3", PARTY_HOSPITAL)));
    answer_set_free(&set);
}

Test(evidence, carry_with_values_keeps_reasons)
{
    status_detail err = {0};
    answer_change na = {.fields = AF_VALUE | AF_REASON, .value = "na", .reason = "無線LANを設置していない"};
    cr_assert_eq(assess_answer_set(st, gl, "g-4", PARTY_HOSPITAL, 0, &na, "山田", NULL, NULL, &err), STATUS_OK);
    int64_t next = 0, bare = 0;
    cr_assert_eq(assess_carry(st, gl, 2026, NULL, CARRY_KEEP_VALUES, "山田", &next, NULL, &err), STATUS_OK);
    cr_expect_eq(count("SELECT count(*) FROM answer WHERE assessment_pk = 3 AND item_id = 'g-4' AND value = 'na'"
                       " AND reason = '無線LANを設置していない'"),
                 1);
    cr_assert_eq(assess_carry(st, gl, 2027, NULL, 0, "山田", &bare, NULL, &err), STATUS_OK);
    cr_expect_eq(count("SELECT count(*) FROM answer WHERE assessment_pk = 4 AND reason IS NOT NULL"), 0,
                 "without the values, no reasons");
}

/* A version-8 database as an older anzen left it, with free-text evidence. */
static char *old_database(void)
{
    char *path = xasprintf("%s/old.db", dir);
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    strbuf sql = {0};
    for (int v = 0; v < 8; v++)
        sb_addf(&sql, "%s;", schema_migrations[v]);
    sb_add(&sql, "PRAGMA user_version = 8;"
                 "INSERT INTO assessment(pk, catalog_id, catalog_version, scope, fy, created_at, created_by)"
                 " VALUES(1, 'fx-egl', '1', 'org', 2025, '2025-04-01T00:00:00Z', 't'),"
                 " (2, 'fx-ecl', '1', 'org', 2025, '2025-04-01T00:00:00Z', 't');"
                 "INSERT INTO vendor(pk, name, updated_at) VALUES(1, 'A社', '2025-04-01T00:00:00Z');"
                 "INSERT INTO answer(assessment_pk, item_id, party, party_vendor_pk, value, updated_at) VALUES"
                 " (1, 'g-1', 'hospital', 0, 'done', '2025-04-02T00:00:00Z'),"
                 " (1, 'g-1', 'vendor', 1, 'done', '2025-04-03T00:00:00Z'),"
                 " (1, 'g-2', 'hospital', 0, NULL, '2025-04-04T00:00:00Z'),"
                 " (2, 'c-0', 'hospital', 0, 'yes', '2025-04-05T00:00:00Z');"
                 "INSERT INTO answer_evidence VALUES"
                 " (1, 'g-1', 'hospital', 0, 0, '規程/保守手順書.pdf'),"
                 " (1, 'g-1', 'hospital', 0, 1, 'https://intra.example/保守'),"
                 " (1, 'g-1', 'vendor', 1, 0, '作業報告書 2025-03'),"
                 " (1, 'g-2', 'hospital', 0, 0, 'https://intra.example/保守'),"
                 " (1, 'g-2', 'hospital', 0, 1, '規程/保守手順書.pdf'),"
                 " (2, 'c-0', 'hospital', 0, 0, '規程/保守手順書.pdf');");
    char *msg = NULL;
    cr_assert_eq(sqlite3_exec(db, sb_str(&sql), NULL, NULL, &msg), SQLITE_OK, "%s", msg ? msg : "");
    sb_free(&sql);
    sqlite3_close(db);
    return path;
}

Test(evidence, migration_keeps_every_old_reference)
{
    char *path = old_database();
    store *old = NULL;
    status_detail err = {0};
    cr_assert_eq(store_open(path, 0, &old, &err), STATUS_OK, "%s", test_msg(&err));
    store *keep = st;
    st = old;
    cr_expect_eq(count("PRAGMA user_version"), store_schema_version());
    cr_expect_eq(count("SELECT count(*) FROM sqlite_master WHERE name = 'answer_evidence'"), 0);
    /* one entry per distinct text, the text as title and reference */
    cr_expect_eq(count("SELECT count(*) FROM evidence"), 3);
    cr_expect_eq(count("SELECT count(*) FROM evidence WHERE title = ref AND kind = 'other'"), 3);
    cr_expect_eq(count("SELECT count(*) FROM evidence_link"), 6, "every old reference is a link");
    /* each answer keeps its references, in their order, by text */
    static const struct {
        int64_t aid;
        const char *item;
        answer_party party;
        const char *refs;
    } want[] = {
        {1, "g-1", PARTY_HOSPITAL, "規程/保守手順書.pdf|https://intra.example/保守"},
        {1, "g-1", PARTY_VENDOR, "作業報告書 2025-03"},
        {1, "g-2", PARTY_HOSPITAL, "https://intra.example/保守|規程/保守手順書.pdf"},
        {2, "c-0", PARTY_HOSPITAL, "規程/保守手順書.pdf"},
    };
    int64_t shared = 0;
    for (size_t i = 0; i < AZ_ARRAY_LEN(want); i++) {
        answer_set set;
        cr_assert_eq(assess_load_answers(st, want[i].aid, &set, &err), STATUS_OK);
        const answer *x = answer_set_find(&set, want[i].item, want[i].party);
        cr_assert_not_null(x);
        strbuf b = {0};
        for (size_t k = 0; k < x->nevidence; k++) {
            sb_addf(&b, "%s%s", k ? "|" : "", x->evidence[k].ref);
            if (str_eq(x->evidence[k].ref, "規程/保守手順書.pdf")) {
                cr_expect(!shared || shared == x->evidence[k].id, "the same text is the same entry everywhere");
                shared = x->evidence[k].id;
            }
        }
        cr_expect_str_eq(sb_str(&b), want[i].refs, "%s %s", want[i].item, answer_party_name(want[i].party));
        sb_free(&b);
        answer_set_free(&set);
    }
    evidence_use *uses = NULL;
    size_t n = 0;
    cr_assert_eq(evidence_uses(st, shared, &uses, &n, &err), STATUS_OK);
    cr_expect_eq(n, 3, "規程/保守手順書.pdf is linked from three answers in two assessments");
    evidence_uses_free(uses, n);
    /* the migrated text still resolves to its entry: an old history row's undo finds it */
    int64_t id = 0;
    cr_expect_eq(evidence_find(st, "作業報告書 2025-03", &id, &err), STATUS_OK);
    st = keep;
    store_close(old);
    free(path);
}
