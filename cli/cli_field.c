/* anzen assess field A [KEY [VALUE]]: the header fields of an assessment (catalog.fields), e.g.
 * the product name and date of issue of an MDS/SDS sheet. With KEY and VALUE sets one (one
 * transaction with history; "" clears it); with A alone lists them. */
#include <stdlib.h>

#include "assess/lib.h"
#include "cli_common.h"

static int list_fields(cli_ctx *c, int64_t id, bool json)
{
    status_detail err = {0};
    assessment a;
    if (assess_get_row(c->st, id, &a, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    const catalog *cat = catalog_db_get(c->st, a.catalog_id, a.catalog_version);
    assess_field_list vals = {0};
    if (!cat) {
        char *label = xasprintf("%s@%s", a.catalog_id, a.catalog_version);
        status_fail(&err, &(status_info){STATUS_CATALOG_GONE, .entity = label, .id = id});
        free(label);
    }
    if (!cat || assess_field_load(c->st, id, &vals, &err) != STATUS_OK) {
        assessment_free(&a);
        return cli_fail_status(c, &err);
    }
    bool en = c->g->english;
    cJSON *arr = json ? cJSON_CreateArray() : NULL;
    for (size_t i = 0; i < cat->nfields; i++) {
        const catalog_field *f = &cat->fields[i];
        const assess_field_value *v = assess_field_get(&vals, f->key);
        if (json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "key", f->key);
            cJSON_AddStringToObject(o, "label", i18n_get(&f->label, en));
            cJSON_AddStringToObject(o, "type", catalog_field_type_name(f->type));
            cli_json_str(o, "value", v ? v->value : NULL);
            cli_json_str(o, "updated_by", v ? v->updated_by : NULL);
            cli_json_str(o, "updated_at", v ? v->updated_at : NULL);
            cJSON_AddItemToArray(arr, o);
            continue;
        }
        cli_cell(c->out, f->key, 14);
        cli_cell(c->out, i18n_get(&f->label, en), 36);
        fprintf(c->out, "%s\n", v ? v->value : "-");
    }
    if (json)
        cli_json_print(c, arr);
    else if (!cat->nfields)
        fprintf(c->out, en ? "(%s@%s has no header fields)\n" : "（%s@%s にはフィールドがありません）\n", cat->id,
                cat->version);
    assess_field_list_free(&vals);
    assessment_free(&a);
    return EXIT_OK;
}

int cli_assess_field(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    if (r == 0 && (pos.len < 1 || pos.len == 2 || pos.len > 3))
        r = cli_fail(c, EXIT_USAGE, "assess field needs A, or A KEY VALUE (\"\" clears)");
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &id);
    if (r == 0 && pos.len == 1) {
        r = list_fields(c, id, opts[0].seen);
    } else if (r == 0) {
        status_detail err = {0};
        int changed = 0;
        if (assess_field_set(c->st, id, pos.items[1], pos.items[2], c->who, &changed, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (!changed)
            fprintf(c->out, c->g->english ? "%s: unchanged\n" : "%s: 変更なし\n", pos.items[1]);
        else
            fprintf(c->out, c->g->english ? "#%lld %s saved\n" : "#%lld %s を保存しました\n", (long long)id,
                    pos.items[1]);
    }
    sl_free(&pos);
    cli_options_free(opts, 1);
    return r;
}
