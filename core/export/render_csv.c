/* CSV: UTF-8 with a BOM (so Japanese Excel opens it as UTF-8), RFC 4180 quoting, CRLF records.
 * The whole document is laid out as one sheet, as in the XLSX export: title block rows, then per
 * section a heading row, paragraphs, tables (header row, cell rows, group rows with the label in
 * the first field), notes (number, text) and progress bars (label, done, total, percent). Blocks
 * are separated by an empty record, and every record has the document's width in fields. */
#include <stdio.h>

#include "escape.h"
#include "format.h"
#include "layout.h"
#include "base/lib.h"

typedef struct {
    strbuf line;
    size_t fields, width;
    FILE *fp;
} csv_out;

static void field(csv_out *o, const char *raw)
{
    if (o->fields++)
        sb_addc(&o->line, ',');
    export_csv_add(&o->line, raw);
}

static void end_record(csv_out *o)
{
    while (o->fields < o->width)
        field(o, "");
    sb_add(&o->line, "\r\n");
    fwrite(o->line.data, 1, o->line.len, o->fp);
    sb_reset(&o->line);
    o->fields = 0;
}

static void record1(csv_out *o, const char *a)
{
    field(o, a);
    end_record(o);
}

static void table_out(csv_out *o, const export_table *t)
{
    if (t->caption)
        record1(o, t->caption);
    for (size_t c = 0; c < t->ncols; c++)
        field(o, t->cols[c].header);
    end_record(o);
    for (size_t r = 0; r < t->nrows; r++) {
        const export_row *row = &t->rows[r];
        size_t n = row->kind == EXPORT_ROW_GROUP ? 1 : t->ncols;
        for (size_t c = 0; c < n; c++)
            field(o, row->cells[c]);
        end_record(o);
    }
}

static void notes_out(csv_out *o, const export_notes *n)
{
    if (n->title)
        record1(o, n->title);
    for (size_t i = 0; i < n->len; i++) {
        char num[24];
        snprintf(num, sizeof num, "%zu", i + 1);
        field(o, num);
        field(o, n->items[i]);
        end_record(o);
    }
}

static void progress_out(csv_out *o, const export_progress *p)
{
    if (p->caption)
        record1(o, p->caption);
    for (size_t i = 0; i < p->len; i++) {
        const export_bar *b = &p->bars[i];
        char done[24], total[24], pct[16];
        snprintf(done, sizeof done, "%ld", b->done);
        snprintf(total, sizeof total, "%ld", b->total);
        snprintf(pct, sizeof pct, "%d%%", export_percent(b->done, b->total));
        field(o, b->label);
        field(o, done);
        field(o, total);
        field(o, pct);
        end_record(o);
    }
}

static export_status render_csv(const export_doc *doc, export_sink *out)
{
    csv_out o = {.width = export_doc_width(doc), .fp = out->fp};
    fputs("\xEF\xBB\xBF", o.fp);
    record1(&o, doc->title);
    if (doc->subtitle)
        record1(&o, doc->subtitle);
    for (size_t i = 0; i < doc->meta_len; i++) {
        field(&o, doc->meta[i].key);
        field(&o, doc->meta[i].value);
        end_record(&o);
    }
    for (size_t s = 0; s < doc->len; s++) {
        const export_section *sec = doc->sections[s];
        end_record(&o);
        record1(&o, sec->heading);
        for (size_t b = 0; b < sec->len; b++) {
            const export_block *blk = &sec->blocks[b];
            if (b > 0)
                end_record(&o);
            switch (blk->kind) {
            case EXPORT_BLOCK_PARAGRAPH:
                record1(&o, blk->u.paragraph);
                break;
            case EXPORT_BLOCK_TABLE:
                table_out(&o, blk->u.table);
                break;
            case EXPORT_BLOCK_NOTES:
                notes_out(&o, blk->u.notes);
                break;
            case EXPORT_BLOCK_PROGRESS:
                progress_out(&o, blk->u.progress);
                break;
            }
        }
    }
    sb_free(&o.line);
    return export_sink_finish(out);
}

const export_format export_format_csv = {"csv", ".csv", "text/csv; charset=utf-8", render_csv};
