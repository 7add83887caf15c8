/* core/catimport: official-form workbooks written here with libxlsxwriter (shared strings; inline
 * strings in constant-memory mode; merged section cells; one answer cell merged across the device
 * columns; a formula read by its cached value) and CSV in UTF-8 with a BOM and in CP932 (made with
 * iconv(1)), each imported through a layout into a catalog that loads; malformed sheets name the
 * sheet and cell; layouts with errors name file:line:col; the identity of a shipped catalog is
 * refused. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "catimport/lib.h"
#include "contract_fixture.h"
#include "testutil.h"

static char *dir;

static void setup(void) { dir = test_tmpdir(); }
static void teardown(void)
{
    test_rm_rf(dir);
    free(dir);
}

static char *path_in(const char *name) { return xasprintf("%s/%s", dir, name); }

static char *write_file(const char *name, const char *text)
{
    char *p = path_in(name);
    FILE *f = fopen(p, "wb");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    return p;
}

static import_layout *layout(const char *text)
{
    char *p = write_file("layout.yaml", text);
    import_layout *l = NULL;
    status_detail err = {0};
    cr_assert_eq(import_layout_load(p, &l, &err), STATUS_OK, "%s", test_msg(&err));
    free(p);
    return l;
}

static const char device_layout[] = "layout: anzen-sheet-layout/1\n"
                                    "sheet: チェックリスト\n"
                                    "header_row: auto\n"
                                    "columns:\n"
                                    "  section: {title: 区分}\n"
                                    "  number: {title: 番号}\n"
                                    "  text: {title: 確認項目}\n"
                                    "  devices:\n"
                                    "    - {column: {title: サーバ}, tag: server, label: {ja: サーバ, en: Server}}\n"
                                    "    - {column: {title: 端末PC}, tag: pc, label: {ja: 端末PC}}\n"
                                    "    - {column: {title: ネットワーク機器}, tag: network, label: ネットワーク機器}\n"
                                    "dates: [checked, due]\n"
                                    "catalog: {id: test-import, version: R8-import, publisher: 厚生労働省, published: 2026-06}\n";

/* The R8-like form: a title row, the header on row 3, sections merged down column A. */
static char *device_workbook(void)
{
    char *p = path_in("r8.xlsx");
    lxw_workbook *wb = workbook_new(p);
    workbook_add_worksheet(wb, "表紙");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "チェックリスト");
    worksheet_write_string(ws, 0, 0, "令和8年度 チェックリスト（テスト）", NULL);
    const char *head[] = {"区分", "番号", "確認項目", "サーバ", "端末PC", "ネットワーク機器"};
    for (int c = 0; c < 6; c++)
        worksheet_write_string(ws, 2, (lxw_col_t)c, head[c], NULL);
    worksheet_merge_range(ws, 3, 0, 4, 0, "1 体制構築", NULL);
    worksheet_write_string(ws, 3, 1, "1-①", NULL);
    worksheet_write_string(ws, 3, 2, "責任者を置いている", NULL);
    worksheet_merge_range(ws, 3, 3, 3, 5, "", NULL); /* one answer for all devices */
    worksheet_write_string(ws, 4, 1, " 1-② ", NULL);
    worksheet_write_string(ws, 4, 2, "規程を\n整えている", NULL);
    worksheet_merge_range(ws, 4, 3, 4, 5, "", NULL);
    worksheet_merge_range(ws, 5, 0, 6, 0, "2 管理・運用", NULL);
    worksheet_set_row(ws, 7, 15, NULL);
    worksheet_merge_range(ws, 7, 1, 7, 2, "3 見出しの行（番号と項目を結合）", NULL);
    worksheet_write_string(ws, 8, 1, "3-①", NULL);
    worksheet_write_string(ws, 8, 2, "見出しの下の項目", NULL);
    worksheet_merge_range(ws, 8, 3, 8, 5, "", NULL);
    worksheet_write_string(ws, 5, 1, "2-④", NULL);
    worksheet_write_string(ws, 5, 2, "権限を設定している", NULL);
    worksheet_write_string(ws, 5, 5, "－", NULL);
    worksheet_write_formula_str(ws, 6, 1, "=\"2-\"&\"⑪\"", NULL, "2-⑪");
    worksheet_write_string(ws, 6, 2, "ログを取っている", NULL);
    worksheet_write_string(ws, 6, 4, "－", NULL);
    worksheet_write_string(ws, 6, 5, "－", NULL);
    cr_assert_eq(workbook_close(wb), LXW_NO_ERROR);
    return p;
}

static catalog *loads(const import_result *r)
{
    diag_list diags = {0};
    catalog *c = catalog_load_buffer("out.yaml", r->yaml, r->yaml_len, &diags);
    for (size_t i = 0; i < diags.len; i++) {
        char *m = diag_format(&diags.items[i]);
        cr_log_error("%s", m);
        free(m);
    }
    cr_assert_eq(diags.len, 0);
    cr_assert_not_null(c);
    diag_free(&diags);
    return c;
}

static char *sha256_of(const char *path)
{
    char *cmd = xasprintf("sha256sum '%s'", path);
    FILE *p = popen(cmd, "r");
    char buf[65] = "";
    cr_assert_eq(fscanf(p, "%64s", buf), 1);
    pclose(p);
    free(cmd);
    return xstrdup(buf);
}

TestSuite(import_sheet, .init = setup, .fini = teardown);

Test(import_sheet, xlsx_with_merged_sections_devices_and_a_formula)
{
    char *wb = device_workbook();
    import_layout *l = layout(device_layout);
    import_result r;
    status_detail err = {0};
    cr_assert_eq(import_sheet_read(wb, l, NULL, "out.yaml", &r, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_str_eq(r.sheet, "チェックリスト");
    cr_expect_eq(r.items, 6, "1-①, 1-②, 2-④ server and pc, 2-⑪ server, 3-①");
    cr_expect_eq(r.headings, 5, "three sections, two per-device questions");
    char *sum = sha256_of(wb);
    cr_expect_str_eq(r.sha256, sum);
    cr_expect(strstr(r.yaml, sum), "the catalog records the file's SHA-256");
    free(sum);
    catalog *c = loads(&r);
    cr_expect_str_eq(c->id, "test-import");
    cr_expect_str_eq(c->version, "R8-import");
    const catalog_node *n = catalog_find_node(c, "i-1-2");
    cr_assert_not_null(n, "1-② by its NFKC-folded number");
    cr_expect_eq(n->kind, NODE_ITEM, "one answer cell merged across the devices: a plain item");
    cr_expect_str_eq(n->ref, "1-②", "trimmed");
    cr_expect_str_eq(n->text.ja, "規程を\n整えている");
    cr_expect_not(n->verified);
    const catalog_node *sec = catalog_find_node(c, n->parent);
    cr_assert_not_null(sec);
    cr_expect_str_eq(sec->title.ja, "1 体制構築", "the merged section cell carries down to row 5");
    cr_expect_eq(catalog_find_node(c, "i-2-4")->kind, NODE_HEADING);
    cr_expect_not_null(catalog_find_node(c, "i-2-4-server"));
    cr_expect_not_null(catalog_find_node(c, "i-2-4-pc"));
    cr_expect_null(catalog_find_node(c, "i-2-4-network"), "struck out with －");
    const catalog_node *f = catalog_find_node(c, "i-2-11-server");
    cr_assert_not_null(f, "the formula's cached value is the number");
    cr_expect_str_eq(f->ref, "2-⑪ サーバ");
    cr_expect(strstr(f->source, "#チェックリスト!7"), "%s", f->source);
    cr_expect(strstr(c->source_title, "r8.xlsx"), "%s", c->source_title);
    const catalog_node *t3 = catalog_find_node(c, catalog_find_node(c, "i-3-1")->parent);
    cr_expect_str_eq(t3->title.ja, "3 見出しの行（番号と項目を結合）", "a row merged across number and text is a section");
    catalog_free(c);
    import_result_free(&r);
    import_layout_free(l);
    free(wb);
}

/* constant-memory mode writes inline strings instead of the shared-string table */
static char *inline_workbook(const char *name, const char *rows[][2], size_t n)
{
    char *p = path_in(name);
    lxw_workbook_options o = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(p, &o);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    worksheet_write_string(ws, 0, 0, "No", NULL);
    worksheet_write_string(ws, 0, 2, "Item", NULL);
    for (size_t i = 0; i < n; i++) {
        if (*rows[i][0])
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, rows[i][0], NULL);
        if (*rows[i][1])
            worksheet_write_string(ws, (lxw_row_t)(i + 1), 2, rows[i][1], NULL);
    }
    cr_assert_eq(workbook_close(wb), LXW_NO_ERROR);
    return p;
}

static const char letter_layout[] = "layout: anzen-sheet-layout/1\nheader_row: 1\ncolumns: {number: A, text: C}\n"
                                    "catalog: {id: own-list, version: \"1\", kind: checklist}\n";

static void expect_fail(const char *path, const char *layout_text, status_code want, const char *message)
{
    import_layout *l = layout(layout_text);
    import_result r;
    status_detail err = {0};
    cr_assert_eq(import_sheet_read(path, l, NULL, "out.yaml", &r, &err), want, "%s", test_msg(&err));
    char *m = status_format(&err, true);
    cr_expect_str_eq(m, message);
    free(m);
    status_detail_free(&err);
    import_layout_free(l);
}

Test(import_sheet, inline_strings_and_letters)
{
    const char *rows[][2] = {{"1", "一つ目"}, {"", ""}, {"2", "二つ目（空行の後）"}};
    char *wb = inline_workbook("own.xlsx", rows, 3);
    import_layout *l = layout(letter_layout);
    import_result r;
    status_detail err = {0};
    cr_assert_eq(import_sheet_read(wb, l, NULL, "out.yaml", &r, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(r.items, 2, "the blank row is skipped");
    catalog *c = loads(&r);
    cr_expect_str_eq(catalog_find_node(c, "i-2")->text.ja, "二つ目（空行の後）");
    cr_expect_eq(c->nanswers, 2, "はい／いいえ by default");
    catalog_free(c);
    import_result_free(&r);
    import_layout_free(l);
    free(wb);
}

Test(import_sheet, malformed_sheets_name_the_sheet_and_cell)
{
    const char *no_number[][2] = {{"1", "あり"}, {"2", "あり"}, {"", "番号のない項目"}};
    char *a = inline_workbook("a.xlsx", no_number, 3);
    expect_fail(a, letter_layout, STATUS_SHEET_EMPTY_NUMBER, "Sheet1!A4: empty item number");
    const char *no_text[][2] = {{"1", "あり"}, {"2", ""}};
    char *b = inline_workbook("b.xlsx", no_text, 2);
    expect_fail(b, letter_layout, STATUS_SHEET_EMPTY_TEXT, "Sheet1!C3: empty item text (item 2)");
    const char *twice[][2] = {{"1", "あり"}, {"2", "あり"}, {"1", "また1"}};
    char *c = inline_workbook("c.xlsx", twice, 3);
    expect_fail(c, letter_layout, STATUS_SHEET_NUMBER_TWICE, "Sheet1!A4: item number \"1\" repeated (first in A2)");
    const char *none[][2] = {{"", ""}};
    char *d = inline_workbook("d.xlsx", none, 1);
    expect_fail(d, letter_layout, STATUS_SHEET_NO_ITEMS, "Sheet1: no item rows below header row 1");
    expect_fail(a, "layout: anzen-sheet-layout/1\nheader_row: 1\nsheet: 別表\ncolumns: {number: A, text: C}\n",
                STATUS_SHEET_NOT_FOUND, "a.xlsx: no sheet \"別表\" (sheets: Sheet1)");
    expect_fail(a, "layout: anzen-sheet-layout/1\nheader_row: 1\ncolumns: {number: {title: 番号}, text: C}\n",
                STATUS_SHEET_HEADER_MISSING, "Sheet1: no column titled \"番号\" in header row 1");
    expect_fail(a, "layout: anzen-sheet-layout/1\nheader_row: auto\ncolumns: {number: {title: 番号}, text: C}\n",
                STATUS_SHEET_HEADER_MISSING, "Sheet1: no column titled \"番号\" in the top 50 rows");
    char *junk = write_file("junk.xlsx", "not a zip");
    char *m = xasprintf("%s: not a readable XLSX workbook", junk);
    expect_fail(junk, letter_layout, STATUS_SHEET_UNREADABLE, m);
    free(m);
    char *txt = write_file("list.ods", "x");
    m = xasprintf("%s: not a .xlsx or .csv file", txt);
    expect_fail(txt, letter_layout, STATUS_SHEET_FORMAT_UNKNOWN, m);
    free(m);
    free(a), free(b), free(c), free(d), free(junk), free(txt);
}

static const char csv_layout[] = "layout: anzen-sheet-layout/1\nheader_row: auto\n"
                                 "columns: {section: {title: 区分}, number: {title: 番号}, text: {title: 確認項目}}\n"
                                 "catalog: {id: csv-import, version: \"1\", kind: checklist}\n";
static const char csv_text[] = "区分,番号,確認項目\r\n"
                               "1 体制構築,1-①,\"責任者を置いている（兼務可, 要記録）\"\r\n"
                               ",1-②,規程を整えている\r\n"
                               "2 管理・運用,2-①,台帳を作っている\r\n";

static void check_csv_catalog(const char *path)
{
    import_layout *l = layout(csv_layout);
    import_result r;
    status_detail err = {0};
    cr_assert_eq(import_sheet_read(path, l, NULL, "out.yaml", &r, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_eq(r.items, 3);
    cr_expect_eq(r.headings, 2);
    catalog *c = loads(&r);
    const catalog_node *n = catalog_find_node(c, "i-1-1");
    cr_assert_not_null(n);
    cr_expect_str_eq(n->text.ja, "責任者を置いている（兼務可, 要記録）");
    cr_expect_str_eq(catalog_find_node(c, "i-1-2")->parent, n->parent, "an empty section cell carries the last one");
    cr_expect_str_neq(catalog_find_node(c, "i-2-1")->parent, n->parent);
    catalog_free(c);
    import_result_free(&r);
    import_layout_free(l);
}

Test(import_sheet, csv_utf8_with_bom)
{
    char *bom = xasprintf("\xEF\xBB\xBF%s", csv_text);
    char *p = write_file("r8.csv", bom);
    check_csv_catalog(p);
    free(bom);
    free(p);
}

Test(import_sheet, csv_cp932_as_japanese_excel_saves_it)
{
    char *u = write_file("utf8.txt", csv_text);
    char *p = path_in("r8-sjis.csv");
    char *cmd = xasprintf("iconv -f UTF-8 -t CP932 '%s' > '%s'", u, p);
    cr_assert_eq(system(cmd), 0);
    check_csv_catalog(p);
    /* a broken CSV names its line and record */
    char *bad = write_file("bad.csv", "区分,番号,確認項目\n1,1-①,\"閉じない\n");
    char *want = xasprintf("%s:2: row 2, column 3: a quoted field is not closed", bad);
    expect_fail(bad, csv_layout, STATUS_CSV_QUOTE_OPEN, want);
    free(cmd), free(u), free(p), free(bad), free(want);
}

Test(import_sheet, layout_errors_name_file_line_and_column)
{
    char *p = write_file("l1.yaml", "layout: anzen-sheet-layout/1\nheader_row: 3\ncolumns:\n  number: A1\n  text: C\n");
    import_layout *l = NULL;
    status_detail err = {0};
    cr_assert_eq(import_layout_load(p, &l, &err), STATUS_LAYOUT_INVALID);
    cr_expect_eq(err.line, 4);
    cr_expect_eq(err.col, 11);
    status_detail_free(&err);
    free(p);
    p = write_file("l2.yaml", "layout: anzen-sheet-layout/1\nheader_row: 3\ncolums: {number: A, text: B}\n");
    cr_assert_eq(import_layout_load(p, &l, &err), STATUS_LAYOUT_FIELD_UNKNOWN);
    char *m = status_format(&err, true);
    char *want = xasprintf("%s:3:1: unknown field \"colums\"", p);
    cr_expect_str_eq(m, want);
    free(m), free(want);
    status_detail_free(&err);
    free(p);
    p = write_file("l3.yaml", "layout: [\n");
    cr_assert_eq(import_layout_load(p, &l, &err), STATUS_LAYOUT_NOT_YAML);
    cr_expect_gt(err.line, 0);
    status_detail_free(&err);
    free(p);
}

Test(import_sheet, a_shipped_identity_is_refused)
{
    char *d = test_tmpdir();
    store *st = test_store_open(d);
    fx_sync(st, true);
    status_detail err = {0};
    cr_expect_eq(import_identity_check(st, "mhlw-checklist-hospital", "R8", "/nonexistent/out.yaml", &err),
                 STATUS_CATALOG_ID_TAKEN);
    cr_expect_str_eq(err.entity, "mhlw-checklist-hospital@R8");
    cr_expect(strstr(err.extra, "mhlw-checklist-hospital-r8.yaml"), "%s", err.extra);
    status_detail_free(&err);
    cr_expect_eq(import_identity_check(st, "mhlw-checklist-hospital", "R8-import", "/nonexistent/out.yaml", &err),
                 STATUS_OK);
    store_close(st);
    test_rm_rf(d);
    free(d);
}
