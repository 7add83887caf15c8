#include "cli_changes.h"

#include <stdlib.h>

#include "history/lib.h"

static status_code rows_of(cli_ctx *c, const char *entity, int64_t id, history_row **rows, size_t *n)
{
    status_detail err = {0};
    history_filter f = {.entity = entity, .entity_id = id};
    status_code r = history_list(c->st, &f, rows, n, &err);
    status_detail_free(&err);
    return r;
}

int64_t cli_changes_mark(cli_ctx *c, const char *entity, int64_t id)
{
    history_row *rows = NULL;
    size_t n = 0;
    int64_t mark = 0;
    if (id && rows_of(c, entity, id, &rows, &n) == STATUS_OK)
        for (size_t i = 0; i < n; i++)
            if (rows[i].action > mark)
                mark = rows[i].action;
    history_list_free(rows, n);
    return mark;
}

static void split_lines(const char *text, strlist *out)
{
    const char *p = text ? text : "";
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        sl_push_owned(out, xstrndup(p, len));
        p += len + (nl ? 1 : 0);
    }
}

/* A list field: the rows dropped, then the rows added (a changed row reads as one of each). */
static void print_list_change(cli_ctx *c, const history_row *r)
{
    strlist old = {0}, new = {0};
    split_lines(r->old_value, &old);
    split_lines(r->new_value, &new);
    for (size_t i = 0; i < old.len; i++)
        if (!sl_contains(&new, old.items[i]))
            fprintf(c->out, "    - %s\n", old.items[i]);
    for (size_t i = 0; i < new.len; i++)
        if (!sl_contains(&old, new.items[i]))
            fprintf(c->out, "    + %s\n", new.items[i]);
    sl_free(&old);
    sl_free(&new);
}

void cli_changes_print(cli_ctx *c, const char *entity, int64_t id, int64_t mark)
{
    history_row *rows = NULL;
    size_t n = 0, shown = 0;
    bool en = c->g->english;
    if (rows_of(c, entity, id, &rows, &n) != STATUS_OK)
        return; /* the save succeeded; only the summary could not be read */
    for (size_t i = 0; i < n; i++) {
        const history_row *r = &rows[i];
        if (r->action <= mark)
            continue;
        if (shown++ == 0)
            fputs(en ? "changed:\n" : "変更:\n", c->out);
        const char *label = status_label(history_field_name(r->entity, r->field), en);
        bool list = (r->old_value && strchr(r->old_value, '\n')) || (r->new_value && strchr(r->new_value, '\n')) ||
                    str_eq(r->field, "ports") || str_eq(r->field, "storage") || str_eq(r->field, "connections") ||
                    str_eq(r->field, "controls");
        if (list) {
            fprintf(c->out, "  %s:\n", label);
            print_list_change(c, r);
        } else {
            fprintf(c->out, "  %s: %s → %s\n", label, str_empty(r->old_value) ? "-" : r->old_value,
                    str_empty(r->new_value) ? "-" : r->new_value);
        }
    }
    if (shown == 0)
        fputs(en ? "nothing changed\n" : "変更はありません\n", c->out);
    history_list_free(rows, n);
}
