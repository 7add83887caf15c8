#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/lib.h"
#include "cli_common.h"
#include "cli_contract.h"
#include "cli_help_render.h"
#include "cli_safe_out.h"
#include "store/lib.h"
#include "base/lib.h"
#include "text/lib.h"

#ifndef ANZEN_VERSION
#define ANZEN_VERSION "0"
#endif

static const cli_group *const groups[] = {&cli_group_catalog, &cli_group_org, &cli_group_vendor, &cli_group_system, &cli_group_assess, &cli_group_answer, &cli_group_evidence, &cli_group_progress, &cli_group_history, &cli_group_diff, &cli_group_contract, &cli_group_deemed, &cli_group_export, &cli_group_snapshot, &cli_group_verify, &cli_group_bundle, &cli_group_key, &cli_group_reconcile, &cli_group_import};

void cli_usage(FILE *out, bool english)
{
    cli_help_print_usage(out, english);
}

const char *cli_opt(int argc, char **argv, int *i, const char *name, bool *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, name, n) != 0)
        return NULL;
    if (a[2 + n] == '=')
        return a + 3 + n;
    if (a[2 + n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    (*i)++;
    return argv[*i];
}

int cli_parse_globals(int argc, char **argv, int *argi, session_opts *g, FILE *out, FILE *err)
{
    g->english = session_env_english();
    int i = *argi;
    for (; i < argc && argv[i][0] == '-'; i++) {
        bool missing = false;
        const char *v;
        if (str_eq(argv[i], "--help") || str_eq(argv[i], "-h")) {
            cli_usage(out, g->english);
            return EXIT_OK;
        } else if (str_eq(argv[i], "--version") || str_eq(argv[i], "-V")) {
            fprintf(out, "anzen %s\n", ANZEN_VERSION);
            return EXIT_OK;
        } else if ((v = cli_opt(argc, argv, &i, "db", &missing))) {
            if (!*v) {
                fprintf(err, "anzen: --db needs a file path\n");
                return EXIT_USAGE;
            }
            g->db_path = v;
        } else if ((v = cli_opt(argc, argv, &i, "lang", &missing))) {
            if (!str_eq(v, "ja") && !str_eq(v, "en")) {
                fprintf(err, "anzen: --lang must be ja or en, not \"%s\"\n", v);
                return EXIT_USAGE;
            }
            g->english = str_eq(v, "en");
            g->lang_forced = true;
        } else if ((v = cli_opt(argc, argv, &i, "user", &missing))) {
            if (str_empty(v) || strchr(v, '\n')) {
                fprintf(err, "anzen: --user needs a name (one line)\n");
                return EXIT_USAGE;
            }
            g->user = v;
        } else if (missing) {
            fprintf(err, "anzen: %s needs a value\n", argv[i]);
            return EXIT_USAGE;
        } else {
            fprintf(err, "anzen: unknown option %s (see anzen --help)\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    const char *now = NULL;
    if (!clock_env_check(&now)) {
        fprintf(err, "anzen: ANZEN_NOW is a test hook and must be an ISO 8601 UTC time like 2026-05-10T09:00:00Z,"
                     " not \"%s\" (unset it to use the real clock)\n", now);
        return EXIT_USAGE;
    }
    *argi = i;
    return -1;
}

int cli_fail(cli_ctx *c, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("anzen: ", c->err);
    vfprintf(c->err, fmt, ap);
    fputc('\n', c->err);
    va_end(ap);
    return code;
}

int cli_open(cli_ctx *c)
{
    status_detail err = {0};
    diag_list warnings = {0};
    status_code r = session_open(c->g, &c->st, &warnings, &err);
    for (size_t i = 0; i < warnings.len; i++) {
        char *m = diag_format(&warnings.items[i]);
        fprintf(c->err, "anzen: warning: %s\n", m);
        free(m);
    }
    diag_free(&warnings);
    if (r != STATUS_OK)
        return cli_fail_status(c, &err);
    if (store_readonly(c->st))
        fprintf(c->err, "anzen: note: %s is read-only; showing it without saving changes\n", store_path(c->st));
    return 0;
}

void cli_close(cli_ctx *c)
{
    store_close(c->st);
    c->st = NULL;
}

int cli_unknown_subcommand(cli_ctx *c, const char *group, const char *sub, void (*usage)(FILE *out))
{
    fprintf(c->err, "anzen: unknown command \"%s %s\"\n", group, sub);
    const cli_help_group *h = cli_help_group_find(group);
    if (h)
        cli_help_print_synopsis(c->err, h, c->g->english);
    else
        usage(c->err);
    return EXIT_USAGE;
}

int cli_subcommand_run(cli_ctx *c, int argc, char **argv, const char *group, const cli_subcommand *subs, size_t n,
                       void (*usage)(FILE *out))
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(argv[0], subs[i].name))
            return subs[i].run ? subs[i].run(c, argc, argv) : subs[i].run_flag(c, argc, argv, subs[i].flag);
    return cli_unknown_subcommand(c, group, argv[0], usage);
}

/* `anzen GROUP … --help` (or -h) anywhere before a `--`: help on the subcommand named right after
 * the group, else on the whole group. Returns true when it asked for help. */
static bool cli_wants_help(int argc, char **argv)
{
    for (int k = 1; k < argc && !str_eq(argv[k], "--"); k++)
        if (str_eq(argv[k], "--help") || str_eq(argv[k], "-h"))
            return true;
    return false;
}

static int cli_group_help(const session_opts *g, int argc, char **argv, FILE *out, FILE *err)
{
    const cli_help_group *h = cli_help_group_find(argv[0]);
    const char *sub = argc >= 2 && argv[1][0] != '-' && !str_eq(argv[1], "help") ? argv[1] : NULL;
    if (sub && h && !cli_help_cmd_find(h, sub) && cli_help_cmd_find(h, NULL))
        sub = NULL; /* a group that runs by itself: argv[1] is its argument */
    return cli_help_show(out, err, g->english, argv[0], sub);
}

int cli_run(const session_opts *g, int argc, char **argv, FILE *out, FILE *err)
{
    if (str_eq(argv[0], "help"))
        return cli_help_show(out, err, g->english, argc >= 2 ? argv[1] : NULL, argc >= 3 ? argv[2] : NULL);
    cli_ctx c = {.g = g, .who = session_actor(g, NULL), .out = out, .err = err};
    for (size_t i = 0; i < AZ_ARRAY_LEN(groups); i++) {
        if (!str_eq(argv[0], groups[i]->name))
            continue;
        if (argc >= 2 && (str_eq(argv[1], "help") || cli_wants_help(argc, argv)))
            return cli_group_help(g, argc, argv, out, err);
        if (argc < 2 && !groups[i]->runs_bare) {
            const cli_help_group *h = cli_help_group_find(argv[0]);
            if (h)
                cli_help_print_synopsis(err, h, g->english);
            else
                groups[i]->usage(err);
            return EXIT_USAGE;
        }
        int r = groups[i]->run(&c, argc - 1, argv + 1);
        cli_close(&c);
        return r;
    }
    fprintf(err, "anzen: unknown command \"%s\" (see anzen --help)\n", argv[0]);
    return EXIT_USAGE;
}

/* Text that is not UTF-8 would be stored and handed on as it is (and make --json output
 * invalid): every argument is refused at once, named by its option (or position), the bytes that
 * are not UTF-8 shown as \xNN. */
static int cli_refuse_not_utf8(const char *where, const char *text, bool english, FILE *err)
{
    strbuf shown = {0};
    for (size_t off = 0, n = strlen(text); off < n;) {
        int32_t cp;
        size_t k = utf8_decode(text + off, n - off, &cp);
        if (cp == 0xFFFD && k == 1)
            sb_addf(&shown, "\\x%02X", (unsigned char)text[off]);
        else
            sb_addn(&shown, text + off, k);
        off += k;
    }
    status_detail d = {0};
    status_fail(&d, &(status_info){STATUS_ARG_NOT_UTF8, .field = where, .value = shown.data});
    sb_free(&shown);
    char *m = status_format(&d, english);
    fprintf(err, "anzen: %s\n", m);
    free(m);
    int code = status_exit_code(d.code);
    status_detail_free(&d);
    return code;
}

static int cli_check_utf8_args(int argc, char **argv, bool english, FILE *err)
{
    for (int i = 1; i < argc; i++) {
        if (utf8_valid(argv[i]))
            continue;
        char *where = i > 1 && argv[i - 1][0] == '-' && argv[i - 1][1] == '-'
                          ? xstrdup(argv[i - 1])
                          : xasprintf(english ? "argument %d" : "%d 番目の引数", i);
        int code = cli_refuse_not_utf8(where, argv[i], english, err);
        free(where);
        return code;
    }
    return -1;
}

/* The acting user's name goes into every history row: the variable it comes from (the first set
 * of ANZEN_USER, USER, LOGNAME, as session_actor reads them; --user is an argument) must be
 * UTF-8 as well. */
static int cli_check_utf8_user(const session_opts *g, bool english, FILE *err)
{
    if (g && !str_empty(g->user))
        return -1;
    const char *vars[] = {"ANZEN_USER", "USER", "LOGNAME"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(vars); i++) {
        const char *v = getenv(vars[i]);
        if (str_empty(v))
            continue;
        return utf8_valid(v) ? -1 : cli_refuse_not_utf8(vars[i], v, english, err);
    }
    return -1;
}

int cli_main(int argc, char **argv, session_opts *g, FILE *out, FILE *err)
{
    /* Everything the CLI writes goes through the terminal-safe filter (cli_safe_out.h). */
    FILE *sout = cli_safe_stream(out), *serr = cli_safe_stream(err);
    FILE *o = sout ? sout : out, *e = serr ? serr : err;
    int i = 1;
    int r = cli_parse_globals(argc, argv, &i, g, o, e);
    if (r < 0)
        r = cli_check_utf8_args(argc, argv, g->english, e);
    if (r < 0)
        r = cli_check_utf8_user(g, g->english, e);
    if (r < 0 && i < argc)
        r = cli_run(g, argc - i, argv + i, o, e);
    if (sout)
        fclose(sout);
    if (serr)
        fclose(serr);
    return r; /* -1: no command, open the workbench */
}
