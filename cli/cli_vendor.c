/* anzen vendor add | edit | list | show — 事業者 with certifications. */
#include <stdlib.h>

#include "cli_changes.h"
#include "cli_common.h"
#include "text/lib.h"

static void vendor_usage(FILE *out)
{
    fprintf(out, "  vendor add NAME [--contact P --phone T --email E --isms yes|no --isms-expiry DATE\n"
                 "                  --pmark yes|no --pmark-expiry DATE --note T]\n"
                 "  vendor edit VENDOR [--name NEW and the options of add]\n"
                 "  vendor list [--archived] [--json]   vendors with ISMS / Pマーク and expiry (--archived: only those)\n"
                 "  vendor delete VENDOR           delete one nothing refers to (else archive it)\n"
                 "  vendor archive VENDOR / vendor restore VENDOR   hide from the lists (kept, with its history) / bring back\n"
                 "  vendor undo                    undo your own last delete, archive or restore of a vendor\n"
                 "  vendor show VENDOR [--json]    (VENDOR = name or #id)\n");
}

#define VENDOR_OPTS                                                                                                \
    {.name = "name"}, {.name = "contact"}, {.name = "phone"}, {.name = "email"}, {.name = "isms"},                \
        {.name = "isms-expiry"}, {.name = "pmark"}, {.name = "pmark-expiry"}, {.name = "note"}

static int cmd_save(cli_ctx *c, int argc, char **argv, bool add)
{
    cli_option opts[] = {VENDOR_OPTS};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, add ? "vendor add needs one NAME" : "vendor edit needs one VENDOR (name or #id)");
    if (r == 0)
        r = cli_open(c);
    ws_vendor v = {0};
    status_detail err = {0};
    if (r == 0 && !add) {
        int64_t id;
        r = cli_vendor_arg(c, pos.items[0], &id);
        if (r == 0) {
            status_code st = ws_vendor_get(c->st, id, &v, &err);
            if (st != STATUS_OK)
                r = cli_fail_status(c, &err);
        }
    }
    if (r == 0) {
        if (add)
            v.name = xstrdup(pos.items[0]);
        cli_option_text(&v.name, cli_option_get(opts, n, "name"));
        cli_option_text(&v.contact, cli_option_get(opts, n, "contact"));
        cli_option_text(&v.phone, cli_option_get(opts, n, "phone"));
        cli_option_text(&v.email, cli_option_get(opts, n, "email"));
        cli_option_text(&v.note, cli_option_get(opts, n, "note"));
        r = cli_option_tri(c, &v.isms, cli_option_get(opts, n, "isms"));
        if (r == 0)
            r = cli_option_tri(c, &v.pmark, cli_option_get(opts, n, "pmark"));
        if (r == 0)
            r = cli_option_date(c, &v.isms_expiry, cli_option_get(opts, n, "isms-expiry"));
        if (r == 0)
            r = cli_option_date(c, &v.pmark_expiry, cli_option_get(opts, n, "pmark-expiry"));
    }
    if (r == 0) {
        int64_t id = 0;
        int64_t mark = add ? 0 : cli_changes_mark(c, "vendor", v.id);
        status_code st = ws_vendor_save(c->st, &v, c->who, &id, &err);
        if (st != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            fprintf(c->out, c->g->english ? "saved vendor #%lld %s\n" : "事業者 #%lld %s を保存しました\n",
                    (long long)id, v.name);
            if (!add)
                cli_changes_print(c, "vendor", id, mark);
        }
    }
    ws_vendor_free(&v);
    cli_options_free(opts, n);
    sl_free(&pos);
    return r;
}

static cJSON *vendor_json(const ws_vendor *v)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)v->id);
    cli_json_str(j, "name", v->name);
    cli_json_str(j, "contact", v->contact);
    cli_json_str(j, "phone", v->phone);
    cli_json_str(j, "email", v->email);
    cli_json_str(j, "isms", v->isms ? ws_tri_name(v->isms) : NULL);
    cli_json_str(j, "isms_expiry", v->isms_expiry);
    cli_json_str(j, "pmark", v->pmark ? ws_tri_name(v->pmark) : NULL);
    cli_json_str(j, "pmark_expiry", v->pmark_expiry);
    cli_json_str(j, "note", v->note);
    cli_json_str(j, "updated_at", v->updated_at);
    if (v->archived_at)
        cli_json_str(j, "archived_at", v->archived_at);
    return j;
}

/* "あり (2027-03-31まで)", "なし", "-"; expired certifications are marked. */
static char *cert_text(cli_ctx *c, ws_tri t, const char *expiry)
{
    bool en = c->g->english;
    if (t == TRI_UNKNOWN)
        return xstrdup("-");
    if (t == TRI_NO)
        return xstrdup(en ? "no" : "なし");
    if (!expiry)
        return xstrdup(en ? "yes" : "あり");
    char today[11];
    jpdate_format_iso(jpdate_today(), today);
    bool expired = strcmp(expiry, today) < 0;
    return xasprintf(en ? "yes (until %s)%s" : "あり (%sまで)%s", expiry, expired ? (en ? " EXPIRED" : " 期限切れ") : "");
}

static int cmd_list(cli_ctx *c, int argc, char **argv, bool show)
{
    cli_option opts[] = {{.name = "json", .flag = true}, {.name = "archived", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    if (r == 0 && show && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "vendor show needs one VENDOR (name or #id)");
    if (r == 0 && show && opts[1].seen)
        r = cli_fail(c, EXIT_USAGE, "--archived is an option of vendor list");
    if (r == 0 && !show && pos.len)
        r = cli_fail(c, EXIT_USAGE, "vendor list takes no arguments");
    if (r == 0)
        r = cli_open(c);
    int64_t id = 0;
    if (r == 0 && show)
        r = cli_vendor_arg(c, pos.items[0], &id);
    sl_free(&pos);
    if (r != 0)
        return r;
    ws_vendor *list;
    size_t n;
    status_detail err = {0};
    if (ws_vendor_list(c->st, &list, &n, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    /* list shows the vendors in use, --archived only the archived ones; show finds either */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (show || !list[i].archived_at == !opts[1].seen)
            list[kept++] = list[i];
        else
            ws_vendor_free(&list[i]);
    n = kept;
    bool en = c->g->english;
    cJSON *arr = opts[0].seen && !show ? cJSON_CreateArray() : NULL;
    if (!arr && !show && !opts[0].seen) {
        cli_cell(c->out, "#", 4);
        cli_cell(c->out, en ? "VENDOR" : "事業者", 28);
        cli_cell(c->out, "ISMS", 30);
        cli_cell(c->out, en ? "P-MARK" : "Pマーク", 30);
        fprintf(c->out, "%s\n", en ? "CONTACT" : "窓口");
    }
    for (size_t i = 0; i < n; i++) {
        const ws_vendor *v = &list[i];
        if (show && v->id != id)
            continue;
        if (opts[0].seen) {
            if (arr)
                cJSON_AddItemToArray(arr, vendor_json(v));
            else
                cli_json_print(c, vendor_json(v));
            continue;
        }
        char *isms = cert_text(c, v->isms, v->isms_expiry), *pm = cert_text(c, v->pmark, v->pmark_expiry);
        if (show) {
            fprintf(c->out, "#%lld %s\n", (long long)v->id, v->name);
            fprintf(c->out, "%s: %s\n", en ? "Contact" : "窓口", v->contact ? v->contact : "-");
            fprintf(c->out, "%s: %s\n", en ? "Phone" : "電話", v->phone ? v->phone : "-");
            fprintf(c->out, "%s: %s\n", en ? "Email" : "メール", v->email ? v->email : "-");
            fprintf(c->out, "ISMS: %s\n", isms);
            fprintf(c->out, "%s: %s\n", en ? "Privacy mark" : "プライバシーマーク", pm);
            if (v->note)
                fprintf(c->out, "%s:\n%s\n", en ? "Note" : "備考", v->note);
            if (v->archived_at) {
                char when[CLOCK_LOCAL_SIZE];
                clock_local_text(v->archived_at, true, when);
                fprintf(c->out, "%s: %s\n", en ? "Archived" : "アーカイブ", when);
            }
        } else {
            char num[24];
            snprintf(num, sizeof num, "%lld", (long long)v->id);
            cli_cell(c->out, num, 4);
            cli_cell(c->out, v->name, 28);
            cli_cell(c->out, isms, 30);
            cli_cell(c->out, pm, 30);
            fprintf(c->out, "%s\n", v->contact ? v->contact : "-");
        }
        free(isms);
        free(pm);
    }
    if (arr)
        cli_json_print(c, arr);
    else if (n == 0 && !opts[0].seen)
        fprintf(c->out, opts[1].seen ? (en ? "(no archived vendors)\n" : "（アーカイブした事業者はありません）\n")
                                     : (en ? "(no vendors)\n" : "（事業者が登録されていません）\n"));
    ws_vendor_list_free(list, n);
    cli_options_free(opts, 2);
    return EXIT_OK;
}

static int vendor_run(cli_ctx *c, int argc, char **argv)
{
    return cli_records_run(c, argc, argv, "vendor", vendor_usage, cmd_save, cmd_list);
}

const cli_group cli_group_vendor = {
    .name = "vendor", .summary = "vendors (事業者)", .run = vendor_run, .usage = vendor_usage};
