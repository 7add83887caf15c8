/* anzen reconcile A [--vendor V] [--json] [--only different|one-sided] and
 * anzen answer agree A ITEM --take hospital|vendor|VALUE --with NAME: the hospital's and the
 * vendor's answers side by side, and the agreed answer (core/exchange/reconcile.h). */
#include <stdlib.h>

#include "cli_common.h"
#include "exchange/lib.h"

#define EN (c->g->english)

static void reconcile_usage(FILE *out)
{
    fprintf(out, "  reconcile A [--vendor V] [--only different|one-sided] [--json]\n"
                 "                                 hospital / vendor / agreed answers per item, and the counts\n");
}

static const char *state_label(reconcile_state s, bool en)
{
    static const char *const ja[] = {"一致", "相違", "医療機関のみ", "事業者のみ", "未回答"};
    static const char *const e[] = {"equal", "different", "only hospital", "only vendor", "none"};
    return (unsigned)s < RECONCILE__COUNT ? (en ? e[s] : ja[s]) : "?";
}

static const char *value_of(const answer *x)
{
    return x && x->value ? x->value : "-";
}

static void answer_json(cJSON *o, const char *key, const answer *x)
{
    if (!x || !x->value) {
        cJSON_AddNullToObject(o, key);
        return;
    }
    cJSON *a = cJSON_AddObjectToObject(o, key);
    cJSON_AddStringToObject(a, "value", x->value);
    cli_json_str(a, "answered_by", x->answered_by);
    cli_json_str(a, "updated_at", x->updated_at);
    if (x->party == PARTY_AGREED)
        cli_json_str(a, "agreed_with", x->agreed_with);
}

static int reconcile_run(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "vendor"}, {.name = "json", .flag = true}, {.name = "only"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    /* the group runs bare: argv[0] is the assessment */
    int r = cli_parse_options(c, argc + 1, argv - 1, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "reconcile needs one assessment number");
    bool only_diff = opts[2].seen && str_eq(opts[2].value, "different");
    bool only_one = opts[2].seen && str_eq(opts[2].value, "one-sided");
    if (r == 0 && opts[2].seen && !only_diff && !only_one)
        r = cli_fail(c, EXIT_USAGE, "--only: \"%s\" is not different or one-sided", opts[2].value);
    if (r == 0)
        r = cli_open(c);
    int64_t aid = 0, vendor = 0;
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &aid);
    if (r == 0 && opts[0].seen)
        r = cli_vendor_arg(c, opts[0].value, &vendor);
    reconcile_view v = {0};
    status_detail err = {0};
    if (r == 0 && reconcile_load(c->st, aid, vendor, &v, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0) {
        cJSON *arr = opts[1].seen ? cJSON_CreateArray() : NULL;
        for (size_t i = 0; i < v.nrows; i++) {
            const reconcile_row *row = &v.rows[i];
            if ((only_diff && row->state != RECONCILE_DIFFERENT) ||
                (only_one && row->state != RECONCILE_ONLY_HOSPITAL && row->state != RECONCILE_ONLY_VENDOR))
                continue;
            if (arr) {
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "item", row->node->id);
                cli_json_str(o, "ref", row->node->ref);
                cJSON_AddStringToObject(o, "state", reconcile_state_name(row->state));
                answer_json(o, "hospital", row->hospital);
                answer_json(o, "vendor", row->vendor);
                answer_json(o, "agreed", row->agreed);
                cJSON_AddBoolToObject(o, "agreed_current", row->agreed_current);
                cJSON *d = cJSON_AddArrayToObject(o, "differing");
                for (size_t k = 0; k < row->differing.len; k++)
                    cJSON_AddItemToArray(d, cJSON_CreateString(row->differing.items[k]));
                cJSON_AddItemToArray(arr, o);
                continue;
            }
            fprintf(c->out, "%s%s%s%s  %s  %s / %s", row->node->id, row->node->ref ? " (" : "",
                    row->node->ref ? row->node->ref : "", row->node->ref ? ")" : "", state_label(row->state, EN),
                    value_of(row->hospital), value_of(row->vendor));
            if (row->agreed && row->agreed->value)
                fprintf(c->out, EN ? "  agreed %s (%s with %s, %s)%s" : "  合意 %s（%s と %s、%s）%s", row->agreed->value,
                        row->agreed->answered_by ? row->agreed->answered_by : "",
                        row->agreed->agreed_with ? row->agreed->agreed_with : "",
                        row->agreed->updated_at ? row->agreed->updated_at : "",
                        row->agreed_current ? "" : (EN ? " [changed since]" : " [その後変更あり]"));
            for (size_t k = 0; k < row->differing.len; k++)
                fprintf(c->out, "%s%s", k ? ", " : (EN ? "  differs: " : "  相違: "), row->differing.items[k]);
            fputc('\n', c->out);
        }
        if (arr) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "assessment", (double)aid);
            cJSON_AddNumberToObject(o, "vendor", (double)v.vendor_id);
            cJSON *counts = cJSON_AddObjectToObject(o, "counts");
            for (int s = 0; s < RECONCILE__COUNT; s++)
                cJSON_AddNumberToObject(counts, reconcile_state_name((reconcile_state)s), v.count[s]);
            cJSON_AddNumberToObject(counts, "agreed", v.agreed);
            cJSON_AddItemToObject(o, "items", arr);
            cli_json_print(c, o);
        } else {
            fprintf(c->out, EN ? "%d equal, %d different, %d only hospital, %d only vendor, %d unanswered; %d agreed\n"
                               : "一致 %d、相違 %d、医療機関のみ %d、事業者のみ %d、未回答 %d。合意 %d\n",
                    v.count[RECONCILE_EQUAL], v.count[RECONCILE_DIFFERENT], v.count[RECONCILE_ONLY_HOSPITAL],
                    v.count[RECONCILE_ONLY_VENDOR], v.count[RECONCILE_NONE], v.agreed);
        }
    }
    reconcile_view_free(&v);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

const cli_group cli_group_reconcile = {.name = "reconcile",
                                       .summary = "hospital and vendor answers side by side",
                                       .run = reconcile_run,
                                       .usage = reconcile_usage,
                                       .runs_bare = false};

int cli_answer_agree(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "take"}, {.name = "with"}, {.name = "vendor"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 2)
        r = cli_fail(c, EXIT_USAGE, "answer agree needs ASSESSMENT ITEM --take hospital|vendor|VALUE --with NAME");
    if (r == 0 && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "answer agree needs --take hospital|vendor|VALUE");
    reconcile_take take = RECONCILE_TAKE_VALUE;
    const char *t = opts[0].value;
    if (r == 0 && (str_eq(t, "hospital") || str_eq(t, "医療機関")))
        take = RECONCILE_TAKE_HOSPITAL;
    else if (r == 0 && (str_eq(t, "vendor") || str_eq(t, "事業者")))
        take = RECONCILE_TAKE_VENDOR;
    if (r == 0)
        r = cli_open(c);
    int64_t aid = 0, vendor = 0;
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &aid);
    if (r == 0 && opts[2].seen)
        r = cli_vendor_arg(c, opts[2].value, &vendor);
    char *value = NULL;
    if (r == 0 && take == RECONCILE_TAKE_VALUE) {
        /* a label (はい) is taken for its value, as answer set does */
        value = xstrdup(t);
        assessment a;
        if (assess_get_row(c->st, aid, &a, NULL) == STATUS_OK) {
            const catalog *cat = catalog_db_get(c->st, a.catalog_id, a.catalog_version);
            for (size_t i = 0; cat && !catalog_find_answer(cat, value) && i < cat->nanswers; i++)
                if (str_eq(value, cat->answers[i].label.ja) || str_eq(value, cat->answers[i].label.en)) {
                    free(value);
                    value = xstrdup(cat->answers[i].value);
                }
        }
        assessment_free(&a);
    }
    int changed = 0;
    status_detail err = {0};
    if (r == 0 && reconcile_agree(c->st, aid, pos.items[1], take, value, vendor, opts[1].seen ? opts[1].value : NULL,
                                  c->who, &changed, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0)
        fprintf(c->out, changed ? (EN ? "%s: agreed (%d field(s))\n" : "%s: 合意しました（%d 項目）\n")
                                : (EN ? "%s: agreed so already\n" : "%s: 既に同じ内容で合意済みです\n"),
                pos.items[1], changed);
    free(value);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}
