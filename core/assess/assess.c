/* Assessments and their answers. Every change goes through answer_apply / assessment_apply, which
 * write one field and its history row, so undo is the same operation with old and new swapped. */
#include "assess.h"

#include <stdlib.h>

#include "answers.h"
#include "apply.h"
#include "proposal_internal.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "text/lib.h"
#include "progress.h"

void assessment_free(assessment *a)
{
    free(a->catalog_id);
    free(a->catalog_version);
    free(a->system_name);
    free(a->vendor_name);
    free(a->title);
    free(a->created_at);
    free(a->created_by);
    free(a->signed_by);
    free(a->signed_role);
    free(a->signed_at);
    free(a->archived_at);
    memset(a, 0, sizeof *a);
}

void assessment_list_free(assessment *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assessment_free(&list[i]);
    free(list);
}

#define ASSESS_SELECT                                                                                              \
    "SELECT a.pk, a.catalog_id, a.catalog_version, a.scope, IFNULL(a.system_pk, 0), IFNULL(a.vendor_pk, 0),"      \
    " s.name, v.name, a.fy, a.title, IFNULL(a.prev_pk, 0), a.created_at, a.created_by, a.signed_by,"              \
    " a.signed_role, a.signed_at, a.changed_since_signoff, a.archived_at FROM assessment a LEFT JOIN system s ON s.pk = a.system_pk" \
    " LEFT JOIN vendor v ON v.pk = a.vendor_pk"

static void assess_read(sqlite3_stmt *st, assessment *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    a->catalog_id = store_col_dup(st, 1);
    a->catalog_version = store_col_dup(st, 2);
    a->scope = str_eq((const char *)sqlite3_column_text(st, 3), "system") ? SCOPE_SYSTEM : SCOPE_ORG;
    a->system_id = sqlite3_column_int64(st, 4);
    a->vendor_id = sqlite3_column_int64(st, 5);
    a->system_name = store_col_dup(st, 6);
    a->vendor_name = store_col_dup(st, 7);
    a->fy = sqlite3_column_int(st, 8);
    a->title = store_col_dup(st, 9);
    a->prev_id = sqlite3_column_int64(st, 10);
    a->created_at = store_col_dup(st, 11);
    a->created_by = store_col_dup(st, 12);
    a->signed_by = store_col_dup(st, 13);
    a->signed_role = store_col_dup(st, 14);
    a->signed_at = store_col_dup(st, 15);
    a->changed_since_signoff = sqlite3_column_int(st, 16) != 0;
    a->archived_at = store_col_dup(st, 17);
}

static void assess_summary(store *s, assessment *a)
{
    progress_row *rows = NULL;
    size_t n = 0;
    status_detail err = {0};
    a->items = a->answered = a->positive = a->not_applicable = a->overdue = 0;
    if (progress_compute(s, a->id, jpdate_today(), 0, false, &rows, &n, &err) == STATUS_OK && n > 0) {
        a->items = rows[0].items;
        a->answered = rows[0].answered;
        a->positive = rows[0].positive;
        a->not_applicable = rows[0].na;
        a->overdue = rows[0].overdue;
    }
    status_detail_free(&err);
    progress_free(rows, n);
}

/* The row only (no summary). */
static status_code assess_row(store *s, int64_t id, assessment *out, status_detail *err)
{
    sqlite3_stmt *st = store_stmt(s, ASSESS_SELECT " WHERE a.pk = ?");
    sqlite3_bind_int64(st, 1, id);
    status_code r = STATUS_ASSESSMENT_NOT_FOUND;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        assess_read(st, out);
        r = STATUS_OK;
    } else {
        memset(out, 0, sizeof *out);
        r = rc == SQLITE_DONE ? status_fail(err, &(status_info){STATUS_ASSESSMENT_NOT_FOUND, .id = id})
                              : store_fail(s, err, "assessment");
    }
    store_done(s, st);
    return r;
}

status_code assess_get_row(store *s, int64_t id, assessment *out, status_detail *err)
{
    status_code r = assess_row(s, id, out, err);
    if (r == STATUS_OK)
        out->items = out->answered = out->positive = out->not_applicable = out->overdue = -1;
    return r;
}

status_code assess_catalog_of(store *s, int64_t id, const catalog **cat, status_detail *err)
{
    *cat = NULL;
    assessment a;
    status_code r = assess_row(s, id, &a, err);
    if (r != STATUS_OK)
        return r;
    *cat = catalog_db_get(s, a.catalog_id, a.catalog_version);
    assessment_free(&a);
    return STATUS_OK;
}

status_code assess_get(store *s, int64_t id, assessment *out, status_detail *err)
{
    status_code r = assess_row(s, id, out, err);
    if (r == STATUS_OK)
        assess_summary(s, out);
    return r;
}

status_code assess_find(store *s, const char *key, int64_t *id, status_detail *err)
{
    const char *p = key && key[0] == '#' ? key + 1 : key;
    int64_t v = 0;
    str_num n = str_to_int64(p, 1, INT64_MAX, &v);
    if (n == STR_NUM_RANGE && p[0] != '-')
        return status_fail(err, &(status_info){STATUS_NUMBER_OUT_OF_RANGE, .field = "assessment", .value = key});
    if (n != STR_NUM_OK)
        return status_fail(err, &(status_info){STATUS_ASSESSMENT_KEY, .value = key ? key : ""});
    assessment a;
    status_code r = assess_row(s, v, &a, err);
    if (r == STATUS_OK)
        *id = a.id;
    assessment_free(&a);
    return r;
}

status_code assess_list_rows(store *s, const assess_filter *f, assessment **out, size_t *nout, status_detail *err)
{
    assess_filter none = {0};
    if (!f)
        f = &none;
    sqlite3_stmt *st = store_stmt(s, ASSESS_SELECT " WHERE (?1 = 0 OR a.fy = ?1) AND (?2 IS NULL OR a.catalog_id = ?2)"
                                                      " AND (?3 = 0 OR (?3 = -1 AND a.scope = 'org') OR a.system_pk = ?3)"
                                                      " AND (a.archived_at IS NOT NULL) = ?4"
                                                      " ORDER BY a.fy DESC, a.catalog_id, a.catalog_version,"
                                                      " a.scope, s.name, a.pk");
    sqlite3_bind_int(st, 1, f->fy);
    store_bind_text(st, 2, f->catalog_id);
    sqlite3_bind_int64(st, 3, f->system_id);
    sqlite3_bind_int(st, 4, f->archived);
    assessment *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        assessment *a = &list[n++];
        assess_read(st, a);
        a->items = a->answered = a->positive = a->not_applicable = a->overdue = -1;
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "assessment");
    store_done(s, st);
    if (r != STATUS_OK) {
        assessment_list_free(list, n);
        list = NULL;
        n = 0;
    }
    *out = list;
    *nout = n;
    return r;
}

status_code assess_list(store *s, const assess_filter *f, assessment **out, size_t *n, status_detail *err)
{
    status_code r = assess_list_rows(s, f, out, n, err);
    for (size_t i = 0; i < *n; i++)
        assess_summary(s, &(*out)[i]);
    return r;
}

static bool vendor_exists(store *s, int64_t id)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM vendor WHERE pk = ?");
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    store_done(s, st);
    return ok;
}

static status_code commit_or_rollback(store *s, status_code r, status_detail *err)
{
    if (r != STATUS_OK) {
        store_rollback(s);
        return r;
    }
    return store_commit(s, err) == 0 ? STATUS_OK : status_failed(err);
}

static int64_t insert_assessment(store *s, const char *cat, const char *ver, assess_scope scope, int64_t system_id,
                                 int64_t vendor_id, int fy, const char *title, int64_t prev, const char *who,
                                 status_code *r, status_detail *err)
{
    char now[32];
    clock_now(now);
    sqlite3_stmt *st = store_prepare(s, "INSERT INTO assessment(catalog_id, catalog_version, scope, system_pk, vendor_pk,"
                                        " fy, title, prev_pk, created_at, created_by) VALUES(?,?,?,?,?,?,?,?,?,?)");
    store_bind_text(st, 1, cat);
    store_bind_text(st, 2, ver);
    store_bind_text(st, 3, scope == SCOPE_SYSTEM ? "system" : "org");
    if (scope == SCOPE_SYSTEM)
        sqlite3_bind_int64(st, 4, system_id);
    if (vendor_id)
        sqlite3_bind_int64(st, 5, vendor_id);
    sqlite3_bind_int(st, 6, fy);
    store_bind_text(st, 7, str_empty(title) ? NULL : title);
    if (prev)
        sqlite3_bind_int64(st, 8, prev);
    store_bind_text(st, 9, now);
    store_bind_text(st, 10, who);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        if (sqlite3_extended_errcode(store_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
            char *fyl = jpdate_fy_label_both(fy, false);
            char *label = xasprintf("%s@%s", cat, ver);
            *r = status_fail(err, &(status_info){STATUS_ASSESSMENT_EXISTS, .entity = label, .value = fyl, .num = fy});
            free(label);
            free(fyl);
        } else {
            *r = store_fail(s, err, "assessment");
        }
        return 0;
    }
    return sqlite3_last_insert_rowid(store_db(s));
}

static char *scope_text(store *s, assess_scope scope, int64_t system_id)
{
    if (scope == SCOPE_ORG)
        return xstrdup("organisation");
    ws_system sys;
    status_detail e = {0};
    char *r = ws_system_get(s, system_id, &sys, &e) == STATUS_OK ? xasprintf("system %s (#%lld)", sys.name, (long long)system_id)
                                                           : xasprintf("system #%lld", (long long)system_id);
    ws_system_free(&sys);
    status_detail_free(&e);
    return r;
}

status_code assess_create(store *s, const assess_spec *spec, const char *who, int64_t *id, status_detail *err)
{
    if (spec->fy < 1900 || spec->fy > 2200) {
        return status_fail(err, &(status_info){STATUS_FY_OUT_OF_RANGE, .field = "fy", .num = spec->fy});
    }
    catalog *c = catalog_db_load(s, spec->catalog_id, spec->catalog_version);
    if (!c) {
        char *label = xasprintf("%s%s%s", spec->catalog_id ? spec->catalog_id : "", spec->catalog_version ? "@" : "",
                                spec->catalog_version ? spec->catalog_version : "");
        status_fail(err, &(status_info){STATUS_CATALOG_NOT_FOUND, .entity = label});
        free(label);
        return STATUS_CATALOG_NOT_FOUND;
    }
    if (catalog_item_count(c) == 0) {
        char *label = catalog_label(c);
        status_fail(err, &(status_info){STATUS_CATALOG_NO_ITEMS, .entity = label});
        free(label);
        catalog_free(c);
        return STATUS_CATALOG_NO_ITEMS;
    }
    int64_t vendor_id = spec->vendor_id;
    if (spec->scope == SCOPE_SYSTEM) {
        ws_system sys;
        status_code got = ws_system_get(s, spec->system_id, &sys, err);
        if (got != STATUS_OK) {
            catalog_free(c);
            return got;
        }
        if (!vendor_id)
            vendor_id = sys.vendor_id;
        ws_system_free(&sys);
    }
    if (vendor_id && !vendor_exists(s, vendor_id)) {
        catalog_free(c);
        return status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .field = "vendor", .id = vendor_id});
    }
    if (store_begin(s, err) != 0) {
        catalog_free(c);
        return status_failed(err);
    }
    status_code r = STATUS_OK;
    int64_t aid = insert_assessment(s, c->id, c->version, spec->scope, spec->system_id, vendor_id, spec->fy,
                                    spec->title, 0, who, &r, err);
    if (aid) {
        int64_t action = history_action(s, who, "create", aid, 0, err);
        char *sc = scope_text(s, spec->scope, spec->system_id);
        char *desc = xasprintf("%s@%s, %s, FY%d", c->id, c->version, sc, spec->fy);
        history_target t = {.entity = "assessment", .entity_id = aid, .assessment_id = aid};
        if (!action || history_add(s, action, &t, "created", NULL, desc, err) < 0)
            r = status_failed(err);
        free(sc);
        free(desc);
    }
    catalog_free(c);
    r = commit_or_rollback(s, r, err);
    if (id && r == STATUS_OK)
        *id = aid;
    return r;
}

/* ---- answers ---- */

/* Marks a signed-off assessment as changed (inside the action). */
static int mark_changed(store *s, int64_t action, const assessment *a, status_detail *err)
{
    if (!a->signed_at || a->changed_since_signoff)
        return 0;
    return assessment_apply(s, action, a->id, "changed_since_signoff", "1", err);
}

/* The links of an answer as the "evidence" field takes them: "#id" lines; NULL for none. */
static char *evidence_lines(const answer *x, bool titles)
{
    if (!x || x->nevidence == 0)
        return NULL;
    strbuf b = {0};
    for (size_t i = 0; i < x->nevidence; i++) {
        sb_addf(&b, "%s#%lld", i ? "\n" : "", (long long)x->evidence[i].id);
        if (titles)
            sb_addf(&b, " %s", x->evidence[i].title ? x->evidence[i].title : "");
    }
    return sb_take(&b);
}

/* The stored value and reason of one answer (NULL when none). */
static char *join_lines(const strlist *l)
{
    if (!l || l->len == 0)
        return NULL;
    strbuf b = {0};
    for (size_t i = 0; i < l->len; i++) {
        if (i)
            sb_addc(&b, '\n');
        sb_add(&b, l->items[i]);
    }
    return sb_take(&b);
}

/* An answer change checked against its assessment and catalog, in the form it is written. */
typedef struct {
    int64_t party_vendor_id;
    char iso[3][11];
    char *owner_vendor_text, *evidence_text;
    char *note_text;   /* the note with its tabs as spaces (text_expand_tabs): a pasted table keeps its columns */
    bool clear_reason; /* a value that needs no reason replaces one that had it */
} answer_checked;

static void answer_checked_free(answer_checked *k)
{
    free(k->owner_vendor_text);
    free(k->evidence_text);
    free(k->note_text);
}

/* Validates a change (assess_answer_set's rules) without writing; fills *out. */
static status_code answer_check(store *s, const assessment *a, const catalog *c, const char *item_id,
                                answer_party party, int64_t party_vendor_id, const answer_change *ch,
                                answer_checked *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    int64_t aid = a->id;
    if (!c) {
        char *label = xasprintf("%s@%s", a->catalog_id, a->catalog_version);
        status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = aid});
        free(label);
        return STATUS_CATALOG_GONE;
    }
    node_kind kind = NODE_HEADING;
    bool found = item_id && catalog_db_node_kind(s, c, item_id, &kind);
    if (!found || kind != NODE_ITEM) {
        char *label = catalog_label(c);
        status_code r = status_fail(err, &(status_info){found ? STATUS_ITEM_IS_HEADING : STATUS_ITEM_NOT_FOUND,
                                                        .entity = label, .item = item_id ? item_id : ""});
        free(label);
        return r;
    }
    if ((ch->fields & AF_VALUE) && !str_empty(ch->value) && !catalog_find_answer(c, ch->value)) {
        strbuf b = {0};
        for (size_t i = 0; i < c->nanswers; i++)
            sb_addf(&b, "%s%s", i ? ", " : "", c->answers[i].value);
        char *label = catalog_label(c);
        status_fail(err, &(status_info){STATUS_ANSWER_VALUE_UNKNOWN, .field = "value", .value = ch->value,
                                        .item = item_id, .entity = label, .extra = sb_str(&b)});
        free(label);
        sb_free(&b);
        return STATUS_ANSWER_VALUE_UNKNOWN;
    }
    static const struct {
        unsigned af, bit;
        const char *name, *ja;
    } dates[] = {{AF_CHECKED, DATE_CHECKED, "checked", "確認日"},
                 {AF_DUE, DATE_DUE, "due", "目標日"},
                 {AF_DONE, DATE_DONE, "done", "完了日"}};
    const char *date_in[3] = {ch->checked, ch->due, ch->done};
    for (int i = 0; i < 3; i++) {
        if (!(ch->fields & dates[i].af) || str_empty(date_in[i]))
            continue;
        if (!jpdate_is_iso(date_in[i]))
            return status_fail(err, &(status_info){STATUS_DATE_NOT_ISO, .field = dates[i].name, .value = date_in[i]});
        if (c->dates && !(c->dates & dates[i].bit)) {
            char *label = catalog_label(c);
            status_fail(err, &(status_info){STATUS_DATE_NOT_OFFERED, .field = dates[i].name, .entity = label});
            free(label);
            return STATUS_DATE_NOT_OFFERED;
        }
        memcpy(out->iso[i], date_in[i], 11);
    }
    if (party == PARTY_VENDOR) {
        if (!party_vendor_id)
            party_vendor_id = a->vendor_id;
        if (!party_vendor_id)
            return status_fail(err, &(status_info){STATUS_VENDOR_ANSWER_NO_VENDOR, .id = aid});
        if (!vendor_exists(s, party_vendor_id))
            return status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .id = party_vendor_id});
    } else {
        party_vendor_id = 0;
    }
    out->party_vendor_id = party_vendor_id;
    if (ch->fields & AF_OWNER) {
        int64_t ov = 0;
        if (ch->owner == RESP_VENDOR || ch->owner == RESP_JOINT) {
            ov = ch->owner_vendor_id ? ch->owner_vendor_id : a->vendor_id;
            if (ch->owner == RESP_VENDOR && !ov)
                return status_fail(err, &(status_info){STATUS_OWNER_VENDOR_REQUIRED, .field = "owner_vendor"});
            if (ov && !vendor_exists(s, ov))
                return status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .field = "owner_vendor", .id = ov});
        }
        if (ov)
            out->owner_vendor_text = xasprintf("%lld", (long long)ov); /* by id: history_field_is_vendor */
    }
    if (ch->fields & AF_EVIDENCE) {
        for (size_t i = 0; ch->evidence && i < ch->evidence->len; i++) {
            const char *e = ch->evidence->items[i];
            if (str_empty(e) || strchr(e, '\n')) {
                answer_checked_free(out);
                return status_fail(err, &(status_info){STATUS_EVIDENCE_MALFORMED, .field = "evidence", .value = e});
            }
        }
        out->evidence_text = join_lines(ch->evidence);
    }
    if ((ch->fields & AF_REASON) && !str_empty(ch->reason) && strchr(ch->reason, '\n')) {
        answer_checked_free(out);
        return status_fail(err, &(status_info){STATUS_REASON_MALFORMED, .field = "reason", .value = ch->reason, .item = item_id});
    }
    /* a reason where the catalog asks for one: when such a value is given, or the reason of one
     * is cleared; other edits of an old answer without a reason still go through */
    char *old_value = NULL, *old_reason = NULL;
    answer_value_reason(s, &(answer_key){aid, item_id, party, party_vendor_id}, &old_value, &old_reason);
    const char *new_value = (ch->fields & AF_VALUE) ? ch->value : old_value;
    const char *new_reason = (ch->fields & AF_REASON) ? ch->reason : old_reason;
    const answer_def *vdef = str_empty(new_value) ? NULL : catalog_find_answer(c, new_value);
    bool needs = vdef && vdef->needs_reason;
    status_code r = STATUS_OK;
    if (needs && !ch->reason_optional && ((ch->fields & (AF_VALUE | AF_REASON)) != 0) && str_empty(new_reason)) {
        char *label = catalog_label(c);
        r = status_fail(err, &(status_info){STATUS_REASON_REQUIRED, .field = "reason", .item = item_id,
                                            .value = i18n_get(&vdef->label, false), .entity = label});
        free(label);
        answer_checked_free(out);
    } else if (!needs && (ch->fields & AF_VALUE) && !(ch->fields & AF_REASON) && !str_empty(old_reason) &&
               !str_eq(old_value, new_value)) {
        out->clear_reason = true; /* the reason explained the old value */
    }
    free(old_value);
    free(old_reason);
    if (r == STATUS_OK && (ch->fields & AF_NOTE) && ch->note)
        out->note_text = text_expand_tabs(ch->note);
    return r;
}

/* Writes a checked change under `action` inside the open transaction; *n = fields changed. Marks a
 * signed-off assessment changed. Returns 0, or -1 with *err. */
static int answer_write(store *s, int64_t action, const assessment *a, const char *item_id, answer_party party,
                        const answer_change *ch, const answer_checked *k, const char *who, int *n,
                        bool *value_changed, status_detail *err)
{
    answer_key key = {a->id, item_id, party, k->party_vendor_id};
    int h = 0;
    *n = 0;
    *value_changed = false;
#define APPLY(flag, field, text)                                                                                       \
    do {                                                                                                               \
        if (h >= 0 && (ch->fields & (flag))) {                                                                         \
            h = answer_apply(s, action, &key, field, text, who, err);                                                  \
            *n += h > 0;                                                                                               \
        }                                                                                                              \
    } while (0)
    APPLY(AF_VALUE, "value", ch->value);
    *value_changed = h > 0 && (ch->fields & AF_VALUE);
    APPLY(AF_REASON, "reason", ch->reason);
    if (h >= 0 && k->clear_reason) {
        h = answer_apply(s, action, &key, "reason", NULL, who, err);
        *n += h > 0;
    }
    APPLY(AF_CHECKED, "checked", k->iso[0]);
    APPLY(AF_DUE, "due", k->iso[1]);
    APPLY(AF_DONE, "done", k->iso[2]);
    APPLY(AF_OWNER, "owner", ch->owner == RESP_NONE ? NULL : responsibility_name(ch->owner));
    APPLY(AF_OWNER, "owner_vendor", k->owner_vendor_text);
    APPLY(AF_NOTE, "note", k->note_text);
    APPLY(AF_EVIDENCE, "evidence", k->evidence_text);
    APPLY(AF_AGREED_WITH, "agreed_with", ch->agreed_with);
#undef APPLY
    if (h >= 0 && *n > 0)
        h = mark_changed(s, action, a, err);
    return h < 0 ? -1 : 0;
}

status_code assess_answer_set(store *s, int64_t aid, const char *item_id, answer_party party, int64_t party_vendor_id,
                            const answer_change *ch, const char *who, int *changed, int *proposed, status_detail *err)
{
    if (changed)
        *changed = 0;
    if (proposed)
        *proposed = 0;
    assessment a;
    status_code r = assess_row(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    /* one item: the header and answers, not the whole catalog (the whole one when cached) */
    const catalog *c = catalog_db_head(s, a.catalog_id, a.catalog_version);
    answer_checked k;
    if ((r = answer_check(s, &a, c, item_id, party, party_vendor_id, ch, &k, err)) != STATUS_OK) {
        assessment_free(&a);
        return r;
    }
    if (store_begin(s, err) != 0) {
        r = status_failed(err);
        goto out;
    }
    int64_t action = history_action(s, who, (ch->fields & AF_AGREED_WITH) ? "agree" : "answer", aid, 0, err);
    int n = 0, h = action ? 0 : -1;
    bool value_changed = false;
    if (h >= 0)
        h = answer_write(s, action, &a, item_id, party, ch, &k, who, &n, &value_changed, err);
    int np = 0;
    if (h >= 0 && value_changed && !str_empty(ch->value)) {
        np = proposals_generate(s, action, &a, c, item_id, ch->value, who, err);
        h = np < 0 ? -1 : h;
    }
    if (h < 0) {
        store_rollback(s);
        r = status_failed(err);
    } else if (n == 0) {
        store_rollback(s); /* nothing changed: no empty action in the history */
    } else if (store_commit(s, err) != 0) {
        r = status_failed(err);
    } else {
        if (changed)
            *changed = n;
        if (proposed)
            *proposed = np;
    }
out:
    answer_checked_free(&k);
    assessment_free(&a);
    return r;
}

status_code assess_answer_write(store *s, int64_t action, int64_t aid, const char *item_id, answer_party party,
                                int64_t party_vendor_id, const answer_change *ch, const char *who, int *changed,
                                status_detail *err)
{
    if (changed)
        *changed = 0;
    assessment a;
    status_code r = assess_row(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    /* one item: the header and answers, not the whole catalog (the whole one when cached) */
    const catalog *c = catalog_db_head(s, a.catalog_id, a.catalog_version);
    answer_checked k;
    if ((r = answer_check(s, &a, c, item_id, party, party_vendor_id, ch, &k, err)) == STATUS_OK) {
        int n = 0;
        bool value_changed = false;
        if (answer_write(s, action, &a, item_id, party, ch, &k, who, &n, &value_changed, err) < 0)
            r = status_failed(err);
        else if (changed)
            *changed = n;
    }
    answer_checked_free(&k);
    assessment_free(&a);
    return r;
}

/* ---- undo ---- */

status_code assess_undo_blockers(store *s, int64_t aid, const char *who, history_row **out, size_t *n,
                                 status_detail *err)
{
    *out = NULL;
    *n = 0;
    int64_t target = history_last_undoable(s, aid, who);
    return target ? history_changed_since(s, target, out, n, err) : STATUS_OK;
}

/* The record a history row is about, for messages: "g-1", "g-1 [vendor]", "proposal #3
 * (assessment #2, q1)", "assessment #2". Caller frees. */
static char *record_text(const history_row *h)
{
    if (str_eq(h->entity, "answer"))
        return xasprintf("%s%s%s%s", h->item_id ? h->item_id : "", h->party && !str_eq(h->party, "hospital") ? " [" : "",
                         h->party && !str_eq(h->party, "hospital") ? h->party : "",
                         h->party && !str_eq(h->party, "hospital") ? "]" : "");
    if (str_eq(h->entity, "proposal"))
        return xasprintf("proposal #%lld (assessment #%lld, %s)", (long long)h->entity_id, (long long)h->assessment_id,
                         h->item_id ? h->item_id : "");
    return xasprintf("%s #%lld", h->entity ? h->entity : "", (long long)h->entity_id);
}

status_code assess_undo(store *s, int64_t aid, const char *who, char **what, status_detail *err)
{
    if (what)
        *what = NULL;
    assessment a;
    status_code r = assess_row(s, aid, &a, err);
    assessment_free(&a);
    if (r != STATUS_OK)
        return r;
    if (store_begin(s, err) != 0)
        return status_failed(err);
    int64_t target = history_last_undoable(s, aid, who);
    if (!target) {
        store_rollback(s);
        return status_fail(err, &(status_info){STATUS_NOTHING_TO_UNDO, .id = aid, .value = who});
    }
    /* Only while nobody changed the same records since: restoring the old values would silently
     * drop the later change. */
    history_row *later = NULL;
    size_t nlater = 0;
    if (history_changed_since(s, target, &later, &nlater, err) != STATUS_OK) {
        store_rollback(s);
        return status_failed(err);
    }
    if (nlater) {
        store_rollback(s);
        char *rec = record_text(&later[0]);
        char *when = xasprintf("%s, %s", later[0].kind ? later[0].kind : "", later[0].at ? later[0].at : "");
        status_fail(err, &(status_info){STATUS_UNDO_BLOCKED, .item = rec, .value = later[0].who, .extra = when,
                                        .num = target, .id = aid});
        free(rec);
        free(when);
        history_list_free(later, nlater);
        return STATUS_UNDO_BLOCKED;
    }
    history_row *rows = NULL;
    history_filter f = {.action = target}; /* with its proposals, which belong to other assessments */
    size_t n = 0;
    if (history_list(s, &f, &rows, &n, err) != STATUS_OK) {
        store_rollback(s);
        return status_failed(err);
    }
    /* "changed since sign-off" stays set when someone else's answers came after this one */
    bool others_changed = history_touched_since(s, target, aid, "answer");
    int64_t action = history_action(s, who, "undo", aid, target, err);
    int h = action ? 0 : -1;
    char *kind = NULL;
    for (size_t i = n; i-- > 0 && h >= 0;) {
        history_row *x = &rows[i];
        if (!kind && x->kind)
            kind = xstrdup(x->kind);
        if (str_eq(x->entity, "answer")) {
            answer_key k = {x->assessment_id, x->item_id, PARTY_HOSPITAL, x->party_vendor_id};
            answer_party_parse(x->party, &k.party);
            h = answer_apply(s, action, &k, x->field, x->old_value, who, err);
        } else if (str_eq(x->entity, "assessment")) {
            if (str_eq(x->field, "changed_since_signoff") && str_empty(x->old_value) && others_changed)
                continue;
            h = assessment_apply(s, action, x->entity_id, x->field, x->old_value, err);
        } else if (str_eq(x->entity, "proposal")) {
            h = proposal_apply(s, action, x->entity_id, x->old_value, who, err);
        }
    }
    if (h >= 0 && what)
        *what = xasprintf("undid %s (%zu change%s, action %lld)", kind ? kind : "change", n, n == 1 ? "" : "s",
                          (long long)target);
    free(kind);
    history_list_free(rows, n);
    if (h < 0) {
        store_rollback(s);
        return status_failed(err);
    }
    return store_commit(s, err) == 0 ? STATUS_OK : status_failed(err);
}

/* ---- archive ---- */

status_code assess_archive(store *s, int64_t aid, bool archive, const char *who, bool *changed, status_detail *err)
{
    if (changed)
        *changed = false;
    assessment a;
    status_code r = assess_row(s, aid, &a, err);
    bool is_archived = r == STATUS_OK && a.archived_at;
    assessment_free(&a);
    if (r != STATUS_OK || is_archived == archive)
        return r;
    if (store_begin(s, err) != 0)
        return status_failed(err);
    char now[32];
    clock_now(now);
    int64_t action = history_action(s, who, archive ? "archive" : "restore", aid, 0, err);
    int h = action ? assessment_apply(s, action, aid, "archived_at", archive ? now : NULL, err) : -1;
    r = commit_or_rollback(s, h < 0 ? status_failed(err) : STATUS_OK, err);
    if (r == STATUS_OK && changed)
        *changed = true;
    return r;
}

/* ---- sign-off ---- */

status_code assess_signoff(store *s, int64_t aid, const char *name, const char *role, const char *who, status_detail *err)
{
    if (str_empty(name)) {
        return status_fail(err, &(status_info){STATUS_SIGNOFF_NAME_REQUIRED, .field = "signed_by"});
    }
    if (str_empty(role)) {
        return status_fail(err, &(status_info){STATUS_SIGNOFF_ROLE_REQUIRED, .field = "signed_role"});
    }
    assessment a;
    status_code r = assess_row(s, aid, &a, err);
    assessment_free(&a);
    if (r != STATUS_OK)
        return r;
    if (store_begin(s, err) != 0)
        return status_failed(err);
    char now[32];
    clock_now(now);
    int64_t action = history_action(s, who, "signoff", aid, 0, err);
    int h = action ? 0 : -1;
    if (h >= 0)
        h = assessment_apply(s, action, aid, "signed_by", name, err);
    if (h >= 0)
        h = assessment_apply(s, action, aid, "signed_role", role, err);
    if (h >= 0)
        h = assessment_apply(s, action, aid, "signed_at", now, err);
    if (h >= 0)
        h = assessment_apply(s, action, aid, "changed_since_signoff", NULL, err);
    return commit_or_rollback(s, h < 0 ? status_failed(err) : STATUS_OK, err);
}

/* ---- carry ---- */

void carry_result_free(carry_result *r)
{
    carry_plan p = {.skipped = r->skipped, .nskipped = r->nskipped};
    carry_plan_free(&p);
    memset(r, 0, sizeof *r);
}

/* Copies one old answer row onto the new item `to_item` (the fields carry_spec asks for). */
static int carry_row(store *s, int64_t action, int64_t nid, const catalog *c, const answer *x, const char *to_item,
                     unsigned flags, const char *who, status_detail *err)
{
    answer_key k = {nid, to_item, x->party, x->party_vendor_id};
    int h = 0;
    if (flags & CARRY_KEEP_VALUES) {
        const char *v = x->value && catalog_find_answer(c, x->value) ? x->value : NULL;
        h = answer_apply(s, action, &k, "value", v, who, err);
        if (h >= 0)
            h = answer_apply(s, action, &k, "reason", v ? x->reason : NULL, who, err);
    }
    if (h >= 0 && (flags & CARRY_KEEP_DATES)) {
        if (c->dates & DATE_CHECKED)
            h = answer_apply(s, action, &k, "checked", x->checked, who, err);
        if (h >= 0 && (c->dates & DATE_DUE))
            h = answer_apply(s, action, &k, "due", x->due, who, err);
        if (h >= 0 && (c->dates & DATE_DONE))
            h = answer_apply(s, action, &k, "done", x->done, who, err);
    }
    if (h >= 0)
        h = answer_apply(s, action, &k, "owner", x->owner ? responsibility_name(x->owner) : NULL, who, err);
    if (h >= 0 && x->owner_vendor_id) {
        char *ov = xasprintf("%lld", (long long)x->owner_vendor_id);
        h = answer_apply(s, action, &k, "owner_vendor", ov, who, err);
        free(ov);
    }
    if (h >= 0)
        h = answer_apply(s, action, &k, "note", x->note, who, err);
    if (h >= 0) {
        char *ev = evidence_lines(x, false); /* links to the same entries */
        h = answer_apply(s, action, &k, "evidence", ev, who, err);
        free(ev);
    }
    return h;
}

/* The target catalog of a carry (caller frees), or NULL with CATALOG_NOT_FOUND in *err. */
static catalog *carry_load_target(store *s, const assessment *a, const carry_spec *spec, status_detail *err)
{
    const char *id = spec->to_catalog ? spec->to_catalog : a->catalog_id;
    const char *ver = spec->to_version ? spec->to_version : spec->to_catalog ? NULL : a->catalog_version;
    catalog *c = catalog_db_load(s, id, ver);
    if (!c) {
        char *label = ver ? xasprintf("%s@%s", id, ver) : xstrdup(id);
        status_fail(err, &(status_info){STATUS_CATALOG_NOT_FOUND, .entity = label});
        free(label);
    } else if (catalog_item_count(c) == 0) { /* a skeleton such as R8: nothing to answer yet */
        char *label = catalog_label(c);
        status_fail(err, &(status_info){STATUS_CATALOG_NO_ITEMS, .entity = label});
        free(label);
        catalog_free(c);
        c = NULL;
    }
    return c;
}

static int carry_answers(store *s, int64_t action, int64_t nid, const catalog *c, const answer_set *set,
                         const carry_plan *plan, unsigned flags, const char *who, carry_result *out, status_detail *err)
{
    int h = 0;
    const char *last = NULL;
    for (size_t i = 0; i < plan->npairs && h >= 0; i++) {
        const carry_pair *p = &plan->pairs[i];
        for (size_t j = 0; j < set->len && h >= 0; j++)
            if (str_eq(set->items[j].item_id, p->from_item))
                h = carry_row(s, action, nid, c, &set->items[j], p->to_item, flags, who, err);
        if (!str_eq(last, p->from_item)) {
            out->carried++;
            out->crosswalked += p->crosswalk;
        }
        last = p->from_item;
    }
    return h;
}

status_code assess_carry_to(store *s, int64_t from, const carry_spec *spec, const char *who, carry_result *out,
                            status_detail *err)
{
    memset(out, 0, sizeof *out);
    if (spec->to_fy < 1900 || spec->to_fy > 2200)
        return status_fail(err, &(status_info){STATUS_FY_OUT_OF_RANGE, .field = "fy", .num = spec->to_fy});
    assessment a;
    status_code r = assess_row(s, from, &a, err);
    if (r != STATUS_OK)
        return r;
    const catalog *old = catalog_db_get(s, a.catalog_id, a.catalog_version);
    catalog *c = carry_load_target(s, &a, spec, err);
    answer_set set = {0};
    carry_plan plan = {0};
    if (!c)
        r = status_failed(err);
    else if (!old)
        r = status_fail(err, &(status_info){STATUS_CATALOG_NOT_FOUND, .entity = a.catalog_id});
    if (r == STATUS_OK)
        r = assess_load_answers(s, from, &set, err);
    if (r == STATUS_OK)
        r = carry_plan_build(s, old, c, &set, spec->flags, &plan, err);
    if (r == STATUS_OK && store_begin(s, err) != 0)
        r = status_failed(err);
    if (r != STATUS_OK) {
        carry_plan_free(&plan);
        answer_set_free(&set);
        catalog_free(c);
        assessment_free(&a);
        return r;
    }
    int64_t nid = insert_assessment(s, c->id, c->version, a.scope, a.system_id, a.vendor_id, spec->to_fy, a.title, from,
                                    who, &r, err);
    int64_t action = nid ? history_action(s, who, "carry", nid, 0, err) : 0;
    int h = action ? 0 : -1;
    if (h >= 0) {
        history_target t = {.entity = "assessment", .entity_id = nid, .assessment_id = nid};
        char *desc = xasprintf("#%lld (FY%d, %s@%s)", (long long)from, a.fy, a.catalog_id, a.catalog_version);
        h = history_add(s, action, &t, "carried_from", NULL, desc, err);
        free(desc);
    }
    if (h >= 0)
        h = carry_answers(s, action, nid, c, &set, &plan, spec->flags, who, out, err);
    if (r == STATUS_OK && h < 0)
        r = status_failed(err);
    answer_set_free(&set);
    catalog_free(c);
    assessment_free(&a);
    r = commit_or_rollback(s, r, err);
    if (r == STATUS_OK) {
        out->new_id = nid;
        out->skipped = plan.skipped;
        out->nskipped = plan.nskipped;
        plan.skipped = NULL;
        plan.nskipped = 0;
    } else {
        out->carried = out->crosswalked = 0;
    }
    carry_plan_free(&plan);
    return r;
}

status_code assess_carry(store *s, int64_t from, int to_fy, const char *to_version, unsigned flags, const char *who,
                         int64_t *new_id, int *dropped, status_detail *err)
{
    carry_result res;
    status_code r = assess_carry_to(s, from, &(carry_spec){.to_version = to_version, .to_fy = to_fy, .flags = flags}, who,
                                    &res, err);
    if (dropped)
        *dropped = r == STATUS_OK ? (int)res.nskipped : 0;
    if (new_id && r == STATUS_OK)
        *new_id = res.new_id;
    carry_result_free(&res);
    return r;
}

/* ---- diff ---- */

void assess_diff_free(assess_diff_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].item_id);
        free(rows[i].ref);
        free(rows[i].field);
        free(rows[i].a);
        free(rows[i].b);
    }
    free(rows);
}

static char *owner_text(const answer *x)
{
    if (!x || x->owner == RESP_NONE)
        return NULL;
    if (x->owner_vendor_name)
        return xasprintf("%s (%s)", responsibility_name(x->owner), x->owner_vendor_name);
    return xstrdup(responsibility_name(x->owner));
}

typedef struct {
    assess_diff_row *rows;
    size_t n, cap;
} diff_out;

static void diff_add(diff_out *d, const char *item, const char *ref, const char *field, const char *a, const char *b)
{
    if ((str_empty(a) && str_empty(b)) || str_eq(a, b))
        return;
    GROW(d->rows, d->cap, d->n + 1);
    d->rows[d->n++] = (assess_diff_row){xstrdup(item), ref ? xstrdup(ref) : NULL, xstrdup(field),
                                        str_empty(a) ? NULL : xstrdup(a), str_empty(b) ? NULL : xstrdup(b)};
}

static void diff_item(diff_out *d, const catalog_node *node, const answer *x, const answer *y)
{
    const char *item = node->id, *ref = node->ref;
#define F(name, m) diff_add(d, item, ref, name, x ? x->m : NULL, y ? y->m : NULL)
    F("value", value);
    F("reason", reason);
    F("checked", checked);
    F("due", due);
    F("done", done);
#undef F
    char *oa = owner_text(x), *ob = owner_text(y);
    diff_add(d, item, ref, "owner", oa, ob);
    free(oa);
    free(ob);
    diff_add(d, item, ref, "note", x ? x->note : NULL, y ? y->note : NULL);
    char *ea = evidence_lines(x, true), *eb = evidence_lines(y, true);
    diff_add(d, item, ref, "evidence", ea, eb);
    free(ea);
    free(eb);
}

status_code assess_diff(store *s, int64_t aid, int64_t bid, assess_diff_row **out, size_t *n, status_detail *err)
{
    *out = NULL;
    *n = 0;
    assessment a, b;
    status_code r = assess_row(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    if ((r = assess_row(s, bid, &b, err)) != STATUS_OK) {
        assessment_free(&a);
        return r;
    }
    catalog *ca = catalog_db_load(s, a.catalog_id, a.catalog_version);
    catalog *cb = catalog_db_load(s, b.catalog_id, b.catalog_version);
    answer_set sa = {0}, sb = {0};
    if (!ca || !cb) {
        char *label = xasprintf("%s@%s", !ca ? a.catalog_id : b.catalog_id, !ca ? a.catalog_version : b.catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label});
        free(label);
    }
    if (r == STATUS_OK)
        r = assess_load_answers(s, aid, &sa, err);
    if (r == STATUS_OK)
        r = assess_load_answers(s, bid, &sb, err);
    diff_out d = {0};
    for (size_t i = 0; r == STATUS_OK && i < cb->nnodes; i++) {
        const catalog_node *node = &cb->nodes[i];
        if (node->kind != NODE_ITEM)
            continue;
        const catalog_node *na = catalog_find_node(ca, node->id);
        if (!na || na->kind != NODE_ITEM) {
            diff_add(&d, node->id, node->ref, "item", NULL, "added");
            continue;
        }
        diff_item(&d, node, answer_set_effective(&sa, node->id), answer_set_effective(&sb, node->id));
    }
    for (size_t i = 0; r == STATUS_OK && i < ca->nnodes; i++) {
        const catalog_node *node = &ca->nodes[i];
        const catalog_node *nb = catalog_find_node(cb, node->id);
        if (node->kind == NODE_ITEM && (!nb || nb->kind != NODE_ITEM))
            diff_add(&d, node->id, node->ref, "item", "removed", NULL);
    }
    answer_set_free(&sa);
    answer_set_free(&sb);
    if (ca)
        catalog_free(ca);
    if (cb)
        catalog_free(cb);
    assessment_free(&a);
    assessment_free(&b);
    if (r != STATUS_OK) {
        assess_diff_free(d.rows, d.n);
        return r;
    }
    *out = d.rows;
    *n = d.n;
    return STATUS_OK;
}
