#include "bundle_fields.h"

#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "catalog/lib.h"

void bundle_field_rows_free(bundle_field_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].key);
        free(rows[i].bundle_value);
        free(rows[i].here_value);
    }
    free(rows);
}

static const char *bundle_value(const bundle_assessment *a, const char *key)
{
    for (size_t i = 0; i < a->field_keys.len; i++)
        if (str_eq(a->field_keys.items[i], key))
            return a->field_values.items[i];
    return NULL;
}

static void add(bundle_field_row **out, size_t *n, size_t *cap, size_t t, const char *key, const char *theirs,
                const char *mine, bool known)
{
    bool have_b = !str_empty(theirs), have_h = !str_empty(mine);
    if (!have_b && !have_h)
        return;
    GROW(*out, *cap, *n + 1);
    bundle_field_row *r = &(*out)[(*n)++];
    memset(r, 0, sizeof *r);
    r->target = t;
    r->key = xstrdup(key);
    r->bundle_value = have_b ? xstrdup(theirs) : NULL;
    r->here_value = have_h ? xstrdup(mine) : NULL;
    r->state = !known             ? BUNDLE_ITEM_UNMAPPED
               : !have_h          ? BUNDLE_ITEM_ONLY_BUNDLE
               : !have_b          ? BUNDLE_ITEM_ONLY_HERE
               : str_eq(theirs, mine) ? BUNDLE_ITEM_EQUAL
                                  : BUNDLE_ITEM_DIFFERENT;
    r->would_set = known && have_b && !have_h;
}

status_code bundle_diff_fields(store *s, const bundle *b, const bundle_plan *plan, bundle_field_row **rows, size_t *n,
                               status_detail *err)
{
    *rows = NULL;
    *n = 0;
    bundle_field_row *out = NULL;
    size_t len = 0, cap = 0;
    status_code r = STATUS_OK;
    for (size_t t = 0; t < plan->ntargets && r == STATUS_OK; t++) {
        const bundle_target *tg = &plan->targets[t];
        const bundle_assessment *a = &b->assessments[tg->index];
        assess_field_list have = {0};
        if (tg->assessment_id)
            r = assess_field_load(s, tg->assessment_id, &have, err);
        const catalog *c = catalog_db_get(s, a->catalog_id, tg->target_version);
        for (size_t k = 0; r == STATUS_OK && c && k < c->nfields; k++) {
            const char *key = c->fields[k].key;
            const assess_field_value *v = assess_field_get(&have, key);
            add(&out, &len, &cap, t, key, bundle_value(a, key), v ? v->value : NULL, true);
        }
        for (size_t k = 0; r == STATUS_OK && k < a->field_keys.len; k++)
            if (!c || !catalog_find_field(c, a->field_keys.items[k]))
                add(&out, &len, &cap, t, a->field_keys.items[k], a->field_values.items[k], NULL, false);
        assess_field_list_free(&have);
    }
    if (r != STATUS_OK) {
        bundle_field_rows_free(out, len);
        return r;
    }
    *rows = out;
    *n = len;
    return STATUS_OK;
}
