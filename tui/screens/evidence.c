/* The evidence register (証跡台帳): every entry with its kind, review date and state (expired and
 * due marked), the selected entry's details and the items that use it. Opened from an item of an
 * assessment (+ in the navigator) it has a target: l links the selected entry to that item's
 * answer (of the party being answered), or unlinks it; entries linked to the target are marked *.
 * n adds an entry, Enter edits one (a form), a archives or brings back (links stay), A shows the
 * archived ones. Each change is one core call = one transaction. */
#include <stdlib.h>

#include "draw.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text/lib.h"

typedef struct {
    /* the target: an item's answer of one party, or none (aid 0) */
    int64_t aid;
    char *item_id, *item_label;
    answer_party party;
    int64_t *linked; /* entries linked to the target, read with the list */
    size_t nlinked;
    bool with_archived;
    evidence_entry *list;
    size_t n;
    list_state sel;
    int64_t uses_for; /* the entry the uses were read for, 0 none */
    evidence_use *uses;
    size_t nuses;
    jp_date today;
} ev_state;

static bool is_linked(const ev_state *st, int64_t id)
{
    for (size_t i = 0; i < st->nlinked; i++)
        if (st->linked[i] == id)
            return true;
    return false;
}

static int64_t selected_id(const ev_state *st)
{
    return st->n ? st->list[st->sel.sel].id : 0;
}

/* The target answer's links (the party's own answer; no row yet = none). */
static void load_linked(ev_state *st, app *a)
{
    free(st->linked);
    st->linked = NULL;
    st->nlinked = 0;
    if (!st->aid)
        return;
    answer_set set;
    status_detail err = {0};
    if (assess_load_answers(a->st, st->aid, &set, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    const answer *x = answer_set_find(&set, st->item_id, st->party);
    if (x && x->nevidence) {
        st->linked = xcalloc(x->nevidence, sizeof *st->linked);
        for (size_t i = 0; i < x->nevidence; i++)
            st->linked[st->nlinked++] = x->evidence[i].id;
    }
    answer_set_free(&set);
}

static void load_uses(ev_state *st, app *a)
{
    evidence_uses_free(st->uses, st->nuses);
    st->uses = NULL;
    st->nuses = 0;
    st->uses_for = selected_id(st);
    status_detail err = {0};
    if (st->uses_for && evidence_uses(a->st, st->uses_for, &st->uses, &st->nuses, &err) != STATUS_OK)
        app_status_error(a, &err);
}

static void load(ev_state *st, app *a, int64_t keep)
{
    evidence_list_free(st->list, st->n);
    st->list = NULL;
    st->n = 0;
    status_detail err = {0};
    if (evidence_list(a->st, st->with_archived, &st->list, &st->n, &err) != STATUS_OK)
        app_status_error(a, &err);
    list_set_count(&st->sel, (int)st->n);
    for (size_t i = 0; keep && i < st->n; i++)
        if (st->list[i].id == keep)
            list_select(&st->sel, (int)i);
    st->today = jpdate_today();
    load_linked(st, a);
    load_uses(st, a);
}

static const char *state_label(evidence_state s, role *r)
{
    *r = s == EVIDENCE_EXPIRED || s == EVIDENCE_DUE ? ROLE_WARNING : ROLE_NORMAL;
    return s == EVIDENCE_EXPIRED ? L(EV_EXPIRED) : s == EVIDENCE_DUE ? L(EV_DUE) : s == EVIDENCE_CURRENT ? L(EV_CURRENT) : "-";
}

static void title(screen *s, app *a, strbuf *sb)
{
    ev_state *st = s->priv;
    (void)a;
    sb_add(sb, L(EV_TITLE));
    if (st->aid) {
        char *t = msgf(MSG_EV_FOR, st->item_label);
        sb_addf(sb, " - %s", t);
        free(t);
    }
}

static const char *hint(screen *s, app *a)
{
    ev_state *st = s->priv;
    (void)a;
    return st->aid ? L(EV_HINT) : L(EV_HINT_NO_TARGET);
}

/* The selected entry's details and uses, from row y to the bottom of r. */
static void draw_detail(ev_state *st, app *a, WINDOW *w, rect r, int y)
{
    const evidence_entry *e = &st->list[st->sel.sel];
    int x = r.x + 1, right = r.x + r.w, bottom = r.y + r.h;
    const struct {
        const char *label, *value;
    } rows[] = {{L(EV_COL_KIND), evidence_kind_label(e->kind, a->english)},
                {L(EV_REF), e->ref},
                {L(EV_OWNER), e->owner},
                {L(EV_EFFECTIVE), e->effective},
                {L(EV_REVIEW_DATE), e->review},
                {L(EV_NOTE), e->note}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(rows) && y < bottom; i++) {
        if (!rows[i].value)
            continue;
        draw_text(w, y, x, 16, rows[i].label, ROLE_LABEL);
        char *one = draw_sanitize(rows[i].value);
        draw_put(w, y++, x + 17, right, one, ROLE_NORMAL);
        free(one);
    }
    if (y >= bottom)
        return;
    char *u = msgf(MSG_EV_USED_BY, (int)st->nuses);
    draw_put(w, y++, x, right, u, ROLE_LABEL);
    free(u);
    for (size_t i = 0; i < st->nuses && y < bottom; i++) {
        const evidence_use *us = &st->uses[i];
        char *fy = jpdate_fy_label(us->fy, a->english);
        char *line = xasprintf("#%lld %s@%s %s  %s%s%s%s%s", (long long)us->assessment_id, us->catalog_id,
                               us->catalog_version, fy, us->ref ? us->ref : "", us->ref ? " " : "", us->item_id,
                               us->party != PARTY_HOSPITAL ? " " : "",
                               us->party == PARTY_VENDOR ? L(PARTY_VENDOR) : us->party == PARTY_AGREED ? L(PARTY_AGREED) : "");
        draw_put(w, y++, x + 2, right, line, ROLE_NORMAL);
        free(line);
        free(fy);
    }
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    ev_state *st = s->priv;
    int x = r.x + 1, right = r.x + r.w;
    /* columns: mark(2) #(5) title kind(14) review(10) state(10) links(6) */
    int tail = 14 + 1 + 10 + 1 + 10 + 1 + 6;
    int tw = r.w - 2 - 2 - 5 - 1 - tail;
    if (tw < 10)
        tw = 10;
    int cx = x + 2 + 5, ck = cx + tw + 1, cr = ck + 15, cs = cr + 11, cl = cs + 11;
    draw_text(w, r.y, x + 2, 5, "#", ROLE_HEADER);
    draw_text(w, r.y, cx, tw, L(EV_COL_TITLE), ROLE_HEADER);
    draw_text(w, r.y, ck, 14, L(EV_COL_KIND), ROLE_HEADER);
    draw_text(w, r.y, cr, 10, L(EV_COL_REVIEW), ROLE_HEADER);
    draw_text(w, r.y, cs, 10, L(EV_COL_STATE), ROLE_HEADER);
    draw_put(w, r.y, cl, right, L(EV_COL_LINKS), ROLE_HEADER);
    if (!st->n) {
        draw_put(w, r.y + 2, x, right, L(EV_EMPTY), ROLE_DIM);
        return;
    }
    int list_h = (r.h - 1) / 2;
    if (list_h < 3)
        list_h = r.h - 1;
    list_set_height(&st->sel, list_h);
    for (int i = 0; i < list_h && st->sel.top + i < (int)st->n; i++) {
        int idx = st->sel.top + i;
        const evidence_entry *e = &st->list[idx];
        bool sel = idx == st->sel.sel;
        role base = sel ? ROLE_SELECTED : e->archived ? ROLE_DIM : ROLE_NORMAL;
        int y = r.y + 1 + i;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        if (is_linked(st, e->id))
            draw_put(w, y, x, x + 1, "*", base);
        char num[24];
        snprintf(num, sizeof num, "%lld", (long long)e->id);
        draw_text(w, y, x + 2, 5, num, base);
        char *t = draw_sanitize(e->title);
        draw_text(w, y, cx, tw, t, base);
        free(t);
        draw_text(w, y, ck, 14, evidence_kind_label(e->kind, a->english), base);
        draw_text(w, y, cr, 10, e->review ? e->review : "-", base);
        role sr = ROLE_NORMAL;
        const char *sl = e->archived ? L(EV_ARCHIVED) : state_label(evidence_state_on(e->review, st->today), &sr);
        draw_text(w, y, cs, 10, sl, sel || e->archived ? base : sr);
        char links[16];
        snprintf(links, sizeof links, "%d", e->links);
        draw_put(w, y, cl, right, links, base);
    }
    if (list_h < r.h - 1)
        draw_detail(st, a, w, r, r.y + 2 + list_h);
}

static form_field text_field(const char *label, const char *value, bool required)
{
    return (form_field){.label = label, .kind = FF_TEXT, .required = required, .value = xstrdup(value ? value : "")};
}

enum { EVF_TITLE, EVF_KIND, EVF_REF, EVF_OWNER, EVF_EFFECTIVE, EVF_REVIEW, EVF_NOTE, EVF__COUNT };

typedef struct {
    ev_state *st;
    int64_t id; /* 0 = new */
} ev_form_ctx;

static bool save_form(void *ctx, app *a, form_field *f, size_t n)
{
    (void)n;
    ev_form_ctx *c = ctx;
    evidence_change ch = {.fields = EF_TITLE | EF_KIND | EF_REF | EF_OWNER | EF_EFFECTIVE | EF_REVIEW | EF_NOTE,
                          .title = f[EVF_TITLE].value,
                          .ref = f[EVF_REF].value,
                          .owner = f[EVF_OWNER].value,
                          .effective = f[EVF_EFFECTIVE].value,
                          .review = f[EVF_REVIEW].value,
                          .note = f[EVF_NOTE].value};
    if (!evidence_kind_parse(f[EVF_KIND].value, &ch.kind))
        ch.kind = EVIDENCE_OTHER;
    status_detail err = {0};
    int64_t id = c->id;
    status_code r = c->id ? evidence_edit(a->st, c->id, &ch, a->who, NULL, &err) : evidence_add(a->st, &ch, a->who, &id, &err);
    if (r != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    char *m = msgf(MSG_EV_SAVED, (long long)id, ch.title);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
    load(c->st, a, id); /* the register shows the new entry selected when the form closes */
    return true;
}

static void open_form(ev_state *st, app *a, const evidence_entry *e)
{
    form_field *f = xcalloc(EVF__COUNT, sizeof *f);
    f[EVF_TITLE] = text_field(L(EV_COL_TITLE), e ? e->title : NULL, true);
    f[EVF_KIND] = (form_field){.label = L(EV_COL_KIND), .kind = FF_CHOICE, .required = true,
                               .value = xstrdup(evidence_kind_name(e ? e->kind : EVIDENCE_POLICY))};
    for (int k = 0; k < EVIDENCE__COUNT; k++) {
        sl_push(&f[EVF_KIND].choices, evidence_kind_name((evidence_kind)k));
        sl_push(&f[EVF_KIND].labels, evidence_kind_label((evidence_kind)k, a->english));
    }
    f[EVF_REF] = text_field(L(EV_REF), e ? e->ref : NULL, false);
    f[EVF_OWNER] = text_field(L(EV_OWNER), e ? e->owner : NULL, false);
    f[EVF_EFFECTIVE] = (form_field){.label = L(EV_EFFECTIVE), .kind = FF_DATE, .value = xstrdup(e && e->effective ? e->effective : "")};
    f[EVF_REVIEW] = (form_field){.label = L(EV_REVIEW_DATE), .kind = FF_DATE, .value = xstrdup(e && e->review ? e->review : "")};
    f[EVF_NOTE] = text_field(L(EV_NOTE), e ? e->note : NULL, false);
    ev_form_ctx *ctx = xcalloc(1, sizeof *ctx);
    *ctx = (ev_form_ctx){st, e ? e->id : 0};
    app_push(a, form_screen_new(a, L(EV_TITLE), f, EVF__COUNT, save_form, ctx, free));
}

static void toggle_link(ev_state *st, app *a)
{
    if (!st->aid) {
        app_status(a, ROLE_STATUS_ERR, "%s", L(EV_NO_TARGET));
        return;
    }
    const evidence_entry *e = &st->list[st->sel.sel];
    bool link = !is_linked(st, e->id);
    status_detail err = {0};
    int changed = 0;
    if (evidence_link_set(a->st, e->id, st->aid, st->item_id, st->party, 0, link, a->who, &changed, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    char *m = msgf(link ? MSG_EV_LINKED : MSG_EV_UNLINKED, st->item_label, (long long)e->id, e->title);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
}

static void toggle_archive(ev_state *st, app *a)
{
    const evidence_entry *e = &st->list[st->sel.sel];
    evidence_change ch = {.fields = EF_ARCHIVED, .archived = !e->archived};
    status_detail err = {0};
    if (evidence_edit(a->st, e->id, &ch, a->who, NULL, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    char *m = msgf(ch.archived ? MSG_EV_ARCHIVED_NOW : MSG_EV_UNARCHIVED_NOW, (long long)e->id);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    ev_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return selected_id(st) != st->uses_for ? RES_RELOAD : RES_HANDLED; /* read the new entry's uses */
    switch (ev->act) {
    case ACT_NEW: open_form(st, a, NULL); return RES_HANDLED;
    case ACT_OPEN:
        if (st->n)
            open_form(st, a, &st->list[st->sel.sel]);
        return RES_HANDLED;
    case ACT_LINK:
        if (st->n)
            toggle_link(st, a);
        return RES_RELOAD;
    case ACT_ARCHIVE:
        if (st->n)
            toggle_archive(st, a);
        return RES_RELOAD;
    case ACT_SHOW_ARCHIVED: st->with_archived = !st->with_archived; return RES_RELOAD;
    default: return RES_IGNORED;
    }
}

static void reload(screen *s, app *a, unsigned why)
{
    ev_state *st = s->priv;
    if (why & (RELOAD_SELF | RELOAD_RESUME | RELOAD_EXTERNAL))
        load(st, a, selected_id(st));
}

static void done(screen *s)
{
    ev_state *st = s->priv;
    evidence_list_free(st->list, st->n);
    evidence_uses_free(st->uses, st->nuses);
    free(st->linked);
    free(st->item_id);
    free(st->item_label);
    free(st);
}

static const keybind ev_binds[] = {
    {'n', ACT_NEW}, {'e', ACT_OPEN}, {'l', ACT_LINK}, {'a', ACT_ARCHIVE}, {'A', ACT_SHOW_ARCHIVED},
};
static const keymap ev_keys = {.name = "evidence", .binds = ev_binds, .len = AZ_ARRAY_LEN(ev_binds)};

static const screen_ops ev_ops = {
    .name = "evidence",
    .keys = &ev_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *evidence_screen_new(app *a, int64_t assessment_id, const char *item_id, const char *item_label,
                            answer_party party)
{
    ev_state *st = xcalloc(1, sizeof *st);
    st->aid = item_id ? assessment_id : 0;
    st->item_id = item_id ? xstrdup(item_id) : NULL;
    st->item_label = xstrdup(item_label ? item_label : "");
    st->party = party;
    load(st, a, 0);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &ev_ops;
    s->priv = st;
    return s;
}
