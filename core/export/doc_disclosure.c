/* The MDS/SDS disclosure sheet (製造業者/サービス事業者による医療情報セキュリティ開示書) of a
 * vendor- or system-scoped assessment of a disclosure catalog (jahis-mds-sds, the 7.0 annex).
 *
 * Header block: the catalog's header fields (product or service name, version, manufacturer,
 * date of issue, author, contact, legally retained records, …) as entered with `assess field`,
 * then the system and vendor of the assessment. Body: one section per top-level heading (the
 * question groups and the 電子署名 / 真正性 / 見読性 / 保存性 blocks; deeper headings are group
 * rows), each question with its number (sequential over the sheet), our paraphrase (with the
 * printed reference in brackets where one is known), a mark under はい / いいえ / 対象外 by the
 * answer's meaning, a 備考 number and the guideline references (the items it maps to, by their
 * volume and printed number). The 備考 list at the end is numbered in order of appearance; an
 * item's remark holds its note, evidence, 確認日 and responsible party, so nothing entered is
 * left out. Last, the vendor security-guide sections from the system inventory: ports in and out,
 * data storage, external connections, backup, data and system restore, compensating controls
 * with the end-of-support date, the SBOM reference and the rest of the system record. */
#include <stdlib.h>
#include <string.h>

#include "document.h"

enum { D_NO, D_TEXT, D_YES, D_NO_MARK, D_NA, D_NOTE, D_GUIDE, D__COUNT };

static const export_column_def columns[D__COUNT] = {
    {"number", "番号", 4, EXPORT_COL_NUMBER, false},
    {"question", "設問", 44, EXPORT_COL_TEXT, true},
    {"yes", "はい", 4, EXPORT_COL_MARK, false},
    {"no", "いいえ", 6, EXPORT_COL_MARK, false},
    {"na", "対象外", 6, EXPORT_COL_MARK, false},
    {"remark", "備考", 4, EXPORT_COL_NUMBER, false},
    {"guideline", "ガイドライン参照", 18, EXPORT_COL_TEXT, true},
};

static const export_column_def kv_columns[] = {
    {"key", "項目", 22, EXPORT_COL_TEXT, false},
    {"value", "内容", 56, EXPORT_COL_TEXT, true},
};

static const export_column_def port_columns[] = {
    {"dir", "方向", 6, EXPORT_COL_TEXT, false},       {"ports", "ポート番号", 14, EXPORT_COL_TEXT, true},
    {"protocol", "プロトコル", 10, EXPORT_COL_TEXT, false}, {"purpose", "用途", 30, EXPORT_COL_TEXT, true},
    {"note", "備考", 16, EXPORT_COL_TEXT, true},
};

static const export_column_def storage_columns[] = {
    {"medium", "媒体", 16, EXPORT_COL_TEXT, true},
    {"location", "保存場所", 36, EXPORT_COL_TEXT, true},
    {"content", "内容", 26, EXPORT_COL_TEXT, true},
};

static const export_column_def connection_columns[] = {
    {"peer", "接続先", 22, EXPORT_COL_TEXT, true},
    {"method", "接続方法", 26, EXPORT_COL_TEXT, true},
    {"purpose", "用途", 30, EXPORT_COL_TEXT, true},
};

static const export_column_def control_columns[] = {
    {"kind", "対策の種類", 22, EXPORT_COL_TEXT, true},
    {"measure", "実施内容", 56, EXPORT_COL_TEXT, true},
};

static void kv(export_table *t, const char *key, const char *value)
{
    export_table_row(t, (const char *[]){key, value ? value : ""});
}

static const char *tri_text(ws_tri t)
{
    return t == TRI_YES ? "あり" : t == TRI_NO ? "なし" : "不明";
}

/* "システム運用編 8-2、…" for the items the question maps to. Caller frees. */
static char *guideline_refs(const doc_source *src, const catalog_node *n)
{
    strbuf sb = {0};
    for (size_t i = 0; i < n->nmaps; i++) {
        const node_map *m = &n->maps[i];
        const catalog *to = catalog_db_get(src->st, m->to_catalog, m->to_version);
        const catalog_node *tn = to ? catalog_find_node(to, m->to_node) : NULL;
        if (sb.len)
            sb_add(&sb, "、");
        if (tn && tn->ref) {
            const i18n_text *name = to->short_title.ja ? &to->short_title : &to->title;
            sb_addf(&sb, "%s %s", i18n_get(name, src->english), tn->ref);
        } else {
            sb_addf(&sb, "%s:%s", m->to_catalog, m->to_node);
        }
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

/* The remark of an answer: its reason and note, then evidence, 確認日 and the responsible party,
 * each on its own line; NULL when there is nothing to remark. Caller frees. */
static char *remark(const doc_source *src, const catalog_node *n, const answer *x)
{
    if (!x)
        return NULL;
    strbuf sb = {0};
    char *note = doc_source_note_text(x);
    sb_add(&sb, note);
    free(note);
    for (size_t i = 0; i < x->nevidence; i++) {
        char *line = doc_source_evidence_line(src, &x->evidence[i]);
        sb_addf(&sb, "%s証跡: %s", sb.len ? "\n" : "", line);
        free(line);
    }
    if (!str_empty(x->checked))
        sb_addf(&sb, "%s確認日: %s", sb.len ? "\n" : "", x->checked);
    if (!str_empty(x->due))
        sb_addf(&sb, "%s目標日: %s", sb.len ? "\n" : "", x->due);
    if (!str_empty(x->done))
        sb_addf(&sb, "%s完了日: %s", sb.len ? "\n" : "", x->done);
    if (x->owner != RESP_NONE) {
        char *o = doc_source_owner_text(src, n, x);
        sb_addf(&sb, "%s担当: %s", sb.len ? "\n" : "", o);
        free(o);
    }
    return sb.data ? sb_take(&sb) : NULL;
}

static void question_row(const doc_source *src, export_table *t, const catalog_node *n, int number, strlist *remarks)
{
    const answer *x = doc_source_answer(src, n->id);
    answer_meaning m = MEANING__COUNT;
    bool answered = doc_source_meaning(src, x, &m);
    char num[24], rem[24] = "";
    snprintf(num, sizeof num, "%d", number);
    char *r = remark(src, n, x);
    if (r) {
        sl_push_owned(remarks, r);
        snprintf(rem, sizeof rem, "%zu", remarks->len);
    }
    char *text = n->ref ? xasprintf("%s［%s］", doc_source_node_title(src, n), n->ref)
                        : xstrdup(doc_source_node_title(src, n));
    char *guide = guideline_refs(src, n);
    /* partly done is not yes: it goes under いいえ, the remark says how far */
    const char *cells[D__COUNT] = {
        [D_NO] = num,
        [D_TEXT] = text,
        [D_YES] = answered && m == MEANING_POSITIVE ? "○" : "",
        [D_NO_MARK] = answered && (m == MEANING_NEGATIVE || m == MEANING_PARTIAL) ? "○" : "",
        [D_NA] = answered && m == MEANING_NA ? "○" : "",
        [D_NOTE] = rem,
        [D_GUIDE] = guide,
    };
    export_table_row(t, cells);
    free(text);
    free(guide);
}

static bool has_items_below(const catalog *c, size_t h)
{
    for (size_t k = h + 1; k < c->nnodes; k++) {
        if (c->nodes[k].depth <= c->nodes[h].depth)
            return false;
        if (c->nodes[k].kind == NODE_ITEM)
            return true;
    }
    return false;
}

static void body(export_doc *doc, const doc_source *src, strlist *remarks)
{
    const catalog *c = src->cat;
    export_table *t = NULL;
    int number = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind == NODE_HEADING) {
            if (!has_items_below(c, i))
                continue; /* the header heading, whose facts are the fields */
            char *label = n->ref ? xasprintf("%s %s", n->ref, doc_source_node_title(src, n))
                                 : xstrdup(doc_source_node_title(src, n));
            if (n->depth == 0) {
                export_section *sec = export_section_add(doc, label);
                char sheet[32];
                snprintf(sheet, sizeof sheet, "設問%d", (int)doc->len);
                export_section_set_sheet(sec, sheet);
                t = export_table_add(sec, n->id, NULL, columns, D__COUNT);
            } else if (t) {
                export_table_group(t, label);
            }
            free(label);
            continue;
        }
        if (!t) {
            export_section *sec = export_section_add(doc, "設問");
            t = export_table_add(sec, "questions", NULL, columns, D__COUNT);
        }
        question_row(src, t, n, ++number, remarks);
    }
}

static void ports_table(export_section *sec, const ws_system *sys)
{
    export_table *t = export_table_add(sec, "ports", "データを送受信するネットワークポート", port_columns,
                                       AZ_ARRAY_LEN(port_columns));
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < sys->nports; i++) {
            const ws_port *p = &sys->ports[i];
            if ((pass == 0) != (p->dir == PORT_IN))
                continue;
            export_table_row(t, (const char *[]){p->dir == PORT_IN ? "受信" : "送信", p->ports, p->protocol,
                                                 p->purpose, p->note});
        }
    if (!sys->nports)
        export_table_row(t, (const char *[]){"", "（台帳に記載なし）", "", "", ""});
}

static void inventory(export_doc *doc, const doc_source *src)
{
    export_section *sec = export_section_add(doc, "セキュリティに関する情報（システム台帳より）");
    export_section_set_sheet(sec, "システム情報");
    sec->page_break = true;
    if (!src->have_system) {
        export_paragraph_add(sec, "この評価はシステムを対象としていないため、システム台帳の情報はない。");
        return;
    }
    const ws_system *s = &src->sys;
    const ws_category *cat = ws_category_parse(s->category);
    export_table *t = export_table_add(sec, "system", "対象システム", kv_columns, AZ_ARRAY_LEN(kv_columns));
    kv(t, "システム名", s->name);
    kv(t, "区分", cat ? cat->ja : s->category);
    kv(t, "事業者", s->vendor_name);
    kv(t, "製品名", s->product);
    kv(t, "バージョン", s->product_version);
    kv(t, "設置形態", str_eq(s->hosting, "on-premises") ? "オンプレミス" : str_eq(s->hosting, "cloud") ? "クラウド"
                                                         : str_eq(s->hosting, "hybrid")  ? "ハイブリッド"
                                                                                         : s->hosting);
    kv(t, "医療機器（薬機法）", tri_text(s->medical_device));
    kv(t, "リモート保守", tri_text(s->remote_maintenance));
    kv(t, "リモート接続方法", s->remote_method);
    kv(t, "接続元の制限", s->remote_source_restriction);
    kv(t, "保守で患者データを扱う", tri_text(s->patient_data_in_maintenance));
    kv(t, "事業者の提供文書", s->documents);
    kv(t, "備考", s->note);

    ports_table(sec, s);

    export_table *st = export_table_add(sec, "storage", "データの保存場所", storage_columns,
                                        AZ_ARRAY_LEN(storage_columns));
    for (size_t i = 0; i < s->nstorage; i++)
        export_table_row(st, (const char *[]){s->storage[i].medium, s->storage[i].location, s->storage[i].content});
    if (!s->nstorage)
        export_table_row(st, (const char *[]){"", "（台帳に記載なし）", ""});

    export_table *ct = export_table_add(sec, "connections", "外部との接続", connection_columns,
                                        AZ_ARRAY_LEN(connection_columns));
    for (size_t i = 0; i < s->nconnections; i++)
        export_table_row(ct, (const char *[]){s->connections[i].peer, s->connections[i].method,
                                              s->connections[i].purpose});
    if (!s->nconnections)
        export_table_row(ct, (const char *[]){"（台帳に記載なし）", "", ""});

    export_table *bt = export_table_add(sec, "backup", "バックアップと復元", kv_columns, AZ_ARRAY_LEN(kv_columns));
    kv(bt, "バックアップの方法", s->backup_method);
    char gen[16] = "";
    if (s->backup_generations > 0)
        snprintf(gen, sizeof gen, "%d", s->backup_generations);
    kv(bt, "バックアップの世代数", gen);
    kv(bt, "復元の作業者", s->restore_by);
    kv(bt, "データ・システムの復元手順", s->restore_method);
    kv(bt, "使用停止・廃棄の手順", s->disposal);

    export_table *xt = export_table_add(sec, "controls", "補完的リスクコントロール（サポート終了製品の継続使用など）",
                                        control_columns, AZ_ARRAY_LEN(control_columns));
    export_table_row(xt, (const char *[]){"サポート終了日", s->end_of_support ? s->end_of_support : "（台帳に記載なし）"});
    for (size_t i = 0; i < s->ncontrols; i++)
        export_table_row(xt, (const char *[]){s->controls[i].kind, s->controls[i].measure});

    export_table *sb = export_table_add(sec, "sbom", "ソフトウェア部品表（SBOM）", kv_columns, AZ_ARRAY_LEN(kv_columns));
    kv(sb, "SBOM の提供", tri_text(s->sbom_available));
    kv(sb, "SBOM の所在", s->sbom_ref);
}

static export_doc *build(const doc_source *src)
{
    const catalog *c = src->cat;
    export_doc *doc = export_doc_new("disclosure", i18n_get(&c->title, src->english));
    const char *form = doc_source_field(src, "form");
    char *fy = jpdate_fy_label(src->as.fy, false);
    char *sub = xasprintf("%s%s%s", *form ? form : "", *form ? " " : "", fy);
    export_doc_set_subtitle(doc, sub);
    free(sub);
    free(fy);
    doc_source_field_meta(src, doc);
    export_doc_meta(doc, "提出先", src->have_org ? src->org.name : "");
    char *scope = doc_source_scope_text(src);
    export_doc_meta(doc, "対象システム", scope);
    free(scope);
    export_doc_meta(doc, "事業者（台帳）", src->as.vendor_name ? src->as.vendor_name : "");
    char *fyb = jpdate_fy_label_both(src->as.fy, false);
    export_doc_meta(doc, "年度", fyb);
    free(fyb);
    char *formid = xasprintf("%s@%s", c->id, c->version);
    export_doc_meta(doc, "様式", formid);
    free(formid);
    if (src->as.signed_at) {
        char *sign = xasprintf("%s（%s） %.10s%s", src->as.signed_by ? src->as.signed_by : "",
                               src->as.signed_role ? src->as.signed_role : "", src->as.signed_at,
                               src->as.changed_since_signoff ? " 承認後に変更あり" : "");
        export_doc_meta(doc, "承認", sign);
        free(sign);
    }
    /* "作成日" is the sheet's own date of issue (a header field); this is the day it was written out */
    export_doc_meta(doc, "出力日", src->date);
    export_doc_set_date(doc, src->date);
    export_doc_set_lang(doc, src->english ? "en" : "ja");
    const char *author = doc_source_field(src, "author");
    if (*author)
        export_doc_set_author(doc, author);

    strlist remarks = {0};
    body(doc, src, &remarks);
    export_section *ns = export_section_add(doc, "備考");
    export_section_set_sheet(ns, "備考");
    export_notes *notes = export_notes_add(ns, NULL);
    for (size_t i = 0; i < remarks.len; i++)
        export_note_add(notes, remarks.items[i]); /* numbered 1.. in the order the rows cite them */
    if (!remarks.len)
        export_paragraph_add(ns, "備考はない。");
    sl_free(&remarks);
    inventory(doc, src);
    return doc;
}

static const char *const kinds[] = {"disclosure", NULL};

const document document_disclosure = {
    .name = "disclosure",
    .label_ja = "MDS/SDS 開示書",
    .label_en = "MDS/SDS disclosure sheet",
    .file_stem = "MDS-SDS",
    .kinds = kinds,
    .build = build,
};
