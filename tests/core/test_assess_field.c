/* Header fields: the catalog format (typed fields, errors with line and column), setting one per
 * assessment (validated, one transaction with history, nothing written on a refusal, sign-off
 * marked changed) and the export title block that shows them. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "doc_fixture.h"
#include "history/lib.h"

TestSuite(assess_field, .init = doc_setup_inventory, .fini = doc_teardown);

static int count(const char *sql)
{
    sqlite3_stmt *s = store_prepare(doc_st, sql);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

Test(assess_field, catalog_fields_load_and_survive_the_import)
{
    const catalog *c = catalog_db_get(doc_st, "fx-emds", "1");
    cr_assert_not_null(c);
    cr_assert_eq(c->nfields, 8);
    const catalog_field *f = catalog_find_field(c, "legal_records");
    cr_assert_not_null(f);
    cr_expect_eq(f->type, CATALOG_FIELD_CHOICE);
    cr_expect_eq(f->choices.len, 2);
    cr_expect_str_eq(f->choices.items[0], "あり");
    cr_expect_eq(catalog_find_field(c, "issued")->type, CATALOG_FIELD_DATE);
    cr_expect_str_eq(c->fields[1].label.ja, "製品名称");
    cr_expect_null(catalog_find_field(c, "nope"));
}

Test(assess_field, set_validate_clear_with_history)
{
    int64_t aid = doc_assess("fx-emds", true);
    status_detail err = {0};
    int changed = -1;
    cr_assert_eq(assess_field_set(doc_st, aid, "issued", "令和7年4月1日", "tester", &changed, &err), STATUS_OK);
    cr_expect_eq(changed, 1);
    cr_assert_eq(assess_field_set(doc_st, aid, "issued", "2025-04-01", "tester", &changed, &err), STATUS_OK);
    cr_expect_eq(changed, 0, "the same date in another form is no change");
    int before = count("SELECT count(*) FROM history");
    cr_expect_eq(assess_field_set(doc_st, aid, "issued", "2025-02-30", "tester", &changed, &err), STATUS_DATE_NO_SUCH);
    cr_expect_str_eq(err.field, "field.issued");
    cr_expect_not_null(strstr(test_msg(&err), "issued"), "%s", test_msg(&err));
    cr_expect_eq(assess_field_set(doc_st, aid, "form", "XDS", "tester", &changed, &err), STATUS_FIELD_CHOICE);
    cr_expect_not_null(strstr(test_msg(&err), "MDS, SDS"), "%s", test_msg(&err));
    cr_expect_eq(assess_field_set(doc_st, aid, "bogus", "x", "tester", &changed, &err), STATUS_FIELD_UNKNOWN);
    cr_expect_not_null(strstr(test_msg(&err), "fields: form, product"), "%s", test_msg(&err));
    cr_expect_eq(assess_field_set(doc_st, 99, "form", "MDS", "tester", &changed, &err), STATUS_ASSESSMENT_NOT_FOUND);
    cr_expect_eq(count("SELECT count(*) FROM history"), before, "a refusal writes nothing");

    assess_field_list l = {0};
    cr_assert_eq(assess_field_load(doc_st, aid, &l, &err), STATUS_OK);
    cr_assert_eq(l.len, 1);
    cr_expect_str_eq(assess_field_get(&l, "issued")->value, "2025-04-01");
    cr_expect_str_eq(assess_field_get(&l, "issued")->updated_by, "tester");
    assess_field_list_free(&l);

    history_filter f = {.assessment_id = aid};
    history_row *rows = NULL;
    size_t n = 0;
    cr_assert_eq(history_list(doc_st, &f, &rows, &n, &err), STATUS_OK);
    cr_assert_gt(n, 0);
    cr_expect_str_eq(rows[n - 1].field, "field.issued");
    cr_expect_str_eq(rows[n - 1].kind, "field");
    cr_expect_null(rows[n - 1].old_value);
    cr_expect_str_eq(rows[n - 1].new_value, "2025-04-01");
    history_list_free(rows, n);

    cr_assert_eq(assess_field_set(doc_st, aid, "issued", "", "tester", &changed, &err), STATUS_OK);
    cr_expect_eq(changed, 1);
    cr_expect_eq(count("SELECT count(*) FROM assessment_field"), 0, "\"\" clears the field");
    status_detail_free(&err);
}

Test(assess_field, a_change_after_signoff_is_marked)
{
    int64_t aid = doc_assess("fx-emds", true);
    status_detail err = {0};
    cr_assert_eq(assess_signoff(doc_st, aid, "山田", "責任者", "tester", &err), STATUS_OK);
    doc_field(aid, "product", "画像管理");
    assessment a;
    cr_assert_eq(assess_get(doc_st, aid, &a, &err), STATUS_OK);
    cr_expect(a.changed_since_signoff);
    assessment_free(&a);
}

Test(assess_field, a_catalog_without_fields_refuses_every_key)
{
    int64_t aid = doc_assess("fx-ecl", false);
    status_detail err = {0};
    cr_expect_eq(assess_field_set(doc_st, aid, "product", "x", "tester", NULL, &err), STATUS_FIELD_NONE);
    cr_expect_not_null(strstr(test_msg(&err), "has no header fields"), "%s", test_msg(&err));
    status_detail_free(&err);
}

Test(assess_field, yaml_errors_name_line_and_column)
{
    static const char *const head =
        "format: anzen-catalog/1\ncatalog:\n  id: fx-f\n  version: \"1\"\n  revision: 1\n  kind: disclosure\n"
        "  title: {ja: 試験}\n  publisher: 試験\n  published: 2025-01-01\n  source: {title: 試験, url: \"https://example.org\"}\n"
        "  completeness: {status: complete}\n  answers:\n    - {value: \"yes\", label: {ja: はい}, meaning: positive}\n"
        "  fields:\n";
    static const struct {
        const char *fields, *message;
    } cases[] = {
        {"    - {key: a, label: {ja: A}, type: choice}\n", "15:7: field \"a\": a choice needs a non-empty \"choices\" list"},
        {"    - {key: a, label: {ja: A}, type: text, choices: [x]}\n", "15:53: field \"a\": only a choice field has \"choices\""},
        {"    - {key: a, label: {ja: A}, type: text}\n    - {key: a, label: {ja: B}, type: date}\n",
         "16:13: field: key \"a\" is listed twice"},
        {"    - {key: A-1, label: {ja: A}, type: text}\n", "15:13: field: key \"A-1\" must be lower-case letters"},
        {"    - {key: a, label: {ja: A}, type: number}\n", "15:38: field: \"type\" must be one of text, date, choice"},
        {"    - {key: a, type: text}\n", "15:7: field: missing required field \"label\""},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        char *full = xasprintf("%s%s", head, cases[i].fields);
        char *yaml = xasprintf("%snodes:\n  - {id: q, kind: item, text: {ja: 問}, source: \"https://x\", verified: false}\n",
                               full);
        char *path = test_write(doc_dir, "fx-f-1.yaml", yaml);
        diag_list dl = {0};
        catalog_set set = {0};
        strlist dirs = {0};
        sl_push(&dirs, doc_dir);
        catalog_set_load_dirs(&set, &dirs, &dl);
        strbuf all = {0};
        for (size_t k = 0; k < dl.len; k++) {
            char *m = diag_format(&dl.items[k]);
            sb_addf(&all, "%s\n", m);
            free(m);
        }
        cr_expect_not_null(strstr(sb_str(&all), cases[i].message), "case %zu: expected \"%s\" in:\n%s", i,
                           cases[i].message, sb_str(&all));
        sb_free(&all);
        diag_free(&dl);
        catalog_set_free(&set);
        sl_free(&dirs);
        free(path);
        free(yaml);
        free(full);
    }
}
