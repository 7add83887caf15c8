/* Help on the terminal, rendered from the command table (help/cli_help.h) in ja or en. */
#ifndef ANZEN_CLI_HELP_RENDER_H
#define ANZEN_CLI_HELP_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "help/cli_help.h"

void cli_help_print_usage(FILE *out, bool english);                     /* anzen help, anzen --help */
void cli_help_print_group(FILE *out, const cli_help_group *g, bool english); /* every subcommand in full */
void cli_help_print_cmd(FILE *out, const cli_help_group *g, const cli_help_cmd *c, bool english);
/* The synopsis lines of a group and where to read more (after a usage error). */
void cli_help_print_synopsis(FILE *out, const cli_help_group *g, bool english);
/* anzen help [GROUP [SUB]]: 0, or 2 (message on err) for an unknown group or subcommand. */
int cli_help_show(FILE *out, FILE *err, bool english, const char *group, const char *sub);

#endif
