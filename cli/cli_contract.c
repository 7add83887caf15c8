/* anzen contract new | edit | list | show | clause | param | matrix | history — maintenance
 * contracts and what their annex (契約書別紙) is made of (core/contract). */
#include <stdlib.h>

#include "cli_common.h"
#include "cli_contract.h"
#include "contract/lib.h"
#include "history/lib.h"
#include "text/lib.h"

static void contract_usage(FILE *out)
{
    fprintf(out,
            "  contract new --vendor V --system S [--system S…] [--ref 保守契約第…号] [--start DATE --end DATE]\n"
            "               [--clauses CATALOG[@VERSION]]   (default: the newest anzen-contract-clauses)\n"
            "  contract edit C [--ref R --start DATE --end DATE]   (\"\" clears)\n"
            "  contract list [--system S] [--json]\n"
            "  contract show C [--json]       facts, clauses (proposed / included / excluded and why),\n"
            "                                 parameters, 責任分界表, open items   (C = #id or reference)\n"
            "  contract clause include|exclude C CLAUSE --reason TEXT;  contract clause reset C CLAUSE\n"
            "  contract param set C CLAUSE NAME VALUE   (\"\" returns it to the catalog default)\n"
            "  contract matrix set C COMPONENT PHASE PARTY [--vendor V] [--note TEXT];  matrix reset C COMPONENT PHASE\n"
            "          COMPONENT: server-os middleware application client network cloud line medical-device\n"
            "          PHASE: normal emergency exit (通常時 非常時 契約終了時)\n"
            "          PARTY: hospital vendor joint na (医療機関 事業者 共同 対象外)\n"
            "  contract history C [--json]\n");
}

int cli_contract_arg(cli_ctx *c, const char *key, int64_t *id)
{
    status_detail err = {0};
    if (contract_find(c->st, key, id, &err) == STATUS_OK)
        return 0;
    return cli_fail_status_see(c, &err, err.code == STATUS_CONTRACT_NOT_FOUND ? "anzen contract list" : NULL);
}

static int system_arg(cli_ctx *c, const char *key, int64_t *id)
{
    status_detail err = {0};
    if (ws_system_find(c->st, key, id, &err) == STATUS_OK)
        return 0;
    return cli_fail_status_see(c, &err, err.code == STATUS_SYSTEM_NOT_FOUND ? "anzen system list" : NULL);
}

static int cmd_new(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "vendor"}, {.name = "system", .repeat = true}, {.name = "ref"}, {.name = "start"},
                         {.name = "end"},    {.name = "clauses"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "contract new takes options only (unexpected \"%s\")", pos.items[0]);
    if (r == 0 && (!opts[0].seen || !opts[1].seen))
        r = cli_fail(c, EXIT_USAGE, "contract new needs --vendor and at least one --system");
    char start[11] = "", end[11] = "";
    if (r == 0 && !cli_date_arg(c, "start", opts[3].value, start))
        r = EXIT_INVALID;
    if (r == 0 && !cli_date_arg(c, "end", opts[4].value, end))
        r = EXIT_INVALID;
    if (r == 0)
        r = cli_open(c);
    contract_spec spec = {.ref = opts[2].value, .term_start = start, .term_end = end};
    int64_t *ids = xcalloc(opts[1].values.len + 1, sizeof *ids);
    if (r == 0)
        r = cli_vendor_arg(c, opts[0].value, &spec.vendor_id);
    for (size_t i = 0; r == 0 && i < opts[1].values.len; i++)
        r = system_arg(c, opts[1].values.items[i], &ids[i]);
    char *cat = NULL, *ver = NULL;
    if (r == 0 && opts[5].seen) {
        cat = xstrdup(opts[5].value);
        char *at = strchr(cat, '@');
        if (at) {
            *at = '\0';
            ver = at + 1;
        }
    }
    if (r == 0) {
        spec.system_ids = ids;
        spec.nsystems = opts[1].values.len;
        spec.clause_catalog = cat;
        spec.clause_version = ver;
        int64_t id = 0;
        status_detail err = {0};
        contract k;
        if (contract_create(c->st, &spec, c->who, &id, &err) != STATUS_OK ||
            contract_get(c->st, id, &k, &err) != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            fprintf(c->out, c->g->english ? "created contract #%lld (%s, %s@%s)\n" : "契約 #%lld を作成しました（%s、%s@%s）\n",
                    (long long)id, k.vendor_name, k.clause_catalog, k.clause_version);
            contract_free(&k);
        }
    }
    free(cat);
    free(ids);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static int cmd_edit(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "ref"}, {.name = "start"}, {.name = "end"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "contract edit needs one CONTRACT");
    char start[11] = "", end[11] = "";
    if (r == 0 && opts[1].seen && !cli_date_arg(c, "start", opts[1].value, start))
        r = EXIT_INVALID;
    if (r == 0 && opts[2].seen && !cli_date_arg(c, "end", opts[2].value, end))
        r = EXIT_INVALID;
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[0], &id);
    if (r == 0) {
        status_detail err = {0};
        if (contract_update(c->st, id, opts[0].seen ? opts[0].value : NULL, opts[1].seen ? start : NULL,
                            opts[2].seen ? end : NULL, c->who, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, c->g->english ? "saved contract #%lld\n" : "契約 #%lld を保存しました\n", (long long)id);
    }
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static char *systems_text(const contract *k)
{
    strbuf sb = {0};
    for (size_t i = 0; i < k->nsystems; i++)
        sb_addf(&sb, "%s%s", i ? ", " : "", k->system_names[i]);
    return sb_take(&sb);
}

static cJSON *contract_json(const contract *k)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)k->id);
    cli_json_str(j, "ref", k->ref);
    cli_json_str(j, "vendor", k->vendor_name);
    cJSON *sys = cJSON_AddArrayToObject(j, "systems");
    for (size_t i = 0; i < k->nsystems; i++)
        cJSON_AddItemToArray(sys, cJSON_CreateString(k->system_names[i]));
    cli_json_str(j, "term_start", k->term_start);
    cli_json_str(j, "term_end", k->term_end);
    cli_json_str(j, "clause_catalog", k->clause_catalog);
    cli_json_str(j, "clause_version", k->clause_version);
    cli_json_str(j, "created_at", k->created_at);
    cli_json_str(j, "created_by", k->created_by);
    return j;
}

static int cmd_list(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "system"}, {.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "contract list takes no arguments");
    sl_free(&pos);
    if (r == 0)
        r = cli_open(c);
    int64_t sys = 0;
    if (r == 0 && opts[0].seen)
        r = system_arg(c, opts[0].value, &sys);
    if (r != 0) {
        cli_options_free(opts, 2);
        return r;
    }
    bool en = c->g->english;
    contract *list;
    size_t n = 0;
    status_detail err = {0};
    if (contract_list(c->st, sys, &list, &n, &err) != STATUS_OK) {
        cli_options_free(opts, 2);
        return cli_fail_status(c, &err);
    }
    if (opts[1].seen) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, contract_json(&list[i]));
        cli_json_print(c, arr);
    } else if (n == 0) {
        fprintf(c->out, en ? "(no contracts)\n" : "（契約が登録されていません）\n");
    } else {
        cli_cell(c->out, "#", 4);
        cli_cell(c->out, en ? "REFERENCE" : "契約番号", 20);
        cli_cell(c->out, en ? "VENDOR" : "事業者", 16);
        cli_cell(c->out, en ? "TERM" : "契約期間", 23);
        fprintf(c->out, "%s\n", en ? "SYSTEMS" : "対象システム");
        for (size_t i = 0; i < n; i++) {
            const contract *k = &list[i];
            char num[24], *term = xasprintf("%s〜%s", k->term_start ? k->term_start : "", k->term_end ? k->term_end : "");
            snprintf(num, sizeof num, "%lld", (long long)k->id);
            char *sy = systems_text(k);
            cli_cell(c->out, num, 4);
            cli_cell(c->out, k->ref ? k->ref : "-", 20);
            cli_cell(c->out, k->vendor_name, 16);
            cli_cell(c->out, k->term_start || k->term_end ? term : "-", 23);
            fprintf(c->out, "%s\n", sy);
            free(sy);
            free(term);
        }
    }
    contract_list_free(list, n);
    cli_options_free(opts, 2);
    return EXIT_OK;
}

/* Everything `show` prints, loaded once. */
typedef struct {
    contract k;
    contract_clause_list clauses;
    contract_param_list params;
    contract_links links;
    contract_matrix matrix;
    contract_open_item *open;
    size_t nopen;
} contract_view;

static void view_free(contract_view *v)
{
    free(v->open);
    contract_matrix_free(&v->matrix);
    contract_links_free(&v->links);
    contract_param_list_free(&v->params);
    contract_clause_list_free(&v->clauses);
    contract_free(&v->k);
}

static status_code view_load(store *s, int64_t id, contract_view *v, status_detail *err)
{
    *v = (contract_view){0};
    status_code r = contract_get(s, id, &v->k, err);
    if (r == STATUS_OK)
        r = contract_clauses(s, &v->k, &v->clauses, err);
    if (r == STATUS_OK)
        r = contract_params(s, id, &v->clauses, &v->params, err);
    if (r == STATUS_OK)
        r = contract_links_load(s, &v->k, &v->links, err);
    if (r == STATUS_OK)
        r = contract_matrix_get(s, &v->k, &v->clauses, &v->links, &v->matrix, err);
    if (r == STATUS_OK)
        v->nopen = contract_open_items(&v->links, &v->open);
    return r;
}

static const char *clause_state(const contract_clause *cl, bool en)
{
    if (cl->decision == CLAUSE_INCLUDE)
        return en ? "included" : "採用";
    if (cl->decision == CLAUSE_EXCLUDE)
        return en ? "excluded" : "除外";
    return cl->proposed ? (en ? "proposed" : "提案") : (en ? "-" : "対象外");
}

static const char *cat_name(const catalog *cat)
{
    return cat->short_title.ja ? cat->short_title.ja : cat->title.ja;
}

static char *open_answer_text(const contract_open_item *o, bool en)
{
    return xstrdup(o->def ? i18n_get(&o->def->label, en) : en ? "not answered" : "未回答");
}

static cJSON *view_json(const contract_view *v, bool en)
{
    cJSON *j = contract_json(&v->k);
    cJSON *facts = cJSON_AddObjectToObject(j, "facts");
    for (int i = 1; i < FACT__COUNT; i++)
        cJSON_AddStringToObject(facts, contract_fact_defs[i].code,
                                v->clauses.facts.f[i].value == TRI_UNKNOWN ? "unknown" : ws_tri_name(v->clauses.facts.f[i].value));
    cJSON *cls = cJSON_AddArrayToObject(j, "clauses");
    for (size_t i = 0; i < v->clauses.len; i++) {
        const contract_clause *cl = &v->clauses.items[i];
        cJSON *o = cJSON_CreateObject();
        cli_json_str(o, "id", cl->node->id);
        cli_json_str(o, "ref", cl->node->ref);
        cli_json_str(o, "title", i18n_get(&cl->node->title, en));
        cJSON_AddBoolToObject(o, "proposed", cl->proposed);
        char *why = contract_clause_why(&v->clauses, cl, en);
        cJSON_AddStringToObject(o, "why", why);
        free(why);
        cli_json_str(o, "decision", cl->decision ? contract_decision_name(cl->decision) : NULL);
        cli_json_str(o, "reason", cl->reason);
        cJSON_AddBoolToObject(o, "included", cl->included);
        if (cl->article)
            cJSON_AddNumberToObject(o, "article", cl->article);
        else
            cJSON_AddNullToObject(o, "article");
        cJSON *ps = cJSON_AddArrayToObject(o, "params");
        for (size_t k = 0; k < v->params.len; k++) {
            const contract_param_value *p = &v->params.items[k];
            if (p->clause != cl)
                continue;
            cJSON *po = cJSON_CreateObject();
            cJSON_AddStringToObject(po, "name", p->def->name);
            cJSON_AddStringToObject(po, "type", param_type_name(p->def->type));
            cJSON_AddStringToObject(po, "value", p->value);
            cJSON_AddBoolToObject(po, "default", p->is_default);
            cJSON_AddItemToArray(ps, po);
        }
        cJSON_AddItemToArray(cls, o);
    }
    cJSON *mx = cJSON_AddArrayToObject(j, "matrix");
    for (int comp = 0; comp < COMP__COUNT; comp++)
        for (int ph = 0; ph < PHASE__COUNT; ph++) {
            const contract_cell *cell = &v->matrix.cells[comp][ph];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "component", contract_components[comp].code);
            cJSON_AddStringToObject(o, "phase", contract_phases[ph].code);
            cJSON_AddStringToObject(o, "party", responsibility_name(cell->party));
            cli_json_str(o, "vendor", cell->vendor_name);
            cli_json_str(o, "note", cell->note);
            cJSON_AddStringToObject(o, "origin", cell->origin == CELL_SET ? "set" : cell->origin == CELL_ANSWER ? "answer" : "rule");
            cli_json_str(o, "basis", cell->basis);
            cJSON_AddItemToArray(mx, o);
        }
    cJSON *op = cJSON_AddArrayToObject(j, "open_items");
    for (size_t i = 0; i < v->nopen; i++) {
        const contract_open_item *o = &v->open[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddNumberToObject(x, "assessment", (double)o->link->as.id);
        cli_json_str(x, "system", o->link->as.system_name);
        cli_json_str(x, "catalog", o->link->as.catalog_id);
        cli_json_str(x, "item", o->node->id);
        cli_json_str(x, "ref", o->node->ref);
        cli_json_str(x, "value", o->ans ? o->ans->value : NULL);
        cli_json_str(x, "due", o->ans ? o->ans->due : NULL);
        cJSON_AddItemToArray(op, x);
    }
    return j;
}

static void print_view(cli_ctx *c, const contract_view *v)
{
    bool en = c->g->english;
    FILE *o = c->out;
    const contract *k = &v->k;
    char *label = contract_label(k), *sy = systems_text(k);
    fprintf(o, "#%lld %s\n", (long long)k->id, label);
    fprintf(o, "%s: %s\n", en ? "Vendor" : "事業者", k->vendor_name);
    fprintf(o, "%s: %s\n", en ? "Systems" : "対象システム", sy);
    char *ts = cli_date_text(k->term_start), *te = cli_date_text(k->term_end);
    fprintf(o, "%s: %s 〜 %s\n", en ? "Term" : "契約期間", ts, te);
    fprintf(o, "%s: %s@%s\n", en ? "Clause library" : "条項ライブラリ", k->clause_catalog, k->clause_version);
    free(ts);
    free(te);
    free(label);
    free(sy);
    fprintf(o, "\n%s\n", en ? "Facts of the systems:" : "システムの事実:");
    for (int i = 1; i < FACT__COUNT; i++) {
        char *t = contract_fact_text((contract_fact_id)i, &v->clauses.facts.f[i], en);
        fprintf(o, "  %s\n", t);
        free(t);
    }
    fprintf(o, "\n%s\n", en ? "Clauses:" : "条項:");
    for (size_t i = 0; i < v->clauses.len; i++) {
        const contract_clause *cl = &v->clauses.items[i];
        char art[32] = "";
        if (cl->article)
            snprintf(art, sizeof art, en ? "Art. %d" : "第%d条", cl->article);
        fprintf(o, "  ");
        cli_cell(o, cl->node->ref ? cl->node->ref : cl->node->id, 4);
        cli_cell(o, art, 7);
        cli_cell(o, clause_state(cl, en), 8);
        fprintf(o, "%s\n", i18n_get(&cl->node->title, en));
        char *why = contract_clause_why(&v->clauses, cl, en);
        fprintf(o, "        %s: %s\n", en ? "why" : "理由", why);
        free(why);
        if (cl->decision)
            fprintf(o, "        %s: %s (%s, %s)\n", en ? "decision" : "判断", cl->reason ? cl->reason : "",
                    cl->decided_by ? cl->decided_by : "", cl->decided_at ? cl->decided_at : "");
    }
    fprintf(o, "\n%s\n", en ? "Parameters of the included clauses:" : "採用条項のパラメータ:");
    for (size_t i = 0; i < v->params.len; i++) {
        const contract_param_value *p = &v->params.items[i];
        if (!p->clause->included)
            continue;
        const char *unit = i18n_get(&p->def->unit, en);
        fprintf(o, "  %s %s = %s%s%s  (%s%s)\n", p->clause->node->ref ? p->clause->node->ref : p->clause->node->id,
                p->def->name, p->value, *unit ? " " : "", unit, i18n_get(&p->def->label, en),
                p->is_default ? (en ? ", default" : "、既定値") : "");
    }
    fprintf(o, "\n%s\n", en ? "Responsibility matrix:" : "責任分界表:");
    fprintf(o, "  ");
    cli_cell(o, "", 26);
    for (int ph = 0; ph < PHASE__COUNT; ph++)
        cli_cell(o, en ? contract_phases[ph].en : contract_phases[ph].ja, 20);
    fputc('\n', o);
    for (int comp = 0; comp < COMP__COUNT; comp++) {
        fprintf(o, "  ");
        cli_cell(o, en ? contract_components[comp].en : contract_components[comp].ja, 26);
        for (int ph = 0; ph < PHASE__COUNT; ph++) {
            const contract_cell *cell = &v->matrix.cells[comp][ph];
            char *t = contract_cell_text(cell, en);
            char *mark = xasprintf("%s%s", t, cell->origin == CELL_SET ? " *" : cell->note ? " +" : "");
            cli_cell(o, mark, 20);
            free(mark);
            free(t);
        }
        fputc('\n', o);
    }
    fprintf(o, en ? "  (* set by hand; the others are pre-filled)\n" : "  （* は手で設定、その他は自動の初期値）\n");
    fprintf(o, "\n%s (%zu)\n", en ? "Open items" : "未決事項", v->nopen);
    for (size_t i = 0; i < v->nopen; i++) {
        const contract_open_item *x = &v->open[i];
        char *ans = open_answer_text(x, en);
        fprintf(o, "  %s #%lld %s %s %s: %s\n", x->link->as.system_name ? x->link->as.system_name : "",
                (long long)x->link->as.id, cat_name(x->link->cat), x->node->ref ? x->node->ref : x->node->id,
                i18n_get(x->node->title.ja ? &x->node->title : &x->node->text, en), ans);
        free(ans);
    }
}

static int cmd_show(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "contract show needs one CONTRACT");
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[0], &id);
    contract_view v;
    status_detail err = {0};
    if (r == 0) {
        if (view_load(c->st, id, &v, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (opts[0].seen)
            cli_json_print(c, view_json(&v, c->g->english));
        else
            print_view(c, &v);
        view_free(&v);
    }
    sl_free(&pos);
    cli_options_free(opts, 1);
    return r;
}

static int cmd_clause(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "reason"}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    const char *verb = pos.len ? pos.items[0] : "";
    contract_decision d = str_eq(verb, "include") ? CLAUSE_INCLUDE : str_eq(verb, "exclude") ? CLAUSE_EXCLUDE : CLAUSE_UNDECIDED;
    if (r == 0 && (pos.len != 3 || (d == CLAUSE_UNDECIDED && !str_eq(verb, "reset"))))
        r = cli_fail(c, EXIT_USAGE, "usage: contract clause include|exclude C CLAUSE --reason TEXT, or contract clause reset C CLAUSE");
    if (r == 0 && d != CLAUSE_UNDECIDED && str_empty(opts[0].value))
        r = cli_fail_option(c, "reason", &(status_info){STATUS_CLAUSE_REASON_REQUIRED, .field = verb});
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[1], &id);
    if (r == 0) {
        status_detail err = {0};
        if (contract_clause_decide(c->st, id, pos.items[2], d, opts[0].value, c->who, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (c->g->english)
            fprintf(c->out, "clause %s: %s\n", pos.items[2], d ? contract_decision_name(d) : "back to its proposal");
        else
            fprintf(c->out, "条項 %s: %s\n", pos.items[2], d == CLAUSE_INCLUDE ? "採用" : d == CLAUSE_EXCLUDE ? "除外" : "提案に戻しました");
    }
    sl_free(&pos);
    cli_options_free(opts, 1);
    return r;
}

static int cmd_param(cli_ctx *c, int argc, char **argv)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    if (r == 0 && (pos.len != 5 || !str_eq(pos.items[0], "set")))
        r = cli_fail(c, EXIT_USAGE, "usage: contract param set C CLAUSE NAME VALUE");
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[1], &id);
    if (r == 0) {
        status_detail err = {0};
        if (contract_param_set(c->st, id, pos.items[2], pos.items[3], pos.items[4], c->who, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, c->g->english ? "saved %s %s\n" : "%s %s を保存しました\n", pos.items[2], pos.items[3]);
    }
    sl_free(&pos);
    return r;
}

static int cmd_matrix(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "vendor"}, {.name = "note"}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    bool set = pos.len && str_eq(pos.items[0], "set"), reset = pos.len && str_eq(pos.items[0], "reset");
    if (r == 0 && !((set && pos.len == 5) || (reset && pos.len == 4)))
        r = cli_fail(c, EXIT_USAGE, "usage: contract matrix set C COMPONENT PHASE PARTY [--vendor V] [--note T], or matrix reset C COMPONENT PHASE");
    contract_component comp = 0;
    contract_phase ph = 0;
    responsibility party = RESP_NONE;
    status_detail err = {0};
    if (r == 0 && !contract_component_parse(pos.items[2], &comp))
        r = (status_fail(&err, &(status_info){STATUS_COMPONENT_UNKNOWN, .value = pos.items[2]}), cli_fail_status(c, &err));
    if (r == 0 && !contract_phase_parse(pos.items[3], &ph))
        r = (status_fail(&err, &(status_info){STATUS_PHASE_UNKNOWN, .value = pos.items[3]}), cli_fail_status(c, &err));
    if (r == 0 && set && !contract_party_parse(pos.items[4], &party))
        r = (status_fail(&err, &(status_info){STATUS_PARTY_UNKNOWN, .value = pos.items[4]}), cli_fail_status(c, &err));
    int64_t id = 0, vendor = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[1], &id);
    if (r == 0 && opts[0].seen)
        r = cli_vendor_arg(c, opts[0].value, &vendor);
    if (r == 0) {
        status_code st = set ? contract_matrix_set(c->st, id, comp, ph, party, vendor, opts[1].seen ? opts[1].value : NULL,
                                                   c->who, &err)
                             : contract_matrix_reset(c->st, id, comp, ph, c->who, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, c->g->english ? "saved %s / %s\n" : "%s / %s を保存しました\n",
                    c->g->english ? contract_components[comp].en : contract_components[comp].ja,
                    c->g->english ? contract_phases[ph].en : contract_phases[ph].ja);
    }
    sl_free(&pos);
    cli_options_free(opts, 2);
    return r;
}

static int cmd_history(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "contract history needs one CONTRACT");
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[0], &id);
    if (r == 0) {
        history_filter f = {.entity = "contract", .entity_id = id};
        history_row *rows;
        size_t n = 0;
        status_detail err = {0};
        if (history_list(c->st, &f, &rows, &n, &err) != STATUS_OK) {
            sl_free(&pos);
            cli_options_free(opts, 1);
            return cli_fail_status(c, &err);
        }
        cJSON *arr = opts[0].seen ? cJSON_CreateArray() : NULL;
        for (size_t i = 0; i < n; i++) {
            const history_row *h = &rows[i];
            if (arr) {
                cJSON *j = cJSON_CreateObject();
                cJSON_AddStringToObject(j, "at", h->at);
                cJSON_AddStringToObject(j, "who", h->who);
                cJSON_AddStringToObject(j, "kind", h->kind);
                cli_json_str(j, "item", h->item_id);
                cJSON_AddStringToObject(j, "field", h->field);
                cli_json_str(j, "old", h->old_value);
                cli_json_str(j, "new", h->new_value);
                cJSON_AddItemToArray(arr, j);
                continue;
            }
            char when[CLOCK_LOCAL_SIZE]; /* stored UTC, shown in local time */
            clock_local_text(h->at, true, when);
            fprintf(c->out, "%s  ", when);
            cli_cell(c->out, h->who, 10);
            cli_cell(c->out, h->kind, 7);
            fprintf(c->out, " %s%s%s: %s → %s\n", h->item_id ? h->item_id : "", h->item_id ? " " : "", h->field,
                    h->old_value ? h->old_value : "∅", h->new_value ? h->new_value : "∅");
        }
        if (arr)
            cli_json_print(c, arr);
        history_list_free(rows, n);
    }
    sl_free(&pos);
    cli_options_free(opts, 1);
    return r;
}

static int contract_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB("new", cmd_new),
        CLI_SUB("edit", cmd_edit),
        CLI_SUB("list", cmd_list),
        CLI_SUB("show", cmd_show),
        CLI_SUB("clause", cmd_clause),
        CLI_SUB("param", cmd_param),
        CLI_SUB("matrix", cmd_matrix),
        CLI_SUB("history", cmd_history),
    };
    return cli_subcommand_run(c, argc, argv, "contract", subs, AZ_ARRAY_LEN(subs), contract_usage);
}

const cli_group cli_group_contract = {
    .name = "contract", .summary = "maintenance contracts (保守契約) and their annex", .run = contract_run,
    .usage = contract_usage};
