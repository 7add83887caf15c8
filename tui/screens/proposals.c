/* Crosswalk proposals of one assessment (from the navigator, key X): answering an item elsewhere
 * proposes answers for the items mapped to it (core/assess.h, assess_proposals). Lists the open
 * ones - target item (reference and title), proposed value, source catalog / item / value,
 * relation - and accepts (a)
 * or rejects (r) the selected one: one core call = one transaction each, after which the reload op
 * reads the list again (as it does when another process wrote). */
#include <stdlib.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text/lib.h"

/* What a row shows of its source, read with the list (drawing does not read the database). */
typedef struct {
    char *source;      /* "catalog ref = value" */
    char *source_full; /* with the source item's title and the source assessment */
} prop_row;

typedef struct {
    int64_t aid;
    const catalog *cat; /* the assessment's catalog (per-store cache) */
    proposal *list;
    prop_row *rows; /* per proposal */
    size_t n;
    list_state sel;
} prop_state;

const char *proposal_rel_label(const char *rel)
{
    if (str_eq(rel, "equal")) return L(REL_EQUAL);
    if (str_eq(rel, "cites")) return L(REL_CITES);
    if (str_eq(rel, "subset")) return L(REL_SUBSET);
    if (str_eq(rel, "superset")) return L(REL_SUPERSET);
    if (str_eq(rel, "intersect")) return L(REL_INTERSECT);
    if (str_eq(rel, "related")) return L(REL_RELATED);
    return rel ? rel : "";
}

/* The source catalog of a proposal: the version its source assessment uses. */
static const catalog *source_catalog(app *a, const proposal *p)
{
    assessment src;
    status_detail err = {0};
    const catalog *c = NULL;
    if (assess_get_row(a->st, p->source_assessment_id, &src, &err) == STATUS_OK) {
        c = catalog_db_get(a->st, src.catalog_id, src.catalog_version);
        assessment_free(&src);
    } else {
        status_detail_free(&err);
        c = catalog_db_get(a->st, p->source_catalog, NULL);
    }
    return c;
}

char *proposal_source_text(app *a, const proposal *p, bool with_title)
{
    const catalog *c = source_catalog(a, p);
    const catalog_node *n = c ? catalog_find_node(c, p->source_item) : NULL;
    const answer_def *d = c ? catalog_find_answer(c, p->source_value) : NULL;
    const char *title = c ? i18n_get(&c->short_title, a->english) : "";
    if (c && !*title)
        title = i18n_get(&c->title, a->english);
    strbuf sb = {0};
    sb_addf(&sb, "%s %s", c ? title : p->source_catalog, n && n->ref ? n->ref : p->source_item);
    if (with_title && n)
        sb_addf(&sb, " %s", i18n_get(&n->title, a->english));
    sb_addf(&sb, " = %s", d ? i18n_get(&d->label, a->english) : p->source_value ? p->source_value : "-");
    return sb_take(&sb);
}

static void rows_free(prop_state *st)
{
    for (size_t i = 0; i < st->n; i++) {
        free(st->rows[i].source);
        free(st->rows[i].source_full);
    }
    free(st->rows);
    st->rows = NULL;
}

static void load(prop_state *st, app *a)
{
    rows_free(st);
    proposal_list_free(st->list, st->n);
    st->list = NULL;
    st->n = 0;
    status_detail err = {0};
    if (assess_proposals(a->st, st->aid, true, &st->list, &st->n, &err) != STATUS_OK) {
        app_status_error(a, &err);
    }
    st->rows = xcalloc(st->n + 1, sizeof *st->rows);
    for (size_t i = 0; i < st->n; i++) {
        const proposal *p = &st->list[i];
        st->rows[i].source = proposal_source_text(a, p, false);
        char *full = proposal_source_text(a, p, true);
        st->rows[i].source_full = xasprintf("%s (#%lld)", full, (long long)p->source_assessment_id);
        free(full);
    }
    list_set_count(&st->sel, (int)st->n);
}

static const char *item_ref(const prop_state *st, const proposal *p)
{
    const catalog_node *n = st->cat ? catalog_find_node(st->cat, p->item_id) : NULL;
    return n && n->ref ? n->ref : p->item_id;
}

/* The target item as a user reads it: printed reference and title ("1-1 保守作業の記録"); the
 * text when it has no title, the id only when the catalog lacks the item. Caller frees. */
static char *item_label(const prop_state *st, const proposal *p, bool en)
{
    const catalog_node *n = st->cat ? catalog_find_node(st->cat, p->item_id) : NULL;
    if (!n)
        return xstrdup(p->item_id);
    const char *t = i18n_get(&n->title, en);
    if (!*t)
        t = i18n_get(&n->text, en);
    return n->ref ? xasprintf("%s %s", n->ref, t) : xstrdup(t);
}

static const char *value_label(const prop_state *st, const proposal *p, bool en)
{
    const answer_def *d = st->cat ? catalog_find_answer(st->cat, p->value) : NULL;
    return d ? i18n_get(&d->label, en) : p->value;
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)s;
    (void)a;
    sb_add(sb, L(PROPOSALS));
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(HINT_PROPOSALS);
}

enum { W_VAL = 12, W_REL = 10 };

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    prop_state *st = s->priv;
    int x = r.x + 1, right = r.x + r.w;
    /* the item (reference and title) and the source share what the value and relation leave */
    int avail = r.w - 1 - (W_VAL + 1 + W_REL + 1);
    int W_REF = (avail - 1) / 2, w_src = avail - 1 - W_REF;
    int y = r.y;
    int cx = x;
    draw_text(w, y, cx, W_REF, L(ITEM), ROLE_HEADER);
    cx += W_REF + 1;
    draw_text(w, y, cx, W_VAL, L(COL_PROPOSED), ROLE_HEADER);
    cx += W_VAL + 1;
    draw_text(w, y, cx, w_src, L(COL_SOURCE), ROLE_HEADER);
    cx += w_src + 1;
    draw_text(w, y, cx, W_REL, L(COL_REL), ROLE_HEADER);
    y++;
    if (st->n == 0) {
        draw_put(w, y + 1, x, right, L(NO_PROPOSALS), ROLE_DIM);
        return;
    }
    int footer = 3;
    int rows = r.y + r.h - y - footer;
    list_set_height(&st->sel, rows);
    for (int i = 0; i < rows && st->sel.top + i < (int)st->n; i++) {
        int idx = st->sel.top + i;
        const proposal *p = &st->list[idx];
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        int ry = y + i;
        draw_fill(w, ry, r.x, r.w, base);
        if (sel)
            draw_put(w, ry, r.x, r.x + 1, ">", base);
        cx = x;
        char *label = item_label(st, p, a->english);
        draw_text(w, ry, cx, W_REF, label, sel ? base : ROLE_NORMAL);
        free(label);
        cx += W_REF + 1;
        draw_text(w, ry, cx, W_VAL, value_label(st, p, a->english), base);
        cx += W_VAL + 1;
        draw_text(w, ry, cx, w_src, st->rows[idx].source, base);
        cx += w_src + 1;
        draw_text(w, ry, cx, W_REL, proposal_rel_label(p->rel), sel ? base : ROLE_DIM);
    }
    /* The selected proposal in full: the item's title and the source item's. */
    const proposal *p = &st->list[st->sel.sel];
    int fy = r.y + r.h - 2;
    cx = draw_put(w, fy, x, right, L(ITEM), ROLE_LABEL);
    cx = draw_put(w, fy, cx, right, ": ", ROLE_LABEL);
    char *t = item_label(st, p, a->english);
    draw_put(w, fy, cx, right, t, ROLE_NORMAL);
    free(t);
    cx = draw_put(w, fy + 1, x, right, L(COL_SOURCE), ROLE_LABEL);
    cx = draw_put(w, fy + 1, cx, right, ": ", ROLE_LABEL);
    draw_put(w, fy + 1, cx, right, st->rows[st->sel.sel].source_full, ROLE_NORMAL);
}

/* true when decided (the list is then read again). */
static bool decide(prop_state *st, app *a, bool accept)
{
    if (st->n == 0)
        return false;
    const proposal *p = &st->list[st->sel.sel];
    status_detail err = {0};
    status_code r = accept ? assess_proposal_accept(a->st, p->id, a->who, &err)
                         : assess_proposal_reject(a->st, p->id, a->who, &err);
    if (r != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    char *m = msgf(accept ? MSG_ACCEPTED : MSG_REJECTED, item_ref(st, p), value_label(st, p, a->english));
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
    return true;
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    prop_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return RES_HANDLED;
    switch (ev->act) {
    case ACT_ACCEPT: return decide(st, a, true) ? RES_RELOAD : RES_HANDLED;
    case ACT_REJECT: return decide(st, a, false) ? RES_RELOAD : RES_HANDLED;
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
    prop_state *st = s->priv;
    rows_free(st);
    proposal_list_free(st->list, st->n);
    free(st);
}

static const keybind prop_binds[] = {
    {'a', ACT_ACCEPT},
    {'r', ACT_REJECT},
};
static const keymap prop_keys = {.name = "proposals", .binds = prop_binds, .len = AZ_ARRAY_LEN(prop_binds)};

static const screen_ops prop_ops = {
    .name = "proposals",
    .keys = &prop_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *proposals_screen_new(app *a, int64_t assessment_id)
{
    const catalog *cat;
    status_detail err = {0};
    if (assess_catalog_of(a->st, assessment_id, &cat, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return NULL;
    }
    prop_state *st = xcalloc(1, sizeof *st);
    st->aid = assessment_id;
    st->cat = cat;
    load(st, a);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &prop_ops;
    s->priv = st;
    return s;
}
