/* The workshop: one assessment's hospital, vendor and agreed answers side by side, per item
 * (core/exchange/reconcile.h), and agreeing on each one: h takes the hospital's answer, v the
 * vendor's, Enter a value chosen from the catalog's answers. Every agreement is one
 * reconcile_agree (one transaction with its history row, undoable with u) that records the acting
 * user and the counterpart named with w - asked at the first agreement and kept in the app for
 * the rest of the session, so a workshop does not retype it per item.
 *
 * Layout: a counts line (states, agreed, filter, counterpart), a column header, the rows, and
 * three lines on the selected item (the agreement with both names and the time, each side's
 * dates and note). Below 100 columns a row takes two lines - the item with its state and agreed
 * value above, hospital and vendor in two columns below; from 100 columns one line with the
 * title, the state and three value columns. Differences are drawn as warnings.
 *
 * i imports the vendor's filled file (the --for-vendor workbook or the checklist CSV: core's
 * answers_import_file, as anzen import answers) into this assessment: a dry run first, whose
 * counts are asked about with y/n, then the import in one transaction and the view read again.
 * The workshop's assessment is always given, so a CSV needs nothing more and another
 * assessment's workbook is refused. */
#include <stdlib.h>
#include <string.h>

#include "catalog/lib.h"
#include "draw.h"
#include "exchange/lib.h"
#include "list.h"
#include "msg.h"
#include "navigator.h"
#include "screens.h"
#include "text/lib.h"

typedef enum { WS_ALL, WS_DIFFERENT, WS_ONE_SIDED, WS__FILTERS } ws_filter;

typedef struct {
    int64_t aid;
    reconcile_view view;
    bool loaded;
    ws_filter filter;
    int *vis; /* indices into view.rows that the filter lets through */
    size_t nvis;
    list_state sel;
    char *keep_item; /* the item to select after a reload */
} ws_state;

static const keymap ws_keys;

/* ---------- loading ---------- */

static const reconcile_row *selected(const ws_state *st)
{
    return st->nvis ? &st->view.rows[st->vis[st->sel.sel]] : NULL;
}

static bool passes(ws_filter f, const reconcile_row *row)
{
    switch (f) {
    case WS_DIFFERENT: return row->state == RECONCILE_DIFFERENT;
    case WS_ONE_SIDED: return row->state == RECONCILE_ONLY_HOSPITAL || row->state == RECONCILE_ONLY_VENDOR;
    default: return true;
    }
}

static void apply_filter(ws_state *st)
{
    free(st->vis);
    st->vis = xcalloc(st->view.nrows + 1, sizeof *st->vis);
    st->nvis = 0;
    int want = 0;
    for (size_t i = 0; i < st->view.nrows; i++) {
        if (!passes(st->filter, &st->view.rows[i]))
            continue;
        if (st->keep_item && str_eq(st->view.rows[i].node->id, st->keep_item))
            want = (int)st->nvis;
        st->vis[st->nvis++] = (int)i;
    }
    list_set_count(&st->sel, (int)st->nvis);
    list_select(&st->sel, want);
}

static void remember_selection(ws_state *st)
{
    const reconcile_row *row = selected(st);
    if (row) {
        free(st->keep_item);
        st->keep_item = xstrdup(row->node->id);
    }
}

static bool load(ws_state *st, app *a)
{
    remember_selection(st);
    reconcile_view_free(&st->view);
    st->loaded = false;
    status_detail err = {0};
    if (reconcile_load(a->st, st->aid, 0, &st->view, &err) != STATUS_OK) {
        app_status_error(a, &err);
        free(st->vis);
        st->vis = NULL;
        st->nvis = 0;
        list_set_count(&st->sel, 0);
        return false;
    }
    st->loaded = true;
    apply_filter(st);
    return true;
}

/* ---------- labels ---------- */

static const char *state_label(reconcile_state s)
{
    switch (s) {
    case RECONCILE_EQUAL: return L(WS_STATE_EQUAL);
    case RECONCILE_DIFFERENT: return L(WS_STATE_DIFFERENT);
    case RECONCILE_ONLY_HOSPITAL: return L(WS_STATE_ONLY_HOSPITAL);
    case RECONCILE_ONLY_VENDOR: return L(WS_STATE_ONLY_VENDOR);
    default: return L(WS_STATE_NONE);
    }
}

static role state_role(reconcile_state s)
{
    switch (s) {
    case RECONCILE_EQUAL: return ROLE_POSITIVE;
    case RECONCILE_DIFFERENT: return ROLE_WARNING;
    case RECONCILE_ONLY_HOSPITAL:
    case RECONCILE_ONLY_VENDOR: return ROLE_PARTIAL;
    default: return ROLE_DIM;
    }
}

static const char *filter_label(ws_filter f)
{
    switch (f) {
    case WS_DIFFERENT: return L(WS_FILTER_DIFFERENT);
    case WS_ONE_SIDED: return L(WS_FILTER_ONE_SIDED);
    default: return L(WS_FILTER_ALL);
    }
}

static const char *value_label(const ws_state *st, const answer *x, bool en)
{
    if (!x || str_empty(x->value))
        return "-";
    const answer_def *d = catalog_find_answer(st->view.cat, x->value);
    return d ? i18n_get(&d->label, en) : x->value;
}

static const char *ref_of(const catalog_node *n)
{
    return n->ref ? n->ref : n->id;
}

/* The agreed value's role: current, older than a side's later change, or none. */
static role agreed_role(const reconcile_row *row)
{
    if (!row->agreed || str_empty(row->agreed->value))
        return ROLE_DIM;
    return row->agreed_current ? ROLE_POSITIVE : ROLE_WARNING;
}

/* ---------- drawing ---------- */

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    ws_state *st = s->priv;
    char *t = msgf(MSG_WS_TITLE, (long long)st->aid);
    sb_add(sb, t);
    free(t);
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(WS_HINT);
}

static void draw_counts(ws_state *st, WINDOW *w, int y, int x, int limit)
{
    const reconcile_view *v = &st->view;
    char *c = msgf(MSG_WS_COUNTS, v->count[RECONCILE_DIFFERENT],
                   v->count[RECONCILE_ONLY_HOSPITAL] + v->count[RECONCILE_ONLY_VENDOR], v->count[RECONCILE_EQUAL],
                   v->count[RECONCILE_NONE], v->agreed);
    int cx = draw_put(w, y, x, limit, c, ROLE_HEADING);
    free(c);
    char *f = msgf(MSG_WS_FILTER, filter_label(st->filter));
    draw_put(w, y, cx + 2, limit, f, st->filter == WS_ALL ? ROLE_DIM : ROLE_KEY);
    free(f);
}

/* The rule above the footer, with the counterpart on it. */
static void draw_rule(app *a, WINDOW *w, int y, rect r)
{
    theme_apply(w, ROLE_BORDER);
    mvwhline(w, y, r.x, '-', r.w);
    theme_apply(w, ROLE_NORMAL);
    char *with = a->counterpart ? msgf(MSG_WS_WITH, a->counterpart) : xstrdup(L(WS_WITH_NONE));
    int cx = draw_put(w, y, r.x + 2, r.x + r.w - 2, " ", ROLE_NORMAL);
    cx = draw_put(w, y, cx, r.x + r.w - 3, with, ROLE_LABEL);
    draw_put(w, y, cx, r.x + r.w - 2, " ", ROLE_NORMAL);
    free(with);
}

enum { W_REF = 7, W_STATE = 13, W_VALUE = 14, WIDE_COLS = 100 };

static void draw_header(WINDOW *w, int y, int x, int width, bool wide)
{
    int w_title = width - (W_REF + 1) - (W_STATE + 1) - 3 * (W_VALUE + 1);
    if (wide) {
        int cx = x;
        draw_text(w, y, cx, W_REF + 1 + w_title, L(ITEM), ROLE_HEADER);
        cx += W_REF + 1 + w_title + 1;
        draw_text(w, y, cx, W_STATE, L(CAT_STATUS), ROLE_HEADER);
        cx += W_STATE + 1;
        draw_text(w, y, cx, W_VALUE, L(PARTY_HOSPITAL), ROLE_HEADER);
        cx += W_VALUE + 1;
        draw_text(w, y, cx, W_VALUE, L(PARTY_VENDOR), ROLE_HEADER);
        cx += W_VALUE + 1;
        draw_text(w, y, cx, W_VALUE, L(PARTY_AGREED), ROLE_HEADER);
        return;
    }
    /* narrow: the item line's columns; hospital and vendor are labelled on the line below */
    draw_text(w, y, x, width - W_STATE - W_VALUE - 2, L(ITEM), ROLE_HEADER);
    draw_text(w, y, x + width - W_VALUE - 1 - W_STATE, W_STATE, L(CAT_STATUS), ROLE_HEADER);
    draw_text(w, y, x + width - W_VALUE, W_VALUE, L(PARTY_AGREED), ROLE_HEADER);
}

/* "医療機関: はい" at (y, x) in `cols` columns. */
static void draw_side(WINDOW *w, int y, int x, int cols, const char *label, const char *value, role lr, role vr)
{
    int cx = draw_put(w, y, x, x + cols, label, lr);
    cx = draw_put(w, y, cx, x + cols, ": ", lr);
    draw_put(w, y, cx, x + cols, value, vr);
}

/* One row; returns the lines it took (1 wide, 2 narrow). */
static int draw_row(ws_state *st, app *a, WINDOW *w, int y, rect r, int idx, bool wide)
{
    const reconcile_row *row = &st->view.rows[st->vis[idx]];
    bool sel = idx == st->sel.sel;
    role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
    bool diff = row->state == RECONCILE_DIFFERENT;
    role side = sel ? base : diff ? ROLE_WARNING : ROLE_NORMAL;
    int x = r.x + 1, width = r.w - 2;
    int lines = wide ? 1 : 2;
    for (int i = 0; i < lines; i++)
        draw_fill(w, y + i, r.x, r.w, base);
    if (sel)
        draw_put(w, y, r.x, r.x + 1, ">", base);
    const char *h = value_label(st, row->hospital, a->english), *v = value_label(st, row->vendor, a->english);
    const char *ag = value_label(st, row->agreed, a->english);
    const char *ttl = i18n_get(&row->node->title, a->english);
    if (wide) {
        int w_title = width - (W_REF + 1) - (W_STATE + 1) - 3 * (W_VALUE + 1);
        int cx = x;
        draw_text(w, y, cx, W_REF, ref_of(row->node), sel ? base : ROLE_LABEL);
        cx += W_REF + 1;
        draw_text(w, y, cx, w_title, ttl, base);
        cx += w_title + 1;
        draw_text(w, y, cx, W_STATE, state_label(row->state), sel ? base : state_role(row->state));
        cx += W_STATE + 1;
        draw_text(w, y, cx, W_VALUE, h, side);
        cx += W_VALUE + 1;
        draw_text(w, y, cx, W_VALUE, v, side);
        cx += W_VALUE + 1;
        draw_text(w, y, cx, W_VALUE, ag, sel ? base : agreed_role(row));
        return 1;
    }
    /* the item above: reference, title, state, agreed value */
    int right = x + width;
    int ag_x = right - W_VALUE, st_x = ag_x - 1 - W_STATE;
    int cx = draw_put(w, y, x, st_x - 1, ref_of(row->node), sel ? base : ROLE_LABEL);
    draw_put(w, y, cx + 1, st_x - 1, ttl, base);
    draw_text(w, y, st_x, W_STATE, state_label(row->state), sel ? base : state_role(row->state));
    draw_text(w, y, ag_x, W_VALUE, ag, sel ? base : agreed_role(row));
    /* two columns below: hospital, vendor */
    int col = (width - 4) / 2;
    draw_side(w, y + 1, x + 3, col, L(PARTY_HOSPITAL), h, sel ? base : ROLE_DIM, side);
    draw_side(w, y + 1, x + 3 + col + 1, col, L(PARTY_VENDOR), v, sel ? base : ROLE_DIM, side);
    return 2;
}

/* "はい  確認日 2026-04-01  目標日 -  メモ …" of one side for the footer. */
static void draw_side_detail(ws_state *st, app *a, WINDOW *w, int y, int x, int limit, const char *label,
                             const answer *x_)
{
    int cx = draw_put(w, y, x, limit, label, ROLE_LABEL);
    cx = draw_put(w, y, cx, limit, ": ", ROLE_LABEL);
    cx = draw_put(w, y, cx, limit, value_label(st, x_, a->english), ROLE_NORMAL);
    if (!x_)
        return;
    const struct {
        const char *field, *value;
    } f[] = {{"checked", x_->checked}, {"due", x_->due}, {"done", x_->done}, {"note", x_->note}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(f); i++) {
        if (str_empty(f[i].value))
            continue;
        cx = draw_put(w, y, cx + 2, limit, nav_field_label(f[i].field), ROLE_DIM);
        cx = draw_put(w, y, cx + 1, limit, f[i].value, ROLE_NORMAL);
    }
}

static void draw_footer(ws_state *st, app *a, WINDOW *w, int y, int x, int limit)
{
    const reconcile_row *row = selected(st);
    if (!row)
        return;
    const answer *ag = row->agreed;
    int cx;
    if (ag && !str_empty(ag->value)) {
        char when[17];
        const char *at = ag->updated_at ? ag->updated_at : "";
        snprintf(when, sizeof when, "%.10s %.5s", at, strlen(at) > 11 ? at + 11 : "");
        char *m = msgf(MSG_WS_AGREED_BY, value_label(st, ag, a->english), ag->answered_by ? ag->answered_by : "",
                       ag->agreed_with ? ag->agreed_with : "-", when);
        cx = draw_put(w, y, x, limit, m, agreed_role(row));
        free(m);
        if (!row->agreed_current)
            cx = draw_put(w, y, cx + 1, limit, L(WS_AGREED_STALE), ROLE_WARNING);
    } else {
        cx = draw_put(w, y, x, limit, L(WS_NOT_AGREED), ROLE_DIM);
    }
    if (row->differing.len) {
        strbuf sb = {0};
        for (size_t i = 0; i < row->differing.len; i++)
            sb_addf(&sb, "%s%s", i ? ", " : "", nav_field_label(row->differing.items[i]));
        char *m = msgf(MSG_WS_ALSO_DIFFER, sb_str(&sb));
        draw_put(w, y, cx + 2, limit, m, ROLE_WARNING);
        free(m);
        sb_free(&sb);
    }
    draw_side_detail(st, a, w, y + 1, x, limit, L(PARTY_HOSPITAL), row->hospital);
    draw_side_detail(st, a, w, y + 2, x, limit, L(PARTY_VENDOR), row->vendor);
}

enum { WS_ABOVE = 2, WS_FOOTER = 4 };

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    ws_state *st = s->priv;
    int x = r.x + 1, limit = r.x + r.w - 1;
    if (!st->loaded)
        return;
    bool wide = r.w >= WIDE_COLS;
    draw_counts(st, w, r.y, x, limit);
    draw_header(w, r.y + 1, x, r.w - 2, wide);
    int per = wide ? 1 : 2;
    int rows = (r.h - WS_ABOVE - WS_FOOTER) / per;
    list_set_height(&st->sel, rows > 0 ? rows : 1);
    int y = r.y + WS_ABOVE;
    if (!st->view.vendor_id)
        draw_put(w, y++, x, limit, L(WS_NO_VENDOR), ROLE_WARNING);
    if (st->nvis == 0)
        draw_put(w, y + 1, x, limit, L(WS_NO_ROWS), ROLE_DIM);
    for (int i = 0; i < rows && st->sel.top + i < (int)st->nvis; i++) {
        if (y + per > r.y + r.h - WS_FOOTER)
            break;
        y += draw_row(st, a, w, y, r, st->sel.top + i, wide);
    }
    int fy = r.y + r.h - WS_FOOTER;
    draw_rule(a, w, fy, r);
    draw_footer(st, a, w, fy + 1, x, limit);
}

/* ---------- keys ---------- */

/* The counterpart's name: asked when none is known yet (ask_always: w, to change it). */
static bool counterpart(app *a, bool ask_always)
{
    if (a->counterpart && !ask_always)
        return true;
    char *name = NULL;
    if (!app_prompt(a, L(WS_WITH_PROMPT), a->counterpart ? a->counterpart : "", &name))
        return false;
    if (str_empty(name)) {
        free(name);
        return a->counterpart != NULL;
    }
    free(a->counterpart);
    a->counterpart = name;
    char *m = msgf(MSG_WS_WITH_SET, name);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
    return true;
}

/* The value for TAKE_VALUE: one of the catalog's answer keys on the status line. NULL on Esc. */
static const char *choose_value(ws_state *st, app *a)
{
    const catalog *c = st->view.cat;
    strbuf sb = {0};
    sb_add(&sb, L(WS_AGREE_MENU));
    for (size_t i = 0; i < c->nanswers; i++)
        if (c->answers[i].key)
            sb_addf(&sb, "  %c:%s", c->answers[i].key, i18n_get(&c->answers[i].label, a->english));
    keycode k = 0;
    bool ok = app_menu(a, sb_str(&sb), &k);
    sb_free(&sb);
    for (size_t i = 0; ok && i < c->nanswers; i++)
        if (c->answers[i].key && c->answers[i].key == k)
            return c->answers[i].value;
    return NULL;
}

/* true when something was written (the view is then read again). */
static bool agree(ws_state *st, app *a, reconcile_take take)
{
    const reconcile_row *row = selected(st);
    if (!row)
        return false;
    const char *value = NULL;
    if (take == RECONCILE_TAKE_VALUE && !(value = choose_value(st, a)))
        return false;
    if (!counterpart(a, false))
        return false;
    /* the row is borrowed from the view, which a prompt's reload may not touch: copy what we use */
    char *item = xstrdup(row->node->id), *ref = xstrdup(ref_of(row->node));
    int changed = 0;
    status_detail err = {0};
    status_code r = reconcile_agree(a->st, st->aid, item, take, value, st->view.vendor_id, a->counterpart, a->who,
                                    &changed, &err);
    bool wrote = false;
    if (r != STATUS_OK) {
        app_status_error(a, &err);
    } else if (changed == 0) {
        char *m = msgf(MSG_WS_AGREED_SAME, ref);
        app_status(a, ROLE_STATUS, "%s", m);
        free(m);
    } else {
        const answer *from = take == RECONCILE_TAKE_HOSPITAL ? row->hospital : take == RECONCILE_TAKE_VENDOR ? row->vendor : NULL;
        const answer_def *d = catalog_find_answer(st->view.cat, from ? from->value : value);
        char *m = msgf(MSG_WS_AGREED_DONE, ref, d ? i18n_get(&d->label, a->english) : (from ? from->value : value),
                       a->counterpart);
        app_status(a, ROLE_STATUS_OK, "%s", m);
        free(m);
        wrote = true;
    }
    free(item);
    free(ref);
    return wrote;
}

static bool undo(ws_state *st, app *a)
{
    char *what = NULL;
    status_detail err = {0};
    status_code r = assess_undo(a->st, st->aid, a->who, &what, &err);
    bool wrote = r == STATUS_OK;
    if (r == STATUS_NOTHING_TO_UNDO) {
        char *m = msgf(MSG_NOTHING_OWN_TO_UNDO, a->who);
        app_status(a, ROLE_STATUS, "%s", m);
        free(m);
        status_detail_free(&err);
    } else if (r != STATUS_OK) {
        app_status_error(a, &err);
    } else {
        char *m = msgf(MSG_UNDONE, what ? what : "");
        app_status(a, ROLE_STATUS_OK, "%s", m);
        free(m);
    }
    free(what);
    return wrote || r == STATUS_UNDO_BLOCKED; /* blocked: show the other person's change */
}

/* The file's name for messages: its last component (the path was just typed). */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* i: the vendor's file, checked and counted (dry run), confirmed, imported. true when written. */
static bool import_file(ws_state *st, app *a)
{
    char *path = NULL;
    if (!app_prompt(a, L(WS_IMPORT_PROMPT), "", &path))
        return false;
    if (str_empty(path)) {
        free(path);
        return false;
    }
    const char *name = base_name(path);
    answers_import_opts o = {.assessment_id = st->aid, .dry_run = true};
    answers_import_result res = {0};
    status_detail err = {0};
    bool wrote = false;
    char *m = NULL;
    if (answers_import_file(a->st, path, &o, a->who, &res, &err) != STATUS_OK) {
        app_status_error(a, &err);
    } else if (res.already) {
        m = msgf(MSG_WS_IMPORT_ALREADY, name, res.imported_at ? res.imported_at : "",
                 res.imported_by ? res.imported_by : "");
        app_status(a, ROLE_STATUS, "%s", m);
    } else if (!res.added && !res.changed) {
        m = msgf(MSG_WS_IMPORT_NOTHING, name, res.same);
        app_status(a, ROLE_STATUS, "%s", m);
    } else {
        /* the file was just typed: the question names the vendor, not the file */
        char *ask = msgf(MSG_WS_IMPORT_ASK, res.added, res.changed, res.same, res.vendor_name ? res.vendor_name : "-");
        bool yes = app_confirm(a, ask);
        free(ask);
        answers_import_result_free(&res);
        res = (answers_import_result){0};
        o.dry_run = false;
        if (!yes) {
            app_status(a, ROLE_STATUS, "%s", L(WS_IMPORT_CANCELLED));
        } else if (answers_import_file(a->st, path, &o, a->who, &res, &err) != STATUS_OK) {
            app_status_error(a, &err); /* e.g. the file changed since the dry run */
        } else {
            m = msgf(MSG_WS_IMPORT_DONE, res.vendor_name ? res.vendor_name : "-", res.added, res.changed, res.same);
            app_status(a, ROLE_STATUS_OK, "%s", m);
            wrote = res.added || res.changed;
        }
    }
    free(m);
    answers_import_result_free(&res);
    free(path);
    return wrote;
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    ws_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return RES_HANDLED;
    switch (ev->act) {
    case ACT_TAKE_HOSPITAL: return agree(st, a, RECONCILE_TAKE_HOSPITAL) ? RES_RELOAD : RES_HANDLED;
    case ACT_TAKE_VENDOR: return agree(st, a, RECONCILE_TAKE_VENDOR) ? RES_RELOAD : RES_HANDLED;
    case ACT_AGREE_VALUE: return agree(st, a, RECONCILE_TAKE_VALUE) ? RES_RELOAD : RES_HANDLED;
    case ACT_COUNTERPART: counterpart(a, true); return RES_HANDLED;
    case ACT_UNDO: return undo(st, a) ? RES_RELOAD : RES_HANDLED;
    case ACT_IMPORT_ANSWERS: return import_file(st, a) ? RES_RELOAD : RES_HANDLED;
    case ACT_FILTER:
        remember_selection(st);
        st->filter = (ws_filter)((st->filter + 1) % WS__FILTERS);
        apply_filter(st);
        return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

static void reload(screen *s, app *a, unsigned why)
{
    if (why & (RELOAD_SELF | RELOAD_RESUME | RELOAD_EXTERNAL))
        load(s->priv, a);
}

static void done(screen *s)
{
    ws_state *st = s->priv;
    reconcile_view_free(&st->view);
    free(st->vis);
    free(st->keep_item);
    free(st);
}

static const keybind ws_binds[] = {
    {'h', ACT_TAKE_HOSPITAL}, {'v', ACT_TAKE_VENDOR}, {'\r', ACT_AGREE_VALUE}, {'\n', ACT_AGREE_VALUE},
    {KEY_FN(KEY_ENTER), ACT_AGREE_VALUE}, {'e', ACT_AGREE_VALUE}, {'w', ACT_COUNTERPART}, {'f', ACT_FILTER},
    {'u', ACT_UNDO}, {'i', ACT_IMPORT_ANSWERS},
};
static const keymap ws_keys = {.name = "workshop", .binds = ws_binds, .len = AZ_ARRAY_LEN(ws_binds)};

static const screen_ops ws_ops = {
    .name = "workshop",
    .keys = &ws_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *workshop_screen_new(app *a, int64_t assessment_id, const char *item_id)
{
    ws_state *st = xcalloc(1, sizeof *st);
    st->aid = assessment_id;
    st->keep_item = item_id ? xstrdup(item_id) : NULL;
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &ws_ops;
    s->priv = st;
    if (!load(st, a)) { /* the reason is on the status line */
        done(s);
        free(s);
        return NULL;
    }
    return s;
}

char *workshop_count_line(app *a, int64_t assessment_id)
{
    if (!reconcile_has_other_side(a->st, assessment_id))
        return NULL; /* the line shows only the vendor's and the agreed side */
    reconcile_view v;
    status_detail err = {0};
    if (reconcile_load(a->st, assessment_id, 0, &v, &err) != STATUS_OK) {
        status_detail_free(&err); /* the dashboard's own rows report a broken assessment */
        return NULL;
    }
    char *line = NULL;
    int vendor_side = v.count[RECONCILE_EQUAL] + v.count[RECONCILE_DIFFERENT] + v.count[RECONCILE_ONLY_VENDOR];
    if (vendor_side > 0 || v.agreed > 0)
        line = msgf(MSG_WS_DASH_LINE, v.agreed, v.count[RECONCILE_DIFFERENT],
                    v.count[RECONCILE_ONLY_HOSPITAL] + v.count[RECONCILE_ONLY_VENDOR]);
    reconcile_view_free(&v);
    return line;
}
