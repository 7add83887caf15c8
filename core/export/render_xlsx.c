/* XLSX through libxlsxwriter. One worksheet per section (the title block heads the first), laid
 * out as the CSV export is: merged title and heading cells, key/value rows, tables with a bold
 * header row and thin borders, group rows merged across the table, notes, and progress blocks as
 * cells (label, done, total, percent) plus a bar chart. Text is always a string cell (never a
 * formula); number and date columns hold real numbers and dates when the text is one.
 * Column widths come from export_column_width (terminal columns, so 全角 counts 2), paper is A4
 * portrait fitted to one page wide, the print area covers the sheet, the first table's header row
 * repeats on every printed page and is frozen on screen.
 *
 * Determinism: libxlsxwriter 1.1.4 stamps every zip entry 1980-01-01 00:00 itself; the only
 * clock it reads is for docProps/core.xml when no creation time is given, so we always give one:
 * the document date at 00:00 UTC (1980-01-01 when the document has none). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "escape.h"
#include "format.h"
#include "text/lib.h"
#include "layout.h"
#include "base/lib.h"

enum {
    CELL_MAX_CHARS = 32767,
    DEFAULT_COL_WIDTH = 10,
    PADDING = 2,
    LINE_PT = 17, /* one wrapped line of Japanese text in an 11 pt CJK font, with its leading */
    MAX_ROW_PT = 409,
    CHART_W = 480,
    CHART_H = 288
};

typedef struct {
    lxw_workbook *wb;
    export_error *err;
    export_status st;
    lxw_format *title, *subtitle, *meta_key, *meta_value, *heading, *caption, *para, *header, *group;
    lxw_format *cell[4][2]; /* [kind][wrap] */
    lxw_format *note_num, *note_text, *bar_label, *bar_num, *bar_pct;
} xctx;

typedef struct {
    lxw_worksheet *ws;
    char *name;
    lxw_row_t row;  /* next row to write */
    lxw_col_t last; /* last column of the sheet's width */
    int *colw;      /* terminal columns per column */
    bool frozen;
} xsheet;

static lxw_format *fmt_new(xctx *x, bool border, bool wrap)
{
    lxw_format *f = workbook_add_format(x->wb);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    if (wrap)
        format_set_text_wrap(f);
    return f;
}

static void formats_init(xctx *x)
{
    x->title = fmt_new(x, false, true);
    format_set_bold(x->title);
    format_set_font_size(x->title, 16);
    x->subtitle = fmt_new(x, false, true);
    x->meta_key = fmt_new(x, true, true);
    format_set_bold(x->meta_key);
    format_set_pattern(x->meta_key, LXW_PATTERN_SOLID);
    format_set_bg_color(x->meta_key, 0xF2F2F2);
    x->meta_value = fmt_new(x, true, true);
    x->heading = fmt_new(x, false, true);
    format_set_bold(x->heading);
    format_set_font_size(x->heading, 13);
    x->caption = fmt_new(x, false, false);
    format_set_bold(x->caption);
    x->para = fmt_new(x, false, true);
    x->header = fmt_new(x, true, true);
    format_set_bold(x->header);
    format_set_align(x->header, LXW_ALIGN_CENTER);
    format_set_pattern(x->header, LXW_PATTERN_SOLID);
    format_set_bg_color(x->header, 0xE8E8E8);
    x->group = fmt_new(x, true, true);
    format_set_bold(x->group);
    format_set_pattern(x->group, LXW_PATTERN_SOLID);
    format_set_bg_color(x->group, 0xF2F2F2);
    for (int k = 0; k < 4; k++)
        for (int w = 0; w < 2; w++) {
            lxw_format *f = x->cell[k][w] = fmt_new(x, true, w);
            if (k == EXPORT_COL_MARK || k == EXPORT_COL_DATE)
                format_set_align(f, LXW_ALIGN_CENTER);
            if (k == EXPORT_COL_NUMBER)
                format_set_align(f, LXW_ALIGN_RIGHT);
            if (k == EXPORT_COL_DATE)
                format_set_num_format(f, "yyyy-mm-dd");
        }
    x->note_num = fmt_new(x, false, false);
    format_set_align(x->note_num, LXW_ALIGN_RIGHT);
    x->note_text = fmt_new(x, false, true);
    x->bar_label = fmt_new(x, true, true);
    x->bar_num = fmt_new(x, true, false);
    x->bar_pct = fmt_new(x, true, false);
    format_set_num_format(x->bar_pct, "0%");
}

static bool failed(xctx *x)
{
    return x->st != EXPORT_OK;
}

/* Records a libxlsxwriter error at a cell. */
static void cell_fail(xctx *x, const xsheet *sh, lxw_row_t row, lxw_col_t col, lxw_error rc)
{
    if (failed(x) || rc == LXW_NO_ERROR)
        return;
    char ref[16];
    lxw_rowcol_to_cell(ref, row, col);
    x->st = export_fail(x->err, rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED ? EXPORT_ERR_TOO_LONG : EXPORT_ERR_RENDER,
                        "%s!%s", sh->name, ref);
    if (x->err)
        x->err->lib_code = (int)rc;
}

/* Excel counts a cell's characters in UTF-16 units, at most 32,767. */
static size_t utf16_units(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n += (*p >= 0xF0) ? 2 : 1;
    return n;
}

/* Text already made safe by export_xlsx_text. */
static void put_clean(xctx *x, xsheet *sh, lxw_row_t row, lxw_col_t col, lxw_col_t last, const char *text,
                      lxw_format *f)
{
    if (failed(x))
        return;
    lxw_error rc;
    if (utf16_units(text) > CELL_MAX_CHARS)
        rc = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
    else if (last > col)
        rc = worksheet_merge_range(sh->ws, row, col, row, last, text, f);
    else
        rc = worksheet_write_string(sh->ws, row, col, text, f);
    cell_fail(x, sh, row, col, rc);
}

static void put_text(xctx *x, xsheet *sh, lxw_row_t row, lxw_col_t col, lxw_col_t last, const char *raw,
                     lxw_format *f)
{
    if (failed(x))
        return;
    char *text = export_xlsx_text(raw);
    put_clean(x, sh, row, col, last, text, f);
    free(text);
}

static void put_number(xctx *x, xsheet *sh, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
    if (!failed(x))
        cell_fail(x, sh, row, col, worksheet_write_number(sh->ws, row, col, v, f));
}

/* A table cell: a real number or date where the column says so and the text is one. */
static void put_cell(xctx *x, xsheet *sh, lxw_row_t row, lxw_col_t col, const export_column *c, const char *raw)
{
    lxw_format *f = x->cell[c->kind][c->wrap ? 1 : 0];
    char *clean = export_clean(raw, true);
    if (c->kind == EXPORT_COL_NUMBER && export_plain_number(clean)) {
        put_number(x, sh, row, col, strtod(clean, NULL), f);
    } else if (c->kind == EXPORT_COL_DATE && jpdate_is_iso(clean)) {
        lxw_datetime dt = {0};
        dt.year = atoi(clean);
        dt.month = atoi(clean + 5);
        dt.day = atoi(clean + 8);
        if (!failed(x))
            cell_fail(x, sh, row, col, worksheet_write_datetime(sh->ws, row, col, &dt, f));
    } else {
        put_clean(x, sh, row, col, col, clean, x->cell[c->kind == EXPORT_COL_DATE || c->kind == EXPORT_COL_NUMBER ? EXPORT_COL_TEXT : c->kind][c->wrap ? 1 : 0]);
    }
    free(clean);
}

static void set_lines(xsheet *sh, lxw_row_t row, int lines)
{
    if (lines > 1) {
        double pt = (double)(lines * LINE_PT);
        worksheet_set_row(sh->ws, row, pt > MAX_ROW_PT ? MAX_ROW_PT : pt, NULL);
    }
}

/* Merged wrapped cells do not grow by themselves: give the row the height its text needs. */
static void fit_row(xsheet *sh, lxw_row_t row, lxw_col_t c0, lxw_col_t c1, const char *raw)
{
    int cols = 0;
    for (lxw_col_t c = c0; c <= c1; c++)
        cols += sh->colw[c] + PADDING;
    set_lines(sh, row, export_text_lines(raw, cols - PADDING));
}

/* Nor do wrapped table cells when the file is opened: LibreOffice keeps the default height (text
 * then runs into the next row when printed) and Excel does until a cell is edited. So each row
 * gets the height of its tallest wrapped cell. */
static void fit_cells(xsheet *sh, lxw_row_t row, const export_table *t, const export_row *r)
{
    int lines = 1;
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].wrap) {
            int n = export_text_lines(r->cells[c], sh->colw[c]);
            lines = n > lines ? n : lines;
        }
    set_lines(sh, row, lines);
}

static void table_out(xctx *x, xsheet *sh, const export_table *t)
{
    lxw_col_t last = t->ncols ? (lxw_col_t)(t->ncols - 1) : 0;
    if (t->caption)
        put_text(x, sh, sh->row++, 0, 0, t->caption, x->caption);
    if (!t->ncols)
        return;
    lxw_row_t header = sh->row++;
    for (size_t c = 0; c < t->ncols; c++)
        put_text(x, sh, header, (lxw_col_t)c, (lxw_col_t)c, t->cols[c].header, x->header);
    if (!sh->frozen) {
        /* The first table's header: frozen on screen, repeated on paper. */
        worksheet_freeze_panes(sh->ws, header + 1, 0);
        if (t->repeat_header)
            worksheet_repeat_rows(sh->ws, header, header);
        sh->frozen = true;
    }
    for (size_t r = 0; r < t->nrows && !failed(x); r++) {
        const export_row *row = &t->rows[r];
        lxw_row_t at = sh->row++;
        if (row->kind == EXPORT_ROW_GROUP) {
            put_text(x, sh, at, 0, last, row->cells[0], x->group);
            fit_row(sh, at, 0, last, row->cells[0]);
            continue;
        }
        for (size_t c = 0; c < t->ncols; c++)
            put_cell(x, sh, at, (lxw_col_t)c, &t->cols[c], row->cells[c]);
        fit_cells(sh, at, t, row);
    }
}

static void notes_out(xctx *x, xsheet *sh, const export_notes *n)
{
    if (n->title)
        put_text(x, sh, sh->row++, 0, 0, n->title, x->caption);
    lxw_col_t first = sh->last >= 1 ? 1 : 0;
    for (size_t i = 0; i < n->len && !failed(x); i++) {
        lxw_row_t at = sh->row++;
        put_number(x, sh, at, 0, (double)(i + 1), x->note_num);
        put_text(x, sh, at, first, sh->last, n->items[i], x->note_text);
        fit_row(sh, at, first, sh->last, n->items[i]);
    }
}

static void progress_out(xctx *x, xsheet *sh, const export_progress *p)
{
    lxw_row_t caption_row = sh->row;
    if (p->caption)
        put_text(x, sh, sh->row++, 0, 0, p->caption, x->caption);
    if (!p->len)
        return;
    lxw_row_t first = sh->row;
    for (size_t i = 0; i < p->len; i++) {
        const export_bar *b = &p->bars[i];
        lxw_row_t at = sh->row++;
        put_text(x, sh, at, 0, 0, b->label, x->bar_label);
        put_number(x, sh, at, 1, (double)b->done, x->bar_num);
        put_number(x, sh, at, 2, (double)b->total, x->bar_num);
        put_number(x, sh, at, 3, b->total > 0 ? (double)b->done / (double)b->total : 0.0, x->bar_pct);
    }
    if (failed(x))
        return;
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_BAR);
    lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(series, sh->name, first, 0, sh->row - 1, 0);
    chart_series_set_values(series, sh->name, first, 3, sh->row - 1, 3);
    /* The title comes from the caption's cell, so caption text is never taken for a formula. */
    if (p->caption)
        chart_title_set_name_range(chart, sh->name, caption_row, 0);
    else
        chart_title_off(chart);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    /* In a bar chart libxlsxwriter's y axis is the (vertical) category axis. */
    chart_axis_set_reverse(chart->y_axis); /* first bar on top, as in the table */
    chart_axis_set_min(chart->x_axis, 0);
    chart_axis_set_max(chart->x_axis, 1);
    chart_axis_set_num_format(chart->x_axis, "0%");
    int height = 80 + 24 * (int)p->len;
    lxw_chart_options opt = {.x_scale = 1.0, .y_scale = (double)height / CHART_H, .y_offset = 4};
    lxw_row_t at = sh->row;
    cell_fail(x, sh, at, 0, worksheet_insert_chart_opt(sh->ws, at, 0, chart, &opt));
    sh->row += (lxw_row_t)((height + 19) / 20 + 1); /* default rows are 20 px */
}

/* Column widths for a sheet: the widest need of any table (else of the title keys and bar labels). */
static void sheet_widths(xsheet *sh, const export_section *sec, const export_doc *doc_or_null)
{
    size_t n = (size_t)sh->last + 1;
    sh->colw = xcalloc(n, sizeof *sh->colw);
    int first = 0;
    for (size_t b = 0; sec && b < sec->len; b++) {
        const export_block *blk = &sec->blocks[b];
        if (blk->kind == EXPORT_BLOCK_TABLE)
            for (size_t c = 0; c < blk->u.table->ncols; c++) {
                int w = export_column_width(blk->u.table, c);
                if (w > sh->colw[c])
                    sh->colw[c] = w;
            }
        if (blk->kind == EXPORT_BLOCK_PROGRESS)
            for (size_t i = 0; i < blk->u.progress->len; i++) {
                int w = export_text_width(blk->u.progress->bars[i].label);
                if (w > first)
                    first = w;
            }
    }
    for (size_t i = 0; doc_or_null && i < doc_or_null->meta_len; i++) {
        int w = export_text_width(doc_or_null->meta[i].key);
        if (w > first)
            first = w;
    }
    /* Title keys and bar labels size column A only on a sheet without a table: there column A
     * belongs to the table, and a long label wraps instead of widening it. */
    if (first > 40)
        first = 40;
    if (first > sh->colw[0] && sh->colw[0] == 0)
        sh->colw[0] = first;
    for (size_t c = 0; c < n; c++) {
        if (sh->colw[c] == 0)
            sh->colw[c] = DEFAULT_COL_WIDTH;
        worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c, sh->colw[c] + PADDING, NULL);
    }
}

static size_t section_width(const export_section *sec)
{
    size_t w = 2;
    for (size_t b = 0; sec && b < sec->len; b++) {
        const export_block *blk = &sec->blocks[b];
        size_t bw = blk->kind == EXPORT_BLOCK_TABLE ? blk->u.table->ncols : blk->kind == EXPORT_BLOCK_PROGRESS ? 4 : 0;
        if (bw > w)
            w = bw;
    }
    return w;
}

/* Bytes of the first n characters of valid UTF-8 s. */
static size_t prefix_bytes(const char *s, size_t n)
{
    size_t off = 0;
    for (size_t chars = 0; s[off] && chars < n; chars++) {
        off++;
        while (((unsigned char)s[off] & 0xC0) == 0x80)
            off++;
    }
    return off;
}

/* A valid, unique worksheet name: []:*?/\ replaced by _, no leading or trailing apostrophe or
 * space, at most 31 characters, not used before (compared ignoring ASCII case, as Excel does). */
static char *sheet_name(const char *wanted, size_t index, const strlist *used)
{
    char *clean = export_clean(wanted ? wanted : "", false); /* valid UTF-8 from here on */
    for (char *p = clean; *p; p++)
        if (strchr("[]:*?/\\", *p))
            *p = '_';
    size_t lead = strspn(clean, "' ");
    char *base = xstrndup(clean + lead, prefix_bytes(clean + lead, LXW_SHEETNAME_MAX));
    free(clean);
    size_t len = strlen(base);
    while (len && (base[len - 1] == '\'' || base[len - 1] == ' '))
        base[--len] = '\0';
    if (!*base) {
        free(base);
        base = xasprintf("Sheet%zu", index + 1);
    }
    char *name = xstrdup(base);
    for (int k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < used->len; i++)
            taken |= strcasecmp(used->items[i], name) == 0;
        if (!taken)
            break;
        free(name);
        char suffix[16];
        int slen = snprintf(suffix, sizeof suffix, "(%d)", k);
        size_t keep = prefix_bytes(base, LXW_SHEETNAME_MAX - (size_t)slen);
        name = xasprintf("%.*s%s", (int)keep, base, suffix);
    }
    free(base);
    return name;
}

static void title_block(xctx *x, xsheet *sh, const export_doc *doc)
{
    put_text(x, sh, sh->row, 0, sh->last, doc->title, x->title);
    worksheet_set_row(sh->ws, sh->row++, 24, NULL);
    if (doc->subtitle) {
        put_text(x, sh, sh->row, 0, sh->last, doc->subtitle, x->subtitle);
        fit_row(sh, sh->row, 0, sh->last, doc->subtitle);
        sh->row++;
    }
    for (size_t i = 0; i < doc->meta_len; i++) {
        lxw_row_t at = sh->row++;
        put_text(x, sh, at, 0, 0, doc->meta[i].key, x->meta_key);
        put_text(x, sh, at, 1, sh->last, doc->meta[i].value, x->meta_value);
        fit_row(sh, at, 1, sh->last, doc->meta[i].value);
    }
}

static void page_setup(xsheet *sh)
{
    worksheet_set_paper(sh->ws, 9); /* A4 */
    worksheet_set_portrait(sh->ws);
    worksheet_set_margins(sh->ws, 0.5, 0.5, 0.6, 0.6);
    worksheet_fit_to_pages(sh->ws, 1, 0);
    worksheet_center_horizontally(sh->ws);
    worksheet_set_footer(sh->ws, "&C&P / &N");
    worksheet_print_area(sh->ws, 0, 0, sh->row > 0 ? sh->row - 1 : 0, sh->last);
}

static void section_out(xctx *x, xsheet *sh, const export_section *sec)
{
    put_text(x, sh, sh->row, 0, sh->last, sec->heading, x->heading);
    worksheet_set_row(sh->ws, sh->row++, 20, NULL);
    for (size_t b = 0; b < sec->len && !failed(x); b++) {
        const export_block *blk = &sec->blocks[b];
        sh->row++; /* a blank row between blocks */
        switch (blk->kind) {
        case EXPORT_BLOCK_PARAGRAPH:
            put_text(x, sh, sh->row, 0, sh->last, blk->u.paragraph, x->para);
            fit_row(sh, sh->row, 0, sh->last, blk->u.paragraph);
            sh->row++;
            break;
        case EXPORT_BLOCK_TABLE:
            table_out(x, sh, blk->u.table);
            break;
        case EXPORT_BLOCK_NOTES:
            notes_out(x, sh, blk->u.notes);
            break;
        case EXPORT_BLOCK_PROGRESS:
            progress_out(x, sh, blk->u.progress);
            break;
        }
    }
}

/* Seconds since the epoch of an ISO date at 00:00 UTC (days-from-civil, proleptic Gregorian). */
static time_t date_epoch(const char *iso)
{
    if (!iso || !jpdate_is_iso(iso))
        return 315532800; /* 1980-01-01, the zip epoch: never the current time */
    long y = atol(iso), m = atol(iso + 5), d = atol(iso + 8);
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (time_t)((era * 146097 + doe - 719468) * 86400L);
}

static void properties(xctx *x, const export_doc *doc)
{
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    char *title = export_clean(doc->title, false), *subject = doc->subtitle ? export_clean(doc->subtitle, false) : NULL;
    char *author = doc->author ? export_clean(doc->author, false) : NULL, *category = export_clean(doc->id, false);
    p.title = title;
    p.subject = subject;
    p.author = author;
    p.category = category;
    p.created = date_epoch(doc->date);
    workbook_set_properties(x->wb, &p); /* copies the strings */
    free(title);
    free(subject);
    free(author);
    free(category);
}

static export_status render_xlsx(const export_doc *doc, export_sink *out)
{
    xctx x = {.err = out->err};
    x.wb = workbook_new(out->path);
    if (!x.wb)
        return export_fail(out->err, EXPORT_ERR_IO, "%s", out->path);
    formats_init(&x);
    properties(&x, doc);

    strlist used = {0};
    size_t nsheets = doc->len ? doc->len : 1;
    for (size_t s = 0; s < nsheets && !failed(&x); s++) {
        const export_section *sec = doc->len ? doc->sections[s] : NULL;
        xsheet sh = {0};
        sh.name = sheet_name(sec ? (sec->sheet ? sec->sheet : sec->heading) : doc->title, s, &used);
        sl_push(&used, sh.name);
        sh.ws = workbook_add_worksheet(x.wb, sh.name);
        size_t width = section_width(sec);
        sh.last = (lxw_col_t)(width - 1);
        if (!sh.ws) {
            x.st = export_fail(out->err, EXPORT_ERR_RENDER, "%s", sh.name);
        } else {
            sheet_widths(&sh, sec, s == 0 ? doc : NULL);
            if (s == 0) {
                title_block(&x, &sh, doc);
                sh.row++;
            }
            if (sec)
                section_out(&x, &sh, sec);
            page_setup(&sh);
        }
        free(sh.colw);
        free(sh.name);
    }
    sl_free(&used);
    lxw_error rc = workbook_close(x.wb); /* frees the workbook even after an error */
    if (failed(&x))
        return x.st;
    if (rc == LXW_ERROR_CREATING_XLSX_FILE || rc == LXW_ERROR_CREATING_TMPFILE)
        return export_fail(out->err, EXPORT_ERR_IO, "%s", out->path);
    if (rc != LXW_NO_ERROR) {
        if (out->err)
            out->err->lib_code = (int)rc;
        return export_fail(out->err, EXPORT_ERR_RENDER, "%s", out->path);
    }
    return EXPORT_OK;
}

const export_format export_format_xlsx = {
    "xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx};
