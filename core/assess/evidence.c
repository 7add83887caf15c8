/* The evidence register: entries, their fields described once (constant SQL per field), the
 * per-field history, and where entries are used. */
#include "evidence.h"

#include <stdlib.h>

#include "history/lib.h"

static const struct {
    const char *name, *ja, *en, *short_ja;
} kinds[EVIDENCE__COUNT] = {
    [EVIDENCE_POLICY] = {"policy", "規程・手順書", "Policy or procedure", "規程"},
    [EVIDENCE_RECORD] = {"record", "記録・議事録", "Record or minutes", "記録"},
    [EVIDENCE_CONTRACT] = {"contract", "契約書・SLA", "Contract or SLA", "契約書"},
    [EVIDENCE_REPORT] = {"report", "報告書", "Report", "報告書"},
    [EVIDENCE_CONFIG] = {"config", "設定・画面", "Configuration or screen", "設定"},
    [EVIDENCE_OTHER] = {"other", "その他", "Other", "その他"},
};

const char *evidence_kind_name(evidence_kind k)
{
    return k < EVIDENCE__COUNT ? kinds[k].name : kinds[EVIDENCE_OTHER].name;
}

const char *evidence_kind_label(evidence_kind k, bool english)
{
    if (k >= EVIDENCE__COUNT)
        k = EVIDENCE_OTHER;
    return english ? kinds[k].en : kinds[k].ja;
}

bool evidence_kind_parse(const char *s, evidence_kind *out)
{
    for (int k = 0; k < EVIDENCE__COUNT; k++)
        if (str_eq(s, kinds[k].name) || str_eq(s, kinds[k].ja) || str_eq(s, kinds[k].en) || str_eq(s, kinds[k].short_ja)) {
            *out = (evidence_kind)k;
            return true;
        }
    return false;
}

evidence_state evidence_state_on(const char *review, jp_date today)
{
    jp_date d;
    if (!jpdate_is_iso(review) || !jpdate_parse(review, &d, NULL))
        return EVIDENCE_NO_DATE;
    long days = jpdate_days_between(today, d);
    return days < 0 ? EVIDENCE_EXPIRED : days <= EVIDENCE_DUE_DAYS ? EVIDENCE_DUE : EVIDENCE_CURRENT;
}

const char *evidence_state_name(evidence_state s)
{
    static const char *const names[] = {"none", "current", "due", "expired"};
    return s <= EVIDENCE_EXPIRED ? names[s] : "none";
}

bool evidence_expires_before_fy_end(const char *review, int fy)
{
    jp_date d;
    return jpdate_is_iso(review) && jpdate_parse(review, &d, NULL) && jpdate_cmp(d, jpdate_fy_end(fy)) < 0;
}

void evidence_entry_free(evidence_entry *e)
{
    free(e->title);
    free(e->ref);
    free(e->owner);
    free(e->effective);
    free(e->review);
    free(e->note);
    free(e->created_at);
    free(e->created_by);
    free(e->updated_at);
    memset(e, 0, sizeof *e);
}

void evidence_list_free(evidence_entry *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        evidence_entry_free(&list[i]);
    free(list);
}

/* ---- fields ---- */

typedef enum { EV_TEXT, EV_LINE, EV_DATE, EV_KIND, EV_FLAG } ev_type;

/* Each field once: its flag, history name, type and the SQL that reads and writes it (?1 the
 * value, ?2 the entry). */
static const struct {
    unsigned flag;
    const char *name;
    ev_type type;
    const char *read_sql, *write_sql;
} fields[] = {
    {EF_TITLE, "title", EV_LINE, "SELECT title FROM evidence WHERE pk = ?2", "UPDATE evidence SET title = ?1 WHERE pk = ?2"},
    {EF_KIND, "kind", EV_KIND, "SELECT kind FROM evidence WHERE pk = ?2", "UPDATE evidence SET kind = ?1 WHERE pk = ?2"},
    {EF_REF, "ref", EV_LINE, "SELECT ref FROM evidence WHERE pk = ?2", "UPDATE evidence SET ref = ?1 WHERE pk = ?2"},
    {EF_OWNER, "owner", EV_LINE, "SELECT owner FROM evidence WHERE pk = ?2", "UPDATE evidence SET owner = ?1 WHERE pk = ?2"},
    {EF_EFFECTIVE, "effective", EV_DATE, "SELECT effective FROM evidence WHERE pk = ?2",
     "UPDATE evidence SET effective = ?1 WHERE pk = ?2"},
    {EF_REVIEW, "review", EV_DATE, "SELECT review FROM evidence WHERE pk = ?2", "UPDATE evidence SET review = ?1 WHERE pk = ?2"},
    {EF_NOTE, "note", EV_TEXT, "SELECT note FROM evidence WHERE pk = ?2", "UPDATE evidence SET note = ?1 WHERE pk = ?2"},
    {EF_ARCHIVED, "archived", EV_FLAG, "SELECT CASE archived WHEN 1 THEN '1' END FROM evidence WHERE pk = ?2",
     "UPDATE evidence SET archived = ?1 WHERE pk = ?2"},
};

/* The text a change gives field i ("" clears); NULL when the change does not set it. */
static const char *change_text(const evidence_change *ch, size_t i)
{
    if (!(ch->fields & fields[i].flag))
        return NULL;
    switch (fields[i].flag) {
    case EF_TITLE: return ch->title ? ch->title : "";
    case EF_KIND: return evidence_kind_name(ch->kind);
    case EF_REF: return ch->ref ? ch->ref : "";
    case EF_OWNER: return ch->owner ? ch->owner : "";
    case EF_EFFECTIVE: return ch->effective ? ch->effective : "";
    case EF_REVIEW: return ch->review ? ch->review : "";
    case EF_NOTE: return ch->note ? ch->note : "";
    case EF_ARCHIVED: return ch->archived ? "1" : "";
    default: return NULL;
    }
}

static char *read_field(store *s, int64_t id, size_t i)
{
    sqlite3_stmt *st = store_stmt(s, fields[i].read_sql);
    sqlite3_bind_int64(st, 2, id);
    char *r = sqlite3_step(st) == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
    store_done(s, st);
    if (r && !*r)
        xfree(&r);
    return r;
}

/* Everything wrong with a change before anything is written; old_effective/old_review are the
 * stored dates (for the order check of a partial edit). */
static status_code check_change(const evidence_change *ch, bool adding, const char *old_effective,
                                const char *old_review, status_detail *err)
{
    if ((adding || (ch->fields & EF_TITLE)) && str_empty(ch->title))
        return status_fail(err, &(status_info){STATUS_FIELD_REQUIRED, .field = "title", .entity = "evidence"});
    for (size_t i = 0; i < AZ_ARRAY_LEN(fields); i++) {
        const char *v = change_text(ch, i);
        if (str_empty(v))
            continue;
        if (fields[i].type == EV_LINE && strchr(v, '\n'))
            return status_fail(err, &(status_info){STATUS_EVIDENCE_MALFORMED, .field = fields[i].name, .value = v});
        if (fields[i].type == EV_DATE && !jpdate_is_iso(v))
            return status_fail(err, &(status_info){STATUS_DATE_NOT_ISO, .field = fields[i].name, .value = v});
    }
    if ((ch->fields & EF_KIND) && ch->kind >= EVIDENCE__COUNT)
        return status_fail(err, &(status_info){STATUS_EVIDENCE_KIND_UNKNOWN, .field = "kind"});
    const char *eff = (ch->fields & EF_EFFECTIVE) ? ch->effective : old_effective;
    const char *rev = (ch->fields & EF_REVIEW) ? ch->review : old_review;
    if (!str_empty(eff) && !str_empty(rev) && strcmp(rev, eff) < 0)
        return status_fail(err, &(status_info){STATUS_EVIDENCE_REVIEW_BEFORE_EFFECTIVE, .field = "review", .value = rev,
                                               .extra = eff});
    return STATUS_OK;
}

/* Writes the fields of ch that differ, each with its history row; returns how many, -1 with *err. */
static int write_fields(store *s, int64_t action, int64_t id, const evidence_change *ch, status_detail *err)
{
    history_target t = {.entity = "evidence", .entity_id = id};
    int n = 0;
    for (size_t i = 0; i < AZ_ARRAY_LEN(fields); i++) {
        const char *v = change_text(ch, i);
        if (!v)
            continue;
        char *old = read_field(s, id, i);
        int h = history_add(s, action, &t, fields[i].name, old, v, err);
        free(old);
        if (h < 0)
            return -1;
        if (h == 0)
            continue;
        sqlite3_stmt *st = store_stmt(s, fields[i].write_sql);
        if (fields[i].type == EV_FLAG)
            sqlite3_bind_int(st, 1, str_eq(v, "1"));
        else
            store_bind_text(st, 1, str_empty(v) ? NULL : v);
        sqlite3_bind_int64(st, 2, id);
        int rc = sqlite3_step(st);
        store_done(s, st);
        if (rc != SQLITE_DONE) {
            store_fail(s, err, "evidence");
            return -1;
        }
        n++;
    }
    return n;
}

static int touch(store *s, int64_t id, status_detail *err)
{
    char now[32];
    clock_now(now);
    sqlite3_stmt *st = store_stmt(s, "UPDATE evidence SET updated_at = ? WHERE pk = ?");
    store_bind_text(st, 1, now);
    sqlite3_bind_int64(st, 2, id);
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "evidence");
        return -1;
    }
    return 0;
}

int64_t evidence_insert(store *s, int64_t action, const evidence_change *ch, const char *who, status_detail *err)
{
    char now[32];
    clock_now(now);
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO evidence(title, kind, created_at, created_by, updated_at)"
                                     " VALUES(?1, ?2, ?3, ?4, ?3)");
    store_bind_text(st, 1, ch->title);
    store_bind_text(st, 2, evidence_kind_name((ch->fields & EF_KIND) ? ch->kind : EVIDENCE_OTHER));
    store_bind_text(st, 3, now);
    store_bind_text(st, 4, str_empty(who) ? "unknown" : who);
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "evidence");
        return 0;
    }
    int64_t id = sqlite3_last_insert_rowid(store_db(s));
    history_target t = {.entity = "evidence", .entity_id = id};
    if (history_add(s, action, &t, "created", NULL, ch->title, err) < 0)
        return 0;
    /* the title and kind were inserted: their rows record them; the rest is written as a change */
    if (history_add(s, action, &t, "title", NULL, ch->title, err) < 0)
        return 0;
    if (history_add(s, action, &t, "kind", NULL, evidence_kind_name((ch->fields & EF_KIND) ? ch->kind : EVIDENCE_OTHER),
                    err) < 0)
        return 0;
    evidence_change rest = *ch;
    rest.fields &= ~(unsigned)(EF_TITLE | EF_KIND);
    return write_fields(s, action, id, &rest, err) < 0 ? 0 : id;
}

status_code evidence_add(store *s, const evidence_change *ch, const char *who, int64_t *id, status_detail *err)
{
    status_code r = check_change(ch, true, NULL, NULL, err);
    if (r != STATUS_OK)
        return r;
    if (store_begin(s, err) != 0)
        return status_failed(err);
    int64_t action = history_action(s, who, "evidence", 0, 0, err);
    int64_t nid = action ? evidence_insert(s, action, ch, who, err) : 0;
    if (!nid) {
        store_rollback(s);
        return status_failed(err);
    }
    if (store_commit(s, err) != 0)
        return status_failed(err);
    if (id)
        *id = nid;
    return STATUS_OK;
}

status_code evidence_edit(store *s, int64_t id, const evidence_change *ch, const char *who, int *changed,
                          status_detail *err)
{
    if (changed)
        *changed = 0;
    evidence_entry e;
    status_code r = evidence_get(s, id, &e, err);
    if (r != STATUS_OK)
        return r;
    r = check_change(ch, false, e.effective, e.review, err);
    evidence_entry_free(&e);
    if (r != STATUS_OK)
        return r;
    if (store_begin(s, err) != 0)
        return status_failed(err);
    int64_t action = history_action(s, who, "evidence", 0, 0, err);
    int n = action ? write_fields(s, action, id, ch, err) : -1;
    if (n > 0 && touch(s, id, err) < 0)
        n = -1;
    if (n <= 0) {
        store_rollback(s); /* nothing changed: no empty action */
        return n < 0 ? status_failed(err) : STATUS_OK;
    }
    if (store_commit(s, err) != 0)
        return status_failed(err);
    if (changed)
        *changed = n;
    return STATUS_OK;
}

/* ---- reading ---- */

#define EVIDENCE_SELECT                                                                                           \
    "SELECT e.pk, e.title, e.kind, e.ref, e.owner, e.effective, e.review, e.note, e.archived, e.created_at,"     \
    " e.created_by, e.updated_at, (SELECT COUNT(*) FROM evidence_link l WHERE l.evidence_pk = e.pk) FROM evidence e"

static void read_entry(sqlite3_stmt *st, evidence_entry *e)
{
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(st, 0);
    e->title = store_col_dup(st, 1);
    if (!evidence_kind_parse((const char *)sqlite3_column_text(st, 2), &e->kind))
        e->kind = EVIDENCE_OTHER;
    e->ref = store_col_dup(st, 3);
    e->owner = store_col_dup(st, 4);
    e->effective = store_col_dup(st, 5);
    e->review = store_col_dup(st, 6);
    e->note = store_col_dup(st, 7);
    e->archived = sqlite3_column_int(st, 8) != 0;
    e->created_at = store_col_dup(st, 9);
    e->created_by = store_col_dup(st, 10);
    e->updated_at = store_col_dup(st, 11);
    e->links = sqlite3_column_int(st, 12);
}

status_code evidence_get(store *s, int64_t id, evidence_entry *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, EVIDENCE_SELECT " WHERE e.pk = ?");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    status_code r = STATUS_OK;
    if (rc == SQLITE_ROW)
        read_entry(st, out);
    else
        r = rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_EVIDENCE_NOT_FOUND, .id = id})
                              : store_fail(s, err, "evidence");
    store_done(s, st);
    return r;
}

/* The one entry whose column (title or ref, by the statement) equals key: 1 found, 0 none, 2 two. */
static int find_by(store *s, const char *sql, const char *key, int64_t *id)
{
    sqlite3_stmt *st = store_stmt(s, sql);
    store_bind_text(st, 1, key);
    int n = 0;
    while (n < 2 && sqlite3_step(st) == SQLITE_ROW) {
        if (n++ == 0)
            *id = sqlite3_column_int64(st, 0);
    }
    store_done(s, st);
    return n;
}

status_code evidence_find(store *s, const char *key, int64_t *id, status_detail *err)
{
    if (str_empty(key))
        return status_fail(err, &(status_info){STATUS_EVIDENCE_NOT_FOUND, .value = ""});
    const char *p = key[0] == '#' ? key + 1 : key;
    char *end = NULL;
    long long v = strtoll(p, &end, 10);
    if (*p && !*end && v > 0) {
        evidence_entry e;
        status_code r = evidence_get(s, v, &e, err);
        evidence_entry_free(&e);
        if (r == STATUS_OK)
            *id = v;
        return r;
    }
    int n = find_by(s, "SELECT pk FROM evidence WHERE title = ? ORDER BY pk", key, id);
    if (n == 0)
        n = find_by(s, "SELECT pk FROM evidence WHERE ref = ? ORDER BY pk", key, id);
    if (n == 1)
        return STATUS_OK;
    return status_fail(err, &(status_info){n ? STATUS_EVIDENCE_AMBIGUOUS : STATUS_EVIDENCE_NOT_FOUND, .value = key});
}

status_code evidence_list(store *s, bool with_archived, evidence_entry **out, size_t *nout, status_detail *err)
{
    *out = NULL;
    *nout = 0;
    sqlite3_stmt *st = store_stmt(s, EVIDENCE_SELECT " WHERE ?1 OR e.archived = 0 ORDER BY e.title, e.pk");
    sqlite3_bind_int(st, 1, with_archived);
    evidence_entry *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        read_entry(st, &list[n++]);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "evidence");
    store_done(s, st);
    if (r != STATUS_OK) {
        evidence_list_free(list, n);
        return r;
    }
    *out = list;
    *nout = n;
    return STATUS_OK;
}

status_code evidence_count_states(store *s, jp_date today, int *expired, int *due, status_detail *err)
{
    *expired = *due = 0;
    sqlite3_stmt *st = store_stmt(s, "SELECT review FROM evidence WHERE archived = 0 AND review IS NOT NULL");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        evidence_state e = evidence_state_on((const char *)sqlite3_column_text(st, 0), today);
        *expired += e == EVIDENCE_EXPIRED;
        *due += e == EVIDENCE_DUE;
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "evidence");
    store_done(s, st);
    return r;
}

void evidence_uses_free(evidence_use *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].catalog_id);
        free(list[i].catalog_version);
        free(list[i].item_id);
        free(list[i].ref);
    }
    free(list);
}

status_code evidence_uses(store *s, int64_t id, evidence_use **out, size_t *nout, status_detail *err)
{
    *out = NULL;
    *nout = 0;
    evidence_entry e;
    status_code r = evidence_get(s, id, &e, err);
    evidence_entry_free(&e);
    if (r != STATUS_OK)
        return r;
    sqlite3_stmt *st = store_stmt(
        s, "SELECT l.assessment_pk, a.catalog_id, a.catalog_version, a.fy, l.item_id, n.ref, l.party, l.party_vendor_pk"
           " FROM evidence_link l JOIN assessment a ON a.pk = l.assessment_pk"
           " LEFT JOIN catalog c ON c.id = a.catalog_id AND c.version = a.catalog_version"
           " LEFT JOIN catalog_node n ON n.catalog_pk = c.pk AND n.id = l.item_id"
           " WHERE l.evidence_pk = ? ORDER BY l.assessment_pk, IFNULL(n.seq, 1 << 30), l.item_id,"
           " CASE l.party WHEN 'hospital' THEN 0 WHEN 'vendor' THEN 1 ELSE 2 END, l.party_vendor_pk");
    sqlite3_bind_int64(st, 1, id);
    evidence_use *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        evidence_use *u = &list[n++];
        memset(u, 0, sizeof *u);
        u->assessment_id = sqlite3_column_int64(st, 0);
        u->catalog_id = store_col_dup(st, 1);
        u->catalog_version = store_col_dup(st, 2);
        u->fy = sqlite3_column_int(st, 3);
        u->item_id = store_col_dup(st, 4);
        u->ref = store_col_dup(st, 5);
        answer_party_parse((const char *)sqlite3_column_text(st, 6), &u->party);
        u->party_vendor_id = sqlite3_column_int64(st, 7);
    }
    r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "evidence");
    store_done(s, st);
    if (r != STATUS_OK) {
        evidence_uses_free(list, n);
        return r;
    }
    *out = list;
    *nout = n;
    return STATUS_OK;
}

status_code evidence_expiring(store *s, int64_t aid, int fy, evidence_entry **out, size_t *nout, status_detail *err)
{
    *out = NULL;
    *nout = 0;
    char end[11];
    jpdate_format_iso(jpdate_fy_end(fy), end);
    sqlite3_stmt *st = store_stmt(s, EVIDENCE_SELECT " WHERE e.archived = 0 AND e.review IS NOT NULL AND e.review < ?2"
                                                     " AND e.pk IN (SELECT evidence_pk FROM evidence_link"
                                                     " WHERE assessment_pk = ?1) ORDER BY e.review, e.title, e.pk");
    sqlite3_bind_int64(st, 1, aid);
    store_bind_text(st, 2, end);
    evidence_entry *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        read_entry(st, &list[n++]);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "evidence");
    store_done(s, st);
    if (r != STATUS_OK) {
        evidence_list_free(list, n);
        return r;
    }
    *out = list;
    *nout = n;
    return STATUS_OK;
}

int64_t evidence_resolve_line(store *s, int64_t action, const char *line, const char *who, status_detail *err)
{
    /* "#3 title" as history writes it, or "#3" */
    if (line[0] == '#') {
        char *end = NULL;
        long long v = strtoll(line + 1, &end, 10);
        if (v > 0 && (*end == '\0' || *end == ' ')) {
            sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM evidence WHERE pk = ?");
            sqlite3_bind_int64(st, 1, v);
            bool ok = sqlite3_step(st) == SQLITE_ROW;
            store_done(s, st);
            if (ok)
                return v;
            status_fail(err, &(status_info){STATUS_EVIDENCE_NOT_FOUND, .id = v});
            return 0;
        }
    }
    /* a reference as text (the old free-text form, and --evidence TEXT): the entry with that
     * reference, else a new entry of kind その他 holding it */
    int64_t id = 0;
    if (find_by(s, "SELECT pk FROM evidence WHERE ref = ? ORDER BY pk", line, &id) > 0)
        return id;
    evidence_change ch = {.fields = EF_REF, .title = line, .ref = line};
    return evidence_insert(s, action, &ch, who, err);
}
