/* The history of one assessment (from the navigator, key H), newest first. It holds at most two
 * windows of rows (history_window, by row id): reaching the last row held reads the next older
 * window and drops the newest one when more than two are held, and reaching the first row reads
 * the newer one back, so memory and time per key stay the same for 100,000 rows. Home and End
 * read the window at that end. Read-only: undo stays in the navigator. */
#include <stdlib.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "draw.h"
#include "history/lib.h"
#include "list.h"
#include "msg.h"
#include "navigator.h"
#include "screens.h"
#include "workspace/lib.h"

enum { HISTORY_WINDOW = 200 }; /* rows per read; at most twice this many are held */

typedef struct {
    int64_t aid;
    const catalog *cat; /* per-store cache: item refs and answer labels */
    history_row *rows;  /* newest first */
    size_t n;
    bool newest_held, oldest_held; /* nothing beyond rows[0] / rows[n - 1] */
    list_state sel;
} hist_state;

/* Vendor ids as names now, so drawing reads nothing. */
static void name_vendors(app *a, history_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        history_row *h = &rows[i];
        if (!history_field_is_vendor(h->entity, h->field))
            continue;
        char *ov = ws_history_value(a->st, h->entity, h->field, h->old_value);
        char *nv = ws_history_value(a->st, h->entity, h->field, h->new_value);
        free(h->old_value);
        free(h->new_value);
        h->old_value = ov;
        h->new_value = nv;
    }
}

/* Frees n rows that sit inside a larger array (history_list_free frees the array too). */
static void free_rows_within(const history_row *rows, size_t n)
{
    if (!n)
        return;
    history_row *copy = xmalloc(n * sizeof *copy);
    memcpy(copy, rows, n * sizeof *copy);
    history_list_free(copy, n);
}

/* One window beyond `from` (older: newest first; newer: read oldest first, turned newest first). */
static bool read_window(hist_state *st, app *a, int64_t from, bool older, history_row **out, size_t *n)
{
    history_filter f = {.assessment_id = st->aid};
    status_detail err = {0};
    if (history_window(a->st, &f, from, older, HISTORY_WINDOW, out, n, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    if (!older)
        for (size_t i = 0; i < *n / 2; i++) {
            history_row t = (*out)[i];
            (*out)[i] = (*out)[*n - 1 - i];
            (*out)[*n - 1 - i] = t;
        }
    name_vendors(a, *out, *n);
    return true;
}

/* Holds only the window at one end (Home: the newest rows; End: the oldest). */
static void load_end(hist_state *st, app *a, bool newest)
{
    history_row *rows;
    size_t n;
    if (!read_window(st, a, 0, newest, &rows, &n))
        return;
    history_list_free(st->rows, st->n);
    st->rows = rows;
    st->n = n;
    st->newest_held = newest || n < HISTORY_WINDOW;
    st->oldest_held = !newest || n < HISTORY_WINDOW;
    list_set_count(&st->sel, (int)n);
    list_select(&st->sel, newest ? 0 : (int)n - 1);
}

/* The next older window after the last row held; the newest window goes when more than two are held. */
static void load_older(hist_state *st, app *a)
{
    history_row *more;
    size_t m;
    if (st->oldest_held || !st->n || !read_window(st, a, st->rows[st->n - 1].id, true, &more, &m))
        return;
    st->oldest_held = m < HISTORY_WINDOW;
    size_t drop = st->n + m > 2 * HISTORY_WINDOW ? st->n + m - 2 * HISTORY_WINDOW : 0;
    free_rows_within(st->rows, drop);
    memmove(st->rows, st->rows + drop, (st->n - drop) * sizeof *st->rows);
    st->n -= drop;
    st->rows = xrealloc(st->rows, (st->n + m + 1) * sizeof *st->rows);
    memcpy(st->rows + st->n, more, m * sizeof *more);
    free(more); /* its strings moved */
    st->n += m;
    if (drop)
        st->newest_held = false;
    int sel = st->sel.sel - (int)drop, top = st->sel.top - (int)drop;
    list_set_count(&st->sel, (int)st->n);
    st->sel.top = top < 0 ? 0 : top;
    list_select(&st->sel, sel);
}

/* The next newer window before the first row held; the oldest window goes when more than two are held. */
static void load_newer(hist_state *st, app *a)
{
    history_row *more;
    size_t m;
    if (st->newest_held || !st->n || !read_window(st, a, st->rows[0].id, false, &more, &m))
        return;
    st->newest_held = m < HISTORY_WINDOW;
    size_t drop = st->n + m > 2 * HISTORY_WINDOW ? st->n + m - 2 * HISTORY_WINDOW : 0;
    free_rows_within(st->rows + st->n - drop, drop);
    st->n -= drop;
    history_row *rows = xmalloc((st->n + m + 1) * sizeof *rows);
    memcpy(rows, more, m * sizeof *more);
    memcpy(rows + m, st->rows, st->n * sizeof *rows);
    free(more);
    free(st->rows);
    st->rows = rows;
    st->n += m;
    if (drop)
        st->oldest_held = false;
    int sel = st->sel.sel + (int)m, top = st->sel.top + (int)m;
    list_set_count(&st->sel, (int)st->n);
    st->sel.top = top;
    list_select(&st->sel, sel);
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)s;
    (void)a;
    sb_add(sb, L(HISTORY));
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(HINT_HISTORY);
}

/* An item's reference (or the entity for rows not about an item). */
static const char *row_subject(const hist_state *st, const history_row *h)
{
    if (!h->item_id)
        return h->entity ? h->entity : "";
    const catalog_node *n = st->cat ? catalog_find_node(st->cat, h->item_id) : NULL;
    return n && n->ref ? n->ref : h->item_id;
}

static const char *row_value(const hist_state *st, const history_row *h, const char *v, bool en)
{
    if (!v)
        return "-";
    const answer_def *d = str_eq(h->field, "value") && st->cat ? catalog_find_answer(st->cat, v) : NULL;
    return d ? i18n_get(&d->label, en) : v;
}

enum { W_WHEN = 20, W_WHO = 12, W_REF = 8 };

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    hist_state *st = s->priv;
    int x = r.x + 1, right = r.x + r.w;
    int y = r.y;
    if (st->n == 0) {
        draw_put(w, y + 1, x, right, L(NO_HISTORY), ROLE_DIM);
        return;
    }
    list_set_height(&st->sel, r.h);
    for (int i = 0; i < r.h && st->sel.top + i < (int)st->n; i++) {
        int idx = st->sel.top + i;
        const history_row *h = &st->rows[idx];
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        int ry = y + i, cx = x;
        draw_fill(w, ry, r.x, r.w, base);
        if (sel)
            draw_put(w, ry, r.x, r.x + 1, ">", base);
        char when[CLOCK_LOCAL_SIZE]; /* stored UTC, shown in local time with the zone */
        clock_local_text(h->at, false, when);
        draw_text(w, ry, cx, W_WHEN, when, sel ? base : ROLE_DIM);
        cx += W_WHEN + 1;
        draw_text(w, ry, cx, W_WHO, h->who ? h->who : "", base);
        cx += W_WHO + 1;
        draw_text(w, ry, cx, W_REF, row_subject(st, h), sel ? base : ROLE_LABEL);
        cx += W_REF + 1;
        char *t = xasprintf("%s%s: %s -> %s", h->kind && str_eq(h->kind, "undo") ? "(undo) " : "",
                            nav_field_label(h->field), row_value(st, h, h->old_value, a->english),
                            row_value(st, h, h->new_value, a->english));
        char *clean = draw_sanitize(t); /* a note's line breaks, control characters */
        draw_put(w, ry, cx, right, clean, base);
        free(clean);
        free(t);
    }
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    hist_state *st = s->priv;
    switch (ev->act) {
    case ACT_HOME: load_end(st, a, true); return RES_HANDLED;
    case ACT_END: load_end(st, a, false); return RES_HANDLED;
    default: break;
    }
    if (!list_handle(&st->sel, ev->act))
        return RES_IGNORED;
    if (st->n && st->sel.sel == (int)st->n - 1)
        load_older(st, a);
    else if (st->n && st->sel.sel == 0)
        load_newer(st, a);
    return RES_HANDLED;
}

static void reload(screen *s, app *a, unsigned why)
{
    hist_state *st = s->priv;
    if ((why & (RELOAD_RESUME | RELOAD_EXTERNAL)) && st->newest_held && st->sel.sel == 0)
        load_end(st, a, true); /* at the top: show what was added since */
}

static void done(screen *s)
{
    hist_state *st = s->priv;
    history_list_free(st->rows, st->n);
    free(st);
}

static const screen_ops hist_ops = {
    .name = "history",
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *history_screen_new(app *a, int64_t assessment_id)
{
    const catalog *cat;
    status_detail err = {0};
    if (assess_catalog_of(a->st, assessment_id, &cat, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return NULL;
    }
    hist_state *st = xcalloc(1, sizeof *st);
    st->aid = assessment_id;
    st->cat = cat;
    load_end(st, a, true);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &hist_ops;
    s->priv = st;
    return s;
}
