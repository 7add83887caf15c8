/* anzen org add | edit | show | list — the hospital itself (one per workspace). */
#include <stdlib.h>

#include "cli_common.h"

static void org_usage(FILE *out)
{
    fprintf(out, "  org add --name NAME [--beds N --administrator 管理者 --security-officer 安全管理責任者\n"
                 "          --planning-manager 企画管理者 --operations-staff 運用担当者 --address A --note T]\n"
                 "  org edit [same options]        change the hospital's details\n"
                 "  org show|list [--json]         the hospital and its responsible persons\n");
}

#define ORG_OPTS                                                                                                   \
    {.name = "name"}, {.name = "beds"}, {.name = "administrator"}, {.name = "security-officer"},                   \
        {.name = "planning-manager"}, {.name = "operations-staff"}, {.name = "address"}, {.name = "note"}

static int cmd_save(cli_ctx *c, int argc, char **argv, bool add)
{
    cli_option opts[] = {ORG_OPTS};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "org %s takes options only (unexpected \"%s\")", argv[0], pos.items[0]);
    if (r == 0)
        r = cli_open(c);
    ws_org org = {0};
    status_detail err = {0};
    if (r == 0) {
        status_code got = ws_org_get(c->st, &org, &err);
        bool have = got == STATUS_OK;
        if (got != STATUS_OK && got != STATUS_ORG_MISSING)
            r = cli_fail_status(c, &err);
        else if (add && have)
            r = cli_fail_status_use(c, &(status_detail){STATUS_ORG_EXISTS, .value = xstrdup(org.name)},
                                    "anzen org edit");
        else if (!add && !have)
            r = cli_fail_status_use(c, &err, "anzen org add --name NAME");
        status_detail_free(&err);
    }
    if (r == 0) {
        cli_option_text(&org.name, cli_option_get(opts, n, "name"));
        cli_option_text(&org.administrator, cli_option_get(opts, n, "administrator"));
        cli_option_text(&org.security_officer, cli_option_get(opts, n, "security-officer"));
        cli_option_text(&org.planning_manager, cli_option_get(opts, n, "planning-manager"));
        cli_option_text(&org.operations_staff, cli_option_get(opts, n, "operations-staff"));
        cli_option_text(&org.address, cli_option_get(opts, n, "address"));
        cli_option_text(&org.note, cli_option_get(opts, n, "note"));
        cli_option *beds = cli_option_get(opts, n, "beds");
        if (beds->seen) {
            int64_t v = 0;
            str_num k = str_to_int64(beds->value, 0, 100000, &v);
            if (k != STR_NUM_OK)
                r = cli_fail_option(c, "beds", &(status_info){k == STR_NUM_RANGE ? STATUS_NUMBER_OUT_OF_RANGE : STATUS_NOT_A_NUMBER,
                                                              .value = beds->value, .extra = "0..100000"});
            org.beds = (int)v;
        }
    }
    if (r == 0) {
        status_code st = ws_org_save(c->st, &org, c->who, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, c->g->english ? "saved organisation %s\n" : "医療機関 %s を保存しました\n", org.name);
    }
    ws_org_free(&org);
    cli_options_free(opts, n);
    sl_free(&pos);
    return r;
}

static int cmd_show(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    sl_free(&pos);
    if (r == 0)
        r = cli_open(c);
    if (r != 0)
        return r;
    ws_org o;
    status_detail err = {0};
    if (ws_org_get(c->st, &o, &err) != STATUS_OK)
        return err.code == STATUS_ORG_MISSING ? cli_fail_status_use(c, &err, "anzen org add --name NAME")
                                              : cli_fail_status(c, &err);
    bool en = c->g->english;
    if (opts[0].seen) {
        cJSON *j = cJSON_CreateObject();
        cli_json_str(j, "name", o.name);
        if (o.beds)
            cJSON_AddNumberToObject(j, "beds", o.beds);
        else
            cJSON_AddNullToObject(j, "beds");
        cli_json_str(j, "administrator", o.administrator);
        cli_json_str(j, "security_officer", o.security_officer);
        cli_json_str(j, "planning_manager", o.planning_manager);
        cli_json_str(j, "operations_staff", o.operations_staff);
        cli_json_str(j, "address", o.address);
        cli_json_str(j, "note", o.note);
        cli_json_str(j, "updated_at", o.updated_at);
        cli_json_print(c, j);
    } else {
        const char *d = "-";
        fprintf(c->out, "%s: %s\n", en ? "Organisation" : "医療機関", o.name);
        if (o.beds)
            fprintf(c->out, "%s: %d\n", en ? "Beds" : "病床数", o.beds);
        else
            fprintf(c->out, "%s: -\n", en ? "Beds" : "病床数");
        fprintf(c->out, "%s: %s\n", en ? "Administrator" : "管理者", o.administrator ? o.administrator : d);
        fprintf(c->out, "%s: %s\n", en ? "Security officer" : "医療情報システム安全管理責任者",
                o.security_officer ? o.security_officer : d);
        fprintf(c->out, "%s: %s\n", en ? "Planning manager" : "企画管理者", o.planning_manager ? o.planning_manager : d);
        fprintf(c->out, "%s: %s\n", en ? "Operations staff" : "システム運用担当者",
                o.operations_staff ? o.operations_staff : d);
        if (o.address)
            fprintf(c->out, "%s: %s\n", en ? "Address" : "所在地", o.address);
        if (o.note)
            fprintf(c->out, "%s:\n%s\n", en ? "Note" : "備考", o.note);
    }
    ws_org_free(&o);
    return EXIT_OK;
}

static int org_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB_FLAG("add", cmd_save, true),
        CLI_SUB_FLAG("edit", cmd_save, false),
        CLI_SUB("show", cmd_show),
        CLI_SUB("list", cmd_show),
    };
    return cli_subcommand_run(c, argc, argv, "org", subs, AZ_ARRAY_LEN(subs), org_usage);
}

const cli_group cli_group_org = {.name = "org", .summary = "the hospital", .run = org_run, .usage = org_usage};
