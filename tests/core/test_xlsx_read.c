/* The XLSX reader on hand-made packages: what libxlsxwriter never writes (inline strings, rich
 * text with furigana, formulas with cached values, booleans, errors, cells without a reference)
 * and broken input (not a zip, missing parts, malformed XML, a DTD, bad references). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "sheet/lib.h"
#include "testutil.h"
#include "base/lib.h"

static const char ROOT_RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
static const char WB[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"グラフ\" sheetId=\"2\" r:id=\"rId3\"/>"
    "<sheet name=\"表2\" sheetId=\"3\" r:id=\"rId4\"/></sheets></workbook>";
static const char WB_RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/a.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/strings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet\" Target=\"chartsheets/c.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/b.xml\"/>"
    "</Relationships>";
static const char SST[] =
    "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>病院</t></si>"
    "<si><r><t>医療</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 情報</t></r><rPh sb=\"0\" eb=\"2\"><t>イリョウ</t></rPh></si>"
    "</sst>";
static const char SHEET_A[] =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>インライン &amp; &lt;b&gt;</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\"><v>2.5</v></c><c r=\"B3\"><f>A3*2</f><v>5</v></c><c r=\"C3\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
    "<c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\" t=\"e\"><v>#DIV/0!</v></c><c r=\"F3\" s=\"4\"/></row>"
    "<row><c><v>7</v></c><c><v>8</v></c></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B2\"/></mergeCells></worksheet>";
static const char SHEET_B[] =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>";

typedef struct {
    const char *name, *data;
} part;

/* Writes a zip of the given parts to dir/name; returns the path. */
static char *make_zip(const char *dir, const char *name, const part *parts, size_t n)
{
    char *path = xasprintf("%s/%s", dir, name);
    int err;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    cr_assert_not_null(z);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *src = zip_source_buffer(z, parts[i].data, strlen(parts[i].data), 0);
        cr_assert_geq(zip_file_add(z, parts[i].name, src, ZIP_FL_ENC_UTF_8), 0);
    }
    cr_assert_eq(zip_close(z), 0);
    return path;
}

static char *good_book(const char *dir)
{
    const part parts[] = {{"_rels/.rels", ROOT_RELS}, {"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", WB_RELS},
                          {"xl/strings.xml", SST},    {"xl/worksheets/a.xml", SHEET_A}, {"xl/worksheets/b.xml", SHEET_B}};
    return make_zip(dir, "good.xlsx", parts, AZ_ARRAY_LEN(parts));
}

Test(xlsx_read, sheets_strings_numbers_formulas)
{
    char *dir = test_tmpdir();
    char *path = good_book(dir);
    xlsx_book *book;
    xlsx_error err = {0};
    cr_assert_eq(xlsx_open(path, &book, &err), XLSX_OK);
    cr_assert_eq(xlsx_sheet_count(book), 2, "the chartsheet is not a worksheet");
    cr_expect_str_eq(xlsx_sheet_name(book, 0), "表1");
    cr_expect_str_eq(xlsx_sheet_part(book, 0), "xl/worksheets/a.xml");
    size_t idx;
    cr_expect(xlsx_sheet_find(book, "表2", &idx) && idx == 1);
    cr_expect(!xlsx_sheet_find(book, "グラフ", &idx));

    xlsx_sheet *sh;
    cr_assert_eq(xlsx_sheet_load(book, 0, &sh, &err), XLSX_OK);
    cr_expect_str_eq(xlsx_cell_ref(sh, "A1")->text, "病院");
    cr_expect_str_eq(xlsx_cell_ref(sh, "B1")->text, "医療 情報", "runs joined, furigana left out");
    cr_expect_str_eq(xlsx_cell_ref(sh, "C1")->text, "インライン & <b>");
    const xlsx_cell *c = xlsx_cell_ref(sh, "A3");
    cr_expect_eq(c->type, XLSX_NUMBER);
    cr_expect_eq(c->number, 2.5);
    cr_expect_str_eq(c->text, "2.5");
    c = xlsx_cell_ref(sh, "$B$3");
    cr_expect_str_eq(c->formula, "A3*2");
    cr_expect_eq(c->number, 5.0, "the cached value");
    c = xlsx_cell_ref(sh, "C3");
    cr_expect_eq(c->type, XLSX_STRING);
    cr_expect_str_eq(c->text, "ab");
    cr_expect_str_eq(c->formula, "\"a\"&\"b\"");
    cr_expect_eq(xlsx_cell_ref(sh, "D3")->type, XLSX_BOOL);
    cr_expect_eq(xlsx_cell_ref(sh, "D3")->number, 1.0);
    cr_expect_eq(xlsx_cell_ref(sh, "E3")->type, XLSX_ERROR);
    cr_expect_str_eq(xlsx_cell_ref(sh, "E3")->text, "#DIV/0!");
    c = xlsx_cell_ref(sh, "F3");
    cr_expect_eq(c->type, XLSX_EMPTY);
    cr_expect_eq(c->style, 4);
    cr_expect_eq(xlsx_cell_ref(sh, "A4")->number, 7.0, "a row and cells without r follow the previous ones");
    cr_expect_eq(xlsx_cell_ref(sh, "B4")->number, 8.0);
    cr_expect_null(xlsx_cell_ref(sh, "A2"));
    cr_expect_str_eq(xlsx_text_at(sh, 1, 0), "");
    cr_expect_eq(xlsx_sheet_rows(sh), 4);
    cr_expect_eq(xlsx_sheet_cols(sh), 6);
    cr_expect_eq(xlsx_merge_count(sh), 1);
    const xlsx_range *m = xlsx_merge_find(sh, 1, 1);
    cr_assert_not_null(m);
    cr_expect(m->first_row == 0 && m->first_col == 0 && m->last_row == 1 && m->last_col == 1);
    cr_expect_null(xlsx_merge_find(sh, 2, 0));
    xlsx_sheet_free(sh);

    cr_assert_eq(xlsx_sheet_load(book, 1, &sh, &err), XLSX_OK);
    cr_expect_eq(xlsx_cell_count(sh), 0);
    xlsx_sheet_free(sh);
    cr_expect_eq(xlsx_sheet_load(book, 2, &sh, &err), XLSX_ERR_NO_SHEET);
    xlsx_error_clear(&err);
    xlsx_close(book);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

Test(xlsx_read, references)
{
    uint32_t r, c;
    cr_expect(xlsx_ref_parse("A1", &r, &c) && r == 0 && c == 0);
    cr_expect(xlsx_ref_parse("$AA$10", &r, &c) && r == 9 && c == 26);
    cr_expect(xlsx_ref_parse("XFD1048576", &r, &c) && r == 1048575 && c == 16383);
    cr_expect(!xlsx_ref_parse("XFE1", &r, &c));
    cr_expect(!xlsx_ref_parse("A1048577", &r, &c));
    cr_expect(!xlsx_ref_parse("A0", &r, &c));
    cr_expect(!xlsx_ref_parse("1A", &r, &c));
    cr_expect(!xlsx_ref_parse("A1 ", &r, &c));
    cr_expect(!xlsx_ref_parse("", &r, &c));
    char buf[16];
    xlsx_ref_format(9, 26, buf);
    cr_expect_str_eq(buf, "AA10");
    xlsx_ref_format(1048575, 16383, buf);
    cr_expect_str_eq(buf, "XFD1048576");
    xlsx_range rg;
    cr_expect(xlsx_range_parse("B2:D5", &rg) && rg.first_row == 1 && rg.last_col == 3);
    cr_expect(!xlsx_range_parse("D5:B2", &rg));
}

static xlsx_status open_broken(const char *dir, const part *parts, size_t n, xlsx_error *err)
{
    char *path = make_zip(dir, "broken.xlsx", parts, n);
    xlsx_book *book;
    xlsx_status st = xlsx_open(path, &book, err);
    if (st == XLSX_OK) {
        xlsx_sheet *sh;
        st = xlsx_sheet_load(book, 0, &sh, err);
        xlsx_sheet_free(sh);
        xlsx_close(book);
    }
    free(path);
    return st;
}

Test(xlsx_read, broken_input_names_the_part_and_place)
{
    char *dir = test_tmpdir();
    xlsx_error err = {0};
    char *notzip = test_write(dir, "text.xlsx", "これは zip ではない");
    xlsx_book *book;
    cr_expect_eq(xlsx_open(notzip, &book, &err), XLSX_ERR_OPEN);
    cr_expect_str_eq(err.where, notzip);
    free(notzip);

    const part no_wb[] = {{"_rels/.rels", ROOT_RELS}};
    cr_expect_eq(open_broken(dir, no_wb, 1, &err), XLSX_ERR_PART);
    cr_expect_str_eq(err.where, "xl/workbook.xml");

    const part bad_xml[] = {{"_rels/.rels", ROOT_RELS}, {"xl/workbook.xml", "<?xml version=\"1.0\"?>\n<workbook>\n<sheets>\n</workbook>"}};
    cr_expect_eq(open_broken(dir, bad_xml, 2, &err), XLSX_ERR_XML);
    cr_expect_str_eq(err.where, "xl/workbook.xml");
    cr_expect_eq(err.line, 4);

    const part dtd[] = {{"_rels/.rels", ROOT_RELS},
                        {"xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook>&a;</workbook>"}};
    cr_expect_eq(open_broken(dir, dtd, 2, &err), XLSX_ERR_XML, "a DTD is refused");

    const char *sheet_bad_sst =
        "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"2\"><c r=\"C2\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>";
    const part bad_index[] = {{"_rels/.rels", ROOT_RELS}, {"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", WB_RELS},
                              {"xl/strings.xml", SST}, {"xl/worksheets/a.xml", sheet_bad_sst}};
    cr_expect_eq(open_broken(dir, bad_index, AZ_ARRAY_LEN(bad_index), &err), XLSX_ERR_VALUE);
    cr_expect_str_eq(err.where, "xl/worksheets/a.xml");
    cr_expect_str_eq(err.cell, "C2");

    const char *sheet_bad_ref =
        "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"2\"><c r=\"C3\"><v>1</v></c></row></sheetData></worksheet>";
    const part bad_ref[] = {{"_rels/.rels", ROOT_RELS}, {"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", WB_RELS},
                            {"xl/strings.xml", SST}, {"xl/worksheets/a.xml", sheet_bad_ref}};
    cr_expect_eq(open_broken(dir, bad_ref, AZ_ARRAY_LEN(bad_ref), &err), XLSX_ERR_VALUE, "a cell outside its row");
    cr_expect_str_eq(err.cell, "C3");

    const char *sheet_bad_num =
        "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"B1\"><v>12x</v></c></row></sheetData></worksheet>";
    const part bad_num[] = {{"_rels/.rels", ROOT_RELS}, {"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", WB_RELS},
                            {"xl/strings.xml", SST}, {"xl/worksheets/a.xml", sheet_bad_num}};
    cr_expect_eq(open_broken(dir, bad_num, AZ_ARRAY_LEN(bad_num), &err), XLSX_ERR_VALUE);
    cr_expect_str_eq(err.cell, "B1");
    xlsx_error_clear(&err);
    test_rm_rf(dir);
    free(dir);
}

/* The same package from memory (the fuzz target's path): the same sheets and cells; bytes that
 * are no zip are XLSX_ERR_OPEN naming what the caller called them. */
Test(xlsx_read, a_package_in_memory_reads_the_same)
{
    char *dir = test_tmpdir();
    char *path = good_book(dir);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    char buf[16384];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    cr_assert(len > 0 && len < sizeof buf);
    xlsx_book *book;
    xlsx_error err = {0};
    cr_assert_eq(xlsx_open_buffer("mem.xlsx", buf, len, &book, &err), XLSX_OK);
    cr_expect_eq(xlsx_sheet_count(book), 2);
    xlsx_sheet *sh;
    cr_assert_eq(xlsx_sheet_load(book, 0, &sh, &err), XLSX_OK);
    cr_expect_str_eq(xlsx_cell_ref(sh, "B1")->text, "医療 情報");
    xlsx_sheet_free(sh);
    xlsx_close(book);

    cr_expect_eq(xlsx_open_buffer("mem.xlsx", "PK\3\4 broken", 11, &book, &err), XLSX_ERR_OPEN);
    cr_expect_str_eq(err.where, "mem.xlsx");
    /* libzip reads no bytes as an empty archive: then the workbook part is what is missing */
    cr_expect_eq(xlsx_open_buffer("empty.xlsx", NULL, 0, &book, &err), XLSX_ERR_PART);
    cr_expect_str_eq(err.where, "xl/workbook.xml");
    xlsx_error_clear(&err);
    free(path);
    test_rm_rf(dir);
    free(dir);
}
