/* The gap report for 経営層: what is not done yet, who owns it, and how far each part has come.
 *
 * Page 1 (概要) is the summary: counts (items, answered, done, partly done, not done, n/a,
 * unanswered, overdue) and the open items per responsible party and vendor. Then every item
 * answered いいえ / 未実施 (negative), 一部 (partial) or not answered at all, grouped by responsible
 * party and vendor (the answer's party, else the item's default), with its answer, dates (確認日,
 * 目標日, 完了日), overdue
 * flag, reason and note, and evidence. Then the items answered 対象外 with their reasons, and the
 * linked evidence that is expired or due for review on the document date (with the items it
 * supports). Last, progress per volume / chapter (the catalog's top two heading levels) as bars:
 * done = positive answers, total = items that apply (not 対象外). Overdue and the counts are those
 * of progress.h, judged against the document date. */
#include <stdlib.h>
#include <string.h>

#include "document.h"

enum { G_NO, G_ITEM, G_ANSWER, G_CHECKED, G_DUE, G_DONE, G_OVERDUE, G_OWNER, G_NOTE, G_EVIDENCE, G__COUNT };

static const export_column_def gap_columns[G__COUNT] = {
    {"no", "番号", 8, EXPORT_COL_TEXT, false},
    {"item", "項目", 30, EXPORT_COL_TEXT, true},
    {"answer", "回答", 8, EXPORT_COL_MARK, false},
    {"checked", "確認日", 10, EXPORT_COL_DATE, false},
    {"due", "目標日", 10, EXPORT_COL_DATE, false},
    {"done", "完了日", 10, EXPORT_COL_DATE, false},
    {"overdue", "期限超過", 8, EXPORT_COL_MARK, false},
    {"owner", "担当", 12, EXPORT_COL_TEXT, true},
    {"note", "備考", 24, EXPORT_COL_TEXT, true},
    {"evidence", "証跡", 14, EXPORT_COL_TEXT, true},
};

static const export_column_def na_columns[] = {
    {"no", "番号", 8, EXPORT_COL_TEXT, false},
    {"item", "項目", 36, EXPORT_COL_TEXT, true},
    {"reason", "理由", 36, EXPORT_COL_TEXT, true},
};

static const export_column_def evidence_columns[] = {
    {"title", "証跡", 24, EXPORT_COL_TEXT, true},
    {"kind", "種類", 12, EXPORT_COL_TEXT, false},
    {"ref", "文書番号・所在", 20, EXPORT_COL_TEXT, true},
    {"review", "見直し期限", 10, EXPORT_COL_DATE, false},
    {"state", "状態", 10, EXPORT_COL_MARK, false},
    {"items", "対象項目", 20, EXPORT_COL_TEXT, true},
};

static const export_column_def count_columns[] = {
    {"what", "区分", 24, EXPORT_COL_TEXT, false},
    {"count", "件数", 8, EXPORT_COL_NUMBER, false},
};

static const export_column_def owner_columns[] = {
    {"owner", "担当", 30, EXPORT_COL_TEXT, true},
    {"open", "未対応", 8, EXPORT_COL_NUMBER, false},
    {"overdue", "うち期限超過", 12, EXPORT_COL_NUMBER, false},
};

static const export_column_def progress_columns[] = {
    {"part", "区分", 36, EXPORT_COL_TEXT, true},
    {"items", "項目数", 8, EXPORT_COL_NUMBER, false},
    {"answered", "回答済", 8, EXPORT_COL_NUMBER, false},
    {"positive", "実施", 8, EXPORT_COL_NUMBER, false},
    {"applicable", "対象", 8, EXPORT_COL_NUMBER, false},
    {"overdue", "期限超過", 8, EXPORT_COL_NUMBER, false},
};

typedef struct {
    const catalog_node *node;
    const answer *x;
    progress_item it;
} gap;

typedef struct {
    responsibility owner;
    const char *vendor; /* borrowed from the answers or the assessment; NULL when none */
    char *label;
    gap *items;
    size_t len, cap;
    int overdue;
} gap_group;

static int owner_rank(responsibility r)
{
    static const int rank[RESP__COUNT] = {[RESP_HOSPITAL] = 0, [RESP_VENDOR] = 1, [RESP_JOINT] = 2, [RESP_NA] = 3,
                                          [RESP_NONE] = 4};
    return (int)r >= 0 && r < RESP__COUNT ? rank[r] : 5;
}

static int cmp_group(const void *pa, const void *pb)
{
    const gap_group *a = pa, *b = pb;
    if (owner_rank(a->owner) != owner_rank(b->owner))
        return owner_rank(a->owner) - owner_rank(b->owner);
    return strcmp(a->vendor ? a->vendor : "", b->vendor ? b->vendor : "");
}

static bool is_gap(const progress_item *it)
{
    return !it->def || it->def->meaning == MEANING_NEGATIVE || it->def->meaning == MEANING_PARTIAL;
}

static const char *vendor_of(const doc_source *src, responsibility r, const answer *x)
{
    if (r != RESP_VENDOR && r != RESP_JOINT)
        return NULL;
    if (x && x->owner != RESP_NONE && x->owner_vendor_name)
        return x->owner_vendor_name;
    return src->as.vendor_name;
}

static gap_group *group_for(gap_group **groups, size_t *n, size_t *cap, responsibility r, const char *vendor)
{
    for (size_t i = 0; i < *n; i++)
        if ((*groups)[i].owner == r && str_eq((*groups)[i].vendor ? (*groups)[i].vendor : "", vendor ? vendor : ""))
            return &(*groups)[i];
    GROW(*groups, *cap, *n + 1);
    gap_group *g = &(*groups)[(*n)++];
    memset(g, 0, sizeof *g);
    g->owner = r;
    g->vendor = vendor;
    const char *who = r == RESP_NONE ? "担当未設定" : doc_resp_label(r);
    g->label = vendor ? xasprintf("%s（%s）", who, vendor) : xstrdup(who);
    return g;
}

static void count_row(export_table *t, const char *what, long n)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", n);
    export_table_row(t, (const char *[]){what, num});
}

static void summary_section(export_doc *doc, const doc_source *src, const progress_row *total, gap_group *groups,
                            size_t ngroups)
{
    export_section *sec = export_section_add(doc, "概要");
    export_section_set_sheet(sec, "概要");
    char *scope = doc_source_scope_text(src);
    char *fy = jpdate_fy_label(src->as.fy, false);
    int unanswered = total->items - total->answered;
    int open = total->negative + total->partial + unanswered;
    char *p = xasprintf("%s %s（%s）: 全 %d 項目のうち未対応 %d 項目（いいえ・未実施 %d、一部 %d、未回答 %d）、"
                        "うち目標日を過ぎたもの %d 項目。基準日 %s。",
                        fy, i18n_get(&src->cat->title, src->english), scope, total->items, open, total->negative,
                        total->partial, unanswered, total->overdue, src->date);
    export_paragraph_add(sec, p);
    free(p);
    free(fy);
    free(scope);
    export_table *t = export_table_add(sec, "counts", "件数", count_columns, AZ_ARRAY_LEN(count_columns));
    count_row(t, "項目数", total->items);
    count_row(t, "回答済", total->answered);
    count_row(t, "はい・実施", total->positive);
    count_row(t, "一部実施", total->partial);
    count_row(t, "いいえ・未実施", total->negative);
    count_row(t, "対象外", total->na);
    count_row(t, "未回答", unanswered);
    count_row(t, "期限超過", total->overdue);
    export_table *o = export_table_add(sec, "owners", "担当別の未対応", owner_columns, AZ_ARRAY_LEN(owner_columns));
    for (size_t i = 0; i < ngroups; i++) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", groups[i].len);
        snprintf(b, sizeof b, "%d", groups[i].overdue);
        export_table_row(o, (const char *[]){groups[i].label, a, b});
    }
    export_progress *bar = export_progress_add(sec, "全体の実施状況（対象外を除く）");
    export_bar_add(bar, "全体", total->positive, total->items - total->na);
}

static void gaps_section(export_doc *doc, const doc_source *src, gap_group *groups, size_t ngroups)
{
    export_section *sec = export_section_add(doc, "未対応項目（担当・事業者別）");
    export_section_set_sheet(sec, "未対応項目");
    sec->page_break = true;
    if (!ngroups)
        export_paragraph_add(sec, "未対応の項目はありません。");
    export_table *t = export_table_add(sec, "gaps", NULL, gap_columns, G__COUNT);
    for (size_t g = 0; g < ngroups; g++) {
        export_table_group(t, groups[g].label);
        for (size_t i = 0; i < groups[g].len; i++) {
            const gap *x = &groups[g].items[i];
            const catalog_node *n = x->node;
            char *ev = doc_source_evidence_text(src, x->x), *owner = doc_source_owner_text(src, n, x->x);
            char *note = doc_source_note_text(x->x);
            const char *title = n->title.ja ? i18n_get(&n->title, src->english) : doc_source_node_title(src, n);
            const char *cells[G__COUNT] = {
                [G_NO] = n->ref,
                [G_ITEM] = title,
                [G_ANSWER] = x->it.def ? i18n_get(&x->it.def->label, src->english) : "未回答",
                [G_CHECKED] = x->x ? x->x->checked : NULL,
                [G_DUE] = x->x ? x->x->due : NULL,
                [G_DONE] = x->x ? x->x->done : NULL,
                [G_OVERDUE] = x->it.overdue ? "超過" : "",
                [G_OWNER] = owner,
                [G_NOTE] = note,
                [G_EVIDENCE] = ev,
            };
            export_table_row(t, cells);
            free(ev);
            free(note);
            free(owner);
        }
    }
}

/* The items answered 対象外 and why (an empty reason shows as 理由未記入, so it is seen). */
static void na_section(export_doc *doc, const doc_source *src)
{
    const catalog *c = src->cat;
    export_section *sec = export_section_add(doc, "対象外とした項目と理由");
    export_section_set_sheet(sec, "対象外");
    export_table *t = NULL;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        const answer *x = n->kind == NODE_ITEM ? doc_source_answer(src, n->id) : NULL;
        answer_meaning m;
        if (!x || !doc_source_meaning(src, x, &m) || m != MEANING_NA)
            continue;
        if (!t)
            t = export_table_add(sec, "not_applicable", NULL, na_columns, AZ_ARRAY_LEN(na_columns));
        const char *title = n->title.ja ? i18n_get(&n->title, src->english) : doc_source_node_title(src, n);
        export_table_row(t, (const char *[]){n->ref, title, str_empty(x->reason) ? "理由未記入" : x->reason});
    }
    if (!t)
        export_paragraph_add(sec, "対象外とした項目はありません。");
}

/* Linked entries expired or due for review on the document date, each once, in the order the
 * catalog first uses them, with the items (printed numbers) that cite them. */
static void evidence_section(export_doc *doc, const doc_source *src)
{
    const catalog *c = src->cat;
    typedef struct {
        const answer_evidence *e;
        strbuf items;
    } stale;
    stale *list = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *node = &c->nodes[i];
        if (node->kind != NODE_ITEM)
            continue;
        for (const answer *x = answer_set_first(&src->answers, node->id); x; x = answer_set_next(&src->answers, x)) {
            for (size_t j = 0; j < x->nevidence; j++) {
                const answer_evidence *e = &x->evidence[j];
                evidence_state st = evidence_state_on(e->review, src->today);
                if (e->archived || (st != EVIDENCE_EXPIRED && st != EVIDENCE_DUE))
                    continue;
                stale *s = NULL;
                for (size_t q = 0; q < n && !s; q++)
                    if (list[q].e->id == e->id)
                        s = &list[q];
                if (!s) {
                    GROW(list, cap, n + 1);
                    s = &list[n++];
                    *s = (stale){e, {0}};
                }
                const char *label = node->ref ? node->ref : node->id;
                if (!strstr(sb_str(&s->items), label) || s->items.len == 0)
                    sb_addf(&s->items, "%s%s", s->items.len ? "、" : "", label);
            }
        }
    }
    export_section *sec = export_section_add(doc, "期限切れ・見直し時期の証跡");
    export_section_set_sheet(sec, "証跡の期限");
    if (!n)
        export_paragraph_add(sec, "期限切れまたは見直し時期の証跡はありません。");
    export_table *t = n ? export_table_add(sec, "stale_evidence", NULL, evidence_columns, AZ_ARRAY_LEN(evidence_columns)) : NULL;
    for (size_t q = 0; q < n; q++) {
        const answer_evidence *e = list[q].e;
        bool expired = evidence_state_on(e->review, src->today) == EVIDENCE_EXPIRED;
        export_table_row(t, (const char *[]){e->title, evidence_kind_label(e->kind, false), e->ref, e->review,
                                             expired ? "期限切れ" : "見直し時期", sb_str(&list[q].items)});
        sb_free(&list[q].items);
    }
    free(list);
}

/* Progress per heading of depth 0 and 1, in catalog order: rows[i] belongs to heading nodes[i]. */
static void progress_section(export_doc *doc, const doc_source *src, const progress_row *rows)
{
    const catalog *c = src->cat;
    export_section *sec = export_section_add(doc, "進捗（編・章別）");
    export_section_set_sheet(sec, "進捗");
    sec->page_break = true;
    export_table *t = export_table_add(sec, "progress", NULL, progress_columns, AZ_ARRAY_LEN(progress_columns));
    export_progress *top = NULL, *sub = NULL;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind != NODE_HEADING || n->depth > 1 || rows[i].items == 0)
            continue;
        char *label = n->ref ? xasprintf("%s %s", n->ref, doc_source_node_title(src, n))
                             : xstrdup(doc_source_node_title(src, n));
        char v[5][16];
        snprintf(v[0], 16, "%d", rows[i].items);
        snprintf(v[1], 16, "%d", rows[i].answered);
        snprintf(v[2], 16, "%d", rows[i].positive);
        snprintf(v[3], 16, "%d", rows[i].items - rows[i].na);
        snprintf(v[4], 16, "%d", rows[i].overdue);
        char *shown = n->depth ? xasprintf("　%s", label) : xstrdup(label);
        export_table_row(t, (const char *[]){shown, v[0], v[1], v[2], v[3], v[4]});
        free(shown);
        free(label);
    }
    /* bars: the volumes first, then the chapters, each block in catalog order */
    for (int depth = 0; depth < 2; depth++) {
        for (size_t i = 0; i < c->nnodes; i++) {
            const catalog_node *n = &c->nodes[i];
            if (n->kind != NODE_HEADING || n->depth != depth || rows[i].items == 0)
                continue;
            char *label = n->ref ? xasprintf("%s %s", n->ref, doc_source_node_title(src, n))
                                 : xstrdup(doc_source_node_title(src, n));
            if (depth == 0 && !top)
                top = export_progress_add(sec, "大項目別の実施状況（対象外を除く）");
            if (depth == 1 && !sub)
                sub = export_progress_add(sec, "章別の実施状況（対象外を除く）");
            export_bar_add(depth == 0 ? top : sub, label, rows[i].positive, rows[i].items - rows[i].na);
            free(label);
        }
    }
    if (!top && !sub)
        export_paragraph_add(sec, "この様式には編・章の区分がありません。");
}

static export_doc *build(const doc_source *src)
{
    const catalog *c = src->cat;
    export_doc *doc = export_doc_new("gaps", "未対応項目報告（経営層向け）");
    char *fy = jpdate_fy_label(src->as.fy, false);
    char *sub = xasprintf("%s %s", fy, i18n_get(&c->title, src->english));
    export_doc_set_subtitle(doc, sub);
    free(sub);
    free(fy);
    doc_source_meta(src, doc);

    progress_row total = {0};
    progress_row *rows = xcalloc(c->nnodes + 1, sizeof *rows);
    gap_group *groups = NULL;
    size_t ngroups = 0, capgroups = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind != NODE_ITEM)
            continue;
        const answer *x = doc_source_answer(src, n->id);
        progress_item it = progress_item_of(c, n, x, src->date);
        progress_row_add(&total, it);
        for (const catalog_node *h = n->parent ? catalog_find_node(c, n->parent) : NULL; h;
             h = h->parent ? catalog_find_node(c, h->parent) : NULL)
            progress_row_add(&rows[h - c->nodes], it);
        if (!is_gap(&it))
            continue;
        responsibility r = doc_source_owner(n, x);
        gap_group *g = group_for(&groups, &ngroups, &capgroups, r, vendor_of(src, r, x));
        GROW(g->items, g->cap, g->len + 1);
        g->items[g->len++] = (gap){n, x, it};
        g->overdue += it.overdue;
    }
    if (ngroups > 1)
        qsort(groups, ngroups, sizeof *groups, cmp_group);
    summary_section(doc, src, &total, groups, ngroups);
    gaps_section(doc, src, groups, ngroups);
    na_section(doc, src);
    evidence_section(doc, src);
    progress_section(doc, src, rows);
    for (size_t g = 0; g < ngroups; g++) {
        free(groups[g].label);
        free(groups[g].items);
    }
    free(groups);
    free(rows);
    return doc;
}

const document document_gaps = {
    .name = "gaps",
    .label_ja = "未対応項目報告（経営層向け）",
    .label_en = "Gap report for management",
    .file_stem = "未対応項目報告",
    .kinds = NULL,
    .build = build,
};
