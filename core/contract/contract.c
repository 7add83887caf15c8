#include "contract.h"

#include <stdlib.h>

#include "base/lib.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "text/lib.h"

void contract_free(contract *c)
{
    if (!c)
        return;
    free(c->ref);
    free(c->vendor_name);
    free(c->system_ids);
    for (size_t i = 0; i < c->nsystems; i++)
        free(c->system_names[i]);
    free(c->system_names);
    free(c->term_start);
    free(c->term_end);
    free(c->clause_catalog);
    free(c->clause_version);
    free(c->created_at);
    free(c->created_by);
    free(c->updated_at);
    *c = (contract){0};
}

void contract_list_free(contract *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        contract_free(&list[i]);
    free(list);
}

char *contract_label(const contract *c)
{
    return !str_empty(c->ref) ? xstrdup(c->ref) : xasprintf("#%lld", (long long)c->id);
}

/* A date argument: NULL / "" is none, else it must already be ISO (front ends parse 和暦 first). */
static bool date_ok(const char *what, const char *d, char **err)
{
    if (str_empty(d) || jpdate_is_iso(d))
        return true;
    *err = xasprintf("%s: \"%s\" is not a date (YYYY-MM-DD)", what, d);
    return false;
}

static bool term_ok(const char *start, const char *end, char **err)
{
    if (!date_ok("start", start, err) || !date_ok("end", end, err))
        return false;
    if (!str_empty(start) && !str_empty(end) && strcmp(end, start) < 0) {
        *err = xasprintf("the term ends (%s) before it starts (%s)", end, start);
        return false;
    }
    return true;
}

static ws_status spec_check(store *s, const contract_spec *spec, char **err)
{
    if (spec->nsystems == 0) {
        *err = xstrdup("a contract covers at least one system");
        return WS_INVALID;
    }
    ws_vendor v;
    if (ws_vendor_get(s, spec->vendor_id, &v, err) != WS_OK)
        return WS_INVALID;
    ws_vendor_free(&v);
    for (size_t i = 0; i < spec->nsystems; i++) {
        ws_system sys;
        if (ws_system_get(s, spec->system_ids[i], &sys, err) != WS_OK)
            return WS_INVALID;
        for (size_t k = 0; k < i; k++)
            if (spec->system_ids[k] == spec->system_ids[i]) {
                *err = xasprintf("system \"%s\" is named twice", sys.name);
                ws_system_free(&sys);
                return WS_INVALID;
            }
        ws_system_free(&sys);
    }
    return term_ok(spec->term_start, spec->term_end, err) ? WS_OK : WS_INVALID;
}

static ws_status step_ok(store *s, sqlite3_stmt *st, char **err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return WS_OK;
    *err = store_error(s, "contract");
    return WS_DB;
}

static ws_status insert_contract(store *s, const contract_spec *spec, const catalog *cat, const char *who,
                                 int64_t *id, char **err)
{
    char now[24];
    clock_now(now);
    sqlite3_stmt *st = store_prepare(s, "INSERT INTO contract(ref, vendor_pk, term_start, term_end, clause_catalog,"
                                        " clause_version, created_at, created_by, updated_at) VALUES(?,?,?,?,?,?,?,?,?)");
    store_bind_text(st, 1, str_empty(spec->ref) ? NULL : spec->ref);
    sqlite3_bind_int64(st, 2, spec->vendor_id);
    store_bind_text(st, 3, str_empty(spec->term_start) ? NULL : spec->term_start);
    store_bind_text(st, 4, str_empty(spec->term_end) ? NULL : spec->term_end);
    store_bind_text(st, 5, cat->id);
    store_bind_text(st, 6, cat->version);
    store_bind_text(st, 7, now);
    store_bind_text(st, 8, who);
    store_bind_text(st, 9, now);
    ws_status r = step_ok(s, st, err);
    sqlite3_finalize(st);
    if (r != WS_OK)
        return r;
    *id = sqlite3_last_insert_rowid(store_db(s));
    for (size_t i = 0; i < spec->nsystems && r == WS_OK; i++) {
        st = store_prepare(s, "INSERT INTO contract_system(contract_pk, seq, system_pk) VALUES(?,?,?)");
        sqlite3_bind_int64(st, 1, *id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, spec->system_ids[i]);
        r = step_ok(s, st, err);
        sqlite3_finalize(st);
    }
    return r;
}

/* History of a new contract: one row per field that has a value. */
static ws_status created_history(store *s, int64_t action, int64_t id, const contract *c, char **err)
{
    history_target t = {.entity = "contract", .entity_id = id};
    strbuf systems = {0};
    for (size_t i = 0; i < c->nsystems; i++)
        sb_addf(&systems, "%s%s", i ? "\n" : "", c->system_names[i]);
    char *lib = xasprintf("%s@%s", c->clause_catalog, c->clause_version);
    const char *fields[][2] = {{"created", "contract"}, {"ref", c->ref},          {"vendor", c->vendor_name},
                               {"systems", sb_str(&systems)}, {"term_start", c->term_start},
                               {"term_end", c->term_end},     {"clauses", lib}};
    ws_status r = WS_OK;
    for (size_t i = 0; i < AZ_ARRAY_LEN(fields) && r == WS_OK; i++)
        if (history_add(s, action, &t, fields[i][0], NULL, fields[i][1], err) < 0)
            r = WS_DB;
    free(lib);
    sb_free(&systems);
    return r;
}

ws_status contract_create(store *s, const contract_spec *spec, const char *who, int64_t *id, char **err)
{
    ws_status r = spec_check(s, spec, err);
    if (r != WS_OK)
        return r;
    const char *cat_id = spec->clause_catalog ? spec->clause_catalog : CONTRACT_DEFAULT_CLAUSES;
    catalog *cat = catalog_db_load(s, cat_id, spec->clause_version);
    if (!cat) {
        *err = xasprintf("no clause library %s%s%s", cat_id, spec->clause_version ? "@" : "",
                         spec->clause_version ? spec->clause_version : "");
        return WS_NOT_FOUND;
    }
    if (!str_eq(cat->kind, "clauses")) {
        *err = xasprintf("catalog %s@%s is a %s, not a clause library", cat->id, cat->version, cat->kind);
        catalog_free(cat);
        return WS_INVALID;
    }
    if (store_begin(s, err) != 0) {
        catalog_free(cat);
        return WS_DB;
    }
    int64_t nid = 0;
    r = insert_contract(s, spec, cat, who, &nid, err);
    catalog_free(cat);
    contract c = {0};
    if (r == WS_OK)
        r = contract_get(s, nid, &c, err);
    int64_t action = r == WS_OK ? history_action(s, who, "create", 0, 0, err) : 0;
    if (r == WS_OK && !action)
        r = WS_DB;
    if (r == WS_OK)
        r = created_history(s, action, nid, &c, err);
    contract_free(&c);
    if (r == WS_OK && store_commit(s, err) != 0)
        r = WS_DB;
    if (r != WS_OK) {
        store_rollback(s);
        return r;
    }
    if (id)
        *id = nid;
    return WS_OK;
}

/* Keep (NULL), clear ("") or set. */
static const char *merged(const char *now, const char *given)
{
    if (!given)
        return now;
    return *given ? given : NULL;
}

ws_status contract_update(store *s, int64_t id, const char *ref, const char *term_start, const char *term_end,
                          const char *who, char **err)
{
    contract c;
    ws_status r = contract_get(s, id, &c, err);
    if (r != WS_OK)
        return r;
    const char *nref = merged(c.ref, ref), *nstart = merged(c.term_start, term_start),
               *nend = merged(c.term_end, term_end);
    if (!term_ok(nstart, nend, err)) {
        contract_free(&c);
        return WS_INVALID;
    }
    if (store_begin(s, err) != 0) {
        contract_free(&c);
        return WS_DB;
    }
    int64_t action = history_action(s, who, "edit", 0, 0, err);
    history_target t = {.entity = "contract", .entity_id = id};
    int changes = 0, w;
    r = action ? WS_OK : WS_DB;
    const char *f[][3] = {{"ref", c.ref, nref}, {"term_start", c.term_start, nstart}, {"term_end", c.term_end, nend}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(f) && r == WS_OK; i++) {
        if ((w = history_add(s, action, &t, f[i][0], f[i][1], f[i][2], err)) < 0)
            r = WS_DB;
        else
            changes += w;
    }
    if (r == WS_OK && changes) {
        char now[24];
        clock_now(now);
        sqlite3_stmt *st = store_prepare(s, "UPDATE contract SET ref=?, term_start=?, term_end=?, updated_at=? WHERE pk=?");
        store_bind_text(st, 1, nref);
        store_bind_text(st, 2, nstart);
        store_bind_text(st, 3, nend);
        store_bind_text(st, 4, now);
        sqlite3_bind_int64(st, 5, id);
        r = step_ok(s, st, err);
        sqlite3_finalize(st);
    }
    contract_free(&c);
    if (r == WS_OK && changes && store_commit(s, err) != 0)
        r = WS_DB;
    else if (r != WS_OK || !changes)
        store_rollback(s);
    return r;
}

static void read_systems(store *s, contract *c)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT cs.system_pk, sy.name FROM contract_system cs"
                                        " JOIN system sy ON sy.pk = cs.system_pk WHERE cs.contract_pk = ? ORDER BY cs.seq");
    sqlite3_bind_int64(st, 1, c->id);
    size_t cap_ids = 0, cap_names = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        GROW(c->system_ids, cap_ids, c->nsystems + 1);
        GROW(c->system_names, cap_names, c->nsystems + 1);
        c->system_ids[c->nsystems] = sqlite3_column_int64(st, 0);
        c->system_names[c->nsystems] = store_col_dup(st, 1);
        c->nsystems++;
    }
    sqlite3_finalize(st);
}

ws_status contract_get(store *s, int64_t id, contract *out, char **err)
{
    *out = (contract){0};
    sqlite3_stmt *st = store_prepare(s, "SELECT c.ref, c.vendor_pk, v.name, c.term_start, c.term_end, c.clause_catalog,"
                                        " c.clause_version, c.created_at, c.created_by, c.updated_at FROM contract c"
                                        " JOIN vendor v ON v.pk = c.vendor_pk WHERE c.pk = ?");
    sqlite3_bind_int64(st, 1, id);
    ws_status r = WS_NOT_FOUND;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *out = (contract){
            .id = id,
            .ref = store_col_dup(st, 0),
            .vendor_id = sqlite3_column_int64(st, 1),
            .vendor_name = store_col_dup(st, 2),
            .term_start = store_col_dup(st, 3),
            .term_end = store_col_dup(st, 4),
            .clause_catalog = store_col_dup(st, 5),
            .clause_version = store_col_dup(st, 6),
            .created_at = store_col_dup(st, 7),
            .created_by = store_col_dup(st, 8),
            .updated_at = store_col_dup(st, 9),
        };
        r = WS_OK;
    } else {
        *err = xasprintf("no contract #%lld", (long long)id);
    }
    sqlite3_finalize(st);
    if (r == WS_OK)
        read_systems(s, out);
    return r;
}

ws_status contract_find(store *s, const char *key, int64_t *id, char **err)
{
    if (str_empty(key)) {
        *err = xstrdup("contract: empty reference");
        return WS_NOT_FOUND;
    }
    const char *digits = key[0] == '#' ? key + 1 : key;
    char *end = NULL;
    long long want = *digits ? strtoll(digits, &end, 10) : 0;
    if (!end || *end || want <= 0)
        want = 0;
    sqlite3_stmt *st = store_prepare(s, "SELECT pk FROM contract WHERE ref = ?1 OR pk = ?2 ORDER BY ref = ?1 DESC, pk");
    store_bind_text(st, 1, key);
    sqlite3_bind_int64(st, 2, want);
    ws_status r = WS_NOT_FOUND;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        r = WS_OK;
    } else {
        *err = xasprintf("unknown contract \"%s\"", key);
    }
    sqlite3_finalize(st);
    return r;
}

size_t contract_list(store *s, int64_t system_id, contract **out)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT pk FROM contract WHERE ?1 = 0 OR pk IN"
                                        " (SELECT contract_pk FROM contract_system WHERE system_pk = ?1) ORDER BY pk");
    sqlite3_bind_int64(st, 1, system_id);
    contract *list = NULL;
    size_t n = 0, cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        char *e = NULL;
        if (contract_get(s, sqlite3_column_int64(st, 0), &list[n], &e) == WS_OK)
            n++;
        free(e);
    }
    sqlite3_finalize(st);
    *out = list;
    return n;
}
