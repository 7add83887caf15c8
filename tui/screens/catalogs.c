/* The catalog browser: every catalog in the database, Enter opens one as a tree. */
#include <stdlib.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "text/lib.h"
#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"

typedef struct {
    bool pick; /* choosing the catalog of a new assessment */
    catalog_info *cats;
    size_t ncats;
    list_state list;
} catalogs_state;

const char *kind_label(const char *kind)
{
    static const struct {
        const char *kind;
        msg_id m;
    } kinds[] = {
        {"guideline", MSG_KIND_GUIDELINE}, {"checklist", MSG_KIND_CHECKLIST},   {"kakuninhyo", MSG_KIND_KAKUNINHYO},
        {"disclosure", MSG_KIND_DISCLOSURE}, {"clauses", MSG_KIND_CLAUSES}, {"crosswalk", MSG_KIND_CROSSWALK},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(kinds); i++)
        if (str_eq(kind, kinds[i].kind))
            return msg(kinds[i].m);
    return kind ? kind : "";
}

static const char *completeness_label(const char *c)
{
    if (str_eq(c, "complete"))
        return L(COMPLETE);
    if (str_eq(c, "partial"))
        return L(PARTIAL);
    if (str_eq(c, "skeleton"))
        return L(SKELETON);
    return c ? c : "";
}

static void load(catalogs_state *st, app *a)
{
    catalog_info_free(st->cats, st->ncats);
    status_detail err = {0};
    if (catalog_db_list(a->st, &st->cats, &st->ncats, &err) != STATUS_OK)
        app_status_error(a, &err);
    if (st->pick) { /* only catalogs with something to answer */
        catalog_info *drop = xcalloc(st->ncats + 1, sizeof *drop);
        size_t k = 0, nd = 0;
        for (size_t i = 0; i < st->ncats; i++) {
            if (st->cats[i].items > 0)
                st->cats[k++] = st->cats[i];
            else
                drop[nd++] = st->cats[i];
        }
        catalog_info_free(drop, nd);
        st->ncats = k;
    }
    list_set_count(&st->list, (int)st->ncats);
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    catalogs_state *st = s->priv;
    sb_add(sb, st->pick ? L(NEW_PICK_CATALOG) : L(CATALOGS));
}

/* Asks the fiscal year and the scope, creates the assessment; returns its id or 0. */
static int64_t create_assessment(app *a, const catalog_info *c)
{
    char init[16];
    snprintf(init, sizeof init, "%d", jpdate_fiscal_year(jpdate_today()));
    char *in = NULL;
    status_detail err = {0};
    if (!app_prompt(a, L(FY_PROMPT), init, &in))
        return 0;
    int fy = 0;
    bool ok = jpdate_parse_fy(in, &fy, &err);
    free(in);
    if (!ok) {
        app_status_error(a, &err);
        return 0;
    }
    assess_spec spec = {.catalog_id = c->id, .catalog_version = c->version, .scope = SCOPE_ORG, .fy = fy};
    ws_system *systems = NULL;
    size_t nsys = 0;
    if (ws_system_list(a->st, &systems, &nsys, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return 0;
    }
    size_t in_service = 0; /* archived systems are not offered */
    for (size_t i = 0; i < nsys; i++)
        in_service += !systems[i].archived_at;
    ws_system_list_free(systems, nsys);
    if (in_service > 0) {
        if (!app_prompt(a, L(SYSTEM_PROMPT), "", &in))
            return 0;
        if (*in) {
            int64_t sid = 0;
            if (ws_system_find(a->st, in, &sid, &err) != STATUS_OK) {
                app_status_error(a, &err);
                free(in);
                return 0;
            }
            spec.scope = SCOPE_SYSTEM;
            spec.system_id = sid;
        }
        free(in);
    }
    int64_t id = 0;
    if (assess_create(a->st, &spec, a->who, &id, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return 0;
    }
    char *m = msgf(MSG_CREATED, (long long)id);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
    return id;
}

/* Column layout: kind | id@version | title | items | status. The id column takes up to 2/5 of
 * what the fixed columns leave (at most COL_ID_MAX), the title the rest. */
enum { COL_KIND = 14, COL_ID_MAX = 27, COL_ITEMS = 5, COL_STATUS = 8 };

/* The title that tells catalogs apart in `cols` columns: the full title when it fits, else the
 * short one (made for this: 「CSチェックリスト R7 医療機関」 / 「… 事業者」), else the short (or
 * full) one cut from the middle, since the end is what differs (…医療機関確認用） / …事業者確認用）).
 * Caller frees. */
static char *fitted_title(const catalog_info *c, int cols, bool english)
{
    const char *full = i18n_get(&c->title, english), *shortt = i18n_get(&c->short_title, english);
    if (text_width(full) <= cols || !*shortt)
        return text_truncate_middle(full, cols, DRAW_MARKER);
    return text_truncate_middle(shortt, cols, DRAW_MARKER);
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    catalogs_state *st = s->priv;
    int avail = r.w - (1 + COL_KIND + 1 + 1 + COL_ITEMS + 1 + COL_STATUS + 1);
    int COL_ID = avail * 2 / 5 < COL_ID_MAX ? avail * 2 / 5 : COL_ID_MAX;
    int title_w = avail - COL_ID;
    int x = r.x + 1;
    int y = r.y;
    /* Header */
    draw_text(w, y, x, COL_KIND, L(CAT_KIND), ROLE_HEADER);
    draw_text(w, y, x + COL_KIND + 1, COL_ID, L(CAT_ID), ROLE_HEADER);
    draw_text(w, y, x + COL_KIND + 1 + COL_ID + 1, title_w, L(CAT_TITLE), ROLE_HEADER);
    char *items_h = text_truncate(L(CAT_ITEMS), COL_ITEMS, DRAW_MARKER);
    int iw = text_width(items_h);
    draw_put(w, y, x + COL_KIND + 1 + COL_ID + 1 + title_w + 1 + COL_ITEMS - iw, r.x + r.w, items_h, ROLE_HEADER);
    free(items_h);
    draw_text(w, y, x + COL_KIND + 1 + COL_ID + 1 + title_w + 1 + COL_ITEMS + 1, COL_STATUS, L(CAT_STATUS),
              ROLE_HEADER);
    y++;
    int rows = r.h - 1;
    list_set_height(&st->list, rows);
    if (st->ncats == 0) {
        draw_put(w, y + 1, x, r.x + r.w, L(NO_CATALOGS), ROLE_DIM);
        return;
    }
    for (int i = 0; i < rows && st->list.top + i < (int)st->ncats; i++) {
        int idx = st->list.top + i;
        const catalog_info *c = &st->cats[idx];
        bool sel = idx == st->list.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        draw_fill(w, y + i, r.x, r.w, base);
        if (sel)
            draw_put(w, y + i, r.x, r.x + 1, ">", base);
        char *idv = xasprintf("%s@%s", c->id, c->version);
        char items[16];
        snprintf(items, sizeof items, "%5d", c->items);
        int cx = x;
        draw_text(w, y + i, cx, COL_KIND, kind_label(c->kind), base);
        cx += COL_KIND + 1;
        char *idv_fit = text_truncate_middle(idv, COL_ID, DRAW_MARKER); /* the version at the end stays */
        draw_text(w, y + i, cx, COL_ID, idv_fit, base);
        free(idv_fit);
        cx += COL_ID + 1;
        char *t = fitted_title(c, title_w, a->english);
        draw_text(w, y + i, cx, title_w, t, base);
        free(t);
        cx += title_w + 1;
        draw_text(w, y + i, cx, COL_ITEMS, items, base);
        cx += COL_ITEMS + 1;
        bool incomplete = !str_eq(c->completeness, "complete");
        draw_text(w, y + i, cx, COL_STATUS, completeness_label(c->completeness),
                  sel ? base : (incomplete ? ROLE_PARTIAL : ROLE_POSITIVE));
        free(idv);
    }
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    catalogs_state *st = s->priv;
    if (list_handle(&st->list, ev->act))
        return RES_HANDLED;
    if (ev->act == ACT_OPEN && st->ncats > 0) {
        const catalog_info *c = &st->cats[st->list.sel];
        if (st->pick) {
            int64_t id = create_assessment(a, c);
            if (!id)
                return RES_HANDLED;
            a->pending = navigator_screen_new(a, id);
            return RES_CLOSE;
        }
        screen *b = browse_screen_new(a, c->id, c->version);
        if (b)
            app_push(a, b);
        return RES_HANDLED;
    }
    return RES_IGNORED;
}

/* A screen above closed (maybe after a change) or another process wrote: read the list again. */
static void reload(screen *s, app *a, unsigned why)
{
    if (why & (RELOAD_RESUME | RELOAD_EXTERNAL))
        load(s->priv, a);
}

static void done(screen *s)
{
    catalogs_state *st = s->priv;
    catalog_info_free(st->cats, st->ncats);
    free(st);
}

static const keybind catalogs_binds[] = {
    {KEY_FN(KEY_RIGHT), ACT_OPEN},
    {'l', ACT_OPEN},
};
static const keymap catalogs_keys = {.name = "catalogs", .binds = catalogs_binds, .len = AZ_ARRAY_LEN(catalogs_binds)};

static const screen_ops catalogs_ops = {
    .name = "catalogs",
    .keys = &catalogs_keys,
    .title = title,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

static screen *make(app *a, bool pick)
{
    catalogs_state *st = xcalloc(1, sizeof *st);
    st->pick = pick;
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &catalogs_ops;
    s->priv = st;
    load(st, a);
    return s;
}

screen *catalogs_screen_new(app *a)
{
    return make(a, false);
}

screen *catalogs_picker_new(app *a)
{
    return make(a, true);
}
