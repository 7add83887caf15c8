/* HTML: one self-contained page (no script, no external resource) that prints on A4 portrait:
 * an @page rule, table headers in <thead> so browsers repeat them on every printed page, rows
 * kept whole across page breaks, sections marked page_break starting a new page, a Japanese font
 * fallback list and progress bars as inline SVG. */
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "format.h"
#include "layout.h"
#include "base/lib.h"

static const char stylesheet[] =
    "@page { size: A4 portrait; margin: 15mm 12mm 18mm; }\n"
    "body { font-family: \"Noto Sans CJK JP\", \"IPAexGothic\", \"Hiragino Sans\", \"Meiryo\", sans-serif;"
    " font-size: 10pt; line-height: 1.5; color: #000; background: #fff; margin: 1em auto; max-width: 186mm; }\n"
    "h1 { font-size: 16pt; margin: 0 0 .2em; }\n"
    "h2 { font-size: 13pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #555; }\n"
    "h3 { font-size: 11pt; margin: .8em 0 .3em; }\n"
    ".subtitle { margin: 0 0 .6em; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0 0 1em; }\n"
    "caption { text-align: left; font-weight: bold; padding: .2em 0; }\n"
    "th, td { border: 1px solid #555; padding: 2px 4px; vertical-align: top; text-align: left;"
    " overflow-wrap: break-word; }\n"
    "thead { display: table-header-group; }\n"
    "thead.once { display: table-row-group; }\n"
    "thead th { background: #e8e8e8; text-align: center; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "tr.group td { background: #f2f2f2; font-weight: bold; }\n"
    "td.mark { text-align: center; }\n"
    "td.number { text-align: right; }\n"
    "td.mark, td.date, thead th { white-space: nowrap; }\n"
    /* short text columns (numbers such as 2-④ 端末PC, names) break only at spaces */
    "td.nowrap { word-break: keep-all; }\n"
    /* only wrapped columns break long words (URLs, file paths) anywhere: elsewhere that would let
       the table squeeze a column to one character */
    "td.wrap { overflow-wrap: anywhere; }\n"
    "table.meta { width: auto; min-width: 50%; }\n"
    "table.meta th { background: #f2f2f2; white-space: nowrap; }\n"
    "table.progress td.bar { width: 60mm; }\n"
    "table.progress svg { display: block; }\n"
    "section.page-break { break-before: page; page-break-before: always; }\n"
    "@media print { body { margin: 0; max-width: none; } }\n";

static void add(strbuf *sb, const char *raw)
{
    export_html_add(sb, raw, true);
}

static void table_out(strbuf *sb, const export_table *t)
{
    sb_add(sb, "<table class=\"data\" id=\"t-");
    export_html_add(sb, t->id, false);
    sb_add(sb, "\">\n");
    if (t->caption) {
        sb_add(sb, "<caption>");
        add(sb, t->caption);
        sb_add(sb, "</caption>\n");
    }
    /* Column widths as shares of the table, from the same measure the XLSX export uses. */
    int total = 0;
    int *w = xcalloc(t->ncols ? t->ncols : 1, sizeof *w);
    for (size_t c = 0; c < t->ncols; c++)
        total += w[c] = export_column_width(t, c);
    sb_add(sb, "<colgroup>");
    for (size_t c = 0; c < t->ncols; c++) {
        int permille = total ? w[c] * 1000 / total : 0;
        sb_addf(sb, "<col style=\"width: %d.%d%%\">", permille / 10, permille % 10);
    }
    /* A table that asks not to repeat its header gets a plain row group instead. */
    sb_add(sb, t->repeat_header ? "</colgroup>\n<thead><tr>" : "</colgroup>\n<thead class=\"once\"><tr>");
    free(w);
    for (size_t c = 0; c < t->ncols; c++) {
        sb_add(sb, "<th scope=\"col\">");
        add(sb, t->cols[c].header);
        sb_add(sb, "</th>");
    }
    sb_add(sb, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < t->nrows; r++) {
        const export_row *row = &t->rows[r];
        if (row->kind == EXPORT_ROW_GROUP) {
            sb_addf(sb, "<tr class=\"group\"><td colspan=\"%zu\">", t->ncols ? t->ncols : 1);
            add(sb, row->cells[0]);
            sb_add(sb, "</td></tr>\n");
            continue;
        }
        sb_add(sb, "<tr>");
        for (size_t c = 0; c < t->ncols; c++) {
            const export_column *col = &t->cols[c];
            sb_addf(sb, "<td class=\"%s%s\">", export_col_kind_name(col->kind),
                    col->wrap ? " wrap" : col->kind == EXPORT_COL_TEXT ? " nowrap" : "");
            add(sb, row->cells[c]);
            sb_add(sb, "</td>");
        }
        sb_add(sb, "</tr>\n");
    }
    sb_add(sb, "</tbody>\n</table>\n");
}

static void notes_out(strbuf *sb, const export_notes *n)
{
    sb_add(sb, "<div class=\"notes\">\n");
    if (n->title) {
        sb_add(sb, "<h3>");
        add(sb, n->title);
        sb_add(sb, "</h3>\n");
    }
    sb_add(sb, "<ol>\n");
    for (size_t i = 0; i < n->len; i++) {
        sb_add(sb, "<li>");
        add(sb, n->items[i]);
        sb_add(sb, "</li>\n");
    }
    sb_add(sb, "</ol>\n</div>\n");
}

enum { BAR_W = 200, BAR_H = 12 };

static void bar_svg(strbuf *sb, const export_bar *b)
{
    int pct = export_percent(b->done, b->total);
    long fill = b->total > 0 ? b->done * BAR_W / b->total : 0;
    sb_addf(sb,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            " role=\"img\" aria-label=\"%d%%\">"
            "<rect x=\"0.5\" y=\"0.5\" width=\"%d\" height=\"%d\" fill=\"#e6e6e6\" stroke=\"#555\"/>"
            "<rect x=\"0.5\" y=\"0.5\" width=\"%ld\" height=\"%d\" fill=\"#2f6f9f\"/></svg>",
            BAR_W + 1, BAR_H + 1, BAR_W + 1, BAR_H + 1, pct, BAR_W, BAR_H, fill, BAR_H);
}

static void progress_out(strbuf *sb, const export_progress *p)
{
    sb_add(sb, "<div class=\"progress\">\n");
    if (p->caption) {
        sb_add(sb, "<h3>");
        add(sb, p->caption);
        sb_add(sb, "</h3>\n");
    }
    sb_add(sb, "<table class=\"progress\">\n<tbody>\n");
    for (size_t i = 0; i < p->len; i++) {
        const export_bar *b = &p->bars[i];
        sb_add(sb, "<tr><th scope=\"row\">");
        add(sb, b->label);
        sb_add(sb, "</th><td class=\"bar\">");
        bar_svg(sb, b);
        sb_addf(sb, "</td><td class=\"number\">%ld / %ld (%d%%)</td></tr>\n", b->done, b->total,
                export_percent(b->done, b->total));
    }
    sb_add(sb, "</tbody>\n</table>\n</div>\n");
}

static void head_out(strbuf *sb, const export_doc *doc)
{
    sb_add(sb, "<!DOCTYPE html>\n<html lang=\"");
    export_html_add(sb, doc->lang, false);
    sb_add(sb, "\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if (doc->date) {
        sb_add(sb, "<meta name=\"date\" content=\"");
        export_html_add(sb, doc->date, false);
        sb_add(sb, "\">\n");
    }
    if (doc->author) {
        sb_add(sb, "<meta name=\"author\" content=\"");
        export_html_add(sb, doc->author, false);
        sb_add(sb, "\">\n");
    }
    sb_add(sb, "<meta name=\"generator\" content=\"anzen\">\n<title>");
    export_html_add(sb, doc->title, false);
    sb_addf(sb, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", stylesheet);
}

static void title_block_out(strbuf *sb, const export_doc *doc)
{
    sb_add(sb, "<header class=\"title-block\">\n<h1>");
    add(sb, doc->title);
    sb_add(sb, "</h1>\n");
    if (doc->subtitle) {
        sb_add(sb, "<p class=\"subtitle\">");
        add(sb, doc->subtitle);
        sb_add(sb, "</p>\n");
    }
    if (doc->meta_len) {
        sb_add(sb, "<table class=\"meta\">\n<tbody>\n");
        for (size_t i = 0; i < doc->meta_len; i++) {
            sb_add(sb, "<tr><th scope=\"row\">");
            add(sb, doc->meta[i].key);
            sb_add(sb, "</th><td>");
            add(sb, doc->meta[i].value);
            sb_add(sb, "</td></tr>\n");
        }
        sb_add(sb, "</tbody>\n</table>\n");
    }
    sb_add(sb, "</header>\n");
}

static export_status render_html(const export_doc *doc, export_sink *out)
{
    strbuf sb = {0};
    head_out(&sb, doc);
    title_block_out(&sb, doc);
    for (size_t s = 0; s < doc->len; s++) {
        const export_section *sec = doc->sections[s];
        sb_addf(&sb, "<section id=\"s%zu\"%s>\n<h2>", s + 1, sec->page_break ? " class=\"page-break\"" : "");
        add(&sb, sec->heading);
        sb_add(&sb, "</h2>\n");
        for (size_t b = 0; b < sec->len; b++) {
            const export_block *blk = &sec->blocks[b];
            switch (blk->kind) {
            case EXPORT_BLOCK_PARAGRAPH:
                sb_add(&sb, "<p>");
                add(&sb, blk->u.paragraph);
                sb_add(&sb, "</p>\n");
                break;
            case EXPORT_BLOCK_TABLE:
                table_out(&sb, blk->u.table);
                break;
            case EXPORT_BLOCK_NOTES:
                notes_out(&sb, blk->u.notes);
                break;
            case EXPORT_BLOCK_PROGRESS:
                progress_out(&sb, blk->u.progress);
                break;
            }
        }
        sb_add(&sb, "</section>\n");
        /* Write section by section so a 1,000-row document is not held twice. */
        fwrite(sb.data, 1, sb.len, out->fp);
        sb_reset(&sb);
    }
    sb_add(&sb, "</body>\n</html>\n");
    fwrite(sb.data, 1, sb.len, out->fp);
    sb_free(&sb);
    return export_sink_finish(out);
}

const export_format export_format_html = {"html", ".html", "text/html; charset=utf-8", render_html};
