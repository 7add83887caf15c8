/* anzen progress | history | diff */
#include <stdlib.h>

#include "assess/lib.h"
#include "cli_common.h"
#include "history/lib.h"
#include "text/lib.h"

/* ---- progress ---- */

static void progress_usage(FILE *out)
{
    fprintf(out, "  progress [A...|all] [--depth 0|1|2] [--fy FY] [--json]\n"
                 "                                 answered %%, positive %%, overdue 目標日 and owners per\n"
                 "                                 assessment and volume / chapter (depth, default 1)\n");
}

static cJSON *progress_json(const progress_row *r)
{
    cJSON *j = cJSON_CreateObject();
    cli_json_str(j, "node", r->node_id);
    cli_json_str(j, "ref", r->ref);
    cli_json_str(j, "title", r->title);
    cJSON_AddNumberToObject(j, "depth", r->depth);
    cJSON_AddNumberToObject(j, "items", r->items);
    cJSON_AddNumberToObject(j, "answered", r->answered);
    cJSON_AddNumberToObject(j, "positive", r->positive);
    cJSON_AddNumberToObject(j, "partial", r->partial);
    cJSON_AddNumberToObject(j, "negative", r->negative);
    cJSON_AddNumberToObject(j, "not_applicable", r->na);
    cJSON_AddNumberToObject(j, "overdue", r->overdue);
    cJSON_AddNumberToObject(j, "answered_pct", progress_answered_pct(r));
    cJSON_AddNumberToObject(j, "positive_pct", progress_positive_pct(r));
    cJSON *o = cJSON_AddObjectToObject(j, "owners");
    static const char *const names[] = {"unset", "hospital", "vendor", "joint", "na"};
    for (int k = 0; k < RESP__COUNT; k++)
        cJSON_AddNumberToObject(o, names[k], r->by_owner[k]);
    return j;
}

static int progress_run(cli_ctx *c, int argc, char **argv)
{
    /* argv[0] is the first argument here: shift so cli_parse_options sees it */
    cli_option opts[] = {{.name = "depth"}, {.name = "fy"}, {.name = "json", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc + 1, argv - 1, opts, n, &pos);
    int depth = 1, fy = 0;
    if (r == 0 && opts[0].seen) {
        char *end;
        long d = strtol(opts[0].value, &end, 10);
        if (*end || d < 0 || d > 9)
            r = cli_fail(c, EXIT_USAGE, "--depth must be 0, 1 or 2");
        depth = (int)d;
    }
    if (r == 0 && opts[1].seen) {
        status_detail err = {0};
        if (!jpdate_parse_fy(opts[1].value, &fy, &err)) {
            status_set_field(&err, "--fy");
            r = cli_fail_status(c, &err);
        }
    }
    if (r == 0)
        r = cli_open(c);
    int64_t *ids = NULL;
    size_t nids = 0, cap = 0;
    if (r == 0 && (pos.len == 0 || (pos.len == 1 && str_eq(pos.items[0], "all")))) {
        assessment *list;
        assess_filter f = {.fy = fy};
        size_t len = 0;
        status_detail err = {0};
        if (assess_list_rows(c->st, &f, &list, &len, &err) != STATUS_OK) /* progress_compute counts below */
            r = cli_fail_status(c, &err);
        for (size_t i = 0; i < len; i++) {
            GROW(ids, cap, nids + 1);
            ids[nids++] = list[i].id;
        }
        assessment_list_free(list, len);
    } else {
        for (size_t i = 0; r == 0 && i < pos.len; i++) {
            GROW(ids, cap, nids + 1);
            r = cli_assessment_arg(c, pos.items[i], &ids[nids++]);
        }
    }
    bool en = c->g->english, json = opts[2].seen;
    cJSON *arr = json ? cJSON_CreateArray() : NULL;
    jp_date today = jpdate_today();
    for (size_t i = 0; r == 0 && i < nids; i++) {
        assessment a;
        status_detail err = {0};
        assess_get_row(c->st, ids[i], &a, &err);
        progress_row *rows;
        size_t nr;
        status_code st = progress_compute(c->st, ids[i], today, depth, en, &rows, &nr, &err);
        if (st != STATUS_OK) {
            r = cli_fail_status(c, &err);
            assessment_free(&a);
            break;
        }
        if (json) {
            cJSON *j = cJSON_CreateObject();
            cJSON_AddNumberToObject(j, "assessment", (double)a.id);
            cJSON_AddStringToObject(j, "catalog", a.catalog_id);
            cJSON_AddStringToObject(j, "version", a.catalog_version);
            cJSON_AddNumberToObject(j, "fy", a.fy);
            cli_json_str(j, "system", a.system_name);
            cJSON *rs = cJSON_AddArrayToObject(j, "rows");
            for (size_t k = 0; k < nr; k++)
                cJSON_AddItemToArray(rs, progress_json(&rows[k]));
            cJSON_AddItemToArray(arr, j);
        } else {
            char *fyl = cli_fy_text(c, a.fy);
            fprintf(c->out, "#%lld %s@%s  %s%s%s\n", (long long)a.id, a.catalog_id, a.catalog_version, fyl,
                    a.system_name ? "  " : "", a.system_name ? a.system_name : "");
            free(fyl);
            cli_cell(c->out, "", 36);
            cli_cell(c->out, en ? "ANSWERED" : "回答", 14);
            cli_cell(c->out, en ? "POSITIVE" : "実施", 8);
            cli_cell(c->out, en ? "OVERDUE" : "期限超過", 8);
            fprintf(c->out, "%s\n", en ? "HOSPITAL/VENDOR/JOINT/NA/UNSET" : "医療機関/事業者/共同/対象外/未設定");
            for (size_t k = 0; k < nr; k++) {
                const progress_row *p = &rows[k];
                char *label = p->depth == 0 ? xstrdup(en ? "Total" : "全体")
                                            : xasprintf("%*s%s %s", (p->depth - 1) * 2, "", p->ref ? p->ref : "",
                                                        p->title ? p->title : "");
                cli_cell(c->out, label, 36);
                free(label);
                char buf[64];
                snprintf(buf, sizeof buf, "%d/%d %3d%%", p->answered, p->items, progress_answered_pct(p));
                cli_cell(c->out, buf, 14);
                if (p->items - p->na > 0)
                    snprintf(buf, sizeof buf, "%3d%%", progress_positive_pct(p));
                else
                    snprintf(buf, sizeof buf, "   -");
                cli_cell(c->out, buf, 8);
                snprintf(buf, sizeof buf, "%d", p->overdue);
                cli_cell(c->out, buf, 8);
                fprintf(c->out, "%d/%d/%d/%d/%d\n", p->by_owner[RESP_HOSPITAL], p->by_owner[RESP_VENDOR],
                        p->by_owner[RESP_JOINT], p->by_owner[RESP_NA], p->by_owner[RESP_NONE]);
            }
            fputc('\n', c->out);
        }
        progress_free(rows, nr);
        assessment_free(&a);
    }
    if (arr) {
        if (r == 0)
            cli_json_print(c, arr);
        else
            cJSON_Delete(arr);
    }
    free(ids);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

const cli_group cli_group_progress = {
    .name = "progress", .summary = "progress", .run = progress_run, .usage = progress_usage, .runs_bare = true};

/* ---- history ---- */

static void history_usage(FILE *out)
{
    fprintf(out, "  history [--assessment A [--item I] | --entity org|vendor|system] [--limit N] [--json]\n"
                 "                                 the audit trail: who changed what, when (old → new);\n"
                 "                                 I = the item id or its printed reference (1-②)\n");
}

/* --item as the id or the printed reference (1-②) of an item of the assessment's catalog; an
 * unknown one is an error, not an empty history. *item is borrowed from the cached catalog. */
static int history_item_arg(cli_ctx *c, int64_t aid, const char *key, const char **item)
{
    assessment a;
    status_detail err = {0};
    if (assess_get_row(c->st, aid, &a, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    const catalog *cat = catalog_db_get(c->st, a.catalog_id, a.catalog_version);
    const catalog_node *n = cat ? catalog_find_node_or_ref(cat, key) : NULL;
    int r = 0;
    if (n) {
        *item = n->id;
    } else {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        status_fail(&err, &(status_info){STATUS_ITEM_NOT_FOUND, .item = key, .entity = label});
        free(label);
        r = cli_fail_status(c, &err);
    }
    assessment_free(&a);
    return r;
}

/* anzen history writes each row as it is read (history_each): constant memory at any size. */
typedef struct {
    cli_ctx *c;
    bool json;
    size_t rows;
} history_print;

static void print_history_json(history_print *p, const history_row *h)
{
    cli_ctx *c = p->c;
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)h->id);
    cJSON_AddNumberToObject(j, "action", (double)h->action);
    cJSON_AddStringToObject(j, "at", h->at);
    cJSON_AddStringToObject(j, "who", h->who);
    cJSON_AddStringToObject(j, "kind", h->kind);
    if (h->undo_of)
        cJSON_AddNumberToObject(j, "undo_of", (double)h->undo_of);
    cJSON_AddStringToObject(j, "entity", h->entity);
    if (h->entity_id)
        cJSON_AddNumberToObject(j, "entity_id", (double)h->entity_id);
    if (h->assessment_id)
        cJSON_AddNumberToObject(j, "assessment", (double)h->assessment_id);
    cli_json_str(j, "item", h->item_id);
    cli_json_str(j, "party", h->party);
    cJSON_AddStringToObject(j, "field", history_field_name(h->entity, h->field));
    char *ov = ws_history_value(c->st, h->entity, h->field, h->old_value);
    char *nv = ws_history_value(c->st, h->entity, h->field, h->new_value);
    cli_json_str(j, "old", ov);
    cli_json_str(j, "new", nv);
    free(ov);
    free(nv);
    char *text = cJSON_Print(j);
    /* an element of a printed array: after "[" or ", ", its lines one tab deeper */
    fputs(p->rows ? ", " : "[", c->out);
    for (const char *q = text; *q; q++) {
        fputc(*q, c->out);
        if (*q == '\n')
            fputc('\t', c->out);
    }
    cJSON_free(text);
    cJSON_Delete(j);
}

static void print_history_text(history_print *p, const history_row *h)
{
    cli_ctx *c = p->c;
    strbuf what = {0};
    if (h->assessment_id)
        sb_addf(&what, "#%lld", (long long)h->assessment_id);
    else
        sb_addf(&what, "%s #%lld", h->entity, (long long)h->entity_id);
    if (h->item_id)
        sb_addf(&what, " %s", h->item_id);
    if (h->party && !str_eq(h->party, "hospital"))
        sb_addf(&what, " [%s]", h->party);
    /* one line per change; multi-line values are shown with ⏎ */
    char *o = ws_history_value(c->st, h->entity, h->field, h->old_value);
    char *nv = ws_history_value(c->st, h->entity, h->field, h->new_value);
    o = o ? o : xstrdup("∅");
    nv = nv ? nv : xstrdup("∅");
    strbuf ob = {0}, nb = {0};
    for (const char *q = o; *q; q++)
        *q == '\n' ? sb_add(&ob, "⏎") : sb_addc(&ob, *q);
    for (const char *q = nv; *q; q++)
        *q == '\n' ? sb_add(&nb, "⏎") : sb_addc(&nb, *q);
    char when[CLOCK_LOCAL_SIZE]; /* stored UTC, shown in local time */
    clock_local_text(h->at, true, when);
    fprintf(c->out, "%s  ", when);
    cli_cell(c->out, h->who, 10);
    cli_cell(c->out, h->kind, 7);
    fprintf(c->out, " %s  %s: %s → %s\n", sb_str(&what), history_field_name(h->entity, h->field), sb_str(&ob),
            sb_str(&nb));
    sb_free(&ob);
    sb_free(&nb);
    free(o);
    free(nv);
    sb_free(&what);
}

static void print_history_row(void *ctx, const history_row *h)
{
    history_print *p = ctx;
    if (p->json)
        print_history_json(p, h);
    else
        print_history_text(p, h);
    p->rows++;
}

static int history_run(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "assessment"}, {.name = "item"}, {.name = "entity"}, {.name = "limit"},
                     {.name = "json", .flag = true}, {.name = "all", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc + 1, argv - 1, opts, n, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "history takes options only (unexpected \"%s\")", pos.items[0]);
    history_filter f = {.item_id = opts[1].value, .entity = opts[2].value};
    if (r == 0 && opts[3].seen) {
        int64_t l = 0;
        str_num k = str_to_int64(opts[3].value, 1, 1000000000, &l);
        if (k == STR_NUM_RANGE)
            r = cli_fail_option(c, "limit", &(status_info){STATUS_NUMBER_OUT_OF_RANGE, .value = opts[3].value,
                                                           .extra = "1..1000000000"});
        else if (k != STR_NUM_OK)
            r = cli_fail(c, EXIT_USAGE, "--limit must be a positive number");
        f.limit = (size_t)l;
    }
    if (r == 0)
        r = cli_open(c);
    if (r == 0 && opts[0].seen)
        r = cli_assessment_arg(c, opts[0].value, &f.assessment_id);
    if (r == 0 && opts[1].seen && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "history --item needs --assessment A (the item is looked up in its catalog)");
    if (r == 0 && opts[1].seen)
        r = history_item_arg(c, f.assessment_id, opts[1].value, &f.item_id);
    sl_free(&pos);
    if (r != 0) {
        cli_options_free(opts, n);
        return r;
    }
    history_print print = {.c = c, .json = opts[4].seen};
    status_detail err = {0};
    status_code st = history_each(c->st, &f, print_history_row, &print, &err);
    cli_options_free(opts, n);
    if (print.json) /* what cJSON_Print gives for the whole array, written as the rows come */
        fputs(print.rows ? "]\n" : "[]\n", c->out);
    else if (st == STATUS_OK && print.rows == 0)
        fprintf(c->out, c->g->english ? "(no history)\n" : "（履歴はありません）\n");
    return st == STATUS_OK ? EXIT_OK : cli_fail_status(c, &err);
}

const cli_group cli_group_history = {
    .name = "history", .summary = "audit trail", .run = history_run, .usage = history_usage, .runs_bare = true};

/* ---- diff ---- */

static void diff_usage(FILE *out)
{
    fprintf(out, "  diff A B [--json]              item-by-item changes from assessment A to B (e.g. last\n"
                 "                                 fiscal year → this one)\n");
}

static int diff_run(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc + 1, argv - 1, opts, 1, &pos);
    if (r == 0 && pos.len != 2)
        r = cli_fail(c, EXIT_USAGE, "diff needs two assessment numbers");
    if (r == 0)
        r = cli_open(c);
    int64_t a = 0, b = 0;
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &a);
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[1], &b);
    sl_free(&pos);
    if (r != 0)
        return r;
    assess_diff_row *rows;
    size_t n;
    status_detail err = {0};
    status_code st = assess_diff(c->st, a, b, &rows, &n, &err);
    if (st != STATUS_OK)
        return cli_fail_status(c, &err);
    if (opts[0].seen) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) {
            cJSON *j = cJSON_CreateObject();
            cJSON_AddStringToObject(j, "item", rows[i].item_id);
            cli_json_str(j, "ref", rows[i].ref);
            cJSON_AddStringToObject(j, "field", rows[i].field);
            cli_json_str(j, "a", rows[i].a);
            cli_json_str(j, "b", rows[i].b);
            cJSON_AddItemToArray(arr, j);
        }
        cli_json_print(c, arr);
    } else {
        const char *last = NULL;
        for (size_t i = 0; i < n; i++) {
            if (!str_eq(last, rows[i].item_id))
                fprintf(c->out, "%s %s\n", rows[i].ref ? rows[i].ref : "", rows[i].item_id);
            last = rows[i].item_id;
            fprintf(c->out, "    %s: %s → %s\n", rows[i].field, rows[i].a ? rows[i].a : "∅", rows[i].b ? rows[i].b : "∅");
        }
        if (n == 0)
            fprintf(c->out, c->g->english ? "(no differences)\n" : "（差分はありません）\n");
    }
    assess_diff_free(rows, n);
    return EXIT_OK;
}

const cli_group cli_group_diff = {.name = "diff", .summary = "compare", .run = diff_run, .usage = diff_usage};
