/* anzen evidence add | edit | list | show | link | unlink — the evidence register. */
#include <stdlib.h>

#include "assess/lib.h"
#include "cli_common.h"
#include "text/lib.h"

static void evidence_usage(FILE *out)
{
    fprintf(out,
            "  evidence add TITLE [--kind K --ref R --owner O --effective DATE --review DATE --note T]\n"
            "                                 a register entry (K: policy 規程・手順書, record 記録・議事録,\n"
            "                                 contract 契約書・SLA, report 報告書, config 設定・画面, other);\n"
            "                                 --ref is a document number, path or URL (no file is stored)\n"
            "  evidence edit E [--title T, the options of add, --archived yes|no]   ('' clears)\n"
            "  evidence list [--all] [--due] [--json]   entries with review date, state and use count;\n"
            "                                 --all with archived ones, --due only expired or due\n"
            "  evidence show E [--json]       an entry and the items that use it (E = #N, title or ref)\n"
            "  evidence link E A ITEM [--party hospital|vendor|agreed --vendor V]\n"
            "  evidence unlink E A ITEM [--party … --vendor V]\n");
}

#define EVIDENCE_OPTS                                                                                              \
    {.name = "title"}, {.name = "kind"}, {.name = "ref"}, {.name = "owner"}, {.name = "effective"},               \
        {.name = "review"}, {.name = "note"}, {.name = "archived"}

static const char *state_label(evidence_state s, bool en)
{
    switch (s) {
    case EVIDENCE_EXPIRED: return en ? "expired" : "期限切れ";
    case EVIDENCE_DUE: return en ? "due" : "見直し時期";
    case EVIDENCE_CURRENT: return en ? "current" : "有効";
    case EVIDENCE_NO_DATE: break;
    }
    return "-";
}

/* Fills ch from the options; dates as the user writes them, kept in iso[]. 0 or an exit code. */
static int change_from_options(cli_ctx *c, cli_option *opts, size_t n, evidence_change *ch, char iso[2][11])
{
    static const struct {
        const char *name;
        unsigned flag;
    } text[] = {{"title", EF_TITLE}, {"ref", EF_REF}, {"owner", EF_OWNER}, {"note", EF_NOTE}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(text); i++) {
        cli_option *o = cli_option_get(opts, n, text[i].name);
        if (!o->seen)
            continue;
        ch->fields |= text[i].flag;
        const char **dst = text[i].flag == EF_TITLE ? &ch->title
                           : text[i].flag == EF_REF ? &ch->ref
                           : text[i].flag == EF_OWNER ? &ch->owner
                                                      : &ch->note;
        *dst = o->value;
    }
    cli_option *k = cli_option_get(opts, n, "kind");
    if (k->seen) {
        if (!evidence_kind_parse(k->value, &ch->kind))
            return cli_fail_option(c, "--kind", &(status_info){STATUS_EVIDENCE_KIND_UNKNOWN, .value = k->value});
        ch->fields |= EF_KIND;
    }
    const char *dates[2] = {"effective", "review"};
    unsigned bits[2] = {EF_EFFECTIVE, EF_REVIEW};
    for (int i = 0; i < 2; i++) {
        cli_option *o = cli_option_get(opts, n, dates[i]);
        if (!o->seen)
            continue;
        if (!cli_date_arg(c, o->name, o->value, iso[i]))
            return EXIT_INVALID;
        ch->fields |= bits[i];
        *(i ? &ch->review : &ch->effective) = iso[i];
    }
    cli_option *a = cli_option_get(opts, n, "archived");
    if (a->seen) {
        ws_tri t = TRI_UNKNOWN;
        if (!ws_tri_parse(a->value, &t) || t == TRI_UNKNOWN)
            return cli_fail(c, EXIT_INVALID, "--archived: \"%s\" is not yes or no", a->value);
        ch->fields |= EF_ARCHIVED;
        ch->archived = t == TRI_YES;
    }
    return 0;
}

static int entry_arg(cli_ctx *c, const char *key, int64_t *id)
{
    status_detail err = {0};
    if (evidence_find(c->st, key, id, &err) != STATUS_OK)
        return cli_fail_status_see(c, &err, "anzen evidence list");
    return 0;
}

static int cmd_save(cli_ctx *c, int argc, char **argv, bool add)
{
    cli_option opts[] = {EVIDENCE_OPTS};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, add ? "evidence add needs one TITLE" : "evidence edit needs one entry (#N, title or ref)");
    if (r == 0 && add && cli_option_get(opts, n, "title")->seen)
        r = cli_fail(c, EXIT_USAGE, "evidence add takes the title as its argument, not --title");
    evidence_change ch = {0};
    char iso[2][11] = {"", ""};
    if (r == 0)
        r = change_from_options(c, opts, n, &ch, iso);
    if (r == 0)
        r = cli_open(c);
    int64_t id = 0;
    status_detail err = {0};
    if (r == 0 && add) {
        ch.fields |= EF_TITLE;
        ch.title = pos.items[0];
        if (evidence_add(c->st, &ch, c->who, &id, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, c->g->english ? "added evidence #%lld %s\n" : "証跡 #%lld %s を登録しました\n", (long long)id,
                    ch.title);
    } else if (r == 0) {
        r = entry_arg(c, pos.items[0], &id);
        int changed = 0;
        if (r == 0 && evidence_edit(c->st, id, &ch, c->who, &changed, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (r == 0)
            fprintf(c->out, c->g->english ? "evidence #%lld: %d field(s) changed\n" : "証跡 #%lld: %d 件の項目を変更しました\n",
                    (long long)id, changed);
    }
    cli_options_free(opts, n);
    sl_free(&pos);
    return r;
}

static cJSON *entry_json(const evidence_entry *e, jp_date today)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)e->id);
    cli_json_str(j, "title", e->title);
    cJSON_AddStringToObject(j, "kind", evidence_kind_name(e->kind));
    cli_json_str(j, "ref", e->ref);
    cli_json_str(j, "owner", e->owner);
    cli_json_str(j, "effective", e->effective);
    cli_json_str(j, "review", e->review);
    cJSON_AddStringToObject(j, "state", evidence_state_name(evidence_state_on(e->review, today)));
    cli_json_str(j, "note", e->note);
    cJSON_AddBoolToObject(j, "archived", e->archived);
    cJSON_AddNumberToObject(j, "links", e->links);
    cli_json_str(j, "created_by", e->created_by);
    cli_json_str(j, "created_at", e->created_at);
    cli_json_str(j, "updated_at", e->updated_at);
    return j;
}

static int cmd_list(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "all", .flag = true}, {.name = "due", .flag = true}, {.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 3, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "evidence list takes no arguments");
    sl_free(&pos);
    if (r == 0)
        r = cli_open(c);
    evidence_entry *list = NULL;
    size_t n = 0;
    status_detail err = {0};
    if (r == 0 && evidence_list(c->st, opts[0].seen, &list, &n, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    jp_date today = jpdate_today();
    bool en = c->g->english;
    cJSON *arr = opts[2].seen ? cJSON_CreateArray() : NULL;
    size_t shown = 0;
    for (size_t i = 0; r == 0 && i < n; i++) {
        const evidence_entry *e = &list[i];
        evidence_state st = evidence_state_on(e->review, today);
        if (opts[1].seen && st != EVIDENCE_EXPIRED && st != EVIDENCE_DUE)
            continue;
        shown++;
        if (arr) {
            cJSON_AddItemToArray(arr, entry_json(e, today));
            continue;
        }
        fprintf(c->out, "#%-4lld ", (long long)e->id);
        cli_cell(c->out, e->title, 28);
        fputs("  ", c->out);
        cli_cell(c->out, evidence_kind_label(e->kind, en), 14);
        fprintf(c->out, "  %-10s  ", e->review ? e->review : "-");
        cli_cell(c->out, state_label(st, en), 10);
        fprintf(c->out, "  %s %d%s\n", en ? "links" : "リンク", e->links, e->archived ? (en ? "  (archived)" : "  （保管済み）") : "");
    }
    if (arr)
        cli_json_print(c, arr);
    else if (r == 0 && !shown)
        fprintf(c->out, en ? "(no evidence entries)\n" : "（証跡の登録はありません）\n");
    evidence_list_free(list, n);
    cli_options_free(opts, 3);
    return r;
}

static const char *party_text(answer_party p, bool en)
{
    return p == PARTY_HOSPITAL ? (en ? "hospital" : "医療機関") : p == PARTY_VENDOR ? (en ? "vendor" : "事業者") : (en ? "agreed" : "合意");
}

static int cmd_show(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 1, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "evidence show needs one entry (#N, title or ref)");
    if (r == 0)
        r = cli_open(c);
    int64_t id = 0;
    if (r == 0)
        r = entry_arg(c, pos.items[0], &id);
    sl_free(&pos);
    evidence_entry e = {0};
    evidence_use *uses = NULL;
    size_t nuses = 0;
    status_detail err = {0};
    if (r == 0 && (evidence_get(c->st, id, &e, &err) != STATUS_OK || evidence_uses(c->st, id, &uses, &nuses, &err) != STATUS_OK))
        r = cli_fail_status(c, &err);
    bool en = c->g->english;
    jp_date today = jpdate_today();
    if (r == 0 && opts[0].seen) {
        cJSON *j = entry_json(&e, today);
        cJSON *arr = cJSON_AddArrayToObject(j, "used_by");
        for (size_t i = 0; i < nuses; i++) {
            cJSON *u = cJSON_CreateObject();
            cJSON_AddNumberToObject(u, "assessment", (double)uses[i].assessment_id);
            cli_json_str(u, "catalog", uses[i].catalog_id);
            cli_json_str(u, "version", uses[i].catalog_version);
            cJSON_AddNumberToObject(u, "fy", uses[i].fy);
            cli_json_str(u, "item", uses[i].item_id);
            cli_json_str(u, "ref", uses[i].ref);
            cJSON_AddStringToObject(u, "party", answer_party_name(uses[i].party));
            if (uses[i].party_vendor_id)
                cJSON_AddNumberToObject(u, "party_vendor_id", (double)uses[i].party_vendor_id);
            cJSON_AddItemToArray(arr, u);
        }
        cli_json_print(c, j);
    } else if (r == 0) {
        fprintf(c->out, "#%lld %s%s\n", (long long)e.id, e.title, e.archived ? (en ? "  (archived)" : "  （保管済み）") : "");
        fprintf(c->out, "  %s: %s\n", en ? "kind" : "種類", evidence_kind_label(e.kind, en));
        const char *rows[][2] = {{en ? "reference" : "文書番号・所在", e.ref}, {en ? "owner" : "管理者", e.owner},
                                 {en ? "effective" : "制定日・発効日", e.effective}, {en ? "note" : "メモ", e.note}};
        for (size_t i = 0; i < AZ_ARRAY_LEN(rows); i++)
            if (rows[i][1])
                fprintf(c->out, "  %s: %s\n", rows[i][0], rows[i][1]);
        if (e.review)
            fprintf(c->out, "  %s: %s (%s)\n", en ? "review" : "見直し期限", e.review,
                    state_label(evidence_state_on(e.review, today), en));
        fprintf(c->out, "  %s (%zu):\n", en ? "used by" : "リンクしている項目", nuses);
        for (size_t i = 0; i < nuses; i++) {
            char *fy = cli_fy_text(c, uses[i].fy);
            fprintf(c->out, "    #%lld %s@%s %s  %s%s%s", (long long)uses[i].assessment_id, uses[i].catalog_id,
                    uses[i].catalog_version, fy, uses[i].ref ? uses[i].ref : "", uses[i].ref ? " " : "", uses[i].item_id);
            if (uses[i].party != PARTY_HOSPITAL)
                fprintf(c->out, " [%s]", party_text(uses[i].party, en));
            fputc('\n', c->out);
            free(fy);
        }
    }
    evidence_entry_free(&e);
    evidence_uses_free(uses, nuses);
    cli_options_free(opts, 1);
    return r;
}

static int cmd_link(cli_ctx *c, int argc, char **argv, bool link)
{
    cli_option opts[] = {{.name = "party"}, {.name = "vendor"}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    if (r == 0 && pos.len != 3)
        r = cli_fail(c, EXIT_USAGE, "evidence %s needs ENTRY ASSESSMENT ITEM", argv[0]);
    answer_party party = PARTY_HOSPITAL;
    if (r == 0 && opts[0].seen && !answer_party_parse(opts[0].value, &party))
        r = cli_fail(c, EXIT_USAGE, "--party: \"%s\" is not hospital, vendor or agreed", opts[0].value);
    if (r == 0)
        r = cli_open(c);
    int64_t id = 0, aid = 0, vendor = 0;
    if (r == 0)
        r = entry_arg(c, pos.items[0], &id);
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[1], &aid);
    if (r == 0 && opts[1].seen)
        r = cli_vendor_arg(c, opts[1].value, &vendor);
    if (r == 0) {
        status_detail err = {0};
        int changed = 0;
        if (evidence_link_set(c->st, id, aid, pos.items[2], party, vendor, link, c->who, &changed, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (c->g->english)
            fprintf(c->out, "%s: evidence #%lld %s\n", pos.items[2], (long long)id,
                    !changed ? (link ? "was linked already" : "was not linked") : link ? "linked" : "unlinked");
        else
            fprintf(c->out, "%s: 証跡 #%lld %s\n", pos.items[2], (long long)id,
                    !changed ? (link ? "はリンク済みです" : "はリンクされていません")
                    : link   ? "をリンクしました"
                             : "のリンクを外しました");
    }
    sl_free(&pos);
    cli_options_free(opts, 2);
    return r;
}

static int evidence_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB_FLAG("add", cmd_save, true),
        CLI_SUB_FLAG("edit", cmd_save, false),
        CLI_SUB("list", cmd_list),
        CLI_SUB("show", cmd_show),
        CLI_SUB_FLAG("link", cmd_link, true),
        CLI_SUB_FLAG("unlink", cmd_link, false),
    };
    return cli_subcommand_run(c, argc, argv, "evidence", subs, AZ_ARRAY_LEN(subs), evidence_usage);
}

const cli_group cli_group_evidence = {
    .name = "evidence", .summary = "the evidence register", .run = evidence_run, .usage = evidence_usage};
