/* anzen vendor add | edit | list | show — 事業者 with certifications. */
#include <stdlib.h>

#include "cli_ws.h"
#include "jpdate.h"

static void vendor_usage(FILE *out)
{
    fprintf(out, "  vendor add NAME [--contact P --phone T --email E --isms yes|no --isms-expiry DATE\n"
                 "                  --pmark yes|no --pmark-expiry DATE --note T]\n"
                 "  vendor edit VENDOR [--name NEW and the options of add]\n"
                 "  vendor list [--json]           vendors with ISMS / Pマーク and expiry\n"
                 "  vendor show VENDOR [--json]    (VENDOR = name or #id)\n");
}

#define VENDOR_OPTS                                                                                                \
    {.name = "name"}, {.name = "contact"}, {.name = "phone"}, {.name = "email"}, {.name = "isms"},                \
        {.name = "isms-expiry"}, {.name = "pmark"}, {.name = "pmark-expiry"}, {.name = "note"}

static int cmd_save(cli_ctx *c, int argc, char **argv, bool add)
{
    ws_opt opts[] = {VENDOR_OPTS};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = ws_parse(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, add ? "vendor add needs one NAME" : "vendor edit needs one VENDOR (name or #id)");
    if (r == 0)
        r = cli_open(c);
    ws_vendor v = {0};
    char *err = NULL;
    if (r == 0 && !add) {
        int64_t id;
        r = ws_vendor_arg(c, pos.items[0], &id);
        if (r == 0) {
            ws_status st = ws_vendor_get(c->st, id, &v, &err);
            if (st != WS_OK)
                r = ws_fail(c, st, err);
        }
    }
    if (r == 0) {
        if (add)
            v.name = xstrdup(pos.items[0]);
        ws_opt_text(&v.name, ws_opt_get(opts, n, "name"));
        ws_opt_text(&v.contact, ws_opt_get(opts, n, "contact"));
        ws_opt_text(&v.phone, ws_opt_get(opts, n, "phone"));
        ws_opt_text(&v.email, ws_opt_get(opts, n, "email"));
        ws_opt_text(&v.note, ws_opt_get(opts, n, "note"));
        r = ws_opt_tri(c, &v.isms, ws_opt_get(opts, n, "isms"));
        if (r == 0)
            r = ws_opt_tri(c, &v.pmark, ws_opt_get(opts, n, "pmark"));
        if (r == 0)
            r = ws_opt_date(c, &v.isms_expiry, ws_opt_get(opts, n, "isms-expiry"));
        if (r == 0)
            r = ws_opt_date(c, &v.pmark_expiry, ws_opt_get(opts, n, "pmark-expiry"));
    }
    if (r == 0) {
        int64_t id = 0;
        ws_status st = ws_vendor_save(c->st, &v, ws_current_user(), &id, &err);
        if (st != WS_OK)
            r = ws_fail(c, st, err);
        else
            fprintf(c->out, c->g->english ? "saved vendor #%lld %s\n" : "事業者 #%lld %s を保存しました\n",
                    (long long)id, v.name);
    }
    ws_vendor_free(&v);
    ws_opts_free(opts, n);
    sl_free(&pos);
    return r;
}

static cJSON *vendor_json(const ws_vendor *v)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)v->id);
    ws_json_str(j, "name", v->name);
    ws_json_str(j, "contact", v->contact);
    ws_json_str(j, "phone", v->phone);
    ws_json_str(j, "email", v->email);
    ws_json_str(j, "isms", v->isms ? ws_tri_name(v->isms) : NULL);
    ws_json_str(j, "isms_expiry", v->isms_expiry);
    ws_json_str(j, "pmark", v->pmark ? ws_tri_name(v->pmark) : NULL);
    ws_json_str(j, "pmark_expiry", v->pmark_expiry);
    ws_json_str(j, "note", v->note);
    ws_json_str(j, "updated_at", v->updated_at);
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
    ws_opt opts[] = {{.name = "json", .flag = true}};
    strlist pos = {0};
    int r = ws_parse(c, argc, argv, opts, 1, &pos);
    if (r == 0 && show && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "vendor show needs one VENDOR (name or #id)");
    if (r == 0 && !show && pos.len)
        r = cli_fail(c, EXIT_USAGE, "vendor list takes no arguments");
    if (r == 0)
        r = cli_open(c);
    int64_t id = 0;
    if (r == 0 && show)
        r = ws_vendor_arg(c, pos.items[0], &id);
    sl_free(&pos);
    if (r != 0)
        return r;
    ws_vendor *list;
    size_t n = ws_vendor_list(c->st, &list);
    bool en = c->g->english;
    cJSON *arr = opts[0].seen && !show ? cJSON_CreateArray() : NULL;
    if (!arr && !show && !opts[0].seen) {
        ws_cell(c->out, "#", 4);
        ws_cell(c->out, en ? "VENDOR" : "事業者", 28);
        ws_cell(c->out, "ISMS", 30);
        ws_cell(c->out, en ? "P-MARK" : "Pマーク", 30);
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
                ws_json_print(c, vendor_json(v));
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
        } else {
            char num[24];
            snprintf(num, sizeof num, "%lld", (long long)v->id);
            ws_cell(c->out, num, 4);
            ws_cell(c->out, v->name, 28);
            ws_cell(c->out, isms, 30);
            ws_cell(c->out, pm, 30);
            fprintf(c->out, "%s\n", v->contact ? v->contact : "-");
        }
        free(isms);
        free(pm);
    }
    if (arr)
        ws_json_print(c, arr);
    else if (n == 0 && !opts[0].seen)
        fprintf(c->out, en ? "(no vendors)\n" : "（事業者が登録されていません）\n");
    ws_vendor_list_free(list, n);
    ws_opts_free(opts, 1);
    return EXIT_OK;
}

static int vendor_run(cli_ctx *c, int argc, char **argv)
{
    return ws_records_run(c, argc, argv, "vendor", vendor_usage, cmd_save, cmd_list);
}

const cli_group cli_group_vendor = {
    .name = "vendor", .summary = "vendors (事業者)", .run = vendor_run, .usage = vendor_usage};
