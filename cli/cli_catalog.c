/* anzen catalog validate | list | show */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "cli_common.h"
#include "store/lib.h"
#include "text/lib.h"

static void catalog_usage(FILE *out)
{
    fprintf(out, "  catalog validate [FILE...]   check catalog files (all installed ones when none given)\n"
                 "  catalog list [--json]        catalogs with versions, item counts and completeness\n"
                 "  catalog show ID[@VER][:NODE] a catalog's outline, or one item with its text and links\n");
    cli_import_sheet_usage(out);
}

static void report_ok(cli_ctx *c, const catalog *cat)
{
    size_t links = cat->nmappings;
    for (size_t i = 0; i < cat->nnodes; i++)
        links += cat->nodes[i].nmaps;
    fprintf(c->out, "%s: ok (%s@%s, %zu items, %zu headings, %zu links)\n", cat->path, cat->id, cat->version,
            catalog_item_count(cat), cat->nnodes - catalog_item_count(cat), links);
}

static int cmd_validate(cli_ctx *c, int argc, char **argv)
{
    strlist dirs = {0};
    status_detail err = {0};
    if (paths_catalog_dirs(&dirs, &err) != STATUS_OK) {
        sl_free(&dirs);
        return cli_fail_status(c, &err);
    }
    diag_list diags = {0};
    catalog_set set = {0};
    int nfiles = argc - 1;

    if (nfiles == 0) {
        catalog_set_load_dirs(&set, &dirs, &diags);
        catalog_set_drop_dangling(&set, &diags);
        for (size_t i = 0; i < set.len; i++)
            report_ok(c, set.items[i]);
    } else {
        /* The installed catalogs are the context that references resolve against; a given file
         * replaces the installed copy of itself. */
        catalog_set context = {0};
        diag_list ignored = {0};
        catalog_set_load_dirs(&context, &dirs, &ignored);
        diag_free(&ignored);
        for (int i = 1; i < argc; i++) {
            catalog *given = catalog_load_file(argv[i], &diags);
            if (!given)
                continue;
            catalog_set_remove_file(&context, given->path);
            catalog_set_add(&set, given, &diags);
        }
        for (size_t k = 0; k < context.len; k++) {
            const catalog *o = context.items[k];
            const catalog *dup = catalog_set_find(&set, o->id, o->version);
            if (dup)
                diag_add(&diags, dup->path, 0, 0, "catalog %s@%s is already defined in %s", o->id, o->version, o->path);
        }
        for (size_t i = 0; i < set.len; i++)
            if (catalog_check_refs(set.items[i], &set, catalog_set_has_node, &context, &diags) == 0)
                report_ok(c, set.items[i]);
        catalog_set_free(&context);
    }
    diag_print(&diags, c->err);
    int code = diags.len ? EXIT_INVALID : EXIT_OK;
    if (diags.len)
        fprintf(c->err, "anzen: %zu error%s\n", diags.len, diags.len == 1 ? "" : "s");
    diag_free(&diags);
    catalog_set_free(&set);
    sl_free(&dirs);
    return code;
}

static const char *completeness_label(const char *c, bool en)
{
    if (str_eq(c, "complete"))
        return en ? "complete" : "完全";
    if (str_eq(c, "partial"))
        return en ? "partial" : "一部";
    return en ? "skeleton" : "骨組み";
}

static void put_cell(FILE *out, const char *s, int cols)
{
    char *p = text_pad(s ? s : "", cols, "…");
    fputs(p, out);
    free(p);
}

static int cmd_list(cli_ctx *c, int argc, char **argv)
{
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (str_eq(argv[i], "--json"))
            json = true;
        else
            return cli_fail(c, EXIT_USAGE, "catalog list: unknown argument \"%s\"", argv[i]);
    }
    int r = cli_open(c);
    if (r)
        return r;
    catalog_info *list;
    size_t n;
    status_detail err = {0};
    if (catalog_db_list(c->st, &list, &n, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    bool en = c->g->english;
    if (json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "id", list[i].id);
            cJSON_AddStringToObject(o, "version", list[i].version);
            cJSON_AddNumberToObject(o, "revision", list[i].revision);
            cJSON_AddStringToObject(o, "kind", list[i].kind);
            cJSON_AddStringToObject(o, "title", i18n_get(&list[i].title, en));
            cJSON_AddStringToObject(o, "publisher", list[i].publisher);
            cJSON_AddStringToObject(o, "published", list[i].published);
            cJSON_AddNumberToObject(o, "headings", list[i].headings);
            cJSON_AddNumberToObject(o, "items", list[i].items);
            cJSON_AddNumberToObject(o, "verified_items", list[i].verified_items);
            cJSON_AddNumberToObject(o, "mappings", list[i].mappings);
            cJSON_AddStringToObject(o, "completeness", list[i].completeness);
            if (list[i].file_path)
                cJSON_AddStringToObject(o, "file", list[i].file_path);
            else
                cJSON_AddNullToObject(o, "file");
            cJSON_AddItemToArray(arr, o);
        }
        char *s = cJSON_Print(arr);
        fprintf(c->out, "%s\n", s);
        cJSON_free(s);
        cJSON_Delete(arr);
    } else {
        put_cell(c->out, en ? "CATALOG" : "カタログ", 26);
        put_cell(c->out, en ? "VERSION" : "版", 8);
        put_cell(c->out, en ? "ITEMS" : "項目数", 8);
        put_cell(c->out, en ? "VERIFIED" : "確認済", 9);
        put_cell(c->out, en ? "COMPLETE" : "網羅", 9);
        fprintf(c->out, "%s\n", en ? "TITLE" : "名称");
        for (size_t i = 0; i < n; i++) {
            char num[32];
            put_cell(c->out, list[i].id, 26);
            put_cell(c->out, list[i].version, 8);
            /* a crosswalk has no items: show its links instead */
            if (str_eq(list[i].kind, "crosswalk"))
                snprintf(num, sizeof num, "%d%s", list[i].mappings, en ? " maps" : "対応");
            else
                snprintf(num, sizeof num, "%d", list[i].items);
            put_cell(c->out, num, 8);
            snprintf(num, sizeof num, "%d", list[i].verified_items);
            put_cell(c->out, num, 9);
            put_cell(c->out, completeness_label(list[i].completeness, en), 9);
            fprintf(c->out, "%s%s\n", i18n_get(&list[i].title, en),
                    list[i].file_path ? "" : (en ? " (file removed)" : "（ファイル削除済）"));
        }
        if (n == 0)
            fprintf(c->out, en ? "(no catalogs found)\n" : "（カタログがありません）\n");
    }
    catalog_info_free(list, n);
    return EXIT_OK;
}

static const char *dash(const char *s)
{
    return str_empty(s) ? "-" : s;
}

static void show_catalog(cli_ctx *c, const catalog *cat)
{
    bool en = c->g->english;
    fprintf(c->out, "%s@%s (rev %d, %s)\n%s\n", cat->id, cat->version, cat->revision, cat->kind,
            i18n_get(&cat->title, en));
    fprintf(c->out, "%s: %s, %s\n", en ? "Publisher" : "発行", cat->publisher, cat->published);
    fprintf(c->out, "%s: %s <%s>\n", en ? "Source" : "出典", dash(cat->source_title), dash(cat->source_url));
    fprintf(c->out, "%s: %s%s%s\n", en ? "Completeness" : "網羅性", completeness_label(cat->completeness, en),
            cat->completeness_note.ja ? " — " : "", i18n_get(&cat->completeness_note, en));
    fprintf(c->out, "%s:", en ? "Answers" : "回答");
    for (size_t i = 0; i < cat->nanswers; i++)
        fprintf(c->out, " %s(%s)", i18n_get(&cat->answers[i].label, en), cat->answers[i].value);
    fprintf(c->out, "\n\n");
    for (size_t i = 0; i < cat->nnodes; i++) {
        const catalog_node *n = &cat->nodes[i];
        const char *label = n->title.ja ? i18n_get(&n->title, en) : i18n_get(&n->text, en);
        /* headings "#", items "-" with [✓] when verified; the node id for `catalog show ID:NODE` */
        fprintf(c->out, "%*s%s %s %s  (%s)%s\n", n->depth * 2, "", n->kind == NODE_ITEM ? "-" : "#", dash(n->ref),
                label, n->id, n->kind == NODE_ITEM && !n->verified ? (en ? " [unverified]" : " [未確認]") : "");
    }
}

static void show_node(cli_ctx *c, const catalog *cat, const catalog_node *n)
{
    bool en = c->g->english;
    fprintf(c->out, "%s:%s  %s@%s\n", cat->id, n->id, cat->id, cat->version);
    fprintf(c->out, "%s: %s\n", en ? "Reference" : "参照番号", dash(n->ref));
    fprintf(c->out, "%s: %s\n", en ? "Kind" : "種別", n->kind == NODE_ITEM ? (en ? "item" : "項目") : (en ? "heading" : "見出し"));
    if (n->title.ja)
        fprintf(c->out, "%s: %s\n", en ? "Title" : "表題", i18n_get(&n->title, en));
    if (n->text.ja)
        fprintf(c->out, "%s: %s\n", en ? "Text" : "内容", i18n_get(&n->text, en));
    if (n->guidance.ja)
        fprintf(c->out, "%s: %s\n", en ? "Guidance" : "確認の手引き", i18n_get(&n->guidance, en));
    if (n->actor)
        fprintf(c->out, "%s: %s\n", en ? "Actor" : "対象者", n->actor);
    if (n->resp)
        fprintf(c->out, "%s: %s\n", en ? "Default responsibility" : "既定の責任", responsibility_name(n->resp));
    if (n->target_fy)
        fprintf(c->out, "%s: %d\n", en ? "Target fiscal year" : "目標年度", n->target_fy);
    if (n->tags.len) {
        fprintf(c->out, "%s:", en ? "Tags" : "タグ");
        for (size_t i = 0; i < n->tags.len; i++)
            fprintf(c->out, " %s", n->tags.items[i]);
        fputc('\n', c->out);
    }
    if (n->kind == NODE_ITEM)
        fprintf(c->out, "%s: %s (%s)\n", en ? "Source" : "出典", dash(n->source),
                n->verified ? (en ? "verified" : "確認済") : (en ? "not verified" : "未確認"));
    for (size_t i = 0; i < n->nparams; i++) {
        const clause_param *p = &n->params[i];
        fprintf(c->out, "%s: %s (%s) = %s%s\n", en ? "Parameter" : "パラメータ", p->name, param_type_name(p->type),
                dash(p->default_value), i18n_get(&p->unit, en));
    }
    if (n->annex.ja)
        fprintf(c->out, "%s: %s\n", en ? "Annex text" : "別紙文案", i18n_get(&n->annex, en));
    if (n->triggers.len) {
        fprintf(c->out, "%s:", en ? "Applies when" : "適用条件");
        for (size_t i = 0; i < n->triggers.len; i++)
            fprintf(c->out, " %s", n->triggers.items[i]);
        fputc('\n', c->out);
    }
    node_link *links;
    size_t nl;
    status_detail err = {0};
    if (catalog_db_links(c->st, cat->id, n->id, &links, &nl, &err) != STATUS_OK) {
        char *m = status_format(&err, en);
        fprintf(c->err, "anzen: %s\n", m);
        free(m);
        status_detail_free(&err);
    }
    if (nl)
        fprintf(c->out, "%s:\n", en ? "Links" : "関連項目");
    for (size_t i = 0; i < nl; i++)
        fprintf(c->out, "  %s %s %s:%s %s %s\n", links[i].outgoing ? "→" : "←", links[i].rel, links[i].catalog,
                links[i].node, dash(links[i].ref), links[i].title ? links[i].title : "");
    node_link_free(links, nl);
}

static int cmd_show(cli_ctx *c, int argc, char **argv)
{
    if (argc != 2)
        return cli_fail(c, EXIT_USAGE, "catalog show needs one ID (catalog, catalog@version or catalog:node)");
    char *cat_id = NULL, *ver = NULL, *node_id = NULL;
    const char *arg = argv[1];
    if (strchr(arg, ':')) {
        if (!catalog_parse_ref(arg, &cat_id, &ver, &node_id))
            return cli_fail(c, EXIT_USAGE, "\"%s\" is not of the form catalog[@version]:node", arg);
    } else {
        const char *at = strchr(arg, '@');
        cat_id = at ? xstrndup(arg, (size_t)(at - arg)) : xstrdup(arg);
        ver = at ? xstrdup(at + 1) : NULL;
    }
    int r = cli_open(c);
    if (r == 0) {
        catalog *cat = catalog_db_load(c->st, cat_id, ver);
        if (!cat) {
            r = cli_fail(c, EXIT_FAILURE_GENERAL, "no catalog \"%s%s%s\" (see anzen catalog list)", cat_id,
                         ver ? "@" : "", ver ? ver : "");
        } else if (node_id) {
            const catalog_node *n = catalog_find_node(cat, node_id);
            if (!n)
                r = cli_fail(c, EXIT_FAILURE_GENERAL, "catalog %s@%s has no node \"%s\"", cat->id, cat->version, node_id);
            else
                show_node(c, cat, n);
        } else {
            show_catalog(c, cat);
        }
        catalog_free(cat);
    }
    free(cat_id);
    free(ver);
    free(node_id);
    return r;
}

static int catalog_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB("validate", cmd_validate),
        CLI_SUB("list", cmd_list),
        CLI_SUB("show", cmd_show),
        CLI_SUB("import-sheet", cli_import_sheet) /* cli_import_sheet.c */,
    };
    return cli_subcommand_run(c, argc, argv, "catalog", subs, AZ_ARRAY_LEN(subs), catalog_usage);
}

const cli_group cli_group_catalog = {
    .name = "catalog",
    .summary = "catalogs: validate, list, show, import-sheet",
    .run = catalog_run,
    .usage = catalog_usage,
};
