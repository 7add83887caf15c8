/* base/strindex and the lookups built on it: catalog nodes and an assessment's answers by id. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "catalog/lib.h"

Test(strindex, many_keys_first_value_wins_and_missing_keys_are_absent)
{
    enum { N = 5000 };
    char *keys[N];
    strindex ix = {0};
    for (size_t i = 0; i < N; i++) {
        keys[i] = xasprintf("項目-%zu", i);
        strindex_add(&ix, keys[i], i);
    }
    strindex_add(&ix, keys[7], 99999); /* a second add of a key keeps the first value */
    cr_assert_eq(ix.len, N);
    for (size_t i = 0; i < N; i++) {
        size_t v = 0;
        cr_assert(strindex_get(&ix, keys[i], &v), "%s", keys[i]);
        cr_assert_eq(v, i);
    }
    size_t v;
    cr_assert_not(strindex_get(&ix, "項目-5000", &v));
    cr_assert_not(strindex_get(&ix, "", &v));
    cr_assert_not(strindex_get(&ix, NULL, &v));
    strindex_free(&ix);
    for (size_t i = 0; i < N; i++)
        free(keys[i]);
}

static void push_answer(answer_set *set, const char *item, answer_party party, const char *value)
{
    GROW(set->items, set->cap, set->len + 1);
    set->items[set->len++] = (answer){.item_id = xstrdup(item), .party = party, .value = xstrdup(value)};
}

Test(strindex, answer_lookup_indexed_unindexed_and_out_of_order_agree)
{
    answer_set set = {0};
    push_answer(&set, "a", PARTY_HOSPITAL, "yes");
    push_answer(&set, "a", PARTY_VENDOR, "no");
    push_answer(&set, "b", PARTY_HOSPITAL, "no");
    cr_assert_str_eq(answer_set_find(&set, "a", PARTY_VENDOR)->value, "no"); /* not indexed: scan */
    answer_set_index(&set);
    cr_assert_str_eq(answer_set_find(&set, "a", PARTY_VENDOR)->value, "no");
    cr_assert_str_eq(answer_set_find(&set, "b", PARTY_HOSPITAL)->value, "no");
    cr_assert_null(answer_set_find(&set, "b", PARTY_VENDOR));
    cr_assert_null(answer_set_find(&set, "c", PARTY_HOSPITAL));
    /* appended after indexing, and out of the loaded order: still found */
    push_answer(&set, "a", PARTY_AGREED, "partial");
    cr_assert_str_eq(answer_set_find(&set, "a", PARTY_AGREED)->value, "partial");
    answer_set_index(&set);
    cr_assert(set.unordered);
    cr_assert_str_eq(answer_set_find(&set, "a", PARTY_AGREED)->value, "partial");
    cr_assert_str_eq(answer_set_effective(&set, "a")->value, "partial");
    answer_set_free(&set);
}

static int rows_of(const answer_set *set, const char *item)
{
    int n = 0;
    for (const answer *x = answer_set_first(set, item); x; x = answer_set_next(set, x)) {
        cr_assert_str_eq(x->item_id, item);
        n++;
    }
    return n;
}

Test(strindex, every_row_of_an_item_indexed_unindexed_and_out_of_order)
{
    answer_set set = {0};
    push_answer(&set, "a", PARTY_HOSPITAL, "yes");
    push_answer(&set, "a", PARTY_VENDOR, "no");
    push_answer(&set, "b", PARTY_HOSPITAL, "no");
    cr_assert_eq(rows_of(&set, "a"), 2); /* not indexed: scan */
    answer_set_index(&set);
    cr_assert_eq(rows_of(&set, "a"), 2);
    cr_assert_eq(rows_of(&set, "b"), 1);
    cr_assert_eq(rows_of(&set, "c"), 0);
    push_answer(&set, "a", PARTY_AGREED, "partial"); /* after "b": the rows of "a" are no longer together */
    answer_set_index(&set);
    cr_assert_eq(rows_of(&set, "a"), 3);
    cr_assert_eq(rows_of(&set, "b"), 1);
    answer_set_free(&set);
}

Test(strindex, catalog_nodes_found_before_and_after_indexing)
{
    catalog *c = xcalloc(1, sizeof *c);
    for (int i = 0; i < 300; i++) {
        GROW(c->nodes, c->capnodes, c->nnodes + 1);
        c->nodes[c->nnodes++] = (catalog_node){.id = xasprintf("n-%d", i)};
        if (i == 100)
            catalog_index(c);
    }
    cr_assert_str_eq(catalog_find_node(c, "n-50")->id, "n-50");   /* indexed */
    cr_assert_str_eq(catalog_find_node(c, "n-250")->id, "n-250"); /* added since */
    cr_assert_null(catalog_find_node(c, "n-300"));
    catalog_index(c);
    cr_assert_str_eq(catalog_find_node(c, "n-299")->id, "n-299");
    catalog_free(c);
}
