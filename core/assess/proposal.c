/* Crosswalk prefill: answering an item proposes answers for the items it is mapped to (either
 * direction of catalog_map) in other assessments of the same scope and fiscal year. Proposals are
 * stored, never applied silently; accepting one is an ordinary answer change. A `supersedes`
 * mapping links two versions for a carry (carry_map.c) and proposes nothing. */
#include <stdlib.h>

#include "apply.h"
#include "proposal_internal.h"
#include "catalog/lib.h"
#include "history/lib.h"

typedef struct {
    char *cat, *ver, *node, *rel;
} map_target;

/* Stronger relations first, so a target reached by two mappings shows the stronger one. */
static int rel_rank(const char *rel)
{
    static const char *const order[] = {"equal", "subset", "superset", "cites", "intersect", "related"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(order); i++)
        if (str_eq(rel, order[i]))
            return (int)i;
    return (int)AZ_ARRAY_LEN(order);
}

static size_t mapped_targets(store *s, const catalog *c, const char *item, map_target **out)
{
    sqlite3_stmt *st = store_stmt(
        s, "SELECT to_catalog, to_version, to_node, rel FROM catalog_map WHERE from_catalog = ?1 AND from_node = ?2"
           " AND rel <> 'supersedes'"
           " AND (from_version IS NULL OR from_version = ?3)"
           " UNION SELECT from_catalog, from_version, from_node, rel FROM catalog_map WHERE to_catalog = ?1"
           " AND to_node = ?2 AND (to_version IS NULL OR to_version = ?3) AND rel <> 'supersedes'");
    store_bind_text(st, 1, c->id);
    store_bind_text(st, 2, item);
    store_bind_text(st, 3, c->version);
    map_target *list = NULL;
    size_t n = 0, cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        /* Items mapped both ways (a cites b, b equals a) are one target: one proposal, not two. */
        const char *cat = (const char *)sqlite3_column_text(st, 0), *node = (const char *)sqlite3_column_text(st, 2);
        const char *ver = (const char *)sqlite3_column_text(st, 1);
        size_t k = 0;
        while (k < n && !(str_eq(list[k].cat, cat) && str_eq(list[k].node, node)))
            k++;
        if (k < n) {
            if (list[k].ver && !str_eq(list[k].ver, ver))
                xfree(&list[k].ver); /* different versions named: any version */
            const char *rel = (const char *)sqlite3_column_text(st, 3);
            if (rel_rank(rel) < rel_rank(list[k].rel)) {
                free(list[k].rel);
                list[k].rel = xstrdup(rel);
            }
            continue;
        }
        GROW(list, cap, n + 1);
        list[n++] =
            (map_target){store_col_dup(st, 0), store_col_dup(st, 1), store_col_dup(st, 2), store_col_dup(st, 3)};
    }
    store_done(s, st);
    *out = list;
    return n;
}

static void map_targets_free(map_target *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].cat);
        free(list[i].ver);
        free(list[i].node);
        free(list[i].rel);
    }
    free(list);
}

/* The effective value of an item in an assessment (agreed, else hospital, else vendor), or NULL. */
static char *effective_value(store *s, int64_t aid, const char *item)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT value FROM answer WHERE assessment_pk = ? AND item_id = ?"
                                        " AND value IS NOT NULL ORDER BY CASE party WHEN 'agreed' THEN 0"
                                        " WHEN 'hospital' THEN 1 ELSE 2 END LIMIT 1");
    sqlite3_bind_int64(st, 1, aid);
    store_bind_text(st, 2, item);
    char *v = sqlite3_step(st) == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
    store_done(s, st);
    return v;
}

int proposals_generate(store *s, int64_t action, const assessment *a, const catalog *c, const char *item,
                       const char *value, const char *who, status_detail *err)
{
    const answer_def *src = catalog_find_answer(c, value);
    if (!src)
        return 0;
    map_target *targets = NULL;
    size_t nt = mapped_targets(s, c, item, &targets);
    int made = 0;
    status_detail e = {0}; /* from the history writes; else the store's error */
    char now[32];
    clock_now(now);
    for (size_t i = 0; i < nt && made >= 0; i++) {
        sqlite3_stmt *st = store_stmt(
            s, "SELECT pk, catalog_version FROM assessment WHERE catalog_id = ? AND (?2 IS NULL OR catalog_version = ?2)"
               " AND scope = ? AND IFNULL(system_pk, 0) = ? AND fy = ? AND pk <> ?");
        store_bind_text(st, 1, targets[i].cat);
        store_bind_text(st, 2, targets[i].ver);
        store_bind_text(st, 3, a->scope == SCOPE_SYSTEM ? "system" : "org");
        sqlite3_bind_int64(st, 4, a->scope == SCOPE_SYSTEM ? a->system_id : 0);
        sqlite3_bind_int(st, 5, a->fy);
        sqlite3_bind_int64(st, 6, a->id);
        while (made >= 0 && sqlite3_step(st) == SQLITE_ROW) {
            int64_t tid = sqlite3_column_int64(st, 0);
            /* the target's answers and the kind of one node: not its whole catalog */
            const catalog *tc = catalog_db_head(s, targets[i].cat, (const char *)sqlite3_column_text(st, 1));
            node_kind kind = NODE_HEADING;
            bool is_item = tc && catalog_db_node_kind(s, tc, targets[i].node, &kind) && kind == NODE_ITEM;
            const answer_def *pick = NULL;
            for (size_t k = 0; is_item && k < tc->nanswers && !pick; k++)
                if (tc->answers[k].meaning == src->meaning)
                    pick = &tc->answers[k];
            char *cur = pick ? effective_value(s, tid, targets[i].node) : NULL;
            if (pick && !str_eq(cur, pick->value)) {
                /* an open proposal from the same source item is replaced by the new one */
                sqlite3_stmt *q = store_stmt(s, "SELECT pk FROM proposal WHERE assessment_pk = ? AND item_id = ?"
                                                   " AND source_assessment_pk = ? AND source_item = ? AND status = 'open'");
                sqlite3_bind_int64(q, 1, tid);
                store_bind_text(q, 2, targets[i].node);
                sqlite3_bind_int64(q, 3, a->id);
                store_bind_text(q, 4, item);
                int64_t old = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
                store_done(s, q);
                if (old && proposal_apply(s, action, old, "superseded", who, &e) < 0)
                    made = -1;
                q = store_stmt(s, "INSERT INTO proposal(assessment_pk, item_id, value, source_assessment_pk,"
                                     " source_catalog, source_item, source_value, rel, status, created_at, created_by)"
                                     " VALUES(?,?,?,?,?,?,?,?,'open',?,?)");
                sqlite3_bind_int64(q, 1, tid);
                store_bind_text(q, 2, targets[i].node);
                store_bind_text(q, 3, pick->value);
                sqlite3_bind_int64(q, 4, a->id);
                store_bind_text(q, 5, c->id);
                store_bind_text(q, 6, item);
                store_bind_text(q, 7, value);
                store_bind_text(q, 8, targets[i].rel ? targets[i].rel : "related");
                store_bind_text(q, 9, now);
                store_bind_text(q, 10, who);
                bool stored = made >= 0 && sqlite3_step(q) == SQLITE_DONE;
                store_done(s, q);
                /* the new proposal is part of the answer's action, so undoing the answer withdraws it */
                history_target t = {.entity = "proposal",
                                    .entity_id = stored ? sqlite3_last_insert_rowid(store_db(s)) : 0,
                                    .assessment_id = tid,
                                    .item_id = targets[i].node};
                if (stored && history_add(s, action, &t, "status", NULL, "open", &e) > 0)
                    made++;
                else
                    made = -1;
            }
            free(cur);
        }
        store_done(s, st);
    }
    map_targets_free(targets, nt);
    if (made < 0) {
        if (e.code != STATUS_OK && err) {
            status_detail_free(err);
            *err = e;
            e = (status_detail){0};
        } else {
            store_fail(s, err, "proposal");
        }
    }
    status_detail_free(&e);
    return made;
}

status_code assess_proposals(store *s, int64_t aid, bool open_only, proposal **out, size_t *n, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(
        s, "SELECT pk, assessment_pk, item_id, value, source_assessment_pk, source_catalog, source_item, source_value,"
           " rel, status, created_at, created_by, decided_at, decided_by FROM proposal WHERE assessment_pk = ?"
           " AND (?2 = 0 OR status = 'open') ORDER BY pk");
    sqlite3_bind_int64(st, 1, aid);
    sqlite3_bind_int(st, 2, open_only);
    proposal *list = NULL;
    size_t len = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, len + 1);
        proposal *p = &list[len++];
        memset(p, 0, sizeof *p);
        p->id = sqlite3_column_int64(st, 0);
        p->assessment_id = sqlite3_column_int64(st, 1);
        p->item_id = store_col_dup(st, 2);
        p->value = store_col_dup(st, 3);
        p->source_assessment_id = sqlite3_column_int64(st, 4);
        p->source_catalog = store_col_dup(st, 5);
        p->source_item = store_col_dup(st, 6);
        p->source_value = store_col_dup(st, 7);
        p->rel = store_col_dup(st, 8);
        const char *status = (const char *)sqlite3_column_text(st, 9);
        p->status = str_eq(status, "accepted")     ? PROPOSAL_ACCEPTED
                    : str_eq(status, "rejected")   ? PROPOSAL_REJECTED
                    : str_eq(status, "superseded") ? PROPOSAL_SUPERSEDED
                                                   : PROPOSAL_OPEN;
        p->created_at = store_col_dup(st, 10);
        p->created_by = store_col_dup(st, 11);
        p->decided_at = store_col_dup(st, 12);
        p->decided_by = store_col_dup(st, 13);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "proposal");
    sqlite3_finalize(st);
    if (r != STATUS_OK) {
        proposal_list_free(list, len);
        list = NULL;
        len = 0;
    }
    *out = list;
    *n = len;
    return r;
}

void proposal_list_free(proposal *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        proposal *p = &list[i];
        free(p->item_id);
        free(p->value);
        free(p->source_catalog);
        free(p->source_item);
        free(p->source_value);
        free(p->rel);
        free(p->created_at);
        free(p->created_by);
        free(p->decided_at);
        free(p->decided_by);
    }
    free(list);
}

/* Reads an open proposal: its target assessment, item and value. */
static status_code open_proposal(store *s, int64_t pid, int64_t *aid, char **item, char **value, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT assessment_pk, item_id, value, status FROM proposal WHERE pk = ?");
    sqlite3_bind_int64(st, 1, pid);
    status_code r = STATUS_PROPOSAL_NOT_FOUND;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (!str_eq((const char *)sqlite3_column_text(st, 3), "open")) {
            r = status_fail(err, &(status_info){STATUS_PROPOSAL_NOT_OPEN, .id = pid,
                                                .field = (const char *)sqlite3_column_text(st, 3)});
        } else {
            *aid = sqlite3_column_int64(st, 0);
            *item = store_col_dup(st, 1);
            *value = store_col_dup(st, 2);
            r = STATUS_OK;
        }
    } else {
        r = rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_PROPOSAL_NOT_FOUND, .id = pid})
                              : store_fail(s, err, "proposal");
    }
    sqlite3_finalize(st);
    return r;
}

static status_code decide(store *s, int64_t pid, bool accept, const char *who, status_detail *err)
{
    int64_t aid = 0;
    char *item = NULL, *value = NULL;
    status_code r = open_proposal(s, pid, &aid, &item, &value, err);
    if (r != STATUS_OK)
        return r;
    assessment a;
    r = assess_get_row(s, aid, &a, err);
    catalog *c = r == STATUS_OK ? catalog_db_load(s, a.catalog_id, a.catalog_version) : NULL;
    if (r == STATUS_OK && (!c || !catalog_find_answer(c, value))) {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        r = status_fail(err, &(status_info){STATUS_PROPOSAL_VALUE_GONE, .id = pid, .value = value, .entity = label});
        free(label);
    }
    if (r == STATUS_OK && store_begin(s, err) != 0)
        r = status_failed(err);
    if (r == STATUS_OK) {
        int64_t action = history_action(s, who, accept ? "accept" : "reject", aid, 0, err);
        int h = action ? 0 : -1;
        if (h >= 0 && accept) {
            answer_key k = {aid, item, PARTY_HOSPITAL, 0};
            h = answer_apply(s, action, &k, "value", value, who, err);
            if (h > 0 && a.signed_at && !a.changed_since_signoff)
                h = assessment_apply(s, action, aid, "changed_since_signoff", "1", err);
        }
        if (h >= 0)
            h = proposal_apply(s, action, pid, accept ? "accepted" : "rejected", who, err);
        if (h < 0) {
            store_rollback(s);
            r = status_failed(err);
        } else if (store_commit(s, err) != 0) {
            r = status_failed(err);
        }
    }
    if (c)
        catalog_free(c);
    assessment_free(&a);
    free(item);
    free(value);
    return r;
}

status_code assess_proposal_accept(store *s, int64_t pid, const char *who, status_detail *err)
{
    return decide(s, pid, true, who, err);
}

status_code assess_proposal_reject(store *s, int64_t pid, const char *who, status_detail *err)
{
    return decide(s, pid, false, who, err);
}

const char *proposal_status_name(proposal_status st)
{
    static const char *const names[] = {"open", "accepted", "rejected", "superseded"};
    return st <= PROPOSAL_SUPERSEDED ? names[st] : "";
}
