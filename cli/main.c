/* anzen: with a command, the scriptable CLI (core/cli); without one, the curses workbench. */
#include <stdio.h>

#include "cli.h"
#include "tui.h"

int main(int argc, char **argv)
{
    session_opts g = {0};
    int r = cli_main(argc, argv, &g, stdout, stderr);
    if (r >= 0)
        return r;
    return tui_run(&g);
}
