#include "summary.h"

#include <stdlib.h>

#include "catalog/lib.h"
#include "text/lib.h"

const catalog *summary_catalog(summary_cache *cache, store *s, const char *id, const char *version)
{
    for (size_t i = 0; i < cache->len; i++)
        if (str_eq(cache->items[i]->id, id) && str_eq(cache->items[i]->version, version))
            return cache->items[i];
    catalog *c = catalog_db_load_outline(s, id, version); /* counting needs no texts */
    if (!c)
        return NULL;
    GROW(cache->items, cache->cap, cache->len + 1);
    cache->items[cache->len++] = c;
    return c;
}

void summary_cache_free(summary_cache *cache)
{
    for (size_t i = 0; i < cache->len; i++)
        catalog_free(cache->items[i]);
    free(cache->items);
    memset(cache, 0, sizeof *cache);
}

status_code summary_assess_rows(store *s, assessment **out, size_t *n, status_detail *err)
{
    return assess_list_rows(s, NULL, out, n, err);
}

bool summary_compute(store *s, summary_cache *cache, assessment *a, jp_date today, int *by_owner)
{
    const catalog *c = summary_catalog(cache, s, a->catalog_id, a->catalog_version);
    if (!c)
        return false;
    /* Only what the summary needs (no notes, no evidence), in key order; indexed. */
    answer_set set = {0};
    if (assess_load_answer_values(s, a->id, &set, NULL) != STATUS_OK)
        return false;
    char today_iso[11];
    jpdate_format_iso(today, today_iso);
    progress_row total = {0};
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *node = &c->nodes[i];
        if (node->kind == NODE_ITEM)
            progress_row_add(&total, progress_item_of(c, node, answer_set_effective(&set, node->id), today_iso));
    }
    a->items = total.items;
    a->answered = total.answered;
    a->positive = total.positive;
    a->not_applicable = total.na;
    a->overdue = total.overdue;
    if (by_owner)
        for (int i = 0; i < RESP__COUNT; i++)
            by_owner[i] = total.by_owner[i];
    answer_set_free(&set);
    return true;
}
