/* The header fields of an assessment (catalog.fields, e.g. the MDS/SDS product name, version and
 * date of issue) as a form: F in the navigator. Text and dates are typed (dates in any form
 * jpdate accepts), a choice cycles through its values and "not set"; ^S saves every changed
 * field through assess_field_set, one transaction with history each. */
#include <stdlib.h>

#include "assess/lib.h"
#include "msg.h"
#include "screens.h"

typedef struct {
    int64_t aid;
    catalog *cat;          /* owned: the labels of the form point into it */
    assess_field_list old; /* values when the form opened */
} fields_ctx;

static void ctx_free(void *p)
{
    fields_ctx *c = p;
    catalog_free(c->cat);
    assess_field_list_free(&c->old);
    free(c);
}

static bool save(void *p, app *a, form_field *f, size_t n)
{
    fields_ctx *c = p;
    int saved = 0;
    for (size_t i = 0; i < n; i++) {
        const catalog_field *cf = &c->cat->fields[i];
        const assess_field_value *v = assess_field_get(&c->old, cf->key);
        if (str_eq(v ? v->value : "", f[i].value))
            continue;
        status_detail err = {0};
        int changed = 0;
        if (assess_field_set(a->st, c->aid, cf->key, f[i].value, a->who, &changed, &err) != STATUS_OK) {
            app_status_error(a, &err); /* the fields before it are saved; the form stays open */
            return false;
        }
        saved += changed;
    }
    char *m = msgf(MSG_FIELDS_SAVED, saved);
    app_status(a, ROLE_STATUS_OK, "%s", m);
    free(m);
    return true;
}

bool fields_form_open(app *a, int64_t aid)
{
    assessment as;
    status_detail err = {0};
    if (assess_get_row(a->st, aid, &as, &err) != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    fields_ctx *c = xcalloc(1, sizeof *c);
    c->aid = aid;
    c->cat = catalog_db_load(a->st, as.catalog_id, as.catalog_version);
    if (!c->cat) {
        char *label = xasprintf("%s@%s", as.catalog_id, as.catalog_version);
        status_fail(&err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = aid});
        free(label);
    }
    assessment_free(&as);
    if (!c->cat) {
        app_status_error(a, &err);
        ctx_free(c);
        return false;
    }
    if (!c->cat->nfields) {
        app_status(a, ROLE_STATUS, "%s", L(FIELDS_NONE));
        ctx_free(c);
        return false;
    }
    if (assess_field_load(a->st, aid, &c->old, &err) != STATUS_OK) {
        app_status_error(a, &err);
        ctx_free(c);
        return false;
    }
    size_t n = c->cat->nfields;
    form_field *f = xcalloc(n, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        const catalog_field *cf = &c->cat->fields[i];
        const assess_field_value *v = assess_field_get(&c->old, cf->key);
        f[i].label = i18n_get(&cf->label, a->english);
        f[i].value = xstrdup(v ? v->value : "");
        f[i].kind = cf->type == CATALOG_FIELD_DATE ? FF_DATE : cf->type == CATALOG_FIELD_CHOICE ? FF_CHOICE : FF_TEXT;
        if (f[i].kind == FF_CHOICE) {
            sl_push(&f[i].choices, "");
            sl_push(&f[i].labels, L(FIELD_NOT_SET));
            for (size_t k = 0; k < cf->choices.len; k++) {
                sl_push(&f[i].choices, cf->choices.items[k]);
                sl_push(&f[i].labels, cf->choices.items[k]);
            }
        }
    }
    char *title = msgf(MSG_FIELDS_TITLE, i18n_get(c->cat->short_title.ja ? &c->cat->short_title : &c->cat->title,
                                                 a->english));
    app_push(a, form_screen_new(a, title, f, n, save, c, ctx_free));
    free(title);
    return true;
}
