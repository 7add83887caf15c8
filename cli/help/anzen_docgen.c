/* anzen-docgen man ja|en VERSION | bash: writes the man page or the bash completion from the
 * command table to stdout (a build step, cli/CMakeLists.txt). */
#include <stdio.h>
#include <string.h>

#include "cli_help.h"

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "man") == 0 && (strcmp(argv[2], "ja") == 0 || strcmp(argv[2], "en") == 0))
        cli_help_write_man(stdout, strcmp(argv[2], "en") == 0, argv[3]);
    else if (argc == 2 && strcmp(argv[1], "bash") == 0)
        cli_help_write_bash(stdout);
    else {
        fputs("usage: anzen-docgen man ja|en VERSION | anzen-docgen bash\n", stderr);
        return 2;
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
