/* Every renderer against golden files (CSV, HTML, Markdown, JSON byte for byte; XLSX by its sheet
 * XML), determinism, hostile input, an empty document and a 1,000-row table. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export_fixture.h"
#include "export/lib.h"
#include "sheet/lib.h"
#include "testutil.h"

/* Renders doc in fmt to a fresh file and returns its bytes. */
static char *render(const export_doc *doc, const char *fmt, size_t *len)
{
    char *dir = test_tmpdir();
    const export_format *f = export_format_by_name(fmt);
    cr_assert_not_null(f, "%s", fmt);
    char *path = xasprintf("%s/out%s", dir, f->extension);
    export_error err = {0};
    export_status st = export_write(doc, f, path, false, &err);
    cr_assert_eq(st, EXPORT_OK, "%s: %s %s", fmt, export_status_name(st), err.where ? err.where : "");
    export_error_clear(&err);
    char *data = util_read_file(path, len);
    cr_assert_not_null(data);
    free(path);
    test_rm_rf(dir);
    free(dir);
    return data;
}

static void golden_format(const char *fmt, const char *golden)
{
    export_doc *doc = fixture_doc();
    size_t len;
    char *data = render(doc, fmt, &len);
    golden_check(golden, data, len);
    free(data);
    export_doc_free(doc);
}

Test(export_render, csv_golden)
{
    golden_format("csv", "fixture.csv");
}

Test(export_render, html_golden)
{
    golden_format("html", "fixture.html");
}

Test(export_render, markdown_golden)
{
    golden_format("md", "fixture.md");
}

Test(export_render, json_golden)
{
    golden_format("json", "fixture.json");
}

/* The XLSX package is compared by its parts that carry content. */
Test(export_render, xlsx_golden_parts)
{
    char *dir = test_tmpdir();
    char *path = xasprintf("%s/out.xlsx", dir);
    export_doc *doc = fixture_doc();
    cr_assert_eq(export_write(doc, &export_format_xlsx, path, false, NULL), EXPORT_OK);
    xlsx_book *book;
    xlsx_error xe = {0};
    cr_assert_eq(xlsx_open(path, &book, &xe), XLSX_OK, "%s", xe.where ? xe.where : "");
    static const char *const parts[] = {"xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                                        "xl/worksheets/sheet2.xml", "xl/charts/chart1.xml", "docProps/core.xml"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(parts); i++) {
        size_t len;
        char *data = xlsx_part_read(book, parts[i], &len, &xe);
        cr_assert_not_null(data, "%s missing", parts[i]);
        char *name = xasprintf("fixture.xlsx.%s", strrchr(parts[i], '/') + 1);
        golden_check(name, data, len);
        free(name);
        free(data);
    }
    xlsx_close(book);
    export_doc_free(doc);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

Test(export_render, every_format_is_byte_identical_a_second_later)
{
    export_doc *doc = fixture_doc();
    size_t n = export_format_count();
    char **first = xcalloc(n, sizeof *first);
    size_t *len = xcalloc(n, sizeof *len);
    for (size_t i = 0; i < n; i++)
        first[i] = render(doc, export_format_at(i)->name, &len[i]);
    sleep(2); /* docProps and zip entries have a resolution of 1 and 2 seconds */
    for (size_t i = 0; i < n; i++) {
        size_t len2;
        char *second = render(doc, export_format_at(i)->name, &len2);
        cr_expect(len2 == len[i] && memcmp(first[i], second, len2) == 0, "%s output changed between runs",
                  export_format_at(i)->name);
        free(second);
        free(first[i]);
    }
    free(first);
    free(len);
    export_doc_free(doc);
}

Test(export_render, hostile_text_is_inert)
{
    export_doc *doc = fixture_doc();
    size_t len;
    char *h = render(doc, "html", &len);
    cr_expect_null(strstr(h, "<script"), "HTML holds a live script tag");
    cr_expect_not_null(strstr(h, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    cr_expect_null(strstr(h, "\xe2\x80\xae"), "bidi override kept");
    cr_expect_not_null(strstr(h, "1行目<br>2行目 タブの後"));
    free(h);

    char *c = render(doc, "csv", &len);
    /* Every record is padded to the document's width (8 fields, the checklist table). */
    cr_expect_not_null(strstr(c, "\r\nformula,'=cmd|' /C calc'!A1,-3,,,,,\r\n"));
    cr_expect_not_null(strstr(c, "\r\nat,'@SUM(1),2.5,,,,,\r\n"));
    cr_expect_not_null(strstr(c, "\r\nminus,'-2+3,'=1+1,,,,,\r\n"));
    cr_expect_not_null(strstr(c, "\r\nnewline-tab,\"1行目\n2行目 タブの後\",0,,,,,\r\n"));
    cr_expect_not_null(strstr(c, "\r\ncontrol,制御文字逆順,,,,,,\r\n"));
    cr_expect_eq(memcmp(c, "\xEF\xBB\xBF", 3), 0, "BOM");
    free(c);

    char *m = render(doc, "md", &len);
    cr_expect_not_null(strstr(m, "\\[リンク\\](javascript:alert(1)) \\| \\*強調\\* \\_下線\\_ \\`code\\` # 見出し \\~取消\\~"));
    cr_expect_not_null(strstr(m, "\\<script\\>"));
    for (const char *p = strchr(m, '<'); p; p = strchr(p + 1, '<'))
        cr_expect(p[-1] == '\\' || strncmp(p, "<br>", 4) == 0, "unescaped < at byte %td", p - m);
    cr_expect_not_null(strstr(m, "\\# 見出しではない\\\n1\\. 箇条書きではない\\\n\\- これも違う\\\n\\<b\\>太字ではない\\</b\\>"));
    free(m);
    export_doc_free(doc);
}

/* Counts occurrences of needle. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

Test(export_render, thousand_rows_in_every_format)
{
    export_doc *doc = fixture_big_doc();
    size_t len;
    char *c = render(doc, "csv", &len);
    cr_expect_eq(count(c, "\r\n"), 4 + 1010, "title, blank, heading, header + 1,000 rows + 10 groups");
    cr_expect_not_null(strstr(c, "\r\n1000,項目 10-100 の確認内容（医療情報）,いいえ,2026-04-16\r\n"));
    free(c);
    char *h = render(doc, "html", &len);
    cr_expect_eq(count(h, "<tr>"), 1 + 1000);
    cr_expect_eq(count(h, "<tr class=\"group\">"), 10);
    free(h);
    char *m = render(doc, "md", &len);
    cr_expect_eq(count(m, "\n|"), 2 + 1010);
    free(m);
    char *j = render(doc, "json", &len);
    cr_expect_eq(count(j, "\"type\":\t\"cells\""), 1000);
    free(j);
    char *x = render(doc, "xlsx", &len);
    cr_expect_gt(len, 1000);
    free(x);
    export_doc_free(doc);
}

Test(export_render, empty_document_in_every_format)
{
    export_doc *doc = export_doc_new("empty", "空の文書");
    for (size_t i = 0; i < export_format_count(); i++) {
        size_t len;
        char *data = render(doc, export_format_at(i)->name, &len);
        cr_expect_gt(len, 0, "%s", export_format_at(i)->name);
        free(data);
    }
    size_t len;
    char *c = render(doc, "csv", &len);
    cr_expect_str_eq(c, "\xEF\xBB\xBF空の文書,\r\n");
    free(c);
    export_doc_free(doc);
}

Test(export_render, formats_by_name_and_extension)
{
    cr_expect_eq(export_format_by_path("/tmp/a.XLSX"), &export_format_xlsx);
    cr_expect_eq(export_format_by_path("報告書.markdown"), &export_format_md);
    cr_expect_eq(export_format_by_path("x.htm"), &export_format_html);
    cr_expect_null(export_format_by_path("dir.d/noext"));
    cr_expect_null(export_format_by_path("a.docx"));
    cr_expect_eq(export_format_by_name("markdown"), &export_format_md);
    cr_expect_null(export_format_by_name("pdf"));
}
