/* anzen answer set | proposals | accept | reject */
#include <stdlib.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "cli_common.h"

static void answer_usage(FILE *out)
{
    fprintf(out,
            "  answer set A ITEM VALUE [--reason T --note T --checked DATE --due DATE --done DATE\n"
            "          --owner hospital|vendor|joint|na|none --owner-vendor V --evidence E (repeatable)\n"
            "          --party hospital|vendor|agreed --vendor V]\n"
            "                                 --reason: one line, required where the catalog says so\n"
            "                                 (対象外, いいえ); --evidence: #N of the register, or a\n"
            "                                 reference text (a new register entry when none has it)\n"
            "                                 VALUE from the catalog's answers (value or label; - keeps it,\n"
            "                                 '' clears); dates as 2025-04-01, 令和7年4月1日 or R7.4.1;\n"
            "                                 an option given as '' clears that field\n"
            "  answer proposals A [--all] [--json]   answers proposed through crosswalks\n"
            "  answer accept P... | answer reject P...\n"
            "  answer agree A ITEM --take hospital|vendor|VALUE --with NAME [--vendor V]\n"
            "                                 the agreed answer, naming you and the other participant\n");
}

static bool parse_owner(const char *s, responsibility *r)
{
    static const struct {
        const char *in;
        responsibility r;
    } t[] = {{"hospital", RESP_HOSPITAL}, {"医療機関", RESP_HOSPITAL}, {"vendor", RESP_VENDOR},
             {"事業者", RESP_VENDOR},     {"joint", RESP_JOINT},       {"共同", RESP_JOINT},
             {"na", RESP_NA},             {"対象外", RESP_NA},          {"none", RESP_NONE},
             {"", RESP_NONE}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(t); i++)
        if (str_eq(s, t[i].in)) {
            *r = t[i].r;
            return true;
        }
    return false;
}

static int cmd_set(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "note"},  {.name = "checked"}, {.name = "due"}, {.name = "reason"},
                     {.name = "done"},  {.name = "owner"},   {.name = "owner-vendor"},
                     {.name = "evidence", .repeat = true},   {.name = "party"},
                     {.name = "vendor"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 3)
        r = cli_fail(c, EXIT_USAGE, "answer set needs ASSESSMENT ITEM VALUE (VALUE - keeps the current value)");
    answer_change ch = {0};
    answer_party party = PARTY_HOSPITAL;
    char iso[3][11];
    const char *date_opts[] = {"checked", "due", "done"};
    for (int i = 0; r == 0 && i < 3; i++) {
        cli_option *o = cli_option_get(opts, n, date_opts[i]);
        if (o->seen && !cli_date_arg(c, o->name, o->value, iso[i]))
            r = EXIT_INVALID;
    }
    cli_option *po = cli_option_get(opts, n, "party");
    if (r == 0 && po->seen && !answer_party_parse(po->value, &party))
        r = cli_fail(c, EXIT_USAGE, "--party: \"%s\" is not hospital, vendor or agreed", po->value);
    cli_option *ow = cli_option_get(opts, n, "owner");
    if (r == 0 && ow->seen && !parse_owner(ow->value, &ch.owner))
        r = cli_fail(c, EXIT_INVALID, "--owner: \"%s\" is not hospital, vendor, joint, na or none", ow->value);
    if (r == 0)
        r = cli_open(c);
    int64_t aid = 0, party_vendor = 0;
    status_detail err = {0};
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &aid);
    cli_option *ov = cli_option_get(opts, n, "owner-vendor"), *pv = cli_option_get(opts, n, "vendor");
    if (r == 0 && ov->seen)
        r = cli_vendor_arg(c, ov->value, &ch.owner_vendor_id);
    if (r == 0 && pv->seen)
        r = cli_vendor_arg(c, pv->value, &party_vendor);
    char *value = r == 0 ? xstrdup(pos.items[2]) : NULL;
    if (r == 0 && !str_eq(value, "-")) {
        ch.fields |= AF_VALUE;
        /* a label (はい, 実施) is accepted for its value */
        assessment a;
        if (assess_get_row(c->st, aid, &a, &err) == STATUS_OK) {
            /* the cached header and answers, which assess_answer_set reads too: one load per command */
            const catalog *cat = catalog_db_head(c->st, a.catalog_id, a.catalog_version);
            for (size_t i = 0; cat && !catalog_find_answer(cat, value) && i < cat->nanswers; i++)
                if (str_eq(value, cat->answers[i].label.ja) || str_eq(value, cat->answers[i].label.en)) {
                    free(value);
                    value = xstrdup(cat->answers[i].value);
                }
        }
        assessment_free(&a);
        ch.value = value;
    }
    if (r == 0) {
        cli_option *note = cli_option_get(opts, n, "note");
        if (note->seen) {
            ch.fields |= AF_NOTE;
            ch.note = note->value;
        }
        cli_option *reason = cli_option_get(opts, n, "reason");
        if (reason->seen) {
            ch.fields |= AF_REASON;
            ch.reason = reason->value;
        }
        unsigned bits[] = {AF_CHECKED, AF_DUE, AF_DONE};
        const char **dst[] = {&ch.checked, &ch.due, &ch.done};
        for (int i = 0; i < 3; i++)
            if (cli_option_get(opts, n, date_opts[i])->seen) {
                ch.fields |= bits[i];
                *dst[i] = iso[i];
            }
        if (ow->seen || ov->seen) {
            ch.fields |= AF_OWNER;
            if (!ow->seen)
                ch.owner = RESP_VENDOR;
        }
        cli_option *ev = cli_option_get(opts, n, "evidence");
        strlist evl = {0};
        if (ev->seen) {
            ch.fields |= AF_EVIDENCE;
            for (size_t i = 0; i < ev->values.len; i++)
                if (!str_empty(ev->values.items[i]))
                    sl_push(&evl, ev->values.items[i]);
            ch.evidence = &evl;
        }
        int changed = 0, proposed = 0;
        status_code st = assess_answer_set(c->st, aid, pos.items[1], party, party_vendor, &ch, c->who, &changed,
                                         &proposed, &err);
        sl_free(&evl);
        if (st != STATUS_OK) {
            /* an unknown item is invalid input here: the assessment itself exists */
            r = cli_fail_status(c, &err);
        } else {
            bool en = c->g->english;
            if (changed == 0)
                fprintf(c->out, en ? "%s: unchanged\n" : "%s: 変更なし\n", pos.items[1]);
            else
                fprintf(c->out, en ? "%s: %d field(s) changed\n" : "%s: %d 件の項目を変更しました\n", pos.items[1],
                        changed);
            if (proposed)
                fprintf(c->out, en ? "%d answer(s) proposed for mapped items (anzen answer proposals)\n"
                                   : "対応する項目に %d 件の回答案を作成しました（anzen answer proposals）\n",
                        proposed);
        }
    }
    free(value);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static int cmd_proposals(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "all", .flag = true}, {.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "answer proposals needs one assessment number");
    if (r == 0)
        r = cli_open(c);
    int64_t aid = 0;
    status_detail err = {0};
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &aid);
    sl_free(&pos);
    if (r != 0)
        return r;
    proposal *list;
    size_t n;
    assess_proposals(c->st, aid, !opts[0].seen, &list, &n, &err);
    bool en = c->g->english;
    if (opts[1].seen) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) {
            cJSON *j = cJSON_CreateObject();
            cJSON_AddNumberToObject(j, "id", (double)list[i].id);
            cJSON_AddStringToObject(j, "item", list[i].item_id);
            cJSON_AddStringToObject(j, "value", list[i].value);
            cJSON_AddNumberToObject(j, "source_assessment", (double)list[i].source_assessment_id);
            cJSON_AddStringToObject(j, "source_catalog", list[i].source_catalog);
            cJSON_AddStringToObject(j, "source_item", list[i].source_item);
            cJSON_AddStringToObject(j, "source_value", list[i].source_value);
            cJSON_AddStringToObject(j, "rel", list[i].rel);
            cJSON_AddStringToObject(j, "status", proposal_status_name(list[i].status));
            cli_json_str(j, "created_by", list[i].created_by);
            cli_json_str(j, "created_at", list[i].created_at);
            cJSON_AddItemToArray(arr, j);
        }
        cli_json_print(c, arr);
    } else {
        for (size_t i = 0; i < n; i++)
            fprintf(c->out, "P%lld  %s ← %s  (%s: #%lld %s:%s = %s)%s%s\n", (long long)list[i].id, list[i].item_id,
                    list[i].value, list[i].rel, (long long)list[i].source_assessment_id, list[i].source_catalog,
                    list[i].source_item, list[i].source_value, list[i].status == PROPOSAL_OPEN ? "" : "  ",
                    list[i].status == PROPOSAL_OPEN ? "" : proposal_status_name(list[i].status));
        if (n == 0)
            fprintf(c->out, en ? "(no open proposals)\n" : "（未処理の回答案はありません）\n");
    }
    proposal_list_free(list, n);
    cli_options_free(opts, 2);
    return EXIT_OK;
}

static int cmd_decide(cli_ctx *c, int argc, char **argv, bool accept)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    if (r == 0 && pos.len == 0)
        r = cli_fail(c, EXIT_USAGE, "answer %s needs proposal numbers (P3 or 3)", argv[0]);
    if (r == 0)
        r = cli_open(c);
    for (size_t i = 0; r == 0 && i < pos.len; i++) {
        const char *p = pos.items[i];
        if (*p == 'P' || *p == 'p' || *p == '#')
            p++;
        int64_t id = 0;
        str_num k = str_to_int64(p, 1, INT64_MAX, &id);
        if (k == STR_NUM_RANGE && *p != '-') {
            status_detail d = {0};
            status_fail(&d, &(status_info){STATUS_NUMBER_OUT_OF_RANGE, .field = "proposal", .value = pos.items[i]});
            r = cli_fail_status(c, &d);
            break;
        }
        if (k != STR_NUM_OK) {
            r = cli_fail(c, EXIT_USAGE, "\"%s\" is not a proposal number", pos.items[i]);
            break;
        }
        status_detail err = {0};
        status_code st = accept ? assess_proposal_accept(c->st, id, c->who, &err)
                              : assess_proposal_reject(c->st, id, c->who, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, "P%lld: %s\n", (long long)id, accept ? "accepted" : "rejected");
    }
    sl_free(&pos);
    return r;
}

static int answer_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB("set", cmd_set),
        CLI_SUB("proposals", cmd_proposals),
        CLI_SUB_FLAG("accept", cmd_decide, true),
        CLI_SUB_FLAG("reject", cmd_decide, false),
        CLI_SUB("agree", cli_answer_agree),
    };
    return cli_subcommand_run(c, argc, argv, "answer", subs, AZ_ARRAY_LEN(subs), answer_usage);
}

const cli_group cli_group_answer = {
    .name = "answer", .summary = "answers of an assessment", .run = answer_run, .usage = answer_usage};
