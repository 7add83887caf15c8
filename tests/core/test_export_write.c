/* The atomic writer: mode 0600, no overwrite without force, nothing left behind on failure. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_fixture.h"
#include "export/lib.h"
#include "testutil.h"

/* Number of directory entries other than . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static export_doc *small_doc(const char *title)
{
    export_doc *doc = export_doc_new("t", title);
    export_doc_set_date(doc, "2025-04-01");
    return doc;
}

Test(export_write, writes_mode_0600_whatever_the_umask)
{
    char *dir = test_tmpdir();
    char *path = xasprintf("%s/報告書.csv", dir);
    mode_t old = umask(0);
    export_doc *doc = small_doc("題名");
    for (size_t i = 0; i < export_format_count(); i++) {
        const export_format *f = export_format_at(i);
        char *p = xasprintf("%s/out%s", dir, f->extension);
        cr_assert_eq(export_write(doc, f, p, false, NULL), EXPORT_OK, "%s", f->name);
        struct stat st;
        cr_assert_eq(stat(p, &st), 0);
        cr_expect_eq(st.st_mode & 0777, 0600, "%s: mode %o", f->name, st.st_mode & 0777);
        free(p);
    }
    umask(old);
    cr_expect_eq(entries(dir), (int)export_format_count(), "no temporary file left");
    export_doc_free(doc);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

Test(export_write, refuses_to_overwrite_without_force)
{
    char *dir = test_tmpdir();
    char *path = test_write(dir, "既存.md", "old contents\n");
    export_doc *doc = small_doc("新しい");
    export_error err = {0};
    cr_expect_eq(export_write_auto(doc, path, false, &err), EXPORT_ERR_EXISTS);
    cr_expect_str_eq(err.where, path);
    size_t len;
    char *data = util_read_file(path, &len);
    cr_expect_str_eq(data, "old contents\n", "the existing file is untouched");
    free(data);
    cr_expect_eq(entries(dir), 1);

    export_error_clear(&err);
    cr_expect_eq(export_write_auto(doc, path, true, &err), EXPORT_OK);
    data = util_read_file(path, &len);
    cr_expect_str_eq(data, "# 新しい\n\n");
    free(data);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_expect_eq(st.st_mode & 0777, 0600);
    cr_expect_eq(entries(dir), 1);
    export_doc_free(doc);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

/* A renderer that writes half a document and then fails, as a real one would on a bad cell. */
static export_status half_then_fail(const export_doc *doc, export_sink *out)
{
    (void)doc;
    fputs("partial output that must never be seen\n", out->fp);
    fflush(out->fp);
    return export_fail(out->err, EXPORT_ERR_TOO_LONG, "シート!B12");
}

static const export_format failing = {"failing", ".fail", "text/plain", half_then_fail};

Test(export_write, a_failing_renderer_leaves_no_file)
{
    char *dir = test_tmpdir();
    char *path = xasprintf("%s/out.fail", dir);
    export_doc *doc = small_doc("x");
    export_error err = {0};
    cr_expect_eq(export_write(doc, &failing, path, false, &err), EXPORT_ERR_TOO_LONG);
    cr_expect_str_eq(err.where, "シート!B12");
    cr_expect_eq(entries(dir), 0, "neither the target nor the temporary file exists");
    export_error_clear(&err);

    /* With force over an existing file, the old file survives the failure intact. */
    char *old = test_write(dir, "out.fail", "old\n");
    cr_expect_eq(export_write(doc, &failing, path, true, &err), EXPORT_ERR_TOO_LONG);
    size_t len;
    char *data = util_read_file(old, &len);
    cr_expect_str_eq(data, "old\n");
    free(data);
    cr_expect_eq(entries(dir), 1);
    export_error_clear(&err);
    free(old);
    export_doc_free(doc);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

Test(export_write, xlsx_too_long_cell_names_the_cell_and_leaves_nothing)
{
    char *dir = test_tmpdir();
    char *path = xasprintf("%s/out.xlsx", dir);
    export_doc *doc = small_doc("x");
    export_section *s = export_section_add(doc, "表");
    static const export_column_def cols[] = {{"a", "A", 0, EXPORT_COL_TEXT, false}, {"b", "B", 0, EXPORT_COL_TEXT, true}};
    export_table *t = export_table_add(s, "t", NULL, cols, 2);
    strbuf big = {0};
    for (int i = 0; i < 32768; i++)
        sb_addc(&big, 'x');
    export_table_row(t, (const char *[]){"ok", "ok"});
    export_table_row(t, (const char *[]){"ok", sb_str(&big)});
    sb_free(&big);
    export_error err = {0};
    cr_expect_eq(export_write(doc, &export_format_xlsx, path, false, &err), EXPORT_ERR_TOO_LONG);
    /* Title on row 1, blank row, heading on row 3, blank, header on row 5, rows 6 and 7. */
    cr_expect_str_eq(err.where, "表!B7");
    cr_expect_eq(entries(dir), 0);
    export_error_clear(&err);
    export_doc_free(doc);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

Test(export_write, errors_name_the_path)
{
    export_doc *doc = small_doc("x");
    export_error err = {0};
    cr_expect_eq(export_write_auto(doc, "/nonexistent-dir-anzen/out.csv", false, &err), EXPORT_ERR_IO);
    cr_expect_str_eq(err.where, "/nonexistent-dir-anzen");
    cr_expect_eq(err.sys_errno, ENOENT);
    export_error_clear(&err);
    cr_expect_eq(export_write_auto(doc, "/tmp/out.docx", false, &err), EXPORT_ERR_FORMAT);
    cr_expect_str_eq(err.where, "/tmp/out.docx");
    export_error_clear(&err);
    export_doc_free(doc);
}
