/* The navigator: one catalog as a collapsible tree (left) with the selected node's detail (right).
 *
 * Two modes, one screen: browsing a catalog (read-only; the first screen of issue #2) and working
 * on an assessment (answers, dates, responsible party, vendor, note, undo, filters). In an
 * assessment the catalog's answer keys answer the selected item with one key; they win over the
 * global keys but not over this screen's own keys (c t C r v e E u f o O h l Tab). While a search
 * is active, n / N move between matches (Esc ends the search); Enter always offers the answer menu.
 *
 * State lives here; drawing reads it. Every change is one core call = one transaction
 * (assess_answer_set / assess_undo), after which the answers are reloaded from the database. */
#include <stdlib.h>

#include "assess.h"
#include "catalog_db.h"
#include "draw.h"
#include "history.h"
#include "jpdate.h"
#include "lineedit.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text.h"

typedef struct {
    char *text;
    role r;
} dline;

typedef enum { FILTER_ALL, FILTER_UNANSWERED, FILTER_NEGATIVE, FILTER_OVERDUE, FILTER_OWNER, FILTER_VENDOR } filter_kind;

typedef struct {
    catalog *cat;
    int *parent;         /* per node: index of the parent, -1 at the top */
    bool *collapsed;     /* per node */
    int *items_below;    /* per node: items in its subtree (visible under the filter) */
    int *answered_below; /* per node: answered items in its subtree */
    bool *passes;        /* per node: item passes the filter (headings: something below does) */
    int *rows;           /* visible node indices */
    int nrows;
    size_t caprows;
    list_state tree;
    bool focus_detail;
    int detail_top;
    dline *detail;
    int ndetail;
    size_t capdetail;
    int detail_node, detail_width; /* what the cached detail was built for */
    bool detail_stale;
    char **folded; /* per node, lazily; includes the note in an assessment */
    node_link **links; /* per node, lazily (catalog data: does not change while the screen is open) */
    size_t *nlinks;
    bool *links_loaded;
    char *query;   /* folded search, NULL when none */
    char *query_raw;
    /* assessment mode */
    int64_t aid; /* 0 = browsing */
    assessment as;
    answer_set answers;
    ws_vendor *vendors;
    size_t nvendors;
    answer_party party; /* whose answers the keys change: hospital (default), vendor, agreed */
    filter_kind filter;
    responsibility filter_owner;
    int64_t filter_vendor;
    jp_date today;
} nav_state;

static const keymap nav_keys;
static void load_links(nav_state *st, app *a, int node);

/* ---------- model ---------- */

static const answer *effective(const nav_state *st, int idx)
{
    if (!st->aid)
        return NULL;
    return answer_set_effective(&st->answers, st->cat->nodes[idx].id);
}

static const answer_def *answer_def_of(const nav_state *st, const answer *a)
{
    return a && a->value ? catalog_find_answer(st->cat, a->value) : NULL;
}

static bool is_overdue(const nav_state *st, const answer *a)
{
    if (!a || !a->due || a->done)
        return false;
    const answer_def *d = answer_def_of(st, a);
    if (d && (d->meaning == MEANING_POSITIVE || d->meaning == MEANING_NA))
        return false; /* as progress.h defines overdue */
    jp_date due;
    char *err = NULL;
    if (!jpdate_parse(a->due, &due, &err)) {
        free(err);
        return false;
    }
    return jpdate_cmp(due, st->today) < 0;
}

static responsibility owner_of(const nav_state *st, int idx, int64_t *vendor)
{
    const answer *a = effective(st, idx);
    if (vendor)
        *vendor = a ? a->owner_vendor_id : 0;
    if (a && a->owner != RESP_NONE)
        return a->owner;
    return st->cat->nodes[idx].resp;
}

static bool item_passes(const nav_state *st, int idx)
{
    const answer *a = effective(st, idx);
    const answer_def *d = answer_def_of(st, a);
    switch (st->filter) {
    case FILTER_ALL: return true;
    case FILTER_UNANSWERED: return !d;
    case FILTER_NEGATIVE: return d && d->meaning == MEANING_NEGATIVE;
    case FILTER_OVERDUE: return is_overdue(st, a);
    case FILTER_OWNER: return owner_of(st, idx, NULL) == st->filter_owner;
    case FILTER_VENDOR: {
        int64_t v;
        owner_of(st, idx, &v);
        return v == st->filter_vendor;
    }
    }
    return true;
}

static void recount(nav_state *st)
{
    size_t n = st->cat->nnodes;
    for (size_t i = 0; i < n; i++) {
        st->items_below[i] = st->answered_below[i] = 0;
        st->passes[i] = false;
    }
    for (size_t i = 0; i < n; i++) {
        if (st->cat->nodes[i].kind != NODE_ITEM)
            continue;
        bool pass = item_passes(st, (int)i);
        bool answered = answer_def_of(st, effective(st, (int)i)) != NULL;
        st->passes[i] = pass;
        for (int p = st->parent[i]; p >= 0; p = st->parent[p]) {
            st->items_below[p]++;
            if (answered)
                st->answered_below[p]++;
            if (pass)
                st->passes[p] = true;
        }
    }
    if (st->filter == FILTER_ALL)
        for (size_t i = 0; i < n; i++)
            st->passes[i] = true;
}

static bool node_hidden(const nav_state *st, int idx)
{
    if (!st->passes[idx])
        return true;
    for (int p = st->parent[idx]; p >= 0; p = st->parent[p])
        if (st->collapsed[p])
            return true;
    return false;
}

static int selected_node(const nav_state *st)
{
    return st->nrows > 0 ? st->rows[st->tree.sel] : -1;
}

static void select_node(nav_state *st, int node)
{
    for (int r = 0; r < st->nrows; r++)
        if (st->rows[r] == node) {
            list_select(&st->tree, r);
            return;
        }
}

static void rebuild_rows(nav_state *st)
{
    int keep = selected_node(st);
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
    for (int node = keep; node >= 0; node = st->parent[node])
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

static void reload_answers(nav_state *st, app *a)
{
    if (!st->aid)
        return;
    answer_set_free(&st->answers);
    memset(&st->answers, 0, sizeof st->answers);
    char *err = NULL;
    if (assess_load_answers(a->st, st->aid, &st->answers, &err) != WS_OK) {
        app_status(a, ROLE_STATUS_ERR, "%s", err ? err : "");
        free(err);
    }
    for (size_t i = 0; i < st->cat->nnodes; i++)
        xfree(&st->folded[i]);
    recount(st);
    rebuild_rows(st);
    st->detail_stale = true;
}

/* ---------- labels ---------- */

static const char *node_label(const catalog_node *n, bool english)
{
    const char *t = i18n_get(&n->title, english);
    return *t ? t : i18n_get(&n->text, english);
}

static const char *resp_label(responsibility r)
{
    switch (r) {
    case RESP_HOSPITAL: return L(RESP_HOSPITAL);
    case RESP_VENDOR: return L(RESP_VENDOR);
    case RESP_JOINT: return L(RESP_JOINT);
    case RESP_NA: return L(RESP_NA);
    default: return L(OWNER_UNSET);
    }
}

static const char *vendor_name(const nav_state *st, int64_t id)
{
    for (size_t i = 0; i < st->nvendors; i++)
        if (st->vendors[i].id == id)
            return st->vendors[i].name;
    return NULL;
}

/* A status glyph per item, ASCII only (see the width policy in core/text.h):
 * ' ' unanswered, 'o' positive, '~' partial, 'x' negative, '-' not applicable, '!' overdue. */
static char glyph(const nav_state *st, int idx, role *r)
{
    const answer *a = effective(st, idx);
    const answer_def *d = answer_def_of(st, a);
    *r = ROLE_NORMAL;
    if (is_overdue(st, a)) {
        *r = ROLE_WARNING;
        return '!';
    }
    if (!d)
        return '.';
    switch (d->meaning) {
    case MEANING_POSITIVE: *r = ROLE_POSITIVE; return 'o';
    case MEANING_PARTIAL: *r = ROLE_PARTIAL; return '~';
    case MEANING_NEGATIVE: *r = ROLE_NEGATIVE; return 'x';
    default: *r = ROLE_NA; return '-';
    }
}

static const char *party_label(answer_party p)
{
    switch (p) {
    case PARTY_VENDOR: return L(PARTY_VENDOR);
    case PARTY_AGREED: return L(PARTY_AGREED);
    default: return L(PARTY_HOSPITAL);
    }
}

static char *date_display(const char *iso, bool english)
{
    jp_date d;
    char *err = NULL;
    if (!iso)
        return xstrdup("-");
    if (!jpdate_parse(iso, &d, &err)) {
        free(err);
        return xstrdup(iso);
    }
    if (english)
        return xstrdup(iso);
    char *w = jpdate_format_wareki(d, false);
    char *r = xasprintf("%s (%s)", iso, w);
    free(w);
    return r;
}

static const char *field_label(const char *f)
{
    if (str_eq(f, "value")) return L(FIELD_VALUE);
    if (str_eq(f, "checked")) return L(DATE_CHECKED);
    if (str_eq(f, "due")) return L(DATE_DUE);
    if (str_eq(f, "done")) return L(DATE_DONE);
    if (str_eq(f, "owner")) return L(FIELD_OWNER);
    if (str_eq(f, "owner_vendor")) return L(VENDOR);
    if (str_eq(f, "note")) return L(NOTE);
    if (str_eq(f, "evidence")) return L(FIELD_EVIDENCE);
    return f ? f : "";
}

/* ---------- detail ---------- */

static void detail_clear(nav_state *st)
{
    for (int i = 0; i < st->ndetail; i++)
        free(st->detail[i].text);
    st->ndetail = 0;
}

static void detail_add(nav_state *st, const char *text, role r)
{
    /* Never two blank lines in a row, never a blank first line. */
    if (!*text && (st->ndetail == 0 || !*st->detail[st->ndetail - 1].text))
        return;
    GROW(st->detail, st->capdetail, (size_t)st->ndetail + 1);
    st->detail[st->ndetail++] = (dline){xstrdup(text), r};
}

static void detail_wrap(nav_state *st, const char *text, int width, role r, int indent)
{
    strlist lines = {0};
    wrap_text(text, width - indent, &lines);
    for (size_t i = 0; i < lines.len; i++) {
        char *t = xasprintf("%*s%s", indent, "", lines.items[i]);
        detail_add(st, t, r);
        free(t);
    }
    sl_free(&lines);
}

static void detail_field(nav_state *st, int width, const char *label, const char *value, role r)
{
    char *t = xasprintf("%s: %s", label, value);
    detail_wrap(st, t, width, r, 0);
    free(t);
}

static void build_answer_detail(nav_state *st, app *a, int node, int width)
{
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    const answer *ans = effective(st, node);
    const answer_def *d = answer_def_of(st, ans);
    role gr;
    glyph(st, node, &gr);
    char *v = d ? xasprintf("%s%s%s%s", i18n_get(&d->label, en), ans->party != PARTY_HOSPITAL ? " (" : "",
                            ans->party != PARTY_HOSPITAL ? party_label(ans->party) : "",
                            ans->party != PARTY_HOSPITAL ? ")" : "")
                : xstrdup(L(UNANSWERED));
    detail_field(st, width, L(ANSWER), v, d ? gr : ROLE_DIM);
    free(v);
    strbuf keys = {0};
    for (size_t i = 0; i < st->cat->nanswers; i++)
        if (st->cat->answers[i].key)
            sb_addf(&keys, "%s%c:%s", keys.len ? " " : "", st->cat->answers[i].key,
                    i18n_get(&st->cat->answers[i].label, en));
    detail_field(st, width, L(ANSWER_KEYS), sb_str(&keys), ROLE_DIM);
    sb_free(&keys);
    struct {
        unsigned bit;
        const char *label;
        const char *value;
    } dates[] = {{DATE_CHECKED, L(DATE_CHECKED), ans ? ans->checked : NULL},
                 {DATE_DUE, L(DATE_DUE), ans ? ans->due : NULL},
                 {DATE_DONE, L(DATE_DONE), ans ? ans->done : NULL}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(dates); i++) {
        if (!(st->cat->dates & dates[i].bit))
            continue;
        char *dd = date_display(dates[i].value, en);
        bool late = dates[i].bit == DATE_DUE && is_overdue(st, ans);
        char *t = late ? xasprintf("%s  %s", dd, L(OVERDUE)) : xstrdup(dd);
        detail_field(st, width, dates[i].label, t, late ? ROLE_WARNING : ROLE_NORMAL);
        free(t);
        free(dd);
    }
    int64_t vid = 0;
    responsibility owner = owner_of(st, node, &vid);
    const char *vn = vid ? vendor_name(st, vid) : NULL;
    char *o = vn ? xasprintf("%s (%s)", resp_label(owner), vn) : xstrdup(resp_label(owner));
    detail_field(st, width, L(RESP), o, ROLE_NORMAL);
    free(o);
    /* Each party's own answer, when more than the hospital's exists or another party is answering. */
    bool others = st->party != PARTY_HOSPITAL;
    for (int p = PARTY_VENDOR; p < PARTY__COUNT; p++)
        if (answer_set_find(&st->answers, n->id, (answer_party)p))
            others = true;
    if (others) {
        strbuf sb = {0};
        for (int p = 0; p < PARTY__COUNT; p++) {
            const answer *pa = answer_set_find(&st->answers, n->id, (answer_party)p);
            const answer_def *pd = pa && pa->value ? catalog_find_answer(st->cat, pa->value) : NULL;
            sb_addf(&sb, "%s%s%s %s", sb.len ? " / " : "", p == (int)st->party ? "*" : "", party_label((answer_party)p),
                    pd ? i18n_get(&pd->label, en) : "-");
        }
        detail_field(st, width, L(BY_PARTY), sb_str(&sb), ROLE_NORMAL);
        sb_free(&sb);
    }
    if (ans && ans->note && *ans->note) {
        detail_add(st, L(NOTE), ROLE_LABEL);
        detail_wrap(st, ans->note, width, ROLE_NORMAL, 2);
    }
    if (ans && ans->evidence.len) {
        detail_add(st, L(EVIDENCE), ROLE_LABEL);
        for (size_t i = 0; i < ans->evidence.len; i++)
            detail_wrap(st, ans->evidence.items[i], width, ROLE_NORMAL, 2);
    }
    (void)n;
}

static void build_history(nav_state *st, app *a, int node, int width)
{
    history_row *rows = NULL;
    history_filter f = {.assessment_id = st->aid, .item_id = st->cat->nodes[node].id, .limit = 8};
    size_t n = history_list(a->st, &f, &rows);
    if (n) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(HISTORY), ROLE_LABEL);
    }
    for (size_t i = n; i-- > 0;) {
        const history_row *h = &rows[i];
        char when[17];
        snprintf(when, sizeof when, "%.10s %.5s", h->at ? h->at : "", h->at && strlen(h->at) > 11 ? h->at + 11 : "");
        const char *ov = h->old_value ? h->old_value : "-";
        const char *nv = h->new_value ? h->new_value : "-";
        if (str_eq(h->field, "value")) {
            const answer_def *od = h->old_value ? catalog_find_answer(st->cat, h->old_value) : NULL;
            const answer_def *nd = h->new_value ? catalog_find_answer(st->cat, h->new_value) : NULL;
            if (od)
                ov = i18n_get(&od->label, a->english);
            if (nd)
                nv = i18n_get(&nd->label, a->english);
        }
        answer_party hp = PARTY_HOSPITAL;
        bool other_party = h->party && answer_party_parse(h->party, &hp) && hp != PARTY_HOSPITAL;
        char *t = xasprintf("%s %s%s %s%s%s%s: %s -> %s", when, h->kind && str_eq(h->kind, "undo") ? "(undo) " : "",
                            h->who ? h->who : "", other_party ? "[" : "", other_party ? party_label(hp) : "",
                            other_party ? "] " : "", field_label(h->field), ov, nv);
        detail_wrap(st, t, width, ROLE_DIM, 2);
        free(t);
    }
    history_list_free(rows, n);
}

static void build_detail(nav_state *st, app *a, int node, int width)
{
    detail_clear(st);
    st->detail_node = node;
    st->detail_width = width;
    st->detail_stale = false;
    if (node < 0)
        return;
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    char *head = xasprintf("%s%s%s", n->ref ? n->ref : "", n->ref ? "  " : "", node_label(n, en));
    /* In an assessment the title takes exactly one line, so the answer block below stays on the
     * same rows from item to item and a move redraws only what differs (the full text follows). */
    if (st->aid && n->kind == NODE_ITEM)
        detail_add(st, head, ROLE_HEADING);
    else
        detail_wrap(st, head, width, ROLE_HEADING, 0);
    free(head);
    if (n->kind == NODE_HEADING) {
        char *c = msgf(MSG_ITEMS_IN, st->items_below[node]);
        if (st->aid) {
            char *c2 = xasprintf("%s  %s %d/%d", c, L(COL_ANSWERED), st->answered_below[node], st->items_below[node]);
            free(c);
            c = c2;
        }
        detail_add(st, c, ROLE_DIM);
        free(c);
        return;
    }
    if (st->aid) {
        detail_add(st, "", ROLE_NORMAL);
        build_answer_detail(st, a, node, width);
    }
    const char *text = i18n_get(&n->text, en);
    if (*i18n_get(&n->title, en) && *text) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(TEXT), ROLE_LABEL);
        detail_wrap(st, text, width, ROLE_NORMAL, 2);
    }
    const char *guid = i18n_get(&n->guidance, en);
    if (*guid) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(GUIDANCE), ROLE_LABEL);
        detail_wrap(st, guid, width, ROLE_NORMAL, 2);
    }
    detail_add(st, "", ROLE_NORMAL);
    if (n->actor)
        detail_field(st, width, L(ACTOR), n->actor, ROLE_NORMAL);
    if (n->resp != RESP_NONE && !st->aid)
        detail_field(st, width, L(RESP), resp_label(n->resp), ROLE_NORMAL);
    if (n->target_fy) {
        char *t = xasprintf("%d", n->target_fy);
        detail_field(st, width, L(TARGET_FY), t, ROLE_NORMAL);
        free(t);
    }
    load_links(st, a, node);
    const node_link *links = st->links[node];
    size_t nl = st->nlinks[node];
    if (nl) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(LINKS), ROLE_LABEL);
        for (size_t i = 0; i < nl; i++) {
            const node_link *l = &links[i];
            char *t = xasprintf("%s %s %s %s%s%s", l->outgoing ? L(LINK_OUT) : L(LINK_IN), l->catalog,
                                l->ref ? l->ref : l->node, l->title ? l->title : "", l->rel ? " / " : "",
                                l->rel ? l->rel : "");
            detail_wrap(st, t, width, ROLE_NORMAL, 2);
            free(t);
        }
    }
    detail_add(st, "", ROLE_NORMAL);
    detail_add(st, n->verified ? L(VERIFIED) : L(UNVERIFIED), n->verified ? ROLE_DIM : ROLE_PARTIAL);
    if (n->source)
        detail_field(st, width, L(SOURCE), n->source, ROLE_DIM);
    if (st->aid)
        build_history(st, a, node, width);
}

/* ---------- drawing ---------- */

static void title(screen *s, app *a, strbuf *sb)
{
    nav_state *st = s->priv;
    const char *t = i18n_get(&st->cat->short_title, a->english);
    if (!*t)
        t = i18n_get(&st->cat->title, a->english);
    if (st->aid) {
        char *fy = jpdate_fy_label(st->as.fy, a->english);
        sb_addf(sb, "#%lld %s %s %s", (long long)st->aid, t, fy,
                st->as.scope == SCOPE_SYSTEM && st->as.system_name ? st->as.system_name : L(SCOPE_ORG));
        if (st->party != PARTY_HOSPITAL)
            sb_addf(sb, " [%s: %s]", L(EDIT_PARTY), party_label(st->party));
        free(fy);
    } else {
        sb_addf(sb, "%s (%s@%s)", t, st->cat->id, st->cat->version);
    }
}

static const char *hint(screen *s, app *a)
{
    nav_state *st = s->priv;
    (void)a;
    return st->aid ? L(HINT_NAV) : NULL;
}

static int left_width(int w)
{
    int lw = w * 2 / 5;
    return lw < 30 ? 30 : lw > 60 ? 60 : lw;
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    nav_state *st = s->priv;
    int lw = left_width(r.w);
    int rx = r.x + lw + 1, rw = r.w - lw - 2;
    list_set_height(&st->tree, r.h);
    theme_apply(w, ROLE_BORDER);
    for (int i = 0; i < r.h; i++)
        mvwaddch(w, r.y + i, r.x + lw, st->focus_detail ? ':' : '|');
    theme_apply(w, ROLE_NORMAL);
    for (int i = 0; i < r.h && st->tree.top + i < st->nrows; i++) {
        int row = st->tree.top + i;
        int idx = st->rows[row];
        const catalog_node *n = &st->cat->nodes[idx];
        bool sel = row == st->tree.sel;
        bool heading = n->kind == NODE_HEADING;
        role base = sel ? (st->focus_detail ? ROLE_SELECTED_DIM : ROLE_SELECTED) : ROLE_NORMAL;
        int y = r.y + i;
        draw_fill(w, y, r.x, lw, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, st->focus_detail ? "*" : ">", base);
        int x = r.x + 1 + 2 * n->depth;
        if (heading) {
            x = draw_put(w, y, x, r.x + lw, st->collapsed[idx] ? "+ " : "- ", sel ? base : ROLE_DIM);
        } else if (st->aid) {
            role gr;
            char g[3] = {glyph(st, idx, &gr), ' ', 0};
            x = draw_put(w, y, x, r.x + lw, g, sel ? base : gr);
        } else {
            x = draw_put(w, y, x, r.x + lw, "  ", base);
        }
        char *count = NULL;
        int limit = r.x + lw;
        if (heading && st->items_below[idx] > 0) {
            count = st->aid ? xasprintf(" %d/%d", st->answered_below[idx], st->items_below[idx])
                            : xasprintf(" %d", st->items_below[idx]);
            limit -= text_width(count);
        }
        if (n->ref)
            x = draw_put(w, y, x, limit, n->ref, sel ? base : (heading ? ROLE_HEADING : ROLE_LABEL));
        x = draw_put(w, y, x, limit, " ", base);
        draw_put(w, y, x, limit, node_label(n, a->english), sel ? base : (heading ? ROLE_HEADING : ROLE_NORMAL));
        if (count) {
            draw_put(w, y, limit, r.x + lw, count, sel ? base : ROLE_DIM);
            free(count);
        }
    }
    int node = selected_node(st);
    if (node != st->detail_node || rw != st->detail_width || st->detail_stale)
        build_detail(st, a, node, rw);
    if (st->detail_top > st->ndetail - 1)
        st->detail_top = st->ndetail > 0 ? st->ndetail - 1 : 0;
    for (int i = 0; i < r.h && st->detail_top + i < st->ndetail; i++) {
        const dline *d = &st->detail[st->detail_top + i];
        draw_put(w, r.y + i, rx, rx + rw, d->text, d->r);
    }
}

/* ---------- search ---------- */

static void load_links(nav_state *st, app *a, int node)
{
    if (st->links_loaded[node])
        return;
    st->nlinks[node] = catalog_db_links(a->st, st->cat->id, st->cat->nodes[node].id, &st->links[node]);
    st->links_loaded[node] = true;
}

/* What search looks at: reference, title, text, guidance, id, the note and the references to
 * and from other catalogs (their refs and titles), NFKC-folded. */
static const char *folded(nav_state *st, app *a, int idx)
{
    if (!st->folded[idx]) {
        const catalog_node *n = &st->cat->nodes[idx];
        const answer *ans = effective(st, idx);
        strbuf sb = {0};
        const char *parts[] = {n->ref, n->title.ja, n->title.en, n->text.ja, n->text.en, n->guidance.ja,
                               n->guidance.en, n->id, ans ? ans->note : NULL};
        for (size_t i = 0; i < AZ_ARRAY_LEN(parts); i++)
            sb_addf(&sb, "%s\n", parts[i] ? parts[i] : "");
        load_links(st, a, idx);
        for (size_t i = 0; i < st->nlinks[idx]; i++) {
            const node_link *l = &st->links[idx][i];
            sb_addf(&sb, "%s %s %s\n", l->catalog ? l->catalog : "", l->ref ? l->ref : "", l->title ? l->title : "");
        }
        st->folded[idx] = text_fold(sb_str(&sb));
        sb_free(&sb);
    }
    return st->folded[idx];
}

static bool matches(nav_state *st, app *a, int i)
{
    return st->passes[i] && text_contains_folded(folded(st, a, i), st->query);
}

/* Moves to the next (dir 1) or previous (-1) matching node, expanding its ancestors; reports
 * "match i of n" on the status line. */
static void search_step(nav_state *st, app *a, int dir, bool include_current)
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
    int cur = selected_node(st);
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
    for (int p = st->parent[found]; p >= 0; p = st->parent[p])
        st->collapsed[p] = false;
    rebuild_rows(st);
    select_node(st, found);
    int ordinal = 0;
    for (int i = 0; i <= found; i++)
        if (matches(st, a, i))
            ordinal++;
    char *m = msgf(MSG_SEARCH_HIT, ordinal, total, st->query_raw);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
}

static void search_clear(nav_state *st)
{
    xfree(&st->query);
    xfree(&st->query_raw);
}

/* ---------- changes ---------- */

static void report_saved(app *a, const nav_state *st, int node, const char *what, int changed)
{
    if (!changed) {
        app_status(a, ROLE_STATUS, "%s", L(SAVED_NOTHING));
        return;
    }
    const catalog_node *n = &st->cat->nodes[node];
    char *detail = xasprintf("%s %s", n->ref ? n->ref : n->id, what);
    char now[32];
    store_now(now);
    char *m = msgf(MSG_SAVED, detail, "");
    app_status(a, ROLE_STATUS_OK, "%s(%.10s %.5s)", m, now, now + 11);
    free(m);
    free(detail);
}

static bool apply_change(nav_state *st, app *a, int node, const answer_change *ch, const char *what)
{
    char *err = NULL;
    int changed = 0;
    ws_status r = assess_answer_set(a->st, st->aid, st->cat->nodes[node].id, st->party, 0, ch,
                                    ws_current_user(), &changed, NULL, &err);
    if (r != WS_OK) {
        app_status(a, ROLE_STATUS_ERR, "%s", err ? err : "error");
        free(err);
        return false;
    }
    reload_answers(st, a);
    select_node(st, node);
    report_saved(a, st, node, what, changed);
    return true;
}

static const answer *party_answer(const nav_state *st, int node)
{
    return answer_set_find(&st->answers, st->cat->nodes[node].id, st->party);
}

static void set_answer(nav_state *st, app *a, int node, const answer_def *d)
{
    answer_change ch = {.fields = AF_VALUE, .value = d ? d->value : NULL};
    char *what = xasprintf("%s = %s", L(FIELD_VALUE), d ? i18n_get(&d->label, a->english) : "-");
    apply_change(st, a, node, &ch, what);
    free(what);
}

static void set_date(nav_state *st, app *a, int node, unsigned bit)
{
    if (!(st->cat->dates & bit)) {
        return;
    }
    const answer *h = party_answer(st, node);
    const char *label = bit == DATE_CHECKED ? L(DATE_CHECKED) : bit == DATE_DUE ? L(DATE_DUE) : L(DATE_DONE);
    const char *cur = !h ? NULL : bit == DATE_CHECKED ? h->checked : bit == DATE_DUE ? h->due : h->done;
    char today[11];
    jpdate_format_iso(st->today, today);
    char *prompt = msgf(MSG_DATE_PROMPT, label);
    char *in = NULL;
    bool ok = app_prompt(a, prompt, cur ? cur : (bit == DATE_DUE ? "" : today), &in);
    free(prompt);
    if (!ok)
        return;
    char iso[11] = "";
    char *err = NULL;
    const char *trimmed = in;
    while (*trimmed == ' ')
        trimmed++;
    if (*trimmed && !jpdate_parse_iso(trimmed, iso, &err)) {
        app_status(a, ROLE_STATUS_ERR, "%s: %s", label, err ? err : "");
        free(err);
        free(in);
        return;
    }
    answer_change ch = {.fields = bit == DATE_CHECKED ? AF_CHECKED : bit == DATE_DUE ? AF_DUE : AF_DONE};
    if (bit == DATE_CHECKED)
        ch.checked = iso;
    else if (bit == DATE_DUE)
        ch.due = iso;
    else
        ch.done = iso;
    char *what = xasprintf("%s = %s", label, *iso ? iso : "-");
    apply_change(st, a, node, &ch, what);
    free(what);
    free(in);
}

static void cycle_owner(nav_state *st, app *a, int node)
{
    static const responsibility order[] = {RESP_NONE, RESP_HOSPITAL, RESP_VENDOR, RESP_JOINT, RESP_NA};
    const answer *h = party_answer(st, node);
    responsibility cur = h ? h->owner : RESP_NONE;
    size_t i = 0;
    while (i < AZ_ARRAY_LEN(order) && order[i] != cur)
        i++;
    responsibility next = order[(i + 1) % AZ_ARRAY_LEN(order)];
    int64_t vid = h ? h->owner_vendor_id : 0;
    if ((next == RESP_VENDOR || next == RESP_JOINT) && !vid && !st->as.vendor_id && st->nvendors > 0)
        vid = st->vendors[0].id;
    if (next != RESP_VENDOR && next != RESP_JOINT)
        vid = 0;
    answer_change ch = {.fields = AF_OWNER, .owner = next, .owner_vendor_id = vid};
    const char *vn = vid ? vendor_name(st, vid) : NULL;
    char *what = vn ? xasprintf("%s = %s (%s)", L(FIELD_OWNER), resp_label(next), vn)
                    : xasprintf("%s = %s", L(FIELD_OWNER), resp_label(next));
    apply_change(st, a, node, &ch, what);
    free(what);
}

static void cycle_vendor(nav_state *st, app *a, int node)
{
    if (st->nvendors == 0) {
        app_status(a, ROLE_STATUS_ERR, "%s", L(NO_VENDORS));
        return;
    }
    const answer *h = party_answer(st, node);
    int64_t cur = h ? h->owner_vendor_id : 0;
    size_t i = 0;
    while (i < st->nvendors && st->vendors[i].id != cur)
        i++;
    /* none → first → … → last → none */
    int64_t next = i >= st->nvendors ? st->vendors[0].id : i + 1 < st->nvendors ? st->vendors[i + 1].id : 0;
    responsibility owner = h ? h->owner : RESP_NONE;
    if (next && owner != RESP_VENDOR && owner != RESP_JOINT)
        owner = RESP_VENDOR;
    if (!next && (owner == RESP_VENDOR || owner == RESP_JOINT) && !st->as.vendor_id)
        owner = RESP_NONE;
    answer_change ch = {.fields = AF_OWNER, .owner = owner, .owner_vendor_id = next};
    char *what = xasprintf("%s = %s", L(VENDOR), next ? vendor_name(st, next) : "-");
    apply_change(st, a, node, &ch, what);
    free(what);
}

typedef struct {
    nav_state *st;
    int node;
} note_ctx;

static bool save_note(void *ctx, app *a, const char *text)
{
    note_ctx *nc = ctx;
    answer_change ch = {.fields = AF_NOTE, .note = text};
    return apply_change(nc->st, a, nc->node, &ch, L(NOTE));
}

static void edit_note(nav_state *st, app *a, int node, bool external)
{
    const answer *h = party_answer(st, node);
    const catalog_node *n = &st->cat->nodes[node];
    char *t = msgf(MSG_NOTE_TITLE, n->ref ? n->ref : n->id);
    note_ctx *ctx = xcalloc(1, sizeof *ctx);
    *ctx = (note_ctx){st, node};
    screen *ed = note_screen_new(a, t, h && h->note ? h->note : "", save_note, ctx, free);
    free(t);
    app_push(a, ed);
    if (external)
        note_screen_external(ed, a);
}

static bool save_evidence(void *ctx, app *a, const char *text)
{
    note_ctx *nc = ctx;
    strlist ev = {0};
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, n);
        char *b = line, *e = line + strlen(line);
        while (*b == ' ' || *b == '\t' || *b == '\r')
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            *--e = 0;
        if (*b)
            sl_push(&ev, b);
        free(line);
        if (!nl)
            break;
        p = nl + 1;
    }
    answer_change ch = {.fields = AF_EVIDENCE, .evidence = &ev};
    bool ok = apply_change(nc->st, a, nc->node, &ch, L(EVIDENCE));
    sl_free(&ev);
    return ok;
}

/* Evidence is edited as text, one reference (path, URL or description) per line. */
static void edit_evidence(nav_state *st, app *a, int node)
{
    const answer *h = party_answer(st, node);
    const catalog_node *n = &st->cat->nodes[node];
    strbuf text = {0};
    for (size_t i = 0; h && i < h->evidence.len; i++)
        sb_addf(&text, "%s%s", i ? "\n" : "", h->evidence.items[i]);
    char *t = msgf(MSG_EVIDENCE_TITLE, n->ref ? n->ref : n->id);
    note_ctx *ctx = xcalloc(1, sizeof *ctx);
    *ctx = (note_ctx){st, node};
    app_push(a, note_screen_new(a, t, sb_str(&text), save_evidence, ctx, free));
    free(t);
    sb_free(&text);
}

static void do_undo(nav_state *st, app *a)
{
    char *what = NULL, *err = NULL;
    ws_status r = assess_undo(a->st, st->aid, ws_current_user(), &what, &err);
    if (r == WS_NOT_FOUND) {
        app_status(a, ROLE_STATUS, "%s", L(NOTHING_TO_UNDO));
    } else if (r != WS_OK) {
        app_status(a, ROLE_STATUS_ERR, "%s", err ? err : "error");
    } else {
        reload_answers(st, a);
        /* Say what came back, from the undo action's own history rows: "1-2 answer, due". */
        history_row *rows = NULL;
        history_filter f = {.assessment_id = st->aid, .limit = 32};
        size_t n = history_list(a->st, &f, &rows);
        strbuf sb = {0};
        int64_t last = n ? rows[n - 1].action : 0;
        for (size_t i = 0; i < n; i++) {
            if (rows[i].action != last)
                continue;
            const catalog_node *cn = rows[i].item_id ? catalog_find_node(st->cat, rows[i].item_id) : NULL;
            sb_addf(&sb, "%s%s %s", sb.len ? ", " : "", cn && cn->ref ? cn->ref : rows[i].item_id ? rows[i].item_id : "",
                    field_label(rows[i].field));
        }
        history_list_free(rows, n);
        char *m = msgf(MSG_UNDONE, sb.len ? sb_str(&sb) : what ? what : "");
        sb_free(&sb);
        app_status(a, ROLE_STATUS_OK, "%s", m);
        free(m);
    }
    free(what);
    free(err);
}

static const char *filter_label(nav_state *st, char **owned)
{
    *owned = NULL;
    switch (st->filter) {
    case FILTER_ALL: return L(FILTER_ALL);
    case FILTER_UNANSWERED: return L(FILTER_UNANSWERED);
    case FILTER_NEGATIVE: return L(FILTER_NEGATIVE);
    case FILTER_OVERDUE: return L(FILTER_OVERDUE);
    case FILTER_OWNER: return *owned = xasprintf("%s = %s", L(RESP), resp_label(st->filter_owner));
    case FILTER_VENDOR: {
        const char *vn = vendor_name(st, st->filter_vendor);
        return *owned = xasprintf("%s = %s", L(VENDOR), vn ? vn : "-");
    }
    }
    return "";
}

static void apply_filter(nav_state *st, app *a)
{
    recount(st);
    /* Open everything so the matching items are visible. */
    if (st->filter != FILTER_ALL)
        for (size_t i = 0; i < st->cat->nnodes; i++)
            st->collapsed[i] = false;
    rebuild_rows(st);
    int count = 0;
    for (size_t i = 0; i < st->cat->nnodes; i++)
        if (st->cat->nodes[i].kind == NODE_ITEM && st->passes[i])
            count++;
    char *owned;
    const char *label = filter_label(st, &owned);
    char *m = count || st->filter == FILTER_ALL ? msgf(MSG_FILTER_SHOWING, label, count)
                                                 : msgf(MSG_FILTER_EMPTY, label);
    app_status(a, count ? ROLE_STATUS_OK : ROLE_STATUS_ERR, "%s", m);
    free(m);
    free(owned);
    st->detail_stale = true;
}

static void filter_menu(nav_state *st, app *a)
{
    keycode k;
    if (!app_menu(a, L(FILTER_MENU), &k))
        return;
    filter_kind prev = st->filter;
    switch (k) {
    case 'a': st->filter = FILTER_ALL; break;
    case 'u': st->filter = FILTER_UNANSWERED; break;
    case 'n': st->filter = FILTER_NEGATIVE; break;
    case 'o': st->filter = FILTER_OVERDUE; break;
    case 'r': {
        static const responsibility order[] = {RESP_HOSPITAL, RESP_VENDOR, RESP_JOINT, RESP_NA, RESP_NONE};
        size_t i = 0;
        if (prev == FILTER_OWNER)
            while (i < AZ_ARRAY_LEN(order) && order[i] != st->filter_owner)
                i++;
        st->filter_owner = prev == FILTER_OWNER ? order[(i + 1) % AZ_ARRAY_LEN(order)] : order[0];
        st->filter = FILTER_OWNER;
        break;
    }
    case 'v': {
        if (st->nvendors == 0) {
            app_status(a, ROLE_STATUS_ERR, "%s", L(NO_VENDORS));
            return;
        }
        size_t i = 0;
        if (prev == FILTER_VENDOR)
            while (i < st->nvendors && st->vendors[i].id != st->filter_vendor)
                i++;
        st->filter_vendor = prev == FILTER_VENDOR ? st->vendors[(i + 1) % st->nvendors].id : st->vendors[0].id;
        st->filter = FILTER_VENDOR;
        break;
    }
    default: return;
    }
    apply_filter(st, a);
}

static const answer_def *answer_for_key(const nav_state *st, keycode key)
{
    for (size_t i = 0; i < st->cat->nanswers; i++)
        if (st->cat->answers[i].key && st->cat->answers[i].key == key)
            return &st->cat->answers[i];
    return NULL;
}

static void answer_menu(nav_state *st, app *a, int node)
{
    strbuf sb = {0};
    sb_add(&sb, L(ANSWER_MENU));
    for (size_t i = 0; i < st->cat->nanswers; i++)
        if (st->cat->answers[i].key)
            sb_addf(&sb, " %c:%s", st->cat->answers[i].key, i18n_get(&st->cat->answers[i].label, a->english));
    sb_addf(&sb, " %s", L(ANSWER_CLEAR));
    keycode k;
    bool ok = app_menu(a, sb_str(&sb), &k);
    sb_free(&sb);
    if (!ok)
        return;
    if (k == KEY_FN(KEY_DC) || k == 127 || k == KEY_FN(KEY_BACKSPACE)) {
        set_answer(st, a, node, NULL);
        return;
    }
    const answer_def *d = answer_for_key(st, k);
    if (d)
        set_answer(st, a, node, d);
}

/* ---------- keys ---------- */

static int handle_detail_focus(nav_state *st, const tui_event *ev)
{
    switch (ev->act) {
    case ACT_UP: if (st->detail_top > 0) st->detail_top--; return RES_HANDLED;
    case ACT_DOWN: if (st->detail_top < st->ndetail - 1) st->detail_top++; return RES_HANDLED;
    case ACT_PAGE_UP: st->detail_top -= 10; if (st->detail_top < 0) st->detail_top = 0; return RES_HANDLED;
    case ACT_PAGE_DOWN: st->detail_top += 10; return RES_HANDLED;
    case ACT_HOME: st->detail_top = 0; return RES_HANDLED;
    case ACT_COLLAPSE:
    case ACT_FOCUS: st->focus_detail = false; return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    nav_state *st = s->priv;
    int node = selected_node(st);
    bool item = node >= 0 && st->cat->nodes[node].kind == NODE_ITEM;
    /* n / N during a search */
    if (st->query && (ev->key == 'n' || ev->key == 'N')) {
        search_step(st, a, ev->key == 'n' ? 1 : -1, false);
        return RES_HANDLED;
    }
    /* One-key answers: after this screen's own keys, before the global ones. */
    if (st->aid && item && keymap_lookup_local(&nav_keys, ev->key) == ACT_NONE) {
        const answer_def *d = answer_for_key(st, ev->key);
        if (d) {
            set_answer(st, a, node, d);
            return RES_HANDLED;
        }
    }
    if (st->focus_detail && handle_detail_focus(st, ev) == RES_HANDLED)
        return RES_HANDLED;
    if (!st->focus_detail && list_handle(&st->tree, ev->act))
        return RES_HANDLED;
    switch (ev->act) {
    case ACT_FOCUS:
        st->focus_detail = !st->focus_detail;
        return RES_HANDLED;
    case ACT_OPEN:
    case ACT_TOGGLE:
        if (node >= 0 && !item) {
            st->collapsed[node] = !st->collapsed[node];
            rebuild_rows(st);
        } else if (ev->act == ACT_OPEN && item && st->aid) {
            answer_menu(st, a, node);
        } else if (ev->act == ACT_OPEN) {
            st->focus_detail = true;
        }
        return RES_HANDLED;
    case ACT_EXPAND:
        if (node >= 0 && !item && st->collapsed[node]) {
            st->collapsed[node] = false;
            rebuild_rows(st);
        } else if (item) {
            st->focus_detail = true;
        }
        return RES_HANDLED;
    case ACT_COLLAPSE:
        if (node >= 0 && !item && !st->collapsed[node]) {
            st->collapsed[node] = true;
            rebuild_rows(st);
        } else if (node >= 0 && st->parent[node] >= 0) {
            select_node(st, st->parent[node]);
        }
        return RES_HANDLED;
    case ACT_EXPAND_ALL: {
        bool any_open = false;
        for (size_t i = 0; i < st->cat->nnodes; i++)
            if (st->cat->nodes[i].kind == NODE_HEADING && !st->collapsed[i] && st->parent[i] < 0)
                any_open = true;
        for (size_t i = 0; i < st->cat->nnodes; i++)
            st->collapsed[i] = any_open && st->cat->nodes[i].kind == NODE_HEADING;
        rebuild_rows(st);
        return RES_HANDLED;
    }
    case ACT_SEARCH: {
        char *q = NULL;
        if (app_prompt(a, L(SEARCH_PROMPT), st->query_raw ? st->query_raw : "", &q)) {
            search_clear(st);
            if (*q) {
                st->query_raw = q;
                st->query = text_fold(q);
                search_step(st, a, 1, true);
            } else {
                free(q);
            }
        }
        return RES_HANDLED;
    }
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV:
        if (st->query)
            search_step(st, a, ev->act == ACT_SEARCH_NEXT ? 1 : -1, false);
        return RES_HANDLED;
    case ACT_BACK:
        if (ev->key == KEY_ESC && st->query) {
            search_clear(st);
            app_status(a, ROLE_STATUS, "%s", L(SEARCH_CLEARED));
            return RES_HANDLED;
        }
        if (ev->key == KEY_ESC && st->filter != FILTER_ALL) {
            st->filter = FILTER_ALL;
            apply_filter(st, a);
            return RES_HANDLED;
        }
        return RES_IGNORED;
    default:
        break;
    }
    if (!st->aid)
        return RES_IGNORED;
    switch (ev->act) {
    case ACT_FILTER: filter_menu(st, a); return RES_HANDLED;
    case ACT_UNDO: do_undo(st, a); return RES_HANDLED;
    case ACT_EDIT_PARTY:
        st->party = (answer_party)((st->party + 1) % PARTY__COUNT);
        st->detail_stale = true;
        app_status(a, ROLE_STATUS_OK, "%s: %s", L(EDIT_PARTY), party_label(st->party));
        return RES_HANDLED;
    default: break;
    }
    if (!item)
        return RES_IGNORED;
    switch (ev->act) {
    case ACT_ANSWER: answer_menu(st, a, node); return RES_HANDLED;
    case ACT_CLEAR_ANSWER: set_answer(st, a, node, NULL); return RES_HANDLED;
    case ACT_DATE_CHECKED: set_date(st, a, node, DATE_CHECKED); return RES_HANDLED;
    case ACT_DATE_DUE: set_date(st, a, node, DATE_DUE); return RES_HANDLED;
    case ACT_DATE_DONE: set_date(st, a, node, DATE_DONE); return RES_HANDLED;
    case ACT_PARTY: cycle_owner(st, a, node); return RES_HANDLED;
    case ACT_VENDOR: cycle_vendor(st, a, node); return RES_HANDLED;
    case ACT_NOTE: edit_note(st, a, node, false); return RES_HANDLED;
    case ACT_NOTE_EDITOR: edit_note(st, a, node, true); return RES_HANDLED;
    case ACT_EVIDENCE: edit_evidence(st, a, node); return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

static void help_extra(screen *s, app *a, strlist *keys, strlist *texts)
{
    nav_state *st = s->priv;
    for (size_t i = 0; st->aid && i < st->cat->nanswers; i++) {
        const answer_def *d = &st->cat->answers[i];
        if (!d->key)
            continue;
        char k[2] = {d->key, 0};
        sl_push(keys, k);
        sl_push_owned(texts, xasprintf("%s: %s", L(ANSWER), i18n_get(&d->label, a->english)));
    }
    if (st->aid) {
        sl_push(keys, "Enter");
        sl_push(texts, action_help(ACT_ANSWER));
    }
    sl_push(keys, "n N");
    sl_push(texts, L(HELP_SEARCH_NN));
}

static void resume(screen *s, app *a)
{
    nav_state *st = s->priv;
    if (st->aid) {
        ws_vendor_list_free(st->vendors, st->nvendors);
        st->nvendors = ws_vendor_list(a->st, &st->vendors);
    }
    st->detail_stale = true;
}

static void done(screen *s)
{
    nav_state *st = s->priv;
    for (size_t i = 0; i < st->cat->nnodes; i++) {
        free(st->folded[i]);
        if (st->links_loaded[i])
            node_link_free(st->links[i], st->nlinks[i]);
    }
    free(st->folded);
    free(st->links);
    free(st->nlinks);
    free(st->links_loaded);
    detail_clear(st);
    free(st->detail);
    free(st->parent);
    free(st->collapsed);
    free(st->items_below);
    free(st->answered_below);
    free(st->passes);
    free(st->rows);
    search_clear(st);
    catalog_free(st->cat);
    if (st->aid) {
        answer_set_free(&st->answers);
        assessment_free(&st->as);
        ws_vendor_list_free(st->vendors, st->nvendors);
    }
    free(st);
}

static const keybind nav_binds[] = {
    {'\t', ACT_FOCUS},
    {KEY_FN(KEY_RIGHT), ACT_EXPAND},
    {'l', ACT_EXPAND},
    {KEY_FN(KEY_LEFT), ACT_COLLAPSE},
    {'h', ACT_COLLAPSE},
    {'o', ACT_TOGGLE},
    {'O', ACT_EXPAND_ALL},
    {'N', ACT_SEARCH_PREV},
    {'c', ACT_DATE_CHECKED},
    {'t', ACT_DATE_DUE},
    {'C', ACT_DATE_DONE},
    {'r', ACT_PARTY},
    {'v', ACT_VENDOR},
    {'e', ACT_NOTE},
    {'E', ACT_NOTE_EDITOR},
    {'+', ACT_EVIDENCE},
    {'u', ACT_UNDO},
    {'P', ACT_EDIT_PARTY},
    {'f', ACT_FILTER},
    {KEY_FN(KEY_DC), ACT_CLEAR_ANSWER},
    {KEY_FN(KEY_BACKSPACE), ACT_CLEAR_ANSWER},
    {127, ACT_CLEAR_ANSWER},
};
static const keymap nav_keys = {.name = "navigator", .binds = nav_binds, .len = AZ_ARRAY_LEN(nav_binds)};
/* Browsing a catalog: the movement keys only (the first 8). */
static const keymap browse_keys = {.name = "browse", .binds = nav_binds, .len = 8};

static const screen_ops nav_ops = {
    .name = "navigator",
    .keys = &nav_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .help_extra = help_extra,
    .resume = resume,
    .done = done,
};

static const screen_ops browse_ops = {
    .name = "browse",
    .keys = &browse_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .help_extra = help_extra,
    .resume = resume,
    .done = done,
};

static screen *nav_new(app *a, catalog *c, int64_t aid)
{
    nav_state *st = xcalloc(1, sizeof *st);
    st->cat = c;
    st->aid = aid;
    st->detail_node = -1;
    st->today = jpdate_today();
    size_t n = c->nnodes + 1;
    st->parent = xcalloc(n, sizeof *st->parent);
    st->collapsed = xcalloc(n, sizeof *st->collapsed);
    st->items_below = xcalloc(n, sizeof *st->items_below);
    st->answered_below = xcalloc(n, sizeof *st->answered_below);
    st->passes = xcalloc(n, sizeof *st->passes);
    st->folded = xcalloc(n, sizeof *st->folded);
    st->links = xcalloc(n, sizeof *st->links);
    st->nlinks = xcalloc(n, sizeof *st->nlinks);
    st->links_loaded = xcalloc(n, sizeof *st->links_loaded);
    for (size_t i = 0; i < c->nnodes; i++) {
        st->parent[i] = -1;
        if (!c->nodes[i].parent)
            continue;
        for (size_t k = i; k-- > 0;)
            if (str_eq(c->nodes[k].id, c->nodes[i].parent)) {
                st->parent[i] = (int)k;
                break;
            }
    }
    screen *s = xcalloc(1, sizeof *s);
    s->ops = aid ? &nav_ops : &browse_ops;
    s->priv = st;
    if (aid) {
        char *err = NULL;
        if (assess_get(a->st, aid, &st->as, &err) != WS_OK)
            free(err);
        st->nvendors = ws_vendor_list(a->st, &st->vendors);
        reload_answers(st, a);
    } else {
        recount(st);
        rebuild_rows(st);
    }
    return s;
}

screen *browse_screen_new(app *a, const char *catalog_id, const char *version)
{
    catalog *c = catalog_db_load(a->st, catalog_id, version);
    return c ? nav_new(a, c, 0) : NULL;
}

screen *navigator_screen_new(app *a, int64_t assessment_id)
{
    assessment as;
    char *err = NULL;
    if (assess_get(a->st, assessment_id, &as, &err) != WS_OK) {
        app_status(a, ROLE_STATUS_ERR, "%s", err ? err : "");
        free(err);
        return NULL;
    }
    catalog *c = catalog_db_load(a->st, as.catalog_id, as.catalog_version);
    assessment_free(&as);
    return c ? nav_new(a, c, assessment_id) : NULL;
}
