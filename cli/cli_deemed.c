/* anzen deemed — deemed compliance (みなし遵守) with guideline 7.0 保守委託機関編: the verdict, the
 * reason of every system, and the MDS/SDS 【別紙】 status of every vendor (core/contract/deemed.h). */
#include <stdlib.h>

#include "cli_common.h"
#include "contract/lib.h"

static void deemed_usage(FILE *out)
{
    fprintf(out, "  deemed [--json]                deemed compliance with guideline 7.0 保守委託機関編: eligible or\n"
                 "                                 not, the reason of every system, the MDS/SDS 別紙 per vendor\n");
}

/* "保守契約第12号 第3条 C23" / ", proposed, not decided" */
static char *where_stated(const deemed_system *d, bool en)
{
    if (d->by_hand)
        return xstrdup(en ? "as the inventory records: a contract, terms or SLA outside anzen"
                          : "台帳の記録: anzen の外の契約書・約款・SLA");
    if (!d->contract_id)
        return NULL;
    strbuf sb = {0};
    sb_add(&sb, d->contract_label);
    if (d->article)
        sb_addf(&sb, en ? " article %d" : " 第%d条", d->article);
    sb_addf(&sb, " %s", d->clause_ref);
    if (!d->decided)
        sb_add(&sb, en ? ", proposed, not yet decided" : "、提案のまま（未決定）");
    return sb_take(&sb);
}

static void print_text(cli_ctx *c, const deemed_report *r)
{
    bool en = c->g->english;
    fprintf(c->out, "%s: %s\n", en ? "Deemed compliance (guideline 7.0, outsourced-maintenance volume)"
                                   : "みなし遵守（ガイドライン第7.0版 保守委託機関編）",
            r->eligible ? (en ? "eligible" : "対象") : (en ? "not eligible" : "対象外"));
    if (!r->nsystems)
        fprintf(c->out, "  %s\n", en ? "no system in the inventory" : "システム台帳にシステムがありません");
    else
        fprintf(c->out, "%s (%zu):\n", en ? "Systems" : "システム", r->nsystems);
    for (size_t i = 0; i < r->nsystems; i++) {
        const deemed_system *d = &r->systems[i];
        const deemed_reason_def *why = &deemed_reasons[d->reason];
        fprintf(c->out, "  %s %s: %s", d->reason == DEEMED_MET ? "o" : "x", d->system_name, en ? why->en : why->ja);
        char *where = where_stated(d, en);
        if (where)
            fprintf(c->out, en ? " (%s)" : "（%s）", where);
        free(where);
        fputc('\n', c->out);
    }
    fprintf(c->out, "%s:\n", en ? "MDS/SDS annex (別紙), per vendor" : "MDS/SDS【別紙】（事業者ごと）");
    if (!r->nvendors)
        fprintf(c->out, "  %s\n", en ? "no vendor recorded for the systems" : "システムに事業者が記録されていません");
    for (size_t i = 0; i < r->nvendors; i++) {
        const deemed_vendor *v = &r->vendors[i];
        if (!v->assessment_id) {
            fprintf(c->out, "  %s: %s\n", v->vendor_name,
                    en ? "no assessment of the annex" : "別紙の評価がありません");
            continue;
        }
        bool clear = !v->negative && !v->unanswered;
        if (en)
            fprintf(c->out, "  %s: FY%d #%lld: %s%d answered No, %d unanswered (of %d)\n", v->vendor_name, v->fy,
                    (long long)v->assessment_id, clear ? "all Yes or N/A; " : "", v->negative, v->unanswered,
                    v->items);
        else
            fprintf(c->out, "  %s: %d年度 #%lld: %sいいえ %d件・未回答 %d件（%d件中）\n", v->vendor_name, v->fy,
                    (long long)v->assessment_id, clear ? "すべて はい・対象外。" : "", v->negative, v->unanswered,
                    v->items);
        for (size_t k = 0; k < v->nnegative_items; k++)
            fprintf(c->out, "    %s %s\n", en ? "No:" : "いいえ:", v->negative_items[k]);
    }
    if (!r->annex_catalog_loaded)
        fprintf(c->out, "  (%s)\n", en ? "the annex catalog " DEEMED_ANNEX_CATALOG " is not installed"
                                       : "別紙のカタログ " DEEMED_ANNEX_CATALOG " が入っていません");
}

static cJSON *report_json(const deemed_report *r, bool en)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddBoolToObject(j, "eligible", r->eligible);
    cJSON *a = cJSON_AddArrayToObject(j, "systems");
    for (size_t i = 0; i < r->nsystems; i++) {
        const deemed_system *d = &r->systems[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "id", (double)d->system_id);
        cli_json_str(o, "name", d->system_name);
        cli_json_str(o, "vendor", d->vendor_name);
        cli_json_str(o, "security_updates_by", d->updates_by);
        cJSON_AddBoolToObject(o, "met", d->reason == DEEMED_MET);
        cli_json_str(o, "reason", deemed_reasons[d->reason].code);
        cli_json_str(o, "reason_text", en ? deemed_reasons[d->reason].en : deemed_reasons[d->reason].ja);
        if (d->contract_id) {
            cJSON *k = cJSON_AddObjectToObject(o, "contract");
            cJSON_AddNumberToObject(k, "id", (double)d->contract_id);
            cli_json_str(k, "label", d->contract_label);
            cli_json_str(k, "clause", d->clause_ref);
            cJSON_AddNumberToObject(k, "article", d->article);
            cJSON_AddBoolToObject(k, "decided", d->decided);
        } else {
            cJSON_AddNullToObject(o, "contract");
        }
        cJSON_AddBoolToObject(o, "stated_in_inventory", d->by_hand);
        cJSON_AddItemToArray(a, o);
    }
    a = cJSON_AddArrayToObject(j, "vendors");
    for (size_t i = 0; i < r->nvendors; i++) {
        const deemed_vendor *v = &r->vendors[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "id", (double)v->vendor_id);
        cli_json_str(o, "name", v->vendor_name);
        if (v->assessment_id) {
            cJSON_AddNumberToObject(o, "assessment", (double)v->assessment_id);
            cJSON_AddNumberToObject(o, "fy", v->fy);
            cJSON_AddNumberToObject(o, "items", v->items);
            cJSON_AddNumberToObject(o, "negative", v->negative);
            cJSON_AddNumberToObject(o, "unanswered", v->unanswered);
            cJSON *n = cJSON_AddArrayToObject(o, "negative_items");
            for (size_t k = 0; k < v->nnegative_items; k++)
                cJSON_AddItemToArray(n, cJSON_CreateString(v->negative_items[k]));
        } else {
            cJSON_AddNullToObject(o, "assessment");
        }
        cJSON_AddItemToArray(a, o);
    }
    cJSON_AddBoolToObject(j, "annex_catalog_installed", r->annex_catalog_loaded);
    return j;
}

static int deemed_run(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    /* argv[0] is the first argument here (the group runs bare): shift so the parser sees it */
    int r = cli_parse_options(c, argc + 1, argv - 1, opts, AZ_ARRAY_LEN(opts), &pos);
    if (!r && pos.len) {
        r = cli_fail(c, EXIT_USAGE, "deemed takes no argument, not \"%s\"", pos.items[0]);
        deemed_usage(c->err);
    }
    if (!r)
        r = cli_open(c);
    if (!r) {
        deemed_report rep;
        status_detail err = {0};
        if (deemed_compute(c->st, c->g->english, &rep, &err) != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            if (opts[0].seen)
                cli_json_print(c, report_json(&rep, c->g->english));
            else
                print_text(c, &rep);
            deemed_report_free(&rep);
        }
    }
    sl_free(&pos);
    cli_options_free(opts, AZ_ARRAY_LEN(opts));
    return r;
}

const cli_group cli_group_deemed = {
    .name = "deemed",
    .summary = "deemed compliance with guideline 7.0 保守委託機関編",
    .run = deemed_run,
    .usage = deemed_usage,
    .runs_bare = true,
};
