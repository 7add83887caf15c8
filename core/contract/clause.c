#include "clause.h"

#include <stdlib.h>
#include <strings.h>

#include "base/lib.h"
#include "history/lib.h"

const char *contract_decision_name(contract_decision d)
{
    return d == CLAUSE_INCLUDE ? "include" : d == CLAUSE_EXCLUDE ? "exclude" : "";
}

static void clause_free(contract_clause *cl)
{
    free(cl->reason);
    free(cl->decided_by);
    free(cl->decided_at);
}

void contract_clause_list_free(contract_clause_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        clause_free(&l->items[i]);
    free(l->items);
    if (l->cat) {
        catalog_free(l->cat);
    }
    contract_facts_free(&l->facts);
    *l = (contract_clause_list){0};
}

static void propose(contract_clause *cl, const contract_facts *facts)
{
    for (size_t t = 0; t < cl->node->triggers.len; t++) {
        contract_fact_id id = contract_fact_parse(cl->node->triggers.items[t]);
        if (id < FACT__COUNT && facts->f[id].value == TRI_YES)
            cl->met[cl->nmet++] = id;
    }
    cl->proposed = cl->nmet > 0;
}

static status_code read_decisions(store *s, int64_t contract_id, contract_clause_list *l, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT clause_id, decision, reason, decided_by, decided_at FROM contract_clause"
                                        " WHERE contract_pk = ?");
    sqlite3_bind_int64(st, 1, contract_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        for (size_t i = 0; i < l->len; i++) {
            contract_clause *cl = &l->items[i];
            if (!str_eq(cl->node->id, id))
                continue;
            cl->decision = str_eq((const char *)sqlite3_column_text(st, 1), "include") ? CLAUSE_INCLUDE : CLAUSE_EXCLUDE;
            cl->reason = store_col_dup(st, 2);
            cl->decided_by = store_col_dup(st, 3);
            cl->decided_at = store_col_dup(st, 4);
        }
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "contract");
    sqlite3_finalize(st);
    return r;
}

status_code contract_clauses(store *s, const contract *c, contract_clause_list *out, status_detail *err)
{
    *out = (contract_clause_list){0};
    out->cat = catalog_db_load(s, c->clause_catalog, c->clause_version);
    if (!out->cat) {
        char *name = xasprintf("%s@%s", c->clause_catalog, c->clause_version);
        status_code r = status_fail(err, &(status_info){STATUS_CLAUSES_GONE, .entity = name, .id = c->id});
        free(name);
        return r;
    }
    status_code r = contract_facts_compute(s, c, &out->facts, err);
    if (r != STATUS_OK) {
        contract_clause_list_free(out);
        return r;
    }
    out->items = xcalloc(out->cat->nnodes ? out->cat->nnodes : 1, sizeof *out->items);
    for (size_t i = 0; i < out->cat->nnodes; i++) {
        const catalog_node *n = &out->cat->nodes[i];
        if (n->kind != NODE_ITEM)
            continue;
        contract_clause *cl = &out->items[out->len++];
        cl->node = n;
        propose(cl, &out->facts);
    }
    if ((r = read_decisions(s, c->id, out, err)) != STATUS_OK) {
        contract_clause_list_free(out);
        return r;
    }
    int article = 0;
    for (size_t i = 0; i < out->len; i++) {
        contract_clause *cl = &out->items[i];
        cl->included = cl->decision == CLAUSE_INCLUDE || (cl->proposed && cl->decision != CLAUSE_EXCLUDE);
        cl->article = cl->included ? ++article : 0;
    }
    return STATUS_OK;
}

const contract_clause *contract_clause_find(const contract_clause_list *l, const char *key)
{
    if (!key)
        return NULL;
    for (size_t i = 0; i < l->len; i++) {
        const catalog_node *n = l->items[i].node;
        if (strcasecmp(n->id, key) == 0 || (n->ref && strcasecmp(n->ref, key) == 0))
            return &l->items[i];
    }
    return NULL;
}

char *contract_clause_why(const contract_clause_list *l, const contract_clause *cl, bool english)
{
    strbuf sb = {0};
    const strlist *tr = &cl->node->triggers;
    for (size_t t = 0; t < tr->len; t++) {
        contract_fact_id id = contract_fact_parse(tr->items[t]);
        if (id == FACT__COUNT)
            continue;
        /* A proposed clause names only the facts that hold; one not proposed names all it asked. */
        bool met = l->facts.f[id].value == TRI_YES;
        if (cl->proposed && !met)
            continue;
        if (sb.len)
            sb_add(&sb, " / ");
        if (id == FACT_ALWAYS) {
            sb_add(&sb, english ? "always proposed (basic clause)" : "常に提案（基本条項）");
            continue;
        }
        char *t_text = contract_fact_text(id, &l->facts.f[id], english);
        sb_add(&sb, t_text);
        free(t_text);
    }
    if (!sb.len)
        sb_add(&sb, english ? "no trigger" : "提案条件なし");
    return sb_take(&sb);
}

static status_code exec_ok(store *s, sqlite3_stmt *st, status_detail *err)
{
    status_code r = sqlite3_step(st) == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "contract");
    sqlite3_finalize(st);
    return r;
}

static status_code write_decision(store *s, int64_t cid, const contract_clause *cl, contract_decision d,
                                const char *reason, const char *who, int *changes, status_detail *err)
{
    int64_t action = history_action(s, who, "clause", 0, 0, err);
    if (!action)
        return status_failed(err);
    history_target t = {.entity = "contract", .entity_id = cid, .item_id = cl->node->id};
    int a = history_add(s, action, &t, "decision", contract_decision_name(cl->decision), contract_decision_name(d), err);
    int b = a < 0 ? -1 : history_add(s, action, &t, "reason", cl->reason, d ? reason : NULL, err);
    if (a < 0 || b < 0)
        return status_failed(err);
    *changes = a + b;
    if (!*changes)
        return STATUS_OK;
    sqlite3_stmt *st;
    if (d == CLAUSE_UNDECIDED) {
        st = store_prepare(s, "DELETE FROM contract_clause WHERE contract_pk = ? AND clause_id = ?");
        sqlite3_bind_int64(st, 1, cid);
        store_bind_text(st, 2, cl->node->id);
        return exec_ok(s, st, err);
    }
    char now[24];
    clock_now(now);
    st = store_prepare(s, "INSERT OR REPLACE INTO contract_clause(contract_pk, clause_id, decision, reason, decided_by,"
                          " decided_at) VALUES(?,?,?,?,?,?)");
    sqlite3_bind_int64(st, 1, cid);
    store_bind_text(st, 2, cl->node->id);
    store_bind_text(st, 3, contract_decision_name(d));
    store_bind_text(st, 4, reason);
    store_bind_text(st, 5, who);
    store_bind_text(st, 6, now);
    return exec_ok(s, st, err);
}

status_code contract_clause_decide(store *s, int64_t contract_id, const char *clause, contract_decision d,
                                 const char *reason, const char *who, status_detail *err)
{
    if (d != CLAUSE_UNDECIDED && str_empty(reason))
        return status_fail(err, &(status_info){STATUS_CLAUSE_REASON_REQUIRED, .field = contract_decision_name(d)});
    contract c;
    status_code r = contract_get(s, contract_id, &c, err);
    if (r != STATUS_OK)
        return r;
    contract_clause_list l;
    r = contract_clauses(s, &c, &l, err);
    contract_free(&c);
    if (r != STATUS_OK)
        return r;
    const contract_clause *cl = contract_clause_find(&l, clause);
    if (!cl) {
        char *name = xasprintf("%s@%s", l.cat->id, l.cat->version);
        r = status_fail(err, &(status_info){STATUS_CLAUSE_NOT_FOUND, .item = clause ? clause : "", .entity = name});
        free(name);
        contract_clause_list_free(&l);
        return r;
    }
    int changes = 0;
    if ((r = store_begin(s, err)) != STATUS_OK) {
        contract_clause_list_free(&l);
        return r;
    }
    r = write_decision(s, contract_id, cl, d, reason, who, &changes, err);
    contract_clause_list_free(&l);
    bool committed = r == STATUS_OK && changes && (r = store_commit(s, err)) == STATUS_OK;
    if (!committed)
        store_rollback(s);
    return r;
}
