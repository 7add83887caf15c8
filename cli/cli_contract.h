/* The contract command groups: `anzen contract …` (cli_contract.c) and `anzen export annex …`
 * (cli_annex.c, an `export` group another export document can join as one more subcommand). */
#ifndef ANZEN_CLI_CONTRACT_H
#define ANZEN_CLI_CONTRACT_H

#include "cli_internal.h"

extern const cli_group cli_group_contract, cli_group_export;

/* Finds a contract by "3", "#3" or its reference, printing the message (and returning its exit
 * code) when unknown. */
int cli_contract_arg(cli_ctx *c, const char *key, int64_t *id);

#endif
