/* data/schema/anzen-bundle-1.schema.json against real bundles: every bundle bundle_write makes
 * here (unsigned and signed, hospital and vendor, with header fields, evidence, reasons and the
 * system's inventory) and the bundles committed as written by anzen (tests/fixtures/bundles/
 * base.json, signed-by-unknown-key.json) satisfy it; broken copies and the fixtures that break
 * the schema are refused by it (support/json_schema.h). */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "exchange/lib.h"
#include "json_schema.h"
#include "testutil.h"
#include "workspace/lib.h"

static cJSON *schema;
static char *dir;
static store *st;

static cJSON *load_json(const char *path)
{
    size_t len = 0;
    char *text = util_read_file(path, &len);
    cr_assert_not_null(text, "cannot read %s", path);
    cJSON *j = cJSON_ParseWithLength(text, len);
    free(text);
    cr_assert_not_null(j, "%s is not JSON", path);
    return j;
}

static void setup(void)
{
    schema = load_json(TOP_SRCDIR "/data/schema/anzen-bundle-1.schema.json");
    json_schema_root = schema;
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/export");
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
    cJSON_Delete(schema);
}

TestSuite(bundle_schema, .init = setup, .fini = teardown);

static void expect_valid(const char *path)
{
    cJSON *b = load_json(path);
    char why[256] = "";
    cr_expect(valid(b, schema, "$", why, sizeof why), "%s: %s", path, why);
    cJSON_Delete(b);
}

/* vendor A社 with system PACS (ports, storage), an fx-emds assessment answered by both parties */
static int64_t answered(void)
{
    status_detail err = {0};
    char vname[] = "A社", sname[] = "PACS", cat[] = "pacs";
    ws_vendor v = {.name = vname};
    int64_t vid = 0, sid = 0, aid = 0;
    cr_assert_eq(ws_vendor_save(st, &v, "t", &vid, &err), STATUS_OK);
    ws_system sys = {.name = sname, .category = cat, .vendor_id = vid};
    cr_assert_eq(ws_system_save(st, &sys, "t", &sid, &err), STATUS_OK);
    assess_spec spec = {.catalog_id = "fx-emds", .catalog_version = "1", .scope = SCOPE_SYSTEM, .system_id = sid, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "t", &aid, &err), STATUS_OK);
    strlist ev = {0};
    sl_push(&ev, "SDS 第3版");
    answer_change a = {.fields = AF_VALUE | AF_NOTE | AF_EVIDENCE | AF_CHECKED, .value = "yes", .note = "一行目\n二行目",
                       .evidence = &ev, .checked = "2025-04-01"};
    cr_assert_eq(assess_answer_set(st, aid, "q-1", PARTY_VENDOR, 0, &a, "佐藤", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    answer_change b = {.fields = AF_VALUE | AF_REASON, .value = "no", .reason = "院内で対応"};
    cr_assert_eq(assess_answer_set(st, aid, "q-2", PARTY_VENDOR, 0, &b, "佐藤", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    cr_assert_eq(assess_answer_set(st, aid, "q-2", PARTY_HOSPITAL, 0, &b, "山田", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    cr_assert_eq(assess_field_set(st, aid, "product", "画像サーバ", "佐藤", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(assess_field_set(st, aid, "issued", "2025-04-01", "佐藤", NULL, &err), STATUS_OK, "%s", test_msg(&err));
    sl_free(&ev);
    return aid;
}

Test(bundle_schema, every_bundle_written_here_satisfies_the_schema)
{
    int64_t aid = answered();
    unsigned char sk[SIGN_SECRET_BYTES];
    key_public signer = {0};
    cr_assert(sign_keypair(signer.pk, sk));
    key_fingerprint(signer.pk, signer.fingerprint);
    signer.name = xstrdup("A社");
    signer.role = xstrdup("vendor");
    const struct {
        bundle_role role;
        bool sign;
    } kinds[] = {{BUNDLE_ROLE_AUTO, false}, {BUNDLE_ROLE_VENDOR, true}, {BUNDLE_ROLE_HOSPITAL, false},
                 {BUNDLE_ROLE_HOSPITAL, true}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(kinds); i++) {
        char *path = xasprintf("%s/b%zu.json", dir, i);
        bundle_options o = {.role = kinds[i].role, .anzen_version = "test", .created_at = "2026-05-10T09:00:00Z"};
        status_detail err = {0};
        char digest[DIGEST_HEX];
        size_t answers = 0;
        cr_assert_eq(bundle_write(st, &aid, 1, &o, kinds[i].sign ? sk : NULL, kinds[i].sign ? &signer : NULL, path,
                                  false, digest, &answers, &err),
                     STATUS_OK, "%s", test_msg(&err));
        cr_assert_gt(answers, 0);
        expect_valid(path);
        free(path);
    }
    sign_wipe(sk, sizeof sk);
    key_public_free(&signer);
}

Test(bundle_schema, the_committed_bundles_written_by_anzen_satisfy_it)
{
    expect_valid(FIXTURES "/bundles/base.json");
    expect_valid(FIXTURES "/bundles/signed-by-unknown-key.json");
}

/* Fixtures whose break is one of the schema's rules: the schema refuses them as bundle_parse does
 * (bad-date.json, 2025-02-30, has the form of a date: only bundle_parse's calendar check sees it). */
Test(bundle_schema, fixtures_that_break_the_schema_are_refused)
{
    static const char *const broken[] = {"wrong-format", "digest-missing", "missing-content", "unknown-key",
                                         "wrong-type-fy", "bad-role", "top-array"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(broken); i++) {
        char *path = xasprintf(FIXTURES "/bundles/%s.json", broken[i]);
        cJSON *b = load_json(path);
        char why[256] = "";
        cr_expect_not(valid(b, schema, "$", why, sizeof why), "%s: accepted by the schema", broken[i]);
        cJSON_Delete(b);
        free(path);
    }
}

/* Broken copies of base.json, one rule each. */
Test(bundle_schema, broken_copies_are_refused)
{
    static const json_schema_edit cases[] = {
        {"digest not hex", "\"algorithm\":\t\"sha256\",\n\t\t\"value\":\t\"", "\"algorithm\":\t\"sha256\",\n\t\t\"value\":\t\"Z"},
        {"fiscal year out of range", "\"fy\":\t2025", "\"fy\":\t1800"},
        {"fiscal year not an integer", "\"fy\":\t2025", "\"fy\":\t2025.5"},
        {"date not ISO", "\"checked\":\t\"2025-04-01\"", "\"checked\":\t\"R7.4.1\""},
        {"created_at not UTC", "\"created_at\":\t\"", "\"created_at\":\t\"x"},
    };
    json_schema_expect_edits_refused(FIXTURES "/bundles/base.json", schema, cases, AZ_ARRAY_LEN(cases));
}
