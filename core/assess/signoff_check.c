#include "signoff_check.h"

#include <stdio.h>
#include <stdlib.h>

#include "answers.h"
#include "assess.h"
#include "progress.h"
#include "catalog/lib.h"

static void push(signoff_open_item **list, size_t *n, const catalog_node *node, bool english)
{
    signoff_open_item *grown = xrealloc(*list, (*n + 1) * sizeof **list);
    *list = grown;
    const char *t = i18n_get(&node->title, english);
    if (!*t)
        t = i18n_get(&node->text, english);
    grown[(*n)++] = (signoff_open_item){xstrdup(node->id), node->ref ? xstrdup(node->ref) : NULL, xstrdup(t)};
}

status_code signoff_open_items(store *s, int64_t aid, const char *today_iso, bool english, signoff_open *out,
                               status_detail *err)
{
    *out = (signoff_open){0};
    assessment a;
    status_code r = assess_get(s, aid, &a, err);
    if (r != STATUS_OK)
        return r;
    const catalog *c = catalog_db_get(s, a.catalog_id, a.catalog_version);
    if (!c) {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        r = status_fail(err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = aid});
        free(label);
        assessment_free(&a);
        return r;
    }
    answer_set set = {0};
    r = assess_load_answers(s, aid, &set, err);
    for (size_t i = 0; r == STATUS_OK && i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind != NODE_ITEM)
            continue;
        progress_item it = progress_item_of(c, n, answer_set_effective(&set, n->id), today_iso);
        if (!it.def)
            push(&out->unanswered, &out->nunanswered, n, english);
        if (it.overdue)
            push(&out->overdue, &out->noverdue, n, english);
    }
    answer_set_free(&set);
    assessment_free(&a);
    if (r != STATUS_OK)
        signoff_open_free(out);
    return r;
}

status_code signoff_open_status(const signoff_open *o, int64_t aid, status_detail *err)
{
    if (o->nunanswered == 0 && o->noverdue == 0)
        return STATUS_OK;
    char overdue[32] = "";
    if (o->noverdue)
        snprintf(overdue, sizeof overdue, "%zu", o->noverdue);
    return status_fail(err, &(status_info){STATUS_SIGNOFF_OPEN_ITEMS, .id = aid, .num = (int64_t)o->nunanswered,
                                           .value = overdue});
}

static void list_free(signoff_open_item *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].id);
        free(list[i].ref);
        free(list[i].title);
    }
    free(list);
}

void signoff_open_free(signoff_open *o)
{
    list_free(o->unanswered, o->nunanswered);
    list_free(o->overdue, o->noverdue);
    *o = (signoff_open){0};
}
