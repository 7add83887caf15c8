#include "deemed.h"

#include <stdlib.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "clause.h"
#include "contract.h"

const deemed_reason_def deemed_reasons[DEEMED__COUNT] = {
    [DEEMED_MET] = {"met", "事業者が実施・契約に記載", "updates by the vendor, stated in the contract"},
    [DEEMED_UPDATES_NOT_RECORDED] = {"updates-not-recorded", "セキュリティアップデートの実施者が未記録",
                                     "who applies security updates is not recorded"},
    [DEEMED_UPDATES_BY_HOSPITAL] = {"updates-by-hospital", "セキュリティアップデートは医療機関が実施",
                                    "updates by the hospital"},
    [DEEMED_UPDATES_BY_NOBODY] = {"updates-by-nobody", "セキュリティアップデートを誰も実施していない",
                                  "nobody applies security updates"},
    [DEEMED_NO_CONTRACT_CLAUSE] = {"no-contract-clause", "契約にセキュリティアップデートの条項がない",
                                   "no contract clause for security updates"},
};

static bool clause_is_update_duty(const contract_clause *cl)
{
    return cl->included && sl_contains(&cl->node->triggers, DEEMED_UPDATE_TRIGGER);
}

/* The first contract of the system whose annex includes the security-update clause. */
static status_code find_clause(store *s, deemed_system *d, status_detail *err)
{
    contract *list = NULL;
    size_t n = 0;
    status_code r = contract_list(s, d->system_id, &list, &n, err);
    for (size_t i = 0; r == STATUS_OK && i < n && !d->contract_id; i++) {
        contract_clause_list cl;
        status_detail e = {0};
        /* a contract whose clause library is gone states nothing we can show; the others still count */
        if (contract_clauses(s, &list[i], &cl, &e) != STATUS_OK) {
            status_detail_free(&e);
            continue;
        }
        for (size_t k = 0; k < cl.len; k++) {
            const contract_clause *c = &cl.items[k];
            if (!clause_is_update_duty(c))
                continue;
            d->contract_id = list[i].id;
            d->contract_label = contract_label(&list[i]);
            d->clause_ref = xstrdup(c->node->ref ? c->node->ref : c->node->id);
            d->article = c->article;
            d->decided = c->decision == CLAUSE_INCLUDE;
            break;
        }
        contract_clause_list_free(&cl);
    }
    contract_list_free(list, n);
    return r;
}

static status_code system_verdict(store *s, const ws_system *sys, deemed_system *d, status_detail *err)
{
    *d = (deemed_system){.system_id = sys->id, .system_name = xstrdup(sys->name)};
    d->vendor_name = sys->vendor_name ? xstrdup(sys->vendor_name) : NULL;
    d->updates_by = sys->security_updates_by ? xstrdup(sys->security_updates_by) : NULL;
    if (!sys->security_updates_by) {
        d->reason = DEEMED_UPDATES_NOT_RECORDED;
        return STATUS_OK;
    }
    if (str_eq(sys->security_updates_by, "hospital")) {
        d->reason = DEEMED_UPDATES_BY_HOSPITAL;
        return STATUS_OK;
    }
    if (str_eq(sys->security_updates_by, "none")) {
        d->reason = DEEMED_UPDATES_BY_NOBODY;
        return STATUS_OK;
    }
    status_code r = find_clause(s, d, err);
    if (r != STATUS_OK)
        return r;
    if (!d->contract_id && sys->security_updates_in_contract == TRI_YES)
        d->by_hand = true;
    d->reason = d->contract_id || d->by_hand ? DEEMED_MET : DEEMED_NO_CONTRACT_CLAUSE;
    return STATUS_OK;
}

static char *item_label(const catalog_node *n, bool english)
{
    const char *title = i18n_get(&n->title, english);
    if (str_empty(title))
        title = i18n_get(&n->text, english);
    return n->ref ? xasprintf("%s %s", n->ref, title ? title : "") : xstrdup(title ? title : n->id);
}

/* The newest 別紙 assessment answered for the vendor (highest fiscal year, then the latest). */
static status_code vendor_annex(store *s, const assessment *list, size_t n, bool english, deemed_vendor *v,
                                status_detail *err)
{
    const assessment *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (list[i].vendor_id == v->vendor_id &&
            (!best || list[i].fy > best->fy || (list[i].fy == best->fy && list[i].id > best->id)))
            best = &list[i];
    if (!best)
        return STATUS_OK;
    const catalog *cat = catalog_db_get(s, best->catalog_id, best->catalog_version);
    if (!cat)
        return STATUS_OK;
    answer_set answers = {0};
    status_code r = assess_load_answers(s, best->id, &answers, err);
    if (r != STATUS_OK)
        return r;
    v->assessment_id = best->id;
    v->fy = best->fy;
    size_t cap = 0;
    for (size_t i = 0; i < cat->nnodes; i++) {
        const catalog_node *node = &cat->nodes[i];
        if (node->kind != NODE_ITEM)
            continue;
        v->items++;
        const answer *x = answer_set_effective(&answers, node->id);
        const answer_def *def = x && x->value ? catalog_find_answer(cat, x->value) : NULL;
        if (!def) {
            v->unanswered++;
        } else if (def->meaning == MEANING_NEGATIVE) {
            v->negative++;
            GROW(v->negative_items, cap, v->nnegative_items + 1);
            v->negative_items[v->nnegative_items++] = item_label(node, english);
        }
    }
    answer_set_free(&answers);
    return STATUS_OK;
}

static status_code vendors_compute(store *s, deemed_report *out, const ws_system *systems, size_t n, bool english,
                                   status_detail *err)
{
    out->annex_catalog_loaded = catalog_db_head(s, DEEMED_ANNEX_CATALOG, NULL) != NULL; /* not its nodes */
    assessment *list = NULL;
    size_t nlist = 0;
    status_code r = assess_list_rows(s, &(assess_filter){.catalog_id = DEEMED_ANNEX_CATALOG}, &list, &nlist, err);
    if (r != STATUS_OK)
        return r;
    strlist seen = {0};
    size_t cap = 0;
    for (size_t i = 0; r == STATUS_OK && i < n; i++) {
        if (!systems[i].vendor_id || !systems[i].vendor_name || sl_contains(&seen, systems[i].vendor_name))
            continue;
        sl_push(&seen, systems[i].vendor_name);
        GROW(out->vendors, cap, out->nvendors + 1);
        deemed_vendor *v = &out->vendors[out->nvendors++];
        *v = (deemed_vendor){.vendor_id = systems[i].vendor_id, .vendor_name = xstrdup(systems[i].vendor_name)};
        r = vendor_annex(s, list, nlist, english, v, err);
    }
    sl_free(&seen);
    assessment_list_free(list, nlist);
    return r;
}

static int vendor_cmp(const void *a, const void *b)
{
    return strcmp(((const deemed_vendor *)a)->vendor_name, ((const deemed_vendor *)b)->vendor_name);
}

status_code deemed_compute(store *s, bool english, deemed_report *out, status_detail *err)
{
    *out = (deemed_report){0};
    ws_system *systems = NULL;
    size_t n = 0;
    status_code r = ws_system_list(s, &systems, &n, err);
    if (r != STATUS_OK)
        return r;
    /* An archived system is out of service: it is not judged. */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (systems[i].archived_at)
            ws_system_free(&systems[i]);
        else
            systems[kept++] = systems[i];
    }
    n = kept;
    out->systems = xcalloc(n ? n : 1, sizeof *out->systems);
    bool all = n > 0;
    for (size_t i = 0; r == STATUS_OK && i < n; i++) {
        r = system_verdict(s, &systems[i], &out->systems[i], err);
        out->nsystems++;
        all = all && out->systems[i].reason == DEEMED_MET;
    }
    if (r == STATUS_OK)
        r = vendors_compute(s, out, systems, n, english, err);
    ws_system_list_free(systems, n);
    if (r != STATUS_OK) {
        deemed_report_free(out);
        return r;
    }
    if (out->nvendors > 1)
        qsort(out->vendors, out->nvendors, sizeof *out->vendors, vendor_cmp);
    out->eligible = all;
    return STATUS_OK;
}

bool deemed_recorded(store *s)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT EXISTS(SELECT 1 FROM system WHERE archived_at IS NULL"
                                     " AND security_updates_by IS NOT NULL)");
    bool any = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0;
    store_done(s, st);
    return any;
}

void deemed_report_free(deemed_report *r)
{
    for (size_t i = 0; i < r->nsystems; i++) {
        deemed_system *d = &r->systems[i];
        free(d->system_name);
        free(d->vendor_name);
        free(d->updates_by);
        free(d->contract_label);
        free(d->clause_ref);
    }
    free(r->systems);
    for (size_t i = 0; i < r->nvendors; i++) {
        deemed_vendor *v = &r->vendors[i];
        free(v->vendor_name);
        for (size_t k = 0; k < v->nnegative_items; k++)
            free(v->negative_items[k]);
        free(v->negative_items);
    }
    free(r->vendors);
    *r = (deemed_report){0};
}
