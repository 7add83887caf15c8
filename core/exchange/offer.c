#include "offer.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "bundle_system.h"
#include "digest.h"
#include "history/lib.h"

void offer_list_free(offer *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].system_name);
        free(list[i].field);
        free(list[i].value);
        free(list[i].current);
        free(list[i].status);
        free(list[i].decided_at);
        free(list[i].decided_by);
    }
    free(list);
}

static char *fact_canon(const ws_system *sys, size_t i)
{
    cJSON *j = bundle_system_fact_json(sys, i);
    char *t = digest_canonical(j);
    cJSON_Delete(j);
    return t;
}

status_code offer_add_for_system(store *s, int64_t import_id, const ws_system *theirs, const char *who, size_t *added,
                                 status_detail *err)
{
    (void)who;
    *added = 0;
    int64_t id = 0;
    status_detail e = {0};
    bool here = ws_system_find(s, theirs->name, &id, &e) == STATUS_OK;
    status_detail_free(&e);
    if (!here)
        return STATUS_OK;
    ws_system mine;
    status_code r = ws_system_get(s, id, &mine, err);
    for (size_t i = 0; r == STATUS_OK && i < bundle_system_fact_count(); i++) {
        if (!bundle_system_fact_stated(theirs, i))
            continue;
        char *a = fact_canon(theirs, i), *b = fact_canon(&mine, i);
        if (!str_eq(a, b)) {
            sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM exchange_offer WHERE system_pk = ? AND field = ? AND value = ?"
                                             " AND status = 'open'");
            sqlite3_bind_int64(st, 1, id);
            store_bind_text(st, 2, bundle_system_fact_name(i));
            store_bind_text(st, 3, a);
            bool dup = sqlite3_step(st) == SQLITE_ROW;
            store_done(s, st);
            if (!dup) {
                st = store_stmt(s, "INSERT INTO exchange_offer(import_pk, system_pk, field, value, status)"
                                   " VALUES(?,?,?,?,'open')");
                sqlite3_bind_int64(st, 1, import_id);
                sqlite3_bind_int64(st, 2, id);
                store_bind_text(st, 3, bundle_system_fact_name(i));
                store_bind_text(st, 4, a);
                int rc = sqlite3_step(st);
                store_done(s, st);
                if (rc != SQLITE_DONE)
                    r = store_fail(s, err, "exchange_offer");
                else
                    (*added)++;
            }
        }
        free(a);
        free(b);
    }
    ws_system_free(&mine);
    return r;
}

/* A fact's value as people read it: the text, yes / no, the number, list entries one per line. */
static char *fact_text(const ws_system *sys, size_t i)
{
    if (!bundle_system_fact_stated(sys, i))
        return NULL;
    const char *name = bundle_system_fact_name(i);
    strbuf b = {0};
#define LIST(arr, count, fmt)                                                                                         \
    for (size_t k = 0; k < sys->count; k++) {                                                                         \
        char *t = fmt(&sys->arr[k]);                                                                                  \
        sb_addf(&b, "%s%s", k ? "\n" : "", t);                                                                        \
        free(t);                                                                                                      \
    }
    if (str_eq(name, "ports")) {
        LIST(ports, nports, ws_port_format)
    } else if (str_eq(name, "storage")) {
        LIST(storage, nstorage, ws_storage_format)
    } else if (str_eq(name, "connections")) {
        LIST(connections, nconnections, ws_connection_format)
    } else if (str_eq(name, "controls")) {
        LIST(controls, ncontrols, ws_control_format)
    } else {
        cJSON *j = bundle_system_fact_json(sys, i);
        if (cJSON_IsString(j))
            sb_add(&b, j->valuestring);
        else if (cJSON_IsBool(j))
            sb_add(&b, cJSON_IsTrue(j) ? "yes" : "no");
        else if (cJSON_IsNumber(j))
            sb_addf(&b, "%d", j->valueint);
        cJSON_Delete(j);
    }
#undef LIST
    return sb_take(&b);
}

/* The offered JSON set into a copy of the system's fact i (for text and for accepting). */
static status_code offered_into(ws_system *sys, size_t i, const char *json, status_detail *err)
{
    cJSON *j = cJSON_Parse(json ? json : "null");
    status_code r = bundle_system_fact_set(sys, i, j, "exchange_offer", bundle_system_fact_name(i), err);
    cJSON_Delete(j);
    return r;
}

#define OFFER_SELECT                                                                                                  \
    "SELECT o.pk, o.import_pk, o.system_pk, s.name, o.field, o.value, o.status, o.decided_at, o.decided_by"           \
    " FROM exchange_offer o JOIN system s ON s.pk = o.system_pk"

status_code offer_list(store *s, bool all, offer **out, size_t *nout, status_detail *err)
{
    *out = NULL;
    *nout = 0;
    sqlite3_stmt *st = store_stmt(s, OFFER_SELECT " WHERE ?1 OR o.status = 'open' ORDER BY o.pk");
    sqlite3_bind_int(st, 1, all);
    offer *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    strlist values = {0};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        offer *o = &list[n++];
        memset(o, 0, sizeof *o);
        o->id = sqlite3_column_int64(st, 0);
        o->import_id = sqlite3_column_int64(st, 1);
        o->system_id = sqlite3_column_int64(st, 2);
        o->system_name = store_col_dup(st, 3);
        o->field = store_col_dup(st, 4);
        const char *v = (const char *)sqlite3_column_text(st, 5);
        sl_push(&values, v ? v : "null");
        o->status = store_col_dup(st, 6);
        o->decided_at = store_col_dup(st, 7);
        o->decided_by = store_col_dup(st, 8);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "exchange_offer");
    store_done(s, st);
    for (size_t k = 0; r == STATUS_OK && k < n; k++) {
        offer *o = &list[k];
        size_t i = bundle_system_fact_find(o->field);
        ws_system sys;
        if (i == (size_t)-1 || ws_system_get(s, o->system_id, &sys, NULL) != STATUS_OK)
            continue;
        o->current = fact_text(&sys, i);
        status_detail e = {0};
        if (offered_into(&sys, i, values.items[k], &e) == STATUS_OK)
            o->value = fact_text(&sys, i);
        status_detail_free(&e);
        ws_system_free(&sys);
    }
    sl_free(&values);
    if (r != STATUS_OK) {
        offer_list_free(list, n);
        return r;
    }
    *out = list;
    *nout = n;
    return STATUS_OK;
}

static status_code decide_one(store *s, int64_t id, bool accept, const char *who, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT system_pk, field, value, status FROM exchange_offer WHERE pk = ?");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        store_done(s, st);
        return rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_OFFER_NOT_FOUND, .id = id})
                                 : store_fail(s, err, "exchange_offer");
    }
    int64_t system_id = sqlite3_column_int64(st, 0);
    char *field = store_col_dup(st, 1), *value = store_col_dup(st, 2), *status = store_col_dup(st, 3);
    store_done(s, st);
    status_code r = STATUS_OK;
    if (!str_eq(status, "open"))
        r = status_fail(err, &(status_info){STATUS_OFFER_NOT_OPEN, .id = id, .field = status});
    if (r == STATUS_OK && accept) {
        ws_system sys;
        size_t i = bundle_system_fact_find(field);
        if ((r = ws_system_get(s, system_id, &sys, err)) == STATUS_OK) {
            if (i == (size_t)-1)
                r = status_fail(err, &(status_info){STATUS_INTERNAL, .field = field});
            if (r == STATUS_OK)
                r = offered_into(&sys, i, value, err);
            if (r == STATUS_OK)
                r = ws_system_save(s, &sys, who, NULL, err); /* nested: part of this transaction */
        }
        ws_system_free(&sys);
    }
    int64_t action = r == STATUS_OK ? history_action(s, who, "offer", 0, 0, err) : 0;
    if (r == STATUS_OK && !action)
        r = status_failed(err);
    history_target t = {.entity = "offer", .entity_id = id};
    const char *to = accept ? "accepted" : "rejected";
    if (r == STATUS_OK && history_add(s, action, &t, "status", status, to, err) < 0)
        r = status_failed(err);
    if (r == STATUS_OK) {
        char now[32];
        clock_now(now);
        st = store_stmt(s, "UPDATE exchange_offer SET status = ?, decided_at = ?, decided_by = ? WHERE pk = ?");
        store_bind_text(st, 1, to);
        store_bind_text(st, 2, now);
        store_bind_text(st, 3, who);
        sqlite3_bind_int64(st, 4, id);
        if (sqlite3_step(st) != SQLITE_DONE)
            r = store_fail(s, err, "exchange_offer");
        store_done(s, st);
    }
    free(field);
    free(value);
    free(status);
    return r;
}

status_code offer_decide(store *s, const int64_t *ids, size_t n, bool accept, const char *who, status_detail *err)
{
    if (store_begin(s, err) != STATUS_OK)
        return status_failed(err);
    status_code r = STATUS_OK;
    for (size_t i = 0; i < n && r == STATUS_OK; i++)
        r = decide_one(s, ids[i], accept, who, err);
    if (r != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    if (store_commit(s, err) != STATUS_OK) {
        store_rollback(s);
        return status_failed(err);
    }
    return STATUS_OK;
}
