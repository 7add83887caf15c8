/* The maintenance contracts: all of them (from the dashboard, K) or those covering one system
 * (from the inventory, K on a system). Enter opens one; n creates one — for the system it was
 * opened from (its vendor by default), else for systems named on the status line. */
#include <stdlib.h>

#include "contract_screens.h"
#include "contract/lib.h"
#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"

typedef struct {
    int64_t system_id; /* 0 = all */
    char *system_name;
    contract *list;
    size_t n;
    list_state sel;
} cl_state;

static void load(cl_state *st, app *a)
{
    contract_list_free(st->list, st->n);
    status_detail err = {0};
    if (contract_list(a->st, st->system_id, &st->list, &st->n, &err) != STATUS_OK)
        app_status_error(a, &err);
    list_set_count(&st->sel, (int)st->n);
}

static void title(screen *s, app *a, strbuf *sb)
{
    cl_state *st = s->priv;
    (void)a;
    sb_add(sb, CT("保守契約", "Contracts"));
    if (st->system_name)
        sb_addf(sb, " (%s)", st->system_name);
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return CT("Enter:開く  n:新規  q:戻る", "Enter:open  n:new  q:back");
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    cl_state *st = s->priv;
    (void)a;
    int x = r.x + 1, right = r.x + r.w;
    draw_text(w, r.y, x, 4, "#", ROLE_HEADER);
    draw_text(w, r.y, x + 5, 18, CT("契約番号", "Reference"), ROLE_HEADER);
    draw_text(w, r.y, x + 24, 14, CT("事業者", "Vendor"), ROLE_HEADER);
    draw_text(w, r.y, x + 39, 23, CT("契約期間", "Term"), ROLE_HEADER);
    draw_put(w, r.y, x + 63, right, CT("対象システム", "Systems"), ROLE_HEADER);
    if (!st->n) {
        draw_put(w, r.y + 2, x, right, CT("契約がありません。n で作成します。", "No contracts. Press n to create one."), ROLE_DIM);
        return;
    }
    list_set_height(&st->sel, r.h - 1);
    for (int i = 0; i < r.h - 1 && st->sel.top + i < (int)st->n; i++) {
        int idx = st->sel.top + i;
        const contract *k = &st->list[idx];
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        int y = r.y + 1 + i;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        char num[24];
        snprintf(num, sizeof num, "%lld", (long long)k->id);
        draw_text(w, y, x, 4, num, base);
        draw_text(w, y, x + 5, 18, k->ref ? k->ref : "-", base);
        draw_text(w, y, x + 24, 14, k->vendor_name, base);
        char *term = k->term_start || k->term_end ? xasprintf("%s - %s", k->term_start ? k->term_start : "", k->term_end ? k->term_end : "")
                                                  : xstrdup("-");
        draw_text(w, y, x + 39, 23, term, base);
        free(term);
        strbuf sy = {0};
        for (size_t j = 0; j < k->nsystems; j++)
            sb_addf(&sy, "%s%s", j ? ", " : "", k->system_names[j]);
        draw_put(w, y, x + 63, right, sb_str(&sy), base);
        sb_free(&sy);
    }
}

/* Systems named on the status line, separated by commas (、 too). false with a message. */
static bool systems_arg(app *a, const char *text, int64_t **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    size_t cap = 0;
    char *copy = xstrdup(text);
    bool ok = true;
    for (char *p = copy; ok && p && *p;) {
        char *comma = strstr(p, ",");
        char *jp = strstr(p, "、");
        char *end = comma && (!jp || comma < jp) ? comma : jp;
        size_t skip = end == comma ? 1 : 3;
        if (end)
            *end = '\0';
        while (*p == ' ')
            p++;
        size_t len = strlen(p);
        while (len && p[len - 1] == ' ')
            p[--len] = '\0';
        if (*p) {
            int64_t id;
            status_detail err = {0};
            if (ws_system_find(a->st, p, &id, &err) != STATUS_OK) {
                app_status_error(a, &err);
                ok = false;
            } else {
                GROW(*ids, cap, *n + 1);
                (*ids)[(*n)++] = id;
            }
        }
        p = end ? end + skip : NULL;
    }
    free(copy);
    return ok && *n;
}

static void create(cl_state *st, app *a)
{
    int64_t *ids = NULL;
    size_t n = 0;
    int64_t vendor = 0;
    char *text = NULL;
    status_detail err = {0}; /* the lookups below only suggest a vendor: their failures are not shown */
    if (st->system_id) {
        ids = xcalloc(1, sizeof *ids);
        ids[n++] = st->system_id;
    } else if (!app_prompt(a, CT("対象システム（カンマ区切り）: ", "Systems (comma-separated): "), "", &text) ||
               !systems_arg(a, text, &ids, &n)) {
        free(text);
        free(ids);
        return;
    }
    free(text);
    text = NULL;
    ws_system sys;
    if (ws_system_get(a->st, ids[0], &sys, &err) == STATUS_OK) {
        vendor = sys.vendor_id;
        ws_system_free(&sys);
    }
    status_detail_free(&err);
    ws_vendor v = {0};
    if (vendor && ws_vendor_get(a->st, vendor, &v, &err) != STATUS_OK)
        v = (ws_vendor){0};
    status_detail_free(&err);
    bool ok = app_prompt(a, CT("事業者: ", "Vendor: "), v.name ? v.name : "", &text);
    ws_vendor_free(&v);
    if (ok && ws_vendor_find(a->st, text, &vendor, &err) != STATUS_OK) {
        app_status_error(a, &err);
        ok = false;
    }
    free(text);
    text = NULL;
    if (ok)
        ok = app_prompt(a, CT("契約番号（空欄可）: ", "Contract reference (may be empty): "), "", &text);
    if (ok) {
        contract_spec spec = {.vendor_id = vendor, .system_ids = ids, .nsystems = n, .ref = text};
        int64_t id = 0;
        if (contract_create(a->st, &spec, a->who, &id, &err) != STATUS_OK) {
            app_status_error(a, &err);
        } else {
            load(st, a);
            for (size_t i = 0; i < st->n; i++)
                if (st->list[i].id == id)
                    list_select(&st->sel, (int)i);
            app_status(a, ROLE_STATUS_OK, CT("契約 #%lld を作成しました", "created contract #%lld"), (long long)id);
            screen *c = contract_screen_new(a, id);
            if (c)
                app_push(a, c);
        }
    }
    free(text);
    free(ids);
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    cl_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return RES_HANDLED;
    switch (ev->act) {
    case ACT_OPEN:
        if (st->n) {
            screen *c = contract_screen_new(a, st->list[st->sel.sel].id);
            if (c)
                app_push(a, c);
        }
        return RES_HANDLED;
    case ACT_NEW: create(st, a); return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

/* Back from a contract (maybe changed), or another process wrote. */
static void reload(screen *s, app *a, unsigned why)
{
    if (!(why & (RELOAD_RESUME | RELOAD_EXTERNAL)))
        return;
    cl_state *st = s->priv;
    int keep = st->sel.sel;
    load(st, a);
    list_select(&st->sel, keep);
}

static void done(screen *s)
{
    cl_state *st = s->priv;
    contract_list_free(st->list, st->n);
    free(st->system_name);
    free(st);
}

static const keybind cl_binds[] = {
    {'n', ACT_NEW},
    {KEY_FN(KEY_RIGHT), ACT_OPEN},
};
static const keymap cl_keys = {.name = "contracts", .binds = cl_binds, .len = AZ_ARRAY_LEN(cl_binds)};

static const screen_ops cl_ops = {
    .name = "contracts",
    .keys = &cl_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *contracts_screen_new(app *a, int64_t system_id)
{
    cl_state *st = xcalloc(1, sizeof *st);
    st->system_id = system_id;
    if (system_id) {
        ws_system sys;
        status_detail err = {0};
        if (ws_system_get(a->st, system_id, &sys, &err) == STATUS_OK) {
            st->system_name = xstrdup(sys.name);
            ws_system_free(&sys);
        } else {
            app_status_error(a, &err);
        }
    }
    load(st, a);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &cl_ops;
    s->priv = st;
    return s;
}
