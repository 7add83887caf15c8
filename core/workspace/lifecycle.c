/* Deleting, archiving and restoring vendors and systems, and undoing that (lifecycle.h). */
#include "lifecycle.h"

#include <stdlib.h>

#include "workspace.h"
#include "ws_record.h"
#include "history/lib.h"
#include "base/lib.h"

const char *ws_entity_name(ws_entity e)
{
    return e == WS_VENDOR ? "vendor" : "system";
}

/* Every row that refers to a vendor or a system: the foreign keys of core/store/schema.c (and the
 * vendor ids an answer's party and owner hold), one count per kind. */
typedef struct {
    const char *kind;
    const char *sql; /* one ? = the id */
} reference_query;

static const reference_query vendor_refs[] = {
    {"system", "SELECT count(*) FROM system WHERE vendor_pk = ?1"},
    {"assessment", "SELECT count(*) FROM assessment WHERE vendor_pk = ?1"},
    {"answer", "SELECT count(*) FROM answer WHERE party_vendor_pk = ?1 OR owner_vendor_pk = ?1"},
    {"contract", "SELECT (SELECT count(*) FROM contract WHERE vendor_pk = ?1)"
                 " + (SELECT count(*) FROM contract_cell WHERE vendor_pk = ?1)"},
    {"exchange_import", "SELECT count(*) FROM exchange_import WHERE vendor_pk = ?1"},
};

static const reference_query system_refs[] = {
    {"assessment", "SELECT count(*) FROM assessment WHERE system_pk = ?1"},
    {"contract", "SELECT count(*) FROM contract_system WHERE system_pk = ?1"},
    {"exchange_offer", "SELECT count(*) FROM exchange_offer WHERE system_pk = ?1"},
};

static status_code exists(store *s, ws_entity e, int64_t id, char **name, status_detail *err)
{
    char *sql = xasprintf("SELECT name, archived_at IS NOT NULL FROM %s WHERE pk = ?", ws_entity_name(e));
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    status_code r = STATUS_OK;
    if (rc == SQLITE_ROW) {
        if (name)
            *name = store_col_dup(st, 0);
    } else if (rc == SQLITE_DONE) {
        r = status_fail(err, &(status_info){e == WS_VENDOR ? STATUS_VENDOR_NOT_FOUND : STATUS_SYSTEM_NOT_FOUND, .id = id});
    } else {
        r = store_fail(s, err, ws_entity_name(e));
    }
    sqlite3_finalize(st);
    return r;
}

status_code ws_references(store *s, ws_entity e, int64_t id, ws_reference out[WS_REFERENCE_KINDS], size_t *n,
                          status_detail *err)
{
    *n = 0;
    status_code r = exists(s, e, id, NULL, err);
    const reference_query *q = e == WS_VENDOR ? vendor_refs : system_refs;
    size_t nq = e == WS_VENDOR ? AZ_ARRAY_LEN(vendor_refs) : AZ_ARRAY_LEN(system_refs);
    for (size_t i = 0; r == STATUS_OK && i < nq; i++) {
        sqlite3_stmt *st = store_prepare(s, q[i].sql);
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) != SQLITE_ROW)
            r = store_fail(s, err, q[i].kind);
        else if (sqlite3_column_int64(st, 0) > 0)
            out[(*n)++] = (ws_reference){q[i].kind, sqlite3_column_int64(st, 0)};
        sqlite3_finalize(st);
    }
    if (r != STATUS_OK)
        *n = 0;
    return r;
}

static status_code commit_or_rollback(store *s, status_code r, status_detail *err)
{
    if (r != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    return store_commit(s, err) == 0 ? STATUS_OK : status_failed(err);
}

status_code ws_delete(store *s, ws_entity e, int64_t id, const char *who, status_detail *err)
{
    if (store_begin(s, err) != 0)
        return status_failed(err);
    char *name = NULL;
    ws_reference refs[WS_REFERENCE_KINDS];
    size_t n = 0;
    status_code r = exists(s, e, id, &name, err);
    if (r == STATUS_OK)
        r = ws_references(s, e, id, refs, &n, err);
    if (r == STATUS_OK && n)
        r = status_fail(err, &(status_info){STATUS_IN_USE, .entity = ws_entity_name(e), .value = name, .id = id,
                                            .field = refs[0].kind, .num = refs[0].count});
    int64_t action = r == STATUS_OK ? history_action(s, who, "delete", 0, 0, err) : 0;
    if (r == STATUS_OK && !action)
        r = status_failed(err);
    if (r == STATUS_OK)
        r = ws_record_delete(s, action, e, id, NULL, err);
    free(name);
    return commit_or_rollback(s, r, err);
}

/* Sets archived_at (NULL clears) with its history row; 1 changed, 0 unchanged, -1 with *err. */
static int set_archived(store *s, int64_t action, ws_entity e, int64_t id, const char *value, status_detail *err)
{
    const char *table = ws_entity_name(e);
    char *sql = xasprintf("SELECT archived_at FROM %s WHERE pk = ?", table);
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    char *old = rc == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) {
        if (rc == SQLITE_DONE)
            status_fail(err, &(status_info){e == WS_VENDOR ? STATUS_VENDOR_NOT_FOUND : STATUS_SYSTEM_NOT_FOUND, .id = id});
        else
            store_fail(s, err, table);
        return -1;
    }
    history_target t = {.entity = table, .entity_id = id};
    int h = history_add(s, action, &t, "archived_at", old, value, err);
    free(old);
    if (h <= 0)
        return h;
    sql = xasprintf("UPDATE %s SET archived_at = ? WHERE pk = ?", table);
    st = store_prepare(s, sql);
    free(sql);
    store_bind_text(st, 1, value);
    sqlite3_bind_int64(st, 2, id);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, table);
        return -1;
    }
    return 1;
}

status_code ws_archive(store *s, ws_entity e, int64_t id, bool archive, const char *who, bool *changed,
                       status_detail *err)
{
    if (changed)
        *changed = false;
    if (store_begin(s, err) != 0)
        return status_failed(err);
    status_code r = exists(s, e, id, NULL, err);
    int64_t action = r == STATUS_OK ? history_action(s, who, archive ? "archive" : "restore", 0, 0, err) : 0;
    if (r == STATUS_OK && !action)
        r = status_failed(err);
    char now[32];
    clock_now(now);
    int h = r == STATUS_OK ? set_archived(s, action, e, id, archive ? now : NULL, err) : 0;
    if (h < 0)
        r = status_failed(err);
    if (r == STATUS_OK && h == 0) {
        store_rollback(s); /* nothing changed: no empty action in the history */
        return STATUS_OK;
    }
    r = commit_or_rollback(s, r, err);
    if (r == STATUS_OK && changed)
        *changed = true;
    return r;
}

void ws_undone_free(ws_undone *u)
{
    free(u->kind);
    free(u->name);
    memset(u, 0, sizeof *u);
}

/* The latest action of `who` that ws_undo may take back, or 0; its record into *e and *id. */
static int64_t last_undoable(store *s, const ws_entity *only, const char *who, ws_entity *e, int64_t *id)
{
    sqlite3_stmt *st = store_stmt(
        s, "SELECT a.pk, h.entity, h.entity_pk FROM history_action a JOIN history h ON h.action_pk = a.pk"
           " WHERE a.assessment_pk IS NULL AND a.who = ?1 AND a.undo_of IS NULL"
           " AND a.kind IN ('delete','archive','restore') AND h.entity IN ('vendor','system')"
           " AND (?2 IS NULL OR h.entity = ?2)"
           " AND NOT EXISTS (SELECT 1 FROM history_action u WHERE u.undo_of = a.pk)"
           " ORDER BY a.pk DESC LIMIT 1");
    store_bind_text(st, 1, str_empty(who) ? "unknown" : who);
    store_bind_text(st, 2, only ? ws_entity_name(*only) : NULL);
    int64_t action = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        action = sqlite3_column_int64(st, 0);
        *e = str_eq((const char *)sqlite3_column_text(st, 1), "vendor") ? WS_VENDOR : WS_SYSTEM;
        *id = sqlite3_column_int64(st, 2);
    }
    store_done(s, st);
    return action;
}

/* The old value of one field in an action's rows (NULL when none); caller frees. */
static bool action_value(const history_row *rows, size_t n, const char *field, char **old)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(rows[i].field, field)) {
            *old = rows[i].old_value ? xstrdup(rows[i].old_value) : NULL;
            return true;
        }
    return false;
}

static status_code undo_blocked(store *s, int64_t target, status_detail *err)
{
    history_row *later = NULL;
    size_t n = 0;
    if (history_changed_since(s, target, &later, &n, err) != STATUS_OK)
        return status_failed(err);
    if (!n)
        return STATUS_OK;
    char *rec = xasprintf("%s #%lld", later[0].entity, (long long)later[0].entity_id);
    char *when = xasprintf("%s, %s", later[0].kind ? later[0].kind : "", later[0].at ? later[0].at : "");
    status_fail(err, &(status_info){STATUS_UNDO_BLOCKED, .item = rec, .value = later[0].who, .extra = when,
                                    .num = target});
    free(rec);
    free(when);
    history_list_free(later, n);
    return STATUS_UNDO_BLOCKED;
}

status_code ws_undo(store *s, const ws_entity *only, const char *who, ws_undone *out, status_detail *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (store_begin(s, err) != 0)
        return status_failed(err);
    ws_entity e = WS_VENDOR;
    int64_t id = 0;
    int64_t target = last_undoable(s, only, who, &e, &id);
    if (!target) {
        store_rollback(s);
        return status_fail(err, &(status_info){STATUS_INVENTORY_NOTHING_TO_UNDO, .value = who,
                                               .entity = only ? ws_entity_name(*only) : NULL});
    }
    status_code r = undo_blocked(s, target, err);
    history_row *rows = NULL;
    size_t n = 0;
    if (r == STATUS_OK && history_list(s, &(history_filter){.action = target}, &rows, &n, err) != STATUS_OK)
        r = status_failed(err);
    const char *kind = n ? rows[0].kind : "";
    int64_t action = r == STATUS_OK ? history_action(s, who, "undo", 0, target, err) : 0;
    if (r == STATUS_OK && !action)
        r = status_failed(err);
    char *old = NULL;
    if (r == STATUS_OK && str_eq(kind, "delete")) {
        if (!action_value(rows, n, "record", &old))
            r = status_fail(err, &(status_info){STATUS_INTERNAL, .field = "record", .id = id});
        else
            r = ws_record_restore(s, action, e, id, old, err);
    } else if (r == STATUS_OK) {
        action_value(rows, n, "archived_at", &old);
        if (set_archived(s, action, e, id, old, err) < 0)
            r = status_failed(err);
    }
    free(old);
    if (r == STATUS_OK && out) {
        out->kind = xstrdup(kind);
        out->entity = e;
        out->id = id;
        exists(s, e, id, &out->name, NULL);
    }
    history_list_free(rows, n);
    r = commit_or_rollback(s, r, err);
    if (r != STATUS_OK && out)
        ws_undone_free(out);
    return r;
}
