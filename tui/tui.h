/* The interactive workbench. */
#ifndef ANZEN_TUI_H
#define ANZEN_TUI_H

#include "cli/cli.h"

/* Runs the workbench until the user quits; returns the process exit code. */
int tui_run(const cli_globals *g);

#endif
