/* The plan of a carry: old item -> new item(s), through a declared `supersedes` mapping or the
 * same node id, and what cannot be carried (carry_map.h). */
#include "carry_map.h"

#include <stdlib.h>

typedef struct {
    const char *item;   /* old item id (borrowed from the catalog) */
    strlist targets;    /* new item ids */
    bool crosswalk;
} old_entry;

static bool has_rows(const answer_set *set, const char *item)
{
    for (int p = 0; p < PARTY__COUNT; p++)
        if (answer_set_find(set, item, (answer_party)p))
            return true;
    return false;
}

/* The new items declared to supersede `item` of `from` (items of `to` only). */
static status_code declared_targets(store *s, const catalog *from, const catalog *to, const char *item,
                                    strlist *out, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT from_node FROM catalog_map WHERE rel = 'supersedes'"
                                     " AND to_catalog = ?1 AND to_node = ?2 AND (to_version IS NULL OR to_version = ?3)"
                                     " AND from_catalog = ?4 AND (from_version IS NULL OR from_version = ?5)"
                                     " ORDER BY seq");
    store_bind_text(st, 1, from->id);
    store_bind_text(st, 2, item);
    store_bind_text(st, 3, from->version);
    store_bind_text(st, 4, to->id);
    store_bind_text(st, 5, to->version);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *node = (const char *)sqlite3_column_text(st, 0);
        const catalog_node *n = catalog_find_node(to, node);
        if (n && n->kind == NODE_ITEM && !sl_contains(out, node))
            sl_push(out, node);
    }
    if (rc != SQLITE_DONE) {
        status_code r = store_fail(s, err, "catalog_map");
        store_done(s, st);
        return r;
    }
    store_done(s, st);
    return STATUS_OK;
}

static bool text_same(const char *a, const char *b)
{
    return str_eq(a ? a : "", b ? b : "");
}

/* The same register entries linked, in the same order. */
static bool evidence_same(const answer *a, const answer *b)
{
    if (a->nevidence != b->nevidence)
        return false;
    for (size_t i = 0; i < a->nevidence; i++)
        if (a->evidence[i].id != b->evidence[i].id)
            return false;
    return true;
}

/* Would carrying x and y onto one item copy the same thing? */
static bool answer_same(const answer *x, const answer *y, unsigned flags)
{
    if (!x || !y)
        return x == y;
    if ((flags & CARRY_KEEP_VALUES) && (!text_same(x->value, y->value) || !text_same(x->reason, y->reason)))
        return false;
    if ((flags & CARRY_KEEP_DATES) &&
        (!text_same(x->checked, y->checked) || !text_same(x->due, y->due) || !text_same(x->done, y->done)))
        return false;
    return x->owner == y->owner && x->owner_vendor_id == y->owner_vendor_id && x->party_vendor_id == y->party_vendor_id &&
           text_same(x->note, y->note) && evidence_same(x, y);
}

static bool items_same(const answer_set *set, const char *a, const char *b, unsigned flags)
{
    for (int p = 0; p < PARTY__COUNT; p++)
        if (!answer_same(answer_set_find(set, a, (answer_party)p), answer_set_find(set, b, (answer_party)p), flags))
            return false;
    return true;
}

/* Do the old items mapped onto `target` (other than entry k) disagree with entry k? */
static bool merge_differs(const old_entry *e, size_t n, size_t k, const char *target, const answer_set *set,
                          unsigned flags)
{
    for (size_t j = 0; j < n; j++)
        if (j != k && sl_contains(&e[j].targets, target) && !items_same(set, e[k].item, e[j].item, flags))
            return true;
    return false;
}

static void i18n_copy(i18n_text *dst, const i18n_text *src)
{
    dst->ja = src->ja ? xstrdup(src->ja) : NULL;
    dst->en = src->en ? xstrdup(src->en) : NULL;
}

static void add_skip(carry_plan *p, size_t *cap, const catalog_node *old, carry_skip_reason why,
                     const catalog_node *into)
{
    GROW(p->skipped, *cap, p->nskipped + 1);
    carry_skip *k = &p->skipped[p->nskipped++];
    *k = (carry_skip){.item_id = xstrdup(old->id), .ref = old->ref ? xstrdup(old->ref) : NULL, .why = why};
    i18n_copy(&k->title, old->title.ja ? &old->title : &old->text);
    if (into) {
        k->into = xstrdup(into->id);
        k->into_ref = into->ref ? xstrdup(into->ref) : NULL;
    }
}

status_code carry_plan_build(store *s, const catalog *from, const catalog *to, const answer_set *answers,
                             unsigned flags, carry_plan *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    old_entry *e = xcalloc(from->nnodes ? from->nnodes : 1, sizeof *e);
    size_t n = 0;
    status_code r = STATUS_OK;
    for (size_t i = 0; i < from->nnodes && r == STATUS_OK; i++) {
        const catalog_node *node = &from->nodes[i];
        if (node->kind != NODE_ITEM || !has_rows(answers, node->id))
            continue;
        old_entry *x = &e[n++];
        x->item = node->id;
        r = declared_targets(s, from, to, node->id, &x->targets, err);
        x->crosswalk = x->targets.len > 0;
        const catalog_node *same = catalog_find_node(to, node->id);
        if (r == STATUS_OK && !x->crosswalk && same && same->kind == NODE_ITEM)
            sl_push(&x->targets, node->id);
    }
    size_t cappairs = 0, capskip = 0;
    for (size_t k = 0; k < n && r == STATUS_OK; k++) {
        const catalog_node *old = catalog_find_node(from, e[k].item);
        if (e[k].targets.len == 0)
            add_skip(out, &capskip, old, CARRY_SKIP_UNMAPPED, NULL);
        for (size_t t = 0; t < e[k].targets.len; t++) {
            const char *target = e[k].targets.items[t];
            if (merge_differs(e, n, k, target, answers, flags)) {
                add_skip(out, &capskip, old, CARRY_SKIP_MERGE_DIFFERS, catalog_find_node(to, target));
                continue;
            }
            GROW(out->pairs, cappairs, out->npairs + 1);
            out->pairs[out->npairs++] =
                (carry_pair){.from_item = xstrdup(e[k].item), .to_item = xstrdup(target), .crosswalk = e[k].crosswalk};
        }
    }
    for (size_t k = 0; k < n; k++)
        sl_free(&e[k].targets);
    free(e);
    if (r != STATUS_OK)
        carry_plan_free(out);
    return r;
}

void carry_plan_free(carry_plan *p)
{
    for (size_t i = 0; i < p->npairs; i++) {
        free(p->pairs[i].from_item);
        free(p->pairs[i].to_item);
    }
    for (size_t i = 0; i < p->nskipped; i++) {
        carry_skip *k = &p->skipped[i];
        free(k->item_id);
        free(k->ref);
        free(k->title.ja);
        free(k->title.en);
        free(k->into);
        free(k->into_ref);
    }
    free(p->pairs);
    free(p->skipped);
    memset(p, 0, sizeof *p);
}

static bool target_listed(const carry_target *l, size_t n, const char *id, const char *ver)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(l[i].catalog_id, id) && (str_eq(l[i].version, ver) || (!l[i].version && !ver)))
            return true;
    return false;
}

status_code carry_targets(store *s, const char *catalog_id, const char *version, carry_target **out, size_t *n,
                          status_detail *err)
{
    *out = NULL;
    *n = 0;
    catalog_info *cats = NULL;
    size_t ncats = 0, cap = 0;
    status_code r = catalog_db_list(s, &cats, &ncats, err);
    if (r != STATUS_OK)
        return r;
    sqlite3_stmt *st = store_stmt(s, "SELECT DISTINCT from_catalog, from_version FROM catalog_map"
                                     " WHERE rel = 'supersedes' AND to_catalog = ?1 AND (to_version IS NULL OR to_version = ?2)");
    store_bind_text(st, 1, catalog_id);
    store_bind_text(st, 2, version);
    strlist declared = {0}; /* "id\tversion" */
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 1);
        sl_push_owned(&declared, xasprintf("%s\t%s", sqlite3_column_text(st, 0), v ? v : ""));
    }
    if (rc != SQLITE_DONE)
        r = store_fail(s, err, "catalog_map");
    store_done(s, st);
    for (size_t k = 0; k < 2 * ncats && r == STATUS_OK; k++) { /* the same id first, then successors */
        const catalog_info *c = &cats[k % ncats];
        if ((k < ncats) != str_eq(c->id, catalog_id))
            continue;
        if (c->items == 0 || (str_eq(c->id, catalog_id) && str_eq(c->version, version)))
            continue;
        char *key = xasprintf("%s\t%s", c->id, c->version);
        char *any = xasprintf("%s\t", c->id);
        bool crosswalk = sl_contains(&declared, key) || sl_contains(&declared, any);
        free(key);
        free(any);
        if (!str_eq(c->id, catalog_id) && !crosswalk)
            continue;
        if (target_listed(*out, *n, c->id, c->version))
            continue;
        GROW(*out, cap, *n + 1);
        (*out)[(*n)++] = (carry_target){xstrdup(c->id), xstrdup(c->version), crosswalk};
    }
    sl_free(&declared);
    catalog_info_free(cats, ncats);
    if (r != STATUS_OK) {
        carry_target_list_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return r;
}

void carry_target_list_free(carry_target *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].catalog_id);
        free(list[i].version);
    }
    free(list);
}
