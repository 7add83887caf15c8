/* Shared plumbing for the command groups (one file per group: cli_catalog.c, …). */
#ifndef ANZEN_CLI_INTERNAL_H
#define ANZEN_CLI_INTERNAL_H

#include "catalog/lib.h"
#include "cli.h"
#include "store/lib.h"

typedef struct {
    const session_opts *g;
    const char *who; /* the actor of every change (session_actor; a command never asks) */
    FILE *out, *err;
    store *st; /* opened by cli_open */
} cli_ctx;

/* Opens the database and imports changed catalogs; catalog problems are printed as warnings.
 * Returns 0 or an exit code (message already printed). */
int cli_open(cli_ctx *c);
void cli_close(cli_ctx *c);

/* A command group: `name` and its dispatcher. */
typedef struct {
    const char *name;
    const char *summary;
    int (*run)(cli_ctx *c, int argc, char **argv); /* argv[0] is the subcommand */
    void (*usage)(FILE *out);
    bool runs_bare; /* `anzen NAME` alone is a valid call (e.g. progress of everything) */
} cli_group;

extern const cli_group cli_group_catalog;
extern const cli_group cli_group_org, cli_group_vendor, cli_group_system, cli_group_assess, cli_group_answer, cli_group_progress, cli_group_history, cli_group_diff;
extern const cli_group cli_group_export, cli_group_snapshot, cli_group_verify; /* cli_export.c */
/* Hospital <-> vendor exchange (cli_bundle.c, cli_reconcile.c); anzen answer agree. */
extern const cli_group cli_group_bundle, cli_group_key, cli_group_reconcile;
extern const cli_group cli_group_import; /* cli_import_answers.c: anzen import answers */
int cli_answer_agree(cli_ctx *c, int argc, char **argv);
extern const cli_group cli_group_deemed; /* cli_deemed.c */
extern const cli_group cli_group_evidence; /* cli_evidence.c */
/* anzen assess field (cli_field.c), dispatched by cli_assess.c. */
int cli_assess_field(cli_ctx *c, int argc, char **argv);
/* anzen catalog import-sheet (cli_import_sheet.c), dispatched by cli_catalog.c. */
int cli_import_sheet(cli_ctx *c, int argc, char **argv);
void cli_import_sheet_usage(FILE *out);

/* For a group's run when argv[0] is none of its subcommands: prints
 * `anzen: unknown command "GROUP SUB"` and the group's usage to err; returns EXIT_USAGE. */
int cli_unknown_subcommand(cli_ctx *c, const char *group, const char *sub, void (*usage)(FILE *out));

/* A group's subcommands as data: a name and the function that runs it; two names sharing one
 * function (accept / reject, add / edit) give it `flag` through run_flag. Rows are written with
 * CLI_SUB / CLI_SUB_FLAG, which tests/cli/help_coverage.sh reads from the sources. */
typedef struct {
    const char *name;
    int (*run)(cli_ctx *c, int argc, char **argv);
    int (*run_flag)(cli_ctx *c, int argc, char **argv, bool flag);
    bool flag;
} cli_subcommand;
#define CLI_SUB(name, fn) {(name), (fn), NULL, false}
#define CLI_SUB_FLAG(name, fn, flag) {(name), NULL, (fn), (flag)}

/* Runs the row of subs named argv[0], else cli_unknown_subcommand with the group's usage. */
int cli_subcommand_run(cli_ctx *c, int argc, char **argv, const char *group, const cli_subcommand *subs, size_t n,
                       void (*usage)(FILE *out));

/* Prints "anzen: message" to err and returns code. */
int cli_fail(cli_ctx *c, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Very small option scanner: returns the value of --name (or --name=value) at argv[*i], advancing
 * *i, or NULL when argv[*i] is not that option. Missing value → *missing set. */
const char *cli_opt(int argc, char **argv, int *i, const char *name, bool *missing);

#endif
