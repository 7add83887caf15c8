/* The MHLW サイバーセキュリティ対策チェックリスト in its column layout, one assessment = one form
 * (医療機関確認用 / 事業者確認用) and fiscal year.
 *
 * Per-device questions are modelled in the catalogs as a heading carrying the question with one
 * child item per device, tagged server / pc / network ("2-④" → "2-④ サーバ", "2-④ 端末PC"); a
 * question asked for one device only is a single tagged item ("2-⑪ サーバ"). Both become one row
 * with the answers under サーバ / 端末PC / ネットワーク機器; other items answer under はい／いいえ.
 * Where the devices of one row differ in a date, note, evidence or party, the cell lists each
 * device's value on its own line ("サーバ: 2025-04-01"), so nothing entered is lost. */
#include <stdlib.h>
#include <string.h>

#include "document.h"

enum { C_NO, C_ITEM, C_SERVER, C_PC, C_NETWORK, C_ANSWER, C_CHECKED, C_DUE, C_NOTE, C_EVIDENCE, C_OWNER, C__COUNT };

static const export_column_def columns[C__COUNT] = {
    {"no", "番号", 8, EXPORT_COL_TEXT, false},
    {"item", "確認項目", 40, EXPORT_COL_TEXT, true},
    {"server", "サーバ", 6, EXPORT_COL_MARK, false},
    {"pc", "端末PC", 6, EXPORT_COL_MARK, false},
    {"network", "ネットワーク機器", 8, EXPORT_COL_MARK, true},
    {"answer", "はい／いいえ", 8, EXPORT_COL_MARK, false},
    {"checked", "確認日", 10, EXPORT_COL_DATE, false},
    {"due", "目標日", 10, EXPORT_COL_DATE, false},
    {"note", "備考", 24, EXPORT_COL_TEXT, true},
    {"evidence", "証跡", 16, EXPORT_COL_TEXT, true},
    {"owner", "担当", 10, EXPORT_COL_TEXT, true},
};

static const char *const device_tags[] = {"server", "pc", "network"};
static const char *const device_labels[] = {"サーバ", "端末PC", "ネットワーク機器"};

/* The device column of an item (0..2), or -1 when it is not a per-device item. */
static int device_of(const catalog_node *n)
{
    for (size_t i = 0; i < n->tags.len; i++)
        for (int d = 0; d < 3; d++)
            if (str_eq(n->tags.items[i], device_tags[d]))
                return d;
    return -1;
}

/* Is heading h a per-device question: it has item children, all of them per-device? */
static bool is_device_heading(const catalog *c, const catalog_node *h)
{
    size_t kids = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *k = &c->nodes[i];
        if (!str_eq(k->parent, h->id))
            continue;
        if (k->kind != NODE_ITEM || device_of(k) < 0)
            return false;
        kids++;
    }
    return kids > 0;
}

/* The printed number without the device suffix: "2-⑪ サーバ" → "2-⑪". Caller frees. */
static char *number_without_device(const catalog_node *n, int dev)
{
    const char *ref = n->ref ? n->ref : "";
    size_t len = strlen(ref), dl = strlen(device_labels[dev]);
    if (len > dl && strcmp(ref + len - dl, device_labels[dev]) == 0) {
        size_t cut = len - dl;
        while (cut > 0 && ref[cut - 1] == ' ')
            cut--;
        return xstrndup(ref, cut);
    }
    return xstrdup(ref);
}

/* One field of the devices of a row: the common value when every device has the same one, else
 * one "device: value" line per device that has a value. values[d] NULL = that device is absent. */
static char *merge(char *const values[3], const bool present[3])
{
    const char *common = NULL;
    bool same = true, first = true;
    for (int d = 0; d < 3; d++) {
        if (!present[d])
            continue;
        if (first)
            common = values[d];
        else if (strcmp(common, values[d]) != 0)
            same = false;
        first = false;
    }
    if (same)
        return xstrdup(common ? common : "");
    strbuf sb = {0};
    for (int d = 0; d < 3; d++) {
        if (!present[d] || !*values[d])
            continue;
        if (sb.len)
            sb_addc(&sb, '\n');
        sb_addf(&sb, "%s: %s", device_labels[d], values[d]);
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* A row for the per-device items kids[0..2] (NULL where the question has no such device). */
static void device_row(const doc_source *src, export_table *t, const char *no, const char *text,
                       const catalog_node *const kids[3])
{
    const char *cells[C__COUNT] = {0};
    char *fields[4][3] = {{0}};
    bool present[3] = {0};
    for (int d = 0; d < 3; d++) {
        if (!kids[d]) {
            for (int f = 0; f < 4; f++)
                fields[f][d] = xstrdup("");
            continue;
        }
        present[d] = true;
        const answer *x = doc_source_answer(src, kids[d]->id);
        cells[C_SERVER + d] = doc_source_value_label(src, x ? x->value : NULL);
        fields[0][d] = xstrdup(x ? or_empty(x->checked) : "");
        fields[1][d] = xstrdup(x ? or_empty(x->due) : "");
        fields[2][d] = doc_source_note_text(x);
        fields[3][d] = doc_source_evidence_text(src, x);
    }
    char *merged[4];
    for (int f = 0; f < 4; f++)
        merged[f] = merge(fields[f], present);
    char *owners[3];
    for (int d = 0; d < 3; d++)
        owners[d] = kids[d] ? doc_source_owner_text(src, kids[d], doc_source_answer(src, kids[d]->id)) : xstrdup("");
    char *owner = merge(owners, present);
    cells[C_NO] = no;
    cells[C_ITEM] = text;
    cells[C_ANSWER] = "";
    cells[C_CHECKED] = merged[0];
    cells[C_DUE] = merged[1];
    cells[C_NOTE] = merged[2];
    cells[C_EVIDENCE] = merged[3];
    cells[C_OWNER] = owner;
    export_table_row(t, cells);
    for (int f = 0; f < 4; f++) {
        free(merged[f]);
        for (int d = 0; d < 3; d++)
            free(fields[f][d]);
    }
    for (int d = 0; d < 3; d++)
        free(owners[d]);
    free(owner);
}

static void item_row(const doc_source *src, export_table *t, const catalog_node *n)
{
    const answer *x = doc_source_answer(src, n->id);
    char *evidence = doc_source_evidence_text(src, x), *owner = doc_source_owner_text(src, n, x);
    char *note = doc_source_note_text(x);
    const char *cells[C__COUNT] = {
        [C_NO] = or_empty(n->ref),
        [C_ITEM] = doc_source_node_title(src, n),
        [C_ANSWER] = doc_source_value_label(src, x ? x->value : NULL),
        [C_CHECKED] = x ? x->checked : NULL,
        [C_DUE] = x ? x->due : NULL,
        [C_NOTE] = note,
        [C_EVIDENCE] = evidence,
        [C_OWNER] = owner,
    };
    export_table_row(t, cells);
    free(evidence);
    free(note);
    free(owner);
}

static char *heading_label(const doc_source *src, const catalog_node *n)
{
    return n->ref ? xasprintf("%s %s", n->ref, doc_source_node_title(src, n)) : xstrdup(doc_source_node_title(src, n));
}

static export_doc *build(const doc_source *src)
{
    const catalog *c = src->cat;
    export_doc *doc = export_doc_new("checklist", i18n_get(&c->title, src->english));
    char *fy = jpdate_fy_label(src->as.fy, false);
    export_doc_set_subtitle(doc, fy);
    free(fy);
    doc_source_meta(src, doc);
    export_section *sec = export_section_add(doc, "チェックリスト");
    export_section_set_sheet(sec, "チェックリスト");
    export_paragraph_add(sec, "回答は各項目の有効な回答（合意、なければ医療機関、なければ事業者）。"
                              "機器別の設問はサーバ・端末PC・ネットワーク機器の欄に、それ以外ははい／いいえの欄に記す。");
    export_table *t = export_table_add(sec, "items", NULL, columns, C__COUNT);
    bool *done = xcalloc(c->nnodes + 1, sizeof *done);
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (done[i])
            continue;
        if (n->kind == NODE_HEADING && is_device_heading(c, n)) {
            const catalog_node *kids[3] = {0};
            for (size_t k = i + 1; k < c->nnodes; k++)
                if (str_eq(c->nodes[k].parent, n->id)) {
                    int d = device_of(&c->nodes[k]);
                    if (!kids[d])
                        kids[d] = &c->nodes[k];
                    else
                        item_row(src, t, &c->nodes[k]); /* a second row for one device: keep it */
                    done[k] = true;
                }
            device_row(src, t, or_empty(n->ref), doc_source_node_title(src, n), kids);
        } else if (n->kind == NODE_HEADING) {
            char *label = heading_label(src, n);
            export_table_group(t, label);
            free(label);
        } else if (device_of(n) >= 0) {
            int d = device_of(n);
            const catalog_node *kids[3] = {0};
            kids[d] = n;
            char *no = number_without_device(n, d);
            device_row(src, t, no, doc_source_node_title(src, n), kids);
            free(no);
        } else {
            item_row(src, t, n);
        }
    }
    free(done);
    return doc;
}

static const char *const kinds[] = {"checklist", NULL};

const document document_checklist = {
    .name = "checklist",
    .label_ja = "チェックリスト",
    .label_en = "Checklist",
    .file_stem = "チェックリスト",
    .kinds = kinds,
    .build = build,
};
