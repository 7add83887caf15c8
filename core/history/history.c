#include "history.h"

#include <stdlib.h>

#include "base/lib.h"

/* The columns of history_row, in its order; the row reader below follows them. */
#define HISTORY_COLUMNS                                                                                        \
    "h.pk, a.pk, a.at, a.who, a.kind, IFNULL(a.undo_of, 0), h.entity, IFNULL(h.entity_pk, 0),"                 \
    " IFNULL(h.assessment_pk, 0), h.item_id, h.party, IFNULL(h.party_vendor_pk, 0), h.field, h.old_value,"     \
    " h.new_value"

/* Reads every row of st; an SQL failure is a status, never a short list. */
static void history_list_free_row(history_row *r);

static history_row read_row(sqlite3_stmt *st)
{
    return (history_row){
            .id = sqlite3_column_int64(st, 0),
            .action = sqlite3_column_int64(st, 1),
            .at = store_col_dup(st, 2),
            .who = store_col_dup(st, 3),
            .kind = store_col_dup(st, 4),
            .undo_of = sqlite3_column_int64(st, 5),
            .entity = store_col_dup(st, 6),
            .entity_id = sqlite3_column_int64(st, 7),
            .assessment_id = sqlite3_column_int64(st, 8),
            .item_id = store_col_dup(st, 9),
            .party = store_col_dup(st, 10),
            .party_vendor_id = sqlite3_column_int64(st, 11),
            .field = store_col_dup(st, 12),
            .old_value = store_col_dup(st, 13),
            .new_value = store_col_dup(st, 14),
        };
}

static status_code read_rows(store *s, sqlite3_stmt *st, history_row **out, size_t *nout, status_detail *err)
{
    history_row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(rows, cap, n + 1);
        rows[n++] = read_row(st);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "history");
    store_done(s, st);
    if (r != STATUS_OK) {
        history_list_free(rows, n);
        rows = NULL;
        n = 0;
    }
    *out = rows;
    *nout = n;
    return r;
}

/* The filter's conditions on history table alias t. */
static void filter_sql(strbuf *sql, const history_filter *f, const char *t)
{
    if (f->assessment_id)
        sb_addf(sql, " AND %s.assessment_pk = ?1", t);
    if (f->item_id)
        sb_addf(sql, " AND %s.item_id = ?2", t);
    if (f->entity)
        sb_addf(sql, " AND %s.entity = ?3", t);
    if (f->entity && f->entity_id)
        sb_addf(sql, " AND %s.entity_pk = ?4", t);
    if (f->action)
        sb_addf(sql, " AND %s.action_pk = ?6", t);
}

static void bind_filter(sqlite3_stmt *st, const history_filter *f, size_t limit)
{
    if (f->assessment_id)
        sqlite3_bind_int64(st, 1, f->assessment_id);
    if (f->item_id)
        store_bind_text(st, 2, f->item_id);
    if (f->entity)
        store_bind_text(st, 3, f->entity);
    if (f->entity && f->entity_id)
        sqlite3_bind_int64(st, 4, f->entity_id);
    if (limit)
        sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
    if (f->action)
        sqlite3_bind_int64(st, 6, f->action);
}

/* The filter's statement, bound (a store_stmt: end it with store_done). */
static sqlite3_stmt *filtered(store *s, const history_filter *f)
{
    history_filter none = {0};
    if (!f)
        f = &none;
    strbuf sql = {0};
    sb_add(&sql, "SELECT " HISTORY_COLUMNS " FROM history h JOIN history_action a ON a.pk = h.action_pk WHERE 1");
    filter_sql(&sql, f, "h");
    if (f->limit) {
        /* the limit subquery repeats the filter */
        sb_add(&sql, " AND h.pk IN (SELECT pk FROM (SELECT h2.pk FROM history h2 WHERE 1");
        filter_sql(&sql, f, "h2");
        sb_add(&sql, " ORDER BY h2.pk DESC LIMIT ?5))");
    }
    sb_add(&sql, " ORDER BY h.pk");
    sqlite3_stmt *st = store_stmt(s, sb_str(&sql));
    sb_free(&sql);
    bind_filter(st, f, f->limit);
    return st;
}

status_code history_window(store *s, const history_filter *f, int64_t from, bool older, size_t limit,
                           history_row **out, size_t *nout, status_detail *err)
{
    history_filter none = {0};
    if (!f)
        f = &none;
    /* keyset on the row id: each window costs its own rows, however deep into the history */
    strbuf sql = {0};
    sb_add(&sql, "SELECT " HISTORY_COLUMNS " FROM history h JOIN history_action a ON a.pk = h.action_pk WHERE 1");
    filter_sql(&sql, f, "h");
    if (from)
        sb_add(&sql, older ? " AND h.pk < ?7" : " AND h.pk > ?7");
    sb_add(&sql, older ? " ORDER BY h.pk DESC LIMIT ?5" : " ORDER BY h.pk LIMIT ?5");
    sqlite3_stmt *st = store_stmt(s, sb_str(&sql));
    sb_free(&sql);
    bind_filter(st, f, limit ? limit : 1);
    if (from)
        sqlite3_bind_int64(st, 7, from);
    return read_rows(s, st, out, nout, err);
}

status_code history_list(store *s, const history_filter *f, history_row **out, size_t *nout, status_detail *err)
{
    return read_rows(s, filtered(s, f), out, nout, err);
}

status_code history_each(store *s, const history_filter *f, history_row_fn fn, void *ctx, status_detail *err)
{
    sqlite3_stmt *st = filtered(s, f);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        history_row row = read_row(st);
        fn(ctx, &row);
        history_list_free_row(&row);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "history");
    store_done(s, st);
    return r;
}

const char *history_field_name(const char *entity, const char *field)
{
    static const struct {
        const char *entity, *stored, *shown;
    } names[] = {
        {"system", "vendor_pk", "vendor"},
        {"answer", "owner_vendor", "vendor"},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(names); i++)
        if (str_eq(entity, names[i].entity) && str_eq(field, names[i].stored))
            return names[i].shown;
    return field;
}

bool history_field_is_vendor(const char *entity, const char *field)
{
    return (str_eq(entity, "system") && str_eq(field, "vendor_pk")) ||
           (str_eq(entity, "answer") && str_eq(field, "owner_vendor"));
}

int64_t history_vendor_ref(const char *value)
{
    if (str_empty(value))
        return 0;
    const char *h = strrchr(value, '#'); /* "name (#3)": the name itself may hold a '#' */
    const char *digits = h ? h + 1 : value;
    char *end = NULL;
    long long id = strtoll(digits, &end, 10);
    if (end == digits || id <= 0 || (h ? !str_eq(end, ")") : *end != '\0'))
        return 0;
    return id;
}

static void history_list_free_row(history_row *r)
{
    free(r->at);
    free(r->who);
    free(r->kind);
    free(r->entity);
    free(r->item_id);
    free(r->party);
    free(r->field);
    free(r->old_value);
    free(r->new_value);
}

void history_list_free(history_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        history_list_free_row(&rows[i]);
    free(rows);
}

int64_t history_action(store *s, const char *who, const char *kind, int64_t assessment_id, int64_t undo_of,
                       status_detail *err)
{
    char now[32];
    clock_now(now);
    sqlite3_stmt *st =
        store_stmt(s, "INSERT INTO history_action(at, who, kind, assessment_pk, undo_of) VALUES(?,?,?,?,?)");
    store_bind_text(st, 1, now);
    store_bind_text(st, 2, str_empty(who) ? "unknown" : who);
    store_bind_text(st, 3, kind);
    if (assessment_id)
        sqlite3_bind_int64(st, 4, assessment_id);
    if (undo_of)
        sqlite3_bind_int64(st, 5, undo_of);
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "history");
        return 0;
    }
    return sqlite3_last_insert_rowid(store_db(s));
}

static bool same(const char *a, const char *b)
{
    if (str_empty(a) || str_empty(b))
        return str_empty(a) && str_empty(b);
    return strcmp(a, b) == 0;
}

int history_add(store *s, int64_t action, const history_target *t, const char *field, const char *old_value,
                const char *new_value, status_detail *err)
{
    if (same(old_value, new_value))
        return 0;
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO history(action_pk, entity, entity_pk, assessment_pk, item_id,"
                                        " party, party_vendor_pk, field, old_value, new_value)"
                                        " VALUES(?,?,?,?,?,?,?,?,?,?)");
    sqlite3_bind_int64(st, 1, action);
    store_bind_text(st, 2, t->entity);
    if (t->entity_id)
        sqlite3_bind_int64(st, 3, t->entity_id);
    if (t->assessment_id)
        sqlite3_bind_int64(st, 4, t->assessment_id);
    store_bind_text(st, 5, t->item_id);
    store_bind_text(st, 6, t->party);
    if (t->party)
        sqlite3_bind_int64(st, 7, t->party_vendor_id);
    store_bind_text(st, 8, field);
    store_bind_text(st, 9, str_empty(old_value) ? NULL : old_value);
    store_bind_text(st, 10, str_empty(new_value) ? NULL : new_value);
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "history");
        return -1;
    }
    return 1;
}

int64_t history_last_undoable(store *s, int64_t assessment_id, const char *who)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT a.pk FROM history_action a WHERE a.assessment_pk = ? AND a.who = ?"
                                        " AND a.undo_of IS NULL AND a.kind IN ('answer','agree','signoff','accept','reject','archive','restore')"
                                        " AND NOT EXISTS (SELECT 1 FROM history_action u WHERE u.undo_of = a.pk)"
                                        " AND EXISTS (SELECT 1 FROM history h WHERE h.action_pk = a.pk)"
                                        " ORDER BY a.pk DESC LIMIT 1");
    sqlite3_bind_int64(st, 1, assessment_id);
    store_bind_text(st, 2, str_empty(who) ? "unknown" : who);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    store_done(s, st);
    return id;
}

/* An action a (later than ?1) that still stands: not undone, and not the undo of an action that
 * is itself later than ?1 (the pair cancels out). */
#define HISTORY_STANDS_AFTER                                                                                   \
    " a.pk > ?1 AND NOT EXISTS (SELECT 1 FROM history_action u WHERE u.undo_of = a.pk)"                        \
    " AND (a.undo_of IS NULL OR a.undo_of < ?1)"

status_code history_changed_since(store *s, int64_t action, history_row **out, size_t *nout, status_detail *err)
{
    /* from the action's few rows to the later rows on the same record (history_item index) */
    sqlite3_stmt *st = store_stmt(
        s, "SELECT DISTINCT " HISTORY_COLUMNS " FROM history x JOIN history h ON h.assessment_pk IS x.assessment_pk"
           " AND h.item_id IS x.item_id AND h.entity = x.entity AND h.entity_pk IS x.entity_pk AND h.party IS x.party"
           " AND h.party_vendor_pk IS x.party_vendor_pk AND h.action_pk > ?1"
           " JOIN history_action a ON a.pk = h.action_pk WHERE x.action_pk = ?1 AND" HISTORY_STANDS_AFTER
           " ORDER BY h.pk");
    sqlite3_bind_int64(st, 1, action);
    return read_rows(s, st, out, nout, err);
}

bool history_touched_since(store *s, int64_t action, int64_t assessment_id, const char *entity)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM history h JOIN history_action a ON a.pk = h.action_pk WHERE"
                                     HISTORY_STANDS_AFTER " AND h.assessment_pk = ?2 AND h.entity = ?3 LIMIT 1");
    sqlite3_bind_int64(st, 1, action);
    sqlite3_bind_int64(st, 2, assessment_id);
    store_bind_text(st, 3, entity);
    bool r = sqlite3_step(st) == SQLITE_ROW;
    store_done(s, st);
    return r;
}
