/* One catalog as a collapsible tree (left) with the selected node's detail (right), read-only.
 * Search with / (NFKC-folded: full-width and half-width match), n/N between matches. */
#include <stdlib.h>

#include "catalog_db.h"
#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text.h"

typedef struct {
    char *text;
    role r;
} dline;

typedef struct {
    catalog *cat;
    bool *collapsed;      /* per node */
    int *children_items;  /* per node: items below it */
    int *rows;            /* visible node indices */
    int nrows;
    size_t caprows;
    list_state tree;
    bool focus_detail;
    int detail_top;
    dline *detail;
    int ndetail;
    size_t capdetail;
    int detail_node, detail_width; /* what the cached detail was built for */
    char **folded;                  /* per node, lazily */
    char *query;                    /* folded search, NULL when none */
    char *query_raw;
} browse_state;

static void detail_clear(browse_state *st)
{
    for (int i = 0; i < st->ndetail; i++)
        free(st->detail[i].text);
    st->ndetail = 0;
    st->detail_node = -1;
}

static void detail_add(browse_state *st, const char *text, role r)
{
    /* Never two blank lines in a row, never a blank first line. */
    if (!*text && (st->ndetail == 0 || !*st->detail[st->ndetail - 1].text))
        return;
    GROW(st->detail, st->capdetail, (size_t)st->ndetail + 1);
    st->detail[st->ndetail++] = (dline){xstrdup(text), r};
}

static void detail_wrap(browse_state *st, const char *text, int width, role r, int indent)
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

static bool node_hidden(const browse_state *st, int idx)
{
    /* Hidden when any ancestor is collapsed. */
    const catalog_node *n = &st->cat->nodes[idx];
    while (n->parent) {
        int p = -1;
        for (int k = idx - 1; k >= 0; k--)
            if (str_eq(st->cat->nodes[k].id, n->parent)) {
                p = k;
                break;
            }
        if (p < 0)
            return false;
        if (st->collapsed[p])
            return true;
        idx = p;
        n = &st->cat->nodes[p];
    }
    return false;
}

static int parent_index(const browse_state *st, int idx)
{
    const char *pid = st->cat->nodes[idx].parent;
    if (!pid)
        return -1;
    for (int k = idx - 1; k >= 0; k--)
        if (str_eq(st->cat->nodes[k].id, pid))
            return k;
    return -1;
}

static void rebuild_rows(browse_state *st)
{
    int keep = st->nrows > 0 ? st->rows[st->tree.sel] : 0;
    st->nrows = 0;
    for (size_t i = 0; i < st->cat->nnodes; i++) {
        if (node_hidden(st, (int)i))
            continue;
        GROW(st->rows, st->caprows, (size_t)st->nrows + 1);
        st->rows[st->nrows++] = (int)i;
    }
    list_set_count(&st->tree, st->nrows);
    /* Keep the selection on the same node, or on its nearest visible ancestor. */
    for (int node = keep; node >= 0; node = parent_index(st, node)) {
        for (int r = 0; r < st->nrows; r++)
            if (st->rows[r] == node) {
                list_select(&st->tree, r);
                return;
            }
    }
}

static int selected_node(const browse_state *st)
{
    return st->nrows > 0 ? st->rows[st->tree.sel] : -1;
}

static void title(screen *s, app *a, strbuf *sb)
{
    browse_state *st = s->priv;
    const char *t = i18n_get(&st->cat->short_title, a->english);
    if (!*t)
        t = i18n_get(&st->cat->title, a->english);
    sb_addf(sb, "%s (%s@%s)", t, st->cat->id, st->cat->version);
}

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
    default: return L(RESP_NONE);
    }
}

static void build_detail(browse_state *st, app *a, int node, int width)
{
    detail_clear(st);
    st->detail_node = node;
    st->detail_width = width;
    st->detail_top = 0;
    if (node < 0)
        return;
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    char *head = xasprintf("%s%s%s", n->ref ? n->ref : "", n->ref ? "  " : "", node_label(n, en));
    detail_wrap(st, head, width, ROLE_HEADING, 0);
    free(head);
    if (n->kind == NODE_HEADING) {
        char *c = msgf(MSG_ITEMS_IN, st->children_items[node]);
        detail_add(st, c, ROLE_DIM);
        free(c);
        return;
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
    if (n->actor) {
        char *t = xasprintf("%s: %s", L(ACTOR), n->actor);
        detail_wrap(st, t, width, ROLE_NORMAL, 0);
        free(t);
    }
    if (n->resp != RESP_NONE) {
        char *t = xasprintf("%s: %s", L(RESP), resp_label(n->resp));
        detail_add(st, t, ROLE_NORMAL);
        free(t);
    }
    if (n->target_fy) {
        char *t = xasprintf("%s: %d", L(TARGET_FY), n->target_fy);
        detail_add(st, t, ROLE_NORMAL);
        free(t);
    }
    node_link *links = NULL;
    size_t nl = catalog_db_links(a->st, st->cat->id, n->id, &links);
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
    node_link_free(links, nl);
    detail_add(st, "", ROLE_NORMAL);
    detail_add(st, n->verified ? L(VERIFIED) : L(UNVERIFIED), n->verified ? ROLE_DIM : ROLE_PARTIAL);
    if (n->source) {
        char *t = xasprintf("%s: %s", L(SOURCE), n->source);
        detail_wrap(st, t, width, ROLE_DIM, 0);
        free(t);
    }
}

static int left_width(int w)
{
    int lw = w * 2 / 5;
    return lw < 30 ? 30 : lw > 60 ? 60 : lw;
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    browse_state *st = s->priv;
    int lw = left_width(r.w);
    int rx = r.x + lw + 1, rw = r.w - lw - 2;
    list_set_height(&st->tree, r.h);
    for (int i = 0; i < r.h; i++) {
        theme_apply(w, ROLE_BORDER);
        mvwaddch(w, r.y + i, r.x + lw, st->focus_detail ? ':' : '|');
    }
    theme_apply(w, ROLE_NORMAL);
    for (int i = 0; i < r.h && st->tree.top + i < st->nrows; i++) {
        int row = st->tree.top + i;
        int idx = st->rows[row];
        const catalog_node *n = &st->cat->nodes[idx];
        bool sel = row == st->tree.sel;
        role base = sel ? (st->focus_detail ? ROLE_SELECTED_DIM : ROLE_SELECTED) : ROLE_NORMAL;
        int y = r.y + i;
        draw_fill(w, y, r.x, lw, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, st->focus_detail ? "*" : ">", base);
        int x = r.x + 1 + 2 * n->depth;
        if (n->kind == NODE_HEADING) {
            x = draw_put(w, y, x, r.x + lw, st->collapsed[idx] ? "+ " : "- ", sel ? base : ROLE_DIM);
        } else {
            x = draw_put(w, y, x, r.x + lw, "  ", base);
        }
        char *count = NULL;
        int limit = r.x + lw;
        if (n->kind == NODE_HEADING && st->children_items[idx] > 0) {
            count = xasprintf(" %d", st->children_items[idx]);
            limit -= text_width(count);
        }
        if (n->ref)
            x = draw_put(w, y, x, limit, n->ref, sel ? base : (n->kind == NODE_HEADING ? ROLE_HEADING : ROLE_LABEL));
        x = draw_put(w, y, x, limit, " ", base);
        draw_put(w, y, x, limit, node_label(n, a->english), sel ? base : (n->kind == NODE_HEADING ? ROLE_HEADING : ROLE_NORMAL));
        if (count) {
            draw_put(w, y, limit, r.x + lw, count, sel ? base : ROLE_DIM);
            free(count);
        }
    }
    /* Detail */
    int node = selected_node(st);
    if (node != st->detail_node || rw != st->detail_width)
        build_detail(st, a, node, rw);
    if (st->detail_top > st->ndetail - 1)
        st->detail_top = st->ndetail > 0 ? st->ndetail - 1 : 0;
    for (int i = 0; i < r.h && st->detail_top + i < st->ndetail; i++) {
        const dline *d = &st->detail[st->detail_top + i];
        draw_put(w, r.y + i, rx, rx + rw, d->text, d->r);
    }
}

static const char *folded(browse_state *st, int idx)
{
    if (!st->folded[idx]) {
        const catalog_node *n = &st->cat->nodes[idx];
        char *all = xasprintf("%s\n%s\n%s\n%s\n%s\n%s\n%s", n->ref ? n->ref : "", n->title.ja ? n->title.ja : "",
                              n->title.en ? n->title.en : "", n->text.ja ? n->text.ja : "",
                              n->text.en ? n->text.en : "", n->guidance.ja ? n->guidance.ja : "", n->id);
        st->folded[idx] = text_fold(all);
        free(all);
    }
    return st->folded[idx];
}

/* Moves to the next (dir 1) or previous (-1) node matching the query, expanding its ancestors.
 * Reports "match i of n" on the status line. */
static void search_step(browse_state *st, app *a, int dir, bool include_current)
{
    int total = 0;
    int nn = (int)st->cat->nnodes;
    for (int i = 0; i < nn; i++)
        if (text_contains_folded(folded(st, i), st->query))
            total++;
    if (total == 0) {
        app_status(a, ROLE_STATUS_ERR, "%s", "");
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
        if (text_contains_folded(folded(st, i), st->query)) {
            found = i;
            break;
        }
    }
    if (found < 0)
        return;
    for (int p = parent_index(st, found); p >= 0; p = parent_index(st, p))
        st->collapsed[p] = false;
    rebuild_rows(st);
    for (int r = 0; r < st->nrows; r++)
        if (st->rows[r] == found)
            list_select(&st->tree, r);
    int ordinal = 0;
    for (int i = 0; i <= found; i++)
        if (text_contains_folded(folded(st, i), st->query))
            ordinal++;
    char *m = msgf(MSG_SEARCH_HIT, ordinal, total, st->query_raw);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    browse_state *st = s->priv;
    int node = selected_node(st);
    if (st->focus_detail) {
        switch (ev->act) {
        case ACT_UP: if (st->detail_top > 0) st->detail_top--; return RES_HANDLED;
        case ACT_DOWN: if (st->detail_top < st->ndetail - 1) st->detail_top++; return RES_HANDLED;
        case ACT_PAGE_UP: st->detail_top -= 10; if (st->detail_top < 0) st->detail_top = 0; return RES_HANDLED;
        case ACT_PAGE_DOWN: st->detail_top += 10; return RES_HANDLED;
        case ACT_HOME: st->detail_top = 0; return RES_HANDLED;
        case ACT_COLLAPSE:
        case ACT_FOCUS: st->focus_detail = false; return RES_HANDLED;
        default: break;
        }
    } else if (list_handle(&st->tree, ev->act)) {
        return RES_HANDLED;
    }
    switch (ev->act) {
    case ACT_FOCUS:
        st->focus_detail = !st->focus_detail;
        return RES_HANDLED;
    case ACT_OPEN:
    case ACT_TOGGLE:
        if (node >= 0 && st->cat->nodes[node].kind == NODE_HEADING) {
            st->collapsed[node] = !st->collapsed[node];
            rebuild_rows(st);
        } else if (ev->act == ACT_OPEN) {
            st->focus_detail = true;
        }
        return RES_HANDLED;
    case ACT_EXPAND:
        if (node >= 0 && st->cat->nodes[node].kind == NODE_HEADING && st->collapsed[node]) {
            st->collapsed[node] = false;
            rebuild_rows(st);
        } else if (node >= 0 && st->cat->nodes[node].kind == NODE_ITEM) {
            st->focus_detail = true;
        }
        return RES_HANDLED;
    case ACT_COLLAPSE:
        if (node >= 0 && st->cat->nodes[node].kind == NODE_HEADING && !st->collapsed[node]) {
            st->collapsed[node] = true;
            rebuild_rows(st);
        } else if (node >= 0) {
            int p = parent_index(st, node);
            for (int r = 0; p >= 0 && r < st->nrows; r++)
                if (st->rows[r] == p)
                    list_select(&st->tree, r);
        }
        return RES_HANDLED;
    case ACT_EXPAND_ALL: {
        bool any_open = false;
        for (size_t i = 0; i < st->cat->nnodes; i++)
            if (st->cat->nodes[i].kind == NODE_HEADING && !st->collapsed[i] && st->cat->nodes[i].depth == 0)
                any_open = true;
        for (size_t i = 0; i < st->cat->nnodes; i++)
            st->collapsed[i] = any_open && st->cat->nodes[i].kind == NODE_HEADING;
        rebuild_rows(st);
        return RES_HANDLED;
    }
    case ACT_SEARCH: {
        char *q = NULL;
        if (app_prompt(a, L(SEARCH_PROMPT), st->query_raw ? st->query_raw : "", &q)) {
            free(st->query);
            free(st->query_raw);
            st->query = NULL;
            st->query_raw = NULL;
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
        if (st->query && ev->key == KEY_ESC) {
            free(st->query);
            free(st->query_raw);
            st->query = st->query_raw = NULL;
            app_status(a, ROLE_STATUS, "%s", L(SEARCH_CLEARED));
            return RES_HANDLED;
        }
        return RES_IGNORED;
    default:
        break;
    }
    /* n / N move between matches while a search is active. */
    if (st->query && (ev->key == 'n' || ev->key == 'N')) {
        search_step(st, a, ev->key == 'n' ? 1 : -1, false);
        return RES_HANDLED;
    }
    return RES_IGNORED;
}

static void done(screen *s)
{
    browse_state *st = s->priv;
    for (size_t i = 0; i < st->cat->nnodes; i++)
        free(st->folded[i]);
    free(st->folded);
    detail_clear(st);
    free(st->detail);
    free(st->collapsed);
    free(st->children_items);
    free(st->rows);
    free(st->query);
    free(st->query_raw);
    catalog_free(st->cat);
    free(st);
}

static const keybind browse_binds[] = {
    {'\t', ACT_FOCUS},
    {KEY_FN(KEY_RIGHT), ACT_EXPAND},
    {'l', ACT_EXPAND},
    {KEY_FN(KEY_LEFT), ACT_COLLAPSE},
    {'h', ACT_COLLAPSE},
    {'o', ACT_TOGGLE},
    {'O', ACT_EXPAND_ALL},
    {'n', ACT_SEARCH_NEXT},
    {'N', ACT_SEARCH_PREV},
};
static const keymap browse_keys = {.name = "browse", .binds = browse_binds, .len = AZ_ARRAY_LEN(browse_binds)};

static const screen_ops browse_ops = {
    .name = "browse",
    .keys = &browse_keys,
    .title = title,
    .draw = draw,
    .handle = handle,
    .done = done,
};

screen *browse_screen_new(app *a, const char *catalog_id, const char *version)
{
    catalog *c = catalog_db_load(a->st, catalog_id, version);
    if (!c)
        return NULL;
    browse_state *st = xcalloc(1, sizeof *st);
    st->cat = c;
    st->detail_node = -1;
    st->collapsed = xcalloc(c->nnodes + 1, sizeof *st->collapsed);
    st->children_items = xcalloc(c->nnodes + 1, sizeof *st->children_items);
    st->folded = xcalloc(c->nnodes + 1, sizeof *st->folded);
    for (size_t i = 0; i < c->nnodes; i++) {
        if (c->nodes[i].kind != NODE_ITEM)
            continue;
        for (int p = parent_index(st, (int)i); p >= 0; p = parent_index(st, p))
            st->children_items[p]++;
    }
    rebuild_rows(st);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &browse_ops;
    s->priv = st;
    return s;
}
