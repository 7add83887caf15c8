#include "progress.h"

#include <stdlib.h>

#include "assess.h"
#include "catalog/lib.h"

int progress_answered_pct(const progress_row *r)
{
    return r->items > 0 ? r->answered * 100 / r->items : 0;
}

int progress_positive_pct(const progress_row *r)
{
    int applicable = r->items - r->na;
    return applicable > 0 ? r->positive * 100 / applicable : 0;
}

void progress_free(progress_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].node_id);
        free(rows[i].ref);
        free(rows[i].title);
    }
    free(rows);
}

progress_item progress_item_from(const catalog *c, responsibility item_resp, const char *value, const char *due,
                                 const char *done, responsibility owner, const char *today_iso)
{
    progress_item it = {.def = value ? catalog_find_answer(c, value) : NULL};
    it.overdue = due && strcmp(due, today_iso) < 0 && str_empty(done) &&
                 !(it.def && (it.def->meaning == MEANING_POSITIVE || it.def->meaning == MEANING_NA));
    it.owner = owner != RESP_NONE ? owner : item_resp;
    if ((int)it.owner < 0 || it.owner >= RESP__COUNT)
        it.owner = RESP_NONE;
    return it;
}

progress_item progress_item_of(const catalog *c, const catalog_node *node, const answer *x, const char *today_iso)
{
    if (!x)
        return progress_item_from(c, node->resp, NULL, NULL, NULL, RESP_NONE, today_iso);
    return progress_item_from(c, node->resp, x->value, x->due, x->done, x->owner, today_iso);
}

void progress_row_add(progress_row *r, progress_item it)
{
    r->items++;
    if (it.def) {
        r->answered++;
        switch (it.def->meaning) {
        case MEANING_POSITIVE:
            r->positive++;
            break;
        case MEANING_PARTIAL:
            r->partial++;
            break;
        case MEANING_NEGATIVE:
            r->negative++;
            break;
        case MEANING_NA:
        case MEANING__COUNT:
            r->na++;
            break;
        }
    }
    r->overdue += it.overdue;
    r->by_owner[it.owner]++;
}

status_code progress_compute(store *s, int64_t aid, jp_date today, int max_depth, bool english, progress_row **out,
                           size_t *n, status_detail *err)
{
    *out = NULL;
    *n = 0;
    assessment a;
    status_code r = assess_get_row(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    answer_set set = {0};
    r = assess_load_answer_values(s, aid, &set, err);
    if (r != STATUS_OK) {
        assessment_free(&a);
        return r;
    }
    const catalog *c = catalog_db_get(s, a.catalog_id, a.catalog_version);
    if (!c) {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = aid});
        free(label);
        assessment_free(&a);
        answer_set_free(&set);
        return STATUS_CATALOG_GONE;
    }
    /* row 0: total; then one row per heading shown, indexed by node position */
    size_t *row_of = xcalloc(c->nnodes, sizeof *row_of); /* 0 = no row */
    progress_row *rows = NULL;
    size_t len = 0, cap = 0;
    GROW(rows, cap, 1);
    memset(&rows[0], 0, sizeof rows[0]);
    rows[0].title = xstrdup(i18n_get(&c->title, english));
    len = 1;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *node = &c->nodes[i];
        if (node->kind != NODE_HEADING || node->depth + 1 > max_depth)
            continue;
        GROW(rows, cap, len + 1);
        memset(&rows[len], 0, sizeof rows[len]);
        rows[len].node_id = xstrdup(node->id);
        rows[len].ref = node->ref ? xstrdup(node->ref) : NULL;
        rows[len].title = xstrdup(i18n_get(&node->title, english));
        rows[len].depth = node->depth + 1;
        row_of[i] = len++;
    }
    char today_iso[11];
    jpdate_format_iso(today, today_iso);
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *node = &c->nodes[i];
        if (node->kind != NODE_ITEM)
            continue;
        progress_item it = progress_item_of(c, node, answer_set_effective(&set, node->id), today_iso);
        progress_row_add(&rows[0], it);
        for (long p = catalog_node_parent(c, i); p >= 0; p = catalog_node_parent(c, (size_t)p))
            if (row_of[p])
                progress_row_add(&rows[row_of[p]], it);
    }
    /* drop headings with nothing below */
    size_t w = 1;
    for (size_t i = 1; i < len; i++) {
        if (rows[i].items == 0) {
            free(rows[i].node_id);
            free(rows[i].ref);
            free(rows[i].title);
        } else {
            rows[w++] = rows[i];
        }
    }
    free(row_of);
    assessment_free(&a);
    answer_set_free(&set);
    *out = rows;
    *n = w;
    return STATUS_OK;
}
