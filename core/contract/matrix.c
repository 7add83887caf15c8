#include "matrix.h"

#include <stdlib.h>
#include <strings.h>

#include "base/lib.h"
#include "history/lib.h"

const contract_label_def contract_components[COMP__COUNT] = {
    [COMP_SERVER_OS] = {"server-os", "サーバOS", "Server OS"},
    [COMP_MIDDLEWARE] = {"middleware", "ミドルウェア", "Middleware"},
    [COMP_APPLICATION] = {"application", "アプリケーション", "Application"},
    [COMP_CLIENT] = {"client", "端末（クライアントPC）", "Client PCs"},
    [COMP_NETWORK] = {"network", "ネットワーク機器・VPN装置", "Network and VPN devices"},
    [COMP_CLOUD] = {"cloud", "クラウド基盤", "Cloud layers"},
    [COMP_LINE] = {"line", "回線", "Lines"},
    [COMP_MEDICAL_DEVICE] = {"medical-device", "医療機器", "Medical devices"},
};

const contract_label_def contract_phases[PHASE__COUNT] = {
    [PHASE_NORMAL] = {"normal", "通常時", "Normal operation"},
    [PHASE_EMERGENCY] = {"emergency", "非常時", "Emergency"},
    [PHASE_EXIT] = {"exit", "契約終了時", "Contract end"},
};

static bool label_parse(const contract_label_def *defs, int n, const char *s, int *out)
{
    for (int i = 0; s && i < n; i++)
        if (strcasecmp(defs[i].code, s) == 0 || str_eq(defs[i].ja, s) || strcasecmp(defs[i].en, s) == 0) {
            *out = i;
            return true;
        }
    return false;
}

bool contract_component_parse(const char *s, contract_component *out)
{
    int i;
    if (!label_parse(contract_components, COMP__COUNT, s, &i))
        return false;
    *out = (contract_component)i;
    return true;
}

bool contract_phase_parse(const char *s, contract_phase *out)
{
    int i;
    if (!label_parse(contract_phases, PHASE__COUNT, s, &i))
        return false;
    *out = (contract_phase)i;
    return true;
}

static const struct {
    responsibility r;
    const char *code, *ja, *en;
} parties[] = {
    {RESP_HOSPITAL, "hospital", "医療機関", "hospital"},
    {RESP_VENDOR, "vendor", "事業者", "vendor"},
    {RESP_JOINT, "joint", "共同", "joint"},
    {RESP_NA, "na", "対象外", "n/a"},
};

bool contract_party_parse(const char *s, responsibility *out)
{
    for (size_t i = 0; s && i < AZ_ARRAY_LEN(parties); i++)
        if (strcasecmp(parties[i].code, s) == 0 || str_eq(parties[i].ja, s) || strcasecmp(parties[i].en, s) == 0) {
            *out = parties[i].r;
            return true;
        }
    return false;
}

const char *contract_party_label(responsibility r, bool english)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(parties); i++)
        if (parties[i].r == r)
            return english ? parties[i].en : parties[i].ja;
    return "-";
}

/* Our pre-fill rules (a proposal to negotiate, not an official split). A component that needs a
 * fact is 対象外 without it. Per phase: the party when one of the clauses is in the annex, and the
 * party otherwise. Clause ids are those of anzen-contract-clauses; another library simply gets
 * the "otherwise" parties. */
typedef struct {
    const char *clauses[3];
    responsibility with, without;
} phase_rule;

static const struct {
    contract_fact_id needs;
    phase_rule phase[PHASE__COUNT];
} rules[COMP__COUNT] = {
    [COMP_SERVER_OS] = {FACT_ALWAYS,
                        {{{"c23", "c05"}, RESP_VENDOR, RESP_HOSPITAL},
                         {{"c11", "c12"}, RESP_JOINT, RESP_HOSPITAL},
                         {{"c17"}, RESP_VENDOR, RESP_HOSPITAL}}},
    [COMP_MIDDLEWARE] = {FACT_ALWAYS,
                         {{{"c23", "c05"}, RESP_VENDOR, RESP_HOSPITAL},
                          {{"c11", "c12"}, RESP_JOINT, RESP_HOSPITAL},
                          {{"c17"}, RESP_VENDOR, RESP_HOSPITAL}}},
    [COMP_APPLICATION] = {FACT_ALWAYS,
                          {{{"c02", "c05"}, RESP_VENDOR, RESP_HOSPITAL},
                           {{"c11", "c12"}, RESP_JOINT, RESP_HOSPITAL},
                           {{"c17", "c18"}, RESP_VENDOR, RESP_HOSPITAL}}},
    [COMP_CLIENT] = {FACT_ALWAYS,
                     {{{NULL}, RESP_HOSPITAL, RESP_HOSPITAL},
                      {{"c12"}, RESP_JOINT, RESP_HOSPITAL},
                      {{NULL}, RESP_HOSPITAL, RESP_HOSPITAL}}},
    [COMP_NETWORK] = {FACT_ALWAYS,
                      {{{"c06"}, RESP_VENDOR, RESP_HOSPITAL},
                       {{"c06", "c11"}, RESP_JOINT, RESP_HOSPITAL},
                       {{"c06"}, RESP_VENDOR, RESP_HOSPITAL}}},
    [COMP_CLOUD] = {FACT_CLOUD,
                    {{{"c16"}, RESP_VENDOR, RESP_VENDOR},
                     {{"c11"}, RESP_VENDOR, RESP_JOINT},
                     {{"c17"}, RESP_VENDOR, RESP_JOINT}}},
    [COMP_LINE] = {FACT_ALWAYS,
                   {{{NULL}, RESP_HOSPITAL, RESP_HOSPITAL},
                    {{NULL}, RESP_HOSPITAL, RESP_HOSPITAL},
                    {{NULL}, RESP_HOSPITAL, RESP_HOSPITAL}}},
    [COMP_MEDICAL_DEVICE] = {FACT_MEDICAL_DEVICE,
                             {{{"c04", "c05"}, RESP_JOINT, RESP_HOSPITAL},
                              {{"c11"}, RESP_JOINT, RESP_HOSPITAL},
                              {{"c17"}, RESP_VENDOR, RESP_HOSPITAL}}},
};

static bool takes_vendor(responsibility r)
{
    return r == RESP_VENDOR || r == RESP_JOINT;
}

static const contract_clause *included(const contract_clause_list *cl, const char *id)
{
    const contract_clause *c = contract_clause_find(cl, id);
    return c && c->included ? c : NULL;
}

/* The responsible party recorded on an answer to an item the clause cites, in a linked assessment. */
static const answer *answer_owner(const contract_links *linked, const contract_clause *cl, const contract_link **from,
                                  const catalog_node **item)
{
    for (size_t m = 0; linked && m < cl->node->nmaps; m++) {
        const node_map *map = &cl->node->maps[m];
        for (size_t i = 0; i < linked->len; i++) {
            const contract_link *lk = &linked->items[i];
            if (!str_eq(lk->as.catalog_id, map->to_catalog) || (map->to_version && !str_eq(lk->cat->version, map->to_version)))
                continue;
            const answer *a = answer_set_effective(&lk->answers, map->to_node);
            if (a && a->owner != RESP_NONE) {
                *from = lk;
                *item = catalog_find_node(lk->cat, map->to_node);
                return a;
            }
        }
    }
    return NULL;
}

static void prefill(contract_cell *cell, const contract *c, const contract_clause_list *cl,
                    const contract_links *linked, contract_component comp, contract_phase ph)
{
    *cell = (contract_cell){.origin = CELL_RULE};
    contract_fact_id needs = rules[comp].needs;
    if (needs != FACT_ALWAYS && cl->facts.f[needs].value != TRI_YES) {
        cell->party = RESP_NA;
        cell->basis = contract_fact_text(needs, &cl->facts.f[needs], false);
        return;
    }
    const phase_rule *r = &rules[comp].phase[ph];
    strbuf basis = {0};
    const contract_clause *first = NULL;
    for (size_t i = 0; i < AZ_ARRAY_LEN(r->clauses) && r->clauses[i]; i++) {
        const contract_clause *inc = included(cl, r->clauses[i]);
        if (!inc)
            continue;
        first = first ? first : inc;
        sb_addf(&basis, "%s%s", basis.len ? ", " : "", inc->node->ref ? inc->node->ref : inc->node->id);
    }
    cell->party = first ? r->with : r->without;
    const contract_link *from = NULL;
    const catalog_node *item = NULL;
    const answer *a = first ? answer_owner(linked, first, &from, &item) : NULL;
    if (a) {
        cell->origin = CELL_ANSWER;
        cell->party = a->owner;
        cell->vendor_id = a->owner_vendor_id;
        sb_reset(&basis);
        const char *cat = from->cat->short_title.ja ? from->cat->short_title.ja : from->cat->title.ja;
        sb_addf(&basis, "%s %s", cat, item && item->ref ? item->ref : a->item_id);
    }
    if (takes_vendor(cell->party) && !cell->vendor_id)
        cell->vendor_id = c->vendor_id;
    cell->basis = basis.len ? sb_take(&basis) : NULL;
    sb_free(&basis);
}

static status_code read_stored(store *s, int64_t cid, contract_matrix *m, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT component, phase, party, IFNULL(vendor_pk, 0), note FROM contract_cell"
                                        " WHERE contract_pk = ?");
    sqlite3_bind_int64(st, 1, cid);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        contract_component comp;
        contract_phase ph;
        responsibility party;
        if (!contract_component_parse((const char *)sqlite3_column_text(st, 0), &comp) ||
            !contract_phase_parse((const char *)sqlite3_column_text(st, 1), &ph) ||
            !responsibility_parse((const char *)sqlite3_column_text(st, 2), &party))
            continue;
        contract_cell *cell = &m->cells[comp][ph];
        free(cell->basis);
        free(cell->note);
        *cell = (contract_cell){.party = party, .vendor_id = sqlite3_column_int64(st, 3), .note = store_col_dup(st, 4),
                                .origin = CELL_SET};
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "contract");
    sqlite3_finalize(st);
    return r;
}

status_code contract_matrix_get(store *s, const contract *c, const contract_clause_list *clauses,
                              const contract_links *linked, contract_matrix *out, status_detail *err)
{
    *out = (contract_matrix){0};
    for (int comp = 0; comp < COMP__COUNT; comp++)
        for (int ph = 0; ph < PHASE__COUNT; ph++)
            prefill(&out->cells[comp][ph], c, clauses, linked, (contract_component)comp, (contract_phase)ph);
    status_code r = read_stored(s, c->id, out, err);
    for (int comp = 0; comp < COMP__COUNT && r == STATUS_OK; comp++)
        for (int ph = 0; ph < PHASE__COUNT && r == STATUS_OK; ph++) {
            contract_cell *cell = &out->cells[comp][ph];
            ws_vendor v;
            status_detail e = {0};
            status_code vr = cell->vendor_id ? ws_vendor_get(s, cell->vendor_id, &v, &e) : STATUS_VENDOR_NOT_FOUND;
            if (vr == STATUS_OK) {
                cell->vendor_name = xstrdup(v.name);
                ws_vendor_free(&v);
            } else if (vr != STATUS_VENDOR_NOT_FOUND) { /* a vendor removed since shows without a name */
                r = vr;
                if (err) {
                    status_detail_free(err);
                    *err = e;
                    e = (status_detail){0};
                }
            }
            status_detail_free(&e);
        }
    if (r != STATUS_OK)
        contract_matrix_free(out);
    return r;
}

void contract_matrix_free(contract_matrix *m)
{
    for (int comp = 0; comp < COMP__COUNT; comp++)
        for (int ph = 0; ph < PHASE__COUNT; ph++) {
            free(m->cells[comp][ph].vendor_name);
            free(m->cells[comp][ph].note);
            free(m->cells[comp][ph].basis);
        }
    *m = (contract_matrix){0};
}

char *contract_cell_text(const contract_cell *cell, bool english)
{
    const char *p = contract_party_label(cell->party, english);
    if (takes_vendor(cell->party) && cell->vendor_name)
        return xasprintf(english ? "%s (%s)" : "%s（%s）", p, cell->vendor_name);
    return xstrdup(p);
}

static char *cell_item(contract_component comp, contract_phase ph)
{
    return xasprintf("matrix:%s:%s", contract_components[comp].code, contract_phases[ph].code);
}

typedef struct {
    bool present;
    char *party, *vendor, *note;
} stored_cell;

static void stored_free(stored_cell *c)
{
    free(c->party);
    free(c->vendor);
    free(c->note);
}

static stored_cell stored_get(store *s, int64_t cid, contract_component comp, contract_phase ph)
{
    stored_cell c = {0};
    sqlite3_stmt *st = store_prepare(s, "SELECT cc.party, v.name, cc.note FROM contract_cell cc LEFT JOIN vendor v"
                                        " ON v.pk = cc.vendor_pk WHERE cc.contract_pk = ? AND cc.component = ? AND cc.phase = ?");
    sqlite3_bind_int64(st, 1, cid);
    store_bind_text(st, 2, contract_components[comp].code);
    store_bind_text(st, 3, contract_phases[ph].code);
    if (sqlite3_step(st) == SQLITE_ROW)
        c = (stored_cell){true, store_col_dup(st, 0), store_col_dup(st, 1), store_col_dup(st, 2)};
    sqlite3_finalize(st);
    return c;
}

/* One action: history rows for party, vendor and note (old = the stored cell, NULL when it was
 * pre-filled), then the row itself written (or deleted when reset). */
static status_code cell_write(store *s, int64_t cid, contract_component comp, contract_phase ph, const char *party,
                            int64_t vendor_id, const char *vendor_name, const char *note, bool reset, const char *who,
                            status_detail *err)
{
    contract c;
    status_code r = contract_get(s, cid, &c, err);
    if (r != STATUS_OK)
        return r;
    contract_free(&c);
    if ((r = store_begin(s, err)) != STATUS_OK)
        return r;
    stored_cell old = stored_get(s, cid, comp, ph);
    if (!reset && !note)
        note = old.note; /* keep */
    char *item = cell_item(comp, ph);
    history_target t = {.entity = "contract", .entity_id = cid, .item_id = item};
    int64_t action = history_action(s, who, "matrix", 0, 0, err);
    int changes = 0, w = 0;
    r = action ? STATUS_OK : status_failed(err);
    const char *f[][3] = {{"party", old.party, party}, {"vendor", old.vendor, vendor_name}, {"note", old.note, note}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(f) && r == STATUS_OK; i++) {
        if ((w = history_add(s, action, &t, f[i][0], f[i][1], f[i][2], err)) < 0)
            r = status_failed(err);
        changes += w > 0;
    }
    changes += old.present == reset; /* setting a pre-filled cell to its own value still pins it */
    if (r == STATUS_OK && changes) {
        sqlite3_stmt *st = reset ? store_prepare(s, "DELETE FROM contract_cell WHERE contract_pk=? AND component=? AND phase=?")
                                 : store_prepare(s, "INSERT OR REPLACE INTO contract_cell(contract_pk, component, phase,"
                                                    " party, vendor_pk, note) VALUES(?,?,?,?,?,?)");
        sqlite3_bind_int64(st, 1, cid);
        store_bind_text(st, 2, contract_components[comp].code);
        store_bind_text(st, 3, contract_phases[ph].code);
        if (!reset) {
            store_bind_text(st, 4, party);
            if (vendor_id)
                sqlite3_bind_int64(st, 5, vendor_id);
            store_bind_text(st, 6, str_empty(note) ? NULL : note);
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            r = store_fail(s, err, "contract");
        sqlite3_finalize(st);
    }
    free(item);
    stored_free(&old);
    bool committed = r == STATUS_OK && changes && (r = store_commit(s, err)) == STATUS_OK;
    if (!committed)
        store_rollback(s);
    return r;
}

status_code contract_matrix_set(store *s, int64_t contract_id, contract_component comp, contract_phase phase,
                              responsibility party, int64_t vendor_id, const char *note, const char *who,
                              status_detail *err)
{
    if ((unsigned)comp >= COMP__COUNT)
        return status_fail(err, &(status_info){.code = STATUS_COMPONENT_UNKNOWN});
    if ((unsigned)phase >= PHASE__COUNT)
        return status_fail(err, &(status_info){.code = STATUS_PHASE_UNKNOWN});
    if (party == RESP_NONE)
        return status_fail(err, &(status_info){.code = STATUS_PARTY_UNKNOWN});
    contract c;
    status_code r = contract_get(s, contract_id, &c, err);
    if (r != STATUS_OK)
        return r;
    if (!takes_vendor(party))
        vendor_id = 0;
    else if (!vendor_id)
        vendor_id = c.vendor_id;
    contract_free(&c);
    char *vname = NULL;
    if (vendor_id) {
        ws_vendor v;
        if ((r = ws_vendor_get(s, vendor_id, &v, err)) != STATUS_OK)
            return r;
        vname = xstrdup(v.name);
        ws_vendor_free(&v);
    }
    r = cell_write(s, contract_id, comp, phase, responsibility_name(party), vendor_id, vname, note, false, who, err);
    free(vname);
    return r;
}

status_code contract_matrix_reset(store *s, int64_t contract_id, contract_component comp, contract_phase phase,
                                const char *who, status_detail *err)
{
    if ((unsigned)comp >= COMP__COUNT)
        return status_fail(err, &(status_info){.code = STATUS_COMPONENT_UNKNOWN});
    if ((unsigned)phase >= PHASE__COUNT)
        return status_fail(err, &(status_info){.code = STATUS_PHASE_UNKNOWN});
    return cell_write(s, contract_id, comp, phase, NULL, 0, NULL, NULL, true, who, err);
}
