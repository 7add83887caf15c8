/* core/sheet/csv_read: UTF-8 with and without a BOM, CP932 (made with iconv(1) here, as Japanese
 * Excel saves it), quoted fields with quotes, delimiters and line breaks, CRLF, and the errors:
 * invalid text and misplaced or unclosed quotes, each with its line, record and column. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sheet/lib.h"
#include "testutil.h"

static csv_table *read_ok(const char *data, size_t len, const csv_options *o)
{
    csv_table *t = NULL;
    status_detail err = {0};
    cr_assert_eq(csv_read_buffer("t.csv", data, len, o, &t, &err), STATUS_OK, "%s", test_msg(&err));
    return t;
}

static status_detail read_fail(const char *data, status_code want)
{
    csv_table *t = NULL;
    status_detail err = {0};
    cr_assert_eq(csv_read_buffer("t.csv", data, strlen(data), NULL, &t, &err), want, "%s", test_msg(&err));
    cr_assert_null(t);
    return err;
}

Test(csv_read, utf8_with_bom_quotes_crlf_and_multiline_fields)
{
    const char data[] = "\xEF\xBB\xBF番号,項目,備考\r\n"
                        "1-①,\"責任者を置く, 兼務可\",\"「\"\"正\"\"」\"\r\n"
                        "2-②,\"二行の\n項目\",\r\n";
    csv_table *t = read_ok(data, sizeof data - 1, NULL);
    cr_expect_eq(csv_table_encoding(t), CSV_ENCODING_UTF8);
    cr_expect(csv_table_had_bom(t));
    cr_assert_eq(csv_row_count(t), 3);
    cr_expect_str_eq(csv_field(t, 0, 0), "番号", "the BOM is not part of the first field");
    cr_expect_str_eq(csv_field(t, 1, 1), "責任者を置く, 兼務可");
    cr_expect_str_eq(csv_field(t, 1, 2), "「\"正\"」");
    cr_expect_str_eq(csv_field(t, 2, 1), "二行の\n項目");
    cr_expect_eq(csv_field_count(t, 2), 3, "an empty last field counts");
    cr_expect_str_eq(csv_field(t, 2, 2), "");
    cr_expect_str_eq(csv_field(t, 9, 9), "", "out of range is empty");
    cr_expect_eq(csv_row_line(t, 2), 3);
    csv_free(t);
}

Test(csv_read, utf8_without_bom_and_tab_delimiter)
{
    const char data[] = "a\tb\n全角ＡＢＣ\t\"x\ty\"\n";
    csv_table *t = read_ok(data, sizeof data - 1, &(csv_options){.delimiter = '\t'});
    cr_expect_not(csv_table_had_bom(t));
    cr_assert_eq(csv_row_count(t), 2, "the final line break ends the last record, it adds none");
    cr_expect_str_eq(csv_field(t, 1, 0), "全角ＡＢＣ");
    cr_expect_str_eq(csv_field(t, 1, 1), "x\ty");
    csv_free(t);
}

/* The UTF-8 text converted to CP932 by iconv(1), as a Japanese Excel "CSV (コンマ区切り)" holds it. */
static char *cp932_of(const char *utf8, size_t *len)
{
    char *dir = test_tmpdir();
    char *in = xasprintf("%s/in.txt", dir), *outp = xasprintf("%s/out.csv", dir);
    FILE *f = fopen(in, "wb");
    fputs(utf8, f);
    fclose(f);
    char *cmd = xasprintf("iconv -f UTF-8 -t CP932 '%s' > '%s'", in, outp);
    cr_assert_eq(system(cmd), 0, "iconv(1) converts the fixture");
    f = fopen(outp, "rb");
    char *buf = xcalloc(1, 4096);
    *len = fread(buf, 1, 4095, f);
    fclose(f);
    free(cmd);
    free(in);
    free(outp);
    test_rm_rf(dir);
    free(dir);
    return buf;
}

Test(csv_read, cp932_as_japanese_excel_saves_it)
{
    size_t len;
    char *data = cp932_of("番号,確認項目\r\n1-①,医療情報システム安全管理責任者を設置している\r\n"
                          "2-③,\"ソフトウェア（表・予）\"\r\n", &len);
    cr_assert(memchr(data, 0x81, len) || memchr(data, 0x82, len) || memchr(data, 0x87, len), "really CP932 bytes");
    csv_table *t = read_ok(data, len, NULL);
    cr_expect_eq(csv_table_encoding(t), CSV_ENCODING_CP932);
    cr_expect_str_eq(csv_field(t, 0, 1), "確認項目");
    cr_expect_str_eq(csv_field(t, 1, 0), "1-①", "NEC special characters of CP932");
    cr_expect_str_eq(csv_field(t, 2, 1), "ソフトウェア（表・予）", "0x5C trail bytes are not backslashes");
    csv_free(t);
    /* forced as UTF-8, the same bytes are refused with their position */
    status_detail err = {0};
    cr_expect_eq(csv_read_buffer("sjis.csv", data, len, &(csv_options){.encoding = CSV_ENCODING_UTF8}, &t, &err),
                 STATUS_CSV_NOT_TEXT);
    cr_expect_eq(err.line, 1);
    cr_expect_eq(err.col, 1);
    char *m = status_format(&err, true);
    cr_expect_str_eq(m, "sjis.csv:1:1: not UTF-8 text");
    free(m);
    status_detail_free(&err);
    free(data);
}

Test(csv_read, text_that_is_neither_names_line_and_column)
{
    /* valid UTF-8 up to line 2 column 3, then a byte no CP932 lead can start (0xFD) */
    const char data[] = "a,b\nxy,\xFD\n";
    csv_table *t = NULL;
    status_detail err = {0};
    cr_assert_eq(csv_read_buffer("bad.csv", data, sizeof data - 1, NULL, &t, &err), STATUS_CSV_NOT_TEXT);
    cr_expect_eq(err.line, 2);
    cr_expect_eq(err.col, 4);
    char *m = status_format(&err, false);
    cr_expect_str_eq(m, "bad.csv:2:4: Shift_JIS (CP932) の文字として読めません");
    free(m);
    status_detail_free(&err);
    const char nul[] = "a,b\0c\n";
    cr_expect_eq(csv_read_buffer("nul.csv", nul, sizeof nul - 1, &(csv_options){.encoding = CSV_ENCODING_UTF8}, &t,
                                 &err),
                 STATUS_CSV_NOT_TEXT, "a NUL byte is not text");
    status_detail_free(&err);
}

Test(csv_read, quotes_out_of_place)
{
    status_detail e = read_fail("a,b\nc,\"d\"e\n", STATUS_CSV_QUOTE_STRAY);
    cr_expect_eq(e.line, 2);
    cr_expect_eq(e.num, 2, "record 2");
    cr_expect_eq(e.col, 2, "field 2");
    char *m = status_format(&e, true);
    cr_expect_str_eq(m, "t.csv:2: row 2, column 2: a quote inside an unquoted field, or text after a closing quote");
    free(m);
    status_detail_free(&e);
    e = read_fail("a,b\nab\"c\n", STATUS_CSV_QUOTE_STRAY);
    cr_expect_eq(e.col, 1);
    status_detail_free(&e);
    e = read_fail("a\n\"open,\nstill open\n", STATUS_CSV_QUOTE_OPEN);
    cr_expect_eq(e.line, 2, "the line the field starts on");
    cr_expect_eq(e.num, 2);
    status_detail_free(&e);
}

Test(csv_read, files)
{
    char *dir = test_tmpdir();
    char *p = xasprintf("%s/x.csv", dir);
    FILE *f = fopen(p, "wb");
    fputs("h1,h2\n1,2\n", f);
    fclose(f);
    csv_table *t = NULL;
    status_detail err = {0};
    cr_assert_eq(csv_read_file(p, NULL, &t, &err), STATUS_OK, "%s", test_msg(&err));
    cr_expect_str_eq(csv_field(t, 1, 1), "2");
    csv_free(t);
    cr_expect_eq(csv_read_file(dir, NULL, &t, &err), STATUS_FILE_CANNOT_READ, "a directory");
    status_detail_free(&err);
    char *missing = xasprintf("%s/none.csv", dir);
    cr_expect_eq(csv_read_file(missing, NULL, &t, &err), STATUS_FILE_CANNOT_READ);
    cr_expect_str_eq(err.entity, missing);
    status_detail_free(&err);
    free(missing);
    free(p);
    test_rm_rf(dir);
    free(dir);
}
