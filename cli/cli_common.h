/* Helpers shared by the workspace / assessment command groups (cli_org.c, cli_vendor.c,
 * cli_system.c, cli_assess.c, cli_answer.c, cli_report.c): option tables, status → exit code,
 * columns, dates. */
#ifndef ANZEN_CLI_COMMON_H
#define ANZEN_CLI_COMMON_H

#include <cjson/cJSON.h>

#include "cli_internal.h"
#include "workspace/lib.h"

/* One option of a command: --name VALUE, or a flag (--name). Repeatable options collect all values. */
typedef struct {
    const char *name;
    bool flag;
    bool repeat;
    /* results */
    bool seen;
    const char *value;
    strlist values;
} cli_option;

/* Parses argv[1..] (argv[0] is the subcommand) into opts and positional arguments. Unknown option
 * or missing value → message and EXIT_USAGE; 0 otherwise. */
int cli_parse_options(cli_ctx *c, int argc, char **argv, cli_option *opts, size_t nopts, strlist *pos);
/* argv with "-o" turned into "--output" (the one short option, of the export commands), so the
 * option table sees one name. The strings are borrowed; free only the returned array. */
char **cli_short_output(int argc, char **argv);
/* The option by name (must be in the table). */
cli_option *cli_option_get(cli_option *opts, size_t nopts, const char *name);
void cli_options_free(cli_option *opts, size_t nopts);

/* Applying a seen option to a record field (unseen options leave the field as it is):
 * text ("" clears to NULL); yes|no (else "--name: … is not yes or no", EXIT_INVALID); a date as
 * cli_date_arg ("" clears). The last two return 0 or the exit code after printing the message. */
void cli_option_text(char **field, const cli_option *o);
int cli_option_tri(cli_ctx *c, ws_tri *t, const cli_option *o);
int cli_option_date(cli_ctx *c, char **field, const cli_option *o);

/* Prints the message of a failure in the UI language ("anzen: …", status_format), releases *d
 * and returns the code's exit code from the status table (base/status.h). */
int cli_fail_status(cli_ctx *c, status_detail *d);
/* The same with a pointer to the command that helps, after the message: "(see anzen vendor
 * list)" / "（anzen vendor list を参照）". */
int cli_fail_status_see(cli_ctx *c, status_detail *d, const char *command);
/* The same with the command to use instead: "…; use anzen org edit" / "…。anzen org edit を使ってください". */
int cli_fail_status_use(cli_ctx *c, status_detail *d, const char *command);
/* A failure found by the command line itself (an option's value): `code` with the option as the
 * field ("--due"), rendered and returned like cli_fail_status. */
int cli_fail_option(cli_ctx *c, const char *option, const status_info *in);

/* A user date (2025-04-01, 令和7年4月1日, R7.4.1) into ISO; "" stays "" (clears). Prints
 * "--what: message" (jpdate's status) and returns false when malformed. */
bool cli_date_arg(cli_ctx *c, const char *what, const char *in, char iso[11]);

/* Padded cell of `cols` columns (cut with …). */
void cli_cell(FILE *out, const char *s, int cols);

/* Prints a cJSON value followed by a newline, and deletes it. */
void cli_json_print(cli_ctx *c, cJSON *v);
void cli_json_str(cJSON *o, const char *key, const char *v); /* null for NULL */

/* The run of a record group (vendor, system): add / edit → save(c, argc, argv, add),
 * list / show → list(c, argc, argv, show); anything else → cli_unknown_subcommand. */
typedef int (*cli_record_cmd)(cli_ctx *c, int argc, char **argv, bool flag);
int cli_records_run(cli_ctx *c, int argc, char **argv, const char *group, void (*usage)(FILE *out), cli_record_cmd save,
                   cli_record_cmd list);
/* vendor|system delete | archive | restore | undo (cli_retire.c), dispatched by cli_records_run. */
int cli_retire_run(cli_ctx *c, int argc, char **argv, ws_entity e);

/* Finds a vendor by name or #id, printing a clear message (EXIT_INVALID) when unknown. */
int cli_vendor_arg(cli_ctx *c, const char *key, int64_t *id);

/* Finds an assessment by "3" or "#3", printing the message (and returning its exit code) when unknown. */
int cli_assessment_arg(cli_ctx *c, const char *key, int64_t *id);

/* "令和7年度 (2025)" or "FY2025 (R7)". Caller frees. */
char *cli_fy_text(cli_ctx *c, int fy);

/* A stored ISO date for display: "2025-04-01 (R7.4.1)"; "-" when empty. Caller frees. */
char *cli_date_text(const char *iso);

#endif
