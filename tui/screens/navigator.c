/* The navigator: one catalog as a collapsible tree (left) with the selected node's detail (right).
 *
 * Two modes, one screen: browsing a catalog (read-only; the first screen of issue #2) and working
 * on an assessment (answers, dates, responsible party, vendor, note, undo, filters). In an
 * assessment the catalog's answer keys answer the selected item with one key; they win over the
 * global keys but not over this screen's own keys (c t C r v e E u f o O h l Tab w A). While a
 * search is active, n / N move between matches (Esc ends the search); Enter offers the answer menu,
 * except right after an answer that proposed a date (はい: 確認日 today), which Enter accepts.
 * w opens the walk-through (walk.c) on the same state; A turns auto-advance on or off (per user).
 * Opening an assessment returns to the item the acting user last visited (assess/user_state.h).
 *
 * This file: the screen ops, key handling, the tree column and the constructors. The model is in
 * navigator_tree.c, the detail pane in navigator_detail.c, changes in navigator_edit.c (see
 * navigator.h). Every change is one core call = one transaction (assess_answer_set /
 * assess_undo); the handler then returns RES_RELOAD and the reload op reads back what changed
 * (navigator_tree.c, nav_reload) - as it does when another process writes to the database. */
#include <stdlib.h>

#include "draw.h"
#include "msg.h"
#include "navigator.h"
#include "screens.h"
#include "text/lib.h"

static const keymap nav_keys;

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
        free(fy);
    } else {
        sb_addf(sb, "%s (%s@%s)", t, st->cat->id, st->cat->version);
    }
}

/* Who is answering and the sign-off state stay at the right of the title bar (app.c cuts the
 * titles first): [入力者: 医療機関] [未承認]. */
static void badges(screen *s, app *a, strbuf *sb)
{
    nav_state *st = s->priv;
    (void)a;
    if (!st->aid)
        return;
    role sr;
    const char *signed_mark = signoff_state_label(&st->as, true, &sr);
    sb_addf(sb, "[%s: %s] [%s]", L(EDIT_PARTY), nav_party_label(st->party), signed_mark ? signed_mark : L(UNSIGNED));
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
            x = draw_put(w, y, x, r.x + lw, st->nodes[idx].collapsed ? "+ " : "- ", sel ? base : ROLE_DIM);
        } else if (st->aid) {
            role gr;
            char g[3] = {nav_glyph(st, idx, &gr), ' ', 0};
            x = draw_put(w, y, x, r.x + lw, g, sel ? base : gr);
        } else {
            x = draw_put(w, y, x, r.x + lw, "  ", base);
        }
        char *count = NULL;
        int limit = r.x + lw;
        if (heading && st->nodes[idx].items_below > 0) {
            count = st->aid ? xasprintf(" %d/%d", st->nodes[idx].answered_below, st->nodes[idx].items_below)
                            : xasprintf(" %d", st->nodes[idx].items_below);
            limit -= text_width(count);
        } else if (!heading && st->nprops && nav_proposal_of(st, idx)) {
            count = xasprintf(" %s", L(PROPOSAL_MARK));
            limit -= text_width(count);
        }
        if (n->ref)
            x = draw_put(w, y, x, limit, n->ref, sel ? base : (heading ? ROLE_HEADING : ROLE_LABEL));
        /* The space takes the title's role: a bold space looks the same as a plain one, and a
         * heading row then needs no attribute change between its (bold) reference and title. */
        role title_role = sel ? base : (heading ? ROLE_HEADING : ROLE_NORMAL);
        x = draw_put(w, y, x, limit, " ", title_role);
        draw_put(w, y, x, limit, nav_node_label(n, a->english), title_role);
        if (count) {
            draw_put(w, y, limit, r.x + lw, count, sel ? base : heading ? ROLE_DIM : ROLE_KEY);
            free(count);
        }
    }
    nav_detail_draw(st, a, w, (rect){.y = r.y, .x = rx, .h = r.h, .w = rw});
}

/* ---------- keys ---------- */

/* When Up/Down steps off the visible rows, the tree jumps by three quarters of a screen: going
 * down the selection lands a quarter of the pane from the top (from the bottom going up), so the
 * rows just passed stay in view, as a pager's page with overlap. A one-row scroll shifts every row of the
 * tree column, and since the detail pane shares those lines the terminal's insert/delete line
 * cannot move them (idlok makes no difference), so such a key rewrites the whole column
 * (~1.3 KB): one-row scrolling measured 745 bytes per Down on average, half a screen 552, three
 * quarters 536 (anzen-bench, 60 x Down at 80x24). */
static void scroll_on(list_state *l, int dir)
{
    int quarter = (l->height - 1) / 4;
    l->top = dir > 0 ? l->sel - quarter : l->sel - (l->height - 1 - quarter);
    list_select(l, l->sel); /* clamps top to the rows there are */
}

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

/* An answer from the tree: with the user's auto-advance on, the reload moves on to the next open
 * item (nav_state.advance_from; the rule is core's, walk.h). */
static void answer_item(nav_state *st, app *a, int node, const answer_def *d)
{
    if (d)
        nav_set_answer(st, a, node, d);
    else
        nav_answer_menu(st, a, node);
    if (st->auto_advance && (st->load & NAV_LOAD_ANSWERS))
        st->advance_from = node;
}

/* A key meant for an item (an answer key, a date, the party, a note...) pressed on a heading does
 * nothing there: the status line says so instead of staying silent. */
static int heading_says_why(nav_state *st, app *a, int node, const tui_event *ev)
{
    static const action item_only[] = {ACT_ANSWER, ACT_CLEAR_ANSWER, ACT_DATE_CHECKED, ACT_DATE_DUE, ACT_DATE_DONE,
                                       ACT_PARTY,  ACT_VENDOR,       ACT_NOTE,         ACT_NOTE_EDITOR, ACT_EVIDENCE};
    bool meant_for_item = node >= 0 && nav_answer_for_key(st, ev->key) != NULL;
    for (size_t i = 0; i < AZ_ARRAY_LEN(item_only) && node >= 0; i++)
        meant_for_item |= ev->act == item_only[i];
    if (!meant_for_item)
        return RES_IGNORED;
    const catalog_node *n = &st->cat->nodes[node];
    char *what = xasprintf("%s%s%s", n->ref ? n->ref : "", n->ref ? " " : "", nav_node_label(n, a->english));
    char *m = msgf(MSG_KEY_ON_HEADING, what);
    app_status(a, ROLE_STATUS_ERR, "%s", m);
    free(m);
    free(what);
    return RES_HANDLED;
}

static int handle_key(screen *s, app *a, const tui_event *ev)
{
    nav_state *st = s->priv;
    int node = nav_selected_node(st);
    bool item = node >= 0 && st->cat->nodes[node].kind == NODE_ITEM;
    if (nav_offer_take(st, a, ev->key)) /* Enter right after an answer: the date proposed */
        return RES_HANDLED;
    /* n / N during a search */
    if (st->query && (ev->key == 'n' || ev->key == 'N')) {
        nav_search_step(st, a, ev->key == 'n' ? 1 : -1, false);
        return RES_HANDLED;
    }
    /* One-key answers: after this screen's own keys, before the global ones - except x (export),
     * which a catalog's answer key (x = 対象外) wins over on an item; ^X always exports. */
    action own = keymap_lookup_local(&nav_keys, ev->key);
    if (st->aid && item && (own == ACT_NONE || (own == ACT_EXPORT && ev->key == 'x'))) {
        const answer_def *d = nav_answer_for_key(st, ev->key);
        if (d) {
            answer_item(st, a, node, d);
            return RES_HANDLED;
        }
    }
    if (st->focus_detail && handle_detail_focus(st, ev) == RES_HANDLED)
        return RES_HANDLED;
    if (!st->focus_detail) {
        int top = st->tree.top;
        if (list_handle(&st->tree, ev->act)) {
            if ((ev->act == ACT_UP || ev->act == ACT_DOWN) && st->tree.top != top)
                scroll_on(&st->tree, ev->act == ACT_DOWN ? 1 : -1);
            return RES_HANDLED;
        }
    }
    switch (ev->act) {
    case ACT_FOCUS:
        st->focus_detail = !st->focus_detail;
        return RES_HANDLED;
    case ACT_OPEN:
    case ACT_TOGGLE:
        if (node >= 0 && !item) {
            st->nodes[node].collapsed = !st->nodes[node].collapsed;
            nav_rebuild_rows(st);
        } else if (ev->act == ACT_OPEN && item && st->aid) {
            answer_item(st, a, node, NULL);
        } else if (ev->act == ACT_OPEN) {
            st->focus_detail = true;
        }
        return RES_HANDLED;
    case ACT_EXPAND:
        if (node >= 0 && !item && st->nodes[node].collapsed) {
            st->nodes[node].collapsed = false;
            nav_rebuild_rows(st);
        } else if (item) {
            st->focus_detail = true;
        }
        return RES_HANDLED;
    case ACT_COLLAPSE:
        if (node >= 0 && !item && !st->nodes[node].collapsed) {
            st->nodes[node].collapsed = true;
            nav_rebuild_rows(st);
        } else if (node >= 0 && st->nodes[node].parent >= 0) {
            nav_select_node(st, st->nodes[node].parent);
        }
        return RES_HANDLED;
    case ACT_EXPAND_ALL: {
        bool any_open = false;
        for (size_t i = 0; i < st->cat->nnodes; i++)
            if (st->cat->nodes[i].kind == NODE_HEADING && !st->nodes[i].collapsed && st->nodes[i].parent < 0)
                any_open = true;
        for (size_t i = 0; i < st->cat->nnodes; i++)
            st->nodes[i].collapsed = any_open && st->cat->nodes[i].kind == NODE_HEADING;
        nav_rebuild_rows(st);
        return RES_HANDLED;
    }
    case ACT_SEARCH: {
        char *q = NULL;
        if (app_prompt(a, L(SEARCH_PROMPT), st->query_raw ? st->query_raw : "", &q)) {
            nav_search_clear(st);
            if (*q) {
                st->query_raw = q;
                st->query = text_fold(q);
                nav_search_step(st, a, 1, true);
            } else {
                free(q);
            }
        }
        return RES_HANDLED;
    }
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV:
        if (st->query)
            nav_search_step(st, a, ev->act == ACT_SEARCH_NEXT ? 1 : -1, false);
        return RES_HANDLED;
    case ACT_BACK:
        if (ev->key == KEY_ESC && st->query) {
            nav_search_clear(st);
            app_status(a, ROLE_STATUS, "%s", L(SEARCH_CLEARED));
            return RES_HANDLED;
        }
        if (ev->key == KEY_ESC && st->filter != FILTER_ALL) {
            st->filter = FILTER_ALL;
            nav_apply_filter(st, a);
            return RES_HANDLED;
        }
        return RES_IGNORED;
    default:
        break;
    }
    if (!st->aid)
        return RES_IGNORED;
    switch (ev->act) {
    case ACT_FILTER: nav_filter_menu(st, a); return RES_HANDLED;
    case ACT_UNDO: nav_do_undo(st, a); return RES_HANDLED;
    case ACT_PROPOSALS: {
        screen *ps = proposals_screen_new(a, st->aid);
        if (ps)
            app_push(a, ps);
        return RES_HANDLED;
    }
    case ACT_HISTORY: {
        screen *hs = history_screen_new(a, st->aid);
        if (hs)
            app_push(a, hs);
        return RES_HANDLED;
    }
    case ACT_SIGNOFF:
        if (signoff_run(a, st->aid))
            st->load |= NAV_LOAD_ASSESSMENT;
        return RES_HANDLED;
    case ACT_FIELDS:
        fields_form_open(a, st->aid);
        return RES_HANDLED;
    case ACT_EXPORT: {
        screen *ex = export_screen_new(a, st->aid);
        if (ex)
            app_push(a, ex);
        return RES_HANDLED;
    }
    case ACT_WALK:
        app_push(a, walk_screen_new(a, st));
        return RES_HANDLED;
    case ACT_WORKSHOP: {
        int sel = nav_selected_node(st);
        screen *ws = workshop_screen_new(a, st->aid, sel >= 0 ? st->cat->nodes[sel].id : NULL);
        if (ws)
            app_push(a, ws);
        return RES_HANDLED;
    }
    case ACT_AUTO_ADVANCE:
        nav_toggle_auto_advance(st, a);
        return RES_HANDLED;
    case ACT_EDIT_PARTY:
        st->party = (answer_party)((st->party + 1) % PARTY__COUNT);
        st->detail_stale = true;
        app_status(a, ROLE_STATUS_OK, "%s: %s", L(EDIT_PARTY), nav_party_label(st->party));
        return RES_HANDLED;
    default: break;
    }
    if (!item)
        return heading_says_why(st, a, node, ev);
    switch (ev->act) {
    case ACT_ANSWER: answer_item(st, a, node, NULL); return RES_HANDLED;
    case ACT_CLEAR_ANSWER: nav_set_answer(st, a, node, NULL); return RES_HANDLED;
    case ACT_DATE_CHECKED: nav_set_date(st, a, node, DATE_CHECKED); return RES_HANDLED;
    case ACT_DATE_DUE: nav_set_date(st, a, node, DATE_DUE); return RES_HANDLED;
    case ACT_DATE_DONE: nav_set_date(st, a, node, DATE_DONE); return RES_HANDLED;
    case ACT_PARTY: nav_cycle_owner(st, a, node); return RES_HANDLED;
    case ACT_VENDOR: nav_cycle_vendor(st, a, node); return RES_HANDLED;
    case ACT_NOTE: nav_edit_note(st, a, node, false); return RES_HANDLED;
    case ACT_NOTE_EDITOR: nav_edit_note(st, a, node, true); return RES_HANDLED;
    case ACT_EVIDENCE: nav_edit_evidence(st, a, node); return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

/* A change (st->load) or a new selection (its history and proposals are read with it) asks the
 * app for a reload before the next key and the next draw. */
static int handle(screen *s, app *a, const tui_event *ev)
{
    nav_state *st = s->priv;
    int r = handle_key(s, a, ev);
    if (r != RES_IGNORED && (st->load || nav_selected_node(st) != st->sel.node))
        r |= RES_RELOAD;
    if (st->aid && nav_selected_node(st) >= 0)
        st->visited = nav_selected_node(st);
    return r;
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
        sl_push(texts, L(HELP_ENTER_OFFER));
    }
    sl_push(keys, "n N");
    sl_push(texts, L(HELP_SEARCH_NN));
    /* the marks of the tree (nav_glyph): 対象外 '/' apart from a heading's '-' */
    if (st->aid) {
        sl_push(keys, "o ~ x / ! .");
        sl_push(texts, L(HELP_GLYPHS));
    }
    sl_push(keys, "+ -");
    sl_push(texts, L(HELP_HEADING_MARKS));
}

static void reload(screen *s, app *a, unsigned why)
{
    nav_state *st = s->priv;
    nav_reload(st, a, why);
    nav_user_advance(st, a);
}

static void done(screen *s)
{
    nav_state *st = s->priv;
    nav_user_save(st);
    free(st->visited_saved);
    for (size_t i = 0; i < st->cat->nnodes; i++) {
        free(st->nodes[i].folded);
        if (st->nodes[i].links_loaded)
            node_link_free(st->nodes[i].links, st->nodes[i].nlinks);
    }
    free(st->nodes);
    nav_selected_free(st);
    nav_detail_clear(st);
    free(st->detail);
    free(st->rows);
    nav_search_clear(st);
    catalog_free(st->cat);
    if (st->aid) {
        answer_set_free(&st->answers);
        proposal_list_free(st->props, st->nprops);
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
    {'w', ACT_WALK},
    {'A', ACT_AUTO_ADVANCE},
    {'f', ACT_FILTER},
    {'S', ACT_SIGNOFF},
    {'X', ACT_PROPOSALS},
    {'H', ACT_HISTORY},
    {KEY_FN(KEY_DC), ACT_CLEAR_ANSWER},
    {KEY_FN(KEY_BACKSPACE), ACT_CLEAR_ANSWER},
    {'F', ACT_FIELDS},
    {'x', ACT_EXPORT},
    {KEY_CTRL('x'), ACT_EXPORT},
    {127, ACT_CLEAR_ANSWER},
    {'W', ACT_WORKSHOP},
};
static const keymap nav_keys = {.name = "navigator", .binds = nav_binds, .len = AZ_ARRAY_LEN(nav_binds)};
/* Browsing a catalog: the movement keys only (the first 8). */
static const keymap browse_keys = {.name = "browse", .binds = nav_binds, .len = 8};

static const screen_ops nav_ops = {
    .name = "navigator",
    .keys = &nav_keys,
    .title = title,
    .badges = badges,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .help_extra = help_extra,
    .reload = reload,
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
    .reload = reload,
    .done = done,
};

static screen *nav_new(app *a, catalog *c, int64_t aid)
{
    nav_state *st = xcalloc(1, sizeof *st);
    st->cat = c;
    st->aid = aid;
    st->detail_node = -1;
    st->fields_entered = -1;
    st->today = jpdate_today();
    jpdate_format_iso(st->today, st->today_iso);
    st->app = a;
    st->visited = -1;
    st->advance_from = -1;
    st->changed_node = -1;
    st->sel.node = -1;
    st->nodes = xcalloc(c->nnodes + 1, sizeof *st->nodes);
    for (size_t i = 0; i < c->nnodes; i++) {
        st->nodes[i].parent = (int)catalog_node_parent(c, i); /* the catalog's parent index */
        st->nodes[i].prop = -1;
    }
    screen *s = xcalloc(1, sizeof *s);
    s->ops = aid ? &nav_ops : &browse_ops;
    s->priv = st;
    if (aid) {
        st->load = NAV_LOAD_ALL;
    } else {
        nav_recount(st);
        nav_rebuild_rows(st);
    }
    nav_reload(st, a, 0);
    if (aid)
        nav_user_resume(st, a);
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
    status_detail err = {0};
    if (assess_get_row(a->st, assessment_id, &as, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return NULL;
    }
    catalog *c = catalog_db_load(a->st, as.catalog_id, as.catalog_version);
    assessment_free(&as);
    return c ? nav_new(a, c, assessment_id) : NULL;
}
