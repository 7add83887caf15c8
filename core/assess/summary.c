#include "summary.h"

#include <stdlib.h>

#include "catalog/lib.h"
#include "text/lib.h"

static responsibility resp_of(const unsigned char *text)
{
    responsibility r;
    return text && responsibility_parse((const char *)text, &r) ? r : RESP_NONE;
}

/* The catalog's items (kept in the cache), or NULL when it is not in the database. */
static const summary_counts *catalog_counts(summary_cache *cache, store *s, const char *id, const char *version)
{
    for (size_t i = 0; i < cache->len; i++)
        if (str_eq(cache->items[i]->id, id) && str_eq(cache->items[i]->version, version))
            return cache->items[i];
    if (!catalog_db_head(s, id, version))
        return NULL;
    summary_counts k = {.id = xstrdup(id), .version = xstrdup(version)};
    size_t cap = 0, capr = 0;
    /* the primary key's order (catalog_pk, id): byte order of the ids, no sort */
    sqlite3_stmt *q = store_stmt(s, "SELECT n.id, n.responsibility FROM catalog c JOIN catalog_node n"
                                    " ON n.catalog_pk = c.pk WHERE c.id = ?1 AND c.version = ?2 AND n.kind = 'item'"
                                    " ORDER BY n.id");
    store_bind_text(q, 1, id);
    store_bind_text(q, 2, version);
    while (sqlite3_step(q) == SQLITE_ROW) {
        GROW(k.item_ids, cap, (size_t)k.items + 1);
        GROW(k.item_resp, capr, (size_t)k.items + 1);
        k.item_ids[k.items] = store_col_dup(q, 0);
        k.item_resp[k.items] = resp_of(sqlite3_column_text(q, 1));
        k.by_resp[k.item_resp[k.items]]++;
        k.items++;
    }
    store_done(s, q);
    GROW(cache->items, cache->cap, cache->len + 1);
    summary_counts *kept = xmalloc(sizeof *kept); /* its own block: handed-out pointers stay valid */
    *kept = k;
    cache->items[cache->len++] = kept;
    return kept;
}

void summary_cache_free(summary_cache *cache)
{
    for (size_t i = 0; i < cache->len; i++) {
        summary_counts *k = cache->items[i];
        for (int j = 0; j < k->items; j++)
            free(k->item_ids[j]);
        free(k->item_ids);
        free(k->item_resp);
        free(k->id);
        free(k->version);
        free(k);
    }
    free(cache->items);
    memset(cache, 0, sizeof *cache);
}

status_code summary_assess_rows(store *s, assessment **out, size_t *n, status_detail *err)
{
    return assess_list_rows(s, NULL, out, n, err);
}

/* One assessment's count while its answers stream by. */
typedef struct {
    assessment *a;
    const catalog *head;       /* its answer set (catalog_db_head) */
    const summary_counts *cat; /* its items */
    progress_row total;        /* the items that have answer rows */
    int row_resp[RESP__COUNT]; /* their default parties */
} summary_acc;

/* The unanswered items (no rows at all) count with their default party, as progress_item_of does
 * for no answer; then the fields. */
static void acc_finish(summary_acc *x, int *by_owner)
{
    progress_row *t = &x->total;
    t->items = x->cat->items;
    for (int r = 0; r < RESP__COUNT; r++)
        t->by_owner[r] += x->cat->by_resp[r] - x->row_resp[r];
    x->a->items = t->items;
    x->a->answered = t->answered;
    x->a->positive = t->positive;
    x->a->not_applicable = t->na;
    x->a->overdue = t->overdue;
    if (by_owner)
        for (int r = 0; r < RESP__COUNT; r++)
            by_owner[r] = t->by_owner[r];
}

/* The position of item `id` among the catalog's sorted items, moving *pos forward only (the
 * answers come in the same order); -1 when the catalog has no such item. */
static int item_at(const summary_counts *k, int *pos, const char *id)
{
    while (*pos < k->items && strcmp(k->item_ids[*pos], id) < 0)
        ++*pos;
    return *pos < k->items && strcmp(k->item_ids[*pos], id) == 0 ? *pos : -1;
}

void summary_compute_rows(store *s, summary_cache *cache, assessment *const *rows, size_t n, jp_date today,
                          int (*by_owner)[RESP__COUNT])
{
    summary_acc *acc = xcalloc(n ? n : 1, sizeof *acc);
    strbuf ids = {0};
    sb_addc(&ids, '[');
    for (size_t i = 0; i < n; i++) {
        acc[i].a = rows[i];
        acc[i].cat = catalog_counts(cache, s, rows[i]->catalog_id, rows[i]->catalog_version);
        acc[i].head = acc[i].cat ? catalog_db_head(s, rows[i]->catalog_id, rows[i]->catalog_version) : NULL;
        if (acc[i].head)
            sb_addf(&ids, "%s%lld", ids.len > 1 ? "," : "", (long long)rows[i]->id);
    }
    sb_addc(&ids, ']');
    char today_iso[11];
    jpdate_format_iso(today, today_iso);
    /* Key order: an assessment's items in byte order, each item's rows by party (agreed,
     * hospital, vendor: answer_set_effective's order), then vendor. */
    sqlite3_stmt *q = store_stmt(s, "SELECT assessment_pk, item_id, party, value, due, done, owner FROM answer"
                                    " WHERE assessment_pk IN (SELECT value FROM json_each(?1))"
                                    " ORDER BY assessment_pk, item_id, party, party_vendor_pk");
    store_bind_text(q, 1, sb_str(&ids));
    summary_acc *cur = NULL;
    int pos = 0, item = -1;              /* the catalog position of the current item */
    answer_party party = PARTY_HOSPITAL; /* of the previous row of that item */
    progress_item pick = {0}, any = {0};
    bool picked = false, have_any = false;
    for (int rc = sqlite3_step(q);; rc = sqlite3_step(q)) {
        int64_t aid = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
        if (rc != SQLITE_ROW || !cur || cur->a->id != aid) {
            if (cur && (picked || have_any)) /* the last item of the previous assessment */
                progress_row_add(&cur->total, picked ? pick : any);
            if (rc != SQLITE_ROW)
                break;
            cur = NULL;
            for (size_t i = 0; i < n && !cur; i++)
                if (acc[i].a->id == aid && acc[i].head)
                    cur = &acc[i];
            pos = 0;
            item = -1;
            picked = have_any = false;
            if (!cur)
                continue;
        }
        int at = item_at(cur->cat, &pos, (const char *)sqlite3_column_text(q, 1));
        if (at < 0)
            continue; /* not an item of the catalog (a heading, a removed one): not counted */
        answer_party pt = PARTY_HOSPITAL;
        answer_party_parse((const char *)sqlite3_column_text(q, 2), &pt);
        if (at != item) {
            if (picked || have_any) /* the previous item, by answer_set_effective's rule */
                progress_row_add(&cur->total, picked ? pick : any);
            item = at;
            picked = have_any = false;
            cur->row_resp[cur->cat->item_resp[at]]++;
        } else if (pt == party) {
            continue; /* another vendor's row of the same party: only the first counts */
        }
        party = pt;
        if (picked)
            continue;
        const char *value = (const char *)sqlite3_column_text(q, 3);
        progress_item x = progress_item_from(cur->head, cur->cat->item_resp[at], value,
                                             (const char *)sqlite3_column_text(q, 4),
                                             (const char *)sqlite3_column_text(q, 5),
                                             resp_of(sqlite3_column_text(q, 6)), today_iso);
        if (!str_empty(value)) {
            pick = x;
            picked = true;
        } else if (!have_any) {
            any = x;
            have_any = true;
        }
    }
    store_done(s, q);
    sb_free(&ids);
    for (size_t i = 0; i < n; i++)
        if (acc[i].head)
            acc_finish(&acc[i], by_owner ? by_owner[i] : NULL);
    free(acc);
}

bool summary_compute(store *s, summary_cache *cache, assessment *a, jp_date today, int *by_owner)
{
    if (!catalog_counts(cache, s, a->catalog_id, a->catalog_version))
        return false;
    int owners[1][RESP__COUNT];
    summary_compute_rows(s, cache, &a, 1, today, owners);
    if (by_owner)
        for (int r = 0; r < RESP__COUNT; r++)
            by_owner[r] = owners[0][r];
    return true;
}
