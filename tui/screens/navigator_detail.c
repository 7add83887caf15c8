/* The navigator's right-hand pane: the selected node's detail as cached lines (text + role),
 * built from the model when the node, the width or the data changes, and drawn from the cache. */
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "history/lib.h"
#include "msg.h"
#include "navigator.h"
#include "screens.h"
#include "text/lib.h"

/* ---------- labels ---------- */

static char *date_display(const char *iso, bool english)
{
    jp_date d;
    status_detail err = {0};
    if (!iso)
        return xstrdup("-");
    if (!jpdate_parse(iso, &d, &err)) {
        status_detail_free(&err);
        return xstrdup(iso);
    }
    if (english)
        return xstrdup(iso);
    char *w = jpdate_format_wareki(d, false);
    char *r = xasprintf("%s (%s)", iso, w);
    free(w);
    return r;
}

const char *nav_field_label(const char *f)
{
    if (str_eq(f, "value")) return L(FIELD_VALUE);
    if (str_eq(f, "checked")) return L(DATE_CHECKED);
    if (str_eq(f, "due")) return L(DATE_DUE);
    if (str_eq(f, "done")) return L(DATE_DONE);
    if (str_eq(f, "owner")) return L(FIELD_OWNER);
    if (str_eq(f, "owner_vendor")) return L(VENDOR);
    if (str_eq(f, "note")) return L(NOTE);
    if (str_eq(f, "evidence")) return L(FIELD_EVIDENCE);
    if (str_eq(f, "reason")) return L(FIELD_REASON);
    if (str_eq(f, "signed_by") || str_eq(f, "signed_role") || str_eq(f, "signed_at") ||
        str_eq(f, "changed_since_signoff"))
        return L(FIELD_SIGNOFF);
    return f ? f : "";
}

/* ---------- detail ---------- */

/* Whether any answer of the catalog asks for a reason / any item names an addressee: then every
 * item shows the row, "-" when it has none. */
static bool catalog_asks_reasons(const catalog *c)
{
    for (size_t i = 0; i < c->nanswers; i++)
        if (c->answers[i].needs_reason)
            return true;
    return false;
}

static bool catalog_names_actors(const catalog *c)
{
    for (size_t i = 0; i < c->nnodes; i++)
        if (c->nodes[i].kind == NODE_ITEM && c->nodes[i].actor)
            return true;
    return false;
}

void nav_detail_clear(nav_state *st)
{
    for (int i = 0; i < st->ndetail; i++)
        free(st->detail[i].text);
    st->ndetail = 0;
}

void dline_add(dline **lines, int *n, size_t *cap, const char *text, role r)
{
    if (!*text && (*n == 0 || !*(*lines)[*n - 1].text))
        return;
    GROW(*lines, *cap, (size_t)*n + 1);
    (*lines)[(*n)++] = (dline){xstrdup(text), r};
}

void dline_wrap(dline **lines, int *n, size_t *cap, const char *text, int width, role r, int indent)
{
    strlist wrapped = {0};
    wrap_text(text, width - indent, &wrapped);
    for (size_t i = 0; i < wrapped.len; i++) {
        char *t = xasprintf("%*s%s", indent, "", wrapped.items[i]);
        dline_add(lines, n, cap, t, r);
        free(t);
    }
    sl_free(&wrapped);
}

void dline_field(dline **lines, int *n, size_t *cap, int width, const char *label, const char *value, role r)
{
    char *t = xasprintf("%s: %s", label, value);
    dline_wrap(lines, n, cap, t, width, r, 0);
    free(t);
}

static void detail_add(nav_state *st, const char *text, role r)
{
    dline_add(&st->detail, &st->ndetail, &st->capdetail, text, r);
}

static void detail_wrap(nav_state *st, const char *text, int width, role r, int indent)
{
    dline_wrap(&st->detail, &st->ndetail, &st->capdetail, text, width, r, indent);
}

static void detail_field(nav_state *st, int width, const char *label, const char *value, role r)
{
    dline_field(&st->detail, &st->ndetail, &st->capdetail, width, label, value, r);
}

static void build_answer_detail(nav_state *st, app *a, int node, int width)
{
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    const answer *ans = nav_effective(st, node);
    const answer_def *d = nav_answer_def(st, ans);
    role gr;
    nav_glyph(st, node, &gr);
    char *v = d ? xasprintf("%s%s%s%s", i18n_get(&d->label, en), ans->party != PARTY_HOSPITAL ? " (" : "",
                            ans->party != PARTY_HOSPITAL ? nav_party_label(ans->party) : "",
                            ans->party != PARTY_HOSPITAL ? ")" : "")
                : xstrdup(L(UNANSWERED));
    detail_field(st, width, L(ANSWER), v, d ? gr : ROLE_DIM);
    free(v);
    /* Fixed rows: the reason (and below, the addressee) are shown as "-" when the item has none,
     * so the rows under them stay where they were and moving to another item rewrites only what
     * differs, not every label below (the navigator's bytes per key, README "Performance"). */
    bool has_reason = ans && ans->reason, lacks_reason = !has_reason && d && d->needs_reason;
    if (has_reason || catalog_asks_reasons(st->cat)) /* an answer that needs one implies the catalog asks */
        detail_field(st, width, L(REASON), has_reason ? ans->reason : lacks_reason ? L(REASON_MISSING) : "-",
                     lacks_reason ? ROLE_WARNING : ROLE_NORMAL);
    strbuf keys = {0};
    for (size_t i = 0; i < st->cat->nanswers; i++)
        if (st->cat->answers[i].key)
            sb_addf(&keys, "%s%c:%s", keys.len ? " " : "", st->cat->answers[i].key,
                    i18n_get(&st->cat->answers[i].label, en));
    detail_field(st, width, L(ANSWER_KEYS), sb_str(&keys), ROLE_DIM);
    sb_free(&keys);
    struct {
        unsigned bit;
        const char *label;
        const char *value;
    } dates[] = {{DATE_CHECKED, L(DATE_CHECKED), ans ? ans->checked : NULL},
                 {DATE_DUE, L(DATE_DUE), ans ? ans->due : NULL},
                 {DATE_DONE, L(DATE_DONE), ans ? ans->done : NULL}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(dates); i++) {
        if (!(st->cat->dates & dates[i].bit))
            continue;
        char *dd = date_display(dates[i].value, en);
        bool late = dates[i].bit == DATE_DUE && nav_is_overdue(st, ans);
        char *t = late ? xasprintf("%s  %s", dd, L(OVERDUE)) : xstrdup(dd);
        detail_field(st, width, dates[i].label, t, late ? ROLE_WARNING : ROLE_NORMAL);
        free(t);
        free(dd);
    }
    int64_t vid = 0;
    responsibility owner = nav_owner_of(st, node, &vid);
    const char *vn = vid ? nav_vendor_name(st, vid) : NULL;
    char *o = vn ? xasprintf("%s (%s)", nav_resp_label(owner), vn) : xstrdup(nav_resp_label(owner));
    detail_field(st, width, L(RESP), o, ROLE_NORMAL);
    free(o);
    if (n->actor || catalog_names_actors(st->cat))
        detail_field(st, width, L(ACTOR), n->actor ? n->actor : "-", ROLE_NORMAL);
    /* What comes and goes per item follows the fixed rows. */
    size_t k = 0; /* the sources were read with the node (nav_reload) */
    for (size_t i = 0; st->sel.node == node && i < st->nprops; i++) {
        const proposal *p = &st->props[i];
        if (!str_eq(p->item_id, n->id) || k >= st->sel.prop_sources.len)
            continue;
        const answer_def *pd = catalog_find_answer(st->cat, p->value);
        const char *src = st->sel.prop_sources.items[k++];
        if (k == 1) /* one heading with the key, then one indented line per proposal */
            detail_add(st, L(PROPOSALS_HEAD), ROLE_KEY);
        char *t = msgf(MSG_PROPOSAL_LINE, pd ? i18n_get(&pd->label, en) : p->value, src, proposal_rel_label(p->rel));
        detail_wrap(st, t, width, ROLE_KEY, 2);
        free(t);
    }
    /* Each party's own answer, when more than the hospital's exists or another party is answering. */
    bool others = st->party != PARTY_HOSPITAL;
    for (int p = PARTY_VENDOR; p < PARTY__COUNT; p++)
        if (answer_set_find(&st->answers, n->id, (answer_party)p))
            others = true;
    if (others) {
        strbuf sb = {0};
        for (int p = 0; p < PARTY__COUNT; p++) {
            const answer *pa = answer_set_find(&st->answers, n->id, (answer_party)p);
            const answer_def *pd = pa && pa->value ? catalog_find_answer(st->cat, pa->value) : NULL;
            sb_addf(&sb, "%s%s%s %s", sb.len ? " / " : "", p == (int)st->party ? "*" : "", nav_party_label((answer_party)p),
                    pd ? i18n_get(&pd->label, en) : "-");
        }
        detail_field(st, width, L(BY_PARTY), sb_str(&sb), ROLE_NORMAL);
        sb_free(&sb);
    }
    if (ans && ans->note && *ans->note) {
        detail_add(st, L(NOTE), ROLE_LABEL);
        detail_wrap(st, ans->note, width, ROLE_NORMAL, 2);
    }
    if (ans && ans->nevidence) { /* the linked register entries with their review dates */
        detail_add(st, L(EVIDENCE), ROLE_LABEL);
        for (size_t i = 0; i < ans->nevidence; i++) {
            const answer_evidence *e = &ans->evidence[i];
            evidence_state es = evidence_state_on(e->review, st->today);
            bool warn = es == EVIDENCE_EXPIRED || es == EVIDENCE_DUE;
            strbuf sb = {0};
            sb_addf(&sb, "#%lld %s", (long long)e->id, e->title);
            if (e->review)
                sb_addf(&sb, "  %s %s", L(EV_COL_REVIEW), e->review);
            if (warn)
                sb_addf(&sb, "  !%s", es == EVIDENCE_EXPIRED ? L(EV_EXPIRED) : L(EV_DUE));
            char *t = sb_take(&sb);
            detail_wrap(st, t, width, warn ? ROLE_WARNING : ROLE_NORMAL, 2);
            free(t);
        }
    }
    (void)n;
}

/* s with its line breaks as " / ". Caller frees. */
static char *one_line(const char *s)
{
    strbuf b = {0};
    for (const char *p = s; *p; p++) {
        if (*p == '\n')
            sb_add(&b, " / ");
        else
            sb_addc(&b, *p);
    }
    return b.data ? sb_take(&b) : xstrdup("");
}

/* The node's newest changes, as nav_reload read them with the selection. */
static void build_history(nav_state *st, app *a, int node, int width)
{
    const history_row *rows = st->sel.node == node ? st->sel.history : NULL;
    size_t n = rows ? st->sel.nhistory : 0;
    if (n) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(HISTORY), ROLE_LABEL);
    }
    for (size_t i = n; i-- > 0;) {
        const history_row *h = &rows[i];
        char when[CLOCK_LOCAL_SIZE]; /* stored UTC, shown in local time with the zone */
        clock_local_text(h->at, false, when);
        const char *ov = h->old_value ? h->old_value : "-"; /* vendor ids were named at load */
        const char *nv = h->new_value ? h->new_value : "-";
        if (str_eq(h->field, "value")) {
            const answer_def *od = h->old_value ? catalog_find_answer(st->cat, h->old_value) : NULL;
            const answer_def *nd = h->new_value ? catalog_find_answer(st->cat, h->new_value) : NULL;
            if (od)
                ov = i18n_get(&od->label, a->english);
            if (nd)
                nv = i18n_get(&nd->label, a->english);
        }
        answer_party hp = PARTY_HOSPITAL;
        bool other_party = h->party && answer_party_parse(h->party, &hp) && hp != PARTY_HOSPITAL;
        char *ovl = one_line(ov), *nvl = one_line(nv); /* several links (or note lines) on one line */
        ov = ovl;
        nv = nvl;
        char *t = xasprintf("%s %s%s %s%s%s%s: %s -> %s", when, h->kind && str_eq(h->kind, "undo") ? "(undo) " : "",
                            h->who ? h->who : "", other_party ? "[" : "", other_party ? nav_party_label(hp) : "",
                            other_party ? "] " : "", nav_field_label(h->field), ov, nv);
        detail_wrap(st, t, width, ROLE_DIM, 2);
        free(t);
        free(ovl);
        free(nvl);
    }
}

void nav_detail_build(nav_state *st, app *a, int node, int width)
{
    nav_detail_clear(st);
    st->detail_node = node;
    st->detail_width = width;
    st->detail_stale = false;
    if (node < 0)
        return;
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    char *head = xasprintf("%s%s%s", n->ref ? n->ref : "", n->ref ? "  " : "", nav_node_label(n, en));
    /* In an assessment the title takes exactly one line, so the answer block below stays on the
     * same rows from item to item and a move redraws only what differs (the full text follows). */
    if (st->aid && n->kind == NODE_ITEM)
        detail_add(st, head, ROLE_HEADING);
    else
        detail_wrap(st, head, width, ROLE_HEADING, 0);
    free(head);
    if (n->kind == NODE_HEADING) {
        char *c = msgf(MSG_ITEMS_IN, st->nodes[node].items_below);
        if (st->aid) {
            char *c2 = xasprintf("%s  %s %d/%d", c, L(COL_ANSWERED), st->nodes[node].answered_below, st->nodes[node].items_below);
            free(c);
            c = c2;
        }
        detail_add(st, c, ROLE_DIM);
        free(c);
        if (st->aid && st->cat->nfields && st->fields_entered >= 0) { /* the form's header fields: F edits them */
            char *f = msgf(MSG_FIELDS_COUNT, st->fields_entered, (int)st->cat->nfields);
            detail_add(st, f, ROLE_DIM);
            free(f);
        }
        return;
    }
    if (st->aid) {
        detail_add(st, "", ROLE_NORMAL);
        build_answer_detail(st, a, node, width);
    }
    const char *text = i18n_get(&n->text, en);
    if (*i18n_get(&n->title, en) && *text) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(TEXT), ROLE_LABEL);
        detail_wrap(st, text, width, ROLE_NORMAL, 2);
    }
    const char *guid = i18n_get(&n->guidance, en);
    if (*guid) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(GUIDANCE), ROLE_LABEL);
        detail_wrap(st, guid, width, ROLE_NORMAL, 2);
    }
    detail_add(st, "", ROLE_NORMAL);
    if (n->actor && !st->aid) /* in an assessment: with the answer block */
        detail_field(st, width, L(ACTOR), n->actor, ROLE_NORMAL);
    if (n->resp != RESP_NONE && !st->aid)
        detail_field(st, width, L(RESP), nav_resp_label(n->resp), ROLE_NORMAL);
    if (n->target_fy) {
        char *t = xasprintf("%d", n->target_fy);
        detail_field(st, width, L(TARGET_FY), t, ROLE_NORMAL);
        free(t);
    }
    const node_link *links = st->nodes[node].links; /* read with the selection (nav_reload) */
    size_t nl = st->nodes[node].nlinks;
    if (nl) {
        detail_add(st, "", ROLE_NORMAL);
        detail_add(st, L(LINKS), ROLE_LABEL);
        for (size_t i = 0; i < nl; i++) {
            const node_link *l = &links[i];
            char *t = xasprintf("%s %s %s %s%s%s", l->outgoing ? L(LINK_OUT) : L(LINK_IN), l->catalog,
                                l->ref ? l->ref : l->node, l->title ? l->title : "", l->rel ? " / " : "",
                                l->rel ? l->rel : "");
            detail_wrap(st, t, width, ROLE_NORMAL, 2);
            free(t);
        }
    }
    detail_add(st, "", ROLE_NORMAL);
    detail_add(st, n->verified ? L(VERIFIED) : L(UNVERIFIED), n->verified ? ROLE_DIM : ROLE_PARTIAL);
    if (n->source)
        detail_field(st, width, L(SOURCE), n->source, ROLE_DIM);
    if (st->aid)
        build_history(st, a, node, width);
}

/* ---------- drawing ---------- */

void nav_detail_draw(nav_state *st, app *a, WINDOW *w, rect r)
{
    int node = nav_selected_node(st);
    if (node != st->detail_node || r.w != st->detail_width || st->detail_stale)
        nav_detail_build(st, a, node, r.w);
    if (st->detail_top > st->ndetail - 1)
        st->detail_top = st->ndetail > 0 ? st->ndetail - 1 : 0;
    for (int i = 0; i < r.h && st->detail_top + i < st->ndetail; i++) {
        const dline *d = &st->detail[st->detail_top + i];
        draw_put(w, r.y + i, r.x, r.x + r.w, d->text, d->r);
    }
}
