/* The interactive workbench. */
#ifndef ANZEN_TUI_H
#define ANZEN_TUI_H

#include "session/lib.h"

/* Process exit codes of the workbench (the same numbers as the CLI's, see README). */
enum { TUI_EXIT_OK = 0, TUI_EXIT_FAILED = 1, TUI_EXIT_USAGE = 2, TUI_EXIT_DATABASE = 4 };

/* Runs the workbench until the user quits; returns the process exit code. */
int tui_run(const session_opts *g);

#endif
