/* A system's lists (inventory, key L on a system): network ports in/out with purpose, data storage
 * locations, external connections and compensating controls. Enter edits the selected row (or
 * adds one on a "+" row), a adds to the section, d deletes after a question. Each save reads the
 * stored system, changes the one list and calls ws_system_save: one transaction with history. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text/lib.h"
#include "workspace/lib.h"

enum { L_PORT, L_STORAGE, L_CONN, L_CONTROL, L__COUNT };

typedef struct {
    int list;  /* L_* */
    int index; /* entry, -1 = the "+ add" row, -2 = section header */
} sl_row;

typedef struct {
    int64_t id;
    ws_system sys;
    sl_row *rows;
    size_t nrows, caprows;
    list_state sel;
} sl_state;

static const msg_id section_msg[L__COUNT] = {MSG_SL_PORTS, MSG_SL_STORAGE, MSG_SL_CONNS, MSG_SL_CONTROLS};

static size_t count_of(const ws_system *s, int l)
{
    return l == L_PORT ? s->nports : l == L_STORAGE ? s->nstorage : l == L_CONN ? s->nconnections : s->ncontrols;
}

static void load(sl_state *st, app *a)
{
    ws_system_free(&st->sys);
    status_detail err = {0};
    if (ws_system_get(a->st, st->id, &st->sys, &err) != STATUS_OK) {
        app_status_error(a, &err);
    }
    st->nrows = 0;
    for (int l = 0; l < L__COUNT; l++) {
        GROW(st->rows, st->caprows, st->nrows + count_of(&st->sys, l) + 2);
        st->rows[st->nrows++] = (sl_row){l, -2};
        for (size_t i = 0; i < count_of(&st->sys, l); i++)
            st->rows[st->nrows++] = (sl_row){l, (int)i};
        st->rows[st->nrows++] = (sl_row){l, -1};
    }
    list_set_count(&st->sel, (int)st->nrows);
    if (st->rows[st->sel.sel].index == -2)
        list_select(&st->sel, st->sel.sel + 1);
}

static char *row_text(const sl_state *st, const sl_row *r)
{
    const ws_system *s = &st->sys;
    const char *d = "";
    switch (r->list) {
    case L_PORT: {
        const ws_port *p = &s->ports[r->index];
        d = p->dir == PORT_OUT ? L(SL_OUT) : L(SL_IN);
        return xasprintf("%s %s %s  %s%s%s%s", d, p->ports ? p->ports : "", p->protocol ? p->protocol : "",
                         p->purpose ? p->purpose : "", p->note ? "（" : "", p->note ? p->note : "", p->note ? "）" : "");
    }
    case L_STORAGE: {
        const ws_storage *x = &s->storage[r->index];
        return xasprintf("%s  %s  %s", x->medium ? x->medium : "-", x->location ? x->location : "",
                         x->content ? x->content : "");
    }
    case L_CONN: {
        const ws_connection *c = &s->connections[r->index];
        return xasprintf("%s  %s  %s", c->peer ? c->peer : "", c->method ? c->method : "", c->purpose ? c->purpose : "");
    }
    default: {
        const ws_control *c = &s->controls[r->index];
        return xasprintf("%s  %s", c->kind ? c->kind : "", c->measure ? c->measure : "");
    }
    }
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    sl_state *st = s->priv;
    sb_addf(sb, "%s: %s", L(SL_TITLE), st->sys.name ? st->sys.name : "");
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(HINT_SL);
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    (void)a;
    sl_state *st = s->priv;
    list_set_height(&st->sel, r.h);
    for (int i = 0; i < r.h && st->sel.top + i < (int)st->nrows; i++) {
        int idx = st->sel.top + i;
        const sl_row *row = &st->rows[idx];
        int y = r.y + i;
        if (row->index == -2) {
            char *h = xasprintf("%s (%zu)", msg(section_msg[row->list]), count_of(&st->sys, row->list));
            draw_put(w, y, r.x + 1, r.x + r.w, h, ROLE_HEADER);
            free(h);
            continue;
        }
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        if (row->index == -1) {
            draw_put(w, y, r.x + 3, r.x + r.w, L(SL_ADD), sel ? base : ROLE_KEY);
            continue;
        }
        char *t = row_text(st, row);
        draw_text(w, y, r.x + 3, r.w - 4, t, base);
        free(t);
    }
}

/* ---------- editing ---------- */

typedef struct {
    int64_t id;
    int list, index; /* index -1 = new */
} edit_ctx;

static form_field tf(const char *label, const char *value, bool required)
{
    return (form_field){.label = label, .kind = FF_TEXT, .required = required, .value = xstrdup(value ? value : "")};
}

static char *nz(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

static bool save_entry(void *vctx, app *a, form_field *f, size_t n)
{
    (void)n;
    edit_ctx *c = vctx;
    ws_system sys;
    status_detail err = {0};
    /* core's check (ws_system_save makes it too), here to keep the form open and name its field */
    if (c->list == L_PORT && ws_ports_check(f[1].value, &err) != STATUS_OK) {
        status_set_field(&err, f[1].label);
        app_status_error(a, &err);
        return false;
    }
    if (ws_system_get(a->st, c->id, &sys, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    size_t cap = count_of(&sys, c->list);
    size_t at = c->index >= 0 ? (size_t)c->index : cap;
    switch (c->list) {
    case L_PORT:
        if (c->index < 0) {
            sys.ports = xrealloc(sys.ports, (cap + 1) * sizeof *sys.ports);
            memset(&sys.ports[at], 0, sizeof *sys.ports);
            sys.nports++;
        }
        free(sys.ports[at].ports); free(sys.ports[at].protocol); free(sys.ports[at].purpose); free(sys.ports[at].note);
        sys.ports[at] = (ws_port){str_eq(f[0].value, "out") ? PORT_OUT : PORT_IN, nz(f[1].value), nz(f[2].value),
                                  nz(f[3].value), nz(f[4].value)};
        break;
    case L_STORAGE:
        if (c->index < 0) {
            sys.storage = xrealloc(sys.storage, (cap + 1) * sizeof *sys.storage);
            memset(&sys.storage[at], 0, sizeof *sys.storage);
            sys.nstorage++;
        }
        free(sys.storage[at].medium); free(sys.storage[at].location); free(sys.storage[at].content);
        sys.storage[at] = (ws_storage){nz(f[0].value), nz(f[1].value), nz(f[2].value)};
        break;
    case L_CONN:
        if (c->index < 0) {
            sys.connections = xrealloc(sys.connections, (cap + 1) * sizeof *sys.connections);
            memset(&sys.connections[at], 0, sizeof *sys.connections);
            sys.nconnections++;
        }
        free(sys.connections[at].peer); free(sys.connections[at].method); free(sys.connections[at].purpose);
        sys.connections[at] = (ws_connection){nz(f[0].value), nz(f[1].value), nz(f[2].value)};
        break;
    default:
        if (c->index < 0) {
            sys.controls = xrealloc(sys.controls, (cap + 1) * sizeof *sys.controls);
            memset(&sys.controls[at], 0, sizeof *sys.controls);
            sys.ncontrols++;
        }
        free(sys.controls[at].kind); free(sys.controls[at].measure);
        sys.controls[at] = (ws_control){nz(f[0].value), nz(f[1].value)};
        break;
    }
    status_code r = ws_system_save(a->st, &sys, a->who, NULL, &err);
    if (r != STATUS_OK)
        app_status_error(a, &err);
    else {
        char *m = msgf(MSG_FORM_SAVED, L(SL_TITLE));
        app_status(a, ROLE_STATUS_OK, "%s", m);
        free(m);
    }
    status_detail_free(&err);
    ws_system_free(&sys);
    return r == STATUS_OK;
}

static void open_entry(sl_state *st, app *a, int list, int index)
{
    const ws_system *s = &st->sys;
    form_field *f = xcalloc(5, sizeof *f);
    size_t n = 0;
    switch (list) {
    case L_PORT: {
        const ws_port *p = index >= 0 ? &s->ports[index] : NULL;
        f[0] = (form_field){.label = L(SL_F_DIR), .kind = FF_CHOICE, .value = xstrdup(p && p->dir == PORT_OUT ? "out" : "in")};
        sl_push(&f[0].choices, "in");
        sl_push(&f[0].labels, L(SL_IN));
        sl_push(&f[0].choices, "out");
        sl_push(&f[0].labels, L(SL_OUT));
        f[1] = tf(L(SL_F_PORTS), p ? p->ports : NULL, true);
        f[2] = tf(L(SL_F_PROTOCOL), p ? p->protocol : NULL, false);
        f[3] = tf(L(SL_F_PURPOSE), p ? p->purpose : NULL, false);
        f[4] = tf(L(F_NOTE), p ? p->note : NULL, false);
        n = 5;
        break;
    }
    case L_STORAGE: {
        const ws_storage *x = index >= 0 ? &s->storage[index] : NULL;
        f[0] = tf(L(SL_F_MEDIUM), x ? x->medium : NULL, false);
        f[1] = tf(L(SL_F_LOCATION), x ? x->location : NULL, true);
        f[2] = tf(L(SL_F_CONTENT), x ? x->content : NULL, false);
        n = 3;
        break;
    }
    case L_CONN: {
        const ws_connection *c = index >= 0 ? &s->connections[index] : NULL;
        f[0] = tf(L(SL_F_PEER), c ? c->peer : NULL, true);
        f[1] = tf(L(SL_F_METHOD), c ? c->method : NULL, false);
        f[2] = tf(L(SL_F_PURPOSE), c ? c->purpose : NULL, false);
        n = 3;
        break;
    }
    default: {
        const ws_control *c = index >= 0 ? &s->controls[index] : NULL;
        f[0] = tf(L(SL_F_KIND), c ? c->kind : NULL, true);
        f[1] = tf(L(SL_F_MEASURE), c ? c->measure : NULL, false);
        n = 2;
        break;
    }
    }
    edit_ctx *c = xcalloc(1, sizeof *c);
    *c = (edit_ctx){st->id, list, index};
    app_push(a, form_screen_new(a, msg(section_msg[list]), f, n, save_entry, c, free));
}

/* true when deleted (the screen then reloads the system). */
static bool delete_entry(sl_state *st, app *a, const sl_row *row)
{
    char *t = row_text(st, row);
    char *q = msgf(MSG_SL_DELETE, t);
    free(t);
    bool yes = app_confirm(a, q);
    free(q);
    if (!yes)
        return false;
    ws_system sys;
    status_detail err = {0};
    if (ws_system_get(a->st, st->id, &sys, &err) == STATUS_OK) {
        /* Move the entry to the end and drop it from the count: ws_system_free still frees it. */
        size_t i = (size_t)row->index;
#define DROP(arr, cnt) do { __typeof__(sys.arr[0]) tmp = sys.arr[i]; memmove(&sys.arr[i], &sys.arr[i + 1], (sys.cnt - i - 1) * sizeof tmp); sys.arr[sys.cnt - 1] = tmp; } while (0)
        switch (row->list) {
        case L_PORT: DROP(ports, nports); sys.nports--; break;
        case L_STORAGE: DROP(storage, nstorage); sys.nstorage--; break;
        case L_CONN: DROP(connections, nconnections); sys.nconnections--; break;
        default: DROP(controls, ncontrols); sys.ncontrols--; break;
        }
#undef DROP
        status_code r = ws_system_save(a->st, &sys, a->who, NULL, &err);
        switch (row->list) { /* restore the count so the dropped entry is freed too */
        case L_PORT: sys.nports++; break;
        case L_STORAGE: sys.nstorage++; break;
        case L_CONN: sys.nconnections++; break;
        default: sys.ncontrols++; break;
        }
        ws_system_free(&sys);
        if (r == STATUS_OK) {
            app_status(a, ROLE_STATUS_OK, "%s", L(SL_DELETED));
            return true;
        }
    }
    app_status_error(a, &err);
    return false;
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    sl_state *st = s->priv;
    int before = st->sel.sel;
    if (list_handle(&st->sel, ev->act)) {
        int dir = st->sel.sel >= before ? 1 : -1;
        while (st->rows[st->sel.sel].index == -2) {
            int next = st->sel.sel + dir;
            if (next < 0 || next >= (int)st->nrows) {
                dir = -dir;
                next = st->sel.sel + dir;
            }
            list_select(&st->sel, next);
        }
        return RES_HANDLED;
    }
    const sl_row *row = &st->rows[st->sel.sel];
    switch (ev->act) {
    case ACT_OPEN: open_entry(st, a, row->list, row->index); return RES_HANDLED;
    case ACT_NEW: open_entry(st, a, row->list, -1); return RES_HANDLED;
    case ACT_DELETE:
        return row->index >= 0 && delete_entry(st, a, row) ? RES_RELOAD : RES_HANDLED;
    default: return RES_IGNORED;
    }
}

/* After a deletion here, a form above closed or another process wrote: read the system again. */
static void reload(screen *s, app *a, unsigned why)
{
    if (why & (RELOAD_SELF | RELOAD_RESUME | RELOAD_EXTERNAL))
        load(s->priv, a);
}

static void done(screen *s)
{
    sl_state *st = s->priv;
    ws_system_free(&st->sys);
    free(st->rows);
    free(st);
}

static const keybind sl_binds[] = {
    {'a', ACT_NEW},
    {'d', ACT_DELETE},
    {KEY_FN(KEY_DC), ACT_DELETE},
};
static const keymap sl_keys = {.name = "system-lists", .binds = sl_binds, .len = AZ_ARRAY_LEN(sl_binds)};

static const screen_ops sl_ops = {
    .name = "system-lists",
    .keys = &sl_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *syslists_screen_new(app *a, int64_t system_id)
{
    sl_state *st = xcalloc(1, sizeof *st);
    st->id = system_id;
    load(st, a);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &sl_ops;
    s->priv = st;
    return s;
}
