/* Field-level writes: each writes one field and its history row, so undo is the same operation
 * with old and new swapped. */
#include "apply.h"

#include <stdlib.h>

#include "evidence.h"
#include "history/lib.h"

/* The fields of an answer that history records and undo restores, each described once: the
 * name history stores it under, the SQL that reads it as history shows it (column 0) and the SQL
 * that writes it, creating the row if needed, in one statement (?1 the value, ?2..?5 the
 * answer's key, ?6 who, ?7 when). Constant SQL: a field name never becomes SQL text. */
#define ANSWER_KEY " WHERE assessment_pk = ?2 AND item_id = ?3 AND party = ?4 AND party_vendor_pk = ?5"
#define ANSWER_UPSERT(column)                                                                                          \
    "INSERT INTO answer(assessment_pk, item_id, party, party_vendor_pk, answered_by, updated_at, " column ")"          \
    " VALUES(?2, ?3, ?4, ?5, ?6, ?7, ?1) ON CONFLICT DO UPDATE SET answered_by = ?6, updated_at = ?7, " column " = ?1"
/* the value's read is the one answer_value_reason runs before a change: one statement for both */
#define ANSWER_VALUE_REASON_SQL "SELECT value, reason FROM answer" ANSWER_KEY
typedef enum { ANSWER_FIELD_TEXT, ANSWER_FIELD_VENDOR_ID, ANSWER_FIELD_LINES } answer_field_kind;
typedef struct {
    const char *name;
    answer_field_kind kind;
    const char *read_sql, *write_sql;
} answer_field;

static const answer_field answer_fields[] = {
    {"value", ANSWER_FIELD_TEXT, ANSWER_VALUE_REASON_SQL, ANSWER_UPSERT("value")},
    {"checked", ANSWER_FIELD_TEXT, "SELECT checked FROM answer" ANSWER_KEY, ANSWER_UPSERT("checked")},
    {"due", ANSWER_FIELD_TEXT, "SELECT due FROM answer" ANSWER_KEY, ANSWER_UPSERT("due")},
    {"done", ANSWER_FIELD_TEXT, "SELECT done FROM answer" ANSWER_KEY, ANSWER_UPSERT("done")},
    {"owner", ANSWER_FIELD_TEXT, "SELECT owner FROM answer" ANSWER_KEY, ANSWER_UPSERT("owner")},
    {"note", ANSWER_FIELD_TEXT, "SELECT note FROM answer" ANSWER_KEY, ANSWER_UPSERT("note")},
    /* the agreed answer: the other participant (the acting user is answered_by) */
    {"agreed_with", ANSWER_FIELD_TEXT, "SELECT agreed_with FROM answer" ANSWER_KEY, ANSWER_UPSERT("agreed_with")},
    {"reason", ANSWER_FIELD_TEXT, "SELECT reason FROM answer" ANSWER_KEY, ANSWER_UPSERT("reason")},
    /* the id, as history records it (history_field_is_vendor) */
    {"owner_vendor", ANSWER_FIELD_VENDOR_ID, "SELECT CAST(owner_vendor_pk AS TEXT) FROM answer" ANSWER_KEY,
     ANSWER_UPSERT("owner_vendor_pk")},
    /* the linked register entries, one "#id title" per line in link order (history shows the
     * titles; undo reads the ids back); written as links once the row exists (no ?1 here) */
    {"evidence", ANSWER_FIELD_LINES,
     "SELECT group_concat('#' || e.pk || ' ' || e.title, char(10)) FROM (SELECT evidence_pk, seq FROM evidence_link"
     ANSWER_KEY " ORDER BY seq) l JOIN evidence e ON e.pk = l.evidence_pk",
     "INSERT INTO answer(assessment_pk, item_id, party, party_vendor_pk, answered_by, updated_at)"
     " VALUES(?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET answered_by = ?6, updated_at = ?7"},
};

static const answer_field *answer_field_find(const char *name)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(answer_fields); i++)
        if (str_eq(name, answer_fields[i].name))
            return &answer_fields[i];
    return NULL;
}

static void bind_answer_key(sqlite3_stmt *st, const answer_key *k)
{
    sqlite3_bind_int64(st, 2, k->assessment_id);
    store_bind_text(st, 3, k->item_id);
    store_bind_text(st, 4, answer_party_name(k->party));
    sqlite3_bind_int64(st, 5, k->party_vendor_id);
}

void answer_value_reason(store *s, const answer_key *k, char **value, char **reason)
{
    sqlite3_stmt *st = store_stmt(s, ANSWER_VALUE_REASON_SQL);
    bind_answer_key(st, k);
    *value = *reason = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *value = store_col_dup(st, 0);
        *reason = store_col_dup(st, 1);
    }
    store_done(s, st);
}

/* The current text of one answer field as history shows it; NULL when empty. Caller frees. */
static char *answer_field_get(store *s, const answer_key *k, const answer_field *f)
{
    sqlite3_stmt *st = store_stmt(s, f->read_sql);
    bind_answer_key(st, k);
    char *r = sqlite3_step(st) == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
    store_done(s, st);
    if (r && !*r)
        xfree(&r);
    return r;
}

/* The same for assessment columns (the sign-off), by the same rule. */
typedef struct {
    const char *name, *read_sql, *write_sql;
    bool flag; /* stored 0/1, shown in history as "" / "1" */
} assessment_field;

static const assessment_field assessment_fields[] = {
    {"signed_by", "SELECT signed_by FROM assessment WHERE pk = ?2", "UPDATE assessment SET signed_by = ?1 WHERE pk = ?2", false},
    {"signed_role", "SELECT signed_role FROM assessment WHERE pk = ?2", "UPDATE assessment SET signed_role = ?1 WHERE pk = ?2", false},
    {"signed_at", "SELECT signed_at FROM assessment WHERE pk = ?2", "UPDATE assessment SET signed_at = ?1 WHERE pk = ?2", false},
    {"changed_since_signoff", "SELECT changed_since_signoff FROM assessment WHERE pk = ?2",
     "UPDATE assessment SET changed_since_signoff = ?1 WHERE pk = ?2", true},
    {"archived_at", "SELECT archived_at FROM assessment WHERE pk = ?2", "UPDATE assessment SET archived_at = ?1 WHERE pk = ?2",
     false},
};

static bool exec_ok(store *s, sqlite3_stmt *st, const char *what, status_detail *err)
{
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, what);
        return false;
    }
    return true;
}

/* The entries lines names (evidence_resolve_line), without repeats, into *ids; and the text
 * history records for them ("#id title" lines, NULL for none). Returns 0, -1 with *err. */
static int resolve_links(store *s, int64_t action, const char *text, const char *who, int64_t **ids, size_t *n,
                         char **canonical, status_detail *err)
{
    *ids = NULL;
    *n = 0;
    *canonical = NULL;
    strbuf b = {0};
    size_t cap = 0;
    for (const char *p = text; !str_empty(p);) {
        const char *nl = strchr(p, '\n');
        char *line = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
        p = nl ? nl + 1 : NULL;
        if (!*line) {
            free(line);
            continue;
        }
        int64_t id = evidence_resolve_line(s, action, line, who, err);
        free(line);
        if (!id) {
            xfree(ids);
            *n = 0;
            sb_free(&b);
            return -1;
        }
        bool seen = false;
        for (size_t i = 0; i < *n && !seen; i++)
            seen = (*ids)[i] == id;
        if (seen)
            continue;
        GROW(*ids, cap, *n + 1);
        (*ids)[(*n)++] = id;
        sqlite3_stmt *st = store_stmt(s, "SELECT title FROM evidence WHERE pk = ?");
        sqlite3_bind_int64(st, 1, id);
        const char *title = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        sb_addf(&b, "%s#%lld %s", b.len ? "\n" : "", (long long)id, title ? title : "");
        store_done(s, st);
    }
    *canonical = b.data ? sb_take(&b) : NULL;
    return 0;
}

static int write_links(store *s, const answer_key *k, const int64_t *ids, size_t n, status_detail *err);

static int apply_answer_field(store *s, int64_t action, const answer_key *k, const char *field, const char *text,
                              const char *who, status_detail *err)
{
    const answer_field *f = answer_field_find(field);
    if (!f) {
        status_fail(err, &(status_info){STATUS_INTERNAL, .field = field, .extra = "unknown answer field"});
        return -1;
    }
    int64_t *ids = NULL;
    size_t nids = 0;
    char *canonical = NULL;
    if (f->kind == ANSWER_FIELD_LINES) {
        if (resolve_links(s, action, text, who, &ids, &nids, &canonical, err) < 0)
            return -1;
        text = canonical;
    }
    int r = -1;
    char *old = answer_field_get(s, k, f);
    history_target t = {.entity = "answer",
                        .assessment_id = k->assessment_id,
                        .item_id = k->item_id,
                        .party = answer_party_name(k->party),
                        .party_vendor_id = k->party_vendor_id};
    int h = history_add(s, action, &t, field, old, text, err);
    free(old);
    if (h <= 0) {
        r = h;
        goto out;
    }
    char now[32];
    clock_now(now);
    sqlite3_stmt *st = store_stmt(s, f->write_sql);
    if (f->kind == ANSWER_FIELD_VENDOR_ID) {
        int64_t v = history_vendor_ref(text);
        if (v)
            sqlite3_bind_int64(st, 1, v);
    } else if (f->kind == ANSWER_FIELD_TEXT) {
        store_bind_text(st, 1, str_empty(text) ? NULL : text);
    }
    bind_answer_key(st, k);
    store_bind_text(st, 6, who);
    store_bind_text(st, 7, now);
    if (exec_ok(s, st, "answer", err))
        r = f->kind == ANSWER_FIELD_LINES ? write_links(s, k, ids, nids, err) : 1;
out:
    free(ids);
    free(canonical);
    return r;
}

/* Replaces the answer's links by ids, in that order. Returns 1, -1 with *err. */
static int write_links(store *s, const answer_key *k, const int64_t *ids, size_t n, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "DELETE FROM evidence_link WHERE assessment_pk = ?2 AND item_id = ?3 AND party = ?4"
                                     " AND party_vendor_pk = ?5");
    bind_answer_key(st, k);
    if (!exec_ok(s, st, "evidence", err))
        return -1;
    for (size_t i = 0; i < n; i++) {
        st = store_stmt(s, "INSERT INTO evidence_link(assessment_pk, item_id, party, party_vendor_pk, seq, evidence_pk)"
                           " VALUES(?2, ?3, ?4, ?5, ?6, ?1)");
        sqlite3_bind_int64(st, 1, ids[i]);
        bind_answer_key(st, k);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)i);
        if (!exec_ok(s, st, "evidence", err))
            return -1;
    }
    return 1;
}

int answer_apply(store *s, int64_t action, const answer_key *k, const char *field, const char *text, const char *who,
                 status_detail *err)
{
    if (!str_eq(field, "owner_vendor") || str_empty(text))
        return apply_answer_field(s, action, k, field, text, who, err);
    /* the vendor by id; an undo of a row written before ids brings "name (#3)", recorded as "3" */
    int64_t v = history_vendor_ref(text);
    if (!v) {
        status_fail(err, &(status_info){STATUS_INTERNAL, .field = "owner_vendor", .value = text});
        return -1;
    }
    char *id = xasprintf("%lld", (long long)v);
    int r = apply_answer_field(s, action, k, field, id, who, err);
    free(id);
    return r;
}

int assessment_apply(store *s, int64_t action, int64_t aid, const char *field, const char *text, status_detail *err)
{
    const assessment_field *f = NULL;
    for (size_t i = 0; i < AZ_ARRAY_LEN(assessment_fields) && !f; i++)
        if (str_eq(field, assessment_fields[i].name))
            f = &assessment_fields[i];
    if (!f) {
        status_fail(err, &(status_info){STATUS_INTERNAL, .field = field, .extra = "unknown assessment field"});
        return -1;
    }
    sqlite3_stmt *st = store_stmt(s, f->read_sql);
    sqlite3_bind_int64(st, 2, aid);
    char *old = sqlite3_step(st) == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
    store_done(s, st);
    if (old && f->flag && str_eq(old, "0"))
        xfree(&old);
    history_target t = {.entity = "assessment", .entity_id = aid, .assessment_id = aid};
    int h = history_add(s, action, &t, field, old, text, err);
    free(old);
    if (h <= 0)
        return h;
    st = store_stmt(s, f->write_sql);
    if (f->flag)
        sqlite3_bind_int(st, 1, str_eq(text, "1"));
    else
        store_bind_text(st, 1, str_empty(text) ? NULL : text);
    sqlite3_bind_int64(st, 2, aid);
    return exec_ok(s, st, "assessment", err) ? 1 : -1;
}

int proposal_apply(store *s, int64_t action, int64_t pid, const char *status, const char *who, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT status, assessment_pk, item_id FROM proposal WHERE pk = ?");
    sqlite3_bind_int64(st, 1, pid);
    if (sqlite3_step(st) != SQLITE_ROW) {
        store_done(s, st);
        status_fail(err, &(status_info){STATUS_PROPOSAL_NOT_FOUND, .id = pid});
        return -1;
    }
    char *old = store_col_dup(st, 0);
    int64_t aid = sqlite3_column_int64(st, 1);
    char *item = store_col_dup(st, 2);
    store_done(s, st);
    history_target t = {.entity = "proposal", .entity_id = pid, .assessment_id = aid, .item_id = item};
    int h = history_add(s, action, &t, "status", old, status, err);
    free(old);
    free(item);
    if (h <= 0)
        return h;
    if (str_empty(status)) {
        /* undoing the answer that made it: the proposal goes, its history rows stay */
        st = store_stmt(s, "DELETE FROM proposal WHERE pk = ?");
        sqlite3_bind_int64(st, 1, pid);
        return exec_ok(s, st, "withdrawing the proposal", err) ? 1 : -1;
    }
    char now[32];
    clock_now(now);
    bool open = str_eq(status, "open");
    st = store_stmt(s, "UPDATE proposal SET status = ?, decided_at = ?, decided_by = ? WHERE pk = ?");
    store_bind_text(st, 1, status);
    store_bind_text(st, 2, open ? NULL : now);
    store_bind_text(st, 3, open ? NULL : who);
    sqlite3_bind_int64(st, 4, pid);
    return exec_ok(s, st, "proposal", err) ? 1 : -1;
}
