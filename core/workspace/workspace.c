/* Workspace entities, table-driven: each entity is a list of (column, struct member, type), from
 * which reading, writing and the per-field history come. */
#include "workspace.h"
#include "ws_record.h"

#include <stddef.h>
#include <stdlib.h>
#include <ctype.h>
#include <strings.h>

#include "history/lib.h"
#include "text/lib.h"
#include "base/lib.h"

#include <cjson/cJSON.h>

const char *ws_tri_name(ws_tri t)
{
    return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "";
}

bool ws_tri_parse(const char *s, ws_tri *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "はい", "あり", "有", "有り"};
    static const char *const no[] = {"no", "n", "false", "0", "いいえ", "なし", "無", "無し"};
    if (str_empty(s) || str_eq(s, "unknown") || str_eq(s, "不明")) {
        *out = TRI_UNKNOWN;
        return true;
    }
    for (size_t i = 0; i < AZ_ARRAY_LEN(yes); i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = TRI_YES;
            return true;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = TRI_NO;
            return true;
        }
    }
    return false;
}

const ws_category ws_categories[] = {
    {"ehr", "電子カルテ", "Electronic health records"},
    {"ordering", "オーダリング", "Order entry"},
    {"pacs", "PACS", "PACS (image archive)"},
    {"department", "部門システム", "Departmental system"},
    {"lab", "検査システム", "Laboratory system"},
    {"billing", "医事会計", "Billing"},
    {"modality", "医療機器・モダリティ", "Medical device / modality"},
    {"network", "ネットワーク機器", "Network equipment"},
    {"server", "サーバ・基盤", "Servers / infrastructure"},
    {"terminal", "端末", "Client terminals"},
    {"regional", "地域連携", "Regional network"},
    {"cloud-service", "クラウドサービス", "Cloud service"},
    {"other", "その他", "Other"},
};
const size_t ws_category_count = AZ_ARRAY_LEN(ws_categories);

const ws_category *ws_category_parse(const char *s)
{
    for (size_t i = 0; i < ws_category_count; i++)
        if (str_eq(s, ws_categories[i].code) || str_eq(s, ws_categories[i].ja) || str_eq(s, ws_categories[i].en))
            return &ws_categories[i];
    return NULL;
}

/* ---- field descriptors ---- */

typedef enum { F_TEXT, F_DATE, F_TRI, F_INT, F_VENDOR } ftype;

typedef struct {
    const char *col;
    size_t off;
    ftype type;
    bool required;
} fdesc;

#define FT(s, m) {#m, offsetof(s, m), F_TEXT, false}
#define FREQ(s, m) {#m, offsetof(s, m), F_TEXT, true}
#define FD(s, m) {#m, offsetof(s, m), F_DATE, false}
#define FTRI(s, m) {#m, offsetof(s, m), F_TRI, false}
#define FI(s, m) {#m, offsetof(s, m), F_INT, false}

static const fdesc org_fields[] = {
    FREQ(ws_org, name),        FI(ws_org, beds),         FT(ws_org, administrator), FT(ws_org, security_officer),
    FT(ws_org, planning_manager), FT(ws_org, operations_staff), FT(ws_org, address), FT(ws_org, note),
};

static const fdesc vendor_fields[] = {
    FREQ(ws_vendor, name), FT(ws_vendor, contact),  FT(ws_vendor, phone),        FT(ws_vendor, email),
    FTRI(ws_vendor, isms), FD(ws_vendor, isms_expiry), FTRI(ws_vendor, pmark), FD(ws_vendor, pmark_expiry),
    FT(ws_vendor, note),
};

static const fdesc system_fields[] = {
    FREQ(ws_system, name),
    FREQ(ws_system, category),
    {"vendor_pk", offsetof(ws_system, vendor_id), F_VENDOR, false},
    FT(ws_system, product),
    FT(ws_system, product_version),
    FT(ws_system, hosting),
    FTRI(ws_system, remote_maintenance),
    FT(ws_system, remote_method),
    FT(ws_system, remote_source_restriction),
    FTRI(ws_system, medical_device),
    FTRI(ws_system, patient_data_in_maintenance),
    FTRI(ws_system, sbom_available),
    FT(ws_system, sbom_ref),
    FD(ws_system, end_of_support),
    FT(ws_system, backup_method),
    FI(ws_system, backup_generations),
    FT(ws_system, restore_by),
    FT(ws_system, restore_method),
    FT(ws_system, disposal),
    FT(ws_system, documents),
    FT(ws_system, note),
    FT(ws_system, security_updates_by),
    FTRI(ws_system, security_updates_in_contract),
};

#define MEMBER(obj, f, T) ((T *)(void *)((char *)(obj) + (f)->off))
#define CMEMBER(obj, f, T) ((const T *)(const void *)((const char *)(obj) + (f)->off))

static char *vendor_label(store *s, int64_t id)
{
    if (!id)
        return NULL;
    sqlite3_stmt *st = store_prepare(s, "SELECT name FROM vendor WHERE pk = ?");
    sqlite3_bind_int64(st, 1, id);
    char *r = sqlite3_step(st) == SQLITE_ROW ? xasprintf("%s (#%lld)", (const char *)sqlite3_column_text(st, 0),
                                                          (long long)id)
                                             : xasprintf("#%lld", (long long)id);
    sqlite3_finalize(st);
    return r;
}

char *ws_history_value(store *s, const char *entity, const char *field, const char *value)
{
    if (str_empty(value))
        return NULL;
    int64_t id = history_field_is_vendor(entity, field) ? history_vendor_ref(value) : 0;
    char *end = NULL;
    /* only a bare id is looked up; a "name (#3)" text already names the vendor of its time */
    if (!id || strtoll(value, &end, 10) != id || *end)
        return xstrdup(value);
    sqlite3_stmt *st = store_stmt(s, "SELECT name FROM vendor WHERE pk = ?");
    sqlite3_bind_int64(st, 1, id);
    char *r = sqlite3_step(st) == SQLITE_ROW ? xasprintf("%s (#%lld)", (const char *)sqlite3_column_text(st, 0),
                                                          (long long)id)
                                             : xasprintf("#%lld", (long long)id);
    store_done(s, st);
    return r;
}

/* The field's value as history text; NULL when empty. Caller frees. */
static char *field_text(store *s, const void *obj, const fdesc *f)
{
    switch (f->type) {
    case F_TEXT:
    case F_DATE: {
        const char *v = *CMEMBER(obj, f, char *const);
        return str_empty(v) ? NULL : xstrdup(v);
    }
    case F_TRI: {
        ws_tri t = *CMEMBER(obj, f, ws_tri);
        return t == TRI_UNKNOWN ? NULL : xstrdup(ws_tri_name(t));
    }
    case F_INT: {
        int v = *CMEMBER(obj, f, int);
        return v ? xasprintf("%d", v) : NULL;
    }
    case F_VENDOR:
        return vendor_label(s, *CMEMBER(obj, f, int64_t));
    }
    return NULL;
}

static void field_bind(sqlite3_stmt *st, int idx, const void *obj, const fdesc *f)
{
    switch (f->type) {
    case F_TEXT:
    case F_DATE: {
        const char *v = *CMEMBER(obj, f, char *const);
        store_bind_text(st, idx, str_empty(v) ? NULL : v);
        break;
    }
    case F_TRI: {
        ws_tri t = *CMEMBER(obj, f, ws_tri);
        if (t == TRI_UNKNOWN)
            sqlite3_bind_null(st, idx);
        else
            sqlite3_bind_int(st, idx, t == TRI_YES);
        break;
    }
    case F_INT: {
        int v = *CMEMBER(obj, f, int);
        if (v)
            sqlite3_bind_int(st, idx, v);
        else
            sqlite3_bind_null(st, idx);
        break;
    }
    case F_VENDOR: {
        int64_t v = *CMEMBER(obj, f, int64_t);
        if (v)
            sqlite3_bind_int64(st, idx, v);
        else
            sqlite3_bind_null(st, idx);
        break;
    }
    }
}

static void field_read(sqlite3_stmt *st, int idx, void *obj, const fdesc *f)
{
    bool null = sqlite3_column_type(st, idx) == SQLITE_NULL;
    switch (f->type) {
    case F_TEXT:
    case F_DATE:
        *MEMBER(obj, f, char *) = null ? NULL : xstrdup((const char *)sqlite3_column_text(st, idx));
        break;
    case F_TRI:
        *MEMBER(obj, f, ws_tri) = null ? TRI_UNKNOWN : sqlite3_column_int(st, idx) ? TRI_YES : TRI_NO;
        break;
    case F_INT:
        *MEMBER(obj, f, int) = sqlite3_column_int(st, idx);
        break;
    case F_VENDOR:
        *MEMBER(obj, f, int64_t) = sqlite3_column_int64(st, idx);
        break;
    }
}

/* Columns 2.. of a select_sql row into obj. */
static void fields_read(sqlite3_stmt *st, void *obj, const fdesc *fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        field_read(st, (int)i + 2, obj, &fields[i]);
}

static void fields_free(void *obj, const fdesc *fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fields[i].type == F_TEXT || fields[i].type == F_DATE)
            xfree(MEMBER(obj, &fields[i], char *));
}

/* Checks required fields, dates and vendors; the failure names the field. */
static status_code fields_check(store *s, const void *obj, const fdesc *fields, size_t n, status_detail *err)
{
    for (size_t i = 0; i < n; i++) {
        const fdesc *f = &fields[i];
        if (f->type == F_TEXT || f->type == F_DATE) {
            const char *v = *CMEMBER(obj, f, char *const);
            if (f->required && str_empty(v))
                return status_fail(err, &(status_info){STATUS_FIELD_REQUIRED, .field = f->col});
            if (f->type == F_DATE && !str_empty(v) && !jpdate_is_iso(v))
                return status_fail(err, &(status_info){STATUS_DATE_NOT_ISO, .field = f->col, .value = v});
        } else if (f->type == F_INT && *CMEMBER(obj, f, int) < 0) {
            return status_fail(err, &(status_info){STATUS_NEGATIVE, .field = f->col});
        } else if (f->type == F_VENDOR) {
            int64_t v = *CMEMBER(obj, f, int64_t);
            if (v) {
                sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM vendor WHERE pk = ?");
                sqlite3_bind_int64(st, 1, v);
                bool ok = sqlite3_step(st) == SQLITE_ROW;
                sqlite3_finalize(st);
                if (!ok)
                    return status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .field = f->col, .id = v});
            }
        }
    }
    return STATUS_OK;
}

static char *select_sql(const char *table, const fdesc *fields, size_t n, const char *extra)
{
    strbuf b = {0};
    sb_add(&b, "SELECT pk, updated_at");
    for (size_t i = 0; i < n; i++)
        sb_addf(&b, ", %s", fields[i].col);
    /* vendors and systems can be archived: the column after the fields (ws_record.h) */
    sb_addf(&b, "%s FROM %s %s", str_eq(table, "org") ? "" : ", archived_at", table, extra);
    return sb_take(&b);
}

/* The id a new vendor or system gets: above every id the table or its history ever held, so a
 * deleted row's history never mixes with a new row's. 0 on a failed read. */
static int64_t next_id(store *s, const char *table, status_detail *err)
{
    char *sql = xasprintf("SELECT MAX(IFNULL((SELECT MAX(pk) FROM %s), 0),"
                          " IFNULL((SELECT MAX(entity_pk) FROM history WHERE entity = ?), 0)) + 1", table);
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    store_bind_text(st, 1, table);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (!id)
        store_fail(s, err, table);
    return id;
}

/* Writes the row (insert when id == 0) and the history of changed fields. `old` is the stored
 * object or NULL for an insert. Returns the row id, 0 on error. Inside a transaction. */
static int64_t entity_write(store *s, const char *table, const char *entity, const fdesc *fields, size_t n,
                            int64_t id, const void *old, const void *obj, int64_t action, int *changes,
                            status_detail *err)
{
    char now[32];
    clock_now(now);
    if (!old && !id && !str_eq(table, "org") && !(id = next_id(s, table, err)))
        return 0;
    strbuf b = {0};
    if (!old) {
        sb_addf(&b, "INSERT INTO %s(%supdated_at", table, id ? "pk, " : "");
        for (size_t i = 0; i < n; i++)
            sb_addf(&b, ", %s", fields[i].col);
        sb_add(&b, ") VALUES(?");
        for (size_t i = 0; i < n; i++)
            sb_add(&b, ", ?");
        sb_add(&b, id ? ", ?)" : ")");
    } else {
        sb_addf(&b, "UPDATE %s SET updated_at = ?", table);
        for (size_t i = 0; i < n; i++)
            sb_addf(&b, ", %s = ?", fields[i].col);
        sb_add(&b, " WHERE pk = ?");
    }
    sqlite3_stmt *st = store_prepare(s, sb_str(&b));
    sb_free(&b);
    int idx = 1;
    if (!old && id)
        sqlite3_bind_int64(st, idx++, id);
    store_bind_text(st, idx++, now);
    for (size_t i = 0; i < n; i++)
        field_bind(st, idx++, obj, &fields[i]);
    if (old)
        sqlite3_bind_int64(st, idx++, id);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, table);
        return 0;
    }
    if (!old && !id)
        id = sqlite3_last_insert_rowid(store_db(s));
    history_target t = {.entity = entity, .entity_id = id};
    for (size_t i = 0; i < n; i++) {
        char *o = old ? field_text(s, old, &fields[i]) : NULL;
        char *v = field_text(s, obj, &fields[i]);
        int r = history_add(s, action, &t, fields[i].col, o, v, err);
        free(o);
        free(v);
        if (r < 0)
            return 0;
        *changes += r;
    }
    return id;
}

static status_code finish(store *s, status_code st, int changes, status_detail *err)
{
    if (st != STATUS_OK || changes == 0) {
        store_rollback(s);
        return st;
    }
    return store_commit(s, err);
}

static status_code begin(store *s, status_detail *err)
{
    return store_begin(s, err);
}

/* After entity_write failed: NAME_TAKEN when the name is taken, else the failure reported. */
static status_code write_failed(store *s, const char *what, const char *name, status_detail *err)
{
    if (sqlite3_extended_errcode(store_db(s)) != SQLITE_CONSTRAINT_UNIQUE)
        return status_failed(err);
    return status_fail(err, &(status_info){STATUS_NAME_TAKEN, .field = "name", .entity = what, .value = name});
}

/* ---- organisation ---- */

status_code ws_org_get(store *s, ws_org *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    char *sql = select_sql("org", org_fields, AZ_ARRAY_LEN(org_fields), "WHERE pk = 1");
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    status_code r = STATUS_ORG_MISSING;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->updated_at = xstrdup((const char *)sqlite3_column_text(st, 1));
        fields_read(st, out, org_fields, AZ_ARRAY_LEN(org_fields));
        r = STATUS_OK;
    } else if (rc == SQLITE_DONE) {
        status_fail(err, &(status_info){.code = STATUS_ORG_MISSING});
    } else {
        r = store_fail(s, err, "org");
    }
    sqlite3_finalize(st);
    return r;
}

status_code ws_org_save(store *s, const ws_org *org, const char *who, status_detail *err)
{
    status_code r = fields_check(s, org, org_fields, AZ_ARRAY_LEN(org_fields), err);
    if (r != STATUS_OK)
        return r;
    if ((r = begin(s, err)) != STATUS_OK)
        return r;
    ws_org old;
    status_code got = ws_org_get(s, &old, err);
    bool have = got == STATUS_OK;
    if (got != STATUS_OK && got != STATUS_ORG_MISSING) {
        store_rollback(s);
        return got;
    }
    status_detail_free(err);
    int changes = 0;
    int64_t action = history_action(s, who, have ? "edit" : "create", 0, 0, err);
    if (!action || !entity_write(s, "org", "org", org_fields, AZ_ARRAY_LEN(org_fields), 1, have ? &old : NULL, org,
                                 action, &changes, err))
        r = status_failed(err);
    if (have)
        ws_org_free(&old);
    return finish(s, r, changes, err);
}

void ws_org_free(ws_org *o)
{
    fields_free(o, org_fields, AZ_ARRAY_LEN(org_fields));
    free(o->updated_at);
    memset(o, 0, sizeof *o);
}

/* ---- vendors ---- */

static void vendor_read(sqlite3_stmt *st, ws_vendor *v)
{
    memset(v, 0, sizeof *v);
    v->id = sqlite3_column_int64(st, 0);
    v->updated_at = xstrdup((const char *)sqlite3_column_text(st, 1));
    fields_read(st, v, vendor_fields, AZ_ARRAY_LEN(vendor_fields));
    v->archived_at = store_col_dup(st, (int)AZ_ARRAY_LEN(vendor_fields) + 2);
}

status_code ws_vendor_get(store *s, int64_t id, ws_vendor *out, status_detail *err)
{
    char *sql = select_sql("vendor", vendor_fields, AZ_ARRAY_LEN(vendor_fields), "WHERE pk = ?");
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    status_code r = STATUS_VENDOR_NOT_FOUND;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        vendor_read(st, out);
        r = STATUS_OK;
    } else {
        memset(out, 0, sizeof *out);
        r = rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .id = id})
                              : store_fail(s, err, "vendor");
    }
    sqlite3_finalize(st);
    return r;
}

static bool parse_id(const char *key, int64_t *id)
{
    const char *p = key[0] == '#' ? key + 1 : key;
    if (!*p)
        return false;
    char *end;
    long long v = strtoll(p, &end, 10);
    if (*end || v <= 0)
        return false;
    *id = v;
    return true;
}

static status_code find_by(store *s, const char *table, const char *what, const char *key, int64_t *id,
                           status_detail *err)
{
    status_code not_found = str_eq(table, "vendor") ? STATUS_VENDOR_NOT_FOUND : STATUS_SYSTEM_NOT_FOUND;
    if (str_empty(key))
        return status_fail(err, &(status_info){STATUS_NAME_EMPTY, .entity = what});
    char *sql = xasprintf("SELECT pk FROM %s WHERE name = ?1 OR (?2 > 0 AND pk = ?2) ORDER BY name = ?1 DESC", table);
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    int64_t want = 0;
    if (!parse_id(key, &want))
        want = 0;
    store_bind_text(st, 1, key);
    sqlite3_bind_int64(st, 2, want);
    status_code r = not_found;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        r = STATUS_OK;
    } else {
        r = rc == SQLITE_DONE ? status_fail(err, &(status_info){not_found, .value = key}) : store_fail(s, err, table);
    }
    sqlite3_finalize(st);
    return r;
}

status_code ws_vendor_find(store *s, const char *key, int64_t *id, status_detail *err)
{
    return find_by(s, "vendor", "vendor", key, id, err);
}

status_code ws_vendor_list(store *s, ws_vendor **out, size_t *nout, status_detail *err)
{
    char *sql = select_sql("vendor", vendor_fields, AZ_ARRAY_LEN(vendor_fields), "ORDER BY name");
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    ws_vendor *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        vendor_read(st, &list[n++]);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "vendor");
    sqlite3_finalize(st);
    if (r != STATUS_OK) {
        ws_vendor_list_free(list, n);
        list = NULL;
        n = 0;
    }
    *out = list;
    *nout = n;
    return r;
}

status_code ws_vendor_save(store *s, const ws_vendor *v, const char *who, int64_t *new_id, status_detail *err)
{
    status_code r = fields_check(s, v, vendor_fields, AZ_ARRAY_LEN(vendor_fields), err);
    if (r != STATUS_OK)
        return r;
    if ((r = begin(s, err)) != STATUS_OK)
        return r;
    ws_vendor old = {0};
    if (v->id && (r = ws_vendor_get(s, v->id, &old, err)) != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    int changes = 0;
    int64_t action = history_action(s, who, v->id ? "edit" : "create", 0, 0, err);
    int64_t id = action ? entity_write(s, "vendor", "vendor", vendor_fields, AZ_ARRAY_LEN(vendor_fields), v->id,
                                       v->id ? &old : NULL, v, action, &changes, err)
                        : 0;
    if (!id)
        r = write_failed(s, "vendor", v->name, err);
    ws_vendor_free(&old);
    r = finish(s, r, changes, err);
    if (new_id && r == STATUS_OK)
        *new_id = id;
    return r;
}

void ws_vendor_free(ws_vendor *v)
{
    fields_free(v, vendor_fields, AZ_ARRAY_LEN(vendor_fields));
    free(v->updated_at);
    free(v->archived_at);
    memset(v, 0, sizeof *v);
}

void ws_vendor_list_free(ws_vendor *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ws_vendor_free(&list[i]);
    free(list);
}

/* ---- systems ---- */

char *ws_port_format(const ws_port *p)
{
    strbuf b = {0};
    sb_addf(&b, "%s %s", p->dir == PORT_IN ? "in" : "out", p->ports ? p->ports : "");
    if (!str_empty(p->protocol))
        sb_addf(&b, "/%s", p->protocol);
    if (!str_empty(p->purpose))
        sb_addf(&b, ": %s", p->purpose);
    if (!str_empty(p->note))
        sb_addf(&b, " (%s)", p->note);
    return sb_take(&b);
}

char *ws_storage_format(const ws_storage *st)
{
    strbuf b = {0};
    if (!str_empty(st->medium))
        sb_addf(&b, "[%s] ", st->medium);
    sb_add(&b, st->location ? st->location : "");
    if (!str_empty(st->content))
        sb_addf(&b, ": %s", st->content);
    return sb_take(&b);
}

char *ws_connection_format(const ws_connection *c)
{
    strbuf b = {0};
    sb_add(&b, c->peer ? c->peer : "");
    if (!str_empty(c->method))
        sb_addf(&b, " via %s", c->method);
    if (!str_empty(c->purpose))
        sb_addf(&b, ": %s", c->purpose);
    return sb_take(&b);
}

char *ws_control_format(const ws_control *c)
{
    if (str_empty(c->measure))
        return xstrdup(c->kind ? c->kind : "");
    return xasprintf("%s: %s", c->kind ? c->kind : "", c->measure);
}

/* A system's four lists, each described once: the history field, its table, its columns with the
 * member each holds, where the list lives in ws_system and how an entry reads as one line. Reading,
 * writing, history text and freeing all go through this table. */
typedef enum { LIST_COL_TEXT, LIST_COL_PORT_DIR } list_col_type;
typedef struct {
    size_t offset; /* of the member in the entry struct */
    list_col_type type;
} list_col;
typedef struct {
    const char *field; /* history field name */
    const char *select_sql, *delete_sql, *insert_sql; /* columns in cols order, after system_pk, seq */
    size_t items_offset, count_offset, entry_size;
    list_col cols[5];
    size_t ncols;
    char *(*format)(const void *entry);
} list_desc;

static char *format_port(const void *e) { return ws_port_format(e); }
static char *format_storage(const void *e) { return ws_storage_format(e); }
static char *format_connection(const void *e) { return ws_connection_format(e); }
static char *format_control(const void *e) { return ws_control_format(e); }

#define TEXT_COL(type, member) {offsetof(type, member), LIST_COL_TEXT}
static const list_desc system_lists[] = {
    {"ports", "SELECT dir, ports, protocol, purpose, note FROM system_port WHERE system_pk = ? ORDER BY seq",
     "DELETE FROM system_port WHERE system_pk = ?",
     "INSERT INTO system_port(system_pk, seq, dir, ports, protocol, purpose, note) VALUES(?,?,?,?,?,?,?)",
     offsetof(ws_system, ports), offsetof(ws_system, nports), sizeof(ws_port),
     {{offsetof(ws_port, dir), LIST_COL_PORT_DIR}, TEXT_COL(ws_port, ports), TEXT_COL(ws_port, protocol),
      TEXT_COL(ws_port, purpose), TEXT_COL(ws_port, note)},
     5, format_port},
    {"storage", "SELECT medium, location, content FROM system_storage WHERE system_pk = ? ORDER BY seq",
     "DELETE FROM system_storage WHERE system_pk = ?",
     "INSERT INTO system_storage(system_pk, seq, medium, location, content) VALUES(?,?,?,?,?)",
     offsetof(ws_system, storage), offsetof(ws_system, nstorage), sizeof(ws_storage),
     {TEXT_COL(ws_storage, medium), TEXT_COL(ws_storage, location), TEXT_COL(ws_storage, content)}, 3, format_storage},
    {"connections", "SELECT peer, method, purpose FROM system_connection WHERE system_pk = ? ORDER BY seq",
     "DELETE FROM system_connection WHERE system_pk = ?",
     "INSERT INTO system_connection(system_pk, seq, peer, method, purpose) VALUES(?,?,?,?,?)",
     offsetof(ws_system, connections), offsetof(ws_system, nconnections), sizeof(ws_connection),
     {TEXT_COL(ws_connection, peer), TEXT_COL(ws_connection, method), TEXT_COL(ws_connection, purpose)}, 3,
     format_connection},
    {"controls", "SELECT kind, measure FROM system_control WHERE system_pk = ? ORDER BY seq",
     "DELETE FROM system_control WHERE system_pk = ?",
     "INSERT INTO system_control(system_pk, seq, kind, measure) VALUES(?,?,?,?)",
     offsetof(ws_system, controls), offsetof(ws_system, ncontrols), sizeof(ws_control),
     {TEXT_COL(ws_control, kind), TEXT_COL(ws_control, measure)}, 2, format_control},
};
#undef TEXT_COL
#define LIST__COUNT AZ_ARRAY_LEN(system_lists)

static void **list_items(ws_system *sys, const list_desc *d)
{
    return (void **)((char *)sys + d->items_offset);
}

static size_t *list_count(ws_system *sys, const list_desc *d)
{
    return (size_t *)((char *)sys + d->count_offset);
}

static char *list_at(ws_system *sys, const list_desc *d, size_t i)
{
    return (char *)*list_items(sys, d) + i * d->entry_size;
}

static size_t list_len(const ws_system *sys, const list_desc *d)
{
    return *(const size_t *)((const char *)sys + d->count_offset);
}

static const char *list_entry(const ws_system *sys, const list_desc *d, size_t i)
{
    const char *items = *(char *const *)((const char *)sys + d->items_offset);
    return items + i * d->entry_size;
}

static char *list_text(const ws_system *sys, const list_desc *d)
{
    size_t n = list_len(sys, d);
    if (!n)
        return NULL;
    strbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        char *e = d->format(list_entry(sys, d, i));
        if (i)
            sb_addc(&b, '\n');
        sb_add(&b, e);
        free(e);
    }
    return sb_take(&b);
}

/* Appends the current row of the list's SELECT to the system's list. */
static void list_read_row(sqlite3_stmt *st, ws_system *sys, const list_desc *d, size_t *cap)
{
    size_t *n = list_count(sys, d);
    util_grow_array(list_items(sys, d), cap, *n + 1, d->entry_size);
    char *e = list_at(sys, d, (*n)++);
    memset(e, 0, d->entry_size);
    for (size_t c = 0; c < d->ncols; c++) {
        if (d->cols[c].type == LIST_COL_PORT_DIR)
            *(ws_port_dir *)(e + d->cols[c].offset) =
                str_eq((const char *)sqlite3_column_text(st, (int)c), "out") ? PORT_OUT : PORT_IN;
        else
            *(char **)(e + d->cols[c].offset) = store_col_dup(st, (int)c);
    }
}

static void system_lists_read(store *s, ws_system *sys)
{
    for (size_t k = 0; k < LIST__COUNT; k++) {
        sqlite3_stmt *st = store_prepare(s, system_lists[k].select_sql);
        sqlite3_bind_int64(st, 1, sys->id);
        size_t cap = 0;
        while (sqlite3_step(st) == SQLITE_ROW)
            list_read_row(st, sys, &system_lists[k], &cap);
        sqlite3_finalize(st);
    }
}

static void system_lists_free(ws_system *sys)
{
    for (size_t k = 0; k < LIST__COUNT; k++) {
        const list_desc *d = &system_lists[k];
        for (size_t i = 0; i < *list_count(sys, d); i++) {
            char *e = list_at(sys, d, i);
            for (size_t c = 0; c < d->ncols; c++)
                if (d->cols[c].type == LIST_COL_TEXT)
                    free(*(char **)(e + d->cols[c].offset));
        }
        free(*list_items(sys, d));
    }
}

static bool step_done(store *s, sqlite3_stmt *st, status_detail *err)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        store_fail(s, err, "system");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE;
}

static bool system_list_write(store *s, const ws_system *sys, int64_t id, const list_desc *d, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, d->delete_sql);
    sqlite3_bind_int64(st, 1, id);
    bool ok = step_done(s, st, err);
    sqlite3_finalize(st);
    st = store_prepare(s, d->insert_sql);
    for (size_t i = 0; ok && i < list_len(sys, d); i++) {
        const char *e = list_entry(sys, d, i);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, (int)i);
        for (size_t c = 0; c < d->ncols; c++) {
            if (d->cols[c].type == LIST_COL_PORT_DIR)
                store_bind_text(st, 3 + (int)c, *(const ws_port_dir *)(e + d->cols[c].offset) == PORT_OUT ? "out" : "in");
            else
                store_bind_text(st, 3 + (int)c, *(char *const *)(e + d->cols[c].offset));
        }
        ok = step_done(s, st, err);
    }
    sqlite3_finalize(st);
    return ok;
}

const char *ws_hosting_parse(const char *s)
{
    static const struct {
        const char *in, *stored;
    } names[] = {{"on-premises", "on-premises"}, {"cloud", "cloud"},  {"hybrid", "hybrid"},   {"オンプレミス", "on-premises"},
                 {"onprem", "on-premises"},      {"on-prem", "on-premises"}, {"クラウド", "cloud"}, {"ハイブリッド", "hybrid"}};
    if (str_empty(s))
        return "";
    for (size_t i = 0; i < AZ_ARRAY_LEN(names); i++)
        if (str_eq(s, names[i].in))
            return names[i].stored;
    return NULL;
}

const char *ws_updates_by_parse(const char *s)
{
    static const struct {
        const char *in, *stored;
    } names[] = {{"hospital", "hospital"}, {"vendor", "vendor"}, {"none", "none"},   {"医療機関", "hospital"},
                 {"病院", "hospital"},     {"事業者", "vendor"}, {"ベンダー", "vendor"}, {"なし", "none"}};
    if (str_empty(s))
        return "";
    for (size_t i = 0; i < AZ_ARRAY_LEN(names); i++)
        if (str_eq(s, names[i].in))
            return names[i].stored;
    return NULL;
}

status_code ws_ports_check(const char *ports, status_detail *err)
{
    const char *p = ports ? ports : "";
    for (;;) {
        while (*p == ' ')
            p++;
        if (!isdigit((unsigned char)*p))
            return status_fail(err, &(status_info){STATUS_PORT_MALFORMED, .value = ports});
        char *end = NULL;
        long lo = strtol(p, &end, 10);
        if (lo < 1 || lo > 65535)
            return status_fail(err, &(status_info){STATUS_PORT_OUT_OF_RANGE, .value = ports, .num = lo});
        p = end;
        if (*p == '-') {
            if (!isdigit((unsigned char)p[1]))
                return status_fail(err, &(status_info){STATUS_PORT_MALFORMED, .value = ports});
            long hi = strtol(p + 1, &end, 10);
            if (hi > 65535)
                return status_fail(err, &(status_info){STATUS_PORT_OUT_OF_RANGE, .value = ports, .num = hi});
            if (hi < lo)
                return status_fail(err, &(status_info){STATUS_PORT_MALFORMED, .value = ports});
            p = end;
        }
        while (*p == ' ')
            p++;
        if (!*p)
            return STATUS_OK;
        if (*p != ',')
            return status_fail(err, &(status_info){STATUS_PORT_MALFORMED, .value = ports});
        p++;
    }
}

/* Splits row into exactly n trimmed fields (NULL when empty); LIST_ROW_TOO_MANY when it has more. */
static status_code split_row(const char *row, char **out, size_t n, const char *form, status_detail *err)
{
    for (size_t i = 0; i < n; i++)
        out[i] = NULL;
    const char *p = row ? row : "";
    for (size_t i = 0; p; i++) {
        const char *bar = strchr(p, '|');
        if (i == n) {
            for (size_t k = 0; k < n; k++)
                xfree(&out[k]);
            return status_fail(err, &(status_info){STATUS_LIST_ROW_TOO_MANY, .value = row, .num = (int64_t)n,
                                                   .extra = form});
        }
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        while (len && *p == ' ')
            p++, len--;
        while (len && p[len - 1] == ' ')
            len--;
        out[i] = len ? xstrndup(p, len) : NULL;
        p = bar ? bar + 1 : NULL;
    }
    return STATUS_OK;
}

/* LIST_ROW_INCOMPLETE naming the missing part, after freeing the n fields. */
static status_code row_incomplete(const char *row, char **f, size_t n, const char *part, const char *form,
                                  status_detail *err)
{
    for (size_t k = 0; k < n; k++)
        xfree(&f[k]);
    return status_fail(err, &(status_info){STATUS_LIST_ROW_INCOMPLETE, .value = row, .entity = part, .extra = form});
}

status_code ws_port_parse(const char *row, ws_port_dir dir, ws_port *out, status_detail *err)
{
    static const char form[] = "PORTS|PROTOCOL|PURPOSE|NOTE";
    char *f[4];
    memset(out, 0, sizeof *out);
    status_code r = split_row(row, f, 4, form, err);
    if (r != STATUS_OK)
        return r;
    if (!f[0])
        return row_incomplete(row, f, 4, "port", form, err);
    if ((r = ws_ports_check(f[0], err)) != STATUS_OK) {
        for (size_t k = 0; k < 4; k++)
            free(f[k]);
        return r;
    }
    *out = (ws_port){dir, f[0], f[1], f[2], f[3]};
    return STATUS_OK;
}

status_code ws_storage_parse(const char *row, ws_storage *out, status_detail *err)
{
    static const char form[] = "MEDIUM|LOCATION|CONTENT";
    char *f[3];
    memset(out, 0, sizeof *out);
    status_code r = split_row(row, f, 3, form, err);
    if (r != STATUS_OK)
        return r;
    if (!f[1])
        return row_incomplete(row, f, 3, "location", form, err);
    *out = (ws_storage){f[0], f[1], f[2]};
    return STATUS_OK;
}

status_code ws_connection_parse(const char *row, ws_connection *out, status_detail *err)
{
    static const char form[] = "PEER|METHOD|PURPOSE";
    char *f[3];
    memset(out, 0, sizeof *out);
    status_code r = split_row(row, f, 3, form, err);
    if (r != STATUS_OK)
        return r;
    if (!f[0])
        return row_incomplete(row, f, 3, "peer", form, err);
    *out = (ws_connection){f[0], f[1], f[2]};
    return STATUS_OK;
}

status_code ws_control_parse(const char *row, ws_control *out, status_detail *err)
{
    static const char form[] = "TYPE|MEASURE";
    char *f[2];
    memset(out, 0, sizeof *out);
    status_code r = split_row(row, f, 2, form, err);
    if (r != STATUS_OK)
        return r;
    if (!f[0])
        return row_incomplete(row, f, 2, "kind", form, err);
    *out = (ws_control){f[0], f[1]};
    return STATUS_OK;
}

static status_code system_check(const ws_system *sys, status_detail *err)
{
    if (!str_empty(sys->category) && !ws_category_parse(sys->category))
        return status_fail(err, &(status_info){STATUS_CATEGORY_UNKNOWN, .field = "category", .value = sys->category});
    if (!ws_hosting_parse(sys->hosting))
        return status_fail(err, &(status_info){STATUS_HOSTING_UNKNOWN, .field = "hosting", .value = sys->hosting});
    if (!ws_updates_by_parse(sys->security_updates_by))
        return status_fail(err, &(status_info){STATUS_UPDATES_BY_UNKNOWN, .field = "security_updates_by",
                                               .value = sys->security_updates_by});
    for (size_t i = 0; i < sys->nports; i++) {
        if (str_empty(sys->ports[i].ports))
            return status_fail(err, &(status_info){STATUS_LIST_ROW_INCOMPLETE, .field = "ports", .entity = "port"});
        status_code r = ws_ports_check(sys->ports[i].ports, err);
        if (r != STATUS_OK) {
            status_set_field(err, "ports");
            return r;
        }
    }
    for (size_t i = 0; i < sys->nstorage; i++)
        if (str_empty(sys->storage[i].location))
            return status_fail(err, &(status_info){STATUS_LIST_ROW_INCOMPLETE, .field = "storage", .entity = "location"});
    for (size_t i = 0; i < sys->nconnections; i++)
        if (str_empty(sys->connections[i].peer))
            return status_fail(err, &(status_info){STATUS_LIST_ROW_INCOMPLETE, .field = "connections", .entity = "peer"});
    for (size_t i = 0; i < sys->ncontrols; i++)
        if (str_empty(sys->controls[i].kind))
            return status_fail(err, &(status_info){STATUS_LIST_ROW_INCOMPLETE, .field = "controls", .entity = "kind"});
    return STATUS_OK;
}

status_code ws_system_get(store *s, int64_t id, ws_system *out, status_detail *err)
{
    char *sql = select_sql("system", system_fields, AZ_ARRAY_LEN(system_fields), "WHERE pk = ?");
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    sqlite3_bind_int64(st, 1, id);
    memset(out, 0, sizeof *out);
    status_code r = STATUS_SYSTEM_NOT_FOUND;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->id = id;
        out->updated_at = xstrdup((const char *)sqlite3_column_text(st, 1));
        fields_read(st, out, system_fields, AZ_ARRAY_LEN(system_fields));
        out->archived_at = store_col_dup(st, (int)AZ_ARRAY_LEN(system_fields) + 2);
        r = STATUS_OK;
    } else {
        r = rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_SYSTEM_NOT_FOUND, .id = id})
                              : store_fail(s, err, "system");
    }
    sqlite3_finalize(st);
    if (r == STATUS_OK) {
        if (out->vendor_id) {
            ws_vendor v;
            status_detail e = {0};
            if (ws_vendor_get(s, out->vendor_id, &v, &e) == STATUS_OK) {
                out->vendor_name = xstrdup(v.name);
                ws_vendor_free(&v);
            }
            status_detail_free(&e);
        }
        system_lists_read(s, out);
    }
    return r;
}

status_code ws_system_find(store *s, const char *key, int64_t *id, status_detail *err)
{
    return find_by(s, "system", "system", key, id, err);
}

status_code ws_system_list(store *s, ws_system **out, size_t *nout, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT pk FROM system ORDER BY name");
    ws_system *list = NULL;
    size_t n = 0, cap = 0;
    int rc = SQLITE_DONE;
    status_code r = STATUS_OK;
    while (r == STATUS_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        if ((r = ws_system_get(s, sqlite3_column_int64(st, 0), &list[n], err)) == STATUS_OK)
            n++;
    }
    if (r == STATUS_OK && rc != SQLITE_DONE)
        r = store_fail(s, err, "system");
    sqlite3_finalize(st);
    if (r != STATUS_OK) {
        ws_system_list_free(list, n);
        list = NULL;
        n = 0;
    }
    *out = list;
    *nout = n;
    return r;
}

status_code ws_system_save(store *s, const ws_system *sys, const char *who, int64_t *new_id, status_detail *err)
{
    status_code r = fields_check(s, sys, system_fields, AZ_ARRAY_LEN(system_fields), err);
    if (r == STATUS_OK)
        r = system_check(sys, err);
    if (r != STATUS_OK)
        return r;
    /* store the category code even when the label was given */
    ws_system copy = *sys;
    copy.category = (char *)(uintptr_t)ws_category_parse(sys->category)->code;
    copy.hosting = str_empty(sys->hosting) ? NULL : (char *)(uintptr_t)ws_hosting_parse(sys->hosting);
    if ((r = begin(s, err)) != STATUS_OK)
        return r;
    ws_system old = {0};
    if (sys->id && (r = ws_system_get(s, sys->id, &old, err)) != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    int changes = 0;
    int64_t action = history_action(s, who, sys->id ? "edit" : "create", 0, 0, err);
    int64_t id = action ? entity_write(s, "system", "system", system_fields, AZ_ARRAY_LEN(system_fields), sys->id,
                                       sys->id ? &old : NULL, &copy, action, &changes, err)
                        : 0;
    if (!id)
        r = write_failed(s, "system", sys->name, err);
    history_target t = {.entity = "system", .entity_id = id};
    for (size_t k = 0; r == STATUS_OK && k < LIST__COUNT; k++) {
        char *o = sys->id ? list_text(&old, &system_lists[k]) : NULL;
        char *v = list_text(sys, &system_lists[k]);
        int h = history_add(s, action, &t, system_lists[k].field, o, v, err);
        free(o);
        free(v);
        if (h < 0 || (h > 0 && !system_list_write(s, sys, id, &system_lists[k], err)))
            r = status_failed(err);
        changes += h > 0;
    }
    ws_system_free(&old);
    r = finish(s, r, changes, err);
    if (new_id && r == STATUS_OK)
        *new_id = id;
    return r;
}

void ws_system_free(ws_system *sys)
{
    fields_free(sys, system_fields, AZ_ARRAY_LEN(system_fields));
    free(sys->vendor_name);
    free(sys->updated_at);
    free(sys->archived_at);
    system_lists_free(sys);
    memset(sys, 0, sizeof *sys);
}

void ws_system_list_free(ws_system *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ws_system_free(&list[i]);
    free(list);
}

/* ---- whole records (ws_record.h): what a delete keeps in history and its undo puts back ---- */

static void field_to_json(cJSON *j, const void *obj, const fdesc *f)
{
    switch (f->type) {
    case F_TEXT:
    case F_DATE: {
        const char *v = *CMEMBER(obj, f, char *const);
        if (!str_empty(v))
            cJSON_AddStringToObject(j, f->col, v);
        break;
    }
    case F_TRI: {
        ws_tri t = *CMEMBER(obj, f, ws_tri);
        if (t != TRI_UNKNOWN)
            cJSON_AddStringToObject(j, f->col, ws_tri_name(t));
        break;
    }
    case F_INT:
        if (*CMEMBER(obj, f, int))
            cJSON_AddNumberToObject(j, f->col, *CMEMBER(obj, f, int));
        break;
    case F_VENDOR:
        if (*CMEMBER(obj, f, int64_t))
            cJSON_AddNumberToObject(j, f->col, (double)*CMEMBER(obj, f, int64_t));
        break;
    }
}

static void field_from_json(const cJSON *j, void *obj, const fdesc *f)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, f->col);
    switch (f->type) {
    case F_TEXT:
    case F_DATE:
        *MEMBER(obj, f, char *) = cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
        break;
    case F_TRI: {
        ws_tri t = TRI_UNKNOWN;
        if (cJSON_IsString(v) && !ws_tri_parse(v->valuestring, &t))
            t = TRI_UNKNOWN;
        *MEMBER(obj, f, ws_tri) = t;
        break;
    }
    case F_INT:
        *MEMBER(obj, f, int) = cJSON_IsNumber(v) ? v->valueint : 0;
        break;
    case F_VENDOR:
        *MEMBER(obj, f, int64_t) = cJSON_IsNumber(v) ? (int64_t)v->valuedouble : 0;
        break;
    }
}

/* A list as an array of entries, each an array of its columns in table order. */
static cJSON *list_to_json(const ws_system *sys, const list_desc *d)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < list_len(sys, d); i++) {
        const char *e = list_entry(sys, d, i);
        cJSON *row = cJSON_CreateArray();
        for (size_t c = 0; c < d->ncols; c++) {
            if (d->cols[c].type == LIST_COL_PORT_DIR) {
                bool out = *(const ws_port_dir *)(const void *)(e + d->cols[c].offset) == PORT_OUT;
                cJSON_AddItemToArray(row, cJSON_CreateString(out ? "out" : "in"));
            } else {
                const char *v = *(char *const *)(const void *)(e + d->cols[c].offset);
                cJSON_AddItemToArray(row, v ? cJSON_CreateString(v) : cJSON_CreateNull());
            }
        }
        cJSON_AddItemToArray(a, row);
    }
    return a;
}

static void list_from_json(const cJSON *a, ws_system *sys, const list_desc *d)
{
    size_t cap = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, a)
    {
        size_t *n = list_count(sys, d);
        util_grow_array(list_items(sys, d), &cap, *n + 1, d->entry_size);
        char *e = list_at(sys, d, (*n)++);
        memset(e, 0, d->entry_size);
        for (size_t c = 0; c < d->ncols; c++) {
            const cJSON *v = cJSON_GetArrayItem(row, (int)c);
            const char *text = cJSON_IsString(v) ? v->valuestring : NULL;
            if (d->cols[c].type == LIST_COL_PORT_DIR)
                *(ws_port_dir *)(void *)(e + d->cols[c].offset) = str_eq(text, "out") ? PORT_OUT : PORT_IN;
            else
                *(char **)(void *)(e + d->cols[c].offset) = text ? xstrdup(text) : NULL;
        }
    }
}

typedef struct {
    const fdesc *fields;
    size_t n;
} record_fields;

static record_fields fields_of(ws_entity e)
{
    return e == WS_VENDOR ? (record_fields){vendor_fields, AZ_ARRAY_LEN(vendor_fields)}
                          : (record_fields){system_fields, AZ_ARRAY_LEN(system_fields)};
}

status_code ws_record_delete(store *s, int64_t action, ws_entity e, int64_t id, char **name, status_detail *err)
{
    ws_vendor v = {0};
    ws_system sys = {0};
    status_code r = e == WS_VENDOR ? ws_vendor_get(s, id, &v, err) : ws_system_get(s, id, &sys, err);
    if (r != STATUS_OK)
        return r;
    const void *obj = e == WS_VENDOR ? (const void *)&v : (const void *)&sys;
    const char *archived = e == WS_VENDOR ? v.archived_at : sys.archived_at;
    const char *table = ws_entity_name(e);
    record_fields rf = fields_of(e);
    history_target t = {.entity = table, .entity_id = id};
    cJSON *j = cJSON_CreateObject();
    int h = 0;
    for (size_t i = 0; h >= 0 && i < rf.n; i++) {
        field_to_json(j, obj, &rf.fields[i]);
        char *o = field_text(s, obj, &rf.fields[i]);
        h = history_add(s, action, &t, rf.fields[i].col, o, NULL, err);
        free(o);
    }
    for (size_t k = 0; e == WS_SYSTEM && h >= 0 && k < LIST__COUNT; k++) {
        cJSON_AddItemToObject(j, system_lists[k].field, list_to_json(&sys, &system_lists[k]));
        char *o = list_text(&sys, &system_lists[k]);
        h = history_add(s, action, &t, system_lists[k].field, o, NULL, err);
        free(o);
    }
    if (h >= 0 && archived) {
        cJSON_AddStringToObject(j, "archived_at", archived);
        h = history_add(s, action, &t, "archived_at", archived, NULL, err);
    }
    char *snap = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (h >= 0)
        h = history_add(s, action, &t, "record", snap, NULL, err);
    free(snap);
    if (h >= 0) {
        char *sql = xasprintf("DELETE FROM %s WHERE pk = ?", table);
        sqlite3_stmt *st = store_prepare(s, sql);
        free(sql);
        sqlite3_bind_int64(st, 1, id);
        if (!step_done(s, st, err))
            h = -1;
        sqlite3_finalize(st);
    }
    if (h >= 0 && name)
        *name = xstrdup(e == WS_VENDOR ? v.name : sys.name);
    ws_vendor_free(&v);
    ws_system_free(&sys);
    return h < 0 ? status_failed(err) : STATUS_OK;
}

/* Whether another row of the table has this name: NAME_TAKEN, else OK. */
static status_code name_free(store *s, const char *table, const char *name, status_detail *err)
{
    char *sql = xasprintf("SELECT 1 FROM %s WHERE name = ?", table);
    sqlite3_stmt *st = store_prepare(s, sql);
    free(sql);
    store_bind_text(st, 1, name);
    bool taken = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return taken ? status_fail(err, &(status_info){STATUS_NAME_TAKEN, .field = "name", .entity = table, .value = name})
                 : STATUS_OK;
}

status_code ws_record_restore(store *s, int64_t action, ws_entity e, int64_t id, const char *snapshot,
                              status_detail *err)
{
    cJSON *j = cJSON_Parse(snapshot ? snapshot : "");
    if (!cJSON_IsObject(j)) {
        cJSON_Delete(j);
        return status_fail(err, &(status_info){STATUS_INTERNAL, .field = "record", .id = id});
    }
    ws_vendor v = {0};
    ws_system sys = {0};
    void *obj = e == WS_VENDOR ? (void *)&v : (void *)&sys;
    const char *table = ws_entity_name(e);
    record_fields rf = fields_of(e);
    for (size_t i = 0; i < rf.n; i++)
        field_from_json(j, obj, &rf.fields[i]);
    for (size_t k = 0; e == WS_SYSTEM && k < LIST__COUNT; k++)
        list_from_json(cJSON_GetObjectItemCaseSensitive(j, system_lists[k].field), &sys, &system_lists[k]);
    const cJSON *archived = cJSON_GetObjectItemCaseSensitive(j, "archived_at");
    status_code r = name_free(s, table, e == WS_VENDOR ? v.name : sys.name, err);
    if (r == STATUS_OK)
        r = fields_check(s, obj, rf.fields, rf.n, err);
    int changes = 0;
    if (r == STATUS_OK && !entity_write(s, table, table, rf.fields, rf.n, id, NULL, obj, action, &changes, err))
        r = status_failed(err);
    history_target t = {.entity = table, .entity_id = id};
    for (size_t k = 0; r == STATUS_OK && e == WS_SYSTEM && k < LIST__COUNT; k++) {
        char *text = list_text(&sys, &system_lists[k]);
        int h = history_add(s, action, &t, system_lists[k].field, NULL, text, err);
        free(text);
        if (h < 0 || (h > 0 && !system_list_write(s, &sys, id, &system_lists[k], err)))
            r = status_failed(err);
    }
    if (r == STATUS_OK && cJSON_IsString(archived)) {
        char *sql = xasprintf("UPDATE %s SET archived_at = ? WHERE pk = ?", table);
        sqlite3_stmt *st = store_prepare(s, sql);
        free(sql);
        store_bind_text(st, 1, archived->valuestring);
        sqlite3_bind_int64(st, 2, id);
        bool ok = step_done(s, st, err);
        sqlite3_finalize(st);
        if (!ok || history_add(s, action, &t, "archived_at", NULL, archived->valuestring, err) < 0)
            r = status_failed(err);
    }
    cJSON_Delete(j);
    ws_vendor_free(&v);
    ws_system_free(&sys);
    return r;
}
