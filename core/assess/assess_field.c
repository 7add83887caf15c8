#include "assess_field.h"

#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "assess.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "text/lib.h"

status_code assess_field_load(store *s, int64_t aid, assess_field_list *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, "SELECT key, value, updated_by, updated_at FROM assessment_field"
                                     " WHERE assessment_pk = ? ORDER BY key");
    sqlite3_bind_int64(st, 1, aid);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(out->items, out->cap, out->len + 1);
        out->items[out->len++] = (assess_field_value){store_col_dup(st, 0), store_col_dup(st, 1),
                                                      store_col_dup(st, 2), store_col_dup(st, 3)};
    }
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        assess_field_list_free(out);
        return store_fail(s, err, "assessment_field");
    }
    return STATUS_OK;
}

const assess_field_value *assess_field_get(const assess_field_list *l, const char *key)
{
    for (size_t i = 0; i < l->len; i++)
        if (str_eq(l->items[i].key, key))
            return &l->items[i];
    return NULL;
}

void assess_field_list_free(assess_field_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].key);
        free(l->items[i].value);
        free(l->items[i].updated_by);
        free(l->items[i].updated_at);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

static char *joined(const strlist *sl)
{
    strbuf sb = {0};
    for (size_t i = 0; i < sl->len; i++) {
        if (i)
            sb_add(&sb, ", ");
        sb_add(&sb, sl->items[i]);
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

/* The value as stored (ISO for a date) into *out, or the status when it does not fit (field
 * "field.KEY"). "" stays "". */
static status_code normalise(const catalog_field *f, const char *value, char **out, status_detail *err)
{
    *out = NULL;
    if (str_empty(value)) {
        *out = xstrdup("");
        return STATUS_OK;
    }
    char *field = xasprintf("field.%s", f->key);
    status_code r = STATUS_OK;
    if (f->type == CATALOG_FIELD_DATE) {
        char iso[11];
        if (jpdate_parse_iso(value, iso, err))
            *out = xstrdup(iso);
        else {
            r = status_failed(err);
            status_set_field(err, field);
        }
    } else if (f->type == CATALOG_FIELD_CHOICE && !sl_contains(&f->choices, value)) {
        char *ch = joined(&f->choices);
        r = status_fail(err, &(status_info){STATUS_FIELD_CHOICE, .field = field, .value = value, .extra = ch});
        free(ch);
    } else {
        *out = xstrdup(value);
    }
    free(field);
    return r;
}

static status_code unknown_key(const catalog *c, const char *key, status_detail *err)
{
    char *label = catalog_label(c);
    status_code r;
    if (c->nfields) {
        strlist keys = {0};
        for (size_t i = 0; i < c->nfields; i++)
            sl_push(&keys, c->fields[i].key);
        char *k = joined(&keys);
        sl_free(&keys);
        r = status_fail(err, &(status_info){STATUS_FIELD_UNKNOWN, .entity = label, .value = key, .extra = k});
        free(k);
    } else {
        r = status_fail(err, &(status_info){STATUS_FIELD_NONE, .entity = label, .value = key});
    }
    free(label);
    return r;
}

status_code assess_field_set(store *s, int64_t aid, const char *key, const char *value, const char *who,
                             int *changed, status_detail *err)
{
    if (changed)
        *changed = 0;
    assessment a;
    status_code r = assess_get_row(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    const catalog *c = catalog_db_get(s, a.catalog_id, a.catalog_version);
    const catalog_field *f = c ? catalog_find_field(c, key) : NULL;
    char *v = NULL;
    if (!c) {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = aid});
        free(label);
    } else if (!f) {
        r = unknown_key(c, key, err);
    } else {
        r = normalise(f, value, &v, err);
    }
    if (r != STATUS_OK) {
        assessment_free(&a);
        return r;
    }
    assess_field_list old = {0};
    if ((r = assess_field_load(s, aid, &old, err)) != STATUS_OK) {
        free(v);
        assessment_free(&a);
        return r;
    }
    const assess_field_value *ov = assess_field_get(&old, key);
    if (str_eq(ov ? ov->value : "", v)) {
        assess_field_list_free(&old);
        free(v);
        assessment_free(&a);
        return STATUS_OK;
    }
    if (store_begin(s, err) != 0) {
        assess_field_list_free(&old);
        free(v);
        assessment_free(&a);
        return status_failed(err);
    }
    char now[32];
    clock_now(now);
    int64_t action = history_action(s, who, "field", aid, 0, err);
    int h = action ? 0 : -1;
    char *hfield = xasprintf("field.%s", key);
    history_target t = {.entity = "assessment", .entity_id = aid, .assessment_id = aid};
    if (h >= 0)
        h = history_add(s, action, &t, hfield, ov ? ov->value : NULL, v, err);
    free(hfield);
    if (h >= 0) {
        sqlite3_stmt *st = store_stmt(s, *v ? "INSERT INTO assessment_field(assessment_pk, key, value, updated_by, updated_at)"
                                              " VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(assessment_pk, key) DO UPDATE"
                                              " SET value = ?3, updated_by = ?4, updated_at = ?5"
                                            : "DELETE FROM assessment_field WHERE assessment_pk = ?1 AND key = ?2");
        sqlite3_bind_int64(st, 1, aid);
        store_bind_text(st, 2, key);
        if (*v) {
            store_bind_text(st, 3, v);
            store_bind_text(st, 4, who);
            store_bind_text(st, 5, now);
        }
        if (sqlite3_step(st) != SQLITE_DONE) {
            store_fail(s, err, "assessment_field");
            h = -1;
        }
        store_done(s, st);
    }
    if (h >= 0 && a.signed_at && !a.changed_since_signoff)
        h = assessment_apply(s, action, aid, "changed_since_signoff", "1", err);
    assess_field_list_free(&old);
    free(v);
    assessment_free(&a);
    if (h < 0) {
        r = status_failed(err);
        store_rollback(s);
        return r;
    }
    if (store_commit(s, err) != 0)
        return status_failed(err);
    if (changed)
        *changed = 1;
    return STATUS_OK;
}
