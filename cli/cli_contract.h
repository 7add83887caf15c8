/* The contract command group `anzen contract …` (cli_contract.c) and `anzen export annex …`
 * (cli_annex.c, a subcommand of the export group in cli_export.c). */
#ifndef ANZEN_CLI_CONTRACT_H
#define ANZEN_CLI_CONTRACT_H

#include "cli_internal.h"
#include "export/lib.h"

extern const cli_group cli_group_contract;

/* `export annex CONTRACT …` (argv[0] is "annex"); its usage lines. */
int cli_export_annex(cli_ctx *c, int argc, char **argv);
void cli_export_annex_usage(FILE *out);
/* A failed export write in the UI language (an existing file says how to replace it); the exit code. */
int cli_export_fail(cli_ctx *c, const export_error *e, const char *path);

/* Finds a contract by "3", "#3" or its reference, printing the message (and returning its exit
 * code) when unknown. */
int cli_contract_arg(cli_ctx *c, const char *key, int64_t *id);

#endif
