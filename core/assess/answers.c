/* Reading answers: one set per assessment, every party, in catalog order. */
#include "answers.h"

#include <stdlib.h>
#include <string.h>

const char *answer_party_name(answer_party p)
{
    static const char *const names[] = {"hospital", "vendor", "agreed"};
    return p < PARTY__COUNT ? names[p] : "";
}

bool answer_party_parse(const char *s, answer_party *out)
{
    for (int p = 0; p < PARTY__COUNT; p++)
        if (str_eq(s, answer_party_name((answer_party)p))) {
            *out = (answer_party)p;
            return true;
        }
    return false;
}

void answer_evidence_free(answer_evidence *e)
{
    free(e->title);
    free(e->ref);
    free(e->effective);
    free(e->review);
    memset(e, 0, sizeof *e);
}

void answer_free(answer *a)
{
    free(a->item_id);
    free(a->value);
    free(a->checked);
    free(a->due);
    free(a->done);
    free(a->owner_vendor_name);
    free(a->note);
    free(a->reason);
    for (size_t i = 0; i < a->nevidence; i++)
        answer_evidence_free(&a->evidence[i]);
    free(a->evidence);
    free(a->answered_by);
    free(a->updated_at);
    free(a->agreed_with);
    memset(a, 0, sizeof *a);
}

void answer_set_free(answer_set *set)
{
    for (size_t i = 0; i < set->len; i++)
        answer_free(&set->items[i]);
    free(set->items);
    strindex_free(&set->index);
    memset(set, 0, sizeof *set);
}

static evidence_kind kind_of(const char *name)
{
    static const char *const names[] = {"policy", "record", "contract", "report", "config", "other"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(names); i++)
        if (str_eq(name, names[i]))
            return (evidence_kind)i;
    return EVIDENCE_OTHER;
}

/* The row of item, party and vendor in an indexed set, NULL when none. */
static answer *find_row(answer_set *set, const char *item, answer_party party, int64_t pv)
{
    size_t i;
    if (!strindex_get(&set->index, item, &i))
        return NULL;
    for (; i < set->len && str_eq(set->items[i].item_id, item); i++)
        if (set->items[i].party == party && set->items[i].party_vendor_id == pv)
            return &set->items[i];
    return NULL;
}

/* The linked register entries of the answers of the assessment (of one item when item is not
 * NULL), in one query (in link order). The set must be indexed. */
static void load_evidence(store *s, int64_t aid, const char *item_only, answer_set *set)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT l.item_id, l.party, l.party_vendor_pk, e.pk, e.title, e.ref, e.kind,"
                                     " e.effective, e.review, e.archived FROM evidence_link l"
                                     " JOIN evidence e ON e.pk = l.evidence_pk WHERE l.assessment_pk = ?1"
                                     " AND (?2 IS NULL OR l.item_id = ?2)"
                                     " ORDER BY l.item_id, l.party, l.party_vendor_pk, l.seq");
    sqlite3_bind_int64(st, 1, aid);
    store_bind_text(st, 2, item_only);
    answer *last = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *item = (const char *)sqlite3_column_text(st, 0);
        answer_party party;
        if (!answer_party_parse((const char *)sqlite3_column_text(st, 1), &party))
            continue;
        int64_t pv = sqlite3_column_int64(st, 2);
        if (!last || last->party != party || last->party_vendor_id != pv || !str_eq(last->item_id, item))
            last = find_row(set, item, party, pv);
        if (!last)
            continue;
        last->evidence = xrealloc(last->evidence, (last->nevidence + 1) * sizeof *last->evidence);
        answer_evidence *e = &last->evidence[last->nevidence++];
        e->id = sqlite3_column_int64(st, 3);
        e->title = store_col_dup(st, 4);
        e->ref = store_col_dup(st, 5);
        e->kind = kind_of((const char *)sqlite3_column_text(st, 6));
        e->effective = store_col_dup(st, 7);
        e->review = store_col_dup(st, 8);
        e->archived = sqlite3_column_int(st, 9) != 0;
    }
    store_done(s, st);
}

#define ANSWER_COLUMNS                                                                                           \
    "SELECT x.item_id, x.party, x.party_vendor_pk, x.value, x.checked, x.due, x.done, x.owner,"                  \
    " IFNULL(x.owner_vendor_pk, 0), v.name, x.note, x.answered_by, x.updated_at, x.agreed_with, x.reason"

static void read_answer(sqlite3_stmt *st, answer *x)
{
    memset(x, 0, sizeof *x);
    x->item_id = store_col_dup(st, 0);
    answer_party_parse((const char *)sqlite3_column_text(st, 1), &x->party);
    x->party_vendor_id = sqlite3_column_int64(st, 2);
    x->value = store_col_dup(st, 3);
    x->checked = store_col_dup(st, 4);
    x->due = store_col_dup(st, 5);
    x->done = store_col_dup(st, 6);
    const char *o = (const char *)sqlite3_column_text(st, 7);
    if (!o || !responsibility_parse(o, &x->owner))
        x->owner = RESP_NONE;
    x->owner_vendor_id = sqlite3_column_int64(st, 8);
    x->owner_vendor_name = store_col_dup(st, 9);
    x->note = store_col_dup(st, 10);
    x->answered_by = store_col_dup(st, 11);
    x->updated_at = store_col_dup(st, 12);
    x->agreed_with = store_col_dup(st, 13);
    x->reason = store_col_dup(st, 14);
}

status_code assess_load_answers(store *s, int64_t aid, answer_set *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM assessment WHERE pk = ?");
    sqlite3_bind_int64(st, 1, aid);
    int rc = sqlite3_step(st);
    status_code r = rc == SQLITE_ROW    ? STATUS_OK
                    : rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_ASSESSMENT_NOT_FOUND, .id = aid})
                                        : store_fail(s, err, "answer");
    store_done(s, st);
    if (r != STATUS_OK)
        return r;
    st = store_stmt(s, ANSWER_COLUMNS " FROM answer x JOIN assessment a ON a.pk = x.assessment_pk"
                       " LEFT JOIN catalog c ON c.id = a.catalog_id AND c.version = a.catalog_version"
                       " LEFT JOIN catalog_node n ON n.catalog_pk = c.pk AND n.id = x.item_id"
                       " LEFT JOIN vendor v ON v.pk = x.owner_vendor_pk"
                       " WHERE x.assessment_pk = ? ORDER BY IFNULL(n.seq, 1 << 30), x.item_id,"
                       " CASE x.party WHEN 'hospital' THEN 0 WHEN 'vendor' THEN 1 ELSE 2 END, x.party_vendor_pk");
    sqlite3_bind_int64(st, 1, aid);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(out->items, out->cap, out->len + 1);
        read_answer(st, &out->items[out->len++]);
    }
    if (rc != SQLITE_DONE) {
        r = store_fail(s, err, "answer");
        store_done(s, st);
        answer_set_free(out);
        return r;
    }
    store_done(s, st);
    answer_set_index(out);
    load_evidence(s, aid, NULL, out);
    return STATUS_OK;
}

status_code assess_load_answer_values(store *s, int64_t aid, answer_set *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    /* the primary key's order: one index walk, no sort, no join with the catalog's nodes */
    sqlite3_stmt *q = store_stmt(s, "SELECT item_id, party, party_vendor_pk, value, due, done, owner FROM answer"
                                    " WHERE assessment_pk = ? ORDER BY item_id, party, party_vendor_pk");
    sqlite3_bind_int64(q, 1, aid);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        GROW(out->items, out->cap, out->len + 1);
        answer *x = &out->items[out->len++];
        memset(x, 0, sizeof *x);
        x->item_id = store_col_dup(q, 0);
        answer_party_parse((const char *)sqlite3_column_text(q, 1), &x->party);
        x->party_vendor_id = sqlite3_column_int64(q, 2);
        x->value = store_col_dup(q, 3);
        x->due = store_col_dup(q, 4);
        x->done = store_col_dup(q, 5);
        const char *o = (const char *)sqlite3_column_text(q, 6);
        if (!o || !responsibility_parse(o, &x->owner))
            x->owner = RESP_NONE;
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "answer");
    store_done(s, q);
    if (r != STATUS_OK) {
        answer_set_free(out);
        return r;
    }
    answer_set_index(out);
    return STATUS_OK;
}

void answer_set_index(answer_set *set)
{
    for (; set->indexed < set->len; set->indexed++) {
        size_t i = set->indexed, first;
        const char *id = set->items[i].item_id;
        if (!strindex_get(&set->index, id, &first))
            strindex_add(&set->index, id, i);
        else if (!str_eq(set->items[i - 1].item_id, id))
            set->unordered = true;
    }
}

static bool answer_set_is_indexed(const answer_set *set)
{
    return !set->unordered && set->indexed == set->len;
}

const answer *answer_set_first(const answer_set *set, const char *item_id)
{
    size_t i = 0;
    if (answer_set_is_indexed(set)) /* the item's first row, or none */
        return strindex_get(&set->index, item_id, &i) ? &set->items[i] : NULL;
    for (; i < set->len; i++)
        if (str_eq(set->items[i].item_id, item_id))
            return &set->items[i];
    return NULL;
}

const answer *answer_set_next(const answer_set *set, const answer *x)
{
    for (size_t i = (size_t)(x - set->items) + 1; i < set->len; i++) {
        if (str_eq(set->items[i].item_id, x->item_id))
            return &set->items[i];
        if (answer_set_is_indexed(set)) /* an item's rows are contiguous */
            return NULL;
    }
    return NULL;
}

const answer *answer_set_find(const answer_set *set, const char *item_id, answer_party party)
{
    for (const answer *x = answer_set_first(set, item_id); x; x = answer_set_next(set, x))
        if (x->party == party)
            return x;
    return NULL;
}

status_code assess_reload_item(store *s, int64_t aid, const char *item_id, answer_set *set, bool *moved,
                               status_detail *err)
{
    *moved = false;
    answer_set fresh = {0};
    sqlite3_stmt *st = store_stmt(s, ANSWER_COLUMNS " FROM answer x LEFT JOIN vendor v ON v.pk = x.owner_vendor_pk"
                                                   " WHERE x.assessment_pk = ? AND x.item_id = ?"
                                                   " ORDER BY CASE x.party WHEN 'hospital' THEN 0 WHEN 'vendor' THEN 1"
                                                   " ELSE 2 END, x.party_vendor_pk");
    sqlite3_bind_int64(st, 1, aid);
    store_bind_text(st, 2, item_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(fresh.items, fresh.cap, fresh.len + 1);
        read_answer(st, &fresh.items[fresh.len++]);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "answer");
    store_done(s, st);
    if (r != STATUS_OK) {
        answer_set_free(&fresh);
        return r;
    }
    answer_set_index(&fresh);
    load_evidence(s, aid, item_id, &fresh);
    /* the item's rows in the set: contiguous from its first row when indexed and ordered */
    size_t first = 0, k = 0;
    bool ordered = !set->unordered && set->indexed == set->len;
    if (ordered && strindex_get(&set->index, item_id, &first))
        while (first + k < set->len && str_eq(set->items[first + k].item_id, item_id))
            k++;
    if (ordered && k == fresh.len && k > 0) { /* the same rows: replaced in place, pointers stay */
        for (size_t i = 0; i < k; i++) {
            answer *x = &set->items[first + i];
            char *key = x->item_id; /* the index borrows the old string: it stays */
            x->item_id = NULL;
            answer_free(x);
            *x = fresh.items[i];
            free(x->item_id);
            x->item_id = key;
        }
    } else { /* rows came or went: the old ones out, the new ones at the end, indexed again */
        size_t w = 0;
        for (size_t i = 0; i < set->len; i++) {
            if (str_eq(set->items[i].item_id, item_id))
                answer_free(&set->items[i]);
            else
                set->items[w++] = set->items[i];
        }
        set->len = w;
        GROW(set->items, set->cap, set->len + fresh.len);
        for (size_t i = 0; i < fresh.len; i++)
            set->items[set->len++] = fresh.items[i];
        strindex_free(&set->index);
        set->indexed = 0;
        set->unordered = false;
        answer_set_index(set);
        *moved = true;
    }
    free(fresh.items);
    strindex_free(&fresh.index);
    return STATUS_OK;
}

bool answer_reason_missing(const catalog *c, const answer *x)
{
    const answer_def *d = x && !str_empty(x->value) ? catalog_find_answer(c, x->value) : NULL;
    return d && d->needs_reason && str_empty(x->reason);
}

const answer *answer_set_effective(const answer_set *set, const char *item_id)
{
    static const answer_party order[] = {PARTY_AGREED, PARTY_HOSPITAL, PARTY_VENDOR};
    const answer *any = NULL;
    for (size_t k = 0; k < AZ_ARRAY_LEN(order); k++) {
        const answer *a = answer_set_find(set, item_id, order[k]);
        if (a && !str_empty(a->value))
            return a;
        if (a && !any)
            any = a;
    }
    return any;
}
