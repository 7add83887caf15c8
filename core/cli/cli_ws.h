/* Helpers shared by the workspace / assessment command groups (cli_org.c, cli_vendor.c,
 * cli_system.c, cli_assess.c, cli_answer.c, cli_report.c): option tables, status → exit code,
 * columns, dates. */
#ifndef ANZEN_CLI_WS_H
#define ANZEN_CLI_WS_H

#include <cjson/cJSON.h>

#include "cli_internal.h"
#include "workspace.h"

/* One option of a command: --name VALUE, or a flag (--name). Repeatable options collect all values. */
typedef struct {
    const char *name;
    bool flag;
    bool repeat;
    /* results */
    bool seen;
    const char *value;
    strlist values;
} ws_opt;

/* Parses argv[1..] (argv[0] is the subcommand) into opts and positional arguments. Unknown option
 * or missing value → message and EXIT_USAGE; 0 otherwise. */
int ws_parse(cli_ctx *c, int argc, char **argv, ws_opt *opts, size_t nopts, strlist *pos);
/* The option by name (must be in the table). */
ws_opt *ws_opt_get(ws_opt *opts, size_t nopts, const char *name);
void ws_opts_free(ws_opt *opts, size_t nopts);

/* Applying a seen option to a record field (unseen options leave the field as it is):
 * text ("" clears to NULL); yes|no (else "--name: … is not yes or no", EXIT_INVALID); a date as
 * ws_date_arg ("" clears). The last two return 0 or the exit code after printing the message. */
void ws_opt_text(char **field, const ws_opt *o);
int ws_opt_tri(cli_ctx *c, ws_tri *t, const ws_opt *o);
int ws_opt_date(cli_ctx *c, char **field, const ws_opt *o);

/* Exit code for a status (NOT_FOUND → 1, INVALID → 3, CONFLICT → 1, DB → 4), printing err. */
int ws_fail(cli_ctx *c, ws_status st, char *err);

/* A user date (2025-04-01, 令和7年4月1日, R7.4.1) into ISO; "" stays "" (clears). Prints
 * "--what: message" and returns false when malformed. */
bool ws_date_arg(cli_ctx *c, const char *what, const char *in, char iso[11]);

/* Padded cell of `cols` columns (cut with …). */
void ws_cell(FILE *out, const char *s, int cols);

/* Prints a cJSON value followed by a newline, and deletes it. */
void ws_json_print(cli_ctx *c, cJSON *v);
void ws_json_str(cJSON *o, const char *key, const char *v); /* null for NULL */

/* The run of a record group (vendor, system): add / edit → save(c, argc, argv, add),
 * list / show → list(c, argc, argv, show); anything else → cli_unknown_subcommand. */
typedef int (*ws_record_cmd)(cli_ctx *c, int argc, char **argv, bool flag);
int ws_records_run(cli_ctx *c, int argc, char **argv, const char *group, void (*usage)(FILE *out), ws_record_cmd save,
                   ws_record_cmd list);

/* Finds a vendor by name or #id, printing a clear message (EXIT_INVALID) when unknown. */
int ws_vendor_arg(cli_ctx *c, const char *key, int64_t *id);

/* Finds an assessment by "3" or "#3", printing the message (and returning its exit code) when unknown. */
int ws_assessment_arg(cli_ctx *c, const char *key, int64_t *id);

/* "令和7年度 (2025)" or "FY2025 (R7)". Caller frees. */
char *ws_fy_text(cli_ctx *c, int fy);

/* A stored ISO date for display: "2025-04-01 (R7.4.1)"; "-" when empty. Caller frees. */
char *ws_date_text(const char *iso);

#endif
