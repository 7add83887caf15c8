/* anzen bundle export|import|diff|offers|accept|reject and anzen key new|show|trust|list:
 * answer bundles between the hospital and a vendor (core/exchange). */
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "exchange/lib.h"

#ifndef ANZEN_VERSION
#define ANZEN_VERSION "0"
#endif

#define EN (c->g->english)

static void bundle_usage(FILE *out)
{
    fprintf(out,
            "  bundle export A... -o FILE [--as vendor|hospital] [--name NAME] [--sign] [--key FILE] [--force]\n"
            "                                 the answers of one party (JSON, SHA-256 digest, Ed25519\n"
            "                                 signature with --sign), with header fields and the systems\n"
            "  bundle import FILE [--into A]... [--partial] [--create] [--vendor V]\n"
            "                                 as the other party's answers, in one transaction\n"
            "  bundle diff FILE [--into A]... [--vendor V] [--json]   per item, before importing\n"
            "  bundle offers [--all] [--json] | bundle accept N...|--all | bundle reject N...\n"
            "                                 inventory facts a bundle offered, to review\n");
}

static void key_usage(FILE *out)
{
    fprintf(out, "  key new [--name NAME] [--role vendor|hospital] [--force] | key show\n"
                 "  key trust FILE | key list [--json]\n"
                 "                                 Ed25519 signing keys (yours in the data directory, 0600);\n"
                 "                                 the public keys whose bundles this database accepts\n");
}

/* --into A (repeatable) as ids; 0 or the exit code. */
static int into_ids(cli_ctx *c, const cli_option *o, int64_t **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    if (!o->seen)
        return 0;
    *ids = xcalloc(o->values.len, sizeof **ids);
    for (size_t i = 0; i < o->values.len; i++) {
        int r = cli_assessment_arg(c, o->values.items[i], &(*ids)[i]);
        if (r)
            return r;
    }
    *n = o->values.len;
    return 0;
}

/* A path under HOME as ~/…, so what is printed does not depend on the account. Caller frees. */
static char *home_path(const char *p)
{
    const char *home = getenv("HOME");
    size_t n = home ? strlen(home) : 0;
    if (p && n && strncmp(p, home, n) == 0 && p[n] == '/')
        return xasprintf("~%s", p + n);
    return xstrdup(p ? p : "");
}

static void print_signer(cli_ctx *c, const bundle *b, const bundle_plan *p)
{
    if (!b->is_signed) {
        fprintf(c->out, EN ? "unsigned bundle, SHA-256 %s\n" : "署名なしのバンドル、SHA-256 %s\n", b->digest);
        return;
    }
    const char *name = p->signer_name ? p->signer_name : b->signer.name ? b->signer.name : "";
    fprintf(c->out, EN ? "signed by key %s (%s): %s\n" : "署名: 鍵 %s（%s）: %s\n", b->signer.fingerprint, name,
            p->signer_known ? (EN ? "trusted here" : "登録済み") : (EN ? "UNKNOWN key" : "未登録の鍵"));
}

static void print_targets(cli_ctx *c, const bundle_plan *p)
{
    for (size_t i = 0; i < p->ntargets; i++) {
        const bundle_target *t = &p->targets[i];
        if (t->assessment_id)
            fprintf(c->out, "%s → #%lld%s\n", t->label, (long long)t->assessment_id,
                    t->version_differs ? (EN ? " (another catalog version)" : "（カタログの版が異なります）") : "");
        else
            fprintf(c->out, EN ? "%s → a new assessment\n" : "%s → 新しい評価\n", t->label);
        if (t->hash_differs)
            fprintf(c->out, EN ? "  note: the catalog's content differs from the bundle's (same version)\n"
                               : "  注意: 同じ版ですがカタログの内容がバンドルと異なります\n");
        for (size_t k = 0; k < t->unmapped.len; k++)
            fprintf(c->out, EN ? "  does not map: %s\n" : "  対応しない項目: %s\n", t->unmapped.items[k]);
    }
}

/* Reads FILE and plans it with the options; 0 or the exit code (message printed). */
static int read_and_plan(cli_ctx *c, const char *path, const cli_option *into, const cli_option *vendor,
                         bundle_import_opts *io, bundle *b, bundle_plan *p, int64_t **ids)
{
    status_detail err = {0};
    if (bundle_read_file(path, b, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    size_t n = 0;
    int r = into_ids(c, into, ids, &n);
    io->into = *ids;
    io->ninto = n;
    if (r == 0 && vendor && vendor->seen)
        r = cli_vendor_arg(c, vendor->value, &io->vendor_id);
    if (r == 0 && bundle_plan_make(c->st, b, io, p, &err) != STATUS_OK)
        r = err.code == STATUS_BUNDLE_NO_TARGET    ? cli_fail_status_see(c, &err, "anzen assess list")
            : err.code == STATUS_VENDOR_NOT_FOUND ? cli_fail_status_see(c, &err, "--create, anzen vendor add")
                                                  : cli_fail_status(c, &err);
    return r;
}

static int cmd_export(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "output"}, {.name = "as"},  {.name = "name"},
                         {.name = "sign", .flag = true}, {.name = "key"}, {.name = "force", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    char **args = cli_short_output(argc, argv);
    int r = cli_parse_options(c, argc, args, opts, n, &pos);
    free(args);
    if (r == 0 && pos.len == 0)
        r = cli_fail(c, EXIT_USAGE, "bundle export needs assessment numbers (see anzen assess list)");
    if (r == 0 && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "bundle export needs -o FILE");
    bundle_options bo = {.anzen_version = ANZEN_VERSION};
    if (r == 0 && opts[1].seen && !bundle_role_parse(opts[1].value, &bo.role))
        r = cli_fail(c, EXIT_USAGE, "--as: \"%s\" is not vendor or hospital", opts[1].value);
    bo.name = opts[2].seen ? opts[2].value : NULL;
    unsigned char sk[SIGN_SECRET_BYTES];
    key_public signer = {0};
    bool sign = opts[3].seen || opts[4].seen;
    status_detail err = {0};
    if (r == 0 && sign && key_load_secret(opts[4].seen ? opts[4].value : NULL, sk, &signer, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0)
        r = cli_open(c);
    int64_t *ids = xcalloc(pos.len ? pos.len : 1, sizeof *ids);
    for (size_t i = 0; r == 0 && i < pos.len; i++)
        r = cli_assessment_arg(c, pos.items[i], &ids[i]);
    char digest[DIGEST_HEX];
    size_t answers = 0;
    if (r == 0 && bundle_write(c->st, ids, pos.len, &bo, sign ? sk : NULL, sign ? &signer : NULL, opts[0].value,
                               opts[5].seen, digest, &answers, &err) != STATUS_OK) {
        if (err.code == STATUS_FILE_EXISTS)
            err.extra = xstrdup(EN ? "use --force to replace it" : "置き換えるには --force を指定してください");
        r = cli_fail_status(c, &err);
    }
    if (r == 0) {
        fprintf(c->out, EN ? "wrote %s: %zu assessment(s), %zu answer(s)\nSHA-256 %s\n"
                           : "%s を書き出しました: 評価 %zu 件、回答 %zu 件\nSHA-256 %s\n",
                opts[0].value, pos.len, answers, digest);
        if (sign)
            fprintf(c->out, EN ? "signed with key %s\n" : "鍵 %s で署名しました\n", signer.fingerprint);
    }
    sign_wipe(sk, sizeof sk);
    key_public_free(&signer);
    free(ids);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static int cmd_import(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "into", .repeat = true}, {.name = "partial", .flag = true},
                         {.name = "create", .flag = true}, {.name = "vendor"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "bundle import needs one FILE");
    if (r == 0)
        r = cli_open(c);
    bundle b = {0};
    bundle_plan p = {0};
    int64_t *ids = NULL;
    bundle_import_opts io = {.partial = opts[1].seen, .create = opts[2].seen};
    if (r == 0)
        r = read_and_plan(c, pos.items[0], &opts[0], &opts[3], &io, &b, &p, &ids);
    if (r == 0) {
        print_signer(c, &b, &p);
        print_targets(c, &p);
        bundle_import_result res;
        status_detail err = {0};
        if (bundle_import(c->st, &b, &p, &io, c->who, &res, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (res.already)
            fprintf(c->out, EN ? "already imported on %s by %s: nothing changed\n"
                               : "%s に %s が取り込み済みです。何も変更していません\n",
                    p.imported_at ? p.imported_at : "", p.imported_by ? p.imported_by : "");
        else {
            fprintf(c->out, EN ? "imported as %s answers: %zu changed, %zu header field(s) set, %zu kept\n"
                               : "%sの回答として取り込みました: 変更 %zu 件、ヘッダ項目 設定 %zu 件・既存のまま %zu 件\n",
                    b.role == BUNDLE_ROLE_VENDOR ? (EN ? "vendor" : "事業者") : (EN ? "hospital" : "医療機関"),
                    res.answers_changed, res.fields_set, res.fields_kept);
            if (res.created)
                fprintf(c->out, EN ? "created %zu record(s) (vendor, systems, assessments)\n"
                                   : "%zu 件を新規作成しました（事業者・システム・評価）\n", res.created);
            if (res.skipped)
                fprintf(c->out, EN ? "%zu answer(s) did not map and were left out\n"
                                   : "対応しない回答 %zu 件は取り込んでいません\n", res.skipped);
            if (res.offers)
                fprintf(c->out, EN ? "%zu inventory fact(s) offered for review (anzen bundle offers)\n"
                                   : "システム台帳の変更案 %zu 件（anzen bundle offers で確認）\n", res.offers);
        }
    }
    free(ids);
    bundle_plan_free(&p);
    bundle_free(&b);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static const char *state_mark(bundle_item_state s, bool en)
{
    switch (s) {
    case BUNDLE_ITEM_EQUAL: return en ? "equal" : "一致";
    case BUNDLE_ITEM_DIFFERENT: return en ? "different" : "相違";
    case BUNDLE_ITEM_ONLY_BUNDLE: return en ? "only bundle" : "バンドルのみ";
    case BUNDLE_ITEM_ONLY_HERE: return en ? "only here" : "こちらのみ";
    case BUNDLE_ITEM_UNMAPPED: return en ? "unmapped" : "対応なし";
    }
    return "?";
}

/* The header fields per field: "product  相違  画像サーバ / 院内の呼称". */
static void print_field_diff(cli_ctx *c, const bundle_field_row *f, size_t n)
{
    if (!n)
        return;
    fprintf(c->out, EN ? "header field  state  bundle / here\n" : "ヘッダ項目  状態  バンドル / こちら\n");
    for (size_t i = 0; i < n; i++)
        fprintf(c->out, "%s  %s  %s / %s%s\n", f[i].key,
                f[i].state == BUNDLE_ITEM_UNMAPPED ? (EN ? "not in this catalog" : "このカタログにない項目")
                                                   : state_mark(f[i].state, EN),
                f[i].bundle_value ? f[i].bundle_value : "-", f[i].here_value ? f[i].here_value : "-",
                f[i].would_set ? (EN ? "  (import sets it)" : "  （取り込みで設定されます）") : "");
}

static int cmd_diff(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "into", .repeat = true}, {.name = "vendor"}, {.name = "json", .flag = true},
                         {.name = "create", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "bundle diff needs one FILE");
    if (r == 0)
        r = cli_open(c);
    bundle b = {0};
    bundle_plan p = {0};
    int64_t *ids = NULL;
    bundle_import_opts io = {.create = opts[3].seen};
    if (r == 0)
        r = read_and_plan(c, pos.items[0], &opts[0], &opts[1], &io, &b, &p, &ids);
    bundle_diff_row *rows = NULL;
    size_t nrows = 0;
    status_detail err = {0};
    if (r == 0 && bundle_diff(c->st, &b, &p, &rows, &nrows, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    bundle_field_row *fields = NULL;
    size_t nfields = 0;
    if (r == 0 && bundle_diff_fields(c->st, &b, &p, &fields, &nfields, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0 && opts[2].seen) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "digest", b.digest);
        cJSON_AddStringToObject(o, "party", bundle_role_name(b.role));
        cli_json_str(o, "party_name", b.party_name);
        cli_json_str(o, "signer", b.is_signed ? b.signer.fingerprint : NULL);
        cJSON_AddBoolToObject(o, "signer_known", p.signer_known);
        cJSON_AddBoolToObject(o, "imported_before", p.imported_before != 0);
        cJSON *targets = cJSON_AddArrayToObject(o, "assessments");
        for (size_t t = 0; t < p.ntargets; t++) {
            cJSON *tj = cJSON_CreateObject();
            cJSON_AddStringToObject(tj, "bundle", p.targets[t].label);
            if (p.targets[t].assessment_id)
                cJSON_AddNumberToObject(tj, "assessment", (double)p.targets[t].assessment_id);
            else
                cJSON_AddNullToObject(tj, "assessment");
            cJSON_AddBoolToObject(tj, "version_differs", p.targets[t].version_differs);
            cJSON *items = cJSON_AddArrayToObject(tj, "items");
            for (size_t i = 0; i < nrows; i++) {
                if (rows[i].target != t)
                    continue;
                cJSON *ij = cJSON_CreateObject();
                cJSON_AddStringToObject(ij, "item", rows[i].item);
                cli_json_str(ij, "ref", rows[i].ref);
                cJSON_AddStringToObject(ij, "state", bundle_item_state_name(rows[i].state));
                cli_json_str(ij, "bundle", rows[i].bundle_value);
                cli_json_str(ij, "here", rows[i].here_value);
                cli_json_str(ij, "stored", rows[i].stored_value);
                cJSON_AddBoolToObject(ij, "import_changes", rows[i].would_change);
                cJSON_AddItemToArray(items, ij);
            }
            cJSON *fj = cJSON_AddArrayToObject(tj, "fields");
            for (size_t i = 0; i < nfields; i++) {
                if (fields[i].target != t)
                    continue;
                cJSON *x = cJSON_CreateObject();
                cJSON_AddStringToObject(x, "key", fields[i].key);
                cJSON_AddStringToObject(x, "state", bundle_item_state_name(fields[i].state));
                cli_json_str(x, "bundle", fields[i].bundle_value);
                cli_json_str(x, "here", fields[i].here_value);
                cJSON_AddBoolToObject(x, "import_sets", fields[i].would_set);
                cJSON_AddItemToArray(fj, x);
            }
            cJSON_AddItemToArray(targets, tj);
        }
        cli_json_print(c, o);
    } else if (r == 0) {
        print_signer(c, &b, &p);
        print_targets(c, &p);
        if (p.imported_before)
            fprintf(c->out, EN ? "(imported already on %s by %s)\n" : "（%s に %s が取り込み済み）\n",
                    p.imported_at ? p.imported_at : "", p.imported_by ? p.imported_by : "");
        const char *here = b.role == BUNDLE_ROLE_VENDOR ? (EN ? "hospital" : "医療機関") : (EN ? "vendor" : "事業者");
        fprintf(c->out, EN ? "item  state  bundle / %s\n" : "項目  状態  バンドル / %s\n", here);
        int counts[5] = {0};
        for (size_t i = 0; i < nrows; i++) {
            counts[rows[i].state]++;
            fprintf(c->out, "%s%s%s%s  %s  %s / %s%s\n", rows[i].item, rows[i].ref ? " (" : "",
                    rows[i].ref ? rows[i].ref : "", rows[i].ref ? ")" : "", state_mark(rows[i].state, EN),
                    rows[i].bundle_value ? rows[i].bundle_value : "-", rows[i].here_value ? rows[i].here_value : "-",
                    rows[i].would_change ? (EN ? "  (import changes it)" : "  （取り込みで変わります）") : "");
        }
        fprintf(c->out, EN ? "%d equal, %d different, %d only in the bundle, %d only here, %d unmapped\n"
                           : "一致 %d、相違 %d、バンドルのみ %d、こちらのみ %d、対応なし %d\n",
                counts[0], counts[1], counts[2], counts[3], counts[4]);
        print_field_diff(c, fields, nfields);
    }
    bundle_field_rows_free(fields, nfields);
    bundle_diff_free(rows, nrows);
    free(ids);
    bundle_plan_free(&p);
    bundle_free(&b);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static int cmd_offers(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "all", .flag = true}, {.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "bundle offers takes no arguments");
    if (r == 0)
        r = cli_open(c);
    offer *list = NULL;
    size_t n = 0;
    status_detail err = {0};
    if (r == 0 && offer_list(c->st, opts[0].seen, &list, &n, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0 && opts[1].seen) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "id", (double)list[i].id);
            cJSON_AddStringToObject(o, "system", list[i].system_name);
            cJSON_AddStringToObject(o, "field", list[i].field);
            cli_json_str(o, "offered", list[i].value);
            cli_json_str(o, "current", list[i].current);
            cJSON_AddStringToObject(o, "status", list[i].status);
            cJSON_AddItemToArray(arr, o);
        }
        cli_json_print(c, arr);
    } else if (r == 0) {
        for (size_t i = 0; i < n; i++) {
            fprintf(c->out, "#%lld %s %s%s%s\n", (long long)list[i].id, list[i].system_name, list[i].field,
                    str_eq(list[i].status, "open") ? "" : "  ", str_eq(list[i].status, "open") ? "" : list[i].status);
            fprintf(c->out, EN ? "  offered: %s\n  current: %s\n" : "  提示: %s\n  現在: %s\n",
                    list[i].value ? list[i].value : "-", list[i].current ? list[i].current : "-");
        }
        if (!n)
            fprintf(c->out, EN ? "(no offered changes)\n" : "（確認待ちの変更はありません）\n");
    }
    offer_list_free(list, n);
    sl_free(&pos);
    cli_options_free(opts, 2);
    return r;
}

static int cmd_decide(cli_ctx *c, int argc, char **argv, bool accept)
{
    cli_option opts[] = {{.name = "all", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, accept ? 1 : 0, &pos);
    if (r == 0 && !pos.len && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "bundle %s needs offer numbers%s", argv[0], accept ? " or --all" : "");
    if (r == 0)
        r = cli_open(c);
    int64_t *ids = NULL;
    size_t n = 0;
    if (r == 0 && opts[0].seen) {
        offer *list = NULL;
        status_detail err = {0};
        if (offer_list(c->st, false, &list, &n, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        ids = xcalloc(n ? n : 1, sizeof *ids);
        for (size_t i = 0; i < n; i++)
            ids[i] = list[i].id;
        offer_list_free(list, n);
    } else if (r == 0) {
        ids = xcalloc(pos.len, sizeof *ids);
        for (size_t i = 0; r == 0 && i < pos.len; i++) {
            const char *p = pos.items[i][0] == '#' ? pos.items[i] + 1 : pos.items[i];
            char *end = NULL;
            long long v = strtoll(p, &end, 10);
            if (!*p || *end || v <= 0)
                r = cli_fail(c, EXIT_USAGE, "\"%s\" is not an offer number", pos.items[i]);
            ids[n++] = v;
        }
    }
    status_detail err = {0};
    if (r == 0 && n && offer_decide(c->st, ids, n, accept, c->who, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0)
        fprintf(c->out, EN ? "%zu offer(s) %s\n" : "%zu 件を%sしました\n", n,
                accept ? (EN ? "accepted" : "反映") : (EN ? "rejected" : "却下"));
    free(ids);
    sl_free(&pos);
    cli_options_free(opts, 1);
    return r;
}

static int bundle_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB("export", cmd_export),
        CLI_SUB("import", cmd_import),
        CLI_SUB("diff", cmd_diff),
        CLI_SUB("offers", cmd_offers),
        CLI_SUB_FLAG("accept", cmd_decide, true),
        CLI_SUB_FLAG("reject", cmd_decide, false),
    };
    return cli_subcommand_run(c, argc, argv, "bundle", subs, AZ_ARRAY_LEN(subs), bundle_usage);
}

const cli_group cli_group_bundle = {
    .name = "bundle", .summary = "answer bundles between hospital and vendor", .run = bundle_run, .usage = bundle_usage};

/* ---- keys ---- */

static int cmd_key_new(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "name"}, {.name = "role"}, {.name = "force", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 3, &pos);
    bundle_role role = BUNDLE_ROLE_AUTO;
    if (r == 0 && opts[1].seen && !bundle_role_parse(opts[1].value, &role))
        r = cli_fail(c, EXIT_USAGE, "--role: \"%s\" is not vendor or hospital", opts[1].value);
    key_public k = {0};
    status_detail err = {0};
    if (r == 0 && key_generate(opts[0].seen ? opts[0].value : NULL, role ? bundle_role_name(role) : NULL, opts[2].seen,
                               &k, &err) != STATUS_OK) {
        if (err.code == STATUS_FILE_EXISTS) {
            char *shown = home_path(err.entity);
            free(err.entity);
            err.entity = shown;
            free(err.extra);
            err.extra = xstrdup(EN ? "--force replaces it; the old key can then sign nothing more"
                                   : "--force で置き換えると、古い鍵ではもう署名できません");
        }
        r = cli_fail_status(c, &err);
    }
    if (r == 0) {
        char *path = key_public_path(), *pub = home_path(path);
        fprintf(c->out, EN ? "new signing key %s\npublic key (hand it to the other party): %s\n"
                           : "署名鍵 %s を作成しました\n公開鍵（相手に渡すファイル）: %s\n",
                k.fingerprint, pub);
        free(path);
        free(pub);
    }
    key_public_free(&k);
    sl_free(&pos);
    cli_options_free(opts, 3);
    return r;
}

static int cmd_key_show(cli_ctx *c, int argc, char **argv)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    unsigned char sk[SIGN_SECRET_BYTES];
    key_public k = {0};
    status_detail err = {0};
    if (r == 0 && key_load_secret(NULL, sk, &k, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0) {
        char *path = key_public_path(), *pub = home_path(path);
        fprintf(c->out, "%s%s%s%s%s\n%s\n", k.fingerprint, k.name ? "  " : "", k.name ? k.name : "", k.role ? " / " : "",
                k.role ? k.role : "", pub);
        free(path);
        free(pub);
    }
    sign_wipe(sk, sizeof sk);
    key_public_free(&k);
    sl_free(&pos);
    return r;
}

static int cmd_key_trust(cli_ctx *c, int argc, char **argv)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "key trust needs the other party's public key FILE (.pub)");
    key_public k = {0};
    status_detail err = {0};
    if (r == 0 && key_read_public(pos.items[0], &k, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0)
        r = cli_open(c);
    bool added = false;
    if (r == 0 && key_trust(c->st, &k, c->who, &added, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0)
        fprintf(c->out, added ? (EN ? "trusted key %s (%s)\n" : "鍵 %s（%s）を登録しました\n")
                              : (EN ? "key %s (%s) is trusted already\n" : "鍵 %s（%s）は登録済みです\n"),
                k.fingerprint, k.name ? k.name : "-");
    key_public_free(&k);
    sl_free(&pos);
    return r;
}

static int cmd_key_list(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    if (r == 0)
        r = cli_open(c);
    key_trusted *list = NULL;
    size_t n = 0;
    status_detail err = {0};
    if (r == 0 && key_trusted_list(c->st, &list, &n, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (r == 0 && opts[0].seen) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "fingerprint", list[i].fingerprint);
            cli_json_str(o, "name", list[i].name);
            cli_json_str(o, "role", list[i].role);
            cli_json_str(o, "trusted_at", list[i].trusted_at);
            cli_json_str(o, "trusted_by", list[i].trusted_by);
            cJSON_AddItemToArray(arr, o);
        }
        cli_json_print(c, arr);
    } else if (r == 0) {
        for (size_t i = 0; i < n; i++)
            fprintf(c->out, "%s  %s  %s  %s %s\n", list[i].fingerprint, list[i].name ? list[i].name : "-",
                    list[i].role ? list[i].role : "-", list[i].trusted_at, list[i].trusted_by);
        if (!n)
            fprintf(c->out, EN ? "(no trusted keys)\n" : "（登録された鍵はありません）\n");
    }
    key_trusted_list_free(list, n);
    sl_free(&pos);
    cli_options_free(opts, 1);
    return r;
}

static int key_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB("new", cmd_key_new),
        CLI_SUB("show", cmd_key_show),
        CLI_SUB("trust", cmd_key_trust),
        CLI_SUB("list", cmd_key_list),
    };
    return cli_subcommand_run(c, argc, argv, "key", subs, AZ_ARRAY_LEN(subs), key_usage);
}

const cli_group cli_group_key = {.name = "key", .summary = "signing keys", .run = key_run, .usage = key_usage};
