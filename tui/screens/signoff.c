/* Sign-off from the workbench (dashboard and navigator, key S): asks the name and the role on
 * the status line (prefilled from the organisation's security officer) and calls assess_signoff,
 * one transaction with history; assess_undo takes it back. */
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
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

bool signoff_run(app *a, int64_t assessment_id)
{
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
