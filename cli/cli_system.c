/* anzen system add | edit | list | show — the system inventory (システム台帳). */
#include <stdlib.h>

#include "cli_changes.h"
#include "cli_common.h"
#include "text/lib.h"

static void system_usage(FILE *out)
{
    fprintf(out,
            "  system add NAME --category C [--vendor V --product P --product-version X\n"
            "          --hosting on-premises|cloud|hybrid --remote yes|no --remote-method M\n"
            "          --remote-restriction R --medical-device yes|no --patient-data yes|no\n"
            "          --sbom yes|no --sbom-ref REF --end-of-support DATE --backup-method M\n"
            "          --backup-generations N --restore-by WHO --restore-method HOW --disposal HOW\n"
            "          --documents DOCS --note T\n"
            "          --security-updates hospital|vendor|none --updates-in-contract yes|no\n"
            "          --port-in 'PORTS|PROTOCOL|PURPOSE|NOTE' --port-out '…' (repeatable)\n"
            "          --storage 'MEDIUM|LOCATION|CONTENT' --connection 'PEER|METHOD|PURPOSE'\n"
            "          --control 'TYPE|MEASURE' (repeatable; 補完的リスクコントロール)]\n"
            "  system edit SYSTEM [--name NEW and the options of add; a list option adds rows to that list,\n"
            "          --replace-ports --replace-storage --replace-connections --replace-controls make the\n"
            "          given rows the whole list, --clear-ports --clear-storage --clear-connections\n"
            "          --clear-controls empty it; what changed is printed]\n"
            "  system list [--archived] [--json]   the inventory (--archived: only the archived systems)\n"
            "  system delete SYSTEM            delete one nothing refers to (else archive it)\n"
            "  system archive SYSTEM / system restore SYSTEM   hide from the lists (kept, with its history) / bring back\n"
            "  system undo                     undo your own last delete, archive or restore of a system\n"
            "  system show SYSTEM [--json]     (SYSTEM = name or #id)\n"
            "  categories: ");
    for (size_t i = 0; i < ws_category_count; i++)
        fprintf(out, "%s%s(%s)", i ? " " : "", ws_categories[i].code, ws_categories[i].ja);
    fputc('\n', out);
}

#define SYSTEM_OPTS                                                                                                \
    {.name = "name"}, {.name = "category"}, {.name = "vendor"}, {.name = "product"}, {.name = "product-version"},  \
        {.name = "hosting"}, {.name = "remote"}, {.name = "remote-method"}, {.name = "remote-restriction"},        \
        {.name = "medical-device"}, {.name = "patient-data"}, {.name = "sbom"}, {.name = "sbom-ref"},              \
        {.name = "end-of-support"}, {.name = "backup-method"}, {.name = "backup-generations"},                    \
        {.name = "restore-by"}, {.name = "restore-method"}, {.name = "disposal"}, {.name = "documents"},          \
        {.name = "note"}, {.name = "port-in", .repeat = true}, {.name = "port-out", .repeat = true},               \
        {.name = "storage", .repeat = true}, {.name = "connection", .repeat = true},                              \
        {.name = "control", .repeat = true}, {.name = "clear-ports", .flag = true},                               \
        {.name = "clear-storage", .flag = true}, {.name = "clear-connections", .flag = true},                     \
        {.name = "clear-controls", .flag = true}, {.name = "replace-ports", .flag = true},                        \
        {.name = "replace-storage", .flag = true}, {.name = "replace-connections", .flag = true},                 \
        {.name = "replace-controls", .flag = true},                                                          \
        {.name = "security-updates"}, {.name = "updates-in-contract"}

#define OPT(name) cli_option_get(opts, nopts, name)

/* A list row core refused: its message with the option as the field. */
static int row_failed(cli_ctx *c, const char *option, status_detail *err)
{
    char *field = xasprintf("--%s", option);
    status_set_field(err, field);
    free(field);
    return cli_fail_status(c, err);
}

static void free_systems_lists(ws_system *sys, bool ports, bool storage, bool conns, bool controls)
{
    ws_system tmp = {0};
    if (ports) {
        tmp.ports = sys->ports, tmp.nports = sys->nports;
        sys->ports = NULL, sys->nports = 0;
    }
    if (storage) {
        tmp.storage = sys->storage, tmp.nstorage = sys->nstorage;
        sys->storage = NULL, sys->nstorage = 0;
    }
    if (conns) {
        tmp.connections = sys->connections, tmp.nconnections = sys->nconnections;
        sys->connections = NULL, sys->nconnections = 0;
    }
    if (controls) {
        tmp.controls = sys->controls, tmp.ncontrols = sys->ncontrols;
        sys->controls = NULL, sys->ncontrols = 0;
    }
    ws_system_free(&tmp);
}

/* The four lists of a system as the command line edits them: the row options, and the flags that
 * replace or clear the list. */
typedef struct {
    const char *rows[2];
    const char *replace, *clear;
} list_kind;

static const list_kind list_kinds[] = {
    {{"port-in", "port-out"}, "replace-ports", "clear-ports"},
    {{"storage", NULL}, "replace-storage", "clear-storage"},
    {{"connection", NULL}, "replace-connections", "clear-connections"},
    {{"control", NULL}, "replace-controls", "clear-controls"},
};
#define LIST_KINDS AZ_ARRAY_LEN(list_kinds)

/* Whether the stored rows of one list go (*drop); a contradictory combination is a usage error. */
static int list_mode(cli_ctx *c, cli_option *opts, size_t nopts, const list_kind *k, bool *drop)
{
    bool rows = OPT(k->rows[0])->seen || (k->rows[1] && OPT(k->rows[1])->seen);
    bool replace = OPT(k->replace)->seen, clear = OPT(k->clear)->seen;
    *drop = replace || clear;
    if (clear && (rows || replace))
        return cli_fail(c, EXIT_USAGE, "--%s empties the list; to set new rows use --%s with --%s", k->clear,
                        k->replace, k->rows[0]);
    if (replace && !rows)
        return cli_fail(c, EXIT_USAGE, "--%s needs the new rows (--%s …); to empty the list use --%s", k->replace,
                        k->rows[0], k->clear);
    return 0;
}

static int apply_options(cli_ctx *c, ws_system *sys, cli_option *opts, size_t nopts)
{
    /* the fields, as core describes them once (workspace/fields.h); a vendor by name or #id */
    for (size_t i = 0; i < ws_system_field_count; i++) {
        const ws_field *f = &ws_system_fields[i];
        cli_option *o = OPT(f->option);
        if (!o->seen)
            continue;
        if (f->kind == WS_FIELD_VENDOR) {
            sys->vendor_id = 0;
            int r = str_empty(o->value) ? 0 : cli_vendor_arg(c, o->value, &sys->vendor_id);
            if (r)
                return r;
            continue;
        }
        status_detail err = {0};
        if (ws_field_set(sys, f, o->value, &err) != STATUS_OK) {
            if (err.code == STATUS_CATEGORY_UNKNOWN) {
                status_set_field(&err, "--category");
                return cli_fail_status_see(c, &err, "anzen system --help");
            }
            return row_failed(c, f->option, &err);
        }
    }
    int r = 0;

    /* A row option adds to its list; only --replace-X or --clear-X drops the rows already there. */
    bool drop[LIST_KINDS];
    for (size_t k = 0; k < LIST_KINDS; k++) {
        r = list_mode(c, opts, nopts, &list_kinds[k], &drop[k]);
        if (r)
            return r;
    }
    free_systems_lists(sys, drop[0], drop[1], drop[2], drop[3]);
    size_t cap;
    cap = sys->nports;
    for (int dir = 0; dir < 2; dir++) {
        cli_option *o = OPT(dir == 0 ? "port-in" : "port-out");
        for (size_t i = 0; i < o->values.len; i++) {
            status_detail err = {0};
            GROW(sys->ports, cap, sys->nports + 1);
            if (ws_port_parse(o->values.items[i], dir == 0 ? PORT_IN : PORT_OUT, &sys->ports[sys->nports], &err) !=
                STATUS_OK)
                return row_failed(c, o->name, &err);
            sys->nports++;
        }
    }
    cli_option *o = OPT("storage");
    cap = sys->nstorage;
    for (size_t i = 0; i < o->values.len; i++) {
        status_detail err = {0};
        GROW(sys->storage, cap, sys->nstorage + 1);
        if (ws_storage_parse(o->values.items[i], &sys->storage[sys->nstorage], &err) != STATUS_OK)
            return row_failed(c, o->name, &err);
        sys->nstorage++;
    }
    o = OPT("connection");
    cap = sys->nconnections;
    for (size_t i = 0; i < o->values.len; i++) {
        status_detail err = {0};
        GROW(sys->connections, cap, sys->nconnections + 1);
        if (ws_connection_parse(o->values.items[i], &sys->connections[sys->nconnections], &err) != STATUS_OK)
            return row_failed(c, o->name, &err);
        sys->nconnections++;
    }
    o = OPT("control");
    cap = sys->ncontrols;
    for (size_t i = 0; i < o->values.len; i++) {
        status_detail err = {0};
        GROW(sys->controls, cap, sys->ncontrols + 1);
        if (ws_control_parse(o->values.items[i], &sys->controls[sys->ncontrols], &err) != STATUS_OK)
            return row_failed(c, o->name, &err);
        sys->ncontrols++;
    }
    return 0;
}

static int cmd_save(cli_ctx *c, int argc, char **argv, bool add)
{
    cli_option opts[] = {SYSTEM_OPTS};
    size_t nopts = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, nopts, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, add ? "system add needs one NAME" : "system edit needs one SYSTEM (name or #id)");
    if (r == 0 && add && !OPT("category")->seen)
        r = cli_fail(c, EXIT_USAGE, "system add needs --category (see anzen system --help)");
    if (r == 0)
        r = cli_open(c);
    ws_system sys = {0};
    status_detail err = {0};
    if (r == 0 && !add) {
        int64_t id;
        status_code st = ws_system_find(c->st, pos.items[0], &id, &err);
        if (st == STATUS_OK)
            st = ws_system_get(c->st, id, &sys, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
    }
    if (r == 0) {
        if (add)
            sys.name = xstrdup(pos.items[0]);
        r = apply_options(c, &sys, opts, nopts);
    }
    if (r == 0) {
        int64_t id = 0;
        int64_t mark = add ? 0 : cli_changes_mark(c, "system", sys.id);
        status_code st = ws_system_save(c->st, &sys, c->who, &id, &err);
        if (st != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            fprintf(c->out, c->g->english ? "saved system #%lld %s\n" : "システム #%lld %s を保存しました\n",
                    (long long)id, sys.name);
            if (!add)
                cli_changes_print(c, "system", id, mark);
        }
    }
    ws_system_free(&sys);
    cli_options_free(opts, nopts);
    sl_free(&pos);
    return r;
}

static const char *category_label(const char *code, bool en)
{
    const ws_category *k = ws_category_parse(code);
    return k ? (en ? k->en : k->ja) : (code ? code : "-");
}

static const char *tri_label(ws_tri t, bool en)
{
    return t == TRI_YES ? (en ? "yes" : "あり") : t == TRI_NO ? (en ? "no" : "なし") : "-";
}

static cJSON *system_json(const ws_system *s)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "id", (double)s->id);
    for (size_t i = 0; i < ws_system_field_count; i++) {
        const ws_field *f = &ws_system_fields[i];
        char *v = ws_field_text(s, f);
        if (f->kind == WS_FIELD_VENDOR) {
            if (s->vendor_id)
                cJSON_AddNumberToObject(j, "vendor_id", (double)s->vendor_id);
            else
                cJSON_AddNullToObject(j, "vendor_id");
            cli_json_str(j, "vendor", s->vendor_name);
        } else if (f->kind == WS_FIELD_INT) {
            if (*v)
                cJSON_AddNumberToObject(j, f->key, atoi(v));
            else
                cJSON_AddNullToObject(j, f->key);
        } else {
            cli_json_str(j, f->key, *v ? v : NULL);
        }
        free(v);
    }
    if (s->archived_at)
        cli_json_str(j, "archived_at", s->archived_at);
    cJSON *a = cJSON_AddArrayToObject(j, "ports");
    for (size_t i = 0; i < s->nports; i++) {
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "dir", s->ports[i].dir == PORT_IN ? "in" : "out");
        cli_json_str(p, "ports", s->ports[i].ports);
        cli_json_str(p, "protocol", s->ports[i].protocol);
        cli_json_str(p, "purpose", s->ports[i].purpose);
        cli_json_str(p, "note", s->ports[i].note);
        cJSON_AddItemToArray(a, p);
    }
    a = cJSON_AddArrayToObject(j, "storage");
    for (size_t i = 0; i < s->nstorage; i++) {
        cJSON *p = cJSON_CreateObject();
        cli_json_str(p, "medium", s->storage[i].medium);
        cli_json_str(p, "location", s->storage[i].location);
        cli_json_str(p, "content", s->storage[i].content);
        cJSON_AddItemToArray(a, p);
    }
    a = cJSON_AddArrayToObject(j, "connections");
    for (size_t i = 0; i < s->nconnections; i++) {
        cJSON *p = cJSON_CreateObject();
        cli_json_str(p, "peer", s->connections[i].peer);
        cli_json_str(p, "method", s->connections[i].method);
        cli_json_str(p, "purpose", s->connections[i].purpose);
        cJSON_AddItemToArray(a, p);
    }
    a = cJSON_AddArrayToObject(j, "controls");
    for (size_t i = 0; i < s->ncontrols; i++) {
        cJSON *p = cJSON_CreateObject();
        cli_json_str(p, "type", s->controls[i].kind);
        cli_json_str(p, "measure", s->controls[i].measure);
        cJSON_AddItemToArray(a, p);
    }
    return j;
}

static void show_text(cli_ctx *c, const char *label, const char *v)
{
    if (str_empty(v))
        fprintf(c->out, "%s: -\n", label);
    else if (strchr(v, '\n')) {
        fprintf(c->out, "%s:\n  ", label);
        for (const char *p = v; *p; p++) {
            fputc(*p, c->out);
            if (*p == '\n')
                fputs("  ", c->out);
        }
        fputc('\n', c->out);
    }
    else
        fprintf(c->out, "%s: %s\n", label, v);
}

/* A field's value as `system show` prints it: labels of codes, dates as entered elsewhere, "-"
 * for nothing recorded. Caller frees. */
static char *field_display(const ws_system *s, const ws_field *f, bool en)
{
    const void *at = (const char *)s + f->offset;
    switch (f->kind) {
    case WS_FIELD_CATEGORY: return xstrdup(category_label(s->category, en));
    case WS_FIELD_VENDOR: return xstrdup(s->vendor_name ? s->vendor_name : "");
    case WS_FIELD_HOSTING: return xstrdup(str_empty(s->hosting) ? "" : ws_hosting_label(s->hosting, en));
    case WS_FIELD_UPDATES_BY:
        return xstrdup(str_empty(s->security_updates_by) ? "" : ws_updates_by_label(s->security_updates_by, en));
    case WS_FIELD_TRI: return xstrdup(tri_label(*(const ws_tri *)at, en));
    case WS_FIELD_INT: return *(const int *)at ? xasprintf("%d", *(const int *)at) : xstrdup("");
    case WS_FIELD_DATE: {
        char *d = cli_date_text(*(char *const *)at);
        char today[11];
        jpdate_format_iso(jpdate_today(), today);
        if (f->offset == offsetof(ws_system, end_of_support) && ws_system_unsupported(s, today)) {
            char *t = xasprintf("%s %s", d, en ? "[support ended]" : "［サポート終了］");
            free(d);
            return t;
        }
        return d;
    }
    case WS_FIELD_TEXT:
    case WS_FIELD_LINES: break;
    }
    return ws_field_text(s, f);
}

static void show_system(cli_ctx *c, const ws_system *s)
{
    bool en = c->g->english;
    fprintf(c->out, "#%lld %s\n", (long long)s->id, s->name);
    /* the fields as fields.h describes them (the name is the heading), then the lists */
    for (size_t i = 0; i < ws_system_field_count; i++) {
        const ws_field *f = &ws_system_fields[i];
        if (f->offset == offsetof(ws_system, name))
            continue;
        char *v = field_display(s, f, en);
        show_text(c, en ? f->en : f->ja, v);
        free(v);
    }
    const char *titles[] = {en ? "Ports" : "ネットワークポート", en ? "Storage" : "データ保存場所",
                            en ? "External connections" : "外部接続", en ? "Compensating controls" : "補完的対策"};
    size_t counts[] = {s->nports, s->nstorage, s->nconnections, s->ncontrols};
    for (int k = 0; k < 4; k++) {
        if (!counts[k])
            continue;
        fprintf(c->out, "%s:\n", titles[k]);
        for (size_t i = 0; i < counts[k]; i++) {
            char *t = k == 0   ? ws_port_format(&s->ports[i])
                      : k == 1 ? ws_storage_format(&s->storage[i])
                      : k == 2 ? ws_connection_format(&s->connections[i])
                               : ws_control_format(&s->controls[i]);
            fprintf(c->out, "  %s\n", t);
            free(t);
        }
    }
    if (s->archived_at) {
        char when[CLOCK_LOCAL_SIZE];
        clock_local_text(s->archived_at, true, when);
        show_text(c, en ? "Archived" : "アーカイブ", when);
    }
}

static int cmd_list(cli_ctx *c, int argc, char **argv, bool show)
{
    cli_option opts[] = {{.name = "json", .flag = true}, {.name = "archived", .flag = true}};
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, 2, &pos);
    if (r == 0 && show && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "system show needs one SYSTEM (name or #id)");
    if (r == 0 && show && opts[1].seen)
        r = cli_fail(c, EXIT_USAGE, "--archived is an option of system list");
    if (r == 0 && !show && pos.len)
        r = cli_fail(c, EXIT_USAGE, "system list takes no arguments");
    if (r == 0)
        r = cli_open(c);
    status_detail err = {0};
    int64_t id = 0;
    if (r == 0 && show) {
        status_code st = ws_system_find(c->st, pos.items[0], &id, &err);
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
    }
    sl_free(&pos);
    if (r != 0)
        return r;
    bool en = c->g->english;
    bool json = opts[0].seen;
    if (show) {
        ws_system s;
        status_code st = ws_system_get(c->st, id, &s, &err);
        if (st != STATUS_OK)
            return cli_fail_status(c, &err);
        if (json)
            cli_json_print(c, system_json(&s));
        else
            show_system(c, &s);
        ws_system_free(&s);
        return EXIT_OK;
    }
    ws_system *list;
    size_t n;
    if (ws_system_list(c->st, &list, &n, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    /* list shows the systems in use, --archived only the archived ones */
    size_t shown = 0;
    for (size_t i = 0; i < n; i++)
        if (!list[i].archived_at == !opts[1].seen)
            list[shown++] = list[i];
        else
            ws_system_free(&list[i]);
    n = shown;
    char today[11];
    jpdate_format_iso(jpdate_today(), today);
    if (json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++)
            cJSON_AddItemToArray(arr, system_json(&list[i]));
        cli_json_print(c, arr);
    } else {
        cli_cell(c->out, "#", 4);
        cli_cell(c->out, en ? "SYSTEM" : "システム", 24);
        cli_cell(c->out, en ? "CATEGORY" : "分類", 14);
        cli_cell(c->out, en ? "VENDOR" : "事業者", 22);
        cli_cell(c->out, en ? "HOSTING" : "設置", 12);
        cli_cell(c->out, en ? "REMOTE" : "リモート保守", 12);
        fprintf(c->out, "%s\n", en ? "END OF SUPPORT" : "サポート終了");
        for (size_t i = 0; i < n; i++) {
            const ws_system *s = &list[i];
            char num[24];
            snprintf(num, sizeof num, "%lld", (long long)s->id);
            cli_cell(c->out, num, 4);
            cli_cell(c->out, s->name, 24);
            cli_cell(c->out, category_label(s->category, en), 14);
            cli_cell(c->out, s->vendor_name ? s->vendor_name : "-", 22);
            const char *hosting = ws_hosting_label(s->hosting, en);
            cli_cell(c->out, hosting ? hosting : "-", 12);
            cli_cell(c->out, tri_label(s->remote_maintenance, en), 12);
            fprintf(c->out, "%s%s\n", s->end_of_support ? s->end_of_support : "-",
                    ws_system_unsupported(s, today) ? (en ? " [support ended]" : " ［サポート終了］") : "");
        }
        if (n == 0)
            fprintf(c->out, opts[1].seen ? (en ? "(no archived systems)\n" : "（アーカイブしたシステムはありません）\n")
                                         : (en ? "(no systems)\n" : "（システムが登録されていません）\n"));
    }
    ws_system_list_free(list, n);
    cli_options_free(opts, 2);
    return EXIT_OK;
}

static int system_run(cli_ctx *c, int argc, char **argv)
{
    return cli_records_run(c, argc, argv, "system", system_usage, cmd_save, cmd_list);
}

const cli_group cli_group_system = {
    .name = "system", .summary = "system inventory (システム台帳)", .run = system_run, .usage = system_usage};
