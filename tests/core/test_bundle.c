/* Bundles in core: canonical digest, write -> read -> import round trip (answers, fields, the
 * import recorded once), and every malformed fixture of tests/fixtures/bundles refused with its
 * status code and the field or position named, nothing written. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "exchange/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

static char *dir;
static store *st;

static void setup(void)
{
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/export");
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(bundle, .init = setup, .fini = teardown);

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* vendor A社, system PACS, an fx-emds assessment (#1) */
static int64_t skeleton(store *s)
{
    status_detail err = {0};
    char vname[] = "A社", sname[] = "PACS", cat[] = "pacs";
    ws_vendor v = {.name = vname};
    int64_t vid = 0, sid = 0, aid = 0;
    cr_assert_eq(ws_vendor_save(s, &v, "t", &vid, &err), STATUS_OK);
    ws_system sys = {.name = sname, .category = cat, .vendor_id = vid};
    cr_assert_eq(ws_system_save(s, &sys, "t", &sid, &err), STATUS_OK);
    assess_spec spec = {.catalog_id = "fx-emds", .catalog_version = "1", .scope = SCOPE_SYSTEM, .system_id = sid, .fy = 2025};
    cr_assert_eq(assess_create(s, &spec, "t", &aid, &err), STATUS_OK);
    return aid;
}

Test(bundle, canonical_text_does_not_depend_on_key_order_or_spacing)
{
    cJSON *a = cJSON_Parse("{\"b\": [1, {\"y\": \"い\", \"x\": null}], \"a\": \"あ\"}");
    cJSON *b = cJSON_Parse("{\"a\":\"あ\",\"b\":[1,{\"x\":null,\"y\":\"い\"}]}");
    char *ca = digest_canonical(a), *cb = digest_canonical(b);
    cr_expect_str_eq(ca, "{\"a\":\"あ\",\"b\":[1,{\"x\":null,\"y\":\"い\"}]}");
    cr_expect_str_eq(ca, cb);
    char h1[DIGEST_HEX], h2[DIGEST_HEX];
    digest_json(a, h1);
    digest_sha256_hex("abc", 3, h2);
    cr_expect_str_eq(h2, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    cr_expect_eq(strlen(h1), 64);
    free(ca);
    free(cb);
    cJSON_Delete(a);
    cJSON_Delete(b);
}

Test(bundle, write_read_import_round_trip_and_import_once)
{
    int64_t aid = skeleton(st);
    status_detail err = {0};
    answer_change ch = {.fields = AF_VALUE | AF_NOTE, .value = "yes", .note = "導入可\n二行目"};
    cr_assert_eq(assess_answer_set(st, aid, "q-1", PARTY_VENDOR, 0, &ch, "佐藤", NULL, NULL, &err), STATUS_OK);
    answer_change ch2 = {.fields = AF_VALUE | AF_CHECKED | AF_REASON, .value = "no", .checked = "2025-04-01",
                         .reason = "保守契約の範囲外"};
    cr_assert_eq(assess_answer_set(st, aid, "q-2", PARTY_VENDOR, 0, &ch2, "佐藤", NULL, NULL, &err), STATUS_OK);
    answer_change hosp = {.fields = AF_VALUE | AF_REASON, .value = "no", .reason = "院内で未整備"};
    cr_assert_eq(assess_answer_set(st, aid, "q-1", PARTY_HOSPITAL, 0, &hosp, "山田", NULL, NULL, &err), STATUS_OK);
    cr_assert_eq(assess_field_set(st, aid, "product", "画像サーバ", "佐藤", NULL, &err), STATUS_OK);
    char *path = xasprintf("%s/b.json", dir);
    bundle_options bo = {.role = BUNDLE_ROLE_AUTO};
    char digest[DIGEST_HEX];
    size_t answers = 0;
    cr_assert_eq(bundle_write(st, &aid, 1, &bo, NULL, NULL, path, false, digest, &answers, &err), STATUS_OK,
                 "%s", test_msg(&err));
    cr_expect_eq(answers, 2, "only the vendor's answers go into a vendor bundle");
    cr_expect_eq(bundle_write(st, &aid, 1, &bo, NULL, NULL, path, false, NULL, NULL, &err), STATUS_FILE_EXISTS);
    status_detail_free(&err);

    bundle b;
    cr_assert_eq(bundle_read_file(path, &b, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_str_eq(b.digest, digest);
    cr_expect_eq(b.role, BUNDLE_ROLE_VENDOR);
    cr_expect_str_eq(b.party_name, "A社");
    cr_assert_eq(b.nassessments, 1);
    cr_expect_str_eq(b.assessments[0].answers[0].note, "導入可\n二行目");
    cr_expect_str_eq(b.assessments[0].answers[0].answered_by, "佐藤");

    /* into a second database with the same skeleton */
    char *dir2 = test_tmpdir();
    store *s2 = test_store_open(dir2);
    test_sync_catalogs(s2, FIXTURES "/export");
    int64_t aid2 = skeleton(s2);
    bundle_plan plan;
    cr_assert_eq(bundle_plan_make(s2, &b, NULL, &plan, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(plan.targets[0].assessment_id, aid2);
    cr_expect_not(plan.targets[0].version_differs);
    bundle_import_result res;
    cr_assert_eq(bundle_import(s2, &b, &plan, NULL, "山田", &res, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(res.answers_changed, 2);
    cr_expect_eq(res.fields_set, 1);
    answer_set set;
    cr_assert_eq(assess_load_answers(s2, aid2, &set, &err), STATUS_OK);
    const answer *q1 = answer_set_find(&set, "q-1", PARTY_VENDOR);
    cr_assert_not_null(q1);
    cr_expect_str_eq(q1->value, "yes");
    cr_expect_str_eq(q1->answered_by, "佐藤", "who answered on the other side is kept");
    cr_expect_null(answer_set_find(&set, "q-1", PARTY_HOSPITAL), "the hospital's own answers are not touched");
    answer_set_free(&set);
    sqlite3_stmt *q = store_prepare(s2, "SELECT count(*) FROM history_action WHERE kind = 'import'");
    sqlite3_step(q);
    cr_expect_eq(sqlite3_column_int(q, 0), 1);
    sqlite3_finalize(q);
    bundle_plan_free(&plan);
    /* twice: nothing changes */
    cr_assert_eq(bundle_plan_make(s2, &b, NULL, &plan, &err), STATUS_OK);
    cr_expect_neq(plan.imported_before, 0);
    cr_assert_eq(bundle_import(s2, &b, &plan, NULL, "山田", &res, &err), STATUS_OK);
    cr_expect(res.already);
    bundle_plan_free(&plan);
    bundle_free(&b);
    store_close(s2);
    test_rm_rf(dir2);
    free(dir2);
    free(path);
}

/* The fixtures and what each must be refused with (code, and the field or line:col named). */
static const struct {
    const char *file;
    status_code code;
    const char *field;
    int line;
} bad[] = {
    {"truncated.json", STATUS_BUNDLE_NOT_JSON, NULL, 56},
    {"not-json.json", STATUS_BUNDLE_NOT_JSON, NULL, 1},
    {"empty.json", STATUS_BUNDLE_NOT_JSON, NULL, 1},
    {"top-array.json", STATUS_BUNDLE_TYPE, "(top)", 0},
    {"wrong-format.json", STATUS_BUNDLE_FORMAT, "format", 0},
    {"digest-mismatch.json", STATUS_BUNDLE_DIGEST, "digest.value", 0},
    {"digest-missing.json", STATUS_BUNDLE_MISSING, "digest", 0},
    {"signature-bad.json", STATUS_BUNDLE_SIGNATURE, "signature.value", 0},
    {"signature-wrong-fingerprint.json", STATUS_BUNDLE_SIGNATURE, "signature.value", 0},
    {"duplicate-key.json", STATUS_BUNDLE_DUPLICATE_KEY, "content.assessments[0].answers[0]", 0},
    {"duplicate-item.json", STATUS_BUNDLE_DUPLICATE_KEY, "content.assessments[0].answers[2].item", 0},
    {"huge-string.json", STATUS_BUNDLE_STRING_TOO_LONG, "content.assessments[0].answers[0].note", 0},
    {"invalid-utf8.json", STATUS_BUNDLE_NOT_UTF8, NULL, 80},
    {"missing-content.json", STATUS_BUNDLE_MISSING, "content", 0},
    {"unknown-key.json", STATUS_BUNDLE_UNKNOWN_KEY, "content.assessments[0].answers[0].vlaue", 0},
    {"wrong-type-fy.json", STATUS_BUNDLE_TYPE, "content.assessments[0].fy", 0},
    {"bad-date.json", STATUS_BUNDLE_BAD_VALUE, "content.assessments[0].answers[0].checked", 0},
    {"bad-owner.json", STATUS_BUNDLE_BAD_VALUE, "content.assessments[0].answers[0].owner", 0},
    {"bad-role.json", STATUS_BUNDLE_BAD_VALUE, "content.party.role", 0},
    {"no-assessments.json", STATUS_BUNDLE_MISSING, "content.assessments[0]", 0},
    {"bad-port.json", STATUS_BUNDLE_BAD_VALUE, "content.systems[0].ports[0].ports", 0},
};

/* Refused once the file is read, against this database. */
static const struct {
    const char *file;
    status_code code;
    const char *field;
} bad_here[] = {
    {"unknown-catalog.json", STATUS_BUNDLE_CATALOG_UNKNOWN, "content.assessments[0].catalog.id"},
    {"unknown-item.json", STATUS_BUNDLE_ITEM_UNKNOWN, "content.assessments[0].answers[0].item"},
    {"unknown-value.json", STATUS_BUNDLE_VALUE_UNKNOWN, "content.assessments[0].answers[0].value"},
};

Test(bundle, malformed_fixtures_are_refused_naming_the_place)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(bad); i++) {
        char *path = xasprintf("%s/bundles/%s", FIXTURES, bad[i].file);
        bundle b;
        status_detail err = {0};
        cr_expect_eq(bundle_read_file(path, &b, &err), bad[i].code, "%s: %s", bad[i].file, test_msg(&err));
        if (bad[i].field)
            cr_expect_str_eq(err.field ? err.field : "", bad[i].field, "%s", bad[i].file);
        if (bad[i].line)
            cr_expect_eq(err.line, bad[i].line, "%s: %s", bad[i].file, test_msg(&err));
        cr_expect_str_eq(err.entity ? err.entity : "", path, "the file is named");
        cr_expect_eq(b.nassessments, 0, "nothing is kept of a refused file");
        status_detail_free(&err);
        free(path);
    }
    skeleton(st);
    int before = count("SELECT count(*) FROM history");
    for (size_t i = 0; i < AZ_ARRAY_LEN(bad_here); i++) {
        char *path = xasprintf("%s/bundles/%s", FIXTURES, bad_here[i].file);
        bundle b;
        status_detail err = {0};
        cr_assert_eq(bundle_read_file(path, &b, &err), STATUS_OK, "%s: %s", bad_here[i].file, test_msg(&err));
        bundle_plan plan;
        cr_expect_eq(bundle_plan_make(st, &b, NULL, &plan, &err), bad_here[i].code, "%s: %s", bad_here[i].file,
                     test_msg(&err));
        cr_expect_str_eq(err.field ? err.field : "", bad_here[i].field, "%s", bad_here[i].file);
        status_detail_free(&err);
        bundle_free(&b);
        free(path);
    }
    cr_expect_eq(count("SELECT count(*) FROM history"), before);
}

Test(bundle, another_catalog_version_lists_and_needs_partial)
{
    int64_t aid = skeleton(st);
    bundle b;
    status_detail err = {0};
    cr_assert_eq(bundle_read_file(FIXTURES "/bundles/other-version.json", &b, &err), STATUS_OK, "%s", test_msg(&err));
    bundle_plan plan;
    cr_assert_eq(bundle_plan_make(st, &b, NULL, &plan, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(plan.targets[0].assessment_id, aid);
    cr_expect(plan.targets[0].version_differs);
    bundle_import_result res;
    cr_expect_eq(bundle_import(st, &b, &plan, NULL, "t", &res, &err), STATUS_BUNDLE_VERSION_MISMATCH);
    cr_expect_eq(count("SELECT count(*) FROM exchange_import"), 0);
    bundle_import_opts partial = {.partial = true};
    cr_expect_eq(bundle_import(st, &b, &plan, &partial, "t", &res, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(res.answers_changed, 2);
    bundle_plan_free(&plan);
    bundle_free(&b);
    status_detail_free(&err);
}
