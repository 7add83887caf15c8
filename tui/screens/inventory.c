/* The inventory (台帳): the organisation, the vendors and the systems, each opening a form.
 * Saving goes through core/workspace.h (one transaction with history each); its validation
 * messages (naming the field) appear on the status line and the form stays open. L on a system
 * opens its lists (ports, storage, connections, controls: syslists.c); the form keeps them.
 * d deletes a vendor or system nothing refers to, a archives or restores one, H shows the
 * archived ones, u undoes the last of these (core/workspace/lifecycle.h), each after a y/n. The
 * system form shows every field of core's one field table (workspace/fields.h). */
#include <stdlib.h>

#include "draw.h"
#include "list.h"
#include "msg.h"
#include "contract_screens.h"
#include "screens.h"
#include "text/lib.h"
#include "workspace/lib.h"

typedef enum { ROW_HEADER, ROW_ORG, ROW_VENDOR, ROW_ADD_VENDOR, ROW_SYSTEM, ROW_ADD_SYSTEM } row_kind;

typedef struct {
    row_kind kind;
    size_t index; /* into vendors / systems */
    const char *label;
} inv_row;

typedef struct {
    ws_org org;
    bool have_org;
    ws_vendor *vendors;
    size_t nvendors;
    ws_system *systems;
    size_t nsystems;
    inv_row *rows;
    size_t nrows, caprows;
    list_state sel;
    bool show_archived;
    char today[11]; /* for the end-of-support mark, read with the rows */
} inv_state;

static void add_row(inv_state *st, row_kind k, size_t index, const char *label)
{
    GROW(st->rows, st->caprows, st->nrows + 1);
    st->rows[st->nrows++] = (inv_row){k, index, label};
}

static bool selectable(const inv_row *r)
{
    return r->kind != ROW_HEADER;
}

static void load(inv_state *st, app *a)
{
    ws_org_free(&st->org);
    status_detail err = {0};
    status_code got = ws_org_get(a->st, &st->org, &err);
    st->have_org = got == STATUS_OK;
    if (got != STATUS_OK && got != STATUS_ORG_MISSING)
        app_status_error(a, &err);
    status_detail_free(&err);
    ws_vendor_list_free(st->vendors, st->nvendors);
    if (ws_vendor_list(a->st, &st->vendors, &st->nvendors, &err) != STATUS_OK)
        app_status_error(a, &err);
    ws_system_list_free(st->systems, st->nsystems);
    if (ws_system_list(a->st, &st->systems, &st->nsystems, &err) != STATUS_OK)
        app_status_error(a, &err);
    jpdate_format_iso(jpdate_today(), st->today);
    st->nrows = 0;
    add_row(st, ROW_HEADER, 0, L(INV_ORG));
    add_row(st, ROW_ORG, 0, NULL);
    add_row(st, ROW_HEADER, 0, L(INV_VENDORS));
    for (size_t i = 0; i < st->nvendors; i++)
        if (st->show_archived || !st->vendors[i].archived_at)
            add_row(st, ROW_VENDOR, i, NULL);
    add_row(st, ROW_ADD_VENDOR, 0, L(INV_ADD_VENDOR));
    add_row(st, ROW_HEADER, 0, L(INV_SYSTEMS));
    for (size_t i = 0; i < st->nsystems; i++)
        if (st->show_archived || !st->systems[i].archived_at)
            add_row(st, ROW_SYSTEM, i, NULL);
    add_row(st, ROW_ADD_SYSTEM, 0, L(INV_ADD_SYSTEM));
    list_set_count(&st->sel, (int)st->nrows);
    if (!selectable(&st->rows[st->sel.sel]))
        list_select(&st->sel, st->sel.sel + 1);
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    inv_state *st = s->priv;
    sb_add(sb, L(INVENTORY));
    if (st->show_archived)
        sb_addf(sb, " %s", L(INV_ARCHIVED_MARK));
}

/* The mark at the right of a vendor or system row: ［アーカイブ］ for an archived one, else
 * サポート終了 for a system whose end of support is past (warning colour). Returns the x where the
 * row's details must stop. */
static int draw_mark(WINDOW *w, int y, int right, bool archived, bool eos_past, bool sel, role base)
{
    const char *mark = archived ? L(INV_ARCHIVED_MARK) : eos_past ? L(INV_EOS_PAST) : NULL;
    if (!mark)
        return right;
    int mw = text_width(mark);
    draw_put(w, y, right - mw, right, mark, sel ? base : archived ? ROLE_DIM : ROLE_WARNING);
    return right - mw - 1;
}

static const char *category_label(const char *code, bool en)
{
    const ws_category *c = ws_category_parse(code);
    return c ? (en ? c->en : c->ja) : (code ? code : "");
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    inv_state *st = s->priv;
    list_set_height(&st->sel, r.h);
    for (int i = 0; i < r.h && st->sel.top + i < (int)st->nrows; i++) {
        int idx = st->sel.top + i;
        const inv_row *row = &st->rows[idx];
        int y = r.y + i;
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        if (row->kind == ROW_HEADER) {
            draw_put(w, y, r.x + 1, r.x + r.w, row->label, ROLE_HEADER);
            continue;
        }
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        int x = r.x + 3, right = r.x + r.w;
        int name_w = r.w >= 100 ? 36 : 26; /* at 80 columns the details get 50 */
        switch (row->kind) {
        case ROW_ORG:
            if (!st->have_org) {
                draw_put(w, y, x, right, L(INV_NOT_SET), sel ? base : ROLE_DIM);
            } else {
                x = draw_put(w, y, x, right, st->org.name, base);
                if (st->org.security_officer && *st->org.security_officer) {
                    char *t = xasprintf("  %s: %s", L(OFFICER), st->org.security_officer);
                    draw_put(w, y, x, right, t, sel ? base : ROLE_DIM);
                    free(t);
                }
            }
            break;
        case ROW_VENDOR: {
            const ws_vendor *v = &st->vendors[row->index];
            char *t = xasprintf("#%lld %s", (long long)v->id, v->name);
            draw_text(w, y, x, name_w, t, v->archived_at && !sel ? ROLE_DIM : base);
            free(t);
            int end = draw_mark(w, y, right, v->archived_at, false, sel, base);
            if (v->contact)
                draw_put(w, y, x + name_w + 1, end, v->contact, sel ? base : ROLE_DIM);
            break;
        }
        case ROW_SYSTEM: {
            const ws_system *sy = &st->systems[row->index];
            char *t = xasprintf("#%lld %s", (long long)sy->id, sy->name);
            draw_text(w, y, x, name_w, t, sy->archived_at && !sel ? ROLE_DIM : base);
            free(t);
            /* hosting in the UI language before the vendor (short, and the vendor may be cut); a
             * past end of support marked at the right, in the warning colour */
            const char *hosting = ws_hosting_label(sy->hosting, a->english);
            char *u = xasprintf("%s%s%s%s%s", category_label(sy->category, a->english), hosting ? " / " : "",
                                hosting ? hosting : "", sy->vendor_name ? " / " : "", sy->vendor_name ? sy->vendor_name : "");
            int end = draw_mark(w, y, right, sy->archived_at, ws_system_unsupported(sy, st->today), sel, base);
            draw_put(w, y, x + name_w + 1, end, u, sel ? base : ROLE_DIM);
            free(u);
            break;
        }
        default:
            draw_put(w, y, x, right, row->label, sel ? base : ROLE_KEY);
            break;
        }
    }
}

/* ---------- forms ---------- */

static form_field text_field(const char *label, const char *value, bool required)
{
    return (form_field){.label = label, .kind = FF_TEXT, .required = required, .value = xstrdup(value ? value : "")};
}

static form_field kind_field(const char *label, form_kind k, const char *value)
{
    return (form_field){.label = label, .kind = k, .value = xstrdup(value ? value : "")};
}

static char *nz(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

static const char *tri_value(ws_tri t)
{
    return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "";
}

static ws_tri tri_of(const char *v)
{
    return str_eq(v, "yes") ? TRI_YES : str_eq(v, "no") ? TRI_NO : TRI_UNKNOWN;
}

static bool report(app *a, status_code r, status_detail *err, const char *what)
{
    if (r != STATUS_OK) {
        app_status_error(a, err);
        return false;
    }
    char *m = msgf(MSG_FORM_SAVED, what);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
    return true;
}

static bool save_org(void *ctx, app *a, form_field *f, size_t n)
{
    (void)ctx;
    (void)n;
    ws_org o = {0};
    o.name = nz(f[0].value);
    o.beds = *f[1].value ? atoi(f[1].value) : 0;
    o.administrator = nz(f[2].value);
    o.security_officer = nz(f[3].value);
    o.planning_manager = nz(f[4].value);
    o.operations_staff = nz(f[5].value);
    o.address = nz(f[6].value);
    o.note = nz(f[7].value);
    status_detail err = {0};
    status_code r = ws_org_save(a->st, &o, a->who, &err);
    bool ok = report(a, r, &err, o.name ? o.name : "");
    ws_org_free(&o);
    return ok;
}

static void open_org(inv_state *st, app *a)
{
    const ws_org *o = st->have_org ? &st->org : NULL;
    form_field *f = xcalloc(8, sizeof *f);
    char beds[16] = "";
    if (o && o->beds > 0)
        snprintf(beds, sizeof beds, "%d", o->beds);
    f[0] = text_field(L(F_ORG_NAME), o ? o->name : NULL, true);
    f[1] = kind_field(L(F_BEDS), FF_INT, beds);
    f[2] = text_field(L(F_ADMIN), o ? o->administrator : NULL, false);
    f[3] = text_field(L(F_OFFICER), o ? o->security_officer : NULL, false);
    f[4] = text_field(L(F_PLANNING), o ? o->planning_manager : NULL, false);
    f[5] = text_field(L(F_OPERATIONS), o ? o->operations_staff : NULL, false);
    f[6] = text_field(L(F_ADDRESS), o ? o->address : NULL, false);
    f[7] = text_field(L(F_NOTE), o ? o->note : NULL, false);
    app_push(a, form_screen_new(a, L(INV_ORG), f, 8, save_org, NULL, NULL));
}

static bool save_vendor(void *ctx, app *a, form_field *f, size_t n)
{
    (void)n;
    int64_t *id = ctx;
    ws_vendor v = {0};
    v.id = *id;
    v.name = nz(f[0].value);
    v.contact = nz(f[1].value);
    v.phone = nz(f[2].value);
    v.email = nz(f[3].value);
    v.isms = tri_of(f[4].value);
    v.isms_expiry = nz(f[5].value);
    v.pmark = tri_of(f[6].value);
    v.pmark_expiry = nz(f[7].value);
    v.note = nz(f[8].value);
    status_detail err = {0};
    status_code r = ws_vendor_save(a->st, &v, a->who, NULL, &err);
    bool ok = report(a, r, &err, v.name ? v.name : "");
    ws_vendor_free(&v);
    return ok;
}

static void open_vendor(app *a, const ws_vendor *v)
{
    form_field *f = xcalloc(9, sizeof *f);
    f[0] = text_field(L(F_NAME), v ? v->name : NULL, true);
    f[1] = text_field(L(F_CONTACT), v ? v->contact : NULL, false);
    f[2] = text_field(L(F_PHONE), v ? v->phone : NULL, false);
    f[3] = text_field(L(F_EMAIL), v ? v->email : NULL, false);
    f[4] = kind_field(L(F_ISMS), FF_TRI, v ? tri_value(v->isms) : "");
    f[5] = kind_field(L(F_ISMS_EXP), FF_DATE, v ? v->isms_expiry : NULL);
    f[6] = kind_field(L(F_PMARK), FF_TRI, v ? tri_value(v->pmark) : "");
    f[7] = kind_field(L(F_PMARK_EXP), FF_DATE, v ? v->pmark_expiry : NULL);
    f[8] = text_field(L(F_NOTE), v ? v->note : NULL, false);
    int64_t *id = xmalloc(sizeof *id);
    *id = v ? v->id : 0;
    app_push(a, form_screen_new(a, L(INV_VENDORS), f, 9, save_vendor, id, free));
}

/* The system form: one form field per entry of core's field table, in its order. */
static bool save_system(void *ctx, app *a, form_field *f, size_t n)
{
    int64_t *id = ctx;
    ws_system sys = {0};
    status_detail err = {0};
    /* Keep what the form does not show (the lists) by starting from the stored row. */
    if (*id && ws_system_get(a->st, *id, &sys, &err) != STATUS_OK)
        status_detail_free(&err);
    sys.id = *id;
    for (size_t i = 0; i < n && i < ws_system_field_count; i++) {
        if (ws_field_set(&sys, &ws_system_fields[i], f[i].value, &err) != STATUS_OK) {
            status_set_field(&err, f[i].label);
            app_status_error(a, &err);
            ws_system_free(&sys);
            return false;
        }
    }
    status_code r = ws_system_save(a->st, &sys, a->who, NULL, &err);
    bool ok = report(a, r, &err, sys.name ? sys.name : "");
    ws_system_free(&sys);
    return ok;
}

static void add_choice(form_field *f, const char *code, const char *label)
{
    sl_push(&f->choices, code);
    sl_push(&f->labels, label);
}

static void add_choices(form_field *f, const ws_choice *c, size_t n, bool en)
{
    for (size_t i = 0; i < n; i++)
        add_choice(f, c[i].code, en ? c[i].en : c[i].ja);
}

static form_kind form_kind_of(ws_field_kind k)
{
    switch (k) {
    case WS_FIELD_DATE: return FF_DATE;
    case WS_FIELD_TRI: return FF_TRI;
    case WS_FIELD_INT: return FF_INT;
    case WS_FIELD_LINES: return FF_LINES;
    case WS_FIELD_CATEGORY:
    case WS_FIELD_VENDOR:
    case WS_FIELD_HOSTING:
    case WS_FIELD_UPDATES_BY: return FF_CHOICE;
    default: return FF_TEXT;
    }
}

static void open_system(inv_state *st, app *a, const ws_system *sy)
{
    bool en = a->english;
    form_field *f = xcalloc(ws_system_field_count, sizeof *f);
    for (size_t i = 0; i < ws_system_field_count; i++) {
        const ws_field *d = &ws_system_fields[i];
        char *v = sy ? ws_field_text(sy, d) : xstrdup(d->kind == WS_FIELD_CATEGORY ? ws_categories[0].code : "");
        f[i] = (form_field){.label = en ? d->en : d->ja, .kind = form_kind_of(d->kind), .required = d->required, .value = v};
        switch (d->kind) {
        case WS_FIELD_CATEGORY:
            for (size_t k = 0; k < ws_category_count; k++)
                add_choice(&f[i], ws_categories[k].code, en ? ws_categories[k].en : ws_categories[k].ja);
            break;
        case WS_FIELD_HOSTING: add_choices(&f[i], ws_hosting_choices, ws_hosting_choice_count, en); break;
        case WS_FIELD_UPDATES_BY: add_choices(&f[i], ws_updates_by_choices, ws_updates_by_choice_count, en); break;
        case WS_FIELD_VENDOR:
            /* the vendors in use, and the system's own vendor even when archived */
            add_choice(&f[i], "", "-");
            for (size_t k = 0; k < st->nvendors; k++) {
                const ws_vendor *vd = &st->vendors[k];
                if (vd->archived_at && !(sy && sy->vendor_id == vd->id))
                    continue;
                sl_push_owned(&f[i].choices, xasprintf("%lld", (long long)vd->id));
                sl_push(&f[i].labels, vd->name);
            }
            break;
        default: break;
        }
    }
    int64_t *id = xmalloc(sizeof *id);
    *id = sy ? sy->id : 0;
    app_push(a, form_screen_new(a, L(INV_SYSTEMS), f, ws_system_field_count, save_system, id, free));
}

/* ---------- delete, archive, restore, undo ---------- */

/* The selected vendor or system: its entity, id, name and whether it is archived. */
static bool selected_record(inv_state *st, ws_entity *e, int64_t *id, const char **name, bool *archived)
{
    const inv_row *row = &st->rows[st->sel.sel];
    if (row->kind == ROW_VENDOR) {
        const ws_vendor *v = &st->vendors[row->index];
        *e = WS_VENDOR, *id = v->id, *name = v->name, *archived = v->archived_at != NULL;
        return true;
    }
    if (row->kind == ROW_SYSTEM) {
        const ws_system *sy = &st->systems[row->index];
        *e = WS_SYSTEM, *id = sy->id, *name = sy->name, *archived = sy->archived_at != NULL;
        return true;
    }
    return false;
}

static bool confirm(app *a, msg_id q, const char *name)
{
    char *m = msgf(q, name);
    bool yes = app_confirm(a, m);
    free(m);
    return yes;
}

static void said(app *a, msg_id done, const char *name)
{
    char *m = msgf(done, name);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
}

static int retire(inv_state *st, app *a, action act)
{
    ws_entity e;
    int64_t id;
    const char *name;
    bool archived;
    if (!selected_record(st, &e, &id, &name, &archived))
        return RES_IGNORED;
    char *label = xstrdup(name);
    status_detail err = {0};
    int res = RES_HANDLED;
    if (act == ACT_INV_DELETE) {
        if (confirm(a, MSG_INV_CONFIRM_DELETE, label)) {
            if (ws_delete(a->st, e, id, a->who, &err) == STATUS_OK) {
                said(a, MSG_INV_DELETED, label);
                res = RES_RELOAD;
            } else {
                app_status_error(a, &err);
            }
        }
    } else if (confirm(a, archived ? MSG_INV_CONFIRM_RESTORE : MSG_INV_CONFIRM_ARCHIVE, label)) {
        if (ws_archive(a->st, e, id, !archived, a->who, NULL, &err) == STATUS_OK) {
            said(a, archived ? MSG_INV_RESTORED : MSG_INV_ARCHIVED, label);
            res = RES_RELOAD;
        } else {
            app_status_error(a, &err);
        }
    }
    status_detail_free(&err);
    free(label);
    return res;
}

static int undo(app *a)
{
    ws_undone u;
    status_detail err = {0};
    if (ws_undo(a->st, NULL, a->who, &u, &err) != STATUS_OK) {
        app_status_error(a, &err);
        status_detail_free(&err);
        return RES_HANDLED;
    }
    said(a, MSG_INV_UNDONE, u.name ? u.name : "");
    ws_undone_free(&u);
    return RES_RELOAD;
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    inv_state *st = s->priv;
    int before = st->sel.sel;
    if (list_handle(&st->sel, ev->act)) {
        /* Skip section headers in the direction of travel. */
        int dir = st->sel.sel >= before ? 1 : -1;
        while (!selectable(&st->rows[st->sel.sel])) {
            int next = st->sel.sel + dir;
            if (next < 0 || next >= (int)st->nrows) {
                dir = -dir;
                next = st->sel.sel + dir;
            }
            list_select(&st->sel, next);
        }
        return RES_HANDLED;
    }
    const inv_row *row = &st->rows[st->sel.sel];
    if (ev->act == ACT_INV_DELETE || ev->act == ACT_INV_ARCHIVE)
        return retire(st, a, ev->act);
    if (ev->act == ACT_INV_UNDO)
        return undo(a);
    if (ev->act == ACT_INV_SHOW_ARCHIVED) {
        st->show_archived = !st->show_archived;
        if (st->show_archived)
            app_status(a, ROLE_STATUS, "%s", L(INV_SHOWING_ARCHIVED));
        return RES_RELOAD;
    }
    if (ev->act == ACT_CONTRACTS && row->kind == ROW_SYSTEM) {
        app_push(a, contracts_screen_new(a, st->systems[row->index].id));
        return RES_HANDLED;
    }
    if (ev->act == ACT_SYSTEM_LISTS && row->kind == ROW_SYSTEM) {
        app_push(a, syslists_screen_new(a, st->systems[row->index].id));
        return RES_HANDLED;
    }
    if (ev->act != ACT_OPEN)
        return RES_IGNORED;
    switch (row->kind) {
    case ROW_ORG: open_org(st, a); break;
    case ROW_VENDOR: open_vendor(a, &st->vendors[row->index]); break;
    case ROW_ADD_VENDOR: open_vendor(a, NULL); break;
    case ROW_SYSTEM: open_system(st, a, &st->systems[row->index]); break;
    case ROW_ADD_SYSTEM: open_system(st, a, NULL); break;
    default: break;
    }
    return RES_HANDLED;
}

/* A screen above closed (maybe after a change) or another process wrote: read the list again. */
static void reload(screen *s, app *a, unsigned why)
{
    if (why & (RELOAD_SELF | RELOAD_RESUME | RELOAD_EXTERNAL))
        load(s->priv, a);
}

static void done(screen *s)
{
    inv_state *st = s->priv;
    ws_org_free(&st->org);
    ws_vendor_list_free(st->vendors, st->nvendors);
    ws_system_list_free(st->systems, st->nsystems);
    free(st->rows);
    free(st);
}

static const keybind inv_binds[] = {
    {'L', ACT_SYSTEM_LISTS},
    {'K', ACT_CONTRACTS},
    {'d', ACT_INV_DELETE},
    {KEY_FN(KEY_DC), ACT_INV_DELETE},
    {'a', ACT_INV_ARCHIVE},
    {'H', ACT_INV_SHOW_ARCHIVED},
    {'u', ACT_INV_UNDO},
};
static const keymap inv_keys = {.name = "inventory", .binds = inv_binds, .len = AZ_ARRAY_LEN(inv_binds)};

static const screen_ops inv_ops = {
    .name = "inventory",
    .keys = &inv_keys,
    .title = title,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *inventory_screen_new(app *a)
{
    inv_state *st = xcalloc(1, sizeof *st);
    load(st, a);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &inv_ops;
    s->priv = st;
    return s;
}
