/* The walk-through's card: one item in full, as lines (text + role) for a scrolling body, plus the
 * path of headings and the answer bar. Only the navigator's state is read, never the database. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "msg.h"
#include "text/lib.h"
#include "walk.h"

void walk_card_free(walk_card *c)
{
    for (int i = 0; i < c->n; i++)
        free(c->lines[i].text);
    free(c->lines);
    *c = (walk_card){.node = -1};
}

static void add(walk_card *c, const char *text, role r)
{
    dline_add(&c->lines, &c->n, &c->cap, text, r);
}

static void wrap(walk_card *c, const char *text, int width, role r, int indent)
{
    dline_wrap(&c->lines, &c->n, &c->cap, text, width, r, indent);
}

static void field(walk_card *c, int width, const char *label, const char *value, role r)
{
    dline_field(&c->lines, &c->n, &c->cap, width, label, value, r);
}

/* "2026-04-01 (令和8年4月1日)" in Japanese, the ISO date in English, "-" when empty. */
static char *date_text(const char *iso, bool english)
{
    jp_date d;
    status_detail err = {0};
    if (str_empty(iso))
        return xstrdup("-");
    if (english || !jpdate_parse(iso, &d, &err)) {
        status_detail_free(&err);
        return xstrdup(iso);
    }
    char *w = jpdate_format_wareki(d, false);
    char *r = xasprintf("%s (%s)", iso, w);
    free(w);
    return r;
}

static const char *value_label(const nav_state *st, const answer *x, bool english)
{
    const answer_def *d = nav_answer_def(st, x);
    return d ? i18n_get(&d->label, english) : "-";
}

/* Who an answer row belongs to: 医療機関, 事業者 (A社), 合意. Caller frees. */
static char *party_text(const nav_state *st, answer_party p, int64_t vendor)
{
    const char *vn = p == PARTY_VENDOR && vendor ? nav_vendor_name(st, vendor) : NULL;
    return vn ? xasprintf("%s (%s)", nav_party_label(p), vn) : xstrdup(nav_party_label(p));
}

/* The dates the form has, of one answer row: "確認日 2026-04-01 (…)  目標日 -". Caller frees. */
static char *dates_text(const nav_state *st, const answer *x, bool english, bool overdue)
{
    static const unsigned bits[] = {DATE_CHECKED, DATE_DUE, DATE_DONE};
    strbuf sb = {0};
    for (size_t i = 0; i < AZ_ARRAY_LEN(bits); i++) {
        if (!(st->cat->dates & bits[i]))
            continue;
        const char *v = !x ? NULL : bits[i] == DATE_CHECKED ? x->checked : bits[i] == DATE_DUE ? x->due : x->done;
        const char *label = bits[i] == DATE_CHECKED ? L(DATE_CHECKED) : bits[i] == DATE_DUE ? L(DATE_DUE) : L(DATE_DONE);
        char *d = date_text(v, english);
        sb_addf(&sb, "%s%s: %s", sb.len ? "  " : "", label, d);
        if (bits[i] == DATE_DUE && overdue)
            sb_addf(&sb, " %s", L(OVERDUE));
        free(d);
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

/* Whether the card shows every party: a workshop (answering as vendor or agreed), or a row of a
 * party other than the hospital exists. */
static bool workshop(const nav_state *st, const char *item_id)
{
    if (st->party != PARTY_HOSPITAL)
        return true;
    return answer_set_find(&st->answers, item_id, PARTY_VENDOR) || answer_set_find(&st->answers, item_id, PARTY_AGREED);
}

static void by_party(walk_card *c, const nav_state *st, const catalog_node *n, int width, bool en)
{
    add(c, "", ROLE_NORMAL);
    add(c, L(BY_PARTY), ROLE_LABEL);
    for (int p = 0; p < PARTY__COUNT; p++) {
        const answer *x = answer_set_find(&st->answers, n->id, (answer_party)p);
        char *who = party_text(st, (answer_party)p, x ? x->party_vendor_id : 0);
        char *dates = dates_text(st, x, en, nav_is_overdue(st, x));
        char *t = xasprintf("%s%s: %s  %s", p == (int)st->party ? "*" : " ", who, value_label(st, x, en), dates);
        role r = ROLE_NORMAL;
        if (x && nav_answer_def(st, x))
            nav_glyph(st, (int)(n - st->cat->nodes), &r);
        wrap(c, t, width, p == (int)st->party ? r : ROLE_NORMAL, 1);
        free(t);
        free(dates);
        free(who);
    }
}

void walk_card_build(walk_card *c, const nav_state *st, app *a, int node, int width)
{
    walk_card_free(c);
    c->node = node;
    c->width = width;
    if (node < 0)
        return;
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    const char *title = i18n_get(&n->title, en), *text = i18n_get(&n->text, en);
    char *head = xasprintf("%s%s%s", n->ref ? n->ref : "", n->ref ? "  " : "", *title ? title : text);
    wrap(c, head, width, ROLE_HEADING, 0);
    free(head);
    if (*title && *text) {
        add(c, "", ROLE_NORMAL);
        wrap(c, text, width, ROLE_NORMAL, 0);
    }
    const char *guid = i18n_get(&n->guidance, en);
    if (*guid) {
        add(c, "", ROLE_NORMAL);
        add(c, L(GUIDANCE), ROLE_LABEL);
        wrap(c, guid, width, ROLE_NORMAL, 2);
    }
    if (workshop(st, n->id))
        by_party(c, st, n, width, en);
    add(c, "", ROLE_NORMAL);
    int64_t vid = 0;
    responsibility owner = nav_owner_of(st, node, &vid);
    const char *vn = vid ? nav_vendor_name(st, vid) : NULL;
    char *o = vn ? xasprintf("%s (%s)", nav_resp_label(owner), vn) : xstrdup(nav_resp_label(owner));
    field(c, width, L(RESP), o, ROLE_NORMAL);
    free(o);
    if (n->actor)
        field(c, width, L(ACTOR), n->actor, ROLE_NORMAL);
    if (n->target_fy) {
        char *fy = jpdate_fy_label_both(n->target_fy, en);
        field(c, width, L(TARGET_FY), fy, ROLE_NORMAL);
        free(fy);
    }
    const answer *x = answer_set_find(&st->answers, n->id, st->party);
    if (x && !str_empty(x->note)) {
        add(c, L(NOTE), ROLE_LABEL);
        wrap(c, x->note, width, ROLE_NORMAL, 2);
    }
    if (x && !str_empty(x->reason)) {
        add(c, L(REASON), ROLE_LABEL);
        wrap(c, x->reason, width, ROLE_NORMAL, 2);
    }
    if (x && x->nevidence) {
        add(c, L(EVIDENCE), ROLE_LABEL);
        for (size_t i = 0; i < x->nevidence; i++) {
            const answer_evidence *e = &x->evidence[i];
            char *line = e->review ? xasprintf("%s（%s %s）", e->title, L(EV_REVIEW_DATE), e->review) : xstrdup(e->title);
            wrap(c, line, width, ROLE_NORMAL, 2);
            free(line);
        }
    }
    const nav_node *nd = &st->nodes[node];
    if (nd->links_loaded && nd->nlinks) { /* read with the item (walk.c's reload) */
        add(c, "", ROLE_NORMAL);
        add(c, L(LINKS), ROLE_LABEL);
        for (size_t i = 0; i < nd->nlinks; i++) {
            const node_link *l = &nd->links[i];
            char *t = xasprintf("%s %s %s %s%s%s", l->outgoing ? L(LINK_OUT) : L(LINK_IN), l->catalog,
                                l->ref ? l->ref : l->node, l->title ? l->title : "", l->rel ? " / " : "",
                                l->rel ? l->rel : "");
            wrap(c, t, width, ROLE_NORMAL, 2);
            free(t);
        }
    }
    add(c, "", ROLE_NORMAL);
    add(c, n->verified ? L(VERIFIED) : L(UNVERIFIED), n->verified ? ROLE_DIM : ROLE_PARTIAL);
    if (n->source)
        field(c, width, L(SOURCE), n->source, ROLE_DIM);
}

char *walk_card_path(const nav_state *st, int node, bool english)
{
    int chain[64];
    int k = 0;
    for (int p = node >= 0 ? st->nodes[node].parent : -1; p >= 0 && k < (int)AZ_ARRAY_LEN(chain); p = st->nodes[p].parent)
        chain[k++] = p;
    strbuf sb = {0};
    while (k-- > 0) {
        const catalog_node *h = &st->cat->nodes[chain[k]];
        sb_addf(&sb, "%s%s%s%s", sb.len ? " > " : "", h->ref ? h->ref : "", h->ref ? " " : "", nav_node_label(h, english));
    }
    return sb.data ? sb_take(&sb) : xstrdup("");
}

void walk_card_draw_bar(const nav_state *st, app *a, WINDOW *w, int y, int x, int limit, int node)
{
    if (node < 0)
        return;
    const catalog_node *n = &st->cat->nodes[node];
    bool en = a->english;
    const answer *mine = answer_set_find(&st->answers, n->id, st->party);
    const answer_def *d = nav_answer_def(st, mine);
    role r = ROLE_DIM;
    if (d) {
        /* the glyph's role of this party's value (the tree shows the effective one) */
        r = d->meaning == MEANING_POSITIVE  ? ROLE_POSITIVE
            : d->meaning == MEANING_PARTIAL  ? ROLE_PARTIAL
            : d->meaning == MEANING_NEGATIVE ? ROLE_NEGATIVE
                                             : ROLE_NA;
    }
    bool shop = workshop(st, n->id);
    char *who = shop ? xasprintf("*%s %s", L(WALK_ENTERING), nav_party_label(st->party)) : xstrdup(L(ANSWER));
    int cx = draw_put(w, y, x, limit, who, ROLE_LABEL);
    cx = draw_put(w, y, cx, limit, ": ", ROLE_LABEL);
    cx = draw_put(w, y, cx, limit, d ? i18n_get(&d->label, en) : L(UNANSWERED), r);
    free(who);
    if (shop) { /* the other parties' answers beside the one being entered */
        for (int p = 0; p < PARTY__COUNT; p++) {
            if (p == (int)st->party)
                continue;
            const answer *o = answer_set_find(&st->answers, n->id, (answer_party)p);
            char *t = xasprintf("  %s: %s", nav_party_label((answer_party)p), value_label(st, o, en));
            cx = draw_put(w, y, cx, limit, t, ROLE_NORMAL);
            free(t);
        }
    }
    char *dates = dates_text(st, mine, en, nav_is_overdue(st, mine));
    if (*dates) {
        cx = draw_put(w, y, cx, limit, "   ", ROLE_NORMAL);
        draw_put(w, y, cx, limit, dates, nav_is_overdue(st, mine) ? ROLE_WARNING : ROLE_NORMAL);
    }
    free(dates);
}
