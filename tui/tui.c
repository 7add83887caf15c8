/* Placeholder until the workbench lands: refuses clearly rather than pretending. */
#include "tui.h"

#include <stdio.h>
#include <unistd.h>

int tui_run(const cli_globals *g)
{
    (void)g;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "anzen: the workbench needs a terminal; use a command instead (see anzen --help)\n");
        return EXIT_USAGE;
    }
    fprintf(stderr, "anzen: the workbench is not built yet\n");
    return EXIT_FAILURE_GENERAL;
}
