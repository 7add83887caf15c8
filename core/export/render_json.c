/* JSON: the document model as data, keys always present and always in the same order (cJSON
 * keeps insertion order), absent optional text as null, text cleaned (escape.h). The top-level
 * "format" names this layout's version. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "escape.h"
#include "format.h"
#include "base/lib.h"

static void add_text(cJSON *obj, const char *key, const char *raw)
{
    if (!raw) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    char *c = export_clean(raw, true);
    cJSON_AddStringToObject(obj, key, c);
    free(c);
}

static cJSON *text_item(const char *raw)
{
    char *c = export_clean(raw, true);
    cJSON *s = cJSON_CreateString(c);
    free(c);
    return s;
}

static cJSON *table_json(const export_table *t)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "table");
    add_text(o, "id", t->id);
    add_text(o, "caption", t->caption);
    cJSON_AddBoolToObject(o, "repeat_header", t->repeat_header);
    cJSON *cols = cJSON_AddArrayToObject(o, "columns");
    for (size_t c = 0; c < t->ncols; c++) {
        cJSON *col = cJSON_CreateObject();
        add_text(col, "id", t->cols[c].id);
        add_text(col, "header", t->cols[c].header);
        cJSON_AddNumberToObject(col, "width", t->cols[c].width);
        cJSON_AddStringToObject(col, "kind", export_col_kind_name(t->cols[c].kind));
        cJSON_AddBoolToObject(col, "wrap", t->cols[c].wrap);
        cJSON_AddItemToArray(cols, col);
    }
    cJSON *rows = cJSON_AddArrayToObject(o, "rows");
    for (size_t r = 0; r < t->nrows; r++) {
        const export_row *row = &t->rows[r];
        cJSON *ro = cJSON_CreateObject();
        if (row->kind == EXPORT_ROW_GROUP) {
            cJSON_AddStringToObject(ro, "type", "group");
            add_text(ro, "label", row->cells[0]);
        } else {
            cJSON_AddStringToObject(ro, "type", "cells");
            cJSON *cells = cJSON_AddArrayToObject(ro, "cells");
            for (size_t c = 0; c < t->ncols; c++)
                cJSON_AddItemToArray(cells, text_item(row->cells[c]));
        }
        cJSON_AddItemToArray(rows, ro);
    }
    return o;
}

static cJSON *block_json(const export_block *blk)
{
    cJSON *o;
    switch (blk->kind) {
    case EXPORT_BLOCK_PARAGRAPH:
        o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "type", "paragraph");
        add_text(o, "text", blk->u.paragraph);
        return o;
    case EXPORT_BLOCK_TABLE:
        return table_json(blk->u.table);
    case EXPORT_BLOCK_NOTES: {
        o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "type", "notes");
        add_text(o, "title", blk->u.notes->title);
        cJSON *items = cJSON_AddArrayToObject(o, "items");
        for (size_t i = 0; i < blk->u.notes->len; i++) {
            cJSON *it = cJSON_CreateObject();
            cJSON_AddNumberToObject(it, "number", (double)(i + 1));
            add_text(it, "text", blk->u.notes->items[i]);
            cJSON_AddItemToArray(items, it);
        }
        return o;
    }
    case EXPORT_BLOCK_PROGRESS: {
        o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "type", "progress");
        add_text(o, "caption", blk->u.progress->caption);
        cJSON *bars = cJSON_AddArrayToObject(o, "bars");
        for (size_t i = 0; i < blk->u.progress->len; i++) {
            const export_bar *b = &blk->u.progress->bars[i];
            cJSON *bo = cJSON_CreateObject();
            add_text(bo, "label", b->label);
            cJSON_AddNumberToObject(bo, "done", (double)b->done);
            cJSON_AddNumberToObject(bo, "total", (double)b->total);
            cJSON_AddItemToArray(bars, bo);
        }
        return o;
    }
    }
    return cJSON_CreateNull();
}

static export_status render_json(const export_doc *doc, export_sink *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "anzen-export/1");
    add_text(root, "document", doc->id);
    add_text(root, "lang", doc->lang);
    add_text(root, "title", doc->title);
    add_text(root, "subtitle", doc->subtitle);
    add_text(root, "date", doc->date);
    add_text(root, "author", doc->author);
    cJSON *meta = cJSON_AddArrayToObject(root, "meta");
    for (size_t i = 0; i < doc->meta_len; i++) {
        cJSON *m = cJSON_CreateObject();
        add_text(m, "key", doc->meta[i].key);
        add_text(m, "value", doc->meta[i].value);
        cJSON_AddItemToArray(meta, m);
    }
    cJSON *sections = cJSON_AddArrayToObject(root, "sections");
    for (size_t s = 0; s < doc->len; s++) {
        const export_section *sec = doc->sections[s];
        cJSON *so = cJSON_CreateObject();
        add_text(so, "heading", sec->heading);
        add_text(so, "sheet", sec->sheet);
        cJSON_AddBoolToObject(so, "page_break", sec->page_break);
        cJSON *blocks = cJSON_AddArrayToObject(so, "blocks");
        for (size_t b = 0; b < sec->len; b++)
            cJSON_AddItemToArray(blocks, block_json(&sec->blocks[b]));
        cJSON_AddItemToArray(sections, so);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return export_fail(out->err, EXPORT_ERR_RENDER, "json");
    fputs(text, out->fp);
    fputc('\n', out->fp);
    cJSON_free(text);
    return export_sink_finish(out);
}

const export_format export_format_json = {"json", ".json", "application/json", render_json};
