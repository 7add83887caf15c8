/* The inventory (台帳): the organisation, the vendors and the systems, each opening a form.
 * Saving goes through core/workspace.h (one transaction with history each); its validation
 * messages (naming the field) appear on the status line and the form stays open. L on a system
 * opens its lists (ports, storage, connections, controls: syslists.c); the form keeps them. */
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
    st->nrows = 0;
    add_row(st, ROW_HEADER, 0, L(INV_ORG));
    add_row(st, ROW_ORG, 0, NULL);
    add_row(st, ROW_HEADER, 0, L(INV_VENDORS));
    for (size_t i = 0; i < st->nvendors; i++)
        add_row(st, ROW_VENDOR, i, NULL);
    add_row(st, ROW_ADD_VENDOR, 0, L(INV_ADD_VENDOR));
    add_row(st, ROW_HEADER, 0, L(INV_SYSTEMS));
    for (size_t i = 0; i < st->nsystems; i++)
        add_row(st, ROW_SYSTEM, i, NULL);
    add_row(st, ROW_ADD_SYSTEM, 0, L(INV_ADD_SYSTEM));
    list_set_count(&st->sel, (int)st->nrows);
    if (!selectable(&st->rows[st->sel.sel]))
        list_select(&st->sel, st->sel.sel + 1);
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)s;
    (void)a;
    sb_add(sb, L(INVENTORY));
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
            draw_text(w, y, x, 36, t, base);
            free(t);
            if (v->contact)
                draw_put(w, y, x + 37, right, v->contact, sel ? base : ROLE_DIM);
            break;
        }
        case ROW_SYSTEM: {
            const ws_system *sy = &st->systems[row->index];
            char *t = xasprintf("#%lld %s", (long long)sy->id, sy->name);
            draw_text(w, y, x, 36, t, base);
            free(t);
            char *u = xasprintf("%s%s%s", category_label(sy->category, a->english), sy->vendor_name ? " / " : "",
                                sy->vendor_name ? sy->vendor_name : "");
            draw_put(w, y, x + 37, right, u, sel ? base : ROLE_DIM);
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

enum { SF_NAME, SF_CATEGORY, SF_VENDOR, SF_PRODUCT, SF_VERSION, SF_HOSTING, SF_REMOTE, SF_REMOTE_METHOD, SF_MEDDEV,
       SF_PATIENT, SF_EOS, SF_BACKUP, SF_NOTE,
       SF_UPDATES, SF_UPDATES_CONTRACT, /* guideline 7.0 みなし遵守 */
       SF__COUNT };

static bool save_system(void *ctx, app *a, form_field *f, size_t n)
{
    (void)n;
    int64_t *id = ctx;
    ws_system sys = {0};
    status_detail err = {0};
    /* Keep what the form does not show (lists, other fields) by starting from the stored row. */
    if (*id && ws_system_get(a->st, *id, &sys, &err) != STATUS_OK) {
        status_detail_free(&err);
    }
    sys.id = *id;
#define SET(field, v) do { free(sys.field); sys.field = nz(v); } while (0)
    SET(name, f[SF_NAME].value);
    SET(category, f[SF_CATEGORY].value);
    sys.vendor_id = *f[SF_VENDOR].value ? strtoll(f[SF_VENDOR].value, NULL, 10) : 0;
    SET(product, f[SF_PRODUCT].value);
    SET(product_version, f[SF_VERSION].value);
    SET(hosting, f[SF_HOSTING].value);
    sys.remote_maintenance = tri_of(f[SF_REMOTE].value);
    SET(remote_method, f[SF_REMOTE_METHOD].value);
    sys.medical_device = tri_of(f[SF_MEDDEV].value);
    sys.patient_data_in_maintenance = tri_of(f[SF_PATIENT].value);
    SET(end_of_support, f[SF_EOS].value);
    SET(backup_method, f[SF_BACKUP].value);
    SET(note, f[SF_NOTE].value);
    SET(security_updates_by, f[SF_UPDATES].value);
    sys.security_updates_in_contract = tri_of(f[SF_UPDATES_CONTRACT].value);
#undef SET
    status_code r = ws_system_save(a->st, &sys, a->who, NULL, &err);
    bool ok = report(a, r, &err, sys.name ? sys.name : "");
    ws_system_free(&sys);
    return ok;
}

static void open_system(inv_state *st, app *a, const ws_system *sy)
{
    form_field *f = xcalloc(SF__COUNT, sizeof *f);
    f[SF_NAME] = text_field(L(F_NAME), sy ? sy->name : NULL, true);
    f[SF_CATEGORY] = kind_field(L(F_CATEGORY), FF_CHOICE, sy ? sy->category : ws_categories[0].code);
    f[SF_CATEGORY].required = true;
    for (size_t i = 0; i < ws_category_count; i++) {
        sl_push(&f[SF_CATEGORY].choices, ws_categories[i].code);
        sl_push(&f[SF_CATEGORY].labels, a->english ? ws_categories[i].en : ws_categories[i].ja);
    }
    char vid[24] = "";
    if (sy && sy->vendor_id)
        snprintf(vid, sizeof vid, "%lld", (long long)sy->vendor_id);
    f[SF_VENDOR] = kind_field(L(F_VENDOR), FF_CHOICE, vid);
    sl_push(&f[SF_VENDOR].choices, "");
    sl_push(&f[SF_VENDOR].labels, "-");
    for (size_t i = 0; i < st->nvendors; i++) {
        sl_push_owned(&f[SF_VENDOR].choices, xasprintf("%lld", (long long)st->vendors[i].id));
        sl_push(&f[SF_VENDOR].labels, st->vendors[i].name);
    }
    f[SF_PRODUCT] = text_field(L(F_PRODUCT), sy ? sy->product : NULL, false);
    f[SF_VERSION] = text_field(L(F_VERSION), sy ? sy->product_version : NULL, false);
    f[SF_HOSTING] = kind_field(L(F_HOSTING), FF_CHOICE, sy ? sy->hosting : "");
    const char *hv[] = {"", "on-premises", "cloud", "hybrid"};
    const char *hl[] = {"-", L(HOST_ONPREM), L(HOST_CLOUD), L(HOST_HYBRID)};
    for (size_t i = 0; i < 4; i++) {
        sl_push(&f[SF_HOSTING].choices, hv[i]);
        sl_push(&f[SF_HOSTING].labels, hl[i]);
    }
    f[SF_REMOTE] = kind_field(L(F_REMOTE), FF_TRI, sy ? tri_value(sy->remote_maintenance) : "");
    f[SF_REMOTE_METHOD] = text_field(L(F_REMOTE_METHOD), sy ? sy->remote_method : NULL, false);
    f[SF_MEDDEV] = kind_field(L(F_MEDDEV), FF_TRI, sy ? tri_value(sy->medical_device) : "");
    f[SF_PATIENT] = kind_field(L(F_PATIENT_DATA), FF_TRI, sy ? tri_value(sy->patient_data_in_maintenance) : "");
    f[SF_EOS] = kind_field(L(F_EOS), FF_DATE, sy ? sy->end_of_support : NULL);
    f[SF_BACKUP] = text_field(L(F_BACKUP), sy ? sy->backup_method : NULL, false);
    f[SF_NOTE] = text_field(L(F_NOTE), sy ? sy->note : NULL, false);
    f[SF_UPDATES] = kind_field(L(F_UPDATES_BY), FF_CHOICE, sy ? sy->security_updates_by : "");
    const char *uv[] = {"", "hospital", "vendor", "none"};
    const char *ul[] = {"-", L(UPDATES_HOSPITAL), L(UPDATES_VENDOR), L(UPDATES_NONE)};
    for (size_t i = 0; i < 4; i++) {
        sl_push(&f[SF_UPDATES].choices, uv[i]);
        sl_push(&f[SF_UPDATES].labels, ul[i]);
    }
    f[SF_UPDATES_CONTRACT] =
        kind_field(L(F_UPDATES_CONTRACT), FF_TRI, sy ? tri_value(sy->security_updates_in_contract) : "");
    int64_t *id = xmalloc(sizeof *id);
    *id = sy ? sy->id : 0;
    app_push(a, form_screen_new(a, L(INV_SYSTEMS), f, SF__COUNT, save_system, id, free));
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
    if (why & (RELOAD_RESUME | RELOAD_EXTERNAL))
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
