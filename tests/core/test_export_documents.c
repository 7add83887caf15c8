/* The documents of core/export (checklist, 確認表, gap report, MDS/SDS sheet) built from a store:
 * golden files per document and format (CSV, HTML, Markdown, JSON byte for byte; XLSX by its
 * sheet XML), every inventory fact in the disclosure, complete by construction (every field a
 * user can enter comes out in the JSON and the CSV), the XLSX read back, hostile notes, an empty
 * assessment, 1,000 items, refusals and default file names. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "doc_fixture.h"
#include "export_fixture.h"
#include "sheet/lib.h"

TestSuite(export_documents, .init = doc_setup, .fini = doc_teardown);

static const char *const formats[] = {"csv", "html", "md", "json"};

static void golden_document(const char *name, int64_t aid)
{
    export_doc *doc = doc_build(name, aid);
    for (size_t i = 0; i < AZ_ARRAY_LEN(formats); i++) {
        size_t len;
        char *data = doc_render(doc, formats[i], &len);
        char *g = xasprintf("doc-%s.%s", name, formats[i]);
        golden_check(g, data, len);
        free(g);
        free(data);
    }
    /* XLSX: every worksheet and the shared strings */
    char *dir = test_tmpdir();
    char *path = xasprintf("%s/out.xlsx", dir);
    cr_assert_eq(export_write(doc, &export_format_xlsx, path, false, NULL), EXPORT_OK);
    xlsx_book *book;
    xlsx_error xe = {0};
    cr_assert_eq(xlsx_open(path, &book, &xe), XLSX_OK, "%s", xe.where ? xe.where : "");
    for (size_t s = 0; s <= xlsx_sheet_count(book); s++) {
        const char *part = s < xlsx_sheet_count(book) ? xlsx_sheet_part(book, s) : "xl/sharedStrings.xml";
        size_t len;
        char *data = xlsx_part_read(book, part, &len, &xe);
        cr_assert_not_null(data, "%s missing", part);
        char *g = xasprintf("doc-%s.xlsx.%s", name, strrchr(part, '/') + 1);
        golden_check(g, data, len);
        free(g);
        free(data);
    }
    xlsx_close(book);
    free(path);
    test_rm_rf(dir);
    free(dir);
    export_doc_free(doc);
}

Test(export_documents, checklist_golden)
{
    golden_document("checklist", A_CHECKLIST);
}

Test(export_documents, kakuninhyo_golden)
{
    golden_document("kakuninhyo", A_KAKUNINHYO);
}

Test(export_documents, gaps_golden)
{
    golden_document("gaps", A_GAPS);
}

Test(export_documents, disclosure_golden)
{
    golden_document("disclosure", A_DISCLOSURE);
}

/* The rows of the model, for checks that do not depend on a renderer. */
static const export_table *find_table(const export_doc *doc, const char *id)
{
    for (size_t s = 0; s < doc->len; s++)
        for (size_t b = 0; b < doc->sections[s]->len; b++)
            if (doc->sections[s]->blocks[b].kind == EXPORT_BLOCK_TABLE &&
                str_eq(doc->sections[s]->blocks[b].u.table->id, id))
                return doc->sections[s]->blocks[b].u.table;
    return NULL;
}

static const char *cell(const export_table *t, const char *row_first, const char *col)
{
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != EXPORT_ROW_CELLS || !str_eq(t->rows[r].cells[0], row_first))
            continue;
        for (size_t c = 0; c < t->ncols; c++)
            if (str_eq(t->cols[c].id, col))
                return t->rows[r].cells[c];
    }
    return NULL;
}

Test(export_documents, checklist_puts_devices_in_their_columns)
{
    export_doc *doc = doc_build("checklist", A_CHECKLIST);
    const export_table *t = find_table(doc, "items");
    cr_assert_not_null(t);
    cr_expect_str_eq(cell(t, "2-④", "server"), "はい");
    cr_expect_str_eq(cell(t, "2-④", "pc"), "いいえ");
    cr_expect_str_eq(cell(t, "2-④", "network"), "");
    cr_expect_str_eq(cell(t, "2-④", "answer"), "");
    /* ネットワーク機器 has no date: the cell says which devices the date belongs to */
    cr_expect_str_eq(cell(t, "2-④", "checked"), "サーバ: 2025-04-01\n端末PC: 2025-04-01");
    cr_expect_str_eq(cell(t, "2-④", "owner"), "", "no device has a party");
    cr_expect_str_eq(cell(t, "2-④", "note"), "サーバ: 権限表どおり\n端末PC: 理由: 検査室の端末を更新するまで\n共用IDが残る",
                     "each device's reason heads its note");
    cr_expect_str_eq(cell(t, "2-⑤", "server"), "はい", "a single per-device item loses its device suffix");
    cr_expect_str_eq(cell(t, "1-①", "answer"), "いいえ");
    cr_expect_str_eq(cell(t, "1-①", "owner"), "事業者（A社）");
    cr_expect_str_eq(cell(t, "1-①", "evidence"), "理事会議事録.pdf\n運用管理規程（規程第3号） 見直し期限 2025-03-31 期限切れ",
                     "linked entries in order, the register entry with its reference and review state");
    cr_expect_str_eq(cell(t, "1-①", "note"), "理由: 候補者の内諾待ち\n任命は4月の理事会で", "the reason heads the note");
    export_doc_free(doc);
}

Test(export_documents, gap_report_lists_not_applicable_reasons_and_stale_evidence)
{
    export_doc *doc = doc_build("gaps", A_GAPS);
    const export_table *na = find_table(doc, "not_applicable");
    cr_assert_not_null(na, "the 対象外 items have their own table");
    cr_assert_eq(na->nrows, 1);
    cr_expect_str_eq(cell(na, "2.1 ②", "reason"), "無線LANを設置していない");
    const export_table *ev = find_table(doc, "stale_evidence");
    cr_assert_not_null(ev, "expired and due evidence is listed");
    cr_assert_eq(ev->nrows, 2, "保守記録.xlsx has no review date: not listed");
    cr_expect_str_eq(ev->rows[0].cells[0], "運用管理規程");
    cr_expect_str_eq(ev->rows[0].cells[4], "期限切れ");
    cr_expect_str_eq(ev->rows[0].cells[5], "1.1 ②");
    cr_expect_str_eq(ev->rows[1].cells[0], "保守委託契約書");
    cr_expect_str_eq(ev->rows[1].cells[4], "見直し時期");
    cr_expect_str_eq(ev->rows[1].cells[5], "2.1 ①");
    export_doc_free(doc);
}

Test(export_documents, gap_report_groups_overdue_and_progress)
{
    export_doc *doc = doc_build("gaps", A_GAPS);
    const export_table *t = find_table(doc, "gaps");
    cr_assert_not_null(t);
    /* g-2 未実施 overdue (due 2025-03-01 < 2025-04-01), g-3 一部 (vendor), g-5 unanswered; g-1 done and g-4 n/a are not gaps */
    strlist groups = {0};
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].kind == EXPORT_ROW_GROUP)
            sl_push(&groups, t->rows[r].cells[0]);
    cr_assert_eq(groups.len, 3);
    cr_expect_str_eq(groups.items[0], "医療機関");
    cr_expect_str_eq(groups.items[1], "事業者（A社）");
    cr_expect_str_eq(groups.items[2], "担当未設定");
    sl_free(&groups);
    cr_expect_str_eq(cell(t, "1.1 ②", "overdue"), "超過");
    cr_expect_str_eq(cell(t, "1.1 ②", "answer"), "未実施");
    cr_expect_str_eq(cell(t, "2.1 ①", "answer"), "一部実施");
    cr_expect_str_eq(cell(t, "2.1 ①", "overdue"), "");
    cr_expect_str_eq(cell(t, "2-5", "answer"), "未回答");
    cr_expect_null(cell(t, "1.1 ①", "answer"));
    cr_expect_null(cell(t, "2.1 ②", "answer"));
    const export_table *c = find_table(doc, "counts");
    cr_expect_str_eq(cell(c, "期限超過", "count"), "1");
    cr_expect_str_eq(cell(c, "未回答", "count"), "1");
    /* the first page is the summary and the progress blocks hold volumes and chapters */
    cr_expect_str_eq(doc->sections[0]->heading, "概要");
    size_t bars = 0;
    for (size_t s = 0; s < doc->len; s++)
        for (size_t b = 0; b < doc->sections[s]->len; b++)
            if (doc->sections[s]->blocks[b].kind == EXPORT_BLOCK_PROGRESS)
                bars += doc->sections[s]->blocks[b].u.progress->len;
    cr_expect_eq(bars, 1 + 2 + 2, "total, two volumes, two chapters");
    export_doc_free(doc);
}

Test(export_documents, disclosure_marks_notes_and_references)
{
    export_doc *doc = doc_build("disclosure", A_DISCLOSURE);
    const export_table *t = find_table(doc, "s1");
    cr_assert_not_null(t);
    cr_expect_str_eq(cell(t, "1", "yes"), "○");
    cr_expect_str_eq(cell(t, "1", "remark"), "1");
    cr_expect_str_eq(cell(t, "1", "guideline"), "試験GL 2.1 ①、試験GL 2-5");
    cr_expect_str_eq(cell(t, "2", "no"), "○");
    cr_expect_str_eq(cell(t, "2", "remark"), "2");
    const export_table *lr = find_table(doc, "lr");
    cr_expect_str_eq(cell(lr, "3", "na"), "○");
    cr_expect_str_eq(cell(lr, "3", "remark"), "3", "対象外 says why");
    /* the 備考 list in order of appearance; the header fields in the title block */
    const export_notes *notes = NULL;
    for (size_t s = 0; s < doc->len; s++)
        for (size_t b = 0; b < doc->sections[s]->len; b++)
            if (doc->sections[s]->blocks[b].kind == EXPORT_BLOCK_NOTES)
                notes = doc->sections[s]->blocks[b].u.notes;
    cr_assert_not_null(notes);
    cr_assert_eq(notes->len, 3);
    cr_expect_str_eq(notes->items[0], "定義ファイルは毎日更新\n証跡: SG Rev.1 1章\n確認日: 2025-03-01");
    cr_expect_str_eq(notes->items[1], "理由: 現行版の仕様\nIP制限は次版で対応\n証跡: 保守委託契約書（契約第12号） 見直し期限 2025-04-20 見直し時期\n"
                                      "担当: 事業者（A社）");
    cr_expect_str_eq(notes->items[2], "理由: クラウドを利用しない");
    cr_expect_str_eq(doc->meta[0].key, "開示書の種別");
    cr_expect_str_eq(doc->meta[0].value, "SDS");
    cr_expect_str_eq(doc->meta[4].value, "2025-03-01", "a date field is stored ISO");
    cr_expect_str_eq(doc->subtitle, "SDS 令和7年度");
    export_doc_free(doc);
}

static void expect_in(const char *hay, const char *needle, const char *what)
{
    cr_expect_not_null(strstr(hay, needle), "%s: \"%s\" missing", what, needle);
}

/* Every line of s appears in hay (newlines are kept differently by each format). */
static void expect_lines_in(const char *hay, const char *s, const char *what)
{
    char *copy = xstrdup(s);
    for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        expect_in(hay, line, what);
    free(copy);
}

Test(export_documents, disclosure_holds_every_inventory_fact)
{
    export_doc *doc = doc_build("disclosure", A_DISCLOSURE);
    for (int f = 0; f < 2; f++) {
        size_t len;
        char *out = doc_render(doc, f ? "csv" : "md", &len);
        const char *what = f ? "csv" : "md";
        for (size_t i = 0; i < AZ_ARRAY_LEN(doc_system_texts); i++)
            expect_lines_in(out, doc_system_texts[i], what);
        for (size_t i = 0; i < AZ_ARRAY_LEN(doc_ports); i++) {
            expect_in(out, doc_ports[i].ports, what);
            expect_in(out, doc_ports[i].purpose, what);
            if (doc_ports[i].note)
                expect_in(out, doc_ports[i].note, what);
        }
        for (size_t i = 0; i < AZ_ARRAY_LEN(doc_storage); i++) {
            char *loc = f ? xstrdup(doc_storage[i].location) : NULL;
            if (!f) { /* Markdown escapes the asterisks of "***" */
                strbuf sb = {0};
                export_md_add(&sb, doc_storage[i].location, true);
                loc = sb_take(&sb);
            }
            expect_in(out, loc, what);
            free(loc);
            expect_in(out, doc_storage[i].content, what);
        }
        for (size_t i = 0; i < AZ_ARRAY_LEN(doc_controls); i++) {
            expect_in(out, doc_controls[i].kind, what);
            expect_in(out, doc_controls[i].measure, what);
        }
        expect_in(out, doc_connections[0].peer, what);
        expect_in(out, doc_connections[0].method, what);
        expect_in(out, "受信", what);
        expect_in(out, "送信", what);
        free(out);
    }
    export_doc_free(doc);
}

/* ---- complete by construction ---- */

typedef struct {
    const char *doc;
    int64_t aid;
} scope_case;

/* Fills every field a user can enter for every item of assessment aid (value, the dates the
 * catalog offers, a vendor as responsible party, note, two evidence references) and every header
 * field; returns the strings that must come out. The value chosen is negative, so the gap report
 * has every item in scope too. */
static void fill_everything(int64_t aid, strlist *expect)
{
    assessment a;
    status_detail err = {0};
    cr_assert_eq(assess_get(doc_st, aid, &a, &err), STATUS_OK, "%s", test_msg(&err));
    catalog *c = catalog_db_load(doc_st, a.catalog_id, a.catalog_version);
    const answer_def *neg = NULL;
    for (size_t i = 0; i < c->nanswers; i++)
        if (c->answers[i].meaning == MEANING_NEGATIVE)
            neg = &c->answers[i];
    cr_assert_not_null(neg);
    int k = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind != NODE_ITEM)
            continue;
        k++;
        char d1[24], d2[24], d3[24];
        snprintf(d1, sizeof d1, "2024-01-%02d", k % 28 + 1);
        snprintf(d2, sizeof d2, "2026-02-%02d", k % 28 + 1);
        snprintf(d3, sizeof d3, "2024-03-%02d", k % 28 + 1);
        char *note = xasprintf("メモ「%s」\n二行目", n->id), *e1 = xasprintf("証跡-%s-一", n->id),
             *e2 = xasprintf("https://example.org/ev/%s", n->id), *why = xasprintf("理由「%s」", n->id);
        doc_answer_why(aid, n->id, neg->value, c->dates & DATE_CHECKED ? d1 : NULL, c->dates & DATE_DUE ? d2 : NULL,
                       c->dates & DATE_DONE ? d3 : NULL, RESP_VENDOR, note, e1, e2, why);
        sl_push_owned(expect, why);
        if (c->dates & DATE_CHECKED)
            sl_push(expect, d1);
        if (c->dates & DATE_DUE)
            sl_push(expect, d2);
        if (c->dates & DATE_DONE)
            sl_push(expect, d3);
        char *first = xasprintf("メモ「%s」", n->id);
        sl_push_owned(expect, first);
        sl_push(expect, "二行目");
        sl_push_owned(expect, e1);
        sl_push_owned(expect, e2);
        free(note);
    }
    sl_push(expect, neg->label.ja);
    sl_push(expect, "事業者（A社）");
    for (size_t i = 0; i < c->nfields; i++) {
        const catalog_field *f = &c->fields[i];
        char *v = f->type == CATALOG_FIELD_DATE     ? xstrdup("2025-02-28")
                  : f->type == CATALOG_FIELD_CHOICE ? xstrdup(f->choices.items[f->choices.len - 1])
                                                    : xasprintf("値-%s", f->key);
        doc_field(aid, f->key, v);
        sl_push_owned(expect, v);
    }
    catalog_free(c);
    assessment_free(&a);
}

Test(export_documents, complete_by_construction)
{
    static const scope_case cases[] = {
        {"checklist", A_CHECKLIST}, {"kakuninhyo", A_KAKUNINHYO}, {"gaps", A_GAPS}, {"disclosure", A_DISCLOSURE}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        strlist expect = {0};
        fill_everything(cases[i].aid, &expect);
        export_doc *doc = doc_build(cases[i].doc, cases[i].aid);
        size_t jl, cl;
        char *json = doc_render(doc, "json", &jl), *csv = doc_render(doc, "csv", &cl);
        for (size_t k = 0; k < expect.len; k++) {
            cr_expect_not_null(strstr(json, expect.items[k]), "%s JSON lacks \"%s\"", cases[i].doc, expect.items[k]);
            cr_expect_not_null(strstr(csv, expect.items[k]), "%s CSV lacks \"%s\"", cases[i].doc, expect.items[k]);
        }
        free(json);
        free(csv);
        export_doc_free(doc);
        sl_free(&expect);
    }
}

/* ---- XLSX read back ---- */

static bool sheet_has_text(xlsx_book *book, const char *text)
{
    xlsx_error xe = {0};
    for (size_t s = 0; s < xlsx_sheet_count(book); s++) {
        xlsx_sheet *sh;
        cr_assert_eq(xlsx_sheet_load(book, s, &sh, &xe), XLSX_OK);
        bool found = false;
        for (size_t i = 0; i < xlsx_cell_count(sh) && !found; i++) {
            const xlsx_cell *c = xlsx_cell_index(sh, i);
            found = c->text && str_eq(c->text, text);
        }
        xlsx_sheet_free(sh);
        if (found)
            return true;
    }
    return false;
}

Test(export_documents, xlsx_reads_back_every_text_cell)
{
    static const scope_case cases[] = {
        {"checklist", A_CHECKLIST}, {"kakuninhyo", A_KAKUNINHYO}, {"gaps", A_GAPS}, {"disclosure", A_DISCLOSURE}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        export_doc *doc = doc_build(cases[i].doc, cases[i].aid);
        char *dir = test_tmpdir(), *path = xasprintf("%s/out.xlsx", dir);
        cr_assert_eq(export_write(doc, &export_format_xlsx, path, false, NULL), EXPORT_OK);
        xlsx_book *book;
        xlsx_error xe = {0};
        cr_assert_eq(xlsx_open(path, &book, &xe), XLSX_OK);
        for (size_t m = 0; m < doc->meta_len; m++)
            if (*doc->meta[m].value) {
                char *v = export_xlsx_text(doc->meta[m].value);
                cr_expect(sheet_has_text(book, v), "%s: title block \"%s\" not in the workbook", cases[i].doc, v);
                free(v);
            }
        for (size_t s = 0; s < doc->len; s++)
            for (size_t b = 0; b < doc->sections[s]->len; b++) {
                if (doc->sections[s]->blocks[b].kind != EXPORT_BLOCK_TABLE)
                    continue;
                const export_table *t = doc->sections[s]->blocks[b].u.table;
                for (size_t r = 0; r < t->nrows; r++)
                    for (size_t c = 0; c < (t->rows[r].kind == EXPORT_ROW_GROUP ? 1 : t->ncols); c++) {
                        const char *raw = t->rows[r].cells[c];
                        bool typed = t->rows[r].kind == EXPORT_ROW_CELLS &&
                                     (t->cols[c].kind == EXPORT_COL_NUMBER ||
                                      (t->cols[c].kind == EXPORT_COL_DATE && jpdate_is_iso(raw)));
                        if (!*raw || typed) /* numbers and dates are real number cells */
                            continue;
                        char *v = export_xlsx_text(raw);
                        cr_expect(sheet_has_text(book, v), "%s: cell \"%s\" not in the workbook", cases[i].doc, v);
                        free(v);
                    }
            }
        xlsx_close(book);
        free(path);
        test_rm_rf(dir);
        free(dir);
        export_doc_free(doc);
    }
}

/* ---- hostile notes ---- */

Test(export_documents, hostile_notes_are_inert_everywhere)
{
    char *longtext = fixture_long_text();
    const char *notes[] = {"<script>alert('x')</script>", "=cmd|' /C calc'!A1", "@SUM(1)", longtext,
                           "1行目\n2行目\tタブの後"};
    /* the last goes into a per-device row whose notes differ, so it is one line of that cell */
    const char *items[] = {"c-0", "c-1-1", "c-2-6", "c-2-5-server", "c-2-4-network"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(notes); i++)
        doc_answer(A_CHECKLIST, items[i], "yes", NULL, NULL, NULL, RESP_NONE, notes[i], NULL, NULL);
    export_doc *doc = doc_build("checklist", A_CHECKLIST);
    size_t len;
    char *csv = doc_render(doc, "csv", &len);
    cr_expect_not_null(strstr(csv, ",'=cmd|' /C calc'!A1,"), "formula not neutralised in CSV");
    cr_expect_not_null(strstr(csv, ",'@SUM(1),"));
    /* the tab became spaces to the next 8-column stop when the note was stored (2行目 = 5 columns) */
    cr_expect_not_null(strstr(csv, "ネットワーク機器: 1行目\n2行目   タブの後\""), "newline kept quoted, tab as spaces");
    cr_expect_not_null(strstr(csv, longtext), "2,000 full-width characters cut");
    free(csv);
    char *html = doc_render(doc, "html", &len);
    cr_expect_null(strstr(html, "<script"));
    cr_expect_not_null(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    cr_expect_not_null(strstr(html, "1行目<br>2行目   タブの後"));
    free(html);
    char *md = doc_render(doc, "md", &len);
    for (const char *p = strstr(md, "<script"); p; p = strstr(p + 1, "<script"))
        cr_expect(p > md && p[-1] == '\\', "an unescaped <script in Markdown");
    cr_expect_not_null(strstr(md, "\\<script\\>alert"));
    free(md);
    char *json = doc_render(doc, "json", &len);
    cr_expect_not_null(strstr(json, longtext));
    cr_expect_not_null(strstr(json, "1行目\\n2行目   タブの後"));
    free(json);
    char *dir = test_tmpdir(), *path = xasprintf("%s/out.xlsx", dir);
    cr_assert_eq(export_write(doc, &export_format_xlsx, path, false, NULL), EXPORT_OK);
    xlsx_book *book;
    xlsx_error xe = {0};
    cr_assert_eq(xlsx_open(path, &book, &xe), XLSX_OK);
    size_t plen;
    char *sheet = xlsx_part_read(book, "xl/worksheets/sheet1.xml", &plen, &xe);
    cr_expect_null(strstr(sheet, "<f>"), "a note became a formula");
    free(sheet);
    cr_expect(sheet_has_text(book, "=cmd|' /C calc'!A1"), "the formula text is a plain string cell");
    cr_expect(sheet_has_text(book, "@SUM(1)"));
    cr_expect(sheet_has_text(book, longtext));
    xlsx_close(book);
    free(path);
    test_rm_rf(dir);
    free(dir);
    free(longtext);
    export_doc_free(doc);
}

/* ---- empty, refused, names ---- */

Test(export_documents, an_empty_assessment_in_every_document_and_format)
{
    static const char *const cats[] = {"fx-ecl", "fx-ekk", "fx-egl", "fx-emds"};
    for (size_t c = 0; c < AZ_ARRAY_LEN(cats); c++) {
        assess_spec spec = {.catalog_id = cats[c], .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2026};
        int64_t id = 0;
        status_detail err = {0};
        cr_assert_eq(assess_create(doc_st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
        for (size_t d = 0; d < document_count(); d++) {
            if (!document_fits(document_at(d), c == 0 ? "checklist" : c == 1 ? "kakuninhyo" : c == 2 ? "guideline" : "disclosure"))
                continue;
            export_doc *doc = doc_build(document_at(d)->name, id);
            for (size_t f = 0; f < export_format_count(); f++) {
                size_t len;
                char *out = doc_render(doc, export_format_at(f)->name, &len);
                cr_expect_gt(len, 0);
                free(out);
            }
            if (str_eq(document_at(d)->name, "gaps")) {
                const export_table *t = find_table(doc, "counts");
                cr_expect_str_eq(cell(t, "回答済", "count"), "0");
            }
            export_doc_free(doc);
        }
    }
}

Test(export_documents, refuses_a_document_that_does_not_fit)
{
    export_doc *doc = (export_doc *)1;
    status_detail err = {0};
    cr_expect_eq(document_build(&document_kakuninhyo, doc_st, A_CHECKLIST, DOC_DATE, false, &doc, &err),
                 STATUS_DOCUMENT_NOT_FIT);
    cr_expect_null(doc);
    cr_expect_not_null(strstr(test_msg(&err), "kakuninhyo"));
    cr_expect_not_null(strstr(test_msg(&err), "fx-ecl@1, a checklist"), "%s", test_msg(&err));
    cr_expect_eq(document_build(&document_disclosure, doc_st, A_GAPS, DOC_DATE, false, &doc, &err),
                 STATUS_DOCUMENT_NOT_FIT);
    cr_expect_eq(document_build(&document_checklist, doc_st, 99, DOC_DATE, false, &doc, &err),
                 STATUS_ASSESSMENT_NOT_FOUND);
    cr_expect_eq(document_build(&document_gaps, doc_st, A_GAPS, "2025-02-30", false, &doc, &err), STATUS_DATE_NOT_ISO);
    cr_expect_str_eq(err.value, "2025-02-30");
    status_detail_free(&err);
    cr_expect(document_fits(&document_gaps, "guideline") && !document_fits(&document_gaps, "crosswalk"));
}

Test(export_documents, default_file_names)
{
    doc_source src;
    status_detail err = {0};
    cr_assert_eq(doc_source_open(doc_st, A_DISCLOSURE, DOC_DATE, false, &src, &err), STATUS_OK, "%s", test_msg(&err));
    char *n = document_default_name(&document_disclosure, &src, ".xlsx");
    cr_expect_str_eq(n, "MDS-SDS_PACS_A社_2025-04-01.xlsx");
    free(n);
    doc_source_close(&src);
    cr_assert_eq(doc_source_open(doc_st, A_CHECKLIST, DOC_DATE, false, &src, &err), STATUS_OK, "%s", test_msg(&err));
    n = document_default_name(&document_checklist, &src, ".csv");
    cr_expect_str_eq(n, "チェックリスト_1_2025-04-01.csv");
    free(n);
    doc_source_close(&src);
}

/* ---- 1,000 items ---- */

Test(export_documents, a_thousand_item_assessment, .timeout = 120)
{
    char *cdir = test_tmpdir();
    strbuf y = {0};
    sb_add(&y, "format: anzen-catalog/1\ncatalog:\n  id: fx-big\n  version: \"1\"\n  revision: 1\n  kind: checklist\n"
               "  title: {ja: 千項目}\n  publisher: 試験\n  published: 2025-01-01\n"
               "  source: {title: 試験, url: \"https://example.org\"}\n  completeness: {status: complete}\n"
               "  answers:\n    - {value: \"yes\", label: {ja: はい}, meaning: positive}\n"
               "    - {value: \"no\", label: {ja: いいえ}, meaning: negative}\n  dates: [checked, due]\nnodes:\n");
    for (int ch = 0; ch < 10; ch++) {
        sb_addf(&y, "  - {id: h%d, kind: heading, ref: \"%d\", title: {ja: 第%d章}}\n", ch, ch + 1, ch + 1);
        for (int i = 0; i < 100; i++)
            sb_addf(&y, "  - {id: i%d-%d, kind: item, parent: h%d, ref: \"%d-%d\", text: {ja: 項目%d-%dの確認},"
                        " source: \"https://example.org/%d\", verified: false}\n",
                    ch, i, ch, ch + 1, i + 1, ch + 1, i + 1, ch * 100 + i);
    }
    free(test_write(cdir, "fx-big-1.yaml", sb_str(&y)));
    sb_free(&y);
    test_sync_catalogs(doc_st, cdir);
    assess_spec spec = {.catalog_id = "fx-big", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    int64_t id = 0;
    status_detail err = {0};
    cr_assert_eq(assess_create(doc_st, &spec, "tester", &id, &err), STATUS_OK, "%s", test_msg(&err));
    for (int k = 0; k < 1000; k += 3) {
        char item[32];
        snprintf(item, sizeof item, "i%d-%d", k / 100, k % 100);
        doc_answer(id, item, k % 2 ? "yes" : "no", NULL, k % 2 ? NULL : "2025-01-31", NULL, RESP_NONE, "メモ", NULL, NULL);
    }
    export_doc *cl = doc_build("checklist", id);
    const export_table *t = find_table(cl, "items");
    cr_expect_eq(t->nrows, 1010, "1,000 items and 10 chapter rows");
    export_doc *gaps = doc_build("gaps", id);
    const export_table *g = find_table(gaps, "gaps");
    cr_expect_eq(g->nrows, 1 + 1000 - 167, "one group, every item not answered はい");
    for (size_t f = 0; f < export_format_count(); f++) {
        size_t len;
        free(doc_render(cl, export_format_at(f)->name, &len));
        free(doc_render(gaps, export_format_at(f)->name, &len));
    }
    export_doc_free(cl);
    export_doc_free(gaps);
    test_rm_rf(cdir);
    free(cdir);
}

/* ---- LibreOffice opens them ---- */

Test(export_documents, libreoffice_opens_every_document, .timeout = 300)
{
    if (system("command -v soffice >/dev/null 2>&1") != 0)
        cr_skip_test("LibreOffice (soffice) is not installed");
    static const scope_case cases[] = {
        {"checklist", A_CHECKLIST}, {"kakuninhyo", A_KAKUNINHYO}, {"gaps", A_GAPS}, {"disclosure", A_DISCLOSURE}};
    char *dir = test_tmpdir();
    strbuf xlsx = {0}, html = {0};
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        export_doc *doc = doc_build(cases[i].doc, cases[i].aid);
        char *x = xasprintf("%s/%s.xlsx", dir, cases[i].doc), *h = xasprintf("%s/%s.html", dir, cases[i].doc);
        cr_assert_eq(export_write(doc, &export_format_xlsx, x, false, NULL), EXPORT_OK);
        cr_assert_eq(export_write(doc, &export_format_html, h, false, NULL), EXPORT_OK);
        sb_addf(&xlsx, " '%s'", x);
        sb_addf(&html, " '%s'", h);
        free(x);
        free(h);
        export_doc_free(doc);
    }
    /* every sheet of every workbook to CSV; every page to PDF (Writer/Web) */
    char *cmd = xasprintf("cd '%s' && HOME='%s' soffice -env:UserInstallation=file://%s/lo --headless "
                          "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' "
                          "--outdir '%s/csv'%s >'%s/lo.log' 2>&1 && HOME='%s' soffice -env:UserInstallation=file://%s/lo "
                          "--headless --convert-to pdf --outdir '%s/pdf'%s >>'%s/lo.log' 2>&1",
                          dir, dir, dir, dir, sb_str(&xlsx), dir, dir, dir, dir, sb_str(&html), dir);
    cr_assert_eq(system(cmd), 0, "soffice failed (see %s/lo.log)", dir);
    free(cmd);
    static const char *const first_sheet[] = {"チェックリスト", "Part1", "概要", "設問1"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(cases); i++) {
        char *csv = xasprintf("%s/csv/%s-%s.csv", dir, cases[i].doc, first_sheet[i]);
        size_t len;
        char *text = util_read_file(csv, &len);
        cr_expect_not_null(text, "LibreOffice wrote no %s", csv);
        if (text && i == 0)
            cr_expect_not_null(strstr(text, "アクセス権限の設定"), "%s", csv);
        free(text);
        free(csv);
        char *pdf = xasprintf("%s/pdf/%s.pdf", dir, cases[i].doc);
        char *bytes = util_read_file(pdf, &len);
        cr_expect(bytes && len > 1000 && memcmp(bytes, "%PDF", 4) == 0, "no PDF from %s.html", cases[i].doc);
        free(bytes);
        free(pdf);
    }
    sb_free(&xlsx);
    sb_free(&html);
    test_rm_rf(dir);
    free(dir);
}
