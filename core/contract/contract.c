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
static status_code date_ok(const char *field, const char *d, status_detail *err)
{
    if (str_empty(d) || jpdate_is_iso(d))
        return STATUS_OK;
    return status_fail(err, &(status_info){STATUS_DATE_NOT_ISO, .field = field, .value = d});
}

static status_code term_ok(const char *start, const char *end, status_detail *err)
{
    status_code r = date_ok("term_start", start, err);
    if (r == STATUS_OK)
        r = date_ok("term_end", end, err);
    if (r == STATUS_OK && !str_empty(start) && !str_empty(end) && strcmp(end, start) < 0)
        r = status_fail(err, &(status_info){STATUS_TERM_ENDS_BEFORE_START, .value = end, .extra = start});
    return r;
}

static status_code spec_check(store *s, const contract_spec *spec, status_detail *err)
{
    if (spec->nsystems == 0)
        return status_fail(err, &(status_info){.code = STATUS_CONTRACT_NO_SYSTEM});
    ws_vendor v;
    status_code r = ws_vendor_get(s, spec->vendor_id, &v, err);
    if (r != STATUS_OK)
        return r;
    ws_vendor_free(&v);
    for (size_t i = 0; i < spec->nsystems; i++) {
        ws_system sys;
        if ((r = ws_system_get(s, spec->system_ids[i], &sys, err)) != STATUS_OK)
            return r;
        for (size_t k = 0; k < i; k++)
            if (spec->system_ids[k] == spec->system_ids[i]) {
                r = status_fail(err, &(status_info){STATUS_CONTRACT_SYSTEM_TWICE, .value = sys.name});
                ws_system_free(&sys);
                return r;
            }
        ws_system_free(&sys);
    }
    return term_ok(spec->term_start, spec->term_end, err);
}

static status_code step_ok(store *s, sqlite3_stmt *st, status_detail *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return STATUS_OK;
    return store_fail(s, err, "contract");
}

static status_code insert_contract(store *s, const contract_spec *spec, const catalog *cat, const char *who,
                                 int64_t *id, status_detail *err)
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
    status_code r = step_ok(s, st, err);
    sqlite3_finalize(st);
    if (r != STATUS_OK)
        return r;
    *id = sqlite3_last_insert_rowid(store_db(s));
    for (size_t i = 0; i < spec->nsystems && r == STATUS_OK; i++) {
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
static status_code created_history(store *s, int64_t action, int64_t id, const contract *c, status_detail *err)
{
    history_target t = {.entity = "contract", .entity_id = id};
    strbuf systems = {0};
    for (size_t i = 0; i < c->nsystems; i++)
        sb_addf(&systems, "%s%s", i ? "\n" : "", c->system_names[i]);
    char *lib = xasprintf("%s@%s", c->clause_catalog, c->clause_version);
    const char *fields[][2] = {{"created", "contract"}, {"ref", c->ref},          {"vendor", c->vendor_name},
                               {"systems", sb_str(&systems)}, {"term_start", c->term_start},
                               {"term_end", c->term_end},     {"clauses", lib}};
    status_code r = STATUS_OK;
    for (size_t i = 0; i < AZ_ARRAY_LEN(fields) && r == STATUS_OK; i++)
        if (history_add(s, action, &t, fields[i][0], NULL, fields[i][1], err) < 0)
            r = status_failed(err);
    free(lib);
    sb_free(&systems);
    return r;
}

status_code contract_create(store *s, const contract_spec *spec, const char *who, int64_t *id, status_detail *err)
{
    status_code r = spec_check(s, spec, err);
    if (r != STATUS_OK)
        return r;
    const char *cat_id = spec->clause_catalog ? spec->clause_catalog : CONTRACT_DEFAULT_CLAUSES;
    catalog *cat = catalog_db_load(s, cat_id, spec->clause_version);
    if (!cat) {
        char *name = xasprintf("%s%s%s", cat_id, spec->clause_version ? "@" : "",
                               spec->clause_version ? spec->clause_version : "");
        r = status_fail(err, &(status_info){STATUS_CATALOG_NOT_FOUND, .entity = name});
        free(name);
        return r;
    }
    if (!str_eq(cat->kind, "clauses")) {
        char *name = xasprintf("%s@%s", cat->id, cat->version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_NOT_CLAUSES, .entity = name, .value = cat->kind});
        free(name);
        catalog_free(cat);
        return r;
    }
    if ((r = store_begin(s, err)) != STATUS_OK) {
        catalog_free(cat);
        return r;
    }
    int64_t nid = 0;
    r = insert_contract(s, spec, cat, who, &nid, err);
    catalog_free(cat);
    contract c = {0};
    if (r == STATUS_OK)
        r = contract_get(s, nid, &c, err);
    int64_t action = r == STATUS_OK ? history_action(s, who, "create", 0, 0, err) : 0;
    if (r == STATUS_OK && !action)
        r = status_failed(err);
    if (r == STATUS_OK)
        r = created_history(s, action, nid, &c, err);
    contract_free(&c);
    if (r == STATUS_OK)
        r = store_commit(s, err);
    if (r != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    if (id)
        *id = nid;
    return STATUS_OK;
}

/* Keep (NULL), clear ("") or set. */
static const char *merged(const char *now, const char *given)
{
    if (!given)
        return now;
    return *given ? given : NULL;
}

status_code contract_update(store *s, int64_t id, const char *ref, const char *term_start, const char *term_end,
                          const char *who, status_detail *err)
{
    contract c;
    status_code r = contract_get(s, id, &c, err);
    if (r != STATUS_OK)
        return r;
    const char *nref = merged(c.ref, ref), *nstart = merged(c.term_start, term_start),
               *nend = merged(c.term_end, term_end);
    if ((r = term_ok(nstart, nend, err)) != STATUS_OK || (r = store_begin(s, err)) != STATUS_OK) {
        contract_free(&c);
        return r;
    }
    int64_t action = history_action(s, who, "edit", 0, 0, err);
    history_target t = {.entity = "contract", .entity_id = id};
    int changes = 0, w;
    r = action ? STATUS_OK : status_failed(err);
    const char *f[][3] = {{"ref", c.ref, nref}, {"term_start", c.term_start, nstart}, {"term_end", c.term_end, nend}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(f) && r == STATUS_OK; i++) {
        if ((w = history_add(s, action, &t, f[i][0], f[i][1], f[i][2], err)) < 0)
            r = status_failed(err);
        else
            changes += w;
    }
    if (r == STATUS_OK && changes) {
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
    bool committed = r == STATUS_OK && changes && (r = store_commit(s, err)) == STATUS_OK;
    if (!committed)
        store_rollback(s);
    return r;
}

static status_code read_systems(store *s, contract *c, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT cs.system_pk, sy.name FROM contract_system cs"
                                        " JOIN system sy ON sy.pk = cs.system_pk WHERE cs.contract_pk = ? ORDER BY cs.seq");
    sqlite3_bind_int64(st, 1, c->id);
    size_t cap_ids = 0, cap_names = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(c->system_ids, cap_ids, c->nsystems + 1);
        GROW(c->system_names, cap_names, c->nsystems + 1);
        c->system_ids[c->nsystems] = sqlite3_column_int64(st, 0);
        c->system_names[c->nsystems] = store_col_dup(st, 1);
        c->nsystems++;
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "contract");
    sqlite3_finalize(st);
    return r;
}

status_code contract_get(store *s, int64_t id, contract *out, status_detail *err)
{
    *out = (contract){0};
    sqlite3_stmt *st = store_prepare(s, "SELECT c.ref, c.vendor_pk, v.name, c.term_start, c.term_end, c.clause_catalog,"
                                        " c.clause_version, c.created_at, c.created_by, c.updated_at FROM contract c"
                                        " JOIN vendor v ON v.pk = c.vendor_pk WHERE c.pk = ?");
    sqlite3_bind_int64(st, 1, id);
    status_code r;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
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
        r = STATUS_OK;
    } else if (rc == SQLITE_DONE) {
        r = status_fail(err, &(status_info){STATUS_CONTRACT_NOT_FOUND, .id = id});
    } else {
        r = store_fail(s, err, "contract");
    }
    sqlite3_finalize(st);
    if (r == STATUS_OK && (r = read_systems(s, out, err)) != STATUS_OK)
        contract_free(out);
    return r;
}

status_code contract_find(store *s, const char *key, int64_t *id, status_detail *err)
{
    if (str_empty(key))
        return status_fail(err, &(status_info){STATUS_CONTRACT_NOT_FOUND, .value = key});
    const char *digits = key[0] == '#' ? key + 1 : key;
    char *end = NULL;
    long long want = *digits ? strtoll(digits, &end, 10) : 0;
    if (!end || *end || want <= 0)
        want = 0;
    sqlite3_stmt *st = store_prepare(s, "SELECT pk FROM contract WHERE ref = ?1 OR pk = ?2 ORDER BY ref = ?1 DESC, pk");
    store_bind_text(st, 1, key);
    sqlite3_bind_int64(st, 2, want);
    status_code r;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        r = STATUS_OK;
    } else if (rc == SQLITE_DONE) {
        r = status_fail(err, &(status_info){STATUS_CONTRACT_NOT_FOUND, .value = key});
    } else {
        r = store_fail(s, err, "contract");
    }
    sqlite3_finalize(st);
    return r;
}

status_code contract_list(store *s, int64_t system_id, contract **out, size_t *nout, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT pk FROM contract WHERE ?1 = 0 OR pk IN"
                                        " (SELECT contract_pk FROM contract_system WHERE system_pk = ?1) ORDER BY pk");
    sqlite3_bind_int64(st, 1, system_id);
    contract *list = NULL;
    size_t n = 0, cap = 0;
    status_code r = STATUS_OK;
    int rc;
    while (r == STATUS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        if ((r = contract_get(s, sqlite3_column_int64(st, 0), &list[n], err)) == STATUS_OK)
            n++;
    }
    if (r == STATUS_OK && rc != SQLITE_DONE)
        r = store_fail(s, err, "contract");
    sqlite3_finalize(st);
    if (r != STATUS_OK) {
        contract_list_free(list, n);
        list = NULL;
        n = 0;
    }
    *out = list;
    *nout = n;
    return r;
}
