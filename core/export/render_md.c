/* Markdown (GitHub Flavored): headings, paragraphs, GFM pipe tables, ordered note lists and
 * progress as a list with a text bar. User text is escaped (escape.h) so it cannot become
 * markup; GFM tables have no spanning cells, so a group row puts its label, in bold, in the
 * first cell. */
#include <stdio.h>

#include "escape.h"
#include "format.h"
#include "layout.h"
#include "base/lib.h"

static void table_out(strbuf *sb, const export_table *t)
{
    if (t->caption) {
        sb_add(sb, "**");
        export_md_add(sb, t->caption, true);
        sb_add(sb, "**\n\n");
    }
    if (!t->ncols)
        return;
    sb_add(sb, "|");
    for (size_t c = 0; c < t->ncols; c++) {
        sb_addc(sb, ' ');
        export_md_add(sb, t->cols[c].header, true);
        sb_add(sb, " |");
    }
    sb_add(sb, "\n|");
    for (size_t c = 0; c < t->ncols; c++) {
        export_col_kind k = t->cols[c].kind;
        sb_add(sb, k == EXPORT_COL_MARK ? " :---: |" : k == EXPORT_COL_NUMBER ? " ---: |" : " --- |");
    }
    sb_addc(sb, '\n');
    for (size_t r = 0; r < t->nrows; r++) {
        const export_row *row = &t->rows[r];
        sb_add(sb, "|");
        for (size_t c = 0; c < t->ncols; c++) {
            sb_addc(sb, ' ');
            if (row->kind == EXPORT_ROW_GROUP) {
                if (c == 0) {
                    sb_add(sb, "**");
                    export_md_add(sb, row->cells[0], true);
                    sb_add(sb, "**");
                }
            } else {
                export_md_add(sb, row->cells[c], true);
            }
            sb_add(sb, " |");
        }
        sb_addc(sb, '\n');
    }
    sb_addc(sb, '\n');
}

static void notes_out(strbuf *sb, const export_notes *n)
{
    if (n->title) {
        sb_add(sb, "### ");
        export_md_add(sb, n->title, true);
        sb_add(sb, "\n\n");
    }
    for (size_t i = 0; i < n->len; i++) {
        sb_addf(sb, "%zu. ", i + 1);
        /* Continuation lines of an item are indented to stay inside it. */
        strbuf item = {0};
        export_md_add(&item, n->items[i], false);
        for (const char *p = sb_str(&item); *p; p++) {
            sb_addc(sb, *p);
            if (*p == '\n' && p[1])
                sb_add(sb, "   ");
        }
        sb_free(&item);
        sb_addc(sb, '\n');
    }
    sb_addc(sb, '\n');
}

enum { BAR_CELLS = 20 };

static void progress_out(strbuf *sb, const export_progress *p)
{
    if (p->caption) {
        sb_add(sb, "### ");
        export_md_add(sb, p->caption, true);
        sb_add(sb, "\n\n");
    }
    for (size_t i = 0; i < p->len; i++) {
        const export_bar *b = &p->bars[i];
        long full = b->total > 0 ? b->done * BAR_CELLS / b->total : 0;
        sb_add(sb, "- ");
        export_md_add(sb, b->label, true);
        sb_add(sb, " ");
        for (long k = 0; k < BAR_CELLS; k++)
            sb_add(sb, k < full ? "\u2588" : "\u2591");
        sb_addf(sb, " %ld / %ld (%d%%)\n", b->done, b->total, export_percent(b->done, b->total));
    }
    sb_addc(sb, '\n');
}

static export_status render_md(const export_doc *doc, export_sink *out)
{
    strbuf sb = {0};
    sb_add(&sb, "# ");
    export_md_add(&sb, doc->title, true);
    sb_add(&sb, "\n\n");
    if (doc->subtitle) {
        export_md_add(&sb, doc->subtitle, false);
        sb_add(&sb, "\n\n");
    }
    for (size_t i = 0; i < doc->meta_len; i++) {
        sb_add(&sb, "- **");
        export_md_add(&sb, doc->meta[i].key, true);
        sb_add(&sb, "**: ");
        export_md_add(&sb, doc->meta[i].value, true);
        sb_addc(&sb, '\n');
    }
    if (doc->meta_len)
        sb_addc(&sb, '\n');
    for (size_t s = 0; s < doc->len; s++) {
        const export_section *sec = doc->sections[s];
        sb_add(&sb, "## ");
        export_md_add(&sb, sec->heading, true);
        sb_add(&sb, "\n\n");
        for (size_t b = 0; b < sec->len; b++) {
            const export_block *blk = &sec->blocks[b];
            switch (blk->kind) {
            case EXPORT_BLOCK_PARAGRAPH:
                export_md_add(&sb, blk->u.paragraph, false);
                sb_add(&sb, "\n\n");
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
        fwrite(sb.data, 1, sb.len, out->fp);
        sb_reset(&sb);
    }
    if (sb.len)
        fwrite(sb.data, 1, sb.len, out->fp);
    sb_free(&sb);
    return export_sink_finish(out);
}

const export_format export_format_md = {"md", ".md", "text/markdown; charset=utf-8", render_md};
