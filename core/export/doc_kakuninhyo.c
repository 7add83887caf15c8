/* The 役割分担確認表 (医療情報システムの契約における当事者間の役割分担等に関する確認表) in its
 * layout: one section per Part (the catalog's top-level headings), 項番 as printed within the
 * Part ("Part1 A-1" → "A-1"), 項目, 初回確認 (the answer at the first consultation, with its date as
 * 確認日) and 完了日, then the note, evidence and responsible party. Groups (A, B, …) are group rows. */
#include <stdlib.h>
#include <string.h>

#include "document.h"

enum { K_NO, K_ITEM, K_FIRST, K_CHECKED, K_DONE, K_NOTE, K_EVIDENCE, K_OWNER, K__COUNT };

static const export_column_def columns[K__COUNT] = {
    {"no", "項番", 6, EXPORT_COL_TEXT, false},
    {"item", "項目", 44, EXPORT_COL_TEXT, true},
    {"first", "初回確認", 8, EXPORT_COL_MARK, false},
    {"checked", "確認日", 10, EXPORT_COL_DATE, false},
    {"done", "完了日", 10, EXPORT_COL_DATE, false},
    {"note", "備考", 24, EXPORT_COL_TEXT, true},
    {"evidence", "証跡", 16, EXPORT_COL_TEXT, true},
    {"owner", "担当", 10, EXPORT_COL_TEXT, true},
};

/* The number within its Part: the item's ref without the Part's ref in front. */
static const char *number_in_part(const catalog_node *part, const catalog_node *n)
{
    const char *ref = n->ref ? n->ref : "";
    if (part && part->ref && str_starts(ref, part->ref)) {
        const char *rest = ref + strlen(part->ref);
        while (*rest == ' ')
            rest++;
        return rest;
    }
    return ref;
}

static void item_row(const doc_source *src, export_table *t, const catalog_node *part, const catalog_node *n)
{
    const answer *x = doc_source_answer(src, n->id);
    char *evidence = doc_source_evidence_text(src, x), *owner = doc_source_owner_text(src, n, x);
    char *note = doc_source_note_text(x);
    const char *cells[K__COUNT] = {
        [K_NO] = number_in_part(part, n),
        [K_ITEM] = doc_source_node_title(src, n),
        [K_FIRST] = doc_source_value_label(src, x ? x->value : NULL),
        [K_CHECKED] = x ? x->checked : NULL,
        [K_DONE] = x ? x->done : NULL,
        [K_NOTE] = note,
        [K_EVIDENCE] = evidence,
        [K_OWNER] = owner,
    };
    export_table_row(t, cells);
    free(evidence);
    free(note);
    free(owner);
}

static export_doc *build(const doc_source *src)
{
    const catalog *c = src->cat;
    export_doc *doc = export_doc_new("kakuninhyo", i18n_get(&c->title, src->english));
    char *fy = jpdate_fy_label(src->as.fy, false);
    export_doc_set_subtitle(doc, fy);
    free(fy);
    doc_source_meta(src, doc);
    export_section *sec = NULL;
    export_table *t = NULL;
    const catalog_node *part = NULL;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind == NODE_HEADING && n->depth == 0) {
            part = n;
            sec = export_section_add(doc, doc_source_node_title(src, n));
            export_section_set_sheet(sec, n->ref ? n->ref : doc_source_node_title(src, n));
            sec->page_break = i > 0;
            t = export_table_add(sec, "items", NULL, columns, K__COUNT);
            continue;
        }
        if (!t) { /* items before the first Part */
            sec = export_section_add(doc, "確認表");
            t = export_table_add(sec, "items", NULL, columns, K__COUNT);
        }
        if (n->kind == NODE_HEADING) {
            const char *no = number_in_part(part, n);
            const char *title = doc_source_node_title(src, n);
            /* "A（群の名称は未確認）" already starts with its number */
            char *label = *no && !str_starts(title, no) ? xasprintf("%s %s", no, title) : xstrdup(title);
            export_table_group(t, label);
            free(label);
        } else {
            item_row(src, t, part, n);
        }
    }
    return doc;
}

static const char *const kinds[] = {"kakuninhyo", NULL};

const document document_kakuninhyo = {
    .name = "kakuninhyo",
    .label_ja = "役割分担確認表",
    .label_en = "Role-split checklist",
    .file_stem = "確認表",
    .kinds = kinds,
    .build = build,
};
