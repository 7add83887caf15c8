/* The navigator's model: which rows are visible (collapse, filter), the counts per heading,
 * search over folded text, and the labels of model values. No drawing here. */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "navigator.h"
#include "screens.h"
#include "text/lib.h"

/* ---------- model ---------- */

const answer *nav_effective(const nav_state *st, int idx)
{
    return st->aid ? st->nodes[idx].eff : NULL;
}

const answer_def *nav_answer_def(const nav_state *st, const answer *a)
{
    return a && a->value ? catalog_find_answer(st->cat, a->value) : NULL;
}

bool nav_is_overdue(const nav_state *st, const answer *a)
{
    if (!a || !a->due || a->done)
        return false;
    const answer_def *d = nav_answer_def(st, a);
    if (d && (d->meaning == MEANING_POSITIVE || d->meaning == MEANING_NA))
        return false; /* as progress.h defines overdue */
    jp_date due;
    status_detail err = {0};
    if (!jpdate_parse(a->due, &due, &err)) {
        status_detail_free(&err);
        return false;
    }
    return jpdate_cmp(due, st->today) < 0;
}

responsibility nav_owner_of(const nav_state *st, int idx, int64_t *vendor)
{
    const answer *a = nav_effective(st, idx);
    if (vendor)
        *vendor = a ? a->owner_vendor_id : 0;
    if (a && a->owner != RESP_NONE)
        return a->owner;
    return st->cat->nodes[idx].resp;
}

walk_filter nav_walk_filter(const nav_state *st)
{
    static const walk_filter_kind kinds[] = {
        [FILTER_ALL] = WALK_ALL,         [FILTER_UNANSWERED] = WALK_UNANSWERED, [FILTER_NEGATIVE] = WALK_NEGATIVE,
        [FILTER_OVERDUE] = WALK_OVERDUE, [FILTER_OWNER] = WALK_OWNER,           [FILTER_VENDOR] = WALK_VENDOR,
        [FILTER_DISAGREE] = WALK_DISAGREE,
    };
    return (walk_filter){.kind = kinds[st->filter], .owner = st->filter_owner, .vendor = st->filter_vendor};
}

int nav_next_open(const nav_state *st, int from, int dir)
{
    walk_filter f = nav_walk_filter(st);
    return walk_next_open(st->cat, &st->answers, &f, st->today_iso, from, dir);
}

void nav_reveal(nav_state *st, int node)
{
    if (node < 0)
        return;
    for (int p = st->nodes[node].parent; p >= 0; p = st->nodes[p].parent)
        st->nodes[p].collapsed = false;
    nav_rebuild_rows(st);
    nav_select_node(st, node);
}

/* The filter's rule is core's (walk.h), so the walk-through and the tree agree on "open". */
bool nav_item_passes(const nav_state *st, int idx)
{
    if (!st->aid)
        return true;
    if (st->filter == FILTER_NO_REASON)
        return answer_reason_missing(st->cat, nav_effective(st, idx));
    walk_filter f = nav_walk_filter(st);
    return walk_item_passes(st->cat, &st->cat->nodes[idx], &st->answers, &f, st->today_iso);
}

void nav_recount(nav_state *st)
{
    size_t n = st->cat->nnodes;
    for (size_t i = 0; i < n; i++) {
        st->nodes[i].items_below = st->nodes[i].answered_below = 0;
        st->nodes[i].passes = false;
    }
    for (size_t i = 0; i < n; i++) {
        if (st->cat->nodes[i].kind != NODE_ITEM)
            continue;
        bool pass = nav_item_passes(st, (int)i);
        bool answered = nav_answer_def(st, nav_effective(st, (int)i)) != NULL;
        st->nodes[i].passes = pass;
        for (int p = st->nodes[i].parent; p >= 0; p = st->nodes[p].parent) {
            st->nodes[p].items_below++;
            if (answered)
                st->nodes[p].answered_below++;
            if (pass)
                st->nodes[p].passes = true;
        }
    }
    if (st->filter == FILTER_ALL)
        for (size_t i = 0; i < n; i++)
            st->nodes[i].passes = true;
}

static bool node_hidden(const nav_state *st, int idx)
{
    if (!st->nodes[idx].passes)
        return true;
    for (int p = st->nodes[idx].parent; p >= 0; p = st->nodes[p].parent)
        if (st->nodes[p].collapsed)
            return true;
    return false;
}

int nav_selected_node(const nav_state *st)
{
    return st->nrows > 0 ? st->rows[st->tree.sel] : -1;
}

void nav_select_node(nav_state *st, int node)
{
    for (int r = 0; r < st->nrows; r++)
        if (st->rows[r] == node) {
            list_select(&st->tree, r);
            return;
        }
}

void nav_rebuild_rows(nav_state *st)
{
    int keep = nav_selected_node(st);
    st->nrows = 0;
    for (size_t i = 0; i < st->cat->nnodes; i++) {
        if (node_hidden(st, (int)i))
            continue;
        GROW(st->rows, st->caprows, (size_t)st->nrows + 1);
        st->rows[st->nrows++] = (int)i;
    }
    list_set_count(&st->tree, st->nrows);
    if (keep < 0)
        return;
    /* Keep the selection on the same node, else its nearest visible ancestor, else the next row. */
    for (int node = keep; node >= 0; node = st->nodes[node].parent)
        for (int r = 0; r < st->nrows; r++)
            if (st->rows[r] == node) {
                list_select(&st->tree, r);
                return;
            }
    for (int r = 0; r < st->nrows; r++)
        if (st->rows[r] > keep) {
            list_select(&st->tree, r);
            return;
        }
}

const proposal *nav_proposal_of(const nav_state *st, int idx)
{
    int p = st->nodes[idx].prop;
    return p >= 0 ? &st->props[p] : NULL;
}

/* ---------- reload: what the screen shows, read again from the database ---------- */

static void load_assessment(nav_state *st, app *a)
{
    assessment as;
    status_detail err = {0};
    if (assess_get_row(a->st, st->aid, &as, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    assessment_free(&st->as);
    st->as = as;
    st->fields_entered = -1;
    if (st->cat->nfields) { /* the detail pane of a heading counts them */
        assess_field_list fl = {0};
        if (assess_field_load(a->st, st->aid, &fl, &err) == STATUS_OK)
            st->fields_entered = (int)fl.len;
        else
            app_status_error(a, &err);
        assess_field_list_free(&fl);
    }
    st->detail_stale = true;
}

void nav_load_proposals(nav_state *st, app *a)
{
    status_detail err = {0};
    proposal_list_free(st->props, st->nprops);
    st->props = NULL;
    st->nprops = 0;
    if (assess_proposals(a->st, st->aid, true, &st->props, &st->nprops, &err) != STATUS_OK)
        app_status_error(a, &err);
    for (size_t i = 0; i < st->cat->nnodes; i++)
        st->nodes[i].prop = -1;
    for (size_t k = st->nprops; k-- > 0;) { /* backwards: the first proposal of a node wins */
        const catalog_node *cn = catalog_find_node(st->cat, st->props[k].item_id);
        if (cn)
            st->nodes[cn - st->cat->nodes].prop = (int)k;
    }
}

/* Answers and open proposals, then what is derived from them per node. */
static void load_answers(nav_state *st, app *a)
{
    answer_set_free(&st->answers);
    memset(&st->answers, 0, sizeof st->answers);
    status_detail err = {0};
    if (assess_load_answers(a->st, st->aid, &st->answers, &err) != STATUS_OK)
        app_status_error(a, &err);
    for (size_t i = 0; i < st->cat->nnodes; i++) {
        nav_node *nd = &st->nodes[i];
        nd->eff = st->cat->nodes[i].kind == NODE_ITEM ? answer_set_effective(&st->answers, st->cat->nodes[i].id) : NULL;
        xfree(&nd->folded); /* the note is searched too */
    }
    nav_load_proposals(st, a);
    nav_recount(st);
    nav_rebuild_rows(st);
    st->detail_stale = true;
}

static void selected_clear(nav_selected *sel)
{
    history_list_free(sel->history, sel->nhistory);
    sl_free(&sel->prop_sources);
    *sel = (nav_selected){.node = -1};
}

/* The selected node's links, its history and the sources of its proposals (the detail pane). */
static void load_selected(nav_state *st, app *a, int node)
{
    selected_clear(&st->sel);
    st->sel.node = node;
    st->detail_stale = true;
    if (node < 0)
        return;
    nav_load_links(st, a, node);
    if (!st->aid || st->cat->nodes[node].kind != NODE_ITEM)
        return;
    history_filter f = {.assessment_id = st->aid, .item_id = st->cat->nodes[node].id, .limit = 8};
    status_detail err = {0};
    if (history_list(a->st, &f, &st->sel.history, &st->sel.nhistory, &err) != STATUS_OK)
        app_status_error(a, &err);
    /* vendor ids as names now, so drawing reads nothing */
    for (size_t i = 0; i < st->sel.nhistory; i++) {
        history_row *h = &st->sel.history[i];
        if (!history_field_is_vendor(h->entity, h->field))
            continue;
        char *ov = ws_history_value(a->st, h->entity, h->field, h->old_value);
        char *nv = ws_history_value(a->st, h->entity, h->field, h->new_value);
        free(h->old_value);
        free(h->new_value);
        h->old_value = ov;
        h->new_value = nv;
    }
    for (size_t i = 0; i < st->nprops; i++)
        if (str_eq(st->props[i].item_id, st->cat->nodes[node].id))
            sl_push_owned(&st->sel.prop_sources, proposal_source_text(a, &st->props[i], false));
}

void nav_reload(nav_state *st, app *a, unsigned why)
{
    if (st->aid && (why & (RELOAD_EXTERNAL | RELOAD_RESUME)))
        st->load |= NAV_LOAD_ALL;
    if (!st->aid)
        st->load = 0;
    /* A change to a signed-off assessment marks it "changed since sign-off" (title). */
    if ((st->load & NAV_LOAD_ANSWERS) && st->as.signed_at && !st->as.changed_since_signoff)
        st->load |= NAV_LOAD_ASSESSMENT;
    if (st->load & NAV_LOAD_ASSESSMENT)
        load_assessment(st, a);
    if (st->load & NAV_LOAD_VENDORS) {
        ws_vendor_list_free(st->vendors, st->nvendors);
        st->vendors = NULL;
        st->nvendors = 0;
        status_detail err = {0};
        if (ws_vendor_list(a->st, &st->vendors, &st->nvendors, &err) != STATUS_OK)
            app_status_error(a, &err);
        st->detail_stale = true;
    }
    bool answers = st->load & NAV_LOAD_ANSWERS;
    if (answers && !(why & (RELOAD_EXTERNAL | RELOAD_RESUME)) && nav_reload_changed(st, a))
        ; /* one item read again, its ancestors' counts updated */
    else if (answers)
        load_answers(st, a);
    st->changed_node = -1;
    st->load = 0;
    int node = nav_selected_node(st);
    if (node != st->sel.node)
        st->detail_top = 0; /* another item: its detail from the top (title first), not where the last one was scrolled */
    if (answers || node != st->sel.node)
        load_selected(st, a, node); /* its history has a new row */
    if (why & RELOAD_RESUME)
        st->detail_stale = true;
}

void nav_selected_free(nav_state *st)
{
    selected_clear(&st->sel);
}

/* ---------- labels ---------- */

const char *nav_node_label(const catalog_node *n, bool english)
{
    const char *t = i18n_get(&n->title, english);
    return *t ? t : i18n_get(&n->text, english);
}

const char *nav_resp_label(responsibility r)
{
    switch (r) {
    case RESP_HOSPITAL: return L(RESP_HOSPITAL);
    case RESP_VENDOR: return L(RESP_VENDOR);
    case RESP_JOINT: return L(RESP_JOINT);
    case RESP_NA: return L(RESP_NA);
    default: return L(OWNER_UNSET);
    }
}

const char *nav_vendor_name(const nav_state *st, int64_t id)
{
    for (size_t i = 0; i < st->nvendors; i++)
        if (st->vendors[i].id == id)
            return st->vendors[i].name;
    return NULL;
}

/* A status glyph per item, ASCII only (see the width policy in core/text.h):
 * '.' unanswered, 'o' positive, '~' partial, 'x' negative, '/' not applicable, '!' overdue.
 * 対象外 is '/' - the diagonal a paper form strikes through a cell that does not apply - so it
 * never reads as a heading's '-' (expanded) or '+' (collapsed). */
char nav_glyph(const nav_state *st, int idx, role *r)
{
    const answer *a = nav_effective(st, idx);
    const answer_def *d = nav_answer_def(st, a);
    *r = ROLE_NORMAL;
    if (nav_is_overdue(st, a)) {
        *r = ROLE_WARNING;
        return '!';
    }
    if (!d)
        return '.';
    switch (d->meaning) {
    case MEANING_POSITIVE: *r = ROLE_POSITIVE; return 'o';
    case MEANING_PARTIAL: *r = ROLE_PARTIAL; return '~';
    case MEANING_NEGATIVE: *r = ROLE_NEGATIVE; return 'x';
    default: *r = ROLE_NA; return '/';
    }
}

const char *nav_party_label(answer_party p)
{
    switch (p) {
    case PARTY_VENDOR: return L(PARTY_VENDOR);
    case PARTY_AGREED: return L(PARTY_AGREED);
    default: return L(PARTY_HOSPITAL);
    }
}

/* ---------- search ---------- */

void nav_load_links(nav_state *st, app *a, int node)
{
    if (st->nodes[node].links_loaded)
        return;
    status_detail err = {0};
    if (catalog_db_links(a->st, st->cat->id, st->cat->nodes[node].id, &st->nodes[node].links, &st->nodes[node].nlinks,
                         &err) != STATUS_OK)
        app_status_error(a, &err);
    st->nodes[node].links_loaded = true;
}

/* The evidence register entries linked to any party's answer of the item: title and reference. */
static void add_evidence(const nav_state *st, int idx, strbuf *sb)
{
    if (!st->aid || st->cat->nodes[idx].kind != NODE_ITEM)
        return;
    for (int p = 0; p < PARTY__COUNT; p++) {
        const answer *x = answer_set_find(&st->answers, st->cat->nodes[idx].id, (answer_party)p);
        for (size_t i = 0; x && i < x->nevidence; i++)
            sb_addf(sb, "%s %s\n", x->evidence[i].title ? x->evidence[i].title : "",
                    x->evidence[i].ref ? x->evidence[i].ref : "");
    }
}

/* What search looks at: reference, title, text, guidance, id, the note, the evidence linked to
 * its answers (titles, references) and the references to and from other catalogs (their refs
 * and titles), NFKC-folded. */
static const char *folded(nav_state *st, app *a, int idx)
{
    if (!st->nodes[idx].folded) {
        const catalog_node *n = &st->cat->nodes[idx];
        const answer *ans = nav_effective(st, idx);
        strbuf sb = {0};
        const char *parts[] = {n->ref, n->title.ja, n->title.en, n->text.ja, n->text.en, n->guidance.ja,
                               n->guidance.en, n->id, ans ? ans->note : NULL};
        for (size_t i = 0; i < AZ_ARRAY_LEN(parts); i++)
            sb_addf(&sb, "%s\n", parts[i] ? parts[i] : "");
        add_evidence(st, idx, &sb);
        nav_load_links(st, a, idx);
        for (size_t i = 0; i < st->nodes[idx].nlinks; i++) {
            const node_link *l = &st->nodes[idx].links[i];
            sb_addf(&sb, "%s %s %s\n", l->catalog ? l->catalog : "", l->ref ? l->ref : "", l->title ? l->title : "");
        }
        st->nodes[idx].folded = text_fold(sb_str(&sb));
        sb_free(&sb);
    }
    return st->nodes[idx].folded;
}

static bool matches(nav_state *st, app *a, int i)
{
    return st->nodes[i].passes && text_contains_folded(folded(st, a, i), st->query);
}

/* Moves to the next (dir 1) or previous (-1) matching node, expanding its ancestors; reports
 * "match i of n" on the status line. */
void nav_search_step(nav_state *st, app *a, int dir, bool include_current)
{
    int total = 0;
    int nn = (int)st->cat->nnodes;
    for (int i = 0; i < nn; i++)
        if (matches(st, a, i))
            total++;
    if (total == 0) {
        char *m = msgf(MSG_SEARCH_NOHIT, st->query_raw);
        app_status(a, ROLE_STATUS_ERR, "%s", m);
        free(m);
        return;
    }
    int cur = nav_selected_node(st);
    int start = cur < 0 ? 0 : cur;
    int found = -1;
    for (int k = include_current ? 0 : 1; k <= nn; k++) {
        int i = ((start + dir * k) % nn + nn) % nn;
        if (matches(st, a, i)) {
            found = i;
            break;
        }
    }
    if (found < 0)
        return;
    for (int p = st->nodes[found].parent; p >= 0; p = st->nodes[p].parent)
        st->nodes[p].collapsed = false;
    nav_rebuild_rows(st);
    nav_select_node(st, found);
    int ordinal = 0;
    for (int i = 0; i <= found; i++)
        if (matches(st, a, i))
            ordinal++;
    char *m = msgf(MSG_SEARCH_HIT, ordinal, total, st->query_raw);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
}

void nav_search_clear(nav_state *st)
{
    xfree(&st->query);
    xfree(&st->query_raw);
}

/* ---------- filter ---------- */

const char *nav_filter_label(const nav_state *st, char **owned)
{
    *owned = NULL;
    switch (st->filter) {
    case FILTER_ALL: return L(FILTER_ALL);
    case FILTER_UNANSWERED: return L(FILTER_UNANSWERED);
    case FILTER_NEGATIVE: return L(FILTER_NEGATIVE);
    case FILTER_OVERDUE: return L(FILTER_OVERDUE);
    case FILTER_DISAGREE: return L(FILTER_DISAGREE);
    case FILTER_NO_REASON: return L(FILTER_NO_REASON);
    case FILTER_OWNER: return *owned = xasprintf("%s = %s", L(RESP), nav_resp_label(st->filter_owner));
    case FILTER_VENDOR: {
        const char *vn = nav_vendor_name(st, st->filter_vendor);
        return *owned = xasprintf("%s = %s", L(VENDOR), vn ? vn : "-");
    }
    }
    return "";
}

void nav_apply_filter(nav_state *st, app *a)
{
    nav_recount(st);
    /* Open everything so the matching items are visible. */
    if (st->filter != FILTER_ALL)
        for (size_t i = 0; i < st->cat->nnodes; i++)
            st->nodes[i].collapsed = false;
    nav_rebuild_rows(st);
    int count = 0;
    for (size_t i = 0; i < st->cat->nnodes; i++)
        if (st->cat->nodes[i].kind == NODE_ITEM && st->nodes[i].passes)
            count++;
    char *owned;
    const char *label = nav_filter_label(st, &owned);
    char *m = count || st->filter == FILTER_ALL ? msgf(MSG_FILTER_SHOWING, label, count)
                                                 : msgf(MSG_FILTER_EMPTY, label);
    app_status(a, count ? ROLE_STATUS_OK : ROLE_STATUS_ERR, "%s", m);
    free(m);
    free(owned);
    st->detail_stale = true;
}
