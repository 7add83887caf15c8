#include "reconcile.h"

#include <stdlib.h>
#include <string.h>

const char *reconcile_state_name(reconcile_state s)
{
    static const char *const names[] = {"equal", "different", "only-hospital", "only-vendor", "none"};
    return (unsigned)s < AZ_ARRAY_LEN(names) ? names[s] : "?";
}

static const answer *find_side(const answer_set *set, const char *item, answer_party party, int64_t vendor_id)
{
    for (const answer *x = answer_set_first(set, item); x; x = answer_set_next(set, x))
        if (x->party == party && (party != PARTY_VENDOR || x->party_vendor_id == vendor_id))
            return x;
    return NULL;
}

static bool answered(const answer *x)
{
    return x && !str_empty(x->value);
}

/* An answer's linked register entries as "#id" lines (how AF_EVIDENCE takes them). */
static char *lines(const answer *x)
{
    strbuf b = {0};
    sb_add(&b, "");
    for (size_t i = 0; i < x->nevidence; i++)
        sb_addf(&b, "%s#%lld", i ? "\n" : "", (long long)x->evidence[i].id);
    return sb_take(&b);
}

/* Fields both filled, differently. */
static void differing(const answer *h, const answer *v, strlist *out)
{
    if (!h || !v)
        return;
    const struct {
        const char *name, *a, *b;
    } f[] = {{"checked", h->checked, v->checked}, {"due", h->due, v->due}, {"done", h->done, v->done},
             {"owner", h->owner ? responsibility_name(h->owner) : NULL, v->owner ? responsibility_name(v->owner) : NULL},
             {"note", h->note, v->note}, {"reason", h->reason, v->reason}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(f); i++)
        if (!str_empty(f[i].a) && !str_empty(f[i].b) && !str_eq(f[i].a, f[i].b))
            sl_push(out, f[i].name);
    char *ea = lines(h), *eb = lines(v);
    if (*ea && *eb && !str_eq(ea, eb))
        sl_push(out, "evidence");
    free(ea);
    free(eb);
}

status_code reconcile_load(store *s, int64_t aid, int64_t vendor_id, reconcile_view *out, status_detail *err)
{
    memset(out, 0, sizeof *out);
    assessment a;
    status_code r = assess_get_row(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    out->assessment_id = aid;
    out->vendor_id = vendor_id ? vendor_id : a.vendor_id;
    out->cat = catalog_db_load(s, a.catalog_id, a.catalog_version);
    if (!out->cat) {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = aid});
        free(label);
    }
    assessment_free(&a);
    if (r == STATUS_OK)
        r = assess_load_answers(s, aid, &out->answers, err);
    if (r != STATUS_OK) {
        reconcile_view_free(out);
        return r;
    }
    out->rows = xcalloc(out->cat->nnodes ? out->cat->nnodes : 1, sizeof *out->rows);
    for (size_t i = 0; i < out->cat->nnodes; i++) {
        const catalog_node *node = &out->cat->nodes[i];
        if (node->kind != NODE_ITEM)
            continue;
        reconcile_row *row = &out->rows[out->nrows++];
        row->node = node;
        row->hospital = find_side(&out->answers, node->id, PARTY_HOSPITAL, 0);
        row->vendor = out->vendor_id ? find_side(&out->answers, node->id, PARTY_VENDOR, out->vendor_id) : NULL;
        row->agreed = find_side(&out->answers, node->id, PARTY_AGREED, 0);
        bool h = answered(row->hospital), v = answered(row->vendor);
        row->state = h && v ? (str_eq(row->hospital->value, row->vendor->value) ? RECONCILE_EQUAL : RECONCILE_DIFFERENT)
                     : h    ? RECONCILE_ONLY_HOSPITAL
                     : v    ? RECONCILE_ONLY_VENDOR
                            : RECONCILE_NONE;
        differing(row->hospital, row->vendor, &row->differing);
        if (answered(row->agreed)) {
            out->agreed++;
            /* ISO times compare as text; an agreement older than a side's later change is stale */
            const char *at = row->agreed->updated_at ? row->agreed->updated_at : "";
            row->agreed_current = (!row->hospital || strcmp(at, row->hospital->updated_at ? row->hospital->updated_at : "") >= 0) &&
                                  (!row->vendor || strcmp(at, row->vendor->updated_at ? row->vendor->updated_at : "") >= 0);
        }
        out->count[row->state]++;
    }
    return STATUS_OK;
}

bool reconcile_has_other_side(store *s, int64_t aid)
{
    sqlite3_stmt *st = store_stmt(s, "SELECT EXISTS(SELECT 1 FROM answer WHERE assessment_pk = ?1"
                                     " AND party IN ('vendor', 'agreed') AND value <> '')");
    sqlite3_bind_int64(st, 1, aid);
    bool any = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0;
    store_done(s, st);
    return any;
}

void reconcile_view_free(reconcile_view *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->nrows; i++)
        sl_free(&v->rows[i].differing);
    free(v->rows);
    answer_set_free(&v->answers);
    if (v->cat)
        catalog_free(v->cat);
    memset(v, 0, sizeof *v);
}

const reconcile_row *reconcile_find(const reconcile_view *v, const char *item_id)
{
    for (size_t i = 0; i < v->nrows; i++)
        if (str_eq(v->rows[i].node->id, item_id))
            return &v->rows[i];
    return NULL;
}

status_code reconcile_agree(store *s, int64_t aid, const char *item_id, reconcile_take take, const char *value,
                            int64_t vendor_id, const char *with, const char *who, int *changed, status_detail *err)
{
    if (changed)
        *changed = 0;
    if (str_empty(with) || strchr(with, '\n'))
        return status_fail(err, &(status_info){STATUS_AGREE_WITH_REQUIRED, .field = "agreed_with"});
    reconcile_view v;
    status_code r = reconcile_load(s, aid, vendor_id, &v, err);
    if (r != STATUS_OK)
        return r;
    const reconcile_row *row = reconcile_find(&v, item_id);
    answer_change ch = {.fields = AF_AGREED_WITH, .agreed_with = with, .reason_optional = true};
    const answer *from = NULL;
    strlist ev = {0};
    if (!row) {
        /* not an assessable item: assess_answer_set names it */
        ch.fields |= AF_VALUE;
        ch.value = value;
    } else if (take == RECONCILE_TAKE_VALUE) {
        ch.fields |= AF_VALUE;
        ch.value = value;
        /* a value one side gave keeps that side's reason (対象外 and いいえ need one) */
        const answer *same = row->hospital && str_eq(row->hospital->value, value) ? row->hospital
                             : row->vendor && str_eq(row->vendor->value, value) ? row->vendor
                                                                                : NULL;
        if (same && !str_empty(same->reason))
            ch.fields |= AF_REASON, ch.reason = same->reason;
    } else {
        from = take == RECONCILE_TAKE_HOSPITAL ? row->hospital : row->vendor;
        if (!answered(from)) {
            r = status_fail(err, &(status_info){STATUS_AGREE_NOTHING, .item = item_id,
                                                .entity = take == RECONCILE_TAKE_HOSPITAL ? "hospital" : "vendor"});
            reconcile_view_free(&v);
            return r;
        }
        ch.fields |= AF_VALUE | AF_REASON | AF_CHECKED | AF_DUE | AF_DONE | AF_OWNER | AF_NOTE | AF_EVIDENCE;
        ch.reason = from->reason;
        ch.value = from->value;
        ch.checked = from->checked;
        ch.due = from->due;
        ch.done = from->done;
        ch.owner = from->owner;
        ch.owner_vendor_id = from->owner_vendor_id;
        ch.note = from->note;
        for (size_t i = 0; i < from->nevidence; i++)
            sl_push_owned(&ev, xasprintf("#%lld", (long long)from->evidence[i].id));
        ch.evidence = &ev;
    }
    r = assess_answer_set(s, aid, item_id, PARTY_AGREED, 0, &ch, who, changed, NULL, err);
    sl_free(&ev);
    reconcile_view_free(&v);
    return r;
}
