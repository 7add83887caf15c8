#include "open_items.h"

#include <stdlib.h>

#include "base/lib.h"

void contract_links_free(contract_links *l)
{
    for (size_t i = 0; i < l->len; i++) {
        assessment_free(&l->items[i].as);
        if (l->items[i].cat) {
            catalog_free(l->items[i].cat);
        }
        answer_set_free(&l->items[i].answers);
    }
    free(l->items);
    *l = (contract_links){0};
}

/* assess_list_rows orders by fiscal year descending: the first row of a catalog is its newest. */
static bool seen_catalog(const contract_links *l, size_t from, const char *catalog_id)
{
    for (size_t i = from; i < l->len; i++)
        if (str_eq(l->items[i].as.catalog_id, catalog_id))
            return true;
    return false;
}

status_code contract_links_load(store *s, const contract *c, contract_links *out, status_detail *err)
{
    *out = (contract_links){0};
    size_t cap = 0;
    for (size_t i = 0; i < c->nsystems; i++) {
        assess_filter f = {.system_id = c->system_ids[i]};
        assessment *rows;
        size_t n = 0;
        status_code lr = assess_list_rows(s, &f, &rows, &n, err);
        if (lr != STATUS_OK) {
            contract_links_free(out);
            return lr;
        }
        size_t first = out->len;
        for (size_t k = 0; k < n; k++) {
            if (seen_catalog(out, first, rows[k].catalog_id))
                continue;
            catalog *cat = catalog_db_load(s, rows[k].catalog_id, rows[k].catalog_version);
            if (!cat)
                continue; /* its catalog was removed: nothing to list from it */
            GROW(out->items, cap, out->len + 1);
            contract_link *lk = &out->items[out->len++];
            *lk = (contract_link){.as = rows[k], .cat = cat};
            rows[k] = (assessment){0};
            status_code r = assess_load_answers(s, lk->as.id, &lk->answers, err);
            if (r != STATUS_OK) {
                assessment_list_free(rows, n);
                contract_links_free(out);
                return r;
            }
        }
        assessment_list_free(rows, n);
    }
    return STATUS_OK;
}

size_t contract_open_items(const contract_links *l, contract_open_item **out)
{
    contract_open_item *items = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < l->len; i++) {
        const contract_link *lk = &l->items[i];
        for (size_t k = 0; k < lk->cat->nnodes; k++) {
            const catalog_node *node = &lk->cat->nodes[k];
            if (node->kind != NODE_ITEM)
                continue;
            const answer *a = answer_set_effective(&lk->answers, node->id);
            const answer_def *d = a && a->value ? catalog_find_answer(lk->cat, a->value) : NULL;
            if (d && d->meaning != MEANING_NEGATIVE && d->meaning != MEANING_PARTIAL)
                continue;
            GROW(items, cap, n + 1);
            items[n++] = (contract_open_item){.link = lk, .node = node, .ans = d ? a : NULL, .def = d};
        }
    }
    *out = items;
    return n;
}
