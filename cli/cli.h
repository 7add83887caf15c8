/* The scriptable command line: `anzen <group> <command> [options]`. Curses-free, so every
 * command is testable by calling cli_main with files for output. */
#ifndef ANZEN_CLI_H
#define ANZEN_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "session/lib.h"

/* Exit codes (documented in the README and in --help). */
enum {
    EXIT_OK = 0,
    EXIT_FAILURE_GENERAL = 1, /* the command could not do what was asked (not found, I/O) */
    EXIT_USAGE = 2,           /* bad command line */
    EXIT_INVALID = 3,         /* invalid data: catalog errors, unknown item/value, malformed date */
    EXIT_DATABASE = 4,        /* database refused: newer schema, not SQLite, read-only, locked */
};

/* Global options (session_opts, core/session) are parsed before the command. */

/* Parses leading global options (--db, --lang, --help, --version) and leaves *argi at the
 * first non-option. Returns -1 to continue, or an exit code when it handled the call itself. */
int cli_parse_globals(int argc, char **argv, int *argi, session_opts *g, FILE *out, FILE *err);

/* Runs one command (argv[0] is the group, e.g. "catalog"). Returns an exit code. */
int cli_run(const session_opts *g, int argc, char **argv, FILE *out, FILE *err);

/* Full entry: globals, then the command; with no command returns -1 (the caller opens the TUI). */
int cli_main(int argc, char **argv, session_opts *g, FILE *out, FILE *err);

/* anzen --help: the commands and global options (from the command table, cli_help.c). */
void cli_usage(FILE *out, bool english);

#endif
