/* The command table: every command, subcommand and option of anzen with a one-line description in
 * Japanese and English. It is the one source of `anzen help`, `anzen CMD [SUB] --help`, the man
 * page anzen.1 and the bash completion (cli_help_doc.c, written at build time by anzen-docgen).
 * Pure data and stdio: the generator links it without the rest of the CLI. */
#ifndef ANZEN_CLI_HELP_H
#define ANZEN_CLI_HELP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One option: --name ARG (arg NULL: a flag); alias is a short form ("-o") or NULL. */
typedef struct {
    const char *name, *arg, *ja, *en;
    const char *alias;
} cli_help_opt;

/* One subcommand (sub NULL: the group runs by itself, `anzen progress`). args is the synopsis
 * after the subcommand; opts ends with an entry whose name is NULL. */
typedef struct {
    const char *sub, *args, *ja, *en;
    const cli_help_opt *opts;
} cli_help_cmd;

/* One command group as registered in cli/cli.c; cmds ends with an entry whose ja is NULL. */
typedef struct {
    const char *name, *ja, *en;
    const cli_help_cmd *cmds;
} cli_help_group;

extern const cli_help_group cli_help_groups[];
extern const size_t cli_help_group_count;
extern const cli_help_opt cli_help_globals[]; /* --db, --lang, … (ends with name NULL) */

const cli_help_group *cli_help_group_find(const char *name);
/* The subcommand `sub` of g (NULL finds the group's own entry); NULL when there is none. */
const cli_help_cmd *cli_help_cmd_find(const cli_help_group *g, const char *sub);
static inline const char *cli_help_text(const char *ja, const char *en, bool english)
{
    return english ? en : ja;
}

/* The man page (roff) in English or Japanese, and the bash completion script (cli_help_doc.c). */
void cli_help_write_man(FILE *out, bool english, const char *version);
void cli_help_write_bash(FILE *out);

#endif
