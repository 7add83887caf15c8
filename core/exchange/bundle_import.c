#include "bundle_import.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "bundle_system.h"
#include "catalog/lib.h"
#include "history/lib.h"
#include "offer.h"

void bundle_plan_free(bundle_plan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->ntargets; i++) {
        free(p->targets[i].label);
        free(p->targets[i].target_version);
        sl_free(&p->targets[i].unmapped);
    }
    free(p->targets);
    free(p->signer_name);
    free(p->imported_at);
    free(p->imported_by);
    memset(p, 0, sizeof *p);
}

const char *bundle_item_state_name(bundle_item_state s)
{
    static const char *const names[] = {"equal", "different", "only-bundle", "only-here", "unmapped"};
    return (unsigned)s < AZ_ARRAY_LEN(names) ? names[s] : "?";
}

static char *assessment_label(const bundle_assessment *a)
{
    return xasprintf("%s@%s, %s%s, FY%d", a->catalog_id, a->catalog_version, a->system_scope ? "system " : "organisation",
                     a->system_scope ? a->system : "", a->fy);
}

/* The assessment here for bundle assessment a: same catalog id, fiscal year and scope (a system by
 * name), the same catalog version first. 0 when none. */
static status_code find_target(store *s, const bundle_assessment *a, int64_t *out, status_detail *err)
{
    *out = 0;
    assess_filter f = {.fy = a->fy, .catalog_id = a->catalog_id};
    assessment *list = NULL;
    size_t n = 0;
    status_code r = assess_list_rows(s, &f, &list, &n, err);
    int64_t other_version = 0;
    for (size_t i = 0; r == STATUS_OK && i < n; i++) {
        const assessment *x = &list[i];
        bool scope = a->system_scope ? x->scope == SCOPE_SYSTEM && str_eq(x->system_name, a->system)
                                     : x->scope == SCOPE_ORG;
        if (!scope)
            continue;
        if (str_eq(x->catalog_version, a->catalog_version) && !*out)
            *out = x->id;
        else if (!other_version)
            other_version = x->id;
    }
    if (!*out)
        *out = other_version;
    assessment_list_free(list, n);
    return r;
}

static bool answer_maps(const catalog *c, const bundle_answer *x, bool *item_ok)
{
    const catalog_node *node = catalog_find_node(c, x->item);
    *item_ok = node && node->kind == NODE_ITEM;
    return *item_ok && (str_empty(x->value) || catalog_find_answer(c, x->value));
}

static char *answer_values(const catalog *c)
{
    strbuf b = {0};
    for (size_t i = 0; i < c->nanswers; i++)
        sb_addf(&b, "%s%s", i ? ", " : "", c->answers[i].value);
    return sb_take(&b);
}

static status_code plan_target(store *s, const bundle *b, size_t i, const bundle_import_opts *opt, bundle_target *t,
                               status_detail *err)
{
    const bundle_assessment *a = &b->assessments[i];
    t->index = i;
    t->label = assessment_label(a);
    char *where = xasprintf("content.assessments[%zu].catalog.id", i);
    char *cat_label = xasprintf("%s@%s", a->catalog_id, a->catalog_version);
    status_code r = STATUS_OK;
    const catalog *exact = catalog_db_get(s, a->catalog_id, a->catalog_version);
    const catalog *newest = exact ? exact : catalog_db_get(s, a->catalog_id, NULL);
    if (!newest)
        r = status_fail(err, &(status_info){STATUS_BUNDLE_CATALOG_UNKNOWN, .entity = b->source, .field = where,
                                            .value = cat_label});
    if (r == STATUS_OK && opt->into) {
        assessment x;
        if ((r = assess_get_row(s, opt->into[i], &x, err)) == STATUS_OK && !str_eq(x.catalog_id, a->catalog_id)) {
            char *mine = xasprintf("%s@%s (#%lld)", x.catalog_id, x.catalog_version, (long long)x.id);
            r = status_fail(err, &(status_info){STATUS_BUNDLE_NO_TARGET, .entity = b->source, .value = cat_label,
                                                .extra = mine});
            free(mine);
        }
        if (r == STATUS_OK)
            t->assessment_id = x.id;
        assessment_free(&x);
    } else if (r == STATUS_OK) {
        r = find_target(s, a, &t->assessment_id, err);
    }
    if (r == STATUS_OK && !t->assessment_id && !opt->create) {
        char *scope = a->system_scope ? xasprintf("system %s, FY%d", a->system, a->fy) : xasprintf("organisation, FY%d", a->fy);
        r = status_fail(err, &(status_info){STATUS_BUNDLE_NO_TARGET, .entity = b->source, .value = cat_label,
                                            .extra = scope});
        free(scope);
    }
    const catalog *c = NULL;
    if (r == STATUS_OK && t->assessment_id) {
        assessment x;
        if ((r = assess_get_row(s, t->assessment_id, &x, err)) == STATUS_OK)
            t->target_version = xstrdup(x.catalog_version);
        assessment_free(&x);
        c = t->target_version ? catalog_db_get(s, a->catalog_id, t->target_version) : NULL;
        if (r == STATUS_OK && !c) {
            char *label = xasprintf("%s@%s", a->catalog_id, t->target_version);
            r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = t->assessment_id});
            free(label);
        }
    } else if (r == STATUS_OK) {
        c = newest;
        t->target_version = xstrdup(newest->version);
    }
    if (r == STATUS_OK) {
        t->version_differs = !str_eq(t->target_version, a->catalog_version);
        char hash[DIGEST_HEX];
        digest_catalog(c, hash);
        t->hash_differs = !t->version_differs && a->catalog_hash && !str_eq(hash, a->catalog_hash);
    }
    for (size_t k = 0; r == STATUS_OK && k < a->nanswers; k++) {
        const bundle_answer *x = &a->answers[k];
        bool item_ok = false;
        if (answer_maps(c, x, &item_ok))
            continue;
        if (t->version_differs) {
            sl_push(&t->unmapped, x->item);
            continue;
        }
        char *field = xasprintf("content.assessments[%zu].answers[%zu].%s", i, k, item_ok ? "value" : "item");
        if (!item_ok) {
            r = status_fail(err, &(status_info){STATUS_BUNDLE_ITEM_UNKNOWN, .entity = b->source, .field = field,
                                                .item = x->item, .value = cat_label});
        } else {
            char *values = answer_values(c);
            r = status_fail(err, &(status_info){STATUS_BUNDLE_VALUE_UNKNOWN, .entity = b->source, .field = field,
                                                .item = x->item, .value = x->value, .extra = values});
            free(values);
        }
        free(field);
    }
    for (size_t k = 0; r == STATUS_OK && !t->version_differs && k < a->field_keys.len; k++)
        if (!catalog_find_field(c, a->field_keys.items[k])) {
            char *field = xasprintf("content.assessments[%zu].fields.%s", i, a->field_keys.items[k]);
            r = status_fail(err, &(status_info){STATUS_BUNDLE_UNKNOWN_KEY, .entity = b->source, .field = field});
            free(field);
        }
    free(where);
    free(cat_label);
    return r;
}

status_code bundle_plan_make(store *s, const bundle *b, const bundle_import_opts *opt, bundle_plan *out,
                             status_detail *err)
{
    memset(out, 0, sizeof *out);
    bundle_import_opts none = {0};
    if (!opt)
        opt = &none;
    if (opt->into && opt->ninto != b->nassessments)
        return status_fail(err, &(status_info){STATUS_BUNDLE_TARGET_COUNT, .num = (int64_t)b->nassessments,
                                               .id = (int64_t)opt->ninto});
    status_code r = STATUS_OK;
    sqlite3_stmt *st = store_stmt(s, "SELECT pk, imported_at, imported_by FROM exchange_import WHERE digest = ?");
    store_bind_text(st, 1, b->digest);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->imported_before = sqlite3_column_int64(st, 0);
        out->imported_at = store_col_dup(st, 1);
        out->imported_by = store_col_dup(st, 2);
    } else if (rc != SQLITE_DONE) {
        r = store_fail(s, err, "exchange_import");
    }
    store_done(s, st);
    if (r == STATUS_OK && b->is_signed) {
        key_trusted k;
        bool found = false;
        r = key_trusted_find(s, b->signer.fingerprint, &k, &found, err);
        out->signer_known = found;
        if (found && k.name)
            out->signer_name = xstrdup(k.name);
        key_trusted_free(&k);
    }
    if (r == STATUS_OK && b->role == BUNDLE_ROLE_VENDOR) {
        if (opt->vendor_id) {
            ws_vendor v;
            if ((r = ws_vendor_get(s, opt->vendor_id, &v, err)) == STATUS_OK)
                out->vendor_id = v.id;
            ws_vendor_free(&v);
        } else {
            status_detail e = {0};
            r = ws_vendor_find(s, b->party_name, &out->vendor_id, &e);
            if (r == STATUS_VENDOR_NOT_FOUND && opt->create)
                r = STATUS_OK;
            else if (r == STATUS_VENDOR_NOT_FOUND)
                r = status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .field = "content.party.name",
                                                    .value = b->party_name});
            else if (r != STATUS_OK)
                r = status_fail(err, &(status_info){e.code, .field = e.field, .value = e.value, .entity = e.entity,
                                                    .extra = e.extra});
            status_detail_free(&e);
        }
    }
    if (r == STATUS_OK) {
        out->targets = xcalloc(b->nassessments ? b->nassessments : 1, sizeof *out->targets);
        for (size_t i = 0; i < b->nassessments && r == STATUS_OK; i++) {
            r = plan_target(s, b, i, opt, &out->targets[i], err);
            out->ntargets = i + 1;
        }
    }
    if (r != STATUS_OK)
        bundle_plan_free(out);
    return r;
}

/* ---- diff ---- */

void bundle_diff_free(bundle_diff_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].item);
        free(rows[i].ref);
        free(rows[i].bundle_value);
        free(rows[i].here_value);
        free(rows[i].stored_value);
    }
    free(rows);
}

/* The answer of item for one side: the hospital, or vendor_id's. */
static const answer *side_answer(const answer_set *set, const char *item, bool vendor, int64_t vendor_id)
{
    for (size_t i = 0; i < set->len; i++) {
        const answer *x = &set->items[i];
        if (!str_eq(x->item_id, item))
            continue;
        if (vendor ? x->party == PARTY_VENDOR && x->party_vendor_id == vendor_id : x->party == PARTY_HOSPITAL)
            return x;
    }
    return NULL;
}

static char *dup_value(const answer *x)
{
    return x && !str_empty(x->value) ? xstrdup(x->value) : NULL;
}

status_code bundle_diff(store *s, const bundle *b, const bundle_plan *plan, bundle_diff_row **rows, size_t *nrows,
                        status_detail *err)
{
    *rows = NULL;
    *nrows = 0;
    bundle_diff_row *out = NULL;
    size_t n = 0, cap = 0;
    bool vendor_bundle = b->role == BUNDLE_ROLE_VENDOR;
    status_code r = STATUS_OK;
    for (size_t t = 0; t < plan->ntargets && r == STATUS_OK; t++) {
        const bundle_target *tg = &plan->targets[t];
        const bundle_assessment *a = &b->assessments[tg->index];
        answer_set set = {0};
        int64_t vendor_id = plan->vendor_id;
        if (tg->assessment_id) {
            r = assess_load_answers(s, tg->assessment_id, &set, err);
            if (!vendor_bundle) {
                assessment x;
                if (assess_get_row(s, tg->assessment_id, &x, NULL) == STATUS_OK)
                    vendor_id = x.vendor_id;
                assessment_free(&x);
            }
        }
        const catalog *c = catalog_db_get(s, a->catalog_id, tg->target_version);
        for (size_t k = 0; r == STATUS_OK && k < a->nanswers; k++) {
            const bundle_answer *x = &a->answers[k];
            /* the other side here, and the bundle party's stored answer */
            const answer *here = side_answer(&set, x->item, !vendor_bundle, vendor_id);
            const answer *stored = side_answer(&set, x->item, vendor_bundle, vendor_id);
            GROW(out, cap, n + 1);
            bundle_diff_row *row = &out[n++];
            memset(row, 0, sizeof *row);
            row->target = t;
            row->item = xstrdup(x->item);
            row->ref = x->ref ? xstrdup(x->ref) : NULL;
            row->bundle_value = x->value ? xstrdup(x->value) : NULL;
            row->here_value = dup_value(here);
            row->stored_value = dup_value(stored);
            bool item_ok = false;
            if (c && !answer_maps(c, x, &item_ok))
                row->state = BUNDLE_ITEM_UNMAPPED;
            else if (!row->bundle_value)
                row->state = row->here_value ? BUNDLE_ITEM_ONLY_HERE : BUNDLE_ITEM_EQUAL;
            else if (!row->here_value)
                row->state = BUNDLE_ITEM_ONLY_BUNDLE;
            else
                row->state = str_eq(row->bundle_value, row->here_value) ? BUNDLE_ITEM_EQUAL : BUNDLE_ITEM_DIFFERENT;
            row->would_change = row->state != BUNDLE_ITEM_UNMAPPED &&
                                (!str_eq(row->bundle_value, row->stored_value) &&
                                 !(str_empty(row->bundle_value) && str_empty(row->stored_value)));
        }
        /* answered here, not in the bundle */
        for (size_t k = 0; r == STATUS_OK && c && k < c->nnodes; k++) {
            const catalog_node *node = &c->nodes[k];
            if (node->kind != NODE_ITEM)
                continue;
            const answer *here = side_answer(&set, node->id, !vendor_bundle, vendor_id);
            if (!here || str_empty(here->value))
                continue;
            bool in_bundle = false;
            for (size_t q = 0; q < a->nanswers && !in_bundle; q++)
                in_bundle = str_eq(a->answers[q].item, node->id) && !str_empty(a->answers[q].value);
            if (in_bundle)
                continue;
            GROW(out, cap, n + 1);
            bundle_diff_row *row = &out[n++];
            memset(row, 0, sizeof *row);
            row->target = t;
            row->item = xstrdup(node->id);
            row->ref = node->ref ? xstrdup(node->ref) : NULL;
            row->here_value = dup_value(here);
            row->stored_value = dup_value(side_answer(&set, node->id, vendor_bundle, vendor_id));
            row->state = BUNDLE_ITEM_ONLY_HERE;
        }
        answer_set_free(&set);
    }
    if (r != STATUS_OK) {
        bundle_diff_free(out, n);
        return r;
    }
    *rows = out;
    *nrows = n;
    return STATUS_OK;
}

/* ---- import ---- */

static status_code create_system(store *s, const bundle *b, const char *name, int64_t vendor_id, const char *who,
                                 int64_t *id, status_detail *err)
{
    const char *category = "other";
    for (size_t i = 0; i < b->nsystems; i++)
        if (str_eq(b->systems[i].name, name) && b->systems[i].category)
            category = b->systems[i].category;
    ws_system sys = {0};
    sys.name = xstrdup(name);
    sys.category = xstrdup(category);
    sys.vendor_id = vendor_id;
    status_code r = ws_system_save(s, &sys, who, id, err);
    ws_system_free(&sys);
    return r;
}

/* Creates what a target needs (create): the system and the assessment. */
static status_code create_target(store *s, const bundle *b, const bundle_target *t, int64_t vendor_id, const char *who,
                                 int64_t *aid, size_t *created, status_detail *err)
{
    const bundle_assessment *a = &b->assessments[t->index];
    int64_t system_id = 0;
    status_code r = STATUS_OK;
    if (a->system_scope) {
        status_detail e = {0};
        if (ws_system_find(s, a->system, &system_id, &e) != STATUS_OK) {
            system_id = 0;
            r = create_system(s, b, a->system, vendor_id, who, &system_id, err);
            *created += r == STATUS_OK;
        }
        status_detail_free(&e);
    }
    assess_spec spec = {.catalog_id = a->catalog_id,
                        .catalog_version = t->target_version,
                        .scope = a->system_scope ? SCOPE_SYSTEM : SCOPE_ORG,
                        .system_id = system_id,
                        .vendor_id = vendor_id,
                        .fy = a->fy,
                        .title = a->title};
    if (r == STATUS_OK && (r = assess_create(s, &spec, who, aid, err)) == STATUS_OK)
        (*created)++;
    return r;
}

static status_code owner_vendor_id(store *s, const bundle *b, const bundle_answer *x, int64_t party_vendor,
                                   const char *path, int64_t *out, status_detail *err)
{
    *out = 0;
    if (str_empty(x->owner_vendor))
        return STATUS_OK;
    if (b->role == BUNDLE_ROLE_VENDOR && str_eq(x->owner_vendor, b->party_name)) {
        *out = party_vendor;
        return STATUS_OK;
    }
    status_detail e = {0};
    status_code r = ws_vendor_find(s, x->owner_vendor, out, &e);
    status_detail_free(&e);
    if (r != STATUS_OK) {
        char *field = xasprintf("%s.owner_vendor", path);
        r = status_fail(err, &(status_info){STATUS_VENDOR_NOT_FOUND, .field = field, .value = x->owner_vendor});
        free(field);
    }
    return r;
}

static status_code import_answers(store *s, const bundle *b, const bundle_target *t, int64_t aid, int64_t vendor_id,
                                  int64_t action, const char *who, bundle_import_result *res, status_detail *err)
{
    const bundle_assessment *a = &b->assessments[t->index];
    assessment x;
    status_code r = assess_get_row(s, aid, &x, err);
    const catalog *c = r == STATUS_OK ? catalog_db_get(s, x.catalog_id, x.catalog_version) : NULL;
    answer_party party = b->role == BUNDLE_ROLE_VENDOR ? PARTY_VENDOR : PARTY_HOSPITAL;
    for (size_t k = 0; r == STATUS_OK && c && k < a->nanswers; k++) {
        const bundle_answer *y = &a->answers[k];
        bool item_ok = false;
        if (!answer_maps(c, y, &item_ok)) {
            res->skipped++;
            continue;
        }
        char *path = xasprintf("content.assessments[%zu].answers[%zu]", t->index, k);
        answer_change ch = {.fields = AF_VALUE | AF_REASON | AF_NOTE | AF_EVIDENCE | AF_OWNER,
                            .value = y->value,
                            .reason = y->reason,
                            .reason_optional = true,
                            .note = y->note,
                            .evidence = &y->evidence};
        /* only the date columns this catalog records (another version may record others) */
        if (!c->dates || (c->dates & DATE_CHECKED))
            ch.fields |= AF_CHECKED, ch.checked = y->checked;
        if (!c->dates || (c->dates & DATE_DUE))
            ch.fields |= AF_DUE, ch.due = y->due;
        if (!c->dates || (c->dates & DATE_DONE))
            ch.fields |= AF_DONE, ch.done = y->done;
        if (!y->owner || !responsibility_parse(y->owner, &ch.owner))
            ch.owner = RESP_NONE;
        r = owner_vendor_id(s, b, y, vendor_id, path, &ch.owner_vendor_id, err);
        int changed = 0;
        /* answered_by keeps who answered on the other side; the action names the importer */
        if (r == STATUS_OK)
            r = assess_answer_write(s, action, aid, y->item, party, vendor_id, &ch,
                                    str_empty(y->answered_by) ? who : y->answered_by, &changed, err);
        if (r != STATUS_OK && err && !err->field)
            status_set_field(err, path);
        res->answers_changed += changed > 0;
        free(path);
    }
    assessment_free(&x);
    return r;
}

static status_code import_fields(store *s, const bundle *b, const bundle_target *t, int64_t aid, const char *who,
                                 bundle_import_result *res, status_detail *err)
{
    const bundle_assessment *a = &b->assessments[t->index];
    assess_field_list have = {0};
    status_code r = assess_field_load(s, aid, &have, err);
    assessment x;
    if (r == STATUS_OK)
        r = assess_get_row(s, aid, &x, err);
    const catalog *c = r == STATUS_OK ? catalog_db_get(s, x.catalog_id, x.catalog_version) : NULL;
    if (r == STATUS_OK)
        assessment_free(&x);
    for (size_t k = 0; r == STATUS_OK && c && k < a->field_keys.len; k++) {
        const char *key = a->field_keys.items[k], *value = a->field_values.items[k];
        if (!catalog_find_field(c, key))
            continue; /* another catalog version without it */
        const assess_field_value *v = assess_field_get(&have, key);
        if (v && str_eq(v->value, value))
            continue;
        if (v && !str_empty(v->value)) {
            res->fields_kept++; /* this assessment's own value stays; the difference is in the diff */
            continue;
        }
        r = assess_field_set(s, aid, key, value, who, NULL, err);
        res->fields_set += r == STATUS_OK;
    }
    assess_field_list_free(&have);
    return r;
}

static status_code record_import(store *s, const bundle *b, const bundle_plan *plan, int64_t vendor_id,
                                 size_t answers, const char *who, int64_t *id, status_detail *err)
{
    char now[32];
    clock_now(now);
    sqlite3_stmt *st = store_stmt(s, "INSERT INTO exchange_import(digest, kind, source, signer, signer_known, party,"
                                     " party_name, vendor_pk, answers, imported_at, imported_by)"
                                     " VALUES(?,'bundle',?,?,?,?,?,?,?,?,?)");
    store_bind_text(st, 1, b->digest);
    store_bind_text(st, 2, b->source);
    store_bind_text(st, 3, b->is_signed ? b->signer.fingerprint : NULL);
    sqlite3_bind_int(st, 4, plan->signer_known);
    store_bind_text(st, 5, bundle_role_name(b->role));
    store_bind_text(st, 6, b->party_name);
    if (vendor_id)
        sqlite3_bind_int64(st, 7, vendor_id);
    sqlite3_bind_int64(st, 8, (int64_t)answers);
    store_bind_text(st, 9, now);
    store_bind_text(st, 10, who);
    int rc = sqlite3_step(st);
    store_done(s, st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "exchange_import");
    *id = sqlite3_last_insert_rowid(store_db(s));
    return STATUS_OK;
}

static char *import_text(const bundle *b, const bundle_plan *plan)
{
    const char *role = bundle_role_name(b->role);
    if (!b->is_signed)
        return xasprintf("bundle sha256:%s from %s %s, unsigned", b->digest, role, b->party_name ? b->party_name : "");
    return xasprintf("bundle sha256:%s from %s %s, signed by %s (%s)", b->digest, role,
                     b->party_name ? b->party_name : "", b->signer.fingerprint,
                     plan->signer_name ? plan->signer_name : "trusted key");
}

status_code bundle_import(store *s, const bundle *b, const bundle_plan *plan, const bundle_import_opts *opt,
                          const char *who, bundle_import_result *res, status_detail *err)
{
    memset(res, 0, sizeof *res);
    bundle_import_opts none = {0};
    if (!opt)
        opt = &none;
    /* an unknown signer is refused even for content imported before */
    if (b->is_signed && !plan->signer_known)
        return status_fail(err, &(status_info){STATUS_BUNDLE_SIGNER_UNKNOWN, .entity = b->source,
                                               .value = b->signer.fingerprint, .extra = b->signer.name});
    if (plan->imported_before) {
        res->already = true;
        res->import_id = plan->imported_before;
        return STATUS_OK;
    }
    for (size_t t = 0; t < plan->ntargets; t++) {
        const bundle_target *tg = &plan->targets[t];
        if (tg->version_differs && !opt->partial) {
            const bundle_assessment *a = &b->assessments[tg->index];
            char *theirs = xasprintf("%s@%s", a->catalog_id, a->catalog_version);
            char *mine = xasprintf("%s@%s", a->catalog_id, tg->target_version);
            status_fail(err, &(status_info){STATUS_BUNDLE_VERSION_MISMATCH, .entity = b->source, .value = theirs,
                                            .extra = mine, .num = (int64_t)tg->unmapped.len, .id = tg->assessment_id});
            free(theirs);
            free(mine);
            return STATUS_BUNDLE_VERSION_MISMATCH;
        }
    }
    if (store_begin(s, err) != STATUS_OK)
        return status_failed(err);
    status_code r = STATUS_OK;
    int64_t vendor_id = plan->vendor_id;
    if (b->role == BUNDLE_ROLE_VENDOR && !vendor_id) {
        ws_vendor v = {0};
        v.name = xstrdup(b->party_name ? b->party_name : "");
        r = ws_vendor_save(s, &v, who, &vendor_id, err);
        ws_vendor_free(&v);
        res->created += r == STATUS_OK;
    }
    char *text = import_text(b, plan);
    int64_t *aids = xcalloc(plan->ntargets ? plan->ntargets : 1, sizeof *aids);
    for (size_t t = 0; t < plan->ntargets && r == STATUS_OK; t++) {
        const bundle_target *tg = &plan->targets[t];
        aids[t] = tg->assessment_id;
        if (!aids[t])
            r = create_target(s, b, tg, b->role == BUNDLE_ROLE_VENDOR ? vendor_id : 0, who, &aids[t], &res->created, err);
        int64_t action = r == STATUS_OK ? history_action(s, who, "import", aids[t], 0, err) : 0;
        if (r == STATUS_OK && !action)
            r = status_failed(err);
        history_target ht = {.entity = "assessment", .entity_id = aids[t], .assessment_id = aids[t]};
        if (r == STATUS_OK && history_add(s, action, &ht, "import", NULL, text, err) < 0)
            r = status_failed(err);
        if (r == STATUS_OK)
            r = import_answers(s, b, tg, aids[t], vendor_id, action, who, res, err);
        if (r == STATUS_OK)
            r = import_fields(s, b, tg, aids[t], who, res, err);
    }
    free(text);
    free(aids);
    size_t answers = 0;
    for (size_t i = 0; i < b->nassessments; i++)
        answers += b->assessments[i].nanswers;
    if (r == STATUS_OK)
        r = record_import(s, b, plan, vendor_id, answers, who, &res->import_id, err);
    for (size_t i = 0; i < b->nsystems && r == STATUS_OK; i++) {
        size_t n = 0;
        r = offer_add_for_system(s, res->import_id, &b->systems[i], who, &n, err);
        res->offers += n;
    }
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
