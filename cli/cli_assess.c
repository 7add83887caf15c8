/* anzen assess new | list | show | signoff | carry | undo */
#include <stdlib.h>

#include "assess/lib.h"
#include "catalog/lib.h"
#include "cli_common.h"
#include "text/lib.h"

static void assess_usage(FILE *out)
{
    fprintf(out,
            "  assess new CATALOG[@VER] [--system S] [--vendor V] [--fy FY] [--title T]\n"
            "                                 start an assessment (organisation scope unless --system;\n"
            "                                 FY as 2025 or 令和7年度, default the current fiscal year)\n"
            "  assess list [--fy FY] [--catalog ID] [--system S] [--archived] [--json]   with progress\n"
            "  assess show A [--all-parties] [--missing-reason] [--json]\n"
            "                                 items with answers, reasons, dates, owner, notes, evidence;\n"
            "                                 --missing-reason: only answers whose value needs a reason\n"
            "                                 (対象外, いいえ …) and have none\n"
            "  assess signoff A --name NAME --role ROLE\n"
            "  assess carry A --to-fy FY [--to-version V] [--to-catalog ID] [--keep-values] [--keep-dates]\n"
            "                                 items map by id or by a declared crosswalk (rel: supersedes)\n"
            "  assess undo A                  undo your own last change (recorded in the history)\n"
            "  assess archive A / assess restore A   hide an assessment from the lists (kept, with its\n"
            "                                 history; assess list --archived shows them) / bring it back\n"
            "  assess field A [KEY VALUE] [--json]   header fields (e.g. MDS/SDS product, date of issue);\n"
            "                                 with A alone lists them; VALUE \"\" clears\n");
}

/* The usage message unless exactly one ASSESSMENT argument was given. */
static int one_assessment(cli_ctx *c, const strlist *pos, const char *cmd)
{
    return pos->len == 1 ? 0 : cli_fail(c, EXIT_USAGE, "assess %s needs one assessment number", cmd);
}

/* Opens the store and finds the assessment. */
static int open_assessment(cli_ctx *c, const char *key, int64_t *id)
{
    int r = cli_open(c);
    return r != 0 ? r : cli_assessment_arg(c, key, id);
}

static int fy_arg(cli_ctx *c, const char *what, const char *in, int *fy)
{
    status_detail err = {0};
    if (!jpdate_parse_fy(in, fy, &err)) {
        char *field = xasprintf("--%s", what);
        status_set_field(&err, field);
        free(field);
        return cli_fail_status(c, &err);
    }
    return 0;
}

static int cmd_new(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "system"}, {.name = "vendor"}, {.name = "fy"}, {.name = "title"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "assess new needs one CATALOG[@VERSION] (see anzen catalog list)");
    assess_spec spec = {.scope = SCOPE_ORG, .fy = jpdate_fiscal_year(jpdate_today())};
    if (r == 0 && opts[2].seen)
        r = fy_arg(c, "fy", opts[2].value, &spec.fy);
    if (r == 0)
        r = cli_open(c);
    char *cat = NULL, *ver = NULL;
    status_detail err = {0};
    if (r == 0) {
        const char *at = strchr(pos.items[0], '@');
        cat = at ? xstrndup(pos.items[0], (size_t)(at - pos.items[0])) : xstrdup(pos.items[0]);
        ver = at ? xstrdup(at + 1) : NULL;
        spec.catalog_id = cat;
        spec.catalog_version = ver;
        spec.title = opts[3].value;
    }
    if (r == 0 && opts[0].seen) {
        spec.scope = SCOPE_SYSTEM;
        status_code st = ws_system_find(c->st, opts[0].value, &spec.system_id, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
    }
    if (r == 0 && opts[1].seen)
        r = cli_vendor_arg(c, opts[1].value, &spec.vendor_id);
    if (r == 0) {
        int64_t id = 0;
        status_code st = assess_create(c->st, &spec, c->who, &id, &err);
        if (st != STATUS_OK) {
            r = cli_fail_status_see(c, &err, st == STATUS_CATALOG_NOT_FOUND ? "anzen catalog list" : NULL);
        } else {
            assessment a;
            assess_get(c->st, id, &a, &err);
            char *fy = cli_fy_text(c, a.fy);
            fprintf(c->out, c->g->english ? "created assessment #%lld: %s@%s, %s, %d items\n"
                                          : "評価 #%lld を作成しました: %s@%s、%s、%d 項目\n",
                    (long long)id, a.catalog_id, a.catalog_version, fy, a.items);
            free(fy);
            assessment_free(&a);
        }
    }
    free(cat);
    free(ver);
    cli_options_free(opts, n);
    sl_free(&pos);
    return r;
}

static char *scope_label(cli_ctx *c, const assessment *a)
{
    bool en = c->g->english;
    if (a->scope == SCOPE_ORG)
        return xstrdup(en ? "organisation" : "医療機関");
    if (a->vendor_name)
        return xasprintf("%s / %s", a->system_name ? a->system_name : "?", a->vendor_name);
    return xstrdup(a->system_name ? a->system_name : "?");
}

static int pct(int num, int den)
{
    return den > 0 ? num * 100 / den : 0;
}

static cJSON *assessment_json(const assessment *a)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)a->id);
    cJSON_AddStringToObject(j, "catalog", a->catalog_id);
    cJSON_AddStringToObject(j, "version", a->catalog_version);
    cJSON_AddStringToObject(j, "scope", a->scope == SCOPE_ORG ? "organisation" : "system");
    cli_json_str(j, "system", a->system_name);
    cli_json_str(j, "vendor", a->vendor_name);
    cJSON_AddNumberToObject(j, "fy", a->fy);
    char *fyl = jpdate_fy_label(a->fy, false);
    cJSON_AddStringToObject(j, "fy_label", fyl);
    free(fyl);
    cli_json_str(j, "title", a->title);
    if (a->prev_id)
        cJSON_AddNumberToObject(j, "previous", (double)a->prev_id);
    else
        cJSON_AddNullToObject(j, "previous");
    cJSON_AddNumberToObject(j, "item_count", a->items); /* "items" is the list of items in assess show */
    cJSON_AddNumberToObject(j, "answered", a->answered);
    cJSON_AddNumberToObject(j, "positive", a->positive);
    cJSON_AddNumberToObject(j, "not_applicable", a->not_applicable);
    cJSON_AddNumberToObject(j, "overdue", a->overdue);
    cli_json_str(j, "signed_by", a->signed_by);
    cli_json_str(j, "signed_role", a->signed_role);
    cli_json_str(j, "signed_at", a->signed_at);
    cJSON_AddBoolToObject(j, "changed_since_signoff", a->changed_since_signoff);
    cli_json_str(j, "archived_at", a->archived_at);
    cli_json_str(j, "created_at", a->created_at);
    cli_json_str(j, "created_by", a->created_by);
    return j;
}

static const char *signoff_state(cli_ctx *c, const assessment *a)
{
    bool en = c->g->english;
    if (!a->signed_at)
        return "-";
    return a->changed_since_signoff ? (en ? "changed since sign-off" : "承認後に変更あり") : (en ? "signed" : "承認済");
}

static int cmd_list(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "fy"},
                         {.name = "catalog"},
                         {.name = "system"},
                         {.name = "json", .flag = true},
                         {.name = "archived", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len)
        r = cli_fail(c, EXIT_USAGE, "assess list takes options only");
    assess_filter f = {.catalog_id = opts[1].value, .archived = opts[4].seen};
    if (r == 0 && opts[0].seen)
        r = fy_arg(c, "fy", opts[0].value, &f.fy);
    if (r == 0)
        r = cli_open(c);
    status_detail err = {0};
    if (r == 0 && opts[2].seen) {
        status_code st = ws_system_find(c->st, opts[2].value, &f.system_id, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
    }
    sl_free(&pos);
    if (r != 0) {
        cli_options_free(opts, n);
        return r;
    }
    assessment *list;
    size_t len;
    if (assess_list(c->st, &f, &list, &len, &err) != STATUS_OK) {
        cli_options_free(opts, n);
        return cli_fail_status(c, &err);
    }
    bool en = c->g->english;
    if (opts[3].seen) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < len; i++)
            cJSON_AddItemToArray(arr, assessment_json(&list[i]));
        cli_json_print(c, arr);
    } else {
        cli_cell(c->out, "#", 4);
        cli_cell(c->out, en ? "FISCAL YEAR" : "年度", 18);
        cli_cell(c->out, en ? "CATALOG" : "カタログ", 30);
        cli_cell(c->out, en ? "SCOPE" : "対象", 24);
        cli_cell(c->out, en ? "ANSWERED" : "回答", 12);
        cli_cell(c->out, en ? "POSITIVE" : "実施", 8);
        cli_cell(c->out, en ? "OVERDUE" : "期限超過", 8);
        fprintf(c->out, "%s\n", en ? "SIGN-OFF" : "承認");
        for (size_t i = 0; i < len; i++) {
            const assessment *a = &list[i];
            char buf[64];
            snprintf(buf, sizeof buf, "%lld", (long long)a->id);
            cli_cell(c->out, buf, 4);
            char *fy = cli_fy_text(c, a->fy);
            cli_cell(c->out, fy, 18);
            free(fy);
            char *cat = xasprintf("%s@%s", a->catalog_id, a->catalog_version);
            cli_cell(c->out, cat, 30);
            free(cat);
            char *sc = scope_label(c, a);
            cli_cell(c->out, sc, 24);
            free(sc);
            snprintf(buf, sizeof buf, "%d/%d %d%%", a->answered, a->items, pct(a->answered, a->items));
            cli_cell(c->out, buf, 12);
            if (a->items - a->not_applicable > 0)
                snprintf(buf, sizeof buf, "%d%%", pct(a->positive, a->items - a->not_applicable));
            else
                snprintf(buf, sizeof buf, "-");
            cli_cell(c->out, buf, 8);
            snprintf(buf, sizeof buf, "%d", a->overdue);
            cli_cell(c->out, buf, 8);
            fprintf(c->out, "%s\n", signoff_state(c, a));
        }
        if (len == 0)
            fprintf(c->out, en ? "(no assessments; start one with anzen assess new CATALOG)\n"
                               : "（評価がありません。anzen assess new CATALOG で作成します）\n");
    }
    assessment_list_free(list, len);
    cli_options_free(opts, n);
    return EXIT_OK;
}

static const char *owner_label(responsibility r, bool en)
{
    switch (r) {
    case RESP_HOSPITAL:
        return en ? "hospital" : "医療機関";
    case RESP_VENDOR:
        return en ? "vendor" : "事業者";
    case RESP_JOINT:
        return en ? "joint" : "共同";
    case RESP_NA:
        return en ? "n/a" : "対象外";
    case RESP_NONE:
        break;
    }
    return "-";
}

static const char *party_label(answer_party p, bool en)
{
    return p == PARTY_HOSPITAL ? (en ? "hospital" : "医療機関") : p == PARTY_VENDOR ? (en ? "vendor" : "事業者") : (en ? "agreed" : "合意");
}

static cJSON *answer_json(const answer *x, const catalog *cat, bool en)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "party", answer_party_name(x->party));
    if (x->party_vendor_id)
        cJSON_AddNumberToObject(j, "party_vendor_id", (double)x->party_vendor_id);
    cli_json_str(j, "value", x->value);
    const answer_def *d = x->value ? catalog_find_answer(cat, x->value) : NULL;
    cli_json_str(j, "label", d ? i18n_get(&d->label, en) : NULL);
    cli_json_str(j, "meaning", d ? answer_meaning_name(d->meaning) : NULL);
    cli_json_str(j, "reason", x->reason);
    if (d && d->needs_reason)
        cJSON_AddBoolToObject(j, "reason_missing", str_empty(x->reason));
    cli_json_str(j, "checked", x->checked);
    cli_json_str(j, "due", x->due);
    cli_json_str(j, "done", x->done);
    cli_json_str(j, "owner", x->owner ? responsibility_name(x->owner) : NULL);
    cli_json_str(j, "owner_vendor", x->owner_vendor_name);
    cli_json_str(j, "note", x->note);
    cJSON *ev = cJSON_AddArrayToObject(j, "evidence");
    for (size_t i = 0; i < x->nevidence; i++) {
        const answer_evidence *e = &x->evidence[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "id", (double)e->id);
        cli_json_str(o, "title", e->title);
        cJSON_AddStringToObject(o, "kind", evidence_kind_name(e->kind));
        cli_json_str(o, "ref", e->ref);
        cli_json_str(o, "effective", e->effective);
        cli_json_str(o, "review", e->review);
        cJSON_AddStringToObject(o, "state", evidence_state_name(evidence_state_on(e->review, jpdate_today())));
        cJSON_AddItemToArray(ev, o);
    }
    cli_json_str(j, "answered_by", x->answered_by);
    cli_json_str(j, "updated_at", x->updated_at);
    return j;
}

static void print_answer(cli_ctx *c, const answer *x, const catalog *cat, const char *indent, bool with_party)
{
    bool en = c->g->english;
    const answer_def *d = x->value ? catalog_find_answer(cat, x->value) : NULL;
    fprintf(c->out, "%s", indent);
    if (with_party)
        fprintf(c->out, "[%s] ", party_label(x->party, en));
    fprintf(c->out, "%s: %s", en ? "answer" : "回答", d ? i18n_get(&d->label, en) : (x->value ? x->value : "-"));
    if (x->owner) {
        fprintf(c->out, "  %s: %s", en ? "owner" : "責任", owner_label(x->owner, en));
        if (x->owner_vendor_name)
            fprintf(c->out, " (%s)", x->owner_vendor_name);
    }
    static const char *const ja[] = {"確認日", "目標日", "完了日"}, *const enl[] = {"checked", "due", "done"};
    const char *dates[] = {x->checked, x->due, x->done};
    for (int i = 0; i < 3; i++)
        if (dates[i])
            fprintf(c->out, "  %s: %s", en ? enl[i] : ja[i], dates[i]);
    if (x->answered_by) {
        char when[CLOCK_LOCAL_SIZE]; /* stored UTC, shown in local time */
        clock_local_text(x->updated_at, true, when);
        fprintf(c->out, "  (%s %s)", x->answered_by, when);
    }
    fputc('\n', c->out);
    if (x->reason)
        fprintf(c->out, "%s  %s: %s\n", indent, en ? "reason" : "理由", x->reason);
    else if (d && d->needs_reason)
        fprintf(c->out, "%s  %s\n", indent, en ? "reason: (missing)" : "理由: （未記入）");
    if (x->note) {
        /* multi-line notes keep their lines, indented */
        fprintf(c->out, "%s  %s: ", indent, en ? "note" : "メモ");
        for (const char *p = x->note; *p; p++) {
            fputc(*p, c->out);
            if (*p == '\n')
                fprintf(c->out, "%s        ", indent);
        }
        fputc('\n', c->out);
    }
    for (size_t i = 0; i < x->nevidence; i++) {
        const answer_evidence *e = &x->evidence[i];
        evidence_state st = evidence_state_on(e->review, jpdate_today());
        fprintf(c->out, "%s  %s: #%lld %s", indent, en ? "evidence" : "証跡", (long long)e->id, e->title);
        if (e->review)
            fprintf(c->out, "  (%s %s%s)", en ? "review" : "見直し期限", e->review,
                    st == EVIDENCE_EXPIRED ? (en ? ", expired" : "、期限切れ")
                    : st == EVIDENCE_DUE   ? (en ? ", due" : "、見直し時期")
                                           : "");
        fputc('\n', c->out);
    }
}

static int cmd_show(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "json", .flag = true}, {.name = "all-parties", .flag = true},
                         {.name = "missing-reason", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 3, &pos);
    if (r == 0)
        r = one_assessment(c, &pos, "show");
    int64_t id = 0;
    if (r == 0)
        r = open_assessment(c, pos.items[0], &id);
    sl_free(&pos);
    if (r != 0)
        return r;
    bool en = c->g->english, json = opts[0].seen, all = opts[1].seen, missing = opts[2].seen;
    status_detail err = {0};
    assessment a;
    assess_get(c->st, id, &a, &err);
    catalog *cat = catalog_db_load(c->st, a.catalog_id, a.catalog_version);
    if (!cat) {
        r = cli_fail(c, EXIT_FAILURE_GENERAL, "catalog %s@%s is no longer installed", a.catalog_id, a.catalog_version);
        assessment_free(&a);
        return r;
    }
    answer_set set;
    assess_load_answers(c->st, id, &set, &err);
    if (json) {
        cJSON *j = assessment_json(&a);
        cJSON *items = cJSON_AddArrayToObject(j, "items");
        for (size_t i = 0; i < cat->nnodes; i++) {
            const catalog_node *n = &cat->nodes[i];
            if (n->kind != NODE_ITEM || (missing && !answer_reason_missing(cat, answer_set_effective(&set, n->id))))
                continue;
            cJSON *it = cJSON_CreateObject();
            cJSON_AddStringToObject(it, "id", n->id);
            cli_json_str(it, "ref", n->ref);
            const answer *eff = answer_set_effective(&set, n->id);
            if (eff)
                cJSON_AddItemToObject(it, "answer", answer_json(eff, cat, en));
            else
                cJSON_AddNullToObject(it, "answer");
            cJSON *parties = cJSON_AddArrayToObject(it, "parties");
            for (size_t k = 0; k < set.len; k++)
                if (str_eq(set.items[k].item_id, n->id))
                    cJSON_AddItemToArray(parties, answer_json(&set.items[k], cat, en));
            cJSON_AddItemToArray(items, it);
        }
        cli_json_print(c, j);
    } else {
        char *fy = cli_fy_text(c, a.fy), *sc = scope_label(c, &a);
        fprintf(c->out, "#%lld %s@%s  %s\n%s\n", (long long)a.id, a.catalog_id, a.catalog_version, fy,
                i18n_get(&cat->title, en));
        fprintf(c->out, "%s: %s\n", en ? "Scope" : "対象", sc);
        free(fy);
        free(sc);
        if (a.prev_id)
            fprintf(c->out, "%s: #%lld\n", en ? "Carried from" : "前年度", (long long)a.prev_id);
        char when[CLOCK_LOCAL_SIZE];
        if (a.archived_at) {
            clock_local_text(a.archived_at, true, when);
            fprintf(c->out, "%s: %s\n", en ? "Archived" : "アーカイブ済み", when);
        }
        fprintf(c->out, "%s: %d/%d (%d%%)  %s: %d%%  %s: %d\n", en ? "Answered" : "回答済", a.answered, a.items,
                pct(a.answered, a.items), en ? "Positive" : "実施", pct(a.positive, a.items - a.not_applicable),
                en ? "Overdue" : "期限超過", a.overdue);
        clock_local_text(a.signed_at, true, when);
        if (a.signed_at)
            fprintf(c->out, "%s: %s (%s) %s%s\n", en ? "Signed off" : "承認", a.signed_by, a.signed_role, when,
                    a.changed_since_signoff ? (en ? " — changed since sign-off" : " — 承認後に変更あり") : "");
        fputc('\n', c->out);
        int shown = 0;
        for (size_t i = 0; i < cat->nnodes; i++) {
            const catalog_node *n = &cat->nodes[i];
            const char *label = n->title.ja ? i18n_get(&n->title, en) : i18n_get(&n->text, en);
            if (missing && (n->kind != NODE_ITEM || !answer_reason_missing(cat, answer_set_effective(&set, n->id))))
                continue;
            shown++;
            if (n->kind == NODE_HEADING) {
                fprintf(c->out, "%*s# %s %s\n", n->depth * 2, "", n->ref ? n->ref : "", label);
                continue;
            }
            fprintf(c->out, "%*s- %s %s  (%s)\n", n->depth * 2, "", n->ref ? n->ref : "", label, n->id);
            char *indent = xasprintf("%*s", n->depth * 2 + 4, "");
            if (all) {
                for (size_t k = 0; k < set.len; k++)
                    if (str_eq(set.items[k].item_id, n->id))
                        print_answer(c, &set.items[k], cat, indent, true);
            } else {
                const answer *eff = answer_set_effective(&set, n->id);
                if (eff)
                    print_answer(c, eff, cat, indent, eff->party != PARTY_HOSPITAL);
            }
            free(indent);
        }
        if (missing && !shown)
            fprintf(c->out, en ? "(every answer that needs a reason has one)\n" : "（理由が必要な回答にはすべて理由があります）\n");
    }
    answer_set_free(&set);
    catalog_free(cat);
    assessment_free(&a);
    cli_options_free(opts, 3);
    return EXIT_OK;
}

/* The items still open, a few of each kind by reference and title, so nobody signs off a gap
 * unawares (the TUI shows the same before it asks). */
enum { SIGNOFF_SHOWN = 5 };

static void print_open_list(cli_ctx *c, const char *label, const signoff_open_item *list, size_t n)
{
    if (n == 0)
        return;
    fprintf(c->out, "%s: %zu\n", label, n);
    for (size_t i = 0; i < n && i < SIGNOFF_SHOWN; i++)
        fprintf(c->out, "  %s  %s\n", list[i].ref ? list[i].ref : list[i].id, list[i].title);
    if (n > SIGNOFF_SHOWN)
        fprintf(c->out, c->g->english ? "  ... and %zu more\n" : "  ほか %zu 件\n", n - SIGNOFF_SHOWN);
}

static int cmd_signoff(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "name"}, {.name = "role"}, {.name = "force", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 3, &pos);
    if (r == 0)
        r = one_assessment(c, &pos, "signoff");
    if (r == 0 && (!opts[0].seen || !opts[1].seen))
        r = cli_fail(c, EXIT_USAGE, "assess signoff needs --name and --role");
    int64_t id = 0;
    if (r == 0)
        r = open_assessment(c, pos.items[0], &id);
    status_detail err = {0};
    if (r == 0) {
        bool en = c->g->english;
        char today[11];
        jpdate_format_iso(jpdate_today(), today);
        signoff_open o;
        if (signoff_open_items(c->st, id, today, en, &o, &err) != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            print_open_list(c, en ? "unanswered" : "未回答", o.unanswered, o.nunanswered);
            print_open_list(c, en ? "overdue" : "期限超過", o.overdue, o.noverdue);
            if (!opts[2].seen && signoff_open_status(&o, id, &err) != STATUS_OK)
                r = cli_fail_status(c, &err);
            signoff_open_free(&o);
        }
    }
    if (r == 0) {
        status_code st = assess_signoff(c->st, id, opts[0].value, opts[1].value, c->who, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, c->g->english ? "assessment #%lld signed off by %s (%s)\n"
                                          : "評価 #%lld を %s（%s）が承認しました\n",
                    (long long)id, opts[0].value, opts[1].value);
    }
    status_detail_free(&err);
    sl_free(&pos);
    cli_options_free(opts, 3);
    return r;
}

/* What a carry did not take along, one line each, so nothing is lost without being named. */
static void print_carry_skipped(cli_ctx *c, const carry_result *res)
{
    bool en = c->g->english;
    if (res->nskipped == 0)
        return;
    fprintf(c->out, en ? "not carried (%zu item(s); they stay in the old assessment):\n"
                       : "引き継いでいない項目（%zu 項目。元の評価に残っています）:\n",
            res->nskipped);
    for (size_t i = 0; i < res->nskipped; i++) {
        const carry_skip *k = &res->skipped[i];
        fprintf(c->out, "  %s  %s", k->ref ? k->ref : k->item_id, i18n_get(&k->title, en));
        if (k->why == CARRY_SKIP_MERGE_DIFFERS)
            fprintf(c->out, en ? "  (merged into %s with items answered differently: answer it there)\n"
                               : "  （%s に統合。統合元の回答が異なるため、改めて回答してください）\n",
                    k->into_ref ? k->into_ref : k->into);
        else
            fputs(en ? "  (no item of the new version takes it over)\n" : "  （新しい版に対応する項目がありません）\n",
                  c->out);
    }
}

static int cmd_carry(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "to-fy"},       {.name = "to-version"}, {.name = "keep-values", .flag = true},
                         {.name = "keep-dates", .flag = true}, {.name = "to-catalog"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0)
        r = one_assessment(c, &pos, "carry");
    if (r == 0 && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "assess carry needs --to-fy FY (e.g. 2026 or 令和8年度)");
    carry_spec spec = {.to_catalog = opts[4].value, .to_version = opts[1].value};
    if (r == 0)
        r = fy_arg(c, "to-fy", opts[0].value, &spec.to_fy);
    int64_t id = 0;
    if (r == 0)
        r = open_assessment(c, pos.items[0], &id);
    if (r == 0) {
        status_detail err = {0};
        carry_result res;
        spec.flags = (opts[2].seen ? CARRY_KEEP_VALUES : 0u) | (opts[3].seen ? CARRY_KEEP_DATES : 0u);
        status_code st = assess_carry_to(c->st, id, &spec, c->who, &res, &err);
        if (st != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            char *fyl = cli_fy_text(c, spec.to_fy);
            fprintf(c->out, c->g->english ? "created assessment #%lld for %s from #%lld\n"
                                          : "評価 #%lld（%s）を #%lld から作成しました\n",
                    (long long)res.new_id, fyl, (long long)id);
            if (res.crosswalked)
                fprintf(c->out, c->g->english ? "carried %d item(s), %d of them through the crosswalk between versions\n"
                                              : "%d 項目を引き継ぎました（うち版間の対応表による %d 項目）\n",
                        res.carried, res.crosswalked);
            else
                fprintf(c->out, c->g->english ? "carried %d item(s)\n" : "%d 項目を引き継ぎました\n", res.carried);
            print_carry_skipped(c, &res);
            evidence_entry *exp = NULL;
            size_t nexp = 0;
            if (evidence_expiring(c->st, res.new_id, spec.to_fy, &exp, &nexp, &err) == STATUS_OK && nexp) {
                if (c->g->english)
                    fprintf(c->out, "%zu linked evidence entr%s reach%s the review date before the end of %s:\n", nexp,
                            nexp == 1 ? "y" : "ies", nexp == 1 ? "es" : "", fyl);
                else
                    fprintf(c->out, "リンクした証跡のうち %zu 件は%sの終わりまでに見直し期限が来ます:\n", nexp, fyl);
                for (size_t i = 0; i < nexp; i++)
                    fprintf(c->out, "  #%lld %s  %s %s\n", (long long)exp[i].id, exp[i].title,
                            c->g->english ? "review" : "見直し期限", exp[i].review);
            }
            status_detail_free(&err);
            evidence_list_free(exp, nexp);
            free(fyl);
        }
        carry_result_free(&res);
    }
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static int cmd_undo(cli_ctx *c, int argc, char **argv)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    if (r == 0)
        r = one_assessment(c, &pos, "undo");
    int64_t id = 0;
    if (r == 0)
        r = open_assessment(c, pos.items[0], &id);
    if (r == 0) {
        status_detail err = {0};
        char *what = NULL;
        status_code st = assess_undo(c->st, id, c->who, &what, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
        else
            fprintf(c->out, "%s\n", what);
        free(what);
    }
    sl_free(&pos);
    return r;
}

/* anzen assess archive A / assess restore A */
static int cmd_archive(cli_ctx *c, int argc, char **argv, bool archive)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    if (r == 0)
        r = one_assessment(c, &pos, archive ? "archive" : "restore");
    int64_t id = 0;
    if (r == 0)
        r = open_assessment(c, pos.items[0], &id);
    if (r == 0) {
        status_detail err = {0};
        bool changed = false;
        if (assess_archive(c->st, id, archive, c->who, &changed, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
        else if (!changed)
            fprintf(c->out, c->g->english ? (archive ? "assessment #%lld is archived already\n" : "assessment #%lld is not archived\n")
                                          : (archive ? "評価 #%lld は既にアーカイブ済みです\n" : "評価 #%lld はアーカイブされていません\n"),
                    (long long)id);
        else if (archive)
            fprintf(c->out,
                    c->g->english ? "archived assessment #%lld (hidden from the lists; anzen assess list --archived shows it,"
                                    " anzen assess restore %lld brings it back)\n"
                                  : "評価 #%lld をアーカイブしました（一覧には出ません。anzen assess list --archived で表示、"
                                    "anzen assess restore %lld で戻せます）\n",
                    (long long)id, (long long)id);
        else
            fprintf(c->out, c->g->english ? "restored assessment #%lld\n" : "評価 #%lld を元に戻しました\n", (long long)id);
    }
    sl_free(&pos);
    return r;
}

static int assess_run(cli_ctx *c, int argc, char **argv)
{
    static const cli_subcommand subs[] = {
        CLI_SUB("new", cmd_new),
        CLI_SUB("list", cmd_list),
        CLI_SUB("show", cmd_show),
        CLI_SUB("signoff", cmd_signoff),
        CLI_SUB("carry", cmd_carry),
        CLI_SUB_FLAG("archive", cmd_archive, true),
        CLI_SUB_FLAG("restore", cmd_archive, false),
        CLI_SUB("undo", cmd_undo),
        CLI_SUB("field", cli_assess_field) /* cli_field.c */,
    };
    return cli_subcommand_run(c, argc, argv, "assess", subs, AZ_ARRAY_LEN(subs), assess_usage);
}

const cli_group cli_group_assess = {
    .name = "assess", .summary = "assessments", .run = assess_run, .usage = assess_usage};
