/* The navigator's changes: each user action is one core call = one transaction; it marks what
 * to read again (st->load) for the screen's reload op, and the status line says what was saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/lib.h"
#include "msg.h"
#include "navigator.h"
#include "screens.h"
#include "text/lib.h"

/* ---------- changes ---------- */

/* offer: the date proposed after an answer ("Enter で確認日を …"), said instead of the time. */
static void report_saved(app *a, const nav_state *st, int node, const char *what, int changed, int proposed,
                         const char *offer)
{
    if (!changed) {
        app_status(a, ROLE_STATUS, "%s", L(SAVED_NOTHING));
        return;
    }
    const catalog_node *n = &st->cat->nodes[node];
    char *detail = xasprintf("%s %s", n->ref ? n->ref : n->id, what);
    char now[32];
    clock_now(now);
    char *m = msgf(MSG_SAVED, detail, "");
    if (offer) {
        char *p = proposed > 0 ? msgf(MSG_PROPOSED_SHORT, proposed) : xstrdup(""); /* room for both */
        app_status(a, ROLE_STATUS_OK, "%s%s%s%s", m, offer, *p ? "  " : "", p);
        free(p);
    } else if (proposed > 0) {
        char *p = msgf(MSG_PROPOSED, proposed);
        app_status(a, ROLE_STATUS_OK, "%s(%.10s %.5s)  %s", m, now, now + 11, p);
        free(p);
    } else {
        app_status(a, ROLE_STATUS_OK, "%s(%.10s %.5s)", m, now, now + 11);
    }
    free(m);
    free(detail);
}

static bool apply_change_offering(nav_state *st, app *a, int node, const answer_change *ch, const char *what,
                                  const char *offer)
{
    status_detail err = {0};
    int changed = 0, proposed = 0;
    status_code r = assess_answer_set(a->st, st->aid, st->cat->nodes[node].id, st->party, 0, ch,
                                    a->who, &changed, &proposed, &err);
    if (r != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    nav_note_change(st, node);
    report_saved(a, st, node, what, changed, proposed, offer);
    return true;
}

static bool apply_change(nav_state *st, app *a, int node, const answer_change *ch, const char *what)
{
    return apply_change_offering(st, a, node, ch, what, NULL);
}

static const answer *party_answer(const nav_state *st, int node)
{
    return answer_set_find(&st->answers, st->cat->nodes[node].id, st->party);
}

static const char *date_label(unsigned bit)
{
    return bit == DATE_CHECKED ? L(DATE_CHECKED) : bit == DATE_DUE ? L(DATE_DUE) : L(DATE_DONE);
}

/* After an answer the form dates (はい wants a 確認日, いいえ a 目標日) and the date is empty, the
 * date core proposes (walk_offer_date) is said with the saved answer; Enter, the next key, takes it. */
void nav_set_answer(nav_state *st, app *a, int node, const answer_def *d)
{
    answer_change ch = {.fields = AF_VALUE, .value = d ? d->value : NULL};
    char *reason = NULL;
    if (d && d->needs_reason) { /* the catalog asks why (対象外, いいえ): one line, Esc answers nothing */
        const answer *h = party_answer(st, node);
        char *prompt = msgf(MSG_REASON_PROMPT, i18n_get(&d->label, a->english));
        bool ok = app_prompt(a, prompt, h && h->reason ? h->reason : "", &reason);
        free(prompt);
        if (!ok)
            return;
        ch.fields |= AF_REASON;
        ch.reason = reason;
    }
    char *what = xasprintf("%s = %s", L(FIELD_VALUE), d ? i18n_get(&d->label, a->english) : "-");
    const answer *before = party_answer(st, node); /* as read before this change */
    walk_date_offer o = walk_offer_date(st->cat, &st->cat->nodes[node], d, before, st->as.fy, st->today_iso);
    char *offer = o.field ? msgf(MSG_DATE_OFFER, date_label(o.field), o.iso) : NULL;
    if (apply_change_offering(st, a, node, &ch, what, offer) && o.field) {
        st->offer = (nav_date_offer){.node = node, .field = o.field};
        memcpy(st->offer.iso, o.iso, sizeof o.iso);
    }
    free(offer);
    free(what);
    free(reason);
}

bool nav_offer_take(nav_state *st, app *a, keycode key)
{
    nav_date_offer o = st->offer;
    st->offer.field = 0;
    if (!o.field || (key != '\r' && key != '\n' && key != KEY_FN(KEY_ENTER)))
        return false;
    nav_set_date_value(st, a, o.node, o.field, o.iso);
    return true;
}

void nav_set_date(nav_state *st, app *a, int node, unsigned bit)
{
    if (!(st->cat->dates & bit)) { /* this form has no such column: say so rather than do nothing */
        const char *t = i18n_get(&st->cat->short_title, a->english);
        char *m = msgf(MSG_DATE_NOT_IN_FORM, *t ? t : i18n_get(&st->cat->title, a->english), date_label(bit));
        app_status(a, ROLE_STATUS_ERR, "%s", m);
        free(m);
        return;
    }
    const answer *h = party_answer(st, node);
    const char *label = date_label(bit);
    const char *cur = !h ? NULL : bit == DATE_CHECKED ? h->checked : bit == DATE_DUE ? h->due : h->done;
    char today[11];
    jpdate_format_iso(st->today, today);
    char *prompt = msgf(MSG_DATE_PROMPT, label);
    char *in = NULL;
    bool ok = app_prompt(a, prompt, cur ? cur : (bit == DATE_DUE ? "" : today), &in);
    free(prompt);
    if (!ok)
        return;
    char iso[11] = "";
    status_detail err = {0};
    const char *trimmed = in;
    while (*trimmed == ' ')
        trimmed++;
    if (*trimmed && !jpdate_parse_iso(trimmed, iso, &err)) {
        status_set_field(&err, label); /* the prompt's own label, in the UI language */
        app_status_error(a, &err);
        free(in);
        return;
    }
    nav_set_date_value(st, a, node, bit, iso);
    free(in);
}

void nav_set_date_value(nav_state *st, app *a, int node, unsigned bit, const char *iso)
{
    answer_change ch = {.fields = bit == DATE_CHECKED ? AF_CHECKED : bit == DATE_DUE ? AF_DUE : AF_DONE};
    if (bit == DATE_CHECKED)
        ch.checked = iso;
    else if (bit == DATE_DUE)
        ch.due = iso;
    else
        ch.done = iso;
    char *what = xasprintf("%s = %s", date_label(bit), *iso ? iso : "-");
    apply_change(st, a, node, &ch, what);
    free(what);
}

void nav_cycle_owner(nav_state *st, app *a, int node)
{
    static const responsibility order[] = {RESP_NONE, RESP_HOSPITAL, RESP_VENDOR, RESP_JOINT, RESP_NA};
    const answer *h = party_answer(st, node);
    responsibility cur = h ? h->owner : RESP_NONE;
    size_t i = 0;
    while (i < AZ_ARRAY_LEN(order) && order[i] != cur)
        i++;
    responsibility next = order[(i + 1) % AZ_ARRAY_LEN(order)];
    int64_t vid = h ? h->owner_vendor_id : 0;
    if ((next == RESP_VENDOR || next == RESP_JOINT) && !vid && !st->as.vendor_id && st->nvendors > 0)
        vid = st->vendors[0].id;
    if (next != RESP_VENDOR && next != RESP_JOINT)
        vid = 0;
    answer_change ch = {.fields = AF_OWNER, .owner = next, .owner_vendor_id = vid};
    const char *vn = vid ? nav_vendor_name(st, vid) : NULL;
    char *what = vn ? xasprintf("%s = %s (%s)", L(FIELD_OWNER), nav_resp_label(next), vn)
                    : xasprintf("%s = %s", L(FIELD_OWNER), nav_resp_label(next));
    apply_change(st, a, node, &ch, what);
    free(what);
}

/* The vendor after cur in name order, skipping archived ones (no longer offered); none → first →
 * … → last → none (0). */
static int64_t next_vendor_in_service(const nav_state *st, int64_t cur)
{
    size_t i = 0;
    while (cur && i < st->nvendors && st->vendors[i].id != cur)
        i++;
    for (size_t j = cur && i < st->nvendors ? i + 1 : 0; j < st->nvendors; j++)
        if (!st->vendors[j].archived_at)
            return st->vendors[j].id;
    return 0;
}

void nav_cycle_vendor(nav_state *st, app *a, int node)
{
    if (st->nvendors == 0) {
        app_status(a, ROLE_STATUS_ERR, "%s", L(NO_VENDORS));
        return;
    }
    const answer *h = party_answer(st, node);
    int64_t cur = h ? h->owner_vendor_id : 0;
    int64_t next = next_vendor_in_service(st, cur);
    responsibility owner = h ? h->owner : RESP_NONE;
    if (next && owner != RESP_VENDOR && owner != RESP_JOINT)
        owner = RESP_VENDOR;
    if (!next && (owner == RESP_VENDOR || owner == RESP_JOINT) && !st->as.vendor_id)
        owner = RESP_NONE;
    answer_change ch = {.fields = AF_OWNER, .owner = owner, .owner_vendor_id = next};
    char *what = xasprintf("%s = %s", L(VENDOR), next ? nav_vendor_name(st, next) : "-");
    apply_change(st, a, node, &ch, what);
    free(what);
}

typedef struct {
    nav_state *st;
    int node;
} note_ctx;

static bool save_note(void *ctx, app *a, const char *text)
{
    note_ctx *nc = ctx;
    answer_change ch = {.fields = AF_NOTE, .note = text};
    return apply_change(nc->st, a, nc->node, &ch, L(NOTE));
}

void nav_edit_note(nav_state *st, app *a, int node, bool external)
{
    const answer *h = party_answer(st, node);
    const catalog_node *n = &st->cat->nodes[node];
    char *t = msgf(MSG_NOTE_TITLE, n->ref ? n->ref : n->id);
    note_ctx *ctx = xcalloc(1, sizeof *ctx);
    *ctx = (note_ctx){st, node};
    screen *ed = note_screen_new(a, t, h && h->note ? h->note : "", save_note, ctx, free);
    free(t);
    app_push(a, ed);
    if (external)
        note_screen_external(ed, a);
}

/* The register with this item as the target of its l key. */
void nav_edit_evidence(nav_state *st, app *a, int node)
{
    const catalog_node *n = &st->cat->nodes[node];
    app_push(a, evidence_screen_new(a, st->aid, n->id, n->ref ? n->ref : n->id, st->party));
    nav_note_change(st, -1); /* links made there show when the navigator resumes */
}

/* Someone changed what the undo would restore: say what and who, in the UI language. */
static void nav_undo_blocked(nav_state *st, app *a)
{
    history_row *rows = NULL;
    size_t n = 0;
    status_detail err = {0};
    if (assess_undo_blockers(a->st, st->aid, a->who, &rows, &n, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return;
    }
    if (n == 0)
        return;
    const history_row *h = &rows[0];
    char *what;
    if (str_eq(h->entity, "answer") && h->assessment_id == st->aid) {
        const catalog_node *cn = h->item_id ? catalog_find_node(st->cat, h->item_id) : NULL;
        what = xstrdup(cn && cn->ref ? cn->ref : h->item_id ? h->item_id : "");
    } else if (str_eq(h->entity, "proposal")) {
        what = msgf(MSG_UNDO_PROPOSAL, (long long)h->entity_id);
    } else {
        what = xstrdup(L(UNDO_THIS_ASSESSMENT));
    }
    char when[CLOCK_LOCAL_SIZE]; /* stored UTC, shown in local time with the zone */
    clock_local_text(h->at, false, when);
    char *m = msgf(MSG_UNDO_BLOCKED, what, h->who ? h->who : "", when);
    app_status(a, ROLE_STATUS_ERR, "%s", m);
    free(m);
    free(what);
    history_list_free(rows, n);
}

void nav_do_undo(nav_state *st, app *a)
{
    char *what = NULL;
    status_detail err = {0};
    status_code r = assess_undo(a->st, st->aid, a->who, &what, &err);
    if (r == STATUS_NOTHING_TO_UNDO) {
        char *m = msgf(MSG_NOTHING_OWN_TO_UNDO, a->who);
        app_status(a, ROLE_STATUS, "%s", m);
        free(m);
    } else if (r == STATUS_UNDO_BLOCKED) {
        nav_note_change(st, -1); /* show the other person's change the message names */
        nav_undo_blocked(st, a);
    } else if (r != STATUS_OK) {
        app_status_error(a, &err);
    } else {
        st->load |= NAV_LOAD_ASSESSMENT;
        nav_note_change(st, -1); /* the undone action may be a sign-off */
        /* Say what came back, from the undo action's own history rows: "1-2 answer, due". */
        history_row *rows = NULL;
        history_filter f = {.assessment_id = st->aid, .limit = 32};
        size_t n = 0;
        history_list(a->st, &f, &rows, &n, &err); /* the undo is done; without rows the message says less */
        strbuf sb = {0};
        int64_t last = n ? rows[n - 1].action : 0;
        for (size_t i = 0; i < n; i++) {
            if (rows[i].action != last)
                continue;
            const catalog_node *cn = rows[i].item_id ? catalog_find_node(st->cat, rows[i].item_id) : NULL;
            const char *ref = cn && cn->ref ? cn->ref : rows[i].item_id ? rows[i].item_id : "";
            char *one = xasprintf("%s%s%s", ref, *ref ? " " : "", nav_field_label(rows[i].field));
            if (!strstr(sb_str(&sb), one))
                sb_addf(&sb, "%s%s", sb.len ? ", " : "", one);
            free(one);
        }
        history_list_free(rows, n);
        char *m = msgf(MSG_UNDONE, sb.len ? sb_str(&sb) : what ? what : "");
        sb_free(&sb);
        app_status(a, ROLE_STATUS_OK, "%s", m);
        free(m);
    }
    free(what);
    status_detail_free(&err);
}

/* ---------- menus ---------- */

void nav_filter_menu(nav_state *st, app *a)
{
    keycode k;
    if (!app_menu(a, L(FILTER_MENU), &k))
        return;
    filter_kind prev = st->filter;
    switch (k) {
    case 'a': st->filter = FILTER_ALL; break;
    case 'u': st->filter = FILTER_UNANSWERED; break;
    case 'n': st->filter = FILTER_NEGATIVE; break;
    case 'o': st->filter = FILTER_OVERDUE; break;
    case 'd': st->filter = FILTER_DISAGREE; break;
    case 'r': {
        static const responsibility order[] = {RESP_HOSPITAL, RESP_VENDOR, RESP_JOINT, RESP_NA, RESP_NONE};
        size_t i = 0;
        if (prev == FILTER_OWNER)
            while (i < AZ_ARRAY_LEN(order) && order[i] != st->filter_owner)
                i++;
        st->filter_owner = prev == FILTER_OWNER ? order[(i + 1) % AZ_ARRAY_LEN(order)] : order[0];
        st->filter = FILTER_OWNER;
        break;
    }
    case 'w': st->filter = FILTER_NO_REASON; break;
    case 'v': {
        if (st->nvendors == 0) {
            app_status(a, ROLE_STATUS_ERR, "%s", L(NO_VENDORS));
            return;
        }
        size_t i = 0;
        if (prev == FILTER_VENDOR)
            while (i < st->nvendors && st->vendors[i].id != st->filter_vendor)
                i++;
        st->filter_vendor = prev == FILTER_VENDOR ? st->vendors[(i + 1) % st->nvendors].id : st->vendors[0].id;
        st->filter = FILTER_VENDOR;
        break;
    }
    default: return;
    }
    nav_apply_filter(st, a);
}

const answer_def *nav_answer_for_key(const nav_state *st, keycode key)
{
    for (size_t i = 0; i < st->cat->nanswers; i++)
        if (st->cat->answers[i].key && st->cat->answers[i].key == key)
            return &st->cat->answers[i];
    return NULL;
}

void nav_answer_menu(nav_state *st, app *a, int node)
{
    strbuf sb = {0};
    sb_add(&sb, L(ANSWER_MENU));
    for (size_t i = 0; i < st->cat->nanswers; i++)
        if (st->cat->answers[i].key)
            sb_addf(&sb, " %c:%s", st->cat->answers[i].key, i18n_get(&st->cat->answers[i].label, a->english));
    sb_addf(&sb, " %s", L(ANSWER_CLEAR));
    keycode k;
    bool ok = app_menu(a, sb_str(&sb), &k);
    sb_free(&sb);
    if (!ok)
        return;
    if (k == KEY_FN(KEY_DC) || k == 127 || k == KEY_FN(KEY_BACKSPACE)) {
        nav_set_answer(st, a, node, NULL);
        return;
    }
    const answer_def *d = nav_answer_for_key(st, k);
    if (d)
        nav_set_answer(st, a, node, d);
}
