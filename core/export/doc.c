#include "doc.h"

#include <stdlib.h>

#include "base/lib.h"

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void set_str(char **field, const char *s)
{
    free(*field);
    *field = dup_or_null(s);
}

export_doc *export_doc_new(const char *id, const char *title)
{
    export_doc *doc = xcalloc(1, sizeof *doc);
    doc->id = xstrdup(id ? id : "");
    doc->title = xstrdup(title ? title : "");
    doc->lang = xstrdup("ja");
    return doc;
}

void export_doc_set_subtitle(export_doc *doc, const char *subtitle)
{
    set_str(&doc->subtitle, subtitle);
}

void export_doc_set_date(export_doc *doc, const char *iso_date)
{
    set_str(&doc->date, iso_date);
}

void export_doc_set_author(export_doc *doc, const char *author)
{
    set_str(&doc->author, author);
}

void export_doc_set_lang(export_doc *doc, const char *lang)
{
    set_str(&doc->lang, lang ? lang : "ja");
}

void export_doc_meta(export_doc *doc, const char *key, const char *value)
{
    GROW(doc->meta, doc->meta_cap, doc->meta_len + 1);
    doc->meta[doc->meta_len++] = (export_meta){xstrdup(key ? key : ""), xstrdup(value ? value : "")};
}

export_section *export_section_add(export_doc *doc, const char *heading)
{
    GROW(doc->sections, doc->cap, doc->len + 1);
    export_section *sec = xcalloc(1, sizeof *sec);
    sec->heading = xstrdup(heading ? heading : "");
    doc->sections[doc->len++] = sec;
    return sec;
}

void export_section_set_sheet(export_section *sec, const char *sheet_name)
{
    set_str(&sec->sheet, sheet_name);
}

static export_block *block_add(export_section *sec, export_block_kind kind)
{
    GROW(sec->blocks, sec->cap, sec->len + 1);
    export_block *b = &sec->blocks[sec->len++];
    *b = (export_block){.kind = kind};
    return b;
}

void export_paragraph_add(export_section *sec, const char *text)
{
    block_add(sec, EXPORT_BLOCK_PARAGRAPH)->u.paragraph = xstrdup(text ? text : "");
}

export_table *export_table_add(export_section *sec, const char *id, const char *caption,
                               const export_column_def *defs, size_t ncols)
{
    export_table *t = xcalloc(1, sizeof *t);
    t->id = xstrdup(id ? id : "");
    t->caption = dup_or_null(caption);
    t->ncols = ncols;
    t->cols = xcalloc(ncols ? ncols : 1, sizeof *t->cols);
    for (size_t i = 0; i < ncols; i++)
        t->cols[i] = (export_column){xstrdup(defs[i].id ? defs[i].id : ""), xstrdup(defs[i].header ? defs[i].header : ""),
                                     defs[i].width < 0 ? 0 : defs[i].width, defs[i].kind, defs[i].wrap};
    t->repeat_header = true;
    block_add(sec, EXPORT_BLOCK_TABLE)->u.table = t;
    return t;
}

void export_table_row(export_table *t, const char *const *cells)
{
    GROW(t->rows, t->rows_cap, t->nrows + 1);
    export_row *r = &t->rows[t->nrows++];
    r->kind = EXPORT_ROW_CELLS;
    r->cells = xcalloc(t->ncols ? t->ncols : 1, sizeof *r->cells);
    for (size_t i = 0; i < t->ncols; i++)
        r->cells[i] = xstrdup(cells && cells[i] ? cells[i] : "");
}

void export_table_group(export_table *t, const char *label)
{
    GROW(t->rows, t->rows_cap, t->nrows + 1);
    export_row *r = &t->rows[t->nrows++];
    r->kind = EXPORT_ROW_GROUP;
    r->cells = xcalloc(1, sizeof *r->cells);
    r->cells[0] = xstrdup(label ? label : "");
}

export_notes *export_notes_add(export_section *sec, const char *title)
{
    export_notes *n = xcalloc(1, sizeof *n);
    n->title = dup_or_null(title);
    block_add(sec, EXPORT_BLOCK_NOTES)->u.notes = n;
    return n;
}

size_t export_note_add(export_notes *notes, const char *text)
{
    GROW(notes->items, notes->cap, notes->len + 1);
    notes->items[notes->len++] = xstrdup(text ? text : "");
    return notes->len;
}

export_progress *export_progress_add(export_section *sec, const char *caption)
{
    export_progress *p = xcalloc(1, sizeof *p);
    p->caption = dup_or_null(caption);
    block_add(sec, EXPORT_BLOCK_PROGRESS)->u.progress = p;
    return p;
}

void export_bar_add(export_progress *p, const char *label, long done, long total)
{
    if (total < 0)
        total = 0;
    if (done < 0)
        done = 0;
    if (done > total)
        done = total;
    GROW(p->bars, p->cap, p->len + 1);
    p->bars[p->len++] = (export_bar){xstrdup(label ? label : ""), done, total};
}

size_t export_doc_width(const export_doc *doc)
{
    size_t w = 2;
    for (size_t s = 0; s < doc->len; s++)
        for (size_t b = 0; b < doc->sections[s]->len; b++) {
            const export_block *blk = &doc->sections[s]->blocks[b];
            size_t bw = blk->kind == EXPORT_BLOCK_TABLE ? blk->u.table->ncols : blk->kind == EXPORT_BLOCK_PROGRESS ? 4 : 0;
            if (bw > w)
                w = bw;
        }
    return w;
}

const char *export_col_kind_name(export_col_kind k)
{
    switch (k) {
    case EXPORT_COL_TEXT:
        return "text";
    case EXPORT_COL_MARK:
        return "mark";
    case EXPORT_COL_DATE:
        return "date";
    case EXPORT_COL_NUMBER:
        return "number";
    }
    return "text";
}

static void table_free(export_table *t)
{
    for (size_t r = 0; r < t->nrows; r++) {
        size_t n = t->rows[r].kind == EXPORT_ROW_GROUP ? 1 : t->ncols;
        for (size_t c = 0; c < n; c++)
            free(t->rows[r].cells[c]);
        free(t->rows[r].cells);
    }
    for (size_t c = 0; c < t->ncols; c++) {
        free(t->cols[c].id);
        free(t->cols[c].header);
    }
    free(t->rows);
    free(t->cols);
    free(t->id);
    free(t->caption);
    free(t);
}

static void block_free(export_block *b)
{
    switch (b->kind) {
    case EXPORT_BLOCK_PARAGRAPH:
        free(b->u.paragraph);
        break;
    case EXPORT_BLOCK_TABLE:
        table_free(b->u.table);
        break;
    case EXPORT_BLOCK_NOTES:
        for (size_t i = 0; i < b->u.notes->len; i++)
            free(b->u.notes->items[i]);
        free(b->u.notes->items);
        free(b->u.notes->title);
        free(b->u.notes);
        break;
    case EXPORT_BLOCK_PROGRESS:
        for (size_t i = 0; i < b->u.progress->len; i++)
            free(b->u.progress->bars[i].label);
        free(b->u.progress->bars);
        free(b->u.progress->caption);
        free(b->u.progress);
        break;
    }
}

void export_doc_free(export_doc *doc)
{
    if (!doc)
        return;
    for (size_t s = 0; s < doc->len; s++) {
        export_section *sec = doc->sections[s];
        for (size_t b = 0; b < sec->len; b++)
            block_free(&sec->blocks[b]);
        free(sec->blocks);
        free(sec->heading);
        free(sec->sheet);
        free(sec);
    }
    for (size_t i = 0; i < doc->meta_len; i++) {
        free(doc->meta[i].key);
        free(doc->meta[i].value);
    }
    free(doc->meta);
    free(doc->sections);
    free(doc->id);
    free(doc->title);
    free(doc->subtitle);
    free(doc->date);
    free(doc->author);
    free(doc->lang);
    free(doc);
}
