/* The start screen: the organisation, every assessment with its progress (answered bar and %,
 * positive %, overdue 目標日), responsible-party counts of the selected one; create (n), open
 * (Enter), carry over to another fiscal year (C), inventory (i), catalogs (b). The reload op
 * reads the rows again (after a change here, another screen's or another process's) and the
 * summaries of the rows in view; drawing only paints them. */
#include <stdlib.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "draw.h"
#include "text/lib.h"
#include "list.h"
#include "msg.h"
#include "contract/lib.h"
#include "contract_screens.h"
#include "screens.h"

typedef struct {
    ws_org org;
    bool have_org;
    assessment *list;
    size_t n;
    list_state sel;
    int (*owners)[RESP__COUNT]; /* per row, valid once the row's summary is computed */
    bool *summed;               /* per row: summary computed */
    summary_cache cache;        /* catalogs loaded once for the summaries */
    bool stale;                 /* a change here: read the rows again on the next reload */
    int64_t select_id;          /* select this assessment after that (0: keep the selection) */
    char *deemed;               /* the みなし遵守 line, NULL until a system records who applies updates */
    bool deemed_ok;
    int ev_expired, ev_due;     /* evidence register entries expired / due for review today */
    char *workshop;      /* the selected assessment's reconciliation counts (workshop.c), or NULL */
    int64_t workshop_of; /* the assessment they are of (-1: read again) */
} dash_state;

/* Rows of the list: the screen area less the organisation line, a blank line and the header above
 * and three footer lines below (the same arithmetic as draw). */
enum { DASH_ABOVE = 3, DASH_FOOTER = 3 };

static void load_deemed(dash_state *st, app *a);

static void load(dash_state *st, app *a)
{
    ws_org_free(&st->org);
    status_detail err = {0};
    status_code got = ws_org_get(a->st, &st->org, &err);
    st->have_org = got == STATUS_OK;
    if (got != STATUS_OK && got != STATUS_ORG_MISSING)
        app_status_error(a, &err);
    status_detail_free(&err);
    /* Rows only; summaries are computed for the rows in view (summarise_in_view). */
    assessment_list_free(st->list, st->n);
    if (summary_assess_rows(a->st, &st->list, &st->n, &err) != STATUS_OK)
        app_status_error(a, &err);
    free(st->owners);
    st->owners = xcalloc(st->n + 1, sizeof *st->owners);
    free(st->summed);
    st->summed = xcalloc(st->n + 1, sizeof *st->summed);
    list_set_count(&st->sel, (int)st->n);
    if (evidence_count_states(a->st, jpdate_today(), &st->ev_expired, &st->ev_due, &err) != STATUS_OK)
        app_status_error(a, &err);
    load_deemed(st, a);
}

/* The deemed-compliance verdict in one line (the blank line under the organisation): shown once
 * some system records who applies its security updates, so an inventory that never used the field
 * is not told it fails a rule it did not ask about. */
static void load_deemed(dash_state *st, app *a)
{
    xfree(&st->deemed);
    if (!deemed_recorded(a->st))
        return;
    deemed_report r;
    status_detail err = {0};
    if (deemed_compute(a->st, a->english, &r, &err) != STATUS_OK) {
        app_status_error(a, &err);
        status_detail_free(&err);
        return;
    }
    bool recorded = false;
    for (size_t i = 0; i < r.nsystems; i++)
        recorded = recorded || r.systems[i].updates_by;
    if (recorded) {
        strbuf sb = {0};
        sb_addf(&sb, "%s: %s", L(DEEMED), r.eligible ? L(DEEMED_YES) : L(DEEMED_NO));
        int failing = 0;
        for (size_t i = 0; i < r.nsystems; i++) {
            const deemed_system *d = &r.systems[i];
            if (d->reason == DEEMED_MET)
                continue;
            if (!failing++)
                sb_addf(&sb, " - %s: %s", d->system_name,
                        a->english ? deemed_reasons[d->reason].en : deemed_reasons[d->reason].ja);
        }
        if (failing > 1) {
            char *more = msgf(MSG_DEEMED_MORE, failing - 1);
            sb_addf(&sb, " %s", more);
            free(more);
        }
        int annex = 0;
        for (size_t i = 0; i < r.nvendors; i++)
            annex += !r.vendors[i].assessment_id || r.vendors[i].negative || r.vendors[i].unanswered;
        if (annex) {
            char *m = msgf(MSG_DEEMED_ANNEX, annex);
            sb_addf(&sb, "  %s", m);
            free(m);
        }
        st->deemed = sb_take(&sb);
        st->deemed_ok = r.eligible;
    }
    deemed_report_free(&r);
}

static bool in_view_summed(const dash_state *st)
{
    for (int i = st->sel.top; i < st->sel.top + st->sel.height && i < (int)st->n; i++)
        if (!st->summed[i])
            return false;
    return true;
}

/* Fills the summaries of the rows in view that have none yet (the same numbers assess_list
 * would give), all by one query over their answers. */
static void summarise_in_view(dash_state *st, app *a)
{
    int from = st->sel.top, to = st->sel.top + st->sel.height < (int)st->n ? st->sel.top + st->sel.height : (int)st->n;
    if (from >= to)
        return;
    assessment **rows = xcalloc((size_t)(to - from), sizeof *rows);
    int (*owners)[RESP__COUNT] = xcalloc((size_t)(to - from), sizeof *owners);
    size_t n = 0;
    for (int i = from; i < to; i++)
        if (!st->summed[i])
            rows[n++] = &st->list[i];
    summary_compute_rows(a->st, &st->cache, rows, n, jpdate_today(), owners);
    for (size_t k = 0; k < n; k++) {
        size_t i = (size_t)(rows[k] - st->list);
        memcpy(st->owners[i], owners[k], sizeof owners[k]);
        st->summed[i] = true;
    }
    free(owners);
    free(rows);
}

/* The workshop line is of the selected assessment: read again when the selection moved. */
static bool workshop_stale(const dash_state *st)
{
    return st->workshop_of != (st->n ? st->list[st->sel.sel].id : 0);
}

static void load_workshop(dash_state *st, app *a)
{
    xfree(&st->workshop);
    st->workshop_of = st->n ? st->list[st->sel.sel].id : 0;
    if (st->n)
        st->workshop = workshop_count_line(a, st->workshop_of);
}

static void select_id(dash_state *st, int64_t id)
{
    for (size_t i = 0; i < st->n; i++)
        if (st->list[i].id == id)
            list_select(&st->sel, (int)i);
}

static void reload(screen *s, app *a, unsigned why)
{
    dash_state *st = s->priv;
    if (st->stale || (why & (RELOAD_RESUME | RELOAD_EXTERNAL))) {
        int64_t keep = st->select_id ? st->select_id : st->n ? st->list[st->sel.sel].id : 0;
        load(st, a);
        select_id(st, keep);
        st->stale = false;
        st->select_id = 0;
    }
    list_set_height(&st->sel, app_screen_rect(a).h - DASH_ABOVE - DASH_FOOTER);
    summarise_in_view(st, a);
    if (why & (RELOAD_RESUME | RELOAD_EXTERNAL) || workshop_stale(st))
        load_workshop(st, a);
}

/* The catalog's short title for a row: its header from the store's cache (no listing of every
 * catalog with its node counts). */
static const char *catalog_short(app *a, const assessment *as, bool en)
{
    const catalog *c = catalog_db_head(a->st, as->catalog_id, as->catalog_version);
    if (!c)
        return as->catalog_id;
    const char *t = i18n_get(&c->short_title, en);
    return *t ? t : i18n_get(&c->title, en);
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)s;
    (void)a;
    sb_add(sb, L(DASHBOARD));
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(HINT_DASH);
}

enum { W_FY = 10, W_BAR = 12, W_PCT = 5, W_LATE = 5 };

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    dash_state *st = s->priv;
    int y = r.y, x = r.x + 1, right = r.x + r.w;
    /* Organisation */
    if (st->have_org) {
        int cx = draw_put(w, y, x, right, L(ORG), ROLE_LABEL);
        cx = draw_put(w, y, cx, right, ": ", ROLE_LABEL);
        cx = draw_put(w, y, cx, right, st->org.name, ROLE_HEADING);
        if (st->org.beds > 0) {
            char *b = msgf(MSG_ORG_BEDS, st->org.beds);
            cx = draw_put(w, y, cx + 1, right, "(", ROLE_NORMAL);
            cx = draw_put(w, y, cx, right, b, ROLE_NORMAL);
            cx = draw_put(w, y, cx, right, ")", ROLE_NORMAL);
            free(b);
        }
        if (st->org.security_officer && *st->org.security_officer) {
            cx = draw_put(w, y, cx + 2, right, L(OFFICER), ROLE_LABEL);
            cx = draw_put(w, y, cx, right, ": ", ROLE_LABEL);
            draw_put(w, y, cx, right, st->org.security_officer, ROLE_NORMAL);
        }
    } else {
        draw_put(w, y, x, right, L(ORG_NONE), ROLE_DIM);
    }
    int dx = x; /* the line under the organisation: the みなし遵守 verdict, then evidence to review */
    if (st->deemed)
        dx = draw_put(w, y + 1, x, right, st->deemed, st->deemed_ok ? ROLE_NORMAL : ROLE_WARNING) + 2;
    if (st->ev_expired || st->ev_due) { /* only when something needs attention */
        char *m = msgf(MSG_EV_DASH, st->ev_expired, st->ev_due);
        draw_put(w, y + 1, dx, right, m, ROLE_WARNING);
        free(m);
    }
    y += 2;
    /* Assessments table */
    int w_title = r.w - 1 - (W_FY + 1 + W_BAR + W_PCT + 1 + W_PCT + 1 + W_LATE + 1);
    int cx = x;
    draw_text(w, y, cx, w_title, L(COL_ASSESSMENT), ROLE_HEADER);
    cx += w_title + 1;
    draw_text(w, y, cx, W_FY, L(COL_FY), ROLE_HEADER);
    cx += W_FY + 1;
    draw_text(w, y, cx, W_BAR + W_PCT, L(COL_ANSWERED), ROLE_HEADER);
    cx += W_BAR + W_PCT + 1;
    draw_text(w, y, cx, W_PCT, L(COL_POSITIVE), ROLE_HEADER);
    cx += W_PCT + 1;
    draw_text(w, y, cx, W_LATE, L(COL_OVERDUE), ROLE_HEADER);
    y++;
    int rows = r.y + r.h - y - DASH_FOOTER;
    list_set_height(&st->sel, rows);
    if (st->n == 0)
        draw_put(w, y + 1, x, right, L(NO_ASSESSMENTS), ROLE_DIM);
    for (int i = 0; i < rows && st->sel.top + i < (int)st->n; i++) {
        int idx = st->sel.top + i;
        const assessment *as = &st->list[idx];
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        int ry = y + i;
        draw_fill(w, ry, r.x, r.w, base);
        if (sel)
            draw_put(w, ry, r.x, r.x + 1, ">", base);
        const char *scope = as->scope == SCOPE_SYSTEM && as->system_name ? as->system_name : L(SCOPE_ORG);
        char *t = xasprintf("#%lld %s  %s", (long long)as->id, as->title ? as->title : catalog_short(a, as, a->english),
                            scope);
        cx = x;
        role sr = ROLE_NORMAL;
        const char *signed_mark = signoff_state_label(as, true, &sr);
        int mw = signed_mark ? text_width(signed_mark) + 1 : 0;
        draw_text(w, ry, cx, w_title - mw, t, base);
        if (signed_mark)
            draw_text(w, ry, cx + w_title - mw + 1, mw - 1, signed_mark, sel ? base : sr);
        free(t);
        cx += w_title + 1;
        char *fy = jpdate_fy_label(as->fy, a->english);
        draw_text(w, ry, cx, W_FY, fy, base);
        free(fy);
        cx += W_FY + 1;
        if (!st->summed[idx])
            continue; /* only while a prompt is open across a resize: the reload op fills it in */
        int items = as->items > 0 ? as->items : 0;
        if (as->items < 0) { /* catalog no longer installed */
            draw_text(w, ry, cx, r.w - cx, "?", base);
            continue;
        }
        int pa = items ? as->answered * 100 / items : 0;
        int denom = items - as->not_applicable;
        int pp = denom > 0 ? as->positive * 100 / denom : 0;
        draw_put(w, ry, cx, right, "[", base);
        draw_bar(w, ry, cx + 1, W_BAR - 2, as->answered, items);
        draw_put(w, ry, cx + W_BAR - 1, right, "]", base);
        char buf[16];
        snprintf(buf, sizeof buf, "%4d%%", pa);
        draw_text(w, ry, cx + W_BAR, W_PCT, buf, base);
        cx += W_BAR + W_PCT + 1;
        snprintf(buf, sizeof buf, "%4d%%", pp);
        draw_text(w, ry, cx, W_PCT, buf, base);
        cx += W_PCT + 1;
        snprintf(buf, sizeof buf, "%5d", as->overdue);
        draw_text(w, ry, cx, W_LATE, buf, sel ? base : as->overdue ? ROLE_WARNING : ROLE_NORMAL);
    }
    /* Footer: sign-off and responsible parties of the selected assessment */
    int fy = r.y + r.h - 1;
    if (st->workshop)
        draw_put(w, fy - 2, x, right, st->workshop, ROLE_DIM);
    if (st->n > 0) {
        const assessment *as = &st->list[st->sel.sel];
        if (as->signed_at) {
            char *m = msgf(MSG_SIGNED_BY, as->signed_by ? as->signed_by : "", as->signed_role ? as->signed_role : "",
                           as->signed_at);
            int cx2 = draw_put(w, fy - 1, x, right, m, ROLE_DIM);
            free(m);
            if (as->changed_since_signoff) {
                cx2 = draw_put(w, fy - 1, cx2, right, "  ", ROLE_DIM);
                draw_put(w, fy - 1, cx2, right, L(SIGNED_CHANGED), ROLE_WARNING);
            }
        } else {
            draw_put(w, fy - 1, x, right, L(NOT_SIGNED), ROLE_DIM);
        }
    }
    if (st->n > 0 && st->summed[st->sel.sel] && st->list[st->sel.sel].items >= 0) {
        static const struct {
            responsibility r;
            msg_id m;
        } parts[] = {{RESP_HOSPITAL, MSG_RESP_HOSPITAL}, {RESP_VENDOR, MSG_RESP_VENDOR}, {RESP_JOINT, MSG_RESP_JOINT},
                     {RESP_NA, MSG_RESP_NA},             {RESP_NONE, MSG_OWNER_UNSET}};
        strbuf sb = {0};
        sb_addf(&sb, "%s:", L(BY_OWNER));
        for (size_t i = 0; i < AZ_ARRAY_LEN(parts); i++)
            sb_addf(&sb, "  %s %d", msg(parts[i].m), st->owners[st->sel.sel][parts[i].r]);
        draw_put(w, fy, x, right, sb_str(&sb), ROLE_DIM);
        sb_free(&sb);
    }
}

/* The catalog to carry into: Enter keeps the version, a digit picks another version of the
 * catalog or a successor that declares a crosswalk onto it (carry_targets). false on Esc. */
static bool carry_choose_target(app *a, const assessment *as, carry_spec *spec, char **id, char **ver)
{
    carry_target *t = NULL;
    size_t n = 0;
    status_detail err = {0};
    if (carry_targets(a->st, as->catalog_id, as->catalog_version, &t, &n, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    bool ok = true;
    if (n > 0) {
        char *head = msgf(MSG_CARRY_TARGET_MENU, as->catalog_version);
        strbuf sb = {0};
        sb_add(&sb, head);
        free(head);
        for (size_t i = 0; i < n && i < 9; i++)
            sb_addf(&sb, "  %zu:%s%s%s", i + 1, str_eq(t[i].catalog_id, as->catalog_id) ? "" : t[i].catalog_id,
                    str_eq(t[i].catalog_id, as->catalog_id) ? "" : "@", t[i].version);
        keycode k = 0;
        ok = app_menu(a, sb_str(&sb), &k);
        sb_free(&sb);
        if (ok && k >= '1' && k <= '9' && (size_t)(k - '1') < n) {
            *id = xstrdup(t[k - '1'].catalog_id);
            *ver = xstrdup(t[k - '1'].version);
            spec->to_catalog = *id;
            spec->to_version = *ver;
        }
    }
    carry_target_list_free(t, n);
    return ok;
}

static void carry(dash_state *st, app *a)
{
    if (st->n == 0)
        return;
    const assessment *as = &st->list[st->sel.sel];
    char init[16];
    snprintf(init, sizeof init, "%d", as->fy + 1);
    char *in = NULL;
    if (!app_prompt(a, L(CARRY_PROMPT), init, &in))
        return;
    carry_spec spec = {0};
    status_detail err = {0};
    if (!jpdate_parse_fy(in, &spec.to_fy, &err)) {
        app_status_error(a, &err);
        free(in);
        return;
    }
    free(in);
    char *id = NULL, *ver = NULL;
    if (!carry_choose_target(a, as, &spec, &id, &ver))
        return;
    /* Notes, owners and evidence always come along; answers and dates only when asked. */
    spec.flags = app_confirm(a, L(CARRY_VALUES)) ? CARRY_KEEP_VALUES | CARRY_KEEP_DATES : 0;
    carry_result res;
    status_code r = assess_carry_to(a->st, as->id, &spec, a->who, &res, &err);
    free(id);
    free(ver);
    if (r != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    st->stale = true;
    st->select_id = res.new_id;
    char *m = msgf(MSG_CARRIED, (long long)res.new_id, res.carried, (int)res.nskipped);
    evidence_entry *exp = NULL; /* entries that run out within the new year: said with the result */
    size_t nexp = 0;
    if (evidence_expiring(a->st, res.new_id, spec.to_fy, &exp, &nexp, &err) != STATUS_OK)
        status_detail_free(&err);
    char *e = nexp ? msgf(MSG_EV_CARRY_EXPIRING, nexp) : NULL;
    app_status(a, ROLE_STATUS_OK, "%s%s%s", m, e ? "  " : "", e ? e : "");
    evidence_list_free(exp, nexp);
    free(e);
    free(m);
    carry_result_free(&res);
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    dash_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return in_view_summed(st) && !workshop_stale(st) ? RES_HANDLED : RES_RELOAD;
    switch (ev->act) {
    case ACT_OPEN:
        if (st->n > 0) {
            screen *nav = navigator_screen_new(a, st->list[st->sel.sel].id);
            if (nav)
                app_push(a, nav);
        }
        return RES_HANDLED;
    case ACT_NEW:
        app_push(a, catalogs_picker_new(a));
        return RES_HANDLED;
    case ACT_CARRY:
        carry(st, a);
        return st->stale ? RES_RELOAD : RES_HANDLED;
    case ACT_INVENTORY:
        app_push(a, inventory_screen_new(a));
        return RES_HANDLED;
    case ACT_SIGNOFF:
        if (st->n > 0 && signoff_run(a, st->list[st->sel.sel].id)) {
            st->stale = true;
            return RES_RELOAD;
        }
        return RES_HANDLED;
    case ACT_CATALOGS:
        app_push(a, catalogs_screen_new(a));
        return RES_HANDLED;
    case ACT_CONTRACTS:
        app_push(a, contracts_screen_new(a, 0));
        return RES_HANDLED;
    case ACT_REGISTER:
        app_push(a, evidence_screen_new(a, 0, NULL, NULL, PARTY_HOSPITAL));
        return RES_HANDLED;
    case ACT_WORKSHOP:
        if (st->n > 0) {
            screen *ws = workshop_screen_new(a, st->list[st->sel.sel].id, NULL);
            if (ws)
                app_push(a, ws);
        }
        return RES_HANDLED;
    case ACT_EXPORT:
        if (st->n > 0) {
            screen *ex = export_screen_new(a, st->list[st->sel.sel].id);
            if (ex)
                app_push(a, ex);
        }
        return RES_HANDLED;
    default:
        return RES_IGNORED;
    }
}

static void done(screen *s)
{
    dash_state *st = s->priv;
    ws_org_free(&st->org);
    assessment_list_free(st->list, st->n);
    free(st->owners);
    free(st->summed);
    free(st->deemed);
    free(st->workshop);
    summary_cache_free(&st->cache);
    free(st);
}

static const keybind dash_binds[] = {
    {'n', ACT_NEW}, {'C', ACT_CARRY}, {'i', ACT_INVENTORY}, {'b', ACT_CATALOGS}, {'S', ACT_SIGNOFF}, {KEY_FN(KEY_RIGHT), ACT_OPEN}, {'K', ACT_CONTRACTS},
    {'x', ACT_EXPORT}, {'E', ACT_REGISTER},
    {'W', ACT_WORKSHOP},
};
static const keymap dash_keys = {.name = "dashboard", .binds = dash_binds, .len = AZ_ARRAY_LEN(dash_binds)};

static const screen_ops dash_ops = {
    .name = "dashboard",
    .keys = &dash_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *dashboard_screen_new(app *a)
{
    dash_state *st = xcalloc(1, sizeof *st);
    st->workshop_of = -1;
    load(st, a);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &dash_ops;
    s->priv = st;
    reload(s, a, 0);
    return s;
}
