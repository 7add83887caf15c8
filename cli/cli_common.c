#include "cli_common.h"

#include <stdlib.h>

#include "assess/lib.h"
#include "text/lib.h"

int cli_parse_options(cli_ctx *c, int argc, char **argv, cli_option *opts, size_t nopts, strlist *pos)
{
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--", 2) != 0 || str_eq(argv[i], "--")) {
            if (str_eq(argv[i], "--") && i + 1 < argc)
                i++;
            sl_push(pos, argv[i]);
            continue;
        }
        bool matched = false;
        for (size_t k = 0; k < nopts && !matched; k++) {
            cli_option *o = &opts[k];
            if (o->flag) {
                if (str_eq(argv[i] + 2, o->name)) {
                    o->seen = matched = true;
                    o->value = "1";
                }
                continue;
            }
            bool missing = false;
            const char *v = cli_opt(argc, argv, &i, o->name, &missing);
            if (missing)
                return cli_fail(c, EXIT_USAGE, "--%s needs a value", o->name);
            if (!v)
                continue;
            if (o->seen && !o->repeat)
                return cli_fail(c, EXIT_USAGE, "--%s given twice", o->name);
            o->seen = matched = true;
            o->value = v;
            sl_push(&o->values, v);
        }
        if (!matched)
            return cli_fail(c, EXIT_USAGE, "unknown option %s", argv[i]);
    }
    return 0;
}

cli_option *cli_option_get(cli_option *opts, size_t nopts, const char *name)
{
    for (size_t k = 0; k < nopts; k++)
        if (str_eq(opts[k].name, name))
            return &opts[k];
    fprintf(stderr, "anzen: internal: option table has no --%s\n", name);
    abort();
}

void cli_options_free(cli_option *opts, size_t nopts)
{
    for (size_t k = 0; k < nopts; k++)
        sl_free(&opts[k].values);
}

void cli_option_text(char **field, const cli_option *o)
{
    if (o->seen) {
        free(*field);
        *field = str_empty(o->value) ? NULL : xstrdup(o->value);
    }
}

int cli_option_tri(cli_ctx *c, ws_tri *t, const cli_option *o)
{
    if (o->seen && !ws_tri_parse(o->value, t))
        return cli_fail_option(c, o->name, &(status_info){STATUS_NOT_YES_NO, .value = o->value});
    return 0;
}

int cli_option_date(cli_ctx *c, char **field, const cli_option *o)
{
    if (!o->seen)
        return 0;
    char iso[11];
    if (!cli_date_arg(c, o->name, o->value, iso))
        return EXIT_INVALID;
    free(*field);
    *field = iso[0] ? xstrdup(iso) : NULL;
    return 0;
}

int cli_fail_status_see(cli_ctx *c, status_detail *d, const char *command)
{
    int code = status_exit_code(status_failed(d));
    char *m = status_format(d, c->g->english);
    if (!command)
        cli_fail(c, code, "%s", m);
    else if (c->g->english)
        cli_fail(c, code, "%s (see %s)", m, command);
    else
        cli_fail(c, code, "%s（%s を参照）", m, command);
    free(m);
    status_detail_free(d);
    return code;
}

int cli_fail_status_use(cli_ctx *c, status_detail *d, const char *command)
{
    int code = status_exit_code(status_failed(d));
    char *m = status_format(d, c->g->english);
    cli_fail(c, code, c->g->english ? "%s; use %s" : "%s。%s を使ってください", m, command);
    free(m);
    status_detail_free(d);
    return code;
}

int cli_fail_status(cli_ctx *c, status_detail *d)
{
    return cli_fail_status_see(c, d, NULL);
}

int cli_fail_option(cli_ctx *c, const char *option, const status_info *in)
{
    status_detail d = {0};
    status_fail(&d, in);
    char *field = xasprintf("--%s", option);
    status_set_field(&d, field);
    free(field);
    return cli_fail_status(c, &d);
}

bool cli_date_arg(cli_ctx *c, const char *what, const char *in, char iso[11])
{
    if (str_empty(in)) {
        iso[0] = '\0';
        return true;
    }
    status_detail err = {0};
    if (!jpdate_parse_iso(in, iso, &err)) {
        char *field = xasprintf("--%s", what);
        status_set_field(&err, field);
        free(field);
        cli_fail_status(c, &err);
        return false;
    }
    return true;
}

void cli_cell(FILE *out, const char *s, int cols)
{
    char *p = text_pad(s ? s : "", cols, "…");
    fputs(p, out);
    fputc(' ', out);
    free(p);
}

void cli_json_print(cli_ctx *c, cJSON *v)
{
    char *s = cJSON_Print(v);
    fprintf(c->out, "%s\n", s);
    cJSON_free(s);
    cJSON_Delete(v);
}

void cli_json_str(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

int cli_records_run(cli_ctx *c, int argc, char **argv, const char *group, void (*usage)(FILE *out), cli_record_cmd save,
                   cli_record_cmd list)
{
    if (str_eq(argv[0], "add") || str_eq(argv[0], "edit"))
        return save(c, argc, argv, str_eq(argv[0], "add"));
    if (str_eq(argv[0], "list") || str_eq(argv[0], "show"))
        return list(c, argc, argv, str_eq(argv[0], "show"));
    if (str_eq(argv[0], "delete") || str_eq(argv[0], "archive") || str_eq(argv[0], "restore") ||
        str_eq(argv[0], "undo"))
        return cli_retire_run(c, argc, argv, str_eq(group, "vendor") ? WS_VENDOR : WS_SYSTEM);
    return cli_unknown_subcommand(c, group, argv[0], usage);
}

int cli_vendor_arg(cli_ctx *c, const char *key, int64_t *id)
{
    status_detail err = {0};
    if (ws_vendor_find(c->st, key, id, &err) != STATUS_OK)
        return cli_fail_status_see(c, &err, err.code == STATUS_VENDOR_NOT_FOUND ? "anzen vendor list" : NULL);
    return 0;
}

int cli_assessment_arg(cli_ctx *c, const char *key, int64_t *id)
{
    status_detail err = {0};
    status_code st = assess_find(c->st, key, id, &err);
    return st == STATUS_OK ? 0 : cli_fail_status(c, &err);
}

char *cli_fy_text(cli_ctx *c, int fy)
{
    return jpdate_fy_label_both(fy, c->g->english);
}

char *cli_date_text(const char *iso)
{
    if (str_empty(iso))
        return xstrdup("-");
    jp_date d;
    status_detail err = {0};
    if (!jpdate_parse(iso, &d, &err)) {
        status_detail_free(&err);
        return xstrdup(iso);
    }
    char *w = jpdate_format_wareki(d, true);
    char *r = xasprintf("%s (%s)", iso, w);
    free(w);
    return r;
}

char **cli_short_output(int argc, char **argv)
{
    static char output[] = "--output";
    char **v = xcalloc((size_t)argc + 1, sizeof *v);
    for (int i = 0; i < argc; i++)
        v[i] = str_eq(argv[i], "-o") ? output : argv[i];
    return v;
}
