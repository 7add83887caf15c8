/* The --for-vendor workbook through libxlsxwriter (see vendor_sheet.h for the layout). */
#include "vendor_sheet.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "assess/lib.h"
#include "digest.h"
#include "export/lib.h"
#include "text/lib.h"

static const struct {
    const char *header;
    int width; /* terminal columns */
    bool input;
} fields[VS__COUNT] = {
    [VS_ITEM] = {"項目ID", 12, false},   [VS_REF] = {"番号", 10, false},      [VS_TEXT] = {"確認項目", 50, false},
    [VS_VALUE] = {"回答", 10, true},     [VS_CHECKED] = {"確認日", 12, true}, [VS_DUE] = {"目標日", 12, true},
    [VS_DONE] = {"完了日", 12, true},    [VS_REASON] = {"理由", 24, true},    [VS_NOTE] = {"備考", 30, true},
};

void vendor_sheet_layout_for(const catalog *c, vendor_sheet_layout *out)
{
    unsigned dates = c->dates ? c->dates : DATE_CHECKED | DATE_DUE | DATE_DONE;
    int col = 0;
    for (int f = 0; f < VS__COUNT; f++) {
        bool absent = (f == VS_CHECKED && !(dates & DATE_CHECKED)) || (f == VS_DUE && !(dates & DATE_DUE)) ||
                      (f == VS_DONE && !(dates & DATE_DONE));
        out->col[f] = absent ? -1 : col++;
    }
    out->ncols = (size_t)col;
}

const char *vendor_sheet_header(vendor_sheet_field f)
{
    return (unsigned)f < VS__COUNT ? fields[f].header : "";
}

bool vendor_sheet_is_input(vendor_sheet_field f)
{
    return (unsigned)f < VS__COUNT && fields[f].input;
}

static bool is_date_field(int f)
{
    return f == VS_CHECKED || f == VS_DUE || f == VS_DONE;
}

typedef struct {
    lxw_workbook *wb;
    lxw_worksheet *ws, *meta;
    lxw_format *title, *locked, *heading, *header, *input, *input_date;
    lxw_error rc; /* the first failure */
    char where[64];
} vctx;

static void check(vctx *x, lxw_error rc, const char *sheet, lxw_row_t row, lxw_col_t col)
{
    if (rc == LXW_NO_ERROR || x->rc != LXW_NO_ERROR)
        return;
    x->rc = rc;
    char ref[16];
    lxw_rowcol_to_cell(ref, row, col);
    snprintf(x->where, sizeof x->where, "%s!%s", sheet, ref);
}

static void put(vctx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t row, lxw_col_t col, const char *raw,
                lxw_format *f)
{
    char *text = export_xlsx_text(raw ? raw : ""); /* always a string cell, never a formula */
    check(x, *text ? worksheet_write_string(ws, row, col, text, f) : worksheet_write_blank(ws, row, col, f), sheet, row,
          col);
    free(text);
}

static void formats(vctx *x)
{
    x->title = workbook_add_format(x->wb);
    format_set_bold(x->title);
    format_set_font_size(x->title, 14);
    x->locked = workbook_add_format(x->wb);
    format_set_text_wrap(x->locked);
    format_set_align(x->locked, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(x->locked, LXW_BORDER_THIN);
    x->heading = workbook_add_format(x->wb);
    format_set_bold(x->heading);
    format_set_border(x->heading, LXW_BORDER_THIN);
    format_set_pattern(x->heading, LXW_PATTERN_SOLID);
    format_set_bg_color(x->heading, 0xF2F2F2);
    x->header = workbook_add_format(x->wb);
    format_set_bold(x->header);
    format_set_align(x->header, LXW_ALIGN_CENTER);
    format_set_border(x->header, LXW_BORDER_THIN);
    format_set_pattern(x->header, LXW_PATTERN_SOLID);
    format_set_bg_color(x->header, 0xE8E8E8);
    /* the cells the vendor fills: unlocked and shaded */
    x->input = workbook_add_format(x->wb);
    format_set_unlocked(x->input);
    format_set_text_wrap(x->input);
    format_set_align(x->input, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(x->input, LXW_BORDER_THIN);
    format_set_pattern(x->input, LXW_PATTERN_SOLID);
    format_set_bg_color(x->input, 0xFFF9DB);
    x->input_date = workbook_add_format(x->wb);
    format_set_unlocked(x->input_date);
    format_set_align(x->input_date, LXW_ALIGN_CENTER);
    format_set_align(x->input_date, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(x->input_date, LXW_BORDER_THIN);
    format_set_pattern(x->input_date, LXW_PATTERN_SOLID);
    format_set_bg_color(x->input_date, 0xFFF9DB);
    format_set_num_format(x->input_date, "yyyy-mm-dd");
}

static void put_date(vctx *x, lxw_row_t row, lxw_col_t col, const char *iso)
{
    if (iso && jpdate_is_iso(iso)) {
        lxw_datetime dt = {.year = atoi(iso), .month = atoi(iso + 5), .day = atoi(iso + 8)};
        check(x, worksheet_write_datetime(x->ws, row, col, &dt, x->input_date), VENDOR_SHEET_MAIN, row, col);
    } else {
        check(x, worksheet_write_blank(x->ws, row, col, x->input_date), VENDOR_SHEET_MAIN, row, col);
    }
}

/* The item text: its title, then our paraphrase when it says more. Caller frees. */
static char *item_text(const catalog_node *n)
{
    const char *title = i18n_get(&n->title, false), *text = i18n_get(&n->text, false);
    if (!*title)
        return xstrdup(text);
    if (!*text || str_eq(title, text))
        return xstrdup(title);
    return xasprintf("%s\n%s", title, text);
}

/* Lines the text takes wrapped at cols columns (an estimate for the row height: a wrapped
 * cell does not grow by itself when the file is opened). */
static int text_lines(const char *s, int cols)
{
    int lines = 0;
    while (s) {
        const char *nl = strchr(s, '\n');
        char *line = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
        int w = text_width(line);
        lines += w > cols ? (w + cols - 1) / cols : 1;
        free(line);
        s = nl ? nl + 1 : NULL;
    }
    return lines;
}

static void item_row(vctx *x, const doc_source *src, const vendor_sheet_layout *L, lxw_row_t row,
                     const catalog_node *n, const answer *a)
{
    const char *cells[VS__COUNT] = {0};
    char *text = item_text(n);
    cells[VS_ITEM] = n->id;
    cells[VS_REF] = n->ref;
    cells[VS_TEXT] = text;
    cells[VS_VALUE] = a && a->value ? doc_source_value_label(src, a->value) : NULL;
    cells[VS_REASON] = a ? a->reason : NULL;
    cells[VS_NOTE] = a ? a->note : NULL;
    for (int f = 0; f < VS__COUNT; f++) {
        if (L->col[f] < 0)
            continue;
        lxw_col_t col = (lxw_col_t)L->col[f];
        if (is_date_field(f))
            put_date(x, row, col, !a ? NULL : f == VS_CHECKED ? a->checked : f == VS_DUE ? a->due : a->done);
        else
            put(x, x->ws, VENDOR_SHEET_MAIN, row, col, cells[f], fields[f].input ? x->input : x->locked);
    }
    int lines = text_lines(text, fields[VS_TEXT].width);
    if (lines > 1)
        worksheet_set_row(x->ws, row, lines * 17 > 409 ? 409 : lines * 17, NULL);
    free(text);
}

static void heading_row(vctx *x, const vendor_sheet_layout *L, lxw_row_t row, const catalog_node *n)
{
    for (size_t c = 0; c < L->ncols; c++)
        check(x, worksheet_write_blank(x->ws, row, (lxw_col_t)c, x->heading), VENDOR_SHEET_MAIN, row, (lxw_col_t)c);
    put(x, x->ws, VENDOR_SHEET_MAIN, row, (lxw_col_t)L->col[VS_REF], n->ref, x->heading);
    put(x, x->ws, VENDOR_SHEET_MAIN, row, (lxw_col_t)L->col[VS_TEXT], i18n_get(&n->title, false), x->heading);
}

/* libxlsxwriter takes mutable strings for texts it only copies. */
static char *text_arg(const char *s)
{
    union {
        const char *c;
        char *m;
    } u = {s};
    return u.m;
}

/* The answer list: the catalog's labels as the document shows them (Japanese). */
static void validations(vctx *x, const catalog *c, const vendor_sheet_layout *L, lxw_row_t first, lxw_row_t last)
{
    if (last < first)
        return;
    char **labels = xcalloc(c->nanswers + 1, sizeof *labels);
    size_t total = 0;
    for (size_t i = 0; i < c->nanswers; i++) {
        labels[i] = text_arg(i18n_get(&c->answers[i].label, false));
        total += strlen(labels[i]) + 1;
    }
    lxw_data_validation v = {.validate = LXW_VALIDATION_TYPE_LIST,
                             .value_list = labels,
                             .input_title = text_arg("回答"),
                             .input_message = text_arg("一覧から選んでください"),
                             .error_title = text_arg("回答"),
                             .error_message = text_arg("一覧にある回答を選んでください")};
    lxw_col_t vc = (lxw_col_t)L->col[VS_VALUE];
    /* Excel keeps a list of at most 255 characters: a longer one leaves the cells free (the
     * import checks every value anyway) */
    if (c->nanswers && total <= 256)
        check(x, worksheet_data_validation_range(x->ws, first, vc, last, vc, &v), VENDOR_SHEET_MAIN, first, vc);
    free(labels);
    for (int f = VS_CHECKED; f <= VS_DONE; f++) {
        if (L->col[f] < 0)
            continue;
        /* a warning, not a stop: 令和7年4月1日 typed as text is read back too */
        lxw_data_validation d = {.validate = LXW_VALIDATION_TYPE_DATE,
                                 .criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
                                 .minimum_datetime = {.year = 1900, .month = 1, .day = 1},
                                 .error_type = LXW_VALIDATION_ERROR_TYPE_WARNING,
                                 .error_title = text_arg("日付"),
                                 .error_message = text_arg("2025-04-01 の形の日付を入力してください")};
        lxw_col_t dc = (lxw_col_t)L->col[f];
        check(x, worksheet_data_validation_range(x->ws, first, dc, last, dc, &d), VENDOR_SHEET_MAIN, first, dc);
    }
}

static void meta_row(vctx *x, lxw_row_t row, const char *key, const char *value)
{
    put(x, x->meta, VENDOR_SHEET_META, row, 0, key, NULL);
    put(x, x->meta, VENDOR_SHEET_META, row, 1, value, NULL);
}

static void meta_sheet(vctx *x, const doc_source *src, const vendor_sheet_options *opt)
{
    char hash[DIGEST_HEX], id[24], fy[16];
    digest_catalog(src->cat, hash);
    snprintf(id, sizeof id, "%lld", (long long)src->as.id);
    snprintf(fy, sizeof fy, "%d", src->as.fy);
    const char *rows[][2] = {
        {"format", VENDOR_SHEET_FORMAT},
        {"anzen_version", opt && opt->anzen_version ? opt->anzen_version : ""},
        {"catalog", src->cat->id},
        {"catalog_version", src->cat->version},
        {"catalog_hash", hash},
        {"assessment", id},
        {"fy", fy},
        {"system", src->as.scope == SCOPE_SYSTEM && src->as.system_name ? src->as.system_name : ""},
        {"party", "vendor"},
        {"vendor", src->as.vendor_name ? src->as.vendor_name : ""},
        {"layout", VENDOR_SHEET_LAYOUT},
        {"sheet", VENDOR_SHEET_MAIN},
        {"created", src->date},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(rows); i++)
        meta_row(x, (lxw_row_t)i, rows[i][0], rows[i][1]);
    worksheet_set_column(x->meta, 0, 0, 16, NULL);
    worksheet_set_column(x->meta, 1, 1, 70, NULL);
    worksheet_hide(x->meta);
    worksheet_protect(x->meta, NULL, NULL);
}

static void main_sheet(vctx *x, const doc_source *src, size_t *items)
{
    const catalog *c = src->cat;
    vendor_sheet_layout L;
    vendor_sheet_layout_for(c, &L);
    lxw_col_t last = (lxw_col_t)(L.ncols - 1);
    char *fy = jpdate_fy_label(src->as.fy, false), *scope = doc_source_scope_text(src);
    char *sub = xasprintf("%s・%s・事業者記入用（%s）", fy, scope, src->as.vendor_name ? src->as.vendor_name : "");
    char *title = export_xlsx_text(i18n_get(&c->title, false)), *subtitle = export_xlsx_text(sub);
    check(x, worksheet_merge_range(x->ws, 0, 0, 0, last, title, x->title), VENDOR_SHEET_MAIN, 0, 0);
    check(x, worksheet_merge_range(x->ws, 1, 0, 1, last, subtitle, NULL), VENDOR_SHEET_MAIN, 1, 0);
    check(x, worksheet_merge_range(x->ws, 2, 0, 2, last,
                                   "色の付いた欄（回答・日付・理由・備考）に記入してください。回答は一覧から選びます。"
                                   "日付は 2025-04-01 の形で。数式は使えません。",
                                   NULL),
          VENDOR_SHEET_MAIN, 2, 0);
    free(title);
    free(subtitle);
    free(sub);
    free(fy);
    free(scope);
    lxw_row_t row = VENDOR_SHEET_HEADER_ROW;
    for (int f = 0; f < VS__COUNT; f++)
        if (L.col[f] >= 0) {
            put(x, x->ws, VENDOR_SHEET_MAIN, row, (lxw_col_t)L.col[f], fields[f].header, x->header);
            worksheet_set_column(x->ws, (lxw_col_t)L.col[f], (lxw_col_t)L.col[f], fields[f].width + 2, NULL);
        }
    worksheet_freeze_panes(x->ws, row + 1, 0);
    worksheet_repeat_rows(x->ws, row, row);
    row++;
    lxw_row_t first = row;
    size_t n = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *node = &c->nodes[i];
        if (node->kind == NODE_HEADING) {
            heading_row(x, &L, row++, node);
        } else {
            const answer *a = NULL;
            for (size_t k = 0; k < src->answers.len && !a; k++) {
                const answer *y = &src->answers.items[k];
                if (y->party == PARTY_VENDOR && y->party_vendor_id == src->as.vendor_id && str_eq(y->item_id, node->id))
                    a = y;
            }
            item_row(x, src, &L, row++, node, a);
            n++;
        }
    }
    validations(x, c, &L, first, row - 1);
    worksheet_set_paper(x->ws, 9);
    worksheet_set_landscape(x->ws);
    worksheet_fit_to_pages(x->ws, 1, 0);
    worksheet_set_footer(x->ws, "&C&P / &N");
    /* locked cells stay selectable; rows and columns may be resized, nothing inserted or deleted */
    lxw_protection prot = {.format_columns = 1, .format_rows = 1};
    worksheet_protect(x->ws, NULL, &prot);
    *items = n;
}

typedef struct {
    const doc_source *src;
    const vendor_sheet_options *opt;
    size_t items;
} vrender;

static time_t date_epoch(const char *iso)
{
    jp_date d = {atoi(iso), atoi(iso + 5), atoi(iso + 8)};
    return (time_t)jpdate_days_between((jp_date){1970, 1, 1}, d) * 86400;
}

static export_status render(void *ctx, export_sink *out)
{
    vrender *v = ctx;
    vctx x = {0};
    x.wb = workbook_new(out->path);
    if (!x.wb)
        return export_fail(out->err, EXPORT_ERR_IO, "%s", out->path);
    formats(&x);
    lxw_doc_properties p = {.title = text_arg("事業者記入用"), .category = text_arg("checklist-for-vendor"),
                            .created = date_epoch(v->src->date)}; /* never the clock: same data, same bytes */
    workbook_set_properties(x.wb, &p);
    x.ws = workbook_add_worksheet(x.wb, VENDOR_SHEET_MAIN);
    x.meta = workbook_add_worksheet(x.wb, VENDOR_SHEET_META);
    if (!x.ws || !x.meta)
        x.rc = LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (x.rc == LXW_NO_ERROR) {
        main_sheet(&x, v->src, &v->items);
        meta_sheet(&x, v->src, v->opt);
    }
    lxw_error rc = workbook_close(x.wb);
    if (x.rc != LXW_NO_ERROR) {
        if (out->err)
            out->err->lib_code = (int)x.rc;
        return export_fail(out->err,
                           x.rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED ? EXPORT_ERR_TOO_LONG : EXPORT_ERR_RENDER, "%s",
                           x.where);
    }
    if (rc == LXW_ERROR_CREATING_XLSX_FILE || rc == LXW_ERROR_CREATING_TMPFILE)
        return export_fail(out->err, EXPORT_ERR_IO, "%s", out->path);
    if (rc != LXW_NO_ERROR) {
        if (out->err)
            out->err->lib_code = (int)rc;
        return export_fail(out->err, EXPORT_ERR_RENDER, "%s", out->path);
    }
    return EXPORT_OK;
}

status_code vendor_sheet_write(store *s, int64_t id, const vendor_sheet_options *opt, const char *path, bool force,
                               size_t *items, status_detail *err)
{
    if (items)
        *items = 0;
    doc_source src;
    status_code r = doc_source_open(s, id, opt ? opt->date : NULL, false, &src, err);
    if (r != STATUS_OK)
        return r;
    if (!document_fits(&document_checklist, src.cat->kind)) {
        char *label = catalog_label(src.cat);
        r = status_fail(err, &(status_info){STATUS_DOCUMENT_NOT_FIT, .value = "checklist", .extra = "checklist",
                                            .id = id, .entity = label, .field = src.cat->kind});
        free(label);
    } else if (!src.as.vendor_id) {
        r = status_fail(err, &(status_info){STATUS_VENDOR_ANSWER_NO_VENDOR, .id = id});
    }
    if (r == STATUS_OK) {
        vrender v = {&src, opt, 0};
        export_error e = {0};
        if (export_write_with(render, &v, path, force, &e) != EXPORT_OK)
            r = export_error_status(&e, path, err);
        export_error_clear(&e);
        if (items)
            *items = v.items;
    }
    doc_source_close(&src);
    return r;
}
