/* The XLSX export read back cell by cell with core/sheet/xlsx_read, and (when LibreOffice is
 * installed) converted headless to CSV and compared with the same expectations.
 *
 * The expectations are derived from the model by walking it the way render_xlsx.c documents its
 * layout (title block on the first sheet, a blank row before each block, …), and a few cells are
 * also pinned by reference, so a walker that drifted with the renderer would still be caught. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/lib.h"
#include "export_fixture.h"
#include "text/lib.h"
#include "sheet/lib.h"
#include "testutil.h"

typedef enum { E_STR, E_NUM, E_DATE, E_PCT } ekind;

typedef struct {
    uint32_t row, col;
    ekind kind;
    char *text;    /* what a person sees: the string, "2.5", "2025-04-01", "75%" */
    double number; /* E_NUM, E_DATE (serial), E_PCT (fraction) */
} expect;

typedef struct {
    expect *items;
    size_t len, cap;
    xlsx_range *merges;
    size_t nmerges, merges_cap;
} sheet_expect;

static void want(sheet_expect *e, uint32_t row, uint32_t col, ekind kind, const char *text, double number)
{
    if (kind == E_STR && !*text)
        return; /* an empty string cell is a blank */
    GROW(e->items, e->cap, e->len + 1);
    e->items[e->len++] = (expect){row, col, kind, xstrdup(text), number};
}

static void want_str(sheet_expect *e, uint32_t row, uint32_t col, uint32_t last, const char *raw)
{
    char *clean = export_clean(raw, true);
    want(e, row, col, E_STR, clean, 0);
    free(clean);
    if (last > col) {
        GROW(e->merges, e->merges_cap, e->nmerges + 1);
        e->merges[e->nmerges++] = (xlsx_range){row, col, row, last};
    }
}

/* Days since 1899-12-30 (Excel's serial for dates after February 1900), counted plainly. */
static double serial(const char *iso)
{
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long days = 1; /* 1899-12-31 */
    for (int yy = 1900; yy < y; yy++)
        days += (yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0)) ? 366 : 365;
    for (int mm = 1; mm < m; mm++)
        days += mdays[mm - 1] + (mm == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    return (double)(days + d);
}

static void want_cell(sheet_expect *e, uint32_t row, uint32_t col, const export_column *c, const char *raw)
{
    char *clean = export_clean(raw, true);
    if (c->kind == EXPORT_COL_NUMBER && export_plain_number(clean))
        want(e, row, col, E_NUM, clean, strtod(clean, NULL));
    else if (c->kind == EXPORT_COL_DATE && jpdate_is_iso(clean))
        want(e, row, col, E_DATE, clean, serial(clean));
    else
        want(e, row, col, E_STR, clean, 0);
    free(clean);
}

static uint32_t section_last_col(const export_section *sec)
{
    size_t w = 2;
    for (size_t b = 0; sec && b < sec->len; b++) {
        const export_block *blk = &sec->blocks[b];
        size_t bw = blk->kind == EXPORT_BLOCK_TABLE ? blk->u.table->ncols : blk->kind == EXPORT_BLOCK_PROGRESS ? 4 : 0;
        if (bw > w)
            w = bw;
    }
    return (uint32_t)w - 1;
}

/* The expected cells of sheet s. */
static sheet_expect walk(const export_doc *doc, size_t s)
{
    sheet_expect e = {0};
    const export_section *sec = doc->len ? doc->sections[s] : NULL;
    uint32_t last = section_last_col(sec), row = 0;
    if (s == 0) {
        want_str(&e, row++, 0, last, doc->title);
        if (doc->subtitle)
            want_str(&e, row++, 0, last, doc->subtitle);
        for (size_t i = 0; i < doc->meta_len; i++, row++) {
            want_str(&e, row, 0, 0, doc->meta[i].key);
            want_str(&e, row, 1, last, doc->meta[i].value);
        }
        row++;
    }
    if (!sec)
        return e;
    want_str(&e, row++, 0, last, sec->heading);
    for (size_t b = 0; b < sec->len; b++) {
        const export_block *blk = &sec->blocks[b];
        row++;
        if (blk->kind == EXPORT_BLOCK_PARAGRAPH) {
            want_str(&e, row++, 0, last, blk->u.paragraph);
        } else if (blk->kind == EXPORT_BLOCK_TABLE) {
            const export_table *t = blk->u.table;
            if (t->caption)
                want_str(&e, row++, 0, 0, t->caption);
            for (size_t c = 0; c < t->ncols; c++)
                want_str(&e, row, (uint32_t)c, (uint32_t)c, t->cols[c].header);
            row++;
            for (size_t r = 0; r < t->nrows; r++, row++) {
                if (t->rows[r].kind == EXPORT_ROW_GROUP) {
                    want_str(&e, row, 0, (uint32_t)t->ncols - 1, t->rows[r].cells[0]);
                    continue;
                }
                for (size_t c = 0; c < t->ncols; c++)
                    want_cell(&e, row, (uint32_t)c, &t->cols[c], t->rows[r].cells[c]);
            }
        } else if (blk->kind == EXPORT_BLOCK_NOTES) {
            if (blk->u.notes->title)
                want_str(&e, row++, 0, 0, blk->u.notes->title);
            for (size_t i = 0; i < blk->u.notes->len; i++, row++) {
                char num[24];
                snprintf(num, sizeof num, "%zu", i + 1);
                want(&e, row, 0, E_NUM, num, (double)(i + 1));
                want_str(&e, row, 1, last, blk->u.notes->items[i]);
            }
        } else {
            const export_progress *p = blk->u.progress;
            if (p->caption)
                want_str(&e, row++, 0, 0, p->caption);
            for (size_t i = 0; i < p->len; i++, row++) {
                const export_bar *bar = &p->bars[i];
                char a[24], b2[24], pct[32];
                snprintf(a, sizeof a, "%ld", bar->done);
                snprintf(b2, sizeof b2, "%ld", bar->total);
                snprintf(pct, sizeof pct, "%ld%%", bar->total ? bar->done * 100 / bar->total : 0);
                want_str(&e, row, 0, 0, bar->label);
                want(&e, row, 1, E_NUM, a, (double)bar->done);
                want(&e, row, 2, E_NUM, b2, (double)bar->total);
                want(&e, row, 3, E_PCT, pct, bar->total ? (double)bar->done / (double)bar->total : 0.0);
            }
            if (p->len)
                row += (uint32_t)((80 + 24 * (int)p->len + 19) / 20 + 1);
        }
    }
    return e;
}

static void expect_free(sheet_expect *e)
{
    for (size_t i = 0; i < e->len; i++)
        free(e->items[i].text);
    free(e->items);
    free(e->merges);
}

static char *write_xlsx(const export_doc *doc, char **dir)
{
    *dir = test_tmpdir();
    char *path = xasprintf("%s/出力.xlsx", *dir);
    export_error err = {0};
    cr_assert_eq(export_write(doc, &export_format_xlsx, path, false, &err), EXPORT_OK, "%s",
                 err.where ? err.where : "");
    return path;
}

/* Every expected cell is there with its type and value, every merge exists, no cell holds a
 * formula and no cell holds a value that was not expected. */
static void check_sheet(const xlsx_sheet *sh, const sheet_expect *e, const char *name)
{
    for (size_t i = 0; i < e->len; i++) {
        const expect *x = &e->items[i];
        char ref[16];
        xlsx_ref_format(x->row, x->col, ref);
        const xlsx_cell *c = xlsx_cell_at(sh, x->row, x->col);
        cr_assert_not_null(c, "%s!%s missing (want %s)", name, ref, x->text);
        if (x->kind == E_STR) {
            cr_expect_eq(c->type, XLSX_STRING, "%s!%s type %d", name, ref, c->type);
            cr_expect_str_eq(c->text ? c->text : "", x->text, "%s!%s", name, ref);
        } else {
            cr_expect_eq(c->type, XLSX_NUMBER, "%s!%s type %d", name, ref, c->type);
            cr_expect(fabs(c->number - x->number) < 1e-9, "%s!%s: %g, want %g", name, ref, c->number, x->number);
        }
    }
    size_t values = 0;
    for (size_t i = 0; i < xlsx_cell_count(sh); i++) {
        const xlsx_cell *c = xlsx_cell_index(sh, i);
        cr_expect_null(c->formula, "a formula in the export");
        values += c->type != XLSX_EMPTY;
    }
    cr_expect_eq(values, e->len, "%s: %zu cells with a value, %zu expected", name, values, e->len);
    for (size_t i = 0; i < e->nmerges; i++) {
        const xlsx_range *m = xlsx_merge_find(sh, e->merges[i].first_row, e->merges[i].first_col);
        cr_expect(m && m->last_col == e->merges[i].last_col && m->first_row == e->merges[i].first_row,
                  "%s: merge at row %u col %u", name, e->merges[i].first_row + 1, e->merges[i].first_col + 1);
    }
    cr_expect_eq(xlsx_merge_count(sh), e->nmerges);
}

static void read_back(const export_doc *doc)
{
    char *dir;
    char *path = write_xlsx(doc, &dir);
    xlsx_book *book;
    xlsx_error xe = {0};
    cr_assert_eq(xlsx_open(path, &book, &xe), XLSX_OK);
    size_t sheets = doc->len ? doc->len : 1;
    cr_assert_eq(xlsx_sheet_count(book), sheets);
    for (size_t s = 0; s < sheets; s++) {
        xlsx_sheet *sh;
        cr_assert_eq(xlsx_sheet_load(book, s, &sh, &xe), XLSX_OK, "%s", xe.where ? xe.where : "");
        sheet_expect e = walk(doc, s);
        check_sheet(sh, &e, xlsx_sheet_name(book, s));
        expect_free(&e);
        xlsx_sheet_free(sh);
    }
    xlsx_close(book);
    free(path);
    test_rm_rf(dir);
    free(dir);
}

Test(export_xlsx, fixture_reads_back_cell_by_cell)
{
    export_doc *doc = fixture_doc();
    read_back(doc);
    export_doc_free(doc);
}

Test(export_xlsx, thousand_rows_read_back)
{
    export_doc *doc = fixture_big_doc();
    read_back(doc);
    export_doc_free(doc);
}

Test(export_xlsx, empty_document_reads_back)
{
    export_doc *doc = export_doc_new("empty", "空");
    read_back(doc);
    export_doc_free(doc);
}

/* Cells pinned by reference, independent of the walker. */
Test(export_xlsx, pinned_cells_and_sheet_names)
{
    export_doc *doc = fixture_doc();
    char *dir;
    char *path = write_xlsx(doc, &dir);
    xlsx_book *book;
    cr_assert_eq(xlsx_open(path, &book, NULL), XLSX_OK);
    cr_expect_str_eq(xlsx_sheet_name(book, 0), "チェックリスト");
    cr_expect_str_eq(xlsx_sheet_name(book, 1), "2 入力の検証");
    xlsx_sheet *sh;
    cr_assert_eq(xlsx_sheet_load(book, 0, &sh, NULL), XLSX_OK);
    cr_expect_str_eq(xlsx_cell_ref(sh, "A1")->text, "サイバーセキュリティ対策チェックリスト（試験用）");
    const xlsx_range *m = xlsx_merge_find(sh, 0, 3);
    cr_assert_not_null(m, "the title is merged across the table");
    cr_expect_eq(m->last_col, 7);
    cr_expect_str_eq(xlsx_cell_ref(sh, "A3")->text, "施設名");
    cr_expect_str_eq(xlsx_cell_ref(sh, "B3")->text, "テスト総合病院");
    cr_expect_str_eq(xlsx_cell_ref(sh, "A13")->text, "項番");
    cr_expect_str_eq(xlsx_cell_ref(sh, "H13")->text, "備考");
    cr_expect_str_eq(xlsx_cell_ref(sh, "A14")->text, "1. 体制構築");
    cr_expect_eq(xlsx_cell_ref(sh, "E15")->type, XLSX_NUMBER, "確認日 is a real date");
    cr_expect_eq(xlsx_cell_ref(sh, "E15")->number, 45748.0); /* 2025-04-01 */
    cr_expect_eq(xlsx_cell_ref(sh, "G18")->number, 120.0);
    cr_expect_str_eq(xlsx_cell_ref(sh, "E19")->text, "R7.4.1", "a non-ISO date stays text");
    xlsx_sheet_free(sh);
    cr_assert_eq(xlsx_sheet_load(book, 1, &sh, NULL), XLSX_OK);
    const xlsx_cell *f = xlsx_cell_ref(sh, "B7");
    cr_expect_str_eq(f->text, "=cmd|' /C calc'!A1");
    cr_expect_eq(f->type, XLSX_STRING);
    cr_expect_null(f->formula);
    cr_expect_str_eq(xlsx_cell_ref(sh, "C10")->text, "=1+1", "a formula in a number column is text too");
    cr_expect_eq(xlsx_cell_ref(sh, "C7")->number, -3.0);
    xlsx_sheet_free(sh);

    /* Print set-up: A4 portrait, fitted one page wide, header row repeated, pane frozen. */
    size_t len;
    char *wb = xlsx_part_read(book, "xl/workbook.xml", &len, NULL);
    cr_expect_not_null(strstr(wb, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'チェックリスト'!$13:$13<"));
    cr_expect_not_null(strstr(wb, "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'チェックリスト'!$A$1:$H$"));
    free(wb);
    char *s1 = xlsx_part_read(book, "xl/worksheets/sheet1.xml", &len, NULL);
    cr_expect_not_null(strstr(s1, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"portrait\"/>"));
    cr_expect_not_null(strstr(s1, "<pane ySplit=\"13\" topLeftCell=\"A14\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    cr_expect_not_null(strstr(s1, "<drawing r:id=\"rId1\"/>"), "the progress chart");
    free(s1);
    char *core = xlsx_part_read(book, "docProps/core.xml", &len, NULL);
    cr_expect_not_null(strstr(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-04-01T00:00:00Z<"));
    cr_expect_not_null(strstr(core, "<dc:creator>山田 太郎</dc:creator>"));
    free(core);
    xlsx_close(book);
    free(path);
    test_rm_rf(dir);
    free(dir);
    export_doc_free(doc);
}

/* Column widths in terminal columns: a column of 全角 text is twice as wide as the same count of ASCII. */
Test(export_xlsx, column_widths_follow_terminal_columns)
{
    static const export_column_def cols[] = {{"ja", "日本語", 0, EXPORT_COL_TEXT, false},
                                             {"en", "ascii", 0, EXPORT_COL_TEXT, false}};
    export_doc *doc = export_doc_new("w", "幅");
    export_table *t = export_table_add(export_section_add(doc, "幅"), "t", NULL, cols, 2);
    export_table_row(t, (const char *[]){"医療情報システム", "abcdefgh"});
    char *dir;
    char *path = write_xlsx(doc, &dir);
    xlsx_book *book;
    cr_assert_eq(xlsx_open(path, &book, NULL), XLSX_OK);
    size_t len;
    char *s1 = xlsx_part_read(book, "xl/worksheets/sheet1.xml", &len, NULL);
    /* 16 columns + 2 padding, 8 + 2; libxlsxwriter adds its pixel rounding (.7109375). */
    cr_expect_not_null(strstr(s1, "<col min=\"1\" max=\"1\" width=\"18.7109375\" customWidth=\"1\"/>"), "%s", s1);
    cr_expect_not_null(strstr(s1, "<col min=\"2\" max=\"2\" width=\"10.7109375\" customWidth=\"1\"/>"));
    free(s1);
    xlsx_close(book);
    free(path);
    test_rm_rf(dir);
    free(dir);
    export_doc_free(doc);
}

/* ---- LibreOffice ---- */

typedef struct {
    char ***rows; /* rows[r][c] */
    size_t *ncols;
    size_t nrows, cap;
} csv_grid;

/* RFC 4180 as LibreOffice writes it (LF or CRLF records). */
static csv_grid csv_parse(const char *s)
{
    csv_grid g = {0};
    strbuf field = {0};
    char **row = NULL;
    size_t n = 0, rcap = 0;
    bool quoted = false, any = false;
    for (const char *p = s;; p++) {
        char ch = *p;
        if (quoted) {
            if (ch == '"' && p[1] == '"') {
                sb_addc(&field, '"');
                p++;
            } else if (ch == '"') {
                quoted = false;
            } else if (ch) {
                sb_addc(&field, ch);
            }
            if (ch)
                continue;
        }
        if (ch == '"') {
            quoted = any = true;
        } else if (ch == ',' || ch == '\n' || ch == '\0') {
            if (ch == '\0' && !any && n == 0)
                break;
            GROW(row, rcap, n + 1);
            row[n++] = sb_take(&field);
            if (ch != ',') {
                GROW(g.rows, g.cap, g.nrows + 1);
                g.ncols = xrealloc(g.ncols, g.cap * sizeof *g.ncols);
                g.rows[g.nrows] = row;
                g.ncols[g.nrows++] = n;
                row = NULL;
                n = rcap = 0;
                any = false;
                if (ch == '\0')
                    break;
            }
        } else if (ch != '\r') {
            sb_addc(&field, ch);
            any = true;
        }
    }
    sb_free(&field);
    free(row);
    return g;
}

static const char *grid_at(const csv_grid *g, uint32_t r, uint32_t c)
{
    return r < g->nrows && c < g->ncols[r] ? g->rows[r][c] : "";
}

static void grid_free(csv_grid *g)
{
    for (size_t r = 0; r < g->nrows; r++) {
        for (size_t c = 0; c < g->ncols[r]; c++)
            free(g->rows[r][c]);
        free(g->rows[r]);
    }
    free(g->rows);
    free(g->ncols);
}

Test(export_xlsx, libreoffice_converts_it_to_the_same_cells, .timeout = 300)
{
    if (system("command -v soffice >/dev/null 2>&1") != 0)
        cr_skip_test("LibreOffice (soffice) is not installed");
    export_doc *doc = fixture_doc();
    char *dir;
    char *path = write_xlsx(doc, &dir);
    /* Token 9 (true): cells as shown, so dates and percentages come out formatted; token 12
     * (-1): every sheet into its own file, NAME-SHEET.csv. */
    char *cmd = xasprintf("cd '%s' && HOME='%s' soffice -env:UserInstallation=file://%s/lo --headless "
                          "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' "
                          "--outdir '%s' '%s' >'%s/lo.log' 2>&1",
                          dir, dir, dir, dir, path, dir);
    int rc = system(cmd);
    free(cmd);
    cr_assert_eq(rc, 0, "soffice failed (see %s/lo.log)", dir);
    for (size_t s = 0; s < doc->len; s++) {
        char *name = xasprintf("%s/出力-%s.csv", dir, s == 0 ? "チェックリスト" : "2 入力の検証");
        size_t len;
        char *text = util_read_file(name, &len);
        cr_assert_not_null(text, "LibreOffice wrote no %s", name);
        csv_grid g = csv_parse(text);
        sheet_expect e = walk(doc, s);
        for (size_t i = 0; i < e.len; i++)
            cr_expect_str_eq(grid_at(&g, e.items[i].row, e.items[i].col), e.items[i].text, "sheet %zu row %u col %u",
                             s + 1, e.items[i].row + 1, e.items[i].col + 1);
        size_t nonempty = 0;
        for (size_t r = 0; r < g.nrows; r++)
            for (size_t c = 0; c < g.ncols[r]; c++)
                nonempty += g.rows[r][c][0] != '\0';
        cr_expect_eq(nonempty, e.len, "sheet %zu: %zu non-empty cells, %zu expected", s + 1, nonempty, e.len);
        expect_free(&e);
        grid_free(&g);
        free(text);
        free(name);
    }
    free(path);
    test_rm_rf(dir);
    free(dir);
    export_doc_free(doc);
}
