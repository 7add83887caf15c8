/* The walk-through: one item per screen, on to the next open item after each answer.
 *
 * A screen over the navigator's state (nav_state, borrowed: the navigator is below it on the
 * stack and outlives it), so the answer keys, the commits and the reload are the navigator's own
 * (nav_set_answer, nav_set_date …, nav_reload); "open" is core's rule (assess/walk.h) with the
 * tree's filter: unanswered, or what the filter lets through. After an answer the reload moves to
 * the next open item; an answer that the form dates (はい: 確認日, いいえ: 目標日) leaves the
 * date proposed on the status line, and Enter, the next key, takes it. s / Right skip, b / Left
 * go back to the item shown before, Esc / q / w / Tab leave to the tree at the same item.
 *
 * Rows: the progress line, the path of headings, the card's body (scrolls: Up/Down/PgUp/PgDn),
 * a rule with the scroll position, the answer bar (in a workshop the other parties' answers
 * beside the one being entered), the answer keys. */
#include <stdlib.h>

#include "draw.h"
#include "msg.h"
#include "screens.h"
#include "text/lib.h"
#include "walk.h"

typedef struct {
    nav_state *nav;
    int cur;     /* the item on the card */
    int *trail;  /* the items shown before, for b */
    size_t ntrail, captrail;
    int top;     /* first body line shown */
    int body_h;  /* body rows at the last draw (a page) */
    bool advance; /* answered: the reload moves on */
    walk_card card;
    bool card_stale;
} walk_state;

static const keymap walk_keys;

/* ---------- moving ---------- */

static void show(walk_state *w, app *a, int node, bool remember)
{
    if (node < 0 || node == w->cur)
        return;
    if (remember && w->cur >= 0) {
        GROW(w->trail, w->captrail, w->ntrail + 1);
        w->trail[w->ntrail++] = w->cur;
    }
    w->cur = node;
    w->top = 0;
    w->nav->visited = node;
    nav_load_links(w->nav, a, node); /* handlers and reload may read; drawing may not */
    w->card_stale = true;
}

/* The next (dir 1) or previous (-1) item in catalog order from node, -1 at the end. */
static int item_after(const nav_state *st, int node, int dir)
{
    for (int i = node + dir; i >= 0 && i < (int)st->cat->nnodes; i += dir)
        if (st->cat->nodes[i].kind == NODE_ITEM)
            return i;
    return -1;
}

static void skip(walk_state *w, app *a)
{
    int next = nav_next_open(w->nav, w->cur, 1);
    if (next < 0 || next == w->cur) { /* nothing else open: page through in catalog order */
        next = item_after(w->nav, w->cur, 1);
        if (next < 0)
            next = item_after(w->nav, -1, 1);
    }
    show(w, a, next, true);
}

static void back(walk_state *w, app *a)
{
    if (w->ntrail > 0) {
        show(w, a, w->trail[--w->ntrail], false);
        return;
    }
    show(w, a, item_after(w->nav, w->cur, -1), false);
}

/* ---------- drawing ---------- */

static void title(screen *s, app *a, strbuf *sb)
{
    (void)s;
    (void)a;
    sb_add(sb, L(WALK_TITLE));
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(WALK_HINT);
}

/* 「12/22 回答済み・残り10・超過2」, the filter and how many it lets through, the card's place. */
static void draw_progress(walk_state *w, WINDOW *win, int y, int x, int limit)
{
    nav_state *st = w->nav;
    walk_filter f = nav_walk_filter(st);
    walk_counts c = walk_count(st->cat, &st->answers, &f, st->today_iso);
    char *p = msgf(MSG_WALK_PROGRESS, c.answered, c.items, c.remaining, c.overdue);
    int cx = draw_put(win, y, x, limit, p, ROLE_HEADING);
    free(p);
    if (st->filter != FILTER_ALL) {
        char *owned;
        char *t = msgf(MSG_WALK_FILTERED, nav_filter_label(st, &owned), c.open);
        cx = draw_put(win, y, cx, limit, "  ", ROLE_NORMAL);
        cx = draw_put(win, y, cx, limit, t, ROLE_KEY);
        free(t);
        free(owned);
    }
    if (c.open == 0) {
        cx = draw_put(win, y, cx, limit, "  ", ROLE_NORMAL);
        cx = draw_put(win, y, cx, limit, L(WALK_ALL_DONE), ROLE_POSITIVE);
    }
    int ordinal = 0; /* the item's place among all items: [5/22] */
    for (int i = 0; i <= w->cur; i++)
        if (st->cat->nodes[i].kind == NODE_ITEM)
            ordinal++;
    char *pos = xasprintf("[%d/%d]", ordinal, c.items);
    int pw = text_width(pos);
    if (limit - pw > cx + 1)
        draw_put(win, y, limit - pw, limit, pos, ROLE_DIM);
    free(pos);
}

static void draw_keys(walk_state *w, app *a, WINDOW *win, int y, int x, int limit)
{
    const catalog *c = w->nav->cat;
    int cx = x;
    for (size_t i = 0; i < c->nanswers; i++) {
        if (!c->answers[i].key)
            continue;
        char k[3] = {c->answers[i].key, ':', 0};
        cx = draw_put(win, y, cx, limit, k, ROLE_KEY);
        cx = draw_put(win, y, cx, limit, i18n_get(&c->answers[i].label, a->english), ROLE_KEY);
        cx = draw_put(win, y, cx, limit, "  ", ROLE_NORMAL);
    }
    draw_put(win, y, cx, limit, L(WALK_KEYS), ROLE_DIM);
}

static void draw(screen *s, app *a, WINDOW *win, rect r)
{
    walk_state *w = s->priv;
    nav_state *st = w->nav;
    int x = r.x + 1, limit = r.x + r.w - 1, width = limit - x;
    if (w->card_stale || w->card.node != w->cur || w->card.width != width) {
        walk_card_build(&w->card, st, a, w->cur, width);
        w->card_stale = false;
    }
    draw_progress(w, win, r.y, x, limit);
    char *path = walk_card_path(st, w->cur, a->english);
    draw_put(win, r.y + 1, x, limit, path, ROLE_DIM);
    free(path);
    int body_y = r.y + 2;
    w->body_h = r.h - 5;
    if (w->top > w->card.n - w->body_h)
        w->top = w->card.n - w->body_h;
    if (w->top < 0)
        w->top = 0;
    for (int i = 0; i < w->body_h && w->top + i < w->card.n; i++)
        draw_put(win, body_y + i, x, limit, w->card.lines[w->top + i].text, w->card.lines[w->top + i].r);
    /* the rule, with where the body is when it does not fit */
    int rule_y = r.y + r.h - 3;
    theme_apply(win, ROLE_BORDER);
    mvwhline(win, rule_y, r.x, '-', r.w);
    theme_apply(win, ROLE_NORMAL);
    if (w->card.n > w->body_h) {
        int last = w->top + w->body_h < w->card.n ? w->top + w->body_h : w->card.n;
        char *m = msgf(MSG_WALK_LINES, w->top + 1, last, w->card.n);
        int mw = text_width(m);
        draw_put(win, rule_y, limit - mw, limit, m, ROLE_KEY);
        free(m);
    }
    walk_card_draw_bar(st, a, win, r.y + r.h - 2, x, limit, w->cur);
    draw_keys(w, a, win, r.y + r.h - 1, x, limit);
}

/* ---------- keys ---------- */

/* An answer: committed by the navigator; the reload then moves on. */
static void answer_item(walk_state *w, app *a, const answer_def *d)
{
    if (d)
        nav_set_answer(w->nav, a, w->cur, d);
    else
        nav_answer_menu(w->nav, a, w->cur);
    if (w->nav->load & NAV_LOAD_ANSWERS)
        w->advance = true;
}

static int scroll_card(walk_state *w, action act)
{
    int page = w->body_h > 1 ? w->body_h - 1 : 1;
    switch (act) {
    case ACT_UP: w->top--; break;
    case ACT_DOWN: w->top++; break;
    case ACT_PAGE_UP: w->top -= page; break;
    case ACT_PAGE_DOWN: w->top += page; break;
    case ACT_HOME: w->top = 0; break;
    case ACT_END: w->top = w->card.n; break;
    default: return RES_IGNORED;
    }
    if (w->top < 0)
        w->top = 0; /* the end is clamped when drawing, where the height is known */
    return RES_HANDLED;
}

static int handle_key(walk_state *w, app *a, const tui_event *ev)
{
    nav_state *st = w->nav;
    if (nav_offer_take(st, a, ev->key)) /* Enter right after an answer: the date proposed */
        return RES_HANDLED;
    /* The catalog's answer keys, after this screen's own keys but before s and b (a catalog may
     * bind them; Right and Left still skip and go back). */
    action own = keymap_lookup_local(&walk_keys, ev->key);
    if (own == ACT_NONE || own == ACT_SKIP || own == ACT_PREV_ITEM) {
        const answer_def *d = nav_answer_for_key(st, ev->key);
        if (d) {
            answer_item(w, a, d);
            return RES_HANDLED;
        }
    }
    if (scroll_card(w, ev->act) == RES_HANDLED)
        return RES_HANDLED;
    switch (ev->act) {
    case ACT_SKIP: skip(w, a); return RES_HANDLED;
    case ACT_PREV_ITEM: back(w, a); return RES_HANDLED;
    case ACT_OPEN: answer_item(w, a, NULL); return RES_HANDLED;
    case ACT_BACK:
    case ACT_TREE:
        nav_reveal(st, w->cur); /* the tree at the same item */
        return RES_CLOSE;
    case ACT_FILTER: {
        filter_kind before = st->filter;
        nav_filter_menu(st, a);
        if (st->filter != before) { /* walk through what the filter lets through */
            walk_filter f = nav_walk_filter(st);
            if (!walk_item_open(st->cat, &st->cat->nodes[w->cur], &st->answers, &f, st->today_iso))
                show(w, a, nav_next_open(st, w->cur, 1), true);
            w->card_stale = true;
        }
        return RES_HANDLED;
    }
    case ACT_DATE_CHECKED: nav_set_date(st, a, w->cur, DATE_CHECKED); return RES_HANDLED;
    case ACT_DATE_DUE: nav_set_date(st, a, w->cur, DATE_DUE); return RES_HANDLED;
    case ACT_DATE_DONE: nav_set_date(st, a, w->cur, DATE_DONE); return RES_HANDLED;
    case ACT_PARTY: nav_cycle_owner(st, a, w->cur); return RES_HANDLED;
    case ACT_VENDOR: nav_cycle_vendor(st, a, w->cur); return RES_HANDLED;
    case ACT_NOTE: nav_edit_note(st, a, w->cur, false); return RES_HANDLED;
    case ACT_NOTE_EDITOR: nav_edit_note(st, a, w->cur, true); return RES_HANDLED;
    case ACT_EVIDENCE: nav_edit_evidence(st, a, w->cur); return RES_HANDLED;
    case ACT_CLEAR_ANSWER: nav_set_answer(st, a, w->cur, NULL); return RES_HANDLED;
    case ACT_UNDO: nav_do_undo(st, a); return RES_HANDLED;
    case ACT_EDIT_PARTY:
        st->party = (answer_party)((st->party + 1) % PARTY__COUNT);
        w->card_stale = true;
        app_status(a, ROLE_STATUS_OK, "%s: %s", L(EDIT_PARTY), nav_party_label(st->party));
        return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    walk_state *w = s->priv;
    int r = handle_key(w, a, ev);
    if (r != RES_IGNORED && !(r & RES_CLOSE) && (w->nav->load || w->advance))
        r |= RES_RELOAD;
    return r;
}

/* The navigator's reload (answers, assessment, vendors as they changed), then the next open item
 * after an answer. */
static void reload(screen *s, app *a, unsigned why)
{
    walk_state *w = s->priv;
    nav_state *st = w->nav;
    nav_reload(st, a, why);
    if (w->advance) {
        w->advance = false;
        show(w, a, nav_next_open(st, w->cur, 1), true);
    }
    nav_load_links(st, a, w->cur);
    w->card_stale = true;
}

static void help_extra(screen *s, app *a, strlist *keys, strlist *texts)
{
    walk_state *w = s->priv;
    for (size_t i = 0; i < w->nav->cat->nanswers; i++) {
        const answer_def *d = &w->nav->cat->answers[i];
        if (!d->key)
            continue;
        char k[2] = {d->key, 0};
        sl_push(keys, k);
        sl_push_owned(texts, xasprintf("%s: %s", L(ANSWER), i18n_get(&d->label, a->english)));
    }
    sl_push(keys, "Enter");
    sl_push(texts, L(HELP_ENTER_OFFER));
}

static void done(screen *s)
{
    walk_state *w = s->priv;
    w->nav->visited = w->cur; /* leaving anzen from here: the navigator saves this place */
    walk_card_free(&w->card);
    free(w->trail);
    free(w);
}

static const keybind walk_binds[] = {
    {'s', ACT_SKIP},
    {KEY_FN(KEY_RIGHT), ACT_SKIP},
    {'b', ACT_PREV_ITEM},
    {KEY_FN(KEY_LEFT), ACT_PREV_ITEM},
    {'w', ACT_TREE},
    {'\t', ACT_TREE},
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
static const keymap walk_keys = {.name = "walk", .binds = walk_binds, .len = AZ_ARRAY_LEN(walk_binds)};

static const screen_ops walk_ops = {
    .name = "walk",
    .keys = &walk_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .help_extra = help_extra,
    .reload = reload,
    .done = done,
};

screen *walk_screen_new(app *a, nav_state *st)
{
    walk_state *w = xcalloc(1, sizeof *w);
    w->nav = st;
    w->cur = -1;
    w->card.node = -1;
    int sel = nav_selected_node(st), start = -1;
    walk_filter f = nav_walk_filter(st);
    if (sel >= 0 && walk_item_open(st->cat, &st->cat->nodes[sel], &st->answers, &f, st->today_iso))
        start = sel;
    else
        start = nav_next_open(st, sel, 1);
    if (start < 0) { /* nothing open: the selected item (or the first) all the same */
        start = sel >= 0 && st->cat->nodes[sel].kind == NODE_ITEM ? sel : item_after(st, sel, 1);
        if (start < 0)
            start = item_after(st, -1, 1);
        const catalog_node *n = start >= 0 ? &st->cat->nodes[start] : NULL;
        char *m = msgf(MSG_WALK_NOTHING_OPEN, n ? (n->ref ? n->ref : n->id) : "-");
        app_status(a, ROLE_STATUS, "%s", m);
        free(m);
    }
    show(w, a, start, false);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &walk_ops;
    s->priv = w;
    return s;
}
