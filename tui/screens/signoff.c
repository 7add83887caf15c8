/* Sign-off from the workbench (dashboard and navigator, key S): names what is still open - the
 * unanswered and overdue items, counted, the first few by reference (assess/signoff_check.h) -
 * and asks before going on; then asks the name and the role on the status line (prefilled from
 * the organisation's security officer) and calls assess_signoff, one transaction with history;
 * assess_undo takes it back. */
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "text/lib.h"
#include "msg.h"
#include "screens.h"

static bool ask(app *a, const char *label, const char *initial, const char *field, char **out)
{
    char *in = NULL;
    if (!app_prompt(a, label, initial, &in))
        return false;
    char *b = in, *e = in + strlen(in);
    while (*b == ' ')
        b++;
    while (e > b && e[-1] == ' ')
        *--e = 0;
    if (!*b) {
        char *m = msgf(MSG_FORM_REQUIRED, field);
        app_status(a, ROLE_STATUS_ERR, "%s", m);
        free(m);
        free(in);
        return false;
    }
    *out = xstrdup(b);
    free(in);
    return true;
}

/* "未回答 3 件: 0, 1-②, 2-②" with the first `shown` references; ", ..." when there are more. */
static char *open_part(msg_id m, const signoff_open_item *list, size_t n, size_t shown)
{
    if (n == 0)
        return NULL;
    strbuf refs = {0};
    for (size_t i = 0; i < n && i < shown; i++)
        sb_addf(&refs, "%s%s", i ? ", " : "", list[i].ref ? list[i].ref : list[i].id);
    if (n > shown)
        sb_add(&refs, ", ...");
    char *part = msgf(m, n, sb_str(&refs));
    sb_free(&refs);
    return part;
}

static char *open_question(const signoff_open *o, size_t shown)
{
    char *u = open_part(MSG_SIGNOFF_OPEN_UNANSWERED, o->unanswered, o->nunanswered, shown);
    char *d = open_part(MSG_SIGNOFF_OPEN_OVERDUE, o->overdue, o->noverdue, shown);
    char *both = u && d ? xasprintf("%s / %s", u, d) : xstrdup(u ? u : d);
    char *q = msgf(MSG_SIGNOFF_OPEN_ASK, both);
    free(both);
    free(u);
    free(d);
    return q;
}

/* true when nothing is open or the user said y after reading what is. */
static bool confirm_open_items(app *a, int64_t assessment_id)
{
    char today[11];
    jpdate_format_iso(jpdate_today(), today);
    signoff_open o;
    status_detail err = {0};
    if (signoff_open_items(a->st, assessment_id, today, a->english, &o, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    bool ok = true;
    if (o.nunanswered || o.noverdue) {
        /* as many references as fit on the status line, at least one of each */
        size_t shown = 5;
        char *q = open_question(&o, shown);
        while (shown > 1 && text_width(q) > a->cols) {
            free(q);
            q = open_question(&o, --shown);
        }
        ok = app_confirm(a, q);
        free(q);
        if (!ok)
            app_status(a, ROLE_STATUS, "%s", L(SIGNOFF_CANCELLED));
    }
    signoff_open_free(&o);
    return ok;
}

bool signoff_run(app *a, int64_t assessment_id)
{
    if (!confirm_open_items(a, assessment_id))
        return false;
    ws_org org = {0};
    status_detail err = {0};
    bool have_org = ws_org_get(a->st, &org, &err) == STATUS_OK;
    status_detail_free(&err);
    const char *officer = have_org && org.security_officer ? org.security_officer : "";
    char *name = NULL, *title = NULL;
    bool ok = ask(a, L(SIGNOFF_NAME), officer, L(SIGNOFF_NAME_FIELD), &name) &&
              ask(a, L(SIGNOFF_ROLE), *officer ? L(F_OFFICER) : "", L(SIGNOFF_ROLE_FIELD), &title);
    ws_org_free(&org);
    if (ok && assess_signoff(a->st, assessment_id, name, title, a->who, &err) != STATUS_OK) {
        app_status_error(a, &err);
        ok = false;
    } else if (ok) {
        char *m = msgf(MSG_SIGNOFF_DONE, name, title);
        app_status(a, ROLE_STATUS_OK, "%s", m);
        free(m);
    }
    status_detail_free(&err);
    free(name);
    free(title);
    return ok;
}

const char *signoff_state_label(const assessment *as, bool shortform, role *r)
{
    if (!as->signed_at)
        return NULL;
    if (as->changed_since_signoff) {
        *r = ROLE_WARNING;
        return shortform ? L(SIGNED_CHANGED_SHORT) : L(SIGNED_CHANGED);
    }
    *r = ROLE_POSITIVE;
    return L(SIGNED);
}
