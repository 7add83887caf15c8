/* The vendor's spreadsheet in core: the --for-vendor workbook read back part by part (protection,
 * unlocked input cells, the answer list from the catalog, date cells, the hidden sheet), then
 * the round trip — export, fill cells by rewriting the sheet XML (libzip), import — giving the
 * vendor answers typed in; a second import changes nothing; each malformed cell is refused
 * naming its sheet and cell, with nothing written. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "assess/lib.h"
#include "exchange/lib.h"
#include "sheet/lib.h"
#include "testutil.h"
#include "workspace/lib.h"

static char *dir;
static store *st;
static int64_t aid;

/* vendor A社, system PACS, an fx-vcl assessment (#1) with a hospital answer and a vendor answer */
static void setup(void)
{
    dir = test_tmpdir();
    st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/sheets-answers");
    status_detail err = {0};
    char vname[] = "A社", sname[] = "PACS", cat[] = "pacs";
    ws_vendor v = {.name = vname};
    int64_t vid = 0, sid = 0;
    cr_assert_eq(ws_vendor_save(st, &v, "t", &vid, &err), STATUS_OK);
    ws_system sys = {.name = sname, .category = cat, .vendor_id = vid};
    cr_assert_eq(ws_system_save(st, &sys, "t", &sid, &err), STATUS_OK);
    assess_spec spec = {.catalog_id = "fx-vcl", .catalog_version = "1", .scope = SCOPE_SYSTEM, .system_id = sid, .fy = 2025};
    cr_assert_eq(assess_create(st, &spec, "t", &aid, &err), STATUS_OK);
    answer_change h = {.fields = AF_VALUE | AF_REASON, .value = "no", .reason = "院内で確認中"};
    cr_assert_eq(assess_answer_set(st, aid, "v-1-1", PARTY_HOSPITAL, 0, &h, "t", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
    answer_change x = {.fields = AF_VALUE | AF_CHECKED, .value = "yes", .checked = "2025-04-01"};
    cr_assert_eq(assess_answer_set(st, aid, "v-1-2", PARTY_VENDOR, 0, &x, "t", NULL, NULL, &err), STATUS_OK, "%s",
                 test_msg(&err));
}

static void teardown(void)
{
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}

TestSuite(answers_import, .init = setup, .fini = teardown);

static char *export_sheet(const char *name)
{
    char *path = xasprintf("%s/%s", dir, name);
    vendor_sheet_options o = {.date = "2025-05-01", .anzen_version = "test"};
    status_detail err = {0};
    size_t items = 0;
    cr_assert_eq(vendor_sheet_write(st, aid, &o, path, false, &items, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(items, 6);
    return path;
}

static char *part(const char *xlsx, const char *name)
{
    xlsx_book *b = NULL;
    xlsx_error e = {0};
    cr_assert_eq(xlsx_open(xlsx, &b, &e), XLSX_OK);
    size_t len = 0;
    char *text = xlsx_part_read(b, name, &len, &e);
    cr_assert_not_null(text, "%s", name);
    xlsx_close(b);
    return text;
}

/* A copy of src at dst with, in part, each old[i] replaced by new[i] (each must occur). */
static void patch(const char *src, const char *dst, const char *name, const char *const *old, const char *const *new_,
                  size_t n)
{
    size_t len = 0;
    char *data = util_read_file(src, &len);
    cr_assert_not_null(data);
    FILE *f = fopen(dst, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    free(data);
    char *xml = part(dst, name);
    for (size_t i = 0; i < n; i++) {
        char *at = strstr(xml, old[i]);
        cr_assert_not_null(at, "%s not in %s", old[i], name);
        char *next = xasprintf("%.*s%s%s", (int)(at - xml), xml, new_[i], at + strlen(old[i]));
        free(xml);
        xml = next;
    }
    int zerr = 0;
    zip_t *z = zip_open(dst, 0, &zerr);
    cr_assert_not_null(z);
    zip_int64_t idx = zip_name_locate(z, name, 0);
    cr_assert_geq(idx, 0);
    zip_source_t *s = zip_source_buffer(z, xml, strlen(xml), 1);
    cr_assert_eq(zip_file_replace(z, (zip_uint64_t)idx, s, 0), 0);
    cr_assert_eq(zip_close(z), 0);
}

#define MAIN_PART "xl/worksheets/sheet1.xml"
#define TEXT_CELL(ref, style, text) "<c r=\"" ref "\" s=\"" style "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"

static char *dump(void)
{
    strbuf b = {0};
    const char *tables[] = {"answer", "history", "history_action", "exchange_import"};
    for (size_t t = 0; t < 4; t++) {
        char *sql = xasprintf("SELECT * FROM %s", tables[t]);
        sqlite3_stmt *s = store_prepare(st, sql);
        free(sql);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(s); c++)
                sb_addf(&b, "%s|", sqlite3_column_text(s, c) ? (const char *)sqlite3_column_text(s, c) : "");
            sb_addc(&b, '\n');
        }
        sqlite3_finalize(s);
    }
    return sb_take(&b);
}

Test(answers_import, the_workbook_is_protected_with_the_input_cells_unlocked_and_validated)
{
    char *path = export_sheet("v.xlsx");
    char *wb = part(path, "xl/workbook.xml"), *sheet = part(path, MAIN_PART), *meta = part(path, "xl/worksheets/sheet2.xml");
    char *styles = part(path, "xl/styles.xml"), *strings = part(path, "xl/sharedStrings.xml");
    cr_assert(strstr(wb, "<sheet name=\"anzen\" sheetId=\"2\" state=\"hidden\""), "%s", wb);
    cr_assert(strstr(sheet, "<sheetProtection sheet=\"1\""));
    cr_assert(strstr(meta, "<sheetProtection sheet=\"1\""));
    /* the answer list is the catalog's labels, over the answer column */
    cr_assert(strstr(sheet, "sqref=\"D6:D14\"><formula1>\"はい,いいえ,対象外\"</formula1>"), "%s", sheet);
    cr_assert(strstr(sheet, "<dataValidation type=\"date\""));
    /* the input cells (D..H) use styles 5 and 6, both unlocked; 6 has the date format */
    cr_assert(strstr(sheet, "<c r=\"D7\" s=\"5\"/><c r=\"E7\" s=\"6\"/>"), "%s", sheet);
    cr_assert(strstr(sheet, "<c r=\"E8\" s=\"6\"><v>45748</v></c>")); /* the vendor's 確認日 2025-04-01 */
    cr_assert(strstr(sheet, "<c r=\"A7\" s=\"4\""));                   /* the item id: locked */
    const char *xfs = strstr(styles, "<cellXfs");
    cr_assert_not_null(xfs);
    int n = 0;
    const char *xf5 = NULL, *xf6 = NULL;
    for (const char *p = strstr(xfs, "<xf "); p; p = strstr(p + 1, "<xf ")) {
        if (n == 5)
            xf5 = p;
        if (n == 6)
            xf6 = p;
        n++;
    }
    cr_assert(xf5 && xf6);
    cr_assert(strstr(xf5, "<protection locked=\"0\"/>") && strstr(xf5, "<protection locked=\"0\"/>") < xf6);
    cr_assert(strstr(xf6, "numFmtId=\"164\"") == xf6 + 4 || strstr(xf6, "numFmtId=\"164\"") < strstr(xf6, "</xf>"));
    cr_assert(strstr(xf6, "<protection locked=\"0\"/>"));
    cr_assert(strstr(styles, "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"));
    /* the hidden sheet names the assessment and the catalog with its content hash */
    const catalog *c = catalog_db_get(st, "fx-vcl", "1");
    char hash[DIGEST_HEX];
    digest_catalog(c, hash);
    cr_assert(strstr(strings, hash));
    cr_assert(strstr(strings, VENDOR_SHEET_FORMAT));
    free(wb);
    free(sheet);
    free(meta);
    free(styles);
    free(strings);
    free(path);
}

Test(answers_import, round_trip_gives_the_typed_answers_and_twice_changes_nothing)
{
    char *path = export_sheet("v.xlsx"), *filled = xasprintf("%s/filled.xlsx", dir);
    const char *old[] = {"<c r=\"D7\" s=\"5\"/>", "<c r=\"E7\" s=\"6\"/>", "<c r=\"D11\" s=\"5\"/>",
                         "<c r=\"F11\" s=\"6\"/>", "<c r=\"G11\" s=\"5\"/>", "<c r=\"D12\" s=\"5\"/>",
                         "<c r=\"G12\" s=\"5\"/>", "<c r=\"H13\" s=\"5\"/>", "<c r=\"D13\" s=\"5\"/>"};
    const char *new_[] = {TEXT_CELL("D7", "5", "はい"),
                          "<c r=\"E7\" s=\"6\"><v>45748</v></c>",
                          TEXT_CELL("D11", "5", "\u3000いいえ "),
                          TEXT_CELL("F11", "6", "令和8年3月31日"),
                          TEXT_CELL("G11", "5", "保守端末のみ"),
                          TEXT_CELL("D12", "5", "ＮＯＴ ＡＰＰＬＩＣＡＢＬＥ"),
                          TEXT_CELL("G12", "5", "納入なし"),
                          TEXT_CELL("H13", "5", "=1+1"),
                          TEXT_CELL("D13", "5", "yes")};
    patch(path, filled, MAIN_PART, old, new_, 9);
    answers_import_result res;
    status_detail err = {0};
    cr_assert_eq(answers_import_file(st, filled, NULL, "受付", &res, &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(res.assessment_id, aid);
    cr_assert_eq(res.added, 4);
    cr_assert_eq(res.changed, 0);
    cr_assert_eq(res.same, 1); /* v-1-2, pre-filled */
    cr_assert_not(res.catalog_differs);
    answers_import_result_free(&res);
    answer_set set = {0};
    cr_assert_eq(assess_load_answers(st, aid, &set, &err), STATUS_OK);
    const answer *a = answer_set_find(&set, "v-1-1", PARTY_VENDOR);
    cr_assert(a && str_eq(a->value, "yes") && str_eq(a->checked, "2025-04-01"));
    a = answer_set_find(&set, "v-1-1", PARTY_HOSPITAL); /* never overwritten */
    cr_assert(a && str_eq(a->value, "no") && str_eq(a->reason, "院内で確認中"));
    a = answer_set_find(&set, "v-2-4-server", PARTY_VENDOR);
    cr_assert(a && str_eq(a->value, "no") && str_eq(a->due, "2026-03-31") && str_eq(a->reason, "保守端末のみ"));
    a = answer_set_find(&set, "v-2-4-pc", PARTY_VENDOR);
    cr_assert(a && str_eq(a->value, "na") && str_eq(a->reason, "納入なし"));
    a = answer_set_find(&set, "v-2-6", PARTY_VENDOR);
    cr_assert(a && str_eq(a->value, "yes") && str_eq(a->note, "=1+1")); /* text, never evaluated */
    cr_assert_null(answer_set_find(&set, "v-2-7", PARTY_VENDOR));
    answer_set_free(&set);
    /* twice: the same digest, nothing written */
    char *before = dump();
    cr_assert_eq(answers_import_file(st, filled, NULL, "受付", &res, &err), STATUS_OK);
    cr_assert(res.already);
    answers_import_result_free(&res);
    char *after = dump();
    cr_assert_str_eq(before, after);
    free(after);
    /* the history names the file and its SHA-256 */
    cr_assert(strstr(before, "file filled.xlsx from vendor A社"));
    cr_assert(strstr(before, "sheet sha256:"));
    free(before);
    free(filled);
    free(path);
}

typedef struct {
    const char *old, *new_;
    status_code code;
    const char *field; /* the cell */
} bad_cell;

Test(answers_import, each_bad_cell_is_named_and_nothing_is_written)
{
    char *path = export_sheet("v.xlsx"), *bad = xasprintf("%s/bad.xlsx", dir);
    const bad_cell cases[] = {
        {"<c r=\"D7\" s=\"5\"/>", "<c r=\"D7\" s=\"5\" t=\"str\"><f>A1</f><v>はい</v></c>", STATUS_SHEET_FORMULA,
         "チェックリスト!D7"},
        {"<c r=\"D11\" s=\"5\"/>", TEXT_CELL("D11", "5", "たぶん"), STATUS_SHEET_VALUE, "チェックリスト!D11"},
        {"<c r=\"F12\" s=\"6\"/>", TEXT_CELL("F12", "6", "2025-02-30"), STATUS_SHEET_DATE, "チェックリスト!F12"},
        {"<c r=\"E13\" s=\"6\"/>", "<c r=\"E13\" s=\"6\"><v>60</v></c>", STATUS_SHEET_DATE, "チェックリスト!E13"},
        {"<c r=\"H9\" s=\"3\"/>", TEXT_CELL("H9", "3", "見出しへの記入"), STATUS_SHEET_ITEM, "チェックリスト!A9"},
    };
    char *before = dump();
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        const char *o[] = {cases[i].old}, *nw[] = {cases[i].new_};
        patch(path, bad, MAIN_PART, o, nw, 1);
        answers_import_result res;
        status_detail err = {0};
        cr_assert_eq(answers_import_file(st, bad, NULL, "t", &res, &err), cases[i].code, "case %zu: %s", i, test_msg(&err));
        cr_assert_str_eq(err.field, cases[i].field, "case %zu", i);
        cr_assert_str_eq(err.entity, "bad.xlsx");
        status_detail_free(&err);
        answers_import_result_free(&res);
        remove(bad);
    }
    /* another assessment named */
    answers_import_result res;
    status_detail err = {0};
    answers_import_opts o = {.assessment_id = aid + 1};
    cr_assert_eq(answers_import_file(st, path, &o, "t", &res, &err), STATUS_SHEET_NOT_OURS);
    cr_assert_str_eq(err.field, "assessment");
    status_detail_free(&err);
    answers_import_result_free(&res);
    char *after = dump();
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
    free(bad);
    free(path);
}
